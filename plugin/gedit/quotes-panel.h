/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <quotes.h>

G_BEGIN_DECLS

#define QUOTES_TYPE_PANEL (quotes_panel_get_type ())

G_DECLARE_FINAL_TYPE (QuotesPanel, quotes_panel, QUOTES, PANEL, GtkBox)

/*
 * The side-panel page: speakers with their quotes, organizations, cited
 * posts, for the analysis of the text view it is given. Knows nothing of
 * gedit. Properties "show-reported-speech" and "show-scare-quotes"
 * (booleans) say what is listed. Its actions, in the group "quotes-panel"
 * on the panel: "goto", "goto-attribution" (the selected row),
 * "copy-markdown" and "export" (the analysis). Signal "analyse": the
 * person asked for an analysis of a document too long to be analysed as
 * it is typed (see quotes_panel_set_live()).
 */
GtkWidget *quotes_panel_new                   (void);
void       quotes_panel_set_view              (QuotesPanel    *self,
                                               GtkTextView    *view);
void       quotes_panel_set_analysis          (QuotesPanel    *self,
                                               QuotesAnalysis *analysis);
void       quotes_panel_set_busy              (QuotesPanel    *self,
                                               gboolean        busy);
void       quotes_panel_set_live              (QuotesPanel    *self,
                                               gboolean        live);
gboolean   quotes_panel_is_updating           (QuotesPanel    *self);
gboolean   quotes_panel_goto_next_quote       (QuotesPanel    *self);
gboolean   quotes_panel_goto_previous_quote   (QuotesPanel    *self);
gboolean   quotes_panel_goto_attribution      (QuotesPanel    *self);
gboolean   quotes_panel_export_to_file        (QuotesPanel    *self,
                                               GFile          *file,
                                               const char     *format,
                                               GError        **error);

G_END_DECLS
