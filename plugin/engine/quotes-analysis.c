/* SPDX-License-Identifier: GPL-2.0-or-later */

/**
 * QuotesAnalysis:
 *
 * What the analyzer found in one text: quotes, entities and cited posts.
 * Ids are indices into these arrays; offsets are Unicode code points, the
 * unit of #GtkTextIter offsets. An analysis never changes once made.
 */

#include "config.h"

#include "quotes-json-private.h"
#include "quotes-result-private.h"

struct _QuotesAnalysis
{
  GObject    parent_instance;

  guint      length;
  GPtrArray *quotes;
  GPtrArray *entities;
  GPtrArray *posts;
};

G_DEFINE_FINAL_TYPE (QuotesAnalysis, quotes_analysis, G_TYPE_OBJECT)

static void
quotes_analysis_finalize (GObject *object)
{
  QuotesAnalysis *self = QUOTES_ANALYSIS (object);

  g_clear_pointer (&self->quotes, g_ptr_array_unref);
  g_clear_pointer (&self->entities, g_ptr_array_unref);
  g_clear_pointer (&self->posts, g_ptr_array_unref);
  G_OBJECT_CLASS (quotes_analysis_parent_class)->finalize (object);
}

static void
quotes_analysis_class_init (QuotesAnalysisClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = quotes_analysis_finalize;
}

static void
quotes_analysis_init (QuotesAnalysis *self)
{
}

QuotesAnalysis *
quotes_analysis_new (guint      length,
                     GPtrArray *quotes,
                     GPtrArray *entities,
                     GPtrArray *posts)
{
  QuotesAnalysis *self = g_object_new (QUOTES_TYPE_ANALYSIS, NULL);

  self->length = length;
  self->quotes = quotes;
  self->entities = entities;
  self->posts = posts;
  return self;
}

/**
 * quotes_analysis_get_length:
 * @self: an analysis
 *
 * Returns: the length of the analysed text, in code points
 */
guint
quotes_analysis_get_length (QuotesAnalysis *self)
{
  g_return_val_if_fail (QUOTES_IS_ANALYSIS (self), 0);
  return self->length;
}

/**
 * quotes_analysis_get_quotes:
 * @self: an analysis
 *
 * Returns: (transfer none) (element-type QuotesQuote): the quotes, in the
 *   order of the text
 */
GPtrArray *
quotes_analysis_get_quotes (QuotesAnalysis *self)
{
  g_return_val_if_fail (QUOTES_IS_ANALYSIS (self), NULL);
  return self->quotes;
}

/**
 * quotes_analysis_get_entities:
 * @self: an analysis
 *
 * Returns: (transfer none) (element-type QuotesEntity): the persons and
 *   organizations, in the order of their first mention
 */
GPtrArray *
quotes_analysis_get_entities (QuotesAnalysis *self)
{
  g_return_val_if_fail (QUOTES_IS_ANALYSIS (self), NULL);
  return self->entities;
}

/**
 * quotes_analysis_get_posts:
 * @self: an analysis
 *
 * Returns: (transfer none) (element-type QuotesPost): the cited posts, in
 *   the order of the text
 */
GPtrArray *
quotes_analysis_get_posts (QuotesAnalysis *self)
{
  g_return_val_if_fail (QUOTES_IS_ANALYSIS (self), NULL);
  return self->posts;
}

/**
 * quotes_analysis_to_json:
 * @self: an analysis
 *
 * Writes the analysis as the JSON document `quotes-scan --json` prints
 * (version 1 of the format).
 *
 * Returns: (transfer full): the JSON text
 */
char *
quotes_analysis_to_json (QuotesAnalysis *self)
{
  g_return_val_if_fail (QUOTES_IS_ANALYSIS (self), NULL);
  return quotes_json_write (self);
}

/**
 * quotes_analysis_write_json:
 * @self: an analysis
 * @out: where to write
 * @cancellable: (nullable): to stop writing
 * @error: where to put why writing failed
 *
 * Writes the same JSON as quotes_analysis_to_json() to @out, item by item,
 * without holding all of it in memory: for large analyses.
 *
 * Returns: whether all of it was written
 */
gboolean
quotes_analysis_write_json (QuotesAnalysis  *self,
                            GOutputStream   *out,
                            GCancellable    *cancellable,
                            GError         **error)
{
  g_return_val_if_fail (QUOTES_IS_ANALYSIS (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return quotes_json_write_to (self, out, cancellable, error);
}
