/* SPDX-License-Identifier: GPL-2.0-or-later */

/* quotes-scan --jsonl: JSON Lines in, JSON Lines out, a line at a time, so
 * that it can run under Spark's RDD.pipe() or Hadoop Streaming. */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "quotes-jsonl.h"

/* Whether a JSON string of @line holds "\u0000": json-glib would end the
 * string there, and the analysis would silently miss the rest. */
static gboolean
has_nul_escape (const char *line)
{
  for (const char *p = strstr (line, "\\u0000"); p != NULL; p = strstr (p + 1, "\\u0000"))
    {
      gsize backslashes = 0;

      for (const char *b = p; b > line && b[-1] == '\\'; b--)
        backslashes++;
      if (backslashes % 2 == 0)
        return TRUE;
    }
  return FALSE;
}

/* The "id" of the request on @line, when it has one. */
static JsonNode *
read_id (const char *line,
         gssize      length)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, line, length, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "id"))
    return NULL;
  return json_node_copy (json_object_get_member (json_node_get_object (root), "id"));
}

static void
set_id (JsonObject *reply,
        JsonNode   *id)
{
  if (id != NULL)
    json_object_set_member (reply, "id", id);
  else
    json_object_set_null_member (reply, "id");
}

/* The answer to @line, which is not UTF-8 text: the id, read from a
 * repaired copy so that the caller knows which request failed, and why. */
static void
answer_not_utf8 (JsonObject *reply,
                 const char *line,
                 gsize       length,
                 const char *invalid)
{
  g_autofree char *repaired = g_utf8_make_valid (line, length);
  g_autofree char *message = NULL;
  gulong offset = invalid - line;

  set_id (reply, read_id (repaired, -1));
  if (*invalid == '\0')
    /* Translators: --jsonl: the input line holds a zero byte */
    message = g_strdup_printf (_("The line holds a NUL byte at byte %lu: it is binary data, not text"), offset);
  else
    /* Translators: --jsonl: the input line is not UTF-8 */
    message = g_strdup_printf (_("The line is not valid UTF-8 at byte %lu"), offset);
  json_object_set_string_member (reply, "error", message);
}

/* The answer to one line: its id and the analysis of its text, or why
 * there is none. */
static JsonObject *
answer (QuotesAnalyzerGetter  get_analyzer,
        const char           *line,
        gsize                 length)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(JsonParser) result = json_parser_new ();
  g_autoptr(QuotesAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  JsonObject *reply = json_object_new ();
  const char *invalid = NULL;
  JsonObject *request;
  JsonNode *root, *text;

  if (!g_utf8_validate (line, length, &invalid))
    {
      answer_not_utf8 (reply, line, length, invalid);
      return reply;
    }
  if (!json_parser_load_from_data (parser, line, length, &error))
    {
      g_autofree char *message = NULL;

      set_id (reply, NULL);
      /* Translators: --jsonl: the input line cannot be parsed; %s says why */
      message = g_strdup_printf (_("The line is not valid JSON: %s"), error->message);
      json_object_set_string_member (reply, "error", message);
      return reply;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      set_id (reply, NULL);
      json_object_set_string_member (reply, "error", _("The line is not a JSON object"));
      return reply;
    }
  request = json_node_get_object (root);
  set_id (reply, json_object_has_member (request, "id")
                   ? json_node_copy (json_object_get_member (request, "id")) : NULL);
  text = json_object_get_member (request, "text");
  if (text == NULL || !JSON_NODE_HOLDS_VALUE (text) || json_node_get_value_type (text) != G_TYPE_STRING)
    {
      /* Translators: --jsonl: do not translate "text", the name of the member */
      json_object_set_string_member (reply, "error", _("The line has no “text” string"));
      return reply;
    }
  if (has_nul_escape (line))
    {
      json_object_set_string_member (reply, "error",
                                     _("The text holds a NUL character (\\u0000): it is binary data, not text"));
      return reply;
    }

  analysis = quotes_analyzer_analyze (get_analyzer (), json_node_get_string (text), -1, NULL, &error);
  if (analysis == NULL)
    {
      json_object_set_string_member (reply, "error", error->message);
      return reply;
    }
  json = quotes_analysis_to_json (analysis);
  if (!json_parser_load_from_data (result, json, -1, &error))
    g_error ("The analysis is not JSON: %s", error->message);
  json_object_set_member (reply, "analysis", json_parser_steal_root (result));
  return reply;
}

static gboolean
is_blank (const char *line)
{
  for (const char *p = line; *p != '\0'; p++)
    {
      if (!g_ascii_isspace (*p))
        return FALSE;
    }
  return TRUE;
}

gboolean
quotes_jsonl_scan (QuotesAnalyzerGetter  get_analyzer,
                   GInputStream         *in,
                   const char           *name,
                   GOutputStream        *out)
{
  g_autoptr(GDataInputStream) lines = g_data_input_stream_new (in);
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (lines), FALSE);
  g_data_input_stream_set_newline_type (lines, G_DATA_STREAM_NEWLINE_TYPE_LF);
  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) reply = NULL;
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *line = NULL;
      g_autofree char *data = NULL;
      gsize length = 0;

      line = g_data_input_stream_read_line (lines, &length, NULL, &error);
      if (line == NULL)
        {
          if (error == NULL)
            return TRUE;
          /* Translators: the first %s is a file name, the second why it cannot be read */
          g_printerr (_("quotes-scan: %s: %s\n"), name, error->message);
          return FALSE;
        }
      if (length > 0 && line[length - 1] == '\r')
        line[--length] = '\0';
      if (length == strlen (line) && is_blank (line))
        continue;

      reply = answer (get_analyzer, line, length);
      root = json_node_init_object (json_node_alloc (), reply);
      json_generator_set_root (generator, root);
      data = json_generator_to_data (generator, &length);
      if (!g_output_stream_write_all (out, data, length, NULL, NULL, &error) ||
          !g_output_stream_write_all (out, "\n", 1, NULL, NULL, &error) ||
          !g_output_stream_flush (out, NULL, &error))
        {
          g_printerr ("quotes-scan: %s\n", error->message);
          return FALSE;
        }
    }
}
