/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * The quotes as CSV: one record per quote, RFC 4180 (fields quoted when
 * they need it, records ended by CRLF), after a header record.
 * `quotes-scan --format=csv` prints it, the side panel exports it.
 */

#include "config.h"

#include <string.h>

#include "quotes-analysis.h"
#include "quotes-enums.h"

/* The columns, in order; the names are part of the format, not
 * translated. The file comes last so that the quote's own columns keep
 * their places. */
static const char * const columns[] = {
  "id", "kind", "start", "end", "text", "speaker", "speaker_title",
  "cue", "source", "post_handle", "confidence", "file",
};

static void
append_field (GString    *out,
              const char *value,
              gboolean    first)
{
  if (!first)
    g_string_append_c (out, ',');
  if (value == NULL)
    return;
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_uint (GString  *out,
             guint     value,
             gboolean  first)
{
  char number[16];

  g_snprintf (number, sizeof number, "%u", value);
  append_field (out, number, first);
}

static void
print_header (GString *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    append_field (out, columns[i], i == 0);
  g_string_append (out, "\r\n");
}

static void
print_quote (GString        *out,
             const char     *file_name,
             QuotesAnalysis *analysis,
             QuotesQuote    *quote)
{
  GPtrArray *entities = quotes_analysis_get_entities (analysis);
  GPtrArray *posts = quotes_analysis_get_posts (analysis);
  const QuotesSpan *cue = quotes_quote_get_cue (quote);
  const QuotesSpan *source = quotes_quote_get_source (quote);
  gint speaker = quotes_quote_get_speaker (quote);
  gint post = quotes_quote_get_post (quote);
  QuotesEntity *entity = speaker >= 0 ? g_ptr_array_index (entities, speaker) : NULL;
  /* Two decimals, rounded as the JSON rounds them. */
  double confidence = ((gint64) (quotes_quote_get_confidence (quote) * 100 + 0.5)) / 100.0;
  char confidence_text[G_ASCII_DTOSTR_BUF_SIZE];

  append_uint (out, quotes_quote_get_id (quote), TRUE);
  append_field (out, quotes_quote_kind_to_string (quotes_quote_get_kind (quote)), FALSE);
  append_uint (out, quotes_quote_get_start (quote), FALSE);
  append_uint (out, quotes_quote_get_end (quote), FALSE);
  append_field (out, quotes_quote_get_text (quote), FALSE);
  append_field (out, entity != NULL ? quotes_entity_get_name (entity) : NULL, FALSE);
  append_field (out, entity != NULL ? quotes_entity_get_title (entity) : NULL, FALSE);
  append_field (out, cue != NULL ? cue->text : NULL, FALSE);
  append_field (out, source != NULL ? source->text : NULL, FALSE);
  append_field (out, post >= 0 ? quotes_post_get_handle (g_ptr_array_index (posts, post)) : NULL, FALSE);
  /* A decimal point whatever the locale. */
  append_field (out, g_ascii_formatd (confidence_text, sizeof confidence_text, "%.2f", confidence), FALSE);
  append_field (out, file_name, FALSE);
  g_string_append (out, "\r\n");
}

/**
 * quotes_analysis_to_csv:
 * @self: an analysis
 * @file_name: (nullable): what the `file` column holds: the name of the
 *   analysed file, or %NULL to leave it empty
 *
 * Writes the quotes as the CSV `quotes-scan --format=csv` prints for one
 * file (RFC 4180, records ended by CRLF): a header record, then one
 * record per quote, in the order of the text, with the columns `id`,
 * `kind`, `start`, `end`, `text`, `speaker`, `speaker_title`, `cue`,
 * `source`, `post_handle`, `confidence` and `file`. The header is the
 * first line and holds nothing that needs quoting; the column names are
 * not translated.
 *
 * Returns: (transfer full): the CSV text
 */
char *
quotes_analysis_to_csv (QuotesAnalysis *self,
                        const char     *file_name)
{
  GPtrArray *quotes;
  GString *out;

  g_return_val_if_fail (QUOTES_IS_ANALYSIS (self), NULL);

  quotes = quotes_analysis_get_quotes (self);
  out = g_string_new (NULL);
  print_header (out);
  for (guint q = 0; q < quotes->len; q++)
    print_quote (out, file_name, self, g_ptr_array_index (quotes, q));
  return g_string_free (out, FALSE);
}
