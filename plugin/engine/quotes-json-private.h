/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <gio/gio.h>

#include "quotes-analysis.h"

G_BEGIN_DECLS

/* Internal to the engine library: hidden, so that its files call each other
 * directly, not through the PLT, and the compiler may inline. */
#pragma GCC visibility push(hidden)

/*
 * The JSON writer reads the items of an analysis through a source: the
 * analysis objects (quotes_json_write) or, for `quotes-scan --json`, the
 * pipeline's records themselves (quotes-result.c), which spares making and
 * freeing the objects. One writer for both keeps their JSON the same.
 */

typedef struct
{
  guint       start;   /* code points */
  guint       end;
  const char *text;    /* @length bytes; NULL where the format has no text */
  gsize       length;
} QuotesJsonSpan;

typedef struct
{
  guint                 id;
  QuotesQuoteKind       kind;
  guint                 start;
  guint                 end;
  const char           *text;
  gsize                 length;
  const QuotesJsonSpan *cue;      /* or NULL */
  const QuotesJsonSpan *source;   /* or NULL */
  gint                  speaker;  /* -1: none */
  gint                  post;
  double                confidence;
} QuotesJsonQuote;

typedef struct
{
  guint                 id;
  QuotesEntityType      type;
  const char           *name;
  const char           *title;    /* or NULL */
  const char * const   *aliases;
  guint                 n_aliases;
  const QuotesJsonSpan *mentions; /* without text */
  guint                 n_mentions;
  const guint          *quotes;
  guint                 n_quotes;
} QuotesJsonEntity;

typedef struct
{
  guint           id;
  QuotesPlatform  platform;
  const char     *author;
  const char     *handle;
  const char     *date;
  const char     *url;
  guint           start;
  guint           end;
  const char     *text;
  gsize           length;
  gint            speaker;
} QuotesJsonPost;

typedef struct _QuotesJsonSource QuotesJsonSource;

/* Each function fills in item @index; what it points to must last until
 * the next call. */
struct _QuotesJsonSource
{
  guint length;        /* of the text, in code points */
  guint n_quotes;
  guint n_entities;
  guint n_posts;
  void (*quote)  (QuotesJsonSource *self, guint index, QuotesJsonQuote *quote);
  void (*entity) (QuotesJsonSource *self, guint index, QuotesJsonEntity *entity);
  void (*post)   (QuotesJsonSource *self, guint index, QuotesJsonPost *post);
};

gboolean  quotes_json_write_source_to (QuotesJsonSource  *source,
                                       GOutputStream     *out,
                                       GCancellable      *cancellable,
                                       GError           **error);

char     *quotes_json_write    (QuotesAnalysis  *analysis);
gboolean  quotes_json_write_to (QuotesAnalysis  *analysis,
                                GOutputStream   *out,
                                GCancellable    *cancellable,
                                GError         **error);

#pragma GCC visibility pop

G_END_DECLS
