/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

G_BEGIN_DECLS

/* Below this a block cannot hold a whole huge page (2 MiB on x86-64). */
#define QUOTES_HUGE_PAGES_WORTH (4u << 20)

/*
 * Asks for @block, as g_malloc returned it, to be backed by huge pages
 * where the kernel gives them only on request (transparent_hugepage set to
 * "madvise"): an array of tens of megabytes then costs a page fault and a
 * TLB entry every 2 MiB instead of every 4 KiB; on 30 MB of text that was
 * 50,000 faults and a third of the time. The whole block is advised, not
 * the part in use, so that the mapping glibc made for it stays one mapping,
 * which realloc can grow in place. A hint only: pages touched before keep
 * their size, so advise a block before writing it.
 */
static inline void
quotes_prefer_huge_pages (gpointer block)
{
#if defined(__linux__) && defined(__GLIBC__) && defined(MADV_HUGEPAGE)
  const guintptr page = (guintptr) sysconf (_SC_PAGESIZE);
  gsize size = block != NULL ? malloc_usable_size (block) : 0;
  guintptr start = (guintptr) block & ~(page - 1);
  guintptr end = ((guintptr) block + size + page - 1) & ~(page - 1);

  if (size >= QUOTES_HUGE_PAGES_WORTH)
    madvise ((void *) start, end - start, MADV_HUGEPAGE);
#endif
}

/* Faults in the pages of the @size bytes at @data in one call, where
 * writing them page after page took a fault on each: on a virtual machine
 * a fault costs microseconds, and a block of megabytes whose first part
 * shares a huge page's span with older blocks takes that part in 4 KiB
 * pages. A hint only. */
static inline void
quotes_populate_pages (gpointer data,
                       gsize    size)
{
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
  const guintptr page = (guintptr) sysconf (_SC_PAGESIZE);  /* 4 KiB here, 16 or 64 KiB on some ARM and POWER */
  guintptr start = ((guintptr) data + page - 1) & ~(page - 1);
  guintptr end = ((guintptr) data + size) & ~(page - 1);

  if (end > start)
    madvise ((void *) start, end - start, MADV_POPULATE_WRITE);
#endif
}

G_END_DECLS
