/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <gedit/gedit-window.h>
#include <gedit/gedit-window-activatable.h>

G_BEGIN_DECLS

#define QUOTES_TYPE_WINDOW_ACTIVATABLE (quotes_window_activatable_get_type ())

G_DECLARE_FINAL_TYPE (QuotesWindowActivatable, quotes_window_activatable, QUOTES, WINDOW_ACTIVATABLE, GObject)

void quotes_window_activatable_register (GTypeModule *module);

G_END_DECLS
