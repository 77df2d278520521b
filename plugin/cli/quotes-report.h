/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <quotes.h>

G_BEGIN_DECLS

/* The analysis as people read it: speakers with their quotes,
 * organizations, cited posts. */
void quotes_report_print (GString        *out,
                          const char     *name,
                          const char     *text,
                          QuotesAnalysis *analysis);

/* The pieces the text and Markdown reports share, without indentation or
 * line ends. */

/* Where each line of @text starts, in code points; quotes_report_line_of()
 * gives the line number (from 1) of an offset. */
GArray *quotes_report_line_starts     (const char     *text);
guint   quotes_report_line_of         (GArray         *starts,
                                       guint           offset);

/* " — 3 quotes, 5 reported": the quotes @said (indices into @quotes) in
 * quote marks, then the reported ones. */
void    quotes_report_append_counts   (GString        *out,
                                       GPtrArray      *quotes,
                                       GArray         *said);

/* "“…” (line 3, stated, from a cited post)", with @said for the quote's
 * words. */
void    quotes_report_append_quote    (GString        *out,
                                       GArray         *lines,
                                       QuotesQuote    *quote,
                                       const char     *said);

/* "x @handle (Author), 2025-03-15: " and @words, or the post's URL when
 * @words is empty. */
void    quotes_report_append_post     (GString        *out,
                                       QuotesPost     *post,
                                       const char     *words);

/* "Name — 2 mentions" for an organization. */
void    quotes_report_append_mentions (GString        *out,
                                       QuotesEntity   *entity);

G_END_DECLS
