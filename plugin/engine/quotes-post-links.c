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

/* Lower-case words of a text, for comparing quotes with posts whatever
 * their marks and punctuation. */
static GPtrArray *
words_of (const char *text,
          gsize       length)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *p = text, *end = text + length;

  while (p < end)
    {
      const char *start;

      while (p < end && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (p < end && (g_unichar_isalnum (g_utf8_get_char (p)) || *p == '\'' ))
        p = g_utf8_next_char (p);
      if (p > start)
        g_ptr_array_add (words, g_utf8_strdown (start, p - start));
    }
  return words;
}

static gboolean
words_equal (GPtrArray *a,
             guint      ia,
             GPtrArray *b,
             guint      ib,
             guint      n)
{
  for (guint i = 0; i < n; i++)
    if (strcmp (g_ptr_array_index (a, ia + i), g_ptr_array_index (b, ib + i)) != 0)
      return FALSE;
  return TRUE;
}

/* A quote is drawn from a post when they share SHINGLE words in a row, or
 * when the post is cut ("…") and the quote goes on from its last words. */
static gboolean
drawn_from (GPtrArray  *quote,
            GPtrArray  *post,
            const char *post_text,
            gsize       post_length)
{
  guint n = MIN (SHINGLE, quote->len);
  gboolean cut = post_length >= 3 && memcmp (post_text + post_length - 3, "\xe2\x80\xa6", 3) == 0;

  if (n == 0 || post->len < n)
    return FALSE;
  for (guint i = 0; i + n <= quote->len; i++)
    for (guint j = 0; j + n <= post->len; j++)
      if (words_equal (quote, i, post, j, n))
        return TRUE;
  if (cut)
    {
      const char *tail = g_strrstr_len (post_text, post_length, ". ");
      g_autoptr(GPtrArray) last = words_of (tail != NULL ? tail : post_text,
                                            post_text + post_length - (tail != NULL ? tail : post_text));

      if (last->len >= MIN_CUT_WORDS && last->len <= quote->len &&
          words_equal (quote, 0, last, 0, last->len))
        return TRUE;
    }
  return FALSE;
}

static void
link_quotes (QuotesDocument *doc)
{
  for (guint p = 0; p < doc->posts->len; p++)
    {
      const QuotesPostSpan *post = &g_array_index (doc->posts, QuotesPostSpan, p);
      g_autoptr(GPtrArray) post_words = NULL;

      if (post->text_end == post->text_start)
        continue;
      post_words = words_of (doc->text + post->text_start, post->text_end - post->text_start);
      for (guint q = 0; q < doc->quotes->len; q++)
        {
          QuotesQuoteRecord *quote = &g_array_index (doc->quotes, QuotesQuoteRecord, q);
          g_autoptr(GPtrArray) quote_words = NULL;

          if (quote->post >= 0 || (quote->kind != QUOTES_QUOTE_KIND_DIRECT && quote->kind != QUOTES_QUOTE_KIND_PARTIAL))
            continue;
          quote_words = words_of (doc->text + quote->start, quote->end - quote->start);
          if (!drawn_from (quote_words, post_words, doc->text + post->text_start, post->text_end - post->text_start))
            continue;
          quote->post = p;
          if (quote->speaker < 0)
            quote->speaker = g_array_index (doc->post_speakers, gint32, p);
        }
    }
}

void
quotes_post_links_run (QuotesDocument *doc)
{
  link_authors (doc);
  link_quotes (doc);
}
