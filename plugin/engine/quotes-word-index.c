/* SPDX-License-Identifier: GPL-2.0-or-later */

#include "config.h"

#include <string.h>

#include "quotes-word-index.h"

void
quotes_word_index_init (QuotesWordIndex *index,
                        GHashTable      *table)
{
  GHashTableIter iter;
  gpointer key, value;
  guint32 size = 8;

  /* At most half full: misses, the common case, end after a probe or two. */
  while (size < 2 * g_hash_table_size (table))
    size *= 2;
  index->slots = g_new0 (QuotesWordSlot, size);
  index->mask = size - 1;
  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gsize length = strlen (key);
      guint32 hash = quotes_word_hash (key, length);
      guint32 i = hash & index->mask;

      while (index->slots[i].key != NULL)
        i = (i + 1) & index->mask;
      index->slots[i] = (QuotesWordSlot) { key, value, hash, length };
    }
}

void
quotes_word_index_clear (QuotesWordIndex *index)
{
  g_clear_pointer (&index->slots, g_free);
}
