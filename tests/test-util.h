/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>

/* Adds --keep-going to the arguments: GLib stops at the first failing test
 * unless told otherwise, and one run should show everything that is wrong. */
char **test_util_keep_going   (int         *argc,
                               char       **argv);

/* The contents of a file of tests/fixtures (QUOTES_FIXTURES_DIR, else
 * FIXTURES_DIR as built in); fails the test when it cannot be read. */
char  *test_util_read_fixture (const char  *name);
