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
  gsize arena = 0, used = 0;

  /* At most half full: misses end after a probe or two. */
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

      while (index->slots[i].hash != 0)
        i = (i + 1) & index->mask;
      index->slots[i] = (QuotesWordSlot) { hash, length, key, value };
      arena += length + 1;
    }
  /* The keys again, side by side in slot order. */
  index->keys = g_malloc (arena + 1);
  for (guint32 i = 0; i < size; i++)
    {
      QuotesWordSlot *slot = &index->slots[i];

      if (slot->hash == 0)
        continue;
      memcpy (index->keys + used, slot->key, slot->length + 1);
      slot->key = index->keys + used;
      used += slot->length + 1;
    }
}

void
quotes_word_index_init_empty (QuotesWordIndex *index,
                              guint            n)
{
  guint32 size = 8;

  /* At most half full, as quotes_word_index_init makes them. */
  while (size < 2 * n)
    size *= 2;
  index->slots = g_new0 (QuotesWordSlot, size);
  index->mask = size - 1;
  index->keys = NULL;
}

/* Adds @key (@length bytes, with quotes_word_hash @hash) unless it is
 * there; returns where its value is, NULL for a new key, to read or set. */
gpointer *
quotes_word_index_add (QuotesWordIndex *index,
                       const char      *key,
                       gsize            length,
                       guint32          hash)
{
  for (guint32 i = hash & index->mask;; i = (i + 1) & index->mask)
    {
      QuotesWordSlot *slot = &index->slots[i];

      if (slot->hash == 0)
        {
          *slot = (QuotesWordSlot) { hash, length, key, NULL };
          return &slot->value;
        }
      if (slot->hash == hash && slot->length == length && memcmp (slot->key, key, length) == 0)
        return &slot->value;
    }
}

void
quotes_word_index_clear (QuotesWordIndex *index)
{
  g_clear_pointer (&index->slots, g_free);
  g_clear_pointer (&index->keys, g_free);
}
