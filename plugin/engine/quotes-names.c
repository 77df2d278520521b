/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Folding names to a spelling-independent key. Transliteration is ICU's: it
 * knows every script a news text may quote a name in, which no hand-made
 * table would. Cyrillic goes through the BGN romanization first, the one
 * English-language news uses ("Кравець" -> "Kravets", not ISO's "Kravec").
 */

#include "config.h"

#include <string.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "quotes-byte-chunks-private.h"
#include "quotes-names.h"

#define MIN_FUZZY_LENGTH 6

static UTransliterator *
shared_transliterator (void)
{
  static gsize once = 0;
  static UTransliterator *transliterator = NULL;

  if (g_once_init_enter (&once))
    {
      UErrorCode status = U_ZERO_ERROR;
      UParseError parse_error;
      UChar id[64];

      u_uastrcpy (id, "Ukrainian-Latin/BGN; Any-Latin; Latin-ASCII");
      transliterator = utrans_openU (id, -1, UTRANS_FORWARD, NULL, 0, &parse_error, &status);
      if (U_FAILURE (status))
        transliterator = NULL;
      g_once_init_leave (&once, 1);
    }
  return transliterator;
}

/* ICU transliterators keep state while they work: one clone per thread. */
static UTransliterator *
thread_transliterator (void)
{
  static GPrivate clone = G_PRIVATE_INIT ((GDestroyNotify) utrans_close);
  UTransliterator *mine = g_private_get (&clone);

  if (mine == NULL && shared_transliterator () != NULL)
    {
      UErrorCode status = U_ZERO_ERROR;

      mine = utrans_clone (shared_transliterator (), &status);
      if (U_FAILURE (status))
        return NULL;
      g_private_set (&clone, mine);
    }
  return mine;
}

static char *
to_latin (const char *name,
          gssize      length)
{
  UTransliterator *transliterator = thread_transliterator ();
  UErrorCode status = U_ZERO_ERROR;
  g_autofree UChar *buffer = NULL;
  int32_t n = 0, capacity, limit;
  char *result;
  int32_t out = 0;

  if (transliterator == NULL)
    return g_strndup (name, length < 0 ? strlen (name) : (gsize) length);
  u_strFromUTF8 (NULL, 0, &n, name, length, &status);
  status = U_ZERO_ERROR;
  capacity = n * 4 + 16;
  buffer = g_new (UChar, capacity);
  u_strFromUTF8 (buffer, capacity, &n, name, length, &status);
  limit = n;
  utrans_transUChars (transliterator, buffer, &n, capacity, 0, &limit, &status);
  if (U_FAILURE (status))
    return g_strndup (name, length < 0 ? strlen (name) : (gsize) length);
  result = g_new (char, n * 4 + 1);
  status = U_ZERO_ERROR;
  u_strToUTF8 (result, n * 4 + 1, &out, buffer, n, &status);
  result[U_SUCCESS (status) ? out : 0] = '\0';
  return result;
}

/* @name is a stretch of a longer text: look at @length bytes only. */
static gboolean
is_ascii (const char *name,
          gsize       length)
{
  gsize i = 0;

  /* Eight bytes at a time: names are asked about at every turn. */
  for (; i + 8 <= length; i += 8)
    {
      guint64 chunk;

      memcpy (&chunk, name + i, 8);
      if ((chunk & QUOTES_BYTES (0x80)) != 0 ||
          ((chunk - QUOTES_BYTES (0x01)) & ~chunk & QUOTES_BYTES (0x80)) != 0)  /* a zero byte */
        return FALSE;
    }
  for (; i < length; i++)
    if ((guchar) name[i] >= 0x80 || name[i] == '\0')
      return FALSE;
  return TRUE;
}

#define MAX_REMEMBERED 4096

/* The key of a name that is not ASCII, through ICU, which takes tens of
 * thousands of instructions a name; the same names come again and again
 * (and "O’Brien" thousands of times in hostile text), so each thread
 * remembers the keys it made. Owned by the thread's table. */
static const char *fold_transliterated (const char *name,
                                        gsize       length);

/* Folds @length bytes of ASCII into @key, which has room for them. */
static void
fold_ascii (const char *latin,
            gsize       length,
            char       *key)
{
  char last = 0;
  gsize n = 0;

  for (gsize i = 0; i < length; i++)
    {
      /* c | 0x20 folds 'A'-'Z' onto 'a'-'z', and no other byte onto them:
       * one test for a letter, and its lower case, without a table. */
      char c = (char) ((guchar) latin[i] | 0x20);

      if ((guint) ((guchar) c - 'a') >= 26)
        continue;
      if (c == 'y' || c == 'j')
        c = 'i';
      if (c == last)
        continue;
      key[n++] = c;
      last = c;
    }
  key[n] = '\0';
}

static const char *
fold_transliterated (const char *name,
                     gsize       length)
{
  static GPrivate remembered = G_PRIVATE_INIT ((GDestroyNotify) g_hash_table_unref);
  GHashTable *keys = g_private_get (&remembered);
  g_autofree char *copy = g_strndup (name, length);
  g_autofree char *latin = NULL;
  char *key;

  if (keys == NULL)
    {
      keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_private_set (&remembered, keys);
    }
  key = g_hash_table_lookup (keys, copy);
  if (key != NULL)
    return key;
  if (g_hash_table_size (keys) >= MAX_REMEMBERED)
    g_hash_table_remove_all (keys);  /* a bound on memory; rare */
  latin = to_latin (name, length);
  key = g_malloc (strlen (latin) + 1);
  fold_ascii (latin, strlen (latin), key);
  g_hash_table_insert (keys, g_steal_pointer (&copy), key);
  return key;
}

/* Latin letters that Latin-ASCII spells with other letters rather than
 * takes accents off. */
static const struct
{
  gunichar    c;
  const char *letters;
} latin_spellings[] = {
  { 0x00A9, "c" }, { 0x00AE, "r" }, { 0x00C6, "ae" }, { 0x00D0, "d" }, { 0x00D8, "o" },
  { 0x00DE, "th" }, { 0x00DF, "ss" }, { 0x00E6, "ae" }, { 0x00F0, "d" }, { 0x00F8, "o" },
  { 0x00FE, "th" }, { 0x0110, "d" }, { 0x0111, "d" }, { 0x0126, "h" }, { 0x0127, "h" },
  { 0x0131, "i" }, { 0x0132, "ij" }, { 0x0133, "ij" }, { 0x0138, "q" }, { 0x013F, "l" },
  { 0x0140, "l" }, { 0x0141, "l" }, { 0x0142, "l" }, { 0x0149, "n" }, { 0x014A, "n" },
  { 0x014B, "n" }, { 0x0152, "oe" }, { 0x0153, "oe" }, { 0x0166, "t" }, { 0x0167, "t" },
  { 0x017F, "s" },
};

/* Appends to @latin the letters ICU turns @c into when it stands in Latin
 * text, as far as a key sees them: the plain letter of a letter with
 * accents ("é" -> 'e'), the spelling above, and nothing for punctuation
 * (an apostrophe, a dash), which becomes ASCII punctuation that keys drop.
 * Those are Latin-1, Latin Extended-A, the combining accents and General
 * Punctuation; FALSE for any other character, which only ICU knows. */
static gboolean
append_latin (gunichar  c,
              char     *latin,
              gsize    *n)
{
  gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n_parts;

  if (c >= 0x0300 && c <= 0x036F)
    return TRUE;  /* a combining accent, in text written decomposed */
  if (!(c >= 0x0080 && c <= 0x017F) && !(c >= 0x2000 && c <= 0x206F))
    return FALSE;
  n_parts = g_unichar_fully_decompose (c, FALSE, parts, G_N_ELEMENTS (parts));
  if (n_parts >= 2 && parts[0] < 0x80 && g_ascii_isalpha (parts[0]))
    {
      latin[(*n)++] = parts[0];  /* the accents are marks: dropped */
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (latin_spellings); i++)
    if (latin_spellings[i].c == c)
      {
        for (const char *l = latin_spellings[i].letters; *l != '\0'; l++)
          latin[(*n)++] = *l;
        return TRUE;
      }
  return !g_unichar_isalpha (c);
}

/* The key of a name in Latin letters with accents ("José", "O’Brien",
 * and the mojibake "JosÃ©"), without ICU, which takes a tenth of the time
 * of a whole analysis of a few megabytes to start; NULL when the name has
 * a character only ICU can transliterate. tests/test-names.c checks every
 * character this takes against ICU. */
static char *
fold_accented (const char *name,
               gsize       length)
{
  /* Each character here takes two bytes or more and gives two letters at most. */
  g_autofree char *latin = g_malloc (length + 1);
  gsize n = 0;
  char *key;

  for (const char *p = name; p < name + length; p = g_utf8_next_char (p))
    {
      if ((guchar) *p < 0x80)
        latin[n++] = *p;
      else if (!append_latin (g_utf8_get_char (p), latin, &n))
        return NULL;
    }
  key = g_malloc (n + 1);
  fold_ascii (latin, n, key);
  return key;
}

char *
quotes_name_fold_transliterated (const char *name,
                                 gssize      length)
{
  g_autofree char *latin = NULL;
  char *key;

  if (length < 0)
    length = strlen (name);
  latin = to_latin (name, length);
  key = g_malloc (strlen (latin) + 1);
  fold_ascii (latin, strlen (latin), key);
  return key;
}

char *
quotes_name_fold (const char *name,
                  gssize      length)
{
  char *key;

  if (length < 0)
    length = strlen (name);
  /* Most names are ASCII already: fold them straight from the text. */
  if (is_ascii (name, length))
    {
      key = g_malloc (length + 1);
      fold_ascii (name, length, key);
      return key;
    }
  if (memchr (name, '\0', length) == NULL && (key = fold_accented (name, length)) != NULL)
    return key;
  if (memchr (name, '\0', length) != NULL)
    {
      /* Not from an analysed text (those hold no NUL); not remembered,
       * as the copy that keys the table would stop at the NUL. */
      return quotes_name_fold_transliterated (name, length);
    }
  return g_strdup (fold_transliterated (name, length));
}

const char *
quotes_name_fold_into (const char *name,
                       gsize       length,
                       char       *buffer,
                       gsize       size)
{
  if (length + 1 > size || !is_ascii (name, length))
    return NULL;
  fold_ascii (name, length, buffer);
  return buffer;
}

gboolean
quotes_name_keys_close (const char *a,
                        const char *b)
{
  gsize la, lb;
  gsize i = 0;

  /* Close keys start alike, whether equal or not: most pairs differ at
   * once, and need neither their lengths nor a comparison. */
  if (a[0] != b[0])
    return FALSE;
  la = strlen (a);
  lb = strlen (b);
  if (strcmp (a, b) == 0)
    return TRUE;
  if (MIN (la, lb) < MIN_FUZZY_LENGTH || (la > lb ? la - lb : lb - la) > 1 || a[0] != b[0])
    return FALSE;
  while (i < la && i < lb && a[i] == b[i])
    i++;
  /* One substitution, insertion or deletion at i, the rest equal. */
  if (la == lb)
    return strcmp (a + i + 1, b + i + 1) == 0;
  return la > lb ? strcmp (a + i + 1, b + i) == 0 : strcmp (a + i, b + i + 1) == 0;
}
