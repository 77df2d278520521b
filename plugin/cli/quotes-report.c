/* SPDX-License-Identifier: GPL-2.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "quotes-report.h"

#define EXCERPT_CHARS 90

static char *
excerpt (const char *text)
{
  g_autofree char *flat = g_strdup (text);

  g_strdelimit (flat, "\n\r\t", ' ');
  g_autofree char *cut = NULL;

  if (g_utf8_strlen (flat, -1) <= EXCERPT_CHARS)
    return g_steal_pointer (&flat);
  cut = g_utf8_substring (flat, 0, EXCERPT_CHARS - 1);
  return g_strconcat (cut, "…", NULL);
}

/* Where each line starts, in code points, to number the quotes' lines
 * without counting from the top for each. */
static GArray *
line_starts (const char *text)
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
static guint
line_of (GArray *starts,
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
 * words. The Markdown report of the engine words it the same. */
static void
append_quote (GString     *out,
              GArray      *lines,
              QuotesQuote *quote,
              const char  *said)
{
  const QuotesSpan *cue = quotes_quote_get_cue (quote);
  guint line = line_of (lines, quotes_quote_get_start (quote));

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
static void
append_counts (GString   *out,
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

/* "x @handle (Author), 2025-03-15: " and @words, or the post's URL when
 * @words is empty. */
static void
append_post (GString    *out,
             QuotesPost *post,
             const char *words)
{
  g_string_append (out, quotes_platform_to_string (quotes_post_get_platform (post)));
  if (quotes_post_get_handle (post) != NULL)
    g_string_append_printf (out, " %s", quotes_post_get_handle (post));
  if (quotes_post_get_author (post) != NULL)
    g_string_append_printf (out, " (%s)", quotes_post_get_author (post));
  if (quotes_post_get_date (post) != NULL)
    g_string_append_printf (out, ", %s", quotes_post_get_date (post));
  if (*words != '\0')
    g_string_append_printf (out, ": %s", words);
  else if (quotes_post_get_url (post) != NULL)
    g_string_append_printf (out, ": %s", quotes_post_get_url (post));
}

/* "Name — 2 mentions" for an organization. */
static void
append_mentions (GString      *out,
                 QuotesEntity *entity)
{
  guint n = quotes_entity_get_mentions (entity)->len;

  /* Translators: an organization and how often the text names it */
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s — %u mention", "%s — %u mentions", n),
                          quotes_entity_get_name (entity), n);
}

static void
print_quote (GString     *out,
             GArray      *lines,
             QuotesQuote *quote)
{
  g_autofree char *said = excerpt (quotes_quote_get_text (quote));

  g_string_append (out, "    ");
  append_quote (out, lines, quote, said);
  g_string_append_c (out, '\n');
}

static void
print_speakers (GString        *out,
                GArray         *lines,
                QuotesAnalysis *analysis)
{
  GPtrArray *entities = quotes_analysis_get_entities (analysis);
  GPtrArray *quotes = quotes_analysis_get_quotes (analysis);
  gboolean any = FALSE;

  g_string_append_printf (out, "\n%s\n", _("Speakers"));
  for (guint e = 0; e < entities->len; e++)
    {
      QuotesEntity *entity = g_ptr_array_index (entities, e);
      GArray *said = quotes_entity_get_quotes (entity);

      if (said->len == 0)
        continue;
      any = TRUE;
      g_string_append_printf (out, "  %s", quotes_entity_get_name (entity));
      if (quotes_entity_get_title (entity) != NULL)
        g_string_append_printf (out, " (%s)", quotes_entity_get_title (entity));
      append_counts (out, quotes, said);
      g_string_append_c (out, '\n');
      for (guint i = 0; i < said->len; i++)
        print_quote (out, lines, g_ptr_array_index (quotes, g_array_index (said, guint, i)));
    }
  if (!any)
    g_string_append_printf (out, "  %s\n", _("No quotations found"));
}

static void
print_organizations (GString        *out,
                     QuotesAnalysis *analysis)
{
  GPtrArray *entities = quotes_analysis_get_entities (analysis);
  gboolean any = FALSE;

  g_string_append_printf (out, "\n%s\n", _("Organizations"));
  for (guint e = 0; e < entities->len; e++)
    {
      QuotesEntity *entity = g_ptr_array_index (entities, e);

      if (quotes_entity_get_entity_type (entity) != QUOTES_ENTITY_TYPE_ORGANIZATION)
        continue;
      any = TRUE;
      g_string_append (out, "  ");
      append_mentions (out, entity);
      g_string_append_c (out, '\n');
    }
  if (!any)
    g_string_append_printf (out, "  %s\n", _("None"));
}

static void
print_posts (GString        *out,
             QuotesAnalysis *analysis)
{
  GPtrArray *posts = quotes_analysis_get_posts (analysis);

  g_string_append_printf (out, "\n%s\n", _("Social posts"));
  for (guint p = 0; p < posts->len; p++)
    {
      QuotesPost *post = g_ptr_array_index (posts, p);
      g_autofree char *words = excerpt (quotes_post_get_text (post));

      g_string_append (out, "  ");
      append_post (out, post, words);
      g_string_append_c (out, '\n');
    }
  if (posts->len == 0)
    g_string_append_printf (out, "  %s\n", _("None"));
}

static void
print_unattributed (GString        *out,
                    GArray         *lines,
                    QuotesAnalysis *analysis)
{
  GPtrArray *quotes = quotes_analysis_get_quotes (analysis);
  gboolean header = FALSE;

  for (guint q = 0; q < quotes->len; q++)
    {
      QuotesQuote *quote = g_ptr_array_index (quotes, q);

      if (quotes_quote_get_speaker (quote) >= 0 || quotes_quote_get_kind (quote) == QUOTES_QUOTE_KIND_SCARE)
        continue;
      if (!header)
        g_string_append_printf (out, "\n%s\n", _("Quotes without a known speaker"));
      header = TRUE;
      print_quote (out, lines, quote);
    }
}

void
quotes_report_print (GString        *out,
                     const char     *name,
                     const char     *text,
                     QuotesAnalysis *analysis)
{
  g_autoptr(GArray) lines = line_starts (text);

  g_string_append_printf (out, "%s\n", name);
  print_speakers (out, lines, analysis);
  print_unattributed (out, lines, analysis);
  print_organizations (out, analysis);
  print_posts (out, analysis);
}
