/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * test-cases: runs the examples of tests/cases/\*.md against the engine.
 *
 * Each case of a file is a "## title" heading, optional notes, a ```text
 * fence holding the input exactly as analysed (the newline before the
 * closing fence is not part of it), then one expectation per "- " line:
 *
 *   - direct|partial|indirect|scare "S" [by "NAME"|none] [cue "C"|none]
 *                                       [source "T"|none] [post "@h"|none]
 *   - quote "S" post "@h"|none
 *   - no-quote "S"
 *   - person|organization "NAME" [title "T"|none] [alias "A"]... [mention "M"]...
 *   - not-entity "W"
 *   - post PLATFORM "@h"|none [date "D"|none] [author "A"|none] [speaker "NAME"|none]
 *   - speakers N
 *   - quotes N           (direct and partial quotes)
 *   - reported N         (indirect quotes)
 *
 * Strings are in straight double quotes; \" and \\ escape inside them.
 * A note line "Pending: why" marks a case the engine does not meet yet: it
 * is reported as a known gap (TAP "TODO") while it fails, and fails once it
 * passes.
 * After the fence only expectations and blank lines may follow, so a typo
 * fails loudly instead of being read as a note.
 *
 * The cases are read from $QUOTES_CASES_DIR, or else from CASES_DIR (given at
 * build time). One GTest per case: /Cases/<file-stem>/<n>-<slug-of-title>.
 */

#include <locale.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include <quotes.h>

#include "test-util.h"

/* The case files ---------------------------------------------------------- */

typedef enum
{
  EXPECT_QUOTE_KIND,
  EXPECT_QUOTE_POST,
  EXPECT_NO_QUOTE,
  EXPECT_ENTITY,
  EXPECT_NOT_ENTITY,
  EXPECT_POST,
  EXPECT_SPEAKERS,
  EXPECT_QUOTES,
  EXPECT_REPORTED,
} ExpectType;

/* An optional attribute of an expectation: absent, a string, or `none`
 * (set with a NULL value). */
typedef struct
{
  gboolean  set;
  char     *value;
} Attr;

typedef struct
{
  guint             line;
  char             *written;      /* the line as written, for messages */
  ExpectType        type;
  QuotesQuoteKind   kind;
  QuotesEntityType  entity_type;
  QuotesPlatform    platform;
  char             *subject;      /* S, NAME, W or the post's handle (NULL: none) */
  guint             count;
  Attr              by;
  Attr              cue;
  Attr              source;
  Attr              post;
  Attr              title;
  Attr              date;
  Attr              author;
  Attr              speaker;
  GPtrArray        *aliases;
  GPtrArray        *mentions;
} Expect;

typedef struct
{
  char      *file;       /* as shown in messages */
  char      *stem;
  guint      number;     /* 1-based, within its file */
  guint      line;       /* of its "## " heading */
  char      *title;
  char      *text;       /* NULL until a complete ```text block was read */
  GPtrArray *expects;    /* of Expect */
  GPtrArray *errors;     /* of char *, "file:line: message" */
  char      *pending;    /* why the engine does not meet the case yet, or NULL */
} Case;

static const struct
{
  const char      *name;
  QuotesQuoteKind  kind;
} kind_names[] = {
  { "direct", QUOTES_QUOTE_KIND_DIRECT },
  { "partial", QUOTES_QUOTE_KIND_PARTIAL },
  { "indirect", QUOTES_QUOTE_KIND_INDIRECT },
  { "scare", QUOTES_QUOTE_KIND_SCARE },
};

static const struct
{
  const char     *name;
  QuotesPlatform  platform;
} platform_names[] = {
  { "x", QUOTES_PLATFORM_X },
  { "bluesky", QUOTES_PLATFORM_BLUESKY },
  { "mastodon", QUOTES_PLATFORM_MASTODON },
  { "threads", QUOTES_PLATFORM_THREADS },
  { "facebook", QUOTES_PLATFORM_FACEBOOK },
  { "instagram", QUOTES_PLATFORM_INSTAGRAM },
  { "telegram", QUOTES_PLATFORM_TELEGRAM },
  { "youtube", QUOTES_PLATFORM_YOUTUBE },
  { "tiktok", QUOTES_PLATFORM_TIKTOK },
  { "linkedin", QUOTES_PLATFORM_LINKEDIN },
  { "unknown", QUOTES_PLATFORM_UNKNOWN },
};

static const char *
kind_name (QuotesQuoteKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (kind_names[i].kind == kind)
      return kind_names[i].name;
  return "(bad kind)";
}

static const char *
platform_name (QuotesPlatform platform)
{
  for (guint i = 0; i < G_N_ELEMENTS (platform_names); i++)
    if (platform_names[i].platform == platform)
      return platform_names[i].name;
  return "(bad platform)";
}

static void
expect_free (gpointer data)
{
  Expect *e = data;

  g_free (e->written);
  g_free (e->subject);
  g_free (e->by.value);
  g_free (e->cue.value);
  g_free (e->source.value);
  g_free (e->post.value);
  g_free (e->title.value);
  g_free (e->date.value);
  g_free (e->author.value);
  g_free (e->speaker.value);
  g_ptr_array_unref (e->aliases);
  g_ptr_array_unref (e->mentions);
  g_free (e);
}

static Case *
case_new (const char *file,
          const char *stem,
          guint       number,
          guint       line,
          const char *title)
{
  Case *tc = g_new0 (Case, 1);

  tc->file = g_strdup (file);
  tc->stem = g_strdup (stem);
  tc->number = number;
  tc->line = line;
  tc->title = g_strdup (title);
  tc->expects = g_ptr_array_new_with_free_func (expect_free);
  tc->errors = g_ptr_array_new_with_free_func (g_free);
  return tc;
}

static void
case_free (gpointer data)
{
  Case *tc = data;

  g_free (tc->file);
  g_free (tc->stem);
  g_free (tc->title);
  g_free (tc->text);
  g_free (tc->pending);
  g_ptr_array_unref (tc->expects);
  g_ptr_array_unref (tc->errors);
  g_free (tc);
}

static void G_GNUC_PRINTF (3, 4)
case_error (Case       *tc,
            guint       line,
            const char *format,
            ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (tc->errors, g_strdup_printf ("%s:%u: %s", tc->file, line, message));
}

/* Expectation lines --------------------------------------------------------- */

typedef struct
{
  gboolean  quoted;
  char     *text;
} Token;

static void
token_free (gpointer data)
{
  Token *token = data;

  g_free (token->text);
  g_free (token);
}

/* Splits an expectation into bare words and "quoted strings". */
static GPtrArray *
tokenize (const char  *s,
          char       **error)
{
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (token_free);

  while (*s != '\0')
    {
      Token *token;

      if (*s == ' ' || *s == '\t')
        {
          s++;
          continue;
        }

      token = g_new0 (Token, 1);
      g_ptr_array_add (tokens, token);

      if (*s == '"')
        {
          GString *str = g_string_new (NULL);

          for (s++; *s != '\0' && *s != '"'; s++)
            {
              if (*s == '\\' && (s[1] == '"' || s[1] == '\\'))
                s++;
              g_string_append_c (str, *s);
            }
          token->quoted = TRUE;
          token->text = g_string_free (str, FALSE);
          if (*s != '"')
            {
              *error = g_strdup ("unterminated string");
              return NULL;
            }
          s++;
        }
      else
        {
          const char *start = s;

          while (*s != '\0' && *s != ' ' && *s != '\t' && *s != '"')
            s++;
          token->text = g_strndup (start, s - start);
        }
    }

  return g_steal_pointer (&tokens);
}

/* One attribute an expectation may carry: a single Attr or a repeated list. */
typedef struct
{
  const char *name;
  Attr       *attr;
  GPtrArray  *list;
} AttrSpec;

static gboolean
parse_attributes (GPtrArray       *tokens,
                  guint            i,
                  const AttrSpec  *specs,
                  guint            n_specs,
                  char           **error)
{
  for (; i < tokens->len; i += 2)
    {
      Token *key = g_ptr_array_index (tokens, i);
      Token *value;
      const AttrSpec *spec = NULL;

      for (guint k = 0; k < n_specs && !key->quoted; k++)
        if (strcmp (specs[k].name, key->text) == 0)
          spec = &specs[k];

      if (spec == NULL)
        {
          *error = g_strdup_printf ("unknown or misplaced attribute %s%s%s",
                                    key->quoted ? "\"" : "", key->text,
                                    key->quoted ? "\"" : "");
          return FALSE;
        }
      if (i + 1 >= tokens->len)
        {
          *error = g_strdup_printf ("'%s' needs a value", key->text);
          return FALSE;
        }

      value = g_ptr_array_index (tokens, i + 1);
      if (spec->list != NULL)
        {
          if (!value->quoted)
            {
              *error = g_strdup_printf ("'%s' needs a \"quoted\" value", key->text);
              return FALSE;
            }
          g_ptr_array_add (spec->list, g_strdup (value->text));
          continue;
        }

      if (spec->attr->set)
        {
          *error = g_strdup_printf ("'%s' is given twice", key->text);
          return FALSE;
        }
      if (!value->quoted && strcmp (value->text, "none") != 0)
        {
          *error = g_strdup_printf ("'%s' needs a \"quoted\" value or none", key->text);
          return FALSE;
        }
      spec->attr->set = TRUE;
      spec->attr->value = value->quoted ? g_strdup (value->text) : NULL;
    }

  return TRUE;
}

/* The quoted string at @i: the subject of most expectations. */
static gboolean
parse_subject (GPtrArray  *tokens,
               guint       i,
               gboolean    none_allowed,
               char      **subject,
               char      **error)
{
  Token *token = i < tokens->len ? g_ptr_array_index (tokens, i) : NULL;

  if (token != NULL && token->quoted)
    {
      *subject = g_strdup (token->text);
      return TRUE;
    }
  if (token != NULL && none_allowed && strcmp (token->text, "none") == 0)
    {
      *subject = NULL;
      return TRUE;
    }

  *error = g_strdup_printf ("expected a \"quoted\" string%s after '%s'",
                            none_allowed ? " or none" : "",
                            ((Token *) g_ptr_array_index (tokens, i - 1))->text);
  return FALSE;
}

static gboolean
parse_count (GPtrArray  *tokens,
             guint      *count,
             char      **error)
{
  Token *token = tokens->len == 2 ? g_ptr_array_index (tokens, 1) : NULL;
  guint64 n;

  if (token == NULL || token->quoted ||
      !g_ascii_string_to_unsigned (token->text, 10, 0, G_MAXUINT, &n, NULL))
    {
      *error = g_strdup_printf ("'%s' needs exactly one number",
                                ((Token *) g_ptr_array_index (tokens, 0))->text);
      return FALSE;
    }
  *count = n;
  return TRUE;
}

static gboolean
parse_kind (const char      *word,
            QuotesQuoteKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (strcmp (kind_names[i].name, word) == 0)
      {
        *kind = kind_names[i].kind;
        return TRUE;
      }
  return FALSE;
}

static gboolean
parse_platform (const char     *word,
                QuotesPlatform *platform)
{
  for (guint i = 0; i < G_N_ELEMENTS (platform_names); i++)
    if (strcmp (platform_names[i].name, word) == 0)
      {
        *platform = platform_names[i].platform;
        return TRUE;
      }
  return FALSE;
}

static gboolean
parse_expect_tokens (Expect     *e,
                     GPtrArray  *tokens,
                     char      **error)
{
  Token *first = g_ptr_array_index (tokens, 0);
  const char *word = first->text;

  if (first->quoted)
    {
      *error = g_strdup ("an expectation starts with a keyword");
      return FALSE;
    }

  if (parse_kind (word, &e->kind))
    {
      const AttrSpec specs[] = {
        { "by", &e->by, NULL }, { "cue", &e->cue, NULL },
        { "source", &e->source, NULL }, { "post", &e->post, NULL },
      };
      e->type = EXPECT_QUOTE_KIND;
      return parse_subject (tokens, 1, FALSE, &e->subject, error) &&
             parse_attributes (tokens, 2, specs, G_N_ELEMENTS (specs), error);
    }

  if (strcmp (word, "quote") == 0)
    {
      const AttrSpec specs[] = { { "post", &e->post, NULL } };
      e->type = EXPECT_QUOTE_POST;
      if (!parse_subject (tokens, 1, FALSE, &e->subject, error) ||
          !parse_attributes (tokens, 2, specs, G_N_ELEMENTS (specs), error))
        return FALSE;
      if (!e->post.set)
        *error = g_strdup ("'quote' needs post \"@handle\" or post none");
      return e->post.set;
    }

  if (strcmp (word, "no-quote") == 0 || strcmp (word, "not-entity") == 0)
    {
      e->type = strcmp (word, "no-quote") == 0 ? EXPECT_NO_QUOTE : EXPECT_NOT_ENTITY;
      return parse_subject (tokens, 1, FALSE, &e->subject, error) &&
             parse_attributes (tokens, 2, NULL, 0, error);
    }

  if (strcmp (word, "person") == 0 || strcmp (word, "organization") == 0)
    {
      const AttrSpec specs[] = {
        { "title", &e->title, NULL },
        { "alias", NULL, e->aliases }, { "mention", NULL, e->mentions },
      };
      e->type = EXPECT_ENTITY;
      e->entity_type = word[0] == 'p' ? QUOTES_ENTITY_TYPE_PERSON : QUOTES_ENTITY_TYPE_ORGANIZATION;
      return parse_subject (tokens, 1, FALSE, &e->subject, error) &&
             parse_attributes (tokens, 2, specs, G_N_ELEMENTS (specs), error);
    }

  if (strcmp (word, "post") == 0)
    {
      const AttrSpec specs[] = {
        { "date", &e->date, NULL }, { "author", &e->author, NULL },
        { "speaker", &e->speaker, NULL },
      };
      Token *platform = tokens->len > 1 ? g_ptr_array_index (tokens, 1) : NULL;

      e->type = EXPECT_POST;
      if (platform == NULL || platform->quoted || !parse_platform (platform->text, &e->platform))
        {
          *error = g_strdup_printf ("'post' needs a platform (x, bluesky, mastodon, threads, facebook, "
                                    "instagram, telegram, youtube, tiktok, linkedin, unknown)");
          return FALSE;
        }
      return parse_subject (tokens, 2, TRUE, &e->subject, error) &&
             parse_attributes (tokens, 3, specs, G_N_ELEMENTS (specs), error);
    }

  if (strcmp (word, "speakers") == 0 || strcmp (word, "quotes") == 0 || strcmp (word, "reported") == 0)
    {
      e->type = word[0] == 's' ? EXPECT_SPEAKERS : word[0] == 'q' ? EXPECT_QUOTES : EXPECT_REPORTED;
      return parse_count (tokens, &e->count, error);
    }

  *error = g_strdup_printf ("unknown expectation '%s'", word);
  return FALSE;
}

/* Parses "- ..." (without its "- "); NULL and @error on a mistake. */
static Expect *
parse_expect (const char  *line_text,
              guint        line,
              char       **error)
{
  g_autoptr(GPtrArray) tokens = tokenize (line_text, error);
  Expect *e;

  if (tokens == NULL)
    return NULL;
  if (tokens->len == 0)
    {
      *error = g_strdup ("empty expectation");
      return NULL;
    }

  e = g_new0 (Expect, 1);
  e->line = line;
  e->written = g_strdup (line_text);
  e->aliases = g_ptr_array_new_with_free_func (g_free);
  e->mentions = g_ptr_array_new_with_free_func (g_free);

  if (!parse_expect_tokens (e, tokens, error))
    {
      expect_free (e);
      return NULL;
    }
  return e;
}

/* Case files -------------------------------------------------------------- */

typedef enum
{
  IN_PREAMBLE,  /* before the first "## " */
  IN_NOTES,     /* after "## ", before the ```text fence */
  IN_TEXT,      /* inside the fence */
  IN_EXPECTS,   /* after the closing fence */
} ParseState;

static void
finish_case (Case       *tc,
             ParseState  state,
             guint       fence_line,
             GString    *text,
             GPtrArray  *cases)
{
  if (tc == NULL)
    return;

  if (state == IN_NOTES)
    case_error (tc, tc->line, "case has no ```text block");
  else if (state == IN_TEXT)
    case_error (tc, fence_line, "unterminated ```text fence");
  else
    tc->text = g_strdup (text->str);

  if (state == IN_EXPECTS && tc->expects->len == 0 && tc->errors->len == 0)
    case_error (tc, tc->line, "case has no expectations");

  g_ptr_array_add (cases, tc);
}

static void
parse_expect_line (Case       *tc,
                   const char *line,
                   guint       line_no)
{
  g_autofree char *error = NULL;
  Expect *e;

  if (!g_str_has_prefix (line, "- "))
    {
      case_error (tc, line_no,
                  "unexpected line after the text (expectations start with \"- \", "
                  "notes go before the ```text fence): %s", line);
      return;
    }

  e = parse_expect (line + 2, line_no, &error);
  if (e == NULL)
    case_error (tc, line_no, "%s: %s", error, line);
  else
    g_ptr_array_add (tc->expects, e);
}

/* Parses the cases of one Markdown file. Mistakes are recorded in the case
 * they belong to, so that the case's test fails naming the file and line. */
static GPtrArray *
parse_case_file (const char *path,
                 const char *stem,
                 const char *contents)
{
  GPtrArray *cases = g_ptr_array_new_with_free_func (case_free);
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  g_autoptr(GString) text = g_string_new (NULL);
  ParseState state = IN_PREAMBLE;
  Case *tc = NULL;
  guint fence_line = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      guint line_no = i + 1;
      gsize len = strlen (line);

      if (len > 0 && line[len - 1] == '\r')
        line[len - 1] = '\0';

      if (state == IN_TEXT)
        {
          if (strcmp (line, "```") == 0)
            state = IN_EXPECTS;
          else
            {
              if (line_no > fence_line + 1)
                g_string_append_c (text, '\n');
              g_string_append (text, line);
            }
          continue;
        }

      if (g_str_has_prefix (line, "## "))
        {
          finish_case (tc, state, fence_line, text, cases);
          tc = case_new (path, stem, cases->len + 1, line_no, g_strstrip (line + 3));
          g_string_truncate (text, 0);
          state = IN_NOTES;
          continue;
        }

      if (state == IN_PREAMBLE)
        continue;

      if (state == IN_NOTES && g_str_has_prefix (line, "Pending: "))
        {
          g_free (tc->pending);
          tc->pending = g_strdup (line + strlen ("Pending: "));
          continue;
        }
      if (state == IN_NOTES)
        {
          if (strcmp (line, "```text") == 0)
            {
              state = IN_TEXT;
              fence_line = line_no;
            }
          else if (g_str_has_prefix (line, "- "))
            case_error (tc, line_no, "expectation before the ```text block: %s", line);
          continue;
        }

      /* IN_EXPECTS */
      if (line[strspn (line, " \t")] == '\0')
        continue;
      parse_expect_line (tc, line, line_no);
    }

  finish_case (tc, state, fence_line, text, cases);
  return cases;
}

/* Checking a case ----------------------------------------------------------- */

typedef struct
{
  const Case     *tc;
  const char     *text;
  glong           n_chars;
  GPtrArray      *quotes;
  GPtrArray      *entities;
  GPtrArray      *posts;
  const Expect   *expect;     /* the line being checked */
  guint           failures;
} Check;

static void G_GNUC_PRINTF (2, 3)
check_fail (Check      *c,
            const char *format,
            ...)
{
  va_list args;
  g_autofree char *message = NULL;
  guint line = c->expect != NULL ? c->expect->line : c->tc->line;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (c->expect != NULL)
    g_test_message ("FAIL %s:%u: - %s\n    %s", c->tc->file, line, c->expect->written, message);
  else
    g_test_message ("FAIL %s:%u: %s", c->tc->file, line, message);
  c->failures++;
}

/* The input between two code-point offsets; NULL when out of range. */
static char *
slice (Check *c,
       guint  start,
       guint  end)
{
  const char *from;
  const char *to;

  if (start > end || end > (guint) c->n_chars)
    return NULL;
  from = g_utf8_offset_to_pointer (c->text, start);
  to = g_utf8_offset_to_pointer (from, end - start);
  return g_strndup (from, to - from);
}

static char *
shorten (const char *s)
{
  g_autofree char *start = NULL;

  if (s == NULL)
    return g_strdup ("(null)");
  if (g_utf8_strlen (s, -1) <= 70)
    return g_strdup (s);
  start = g_utf8_substring (s, 0, 67);
  return g_strconcat (start, "…", NULL);
}

static QuotesEntity *
entity_by_id (Check *c,
              gint   id)
{
  if (id < 0 || (guint) id >= c->entities->len)
    return NULL;
  return g_ptr_array_index (c->entities, id);
}

static QuotesPost *
post_by_id (Check *c,
            gint   id)
{
  if (id < 0 || (guint) id >= c->posts->len)
    return NULL;
  return g_ptr_array_index (c->posts, id);
}

static char *
quote_text (Check       *c,
            QuotesQuote *q)
{
  const char *text = quotes_quote_get_text (q);
  char *from_offsets;

  if (text != NULL)
    return g_strdup (text);
  from_offsets = slice (c, quotes_quote_get_start (q), quotes_quote_get_end (q));
  return from_offsets != NULL ? from_offsets : g_strdup ("");
}

static char *
span_text (Check            *c,
           const QuotesSpan *span)
{
  if (span->text != NULL)
    return g_strdup (span->text);
  return slice (c, span->start, span->end);
}

static char *
describe_entity_ref (Check *c,
                     gint   id)
{
  QuotesEntity *entity = entity_by_id (c, id);

  if (id < 0)
    return g_strdup ("none");
  if (entity == NULL)
    return g_strdup_printf ("(bad id %d)", id);
  return g_strdup_printf ("\"%s\"", quotes_entity_get_name (entity));
}

static char *
describe_post_ref (Check *c,
                   gint   id)
{
  QuotesPost *post = post_by_id (c, id);

  if (id < 0)
    return g_strdup ("none");
  if (post == NULL)
    return g_strdup_printf ("(bad id %d)", id);
  return g_strdup_printf ("%d (%s %s)", id, platform_name (quotes_post_get_platform (post)),
                          quotes_post_get_handle (post) ? quotes_post_get_handle (post) : "no handle");
}

static char *
describe_span (Check            *c,
               const QuotesSpan *span)
{
  g_autofree char *text = NULL;

  if (span == NULL)
    return g_strdup ("none");
  text = span_text (c, span);
  return g_strdup_printf ("\"%s\" at %u", text ? text : "(bad span)", span->start);
}

static char *
describe_quote (Check       *c,
                QuotesQuote *q)
{
  g_autofree char *text = quote_text (c, q);
  g_autofree char *short_text = shorten (text);
  g_autofree char *speaker = describe_entity_ref (c, quotes_quote_get_speaker (q));
  g_autofree char *cue = describe_span (c, quotes_quote_get_cue (q));
  g_autofree char *source = describe_span (c, quotes_quote_get_source (q));
  g_autofree char *post = describe_post_ref (c, quotes_quote_get_post (q));

  return g_strdup_printf ("%s [%u,%u) \"%s\" by %s cue %s source %s post %s",
                          kind_name (quotes_quote_get_kind (q)),
                          quotes_quote_get_start (q), quotes_quote_get_end (q),
                          short_text, speaker, cue, source, post);
}

static char *
describe_entity (Check        *c,
                 QuotesEntity *entity)
{
  GString *s = g_string_new (NULL);
  const char * const *aliases = quotes_entity_get_aliases (entity);
  GPtrArray *mentions = quotes_entity_get_mentions (entity);
  const char *title = quotes_entity_get_title (entity);

  g_string_append_printf (s, "%s \"%s\" title %s%s%s",
                          quotes_entity_get_entity_type (entity) == QUOTES_ENTITY_TYPE_PERSON
                          ? "person" : "organization",
                          quotes_entity_get_name (entity),
                          title ? "\"" : "", title ? title : "none", title ? "\"" : "");

  g_string_append (s, " aliases [");
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    g_string_append_printf (s, "%s\"%s\"", i ? ", " : "", aliases[i]);

  g_string_append (s, "] mentions [");
  for (guint i = 0; mentions != NULL && i < mentions->len; i++)
    {
      const QuotesSpan *span = g_ptr_array_index (mentions, i);
      g_autofree char *text = slice (c, span->start, span->end);

      g_string_append_printf (s, "%s\"%s\"@%u", i ? ", " : "", text ? text : "(bad span)", span->start);
    }
  g_string_append (s, "]");

  return g_string_free (s, FALSE);
}

static char *
describe_post (Check      *c,
               QuotesPost *post)
{
  g_autofree char *speaker = describe_entity_ref (c, quotes_post_get_speaker (post));
  const char *handle = quotes_post_get_handle (post);
  const char *date = quotes_post_get_date (post);
  const char *author = quotes_post_get_author (post);

  return g_strdup_printf ("%s %s%s%s [%u,%u) date %s author %s%s%s speaker %s",
                          platform_name (quotes_post_get_platform (post)),
                          handle ? "\"" : "", handle ? handle : "none", handle ? "\"" : "",
                          quotes_post_get_start (post), quotes_post_get_end (post),
                          date ? date : "none",
                          author ? "\"" : "", author ? author : "none", author ? "\"" : "",
                          speaker);
}

/* Everything the engine gave, shown once under a failing case. */
static void
dump_analysis (Check *c)
{
  g_test_message ("The engine gave, for case \"%s\" (%s:%u):", c->tc->title, c->tc->file, c->tc->line);
  if (c->quotes->len == 0)
    g_test_message ("  no quotes");
  for (guint i = 0; i < c->quotes->len; i++)
    {
      g_autofree char *s = describe_quote (c, g_ptr_array_index (c->quotes, i));
      g_test_message ("  quote %u: %s", i, s);
    }
  if (c->entities->len == 0)
    g_test_message ("  no entities");
  for (guint i = 0; i < c->entities->len; i++)
    {
      g_autofree char *s = describe_entity (c, g_ptr_array_index (c->entities, i));
      g_test_message ("  entity %u: %s", i, s);
    }
  for (guint i = 0; i < c->posts->len; i++)
    {
      g_autofree char *s = describe_post (c, g_ptr_array_index (c->posts, i));
      g_test_message ("  post %u: %s", i, s);
    }
}

/* Matching --------------------------------------------------------------- */

/* @name NULL means "none": no entity at all. */
static gboolean
entity_ref_matches (Check      *c,
                    gint        id,
                    const char *name)
{
  QuotesEntity *entity = entity_by_id (c, id);

  if (name == NULL)
    return id < 0;
  return entity != NULL && g_strcmp0 (quotes_entity_get_name (entity), name) == 0;
}

static gboolean
post_ref_matches (Check      *c,
                  gint        id,
                  const char *handle)
{
  QuotesPost *post = post_by_id (c, id);

  if (handle == NULL)
    return id < 0;
  return post != NULL && g_strcmp0 (quotes_post_get_handle (post), handle) == 0;
}

static gboolean
span_matches (Check            *c,
              const QuotesSpan *span,
              const char       *text)
{
  g_autofree char *actual = NULL;

  if (text == NULL)
    return span == NULL;
  if (span == NULL)
    return FALSE;
  actual = span_text (c, span);
  return g_strcmp0 (actual, text) == 0;
}

static gboolean
quote_matches (Check        *c,
               QuotesQuote  *q,
               const Expect *e)
{
  if (e->type == EXPECT_QUOTE_KIND && quotes_quote_get_kind (q) != e->kind)
    return FALSE;
  if (e->by.set && !entity_ref_matches (c, quotes_quote_get_speaker (q), e->by.value))
    return FALSE;
  if (e->cue.set && !span_matches (c, quotes_quote_get_cue (q), e->cue.value))
    return FALSE;
  if (e->source.set && !span_matches (c, quotes_quote_get_source (q), e->source.value))
    return FALSE;
  if (e->post.set && !post_ref_matches (c, quotes_quote_get_post (q), e->post.value))
    return FALSE;
  return TRUE;
}

/* The quotes whose text contains @s. */
static GPtrArray *
find_quotes (Check      *c,
             const char *s)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < c->quotes->len; i++)
    {
      QuotesQuote *q = g_ptr_array_index (c->quotes, i);
      g_autofree char *text = quote_text (c, q);

      if (strstr (text, s) != NULL)
        g_ptr_array_add (found, q);
    }
  return found;
}

/* direct|partial|indirect|scare "S" ..., and quote "S" post ... */
static void
check_quote (Check        *c,
             const Expect *e)
{
  g_autoptr(GPtrArray) found = find_quotes (c, e->subject);
  g_autoptr(GString) gave = NULL;

  if (found->len == 0)
    {
      check_fail (c, "no quote contains \"%s\" (%u quotes in all, listed below)",
                  e->subject, c->quotes->len);
      return;
    }

  for (guint i = 0; i < found->len; i++)
    if (quote_matches (c, g_ptr_array_index (found, i), e))
      return;

  gave = g_string_new (NULL);
  for (guint i = 0; i < found->len; i++)
    {
      g_autofree char *s = describe_quote (c, g_ptr_array_index (found, i));
      g_string_append_printf (gave, "\n      %s", s);
    }
  check_fail (c, "the engine gave, for the quote%s containing it:%s",
              found->len > 1 ? "s" : "", gave->str);
}

/* no-quote "S": nothing covers the first character of its first occurrence. */
static void
check_no_quote (Check        *c,
                const Expect *e)
{
  const char *hit = strstr (c->text, e->subject);
  glong pos;

  if (hit == NULL)
    {
      check_fail (c, "\"%s\" does not occur in the text (a mistake in the case)", e->subject);
      return;
    }

  pos = g_utf8_pointer_to_offset (c->text, hit);
  for (guint i = 0; i < c->quotes->len; i++)
    {
      QuotesQuote *q = g_ptr_array_index (c->quotes, i);

      if ((glong) quotes_quote_get_start (q) <= pos && pos < (glong) quotes_quote_get_end (q))
        {
          g_autofree char *s = describe_quote (c, q);
          check_fail (c, "\"%s\" (at %ld) is inside a quote: %s", e->subject, pos, s);
        }
    }
}

static gboolean
entity_has_mention (Check        *c,
                    QuotesEntity *entity,
                    const char   *text)
{
  GPtrArray *mentions = quotes_entity_get_mentions (entity);

  for (guint i = 0; mentions != NULL && i < mentions->len; i++)
    {
      const QuotesSpan *span = g_ptr_array_index (mentions, i);
      g_autofree char *mention = slice (c, span->start, span->end);

      if (g_strcmp0 (mention, text) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
entity_has_alias (QuotesEntity *entity,
                  const char   *alias)
{
  const char * const *aliases = quotes_entity_get_aliases (entity);

  return aliases != NULL && g_strv_contains (aliases, alias);
}

static void
list_entities (Check   *c,
               GString *out)
{
  for (guint i = 0; i < c->entities->len; i++)
    {
      QuotesEntity *entity = g_ptr_array_index (c->entities, i);

      g_string_append_printf (out, "%s\"%s\"", i ? ", " : "", quotes_entity_get_name (entity));
    }
  if (c->entities->len == 0)
    g_string_append (out, "none");
}

static void
check_entity_details (Check        *c,
                      const Expect *e,
                      QuotesEntity *entity)
{
  g_autofree char *described = describe_entity (c, entity);
  const char *title = quotes_entity_get_title (entity);

  if (e->title.set && g_strcmp0 (title, e->title.value) != 0)
    check_fail (c, "title: expected %s%s%s, the engine gave %s%s%s",
                e->title.value ? "\"" : "", e->title.value ? e->title.value : "none",
                e->title.value ? "\"" : "", title ? "\"" : "", title ? title : "none",
                title ? "\"" : "");

  for (guint i = 0; i < e->aliases->len; i++)
    {
      const char *alias = g_ptr_array_index (e->aliases, i);

      if (!entity_has_alias (entity, alias) && !entity_has_mention (c, entity, alias))
        check_fail (c, "\"%s\" is neither an alias nor a mention of it: %s", alias, described);
    }

  for (guint i = 0; i < e->mentions->len; i++)
    {
      const char *mention = g_ptr_array_index (e->mentions, i);

      if (!entity_has_mention (c, entity, mention))
        check_fail (c, "\"%s\" is not one of its mentions: %s", mention, described);
    }
}

/* person|organization "NAME" ...: exactly one entity of that type and name. */
static void
check_entity (Check        *c,
              const Expect *e)
{
  g_autoptr(GPtrArray) same = g_ptr_array_new ();
  QuotesEntity *other_type = NULL;

  for (guint i = 0; i < c->entities->len; i++)
    {
      QuotesEntity *entity = g_ptr_array_index (c->entities, i);

      if (g_strcmp0 (quotes_entity_get_name (entity), e->subject) != 0)
        continue;
      if (quotes_entity_get_entity_type (entity) == e->entity_type)
        g_ptr_array_add (same, entity);
      else
        other_type = entity;
    }

  if (same->len == 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      list_entities (c, names);
      check_fail (c, "no %s named \"%s\"%s; entities: %s",
                  e->entity_type == QUOTES_ENTITY_TYPE_PERSON ? "person" : "organization",
                  e->subject, other_type ? " (there is one of the other type)" : "", names->str);
      return;
    }
  if (same->len > 1)
    check_fail (c, "\"%s\" is split into %u entities", e->subject, same->len);

  check_entity_details (c, e, g_ptr_array_index (same, 0));
}

/* not-entity "W": no entity is named W, no mention reads W. */
static void
check_not_entity (Check        *c,
                  const Expect *e)
{
  for (guint i = 0; i < c->entities->len; i++)
    {
      QuotesEntity *entity = g_ptr_array_index (c->entities, i);

      if (g_strcmp0 (quotes_entity_get_name (entity), e->subject) == 0 ||
          entity_has_mention (c, entity, e->subject))
        {
          g_autofree char *s = describe_entity (c, entity);
          check_fail (c, "the engine made it an entity or a mention: %s", s);
        }
    }
}

static gboolean
post_matches (Check        *c,
              QuotesPost   *post,
              const Expect *e)
{
  return (!e->date.set || g_strcmp0 (quotes_post_get_date (post), e->date.value) == 0) &&
         (!e->author.set || g_strcmp0 (quotes_post_get_author (post), e->author.value) == 0) &&
         (!e->speaker.set || entity_ref_matches (c, quotes_post_get_speaker (post), e->speaker.value));
}

/* post PLATFORM "@h"|none ... */
static void
check_post (Check        *c,
            const Expect *e)
{
  g_autoptr(GString) gave = g_string_new (NULL);
  guint candidates = 0;

  for (guint i = 0; i < c->posts->len; i++)
    {
      QuotesPost *post = g_ptr_array_index (c->posts, i);
      g_autofree char *s = describe_post (c, post);

      g_string_append_printf (gave, "\n      %s", s);
      if (quotes_post_get_platform (post) != e->platform ||
          g_strcmp0 (quotes_post_get_handle (post), e->subject) != 0)
        continue;
      candidates++;
      if (post_matches (c, post, e))
        return;
    }

  check_fail (c, "%s; posts:%s",
              candidates ? "the post differs" : "no post of that platform and handle",
              c->posts->len ? gave->str : " none");
}

static gboolean
is_speech_in_marks (QuotesQuote *q)
{
  QuotesQuoteKind kind = quotes_quote_get_kind (q);

  return kind == QUOTES_QUOTE_KIND_DIRECT || kind == QUOTES_QUOTE_KIND_PARTIAL;
}

/* speakers N and quotes N count direct and partial quotes only; reported N
 * counts indirect ones. */
static void
check_count (Check        *c,
             const Expect *e)
{
  g_autoptr(GHashTable) speakers = g_hash_table_new (NULL, NULL);
  g_autoptr(GString) gave = g_string_new (NULL);
  guint n_quotes = 0, n_reported = 0;
  guint n;

  for (guint i = 0; i < c->quotes->len; i++)
    {
      QuotesQuote *q = g_ptr_array_index (c->quotes, i);
      gint speaker = quotes_quote_get_speaker (q);

      n_reported += quotes_quote_get_kind (q) == QUOTES_QUOTE_KIND_INDIRECT;
      if (!is_speech_in_marks (q))
        continue;
      n_quotes++;
      if (speaker >= 0 && !g_hash_table_contains (speakers, GINT_TO_POINTER (speaker + 1)))
        {
          g_autofree char *name = describe_entity_ref (c, speaker);

          g_hash_table_add (speakers, GINT_TO_POINTER (speaker + 1));
          g_string_append_printf (gave, " %s", name);
        }
    }

  n = e->type == EXPECT_SPEAKERS ? g_hash_table_size (speakers) : e->type == EXPECT_QUOTES ? n_quotes : n_reported;
  if (n == e->count)
    return;

  if (e->type == EXPECT_SPEAKERS)
    check_fail (c, "expected %u speakers of direct/partial quotes, the engine gave %u:%s",
                e->count, n, gave->str);
  else if (e->type == EXPECT_QUOTES)
    check_fail (c, "expected %u direct/partial quotes, the engine gave %u", e->count, n);
  else
    check_fail (c, "expected %u indirect quotes, the engine gave %u", e->count, n);
}

static void
check_expect (Check        *c,
              const Expect *e)
{
  c->expect = e;
  switch (e->type)
    {
    case EXPECT_QUOTE_KIND:
    case EXPECT_QUOTE_POST:
      check_quote (c, e);
      break;
    case EXPECT_NO_QUOTE:
      check_no_quote (c, e);
      break;
    case EXPECT_ENTITY:
      check_entity (c, e);
      break;
    case EXPECT_NOT_ENTITY:
      check_not_entity (c, e);
      break;
    case EXPECT_POST:
      check_post (c, e);
      break;
    case EXPECT_SPEAKERS:
    case EXPECT_QUOTES:
    case EXPECT_REPORTED:
      check_count (c, e);
      break;
    default:
      g_assert_not_reached ();
    }
  c->expect = NULL;
}

/* What every analysis must satisfy: ids that point somewhere, offsets inside
 * the text, span texts that are the text at their offsets. Checked first
 * so that a broken analysis is named as such; the lookups above are
 * bounds-checked, so the expectations are still checked after it. */
static void
check_span_consistency (Check            *c,
                        const char       *what,
                        guint             index,
                        const QuotesSpan *span)
{
  g_autofree char *at = NULL;

  if (span == NULL)
    return;
  at = slice (c, span->start, span->end);
  if (at == NULL || span->start == span->end)
    check_fail (c, "quote %u: bad %s span [%u,%u) (text is %ld code points)",
                index, what, span->start, span->end, c->n_chars);
  else if (span->text != NULL && strcmp (span->text, at) != 0)
    check_fail (c, "quote %u: %s text \"%s\" is not the text at [%u,%u): \"%s\"",
                index, what, span->text, span->start, span->end, at);
}

static void
check_consistency (Check *c)
{
  for (guint i = 0; i < c->quotes->len; i++)
    {
      QuotesQuote *q = g_ptr_array_index (c->quotes, i);
      gint speaker = quotes_quote_get_speaker (q);
      gint post = quotes_quote_get_post (q);

      if (quotes_quote_get_start (q) >= quotes_quote_get_end (q) ||
          quotes_quote_get_end (q) > (guint) c->n_chars)
        check_fail (c, "quote %u: bad span [%u,%u) (text is %ld code points)", i,
                    quotes_quote_get_start (q), quotes_quote_get_end (q), c->n_chars);
      if (speaker >= 0 && entity_by_id (c, speaker) == NULL)
        check_fail (c, "quote %u: speaker %d is not an entity", i, speaker);
      if (post >= 0 && post_by_id (c, post) == NULL)
        check_fail (c, "quote %u: post %d is not a post", i, post);
      check_span_consistency (c, "cue", i, quotes_quote_get_cue (q));
      check_span_consistency (c, "source", i, quotes_quote_get_source (q));
    }

  for (guint i = 0; i < c->entities->len; i++)
    {
      GPtrArray *mentions = quotes_entity_get_mentions (g_ptr_array_index (c->entities, i));

      for (guint k = 0; mentions != NULL && k < mentions->len; k++)
        {
          const QuotesSpan *span = g_ptr_array_index (mentions, k);

          if (span->start >= span->end || span->end > (guint) c->n_chars)
            check_fail (c, "entity %u: bad mention span [%u,%u)", i, span->start, span->end);
        }
    }

  for (guint i = 0; i < c->posts->len; i++)
    {
      QuotesPost *post = g_ptr_array_index (c->posts, i);
      gint speaker = quotes_post_get_speaker (post);

      if (quotes_post_get_start (post) > quotes_post_get_end (post) ||
          quotes_post_get_end (post) > (guint) c->n_chars)
        check_fail (c, "post %u: bad span [%u,%u)", i,
                    quotes_post_get_start (post), quotes_post_get_end (post));
      if (speaker >= 0 && entity_by_id (c, speaker) == NULL)
        check_fail (c, "post %u: speaker %d is not an entity", i, speaker);
    }
}

/* Running ------------------------------------------------------------------ */

static QuotesAnalyzer *analyzer;

static void
run_case (gconstpointer data)
{
  const Case *tc = data;
  g_autoptr(QuotesAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  Check c = { tc, NULL, 0, NULL, NULL, NULL, NULL, 0 };

  for (guint i = 0; i < tc->errors->len; i++)
    g_test_message ("FAIL %s", (const char *) g_ptr_array_index (tc->errors, i));

  if (tc->text == NULL)
    {
      g_test_fail_printf ("%s:%u: case \"%s\" cannot be run (see above)", tc->file, tc->line, tc->title);
      return;
    }

  if (analyzer == NULL)
    analyzer = quotes_analyzer_new ();
  analysis = quotes_analyzer_analyze (analyzer, tc->text, -1, NULL, &error);
  if (analysis == NULL)
    {
      g_test_fail_printf ("%s:%u: case \"%s\": the analysis failed: %s", tc->file, tc->line,
                          tc->title, error ? error->message : "(no error set)");
      return;
    }

  c.text = tc->text;
  c.n_chars = g_utf8_strlen (tc->text, -1);
  c.quotes = quotes_analysis_get_quotes (analysis);
  c.entities = quotes_analysis_get_entities (analysis);
  c.posts = quotes_analysis_get_posts (analysis);

  check_consistency (&c);
  for (guint i = 0; i < tc->expects->len; i++)
    check_expect (&c, g_ptr_array_index (tc->expects, i));

  if (c.failures > 0)
    dump_analysis (&c);

  /* A case marked pending is reported as a known gap while it fails, and
   * fails once it passes, so that the mark is not forgotten. */
  if (tc->pending != NULL && c.failures > 0 && tc->errors->len == 0)
    g_test_incomplete_printf ("%s:%u: case \"%s\" is pending: %s", tc->file, tc->line, tc->title, tc->pending);
  else if (tc->pending != NULL && c.failures == 0 && tc->errors->len == 0)
    g_test_fail_printf ("%s:%u: case \"%s\" passes now: remove its \"Pending:\" line", tc->file, tc->line, tc->title);
  else if (c.failures > 0)
    g_test_fail_printf ("%s:%u: case \"%s\": %u failed check%s%s", tc->file, tc->line, tc->title,
                        c.failures, c.failures == 1 ? "" : "s",
                        tc->errors->len ? ", and the case has mistakes" : "");
  else if (tc->errors->len > 0)
    g_test_fail_printf ("%s:%u: case \"%s\" has %u mistake%s (see above)", tc->file, tc->line,
                        tc->title, tc->errors->len, tc->errors->len == 1 ? "" : "s");
}

/* "Nested quotes: the outer one!" -> "nested-quotes-the-outer-one" */
static char *
slugify (const char *title)
{
  GString *slug = g_string_new (NULL);

  for (const char *p = title; *p != '\0' && slug->len < 60; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);

  return g_string_free (slug, FALSE);
}

static void
fail_with_message (gconstpointer data)
{
  g_test_fail_printf ("%s", (const char *) data);
}

static void
add_failing_test (const char *path,
                  char       *message)
{
  g_test_add_data_func_full (path, message, fail_with_message, g_free);
}

static void
add_case_file (const char *dir,
               const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *stem = g_strndup (name, strlen (name) - strlen (".md"));
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    {
      g_autofree char *test_path = g_strdup_printf ("/Cases/%s/load", stem);
      add_failing_test (test_path, g_strdup_printf ("%s: %s", path, error->message));
      return;
    }

  cases = parse_case_file (path, stem, contents);
  if (cases->len == 0)
    {
      g_autofree char *test_path = g_strdup_printf ("/Cases/%s/load", stem);
      add_failing_test (test_path, g_strdup_printf ("%s: no \"## \" cases in the file", path));
      return;
    }

  /* The tests own the cases from here on. */
  g_ptr_array_set_free_func (cases, NULL);
  for (guint i = 0; i < cases->len; i++)
    {
      Case *tc = g_ptr_array_index (cases, i);
      g_autofree char *slug = slugify (tc->title);
      g_autofree char *test_path = g_strdup_printf ("/Cases/%s/%02u-%s", stem, tc->number, slug);

      g_test_add_data_func_full (test_path, tc, run_case, case_free);
    }
}

static const char *
cases_dir (void)
{
  const char *dir = g_getenv ("QUOTES_CASES_DIR");

  if (dir != NULL && *dir != '\0')
    return dir;
#ifdef CASES_DIR
  return CASES_DIR;
#else
  return NULL;
#endif
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
add_cases (void)
{
  const char *dir = cases_dir ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = NULL;
  const char *name;

  if (dir == NULL)
    {
      add_failing_test ("/Cases/load",
                        g_strdup ("set QUOTES_CASES_DIR or build with -DCASES_DIR=\"...\""));
      return;
    }

  d = g_dir_open (dir, 0, &error);
  if (d == NULL)
    {
      add_failing_test ("/Cases/load", g_strdup_printf ("%s", error->message));
      return;
    }

  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".md") && strlen (name) > strlen (".md"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  if (names->len == 0)
    add_failing_test ("/Cases/load", g_strdup_printf ("no .md case files in %s", dir));
  for (guint i = 0; i < names->len; i++)
    add_case_file (dir, g_ptr_array_index (names, i));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char **args = test_util_keep_going (&argc, argv);
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &args, NULL);
  add_cases ();
  status = g_test_run ();
  g_clear_object (&analyzer);
  return status;
}
