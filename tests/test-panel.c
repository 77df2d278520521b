/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * The side panel on a real GtkSourceView, without gedit: what a person sees
 * in the tree and where activating its rows takes them. Needs a display
 * (run under Xvfb).
 */

#include <string.h>
#include <glib/gstdio.h>
#include <gtksourceview/gtksource.h>
#include <json-glib/json-glib.h>
#include <quotes.h>

#include "test-util.h"
#include "test-widget-util.h"

#include "quotes-edit-log.h"
#include "quotes-panel.h"

#define CEASEFIRE_ROW  "“A ceasefire could have already happened"
#define ZELENSKIY_ROW  "Volodymyr Zelenskiy — Ukrainian President"
#define STARMER_ROW    "Keir Starmer — British Prime Minister"
#define PUTIN_ROW      "Vladimir Putin — Russian President"
#define POST_ROW       "X @ZelenskyyUa · 2025-03-15 — We must define a clear position"
#define CEASEFIRE_TEXT "A ceasefire could have already happened, but Russia is doing everything to prevent it,"
#define CSV_HEADER     "id,kind,start,end,text,speaker,speaker_title,cue,source,post_handle,confidence,file\r\n"

typedef struct
{
  GtkWidget      *window;
  GtkTextView    *view;
  GtkTextBuffer  *buffer;
  QuotesPanel    *panel;
  GtkTreeView    *tree;
  QuotesAnalysis *analysis;
} Fixture;

/* gedit's documents as the panel sees them: GtkSourceBuffers with the
 * titles of a TeplBuffer, "*seed-article.txt" and "*seed-article.txt
 * (/tmp)" for a modified file, "Untitled File 1" twice for a new one. */
#define TEST_TYPE_DOCUMENT (test_document_get_type ())
G_DECLARE_FINAL_TYPE (TestDocument, test_document, TEST, DOCUMENT, GtkSourceBuffer)

struct _TestDocument
{
  GtkSourceBuffer  parent_instance;
  char            *short_title;
  char            *full_title;
};

G_DEFINE_FINAL_TYPE (TestDocument, test_document, GTK_SOURCE_TYPE_BUFFER)

enum { DOC_PROP_0, DOC_PROP_SHORT_TITLE, DOC_PROP_FULL_TITLE };

static void
test_document_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TestDocument *self = TEST_DOCUMENT (object);

  g_value_set_string (value, prop_id == DOC_PROP_SHORT_TITLE ? self->short_title : self->full_title);
}

static void
test_document_finalize (GObject *object)
{
  TestDocument *self = TEST_DOCUMENT (object);

  g_free (self->short_title);
  g_free (self->full_title);
  G_OBJECT_CLASS (test_document_parent_class)->finalize (object);
}

static void
test_document_class_init (TestDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = test_document_get_property;
  object_class->finalize = test_document_finalize;
  g_object_class_install_property (object_class, DOC_PROP_SHORT_TITLE,
    g_param_spec_string ("tepl-short-title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, DOC_PROP_FULL_TITLE,
    g_param_spec_string ("tepl-full-title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
}

static void
test_document_init (TestDocument *self)
{
}

static void
test_document_set_titles (TestDocument *self,
                          const char   *short_title,
                          const char   *full_title)
{
  g_free (self->short_title);
  self->short_title = g_strdup (short_title);
  g_free (self->full_title);
  self->full_title = g_strdup (full_title);
}

/* Helpers */

static void
flush_events (void)
{
  while (gtk_events_pending ())
    gtk_main_iteration ();
}


static QuotesAnalysis *
analyse_buffer (GtkTextBuffer *buffer)
{
  g_autoptr(QuotesAnalyzer) analyzer = quotes_analyzer_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  QuotesAnalysis *analysis;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  analysis = quotes_analyzer_analyze (analyzer, text, -1, NULL, &error);
  g_assert_no_error (error);
  return analysis;
}

static gboolean
give_up_waiting (gpointer data)
{
  g_error ("still waiting after 30 s for %s", (const char *) data);
  return G_SOURCE_REMOVE;
}

/* A long analysis reaches the list over several main-loop turns. */
static void
wait_for_panel (QuotesPanel *panel)
{
  guint timeout = g_timeout_add_seconds (30, give_up_waiting, (gpointer) "the panel's rows");

  while (quotes_panel_is_updating (panel))
    gtk_main_iteration ();
  g_source_remove (timeout);
  flush_events ();
}

static void
reanalyse (Fixture *fixture)
{
  g_clear_object (&fixture->analysis);
  fixture->analysis = analyse_buffer (fixture->buffer);
  quotes_panel_set_analysis (fixture->panel, fixture->analysis);
  wait_for_panel (fixture->panel);
}


static GActionGroup *
panel_actions (QuotesPanel *panel)
{
  GActionGroup *actions = gtk_widget_get_action_group (GTK_WIDGET (panel), "quotes-panel");

  g_assert_nonnull (actions);
  return actions;
}

/* The menu button next to the search entry and its two actions. */
static void
assert_export_enabled (QuotesPanel *panel,
                       gboolean     enabled)
{
  GActionGroup *actions = panel_actions (panel);
  GtkWidget *button = test_util_find_descendant (GTK_WIDGET (panel), GTK_TYPE_MENU_BUTTON);

  g_assert_nonnull (button);
  g_assert_cmpint (g_action_group_get_action_enabled (actions, "copy-markdown"), ==, enabled);
  g_assert_cmpint (g_action_group_get_action_enabled (actions, "export"), ==, enabled);
  g_assert_cmpint (gtk_widget_get_sensitive (button), ==, enabled);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

/* The records of RFC 4180 CSV: line breaks inside quoted fields do not
 * end one. */
static guint
count_csv_records (const char *csv)
{
  gboolean quoted = FALSE;
  guint records = 0;

  for (const char *p = csv; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && p[0] == '\r' && p[1] == '\n')
        records++;
    }
  g_assert_false (quoted);
  return records;
}

static GFile *
temporary_file (const char  *name,
                char       **dir)
{
  g_autoptr(GError) error = NULL;
  GFile *file;

  *dir = g_dir_make_tmp ("test-panel-XXXXXX", &error);
  g_assert_no_error (error);
  file = g_file_new_build_filename (*dir, name, NULL);
  return file;
}

static void
remove_temporary_file (GFile      *file,
                       const char *dir)
{
  g_autofree char *path = g_file_get_path (file);

  g_unlink (path);
  g_rmdir (dir);
}

static guint
json_quote_count (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_has_member (root, "quotes"));
  return json_array_get_length (json_object_get_array_member (root, "quotes"));
}

/* The text the cell shows, through the column's renderer: what a person
 * reads, not a guess at the model's layout. */
static char *
row_text (GtkTreeView  *tree,
          GtkTreeModel *model,
          GtkTreeIter  *iter)
{
  GtkTreeViewColumn *column = gtk_tree_view_get_column (tree, 0);
  g_autoptr(GList) cells = gtk_cell_layout_get_cells (GTK_CELL_LAYOUT (column));
  char *text = NULL;

  gtk_tree_view_column_cell_set_cell_data (column, model, iter, FALSE, FALSE);
  g_object_get (cells->data, "text", &text, NULL);
  return text;
}

static gboolean
ancestors_expanded (GtkTreeView *tree,
                    GtkTreePath *path)
{
  g_autoptr(GtkTreePath) parent = gtk_tree_path_copy (path);

  while (gtk_tree_path_up (parent) && gtk_tree_path_get_depth (parent) > 0)
    {
      if (!gtk_tree_view_row_expanded (tree, parent))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  GtkTreeView *tree;
  GPtrArray   *texts;
  GPtrArray   *paths;
} ShownRows;

static gboolean
collect_shown_row (GtkTreeModel *model,
                   GtkTreePath  *path,
                   GtkTreeIter  *iter,
                   gpointer      user_data)
{
  ShownRows *rows = user_data;

  if (ancestors_expanded (rows->tree, path))
    {
      g_ptr_array_add (rows->texts, row_text (rows->tree, model, iter));
      g_ptr_array_add (rows->paths, gtk_tree_path_copy (path));
    }
  return FALSE;
}

/* The rows a person can see by scrolling, in order. */
static GPtrArray *
shown_rows (GtkTreeView  *tree,
            GPtrArray   **paths)
{
  ShownRows rows = { tree, g_ptr_array_new_with_free_func (g_free),
                     g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_tree_path_free) };
  GtkTreeModel *model = gtk_tree_view_get_model (tree);

  if (model != NULL)
    gtk_tree_model_foreach (model, collect_shown_row, &rows);
  if (paths != NULL)
    *paths = rows.paths;
  else
    g_ptr_array_unref (rows.paths);
  return rows.texts;
}

static gboolean
has_shown_row (GtkTreeView *tree,
               const char  *prefix)
{
  g_autoptr(GPtrArray) texts = shown_rows (tree, NULL);

  for (guint i = 0; i < texts->len; i++)
    {
      if (g_str_has_prefix (g_ptr_array_index (texts, i), prefix))
        return TRUE;
    }
  return FALSE;
}

/* The path of the first shown row starting with @prefix. */
static GtkTreePath *
find_row (GtkTreeView *tree,
          const char  *prefix)
{
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GPtrArray) texts = shown_rows (tree, &paths);

  for (guint i = 0; i < texts->len; i++)
    {
      if (g_str_has_prefix (g_ptr_array_index (texts, i), prefix))
        return gtk_tree_path_copy (g_ptr_array_index (paths, i));
    }
  g_error ("no row starting with “%s”", prefix);
  return NULL;
}

static void
activate_row (Fixture    *fixture,
              const char *prefix)
{
  g_autoptr(GtkTreePath) path = find_row (fixture->tree, prefix);

  gtk_tree_view_row_activated (fixture->tree, path, gtk_tree_view_get_column (fixture->tree, 0));
  flush_events ();
}

static void
select_row (Fixture    *fixture,
            const char *prefix)
{
  g_autoptr(GtkTreePath) path = find_row (fixture->tree, prefix);

  gtk_tree_view_set_cursor (fixture->tree, path, NULL, FALSE);
}

static char *
selected_row_text (Fixture *fixture)
{
  GtkTreeSelection *selection = gtk_tree_view_get_selection (fixture->tree);
  GtkTreeModel *model;
  GtkTreeIter iter;

  if (!gtk_tree_selection_get_selected (selection, &model, &iter))
    return NULL;
  return row_text (fixture->tree, model, &iter);
}

static char *
selected_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return g_strdup ("");
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static void
assert_selection (GtkTextBuffer *buffer,
                  guint          start,
                  guint          end)
{
  GtkTextIter sel_start, sel_end, insert;

  gtk_text_buffer_get_selection_bounds (buffer, &sel_start, &sel_end);
  gtk_text_buffer_get_iter_at_mark (buffer, &insert, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpuint (gtk_text_iter_get_offset (&sel_start), ==, start);
  g_assert_cmpuint (gtk_text_iter_get_offset (&sel_end), ==, end);
  g_assert_cmpuint (gtk_text_iter_get_offset (&insert), ==, start);
}

static void
place_cursor (GtkTextBuffer *buffer,
              guint          offset)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_buffer_place_cursor (buffer, &iter);
}

static QuotesQuote *
quote_starting_with (QuotesAnalysis *analysis,
                     const char     *prefix)
{
  GPtrArray *quotes = quotes_analysis_get_quotes (analysis);

  for (guint i = 0; i < quotes->len; i++)
    {
      if (g_str_has_prefix (quotes_quote_get_text (g_ptr_array_index (quotes, i)), prefix))
        return g_ptr_array_index (quotes, i);
    }
  g_error ("no quote starting with “%s”", prefix);
  return NULL;
}

static QuotesEntity *
entity_named (QuotesAnalysis *analysis,
              const char     *name)
{
  GPtrArray *entities = quotes_analysis_get_entities (analysis);

  for (guint i = 0; i < entities->len; i++)
    {
      if (g_strcmp0 (quotes_entity_get_name (g_ptr_array_index (entities, i)), name) == 0)
        return g_ptr_array_index (entities, i);
    }
  g_error ("no entity named “%s”", name);
  return NULL;
}

static const char *
visible_stack_text (QuotesPanel *panel)
{
  GtkStack *stack = GTK_STACK (test_util_find_descendant (GTK_WIDGET (panel), GTK_TYPE_STACK));
  GtkWidget *child = gtk_stack_get_visible_child (stack);

  return GTK_IS_LABEL (child) ? gtk_label_get_text (GTK_LABEL (child)) : NULL;
}

typedef struct
{
  const char *text;     /* the search text waited for */
  gboolean    done;
} SearchWait;

static void
on_search_changed (GtkSearchEntry *entry,
                   SearchWait     *wait)
{
  if (g_strcmp0 (gtk_entry_get_text (GTK_ENTRY (entry)), wait->text) == 0)
    wait->done = TRUE;
}

static gboolean
on_search_timeout (gpointer user_data)
{
  g_error ("the search entry never emitted search-changed for “%s”",
           ((SearchWait *) user_data)->text);
  return G_SOURCE_REMOVE;
}

/* GtkSearchEntry waits a moment after the last change before it emits
 * "search-changed": run @action, then wait for the signal with @text in
 * the entry (an earlier emission, for text typed so far, does not count). */
static void
run_and_wait_for_search (GtkWidget   *entry,
                         const char  *text,
                         void       (*action) (gpointer),
                         gpointer     action_data)
{
  SearchWait wait = { text, FALSE };
  gulong handler = g_signal_connect (entry, "search-changed", G_CALLBACK (on_search_changed), &wait);
  guint timeout = g_timeout_add_seconds (20, on_search_timeout, &wait);

  action (action_data);
  while (!wait.done)
    gtk_main_iteration ();
  g_source_remove (timeout);
  g_signal_handler_disconnect (entry, handler);
  flush_events ();
}

typedef struct
{
  GtkEntry   *entry;
  const char *text;
} SetText;

static void
set_entry_text (gpointer data)
{
  SetText *set = data;

  gtk_entry_set_text (set->entry, set->text);
}

static void
search (Fixture    *fixture,
        const char *text)
{
  GtkWidget *entry = test_util_find_descendant (GTK_WIDGET (fixture->panel), GTK_TYPE_SEARCH_ENTRY);
  SetText set = { GTK_ENTRY (entry), text };

  /* No change, no signal. */
  if (g_strcmp0 (gtk_entry_get_text (set.entry), text) == 0)
    return;
  run_and_wait_for_search (entry, text, set_entry_text, &set);
}

/* Fixture */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *file = data != NULL ? data : "seed-article.txt";
  g_autofree char *text = test_util_read_fixture (file);
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *scrolled = gtk_scrolled_window_new (NULL, NULL);
  GtkSourceBuffer *buffer = gtk_source_buffer_new (NULL);

  fixture->window = gtk_window_new (GTK_WINDOW_TOPLEVEL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 600);
  fixture->view = GTK_TEXT_VIEW (gtk_source_view_new_with_buffer (buffer));
  fixture->buffer = GTK_TEXT_BUFFER (buffer);
  gtk_text_view_set_wrap_mode (fixture->view, GTK_WRAP_WORD);
  gtk_text_buffer_set_text (fixture->buffer, text, -1);
  g_object_unref (buffer);

  fixture->panel = QUOTES_PANEL (quotes_panel_new ());
  fixture->tree = GTK_TREE_VIEW (test_util_find_descendant (GTK_WIDGET (fixture->panel), GTK_TYPE_TREE_VIEW));
  gtk_container_add (GTK_CONTAINER (scrolled), GTK_WIDGET (fixture->view));
  gtk_paned_pack1 (GTK_PANED (paned), GTK_WIDGET (fixture->panel), FALSE, FALSE);
  gtk_paned_pack2 (GTK_PANED (paned), scrolled, TRUE, FALSE);
  gtk_paned_set_position (GTK_PANED (paned), 350);
  gtk_container_add (GTK_CONTAINER (fixture->window), paned);
  gtk_widget_show_all (fixture->window);

  quotes_panel_set_view (fixture->panel, fixture->view);
  reanalyse (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_widget_destroy (fixture->window);
  g_clear_object (&fixture->analysis);
  flush_events ();
}

/* Tests */

static void
test_empty_without_analysis (void)
{
  GtkWidget *panel = g_object_ref_sink (quotes_panel_new ());
  GtkTreeView *tree = GTK_TREE_VIEW (test_util_find_descendant (panel, GTK_TYPE_TREE_VIEW));
  g_autoptr(GPtrArray) rows = shown_rows (tree, NULL);
  gboolean reported, scare;

  g_assert_cmpstr (visible_stack_text (QUOTES_PANEL (panel)), ==, "No quotations found");
  g_assert_cmpuint (rows->len, ==, 0);
  g_assert_false (quotes_panel_goto_next_quote (QUOTES_PANEL (panel)));
  g_assert_false (quotes_panel_goto_previous_quote (QUOTES_PANEL (panel)));
  g_assert_false (quotes_panel_goto_attribution (QUOTES_PANEL (panel)));
  assert_export_enabled (QUOTES_PANEL (panel), FALSE);

  g_object_get (panel, "show-reported-speech", &reported, "show-scare-quotes", &scare, NULL);
  g_assert_true (reported);
  g_assert_false (scare);

  gtk_widget_destroy (panel);
  g_object_unref (panel);
}

static void
test_accessible_name (Fixture       *fixture,
                      gconstpointer  data)
{
  AtkObject *accessible = gtk_widget_get_accessible (GTK_WIDGET (fixture->tree));

  g_assert_cmpstr (atk_object_get_name (accessible), ==, "Quotes and sources");
  g_assert_true (gtk_widget_get_can_focus (GTK_WIDGET (fixture->tree)));
  g_assert_false (gtk_tree_view_get_headers_visible (fixture->tree));
}

static void
test_rows (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = shown_rows (fixture->tree, NULL);
  g_autofree char *joined = NULL;

  g_ptr_array_add (rows, NULL);
  joined = g_strjoinv ("\n", (char **) rows->pdata);
  g_test_message ("rows:\n%s", joined);

  g_assert_null (visible_stack_text (fixture->panel));
  g_assert_cmpstr (g_ptr_array_index (rows, 0), ==, "Speakers (3)");
  /* Most quotes first; quotes in marks counted apart from reported speech. */
  g_assert_cmpstr (g_ptr_array_index (rows, 1), ==, ZELENSKIY_ROW " (3) · 5 reported");
  g_assert_cmpstr (g_ptr_array_index (rows, 2), ==,
                   "(reported) Kyiv’s Western allies to take a definitive stance on "
                   "security guarantees, including the potential deployment of foreign "
                   "troops on Ukrainian soil with U.S. backing");
  g_assert_cmpstr (g_ptr_array_index (rows, 3), ==,
                   "“We need to continue working on the contingents that will form the "
                   "foundation of Europe’s future Armed Forces,”");
  g_assert_true (has_shown_row (fixture->tree, STARMER_ROW " (2) · 1 reported"));
  g_assert_true (has_shown_row (fixture->tree, "“coalition of the willing”"));
  g_assert_true (has_shown_row (fixture->tree, PUTIN_ROW " · 2 reported"));
  g_assert_true (has_shown_row (fixture->tree, "(reported) Russia would continue fighting until key conditions were met"));
  g_assert_true (has_shown_row (fixture->tree, CEASEFIRE_ROW));
  g_assert_true (has_shown_row (fixture->tree, "Organizations (1)"));
  g_assert_true (has_shown_row (fixture->tree, "Lashkar-e-Taiba (1)"));
  g_assert_true (has_shown_row (fixture->tree, "Social posts (1)"));
  g_assert_true (has_shown_row (fixture->tree, POST_ROW));
  /* Mentioned, but says nothing; and nothing here lacks a speaker. */
  g_assert_false (has_shown_row (fixture->tree, "Donald Trump"));
  g_assert_false (has_shown_row (fixture->tree, "Unattributed"));
}

static void
test_tooltip (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GtkTreePath) path = find_row (fixture->tree, POST_ROW);
  GtkTreeModel *model = gtk_tree_view_get_model (fixture->tree);
  int column = gtk_tree_view_get_tooltip_column (fixture->tree);
  g_autofree char *tooltip = NULL;
  GtkTreeIter iter;

  g_assert_cmpint (column, >=, 0);
  gtk_tree_model_get_iter (model, &iter, path);
  gtk_tree_model_get (model, &iter, column, &tooltip, -1);
  /* The whole post, where the row has its first words. */
  g_assert_nonnull (strstr (tooltip, "Security is key to making peace reliable and lasting."));
}

static void
test_activate_quote (Fixture       *fixture,
                     gconstpointer  data)
{
  QuotesQuote *quote = quote_starting_with (fixture->analysis, "A ceasefire");
  g_autofree char *text = NULL;

  activate_row (fixture, CEASEFIRE_ROW);
  assert_selection (fixture->buffer, quotes_quote_get_start (quote), quotes_quote_get_end (quote));
  text = selected_text (fixture->buffer);
  g_assert_cmpstr (text, ==, "“A ceasefire could have already happened, but Russia is doing "
                             "everything to prevent it,”");
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (fixture->view)));
}

static void
test_activate_entities (Fixture       *fixture,
                        gconstpointer  data)
{
  GPtrArray *mentions = quotes_entity_get_mentions (entity_named (fixture->analysis, "Volodymyr Zelenskiy"));
  const QuotesSpan *first = g_ptr_array_index (mentions, 0);
  const QuotesSpan *second = g_ptr_array_index (mentions, 1);
  QuotesPost *post = g_ptr_array_index (quotes_analysis_get_posts (fixture->analysis), 0);
  g_autofree char *org = NULL;
  g_autoptr(GtkTreePath) group = NULL;

  activate_row (fixture, ZELENSKIY_ROW);
  assert_selection (fixture->buffer, first->start, first->end);
  activate_row (fixture, ZELENSKIY_ROW);
  assert_selection (fixture->buffer, second->start, second->end);

  /* Another row in between starts again from the first mention. */
  activate_row (fixture, "Lashkar-e-Taiba");
  org = selected_text (fixture->buffer);
  g_assert_cmpstr (org, ==, "Lashkar-e-Taiba");
  activate_row (fixture, ZELENSKIY_ROW);
  assert_selection (fixture->buffer, first->start, first->end);

  activate_row (fixture, POST_ROW);
  assert_selection (fixture->buffer, quotes_post_get_start (post), quotes_post_get_end (post));

  /* A group row opens and closes. */
  group = find_row (fixture->tree, "Organizations");
  g_assert_true (gtk_tree_view_row_expanded (fixture->tree, group));
  activate_row (fixture, "Organizations");
  g_assert_false (gtk_tree_view_row_expanded (fixture->tree, group));
  g_assert_false (has_shown_row (fixture->tree, "Lashkar-e-Taiba"));
  activate_row (fixture, "Organizations");
  g_assert_true (gtk_tree_view_row_expanded (fixture->tree, group));
}

/* Through gtk_main_do_event(), as a key typed in the window: the focus
 * widget gets it, key bindings run and the event is the current one. */
static void
send_key (GtkWidget       *widget,
          guint            keyval,
          GdkModifierType  state)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  GdkEvent *event = gdk_event_new (GDK_KEY_PRESS);
  g_autofree GdkKeymapKey *keys = NULL;
  int n_keys;

  g_assert_true (gtk_widget_is_focus (widget));
  event->key.window = g_object_ref (gtk_widget_get_window (gtk_widget_get_toplevel (widget)));
  event->key.keyval = keyval;
  event->key.state = state;
  event->key.time = GDK_CURRENT_TIME;
  gdk_event_set_device (event, gdk_seat_get_keyboard (gdk_display_get_default_seat (display)));
  if (gdk_keymap_get_entries_for_keyval (gdk_keymap_get_for_display (display), keyval, &keys, &n_keys))
    event->key.hardware_keycode = keys[0].keycode;
  gtk_main_do_event (event);
  gdk_event_free (event);
  flush_events ();
}

static void
test_goto_attribution (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *by_action = NULL;
  g_autofree char *by_key = NULL;
  GActionGroup *actions;

  select_row (fixture, CEASEFIRE_ROW);
  g_assert_true (quotes_panel_goto_attribution (fixture->panel));
  text = selected_text (fixture->buffer);
  g_assert_cmpstr (text, ==, "Zelenskiy said");
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (fixture->view)));

  /* The context menu's action: "he added" for the next quote up. */
  select_row (fixture, "“Peace will be more reliable");
  actions = gtk_widget_get_action_group (GTK_WIDGET (fixture->panel), "quotes-panel");
  g_assert_nonnull (actions);
  g_assert_true (g_action_group_get_action_enabled (actions, "goto-attribution"));
  g_action_group_activate_action (actions, "goto-attribution", NULL);
  by_action = selected_text (fixture->buffer);
  g_assert_cmpstr (by_action, ==, "he added");

  /* <Alt>Return on the tree. */
  select_row (fixture, "(reported) Russia would continue");
  gtk_widget_grab_focus (GTK_WIDGET (fixture->tree));
  send_key (GTK_WIDGET (fixture->tree), GDK_KEY_Return, GDK_MOD1_MASK);
  by_key = selected_text (fixture->buffer);
  g_assert_cmpstr (by_key, ==, "Putin stressed");

  /* Only quotes have an attribution. */
  select_row (fixture, STARMER_ROW);
  g_assert_false (g_action_group_get_action_enabled (actions, "goto-attribution"));
  g_assert_false (quotes_panel_goto_attribution (fixture->panel));
}

static void
test_context_menu (Fixture       *fixture,
                   gconstpointer  data)
{
  GList *menus;

  /* Shift+F10 on the selected row. */
  select_row (fixture, CEASEFIRE_ROW);
  gtk_widget_grab_focus (GTK_WIDGET (fixture->tree));
  send_key (GTK_WIDGET (fixture->tree), GDK_KEY_F10, GDK_SHIFT_MASK);
  menus = gtk_menu_get_for_attach_widget (GTK_WIDGET (fixture->tree));
  g_assert_nonnull (menus);
  g_assert_true (gtk_widget_get_visible (menus->data));
  gtk_menu_popdown (menus->data);
  flush_events ();
  g_assert_false (gtk_widget_get_visible (menus->data));
}

static void
assert_quote_selected (Fixture     *fixture,
                       QuotesQuote *quote,
                       const char  *row_prefix)
{
  g_autofree char *row = selected_row_text (fixture);

  assert_selection (fixture->buffer, quotes_quote_get_start (quote), quotes_quote_get_end (quote));
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (row, row_prefix));
}

static void
test_next_previous (Fixture       *fixture,
                    gconstpointer  data)
{
  GPtrArray *quotes = quotes_analysis_get_quotes (fixture->analysis);
  QuotesQuote *first = g_ptr_array_index (quotes, 0);
  QuotesQuote *second = g_ptr_array_index (quotes, 1);
  QuotesQuote *last = g_ptr_array_index (quotes, quotes->len - 1);

  place_cursor (fixture->buffer, 0);
  g_assert_true (quotes_panel_goto_next_quote (fixture->panel));
  assert_quote_selected (fixture, first, "(reported) Kyiv’s Western allies");
  g_assert_true (quotes_panel_goto_next_quote (fixture->panel));
  assert_quote_selected (fixture, second, "“coalition of the willing”");
  g_assert_true (quotes_panel_goto_previous_quote (fixture->panel));
  assert_quote_selected (fixture, first, "(reported) Kyiv’s Western allies");

  /* Both ends wrap around. */
  g_assert_true (quotes_panel_goto_previous_quote (fixture->panel));
  assert_quote_selected (fixture, last, CEASEFIRE_ROW);
  g_assert_true (quotes_panel_goto_next_quote (fixture->panel));
  assert_quote_selected (fixture, first, "(reported) Kyiv’s Western allies");

  /* Reported speech hidden: the first quote in marks. */
  g_object_set (fixture->panel, "show-reported-speech", FALSE, NULL);
  place_cursor (fixture->buffer, 0);
  g_assert_true (quotes_panel_goto_next_quote (fixture->panel));
  assert_quote_selected (fixture, second, "“coalition of the willing”");
}

static void
emit_stop_search (gpointer entry)
{
  g_signal_emit_by_name (entry, "stop-search");
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GtkTreePath) putin = NULL;
  GtkWidget *entry = test_util_find_descendant (GTK_WIDGET (fixture->panel), GTK_TYPE_SEARCH_ENTRY);
  guint n_all = 0;

  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = shown_rows (fixture->tree, NULL);
  n_all = rows->len;
  g_clear_pointer (&rows, g_ptr_array_unref);

  search (fixture, "putin");
  putin = find_row (fixture->tree, PUTIN_ROW);
  rows = shown_rows (fixture->tree, &paths);
  g_assert_true (has_shown_row (fixture->tree, "Speakers"));
  g_assert_true (has_shown_row (fixture->tree, "(reported) conditional support for a proposed 30-day ceasefire"));
  g_assert_true (has_shown_row (fixture->tree, "(reported) Russia would continue fighting"));
  g_assert_false (has_shown_row (fixture->tree, STARMER_ROW));
  g_assert_false (has_shown_row (fixture->tree, "Organizations"));
  g_assert_false (has_shown_row (fixture->tree, "Lashkar-e-Taiba"));
  g_assert_false (has_shown_row (fixture->tree, "Social posts"));
  g_assert_false (has_shown_row (fixture->tree, CEASEFIRE_ROW));

  /* Every row left names Putin, is one of his, or leads to such a row
   * (Zelenskiy "dismissed Putin’s stance"). */
  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *folded = g_utf8_casefold (g_ptr_array_index (rows, i), -1);
      GtkTreePath *path = g_ptr_array_index (paths, i);
      gboolean leads_to_match = FALSE;

      for (guint j = 0; j < rows->len; j++)
        {
          g_autofree char *other = g_utf8_casefold (g_ptr_array_index (rows, j), -1);

          if (j != i && strstr (other, "putin") != NULL &&
              gtk_tree_path_is_ancestor (path, g_ptr_array_index (paths, j)))
            leads_to_match = TRUE;
        }
      g_assert_true (strstr (folded, "putin") != NULL ||
                     gtk_tree_path_is_descendant (path, putin) ||
                     leads_to_match);
    }

  search (fixture, "zzzz");
  g_assert_cmpstr (visible_stack_text (fixture->panel), ==, "No matching entries");

  /* Escape in the entry clears the search. */
  run_and_wait_for_search (entry, "", emit_stop_search, entry);
  g_assert_cmpstr (gtk_entry_get_text (GTK_ENTRY (entry)), ==, "");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = shown_rows (fixture->tree, NULL);
  g_assert_cmpuint (rows->len, ==, n_all);
  g_assert_null (visible_stack_text (fixture->panel));
}

static void
type_kei (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *entry = test_util_find_descendant (GTK_WIDGET (fixture->panel), GTK_TYPE_SEARCH_ENTRY);

  send_key (GTK_WIDGET (fixture->tree), GDK_KEY_k, 0);
  g_assert_cmpstr (gtk_entry_get_text (GTK_ENTRY (entry)), ==, "k");
  g_assert_true (gtk_widget_is_focus (entry));
  send_key (entry, GDK_KEY_e, 0);
  send_key (entry, GDK_KEY_i, 0);
  g_assert_cmpstr (gtk_entry_get_text (GTK_ENTRY (entry)), ==, "kei");
}

/* Typing in the tree goes to the search entry. */
static void
test_type_to_search (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *entry = test_util_find_descendant (GTK_WIDGET (fixture->panel), GTK_TYPE_SEARCH_ENTRY);

  gtk_widget_grab_focus (GTK_WIDGET (fixture->tree));
  run_and_wait_for_search (entry, "kei", type_kei, fixture);
  g_assert_true (gtk_widget_is_focus (entry));
  g_assert_true (has_shown_row (fixture->tree, STARMER_ROW));
  g_assert_false (has_shown_row (fixture->tree, ZELENSKIY_ROW));
  g_assert_false (has_shown_row (fixture->tree, "Lashkar-e-Taiba"));

  /* Enter in the entry: on to the first entry found, in the tree. */
  g_signal_emit_by_name (entry, "activate");
  flush_events ();
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (fixture->tree)));
  {
    g_autofree char *selected = selected_row_text (fixture);

    g_assert_cmpstr (selected, ==, STARMER_ROW " (2) · 1 reported");
  }
}

static void
test_search_keeps_expansion (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GtkTreePath) starmer = find_row (fixture->tree, STARMER_ROW);

  gtk_tree_view_collapse_row (fixture->tree, starmer);
  g_assert_false (has_shown_row (fixture->tree, "“coalition of the willing”"));

  /* While searching everything is open ... */
  search (fixture, "willing");
  g_assert_true (has_shown_row (fixture->tree, "“coalition of the willing”"));

  /* ... and afterwards it is as the user left it. */
  search (fixture, "");
  g_assert_true (has_shown_row (fixture->tree, STARMER_ROW));
  g_assert_false (has_shown_row (fixture->tree, "“coalition of the willing”"));
  g_assert_true (has_shown_row (fixture->tree, CEASEFIRE_ROW));
}

static void
test_empty_state (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;

  gtk_text_buffer_set_text (fixture->buffer,
                            "The weather was mild on Tuesday, and the market opened late.\n", -1);
  reanalyse (fixture);
  g_assert_cmpuint (quotes_analysis_get_quotes (fixture->analysis)->len, ==, 0);
  g_assert_cmpstr (visible_stack_text (fixture->panel), ==, "No quotations found");
  g_assert_false (quotes_panel_goto_next_quote (fixture->panel));

  quotes_panel_set_analysis (fixture->panel, NULL);
  g_assert_cmpstr (visible_stack_text (fixture->panel), ==, "No quotations found");
  rows = shown_rows (fixture->tree, NULL);
  g_assert_cmpuint (rows->len, ==, 0);
}

static void
test_selection_kept (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GtkTreePath) starmer = find_row (fixture->tree, STARMER_ROW);
  GtkTextIter end;

  gtk_tree_view_collapse_row (fixture->tree, starmer);
  select_row (fixture, CEASEFIRE_ROW);
  before = selected_row_text (fixture);

  gtk_text_buffer_get_end_iter (fixture->buffer, &end);
  gtk_text_buffer_insert (fixture->buffer, &end,
                          "\nThe talks are expected to resume next week in Geneva.", -1);
  reanalyse (fixture);

  after = selected_row_text (fixture);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (g_str_has_prefix (after, CEASEFIRE_ROW));
  /* The speaker the user closed stays closed. */
  g_assert_true (has_shown_row (fixture->tree, STARMER_ROW));
  g_assert_false (has_shown_row (fixture->tree, "“coalition of the willing”"));
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_show_reported_speech (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  guint notified = 0;

  g_signal_connect (fixture->panel, "notify::show-reported-speech", G_CALLBACK (on_notify), &notified);
  g_object_set (fixture->panel, "show-reported-speech", FALSE, NULL);
  g_object_set (fixture->panel, "show-reported-speech", FALSE, NULL);
  g_assert_cmpuint (notified, ==, 1);
  flush_events ();

  rows = shown_rows (fixture->tree, NULL);
  for (guint i = 0; i < rows->len; i++)
    g_assert_false (g_str_has_prefix (g_ptr_array_index (rows, i), "(reported)"));
  g_assert_true (has_shown_row (fixture->tree, "Speakers (2)"));
  g_assert_true (has_shown_row (fixture->tree, ZELENSKIY_ROW " (3)"));
  g_assert_true (has_shown_row (fixture->tree, STARMER_ROW " (2)"));
  g_assert_false (has_shown_row (fixture->tree, PUTIN_ROW));
  g_assert_true (has_shown_row (fixture->tree, CEASEFIRE_ROW));

  g_object_set (fixture->panel, "show-reported-speech", TRUE, NULL);
  g_assert_true (has_shown_row (fixture->tree, PUTIN_ROW " · 2 reported"));
  g_assert_true (has_shown_row (fixture->tree, "(reported) Russia would continue fighting"));
}

static void
test_scare_quotes (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_text_buffer_set_text (fixture->buffer,
                            "The government presented its so-called “stability fund” on Monday, "
                            "and the opposition walked out of the chamber.\n"
                            "“We will win,” a soldier shouted.\n", -1);
  reanalyse (fixture);

  g_assert_true (has_shown_row (fixture->tree, "Unattributed (1)"));
  g_assert_true (has_shown_row (fixture->tree, "“We will win,”"));
  g_assert_false (has_shown_row (fixture->tree, "“stability fund”"));

  g_object_set (fixture->panel, "show-scare-quotes", TRUE, NULL);
  g_assert_true (has_shown_row (fixture->tree, "Unattributed (2)"));
  g_assert_true (has_shown_row (fixture->tree, "“stability fund” (scare quotes)"));
  activate_row (fixture, "“stability fund”");
  {
    g_autofree char *text = selected_text (fixture->buffer);

    g_assert_cmpstr (text, ==, "“stability fund”");
  }
}

static void
test_marks_follow_edits (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *speaker = NULL;
  GtkTextIter start;

  gtk_text_buffer_get_start_iter (fixture->buffer, &start);
  gtk_text_buffer_insert (fixture->buffer, &start, "BREAKING — updated at 14:00.\n\n", -1);

  activate_row (fixture, CEASEFIRE_ROW);
  text = selected_text (fixture->buffer);
  g_assert_cmpstr (text, ==, "“A ceasefire could have already happened, but Russia is doing "
                             "everything to prevent it,”");

  activate_row (fixture, ZELENSKIY_ROW);
  speaker = selected_text (fixture->buffer);
  g_assert_cmpstr (speaker, ==, "Volodymyr Zelenskiy");

  /* Changing what is shown keeps the positions carried through the edit,
   * not the old offsets. */
  g_object_set (fixture->panel, "show-reported-speech", FALSE, NULL);
  activate_row (fixture, CEASEFIRE_ROW);
  g_clear_pointer (&text, g_free);
  text = selected_text (fixture->buffer);
  g_assert_true (g_str_has_prefix (text, "“A ceasefire could have already happened"));
}

static void
test_view_changes (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GtkSourceBuffer) other = gtk_source_buffer_new (NULL);
  g_autoptr(GtkTextBuffer) original = g_object_ref (fixture->buffer);

  /* A new buffer in the same view: the old analysis no longer applies. */
  gtk_text_view_set_buffer (fixture->view, GTK_TEXT_BUFFER (other));
  flush_events ();
  g_assert_cmpstr (visible_stack_text (fixture->panel), ==, "No quotations found");
  g_assert_false (quotes_panel_goto_next_quote (fixture->panel));

  quotes_panel_set_view (fixture->panel, NULL);
  g_assert_cmpstr (visible_stack_text (fixture->panel), ==, "No quotations found");
  quotes_panel_set_view (fixture->panel, fixture->view);
  gtk_text_view_set_buffer (fixture->view, fixture->buffer);
  reanalyse (fixture);
  g_assert_true (has_shown_row (fixture->tree, CEASEFIRE_ROW));

  /* The view goes away before the panel. */
  gtk_widget_destroy (GTK_WIDGET (fixture->view));
  flush_events ();
  g_assert_cmpstr (visible_stack_text (fixture->panel), ==, "No quotations found");
}

static void
test_busy (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *label = NULL;
  guint timeout;

  /* The hint is the label saying so; hidden at first. */
  quotes_panel_set_busy (fixture->panel, TRUE);
  timeout = g_timeout_add_seconds (30, give_up_waiting, (gpointer) "the busy hint");
  while (label == NULL)
    {
      g_autoptr(GList) children = gtk_container_get_children (GTK_CONTAINER (fixture->panel));

      for (GList *l = children; l != NULL; l = l->next)
        {
          GtkWidget *found = test_util_find_descendant (l->data, GTK_TYPE_LABEL);

          if (GTK_IS_BOX (l->data) && gtk_widget_is_visible (l->data) && found != NULL &&
              g_strcmp0 (gtk_label_get_text (GTK_LABEL (found)), "Analysing…") == 0)
            label = found;
        }
      if (label == NULL)
        gtk_main_iteration ();
    }
  g_source_remove (timeout);
  g_assert_true (gtk_widget_is_visible (label));
  /* Nothing else waits for the analysis. */
  activate_row (fixture, CEASEFIRE_ROW);
  quotes_panel_set_busy (fixture->panel, FALSE);
  g_assert_false (gtk_widget_is_visible (label));
}

static void
test_large (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *article = test_util_read_fixture ("seed-article.txt");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GTimer) timer = NULL;
  guint n_quotes;

  for (guint i = 0; i < 200; i++)
    {
      g_string_append (text, article);
      g_string_append (text, "\n\n");
    }
  gtk_text_buffer_set_text (fixture->buffer, text->str, -1);
  g_clear_object (&fixture->analysis);
  fixture->analysis = analyse_buffer (fixture->buffer);
  n_quotes = quotes_analysis_get_quotes (fixture->analysis)->len;
  g_assert_cmpuint (n_quotes, >=, 2000);

  timer = g_timer_new ();
  quotes_panel_set_analysis (fixture->panel, fixture->analysis);
  wait_for_panel (fixture->panel);
  g_test_message ("%u quotes listed in %.3f s", n_quotes, g_timer_elapsed (timer, NULL));

  place_cursor (fixture->buffer, 0);
  g_assert_true (quotes_panel_goto_previous_quote (fixture->panel));
  g_assert_true (has_shown_row (fixture->tree, ZELENSKIY_ROW));
}

static void
test_export_enabled (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *button = test_util_find_descendant (GTK_WIDGET (fixture->panel), GTK_TYPE_MENU_BUTTON);
  GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
  g_autofree char *copy_action = NULL;
  g_autofree char *export_action = NULL;

  assert_export_enabled (fixture->panel, TRUE);
  g_assert_cmpstr (atk_object_get_name (gtk_widget_get_accessible (button)), ==, "Copy or export");
  g_assert_nonnull (gtk_widget_get_tooltip_text (button));

  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
  g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_ACTION, "s", &copy_action);
  g_menu_model_get_item_attribute (menu, 1, G_MENU_ATTRIBUTE_ACTION, "s", &export_action);
  g_assert_cmpstr (copy_action, ==, "quotes-panel.copy-markdown");
  g_assert_cmpstr (export_action, ==, "quotes-panel.export");

  /* Nothing to copy without an analysis, nor without a view. */
  quotes_panel_set_analysis (fixture->panel, NULL);
  assert_export_enabled (fixture->panel, FALSE);
  quotes_panel_set_analysis (fixture->panel, fixture->analysis);
  assert_export_enabled (fixture->panel, TRUE);
  quotes_panel_set_view (fixture->panel, NULL);
  assert_export_enabled (fixture->panel, FALSE);
}

static void
test_copy_markdown (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkClipboard *clipboard = gtk_clipboard_get_for_display (gtk_widget_get_display (fixture->window),
                                                           GDK_SELECTION_CLIPBOARD);
  g_autofree char *text = buffer_text (fixture->buffer);
  g_autofree char *expected = NULL;
  g_autofree char *copied = NULL;

  gtk_clipboard_set_text (clipboard, "before", -1);
  g_action_group_activate_action (panel_actions (fixture->panel), "copy-markdown", NULL);
  copied = gtk_clipboard_wait_for_text (clipboard);

  g_assert_nonnull (copied);
  /* A GtkSourceBuffer has no name: the heading is the panel's. */
  g_assert_true (g_str_has_prefix (copied, "# Quotes\n\n## Speakers\n"));
  g_assert_nonnull (strstr (copied, "- **Volodymyr Zelenskiy** (Ukrainian President)"));
  g_assert_nonnull (strstr (copied, CEASEFIRE_TEXT));
  g_assert_nonnull (strstr (copied, "\n## Organizations\n"));
  g_assert_nonnull (strstr (copied, "\n## Social posts\n"));
  /* The engine's Markdown, as quotes-scan prints it. */
  expected = quotes_analysis_to_markdown (fixture->analysis, text, "Quotes");
  g_assert_cmpstr (copied, ==, expected);
}

static void
test_export_csv (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *dir = NULL;
  g_autoptr(GFile) file = temporary_file ("quotes.csv", &dir);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *expected = quotes_analysis_to_csv (fixture->analysis, NULL);
  g_autofree char *csv = NULL;
  g_autoptr(GError) error = NULL;

  /* Replaces what was there. */
  g_file_set_contents (path, "old", -1, &error);
  g_assert_no_error (error);
  g_assert_true (quotes_panel_export_to_file (fixture->panel, file, "csv", &error));
  g_assert_no_error (error);

  g_file_get_contents (path, &csv, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (csv, CSV_HEADER));
  g_assert_cmpuint (count_csv_records (csv), ==,
                    1 + quotes_analysis_get_quotes (fixture->analysis)->len);
  g_assert_nonnull (strstr (csv, "\"" CEASEFIRE_TEXT "\",Volodymyr Zelenskiy,Ukrainian President,said,"));
  g_assert_cmpstr (csv, ==, expected);

  remove_temporary_file (file, dir);
}

static void
test_export_json (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *dir = NULL;
  g_autoptr(GFile) file = temporary_file ("quotes.json", &dir);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *expected = quotes_analysis_to_json (fixture->analysis);
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (quotes_panel_export_to_file (fixture->panel, file, "json", &error));
  g_assert_no_error (error);

  g_assert_cmpuint (json_quote_count (path), ==, quotes_analysis_get_quotes (fixture->analysis)->len);
  g_file_get_contents (path, &json, NULL, &error);
  g_assert_no_error (error);
  /* quotes_analysis_write_json() ends the text with a line break. */
  g_assert_cmpstr (g_strchomp (json), ==, expected);

  remove_temporary_file (file, dir);
}

static void
test_export_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GFile) nowhere = g_file_new_for_path ("/nonexistent-quotes-dir/quotes.csv");
  g_autofree char *dir = NULL;
  g_autoptr(GFile) file = temporary_file ("quotes.csv", &dir);
  GtkWidget *info_bar = test_util_find_descendant (GTK_WIDGET (fixture->panel), GTK_TYPE_INFO_BAR);
  g_autoptr(GError) error = NULL;

  g_assert_false (quotes_panel_export_to_file (fixture->panel, nowhere, "csv", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* The caller reports the errors of the function. */
  g_assert_false (gtk_widget_get_visible (info_bar));

  quotes_panel_set_analysis (fixture->panel, NULL);
  g_assert_false (quotes_panel_export_to_file (fixture->panel, file, "json", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_false (g_file_query_exists (file, NULL));

  remove_temporary_file (file, dir);
}

static GtkFileChooser *
find_file_chooser_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (GTK_IS_FILE_CHOOSER_DIALOG (l->data) && gtk_widget_get_visible (l->data))
        return GTK_FILE_CHOOSER (l->data);
    }
  return NULL;
}

/* "Export…": the dialog (GTK's own, without a portal), its suggested name,
 * then the file written in the background. */
static void
test_export_dialog (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *dir = NULL;
  g_autoptr(GFile) file = temporary_file ("quotes.json", &dir);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *expected = quotes_analysis_to_json (fixture->analysis);
  g_autofree char *json = NULL;
  GtkFileChooser *chooser;
  GtkFileFilter *filter;
  gint64 deadline;

  g_action_group_activate_action (panel_actions (fixture->panel), "export", NULL);
  flush_events ();
  chooser = find_file_chooser_dialog ();
  g_assert_nonnull (chooser);
  g_assert_cmpstr (gtk_file_chooser_get_current_name (chooser), ==, "quotes.csv");
  filter = gtk_file_chooser_get_filter (chooser);
  g_assert_nonnull (filter);
  g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, "CSV");

  /* The name says JSON, whatever the filter. */
  gtk_file_chooser_set_current_folder (chooser, dir);
  gtk_file_chooser_set_current_name (chooser, "quotes.json");
  flush_events ();
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline &&
         (json == NULL || g_strcmp0 (g_strchomp (json), expected) != 0))
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (G_USEC_PER_SEC / 100);
      g_clear_pointer (&json, g_free);
      g_file_get_contents (path, &json, NULL, NULL);
    }
  g_assert_nonnull (json);
  g_assert_cmpstr (json, ==, expected);
  g_assert_null (find_file_chooser_dialog ());

  remove_temporary_file (file, dir);
}

/* A file that cannot be written: said in the panel, not in a dialog. */
static void
test_export_dialog_error (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *info_bar = test_util_find_descendant (GTK_WIDGET (fixture->panel), GTK_TYPE_INFO_BAR);
  GtkWidget *label;
  GtkFileChooser *chooser;
  gint64 deadline;

  g_assert_false (gtk_widget_get_visible (info_bar));
  g_action_group_activate_action (panel_actions (fixture->panel), "export", NULL);
  flush_events ();
  chooser = find_file_chooser_dialog ();
  g_assert_nonnull (chooser);
  /* Nobody, not even root, makes files in /proc. */
  gtk_file_chooser_set_current_folder (chooser, "/proc");
  gtk_file_chooser_set_current_name (chooser, "quotes.csv");
  flush_events ();
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline && !gtk_widget_get_visible (info_bar))
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (G_USEC_PER_SEC / 100);
    }
  g_assert_true (gtk_widget_get_visible (info_bar));
  g_assert_null (find_file_chooser_dialog ());
  label = test_util_find_descendant (info_bar, GTK_TYPE_LABEL);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)),
                                   "Could not export to “/proc/quotes.csv”: "));

  gtk_info_bar_response (GTK_INFO_BAR (info_bar), GTK_RESPONSE_CLOSE);
  g_assert_false (gtk_widget_get_visible (info_bar));
}

static char *
copied_markdown (Fixture *fixture)
{
  GtkClipboard *clipboard = gtk_clipboard_get_for_display (gtk_widget_get_display (fixture->window),
                                                           GDK_SELECTION_CLIPBOARD);

  gtk_clipboard_set_text (clipboard, "before", -1);
  g_action_group_activate_action (panel_actions (fixture->panel), "copy-markdown", NULL);
  return gtk_clipboard_wait_for_text (clipboard);
}

/* The document's name, when gedit tells it, heads the Markdown, fills the
 * CSV's file column and names the exported file. */
static void
test_export_document_name (Fixture       *fixture,
                           gconstpointer  data)
{
  TestDocument *document = g_object_new (TEST_TYPE_DOCUMENT, NULL);
  g_autofree char *text = buffer_text (fixture->buffer);
  g_autofree char *markdown = NULL;
  g_autofree char *untitled = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GFile) file = temporary_file ("quotes.csv", &dir);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *csv = NULL;
  g_autoptr(GError) error = NULL;
  GtkFileChooser *chooser;

  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (document), text, -1);
  test_document_set_titles (document, "*seed-article.txt", "*seed-article.txt (/tmp)");
  gtk_text_view_set_buffer (fixture->view, GTK_TEXT_BUFFER (document));
  g_object_unref (document);
  fixture->buffer = GTK_TEXT_BUFFER (document);
  reanalyse (fixture);
  g_assert_true (gtk_text_buffer_get_modified (fixture->buffer));

  markdown = copied_markdown (fixture);
  g_assert_true (g_str_has_prefix (markdown, "# seed-article.txt\n"));

  g_assert_true (quotes_panel_export_to_file (fixture->panel, file, "csv", &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &csv, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (csv, ",0.95,seed-article.txt\r\n"));

  g_action_group_activate_action (panel_actions (fixture->panel), "export", NULL);
  flush_events ();
  chooser = find_file_chooser_dialog ();
  g_assert_nonnull (chooser);
  g_assert_cmpstr (gtk_file_chooser_get_current_name (chooser), ==, "seed-article.csv");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  flush_events ();
  g_assert_null (find_file_chooser_dialog ());

  /* A new document has a title, not a name. */
  test_document_set_titles (document, "Untitled File 1", "Untitled File 1");
  untitled = copied_markdown (fixture);
  g_assert_true (g_str_has_prefix (untitled, "# Quotes\n"));

  remove_temporary_file (file, dir);
}


/* A long text: the example article many times, with a line of its own
 * between the copies so each copy's rows differ. */
static char *
long_text (guint copies)
{
  g_autofree char *article = test_util_read_fixture ("seed-article.txt");
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < copies; i++)
    g_string_append_printf (text, "%s\n\nCopy %u.\n\n", article, i + 1);
  return g_string_free (text, FALSE);
}

typedef struct
{
  guint inserted;
  guint changed;
  guint deleted;
} RowSignals;

static void
count_inserted (GtkTreeModel *model, GtkTreePath *path, GtkTreeIter *iter, RowSignals *counts)
{
  counts->inserted++;
}

static void
count_changed (GtkTreeModel *model, GtkTreePath *path, GtkTreeIter *iter, RowSignals *counts)
{
  counts->changed++;
}

static void
count_deleted (GtkTreeModel *model, GtkTreePath *path, RowSignals *counts)
{
  counts->deleted++;
}

/* A long analysis reaches the list over several main-loop turns: once
 * done, the rows are those of the whole analysis, and a small edit
 * afterwards changes a few rows, not the list. */
static void
test_large_update_is_incremental (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *text = long_text (150);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  RowSignals counts = { 0 };
  GtkTreeModel *model;
  GtkTextIter end;
  guint n_quotes;

  gtk_text_buffer_set_text (fixture->buffer, text, -1);
  reanalyse (fixture);
  n_quotes = quotes_analysis_get_quotes (fixture->analysis)->len;
  g_assert_cmpuint (n_quotes, >, 1000);
  before = shown_rows (fixture->tree, NULL);
  /* Every quote is listed once: the rows under the speakers and the
   * unattributed ones add up with the groups, speakers, organizations
   * and posts to what is shown. */
  g_assert_true (has_shown_row (fixture->tree, ZELENSKIY_ROW));
  g_assert_true (has_shown_row (fixture->tree, CEASEFIRE_ROW));

  model = gtk_tree_view_get_model (fixture->tree);
  g_signal_connect (model, "row-inserted", G_CALLBACK (count_inserted), &counts);
  g_signal_connect (model, "row-changed", G_CALLBACK (count_changed), &counts);
  g_signal_connect (model, "row-deleted", G_CALLBACK (count_deleted), &counts);

  gtk_text_buffer_get_end_iter (fixture->buffer, &end);
  gtk_text_buffer_insert (fixture->buffer, &end,
                          "“The ferry runs again on Friday,” Mayor Elena Petrova said.\n", -1);
  reanalyse (fixture);
  g_signal_handlers_disconnect_by_data (model, &counts);

  after = shown_rows (fixture->tree, NULL);
  g_assert_true (has_shown_row (fixture->tree, "“The ferry runs again on Friday,”"));
  g_assert_true (has_shown_row (fixture->tree, "Elena Petrova — Mayor (1)"));
  /* The speaker, the quote, the count of the Speakers group: a handful
   * of rows, not thousands. */
  g_assert_cmpuint (after->len, ==, before->len + 2);
  g_assert_cmpuint (counts.inserted, <=, 4);
  g_assert_cmpuint (counts.changed, <=, 6);
  g_assert_cmpuint (counts.deleted, ==, 0);

  /* And the rows still lead to the right places. */
  activate_row (fixture, "“The ferry runs again on Friday,”");
  {
    g_autofree char *selected = selected_text (fixture->buffer);

    g_assert_cmpstr (selected, ==, "“The ferry runs again on Friday,”");
  }
}

/* Rows built for an analysis that another one replaced before they were
 * ready never reach the list. */
static void
test_stale_rows_dropped (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *text = long_text (150);
  g_autoptr(QuotesAnalysis) large = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  gtk_text_buffer_set_text (fixture->buffer, text, -1);
  large = analyse_buffer (fixture->buffer);
  quotes_panel_set_analysis (fixture->panel, large);
  g_assert_true (quotes_panel_is_updating (fixture->panel));

  gtk_text_buffer_set_text (fixture->buffer, "“Only this,” Ana Lima said.\n", -1);
  reanalyse (fixture);
  rows = shown_rows (fixture->tree, NULL);
  g_assert_true (has_shown_row (fixture->tree, "Ana Lima (1)"));
  g_assert_false (has_shown_row (fixture->tree, ZELENSKIY_ROW));
  g_assert_false (has_shown_row (fixture->tree, "Copy"));
  g_assert_cmpstr (g_ptr_array_index (rows, 0), ==, "Speakers (1)");
}

/* Text typed while the rows of an analysis are being built moves what
 * the rows lead to, as it would move marks. */
static void
test_edits_while_building (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *text = long_text (150);
  g_autoptr(QuotesAnalysis) large = NULL;
  GtkTextIter start;

  gtk_text_buffer_set_text (fixture->buffer, text, -1);
  large = analyse_buffer (fixture->buffer);
  quotes_panel_set_analysis (fixture->panel, large);
  g_assert_true (quotes_panel_is_updating (fixture->panel));
  gtk_text_buffer_get_start_iter (fixture->buffer, &start);
  gtk_text_buffer_insert (fixture->buffer, &start, "Updated twice.\n\n", -1);
  wait_for_panel (fixture->panel);

  activate_row (fixture, CEASEFIRE_ROW);
  {
    g_autofree char *selected = selected_text (fixture->buffer);

    g_assert_cmpstr (selected, ==, "“" CEASEFIRE_TEXT "”");
  }
  place_cursor (fixture->buffer, 0);
  g_assert_true (quotes_panel_goto_next_quote (fixture->panel));
  {
    g_autofree char *selected = selected_text (fixture->buffer);

    g_assert_true (g_str_has_prefix (selected, "Kyiv’s Western allies") ||
                   g_str_has_prefix (selected, "“coalition of the willing”"));
  }
}

static void
on_analyse (QuotesPanel *panel,
            guint       *count)
{
  (*count)++;
}

/* A document too long to analyse as it is typed says so, and offers to
 * analyse it now. */
static void
test_not_live (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *bar = NULL;
  GtkWidget *button = NULL;
  guint count = 0;

  g_signal_connect (fixture->panel, "analyse", G_CALLBACK (on_analyse), &count);
  quotes_panel_set_live (fixture->panel, FALSE);
  /* The info bar now shown: the one with a button. */
  {
    GtkWidget *box = GTK_WIDGET (fixture->panel);
    g_autoptr(GList) children = gtk_container_get_children (GTK_CONTAINER (box));

    for (GList *l = children; l != NULL; l = l->next)
      {
        if (GTK_IS_INFO_BAR (l->data) && gtk_widget_get_visible (l->data))
          {
            bar = l->data;
            button = test_util_find_descendant (bar, GTK_TYPE_BUTTON);
          }
      }
  }
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_visible (bar));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Analyse Now");
  gtk_button_clicked (GTK_BUTTON (button));
  g_assert_cmpuint (count, ==, 1);
  /* What was listed stays listed meanwhile. */
  g_assert_true (has_shown_row (fixture->tree, CEASEFIRE_ROW));

  /* Not analysed yet is not the same as nothing found. */
  quotes_panel_set_view (fixture->panel, NULL);
  quotes_panel_set_view (fixture->panel, fixture->view);
  g_assert_cmpstr (visible_stack_text (fixture->panel), ==, "Not analysed yet");

  quotes_panel_set_live (fixture->panel, TRUE);
  g_assert_false (gtk_widget_is_visible (bar));
  g_assert_cmpstr (visible_stack_text (fixture->panel), ==, "No quotations found");
}

/* Offsets carried through edits the way marks move. */
static void
test_edit_log (void)
{
  g_autoptr(QuotesEditLog) log = quotes_edit_log_new ();

  /* Typing at 10, one character at a time: one entry. */
  for (guint i = 0; i < 5; i++)
    quotes_edit_log_insert (log, 10 + i, 1);
  g_assert_cmpuint (quotes_edit_log_length (log), ==, 1);
  g_assert_cmpuint (quotes_edit_log_map (log, 9, FALSE), ==, 9);
  g_assert_cmpuint (quotes_edit_log_map (log, 10, TRUE), ==, 10);    /* left gravity stays */
  g_assert_cmpuint (quotes_edit_log_map (log, 10, FALSE), ==, 15);   /* right gravity moves */
  g_assert_cmpuint (quotes_edit_log_map (log, 20, TRUE), ==, 25);

  /* Backspacing three of them: one more entry. */
  for (guint i = 0; i < 3; i++)
    quotes_edit_log_delete (log, 14 - i, 15 - i);
  g_assert_cmpuint (quotes_edit_log_length (log), ==, 2);
  g_assert_cmpuint (quotes_edit_log_map (log, 20, TRUE), ==, 22);

  /* A deletion around an offset takes it to the deletion's start. */
  quotes_edit_log_delete (log, 0, 5);
  g_assert_cmpuint (quotes_edit_log_map (log, 3, TRUE), ==, 0);
  g_assert_cmpuint (quotes_edit_log_map (log, 20, TRUE), ==, 17);
}

static void
add_test (const char *path,
          void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Panel/empty-without-analysis", test_empty_without_analysis);
  add_test ("/Panel/accessible-name", test_accessible_name);
  add_test ("/Panel/rows", test_rows);
  add_test ("/Panel/tooltip", test_tooltip);
  add_test ("/Panel/activate-quote", test_activate_quote);
  add_test ("/Panel/activate-entities", test_activate_entities);
  add_test ("/Panel/goto-attribution", test_goto_attribution);
  add_test ("/Panel/context-menu", test_context_menu);
  add_test ("/Panel/next-previous", test_next_previous);
  add_test ("/Panel/search", test_search);
  add_test ("/Panel/type-to-search", test_type_to_search);
  add_test ("/Panel/search-keeps-expansion", test_search_keeps_expansion);
  add_test ("/Panel/empty-state", test_empty_state);
  add_test ("/Panel/selection-kept", test_selection_kept);
  add_test ("/Panel/show-reported-speech", test_show_reported_speech);
  add_test ("/Panel/scare-quotes", test_scare_quotes);
  add_test ("/Panel/marks-follow-edits", test_marks_follow_edits);
  add_test ("/Panel/view-changes", test_view_changes);
  add_test ("/Panel/busy", test_busy);
  add_test ("/Panel/large", test_large);
  add_test ("/Panel/large-update-is-incremental", test_large_update_is_incremental);
  add_test ("/Panel/stale-rows-dropped", test_stale_rows_dropped);
  add_test ("/Panel/edits-while-building", test_edits_while_building);
  add_test ("/Panel/not-live", test_not_live);
  g_test_add_func ("/Panel/edit-log", test_edit_log);
  add_test ("/Panel/export-enabled", test_export_enabled);
  add_test ("/Panel/copy-markdown", test_copy_markdown);
  add_test ("/Panel/export-csv", test_export_csv);
  add_test ("/Panel/export-json", test_export_json);
  add_test ("/Panel/export-errors", test_export_errors);
  add_test ("/Panel/export-dialog", test_export_dialog);
  add_test ("/Panel/export-dialog-error", test_export_dialog_error);
  add_test ("/Panel/export-document-name", test_export_document_name);

  return g_test_run ();
}
