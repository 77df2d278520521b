/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * The first stage: paragraphs, tokens and sentences.
 *
 * Written by hand rather than with ICU's break iterators: those know nothing
 * of quote marks, name abbreviations ("Mr.", "U.S.") or possessives, and the
 * stages after this one need all three, at the speed of a single pass.
 */

#include "config.h"

#include <string.h>

#include "quotes-byte-chunks-private.h"
#include "quotes-document.h"
#include "quotes-huge-pages-private.h"
#include "quotes-marks-private.h"
#include "quotes-word-index.h"

#define LONG_LINE 100  /* bytes; a text with such lines is not hard-wrapped */

static inline gunichar
char_at (const char *text,
         gsize       pos,
         gsize       end)
{
  if (pos >= end)
    return 0;
  if ((guchar) text[pos] < 0x80)
    return (guchar) text[pos];
  return g_utf8_get_char (text + pos);
}

static inline gsize
next_pos (const char *text,
          gsize       pos)
{
  return pos + g_utf8_skip[(guchar) text[pos]];
}

/* U+2010 to U+2027: the dashes, the curly quote marks and apostrophes, the
 * ellipsis and the like, most of the characters of news text that are not
 * ASCII. All are punctuation: no letter, digit, mark, space or zero-width
 * character, which the tests below need not ask GLib about. */
static inline gboolean
is_general_punctuation (gunichar c)
{
  return c - 0x2010 <= 0x2027 - 0x2010;
}

static inline gboolean
is_alnum (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);
  if (is_general_punctuation (c))
    return FALSE;
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* g_unichar_isalpha, g_unichar_isdigit and g_unichar_isupper, without a
 * call for ASCII, where they say what the g_ascii_ ones do. */
static inline gboolean
is_alpha (gunichar c)
{
  return c < 0x80 ? g_ascii_isalpha (c) : g_unichar_isalpha (c);
}

static inline gboolean
is_digit (gunichar c)
{
  return c < 0x80 ? g_ascii_isdigit (c) : g_unichar_isdigit (c);
}

static inline gboolean
is_upper (gunichar c)
{
  return c < 0x80 ? g_ascii_isupper (c) : g_unichar_isupper (c);
}

static inline gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x02BC;
}

static inline gboolean
is_hyphen (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011;
}

/* Where the ASCII letters and digits from @pos end: eight bytes at a time,
 * so that a word costs one test and not a mispredicted loop exit. Bytes
 * from 0x80 up end the run, as g_ascii_isalnum would. */
static inline gsize
alnum_run_end (const char *text,
               gsize       pos,
               gsize       end)
{
  while (pos + 8 <= end)
    {
      guint64 chunk, high, alnum, other;

      memcpy (&chunk, text + pos, 8);
      chunk = GUINT64_FROM_LE (chunk);
      high = chunk & QUOTES_BYTES (0x80);
      chunk &= QUOTES_BYTES (0x7f);  /* keeps the sums below from carrying */
      /* c | 0x20 folds 'A'-'Z' onto 'a'-'z' and no other byte onto them. */
      alnum = quotes_bytes_between (chunk, '0', '9') | quotes_bytes_between (chunk | QUOTES_BYTES (0x20), 'a', 'z');
      other = (~alnum & QUOTES_BYTES (0x80)) | high;
      if (other != 0)
        return pos + (quotes_lowest_bit (other) >> 3);
      pos += 8;
    }
  while (pos < end && g_ascii_isalnum (text[pos]))
    pos++;
  return pos;
}

/* Reads letters and digits, with apostrophes and hyphens inside the word
 * ("don't", "O'Brien", "Stratford-upon-Avon") and decimal points inside numbers. */
static gsize
read_word (const char *text,
           gsize       pos,
           gsize       end,
           guint16    *flags)
{
  while (pos < end)
    {
      gunichar c;

      /* Most of the text: ASCII letters and digits. */
      pos = alnum_run_end (text, pos, end);
      if (pos >= end)
        break;
      c = char_at (text, pos, end);
      if (is_alnum (c))
        {
          pos = next_pos (text, pos);
          continue;
        }
      /* Only these may join two parts of a word: the rest end it. */
      if (!is_apostrophe (c) && !is_hyphen (c) && c != '.' && c != ',')
        break;
      if (pos + 1 < end)
        {
          gsize after = next_pos (text, pos);
          /* An ASCII byte is a whole character: no need to look back for its start. */
          gunichar prev = pos == 0 ? 0 : (guchar) text[pos - 1] < 0x80 ? (guchar) text[pos - 1]
                                                                         : g_utf8_get_char (g_utf8_prev_char (text + pos));
          gunichar next = char_at (text, after, end);

          if ((is_apostrophe (c) && is_alpha (next)) ||
              (is_hyphen (c) && is_alnum (next)) ||
              ((c == '.' || c == ',') && is_digit (prev) && is_digit (next)))
            {
              if (is_hyphen (c))
                *flags |= QUOTES_TOKEN_HYPHENATED;
              pos = after;
              continue;
            }
        }
      break;
    }
  return pos;
}

/* "U.S.", "e.g.", "a.m.": single letters each followed by a period. */
static gsize
read_initialism (const char *text,
                 gsize       start,
                 gsize       end)
{
  gsize pos = start;
  guint letters = 0;

  while (pos + 1 < end && g_ascii_isalpha (text[pos]) && text[pos + 1] == '.')
    {
      letters++;
      pos += 2;
    }
  return letters >= 2 ? pos : start;
}

static gboolean
takes_period (QuotesDocument *doc,
              gsize           start,
              gsize           end)
{
  char buffer[24];
  gsize n = end - start;

  if (n == 1 && g_ascii_isupper (doc->text[start]))
    return TRUE;  /* an initial: "J. K. Rowling" */
  if (n >= 3 && doc->text[end - 2] == '-' && g_ascii_isupper (doc->text[end - 1]))
    return TRUE;  /* "(D-N.Y.)": a party and a state's initials */
  if (end + 1 < doc->length && doc->text[end + 1] == ',')
    return TRUE;  /* "Glenn Thompson, R-Pa., said": a comma after the period ends nothing */
  if (n + 2 > sizeof buffer || !quotes_lexicon_may_be_abbreviation (doc->lexicon, doc->text + start, n))
    return FALSE;
  memcpy (buffer, doc->text + start, n);
  buffer[n] = '.';
  buffer[n + 1] = '\0';
  return quotes_lexicon_is_abbreviation (doc->lexicon, buffer);
}

/* @n bytes (at most eight) of the text from @pos, in the order of
 * quotes_word_hash's chunks; zeros after them. */
static inline guint64
read_chunk (const QuotesDocument *doc,
            gsize                 pos,
            gsize                 n)
{
  return quotes_text_chunk (doc->text + pos, doc->text + doc->length) & quotes_first_bytes (n);
}

/* Whether @b, after a run of ASCII letters and digits that ends in @last,
 * may join the run to more of the word (read_word), or make it an
 * initialism or abbreviation: bytes from 0x80 up may be letters, or the
 * apostrophe ’; a comma joins only digits ("1,000"). */
static inline gboolean
may_continue_word (guchar last,
                   guchar b)
{
  /* The four ASCII bytes that may, all below 64: bits of one constant, one
   * test for the space or punctuation mark that ends most words. */
  const guint64 joiners = (G_GUINT64_CONSTANT (1) << '\'') | (G_GUINT64_CONSTANT (1) << '-') |
                          (G_GUINT64_CONSTANT (1) << '.') | (G_GUINT64_CONSTANT (1) << ',');

  if (b >= 0x80)
    return TRUE;
  if (b >= 64 || !(joiners & (G_GUINT64_CONSTANT (1) << b)))
    return FALSE;
  return b != ',' || g_ascii_isdigit (last);
}

/* Whether the @n ASCII letters and digits from @pos, the first a letter,
 * are a whole word: the byte after them joins them to no more (see
 * may_continue_word), or is the period after a word ("said."), which is
 * neither inside a number nor an initialism ("U.S."), as the first two
 * bytes would be, nor one that takes_period gives an abbreviation. */
static inline gboolean
ends_word (QuotesDocument *doc,
           gsize           pos,
           guint           n)
{
  guchar last = (guchar) doc->text[pos + n - 1], b = (guchar) doc->text[pos + n];

  if (!may_continue_word (last, b))
    return TRUE;
  return b == '.' && n >= 2 && !g_ascii_isdigit (last) && !takes_period (doc, pos, pos + n);
}

/* 0x80 in each byte of @chunk that is an ASCII letter or digit. */
static inline guint64
alnum_bytes (guint64 chunk)
{
  /* Bytes from 0x80 up count as not alnum; may_continue_word sends them on. */
  return (quotes_bytes_between (chunk & QUOTES_BYTES (0x7f), '0', '9') |
          quotes_bytes_between ((chunk & QUOTES_BYTES (0x7f)) | QUOTES_BYTES (0x20), 'a', 'z')) & ~chunk;
}

/* QUOTES_TOKEN_THE_WHO_WHICH for @chunk, a word's bytes as written and
 * zeros after them, when it is "the", "who" or "which"; 0 for any other. */
static inline guint
the_who_which_flag (guint64 chunk)
{
  const guint64 the = 't' | 'h' << 8 | 'e' << 16;
  const guint64 who = 'w' | 'h' << 8 | 'o' << 16;
  const guint64 which = 'w' | 'h' << 8 | 'i' << 16 | (guint64) 'c' << 24 | (guint64) 'h' << 32;

  return ((chunk == the) | (chunk == who) | (chunk == which)) * QUOTES_TOKEN_THE_WHO_WHICH;
}

/* A text uses few words, again and again, and the dense tables hold tens
 * of thousands, more than the cache keeps: a look-up there waited for
 * memory on most words. So the tokenizer keeps the slots it found last in
 * smaller tables of its own, one slot for each number a hash picks, which
 * stay in the cache: in news, nineteen short words in twenty and four mid
 * words in five are found there (tables a quarter the size took 3% longer
 * in all). The others it asks the processor to load from the dense tables,
 * and looks up when the paragraph is read (or the token array grows: at
 * most TOKEN_BLOCK words wait), their classes 0 until then. */
#define SHORT_CACHE_BITS 14  /* slots of eight bytes: 128 KB */
#define MID_CACHE_BITS   12  /* of sixteen bytes: 64 KB */
#define SHORT_CACHE      (1 << SHORT_CACHE_BITS)
#define MID_CACHE        (1 << MID_CACHE_BITS)
#define TOKEN_BLOCK 256

/* The small tables' slot for a word, from one multiplication: the load
 * waits for it on every word, and the dense tables' hash, two
 * multiplications and more, is needed only for the few words they miss. */
static inline guint
short_cache_slot (guint64 head)
{
  return (head * QUOTES_WORD_HASH_MULTIPLIER) >> (64 - SHORT_CACHE_BITS);
}

static inline guint
mid_cache_slot (guint64 head,
                guint64 tail)
{
  return ((head ^ tail * QUOTES_WORD_HASH_MULTIPLIER) * QUOTES_WORD_HASH_MULTIPLIER) >> (64 - MID_CACHE_BITS);
}

typedef struct
{
  QuotesToken *token;
  guint64      head;  /* the lower-case word as quotes_word_hash reads it */
  guint64      tail;  /* its bytes after eight; 0 for words of up to eight bytes */
  guint32      hash;
} WaitingWord;

typedef struct
{
  QuotesDenseWords table;
  guint64         *shorts;   /* a word as the table's slot has it, or the word alone: not in the table; 0: none */
  guint64         *mids;     /* two numbers a slot */
  WaitingWord     *waiting;  /* TOKEN_BLOCK of them */
  guint            n_waiting;
} WordLookup;

/* Notes a word missing from the small tables, and asks for its bucket. */
static inline void
wait_for_word (WordLookup  *lookup,
               QuotesToken *token,
               guint64      head,
               guint64      tail,
               guint32      hash)
{
#if defined(__GNUC__) || defined(__clang__)
  if (tail == 0)
    __builtin_prefetch (lookup->table.words + (gsize) (hash & lookup->table.mask) * QUOTES_DENSE_SHORT_SLOTS);
  else
    __builtin_prefetch (lookup->table.mid_words + (gsize) (hash & lookup->table.mid_mask) * 2 * QUOTES_DENSE_MID_SLOTS);
#endif
  lookup->waiting[lookup->n_waiting++] = (WaitingWord) { token, head, tail, hash };
}

/* Looks up the words waiting, into their tokens and the small tables. */
static void
look_up_waiting (WordLookup *lookup)
{
  for (guint i = 0; i < lookup->n_waiting; i++)
    {
      const WaitingWord *word = &lookup->waiting[i];
      guint64 *cached;

      if (word->tail == 0)
        {
          cached = &lookup->shorts[short_cache_slot (word->head)];
          *cached = quotes_dense_words_short_slot (&lookup->table, word->head, word->hash) | word->head;
        }
      else
        {
          cached = &lookup->mids[2 * mid_cache_slot (word->head, word->tail)];
          cached[0] = quotes_dense_words_mid_slot (&lookup->table, word->head, word->tail, word->hash) | word->head;
          cached[1] = word->tail;
        }
      word->token->lex = quotes_dense_words_gather_classes (cached[0]);
    }
  lookup->n_waiting = 0;
}

/* The classes of the short word @chunk, @n bytes, for @token, or 0 until
 * look_up_waiting. */
static inline guint
look_up_short (WordLookup  *lookup,
               QuotesToken *token,
               guint64      chunk,
               gsize        n)
{
  guint64 cached = lookup->shorts[short_cache_slot (chunk)];

  if ((cached & ~QUOTES_DENSE_TOP_BITS) == chunk)
    return quotes_dense_words_gather_classes (cached);
  wait_for_word (lookup, token, chunk, 0, quotes_word_hash_end (quotes_word_hash_chunk (0, chunk), n));
  return 0;
}

static inline guint
look_up_mid (WordLookup  *lookup,
             QuotesToken *token,
             guint64      head,
             guint64      tail,
             gsize        n)
{
  const guint64 *cached = &lookup->mids[2 * mid_cache_slot (head, tail)];

  if ((cached[0] & ~QUOTES_DENSE_TOP_BITS) == head && cached[1] == tail)
    return quotes_dense_words_gather_classes (cached[0]);
  wait_for_word (lookup, token, head, tail,
                 quotes_word_hash_end (quotes_word_hash_chunk (quotes_word_hash_chunk (0, head), tail), n));
  return 0;
}

/* Most words are ASCII: eight bytes at a time, without decoding, give their
 * case flags, and the lower-case form (without a possessive ending) and its
 * hash to look up their word classes with (0 until look_up_waiting, as
 * for the usual words). FALSE, with nothing set, for any other word. */
static gboolean
read_ascii_word (QuotesDocument *doc,
                 WordLookup     *lookup,
                 QuotesToken    *token)
{
  gsize length = quotes_document_token_length (doc, token);
  gsize n = quotes_document_token_base_length (doc, token);
  char lower[64 + 8];  /* whole chunks are written */
  guint64 lower_letters = 0, hash = 0, lowered_chunks[2] = { 0, 0 };
  guint upper_chunks = 0;
  gboolean two_upper = FALSE;

  for (gsize i = 0; i < length; i += 8)
    {
      guint64 chunk = read_chunk (doc, token->start + i, MIN (8, length - i));
      guint64 upper_bytes;

      if (chunk & QUOTES_BYTES (0x80))
        return FALSE;
      upper_bytes = quotes_bytes_between (chunk, 'A', 'Z');
      lower_letters |= quotes_bytes_between (chunk, 'a', 'z');
      /* Two capitals: two in this chunk, or one here and one before. */
      if (upper_bytes != 0)
        two_upper |= upper_chunks++ > 0 || (upper_bytes & (upper_bytes - 1)) != 0;
      if (i < n && n < 64)
        {
          /* 'A' | 0x20 is 'a'. */
          guint64 lowered = (chunk | (upper_bytes >> 2)) & quotes_first_bytes (n - i);

          hash = quotes_word_hash_chunk (hash, lowered);
          if (i < 16)
            lowered_chunks[i / 8] = lowered;
          lowered = GUINT64_TO_LE (lowered);
          memcpy (lower + i, &lowered, 8);
        }
    }
  token->flags |= QUOTES_TOKEN_ASCII;
  if (g_ascii_isupper (doc->text[token->start]))
    token->flags |= QUOTES_TOKEN_CAPITALIZED;
  if (two_upper && lower_letters == 0)
    token->flags |= QUOTES_TOKEN_ALL_CAPS;  /* two letters or more, all capitals */
  /* Through the small tables, as the usual words: "Mr.", "U.S." and the
   * like come again and again. Longer words are in no list. */
  if (n >= 1 && n <= 8)
    token->lex = look_up_short (lookup, token, lowered_chunks[0], n);
  else if (n > 8 && n <= 16)
    token->lex = look_up_mid (lookup, token, lowered_chunks[0], lowered_chunks[1], n);
  else
    token->lex = n >= 64 ? 0 : quotes_lexicon_word_classes_hashed (doc->lexicon, lower, n,
                                                                   quotes_word_hash_end (hash, n));
  return TRUE;
}

/* An ASCII word read from eight-byte loads, without a possessive ending,
 * with its classes @lex (0 while it waits: see WordLookup). Written
 * straight into the tokens: a token built elsewhere and copied is a load
 * from the smaller stores just made, which waits for them to be written. */
static inline void
set_ascii_word (QuotesToken *token,
                gsize        start,
                gsize        end,
                gboolean     capitalized,
                gboolean     all_caps,
                guint        lex)
{
  *token = (QuotesToken) {
    .start = start,
    .length = end - start,  /* under twenty bytes: never QUOTES_TOKEN_LONG */
    .lex = lex,
    .flags = QUOTES_TOKEN_ASCII | (capitalized ? QUOTES_TOKEN_CAPITALIZED : 0) | (all_caps ? QUOTES_TOKEN_ALL_CAPS : 0),
    .kind = QUOTES_TOKEN_WORD,
  };
}

/* read_short_ascii_word for a word of eight to fifteen ASCII letters and
 * digits, whose first eight are @head: the same from a second load, for
 * the long words of news ("government", "administration") that otherwise
 * went through read_word and read_ascii_word byte by byte and chunk by
 * chunk. Returns where it ends, or 0. */
static inline gsize
read_long_ascii_word (QuotesDocument *doc,
                      WordLookup     *lookup,
                      gsize           pos,
                      guint64         head,
                      QuotesToken    *token)
{
  guint64 tail, head_upper, tail_upper, lowered[2];
  guint n, lex;

  if (pos + 16 > doc->length)
    return 0;  /* past the paragraph's end is fine: see read_short_ascii_word */
  memcpy (&tail, doc->text + pos + 8, 8);
  tail = GUINT64_FROM_LE (tail);
  if ((~alnum_bytes (tail) & QUOTES_BYTES (0x80)) == 0)
    return 0;  /* sixteen bytes or more */
  n = 8 + (quotes_lowest_bit (~alnum_bytes (tail) & QUOTES_BYTES (0x80)) >> 3);
  if (!ends_word (doc, pos, n))
    return 0;
  tail &= quotes_first_bytes (n - 8);
  head_upper = quotes_bytes_between (head, 'A', 'Z');
  tail_upper = quotes_bytes_between (tail, 'A', 'Z');
  lowered[0] = head | (head_upper >> 2);  /* 'A' | 0x20 is 'a' */
  lowered[1] = tail | (tail_upper >> 2);

  /* As read_ascii_word looks them up: eight bytes in the table of short
   * words, more in that of mid words. */
  if (n == 8)
    lex = look_up_short (lookup, token, lowered[0], n);
  else
    lex = look_up_mid (lookup, token, lowered[0], lowered[1], n);
  /* All capitals: two capitals or more, and no small letter. */
  set_ascii_word (token, pos, pos + n, head_upper & 0x80,
                  ((head_upper != 0 && tail_upper != 0) || (head_upper & (head_upper - 1)) != 0 ||
                   (tail_upper & (tail_upper - 1)) != 0) &&
                  (quotes_bytes_between (head, 'a', 'z') | quotes_bytes_between (tail, 'a', 'z')) == 0,
                  lex);
  return pos + n;
}

/* read_short_ascii_word for a word of fewer than eight ASCII letters and
 * digits, the first @n bytes of @chunk, with a possessive ending, "'s" or
 * "’s" ("Trump's", the second word in news that read_token read), and a
 * byte after that ends it: what read_word, mark_possessive, and
 * read_ascii_word or (for "’s") set_case_flags would make of it. Returns
 * where it ends, or 0. */
static gsize
read_short_possessive (QuotesDocument *doc,
                       WordLookup     *lookup,
                       gsize           pos,
                       guint           n,
                       guint64         chunk,
                       QuotesToken    *token)
{
  const guchar *text = (const guchar *) doc->text + pos;
  guint64 upper_bytes, lowered;
  guint ending;
  guchar s, after;
  gboolean two_upper, lower;

  if (pos + n + 4 >= doc->length)
    return 0;
  if (text[n] == '\'')
    ending = 2;
  else if (text[n] == 0xe2 && text[n + 1] == 0x80 && text[n + 2] == 0x99)
    ending = 4;
  else
    return 0;
  s = text[n + ending - 1];
  after = text[n + ending];
  if ((s != 's' && s != 'S') || g_ascii_isalnum (after) || may_continue_word (s, after))
    return 0;
  chunk &= quotes_first_bytes (n);
  upper_bytes = quotes_bytes_between (chunk, 'A', 'Z');
  lowered = chunk | (upper_bytes >> 2);  /* 'A' | 0x20 is 'a' */
  /* All capitals, the ending's letter too: two capitals or more, and no
   * small letter. */
  two_upper = (upper_bytes & (upper_bytes - 1)) != 0 || (upper_bytes != 0 && s == 'S');
  lower = quotes_bytes_between (chunk, 'a', 'z') != 0 || s == 's';
  set_ascii_word (token, pos, pos + n + ending, upper_bytes & 0x80, two_upper && !lower,
                  look_up_short (lookup, token, lowered, n));
  token->flags |= QUOTES_TOKEN_POSSESSIVE;
  if (ending == 4)
    token->flags = (token->flags & ~QUOTES_TOKEN_ASCII) | QUOTES_TOKEN_CURLY_ENDING;
  return pos + n + ending;
}

/* Whether the eight bytes @chunk from where a token starts may start a URL
 * (starts_url): "http" or "www.". */
static inline gboolean
may_start_url (guint64 chunk)
{
  guint32 four = (guint32) chunk;

  return four == ('h' | 't' << 8 | 't' << 16 | (guint32) 'p' << 24) ||
         four == ('w' | 'w' << 8 | 'w' << 16 | (guint32) '.' << 24);
}

/* The usual word: fewer than eight ASCII letters and digits, starting with
 * a letter, ending before a space or a punctuation mark that cannot join
 * it to more. Read, flagged, lower-cased and looked up from one eight-byte
 * load, into @token: the work read_word, read_initialism, takes_period,
 * mark_possessive and read_ascii_word would do for it. Returns where it
 * ends, or 0 for any other token, which they read then. */
static inline gsize
read_short_ascii_word (QuotesDocument *doc,
                       WordLookup     *lookup,
                       gsize           pos,
                       QuotesToken    *token)
{
  guint64 chunk, alnum, upper_bytes, lowered;
  guint n;

  /* The load may reach past the paragraph's end, not the text's: a space
   * follows every paragraph (add_paragraph trims it off), which ends the
   * word there as the end would. */
  if (pos + 8 > doc->length)
    return 0;
  memcpy (&chunk, doc->text + pos, 8);
  chunk = GUINT64_FROM_LE (chunk);
  if (may_start_url (chunk))
    return 0;  /* read_token tells */
  alnum = alnum_bytes (chunk);
  if ((~alnum & QUOTES_BYTES (0x80)) == 0)
    return read_long_ascii_word (doc, lookup, pos, chunk, token);  /* eight bytes or more */
  n = quotes_lowest_bit (~alnum & QUOTES_BYTES (0x80)) >> 3;
  if (!ends_word (doc, pos, n))
    return read_short_possessive (doc, lookup, pos, n, chunk, token);
  chunk &= quotes_first_bytes (n);
  upper_bytes = quotes_bytes_between (chunk, 'A', 'Z');
  lowered = chunk | (upper_bytes >> 2);  /* 'A' | 0x20 is 'a' */

  /* All capitals: two capitals or more, and no small letter. */
  set_ascii_word (token, pos, pos + n, upper_bytes & 0x80,
                  (upper_bytes & (upper_bytes - 1)) != 0 && quotes_bytes_between (chunk, 'a', 'z') == 0,
                  look_up_short (lookup, token, lowered, n));
  token->flags |= the_who_which_flag (chunk);
  return pos + n;
}

static void
set_case_flags (const char  *text,
                gunichar     first,
                QuotesToken *token,
                gsize        end)
{
  gboolean ascii = TRUE;
  guint letters = 0, upper = 0;

  for (gsize p = token->start; p < end; p = next_pos (text, p))
    {
      gunichar c = char_at (text, p, end);

      ascii &= c < 0x80;
      if (is_alpha (c))
        {
          letters++;
          upper += is_upper (c);
        }
    }
  if (ascii)
    token->flags |= QUOTES_TOKEN_ASCII;
  if (is_upper (first))
    token->flags |= QUOTES_TOKEN_CAPITALIZED;
  if (letters >= 2 && upper == letters)
    token->flags |= QUOTES_TOKEN_ALL_CAPS;
}

static void
mark_possessive (const char  *text,
                 QuotesToken *token,
                 gsize        stop)
{
  const char *end = text + stop;
  gsize length = stop - token->start;

  if (length > 2 && (end[-1] == 's' || end[-1] == 'S'))
    {
      if (end[-2] == '\'')
        token->flags |= QUOTES_TOKEN_POSSESSIVE;  /* 's */
      else if (length > 4 && memcmp (end - 4, "\xe2\x80\x99", 3) == 0)
        token->flags |= QUOTES_TOKEN_POSSESSIVE | QUOTES_TOKEN_CURLY_ENDING;  /* ’s */
    }
}

static gsize
read_url (const char *text,
          gsize       pos,
          gsize       end)
{
  while (pos < end && !g_ascii_isspace (text[pos]) && (guchar) text[pos] >= 0x21)
    pos++;
  while (pos > 0 && strchr (".,;:!?)]”’\"'", text[pos - 1]) != NULL)
    pos--;
  return pos;
}

static gboolean
starts_url (const char *text,
            gsize       pos,
            gsize       end)
{
  if (text[pos] != 'h' && text[pos] != 'w')
    return FALSE;  /* most tokens */
  /* memcmp, which the compiler inlines: strncmp was a call for every such word. */
  return (end - pos > 8 && (memcmp (text + pos, "https://", 8) == 0 ||
                            memcmp (text + pos, "http://", 7) == 0)) ||
         (end - pos > 4 && memcmp (text + pos, "www.", 4) == 0);
}

static gsize
read_handle (const char *text,
             gsize       pos,
             gsize       end)
{
  gsize start = pos++;

  while (pos < end && (g_ascii_isalnum (text[pos]) || text[pos] == '_' ||
                       ((text[pos] == '.' || text[pos] == '@') && pos + 1 < end &&
                        g_ascii_isalnum (text[pos + 1]))))
    pos++;
  return pos - start > 1 ? pos : start;
}

/* "#PorteOuverte", "#НашКрим": a "#" and letters, digits or "_" after it,
 * the first a letter ("#1" is a rank). Returns its end, or @pos. */
static gsize
read_hashtag (const char *text,
              gsize       pos,
              gsize       end)
{
  gsize start = pos++;

  while (pos < end)
    {
      gunichar c = char_at (text, pos, end);

      if (pos == start + 1 ? !(c < 0x80 ? g_ascii_isalpha (c) : g_unichar_isalpha (c))
                           : !(c < 0x80 ? (g_ascii_isalnum (c) || c == '_') : g_unichar_isalnum (c)))
        break;
      pos = next_pos (text, pos);
    }
  return pos - start > 1 ? pos : start;
}

/* quotes_ascii_strdown for a word whose other characters are all from
 * U+2010 to U+2027 (is_general_punctuation), which have no case and which
 * g_utf8_strdown copies as they are: "don’t", "we’re", most of the
 * words that are not ASCII, without the allocation and the decoding. */
static gboolean
strdown_with_punctuation (const char *text,
                          gsize       n,
                          char       *out)
{
  for (gsize i = 0; i < n; i++)
    {
      guchar c = (guchar) text[i];

      if (c == 0xe2 && i + 3 <= n && (guchar) text[i + 1] == 0x80 &&
          (guchar) text[i + 2] - 0x90u <= 0xa7u - 0x90u)
        {
          memcpy (out + i, text + i, 3);
          i += 2;
          continue;
        }
      if (c >= 0x80 || c == 'I')  /* 'I' depends on the locale: see quotes_ascii_strdown */
        return FALSE;
      out[i] = g_ascii_tolower (c);
    }
  out[n] = '\0';
  return TRUE;
}

/* The word classes of a word that is not ASCII (read_ascii_word does the others). */
static guint8
word_classes (QuotesDocument    *doc,
              const QuotesToken *token)
{
  gsize n = quotes_document_token_base_length (doc, token);
  g_autofree char *folded = NULL;
  char ascii[64];

  if (n + 1 > 64)
    return 0;  /* as for ASCII words: longer words are in no list */
  /* "Trump’s": not ASCII as a whole, but its base is. */
  if (quotes_ascii_strdown (doc->text + token->start, n, ascii))
    return quotes_lexicon_word_classes_len (doc->lexicon, ascii, n);
  if (strdown_with_punctuation (doc->text + token->start, n, ascii))
    return quotes_lexicon_word_classes_len (doc->lexicon, ascii, n);
  folded = g_utf8_strdown (doc->text + token->start, n);
  return quotes_lexicon_word_classes (doc->lexicon, folded);
}

/* Reads the token that starts at @pos, whose first character is @c, but
 * is no word read_short_ascii_word reads; returns where it ends. Not
 * inlined: the registers of tokenize's loop are for the usual token. */
static G_GNUC_NO_INLINE gsize
read_token (QuotesDocument *doc,
            WordLookup     *lookup,
            gsize           pos,
            gsize           end,
            gunichar        c,
            QuotesToken    *token)
{
  const char *text = doc->text;
  gsize stop;

  token->start = pos;
  token->flags = 0;

  if (starts_url (text, pos, end))
    {
      token->kind = QUOTES_TOKEN_URL;
      stop = MAX (read_url (text, pos, end), next_pos (text, pos));
    }
  else if (c == '@' && (stop = read_handle (text, pos, end)) > pos)
    token->kind = QUOTES_TOKEN_HANDLE;
  else if (c == '#' && (stop = read_hashtag (text, pos, end)) > pos)
    token->kind = QUOTES_TOKEN_HASHTAG;
  else if (is_alnum (c))
    {
      gsize initialism = read_initialism (text, pos, end);

      if (initialism > pos)
        {
          stop = initialism;
          token->flags |= QUOTES_TOKEN_ABBREVIATION;
        }
      else
        {
          guint16 flags = 0;

          stop = read_word (text, pos, end, &flags);
          token->flags |= flags;
          if (stop < end && text[stop] == '.' && takes_period (doc, pos, stop))
            {
              stop++;
              token->flags |= QUOTES_TOKEN_ABBREVIATION;
            }
        }
      token->kind = (c < 0x80 ? g_ascii_isdigit (c) : g_unichar_isdigit (c)) ? QUOTES_TOKEN_NUMBER : QUOTES_TOKEN_WORD;
      for (gsize p = pos; token->kind == QUOTES_TOKEN_NUMBER && p < stop; p++)
        if (g_ascii_isalpha (text[p]))
          token->kind = QUOTES_TOKEN_WORD;
    }
  else if (c == '\'' && pos + 1 < end && text[pos + 1] == '\'' && (pos + 2 >= end || text[pos + 2] != '\''))
    {
      /* ''Like this'': two apostrophes stand for one double quote mark
       * in text that went through old typesetting systems. */
      token->kind = QUOTES_TOKEN_MARK;  /* quotes_document_token_first gives '"' */
      stop = pos + 2;
    }
  else
    {
      token->kind = quotes_marks_is_mark (c) ? QUOTES_TOKEN_MARK : QUOTES_TOKEN_PUNCT;
      stop = next_pos (text, pos);
    }

  quotes_document_set_token_end (doc, token, stop);
  token->lex = 0;
  if (token->kind == QUOTES_TOKEN_WORD)
    {
      if (stop - pos <= 8)
        token->flags |= the_who_which_flag (read_chunk (doc, pos, stop - pos));
      mark_possessive (text, token, stop);
      if (!read_ascii_word (doc, lookup, token))
        {
          set_case_flags (text, c, token, stop);
          token->lex = word_classes (doc, token);
        }
    }
  return stop;
}

/* Words of five bytes or more, and how many of them are capitalized: for
 * is_headline, counted as the tokens are made rather than in a second pass.
 * Shorter words are mostly the small ones a title leaves in lower case
 * ("from", "with", "into"); "4-Word" has no case. */
#define MIN_COUNTED_WORD 5

typedef struct
{
  guint words;
  guint capitalized;
} WordCounts;

/* The tokens of the paragraph being read that may end a sentence, a final
 * punctuation mark or an abbreviation, in order, so that split_sentences
 * visits these and not every token again. */
typedef struct
{
  guint32 *data;
  guint    len;
  guint    room;
} SentenceEnds;

static inline gboolean
ends_sentence (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

static inline void
sentence_ends_add (SentenceEnds *ends,
                   guint         token)
{
  if (G_UNLIKELY (ends->len == ends->room))
    {
      ends->room = MAX (2 * ends->room, 256);
      ends->data = g_renew (guint32, ends->data, ends->room);
    }
  ends->data[ends->len++] = token;
}

/* The tokens, paragraphs and sentences are written into their arrays, whose
 * lengths run ahead of these counts, a block at a time, and are cut to
 * them at the end of the text: g_array_append_val, like any call that
 * grows a GArray, works out the array's largest length with a division,
 * which took 5 ms on 30 MB of text for the paragraphs and sentences. */
typedef struct
{
  WordLookup   lookup;
  SentenceEnds ends;
  guint        populated;  /* tokens whose pages are faulted in */
  guint        n_tokens;
  guint        n_paragraphs;
  guint        n_sentences;
  guint        n_marks;
} Segmenter;

/* Where the element after the @n (counted up) in @array of @size-byte
 * elements goes. */
static inline gpointer
next_element (GArray *array,
              guint  *n,
              gsize   size)
{
  if (G_UNLIKELY (*n == array->len))
    quotes_document_grow (array);
  return array->data + (gsize) (*n)++ * size;
}

/* The marks' tokens are noted as they are read, for the quote-mark stage
 * to visit without a walk over every token. */
static inline void
note_mark (QuotesDocument *doc,
           Segmenter      *segmenter,
           guint           token)
{
  *(guint32 *) next_element (doc->mark_tokens, &segmenter->n_marks, sizeof (guint32)) = token;
}

/* How many tokens' pages populate_tokens faults in at a time: 512 KiB. */
#define POPULATE_TOKENS 65536

/* Faults in the pages of the token array ahead of the tokenizer, up to
 * @upto tokens and POPULATE_TOKENS more at a time (quotes_populate_pages),
 * but only in the room the document reserved, which the array keeps:
 * pages past the tokens a text needs would be memory for nothing. */
static void
populate_tokens (QuotesDocument *doc,
                 Segmenter      *segmenter,
                 guint           upto)
{
  gsize from = segmenter->populated;
  gsize to = MIN (MAX (upto, from + POPULATE_TOKENS), quotes_document_reserved_tokens (doc->length));

  if (to > from)
    quotes_populate_pages ((QuotesToken *) doc->tokens->data + from, (to - from) * sizeof (QuotesToken));
  segmenter->populated = MAX (to, upto);
}

/* Punctuation the tokenizer makes a token of without read_token: ASCII
 * but for letters, digits, spaces, the "@" and "#" of handles and
 * hashtags and the apostrophe, which may be half of a mark (''), and the
 * characters from U+2010 to U+2027 (is_general_punctuation), the dashes and
 * curly marks of news. Returns where it ends, or 0. */
static inline gsize
read_plain_punct (const char  *text,
                  gsize        pos,
                  gsize        end,
                  QuotesToken *token,
                  gunichar    *first)
{
  guchar b = (guchar) text[pos];
  gunichar c;
  gsize stop;

  if (b < 0x80)
    {
      if (g_ascii_isalnum (b) || g_ascii_isspace (b) || b == '@' || b == '#' || b == '\'')
        return 0;
      c = b;
      stop = pos + 1;
    }
  else
    {
      /* U+2010 to U+2027: E2 80 90 to E2 80 A7. */
      if (b != 0xe2 || pos + 3 > end || (guchar) text[pos + 1] != 0x80 ||
          (guchar) text[pos + 2] - 0x90u > 0xa7u - 0x90u)
        return 0;
      c = 0x2000 | ((guchar) text[pos + 2] & 0x3f);
      stop = pos + 3;
    }
  *first = c;
  *token = (QuotesToken) {
    .start = pos,
    .length = stop - pos,
    /* The marks of quotes_marks_is_mark among these characters, without
     * a call: '"' and U+2018 to U+201F. */
    .kind = c == '"' || c - 0x2018 <= 0x201f - 0x2018 ? QUOTES_TOKEN_MARK : QUOTES_TOKEN_PUNCT,
  };
  return stop;
}

/* Each token is read straight into doc->tokens, which grows a block at a
 * time (see Segmenter): no batch copied over, and no call per token. */
static void
tokenize (QuotesDocument  *doc,
          QuotesParagraph *paragraph,
          WordCounts      *counts,
          Segmenter       *segmenter)
{
  /* In locals, not read through @doc, @paragraph and @counts: the compiler
   * reloads those after every store into the tokens, which it cannot tell
   * apart from them. */
  const char *text = doc->text;
  gsize pos = paragraph->start, end = paragraph->end;
  guint n = segmenter->n_tokens, room = doc->tokens->len;
  guint words = counts->words, capitalized = counts->capitalized, first_mark = segmenter->n_marks;
  QuotesToken *tokens = (QuotesToken *) doc->tokens->data;
  /* A copy the compiler keeps apart from the tokens, as the text above. */
  WordLookup lookup = segmenter->lookup;

  paragraph->first_token = n;
  while (pos < end)
    {
      QuotesToken *token;
      guchar b = (guchar) text[pos];
      gunichar c;
      gsize stop;

      if (b == ' ')
        {
          pos++;  /* the usual gap, without decoding */
          continue;
        }
      if (n == room)
        {
          look_up_waiting (&lookup);  /* their tokens are about to move */
          room = n + TOKEN_BLOCK;
          g_array_set_size (doc->tokens, room);
          /* Only a block that moved needs the advice again: a mapping
           * keeps it as it grows in place, and a call for every block of
           * tokens was 70,000 system calls on 100 MB of text. */
          if (doc->tokens->data != (gchar *) tokens)
            quotes_prefer_huge_pages (doc->tokens->data);
          tokens = &g_array_index (doc->tokens, QuotesToken, 0);
          if (room > segmenter->populated)
            populate_tokens (doc, segmenter, room);
        }
      token = &tokens[n];
      /* The usual token, a short ASCII word, straight from its first byte:
       * no decoding, and no test the other tokens need. */
      if (g_ascii_isalpha (b) && (stop = read_short_ascii_word (doc, &lookup, pos, token)) > 0)
        {
          /* Counted without a branch: whether a word is that long is a toss-up. */
          guint counted = stop - pos >= MIN_COUNTED_WORD;

          words += counted;
          capitalized += counted & (token->flags & QUOTES_TOKEN_CAPITALIZED);
          /* The space after the word, without a turn of the loop: the word
           * ends before the paragraph does. */
          pos = stop + (text[stop] == ' ');
          n++;
          continue;
        }
      if ((stop = read_plain_punct (text, pos, end, token, &c)) > 0)
        {
          if (ends_sentence (c))
            sentence_ends_add (&segmenter->ends, n);
          if (token->kind == QUOTES_TOKEN_MARK)
            note_mark (doc, segmenter, n);
          pos = stop;
          n++;
          continue;
        }
      c = char_at (text, pos, end);
      if (c < 0x80 ? g_ascii_isspace (c)
                   : (!is_general_punctuation (c) &&
                      (g_unichar_isspace (c) || g_unichar_iszerowidth (c) || c == 0xFEFF)))
        {
          pos = next_pos (text, pos);
          continue;
        }
      pos = read_token (doc, &lookup, pos, end, c, token);
      /* c is the token's first character: a double quote mark made of
       * two apostrophes ('') ends no sentence either way. */
      if ((token->kind == QUOTES_TOKEN_PUNCT && ends_sentence (c)) || (token->flags & QUOTES_TOKEN_ABBREVIATION))
        sentence_ends_add (&segmenter->ends, n);
      if (token->kind == QUOTES_TOKEN_MARK)
        note_mark (doc, segmenter, n);
      if (token->kind == QUOTES_TOKEN_WORD && quotes_document_token_length (doc, token) >= MIN_COUNTED_WORD && !g_ascii_isdigit (c))
        {
          words++;
          capitalized += (token->flags & QUOTES_TOKEN_CAPITALIZED) != 0;
        }
      n++;
    }
  look_up_waiting (&lookup);
  counts->words = words;
  counts->capitalized = capitalized;
  paragraph->marks = segmenter->n_marks - first_mark;
  segmenter->n_tokens = n;
  paragraph->end_token = n;
  if (paragraph->end_token > paragraph->first_token)
    g_array_index (doc->tokens, QuotesToken, paragraph->first_token).flags |= QUOTES_TOKEN_PARA_START;
}

/* Title Case lines ("Key Leader Gunned Down in Sindh") capitalise common
 * words, so later stages must not read their capitals as names. */
static gboolean
is_headline (const WordCounts *counts)
{
  return counts->words >= 3 && counts->capitalized * 20 >= counts->words * 17;
}

/* What may trail a sentence's final period: more final punctuation, and
 * closing marks or brackets written right after it. A mark after a space
 * opens the next sentence instead. */
static gboolean
is_attached_closing (QuotesDocument *doc,
                     guint           index)
{
  const QuotesToken *token = quotes_document_token (doc, index);
  const QuotesToken *before = quotes_document_token (doc, index - 1);

  if (token->kind == QUOTES_TOKEN_PUNCT && ends_sentence (quotes_document_token_first (doc, token)))
    return TRUE;
  if (token->start != quotes_document_token_end (doc, before))
    return FALSE;
  return token->kind == QUOTES_TOKEN_MARK || doc->text[token->start] == ')' || doc->text[token->start] == ']';
}

/* After "U.S." or "Inc." a new sentence starts only when a word that opens
 * sentences follows: "the U.S. The talks" but not "U.S. President" or "U.S.
 * Department". */
static gboolean
abbreviation_ends_sentence (QuotesDocument    *doc,
                            const QuotesToken *abbreviation,
                            guint              next)
{
  char word[64];
  char lower[64];
  gsize n = quotes_document_token_length (doc, abbreviation);
  guint gender;

  /* "Donald J. Trump": a middle initial, even before a common word. */
  if (n + 1 > sizeof word || (n == 2 && g_ascii_isupper (doc->text[abbreviation->start])))
    return FALSE;
  memcpy (word, doc->text + abbreviation->start, n);
  word[n] = '\0';
  if (quotes_lexicon_honorific (doc->lexicon, word, -1, &gender) ||
      quotes_document_token_lower (doc, next, lower, sizeof lower) == NULL)
    return FALSE;
  {
    g_autofree char *lower_abbr = g_ascii_strdown (word, -1);
    if (quotes_lexicon_title (doc->lexicon, lower_abbr, &gender))
      return FALSE;
  }
  /* "the U.S. The talks", "the U.S. While Clinton …", but not "the U.S.
   * Department of Health": a word that opens sentences, not a noun that
   * goes on with the name. */
  return quotes_lexicon_pronoun (doc->lexicon, lower, NULL, NULL) || quotes_document_is_sentence_opener (lower);
}

static gboolean
starts_sentence (QuotesDocument *doc,
                 guint           index,
                 guint           end)
{
  const QuotesToken *token;

  if (index >= end)
    return FALSE;
  token = quotes_document_token (doc, index);
  if (token->kind == QUOTES_TOKEN_MARK)
    return TRUE;
  /* "… last summer. (A spokesman said …)": a sentence in parentheses */
  if (token->kind == QUOTES_TOKEN_PUNCT && (doc->text[token->start] == '(' || doc->text[token->start] == '[') &&
      index + 1 < end)
    token = quotes_document_token (doc, index + 1);
  return (token->flags & QUOTES_TOKEN_CAPITALIZED) ||
         token->kind == QUOTES_TOKEN_NUMBER || token->kind == QUOTES_TOKEN_HANDLE;
}

static void
add_sentence (QuotesDocument *doc,
              Segmenter      *segmenter,
              guint           first,
              guint           end,
              guint           paragraph)
{
  QuotesSentence sentence = { first, end, paragraph };

  if (end <= first)
    return;
  for (guint i = first; i < end; i++)
    {
      QuotesToken *token = &g_array_index (doc->tokens, QuotesToken, i);

      if (token->kind == QUOTES_TOKEN_WORD || token->kind == QUOTES_TOKEN_HANDLE ||
          token->kind == QUOTES_TOKEN_NUMBER)
        {
          token->flags |= QUOTES_TOKEN_SENT_START;
          break;
        }
    }
  *(QuotesSentence *) next_element (doc->sentences, &segmenter->n_sentences, sizeof sentence) = sentence;
}

/* Splits paragraph @index, just read, at the tokens of @ends that end a
 * sentence; the others end none. Right after the paragraph's tokens are
 * made, while they are in the cache: read again after all of them, the
 * tokens of a long text came from memory. */
static void
split_sentences (QuotesDocument        *doc,
                 Segmenter             *segmenter,
                 const QuotesParagraph *paragraph,
                 guint                  index)
{
  const SentenceEnds *ends = &segmenter->ends;
  guint first = paragraph->first_token;
  guint end = paragraph->end_token;
  guint from = first;  /* where a walk over every token would look next */

  for (guint e = 0; e < ends->len; e++)
    {
      guint i = ends->data[e];
      const QuotesToken *token = quotes_document_token (doc, i);
      guint next = i + 1;

      if (i < from)
        continue;  /* in a run skipped below */
      if (token->kind == QUOTES_TOKEN_PUNCT && ends_sentence (quotes_document_token_first (doc, token)))
        {
          while (next < end && is_attached_closing (doc, next))
            next++;
          if (!starts_sentence (doc, next, end))
            {
              from = next;  /* past the run of "!!!" or "...", once */
              continue;
            }
        }
      else if ((token->flags & QUOTES_TOKEN_ABBREVIATION) && doc->text[quotes_document_token_end (doc, token) - 1] == '.')
        {
          if (next >= end || !(quotes_document_token (doc, next)->flags & QUOTES_TOKEN_CAPITALIZED) ||
              !abbreviation_ends_sentence (doc, token, next))
            continue;
        }
      else
        continue;
      add_sentence (doc, segmenter, first, next, index);
      first = next;
      from = next;
    }
  add_sentence (doc, segmenter, first, end, index);
}

/* Plain-text articles either put each paragraph on one line or wrap lines
 * and separate paragraphs with blank lines; the second kind has no long
 * lines. */
static gboolean
is_hard_wrapped (const char *text,
                 gsize       length)
{
  gsize pos = 0;
  guint lines = 0, blank_lines = 0;

  while (pos < length)
    {
      const char *newline = memchr (text + pos, '\n', length - pos);
      gsize end = newline != NULL ? (gsize) (newline - text) : length;
      gsize n = end - pos;

      if (n > LONG_LINE)
        return FALSE;  /* one long line tells: no need to read on */
      lines++;
      blank_lines += n == 0 || (n == 1 && text[pos] == '\r');
      pos = end + 1;
    }
  return blank_lines > 0 && lines > 2 * blank_lines;
}

static void
add_paragraph (QuotesDocument *doc,
               Segmenter      *segmenter,
               gsize           start,
               gsize           end)
{
  QuotesParagraph paragraph = { 0 };
  WordCounts counts = { 0, 0 };

  while (end > start && g_ascii_isspace (doc->text[end - 1]))
    end--;
  while (start < end && g_ascii_isspace (doc->text[start]))
    start++;
  if (start == end)
    return;
  paragraph.start = start;
  paragraph.end = end;
  paragraph.boilerplate = quotes_lexicon_is_boilerplate_line (doc->lexicon, doc->text + start, end - start);
  tokenize (doc, &paragraph, &counts, segmenter);
  paragraph.headline = is_headline (&counts);
  *(QuotesParagraph *) next_element (doc->paragraphs, &segmenter->n_paragraphs, sizeof paragraph) = paragraph;
  split_sentences (doc, segmenter, &paragraph, segmenter->n_paragraphs - 1);
  segmenter->ends.len = 0;
}

static void
find_paragraphs (QuotesDocument *doc,
                 Segmenter      *segmenter)
{
  gboolean wrapped = is_hard_wrapped (doc->text, doc->length);
  gsize start = 0, pos = 0;

  while (pos < doc->length)
    {
      const char *newline = memchr (doc->text + pos, '\n', doc->length - pos);
      gsize end = newline != NULL ? (gsize) (newline - doc->text) : doc->length;
      gboolean blank = TRUE;

      for (gsize p = pos; p < end && blank; p++)
        blank = g_ascii_isspace (doc->text[p]);
      if (!wrapped || blank)
        {
          add_paragraph (doc, segmenter, start, wrapped ? pos : end);
          start = end + 1;
        }
      pos = end + 1;
    }
  if (start < doc->length)
    add_paragraph (doc, segmenter, start, doc->length);
}

void
quotes_segment_run (QuotesDocument *doc)
{
  Segmenter segmenter = { .ends = { NULL, 0, 0 }, .populated = 0, .n_tokens = doc->tokens->len,
                          .n_paragraphs = doc->paragraphs->len, .n_sentences = doc->sentences->len,
                          .n_marks = doc->mark_tokens->len };
  guint32 *of_block;
  guint8 *in_block;
  guint n;

  quotes_lexicon_dense_words (doc->lexicon, &segmenter.lookup.table);
  segmenter.lookup.shorts = g_new0 (guint64, SHORT_CACHE);
  segmenter.lookup.mids = g_new0 (guint64, 2 * MID_CACHE);
  segmenter.lookup.waiting = g_new (WaitingWord, TOKEN_BLOCK);
  find_paragraphs (doc, &segmenter);
  g_free (segmenter.ends.data);
  g_free (segmenter.lookup.shorts);
  g_free (segmenter.lookup.mids);
  g_free (segmenter.lookup.waiting);
  g_array_set_size (doc->tokens, segmenter.n_tokens);
  g_array_set_size (doc->paragraphs, segmenter.n_paragraphs);
  g_array_set_size (doc->sentences, segmenter.n_sentences);
  g_array_set_size (doc->mark_tokens, segmenter.n_marks);
  n = doc->tokens->len;
  doc->sentence_of_block = of_block = g_new0 (guint32, (n >> QUOTES_SENTENCE_BLOCK_BITS) + 1);
  doc->sentence_in_block = in_block = g_new (guint8, n + 1);
  quotes_prefer_huge_pages (in_block);
  in_block[n] = 0;  /* the others are written below */
  /* Zeroed by the kernel, where the block is a fresh mapping, and only as
   * its pages are first written: no pass over it here. */
  doc->token_names = g_new0 (guint16, n + 1);
  quotes_prefer_huge_pages (doc->token_names);
  /* The sentences cover every token, in order: each sentence's tokens in a
   * block hold one number, written at once. */
  for (guint s = 0; s < doc->sentences->len && !quotes_document_cancelled (doc, s); s++)
    {
      const QuotesSentence *sentence = &g_array_index (doc->sentences, QuotesSentence, s);

      for (guint i = sentence->first_token; i < sentence->end_token;)
        {
          guint block = i >> QUOTES_SENTENCE_BLOCK_BITS;
          guint stop = MIN (sentence->end_token, (block + 1) << QUOTES_SENTENCE_BLOCK_BITS);

          if ((i & ((1u << QUOTES_SENTENCE_BLOCK_BITS) - 1)) == 0)
            of_block[block] = s;
          memset (in_block + i, s - of_block[block], stop - i);
          i = stop;
        }
    }
}
