/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Writes a lexicon made from the word lists as the image the library reads
 * (see quotes-lexicon-private.h), at build time: the same tables, in the
 * same order, as quotes-lexicon-image.c reads them.
 */

#include "config.h"

#include <string.h>

#include "quotes-lexicon-private.h"

static void
write_u32 (GByteArray *image,
           guint32     value)
{
  g_byte_array_append (image, (const guint8 *) &value, sizeof value);
}

static void
write_array (GByteArray    *image,
             gconstpointer  data,
             gsize          size)
{
  static const guint8 zeros[QUOTES_LEXICON_IMAGE_ALIGN] = { 0 };

  g_byte_array_append (image, zeros, -image->len & (QUOTES_LEXICON_IMAGE_ALIGN - 1));
  g_byte_array_append (image, data, size);
}

static void
write_index (GByteArray                  *image,
             const QuotesPackedWordIndex *index)
{
  write_u32 (image, index->mask);
  write_array (image, index->slots, ((gsize) index->mask + 1) * sizeof *index->slots);
}

static void
write_short_keys (GByteArray      *image,
                  const ShortKeys *keys)
{
  gsize n = (gsize) keys->mask + 1;

  write_u32 (image, keys->mask);
  write_u32 (image, keys->words != NULL);
  if (keys->words == NULL)
    return;
  write_array (image, keys->words, n * sizeof *keys->words);
  write_array (image, keys->values, n * sizeof *keys->values);
}

static void
write_word_table (GByteArray      *image,
                  const WordTable *table)
{
  write_u32 (image, table->max_words);
  write_index (image, &table->packed);
  write_index (image, &table->packed_starts);
  write_short_keys (image, &table->short_index);
  write_short_keys (image, &table->short_starts);
}

static void
write_names (GByteArray          *image,
             const QuotesLexicon *self)
{
  write_index (image, &self->names);
  write_array (image, self->name_filter, NAME_FILTER_BITS / 8);
  write_u32 (image, self->short_names_mask);
  write_array (image, self->short_names, ((gsize) self->short_names_mask + 1) * sizeof *self->short_names);
}

static void
write_boilerplate (GByteArray          *image,
                   const QuotesLexicon *self)
{
  write_u32 (image, self->boilerplate_count);
  write_array (image, self->boilerplate, (gsize) self->boilerplate_count * sizeof *self->boilerplate);
  write_array (image, self->boilerplate_lengths, ((gsize) self->boilerplate_count + 1) * sizeof *self->boilerplate_lengths);
  write_array (image, self->boilerplate_from, sizeof self->boilerplate_from);
}

static void
write_dense_words (GByteArray          *image,
                   const QuotesLexicon *self)
{
  write_u32 (image, self->short_mask);
  write_array (image, self->short_words, ((gsize) self->short_mask + 1) * QUOTES_DENSE_SHORT_SLOTS * sizeof (guint64));
  write_array (image, self->short_overflow, self->short_mask / 8 + 1);
  write_u32 (image, self->mid_mask);
  write_array (image, self->mid_words, ((gsize) self->mid_mask + 1) * 2 * QUOTES_DENSE_MID_SLOTS * sizeof (guint64));
  write_array (image, self->mid_overflow, self->mid_mask / 8 + 1);
}

GByteArray *
quotes_lexicon_write_image (QuotesLexicon *self)
{
  GByteArray *image = g_byte_array_new ();
  QuotesLexiconImageHeader header = { QUOTES_LEXICON_IMAGE_MAGIC, QUOTES_LEXICON_IMAGE_VERSION, 0, 0 };
  WordTable *tables[QUOTES_LEXICON_N_TABLES];

  g_byte_array_append (image, (const guint8 *) &header, sizeof header);
  quotes_lexicon_word_tables (self, tables);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    write_word_table (image, tables[i]);
  write_array (image, self->abbreviation_shapes, sizeof self->abbreviation_shapes);
  write_index (image, &self->nationalities);
  write_index (image, &self->org_aliases);
  write_names (image, self);
  write_boilerplate (image, self);
  write_index (image, &self->word_classes);
  write_dense_words (image, self);
  /* The strings last, each ending in a NUL, one more after them all. */
  write_array (image, self->strings, self->strings_size + 1);
  header.strings = image->len - self->strings_size - 1;
  header.size = image->len;
  memcpy (image->data, &header, sizeof header);
  return image;
}
