/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * The cue stage: reporting verbs in the writer's own words ("said",
 * "told", "called on", "advocated for"), longest form first. Words inside
 * quotations or cited posts are the speaker's, not cues.
 */

#include "config.h"

#include "quotes-document.h"

#define PHRASE_SIZE 128

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
  gsize n = token->end - token->start;  /* a phrase holds its first word whole */
  char lower[PHRASE_SIZE];

  if (n + 1 > sizeof lower || !quotes_ascii_strdown (doc->text + token->start, n, lower))
    return TRUE;
  return quotes_lexicon_starts_cue (doc->lexicon, lower);
}

static guint
match_cue (QuotesDocument        *doc,
           const QuotesParagraph *paragraph,
           guint                  index,
           guint                 *flags)
{
  guint max = MIN (quotes_lexicon_cue_max_words (doc->lexicon), paragraph->end_token - index);
  char phrase[PHRASE_SIZE];

  gboolean asked = FALSE;

  if (!(quotes_document_token (doc, index)->lex & QUOTES_WORD_CUE))
    return 0;

  for (guint n = max; n >= 1; n--)
    {
      if (quotes_document_token (doc, index + n - 1)->kind != QUOTES_TOKEN_WORD)
        continue;
      /* Asked at the first phrase of several words there is to copy and
       * look up: mostly a cue word stands before no other word. */
      if (n > 1 && !asked)
        {
          asked = TRUE;
          if (!may_start_longer_cue (doc, index))
            n = 1;
        }
      if (quotes_document_phrase (doc, index, n, TRUE, phrase, sizeof phrase) == NULL)
        continue;
      *flags = quotes_lexicon_cue_flags (doc->lexicon, phrase);
      if (*flags != 0)
        return n;
    }
  return 0;
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
follows_determiner (QuotesDocument        *doc,
                    const QuotesParagraph *paragraph,
                    guint                  index)
{
  static const char *determiners[] = {
    "the", "a", "an", "this", "that", "his", "her", "its", "their", "our", "these", "those", "next", "new",
    "each", "every", "such", "own", NULL,
  };
  char lower[16];

  return index > paragraph->first_token &&
         quotes_document_token (doc, index - 1)->kind == QUOTES_TOKEN_WORD &&
         quotes_document_token_lower (doc, index - 1, lower, sizeof lower) != NULL &&
         quotes_word_in_list (determiners, lower) &&  /* no strcmp call for most words */
         !(strcmp (lower, "that") == 0 && is_relative_verb (doc, index));
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
add_cue (QuotesDocument *doc,
         guint           index,
         guint           n,
         guint           flags)
{
  QuotesCue cue = { index, index + n, flags };

  g_array_append_val (doc->cues, cue);
}

/* "Guns Are ‘…,’ Howard Dean Tells Convention", "…, Trevor Noah Says.": in
 * a headline, where every word is capitalised, only a reporting verb right
 * after a person's name is a cue. @next_mention walks the mentions, which
 * are in the order of the text, along with the paragraphs. */
static void
add_headline_cues (QuotesDocument        *doc,
                   const QuotesParagraph *paragraph,
                   guint                 *next_mention)
{
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
          (n = match_cue (doc, paragraph, name->end_token, &flags)) == 0 || !(flags & QUOTES_CUE_QUOTATION))
        continue;
      add_cue (doc, name->end_token, n, flags);
    }
}

void
quotes_cues_run (QuotesDocument *doc)
{
  guint next_mention = 0;

  for (guint p = 0; p < doc->paragraphs->len && !quotes_document_cancelled (doc, p); p++)
    {
      const QuotesParagraph *paragraph = &g_array_index (doc->paragraphs, QuotesParagraph, p);

      if (paragraph->headline && !paragraph->boilerplate)
        add_headline_cues (doc, paragraph, &next_mention);
      if (paragraph->boilerplate || paragraph->headline)
        continue;
      for (guint i = paragraph->first_token; i < paragraph->end_token; i++)
        {
          const QuotesToken *token = quotes_document_token (doc, i);
          guint n, flags;

          if (token->kind != QUOTES_TOKEN_WORD || !(token->lex & QUOTES_WORD_CUE) ||
              follows_determiner (doc, paragraph, i) ||
              ((token->flags & QUOTES_TOKEN_CAPITALIZED) && !(token->flags & QUOTES_TOKEN_SENT_START)) ||
              (token->flags & (QUOTES_TOKEN_IN_QUOTE | QUOTES_TOKEN_IN_POST | QUOTES_TOKEN_POSSESSIVE)) ||
              (n = match_cue (doc, paragraph, i, &flags)) == 0)
            continue;
          if ((flags & QUOTES_CUE_BASE_FORM) && follows_place (doc, paragraph, i))
            continue;
          add_cue (doc, i, n, flags);
          i += n - 1;
        }
    }
}
