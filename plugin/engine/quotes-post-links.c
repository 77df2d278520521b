/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Cited posts in the pipeline: finding them (before the quote marks, so a
 * post's own words are not read as the writer's), and afterwards linking
 * each to its author's entity and each quote drawn from a post to it.
 */

#include "config.h"

#include <string.h>

#include "quotes-document.h"
#include "quotes-names.h"
#include "quotes-posts.h"

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
      while (t < doc->tokens->len && quotes_document_token (doc, t)->start < post->text_start)
        t++;
      for (; t < doc->tokens->len && quotes_document_token (doc, t)->end <= post->text_end; t++)
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

      while (m < doc->sorted_mentions && g_array_index (doc->mentions, QuotesMention, m).start < post->text_end)
        m++;
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

/* The next word at or after *@p, before @end: letters, digits and
 * apostrophes. Sets @start and moves *@p past it; FALSE when none is left. */
static gboolean
next_word (const char **p,
           const char  *end,
           const char **start)
{
  while (*p < end && !is_word_char (*p))
    *p = g_utf8_next_char (*p);
  *start = *p;
  while (*p < end && (is_word_char (*p) || **p == '\''))
    *p = g_utf8_next_char (*p);
  return *p > *start;
}

/* Lower-case words of a text, for comparing quotes with posts whatever
 * their marks and punctuation. */
static GPtrArray *
words_of (const char *text,
          gsize       length)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *p = text, *end = text + length, *start;

  while (next_word (&p, end, &start))
    g_ptr_array_add (words, g_utf8_strdown (start, p - start));
  return words;
}

/* "a b c d": @n words from @first joined by spaces, the key of an index. */
static char *
join_words (GPtrArray *words,
            guint      first,
            guint      n)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (key, ' ');
      g_string_append (key, g_ptr_array_index (words, first + i));
    }
  return g_string_free (key, FALSE);
}

/* Keeps the first post that has @key: quotes go to the earliest post. */
static void
index_key (GHashTable *index,
           char       *key,
           guint       post)
{
  if (g_hash_table_contains (index, key))
    g_free (key);
  else
    g_hash_table_insert (index, key, GUINT_TO_POINTER (post + 1));
}

static gint32
look_up (GHashTable *index,
         const char *key)
{
  return (gint32) GPOINTER_TO_UINT (g_hash_table_lookup (index, key)) - 1;
}

/* The posts' words in rows of n = 1 … SHINGLE (a quote shorter than
 * SHINGLE words matches a row of its own length), and the cut ends of
 * posts that end in "…". One pass over the posts, so that linking costs
 * the quotes' and posts' lengths, not their product. */
typedef struct
{
  GHashTable *rows[SHINGLE + 1];
  GHashTable *cut_ends;        /* the words of a cut end -> post */
  guint       cut_lengths;     /* bit n: some cut end has n words (n < 32) */
  GArray     *long_cut_ends;   /* cut ends of 32 words or more: (post, words) */
} PostIndex;

typedef struct
{
  guint      post;
  GPtrArray *words;
} LongCutEnd;

static void
index_posts (QuotesDocument *doc,
             PostIndex      *index)
{
  for (guint n = 1; n <= SHINGLE; n++)
    index->rows[n] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->cut_ends = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->long_cut_ends = g_array_new (FALSE, FALSE, sizeof (LongCutEnd));

  for (guint p = 0; p < doc->posts->len && !quotes_document_cancelled (doc, p); p++)
    {
      const QuotesPostSpan *post = &g_array_index (doc->posts, QuotesPostSpan, p);
      const char *text = doc->text + post->text_start;
      gsize length = post->text_end - post->text_start;
      g_autoptr(GPtrArray) words = NULL;

      if (length == 0)
        continue;
      words = words_of (text, length);
      for (guint n = 1; n <= SHINGLE; n++)
        for (guint j = 0; j + n <= words->len; j++)
          index_key (index->rows[n], join_words (words, j, n), p);
      if (length >= 3 && memcmp (text + length - 3, "\xe2\x80\xa6", 3) == 0)
        {
          const char *tail = g_strrstr_len (text, length, ". ");
          GPtrArray *last = words_of (tail != NULL ? tail : text, text + length - (tail != NULL ? tail : text));

          if (last->len < MIN_CUT_WORDS)
            g_ptr_array_unref (last);
          else if (last->len < 32)
            {
              index->cut_lengths |= 1u << last->len;
              index_key (index->cut_ends, join_words (last, 0, last->len), p);
              g_ptr_array_unref (last);
            }
          else
            {
              LongCutEnd end = { p, last };

              g_array_append_val (index->long_cut_ends, end);
            }
        }
    }
}

static void
post_index_clear (PostIndex *index)
{
  for (guint n = 1; n <= SHINGLE; n++)
    g_clear_pointer (&index->rows[n], g_hash_table_unref);
  g_clear_pointer (&index->cut_ends, g_hash_table_unref);
  for (guint i = 0; index->long_cut_ends != NULL && i < index->long_cut_ends->len; i++)
    g_ptr_array_unref (g_array_index (index->long_cut_ends, LongCutEnd, i).words);
  g_clear_pointer (&index->long_cut_ends, g_array_unref);
}

static gboolean
starts_with_words (GPtrArray *quote,
                   GPtrArray *start)
{
  if (start->len > quote->len)
    return FALSE;
  for (guint i = 0; i < start->len; i++)
    if (strcmp (g_ptr_array_index (quote, i), g_ptr_array_index (start, i)) != 0)
      return FALSE;
  return TRUE;
}

/* The earliest post a quote is drawn from: they share SHINGLE words in a
 * row, or the post is cut ("…") and the quote goes on from its last
 * words. -1 for none. */
static gint32
source_post (const PostIndex *index,
             GPtrArray       *quote)
{
  guint n = MIN (SHINGLE, quote->len);
  gint32 best = -1;
  guint known_run = 0;

  if (n == 0)
    return -1;
  for (guint i = 0; i < quote->len; i++)
    {
      g_autofree char *key = NULL;
      gint32 p;

      /* Only a run of n words that posts have is worth a key: most
       * quotes share no such run with any post. */
      known_run = look_up (index->rows[1], g_ptr_array_index (quote, i)) >= 0 ? known_run + 1 : 0;
      if (known_run < n)
        continue;
      key = join_words (quote, i + 1 - n, n);
      p = look_up (index->rows[n], key);
      if (p >= 0 && (best < 0 || p < best))
        best = p;
    }
  for (guint length = MIN_CUT_WORDS; length < 32 && length <= quote->len; length++)
    if (index->cut_lengths & (1u << length))
      {
        g_autofree char *key = join_words (quote, 0, length);
        gint32 p = look_up (index->cut_ends, key);

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

/* Whether the quote has a run of words that the posts have, as long as
 * any match needs (MIN_CUT_WORDS, or the whole quote when it is shorter):
 * a check without an allocation per word, which most quotes fail. */
static gboolean
may_come_from_posts (const PostIndex *index,
                     const char      *text,
                     gsize            length)
{
  const char *p = text, *end = text + length, *start;
  guint run = 0, longest = 0, count = 0;
  char word[64];

  while (next_word (&p, end, &start))
    {
      gboolean ascii = TRUE;
      gint32 post;

      for (const char *c = start; c < p && ascii; c++)
        ascii = (guchar) *c < 0x80;
      count++;
      if (ascii && (gsize) (p - start) < sizeof word)
        {
          for (gsize i = 0; i < (gsize) (p - start); i++)
            word[i] = g_ascii_tolower (start[i]);
          word[p - start] = '\0';
          post = look_up (index->rows[1], word);
        }
      else
        {
          g_autofree char *lower = g_utf8_strdown (start, p - start);

          post = look_up (index->rows[1], lower);
        }
      run = post >= 0 ? run + 1 : 0;
      longest = MAX (longest, run);
    }
  return count > 0 && longest >= MIN (MIN_CUT_WORDS, count);
}

static void
link_quotes (QuotesDocument *doc)
{
  PostIndex index = { 0 };

  if (doc->posts->len == 0)
    return;
  index_posts (doc, &index);
  for (guint q = 0; q < doc->quotes->len && !quotes_document_cancelled (doc, q); q++)
    {
      QuotesQuoteRecord *quote = &g_array_index (doc->quotes, QuotesQuoteRecord, q);
      g_autoptr(GPtrArray) quote_words = NULL;
      gint32 p;

      if (quote->post >= 0 || (quote->kind != QUOTES_QUOTE_KIND_DIRECT && quote->kind != QUOTES_QUOTE_KIND_PARTIAL) ||
          !may_come_from_posts (&index, doc->text + quote->start, quote->end - quote->start))
        continue;
      quote_words = words_of (doc->text + quote->start, quote->end - quote->start);
      if ((p = source_post (&index, quote_words)) < 0)
        continue;
      quote->post = p;
      if (quote->speaker < 0)
        quote->speaker = g_array_index (doc->post_speakers, gint32, p);
    }
  post_index_clear (&index);
}

void
quotes_post_links_run (QuotesDocument *doc)
{
  link_authors (doc);
  link_quotes (doc);
}
