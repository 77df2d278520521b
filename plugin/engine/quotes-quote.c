/* SPDX-License-Identifier: GPL-2.0-or-later */

/**
 * QuotesQuote:
 *
 * One quotation the analysis found: where it stands, its kind, the cue and
 * the mention its attribution rests on, and who said it.
 */

#include "config.h"

#include "quotes-result-private.h"

struct _QuotesQuote
{
  GObject          parent_instance;

  guint            id;
  QuotesQuoteKind  kind;
  guint            start;
  guint            end;
  char            *text;
  QuotesSpan      *cue;
  QuotesSpan      *source;
  gint             speaker;
  gint             post;
  double           confidence;
};

G_DEFINE_FINAL_TYPE (QuotesQuote, quotes_quote, G_TYPE_OBJECT)

static void
quotes_quote_finalize (GObject *object)
{
  QuotesQuote *self = QUOTES_QUOTE (object);

  g_free (self->text);
  g_clear_pointer (&self->cue, quotes_span_free);
  g_clear_pointer (&self->source, quotes_span_free);
  G_OBJECT_CLASS (quotes_quote_parent_class)->finalize (object);
}

static void
quotes_quote_class_init (QuotesQuoteClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = quotes_quote_finalize;
}

static void
quotes_quote_init (QuotesQuote *self)
{
}

QuotesQuote *
quotes_quote_new (guint            id,
                  QuotesQuoteKind  kind,
                  guint            start,
                  guint            end,
                  char            *text,
                  QuotesSpan      *cue,
                  QuotesSpan      *source,
                  gint             speaker,
                  gint             post,
                  double           confidence)
{
  QuotesQuote *self = g_object_new (QUOTES_TYPE_QUOTE, NULL);

  self->id = id;
  self->kind = kind;
  self->start = start;
  self->end = end;
  self->text = text;
  self->cue = cue;
  self->source = source;
  self->speaker = speaker;
  self->post = post;
  self->confidence = confidence;
  return self;
}

/**
 * quotes_quote_get_id:
 * @self: a quote
 *
 * Returns: its index in quotes_analysis_get_quotes()
 */
guint
quotes_quote_get_id (QuotesQuote *self)
{
  g_return_val_if_fail (QUOTES_IS_QUOTE (self), 0);
  return self->id;
}

/**
 * quotes_quote_get_kind:
 * @self: a quote
 *
 * Returns: whether it is a direct, partial, indirect or scare quote
 */
QuotesQuoteKind
quotes_quote_get_kind (QuotesQuote *self)
{
  g_return_val_if_fail (QUOTES_IS_QUOTE (self), QUOTES_QUOTE_KIND_DIRECT);
  return self->kind;
}

/**
 * quotes_quote_get_start:
 * @self: a quote
 *
 * Returns: where it starts, in code points; marks included for quotes in marks
 */
guint
quotes_quote_get_start (QuotesQuote *self)
{
  g_return_val_if_fail (QUOTES_IS_QUOTE (self), 0);
  return self->start;
}

/**
 * quotes_quote_get_end:
 * @self: a quote
 *
 * Returns: the offset after its last character, in code points
 */
guint
quotes_quote_get_end (QuotesQuote *self)
{
  g_return_val_if_fail (QUOTES_IS_QUOTE (self), 0);
  return self->end;
}

/**
 * quotes_quote_get_text:
 * @self: a quote
 *
 * Returns: what was said: the span without its quote marks
 */
const char *
quotes_quote_get_text (QuotesQuote *self)
{
  g_return_val_if_fail (QUOTES_IS_QUOTE (self), NULL);
  return self->text;
}

/**
 * quotes_quote_get_cue:
 * @self: a quote
 *
 * Returns: (nullable) (transfer none): the reporting words ("said",
 *   "according to"), or %NULL when the attribution rests on context
 */
const QuotesSpan *
quotes_quote_get_cue (QuotesQuote *self)
{
  g_return_val_if_fail (QUOTES_IS_QUOTE (self), NULL);
  return self->cue;
}

/**
 * quotes_quote_get_source:
 * @self: a quote
 *
 * Returns: (nullable) (transfer none): the mention the attribution rests
 *   on: a name, a title or a pronoun
 */
const QuotesSpan *
quotes_quote_get_source (QuotesQuote *self)
{
  g_return_val_if_fail (QUOTES_IS_QUOTE (self), NULL);
  return self->source;
}

/**
 * quotes_quote_get_speaker:
 * @self: a quote
 *
 * Returns: the id of the speaking entity, or -1 when nobody is known
 */
gint
quotes_quote_get_speaker (QuotesQuote *self)
{
  g_return_val_if_fail (QUOTES_IS_QUOTE (self), -1);
  return self->speaker;
}

/**
 * quotes_quote_get_post:
 * @self: a quote
 *
 * Returns: the id of the cited post the quote is drawn from, or -1
 */
gint
quotes_quote_get_post (QuotesQuote *self)
{
  g_return_val_if_fail (QUOTES_IS_QUOTE (self), -1);
  return self->post;
}

/**
 * quotes_quote_get_confidence:
 * @self: a quote
 *
 * Returns: how sure the attribution is, from 0 to 1
 */
double
quotes_quote_get_confidence (QuotesQuote *self)
{
  g_return_val_if_fail (QUOTES_IS_QUOTE (self), 0.0);
  return self->confidence;
}
