/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The edits made to a text since some moment, kept so that offsets taken
 * then can be carried to the text as it is now, the way GtkTextMarks
 * would move, without putting a mark in the buffer for each of them.
 * Offsets are in characters. Consecutive insertions (typing) and
 * deletions (backspacing) are merged into one entry.
 */
typedef struct _QuotesEditLog QuotesEditLog;

QuotesEditLog *quotes_edit_log_new    (void);
void           quotes_edit_log_free   (QuotesEditLog *log);
void           quotes_edit_log_insert (QuotesEditLog *log,
                                       guint          offset,
                                       guint          n_chars);
void           quotes_edit_log_delete (QuotesEditLog *log,
                                       guint          start,
                                       guint          end);
guint          quotes_edit_log_map    (QuotesEditLog *log,
                                       guint          offset,
                                       gboolean       left_gravity);
guint          quotes_edit_log_length (QuotesEditLog *log);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuotesEditLog, quotes_edit_log_free)

G_END_DECLS
