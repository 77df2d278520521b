/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * QuotesPanel: the side-panel page. A tree of speakers with their quotes,
 * organizations and cited posts, built from the analysis of one text view.
 *
 * Every position the panel can jump to is kept as a pair of GtkTextMarks
 * ("anchors"), made when an analysis is given: the analysis matches the
 * buffer only at that moment, while the marks follow later edits. Anchors
 * exist for every quote, whatever is shown, so that changing what is shown
 * can rebuild the tree without going back to stale offsets.
 *
 * The tree is a GtkTreeStore seen through a GtkTreeModelFilter (the
 * search). Rows carry a kind and an id into the analysis, never a pointer.
 *
 * The menu next to the search copies the analysis as Markdown or exports
 * it as CSV or JSON, with the engine's formats: the same as quotes-scan's.
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "quotes-panel.h"

#define PANEL_RESOURCE "/org/gnome/gedit/plugins/quotes/quotes-panel.ui"
#define POST_SNIPPET_WORDS 8

enum {
  COL_TEXT,
  COL_TOOLTIP,     /* markup: GtkTreeView's tooltip column wants markup */
  COL_FOLDED,      /* COL_TEXT folded for the search */
  COL_KEY,         /* identity across analyses: keeps selection, expansion */
  COL_KIND,
  COL_ID,          /* quote, entity or post id; GroupId for groups */
  COL_WEIGHT,
  N_COLUMNS
};

typedef enum {
  ROW_GROUP,
  ROW_SPEAKER,
  ROW_QUOTE,
  ROW_ORGANIZATION,
  ROW_POST,
} RowKind;

typedef enum {
  GROUP_SPEAKERS,
  GROUP_ORGANIZATIONS,
  GROUP_POSTS,
  GROUP_UNATTRIBUTED,
} GroupId;

typedef struct
{
  GtkTextMark *start;
  GtkTextMark *end;
} Range;

typedef struct
{
  Range       range;
  Range       attribution;  /* source mention and cue together; may be unset */
  GtkTreeIter iter;         /* its row in the current store, when in_tree */
  gboolean    in_tree;
} QuoteAnchor;

typedef struct
{
  GArray *mentions;         /* Range; NULL for entities never listed */
} EntityAnchor;

struct _QuotesPanel
{
  GtkBox              parent_instance;

  GtkSearchEntry     *search_entry;
  GtkWidget          *export_button;
  GtkInfoBar         *export_info_bar;
  GtkLabel           *export_error_label;
  GtkWidget          *busy_box;
  GtkSpinner         *busy_spinner;
  GtkStack           *stack;
  GtkTreeView        *tree_view;
  GtkTreeViewColumn  *text_column;

  GtkWidget          *context_menu;
  GSimpleActionGroup *actions;

  GtkTextView        *view;
  GtkTextBuffer      *buffer;
  QuotesAnalysis     *analysis;

  GArray             *quote_anchors;   /* QuoteAnchor, by quote id */
  GArray             *entity_anchors;  /* EntityAnchor, by entity id */
  GArray             *post_anchors;    /* Range, by post id */
  GArray             *shown_quotes;    /* guint: ids of the quote rows, text order */

  GtkTreeStore       *store;
  GtkTreeModelFilter *filter;
  char               *needle;          /* folded search text; NULL: no search */

  GHashTable         *collapsed;       /* keys of rows the user collapsed */
  guint               applying_expansion;

  char               *cycle_key;       /* entity row last activated */
  guint               cycle_index;     /* and the mention it went to */

  GtkFileChooserNative *export_dialog;
  QuotesAnalysis     *export_analysis;   /* what the open dialog will write */
  char               *export_name;       /* and the document's name then */
  GCancellable       *export_cancellable;

  guint               show_reported_speech : 1;
  guint               show_scare_quotes : 1;
};

G_DEFINE_FINAL_TYPE (QuotesPanel, quotes_panel, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_SHOW_REPORTED_SPEECH,
  PROP_SHOW_SCARE_QUOTES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void quotes_panel_rebuild (QuotesPanel *self);
static void update_export_actions (QuotesPanel *self);

/* Anchors */

static void
range_init (Range         *range,
            GtkTextBuffer *buffer,
            guint          start,
            guint          end)
{
  GtkTextIter iter;

  /* Right gravity at the start and left at the end: text typed just
   * before or just after the range stays outside it. */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, start);
  range->start = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, &iter, FALSE));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, end);
  range->end = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, &iter, TRUE));
}

static void
delete_mark (GtkTextMark **mark)
{
  if (*mark != NULL && !gtk_text_mark_get_deleted (*mark))
    gtk_text_buffer_delete_mark (gtk_text_mark_get_buffer (*mark), *mark);
  g_clear_object (mark);
}

static void
range_clear (gpointer data)
{
  Range *range = data;

  delete_mark (&range->start);
  delete_mark (&range->end);
}

static gboolean
range_get_iters (const Range *range,
                 GtkTextIter *start,
                 GtkTextIter *end)
{
  GtkTextBuffer *buffer;

  if (range->start == NULL || gtk_text_mark_get_deleted (range->start) ||
      range->end == NULL || gtk_text_mark_get_deleted (range->end))
    return FALSE;

  buffer = gtk_text_mark_get_buffer (range->start);
  gtk_text_buffer_get_iter_at_mark (buffer, start, range->start);
  gtk_text_buffer_get_iter_at_mark (buffer, end, range->end);
  /* Deleting the whole range and typing there puts start after end. */
  gtk_text_iter_order (start, end);
  return TRUE;
}

static void
quote_anchor_clear (gpointer data)
{
  QuoteAnchor *anchor = data;

  range_clear (&anchor->range);
  range_clear (&anchor->attribution);
}

static void
entity_anchor_clear (gpointer data)
{
  EntityAnchor *anchor = data;

  g_clear_pointer (&anchor->mentions, g_array_unref);
}

static void
attribution_bounds (QuotesQuote *quote,
                    guint       *start,
                    guint       *end)
{
  const QuotesSpan *spans[] = { quotes_quote_get_source (quote),
                                quotes_quote_get_cue (quote) };

  *start = G_MAXUINT;
  *end = 0;
  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      if (spans[i] == NULL)
        continue;
      *start = MIN (*start, spans[i]->start);
      *end = MAX (*end, spans[i]->end);
    }
}

static void
create_quote_anchors (QuotesPanel *self)
{
  GPtrArray *quotes = quotes_analysis_get_quotes (self->analysis);

  g_array_set_size (self->quote_anchors, quotes->len);
  for (guint i = 0; i < quotes->len; i++)
    {
      QuotesQuote *quote = g_ptr_array_index (quotes, i);
      QuoteAnchor *anchor = &g_array_index (self->quote_anchors, QuoteAnchor, i);
      guint start, end;

      range_init (&anchor->range, self->buffer,
                  quotes_quote_get_start (quote), quotes_quote_get_end (quote));
      attribution_bounds (quote, &start, &end);
      if (start < end)
        range_init (&anchor->attribution, self->buffer, start, end);
    }
}

static gboolean
entity_can_be_listed (QuotesEntity *entity)
{
  return quotes_entity_get_entity_type (entity) == QUOTES_ENTITY_TYPE_ORGANIZATION ||
         quotes_entity_get_quotes (entity)->len > 0;
}

static void
create_entity_anchors (QuotesPanel *self)
{
  GPtrArray *entities = quotes_analysis_get_entities (self->analysis);

  g_array_set_size (self->entity_anchors, entities->len);
  for (guint i = 0; i < entities->len; i++)
    {
      QuotesEntity *entity = g_ptr_array_index (entities, i);
      EntityAnchor *anchor = &g_array_index (self->entity_anchors, EntityAnchor, i);
      GPtrArray *mentions = quotes_entity_get_mentions (entity);

      /* A person who says nothing is never a row: no marks for them. */
      if (!entity_can_be_listed (entity))
        continue;

      anchor->mentions = g_array_sized_new (FALSE, TRUE, sizeof (Range), mentions->len);
      g_array_set_clear_func (anchor->mentions, range_clear);
      g_array_set_size (anchor->mentions, mentions->len);
      for (guint j = 0; j < mentions->len; j++)
        {
          const QuotesSpan *span = g_ptr_array_index (mentions, j);

          range_init (&g_array_index (anchor->mentions, Range, j),
                      self->buffer, span->start, span->end);
        }
    }
}

static void
create_post_anchors (QuotesPanel *self)
{
  GPtrArray *posts = quotes_analysis_get_posts (self->analysis);

  g_array_set_size (self->post_anchors, posts->len);
  for (guint i = 0; i < posts->len; i++)
    {
      QuotesPost *post = g_ptr_array_index (posts, i);

      range_init (&g_array_index (self->post_anchors, Range, i), self->buffer,
                  quotes_post_get_start (post), quotes_post_get_end (post));
    }
}

static void
clear_anchors (QuotesPanel *self)
{
  g_array_set_size (self->quote_anchors, 0);
  g_array_set_size (self->entity_anchors, 0);
  g_array_set_size (self->post_anchors, 0);
  g_array_set_size (self->shown_quotes, 0);
}

/* Row texts */

static char *
fold_text (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normalized != NULL ? normalized : text, -1);
}

/* A row is one line: a quote running over paragraphs loses its breaks. */
static char *
flatten_text (const char *text)
{
  char *flat = g_strdup (text);

  for (char *p = flat; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r' || *p == '\t')
        *p = ' ';
    }
  return flat;
}

static char *
format_count (const char *name,
              guint       count)
{
  /* Translators: a row of the Quotes side panel: a name (of a group, a
   * speaker or an organization) and how many entries, quotes or mentions
   * it has, e.g. "Speakers (3)". */
  return g_strdup_printf (_("%s (%u)"), name, count);
}

/* "Keir Starmer — British Prime Minister (2) · 1 reported": the count in
 * parentheses is of quotes in marks, as a reader counts quotes; reported
 * speech, when shown, is counted apart. */
static char *
format_speaker (QuotesEntity *entity,
                guint         n_marked,
                guint         n_reported)
{
  const char *name = quotes_entity_get_name (entity);
  const char *title = quotes_entity_get_title (entity);
  g_autofree char *who = NULL;

  if (title != NULL && *title != '\0')
    /* Translators: a speaker in the Quotes side panel: name and title,
     * e.g. "Keir Starmer — British Prime Minister" */
    who = g_strdup_printf (_("%s — %s"), name, title);
  else
    who = g_strdup (name);

  if (n_reported == 0)
    return format_count (who, n_marked);
  if (n_marked == 0)
    /* Translators: a speaker in the Quotes side panel and how many times
     * the text reports what they said without quotation marks, e.g.
     * "Vladimir Putin — Russian President · 2 reported" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u reported", "%s · %u reported", n_reported),
                            who, n_reported);
  /* Translators: a speaker in the Quotes side panel, their number of
   * quotes in quotation marks, and how many times the text reports what
   * they said without marks, e.g. "Keir Starmer (2) · 1 reported" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%u) · %u reported", "%s (%u) · %u reported", n_reported),
                          who, n_marked, n_reported);
}

static char *
format_quote (QuotesQuote *quote)
{
  g_autofree char *text = flatten_text (quotes_quote_get_text (quote));

  switch (quotes_quote_get_kind (quote))
    {
    case QUOTES_QUOTE_KIND_INDIRECT:
      /* Translators: reported speech (said without quotation marks) in the
       * Quotes side panel, e.g. "(reported) Russia would continue fighting". */
      return g_strdup_printf (_("(reported) %s"), text);

    case QUOTES_QUOTE_KIND_SCARE:
      /* Translators: a term in quotation marks that nobody is quoted as
       * saying; use your language's quotation marks. */
      return g_strdup_printf (_("“%s” (scare quotes)"), text);

    case QUOTES_QUOTE_KIND_DIRECT:
    case QUOTES_QUOTE_KIND_PARTIAL:
    default:
      /* Translators: a quotation in the Quotes side panel; use your
       * language's quotation marks. */
      return g_strdup_printf (_("“%s”"), text);
    }
}

static const char *
platform_display_name (QuotesPlatform platform)
{
  /* Brand names: not translated. */
  switch (platform)
    {
    case QUOTES_PLATFORM_X:         return "X";
    case QUOTES_PLATFORM_BLUESKY:   return "Bluesky";
    case QUOTES_PLATFORM_MASTODON:  return "Mastodon";
    case QUOTES_PLATFORM_THREADS:   return "Threads";
    case QUOTES_PLATFORM_FACEBOOK:  return "Facebook";
    case QUOTES_PLATFORM_INSTAGRAM: return "Instagram";
    case QUOTES_PLATFORM_TELEGRAM:  return "Telegram";
    case QUOTES_PLATFORM_YOUTUBE:   return "YouTube";
    case QUOTES_PLATFORM_TIKTOK:    return "TikTok";
    case QUOTES_PLATFORM_LINKEDIN:  return "LinkedIn";
    case QUOTES_PLATFORM_UNKNOWN:
    default:
      /* Translators: a cited social media post whose network is unknown */
      return _("Post");
    }
}

/* The first words of a post; the whole post is in the tooltip. */
static char *
first_words (const char *text,
             guint       n_words)
{
  g_auto(GStrv) words = g_regex_split_simple ("\\s+", text, 0, 0);
  g_autoptr(GString) snippet = g_string_new (NULL);
  guint taken = 0;
  gboolean more = FALSE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (taken == n_words)
        {
          more = TRUE;
          break;
        }
      if (taken++ > 0)
        g_string_append_c (snippet, ' ');
      g_string_append (snippet, words[i]);
    }
  if (more)
    g_string_append (snippet, " …");
  return g_string_free (g_steal_pointer (&snippet), FALSE);
}

static const char *
post_who (QuotesPost *post)
{
  const char *handle = quotes_post_get_handle (post);

  return handle != NULL ? handle : quotes_post_get_author (post);
}

/* "X @ZelenskyyUa · 2025-03-15 — We must define …"; @full gives all the
 * text, for the tooltip. */
static char *
format_post (QuotesPost *post,
             gboolean    full)
{
  GString *str = g_string_new (platform_display_name (quotes_post_get_platform (post)));
  const char *who = post_who (post);
  const char *date = quotes_post_get_date (post);
  const char *text = quotes_post_get_text (post);
  g_autofree char *snippet = NULL;

  if (who != NULL && *who != '\0')
    g_string_append_printf (str, " %s", who);
  if (date != NULL && *date != '\0')
    g_string_append_printf (str, " · %s", date);

  if (text != NULL && *text != '\0')
    snippet = full ? g_strdup (text) : first_words (text, POST_SNIPPET_WORDS);
  else if (quotes_post_get_url (post) != NULL)
    snippet = g_strdup (quotes_post_get_url (post));

  if (snippet != NULL)
    {
      g_autofree char *flat = full ? g_strdup (snippet) : flatten_text (snippet);

      g_string_append_printf (str, " — %s", flat);
    }
  return g_string_free (str, FALSE);
}

/* Filling the store */

static gboolean
quote_is_shown (QuotesPanel *self,
                QuotesQuote *quote)
{
  switch (quotes_quote_get_kind (quote))
    {
    case QUOTES_QUOTE_KIND_INDIRECT:
      return self->show_reported_speech;
    case QUOTES_QUOTE_KIND_SCARE:
      return self->show_scare_quotes;
    case QUOTES_QUOTE_KIND_DIRECT:
    case QUOTES_QUOTE_KIND_PARTIAL:
    default:
      return TRUE;
    }
}

static void
add_row (GtkTreeStore *store,
         GtkTreeIter  *iter,
         GtkTreeIter  *parent,
         RowKind       kind,
         int           id,
         const char   *key,
         const char   *text,
         const char   *tooltip)
{
  g_autofree char *folded = fold_text (text);
  g_autofree char *markup = g_markup_escape_text (tooltip != NULL ? tooltip : text, -1);

  gtk_tree_store_insert_with_values (store, iter, parent, -1,
                                     COL_TEXT, text,
                                     COL_TOOLTIP, markup,
                                     COL_FOLDED, folded,
                                     COL_KEY, key,
                                     COL_KIND, kind,
                                     COL_ID, id,
                                     COL_WEIGHT, kind == ROW_GROUP ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                                     -1);
}

static void
add_group (GtkTreeStore *store,
           GtkTreeIter  *iter,
           GroupId       group,
           const char   *key,
           const char   *name,
           guint         count)
{
  g_autofree char *text = format_count (name, count);

  add_row (store, iter, NULL, ROW_GROUP, group, key, text, NULL);
}

static void
add_quote_row (QuotesPanel  *self,
               GtkTreeStore *store,
               GtkTreeIter  *parent,
               guint         quote_id,
               const char   *speaker_name)
{
  QuotesQuote *quote = g_ptr_array_index (quotes_analysis_get_quotes (self->analysis), quote_id);
  QuoteAnchor *anchor = &g_array_index (self->quote_anchors, QuoteAnchor, quote_id);
  g_autofree char *text = format_quote (quote);
  g_autofree char *key = g_strdup_printf ("quote:%s:%s:%s", speaker_name,
                                          quotes_quote_kind_to_string (quotes_quote_get_kind (quote)),
                                          quotes_quote_get_text (quote));

  add_row (store, &anchor->iter, parent, ROW_QUOTE, quote_id, key, text, NULL);
  anchor->in_tree = TRUE;
}

typedef struct
{
  guint   entity_id;
  guint   first_seen;   /* offset of its first mention or quote */
  guint   n_reported;   /* of those, reported speech */
  GArray *quotes;       /* guint: shown quote ids, text order */
} Speaker;

static void
speaker_clear (gpointer data)
{
  Speaker *speaker = data;

  g_clear_pointer (&speaker->quotes, g_array_unref);
}

/* Quotes in marks first: they are what a reader counts as quotes. */
static int
compare_speakers (gconstpointer a,
                  gconstpointer b)
{
  const Speaker *sa = a;
  const Speaker *sb = b;
  guint marked_a = sa->quotes->len - sa->n_reported;
  guint marked_b = sb->quotes->len - sb->n_reported;

  if (marked_a != marked_b)
    return marked_a > marked_b ? -1 : 1;
  if (sa->n_reported != sb->n_reported)
    return sa->n_reported > sb->n_reported ? -1 : 1;
  if (sa->first_seen != sb->first_seen)
    return sa->first_seen < sb->first_seen ? -1 : 1;
  return sa->entity_id < sb->entity_id ? -1 : sa->entity_id > sb->entity_id;
}

static guint
entity_first_seen (QuotesEntity *entity,
                   guint         first_quote_start)
{
  GPtrArray *mentions = quotes_entity_get_mentions (entity);
  guint first = first_quote_start;

  for (guint i = 0; i < mentions->len; i++)
    first = MIN (first, ((const QuotesSpan *) g_ptr_array_index (mentions, i))->start);
  return first;
}

/* Buckets the shown quotes by speaker, speakers sorted by number of quotes
 * (see compare_speakers()); quotes nobody said go to @unattributed. */
static GArray *
collect_speakers (QuotesPanel *self,
                  GArray      *unattributed)
{
  GPtrArray *quotes = quotes_analysis_get_quotes (self->analysis);
  GPtrArray *entities = quotes_analysis_get_entities (self->analysis);
  g_autoptr(GArray) by_entity = g_array_sized_new (FALSE, TRUE, sizeof (Speaker), entities->len);
  GArray *speakers = g_array_new (FALSE, TRUE, sizeof (Speaker));

  g_array_set_size (by_entity, entities->len);
  g_array_set_clear_func (speakers, speaker_clear);

  for (guint i = 0; i < quotes->len; i++)
    {
      QuotesQuote *quote = g_ptr_array_index (quotes, i);
      gint speaker = quotes_quote_get_speaker (quote);
      Speaker *s;

      if (!quote_is_shown (self, quote))
        continue;
      if (speaker < 0 || (guint) speaker >= entities->len)
        {
          g_array_append_val (unattributed, i);
          continue;
        }

      s = &g_array_index (by_entity, Speaker, speaker);
      if (s->quotes == NULL)
        {
          s->entity_id = speaker;
          s->quotes = g_array_new (FALSE, FALSE, sizeof (guint));
          s->first_seen = entity_first_seen (g_ptr_array_index (entities, speaker),
                                             quotes_quote_get_start (quote));
        }
      g_array_append_val (s->quotes, i);
      if (quotes_quote_get_kind (quote) == QUOTES_QUOTE_KIND_INDIRECT)
        s->n_reported++;
    }

  for (guint i = 0; i < by_entity->len; i++)
    {
      Speaker *s = &g_array_index (by_entity, Speaker, i);

      if (s->quotes != NULL)
        g_array_append_val (speakers, *s);
    }
  g_array_sort (speakers, compare_speakers);
  return speakers;
}

static void
fill_speakers (QuotesPanel  *self,
               GtkTreeStore *store,
               GArray       *speakers)
{
  GPtrArray *entities = quotes_analysis_get_entities (self->analysis);
  GtkTreeIter group;

  add_group (store, &group, GROUP_SPEAKERS, "group:speakers",
             _("Speakers"), speakers->len);

  for (guint i = 0; i < speakers->len; i++)
    {
      const Speaker *s = &g_array_index (speakers, Speaker, i);
      QuotesEntity *entity = g_ptr_array_index (entities, s->entity_id);
      const char *name = quotes_entity_get_name (entity);
      g_autofree char *text = format_speaker (entity, s->quotes->len - s->n_reported, s->n_reported);
      g_autofree char *key = g_strconcat ("speaker:", name, NULL);
      GtkTreeIter row;

      add_row (store, &row, &group, ROW_SPEAKER, s->entity_id, key, text, NULL);
      for (guint j = 0; j < s->quotes->len; j++)
        add_quote_row (self, store, &row, g_array_index (s->quotes, guint, j), name);
    }
}

static int
compare_organizations (gconstpointer a,
                       gconstpointer b)
{
  QuotesEntity *ea = *(QuotesEntity **) a;
  QuotesEntity *eb = *(QuotesEntity **) b;
  guint na = quotes_entity_get_mentions (ea)->len;
  guint nb = quotes_entity_get_mentions (eb)->len;
  guint fa = entity_first_seen (ea, G_MAXUINT);
  guint fb = entity_first_seen (eb, G_MAXUINT);

  if (na != nb)
    return na > nb ? -1 : 1;
  return fa < fb ? -1 : fa > fb;
}

static void
fill_organizations (QuotesPanel  *self,
                    GtkTreeStore *store)
{
  GPtrArray *entities = quotes_analysis_get_entities (self->analysis);
  g_autoptr(GPtrArray) orgs = g_ptr_array_new ();
  GtkTreeIter group;

  for (guint i = 0; i < entities->len; i++)
    {
      QuotesEntity *entity = g_ptr_array_index (entities, i);

      if (quotes_entity_get_entity_type (entity) == QUOTES_ENTITY_TYPE_ORGANIZATION)
        g_ptr_array_add (orgs, entity);
    }
  g_ptr_array_sort (orgs, compare_organizations);

  add_group (store, &group, GROUP_ORGANIZATIONS, "group:organizations",
             _("Organizations"), orgs->len);
  for (guint i = 0; i < orgs->len; i++)
    {
      QuotesEntity *entity = g_ptr_array_index (orgs, i);
      const char *name = quotes_entity_get_name (entity);
      g_autofree char *text = format_count (name, quotes_entity_get_mentions (entity)->len);
      g_autofree char *key = g_strconcat ("org:", name, NULL);
      GtkTreeIter row;

      add_row (store, &row, &group, ROW_ORGANIZATION,
               quotes_entity_get_id (entity), key, text, NULL);
    }
}

static void
fill_posts (QuotesPanel  *self,
            GtkTreeStore *store)
{
  GPtrArray *posts = quotes_analysis_get_posts (self->analysis);
  GtkTreeIter group;

  add_group (store, &group, GROUP_POSTS, "group:posts", _("Social posts"), posts->len);
  for (guint i = 0; i < posts->len; i++)
    {
      QuotesPost *post = g_ptr_array_index (posts, i);
      const char *who = post_who (post);
      const char *url = quotes_post_get_url (post);
      const char *date = quotes_post_get_date (post);
      g_autofree char *text = format_post (post, FALSE);
      g_autofree char *tooltip = format_post (post, TRUE);
      g_autofree char *key = g_strdup_printf ("post:%s:%s",
                                              who != NULL ? who : url != NULL ? url : "",
                                              date != NULL ? date : "");
      GtkTreeIter row;

      add_row (store, &row, &group, ROW_POST, i, key, text, tooltip);
    }
}

static void
fill_unattributed (QuotesPanel  *self,
                   GtkTreeStore *store,
                   GArray       *unattributed)
{
  GtkTreeIter group;

  /* Kept out of sight when empty: most texts attribute everything. */
  if (unattributed->len == 0)
    return;

  /* Translators: the group of quotes whose speaker is unknown */
  add_group (store, &group, GROUP_UNATTRIBUTED, "group:unattributed",
             _("Unattributed"), unattributed->len);
  for (guint i = 0; i < unattributed->len; i++)
    add_quote_row (self, store, &group, g_array_index (unattributed, guint, i), "");
}

static int
compare_quote_starts (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  GPtrArray *quotes = user_data;
  guint sa = quotes_quote_get_start (g_ptr_array_index (quotes, *(const guint *) a));
  guint sb = quotes_quote_get_start (g_ptr_array_index (quotes, *(const guint *) b));

  if (sa != sb)
    return sa < sb ? -1 : 1;
  return *(const guint *) a < *(const guint *) b ? -1 : 1;
}

static void
remember_shown_quotes (QuotesPanel *self)
{
  GPtrArray *quotes = quotes_analysis_get_quotes (self->analysis);

  for (guint i = 0; i < self->quote_anchors->len; i++)
    {
      if (g_array_index (self->quote_anchors, QuoteAnchor, i).in_tree)
        g_array_append_val (self->shown_quotes, i);
    }
  g_array_sort_with_data (self->shown_quotes, compare_quote_starts, quotes);
}

static void
fill_store (QuotesPanel  *self,
            GtkTreeStore *store)
{
  g_autoptr(GArray) unattributed = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) speakers = collect_speakers (self, unattributed);

  fill_speakers (self, store, speakers);
  fill_organizations (self, store);
  fill_posts (self, store);
  fill_unattributed (self, store, unattributed);
  remember_shown_quotes (self);
}

/* Search */

static gboolean
row_matches (GtkTreeModel *model,
             GtkTreeIter  *iter,
             const char   *needle)
{
  g_autofree char *folded = NULL;

  gtk_tree_model_get (model, iter, COL_FOLDED, &folded, -1);
  return folded != NULL && strstr (folded, needle) != NULL;
}

static gboolean
descendant_matches (GtkTreeModel *model,
                    GtkTreeIter  *parent,
                    const char   *needle)
{
  GtkTreeIter child;

  if (!gtk_tree_model_iter_children (model, &child, parent))
    return FALSE;
  do
    {
      if (row_matches (model, &child, needle) ||
          descendant_matches (model, &child, needle))
        return TRUE;
    }
  while (gtk_tree_model_iter_next (model, &child));
  return FALSE;
}

/* Searching a name shows everything that person said; a group name is
 * not a reason to show the whole group. */
static gboolean
ancestor_matches (GtkTreeModel *model,
                  GtkTreeIter  *iter,
                  const char   *needle)
{
  GtkTreeIter child = *iter;
  GtkTreeIter parent;

  while (gtk_tree_model_iter_parent (model, &parent, &child))
    {
      RowKind kind;

      gtk_tree_model_get (model, &parent, COL_KIND, &kind, -1);
      if (kind != ROW_GROUP && row_matches (model, &parent, needle))
        return TRUE;
      child = parent;
    }
  return FALSE;
}

static gboolean
row_is_visible (GtkTreeModel *model,
                GtkTreeIter  *iter,
                gpointer      user_data)
{
  QuotesPanel *self = user_data;

  if (self->needle == NULL)
    return TRUE;
  return row_matches (model, iter, self->needle) ||
         descendant_matches (model, iter, self->needle) ||
         ancestor_matches (model, iter, self->needle);
}

/* Tree state: expansion, selection */

static char *
get_row_key (GtkTreeModel *model,
             GtkTreeIter  *iter)
{
  char *key = NULL;

  gtk_tree_model_get (model, iter, COL_KEY, &key, -1);
  return key;
}

static char *
get_selected_key (QuotesPanel *self)
{
  GtkTreeSelection *selection = gtk_tree_view_get_selection (self->tree_view);
  GtkTreeModel *model;
  GtkTreeIter iter;

  if (!gtk_tree_selection_get_selected (selection, &model, &iter))
    return NULL;
  return get_row_key (model, &iter);
}

static gboolean
row_is_collapsed_by_user (QuotesPanel  *self,
                          GtkTreeModel *model,
                          GtkTreeIter  *iter)
{
  g_autofree char *key = get_row_key (model, iter);

  return key != NULL && g_hash_table_contains (self->collapsed, key);
}

static void
collapse_row_at (QuotesPanel  *self,
                 GtkTreeModel *model,
                 GtkTreeIter  *iter)
{
  g_autoptr(GtkTreePath) path = gtk_tree_model_get_path (model, iter);

  gtk_tree_view_collapse_row (self->tree_view, path);
}

/* Everything open, but what the user closed; while searching, everything. */
static void
apply_expansion (QuotesPanel *self)
{
  GtkTreeModel *model = gtk_tree_view_get_model (self->tree_view);
  GtkTreeIter group, child;

  if (model == NULL)
    return;

  self->applying_expansion++;
  gtk_tree_view_expand_all (self->tree_view);
  if (self->needle == NULL && g_hash_table_size (self->collapsed) > 0 &&
      gtk_tree_model_get_iter_first (model, &group))
    {
      do
        {
          if (gtk_tree_model_iter_children (model, &child, &group))
            {
              do
                if (row_is_collapsed_by_user (self, model, &child))
                  collapse_row_at (self, model, &child);
              while (gtk_tree_model_iter_next (model, &child));
            }
          if (row_is_collapsed_by_user (self, model, &group))
            collapse_row_at (self, model, &group);
        }
      while (gtk_tree_model_iter_next (model, &group));
    }
  self->applying_expansion--;
}

typedef struct
{
  const char  *key;
  GtkTreeIter  iter;
  gboolean     found;
} FindKey;

static gboolean
find_key_cb (GtkTreeModel *model,
             GtkTreePath  *path,
             GtkTreeIter  *iter,
             gpointer      user_data)
{
  FindKey *find = user_data;
  g_autofree char *key = get_row_key (model, iter);

  if (g_strcmp0 (key, find->key) != 0)
    return FALSE;
  find->iter = *iter;
  find->found = TRUE;
  return TRUE;
}

static GtkTreePath *
find_path_for_key (QuotesPanel *self,
                   const char  *key)
{
  GtkTreeModel *model = gtk_tree_view_get_model (self->tree_view);
  FindKey find = { key, { 0 }, FALSE };

  if (key == NULL || model == NULL)
    return NULL;
  gtk_tree_model_foreach (model, find_key_cb, &find);
  return find.found ? gtk_tree_model_get_path (model, &find.iter) : NULL;
}

static void
select_path (QuotesPanel *self,
             GtkTreePath *path)
{
  g_autoptr(GtkTreePath) parent = gtk_tree_path_copy (path);

  if (gtk_tree_path_up (parent) && gtk_tree_path_get_depth (parent) > 0)
    gtk_tree_view_expand_to_path (self->tree_view, parent);
  gtk_tree_view_set_cursor (self->tree_view, path, NULL, FALSE);
}

static void
select_key (QuotesPanel *self,
            const char  *key)
{
  g_autoptr(GtkTreePath) path = find_path_for_key (self, key);

  if (path != NULL)
    select_path (self, path);
}

/* The list should not jump to the top each time the text is analysed. */
static char *
get_top_key (QuotesPanel *self)
{
  GtkTreeModel *model = gtk_tree_view_get_model (self->tree_view);
  g_autoptr(GtkTreePath) start = NULL;
  GtkTreeIter iter;

  if (model == NULL || !gtk_widget_get_realized (GTK_WIDGET (self->tree_view)) ||
      !gtk_tree_view_get_visible_range (self->tree_view, &start, NULL) ||
      !gtk_tree_model_get_iter (model, &iter, start))
    return NULL;
  return get_row_key (model, &iter);
}

static void
scroll_to_key (QuotesPanel *self,
               const char  *key)
{
  g_autoptr(GtkTreePath) path = find_path_for_key (self, key);

  if (path != NULL)
    gtk_tree_view_scroll_to_cell (self->tree_view, path, NULL, TRUE, 0.0, 0.0);
}

static void
update_stack (QuotesPanel *self)
{
  GtkTreeIter iter;
  gboolean has_posts = self->analysis != NULL &&
                       quotes_analysis_get_posts (self->analysis)->len > 0;

  /* Organizations alone do not make a list of quotations. */
  if (self->shown_quotes->len == 0 && !has_posts)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (!gtk_tree_model_get_iter_first (GTK_TREE_MODEL (self->filter), &iter))
    gtk_stack_set_visible_child_name (self->stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
}

static GtkTreeStore *
new_store (void)
{
  return gtk_tree_store_new (N_COLUMNS,
                             G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING,
                             G_TYPE_STRING, G_TYPE_INT, G_TYPE_INT, G_TYPE_INT);
}

static void
forget_rows (QuotesPanel *self)
{
  for (guint i = 0; i < self->quote_anchors->len; i++)
    g_array_index (self->quote_anchors, QuoteAnchor, i).in_tree = FALSE;
  g_array_set_size (self->shown_quotes, 0);
}

/* A new store each time, filled while no view watches it: a tree view
 * attached to the model would handle each row insertion on its own. */
static void
quotes_panel_rebuild (QuotesPanel *self)
{
  g_autofree char *selected_key = NULL;
  g_autofree char *top_key = NULL;

  /* Destroyed: the template children are gone. */
  if (self->tree_view == NULL)
    return;

  selected_key = get_selected_key (self);
  top_key = get_top_key (self);
  gtk_tree_view_set_model (self->tree_view, NULL);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  forget_rows (self);

  self->store = new_store ();
  if (self->analysis != NULL && self->buffer != NULL)
    fill_store (self, self->store);

  self->filter = GTK_TREE_MODEL_FILTER (gtk_tree_model_filter_new (GTK_TREE_MODEL (self->store), NULL));
  gtk_tree_model_filter_set_visible_func (self->filter, row_is_visible, self, NULL);
  gtk_tree_view_set_model (self->tree_view, GTK_TREE_MODEL (self->filter));

  apply_expansion (self);
  select_key (self, selected_key);
  scroll_to_key (self, top_key);
  update_stack (self);
  update_export_actions (self);
}

static void
refilter (QuotesPanel *self)
{
  g_autofree char *selected_key = get_selected_key (self);

  /* Detached for the same reason as in quotes_panel_rebuild(). */
  gtk_tree_view_set_model (self->tree_view, NULL);
  gtk_tree_model_filter_refilter (self->filter);
  gtk_tree_view_set_model (self->tree_view, GTK_TREE_MODEL (self->filter));

  apply_expansion (self);
  select_key (self, selected_key);
  update_stack (self);
}

/* Jumping in the text */

static gboolean
jump_to_range (QuotesPanel *self,
               const Range *range,
               gboolean     focus_view)
{
  GtkTextIter start, end;

  if (self->view == NULL || !range_get_iters (range, &start, &end))
    return FALSE;

  gtk_text_buffer_select_range (self->buffer, &start, &end);
  gtk_text_view_scroll_to_mark (self->view, gtk_text_buffer_get_insert (self->buffer),
                                0.25, FALSE, 0.0, 0.0);
  if (focus_view)
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
  return TRUE;
}

static const Range *
quote_range (QuotesPanel *self,
             int          quote_id)
{
  if (quote_id < 0 || (guint) quote_id >= self->quote_anchors->len)
    return NULL;
  return &g_array_index (self->quote_anchors, QuoteAnchor, quote_id).range;
}

/* First mention, then the next one each time the same row is activated. */
static gboolean
jump_to_mention (QuotesPanel *self,
                 int          entity_id,
                 const char  *key)
{
  EntityAnchor *anchor;

  if (entity_id < 0 || (guint) entity_id >= self->entity_anchors->len)
    return FALSE;
  anchor = &g_array_index (self->entity_anchors, EntityAnchor, entity_id);
  if (anchor->mentions == NULL || anchor->mentions->len == 0)
    return FALSE;

  if (g_strcmp0 (self->cycle_key, key) == 0)
    self->cycle_index = (self->cycle_index + 1) % anchor->mentions->len;
  else
    {
      g_free (self->cycle_key);
      self->cycle_key = g_strdup (key);
      self->cycle_index = 0;
    }
  return jump_to_range (self, &g_array_index (anchor->mentions, Range, self->cycle_index), TRUE);
}

static void
toggle_row (QuotesPanel *self,
            GtkTreePath *path)
{
  if (gtk_tree_view_row_expanded (self->tree_view, path))
    gtk_tree_view_collapse_row (self->tree_view, path);
  else
    gtk_tree_view_expand_row (self->tree_view, path, FALSE);
}

static void
activate_row (QuotesPanel *self,
              GtkTreePath *path)
{
  GtkTreeModel *model = gtk_tree_view_get_model (self->tree_view);
  g_autofree char *key = NULL;
  GtkTreeIter iter;
  RowKind kind;
  int id;

  if (model == NULL || !gtk_tree_model_get_iter (model, &iter, path))
    return;
  gtk_tree_model_get (model, &iter, COL_KIND, &kind, COL_ID, &id, COL_KEY, &key, -1);
  /* Activation by the keyboard or assistive technologies need not select
   * the row: "Go to attribution" afterwards acts on the activated one. */
  gtk_tree_selection_select_path (gtk_tree_view_get_selection (self->tree_view), path);

  if (kind != ROW_SPEAKER && kind != ROW_ORGANIZATION)
    g_clear_pointer (&self->cycle_key, g_free);

  switch (kind)
    {
    case ROW_GROUP:
      toggle_row (self, path);
      break;
    case ROW_QUOTE:
      if (quote_range (self, id) != NULL)
        jump_to_range (self, quote_range (self, id), TRUE);
      break;
    case ROW_SPEAKER:
    case ROW_ORGANIZATION:
      jump_to_mention (self, id, key);
      break;
    case ROW_POST:
      if (id >= 0 && (guint) id < self->post_anchors->len)
        jump_to_range (self, &g_array_index (self->post_anchors, Range, id), TRUE);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* The attribution of the quote of the selected row, or NULL. */
static const Range *
selected_attribution (QuotesPanel *self)
{
  GtkTreeModel *model;
  GtkTreeIter iter;
  RowKind kind;
  int id;

  if (self->tree_view == NULL ||
      !gtk_tree_selection_get_selected (gtk_tree_view_get_selection (self->tree_view), &model, &iter))
    return NULL;
  gtk_tree_model_get (model, &iter, COL_KIND, &kind, COL_ID, &id, -1);
  if (kind != ROW_QUOTE || id < 0 || (guint) id >= self->quote_anchors->len)
    return NULL;
  if (g_array_index (self->quote_anchors, QuoteAnchor, id).attribution.start == NULL)
    return NULL;
  return &g_array_index (self->quote_anchors, QuoteAnchor, id).attribution;
}

static void
select_quote_row (QuotesPanel *self,
                  guint        quote_id)
{
  QuoteAnchor *anchor = &g_array_index (self->quote_anchors, QuoteAnchor, quote_id);
  g_autoptr(GtkTreePath) path = NULL;
  GtkTreeIter iter;

  /* A row hidden by the search stays hidden. */
  if (!anchor->in_tree ||
      !gtk_tree_model_filter_convert_child_iter_to_iter (self->filter, &iter, &anchor->iter))
    return;
  path = gtk_tree_model_get_path (GTK_TREE_MODEL (self->filter), &iter);
  select_path (self, path);
}

/* The quote to go to from the cursor: a quote starting at the cursor is
 * "next" unless it is already selected. Wraps around at both ends. */
static gint
find_adjacent_quote (QuotesPanel *self,
                     gboolean     forward)
{
  GtkTextIter sel_start, sel_end, start, end;
  gboolean has_selection;
  guint pos, n = self->shown_quotes->len;

  has_selection = gtk_text_buffer_get_selection_bounds (self->buffer, &sel_start, &sel_end);
  pos = gtk_text_iter_get_offset (&sel_start);

  for (guint k = 0; k < n; k++)
    {
      guint i = forward ? k : n - 1 - k;
      guint id = g_array_index (self->shown_quotes, guint, i);
      guint qpos;

      if (!range_get_iters (quote_range (self, id), &start, &end))
        continue;
      qpos = gtk_text_iter_get_offset (&start);
      if (forward ? (qpos > pos || (qpos == pos && !has_selection)) : qpos < pos)
        return id;
    }
  return n > 0 ? (gint) g_array_index (self->shown_quotes, guint, forward ? 0 : n - 1) : -1;
}

static gboolean
goto_adjacent_quote (QuotesPanel *self,
                     gboolean     forward)
{
  gint id;

  if (self->buffer == NULL || self->tree_view == NULL || self->shown_quotes->len == 0)
    return FALSE;
  id = find_adjacent_quote (self, forward);
  if (id < 0 || !jump_to_range (self, quote_range (self, id), FALSE))
    return FALSE;
  select_quote_row (self, id);
  return TRUE;
}

/* Context menu */

static void
popup_context_menu (QuotesPanel    *self,
                    const GdkEvent *event)
{
  GtkTreeSelection *selection = gtk_tree_view_get_selection (self->tree_view);
  GdkWindow *bin_window = gtk_tree_view_get_bin_window (self->tree_view);
  GtkTreeModel *model;
  GtkTreeIter iter;

  if (event != NULL)
    {
      gtk_menu_popup_at_pointer (GTK_MENU (self->context_menu), event);
      return;
    }

  /* From the keyboard: under the selected row, which is what it acts on. */
  if (bin_window != NULL && gtk_tree_selection_get_selected (selection, &model, &iter))
    {
      g_autoptr(GtkTreePath) path = gtk_tree_model_get_path (model, &iter);
      GdkRectangle rect;

      gtk_tree_view_get_cell_area (self->tree_view, path, self->text_column, &rect);
      gtk_menu_popup_at_rect (GTK_MENU (self->context_menu), bin_window, &rect,
                              GDK_GRAVITY_SOUTH_WEST, GDK_GRAVITY_NORTH_WEST, NULL);
      return;
    }
  gtk_menu_popup_at_widget (GTK_MENU (self->context_menu), GTK_WIDGET (self->tree_view),
                            GDK_GRAVITY_NORTH_WEST, GDK_GRAVITY_NORTH_WEST, NULL);
}

static gboolean
on_tree_popup_menu (QuotesPanel *self)
{
  g_assert (QUOTES_IS_PANEL (self));

  popup_context_menu (self, NULL);
  return TRUE;
}

static gboolean
on_tree_button_press (QuotesPanel    *self,
                      GdkEventButton *event)
{
  g_autoptr(GtkTreePath) path = NULL;

  g_assert (QUOTES_IS_PANEL (self));

  if (!gdk_event_triggers_context_menu ((GdkEvent *) event) ||
      event->window != gtk_tree_view_get_bin_window (self->tree_view))
    return GDK_EVENT_PROPAGATE;

  /* The menu acts on the row under the pointer, as in a file manager. */
  if (gtk_tree_view_get_path_at_pos (self->tree_view, event->x, event->y,
                                     &path, NULL, NULL, NULL))
    gtk_tree_view_set_cursor (self->tree_view, path, NULL, FALSE);
  popup_context_menu (self, (GdkEvent *) event);
  return GDK_EVENT_STOP;
}

static void
goto_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  QuotesPanel *self = user_data;
  GtkTreeSelection *selection = gtk_tree_view_get_selection (self->tree_view);
  GtkTreeModel *model;
  GtkTreeIter iter;

  if (gtk_tree_selection_get_selected (selection, &model, &iter))
    {
      g_autoptr(GtkTreePath) path = gtk_tree_model_get_path (model, &iter);

      activate_row (self, path);
    }
}

static void
goto_attribution_action_cb (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  quotes_panel_goto_attribution (QUOTES_PANEL (user_data));
}

static void
update_actions (QuotesPanel *self)
{
  GtkTreeSelection *selection = gtk_tree_view_get_selection (self->tree_view);
  GAction *go = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "goto");
  GAction *attribution = g_action_map_lookup_action (G_ACTION_MAP (self->actions),
                                                     "goto-attribution");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (go),
                               gtk_tree_selection_get_selected (selection, NULL, NULL));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (attribution),
                               selected_attribution (self) != NULL);
}

static void
setup_context_menu (QuotesPanel *self)
{
  static const GActionEntry entries[] = {
    { "goto", goto_action_cb, NULL, NULL, NULL, { 0 } },
    { "goto-attribution", goto_attribution_action_cb, NULL, NULL, NULL, { 0 } },
  };
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) attribution = NULL;

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries,
                                   G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "quotes-panel",
                                  G_ACTION_GROUP (self->actions));

  /* Translators: context menu of the Quotes side panel: jump to the entry */
  g_menu_append (menu, _("_Go To"), "quotes-panel.goto");
  /* Translators: context menu of the Quotes side panel: select who said the
   * quote and the reporting verb, e.g. "Zelenskiy said" */
  attribution = g_menu_item_new (_("Go to _Attribution"), "quotes-panel.goto-attribution");
  g_menu_item_set_attribute (attribution, "accel", "s", "<Alt>Return");
  g_menu_append_item (menu, attribution);

  self->context_menu = gtk_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_menu_attach_to_widget (GTK_MENU (self->context_menu), GTK_WIDGET (self->tree_view), NULL);
  update_actions (self);
}

/* Copy and export */

typedef enum {
  EXPORT_CSV,
  EXPORT_JSON,
} ExportFormat;

#define EXPORT_FORMAT_KEY "quotes-export-format"

static gboolean
has_string_property (GObject    *object,
                     const char *name)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), name);

  return pspec != NULL && pspec->value_type == G_TYPE_STRING && (pspec->flags & G_PARAM_READABLE);
}

/* The document's name, such as "seed-article.txt", when the buffer tells
 * it: gedit's documents are TeplBuffers, whose short title is the file's
 * name after a "*" while it is modified, and whose full title adds the
 * folder, unless the document is a new one ("Untitled File 1"), which
 * has no name yet. The panel knows nothing of gedit, so it only looks
 * for the properties. */
static char *
document_name (QuotesPanel *self)
{
  g_autofree char *short_title = NULL;
  g_autofree char *full_title = NULL;
  const char *name;

  if (self->buffer == NULL ||
      !has_string_property (G_OBJECT (self->buffer), "tepl-short-title") ||
      !has_string_property (G_OBJECT (self->buffer), "tepl-full-title"))
    return NULL;

  g_object_get (self->buffer,
                "tepl-short-title", &short_title,
                "tepl-full-title", &full_title,
                NULL);
  if (short_title == NULL || g_strcmp0 (short_title, full_title) == 0)
    return NULL;
  name = short_title;
  if (*name == '*' && gtk_text_buffer_get_modified (self->buffer))
    name++;
  return *name != '\0' ? g_strdup (name) : NULL;
}

/* "seed-article.csv" for "seed-article.txt"; "quotes.csv" for a document
 * without a name. */
static char *
export_file_name (const char *document,
                  const char *extension)
{
  const char *dot;

  if (document == NULL)
    return g_strconcat ("quotes.", extension, NULL);
  dot = strrchr (document, '.');
  if (dot == NULL || dot == document)
    return g_strconcat (document, ".", extension, NULL);
  return g_strdup_printf ("%.*s.%s", (int) (dot - document), document, extension);
}

static gboolean
can_export (QuotesPanel *self)
{
  return self->analysis != NULL && self->buffer != NULL;
}

static void
update_export_actions (QuotesPanel *self)
{
  static const char * const names[] = { "copy-markdown", "export" };
  gboolean enabled = can_export (self);

  if (self->actions == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), names[i]);

      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
    }
  if (self->export_button != NULL)
    gtk_widget_set_sensitive (self->export_button, enabled);
}

static void
copy_markdown_action_cb (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  QuotesPanel *self = user_data;
  GtkClipboard *clipboard;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *markdown = NULL;
  GtkTextIter start, end;

  if (!can_export (self))
    return;

  /* The text as it is now, for the line numbers: a new analysis follows
   * each pause in typing, so it is the analysed text but for a moment. */
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  text = gtk_text_buffer_get_text (self->buffer, &start, &end, TRUE);
  name = document_name (self);
  /* Translators: the heading of the Markdown that "Copy as Markdown" in
   * the Quotes side panel copies, when the document has no name */
  markdown = quotes_analysis_to_markdown (self->analysis, text, name != NULL ? name : _("Quotes"));

  clipboard = gtk_clipboard_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                             GDK_SELECTION_CLIPBOARD);
  gtk_clipboard_set_text (clipboard, markdown, -1);
}

/* Writes @analysis to @file, replacing it. A failed write leaves a file
 * that was there as it was. May run in a thread: an analysis never
 * changes. */
static gboolean
write_export (QuotesAnalysis  *analysis,
              ExportFormat     format,
              const char      *document,
              GFile           *file,
              GCancellable    *cancellable,
              GError         **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abandon = NULL;
  gboolean written;

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  if (stream == NULL)
    return FALSE;

  if (format == EXPORT_JSON)
    written = quotes_analysis_write_json (analysis, G_OUTPUT_STREAM (stream), cancellable, error);
  else
    {
      g_autofree char *csv = quotes_analysis_to_csv (analysis, document);

      written = g_output_stream_write_all (G_OUTPUT_STREAM (stream), csv, strlen (csv),
                                           NULL, cancellable, error);
    }
  if (written)
    return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);

  /* Closed as cancelled, the stream does not put what it has over the
   * file. */
  abandon = g_cancellable_new ();
  g_cancellable_cancel (abandon);
  g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
  return FALSE;
}

static void
hide_export_error (QuotesPanel *self)
{
  if (self->export_info_bar != NULL)
    gtk_widget_hide (GTK_WIDGET (self->export_info_bar));
}

/* In the panel, not in a dialog: nothing to dismiss before going on. */
static void
show_export_error (QuotesPanel  *self,
                   GFile        *file,
                   const GError *error)
{
  g_autofree char *where = NULL;
  g_autofree char *message = NULL;

  if (self->export_info_bar == NULL)
    return;
  where = g_file_get_parse_name (file);
  /* Translators: shown in the Quotes side panel when exporting fails: the
   * file, then why, e.g. "Could not export to “/tmp/a.csv”: Permission
   * denied" */
  message = g_strdup_printf (_("Could not export to “%s”: %s"), where, error->message);
  gtk_label_set_text (self->export_error_label, message);
  gtk_widget_show (GTK_WIDGET (self->export_info_bar));
}

typedef struct
{
  QuotesAnalysis *analysis;
  ExportFormat    format;
  char           *document;
  GFile          *file;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->analysis);
  g_clear_pointer (&job->document, g_free);
  g_clear_object (&job->file);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (write_export (job->analysis, job->format, job->document, job->file, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_export_done (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  QuotesPanel *self = QUOTES_PANEL (source_object);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_export_error (self, job->file, error);
}

/* Off the main loop: the file may be on a slow disk or a network share. */
static void
export_in_background (QuotesPanel    *self,
                      QuotesAnalysis *analysis,
                      ExportFormat    format,
                      const char     *document,
                      GFile          *file)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job = g_new0 (ExportJob, 1);

  job->analysis = g_object_ref (analysis);
  job->format = format;
  job->document = g_strdup (document);
  job->file = g_object_ref (file);

  hide_export_error (self);
  task = g_task_new (self, self->export_cancellable, on_export_done, NULL);
  g_task_set_source_tag (task, export_in_background);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

/* What the file's name says, else the type chosen in the dialog. */
static ExportFormat
chosen_format (GtkFileChooser *chooser,
               GFile          *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *lower = basename != NULL ? g_ascii_strdown (basename, -1) : NULL;
  GtkFileFilter *filter;

  if (lower != NULL && g_str_has_suffix (lower, ".json"))
    return EXPORT_JSON;
  if (lower != NULL && g_str_has_suffix (lower, ".csv"))
    return EXPORT_CSV;
  filter = gtk_file_chooser_get_filter (chooser);
  if (filter == NULL)
    return EXPORT_CSV;
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (filter), EXPORT_FORMAT_KEY));
}

static void
on_export_response (QuotesPanel          *self,
                    int                   response,
                    GtkFileChooserNative *dialog)
{
  g_autoptr(QuotesAnalysis) analysis = g_steal_pointer (&self->export_analysis);
  g_autofree char *document = g_steal_pointer (&self->export_name);
  g_autoptr(GFile) file = NULL;
  ExportFormat format = EXPORT_CSV;

  g_assert (QUOTES_IS_PANEL (self));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (file != NULL)
        format = chosen_format (GTK_FILE_CHOOSER (dialog), file);
    }
  g_clear_object (&self->export_dialog);

  if (file != NULL && analysis != NULL)
    export_in_background (self, analysis, format, document, file);
}

static void
add_export_filter (GtkFileChooser *chooser,
                   ExportFormat    format,
                   const char     *name,
                   const char     *pattern,
                   const char     *mime_type)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_add_mime_type (filter, mime_type);
  g_object_set_data (G_OBJECT (filter), EXPORT_FORMAT_KEY, GINT_TO_POINTER (format));
  gtk_file_chooser_add_filter (chooser, filter);
  if (format == EXPORT_CSV)
    gtk_file_chooser_set_filter (chooser, filter);
}

/* The dialog exports the analysis shown when it was opened, whatever
 * the panel shows when it is answered. */
static void
export_action_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  QuotesPanel *self = user_data;
  GtkWidget *toplevel = gtk_widget_get_toplevel (GTK_WIDGET (self));
  GtkFileChooser *chooser;
  g_autofree char *suggested = NULL;

  if (!can_export (self) || self->export_dialog != NULL)
    return;

  g_set_object (&self->export_analysis, self->analysis);
  g_free (self->export_name);
  self->export_name = document_name (self);

  self->export_dialog =
    /* Translators: title of the dialog that saves the quotes of the Quotes
     * side panel as CSV or JSON */
    gtk_file_chooser_native_new (_("Export Quotes"),
                                 GTK_IS_WINDOW (toplevel) ? GTK_WINDOW (toplevel) : NULL,
                                 GTK_FILE_CHOOSER_ACTION_SAVE,
                                 /* Translators: the button of the Export Quotes dialog */
                                 _("_Export"),
                                 _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (self->export_dialog);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->export_dialog), TRUE);
  gtk_file_chooser_set_do_overwrite_confirmation (chooser, TRUE);
  /* Translators: a file type in the Export Quotes dialog */
  add_export_filter (chooser, EXPORT_CSV, _("CSV"), "*.csv", "text/csv");
  /* Translators: a file type in the Export Quotes dialog */
  add_export_filter (chooser, EXPORT_JSON, _("JSON"), "*.json", "application/json");
  suggested = export_file_name (self->export_name, "csv");
  gtk_file_chooser_set_current_name (chooser, suggested);

  g_signal_connect_object (self->export_dialog, "response",
                           G_CALLBACK (on_export_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_dialog));
}

static void
setup_export_menu (QuotesPanel *self)
{
  static const GActionEntry entries[] = {
    { "copy-markdown", copy_markdown_action_cb, NULL, NULL, NULL, { 0 } },
    { "export", export_action_cb, NULL, NULL, NULL, { 0 } },
  };
  g_autoptr(GMenu) menu = g_menu_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries,
                                   G_N_ELEMENTS (entries), self);

  /* Translators: menu of the Quotes side panel: copies the speakers,
   * quotes, organizations and posts as Markdown text */
  g_menu_append (menu, _("_Copy as Markdown"), "quotes-panel.copy-markdown");
  /* Translators: menu of the Quotes side panel: saves the quotes as a CSV
   * or JSON file */
  g_menu_append (menu, _("_Export…"), "quotes-panel.export");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->export_button), G_MENU_MODEL (menu));

  /* Translators: accessible name of the menu button next to the search
   * entry of the Quotes side panel, for screen readers */
  atk_object_set_name (gtk_widget_get_accessible (self->export_button), _("Copy or export"));
  g_signal_connect_object (self->export_info_bar, "response",
                           G_CALLBACK (hide_export_error), self, G_CONNECT_SWAPPED);
  self->export_cancellable = g_cancellable_new ();
  update_export_actions (self);
}

/* Signal handlers */

static void
on_row_activated (QuotesPanel       *self,
                  GtkTreePath       *path,
                  GtkTreeViewColumn *column)
{
  g_assert (QUOTES_IS_PANEL (self));

  activate_row (self, path);
}

static gboolean
on_tree_key_press (QuotesPanel *self,
                   GdkEventKey *event)
{
  GdkModifierType mods = event->state & gtk_accelerator_get_default_mod_mask ();

  g_assert (QUOTES_IS_PANEL (self));

  if (mods == GDK_MOD1_MASK &&
      (event->keyval == GDK_KEY_Return || event->keyval == GDK_KEY_KP_Enter ||
       event->keyval == GDK_KEY_ISO_Enter))
    {
      quotes_panel_goto_attribution (self);
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

/* Typing in the tree searches, as in a file chooser; the tree's own keys
 * (arrows, +, -, Enter) have been handled before this runs. */
static gboolean
on_tree_key_press_after (QuotesPanel *self,
                         GdkEventKey *event)
{
  g_assert (QUOTES_IS_PANEL (self));

  if (gtk_search_entry_handle_event (self->search_entry, (GdkEvent *) event) == GDK_EVENT_STOP)
    {
      gtk_entry_grab_focus_without_selecting (GTK_ENTRY (self->search_entry));
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
on_row_expanded (QuotesPanel *self,
                 GtkTreeIter *iter,
                 GtkTreePath *path)
{
  GtkTreeModel *model = gtk_tree_view_get_model (self->tree_view);
  g_autofree char *key = get_row_key (model, iter);
  GtkTreeIter child;

  if (self->applying_expansion > 0 || self->needle != NULL || key == NULL)
    return;
  g_hash_table_remove (self->collapsed, key);

  /* GtkTreeView forgets the children's state when a row is collapsed:
   * reopen the speakers the user had left open. */
  if (!gtk_tree_model_iter_children (model, &child, iter))
    return;
  self->applying_expansion++;
  do
    {
      g_autoptr(GtkTreePath) child_path = gtk_tree_model_get_path (model, &child);

      if (!row_is_collapsed_by_user (self, model, &child))
        gtk_tree_view_expand_row (self->tree_view, child_path, FALSE);
    }
  while (gtk_tree_model_iter_next (model, &child));
  self->applying_expansion--;
}

static void
on_row_collapsed (QuotesPanel *self,
                  GtkTreeIter *iter,
                  GtkTreePath *path)
{
  g_autofree char *key = get_row_key (gtk_tree_view_get_model (self->tree_view), iter);

  if (self->applying_expansion > 0 || self->needle != NULL || key == NULL)
    return;
  g_hash_table_add (self->collapsed, g_steal_pointer (&key));
}

static void
on_search_changed (QuotesPanel *self)
{
  const char *text = gtk_entry_get_text (GTK_ENTRY (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *needle = *stripped != '\0' ? fold_text (stripped) : NULL;

  g_assert (QUOTES_IS_PANEL (self));

  if (g_strcmp0 (needle, self->needle) == 0)
    return;
  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);
  refilter (self);
}

static void
on_stop_search (QuotesPanel *self)
{
  g_assert (QUOTES_IS_PANEL (self));

  gtk_entry_set_text (GTK_ENTRY (self->search_entry), "");
}

static gboolean
find_first_entry (GtkTreeModel *model,
                  GtkTreePath  *path,
                  GtkTreeIter  *iter,
                  gpointer      user_data)
{
  GtkTreePath **found = user_data;
  RowKind kind;

  gtk_tree_model_get (model, iter, COL_KIND, &kind, -1);
  if (kind == ROW_GROUP)
    return FALSE;
  *found = gtk_tree_path_copy (path);
  return TRUE;
}

/* Enter in the search entry: on to the first entry found. */
static void
on_search_activate (QuotesPanel *self)
{
  GtkTreeModel *model = gtk_tree_view_get_model (self->tree_view);
  g_autoptr(GtkTreePath) path = NULL;

  g_assert (QUOTES_IS_PANEL (self));

  if (model == NULL)
    return;
  gtk_tree_model_foreach (model, find_first_entry, &path);
  if (path != NULL)
    select_path (self, path);
  gtk_widget_grab_focus (GTK_WIDGET (self->tree_view));
}

static void
clear_analysis (QuotesPanel *self)
{
  clear_anchors (self);
  g_clear_object (&self->analysis);
  g_clear_pointer (&self->cycle_key, g_free);
}

/* The marks live in the old buffer and the analysis was of its text. */
static void
on_view_notify_buffer (QuotesPanel *self)
{
  g_assert (QUOTES_IS_PANEL (self));

  clear_analysis (self);
  g_set_object (&self->buffer, gtk_text_view_get_buffer (self->view));
  quotes_panel_rebuild (self);
}

static void
on_view_destroy (QuotesPanel *self)
{
  quotes_panel_set_view (self, NULL);
}

/* GObject */

static void
quotes_panel_dispose (GObject *object)
{
  QuotesPanel *self = QUOTES_PANEL (object);

  if (self->tree_view != NULL)
    gtk_tree_view_set_model (self->tree_view, NULL);
  clear_analysis (self);
  if (self->view != NULL)
    g_signal_handlers_disconnect_by_data (self->view, self);
  g_clear_object (&self->view);
  g_clear_object (&self->buffer);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_pointer (&self->context_menu, gtk_widget_destroy);
  g_clear_object (&self->actions);
  /* An export under way finishes or stops; its file is left as it was. */
  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  if (self->export_dialog != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->export_dialog));
  g_clear_object (&self->export_dialog);
  g_clear_object (&self->export_analysis);
  g_clear_pointer (&self->export_name, g_free);

  G_OBJECT_CLASS (quotes_panel_parent_class)->dispose (object);
}

static void
quotes_panel_finalize (GObject *object)
{
  QuotesPanel *self = QUOTES_PANEL (object);

  g_clear_pointer (&self->quote_anchors, g_array_unref);
  g_clear_pointer (&self->entity_anchors, g_array_unref);
  g_clear_pointer (&self->post_anchors, g_array_unref);
  g_clear_pointer (&self->shown_quotes, g_array_unref);
  g_clear_pointer (&self->collapsed, g_hash_table_unref);
  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (quotes_panel_parent_class)->finalize (object);
}

static void
quotes_panel_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  QuotesPanel *self = QUOTES_PANEL (object);

  switch (prop_id)
    {
    case PROP_SHOW_REPORTED_SPEECH:
      g_value_set_boolean (value, self->show_reported_speech);
      break;
    case PROP_SHOW_SCARE_QUOTES:
      g_value_set_boolean (value, self->show_scare_quotes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_show_flag (QuotesPanel *self,
               guint        prop_id,
               gboolean     value)
{
  gboolean old = prop_id == PROP_SHOW_REPORTED_SPEECH ? self->show_reported_speech
                                                      : self->show_scare_quotes;

  if (!old == !value)
    return;
  if (prop_id == PROP_SHOW_REPORTED_SPEECH)
    self->show_reported_speech = !!value;
  else
    self->show_scare_quotes = !!value;
  quotes_panel_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [prop_id]);
}

static void
quotes_panel_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  QuotesPanel *self = QUOTES_PANEL (object);

  switch (prop_id)
    {
    case PROP_SHOW_REPORTED_SPEECH:
    case PROP_SHOW_SCARE_QUOTES:
      set_show_flag (self, prop_id, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
quotes_panel_class_init (QuotesPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = quotes_panel_dispose;
  object_class->finalize = quotes_panel_finalize;
  object_class->get_property = quotes_panel_get_property;
  object_class->set_property = quotes_panel_set_property;

  properties [PROP_SHOW_REPORTED_SPEECH] =
    g_param_spec_boolean ("show-reported-speech", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_SHOW_SCARE_QUOTES] =
    g_param_spec_boolean ("show-scare-quotes", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, PANEL_RESOURCE);
  gtk_widget_class_bind_template_child (widget_class, QuotesPanel, search_entry);
  gtk_widget_class_bind_template_child (widget_class, QuotesPanel, export_button);
  gtk_widget_class_bind_template_child (widget_class, QuotesPanel, export_info_bar);
  gtk_widget_class_bind_template_child (widget_class, QuotesPanel, export_error_label);
  gtk_widget_class_bind_template_child (widget_class, QuotesPanel, busy_box);
  gtk_widget_class_bind_template_child (widget_class, QuotesPanel, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, QuotesPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, QuotesPanel, tree_view);
  gtk_widget_class_bind_template_child (widget_class, QuotesPanel, text_column);
}

static void
connect_signals (QuotesPanel *self)
{
  g_signal_connect_object (self->tree_view, "row-activated",
                           G_CALLBACK (on_row_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tree_view, "row-expanded",
                           G_CALLBACK (on_row_expanded), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tree_view, "row-collapsed",
                           G_CALLBACK (on_row_collapsed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tree_view, "popup-menu",
                           G_CALLBACK (on_tree_popup_menu), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tree_view, "button-press-event",
                           G_CALLBACK (on_tree_button_press), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tree_view, "key-press-event",
                           G_CALLBACK (on_tree_key_press), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tree_view, "key-press-event",
                           G_CALLBACK (on_tree_key_press_after), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (gtk_tree_view_get_selection (self->tree_view), "changed",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (on_search_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search",
                           G_CALLBACK (on_stop_search), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate",
                           G_CALLBACK (on_search_activate), self, G_CONNECT_SWAPPED);
}

static void
quotes_panel_init (QuotesPanel *self)
{
  self->show_reported_speech = TRUE;
  self->show_scare_quotes = FALSE;

  self->quote_anchors = g_array_new (FALSE, TRUE, sizeof (QuoteAnchor));
  g_array_set_clear_func (self->quote_anchors, quote_anchor_clear);
  self->entity_anchors = g_array_new (FALSE, TRUE, sizeof (EntityAnchor));
  g_array_set_clear_func (self->entity_anchors, entity_anchor_clear);
  self->post_anchors = g_array_new (FALSE, TRUE, sizeof (Range));
  g_array_set_clear_func (self->post_anchors, range_clear);
  self->shown_quotes = g_array_new (FALSE, FALSE, sizeof (guint));
  self->collapsed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  atk_object_set_name (gtk_widget_get_accessible (GTK_WIDGET (self->tree_view)),
                       _("Quotes and sources"));
  setup_context_menu (self);
  setup_export_menu (self);
  connect_signals (self);
  quotes_panel_rebuild (self);
}

/* Public API */

/**
 * quotes_panel_new:
 *
 * Returns: (transfer floating): a new, empty panel
 */
GtkWidget *
quotes_panel_new (void)
{
  return g_object_new (QUOTES_TYPE_PANEL, NULL);
}

/**
 * quotes_panel_set_view:
 * @self: a panel
 * @view: (nullable): the text view whose analysis will be shown
 *
 * Forgets the current analysis: the next one given must be of @view's
 * buffer.
 */
void
quotes_panel_set_view (QuotesPanel *self,
                       GtkTextView *view)
{
  g_return_if_fail (QUOTES_IS_PANEL (self));
  g_return_if_fail (view == NULL || GTK_IS_TEXT_VIEW (view));

  if (self->view == view)
    return;

  clear_analysis (self);
  if (self->view != NULL)
    g_signal_handlers_disconnect_by_data (self->view, self);
  g_clear_object (&self->buffer);
  g_set_object (&self->view, view);

  if (view != NULL)
    {
      self->buffer = g_object_ref (gtk_text_view_get_buffer (view));
      g_signal_connect_object (view, "notify::buffer",
                               G_CALLBACK (on_view_notify_buffer), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (view, "destroy",
                               G_CALLBACK (on_view_destroy), self, G_CONNECT_SWAPPED);
    }
  quotes_panel_rebuild (self);
}

/**
 * quotes_panel_set_analysis:
 * @self: a panel
 * @analysis: (nullable): an analysis of the view's buffer as it is now
 *
 * Shows @analysis, keeping the selected row and the rows the user
 * collapsed when they are still there.
 */
void
quotes_panel_set_analysis (QuotesPanel    *self,
                           QuotesAnalysis *analysis)
{
  g_return_if_fail (QUOTES_IS_PANEL (self));
  g_return_if_fail (analysis == NULL || QUOTES_IS_ANALYSIS (analysis));

  clear_anchors (self);
  g_set_object (&self->analysis, analysis);
  if (self->analysis != NULL && self->buffer != NULL)
    {
      create_quote_anchors (self);
      create_entity_anchors (self);
      create_post_anchors (self);
    }
  quotes_panel_rebuild (self);
}

/**
 * quotes_panel_set_busy:
 * @self: a panel
 * @busy: whether an analysis is running
 *
 * Shows or hides the "Analysing…" hint. Nothing else changes.
 */
void
quotes_panel_set_busy (QuotesPanel *self,
                       gboolean     busy)
{
  g_return_if_fail (QUOTES_IS_PANEL (self));

  if (self->busy_box == NULL)
    return;
  gtk_widget_set_visible (self->busy_box, busy);
  if (busy)
    gtk_spinner_start (self->busy_spinner);
  else
    gtk_spinner_stop (self->busy_spinner);
}

/**
 * quotes_panel_goto_next_quote:
 * @self: a panel
 *
 * Selects the first listed quote after the cursor, scrolls to it and
 * selects its row. After the last quote it wraps around to the first.
 *
 * Returns: whether there was a quote to go to
 */
gboolean
quotes_panel_goto_next_quote (QuotesPanel *self)
{
  g_return_val_if_fail (QUOTES_IS_PANEL (self), FALSE);

  return goto_adjacent_quote (self, TRUE);
}

/**
 * quotes_panel_goto_previous_quote:
 * @self: a panel
 *
 * Like quotes_panel_goto_next_quote(), backwards: before the first quote
 * it wraps around to the last.
 *
 * Returns: whether there was a quote to go to
 */
gboolean
quotes_panel_goto_previous_quote (QuotesPanel *self)
{
  g_return_val_if_fail (QUOTES_IS_PANEL (self), FALSE);

  return goto_adjacent_quote (self, FALSE);
}

/**
 * quotes_panel_goto_attribution:
 * @self: a panel
 *
 * For the quote of the selected row, selects its attribution in the text
 * (source mention and reporting words, e.g. "Zelenskiy said"), scrolls to
 * it and focuses the view.
 *
 * Returns: whether the selected row is a quote with a known attribution
 */
gboolean
quotes_panel_goto_attribution (QuotesPanel *self)
{
  const Range *attribution;

  g_return_val_if_fail (QUOTES_IS_PANEL (self), FALSE);

  attribution = selected_attribution (self);
  return attribution != NULL && jump_to_range (self, attribution, TRUE);
}

/**
 * quotes_panel_export_to_file:
 * @self: a panel
 * @file: where to write; replaced if it exists
 * @format: "csv" (quotes_analysis_to_csv()) or "json"
 *   (quotes_analysis_write_json())
 * @error: where to put why the file could not be written
 *
 * Writes the analysis the panel was given to @file, as "Export…" does,
 * but without the dialog and before returning. The CSV's file column
 * holds the document's name when the buffer tells it.
 *
 * Returns: whether the file was written; %FALSE with an error also when
 *   the panel has no analysis
 */
gboolean
quotes_panel_export_to_file (QuotesPanel  *self,
                             GFile        *file,
                             const char   *format,
                             GError      **error)
{
  g_autofree char *document = NULL;
  ExportFormat export_format;

  g_return_val_if_fail (QUOTES_IS_PANEL (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (g_strcmp0 (format, "csv") == 0 || g_strcmp0 (format, "json") == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!can_export (self))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("There is no analysis to export"));
      return FALSE;
    }
  export_format = g_str_equal (format, "json") ? EXPORT_JSON : EXPORT_CSV;
  document = document_name (self);
  return write_export (self->analysis, export_format, document, file, NULL, error);
}
