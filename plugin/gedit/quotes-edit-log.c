/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * QuotesEditLog: offsets carried through later edits. The panel takes its
 * positions from an analysis, which is of the text at one moment; marks
 * for each of tens of thousands of quotes and mentions would slow every
 * edit of a long document and cost a main-loop stall to create and
 * delete with each analysis. The log replays the edits made since on one
 * offset instead, only when a position is needed.
 */

#include "config.h"

#include "quotes-edit-log.h"

typedef struct
{
  guint    position;
  guint    length;
  gboolean insertion;   /* else a deletion of [position, position + length) */
} Edit;

struct _QuotesEditLog
{
  GArray *edits;
};

QuotesEditLog *
quotes_edit_log_new (void)
{
  QuotesEditLog *log = g_new0 (QuotesEditLog, 1);

  log->edits = g_array_new (FALSE, FALSE, sizeof (Edit));
  return log;
}

void
quotes_edit_log_free (QuotesEditLog *log)
{
  if (log == NULL)
    return;
  g_array_unref (log->edits);
  g_free (log);
}

static Edit *
last_edit (QuotesEditLog *log)
{
  return log->edits->len > 0 ? &g_array_index (log->edits, Edit, log->edits->len - 1) : NULL;
}

void
quotes_edit_log_insert (QuotesEditLog *log,
                        guint          offset,
                        guint          n_chars)
{
  Edit *last = last_edit (log);
  Edit edit = { offset, n_chars, TRUE };

  g_return_if_fail (log != NULL);

  if (n_chars == 0)
    return;
  /* Typing on where the last insertion ended is the same insertion. */
  if (last != NULL && last->insertion && offset == last->position + last->length)
    {
      last->length += n_chars;
      return;
    }
  g_array_append_val (log->edits, edit);
}

void
quotes_edit_log_delete (QuotesEditLog *log,
                        guint          start,
                        guint          end)
{
  Edit *last = last_edit (log);
  Edit edit = { start, end - start, FALSE };

  g_return_if_fail (log != NULL);
  g_return_if_fail (start <= end);

  if (start == end)
    return;
  /* Backspacing: the range just before the last deletion. */
  if (last != NULL && !last->insertion && end == last->position)
    {
      last->position = start;
      last->length += end - start;
      return;
    }
  g_array_append_val (log->edits, edit);
}

/**
 * quotes_edit_log_map:
 * @log: a log
 * @offset: an offset in the text as it was when the log started
 * @left_gravity: whether text inserted at @offset goes after it (as for a
 *   mark with left gravity) or before it
 *
 * Returns: where @offset is in the text now. Text deleted around it takes
 *   it to the start of the deletion.
 */
guint
quotes_edit_log_map (QuotesEditLog *log,
                     guint          offset,
                     gboolean       left_gravity)
{
  g_return_val_if_fail (log != NULL, offset);

  for (guint i = 0; i < log->edits->len; i++)
    {
      const Edit *edit = &g_array_index (log->edits, Edit, i);

      if (edit->insertion)
        {
          if (offset > edit->position || (offset == edit->position && !left_gravity))
            offset += edit->length;
        }
      else if (offset >= edit->position + edit->length)
        offset -= edit->length;
      else if (offset > edit->position)
        offset = edit->position;
    }
  return offset;
}

/* The number of entries, after merging: for tests. */
guint
quotes_edit_log_length (QuotesEditLog *log)
{
  g_return_val_if_fail (log != NULL, 0);
  return log->edits->len;
}
