/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include "quotes-analysis.h"
#include "quotes-document.h"

G_BEGIN_DECLS

QuotesAnalysis *quotes_result_build (const QuotesDocument *doc);

G_END_DECLS
