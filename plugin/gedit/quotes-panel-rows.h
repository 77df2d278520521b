/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <glib.h>
#include <quotes.h>

G_BEGIN_DECLS

typedef enum {
  QUOTES_ROW_GROUP,
  QUOTES_ROW_SPEAKER,
  QUOTES_ROW_QUOTE,
  QUOTES_ROW_ORGANIZATION,
  QUOTES_ROW_POST,
} QuotesRowKind;

typedef enum {
  QUOTES_GROUP_SPEAKERS,
  QUOTES_GROUP_ORGANIZATIONS,
  QUOTES_GROUP_POSTS,
  QUOTES_GROUP_UNATTRIBUTED,
} QuotesGroupId;

typedef struct
{
  guint          depth;    /* 0 for groups */
  QuotesRowKind  kind;
  int            id;       /* quote, entity or post id; QuotesGroupId for groups */
  char          *key;      /* unique among the rows, and the same for the same
                            * entry in the next analysis: keeps selection and
                            * expansion */
  char          *text;
  char          *tooltip;  /* markup */
  char          *folded;   /* text folded for the search */
} QuotesPanelRow;

/*
 * What the panel lists for an analysis, as plain data: built from the
 * analysis alone, so it may be built in a thread. Never changed once
 * built, so threads may share it (it is reference-counted).
 */
typedef struct
{
  gint            ref_count;
  QuotesAnalysis *analysis;
  GPtrArray      *rows;          /* QuotesPanelRow, in tree order (parents first) */
  GHashTable     *by_key;        /* key -> QuotesPanelRow */
  GArray         *shown_quotes;  /* guint: ids of listed quotes, in text order */
  GPtrArray      *quote_keys;    /* by quote id: the key of its row, or NULL */
} QuotesPanelRows;

QuotesPanelRows *quotes_panel_rows_new   (QuotesAnalysis  *analysis,
                                          gboolean         show_reported_speech,
                                          gboolean         show_scare_quotes,
                                          QuotesPanelRows *previous);
QuotesPanelRows *quotes_panel_rows_ref   (QuotesPanelRows *rows);
void             quotes_panel_rows_unref (QuotesPanelRows *rows);
char            *quotes_panel_fold_text (const char      *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QuotesPanelRows, quotes_panel_rows_unref)

G_END_DECLS
