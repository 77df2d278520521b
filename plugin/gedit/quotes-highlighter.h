/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <gtksourceview/gtksource.h>
#include <quotes.h>

G_BEGIN_DECLS

#define QUOTES_HIGHLIGHTER_TAG_QUOTE       "quotes-quote"        /* direct and partial quotes */
#define QUOTES_HIGHLIGHTER_TAG_REPORTED    "quotes-reported"     /* reported speech, quieter */
#define QUOTES_HIGHLIGHTER_TAG_ATTRIBUTION "quotes-attribution"  /* cue and source mention, quieter still */

#define QUOTES_TYPE_HIGHLIGHTER (quotes_highlighter_get_type ())

G_DECLARE_FINAL_TYPE (QuotesHighlighter, quotes_highlighter, QUOTES, HIGHLIGHTER, GObject)

/*
 * Shows an analysis in a GtkSourceBuffer with text tags whose colours come
 * from the buffer's style scheme. Tags never touch the text, the undo
 * history or the modified flag; they are all removed when the highlighter
 * is disposed. Properties "highlight-quotes", "show-reported-speech" and
 * "show-scare-quotes" (booleans) say what is shown.
 */
QuotesHighlighter *quotes_highlighter_new          (GtkSourceBuffer   *buffer);
void               quotes_highlighter_set_analysis (QuotesHighlighter *self,
                                                    QuotesAnalysis    *analysis);
gboolean           quotes_highlighter_is_applying  (QuotesHighlighter *self);

G_END_DECLS
