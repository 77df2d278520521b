/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Freeing the analysis of a long document (tens of thousands of quotes,
 * mentions and strings) takes longer than a frame; so does freeing the
 * panel's rows for it. They are handed to a worker thread instead, so
 * that a new analysis arriving never stalls typing. Nothing handed over
 * may be used afterwards, and it must not need the main loop to go.
 */

#include "config.h"

#include "quotes-release.h"

typedef struct
{
  gpointer       data;
  GDestroyNotify destroy;
} Release;

static void
release (gpointer item,
         gpointer user_data)
{
  Release *r = item;

  r->destroy (r->data);
  g_free (r);
}

/**
 * quotes_release_in_thread:
 * @data: (nullable) (transfer full): what to free
 * @destroy: how to free it
 *
 * Frees @data in a worker thread, later. Does nothing if @data is %NULL.
 */
void
quotes_release_in_thread (gpointer       data,
                          GDestroyNotify destroy)
{
  static GThreadPool *pool;
  Release *r;

  if (data == NULL)
    return;
  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (release, NULL, 1, FALSE, NULL));
  r = g_new (Release, 1);
  r->data = data;
  r->destroy = destroy;
  g_thread_pool_push (pool, r, NULL);
}
