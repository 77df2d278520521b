/* SPDX-License-Identifier: GPL-2.0-or-later */

/* The watcher and the highlighter on a plain GtkSourceBuffer, no gedit. */

#include <locale.h>
#include <string.h>

#include <gtksourceview/gtksource.h>
#include <quotes.h>

#include "quotes-buffer-watcher.h"
#include "quotes-highlighter.h"

#define TIMEOUT_S 10

static const char *article =
  "Mayor Elena Petrova opened the bridge on Monday.\n"
  "“We have kept our promise to the valley,” Petrova said.\n"
  "She stressed that the old crossing would stay open for walkers and cyclists.\n"
  "The plain sentence at the end has no speech in it.\n";

static GtkSourceBuffer *
new_buffer (const char *text)
{
  GtkSourceBuffer *buffer = gtk_source_buffer_new (NULL);

  gtk_source_buffer_begin_not_undoable_action (buffer);
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (buffer), text, -1);
  gtk_source_buffer_end_not_undoable_action (buffer);
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (buffer), FALSE);
  return buffer;
}

static gboolean
give_up (gpointer data)
{
  g_error ("no analysis within %d s", TIMEOUT_S);
  return G_SOURCE_REMOVE;
}

static void
on_changed (QuotesBufferWatcher *watcher,
            guint               *count)
{
  (*count)++;
}

/* Runs the main loop until the watcher delivers an analysis. */
static QuotesAnalysis *
wait_for_analysis (QuotesBufferWatcher *watcher)
{
  guint count = 0;
  gulong handler = g_signal_connect (watcher, "analysis-changed", G_CALLBACK (on_changed), &count);
  guint timeout = g_timeout_add_seconds (TIMEOUT_S, give_up, NULL);

  while (count == 0)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  g_signal_handler_disconnect (watcher, handler);
  return quotes_buffer_watcher_get_analysis (watcher);
}

static gboolean
has_tag (GtkSourceBuffer *buffer,
         const char      *name,
         const char      *text)
{
  GtkTextBuffer *b = GTK_TEXT_BUFFER (buffer);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (b), name);
  GtkTextIter start, match, match_end;

  gtk_text_buffer_get_start_iter (b, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, text, 0, &match, &match_end, NULL));
  return tag != NULL && gtk_text_iter_has_tag (&match, tag);
}

static void
test_watcher_keeps_up (void)
{
  g_autoptr(GtkSourceBuffer) buffer = new_buffer (article);
  g_autoptr(QuotesBufferWatcher) watcher = quotes_buffer_watcher_new (GTK_TEXT_BUFFER (buffer));
  QuotesAnalysis *analysis = wait_for_analysis (watcher);
  GtkTextIter end;

  g_assert_nonnull (analysis);
  g_assert_cmpuint (quotes_analysis_get_quotes (analysis)->len, >=, 2);

  /* Two edits in a row: only an analysis of the final text arrives. */
  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (buffer), &end);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (buffer), &end, "“Spring is here,” Ivan Kos said.\n", -1);
  g_assert_null (quotes_buffer_watcher_get_analysis (watcher));
  g_assert_true (quotes_buffer_watcher_is_busy (watcher));
  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (buffer), &end);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (buffer), &end, "“And so is the bridge,” Petrova added.\n", -1);
  analysis = wait_for_analysis (watcher);
  g_assert_cmpuint (quotes_analysis_get_length (analysis), ==,
                    gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (buffer)));
  g_assert_false (quotes_buffer_watcher_is_busy (watcher));
}

static void
test_highlights_what_was_found (void)
{
  g_autoptr(GtkSourceBuffer) buffer = new_buffer (article);
  g_autoptr(QuotesBufferWatcher) watcher = quotes_buffer_watcher_new (GTK_TEXT_BUFFER (buffer));
  g_autoptr(QuotesHighlighter) highlighter = quotes_highlighter_new (buffer);

  quotes_highlighter_set_analysis (highlighter, wait_for_analysis (watcher));
  g_assert_true (has_tag (buffer, QUOTES_HIGHLIGHTER_TAG_QUOTE, "We have kept"));
  g_assert_true (has_tag (buffer, QUOTES_HIGHLIGHTER_TAG_ATTRIBUTION, "said."));
  g_assert_true (has_tag (buffer, QUOTES_HIGHLIGHTER_TAG_REPORTED, "the old crossing"));
  g_assert_false (has_tag (buffer, QUOTES_HIGHLIGHTER_TAG_QUOTE, "plain sentence"));
  g_assert_false (has_tag (buffer, QUOTES_HIGHLIGHTER_TAG_REPORTED, "plain sentence"));

  g_object_set (highlighter, "show-reported-speech", FALSE, NULL);
  g_assert_false (has_tag (buffer, QUOTES_HIGHLIGHTER_TAG_REPORTED, "the old crossing"));
  g_assert_true (has_tag (buffer, QUOTES_HIGHLIGHTER_TAG_QUOTE, "We have kept"));
  g_object_set (highlighter, "highlight-quotes", FALSE, NULL);
  g_assert_false (has_tag (buffer, QUOTES_HIGHLIGHTER_TAG_QUOTE, "We have kept"));
}

/* Tags are no edit: the text, the undo history and the modified flag stay. */
static void
test_leaves_the_document_alone (void)
{
  g_autoptr(GtkSourceBuffer) buffer = new_buffer (article);
  g_autoptr(QuotesBufferWatcher) watcher = quotes_buffer_watcher_new (GTK_TEXT_BUFFER (buffer));
  QuotesHighlighter *highlighter = quotes_highlighter_new (buffer);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  quotes_highlighter_set_analysis (highlighter, wait_for_analysis (watcher));
  g_assert_false (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (buffer)));
  g_assert_false (gtk_source_buffer_can_undo (buffer));
  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (buffer), &start, &end);
  text = gtk_text_buffer_get_text (GTK_TEXT_BUFFER (buffer), &start, &end, TRUE);
  g_assert_cmpstr (text, ==, article);

  /* Gone with the highlighter: no tag left in the text or the table. */
  g_object_unref (highlighter);
  g_assert_null (gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (GTK_TEXT_BUFFER (buffer)),
                                            QUOTES_HIGHLIGHTER_TAG_QUOTE));
  g_assert_false (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (buffer)));
}

static double
luminance (GtkSourceBuffer *buffer)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (GTK_TEXT_BUFFER (buffer)),
                                               QUOTES_HIGHLIGHTER_TAG_QUOTE);
  g_autoptr(GdkRGBA) color = NULL;

  g_object_get (tag, "background-rgba", &color, NULL);
  return 0.2126 * color->red + 0.7152 * color->green + 0.0722 * color->blue;
}

/* Colours come from the style scheme and follow it: dark on a dark one. */
static void
test_follows_the_style_scheme (void)
{
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  g_autoptr(GtkSourceBuffer) buffer = new_buffer (article);
  g_autoptr(QuotesHighlighter) highlighter = quotes_highlighter_new (buffer);

  gtk_source_buffer_set_style_scheme (buffer, gtk_source_style_scheme_manager_get_scheme (schemes, "classic"));
  g_assert_cmpfloat (luminance (buffer), >, 0.5);
  gtk_source_buffer_set_style_scheme (buffer, gtk_source_style_scheme_manager_get_scheme (schemes, "oblivion"));
  g_assert_cmpfloat (luminance (buffer), <, 0.5);
}


/* The article many times over: long enough that the tags are worked out
 * in a thread and applied over several main-loop turns. */
static char *
long_article (guint copies)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < copies; i++)
    g_string_append (text, article);
  return g_string_free (text, FALSE);
}

static QuotesAnalysis *
analyse (GtkSourceBuffer *buffer)
{
  g_autoptr(QuotesAnalyzer) analyzer = quotes_analyzer_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  QuotesAnalysis *analysis;

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (buffer), &start, &end);
  text = gtk_text_buffer_get_text (GTK_TEXT_BUFFER (buffer), &start, &end, TRUE);
  analysis = quotes_analyzer_analyze (analyzer, text, -1, NULL, &error);
  g_assert_no_error (error);
  return analysis;
}

static void
wait_until_applied (QuotesHighlighter *highlighter)
{
  guint timeout = g_timeout_add_seconds (TIMEOUT_S, give_up, NULL);

  while (quotes_highlighter_is_applying (highlighter))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
}

static gboolean
tagged_at (GtkSourceBuffer *buffer,
           const char      *name,
           guint            offset)
{
  GtkTextBuffer *b = GTK_TEXT_BUFFER (buffer);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (b), name);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (b, &iter, offset);
  return gtk_text_iter_has_tag (&iter, tag);
}

/* Counts that every copy of the plain sentence is free of tags. */
static guint
tagged_plain_sentences (GtkSourceBuffer *buffer)
{
  GtkTextBuffer *b = GTK_TEXT_BUFFER (buffer);
  GtkTextIter iter, match, match_end;
  guint tagged = 0;

  gtk_text_buffer_get_start_iter (b, &iter);
  while (gtk_text_iter_forward_search (&iter, "plain sentence", 0, &match, &match_end, NULL))
    {
      if (gtk_text_iter_get_tags (&match) != NULL)
        {
          g_autoptr(GSList) tags = gtk_text_iter_get_tags (&match);

          tagged += tags != NULL;
        }
      iter = match_end;
    }
  return tagged;
}

/* A long text: once applied, every quote of the analysis is highlighted
 * from its first to its last character, and nothing else is. */
static void
test_large_input (void)
{
  g_autofree char *text = long_article (1100);
  g_autoptr(GtkSourceBuffer) buffer = new_buffer (text);
  g_autoptr(QuotesHighlighter) highlighter = quotes_highlighter_new (buffer);
  g_autoptr(QuotesAnalysis) analysis = analyse (buffer);
  GPtrArray *quotes = quotes_analysis_get_quotes (analysis);
  guint direct = 0;

  g_assert_cmpuint (quotes->len, >, 2000);
  quotes_highlighter_set_analysis (highlighter, analysis);
  wait_until_applied (highlighter);

  for (guint i = 0; i < quotes->len; i++)
    {
      QuotesQuote *quote = g_ptr_array_index (quotes, i);
      const char *name = quotes_quote_get_kind (quote) == QUOTES_QUOTE_KIND_DIRECT
                         ? QUOTES_HIGHLIGHTER_TAG_QUOTE : QUOTES_HIGHLIGHTER_TAG_REPORTED;

      if (quotes_quote_get_kind (quote) == QUOTES_QUOTE_KIND_SCARE)
        continue;
      direct += quotes_quote_get_kind (quote) == QUOTES_QUOTE_KIND_DIRECT;
      g_assert_true (tagged_at (buffer, name, quotes_quote_get_start (quote)));
      g_assert_true (tagged_at (buffer, name, quotes_quote_get_end (quote) - 1));
    }
  g_assert_cmpuint (direct, ==, 1100);
  g_assert_cmpuint (tagged_plain_sentences (buffer), ==, 0);
  g_assert_false (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (buffer)));
  g_assert_false (gtk_source_buffer_can_undo (buffer));
}

typedef struct
{
  guint first;      /* offset of the first tag change, G_MAXUINT: none */
  guint lowest;     /* the lowest offset any tag change touched */
  guint count;
} TagChanges;

static void
on_tag_change (GtkTextBuffer *buffer,
               GtkTextTag    *tag,
               GtkTextIter   *start,
               GtkTextIter   *end,
               TagChanges    *changes)
{
  guint offset = gtk_text_iter_get_offset (start);

  if (changes->count++ == 0)
    changes->first = offset;
  changes->lowest = MIN (changes->lowest, offset);
}

/* A quote typed at the end of a long, highlighted text: it is
 * highlighted, and the text before it is not retagged (nor redrawn). */
static void
test_update_retags_only_changes (void)
{
  g_autofree char *text = long_article (1100);
  g_autoptr(GtkSourceBuffer) buffer = new_buffer (text);
  g_autoptr(QuotesHighlighter) highlighter = quotes_highlighter_new (buffer);
  g_autoptr(QuotesAnalysis) first = analyse (buffer);
  g_autoptr(QuotesAnalysis) second = NULL;
  TagChanges changes = { G_MAXUINT, G_MAXUINT, 0 };
  GtkTextIter end;
  guint length;

  quotes_highlighter_set_analysis (highlighter, first);
  wait_until_applied (highlighter);

  length = gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (buffer));
  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (buffer), &end);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (buffer), &end, "“The ferry runs on Friday,” Ivan Kos said.\n", -1);
  second = analyse (buffer);
  g_signal_connect (buffer, "apply-tag", G_CALLBACK (on_tag_change), &changes);
  g_signal_connect (buffer, "remove-tag", G_CALLBACK (on_tag_change), &changes);
  quotes_highlighter_set_analysis (highlighter, second);
  wait_until_applied (highlighter);
  g_signal_handlers_disconnect_by_data (buffer, &changes);

  g_assert_true (has_tag (buffer, QUOTES_HIGHLIGHTER_TAG_QUOTE, "The ferry runs"));
  g_assert_true (has_tag (buffer, QUOTES_HIGHLIGHTER_TAG_ATTRIBUTION, "Ivan Kos"));
  g_assert_true (has_tag (buffer, QUOTES_HIGHLIGHTER_TAG_QUOTE, "We have kept"));
  g_assert_cmpuint (changes.count, >, 0);
  /* Only the end of the text, where the new quote is. */
  g_assert_cmpuint (changes.lowest, >=, length - 2 * 4096);
}

/* The cursor's part of a long text is highlighted first: that is where
 * the person looks. */
static void
test_cursor_first (void)
{
  g_autofree char *text = long_article (1100);
  g_autoptr(GtkSourceBuffer) buffer = new_buffer (text);
  g_autoptr(QuotesHighlighter) highlighter = quotes_highlighter_new (buffer);
  g_autoptr(QuotesAnalysis) analysis = analyse (buffer);
  TagChanges changes = { G_MAXUINT, G_MAXUINT, 0 };
  guint length = gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (buffer));
  GtkTextIter cursor;

  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (buffer), &cursor, length - 1000);
  gtk_text_buffer_place_cursor (GTK_TEXT_BUFFER (buffer), &cursor);
  g_signal_connect (buffer, "apply-tag", G_CALLBACK (on_tag_change), &changes);
  quotes_highlighter_set_analysis (highlighter, analysis);
  wait_until_applied (highlighter);
  g_signal_handlers_disconnect_by_data (buffer, &changes);

  g_assert_cmpuint (changes.first, >=, (length - 1000) / 4096 * 4096);
  g_assert_true (tagged_at (buffer, QUOTES_HIGHLIGHTER_TAG_QUOTE, 60));
}

/* An analysis whose text changed before its tags were applied is not
 * applied: its offsets no longer fit. */
static void
test_stale_analysis_dropped (void)
{
  g_autofree char *text = long_article (1100);
  g_autoptr(GtkSourceBuffer) buffer = new_buffer (text);
  g_autoptr(QuotesHighlighter) highlighter = quotes_highlighter_new (buffer);
  g_autoptr(QuotesAnalysis) analysis = analyse (buffer);
  GtkTextIter start;
  TagChanges changes = { G_MAXUINT, G_MAXUINT, 0 };

  g_signal_connect (buffer, "apply-tag", G_CALLBACK (on_tag_change), &changes);
  quotes_highlighter_set_analysis (highlighter, analysis);
  g_assert_true (quotes_highlighter_is_applying (highlighter));
  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (buffer), &start);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (buffer), &start, "A new first line.\n", -1);
  g_assert_false (quotes_highlighter_is_applying (highlighter));
  /* The plan worked out in a thread comes back and is let go: then only
   * this test and the highlighter hold the analysis. */
  {
    guint timeout = g_timeout_add_seconds (TIMEOUT_S, give_up, NULL);

    while (g_atomic_int_get (&G_OBJECT (analysis)->ref_count) > 2)
      {
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (1000);
      }
    g_source_remove (timeout);
  }
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_signal_handlers_disconnect_by_data (buffer, &changes);
  g_assert_cmpuint (changes.count, ==, 0);
  g_assert_false (has_tag (buffer, QUOTES_HIGHLIGHTER_TAG_QUOTE, "We have kept"));
}

/* Above the live limit a change starts no analysis; asking does. */
static void
test_watcher_live_limit (void)
{
  g_autoptr(GtkSourceBuffer) buffer = new_buffer (article);
  g_autoptr(QuotesBufferWatcher) watcher = quotes_buffer_watcher_new (GTK_TEXT_BUFFER (buffer));
  QuotesAnalysis *analysis;
  GtkTextIter end;

  g_assert_nonnull (wait_for_analysis (watcher));
  g_assert_true (quotes_buffer_watcher_get_live (watcher));
  quotes_buffer_watcher_set_live_limit (watcher, 100);
  g_assert_false (quotes_buffer_watcher_get_live (watcher));

  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (buffer), &end);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (buffer), &end, "“Spring is here,” Ivan Kos said.\n", -1);
  g_assert_false (quotes_buffer_watcher_is_busy (watcher));
  g_assert_null (quotes_buffer_watcher_get_analysis (watcher));

  quotes_buffer_watcher_queue (watcher);
  analysis = wait_for_analysis (watcher);
  g_assert_cmpuint (quotes_analysis_get_length (analysis), ==,
                    gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (buffer)));

  /* Typing before the asked-for analysis arrives starts it again on the new
   * text, and then the watcher rests. */
  quotes_buffer_watcher_queue (watcher);
  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (buffer), &end);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (buffer), &end, "“Summer too,” Kos added.\n", -1);
  g_assert_true (quotes_buffer_watcher_is_busy (watcher));
  analysis = wait_for_analysis (watcher);
  g_assert_cmpuint (quotes_analysis_get_length (analysis), ==,
                    gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (buffer)));
  gtk_text_buffer_get_end_iter (GTK_TEXT_BUFFER (buffer), &end);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (buffer), &end, "More.\n", -1);
  g_assert_false (quotes_buffer_watcher_is_busy (watcher));
}

/* A text copied in slices arrives whole: the analysis' quotes are where
 * the buffer has them. */
static void
test_watcher_long_text (void)
{
  g_autofree char *text = long_article (3000);
  g_autoptr(GtkSourceBuffer) buffer = new_buffer (text);
  g_autoptr(QuotesBufferWatcher) watcher = quotes_buffer_watcher_new (GTK_TEXT_BUFFER (buffer));
  QuotesAnalysis *analysis = wait_for_analysis (watcher);
  GPtrArray *quotes = quotes_analysis_get_quotes (analysis);
  QuotesQuote *last = g_ptr_array_index (quotes, quotes->len - 1);
  GtkTextIter start, end;
  g_autofree char *span = NULL;

  g_assert_cmpuint (quotes_analysis_get_length (analysis), ==,
                    gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (buffer)));
  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (buffer), &start, quotes_quote_get_start (last));
  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (buffer), &end, quotes_quote_get_end (last));
  span = gtk_text_buffer_get_text (GTK_TEXT_BUFFER (buffer), &start, &end, TRUE);
  g_assert_nonnull (strstr (span, quotes_quote_get_text (last)));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/Highlighter/watcher-keeps-up", test_watcher_keeps_up);
  g_test_add_func ("/Highlighter/highlights-what-was-found", test_highlights_what_was_found);
  g_test_add_func ("/Highlighter/leaves-the-document-alone", test_leaves_the_document_alone);
  g_test_add_func ("/Highlighter/follows-the-style-scheme", test_follows_the_style_scheme);
  g_test_add_func ("/Highlighter/large-input", test_large_input);
  g_test_add_func ("/Highlighter/update-retags-only-changes", test_update_retags_only_changes);
  g_test_add_func ("/Highlighter/cursor-first", test_cursor_first);
  g_test_add_func ("/Highlighter/stale-analysis-dropped", test_stale_analysis_dropped);
  g_test_add_func ("/Highlighter/watcher-live-limit", test_watcher_live_limit);
  g_test_add_func ("/Highlighter/watcher-long-text", test_watcher_long_text);
  return g_test_run ();
}
