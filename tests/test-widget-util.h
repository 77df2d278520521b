/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <gtk/gtk.h>

/* The first widget of @type in @widget's tree, @widget included, or NULL. */
GtkWidget *test_util_find_descendant (GtkWidget *widget,
                                      GType      type);
