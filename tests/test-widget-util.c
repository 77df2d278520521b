/* SPDX-License-Identifier: GPL-2.0-or-later */

#include "test-widget-util.h"

GtkWidget *
test_util_find_descendant (GtkWidget *widget,
                           GType      type)
{
  g_autoptr(GList) children = NULL;

  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  if (!GTK_IS_CONTAINER (widget))
    return NULL;

  children = gtk_container_get_children (GTK_CONTAINER (widget));
  for (GList *l = children; l != NULL; l = l->next)
    {
      GtkWidget *found = test_util_find_descendant (l->data, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}
