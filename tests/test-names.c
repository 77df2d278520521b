/* SPDX-License-Identifier: GPL-2.0-or-later */

#include "quotes-document.h"
#include "quotes-names.h"

/* quotes_name_fold keys Latin letters with accents, apostrophes and dashes
 * without ICU; every such character, alone and after letters, must give
 * the key ICU gives. */
static void
test_accented_as_icu (void)
{
  guint checked = 0;

  for (gunichar c = 0x80; c <= 0x36F || (c >= 0x2000 && c <= 0x206F); c = c == 0x36F ? 0x2000 : c + 1)
    {
      char utf8[8] = { 0 };
      const char *shapes[] = { "%s", "a%sb", "A%sB", "O%sBrien", "%s%s", "é%s", "ß%s", "ø%s", "Æ%s" };

      if (!g_unichar_validate (c) || g_unichar_type (c) == G_UNICODE_CONTROL)
        continue;
      g_unichar_to_utf8 (c, utf8);
      for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
        {
          g_autofree char *name = g_strdup_printf (shapes[i], utf8, utf8);
          g_autofree char *fast = quotes_name_fold (name, -1);
          g_autofree char *icu = quotes_name_fold_transliterated (name, -1);

          if (g_strcmp0 (fast, icu) != 0)
            g_error ("U+%04X in “%s”: key “%s”, ICU gives “%s”", c, name, fast, icu);
          checked++;
        }
    }
  g_assert_cmpuint (checked, >, 1000);
}

static void
test_common_names (void)
{
  const char *names[] = { "José Rodríguez", "O’Brien", "Saba’ee", "Zelenskyy", "Ségolène Royal",
                          "Володимир Зеленський", "Jean-Claude Juncker", "Müller–Lüdenscheidt" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *fast = quotes_name_fold (names[i], -1);
      g_autofree char *icu = quotes_name_fold_transliterated (names[i], -1);

      g_assert_cmpstr (fast, ==, icu);
    }
}

/* The document keeps each token's name classes in 16 bits: every answer
 * the lexicon can give, any classes with any two genders, comes back the
 * same, and none packs to 0, which means "not asked yet". */
static void
test_classes_packed (void)
{
  for (guint classes = 0; classes < QUOTES_NAME_LOOKED_UP; classes++)
    for (guint honorific = QUOTES_GENDER_UNKNOWN; honorific <= QUOTES_GENDER_SELF; honorific++)
      for (guint first = QUOTES_GENDER_UNKNOWN; first <= QUOTES_GENDER_SELF; first++)
        {
          guint names = classes | QUOTES_NAME_LOOKED_UP |
                        honorific << QUOTES_NAME_HONORIFIC_GENDER_SHIFT |
                        first << QUOTES_NAME_FIRST_NAME_GENDER_SHIFT;

          g_assert_cmpuint (quotes_names_pack (names), !=, 0);
          g_assert_cmpuint (quotes_names_unpack (quotes_names_pack (names)), ==, names);
        }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/Names/accented-as-icu", test_accented_as_icu);
  g_test_add_func ("/Names/common-names", test_common_names);
  g_test_add_func ("/Names/classes-packed", test_classes_packed);
  return g_test_run ();
}
