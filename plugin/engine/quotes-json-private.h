/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "quotes-analysis.h"

G_BEGIN_DECLS

JsonNode *quotes_json_build (QuotesAnalysis *analysis);
char     *quotes_json_write (QuotesAnalysis *analysis);

G_END_DECLS
