/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <quotes.h>

G_BEGIN_DECLS

/* The analysis as people read it: speakers with their quotes,
 * organizations, cited posts. (The Markdown and CSV reports are the
 * engine's: quotes_analysis_to_markdown(), quotes_analysis_to_csv().) */
void quotes_report_print (GString        *out,
                          const char     *name,
                          const char     *text,
                          QuotesAnalysis *analysis);

G_END_DECLS
