/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * The analysis as a Markdown report: a heading for the document and one
 * for each section, the speakers as a list with their quotes, in full,
 * nested. `quotes-scan --format=markdown` prints it, the side panel copies
 * it.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "quotes-analysis.h"
#include "quotes-enums.h"
#include "quotes-format-private.h"
#include "quotes-i18n-private.h"

/* Appends @text on one line, with what Markdown would read as markup
 * (emphasis, links, HTML, tables, a heading or a list at the start)
 * escaped. */
static void
append_escaped (GString    *out,
                const char *text)
{
  const char *p = text;

  /* "- # Title", "- 1. item", "- > quote": a block inside the list item. */
  if (*p != '\0' && strchr ("#+-=>", *p) != NULL)
    g_string_append_c (out, '\\');
  else if (g_ascii_isdigit (*p))
    {
      const char *q = p;

      while (g_ascii_isdigit (*q))
        q++;
      if (*q == '.' || *q == ')')
        {
          g_string_append_len (out, p, q - p);
          g_string_append_c (out, '\\');
          p = q;
        }
    }
  for (; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r' || *p == '\t')
        {
          g_string_append_c (out, ' ');
          continue;
        }
      if (strchr ("\\`*_[]<>|~&", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}





static void
print_heading (GString    *out,
               const char *level,
               const char *title)
{
  g_string_append_printf (out, "\n%s ", level);
  append_escaped (out, title);
  g_string_append (out, "\n\n");
}

static void
print_quote (GString     *out,
             GArray      *lines,
             QuotesQuote *quote,
             const char  *indent)
{
  g_autoptr(GString) line = g_string_new (NULL);

  quotes_format_append_quote (line, lines, quote, quotes_quote_get_text (quote));
  g_string_append_printf (out, "%s- ", indent);
  append_escaped (out, line->str);
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

  print_heading (out, "##", _("Speakers"));
  for (guint e = 0; e < entities->len; e++)
    {
      QuotesEntity *entity = g_ptr_array_index (entities, e);
      GArray *said = quotes_entity_get_quotes (entity);
      g_autoptr(GString) rest = g_string_new (NULL);

      if (said->len == 0)
        continue;
      any = TRUE;
      g_string_append (out, "- **");
      append_escaped (out, quotes_entity_get_name (entity));
      g_string_append (out, "**");
      if (quotes_entity_get_title (entity) != NULL)
        g_string_append_printf (rest, " (%s)", quotes_entity_get_title (entity));
      quotes_format_append_counts (rest, quotes, said);
      append_escaped (out, rest->str);
      g_string_append_c (out, '\n');
      for (guint i = 0; i < said->len; i++)
        print_quote (out, lines, g_ptr_array_index (quotes, g_array_index (said, guint, i)), "  ");
    }
  if (!any)
    g_string_append_printf (out, "%s\n", _("No quotations found"));
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
        print_heading (out, "##", _("Quotes without a known speaker"));
      header = TRUE;
      print_quote (out, lines, quote, "");
    }
}

static void
print_organizations (GString        *out,
                     QuotesAnalysis *analysis)
{
  GPtrArray *entities = quotes_analysis_get_entities (analysis);
  gboolean any = FALSE;

  print_heading (out, "##", _("Organizations"));
  for (guint e = 0; e < entities->len; e++)
    {
      QuotesEntity *entity = g_ptr_array_index (entities, e);
      guint n = quotes_entity_get_mentions (entity)->len;
      g_autoptr(GString) line = g_string_new (NULL);

      if (quotes_entity_get_entity_type (entity) != QUOTES_ENTITY_TYPE_ORGANIZATION)
        continue;
      any = TRUE;
      /* Translators: an organization and how often the text names it */
      g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, "%s — %u mention", "%s — %u mentions", n),
                              quotes_entity_get_name (entity), n);
      g_string_append (out, "- ");
      append_escaped (out, line->str);
      g_string_append_c (out, '\n');
    }
  if (!any)
    g_string_append_printf (out, "%s\n", _("None"));
}

/* "x @handle (Author), 2025-03-15: " and the post's words, or its URL when
 * it has none. */
static void
append_post (GString    *out,
             QuotesPost *post)
{
  const char *words = quotes_post_get_text (post);

  g_string_append (out, quotes_platform_to_string (quotes_post_get_platform (post)));
  if (quotes_post_get_handle (post) != NULL)
    g_string_append_printf (out, " %s", quotes_post_get_handle (post));
  if (quotes_post_get_author (post) != NULL)
    g_string_append_printf (out, " (%s)", quotes_post_get_author (post));
  if (quotes_post_get_date (post) != NULL)
    g_string_append_printf (out, ", %s", quotes_post_get_date (post));
  if (words != NULL && *words != '\0')
    g_string_append_printf (out, ": %s", words);
  else if (quotes_post_get_url (post) != NULL)
    g_string_append_printf (out, ": %s", quotes_post_get_url (post));
}

static void
print_posts (GString        *out,
             QuotesAnalysis *analysis)
{
  GPtrArray *posts = quotes_analysis_get_posts (analysis);

  print_heading (out, "##", _("Social posts"));
  for (guint p = 0; p < posts->len; p++)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      append_post (line, g_ptr_array_index (posts, p));
      g_string_append (out, "- ");
      append_escaped (out, line->str);
      g_string_append_c (out, '\n');
    }
  if (posts->len == 0)
    g_string_append_printf (out, "%s\n", _("None"));
}

/**
 * quotes_analysis_to_markdown:
 * @self: an analysis
 * @text: the text @self is the analysis of, to number the lines of the
 *   quotes
 * @title: the heading of the report, such as the name of the file
 *
 * Writes the analysis as the Markdown report `quotes-scan --format=markdown`
 * prints: a heading with @title, then sections for the speakers with
 * their quotes, the quotes without a known speaker (when there are any),
 * the organizations and the cited social posts. Markup in the quotes and
 * names is escaped; the headings and counts are in the language of the
 * user's locale.
 *
 * Returns: (transfer full): the Markdown text
 */
char *
quotes_analysis_to_markdown (QuotesAnalysis *self,
                             const char     *text,
                             const char     *title)
{
  g_autoptr(GString) out = NULL;
  g_autoptr(GArray) lines = NULL;

  g_return_val_if_fail (QUOTES_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  quotes_i18n_init ();
  out = g_string_new ("# ");
  lines = quotes_format_line_starts (text);
  append_escaped (out, title);
  g_string_append_c (out, '\n');
  print_speakers (out, lines, self);
  print_unattributed (out, lines, self);
  print_organizations (out, self);
  print_posts (out, self);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
