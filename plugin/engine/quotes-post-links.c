/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Cited posts in the pipeline: finding them (before the quote marks, so a
 * post's own words are not read as the writer's), and afterwards linking
 * each to its author's entity and each quote drawn from a post to it.
 */

#include "config.h"

#include <string.h>

#include "quotes-byte-chunks-private.h"
#include "quotes-document.h"
#include "quotes-names.h"
#include "quotes-posts.h"
#include "quotes-word-index.h"

#define SHINGLE 4          /* words in a row a quote and a post must share */
#define MIN_CUT_WORDS 3    /* words of a post's cut end that a quote must begin with */

void
quotes_posts_run (QuotesDocument *doc)
{
  guint t = 0;

  doc->posts = quotes_posts_find (doc->text, doc->length);
  for (guint p = 0; p < doc->posts->len; p++)
    {
      const QuotesPostSpan *post = &g_array_index (doc->posts, QuotesPostSpan, p);
      gint32 none = -1;

      g_array_append_val (doc->post_speakers, none);
      t = quotes_document_first_from (doc->tokens, t, doc->tokens->len, G_STRUCT_OFFSET (QuotesToken, start),
                                      post->text_start);
      for (; t < doc->tokens->len && quotes_document_token_end (doc, quotes_document_token (doc, t)) <= post->text_end; t++)
        g_array_index (doc->tokens, QuotesToken, t).flags |= QUOTES_TOKEN_IN_POST;
    }
}

/* The post's author is the first person named in its signature; handles
 * there are the author's too. Posts and mentions are both in text order:
 * one sweep serves all posts. */
static void
link_authors (QuotesDocument *doc)
{
  guint m = 0;

  for (guint p = 0; p < doc->posts->len; p++)
    {
      const QuotesPostSpan *post = &g_array_index (doc->posts, QuotesPostSpan, p);
      gint32 author = -1;

      m = quotes_document_first_from (doc->mentions, m, doc->sorted_mentions, G_STRUCT_OFFSET (QuotesMention, start),
                                      post->text_end);
      for (; m < doc->sorted_mentions && g_array_index (doc->mentions, QuotesMention, m).start < post->end; m++)
        {
          QuotesMention *mention = &g_array_index (doc->mentions, QuotesMention, m);

          if (mention->end > post->end)
            continue;
          if (author < 0 && mention->kind == QUOTES_MENTION_NAME && mention->entity >= 0)
            author = mention->entity;
          else if (author >= 0 && mention->entity < 0)
            mention->entity = author;
        }
      g_array_index (doc->post_speakers, gint32, p) = author;
    }
}

/* A letter or digit, without a look-up for ASCII. */
static inline gboolean
is_word_char (const char *p)
{
  return (guchar) *p < 0x80 ? g_ascii_isalnum (*p) : g_unichar_isalnum (g_utf8_get_char (p));
}

/* 0x80 in each byte of @chunk that is an ASCII letter, digit or
 * apostrophe: what goes on a word. Bytes from 0x80 up get none. */
static inline guint64
word_bytes (guint64 chunk)
{
  guint64 ascii = chunk & QUOTES_BYTES (0x7f);  /* keeps the sums from carrying */

  /* c | 0x20 folds 'A'-'Z' onto 'a'-'z' and no other byte onto them. */
  return (quotes_bytes_between (ascii, '0', '9') | quotes_bytes_between (ascii | QUOTES_BYTES (0x20), 'a', 'z') |
          quotes_bytes_between (ascii, '\'', '\'')) & ~chunk;
}

/* The next word at or after *@p, before @end: letters, digits and
 * apostrophes. Sets @start and moves *@p past it; FALSE when none is left. */
static gboolean
next_word (const char **p,
           const char  *end,
           const char **start)
{
  const char *at = *p;

  /* A byte at a time through ASCII, which is one character a byte and
   * most of the text; decoded only from 0x80 up. */
  for (;;)
    {
      while (at < end && (guchar) *at < 0x80 && !g_ascii_isalnum (*at))
        at++;
      if (at >= end || (guchar) *at < 0x80 || is_word_char (at))
        break;
      at = g_utf8_next_char (at);
    }
  *start = at;
  for (;;)
    {
      /* Eight bytes at a time, so that a word costs a test or two rather
       * than one per byte. */
      while (at + 8 <= end)
        {
          guint64 chunk, stop;

          memcpy (&chunk, at, 8);
          stop = ~word_bytes (GUINT64_FROM_LE (chunk)) & QUOTES_BYTES (0x80);
          if (stop != 0)
            {
              at += quotes_lowest_bit (stop) >> 3;
              break;
            }
          at += 8;
        }
      while (at < end && (guchar) *at < 0x80 && (g_ascii_isalnum (*at) || *at == '\''))
        at++;
      if (at >= end || (guchar) *at < 0x80 || !is_word_char (at))
        break;
      at = g_utf8_next_char (at);
    }
  *p = at;
  return at > *start;
}

/* The lower-case words of a text, for comparing quotes with posts whatever
 * their marks and punctuation: joined by single spaces in one string, so
 * that a row of words is a stretch of it, looked up where it stands. */
typedef struct
{
  GString *text;
  GArray  *starts;     /* guint32: where each word starts in text */
  gboolean ascii_i;    /* g_utf8_strdown lowers "I" to "i" here */
} Words;

static void
words_init (Words *words)
{
  words->text = g_string_new (NULL);
  words->starts = g_array_new (FALSE, FALSE, sizeof (guint32));
  words->ascii_i = quotes_locale_lowers_i_plainly ();
}

static void
words_clear (Words *words)
{
  g_string_free (words->text, TRUE);
  g_array_unref (words->starts);
}

/* Appends @n bytes of @word lower-cased as g_utf8_strdown would: without
 * it when ASCII folding does the same, for nearly every word, as it asks
 * for the locale each time. */
static void
append_lower (Words      *words,
              const char *word,
              gsize       n,
              gsize       room)
{
  gsize at = words->text->len;
  char *out;

  /* A word of up to eight ASCII bytes, nearly every one: one load, one
   * store and no loop, when eight bytes may be read from the word and
   * written to the string (past the word they are scratch, which the
   * next word or the NUL overwrites). */
  if (n <= 8 && room >= 8 && at + 8 < words->text->allocated_len)
    {
      guint64 chunk, keep = n == 8 ? G_GUINT64_CONSTANT (0xffffffffffffffff) : (G_GUINT64_CONSTANT (1) << (8 * n)) - 1;

      memcpy (&chunk, word, 8);
      chunk = GUINT64_FROM_LE (chunk) & keep;
      if ((chunk & QUOTES_BYTES (0x80)) == 0 && (words->ascii_i || quotes_bytes_between (chunk, 'I', 'I') == 0))
        {
          chunk = GUINT64_TO_LE (quotes_ascii_lower_chunk (chunk));
          memcpy (words->text->str + at, &chunk, 8);
          words->text->len = at + n;
          words->text->str[at + n] = '\0';
          return;
        }
    }
  /* g_string_set_size, without a call per word when there is room, as
   * words_read makes sure there nearly always is. */
  if (at + n < words->text->allocated_len)
    {
      words->text->len = at + n;
      words->text->str[at + n] = '\0';
    }
  else
    g_string_set_size (words->text, at + n);
  out = words->text->str + at;
  if (!quotes_ascii_strdown_in_locale (word, n, out, words->ascii_i))
    {
      g_autofree char *folded = g_utf8_strdown (word, n);

      g_string_truncate (words->text, at);
      g_string_append (words->text, folded);
    }
}

/* Sets @words to those of @length bytes of @text. */
static void
words_read (Words      *words,
            const char *text,
            gsize       length)
{
  const char *p = text, *end = text + length, *start;
  guint count = 0;

  /* Room for the words as long as the text, which is all of them unless
   * lower-casing lengthens one, and for append_lower's eight-byte stores. */
  g_string_set_size (words->text, length + 8);
  g_string_truncate (words->text, 0);
  /* Room for every word there may be: each takes a byte and a byte
   * between it and the next. */
  g_array_set_size (words->starts, length / 2 + 1);
  while (next_word (&p, end, &start))
    {
      if (count > 0)
        g_string_append_c (words->text, ' ');
      g_array_index (words->starts, guint32, count++) = words->text->len;
      append_lower (words, start, p - start, end - start);
    }
  g_array_set_size (words->starts, count);
}

static guint
words_count (const Words *words)
{
  return words->starts->len;
}

/* "a b c d": @n words from @first, as they stand in @words->text. */
static const char *
words_row (const Words *words,
           guint        first,
           guint        n,
           gsize       *length)
{
  guint32 from = g_array_index (words->starts, guint32, first);
  guint32 to = first + n < words->starts->len ? g_array_index (words->starts, guint32, first + n) - 1
                                              : words->text->len;

  *length = to - from;
  return words->text->str + from;
}

/* Keeps the first post that has the row: quotes go to the earliest post. */
static void
index_row (GHashTable  *index,
           const char  *row,
           gsize        length,
           guint        post)
{
  char *key = g_strndup (row, length);

  if (g_hash_table_contains (index, key))
    g_free (key);
  else
    g_hash_table_insert (index, key, GUINT_TO_POINTER (post + 1));
}

static gint32
look_up (const QuotesWordIndex *index,
         const char            *row,
         gsize                  length)
{
  gpointer post = NULL;

  quotes_word_index_lookup (index, row, length, &post);
  return (gint32) GPOINTER_TO_UINT (post) - 1;
}

/* The posts' words in rows of n = 1 … SHINGLE (a quote shorter than
 * SHINGLE words matches a row of its own length), and the cut ends of
 * posts that end in "…". One pass over the posts, so that linking costs
 * the quotes' and posts' lengths, not their product. The tables are
 * filled first, then looked up through their indexes. */
typedef struct
{
  GHashTable     *row_tables[SHINGLE + 1];
  GHashTable     *cut_end_table;
  QuotesWordIndex rows[SHINGLE + 1];
  QuotesWordIndex cut_ends;        /* the words of a cut end -> post */
  guint           cut_lengths;     /* bit n: some cut end has n words (n < 32) */
  GArray         *long_cut_ends;   /* cut ends of 32 words or more: (post, words) */
  guint64        *row_bits;        /* two bits per row of SHINGLE words, see set_row */
  guint           row_bits_mask;   /* bits in row_bits, less one */
} PostIndex;

typedef struct
{
  guint  post;
  char  *words;                    /* as words_row has them */
} LongCutEnd;

/* The hash of a row of @n words (SHINGLE, or MIN_CUT_WORDS for the start
 * of a cut end) from their hashes, @hashes[0] the last of them; mixed,
 * so that both halves are good bits. */
static inline guint64
row_hash (const guint64 *hashes,
          guint          n)
{
  guint64 row = n;

  for (guint i = n; i-- > 0;)
    row = (row + hashes[i]) * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  row ^= row >> 33;
  row *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  return row ^ (row >> 33);
}

static void
set_row (PostIndex *index,
         guint64    row)
{
  guint a = (guint) row & index->row_bits_mask, b = (guint) (row >> 32) & index->row_bits_mask;

  index->row_bits[a / 64] |= G_GUINT64_CONSTANT (1) << (a % 64);
  index->row_bits[b / 64] |= G_GUINT64_CONSTANT (1) << (b % 64);
}

static inline gboolean
has_row (const PostIndex *index,
         guint64          row)
{
  guint a = (guint) row & index->row_bits_mask, b = (guint) (row >> 32) & index->row_bits_mask;

  return (index->row_bits[a / 64] >> (a % 64)) & (index->row_bits[b / 64] >> (b % 64)) & 1;
}

/* The hashes of the first @n words of @words, the last first, as
 * row_hash takes them. */
static void
words_hashes (const Words *words,
              guint        first,
              guint        n,
              guint64     *hashes)
{
  for (guint i = 0; i < n; i++)
    {
      gsize length;
      const char *word = words_row (words, first + i, 1, &length);

      hashes[n - 1 - i] = quotes_word_hash (word, length);
    }
}

static void
index_cut_end (PostIndex   *index,
               Words       *words,
               const char  *text,
               gsize        length,
               guint        post)
{
  const char *tail = g_strrstr_len (text, length, ". ");
  const char *from = tail != NULL ? tail : text;
  const char *row;
  gsize row_length;

  words_read (words, from, text + length - from);
  if (words_count (words) < MIN_CUT_WORDS)
    return;
  row = words_row (words, 0, words_count (words), &row_length);
  {
    guint64 hashes[MIN_CUT_WORDS];

    words_hashes (words, 0, MIN_CUT_WORDS, hashes);
    set_row (index, row_hash (hashes, MIN_CUT_WORDS));
  }
  if (words_count (words) < 32)
    {
      index->cut_lengths |= 1u << words_count (words);
      index_row (index->cut_end_table, row, row_length, post);
    }
  else
    {
      LongCutEnd end = { post, g_strndup (row, row_length) };

      g_array_append_val (index->long_cut_ends, end);
    }
}

static void
index_posts (QuotesDocument *doc,
             PostIndex      *index,
             Words          *words)
{
  gsize posts_length = 0;

  for (guint n = 1; n <= SHINGLE; n++)
    index->row_tables[n] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->cut_end_table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->long_cut_ends = g_array_new (FALSE, FALSE, sizeof (LongCutEnd));
  /* Some 16 bits per byte of the posts, and so some 80 per row, for two
   * bits a row: few of the quotes' rows pass for the posts'. */
  for (guint p = 0; p < doc->posts->len; p++)
    {
      const QuotesPostSpan *post = &g_array_index (doc->posts, QuotesPostSpan, p);

      posts_length += post->text_end - post->text_start;
    }
  for (index->row_bits_mask = 4095; index->row_bits_mask < 16 * posts_length && index->row_bits_mask < (1u << 28);)
    index->row_bits_mask = index->row_bits_mask * 2 + 1;
  index->row_bits = g_new0 (guint64, (index->row_bits_mask + 1) / 64);

  for (guint p = 0; p < doc->posts->len && !quotes_document_cancelled (doc, p); p++)
    {
      const QuotesPostSpan *post = &g_array_index (doc->posts, QuotesPostSpan, p);
      const char *text = doc->text + post->text_start;
      gsize length = post->text_end - post->text_start;

      if (length == 0)
        continue;
      words_read (words, text, length);
      for (guint j = 0; j + SHINGLE <= words_count (words); j++)
        {
          guint64 hashes[SHINGLE];

          words_hashes (words, j, SHINGLE, hashes);
          set_row (index, row_hash (hashes, SHINGLE));
        }
      for (guint n = 1; n <= SHINGLE; n++)
        for (guint j = 0; j + n <= words_count (words); j++)
          {
            gsize row_length;
            const char *row = words_row (words, j, n, &row_length);

            index_row (index->row_tables[n], row, row_length, p);
          }
      if (length >= 3 && memcmp (text + length - 3, "\xe2\x80\xa6", 3) == 0)
        index_cut_end (index, words, text, length, p);
    }
  for (guint n = 1; n <= SHINGLE; n++)
    quotes_word_index_init (&index->rows[n], index->row_tables[n]);
  quotes_word_index_init (&index->cut_ends, index->cut_end_table);
}

static void
post_index_clear (PostIndex *index)
{
  for (guint n = 1; n <= SHINGLE; n++)
    {
      quotes_word_index_clear (&index->rows[n]);
      g_clear_pointer (&index->row_tables[n], g_hash_table_unref);
    }
  quotes_word_index_clear (&index->cut_ends);
  g_clear_pointer (&index->cut_end_table, g_hash_table_unref);
  for (guint i = 0; index->long_cut_ends != NULL && i < index->long_cut_ends->len; i++)
    g_free (g_array_index (index->long_cut_ends, LongCutEnd, i).words);
  g_clear_pointer (&index->long_cut_ends, g_array_unref);
  g_clear_pointer (&index->row_bits, g_free);
}

/* The word of ASCII letters, digits and apostrophes at *@at, before @end,
 * lowered and hashed eight bytes at a time: quotes_word_hash of the word
 * as words_read lowers it. Moves *@at past it. @limit: the end of the
 * text, up to which bytes may be read. */
static inline guint32
hash_lowered_word (const guchar **at,
                   const guchar  *end,
                   const guchar  *limit)
{
  guint64 hash = 0;
  gsize length = 0;

  for (;;)
    {
      guint64 chunk = quotes_text_chunk ((const char *) *at, (const char *) limit);
      guint64 stop = ~word_bytes (chunk) & QUOTES_BYTES (0x80);
      gsize n = MIN (stop != 0 ? quotes_lowest_bit (stop) >> 3 : 8, (gsize) (end - *at));

      if (n == 0)
        break;
      hash = quotes_word_hash_chunk (hash, quotes_ascii_lower_chunk (chunk & quotes_first_bytes (n)));
      length += n;
      *at += n;
      if (n < 8)
        break;
    }
  return quotes_word_hash_end (hash, length);
}

/* Whether the quote from @text, @length bytes, may be drawn from a post,
 * told from hashes of its words without lowering them into a string:
 * source_post needs a row of SHINGLE words that a post has, or a cut
 * end's words (its first MIN_CUT_WORDS a row of the post) at the quote's
 * start. Most quotes have neither, and are not read into words. A quote
 * of fewer than SHINGLE words, or with a word that is not ASCII or holds
 * an "I" the locale may not lower to "i", may always be: its rows are
 * left to source_post. @limit: the end of the text. */
static gboolean
may_match (const PostIndex *index,
           const Words     *words,
           const char      *text,
           gsize            length,
           const char      *limit)
{
  const guchar *at = (const guchar *) text, *end = at + length;
  gboolean cut_ends = index->cut_lengths != 0 || index->long_cut_ends->len > 0;
  guint64 hashes[SHINGLE] = { 0 };   /* the last word's first */
  guint count = 0;

  if (!words->ascii_i)
    return TRUE;
  for (;;)
    {
      /* To next_word's next word: a letter or digit. */
      while (at < end && !(*at < 0x80 && g_ascii_isalnum (*at)))
        {
          if (*at < 0x80)
            at++;
          else if (is_word_char ((const char *) at))
            return TRUE;
          else
            at = (const guchar *) g_utf8_next_char (at);
        }
      if (at >= end)
        break;
      for (guint i = SHINGLE - 1; i > 0; i--)
        hashes[i] = hashes[i - 1];
      hashes[0] = hash_lowered_word (&at, end, (const guchar *) limit);
      if (at < end && *at >= 0x80 && is_word_char ((const char *) at))
        return TRUE;
      count++;
      if (count == MIN_CUT_WORDS && cut_ends && has_row (index, row_hash (hashes, MIN_CUT_WORDS)))
        return TRUE;
      if (count >= SHINGLE && has_row (index, row_hash (hashes, SHINGLE)))
        return TRUE;
    }
  return count < SHINGLE;
}

/* Whether the quote's words begin with all those of @start, a whole
 * number of words as words_row has them. */
static gboolean
starts_with_words (const Words *quote,
                   const char  *start)
{
  gsize n = strlen (start);

  return quote->text->len >= n && memcmp (quote->text->str, start, n) == 0 &&
         (quote->text->len == n || quote->text->str[n] == ' ');
}

/* The earliest post a quote is drawn from: they share SHINGLE words in a
 * row, or the post is cut ("…") and the quote goes on from its last
 * words. -1 for none. */
static gint32
source_post (const PostIndex *index,
             const Words     *quote)
{
  guint count = words_count (quote);
  guint n = MIN (SHINGLE, count);
  gint32 best = -1;
  guint known_run = 0;
  const char *row;
  gsize length;

  if (n == 0)
    return -1;
  for (guint i = 0; i < count; i++)
    {
      gint32 p;

      /* Only a run of n words that posts have is worth a look-up. */
      row = words_row (quote, i, 1, &length);
      known_run = look_up (&index->rows[1], row, length) >= 0 ? known_run + 1 : 0;
      if (known_run < n)
        continue;
      row = words_row (quote, i + 1 - n, n, &length);
      p = look_up (&index->rows[n], row, length);
      if (p >= 0 && (best < 0 || p < best))
        best = p;
    }
  for (guint cut = MIN_CUT_WORDS; cut < 32 && cut <= count; cut++)
    if (index->cut_lengths & (1u << cut))
      {
        gint32 p;

        row = words_row (quote, 0, cut, &length);
        p = look_up (&index->cut_ends, row, length);
        if (p >= 0 && (best < 0 || p < best))
          best = p;
      }
  for (guint i = 0; i < index->long_cut_ends->len; i++)
    {
      const LongCutEnd *end = &g_array_index (index->long_cut_ends, LongCutEnd, i);

      if ((best < 0 || (gint32) end->post < best) && starts_with_words (quote, end->words))
        best = end->post;
    }
  return best;
}

static void
link_quotes (QuotesDocument *doc)
{
  PostIndex index = { 0 };
  Words words;

  if (doc->posts->len == 0)
    return;
  words_init (&words);
  index_posts (doc, &index, &words);
  for (guint q = 0; q < doc->quotes->len && !quotes_document_cancelled (doc, q); q++)
    {
      QuotesQuoteRecord *quote = &g_array_index (doc->quotes, QuotesQuoteRecord, q);
      gint32 p;

      if (quote->post >= 0 || (quote->kind != QUOTES_QUOTE_KIND_DIRECT && quote->kind != QUOTES_QUOTE_KIND_PARTIAL))
        continue;
      if (!may_match (&index, &words, doc->text + quote->start, quote->end - quote->start, doc->text + doc->length))
        continue;
      words_read (&words, doc->text + quote->start, quote->end - quote->start);
      if ((p = source_post (&index, &words)) < 0)
        continue;
      quote->post = p;
      if (quote->speaker < 0)
        quote->speaker = g_array_index (doc->post_speakers, gint32, p);
    }
  post_index_clear (&index);
  words_clear (&words);
}

void
quotes_post_links_run (QuotesDocument *doc)
{
  link_authors (doc);
  link_quotes (doc);
}
