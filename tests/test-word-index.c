/* SPDX-License-Identifier: GPL-2.0-or-later */

#include <string.h>

#include "quotes-word-index.h"

/* Words of every length up to 40, at every alignment: the hash reads them
 * in chunks and overlapping loads, and must find each, and only each. */
static void
test_lookup_every_length (void)
{
  const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN";
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  QuotesWordIndex index;

  for (gsize n = 1; n < sizeof letters; n++)
    g_hash_table_insert (table, g_strndup (letters, n), GSIZE_TO_POINTER (n));
  quotes_word_index_init (&index, table);
  for (gsize n = 1; n < sizeof letters; n++)
    for (gsize shift = 0; shift < 8; shift++)
      {
        char text[64] = "........";
        gpointer value = NULL;

        memcpy (text + shift, letters, n);
        g_assert_true (quotes_word_index_lookup (&index, text + shift, n, &value));
        g_assert_cmpuint (GPOINTER_TO_SIZE (value), ==, n);
        text[shift + n - 1] = '.';
        g_assert_false (quotes_word_index_lookup (&index, text + shift, n, NULL));
      }
  quotes_word_index_clear (&index);
}

/* The tokenizer hashes eight bytes at a time as it lower-cases: the same
 * as quotes_word_hash of the whole word, whose last chunk is read with
 * overlapping loads; here byte by byte. */
static void
test_hash_in_chunks (void)
{
  const char word[] = "internationalisation-of-the-words";

  for (gsize n = 0; n < sizeof word; n++)
    {
      guint64 hash = 0;

      for (gsize i = 0; i < n; i += 8)
        {
          guint64 chunk = 0;

          for (gsize k = 0; k < 8 && i + k < n; k++)
            chunk |= (guint64) (guchar) word[i + k] << (8 * k);
          hash = quotes_word_hash_chunk (hash, chunk);
        }
      g_assert_cmpuint (quotes_word_hash_end (hash, n), ==, quotes_word_hash (word, n));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/WordIndex/lookup-every-length", test_lookup_every_length);
  g_test_add_func ("/WordIndex/hash-in-chunks", test_hash_in_chunks);
  return g_test_run ();
}
