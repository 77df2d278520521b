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

static char *
mention_text (const QuotesDocument *doc,
              const QuotesMention  *mention)
{
  return g_strndup (doc->text + mention->start, mention->end - mention->start);
}

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
  if (is_full_name (mention) && !mention->in_quote && canonical->own_full < 0)
    canonical->own_full = index;
  if (is_full_name (mention) && canonical->full < 0)
    canonical->full = index;
  if (mention->kind == QUOTES_MENTION_NAME && canonical->any < 0)
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

static gboolean
has_alias (const QuotesEntityRecord *entity,
           const char               *text,
           gsize                     length)
{
  for (guint i = 0; i < entity->aliases->len; i++)
    if (same_text (g_ptr_array_index (entity->aliases, i), text, length))
      return TRUE;
  return FALSE;
}

/* Names and aliases for all entities, the mentions read once in text
 * order rather than entity by entity, all over the text, with a copy of
 * each: the aliases come out in the same order. */
static void
finish_entities (QuotesDocument  *doc,
                 const Canonical *canonical)
{
  for (guint e = 0; e < doc->entities->len; e++)
    {
      QuotesEntityRecord *entity = &g_array_index (doc->entities, QuotesEntityRecord, e);
      const Canonical *c = &canonical[e];
      gint32 m = c->own_full >= 0 ? c->own_full : c->full >= 0 ? c->full : c->any;

      entity->name = m >= 0 ? mention_text (doc, &g_array_index (doc->mentions, QuotesMention, m))
                            : g_strdup ("");
    }
  for (guint m = 0; m < doc->mentions->len; m++)
    {
      const QuotesMention *mention = &g_array_index (doc->mentions, QuotesMention, m);
      QuotesEntityRecord *entity;
      const char *text;
      gsize length;

      if (mention->entity < 0 ||
          (mention->kind != QUOTES_MENTION_NAME && mention->kind != QUOTES_MENTION_HANDLE))
        continue;
      entity = &g_array_index (doc->entities, QuotesEntityRecord, mention->entity);
      text = doc->text + mention->start;
      length = mention_length (doc, mention);
      if (!same_text (entity->name, text, length) && !has_alias (entity, text, length))
        g_ptr_array_add (entity->aliases, g_strndup (text, length));
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

/* Numbers the entities by their first mention and renumbers every
 * reference to them. The records move by copy: they own what they point to. */
static void
renumber (QuotesDocument *doc)
{
  guint n = doc->entities->len;
  g_autofree Order *order = g_new (Order, n + 1);
  g_autofree gint32 *new_index = g_new (gint32, n + 1);
  g_autofree QuotesEntityRecord *copy = g_memdup2 (doc->entities->data, n * sizeof (QuotesEntityRecord));

  for (guint e = 0; e < n; e++)
    {
      QuotesEntityRecord *entity = &copy[e];

      order[e].first = g_array_index (doc->mentions, QuotesMention, g_array_index (entity->mentions, guint32, 0)).start;
      order[e].old_index = e;
    }
  qsort (order, n, sizeof (Order), compare_order);
  for (guint e = 0; e < n; e++)
    {
      new_index[order[e].old_index] = e;
      g_array_index (doc->entities, QuotesEntityRecord, e) = copy[order[e].old_index];
    }
  for (guint m = 0; m < doc->mentions->len; m++)
    {
      QuotesMention *mention = &g_array_index (doc->mentions, QuotesMention, m);

      if (mention->entity >= 0)
        mention->entity = new_index[mention->entity];
    }
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

void
quotes_entities_run (QuotesDocument *doc)
{
  g_autofree Canonical *canonical = g_new (Canonical, doc->entities->len + 1);
  /* Per entity: how many mentions it has, then where the next one goes in
   * its list. Each list is sized once and filled in place: an append per
   * mention cost a call to memcpy and the lists' growing. */
  g_autofree guint *next = g_new0 (guint, doc->entities->len + 1);

  for (guint m = 0; m < doc->mentions->len; m++)
    {
      gint32 e = g_array_index (doc->mentions, QuotesMention, m).entity;

      if (e >= 0)
        next[e]++;
    }
  for (guint e = 0; e < doc->entities->len; e++)
    {
      GArray *mentions = g_array_index (doc->entities, QuotesEntityRecord, e).mentions;
      guint count = next[e];

      canonical[e] = (Canonical) { -1, -1, -1 };
      next[e] = mentions->len;
      g_array_set_size (mentions, mentions->len + count);
    }
  for (guint m = 0; m < doc->mentions->len; m++)
    {
      const QuotesMention *mention = &g_array_index (doc->mentions, QuotesMention, m);
      guint32 index = m;

      if (mention->entity >= 0)
        {
          GArray *mentions = g_array_index (doc->entities, QuotesEntityRecord, mention->entity).mentions;

          g_array_index (mentions, guint32, next[mention->entity]++) = index;
          consider_canonical (&canonical[mention->entity], mention, index);
        }
    }
  finish_entities (doc, canonical);
  renumber (doc);
}
