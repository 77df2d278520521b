/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include "quotes-enums.h"

G_BEGIN_DECLS

/* Internal to the engine library: hidden, so that its files call each other
 * directly, not through the PLT, and the compiler may inline. */
#pragma GCC visibility push(hidden)

/*
 * One social-media post the text cites: an embedded post (its text followed
 * by a signature such as "— Name (@handle) March 15, 2025", on the next line
 * or on the same one), or a post URL on its own. Offsets are BYTE offsets into the analysed UTF-8 text,
 * end exclusive; the result stage converts them to code points.
 */
typedef struct
{
  gsize           start;       /* the whole cited post: text + signature, or the URL */
  gsize           end;
  gsize           text_start;  /* the post's own text; text_start == text_end when none */
  gsize           text_end;
  QuotesPlatform  platform;
  char           *author;      /* as written in the signature, or NULL */
  char           *handle;      /* "@name" or NULL */
  char           *date;        /* "YYYY-MM-DD" or NULL */
  char           *url;         /* or NULL */
} QuotesPostSpan;

/* Finds the cited posts of @text (@length bytes, valid UTF-8, no NUL).
 * Returns a GArray of QuotesPostSpan sorted by start, non-overlapping, whose
 * clear func frees the strings. Linear in @length. */
GArray *quotes_posts_find (const char *text,
                           gsize       length);

/* Reads the embed element that opens the line from @start to @end of
 * @text ("<tweet author=… datetime=…>…</tweet>", "<tweet tweet-id=…>") into
 * @post, a post of X with what its attributes tell: handle, date, and its
 * id as a URL. Returns FALSE, @post untouched, when the line opens no such
 * element. */
gboolean quotes_posts_read_markup (const char     *text,
                                   gsize           start,
                                   gsize           end,
                                   QuotesPostSpan *post);

/* Reads the date that makes up @text (@length bytes, or -1 if NUL-terminated;
 * spaces around it are allowed): "March 15, 2025", "Mar 15, 2025",
 * "Mar. 15, 2025", "15 March 2025" or "2025-03-15". Returns it as
 * "YYYY-MM-DD", or NULL when @text is no such date. */
char   *quotes_posts_parse_date (const char *text,
                                 gssize      length);

#pragma GCC visibility pop

G_END_DECLS
