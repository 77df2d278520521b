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

/* The name a reader would call it by: a full name in the writer's own
 * words first, then any full name, then whatever name it has. */
static const QuotesMention *
canonical_mention (const QuotesDocument     *doc,
                   const QuotesEntityRecord *entity)
{
  const QuotesMention *full = NULL, *any = NULL;

  for (guint i = 0; i < entity->mentions->len; i++)
    {
      const QuotesMention *mention = &g_array_index (doc->mentions, QuotesMention,
                                                     g_array_index (entity->mentions, guint32, i));

      if (is_full_name (mention) && !mention->in_quote)
        return mention;
      if (is_full_name (mention) && full == NULL)
        full = mention;
      if (mention->kind == QUOTES_MENTION_NAME && any == NULL)
        any = mention;
    }
  return full != NULL ? full : any;
}

static gboolean
has_alias (const QuotesEntityRecord *entity,
           const char               *alias)
{
  for (guint i = 0; i < entity->aliases->len; i++)
    if (g_str_equal (g_ptr_array_index (entity->aliases, i), alias))
      return TRUE;
  return FALSE;
}

static void
finish_entity (const QuotesDocument *doc,
               QuotesEntityRecord   *entity)
{
  const QuotesMention *canonical = canonical_mention (doc, entity);

  entity->name = canonical != NULL ? mention_text (doc, canonical) : g_strdup ("");
  for (guint i = 0; i < entity->mentions->len; i++)
    {
      const QuotesMention *mention = &g_array_index (doc->mentions, QuotesMention,
                                                     g_array_index (entity->mentions, guint32, i));
      g_autofree char *text = NULL;

      if (mention->kind != QUOTES_MENTION_NAME && mention->kind != QUOTES_MENTION_HANDLE)
        continue;
      text = mention_text (doc, mention);
      if (!g_str_equal (text, entity->name) && !has_alias (entity, text))
        g_ptr_array_add (entity->aliases, g_steal_pointer (&text));
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
  for (guint m = 0; m < doc->mentions->len; m++)
    {
      const QuotesMention *mention = &g_array_index (doc->mentions, QuotesMention, m);
      guint32 index = m;

      if (mention->entity >= 0)
        g_array_append_val (g_array_index (doc->entities, QuotesEntityRecord, mention->entity).mentions, index);
    }
  for (guint e = 0; e < doc->entities->len; e++)
    finish_entity (doc, &g_array_index (doc->entities, QuotesEntityRecord, e));
  renumber (doc);
}
