/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void quotes_release_in_thread (gpointer       data,
                               GDestroyNotify destroy);

G_END_DECLS
