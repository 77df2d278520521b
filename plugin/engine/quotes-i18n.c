/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * The engine translates its own messages (errors, the headings of the
 * Markdown report) with dgettext() in GETTEXT_PACKAGE, whatever text
 * domain the application uses: gedit's is "gedit", a program using the
 * engine through GObject introspection may have none. The domain is the
 * plugin's and quotes-scan's too, and they may have bound it first, to
 * the build tree's catalogues in the tests for one: a binding already
 * made is kept.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "quotes-i18n-private.h"

/* A domain nobody bound is looked for in gettext's default directory,
 * the one bindtextdomain() names for a domain that is never bound. */
static gboolean
domain_is_bound (void)
{
  const char *ours = bindtextdomain (GETTEXT_PACKAGE, NULL);
  const char *fallback = bindtextdomain (GETTEXT_PACKAGE "-unbound", NULL);

  return ours != NULL && g_strcmp0 (ours, fallback) != 0;
}

static gpointer
bind_domain (gpointer data)
{
  if (!domain_is_bound ())
    bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  /* The engine's strings go into GLib, which wants UTF-8. */
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  return NULL;
}

void
quotes_i18n_init (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, bind_domain, NULL);
}
