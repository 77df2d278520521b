/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#if !defined (QUOTES_INSIDE) && !defined (QUOTES_COMPILATION)
#error "Only <quotes.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/**
 * QuotesQuoteKind:
 * @QUOTES_QUOTE_KIND_DIRECT: a complete utterance in quote marks
 * @QUOTES_QUOTE_KIND_PARTIAL: a fragment in quote marks inside the writer's own sentence
 * @QUOTES_QUOTE_KIND_INDIRECT: reported speech without quote marks
 * @QUOTES_QUOTE_KIND_SCARE: marks around a term or title that nobody is quoted as saying
 *
 * What kind of quotation a #QuotesQuote is.
 */
typedef enum
{
  QUOTES_QUOTE_KIND_DIRECT,
  QUOTES_QUOTE_KIND_PARTIAL,
  QUOTES_QUOTE_KIND_INDIRECT,
  QUOTES_QUOTE_KIND_SCARE,
} QuotesQuoteKind;

/**
 * QuotesEntityType:
 * @QUOTES_ENTITY_TYPE_PERSON: a person
 * @QUOTES_ENTITY_TYPE_ORGANIZATION: a company, party, government body, group…
 *
 * What a #QuotesEntity names.
 */
typedef enum
{
  QUOTES_ENTITY_TYPE_PERSON,
  QUOTES_ENTITY_TYPE_ORGANIZATION,
} QuotesEntityType;

/**
 * QuotesPlatform:
 * @QUOTES_PLATFORM_UNKNOWN: a post whose platform could not be told
 * @QUOTES_PLATFORM_X: X, formerly Twitter
 * @QUOTES_PLATFORM_BLUESKY: Bluesky
 * @QUOTES_PLATFORM_MASTODON: Mastodon or another fediverse server
 * @QUOTES_PLATFORM_THREADS: Threads
 * @QUOTES_PLATFORM_FACEBOOK: Facebook
 * @QUOTES_PLATFORM_INSTAGRAM: Instagram
 * @QUOTES_PLATFORM_TELEGRAM: Telegram
 * @QUOTES_PLATFORM_YOUTUBE: YouTube
 * @QUOTES_PLATFORM_TIKTOK: TikTok
 * @QUOTES_PLATFORM_LINKEDIN: LinkedIn
 *
 * The social network a cited #QuotesPost was published on.
 */
typedef enum
{
  QUOTES_PLATFORM_UNKNOWN,
  QUOTES_PLATFORM_X,
  QUOTES_PLATFORM_BLUESKY,
  QUOTES_PLATFORM_MASTODON,
  QUOTES_PLATFORM_THREADS,
  QUOTES_PLATFORM_FACEBOOK,
  QUOTES_PLATFORM_INSTAGRAM,
  QUOTES_PLATFORM_TELEGRAM,
  QUOTES_PLATFORM_YOUTUBE,
  QUOTES_PLATFORM_TIKTOK,
  QUOTES_PLATFORM_LINKEDIN,
} QuotesPlatform;

const char *quotes_quote_kind_to_string  (QuotesQuoteKind  kind);
const char *quotes_entity_type_to_string (QuotesEntityType type);
const char *quotes_platform_to_string    (QuotesPlatform   platform);

G_END_DECLS
