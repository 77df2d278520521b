/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#if !defined (QUOTES_INSIDE) && !defined (QUOTES_COMPILATION)
#error "Only <quotes.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

#define QUOTES_TYPE_SPAN (quotes_span_get_type ())

typedef struct _QuotesSpan QuotesSpan;

/**
 * QuotesSpan:
 * @start: offset of the first character, in Unicode code points from the start of the text
 * @end: offset just past the last character (end exclusive)
 * @text: the characters of the span, UTF-8
 *
 * A stretch of the analysed text, in the same unit as #GtkTextIter offsets.
 */
struct _QuotesSpan
{
  guint  start;
  guint  end;
  char  *text;
};

GType       quotes_span_get_type (void) G_GNUC_CONST;
QuotesSpan *quotes_span_new      (guint             start,
                                  guint             end,
                                  const char       *text);
QuotesSpan *quotes_span_copy     (const QuotesSpan *self);
void        quotes_span_free     (QuotesSpan       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuotesSpan, quotes_span_free)

G_END_DECLS
