/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#define QUOTES_INSIDE
#include "quotes-analysis.h"
#include "quotes-analyzer.h"
#include "quotes-entity.h"
#include "quotes-enum-types.h"
#include "quotes-enums.h"
#include "quotes-post.h"
#include "quotes-quote.h"
#include "quotes-span.h"
#undef QUOTES_INSIDE
