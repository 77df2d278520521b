/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>
#include <string.h>

#include "quotes-byte-chunks-private.h"

G_BEGIN_DECLS

/* Internal to the engine library: hidden, so that its files call each other
 * directly, not through the PLT, and the compiler may inline. */
#pragma GCC visibility push(hidden)

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

/* An empty index for up to @n keys, filled with quotes_word_index_add:
 * for keys no hash table holds, such as stretches of the text. Those keys
 * are not copied, and must outlive the index. */
void      quotes_word_index_init_empty (QuotesWordIndex *index,
                                        guint            n);

/* Makes room for @n keys in an index filled with quotes_word_index_add,
 * keeping the keys and values it has: for an index filled from lists of
 * unknown length. The keys are not copied. */
void      quotes_word_index_reserve    (QuotesWordIndex *index,
                                        guint            n);

/* The bytes of a word eight at a time, each eight (the last one padded
 * with zeros) mixed in with a multiplication: a byte at a time, as FNV
 * does it, made hashing a good part of every look-up. */
#define QUOTES_WORD_HASH_MULTIPLIER G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)

static inline guint64
quotes_word_hash_chunk (guint64 hash,
                        guint64 chunk)
{
  hash = (hash ^ chunk) * QUOTES_WORD_HASH_MULTIPLIER;
  return hash ^ (hash >> 29);
}

static inline guint32
quotes_word_hash_end (guint64 hash,
                      gsize   length)
{
  guint32 folded;

  hash = (hash ^ length) * QUOTES_WORD_HASH_MULTIPLIER;
  folded = (guint32) (hash >> 32);
  return folded != 0 ? folded : 1;  /* 0 marks a free slot */
}

/* The @length bytes (fewer than eight) of @word as a chunk, read without
 * a loop and without reading past them: two loads that overlap in the
 * middle, where they hold the same bytes. */
static inline guint64
quotes_word_tail (const char *word,
                  gsize       length)
{
  if (length >= 4)
    {
      guint32 head, tail;

      memcpy (&head, word, 4);
      memcpy (&tail, word + length - 4, 4);
      return GUINT32_FROM_LE (head) | (guint64) GUINT32_FROM_LE (tail) << (8 * (length - 4));
    }
  if (length >= 2)
    {
      guint16 head, tail;

      memcpy (&head, word, 2);
      memcpy (&tail, word + length - 2, 2);
      return GUINT16_FROM_LE (head) | (guint64) GUINT16_FROM_LE (tail) << (8 * (length - 2));
    }
  return length == 1 ? (guchar) word[0] : 0;
}

/* Eight bytes of text from @at, or the bytes left before @limit, the end
 * of what may be read, and zeros after them: as quotes_word_hash reads a
 * word's chunks, for words read where the text has them. */
static inline guint64
quotes_text_chunk (const char *at,
                   const char *limit)
{
  guint64 chunk;

  if (limit - at < 8)
    return quotes_word_tail (at, limit - at);
  memcpy (&chunk, at, 8);
  return GUINT64_FROM_LE (chunk);
}

/* quotes_word_tail for a word of a text that ends at @limit: one load,
 * cut to the word, where the text has eight bytes from it, as it has for
 * all but its last few words. quotes_word_tail's branches on the length
 * go one way or the other at random, word after word. */
static inline guint64
quotes_word_tail_in (const char *word,
                     gsize       length,
                     const char *limit)
{
  return quotes_text_chunk (word, limit) & quotes_first_bytes (length);
}

/* quotes_word_hash of @length bytes of a text that ends at @limit. */
static inline guint32
quotes_word_hash_in (const char *word,
                     gsize       length,
                     const char *limit)
{
  guint64 hash = 0;
  gsize i = 0;

  for (; i + 8 <= length; i += 8)
    {
      guint64 chunk;

      memcpy (&chunk, word + i, 8);
      hash = quotes_word_hash_chunk (hash, GUINT64_FROM_LE (chunk));
    }
  if (i < length)
    hash = quotes_word_hash_chunk (hash, quotes_word_tail_in (word + i, length - i, limit));
  return quotes_word_hash_end (hash, length);
}

/* With nothing to read past the word, the tail is read as
 * quotes_word_tail reads it: the compiler sees that fewer than eight
 * bytes are left, and drops the other way. */
static inline guint32
quotes_word_hash (const char *word,
                  gsize       length)
{
  return quotes_word_hash_in (word, length, word + length);
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

/* A word index in numbers only: its keys (and any string values) are
 * offsets into @strings. The lexicon's indexes are kept so, in the image
 * the library holds, and read where they are, without a copy: slots that
 * pointed at their keys would have to be made at every start, megabytes of
 * memory to fault in. Made from a QuotesWordIndex at build time. */
typedef struct
{
  guint32 hash;     /* 0: a free slot */
  guint32 length;
  guint32 key;      /* offset into the strings */
  guint32 value;
} QuotesPackedWordSlot;

typedef struct
{
  const QuotesPackedWordSlot *slots;
  const char                 *strings;
  guint32                     mask;
} QuotesPackedWordIndex;

/* As quotes_word_index_lookup_hashed. */
static inline gboolean
quotes_packed_word_index_lookup_hashed (const QuotesPackedWordIndex *index,
                                        const char                  *word,
                                        gsize                        length,
                                        guint32                      hash,
                                        guint32                     *value)
{
  for (guint32 i = hash & index->mask;; i = (i + 1) & index->mask)
    {
      const QuotesPackedWordSlot *slot = &index->slots[i];

      if (slot->hash == 0)
        return FALSE;
      if (slot->hash == hash && slot->length == length && memcmp (index->strings + slot->key, word, length) == 0)
        {
          if (value != NULL)
            *value = slot->value;
          return TRUE;
        }
    }
}

static inline gboolean
quotes_packed_word_index_lookup (const QuotesPackedWordIndex *index,
                                 const char                  *word,
                                 gsize                        length,
                                 guint32                     *value)
{
  return quotes_packed_word_index_lookup_hashed (index, word, length, quotes_word_hash (word, length), value);
}

/* Adds @key (@length bytes, with quotes_word_hash @hash) unless it is
 * there; returns where its value is (NULL for a new key), to read or set.
 * Inline: the stages add words as they read the text. */
static inline gpointer *
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

#pragma GCC visibility pop

G_END_DECLS
