/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include "quotes-analysis.h"

G_BEGIN_DECLS

/* Internal to the engine library: hidden, so that its files call each other
 * directly, not through the PLT, and the compiler may inline. */
#pragma GCC visibility push(hidden)

GArray *quotes_format_line_starts   (const char  *text);
guint   quotes_format_line_of       (GArray      *starts,
                                     guint        offset);
void    quotes_format_append_quote  (GString     *out,
                                     GArray      *lines,
                                     QuotesQuote *quote,
                                     const char  *said);
void    quotes_format_append_counts (GString     *out,
                                     GPtrArray   *quotes,
                                     GArray      *said);

#pragma GCC visibility pop

G_END_DECLS
