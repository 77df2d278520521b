/* SPDX-License-Identifier: GPL-2.0-or-later */

/* The analyzer as a library user meets it: errors, cancellation, threads. */

#include <locale.h>
#include <string.h>

#include <json-glib/json-glib.h>
#include <quotes.h>

#include "quotes-analyzer-private.h"

#include "test-util.h"

#define N_THREADS 4


static void
test_invalid_utf8 (void)
{
  g_autoptr(QuotesAnalyzer) analyzer = quotes_analyzer_new ();
  g_autoptr(GError) error = NULL;
  const char text[] = "\xe2\x80\x9cYes,\xe2\x80\x9d she said. \xc3\x28";
  QuotesAnalysis *analysis = quotes_analyzer_analyze (analyzer, text, sizeof text - 1, NULL, &error);

  g_assert_null (analysis);
  g_assert_error (error, QUOTES_ERROR, QUOTES_ERROR_INVALID_UTF8);
  g_assert_nonnull (strstr (error->message, "byte 21"));
}

static void
test_nul_byte (void)
{
  g_autoptr(QuotesAnalyzer) analyzer = quotes_analyzer_new ();
  g_autoptr(GError) error = NULL;
  const char text[] = "plain\0binary";
  QuotesAnalysis *analysis = quotes_analyzer_analyze (analyzer, text, sizeof text - 1, NULL, &error);

  g_assert_null (analysis);
  g_assert_error (error, QUOTES_ERROR, QUOTES_ERROR_BINARY);
  g_assert_nonnull (strstr (error->message, "byte 5"));
}

/* Invalid UTF-8 and a NUL byte in one text: the first of them is the error,
 * past the eight bytes that are checked at once. */
static void
test_first_fault (void)
{
  g_autoptr(QuotesAnalyzer) analyzer = quotes_analyzer_new ();
  g_autoptr(GError) nul_error = NULL;
  g_autoptr(GError) invalid_error = NULL;
  const char nul_first[] = "A long enough line of plain text\0 and then \xff";
  const char invalid_first[] = "A long enough line of text \xff, and later\0 a NUL";

  g_assert_null (quotes_analyzer_analyze (analyzer, nul_first, sizeof nul_first - 1, NULL, &nul_error));
  g_assert_error (nul_error, QUOTES_ERROR, QUOTES_ERROR_BINARY);
  g_assert_nonnull (strstr (nul_error->message, "byte 32"));

  g_assert_null (quotes_analyzer_analyze (analyzer, invalid_first, sizeof invalid_first - 1, NULL, &invalid_error));
  g_assert_error (invalid_error, QUOTES_ERROR, QUOTES_ERROR_INVALID_UTF8);
  g_assert_nonnull (strstr (invalid_error->message, "byte 27"));
}

static void
test_empty (void)
{
  g_autoptr(QuotesAnalyzer) analyzer = quotes_analyzer_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QuotesAnalysis) analysis = quotes_analyzer_analyze (analyzer, "", 0, NULL, &error);
  g_autofree char *json = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (quotes_analysis_get_length (analysis), ==, 0);
  g_assert_cmpuint (quotes_analysis_get_quotes (analysis)->len, ==, 0);
  g_assert_cmpuint (quotes_analysis_get_entities (analysis)->len, ==, 0);
  json = quotes_analysis_to_json (analysis);
  g_assert_nonnull (strstr (json, "\"quotes\" : []"));
}

/* The JSON writer looks at eight bytes at a time for bytes to escape: put
 * them at every position of a word, and read the texts back. */
static void
test_json_escapes (void)
{
  g_autoptr(QuotesAnalyzer) analyzer = quotes_analyzer_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(QuotesAnalysis) analysis = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = NULL;
  JsonArray *quotes;
  GPtrArray *expected;

  for (guint shift = 0; shift < 9; shift++)
    g_string_append_printf (text, "\xe2\x80\x9c%.*sThe \"plan\" is a\\b, c\td and \x01 e\x1f over,"
                            "\xe2\x80\x9d Jane Holt said.\n\n", shift, "abcdefgh");
  analysis = quotes_analyzer_analyze (analyzer, text->str, text->len, NULL, NULL);
  expected = quotes_analysis_get_quotes (analysis);
  json = quotes_analysis_to_json (analysis);
  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  quotes = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "quotes");
  g_assert_cmpuint (expected->len, ==, 9);
  g_assert_cmpuint (json_array_get_length (quotes), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      const char *want = quotes_quote_get_text (g_ptr_array_index (expected, i));

      g_assert_nonnull (strchr (want, '\x1f'));
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (quotes, i), "text"),
                       ==, want);
    }
}

/* quotes-scan --json writes straight from the pipeline's records: it must
 * write what the analysis objects give, byte for byte. The case files
 * hold every kind of quote, entity and post. */
static void
test_json_without_objects (void)
{
  g_autoptr(QuotesAnalyzer) analyzer = quotes_analyzer_new ();
  g_autoptr(GDir) dir = g_dir_open (CASES_DIR, 0, NULL);
  const char *name;
  guint compared = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (CASES_DIR, name, NULL);
      g_autofree char *text = NULL;
      g_autoptr(QuotesAnalysis) analysis = NULL;
      g_autoptr(GOutputStream) direct = g_memory_output_stream_new_resizable ();
      g_autoptr(GOutputStream) via_objects = g_memory_output_stream_new_resizable ();
      gsize length;

      g_assert_true (g_file_get_contents (path, &text, &length, NULL));
      analysis = quotes_analyzer_analyze (analyzer, text, length, NULL, NULL);
      g_assert_true (quotes_analysis_write_json (analysis, via_objects, NULL, NULL));
      g_assert_true (quotes_analyzer_write_json (analyzer, text, length, "", direct, NULL));
      g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (direct)), ==,
                        g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (via_objects)));
      g_assert_cmpmem (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (direct)),
                       g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (direct)),
                       g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (via_objects)),
                       g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (via_objects)));
      g_assert_cmpuint (quotes_analysis_get_posts (analysis)->len + quotes_analysis_get_quotes (analysis)->len, >, 0);
      compared++;
    }
  g_assert_cmpuint (compared, >, 0);
}

static void
test_json_without_objects_invalid (void)
{
  g_autoptr(QuotesAnalyzer) analyzer = quotes_analyzer_new ();
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  const char text[] = "\xe2\x80\x9cYes,\xe2\x80\x9d she said. \xc3\x28";

  g_assert_false (quotes_analyzer_write_json (analyzer, text, sizeof text - 1, ",\n", out, &error));
  g_assert_error (error, QUOTES_ERROR, QUOTES_ERROR_INVALID_UTF8);
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)), ==, 0);
}

static void
test_cancelled (void)
{
  g_autoptr(QuotesAnalyzer) analyzer = quotes_analyzer_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = test_util_read_fixture ("seed-article.txt");
  QuotesAnalysis *analysis;

  g_cancellable_cancel (cancellable);
  analysis = quotes_analyzer_analyze (analyzer, text, -1, cancellable, &error);
  g_assert_null (analysis);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_offsets_are_code_points (void)
{
  g_autoptr(QuotesAnalyzer) analyzer = quotes_analyzer_new ();
  g_autoptr(GError) error = NULL;
  /* Cyrillic and an emoji before the quote: bytes and code points differ. */
  const char *text = "Київ 🙂. “We are ready,” Olena Shevchuk said.";
  g_autoptr(QuotesAnalysis) analysis = quotes_analyzer_analyze (analyzer, text, -1, NULL, &error);
  QuotesQuote *quote;

  g_assert_no_error (error);
  g_assert_cmpuint (quotes_analysis_get_length (analysis), ==, g_utf8_strlen (text, -1));
  g_assert_cmpuint (quotes_analysis_get_quotes (analysis)->len, ==, 1);
  quote = g_ptr_array_index (quotes_analysis_get_quotes (analysis), 0);
  g_assert_cmpuint (quotes_quote_get_start (quote), ==, g_utf8_pointer_to_offset (text, strstr (text, "“")));
  g_assert_cmpuint (quotes_quote_get_start (quote), ==, 8);
  g_assert_cmpstr (quotes_quote_get_text (quote), ==, "We are ready,");
  g_assert_cmpstr (quotes_quote_get_cue (quote)->text, ==, "said");
}

typedef struct
{
  QuotesAnalyzer *analyzer;
  const char     *text;
  char           *json;
} Job;

static gpointer
analyze_in_thread (gpointer data)
{
  Job *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(QuotesAnalysis) analysis = NULL;

  for (guint i = 0; i < 20; i++)
    {
      g_clear_object (&analysis);
      analysis = quotes_analyzer_analyze (job->analyzer, job->text, -1, NULL, &error);
      g_assert_no_error (error);
    }
  job->json = quotes_analysis_to_json (analysis);
  return NULL;
}

/* One analyzer, several threads at once: every one gets the same analysis. */
/* ''Like this'': the quote's text holds none of the apostrophes. */
static void
test_doubled_apostrophes (void)
{
  g_autoptr(QuotesAnalyzer) analyzer = quotes_analyzer_new ();
  const char text[] = "''We were not happy with the toll,'' said Ivo Marek.";
  g_autoptr(QuotesAnalysis) analysis = quotes_analyzer_analyze (analyzer, text, -1, NULL, NULL);
  GPtrArray *quotes = quotes_analysis_get_quotes (analysis);

  g_assert_cmpuint (quotes->len, ==, 1);
  g_assert_cmpstr (quotes_quote_get_text (g_ptr_array_index (quotes, 0)), ==, "We were not happy with the toll,");
}

static void
test_threads (void)
{
  g_autoptr(QuotesAnalyzer) analyzer = quotes_analyzer_new ();
  g_autofree char *text = test_util_read_fixture ("seed-article.txt");
  g_autoptr(QuotesAnalysis) reference = quotes_analyzer_analyze (analyzer, text, -1, NULL, NULL);
  g_autofree char *expected = quotes_analysis_to_json (reference);
  Job jobs[N_THREADS];
  GThread *threads[N_THREADS];

  for (guint i = 0; i < N_THREADS; i++)
    {
      jobs[i] = (Job) { analyzer, text, NULL };
      threads[i] = g_thread_new ("analysis", analyze_in_thread, &jobs[i]);
    }
  for (guint i = 0; i < N_THREADS; i++)
    {
      g_thread_join (threads[i]);
      g_assert_cmpstr (jobs[i].json, ==, expected);
      g_free (jobs[i].json);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/Analyzer/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/Analyzer/nul-byte", test_nul_byte);
  g_test_add_func ("/Analyzer/first-fault", test_first_fault);
  g_test_add_func ("/Analyzer/empty", test_empty);
  g_test_add_func ("/Analyzer/json-escapes", test_json_escapes);
  g_test_add_func ("/Analyzer/json-without-objects", test_json_without_objects);
  g_test_add_func ("/Analyzer/json-without-objects-invalid", test_json_without_objects_invalid);
  g_test_add_func ("/Analyzer/cancelled", test_cancelled);
  g_test_add_func ("/Analyzer/offsets-are-code-points", test_offsets_are_code_points);
  g_test_add_func ("/Analyzer/doubled-apostrophes", test_doubled_apostrophes);
  g_test_add_func ("/Analyzer/threads", test_threads);
  return g_test_run ();
}
