/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * The lexicon's look-ups. Its tables are made from the word lists at
 * build time (quotes-lexicon-lists.c) and read from the image the library
 * holds (quotes-lexicon-image.c).
 */

#include "config.h"

#include <string.h>

#include "quotes-lexicon-private.h"

/* Looks @key (@length bytes) up in @index, through @short_keys when it is
 * short enough to be there and they were made. Words hold no NUL, so a
 * key's chunk stands for it alone. */
static inline gboolean
index_lookup (const QuotesPackedWordIndex *index,
              const ShortKeys             *short_keys,
              const char                  *key,
              gsize                        length,
              guint32                     *value)
{
  if (length - 1 < 8 && short_keys->words != NULL)
    {
      guint64 chunk = word_chunk (key, length);
      guint32 hash = quotes_word_hash_end (quotes_word_hash_chunk (0, chunk), length);

      for (guint32 i = hash & short_keys->mask;; i = (i + 1) & short_keys->mask)
        {
          if (short_keys->words[i] == chunk)
            {
              if (value != NULL)
                *value = short_keys->values[i];
              return TRUE;
            }
          if (short_keys->words[i] == 0)
            return FALSE;
        }
    }
  return quotes_packed_word_index_lookup (index, key, length, value);
}

static inline gboolean
word_table_lookup_len (const WordTable *table,
                       const char      *key,
                       gsize            length,
                       guint           *value)
{
  guint32 stored;

  if (!index_lookup (&table->packed, &table->short_index, key, length, &stored))
    return FALSE;
  if (value != NULL)
    *value = stored - 1;
  return TRUE;
}

/* @length -1: up to the NUL. */
static inline gboolean
word_table_lookup_span (const WordTable *table,
                        const char      *key,
                        gssize           length,
                        guint           *value)
{
  return word_table_lookup_len (table, key, length < 0 ? strlen (key) : (gsize) length, value);
}

static inline gboolean
word_table_lookup (const WordTable *table,
                   const char      *key,
                   guint           *value)
{
  return word_table_lookup_len (table, key, strlen (key), value);
}

guint
quotes_lexicon_word_classes (QuotesLexicon *self,
                             const char    *lower)
{
  return quotes_lexicon_word_classes_len (self, lower, strlen (lower));
}

guint
quotes_lexicon_word_classes_len (QuotesLexicon *self,
                                 const char    *lower,
                                 gsize          length)
{
  return quotes_lexicon_word_classes_hashed (self, lower, length, quotes_word_hash (lower, length));
}

/* The classes, as the eight bits a token keeps, of the lower-case word of
 * 1 to 8 bytes @chunk (its bytes as a little-endian number, zeros after
 * them), with quotes_word_hash @hash. */
guint
quotes_lexicon_short_word_classes (QuotesLexicon *self,
                                   guint64        chunk,
                                   guint32        hash)
{
  QuotesDenseWords table;

  quotes_lexicon_dense_words (self, &table);
  return quotes_dense_words_short_classes (&table, chunk, hash);
}

void
quotes_lexicon_dense_words (QuotesLexicon    *self,
                            QuotesDenseWords *table)
{
  *table = (QuotesDenseWords) { self->short_words, self->short_overflow, self->short_mask,
                                self->mid_words, self->mid_overflow, self->mid_mask };
}

/* The classes of a word from the general index: out of line, so that the
 * words of 9 to 16 bytes that the dense table answers need few registers
 * saved. */
G_GNUC_NO_INLINE static guint
general_word_classes (QuotesLexicon *self,
                      const char    *lower,
                      gsize          length,
                      guint32        hash)
{
  guint32 classes = 0;

  quotes_packed_word_index_lookup_hashed (&self->word_classes, lower, length, hash, &classes);
  return classes;
}

/* @hash: quotes_word_hash of @lower, made by the tokenizer as it lower-cases. */
guint
quotes_lexicon_word_classes_hashed (QuotesLexicon *self,
                                    const char    *lower,
                                    gsize          length,
                                    guint32        hash)
{
  if (length - 9 < 8)
    {
      guint64 head = word_chunk (lower, 8), tail = word_chunk (lower + 8, length - 8);

      /* Words that are not ASCII are in the general index only. */
      if (((head | tail) & QUOTES_DENSE_TOP_BITS) == 0)
        {
          QuotesDenseWords table;

          quotes_lexicon_dense_words (self, &table);
          return quotes_dense_words_mid_classes (&table, head, tail, hash);
        }
    }
  return general_word_classes (self, lower, length, hash);
}

/* Whether the name filter lets a word with quotes_word_hash @hash through. */
static inline gboolean
may_be_name (QuotesLexicon *self,
             guint32        hash)
{
  guint32 bit = hash >> NAME_FILTER_SHIFT;

  return (self->name_filter[bit / 64] & (G_GUINT64_CONSTANT (1) << bit % 64)) != 0;
}

/* quotes_lexicon_name_classes for a word of more than eight bytes (or
 * none): out of line, so that the usual short word needs few registers
 * saved. */
G_GNUC_NO_INLINE static guint
long_name_classes (QuotesLexicon *self,
                   const char    *word,
                   gsize          length,
                   const char    *limit)
{
  guint32 hash = quotes_word_hash_in (word, length, limit);
  guint32 names = 0;

  if (!may_be_name (self, hash))
    return QUOTES_NAME_LOOKED_UP;
  quotes_packed_word_index_lookup_hashed (&self->names, word, length, hash, &names);
  return names | QUOTES_NAME_LOOKED_UP;
}

/* The QuotesNameClass bits of @word (@length bytes, as written), in a
 * text that ends at @limit, which may be read up to. */
guint
quotes_lexicon_name_classes_in (QuotesLexicon *self,
                                const char    *word,
                                gsize          length,
                                const char    *limit)
{
  guint64 chunk;
  guint32 hash;

  if (length - 1 >= 8)
    return long_name_classes (self, word, length, limit);
  chunk = quotes_word_tail_in (word, length, limit);
  /* quotes_word_hash, from the chunk read already */
  hash = quotes_word_hash_end (quotes_word_hash_chunk (0, chunk), length);
  if (!may_be_name (self, hash))
    return QUOTES_NAME_LOOKED_UP;
  for (guint32 i = hash & self->short_names_mask;; i = (i + 1) & self->short_names_mask)
    {
      const ShortName *slot = &self->short_names[i];

      if (slot->word == chunk)
        return slot->names | QUOTES_NAME_LOOKED_UP;
      if (slot->word == 0)
        return QUOTES_NAME_LOOKED_UP;
    }
}

/* The QuotesNameClass bits of @word (@length bytes, as written). */
guint
quotes_lexicon_name_classes (QuotesLexicon *self,
                             const char    *word,
                             gsize          length)
{
  return quotes_lexicon_name_classes_in (self, word, length, word + length);
}

QuotesLexicon *
quotes_lexicon_get_default (void)
{
  static gsize loaded = 0;
  static QuotesLexicon *lexicon = NULL;

  if (g_once_init_enter (&loaded))
    {
      lexicon = quotes_lexicon_read_image (quotes_lexicon_image, quotes_lexicon_image_size);
      g_once_init_leave (&loaded, 1);
    }
  return lexicon;
}

guint
quotes_lexicon_cue_flags (QuotesLexicon *self,
                          const char    *lower)
{
  guint flags = 0;

  word_table_lookup (&self->cues, lower, &flags);
  return flags;
}

guint
quotes_lexicon_cue_max_words (QuotesLexicon *self)
{
  return self->cues.max_words;
}

gboolean
quotes_lexicon_title (QuotesLexicon *self,
                      const char    *lower,
                      guint         *gender)
{
  return word_table_lookup (&self->titles, lower, gender);
}

guint
quotes_lexicon_title_max_words (QuotesLexicon *self)
{
  return self->titles.max_words;
}

gboolean
quotes_lexicon_honorific (QuotesLexicon *self,
                          const char    *word,
                          gssize         length,
                          guint         *gender)
{
  return word_table_lookup_span (&self->honorifics, word, length, gender);
}

gboolean
quotes_lexicon_is_honorific_word (QuotesLexicon *self,
                                  const char    *word,
                                  gssize         length)
{
  return word_table_lookup_span (&self->honorifics, word, length, NULL);
}

gboolean
quotes_lexicon_is_title_modifier (QuotesLexicon *self,
                                  const char    *lower)
{
  return word_table_lookup (&self->title_modifiers, lower, NULL);
}

const char *
quotes_lexicon_nationality (QuotesLexicon *self,
                            const char    *word,
                            gssize         length)
{
  guint32 country;

  if (!quotes_packed_word_index_lookup (&self->nationalities, word, length < 0 ? strlen (word) : (gsize) length, &country))
    return NULL;
  return self->strings + country;
}

const char *
quotes_lexicon_org_alias (QuotesLexicon *self,
                          const char    *name)
{
  guint32 alias;

  if (!quotes_packed_word_index_lookup (&self->org_aliases, name, strlen (name), &alias))
    return NULL;
  return self->strings + alias;
}

gboolean
quotes_lexicon_is_place (QuotesLexicon *self,
                         const char    *name,
                         gssize         length)
{
  guint value;

  return word_table_lookup_span (&self->places_and_orgs, name, length, &value) && value == 0;
}

gboolean
quotes_lexicon_is_known_org (QuotesLexicon *self,
                             const char    *name,
                             gssize         length)
{
  guint value;

  return word_table_lookup_span (&self->places_and_orgs, name, length, &value) && value == 1;
}

guint
quotes_lexicon_name_max_words (QuotesLexicon *self)
{
  return self->places_and_orgs.max_words;
}

gboolean
quotes_lexicon_is_org_word (QuotesLexicon *self,
                            const char    *word,
                            gssize         length)
{
  return word_table_lookup_span (&self->org_words, word, length, NULL);
}

gboolean
quotes_lexicon_is_org_role (QuotesLexicon *self,
                            const char    *lower)
{
  return word_table_lookup (&self->org_roles, lower, NULL);
}

gboolean
quotes_lexicon_role_noun (QuotesLexicon *self,
                          const char    *lower,
                          gboolean      *is_person)
{
  guint value = 0;
  gboolean found = word_table_lookup (&self->role_nouns, lower, &value);

  if (is_person != NULL)
    *is_person = value != 0;
  return found;
}

gboolean
quotes_lexicon_first_name (QuotesLexicon *self,
                           const char    *name,
                           gssize         length,
                           guint         *gender)
{
  return word_table_lookup_span (&self->first_names, name, length, gender);
}

gboolean
quotes_lexicon_is_non_name (QuotesLexicon *self,
                            const char    *word,
                            gssize         length)
{
  return word_table_lookup_span (&self->non_names, word, length, NULL);
}

gint
quotes_lexicon_platform (QuotesLexicon *self,
                         const char    *name,
                         gssize         length)
{
  guint platform;

  return word_table_lookup_span (&self->platforms, name, length, &platform) ? (gint) platform : -1;
}

gboolean
quotes_lexicon_pronoun (QuotesLexicon *self,
                        const char    *lower,
                        guint         *gender,
                        guint         *pcase)
{
  guint value;

  if (!word_table_lookup (&self->pronouns, lower, &value))
    return FALSE;
  if (gender != NULL)
    *gender = value & 0xf;
  if (pcase != NULL)
    *pcase = value >> 4;
  return TRUE;
}

gboolean
quotes_lexicon_descriptor (QuotesLexicon *self,
                           const char    *lower,
                           guint         *gender)
{
  return word_table_lookup (&self->descriptors, lower, gender);
}

guint
quotes_lexicon_descriptor_max_words (QuotesLexicon *self)
{
  return self->descriptors.max_words;
}

gboolean
quotes_lexicon_is_common_word (QuotesLexicon *self,
                               const char    *lower)
{
  /* Every entry of the dictionary's list is one word (tools/generate-lexicons.py
   * keeps only words of letters), so its class says whether it is one. */
  return (quotes_lexicon_word_classes (self, lower) & QUOTES_WORD_COMMON) != 0;
}

gboolean
quotes_lexicon_is_boilerplate_line (QuotesLexicon *self,
                                    const char    *line,
                                    gsize          length)
{
  if (length == 0)
    return FALSE;
  for (guint i = self->boilerplate_from[(guchar) line[0]]; i < self->boilerplate_from[(guchar) line[0] + 1]; i++)
    {
      const char *start = self->strings + self->boilerplate[i];
      gsize n = self->boilerplate_lengths[i];

      /* The first bytes are equal; the second tells most entries apart
       * without a call to memcmp. */
      if (n <= length && (n < 2 || line[1] == start[1]) && memcmp (line, start, n) == 0 &&
          (n == length || !g_ascii_isalpha (line[n])))
        return TRUE;
    }
  return FALSE;
}

/* Whether g_utf8_strdown lowers "I" to "i" in the current locale: asked
 * once per analysis by the stages that fold ASCII words themselves. */
gboolean
quotes_locale_lowers_i_plainly (void)
{
  g_autofree char *lower_i = g_utf8_strdown ("I", 1);

  return strcmp (lower_i, "i") == 0;
}

/* Whether the @n bytes of @word and a period may be an abbreviation: FALSE
 * for most words, without a look-up. */
gboolean
quotes_lexicon_may_be_abbreviation (QuotesLexicon *self,
                                    const char    *word,
                                    gsize          n)
{
  guint bit;

  if (n == 0)
    return FALSE;
  bit = abbreviation_shape (n, word[0], word[n - 1]);
  return (self->abbreviation_shapes[bit / 8] >> (bit % 8)) & 1;
}

gboolean
quotes_lexicon_is_abbreviation (QuotesLexicon *self,
                                const char    *word)
{
  return word_table_lookup (&self->abbreviations, word, NULL);
}

gboolean
quotes_lexicon_is_name_particle (QuotesLexicon *self,
                                 const char    *word,
                                 gssize         length)
{
  return word_table_lookup_span (&self->name_particles, word, length, NULL);
}

gboolean
quotes_lexicon_is_cue_filler (QuotesLexicon *self,
                              const char    *lower)
{
  gsize n = strlen (lower);

  if (n > 4 && lower[n - 2] == 'l' && lower[n - 1] == 'y')
    return TRUE;
  return word_table_lookup (&self->cue_fillers, lower, NULL);
}

gboolean
quotes_lexicon_is_cue_start (QuotesLexicon *self,
                             const char    *lower)
{
  return word_table_lookup (&self->cue_starts, lower, NULL);
}

/* Whether a cue of more than one word can start with @lower. */
gboolean
quotes_lexicon_starts_cue (QuotesLexicon *self,
                           const char    *lower)
{
  return index_lookup (&self->cues.packed_starts, &self->cues.short_starts, lower, strlen (lower), NULL);
}

/* Whether a multiword title or descriptor can start with @lower. */
gboolean
quotes_lexicon_starts_title (QuotesLexicon *self,
                             const char    *lower)
{
  return index_lookup (&self->titles.packed_starts, &self->titles.short_starts, lower, strlen (lower), NULL);
}

gboolean
quotes_lexicon_starts_descriptor (QuotesLexicon *self,
                                  const char    *lower)
{
  return index_lookup (&self->descriptors.packed_starts, &self->descriptors.short_starts, lower, strlen (lower), NULL);
}

