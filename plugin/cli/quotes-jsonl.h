/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <gio/gio.h>
#include <quotes.h>

G_BEGIN_DECLS

/* Gives the analyzer; called for the first text only when there is one. */
typedef QuotesAnalyzer *(*QuotesAnalyzerGetter) (void);

/* quotes-scan --jsonl: reads JSON Lines {"id": …, "text": …} from @in and
 * writes to @out, for each line as soon as it is read, the line
 * {"id": …, "analysis": {…}} or {"id": …, "error": "…"}, and flushes it.
 * Returns FALSE, with the reason printed (@name says where the lines came
 * from), when @in could not be read or @out written; lines that cannot be
 * analysed are answered, not failures. */
gboolean quotes_jsonl_scan (QuotesAnalyzerGetter  get_analyzer,
                            GInputStream         *in,
                            const char           *name,
                            GOutputStream        *out);

G_END_DECLS
