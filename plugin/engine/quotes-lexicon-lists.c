/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * The lexicon made from its word lists (data/lexicons), at build time, for
 * quotes-lexicon-compile to write as the image the library reads.
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "quotes-enums.h"
#include "quotes-lexicon-private.h"
#include "quotes-lexicon-resources.h"

#define RESOURCE_DIR "/org/gnome/gedit/plugins/quotes/lexicons/"

typedef guint (*ValueParser) (char **fields, guint n_fields);

static guint
parse_gender (const char *field)
{
  switch (field != NULL ? field[0] : 0)
    {
    case 'm': return 1;
    case 'f': return 2;
    case 'n': return 3;
    case 'p': return 4;
    case 's': return 5;
    default:  return 0;
    }
}

static guint
count_words (const char *phrase)
{
  guint n = 1;

  for (const char *p = phrase; *p; p++)
    n += (*p == ' ');
  return n;
}

/* Sets the value of @key (@length bytes) in @index, which holds @count
 * keys, as g_hash_table_replace would; a new key is copied into @keys. */
static void
index_put (QuotesWordIndex *index,
           guint           *count,
           GStringChunk    *keys,
           const char      *key,
           gsize            length,
           gpointer         value)
{
  guint32 hash = quotes_word_hash (key, length);

  if (2 * (*count + 1) > index->mask + 1)
    quotes_word_index_reserve (index, *count + 1);
  if (!quotes_word_index_lookup_hashed (index, key, length, hash, NULL))
    {
      key = g_string_chunk_insert_len (keys, key, length);  /* the caller's may not last */
      (*count)++;
    }
  *quotes_word_index_add (index, key, length, hash) = value;
}

static void
word_table_add (WordTable  *table,
                const char *key,
                guint       value,
                gboolean    lower)
{
  gsize length = strlen (key);
  g_autofree char *folded = NULL;
  char ascii[64];
  const char *stored = key;
  const char *space;

  if (lower)
    {
      /* g_utf8_strdown, without its allocation when ASCII folding does the same */
      if (length < sizeof ascii && quotes_ascii_strdown (key, length, ascii))
        stored = ascii;
      else
        {
          stored = folded = g_utf8_strdown (key, -1);
          length = strlen (stored);
        }
    }
  space = strchr (stored, ' ');
  table->max_words = MAX (table->max_words, count_words (stored));
  if (space != NULL)
    index_put (&table->starts_index, &table->starts_count, table->keys, stored, space - stored, GUINT_TO_POINTER (1));
  index_put (&table->index, &table->count, table->keys, stored, length, GUINT_TO_POINTER (value + 1));
}

#define MAX_FIELDS 16

/* A copy of a word list, ending in a NUL, for for_each_line_in to cut up. */
static char *
read_list (const char *name,
           gsize      *size)
{
  g_autofree char *path = g_strconcat (RESOURCE_DIR, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resource_lookup_data (quotes_lexicons_get_resource (), path, 0, &error);
  gconstpointer data_bytes;
  char *text;

  if (bytes == NULL)
    g_error ("The word list %s is missing from the build: %s", name, error->message);
  data_bytes = g_bytes_get_data (bytes, size);
  text = g_malloc (*size + 1);
  memcpy (text, data_bytes, *size);
  text[*size] = '\0';
  return text;
}

static void for_each_line_in (char        *text,
                              gsize        size,
                              const char  *name,
                              void       (*line_func) (char **fields, guint n_fields, gpointer data),
                              gpointer     data);

static void
for_each_line (const char *name,
               void      (*line_func) (char **fields, guint n_fields, gpointer data),
               gpointer    data)
{
  gsize size;
  g_autofree char *text = read_list (name, &size);

  for_each_line_in (text, size, name, line_func, data);
}

/* Calls @line_func for every non-comment line of a list, split at tabs:
 * the fields point into @text itself, cut in place. */
static void
for_each_line_in (char        *text,
                  gsize        size,
                  const char  *name,
                  void       (*line_func) (char **fields, guint n_fields, gpointer data),
                  gpointer     data)
{
  for (char *line = text, *end = text + size; line < end;)
    {
      char *newline = memchr (line, '\n', end - line);
      gsize n = (newline != NULL ? newline : end) - line;
      char *fields[MAX_FIELDS + 1];
      guint n_fields = 0;
      char *field = line;

      line += n + 1;
      /* What g_strchomp would take off: trailing white space. */
      while (n > 0 && g_ascii_isspace (field[n - 1]))
        n--;
      field[n] = '\0';
      if (field[0] == '\0' || field[0] == '#')
        continue;
      for (;;)
        {
          char *tab = strchr (field, '\t');

          if (n_fields == MAX_FIELDS)
            g_error ("The word list %s has a line with more than %d fields", name, MAX_FIELDS);
          fields[n_fields++] = field;
          if (tab == NULL)
            break;
          *tab = '\0';
          field = tab + 1;
        }
      fields[n_fields] = NULL;
      line_func (fields, n_fields, data);
    }
}

typedef struct
{
  WordTable   *table;
  ValueParser  parse;
  gboolean     lower;
} LoadJob;

static void
add_line (char   **fields,
          guint    n_fields,
          gpointer data)
{
  LoadJob *job = data;
  guint value = job->parse != NULL ? job->parse (fields, n_fields) : 0;

  word_table_add (job->table, fields[0], value, job->lower);
}

static guint count_lines (const char *text,
                          gsize       size);

static void
load_table (WordTable   *table,
            const char  *name,
            ValueParser  parse,
            gboolean     lower)
{
  LoadJob job = { table, parse, lower };
  gsize size;
  g_autofree char *text = read_list (name, &size);

  /* Room for a word a line at once: growing as the words came rehashed
   * the larger lists several times. */
  quotes_word_index_reserve (&table->index, table->count + count_lines (text, size));
  for_each_line_in (text, size, name, add_line, &job);
}

static guint
gender_field (char **fields, guint n_fields)
{
  return n_fields > 1 ? parse_gender (fields[1]) : 0;
}

static guint
pronoun_field (char **fields, guint n_fields)
{
  static const char *cases[] = { "subject", "object", "possessive", "reflexive" };
  guint pcase = 0;

  for (guint i = 0; n_fields > 2 && i < G_N_ELEMENTS (cases); i++)
    if (g_str_equal (fields[2], cases[i]))
      pcase = i;
  return gender_field (fields, n_fields) | (pcase << 4);
}

static guint
role_field (char **fields, guint n_fields)
{
  return n_fields > 1 && g_str_equal (fields[1], "person");
}

static guint
organization_value (char **fields, guint n_fields)
{
  return 1;
}

static guint
platform_field (char **fields, guint n_fields)
{
  for (guint p = QUOTES_PLATFORM_X; n_fields > 1 && p <= QUOTES_PLATFORM_LINKEDIN; p++)
    if (g_str_equal (fields[1], quotes_platform_to_string (p)))
      return p;
  return QUOTES_PLATFORM_UNKNOWN;
}

static void
add_cue_line (char   **fields,
              guint    n_fields,
              gpointer data)
{
  QuotesLexicon *self = data;
  WordTable *table = &self->cues;
  g_auto(GStrv) forms = g_strsplit (fields[0], "|", -1);
  guint flags = 0;

  for (const char *f = n_fields > 1 ? fields[1] : ""; *f; f++)
    flags |= (*f == 'q' ? QUOTES_CUE_QUOTATION :
              *f == 't' ? QUOTES_CUE_CLAUSE :
              *f == 'o' ? QUOTES_CUE_OBJECT : 0);
  for (guint i = 0; forms[i] != NULL; i++)
    {
      guint old = 0;
      gpointer stored;

      /* The same form may stand under two lemmas ("lay"): keep both flags. */
      g_autofree char *lower = g_utf8_strdown (g_strstrip (forms[i]), -1);
      char *first_word_end = strchr (lower, ' ');
      gsize n = first_word_end != NULL ? (gsize) (first_word_end - lower) : strlen (lower);
      guint form = (i == 0 ? QUOTES_CUE_BASE_FORM : 0) |
                   (n > 4 && strncmp (lower + n - 3, "ing", 3) == 0 ? QUOTES_CUE_PARTICIPLE : 0);

      /* From the index itself: the short keys are made once all is loaded. */
      if (quotes_word_index_lookup (&table->index, lower, strlen (lower), &stored))
        old = GPOINTER_TO_UINT (stored) - 1;
      word_table_add (table, lower, flags | form | old, FALSE);
      lower[n] = '\0';
      word_table_add (&self->cue_starts, lower, 0, FALSE);
    }
}

/* "Adjective<TAB>Country", and "Alias<TAB>Name" alike */
static void
add_nationality_line (char   **fields,
                      guint    n_fields,
                      gpointer data)
{
  if (n_fields > 1)
    g_hash_table_replace (data, g_strdup (fields[0]), g_strdup (fields[1]));
}

static void
add_boilerplate_line (char   **fields,
                      guint    n_fields,
                      gpointer data)
{
  g_ptr_array_add (data, g_strdup (fields[0]));
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Every paragraph is checked: only look at the entries that start with its
 * first byte, with their lengths known. */
static void
index_boilerplate (QuotesLexicon *self,
                   GPtrArray     *lines)
{
  guint32 *lengths = g_new0 (guint32, lines->len + 1);  /* all its bytes go into the image */
  guint i = 0;

  g_ptr_array_sort (lines, compare_strings);
  for (guint b = 0; b < 256; b++)
    {
      self->boilerplate_from[b] = i;
      while (i < lines->len && *(const guchar *) g_ptr_array_index (lines, i) == b)
        {
          lengths[i] = strlen (g_ptr_array_index (lines, i));
          i++;
        }
    }
  self->boilerplate_from[256] = i;
  self->boilerplate_lengths = lengths;
  self->boilerplate_count = lines->len;
}

static void
word_table_init (WordTable    *table,
                 GStringChunk *keys)
{
  table->keys = keys;
  table->max_words = 1;
  quotes_word_index_init_empty (&table->index, 0);
  quotes_word_index_init_empty (&table->starts_index, 0);
}

/* Titles ("Sen."), honorifics ("Mr."), months ("Jan.") keep their period
 * when the text is cut into words. */
static void
collect_abbreviations (QuotesLexicon  *self,
                       WordTable     **tables,
                       guint           n_tables)
{
  for (guint i = 0; i < n_tables; i++)
    {
      const QuotesWordIndex *index = &tables[i]->index;

      if (tables[i] == &self->abbreviations)
        continue;
      for (guint32 s = 0; s <= index->mask; s++)
        {
          const char *word = index->slots[s].key;
          gsize n = index->slots[s].length;

          if (index->slots[s].hash == 0)
            continue;
          if (n > 1 && word[n - 1] == '.' && strchr (word, ' ') == NULL)
            {
              g_autofree char *capital = g_strdup (word);

              capital[0] = g_ascii_toupper (capital[0]);
              word_table_add (&self->abbreviations, word, 0, FALSE);
              word_table_add (&self->abbreviations, capital, 0, FALSE);
            }
        }
    }
}

/* The bits of the abbreviations' shapes: most words before a period, the
 * last of their sentences, are no abbreviation, which the bits tell
 * without a look-up. */
static void
index_abbreviation_shapes (QuotesLexicon *self)
{
  const QuotesWordIndex *index = &self->abbreviations.index;

  for (guint32 s = 0; s <= index->mask; s++)
    {
      const char *word = index->slots[s].key;
      gsize n = index->slots[s].length;

      if (index->slots[s].hash != 0 && n >= 2 && word[n - 1] == '.')
        {
          guint bit = abbreviation_shape (n - 1, word[0], word[n - 2]);

          self->abbreviation_shapes[bit / 8] |= 1 << (bit % 8);
        }
    }
}

/* The keys are the lists' own words, or first words kept in @first_words:
 * both stay with the lexicon. */
static void
add_classes (QuotesWordIndex *classes,
             GStringChunk    *first_words,
             const WordTable *words,
             guint            word_class)
{
  for (guint32 s = 0; s <= words->index.mask; s++)
    {
      const char *word = words->index.slots[s].key;
      const char *space;

      if (words->index.slots[s].hash == 0)
        continue;
      space = strchr (word, ' ');
      gsize length = space != NULL ? (gsize) (space - word) : strlen (word);
      const char *first = space != NULL ? g_string_chunk_insert_len (first_words, word, length) : word;
      gpointer *classes_of = quotes_word_index_add (classes, first, length, quotes_word_hash (first, length));

      *classes_of = GUINT_TO_POINTER (GPOINTER_TO_UINT (*classes_of) | word_class);
    }
}

static void
add_common_line (char   **fields,
                 guint    n_fields,
                 gpointer data)
{
  QuotesWordIndex *index = data;
  gsize length = strlen (fields[0]);

  *quotes_word_index_add (index, fields[0], length, quotes_word_hash (fields[0], length)) =
    GUINT_TO_POINTER (QUOTES_WORD_COMMON);
}

static guint
count_lines (const char *text,
             gsize       size)
{
  guint lines = 1;

  for (const char *p = text; (p = memchr (p, '\n', text + size - p)) != NULL; p++)
    lines++;
  return lines;
}

/* The dictionary's words, the largest list by far, go straight into the
 * word classes' index, where quotes_lexicon_is_common_word finds them.
 * They are added first, so they need no look-up of classes already there. */
static void
collect_word_classes (QuotesLexicon *self)
{
  const WordTable *lists[] = {
    &self->pronouns, &self->role_nouns, &self->cue_starts, &self->titles,
    &self->descriptors, &self->cue_fillers, &self->title_modifiers,
  };
  const guint classes[] = {
    QUOTES_WORD_PRONOUN, QUOTES_WORD_ROLE, QUOTES_WORD_CUE, QUOTES_WORD_TITLE,
    QUOTES_WORD_DESCRIPTOR, QUOTES_WORD_FILLER, QUOTES_WORD_MODIFIER,
  };
  GStringChunk *first_words = self->first_words = g_string_chunk_new (4096);
  gsize size;
  char *common_words = self->dictionary = read_list ("common-words.txt", &size);
  guint dictionary = count_lines (common_words, size), listed = 0;

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    listed += lists[i]->count;
  /* Sized for the larger of the two, in practice the dictionary, which
   * holds most of the lists' words already: for both together the table
   * doubled, just past a power of two, and lost the cache. Twice the
   * larger keeps a slot free whatever the lists add. */
  quotes_word_index_init_empty (&self->word_class_index, MAX (dictionary, listed) + 1);
  for_each_line_in (common_words, size, "common-words.txt", add_common_line, &self->word_class_index);
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    add_classes (&self->word_class_index, first_words, lists[i], classes[i]);
}

/* The class bits of a dense table's slot: see QUOTES_DENSE_TOP_BITS. */
static guint64
spread_classes (guint classes)
{
  guint64 bits = 0;

  for (; classes != 0; classes &= classes - 1)  /* most words have one */
    bits |= G_GUINT64_CONSTANT (0x80) << (8 * g_bit_nth_lsf (classes, -1));
  return bits;
}

/* The buckets of @slots slots each for @count words, at most two thirds
 * full: few fill up. Returns the mask of their numbers. */
static guint32
dense_table_mask (guint count,
                  guint slots)
{
  guint32 size = 8;

  while (2 * size < 3 * count)
    size *= 2;
  return size / slots - 1;
}

/* Puts @key, @width numbers, into a free slot of its bucket, or of the
 * first one after it with room, marking those it passes as overflowed. */
static void
add_dense_word (guint64       *words,
                guint8        *overflow,
                guint32        mask,
                guint          slots,
                guint          width,
                guint32        hash,
                const guint64 *key)
{
  for (guint32 b = hash & mask;; b = (b + 1) & mask)
    {
      guint64 *bucket = words + (gsize) b * slots * width;

      for (guint i = 0; i < slots; i++)
        if (bucket[i * width] == 0)
          {
            memcpy (bucket + i * width, key, width * sizeof *key);
            return;
          }
      overflow[b / 8] |= 1 << (b % 8);
    }
}

/* Fills @short_keys from @index, in as many slots: at most half full, as
 * the index is, since most words asked are in no list, and a miss ends at
 * the first free slot. */
static void
index_short_keys (const QuotesWordIndex *index,
                  ShortKeys             *short_keys)
{
  guint64 *words = g_new0 (guint64, index->mask + 1);
  guint32 *values = g_new0 (guint32, index->mask + 1);

  short_keys->mask = index->mask;
  short_keys->words = words;
  short_keys->values = values;
  for (guint32 s = 0; s <= index->mask; s++)
    {
      const QuotesWordSlot *slot = &index->slots[s];
      guint32 i;

      if (slot->hash == 0 || slot->length - 1 >= 8)
        continue;
      for (i = slot->hash & short_keys->mask; words[i] != 0; i = (i + 1) & short_keys->mask)
        ;
      words[i] = word_chunk (slot->key, slot->length);
      values[i] = GPOINTER_TO_UINT (slot->value);
    }
}

/* The dense tables of words as they are filled. */
typedef struct
{
  guint64 *short_words;
  guint8  *short_overflow;
  guint32  short_mask;
  guint64 *mid_words;
  guint8  *mid_overflow;
  guint32  mid_mask;
} DenseWords;

static void
add_short_word (DenseWords           *dense,
                const QuotesWordSlot *slot)
{
  guint64 chunk = word_chunk (slot->key, slot->length);

  if (chunk & QUOTES_DENSE_TOP_BITS)
    return;  /* not ASCII: the tokenizer asks only of ASCII words */
  chunk |= spread_classes ((guint8) GPOINTER_TO_UINT (slot->value));  /* tokens keep eight bits */
  add_dense_word (dense->short_words, dense->short_overflow, dense->short_mask, QUOTES_DENSE_SHORT_SLOTS, 1,
                  slot->hash, &chunk);
}

static void
add_mid_word (DenseWords           *dense,
              const QuotesWordSlot *slot)
{
  guint64 key[2] = { word_chunk (slot->key, 8), word_chunk (slot->key + 8, slot->length - 8) };

  if ((key[0] | key[1]) & QUOTES_DENSE_TOP_BITS)
    return;  /* not ASCII: asked of the general index */
  key[0] |= spread_classes ((guint8) GPOINTER_TO_UINT (slot->value));
  add_dense_word (dense->mid_words, dense->mid_overflow, dense->mid_mask, QUOTES_DENSE_MID_SLOTS, 2,
                  slot->hash, key);
}

/* The tables of short words (up to eight bytes) and of the words of 9 to
 * 16 bytes, many of news ("government", "president", "according"): the
 * latter two numbers a slot, 1 MB, where the general index was a 24-byte
 * slot in 3 MB, then the key elsewhere and a call to memcmp. Made from
 * the general index's slots, which hold each word's length and hash
 * already. The words that are not ASCII, which leave a slot or two free,
 * stay in the general index only. No bucket straddles two cache lines. */
static void
index_dense_words (QuotesLexicon *self)
{
  const QuotesWordIndex *index = &self->word_class_index;
  guint short_count = 0, mid_count = 0;
  DenseWords dense;

  for (guint32 i = 0; i <= index->mask; i++)
    if (index->slots[i].hash != 0)
      {
        short_count += index->slots[i].length - 1 < 8;
        mid_count += index->slots[i].length - 9 < 8;
      }
  dense.short_mask = dense_table_mask (short_count, QUOTES_DENSE_SHORT_SLOTS);
  dense.short_words = g_aligned_alloc0 ((gsize) (dense.short_mask + 1) * QUOTES_DENSE_SHORT_SLOTS, sizeof (guint64), 64);
  dense.short_overflow = g_new0 (guint8, dense.short_mask / 8 + 1);
  dense.mid_mask = dense_table_mask (mid_count, QUOTES_DENSE_MID_SLOTS);
  dense.mid_words = g_aligned_alloc0 ((gsize) (dense.mid_mask + 1) * 2 * QUOTES_DENSE_MID_SLOTS, sizeof (guint64), 64);
  dense.mid_overflow = g_new0 (guint8, dense.mid_mask / 8 + 1);
  for (guint32 s = 0; s <= index->mask; s++)
    {
      const QuotesWordSlot *slot = &index->slots[s];

      if (slot->hash == 0)
        continue;
      if (slot->length - 1 < 8)
        add_short_word (&dense, slot);
      else if (slot->length - 9 < 8)
        add_mid_word (&dense, slot);
    }
  self->short_words = dense.short_words;
  self->short_overflow = dense.short_overflow;
  self->short_mask = dense.short_mask;
  self->mid_words = dense.mid_words;
  self->mid_overflow = dense.mid_overflow;
  self->mid_mask = dense.mid_mask;
}

/* How a list's value becomes QuotesNameClass bits. */
typedef enum
{
  NAME_FLAG,          /* the list's bit alone */
  NAME_PLACE_OR_ORG,  /* value 0: a place; 1: an organization */
  NAME_GENDER,        /* the bit, and the value as a gender at @shift */
} NameValue;

typedef struct
{
  const QuotesWordIndex *index;
  guint                  names;
  NameValue              value;
  guint                  shift;
} NameList;

/* Copies the words of name_index of up to eight bytes, with their bits,
 * into short_names, sized as the dense tables of words are. */
static void
index_short_names (QuotesLexicon *self)
{
  const QuotesWordIndex *index = &self->name_index;
  ShortName *short_names;
  guint count = 0;

  for (guint32 i = 0; i <= index->mask; i++)
    count += index->slots[i].hash != 0 && index->slots[i].length - 1 < 8;
  self->short_names_mask = dense_table_mask (count, 1);
  self->short_names = short_names = g_new0 (ShortName, self->short_names_mask + 1);
  for (guint32 s = 0; s <= index->mask; s++)
    {
      const QuotesWordSlot *slot = &index->slots[s];
      guint32 i;

      if (slot->hash == 0 || slot->length - 1 >= 8)
        continue;
      for (i = slot->hash & self->short_names_mask; short_names[i].word != 0; i = (i + 1) & self->short_names_mask)
        ;
      short_names[i].word = word_chunk (slot->key, slot->length);
      short_names[i].names = GPOINTER_TO_UINT (slot->value);
    }
}

/* One index of every list quotes_lexicon_name_classes reads, the word's
 * bits from all of them its value: one probe per word, where a probe of
 * each list missed the cache nine times. Made from the lists' indexes,
 * whose slots hold the hashes already. */
static void
index_names (QuotesLexicon *self)
{
  const NameList lists[] = {
    { &self->places_and_orgs.index, 0, NAME_PLACE_OR_ORG, 0 },
    { &self->places_and_orgs.starts_index, QUOTES_NAME_STARTS_PLACE_OR_ORG, NAME_FLAG, 0 },
    { &self->name_particles.index, QUOTES_NAME_PARTICLE, NAME_FLAG, 0 },
    { &self->org_words.index, QUOTES_NAME_ORG_WORD, NAME_FLAG, 0 },
    { &self->non_names.index, QUOTES_NAME_NON_NAME, NAME_FLAG, 0 },
    { &self->honorifics.index, QUOTES_NAME_HONORIFIC, NAME_GENDER, QUOTES_NAME_HONORIFIC_GENDER_SHIFT },
    { &self->first_names.index, QUOTES_NAME_FIRST_NAME, NAME_GENDER, QUOTES_NAME_FIRST_NAME_GENDER_SHIFT },
    { &self->nationality_index, QUOTES_NAME_NATIONALITY, NAME_FLAG, 0 },
    { &self->platforms.index, QUOTES_NAME_PLATFORM, NAME_FLAG, 0 },
  };
  guint64 *name_filter;
  guint count = 0;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint32 s = 0; s <= lists[l].index->mask; s++)
      count += lists[l].index->slots[s].hash != 0;
  /* The keys stay in the lists' indexes. */
  quotes_word_index_init_empty (&self->name_index, count);
  self->name_filter = name_filter = g_new0 (guint64, NAME_FILTER_BITS / 64);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint32 s = 0; s <= lists[l].index->mask; s++)
      {
        const QuotesWordSlot *from = &lists[l].index->slots[s];
        guint value = GPOINTER_TO_UINT (from->value) - 1;  /* for the word tables */
        guint bits = lists[l].names;
        gpointer *names;
        guint32 bit;

        if (from->hash == 0)
          continue;
        if (lists[l].value == NAME_PLACE_OR_ORG)
          bits = value == 0 ? QUOTES_NAME_PLACE : value == 1 ? QUOTES_NAME_ORG : 0;
        else if (lists[l].value == NAME_GENDER)
          bits |= value << lists[l].shift;
        names = quotes_word_index_add (&self->name_index, from->key, from->length, from->hash);
        *names = GUINT_TO_POINTER (GPOINTER_TO_UINT (*names) | bits);
        bit = from->hash >> NAME_FILTER_SHIFT;
        name_filter[bit / 64] |= G_GUINT64_CONSTANT (1) << bit % 64;
      }
  index_short_names (self);
}

/* The strings of the packed indexes, each once. */
typedef struct
{
  GString    *strings;
  GHashTable *offsets;  /* a string -> its offset + 1 */
} StringPacker;

static guint32
pack_string (StringPacker *packer,
             const char   *word,
             gsize         length)
{
  g_autofree char *copy = g_strndup (word, length);  /* an index's key need not end in a NUL */
  gpointer known = g_hash_table_lookup (packer->offsets, copy);
  guint32 offset;

  if (known != NULL)
    return GPOINTER_TO_UINT (known) - 1;
  offset = packer->strings->len;
  g_string_append_len (packer->strings, copy, length);
  g_string_append_c (packer->strings, '\0');
  g_hash_table_insert (packer->offsets, g_steal_pointer (&copy), GUINT_TO_POINTER (offset + 1));
  return offset;
}

/* @to, as @from, its keys (and, for @string_values, its values) among the
 * packer's strings; @to's strings are set once all are in. */
static void
pack_index (StringPacker          *packer,
            const QuotesWordIndex *from,
            QuotesPackedWordIndex *to,
            gboolean               string_values)
{
  QuotesPackedWordSlot *slots = g_new0 (QuotesPackedWordSlot, (gsize) from->mask + 1);

  for (guint32 s = 0; s <= from->mask; s++)
    {
      const QuotesWordSlot *slot = &from->slots[s];

      if (slot->hash == 0)
        continue;
      g_assert (string_values || GPOINTER_TO_SIZE (slot->value) <= G_MAXUINT32);
      slots[s] = (QuotesPackedWordSlot) {
        slot->hash, slot->length, pack_string (packer, slot->key, slot->length),
        string_values ? pack_string (packer, slot->value, strlen (slot->value)) : GPOINTER_TO_UINT (slot->value),
      };
    }
  to->slots = slots;
  to->mask = from->mask;
}

/* The indexes as the look-ups read them, and the boilerplate lines as
 * offsets, all their strings in one block. */
static void
pack_lexicon (QuotesLexicon  *self,
              WordTable     **tables,
              GPtrArray      *boilerplate)
{
  StringPacker packer = { g_string_new (NULL), g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
  QuotesPackedWordIndex *packed[2 * QUOTES_LEXICON_N_TABLES + 4];
  guint32 *lines = g_new (guint32, boilerplate->len + 1);
  guint n = 0;

  for (guint i = 0; i < QUOTES_LEXICON_N_TABLES; i++)
    {
      pack_index (&packer, &tables[i]->index, packed[n++] = &tables[i]->packed, FALSE);
      pack_index (&packer, &tables[i]->starts_index, packed[n++] = &tables[i]->packed_starts, FALSE);
    }
  pack_index (&packer, &self->nationality_index, packed[n++] = &self->nationalities, TRUE);
  pack_index (&packer, &self->org_alias_index, packed[n++] = &self->org_aliases, TRUE);
  pack_index (&packer, &self->name_index, packed[n++] = &self->names, FALSE);
  pack_index (&packer, &self->word_class_index, packed[n++] = &self->word_classes, FALSE);
  for (guint i = 0; i < boilerplate->len; i++)
    lines[i] = pack_string (&packer, g_ptr_array_index (boilerplate, i), self->boilerplate_lengths[i]);
  self->boilerplate = lines;
  self->strings_size = packer.strings->len;
  self->strings = g_string_free (packer.strings, FALSE);
  for (guint i = 0; i < n; i++)
    packed[i]->strings = self->strings;
  g_hash_table_unref (packer.offsets);
}

QuotesLexicon *
quotes_lexicon_load_lists (void)
{
  QuotesLexicon *self = g_new0 (QuotesLexicon, 1);
  WordTable *tables[QUOTES_LEXICON_N_TABLES];
  GStringChunk *keys = g_string_chunk_new (64 * 1024);
  GPtrArray *boilerplate = g_ptr_array_new_with_free_func (g_free);

  quotes_lexicon_word_tables (self, tables);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    word_table_init (tables[i], keys);
  self->nationality_table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->org_alias_table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for_each_line ("cues.txt", add_cue_line, self);
  load_table (&self->titles, "titles.txt", gender_field, TRUE);
  load_table (&self->honorifics, "honorifics.txt", gender_field, FALSE);
  load_table (&self->title_modifiers, "title-modifiers.txt", NULL, TRUE);
  load_table (&self->places_and_orgs, "places.txt", NULL, FALSE);
  load_table (&self->places_and_orgs, "generated-places.txt", NULL, FALSE);
  load_table (&self->places_and_orgs, "orgs.txt", organization_value, FALSE);
  load_table (&self->org_words, "org-words.txt", NULL, FALSE);
  load_table (&self->org_roles, "org-roles.txt", NULL, TRUE);
  load_table (&self->role_nouns, "role-nouns.txt", role_field, TRUE);
  load_table (&self->first_names, "first-names.txt", gender_field, FALSE);
  load_table (&self->non_names, "non-names.txt", NULL, FALSE);
  load_table (&self->platforms, "platforms.txt", platform_field, FALSE);
  load_table (&self->pronouns, "pronouns.txt", pronoun_field, TRUE);
  load_table (&self->descriptors, "descriptor-nouns.txt", gender_field, TRUE);
  for_each_line ("nationalities.txt", add_nationality_line, self->nationality_table);
  for_each_line ("org-aliases.txt", add_nationality_line, self->org_alias_table);
  load_table (&self->abbreviations, "abbreviations.txt", NULL, FALSE);
  load_table (&self->name_particles, "name-particles.txt", NULL, FALSE);
  load_table (&self->cue_fillers, "cue-fillers.txt", NULL, FALSE);
  collect_abbreviations (self, tables, G_N_ELEMENTS (tables));
  index_abbreviation_shapes (self);
  collect_word_classes (self);
  for_each_line ("boilerplate.txt", add_boilerplate_line, boilerplate);
  index_boilerplate (self, boilerplate);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      tables[i]->keys = NULL;
      /* Not for the long lists of places and first names: they are asked
       * of phrases, through the name classes, or seldom. */
      if (tables[i] != &self->places_and_orgs && tables[i] != &self->first_names)
        index_short_keys (&tables[i]->index, &tables[i]->short_index);
      index_short_keys (&tables[i]->starts_index, &tables[i]->short_starts);
    }
  self->list_words = keys;
  quotes_word_index_init (&self->nationality_index, self->nationality_table);
  quotes_word_index_init (&self->org_alias_index, self->org_alias_table);
  index_dense_words (self);
  index_names (self);
  pack_lexicon (self, tables, boilerplate);
  g_ptr_array_unref (boilerplate);

  return self;
}

