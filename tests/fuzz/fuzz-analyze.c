/* SPDX-License-Identifier: GPL-2.0-or-later */

/* libFuzzer target: any bytes into quotes_analyzer_analyze().
 *
 * Bytes that are not UTF-8 text must come back as a QUOTES_ERROR naming a
 * byte inside the input; text must come back as an analysis whose offsets
 * all lie within the text's length in code points and whose JSON parses.
 * Anything else aborts, which libFuzzer reports as a crash. Built only with
 * meson -Dfuzzing=true; `make fuzz` builds and runs it. */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-glib/json-glib.h>
#include <quotes.h>

static QuotesAnalyzer *analyzer;
static gboolean        nul_terminate;

#define CHECK(cond, ...)                                                  \
  G_STMT_START {                                                          \
    if (G_UNLIKELY (!(cond)))                                             \
      {                                                                   \
        fprintf (stderr, "fuzz-analyze: %s:%d: %s: ", __FILE__, __LINE__, \
                 #cond);                                                  \
        fprintf (stderr, __VA_ARGS__);                                    \
        fputc ('\n', stderr);                                             \
        abort ();                                                         \
      }                                                                   \
  } G_STMT_END

static void
check_span (const char       *what,
            const QuotesSpan *span,
            guint             n_chars)
{
  if (span == NULL)
    return;
  CHECK (span->start <= span->end && span->end <= n_chars,
         "%s [%u, %u) outside [0, %u]", what, span->start, span->end, n_chars);
  if (span->text != NULL)
    CHECK ((guint) g_utf8_strlen (span->text, -1) == span->end - span->start,
           "%s [%u, %u) holds %ld code points", what, span->start, span->end,
           (long) g_utf8_strlen (span->text, -1));
}

static void
check_json (QuotesAnalysis *analysis,
            guint           n_quotes,
            guint           n_entities,
            guint           n_posts)
{
  g_autofree char *json = quotes_analysis_to_json (analysis);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  CHECK (json != NULL, "no JSON");
  CHECK (g_utf8_validate (json, -1, NULL), "the JSON is not UTF-8");
  CHECK (json_parser_load_from_data (parser, json, -1, &error), "%s", error->message);
  CHECK (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)), "the JSON is no object");
  root = json_node_get_object (json_parser_get_root (parser));
  CHECK (json_object_has_member (root, "quotes") && json_object_has_member (root, "entities") &&
         json_object_has_member (root, "posts"), "members missing");
  CHECK (json_array_get_length (json_object_get_array_member (root, "quotes")) == n_quotes, "quotes");
  CHECK (json_array_get_length (json_object_get_array_member (root, "entities")) == n_entities, "entities");
  CHECK (json_array_get_length (json_object_get_array_member (root, "posts")) == n_posts, "posts");
  CHECK (json_object_get_int_member (root, "length") == quotes_analysis_get_length (analysis), "length");
}

static void
check_analysis (QuotesAnalysis *analysis,
                const char     *text,
                size_t          size)
{
  GPtrArray *quotes = quotes_analysis_get_quotes (analysis);
  GPtrArray *entities = quotes_analysis_get_entities (analysis);
  GPtrArray *posts = quotes_analysis_get_posts (analysis);
  guint n_chars = g_utf8_strlen (text, size);

  CHECK (quotes_analysis_get_length (analysis) == n_chars, "length %u, not %u",
         quotes_analysis_get_length (analysis), n_chars);
  for (guint i = 0; i < quotes->len; i++)
    {
      QuotesQuote *quote = g_ptr_array_index (quotes, i);
      guint start = quotes_quote_get_start (quote), end = quotes_quote_get_end (quote);
      gint speaker = quotes_quote_get_speaker (quote), post = quotes_quote_get_post (quote);

      CHECK (start <= end && end <= n_chars, "quote %u [%u, %u) outside [0, %u]", i, start, end, n_chars);
      CHECK (quotes_quote_get_text (quote) != NULL, "quote %u has no text", i);
      CHECK ((guint) g_utf8_strlen (quotes_quote_get_text (quote), -1) <= end - start,
             "quote %u's text is longer than its span", i);
      check_span ("cue", quotes_quote_get_cue (quote), n_chars);
      check_span ("source", quotes_quote_get_source (quote), n_chars);
      CHECK (speaker >= -1 && speaker < (gint) entities->len, "quote %u: speaker %d", i, speaker);
      CHECK (post >= -1 && post < (gint) posts->len, "quote %u: post %d", i, post);
    }
  for (guint i = 0; i < entities->len; i++)
    {
      QuotesEntity *entity = g_ptr_array_index (entities, i);
      GPtrArray *mentions = quotes_entity_get_mentions (entity);
      GArray *said = quotes_entity_get_quotes (entity);

      CHECK (quotes_entity_get_name (entity) != NULL, "entity %u has no name", i);
      for (guint m = 0; m < mentions->len; m++)
        check_span ("mention", g_ptr_array_index (mentions, m), n_chars);
      for (guint q = 0; q < said->len; q++)
        CHECK (g_array_index (said, guint, q) < quotes->len, "entity %u: quote %u", i,
               g_array_index (said, guint, q));
    }
  for (guint i = 0; i < posts->len; i++)
    {
      QuotesPost *post = g_ptr_array_index (posts, i);
      guint start = quotes_post_get_start (post), end = quotes_post_get_end (post);
      gint speaker = quotes_post_get_speaker (post);

      CHECK (start <= end && end <= n_chars, "post %u [%u, %u) outside [0, %u]", i, start, end, n_chars);
      CHECK (speaker >= -1 && speaker < (gint) entities->len, "post %u: speaker %d", i, speaker);
    }
  check_json (analysis, quotes->len, entities->len, posts->len);
}

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* The word lists load once, outside the timed runs. Under ASan that takes
 * 20 s unless ASAN_OPTIONS has intercept_strstr=0 (run-fuzz sets it): the
 * interceptor measures the whole rest of each list at every line that
 * g_strsplit() cuts. */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  gint64 start = g_get_monotonic_time ();

  analyzer = quotes_analyzer_new ();
  /* FUZZ_NUL_TERMINATE=1 puts a NUL after the bytes (outside the length),
   * to fuzz past a known read one byte beyond the text. */
  nul_terminate = g_strcmp0 (g_getenv ("FUZZ_NUL_TERMINATE"), "1") == 0;
  fprintf (stderr, "fuzz-analyze: the analyzer took %.1f s to load its word lists\n",
           (g_get_monotonic_time () - start) / 1e6);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QuotesAnalysis) analysis = NULL;
  /* A copy of exactly @size bytes, so that reading past the end is caught. */
  g_autofree char *text = g_malloc (size + (nul_terminate ? 1 : 0) + (size == 0 ? 1 : 0));

  memcpy (text, data, size);
  if (nul_terminate)
    text[size] = '\0';

  analysis = quotes_analyzer_analyze (analyzer, text, size, NULL, &error);
  if (analysis == NULL)
    {
      const char *at;

      CHECK (error != NULL, "NULL without an error");
      CHECK (error->domain == QUOTES_ERROR, "error outside QUOTES_ERROR: %s", error->message);
      CHECK (error->code == QUOTES_ERROR_INVALID_UTF8 || error->code == QUOTES_ERROR_BINARY,
             "error %d: %s", error->code, error->message);
      at = strstr (error->message, "at byte ");
      CHECK (at != NULL, "no byte offset in: %s", error->message);
      CHECK (g_ascii_strtoull (at + strlen ("at byte "), NULL, 10) < size, "%s", error->message);
      CHECK (memchr (data, '\0', size) != NULL || !g_utf8_validate_len (text, size, NULL),
             "valid text refused: %s", error->message);
      return 0;
    }
  CHECK (error == NULL, "an analysis and an error");
  CHECK (memchr (data, '\0', size) == NULL && g_utf8_validate_len (text, size, NULL),
         "an analysis of bytes that are not text");
  check_analysis (analysis, text, size);
  return 0;
}
