/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#if !defined (QUOTES_INSIDE) && !defined (QUOTES_COMPILATION)
#error "Only <quotes.h> can be included directly."
#endif

#include "quotes-enums.h"
#include "quotes-span.h"

G_BEGIN_DECLS

#define QUOTES_TYPE_ENTITY (quotes_entity_get_type ())

G_DECLARE_FINAL_TYPE (QuotesEntity, quotes_entity, QUOTES, ENTITY, GObject)

guint               quotes_entity_get_id          (QuotesEntity *self);
QuotesEntityType    quotes_entity_get_entity_type (QuotesEntity *self);
const char         *quotes_entity_get_name        (QuotesEntity *self);
const char         *quotes_entity_get_title       (QuotesEntity *self);
const char * const *quotes_entity_get_aliases     (QuotesEntity *self);
GPtrArray          *quotes_entity_get_mentions    (QuotesEntity *self);
GArray             *quotes_entity_get_quotes      (QuotesEntity *self);

G_END_DECLS
