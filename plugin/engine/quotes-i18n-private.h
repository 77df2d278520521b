/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Internal to the engine library: hidden, so that its files call each other
 * directly, not through the PLT, and the compiler may inline. */
#pragma GCC visibility push(hidden)

/* Binds the engine's gettext domain to its catalogues, once, unless the
 * application bound it already. Call before the engine first translates. */
void quotes_i18n_init (void);

#pragma GCC visibility pop

G_END_DECLS
