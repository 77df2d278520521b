/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Internal to the engine library: hidden, so that its files call each other
 * directly, not through the PLT, and the compiler may inline. */
#pragma GCC visibility push(hidden)

/* The key two spellings of one name share: "Oleksiy", "Oleksii" and
 * "Олексій" all give "oleksi". Any script is first transliterated to
 * Latin, then case, accents, apostrophes, doubled letters and the y/i/j
 * variation of transliterations are folded away. */
char     *quotes_name_fold          (const char *name,
                                     gssize      length);

/* quotes_name_fold into @buffer, of @size bytes, for a key only looked
 * at: when @name is ASCII and its key fits, without an allocation; NULL
 * otherwise, for quotes_name_fold. */
const char *quotes_name_fold_into   (const char *name,
                                     gsize       length,
                                     char       *buffer,
                                     gsize       size);

/* quotes_name_fold always through ICU, even where it takes a shorter way:
 * for the tests, which check that both ways agree. */
char     *quotes_name_fold_transliterated (const char *name,
                                           gssize      length);

/* Whether two folded keys differ by at most one edit, for longer names. */
gboolean  quotes_name_keys_close    (const char *a,
                                     const char *b);

#pragma GCC visibility pop

G_END_DECLS
