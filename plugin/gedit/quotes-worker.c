/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * The plugin's own worker threads, at a lower priority than gedit's main
 * thread: an analysis takes a core for seconds on a long document, and
 * on a machine with few cores it would otherwise take turns with the
 * thread that handles the keys. Like g_task_run_in_thread(), but the
 * threads are the plugin's alone (niced threads are not lent to others).
 */

#include "config.h"

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "quotes-worker.h"

#define WORKER_THREADS 2
#define WORKER_NICE    10

typedef struct
{
  GTask           *task;
  GTaskThreadFunc  func;
} Job;

static void
lower_priority (void)
{
#ifdef __linux__
  static GPrivate lowered = G_PRIVATE_INIT (NULL);

  if (g_private_get (&lowered) != NULL)
    return;
  g_private_set (&lowered, GINT_TO_POINTER (1));
  /* On Linux the nice value is per thread. */
  if (setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), WORKER_NICE) != 0)
    g_debug ("Could not lower the priority of a worker thread");
#endif
}

static gboolean
drop_task (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

static void
work (gpointer data,
      gpointer user_data)
{
  Job *job = data;
  GSource *source;

  lower_priority ();
  job->func (job->task, g_task_get_source_object (job->task),
             g_task_get_task_data (job->task), g_task_get_cancellable (job->task));
  /* The task's last reference may hold the last one to its source, a
   * widget maybe: let go of it where the task was made. */
  source = g_idle_source_new ();
  g_source_set_callback (source, drop_task, job->task, NULL);
  g_source_attach (source, g_task_get_context (job->task));
  g_source_unref (source);
  g_free (job);
}

/**
 * quotes_worker_run:
 * @task: a task, which @func returns
 * @func: what to run in a worker thread
 *
 * Runs @func in one of the plugin's worker threads; @task's callback
 * comes on the task's main context as usual.
 */
void
quotes_worker_run (GTask           *task,
                   GTaskThreadFunc  func)
{
  static GThreadPool *pool;
  Job *job = g_new (Job, 1);

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (work, NULL, WORKER_THREADS, TRUE, NULL));
  job->task = g_object_ref (task);
  job->func = func;
  g_thread_pool_push (pool, job, NULL);
}
