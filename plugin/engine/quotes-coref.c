/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * The coreference stage: which mentions are one entity. Full names found
 * entities; a surname alone, "Mr. Smith", a spelling variant or a name in
 * another script joins the entity whose folded name it shares; "the
 * Ukrainian president" joins the entity with that title; a pronoun joins the
 * person a reader would take it for: the speaker of the quote before it,
 * the subject of the sentence before it, or the nearest person of its
 * gender. Quotes then get their speakers.
 */

#include "config.h"

#include <string.h>

#include "quotes-document.h"
#include "quotes-names.h"
#include "quotes-word-index.h"

#define PHRASE_SIZE 256
#define PRONOUN_WINDOW 4   /* sentences a pronoun looks back */
#define RECENT_ENTITIES 64 /* entities a pronoun or title may refer back to: keeps it linear */

/* A folded name, once per document, with what is known under it: the
 * persons of that surname, and the organization of that name or those
 * initials. Every spelling of a word in the text is folded and looked up
 * once; a look-up by the word as written then finds all of it. */
typedef struct
{
  char   *key;      /* in the Coref's written chunk */
  gsize   length;
  gint32 *persons;  /* entity indices with this surname, in order of creation: in the key, not
                     * behind a GArray, as each look-up of a name read them and missed the cache */
  guint   n_persons;
  guint   persons_size;
  gint32  org;      /* entity + 1 known by this name, or 0 */
  gint32  initials; /* entity + 1 whose initials these are, or 0 */
} NameKey;

typedef struct
{
  QuotesDocument *doc;
  QuotesWordIndex keys;         /* folded name -> NameKey */
  GPtrArray      *all_keys;     /* NameKey, to free */
  GStringChunk   *written;      /* the keys of spellings and org_names: together, not all
                                 * over the text, so that a look-up misses the cache less */
  QuotesWordIndex spellings;    /* a token's base as written -> its NameKey */
  guint           n_spellings;
  QuotesWordIndex org_names;    /* an organization's mention as written -> the NameKey of its name */
  guint           n_org_names;
  GPtrArray      *given_of;     /* per entity: the NameKey of its given_key, or NULL */
  gboolean       *is_source;    /* per mention */
  GPtrArray      *lower_titles; /* per entity: its title in lower case, or NULL */
  QuotesWordIndex long_surnames; /* surname key of five bytes or more -> first entity + 1,
                                  * made at the first handle */
  gboolean        ascii_i;      /* g_utf8_strdown lowers "I" to "i" here */
  guint32        *single_names; /* the mentions pass one leaves to pass two, in order: a plain
                                 * array, as pass one adds to it at every fifth mention */
  guint           n_single_names;
} Coref;

static QuotesMention *
mention (const Coref *c,
         guint        index)
{
  return &g_array_index (c->doc->mentions, QuotesMention, index);
}

static QuotesEntityRecord *
entity (const Coref *c,
        gint32       index)
{
  return &g_array_index (c->doc->entities, QuotesEntityRecord, index);
}

/* The name without its honorific. The token's name classes say whether
 * it is one, as written, from the honorifics' list: the look-up a copy of
 * the word in the list would make, most often done already. */
static guint
name_first_token (const Coref         *c,
                  const QuotesMention *m)
{
  if (m->end_token - m->first_token >= 2 &&
      (quotes_document_token_names (c->doc, m->first_token) & QUOTES_NAME_HONORIFIC))
    return m->first_token + 1;
  return m->first_token;
}

/* The NameKey of @folded, or NULL when there is none yet. */
static NameKey *
find_key (const Coref *c,
          const char  *folded)
{
  gpointer key = NULL;

  quotes_word_index_lookup (&c->keys, folded, strlen (folded), &key);
  return key;
}

/* The NameKey of @folded, made when there is none yet. */
static NameKey *
name_key (Coref      *c,
          const char *folded)
{
  gsize length = strlen (folded);
  guint32 hash = quotes_word_hash (folded, length);
  gpointer found;
  NameKey *key;

  if (quotes_word_index_lookup_hashed (&c->keys, folded, length, hash, &found))
    return found;
  key = g_new0 (NameKey, 1);
  key->key = g_string_chunk_insert_len (c->written, folded, length);
  key->length = length;
  g_ptr_array_add (c->all_keys, key);
  quotes_word_index_reserve (&c->keys, c->all_keys->len);
  *quotes_word_index_add (&c->keys, key->key, length, hash) = key;
  return key;
}

/* The folded key of token @index without its possessive ending, folded
 * once per spelling: folding and hashing the key for every name mention
 * was a good part of coreference, and the same names come again and
 * again. */
static NameKey *
token_key (Coref *c,
           guint  index)
{
  const QuotesToken *token = quotes_document_token (c->doc, index);
  const char *text = c->doc->text + token->start;
  gsize length = quotes_document_token_base_length (c->doc, token);
  guint32 hash = quotes_word_hash_in (text, length, c->doc->text + c->doc->length);
  gpointer key;

  if (!quotes_word_index_lookup_hashed (&c->spellings, text, length, hash, &key))
    {
      /* Most names are ASCII and short enough to fold on the stack. */
      char buffer[PHRASE_SIZE];
      const char *in_buffer = quotes_name_fold_into (text, length, buffer, sizeof buffer);
      g_autofree char *folded = in_buffer == NULL ? quotes_name_fold (text, length) : NULL;

      key = name_key (c, in_buffer != NULL ? in_buffer : folded);
      quotes_word_index_reserve (&c->spellings, ++c->n_spellings);
      *quotes_word_index_add (&c->spellings, g_string_chunk_insert_len (c->written, text, length), length, hash) = key;
    }
  return key;
}

/* "Christie" after "Chris Christie": one word and no title, for someone
 * named in full, is the family name, whatever first name it also is. */
static gboolean
is_bare_surname (const QuotesMention      *record,
                 const QuotesEntityRecord *named)
{
  return record->kind == QUOTES_MENTION_NAME && record->end_token - record->first_token == 1 &&
         record->title_end == record->title_start && named->given_key != NULL;
}

static void
attach (Coref *c,
        guint  m,
        gint32 e)
{
  QuotesMention *record = mention (c, m);

  record->entity = e;
  if (record->kind == QUOTES_MENTION_NAME && record->title_end > record->title_start && entity (c, e)->title == NULL)
    entity (c, e)->title = g_strndup (c->doc->text + record->title_start, record->title_end - record->title_start);
  if (mention (c, m)->gender && !entity (c, e)->gender && !is_bare_surname (record, entity (c, e)) &&
      (mention (c, m)->kind == QUOTES_MENTION_NAME || mention (c, m)->kind == QUOTES_MENTION_DESCRIPTOR))
    entity (c, e)->gender = mention (c, m)->gender;
}

static NameKey *
given_of (const Coref *c,
          gint32       e)
{
  return g_ptr_array_index (c->given_of, e);
}

static void
set_given (Coref   *c,
           gint32   e,
           NameKey *given)
{
  entity (c, e)->given_key = g_strdup (given->key);
  g_ptr_array_index (c->given_of, e) = given;
}

static gint32
create_entity (Coref *c,
               guint  m)
{
  QuotesMention *record = mention (c, m);
  QuotesEntityRecord e = { 0 };
  guint first = name_first_token (c, record);
  gint32 index = c->doc->entities->len;

  e.type = record->type;
  e.aliases = g_ptr_array_new_with_free_func (g_free);
  e.mentions = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_array_append_val (c->doc->entities, e);
  g_ptr_array_add (c->given_of, NULL);
  if (record->type == QUOTES_ENTITY_TYPE_PERSON)
    {
      NameKey *surname = token_key (c, record->surname_token);

      entity (c, index)->surname_key = g_strdup (surname->key);
      if (record->surname_token > first)
        set_given (c, index, token_key (c, first));
      if (surname->n_persons == surname->persons_size)
        {
          surname->persons_size = MAX (4, 2 * surname->persons_size);
          surname->persons = g_renew (gint32, surname->persons, surname->persons_size);
        }
      surname->persons[surname->n_persons++] = index;
    }
  attach (c, m, index);
  return index;
}

static gboolean
given_compatible (const NameKey *entity_key,
                  const NameKey *mention_key)
{
  if (entity_key == NULL || mention_key == NULL || entity_key == mention_key)
    return TRUE;
  if (mention_key->length == 1 || entity_key->length == 1)
    return mention_key->key[0] == entity_key->key[0];  /* an initial */
  return quotes_name_keys_close (entity_key->key, mention_key->key);
}

/* The person entities whose surname folds like @key, the latest first. */
static gint32
find_person (Coref         *c,
             const NameKey *surname,
             const NameKey *given)
{
  for (guint i = surname->n_persons; i-- > 0;)
    {
      gint32 e = surname->persons[i];

      if (given_compatible (given_of (c, e), given))
        return e;
    }
  if (surname->n_persons == 0 && c->doc->entities->len < 256)
    for (guint e = c->doc->entities->len; e-- > 0;)
      if (entity (c, e)->type == QUOTES_ENTITY_TYPE_PERSON &&
          quotes_name_keys_close (entity (c, e)->surname_key, surname->key) &&
          given_compatible (given_of (c, e), given))
        return e;
  return -1;
}

/* A surname alone that several persons bear: the one its title's gender
 * picks ("Mrs. Trump"), else the first the text named; relatives come
 * later and by their full names ("Ivanka Trump introduced him"). */
static gint32
find_by_surname_alone (Coref         *c,
                       const NameKey *surname,
                       guint          gender)
{
  gint32 first = -1;

  if (surname->n_persons < 2)
    return find_person (c, surname, NULL);
  /* Without a gender, the first the text named, whatever theirs. */
  if (gender == 0)
    return surname->persons[0];
  for (guint i = 0; i < surname->n_persons; i++)
    {
      gint32 e = surname->persons[i];
      guint known = entity (c, e)->gender;

      if (known == gender)
        return e;
      if (first < 0 && known == 0)
        first = e;
    }
  return first >= 0 ? first : find_person (c, surname, NULL);
}

/* "International Monetary Fund (IMF)": the acronym names the same body
 * wherever it stands. */
static void
add_acronym (Coref               *c,
             const QuotesMention *record,
             gint32               e)
{
  guint t = record->end_token;
  const QuotesToken *acronym;
  g_autofree char *folded = NULL;

  if (t + 2 >= c->doc->tokens->len || !quotes_document_token_is_punct (c->doc, t, "(") ||
      !quotes_document_token_is_punct (c->doc, t + 2, ")"))
    return;
  acronym = quotes_document_token (c->doc, t + 1);
  if (acronym->kind != QUOTES_TOKEN_WORD || !(acronym->flags & QUOTES_TOKEN_ALL_CAPS))
    return;
  folded = quotes_name_fold (c->doc->text + acronym->start, quotes_document_token_length (c->doc, acronym));
  name_key (c, folded)->org = e + 1;  /* the latest body so written */
}

/* The folded name, or that of the name it is another name of ("HuffPo"):
 * made once per spelling of the name, as the same bodies come again and
 * again. */
static NameKey *
org_key (Coref               *c,
         const QuotesMention *record)
{
  const char *text = c->doc->text + record->start;
  gsize length = record->end - record->start;
  guint32 hash = quotes_word_hash_in (text, length, c->doc->text + c->doc->length);
  gpointer key;

  if (!quotes_word_index_lookup_hashed (&c->org_names, text, length, hash, &key))
    {
      g_autofree char *name = g_strndup (text, length);
      const char *alias_of = quotes_lexicon_org_alias (c->doc->lexicon, name);
      g_autofree char *folded = quotes_name_fold (alias_of != NULL ? alias_of : name, -1);

      key = name_key (c, folded);
      quotes_word_index_reserve (&c->org_names, ++c->n_org_names);
      *quotes_word_index_add (&c->org_names, g_string_chunk_insert_len (c->written, text, length), length, hash) = key;
    }
  return key;
}

/* A name of one word in capitals, such as "AP" or "NYPD", that may stand
 * for a longer one. */
static gboolean
is_acronym (const Coref         *c,
            const QuotesMention *record)
{
  const QuotesToken *token = quotes_document_token (c->doc, record->first_token);

  return record->end_token == record->first_token + 1 && (token->flags & QUOTES_TOKEN_ALL_CAPS) &&
         quotes_document_token_base_length (c->doc, token) <= 6;
}

/* The folded initials of a name of two to eight words: "Associated Press"
 * gives "ap", "Federal Bureau of Investigation" "fbi"; with @small_words
 * the initials of "of", "and", "for" count too ("Department of Justice":
 * "doj"). A leading "The" never counts. NULL for any other name. */
static NameKey *
org_initials (Coref               *c,
              const QuotesMention *record,
              gboolean             small_words)
{
  char letters[8], folded[sizeof letters + 1];
  guint n = 0;

  if (record->end_token - record->first_token < 2)
    return NULL;
  for (guint t = record->first_token; t < record->end_token; t++)
    {
      const QuotesToken *token = quotes_document_token (c->doc, t);
      char initial = c->doc->text[token->start];

      if (token->kind != QUOTES_TOKEN_WORD || (t == record->first_token && quotes_document_token_is (c->doc, t, "The")))
        continue;
      if (!(token->flags & QUOTES_TOKEN_CAPITALIZED) &&
          !(small_words && !quotes_document_token_is (c->doc, t, "the")))
        continue;
      if (n == G_N_ELEMENTS (letters) || !g_ascii_isalpha (initial))
        return NULL;
      letters[n++] = initial;
    }
  /* ASCII letters: folded as quotes_name_fold would, without a copy. */
  return n >= 2 ? name_key (c, quotes_name_fold_into (letters, n, folded, sizeof folded)) : NULL;
}

/* "Department of State" is also written "State Department": the folded
 * name with the words after its one "of" put first, or NULL. */
static NameKey *
org_swapped_key (Coref               *c,
                 const QuotesMention *record)
{
  const QuotesToken *of = NULL;
  g_autofree char *swapped = NULL;
  g_autofree char *folded = NULL;
  guint32 of_end;

  for (guint t = record->first_token + 1; t + 1 < record->end_token; t++)
    {
      if (!quotes_document_token_is (c->doc, t, "of"))
        continue;
      if (of != NULL)
        return NULL;
      of = quotes_document_token (c->doc, t);
    }
  if (of == NULL)
    return NULL;
  of_end = quotes_document_token_end (c->doc, of);
  swapped = g_strdup_printf ("%.*s %.*s", (int) (record->end - of_end), c->doc->text + of_end,
                             (int) (of->start - record->start), c->doc->text + record->start);
  folded = quotes_name_fold (swapped, -1);
  return name_key (c, folded);
}

/* The entity + 1 of @key in @field (org or initials), for a key that may
 * be NULL. */
#define KEYED_ENTITY(key, field) ((key) != NULL ? (key)->field - 1 : -1)

/* Keeps the first entity under a key. */
static void
remember_entity (gint32 *field,
                 gint32  e)
{
  if (*field == 0)
    *field = e + 1;
}

/* One organization by its name, its acronym ("AP" and "Associated
 * Press", in either order) or its name turned round ("State Department"
 * and "Department of State"). Initials only ever match an acronym, so
 * "Supreme Court" and "Senate Committee" stay apart. */
static void
resolve_organization (Coref *c,
                      guint  m)
{
  QuotesMention *record = mention (c, m);
  NameKey *key = org_key (c, record);
  NameKey *swapped = org_swapped_key (c, record);
  NameKey *initials = org_initials (c, record, FALSE);
  NameKey *small_initials = org_initials (c, record, TRUE);
  gint32 e = KEYED_ENTITY (key, org);

  if (e < 0 && is_acronym (c, record))
    e = KEYED_ENTITY (key, initials);
  if (e < 0)
    e = KEYED_ENTITY (swapped, org);
  if (e < 0)
    e = KEYED_ENTITY (initials, org);
  if (e < 0)
    e = KEYED_ENTITY (small_initials, org);

  if (e >= 0)
    attach (c, m, e);
  else
    e = create_entity (c, m);
  remember_entity (&key->org, e);
  if (swapped != NULL)
    remember_entity (&swapped->org, e);
  if (initials != NULL)
    remember_entity (&initials->initials, e);
  if (small_initials != NULL)
    remember_entity (&small_initials->initials, e);
  add_acronym (c, record, e);
}

/* The mention QUOTES_PREFETCH_AHEAD records after @m, or NULL. */
static inline const QuotesMention *
mention_ahead (const Coref *c,
               guint        m)
{
  return m + QUOTES_PREFETCH_AHEAD < c->doc->mentions->len ? mention (c, m + QUOTES_PREFETCH_AHEAD) : NULL;
}

/* Asks for the last token of @ahead and the text at both its ends. The
 * mentions are far apart in megabytes of tokens and text, and each of
 * these was a cache miss. Always inline, as prefetch_single_name. */
G_ALWAYS_INLINE static inline void
prefetch_mention_ends (const Coref         *c,
                       const QuotesMention *ahead)
{
  quotes_prefetch (quotes_document_token (c->doc, ahead->end_token - 1));
  quotes_prefetch (c->doc->text + ahead->start);
  quotes_prefetch (c->doc->text + ahead->end - 1);
}

/* Asks for what pass one reads of the name QUOTES_PREFETCH_AHEAD records
 * on: its first and last tokens, whether the first is an honorific, and
 * the text at both ends, where its given name and its surname are. */
G_ALWAYS_INLINE static inline void
prefetch_name (const Coref *c,
               guint        m)
{
  const QuotesMention *ahead = mention_ahead (c, m);

  if (ahead == NULL || ahead->kind != QUOTES_MENTION_NAME)
    return;
  quotes_prefetch (quotes_document_token (c->doc, ahead->first_token));
  quotes_prefetch (&c->doc->token_names[ahead->first_token]);
  prefetch_mention_ends (c, ahead);
}

/* A person's name that pass one left alone: a name of one word. */
static gboolean
is_single_name (const QuotesMention *record)
{
  return record->kind == QUOTES_MENTION_NAME && record->entity < 0 && record->type == QUOTES_ENTITY_TYPE_PERSON;
}

/* Pass one: full names found or join persons; organizations. The names
 * it leaves alone are noted for pass two, which then reads their records
 * only, not all the megabytes of mentions again: nothing in either pass
 * gives an entity to a mention other than the one at hand. */
static void
resolve_full_names (Coref *c)
{
  for (guint m = 0; m < c->doc->mentions->len && !quotes_document_cancelled (c->doc, m); m++)
    {
      QuotesMention *record = mention (c, m);
      guint first;

      prefetch_name (c, m);
      if (record->kind != QUOTES_MENTION_NAME)
        continue;
      if (record->type == QUOTES_ENTITY_TYPE_ORGANIZATION)
        {
          resolve_organization (c, m);
          continue;
        }
      first = name_first_token (c, record);
      if (record->surname_token > first)
        {
          NameKey *surname = token_key (c, record->surname_token);
          NameKey *given = token_key (c, first);
          gint32 e = find_person (c, surname, given);

          if (e >= 0)
            {
              attach (c, m, e);
              if (entity (c, e)->given_key == NULL)
                set_given (c, e, given);
            }
          else
            create_entity (c, m);
        }
      if (is_single_name (record))
        c->single_names[c->n_single_names++] = m;
    }
}

/* "Hillary" after "Hillary Clinton": a given name alone names the one
 * person named in full with it, and nobody when two share it. */
static gint32
find_by_given_name (Coref         *c,
                    guint          m,
                    const NameKey *key)
{
  QuotesMention *record = mention (c, m);
  char word[PHRASE_SIZE];
  gint32 found = -1;

  if (c->doc->entities->len > 256 ||
      quotes_document_phrase (c->doc, record->surname_token, 1, FALSE, word, sizeof word) == NULL ||
      !quotes_lexicon_first_name (c->doc->lexicon, word, -1, NULL))
    return -1;
  for (guint e = 0; e < c->doc->entities->len; e++)
    {
      /* One NameKey per folded name: the same key is the same name. */
      if (entity (c, e)->type != QUOTES_ENTITY_TYPE_PERSON || given_of (c, e) != key)
        continue;
      if (found >= 0)
        return -1;
      found = e;
    }
  return found;
}

/* "Marta Fisher Wins …": in a headline a family name that is also a word
 * is left out of the name before it. When a given name alone joins a
 * person, the person's family name right after it, a space apart, is
 * taken into the mention. */
static void
take_following_surname (Coref *c,
                        guint  m,
                        gint32 e)
{
  QuotesMention *record = mention (c, m);
  const QuotesToken *last = quotes_document_token (c->doc, record->end_token - 1);
  const QuotesToken *next;
  guint32 last_end;

  if (record->end_token >= c->doc->tokens->len || record->possessive)
    return;
  next = quotes_document_token (c->doc, record->end_token);
  last_end = quotes_document_token_end (c->doc, last);
  if (next->kind != QUOTES_TOKEN_WORD || next->start != last_end + 1 || c->doc->text[last_end] != ' ')
    return;
  if (entity (c, e)->surname_key == NULL || strcmp (token_key (c, record->end_token)->key, entity (c, e)->surname_key) != 0)
    return;
  record->surname_token = record->end_token++;
  record->end = quotes_document_token_base_end (c->doc, next);
  record->possessive = (next->flags & QUOTES_TOKEN_POSSESSIVE) != 0;
}

/* Asks for what pass two reads of the single names ahead, in two steps:
 * the mention's record QUOTES_PREFETCH_AHEAD names on, and with it at
 * hand half as far on, the token of its surname and the text where that
 * ends. Always inline: GCC takes a function that only prefetches for
 * pure, and drops the call. */
G_ALWAYS_INLINE static inline void
prefetch_single_name (const Coref *c,
                      guint        i)
{
  const QuotesMention *ahead;

  if (i + QUOTES_PREFETCH_AHEAD < c->n_single_names)
    quotes_prefetch (mention (c, c->single_names[i + QUOTES_PREFETCH_AHEAD]));
  if (i + QUOTES_PREFETCH_AHEAD / 2 < c->n_single_names)
    {
      ahead = mention (c, c->single_names[i + QUOTES_PREFETCH_AHEAD / 2]);
      quotes_prefetch (quotes_document_token (c->doc, ahead->surname_token));
      quotes_prefetch (c->doc->text + ahead->end - 1);
    }
}

/* Pass two: a name of one word joins the person it names, or founds one
 * when the text treats it as a person (a speaker, a title, "Mr."). */
static void
resolve_single_names (Coref *c)
{
  for (guint i = 0; i < c->n_single_names; i++)
    {
      guint m = c->single_names[i];
      QuotesMention *record = mention (c, m);
      NameKey *key;
      gint32 e;

      prefetch_single_name (c, i);
      if (!is_single_name (record))
        continue;
      key = token_key (c, record->surname_token);
      e = find_by_surname_alone (c, key, record->gender);
      if (e < 0 && (e = find_by_given_name (c, m, key)) >= 0)
        take_following_surname (c, m, e);
      if (e >= 0)
        attach (c, m, e);
      else if (c->is_source[m] || (!record->weak && (record->title_end > record->title_start ||
                                                     name_first_token (c, record) != record->first_token)))
        create_entity (c, m);
    }
}

/* "Jeff" and "Sessions" side by side in a headline, where "Sessions" was
 * read apart as a dictionary word: once both name the same person, they
 * are one mention of the full name. A quote's source keeps its mention.
 * For mention @m and the one after it, which pass two has resolved. */
static void
join_split_name (Coref *c,
                 guint  m)
{
  QuotesMention *first = mention (c, m), *next = mention (c, m + 1);

  /* Whether the two stand side by side first: it turns away nearly every
   * pair in one test the processor predicts, where their kinds, which
   * vary from one mention to the next, were mispredicted often. */
  if (next->first_token != first->end_token || first->kind != QUOTES_MENTION_NAME ||
      next->kind != QUOTES_MENTION_NAME || first->entity < 0 || next->entity != first->entity || first->possessive ||
      entity (c, first->entity)->type != QUOTES_ENTITY_TYPE_PERSON || c->is_source[m + 1])
    return;
  first->end = next->end;
  first->end_token = next->end_token;
  first->surname_token = next->surname_token;
  first->possessive = next->possessive;
  next->entity = -1;
}

/* Plain arrays where the mentions' loop appends or removes at every
 * mention: a GArray call each time cost as much as the rest of the loop. */
typedef struct
{
  gint32   last_speaker;       /* of the latest quote passed */
  guint32  sentence;           /* of the mention being resolved */
  gint32  *subjects;           /* entity that is the subject of each sentence, or -1 */
  guint    n_subjects;
  GArray  *last_sentence;      /* per entity: the sentence it was last mentioned in */
  gint32   recent[RECENT_ENTITIES + 1]; /* the entities mentioned last, the latest at the end */
  guint    n_recent;
  GArray  *in_recent;          /* per entity: whether recent holds it, which spares most searches */
} Salience;

static gboolean
gender_fits (const QuotesEntityRecord *e,
             guint                     gender)
{
  if (gender == QUOTES_GENDER_SELF)
    return FALSE;
  if (gender == QUOTES_GENDER_NEUTER || gender == QUOTES_GENDER_PLURAL)
    return e->type == QUOTES_ENTITY_TYPE_ORGANIZATION;
  return e->type == QUOTES_ENTITY_TYPE_PERSON && (e->gender == 0 || gender == 0 || e->gender == gender);
}

static gboolean
recent (const Salience *s,
        gint32          e)
{
  guint32 last;

  if (e < 0 || (guint) e >= s->last_sentence->len)
    return FALSE;
  last = g_array_index (s->last_sentence, guint32, e);
  return last != G_MAXUINT32 && last + PRONOUN_WINDOW >= s->sentence;
}

static gint32
subject_of (const Salience *s,
            guint32         sentence)
{
  return sentence < s->n_subjects ? s->subjects[sentence] : -1;
}

static gint32
resolve_pronoun (Coref          *c,
                 const Salience *s,
                 guint           m)
{
  QuotesMention *record = mention (c, m);
  gint32 candidates[3];

  /* “…,” he added: the speaker goes on. */
  candidates[0] = c->is_source[m] ? s->last_speaker : -1;
  /* "Rubio says he …", himself, his own: the subject of this sentence so
   * far; "He" opening a sentence: the subject of the one before. */
  candidates[1] = subject_of (s, s->sentence);
  candidates[2] = s->sentence > 0 ? subject_of (s, s->sentence - 1) : -1;
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (recent (s, candidates[i]) && gender_fits (entity (c, candidates[i]), record->gender))
      return candidates[i];
  for (guint i = s->n_recent; i-- > 0;)
    {
      gint32 e = s->recent[i];

      if (recent (s, e) && gender_fits (entity (c, e), record->gender))
        return e;
    }
  return -1;
}

/* @length bytes of @text lower-cased as g_utf8_strdown would: without it
 * when ASCII folding does the same, for nearly every title, as it asks
 * for the locale each time. */
static char *
lower_copy (const Coref *c,
            const char  *text,
            gsize        length)
{
  char *lower = g_malloc (length + 1);

  if (quotes_ascii_strdown_in_locale (text, length, lower, c->ascii_i))
    return lower;
  g_free (lower);
  return g_utf8_strdown (text, length);
}

/* The titles of all entities in lower case, or NULL, made before pass
 * three, which sets none: a descriptor is checked against the title of
 * every recent entity, and the entities' records, read for it, missed the
 * cache more than this array does. */
static void
lower_titles (Coref *c)
{
  g_ptr_array_set_size (c->lower_titles, c->doc->entities->len);
  for (guint e = 0; e < c->doc->entities->len; e++)
    if (entity (c, e)->title != NULL)
      g_ptr_array_index (c->lower_titles, e) = lower_copy (c, entity (c, e)->title, strlen (entity (c, e)->title));
}

/* "the Ukrainian president": the latest entity whose title says so. */
/* "the defence minister, Hiroshi Sato,": the name in apposition. */
static gint32
appositive_name (Coref *c,
                 guint  m)
{
  QuotesMention *record = mention (c, m);
  QuotesMention *next;

  if (m + 1 >= c->doc->mentions->len)
    return -1;
  next = mention (c, m + 1);
  if (next->kind != QUOTES_MENTION_NAME || next->span_token != record->end_token + 1 ||
      !quotes_document_token_is_punct (c->doc, record->end_token, ","))
    return -1;
  return next->entity;
}

static gint32
resolve_descriptor (Coref          *c,
                    const Salience *s,
                    guint           m)
{
  QuotesMention *record = mention (c, m);
  g_autofree char *described = NULL;

  if (appositive_name (c, m) >= 0)
    return appositive_name (c, m);
  described = lower_copy (c, c->doc->text + record->title_start, record->title_end - record->title_start);
  for (guint i = s->n_recent; i-- > 0;)
    {
      gint32 e = s->recent[i];
      const char *title = g_ptr_array_index (c->lower_titles, e);

      if (title != NULL && strstr (title, described) != NULL)
        return e;
    }
  return -1;
}

/* "a Pentagon spokesperson", "a Kremlin statement": the organization
 * inside it speaks; but "the GOP front-runner" is a person of the party,
 * who speaks for no one else. */
static gint32
resolve_role (Coref *c,
              guint  m)
{
  static const char * const voices[] = {
    "spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "spokespeople", "official",
    "officials", "representative", "representatives", "source", "sources", "aide", "aides", "staffer", "staffers",
    "lawyer", "lawyers", "attorney", "attorneys", "executive", "executives", NULL,
  };
  QuotesMention *record = mention (c, m);
  char lower[PHRASE_SIZE];
  gboolean is_person = FALSE;
  gint32 org = -1;

  /* The organization first: most roles hold none, and need no look-up of
   * their head. */
  for (guint k = m + 1; org < 0 && k < c->doc->mentions->len && mention (c, k)->start < record->end; k++)
    if (mention (c, k)->entity >= 0 && entity (c, mention (c, k)->entity)->type == QUOTES_ENTITY_TYPE_ORGANIZATION)
      org = mention (c, k)->entity;
  if (org < 0 || quotes_document_token_lower (c->doc, record->end_token - 1, lower, sizeof lower) == NULL ||
      (quotes_lexicon_role_noun (c->doc->lexicon, lower, &is_person) && is_person && !quotes_word_in_list (voices, lower)))
    return -1;
  return org;
}

/* "@AP", "@cspan", "@thedailybeast": an organization's handle is its
 * name, its acronym, or its name after "the", run together. */
static gint32
resolve_org_handle (Coref      *c,
                    const char *key)
{
  NameKey *found = find_key (c, key);
  gint32 e = KEYED_ENTITY (found, org);

  if (e < 0)
    e = KEYED_ENTITY (found, initials);
  if (e < 0 && g_str_has_prefix (key, "the"))
    {
      found = find_key (c, key + 3);
      e = KEYED_ENTITY (found, org);
    }
  return e;
}

#define MIN_HANDLE_SURNAME 5  /* bytes of a surname a handle may hold: "@SenSchumer" */
#define MAX_HANDLE_STRETCHES 64  /* bytes of a handle whose stretches are looked up */

/* The entities by their surnames of MIN_HANDLE_SURNAME bytes or more, the
 * first under each. Made once: no entity is created after pass two. */
static void
index_long_surnames (Coref *c)
{
  quotes_word_index_init_empty (&c->long_surnames, c->doc->entities->len);
  for (guint e = 0; e < c->doc->entities->len; e++)
    {
      const char *surname = entity (c, e)->surname_key;
      gsize length = surname != NULL ? strlen (surname) : 0;
      gpointer *first;

      if (length < MIN_HANDLE_SURNAME)
        continue;
      first = quotes_word_index_add (&c->long_surnames, surname, length, quotes_word_hash (surname, length));
      if (*first == NULL)
        *first = GINT_TO_POINTER (e + 1);
    }
}

/* The first entity whose surname the handle holds ("@SenSchumer"). Every
 * stretch of a handle of the usual length is looked up: looking for every
 * entity's surname in it made handles cost the number of entities. A
 * longer one, which hostile text may hold, is still searched that way. */
static gint32
person_of_handle (Coref      *c,
                  const char *key)
{
  gsize length = strlen (key);
  gint32 found = -1;

  if (length > MAX_HANDLE_STRETCHES)
    {
      for (guint e = 0; e < c->doc->entities->len; e++)
        {
          const char *surname = entity (c, e)->surname_key;

          if (surname != NULL && strlen (surname) >= MIN_HANDLE_SURNAME && strstr (key, surname) != NULL)
            return e;
        }
      return -1;
    }
  if (c->long_surnames.slots == NULL)
    index_long_surnames (c);
  for (gsize i = 0; i + MIN_HANDLE_SURNAME <= length; i++)
    for (gsize n = MIN_HANDLE_SURNAME; i + n <= length; n++)
      {
        gpointer e;

        if (quotes_word_index_lookup (&c->long_surnames, key + i, n, &e) &&
            (found < 0 || GPOINTER_TO_INT (e) - 1 < found))
          found = GPOINTER_TO_INT (e) - 1;
      }
  return found;
}

static gint32
resolve_handle (Coref *c,
                guint  m)
{
  QuotesMention *record = mention (c, m);
  g_autofree char *key = quotes_name_fold (c->doc->text + record->start + 1, record->end - record->start - 1);
  gint32 org = resolve_org_handle (c, key);

  return org >= 0 ? org : person_of_handle (c, key);
}

static void
note_mention (Coref    *c,
              Salience *s,
              guint     m)
{
  QuotesMention *record = mention (c, m);
  guint32 never = G_MAXUINT32;
  gint32 none = -1;

  if (record->entity < 0 || record->in_quote)
    return;
  if (s->last_sentence->len < c->doc->entities->len)
    {
      guint known = s->last_sentence->len;

      g_array_set_size (s->last_sentence, c->doc->entities->len);
      for (guint e = known; e < s->last_sentence->len; e++)
        g_array_index (s->last_sentence, guint32, e) = never;
    }
  g_array_index (s->last_sentence, guint32, record->entity) = s->sentence;
  if (s->in_recent->len < c->doc->entities->len)
    g_array_set_size (s->in_recent, c->doc->entities->len);  /* cleared: in none */
  /* Mentioned last already, as it mostly is: it stays where it is. */
  if (!(g_array_index (s->in_recent, gboolean, record->entity) && s->recent[s->n_recent - 1] == record->entity))
    {
      /* It is there once at most, and mostly near the end. */
      for (guint i = s->n_recent; g_array_index (s->in_recent, gboolean, record->entity) && i-- > 0;)
        if (s->recent[i] == record->entity)
          {
            memmove (&s->recent[i], &s->recent[i + 1], (s->n_recent - i - 1) * sizeof *s->recent);
            s->n_recent--;
            break;
          }
      s->recent[s->n_recent++] = record->entity;
      g_array_index (s->in_recent, gboolean, record->entity) = TRUE;
      if (s->n_recent > RECENT_ENTITIES)
        {
          g_array_index (s->in_recent, gboolean, s->recent[0]) = FALSE;
          memmove (&s->recent[0], &s->recent[1], (s->n_recent - 1) * sizeof *s->recent);
          s->n_recent--;
        }
    }
  /* Room for a sentence past those the document has, should one come:
   * the subjects are sized for all of them at the start. */
  if (s->sentence >= s->n_subjects)
    {
      guint known = s->n_subjects;

      s->n_subjects = s->sentence + 1;
      s->subjects = g_renew (gint32, s->subjects, s->n_subjects);
      for (guint i = known; i < s->n_subjects; i++)
        s->subjects[i] = none;
    }
  if (record->is_subject)
    s->subjects[s->sentence] = record->entity;
}

/* "Ben Carson fell in the polls. The retired neurosurgeon said …": a
 * definite description of one person that speaks as a sentence's subject
 * stands for the person the sentence before was about. */
static gint32
described_subject (Coref          *c,
                   const Salience *s,
                   guint           m)
{
  QuotesMention *record = mention (c, m);
  const QuotesToken *head = quotes_document_token (c->doc, record->end_token - 1);
  char lower[PHRASE_SIZE];
  gboolean is_person = FALSE;
  gint32 e;
  const QuotesSentence *sentence = &g_array_index (c->doc->sentences, QuotesSentence, s->sentence);

  if (!c->is_source[m] || !(record->is_subject || record->span_token == sentence->first_token) ||
      record->type != QUOTES_ENTITY_TYPE_PERSON ||
      s->sentence == 0 || !(quotes_document_token_is (c->doc, record->span_token, "the") ||
        quotes_document_token_is (c->doc, record->span_token, "The")))
    return -1;
  /* one person: "the senator", not "the senators", "the remark" or "the last" */
  if (c->doc->text[quotes_document_token_base_end (c->doc, head) - 1] == 's' && c->doc->text[quotes_document_token_base_end (c->doc, head) - 2] != 's')
    return -1;
  if (quotes_document_token_lower (c->doc, record->end_token - 1, lower, sizeof lower) == NULL ||
      !(quotes_lexicon_descriptor (c->doc->lexicon, lower, NULL) ||
        (quotes_lexicon_role_noun (c->doc->lexicon, lower, &is_person) && is_person)))
    return -1;
  e = subject_of (s, s->sentence - 1);
  return e >= 0 && recent (s, e) && entity (c, e)->type == QUOTES_ENTITY_TYPE_PERSON ? e : -1;
}

/* "Beck, who …": the entity of the mention that ends at the comma; "Sen.
 * Marco Rubio of Florida, who …": the person's, not the place's. */
static gint32
antecedent_of_relative (Coref *c,
                        guint  m)
{
  for (guint k = m; k-- > 0;)
    {
      const QuotesMention *before = mention (c, k);

      if (before->end_token + 1 == mention (c, m)->first_token)
        {
          const QuotesMention *person = k > 0 ? mention (c, k - 1) : NULL;

          if (person != NULL && person->kind == QUOTES_MENTION_NAME && person->type == QUOTES_ENTITY_TYPE_PERSON &&
              person->end_token + 1 == before->first_token &&
              quotes_document_token_is (c->doc, person->end_token, "of"))
            return person->entity;
          return before->entity;
        }
      if (before->end_token + 1 < mention (c, m)->first_token)
        break;
    }
  return -1;
}

/* Asks for what pass three reads of the mention QUOTES_PREFETCH_AHEAD
 * records on: the sentence of its first token and, for a description or
 * a role, which are read word by word, its tokens and its text. */
G_ALWAYS_INLINE static inline void
prefetch_reference (const Coref *c,
                    guint        m)
{
  const QuotesMention *ahead = mention_ahead (c, m);

  if (ahead == NULL)
    return;
  quotes_document_prefetch_token (c->doc, ahead->span_token);
  if (ahead->kind == QUOTES_MENTION_DESCRIPTOR || ahead->kind == QUOTES_MENTION_ROLE)
    prefetch_mention_ends (c, ahead);
}

/* Pass three, in the order of the text: pronouns, descriptors, roles and
 * handles, with what a reader has in mind at each point. */
static void
resolve_references (Coref *c)
{
  Salience s = { -1, 0 };
  guint q = 0;

  /* Sentences without a subject noted yet read -1, as past the end. */
  s.n_subjects = c->doc->sentences->len;
  s.subjects = g_new (gint32, s.n_subjects + 1);
  for (guint i = 0; i < s.n_subjects; i++)
    s.subjects[i] = -1;
  s.last_sentence = g_array_new (FALSE, FALSE, sizeof (guint32));
  s.in_recent = g_array_new (FALSE, TRUE, sizeof (gboolean));
  for (guint m = 0; m < c->doc->mentions->len; m++)
    {
      QuotesMention *record;

      prefetch_reference (c, m);
      /* Joined here, in the same pass over the mentions, rather than in a
       * pass of its own: a pair is joined before its first mention is
       * read here, and nothing read here of a mention ahead is what a
       * join changes (names' ends, and the entity of a name that is not
       * a quote's source). */
      if (m + 1 < c->doc->sorted_mentions)
        join_split_name (c, m);
      record = mention (c, m);
      s.sentence = quotes_document_sentence_of (c->doc, record->span_token);
      for (; q < c->doc->quotes->len; q++)
        {
          QuotesQuoteRecord *quote = &g_array_index (c->doc->quotes, QuotesQuoteRecord, q);

          if (quote->end > record->start)
            break;
          if (quote->source >= 0 && mention (c, quote->source)->entity >= 0)
            s.last_speaker = mention (c, quote->source)->entity;
        }
      /* A handle names its owner wherever it stands, even in a quote or
       * in a cited post: "@TimKaine" is Kaine whoever writes it. */
      if (record->entity < 0 && (!record->in_quote || record->kind == QUOTES_MENTION_HANDLE))
        {
          gint32 e = -1;

          switch (record->kind)
            {
            case QUOTES_MENTION_PRONOUN:
              e = record->relative ? antecedent_of_relative (c, m) : resolve_pronoun (c, &s, m);
              break;
            case QUOTES_MENTION_DESCRIPTOR:
              if ((e = resolve_descriptor (c, &s, m)) < 0)
                e = described_subject (c, &s, m);
              break;
            case QUOTES_MENTION_ROLE:
              e = appositive_name (c, m) >= 0 ? appositive_name (c, m) : resolve_role (c, m);
              if (e < 0)
                e = described_subject (c, &s, m);
              break;
            case QUOTES_MENTION_HANDLE: e = resolve_handle (c, m); break;
            default: break;
            }
          if (e >= 0)
            attach (c, m, e);
        }
      note_mention (c, &s, m);
    }
  g_free (s.subjects);
  g_array_unref (s.last_sentence);
  g_array_unref (s.in_recent);
}

static void
free_name_key (gpointer data)
{
  NameKey *key = data;

  g_free (key->persons);  /* the key itself is in c->written */
  g_free (key);
}

static void
assign_speakers (QuotesDocument *doc)
{
  for (guint q = 0; q < doc->quotes->len; q++)
    {
      QuotesQuoteRecord *quote = &g_array_index (doc->quotes, QuotesQuoteRecord, q);

      if (quote->source >= 0)
        quote->speaker = g_array_index (doc->mentions, QuotesMention, quote->source).entity;
    }
}

void
quotes_coref_run (QuotesDocument *doc)
{
  Coref c = { doc };

  quotes_word_index_init_empty (&c.keys, 64);
  c.all_keys = g_ptr_array_new_with_free_func (free_name_key);
  c.written = g_string_chunk_new (4096);
  quotes_word_index_init_empty (&c.spellings, 64);
  quotes_word_index_init_empty (&c.org_names, 64);
  c.ascii_i = quotes_locale_lowers_i_plainly ();
  c.given_of = g_ptr_array_new ();
  g_ptr_array_set_size (c.given_of, doc->entities->len);  /* none before this stage, but in step if any */
  c.is_source = g_new0 (gboolean, doc->mentions->len + 1);
  c.lower_titles = g_ptr_array_new_with_free_func (g_free);
  c.single_names = g_new (guint32, doc->mentions->len + 1);
  for (guint q = 0; q < doc->quotes->len; q++)
    {
      gint32 source = g_array_index (doc->quotes, QuotesQuoteRecord, q).source;

      if (source >= 0)
        c.is_source[source] = TRUE;
    }
  resolve_full_names (&c);
  resolve_single_names (&c);
  lower_titles (&c);
  resolve_references (&c);
  assign_speakers (doc);
  quotes_word_index_clear (&c.keys);
  quotes_word_index_clear (&c.spellings);
  quotes_word_index_clear (&c.org_names);
  g_string_chunk_free (c.written);
  g_ptr_array_unref (c.all_keys);
  g_ptr_array_unref (c.given_of);
  g_free (c.is_source);
  g_ptr_array_unref (c.lower_titles);
  g_free (c.single_names);
  quotes_word_index_clear (&c.long_surnames);
}
