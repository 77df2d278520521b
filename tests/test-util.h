/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>

/* Adds --keep-going to the arguments: GLib stops at the first failing test
 * unless told otherwise, and one run should show everything that is wrong. */
char **test_util_keep_going (int   *argc,
                             char **argv);
