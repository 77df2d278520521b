/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/*
 * A read-only copy of a string-keyed GHashTable, made for look-ups: the
 * analysis looks words up millions of times, often straight from the text
 * (a pointer and a length, no NUL), and GHashTable would need a copy of the
 * word and calls to g_str_hash and strcmp for each. Open addressing; each
 * slot holds the hash and the length of its key, so that most probes touch
 * no key, and the keys are copied next to each other in slot order, so that
 * the frequent words stay in the cache.
 *
 * The values are the table's: it must outlive the index.
 */

typedef struct
{
  guint32     hash;     /* 0: a free slot; no key hashes to 0 */
  guint32     length;
  const char *key;      /* in the index's own arena */
  gpointer    value;
} QuotesWordSlot;

typedef struct
{
  QuotesWordSlot *slots;
  char           *keys;
  guint32         mask;
} QuotesWordIndex;

void quotes_word_index_init  (QuotesWordIndex *index,
                              GHashTable      *table);
void quotes_word_index_clear (QuotesWordIndex *index);

/* FNV-1a: short words, so a simple byte loop is as fast as anything. In
 * steps, for callers that hash a word while they make it. */
#define QUOTES_WORD_HASH_INIT 2166136261u

static inline guint32
quotes_word_hash_step (guint32 hash,
                       guchar  byte)
{
  return (hash ^ byte) * 16777619u;
}

static inline guint32
quotes_word_hash_end (guint32 hash)
{
  return hash != 0 ? hash : 1;
}

static inline guint32
quotes_word_hash (const char *word,
                  gsize       length)
{
  guint32 hash = QUOTES_WORD_HASH_INIT;

  for (gsize i = 0; i < length; i++)
    hash = quotes_word_hash_step (hash, word[i]);
  return quotes_word_hash_end (hash);
}

/* Whether @word (@length bytes, hashed to @hash) is a key; sets @value to
 * its value then. */
static inline gboolean
quotes_word_index_lookup_hashed (const QuotesWordIndex *index,
                                 const char            *word,
                                 gsize                  length,
                                 guint32                hash,
                                 gpointer              *value)
{

  for (guint32 i = hash & index->mask;; i = (i + 1) & index->mask)
    {
      const QuotesWordSlot *slot = &index->slots[i];

      if (slot->hash == 0)
        return FALSE;
      if (slot->hash == hash && slot->length == length && memcmp (slot->key, word, length) == 0)
        {
          if (value != NULL)
            *value = slot->value;
          return TRUE;
        }
    }
}

static inline gboolean
quotes_word_index_lookup (const QuotesWordIndex *index,
                          const char            *word,
                          gsize                  length,
                          gpointer              *value)
{
  return quotes_word_index_lookup_hashed (index, word, length, quotes_word_hash (word, length), value);
}

G_END_DECLS
