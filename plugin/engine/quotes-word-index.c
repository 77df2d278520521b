/* SPDX-License-Identifier: GPL-2.0-or-later */

#include "config.h"

#include <string.h>

#include "quotes-word-index.h"

/* Copies the keys next to each other in slot order: so that the frequent
 * words stay in the cache, and the table's keys need not outlive the index. */
static void
pack_keys (QuotesWordIndex *index)
{
  gsize arena = 0, used = 0;

  for (guint32 i = 0; i <= index->mask; i++)
    arena += index->slots[i].hash != 0 ? index->slots[i].length + 1 : 0;
  index->keys = g_malloc (arena + 1);
  for (guint32 i = 0; i <= index->mask; i++)
    {
      QuotesWordSlot *slot = &index->slots[i];

      if (slot->hash == 0)
        continue;
      /* Not slot->length + 1: an added key need not end in a NUL. */
      memcpy (index->keys + used, slot->key, slot->length);
      index->keys[used + slot->length] = '\0';
      slot->key = index->keys + used;
      used += slot->length + 1;
    }
}

void
quotes_word_index_init (QuotesWordIndex *index,
                        GHashTable      *table)
{
  GHashTableIter iter;
  gpointer key, value;

  quotes_word_index_init_empty (index, g_hash_table_size (table));
  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gsize length = strlen (key);

      *quotes_word_index_add (index, key, length, quotes_word_hash (key, length)) = value;
    }
  pack_keys (index);
}

void
quotes_word_index_init_empty (QuotesWordIndex *index,
                              guint            n)
{
  guint32 size = 8;

  /* At most half full: misses end after a probe or two. */
  while (size < 2 * n)
    size *= 2;
  index->slots = g_new0 (QuotesWordSlot, size);
  index->mask = size - 1;
  index->keys = NULL;
}

void
quotes_word_index_reserve (QuotesWordIndex *index,
                           guint            n)
{
  QuotesWordSlot *old = index->slots;
  guint32 old_size = index->mask + 1, size = old_size;

  /* At most half full, as quotes_word_index_init_empty makes it. */
  if (size >= 2 * n)
    return;
  while (size < 2 * n)
    size *= 2;
  index->slots = g_new0 (QuotesWordSlot, size);
  index->mask = size - 1;
  for (guint32 i = 0; i < old_size; i++)
    if (old[i].hash != 0)
      *quotes_word_index_add (index, old[i].key, old[i].length, old[i].hash) = old[i].value;
  g_free (old);
}

void
quotes_word_index_clear (QuotesWordIndex *index)
{
  g_clear_pointer (&index->slots, g_free);
  g_clear_pointer (&index->keys, g_free);
}
