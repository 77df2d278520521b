/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Internal to the engine library: hidden, so that its files call each other
 * directly, not through the PLT, and the compiler may inline. */
#pragma GCC visibility push(hidden)

/*
 * The word lists of data/lexicons, compiled in as a GResource and loaded
 * once. A lexicon is immutable after loading, so analyses on several
 * threads share one.
 */

typedef enum
{
  QUOTES_CUE_QUOTATION = 1 << 0,  /* attributes a quotation in marks: “…,” she said */
  QUOTES_CUE_CLAUSE    = 1 << 1,  /* takes a reported clause: stressed that … */
  QUOTES_CUE_OBJECT    = 1 << 2,  /* takes an object first: urged X to …, accused X of … */
  QUOTES_CUE_BASE_FORM = 1 << 3,  /* the plain form, "call": after "a video" it is a noun */
  QUOTES_CUE_PARTICIPLE = 1 << 4, /* "urging": its subject is the sentence's */
} QuotesCueFlags;

typedef enum
{
  QUOTES_PRONOUN_SUBJECT,
  QUOTES_PRONOUN_OBJECT,
  QUOTES_PRONOUN_POSSESSIVE,
  QUOTES_PRONOUN_REFLEXIVE,
} QuotesPronounCase;

/* What lists a lower-case word is in, or begins an entry of: one look-up
 * per word when the text is cut up, so that later stages skip the look-ups
 * that cannot succeed. */
typedef enum
{
  QUOTES_WORD_COMMON     = 1 << 0,  /* a dictionary word */
  QUOTES_WORD_PRONOUN    = 1 << 1,
  QUOTES_WORD_ROLE       = 1 << 2,  /* "official", "statement" */
  QUOTES_WORD_CUE        = 1 << 3,  /* starts a reporting verb */
  QUOTES_WORD_TITLE      = 1 << 4,  /* starts a title */
  QUOTES_WORD_DESCRIPTOR = 1 << 5,  /* starts a descriptor noun */
  QUOTES_WORD_FILLER     = 1 << 6,  /* "also", "has" */
  QUOTES_WORD_MODIFIER   = 1 << 7,  /* "former" */
} QuotesWordClass;

/* What lists a word or phrase is in as written, from one hash of it: the
 * mention stage asks this of the same capitalised words many times over,
 * and the document keeps the answer per token (quotes_document_token_names). */
typedef enum
{
  QUOTES_NAME_PLACE        = 1 << 0,
  QUOTES_NAME_ORG          = 1 << 1,  /* a known organization */
  QUOTES_NAME_STARTS_PLACE_OR_ORG = 1 << 2,  /* the first word of a multiword place or organization */
  QUOTES_NAME_PARTICLE     = 1 << 3,  /* "von", "der" */
  QUOTES_NAME_ORG_WORD     = 1 << 4,  /* "Department", "Party" */
  QUOTES_NAME_NON_NAME     = 1 << 5,
  QUOTES_NAME_HONORIFIC    = 1 << 6,
  QUOTES_NAME_FIRST_NAME   = 1 << 7,
  QUOTES_NAME_NATIONALITY  = 1 << 8,
  QUOTES_NAME_PLATFORM     = 1 << 9,
  QUOTES_NAME_LOOKED_UP    = 1 << 10, /* set in every answer, so that 0 can mean "not yet asked" */
} QuotesNameClass;

/* The QuotesGender of an honorific or a first name, in a QuotesNameClass answer. */
#define QUOTES_NAME_HONORIFIC_GENDER_SHIFT  12
#define QUOTES_NAME_FIRST_NAME_GENDER_SHIFT 16
#define QUOTES_NAME_HONORIFIC_GENDER(names)  (((names) >> QUOTES_NAME_HONORIFIC_GENDER_SHIFT) & 0xf)
#define QUOTES_NAME_FIRST_NAME_GENDER(names) (((names) >> QUOTES_NAME_FIRST_NAME_GENDER_SHIFT) & 0xf)
#define QUOTES_NAME_FIRST_NAME_WITH_GENDER(gender) \
  (QUOTES_NAME_FIRST_NAME | (guint) (gender) << QUOTES_NAME_FIRST_NAME_GENDER_SHIFT)

typedef struct _QuotesLexicon QuotesLexicon;

/* Words are looked up as written unless the function says "lower": then
 * the caller passes the lower-case form. Multiword entries are stored with
 * single spaces between words. A @length of -1 means @word ends in a NUL;
 * with a length, @word may be a stretch of the text itself. */
QuotesLexicon *quotes_lexicon_get_default    (void);
guint          quotes_lexicon_word_classes   (QuotesLexicon *self, const char *lower);
guint          quotes_lexicon_word_classes_len (QuotesLexicon *self, const char *lower, gsize length);
guint          quotes_lexicon_short_word_classes (QuotesLexicon *self, guint64 chunk, guint32 hash);

/* The tables quotes_lexicon_short_word_classes and
 * quotes_lexicon_word_classes_hashed look in for ASCII words of up to
 * sixteen bytes, for the tokenizer, which asks them about nearly every
 * word: probed inline, without a call and the loads of the table's fields
 * each time.
 *
 * A word's slot is in the bucket its hash picks, four slots within a
 * cache line that a look-up reads and compares all of, without a branch:
 * a loop that stopped at the word mispredicted its exit on most words. A
 * bucket that filled up sends its further words on to the next one, and
 * says so with its bit in the overflow bits. */
#define QUOTES_DENSE_SHORT_SLOTS 4  /* a bucket of short words: four numbers */
#define QUOTES_DENSE_MID_SLOTS   4  /* of mid words: two numbers each */

typedef struct
{
  const guint64 *words;         /* up to eight bytes; 0: a free slot */
  const guint8  *overflow;      /* a bit per bucket */
  guint32        mask;          /* of the bucket numbers */
  const guint64 *mid_words;     /* 9 to 16 bytes */
  const guint8  *mid_overflow;
  guint32        mid_mask;
} QuotesDenseWords;

void           quotes_lexicon_dense_words    (QuotesLexicon *self, QuotesDenseWords *table);

/* ASCII words leave the top bit of every byte free: the slot of a word is
 * its chunks (as quotes_word_hash reads them), with its eight class bits
 * in the top bits of the first chunk's bytes, bit k in byte k. */
#define QUOTES_DENSE_TOP_BITS G_GUINT64_CONSTANT (0x8080808080808080)

/* The class bits of a slot whose first number is @chunk: the top bit of
 * byte k moved to bit 56 + k by one multiplication (each factor's bit
 * lands on its own bit, none carry). */
static inline guint
quotes_dense_words_gather_classes (guint64 chunk)
{
  return ((chunk & QUOTES_DENSE_TOP_BITS) * G_GUINT64_CONSTANT (0x0002040810204081)) >> 56;
}

static inline gboolean
quotes_dense_words_overflowed (const guint8 *overflow,
                               guint32       bucket)
{
  return (overflow[bucket / 8] >> (bucket % 8)) & 1;
}

/* The slot of the lower-case ASCII word of 1 to 8 bytes @chunk (its bytes
 * as a little-endian number, zeros after them), with quotes_word_hash
 * @hash: the word and its classes (quotes_dense_words_gather_classes), or
 * 0 when the table does not hold it. */
static inline guint64
quotes_dense_words_short_slot (const QuotesDenseWords *table,
                               guint64                 chunk,
                               guint32                 hash)
{
  for (guint32 b = hash & table->mask;; b = (b + 1) & table->mask)
    {
      const guint64 *slots = table->words + (gsize) b * QUOTES_DENSE_SHORT_SLOTS;
      guint64 found = 0;

      for (guint i = 0; i < QUOTES_DENSE_SHORT_SLOTS; i++)
        found |= (slots[i] & ~QUOTES_DENSE_TOP_BITS) == chunk ? slots[i] : 0;
      /* A word is never 0, nor is its slot. */
      if (found != 0 || !quotes_dense_words_overflowed (table->overflow, b))
        return found;
    }
}

static inline guint
quotes_dense_words_short_classes (const QuotesDenseWords *table,
                                  guint64                 chunk,
                                  guint32                 hash)
{
  return quotes_dense_words_gather_classes (quotes_dense_words_short_slot (table, chunk, hash));
}

/* The first number of the slot of the lower-case ASCII word of 9 to 16
 * bytes whose chunks are @head and @tail, with quotes_word_hash @hash, or
 * 0 when the table does not hold it. */
static inline guint64
quotes_dense_words_mid_slot (const QuotesDenseWords *table,
                             guint64                 head,
                             guint64                 tail,
                             guint32                 hash)
{
  for (guint32 b = hash & table->mid_mask;; b = (b + 1) & table->mid_mask)
    {
      const guint64 *slots = table->mid_words + (gsize) b * 2 * QUOTES_DENSE_MID_SLOTS;
      guint64 found = 0;

      for (guint i = 0; i < QUOTES_DENSE_MID_SLOTS; i++)
        found |= (((slots[2 * i] & ~QUOTES_DENSE_TOP_BITS) == head) & (slots[2 * i + 1] == tail)) ? slots[2 * i] : 0;
      if (found != 0 || !quotes_dense_words_overflowed (table->mid_overflow, b))
        return found;
    }
}

static inline guint
quotes_dense_words_mid_classes (const QuotesDenseWords *table,
                                guint64                 head,
                                guint64                 tail,
                                guint32                 hash)
{
  return quotes_dense_words_gather_classes (quotes_dense_words_mid_slot (table, head, tail, hash));
}

guint          quotes_lexicon_word_classes_hashed (QuotesLexicon *self, const char *lower, gsize length,
                                                   guint32 hash);

guint          quotes_lexicon_name_classes   (QuotesLexicon *self, const char *word, gsize length);
guint          quotes_lexicon_name_classes_in (QuotesLexicon *self, const char *word, gsize length,
                                               const char *limit);

guint     quotes_lexicon_cue_flags           (QuotesLexicon *self, const char *lower);
gboolean  quotes_lexicon_is_cue_start        (QuotesLexicon *self, const char *lower);
gboolean  quotes_lexicon_starts_cue          (QuotesLexicon *self, const char *lower);
guint     quotes_lexicon_cue_max_words       (QuotesLexicon *self);
gboolean  quotes_lexicon_title               (QuotesLexicon *self, const char *lower, guint *gender);
gboolean  quotes_lexicon_starts_title        (QuotesLexicon *self, const char *lower);
gboolean  quotes_lexicon_starts_descriptor   (QuotesLexicon *self, const char *lower);
guint     quotes_lexicon_title_max_words     (QuotesLexicon *self);
gboolean  quotes_lexicon_honorific           (QuotesLexicon *self, const char *word, gssize length, guint *gender);
gboolean  quotes_lexicon_is_honorific_word   (QuotesLexicon *self, const char *word, gssize length);
gboolean  quotes_lexicon_is_title_modifier   (QuotesLexicon *self, const char *lower);
const char *quotes_lexicon_nationality       (QuotesLexicon *self, const char *word, gssize length);
gboolean  quotes_lexicon_is_place            (QuotesLexicon *self, const char *name, gssize length);
gboolean  quotes_lexicon_is_known_org        (QuotesLexicon *self, const char *name, gssize length);
/* The name an organization goes by when @name is another of its names
 * ("HuffPo": "Huffington Post"), or NULL. */
const char *quotes_lexicon_org_alias         (QuotesLexicon *self, const char *name);
guint     quotes_lexicon_name_max_words      (QuotesLexicon *self);
gboolean  quotes_lexicon_is_org_word         (QuotesLexicon *self, const char *word, gssize length);
gboolean  quotes_lexicon_is_org_role         (QuotesLexicon *self, const char *lower);
gboolean  quotes_lexicon_role_noun           (QuotesLexicon *self, const char *lower, gboolean *is_person);
gboolean  quotes_lexicon_first_name          (QuotesLexicon *self, const char *name, gssize length, guint *gender);
gboolean  quotes_lexicon_is_non_name         (QuotesLexicon *self, const char *word, gssize length);
gint      quotes_lexicon_platform            (QuotesLexicon *self, const char *name, gssize length);
gboolean  quotes_lexicon_pronoun             (QuotesLexicon *self, const char *lower, guint *gender, guint *pcase);
gboolean  quotes_lexicon_descriptor          (QuotesLexicon *self, const char *lower, guint *gender);
guint     quotes_lexicon_descriptor_max_words (QuotesLexicon *self);
gboolean  quotes_lexicon_is_common_word      (QuotesLexicon *self, const char *lower);
gboolean  quotes_lexicon_is_name_particle    (QuotesLexicon *self, const char *word, gssize length);
gboolean  quotes_lexicon_is_cue_filler       (QuotesLexicon *self, const char *lower);
gboolean  quotes_lexicon_is_abbreviation     (QuotesLexicon *self, const char *word);
gboolean  quotes_lexicon_may_be_abbreviation (QuotesLexicon *self, const char *word, gsize n);
gboolean  quotes_lexicon_is_boilerplate_line (QuotesLexicon *self, const char *line, gsize length);

gboolean  quotes_locale_lowers_i_plainly    (void);

/* Lower-cases @n bytes of @text into @out (@n + 1 bytes) as g_utf8_strdown
 * would, when that is plain ASCII folding: only ASCII, and no 'I' unless
 * @ascii_i, what quotes_locale_lowers_i_plainly said (Turkish and Azeri
 * lower it to a dotless i; no other ASCII letter depends on the locale,
 * nor, in a word of ASCII only, on the next). FALSE, for g_utf8_strdown,
 * otherwise. */
static inline gboolean
quotes_ascii_strdown_in_locale (const char *text,
                                gsize       n,
                                char       *out,
                                gboolean    ascii_i)
{
  for (gsize i = 0; i < n; i++)
    {
      char c = text[i];

      if ((guchar) c >= 0x80 || (c == 'I' && !ascii_i))
        return FALSE;
      out[i] = c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
  out[n] = '\0';
  return TRUE;
}

/* quotes_ascii_strdown_in_locale without asking the locale: no 'I'. */
static inline gboolean
quotes_ascii_strdown (const char *text,
                      gsize       n,
                      char       *out)
{
  return quotes_ascii_strdown_in_locale (text, n, out, FALSE);
}

#pragma GCC visibility pop

G_END_DECLS
