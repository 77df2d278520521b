/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * The attribution stage: for each quotation, the cue and the mention it
 * rests on, tried in the order a reader would: right after the quote
 * ("…,” she said), before it in its sentence ("X told reporters: “…”"),
 * then the context (the quote before it, the sentence before it, the
 * turns of a dialogue). Then reported speech without marks ("the minister
 * stressed that …", quotes-reported.c). Mentions become speakers in the
 * coreference stage.
 */

#include "config.h"

#include "quotes-attribution-private.h"
#include "quotes-huge-pages-private.h"
#include "quotes-sort-private.h"

#define MAX_LOOKBACK 40     /* tokens from a quote back to its cue */
#define MAX_PLACE_WORDS 10  /* "of the Institute for Science and International Security" */
#define MAX_APPOSITIVE 32   /* tokens of ", director of the … Institute," */
#define MAX_OPENING_PHRASE 12  /* "In a statement released on Thursday," */
#define MAX_LONG_NOUN_PHRASE 10  /* "said one well-connected Democrat familiar with the campaign's plans," */
#define MAX_PARENTHESIS 8   /* tokens of "(D-N.Y.)" */
#define MAX_APPOSITIVES 3   /* ", the attorney general of Oklahoma, one of the states suing," */
#define MAX_FILLERS 3
#define DASHES "-\xe2\x80\x93\xe2\x80\x94\xe2\x80\x95"  /* - – — ― */

static gboolean
only_fillers (const Attribution *a,
              guint              first,
              guint              end)
{
  if (end < first || end - first > MAX_FILLERS)
    return FALSE;
  for (guint t = first; t < end; t++)
    if (!is_filler (a, t))
      return FALSE;
  return TRUE;
}

static gboolean
same_paragraph (const Attribution *a,
                guint              x,
                guint              y)
{
  guint32 sx = quotes_document_sentence_of (a->doc, x), sy = quotes_document_sentence_of (a->doc, y);

  return g_array_index (a->doc->sentences, QuotesSentence, sx).paragraph ==
         g_array_index (a->doc->sentences, QuotesSentence, sy).paragraph;
}

#define NO_SUBJECT G_MAXUINT32
#define UNKNOWN_SUBJECT (G_MAXUINT32 - 1)

/* The first mention of the sentence that begins at @first, before @end, that
 * is the sentence's subject and may speak; roles ("a spokesman") only if
 * @roles. Found once per sentence: many quotes may ask. */
gint32
attribution_first_subject (const Attribution *a,
                           guint              first,
                           guint              end,
                           gboolean           roles)
{
  const QuotesSentence *sentence = sentence_of (a, first);
  guint32 *cached = &a->subject[roles][quotes_document_sentence_of (a->doc, first)];

  if (*cached == UNKNOWN_SUBJECT)
    {
      *cached = NO_SUBJECT;
      for (guint t = sentence->first_token; t < sentence->end_token; t++)
        {
          gint32 m = mention_at (a, t);

          /* "… tried to downplay the comments, saying they were": past
           * its first reporting verb the sentence reports someone else's. */
          if (cue_at (a, t) >= 0 && m < 0 && (cue (a, cue_at (a, t))->flags & QUOTES_CUE_PARTICIPLE) &&
              t > sentence->first_token && quotes_document_token_is_punct (a->doc, t - 1, ","))
            break;
          /* "About four in 10 said they were “angry”": the subject of
           * what the verb reports. */
          if (m >= 0 && mention (a, m)->kind == QUOTES_MENTION_PRONOUN && t > sentence->first_token &&
              cue_at (a, t - 1) >= 0)
            break;
          if (m >= 0 && mention (a, m)->is_subject && can_be_source (a, m) &&
              (roles || mention (a, m)->kind != QUOTES_MENTION_ROLE))
            {
              *cached = t;
              break;
            }
        }
    }
  return *cached < end ? mention_at (a, *cached) : -1;
}

/* "Another delegate on the slate, Jim Poolman, said": @name, between
 * commas, follows a description that is no name itself ("Vian, the
 * editor of the newspaper, L'Osservatore Romano, said" is Vian's), and
 * the verb is no participle ("…, Hillary Clinton, saying" is the
 * sentence subject's). */
static gboolean
name_after_description (const Attribution *a,
                        guint              verb,
                        guint              floor,
                        gint32             name)
{
  guint start;

  if (name < 0 || mention (a, name)->kind != QUOTES_MENTION_NAME ||
      mention (a, name)->type != QUOTES_ENTITY_TYPE_PERSON || !can_be_source (a, name) ||
      mention (a, name)->span_token <= floor + 1 ||
      !quotes_document_token_is_punct (a->doc, mention (a, name)->span_token - 1, ","))
    return FALSE;
  if (cue_at (a, verb) >= 0 && (cue (a, cue_at (a, verb))->flags & QUOTES_CUE_PARTICIPLE))
    return FALSE;
  start = mention (a, name)->span_token - 1;
  while (start > floor && !quotes_document_token_is_punct (a->doc, start - 1, ",.;:"))
    start--;
  if (start > floor + 1 && quotes_document_token_is_punct (a->doc, start - 1, ",") && mention_at (a, start - 2) >= 0 &&
      mention (a, mention_at (a, start - 2))->kind == QUOTES_MENTION_NAME &&
      mention (a, mention_at (a, start - 2))->type == QUOTES_ENTITY_TYPE_PERSON)
    return FALSE;  /* the description is itself in apposition to a person's name */
  return mention_at (a, start) < 0 || mention (a, mention_at (a, start))->kind != QUOTES_MENTION_NAME;
}

/* "when", "while", "because" … and a subject: a clause starts here, not
 * an apposition ("at Purchase, when Sanders protesters interrupted her,
 * shouting"; but "Powell's office, when contacted by Reuters, said"). */
static gboolean
opens_clause (const Attribution *a,
              guint              index)
{
  static const char *words[] = {
    "when", "while", "as", "after", "before", "because", "since", "if", "although", "though",
    "until", "where", "whereas", "once", NULL,
  };

  return index + 1 < a->doc->tokens->len && mention_at (a, index + 1) >= 0 &&
         mention (a, mention_at (a, index + 1))->first_token == index + 1 && can_be_source (a, mention_at (a, index + 1)) &&
         is_word_in (a, index, words);
}

/* A mention that is its sentence's subject starts between @first and @end. */
static gboolean
holds_subject (const Attribution *a,
               guint              first,
               guint              end)
{
  for (guint t = first; t < end; t++)
    if (mention_at (a, t) >= 0 && mention (a, mention_at (a, t))->is_subject &&
        !mention (a, mention_at (a, t))->relative && mention (a, mention_at (a, t))->span_token == t)
      return TRUE;
  return FALSE;
}

/* "Schumer (D-N.Y.) said", "Haugen (pictured) said": where the words
 * before a parenthesis that ends right before @t end. */
static guint
before_parenthesis (const Attribution *a,
                    guint              t,
                    guint              floor)
{
  if (t > floor + 2 && quotes_document_token_is_punct (a->doc, t - 1, ")"))
    {
      guint k = t - 1;

      while (k > floor + 1 && t - k < MAX_PARENTHESIS && !quotes_document_token_is_punct (a->doc, k, "("))
        k--;
      if (quotes_document_token_is_punct (a->doc, k, "("))
        return k;
    }
  return t;
}

/* A mention that ends at @end, unless it ends a description after a
 * preposition or an article: "Marta Olsen," but not the place in ", the
 * mayor of Brennvik," or the church in ", a pastor at the Reformation
 * Church,". */
static gboolean
names_before_comma (const Attribution *a,
                    gint32             m,
                    guint              end,
                    guint              floor)
{
  static const char *before_description[] = { "of", "in", "at", "from", "for", "the", "a", NULL };
  guint first;

  if (m < 0 || mention (a, m)->end_token != end)
    return FALSE;
  first = mention (a, m)->span_token;
  return first <= floor + 1 || !is_word_in (a, first - 1, before_description);
}

/* "Gov. John Kasich of Ohio, a Republican, said", "David Albright of the
 * Institute for Science and International Security said": where the name
 * ends when "of" and a place or a body follow it right before @index. */
static guint
before_place_of (const Attribution *a,
                 guint              index,
                 guint              floor)
{
  static const char *joining[] = { "the", "of", "for", "and", "&", NULL };

  /* "of Texas", "of South Carolina", "of the Institute for Science and
   * International Security": capitalised words and the small words of a
   * name, back to an "of" right after a person's name. */
  for (guint k = index; k-- > floor + 1 && index - k <= MAX_PLACE_WORDS;)
    {
      gint32 name;

      if (is_word (a, k, "of") && k < index - 1 && (name = mention_at (a, k - 1)) >= 0 &&
          mention (a, name)->end_token == k && mention (a, name)->kind == QUOTES_MENTION_NAME &&
          mention (a, name)->type == QUOTES_ENTITY_TYPE_PERSON)
        return k;
      if (token_at (a, k)->kind != QUOTES_TOKEN_WORD ||
          !((token_at (a, k)->flags & QUOTES_TOKEN_CAPITALIZED) || is_short_word_in (a, k, joining, 3)))
        return index;
    }
  return index;
}

/* A place right after a capitalised word and a comma: "Allentown, Pa." */
static gboolean
is_state_after_town (const Attribution *a,
                     guint              index,
                     guint              floor)
{
  return index >= floor + 2 && (quotes_document_token_names (a->doc, index) & QUOTES_NAME_PLACE) &&
         quotes_document_token_is_punct (a->doc, index - 1, ",") && token_at (a, index - 2)->kind == QUOTES_TOKEN_WORD &&
         (token_at (a, index - 2)->flags & QUOTES_TOKEN_CAPITALIZED);
}

/* "As Akhil Amar, a professor at Yale, put it": the stretch from @index,
 * after a comma, describes the person named right before that comma. */
static gboolean
describes_name_before (const Attribution *a,
                       guint              index,
                       guint              floor)
{
  gint32 name = index >= floor + 2 ? mention_at (a, index - 2) : -1;
  gint32 head = mention_at (a, index);

  return name >= 0 && mention (a, name)->kind == QUOTES_MENTION_NAME &&
         mention (a, name)->type == QUOTES_ENTITY_TYPE_PERSON && names_before_comma (a, name, index - 1, floor) &&
         (is_source_determiner (a, index) ||
          (head >= 0 && (mention (a, head)->kind == QUOTES_MENTION_ROLE ||
                         mention (a, head)->kind == QUOTES_MENTION_DESCRIPTOR)));
}

/* The mention that ends right before @index ("Holt stated"), over
 * fillers ("has also") and an appositive (", the union's president,"). */
gint32
attribution_subject_before (const Attribution *a,
                            guint              index,
                            guint              floor)
{
  guint t = index;

  for (guint n = 0; n < MAX_FILLERS && t > floor && is_filler (a, t - 1); n++)
    t--;
  /* "Beck on Wednesday called", "Holt Tuesday said": the day between. */
  if (t > floor + 1 && quotes_document_token_is_weekday (a->doc, t - 1))
    {
      t -= 1 + (t > floor + 2 && is_word (a, t - 2, "on"));
      for (guint n = 0; n < MAX_FILLERS && t > floor && is_filler (a, t - 1); n++)
        t--;
    }
  t = before_parenthesis (a, t, floor);
  /* "Pruitt, the attorney general of Oklahoma, one of the states suing,
   * said", "Rep. Jim Jordan (R-Ohio), a panel member, said". */
  for (guint n = 0, comma = t - 1; n < MAX_APPOSITIVES && comma > floor && quotes_document_token_is_punct (a->doc, comma, ","); n++)
    {
      guint k = comma;

      /* "Another delegate on the slate, Jim Poolman, said", "…, after
       * winning Ohio, Gov. John Kasich (R-OH), said": the name in
       * apposition after the description. */
      if (n == 0)
        {
          gint32 name = mention_at (a, before_parenthesis (a, comma, floor) - 1);

          if (name_after_description (a, index, floor, name))
            return name;
        }

      while (k > floor && comma + 1 - k < MAX_APPOSITIVE && !quotes_document_token_is_punct (a->doc, k - 1, ",.;:"))
        k--;
      /* "a retired teacher in Allentown, Pa., said": a town and its state
       * are one stretch. */
      if (k + 1 == comma && is_state_after_town (a, k, floor))
        for (k--; k > floor && comma + 1 - k < MAX_APPOSITIVE && !quotes_document_token_is_punct (a->doc, k - 1, ",.;:");)
          k--;
      /* Not "Here in Columbia, Sanders stepped up …, saying": a stretch
       * between commas that holds the sentence's subject is its clause,
       * unless it describes the name before it. */
      if (!(k > floor + 1 && quotes_document_token_is_punct (a->doc, k - 1, ",") &&
            (!holds_subject (a, k, comma) || describes_name_before (a, k, floor)) && !opens_clause (a, k)))
        break;
      t = before_place_of (a, before_parenthesis (a, k - 1, floor), floor);
      if (names_before_comma (a, mention_at (a, t - 1), t, floor))
        break;
      comma = k - 1;
    }
  if (t == floor || t == 0)
    return -1;
  t = before_place_of (a, t, floor);
  {
    gint32 m = mention_at (a, t - 1);

    if (m >= 0 && mention (a, m)->end_token == t && can_be_source (a, m))
      return m;
  }
  return -1;
}

/* A verb, or "to" or "by" before one: "The aide declined to", "the
 * program is a", "his plans by saying" are no names for a speaker ("one
 * Republican involved in the planning" is). */
static gboolean
breaks_noun_phrase (const Attribution *a,
                    guint              index)
{
  static const char *words[] = {
    "to", "by", "is", "are", "was", "were", "be", "been", "has", "have", "had", NULL,
  };

  return is_word_in (a, index, words);
}

/* "according to the newspaper,", "the moderator said": a source nobody in
 * particular, from @index to @end (a comma or the cue); added as a role
 * mention. @strict, next to words in marks, also refuses phrases that
 * read as the start of a clause. */
gint32
attribution_add_noun_phrase (Attribution *a,
                             guint        index,
                             guint        end,
                             gboolean     strict)
{
  QuotesMention np = { 0 };
  guint stop = index;

  while (stop < end && stop < index + (strict ? MAX_LONG_NOUN_PHRASE : MAX_NOUN_PHRASE) &&
         (token_at (a, stop)->kind == QUOTES_TOKEN_WORD || token_at (a, stop)->kind == QUOTES_TOKEN_NUMBER) &&
         !(token_at (a, stop)->flags & QUOTES_TOKEN_IN_QUOTE))
    {
      if (strict && stop > index && breaks_noun_phrase (a, stop))
        return -1;
      stop++;
    }
  if (stop == index || (stop < end && !quotes_document_token_is_punct (a->doc, stop, ",.;:")))
    return -1;
  /* "said the program is a “…”": a phrase that runs into the quote is
   * the start of the reported clause. */
  if (strict && stop == end && end < a->doc->tokens->len && token_at (a, end)->kind == QUOTES_TOKEN_MARK)
    return -1;
  np.kind = QUOTES_MENTION_ROLE;
  np.first_token = np.span_token = index;
  np.end_token = stop;
  np.surname_token = stop - 1;
  np.start = token_at (a, index)->start;
  np.end = quotes_document_token_base_end (a->doc, token_at (a, stop - 1));
  np.entity = -1;
  g_array_append_val (a->doc->mentions, np);
  return a->doc->mentions->len - 1;
}

#define MAX_UNKNOWN_NAME 4

/* "Judicial Watch added", "said Teal Baker.": capitalised words from
 * @start to @end that no list knows, standing where a speaker stands. */
static gboolean
is_unknown_name (const Attribution *a,
                 guint              start,
                 guint              end)
{
  if (end <= start || end - start > MAX_UNKNOWN_NAME)
    return FALSE;
  /* "Cleveland's Plain Dealer": a possessive may open it, not end it */
  for (guint t = start; t < end; t++)
    if (token_at (a, t)->kind != QUOTES_TOKEN_WORD || !(token_at (a, t)->flags & QUOTES_TOKEN_CAPITALIZED) ||
        (token_at (a, t)->flags & QUOTES_TOKEN_IN_QUOTE) ||
        ((token_at (a, t)->flags & QUOTES_TOKEN_POSSESSIVE) && t + 1 == end) ||
        (mention_at (a, t) >= 0 && !mention (a, mention_at (a, t))->possessive))
      return FALSE;
  return TRUE;
}

/* Where an unknown name at @index ends when a comma or a period closes
 * it ("said Teal Baker, the director"), or @index. */
static guint
name_run_end (const Attribution *a,
              guint              index,
              guint              end)
{
  guint k = index;

  while (k < end && k - index < MAX_UNKNOWN_NAME && token_at (a, k)->kind == QUOTES_TOKEN_WORD &&
         (token_at (a, k)->flags & QUOTES_TOKEN_CAPITALIZED))
    k++;
  return k < end && quotes_document_token_is_punct (a->doc, k, ",.;:") && is_unknown_name (a, index, k) ? k : index;
}

/* "In a statement, the network said": where the clause starts before @end,
 * past an opening phrase that names nobody; G_MAXUINT when the phrase
 * before the last comma names someone or reports. */
static guint
past_opening_phrase (const Attribution *a,
                     guint              floor,
                     guint              end)
{
  /* Both the phrase and what follows it are short: a few tokens to look at
   * however long the sentence. */
  for (guint t = end; t-- > floor + 1 && end - t <= MAX_LONG_NOUN_PHRASE;)
    if (quotes_document_token_is_punct (a->doc, t, ","))
      {
        if (t - floor > MAX_OPENING_PHRASE)
          return G_MAXUINT;
        for (guint k = floor; k < t; k++)
          if ((mention_at (a, k) >= 0 && mention (a, mention_at (a, k))->is_subject) || cue_at (a, k) >= 0 ||
              (token_at (a, k)->flags & QUOTES_TOKEN_IN_QUOTE))
            return G_MAXUINT;
        return t + 1;
      }
  return floor;
}

/* "reacting to …", "who goes by …": words that open an aside. */
static gboolean
opens_aside (const Attribution *a,
             guint              index)
{
  const QuotesToken *token = token_at (a, index);
  guint32 n = quotes_document_token_length (a->doc, token);

  if (token->kind != QUOTES_TOKEN_WORD || (token->flags & QUOTES_TOKEN_CAPITALIZED))
    return FALSE;
  return (n > 4 && memcmp (a->doc->text + quotes_document_token_end (a->doc, token) - 3, "ing", 3) == 0) || is_word (a, index, "who");
}

#define MAX_ASIDE_WORDS 16  /* ", reacting to the gap between the shooting and the video's release," */

/* "Others, reacting to the gap …, shouted": the subject stands before an
 * aside between commas that opens with a participle; @end is the verb. */
static guint
before_participle_aside (const Attribution *a,
                         guint              floor,
                         guint              end)
{
  guint comma = end;

  if (end < floor + 3 || !quotes_document_token_is_punct (a->doc, end - 1, ","))
    return end;
  for (guint t = end - 1; t-- > floor && end - t <= MAX_ASIDE_WORDS;)
    {
      if (token_at (a, t)->kind == QUOTES_TOKEN_MARK || (token_at (a, t)->flags & QUOTES_TOKEN_IN_QUOTE))
        return end;
      if (quotes_document_token_is_punct (a->doc, t, ","))
        {
          comma = t;
          break;
        }
    }
  if (comma == end || comma <= floor || !opens_aside (a, comma + 1))
    return end;
  return comma;
}

/* "Another commenter said, “…”", "Yet another tweeted, “…”": a short
 * phrase that opens the sentence with "another", "one", "some" … and names
 * nobody the engine knows is still the speaker; added as a role mention. */
static gint32
subject_phrase_before (Attribution *a,
                       guint        cue_token,
                       guint        floor)
{
  static const char *openers[] = { "yet", "and", "but", "still", NULL };
  static const char *determiners[] = {
    "another", "one", "some", "many", "others", "several", "most", "few", "multiple", "numerous", "various", NULL,
  };
  guint end = cue_token, start = floor;
  char lower[16];

  while (end > floor && is_filler (a, end - 1))
    end--;
  end = before_participle_aside (a, floor, end);
  if ((floor = start = past_opening_phrase (a, floor, end)) == G_MAXUINT)
    return -1;
  if (end == floor || end - floor > MAX_NOUN_PHRASE)
    return -1;
  for (guint t = floor; t < end; t++)
    if (token_at (a, t)->kind != QUOTES_TOKEN_WORD || (token_at (a, t)->flags & QUOTES_TOKEN_IN_QUOTE) ||
        mention_at (a, t) >= 0 || cue_at (a, t) >= 0)
      return -1;
  if (is_word_in (a, start, openers))
    start++;
  if (start == end)
    return -1;
  if (quotes_document_token_lower (a->doc, start, lower, sizeof lower) == NULL)
    return -1;
  if (!quotes_word_in_list (determiners, lower))
    {
      static const char *prepositions[] = { "of", "for", "in", "on", "at", "with", "from", "about", NULL };

      /* "The radioman said", but not "The rejection of the treaty
       * signals …": after "the", "a", "his" … only a short phrase with no
       * preposition. */
      if (!is_source_determiner (a, start) || end - start > 4)
        return -1;
      for (guint t = start + 1; t < end; t++)
        if (quotes_document_token_lower (a->doc, t, lower, sizeof lower) == NULL || quotes_word_in_list (prepositions, lower))
          return -1;
    }
  return attribution_add_noun_phrase (a, floor, end, TRUE);
}

/* At @index the phrase ends: a comma, a period, or the limit. */
static gboolean
ends_phrase (const Attribution *a,
             guint              index,
             guint              end)
{
  return index >= end || quotes_document_token_is_punct (a->doc, index, ",.;:");
}

/* "9/11 widow Terry Strada": a slash between two numbers is part of a
 * word. */
static gboolean
joins_numbers (const Attribution *a,
               guint              index)
{
  return index > 0 && index + 1 < a->doc->tokens->len && quotes_document_token_is_punct (a->doc, index, "/") &&
         token_at (a, index - 1)->kind == QUOTES_TOKEN_NUMBER && token_at (a, index + 1)->kind == QUOTES_TOKEN_NUMBER;
}

/* "said Democratic Rep. Dina Titus", "said former Gov. and party chairman
 * Ed Rendell.": a person's name closes the title words after the cue. */
static gint32
titled_name_after (const Attribution *a,
                   guint              index,
                   guint              end)
{
  for (guint k = index; k < end && k < index + MAX_TITLE_BEFORE_NAME; k++)
    {
      const QuotesToken *token = token_at (a, k);
      gint32 m = mention_at (a, k);

      if (m >= 0 && mention (a, m)->kind == QUOTES_MENTION_NAME && mention (a, m)->type == QUOTES_ENTITY_TYPE_PERSON &&
          (mention (a, m)->first_token == k || mention (a, m)->span_token == k) && can_be_source (a, m))
        /* not "said front-runner Clinton “caused …”": the name ends a phrase */
        return mention (a, m)->end_token < a->doc->tokens->len &&
               quotes_document_token_is_punct (a->doc, mention (a, m)->end_token, ",.;:(") ? m : -1;
      if (joins_numbers (a, k))
        continue;
      if ((token->kind != QUOTES_TOKEN_WORD && token->kind != QUOTES_TOKEN_NUMBER &&
           !quotes_document_token_is_punct (a->doc, k, ".")) ||
          (token->flags & QUOTES_TOKEN_IN_QUOTE) || cue_at (a, k) >= 0 ||
          (token->kind == QUOTES_TOKEN_PUNCT && k + 1 < end && !(token_at (a, k + 1)->flags & QUOTES_TOKEN_CAPITALIZED)))
        return -1;
    }
  return -1;
}

/* "said Clinton's introducer, actress Jamie Lee Curtis": after a
 * possessor, a few words and a comma, the name in apposition speaks; the
 * possessor does not ("laments Bill Clinton's legacy"). */
static gint32
name_after_possessor (const Attribution *a,
                      guint              index,
                      guint              end)
{
  guint comma = index;
  gint32 name;

  while (comma < end && comma < index + MAX_NOUN_PHRASE && token_at (a, comma)->kind == QUOTES_TOKEN_WORD)
    comma++;
  if (comma == index || comma + 1 >= end || !quotes_document_token_is_punct (a->doc, comma, ","))
    return -1;
  name = mention_at (a, comma + 1);
  if (name >= 0 && mention (a, name)->kind == QUOTES_MENTION_NAME && can_be_source (a, name))
    return name;
  return titled_name_after (a, comma + 1, end);
}

/* “…,” concluded a study: the cue that ends at @index follows the quote
 * right away and is no participle ("“…,” promising the Friends of Abe
 * will" has an object after it, not its subject). */
static gboolean
verb_inverted_after_quote (const Attribution *a,
                           guint              index)
{
  const QuotesCue *record;
  guint before;

  if (index == 0 || cue_at (a, index - 1) < 0)
    return FALSE;
  record = cue (a, cue_at (a, index - 1));
  if ((record->flags & QUOTES_CUE_PARTICIPLE) || record->first_token == 0)
    return FALSE;
  before = record->first_token - 1;
  if (before > 0 && quotes_document_token_is_punct (a->doc, before, ","))
    before--;
  return token_at (a, before)->kind == QUOTES_TOKEN_MARK;
}

/* Where the first "in", "of", "from" … after a word or two from @index
 * stands, or @index when none does. */
static guint
head_before_preposition (const Attribution *a,
                         guint              index,
                         guint              end)
{
  static const char *prepositions[] = { "in", "of", "from", "at", "with", "for", "on", NULL };

  for (guint k = index + 1; k < end && k < index + MAX_NOUN_PHRASE; k++)
    {
      if (token_at (a, k)->kind != QUOTES_TOKEN_WORD && token_at (a, k)->kind != QUOTES_TOKEN_NUMBER)
        break;
      if (is_word_in (a, k, prepositions))
        return k;
    }
  return index;
}

/* The mention that starts at @index ("said Holt", "said the prime
 * minister, Jane Holt": the name in apposition wins). */
gint32
attribution_source_after (Attribution       *a,
                          guint              index,
                          guint              end)
{
  gint32 m;
  guint determiner, name_end;
  gboolean inverted_after_quote = verb_inverted_after_quote (a, index);

  for (guint n = 0; n < MAX_FILLERS && index < end && is_filler (a, index); n++)
    index++;
  determiner = index;
  if (index < end && is_source_determiner (a, index) &&
      (mention_at (a, index) < 0 || mention (a, mention_at (a, index))->kind == QUOTES_MENTION_PRONOUN))
    {
      index++;
      /* "added his campaign manager Ruth Olowe": the name after the role. */
      for (guint k = index; k < end && k < index + MAX_NOUN_PHRASE && token_at (a, k)->kind == QUOTES_TOKEN_WORD; k++)
        if ((m = mention_at (a, k)) >= 0 && mention (a, m)->kind == QUOTES_MENTION_NAME &&
            mention (a, m)->first_token == k && can_be_source (a, m) &&
            ends_phrase (a, mention (a, m)->end_token, end))
          return m;  /* not "a 2008 Clinton veteran" */
    }
  if (index >= end)
    return -1;
  m = mention_at (a, index);
  /* "said the 46-year-old.", "said another Twitter user, Jo Bayer", "says
   * the ad's narrator": a phrase that names nobody, unless a name follows in
   * apposition. */
  if ((m < 0 && determiner < index) ||
      (m >= 0 && mention (a, m)->possessive && is_source_determiner (a, determiner)))
    {
      m = attribution_add_noun_phrase (a, determiner, end, TRUE);
      /* "concluded a 2013 article in the academic journal …", "tweeted a
       * German user from Hanover going by …": too long a phrase still has
       * its head before the first preposition. */
      if (m < 0 && inverted_after_quote && (name_end = head_before_preposition (a, index, end)) > index)
        m = attribution_add_noun_phrase (a, determiner, name_end, TRUE);
    }
  else if (m >= 0 && mention (a, m)->possessive && mention (a, m)->span_token == index)
    return name_after_possessor (a, mention (a, m)->end_token, end);
  else if (m < 0 && (name_end = name_run_end (a, index, end)) > index)
    m = attribution_add_noun_phrase (a, index, name_end, TRUE);
  else if (m < 0 || !can_be_source (a, m) ||
           (mention (a, m)->span_token != index && mention (a, m)->first_token != index))
    return titled_name_after (a, index, end);
  else if (mention (a, m)->kind == QUOTES_MENTION_NAME && mention (a, m)->type == QUOTES_ENTITY_TYPE_ORGANIZATION &&
           !ends_phrase (a, mention (a, m)->end_token, end))
    return titled_name_after (a, index, end);  /* "said Air Force 1st Lt. Tyler Livingston" */
  if (m < 0)
    return -1;
  if (mention (a, m)->kind == QUOTES_MENTION_DESCRIPTOR || mention (a, m)->kind == QUOTES_MENTION_ROLE)
    {
      guint after = mention (a, m)->end_token;
      gint32 next = after < end ? mention_at (a, after) : -1;

      /* "said historian Marta Lindqvist": the name right after the role. */
      if (next >= 0 && mention (a, next)->kind == QUOTES_MENTION_NAME && mention (a, next)->first_token == after &&
          can_be_source (a, next))
        return next;
      if (after + 1 < end && quotes_document_token_is_punct (a->doc, after, ","))
        {
          gint32 name = mention_at (a, after + 1);

          if (name >= 0 && mention (a, name)->kind == QUOTES_MENTION_NAME && can_be_source (a, name))
            return name;
          /* "said the show's host, comedian Mark Lund". */
          if (name < 0 && (name = titled_name_after (a, after + 1, end)) >= 0)
            return name;
        }
    }
  return m;
}

static gint32
cue_starting_at (const Attribution *a,
                 guint              index,
                 guint              flag)
{
  gint32 c = cue_at (a, index);

  if (c < 0 || cue (a, c)->first_token != index || !(cue (a, c)->flags & flag))
    return -1;
  return c;
}

/* "according to X": a cue of its own kind, the source after it. */
gboolean
attribution_according_to (Attribution *a,
                          guint        index,
                          guint        end,
                          Found       *found)
{
  QuotesCue record;
  guint lead, head;

  /* "according to X", "in the words of X" */
  if (is_word (a, index, "according") && index + 1 < end && is_word (a, index + 1, "to"))
    lead = 2;
  else if (is_word (a, index, "in") && index + 3 < end && is_word (a, index + 1, "the") &&
           is_word (a, index + 2, "words") && is_word (a, index + 3, "of"))
    lead = 4;
  else
    return FALSE;
  if (index + lead >= end)
    return FALSE;
  found->source = attribution_source_after (a, index + lead, end);
  if (found->source < 0)
    found->source = attribution_add_noun_phrase (a, index + lead, end, FALSE);
  /* "according to the average of the counts kept by …": the head */
  if (found->source < 0 && (head = head_before_preposition (a, index + lead, end)) > index + lead)
    found->source = attribution_add_noun_phrase (a, index + lead, head, FALSE);
  if (found->source < 0)
    return FALSE;
  if (cue_at (a, index) >= 0 && cue (a, cue_at (a, index))->first_token == index)
    found->cue = cue_at (a, index);
  else
    {
      record.first_token = index;
      record.end_token = index + lead;
      record.flags = QUOTES_CUE_QUOTATION;
      found->cue = a->doc->cues->len;
      g_array_append_val (a->doc->cues, record);
    }
  return TRUE;
}

/* A quote mark that opens or closes words in marks, not the apostrophe of
 * "Sanders’ campaign manager" that stands in the writer's words. */
static gboolean
is_quote_mark (const Attribution *a,
               guint              index)
{
  const QuotesToken *token = token_at (a, index);
  const QuotesToken *previous = index > 0 ? token_at (a, index - 1) : NULL;
  const QuotesToken *next = index + 1 < a->doc->tokens->len ? token_at (a, index + 1) : NULL;

  if (token->kind != QUOTES_TOKEN_MARK)
    return FALSE;
  return previous == NULL || previous->kind != QUOTES_TOKEN_WORD || quotes_document_token_end (a->doc, previous) != token->start ||
         (previous->flags & QUOTES_TOKEN_IN_QUOTE) || (next != NULL && (next->flags & QUOTES_TOKEN_IN_QUOTE));
}

/* “… done.”: the quote ends its own sentence (with a period; "?" and "!"
 * do not end the sentence that carries the attribution). */
static gboolean
ends_own_sentence (const Attribution      *a,
                   const QuotesMarkedSpan *span)
{
  return quotes_document_token_is_punct (a->doc, last_inner_token (a, span), ".");
}

/* After "X said": nothing but a few words before the sentence ends ("on
 * Monday."), not a clause of its own ("says its reporting found …") nor a
 * colon that opens the next quote. */
static gboolean
closes_short_clause (const Attribution *a,
                     guint              index,
                     guint              end)
{
  guint words = 0;

  for (guint t = index; t < end; t++)
    {
      if (quotes_document_token_is_punct (a->doc, t, ".!?;"))
        return words <= 5;
      if (quotes_document_token_is_punct (a->doc, t, ":") || is_quote_mark (a, t))
        return FALSE;
      words += token_at (a, t)->kind == QUOTES_TOKEN_WORD;
    }
  return words <= 5;
}

static gboolean
starts_new_clause (const Attribution *a,
                   guint              index)
{
  return is_word (a, index, "and") || is_word (a, index, "but") || is_word (a, index, "while") ||
         is_word (a, index, "whereas");
}

/* "“insanity,” and Sanders, who says it's “disastrous.”": after "and",
 * the verb reports the words in marks later in its own clause. Not "“A,”
 * she said, “B.”", where nothing but a comma stands before the second
 * part. */
static gboolean
reports_later_quote (const Attribution *a,
                     gint32             c,
                     guint              end)
{
  guint words = 0;

  for (guint t = cue (a, c)->end_token; t < end; t++)
    {
      if (is_quote_mark (a, t))
        return words > 0;
      if (quotes_document_token_is_punct (a->doc, t, ".;!?"))
        return FALSE;
      words += token_at (a, t)->kind == QUOTES_TOKEN_WORD;
    }
  return FALSE;
}

/* A reporting verb between the sentence's start and the quote: "Mr. Trump
 * said of the episode, “…,” adding that …". */
static gboolean
reporting_verb_before (const Attribution      *a,
                       const QuotesMarkedSpan *span)
{
  for (guint t = sentence_of (a, span->open_token)->first_token; t < span->open_token; t++)
    if (cue_at (a, t) >= 0 && (cue (a, cue_at (a, t))->flags & QUOTES_CUE_QUOTATION))
      return TRUE;
  return FALSE;
}

/* “…,” X said / “…,” said X / “…,” according to X. */
static gboolean
attribution_after (Attribution      *a,
                   const QuotesMarkedSpan *span,
                   Found            *found)
{
  guint end = paragraph_end (a, span->close_token);
  guint t = span->close_token + 1;
  gint32 m, c;

  while (t < end && quotes_document_token_is_punct (a->doc, t, ",—–-"))
    t++;
  if (t >= end)
    return FALSE;
  /* Not “… done.” According to X, “…”: that opens the next sentence. */
  if (!(ends_own_sentence (a, span) && (token_at (a, t)->flags & QUOTES_TOKEN_CAPITALIZED)) &&
      attribution_according_to (a, t, end, found))
    {
      found->confidence = 0.9;
      return TRUE;
    }
  /* "… as “fantastic,” telling reporters that …": after a participle
   * comes whom it tells; the sentence's subject speaks. */
  c = cue_starting_at (a, t, QUOTES_CUE_QUOTATION);
  if (c >= 0 && (cue (a, c)->flags & QUOTES_CUE_PARTICIPLE))
    {
      /* "Brenner said, “…,” promising the Friends …": the verb before
       * the quote has it. */
      if (reporting_verb_before (a, span))
        return FALSE;
      if ((m = attribution_first_subject (a, sentence_of (a, span->open_token)->first_token, span->open_token, TRUE)) >= 0)
        {
          *found = (Found) { m, c, 0.85 };
          return TRUE;
        }
    }
  if (c >= 0 && (m = attribution_source_after (a, cue (a, c)->end_token, end)) >= 0)
    {
      *found = (Found) { m, c, 0.95 };
      return TRUE;
    }
  /* The subject of the first reporting verb after the quote, if it stands
   * there too: "“…,” Lopez said", "“…” party chairman Rence Priebus said",
   * "“…,” the moderator said". */
  for (guint k = t; k < end && k <= t + MAX_APPOSITIVE; k++)
    {
      if (quotes_document_token_is_punct (a->doc, k, "("))
        {
          guint close = k + 1;

          while (close < end && close - k < MAX_PARENTHESIS && !quotes_document_token_is_punct (a->doc, close, ")"))
            close++;
          if (close < end && quotes_document_token_is_punct (a->doc, close, ")"))
            k = close;  /* "Schumer (D-N.Y.) said": its periods end nothing */
          continue;
        }
      if (is_quote_mark (a, k) || quotes_document_token_is_punct (a->doc, k, ".;!?"))
        break;
      if ((c = cue_starting_at (a, k, QUOTES_CUE_QUOTATION)) < 0 || k == t)
        continue;
      m = attribution_subject_before (a, k, t);
      if (m >= 0 && mention (a, m)->span_token < t)
        m = -1;
      /* "“…,” it added", "“…,” it further wrote": a letter, a report or a
       * company, right after the quote; elsewhere "it" is too often nobody. */
      if (m < 0 && only_fillers (a, t + 1, k) && mention_at (a, t) >= 0 && is_word (a, t, "it"))
        m = mention_at (a, t);
      if (m < 0 && (is_source_determiner (a, t) || is_unknown_name (a, t, k)))
        m = attribution_add_noun_phrase (a, t, k, TRUE);
      /* "“…” about the decision, said Rose Ann DeMoro". */
      if (m < 0 && quotes_document_token_is_punct (a->doc, k - 1, ","))
        m = attribution_source_after (a, cue (a, c)->end_token, end);
      if (m < 0 && quotes_document_token_is (a->doc, t, "that"))
        continue;  /* "“…” that would respond to …, Wolverton wrote": past the relative clause */
      if (m < 0 || (starts_new_clause (a, t) && reports_later_quote (a, c, end)))
        return FALSE;
      if (ends_own_sentence (a, span) && !closes_short_clause (a, cue (a, c)->end_token, end))
        return FALSE;
      *found = (Found) { m, c, 0.95 };
      return TRUE;
    }
  return FALSE;
}

/* "X rejected the plan, urging leaders to …", "X greeted them and told
 * them …": the subject of the sentence does the urging and the telling. */
gint32
attribution_sentence_subject (const Attribution *a,
                              const QuotesCue   *record)
{
  const QuotesSentence *sentence = sentence_of (a, record->first_token);
  guint before = record->first_token;

  while (before > sentence->first_token && is_filler (a, before - 1))
    before--;
  if (before <= sentence->first_token)
    return -1;
  if (!((record->flags & QUOTES_CUE_PARTICIPLE) && quotes_document_token_is_punct (a->doc, before - 1, ",")) &&
      !is_word (a, before - 1, "and") && !is_word (a, before - 1, "but"))
    return -1;
  return attribution_first_subject (a, sentence->first_token, before, TRUE);
}

/* "Hundreds of demonstrators marched …, chanting": words that open a
 * phrase for a group of people. */
static const char *crowd_words[] = {
  "hundreds", "thousands", "dozens", "scores", "many", "some", "several", "others", "most", "few", NULL,
};

/* "demonstrators marched", "supporters waved": a past tense right after a
 * plural noun is the verb of the sentence's opening phrase. */
static gboolean
follows_plural_subject (const Attribution *a,
                        guint              first,
                        guint              index)
{
  const QuotesToken *token = token_at (a, index), *noun = token_at (a, index - 1);

  return index >= first + 2 && !(token->flags & QUOTES_TOKEN_CAPITALIZED) && quotes_document_token_length (a->doc, token) > 4 &&
         memcmp (a->doc->text + quotes_document_token_end (a->doc, token) - 2, "ed", 2) == 0 && noun->kind == QUOTES_TOKEN_WORD &&
         quotes_document_token_length (a->doc, noun) > 3 && a->doc->text[quotes_document_token_end (a->doc, noun) - 1] == 's';
}

/* "The conservative publication has been outspoken …, arguing he is “…”":
 * a short phrase that opens the sentence with "the", "a", "his" … and runs
 * up to its verb does what the participle after a comma says. */
gint32
attribution_opening_noun_phrase (Attribution     *a,
                                 const QuotesCue *record)
{
  const QuotesSentence *sentence = sentence_of (a, record->first_token);
  guint first = sentence->first_token, verb;

  if (!(record->flags & QUOTES_CUE_PARTICIPLE) || record->first_token <= first + 1 ||
      !quotes_document_token_is_punct (a->doc, record->first_token - 1, ","))
    return -1;
  if (!(token_at (a, first)->flags & QUOTES_TOKEN_CAPITALIZED) ||
      !(is_source_determiner (a, first) || is_word_in (a, first, crowd_words)))
    return -1;
  for (verb = first + 1; verb < sentence->end_token && verb <= first + MAX_NOUN_PHRASE; verb++)
    if (token_at (a, verb)->kind != QUOTES_TOKEN_WORD || cue_at (a, verb) >= 0 || is_auxiliary (a, verb) ||
        follows_plural_subject (a, first, verb))
      break;
  if (verb == first + 1 || verb >= sentence->end_token || verb > first + MAX_NOUN_PHRASE ||
      token_at (a, verb)->kind != QUOTES_TOKEN_WORD)
    return -1;
  return attribution_add_noun_phrase (a, first, verb, FALSE);
}

/* "Black Lives Matter issued a statement saying “…”", "his office put out
 * a statement describing …": a role that is not the sentence's subject
 * (a statement, a report, supporters) passes the words to the subject. */
gint32
attribution_speaker_of_object (const Attribution *a,
                               gint32             m)
{
  gint32 subject;
  const QuotesSentence *sentence;

  if (m < 0 || mention (a, m)->kind != QUOTES_MENTION_ROLE || mention (a, m)->is_subject)
    return m;
  /* "As Trump spoke, the attendees chanted", "Clinton, a top aide said,
   * “…”", "as an American diplomat put it": right before its verb, after a
   * comma or "as", the role is that verb's subject. */
  sentence = sentence_of (a, mention (a, m)->span_token);
  if (mention (a, m)->span_token > sentence->first_token && cue_at (a, mention (a, m)->end_token) >= 0 &&
      (quotes_document_token_is_punct (a->doc, mention (a, m)->span_token - 1, ",") ||
       is_word (a, mention (a, m)->span_token - 1, "as")))
    return m;
  subject = attribution_first_subject (a, mention (a, m)->first_token, mention (a, m)->first_token, FALSE);
  /* "Her campaign blasted out an email to supporters stating": a group
   * that is the subject too. */
  if (subject < 0)
    subject = attribution_first_subject (a, mention (a, m)->first_token, mention (a, m)->first_token, TRUE);
  return subject >= 0 ? subject : m;
}

#define MAX_ISSUED_DISTANCE 6

/* "released", "sent out", "emailed": verbs by which a body or a person
 * gives out a text. */
static gboolean
is_issuing_verb (const Attribution *a,
                 guint              index)
{
  static const char *verbs[] = {
    "released", "releasing", "issued", "issuing", "sent", "emailed", "posted", "published", "put", "tweeted",
    "circulated", "ran", "aired", "airing", "launched", "unveiled", NULL,
  };

  return !(token_at (a, index)->flags & QUOTES_TOKEN_CAPITALIZED) &&
         is_word_in (a, index, verbs);
}

/* "The town released a statement Wednesday saying", "his campaign sent a
 * text message to supporters saying": when the object that says it has no
 * named issuer, the words before the issuing verb are the source. */
static gint32
issuer_of (Attribution *a,
           gint32       m,
           guint        floor)
{
  guint first;

  if (m < 0 || mention (a, m)->kind != QUOTES_MENTION_ROLE)
    return m;
  first = past_opening_phrase (a, floor, mention (a, m)->first_token);
  for (guint k = mention (a, m)->first_token; first != G_MAXUINT && k-- > first + 1 &&
                                              mention (a, m)->first_token - k <= MAX_ISSUED_DISTANCE;)
    if (is_issuing_verb (a, k))
      {
        /* "Trump released a marketing video that said": a named issuer */
        gint32 issuer = attribution_subject_before (a, k, first);

        if (issuer >= 0 && mention (a, issuer)->kind != QUOTES_MENTION_NAME)
          issuer = -1;
        if (issuer < 0 && k - first <= MAX_NOUN_PHRASE && is_source_determiner (a, first))
          issuer = attribution_add_noun_phrase (a, first, k, TRUE);

        return issuer >= 0 ? issuer : m;
      }
  return m;
}

/* "as", "when", "and" …: a word that opens a clause of its own, not one
 * an earlier verb reports. */
static gboolean
opens_own_clause (const Attribution *a,
                  guint              index)
{
  static const char *words[] = {
    "and", "but", "as", "when", "while", "after", "before", "because", "since", "until", "although", "though",
    "whereas", NULL,
  };

  return is_word_in (a, index, words);
}

/* "Cruz said he is certain Rubio will continue to be “…”": the verb nearest
 * the quote may sit inside what an earlier verb reports; the words are
 * then the earlier subject's. */
static void
outer_reporter (Attribution *a,
                guint        inner,
                guint        floor,
                Found       *found)
{
  guint first = mention (a, found->source)->span_token;
  gboolean inner_is_pronoun = mention (a, found->source)->kind == QUOTES_MENTION_PRONOUN;

  /* "As Trump attacked Clinton, the attendees chanted": a main clause after
   * a comma is reported by nobody before it. */
  if (first > floor && quotes_document_token_is_punct (a->doc, first - 1, ","))
    return;
  for (guint t = inner; t-- > floor;)
    {
      gint32 c = cue_at (a, t), m;

      /* "Cruz said as the heckler yelled: “…”", "Cruz said …, and Trump
       * vowed to “…”": a clause of its own starts between. */
      if (t < first && t + 1 == first && opens_own_clause (a, t))
        return;
      if (c < 0 || cue (a, c)->first_token != t || !(cue (a, c)->flags & (QUOTES_CUE_CLAUSE | QUOTES_CUE_OBJECT)) ||
          (token_at (a, t)->flags & QUOTES_TOKEN_IN_QUOTE))
        continue;
      m = attribution_speaker_of_object (a, attribution_subject_before (a, t, floor));
      /* "Another said he hoped with his “…”", "The employee said he had an
       * “…”": over a pronoun, a phrase that names nobody the engine knows
       * reports too. */
      if (m < 0 && inner_is_pronoun)
        m = subject_phrase_before (a, t, floor);
      if (m == found->source && !(cue (a, found->cue)->flags & QUOTES_CUE_PARTICIPLE))
        found->cue = c;  /* "Varga said she would continue to be “…”", not "…, saying “…”" */
      else if (m >= 0 && (is_someone (a, m) || (inner_is_pronoun && mention (a, m)->kind == QUOTES_MENTION_ROLE)) &&
               mention (a, m)->end_token <= mention (a, found->source)->first_token)
        {
          found->source = m;
          found->cue = c;
          found->confidence = 0.85;
        }
      return;
    }
}

/* Right before @index, or before the first of names joined by "and",
 * stands a reporting verb or a preposition other than "from": the name is
 * whom the words are told ("told WEEI: “…”") or about ("said of Congress:
 * “…”", "a blunt message to Trump: “…”"), not who says them. */
static gboolean
is_object_of_verb (const Attribution *a,
                   guint              index,
                   guint              floor)
{
  static const char *prepositions[] = { "to", "of", "about", "with", "on", "at", "for", "against", "in", NULL };

  if (index > floor + 1 && is_word (a, index - 1, "and") && mention_at (a, index - 2) >= 0)
    index = mention (a, mention_at (a, index - 2))->first_token;
  if (index <= floor)
    return FALSE;
  return (cue_at (a, index - 1) >= 0 && cue (a, cue_at (a, index - 1))->end_token == index) ||
         is_word_in (a, index - 1, prepositions);
}

/* "by host Bill Maher", "by Fox Business moderator Gerard Baker": the
 * person named in the few words after "by", else the phrase there. */
gint32
attribution_agent_after_by (Attribution *a,
                            guint        index,
                            guint        end)
{
  for (guint k = index; k < end && k < index + MAX_NOUN_PHRASE && token_at (a, k)->kind == QUOTES_TOKEN_WORD; k++)
    {
      gint32 m = mention_at (a, k);

      if (m >= 0 && mention (a, m)->first_token == k && mention (a, m)->kind == QUOTES_MENTION_NAME &&
          mention (a, m)->type == QUOTES_ENTITY_TYPE_PERSON && can_be_source (a, m))
        return m;
    }
  return attribution_source_after (a, index, end);
}

/* "was asked", "were told": the cue's subject is spoken to. */
static gboolean
is_passive (const Attribution *a,
            const QuotesCue   *record)
{
  static const char *be[] = { "was", "were", "is", "are", "been", "being", "be", NULL };
  guint t = record->first_token;

  if (record->end_token != t + 1 || !(record->flags & QUOTES_CUE_OBJECT))
    return FALSE;
  /* "Asked by Thrush if …, Sharpton avoided": a participle that opens the
   * sentence with its agent */
  if (t == sentence_of (a, t)->first_token && is_word (a, t + 1, "by"))
    return TRUE;
  /* "was asked", "was also asked" */
  for (guint n = 0; n < 2 && t > 0; n++, t--)
    if (is_word_in (a, t - 1, be))
      return TRUE;
  return FALSE;
}

/* "The former first lady calls it her “…”": a verb that takes an object,
 * "it", "this" or "them" after it, names a thing with the words in marks. */
static gboolean
names_it (const Attribution *a,
          const QuotesCue   *record)
{
  guint next = record->end_token;

  return (record->flags & QUOTES_CUE_OBJECT) && next < a->doc->tokens->len &&
         (is_word (a, next, "it") || is_word (a, next, "this") || is_word (a, next, "them"));
}

/* "a message that said, “…”", "a headline that read": the noun phrase
 * before "that", from its determiner, says the words; @cue is the verb. */
static gint32
antecedent_of_that (Attribution *a,
                    guint        cue,
                    guint        floor)
{
  guint that = cue - 1;
  gint32 m;

  if (cue < floor + 3 || !is_word (a, that, "that"))
    return -1;
  /* "a message", "the ad": a role mention already */
  if ((m = mention_at (a, that - 1)) >= 0 && mention (a, m)->end_token == that && mention (a, m)->kind == QUOTES_MENTION_ROLE)
    return can_be_source (a, m) ? m : -1;
  for (guint k = that; k-- > floor && that - k <= MAX_NOUN_PHRASE;)
    {
      if (token_at (a, k)->kind != QUOTES_TOKEN_WORD || (token_at (a, k)->flags & QUOTES_TOKEN_IN_QUOTE) ||
          mention_at (a, k) >= 0)
        return -1;
      if (is_determiner_word (a, k))
        return k + 1 < that ? attribution_add_noun_phrase (a, k, that, FALSE) : -1;
    }
  return -1;
}

/* X said: “…” / X told reporters that “…” / X emphasized the need for a
 * “…”: the nearest cue before the quote in its sentence, and its subject.
 * Sets @adjacent when only a colon, comma or "that" stands between. */
static gboolean
attribution_before (Attribution            *a,
                    const QuotesMarkedSpan *span,
                    Found                  *found,
                    gboolean               *adjacent)
{
  const QuotesSentence *sentence = sentence_of (a, span->open_token);
  guint floor = sentence->first_token;
  guint end = paragraph_end (a, span->open_token);

  /* "(A spokesman said that, “…”)": the sentence's words start inside */
  while (floor < span->open_token && quotes_document_token_is_punct (a->doc, floor, "(["))
    floor++;

  /* "Pollster Daron Shaw: “…”", "More from Blumenthal and Cohen: “…”": a
   * name and a colon, unless the name is a verb's object. */
  if (span->open_token >= 2 && quotes_document_token_is_punct (a->doc, span->open_token - 1, ":"))
    {
      gint32 m = mention_at (a, span->open_token - 2);

      if (m >= 0 && mention (a, m)->end_token == span->open_token - 1 && can_be_source (a, m) &&
          mention (a, m)->kind != QUOTES_MENTION_PRONOUN && !is_object_of_verb (a, mention (a, m)->first_token, floor))
        {
          *found = (Found) { attribution_speaker_of_object (a, m), -1, 0.8 };
          *adjacent = TRUE;
          return TRUE;
        }
    }

  /* "X told reporters:" may end the sentence before the quote. */
  if (floor == span->open_token && floor > 0 && quotes_document_token_is_punct (a->doc, floor - 1, ":"))
    floor = sentence_of (a, floor - 1)->first_token;

  for (guint t = span->open_token; t-- > floor && span->open_token - t <= MAX_LOOKBACK;)
    {
      gint32 c, m;

      if (token_at (a, t)->flags & QUOTES_TOKEN_IN_QUOTE || token_at (a, t)->kind == QUOTES_TOKEN_MARK)
        continue;
      if (may_open_according_to (a, t) && attribution_according_to (a, t, end, found))
        {
          found->confidence = 0.9;
          *adjacent = TRUE;
          return TRUE;
        }
      if ((c = cue_at (a, t)) < 0 || cue (a, c)->first_token != t)
        continue;
      if (is_passive (a, cue (a, c)))
        {
          /* "Rubio was asked by moderator Gerard Baker whether …": the
           * agent after "by" speaks; the subject was spoken to. */
          guint by = cue (a, c)->end_token;

          if (!is_word (a, by, "by") || (m = attribution_agent_after_by (a, by + 1, span->open_token)) < 0)
            continue;
          *adjacent = FALSE;
          *found = (Found) { m, c, 0.85 };
          return TRUE;
        }
      m = issuer_of (a, attribution_speaker_of_object (a, attribution_subject_before (a, t, floor)), floor);
      /* "it said, “…”": a letter, a report or a body, right before the
       * quote, as after it. */
      if (m < 0 && t > floor && mention_at (a, t - 1) >= 0 && is_word (a, t - 1, "it") &&
          (cue (a, c)->flags & QUOTES_CUE_QUOTATION) && span->open_token <= cue (a, c)->end_token + 1)
        m = mention_at (a, t - 1);
      if (m < 0)
        m = attribution_sentence_subject (a, cue (a, c));
      if (m < 0)
        m = attribution_opening_noun_phrase (a, cue (a, c));
      if (m < 0 && ((cue (a, c)->flags & QUOTES_CUE_QUOTATION) || names_it (a, cue (a, c))))
        m = subject_phrase_before (a, t, floor);
      /* "said Lopez: “…”", but not the object in "mocked Rubio for “…”". */
      if (m < 0 && (cue (a, c)->flags & QUOTES_CUE_QUOTATION))
        {
          m = attribution_source_after (a, cue (a, c)->end_token, span->open_token);
          /* "said Lopez: “…”", but not "saying he had “…”" */
          if (m >= 0 && mention (a, m)->end_token != span->open_token &&
              !(mention (a, m)->end_token + 1 == span->open_token &&
                quotes_document_token_is_punct (a->doc, mention (a, m)->end_token, ",:")) &&
              !(mention (a, m)->end_token + MAX_APPOSITIVE >= span->open_token &&
                quotes_document_token_is_punct (a->doc, mention (a, m)->end_token, ",") &&
                quotes_document_token_is_punct (a->doc, span->open_token - 1, ",:")))
            m = -1;  /* "said Karimi, the mayor, “…”" is fine */
        }
      if (m < 0 && (cue (a, c)->flags & QUOTES_CUE_QUOTATION))
        m = issuer_of (a, antecedent_of_that (a, t, floor), floor);
      if (m < 0)
        continue;  /* a cue without a subject here: look further back */
      *adjacent = span->open_token - cue (a, c)->end_token <= 3;
      *found = (Found) { m, c, *adjacent ? 0.93 : 0.85 };
      outer_reporter (a, t, floor, found);
      return TRUE;
    }
  /* "Sanders delivered a snappy retort: “…”", "the report makes a blunt
   * case: “…”": a colon hands the quote to the subject of the clause
   * before it, a person, a body or a document. */
  if (span->open_token > floor && quotes_document_token_is_punct (a->doc, span->open_token - 1, ":"))
    {
      gint32 m = attribution_first_subject (a, floor, span->open_token - 1, TRUE);

      if (m >= 0)
        {
          *found = (Found) { m, -1, 0.7 };
          *adjacent = TRUE;
          return TRUE;
        }
    }
  return FALSE;
}

/* The paragraph's own quote marks and nothing else: a turn of dialogue or a
 * quote that goes on from the paragraph before. */
static gboolean
starts_paragraph (const Attribution      *a,
                  const QuotesMarkedSpan *span)
{
  return token_at (a, span->open_token)->flags & QUOTES_TOKEN_PARA_START;
}

static gboolean
is_short_turn (const Attribution      *a,
               const QuotesMarkedSpan *span)
{
  return words_in_marks (a, span) <= SHORT_TURN_WORDS && span->paragraph == span->end_paragraph;
}

static gboolean
opens_sentence (const Attribution      *a,
                const QuotesMarkedSpan *span)
{
  return sentence_of (a, span->open_token)->first_token == span->open_token;
}

/* "The administration may be reluctant to act, Schiff said.": a sentence
 * that ends on its reporter, after a comma, is that reporter's. */
static gint32
reporter_ending_sentence (const Attribution    *a,
                          const QuotesSentence *sentence)
{
  guint last = sentence->end_token;
  gint32 m;

  while (last > sentence->first_token && token_at (a, last - 1)->kind == QUOTES_TOKEN_PUNCT)
    last--;
  if (last <= sentence->first_token + 2 || cue_at (a, last - 1) < 0)
    return -1;
  if (cue (a, cue_at (a, last - 1))->end_token != last || !(cue (a, cue_at (a, last - 1))->flags & QUOTES_CUE_QUOTATION))
    return -1;
  m = attribution_subject_before (a, cue (a, cue_at (a, last - 1))->first_token, sentence->first_token);
  if (m < 0 || mention (a, m)->span_token <= sentence->first_token + 1 ||
      !quotes_document_token_is_punct (a->doc, mention (a, m)->span_token - 1, ","))
    return -1;
  return m;
}

/* "Getty.", "Reuters": a sentence that is a name and nothing else is a
 * credit or a caption, not someone who goes on to speak. */
static gboolean
is_name_alone (const Attribution    *a,
               const QuotesSentence *sentence)
{
  return mention_alone_from (a, sentence->first_token, sentence->end_token) >= 0;
}

/* The subject of the last sentence before @index, when it is a person or
 * organization: "Lopez spoke to reporters on Monday. “We will win.”" */
static gint32
subject_of_sentence_before (const Attribution *a,
                            guint              index)
{
  guint32 s = quotes_document_sentence_of (a->doc, index);
  const QuotesSentence *sentence;
  gint32 m;

  if (s == 0)
    return -1;
  sentence = &g_array_index (a->doc->sentences, QuotesSentence, s - 1);
  if (is_name_alone (a, sentence))
    return -1;
  if ((m = reporter_ending_sentence (a, sentence)) >= 0 ||
      (m = attribution_first_subject (a, sentence->first_token, sentence->end_token, FALSE)) >= 0)
    return m;
  /* "The union leader told the hall that … “I sensed …”": a person named
   * by a role; a document or a body so named is too often not the speaker. */
  m = attribution_first_subject (a, sentence->first_token, sentence->end_token, TRUE);
  return m >= 0 && mention (a, m)->type == QUOTES_ENTITY_TYPE_PERSON ? m : -1;
}

/* No cue near the quote: it goes on from the quote before, takes its turn
 * in a dialogue, or belongs to the speaker of the sentence before. */
static gboolean
attribution_from_context (Attribution            *a,
                          const QuotesMarkedSpan *span,
                          guint                   count,
                          Found                  *found)
{
  const QuotesQuoteRecord *before = previous_marked_quote (a, count);
  const QuotesQuoteRecord *before2 = previous_marked_quote (a, count > 0 ? count - 1 : 0);
  gint32 m;

  /* “…,” the senator told ABC's “Good Morning America.” “…”: a title in
   * between does not stop the speaker. */
  if (before != NULL && before2 != NULL && before2 != before && before->kind == QUOTES_QUOTE_KIND_SCARE &&
      before->source < 0 && paragraph_of_quote (a, before) == span->paragraph)
    before = before2;
  if (before != NULL && before->source >= 0 && paragraph_of_quote (a, before) == span->paragraph)
    {
      *found = (Found) { before->source, -1, 0.8 };
      return TRUE;
    }
  if (starts_paragraph (a, span) && before != NULL && paragraph_of_quote (a, before) + 1 == span->paragraph)
    {
      /* Two speakers taking turns in short lines: the one before last
       * speaks again. Longer quotes go on with the same speaker. */
      if (before2 != NULL && before2 != before && before2->source >= 0 && before->source >= 0 &&
          paragraph_of_quote (a, before2) + 2 == span->paragraph &&
          is_short_turn (a, span) && is_short_turn (a, &g_array_index (a->doc->marked, QuotesMarkedSpan, before->marked)) &&
          starts_paragraph (a, &g_array_index (a->doc->marked, QuotesMarkedSpan, before->marked)) &&
          starts_paragraph (a, &g_array_index (a->doc->marked, QuotesMarkedSpan, before2->marked)))
        {
          *found = (Found) { before2->source, -1, 0.6 };
          return TRUE;
        }
      if (before->source >= 0)
        {
          *found = (Found) { before->source, -1, 0.75 };
          return TRUE;
        }
    }
  m = subject_of_sentence_before (a, span->open_token);
  if (m >= 0 && !same_paragraph (a, span->open_token, mention (a, m)->first_token) && !starts_paragraph (a, span))
    m = -1;
  if (m >= 0 && opens_sentence (a, span))
    {
      *found = (Found) { m, -1, 0.65 };
      return TRUE;
    }
  return FALSE;
}

/* A complete utterance starts its sentence, or follows its cue with a colon
 * or a comma; a fragment stands inside the writer's sentence. */
static gboolean
is_complete_utterance (const Attribution      *a,
                       const QuotesMarkedSpan *span,
                       gboolean                cue_adjacent)
{
  guint open = span->open_token;
  gunichar first;

  if (opens_sentence (a, span) || open == 0 || quotes_document_token_is_punct (a->doc, open - 1, ":"))
    return TRUE;
  first = quotes_document_token_first (a->doc, token_at (a, open + 1 < span->close_token ? open + 1 : open));
  return cue_adjacent && g_unichar_isupper (first);
}

/* The index of the word right after the closing mark when no punctuation
 * closes the words in marks ("“We are delighted” with …"), else 0. */
static guint
word_after_unclosed (const Attribution      *a,
                     const QuotesMarkedSpan *span)
{
  guint next = span->close_token + 1;

  if (token_at (a, last_inner_token (a, span))->kind != QUOTES_TOKEN_WORD || next >= a->doc->tokens->len ||
      token_at (a, next)->kind != QUOTES_TOKEN_WORD)
    return 0;
  return next;
}

/* Words in marks inside the writer's sentence. */
static gboolean
is_fragment (const Attribution      *a,
             const QuotesMarkedSpan *span)
{
  return word_after_unclosed (a, span) > 0 && !opens_sentence (a, span);
}

/* “We are delighted” with the result, …: the writer's sentence runs on
 * after the words in marks: a fragment, not a turn. */
static gboolean
runs_on (const Attribution      *a,
         const QuotesMarkedSpan *span)
{
  guint next = word_after_unclosed (a, span);

  return next > 0 && !(token_at (a, next)->flags & QUOTES_TOKEN_CAPITALIZED) &&
         cue_at (a, next) < 0 && mention_at (a, next) < 0;
}

static QuotesQuoteKind
decide_kind (Attribution            *a,
             const QuotesMarkedSpan *span,
             gboolean                found,
             gboolean                found_after,
             gboolean                cue_adjacent)
{
  /* In a headline every word is capitalised: title case tells nothing. */
  gboolean headline = g_array_index (a->doc->paragraphs, QuotesParagraph, span->paragraph).headline;

  if (attribution_names_a_term (a, span))
    return QUOTES_QUOTE_KIND_SCARE;
  if (is_complete_utterance (a, span, cue_adjacent) && !(found && runs_on (a, span)))
    return found || !attribution_is_title_case (a, span, 2) ? QUOTES_QUOTE_KIND_DIRECT : QUOTES_QUOTE_KIND_SCARE;
  if (found_after)
    return QUOTES_QUOTE_KIND_PARTIAL;
  if (found && (headline || !attribution_is_title_case (a, span, 2) || attribution_shows_text (a, span)))
    return QUOTES_QUOTE_KIND_PARTIAL;
  return QUOTES_QUOTE_KIND_SCARE;
}

/* "Trump's call for “…”", "his promise that “…”", "Obama's pledge to
 * “…”": the words in marks right after a speech noun are its possessor's. */

/* “…,” said the man in the red cap: a reporting verb right after the quote
 * names its speaker, even one this engine cannot name; the speaker of the
 * quote before is not a better guess. */
static gboolean
cue_follows (const Attribution      *a,
             const QuotesMarkedSpan *span)
{
  guint end = paragraph_end (a, span->close_token);
  gint32 c;

  for (guint k = span->close_token + 1; k < end && k <= span->close_token + MAX_APPOSITIVE; k++)
    {
      if (is_quote_mark (a, k) || quotes_document_token_is_punct (a->doc, k, ".;!?:"))
        return FALSE;
      if ((c = cue_starting_at (a, k, QUOTES_CUE_QUOTATION)) >= 0)
        /* “… terrorists.” Mr. Zahed said: “…”: the next sentence's cue. */
        return !ends_own_sentence (a, span) || closes_short_clause (a, cue (a, c)->end_token, end);
    }
  return FALSE;
}

/* “The river has risen,” said the mayor, “and it is still raining.”: the
 * second half goes on with the utterance the same cue attributes. */
static gboolean
continues_split_quote (const Attribution *a,
                       gint32             c)
{
  const QuotesQuoteRecord *previous;

  if (c < 0 || a->doc->quotes->len == 0)
    return FALSE;
  previous = &g_array_index (a->doc->quotes, QuotesQuoteRecord, a->doc->quotes->len - 1);
  return previous->cue == c && previous->kind == QUOTES_QUOTE_KIND_DIRECT;
}

/* A line break between token @index and the next one. */
static gboolean
line_ends_after (const Attribution *a,
                 guint              index)
{
  guint32 end;

  if (index + 1 >= a->doc->tokens->len)
    return TRUE;
  end = quotes_document_token_end (a->doc, token_at (a, index));
  return memchr (a->doc->text + end, '\n', token_at (a, index + 1)->start - end) != NULL;
}

/* “…” ― Sonya Herridge, or a line "- Sanders." right after the quote's
 * paragraph: a signature names the speaker. */
static gint32
signature_after (const Attribution      *a,
                 const QuotesMarkedSpan *span)
{
  guint t = span->close_token + 1;
  guint end = paragraph_end (a, span->close_token);
  gint32 m;

  if (t >= end)
    {
      if (t >= a->doc->tokens->len)
        return -1;
      end = paragraph_end (a, t);  /* the signature line */
    }
  if (t >= end || !quotes_document_token_is_punct (a->doc, t, DASHES))
    return -1;
  while (t < end && quotes_document_token_is_punct (a->doc, t, DASHES))
    t++;
  if (t >= end || (m = mention_at (a, t)) < 0 || mention (a, m)->kind != QUOTES_MENTION_NAME ||
      (mention (a, m)->span_token != t && mention (a, m)->first_token != t) || !can_be_source (a, m))
    return -1;
  if (mention (a, m)->end_token < end && !quotes_document_token_is_punct (a->doc, mention (a, m)->end_token, ",.") &&
      !line_ends_after (a, mention (a, m)->end_token - 1))
    return -1;  /* "“…” - Smith and Jones met …" is no signature */
  return m;
}

/* "As the Gazette reported, “…”", "Olsen said: “…”": a reporting verb
 * right before the quote's comma or colon. */
static gboolean
introduced_by_cue (const Attribution      *a,
                   const QuotesMarkedSpan *span)
{
  guint open = span->open_token;
  gint32 c;

  if (open < 3 || !quotes_document_token_is_punct (a->doc, open - 1, ",:"))
    return FALSE;
  c = cue_at (a, open - 2);
  return c >= 0 && cue (a, c)->end_token == open - 1 && (cue (a, c)->flags & QUOTES_CUE_QUOTATION);
}

static void
attribute_marked (Attribution            *a,
                  guint                   index,
                  const QuotesMarkedSpan *span)
{
  QuotesQuoteRecord quote = { 0 };
  Found found = { -1, -1, 0.0 };
  gboolean after = FALSE, before = FALSE, adjacent = FALSE, context = FALSE;

  /* "Sims says he was “riding the fence” until Haley said …": words in
   * marks inside the writer's sentence belong to its reporting verb before
   * them rather than to a clause after them. */
  if ((found.source = attribution_text_bearer (a, span)) >= 0)
    {
      found.confidence = 0.7;
      before = adjacent = TRUE;
    }
  else if (is_fragment (a, span) || (ends_own_sentence (a, span) && introduced_by_cue (a, span)))
    before = attribution_before (a, span, &found, &adjacent);
  if (!before)
    after = attribution_after (a, span, &found);
  if (!before && !after && (found.source = signature_after (a, span)) >= 0)
    {
      found.cue = -1;
      found.confidence = 0.85;
      after = TRUE;
    }
  if (!after && !before)
    before = attribution_before (a, span, &found, &adjacent);
  quote.start = span->start;
  quote.end = span->end;
  quote.marked = index;
  quote.post = -1;
  quote.speaker = -1;
  quote.kind = decide_kind (a, span, after || before, after, adjacent || after);
  if (!after && !before && quote.kind == QUOTES_QUOTE_KIND_SCARE && !attribution_names_a_term (a, span) &&
      (found.source = attribution_headline_speaker (a, span)) >= 0)
    {
      /* A headline's capitals make every quote look like a title. */
      quote.kind = opens_sentence (a, span) || quotes_document_token_is_punct (a->doc, span->open_token - 1, ":") ?
                   QUOTES_QUOTE_KIND_DIRECT : QUOTES_QUOTE_KIND_PARTIAL;
      found.confidence = 0.75;
      before = TRUE;
    }
  if (quote.kind == QUOTES_QUOTE_KIND_PARTIAL && before && continues_split_quote (a, found.cue))
    quote.kind = QUOTES_QUOTE_KIND_DIRECT;
  if (!after && !before && quote.kind == QUOTES_QUOTE_KIND_DIRECT && !cue_follows (a, span))
    context = attribution_from_context (a, span, a->doc->quotes->len, &found);
  if (quote.kind == QUOTES_QUOTE_KIND_SCARE)
    {
      gdouble confidence = 0.5;
      gint32 owner = attribution_owner_without_cue (a, span, &confidence);

      found = (Found) { owner, -1, confidence };
      if (owner >= 0)
        {
          quote.kind = QUOTES_QUOTE_KIND_PARTIAL;
          context = TRUE;
        }
    }
  quote.source = found.source;
  quote.cue = found.cue;
  quote.confidence = (after || before || context) ? found.confidence :
                     quote.kind == QUOTES_QUOTE_KIND_SCARE ? 0.5 : 0.3;
  g_array_append_val (a->doc->quotes, quote);
}

/* “A.” “B,” X said: a quote with nothing of its own takes the attribution
 * of the quote right after it in its paragraph. */
static void
borrow_from_next (Attribution *a)
{
  for (guint i = a->doc->quotes->len; i-- > 1;)
    {
      QuotesQuoteRecord *next = &g_array_index (a->doc->quotes, QuotesQuoteRecord, i);
      QuotesQuoteRecord *quote = &g_array_index (a->doc->quotes, QuotesQuoteRecord, i - 1);
      const QuotesMarkedSpan *span = &g_array_index (a->doc->marked, QuotesMarkedSpan, quote->marked);
      const QuotesMarkedSpan *next_span = &g_array_index (a->doc->marked, QuotesMarkedSpan, next->marked);

      if (quote->source < 0 && next->source >= 0 && next->cue >= 0 &&
          quote->kind == QUOTES_QUOTE_KIND_DIRECT &&
          next_span->open_token <= span->close_token + 2 && next_span->paragraph == span->end_paragraph)
        {
          quote->source = next->source;
          quote->confidence = 0.7;
        }
      /* "Guns are “a crisis” and “stunt growth,” Dean said": fragments
       * joined by "and" share the attribution. */
      else if (quote->source < 0 && next->source >= 0 && next->cue >= 0 && quote->kind == QUOTES_QUOTE_KIND_SCARE &&
               next->kind != QUOTES_QUOTE_KIND_SCARE && next_span->open_token == span->close_token + 2 &&
               (is_word (a, span->close_token + 1, "and") || is_word (a, span->close_token + 1, "or")) &&
               !attribution_names_a_term (a, span) && !attribution_is_title_case (a, span, 2))
        {
          quote->kind = QUOTES_QUOTE_KIND_PARTIAL;
          quote->source = next->source;
          quote->cue = next->cue;
          quote->confidence = 0.6;
        }
    }
}

static void
token_index_init (TokenIndex *index,
                  guint       n)
{
  guint blocks = (n >> TOKEN_INDEX_BLOCK_BITS) + 1;

  index->delta = g_new0 (guint8, n);  /* TOKEN_INDEX_NONE, without a pass over it */
  quotes_prefer_huge_pages (index->delta);
  index->base = g_new (gint32, blocks);
  memset (index->base, 0xff, blocks * sizeof (gint32));
  index->aside = NULL;
}

/* Sets token @t's index to @value, which is no less than any set before
 * in its block: the first one set is the least. */
static void
token_index_set (TokenIndex *index,
                 guint       t,
                 gint32      value)
{
  gint32 *base = &index->base[t >> TOKEN_INDEX_BLOCK_BITS];

  if (*base < 0)
    *base = value;
  if (value - *base < TOKEN_INDEX_ASIDE - 1)
    {
      index->delta[t] = value - *base + 1;
      return;
    }
  index->delta[t] = TOKEN_INDEX_ASIDE;
  if (index->aside == NULL)
    index->aside = g_hash_table_new (NULL, NULL);
  g_hash_table_insert (index->aside, GUINT_TO_POINTER (t), GINT_TO_POINTER (value));
}

static void
token_index_clear (TokenIndex *index)
{
  g_clear_pointer (&index->delta, g_free);
  g_clear_pointer (&index->base, g_free);
  g_clear_pointer (&index->aside, g_hash_table_unref);
}

/* The mentions and the cues by token; the mentions and cues that the stage
 * adds are found otherwise. */
static void
index_tokens (Attribution *a)
{
  guint n = a->doc->tokens->len + 1;

  token_index_init (&a->mentions_at, n);
  token_index_init (&a->cues_at, n);
  /* The bounds in locals: a store to the bytes of an index may alias
   * anything, and the compiler read them again after each. */
  for (guint i = 0; i < a->doc->mentions->len; i++)
    {
      guint first = mention (a, i)->span_token, end = mention (a, i)->end_token;

      for (guint t = first; t < end; t++)
        if (a->mentions_at.delta[t] == TOKEN_INDEX_NONE)
          token_index_set (&a->mentions_at, t, i);
    }
  for (guint i = 0; i < a->doc->cues->len; i++)
    {
      guint first = cue (a, i)->first_token, end = cue (a, i)->end_token;

      for (guint t = first; t < end; t++)
        token_index_set (&a->cues_at, t, i);
    }
}

static gint
compare_quotes (gconstpointer x,
                gconstpointer y)
{
  const QuotesQuoteRecord *qx = x, *qy = y;

  return (qx->start > qy->start) - (qx->start < qy->start);
}

static gint
compare_quotes_with_data (gconstpointer x,
                          gconstpointer y,
                          gpointer      data)
{
  return compare_quotes (x, y);
}

/* The quotes in order of their starts, as a stable sort of all of them
 * leaves them (g_array_sort is stable). They come in three runs, each
 * sorted on its own and then merged, ties to the one that came first:
 * the marked ones, in order; the reported ones with a cue up to @n_cued,
 * nearly in order (a few places out at most), sorted by insertion; and
 * those with "according to", in order. */
static void
sort_quotes (GArray *quotes,
             guint   n_marked,
             guint   n_cued)
{
  gsize size = sizeof (QuotesQuoteRecord);
  guint8 *reported;
  guint n_reported = quotes->len - n_marked, n_with_cue = n_cued - n_marked;

  /* An array that never held a quote has no block: no address to count from. */
  if (quotes->len < 2)
    return;
  reported = (guint8 *) quotes->data + n_marked * size;
  if (!quotes_sort_is_in_order (quotes, 0, n_marked, size, compare_quotes))
    {
      g_array_sort (quotes, compare_quotes);
      return;
    }
  if (!quotes_sort_insertion (reported, n_with_cue, size, compare_quotes) ||
      !quotes_sort_is_in_order (quotes, n_cued, quotes->len, size, compare_quotes))
    g_qsort_with_data (reported, n_reported, size, compare_quotes_with_data, NULL);
  else
    quotes_sort_merge (reported, n_with_cue, n_reported, size, compare_quotes);
  quotes_sort_merge_runs (quotes, n_marked, size, compare_quotes);
}

#define MARKED_AHEAD QUOTES_PREFETCH_AHEAD

/* Asks for what attribute_marked reads first of the quotes ahead, in two
 * steps: MARKED_AHEAD spans on, the tokens on both sides of its marks and
 * the last one inside, their sentences, the mentions and cues there, the
 * text around the marks and the paragraph it ends in; half as far on,
 * with those at hand, the records of its sentences. The quotes are far apart in
 * megabytes of tokens and text, and each of these was a cache miss.
 * Always inline: GCC takes a function that only prefetches for pure, and
 * drops the call. */
G_ALWAYS_INLINE static inline void
prefetch_marked (const Attribution *a,
                 guint              index)
{
  const QuotesMarkedSpan *far, *near;

  if (index + MARKED_AHEAD < a->doc->marked->len)
    {
      guint before;

      far = &g_array_index (a->doc->marked, QuotesMarkedSpan, index + MARKED_AHEAD);
      before = far->open_token > 0 ? far->open_token - 1 : 0;
      quotes_document_prefetch_token (a->doc, before);
      quotes_prefetch (quotes_document_token (a->doc, far->close_token - 1));
      quotes_document_prefetch_token (a->doc, far->close_token + 1);
      quotes_prefetch (&a->mentions_at.delta[before]);
      quotes_prefetch (&a->mentions_at.delta[far->close_token + 1]);
      quotes_prefetch (&a->cues_at.delta[before]);
      quotes_prefetch (&a->cues_at.delta[far->close_token + 1]);
      quotes_prefetch (a->doc->text + far->start);
      quotes_prefetch (a->doc->text + far->end - 1);
      quotes_prefetch (&g_array_index (a->doc->paragraphs, QuotesParagraph, far->end_paragraph));
    }
  if (index + MARKED_AHEAD / 2 < a->doc->marked->len)
    {
      near = &g_array_index (a->doc->marked, QuotesMarkedSpan, index + MARKED_AHEAD / 2);
      quotes_prefetch (sentence_of (a, near->open_token));
      quotes_prefetch (sentence_of (a, near->close_token));
    }
}

void
quotes_attribution_run (QuotesDocument *doc)
{
  Attribution a = { doc };

  a.reported_sentence = G_MAXUINT32;
  index_tokens (&a);
  for (guint r = 0; r < 2; r++)
    {
      a.subject[r] = g_new (guint32, doc->sentences->len + 1);
      for (guint s = 0; s <= doc->sentences->len; s++)
        a.subject[r][s] = UNKNOWN_SUBJECT;
    }
  for (guint i = 0; i < doc->marked->len && !quotes_document_cancelled (doc, i); i++)
    {
      prefetch_marked (&a, i);
      attribute_marked (&a, i, &g_array_index (doc->marked, QuotesMarkedSpan, i));
    }
  borrow_from_next (&a);
  a.n_marked = doc->quotes->len;

  attribution_add_reported_speech (&a);

  sort_quotes (doc->quotes, a.n_marked, a.n_cued);
  token_index_clear (&a.mentions_at);
  token_index_clear (&a.cues_at);
  g_free (a.subject[0]);
  g_free (a.subject[1]);
}
