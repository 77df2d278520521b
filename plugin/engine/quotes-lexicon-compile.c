/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * quotes-lexicon-compile OUTPUT.c: makes the lexicon from the word lists
 * and writes its image (see quotes-lexicon-private.h) as C source for the
 * library. Run by the build, on the machine the library is for.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "quotes-lexicon-private.h"

/* Octal escapes of three digits: no digit after one can extend it. */
static void
write_bytes (GString      *source,
             const guint8 *bytes,
             gsize         size)
{
  for (gsize i = 0; i < size; i++)
    {
      if (i % 32 == 0)
        g_string_append (source, i == 0 ? "  \"" : "\"\n  \"");
      g_string_append_printf (source, "\\%03o", bytes[i]);
    }
  g_string_append (source, "\"");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) source = g_string_new (NULL);
  QuotesLexicon *lexicon;
  GByteArray *image;

  if (argc != 2)
    {
      fprintf (stderr, "usage: quotes-lexicon-compile OUTPUT.c\n");
      return EXIT_FAILURE;
    }
  lexicon = quotes_lexicon_load_lists ();
  image = quotes_lexicon_write_image (lexicon);
  g_string_append (source,
                   "/* The lexicon's image, made from the word lists by quotes-lexicon-compile. */\n\n"
                   "#include \"quotes-lexicon-private.h\"\n\n"
                   "/* At a cache line, as the tables read in place want. */\n"
                   "#if defined(__GNUC__)\n"
                   "__attribute__ ((aligned (64)))\n"
                   "#endif\n"
                   "const guint8 quotes_lexicon_image[] =\n");
  write_bytes (source, image->data, image->len);
  g_string_append_printf (source, ";\n\nconst gsize quotes_lexicon_image_size = %u;\n", image->len);
  if (!g_file_set_contents (argv[1], source->str, source->len, &error))
    {
      fprintf (stderr, "quotes-lexicon-compile: %s\n", error->message);
      return EXIT_FAILURE;
    }
  g_byte_array_unref (image);
  return EXIT_SUCCESS;
}
