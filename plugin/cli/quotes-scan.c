/* SPDX-License-Identifier: GPL-2.0-or-later */

/* quotes-scan: the analysis of text files, for people or as JSON. */

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gunixinputstream.h>
#include <gio/gunixoutputstream.h>
#include <locale.h>
#include <stdio.h>
#include <unistd.h>
#include <string.h>

#include <quotes.h>

#include "quotes-report.h"

enum
{
  EXIT_OK = 0,
  EXIT_USAGE = 1,      /* wrong options, or a file that cannot be read */
  EXIT_BAD_INPUT = 2,  /* not UTF-8 text */
};

static gboolean json_output = FALSE;

static const GOptionEntry entries[] = {
  { "json", 'j', 0, G_OPTION_ARG_NONE, &json_output, N_("Print the analysis as JSON"), NULL },
  { NULL }
};

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
  return g_file_get_contents (path, contents, length, error);
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

/* Analyses one file and writes what it found to @out; @printed counts the
 * files written so far, for the separators between them. */
static int
scan_file (QuotesAnalyzer *analyzer,
           const char     *path,
           gboolean        several,
           guint          *printed,
           GOutputStream  *out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(QuotesAnalysis) analysis = NULL;
  gsize length = 0;

  if (!read_input (path, &contents, &length, &error))
    {
      g_printerr ("quotes-scan: %s\n", error->message);
      return EXIT_USAGE;
    }
  analysis = quotes_analyzer_analyze (analyzer, contents, length, NULL, &error);
  if (analysis == NULL)
    {
      /* Translators: the first %s is a file name, the second why it cannot be read */
      g_printerr (_("quotes-scan: %s: %s\n"), path, error->message);
      return EXIT_BAD_INPUT;
    }
  if (*printed > 0 && !write_string (out, several && json_output ? ",\n" : "\n", several && json_output ? 2 : 1))
    return EXIT_USAGE;
  (*printed)++;
  if (json_output)
    {
      if (quotes_analysis_write_json (analysis, out, NULL, &error))
        return EXIT_OK;
      g_printerr ("quotes-scan: %s\n", error->message);
      return EXIT_USAGE;
    }
  else
    {
      g_autoptr(GString) report = g_string_new (NULL);

      quotes_report_print (report, path, contents, analysis);
      return write_string (out, report->str, report->len) ? EXIT_OK : EXIT_USAGE;
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QuotesAnalyzer) analyzer = NULL;
  g_autoptr(GOutputStream) stdout_stream = NULL;
  g_autoptr(GOutputStream) out = NULL;
  int status = EXIT_OK;
  gboolean several;
  guint printed = 0;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("FILE… — find quotations and who said them"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Prints the speakers with their quotes, the organizations and the cited social posts of "
      "each FILE (“-” reads standard input). With --json, prints the analysis as JSON; several "
      "files give a JSON array.\n\nExit status: 0 when all went well, 1 for wrong options or a "
      "file that cannot be read, 2 for a file that is not UTF-8 text."));
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc < 2)
    {
      g_printerr ("quotes-scan: %s\n", error != NULL ? error->message : _("no file given"));
      g_printerr (_("Try “quotes-scan --help”.\n"));
      return EXIT_USAGE;
    }

  analyzer = quotes_analyzer_new ();
  stdout_stream = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
  out = g_buffered_output_stream_new_sized (stdout_stream, 1 << 16);
  several = argc > 2;
  if (json_output && several && !write_string (out, "[\n", 2))
    return EXIT_USAGE;
  for (int i = 1; i < argc; i++)
    {
      int file_status = scan_file (analyzer, argv[i], several, &printed, out);

      status = MAX (status, file_status);
    }
  if (json_output && several && !write_string (out, "]\n", 2))
    return EXIT_USAGE;
  if (!g_output_stream_flush (out, NULL, &error))
    {
      g_printerr ("quotes-scan: %s\n", error->message);
      return EXIT_USAGE;
    }
  return status;
}
