/* SPDX-License-Identifier: GPL-2.0-or-later */

/* The JSON form of an analysis, version 1: the contract of `quotes-scan --json`. */

#include "config.h"

#include <gio/gio.h>

#include "quotes-json-private.h"

#define FORMAT_VERSION 1

static void
add_span (JsonBuilder      *builder,
          const char       *member,
          const QuotesSpan *span)
{
  json_builder_set_member_name (builder, member);
  if (span == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, span->start);
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, span->end);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, span->text);
  json_builder_end_object (builder);
}

static void
add_id_or_null (JsonBuilder *builder,
                const char  *member,
                gint         id)
{
  json_builder_set_member_name (builder, member);
  if (id < 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, id);
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *member,
                    const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static void
add_quote (JsonBuilder *builder,
           gpointer     item)
{
  QuotesQuote *quote = item;

  json_builder_begin_object (builder);
  add_int (builder, "id", quotes_quote_get_id (quote));
  add_string_or_null (builder, "kind", quotes_quote_kind_to_string (quotes_quote_get_kind (quote)));
  add_int (builder, "start", quotes_quote_get_start (quote));
  add_int (builder, "end", quotes_quote_get_end (quote));
  add_string_or_null (builder, "text", quotes_quote_get_text (quote));
  add_span (builder, "cue", quotes_quote_get_cue (quote));
  add_span (builder, "source", quotes_quote_get_source (quote));
  add_id_or_null (builder, "speaker", quotes_quote_get_speaker (quote));
  add_id_or_null (builder, "post", quotes_quote_get_post (quote));
  json_builder_set_member_name (builder, "confidence");
  /* Two decimals say all there is to say, and keep the output stable. */
  json_builder_add_double_value (builder, ((gint64) (quotes_quote_get_confidence (quote) * 100 + 0.5)) / 100.0);
  json_builder_end_object (builder);
}

static void
add_entity (JsonBuilder *builder,
            gpointer     item)
{
  QuotesEntity *entity = item;
  const char * const *aliases = quotes_entity_get_aliases (entity);
  GPtrArray *mentions = quotes_entity_get_mentions (entity);
  GArray *quotes = quotes_entity_get_quotes (entity);

  json_builder_begin_object (builder);
  add_int (builder, "id", quotes_entity_get_id (entity));
  add_string_or_null (builder, "type", quotes_entity_type_to_string (quotes_entity_get_entity_type (entity)));
  add_string_or_null (builder, "name", quotes_entity_get_name (entity));
  add_string_or_null (builder, "title", quotes_entity_get_title (entity));
  json_builder_set_member_name (builder, "aliases");
  json_builder_begin_array (builder);
  for (guint i = 0; aliases[i] != NULL; i++)
    json_builder_add_string_value (builder, aliases[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "mentions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < mentions->len; i++)
    {
      const QuotesSpan *span = g_ptr_array_index (mentions, i);

      json_builder_begin_object (builder);
      add_int (builder, "start", span->start);
      add_int (builder, "end", span->end);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "quotes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < quotes->len; i++)
    json_builder_add_int_value (builder, g_array_index (quotes, guint, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_post (JsonBuilder *builder,
          gpointer     item)
{
  QuotesPost *post = item;

  json_builder_begin_object (builder);
  add_int (builder, "id", quotes_post_get_id (post));
  add_string_or_null (builder, "platform", quotes_platform_to_string (quotes_post_get_platform (post)));
  add_string_or_null (builder, "author", quotes_post_get_author (post));
  add_string_or_null (builder, "handle", quotes_post_get_handle (post));
  add_string_or_null (builder, "date", quotes_post_get_date (post));
  add_string_or_null (builder, "url", quotes_post_get_url (post));
  add_int (builder, "start", quotes_post_get_start (post));
  add_int (builder, "end", quotes_post_get_end (post));
  add_string_or_null (builder, "text", quotes_post_get_text (post));
  add_id_or_null (builder, "speaker", quotes_post_get_speaker (post));
  json_builder_end_object (builder);
}

static void
add_array (JsonBuilder *builder,
           const char  *member,
           GPtrArray   *items,
           void       (*add_item) (JsonBuilder *, gpointer))
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    add_item (builder, g_ptr_array_index (items, i));
  json_builder_end_array (builder);
}

static JsonNode *
build (QuotesAnalysis *analysis)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_int (builder, "version", FORMAT_VERSION);
  add_int (builder, "length", quotes_analysis_get_length (analysis));
  add_array (builder, "quotes", quotes_analysis_get_quotes (analysis), add_quote);
  add_array (builder, "entities", quotes_analysis_get_entities (analysis), add_entity);
  add_array (builder, "posts", quotes_analysis_get_posts (analysis), add_post);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static JsonGenerator *
generator_for (QuotesAnalysis *analysis)
{
  g_autoptr(JsonNode) root = build (analysis);
  JsonGenerator *generator = json_generator_new ();

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  return generator;
}

gboolean
quotes_json_write_to (QuotesAnalysis  *analysis,
                      GOutputStream   *out,
                      GCancellable    *cancellable,
                      GError         **error)
{
  g_autoptr(JsonGenerator) generator = generator_for (analysis);
  gsize length;
  g_autofree char *json = json_generator_to_data (generator, &length);

  return g_output_stream_write_all (out, json, length, NULL, cancellable, error) &&
         g_output_stream_write_all (out, "\n", 1, NULL, cancellable, error);
}

char *
quotes_json_write (QuotesAnalysis *analysis)
{
  g_autoptr(JsonGenerator) generator = generator_for (analysis);

  return json_generator_to_data (generator, NULL);
}
