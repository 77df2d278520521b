/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

/*
 * What the attribution stage's two files share: its state over a document,
 * the small look-ups on tokens that both ask all the time (inline), and the
 * phrase finders that the quotes in marks and the reported speech both use.
 * quotes-attribution.c attributes the quotes in marks, quotes-reported.c
 * finds reported speech without them.
 */

#include <string.h>

#include "quotes-document.h"

G_BEGIN_DECLS

#pragma GCC visibility push(hidden)

#define MAX_NOUN_PHRASE 6
#define MAX_TITLE_BEFORE_NAME 10

#define TOKEN_INDEX_BLOCK_BITS 6  /* blocks of 64 tokens */
#define TOKEN_INDEX_NONE 0     /* so that a block the kernel zeroed holds no index yet */
#define TOKEN_INDEX_ASIDE 0xff

/* An index into the mentions or the cues for each token, or -1, in a
 * byte a token: one more than its difference from the least index in its
 * block of tokens, which rarely holds more than a few dozen mentions or
 * cues. The differences too large for a byte are kept aside. A quarter of
 * the memory of four bytes a token: for 30 MB of text that is 33 MB fewer
 * pages to fault in, each 4 KiB a fault, and fewer cache lines to read. */
typedef struct
{
  guint8     *delta;  /* per token */
  gint32     *base;   /* per block: the least index in it, or -1 */
  GHashTable *aside;  /* token -> index, where the difference is too large */
} TokenIndex;

static inline gint32
token_index_get (const TokenIndex *index,
                 guint             t)
{
  guint delta = index->delta[t];

  if (delta == TOKEN_INDEX_NONE)
    return -1;
  if (G_UNLIKELY (delta == TOKEN_INDEX_ASIDE))
    return GPOINTER_TO_INT (g_hash_table_lookup (index->aside, GUINT_TO_POINTER (t)));
  return index->base[t >> TOKEN_INDEX_BLOCK_BITS] + (gint32) delta - 1;
}

typedef struct
{
  QuotesDocument *doc;
  TokenIndex      mentions_at; /* per token: the outermost mention covering it */
  TokenIndex      cues_at;     /* per token: the cue covering it */
  guint32        *subject[2];  /* per sentence: token of its first subject, without and with roles */
  guint32         reported_sentence; /* the sentence of the last reported clause */
  guint           reported_in_sentence; /* how many clauses it has: bounded, so that a
                                         * sentence of a thousand cues stays linear */
  guint           n_marked;    /* quotes[0, n_marked) are the marked ones, in text order */
  guint           n_cued;      /* quotes[n_marked, n_cued) the reported ones with a cue, nearly
                                * in order; those after, "according to", in order */
} Attribution;

typedef struct
{
  gint32 source;
  gint32 cue;
  double confidence;
} Found;

static inline const QuotesToken *
token_at (const Attribution *a,
          guint              index)
{
  return quotes_document_token (a->doc, index);
}

/* The outermost mention covering token @index, or -1. */
static inline gint32
mention_at (const Attribution *a,
            guint              index)
{
  return token_index_get (&a->mentions_at, index);
}

/* The cue covering token @index, or -1. */
static inline gint32
cue_at (const Attribution *a,
        guint              index)
{
  return token_index_get (&a->cues_at, index);
}

static inline const QuotesMention *
mention (const Attribution *a,
         gint32             index)
{
  return &g_array_index (a->doc->mentions, QuotesMention, index);
}

static inline const QuotesCue *
cue (const Attribution *a,
     gint32             index)
{
  return &g_array_index (a->doc->cues, QuotesCue, index);
}

/* @c lower-cased, for an ASCII byte: g_ascii_tolower without a call. */
static inline guint
ascii_lower_byte (guint c)
{
  return c - 'A' < 26 ? c + ('a' - 'A') : c;
}

static inline gboolean
is_word (const Attribution *a,
         guint              index,
         const char        *lower_word)
{
  char lower[32];
  const QuotesToken *token;
  gsize n = strlen (lower_word);
  const char *text;

  if (index >= a->doc->tokens->len || (token = token_at (a, index))->kind != QUOTES_TOKEN_WORD)
    return FALSE;
  if (!(token->flags & QUOTES_TOKEN_ASCII))
    return quotes_document_token_lower (a->doc, index, lower, sizeof lower) != NULL && g_str_equal (lower, lower_word);
  /* Asked of every token: an ASCII word lower-cases byte for byte, so it is
   * compared where it stands, and most words differ in their length or
   * their first letter. */
  text = a->doc->text + token->start;
  if (quotes_document_token_base_length (a->doc, token) != n || ascii_lower_byte ((guchar) text[0]) != (guchar) lower_word[0])
    return FALSE;
  for (gsize i = 1; i < n; i++)
    if (ascii_lower_byte ((guchar) text[i]) != (guchar) lower_word[i])
      return FALSE;
  return TRUE;
}

/* The lower-cased word at @index is one of @words. */
static inline gboolean
is_word_in (const Attribution  *a,
            guint               index,
            const char * const *words)
{
  char lower[32];

  return quotes_document_token_lower (a->doc, index, lower, sizeof lower) != NULL && quotes_word_in_list (words, lower);
}

/* is_word_in for a list of words of at most @max_length bytes: an ASCII
 * token longer than that, which lower-casing leaves as long, is none of
 * them, without a lower-cased copy. */
static inline gboolean
is_short_word_in (const Attribution  *a,
                  guint               index,
                  const char * const *words,
                  gsize               max_length)
{
  const QuotesToken *token = token_at (a, index);

  if ((token->flags & QUOTES_TOKEN_ASCII) && quotes_document_token_base_length (a->doc, token) > max_length)
    return FALSE;
  return is_word_in (a, index, words);
}

static inline gboolean
is_filler (const Attribution *a,
           guint              index)
{
  char lower[32];
  const QuotesToken *token = token_at (a, index);
  gsize n = quotes_document_token_base_length (a->doc, token);
  gboolean ly = n > 4 && a->doc->text[quotes_document_token_base_end (a->doc, token) - 2] == 'l' && a->doc->text[quotes_document_token_base_end (a->doc, token) - 1] == 'y';

  return token->kind == QUOTES_TOKEN_WORD && !(token->flags & QUOTES_TOKEN_CAPITALIZED) &&
         ((token->lex & QUOTES_WORD_FILLER) || ly) &&
         quotes_document_token_lower (a->doc, index, lower, sizeof lower) != NULL &&
         quotes_lexicon_is_cue_filler (a->doc->lexicon, lower);
}

static inline const QuotesSentence *
sentence_of (const Attribution *a,
             guint              index)
{
  return &g_array_index (a->doc->sentences, QuotesSentence, quotes_document_sentence_of (a->doc, index));
}

/* Words that end a sentence's opening noun phrase: its verb. */
static inline gboolean
is_auxiliary (const Attribution *a,
              guint              index)
{
  static const char *words[] = {
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may", "might",
    "should", "must", "did", "does", NULL,
  };

  return is_word_in (a, index, words);
}

static inline gboolean
is_determiner_word (const Attribution *a,
                    guint              index)
{
  return is_word (a, index, "the") || is_word (a, index, "a") || is_word (a, index, "an");
}

/* The mention that starts at @index when nothing but punctuation follows
 * it up to @end ("Getty.", "… told the Brennvik Gazette."), or -1. */
static inline gint32
mention_alone_from (const Attribution *a,
                    guint              index,
                    guint              end)
{
  gint32 m = mention_at (a, index);

  if (m < 0 || mention (a, m)->span_token != index)
    return -1;
  for (guint t = mention (a, m)->end_token; t < end; t++)
    if (token_at (a, t)->kind != QUOTES_TOKEN_PUNCT)
      return -1;
  return m;
}

static inline gboolean
can_be_source (const Attribution *a,
               gint32             m)
{
  const QuotesMention *record;

  if (m < 0)
    return FALSE;
  record = mention (a, m);
  return !record->in_quote && !record->possessive && record->kind != QUOTES_MENTION_HANDLE &&
         !(record->kind == QUOTES_MENTION_PRONOUN &&
           (record->pronoun_case != 0 || record->gender == QUOTES_GENDER_NEUTER));
}

/* A named person or organization, or "he" or "she": not "we", "they" or
 * "the documents". */
static inline gboolean
is_someone (const Attribution *a,
            gint32             m)
{
  const QuotesMention *record = mention (a, m);

  if (record->kind == QUOTES_MENTION_PRONOUN)
    return record->gender == QUOTES_GENDER_MALE || record->gender == QUOTES_GENDER_FEMALE;
  return record->kind == QUOTES_MENTION_NAME || record->kind == QUOTES_MENTION_DESCRIPTOR;
}

/* The last token inside the marks, past closing marks nested there. */
static inline guint
last_inner_token (const Attribution      *a,
                  const QuotesMarkedSpan *span)
{
  guint last = span->close_token - 1;

  while (last > span->open_token && token_at (a, last)->kind == QUOTES_TOKEN_MARK)
    last--;
  return last;
}

static inline guint
paragraph_end (const Attribution *a,
               guint              index)
{
  guint32 s = quotes_document_sentence_of (a->doc, index);
  guint32 p = g_array_index (a->doc->sentences, QuotesSentence, s).paragraph;

  return g_array_index (a->doc->paragraphs, QuotesParagraph, p).end_token;
}

static inline guint
paragraph_of_quote (const Attribution       *a,
                    const QuotesQuoteRecord *quote)
{
  return g_array_index (a->doc->marked, QuotesMarkedSpan, quote->marked).end_paragraph;
}

static inline const QuotesQuoteRecord *
previous_marked_quote (const Attribution *a,
                       guint              count)
{
  if (count == 0)
    return NULL;
  return &g_array_index (a->doc->quotes, QuotesQuoteRecord, count - 1);
}

#define SHORT_TURN_WORDS 12

static inline guint
words_in_marks (const Attribution      *a,
                const QuotesMarkedSpan *span)
{
  guint words = 0;

  for (guint t = span->open_token + 1; t < span->close_token; t++)
    words += token_at (a, t)->kind == QUOTES_TOKEN_WORD;
  return words;
}

/* "said the …", "said another …", "added his campaign manager …". */
static inline gboolean
is_source_determiner (const Attribution *a,
                      guint              index)
{
  static const char *words[] = { "another", "one", "his", "her", "their", "its", "our", NULL };

  return is_determiner_word (a, index) || is_word_in (a, index, words);
}

/* The first word of "according to" and of "in the words of": the words
 * attribution_according_to looks for, asked here first, inline, of every
 * token before a quote. */
static inline gboolean
may_open_according_to (const Attribution *a,
                       guint              index)
{
  return is_word (a, index, "according") || is_word (a, index, "in");
}

/* quotes-attribution.c: finders that the other two files use too. */

gboolean
attribution_according_to (Attribution *a,
                          guint        index,
                          guint        end,
                          Found       *found);

gint32
attribution_add_noun_phrase (Attribution *a,
                             guint        index,
                             guint        end,
                             gboolean     strict);

gint32
attribution_opening_noun_phrase (Attribution     *a,
                                 const QuotesCue *record);

gint32
attribution_sentence_subject (const Attribution *a,
                              const QuotesCue   *record);

gint32
attribution_source_after (Attribution       *a,
                          guint              index,
                          guint              end);

gint32
attribution_subject_before (const Attribution *a,
                            guint              index,
                            guint              floor);

gint32
attribution_agent_after_by (Attribution *a,
                            guint        index,
                            guint        end);

gint32
attribution_first_subject (const Attribution *a,
                           guint              first,
                           guint              end,
                           gboolean           roles);

gint32
attribution_speaker_of_object (const Attribution *a,
                               gint32             m);

/* quotes-terms.c: terms, titles and the owners of words in marks. */

gboolean
attribution_is_title_case (const Attribution      *a,
                           const QuotesMarkedSpan *span,
                           guint                   min_words);

gboolean
attribution_names_a_term (const Attribution      *a,
                          const QuotesMarkedSpan *span);

gint32
attribution_headline_speaker (const Attribution      *a,
                              const QuotesMarkedSpan *span);

gint32
attribution_owner_without_cue (Attribution            *a,
                               const QuotesMarkedSpan *span,
                               gdouble                *confidence);

gboolean
attribution_shows_text (const Attribution      *a,
                        const QuotesMarkedSpan *span);

gint32
attribution_text_bearer (Attribution            *a,
                         const QuotesMarkedSpan *span);

/* quotes-reported.c: reported speech, after the quotes in marks. */

void attribution_add_reported_speech (Attribution *a);

#pragma GCC visibility pop

G_END_DECLS
