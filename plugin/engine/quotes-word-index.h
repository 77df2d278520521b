/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/*
 * A read-only copy of a string-keyed GHashTable, made for look-ups: the
 * analysis looks words up millions of times, often straight from the text
 * (a pointer and a length, no NUL), and GHashTable would need a copy of the
 * word and calls to g_str_hash and strcmp for each. Open addressing with
 * the hash and the length of each key stored, so that most probes touch no
 * key at all.
 *
 * The index points at the table's keys and values: the table must outlive it.
 */

/* The hashes have an array of their own: a miss, the common case, reads
 * only that compact array (0 marks a free slot; no stored hash is 0). */
typedef struct
{
  guint32     *hashes;
  guint32     *lengths;
  const char **keys;
  gpointer    *values;
  guint32      mask;
} QuotesWordIndex;

void quotes_word_index_init  (QuotesWordIndex *index,
                              GHashTable      *table);
void quotes_word_index_clear (QuotesWordIndex *index);

/* FNV-1a: short words, so a simple byte loop is as fast as anything. */
static inline guint32
quotes_word_hash (const char *word,
                  gsize       length)
{
  guint32 hash = 2166136261u;

  for (gsize i = 0; i < length; i++)
    hash = (hash ^ (guchar) word[i]) * 16777619u;
  return hash != 0 ? hash : 1;
}

/* Whether @word (@length bytes) is a key; sets @value to its value then. */
static inline gboolean
quotes_word_index_lookup (const QuotesWordIndex *index,
                          const char            *word,
                          gsize                  length,
                          gpointer              *value)
{
  guint32 hash = quotes_word_hash (word, length);

  for (guint32 i = hash & index->mask;; i = (i + 1) & index->mask)
    {
      if (index->hashes[i] == 0)
        return FALSE;
      if (index->hashes[i] == hash && index->lengths[i] == length &&
          memcmp (index->keys[i], word, length) == 0)
        {
          if (value != NULL)
            *value = index->values[i];
          return TRUE;
        }
    }
}

G_END_DECLS
