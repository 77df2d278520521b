/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * The Quotes panel's menu next to the search: copies the analysis as
 * Markdown or exports it as CSV or JSON, with the engine's formats (the
 * same as quotes-scan's). Files are written off the main loop; a failure
 * is told in the panel.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "quotes-panel-private.h"


typedef enum {
  EXPORT_CSV,
  EXPORT_JSON,
} ExportFormat;

#define EXPORT_FORMAT_KEY "quotes-export-format"

static gboolean
has_string_property (GObject    *object,
                     const char *name)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), name);

  return pspec != NULL && pspec->value_type == G_TYPE_STRING && (pspec->flags & G_PARAM_READABLE);
}

/* The document's name, such as "seed-article.txt", when the buffer tells
 * it: gedit's documents are TeplBuffers, whose short title is the file's
 * name after a "*" while it is modified, and whose full title adds the
 * folder, unless the document is a new one ("Untitled File 1"), which
 * has no name yet. The panel knows nothing of gedit, so it only looks
 * for the properties. */
static char *
document_name (QuotesPanel *self)
{
  g_autofree char *short_title = NULL;
  g_autofree char *full_title = NULL;
  const char *name;

  if (self->buffer == NULL ||
      !has_string_property (G_OBJECT (self->buffer), "tepl-short-title") ||
      !has_string_property (G_OBJECT (self->buffer), "tepl-full-title"))
    return NULL;

  g_object_get (self->buffer,
                "tepl-short-title", &short_title,
                "tepl-full-title", &full_title,
                NULL);
  if (short_title == NULL || g_strcmp0 (short_title, full_title) == 0)
    return NULL;
  name = short_title;
  if (*name == '*' && gtk_text_buffer_get_modified (self->buffer))
    name++;
  return *name != '\0' ? g_strdup (name) : NULL;
}

/* "seed-article.csv" for "seed-article.txt"; "quotes.csv" for a document
 * without a name. */
static char *
export_file_name (const char *document,
                  const char *extension)
{
  const char *dot;

  if (document == NULL)
    return g_strconcat ("quotes.", extension, NULL);
  dot = strrchr (document, '.');
  if (dot == NULL || dot == document)
    return g_strconcat (document, ".", extension, NULL);
  return g_strdup_printf ("%.*s.%s", (int) (dot - document), document, extension);
}

static gboolean
can_export (QuotesPanel *self)
{
  return self->analysis != NULL && self->buffer != NULL;
}

void
quotes_panel_update_export_actions (QuotesPanel *self)
{
  static const char * const names[] = { "copy-markdown", "export" };
  gboolean enabled = can_export (self);

  if (self->actions == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), names[i]);

      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
    }
  if (self->export_button != NULL)
    gtk_widget_set_sensitive (self->export_button, enabled);
}

static void
copy_markdown_action_cb (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  QuotesPanel *self = user_data;
  GtkClipboard *clipboard;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *markdown = NULL;
  GtkTextIter start, end;

  if (!can_export (self))
    return;

  /* The text as it is now, for the line numbers: a new analysis follows
   * each pause in typing, so it is the analysed text but for a moment. */
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  text = gtk_text_buffer_get_text (self->buffer, &start, &end, TRUE);
  name = document_name (self);
  /* Translators: the heading of the Markdown that "Copy as Markdown" in
   * the Quotes side panel copies, when the document has no name */
  markdown = quotes_analysis_to_markdown (self->analysis, text, name != NULL ? name : _("Quotes"));

  clipboard = gtk_clipboard_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                             GDK_SELECTION_CLIPBOARD);
  gtk_clipboard_set_text (clipboard, markdown, -1);
}

/* Writes @analysis to @file, replacing it. A failed write leaves a file
 * that was there as it was. May run in a thread: an analysis never
 * changes. */
static gboolean
write_export (QuotesAnalysis  *analysis,
              ExportFormat     format,
              const char      *document,
              GFile           *file,
              GCancellable    *cancellable,
              GError         **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abandon = NULL;
  gboolean written;

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  if (stream == NULL)
    return FALSE;

  if (format == EXPORT_JSON)
    written = quotes_analysis_write_json (analysis, G_OUTPUT_STREAM (stream), cancellable, error);
  else
    {
      g_autofree char *csv = quotes_analysis_to_csv (analysis, document);

      written = g_output_stream_write_all (G_OUTPUT_STREAM (stream), csv, strlen (csv),
                                           NULL, cancellable, error);
    }
  if (written)
    return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);

  /* Closed as cancelled, the stream does not put what it has over the
   * file. */
  abandon = g_cancellable_new ();
  g_cancellable_cancel (abandon);
  g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
  return FALSE;
}

static void
hide_export_error (QuotesPanel *self)
{
  if (self->export_info_bar != NULL)
    gtk_widget_hide (GTK_WIDGET (self->export_info_bar));
}

/* In the panel, not in a dialog: nothing to dismiss before going on. */
static void
show_export_error (QuotesPanel  *self,
                   GFile        *file,
                   const GError *error)
{
  g_autofree char *where = NULL;
  g_autofree char *message = NULL;

  if (self->export_info_bar == NULL)
    return;
  where = g_file_get_parse_name (file);
  /* Translators: shown in the Quotes side panel when exporting fails: the
   * file, then why, e.g. "Could not export to “/tmp/a.csv”: Permission
   * denied" */
  message = g_strdup_printf (_("Could not export to “%s”: %s"), where, error->message);
  gtk_label_set_text (self->export_error_label, message);
  gtk_widget_show (GTK_WIDGET (self->export_info_bar));
}

typedef struct
{
  QuotesAnalysis *analysis;
  ExportFormat    format;
  char           *document;
  GFile          *file;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->analysis);
  g_clear_pointer (&job->document, g_free);
  g_clear_object (&job->file);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (write_export (job->analysis, job->format, job->document, job->file, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_export_done (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  QuotesPanel *self = QUOTES_PANEL (source_object);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_export_error (self, job->file, error);
}

/* Off the main loop: the file may be on a slow disk or a network share. */
static void
export_in_background (QuotesPanel    *self,
                      QuotesAnalysis *analysis,
                      ExportFormat    format,
                      const char     *document,
                      GFile          *file)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job = g_new0 (ExportJob, 1);

  job->analysis = g_object_ref (analysis);
  job->format = format;
  job->document = g_strdup (document);
  job->file = g_object_ref (file);

  hide_export_error (self);
  task = g_task_new (self, self->export_cancellable, on_export_done, NULL);
  g_task_set_source_tag (task, export_in_background);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

/* What the file's name says, else the type chosen in the dialog. */
static ExportFormat
chosen_format (GtkFileChooser *chooser,
               GFile          *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *lower = basename != NULL ? g_ascii_strdown (basename, -1) : NULL;
  GtkFileFilter *filter;

  if (lower != NULL && g_str_has_suffix (lower, ".json"))
    return EXPORT_JSON;
  if (lower != NULL && g_str_has_suffix (lower, ".csv"))
    return EXPORT_CSV;
  filter = gtk_file_chooser_get_filter (chooser);
  if (filter == NULL)
    return EXPORT_CSV;
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (filter), EXPORT_FORMAT_KEY));
}

static void
on_export_response (QuotesPanel          *self,
                    int                   response,
                    GtkFileChooserNative *dialog)
{
  g_autoptr(QuotesAnalysis) analysis = g_steal_pointer (&self->export_analysis);
  g_autofree char *document = g_steal_pointer (&self->export_name);
  g_autoptr(GFile) file = NULL;
  ExportFormat format = EXPORT_CSV;

  g_assert (QUOTES_IS_PANEL (self));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (file != NULL)
        format = chosen_format (GTK_FILE_CHOOSER (dialog), file);
    }
  g_clear_object (&self->export_dialog);

  if (file != NULL && analysis != NULL)
    export_in_background (self, analysis, format, document, file);
}

static void
add_export_filter (GtkFileChooser *chooser,
                   ExportFormat    format,
                   const char     *name,
                   const char     *pattern,
                   const char     *mime_type)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_add_mime_type (filter, mime_type);
  g_object_set_data (G_OBJECT (filter), EXPORT_FORMAT_KEY, GINT_TO_POINTER (format));
  gtk_file_chooser_add_filter (chooser, filter);
  if (format == EXPORT_CSV)
    gtk_file_chooser_set_filter (chooser, filter);
}

/* The dialog exports the analysis shown when it was opened, whatever
 * the panel shows when it is answered. */
static void
export_action_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  QuotesPanel *self = user_data;
  GtkWidget *toplevel = gtk_widget_get_toplevel (GTK_WIDGET (self));
  GtkFileChooser *chooser;
  g_autofree char *suggested = NULL;

  if (!can_export (self) || self->export_dialog != NULL)
    return;

  g_set_object (&self->export_analysis, self->analysis);
  g_free (self->export_name);
  self->export_name = document_name (self);

  self->export_dialog =
    /* Translators: title of the dialog that saves the quotes of the Quotes
     * side panel as CSV or JSON */
    gtk_file_chooser_native_new (_("Export Quotes"),
                                 GTK_IS_WINDOW (toplevel) ? GTK_WINDOW (toplevel) : NULL,
                                 GTK_FILE_CHOOSER_ACTION_SAVE,
                                 /* Translators: the button of the Export Quotes dialog */
                                 _("_Export"),
                                 _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (self->export_dialog);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->export_dialog), TRUE);
  gtk_file_chooser_set_do_overwrite_confirmation (chooser, TRUE);
  /* Translators: a file type in the Export Quotes dialog */
  add_export_filter (chooser, EXPORT_CSV, _("CSV"), "*.csv", "text/csv");
  /* Translators: a file type in the Export Quotes dialog */
  add_export_filter (chooser, EXPORT_JSON, _("JSON"), "*.json", "application/json");
  suggested = export_file_name (self->export_name, "csv");
  gtk_file_chooser_set_current_name (chooser, suggested);

  g_signal_connect_object (self->export_dialog, "response",
                           G_CALLBACK (on_export_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_dialog));
}

void
quotes_panel_setup_export (QuotesPanel *self)
{
  static const GActionEntry entries[] = {
    { "copy-markdown", copy_markdown_action_cb, NULL, NULL, NULL, { 0 } },
    { "export", export_action_cb, NULL, NULL, NULL, { 0 } },
  };
  g_autoptr(GMenu) menu = g_menu_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries,
                                   G_N_ELEMENTS (entries), self);

  /* Translators: menu of the Quotes side panel: copies the speakers,
   * quotes, organizations and posts as Markdown text */
  g_menu_append (menu, _("_Copy as Markdown"), "quotes-panel.copy-markdown");
  /* Translators: menu of the Quotes side panel: saves the quotes as a CSV
   * or JSON file */
  g_menu_append (menu, _("_Export…"), "quotes-panel.export");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->export_button), G_MENU_MODEL (menu));

  /* Translators: accessible name of the menu button next to the search
   * entry of the Quotes side panel, for screen readers */
  atk_object_set_name (gtk_widget_get_accessible (self->export_button), _("Copy or export"));
  g_signal_connect_object (self->export_info_bar, "response",
                           G_CALLBACK (hide_export_error), self, G_CONNECT_SWAPPED);
  self->export_cancellable = g_cancellable_new ();
  quotes_panel_update_export_actions (self);
}

/* An export under way finishes or stops; its file is left as it was. */
void
quotes_panel_dispose_export (QuotesPanel *self)
{
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  if (self->export_dialog != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->export_dialog));
  g_clear_object (&self->export_dialog);
  g_clear_object (&self->export_analysis);
  g_clear_pointer (&self->export_name, g_free);
}

/**
 * quotes_panel_export_to_file:
 * @self: a panel
 * @file: where to write; replaced if it exists
 * @format: "csv" (quotes_analysis_to_csv()) or "json"
 *   (quotes_analysis_write_json())
 * @error: where to put why the file could not be written
 *
 * Writes the analysis the panel was given to @file, as "Export…" does,
 * but without the dialog and before returning. The CSV's file column
 * holds the document's name when the buffer tells it.
 *
 * Returns: whether the file was written; %FALSE with an error also when
 *   the panel has no analysis
 */
gboolean
quotes_panel_export_to_file (QuotesPanel  *self,
                             GFile        *file,
                             const char   *format,
                             GError      **error)
{
  g_autofree char *document = NULL;
  ExportFormat export_format;

  g_return_val_if_fail (QUOTES_IS_PANEL (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (g_strcmp0 (format, "csv") == 0 || g_strcmp0 (format, "json") == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!can_export (self))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("There is no analysis to export"));
      return FALSE;
    }
  export_format = g_str_equal (format, "json") ? EXPORT_JSON : EXPORT_CSV;
  document = document_name (self);
  return write_export (self->analysis, export_format, document, file, NULL, error);
}
