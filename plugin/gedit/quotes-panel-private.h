/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

/*
 * The panel's insides, shared by the files that make it up:
 * quotes-panel.c (the list, the search, jumping in the text) and
 * quotes-panel-export.c (Copy as Markdown, Export…). Not installed.
 */

#include <gtk/gtk.h>

#include "quotes-edit-log.h"
#include "quotes-panel.h"
#include "quotes-panel-rows.h"

G_BEGIN_DECLS

#define MAX_DEPTH 4

/* Where the merge of new rows into the tree is, at one depth. */
typedef struct
{
  GtkTreeIter parent;
  GtkTreeIter cursor;        /* the next old row to compare with */
  gboolean    has_parent;
  gboolean    has_cursor;
  gboolean    new_parent;    /* inserted by this merge */
  gboolean    opened;        /* expanded by this merge */
} Level;

struct _QuotesPanel
{
  GtkBox              parent_instance;

  GtkSearchEntry     *search_entry;
  GtkWidget          *export_button;
  GtkInfoBar         *export_info_bar;
  GtkLabel           *export_error_label;
  GtkWidget          *busy_box;
  GtkWidget          *live_info_bar;
  GtkWidget          *live_button;
  GtkStack           *stack;
  GtkTreeView        *tree_view;
  GtkTreeViewColumn  *text_column;

  GtkWidget          *context_menu;
  GSimpleActionGroup *actions;

  GtkTextView        *view;
  GtkTextBuffer      *buffer;
  gulong              buffer_handlers[2];

  /* Shown: the analysis the rows and positions are of, the edits since. */
  QuotesAnalysis     *analysis;
  QuotesEditLog      *log;
  QuotesPanelRows    *rows;
  QuotesPanelRows    *merged;          /* rows the store holds as they are;
                                        * NULL after a merge cut short */

  /* Given, its rows being built. */
  QuotesAnalysis     *pending;
  QuotesEditLog      *pending_log;
  guint64             generation;
  gboolean            building;

  GtkTreeStore       *store;
  GtkTreeModelFilter *filter;
  GHashTable         *row_iters;       /* key -> GtkTreeIter in the store */
  char               *needle;          /* folded search text; NULL: no search */

  /* The merge under way. */
  guint               merging;
  guint               merge_index;
  Level               levels[MAX_DEPTH];
  guint               depth;
  GtkTreeIter         last;           /* the row merged last */
  gboolean            has_last;
  guint               last_depth;
  gboolean            last_inserted;

  GHashTable         *collapsed;       /* keys of rows the user collapsed */
  guint               applying_expansion;

  char               *cycle_key;       /* entity row last activated */
  guint               cycle_index;     /* and the mention it went to */

  guint               busy_reveal;

  GtkFileChooserNative *export_dialog;
  QuotesAnalysis     *export_analysis;   /* what the open dialog will write */
  char               *export_name;       /* and the document's name then */
  GCancellable       *export_cancellable;

  guint               show_reported_speech : 1;
  guint               show_scare_quotes : 1;
};

void quotes_panel_setup_export          (QuotesPanel *self);
void quotes_panel_update_export_actions (QuotesPanel *self);
void quotes_panel_dispose_export        (QuotesPanel *self);

G_END_DECLS
