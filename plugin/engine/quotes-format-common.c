/* SPDX-License-Identifier: GPL-2.0-or-later */

/* What the text and Markdown reports share: line numbers, a quote's line
 * of description, a speaker's counts. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "quotes-format-private.h"

/* Where each line starts, in code points, to number the quotes' lines
 * without counting from the top for each. */
GArray *
quotes_format_line_starts (const char *text)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (guint));
  guint offset = 0;

  g_array_append_val (starts, offset);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      offset++;
      if (*p == '\n')
        g_array_append_val (starts, offset);
    }
  return starts;
}

/* The line, from 1, of the code point at @offset. */
guint
quotes_format_line_of (GArray *starts,
                       guint   offset)
{
  guint low = 0, high = starts->len;

  while (high - low > 1)
    {
      guint middle = (low + high) / 2;

      if (g_array_index (starts, guint, middle) <= offset)
        low = middle;
      else
        high = middle;
    }
  return low + 1;
}

/* "“…” (line 3, stated, from a cited post)", with @said for the quote's
 * words. */
void
quotes_format_append_quote (GString     *out,
                            GArray      *lines,
                            QuotesQuote *quote,
                            const char  *said)
{
  const QuotesSpan *cue = quotes_quote_get_cue (quote);
  guint line = quotes_format_line_of (lines, quotes_quote_get_start (quote));

  if (quotes_quote_get_kind (quote) == QUOTES_QUOTE_KIND_INDIRECT)
    /* Translators: reported speech, without quote marks, and the number of
     * the line it starts on; the parenthesis is closed after the reporting
     * verb, e.g. "reported: Russia would go on fighting (line 8, stressed)" */
    g_string_append_printf (out, _("reported: %s (line %u"), said, line);
  else
    /* Translators: a quotation and the number of the line it starts on;
     * use your language's quotation marks. The parenthesis is closed after
     * the reporting verb, e.g. "“We won” (line 3, said)" */
    g_string_append_printf (out, _("“%s” (line %u"), said, line);
  if (cue != NULL)
    /* Translators: the reporting verb of a quote, such as "said" */
    g_string_append_printf (out, _(", %s"), cue->text);
  if (quotes_quote_get_post (quote) >= 0)
    g_string_append (out, _(", from a cited post"));
  g_string_append_c (out, ')');
}

/* " — 3 quotes, 5 reported": the quotes @said (indices into @quotes) in
 * quote marks, then the reported ones. */
void
quotes_format_append_counts (GString   *out,
                             GPtrArray *quotes,
                             GArray    *said)
{
  guint marked = 0, reported = 0;

  for (guint i = 0; i < said->len; i++)
    {
      QuotesQuote *quote = g_ptr_array_index (quotes, g_array_index (said, guint, i));

      if (quotes_quote_get_kind (quote) == QUOTES_QUOTE_KIND_INDIRECT)
        reported++;
      else
        marked++;
    }
  g_string_append (out, " —");
  if (marked > 0)
    /* Translators: how many quotations in quote marks a speaker has; keep
     * the space in front */
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, " %u quote", " %u quotes", marked), marked);
  if (marked > 0 && reported > 0)
    g_string_append_c (out, ',');
  if (reported > 0)
    /* Translators: how many times a speaker is reported without quote
     * marks; keep the space in front */
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, " %u reported", " %u reported", reported), reported);
}
