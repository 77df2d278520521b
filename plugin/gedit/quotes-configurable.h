/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <libpeas-gtk/peas-gtk.h>

G_BEGIN_DECLS

#define QUOTES_TYPE_CONFIGURABLE (quotes_configurable_get_type ())

G_DECLARE_FINAL_TYPE (QuotesConfigurable, quotes_configurable, QUOTES, CONFIGURABLE, GObject)

#define QUOTES_SETTINGS_SCHEMA "org.gnome.gedit.plugins.quotes"

void       quotes_configurable_register          (GTypeModule *module);
GtkWidget *quotes_preferences_widget_new         (GSettings   *settings);

G_END_DECLS
