/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * Finds the social-media posts that a news text cites: embedded posts as a
 * page shows them when the embed script did not run (the post's text, then a
 * signature such as "— Name (@handle) March 15, 2025", on a line of its own
 * or running on after the text), and post URLs.
 *
 * The scanner is written by hand rather than with GRegex: a pattern with
 * alternations run over a whole article can backtrack into quadratic time on
 * hostile input (megabytes of "(@" or "https://"), and it cannot jump between
 * the few bytes that can start a match. Here the text is walked line by line
 * for signatures and from "/" to "/" with memchr() for URLs; every look-back
 * or look-ahead is bounded or never crosses a byte twice, so the whole pass
 * stays linear in the length of the text.
 */

#include "quotes-posts.h"

#include <string.h>

/* A display name in a signature: X allows 50 characters, 4 bytes at worst,
 * plus slack for the "Name / Ім'я" double names that officials use. */
#define MAX_NAME_BYTES    256
#define MAX_HANDLE_BYTES  128
#define MAX_HOST_BYTES    253
/* A post longer than this many lines is not one paragraph of a post. */
#define MAX_POST_LINES    12
/* The lines kept above the current one: a whole post, the blank line
 * between it and its signature, and the blank line that closes it above. */
#define RECENT_LINES      (MAX_POST_LINES + 2)
/* Post URLs are told apart by their first segments; a few are enough. */
#define MAX_SEGMENTS      4

typedef struct
{
  const char *s;
  gsize       len;
} Slice;

typedef struct
{
  gsize    start;
  gsize    end;      /* without the "\r\n" or "\n" */
  gsize    next;     /* the start of the next line, or the length of the text */
  gboolean blank;
} Line;

typedef struct
{
  gboolean        found;
  gsize           start;
  gsize           end;
  QuotesPlatform  platform;
  char           *handle;
} UrlMatch;

typedef struct
{
  gboolean    has_scheme;
  const char *host;
  gsize       host_len;
  const char *path;       /* from the first "/" after the host, up to "?" or "#" */
  gsize       path_len;
  const char *query;      /* after "?", up to "#", or NULL */
  gsize       query_len;
} UrlParts;

typedef enum
{
  SIGNATURE_DASH,         /* "— Name (@handle) March 15, 2025": X, Bluesky, fediverse */
  SIGNATURE_SHARED,       /* "A post shared by Name (@handle) on …": Instagram */
  SIGNATURE_POSTED,       /* "Posted by Name on …": Facebook */
} SignatureKind;

typedef struct
{
  SignatureKind  kind;
  gsize          start;   /* of the line, past its indent */
  gsize          end;     /* of the line, or of the URL on the line after it */
  Slice          name;
  char          *handle;
  char          *date;
  UrlMatch       url;
} Signature;

typedef gboolean (* PostUrlFunc) (const UrlParts  *parts,
                                  const Slice     *segs,
                                  guint            n_segs,
                                  char           **handle);

static void
quotes_post_span_clear (gpointer data)
{
  QuotesPostSpan *span = data;

  g_clear_pointer (&span->author, g_free);
  g_clear_pointer (&span->handle, g_free);
  g_clear_pointer (&span->date, g_free);
  g_clear_pointer (&span->url, g_free);
}

static void
signature_clear (Signature *sig)
{
  g_clear_pointer (&sig->handle, g_free);
  g_clear_pointer (&sig->date, g_free);
  g_clear_pointer (&sig->url.handle, g_free);
}

/* ---------------------------------------------------------------------------
 * Bytes, spaces and words
 * ------------------------------------------------------------------------- */

static gboolean
is_ascii_space (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* The length of the space at @p. Text pasted from web pages is full of
 * no-break spaces, so they count; "\n" never does, so nothing that skips
 * spaces runs past the end of a line. */
static gsize
space_len (const char *p,
           const char *end)
{
  if (p >= end)
    return 0;
  if (is_ascii_space (*p))
    return 1;
  if (end - p >= 2 && memcmp (p, "\xc2\xa0", 2) == 0)          /* U+00A0 */
    return 2;
  if (end - p >= 3 && memcmp (p, "\xe2\x80\xaf", 3) == 0)      /* U+202F */
    return 3;
  return 0;
}

static const char *
skip_spaces (const char *p,
             const char *end)
{
  gsize n;

  while ((n = space_len (p, end)) > 0)
    p += n;
  return p;
}

/* Backs @end over the spaces that end [@start, @end). The byte pairs
 * compared are whole characters: 0xa0 and 0xaf are continuation bytes
 * and 0xc2, 0xe2 can only lead. */
static const char *
skip_spaces_back (const char *start,
                  const char *end)
{
  while (end > start)
    {
      if (is_ascii_space (end[-1]))
        end--;
      else if (end - start >= 2 && memcmp (end - 2, "\xc2\xa0", 2) == 0)
        end -= 2;
      else if (end - start >= 3 && memcmp (end - 3, "\xe2\x80\xaf", 3) == 0)
        end -= 3;
      else
        break;
    }
  return end;
}

/* The end of the space-delimited word at @p. */
static const char *
word_end (const char *p,
          const char *end)
{
  while (p < end && space_len (p, end) == 0)
    p++;
  return p;
}

static gboolean
has_prefix_ci (const char *p,
               const char *end,
               const char *prefix)
{
  gsize len = strlen (prefix);

  return (gsize) (end - p) >= len && g_ascii_strncasecmp (p, prefix, len) == 0;
}

static gboolean
word_is (const char *p,
         const char *end,
         const char *word)
{
  return (gsize) (end - p) == strlen (word) && has_prefix_ci (p, end, word);
}

/* memmem() over [@p, @end), written out because memmem() is a GNU extension.
 * memchr() jumps to each candidate first byte, so with the short needles
 * used here the cost is linear. */
static const char *
find_bytes (const char *p,
            const char *end,
            const char *needle)
{
  gsize len = strlen (needle);

  while (p < end && (gsize) (end - p) >= len)
    {
      const char *c = memchr (p, needle[0], (end - p) - len + 1);

      if (c == NULL)
        return NULL;
      if (memcmp (c, needle, len) == 0)
        return c;
      p = c + 1;
    }
  return NULL;
}

/* ---------------------------------------------------------------------------
 * Dates
 * ------------------------------------------------------------------------- */

static const char * const month_names[] = {
  "january", "february", "march", "april", "may", "june", "july",
  "august", "september", "october", "november", "december",
};

static const char * const weekday_names[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

/* Reads an English name from @names, in full or cut to three letters or
 * more ("Mar", "Sept", "Tues"), with an optional period. Returns its number
 * from 1, or 0. The word is read no further than the longest name, so a
 * long run of letters costs nothing. */
static guint
read_name (const char         **pp,
           const char          *end,
           const char * const  *names,
           guint                n_names)
{
  const char *p = *pp;
  const char *q = p;
  gsize len;

  while (q < end && g_ascii_isalpha (*q) && q - p <= 9)
    q++;
  len = q - p;
  if (len < 3 || len > 9)
    return 0;

  for (guint i = 0; i < n_names; i++)
    {
      if (len <= strlen (names[i]) && g_ascii_strncasecmp (p, names[i], len) == 0)
        {
          if (q < end && *q == '.')
            q++;
          *pp = q;
          return i + 1;
        }
    }
  return 0;
}

/* Reads @min_digits to @max_digits digits that no other digit follows. */
static gboolean
read_number (const char **pp,
             const char  *end,
             guint        min_digits,
             guint        max_digits,
             guint       *value)
{
  const char *p = *pp;
  guint n = 0;
  guint v = 0;

  while (p < end && g_ascii_isdigit (*p) && n < max_digits)
    {
      v = v * 10 + (guint) (*p - '0');
      p++;
      n++;
    }
  if (n < min_digits || (p < end && g_ascii_isdigit (*p)))
    return FALSE;

  *pp = p;
  *value = v;
  return TRUE;
}

/* Skips the "th" of "15th". */
static const char *
skip_ordinal (const char *p,
              const char *end)
{
  static const char * const suffixes[] = { "st", "nd", "rd", "th" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      if (has_prefix_ci (p, end, suffixes[i])
          && (end - p == 2 || !g_ascii_isalpha (p[2])))
        return p + 2;
    }
  return p;
}

static gboolean
read_iso_date (const char **pp,
               const char  *end,
               guint       *year,
               guint       *month,
               guint       *day)
{
  const char *p = *pp;

  if (!read_number (&p, end, 4, 4, year) || p >= end || *p++ != '-')
    return FALSE;
  if (!read_number (&p, end, 2, 2, month) || p >= end || *p++ != '-')
    return FALSE;
  if (!read_number (&p, end, 2, 2, day))
    return FALSE;

  *pp = p;
  return TRUE;
}

/* "March 15, 2025", "Mar. 15 2025", "15 March 2025", after an optional
 * weekday: Facebook writes "Tuesday, March 15, 2025". */
static gboolean
read_written_date (const char **pp,
                   const char  *end,
                   guint       *year,
                   guint       *month,
                   guint       *day)
{
  const char *p = *pp;

  if (read_name (&p, end, weekday_names, G_N_ELEMENTS (weekday_names)))
    p = skip_spaces (p < end && *p == ',' ? p + 1 : p, end);

  if ((*month = read_name (&p, end, month_names, G_N_ELEMENTS (month_names))))
    {
      p = skip_spaces (p, end);
      if (!read_number (&p, end, 1, 2, day))
        return FALSE;
      p = skip_ordinal (p, end);
    }
  else if (read_number (&p, end, 1, 2, day))
    {
      p = skip_spaces (skip_ordinal (p, end), end);
      if (!(*month = read_name (&p, end, month_names, G_N_ELEMENTS (month_names))))
        return FALSE;
    }
  else
    return FALSE;

  if (p < end && *p == ',')
    p++;
  p = skip_spaces (p, end);
  if (!read_number (&p, end, 4, 4, year))
    return FALSE;

  *pp = p;
  return TRUE;
}

/* Reads a date at @p. Returns it as "YYYY-MM-DD" and sets @out_end, or
 * returns NULL when there is none or it does not exist (February 30). */
static char *
read_date (const char  *p,
           const char  *end,
           const char **out_end)
{
  const char *q = p;
  guint year, month, day;

  if (!read_iso_date (&q, end, &year, &month, &day))
    {
      q = p;
      if (!read_written_date (&q, end, &year, &month, &day))
        return NULL;
    }

  /* "2025abc" is no year, and a post predates neither 1900 nor 3000 */
  if (q < end && g_ascii_isalnum (*q))
    return NULL;
  if (year < 1900 || year > 2999 || !g_date_valid_dmy (day, month, year))
    return NULL;

  *out_end = q;
  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

char *
quotes_posts_parse_date (const char *text,
                         gssize      length)
{
  const char *start, *end, *date_end;
  char *date;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (text);
  if (length == 0)
    return NULL;

  end = skip_spaces_back (text, text + length);
  start = skip_spaces (text, end);
  date = read_date (start, end, &date_end);
  if (date != NULL && date_end != end)
    g_clear_pointer (&date, g_free);
  return date;
}

/* ---------------------------------------------------------------------------
 * Post URLs
 * ------------------------------------------------------------------------- */

static gboolean
is_host_char (char c)
{
  return g_ascii_isalnum (c) || c == '.' || c == '-';
}

/* Whether a URL may start right after @c: not inside a word, a path, an
 * e-mail address or another URL's query. */
static gboolean
is_url_boundary (char c)
{
  if ((guchar) c >= 0x80)
    return TRUE;
  return !g_ascii_isalnum (c) && strchr ("/.@-_%+~=&?#:\\", c) == NULL;
}

/* Where a URL that starts at @start ends: at white space, at an ASCII
 * character that cannot be in a URL ("<", "\"", "'", …), at any other
 * character that is not a letter, a digit or a mark (curly quotes, "…",
 * "—", emoji), or at @limit. */
static gsize
url_token_end (const char *text,
               gsize       start,
               gsize       limit)
{
  gsize i = start;

  while (i < limit)
    {
      guchar c = text[i];

      if (c < 0x80)
        {
          if (c <= ' ' || c == 0x7f || strchr ("<>\"'`{}|\\^", c) != NULL)
            break;
          i++;
        }
      else
        {
          gunichar u = g_utf8_get_char (text + i);

          if (!g_unichar_isalnum (u) && !g_unichar_ismark (u))
            break;
          i = g_utf8_next_char (text + i) - text;
        }
    }
  return i;
}

/* Drops what ends a sentence around the URL: ".,;:!?*" and a ")" or "]"
 * that does not close one opened in the URL. The brackets are counted once
 * up front so that a tail of "))))" is trimmed in linear time. */
static gsize
url_trim_end (const char *text,
              gsize       start,
              gsize       end)
{
  gssize parens = 0;
  gssize squares = 0;

  for (gsize i = start; i < end; i++)
    {
      parens += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
      squares += text[i] == '[' ? 1 : text[i] == ']' ? -1 : 0;
    }

  while (end > start)
    {
      char c = text[end - 1];

      if (c == ')' && parens < 0)
        parens++;
      else if (c == ']' && squares < 0)
        squares++;
      else if (strchr (".,;:!?*", c) == NULL)
        break;
      end--;
    }
  return end;
}

/* Reads "host.name" and an optional ":port". Returns the end, or NULL
 * when there is no host name there. */
static const char *
read_host (const char *p,
           const char *end,
           gsize      *host_len)
{
  const char *host = p;

  while (p < end && is_host_char (*p) && p - host < MAX_HOST_BYTES)
    p++;
  *host_len = p - host;
  if (p - host < 3 || memchr (host, '.', p - host) == NULL
      || !g_ascii_isalnum (host[0]) || !g_ascii_isalnum (p[-1]))
    return NULL;

  if (p < end && *p == ':')
    {
      const char *digits = ++p;

      while (p < end && g_ascii_isdigit (*p))
        p++;
      if (p == digits)
        return NULL;
    }
  if (p < end && *p != '/' && *p != '?' && *p != '#')
    return NULL;
  return p;
}

/* Splits "https://host:port/path?query#fragment", the scheme and the port
 * being optional. Returns FALSE when there is no host name. */
static gboolean
split_url (const char *url,
           gsize       len,
           UrlParts   *parts)
{
  const char *p = url;
  const char *end = url + len;

  memset (parts, 0, sizeof *parts);
  if (has_prefix_ci (p, end, "https://") || has_prefix_ci (p, end, "http://"))
    {
      p += g_ascii_tolower (p[4]) == 's' ? strlen ("https://") : strlen ("http://");
      parts->has_scheme = TRUE;
    }

  parts->host = p;
  if ((p = read_host (p, end, &parts->host_len)) == NULL)
    return FALSE;

  parts->path = p;
  while (p < end && *p != '?' && *p != '#')
    p++;
  parts->path_len = p - parts->path;
  if (p < end && *p == '?')
    {
      parts->query = ++p;
      while (p < end && *p != '#')
        p++;
      parts->query_len = p - parts->query;
    }
  return TRUE;
}

/* Stores the first non-empty segments of the path in @segs. Returns how
 * many there are, MAX_SEGMENTS + 1 standing for "more": the rest is not read. */
static guint
split_path (const UrlParts *parts,
            Slice          *segs)
{
  const char *p = parts->path;
  const char *end = p + parts->path_len;
  guint n = 0;

  while (n <= MAX_SEGMENTS)
    {
      const char *seg_end;

      while (p < end && *p == '/')
        p++;
      if (p == end)
        break;
      seg_end = memchr (p, '/', end - p);
      if (seg_end == NULL)
        seg_end = end;
      if (n < MAX_SEGMENTS)
        segs[n] = (Slice) { p, seg_end - p };
      n++;
      p = seg_end;
    }
  return n;
}

static gboolean
slice_is (Slice       s,
          const char *word)
{
  return word_is (s.s, s.s + s.len, word);
}

static gboolean
slice_is_digits (Slice s)
{
  for (gsize i = 0; i < s.len; i++)
    if (!g_ascii_isdigit (s.s[i]))
      return FALSE;
  return s.len > 0;
}

/* Whether @s is a user name: letters, digits and the bytes of @extra. */
static gboolean
slice_is_name (Slice       s,
               const char *extra)
{
  for (gsize i = 0; i < s.len; i++)
    if (!g_ascii_isalnum (s.s[i]) && strchr (extra, s.s[i]) == NULL)
      return FALSE;
  return s.len > 0;
}

/* A handle written "@user" in the URL, as on Threads, TikTok, YouTube. */
static gboolean
slice_is_at_name (Slice s)
{
  return s.len > 1 && s.s[0] == '@' && slice_is_name ((Slice) { s.s + 1, s.len - 1 }, "_.-");
}

static char *
handle_from_slice (Slice s)
{
  if (s.len > 0 && s.s[0] == '@')
    return g_strndup (s.s, s.len);
  return g_strdup_printf ("@%.*s", (int) s.len, s.s);
}

/* Whether the query has a non-empty value for @key, as "v" in "?v=abc".
 * URLs copied out of HTML may still have "&amp;" between the fields. */
static gboolean
query_has (const UrlParts *parts,
           const char     *key)
{
  const char *p = parts->query;
  const char *end = p + parts->query_len;
  gsize key_len = strlen (key);

  while (p != NULL && p < end)
    {
      const char *amp = memchr (p, '&', end - p);
      const char *field_end = amp != NULL ? amp : end;

      if (has_prefix_ci (p, field_end, "amp;"))
        p += 4;
      if ((gsize) (field_end - p) > key_len + 1
          && strncmp (p, key, key_len) == 0 && p[key_len] == '=')
        return TRUE;
      p = amp != NULL ? amp + 1 : NULL;
    }
  return FALSE;
}

/* x.com/<user>/status/<id>, and x.com/i/web/status/<id> without a user. */
static gboolean
match_x (const UrlParts  *parts G_GNUC_UNUSED,
         const Slice     *segs,
         guint            n_segs,
         char           **handle)
{
  if (n_segs >= 4 && slice_is (segs[0], "i") && slice_is (segs[1], "web")
      && slice_is (segs[2], "status") && slice_is_digits (segs[3]))
    return TRUE;
  if (n_segs < 3 || !slice_is_digits (segs[2])
      || !(slice_is (segs[1], "status") || slice_is (segs[1], "statuses"))
      || !slice_is_name (segs[0], "_"))
    return FALSE;
  if (!slice_is (segs[0], "i"))
    *handle = handle_from_slice (segs[0]);
  return TRUE;
}

/* bsky.app/profile/<handle>/post/<id>; a "did:plc:…" is no handle. */
static gboolean
match_bluesky (const UrlParts  *parts G_GNUC_UNUSED,
               const Slice     *segs,
               guint            n_segs,
               char           **handle)
{
  if (n_segs < 4 || !slice_is (segs[0], "profile") || !slice_is (segs[2], "post")
      || !slice_is_name (segs[3], ""))
    return FALSE;
  if (slice_is_name (segs[1], "_.-"))
    *handle = handle_from_slice (segs[1]);
  return TRUE;
}

/* threads.net/@<user>/post/<id> */
static gboolean
match_threads (const UrlParts  *parts G_GNUC_UNUSED,
               const Slice     *segs,
               guint            n_segs,
               char           **handle)
{
  if (n_segs < 3 || !slice_is_at_name (segs[0]) || !slice_is (segs[1], "post")
      || !slice_is_name (segs[2], "_-"))
    return FALSE;
  *handle = handle_from_slice (segs[0]);
  return TRUE;
}

/* The many shapes of a Facebook post; only "<user>/posts/<id>" and the
 * like name the page that posted it. */
static gboolean
match_facebook (const UrlParts  *parts,
                const Slice     *segs,
                guint            n_segs,
                char           **handle)
{
  if (n_segs == 0)
    return FALSE;
  if (slice_is (segs[0], "permalink.php") || slice_is (segs[0], "story.php"))
    return query_has (parts, "story_fbid");
  if (slice_is (segs[0], "photo.php") || slice_is (segs[0], "photo"))
    return query_has (parts, "fbid");
  if (slice_is (segs[0], "watch"))
    return query_has (parts, "v");
  if (slice_is (segs[0], "reel") || slice_is (segs[0], "share"))
    return n_segs >= 2;
  if (slice_is (segs[0], "groups"))
    return n_segs >= 4 && (slice_is (segs[2], "posts") || slice_is (segs[2], "permalink"));

  if (n_segs < 3 || !slice_is_name (segs[0], ".-")
      || !(slice_is (segs[1], "posts") || slice_is (segs[1], "videos")
           || slice_is (segs[1], "photos")))
    return FALSE;
  *handle = handle_from_slice (segs[0]);
  return TRUE;
}

/* fb.watch/<id>, youtu.be/<id>, vm.tiktok.com/<id>: short links that
 * name no one. */
static gboolean
match_short_link (const UrlParts  *parts G_GNUC_UNUSED,
                  const Slice     *segs,
                  guint            n_segs,
                  char           **handle G_GNUC_UNUSED)
{
  return n_segs >= 1 && slice_is_name (segs[0], "_-");
}

/* instagram.com/p/<code>/, /reel/<code>, and /<user>/p/<code> */
static gboolean
match_instagram (const UrlParts  *parts G_GNUC_UNUSED,
                 const Slice     *segs,
                 guint            n_segs,
                 char           **handle)
{
  static const char * const kinds[] = { "p", "reel", "reels", "tv" };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (n_segs >= 2 && slice_is (segs[0], kinds[i]))
        return slice_is_name (segs[1], "_-");
    }
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (n_segs >= 3 && slice_is (segs[1], kinds[i])
          && slice_is_name (segs[0], "_.") && slice_is_name (segs[2], "_-"))
        {
          *handle = handle_from_slice (segs[0]);
          return TRUE;
        }
    }
  return FALSE;
}

/* t.me/<channel>/<id>, its web preview t.me/s/<channel>/<id>, and
 * t.me/c/<chat>/<id> for private chats. */
static gboolean
match_telegram (const UrlParts  *parts G_GNUC_UNUSED,
                const Slice     *segs,
                guint            n_segs,
                char           **handle)
{
  if (n_segs >= 3 && slice_is (segs[0], "c"))
    return slice_is_digits (segs[1]) && slice_is_digits (segs[2]);
  if (n_segs >= 3 && slice_is (segs[0], "s"))
    segs++, n_segs--;
  if (n_segs < 2 || !slice_is_name (segs[0], "_") || !slice_is_digits (segs[1]))
    return FALSE;
  *handle = handle_from_slice (segs[0]);
  return TRUE;
}

/* youtube.com/watch?v=<id>, /shorts/<id>, /live/<id>, /post/<id>, and
 * /@<handle>/<kind>/<id>. "/@<handle>/videos" is a channel page, no post. */
static gboolean
match_youtube (const UrlParts  *parts,
               const Slice     *segs,
               guint            n_segs,
               char           **handle)
{
  static const char * const kinds[] = { "shorts", "live", "embed", "post" };

  if (n_segs >= 1 && slice_is (segs[0], "watch"))
    return query_has (parts, "v");
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (n_segs >= 2 && slice_is (segs[0], kinds[i]))
        return slice_is_name (segs[1], "_-");
    }
  if (n_segs >= 1 && slice_is_at_name (segs[0])
      && (n_segs >= 3 || (n_segs == 2 && slice_is (segs[1], "community")
                          && query_has (parts, "lb"))))
    {
      *handle = handle_from_slice (segs[0]);
      return TRUE;
    }
  return FALSE;
}

/* tiktok.com/@<user>/video/<id> */
static gboolean
match_tiktok (const UrlParts  *parts G_GNUC_UNUSED,
              const Slice     *segs,
              guint            n_segs,
              char           **handle)
{
  if (n_segs < 3 || !slice_is_at_name (segs[0]) || !slice_is_digits (segs[2])
      || !(slice_is (segs[1], "video") || slice_is (segs[1], "photo")))
    return FALSE;
  *handle = handle_from_slice (segs[0]);
  return TRUE;
}

/* linkedin.com/posts/<user>_<slug> and
 * linkedin.com/feed/update/urn:li:activity:<id>. LinkedIn user names have
 * no "_", so the first one ends the user. */
static gboolean
match_linkedin (const UrlParts  *parts G_GNUC_UNUSED,
                const Slice     *segs,
                guint            n_segs,
                char           **handle)
{
  const char *underscore;

  if (n_segs >= 3 && slice_is (segs[0], "feed") && slice_is (segs[1], "update"))
    return has_prefix_ci (segs[2].s, segs[2].s + segs[2].len, "urn:li:");
  if (n_segs < 2 || !slice_is (segs[0], "posts"))
    return FALSE;

  underscore = memchr (segs[1].s, '_', segs[1].len);
  if (underscore != NULL && slice_is_name ((Slice) { segs[1].s, underscore - segs[1].s }, "-"))
    *handle = handle_from_slice ((Slice) { segs[1].s, underscore - segs[1].s });
  return TRUE;
}

/* https://<server>/@<user>/<id> on any fediverse server, and the
 * ActivityPub form https://<server>/users/<user>/statuses/<id>. A post of a
 * remote account shows as /@<user>@<home>/<id>. */
static gboolean
match_mastodon (const UrlParts  *parts,
                const Slice     *segs,
                guint            n_segs,
                char           **handle)
{
  g_autofree char *server = NULL;
  Slice user;

  if (n_segs == 2 && segs[0].len > 1 && segs[0].s[0] == '@' && slice_is_digits (segs[1]))
    user = (Slice) { segs[0].s + 1, segs[0].len - 1 };
  else if (n_segs == 4 && slice_is (segs[0], "users") && slice_is (segs[2], "statuses")
           && slice_is_digits (segs[3]))
    user = segs[1];
  else
    return FALSE;

  if (!slice_is_name (user, "_.-@") || user.s[0] == '@' || user.s[user.len - 1] == '@')
    return FALSE;
  if (memchr (user.s, '@', user.len) != NULL)
    {
      *handle = handle_from_slice (user);
      return TRUE;
    }
  server = g_ascii_strdown (parts->host, parts->host_len);
  *handle = g_strdup_printf ("@%.*s@%s", (int) user.len, user.s, server);
  return TRUE;
}

static const struct
{
  const char     *host;
  QuotesPlatform  platform;
  PostUrlFunc     match;
} post_hosts[] = {
  { "x.com",         QUOTES_PLATFORM_X,         match_x },
  { "twitter.com",   QUOTES_PLATFORM_X,         match_x },
  { "bsky.app",      QUOTES_PLATFORM_BLUESKY,   match_bluesky },
  { "threads.net",   QUOTES_PLATFORM_THREADS,   match_threads },
  { "threads.com",   QUOTES_PLATFORM_THREADS,   match_threads },
  { "facebook.com",  QUOTES_PLATFORM_FACEBOOK,  match_facebook },
  { "fb.com",        QUOTES_PLATFORM_FACEBOOK,  match_facebook },
  { "fb.watch",      QUOTES_PLATFORM_FACEBOOK,  match_short_link },
  { "instagram.com", QUOTES_PLATFORM_INSTAGRAM, match_instagram },
  { "t.me",          QUOTES_PLATFORM_TELEGRAM,  match_telegram },
  { "telegram.me",   QUOTES_PLATFORM_TELEGRAM,  match_telegram },
  { "youtube.com",   QUOTES_PLATFORM_YOUTUBE,   match_youtube },
  { "youtu.be",      QUOTES_PLATFORM_YOUTUBE,   match_short_link },
  { "tiktok.com",    QUOTES_PLATFORM_TIKTOK,    match_tiktok },
  { "vm.tiktok.com", QUOTES_PLATFORM_TIKTOK,    match_short_link },
  { "vt.tiktok.com", QUOTES_PLATFORM_TIKTOK,    match_short_link },
  { "linkedin.com",  QUOTES_PLATFORM_LINKEDIN,  match_linkedin },
};

/* Strips "www." and then a mobile or regional prefix: "mobile.twitter.com",
 * "m.facebook.com", "web.facebook.com". */
static const char *
strip_host_prefixes (const char *host)
{
  static const char * const prefixes[] = { "mobile.", "m.", "web." };

  if (g_str_has_prefix (host, "www."))
    host += 4;
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      if (g_str_has_prefix (host, prefixes[i]))
        return host + strlen (prefixes[i]);
    }
  return host;
}

static gboolean
classify_post_url (const UrlParts  *parts,
                   QuotesPlatform  *platform,
                   char           **handle)
{
  char host_buf[MAX_HOST_BYTES + 1];
  const char *host;
  Slice segs[MAX_SEGMENTS];
  guint n_segs;

  for (gsize i = 0; i < parts->host_len; i++)
    host_buf[i] = g_ascii_tolower (parts->host[i]);
  host_buf[parts->host_len] = '\0';
  host = strip_host_prefixes (host_buf);
  n_segs = split_path (parts, segs);

  for (guint i = 0; i < G_N_ELEMENTS (post_hosts); i++)
    {
      if (strcmp (host, post_hosts[i].host) == 0)
        {
          *platform = post_hosts[i].platform;
          return post_hosts[i].match (parts, segs, n_segs, handle);
        }
    }

  /* Any other server may be a fediverse one, but only a URL with its scheme
   * counts: "example.org/@me/1" in prose is too weak a sign. */
  *platform = QUOTES_PLATFORM_MASTODON;
  return parts->has_scheme && match_mastodon (parts, segs, n_segs, handle);
}

/* Reads the URL that starts at @start and ends by @limit, and tells whether
 * it links to a post. @token_end is set to where the URL-like run of
 * characters ends, trailing punctuation included, even when it is no post. */
static gboolean
match_post_url (const char *text,
                gsize       start,
                gsize       limit,
                gsize      *token_end,
                UrlMatch   *match)
{
  UrlParts parts;
  gsize end;

  memset (match, 0, sizeof *match);
  *token_end = url_token_end (text, start, limit);
  end = url_trim_end (text, start, *token_end);
  if (!split_url (text + start, end - start, &parts)
      || !classify_post_url (&parts, &match->platform, &match->handle))
    {
      g_clear_pointer (&match->handle, g_free);
      return FALSE;
    }

  match->found = TRUE;
  match->start = start;
  match->end = end;
  return TRUE;
}

/* ---------------------------------------------------------------------------
 * Signature lines of embedded posts
 * ------------------------------------------------------------------------- */

static void
read_line (const char *text,
           gsize       length,
           gsize       start,
           Line       *line)
{
  const char *nl = memchr (text + start, '\n', length - start);
  gsize end = nl != NULL ? (gsize) (nl - text) : length;

  line->start = start;
  line->next = nl != NULL ? end + 1 : length;
  if (end > start && text[end - 1] == '\r')
    end--;
  line->end = end;
  line->blank = skip_spaces (text + start, text + end) == text + end;
}

static gboolean
blank_line_at (const char *text,
               gsize       length,
               gsize       pos)
{
  const char *p = skip_spaces (text + pos, text + length);

  return p == text + length || *p == '\n';
}

/* What opens a signature line: a dash (the "&mdash;" of X's and Bluesky's
 * embed code, or what a site wrote for it), or Instagram's and Facebook's
 * wording. Returns what follows, or NULL. */
static const char *
read_signature_lead (const char    *p,
                     const char    *end,
                     SignatureKind *kind)
{
  static const char * const dashes[] = {
    "\xe2\x80\x94", "\xe2\x80\x93", "\xe2\x80\x95", "--", "-",
  };

  for (guint i = 0; i < G_N_ELEMENTS (dashes); i++)
    {
      if (has_prefix_ci (p, end, dashes[i]))
        {
          *kind = SIGNATURE_DASH;
          return p + strlen (dashes[i]);
        }
    }
  if (has_prefix_ci (p, end, "A post shared by "))
    {
      *kind = SIGNATURE_SHARED;
      return p + strlen ("A post shared by ");
    }
  if (has_prefix_ci (p, end, "Posted by "))
    {
      *kind = SIGNATURE_POSTED;
      return p + strlen ("Posted by ");
    }
  return NULL;
}

/* Reads the "handle" of "(@handle)" or "@handle": letters, digits, "_",
 * "." (Bluesky, Instagram) and "-", and one more "@server" (fediverse).
 * Returns its end, or NULL. */
static const char *
read_handle (const char *p,
             const char *end)
{
  const char *start = p;
  gboolean server = FALSE;

  while (p < end && p - start < MAX_HANDLE_BYTES)
    {
      if (g_ascii_isalnum (*p) || *p == '_' || *p == '.' || *p == '-')
        p++;
      else if (*p == '@' && !server && p > start)
        server = TRUE, p++;
      else
        break;
    }
  if (p == start || p[-1] == '@' || p[-1] == '.')
    return NULL;
  return p;
}

/* "Posted by The White House on Tuesday, March 15, 2025": with no handle
 * the name ends at the " on " that a date follows. Only @window is
 * searched, so the cost per line is bounded. */
static const char *
read_name_before_date (const char *p,
                       const char *window_end,
                       const char *end,
                       Slice      *name)
{
  const char *from = p;
  const char *on;

  while ((on = find_bytes (from, window_end, " on ")) != NULL)
    {
      const char *date_end;
      g_autofree char *date = read_date (skip_spaces (on + 4, end), end, &date_end);

      if (date != NULL)
        {
          *name = (Slice) { p, skip_spaces_back (p, on) - p };
          return on;
        }
      from = on + 1;
    }
  return NULL;
}

/* Reads "Name (@handle)", or for Instagram and Facebook also "@handle"
 * or "Name" alone. Returns where the rest of the line starts, or NULL. */
static const char *
read_byline (const char *p,
             const char *end,
             Signature  *sig)
{
  const char *window_end = p + MIN ((gsize) (end - p), MAX_NAME_BYTES + 2);
  const char *paren, *handle_end;

  if (sig->kind != SIGNATURE_DASH && p < end && *p == '@')
    {
      handle_end = read_handle (p + 1, end);
      if (handle_end == NULL || (handle_end < end && space_len (handle_end, end) == 0))
        return NULL;
      sig->name = (Slice) { p, 0 };
      sig->handle = g_strndup (p, handle_end - p);
      return handle_end;
    }

  /* The name may hold anything, even "/" and Cyrillic, but not "(@" */
  paren = find_bytes (p, window_end, "(@");
  if (paren == NULL)
    return sig->kind == SIGNATURE_DASH ? NULL
                                       : read_name_before_date (p, window_end, end, &sig->name);

  handle_end = read_handle (paren + 2, end);
  if (handle_end == NULL || handle_end == end || *handle_end != ')')
    return NULL;
  sig->name = (Slice) { p, skip_spaces_back (p, paren) - p };
  sig->handle = g_strndup (paren + 1, handle_end - paren - 1);
  return handle_end + 1;
}

/* "am", "pm", "a.m.", "p.m." */
static const char *
skip_meridiem (const char *p,
               const char *end)
{
  static const char * const forms[] = { "a.m.", "p.m.", "am", "pm" };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      if (has_prefix_ci (p, end, forms[i]))
        return p + strlen (forms[i]);
    }
  return p;
}

/* "10:05am", "10:05", "10am", "AM": Instagram and Bluesky add the time. */
static gboolean
is_time_word (const char *p,
              const char *end)
{
  const char *q = p;
  gboolean colon = FALSE;
  guint value;

  if (skip_meridiem (p, end) == end)
    return TRUE;
  if (!read_number (&q, end, 1, 2, &value))
    return FALSE;
  while (q < end && *q == ':')
    {
      q++;
      if (!read_number (&q, end, 2, 2, &value))
        return FALSE;
      colon = TRUE;
    }
  if (!colon && skip_meridiem (q, end) == q)
    return FALSE;
  q = skip_meridiem (q, end);
  if (q < end && *q == ',')
    q++;
  return q == end;
}

/* "PDT", "UTC", "GMT+2", "UTC+05:30", "(CET)" */
static gboolean
is_zone_word (const char *p,
              const char *end)
{
  const char *q;
  guint value;

  if (end - p >= 2 && *p == '(' && end[-1] == ')')
    p++, end--;
  q = p;
  while (q < end && g_ascii_isupper (*q) && q - p < 5)
    q++;
  if (q - p < 2)
    return FALSE;
  if (q < end && (*q == '+' || *q == '-'))
    {
      q++;
      if (!read_number (&q, end, 1, 2, &value))
        return FALSE;
      if (q < end && *q == ':' && (++q, !read_number (&q, end, 2, 2, &value)))
        return FALSE;
    }
  return q == end;
}

/* The length of a separator at @p: "·", "•", "–", "—" or one of ",.;:|-". */
static gsize
separator_len (const char *p,
               const char *end)
{
  static const char * const marks[] = {
    "\xc2\xb7", "\xe2\x80\xa2", "\xe2\x80\x93", "\xe2\x80\x94",
  };

  if (strchr (",.;:|-", *p) != NULL)
    return 1;
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      if (has_prefix_ci (p, end, marks[i]))
        return strlen (marks[i]);
    }
  return 0;
}

/* The words that may stand between a signature's handle, its date and its
 * links without making the line running text. */
static gboolean
is_filler_word (const char *p,
                const char *end)
{
  const char *q = p;
  gsize n;

  if (word_is (p, end, "on") || word_is (p, end, "at"))
    return TRUE;
  while (q < end && (n = separator_len (q, end)) > 0)
    q += n;
  return q == end || is_time_word (p, end) || is_zone_word (p, end);
}

/* A word like "pic.twitter.com/abc" or "https://…": a link of some kind. */
static gboolean
is_link_word (const char *p,
              const char *end)
{
  return memchr (p, '/', end - p) != NULL && memchr (p, '.', end - p) != NULL;
}

/* A word of letters in any script that is no English month name: one
 * would have made an English date. */
static gboolean
is_foreign_word (const char *p,
                 const char *end)
{
  const char *q = p;

  for (const char *c = p; c < end; c = g_utf8_next_char (c))
    {
      if (!g_unichar_isalpha (g_utf8_get_char (c)))
        return FALSE;
    }
  return !(read_name (&q, end, month_names, G_N_ELEMENTS (month_names)) && q == end);
}

/* A date in another language, "15 березня 2025 р." or "15. März 2025", is
 * not read, but must not make the line running text either: up to six
 * words that hold one day number, one year and otherwise foreign words,
 * with at most one word after the date is complete. Returns the end of the
 * last word that belongs to it, or NULL. */
static const char *
skip_foreign_date (const char *p,
                   const char *end)
{
  const char *after = NULL;
  guint days = 0;
  guint years = 0;

  for (guint n = 0; n < 6 && (p = skip_spaces (p, end)) < end; n++)
    {
      const char *w_end = word_end (p, end);
      const char *core_end = w_end;
      const char *q = p;
      guint value;

      while (core_end > p && (core_end[-1] == '.' || core_end[-1] == ','))
        core_end--;
      if (read_number (&q, core_end, 4, 4, &value) && q == core_end)
        years += value >= 1900 && value <= 2999 ? 1 : 2;
      else if ((q = p, read_number (&q, core_end, 1, 2, &value)) && q == core_end)
        days += value >= 1 && value <= 31 ? 1 : 2;
      else if (core_end == p || !is_foreign_word (p, core_end))
        break;
      if (days > 1 || years > 1)
        return NULL;
      p = w_end;
      /* The date is complete; one more word may close it ("р.") */
      if (after != NULL)
        return w_end;
      if (days == 1 && years == 1)
        after = w_end;
    }
  return after;
}

/* Reads the signature's date at @p, in English into @sig, or in another
 * language unread. Returns its end, or NULL. */
static const char *
read_signature_date (const char *p,
                     const char *end,
                     Signature  *sig)
{
  const char *date_end;

  sig->date = read_date (p, end, &date_end);
  if (sig->date != NULL)
    return date_end;
  return skip_foreign_date (p, end);
}

/* After the handle a signature line holds only a date, a time, a time zone
 * and links; anything else means that the line is running text that merely
 * starts with a dash, such as a list item "- Smith (@jsmith) said …". The
 * first post URL among the links is the post's own. */
static gboolean
read_signature_tail (const char *text,
                     const char *p,
                     const char *end,
                     Signature  *sig)
{
  gboolean date_seen = FALSE;

  for (guint n_words = 0; (p = skip_spaces (p, end)) < end; n_words++)
    {
      const char *w_end = word_end (p, end);
      const char *date_end;
      gsize token_end;
      UrlMatch match;

      /* The date comes first, after at most an "on" or a separator */
      if (!date_seen && n_words < 3 && (date_end = read_signature_date (p, end, sig)) != NULL)
        {
          date_seen = TRUE;
          p = date_end;
          continue;
        }
      if (is_link_word (p, w_end))
        {
          while (strchr ("(<[", *p) != NULL)
            p++;
          if (!sig->url.found && match_post_url (text, p - text, w_end - text, &token_end, &match))
            sig->url = match;
        }
      else if (!is_filler_word (p, w_end))
        return FALSE;
      p = w_end;
    }
  return TRUE;
}

static gboolean
read_signature (const char *text,
                const Line *line,
                Signature  *sig)
{
  const char *end = text + line->end;
  const char *p = skip_spaces (text + line->start, end);
  const char *rest;

  sig->start = p - text;
  rest = read_signature_lead (p, end, &sig->kind);
  if (rest != NULL)
    rest = read_byline (skip_spaces (rest, end), end, sig);
  if (rest == NULL || !read_signature_tail (text, rest, end, sig))
    {
      signature_clear (sig);
      return FALSE;
    }
  sig->end = skip_spaces_back (p, end) - text;
  return TRUE;
}

/* The platform a signature tells: its post URL's, else its wording's, else
 * its handle's. X handles hold neither "." (Bluesky uses domain names) nor
 * a second "@" (the fediverse's @user@server). */
static QuotesPlatform
signature_platform (const Signature *sig)
{
  if (sig->url.found)
    return sig->url.platform;
  if (sig->kind == SIGNATURE_SHARED)
    return QUOTES_PLATFORM_INSTAGRAM;
  if (sig->kind == SIGNATURE_POSTED)
    return QUOTES_PLATFORM_FACEBOOK;
  if (sig->handle != NULL && strchr (sig->handle + 1, '@') != NULL)
    return QUOTES_PLATFORM_MASTODON;
  if (sig->handle != NULL && strchr (sig->handle, '.') != NULL)
    return QUOTES_PLATFORM_BLUESKY;
  return QUOTES_PLATFORM_X;
}

/* Whether the post URL @match may be the link of @sig's own post: it names
 * the same account, or at least comes from the same platform without
 * naming another one. A YouTube link under a tweet is a post of its own. */
static gboolean
url_fits_signature (const UrlMatch  *match,
                    const Signature *sig)
{
  if (sig->handle != NULL && match->handle != NULL)
    return g_ascii_strcasecmp (sig->handle, match->handle) == 0;
  return match->platform == signature_platform (sig);
}

/* Some sites print the post's link on the line below the signature. A post
 * URL alone on that line that fits the signature joins the post. Returns
 * where the line after what the signature took starts. */
static gsize
take_url_line (const char *text,
               gsize       length,
               gsize       pos,
               Signature  *sig)
{
  const char *p, *end;
  UrlMatch match;
  gsize token_end;
  Line line;

  if (sig->url.found || pos >= length)
    return pos;

  read_line (text, length, pos, &line);
  p = skip_spaces (text + line.start, text + line.end);
  end = skip_spaces_back (p, text + line.end);
  if (p == end || word_end (p, end) != end
      || !match_post_url (text, p - text, end - text, &token_end, &match))
    return pos;
  if (!url_fits_signature (&match, sig))
    {
      g_free (match.handle);
      return pos;
    }

  sig->url = match;
  sig->end = match.end;
  return line.next;
}

/* The post's own text is the paragraph just above the signature, past at
 * most one blank line. What a paragraph is depends on the layout. Where
 * paragraphs are parted by blank lines it is the run of lines since the last
 * blank one: a post with line breaks, or hard-wrapped text. Where each line
 * is a paragraph, as in text copied from a web page, a post is the one line
 * above: the run may be half the article. A signature followed straight by
 * more text tells the second layout. */
static gboolean
find_post_text (const char *text,
                const Line *recent,
                gsize       n_recent,
                gboolean    blank_after,
                gsize      *text_start,
                gsize      *text_end)
{
  gsize avail = MIN (n_recent, RECENT_LINES);
  gsize gap = 0;
  gsize run = 0;
  const Line *first, *last;

#define LINE_ABOVE(k) (&recent[(n_recent - 1 - (k)) % RECENT_LINES])
  if (avail > 0 && LINE_ABOVE (0)->blank)
    gap = 1;
  while (gap + run < avail && !LINE_ABOVE (gap + run)->blank)
    run++;
  if (run == 0)
    return FALSE;

  last = first = LINE_ABOVE (gap);
  /* gap + run < avail: the run stopped at a blank line, not at what is kept */
  if (blank_after && run > 1 && run <= MAX_POST_LINES && gap + run < avail)
    first = LINE_ABOVE (gap + run - 1);
#undef LINE_ABOVE

  *text_start = skip_spaces (text + first->start, text + first->end) - text;
  *text_end = skip_spaces_back (text + last->start, text + last->end) - text;
  return TRUE;
}

static void
signature_to_post (const char     *text,
                   Signature      *sig,
                   QuotesPostSpan *post)
{
  post->platform = signature_platform (sig);
  post->author = sig->name.len > 0 ? g_strndup (sig->name.s, sig->name.len) : NULL;
  post->handle = g_steal_pointer (&sig->handle);
  if (post->handle == NULL)
    post->handle = g_steal_pointer (&sig->url.handle);
  post->date = g_steal_pointer (&sig->date);
  if (sig->url.found)
    post->url = g_strndup (text + sig->url.start, sig->url.end - sig->url.start);
  post->end = sig->end;
}

/* ---------------------------------------------------------------------------
 * Signatures inside a line
 *
 * Text copied from a web page often keeps an embedded post on one line, its
 * signature running on after its text, even glued to its last link:
 * "… pic.twitter.com/Ab3xYz— Apple Music (@AppleMusic) September 27, 2016".
 * Inside a line a dash is mostly prose, so such a signature must hold a
 * date right after its handle, and a lone "-" does not open one.
 * ------------------------------------------------------------------------- */

/* The length of the dash that ends just before @q, at or after @from. */
static gsize
dash_len_before (const char *from,
                 const char *q)
{
  static const char * const dashes[] = {
    "\xe2\x80\x94", "\xe2\x80\x93", "\xe2\x80\x95", "--",
  };

  for (guint i = 0; i < G_N_ELEMENTS (dashes); i++)
    {
      gsize len = strlen (dashes[i]);

      if ((gsize) (q - from) >= len && memcmp (q - len, dashes[i], len) == 0)
        return len;
    }
  return 0;
}

/* Finds the dash that opens the signature whose "(@" is at @paren: the last
 * one in [@from, @paren), no further back than a display name can be long.
 * Returns the dash's start and sets @name, or returns NULL. */
static const char *
find_inline_dash (const char *from,
                  const char *paren,
                  Slice      *name)
{
  const char *limit = paren - MIN ((gsize) (paren - from), MAX_NAME_BYTES);
  const char *name_start, *name_end;

  for (const char *q = paren; q > limit; q--)
    {
      gsize len = dash_len_before (limit, q);

      if (len == 0)
        continue;
      name_start = skip_spaces (q, paren);
      name_end = skip_spaces_back (name_start, paren);
      if (name_end == name_start || !g_unichar_isalnum (g_utf8_get_char (name_start)))
        return NULL;
      *name = (Slice) { name_start, name_end - name_start };
      return q - len;
    }
  return NULL;
}

/* Reads what follows the handle of a signature inside a line: a date within
 * the first three words, then any times, time zones and links. The line
 * may go on with a markup tag or with other text, where the signature
 * ends; but not with a lower-case word, which goes on the sentence the
 * dash was in ("— Jo Roe (@jroe) March 3, 2016, took over"). So the date
 * must be one that is read: an unread foreign one would let "(@handle)
 * заявив 15 березня 2025 року, що …" pass as a signature. Returns the
 * signature's end, or NULL when there is none. */
static const char *
read_inline_tail (const char *text,
                  const char *p,
                  const char *end,
                  Signature  *sig)
{
  const char *sig_end = NULL;
  const char *date_end;

  for (guint n = 0; n < 3 && sig_end == NULL && (p = skip_spaces (p, end)) < end; n++)
    {
      const char *w_end = word_end (p, end);

      if ((sig->date = read_date (p, end, &date_end)) != NULL)
        sig_end = p = date_end;
      else if (is_filler_word (p, w_end))
        p = w_end;
      else
        return NULL;
    }
  if (sig_end == NULL)
    return NULL;

  while ((p = skip_spaces (p, end)) < end && *p != '<')
    {
      const char *w_end = word_end (p, end);
      gsize token_end;
      UrlMatch match;

      if (is_link_word (p, w_end))
        {
          if (!sig->url.found && match_post_url (text, p - text, w_end - text, &token_end, &match))
            sig->url = match;
        }
      else if (g_ascii_islower (*p))
        return NULL;
      else if (!is_filler_word (p, w_end))
        break;
      sig_end = p = w_end;
    }
  return sig_end;
}

/* Reads the signature whose "(@" is at @paren, with its dash at or after
 * @from. Fills @sig, whose start is the dash's. */
static gboolean
read_inline_signature (const char *text,
                       const char *from,
                       const char *paren,
                       const char *end,
                       Signature  *sig)
{
  const char *dash = find_inline_dash (from, paren, &sig->name);
  const char *handle_end, *sig_end;

  if (dash == NULL)
    return FALSE;
  handle_end = read_handle (paren + 2, end);
  if (handle_end == NULL || handle_end == end || *handle_end != ')')
    return FALSE;

  sig->kind = SIGNATURE_DASH;
  sig->handle = g_strndup (paren + 1, handle_end - paren - 1);
  sig_end = read_inline_tail (text, handle_end + 1, end, sig);
  if (sig_end == NULL)
    {
      signature_clear (sig);
      return FALSE;
    }
  sig->start = dash - text;
  sig->end = sig_end - text;
  return TRUE;
}

/* Skips one markup tag that opens a line, such as the "<blockquote …>" or
 * "<tweet …>" of text copied with its markup: it is no part of the post. */
static const char *
skip_opening_tag (const char *p,
                  const char *end)
{
  const char *close;

  if (end - p < 2 || *p != '<' || !g_ascii_isalpha (p[1]))
    return p;
  close = memchr (p, '>', end - p);
  return close != NULL ? skip_spaces (close + 1, end) : p;
}

#define MAX_INLINE_POST_TEXT 1200  /* bytes: a long post (500 characters) and its links */

/* Where a post that ends at @signature starts when the line before it is
 * longer than any post: after the first sentence end within the last
 * MAX_INLINE_POST_TEXT bytes, else after a space there. Keeps a post and
 * everything that compares quotes with it small on a text of one line. */
static const char *
inline_post_start (const char *from,
                   const char *signature)
{
  const char *start, *p;

  if ((gsize) (signature - from) <= MAX_INLINE_POST_TEXT)
    return from;
  start = signature - MAX_INLINE_POST_TEXT;
  for (p = start; p + 1 < signature; p++)
    if ((*p == '.' || *p == '?' || *p == '!') && p[1] == ' ')
      return skip_spaces (p + 1, signature);
  for (p = start; p < signature; p++)
    if (*p == ' ')
      return skip_spaces (p, signature);
  while (start < signature && ((guchar) *start & 0xC0) == 0x80)
    start++;  /* not inside a character */
  return start;
}

/* Makes a post of every signature inside @line. A post's text runs back to
 * the end of the previous post on the line, or to the start of the line,
 * and must not be empty: a line that opens with a signature is read as a
 * signature line or not at all. Each "(@" is looked at once, and the
 * look-back for its dash stops at the previous one, so the line is read in
 * linear time. Returns whether any was found. */
static gboolean
find_inline_posts (const char *text,
                   const Line *line,
                   GArray     *posts)
{
  const char *end = text + line->end;
  const char *from = skip_opening_tag (skip_spaces (text + line->start, end), end);
  const char *search = from;
  const char *paren;
  guint n_found = 0;

  while ((paren = find_bytes (search, end, "(@")) != NULL)
    {
      Signature sig = { 0 };
      QuotesPostSpan post = { 0 };

      if (!read_inline_signature (text, search, paren, end, &sig))
        {
          search = paren + 2;
          continue;
        }
      if (skip_spaces_back (from, text + sig.start) == from)
        {
          signature_clear (&sig);
          search = paren + 2;
          continue;
        }

      from = inline_post_start (from, text + sig.start);
      signature_to_post (text, &sig, &post);
      post.start = post.text_start = from - text;
      post.text_end = skip_spaces_back (from, text + sig.start) - text;
      g_array_append_val (posts, post);
      signature_clear (&sig);
      n_found++;
      from = search = skip_spaces (text + post.end, end);
    }
  return n_found > 0;
}

/* Walks the text a line at a time, keeping the last few lines: one that
 * reads as a signature makes a post of itself and the paragraph above it;
 * one that holds signatures makes posts of them and the text before them.
 * Lines before a post are forgotten once it is made, so no text is taken
 * twice and nothing is read backwards. */
static GArray *
find_embedded_posts (const char *text,
                     gsize       length)
{
  GArray *posts = g_array_new (FALSE, TRUE, sizeof (QuotesPostSpan));
  Line recent[RECENT_LINES];
  gsize n_recent = 0;
  gsize pos = 0;

  while (pos < length)
    {
      Signature sig = { 0 };
      QuotesPostSpan post = { 0 };
      Line line;

      read_line (text, length, pos, &line);
      pos = line.next;
      if (line.blank)
        {
          recent[n_recent++ % RECENT_LINES] = line;
          continue;
        }
      if (!read_signature (text, &line, &sig))
        {
          if (find_inline_posts (text, &line, posts))
            n_recent = 0;
          else if (quotes_posts_read_markup (text, line.start, line.end, &post))
            {
              g_array_append_val (posts, post);
              n_recent = 0;
            }
          else
            recent[n_recent++ % RECENT_LINES] = line;
          continue;
        }

      pos = take_url_line (text, length, pos, &sig);
      signature_to_post (text, &sig, &post);
      if (find_post_text (text, recent, n_recent, blank_line_at (text, length, pos),
                          &post.text_start, &post.text_end))
        post.start = post.text_start;
      else
        post.start = post.text_start = post.text_end = sig.start;
      g_array_append_val (posts, post);
      signature_clear (&sig);
      n_recent = 0;
    }
  return posts;
}

/* ---------------------------------------------------------------------------
 * Post URLs in the running text
 * ------------------------------------------------------------------------- */

/* Where the URL whose first "/" is at @at starts: at its "http://" or
 * "https://", or without a scheme at its host name, looked for backwards no
 * further than a host name can be long. A look-back stops at the previous
 * "/", so no byte is looked at twice. */
static gboolean
url_start_at_slash (const char *text,
                    gsize       length,
                    gsize       at,
                    gsize      *start)
{
  gsize b = at;

  if (at > 0 && text[at - 1] == ':')
    {
      gsize colon = at - 1;

      if (at + 1 >= length || text[at + 1] != '/')
        return FALSE;
      b = colon;
      while (b > 0 && colon - b < 5 && g_ascii_isalpha (text[b - 1]))
        b--;
      if (!(colon - b == 4 && g_ascii_strncasecmp (text + b, "http", 4) == 0)
          && !(colon - b == 5 && g_ascii_strncasecmp (text + b, "https", 5) == 0))
        return FALSE;
    }
  else
    {
      while (b > 0 && at - b < MAX_HOST_BYTES && is_host_char (text[b - 1]))
        b--;
      if (b == at)
        return FALSE;
    }

  if (b > 0 && !is_url_boundary (text[b - 1]))
    return FALSE;
  *start = b;
  return TRUE;
}

static void
append_url_post (const char     *text,
                 UrlMatch       *match,
                 GArray         *posts)
{
  QuotesPostSpan post = { 0 };

  post.start = post.text_start = post.text_end = match->start;
  post.end = match->end;
  post.platform = match->platform;
  post.handle = g_steal_pointer (&match->handle);
  post.url = g_strndup (text + match->start, match->end - match->start);
  g_array_append_val (posts, post);
}

/* Moves the embedded posts that end by @pos to @posts, in order. The
 * strings move with them: @embedded has no clear func. */
static guint
move_embedded_before (GArray *embedded,
                      guint   next,
                      gsize   pos,
                      GArray *posts)
{
  for (; next < embedded->len; next++)
    {
      QuotesPostSpan *post = &g_array_index (embedded, QuotesPostSpan, next);

      if (post->end > pos)
        break;
      g_array_append_vals (posts, post, 1);
    }
  return next;
}

/* Adds the post URLs of the text to @posts, interleaved with the embedded
 * posts in order. Every post URL has a "/" just after its host or in its
 * "://", so the scan jumps from one "/" to the next with memchr() and skips
 * whole URL-like runs at once. A URL inside an embedded post, in its text
 * or on its signature line, belongs to that post. */
static void
add_posts_in_order (const char *text,
                    gsize       length,
                    GArray     *embedded,
                    GArray     *posts)
{
  gsize pos = 0;
  guint next = 0;

  while (pos < length)
    {
      const char *slash = memchr (text + pos, '/', length - pos);
      gsize at, start, token_end;
      UrlMatch match;

      if (slash == NULL)
        break;
      at = slash - text;
      next = move_embedded_before (embedded, next, at, posts);
      if (next < embedded->len && g_array_index (embedded, QuotesPostSpan, next).start <= at)
        {
          pos = g_array_index (embedded, QuotesPostSpan, next).end;
          continue;
        }
      if (!url_start_at_slash (text, length, at, &start))
        {
          pos = at + 1;
          continue;
        }
      if (match_post_url (text, start, length, &token_end, &match))
        append_url_post (text, &match, posts);
      pos = MAX (token_end, at + 1);
    }
  move_embedded_before (embedded, next, G_MAXSIZE, posts);
}

GArray *
quotes_posts_find (const char *text,
                   gsize       length)
{
  g_autoptr(GArray) embedded = NULL;
  GArray *posts;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  posts = g_array_new (FALSE, TRUE, sizeof (QuotesPostSpan));
  g_array_set_clear_func (posts, quotes_post_span_clear);
  if (length == 0)
    return posts;

  embedded = find_embedded_posts (text, length);
  add_posts_in_order (text, length, embedded, posts);
  return posts;
}
