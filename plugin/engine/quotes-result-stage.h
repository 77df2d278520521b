/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include "quotes-analysis.h"
#include "quotes-document.h"

G_BEGIN_DECLS

/* Internal to the engine library: hidden, so that its files call each other
 * directly, not through the PLT, and the compiler may inline. */
#pragma GCC visibility push(hidden)

QuotesAnalysis *quotes_result_build (const QuotesDocument *doc);

/* The JSON quotes_analysis_write_json() would write of the analysis
 * quotes_result_build() would make, without making it. */
gboolean        quotes_result_write_json (const QuotesDocument  *doc,
                                          GOutputStream         *out,
                                          GCancellable          *cancellable,
                                          GError               **error);

#pragma GCC visibility pop

G_END_DECLS
