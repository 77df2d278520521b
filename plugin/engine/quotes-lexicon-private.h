/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>
#include <string.h>

#include "quotes-lexicon.h"
#include "quotes-word-index.h"

G_BEGIN_DECLS

/* Internal to the engine library: hidden, so that its files call each other
 * directly, not through the PLT, and the compiler may inline. */
#pragma GCC visibility push(hidden)

/*
 * The lexicon's tables, shared by the files that make them from the word
 * lists (quotes-lexicon-lists.c, at build time), write them as an image
 * (quotes-lexicon-write.c, at build time), read that image
 * (quotes-lexicon-image.c) and look words up in them (quotes-lexicon.c).
 */

/* An index's keys of up to eight bytes again, each as word_chunk reads
 * it (0: a free slot), next to its value: the stages look most words up
 * by these short keys, and a probe of the index read a 24-byte slot, then
 * the key elsewhere with a call to memcmp. */
typedef struct
{
  const guint64 *words;   /* NULL when not made */
  const guint32 *values;  /* the index's, which are small numbers */
  guint32        mask;
} ShortKeys;

/* One word list: word -> small number (stored plus one, so 0 is a value).
 * Loading the lists fills the indexes, with their keys in @keys, then
 * packs them, as the look-ups read them. */
typedef struct
{
  guint                 max_words;
  QuotesPackedWordIndex packed;
  QuotesPackedWordIndex packed_starts;
  ShortKeys             short_index;  /* index's short keys, again */
  ShortKeys             short_starts; /* starts_index's */
  /* Loading the lists only: */
  GStringChunk         *keys;         /* shared by all lists */
  QuotesWordIndex       index;
  QuotesWordIndex       starts_index; /* the first words of multiword entries */
  guint                 count;        /* keys in index */
  guint                 starts_count;
} WordTable;

/* A word of the names index of up to eight bytes, as the short words are kept
 * (its bytes as a little-endian number, zeros after them; 0: a free
 * slot), with its QuotesNameClass bits next to it: the mention stage asks
 * about every capitalised word, mostly this short, and a slot of the
 * index, in 1.5 MB, and then its key elsewhere, were two cache misses and
 * a call to memcmp for each. 12,000 words in 512 KB. */
typedef struct
{
  guint64 word;
  guint32 names;
} ShortName;

/* The word lists, indexed. The words of up to eight bytes have their
 * classes in a table of their own (short_words): the tokenizer looks up
 * every word, and most are this short. A word is its bytes as a
 * little-endian number, zeros after them (words hold no NUL, so it stands
 * for one word of one length), and the slots hold just that: 64,000 slots
 * of 8 bytes stay in the cache, where the general index reads a 24-byte
 * slot and then the key elsewhere. 0: a free slot. */
struct _QuotesLexicon
{
  WordTable   cues;
  WordTable   titles;
  WordTable   honorifics;
  WordTable   title_modifiers;
  WordTable   places_and_orgs;  /* value: 1 place, 2 organization */
  WordTable   org_words;
  WordTable   org_roles;
  WordTable   role_nouns;
  WordTable   first_names;
  WordTable   non_names;
  WordTable   platforms;
  WordTable   pronouns;
  WordTable   descriptors;
  WordTable   abbreviations;    /* every entry of any list that ends in a period */
  guint8      abbreviation_shapes[512];  /* a bit per abbreviation_shape of them */
  WordTable   name_particles;
  WordTable   cue_fillers;
  WordTable   cue_starts;       /* first words of all cues: most words are none */
  QuotesPackedWordIndex nationalities;  /* adjective -> country (an offset into the strings) */
  QuotesPackedWordIndex org_aliases;    /* another name of an organization -> its name (likewise) */
  QuotesPackedWordIndex names;          /* the lists quotes_lexicon_name_classes reads -> their bits */
  const guint64        *name_filter;    /* NAME_FILTER_BITS, one per hash's top bits: set for names' words */
  const ShortName      *short_names;    /* names' words of up to eight bytes, again */
  guint32               short_names_mask;
  const guint32        *boilerplate;    /* line starts (offsets into the strings), sorted, so grouped by first byte */
  const guint32        *boilerplate_lengths;
  guint                 boilerplate_count;
  guint16               boilerplate_from[257];  /* the entries starting with byte b: from[b] to from[b + 1] */
  QuotesPackedWordIndex word_classes;   /* lower-case word -> QuotesWordClass bits */
  const guint64        *short_words;    /* its ASCII words of up to eight bytes: see QuotesDenseWords */
  const guint8         *short_overflow;
  guint32               short_mask;
  const guint64        *mid_words;      /* of 9 to 16 bytes */
  const guint8         *mid_overflow;
  guint32               mid_mask;
  const char           *strings;        /* the keys of every index, and the strings they hold */
  gsize                 strings_size;
  /* Loading the lists only: the indexes, and where their keys and values are. */
  QuotesWordIndex       nationality_index;
  QuotesWordIndex       org_alias_index;
  QuotesWordIndex       name_index;
  QuotesWordIndex       word_class_index;
  GHashTable           *nationality_table;
  GHashTable           *org_alias_table;
  char                 *dictionary;
  GStringChunk         *list_words;
  GStringChunk         *first_words;
};

/* @length (1 to 8) bytes of @word as a number, zeros after them: the
 * chunk quotes_word_hash hashes them as. */
static inline guint64
word_chunk (const char *word,
            gsize       length)
{
  guint64 chunk;

  if (length < 8)
    return quotes_word_tail (word, length);
  memcpy (&chunk, word, 8);
  return GUINT64_FROM_LE (chunk);
}

/* Where a word of @n bytes before a period, from @first to @last, has its
 * bit in abbreviation_shapes. */
static inline guint
abbreviation_shape (gsize  n,
                    guchar first,
                    guchar last)
{
  return (n * 131 + first * 31 + last) % (8 * sizeof ((QuotesLexicon *) NULL)->abbreviation_shapes);
}

/* Most words asked for their name classes are in no list: a bit per
 * (top bits of a) hash, 32 KB that stay in the cache, tells so for most of
 * them without a read of the index, which is too large to stay there. */
#define NAME_FILTER_SHIFT 14
#define NAME_FILTER_BITS  (1u << (32 - NAME_FILTER_SHIFT))

/* The word tables in the order the image holds them. */
#define QUOTES_LEXICON_N_TABLES 17

static inline void
quotes_lexicon_word_tables (QuotesLexicon *self,
                            WordTable    **tables)
{
  WordTable *all[QUOTES_LEXICON_N_TABLES] = {
    &self->cues, &self->titles, &self->honorifics, &self->title_modifiers,
    &self->places_and_orgs, &self->org_words, &self->org_roles,
    &self->role_nouns, &self->first_names, &self->non_names,
    &self->platforms, &self->pronouns, &self->descriptors, &self->abbreviations,
    &self->name_particles, &self->cue_fillers, &self->cue_starts,
  };

  memcpy (tables, all, sizeof all);
}

/*
 * The image: the lexicon as quotes-lexicon-compile writes it at build time
 * and the library holds it, so that starting needs no parsing of the word
 * lists and no hashing of their words, which took 17 ms, more than the
 * analysis of a long article, and its tables are read where they are.
 * Numbers are 32 bits in the byte order of the machine it is for; arrays
 * start at a multiple of 64 bytes from its start, so that the tables keep
 * their buckets in cache lines. What follows the header, in this order:
 *
 * - each word table: max_words, packed, packed_starts, short_index,
 *   short_starts
 * - abbreviation_shapes
 * - nationalities, org_aliases
 * - names, name_filter, short_names_mask, short_names
 * - boilerplate_count, boilerplate, boilerplate_lengths, boilerplate_from
 * - word_classes
 * - short_mask, short_words, short_overflow, mid_mask, mid_words, mid_overflow
 * - the strings
 *
 * A packed index is its mask, then its slots. Short keys are their mask
 * and whether they were made, then their words and values.
 */
#define QUOTES_LEXICON_IMAGE_MAGIC   0x314c5851u  /* "QXL1" read in little-endian order */
#define QUOTES_LEXICON_IMAGE_VERSION 1
#define QUOTES_LEXICON_IMAGE_ALIGN   64

typedef struct
{
  guint32 magic;      /* another byte order reads another number */
  guint32 version;
  guint32 size;       /* bytes, the header included */
  guint32 strings;    /* where the strings start */
} QuotesLexiconImageHeader;

/* The image made at build time (quotes-lexicon-image-data.c). */
extern const guint8 quotes_lexicon_image[];
extern const gsize  quotes_lexicon_image_size;

/* The lexicon in @image, which must outlive it; aborts on an image that is
 * not one, which would be a fault of the build. */
QuotesLexicon *quotes_lexicon_read_image  (const guint8 *image,
                                           gsize         size);

/* Build time only (not in the library). */
QuotesLexicon *quotes_lexicon_load_lists  (void);
GByteArray    *quotes_lexicon_write_image (QuotesLexicon *self);

#pragma GCC visibility pop

G_END_DECLS
