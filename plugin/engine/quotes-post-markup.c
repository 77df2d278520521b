/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Embedded posts kept as markup: text copied from a news site with its
 * embeds left as elements, such as
 *
 *   <tweet author="@AP" datetime="2016-08-23">BREAKING: …</tweet>
 *   <tweet tweet-id="783499116076687360"><tweet/>
 *
 * The element says what no signature line does when the post's text is
 * missing: that a post of X stands here, and often its author, its date
 * and its id. Read by hand like the rest of the posts stage: a few bounded
 * scans of one line, no regular expression.
 */

#include "quotes-posts.h"

#include <string.h>

#define MAX_ATTRIBUTES 16  /* more is no embed element */

typedef struct
{
  const char *s;
  gsize       len;
} Value;

static const char *
skip_blanks (const char *p,
             const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  return p;
}

/* "<tweet" then a space, ">" or "/": an element named tweet, in any case. */
static gboolean
opens_tweet_element (const char *p,
                     const char *end)
{
  return end - p > 6 && g_ascii_strncasecmp (p, "<tweet", 6) == 0 &&
         (p[6] == ' ' || p[6] == '>' || p[6] == '/' || p[6] == '\t');
}

/* Reads one name="value" (or 'value') at @p; sets @name and @value and
 * returns what follows, or NULL at the end of the tag or on anything else. */
static const char *
read_attribute (const char *p,
                const char *end,
                Value      *name,
                Value      *value)
{
  const char *close;
  char quote;

  p = skip_blanks (p, end);
  name->s = p;
  while (p < end && (g_ascii_isalnum (*p) || *p == '-' || *p == '_'))
    p++;
  name->len = p - name->s;
  if (name->len == 0 || end - p < 3 || p[0] != '=' || (p[1] != '"' && p[1] != '\''))
    return NULL;
  quote = p[1];
  value->s = p + 2;
  close = memchr (value->s, quote, end - value->s);
  if (close == NULL)
    return NULL;
  value->len = close - value->s;
  return close + 1;
}

static gboolean
name_is (const Value *name,
         const char  *word)
{
  return name->len == strlen (word) && g_ascii_strncasecmp (name->s, word, name->len) == 0;
}

static gboolean
is_any_name (const Value        *name,
             const char * const *words)
{
  for (; *words != NULL; words++)
    if (name_is (name, *words))
      return TRUE;
  return FALSE;
}

/* "@AP" or "AP": an X handle is 1 to 15 letters, digits or "_". */
static char *
handle_from (const Value *value)
{
  const char *s = value->s;
  gsize n = value->len;

  if (n > 0 && *s == '@')
    s++, n--;
  if (n == 0 || n > 15)
    return NULL;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isalnum (s[i]) && s[i] != '_')
      return NULL;
  return g_strdup_printf ("@%.*s", (int) n, s);
}

static gboolean
all_digits (const Value *value,
            gsize        max)
{
  if (value->len == 0 || value->len > max)
    return FALSE;
  for (gsize i = 0; i < value->len; i++)
    if (!g_ascii_isdigit (value->s[i]))
      return FALSE;
  return TRUE;
}

/* "1474387200": seconds since 1970 in UTC, as X's embeds give them. */
static char *
date_from_timestamp (const Value *value)
{
  g_autoptr(GDateTime) time = NULL;

  if (!all_digits (value, 11))
    return NULL;
  time = g_date_time_new_from_unix_utc (g_ascii_strtoll (value->s, NULL, 10));
  return time != NULL ? g_date_time_format (time, "%Y-%m-%d") : NULL;
}

/* Takes what the attributes of the opening tag say about the post. */
static void
read_attributes (const char     *p,
                 const char     *tag_end,
                 QuotesPostSpan *post)
{
  static const char * const authors[] = { "author", "tweet-author", "data-author", NULL };
  static const char * const dates[] = { "datetime", "date", "tweet-date", NULL };
  static const char * const ids[] = { "id", "tweet-id", "tweet_id", "data-tweet-id", NULL };
  Value name, value;

  for (guint n = 0; n < MAX_ATTRIBUTES && (p = read_attribute (p, tag_end, &name, &value)) != NULL; n++)
    {
      if (post->handle == NULL && is_any_name (&name, authors))
        post->handle = handle_from (&value);
      else if (post->date == NULL && is_any_name (&name, dates))
        post->date = quotes_posts_parse_date (value.s, value.len);
      else if (post->date == NULL && name_is (&name, "timestamp"))
        post->date = date_from_timestamp (&value);
      else if (post->url == NULL && is_any_name (&name, ids) && all_digits (&value, 20))
        post->url = g_strdup_printf ("https://x.com/i/web/status/%.*s", (int) value.len, value.s);
    }
}

/* Where the element whose content starts at @content ends: after "</tweet>" or the
 * "<tweet/>" that some copies close it with, or at the end of the line. */
static const char *
element_end (const char  *content,
             const char  *end,
             const char **content_end)
{
  for (const char *p = content; (p = memchr (p, '<', end - p)) != NULL; p++)
    {
      if (end - p >= 8 && (g_ascii_strncasecmp (p, "</tweet>", 8) == 0 || g_ascii_strncasecmp (p, "<tweet/>", 8) == 0))
        {
          *content_end = p;
          return p + 8;
        }
    }
  *content_end = end;
  return end;
}

gboolean
quotes_posts_read_markup (const char     *text,
                          gsize           start,
                          gsize           end,
                          QuotesPostSpan *post)
{
  const char *line_end = text + end;
  const char *p = skip_blanks (text + start, line_end);
  const char *tag_end, *content, *content_end, *after;

  if (!opens_tweet_element (p, line_end) || (tag_end = memchr (p, '>', line_end - p)) == NULL)
    return FALSE;
  memset (post, 0, sizeof *post);
  post->platform = QUOTES_PLATFORM_X;
  read_attributes (p + 6, tag_end[-1] == '/' ? tag_end - 1 : tag_end, post);
  content = tag_end + 1;
  if (tag_end[-1] == '/')
    after = content_end = content;  /* <tweet id="…"/> */
  else
    after = element_end (content, line_end, &content_end);
  post->start = p - text;
  post->end = after - text;
  content = skip_blanks (content, content_end);
  while (content_end > content && (content_end[-1] == ' ' || content_end[-1] == '\t'))
    content_end--;
  post->text_start = content - text;
  post->text_end = content_end - text;
  return TRUE;
}
