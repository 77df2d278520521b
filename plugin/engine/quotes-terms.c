/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Words in marks with no reporting verb next to them, for the attribution
 * stage: which are a term or a title (a so-called "peace plan", a book
 * called "…", a show on a network), and which are still someone's words
 * (whose call or promise they are, who called or dubbed something so, who
 * refers to someone as them, what a sign reads, the headline's speaker).
 */

#include "config.h"

#include "quotes-attribution-private.h"

#define MAX_ASIDE 4         /* tokens of ", for one," */
#define MAX_AS_DISTANCE 14  /* "refers to the candidate, who is supposedly his longtime friend, as" */
#define MAX_CALLER_DISTANCE 6
#define MAX_HEADLINE_SPEAKER 8  /* tokens before the colon of "Name: …" */
#define MAX_NAMED_OBJECT 4  /* "called his main opponent “…”" */
#define MAX_SPEECH_NOUN_DISTANCE 24   /* "the contention of X that some of her emails have been subjected to" */
#define MAX_WHAT_DISTANCE 16  /* "in what Bay Buchanan, national treasurer for …, called" */
#define MAX_WORDS_AFTER_SPEECH_NOUN 4  /* "call for a", "pledge to be" */
#define MIN_CONTINUED_WORDS 6
#define MIN_LONG_QUOTE_WORDS 9

static const char *phrase_prepositions[] = { "on", "of", "in", "at", "from", "with", NULL };

/* Nouns for what someone says: "Trump's call for …", "the contention of
 * Clinton that …". */
static const char *speech_nouns[] = {
  "call", "calls", "claim", "claims", "promise", "promises", "pledge", "pledges", "assertion", "remark",
  "remarks", "comment", "comments", "statement", "vow", "threat", "warning", "suggestion", "demand",
  "broadside", "rhetoric", "words", "phrase", "line", "quip", "slogan", "criticism", "attack", "attacks",
  "charge", "accusation", "argument", "plea", "message", "tweet", "response", "reply", "answer",
  "prediction", "boast", "admission", "denial", "insistence", "contention", "dig", "reaction", "verdict",
  "assessment", "description", "characterization", "motto", "mantra", "refrain", "retort", "jab", "swipe",
  "insult", "nickname", "joke", "complaint", "lament", "appeal", "request", "advice", "cry", "pitch", NULL,
};

static const char *writings[] = { "message", "tweet", "post", "statement", "letter", "email", "note", "text", NULL };

/* The short words a title leaves in lower case: "The Lord of the Rings",
 * but not "Thank you Indiana". */
static gboolean
is_title_small_word (const Attribution *a,
                     guint              index)
{
  static const char *words[] = {
    "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at",
    "by", "in", "of", "off", "on", "per", "to", "up", "via", "vs", "with", "from", "into", "onto", "upon", NULL,
  };

  return is_word_in (a, index, words);
}

/* Every word of the quote capitalised but a title's small words, and at
 * least @min_words of them longer than three letters: a title ("Saturday
 * Night Live", "The Long Road Home"), not a sentence ("This is all me.",
 * "Thank you Indiana!"). */
gboolean
attribution_is_title_case (const Attribution      *a,
                           const QuotesMarkedSpan *span,
                           guint                   min_words)
{
  guint words = 0;

  for (guint t = span->open_token + 1; t < span->close_token; t++)
    {
      const QuotesToken *token = token_at (a, t);

      if (token->kind != QUOTES_TOKEN_WORD || (token->flags & QUOTES_TOKEN_CAPITALIZED))
        {
          words += token->kind == QUOTES_TOKEN_WORD && quotes_document_token_length (a->doc, token) > 3;
          continue;
        }
      if (quotes_document_token_length (a->doc, token) > 4 || !is_title_small_word (a, t))
        return FALSE;
    }
  return words >= min_words;
}

/* The capitalised words in marks, however short ("New Day", "The View"),
 * or 0 when a stop comes before the last word ("Marco! Marco!" is a chant). */
static guint
capitalized_words (const Attribution      *a,
                   const QuotesMarkedSpan *span)
{
  guint words = 0;

  for (guint t = span->open_token + 1; t < span->close_token; t++)
    {
      if (quotes_document_token_is_punct (a->doc, t, ".!?") && t + 1 < span->close_token &&
          token_at (a, t + 1)->kind == QUOTES_TOKEN_WORD)
        return 0;
      words += token_at (a, t)->kind == QUOTES_TOKEN_WORD && (token_at (a, t)->flags & QUOTES_TOKEN_CAPITALIZED);
    }
  return words;
}

/* "called it", "called him", "what Gingrich called", "who Beck on Wednesday
 * called", "the nominee, Mitt Romney, called": someone does the calling
 * before @called; "a book called", "a series, called": a title. */
static gboolean
someone_calls (const Attribution *a,
               guint              called)
{
  for (guint k = called; k-- > 0 && called - k <= MAX_CALLER_DISTANCE;)
    {
      gint32 m = mention_at (a, k);

      if ((m >= 0 && (mention (a, m)->kind == QUOTES_MENTION_PRONOUN ||
                      (mention (a, m)->kind == QUOTES_MENTION_NAME &&
                       mention (a, m)->type == QUOTES_ENTITY_TYPE_PERSON))) ||
          is_word (a, k, "it") || is_word (a, k, "them") || is_word (a, k, "this") || is_word (a, k, "that"))
        return TRUE;
      /* "Rush Limbaugh, for one, called": past a short aside between
       * commas */
      if (quotes_document_token_is_punct (a->doc, k, ","))
        {
          guint aside = k;

          while (aside > 0 && k - aside < MAX_ASIDE && !quotes_document_token_is_punct (a->doc, aside - 1, ",.;:"))
            aside--;
          if (aside >= 2 && aside < k && quotes_document_token_is_punct (a->doc, aside - 1, ",") &&
              mention_at (a, aside - 2) >= 0 && mention_at (a, aside) < 0 && mention_at (a, k - 1) < 0)
            k = aside - 1;
        }
      /* past a comma, a day's name or "on" to the caller, and no further */
      if (!(quotes_document_token_is_punct (a->doc, k, ",") || is_word (a, k, "on") ||
            (token_at (a, k)->kind == QUOTES_TOKEN_WORD && (token_at (a, k)->flags & QUOTES_TOKEN_CAPITALIZED))))
        return FALSE;
    }
  return FALSE;
}

/* "in what one Latino conservative has dubbed “…”": "what" opens the
 * clause of the naming verb at @called, whose subject names the thing. */
static guint
what_before (const Attribution *a,
             guint              called)
{
  for (guint k = called; k-- > 0 && called - k <= MAX_WHAT_DISTANCE;)
    {
      if (is_word (a, k, "what"))
        return k + 1 < called ? k : G_MAXUINT;
      if (token_at (a, k)->kind != QUOTES_TOKEN_WORD && !quotes_document_token_is_punct (a->doc, k, ",'’") &&
          token_at (a, k)->kind != QUOTES_TOKEN_NUMBER)
        return G_MAXUINT;
    }
  return G_MAXUINT;
}

static gboolean
follows_what (const Attribution *a,
              guint              called)
{
  return what_before (a, called) != G_MAXUINT;
}

/* so-called “peace plan”, a book called “The Long Road Home”: a term or a
 * title, not speech. "Critics called it “a disaster”" is speech. */
gboolean
attribution_names_a_term (const Attribution      *a,
                          const QuotesMarkedSpan *span)
{
  static const char *markers[] = {
    "so-called", "titled", "entitled", "named", "term",
    "word", "words", "phrase", "slogan", "hashtag",
    "billed", "headlined", "known", NULL,
  };
  static const char *naming_verbs[] = { "called", "dubbed", "labeled", "labelled", "branded", "nicknamed", NULL };
  static const char *work_nouns[] = {
    "show", "program", "programme", "podcast", "book", "film", "movie", "series", "album", "song",
    "documentary", "novel", "memoir", "column", "newsletter", "segment", "play", "musical", "sitcom", NULL,
  };
  guint open = span->open_token;
  char lower[32];

  if (open == 0 || token_at (a, open - 1)->kind != QUOTES_TOKEN_WORD ||
      quotes_document_token_lower (a->doc, open - 1, lower, sizeof lower) == NULL)
    return FALSE;
  if (quotes_word_in_list (markers, lower))
    return TRUE;
  /* "said on ABC's “This Week”", "appeared on “Meet the Press”", "starred
   * in “The Revenant”", "Fiorina told “Fox and Friends”", "told
   * NBC's “Today”", "on Fox News channel's “Sunday Morning Futures”": a
   * show's or a work's title; not in a headline, whose words are all
   * capitalised ("Graham: Trump’s ‘Hateful Rhetoric’", "Clinton Sides With
   * Bush On ‘Radical Islam’"). */
  if (!g_array_index (a->doc->paragraphs, QuotesParagraph, span->paragraph).headline &&
      (((g_str_equal (lower, "on") || g_str_equal (lower, "of")) && attribution_is_title_case (a, span, 0) &&
        capitalized_words (a, span) >= 2) ||
       ((g_str_equal (lower, "in") || g_str_equal (lower, "told")) && attribution_is_title_case (a, span, 1)) ||
       ((token_at (a, open - 1)->flags & QUOTES_TOKEN_POSSESSIVE) && attribution_is_title_case (a, span, 0))))
    return TRUE;
  /* "the MSNBC show “Morning Joe”", "his podcast “The Axe Files”", "the
   * morning program “New Day”": after such a noun a title may be short */
  if (quotes_word_in_list (work_nouns, lower) && attribution_is_title_case (a, span, 0))
    return TRUE;
  if (g_str_equal (lower, "as") && open >= 2 && is_word (a, open - 2, "known"))
    return TRUE;
  /* "a book called “…”", but "what Gingrich called “…”", "Trump labeled
   * him “…”": whoever calls, dubs, labels or brands something so says it. */
  if (open >= 2 && quotes_word_in_list (naming_verbs, lower))
    return !someone_calls (a, open - 1) && !follows_what (a, open - 1);
  return FALSE;
}

/* "refused to say the words “radical Islam”", "using the term “pivot”": the
 * sentence's subject says them. */
static gboolean
uses_a_term (const Attribution      *a,
             const QuotesMarkedSpan *span)
{
  static const char *markers[] = { "term", "word", "words", "phrase", "slogan", "hashtag", "chant", "chants", NULL };

  return span->open_token > 0 && token_at (a, span->open_token - 1)->kind == QUOTES_TOKEN_WORD &&
         is_word_in (a, span->open_token - 1, markers);
}

/* The "read" or "reading" right before @span, or G_MAXUINT. */
static guint
text_verb (const Attribution      *a,
           const QuotesMarkedSpan *span)
{
  static const char *verbs[] = { "read", "reads", "reading", NULL };
  guint before = span->open_token;

  if (before > 0 && quotes_document_token_is_punct (a->doc, before - 1, ",:"))
    before--;
  return before > 0 && is_word_in (a, before - 1, verbs) ? before - 1 : G_MAXUINT;
}

/* "a campaign hat reading, “…”", "the sign — which read “…”": the thing
 * whose text is quoted, a short phrase from its determiner to the verb or
 * to "which", added as a role mention; or -1. */
gint32
attribution_text_bearer (Attribution            *a,
                         const QuotesMarkedSpan *span)
{
  guint end = text_verb (a, span), floor = sentence_of (a, span->open_token)->first_token, first = G_MAXUINT;
  gint32 bearer;

  if (end == G_MAXUINT || end <= floor)
    return -1;
  if (is_word (a, end - 1, "which") || is_word (a, end - 1, "that"))
    end--;
  while (end > floor && quotes_document_token_is_punct (a->doc, end - 1, ",—–-"))
    end--;
  /* the first determiner of the phrase: "a message on the trust's site" */
  for (guint t = end; t-- > floor && end - t <= MAX_NOUN_PHRASE;)
    {
      if (token_at (a, t)->kind != QUOTES_TOKEN_WORD || cue_at (a, t) >= 0)
        break;
      if (!is_source_determiner (a, t) || t + 1 >= end)
        continue;
      first = t;
      if (t == floor || !is_word_in (a, t - 1, phrase_prepositions))
        break;
    }
  if (first == G_MAXUINT)
    return -1;
  /* "Trump posted a message on Twitter reading “…”": a message is its
   * writer's, a sign or a shirt shows its own words. */
  bearer = attribution_add_noun_phrase (a, first, end, FALSE);
  return is_word_in (a, first + 1, writings) ? attribution_speaker_of_object (a, bearer) : bearer;
}

/* "a sign which read “Hispanics 4 Trump”", "a hat reading, “Make Mexico
 * Great Again”": what a sign, a shirt or a message reads is quoted, title
 * case or not. */
gboolean
attribution_shows_text (const Attribution      *a,
                        const QuotesMarkedSpan *span)
{
  return text_verb (a, span) != G_MAXUINT;
}

/* The first subject of the quote's sentence before the quote. */
static gint32
subject_of_sentence (const Attribution      *a,
                     const QuotesMarkedSpan *span)
{
  const QuotesSentence *sentence = sentence_of (a, span->open_token);
  gint32 m = attribution_first_subject (a, sentence->first_token, span->open_token, FALSE);

  /* "The council voted for a resolution that “condemns …”": a body or a
   * group that opens the sentence. */
  if (m < 0 && (m = attribution_first_subject (a, sentence->first_token, span->open_token, TRUE)) >= 0 &&
      mention (a, m)->first_token > sentence->first_token + 1)
    m = -1;
  return m;
}

/* "the contention of former secretary of state Hillary Clinton that … “…”",
 * "the suggestion by a potential president that someone “…”": the one
 * after "of" or "by" says what the noun's clause quotes. */
static gint32
speaker_after_speech_noun (const Attribution      *a,
                           const QuotesMarkedSpan *span)
{
  guint floor = sentence_of (a, span->open_token)->first_token;

  for (guint t = span->open_token; t-- > floor + 1 && span->open_token - t <= MAX_SPEECH_NOUN_DISTANCE;)
    {
      gint32 m;

      if (token_at (a, t)->kind == QUOTES_TOKEN_MARK || (token_at (a, t)->flags & QUOTES_TOKEN_IN_QUOTE))
        return -1;
      if (!(is_word (a, t, "of") || is_word (a, t, "by")) || !is_word_in (a, t - 1, speech_nouns))
        continue;
      /* "of former secretary of state Hillary Clinton": a name after its
       * title */
      for (guint k = t + 1; k < span->open_token && k <= t + MAX_TITLE_BEFORE_NAME; k++)
        {
          if (token_at (a, k)->kind != QUOTES_TOKEN_WORD)
            return -1;
          if ((m = mention_at (a, k)) < 0 || mention (a, m)->possessive || !can_be_source (a, m) ||
              mention (a, m)->kind == QUOTES_MENTION_PRONOUN)
            continue;
          /* "of former secretary of state Hillary Clinton that": the
           * phrase ends before "that" or "to". */
          if (is_word (a, mention (a, m)->end_token, "that") || is_word (a, mention (a, m)->end_token, "to"))
            return m;
          k = mention (a, m)->end_token - 1;
        }
      return -1;
    }
  return -1;
}

static gint32
owner_of_words (const Attribution      *a,
                const QuotesMarkedSpan *span)
{
  guint k = span->open_token;

  /* "Mitt Romney's “47 percent” comment": the possessor right before the
   * marks, a speech noun right after them. */
  if (k > 0 && span->close_token + 1 < a->doc->tokens->len &&
      is_word_in (a, span->close_token + 1, speech_nouns))
    {
      gint32 m = mention_at (a, k - 1);

      if (m >= 0 && mention (a, m)->possessive && mention (a, m)->end_token == k && is_someone (a, m) &&
          mention (a, m)->kind != QUOTES_MENTION_DESCRIPTOR)
        return m;
    }
  if (k > 0 && quotes_document_token_is_punct (a->doc, k - 1, ",:"))
    k--;
  /* "Trump's call for “…”", "Sanders's clarion call for a “…”", "Trump's
   * recent assertion that “thousands” …": the speech noun a few words
   * before the marks, up to two words between it and its possessor. */
  for (guint noun = k, n = 0; noun-- > 1 && n < MAX_WORDS_AFTER_SPEECH_NOUN; n++)
    {
      if (token_at (a, noun)->kind != QUOTES_TOKEN_WORD || mention_at (a, noun) >= 0)
        return -1;
      if (!is_word_in (a, noun, speech_nouns))
        {
          /* Not past a verb ("… said the “…”"), but inside "call for". */
          if (cue_at (a, noun) >= 0 && cue (a, cue_at (a, noun))->first_token == noun)
            return -1;
          continue;
        }
      for (guint owner = noun, between = 0; owner-- > 0 && between <= 2; between++)
        {
          gint32 m = mention_at (a, owner);

          /* "his promise to be “…”" too */
          if (m >= 0)
            return (mention (a, m)->possessive || mention (a, m)->pronoun_case == QUOTES_PRONOUN_POSSESSIVE) &&
                   mention (a, m)->end_token == owner + 1 && is_someone (a, m) &&
                   mention (a, m)->kind != QUOTES_MENTION_DESCRIPTOR ? m : -1;
          if (token_at (a, owner)->kind != QUOTES_TOKEN_WORD || (token_at (a, owner)->flags & QUOTES_TOKEN_CAPITALIZED))
            return -1;
        }
      return -1;
    }
  return -1;
}

/* Capitalised words only, none of them a mention, from @first to @end. */
static gboolean
only_capitals (const Attribution *a,
               guint              first,
               guint              end)
{
  for (guint t = first; t < end; t++)
    if (token_at (a, t)->kind != QUOTES_TOKEN_WORD || !(token_at (a, t)->flags & QUOTES_TOKEN_CAPITALIZED) ||
        mention_at (a, t) >= 0)
      return FALSE;
  return TRUE;
}

/* "Harris: Tariffs Are ‘A Tax on Every Family’": a headline that opens
 * with a name and a colon gives the words in marks after it to that name. */
gint32
attribution_headline_speaker (const Attribution      *a,
                              const QuotesMarkedSpan *span)
{
  const QuotesParagraph *paragraph = &g_array_index (a->doc->paragraphs, QuotesParagraph, span->paragraph);
  guint first = paragraph->first_token;

  if (!paragraph->headline && span->paragraph != 0)
    return -1;
  for (guint t = first + 1; t < span->open_token && t <= first + MAX_HEADLINE_SPEAKER; t++)
    if (quotes_document_token_is_punct (a->doc, t, ":"))
      {
        gint32 m = mention_at (a, t - 1);

        /* "McCain Challenger Kelli Ward: …": capitalised words before the
         * name describe it */
        if (m >= 0 && mention (a, m)->end_token == t && mention (a, m)->kind == QUOTES_MENTION_NAME &&
            can_be_source (a, m) && only_capitals (a, first, mention (a, m)->span_token))
          return m;
        break;  /* "Carly Fiorina Endorses Ted Cruz: …" */
      }
  /* "Sanders Told A Female Reporter Not To ‘Moan’": a person who opens the
   * headline and does something in it. */
  {
    gint32 m = mention_at (a, first);

    if (m >= 0 && mention (a, m)->kind == QUOTES_MENTION_NAME && mention (a, m)->type == QUOTES_ENTITY_TYPE_PERSON &&
        mention (a, m)->span_token == first && can_be_source (a, m) && mention (a, m)->end_token < span->open_token &&
        token_at (a, mention (a, m)->end_token)->kind == QUOTES_TOKEN_WORD)
      return m;
  }
  return -1;
}

/* "“We were not happy,” said Finlayson. Now, “within the business
 * community there is …”": a quote as long as a clause that ends its
 * sentence, later in the paragraph of an attributed quote, goes on with
 * that quote's speaker. */
static gint32
source_continued (const Attribution      *a,
                  const QuotesMarkedSpan *span)
{
  const QuotesQuoteRecord *before = previous_marked_quote (a, a->doc->quotes->len);
  guint last = last_inner_token (a, span);

  if (before == NULL || before->source < 0 || before->kind == QUOTES_QUOTE_KIND_SCARE ||
      paragraph_of_quote (a, before) != span->paragraph || words_in_marks (a, span) < MIN_CONTINUED_WORDS)
    return -1;
  if (quotes_document_token_is_punct (a->doc, last, ".!?") ||
      sentence_of (a, span->close_token)->end_token == span->close_token + 1 ||
      (span->close_token + 1 < a->doc->tokens->len &&
       quotes_document_token_is_punct (a->doc, span->close_token + 1, ".!?")))
    return before->source;
  return -1;
}

/* "referred to themselves as “The Glass Ceiling Club”", "not once
 * referring to his rivals as “Little Marco”": a name the subject gives,
 * unlike "known as", "billed as", "such as". */
static gboolean
names_as_subject (const Attribution      *a,
                  const QuotesMarkedSpan *span)
{
  guint open = span->open_token;

  return open >= 2 && is_word (a, open - 1, "as") && token_at (a, open - 2)->kind == QUOTES_TOKEN_WORD &&
         !is_word (a, open - 2, "known") && !is_word (a, open - 2, "billed") && !is_word (a, open - 2, "such") &&
         !is_word (a, open - 2, "same") && !is_word (a, open - 2, "well");
}

/* Whoever calls something so, when the words around the naming verb say
 * who: "in what one Latino conservative has dubbed “…”" (between "what"
 * and the verb), "a clip that Judge Mosman called “…”" (a name right
 * before it), "has been called “…” by Joshua Hendrick" (after "by"). */
static gint32
namer_of_term (Attribution            *a,
               const QuotesMarkedSpan *span)
{
  static const char *naming_verbs[] = {
    "called", "dubbed", "labeled", "labelled", "branded", "nicknamed", "termed",
    "calls", "call", "dubs", "labels", "terms", NULL,
  };
  static const char *object_pronouns[] = { "him", "her", "them", "it", "himself", "herself", "themselves", NULL };
  static const char *be[] = { "is", "was", "were", "been", "being", NULL };
  guint open = span->open_token, verb = open - 1, what, end;
  gint32 m;

  if (open < 3)
    return -1;
  /* "he called Rubio “Little Marco”", "Trump calls her “Crooked …”": past
   * the one named, to the one who names. */
  if (!is_word_in (a, verb, naming_verbs))
    {
      guint object = verb;

      if ((m = mention_at (a, verb)) >= 0 && mention (a, m)->end_token == open && mention (a, m)->span_token > 0)
        object = mention (a, m)->span_token;
      /* "his opponent", "the senator": a short phrase in lower case */
      while (!is_word_in (a, object, object_pronouns) && object > open - MAX_NAMED_OBJECT && object > 1 &&
             token_at (a, object - 1)->kind == QUOTES_TOKEN_WORD &&
             !(token_at (a, object - 1)->flags & QUOTES_TOKEN_CAPITALIZED) && !is_word_in (a, object - 1, naming_verbs))
        object--;
      if (object < 2 || !is_word_in (a, object - 1, naming_verbs) || is_word_in (a, object - 2, be))
        return -1;
      m = attribution_subject_before (a, object - 1, sentence_of (a, object)->first_token);
      return m >= 0 && is_someone (a, m) ? m : -1;
    }
  if (is_word_in (a, verb - 1, be))
    {
      guint by = span->close_token + 1;

      if (by + 1 >= a->doc->tokens->len || !is_word (a, by, "by"))
        return -1;
      return attribution_agent_after_by (a, by + 1, paragraph_end (a, by));
    }
  if ((m = mention_at (a, verb - 1)) >= 0 && mention (a, m)->end_token == verb && can_be_source (a, m) &&
      !mention (a, m)->possessive && mention (a, m)->kind != QUOTES_MENTION_PRONOUN && mention (a, m)->first_token > 0 &&
      (is_word (a, mention (a, m)->first_token - 1, "that") || is_word (a, mention (a, m)->first_token - 1, "which") ||
       is_word (a, mention (a, m)->first_token - 1, "whom")))
    return m;
  if ((what = what_before (a, verb)) == G_MAXUINT)
    return -1;
  for (guint t = what + 1; t < verb; t++)
    if (mention_at (a, t) >= 0)
      return can_be_source (a, mention_at (a, t)) ? mention_at (a, t) : -1;
  for (end = what + 1; end < verb && !is_auxiliary (a, end); end++)
    ;
  return end > what + 1 && end - what <= MAX_NOUN_PHRASE ? attribution_add_noun_phrase (a, what + 1, end, FALSE) : -1;
}

/* "Christie refers to the candidate, …, as “Mr. Trump,” while Trump refers
 * to him as “Chris”": the subject of the verb that names something "as"
 * the words in marks. */
static gint32
namer_before_as (const Attribution      *a,
                 const QuotesMarkedSpan *span)
{
  static const char *verbs[] = {
    "refer", "refers", "referred", "referring", "describe", "describes", "described", "describing",
    "characterize", "characterizes", "characterized", "portray", "portrays", "portrayed", "depict", "depicts",
    "depicted", "cast", "casts", "hail", "hails", "hailed", "dismiss", "dismisses", "dismissed", "deride",
    "derides", "derided", "tout", "touts", "touted", NULL,
  };
  guint open = span->open_token, floor;

  if (open < 3 || !is_word (a, open - 1, "as"))
    return -1;
  floor = sentence_of (a, open)->first_token;
  for (guint t = open - 1; t-- > floor && open - t <= MAX_AS_DISTANCE;)
    {
      gint32 m;

      if (token_at (a, t)->kind == QUOTES_TOKEN_MARK || (token_at (a, t)->flags & QUOTES_TOKEN_IN_QUOTE) ||
          quotes_document_token_is_punct (a->doc, t, ";:"))
        return -1;
      if (!is_word_in (a, t, verbs))
        continue;
      m = attribution_subject_before (a, t, floor);
      return m >= 0 && is_someone (a, m) ? m : -1;
    }
  return -1;
}

/* Nine words or more in marks, the first not capitalised: a clause, not a
 * term. */
static gboolean
is_long_lower_case (const Attribution      *a,
                    const QuotesMarkedSpan *span)
{
  guint words = 0;

  if (span->open_token + 1 >= span->close_token ||
      (token_at (a, span->open_token + 1)->flags & QUOTES_TOKEN_CAPITALIZED))
    return FALSE;
  for (guint t = span->open_token + 1; t < span->close_token && words < MIN_LONG_QUOTE_WORDS; t++)
    words += token_at (a, t)->kind == QUOTES_TOKEN_WORD;
  return words >= MIN_LONG_QUOTE_WORDS;
}

/* "Mook released a memo titled “The Facts …”", "launched an ad titled,
 * “Scam.”": the title of a memo, an ad or a report is the words of whoever
 * put it out. */
static gint32
issuer_of_titled (Attribution            *a,
                  const QuotesMarkedSpan *span)
{
  static const char *markers[] = { "titled", "entitled", "headlined", NULL };
  guint k = span->open_token;
  gint32 document, m;

  if (k > 0 && quotes_document_token_is_punct (a->doc, k - 1, ","))
    k--;
  if (k < 2 || !is_word_in (a, k - 1, markers) || (document = mention_at (a, k - 2)) < 0 ||
      mention (a, document)->kind != QUOTES_MENTION_ROLE || mention (a, document)->type != QUOTES_ENTITY_TYPE_ORGANIZATION ||
      mention (a, document)->end_token != k - 1)
    return -1;
  m = attribution_speaker_of_object (a, document);
  return m != document ? m : -1;
}

/* Words in marks with no reporting verb near them: whose they are, with
 * how sure that is in @confidence, or -1. */
gint32
attribution_owner_without_cue (Attribution            *a,
                               const QuotesMarkedSpan *span,
                               gdouble                *confidence)
{
  /* Without a cue even one capitalised word is a title ("starred in
   * “Driftwood”"), not someone's words. */
  gboolean term_or_title = attribution_names_a_term (a, span) || attribution_is_title_case (a, span, 1);
  gint32 m;

  /* "Trump's call for “…”": whose call it was. */
  if ((m = owner_of_words (a, span)) >= 0 || (m = namer_of_term (a, span)) >= 0 ||
      (m = speaker_after_speech_noun (a, span)) >= 0 || (m = namer_before_as (a, span)) >= 0 ||
      (m = issuer_of_titled (a, span)) >= 0)
    {
      *confidence = 0.55;
      return m;
    }
  /* "Bush described his skills as a “work in progress”": the words in marks
   * are the subject's even without a reporting verb. */
  if ((!term_or_title || uses_a_term (a, span) || names_as_subject (a, span)) && (m = subject_of_sentence (a, span)) >= 0)
    {
      *confidence = 0.5;
      return m;
    }
  if (!term_or_title && (m = source_continued (a, span)) >= 0)
    {
      *confidence = 0.6;
      return m;
    }
  /* "A campaign group is “confident that Secretary Clinton will
   * continue to …”": a long run of words in marks is no scare quote; the
   * sentence's subject, a group or a role too, gives them. */
  if (!term_or_title && is_long_lower_case (a, span) &&
      (m = attribution_first_subject (a, sentence_of (a, span->open_token)->first_token, span->open_token, TRUE)) >= 0)
    {
      *confidence = 0.4;
      return m;
    }
  return -1;
}
