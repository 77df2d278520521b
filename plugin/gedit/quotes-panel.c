/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * QuotesPanel: the side-panel page. A tree of speakers with their quotes,
 * organizations and cited posts, built from the analysis of one text view.
 *
 * A new analysis comes after each pause in typing, and a long document
 * has tens of thousands of entries, so nothing here is redone whole on
 * the main loop:
 *
 * - the entries (texts, keys, order) are worked out from the analysis
 *   alone, in a thread for a long one (QuotesPanelRows);
 * - they are then merged into the tree a slice at a time, within a time
 *   budget per main-loop turn: a row whose key is still there stays (with
 *   its selection and expansion), and is only changed if its text did;
 *   rows that went are removed and new ones inserted. Typing at the end
 *   of a long document changes a few rows, not all;
 * - positions are the analysis' offsets, carried through the edits made
 *   since it came (QuotesEditLog) when the panel jumps, rather than
 *   marks in the buffer for every quote and mention.
 *
 * Rows carry a kind and a key; the key leads to the entry of the current
 * analysis, so a row left from the analysis before while the merge goes
 * on does nothing rather than jump to a wrong place. The tree is a
 * GtkTreeStore seen through a GtkTreeModelFilter (the search).
 *
 * The menu next to the search (Copy as Markdown, Export…) is in
 * quotes-panel-export.c.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "quotes-panel-private.h"
#include "quotes-release.h"
#include "quotes-worker.h"
#include "quotes-timing.h"

#define PANEL_RESOURCE "/org/gnome/gedit/plugins/quotes/quotes-panel.ui"
#define SYNC_ROWS_QUOTES 500    /* more quotes: their rows are built in a thread */
#define MERGE_BUDGET_US  4000   /* per main-loop turn: well under a frame */
#define BUSY_REVEAL_MS   700    /* a short analysis does not flash "Analysing…" */

enum {
  COL_TEXT,
  COL_TOOLTIP,     /* markup: GtkTreeView's tooltip column wants markup */
  COL_FOLDED,      /* COL_TEXT folded for the search */
  COL_KEY,         /* identity across analyses: keeps selection, expansion */
  COL_KIND,
  COL_WEIGHT,
  N_COLUMNS
};

G_DEFINE_FINAL_TYPE (QuotesPanel, quotes_panel, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_SHOW_REPORTED_SPEECH,
  PROP_SHOW_SCARE_QUOTES,
  N_PROPS
};

enum { ANALYSE, N_SIGNALS };

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void update_stack (QuotesPanel *self);
static void refilter (QuotesPanel *self);
static void apply_expansion (QuotesPanel *self);
static gboolean row_is_collapsed_by_user (QuotesPanel *self, GtkTreeModel *model, GtkTreeIter *iter);

/* Positions */

/* [@start, @end) of the analysed text, in the text as it is now. Text
 * typed just before or just after the range stays outside it, as with a
 * mark of right gravity at the start and one of left gravity at the end. */
static gboolean
span_get_iters (QuotesPanel *self,
                guint        start,
                guint        end,
                GtkTextIter *istart,
                GtkTextIter *iend)
{
  guint s, e;

  if (self->buffer == NULL || self->analysis == NULL || self->log == NULL)
    return FALSE;
  s = quotes_edit_log_map (self->log, start, FALSE);
  e = quotes_edit_log_map (self->log, end, TRUE);
  /* Deleting the whole range and typing there puts start after end. */
  gtk_text_buffer_get_iter_at_offset (self->buffer, istart, MIN (s, e));
  gtk_text_buffer_get_iter_at_offset (self->buffer, iend, MAX (s, e));
  return TRUE;
}

static void
attribution_bounds (QuotesQuote *quote,
                    guint       *start,
                    guint       *end)
{
  const QuotesSpan *spans[] = { quotes_quote_get_source (quote),
                                quotes_quote_get_cue (quote) };

  *start = G_MAXUINT;
  *end = 0;
  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      if (spans[i] == NULL)
        continue;
      *start = MIN (*start, spans[i]->start);
      *end = MAX (*end, spans[i]->end);
    }
}

static QuotesQuote *
get_quote (QuotesPanel *self,
           int          id)
{
  GPtrArray *quotes;

  if (self->analysis == NULL || id < 0)
    return NULL;
  quotes = quotes_analysis_get_quotes (self->analysis);
  return (guint) id < quotes->len ? g_ptr_array_index (quotes, id) : NULL;
}

static void
on_insert_text (QuotesPanel *self,
                GtkTextIter *location,
                const char  *text,
                int          len)
{
  guint offset = gtk_text_iter_get_offset (location);
  guint n_chars = g_utf8_strlen (text, len);

  if (self->log != NULL)
    quotes_edit_log_insert (self->log, offset, n_chars);
  if (self->pending_log != NULL)
    quotes_edit_log_insert (self->pending_log, offset, n_chars);
}

static void
on_delete_range (QuotesPanel *self,
                 GtkTextIter *start,
                 GtkTextIter *end)
{
  guint from = gtk_text_iter_get_offset (start);
  guint to = gtk_text_iter_get_offset (end);

  if (self->log != NULL)
    quotes_edit_log_delete (self->log, MIN (from, to), MAX (from, to));
  if (self->pending_log != NULL)
    quotes_edit_log_delete (self->pending_log, MIN (from, to), MAX (from, to));
}

/* The store */

static GtkTreeStore *
new_store (void)
{
  return gtk_tree_store_new (N_COLUMNS,
                             G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING,
                             G_TYPE_STRING, G_TYPE_INT, G_TYPE_INT);
}

static char *
get_row_key (GtkTreeModel *model,
             GtkTreeIter  *iter)
{
  char *key = NULL;

  gtk_tree_model_get (model, iter, COL_KEY, &key, -1);
  return key;
}

static void
forget_subtree (QuotesPanel *self,
                GtkTreeIter *iter)
{
  GtkTreeModel *model = GTK_TREE_MODEL (self->store);
  g_autofree char *key = get_row_key (model, iter);
  GtkTreeIter child;

  if (key != NULL)
    g_hash_table_remove (self->row_iters, key);
  if (gtk_tree_model_iter_children (model, &child, iter))
    {
      do
        forget_subtree (self, &child);
      while (gtk_tree_model_iter_next (model, &child));
    }
}

/* Removes the row at @iter and moves @iter to the next sibling. */
static gboolean
remove_row (QuotesPanel *self,
            GtkTreeIter *iter)
{
  forget_subtree (self, iter);
  return gtk_tree_store_remove (self->store, iter);
}

static void
set_row (QuotesPanel          *self,
         GtkTreeIter          *iter,
         const QuotesPanelRow *row)
{
  gtk_tree_store_set (self->store, iter,
                      COL_TEXT, row->text,
                      COL_TOOLTIP, row->tooltip,
                      COL_FOLDED, row->folded,
                      -1);
}

static void
insert_row (QuotesPanel          *self,
            Level                *level,
            const QuotesPanelRow *row,
            GtkTreeIter          *iter)
{
  int position = -1;

  /* With its values at once: a row inserted empty and then set would be
   * looked at twice by the filter and the view. */
  if (level->has_cursor)
    {
      g_autoptr(GtkTreePath) path = gtk_tree_model_get_path (GTK_TREE_MODEL (self->store), &level->cursor);

      position = gtk_tree_path_get_indices (path)[gtk_tree_path_get_depth (path) - 1];
    }
  gtk_tree_store_insert_with_values (self->store, iter,
                                     level->has_parent ? &level->parent : NULL,
                                     position,
                                     COL_TEXT, row->text,
                                     COL_TOOLTIP, row->tooltip,
                                     COL_FOLDED, row->folded,
                                     COL_KEY, row->key,
                                     COL_KIND, row->kind,
                                     COL_WEIGHT, row->kind == QUOTES_ROW_GROUP ? PANGO_WEIGHT_BOLD
                                                                               : PANGO_WEIGHT_NORMAL,
                                     -1);
  g_hash_table_insert (self->row_iters, g_strdup (row->key), g_memdup2 (iter, sizeof *iter));
}

static gboolean
same_row (const GtkTreeIter *a,
          const GtkTreeIter *b)
{
  return a->user_data == b->user_data;
}

static gboolean
has_parent (QuotesPanel *self,
            GtkTreeIter *iter,
            Level       *level)
{
  GtkTreeIter parent;

  if (!gtk_tree_model_iter_parent (GTK_TREE_MODEL (self->store), &parent, iter))
    return !level->has_parent;
  return level->has_parent && same_row (&parent, &level->parent);
}

static void
advance (QuotesPanel *self,
         Level       *level)
{
  level->has_cursor = gtk_tree_model_iter_next (GTK_TREE_MODEL (self->store), &level->cursor);
}

/* Brings the old row at @iter up to date with @row. */
static void
update_row (QuotesPanel          *self,
            GtkTreeIter          *iter,
            const QuotesPanelRow *row)
{
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  gtk_tree_model_get (GTK_TREE_MODEL (self->store), iter,
                      COL_TEXT, &text, COL_TOOLTIP, &tooltip, -1);
  /* An unchanged row is not touched: no redraw, no new layout. */
  if (g_strcmp0 (text, row->text) != 0 || g_strcmp0 (tooltip, row->tooltip) != 0)
    set_row (self, iter, row);
  self->last = *iter;
  self->last_inserted = FALSE;
}

/* Puts @row at the place of the merge at its level. */
static void
merge_row (QuotesPanel          *self,
           Level                *level,
           const QuotesPanelRow *row)
{
  GtkTreeIter *existing;
  GtkTreeIter iter;

  /* Most rows are as they were: told from the rows merged last, without
   * reading the store. */
  if (level->has_cursor && self->merged != NULL)
    {
      GtkTreeIter *at = g_hash_table_lookup (self->row_iters, row->key);
      const QuotesPanelRow *old = at != NULL ? g_hash_table_lookup (self->merged->by_key, row->key) : NULL;

      if (old != NULL && same_row (at, &level->cursor) &&
          g_str_equal (old->text, row->text) && g_str_equal (old->tooltip, row->tooltip))
        {
          self->last = level->cursor;
          self->last_inserted = FALSE;
          advance (self, level);
          return;
        }
    }

  /* Old rows at the cursor that the new analysis does not have went. */
  while (level->has_cursor)
    {
      g_autofree char *key = get_row_key (GTK_TREE_MODEL (self->store), &level->cursor);

      if (g_strcmp0 (key, row->key) == 0)
        {
          update_row (self, &level->cursor, row);
          advance (self, level);
          return;
        }
      if (key != NULL && g_hash_table_contains (self->rows->by_key, key))
        break;
      level->has_cursor = remove_row (self, &level->cursor);
    }

  existing = g_hash_table_lookup (self->row_iters, row->key);
  if (existing != NULL && level->has_cursor && has_parent (self, existing, level))
    {
      /* Further on among the siblings (a speaker with more quotes now
       * goes up): moved, with what is under it. */
      iter = *existing;
      gtk_tree_store_move_before (self->store, &iter, &level->cursor);
      update_row (self, &iter, row);
      return;
    }
  if (existing != NULL)
    {
      /* Under another parent now: a new row here. */
      iter = *existing;
      remove_row (self, &iter);
    }
  insert_row (self, level, row, &iter);
  self->last = iter;
  self->last_inserted = TRUE;
}

static void
expand_new_row (QuotesPanel *self,
                GtkTreeIter *iter)
{
  g_autoptr(GtkTreePath) path = NULL;
  GtkTreeModel *model = GTK_TREE_MODEL (self->filter);
  GtkTreeIter filter_iter, child;

  if (self->needle == NULL && row_is_collapsed_by_user (self, GTK_TREE_MODEL (self->store), iter))
    return;
  if (!gtk_tree_model_filter_convert_child_iter_to_iter (self->filter, &filter_iter, iter))
    return;
  path = gtk_tree_model_get_path (model, &filter_iter);
  self->applying_expansion++;
  gtk_tree_view_expand_row (self->tree_view, path, FALSE);
  /* A group's speakers may have been expanded before it: GtkTreeView
   * forgets that while the group is closed. (Quotes have nothing under
   * them: not worth going through.) */
  if (gtk_tree_store_iter_depth (self->store, iter) == 0 &&
      gtk_tree_model_iter_children (model, &child, &filter_iter))
    {
      do
        {
          g_autoptr(GtkTreePath) child_path = gtk_tree_model_get_path (model, &child);

          if (gtk_tree_model_iter_has_child (model, &child) &&
              (self->needle != NULL || !row_is_collapsed_by_user (self, model, &child)))
            gtk_tree_view_expand_row (self->tree_view, child_path, FALSE);
        }
      while (gtk_tree_model_iter_next (model, &child));
    }
  self->applying_expansion--;
}

static gboolean
row_expanded (QuotesPanel *self,
              GtkTreeIter *iter)
{
  g_autoptr(GtkTreePath) path = NULL;
  GtkTreeIter filter_iter;

  if (!gtk_tree_model_filter_convert_child_iter_to_iter (self->filter, &filter_iter, iter))
    return FALSE;
  path = gtk_tree_model_get_path (GTK_TREE_MODEL (self->filter), &filter_iter);
  return gtk_tree_view_row_expanded (self->tree_view, path);
}

/* No more new rows at this level: the old ones left went. A parent that
 * lost all its rows on the way was closed by GtkTreeView: opened again
 * (unless the person closed it). */
static void
finish_level (QuotesPanel *self,
              Level       *level)
{
  while (level->has_cursor)
    level->has_cursor = remove_row (self, &level->cursor);
  if (level->has_parent && !level->opened &&
      (level->new_parent || !row_expanded (self, &level->parent)))
    expand_new_row (self, &level->parent);
}

/* A new parent opens with its first row, so that the rows after it go
 * into an open row one by one, rather than all being laid out when it
 * opens at the end. */
static void
open_new_parent (QuotesPanel *self,
                 Level       *level)
{
  if (!level->has_parent || !level->new_parent || level->opened)
    return;
  level->opened = TRUE;
  expand_new_row (self, &level->parent);
}

/* The last row merged has no rows under it in the new analysis: the old
 * ones went. */
static void
drop_children_of_last (QuotesPanel *self)
{
  GtkTreeIter child;

  if (!self->has_last || self->last_inserted)
    return;
  while (gtk_tree_model_iter_children (GTK_TREE_MODEL (self->store), &child, &self->last))
    remove_row (self, &child);
}

static void
push_level (QuotesPanel *self)
{
  Level *level = &self->levels[self->depth++];

  level->parent = self->last;
  level->has_parent = TRUE;
  level->new_parent = self->last_inserted;
  level->opened = FALSE;
  level->has_cursor = gtk_tree_model_iter_children (GTK_TREE_MODEL (self->store), &level->cursor, &self->last);
}

static void
merge_done (QuotesPanel *self)
{
  drop_children_of_last (self);
  while (self->depth > 0)
    finish_level (self, &self->levels[--self->depth]);
  /* New rows under a search: whether a parent shows depends on its
   * children, which came after it. */
  if (self->needle != NULL)
    refilter (self);
  update_stack (self);
  quotes_panel_update_export_actions (self);
}

static gboolean
merge_some (QuotesPanel *self,
            GPtrArray   *rows,
            gint64       deadline)
{
  while (self->merge_index < rows->len)
    {
      const QuotesPanelRow *row = g_ptr_array_index (rows, self->merge_index++);

      if (self->has_last && row->depth <= self->last_depth)
        drop_children_of_last (self);
      while (self->depth > row->depth + 1)
        finish_level (self, &self->levels[--self->depth]);
      if (self->depth < row->depth + 1)
        push_level (self);
      merge_row (self, &self->levels[self->depth - 1], row);
      open_new_parent (self, &self->levels[self->depth - 1]);
      self->has_last = TRUE;
      self->last_depth = row->depth;
      if (g_get_monotonic_time () >= deadline)
        return G_SOURCE_CONTINUE;
    }
  self->merging = 0;
  merge_done (self);
  g_debug ("Rows merged");
  return G_SOURCE_REMOVE;
}

static gboolean
merge_slice (gpointer user_data)
{
  QuotesPanel *self = user_data;
  QuotesTiming timing;
  gboolean more;

  quotes_timing_begin (&timing);
  more = merge_some (self, self->rows->rows, timing.wall + MERGE_BUDGET_US);
  quotes_timing_end (&timing, "Merging rows");
  return more;
}

/* Merges self->rows into the tree: the first slice now (a short list is
 * done before this returns), the rest between other events. */
static void
start_merge (QuotesPanel *self)
{
  Level *top = &self->levels[0];

  g_clear_handle_id (&self->merging, g_source_remove);
  if (self->tree_view == NULL)
    return;
  memset (self->levels, 0, sizeof self->levels);
  self->depth = 1;
  self->has_last = FALSE;
  top->has_parent = FALSE;
  top->has_cursor = gtk_tree_model_get_iter_first (GTK_TREE_MODEL (self->store), &top->cursor);
  self->merge_index = 0;
  if (merge_slice (self))
    self->merging = g_idle_add_full (QUOTES_WORK_PRIORITY, merge_slice, self, NULL);
}

/* Empties the tree at once, detached: a view watching would handle each
 * removal on its own. */
static void
clear_store (QuotesPanel *self)
{
  g_clear_handle_id (&self->merging, g_source_remove);
  if (self->tree_view == NULL)
    return;
  gtk_tree_view_set_model (self->tree_view, NULL);
  gtk_tree_store_clear (self->store);
  g_hash_table_remove_all (self->row_iters);
  quotes_release_in_thread (g_steal_pointer (&self->merged), (GDestroyNotify) quotes_panel_rows_unref);
  gtk_tree_view_set_model (self->tree_view, GTK_TREE_MODEL (self->filter));
  update_stack (self);
  quotes_panel_update_export_actions (self);
}

/* Analyses and their rows */

static void
clear_pending (QuotesPanel *self)
{
  quotes_release_in_thread (g_steal_pointer (&self->pending), g_object_unref);
  g_clear_pointer (&self->pending_log, quotes_edit_log_free);
  self->building = FALSE;
  self->generation++;
}

static void
clear_analysis (QuotesPanel *self)
{
  clear_pending (self);
  quotes_release_in_thread (g_steal_pointer (&self->analysis), g_object_unref);
  g_clear_pointer (&self->log, quotes_edit_log_free);
  quotes_release_in_thread (g_steal_pointer (&self->rows), (GDestroyNotify) quotes_panel_rows_unref);
  quotes_release_in_thread (g_steal_pointer (&self->merged), (GDestroyNotify) quotes_panel_rows_unref);
  g_clear_pointer (&self->cycle_key, g_free);
}

/* @rows are ready: of the pending analysis, or new rows for the one
 * shown (other settings). */
static void
rows_ready (QuotesPanel     *self,
            QuotesPanelRows *rows)
{
  if (self->pending != NULL)
    {
      quotes_release_in_thread (g_steal_pointer (&self->analysis), g_object_unref);
      self->analysis = g_steal_pointer (&self->pending);
      g_clear_pointer (&self->log, quotes_edit_log_free);
      self->log = g_steal_pointer (&self->pending_log);
    }
  self->building = FALSE;
  quotes_release_in_thread (g_steal_pointer (&self->merged), (GDestroyNotify) quotes_panel_rows_unref);
  if (self->merging == 0)
    self->merged = g_steal_pointer (&self->rows);
  quotes_release_in_thread (g_steal_pointer (&self->rows), (GDestroyNotify) quotes_panel_rows_unref);
  self->rows = rows;
  start_merge (self);
}

typedef struct
{
  QuotesAnalysis  *analysis;
  QuotesPanelRows *previous;
  gboolean         show_reported;
  gboolean         show_scare;
  guint64          generation;
} RowsJob;

static void
rows_job_free (gpointer data)
{
  RowsJob *job = data;

  /* Maybe the last references to them: see quotes-release.c. */
  quotes_release_in_thread (g_steal_pointer (&job->analysis), g_object_unref);
  quotes_release_in_thread (g_steal_pointer (&job->previous), (GDestroyNotify) quotes_panel_rows_unref);
  g_free (job);
}

static void
build_rows_in_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  RowsJob *job = task_data;
  gint64 begin = g_get_monotonic_time ();
  QuotesPanelRows *rows = quotes_panel_rows_new (job->analysis, job->show_reported, job->show_scare,
                                                 job->previous);

  g_debug ("Rows built in %" G_GINT64_FORMAT " µs (in a thread)", g_get_monotonic_time () - begin);
  g_task_return_pointer (task, rows, (GDestroyNotify) quotes_panel_rows_unref);
}

static void
rows_built (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  QuotesPanel *self = QUOTES_PANEL (object);
  RowsJob *job = g_task_get_task_data (G_TASK (result));
  QuotesPanelRows *rows = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Stale: another analysis or setting came meanwhile. */
  if (job->generation != self->generation)
    {
      quotes_release_in_thread (rows, (GDestroyNotify) quotes_panel_rows_unref);
      return;
    }
  rows_ready (self, rows);
}

/* Rows for @analysis with the current settings: at once for a short
 * analysis, else from a thread. */
static void
build_rows (QuotesPanel    *self,
            QuotesAnalysis *analysis)
{
  g_autoptr(GTask) task = NULL;
  RowsJob *job;

  self->generation++;
  if (quotes_analysis_get_quotes (analysis)->len <= SYNC_ROWS_QUOTES)
    {
      rows_ready (self, quotes_panel_rows_new (analysis, self->show_reported_speech, self->show_scare_quotes,
                                               self->rows));
      return;
    }

  job = g_new0 (RowsJob, 1);
  job->analysis = g_object_ref (analysis);
  job->previous = self->rows != NULL ? quotes_panel_rows_ref (self->rows) : NULL;
  job->show_reported = self->show_reported_speech;
  job->show_scare = self->show_scare_quotes;
  job->generation = self->generation;
  self->building = TRUE;
  task = g_task_new (self, NULL, rows_built, NULL);
  g_task_set_source_tag (task, build_rows);
  g_task_set_task_data (task, job, rows_job_free);
  quotes_worker_run (task, build_rows_in_thread);
}

/* The settings changed: the same analysis, other rows. */
static void
rebuild_rows (QuotesPanel *self)
{
  if (self->pending != NULL)
    build_rows (self, self->pending);
  else if (self->analysis != NULL)
    build_rows (self, self->analysis);
}

/* Search */

static gboolean
row_matches (GtkTreeModel *model,
             GtkTreeIter  *iter,
             const char   *needle)
{
  g_autofree char *folded = NULL;

  gtk_tree_model_get (model, iter, COL_FOLDED, &folded, -1);
  return folded != NULL && strstr (folded, needle) != NULL;
}

static gboolean
descendant_matches (GtkTreeModel *model,
                    GtkTreeIter  *parent,
                    const char   *needle)
{
  GtkTreeIter child;

  if (!gtk_tree_model_iter_children (model, &child, parent))
    return FALSE;
  do
    {
      if (row_matches (model, &child, needle) ||
          descendant_matches (model, &child, needle))
        return TRUE;
    }
  while (gtk_tree_model_iter_next (model, &child));
  return FALSE;
}

/* Searching a name shows everything that person said; a group name is
 * not a reason to show the whole group. */
static gboolean
ancestor_matches (GtkTreeModel *model,
                  GtkTreeIter  *iter,
                  const char   *needle)
{
  GtkTreeIter child = *iter;
  GtkTreeIter parent;

  while (gtk_tree_model_iter_parent (model, &parent, &child))
    {
      QuotesRowKind kind;

      gtk_tree_model_get (model, &parent, COL_KIND, &kind, -1);
      if (kind != QUOTES_ROW_GROUP && row_matches (model, &parent, needle))
        return TRUE;
      child = parent;
    }
  return FALSE;
}

static gboolean
row_is_visible (GtkTreeModel *model,
                GtkTreeIter  *iter,
                gpointer      user_data)
{
  QuotesPanel *self = user_data;

  if (self->needle == NULL)
    return TRUE;
  return row_matches (model, iter, self->needle) ||
         descendant_matches (model, iter, self->needle) ||
         ancestor_matches (model, iter, self->needle);
}

/* Tree state: expansion, selection */

static char *
get_selected_key (QuotesPanel *self)
{
  GtkTreeSelection *selection = gtk_tree_view_get_selection (self->tree_view);
  GtkTreeModel *model;
  GtkTreeIter iter;

  if (!gtk_tree_selection_get_selected (selection, &model, &iter))
    return NULL;
  return get_row_key (model, &iter);
}

static gboolean
row_is_collapsed_by_user (QuotesPanel  *self,
                          GtkTreeModel *model,
                          GtkTreeIter  *iter)
{
  g_autofree char *key = get_row_key (model, iter);

  return key != NULL && g_hash_table_contains (self->collapsed, key);
}

static void
collapse_row_at (QuotesPanel  *self,
                 GtkTreeModel *model,
                 GtkTreeIter  *iter)
{
  g_autoptr(GtkTreePath) path = gtk_tree_model_get_path (model, iter);

  gtk_tree_view_collapse_row (self->tree_view, path);
}

/* Everything open, but what the user closed; while searching, everything. */
static void
apply_expansion (QuotesPanel *self)
{
  GtkTreeModel *model = gtk_tree_view_get_model (self->tree_view);
  GtkTreeIter group, child;

  if (model == NULL)
    return;

  self->applying_expansion++;
  gtk_tree_view_expand_all (self->tree_view);
  if (self->needle == NULL && g_hash_table_size (self->collapsed) > 0 &&
      gtk_tree_model_get_iter_first (model, &group))
    {
      do
        {
          if (gtk_tree_model_iter_children (model, &child, &group))
            {
              do
                if (row_is_collapsed_by_user (self, model, &child))
                  collapse_row_at (self, model, &child);
              while (gtk_tree_model_iter_next (model, &child));
            }
          if (row_is_collapsed_by_user (self, model, &group))
            collapse_row_at (self, model, &group);
        }
      while (gtk_tree_model_iter_next (model, &group));
    }
  self->applying_expansion--;
}

typedef struct
{
  const char  *key;
  GtkTreeIter  iter;
  gboolean     found;
} FindKey;

static gboolean
find_key_cb (GtkTreeModel *model,
             GtkTreePath  *path,
             GtkTreeIter  *iter,
             gpointer      user_data)
{
  FindKey *find = user_data;
  g_autofree char *key = get_row_key (model, iter);

  if (g_strcmp0 (key, find->key) != 0)
    return FALSE;
  find->iter = *iter;
  find->found = TRUE;
  return TRUE;
}

static GtkTreePath *
find_path_for_key (QuotesPanel *self,
                   const char  *key)
{
  GtkTreeModel *model = gtk_tree_view_get_model (self->tree_view);
  FindKey find = { key, { 0 }, FALSE };

  if (key == NULL || model == NULL)
    return NULL;
  gtk_tree_model_foreach (model, find_key_cb, &find);
  return find.found ? gtk_tree_model_get_path (model, &find.iter) : NULL;
}

static void
select_path (QuotesPanel *self,
             GtkTreePath *path)
{
  g_autoptr(GtkTreePath) parent = gtk_tree_path_copy (path);

  if (gtk_tree_path_up (parent) && gtk_tree_path_get_depth (parent) > 0)
    gtk_tree_view_expand_to_path (self->tree_view, parent);
  gtk_tree_view_set_cursor (self->tree_view, path, NULL, FALSE);
}

static void
select_key (QuotesPanel *self,
            const char  *key)
{
  g_autoptr(GtkTreePath) path = find_path_for_key (self, key);

  if (path != NULL)
    select_path (self, path);
}

static void
update_stack (QuotesPanel *self)
{
  GtkTreeIter iter;
  gboolean has_posts = self->analysis != NULL &&
                       quotes_analysis_get_posts (self->analysis)->len > 0;
  gboolean has_quotes = self->rows != NULL && self->rows->shown_quotes->len > 0;

  if (self->stack == NULL || self->filter == NULL)
    return;
  /* A very long document is only analysed when asked: "No quotations
   * found" would not be true yet. */
  if (self->analysis == NULL && self->pending == NULL &&
      self->live_info_bar != NULL && gtk_widget_get_visible (self->live_info_bar))
    gtk_stack_set_visible_child_name (self->stack, "not-analysed");
  /* Organizations alone do not make a list of quotations. */
  else if (!has_quotes && !has_posts)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (!gtk_tree_model_get_iter_first (GTK_TREE_MODEL (self->filter), &iter))
    gtk_stack_set_visible_child_name (self->stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
refilter (QuotesPanel *self)
{
  g_autofree char *selected_key = get_selected_key (self);

  /* Detached: a tree view attached to the model would handle each row
   * shown or hidden on its own. */
  gtk_tree_view_set_model (self->tree_view, NULL);
  gtk_tree_model_filter_refilter (self->filter);
  gtk_tree_view_set_model (self->tree_view, GTK_TREE_MODEL (self->filter));

  apply_expansion (self);
  select_key (self, selected_key);
  update_stack (self);
}

/* Jumping in the text */

static gboolean
jump_to_span (QuotesPanel *self,
              guint        span_start,
              guint        span_end,
              gboolean     focus_view)
{
  GtkTextIter start, end;

  if (self->view == NULL || !span_get_iters (self, span_start, span_end, &start, &end))
    return FALSE;

  gtk_text_buffer_select_range (self->buffer, &start, &end);
  gtk_text_view_scroll_to_mark (self->view, gtk_text_buffer_get_insert (self->buffer),
                                0.25, FALSE, 0.0, 0.0);
  if (focus_view)
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
  return TRUE;
}

static gboolean
jump_to_quote (QuotesPanel *self,
               int          quote_id,
               gboolean     focus_view)
{
  QuotesQuote *quote = get_quote (self, quote_id);

  return quote != NULL &&
         jump_to_span (self, quotes_quote_get_start (quote), quotes_quote_get_end (quote), focus_view);
}

/* First mention, then the next one each time the same row is activated. */
static gboolean
jump_to_mention (QuotesPanel *self,
                 int          entity_id,
                 const char  *key)
{
  GPtrArray *entities = self->analysis != NULL ? quotes_analysis_get_entities (self->analysis) : NULL;
  GPtrArray *mentions;
  const QuotesSpan *span;

  if (entities == NULL || entity_id < 0 || (guint) entity_id >= entities->len)
    return FALSE;
  mentions = quotes_entity_get_mentions (g_ptr_array_index (entities, entity_id));
  if (mentions->len == 0)
    return FALSE;

  if (g_strcmp0 (self->cycle_key, key) == 0)
    self->cycle_index = (self->cycle_index + 1) % mentions->len;
  else
    {
      g_free (self->cycle_key);
      self->cycle_key = g_strdup (key);
      self->cycle_index = 0;
    }
  span = g_ptr_array_index (mentions, self->cycle_index);
  return jump_to_span (self, span->start, span->end, TRUE);
}

static gboolean
jump_to_post (QuotesPanel *self,
              int          post_id)
{
  GPtrArray *posts = self->analysis != NULL ? quotes_analysis_get_posts (self->analysis) : NULL;
  QuotesPost *post;

  if (posts == NULL || post_id < 0 || (guint) post_id >= posts->len)
    return FALSE;
  post = g_ptr_array_index (posts, post_id);
  return jump_to_span (self, quotes_post_get_start (post), quotes_post_get_end (post), TRUE);
}

static void
toggle_row (QuotesPanel *self,
            GtkTreePath *path)
{
  if (gtk_tree_view_row_expanded (self->tree_view, path))
    gtk_tree_view_collapse_row (self->tree_view, path);
  else
    gtk_tree_view_expand_row (self->tree_view, path, FALSE);
}

/* The entry of the current analysis a row stands for; NULL for a row
 * left from the analysis before, while the new rows are merged in. */
static const QuotesPanelRow *
lookup_row (QuotesPanel  *self,
            GtkTreeModel *model,
            GtkTreeIter  *iter)
{
  g_autofree char *key = get_row_key (model, iter);

  if (key == NULL || self->rows == NULL)
    return NULL;
  return g_hash_table_lookup (self->rows->by_key, key);
}

static void
activate_row (QuotesPanel *self,
              GtkTreePath *path)
{
  GtkTreeModel *model = gtk_tree_view_get_model (self->tree_view);
  const QuotesPanelRow *row;
  GtkTreeIter iter;
  QuotesRowKind kind;

  if (model == NULL || !gtk_tree_model_get_iter (model, &iter, path))
    return;
  gtk_tree_model_get (model, &iter, COL_KIND, &kind, -1);
  /* Activation by the keyboard or assistive technologies need not select
   * the row: "Go to attribution" afterwards acts on the activated one. */
  gtk_tree_selection_select_path (gtk_tree_view_get_selection (self->tree_view), path);

  if (kind != QUOTES_ROW_SPEAKER && kind != QUOTES_ROW_ORGANIZATION)
    g_clear_pointer (&self->cycle_key, g_free);
  if (kind == QUOTES_ROW_GROUP)
    {
      toggle_row (self, path);
      return;
    }

  row = lookup_row (self, model, &iter);
  if (row == NULL)
    return;
  switch (row->kind)
    {
    case QUOTES_ROW_QUOTE:
      jump_to_quote (self, row->id, TRUE);
      break;
    case QUOTES_ROW_SPEAKER:
    case QUOTES_ROW_ORGANIZATION:
      jump_to_mention (self, row->id, row->key);
      break;
    case QUOTES_ROW_POST:
      jump_to_post (self, row->id);
      break;
    case QUOTES_ROW_GROUP:
    default:
      break;
    }
}

/* The attribution of the quote of the selected row, in offsets of the
 * analysed text. */
static gboolean
selected_attribution (QuotesPanel *self,
                      guint       *start,
                      guint       *end)
{
  const QuotesPanelRow *row;
  GtkTreeModel *model;
  GtkTreeIter iter;
  QuotesQuote *quote;

  if (self->tree_view == NULL ||
      !gtk_tree_selection_get_selected (gtk_tree_view_get_selection (self->tree_view), &model, &iter))
    return FALSE;
  row = lookup_row (self, model, &iter);
  if (row == NULL || row->kind != QUOTES_ROW_QUOTE || (quote = get_quote (self, row->id)) == NULL)
    return FALSE;
  attribution_bounds (quote, start, end);
  return *start < *end;
}

static void
select_quote_row (QuotesPanel *self,
                  guint        quote_id)
{
  const char *key = quote_id < self->rows->quote_keys->len ? g_ptr_array_index (self->rows->quote_keys, quote_id)
                                                           : NULL;
  GtkTreeIter *row = key != NULL ? g_hash_table_lookup (self->row_iters, key) : NULL;
  g_autoptr(GtkTreePath) path = NULL;
  GtkTreeIter iter;

  /* Not merged in yet, or hidden by the search: nothing to select. */
  if (row == NULL || !gtk_tree_model_filter_convert_child_iter_to_iter (self->filter, &iter, row))
    return;
  path = gtk_tree_model_get_path (GTK_TREE_MODEL (self->filter), &iter);
  select_path (self, path);
}

static guint
quote_start_now (QuotesPanel *self,
                 guint        quote_id)
{
  return quotes_edit_log_map (self->log, quotes_quote_get_start (get_quote (self, quote_id)), FALSE);
}

/* The quote to go to from the cursor: a quote starting at the cursor is
 * "next" unless it is already selected. Wraps around at both ends. The
 * listed quotes are in text order, and edits keep that order: a binary
 * search finds it. */
static gint
find_adjacent_quote (QuotesPanel *self,
                     gboolean     forward)
{
  GArray *shown = self->rows->shown_quotes;
  GtkTextIter sel_start, sel_end;
  gboolean has_selection;
  guint pos, lo = 0, hi = shown->len;

  if (shown->len == 0)
    return -1;
  has_selection = gtk_text_buffer_get_selection_bounds (self->buffer, &sel_start, &sel_end);
  pos = gtk_text_iter_get_offset (&sel_start);

  /* lo: the first quote that counts as after the cursor. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      guint qpos = quote_start_now (self, g_array_index (shown, guint, mid));

      if (qpos > pos || (qpos == pos && !has_selection))
        hi = mid;
      else
        lo = mid + 1;
    }
  if (forward)
    return g_array_index (shown, guint, lo < shown->len ? lo : 0);

  /* Backwards: the last quote starting before the cursor. */
  lo = 0;
  hi = shown->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (quote_start_now (self, g_array_index (shown, guint, mid)) < pos)
        lo = mid + 1;
      else
        hi = mid;
    }
  return g_array_index (shown, guint, lo > 0 ? lo - 1 : shown->len - 1);
}

static gboolean
goto_adjacent_quote (QuotesPanel *self,
                     gboolean     forward)
{
  gint id;

  if (self->buffer == NULL || self->tree_view == NULL || self->rows == NULL || self->log == NULL)
    return FALSE;
  id = find_adjacent_quote (self, forward);
  if (id < 0 || !jump_to_quote (self, id, FALSE))
    return FALSE;
  select_quote_row (self, id);
  return TRUE;
}

/* Context menu */

static void
popup_context_menu (QuotesPanel    *self,
                    const GdkEvent *event)
{
  GtkTreeSelection *selection = gtk_tree_view_get_selection (self->tree_view);
  GdkWindow *bin_window = gtk_tree_view_get_bin_window (self->tree_view);
  GtkTreeModel *model;
  GtkTreeIter iter;

  if (event != NULL)
    {
      gtk_menu_popup_at_pointer (GTK_MENU (self->context_menu), event);
      return;
    }

  /* From the keyboard: under the selected row, which is what it acts on. */
  if (bin_window != NULL && gtk_tree_selection_get_selected (selection, &model, &iter))
    {
      g_autoptr(GtkTreePath) path = gtk_tree_model_get_path (model, &iter);
      GdkRectangle rect;

      gtk_tree_view_get_cell_area (self->tree_view, path, self->text_column, &rect);
      gtk_menu_popup_at_rect (GTK_MENU (self->context_menu), bin_window, &rect,
                              GDK_GRAVITY_SOUTH_WEST, GDK_GRAVITY_NORTH_WEST, NULL);
      return;
    }
  gtk_menu_popup_at_widget (GTK_MENU (self->context_menu), GTK_WIDGET (self->tree_view),
                            GDK_GRAVITY_NORTH_WEST, GDK_GRAVITY_NORTH_WEST, NULL);
}

static gboolean
on_tree_popup_menu (QuotesPanel *self)
{
  g_assert (QUOTES_IS_PANEL (self));

  popup_context_menu (self, NULL);
  return TRUE;
}

static gboolean
on_tree_button_press (QuotesPanel    *self,
                      GdkEventButton *event)
{
  g_autoptr(GtkTreePath) path = NULL;

  g_assert (QUOTES_IS_PANEL (self));

  if (!gdk_event_triggers_context_menu ((GdkEvent *) event) ||
      event->window != gtk_tree_view_get_bin_window (self->tree_view))
    return GDK_EVENT_PROPAGATE;

  /* The menu acts on the row under the pointer, as in a file manager. */
  if (gtk_tree_view_get_path_at_pos (self->tree_view, event->x, event->y,
                                     &path, NULL, NULL, NULL))
    gtk_tree_view_set_cursor (self->tree_view, path, NULL, FALSE);
  popup_context_menu (self, (GdkEvent *) event);
  return GDK_EVENT_STOP;
}

static void
goto_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  QuotesPanel *self = user_data;
  GtkTreeSelection *selection = gtk_tree_view_get_selection (self->tree_view);
  GtkTreeModel *model;
  GtkTreeIter iter;

  if (gtk_tree_selection_get_selected (selection, &model, &iter))
    {
      g_autoptr(GtkTreePath) path = gtk_tree_model_get_path (model, &iter);

      activate_row (self, path);
    }
}

static void
goto_attribution_action_cb (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  quotes_panel_goto_attribution (QUOTES_PANEL (user_data));
}

static void
update_actions (QuotesPanel *self)
{
  GtkTreeSelection *selection = gtk_tree_view_get_selection (self->tree_view);
  GAction *go = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "goto");
  GAction *attribution = g_action_map_lookup_action (G_ACTION_MAP (self->actions),
                                                     "goto-attribution");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (go),
                               gtk_tree_selection_get_selected (selection, NULL, NULL));
  guint start, end;

  g_simple_action_set_enabled (G_SIMPLE_ACTION (attribution),
                               selected_attribution (self, &start, &end));
}

static void
setup_context_menu (QuotesPanel *self)
{
  static const GActionEntry entries[] = {
    { "goto", goto_action_cb, NULL, NULL, NULL, { 0 } },
    { "goto-attribution", goto_attribution_action_cb, NULL, NULL, NULL, { 0 } },
  };
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) attribution = NULL;

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries,
                                   G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "quotes-panel",
                                  G_ACTION_GROUP (self->actions));

  /* Translators: context menu of the Quotes side panel: jump to the entry */
  g_menu_append (menu, _("_Go To"), "quotes-panel.goto");
  /* Translators: context menu of the Quotes side panel: select who said the
   * quote and the reporting verb, e.g. "Zelenskiy said" */
  attribution = g_menu_item_new (_("Go to _Attribution"), "quotes-panel.goto-attribution");
  g_menu_item_set_attribute (attribution, "accel", "s", "<Alt>Return");
  g_menu_append_item (menu, attribution);

  self->context_menu = gtk_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_menu_attach_to_widget (GTK_MENU (self->context_menu), GTK_WIDGET (self->tree_view), NULL);
  update_actions (self);
}

/* Signal handlers */

static void
on_row_activated (QuotesPanel       *self,
                  GtkTreePath       *path,
                  GtkTreeViewColumn *column)
{
  g_assert (QUOTES_IS_PANEL (self));

  activate_row (self, path);
}

static gboolean
on_tree_key_press (QuotesPanel *self,
                   GdkEventKey *event)
{
  GdkModifierType mods = event->state & gtk_accelerator_get_default_mod_mask ();

  g_assert (QUOTES_IS_PANEL (self));

  if (mods == GDK_MOD1_MASK &&
      (event->keyval == GDK_KEY_Return || event->keyval == GDK_KEY_KP_Enter ||
       event->keyval == GDK_KEY_ISO_Enter))
    {
      quotes_panel_goto_attribution (self);
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

/* Typing in the tree searches, as in a file chooser; the tree's own keys
 * (arrows, +, -, Enter) have been handled before this runs. */
static gboolean
on_tree_key_press_after (QuotesPanel *self,
                         GdkEventKey *event)
{
  g_assert (QUOTES_IS_PANEL (self));

  if (gtk_search_entry_handle_event (self->search_entry, (GdkEvent *) event) == GDK_EVENT_STOP)
    {
      gtk_entry_grab_focus_without_selecting (GTK_ENTRY (self->search_entry));
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
on_row_expanded (QuotesPanel *self,
                 GtkTreeIter *iter,
                 GtkTreePath *path)
{
  GtkTreeModel *model = gtk_tree_view_get_model (self->tree_view);
  g_autofree char *key = get_row_key (model, iter);
  GtkTreeIter child;

  if (self->applying_expansion > 0 || self->needle != NULL || key == NULL)
    return;
  g_hash_table_remove (self->collapsed, key);

  /* GtkTreeView forgets the children's state when a row is collapsed:
   * reopen the speakers the user had left open. */
  if (!gtk_tree_model_iter_children (model, &child, iter))
    return;
  self->applying_expansion++;
  do
    {
      g_autoptr(GtkTreePath) child_path = gtk_tree_model_get_path (model, &child);

      if (!row_is_collapsed_by_user (self, model, &child))
        gtk_tree_view_expand_row (self->tree_view, child_path, FALSE);
    }
  while (gtk_tree_model_iter_next (model, &child));
  self->applying_expansion--;
}

static void
on_row_collapsed (QuotesPanel *self,
                  GtkTreeIter *iter,
                  GtkTreePath *path)
{
  g_autofree char *key = get_row_key (gtk_tree_view_get_model (self->tree_view), iter);

  if (self->applying_expansion > 0 || self->needle != NULL || key == NULL)
    return;
  g_hash_table_add (self->collapsed, g_steal_pointer (&key));
}

static void
on_search_changed (QuotesPanel *self)
{
  const char *text = gtk_entry_get_text (GTK_ENTRY (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *needle = *stripped != '\0' ? quotes_panel_fold_text (stripped) : NULL;

  g_assert (QUOTES_IS_PANEL (self));

  if (g_strcmp0 (needle, self->needle) == 0)
    return;
  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);
  refilter (self);
}

static void
on_stop_search (QuotesPanel *self)
{
  g_assert (QUOTES_IS_PANEL (self));

  gtk_entry_set_text (GTK_ENTRY (self->search_entry), "");
}

static gboolean
find_first_entry (GtkTreeModel *model,
                  GtkTreePath  *path,
                  GtkTreeIter  *iter,
                  gpointer      user_data)
{
  GtkTreePath **found = user_data;
  QuotesRowKind kind;

  gtk_tree_model_get (model, iter, COL_KIND, &kind, -1);
  if (kind == QUOTES_ROW_GROUP)
    return FALSE;
  *found = gtk_tree_path_copy (path);
  return TRUE;
}

/* Enter in the search entry: on to the first entry found. */
static void
on_search_activate (QuotesPanel *self)
{
  GtkTreeModel *model = gtk_tree_view_get_model (self->tree_view);
  g_autoptr(GtkTreePath) path = NULL;

  g_assert (QUOTES_IS_PANEL (self));

  if (model == NULL)
    return;
  gtk_tree_model_foreach (model, find_first_entry, &path);
  if (path != NULL)
    select_path (self, path);
  gtk_widget_grab_focus (GTK_WIDGET (self->tree_view));
}

static void
watch_buffer (QuotesPanel   *self,
              GtkTextBuffer *buffer)
{
  if (self->buffer != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (self->buffer_handlers); i++)
        g_clear_signal_handler (&self->buffer_handlers[i], self->buffer);
    }
  g_set_object (&self->buffer, buffer);
  if (buffer == NULL)
    return;
  /* Before the buffer's own handlers: the positions are still those of
   * the text before the edit. */
  self->buffer_handlers[0] = g_signal_connect_swapped (buffer, "insert-text",
                                                       G_CALLBACK (on_insert_text), self);
  self->buffer_handlers[1] = g_signal_connect_swapped (buffer, "delete-range",
                                                       G_CALLBACK (on_delete_range), self);
}

/* The analysis was of the old buffer's text. */
static void
on_view_notify_buffer (QuotesPanel *self)
{
  g_assert (QUOTES_IS_PANEL (self));

  clear_analysis (self);
  watch_buffer (self, gtk_text_view_get_buffer (self->view));
  clear_store (self);
}

static void
on_view_destroy (QuotesPanel *self)
{
  quotes_panel_set_view (self, NULL);
}

/* GObject */

static void
quotes_panel_dispose (GObject *object)
{
  QuotesPanel *self = QUOTES_PANEL (object);

  g_clear_handle_id (&self->merging, g_source_remove);
  g_clear_handle_id (&self->busy_reveal, g_source_remove);
  if (self->tree_view != NULL)
    gtk_tree_view_set_model (self->tree_view, NULL);
  clear_analysis (self);
  if (self->view != NULL)
    g_signal_handlers_disconnect_by_data (self->view, self);
  g_clear_object (&self->view);
  watch_buffer (self, NULL);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_pointer (&self->context_menu, gtk_widget_destroy);
  g_clear_object (&self->actions);
  quotes_panel_dispose_export (self);

  G_OBJECT_CLASS (quotes_panel_parent_class)->dispose (object);
}

static void
quotes_panel_finalize (GObject *object)
{
  QuotesPanel *self = QUOTES_PANEL (object);

  g_clear_pointer (&self->row_iters, g_hash_table_unref);
  g_clear_pointer (&self->collapsed, g_hash_table_unref);
  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (quotes_panel_parent_class)->finalize (object);
}

static void
quotes_panel_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  QuotesPanel *self = QUOTES_PANEL (object);

  switch (prop_id)
    {
    case PROP_SHOW_REPORTED_SPEECH:
      g_value_set_boolean (value, self->show_reported_speech);
      break;
    case PROP_SHOW_SCARE_QUOTES:
      g_value_set_boolean (value, self->show_scare_quotes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_show_flag (QuotesPanel *self,
               guint        prop_id,
               gboolean     value)
{
  gboolean old = prop_id == PROP_SHOW_REPORTED_SPEECH ? self->show_reported_speech
                                                      : self->show_scare_quotes;

  if (!old == !value)
    return;
  if (prop_id == PROP_SHOW_REPORTED_SPEECH)
    self->show_reported_speech = !!value;
  else
    self->show_scare_quotes = !!value;
  rebuild_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [prop_id]);
}

static void
quotes_panel_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  QuotesPanel *self = QUOTES_PANEL (object);

  switch (prop_id)
    {
    case PROP_SHOW_REPORTED_SPEECH:
    case PROP_SHOW_SCARE_QUOTES:
      set_show_flag (self, prop_id, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quotes_panel_class_init (QuotesPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quotes_panel_dispose;
  object_class->finalize = quotes_panel_finalize;
  object_class->get_property = quotes_panel_get_property;
  object_class->set_property = quotes_panel_set_property;

  properties [PROP_SHOW_REPORTED_SPEECH] =
    g_param_spec_boolean ("show-reported-speech", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_SHOW_SCARE_QUOTES] =
    g_param_spec_boolean ("show-scare-quotes", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * QuotesPanel::analyse:
   *
   * The person asked for an analysis of a document too long to be
   * analysed as they type (see quotes_panel_set_live()).
   */
  signals [ANALYSE] =
    g_signal_new ("analyse", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, PANEL_RESOURCE);
  gtk_widget_class_bind_template_child (widget_class, QuotesPanel, search_entry);
  gtk_widget_class_bind_template_child (widget_class, QuotesPanel, export_button);
  gtk_widget_class_bind_template_child (widget_class, QuotesPanel, export_info_bar);
  gtk_widget_class_bind_template_child (widget_class, QuotesPanel, export_error_label);
  gtk_widget_class_bind_template_child (widget_class, QuotesPanel, busy_box);
  gtk_widget_class_bind_template_child (widget_class, QuotesPanel, live_info_bar);
  gtk_widget_class_bind_template_child (widget_class, QuotesPanel, live_button);
  gtk_widget_class_bind_template_child (widget_class, QuotesPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, QuotesPanel, tree_view);
  gtk_widget_class_bind_template_child (widget_class, QuotesPanel, text_column);
}

static void
on_analyse_clicked (QuotesPanel *self)
{
  g_signal_emit (self, signals [ANALYSE], 0);
}

static void
connect_signals (QuotesPanel *self)
{
  g_signal_connect_object (self->live_button, "clicked",
                           G_CALLBACK (on_analyse_clicked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tree_view, "row-activated",
                           G_CALLBACK (on_row_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tree_view, "row-expanded",
                           G_CALLBACK (on_row_expanded), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tree_view, "row-collapsed",
                           G_CALLBACK (on_row_collapsed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tree_view, "popup-menu",
                           G_CALLBACK (on_tree_popup_menu), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tree_view, "button-press-event",
                           G_CALLBACK (on_tree_button_press), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tree_view, "key-press-event",
                           G_CALLBACK (on_tree_key_press), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tree_view, "key-press-event",
                           G_CALLBACK (on_tree_key_press_after), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (gtk_tree_view_get_selection (self->tree_view), "changed",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (on_search_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search",
                           G_CALLBACK (on_stop_search), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate",
                           G_CALLBACK (on_search_activate), self, G_CONNECT_SWAPPED);
}

static void
quotes_panel_init (QuotesPanel *self)
{
  self->show_reported_speech = TRUE;
  self->show_scare_quotes = FALSE;

  self->row_iters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->collapsed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  atk_object_set_name (gtk_widget_get_accessible (GTK_WIDGET (self->tree_view)),
                       _("Quotes and sources"));
  self->store = new_store ();
  self->filter = GTK_TREE_MODEL_FILTER (gtk_tree_model_filter_new (GTK_TREE_MODEL (self->store), NULL));
  gtk_tree_model_filter_set_visible_func (self->filter, row_is_visible, self, NULL);
  gtk_tree_view_set_model (self->tree_view, GTK_TREE_MODEL (self->filter));

  setup_context_menu (self);
  quotes_panel_setup_export (self);
  connect_signals (self);
  update_stack (self);
}

/* Public API */

/**
 * quotes_panel_new:
 *
 * Returns: (transfer floating): a new, empty panel
 */
GtkWidget *
quotes_panel_new (void)
{
  return g_object_new (QUOTES_TYPE_PANEL, NULL);
}

/**
 * quotes_panel_set_view:
 * @self: a panel
 * @view: (nullable): the text view whose analysis will be shown
 *
 * Forgets the current analysis: the next one given must be of @view's
 * buffer.
 */
void
quotes_panel_set_view (QuotesPanel *self,
                       GtkTextView *view)
{
  g_return_if_fail (QUOTES_IS_PANEL (self));
  g_return_if_fail (view == NULL || GTK_IS_TEXT_VIEW (view));

  if (self->view == view)
    return;

  clear_analysis (self);
  if (self->view != NULL)
    g_signal_handlers_disconnect_by_data (self->view, self);
  watch_buffer (self, NULL);
  g_set_object (&self->view, view);

  if (view != NULL)
    {
      watch_buffer (self, gtk_text_view_get_buffer (view));
      g_signal_connect_object (view, "notify::buffer",
                               G_CALLBACK (on_view_notify_buffer), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (view, "destroy",
                               G_CALLBACK (on_view_destroy), self, G_CONNECT_SWAPPED);
    }
  clear_store (self);
}

/**
 * quotes_panel_set_analysis:
 * @self: a panel
 * @analysis: (nullable): an analysis of the view's buffer as it is now
 *
 * Shows @analysis, keeping the selected row and the rows the user
 * collapsed when they are still there. For a long analysis the rows
 * change over the next main-loop turns (see quotes_panel_is_updating());
 * until then the panel goes on showing the analysis before.
 */
void
quotes_panel_set_analysis (QuotesPanel    *self,
                           QuotesAnalysis *analysis)
{
  g_return_if_fail (QUOTES_IS_PANEL (self));
  g_return_if_fail (analysis == NULL || QUOTES_IS_ANALYSIS (analysis));

  clear_pending (self);
  if (analysis == NULL || self->buffer == NULL)
    {
      clear_analysis (self);
      clear_store (self);
      return;
    }
  self->pending = g_object_ref (analysis);
  self->pending_log = quotes_edit_log_new ();
  build_rows (self, analysis);
}

/**
 * quotes_panel_is_updating:
 * @self: a panel
 *
 * Returns: whether the rows of the last analysis or setting given are
 *   still being built or put in the list
 */
gboolean
quotes_panel_is_updating (QuotesPanel *self)
{
  g_return_val_if_fail (QUOTES_IS_PANEL (self), FALSE);
  return self->building || self->merging != 0;
}

static gboolean
reveal_busy (gpointer user_data)
{
  QuotesPanel *self = user_data;

  self->busy_reveal = 0;
  gtk_widget_show (self->busy_box);
  return G_SOURCE_REMOVE;
}

/**
 * quotes_panel_set_busy:
 * @self: a panel
 * @busy: whether an analysis is running
 *
 * Shows or hides the "Analysing…" hint: shown only once the panel has
 * been told for a moment, without a break, that it is busy, so that the
 * analysis after each pause in typing a short text does not make it
 * flash. Nothing else changes.
 */
void
quotes_panel_set_busy (QuotesPanel *self,
                       gboolean     busy)
{
  g_return_if_fail (QUOTES_IS_PANEL (self));

  if (self->busy_box == NULL)
    return;
  if (busy)
    {
      /* Each key queues a new analysis: the moment counts from the last. */
      g_clear_handle_id (&self->busy_reveal, g_source_remove);
      if (!gtk_widget_get_visible (self->busy_box))
        self->busy_reveal = g_timeout_add (BUSY_REVEAL_MS, reveal_busy, self);
      return;
    }
  g_clear_handle_id (&self->busy_reveal, g_source_remove);
  gtk_widget_hide (self->busy_box);
}

/**
 * quotes_panel_set_live:
 * @self: a panel
 * @live: whether the document is analysed as it is typed
 *
 * When @live is %FALSE (a very long document), says so in the panel with
 * a button that emits #QuotesPanel::analyse.
 */
void
quotes_panel_set_live (QuotesPanel *self,
                       gboolean     live)
{
  g_return_if_fail (QUOTES_IS_PANEL (self));

  if (self->live_info_bar != NULL)
    gtk_widget_set_visible (self->live_info_bar, !live);
  update_stack (self);
}

/**
 * quotes_panel_goto_next_quote:
 * @self: a panel
 *
 * Selects the first listed quote after the cursor, scrolls to it and
 * selects its row. After the last quote it wraps around to the first.
 *
 * Returns: whether there was a quote to go to
 */
gboolean
quotes_panel_goto_next_quote (QuotesPanel *self)
{
  g_return_val_if_fail (QUOTES_IS_PANEL (self), FALSE);

  return goto_adjacent_quote (self, TRUE);
}

/**
 * quotes_panel_goto_previous_quote:
 * @self: a panel
 *
 * Like quotes_panel_goto_next_quote(), backwards: before the first quote
 * it wraps around to the last.
 *
 * Returns: whether there was a quote to go to
 */
gboolean
quotes_panel_goto_previous_quote (QuotesPanel *self)
{
  g_return_val_if_fail (QUOTES_IS_PANEL (self), FALSE);

  return goto_adjacent_quote (self, FALSE);
}

/**
 * quotes_panel_goto_attribution:
 * @self: a panel
 *
 * For the quote of the selected row, selects its attribution in the text
 * (source mention and reporting words, e.g. "Zelenskiy said"), scrolls to
 * it and focuses the view.
 *
 * Returns: whether the selected row is a quote with a known attribution
 */
gboolean
quotes_panel_goto_attribution (QuotesPanel *self)
{
  guint start, end;

  g_return_val_if_fail (QUOTES_IS_PANEL (self), FALSE);

  return selected_attribution (self, &start, &end) && jump_to_span (self, start, end, TRUE);
}
