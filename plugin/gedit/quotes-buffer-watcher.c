/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * QuotesBufferWatcher: the analysis of a buffer, kept up to date off the
 * main loop. Each change bumps a generation number; a run analyses a copy
 * of the text taken at one generation, and its result is applied only if
 * the buffer is still at that generation. Typing never waits for it.
 */

#include "config.h"

#include <string.h>

#include "quotes-buffer-watcher.h"

#define DEFAULT_DELAY_MS 200

struct _QuotesBufferWatcher
{
  GObject         parent_instance;

  GtkTextBuffer  *buffer;       /* weak */
  QuotesAnalyzer *analyzer;
  QuotesAnalysis *analysis;     /* of generation analysis_generation */
  GCancellable   *cancellable;  /* of the run under way */
  guint64         generation;
  guint64         analysis_generation;
  guint           queued;
  guint           delay;
};

enum { PROP_0, PROP_BUSY, N_PROPS };
enum { ANALYSIS_CHANGED, N_SIGNALS };

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (QuotesBufferWatcher, quotes_buffer_watcher, G_TYPE_OBJECT)

typedef struct
{
  QuotesAnalyzer *analyzer;
  char           *text;
  gsize           length;
  guint64         generation;
} Snapshot;

static void
snapshot_free (gpointer data)
{
  Snapshot *snapshot = data;

  g_clear_object (&snapshot->analyzer);
  g_free (snapshot->text);
  g_free (snapshot);
}

static void
set_busy (QuotesBufferWatcher *self,
          GCancellable        *cancellable)
{
  gboolean was_busy = self->cancellable != NULL;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  if (was_busy != (self->cancellable != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static void
analyze_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Snapshot *snapshot = task_data;
  GError *error = NULL;
  QuotesAnalysis *analysis;

  analysis = quotes_analyzer_analyze (snapshot->analyzer, snapshot->text, snapshot->length, cancellable, &error);
  if (analysis == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, analysis, g_object_unref);
}

static void
analysis_done (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  QuotesBufferWatcher *self = QUOTES_BUFFER_WATCHER (object);
  Snapshot *snapshot = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(QuotesAnalysis) analysis = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_task_get_cancellable (G_TASK (result)) == self->cancellable)
    set_busy (self, NULL);
  if (analysis == NULL)
    {
      /* Cancelled because the text changed: a new run is queued already. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No analysis of the document: %s", error->message);
      return;
    }
  if (snapshot->generation != self->generation)
    return;  /* stale: the text changed while it ran */
  g_set_object (&self->analysis, analysis);
  self->analysis_generation = snapshot->generation;
  g_signal_emit (self, signals [ANALYSIS_CHANGED], 0);
}

static gboolean
run_analysis (gpointer user_data)
{
  QuotesBufferWatcher *self = user_data;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Snapshot *snapshot;
  GtkTextIter start, end;

  self->queued = 0;
  if (self->buffer == NULL)
    return G_SOURCE_REMOVE;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  snapshot = g_new0 (Snapshot, 1);
  snapshot->analyzer = g_object_ref (self->analyzer);
  snapshot->text = gtk_text_buffer_get_text (self->buffer, &start, &end, TRUE);
  snapshot->length = strlen (snapshot->text);
  snapshot->generation = self->generation;

  set_busy (self, cancellable);
  task = g_task_new (self, cancellable, analysis_done, NULL);
  g_task_set_source_tag (task, run_analysis);
  g_task_set_task_data (task, snapshot, snapshot_free);
  g_task_run_in_thread (task, analyze_in_thread);
  return G_SOURCE_REMOVE;
}

/**
 * quotes_buffer_watcher_queue:
 * @self: a watcher
 *
 * Analyses the buffer after the delay, cancelling a run under way.
 */
void
quotes_buffer_watcher_queue (QuotesBufferWatcher *self)
{
  g_return_if_fail (QUOTES_IS_BUFFER_WATCHER (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->queued, g_source_remove);
  self->queued = g_timeout_add (self->delay, run_analysis, self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static void
on_buffer_changed (QuotesBufferWatcher *self)
{
  self->generation++;
  quotes_buffer_watcher_queue (self);
}

static void
quotes_buffer_watcher_dispose (GObject *object)
{
  QuotesBufferWatcher *self = QUOTES_BUFFER_WATCHER (object);

  g_clear_handle_id (&self->queued, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->buffer != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->buffer, self);
      g_object_remove_weak_pointer (G_OBJECT (self->buffer), (gpointer *) &self->buffer);
      self->buffer = NULL;
    }
  g_clear_object (&self->analysis);
  g_clear_object (&self->analyzer);
  G_OBJECT_CLASS (quotes_buffer_watcher_parent_class)->dispose (object);
}

static void
quotes_buffer_watcher_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  QuotesBufferWatcher *self = QUOTES_BUFFER_WATCHER (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, quotes_buffer_watcher_is_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quotes_buffer_watcher_class_init (QuotesBufferWatcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = quotes_buffer_watcher_dispose;
  object_class->get_property = quotes_buffer_watcher_get_property;

  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals [ANALYSIS_CHANGED] =
    g_signal_new ("analysis-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
quotes_buffer_watcher_init (QuotesBufferWatcher *self)
{
  self->delay = DEFAULT_DELAY_MS;
  self->analyzer = quotes_analyzer_new ();
}

/**
 * quotes_buffer_watcher_new:
 * @buffer: the buffer to watch; the watcher does not keep it alive
 *
 * Returns: (transfer full): a watcher that starts with an analysis of the
 *   buffer as it is
 */
QuotesBufferWatcher *
quotes_buffer_watcher_new (GtkTextBuffer *buffer)
{
  QuotesBufferWatcher *self;

  g_return_val_if_fail (GTK_IS_TEXT_BUFFER (buffer), NULL);

  self = g_object_new (QUOTES_TYPE_BUFFER_WATCHER, NULL);
  self->buffer = buffer;
  g_object_add_weak_pointer (G_OBJECT (buffer), (gpointer *) &self->buffer);
  g_signal_connect_swapped (buffer, "changed", G_CALLBACK (on_buffer_changed), self);
  self->generation = 1;
  quotes_buffer_watcher_queue (self);
  return self;
}

GtkTextBuffer *
quotes_buffer_watcher_get_buffer (QuotesBufferWatcher *self)
{
  g_return_val_if_fail (QUOTES_IS_BUFFER_WATCHER (self), NULL);
  return self->buffer;
}

/**
 * quotes_buffer_watcher_get_analysis:
 * @self: a watcher
 *
 * Returns: (nullable) (transfer none): the analysis of the buffer's
 *   current text, or %NULL while the text has changed since the last one
 */
QuotesAnalysis *
quotes_buffer_watcher_get_analysis (QuotesBufferWatcher *self)
{
  g_return_val_if_fail (QUOTES_IS_BUFFER_WATCHER (self), NULL);
  return self->analysis_generation == self->generation ? self->analysis : NULL;
}

gboolean
quotes_buffer_watcher_is_busy (QuotesBufferWatcher *self)
{
  g_return_val_if_fail (QUOTES_IS_BUFFER_WATCHER (self), FALSE);
  return self->cancellable != NULL || self->queued != 0;
}

/**
 * quotes_buffer_watcher_set_delay:
 * @self: a watcher
 * @milliseconds: the pause after the last change before an analysis
 */
void
quotes_buffer_watcher_set_delay (QuotesBufferWatcher *self,
                                 guint                milliseconds)
{
  g_return_if_fail (QUOTES_IS_BUFFER_WATCHER (self));
  self->delay = milliseconds;
}
