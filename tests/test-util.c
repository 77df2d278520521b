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
