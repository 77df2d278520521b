/* SPDX-License-Identifier: GPL-2.0-or-later */

#include "config.h"

#include "quotes-enums.h"

/**
 * quotes_quote_kind_to_string:
 * @kind: a quote kind
 *
 * Returns: the name the JSON output uses for @kind: "direct", "partial",
 *   "indirect" or "scare"
 */
const char *
quotes_quote_kind_to_string (QuotesQuoteKind kind)
{
  static const char *names[] = { "direct", "partial", "indirect", "scare" };

  g_return_val_if_fail (kind <= QUOTES_QUOTE_KIND_SCARE, NULL);
  return names[kind];
}

/**
 * quotes_entity_type_to_string:
 * @type: an entity type
 *
 * Returns: "person" or "organization"
 */
const char *
quotes_entity_type_to_string (QuotesEntityType type)
{
  g_return_val_if_fail (type <= QUOTES_ENTITY_TYPE_ORGANIZATION, NULL);
  return type == QUOTES_ENTITY_TYPE_PERSON ? "person" : "organization";
}

/**
 * quotes_platform_to_string:
 * @platform: a platform
 *
 * Returns: the name the JSON output uses for @platform, such as "x",
 *   "bluesky" or "unknown"
 */
const char *
quotes_platform_to_string (QuotesPlatform platform)
{
  static const char *names[] = {
    "unknown", "x", "bluesky", "mastodon", "threads", "facebook",
    "instagram", "telegram", "youtube", "tiktok", "linkedin",
  };

  g_return_val_if_fail (platform <= QUOTES_PLATFORM_LINKEDIN, NULL);
  return names[platform];
}
