/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

/*
 * Sorting arrays that come nearly in order (mentions found in text order,
 * quote-mark pairs appended as they close): GLib's sorts take n log n
 * comparisons whatever the input.
 */

#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

#define QUOTES_SORT_MAX_ELEMENT 128  /* bytes: the records sorted this way are smaller */

/* Puts @array in the order g_array_sort gives with @compare, which is
 * stable, in linear time when each element is only a few places from
 * where it belongs: a stable insertion sort that gives up after a few
 * moves per element and lets g_array_sort finish (what it did keeps
 * equal elements in their order, so the result is the same). Inline, so
 * that @compare is inlined where it is a known function. */
static inline void
quotes_sort_nearly_in_order (GArray       *array,
                             GCompareFunc  compare)
{
  guint8 *all = (guint8 *) array->data;
  gsize size = g_array_get_element_size (array);
  gsize budget = 8 * (gsize) array->len + 64;
  guint8 moving[QUOTES_SORT_MAX_ELEMENT];

  g_assert (size <= sizeof moving);
  for (guint i = 1; i < array->len; i++)
    {
      guint j = i;

      if (compare (all + (i - 1) * size, all + i * size) <= 0)
        continue;
      memcpy (moving, all + i * size, size);
      while (j > 0 && compare (all + (j - 1) * size, moving) > 0)
        {
          if (budget-- == 0)
            {
              memcpy (all + j * size, moving, size);
              g_array_sort (array, compare);
              return;
            }
          memcpy (all + j * size, all + (j - 1) * size, size);
          j--;
        }
      memcpy (all + j * size, moving, size);
    }
}

G_END_DECLS
