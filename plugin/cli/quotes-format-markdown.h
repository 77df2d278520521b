/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <quotes.h>

G_BEGIN_DECLS

/* The report as Markdown: a heading for the file and one for each section,
 * the speakers as a list with their quotes, in full, nested. */
void quotes_markdown_print (GString        *out,
                            const char     *name,
                            const char     *text,
                            QuotesAnalysis *analysis);

G_END_DECLS
