/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * QuotesBufferWatcher: the analysis of a buffer, kept up to date off the
 * main loop. Each change bumps a generation number; a run analyses a copy
 * of the text taken at one generation, and its result is applied only if
 * the buffer is still at that generation. Typing never waits for it.
 *
 * Even the copy is made in slices between other events: copying megabytes
 * out of a GtkTextBuffer at once takes longer than a frame. A change while
 * copying throws the copy away (the change queues a new one).
 *
 * Above a size ("live-limit", in characters) changes no longer start an
 * analysis by themselves: one run takes seconds there, and most would be
 * thrown away by the next key. quotes_buffer_watcher_queue() still runs
 * one, and a change before it delivers starts it again on the new text
 * instead of dropping it.
 */

#include "config.h"

#include <string.h>

#include "quotes-buffer-watcher.h"
#include "quotes-release.h"
#include "quotes-worker.h"
#include "quotes-timing.h"

#define DEFAULT_DELAY_MS   200
#define DEFAULT_LIVE_LIMIT (10 * 1000 * 1000)  /* characters: ~2 s of analysis */
#define COPY_SLICE_CHARS   (16 * 1024)
#define COPY_BUDGET_US     4000                /* per main-loop turn: well under a frame */

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
  guint           live_limit;
  gboolean        live;
  gboolean        requested;    /* asked for while not live, not delivered yet */

  GString        *copy;             /* the text copied so far */
  guint           copy_offset;      /* in characters */
  guint64         copy_generation;
  guint           copying;
};

enum { PROP_0, PROP_BUSY, PROP_LIVE, N_PROPS };
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
  gint64 begin = g_get_monotonic_time ();

  analysis = quotes_analyzer_analyze (snapshot->analyzer, snapshot->text, snapshot->length, cancellable, &error);
  g_debug ("Analysis of %" G_GSIZE_FORMAT " bytes %s in %" G_GINT64_FORMAT " µs (in a thread)",
           snapshot->length, analysis != NULL ? "done" : "stopped", g_get_monotonic_time () - begin);
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
  QuotesTiming timing;

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
    {
      /* Stale: the text changed while it ran. */
      quotes_release_in_thread (g_steal_pointer (&analysis), g_object_unref);
      return;
    }
  quotes_release_in_thread (g_steal_pointer (&self->analysis), g_object_unref);
  self->analysis = g_object_ref (analysis);
  self->analysis_generation = snapshot->generation;
  self->requested = FALSE;
  quotes_timing_begin (&timing);
  g_signal_emit (self, signals [ANALYSIS_CHANGED], 0);
  quotes_timing_end (&timing, "Handing over the analysis");
}

static void
start_run (QuotesBufferWatcher *self,
           char                *text,
           gsize                length)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Snapshot *snapshot;

  snapshot = g_new0 (Snapshot, 1);
  snapshot->analyzer = g_object_ref (self->analyzer);
  snapshot->text = text;
  snapshot->length = length;
  snapshot->generation = self->generation;

  set_busy (self, cancellable);
  task = g_task_new (self, cancellable, analysis_done, NULL);
  g_task_set_source_tag (task, start_run);
  g_task_set_task_data (task, snapshot, snapshot_free);
  quotes_worker_run (task, analyze_in_thread);
}

static void
stop_copy (QuotesBufferWatcher *self)
{
  g_clear_handle_id (&self->copying, g_source_remove);
  if (self->copy != NULL)
    g_string_free (g_steal_pointer (&self->copy), TRUE);
}

/* Copies slices of the text until the time budget of this turn is spent;
 * the last slice starts the run. */
static gboolean
copy_slices (gpointer user_data)
{
  QuotesBufferWatcher *self = user_data;
  QuotesTiming timing;
  gint64 deadline;
  guint total;

  quotes_timing_begin (&timing);
  deadline = timing.wall + COPY_BUDGET_US;

  if (self->buffer == NULL || self->copy_generation != self->generation)
    {
      self->copying = 0;
      stop_copy (self);
      return G_SOURCE_REMOVE;
    }

  total = gtk_text_buffer_get_char_count (self->buffer);
  while (self->copy_offset < total)
    {
      GtkTextIter from, to;
      g_autofree char *slice = NULL;

      gtk_text_buffer_get_iter_at_offset (self->buffer, &from, self->copy_offset);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &to, self->copy_offset + COPY_SLICE_CHARS);
      slice = gtk_text_buffer_get_text (self->buffer, &from, &to, TRUE);
      g_string_append (self->copy, slice);
      self->copy_offset = gtk_text_iter_get_offset (&to);
      if (self->copy_offset < total && g_get_monotonic_time () >= deadline)
        {
          quotes_timing_end (&timing, "Copying the text");
          return G_SOURCE_CONTINUE;
        }
    }

  self->copying = 0;
  {
    gsize length = self->copy->len;

    start_run (self, g_string_free (g_steal_pointer (&self->copy), FALSE), length);
  }
  quotes_timing_end (&timing, "Copying the text");
  return G_SOURCE_REMOVE;
}

static gboolean
run_analysis (gpointer user_data)
{
  QuotesBufferWatcher *self = user_data;

  self->queued = 0;
  stop_copy (self);
  if (self->buffer == NULL)
    return G_SOURCE_REMOVE;

  self->copy = g_string_sized_new (gtk_text_buffer_get_char_count (self->buffer) + 1);
  self->copy_offset = 0;
  self->copy_generation = self->generation;
  if (copy_slices (self))
    self->copying = g_idle_add_full (QUOTES_WORK_PRIORITY, copy_slices, self, NULL);
  return G_SOURCE_REMOVE;
}

static void
queue_run (QuotesBufferWatcher *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  stop_copy (self);
  g_clear_handle_id (&self->queued, g_source_remove);
  self->queued = g_timeout_add (self->delay, run_analysis, self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

/**
 * quotes_buffer_watcher_queue:
 * @self: a watcher
 *
 * Analyses the buffer after the delay, cancelling a run under way. Above
 * the live limit, changes made before the analysis arrives start it again.
 */
void
quotes_buffer_watcher_queue (QuotesBufferWatcher *self)
{
  g_return_if_fail (QUOTES_IS_BUFFER_WATCHER (self));

  self->requested = !self->live;
  queue_run (self);
}

static void
stop (QuotesBufferWatcher *self)
{
  gboolean was_busy = quotes_buffer_watcher_is_busy (self);

  g_clear_handle_id (&self->queued, g_source_remove);
  stop_copy (self);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static void
update_live (QuotesBufferWatcher *self)
{
  gboolean live = self->buffer == NULL ||
                  (guint) gtk_text_buffer_get_char_count (self->buffer) <= self->live_limit;

  if (live == self->live)
    return;
  self->live = live;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LIVE]);
}

static void
on_buffer_changed (QuotesBufferWatcher *self)
{
  self->generation++;
  update_live (self);
  /* Typing during an "Analyse Now" waits for it instead of dropping it. */
  if (self->live || self->requested)
    queue_run (self);
  else
    stop (self);
}

static void
quotes_buffer_watcher_dispose (GObject *object)
{
  QuotesBufferWatcher *self = QUOTES_BUFFER_WATCHER (object);

  g_clear_handle_id (&self->queued, g_source_remove);
  stop_copy (self);
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
    case PROP_LIVE:
      g_value_set_boolean (value, quotes_buffer_watcher_get_live (self));
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
  properties [PROP_LIVE] =
    g_param_spec_boolean ("live", NULL, NULL, TRUE,
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
  self->live_limit = DEFAULT_LIVE_LIMIT;
  self->live = TRUE;
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
  update_live (self);
  if (self->live)
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
  return self->cancellable != NULL || self->queued != 0 || self->copying != 0;
}

/**
 * quotes_buffer_watcher_get_live:
 * @self: a watcher
 *
 * Returns: whether changes start an analysis by themselves: %FALSE when
 *   the buffer is longer than the live limit
 */
gboolean
quotes_buffer_watcher_get_live (QuotesBufferWatcher *self)
{
  g_return_val_if_fail (QUOTES_IS_BUFFER_WATCHER (self), FALSE);
  return self->live;
}

/**
 * quotes_buffer_watcher_set_live_limit:
 * @self: a watcher
 * @characters: the length above which changes do not start an analysis
 *
 * Applies from the next change on.
 */
void
quotes_buffer_watcher_set_live_limit (QuotesBufferWatcher *self,
                                      guint                characters)
{
  g_return_if_fail (QUOTES_IS_BUFFER_WATCHER (self));
  self->live_limit = characters;
  update_live (self);
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
