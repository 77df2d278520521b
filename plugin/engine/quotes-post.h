/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#if !defined (QUOTES_INSIDE) && !defined (QUOTES_COMPILATION)
#error "Only <quotes.h> can be included directly."
#endif

#include "quotes-enums.h"
#include "quotes-span.h"

G_BEGIN_DECLS

#define QUOTES_TYPE_POST (quotes_post_get_type ())

G_DECLARE_FINAL_TYPE (QuotesPost, quotes_post, QUOTES, POST, GObject)

guint           quotes_post_get_id       (QuotesPost *self);
QuotesPlatform  quotes_post_get_platform (QuotesPost *self);
const char     *quotes_post_get_author   (QuotesPost *self);
const char     *quotes_post_get_handle   (QuotesPost *self);
const char     *quotes_post_get_date     (QuotesPost *self);
const char     *quotes_post_get_url      (QuotesPost *self);
guint           quotes_post_get_start    (QuotesPost *self);
guint           quotes_post_get_end      (QuotesPost *self);
const char     *quotes_post_get_text     (QuotesPost *self);
gint            quotes_post_get_speaker  (QuotesPost *self);

G_END_DECLS
