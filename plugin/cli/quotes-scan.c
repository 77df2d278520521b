/* SPDX-License-Identifier: GPL-2.0-or-later */

/* quotes-scan: the analysis of text files, for people (text, Markdown) or
 * programs (JSON, CSV, JSON Lines). */

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gunixinputstream.h>
#include <gio/gunixoutputstream.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sys/stat.h>
#include <stdio.h>
#include <unistd.h>
#include <string.h>

#include <quotes.h>

#include "quotes-heap.h"
#include "quotes-jsonl.h"
#include "quotes-analyzer-private.h"
#include "quotes-huge-pages-private.h"

enum
{
  EXIT_OK = 0,
  EXIT_USAGE = 1,      /* wrong options, or a file that cannot be read */
  EXIT_BAD_INPUT = 2,  /* not UTF-8 text */
};

typedef enum
{
  FORMAT_TEXT,
  FORMAT_JSON,
  FORMAT_MARKDOWN,
  FORMAT_CSV,
} Format;

/* As --format takes them, in the order of Format. */
static const char * const format_names[] = { "text", "json", "markdown", "csv" };

static Format format = FORMAT_TEXT;
static QuotesAnalyzer *analyzer = NULL;
static char *format_name = NULL;
static gboolean json_output = FALSE;
static gboolean jsonl = FALSE;

static const GOptionEntry entries[] = {
  /* Translators: do not translate the format names */
  { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, N_("Print the analysis as text (the default), json, markdown or csv"),
    /* Translators: the value of --format, in the --help output */
    N_("FORMAT") },
  { "json", 'j', 0, G_OPTION_ARG_NONE, &json_output, N_("Print the analysis as JSON (the same as --format=json)"), NULL },
  { "jsonl", 0, 0, G_OPTION_ARG_NONE, &jsonl, N_("Read JSON Lines of texts and write a line of JSON for each"), NULL },
  { NULL }
};

/* A regular file read straight into a block that prefers huge pages:
 * every stage of the analysis reads the text, and in 4 KiB pages a long
 * one costs a page fault and a TLB entry for each. NULL when that cannot
 * be done (no such file, not a regular file, a read error, a file that
 * grew while it was read), for g_file_get_contents to try and to report
 * what went wrong. */
static char *
read_regular_file (const char *path,
                   gsize      *length)
{
  struct stat info;
  char *contents = NULL;
  gsize size, got = 0;
  gssize n = 0;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    return NULL;
  if (fstat (fd, &info) != 0 || !S_ISREG (info.st_mode) || info.st_size <= 0 ||
      (guint64) info.st_size >= G_MAXSIZE ||
      (contents = g_try_malloc ((gsize) info.st_size + 1)) == NULL)
    {
      close (fd);
      return NULL;
    }
  size = (gsize) info.st_size;
  quotes_prefer_huge_pages (contents);
  quotes_populate_pages (contents, size + 1);
  /* One byte more than its size, to notice a file that grew. */
  while (got <= size && ((n = read (fd, contents + got, size + 1 - got)) > 0 || (n < 0 && errno == EINTR)))
    got += MAX (n, 0);
  close (fd);
  if (n < 0 || got > size)
    {
      g_free (contents);
      return NULL;
    }
  contents[got] = '\0';
  *length = got;
  return contents;
}

static gboolean
read_input (const char  *path,
            char       **contents,
            gsize       *length,
            GError     **error)
{
  if (g_strcmp0 (path, "-") == 0)
    {
      g_autoptr(GInputStream) in = g_unix_input_stream_new (0, FALSE);
      g_autoptr(GOutputStream) buffer = g_memory_output_stream_new_resizable ();

      if (g_output_stream_splice (buffer, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, error) < 0)
        return FALSE;
      *length = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (buffer));
      *contents = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (buffer));
      if (*contents == NULL)
        *contents = g_strdup ("");
      return TRUE;
    }
  *contents = read_regular_file (path, length);
  return *contents != NULL || g_file_get_contents (path, contents, length, error);
}

static gboolean
write_string (GOutputStream *out,
              const char    *text,
              gsize          length)
{
  g_autoptr(GError) error = NULL;

  if (g_output_stream_write_all (out, text, length, NULL, NULL, &error))
    return TRUE;
  g_printerr ("quotes-scan: %s\n", error->message);
  return FALSE;
}

/* What comes between the outputs of two files. */
static const char *
separator (gboolean several)
{
  switch (format)
    {
    case FORMAT_JSON:
      return several ? ",\n" : "\n";
    case FORMAT_CSV:
      return "";
    case FORMAT_TEXT:
    case FORMAT_MARKDOWN:
    default:
      return "\n";
    }
}

/* The analyzer, made when the first text is read: it loads its word lists,
 * which is not worth doing for --help or a file that cannot be read. */
static QuotesAnalyzer *
get_analyzer (void)
{
  if (analyzer == NULL)
    analyzer = quotes_analyzer_new ();
  return analyzer;
}

/* The CSV of all files has one header, the first record of each file's
 * CSV: written with the first file, or alone when no file was read. */
static const char *
csv_records (const char *csv,
             gboolean    with_header)
{
  return with_header ? csv : strstr (csv, "\r\n") + 2;
}

static gboolean
write_csv_header (GOutputStream *out)
{
  /* An empty text has no quotes: its CSV is the header. */
  g_autoptr(QuotesAnalysis) empty = quotes_analyzer_analyze (get_analyzer (), "", 0, NULL, NULL);
  g_autofree char *csv = quotes_analysis_to_csv (empty, NULL);

  return write_string (out, csv, strlen (csv));
}

/* scan_file for JSON, which the engine writes as it analyses, without
 * the analysis objects. */
static int
scan_file_to_json (const char    *path,
                   const char    *contents,
                   gsize          length,
                   gboolean       several,
                   guint         *printed,
                   GOutputStream *out)
{
  g_autoptr(GError) error = NULL;
  GOutputStream *direct;

  /* The JSON writer buffers its output in large pieces itself: written
   * past the buffered stream, hundreds of MB are not copied once more. */
  if (!g_output_stream_flush (out, NULL, &error))
    {
      g_printerr ("quotes-scan: %s\n", error->message);
      return EXIT_USAGE;
    }
  direct = g_filter_output_stream_get_base_stream (G_FILTER_OUTPUT_STREAM (out));
  if (quotes_analyzer_write_json (get_analyzer (), contents, length, *printed > 0 ? separator (several) : "",
                                  direct, &error))
    {
      (*printed)++;
      return EXIT_OK;
    }
  if (error->domain == QUOTES_ERROR)
    {
      g_printerr (_("quotes-scan: %s: %s\n"), path, error->message);
      return EXIT_BAD_INPUT;
    }
  (*printed)++;
  g_printerr ("quotes-scan: %s\n", error->message);
  return EXIT_USAGE;
}

/* Analyses one file and writes what it found to @out; @printed counts the
 * files written so far, for the separators between them. */
static int
scan_file (const char    *path,
           gboolean       several,
           guint         *printed,
           GOutputStream *out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(QuotesAnalysis) analysis = NULL;
  g_autofree char *formatted = NULL;
  const char *output;
  gsize length = 0;

  if (!read_input (path, &contents, &length, &error))
    {
      g_printerr ("quotes-scan: %s\n", error->message);
      return EXIT_USAGE;
    }
  if (format == FORMAT_JSON)
    return scan_file_to_json (path, contents, length, several, printed, out);
  analysis = quotes_analyzer_analyze (get_analyzer (), contents, length, NULL, &error);
  if (analysis == NULL)
    {
      /* Translators: the first %s is a file name, the second why it cannot be read */
      g_printerr (_("quotes-scan: %s: %s\n"), path, error->message);
      return EXIT_BAD_INPUT;
    }
  if (*printed > 0 && !write_string (out, separator (several), strlen (separator (several))))
    return EXIT_USAGE;
  (*printed)++;

  switch (format)
    {
    case FORMAT_MARKDOWN:
      output = formatted = quotes_analysis_to_markdown (analysis, contents, path);
      break;
    case FORMAT_CSV:
      formatted = quotes_analysis_to_csv (analysis, path);
      output = csv_records (formatted, *printed == 1);
      break;
    case FORMAT_TEXT:
    default:
      output = formatted = quotes_analysis_to_text (analysis, contents, path);
      break;
    }
  return write_string (out, output, strlen (output)) ? EXIT_OK : EXIT_USAGE;
}

/* --jsonl: each FILE, or standard input, as JSON Lines. */
static int
scan_lines (const char    **paths,
            GOutputStream  *out)
{
  static const char *standard_input[] = { "-", NULL };
  int status = EXIT_OK;

  if (paths[0] == NULL)
    paths = standard_input;
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GInputStream) in = NULL;
      g_autoptr(GError) error = NULL;

      if (g_str_equal (paths[i], "-"))
        in = g_unix_input_stream_new (STDIN_FILENO, FALSE);
      else
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);

          in = G_INPUT_STREAM (g_file_read (file, NULL, &error));
        }
      if (in == NULL)
        {
          g_printerr (_("quotes-scan: %s: %s\n"), paths[i], error->message);
          status = EXIT_USAGE;
          continue;
        }
      if (!quotes_jsonl_scan (get_analyzer, in, paths[i], out))
        status = EXIT_USAGE;
    }
  return status;
}

static gboolean
parse_format (GError **error)
{
  if (format_name != NULL)
    {
      guint i;

      for (i = 0; i < G_N_ELEMENTS (format_names); i++)
        {
          if (g_str_equal (format_name, format_names[i]))
            break;
        }
      if (i == G_N_ELEMENTS (format_names))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       /* Translators: do not translate the format names */
                       _("Unknown format “%s”: use text, json, markdown or csv"), format_name);
          return FALSE;
        }
      format = i;
    }
  if (json_output && format_name != NULL && format != FORMAT_JSON)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--json and --format=%s contradict each other"), format_name);
      return FALSE;
    }
  if (json_output)
    format = FORMAT_JSON;
  if (jsonl && format_name != NULL && format != FORMAT_JSON)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--jsonl writes JSON Lines: it takes no --format=%s"), format_name);
      return FALSE;
    }
  return TRUE;
}

static char *
help_description (void)
{
  return g_strjoin ("\n\n",
    _("Prints the speakers with their quotes, the organizations and the cited social posts of "
      "each FILE (“-” reads standard input)."),
    /* Translators: do not translate the format names; keep the columns
     * lined up */
    _("Formats (--format):\n"
      "  text      the report for people (the default)\n"
      "  json      the analysis as JSON; several files give a JSON array\n"
      "  markdown  the report as Markdown\n"
      "  csv       one row per quote, with a header row"),
    /* Translators: do not translate the JSON in this text */
    _("With --jsonl, reads JSON Lines {\"id\": …, \"text\": …} from each FILE, or from standard "
      "input when there is none, and writes for each line, as soon as it is read, "
      "{\"id\": …, \"analysis\": {…}} or {\"id\": …, \"error\": \"…\"}."),
    _("Exit status:\n"
      "  0  all went well (with --jsonl, also when some lines had errors: they are in the output)\n"
      "  1  wrong options, or a file that cannot be read\n"
      "  2  a file that is not UTF-8 text"),
    _("See the quotes-scan(1) manual page for more."),
    NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) stdout_stream = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autofree char *description = NULL;
  const char *localedir = g_getenv ("QUOTES_LOCALEDIR");
  int status = EXIT_OK;
  gboolean several;
  guint printed = 0;

  setlocale (LC_ALL, "");
  /* QUOTES_LOCALEDIR: translations elsewhere than the installed ones, such
   * as the build tree's for the tests. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("FILE… — find quotations and who said them"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  description = help_description ();
  g_option_context_set_description (context, description);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      !parse_format (&error) ||
      (argc < 2 && !jsonl))
    {
      g_printerr ("quotes-scan: %s\n", error != NULL ? error->message : _("no file given"));
      g_printerr (_("Try “quotes-scan --help”.\n"));
      return EXIT_USAGE;
    }

  quotes_heap_tune_for_large_texts ();
  stdout_stream = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
  out = g_buffered_output_stream_new_sized (stdout_stream, 1 << 16);
  if (jsonl)
    {
      status = scan_lines ((const char **) argv + 1, out);
      g_clear_object (&analyzer);
      return status;
    }

  several = argc > 2;
  if (format == FORMAT_JSON && several && !write_string (out, "[\n", 2))
    return EXIT_USAGE;
  for (int i = 1; i < argc; i++)
    {
      int file_status = scan_file (argv[i], several, &printed, out);

      status = MAX (status, file_status);
    }
  if (format == FORMAT_CSV && printed == 0 && !write_csv_header (out))
    return EXIT_USAGE;
  g_clear_object (&analyzer);
  if (format == FORMAT_JSON && several && !write_string (out, "]\n", 2))
    return EXIT_USAGE;
  if (!g_output_stream_flush (out, NULL, &error))
    {
      g_printerr ("quotes-scan: %s\n", error->message);
      return EXIT_USAGE;
    }
  return status;
}
