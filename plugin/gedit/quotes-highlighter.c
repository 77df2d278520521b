/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * QuotesHighlighter: tags for quotes, reported speech and attributions in
 * a GtkSourceBuffer. Colours are mixed from the style scheme (the text's
 * own background and the scheme's search-match colour), so they stay
 * readable on light and dark schemes alike; they follow the scheme when it
 * changes. Tags are applied in slices from an idle callback so that a long
 * document never stalls the main loop.
 */

#include "config.h"

#include "quotes-highlighter.h"

#define QUOTES_PER_SLICE 400   /* tag applications per idle run: well under a frame */
#define QUOTE_MIX        0.40  /* how far quote backgrounds move towards the accent */
#define REPORTED_MIX     0.18
#define ATTRIBUTION_MIX  0.10

struct _QuotesHighlighter
{
  GObject          parent_instance;

  GtkSourceBuffer *buffer;     /* weak */
  GtkTextTag      *quote_tag;
  GtkTextTag      *reported_tag;
  GtkTextTag      *attribution_tag;
  QuotesAnalysis  *analysis;
  guint            next_quote; /* where the idle application goes on */
  guint            applying;
  gboolean         highlight_quotes;
  gboolean         show_reported;
  gboolean         show_scare;
};

enum
{
  PROP_0,
  PROP_HIGHLIGHT_QUOTES,
  PROP_SHOW_REPORTED_SPEECH,
  PROP_SHOW_SCARE_QUOTES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (QuotesHighlighter, quotes_highlighter, G_TYPE_OBJECT)

static gboolean
style_color (GtkSourceStyleScheme *scheme,
             const char           *style_id,
             const char           *property,
             GdkRGBA              *color)
{
  GtkSourceStyle *style = scheme != NULL ? gtk_source_style_scheme_get_style (scheme, style_id) : NULL;
  g_autofree char *set_name = g_strconcat (property, "-set", NULL);
  g_autofree char *spec = NULL;
  gboolean set = FALSE;

  if (style == NULL)
    return FALSE;
  g_object_get (style, set_name, &set, property, &spec, NULL);
  return set && spec != NULL && gdk_rgba_parse (color, spec);
}

static GdkRGBA
mix (const GdkRGBA *from,
     const GdkRGBA *to,
     double         amount)
{
  GdkRGBA mixed = {
    from->red + (to->red - from->red) * amount,
    from->green + (to->green - from->green) * amount,
    from->blue + (to->blue - from->blue) * amount,
    1.0,
  };

  return mixed;
}

/* The text background of the scheme, and a colour that stands out on it. */
static void
scheme_colors (GtkSourceStyleScheme *scheme,
               GdkRGBA              *background,
               GdkRGBA              *accent)
{
  if (!style_color (scheme, "text", "background", background))
    gdk_rgba_parse (background, "#ffffff");
  if (!style_color (scheme, "search-match", "background", accent) &&
      !style_color (scheme, "def:string", "foreground", accent))
    gdk_rgba_parse (accent, "#c4a000");
}

static void
update_colors (QuotesHighlighter *self)
{
  GtkSourceStyleScheme *scheme = gtk_source_buffer_get_style_scheme (self->buffer);
  GdkRGBA background, accent, quote, reported, attribution;

  scheme_colors (scheme, &background, &accent);
  quote = mix (&background, &accent, QUOTE_MIX);
  reported = mix (&background, &accent, REPORTED_MIX);
  attribution = mix (&background, &accent, ATTRIBUTION_MIX);
  g_object_set (self->quote_tag, "background-rgba", &quote, NULL);
  g_object_set (self->reported_tag, "background-rgba", &reported, NULL);
  g_object_set (self->attribution_tag,
                "background-rgba", &attribution,
                "underline", PANGO_UNDERLINE_SINGLE,
                "underline-rgba", &accent,
                NULL);
}

static GtkTextTag *
ensure_tag (GtkTextBuffer *buffer,
            const char    *name)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);

  return tag != NULL ? tag : gtk_text_buffer_create_tag (buffer, name, NULL);
}

static void
remove_tags (QuotesHighlighter *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->quote_tag, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->reported_tag, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->attribution_tag, &start, &end);
}

static void
tag_range (QuotesHighlighter *self,
           GtkTextTag        *tag,
           guint              start,
           guint              end)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter from, to;

  gtk_text_buffer_get_iter_at_offset (buffer, &from, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &to, end);
  gtk_text_buffer_apply_tag (buffer, tag, &from, &to);
}

static GtkTextTag *
tag_for (QuotesHighlighter *self,
         QuotesQuote       *quote)
{
  switch (quotes_quote_get_kind (quote))
    {
    case QUOTES_QUOTE_KIND_DIRECT:
    case QUOTES_QUOTE_KIND_PARTIAL:
      return self->quote_tag;
    case QUOTES_QUOTE_KIND_INDIRECT:
      return self->show_reported ? self->reported_tag : NULL;
    case QUOTES_QUOTE_KIND_SCARE:
      return self->show_scare ? self->reported_tag : NULL;
    default:
      return NULL;
    }
}

static void
highlight_quote (QuotesHighlighter *self,
                 QuotesQuote       *quote)
{
  GtkTextTag *tag = tag_for (self, quote);
  const QuotesSpan *cue = quotes_quote_get_cue (quote);
  const QuotesSpan *source = quotes_quote_get_source (quote);

  if (tag == NULL)
    return;
  tag_range (self, tag, quotes_quote_get_start (quote), quotes_quote_get_end (quote));
  if (cue != NULL)
    tag_range (self, self->attribution_tag, cue->start, cue->end);
  if (source != NULL && source->end - source->start < 80)
    tag_range (self, self->attribution_tag, source->start, source->end);
}

static gboolean
apply_slice (gpointer user_data)
{
  QuotesHighlighter *self = user_data;
  GPtrArray *quotes;
  guint stop;

  if (self->buffer == NULL || self->analysis == NULL)
    {
      self->applying = 0;
      return G_SOURCE_REMOVE;
    }
  quotes = quotes_analysis_get_quotes (self->analysis);
  stop = MIN (quotes->len, self->next_quote + QUOTES_PER_SLICE);
  for (; self->next_quote < stop; self->next_quote++)
    highlight_quote (self, g_ptr_array_index (quotes, self->next_quote));
  if (self->next_quote < quotes->len)
    return G_SOURCE_CONTINUE;
  self->applying = 0;
  return G_SOURCE_REMOVE;
}

static void
refresh (QuotesHighlighter *self)
{
  g_clear_handle_id (&self->applying, g_source_remove);
  if (self->buffer == NULL)
    return;
  remove_tags (self);
  if (self->analysis == NULL || !self->highlight_quotes)
    return;
  self->next_quote = 0;
  if (apply_slice (self))
    self->applying = g_idle_add_full (G_PRIORITY_LOW, apply_slice, self, NULL);
}

/**
 * quotes_highlighter_set_analysis:
 * @self: a highlighter
 * @analysis: (nullable): an analysis of the buffer's current text
 *
 * Shows @analysis in the buffer instead of the one before.
 */
void
quotes_highlighter_set_analysis (QuotesHighlighter *self,
                                 QuotesAnalysis    *analysis)
{
  g_return_if_fail (QUOTES_IS_HIGHLIGHTER (self));
  g_return_if_fail (analysis == NULL || QUOTES_IS_ANALYSIS (analysis));

  g_set_object (&self->analysis, analysis);
  refresh (self);
}

/* Offsets of the analysis are wrong once the text changes: stop applying
 * them; the next analysis will come. */
static void
on_buffer_changed (QuotesHighlighter *self)
{
  g_clear_handle_id (&self->applying, g_source_remove);
}

static void
set_flag (QuotesHighlighter *self,
          gboolean          *flag,
          gboolean           value,
          guint              prop_id)
{
  value = !!value;
  if (*flag == value)
    return;
  *flag = value;
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [prop_id]);
}

static void
quotes_highlighter_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  QuotesHighlighter *self = QUOTES_HIGHLIGHTER (object);

  switch (prop_id)
    {
    case PROP_HIGHLIGHT_QUOTES:
      g_value_set_boolean (value, self->highlight_quotes);
      break;
    case PROP_SHOW_REPORTED_SPEECH:
      g_value_set_boolean (value, self->show_reported);
      break;
    case PROP_SHOW_SCARE_QUOTES:
      g_value_set_boolean (value, self->show_scare);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quotes_highlighter_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  QuotesHighlighter *self = QUOTES_HIGHLIGHTER (object);

  switch (prop_id)
    {
    case PROP_HIGHLIGHT_QUOTES:
      set_flag (self, &self->highlight_quotes, g_value_get_boolean (value), prop_id);
      break;
    case PROP_SHOW_REPORTED_SPEECH:
      set_flag (self, &self->show_reported, g_value_get_boolean (value), prop_id);
      break;
    case PROP_SHOW_SCARE_QUOTES:
      set_flag (self, &self->show_scare, g_value_get_boolean (value), prop_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quotes_highlighter_dispose (GObject *object)
{
  QuotesHighlighter *self = QUOTES_HIGHLIGHTER (object);

  g_clear_handle_id (&self->applying, g_source_remove);
  if (self->buffer != NULL)
    {
      GtkTextTagTable *table = gtk_text_buffer_get_tag_table (GTK_TEXT_BUFFER (self->buffer));

      remove_tags (self);
      gtk_text_tag_table_remove (table, self->quote_tag);
      gtk_text_tag_table_remove (table, self->reported_tag);
      gtk_text_tag_table_remove (table, self->attribution_tag);
      g_signal_handlers_disconnect_by_data (self->buffer, self);
      g_object_remove_weak_pointer (G_OBJECT (self->buffer), (gpointer *) &self->buffer);
      self->buffer = NULL;
    }
  g_clear_object (&self->analysis);
  g_clear_object (&self->quote_tag);
  g_clear_object (&self->reported_tag);
  g_clear_object (&self->attribution_tag);
  G_OBJECT_CLASS (quotes_highlighter_parent_class)->dispose (object);
}

static GParamSpec *
flag_property (const char *name,
               gboolean    default_value)
{
  return g_param_spec_boolean (name, NULL, NULL, default_value,
                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
quotes_highlighter_class_init (QuotesHighlighterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = quotes_highlighter_dispose;
  object_class->get_property = quotes_highlighter_get_property;
  object_class->set_property = quotes_highlighter_set_property;

  properties [PROP_HIGHLIGHT_QUOTES] = flag_property ("highlight-quotes", TRUE);
  properties [PROP_SHOW_REPORTED_SPEECH] = flag_property ("show-reported-speech", TRUE);
  properties [PROP_SHOW_SCARE_QUOTES] = flag_property ("show-scare-quotes", FALSE);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
quotes_highlighter_init (QuotesHighlighter *self)
{
  self->highlight_quotes = TRUE;
  self->show_reported = TRUE;
}

/**
 * quotes_highlighter_new:
 * @buffer: the buffer to highlight in; it is not kept alive
 *
 * Returns: (transfer full): a highlighter showing nothing yet
 */
QuotesHighlighter *
quotes_highlighter_new (GtkSourceBuffer *buffer)
{
  QuotesHighlighter *self;
  GtkTextBuffer *text_buffer = GTK_TEXT_BUFFER (buffer);

  g_return_val_if_fail (GTK_SOURCE_IS_BUFFER (buffer), NULL);

  self = g_object_new (QUOTES_TYPE_HIGHLIGHTER, NULL);
  self->buffer = buffer;
  g_object_add_weak_pointer (G_OBJECT (buffer), (gpointer *) &self->buffer);
  self->quote_tag = g_object_ref (ensure_tag (text_buffer, QUOTES_HIGHLIGHTER_TAG_QUOTE));
  self->reported_tag = g_object_ref (ensure_tag (text_buffer, QUOTES_HIGHLIGHTER_TAG_REPORTED));
  self->attribution_tag = g_object_ref (ensure_tag (text_buffer, QUOTES_HIGHLIGHTER_TAG_ATTRIBUTION));
  update_colors (self);
  g_signal_connect_swapped (buffer, "notify::style-scheme", G_CALLBACK (update_colors), self);
  g_signal_connect_swapped (buffer, "changed", G_CALLBACK (on_buffer_changed), self);
  return self;
}
