/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <time.h>
#include <gdk/gdk.h>

G_BEGIN_DECLS

/*
 * The time one piece of main-loop work took, by the clock and in CPU time
 * of the main thread: on a busy machine the first also counts time the
 * thread was not running. Pieces over QUOTES_TIMING_NOTE_US are noted
 * with g_debug (G_MESSAGES_DEBUG=Quotes shows them; tests/bench/editor
 * reads them).
 */
#define QUOTES_TIMING_NOTE_US 8000

/* The priority of the plugin's slices of main-loop work: after input and
 * redrawing (GDK_PRIORITY_REDRAW), before GtkTextView's background layout
 * of the whole text (GDK_PRIORITY_REDRAW + 5), which goes on for minutes
 * in a document of tens of megabytes and would hold back anything after
 * it. Keys still go first; each slice is a few milliseconds. */
#define QUOTES_WORK_PRIORITY (GDK_PRIORITY_REDRAW + 2)

typedef struct
{
  gint64 wall;
  gint64 cpu;
} QuotesTiming;

static inline gint64
quotes_timing_cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static inline void
quotes_timing_begin (QuotesTiming *timing)
{
  timing->wall = g_get_monotonic_time ();
  timing->cpu = quotes_timing_cpu_now ();
}

static inline void
quotes_timing_end (QuotesTiming *timing,
                   const char   *what)
{
  gint64 wall = g_get_monotonic_time () - timing->wall;
  gint64 cpu = quotes_timing_cpu_now () - timing->cpu;

  if (wall > QUOTES_TIMING_NOTE_US || cpu > QUOTES_TIMING_NOTE_US)
    g_debug ("%s took %" G_GINT64_FORMAT " µs, %" G_GINT64_FORMAT " µs of CPU", what, wall, cpu);
}

G_END_DECLS
