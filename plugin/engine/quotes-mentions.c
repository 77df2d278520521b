/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * The mention stage: the words that may name a speaker. Runs of capitalised
 * words become names of persons or organizations once titles ("British
 * Prime Minister"), places, nationalities and common words are taken off;
 * "the Ukrainian president" is a descriptor, "he" a pronoun, "a senior
 * official" a role. Which mentions are one entity is decided later.
 */

#include "config.h"

#include <string.h>

#include "quotes-byte-chunks-private.h"
#include "quotes-document.h"
#include "quotes-sort-private.h"
#include "quotes-word-index.h"

#define PHRASE_SIZE 256
#define MAX_ROLE_WORDS 4

/* The document's tokens and their name classes are read at every turn:
 * kept here, one load away, rather than behind doc->tokens, which the
 * compiler reloads after every store it cannot tell apart from it. Neither
 * array moves during this stage. */
/* known_org_length's latest answers, by the first word asked: a run asks
 * it of the same words up to four times, trimmed, whole, before its title
 * and as a name, and a run of several words looks up a phrase for each
 * length it tries. */
#define KNOWN_ORGS 4

typedef struct
{
  guint first;
  guint end;
  guint length;
} KnownOrg;

/* doc->mentions while the stage adds to it: its first @len records are
 * the mentions, the rest room for more, so that it grows in steps and
 * not by a g_array_set_size call for each mention, which cost more than
 * the rest of adding it. */
typedef struct
{
  GArray *array;
  guint   len;
} MentionList;

typedef struct
{
  QuotesDocument        *doc;
  const QuotesParagraph *paragraph;
  const QuotesToken     *tokens;
  guint16               *names;
  guint                  n_tokens;
  KnownOrg              *known_orgs;  /* KNOWN_ORGS of them */
  MentionList           *added;       /* NULL where nothing is added */
} Scan;

/* @known_orgs: room for KNOWN_ORGS answers, which this clears. */
static inline Scan
scan_init (QuotesDocument        *doc,
           const QuotesParagraph *paragraph,
           KnownOrg              *known_orgs,
           MentionList           *added)
{
  Scan scan = { doc, paragraph, &g_array_index (doc->tokens, QuotesToken, 0), doc->token_names, doc->tokens->len,
                known_orgs, added };

  for (guint i = 0; i < KNOWN_ORGS; i++)
    known_orgs[i].first = G_MAXUINT;
  return scan;
}

static inline const QuotesToken *
token_at (const Scan *scan,
          guint       index)
{
  return &scan->tokens[index];
}

/* quotes_document_token_names, from the scan's copies. */
static inline guint
token_names (const Scan *scan,
             guint       index)
{
  if (index >= scan->n_tokens)
    return 0;
  if (scan->names[index] == 0)
    scan->names[index] = quotes_names_pack (quotes_document_look_up_names (scan->doc, index));
  return quotes_names_unpack (scan->names[index]);
}

/* quotes_document_token_is, from the scan's copies. */
static inline gboolean
token_is (const Scan *scan,
          guint       index,
          const char *word)
{
  return index < scan->n_tokens && quotes_token_text_is (scan->doc->text, token_at (scan, index), word);
}

/* Whether @token is a word with a capital, in one test of its kind and
 * flags put together: the loop that asks it of every token of the text
 * mispredicted a branch for each, whose outcomes follow no pattern. */
static inline gboolean
is_capitalized_token (const QuotesToken *token)
{
  guint32 kind_and_flags = (guint32) token->kind << 16 | token->flags;

  return (kind_and_flags & (0xffu << 16 | QUOTES_TOKEN_CAPITALIZED)) ==
         ((guint32) QUOTES_TOKEN_WORD << 16 | QUOTES_TOKEN_CAPITALIZED);
}

static gboolean
is_capitalized_word (const Scan *scan,
                     guint       index)
{
  const QuotesToken *token;

  if (index >= scan->paragraph->end_token)
    return FALSE;
  token = token_at (scan, index);
  return token->kind == QUOTES_TOKEN_WORD && (token->flags & QUOTES_TOKEN_CAPITALIZED);
}

/* Inline: the callers ask it of a word each, mostly a short one. */
static inline gboolean
lookup_lower (const Scan *scan,
              guint       index,
              char       *buffer)
{
  guint64 chunk;

  return quotes_document_token_lower_short (scan->doc, token_at (scan, index), buffer, &chunk) ||
         quotes_document_token_lower (scan->doc, index, buffer, PHRASE_SIZE) != NULL;
}

/* The word at @index is one that opens sentences ("So", "If", "But"). */
static gboolean
opens_sentences (const Scan *scan,
                 guint       index)
{
  char lower[PHRASE_SIZE];

  return lookup_lower (scan, index, lower) && quotes_document_is_sentence_opener (lower);
}

/* is_common for a hyphenated word. */
G_GNUC_NO_INLINE static gboolean
is_common_hyphenated (const Scan *scan,
                      guint       index)
{
  char lower[PHRASE_SIZE];
  char *part, *rest;

  if (!lookup_lower (scan, index, lower))
    return FALSE;
  for (part = strtok_r (lower, "-", &rest); part != NULL; part = strtok_r (NULL, "-", &rest))
    if (!quotes_lexicon_is_common_word (scan->doc->lexicon, part))
      return FALSE;
  return TRUE;
}

/* A word a dictionary has in lower case: "Peace", "During", "Key". Each part
 * of a hyphenated word must be one ("Anti-Government"). Inline up to the
 * token's flags, which answer for nearly every word. */
static inline gboolean
is_common (const Scan *scan,
           guint       index)
{
  const QuotesToken *token = token_at (scan, index);

  if (!(token->flags & QUOTES_TOKEN_ASCII))
    return FALSE;
  if (token->lex & QUOTES_WORD_COMMON)
    return TRUE;
  return (token->flags & QUOTES_TOKEN_HYPHENATED) && is_common_hyphenated (scan, index);
}

/* Tokens @first to @first + @n as the word lists hold them, as written:
 * words joined by one space, without the last one's possessive ending.
 * Mostly the text itself has them so, and they are looked up where they
 * stand, without a copy; otherwise they are copied into @buffer. NULL, as
 * quotes_document_phrase gives it, when they would not fit there. Inline:
 * it is asked of every name, mostly of one word, which takes a few
 * operations then. */
static inline const char *
written_phrase (const Scan *scan,
                guint       first,
                guint       n,
                char        buffer[PHRASE_SIZE],
                gsize      *length)
{
  const QuotesDocument *doc = scan->doc;
  const QuotesToken *last;
  const char *phrase;

  if (first + n > doc->tokens->len)
    return NULL;
  for (guint i = first; i + 1 < first + n; i++)
    {
      guint32 end = quotes_document_token_end (doc, token_at (scan, i));

      if (token_at (scan, i + 1)->start != end + 1 || doc->text[end] != ' ')
        {
          phrase = quotes_document_phrase (doc, first, n, FALSE, buffer, PHRASE_SIZE);
          *length = phrase != NULL ? strlen (phrase) : 0;
          return phrase;
        }
    }
  last = token_at (scan, first + n - 1);
  *length = quotes_document_token_base_end (scan->doc, last) - token_at (scan, first)->start;
  /* quotes_document_phrase's own limits: room for the NUL, and one more
   * byte for a single word. */
  if (*length + (n == 1 ? 2 : 1) > PHRASE_SIZE)
    return NULL;
  return doc->text + token_at (scan, first)->start;
}

/* Whether token @index, as written, is in a list of @names (QuotesNameClass). */
static gboolean
is_named (const Scan *scan,
          guint       index,
          guint       names)
{
  return (token_names (scan, index) & names) != 0;
}

/* How many words from @index name a place ("Texas", "New York"), or 0. */
static guint
place_length (const Scan *scan,
              guint       index,
              guint       end)
{
  char buffer[PHRASE_SIZE];
  gsize length;

  if (end <= index)
    return 0;
  /* A place of several words starts with no other first word. */
  for (guint n = MIN (3, end - index); n >= 2 && is_named (scan, index, QUOTES_NAME_STARTS_PLACE_OR_ORG); n--)
    {
      const char *phrase = written_phrase (scan, index, n, buffer, &length);

      if (phrase != NULL && quotes_lexicon_is_place (scan->doc->lexicon, phrase, length))
        return n;
    }
  return is_named (scan, index, QUOTES_NAME_PLACE) ? 1 : 0;
}

/* Whether a word of the name classes @names is a first name, and its
 * gender. */
static inline gboolean
names_first_name_gender (guint  names,
                         guint *gender)
{
  if (!(names & QUOTES_NAME_FIRST_NAME))
    return FALSE;
  *gender = QUOTES_NAME_FIRST_NAME_GENDER (names);
  return TRUE;
}

/* A first name, or one before a hyphen ("Jean-Claude"). */
static gboolean
first_name_gender (const Scan *scan,
                   guint       index,
                   guint      *gender)
{
  return names_first_name_gender (token_names (scan, index), gender);
}

/* The longest title starting at @index ("Prime Minister", "Secretary of
 * State"); returns its length in tokens, 0 when none. */
G_GNUC_NO_INLINE static guint
title_length_at (const Scan *scan,
                 guint       index,
                 guint       end,
                 guint      *gender)
{
  char lower[PHRASE_SIZE], phrase[PHRASE_SIZE];
  guint max = MIN (quotes_lexicon_title_max_words (scan->doc->lexicon), end - index);

  if (!lookup_lower (scan, index, lower))
    return 0;
  if (!quotes_lexicon_starts_title (scan->doc->lexicon, lower))
    max = MIN (max, 1);
  for (guint n = max; n >= 2; n--)
    if (quotes_document_phrase (scan->doc, index, n, TRUE, phrase, sizeof phrase) != NULL &&
        quotes_lexicon_title (scan->doc->lexicon, phrase, gender))
      return n;
  /* The phrase of one word is the word lower-cased, which is at hand. */
  return max >= 1 && quotes_lexicon_title (scan->doc->lexicon, lower, gender) ? 1 : 0;
}

/* Inline: it is asked of most words of a run, and the word's classes
 * turn away nearly all of them. */
static inline guint
title_length (const Scan *scan,
              guint       index,
              guint       end,
              guint      *gender)
{
  if (!(token_at (scan, index)->lex & QUOTES_WORD_TITLE))
    return 0;
  return title_length_at (scan, index, end, gender);
}

static void
add_mention (Scan          *scan,
             QuotesMention *mention)
{
  const QuotesToken *last = token_at (scan, mention->end_token - 1);
  MentionList *added = scan->added;

  mention->end = quotes_document_token_base_end (scan->doc, last);
  mention->possessive = (last->flags & QUOTES_TOKEN_POSSESSIVE) != 0;
  mention->in_quote = (token_at (scan, mention->first_token)->flags &
                       (QUOTES_TOKEN_IN_QUOTE | QUOTES_TOKEN_IN_POST)) != 0;
  mention->entity = -1;
  if (added->len == added->array->len)
    quotes_document_grow (added->array);
  g_array_index (added->array, QuotesMention, added->len++) = *mention;
}

/* The mention added last, or NULL. */
static const QuotesMention *
last_mention (const Scan *scan)
{
  if (scan->added->len == 0)
    return NULL;
  return &g_array_index (scan->added->array, QuotesMention, scan->added->len - 1);
}

/* Takes the room off doc->mentions: its length is the mentions' again. */
static void
end_mention_list (MentionList *added)
{
  g_array_set_size (added->array, added->len);
}

static gboolean
is_lower_word (const Scan *scan,
               guint       index,
               const char *word)
{
  return index < scan->paragraph->end_token && token_is (scan, index, word);
}

/* "Stephanie Hooton of Derry": a person's name and where she is from, not
 * one name like "Bank of England". */
static gboolean
is_person_from_place (const Scan *scan,
                      guint       index,
                      guint       of)
{
  /* "Donald Hartley of Madison": a first name and a family name make a
   * whole name; the capitals after "of" are where the person is from or
   * works, not part of it ("Bank of England" holds no first name). */
  if (of >= index + 2 && is_named (scan, index, QUOTES_NAME_FIRST_NAME) &&
      !is_named (scan, of - 1, QUOTES_NAME_FIRST_NAME | QUOTES_NAME_ORG_WORD))
    return TRUE;
  if (!is_named (scan, of + 1, QUOTES_NAME_PLACE))
    return FALSE;
  /* "Sen. Ted Cruz of Texas": the first name may follow a title. */
  for (guint k = index; k < of; k++)
    if (is_named (scan, k, QUOTES_NAME_FIRST_NAME))
      return TRUE;
  return FALSE;
}

/* Where a run of name-like words that starts at @index ends: capitalised
 * words, name particles between them ("von der"), and "of" inside names of
 * bodies ("Bank of England"). A possessive ends the run. */
static guint
run_end (const Scan *scan,
         guint       index)
{
  guint end = index;

  while (end < scan->paragraph->end_token)
    {
      const QuotesToken *token = token_at (scan, end);

      /* "… in the U.S. While Clinton …": a name ends with its sentence. */
      if (end > index && (token->flags & QUOTES_TOKEN_SENT_START))
        break;
      /* "MSNBC's Morning Joe Monday": a day ends a name. Only a capital
       * may start one, which spares the call for the word after a run. */
      if (end > index && (token->flags & QUOTES_TOKEN_CAPITALIZED) &&
          quotes_document_token_is_weekday (scan->doc, end))
        break;
      /* The capitals are asked before the particles: the word after
       * nearly every run is no particle, and need not be looked up. */
      if (is_capitalized_word (scan, end) ||
          (token->kind == QUOTES_TOKEN_WORD && end > index && is_capitalized_word (scan, end + 1) &&
           (((is_lower_word (scan, end, "of") || is_lower_word (scan, end, "for")) &&
             !is_person_from_place (scan, index, end)) ||
            is_named (scan, end, QUOTES_NAME_PARTICLE))) ||
          (end > index && end + 2 < scan->paragraph->end_token && is_capitalized_word (scan, end + 2) &&
           is_named (scan, end, QUOTES_NAME_PARTICLE) && is_named (scan, end + 1, QUOTES_NAME_PARTICLE)))  /* "van der Berg" */
        {
          end++;
          if (token->flags & QUOTES_TOKEN_POSSESSIVE)
            break;
          continue;
        }
      break;
    }
  /* Never end on a particle or "of". */
  while (end > index && !is_capitalized_word (scan, end - 1))
    end--;
  return end;
}

static gboolean
is_organization_head (const Scan *scan,
                      guint       first,
                      guint       end)
{
  for (guint i = first; i < end; i++)
    if (is_named (scan, i, QUOTES_NAME_ORG_WORD) &&
        (i + 1 == end || is_lower_word (scan, i + 1, "of") || is_lower_word (scan, i + 1, "for")))
      return TRUE;
  return FALSE;
}

/* The run ends in an organization word: "Justice Department", "Ways and
 * Means Committee". */
static gboolean
ends_in_org_word (const Scan *scan,
                  guint       first,
                  guint       end)
{
  return end - first >= 2 && is_named (scan, end - 1, QUOTES_NAME_ORG_WORD);
}

static gboolean
followed_by_org_role (const Scan *scan,
                      guint       end)
{
  char lower[PHRASE_SIZE];

  return end < scan->paragraph->end_token && token_at (scan, end)->kind == QUOTES_TOKEN_WORD &&
         lookup_lower (scan, end, lower) && quotes_lexicon_is_org_role (scan->doc->lexicon, lower);
}

static gboolean
all_common (const Scan *scan,
            guint       first,
            guint       end)
{
  for (guint i = first; i < end; i++)
    if (!is_common (scan, i) && !is_lower_word (scan, i, "of") && !is_lower_word (scan, i, "for"))
      return FALSE;
  return TRUE;
}

/* Titles of laws, treaties and events end in a word that names no one:
 * "Hyde Amendment", "Paris Agreement", "Trump Tower". */
static gboolean
ends_in_non_name (const Scan *scan,
                  guint       end)
{
  return is_named (scan, end - 1, QUOTES_NAME_NON_NAME);
}

/* Every word a dictionary word, a place or a nationality: a slogan or the
 * title of a work ("Make America Great Again", "American Skin"), which a
 * person's name is not. */
static gboolean
all_plain (const Scan *scan,
           guint       first,
           guint       end)
{
  for (guint i = first; i < end; i++)
    if (!is_common (scan, i) && !is_lower_word (scan, i, "of") && !is_lower_word (scan, i, "for") &&
        !is_named (scan, i, QUOTES_NAME_PLACE | QUOTES_NAME_NATIONALITY))
      return FALSE;
  return TRUE;
}

/* Every word from @first to @end in capitals: "KEY LEADER", "NATO". */
static gboolean
all_in_capitals (const Scan *scan,
                 guint       first,
                 guint       end)
{
  for (guint t = first; t < end; t++)
    if (!(token_at (scan, t)->flags & QUOTES_TOKEN_ALL_CAPS))
      return FALSE;
  return TRUE;
}

/* Datelines shout: "WASHINGTON (AP) —" is Washington. @phrase (@length
 * bytes) is a run all in capitals, which its caller knows. */
static gboolean
is_shouted_place (const Scan *scan,
                  const char *phrase,
                  gsize       length)
{
  g_autofree char *title = NULL;
  gboolean capital = TRUE;

  title = g_ascii_strdown (phrase, length);
  for (char *p = title; *p; p++)
    {
      if (capital)
        *p = g_ascii_toupper (*p);
      capital = *p == ' ' || *p == '-';
    }
  return quotes_lexicon_is_place (scan->doc->lexicon, title, -1);
}

/* "Cook said": a word at the start of a sentence is a name when a
 * reporting verb follows it. */
static gboolean
followed_by_cue (const Scan *scan,
                 guint       end)
{
  char lower[PHRASE_SIZE];

  return end < scan->paragraph->end_token && token_at (scan, end)->kind == QUOTES_TOKEN_WORD &&
         !(token_at (scan, end)->flags & QUOTES_TOKEN_CAPITALIZED) &&
         (token_at (scan, end)->lex & QUOTES_WORD_CUE) && lookup_lower (scan, end, lower) &&
         (quotes_lexicon_cue_flags (scan->doc->lexicon, lower) & (QUOTES_CUE_QUOTATION | QUOTES_CUE_CLAUSE)) &&
         !(quotes_lexicon_cue_flags (scan->doc->lexicon, lower) & QUOTES_CUE_BASE_FORM);
}

/* How many words from @first name a known organization, the most that
 * do, or 0. */
static guint
look_up_known_org (const Scan *scan,
                   guint       first,
                   guint       end)
{
  char buffer[PHRASE_SIZE];
  gsize length;
  const char *phrase;

  /* An organization of several words starts with no other first word. */
  if (end - first >= 2 && is_named (scan, first, QUOTES_NAME_STARTS_PLACE_OR_ORG))
    for (guint n = MIN (quotes_lexicon_name_max_words (scan->doc->lexicon), end - first); n >= 2; n--)
      if ((phrase = written_phrase (scan, first, n, buffer, &length)) != NULL &&
          quotes_lexicon_is_known_org (scan->doc->lexicon, phrase, length))
        return n;
  return is_named (scan, first, QUOTES_NAME_ORG) ? 1 : 0;
}

static guint
known_org_length (const Scan *scan,
                  guint       first,
                  guint       end)
{
  KnownOrg *known = &scan->known_orgs[first % KNOWN_ORGS];

  if (end <= first)
    return 0;
  if (known->first != first || known->end != end)
    *known = (KnownOrg) { first, end, look_up_known_org (scan, first, end) };
  return known->length;
}

/* A known organization that opens a run and is not the word before a
 * person's name ("Economist Martin Keller"): how many words it takes. */
static guint
org_prefix_length (const Scan *scan,
                   guint       first,
                   guint       end)
{
  guint n = known_org_length (scan, first, end), gender;

  if (n == 0 || first_name_gender (scan, first, &gender) ||
      (first + n < end && first_name_gender (scan, first + n, &gender)))
    return 0;
  return n;
}

/* A dictionary word, an organization word or a place: what may follow a
 * known organization's name in the name of a part of it. */
static gboolean
is_part_word (const Scan *scan,
              guint       index)
{
  return is_common (scan, index) || is_named (scan, index, QUOTES_NAME_ORG_WORD | QUOTES_NAME_PLACE);
}

/* "Bloomberg Politics", "Apple Music", "Politico Florida": a known
 * organization and dictionary words, organization words or places after
 * it name a part or product of it; "Tory Mazzola" is someone. */
static gboolean
is_org_part (const Scan *scan,
             guint       first,
             guint       end)
{
  guint n = org_prefix_length (scan, first, end);

  if (n == 0 || first + n == end)
    return FALSE;
  for (guint k = first + n; k < end; k++)
    if (!is_part_word (scan, k))
      return FALSE;
  return TRUE;
}

/* "Democrats for Life", "Americans for Prosperity": people in the plural
 * for a cause is how groups name themselves; a person's name holds no
 * "for", and an office's holds a singular ("Minister for Europe"). Inline:
 * it is asked of every run, mostly too short to hold a "for". */
static inline gboolean
is_group_for_cause (const Scan *scan,
                    guint       first,
                    guint       end)
{
  for (guint i = first + 1; i + 1 < end; i++)
    {
      const QuotesToken *before = token_at (scan, i - 1);
      const char *last = scan->doc->text + quotes_document_token_base_end (scan->doc, before);

      if (!is_lower_word (scan, i, "for"))
        continue;
      return !(before->flags & (QUOTES_TOKEN_POSSESSIVE | QUOTES_TOKEN_ALL_CAPS)) &&
             quotes_document_token_base_length (scan->doc, before) >= 4 && last[-1] == 's' && last[-2] != 's';
    }
  return FALSE;
}

/* The whole run names an organization that no title or opening word may
 * be cut from: a known one ("Democrat Party", "Justice Department") or a
 * group for a cause. */
static gboolean
run_is_organization (const Scan *scan,
                     guint       first,
                     guint       end)
{
  return known_org_length (scan, first, end) == end - first || is_group_for_cause (scan, first, end);
}

/* "Greeley, Colo.", "Ponte Vedra Beach, Fla.": a name before a comma and a
 * state or a country names a town. */
static gboolean
is_town_before_place (const Scan *scan,
                      guint       end)
{
  /* The word after the place is asked before the place is looked up:
   * after "Smith, who", the word after a name and a comma is mostly not. */
  return end + 1 < scan->paragraph->end_token && quotes_document_token_is_punct (scan->doc, end, ",") &&
         token_at (scan, end + 1)->kind == QUOTES_TOKEN_WORD &&
         (end + 2 >= scan->paragraph->end_token || token_at (scan, end + 2)->kind != QUOTES_TOKEN_WORD) &&
         (token_names (scan, end + 1) & QUOTES_NAME_PLACE);
}

/* The word before @first is "the", "The" or "of". */
static gboolean
follows_the_or_of (const Scan *scan,
                   guint       first)
{
  return first > scan->paragraph->first_token &&
         (token_is (scan, first - 1, "the") || token_is (scan, first - 1, "The") || is_lower_word (scan, first - 1, "of"));
}

/* Persons, organizations or nothing (places, nationalities, "Armed Forces"). */
static gboolean
classify_name (const Scan    *scan,
               QuotesMention *mention)
{
  guint first = mention->first_token, end = mention->end_token;
  char buffer[PHRASE_SIZE];
  gsize length;
  const char *phrase = written_phrase (scan, first, end - first, buffer, &length);
  /* The rules below ask these of the run again and again: once here. */
  guint first_names = token_names (scan, first);
  gboolean capitals = all_in_capitals (scan, first, end);
  guint gender = 0, names;
  gboolean heads_org;

  if (phrase == NULL)
    return FALSE;
  /* A single word's are looked up already. */
  names = end - first == 1 ? first_names : quotes_lexicon_name_classes (scan->doc->lexicon, phrase, length);
  mention->type_known = TRUE;
  mention->type = QUOTES_ENTITY_TYPE_ORGANIZATION;
  if ((names & QUOTES_NAME_ORG) || is_group_for_cause (scan, first, end))
    return TRUE;
  /* "Moscow said": the government, as far as a source goes. */
  if (end - first == 1 && (names & QUOTES_NAME_PLACE) && followed_by_cue (scan, end) &&
      !(token_at (scan, first)->flags & QUOTES_TOKEN_POSSESSIVE))
    return TRUE;
  if ((capitals && is_shouted_place (scan, phrase, length)) || is_town_before_place (scan, end) ||
      (names & (QUOTES_NAME_PLACE | QUOTES_NAME_NATIONALITY | QUOTES_NAME_NON_NAME | QUOTES_NAME_PLATFORM)))
    return FALSE;

  /* A title in capitals without its name ("the VP nominee", "the CEO") */
  if (end - first == 1 && (token_at (scan, first)->flags & QUOTES_TOKEN_ALL_CAPS) &&
      title_length (scan, first, end, &gender) > 0)
    return FALSE;
  heads_org = is_organization_head (scan, first, end);
  /* "the Senate", "Members of Parliament": a body's word, not a sentence's */
  if (heads_org && (follows_the_or_of (scan, first) || !all_common (scan, first, end) ||
                    (scan->paragraph->headline && end - first >= 2)))
    return TRUE;
  /* "Hamas leader", but not "Party officials" or "Cabinet secretary" */
  if (!names_first_name_gender (first_names, &gender) &&
      !(end - first == 1 && (first_names & QUOTES_NAME_ORG_WORD)) && followed_by_org_role (scan, end))
    return TRUE;
  if (is_org_part (scan, first, end))
    return TRUE;
  /* "Riga Philharmonic", "Chicago Tribune": a place and what is there, but
   * not "a Tennessee Republican", "the South Carolina Democrat" */
  if (end - first >= 2 && (first_names & QUOTES_NAME_PLACE) &&
      !names_first_name_gender (first_names, &gender) && !first_name_gender (scan, first + 1, &gender) &&
      !ends_in_non_name (scan, end))
    return TRUE;
  if (end - first == 1 && (token_at (scan, first)->flags & QUOTES_TOKEN_ALL_CAPS) &&
      quotes_document_token_length (scan->doc, token_at (scan, first)) <= 6 && !scan->paragraph->headline)
    return TRUE;

  mention->type = QUOTES_ENTITY_TYPE_PERSON;
  mention->type_known = FALSE;
  if (names_first_name_gender (first_names, &gender))
    {
      mention->gender = mention->gender ? mention->gender : gender;
      mention->type_known = end - first >= 2;
    }
  if (quotes_document_token_length (scan->doc, token_at (scan, first)) < 2 && end - first == 1)
    return FALSE;  /* "X", the platform; a lone initial */
  if (!mention->type_known && capitals &&
      !(end < scan->paragraph->end_token && quotes_document_token_is_punct (scan->doc, end, ":")))
    return FALSE;  /* "EBOLA SURVIVORS", "HUFFPOLLSTER": a heading; but "RAMOS: …" speaks */
  if (end - first >= 2 && !mention->type_known && (ends_in_non_name (scan, end) || all_plain (scan, first, end)))
    return FALSE;  /* "Hyde Amendment", "Make America Great Again", "American Skin" */
  if (!mention->type_known && heads_org)
    return FALSE;  /* "Party" alone: a body's word, but no body named */
  if (!mention->type_known && all_common (scan, first, end))
    {
      if (end - first > 1 || scan->paragraph->headline ||
          ((token_at (scan, first)->flags & QUOTES_TOKEN_SENT_START) && !followed_by_cue (scan, end)))
        return FALSE;
      mention->weak = TRUE;  /* "Brown", "Cook": names that are words too */
    }
  return TRUE;
}

/* A noun for people in some role ("members"), but not a body ("Ministry"). */
static gboolean
is_person_role_noun (const Scan *scan,
                     guint       index)
{
  char lower[PHRASE_SIZE];
  gboolean is_person = FALSE;

  return (token_at (scan, index)->lex & QUOTES_WORD_ROLE) && lookup_lower (scan, index, lower) &&
         quotes_lexicon_role_noun (scan->doc->lexicon, lower, &is_person) && is_person &&
         !is_named (scan, index, QUOTES_NAME_ORG_WORD);
}

/* Words before a title that belong to it: "former", "then". */
static guint
title_modifiers_before (const Scan *scan,
                        guint       index)
{
  char lower[PHRASE_SIZE];

  while (index > scan->paragraph->first_token && token_at (scan, index - 1)->kind == QUOTES_TOKEN_WORD &&
         !(token_at (scan, index - 1)->flags & QUOTES_TOKEN_CAPITALIZED) &&
         (token_at (scan, index - 1)->lex & QUOTES_WORD_MODIFIER) &&
         lookup_lower (scan, index - 1, lower) &&
         quotes_lexicon_is_title_modifier (scan->doc->lexicon, lower))
    index--;
  return index;
}

/* Skips what stands before a name inside a run: sentence-initial words,
 * non-names, and a title with its nationality and modifiers. Returns the
 * first token of the name; sets the title. */
static guint
skip_title (const Scan    *scan,
            guint          first,
            guint          end,
            QuotesMention *mention)
{
  guint k = first, title_first = G_MAXUINT, gender;

  while (k < end)
    {
      /* Most of the rules ask the classes of this word: once here. */
      guint names = token_names (scan, k), n;

      if ((names & QUOTES_NAME_NATIONALITY) && k + 1 < end && title_length (scan, k + 1, end, &gender))
        {
          title_first = MIN (title_first, k);
          k++;
          continue;
        }
      /* "Wisconsin Gov. Jim Doyle", "New York Congressman Pete King": the
       * place says where the office is. */
      if (title_first == G_MAXUINT && k + 2 < end && (n = place_length (scan, k, end)) > 0 && k + n + 1 < end &&
          title_length (scan, k + n, end, &gender))
        {
          title_first = k;
          k += n;
          continue;
        }
      if (k == first && title_first == G_MAXUINT &&
          (is_lower_word (scan, k, "of") || is_lower_word (scan, k, "for") || (names & QUOTES_NAME_PARTICLE)))
        {
          first = ++k;  /* "Shares of Halden Shipping Group": the run began with a common word */
          continue;
        }
      /* "Members of Congress", "Leaders of the Opposition": who belong to
       * the organization are no part of its name. */
      if (k == first && title_first == G_MAXUINT && k + 2 < end && is_lower_word (scan, k + 1, "of") &&
          is_person_role_noun (scan, k) && title_length (scan, k, end, &gender) == 0)
        {
          first = k += 2;
          continue;
        }
      /* "Glaciologist Ingrid Haugen": a word before a given name and a
       * family name says what the person is; but "So Donald Trump …",
       * "If Hillary Clinton …" open a sentence with a word of their own. */
      if (k == first && title_first == G_MAXUINT && (token_at (scan, k)->flags & QUOTES_TOKEN_SENT_START) &&
          k + 2 < end && !names_first_name_gender (names, &gender) && !title_length (scan, k, end, &gender) &&
          !(names & QUOTES_NAME_HONORIFIC) && first_name_gender (scan, k + 1, &gender) &&
          !(names & (QUOTES_NAME_PLACE | QUOTES_NAME_ORG | QUOTES_NAME_NATIONALITY)) && !opens_sentences (scan, k))
        {
          title_first = k++;
          continue;
        }
      /* A sentence's opening word or a non-name is no part of a name; but
       * "South" of "South Carolina" is part of a place. */
      if ((k == first && (token_at (scan, k)->flags & QUOTES_TOKEN_SENT_START) && is_common (scan, k) &&
           !names_first_name_gender (names, &gender) && !(names & QUOTES_NAME_HONORIFIC) &&
           !title_length (scan, k, end, &gender) && !(k + 1 == end && followed_by_cue (scan, end)) &&
           org_prefix_length (scan, k, end) == 0) ||
          ((names & QUOTES_NAME_NON_NAME) && place_length (scan, k, end) < 2))
        {
          first = ++k;
          continue;
        }
      if (title_first != G_MAXUINT && is_lower_word (scan, k, "of") && k + 2 < end &&
          is_named (scan, k + 1, QUOTES_NAME_PLACE))
        {
          k += 2;  /* "President of Ukraine" */
          continue;
        }
      /* "Justice Department": a title word that heads an organization's name */
      if ((n = title_length (scan, k, end, &gender)) > 0 && k + n < end && !ends_in_org_word (scan, k, end))
        {
          title_first = MIN (title_first, k);
          mention->gender = gender;
          k += n;
          continue;
        }
      break;
    }
  if (title_first != G_MAXUINT)
    {
      title_first = title_modifiers_before (scan, title_first);
      mention->title_start = token_at (scan, title_first)->start;
      mention->title_end = quotes_document_token_end (scan->doc, token_at (scan, k - 1));
      mention->span_token = title_first;
    }
  return k;
}

static gboolean
take_honorific (const Scan    *scan,
                guint          index,
                QuotesMention *mention)
{
  guint names = token_names (scan, index);

  if (!(names & QUOTES_NAME_HONORIFIC))
    return FALSE;
  if (QUOTES_NAME_HONORIFIC_GENDER (names) != 0)
    mention->gender = QUOTES_NAME_HONORIFIC_GENDER (names);
  return TRUE;
}

/* The family name is the last word, but not "Jr." or "III". */
static guint
surname_token (const Scan *scan,
               guint       first,
               guint       end)
{
  guint last = end - 1;

  while (last > first && (token_at (scan, last)->flags & QUOTES_TOKEN_ABBREVIATION ||
                          token_at (scan, last)->flags & QUOTES_TOKEN_ALL_CAPS))
    last--;
  return last;
}

static void
add_name (Scan          *scan,
          QuotesMention *mention,
          guint          first,
          guint          end)
{
  gboolean honorific = take_honorific (scan, first, mention);

  mention->kind = QUOTES_MENTION_NAME;
  mention->first_token = honorific && first + 1 < end ? first + 1 : first;
  mention->end_token = end;
  if (!classify_name (scan, mention))
    return;
  mention->first_token = first;
  mention->start = token_at (scan, first)->start;
  mention->surname_token = surname_token (scan, honorific ? first + 1 : first, end);
  if (mention->span_token == G_MAXUINT32 || mention->span_token > first)
    mention->span_token = first;
  if (honorific)
    mention->weak = FALSE;
  add_mention (scan, mention);
}

/* Headlines capitalise every word: only the words no dictionary has can
 * be names there ("Key Hizb-ul-Qadir Leader Arrested in Raid"). */
static void
add_headline_words (Scan          *scan,
                    QuotesMention *proto,
                    guint          first,
                    guint          end)
{
  guint gender;

  while (first < end)
    {
      guint stop;

      while (first < end && is_common (scan, first) && !first_name_gender (scan, first, &gender))
        first++;
      for (stop = first; stop < end && (!is_common (scan, stop) || first_name_gender (scan, stop, &gender)); stop++)
        ;
      if (stop > first)
        {
          QuotesMention mention = *proto;

          add_name (scan, &mention, first, stop);
        }
      first = stop;
    }
}

/* "Of", "The", "With": a headline's capitalised function words. */
static gboolean
is_small_word (const Scan *scan,
               guint       index)
{
  static const char *words[] = {
    "a", "an", "the", "of", "in", "on", "at", "for", "to", "by", "and", "with", "from", "as", NULL,
  };
  char lower[PHRASE_SIZE];

  return lookup_lower (scan, index, lower) && quotes_word_in_list (words, lower);
}

/* Where the name of the organization whose organization word is at @head
 * starts in a headline: two or three words back, and before any word
 * that may be the headline's verb ("Slashes", "Calls", "Warns"), a small
 * word ("A", "In", "Of"), a contraction or a given name. A shorter name
 * ("Meaningful Exchange", "Clean Energy") is more likely a phrase than a
 * body. Returns @head when there is none. */
static guint
headline_org_start (const Scan *scan,
                    guint       first,
                    guint       head)
{
  guint start = head, gender;

  while (start > first && head - start < 3)
    {
      const QuotesToken *token = token_at (scan, start - 1);
      char last = scan->doc->text[quotes_document_token_base_end (scan->doc, token) - 1];

      if (!is_capitalized_word (scan, start - 1) || (token->lex & QUOTES_WORD_CUE) || last == 's' ||
          !(token->flags & QUOTES_TOKEN_ASCII) || memchr (scan->doc->text + token->start, '\'', quotes_document_token_base_length (scan->doc, token)) ||
          is_named (scan, start - 1, QUOTES_NAME_NON_NAME) || is_small_word (scan, start - 1) ||
          first_name_gender (scan, start - 1, &gender))
        break;
      start--;
    }
  return head - start >= 2 ? start : head;
}

/* A headline's organizations: a known one of two words or more, or a
 * name that ends in an organization word ("International Monetary Fund
 * Slashes Forecast"), which may start before @first, where the names
 * start once the run's opening words are skipped, but not before
 * @run_first. The words between them are read as any headline's. */
static void
add_headline_names (Scan          *scan,
                    QuotesMention *proto,
                    guint          run_first,
                    guint          first,
                    guint          end)
{
  guint from = first, bound = run_first;

  for (guint k = first; k < end;)
    {
      guint n = known_org_length (scan, k, end);
      guint start = k;
      QuotesMention org = { 0 };

      if (n < 2 && is_named (scan, k, QUOTES_NAME_ORG_WORD) &&
          (start = headline_org_start (scan, bound, k)) < k)
        n = k + 1 - start;
      if (n < 2)
        {
          k++;
          continue;
        }
      org.span_token = G_MAXUINT32;
      add_headline_words (scan, proto, from, MAX (from, start));
      add_name (scan, &org, start, start + n);
      from = bound = k = start + n;
    }
  add_headline_words (scan, proto, from, end);
}

/* "the Ukrainian President" with no name after the title. */
static void
add_title_descriptor (Scan          *scan,
                      QuotesMention *mention,
                      guint          run_first,
                      guint          end)
{
  if (run_first == scan->paragraph->first_token ||
      !(token_is (scan, run_first - 1, "the") ||
        token_is (scan, run_first - 1, "The")))
    return;
  mention->kind = QUOTES_MENTION_DESCRIPTOR;
  mention->span_token = run_first - 1;
  mention->first_token = run_first - 1;
  mention->end_token = end;
  mention->surname_token = end - 1;
  mention->start = token_at (scan, run_first - 1)->start;
  add_mention (scan, mention);
}

/* "Securities and Exchange Commission", "Department of Health and Human
 * Services": an "and" or "&" inside an organization's name joins the run
 * before it, of dictionary words, organization words and places only (so
 * no person's name: "Smith and Jones Ltd" stays apart), to the run after
 * it, which ends in an organization word. Returns the end of the joined
 * run. */
static guint
extend_over_and (const Scan *scan,
                 guint       first,
                 guint       end)
{
  guint next, gender;

  if (end + 1 >= scan->paragraph->end_token || !is_capitalized_word (scan, end + 1) ||
      !(is_lower_word (scan, end, "and") || quotes_document_token_is_punct (scan->doc, end, "&")))
    return end;
  next = run_end (scan, end + 1);
  /* "the Defense Department and Israel Defense Forces" are two */
  if (!ends_in_org_word (scan, end + 1, next) || ends_in_org_word (scan, first, end) ||
      is_named (scan, end + 1, QUOTES_NAME_PLACE | QUOTES_NAME_NATIONALITY))
    return end;
  if (end - first == 1 && is_named (scan, first, QUOTES_NAME_PLACE))
    return end;  /* "Texas and Florida Department …" */
  for (guint i = first; i < end; i++)
    if ((!is_part_word (scan, i) && !is_lower_word (scan, i, "of")) || first_name_gender (scan, i, &gender))
      return end;
  return next;
}

/* "NYPD Commissioner James O'Neill", "Wells Fargo CEO John Stumpf",
 * "Acme News Executive Chairman Jo Bloggs": how many words at @first name
 * the organization whose title and holder follow, or 0; @title_at is
 * where the title starts, after at most two dictionary words that belong
 * to it. An acronym that is no place ("U.S.") or title counts. */
static guint
org_before_title (const Scan *scan,
                  guint       first,
                  guint       end,
                  guint      *title_at)
{
  const QuotesToken *token = token_at (scan, first);
  guint n = known_org_length (scan, first, end), gender, title;

  if (n == 0 && (token->flags & QUOTES_TOKEN_ALL_CAPS) && quotes_document_token_length (scan->doc, token) <= 6 &&
      !is_named (scan, first, QUOTES_NAME_PLACE | QUOTES_NAME_NATIONALITY | QUOTES_NAME_NON_NAME) &&
      title_length (scan, first, end, &gender) == 0)
    n = 1;
  if (n == 0)
    return 0;
  for (guint k = first + n; k < end && k <= first + n + 2; k++)
    {
      title = title_length (scan, k, end, &gender);
      if (title > 0)
        {
          *title_at = k;
          return k + title < end ? n : 0;
        }
      if (!is_common (scan, k))
        return 0;
    }
  return 0;
}

/* "CNN Tuesday", "Senate Republicans": a known organization that the run
 * goes on from with words that name nothing, or with the name of one of
 * its events ("GOP National Convention", "NATO Summit"), which is no
 * entity. Returns the end of the organization's name, or @end. */
static guint
trim_after_org (const Scan *scan,
                guint       first,
                guint       end)
{
  guint n = org_prefix_length (scan, first, end);

  if (n == 0 || first + n == end || is_named (scan, end - 1, QUOTES_NAME_NON_NAME))
    return n > 0 ? first + n : end;
  for (guint k = first + n; k < end; k++)
    if (!is_named (scan, k, QUOTES_NAME_NON_NAME))
      return end;
  return first + n;
}

/* Adds the organization that heads the run's title ("NYPD Commissioner
 * James O'Neill"), looked for past the words that open the run
 * ("Wednesday for …"). Returns where the title starts and sets @org_at,
 * or returns @index when there is none. Either way sets @name to where
 * the name after the title starts, and @mention's title, as skip_title
 * does from the title on: when there is no organization, that is what
 * this looked at first, which is not looked at again. */
static guint
add_org_before_title (Scan          *scan,
                      guint          index,
                      guint          end,
                      guint         *org_at,
                      QuotesMention *mention,
                      guint         *name)
{
  QuotesMention probe = *mention, org;
  guint at, n, title_at;

  at = skip_title (scan, index, end, &probe);
  if (at >= end || probe.title_end > probe.title_start || (n = org_before_title (scan, at, end, &title_at)) == 0)
    {
      *mention = probe;
      *name = at;
      return index;
    }
  /* Cleared only here: most runs have no organization before a title. */
  memset (&org, 0, sizeof org);
  org.span_token = G_MAXUINT32;
  add_name (scan, &org, at, at + n);
  *org_at = at;
  *name = skip_title (scan, title_at, end, mention);
  return title_at;
}

/* Returns the token after the run. */
static guint
scan_run (Scan  *scan,
          guint  index)
{
  guint end = extend_over_and (scan, index, run_end (scan, index));
  guint org_end = trim_after_org (scan, index, end);
  QuotesMention mention = { 0 };
  guint name, title_at, org_at = index;

  mention.span_token = G_MAXUINT32;
  if (!scan->paragraph->headline && (org_end < end || run_is_organization (scan, index, end)))
    {
      add_name (scan, &mention, index, org_end);
      return end;
    }
  title_at = add_org_before_title (scan, index, end, &org_at, &mention, &name);
  if (title_at > index && mention.span_token == title_at)
    {
      /* The title is the organization's: "NYPD Commissioner" */
      mention.span_token = org_at;
      mention.title_start = token_at (scan, org_at)->start;
    }
  if (name >= end)
    {
      if (mention.title_end > mention.title_start)
        add_title_descriptor (scan, &mention, index, end);
      return MAX (end, index + 1);
    }
  if (scan->paragraph->headline)
    add_headline_names (scan, &mention, index, name, end);
  else
    add_name (scan, &mention, name, end);
  return end;
}

/* @mention, its gender, case and type set, as the pronoun at @index. */
static void
add_pronoun (Scan          *scan,
             QuotesMention *mention,
             guint          index)
{
  mention->kind = QUOTES_MENTION_PRONOUN;
  mention->first_token = mention->span_token = mention->surname_token = index;
  mention->end_token = index + 1;
  mention->start = token_at (scan, index)->start;
  add_mention (scan, mention);
}

G_GNUC_NO_INLINE static gboolean
add_pronoun_at (Scan  *scan,
                guint  index)
{
  char lower[PHRASE_SIZE];
  QuotesMention mention = { 0 };
  guint gender, pcase;

  if (!lookup_lower (scan, index, lower) ||
      !quotes_lexicon_pronoun (scan->doc->lexicon, lower, &gender, &pcase))
    return FALSE;
  mention.gender = gender;
  mention.pronoun_case = pcase;
  mention.type = gender == QUOTES_GENDER_NEUTER ? QUOTES_ENTITY_TYPE_ORGANIZATION : QUOTES_ENTITY_TYPE_PERSON;
  add_pronoun (scan, &mention, index);
  return TRUE;
}

/* The scan_ functions are asked of every word, and say no to nearly all:
 * each tests what it can inline, so that most words cost no call to the
 * function that does the work, with its large stack frame. */
static inline gboolean
scan_pronoun (Scan  *scan,
              guint  index)
{
  return (token_at (scan, index)->lex & QUOTES_WORD_PRONOUN) && add_pronoun_at (scan, index);
}

/* "Glenn Beck, who called them “boasters”", "the Post, which reported":
 * a relative pronoun that stands for the person or body just named.
 * Coreference gives it that mention's entity. */
G_GNUC_NO_INLINE static gboolean
add_relative (Scan  *scan,
              guint  index)
{
  QuotesMention mention = { 0 };
  const QuotesMention *before;
  gboolean which;

  which = token_is (scan, index, "which");
  if (!which && !token_is (scan, index, "who"))
    return FALSE;
  before = last_mention (scan);
  if (before->end_token != index - 1 || before->kind == QUOTES_MENTION_PRONOUN || before->possessive ||
      (which && before->type != QUOTES_ENTITY_TYPE_ORGANIZATION))
    return FALSE;
  mention.relative = TRUE;
  mention.type = before->type;
  add_pronoun (scan, &mention, index);
  return TRUE;
}

static inline gboolean
scan_relative (Scan  *scan,
               guint  index)
{
  /* Only "who" and "which" may be: their first letter turns away nearly
   * every other word before the token before it is looked at. */
  return scan->doc->text[token_at (scan, index)->start] == 'w' &&
         index >= 2 && scan->added->len > 0 && quotes_document_token_is_punct (scan->doc, index - 1, ",") &&
         add_relative (scan, index);
}

/* The capitalised run at @index is an organization's name that ends in
 * an organization word. */
static gboolean
heads_organization (const Scan *scan,
                    guint       index)
{
  return is_capitalized_word (scan, index) && ends_in_org_word (scan, index, run_end (scan, index));
}

/* "the Ukrainian president", "the former prime minister": returns the
 * token after it, or @index when there is none. */
static guint
scan_descriptor (Scan  *scan,
                 guint  index)
{
  QuotesMention mention = { 0 };
  guint k = index + 1, end = scan->paragraph->end_token, gender = 0;
  char phrase[PHRASE_SIZE];

  while (k < end && token_at (scan, k)->kind == QUOTES_TOKEN_WORD &&
         !(token_at (scan, k)->flags & QUOTES_TOKEN_CAPITALIZED) &&
         (token_at (scan, k)->lex & QUOTES_WORD_MODIFIER) && lookup_lower (scan, k, phrase) &&
         quotes_lexicon_is_title_modifier (scan->doc->lexicon, phrase))
    k++;
  mention.title_start = k < end ? token_at (scan, k)->start : 0;
  /* The noun is this word or, after a nationality, the next: when neither
   * may start one, the nationality need not be looked up. */
  if (k >= end || (!(token_at (scan, k)->lex & QUOTES_WORD_DESCRIPTOR) &&
                   (k + 1 >= end || !(token_at (scan, k + 1)->lex & QUOTES_WORD_DESCRIPTOR))))
    return index;
  if (is_named (scan, k, QUOTES_NAME_NATIONALITY))
    k++;
  if (k >= end || !(token_at (scan, k)->lex & QUOTES_WORD_DESCRIPTOR))
    return index;
  guint max = MIN (quotes_lexicon_descriptor_max_words (scan->doc->lexicon), end - MIN (k, end));

  if (k < end && lookup_lower (scan, k, phrase) && !quotes_lexicon_starts_descriptor (scan->doc->lexicon, phrase))
    max = MIN (max, 1);
  for (guint n = max; n >= 1; n--)
    {
      if (quotes_document_phrase (scan->doc, k, n, TRUE, phrase, sizeof phrase) == NULL ||
          !quotes_lexicon_descriptor (scan->doc->lexicon, phrase, &gender))
        continue;
      if (heads_organization (scan, k))
        return index;  /* "the Justice Department" */
      mention.kind = QUOTES_MENTION_DESCRIPTOR;
      mention.first_token = mention.span_token = index;
      mention.end_token = k + n;
      mention.surname_token = k + n - 1;
      mention.start = token_at (scan, index)->start;
      mention.title_end = quotes_document_token_base_end (scan->doc, token_at (scan, k + n - 1));
      mention.gender = gender;
      mention.type = QUOTES_ENTITY_TYPE_PERSON;
      add_mention (scan, &mention);
      return k + n;
    }
  return index;
}

/* The closed classes of words that bound a role or a subject: add_role
 * asks all three of every word before a role noun, and mark_subjects asks
 * for prepositions before every mention. */
typedef enum
{
  FUNCTION_PREPOSITION = 1 << 0,
  FUNCTION_DETERMINER  = 1 << 1,
  FUNCTION_CLAUSE      = 1 << 2,  /* starts a clause: never part of the role before it */
} FunctionWordClass;

static const char * const prepositions[] = {
  "of", "in", "by", "with", "to", "for", "from", "on", "at", "about", "including",
  "like", "against", "among", "between", "after", "before", "than", "as", "and", "or",
  "over", "under", "into", "toward", "towards", "without", "despite", "during", "amid", "amidst",
  "throughout", "across", "within", "upon", "unlike", "beyond", NULL,
};

static const char * const determiners[] = {
  "a", "an", "the", "one", "two", "three", "several", "some", "many", "other",
  "another", "his", "her", "their", "its", "our", "most", "few", "both", "those",
  "these", "this", "that", NULL,
};

static const char * const clause_words[] = {
  "where", "when", "while", "who", "whom", "which", "whose", "that", "and", "or",
  "but", "as", "if", "because", "since", "after", "before", "than", "said", NULL,
};

/* The three lists in one index, built on first use: one probe per word
 * instead of a walk through some seventy words. The keys are the lists'
 * own strings, which outlive it. */
static const QuotesWordIndex *
function_words (void)
{
  static const char * const *lists[] = { prepositions, determiners, clause_words };
  static const guint classes[] = { FUNCTION_PREPOSITION, FUNCTION_DETERMINER, FUNCTION_CLAUSE };
  static QuotesWordIndex index;
  static gsize built = 0;

  if (g_once_init_enter (&built))
    {
      guint count = 0;

      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        count += g_strv_length ((char **) lists[l]);
      quotes_word_index_init_empty (&index, count);
      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        for (const char * const *word = lists[l]; *word != NULL; word++)
          {
            gsize length = strlen (*word);
            gpointer *value = quotes_word_index_add (&index, *word, length, quotes_word_hash (*word, length));

            *value = GUINT_TO_POINTER (GPOINTER_TO_UINT (*value) | classes[l]);
          }
      g_once_init_leave (&built, 1);
    }
  return &index;
}

/* The FunctionWordClass bits of the lower-case word @lower. */
static guint
function_word_classes (const char *lower)
{
  gpointer classes = NULL;

  quotes_word_index_lookup (function_words (), lower, strlen (lower), &classes);
  return GPOINTER_TO_UINT (classes);
}

/* The function words of up to eight bytes again, each as the number
 * quotes_document_token_lower_short makes of it, in a table of 256 slots
 * (0: a free one): the words before every role noun and every mention are
 * asked, mostly short, and one probe with the number is cheaper than
 * copying, measuring and hashing each. */
#define SHORT_FUNCTION_SLOTS 256

typedef struct
{
  guint64 word;
  guint   classes;
} ShortFunctionWord;

static inline guint
short_function_slot (guint64 chunk)
{
  return (guint) ((chunk * QUOTES_WORD_HASH_MULTIPLIER) >> 56);
}

G_GNUC_NO_INLINE static void
fill_short_function_words (ShortFunctionWord *table)
{
  const QuotesWordIndex *index = function_words ();

  for (guint32 s = 0; s <= index->mask; s++)
    {
      const QuotesWordSlot *slot = &index->slots[s];
      guint64 word = 0;
      guint i;

      if (slot->hash == 0 || slot->length > 8)
        continue;
      memcpy (&word, slot->key, slot->length);
      word = GUINT64_FROM_LE (word);
      for (i = short_function_slot (word); table[i].word != 0; i = (i + 1) % SHORT_FUNCTION_SLOTS)
        ;
      table[i].word = word;
      table[i].classes = GPOINTER_TO_UINT (slot->value);
    }
}

/* Inline: after the first call, one load and a test. */
static inline const ShortFunctionWord *
short_function_words (void)
{
  static ShortFunctionWord table[SHORT_FUNCTION_SLOTS];
  static gsize built = 0;

  if (g_once_init_enter (&built))
    {
      fill_short_function_words (table);
      g_once_init_leave (&built, 1);
    }
  return table;
}

/* The FunctionWordClass bits of the word quotes_document_token_lower_short
 * made @chunk of. */
static inline guint
short_function_word_classes (const ShortFunctionWord *table,
                             guint64                  chunk)
{
  for (guint i = short_function_slot (chunk);; i = (i + 1) % SHORT_FUNCTION_SLOTS)
    {
      if (table[i].word == chunk)
        return table[i].classes;
      if (table[i].word == 0)
        return 0;
    }
}

/* token_function_classes for the words quotes_document_token_lower_short
 * does not take. */
G_GNUC_NO_INLINE static gint
long_token_function_classes (const QuotesDocument *doc,
                             guint                 index,
                             char                 *lower,
                             gsize                 size)
{
  if (quotes_document_token_lower (doc, index, lower, size) == NULL)
    return -1;
  return (gint) function_word_classes (lower);
}

/* The FunctionWordClass bits of token @index, lower-cased into @lower
 * (@size bytes); -1 when it does not fit there. */
static inline gint
token_function_classes (const QuotesDocument *doc,
                        guint                 index,
                        char                 *lower,
                        gsize                 size)
{
  guint64 chunk;

  if (quotes_document_token_lower_short (doc, quotes_document_token (doc, index), lower, &chunk))
    return (gint) short_function_word_classes (short_function_words (), chunk);
  return long_token_function_classes (doc, index, lower, size);
}

static gboolean
is_preposition (const QuotesDocument *doc,
                guint                 index)
{
  char lower[32];
  gint classes;

  return quotes_document_token (doc, index)->kind == QUOTES_TOKEN_WORD &&
         (classes = token_function_classes (doc, index, lower, sizeof lower)) > 0 &&
         (classes & FUNCTION_PREPOSITION);
}

/* "a senior Pentagon official", "analysts", "the statement". */
G_GNUC_NO_INLINE /* "Ida Brenner rallied supporters": a word in "-ed" right after a
 * capitalised word is that name's verb, not a modifier of the role ("retired
 * general", "registered voters" have none before them). */
static gboolean
is_verb_after_name (const Scan *scan,
                    guint       index,
                    const char *lower)
{
  gsize n;

  /* The tokens' flags first: they turn away most words without a strlen. */
  if (index <= scan->paragraph->first_token || !(token_at (scan, index - 1)->flags & QUOTES_TOKEN_CAPITALIZED) ||
      (token_at (scan, index)->flags & QUOTES_TOKEN_CAPITALIZED))
    return FALSE;
  n = strlen (lower);
  return n > 3 && lower[n - 2] == 'e' && lower[n - 1] == 'd';
}

static gboolean
add_role (Scan  *scan,
          guint  index)
{
  QuotesMention mention = { 0 };
  char lower[PHRASE_SIZE];
  gboolean is_person;
  guint first = index;

  if (!lookup_lower (scan, index, lower) || !quotes_lexicon_role_noun (scan->doc->lexicon, lower, &is_person))
    return FALSE;
  for (guint n = 0; n < MAX_ROLE_WORDS && first > scan->paragraph->first_token; n++)
    {
      const QuotesToken *before = token_at (scan, first - 1);
      gint function = 0;

      if (before->kind != QUOTES_TOKEN_WORD ||
          (function = token_function_classes (scan->doc, first - 1, lower, PHRASE_SIZE)) < 0 ||
          (function & (FUNCTION_CLAUSE | FUNCTION_PREPOSITION)) ||
          /* The word classes say which look-ups can succeed. */
          ((before->lex & QUOTES_WORD_CUE) && quotes_lexicon_cue_flags (scan->doc->lexicon, lower) != 0) ||
          ((before->lex & QUOTES_WORD_PRONOUN) && quotes_lexicon_pronoun (scan->doc->lexicon, lower, NULL, NULL)) ||
          is_verb_after_name (scan, first - 1, lower))
        break;
      first--;
      if (function & FUNCTION_DETERMINER)
        break;
    }
  mention.kind = QUOTES_MENTION_ROLE;
  mention.first_token = mention.span_token = first;
  mention.end_token = index + 1;
  mention.surname_token = index;
  mention.start = token_at (scan, first)->start;
  mention.type = is_person ? QUOTES_ENTITY_TYPE_PERSON : QUOTES_ENTITY_TYPE_ORGANIZATION;
  mention.gender = QUOTES_GENDER_UNKNOWN;
  add_mention (scan, &mention);
  return TRUE;
}

static inline gboolean
scan_role (Scan  *scan,
           guint  index)
{
  return (token_at (scan, index)->lex & QUOTES_WORD_ROLE) && add_role (scan, index);
}

static void
scan_handle (Scan  *scan,
             guint  index)
{
  QuotesMention mention = { 0 };

  mention.kind = QUOTES_MENTION_HANDLE;
  mention.first_token = mention.span_token = mention.surname_token = index;
  mention.end_token = index + 1;
  mention.start = token_at (scan, index)->start;
  add_mention (scan, &mention);
}

/* "(D-N.Y.)", "(R-Va.)": a legislator's party and state, which names
 * nobody. Returns the token after the closing parenthesis, or @index. */
static guint
skip_party_label (const Scan *scan,
                  guint       index)
{
  const char *text = scan->doc->text;
  guint32 at = token_at (scan, index)->start;
  guint32 close = at + 3, limit = MIN (at + 12, scan->paragraph->end);
  guint end = scan->paragraph->end_token;

  /* The text need not end in a NUL: every read stays before @limit. */
  if (close >= limit || text[at] != '(' || (text[at + 1] != 'D' && text[at + 1] != 'R' && text[at + 1] != 'I') ||
      text[at + 2] != '-' || !g_ascii_isupper (text[at + 3]))
    return index;
  while (close < limit && (g_ascii_isalpha (text[close]) || text[close] == '.' || text[close] == ' '))
    close++;
  if (close >= limit || text[close] != ')')
    return index;
  while (index < end && token_at (scan, index)->start <= close)
    index++;
  return index;
}

/* "Korean-born", "Oscar-winning", "Texas-based": a capitalised word
 * joined to a lower-case one describes the name after it and is no part of
 * it ("Jean-Pierre", "Ocasio-Cortez" keep their capitals). */
static gboolean
is_hyphenated_modifier (const Scan *scan,
                        guint       index)
{
  const QuotesToken *token = token_at (scan, index);
  const char *text = scan->doc->text;
  guint32 end;

  /* A word holds a hyphen only when it is flagged so: most capitalised
   * words need not be read. */
  if (!(token->flags & QUOTES_TOKEN_HYPHENATED))
    return FALSE;
  end = quotes_document_token_end (scan->doc, token);
  for (guint32 p = token->start + 1; p + 1 < end; p++)
    if (text[p] == '-' && g_ascii_islower (text[p + 1]))
      return TRUE;
  return FALSE;
}

static void
scan_paragraph (Scan *scan)
{
  const char *text = scan->doc->text;
  guint end = scan->paragraph->end_token;

  for (guint i = scan->paragraph->first_token; i < end;)
    {
      const QuotesToken *token = token_at (scan, i);
      gboolean writer;
      guint next;

      /* Most words are in lower case and are neither a pronoun nor a
       * role noun, nor "the", "who" or "which": none of the tests below
       * takes them, and one test here passes them by. One branch, not
       * one for each part: whether a word is passed by is a toss-up the
       * processor often gets wrong, and each part's branch was wrong on
       * its own. */
      if ((token->kind == QUOTES_TOKEN_WORD) &
          !(token->flags & (QUOTES_TOKEN_CAPITALIZED | QUOTES_TOKEN_THE_WHO_WHICH)) &
          !(token->lex & (QUOTES_WORD_PRONOUN | QUOTES_WORD_ROLE)))
        {
          i++;
          continue;
        }
      writer = !(token->flags & (QUOTES_TOKEN_IN_QUOTE | QUOTES_TOKEN_IN_POST));
      if (token->kind == QUOTES_TOKEN_PUNCT && text[token->start] == '(' && (next = skip_party_label (scan, i)) > i)
        {
          i = next;
          continue;
        }
      if (token->kind == QUOTES_TOKEN_HANDLE)
        scan_handle (scan, i);
      else if (token->kind != QUOTES_TOKEN_WORD)
        ;
      /* The first character, in the token, before the text is compared. */
      else if (writer && (text[token->start] | 0x20) == 't' &&
               (token_is (scan, i, "the") || token_is (scan, i, "The")) &&
               (next = scan_descriptor (scan, i)) > i)
        {
          i = next;
          continue;
        }
      else if (writer && (scan_pronoun (scan, i) || scan_relative (scan, i)))
        ;
      /* Whether the word may be a role noun at all is asked before the
       * run it starts is measured: most words that open a sentence are none. */
      else if (writer && (token->flags & QUOTES_TOKEN_SENT_START) && (token->lex & QUOTES_WORD_ROLE) &&
               !is_capitalized_word (scan, i + 1) && !is_group_for_cause (scan, i, run_end (scan, i)) &&
               scan_role (scan, i))
        ;  /* "Officials said", but not "Senator Margaret Okoye" or "Doctors for Clean Air" */
      /* "Democrats said": party members are no entity, but a source all
       * the same, as "analysts" are */
      else if (writer && (token->flags & QUOTES_TOKEN_CAPITALIZED) && (token->lex & QUOTES_WORD_ROLE) &&
               !is_capitalized_word (scan, i + 1) && is_named (scan, i, QUOTES_NAME_NON_NAME) &&
               !is_group_for_cause (scan, i, run_end (scan, i)) && scan_role (scan, i))
        ;
      else if ((token->flags & QUOTES_TOKEN_CAPITALIZED) && !is_hyphenated_modifier (scan, i))
        {
          i = scan_run (scan, i);
          continue;
        }
      else if (writer && !scan->paragraph->boilerplate)
        scan_role (scan, i);
      i++;
    }
}

static gint
compare_mentions (gconstpointer a,
                  gconstpointer b)
{
  const QuotesMention *ma = a, *mb = b;

  if (ma->start != mb->start)
    return ma->start < mb->start ? -1 : 1;
  return (mb->end > ma->end) - (mb->end < ma->end);  /* the longer first */
}

/* Puts the mentions appended from @split on among the sorted ones before
 * them: the order g_array_sort gives, in linear time when the appended
 * ones are in order themselves, as they are found. */
static void
merge_mentions (GArray *mentions,
                guint   split)
{
  if (!quotes_sort_is_in_order (mentions, split, mentions->len, sizeof (QuotesMention), compare_mentions))
    g_array_sort (mentions, compare_mentions);
  else
    quotes_sort_merge_runs (mentions, split, sizeof (QuotesMention), compare_mentions);
}

/* "Washington (AFP) – …", "(Reuters)": an aside names no subject. */
static gboolean
in_parentheses (const QuotesDocument *doc,
                const QuotesMention  *mention)
{
  return mention->span_token > 0 && mention->end_token < doc->tokens->len &&
         quotes_document_token_is_punct (doc, mention->span_token - 1, "(") &&
         quotes_document_token_is_punct (doc, mention->end_token, ")");
}

/* The subject of a sentence is, near enough, its first mention that is not
 * a possessive or the object of a preposition. */
/* "by Holt", "by the Gazette". */
static gboolean
follows_preposition (const QuotesDocument *doc,
                     guint                 index)
{
  if (index > 1 && (quotes_document_token_is (doc, index - 1, "the") || quotes_document_token_is (doc, index - 1, "a")))
    index--;
  return index > 0 && is_preposition (doc, index - 1);
}

/* "And she is sure that …": a sentence that opens with "and" or "or"
 * goes on with its subject. */
static gboolean
follows_opening_conjunction (const QuotesDocument *doc,
                             guint                 index,
                             guint32               sentence)
{
  char lower[8];

  return index > 0 && g_array_index (doc->sentences, QuotesSentence, sentence).first_token == index - 1 &&
         quotes_document_token_lower (doc, index - 1, lower, sizeof lower) != NULL &&
         (g_str_equal (lower, "and") || g_str_equal (lower, "or"));
}

#define MAX_OPENING_PHRASE 16 /* tokens from a name to the comma that closes "In response to …," */

/* The token after the comma that follows @index closely in its sentence, or 0. */
static guint
comma_after (const QuotesDocument *doc,
             guint                 index,
             guint32               sentence)
{
  const QuotesSentence *record = &g_array_index (doc->sentences, QuotesSentence, sentence);

  for (guint t = index; t < record->end_token && t < index + MAX_OPENING_PHRASE; t++)
    if (quotes_document_token_is_punct (doc, t, ","))
      return t + 1;
    else if (quotes_document_token (doc, t)->kind != QUOTES_TOKEN_WORD &&
             quotes_document_token (doc, t)->kind != QUOTES_TOKEN_NUMBER)
      return 0;
  return 0;
}

static void
mark_subjects (QuotesDocument *doc)
{
  guint32 last_sentence = G_MAXUINT32, opening_phrase_sentence = G_MAXUINT32;
  guint opening_phrase_end = 0;

  for (guint i = 0; i < doc->mentions->len; i++)
    {
      QuotesMention *mention = &g_array_index (doc->mentions, QuotesMention, i);
      guint32 sentence;

      /* in_parentheses reads the token before. */
      if (i + QUOTES_PREFETCH_AHEAD < doc->mentions->len)
        quotes_document_prefetch_token (doc, mention[QUOTES_PREFETCH_AHEAD].span_token - 1);
      sentence = quotes_document_sentence_of (doc, mention->span_token);
      if (mention->in_quote || sentence == last_sentence)
        continue;
      /* "Speaking to MSNBC's Morning Joe, Bush …": a possessive after a
       * preposition opens a phrase too. */
      if (mention->possessive && sentence != opening_phrase_sentence && follows_preposition (doc, mention->span_token) &&
          (opening_phrase_end = comma_after (doc, mention->end_token, sentence)) > 0)
        {
          opening_phrase_sentence = sentence;
          continue;
        }
      if (mention->possessive || mention->kind == QUOTES_MENTION_HANDLE ||
          (mention->kind == QUOTES_MENTION_PRONOUN && mention->pronoun_case != 0) ||
          in_parentheses (doc, mention))
        continue;
      /* "Reached by POLITICO, Bennett denied …": after an opening phrase
       * that names someone after a preposition, the name right after its
       * comma is the subject. */
      if (sentence == opening_phrase_sentence)
        {
          /* "At an event in Ames, Iowa, on Sunday, Mrs. Clinton …": the
           * phrase goes on while names follow prepositions, and holds what
           * stands before its comma ("MSNBC's Morning Joe"). */
          if (follows_preposition (doc, mention->span_token) || mention->span_token < opening_phrase_end)
            continue;
          last_sentence = sentence;
          mention->is_subject = mention->span_token == opening_phrase_end ||
                                quotes_document_token_is_punct (doc, mention->span_token - 1, ",");
          continue;
        }
      last_sentence = sentence;
      mention->is_subject = !follows_preposition (doc, mention->span_token) ||
                            follows_opening_conjunction (doc, mention->span_token, sentence);
      if (!mention->is_subject && (opening_phrase_end = comma_after (doc, mention->end_token, sentence)) > 0)
        {
          opening_phrase_sentence = sentence;
          last_sentence = G_MAXUINT32;
        }
    }
}

/* A person named in full, or by the family name alone as a reporting
 * verb's subject inside a sentence of the body ("when Trump mentioned"):
 * the family name names them at a sentence's start too ("Trump gestured
 * …"), where a capital says nothing. */
static gboolean
names_known_surname (QuotesDocument      *doc,
                     const QuotesMention *mention)
{
  const QuotesSentence *sentence;
  KnownOrg known_orgs[KNOWN_ORGS];
  Scan scan;

  if (mention->kind != QUOTES_MENTION_NAME || mention->type != QUOTES_ENTITY_TYPE_PERSON)
    return FALSE;
  if (mention->surname_token > mention->first_token)
    return TRUE;
  if (mention->in_quote || mention->span_token != mention->first_token ||
      (quotes_document_token (doc, mention->first_token)->flags & QUOTES_TOKEN_SENT_START) ||
      (quotes_document_token_names (doc, mention->first_token) & (QUOTES_NAME_PLATFORM | QUOTES_NAME_ORG | QUOTES_NAME_PLACE)))
    return FALSE;
  sentence = &g_array_index (doc->sentences, QuotesSentence, quotes_document_sentence_of (doc, mention->first_token));
  /* Set up only here: most mentions are turned away before. */
  scan = scan_init (doc, &g_array_index (doc->paragraphs, QuotesParagraph, sentence->paragraph), known_orgs, NULL);
  return !scan.paragraph->headline && followed_by_cue (&scan, mention->end_token);
}

/* "Trump Just Announced …": in a headline every word is capitalised, so
 * the word after a known family name that opens a run of capitals is more
 * likely its verb than more of the name. */
static gboolean
opens_headline_run (const Scan *scan,
                    guint       index)
{
  return scan->paragraph->headline && (index == scan->paragraph->first_token || !is_capitalized_word (scan, index - 1));
}

/* "Sanders has denounced …", "Bolton added": a word that is a common word
 * or a place too is a name when the text names someone so elsewhere
 * ("Bernie Sanders", "John Bolton"). Found after the first pass, which
 * knows the full names. */
static void
add_known_surnames (QuotesDocument *doc,
                    MentionList    *added)
{
  QuotesWordIndex index;
  KnownOrg known_orgs[KNOWN_ORGS];
  guint n = doc->mentions->len;
  guint different = 0;
  /* The tokens the mentions hold, a bit each: a mention's bytes are those
   * of its tokens, from first_token to end_token. The pass over the text
   * asks it of every capitalised word, where a walk along the mentions
   * beside it read all of them once more. */
  g_autofree guint64 *covered = g_new0 (guint64, doc->tokens->len / 64 + 1);

  /* The surnames where the text has them: no copy of each, and looked
   * up straight from the text. Sized by the different ones, which grow
   * it as they come: a long text names the same people over and over,
   * and an index sized by all of them was megabytes that every look-up
   * missed the cache in. Each is added as its mention is read, while its
   * tokens are in the cache. */
  quotes_word_index_init_empty (&index, 0);
  for (guint i = 0; i < n; i++)
    {
      const QuotesMention *mention = &g_array_index (doc->mentions, QuotesMention, i);
      const QuotesToken *last;
      gsize length;
      gpointer *value;

      /* The tokens sixteen mentions ahead, and the text of the surname
       * eight ahead, whose token came in eight turns ago: looking up a
       * surname read text far from the last one's, a miss each time. */
      if (i + QUOTES_PREFETCH_AHEAD < n)
        quotes_document_prefetch_token (doc, mention[QUOTES_PREFETCH_AHEAD].first_token);
      if (i + QUOTES_PREFETCH_AHEAD / 2 < n)
        quotes_prefetch (doc->text + quotes_document_token (doc, mention[QUOTES_PREFETCH_AHEAD / 2].surname_token)->start);
      for (guint t = mention->first_token; t < mention->end_token; t++)
        covered[t / 64] |= G_GUINT64_CONSTANT (1) << (t % 64);
      if (!names_known_surname (doc, mention))
        continue;
      last = quotes_document_token (doc, mention->surname_token);
      length = quotes_document_token_base_length (doc, last);
      if (2 * (different + 1) > index.mask + 1)
        quotes_word_index_reserve (&index, different + 1);
      value = quotes_word_index_add (&index, doc->text + last->start, length,
                                     quotes_word_hash_in (doc->text + last->start, length, doc->text + doc->length));
      if (*value == NULL)
        {
          *value = GUINT_TO_POINTER (1);  /* a surname counted */
          different++;
        }
    }
  if (different == 0)
    {
      quotes_word_index_clear (&index);
      return;
    }
  for (guint p = 0; p < doc->paragraphs->len; p++)
    {
      Scan scan = scan_init (doc, &g_array_index (doc->paragraphs, QuotesParagraph, p), known_orgs, added);
      guint first = scan.paragraph->first_token, end = scan.paragraph->end_token;

      /* The tokens in the blocks of 64 the covered bits come in: the
       * capitals of a block are gathered into bits of their own without a
       * branch, and only the capitalised words that no mention of the
       * first pass holds, a few in a block, are read further. A test and
       * a branch at every token of the text cost more. */
      for (guint block = first / 64; block * 64 < end; block++)
        {
          guint from = MAX (first, block * 64), to = MIN (end, block * 64 + 64);
          guint64 capitals = 0;

          for (guint t = from; t < to; t++)
            capitals |= (guint64) is_capitalized_token (token_at (&scan, t)) << (t % 64);
          for (guint64 bits = capitals & ~covered[block]; bits != 0; bits &= bits - 1)
            {
              guint t = block * 64 + quotes_lowest_bit (bits);
              const QuotesToken *token = token_at (&scan, t);
              QuotesMention mention;

              const char *word = doc->text + token->start;
              gsize length = quotes_document_token_base_length (doc, token);

              if ((is_capitalized_word (&scan, t + 1) && !opens_headline_run (&scan, t)) ||
                  !quotes_word_index_lookup_hashed (&index, word, length,
                                                    quotes_word_hash_in (word, length, doc->text + doc->length), NULL))
                continue;
              /* Cleared only here: clearing it for every token of the text cost more. */
              memset (&mention, 0, sizeof mention);
              mention.kind = QUOTES_MENTION_NAME;
              mention.type = QUOTES_ENTITY_TYPE_PERSON;
              mention.first_token = mention.span_token = mention.surname_token = t;
              mention.end_token = t + 1;
              mention.start = token->start;
              mention.weak = TRUE;
              add_mention (&scan, &mention);
              /* "Beck, who …": the first pass did not know Beck. */
              if (t + 2 < end && !(token_at (&scan, t + 2)->flags & QUOTES_TOKEN_IN_QUOTE))
                scan_relative (&scan, t + 2);
            }
        }
    }
  quotes_word_index_clear (&index);
}

void
quotes_mentions_run (QuotesDocument *doc)
{
  KnownOrg known_orgs[KNOWN_ORGS];
  MentionList added = { doc->mentions, doc->mentions->len };
  guint found;

  /* News has a mention for every seven or eight tokens. */
  quotes_document_reserve (doc->mentions, doc->mentions->len + doc->tokens->len / 6 + 256);

  for (guint i = 0; i < doc->paragraphs->len; i++)
    {
      Scan scan = scan_init (doc, &g_array_index (doc->paragraphs, QuotesParagraph, i), known_orgs, &added);

      if (quotes_document_cancelled (doc, i))
        {
          end_mention_list (&added);
          return;
        }
      scan_paragraph (&scan);
    }
  end_mention_list (&added);
  /* Nearly in text order: a role may start a word or two before the
   * mention found last. */
  quotes_sort_nearly_in_order (doc->mentions, compare_mentions);
  found = doc->mentions->len;
  add_known_surnames (doc, &added);
  end_mention_list (&added);
  merge_mentions (doc->mentions, found);
  doc->sorted_mentions = doc->mentions->len;
  mark_subjects (doc);
}
