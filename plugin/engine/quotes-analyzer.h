/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#if !defined (QUOTES_INSIDE) && !defined (QUOTES_COMPILATION)
#error "Only <quotes.h> can be included directly."
#endif

#include <gio/gio.h>

#include "quotes-analysis.h"

G_BEGIN_DECLS

#define QUOTES_ERROR (quotes_error_quark ())

/**
 * QuotesError:
 * @QUOTES_ERROR_INVALID_UTF8: the text is not valid UTF-8
 * @QUOTES_ERROR_BINARY: the text holds a NUL byte, so it is binary data
 * @QUOTES_ERROR_TOO_LARGE: the text is 4 GiB or longer
 *
 * Why a text could not be analysed. The message names the byte offset.
 */
typedef enum
{
  QUOTES_ERROR_INVALID_UTF8,
  QUOTES_ERROR_BINARY,
  QUOTES_ERROR_TOO_LARGE,
} QuotesError;

#define QUOTES_TYPE_ANALYZER (quotes_analyzer_get_type ())

G_DECLARE_FINAL_TYPE (QuotesAnalyzer, quotes_analyzer, QUOTES, ANALYZER, GObject)

GQuark          quotes_error_quark       (void);
QuotesAnalyzer *quotes_analyzer_new      (void);
QuotesAnalysis *quotes_analyzer_analyze  (QuotesAnalyzer  *self,
                                          const char      *text,
                                          gssize           length,
                                          GCancellable    *cancellable,
                                          GError         **error);

G_END_DECLS
