/* SPDX-License-Identifier: GPL-2.0-or-later */

/**
 * QuotesAnalyzer:
 *
 * Finds the quotations in a text, who said them, the persons and
 * organizations it names and the social posts it cites.
 *
 * An analyzer holds nothing but the shared word lists, so one analyzer may
 * run analyses on several threads at once.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "quotes-analyzer.h"
#include "quotes-analyzer-private.h"
#include "quotes-byte-chunks-private.h"
#include "quotes-document.h"
#include "quotes-i18n-private.h"
#include "quotes-posts.h"
#include "quotes-result-stage.h"

struct _QuotesAnalyzer
{
  GObject        parent_instance;

  QuotesLexicon *lexicon;
  gboolean       timing;   /* QUOTES_TIMING=1: how long each stage takes, on stderr */
};

G_DEFINE_FINAL_TYPE (QuotesAnalyzer, quotes_analyzer, G_TYPE_OBJECT)

G_DEFINE_QUARK (quotes-error-quark, quotes_error)

static void
quotes_analyzer_class_init (QuotesAnalyzerClass *klass)
{
  /* Its errors are translated. */
  quotes_i18n_init ();
}

static void
quotes_analyzer_init (QuotesAnalyzer *self)
{
  self->lexicon = quotes_lexicon_get_default ();
  self->timing = g_strcmp0 (g_getenv ("QUOTES_TIMING"), "1") == 0;
}

/**
 * quotes_analyzer_new:
 *
 * Returns: (transfer full): a new analyzer
 */
QuotesAnalyzer *
quotes_analyzer_new (void)
{
  return g_object_new (QUOTES_TYPE_ANALYZER, NULL);
}

/* g_utf8_validate_len up to the first NUL byte, which it sets @nul to (or
 * NULL), in one pass over the text; faster on text that is mostly ASCII:
 * eight ASCII bytes are checked at once, and GLib checks each run of other
 * bytes. A multibyte character has no ASCII byte in it, so the text is
 * valid when every such run is; on an error GLib goes over the text again,
 * up to the NUL, to report the same place it always has. */
static gboolean
validate_utf8 (const char  *text,
               gsize        length,
               const char **invalid,
               const char **nul)
{
  gsize pos = 0;

  *nul = NULL;
  while (pos < length)
    {
      gsize run;

      while (pos + 8 <= length)
        {
          guint64 word;

          memcpy (&word, text + pos, 8);
          /* A byte from 0x80 up, or a zero byte. */
          if ((word & QUOTES_BYTES (0x80)) || quotes_has_zero_byte (word))
            break;
          pos += 8;
        }
      while (pos < length && (guchar) text[pos] < 0x80 && text[pos] != '\0')
        pos++;
      if (pos < length && text[pos] == '\0')
        {
          *nul = text + pos;
          return TRUE;
        }
      for (run = pos; run < length && (guchar) text[run] >= 0x80; run++)
        ;
      if (run > pos && !g_utf8_validate_len (text + pos, run - pos, NULL))
        {
          const char *zero = memchr (text + run, '\0', length - run);

          return g_utf8_validate_len (text, zero != NULL ? (gsize) (zero - text) : length, invalid);
        }
      pos = run;
    }
  return TRUE;
}

static gboolean
check_text (const char  *text,
            gsize        length,
            GError     **error)
{
  const char *invalid = NULL, *nul = NULL;

  if (!validate_utf8 (text, length, &invalid, &nul))
    {
      g_set_error (error, QUOTES_ERROR, QUOTES_ERROR_INVALID_UTF8,
                   _("The text is not valid UTF-8 at byte %lu"), (gulong) (invalid - text));
      return FALSE;
    }
  if (nul != NULL)
    {
      g_set_error (error, QUOTES_ERROR, QUOTES_ERROR_BINARY,
                   _("The text holds a NUL byte at byte %lu: it is binary data, not text"),
                   (gulong) (nul - text));
      return FALSE;
    }
  if (length >= G_MAXUINT32)
    {
      g_set_error (error, QUOTES_ERROR, QUOTES_ERROR_TOO_LARGE,
                   _("The text is %lu bytes long; at most %u can be analysed"),
                   (gulong) length, G_MAXUINT32 - 1);
      return FALSE;
    }
  return TRUE;
}

typedef void (*Stage) (QuotesDocument *doc);

static const Stage stages[] = {
  quotes_segment_run,
  quotes_posts_run,
  quotes_marks_run,
  quotes_mentions_run,
  quotes_cues_run,
  quotes_attribution_run,
  quotes_coref_run,
  quotes_post_links_run,
  quotes_entities_run,
};

/* Checks @text and runs the stages over it into @doc, which the caller
 * clears in any case. */
static gboolean
run_stages (QuotesAnalyzer  *self,
            QuotesDocument  *doc,
            const char      *text,
            gsize            length,
            GCancellable    *cancellable,
            GError         **error)
{
  memset (doc, 0, sizeof *doc);
  if (!check_text (text, length, error))
    return FALSE;
  quotes_document_init (doc, self->lexicon, text, length, cancellable);
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      gint64 start = g_get_monotonic_time ();

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      stages[i] (doc);
      if (G_UNLIKELY (self->timing))
        g_printerr ("quotes: stage %u took %.1f ms\n", i, (g_get_monotonic_time () - start) / 1000.0);
    }
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/**
 * quotes_analyzer_analyze:
 * @self: an analyzer
 * @text: UTF-8 text
 * @length: its length in bytes, or -1 when it ends with a NUL byte
 * @cancellable: (nullable): to stop the analysis from another thread
 * @error: where to put the reason it failed
 *
 * Analyses @text. Safe to call from any thread, also while other analyses
 * run. The time it takes grows linearly with the length of @text.
 *
 * Returns: (transfer full): the analysis, or %NULL with @error set when the
 *   text is not valid UTF-8, is binary, or the analysis was cancelled
 */
QuotesAnalysis *
quotes_analyzer_analyze (QuotesAnalyzer  *self,
                         const char      *text,
                         gssize           length,
                         GCancellable    *cancellable,
                         GError         **error)
{
  QuotesDocument doc;
  QuotesAnalysis *analysis = NULL;

  g_return_val_if_fail (QUOTES_IS_ANALYZER (self), NULL);
  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (text);
  if (text == NULL)
    text = "";
  if (run_stages (self, &doc, text, length, cancellable, error))
    {
      gint64 start = g_get_monotonic_time ();

      analysis = quotes_result_build (&doc);
      if (G_UNLIKELY (self->timing))
        g_printerr ("quotes: the result took %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
    }
  quotes_document_clear (&doc);
  return analysis;
}

gboolean
quotes_analyzer_write_json (QuotesAnalyzer  *self,
                            const char      *text,
                            gsize            length,
                            const char      *before,
                            GOutputStream   *out,
                            GError         **error)
{
  QuotesDocument doc;
  gboolean written = FALSE;

  g_return_val_if_fail (QUOTES_IS_ANALYZER (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  if (run_stages (self, &doc, text, length, NULL, error))
    {
      gint64 start = g_get_monotonic_time ();

      written = g_output_stream_write_all (out, before, strlen (before), NULL, NULL, error) &&
                quotes_result_write_json (&doc, out, NULL, error);
      if (G_UNLIKELY (self->timing))
        g_printerr ("quotes: the result and its JSON took %.1f ms\n",
                    (g_get_monotonic_time () - start) / 1000.0);
    }
  quotes_document_clear (&doc);
  return written;
}
