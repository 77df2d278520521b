/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <quotes.h>

G_BEGIN_DECLS

#define QUOTES_TYPE_BUFFER_WATCHER (quotes_buffer_watcher_get_type ())

G_DECLARE_FINAL_TYPE (QuotesBufferWatcher, quotes_buffer_watcher, QUOTES, BUFFER_WATCHER, GObject)

/*
 * Keeps an analysis of a GtkTextBuffer up to date while it is edited: a
 * change queues a new analysis after a short pause; the analysis runs on a
 * worker thread on a copy of the text; a change during a run cancels it and
 * its result is dropped. "analysis-changed" is emitted on the main loop
 * when an analysis of the buffer's current text is ready; its offsets are
 * then valid for the buffer as it is. Above the live limit (a length in
 * characters) only quotes_buffer_watcher_queue() starts an analysis;
 * "live" (boolean property) says whether changes do.
 */
QuotesBufferWatcher *quotes_buffer_watcher_new          (GtkTextBuffer       *buffer);
GtkTextBuffer       *quotes_buffer_watcher_get_buffer   (QuotesBufferWatcher *self);
QuotesAnalysis      *quotes_buffer_watcher_get_analysis (QuotesBufferWatcher *self);
gboolean             quotes_buffer_watcher_is_busy      (QuotesBufferWatcher *self);
gboolean             quotes_buffer_watcher_get_live     (QuotesBufferWatcher *self);
void                 quotes_buffer_watcher_set_live_limit (QuotesBufferWatcher *self,
                                                         guint                characters);
void                 quotes_buffer_watcher_set_delay    (QuotesBufferWatcher *self,
                                                         guint                milliseconds);
void                 quotes_buffer_watcher_queue        (QuotesBufferWatcher *self);

G_END_DECLS
