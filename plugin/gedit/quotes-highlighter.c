/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * QuotesHighlighter: tags for quotes, reported speech and attributions in
 * a GtkSourceBuffer. Colours are mixed from the style scheme (the text's
 * own background and the scheme's search-match colour), so they stay
 * readable on light and dark schemes alike; they follow the scheme when it
 * changes.
 *
 * An analysis becomes a plan: for each tag, the sorted ranges it should
 * cover (worked out in a thread for long analyses). The plan is then
 * compared with the tags in the buffer region by region, starting where
 * the cursor is, a few regions per main-loop turn within a time budget;
 * only regions that differ are retagged. Typing at the end of a long
 * document thus retags one region, not the whole text, and a long
 * document never stalls the main loop.
 */

#include "config.h"

#include <string.h>

#include "quotes-highlighter.h"
#include "quotes-release.h"
#include "quotes-worker.h"
#include "quotes-timing.h"

#define REGION_CHARS     2048   /* the unit compared and retagged */
#define SLICE_BUDGET_US  3000   /* per main-loop turn: well under a frame */
#define SYNC_PLAN_QUOTES 2000   /* more quotes: their tags are worked out in a thread */
#define QUOTE_MIX        0.40  /* how far quote backgrounds move towards the accent */
#define REPORTED_MIX     0.18
#define ATTRIBUTION_MIX  0.10

enum { TAG_QUOTE, TAG_REPORTED, TAG_ATTRIBUTION, N_TAGS };

typedef struct _Plan Plan;

struct _QuotesHighlighter
{
  GObject          parent_instance;

  GtkSourceBuffer *buffer;           /* weak */
  GtkTextTag      *tags[N_TAGS];
  QuotesAnalysis  *analysis;
  gboolean         analysis_current; /* no change to the text since it came */
  guint64          generation;       /* of the analysis and settings shown */
  gboolean         planning;         /* a thread works out the tags */

  Plan            *plan;             /* being applied */
  guint            length;           /* of the text then */
  guint            n_regions;
  guint            first_region;
  guint            regions_done;
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
  g_object_set (self->tags[TAG_QUOTE], "background-rgba", &quote, NULL);
  g_object_set (self->tags[TAG_REPORTED], "background-rgba", &reported, NULL);
  g_object_set (self->tags[TAG_ATTRIBUTION],
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

/* The plan: for each tag, the ranges it should cover, sorted and merged. */

typedef struct
{
  guint start;
  guint end;
} Span;

struct _Plan
{
  GArray *spans[N_TAGS];
};

static void
plan_free (gpointer data)
{
  Plan *plan = data;

  for (guint i = 0; i < N_TAGS; i++)
    g_clear_pointer (&plan->spans[i], g_array_unref);
  g_free (plan);
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *sa = a;
  const Span *sb = b;

  if (sa->start != sb->start)
    return sa->start < sb->start ? -1 : 1;
  return sa->end < sb->end ? -1 : sa->end > sb->end;
}

static int
compare_offsets (gconstpointer a,
                 gconstpointer b)
{
  guint oa = *(const guint *) a;
  guint ob = *(const guint *) b;

  return oa < ob ? -1 : oa > ob;
}

static void
sort_and_merge (GArray *spans)
{
  guint kept = 0;

  g_array_sort (spans, compare_spans);
  for (guint i = 0; i < spans->len; i++)
    {
      Span *span = &g_array_index (spans, Span, i);
      Span *last = kept > 0 ? &g_array_index (spans, Span, kept - 1) : NULL;

      if (span->start >= span->end)
        continue;
      if (last != NULL && span->start <= last->end)
        last->end = MAX (last->end, span->end);
      else
        g_array_index (spans, Span, kept++) = *span;
    }
  g_array_set_size (spans, kept);
}

static void
add_span (GArray *spans,
          guint   start,
          guint   end)
{
  Span span = { start, end };

  g_array_append_val (spans, span);
}

static int
tag_for (QuotesQuote *quote,
         gboolean     show_reported,
         gboolean     show_scare)
{
  switch (quotes_quote_get_kind (quote))
    {
    case QUOTES_QUOTE_KIND_DIRECT:
    case QUOTES_QUOTE_KIND_PARTIAL:
      return TAG_QUOTE;
    case QUOTES_QUOTE_KIND_INDIRECT:
      return show_reported ? TAG_REPORTED : -1;
    case QUOTES_QUOTE_KIND_SCARE:
      return show_scare ? TAG_REPORTED : -1;
    default:
      return -1;
    }
}

/* Pure data from an analysis, which never changes: may run in a thread. */
static Plan *
make_plan (QuotesAnalysis *analysis,
           gboolean        highlight,
           gboolean        show_reported,
           gboolean        show_scare)
{
  Plan *plan = g_new0 (Plan, 1);
  GPtrArray *quotes = analysis != NULL ? quotes_analysis_get_quotes (analysis) : NULL;

  for (guint i = 0; i < N_TAGS; i++)
    plan->spans[i] = g_array_new (FALSE, FALSE, sizeof (Span));
  if (quotes == NULL || !highlight)
    return plan;

  for (guint i = 0; i < quotes->len; i++)
    {
      QuotesQuote *quote = g_ptr_array_index (quotes, i);
      int tag = tag_for (quote, show_reported, show_scare);
      const QuotesSpan *cue = quotes_quote_get_cue (quote);
      const QuotesSpan *source = quotes_quote_get_source (quote);

      if (tag < 0)
        continue;
      add_span (plan->spans[tag], quotes_quote_get_start (quote), quotes_quote_get_end (quote));
      if (cue != NULL)
        add_span (plan->spans[TAG_ATTRIBUTION], cue->start, cue->end);
      /* A long "source" is a clause, not a name: not worth marking. */
      if (source != NULL && source->end - source->start < 80)
        add_span (plan->spans[TAG_ATTRIBUTION], source->start, source->end);
    }
  for (guint i = 0; i < N_TAGS; i++)
    sort_and_merge (plan->spans[i]);
  return plan;
}

/* Applying the plan, region by region */

/* The index of the first span that ends after @offset. */
static guint
first_span_after (GArray *spans,
                  guint   offset)
{
  guint lo = 0, hi = spans->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (spans, Span, mid).end <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* What @tag covers in [@start, @end) now, clipped to it. */
static void
current_spans (GtkTextBuffer *buffer,
               GtkTextTag    *tag,
               guint          start,
               guint          end,
               GArray        *out)
{
  GtkTextIter iter;
  guint open = G_MAXUINT;

  g_array_set_size (out, 0);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, start);
  if (gtk_text_iter_has_tag (&iter, tag))
    open = start;
  while (gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    {
      guint offset = gtk_text_iter_get_offset (&iter);

      if (offset >= end)
        break;
      if (gtk_text_iter_starts_tag (&iter, tag))
        open = offset;
      else if (open != G_MAXUINT)
        {
          add_span (out, open, offset);
          open = G_MAXUINT;
        }
    }
  if (open != G_MAXUINT)
    add_span (out, open, end);
}

static void
tag_span (GtkTextBuffer *buffer,
          GtkTextTag    *tag,
          guint          start,
          guint          end,
          gboolean       apply)
{
  GtkTextIter from, to;

  gtk_text_buffer_get_iter_at_offset (buffer, &from, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &to, end);
  if (apply)
    gtk_text_buffer_apply_tag (buffer, tag, &from, &to);
  else
    gtk_text_buffer_remove_tag (buffer, tag, &from, &to);
}

static gboolean
covers (GArray *spans,
        guint  *index,
        guint   offset)
{
  while (*index < spans->len && g_array_index (spans, Span, *index).end <= offset)
    (*index)++;
  return *index < spans->len && g_array_index (spans, Span, *index).start <= offset;
}

/* Makes @tag cover exactly what the plan says in [@start, @end); touches
 * the buffer only where that differs from what it covers now, so that
 * unchanged text is neither redrawn nor laid out again. */
static void
reconcile_tag (QuotesHighlighter *self,
               guint              tag_index,
               guint              start,
               guint              end)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextTag *tag = self->tags[tag_index];
  GArray *wanted = self->plan->spans[tag_index];
  g_autoptr(GArray) want = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GArray) have = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (guint));
  guint wi = 0, hi = 0;

  for (guint i = first_span_after (wanted, start); i < wanted->len; i++)
    {
      const Span *span = &g_array_index (wanted, Span, i);

      if (span->start >= end)
        break;
      add_span (want, MAX (span->start, start), MIN (span->end, end));
    }
  current_spans (buffer, tag, start, end, have);
  if (want->len == have->len &&
      (want->len == 0 || memcmp (want->data, have->data, want->len * sizeof (Span)) == 0))
    return;

  /* Between two consecutive span edges of either list, the tag is
   * wanted or not, there or not: apply or remove where they differ. */
  g_array_append_val (cuts, start);
  for (guint i = 0; i < want->len; i++)
    {
      g_array_append_val (cuts, g_array_index (want, Span, i).start);
      g_array_append_val (cuts, g_array_index (want, Span, i).end);
    }
  for (guint i = 0; i < have->len; i++)
    {
      g_array_append_val (cuts, g_array_index (have, Span, i).start);
      g_array_append_val (cuts, g_array_index (have, Span, i).end);
    }
  g_array_append_val (cuts, end);
  g_array_sort (cuts, compare_offsets);
  for (guint i = 0; i + 1 < cuts->len; i++)
    {
      guint from = g_array_index (cuts, guint, i);
      guint to = g_array_index (cuts, guint, i + 1);
      gboolean wanted_here, there;

      if (from == to)
        continue;
      wanted_here = covers (want, &wi, from);
      there = covers (have, &hi, from);
      if (wanted_here != there)
        tag_span (buffer, tag, from, to, wanted_here);
    }
}

static void
reconcile_region (QuotesHighlighter *self,
                  guint              region)
{
  guint start = region * REGION_CHARS;
  guint end = MIN (start + REGION_CHARS, self->length);

  for (guint i = 0; i < N_TAGS; i++)
    reconcile_tag (self, i, start, end);
}

static void
stop_applying (QuotesHighlighter *self)
{
  g_clear_handle_id (&self->applying, g_source_remove);
  quotes_release_in_thread (g_steal_pointer (&self->plan), plan_free);
}

/* Regions from the one with the cursor (where the person looks) to the
 * end, then from the start; as many as fit in the time budget. */
static gboolean
apply_slice (gpointer user_data)
{
  QuotesHighlighter *self = user_data;
  QuotesTiming timing;
  gint64 deadline;

  quotes_timing_begin (&timing);
  deadline = timing.wall + SLICE_BUDGET_US;

  if (self->buffer == NULL || self->plan == NULL)
    {
      self->applying = 0;
      return G_SOURCE_REMOVE;
    }
  while (self->regions_done < self->n_regions)
    {
      reconcile_region (self, (self->first_region + self->regions_done) % self->n_regions);
      self->regions_done++;
      if (g_get_monotonic_time () >= deadline)
        break;
    }
  quotes_timing_end (&timing, "Tagging");
  if (self->regions_done < self->n_regions)
    return G_SOURCE_CONTINUE;
  self->applying = 0;
  quotes_release_in_thread (g_steal_pointer (&self->plan), plan_free);
  return G_SOURCE_REMOVE;
}

static void
start_applying (QuotesHighlighter *self,
                Plan              *plan)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GtkTextIter cursor;

  stop_applying (self);
  self->plan = plan;
  self->length = gtk_text_buffer_get_char_count (buffer);
  self->n_regions = MAX (1, (self->length + REGION_CHARS - 1) / REGION_CHARS);
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  self->first_region = MIN ((guint) gtk_text_iter_get_offset (&cursor) / REGION_CHARS, self->n_regions - 1);
  self->regions_done = 0;
  /* The first slice now: a short text is done before this returns. */
  if (apply_slice (self))
    self->applying = g_idle_add_full (QUOTES_WORK_PRIORITY, apply_slice, self, NULL);
}

typedef struct
{
  QuotesAnalysis *analysis;
  gboolean        highlight;
  gboolean        show_reported;
  gboolean        show_scare;
  guint64         generation;
} PlanJob;

static void
plan_job_free (gpointer data)
{
  PlanJob *job = data;

  /* Maybe the last reference to it: see quotes-release.c. */
  quotes_release_in_thread (g_steal_pointer (&job->analysis), g_object_unref);
  g_free (job);
}

static void
plan_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PlanJob *job = task_data;

  g_task_return_pointer (task, make_plan (job->analysis, job->highlight, job->show_reported, job->show_scare),
                         plan_free);
}

static void
plan_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  QuotesHighlighter *self = QUOTES_HIGHLIGHTER (object);
  PlanJob *job = g_task_get_task_data (G_TASK (result));
  Plan *plan = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Stale: another analysis came, or the text changed under it. */
  if (job->generation != self->generation || self->buffer == NULL)
    {
      plan_free (plan);
      return;
    }
  self->planning = FALSE;
  start_applying (self, plan);
}

/* Works out the tags for the current analysis and settings, then applies
 * them. Long analyses are worked out in a thread. */
static void
refresh (QuotesHighlighter *self)
{
  QuotesAnalysis *analysis = self->analysis_current ? self->analysis : NULL;
  g_autoptr(GTask) task = NULL;
  PlanJob *job;

  stop_applying (self);
  self->generation++;
  self->planning = FALSE;
  if (self->buffer == NULL)
    return;
  /* Offsets of an analysis of older text would land in the wrong places:
   * only take tags away then. */
  if (analysis == NULL && self->analysis != NULL && self->highlight_quotes)
    return;
  if (analysis == NULL || quotes_analysis_get_quotes (analysis)->len <= SYNC_PLAN_QUOTES)
    {
      start_applying (self, make_plan (analysis, self->highlight_quotes, self->show_reported, self->show_scare));
      return;
    }

  job = g_new0 (PlanJob, 1);
  job->analysis = g_object_ref (analysis);
  job->highlight = self->highlight_quotes;
  job->show_reported = self->show_reported;
  job->show_scare = self->show_scare;
  job->generation = self->generation;
  self->planning = TRUE;
  task = g_task_new (self, NULL, plan_done, NULL);
  g_task_set_source_tag (task, refresh);
  g_task_set_task_data (task, job, plan_job_free);
  quotes_worker_run (task, plan_in_thread);
}

/**
 * quotes_highlighter_set_analysis:
 * @self: a highlighter
 * @analysis: (nullable): an analysis of the buffer's current text
 *
 * Shows @analysis in the buffer instead of the one before. Only the tags
 * that differ change; in a long text they change over several main-loop
 * turns, from the cursor on (see quotes_highlighter_is_applying()).
 */
void
quotes_highlighter_set_analysis (QuotesHighlighter *self,
                                 QuotesAnalysis    *analysis)
{
  g_return_if_fail (QUOTES_IS_HIGHLIGHTER (self));
  g_return_if_fail (analysis == NULL || QUOTES_IS_ANALYSIS (analysis));

  if (analysis != NULL)
    g_object_ref (analysis);
  quotes_release_in_thread (g_steal_pointer (&self->analysis), g_object_unref);
  self->analysis = analysis;
  self->analysis_current = TRUE;
  refresh (self);
}

/**
 * quotes_highlighter_is_applying:
 * @self: a highlighter
 *
 * Returns: whether the tags of the last analysis or setting are still
 *   being worked out or applied
 */
gboolean
quotes_highlighter_is_applying (QuotesHighlighter *self)
{
  g_return_val_if_fail (QUOTES_IS_HIGHLIGHTER (self), FALSE);
  return self->planning || self->applying != 0;
}

/* Offsets of the analysis are wrong once the text changes: stop applying
 * them; the next analysis will come. The tags already there move with
 * the text. */
static void
on_buffer_changed (QuotesHighlighter *self)
{
  self->analysis_current = FALSE;
  if (self->planning || self->applying != 0)
    {
      stop_applying (self);
      self->generation++;
      self->planning = FALSE;
    }
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

  stop_applying (self);
  /* A plan still worked out in a thread is dropped when it comes back. */
  self->generation++;
  if (self->buffer != NULL)
    {
      GtkTextTagTable *table = gtk_text_buffer_get_tag_table (GTK_TEXT_BUFFER (self->buffer));

      /* Out of the table is out of the text as well. */
      for (guint i = 0; i < N_TAGS; i++)
        gtk_text_tag_table_remove (table, self->tags[i]);
      g_signal_handlers_disconnect_by_data (self->buffer, self);
      g_object_remove_weak_pointer (G_OBJECT (self->buffer), (gpointer *) &self->buffer);
      self->buffer = NULL;
    }
  g_clear_object (&self->analysis);
  for (guint i = 0; i < N_TAGS; i++)
    g_clear_object (&self->tags[i]);
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
  self->tags[TAG_QUOTE] = g_object_ref (ensure_tag (text_buffer, QUOTES_HIGHLIGHTER_TAG_QUOTE));
  self->tags[TAG_REPORTED] = g_object_ref (ensure_tag (text_buffer, QUOTES_HIGHLIGHTER_TAG_REPORTED));
  self->tags[TAG_ATTRIBUTION] = g_object_ref (ensure_tag (text_buffer, QUOTES_HIGHLIGHTER_TAG_ATTRIBUTION));
  update_colors (self);
  g_signal_connect_swapped (buffer, "notify::style-scheme", G_CALLBACK (update_colors), self);
  g_signal_connect_swapped (buffer, "changed", G_CALLBACK (on_buffer_changed), self);
  return self;
}
