/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * The plugin in one gedit window: adds the "Quotes" page to the side
 * panel, gives every document a watcher (its analysis, off the main loop)
 * and a highlighter, shows the active document's analysis in the panel,
 * and adds the quote navigation actions. Deactivation takes all of it
 * back: page, tags, handlers, actions.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gedit/gedit-app.h>
#include <gedit/gedit-document.h>
#include <gedit/gedit-tab.h>
#include <gedit/gedit-view.h>

#include "quotes-buffer-watcher.h"
#include "quotes-configurable.h"
#include "quotes-highlighter.h"
#include "quotes-panel.h"
#include "quotes-window-activatable.h"

#define PANEL_NAME "GeditQuotesPanel"

struct _QuotesWindowActivatable
{
  GObject      parent_instance;

  GeditWindow *window;
  GSettings   *settings;
  GtkWidget   *panel;
  GHashTable  *documents;    /* GeditDocument -> DocumentState */
  gulong       handlers[3];
};

typedef struct
{
  QuotesWindowActivatable *self;
  GeditDocument           *document;
  QuotesBufferWatcher     *watcher;
  QuotesHighlighter       *highlighter;
} DocumentState;

enum { PROP_0, PROP_WINDOW };

static void gedit_window_activatable_iface_init (GeditWindowActivatableInterface *iface);

G_DEFINE_DYNAMIC_TYPE_EXTENDED (QuotesWindowActivatable,
                                quotes_window_activatable,
                                G_TYPE_OBJECT,
                                G_TYPE_FLAG_FINAL,
                                G_IMPLEMENT_INTERFACE_DYNAMIC (GEDIT_TYPE_WINDOW_ACTIVATABLE,
                                                               gedit_window_activatable_iface_init))

static const struct
{
  const char *action;
  const char *accels[2];
} navigation[] = {
  { "quotes-next", { "<Primary><Alt>bracketright", NULL } },
  { "quotes-previous", { "<Primary><Alt>bracketleft", NULL } },
  { "quotes-attribution", { "<Primary><Alt>a", NULL } },
};

static const char * const settings_keys[] = { "highlight-quotes", "show-reported-speech", "show-scare-quotes" };

static void
document_state_free (gpointer data)
{
  DocumentState *state = data;

  g_signal_handlers_disconnect_by_data (state->watcher, state);
  /* A run under way holds the watcher: dispose it now, which cancels the
   * run, rather than when the run ends. */
  g_object_run_dispose (G_OBJECT (state->watcher));
  g_clear_object (&state->watcher);
  g_clear_object (&state->highlighter);
  g_free (state);
}

static GeditDocument *
active_document (QuotesWindowActivatable *self)
{
  return gedit_window_get_active_document (self->window);
}

static void
show_in_panel (QuotesWindowActivatable *self,
               DocumentState           *state)
{
  QuotesPanel *panel = QUOTES_PANEL (self->panel);

  quotes_panel_set_analysis (panel, quotes_buffer_watcher_get_analysis (state->watcher));
  quotes_panel_set_busy (panel, quotes_buffer_watcher_is_busy (state->watcher));
  quotes_panel_set_live (panel, quotes_buffer_watcher_get_live (state->watcher));
}

static void
on_analysis_changed (QuotesBufferWatcher *watcher,
                     DocumentState       *state)
{
  quotes_highlighter_set_analysis (state->highlighter, quotes_buffer_watcher_get_analysis (watcher));
  if (state->document == active_document (state->self))
    show_in_panel (state->self, state);
}

static void
on_busy_changed (QuotesBufferWatcher *watcher,
                 GParamSpec          *pspec,
                 DocumentState       *state)
{
  if (state->document == active_document (state->self))
    quotes_panel_set_busy (QUOTES_PANEL (state->self->panel), quotes_buffer_watcher_is_busy (watcher));
}

static void
on_live_changed (QuotesBufferWatcher *watcher,
                 GParamSpec          *pspec,
                 DocumentState       *state)
{
  if (state->document == active_document (state->self))
    quotes_panel_set_live (QUOTES_PANEL (state->self->panel), quotes_buffer_watcher_get_live (watcher));
}

/* The panel's "Analyse Now", for a document too long to analyse as it is
 * typed. */
static void
on_analyse (QuotesWindowActivatable *self)
{
  GeditDocument *document = active_document (self);
  DocumentState *state = document != NULL ? g_hash_table_lookup (self->documents, document) : NULL;

  if (state != NULL)
    quotes_buffer_watcher_queue (state->watcher);
}

static void
watch_document (QuotesWindowActivatable *self,
                GeditDocument           *document)
{
  DocumentState *state;

  if (g_hash_table_contains (self->documents, document))
    return;
  state = g_new0 (DocumentState, 1);
  state->self = self;
  state->document = document;
  state->watcher = quotes_buffer_watcher_new (GTK_TEXT_BUFFER (document));
  state->highlighter = quotes_highlighter_new (GTK_SOURCE_BUFFER (document));
  for (guint i = 0; i < G_N_ELEMENTS (settings_keys); i++)
    g_settings_bind (self->settings, settings_keys[i], state->highlighter, settings_keys[i], G_SETTINGS_BIND_GET);
  g_signal_connect (state->watcher, "analysis-changed", G_CALLBACK (on_analysis_changed), state);
  g_signal_connect (state->watcher, "notify::busy", G_CALLBACK (on_busy_changed), state);
  g_signal_connect (state->watcher, "notify::live", G_CALLBACK (on_live_changed), state);
  g_hash_table_insert (self->documents, document, state);
}

static void
follow_active_tab (QuotesWindowActivatable *self)
{
  GeditView *view = gedit_window_get_active_view (self->window);
  GeditDocument *document = active_document (self);
  DocumentState *state = document != NULL ? g_hash_table_lookup (self->documents, document) : NULL;

  quotes_panel_set_analysis (QUOTES_PANEL (self->panel), NULL);
  quotes_panel_set_view (QUOTES_PANEL (self->panel), view != NULL ? GTK_TEXT_VIEW (view) : NULL);
  if (state != NULL)
    show_in_panel (self, state);
}

static void
on_tab_added (QuotesWindowActivatable *self,
              GeditTab                *tab)
{
  watch_document (self, gedit_tab_get_document (tab));
}

static void
on_tab_removed (QuotesWindowActivatable *self,
                GeditTab                *tab)
{
  g_hash_table_remove (self->documents, gedit_tab_get_document (tab));
  follow_active_tab (self);
}

static void
on_navigation (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  QuotesWindowActivatable *self = user_data;
  QuotesPanel *panel = QUOTES_PANEL (self->panel);
  const char *name = g_action_get_name (G_ACTION (action));

  if (g_str_equal (name, "quotes-next"))
    quotes_panel_goto_next_quote (panel);
  else if (g_str_equal (name, "quotes-previous"))
    quotes_panel_goto_previous_quote (panel);
  else
    quotes_panel_goto_attribution (panel);
}

static void
add_actions (QuotesWindowActivatable *self)
{
  GtkApplication *app = GTK_APPLICATION (g_application_get_default ());

  for (guint i = 0; i < G_N_ELEMENTS (navigation); i++)
    {
      g_autoptr(GSimpleAction) action = g_simple_action_new (navigation[i].action, NULL);
      g_autofree char *detailed = g_strconcat ("win.", navigation[i].action, NULL);

      g_signal_connect (action, "activate", G_CALLBACK (on_navigation), self);
      g_action_map_add_action (G_ACTION_MAP (self->window), G_ACTION (action));
      if (app != NULL)
        gtk_application_set_accels_for_action (app, detailed, navigation[i].accels);
    }
}

static void
remove_actions (QuotesWindowActivatable *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (navigation); i++)
    g_action_map_remove_action (G_ACTION_MAP (self->window), navigation[i].action);
}

static void
quotes_window_activatable_activate (GeditWindowActivatable *activatable)
{
  QuotesWindowActivatable *self = QUOTES_WINDOW_ACTIVATABLE (activatable);
  GtkStack *side_panel = GTK_STACK (gedit_window_get_side_panel (self->window));
  GList *documents = gedit_window_get_documents (self->window);

  self->settings = g_settings_new (QUOTES_SETTINGS_SCHEMA);
  self->documents = g_hash_table_new_full (NULL, NULL, NULL, document_state_free);
  self->panel = g_object_ref_sink (quotes_panel_new ());
  g_settings_bind (self->settings, "show-reported-speech", self->panel, "show-reported-speech", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "show-scare-quotes", self->panel, "show-scare-quotes", G_SETTINGS_BIND_GET);
  g_signal_connect_swapped (self->panel, "analyse", G_CALLBACK (on_analyse), self);
  gtk_widget_show (self->panel);
  /* Translators: the title of the side-panel page */
  gtk_stack_add_titled (side_panel, self->panel, PANEL_NAME, _("Quotes"));

  for (GList *l = documents; l != NULL; l = l->next)
    watch_document (self, l->data);
  g_list_free (documents);

  self->handlers[0] = g_signal_connect_swapped (self->window, "tab-added", G_CALLBACK (on_tab_added), self);
  self->handlers[1] = g_signal_connect_swapped (self->window, "tab-removed", G_CALLBACK (on_tab_removed), self);
  self->handlers[2] = g_signal_connect_swapped (self->window, "active-tab-changed",
                                                G_CALLBACK (follow_active_tab), self);
  add_actions (self);
  follow_active_tab (self);
}

static void
quotes_window_activatable_deactivate (GeditWindowActivatable *activatable)
{
  QuotesWindowActivatable *self = QUOTES_WINDOW_ACTIVATABLE (activatable);
  GtkWidget *side_panel = GTK_WIDGET (gedit_window_get_side_panel (self->window));

  for (guint i = 0; i < G_N_ELEMENTS (self->handlers); i++)
    g_clear_signal_handler (&self->handlers[i], self->window);
  remove_actions (self);
  quotes_panel_set_view (QUOTES_PANEL (self->panel), NULL);
  gtk_container_remove (GTK_CONTAINER (side_panel), self->panel);
  g_clear_object (&self->panel);
  g_clear_pointer (&self->documents, g_hash_table_unref);
  g_clear_object (&self->settings);
}

static void
quotes_window_activatable_dispose (GObject *object)
{
  QuotesWindowActivatable *self = QUOTES_WINDOW_ACTIVATABLE (object);

  g_clear_pointer (&self->documents, g_hash_table_unref);
  g_clear_object (&self->panel);
  g_clear_object (&self->settings);
  g_clear_object (&self->window);
  G_OBJECT_CLASS (quotes_window_activatable_parent_class)->dispose (object);
}

static void
quotes_window_activatable_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  QuotesWindowActivatable *self = QUOTES_WINDOW_ACTIVATABLE (object);

  switch (prop_id)
    {
    case PROP_WINDOW:
      self->window = GEDIT_WINDOW (g_value_dup_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quotes_window_activatable_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  QuotesWindowActivatable *self = QUOTES_WINDOW_ACTIVATABLE (object);

  switch (prop_id)
    {
    case PROP_WINDOW:
      g_value_set_object (value, self->window);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quotes_window_activatable_class_init (QuotesWindowActivatableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = quotes_window_activatable_dispose;
  object_class->set_property = quotes_window_activatable_set_property;
  object_class->get_property = quotes_window_activatable_get_property;

  g_object_class_override_property (object_class, PROP_WINDOW, "window");
}

static void
quotes_window_activatable_class_finalize (QuotesWindowActivatableClass *klass)
{
}

static void
quotes_window_activatable_init (QuotesWindowActivatable *self)
{
}

static void
gedit_window_activatable_iface_init (GeditWindowActivatableInterface *iface)
{
  iface->activate = quotes_window_activatable_activate;
  iface->deactivate = quotes_window_activatable_deactivate;
}

void
quotes_window_activatable_register (GTypeModule *module)
{
  quotes_window_activatable_register_type (module);
}
