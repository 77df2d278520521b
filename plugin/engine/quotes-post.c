/* SPDX-License-Identifier: GPL-2.0-or-later */

/**
 * QuotesPost:
 *
 * A social-media post the text cites: an embedded post with its signature
 * line, or a link to a post.
 */

#include "config.h"

#include "quotes-result-private.h"

struct _QuotesPost
{
  GObject         parent_instance;

  guint           id;
  QuotesPlatform  platform;
  char           *author;
  char           *handle;
  char           *date;
  char           *url;
  guint           start;
  guint           end;
  char           *text;
  gint            speaker;
};

G_DEFINE_FINAL_TYPE (QuotesPost, quotes_post, G_TYPE_OBJECT)

static void
quotes_post_finalize (GObject *object)
{
  QuotesPost *self = QUOTES_POST (object);

  g_free (self->author);
  g_free (self->handle);
  g_free (self->date);
  g_free (self->url);
  g_free (self->text);
  G_OBJECT_CLASS (quotes_post_parent_class)->finalize (object);
}

static void
quotes_post_class_init (QuotesPostClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = quotes_post_finalize;
}

static void
quotes_post_init (QuotesPost *self)
{
}

QuotesPost *
quotes_post_new (guint           id,
                 QuotesPlatform  platform,
                 char           *author,
                 char           *handle,
                 char           *date,
                 char           *url,
                 guint           start,
                 guint           end,
                 char           *text,
                 gint            speaker)
{
  QuotesPost *self = g_object_new (QUOTES_TYPE_POST, NULL);

  self->id = id;
  self->platform = platform;
  self->author = author;
  self->handle = handle;
  self->date = date;
  self->url = url;
  self->start = start;
  self->end = end;
  self->text = text;
  self->speaker = speaker;
  return self;
}

/**
 * quotes_post_get_id:
 * @self: a post
 *
 * Returns: its index in quotes_analysis_get_posts()
 */
guint
quotes_post_get_id (QuotesPost *self)
{
  g_return_val_if_fail (QUOTES_IS_POST (self), 0);
  return self->id;
}

/**
 * quotes_post_get_platform:
 * @self: a post
 *
 * Returns: the network it was published on
 */
QuotesPlatform
quotes_post_get_platform (QuotesPost *self)
{
  g_return_val_if_fail (QUOTES_IS_POST (self), QUOTES_PLATFORM_UNKNOWN);
  return self->platform;
}

/**
 * quotes_post_get_author:
 * @self: a post
 *
 * Returns: (nullable): the author's name as its signature gives it
 */
const char *
quotes_post_get_author (QuotesPost *self)
{
  g_return_val_if_fail (QUOTES_IS_POST (self), NULL);
  return self->author;
}

/**
 * quotes_post_get_handle:
 * @self: a post
 *
 * Returns: (nullable): the author's handle, "@name"
 */
const char *
quotes_post_get_handle (QuotesPost *self)
{
  g_return_val_if_fail (QUOTES_IS_POST (self), NULL);
  return self->handle;
}

/**
 * quotes_post_get_date:
 * @self: a post
 *
 * Returns: (nullable): when it was posted, "YYYY-MM-DD"
 */
const char *
quotes_post_get_date (QuotesPost *self)
{
  g_return_val_if_fail (QUOTES_IS_POST (self), NULL);
  return self->date;
}

/**
 * quotes_post_get_url:
 * @self: a post
 *
 * Returns: (nullable): its address, when the text gives one
 */
const char *
quotes_post_get_url (QuotesPost *self)
{
  g_return_val_if_fail (QUOTES_IS_POST (self), NULL);
  return self->url;
}

/**
 * quotes_post_get_start:
 * @self: a post
 *
 * Returns: where the cited post starts in the text, in code points
 */
guint
quotes_post_get_start (QuotesPost *self)
{
  g_return_val_if_fail (QUOTES_IS_POST (self), 0);
  return self->start;
}

/**
 * quotes_post_get_end:
 * @self: a post
 *
 * Returns: the offset after the cited post, signature included
 */
guint
quotes_post_get_end (QuotesPost *self)
{
  g_return_val_if_fail (QUOTES_IS_POST (self), 0);
  return self->end;
}

/**
 * quotes_post_get_text:
 * @self: a post
 *
 * Returns: the post's own text, empty for a bare link
 */
const char *
quotes_post_get_text (QuotesPost *self)
{
  g_return_val_if_fail (QUOTES_IS_POST (self), NULL);
  return self->text;
}

/**
 * quotes_post_get_speaker:
 * @self: a post
 *
 * Returns: the id of the entity that wrote it, or -1
 */
gint
quotes_post_get_speaker (QuotesPost *self)
{
  g_return_val_if_fail (QUOTES_IS_POST (self), -1);
  return self->speaker;
}
