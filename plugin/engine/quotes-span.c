/* SPDX-License-Identifier: GPL-2.0-or-later */

/* Cues, sources and mentions are spans of the analysed text. */

#include "config.h"

#include "quotes-span.h"
#include "quotes-result-private.h"

G_DEFINE_BOXED_TYPE (QuotesSpan, quotes_span, quotes_span_copy, quotes_span_free)

/**
 * quotes_span_new:
 * @start: the offset of the first character, in code points
 * @end: the offset after the last character
 * @text: the characters of the span
 *
 * Returns: (transfer full): a new span
 */
QuotesSpan *
quotes_span_new (guint       start,
                 guint       end,
                 const char *text)
{
  QuotesSpan *self = g_slice_new (QuotesSpan);

  g_return_val_if_fail (start <= end, NULL);

  self->start = start;
  self->end = end;
  self->text = g_strdup (text);
  return self;
}

/**
 * quotes_span_copy:
 * @self: a span
 *
 * Returns: (transfer full): a copy of @self
 */
/* Like quotes_span_new, but takes @text instead of copying it. */
QuotesSpan *
quotes_span_new_take (guint  start,
                      guint  end,
                      char  *text)
{
  QuotesSpan *self = g_slice_new (QuotesSpan);

  self->start = start;
  self->end = end;
  self->text = text;
  return self;
}

QuotesSpan *
quotes_span_copy (const QuotesSpan *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return quotes_span_new (self->start, self->end, self->text);
}

/**
 * quotes_span_free:
 * @self: (transfer full): a span
 *
 * Frees @self.
 */
void
quotes_span_free (QuotesSpan *self)
{
  if (self == NULL)
    return;
  g_free (self->text);
  g_slice_free (QuotesSpan, self);
}
