/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#if !defined (QUOTES_INSIDE) && !defined (QUOTES_COMPILATION)
#error "Only <quotes.h> can be included directly."
#endif

#include "quotes-enums.h"
#include "quotes-span.h"

G_BEGIN_DECLS

#define QUOTES_TYPE_QUOTE (quotes_quote_get_type ())

G_DECLARE_FINAL_TYPE (QuotesQuote, quotes_quote, QUOTES, QUOTE, GObject)

guint             quotes_quote_get_id         (QuotesQuote *self);
QuotesQuoteKind   quotes_quote_get_kind       (QuotesQuote *self);
guint             quotes_quote_get_start      (QuotesQuote *self);
guint             quotes_quote_get_end        (QuotesQuote *self);
const char       *quotes_quote_get_text       (QuotesQuote *self);
const QuotesSpan *quotes_quote_get_cue        (QuotesQuote *self);
const QuotesSpan *quotes_quote_get_source     (QuotesQuote *self);
gint              quotes_quote_get_speaker    (QuotesQuote *self);
gint              quotes_quote_get_post       (QuotesQuote *self);
double            quotes_quote_get_confidence (QuotesQuote *self);

G_END_DECLS
