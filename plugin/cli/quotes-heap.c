/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * The process's heap, set up for analysing long texts. The analysis of a
 * text allocates several times its size, in a few large arrays, which the
 * engine asks huge pages for (quotes-huge-pages-private.h), and in
 * thousands of smaller ones inside GLib (hash tables, strings, arrays grown
 * by doubling). Where the kernel gives huge pages only on request, those
 * smaller blocks cost a page fault every 4 KiB; on a virtual machine a
 * fault costs some microseconds, and on 30 MB of text the 12,000 of them
 * were a fifth of the time. quotes-scan owns its process, so it can shape
 * its heap, which a library cannot: glibc is asked to keep blocks under
 * 32 MiB on the heap, to reserve the heap in one large step and never to
 * give it back, and that reserve is advised for huge pages. Reserved
 * address space costs no memory until it is written.
 */

#include "config.h"

#include "quotes-heap.h"

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

/* Address space, not memory: the heap for blocks under HEAP_BLOCKS_UNDER. */
#define HEAP_RESERVE (1ul << 30)
#define HEAP_BLOCKS_UNDER (32 << 20)
/* How much the heap grows by once past the reserve: glibc's own step. */
#define HEAP_STEP (128 << 10)

#if defined(__linux__) && defined(__GLIBC__) && defined(MADV_HUGEPAGE)
/* Under strict overcommit (vm.overcommit_memory 2) address space counts
 * as memory: the reserve would be taken from every other process. */
static gboolean
overcommit_is_strict (void)
{
  g_autofree char *mode = NULL;

  return g_file_get_contents ("/proc/sys/vm/overcommit_memory", &mode, NULL, NULL) && mode[0] == '2';
}
#endif

void
quotes_heap_tune_for_large_texts (void)
{
#if defined(__linux__) && defined(__GLIBC__) && defined(MADV_HUGEPAGE)
  const guintptr page = (guintptr) sysconf (_SC_PAGESIZE);
  guintptr start, end;

  if (overcommit_is_strict () ||
      !mallopt (M_MMAP_THRESHOLD, HEAP_BLOCKS_UNDER) ||
      !mallopt (M_TRIM_THRESHOLD, -1) ||  /* never give the heap back */
      !mallopt (M_TOP_PAD, HEAP_RESERVE))
    return;
  start = ((guintptr) sbrk (0) + page - 1) & ~(page - 1);
  /* More than the heap has left, so that it grows, by the reserve; where
   * that much cannot be had, nothing is reserved. */
  g_free (g_try_malloc (1 << 20));
  mallopt (M_TOP_PAD, HEAP_STEP);
  end = (guintptr) sbrk (0) & ~(page - 1);
  if (end > start)
    madvise ((void *) start, end - start, MADV_HUGEPAGE);
#endif
}
