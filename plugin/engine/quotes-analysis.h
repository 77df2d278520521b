/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#if !defined (QUOTES_INSIDE) && !defined (QUOTES_COMPILATION)
#error "Only <quotes.h> can be included directly."
#endif

#include <gio/gio.h>

#include "quotes-entity.h"
#include "quotes-post.h"
#include "quotes-quote.h"

G_BEGIN_DECLS

#define QUOTES_TYPE_ANALYSIS (quotes_analysis_get_type ())

G_DECLARE_FINAL_TYPE (QuotesAnalysis, quotes_analysis, QUOTES, ANALYSIS, GObject)

guint      quotes_analysis_get_length   (QuotesAnalysis *self);
GPtrArray *quotes_analysis_get_quotes   (QuotesAnalysis *self);
GPtrArray *quotes_analysis_get_entities (QuotesAnalysis *self);
GPtrArray *quotes_analysis_get_posts    (QuotesAnalysis *self);
char      *quotes_analysis_to_json      (QuotesAnalysis *self);
char      *quotes_analysis_to_text      (QuotesAnalysis *self,
                                         const char     *text,
                                         const char     *title);
gboolean   quotes_analysis_write_json   (QuotesAnalysis *self,
                                         GOutputStream  *out,
                                         GCancellable   *cancellable,
                                         GError        **error);
char      *quotes_analysis_to_markdown  (QuotesAnalysis *self,
                                         const char     *text,
                                         const char     *title);
char      *quotes_analysis_to_csv       (QuotesAnalysis *self,
                                         const char     *file_name);

G_END_DECLS
