/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * The JSON form of an analysis, version 1: the contract of `quotes-scan
 * --json`. Written by hand in one streaming pass, because json-glib first
 * builds a node tree of every value, which for a large text costs more
 * memory and time than the analysis itself; json-glib reads it back in the
 * tests.
 */

#include "config.h"

#include <string.h>

#include "quotes-byte-chunks-private.h"
#include "quotes-json-private.h"

#define FORMAT_VERSION 1
/* Written out in blocks of about this much: a GUnixOutputStream polls
 * before each write, and 64 KiB blocks were 10,000 system calls for the
 * 330 MB of JSON of 100 MB of text (1.5% of the time). */
#define FLUSH_AT (512 * 1024)

typedef struct
{
  GString       *buffer;
  GOutputStream *out;          /* NULL: everything stays in the buffer */
  GCancellable  *cancellable;
  GError       **error;
  gboolean       failed;
  guint          depth;
  gboolean       first;        /* no member or element written yet at this depth */
  struct
  {
    double  value;
    char    text[16];
    gsize   length;           /* 0: empty */
  }              confidences[8];
  guint          next_confidence;
  char          *pos;          /* where the next byte goes in the buffer, whose len is
                                * kept up to date only by writer_sync */
  char          *limit;        /* the end of the buffer's allocation */
} Writer;

static void
writer_start (Writer *w)
{
  w->pos = w->buffer->str + w->buffer->len;
  w->limit = w->buffer->str + w->buffer->allocated_len;
}

/* The buffer's len, from where the writer is. */
static void
writer_sync (Writer *w)
{
  w->buffer->len = w->pos - w->buffer->str;
}

static gsize
buffered (const Writer *w)
{
  return w->pos - w->buffer->str;
}

static void
flush (Writer *w)
{
  writer_sync (w);
  if (w->out == NULL || w->failed || w->buffer->len == 0)
    return;
  if (!g_output_stream_write_all (w->out, w->buffer->str, w->buffer->len, NULL, w->cancellable, w->error))
    w->failed = TRUE;
  g_string_truncate (w->buffer, 0);
  writer_start (w);
}

G_GNUC_NO_INLINE static void
grow (Writer *w,
      gsize   n)
{
  gsize len = buffered (w);

  g_string_set_size (w->buffer, len + n);  /* grows the allocation geometrically */
  w->buffer->len = len;
  writer_start (w);
}

/* Room for @n more bytes: where to write them. Pieces are written
 * straight into the buffer and then committed, without GString's per-call
 * checks or a terminating NUL each time: the writer appends millions of
 * short pieces, so this is its inner loop. The writer's own position and
 * limit spare the loads of the GString's fields at every piece. The NUL
 * comes at the end: a byte is always left for it. */
static inline char *
reserve (Writer *w,
         gsize   n)
{
  if (G_UNLIKELY ((gsize) (w->limit - w->pos) <= n))
    grow (w, n);
  return w->pos;
}

static inline void
commit (Writer *w,
        char   *end)
{
  w->pos = end;
}

static inline void
put (Writer     *w,
     const char *bytes,
     gsize       n)
{
  char *p = reserve (w, n);

  memcpy (p, bytes, n);
  commit (w, p + n);
}

static inline void
put_c (Writer *w,
       char    c)
{
  char *p = reserve (w, 1);

  *p = c;
  commit (w, p + 1);
}

#define put_literal(w, s) put ((w), (s), sizeof (s) - 1)

#define INDENT_ROOM 16  /* depths up to 8 are indented with one fixed-size copy */

/* A line break and the indentation of @depth, at @p, where there is room
 * for INDENT_ROOM + 1 bytes: a copy of a constant size is a few moves,
 * where memset of a varying size is a call. The depth is passed as a
 * value: the writer's own field would be read again after every byte
 * stored, as a store through a char pointer may change anything. */
static inline char *
write_newline (char  *p,
               guint  depth)
{
  static const char spaces[INDENT_ROOM] = "                ";

  *p++ = '\n';
  if (G_LIKELY (2 * depth <= INDENT_ROOM))
    memcpy (p, spaces, INDENT_ROOM);
  else
    memset (p, ' ', 2 * depth);
  return p + 2 * depth;
}

static void
newline (Writer *w)
{
  guint depth = w->depth;

  commit (w, write_newline (reserve (w, 2 * depth + INDENT_ROOM + 1), depth));
}

/* printf is slow for the many small numbers of a large analysis. The
 * digits are made backwards, ending at DIGITS_END, and copied 24 bytes at
 * once (a constant size, so a few moves and no call): the bytes after the
 * number land in reserved room and are overwritten next. */
#define DIGITS_END 24

/* "00" to "99", each number's two digits at twice the number. */
static const char digit_pairs[] =
  "0001020304050607080910111213141516171819"
  "2021222324252627282930313233343536373839"
  "4041424344454647484950515253545556575859"
  "6061626364656667686970717273747576777879"
  "8081828384858687888990919293949596979899";

#define EIGHT_DIGITS 100000000

/* "0000" to "9999", each number's four digits at four times the number:
 * made once, at the first writer. */
static char digit_quads[4 * 10000];

static void
make_digit_quads (void)
{
  static gsize made = 0;

  if (g_once_init_enter (&made))
    {
      for (guint i = 0; i < 10000; i++)
        {
          memcpy (digit_quads + 4 * i, digit_pairs + 2 * (i / 100), 2);
          memcpy (digit_quads + 4 * i + 2, digit_pairs + 2 * (i % 100), 2);
        }
      g_once_init_leave (&made, 1);
    }
}

/* The digits of @value, below EIGHT_DIGITS, at @out, where there is room
 * for 24 bytes; returns where they end. All eight digits are made at once,
 * by two look-ups of four, and the leading zeros are then skipped: offsets
 * in a large text have seven or eight digits, which a loop of two digits a
 * step made one after the other. */
static inline char *
write_small_int (char    *out,
                 guint32  value)
{
  char digits[16] = { 0 };
  guint32 high = value / 10000;
  guint n;

  if (value < 10)
    {
      *out = '0' + value;
      return out + 1;
    }
  memcpy (digits, digit_quads + 4 * high, 4);
  memcpy (digits + 4, digit_quads + 4 * (value - 10000 * high), 4);
  n = value >= 10000 ? (value >= 1000000 ? (value >= 10000000 ? 8 : 7) : (value >= 100000 ? 6 : 5)) :
      (value >= 100 ? (value >= 1000 ? 4 : 3) : 2);
  memcpy (out, digits + 8 - n, 8);
  return out + n;
}

/* Writes @value at @out, where there is room for 24 bytes; returns where
 * it ends. */
static inline char *
write_int (char   *out,
           gint64  value)
{
  char digits[DIGITS_END + 24];
  char *p = digits + DIGITS_END;
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;
  guint32 low;

  if (G_LIKELY (value >= 0 && value < EIGHT_DIGITS))
    return write_small_int (out, (guint32) value);

  /* Two digits a step: offsets in a large text have seven or eight. */
  for (; magnitude > G_MAXUINT32; magnitude /= 100)
    {
      p -= 2;
      memcpy (p, digit_pairs + 2 * (magnitude % 100), 2);
    }
  /* Every number but huge ones: in 32 bits, where dividing by 100 is a
   * multiplication and a shift, without the extra shifts 64 bits need. */
  for (low = (guint32) magnitude; low >= 100; low /= 100)
    {
      p -= 2;
      memcpy (p, digit_pairs + 2 * (low % 100), 2);
    }
  if (low >= 10)
    {
      p -= 2;
      memcpy (p, digit_pairs + 2 * low, 2);
    }
  else
    *--p = '0' + low;
  if (value < 0)
    *--p = '-';
  memcpy (out, p, 24);
  return out + (digits + DIGITS_END - p);
}

static inline void
put_int (Writer *w,
         gint64  value)
{
  char *out = reserve (w, 24);

  commit (w, write_int (out, value));
}

/* Bytes that JSON strings must escape: the quote, the backslash and the
 * control characters. UTF-8 goes through as it is. */
static inline gboolean
needs_escape (guchar c)
{
  return c < 0x20 || c == '"' || c == '\\';
}

/* Where the bytes that need no escape end, from @p on: the first one that
 * does, or @end. Eight bytes at a time while none of them does: the texts
 * of quotes are long and seldom hold one. */
static inline const guchar *
plain_run_end (const guchar *p,
               const guchar *end)
{
  for (; end - p >= 8; p += 8)
    {
      guint64 word;

      memcpy (&word, p, 8);
      /* A control byte, below 0x20, has all of its top three bits clear. */
      if (quotes_has_zero_byte (word & QUOTES_BYTES (0xe0)) || quotes_has_zero_byte (word ^ QUOTES_BYTES ('"')) ||
          quotes_has_zero_byte (word ^ QUOTES_BYTES ('\\')))
        break;
    }
  while (p < end && !needs_escape (*p))
    p++;
  return p;
}

/* @length bytes of @text, which holds no NUL. */
static void
append_string (Writer     *w,
               const char *text,
               gsize       length)
{
  const guchar *p = (const guchar *) text;
  const guchar *end = p + length;

  put_c (w, '"');
  for (;;)
    {
      const guchar *run = p;

      p = plain_run_end (p, end);
      put (w, (const char *) run, p - run);  /* the plain bytes in one piece */
      if (p == end)
        break;
      switch (*p)
        {
        case '"':  put_literal (w, "\\\""); break;
        case '\\': put_literal (w, "\\\\"); break;
        case '\n': put_literal (w, "\\n"); break;
        case '\r': put_literal (w, "\\r"); break;
        case '\t': put_literal (w, "\\t"); break;
        default:
          {
            char escape[8];

            g_snprintf (escape, sizeof escape, "\\u%04x", *p);
            put (w, escape, 6);
          }
        }
      p++;
    }
  put_c (w, '"');
}

/* The separator, the indentation and the key before a value, in one
 * piece; @key is NULL in arrays. The keys are this file's own short names,
 * which need no escapes; inline, so that their lengths are constants. */
G_ALWAYS_INLINE static inline void
begin_value (Writer     *w,
             const char *key)
{
  gsize key_length = key != NULL ? strlen (key) : 0;
  guint depth = w->depth;
  char *p = reserve (w, 2 * depth + key_length + INDENT_ROOM + 8);

  if (!w->first)
    *p++ = ',';
  w->first = FALSE;
  p = write_newline (p, depth);
  if (key != NULL)
    {
      *p++ = '"';
      memcpy (p, key, key_length);
      p += key_length;
      memcpy (p, "\" : ", 4);
      p += 4;
    }
  commit (w, p);
}

/* A value closed: the next one at its depth takes a comma, and the buffer
 * goes out once it holds enough. */
static inline void
end_value (Writer *w)
{
  w->first = FALSE;
  if (buffered (w) >= FLUSH_AT)
    flush (w);
}

G_ALWAYS_INLINE static inline void
open_container (Writer     *w,
                const char *key,
                char        bracket)
{
  begin_value (w, key);
  put_c (w, bracket);
  w->depth++;
  w->first = TRUE;
}

static void
close_container (Writer *w,
                 char    bracket)
{
  gboolean empty = w->first;

  w->depth--;
  if (!empty)
    newline (w);
  put_c (w, bracket);
  end_value (w);
}

G_ALWAYS_INLINE static inline void
member_int (Writer     *w,
            const char *key,
            gint64      value)
{
  begin_value (w, key);
  put_int (w, value);
}

G_ALWAYS_INLINE static inline void
member_id (Writer     *w,
           const char *key,
           gint        id)
{
  begin_value (w, key);
  if (id < 0)
    put_literal (w, "null");
  else
    put_int (w, id);
}

G_ALWAYS_INLINE static inline void
member_string (Writer     *w,
               const char *key,
               const char *value)
{
  begin_value (w, key);
  if (value == NULL)
    put_literal (w, "null");
  else
    append_string (w, value, strlen (value));
}

/* An element {"start", "end"} of an entity's mentions, the most
 * frequent object of all: written in one piece, with the same bytes as
 * open_container, two member_int and close_container would write. */
static void
element_plain_span (Writer               *w,
                    const QuotesJsonSpan *span)
{
  guint depth = w->depth;
  char *p = reserve (w, 3 * (2 * (depth + 1) + INDENT_ROOM + 1) + 2 * 24 + 32);

  if (!w->first)
    *p++ = ',';
  p = write_newline (p, depth);
  *p++ = '{';
  p = write_newline (p, depth + 1);
  memcpy (p, "\"start\" : ", 10);
  p = write_int (p + 10, span->start);
  *p++ = ',';
  p = write_newline (p, depth + 1);
  memcpy (p, "\"end\" : ", 8);
  p = write_int (p + 8, span->end);
  p = write_newline (p, depth);
  *p++ = '}';
  commit (w, p);
  end_value (w);
}

/* A member {"start", "end", "text"}, a quote's cue or source: written
 * with the same bytes as open_container, two member_int, the text and
 * close_container would write, all but the text in two pieces. */
static void
member_text_span (Writer               *w,
                  const char           *key,
                  const QuotesJsonSpan *span)
{
  guint depth = w->depth;
  gsize key_length = strlen (key);
  char *p = reserve (w, 4 * (2 * (depth + 1) + INDENT_ROOM + 1) + key_length + 2 * 24 + 64);

  if (!w->first)
    *p++ = ',';
  p = write_newline (p, depth);
  *p++ = '"';
  memcpy (p, key, key_length);
  p += key_length;
  memcpy (p, "\" : {", 5);
  p = write_newline (p + 5, depth + 1);
  memcpy (p, "\"start\" : ", 10);
  p = write_int (p + 10, span->start);
  *p++ = ',';
  p = write_newline (p, depth + 1);
  memcpy (p, "\"end\" : ", 8);
  p = write_int (p + 8, span->end);
  *p++ = ',';
  p = write_newline (p, depth + 1);
  memcpy (p, "\"text\" : ", 9);
  commit (w, p + 9);
  append_string (w, span->text, span->length);
  p = reserve (w, 2 * depth + INDENT_ROOM + 2);
  p = write_newline (p, depth);
  *p++ = '}';
  commit (w, p);
  end_value (w);
}

static void
member_span (Writer               *w,
             const char           *key,
             const QuotesJsonSpan *span)
{
  if (key == NULL && span != NULL && span->text == NULL)
    {
      element_plain_span (w, span);
      return;
    }
  if (span == NULL)
    {
      member_string (w, key, NULL);
      return;
    }
  if (key != NULL && span->text != NULL)
    {
      member_text_span (w, key, span);
      return;
    }
  open_container (w, key, '{');
  member_int (w, "start", span->start);
  member_int (w, "end", span->end);
  if (span->text != NULL)
    {
      begin_value (w, "text");
      append_string (w, span->text, span->length);
    }
  close_container (w, '}');
}

/* Two decimals say all there is to say, in any locale. The rules give a
 * handful of distinct values, so the last few are remembered: formatting
 * a double costs more than the rest of a quote. */
static void
put_confidence (Writer *w,
                double  value)
{
  for (guint i = 0; i < G_N_ELEMENTS (w->confidences); i++)
    if (w->confidences[i].length > 0 && memcmp (&w->confidences[i].value, &value, sizeof value) == 0)
      {
        put (w, w->confidences[i].text, w->confidences[i].length);
        return;
      }
  {
    char text[G_ASCII_DTOSTR_BUF_SIZE];
    gsize length = strlen (g_ascii_formatd (text, sizeof text, "%.2f", value));
    guint slot = w->next_confidence++ % G_N_ELEMENTS (w->confidences);

    if (length < sizeof w->confidences[slot].text)
      {
        w->confidences[slot].value = value;
        memcpy (w->confidences[slot].text, text, length);
        w->confidences[slot].length = length;
      }
    put (w, text, length);
  }
}

static void
write_quote (Writer                *w,
             const QuotesJsonQuote *quote)
{
  open_container (w, NULL, '{');
  member_int (w, "id", quote->id);
  member_string (w, "kind", quotes_quote_kind_to_string (quote->kind));
  member_int (w, "start", quote->start);
  member_int (w, "end", quote->end);
  begin_value (w, "text");
  append_string (w, quote->text, quote->length);
  member_span (w, "cue", quote->cue);
  member_span (w, "source", quote->source);
  member_id (w, "speaker", quote->speaker);
  member_id (w, "post", quote->post);
  begin_value (w, "confidence");
  put_confidence (w, quote->confidence);
  close_container (w, '}');
}

static void
write_entity (Writer                 *w,
              const QuotesJsonEntity *entity)
{
  open_container (w, NULL, '{');
  member_int (w, "id", entity->id);
  member_string (w, "type", quotes_entity_type_to_string (entity->type));
  member_string (w, "name", entity->name);
  member_string (w, "title", entity->title);
  open_container (w, "aliases", '[');
  for (guint i = 0; i < entity->n_aliases; i++)
    member_string (w, NULL, entity->aliases[i]);
  close_container (w, ']');
  open_container (w, "mentions", '[');
  for (guint i = 0; i < entity->n_mentions; i++)
    member_span (w, NULL, &entity->mentions[i]);
  close_container (w, ']');
  open_container (w, "quotes", '[');
  for (guint i = 0; i < entity->n_quotes; i++)
    member_int (w, NULL, entity->quotes[i]);
  close_container (w, ']');
  close_container (w, '}');
}

static void
write_post (Writer               *w,
            const QuotesJsonPost *post)
{
  open_container (w, NULL, '{');
  member_int (w, "id", post->id);
  member_string (w, "platform", quotes_platform_to_string (post->platform));
  member_string (w, "author", post->author);
  member_string (w, "handle", post->handle);
  member_string (w, "date", post->date);
  member_string (w, "url", post->url);
  member_int (w, "start", post->start);
  member_int (w, "end", post->end);
  begin_value (w, "text");
  append_string (w, post->text, post->length);
  member_id (w, "speaker", post->speaker);
  close_container (w, '}');
}

static void
write_source (Writer           *w,
              QuotesJsonSource *source)
{
  put_c (w, '{');
  w->depth = 1;
  w->first = TRUE;
  member_int (w, "version", FORMAT_VERSION);
  member_int (w, "length", source->length);

  open_container (w, "quotes", '[');
  for (guint i = 0; i < source->n_quotes && !w->failed; i++)
    {
      QuotesJsonQuote quote;

      source->quote (source, i, &quote);
      write_quote (w, &quote);
    }
  close_container (w, ']');

  open_container (w, "entities", '[');
  for (guint i = 0; i < source->n_entities && !w->failed; i++)
    {
      QuotesJsonEntity entity;

      source->entity (source, i, &entity);
      write_entity (w, &entity);
    }
  close_container (w, ']');

  open_container (w, "posts", '[');
  for (guint i = 0; i < source->n_posts && !w->failed; i++)
    {
      QuotesJsonPost post;

      source->post (source, i, &post);
      write_post (w, &post);
    }
  close_container (w, ']');

  w->depth = 0;
  put_literal (w, "\n}");
}

gboolean
quotes_json_write_source_to (QuotesJsonSource  *source,
                             GOutputStream     *out,
                             GCancellable      *cancellable,
                             GError           **error)
{
  Writer w = { g_string_sized_new (FLUSH_AT * 2), out, cancellable, error, FALSE, 0, TRUE };

  make_digit_quads ();
  writer_start (&w);
  write_source (&w, source);
  put_c (&w, '\n');
  flush (&w);
  g_string_free (w.buffer, TRUE);
  return !w.failed;
}

/* The analysis objects as a source. */
typedef struct
{
  QuotesJsonSource  source;
  QuotesAnalysis   *analysis;
  QuotesJsonSpan    cue;
  QuotesJsonSpan    speaker_source;
  GArray           *mentions;  /* QuotesJsonSpan, of the entity asked for last */
} AnalysisSource;

static const QuotesJsonSpan *
span_of (const QuotesSpan *span,
         QuotesJsonSpan   *out,
         gboolean          with_text)
{
  if (span == NULL)
    return NULL;
  *out = (QuotesJsonSpan) { span->start, span->end, with_text ? span->text : NULL,
                            with_text ? strlen (span->text) : 0 };
  return out;
}

static void
analysis_quote (QuotesJsonSource *source,
                guint             index,
                QuotesJsonQuote  *out)
{
  AnalysisSource *self = (AnalysisSource *) source;
  QuotesQuote *quote = g_ptr_array_index (quotes_analysis_get_quotes (self->analysis), index);
  const char *text = quotes_quote_get_text (quote);

  *out = (QuotesJsonQuote) {
    quotes_quote_get_id (quote), quotes_quote_get_kind (quote),
    quotes_quote_get_start (quote), quotes_quote_get_end (quote), text, strlen (text),
    span_of (quotes_quote_get_cue (quote), &self->cue, TRUE),
    span_of (quotes_quote_get_source (quote), &self->speaker_source, TRUE),
    quotes_quote_get_speaker (quote), quotes_quote_get_post (quote), quotes_quote_get_confidence (quote),
  };
}

static void
analysis_entity (QuotesJsonSource *source,
                 guint             index,
                 QuotesJsonEntity *out)
{
  AnalysisSource *self = (AnalysisSource *) source;
  QuotesEntity *entity = g_ptr_array_index (quotes_analysis_get_entities (self->analysis), index);
  const char * const *aliases = quotes_entity_get_aliases (entity);
  GPtrArray *mentions = quotes_entity_get_mentions (entity);
  GArray *quotes = quotes_entity_get_quotes (entity);

  g_array_set_size (self->mentions, mentions->len);
  for (guint i = 0; i < mentions->len; i++)
    span_of (g_ptr_array_index (mentions, i), &g_array_index (self->mentions, QuotesJsonSpan, i), FALSE);
  *out = (QuotesJsonEntity) {
    quotes_entity_get_id (entity), quotes_entity_get_entity_type (entity),
    quotes_entity_get_name (entity), quotes_entity_get_title (entity),
    aliases, g_strv_length ((char **) aliases),
    (const QuotesJsonSpan *) (gpointer) self->mentions->data, mentions->len,
    (const guint *) (gpointer) quotes->data, quotes->len,
  };
}

static void
analysis_post (QuotesJsonSource *source,
               guint             index,
               QuotesJsonPost   *out)
{
  AnalysisSource *self = (AnalysisSource *) source;
  QuotesPost *post = g_ptr_array_index (quotes_analysis_get_posts (self->analysis), index);
  const char *text = quotes_post_get_text (post);

  *out = (QuotesJsonPost) {
    quotes_post_get_id (post), quotes_post_get_platform (post),
    quotes_post_get_author (post), quotes_post_get_handle (post),
    quotes_post_get_date (post), quotes_post_get_url (post),
    quotes_post_get_start (post), quotes_post_get_end (post), text, strlen (text),
    quotes_post_get_speaker (post),
  };
}

static void
analysis_source_init (AnalysisSource *self,
                      QuotesAnalysis *analysis)
{
  *self = (AnalysisSource) {
    {
      quotes_analysis_get_length (analysis),
      quotes_analysis_get_quotes (analysis)->len,
      quotes_analysis_get_entities (analysis)->len,
      quotes_analysis_get_posts (analysis)->len,
      analysis_quote, analysis_entity, analysis_post,
    },
    analysis,
  };
  self->mentions = g_array_new (FALSE, FALSE, sizeof (QuotesJsonSpan));
}

gboolean
quotes_json_write_to (QuotesAnalysis  *analysis,
                      GOutputStream   *out,
                      GCancellable    *cancellable,
                      GError         **error)
{
  AnalysisSource source;
  gboolean written;

  analysis_source_init (&source, analysis);
  written = quotes_json_write_source_to (&source.source, out, cancellable, error);
  g_array_unref (source.mentions);
  return written;
}

char *
quotes_json_write (QuotesAnalysis *analysis)
{
  Writer w = { g_string_new (NULL), NULL, NULL, NULL, FALSE, 0, TRUE };
  AnalysisSource source;

  analysis_source_init (&source, analysis);
  make_digit_quads ();
  writer_start (&w);
  write_source (&w, &source.source);
  g_array_unref (source.mentions);
  writer_sync (&w);
  w.buffer->str[w.buffer->len] = '\0';  /* put leaves it out; reserve kept room for it */
  return g_string_free (w.buffer, FALSE);
}
