/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * The cue stage: reporting verbs in the writer's own words ("said",
 * "told", "called on", "advocated for"), longest form first. Words inside
 * quotations or cited posts are the speaker's, not cues.
 */

#include "config.h"

#include "quotes-document.h"
#include "quotes-word-index.h"

#define PHRASE_SIZE 128

/* Answers about a word as written, found once per spelling and
 * remembered: the stage asks the same few words ("said", "the") thousands
 * of times, and each answer cost a lower-cased copy and a look-up. */
typedef struct
{
  QuotesWordIndex index;  /* the token's bytes -> the answer */
  guint           n;
} SpellingCache;

typedef struct
{
  QuotesDocument *doc;
  SpellingCache   cue_words;    /* CUE_WORD_* bits and the cue flags of the word alone */
  SpellingCache   before_words; /* BEFORE_* bits of a word before a cue word */
  QuotesCue      *found;        /* the cues found, added to the document at the end: a
                                 * call to append each cost as much as finding it */
  guint           n_found;
  guint           room;
} Cues;

#define CUE_WORD_STARTS_LONGER (1u << 16)  /* above any cue flag */
#define BEFORE_DETERMINER      (1u << 0)
#define BEFORE_THAT            (1u << 1)

/* Whether token @index, whole, has an answer in @cache: only words
 * without a possessive ending, whose bytes say everything the answers
 * depend on. Sets @hash for spelling_remember. */
static gboolean
spelling_cached (const SpellingCache  *cache,
                 const QuotesDocument *doc,
                 guint                 index,
                 guint32              *hash,
                 guint                *answer)
{
  const QuotesToken *token = quotes_document_token (doc, index);
  gpointer value;

  if (token->flags & QUOTES_TOKEN_POSSESSIVE)
    return FALSE;
  *hash = quotes_word_hash_in (doc->text + token->start, quotes_document_token_length (doc, token), doc->text + doc->length);
  if (!quotes_word_index_lookup_hashed (&cache->index, doc->text + token->start, quotes_document_token_length (doc, token), *hash,
                                        &value))
    return FALSE;
  *answer = GPOINTER_TO_UINT (value);
  return TRUE;
}

static void
spelling_remember (SpellingCache        *cache,
                   const QuotesDocument *doc,
                   guint                 index,
                   guint32               hash,
                   guint                 answer)
{
  const QuotesToken *token = quotes_document_token (doc, index);

  if (token->flags & QUOTES_TOKEN_POSSESSIVE)
    return;
  quotes_word_index_reserve (&cache->index, ++cache->n);
  *quotes_word_index_add (&cache->index, doc->text + token->start, quotes_document_token_length (doc, token), hash) =
    GUINT_TO_POINTER (answer);
}

/* Whether token @index, as the first word of a longer phrase, may start a
 * cue of more than one word: most cue words start none, and each longer
 * phrase tried cost a copy and a look-up. TRUE when the token does not
 * lower-case as plain ASCII, which is not worth telling here. Not inline,
 * so that match_cue, which the stage asks of every cue word, stays so. */
G_GNUC_NO_INLINE static gboolean
may_start_longer_cue (const QuotesDocument *doc,
                      guint                 index)
{
  const QuotesToken *token = quotes_document_token (doc, index);
  gsize n = quotes_document_token_length (doc, token);  /* a phrase holds its first word whole */
  char lower[PHRASE_SIZE];

  if (n + 1 > sizeof lower || !quotes_ascii_strdown (doc->text + token->start, n, lower))
    return TRUE;
  return quotes_lexicon_starts_cue (doc->lexicon, lower);
}

/* The cue flags of the word at @index alone, with CUE_WORD_STARTS_LONGER
 * when it may start a longer cue. */
static guint
cue_word (Cues *cues,
          guint index)
{
  QuotesDocument *doc = cues->doc;
  char phrase[PHRASE_SIZE];
  guint32 hash;
  guint answer;

  if (spelling_cached (&cues->cue_words, doc, index, &hash, &answer))
    return answer;
  answer = quotes_document_phrase (doc, index, 1, TRUE, phrase, sizeof phrase) != NULL ?
           quotes_lexicon_cue_flags (doc->lexicon, phrase) : 0;
  g_assert (answer < CUE_WORD_STARTS_LONGER);
  if (may_start_longer_cue (doc, index))
    answer |= CUE_WORD_STARTS_LONGER;
  spelling_remember (&cues->cue_words, doc, index, hash, answer);
  return answer;
}

static guint
match_cue (Cues                  *cues,
           const QuotesParagraph *paragraph,
           guint                  index,
           guint                 *flags)
{
  QuotesDocument *doc = cues->doc;
  guint max = MIN (quotes_lexicon_cue_max_words (doc->lexicon), paragraph->end_token - index);
  char phrase[PHRASE_SIZE];
  guint word;

  if (!(quotes_document_token (doc, index)->lex & QUOTES_WORD_CUE))
    return 0;
  /* Mostly a cue word starts no longer cue: then it is one alone or none. */
  word = cue_word (cues, index);
  for (guint n = max; n > 1 && (word & CUE_WORD_STARTS_LONGER); n--)
    {
      if (quotes_document_token (doc, index + n - 1)->kind != QUOTES_TOKEN_WORD)
        continue;
      if (quotes_document_phrase (doc, index, n, TRUE, phrase, sizeof phrase) == NULL)
        continue;
      *flags = quotes_lexicon_cue_flags (doc->lexicon, phrase);
      if (*flags != 0)
        return n;
    }
  /* The callers ask only of words. */
  *flags = word & ~CUE_WORD_STARTS_LONGER;
  return *flags != 0 ? 1 : 0;
}

/* "a message that said", "a shirt that says": after "that" only a verb's
 * plain form is a noun ("that call"); its other forms are the verb of a
 * relative clause. */
static gboolean
is_relative_verb (QuotesDocument *doc,
                  guint           index)
{
  char lower[PHRASE_SIZE];

  return quotes_document_token_lower (doc, index, lower, sizeof lower) != NULL &&
         !(quotes_lexicon_cue_flags (doc->lexicon, lower) & QUOTES_CUE_BASE_FORM);
}

/* "the ruling", "the said property", "a call", "the next emails": nouns
 * and adjectives. */
static gboolean
follows_determiner (Cues                  *cues,
                    const QuotesParagraph *paragraph,
                    guint                  index)
{
  static const char *determiners[] = {
    "the", "a", "an", "this", "that", "his", "her", "its", "their", "our", "these", "those", "next", "new",
    "each", "every", "such", "own", NULL,
  };
  QuotesDocument *doc = cues->doc;
  char lower[16];
  guint32 hash;
  guint before;

  if (index <= paragraph->first_token || quotes_document_token (doc, index - 1)->kind != QUOTES_TOKEN_WORD)
    return FALSE;
  if (!spelling_cached (&cues->before_words, doc, index - 1, &hash, &before))
    {
      before = 0;
      if (quotes_document_token_lower (doc, index - 1, lower, sizeof lower) != NULL &&
          quotes_word_in_list (determiners, lower))  /* no strcmp call for most words */
        before = BEFORE_DETERMINER | (strcmp (lower, "that") == 0 ? BEFORE_THAT : 0);
      spelling_remember (&cues->before_words, doc, index - 1, hash, before);
    }
  return (before & BEFORE_DETERMINER) && !((before & BEFORE_THAT) && is_relative_verb (doc, index));
}

/* "Indiana state firefighters", "a New Jersey state law": after a place, a
 * verb's plain form is a noun. */
static gboolean
follows_place (QuotesDocument        *doc,
               const QuotesParagraph *paragraph,
               guint                  index)
{
  const QuotesToken *before;

  if (index <= paragraph->first_token)
    return FALSE;
  before = quotes_document_token (doc, index - 1);
  return before->kind == QUOTES_TOKEN_WORD && (before->flags & QUOTES_TOKEN_CAPITALIZED) &&
         (quotes_document_token_names (doc, index - 1) & QUOTES_NAME_PLACE);
}

static void
add_cue (Cues  *cues,
         guint  index,
         guint  n,
         guint  flags)
{
  if (cues->n_found == cues->room)
    {
      cues->room = MAX (2 * cues->room, 256);
      cues->found = g_renew (QuotesCue, cues->found, cues->room);
    }
  cues->found[cues->n_found++] = (QuotesCue) { index, index + n, flags };
}

/* "Guns Are ‘…,’ Howard Dean Tells Convention", "…, Trevor Noah Says.": in
 * a headline, where every word is capitalised, only a reporting verb right
 * after a person's name is a cue. @next_mention walks the mentions, which
 * are in the order of the text, along with the paragraphs. */
static void
add_headline_cues (Cues                  *cues,
                   const QuotesParagraph *paragraph,
                   guint                 *next_mention)
{
  QuotesDocument *doc = cues->doc;

  /* Past the mentions of the paragraphs since the last headline at once,
   * by their starts: they lie in those paragraphs, before this one's
   * words, and are most of the document's. */
  *next_mention = quotes_document_first_from (doc->mentions, *next_mention, doc->sorted_mentions,
                                              G_STRUCT_OFFSET (QuotesMention, start), paragraph->start);
  for (; *next_mention < doc->mentions->len; (*next_mention)++)
    {
      const QuotesMention *name = &g_array_index (doc->mentions, QuotesMention, *next_mention);
      const QuotesToken *token;
      guint n, flags;

      if (name->first_token >= paragraph->end_token)
        break;
      if (name->first_token < paragraph->first_token || name->kind != QUOTES_MENTION_NAME ||
          name->type != QUOTES_ENTITY_TYPE_PERSON || name->in_quote || name->possessive ||
          name->end_token >= paragraph->end_token)
        continue;
      token = quotes_document_token (doc, name->end_token);
      if (token->kind != QUOTES_TOKEN_WORD || (token->flags & (QUOTES_TOKEN_IN_QUOTE | QUOTES_TOKEN_POSSESSIVE)) ||
          (n = match_cue (cues, paragraph, name->end_token, &flags)) == 0 || !(flags & QUOTES_CUE_QUOTATION))
        continue;
      add_cue (cues, name->end_token, n, flags);
    }
}

void
quotes_cues_run (QuotesDocument *doc)
{
  Cues cues = { doc };
  guint next_mention = 0;

  quotes_word_index_init_empty (&cues.cue_words.index, 64);
  quotes_word_index_init_empty (&cues.before_words.index, 64);
  for (guint p = 0; p < doc->paragraphs->len && !quotes_document_cancelled (doc, p); p++)
    {
      const QuotesParagraph *paragraph = &g_array_index (doc->paragraphs, QuotesParagraph, p);

      if (paragraph->headline && !paragraph->boilerplate)
        add_headline_cues (&cues, paragraph, &next_mention);
      if (paragraph->boilerplate || paragraph->headline)
        continue;
      for (guint i = paragraph->first_token; i < paragraph->end_token; i++)
        {
          const QuotesToken *token = quotes_document_token (doc, i);
          guint n, flags;

          /* The flags first: the word before is looked up. The word
           * classes turn away nearly every token in one test (any token
           * but a word has none), where the kind, tested first, was a
           * branch mispredicted at every turn from words to punctuation. */
          if (!(token->lex & QUOTES_WORD_CUE) || token->kind != QUOTES_TOKEN_WORD ||
              ((token->flags & QUOTES_TOKEN_CAPITALIZED) && !(token->flags & QUOTES_TOKEN_SENT_START)) ||
              (token->flags & (QUOTES_TOKEN_IN_QUOTE | QUOTES_TOKEN_IN_POST | QUOTES_TOKEN_POSSESSIVE)) ||
              follows_determiner (&cues, paragraph, i) ||
              (n = match_cue (&cues, paragraph, i, &flags)) == 0)
            continue;
          if ((flags & QUOTES_CUE_BASE_FORM) && follows_place (doc, paragraph, i))
            continue;
          add_cue (&cues, i, n, flags);
          i += n - 1;
        }
    }
  g_array_append_vals (doc->cues, cues.found, cues.n_found);
  g_free (cues.found);
  quotes_word_index_clear (&cues.cue_words.index);
  quotes_word_index_clear (&cues.before_words.index);
}
