/* SPDX-License-Identifier: GPL-2.0-or-later */

#include "test-util.h"

char **
test_util_keep_going (int   *argc,
                      char **argv)
{
  char **args = g_new0 (char *, *argc + 2);

  args[0] = argv[0];
  args[1] = (char *) "--keep-going";
  for (int i = 1; i < *argc; i++)
    args[i + 1] = argv[i];
  (*argc)++;
  return args;
}

char *
test_util_read_fixture (const char *name)
{
  const char *dir = g_getenv ("QUOTES_FIXTURES_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

#ifdef FIXTURES_DIR
  if (dir == NULL)
    dir = FIXTURES_DIR;
#endif
  g_assert_nonnull (dir);
  path = g_build_filename (dir, name, NULL);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}
