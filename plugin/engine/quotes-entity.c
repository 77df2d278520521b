/* SPDX-License-Identifier: GPL-2.0-or-later */

/**
 * QuotesEntity:
 *
 * A person or an organization the text names, with every way it is
 * referred to: spellings, handles, titles and pronouns are one entity.
 */

#include "config.h"

#include "quotes-result-private.h"

struct _QuotesEntity
{
  GObject           parent_instance;

  guint             id;
  QuotesEntityType  type;
  char             *name;
  char             *title;
  GStrv             aliases;
  GPtrArray        *mentions;
  GArray           *quotes;
};

G_DEFINE_FINAL_TYPE (QuotesEntity, quotes_entity, G_TYPE_OBJECT)

static void
quotes_entity_finalize (GObject *object)
{
  QuotesEntity *self = QUOTES_ENTITY (object);

  g_free (self->name);
  g_free (self->title);
  g_strfreev (self->aliases);
  g_clear_pointer (&self->mentions, g_ptr_array_unref);
  g_clear_pointer (&self->quotes, g_array_unref);
  G_OBJECT_CLASS (quotes_entity_parent_class)->finalize (object);
}

static void
quotes_entity_class_init (QuotesEntityClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = quotes_entity_finalize;
}

static void
quotes_entity_init (QuotesEntity *self)
{
}

QuotesEntity *
quotes_entity_new (guint             id,
                   QuotesEntityType  type,
                   char             *name,
                   char             *title,
                   GStrv             aliases,
                   GPtrArray        *mentions,
                   GArray           *quotes)
{
  QuotesEntity *self = g_object_new (QUOTES_TYPE_ENTITY, NULL);

  self->id = id;
  self->type = type;
  self->name = name;
  self->title = title;
  self->aliases = aliases;
  self->mentions = mentions;
  self->quotes = quotes;
  return self;
}

/**
 * quotes_entity_get_id:
 * @self: an entity
 *
 * Returns: its index in quotes_analysis_get_entities()
 */
guint
quotes_entity_get_id (QuotesEntity *self)
{
  g_return_val_if_fail (QUOTES_IS_ENTITY (self), 0);
  return self->id;
}

/**
 * quotes_entity_get_entity_type:
 * @self: an entity
 *
 * Returns: whether it is a person or an organization
 */
QuotesEntityType
quotes_entity_get_entity_type (QuotesEntity *self)
{
  g_return_val_if_fail (QUOTES_IS_ENTITY (self), QUOTES_ENTITY_TYPE_PERSON);
  return self->type;
}

/**
 * quotes_entity_get_name:
 * @self: an entity
 *
 * Returns: its canonical name: the fullest form the text gives
 */
const char *
quotes_entity_get_name (QuotesEntity *self)
{
  g_return_val_if_fail (QUOTES_IS_ENTITY (self), NULL);
  return self->name;
}

/**
 * quotes_entity_get_title:
 * @self: an entity
 *
 * Returns: (nullable): its title as the text gives it ("British Prime
 *   Minister"), or %NULL
 */
const char *
quotes_entity_get_title (QuotesEntity *self)
{
  g_return_val_if_fail (QUOTES_IS_ENTITY (self), NULL);
  return self->title;
}

/**
 * quotes_entity_get_aliases:
 * @self: an entity
 *
 * Returns: (transfer none) (array zero-terminated=1): the other names and
 *   handles it goes by in the text
 */
const char * const *
quotes_entity_get_aliases (QuotesEntity *self)
{
  g_return_val_if_fail (QUOTES_IS_ENTITY (self), NULL);
  return (const char * const *) self->aliases;
}

/**
 * quotes_entity_get_mentions:
 * @self: an entity
 *
 * Returns: (transfer none) (element-type QuotesSpan): every place the text
 *   refers to it, pronouns and titles included, in order
 */
GPtrArray *
quotes_entity_get_mentions (QuotesEntity *self)
{
  g_return_val_if_fail (QUOTES_IS_ENTITY (self), NULL);
  return self->mentions;
}

/**
 * quotes_entity_get_quotes:
 * @self: an entity
 *
 * Returns: (transfer none) (element-type guint): the ids of the quotes it said
 */
GArray *
quotes_entity_get_quotes (QuotesEntity *self)
{
  g_return_val_if_fail (QUOTES_IS_ENTITY (self), NULL);
  return self->quotes;
}
