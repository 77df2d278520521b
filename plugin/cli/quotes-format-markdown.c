/* SPDX-License-Identifier: GPL-2.0-or-later */

/* quotes-scan --format=markdown */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "quotes-format-markdown.h"
#include "quotes-report.h"

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

  quotes_report_append_quote (line, lines, quote, quotes_quote_get_text (quote));
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
      quotes_report_append_counts (rest, quotes, said);
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
      g_autoptr(GString) line = g_string_new (NULL);

      if (quotes_entity_get_entity_type (entity) != QUOTES_ENTITY_TYPE_ORGANIZATION)
        continue;
      any = TRUE;
      quotes_report_append_mentions (line, entity);
      g_string_append (out, "- ");
      append_escaped (out, line->str);
      g_string_append_c (out, '\n');
    }
  if (!any)
    g_string_append_printf (out, "%s\n", _("None"));
}

static void
print_posts (GString        *out,
             QuotesAnalysis *analysis)
{
  GPtrArray *posts = quotes_analysis_get_posts (analysis);

  print_heading (out, "##", _("Social posts"));
  for (guint p = 0; p < posts->len; p++)
    {
      QuotesPost *post = g_ptr_array_index (posts, p);
      const char *words = quotes_post_get_text (post);
      g_autoptr(GString) line = g_string_new (NULL);

      quotes_report_append_post (line, post, words != NULL ? words : "");
      g_string_append (out, "- ");
      append_escaped (out, line->str);
      g_string_append_c (out, '\n');
    }
  if (posts->len == 0)
    g_string_append_printf (out, "%s\n", _("None"));
}

void
quotes_markdown_print (GString        *out,
                       const char     *name,
                       const char     *text,
                       QuotesAnalysis *analysis)
{
  g_autoptr(GArray) lines = quotes_report_line_starts (text);

  g_string_append (out, "# ");
  append_escaped (out, name);
  g_string_append_c (out, '\n');
  print_speakers (out, lines, analysis);
  print_unattributed (out, lines, analysis);
  print_organizations (out, analysis);
  print_posts (out, analysis);
}
