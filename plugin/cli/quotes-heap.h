/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void quotes_heap_tune_for_large_texts (void);

G_END_DECLS
