/* SPDX-License-Identifier: GPL-2.0-or-later */

/* The entry point libpeas looks for in libquotes.so. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpeas/peas.h>

#include "quotes-configurable.h"
#include "quotes-window-activatable.h"

/* A plugin installed for one user (tools/install-user) carries its
 * translations in a locale folder beside it; an installed one uses the
 * system's. */
static void
bind_translations (PeasObjectModule *module)
{
  const char *module_dir = peas_object_module_get_path (module);
  g_autofree char *private_dir = NULL;

  if (module_dir != NULL)
    private_dir = g_build_filename (module_dir, "locale", NULL);

  if (private_dir != NULL && g_file_test (private_dir, G_FILE_TEST_IS_DIR))
    bindtextdomain (GETTEXT_PACKAGE, private_dir);
  else
    bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
}

G_MODULE_EXPORT void
peas_register_types (PeasObjectModule *module)
{
  bind_translations (module);

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
