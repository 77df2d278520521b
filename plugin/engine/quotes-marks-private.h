/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Internal to the engine library: hidden, so that its files call each other
 * directly, not through the PLT, and the compiler may inline. */
#pragma GCC visibility push(hidden)

gboolean quotes_marks_is_mark    (gunichar c);
gboolean quotes_marks_is_opening (gunichar c);

#pragma GCC visibility pop

G_END_DECLS
