/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <quotes.h>

G_BEGIN_DECLS

/* quotes-scan --format=csv: one record per quote, RFC 4180 (fields quoted
 * when they need it, records ended by CRLF). The header comes once, before
 * the records of all files. */
void quotes_csv_print_header (GString        *out);
void quotes_csv_print        (GString        *out,
                              const char     *name,
                              QuotesAnalysis *analysis);

G_END_DECLS
