/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Reads the lexicon's image (see quotes-lexicon-private.h): its tables are
 * used where the image has them, in the library's read-only data, which
 * the system shares between the processes that use it.
 */

#include "config.h"

#include <string.h>

#include "quotes-lexicon-private.h"

typedef struct
{
  const guint8 *image;
  gsize         size;
  gsize         at;
  const char   *strings;
} ImageReader;

G_GNUC_NORETURN static void
image_fault (const char *what)
{
  g_error ("The lexicon built into the library is damaged (%s): rebuild it", what);
}

static guint32
read_u32 (ImageReader *reader)
{
  guint32 value;

  if (reader->at + sizeof value > reader->size)
    image_fault ("it ends early");
  memcpy (&value, reader->image + reader->at, sizeof value);
  reader->at += sizeof value;
  return value;
}

/* @size bytes at the next multiple of QUOTES_LEXICON_IMAGE_ALIGN. */
static gconstpointer
read_array (ImageReader *reader,
            gsize        size)
{
  gconstpointer array;

  reader->at = (reader->at + QUOTES_LEXICON_IMAGE_ALIGN - 1) & ~(gsize) (QUOTES_LEXICON_IMAGE_ALIGN - 1);
  if (size > reader->size || reader->at > reader->size - size)
    image_fault ("it ends early");
  array = reader->image + reader->at;
  reader->at += size;
  return array;
}

/* A packed index, read in place. */
static void
read_index (ImageReader           *reader,
            QuotesPackedWordIndex *index)
{
  guint32 mask = read_u32 (reader);

  if (((mask + 1) & mask) != 0)
    image_fault ("an index has no proper size");
  index->mask = mask;
  index->slots = read_array (reader, ((gsize) mask + 1) * sizeof *index->slots);
  index->strings = reader->strings;
}

static void
read_short_keys (ImageReader *reader,
                 ShortKeys   *keys)
{
  gsize n;

  keys->mask = read_u32 (reader);
  n = (gsize) keys->mask + 1;
  if (!read_u32 (reader))
    {
      keys->words = NULL;
      keys->values = NULL;
      return;
    }
  keys->words = read_array (reader, n * sizeof *keys->words);
  keys->values = read_array (reader, n * sizeof *keys->values);
}

static void
read_word_table (ImageReader *reader,
                 WordTable   *table)
{
  table->max_words = read_u32 (reader);
  read_index (reader, &table->packed);
  read_index (reader, &table->packed_starts);
  read_short_keys (reader, &table->short_index);
  read_short_keys (reader, &table->short_starts);
}

static void
read_names (ImageReader   *reader,
            QuotesLexicon *self)
{
  read_index (reader, &self->names);
  self->name_filter = read_array (reader, NAME_FILTER_BITS / 8);
  self->short_names_mask = read_u32 (reader);
  self->short_names = read_array (reader, ((gsize) self->short_names_mask + 1) * sizeof *self->short_names);
}

static void
read_boilerplate (ImageReader   *reader,
                  QuotesLexicon *self)
{
  guint count = read_u32 (reader);

  self->boilerplate_count = count;
  self->boilerplate = read_array (reader, (gsize) count * sizeof *self->boilerplate);
  self->boilerplate_lengths = read_array (reader, ((gsize) count + 1) * sizeof *self->boilerplate_lengths);
  memcpy (self->boilerplate_from, read_array (reader, sizeof self->boilerplate_from), sizeof self->boilerplate_from);
  if (self->boilerplate_from[256] != count)
    image_fault ("the boilerplate lines do not add up");
}

static void
read_dense_words (ImageReader   *reader,
                  QuotesLexicon *self)
{
  self->short_mask = read_u32 (reader);
  self->short_words = read_array (reader, ((gsize) self->short_mask + 1) * QUOTES_DENSE_SHORT_SLOTS * sizeof (guint64));
  self->short_overflow = read_array (reader, self->short_mask / 8 + 1);
  self->mid_mask = read_u32 (reader);
  self->mid_words = read_array (reader, ((gsize) self->mid_mask + 1) * 2 * QUOTES_DENSE_MID_SLOTS * sizeof (guint64));
  self->mid_overflow = read_array (reader, self->mid_mask / 8 + 1);
}

QuotesLexicon *
quotes_lexicon_read_image (const guint8 *image,
                           gsize         size)
{
  QuotesLexicon *self = g_new0 (QuotesLexicon, 1);
  ImageReader reader = { image, size, 0, NULL };
  QuotesLexiconImageHeader header;
  WordTable *tables[QUOTES_LEXICON_N_TABLES];

  if (size < sizeof header)
    image_fault ("it is too short");
  memcpy (&header, image, sizeof header);
  if (header.magic != QUOTES_LEXICON_IMAGE_MAGIC)
    image_fault ("it is not one, or is for a machine of another byte order");
  if (header.version != QUOTES_LEXICON_IMAGE_VERSION || header.size != size || header.strings > size)
    image_fault ("it is of another version or size");
  /* Tables read in place keep their buckets in cache lines only when the
   * image starts at a cache line, as the build puts it. */
  g_warn_if_fail ((guintptr) image % QUOTES_LEXICON_IMAGE_ALIGN == 0);
  reader.at = sizeof header;
  reader.strings = self->strings = (const char *) image + header.strings;
  self->strings_size = size - header.strings;
  if (self->strings_size == 0 || self->strings[self->strings_size - 1] != '\0')
    image_fault ("its strings do not end");

  quotes_lexicon_word_tables (self, tables);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    read_word_table (&reader, tables[i]);
  memcpy (self->abbreviation_shapes, read_array (&reader, sizeof self->abbreviation_shapes),
          sizeof self->abbreviation_shapes);
  read_index (&reader, &self->nationalities);
  read_index (&reader, &self->org_aliases);
  read_names (&reader, self);
  read_boilerplate (&reader, self);
  read_index (&reader, &self->word_classes);
  read_dense_words (&reader, self);
  if (reader.at > header.strings)
    image_fault ("its tables run into its strings");
  return self;
}
