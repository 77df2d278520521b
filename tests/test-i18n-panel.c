/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * The side panel in German, with the catalogues of the build tree: its
 * group rows (from C) and its labels (from the GtkBuilder template). Runs
 * with LANGUAGE=de under Xvfb.
 */

#include <locale.h>
#include <glib/gi18n.h>
#include <quotes.h>

#include "test-widget-util.h"

#include "quotes-panel.h"


/* The texts of the top-level rows, as the column's renderer shows them. */
static GPtrArray *
group_rows (GtkTreeView *tree)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  GtkTreeModel *model = gtk_tree_view_get_model (tree);
  GtkTreeViewColumn *column = gtk_tree_view_get_column (tree, 0);
  g_autoptr(GList) cells = gtk_cell_layout_get_cells (GTK_CELL_LAYOUT (column));
  GtkTreeIter iter;
  gboolean valid;

  for (valid = model != NULL && gtk_tree_model_get_iter_first (model, &iter);
       valid;
       valid = gtk_tree_model_iter_next (model, &iter))
    {
      char *text = NULL;

      gtk_tree_view_column_cell_set_cell_data (column, model, &iter, FALSE, FALSE);
      g_object_get (cells->data, "text", &text, NULL);
      g_ptr_array_add (texts, text);
    }
  return texts;
}

static gboolean
has_prefix (GPtrArray  *texts,
            const char *prefix)
{
  for (guint i = 0; i < texts->len; i++)
    {
      if (g_str_has_prefix (g_ptr_array_index (texts, i), prefix))
        return TRUE;
    }
  return FALSE;
}

static char *
read_seed (void)
{
  const char *dir = g_getenv ("QUOTES_FIXTURES_DIR");
  g_autofree char *path = g_build_filename (dir != NULL ? dir : FIXTURES_DIR, "seed-article.txt", NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
test_german_panel (void)
{
  GtkWidget *panel = g_object_ref_sink (quotes_panel_new ());
  GtkTreeView *tree = GTK_TREE_VIEW (test_util_find_descendant (panel, GTK_TYPE_TREE_VIEW));
  GtkEntry *search = GTK_ENTRY (test_util_find_descendant (panel, GTK_TYPE_SEARCH_ENTRY));
  GtkStack *stack = GTK_STACK (test_util_find_descendant (panel, GTK_TYPE_STACK));
  GtkWidget *view = g_object_ref_sink (gtk_text_view_new ());
  g_autoptr(QuotesAnalyzer) analyzer = quotes_analyzer_new ();
  g_autoptr(QuotesAnalysis) analysis = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = read_seed ();
  GtkWidget *empty;

  /* From the template. */
  empty = gtk_stack_get_visible_child (stack);
  g_assert_true (GTK_IS_LABEL (empty));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (empty)), ==, "Keine Zitate gefunden");
  g_assert_cmpstr (gtk_entry_get_placeholder_text (search), ==, "Sprecher und Zitate filtern");
  /* From C. */
  g_assert_cmpstr (atk_object_get_name (gtk_widget_get_accessible (GTK_WIDGET (tree))), ==,
                   "Zitate und Quellen");

  /* The panel lists what it can find in its view's buffer. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  analysis = quotes_analyzer_analyze (analyzer, text, -1, NULL, &error);
  g_assert_no_error (error);
  quotes_panel_set_view (QUOTES_PANEL (panel), GTK_TEXT_VIEW (view));
  quotes_panel_set_analysis (QUOTES_PANEL (panel), analysis);
  while (gtk_events_pending ())
    gtk_main_iteration ();
  rows = group_rows (tree);
  for (guint i = 0; i < rows->len; i++)
    g_test_message ("group: %s", (const char *) g_ptr_array_index (rows, i));
  g_assert_true (has_prefix (rows, "Sprecher ("));
  g_assert_true (has_prefix (rows, "Organisationen ("));
  g_assert_true (has_prefix (rows, "Beiträge in sozialen Medien ("));
  g_assert_false (has_prefix (rows, "Speakers"));

  gtk_widget_destroy (panel);
  g_object_unref (panel);
  gtk_widget_destroy (view);
  g_object_unref (view);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("QUOTES_LOCALEDIR");

  /* The test is about German, whatever the environment says. */
  g_setenv ("LANGUAGE", "de", TRUE);
  g_unsetenv ("LC_ALL");
  g_unsetenv ("LC_MESSAGES");
  if (g_getenv ("LANG") == NULL || g_str_equal (g_getenv ("LANG"), "C"))
    g_setenv ("LANG", "C.UTF-8", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() sets its own locale; LANGUAGE needs one that is not C. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_add_func ("/I18n/panel-in-german", test_german_panel);
  return g_test_run ();
}
