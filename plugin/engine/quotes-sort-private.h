/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

/*
 * Sorting arrays that come nearly in order (mentions found in text order,
 * quote-mark pairs appended as they close) or in two ordered runs (names
 * found in a second pass, reported speech after quotes in marks): GLib's
 * sorts take n log n comparisons whatever the input.
 */

#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

#define QUOTES_SORT_MAX_ELEMENT 128  /* bytes: the records sorted this way are smaller */

/* Puts the @n elements of @size bytes at @all in the order a stable sort
 * with @compare gives, in linear time when each element is only a few
 * places from where it belongs: a stable insertion sort. FALSE when it
 * gives up after a few moves per element: what it did keeps equal
 * elements in their order, so a stable sort finishes with the same
 * result. */
static inline gboolean
quotes_sort_insertion (guint8       *all,
                       guint         n,
                       gsize         size,
                       GCompareFunc  compare)
{
  gsize budget = 8 * (gsize) n + 64;
  guint8 moving[QUOTES_SORT_MAX_ELEMENT];

  g_assert (size <= sizeof moving);
  for (guint i = 1; i < n; i++)
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
              return FALSE;
            }
          memcpy (all + j * size, all + (j - 1) * size, size);
          j--;
        }
      memcpy (all + j * size, moving, size);
    }
  return TRUE;
}

/* Puts @array in the order g_array_sort gives with @compare, which is
 * stable, in linear time when each element is only a few places from
 * where it belongs (see quotes_sort_insertion), else with g_array_sort.
 * Inline, so that @compare is inlined where it is a known function. */
static inline void
quotes_sort_nearly_in_order (GArray       *array,
                             GCompareFunc  compare)
{
  if (!quotes_sort_insertion ((guint8 *) array->data, array->len, g_array_get_element_size (array), compare))
    g_array_sort (array, compare);
}

/* Whether the elements of @array (of @size bytes) from @from to @to are
 * in the order @compare gives. */
static inline gboolean
quotes_sort_is_in_order (const GArray *array,
                         guint         from,
                         guint         to,
                         gsize         size,
                         GCompareFunc  compare)
{
  const guint8 *all = (const guint8 *) array->data;

  for (guint i = from + 1; i < to; i++)
    if (compare (all + (gsize) (i - 1) * size, all + (gsize) i * size) > 0)
      return FALSE;
  return TRUE;
}

/* Puts the @n elements of @size bytes at @all from @split on, in order
 * among themselves, among those before it, in order too: the order a
 * stable sort with @compare gives (on a tie the element before @split
 * first), in linear time. Merged from the back, in place: only the
 * elements from @split on are copied aside. @size is a constant where it
 * is called, so that the copies are inlined. */
static inline void
quotes_sort_merge (guint8       *all,
                   guint         split,
                   guint         n,
                   gsize         size,
                   GCompareFunc  compare)
{
  guint left = split, right = n - split, out = n;
  g_autofree guint8 *added = NULL;

  if (left == 0 || right == 0 || compare (all + (gsize) (left - 1) * size, all + (gsize) left * size) <= 0)
    return;
  added = g_memdup2 (all + (gsize) split * size, (gsize) right * size);
  /* The last one of the two first. */
  while (right > 0)
    {
      out--;
      if (left > 0 && compare (all + (gsize) (left - 1) * size, added + (gsize) (right - 1) * size) > 0)
        memcpy (all + (gsize) out * size, all + (gsize) --left * size, size);
      else
        memcpy (all + (gsize) out * size, added + (gsize) --right * size, size);
    }
}

/* quotes_sort_merge on the whole of @array. */
static inline void
quotes_sort_merge_runs (GArray       *array,
                        guint         split,
                        gsize         size,
                        GCompareFunc  compare)
{
  g_assert (size == g_array_get_element_size (array));
  quotes_sort_merge ((guint8 *) array->data, split, array->len, size, compare);
}

G_END_DECLS
