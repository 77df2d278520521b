/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <gio/gio.h>

#include "quotes-analysis.h"

G_BEGIN_DECLS

char     *quotes_json_write    (QuotesAnalysis  *analysis);
gboolean  quotes_json_write_to (QuotesAnalysis  *analysis,
                                GOutputStream   *out,
                                GCancellable    *cancellable,
                                GError         **error);

G_END_DECLS
