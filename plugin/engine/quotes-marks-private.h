/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean quotes_marks_is_mark    (gunichar c);
gboolean quotes_marks_is_opening (gunichar c);

G_END_DECLS
