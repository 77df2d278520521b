/* SPDX-License-Identifier: GPL-2.0-or-later */

/* The analysis as a plain-text report for people. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "quotes-format-private.h"
#include "quotes-i18n-private.h"

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
  quotes_format_append_quote (out, lines, quote, said);
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
      quotes_format_append_counts (out, quotes, said);
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

/**
 * quotes_analysis_to_text:
 * @self: an analysis
 * @text: the analysed text, to number the lines of the quotes
 * @title: (nullable): the name of the document, for the first line
 *
 * The analysis as people read it: speakers with their quotes, quotes
 * without a known speaker, organizations and cited posts, in the user's
 * language. `quotes-scan` prints it.
 *
 * Returns: (transfer full): the report
 */
char *
quotes_analysis_to_text (QuotesAnalysis *self,
                         const char     *text,
                         const char     *title)
{
  GString *out;
  g_autoptr(GArray) lines = NULL;

  g_return_val_if_fail (QUOTES_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  quotes_i18n_init ();
  out = g_string_new (NULL);
  lines = quotes_format_line_starts (text);
  if (title != NULL)
    g_string_append_printf (out, "%s\n", title);
  print_speakers (out, lines, self);
  print_unattributed (out, lines, self);
  print_organizations (out, self);
  print_posts (out, self);
  return g_string_free (out, FALSE);
}
