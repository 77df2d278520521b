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
  index->hashes = g_new0 (guint32, size);
  index->lengths = g_new (guint32, size);
  index->keys = g_new (const char *, size);
  index->values = g_new (gpointer, size);
  index->mask = size - 1;
  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gsize length = strlen (key);
      guint32 hash = quotes_word_hash (key, length);
      guint32 i = hash & index->mask;

      while (index->hashes[i] != 0)
        i = (i + 1) & index->mask;
      index->hashes[i] = hash;
      index->lengths[i] = length;
      index->keys[i] = key;
      index->values[i] = value;
    }
}

void
quotes_word_index_clear (QuotesWordIndex *index)
{
  g_clear_pointer (&index->hashes, g_free);
  g_clear_pointer (&index->lengths, g_free);
  g_clear_pointer (&index->keys, g_free);
  g_clear_pointer (&index->values, g_free);
}
