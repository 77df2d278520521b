/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Binds the engine's gettext domain to its catalogues, once, unless the
 * application bound it already. Call before the engine first translates. */
void quotes_i18n_init (void);

G_END_DECLS
