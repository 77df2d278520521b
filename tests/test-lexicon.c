/* SPDX-License-Identifier: GPL-2.0-or-later */

#include <string.h>

#include "quotes-document.h"
#include "quotes-lexicon-private.h"

/* Made from the word lists once, kept to the end (for leak checkers). */
static QuotesLexicon *from_lists;

static QuotesLexicon *
lexicon_from_lists (void)
{
  if (from_lists == NULL)
    from_lists = quotes_lexicon_load_lists ();
  return from_lists;
}

static void
assert_same_index (const QuotesPackedWordIndex *a,
                   const QuotesPackedWordIndex *b)
{
  g_assert_cmpuint (a->mask, ==, b->mask);
  g_assert_cmpmem (a->slots, ((gsize) a->mask + 1) * sizeof *a->slots, b->slots, ((gsize) b->mask + 1) * sizeof *b->slots);
}

static void
assert_same_short_keys (const ShortKeys *a,
                        const ShortKeys *b)
{
  gsize n = (gsize) a->mask + 1;

  g_assert_cmpuint (a->mask, ==, b->mask);
  g_assert_true ((a->words == NULL) == (b->words == NULL));
  if (a->words == NULL)
    return;
  g_assert_cmpmem (a->words, n * sizeof *a->words, b->words, n * sizeof *b->words);
  g_assert_cmpmem (a->values, n * sizeof *a->values, b->values, n * sizeof *b->values);
}

/* Every table of @a as in @b, to the byte: the same look-ups then give
 * the same answers. */
static void
assert_same_lexicon (QuotesLexicon *a,
                     QuotesLexicon *b)
{
  WordTable *tables_a[QUOTES_LEXICON_N_TABLES], *tables_b[QUOTES_LEXICON_N_TABLES];
  gsize short_words = ((gsize) a->short_mask + 1) * QUOTES_DENSE_SHORT_SLOTS * sizeof (guint64);
  gsize mid_words = ((gsize) a->mid_mask + 1) * 2 * QUOTES_DENSE_MID_SLOTS * sizeof (guint64);

  quotes_lexicon_word_tables (a, tables_a);
  quotes_lexicon_word_tables (b, tables_b);
  for (guint i = 0; i < QUOTES_LEXICON_N_TABLES; i++)
    {
      g_assert_cmpuint (tables_a[i]->max_words, ==, tables_b[i]->max_words);
      assert_same_index (&tables_a[i]->packed, &tables_b[i]->packed);
      assert_same_index (&tables_a[i]->packed_starts, &tables_b[i]->packed_starts);
      assert_same_short_keys (&tables_a[i]->short_index, &tables_b[i]->short_index);
      assert_same_short_keys (&tables_a[i]->short_starts, &tables_b[i]->short_starts);
    }
  g_assert_cmpmem (a->abbreviation_shapes, sizeof a->abbreviation_shapes, b->abbreviation_shapes, sizeof b->abbreviation_shapes);
  assert_same_index (&a->nationalities, &b->nationalities);
  assert_same_index (&a->org_aliases, &b->org_aliases);
  assert_same_index (&a->names, &b->names);
  g_assert_cmpmem (a->name_filter, NAME_FILTER_BITS / 8, b->name_filter, NAME_FILTER_BITS / 8);
  g_assert_cmpuint (a->short_names_mask, ==, b->short_names_mask);
  g_assert_cmpmem (a->short_names, ((gsize) a->short_names_mask + 1) * sizeof (ShortName),
                   b->short_names, ((gsize) b->short_names_mask + 1) * sizeof (ShortName));
  g_assert_cmpuint (a->boilerplate_count, ==, b->boilerplate_count);
  g_assert_cmpmem (a->boilerplate, a->boilerplate_count * sizeof (guint32), b->boilerplate, b->boilerplate_count * sizeof (guint32));
  g_assert_cmpmem (a->boilerplate_lengths, a->boilerplate_count * sizeof (guint32),
                   b->boilerplate_lengths, b->boilerplate_count * sizeof (guint32));
  g_assert_cmpmem (a->boilerplate_from, sizeof a->boilerplate_from, b->boilerplate_from, sizeof b->boilerplate_from);
  assert_same_index (&a->word_classes, &b->word_classes);
  g_assert_cmpuint (a->short_mask, ==, b->short_mask);
  g_assert_cmpmem (a->short_words, short_words, b->short_words, short_words);
  g_assert_cmpmem (a->short_overflow, a->short_mask / 8 + 1, b->short_overflow, b->short_mask / 8 + 1);
  g_assert_cmpuint (a->mid_mask, ==, b->mid_mask);
  g_assert_cmpmem (a->mid_words, mid_words, b->mid_words, mid_words);
  g_assert_cmpmem (a->mid_overflow, a->mid_mask / 8 + 1, b->mid_overflow, b->mid_mask / 8 + 1);
  /* An image's strings end in one NUL more. */
  g_assert_cmpmem (a->strings, MIN (a->strings_size, b->strings_size), b->strings, MIN (a->strings_size, b->strings_size));
}

/* The image the library holds is what its word lists make now: a build
 * that left it behind a changed list would fail here. */
static void
test_library_image_is_the_lists (void)
{
  assert_same_lexicon (quotes_lexicon_get_default (), lexicon_from_lists ());
}

/* An image in memory the library did not build, read back. */
static void
test_round_trip (void)
{
  g_autoptr(GByteArray) image = quotes_lexicon_write_image (lexicon_from_lists ());
  guint8 *aligned = g_aligned_alloc (image->len, 1, QUOTES_LEXICON_IMAGE_ALIGN);
  QuotesLexicon *read;

  memcpy (aligned, image->data, image->len);
  read = quotes_lexicon_read_image (aligned, image->len);
  assert_same_lexicon (read, lexicon_from_lists ());
  g_free (read);
  g_aligned_free (aligned);
}

/* A damaged image stops the program with a message, rather than giving
 * wrong answers or reading out of bounds. */
static void
test_damaged_image (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GByteArray) image = quotes_lexicon_write_image (lexicon_from_lists ());
      guint8 *aligned = g_aligned_alloc (image->len, 1, QUOTES_LEXICON_IMAGE_ALIGN);

      memcpy (aligned, image->data, image->len);
      /* Cut short: the header's size no longer matches. */
      quotes_lexicon_read_image (aligned, image->len / 2);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*lexicon built into the library is damaged*");
}

/* What the lists say, through the look-ups the stages use, on the
 * library's lexicon: a word of each kind of table. */
static void
test_look_ups (void)
{
  QuotesLexicon *lexicon = quotes_lexicon_get_default ();
  guint gender = 0;

  g_assert_true (quotes_lexicon_cue_flags (lexicon, "said") & QUOTES_CUE_QUOTATION);
  g_assert_false (quotes_lexicon_cue_flags (lexicon, "table") & QUOTES_CUE_QUOTATION);
  g_assert_true (quotes_lexicon_first_name (lexicon, "Jane", -1, &gender));
  g_assert_cmpuint (gender, ==, QUOTES_GENDER_FEMALE);
  g_assert_true (quotes_lexicon_name_classes (lexicon, "Jane", 4) & QUOTES_NAME_FIRST_NAME);
  g_assert_cmpstr (quotes_lexicon_nationality (lexicon, "Ukrainian", -1), ==, "Ukraine");
  g_assert_null (quotes_lexicon_nationality (lexicon, "Ukraine", -1));
  g_assert_cmpstr (quotes_lexicon_org_alias (lexicon, "HuffPost"), ==, "Huffington Post");
  g_assert_true (quotes_lexicon_is_place (lexicon, "Sindh", -1));  /* from iso-codes */
  g_assert_true (quotes_lexicon_is_known_org (lexicon, "Bayern Munich", -1));
  g_assert_true (quotes_lexicon_word_classes (lexicon, "government") & QUOTES_WORD_COMMON);
  g_assert_false (quotes_lexicon_word_classes (lexicon, "zelenskiy") & QUOTES_WORD_COMMON);
  g_assert_true (quotes_lexicon_is_boilerplate_line (lexicon, "Also Read", strlen ("Also Read")));
  g_assert_false (quotes_lexicon_is_boilerplate_line (lexicon, "Also Reading", strlen ("Also Reading")));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/Lexicon/library-image-is-the-lists", test_library_image_is_the_lists);
  g_test_add_func ("/Lexicon/round-trip", test_round_trip);
  g_test_add_func ("/Lexicon/damaged-image", test_damaged_image);
  g_test_add_func ("/Lexicon/look-ups", test_look_ups);
  return g_test_run ();
}
