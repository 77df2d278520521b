/* SPDX-License-Identifier: GPL-2.0-or-later */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "quotes-document.h"
#include "quotes-enums.h"
#include "quotes-lexicon.h"
#include "quotes-word-index.h"

#define RESOURCE_DIR "/org/gnome/gedit/plugins/quotes/lexicons/"

/* An index's keys of up to eight bytes again, each as word_chunk reads
 * it (0: a free slot), next to its value: the stages look most words up
 * by these short keys, and a probe of the index read a 24-byte slot, then
 * the key elsewhere with a call to memcmp. */
typedef struct
{
  guint64 *words;
  guint32 *values;   /* the index's, which are small numbers */
  guint32  mask;
} ShortKeys;

/* One word list: word -> small number (stored plus one, so 0 is a value).
 * Loading fills the indexes straight away, with their keys in @keys until
 * they are packed: a hash table to make each index from, with a copy of
 * every word, was most of the cost of loading the lists. */
typedef struct
{
  GStringChunk   *keys;       /* the loading's, shared by all lists */
  guint           count;      /* keys in index */
  guint           starts_count;
  guint           max_words;
  QuotesWordIndex index;
  QuotesWordIndex starts_index; /* the first words of multiword entries */
  ShortKeys       short_index;  /* index's short keys, again */
  ShortKeys       short_starts; /* starts_index's */
} WordTable;

/* A word of name_index of up to eight bytes, as the short words are kept
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

/* The words of up to eight bytes, with their classes, in a table of their
 * own: the tokenizer looks up every word, and most are this short. A word
 * is its bytes as a little-endian number, zeros after them (words hold no
 * NUL, so it stands for one word of one length), and the slots hold just
 * that: 64,000 slots of 8 bytes stay in the cache, where the general
 * index reads a 24-byte slot and then the key elsewhere. 0: a free slot. */
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
  GHashTable *nationalities;    /* adjective -> country */
  GHashTable *org_aliases;      /* another name of an organization -> its name */
  QuotesWordIndex nationality_index;
  QuotesWordIndex name_index;   /* the lists quotes_lexicon_name_classes reads -> their bits */
  guint64    *name_filter;      /* NAME_FILTER_BITS, one per hash's top bits: set for name_index's words */
  ShortName  *short_names;      /* name_index's words of up to eight bytes, again */
  guint32     short_names_mask;
  GPtrArray  *boilerplate;      /* line starts, sorted, so grouped by first byte */
  guint32    *boilerplate_lengths;
  guint16     boilerplate_from[257];  /* the entries starting with byte b: from[b] to from[b + 1] */
  QuotesWordIndex word_class_index;  /* lower-case word -> QuotesWordClass bits */
  /* Where word_class_index's keys are, kept as long as it is: the
   * dictionary's list, the lists' words as loaded, and their first words. */
  char          *dictionary;
  GStringChunk  *list_words;
  GStringChunk  *first_words;
  guint64    *short_words;      /* its ASCII words of up to eight bytes: see QuotesDenseWords */
  guint8     *short_overflow;
  guint32     short_mask;
  guint64    *mid_words;        /* of 9 to 16 bytes */
  guint8     *mid_overflow;
  guint32     mid_mask;
};

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

/* Looks @key (@length bytes) up in @index, through @short_keys when it is
 * short enough to be there and they were made. Words hold no NUL, so a
 * key's chunk stands for it alone. */
static inline gboolean
index_lookup (const QuotesWordIndex *index,
              const ShortKeys       *short_keys,
              const char            *key,
              gsize                  length,
              gpointer              *value)
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
                *value = GUINT_TO_POINTER (short_keys->values[i]);
              return TRUE;
            }
          if (short_keys->words[i] == 0)
            return FALSE;
        }
    }
  return quotes_word_index_lookup (index, key, length, value);
}

static inline gboolean
word_table_lookup_len (const WordTable *table,
                       const char      *key,
                       gsize            length,
                       guint           *value)
{
  gpointer stored;

  if (!index_lookup (&table->index, &table->short_index, key, length, &stored))
    return FALSE;
  if (value != NULL)
    *value = GPOINTER_TO_UINT (stored) - 1;
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

#define MAX_FIELDS 16

/* Calls @line_func for every non-comment line of a lexicon, split at tabs.
 * The fields point into one copy of the list, cut in place: a copy and a
 * split per line made loading a good part of a short analysis. */
/* A copy of a word list, ending in a NUL, for for_each_line_in to cut up. */
static char *
read_list (const char *name,
           gsize      *size)
{
  g_autofree char *path = g_strconcat (RESOURCE_DIR, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, &error);
  gconstpointer data_bytes;
  char *text;

  if (bytes == NULL)
    g_error ("The word list %s is missing from the library: %s", name, error->message);
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

/* The fields of @text's lines point into @text itself. */
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
index_boilerplate (QuotesLexicon *self)
{
  GPtrArray *lines = self->boilerplate;
  guint i = 0;

  g_ptr_array_sort (lines, compare_strings);
  self->boilerplate_lengths = g_new (guint32, lines->len + 1);
  for (guint b = 0; b < 256; b++)
    {
      self->boilerplate_from[b] = i;
      while (i < lines->len && *(const guchar *) g_ptr_array_index (lines, i) == b)
        {
          self->boilerplate_lengths[i] = strlen (g_ptr_array_index (lines, i));
          i++;
        }
    }
  self->boilerplate_from[256] = i;
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

/* Where a word of @n bytes before a period, from @first to @last, has its
 * bit in abbreviation_shapes. */
static inline guint
abbreviation_shape (gsize  n,
                    guchar first,
                    guchar last)
{
  return (n * 131 + first * 31 + last) % (8 * sizeof ((QuotesLexicon *) NULL)->abbreviation_shapes);
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

/* The dictionary's words wait COMMON_AHEAD lines before they are added,
 * in the order they come, while the processor loads their slots: each is
 * anywhere in an index of megabytes, and adding them one after the other
 * waited for memory at nearly every word (loading took 6% longer). */
#define COMMON_AHEAD 16

typedef struct
{
  const char *word;
  gsize       length;
  guint32     hash;
} CommonWord;

typedef struct
{
  QuotesWordIndex *index;
  CommonWord       waiting[COMMON_AHEAD];
  guint            n;     /* lines seen */
} CommonWords;

static void
add_common_word (QuotesWordIndex  *index,
                 const CommonWord *word)
{
  *quotes_word_index_add (index, word->word, word->length, word->hash) = GUINT_TO_POINTER (QUOTES_WORD_COMMON);
}

static void
add_common_line (char   **fields,
                 guint    n_fields,
                 gpointer data)
{
  CommonWords *common = data;
  CommonWord *slot = &common->waiting[common->n++ % COMMON_AHEAD];
  gsize length = strlen (fields[0]);
  guint32 hash = quotes_word_hash (fields[0], length);

  if (common->n > COMMON_AHEAD)
    add_common_word (common->index, slot);  /* the word COMMON_AHEAD lines back */
  *slot = (CommonWord) { fields[0], length, hash };
  quotes_prefetch (&common->index->slots[hash & common->index->mask]);
}

/* Adds the words still waiting. */
static void
add_common_words_waiting (CommonWords *common)
{
  for (guint i = common->n > COMMON_AHEAD ? common->n - COMMON_AHEAD : 0; i < common->n; i++)
    add_common_word (common->index, &common->waiting[i % COMMON_AHEAD]);
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
 * word classes' index, where quotes_lexicon_is_common_word finds them: a
 * hash table first, to make the index from, cost more than the rest of
 * loading. They are added first, so they need no look-up of classes
 * already there. */
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
  CommonWords common = { &self->word_class_index, { { 0 } }, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    listed += lists[i]->count;
  /* Sized for the larger of the two, in practice the dictionary, which
   * holds most of the lists' words already: for both together the table
   * doubled, just past a power of two, and lost the cache. Twice the
   * larger keeps a slot free whatever the lists add. */
  quotes_word_index_init_empty (&self->word_class_index, MAX (dictionary, listed) + 1);
  for_each_line_in (common_words, size, "common-words.txt", add_common_line, &common);
  add_common_words_waiting (&common);
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    add_classes (&self->word_class_index, first_words, lists[i], classes[i]);
  /* The keys stay where they are, in the list and the first words, which
   * the lexicon keeps: copying them in the slots' order was an eighth of
   * loading it, and a look-up reads a key only once its hash and length
   * match, anywhere in the index either way. */
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
  short_keys->mask = index->mask;
  short_keys->words = g_new0 (guint64, short_keys->mask + 1);
  short_keys->values = g_new0 (guint32, short_keys->mask + 1);
  for (guint32 s = 0; s <= index->mask; s++)
    {
      const QuotesWordSlot *slot = &index->slots[s];
      guint32 i;

      if (slot->hash == 0 || slot->length - 1 >= 8)
        continue;
      for (i = slot->hash & short_keys->mask; short_keys->words[i] != 0; i = (i + 1) & short_keys->mask)
        ;
      short_keys->words[i] = word_chunk (slot->key, slot->length);
      short_keys->values[i] = GPOINTER_TO_UINT (slot->value);
    }
}

static void
add_short_word (QuotesLexicon        *self,
                const QuotesWordSlot *slot)
{
  guint64 chunk = word_chunk (slot->key, slot->length);

  if (chunk & QUOTES_DENSE_TOP_BITS)
    return;  /* not ASCII: the tokenizer asks only of ASCII words */
  chunk |= spread_classes ((guint8) GPOINTER_TO_UINT (slot->value));  /* tokens keep eight bits */
  add_dense_word (self->short_words, self->short_overflow, self->short_mask, QUOTES_DENSE_SHORT_SLOTS, 1,
                  slot->hash, &chunk);
}

static void
add_mid_word (QuotesLexicon        *self,
              const QuotesWordSlot *slot)
{
  guint64 key[2] = { word_chunk (slot->key, 8), word_chunk (slot->key + 8, slot->length - 8) };

  if ((key[0] | key[1]) & QUOTES_DENSE_TOP_BITS)
    return;  /* not ASCII: asked of the general index */
  key[0] |= spread_classes ((guint8) GPOINTER_TO_UINT (slot->value));
  add_dense_word (self->mid_words, self->mid_overflow, self->mid_mask, QUOTES_DENSE_MID_SLOTS, 2, slot->hash, key);
}

/* Asks for the bucket that add_short_word or add_mid_word will fill
 * for @slot: the slots come in the index's order, and their buckets are
 * anywhere in the tables, each a wait for memory otherwise. */
static inline void
prefetch_dense_bucket (const QuotesLexicon  *self,
                       const QuotesWordSlot *slot)
{
  if (slot->hash == 0)
    return;
  if (slot->length - 1 < 8)
    quotes_prefetch (self->short_words + (gsize) (slot->hash & self->short_mask) * QUOTES_DENSE_SHORT_SLOTS);
  else if (slot->length - 9 < 8)
    quotes_prefetch (self->mid_words + (gsize) (slot->hash & self->mid_mask) * 2 * QUOTES_DENSE_MID_SLOTS);
}

/* The tables of short words (up to eight bytes) and of the words of 9 to
 * 16 bytes, many of news ("government", "president", "according"): the
 * latter two numbers a slot, 1 MB, where the general index was a 24-byte
 * slot in 3 MB, then the key elsewhere and a call to memcmp. Made from
 * the general index's slots, which hold each word's length and hash
 * already: walking the hash table and hashing again cost 4 ms a start;
 * both in one walk, as the walks over its 131,000 slots cost more than
 * filling the tables. The words that are not ASCII, which leave a slot or
 * two free, stay in the general index only. No bucket straddles two cache
 * lines. */
static void
index_dense_words (QuotesLexicon *self)
{
  const QuotesWordIndex *index = &self->word_class_index;
  guint short_count = 0, mid_count = 0;

  for (guint32 i = 0; i <= index->mask; i++)
    if (index->slots[i].hash != 0)
      {
        short_count += index->slots[i].length - 1 < 8;
        mid_count += index->slots[i].length - 9 < 8;
      }
  self->short_mask = dense_table_mask (short_count, QUOTES_DENSE_SHORT_SLOTS);
  self->short_words = g_aligned_alloc0 ((gsize) (self->short_mask + 1) * QUOTES_DENSE_SHORT_SLOTS, sizeof (guint64), 64);
  self->short_overflow = g_new0 (guint8, self->short_mask / 8 + 1);
  self->mid_mask = dense_table_mask (mid_count, QUOTES_DENSE_MID_SLOTS);
  self->mid_words = g_aligned_alloc0 ((gsize) (self->mid_mask + 1) * 2 * QUOTES_DENSE_MID_SLOTS, sizeof (guint64), 64);
  self->mid_overflow = g_new0 (guint8, self->mid_mask / 8 + 1);
  for (guint32 s = 0; s <= index->mask; s++)
    {
      const QuotesWordSlot *slot = &index->slots[s];

      if (s + COMMON_AHEAD <= index->mask)
        prefetch_dense_bucket (self, &index->slots[s + COMMON_AHEAD]);
      if (slot->hash == 0)
        continue;
      if (slot->length - 1 < 8)
        add_short_word (self, slot);
      else if (slot->length - 9 < 8)
        add_mid_word (self, slot);
    }
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
  gpointer classes = NULL;

  quotes_word_index_lookup_hashed (&self->word_class_index, lower, length, hash, &classes);
  return GPOINTER_TO_UINT (classes);
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

/* Most words asked for their name classes are in no list: a bit per
 * (top bits of a) hash, 32 KB that stay in the cache, tells so for most of
 * them without a read of the index, which is too large to stay there. */
#define NAME_FILTER_SHIFT 14
#define NAME_FILTER_BITS  (1u << (32 - NAME_FILTER_SHIFT))

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
  guint count = 0;

  for (guint32 i = 0; i <= index->mask; i++)
    count += index->slots[i].hash != 0 && index->slots[i].length - 1 < 8;
  self->short_names_mask = dense_table_mask (count, 1);
  self->short_names = g_new0 (ShortName, self->short_names_mask + 1);
  for (guint32 s = 0; s <= index->mask; s++)
    {
      const QuotesWordSlot *slot = &index->slots[s];
      guint32 i;

      if (slot->hash == 0 || slot->length - 1 >= 8)
        continue;
      for (i = slot->hash & self->short_names_mask; self->short_names[i].word != 0; i = (i + 1) & self->short_names_mask)
        ;
      self->short_names[i].word = word_chunk (slot->key, slot->length);
      self->short_names[i].names = GPOINTER_TO_UINT (slot->value);
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
  guint count = 0;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint32 s = 0; s <= lists[l].index->mask; s++)
      count += lists[l].index->slots[s].hash != 0;
  /* The keys stay in the lists' indexes. */
  quotes_word_index_init_empty (&self->name_index, count);
  self->name_filter = g_new0 (guint64, NAME_FILTER_BITS / 64);
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
        self->name_filter[bit / 64] |= G_GUINT64_CONSTANT (1) << bit % 64;
      }
  index_short_names (self);
}

static QuotesLexicon *
quotes_lexicon_load (void)
{
  QuotesLexicon *self = g_new0 (QuotesLexicon, 1);
  WordTable *tables[] = {
    &self->cues, &self->titles, &self->honorifics, &self->title_modifiers,
    &self->places_and_orgs, &self->org_words, &self->org_roles,
    &self->role_nouns, &self->first_names, &self->non_names,
    &self->platforms, &self->pronouns, &self->descriptors, &self->abbreviations,
    &self->name_particles, &self->cue_fillers, &self->cue_starts,
  };
  GStringChunk *keys = g_string_chunk_new (64 * 1024);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    word_table_init (tables[i], keys);
  self->nationalities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->org_aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->boilerplate = g_ptr_array_new_with_free_func (g_free);

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
  for_each_line ("nationalities.txt", add_nationality_line, self->nationalities);
  for_each_line ("org-aliases.txt", add_nationality_line, self->org_aliases);
  load_table (&self->abbreviations, "abbreviations.txt", NULL, FALSE);
  load_table (&self->name_particles, "name-particles.txt", NULL, FALSE);
  load_table (&self->cue_fillers, "cue-fillers.txt", NULL, FALSE);
  collect_abbreviations (self, tables, G_N_ELEMENTS (tables));
  index_abbreviation_shapes (self);
  collect_word_classes (self);
  for_each_line ("boilerplate.txt", add_boilerplate_line, self->boilerplate);
  index_boilerplate (self);

  /* Each list's keys next to each other, out of the loading's chunk. */
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      quotes_word_index_pack_keys (&tables[i]->index);
      quotes_word_index_pack_keys (&tables[i]->starts_index);
      tables[i]->keys = NULL;
      /* Not for the long lists of places and first names: they are asked
       * of phrases, through the name classes, or seldom, and would cost
       * every start more than they spare. */
      if (tables[i] != &self->places_and_orgs && tables[i] != &self->first_names)
        index_short_keys (&tables[i]->index, &tables[i]->short_index);
      index_short_keys (&tables[i]->starts_index, &tables[i]->short_starts);
    }
  self->list_words = keys;
  quotes_word_index_init (&self->nationality_index, self->nationalities);
  index_dense_words (self);
  index_names (self);

  return self;
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
                   gsize          length)
{
  guint32 hash = quotes_word_hash (word, length);
  gpointer names = NULL;

  if (!may_be_name (self, hash))
    return QUOTES_NAME_LOOKED_UP;
  quotes_word_index_lookup_hashed (&self->name_index, word, length, hash, &names);
  return GPOINTER_TO_UINT (names) | QUOTES_NAME_LOOKED_UP;
}

/* The QuotesNameClass bits of @word (@length bytes, as written). */
guint
quotes_lexicon_name_classes (QuotesLexicon *self,
                             const char    *word,
                             gsize          length)
{
  guint64 chunk;
  guint32 hash;

  if (length - 1 >= 8)
    return long_name_classes (self, word, length);
  chunk = word_chunk (word, length);
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

QuotesLexicon *
quotes_lexicon_get_default (void)
{
  static gsize loaded = 0;
  static QuotesLexicon *lexicon = NULL;

  if (g_once_init_enter (&loaded))
    {
      lexicon = quotes_lexicon_load ();
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
  gpointer country = NULL;

  quotes_word_index_lookup (&self->nationality_index, word, length < 0 ? strlen (word) : (gsize) length, &country);
  return country;
}

const char *
quotes_lexicon_org_alias (QuotesLexicon *self,
                          const char    *name)
{
  return g_hash_table_lookup (self->org_aliases, name);
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
      const char *start = g_ptr_array_index (self->boilerplate, i);
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
  return index_lookup (&self->cues.starts_index, &self->cues.short_starts, lower, strlen (lower), NULL);
}

/* Whether a multiword title or descriptor can start with @lower. */
gboolean
quotes_lexicon_starts_title (QuotesLexicon *self,
                             const char    *lower)
{
  return index_lookup (&self->titles.starts_index, &self->titles.short_starts, lower, strlen (lower), NULL);
}

gboolean
quotes_lexicon_starts_descriptor (QuotesLexicon *self,
                                  const char    *lower)
{
  return index_lookup (&self->descriptors.starts_index, &self->descriptors.short_starts, lower, strlen (lower), NULL);
}
