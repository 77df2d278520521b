/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Reported speech without quote marks, the last part of the attribution
 * stage: the clause after a reporting verb ("the minister stressed that
 * …"), the clause before "X said" at the end of a sentence, and what
 * "according to X" frames. Quotes in marks inside such a clause take its
 * source.
 */

#include "config.h"

#include "quotes-attribution-private.h"

#define MIN_REPORTED_WORDS 3
#define MAX_REPORTED_PER_SENTENCE 8  /* so that a sentence of a thousand cues stays linear */
#define MAX_REPORTED_TOKENS 1000  /* the longest sentence that reports a claim */

static gboolean
is_sentence_end (const Attribution *a,
                 guint              index)
{
  const QuotesToken *token = token_at (a, index);

  return token->kind == QUOTES_TOKEN_MARK ||
         (token->kind == QUOTES_TOKEN_PUNCT &&
          g_utf8_strchr (".!?;:)\xe2\x80\xa6", -1, quotes_document_token_first (a->doc, token)) != NULL);
}

static const char *object_verbs[] = {
  "hold", "holds", "held", "holding", "find", "finds", "found", "finding", NULL,
};

/* "adding to his wins", "decided to run", "is expected to win": with "to"
 * these verbs make more of something or plan an act; they report nothing. */
static const char *verbs_not_reporting_to[] = {
  "add", "adds", "added", "adding", "decide", "decides", "decided", "deciding", "determined", "expect", "expects",
  "expected", NULL,
};

/* A name, and nothing but punctuation after it up to @end. */
static gboolean
is_name_to_end (const Attribution *a,
                guint              index,
                guint              end)
{
  gint32 m;

  if (is_word (a, index, "the") && index + 1 < end)
    index++;  /* "the Brennvik Gazette" */
  m = mention_alone_from (a, index, end);
  return m >= 0 && mention (a, m)->kind == QUOTES_MENTION_NAME;
}

/* Where the reported clause starts: after "that" when it comes soon
 * ("said on Tuesday that …"), else right after the cue. */
static guint
reported_clause_start (const Attribution *a,
                       const QuotesCue   *record,
                       guint              end)
{
  guint k = record->end_token;

  for (guint t = k; t < end && t < k + 8; t++)
    {
      if (is_word (a, t, "that"))
        return t + 1;
      if (token_at (a, t)->kind != QUOTES_TOKEN_WORD && !quotes_document_token_is_punct (a->doc, t, ","))
        break;
    }
  if (!(record->flags & (QUOTES_CUE_CLAUSE | QUOTES_CUE_OBJECT)))
    return end;
  /* "held a 26-delegate lead", "found a way": "hold" and "find" report a
   * judgement with "that"; before "a" they have an object. */
  if (k < end && (is_word (a, k, "a") || is_word (a, k, "an")) && is_word_in (a, record->first_token, object_verbs))
    return end;
  if (k < end && is_word (a, k, "to") && is_word_in (a, record->first_token, verbs_not_reporting_to))
    return end;
  /* "…, he told The Huffington Post.": whom it is told, nothing more */
  if (k < end && is_name_to_end (a, k, end))
    return end;
  return k;
}

/* The first marked quote that opens at or after token @start. */
static guint
first_marked_quote_from (const Attribution *a,
                         guint              start)
{
  guint low = 0, high = a->n_marked;
  guint32 byte = token_at (a, start)->start;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (g_array_index (a->doc->quotes, QuotesQuoteRecord, mid).start < byte)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

/* "the GOP front-runner said Clinton “caused tremendous death” as …": words
 * in marks that nobody owns inside a reported clause are the reporter's,
 * a slogan in capitals too ("said the motto, “Every Island Deserves
 * Ferries,” was empty"); not the title of a show or a work the clause
 * names ("said on “Harbour Hour” that …"). */
static void
claim_quotes_in_clause (Attribution *a,
                        guint        start,
                        guint        end,
                        gint32       c,
                        gint32       m)
{
  guint32 end_byte = quotes_document_token_end (a->doc, token_at (a, end - 1));

  for (guint i = first_marked_quote_from (a, start); i < a->n_marked; i++)
    {
      QuotesQuoteRecord *quote = &g_array_index (a->doc->quotes, QuotesQuoteRecord, i);
      const QuotesMarkedSpan *span = &g_array_index (a->doc->marked, QuotesMarkedSpan, quote->marked);

      if (quote->start >= end_byte)
        break;
      if (quote->source >= 0 || attribution_names_a_term (a, span))
        continue;
      if (quote->kind == QUOTES_QUOTE_KIND_SCARE)
        quote->kind = QUOTES_QUOTE_KIND_PARTIAL;
      quote->source = m;
      quote->cue = c;
      quote->confidence = 0.6;
    }
}

#define MIN_CLAUSE_AFTER_ADJUNCT 6

/* "within the hour", "on Monday": words of time or place. */
static gboolean
opens_adjunct (const Attribution *a,
               guint              index)
{
  static const char *words[] = {
    "within", "in", "on", "at", "after", "before", "during", "since", "until", "through", "throughout", "via",
    "from", "by", NULL,
  };

  return is_word_in (a, index, words);
}

/* Adds the reported clause [start, end) as indirect speech, unless it is
 * too short to be a claim or holds a quotation (which speaks for itself). */
static gboolean
add_indirect (Attribution *a,
              guint        start,
              guint        end,
              gint32       c,
              gint32       m)
{
  QuotesQuoteRecord quote = { 0 };
  guint words = 0;

  while (end > start && (is_sentence_end (a, end - 1) || quotes_document_token_is_punct (a->doc, end - 1, ",")))
    end--;
  /* A sentence of thousands of tokens and cues is no report, and looking
   * through all of it for each cue would take quadratic time. */
  if (end - start > MAX_REPORTED_TOKENS)
    return FALSE;
  for (guint t = start; t < end; t++)
    {
      if (token_at (a, t)->kind == QUOTES_TOKEN_MARK || (token_at (a, t)->flags & QUOTES_TOKEN_IN_QUOTE))
        {
          claim_quotes_in_clause (a, start, end, c, m);
          return FALSE;
        }
      words += token_at (a, t)->kind == QUOTES_TOKEN_WORD || token_at (a, t)->kind == QUOTES_TOKEN_HASHTAG;
    }
  if (words < MIN_REPORTED_WORDS || token_at (a, start)->kind == QUOTES_TOKEN_PUNCT)
    return FALSE;
  /* "The trust answered within the hour.": a short phrase of time or place
   * right after the verb is no claim. */
  if (words < MIN_CLAUSE_AFTER_ADJUNCT && start == cue (a, c)->end_token && opens_adjunct (a, start))
    return FALSE;
  quote.kind = QUOTES_QUOTE_KIND_INDIRECT;
  quote.start = token_at (a, start)->start;
  quote.end = quotes_document_token_end (a->doc, token_at (a, end - 1));
  /* "Weil responded by saying that …": two cues, one clause reported once. */
  if (a->doc->quotes->len > 0)
    {
      const QuotesQuoteRecord *last = &g_array_index (a->doc->quotes, QuotesQuoteRecord, a->doc->quotes->len - 1);

      if (last->kind == QUOTES_QUOTE_KIND_INDIRECT && last->start == quote.start && last->end == quote.end)
        return TRUE;
    }
  quote.cue = c;
  quote.source = m;
  quote.speaker = -1;
  quote.post = -1;
  quote.marked = -1;
  quote.confidence = 0.7;
  g_array_append_val (a->doc->quotes, quote);
  if (quotes_document_sentence_of (a->doc, start) != a->reported_sentence)
    a->reported_in_sentence = 0;
  a->reported_sentence = quotes_document_sentence_of (a->doc, start);
  a->reported_in_sentence++;
  return TRUE;
}

#define MAX_WORDS_TO_SENTENCE_END 3  /* "he believes, at least for now." */

static gboolean
ends_sentence_soon (const Attribution *a,
                    guint              index,
                    guint              end)
{
  guint words = 0;

  for (guint t = index; t < end && words <= MAX_WORDS_TO_SENTENCE_END; t++)
    words += token_at (a, t)->kind == QUOTES_TOKEN_WORD;
  return words <= MAX_WORDS_TO_SENTENCE_END;
}

/* "In", "When", "After" …: what follows opens a phrase or a clause, not
 * the subject's noun phrase. */
static gboolean
opens_with_linking_word (const Attribution *a,
                         guint              first)
{
  static const char *words[] = {
    "in", "on", "at", "for", "with", "from", "by", "to", "of", "as", "after", "before", "while", "when", "if",
    "because", "since", "although", "though", "once", "until", "despite", "during", "amid", "without", "under",
    "among", "across", "throughout", "unlike", "like", "that", "there", NULL,
  };

  return is_word_in (a, first, words);
}

/* A few words of a clause follow: "…, has surged in the same period." */
static gboolean
ends_clause_after (const Attribution *a,
                   guint              from,
                   guint              end)
{
  guint words = 0;

  for (guint t = from; t < end && words < MIN_REPORTED_WORDS; t++)
    words += token_at (a, t)->kind == QUOTES_TOKEN_WORD;
  return words >= MIN_REPORTED_WORDS;
}

/* ", many economists say, this effect …": a comma right after the cue
 * and its speaker, and a clause of a few words after it. */
static gboolean
continues_after_reporter (const Attribution *a,
                          const QuotesCue   *record,
                          gint32             m,
                          guint              end)
{
  guint after = MAX (record->end_token, mention (a, m)->end_token);

  return after < end && quotes_document_token_is_punct (a->doc, after, ",") && ends_clause_after (a, after + 1, end);
}

/* "The talks will go on, Ambassador Klaus Ritter said on Friday." and
 * "…, said Klaus Ritter.": the clause before the comma is what was said. */
static gboolean
add_clause_before (Attribution          *a,
                   gint32                c,
                   gint32                m,
                   const QuotesSentence *sentence)
{
  const QuotesCue *record = cue (a, c);
  guint comma;

  if (!(record->flags & (QUOTES_CUE_QUOTATION | QUOTES_CUE_CLAUSE)))
    return FALSE;
  /* The comma stands before the speaker ("…, X said") or before the cue ("…, said X"). */
  comma = mention (a, m)->end_token <= record->first_token ? mention (a, m)->span_token : record->first_token;
  if (comma == 0 || comma <= sentence->first_token || !quotes_document_token_is_punct (a->doc, comma - 1, ","))
    return FALSE;
  for (guint t = record->end_token; t < sentence->end_token && t < record->end_token + MAX_REPORTED_TOKENS; t++)
    if (is_word (a, t, "that"))
      return FALSE;  /* "…, she said, that …": the clause follows */
  /* "Going into Super Tuesday, Clinton held a lead": a verb that is no
   * verb of speech reports the clause before it only when it ends the
   * sentence ("…, he believes."). */
  if (!(record->flags & QUOTES_CUE_QUOTATION) && !ends_sentence_soon (a, record->end_token, sentence->end_token))
    return FALSE;
  /* "In the long run, many economists say, this effect could ripple …":
   * the claim runs on after the reporter; the whole sentence is reported. */
  if (continues_after_reporter (a, record, m, sentence->end_token) &&
      add_indirect (a, sentence->first_token, sentence->end_token, c, m))
    return TRUE;
  /* "At one point, a woman said", "In the end, Rosenthal argued": a short
   * phrase of time, place or manner before the comma is no claim. */
  if (opens_with_linking_word (a, sentence->first_token) && comma - 1 - sentence->first_token < MIN_CLAUSE_AFTER_ADJUNCT)
    return FALSE;
  return add_indirect (a, sentence->first_token, comma - 1, c, m);
}

/* "a video call", "the report": a plain verb form after one thing named
 * is a noun, not a verb ("the minister calls", "officials call"). */
static gboolean
agrees (const Attribution *a,
        gint32             m,
        const QuotesCue   *record)
{
  const QuotesMention *subject = mention (a, m);
  const QuotesToken *last = token_at (a, subject->end_token - 1);
  gboolean plural = subject->gender == QUOTES_GENDER_PLURAL ||
                    (subject->kind == QUOTES_MENTION_ROLE && a->doc->text[quotes_document_token_end (a->doc, last) - 1] == 's');

  if (!(record->flags & QUOTES_CUE_BASE_FORM) || plural)
    return TRUE;
  return subject->kind == QUOTES_MENTION_PRONOUN && subject->gender == QUOTES_GENDER_UNKNOWN;
}

/* "didn't", "can’t": a verb, negated. */
static gboolean
is_negated (const Attribution *a,
            guint              index)
{
  const QuotesToken *token = token_at (a, index);
  const char *text = a->doc->text + token->start;
  gsize n = quotes_document_token_length (a->doc, token);

  return (n > 3 && text[n - 3] == 'n' && text[n - 2] == '\'' && text[n - 1] == 't') ||
         (n > 5 && text[n - 5] == 'n' && g_str_has_prefix (text + n - 4, "\xe2\x80\x99t"));
}

static gboolean
opens_with_conjunction (const Attribution *a,
                        guint              first)
{
  return is_word (a, first, "and") || is_word (a, first, "but") || is_word (a, first, "or") ||
         is_word (a, first, "so") || is_word (a, first, "yet");
}

/* "The most telling", "the two states": a word that makes the next one a
 * noun or an adjective, not a verb. */
static gboolean
modifies_next (const Attribution *a,
               guint              index)
{
  static const char *words[] = {
    "most", "more", "least", "less", "very", "so", "too", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten", "both", "all", "many", "several", "other", NULL,
  };

  return is_determiner_word (a, index) || token_at (a, index)->kind == QUOTES_TOKEN_NUMBER ||
         (is_word_in (a, index, words));
}

/* "The billionaire real estate magnate says …", "Sixty-six percent said
 * …", "O'Malley's campaign says …": a short noun phrase that opens the
 * sentence is the source, named or not. */
static gint32
sentence_noun_phrase (Attribution          *a,
                      const QuotesCue      *record,
                      const QuotesSentence *sentence)
{
  guint first = sentence->first_token, end = record->first_token;
  const QuotesToken *opening = token_at (a, first);

  if (record->first_token <= first || record->first_token - first > MAX_NOUN_PHRASE - 1)
    return -1;
  if (!(opening->flags & QUOTES_TOKEN_CAPITALIZED) && opening->kind != QUOTES_TOKEN_NUMBER)
    return -1;
  /* "The campaign has also said": the phrase ends before its auxiliary;
   * not "There was no primary state where …", "I didn't have the":
   * a verb, then more words before the cue */
  for (guint t = first; t < record->first_token; t++)
    {
      if (token_at (a, t)->kind != QUOTES_TOKEN_WORD && token_at (a, t)->kind != QUOTES_TOKEN_NUMBER)
        return -1;
      /* "Clinton aides said details of the plan will be unveiled": the
       * phrase ends at a reporting verb of its own. */
      if (t > first && end == record->first_token && cue_at (a, t) >= 0 && !modifies_next (a, t - 1))
        {
          end = t;
          break;
        }
      if (end == record->first_token && (is_auxiliary (a, t) || is_negated (a, t)))
        end = t;
      else if (end < t && !is_auxiliary (a, t) && !is_negated (a, t) && !is_filler (a, t))
        return -1;
    }
  /* "But former secretary … said": the phrase after the conjunction; not
   * "In a back-and-forth, … said": a phrase after a preposition is none. */
  if (opens_with_conjunction (a, first))
    first++;
  if (first >= end || opens_with_linking_word (a, first))
    return -1;
  /* "He went on to say", "It also said": a pronoun is the subject by
   * itself; the words after it hold its verb. */
  if (mention_at (a, first) >= 0 && mention (a, mention_at (a, first))->kind == QUOTES_MENTION_PRONOUN)
    end = first + 1;
  /* "Zucker responded by saying", "Weaver says he's expecting": so is a
   * name followed by anything but a role ("Trump campaign"). */
  else if (mention_at (a, first) >= 0)
    {
      const QuotesMention *name = mention (a, mention_at (a, first));

      if (name->kind == QUOTES_MENTION_NAME && name->first_token == first && !name->possessive &&
          name->end_token < end && !(token_at (a, name->end_token)->lex & QUOTES_WORD_ROLE))
        return mention_at (a, first);
    }
  return attribution_add_noun_phrase (a, first, end, FALSE);
}

static void
add_reported_speech (Attribution *a,
                     gint32       c,
                     gboolean    *cue_used)
{
  const QuotesCue *record = cue (a, c);
  const QuotesSentence *sentence = sentence_of (a, record->first_token);
  gint32 subject, m;

  if (cue_used[c] || (quotes_document_sentence_of (a->doc, record->first_token) == a->reported_sentence &&
                      a->reported_in_sentence >= MAX_REPORTED_PER_SENTENCE))
    return;
  /* Looked for once: nothing below changes what it finds. */
  subject = attribution_subject_before (a, record->first_token, sentence->first_token);
  if (subject < 0 &&
      ((m = attribution_sentence_subject (a, record)) >= 0 || (m = attribution_opening_noun_phrase (a, record)) >= 0))
    {
      if (record->flags & (QUOTES_CUE_CLAUSE | QUOTES_CUE_OBJECT))
        add_indirect (a, reported_clause_start (a, record, sentence->end_token), sentence->end_token, c, m);
      return;
    }
  m = subject;
  if (m >= 0 && !agrees (a, m, record))
    return;
  if (m < 0 && (record->flags & QUOTES_CUE_QUOTATION) && !(record->flags & QUOTES_CUE_PARTICIPLE) &&
      record->first_token > sentence->first_token &&
      quotes_document_token_is_punct (a->doc, record->first_token - 1, ","))
    {
      m = attribution_source_after (a, record->end_token, sentence->end_token);
      if (m >= 0)
        add_clause_before (a, c, m, sentence);
      return;
    }
  if (m < 0 && (record->flags & QUOTES_CUE_CLAUSE))
    m = sentence_noun_phrase (a, record, sentence);
  if (m < 0)
    return;
  if ((record->flags & (QUOTES_CUE_CLAUSE | QUOTES_CUE_OBJECT)) &&
      add_indirect (a, reported_clause_start (a, record, sentence->end_token), sentence->end_token, c, m))
    return;
  add_clause_before (a, c, m, sentence);
}

#define MAX_ACCORDING_PHRASE 16  /* "according to the average of recent polls compiled by Real Clear Politics" */

/* Where the phrase after "according to X" ends: at the first comma, stop or
 * dash within a few words, or G_MAXUINT. */
static guint
according_phrase_end (const Attribution *a,
                      guint              from,
                      guint              end)
{
  for (guint t = from; t < end && t < from + MAX_ACCORDING_PHRASE; t++)
    if (token_at (a, t)->kind == QUOTES_TOKEN_PUNCT && !quotes_document_token_is_punct (a->doc, t, "-'’"))
      return quotes_document_token_is_punct (a->doc, t, ",.;:—–!?") ? t : G_MAXUINT;
  return end <= from + MAX_ACCORDING_PHRASE ? end : G_MAXUINT;
}

/* "According to X, …", "…, according to X.", "…, according to X, …" (the
 * claim around the aside) and "… delegates according to a count by X." */
static void
add_according_to (Attribution *a,
                  guint        index)
{
  const QuotesSentence *sentence = sentence_of (a, index);
  Found found = { -1, -1, 0.0 };
  guint after;

  if ((token_at (a, index)->flags & QUOTES_TOKEN_IN_QUOTE) ||
      !attribution_according_to (a, index, sentence->end_token, &found))
    return;
  after = according_phrase_end (a, mention (a, found.source)->end_token, sentence->end_token);
  if (after == G_MAXUINT)
    return;
  if (index == sentence->first_token)
    {
      if (after < sentence->end_token && quotes_document_token_is_punct (a->doc, after, ","))
        add_indirect (a, after + 1, sentence->end_token, found.cue, found.source);
      return;
    }
  if (quotes_document_token_is_punct (a->doc, index - 1, ",—–") && after < sentence->end_token &&
      quotes_document_token_is_punct (a->doc, after, ",") && ends_clause_after (a, after + 1, sentence->end_token))
    {
      /* "Fundraising, according to the campaign, has surged" */
      add_indirect (a, sentence->first_token, sentence->end_token, found.cue, found.source);
      return;
    }
  if (quotes_document_token_is_punct (a->doc, index - 1, ",—–"))
    add_indirect (a, sentence->first_token, index - 1, found.cue, found.source);
  else if (token_at (a, index - 1)->kind == QUOTES_TOKEN_WORD || token_at (a, index - 1)->kind == QUOTES_TOKEN_NUMBER)
    add_indirect (a, sentence->first_token, index, found.cue, found.source);
}

#define ACCORDING_BLOCK 64

/* Whether "cc", in any case, starts at byte @at of @text: only 'c' and 'C'
 * give 'c' with 0x20 added. */
static inline gboolean
is_cc_at (const guchar *text,
          gsize         at)
{
  return (text[at] | 0x20) == 'c' && (text[at + 1] | 0x20) == 'c';
}

/* Whether "cc", in any case, starts in the ACCORDING_BLOCK bytes from
 * @text; without a branch, so that the compiler compares many bytes at
 * once. */
static inline gboolean
block_has_cc (const guchar *text)
{
  guchar any = 0;

  for (guint k = 0; k < ACCORDING_BLOCK; k++)
    any |= ((text[k] | 0x20) == 'c') & ((text[k + 1] | 0x20) == 'c');
  return any != 0;
}

/* "According to X" if a token that is "according" starts at byte @at.
 * @paragraph walks the paragraphs, which hold the tokens in the order of
 * the text, along with @at. */
static void
add_according_at (Attribution *a,
                  gsize        at,
                  guint       *paragraph)
{
  const GArray *paragraphs = a->doc->paragraphs;
  const QuotesParagraph *holder;
  const QuotesToken *token;
  guint t;

  if (at + 9 > a->doc->length || g_ascii_strncasecmp (a->doc->text + at, "according", 9) != 0)
    return;
  while (*paragraph < paragraphs->len && g_array_index (paragraphs, QuotesParagraph, *paragraph).end <= at)
    (*paragraph)++;
  if (*paragraph == paragraphs->len || (holder = &g_array_index (paragraphs, QuotesParagraph, *paragraph))->start > at)
    return;
  t = quotes_document_first_from (a->doc->tokens, holder->first_token, holder->end_token,
                                  G_STRUCT_OFFSET (QuotesToken, start), at);
  if (t == holder->end_token || (token = token_at (a, t))->start != at)
    return;
  if ((a->doc->text[token->start] | 0x20) == 'a' && quotes_document_token_base_length (a->doc, token) == 9 && is_word (a, t, "according"))
    add_according_to (a, t);
}

/* "According to X" for every token that is "according", in the order of
 * the text. Only "A" and "a" lower-case to "a", and no other character to
 * a letter of "according", so the word is these nine bytes of the text in
 * every spelling, and its "cc" is rare in other words: the text shows
 * where to look, in a third of the memory the tokens take. */
static void
add_according_to_all (Attribution *a)
{
  const guchar *text = (const guchar *) a->doc->text;
  gsize length = a->doc->length;
  guint paragraph = 0;

  for (gsize block = 0; block + 1 < length; block += ACCORDING_BLOCK)
    {
      if (block + ACCORDING_BLOCK + 1 <= length && !block_has_cc (text + block))
        continue;
      for (gsize k = MAX (block, 1); k < block + ACCORDING_BLOCK && k + 1 < length; k++)
        if (is_cc_at (text, k))
          add_according_at (a, k - 1, &paragraph);
    }
}

#define CUES_AHEAD QUOTES_PREFETCH_AHEAD

/* Asks for what add_reported_speech reads first of the cues ahead that
 * no quote took, in two steps: CUES_AHEAD records on, the tokens of the
 * cue and the one before, their sentence, and the mention and cue on
 * that token; half as far on, with those at hand, the sentence's record,
 * the text of the token before and the mention that ends there, the
 * speaker it looks for first. The cues are far apart in megabytes of
 * tokens and text, and each of these was a cache miss. Always inline:
 * GCC takes a function that only prefetches for pure, and drops the
 * call. */
G_ALWAYS_INLINE static inline void
prefetch_cue (const Attribution *a,
              guint              c,
              const gboolean    *cue_used)
{
  guint far = c + CUES_AHEAD, near = c + CUES_AHEAD / 2;
  guint t;
  gint32 m;

  if (far < a->doc->cues->len && !cue_used[far] && (t = cue (a, far)->first_token) > 0)
    {
      quotes_document_prefetch_token (a->doc, t - 1);
      quotes_prefetch (&a->mentions_at.delta[t - 1]);
      quotes_prefetch (&a->cues_at.delta[t - 1]);
    }
  if (near < a->doc->cues->len && !cue_used[near] && (t = cue (a, near)->first_token) > 0)
    {
      quotes_prefetch (sentence_of (a, t));
      quotes_prefetch (a->doc->text + token_at (a, t - 1)->start);
      if ((m = mention_at (a, t - 1)) >= 0)
        quotes_prefetch (mention (a, m));
    }
}

/* After the quotes in marks: the cues that no quote took report clauses,
 * and so does "according to". */
void
attribution_add_reported_speech (Attribution *a)
{
  QuotesDocument *doc = a->doc;
  guint n_cues = doc->cues->len;
  g_autofree gboolean *cue_used = g_new0 (gboolean, n_cues + 1);

  for (guint i = 0; i < doc->quotes->len; i++)
    {
      gint32 c = g_array_index (doc->quotes, QuotesQuoteRecord, i).cue;

      if (c >= 0 && (guint) c < n_cues)
        cue_used[c] = TRUE;
    }
  for (guint c = 0; c < n_cues; c++)
    {
      prefetch_cue (a, c, cue_used);
      add_reported_speech (a, c, cue_used);
    }
  a->n_cued = doc->quotes->len;
  add_according_to_all (a);
}
