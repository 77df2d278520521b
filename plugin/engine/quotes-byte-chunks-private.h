/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

/*
 * Tests on eight bytes of text at a time, for the tokenizer, the post
 * links, the UTF-8 check, the JSON and the offsets: a word costs one test
 * rather than a loop with a mispredicted exit.
 * Written here because no library offers byte-wise range tests on a word.
 */

#include <glib.h>

G_BEGIN_DECLS

#define QUOTES_BYTES(b) (G_GUINT64_CONSTANT (0x0101010101010101) * (b))

/* 0x80 in each byte of @chunk that lies between @low and @high: for bytes
 * below 0x80, where the sums cannot carry into the next byte. */
static inline guint64
quotes_bytes_between (guint64 chunk,
                      guchar  low,
                      guchar  high)
{
  return (chunk + QUOTES_BYTES (0x80 - low)) & ~(chunk + QUOTES_BYTES (0x7f - high)) & QUOTES_BYTES (0x80);
}

/* All bits of the first @n bytes of a chunk (the low ones), @n up to 8. */
static inline guint64
quotes_first_bytes (gsize n)
{
  return n >= 8 ? ~G_GUINT64_CONSTANT (0) : (G_GUINT64_CONSTANT (1) << (8 * n)) - 1;
}

/* 0x20 added to each byte of @chunk from 'A' to 'Z' ('A' | 0x20 is 'a'). For
 * ASCII bytes only: then the sums cannot carry from one byte into the next. */
static inline guint64
quotes_ascii_lower_chunk (guint64 chunk)
{
  return chunk | (quotes_bytes_between (chunk, 'A', 'Z') >> 2);
}

/* Whether any of the eight bytes of @word is zero: exact, as a test of the
 * whole word. */
static inline gboolean
quotes_has_zero_byte (guint64 word)
{
  return ((word - QUOTES_BYTES (0x01)) & ~word & QUOTES_BYTES (0x80)) != 0;
}

/* The index of the lowest set bit of @x, which is not 0. */
#if defined(__GNUC__)
#define quotes_lowest_bit(x) ((guint) __builtin_ctzll (x))
#else
#define quotes_lowest_bit(x) ((guint) g_bit_nth_lsf ((x), -1))
#endif

G_END_DECLS
