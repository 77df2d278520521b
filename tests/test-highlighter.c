/* SPDX-License-Identifier: GPL-2.0-or-later */

/* The watcher and the highlighter on a plain GtkSourceBuffer, no gedit. */

#include <locale.h>

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
  return g_test_run ();
}
