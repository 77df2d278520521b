/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * The plugin's preferences, opened from gedit's plugin manager: what to
 * highlight and list. Each switch is bound to its GSettings key, so every
 * window follows at once.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "quotes-configurable.h"

struct _QuotesConfigurable
{
  GObject parent_instance;
};

static void peas_gtk_configurable_iface_init (PeasGtkConfigurableInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (QuotesConfigurable,
                                quotes_configurable,
                                G_TYPE_OBJECT,
                                G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (PEAS_GTK_TYPE_CONFIGURABLE,
                                                               peas_gtk_configurable_iface_init))

static void
add_switch (GtkBox     *box,
            GSettings  *settings,
            const char *key,
            const char *label)
{
  GtkWidget *check = gtk_check_button_new_with_mnemonic (label);

  g_settings_bind (settings, key, check, "active", G_SETTINGS_BIND_DEFAULT);
  gtk_box_pack_start (box, check, FALSE, FALSE, 0);
}

/**
 * quotes_preferences_widget_new:
 * @settings: the plugin's settings
 *
 * Returns: (transfer floating): the preferences, bound to @settings
 */
GtkWidget *
quotes_preferences_widget_new (GSettings *settings)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_container_set_border_width (GTK_CONTAINER (box), 12);
  add_switch (GTK_BOX (box), settings, "highlight-quotes", _("_Highlight quotations in the text"));
  add_switch (GTK_BOX (box), settings, "show-reported-speech", _("Show _reported speech (without quote marks)"));
  add_switch (GTK_BOX (box), settings, "show-scare-quotes", _("Show _scare quotes and titles"));
  gtk_widget_show_all (box);
  return box;
}

static GtkWidget *
quotes_configurable_create_configure_widget (PeasGtkConfigurable *configurable)
{
  g_autoptr(GSettings) settings = g_settings_new (QUOTES_SETTINGS_SCHEMA);

  return quotes_preferences_widget_new (settings);
}

static void
quotes_configurable_class_init (QuotesConfigurableClass *klass)
{
}

static void
quotes_configurable_class_finalize (QuotesConfigurableClass *klass)
{
}

static void
quotes_configurable_init (QuotesConfigurable *self)
{
}

static void
peas_gtk_configurable_iface_init (PeasGtkConfigurableInterface *iface)
{
  iface->create_configure_widget = quotes_configurable_create_configure_widget;
}

void
quotes_configurable_register (GTypeModule *module)
{
  quotes_configurable_register_type (module);
}
