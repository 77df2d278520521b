/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include "quotes.h"

G_BEGIN_DECLS

/* For `quotes-scan --json`: analyses @text and writes the JSON of the
 * analysis to @out, byte for byte what quotes_analysis_write_json() writes,
 * straight from the pipeline's records: making and freeing the analysis
 * objects took a quarter of the time of a large text. When the text can
 * be analysed, @before is written first (the separator between files);
 * when it cannot, nothing is written and @error is in the QUOTES_ERROR
 * domain. */
gboolean quotes_analyzer_write_json (QuotesAnalyzer  *self,
                                     const char      *text,
                                     gsize            length,
                                     const char      *before,
                                     GOutputStream   *out,
                                     GError         **error);

G_END_DECLS
