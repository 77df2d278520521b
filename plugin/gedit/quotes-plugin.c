/* SPDX-License-Identifier: GPL-2.0-or-later */

/* The entry point libpeas looks for in libquotes.so. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpeas/peas.h>

#include "quotes-configurable.h"
#include "quotes-window-activatable.h"

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  /* The panel, watcher and highlighter are static types, and so is all of
   * the analysis library: once registered, this module must stay loaded. */
  g_type_module_use (G_TYPE_MODULE (module));

  quotes_window_activatable_register (G_TYPE_MODULE (module));
  quotes_configurable_register (G_TYPE_MODULE (module));
  peas_object_module_register_extension_type (module, GEDIT_TYPE_WINDOW_ACTIVATABLE,
                                              QUOTES_TYPE_WINDOW_ACTIVATABLE);
  peas_object_module_register_extension_type (module, PEAS_GTK_TYPE_CONFIGURABLE,
                                              QUOTES_TYPE_CONFIGURABLE);
}
