/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include "quotes-analysis.h"

G_BEGIN_DECLS

/* Internal to the engine library: hidden, so that its files call each other
 * directly, not through the PLT, and the compiler may inline. */
#pragma GCC visibility push(hidden)

/* Constructors of the result objects; each takes ownership of what it is given. */
QuotesQuote    *quotes_quote_new    (guint             id,
                                     QuotesQuoteKind   kind,
                                     guint             start,
                                     guint             end,
                                     char             *text,
                                     QuotesSpan       *cue,
                                     QuotesSpan       *source,
                                     gint              speaker,
                                     gint              post,
                                     double            confidence);
QuotesEntity   *quotes_entity_new   (guint             id,
                                     QuotesEntityType  type,
                                     char             *name,
                                     char             *title,
                                     GStrv             aliases,
                                     GPtrArray        *mentions,
                                     GArray           *quotes);
QuotesPost     *quotes_post_new     (guint             id,
                                     QuotesPlatform    platform,
                                     char             *author,
                                     char             *handle,
                                     char             *date,
                                     char             *url,
                                     guint             start,
                                     guint             end,
                                     char             *text,
                                     gint              speaker);
QuotesSpan     *quotes_span_new_take (guint            start,
                                      guint            end,
                                      char            *text);
QuotesAnalysis *quotes_analysis_new (guint             length,
                                     GPtrArray        *quotes,
                                     GPtrArray        *entities,
                                     GPtrArray        *posts);

#pragma GCC visibility pop

G_END_DECLS
