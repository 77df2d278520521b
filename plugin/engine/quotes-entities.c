/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * The last stage before the result: each entity's mentions, canonical name
 * (its first full name in the writer's text) and aliases (the other names
 * and handles it goes by), with entities numbered in the order the text
 * first mentions them.
 */

#include "config.h"

#include <string.h>

#include "quotes-document.h"
#include "quotes-word-index.h"

static gboolean
is_full_name (const QuotesMention *mention)
{
  return mention->kind == QUOTES_MENTION_NAME && mention->surname_token > mention->first_token;
}

/* The mention an entity's canonical name comes from, found in one pass
 * over all mentions in text order: a full name in the writer's own words
 * first, then any full name, then whatever name it has. */
typedef struct
{
  gint32 own_full;
  gint32 full;
  gint32 any;
} Canonical;

static void
consider_canonical (Canonical           *canonical,
                    const QuotesMention *mention,
                    guint32              index)
{
  /* Whether one is found yet first: soon it is, for good, and the test
   * is then always the same, where the mentions' kinds, in a mix, were
   * a branch mispredicted often. */
  if (canonical->own_full < 0 && is_full_name (mention) && !mention->in_quote)
    canonical->own_full = index;
  if (canonical->full < 0 && is_full_name (mention))
    canonical->full = index;
  if (canonical->any < 0 && mention->kind == QUOTES_MENTION_NAME)
    canonical->any = index;
}

/* The text of a mention as g_strndup would copy it: up to a NUL, if any. */
static gsize
mention_length (const QuotesDocument *doc,
                const QuotesMention  *mention)
{
  return strnlen (doc->text + mention->start, mention->end - mention->start);
}

static gboolean
same_text (const char *string,
           const char *text,
           gsize       length)
{
  return strncmp (string, text, length) == 0 && string[length] == '\0';
}

/* The index of the alias written @text, or -1. */
static gint
find_alias (const QuotesEntityRecord *entity,
            const char               *text,
            gsize                     length)
{
  for (guint i = 0; i < entity->aliases->len; i++)
    if (same_text (g_ptr_array_index (entity->aliases, i), text, length))
      return i;
  return -1;
}

/* The last two spellings an entity was found under, of up to 16 bytes,
 * as numbers: most of its mentions repeat one, and comparing it here
 * spares the reading of its aliases, all over the heap. */
typedef struct
{
  guint64 words[2][2];
  guint32 length[2];  /* 0: none */
} Recent;

#define RECENT_LENGTH 16

/* The @length bytes of @text, up to RECENT_LENGTH, as two numbers, with
 * zeros after them. */
static void
spelling_words (const char *text,
                gsize       length,
                guint64     words[2])
{
  if (length < 8)
    {
      words[0] = quotes_word_tail (text, length);
      words[1] = 0;
      return;
    }
  memcpy (&words[0], text, 8);
  if (length == 16)
    memcpy (&words[1], text + 8, 8);
  else
    words[1] = quotes_word_tail (text + 8, length - 8);
}

static void
recent_put_first (Recent        *recent,
                  const guint64  words[2],
                  gsize          length)
{
  recent->words[1][0] = recent->words[0][0];
  recent->words[1][1] = recent->words[0][1];
  recent->length[1] = recent->length[0];
  recent->words[0][0] = words[0];
  recent->words[0][1] = words[1];
  recent->length[0] = length;
}

/* Whether @recent holds the spelling; it comes first then. */
static gboolean
recent_holds (Recent        *recent,
              const guint64  words[2],
              gsize          length)
{
  for (guint i = 0; i < 2; i++)
    if (recent->length[i] == length && recent->words[i][0] == words[0] && recent->words[i][1] == words[1])
      {
        if (i == 1)
          recent_put_first (recent, words, length);
        return TRUE;
      }
  return FALSE;
}

/* Each name and handle an entity goes by, once, in the order the text
 * first writes it; its canonical name among them, until it is known. */
static void
add_spelling (const QuotesDocument *doc,
              QuotesEntityRecord   *entity,
              Recent               *recent,
              const QuotesMention  *mention)
{
  const char *text = doc->text + mention->start;
  gsize length = mention_length (doc, mention);
  gboolean short_one = length > 0 && length <= RECENT_LENGTH;  /* an empty one would read as none */
  guint64 words[2];

  if (short_one)
    {
      spelling_words (text, length, words);
      if (recent_holds (recent, words, length))
        return;
    }
  if (find_alias (entity, text, length) < 0)
    g_ptr_array_add (entity->aliases, g_strndup (text, length));
  if (short_one)
    recent_put_first (recent, words, length);
}

/* What the pass over the mentions keeps of each entity, together: it
 * reads them for every mention, in no order. */
typedef struct
{
  guint32  *fill;       /* where its next mention goes in its list */
  Canonical canonical;
  Recent    recent;
} Tally;

/* The canonical name of each entity, taken out of the names it goes by,
 * which hold it, as written by one of its mentions. */
static void
name_entities (QuotesDocument *doc,
               const Tally    *tally)
{
  for (guint e = 0; e < doc->entities->len; e++)
    {
      QuotesEntityRecord *entity = &g_array_index (doc->entities, QuotesEntityRecord, e);
      const Canonical *c = &tally[e].canonical;
      gint32 m = c->own_full >= 0 ? c->own_full : c->full >= 0 ? c->full : c->any;
      const QuotesMention *mention = m >= 0 ? &g_array_index (doc->mentions, QuotesMention, m) : NULL;
      gint alias = m >= 0 ? find_alias (entity, doc->text + mention->start, mention_length (doc, mention))
                          : find_alias (entity, "", 0);

      entity->name = alias >= 0 ? g_ptr_array_steal_index (entity->aliases, alias) : g_strdup ("");
    }
}

typedef struct
{
  guint32 first;
  gint32  old_index;
} Order;

static gint
compare_order (gconstpointer a,
               gconstpointer b)
{
  const Order *oa = a, *ob = b;

  return (oa->first > ob->first) - (oa->first < ob->first);
}

/* The new number of each entity, in the order of the start of its first
 * mention, @first. */
static gint32 *
number_entities (const QuotesDocument *doc,
                 const guint32        *first)
{
  guint n = doc->entities->len;
  g_autofree Order *order = g_new (Order, n + 1);
  gint32 *new_index = g_new (gint32, n + 1);

  for (guint e = 0; e < n; e++)
    {
      order[e].first = g_array_index (doc->mentions, QuotesMention, first[e]).start;
      order[e].old_index = e;
    }
  qsort (order, n, sizeof (Order), compare_order);
  for (guint e = 0; e < n; e++)
    new_index[order[e].old_index] = e;
  return new_index;
}

/* Puts the entities in their new order, and renumbers the quotes' and
 * posts' references to them (the mentions' are already). The records
 * move by copy: they own what they point to. */
static void
renumber (QuotesDocument *doc,
          const gint32   *new_index)
{
  guint n = doc->entities->len;
  g_autofree QuotesEntityRecord *copy = g_memdup2 (doc->entities->data, n * sizeof (QuotesEntityRecord));

  for (guint e = 0; e < n; e++)
    g_array_index (doc->entities, QuotesEntityRecord, new_index[e]) = copy[e];
  for (guint q = 0; q < doc->quotes->len; q++)
    {
      QuotesQuoteRecord *quote = &g_array_index (doc->quotes, QuotesQuoteRecord, q);

      if (quote->speaker >= 0)
        quote->speaker = new_index[quote->speaker];
    }
  for (guint p = 0; p < doc->post_speakers->len; p++)
    {
      gint32 *speaker = &g_array_index (doc->post_speakers, gint32, p);

      if (*speaker >= 0)
        *speaker = new_index[*speaker];
    }
}

/* Two passes over the mentions: one counts each entity's and finds its
 * first, which numbers the entities; the other fills in their lists,
 * canonical names and aliases and renumbers the mentions. Each pass reads
 * megabytes of mentions, and four of them cost more than the work. */
void
quotes_entities_run (QuotesDocument *doc)
{
  guint n = doc->entities->len;
  /* Each entity's list of mentions is sized once from a count and filled
   * in place: an append per mention cost a call to memcpy and the lists'
   * growing. */
  g_autofree guint *count = g_new0 (guint, n + 1);
  g_autofree guint32 *first = g_new (guint32, n + 1);
  g_autofree Tally *tally = g_new0 (Tally, n + 1);
  g_autofree gint32 *new_index = NULL;

  for (guint m = 0; m < doc->mentions->len; m++)
    {
      gint32 e = g_array_index (doc->mentions, QuotesMention, m).entity;

      if (e >= 0 && count[e]++ == 0)
        first[e] = m;
    }
  for (guint e = 0; e < n; e++)
    {
      GArray *mentions = g_array_index (doc->entities, QuotesEntityRecord, e).mentions;
      guint known = mentions->len;

      if (known > 0)
        first[e] = g_array_index (mentions, guint32, 0);
      g_array_set_size (mentions, known + count[e]);
      tally[e].fill = &g_array_index (mentions, guint32, known);
      tally[e].canonical = (Canonical) { -1, -1, -1 };
    }
  new_index = number_entities (doc, first);
  for (guint m = 0; m < doc->mentions->len; m++)
    {
      QuotesMention *mention = &g_array_index (doc->mentions, QuotesMention, m);
      gint32 e = mention->entity;

      if (e < 0)
        continue;
      *tally[e].fill++ = m;
      consider_canonical (&tally[e].canonical, mention, m);
      if (mention->kind == QUOTES_MENTION_NAME || mention->kind == QUOTES_MENTION_HANDLE)
        add_spelling (doc, &g_array_index (doc->entities, QuotesEntityRecord, e), &tally[e].recent, mention);
      mention->entity = new_index[e];
    }
  name_entities (doc, tally);
  renumber (doc, new_index);
}
