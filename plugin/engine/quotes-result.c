/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * The last stage: turns the pipeline's records, in bytes, into the public
 * objects, in code points.
 */

#include "config.h"

#include <string.h>

#include "quotes-byte-chunks-private.h"
#include "quotes-document.h"
#include "quotes-json-private.h"
#include "quotes-posts.h"
#include "quotes-result-private.h"
#include "quotes-result-stage.h"

#define BLOCK 64  /* bytes per checkpoint of the offset table: 1/16 of the text */

/* Byte offset -> code point offset in O(1) time and length/BLOCK space:
 * the count of characters before each block, then the bytes that start a
 * character inside the block, which need no count in a block of one byte
 * a character (most of them, even in news with curly quotes). */
typedef struct
{
  const char *text;
  gsize       length;
  guint32    *before_block;
  guint64    *plain_blocks;  /* a bit per block: it has no continuation bytes */
} Offsets;

/* The continuation bytes (10xxxxxx) among the eight of @word. */
static inline guint
continuation_bytes (guint64 word)
{
  /* 1 in each byte with bit 7 set and bit 6 (moved up by the shift)
   * clear; the multiplication sums the bytes into the top one. */
  guint64 continuation = (word & ~(word << 1) & G_GUINT64_CONSTANT (0x8080808080808080)) >> 7;

  return (guint) ((continuation * G_GUINT64_CONSTANT (0x0101010101010101)) >> 56);
}

/* The characters that start in @n bytes: all but the continuation bytes,
 * counted eight at a time. */
static guint
count_chars (const char *bytes,
             gsize       n)
{
  guint count = 0;
  gsize i = 0;

  for (; i + 8 <= n; i += 8)
    {
      guint64 word;

      memcpy (&word, bytes + i, 8);
      count += 8 - continuation_bytes (word);
    }
  for (; i < n; i++)
    count += ((guchar) bytes[i] & 0xC0) != 0x80;
  return count;
}

/* count_chars for a whole block: the continuation bytes of its words
 * summed lane by lane (eight at most a lane, so no carry), and the lanes
 * added up once, not once a word. */
static inline guint
count_chars_of_block (const char *block)
{
  guint64 lanes = 0;

  for (gsize i = 0; i < BLOCK; i += 8)
    {
      guint64 word;

      memcpy (&word, block + i, 8);
      lanes += (word & ~(word << 1) & G_GUINT64_CONSTANT (0x8080808080808080)) >> 7;
    }
  return BLOCK - (guint) ((lanes * G_GUINT64_CONSTANT (0x0101010101010101)) >> 56);
}

/* count_chars for the first @n bytes of a block the text holds whole, so
 * that all of it may be read: every word of the block, each cut to the
 * bytes of it that count (all, some or none), so that the loop runs the
 * same eight turns whatever @n is. Its turns, by @n, followed no pattern,
 * and the loop's end was a mispredicted branch at nearly every call. */
static inline guint
count_chars_in_block (const char *block,
                      gsize       n)
{
  guint64 lanes = 0;

  /* As count_chars_of_block: lane by lane, added up once. */
  for (gsize i = 0; i < BLOCK; i += 8)
    {
      gsize counted = n > i ? MIN (n - i, 8) : 0;
      guint64 word;

      memcpy (&word, block + i, 8);
      word = GUINT64_FROM_LE (word) & quotes_first_bytes (counted);
      lanes += (word & ~(word << 1) & G_GUINT64_CONSTANT (0x8080808080808080)) >> 7;
    }
  return n - (guint) ((lanes * G_GUINT64_CONSTANT (0x0101010101010101)) >> 56);
}

static void
offsets_init (Offsets    *offsets,
              const char *text,
              gsize       length)
{
  guint32 count = 0;

  offsets->text = text;
  offsets->length = length;
  offsets->before_block = g_new (guint32, length / BLOCK + 2);
  offsets->plain_blocks = g_new0 (guint64, length / BLOCK / 64 + 1);
  for (gsize block = 0; block * BLOCK <= length; block++)
    {
      gsize end = MIN ((block + 1) * BLOCK, length);
      guint chars = end - block * BLOCK == BLOCK ? count_chars_of_block (text + block * BLOCK)
                                                 : count_chars (text + block * BLOCK, end - block * BLOCK);

      offsets->before_block[block] = count;
      if (chars == BLOCK)
        offsets->plain_blocks[block / 64] |= G_GUINT64_CONSTANT (1) << (block % 64);
      count += chars;
    }
}

static void
offsets_clear (Offsets *offsets)
{
  g_free (offsets->before_block);
  g_free (offsets->plain_blocks);
}

static guint
offsets_chars (const Offsets *offsets,
               gsize          byte)
{
  const char *block = offsets->text + byte - byte % BLOCK;

  if (offsets->plain_blocks[byte / BLOCK / 64] & (G_GUINT64_CONSTANT (1) << (byte / BLOCK % 64)))
    return offsets->before_block[byte / BLOCK] + byte % BLOCK;
  if (byte - byte % BLOCK + BLOCK <= offsets->length)
    return offsets->before_block[byte / BLOCK] + count_chars_in_block (block, byte % BLOCK);
  return offsets->before_block[byte / BLOCK] + count_chars (block, byte % BLOCK);
}

static QuotesSpan *
make_span (const Offsets *offsets,
           gsize          start,
           gsize          end)
{
  return quotes_span_new_take (offsets_chars (offsets, start), offsets_chars (offsets, end),
                               g_strndup (offsets->text + start, end - start));
}

static QuotesSpan *
cue_span (const QuotesDocument *doc,
          const Offsets        *offsets,
          gint                  cue)
{
  const QuotesCue *record;

  if (cue < 0)
    return NULL;
  record = &g_array_index (doc->cues, QuotesCue, cue);
  return make_span (offsets, quotes_document_token (doc, record->first_token)->start,
                    quotes_document_token_end (doc, quotes_document_token (doc, record->end_token - 1)));
}

static QuotesSpan *
mention_span (const QuotesDocument *doc,
              const Offsets        *offsets,
              gint                  mention)
{
  const QuotesMention *record;

  if (mention < 0)
    return NULL;
  record = &g_array_index (doc->mentions, QuotesMention, mention);
  return make_span (offsets, record->start, record->end);
}

/* What was said, without the marks of a quotation and the line breaks of
 * one that runs over paragraphs kept as they are: its bytes. */
static void
quote_text_bounds (const QuotesDocument    *doc,
                   const QuotesQuoteRecord *quote,
                   gsize                   *start,
                   gsize                   *end)
{
  *start = quote->start;
  *end = quote->end;
  if (quote->marked >= 0)
    {
      const QuotesMarkedSpan *span = &g_array_index (doc->marked, QuotesMarkedSpan, quote->marked);

      const QuotesToken *close = quotes_document_token (doc, span->close_token);

      *start = quotes_document_token_end (doc, quotes_document_token (doc, span->open_token));
      /* A quote whose closer was lost ends on its paragraph's last stop. */
      *end = close->kind == QUOTES_TOKEN_MARK ? close->start : quotes_document_token_end (doc, close);
    }
}

static char *
quote_text (const QuotesDocument    *doc,
            const QuotesQuoteRecord *quote)
{
  gsize start, end;

  quote_text_bounds (doc, quote, &start, &end);
  return g_strndup (doc->text + start, end - start);
}

static GPtrArray *
build_quotes (const QuotesDocument *doc,
              const Offsets        *offsets)
{
  GPtrArray *quotes = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < doc->quotes->len; i++)
    {
      const QuotesQuoteRecord *q = &g_array_index (doc->quotes, QuotesQuoteRecord, i);

      g_ptr_array_add (quotes, quotes_quote_new (i, q->kind,
                                                 offsets_chars (offsets, q->start),
                                                 offsets_chars (offsets, q->end),
                                                 quote_text (doc, q),
                                                 cue_span (doc, offsets, q->cue),
                                                 mention_span (doc, offsets, q->source),
                                                 q->speaker, q->post, q->confidence));
    }
  return quotes;
}

static GStrv
entity_aliases (const QuotesEntityRecord *entity)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < entity->aliases->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (entity->aliases, i));
  return g_strv_builder_end (builder);
}

/* The quotes of each entity, in order: a new array of guint per entity. */
/* TRUE for each mention an entity lists: the only ones whose spans the
 * result and the JSON make (most mentions name nobody the analysis keeps). */
static guint8 *
listed_mentions (const QuotesDocument *doc)
{
  guint8 *listed = g_new0 (guint8, doc->mentions->len + 1);

  for (guint e = 0; e < doc->entities->len; e++)
    {
      const QuotesEntityRecord *entity = &g_array_index (doc->entities, QuotesEntityRecord, e);

      for (guint m = 0; m < entity->mentions->len; m++)
        listed[g_array_index (entity->mentions, guint32, m)] = TRUE;
    }
  return listed;
}

static GArray **
quotes_of_entities (const QuotesDocument *doc)
{
  GArray **quotes_of = g_new0 (GArray *, doc->entities->len + 1);
  g_autofree guint *filled = g_new0 (guint, doc->entities->len + 1);

  /* Counted first, then each array sized once and filled in place: a call
   * to append each quote cost more than the rest. */
  for (guint q = 0; q < doc->quotes->len; q++)
    {
      gint speaker = g_array_index (doc->quotes, QuotesQuoteRecord, q).speaker;

      if (speaker >= 0)
        filled[speaker]++;
    }
  for (guint e = 0; e < doc->entities->len; e++)
    {
      quotes_of[e] = g_array_sized_new (FALSE, FALSE, sizeof (guint), filled[e]);
      g_array_set_size (quotes_of[e], filled[e]);
      filled[e] = 0;
    }
  for (guint q = 0; q < doc->quotes->len; q++)
    {
      gint speaker = g_array_index (doc->quotes, QuotesQuoteRecord, q).speaker;

      if (speaker >= 0)
        g_array_index (quotes_of[speaker], guint, filled[speaker]++) = q;
    }
  return quotes_of;
}

static GPtrArray *
build_entities (const QuotesDocument *doc,
                const Offsets        *offsets)
{
  GPtrArray *entities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree GArray **quotes_of = quotes_of_entities (doc);
  g_autofree QuotesSpan **spans = g_new0 (QuotesSpan *, doc->mentions->len + 1);
  g_autofree guint8 *wanted = listed_mentions (doc);

  /* The mentions' spans made in text order, not entity by entity: the
   * offset table and the text are then read front to back, not at random. */
  for (guint m = 0; m < doc->mentions->len; m++)
    if (wanted[m])
      spans[m] = mention_span (doc, offsets, m);

  for (guint e = 0; e < doc->entities->len; e++)
    {
      const QuotesEntityRecord *entity = &g_array_index (doc->entities, QuotesEntityRecord, e);
      GPtrArray *mentions = g_ptr_array_new_with_free_func ((GDestroyNotify) quotes_span_free);

      for (guint m = 0; m < entity->mentions->len; m++)
        {
          guint32 index = g_array_index (entity->mentions, guint32, m);

          /* A mention in two entities, if ever, gets a span of its own. */
          g_ptr_array_add (mentions, spans[index] != NULL ? g_steal_pointer (&spans[index])
                                                          : mention_span (doc, offsets, index));
        }
      g_ptr_array_add (entities, quotes_entity_new (e, entity->type, g_strdup (entity->name),
                                                    g_strdup (entity->title), entity_aliases (entity),
                                                    mentions, quotes_of[e]));
    }
  return entities;
}

static GPtrArray *
build_posts (const QuotesDocument *doc,
             const Offsets        *offsets)
{
  GPtrArray *posts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; doc->posts != NULL && i < doc->posts->len; i++)
    {
      const QuotesPostSpan *post = &g_array_index (doc->posts, QuotesPostSpan, i);

      g_ptr_array_add (posts, quotes_post_new (i, post->platform, g_strdup (post->author),
                                               g_strdup (post->handle), g_strdup (post->date),
                                               g_strdup (post->url),
                                               offsets_chars (offsets, post->start),
                                               offsets_chars (offsets, post->end),
                                               g_strndup (doc->text + post->text_start,
                                                          post->text_end - post->text_start),
                                               g_array_index (doc->post_speakers, gint32, i)));
    }
  return posts;
}

QuotesAnalysis *
quotes_result_build (const QuotesDocument *doc)
{
  Offsets offsets;
  QuotesAnalysis *analysis;

  offsets_init (&offsets, doc->text, doc->length);
  analysis = quotes_analysis_new (offsets_chars (&offsets, doc->length),
                                  build_quotes (doc, &offsets),
                                  build_entities (doc, &offsets),
                                  build_posts (doc, &offsets));
  offsets_clear (&offsets);
  return analysis;
}

/* The records as a source for the JSON writer: the same values as the
 * objects above hold, read straight from the document. */
typedef struct
{
  QuotesJsonSource      source;
  const QuotesDocument *doc;
  Offsets               offsets;
  QuotesJsonSpan        cue;
  QuotesJsonSpan        speaker_source;
  GArray               *mentions;   /* QuotesJsonSpan, of the entity asked for last */
  GArray              **quotes_of;  /* guint, per entity */
  guint32              *mention_chars; /* start and end in code points, per mention */
} RecordSource;

static QuotesJsonSpan *
json_span (const Offsets  *offsets,
           gsize           start,
           gsize           end,
           gboolean        with_text,
           QuotesJsonSpan *span)
{
  *span = (QuotesJsonSpan) { offsets_chars (offsets, start), offsets_chars (offsets, end),
                             with_text ? offsets->text + start : NULL, with_text ? end - start : 0 };
  return span;
}

/* Asks for what record_quote will read of the quotes ahead: their marks,
 * cues and sources two quotes on, and the tokens and text these point to
 * one quote on, when they have come. Each sits anywhere in arrays of
 * megabytes, and missed the cache; a quote takes long enough to write for
 * them to come in the meantime. Always inline: GCC takes a function that
 * only prefetches for pure, and drops the call. */
G_ALWAYS_INLINE static inline void
prefetch_quote (const QuotesDocument *doc,
                guint                 index)
{
  const QuotesQuoteRecord *q;

  if (index + 2 < doc->quotes->len)
    {
      q = &g_array_index (doc->quotes, QuotesQuoteRecord, index + 2);
      if (q->marked >= 0)
        quotes_prefetch (&g_array_index (doc->marked, QuotesMarkedSpan, q->marked));
      if (q->cue >= 0)
        quotes_prefetch (&g_array_index (doc->cues, QuotesCue, q->cue));
      if (q->source >= 0)
        quotes_prefetch (&g_array_index (doc->mentions, QuotesMention, q->source));
    }
  if (index + 1 < doc->quotes->len)
    {
      q = &g_array_index (doc->quotes, QuotesQuoteRecord, index + 1);
      if (q->marked >= 0)
        {
          const QuotesMarkedSpan *span = &g_array_index (doc->marked, QuotesMarkedSpan, q->marked);

          quotes_prefetch (quotes_document_token (doc, span->open_token));
          quotes_prefetch (quotes_document_token (doc, span->close_token));
        }
      if (q->cue >= 0)
        {
          const QuotesCue *cue = &g_array_index (doc->cues, QuotesCue, q->cue);

          quotes_prefetch (quotes_document_token (doc, cue->first_token));
          quotes_prefetch (quotes_document_token (doc, cue->end_token - 1));
        }
      if (q->source >= 0)
        quotes_prefetch (doc->text + g_array_index (doc->mentions, QuotesMention, q->source).start);
    }
}

static void
record_quote (QuotesJsonSource *source,
              guint             index,
              QuotesJsonQuote  *out)
{
  RecordSource *self = (RecordSource *) source;
  const QuotesDocument *doc = self->doc;
  const QuotesQuoteRecord *q = &g_array_index (doc->quotes, QuotesQuoteRecord, index);
  gsize start, end;

  prefetch_quote (doc, index);
  quote_text_bounds (doc, q, &start, &end);
  *out = (QuotesJsonQuote) {
    index, q->kind, offsets_chars (&self->offsets, q->start), offsets_chars (&self->offsets, q->end),
    doc->text + start, end - start, NULL, NULL, q->speaker, q->post, q->confidence,
  };
  if (q->cue >= 0)
    {
      const QuotesCue *cue = &g_array_index (doc->cues, QuotesCue, q->cue);

      out->cue = json_span (&self->offsets, quotes_document_token (doc, cue->first_token)->start,
                            quotes_document_token_end (doc, quotes_document_token (doc, cue->end_token - 1)), TRUE, &self->cue);
    }
  if (q->source >= 0)
    {
      const QuotesMention *mention = &g_array_index (doc->mentions, QuotesMention, q->source);

      out->source = json_span (&self->offsets, mention->start, mention->end, TRUE, &self->speaker_source);
    }
}

static void
record_entity (QuotesJsonSource *source,
               guint             index,
               QuotesJsonEntity *out)
{
  RecordSource *self = (RecordSource *) source;
  const QuotesEntityRecord *entity = &g_array_index (self->doc->entities, QuotesEntityRecord, index);

  g_array_set_size (self->mentions, entity->mentions->len);
  for (guint m = 0; m < entity->mentions->len; m++)
    {
      const guint32 *chars = &self->mention_chars[2 * g_array_index (entity->mentions, guint32, m)];

      g_array_index (self->mentions, QuotesJsonSpan, m) = (QuotesJsonSpan) { chars[0], chars[1], NULL, 0 };
    }
  *out = (QuotesJsonEntity) {
    index, entity->type, entity->name, entity->title,
    (const char * const *) entity->aliases->pdata, entity->aliases->len,
    (const QuotesJsonSpan *) (gpointer) self->mentions->data, entity->mentions->len,
    (const guint *) (gpointer) self->quotes_of[index]->data, self->quotes_of[index]->len,
  };
}

static void
record_post (QuotesJsonSource *source,
             guint             index,
             QuotesJsonPost   *out)
{
  RecordSource *self = (RecordSource *) source;
  const QuotesPostSpan *post = &g_array_index (self->doc->posts, QuotesPostSpan, index);

  *out = (QuotesJsonPost) {
    index, post->platform, post->author, post->handle, post->date, post->url,
    offsets_chars (&self->offsets, post->start), offsets_chars (&self->offsets, post->end),
    self->doc->text + post->text_start, post->text_end - post->text_start,
    g_array_index (self->doc->post_speakers, gint32, index),
  };
}

gboolean
quotes_result_write_json (const QuotesDocument  *doc,
                          GOutputStream         *out,
                          GCancellable          *cancellable,
                          GError               **error)
{
  RecordSource self = {
    { 0, doc->quotes->len, doc->entities->len, doc->posts != NULL ? doc->posts->len : 0,
      record_quote, record_entity, record_post },
    doc,
  };
  g_autofree guint8 *wanted = NULL;
  gboolean written;

  offsets_init (&self.offsets, doc->text, doc->length);
  self.source.length = offsets_chars (&self.offsets, doc->length);
  self.mentions = g_array_new (FALSE, FALSE, sizeof (QuotesJsonSpan));
  self.quotes_of = quotes_of_entities (doc);
  /* Made in text order, not entity by entity: a large entity's mentions lie
   * all over the text, and reading it (and the offset table) at random there
   * cost more than the rest of the JSON. Only for the mentions an entity
   * lists: most name nobody the analysis keeps. */
  self.mention_chars = g_new (guint32, 2 * doc->mentions->len + 2);
  wanted = listed_mentions (doc);
  for (guint m = 0; m < doc->mentions->len; m++)
    if (wanted[m])
      {
        const QuotesMention *mention = &g_array_index (doc->mentions, QuotesMention, m);

        self.mention_chars[2 * m] = offsets_chars (&self.offsets, mention->start);
        self.mention_chars[2 * m + 1] = offsets_chars (&self.offsets, mention->end);
      }
  written = quotes_json_write_source_to (&self.source, out, cancellable, error);
  for (guint e = 0; e < doc->entities->len; e++)
    g_array_unref (self.quotes_of[e]);
  g_free (self.quotes_of);
  g_array_unref (self.mentions);
  g_free (self.mention_chars);
  offsets_clear (&self.offsets);
  return written;
}
