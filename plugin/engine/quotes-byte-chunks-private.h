/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

/*
 * Tests on eight bytes of text at a time, for the tokenizer and the post
 * links: a word costs one test rather than a loop with a mispredicted exit.
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

/* The index of the lowest set bit of @x, which is not 0. */
#if defined(__GNUC__)
#define quotes_lowest_bit(x) ((guint) __builtin_ctzll (x))
#else
#define quotes_lowest_bit(x) ((guint) g_bit_nth_lsf ((x), -1))
#endif

G_END_DECLS
