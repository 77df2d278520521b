/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * QuotesPanelRows: the entries of the Quotes panel for one analysis, as
 * plain data (texts, keys, tree order). Building them for a long
 * document takes a while (formatting, folding for the search, sorting),
 * and needs nothing but the analysis, which never changes: the panel
 * builds them in a thread and only puts them in its tree on the main
 * loop.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "quotes-panel-rows.h"

#define POST_SNIPPET_WORDS 8

/* Row texts */

char *
quotes_panel_fold_text (const char *text)
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
 * text, for the tooltip. Each combination of the parts there are is one
 * whole string, so that translators can order the parts and choose the
 * punctuation. */
static char *
format_post (QuotesPost *post,
             gboolean    full)
{
  const char *platform = platform_display_name (quotes_post_get_platform (post));
  const char *who = post_who (post);
  const char *date = quotes_post_get_date (post);
  const char *text = quotes_post_get_text (post);
  g_autofree char *snippet = NULL;
  g_autofree char *flat = NULL;
  guint parts = 0;

  if (text != NULL && *text != '\0')
    snippet = full ? g_strdup (text) : first_words (text, POST_SNIPPET_WORDS);
  else if (quotes_post_get_url (post) != NULL)
    snippet = g_strdup (quotes_post_get_url (post));
  if (snippet != NULL)
    flat = full ? g_strdup (snippet) : flatten_text (snippet);

  if (who != NULL && *who != '\0')
    parts |= 1;
  if (date != NULL && *date != '\0')
    parts |= 2;
  if (flat != NULL)
    parts |= 4;

  switch (parts)
    {
    case 1 | 2 | 4:
      /* Translators: a cited social media post in the Quotes side panel:
       * network, author (a handle or a name), date, then the first words
       * of the post, e.g. "X @ZelenskyyUa · 2025-03-15 — We must define
       * a clear position …" */
      return g_strdup_printf (_("%1$s %2$s · %3$s — %4$s"), platform, who, date, flat);
    case 1 | 2:
      /* Translators: a cited social media post in the Quotes side panel:
       * network, author, date, e.g. "X @ZelenskyyUa · 2025-03-15" */
      return g_strdup_printf (_("%1$s %2$s · %3$s"), platform, who, date);
    case 1 | 4:
      /* Translators: a cited social media post in the Quotes side panel:
       * network, author, first words, e.g. "X @ZelenskyyUa — We must
       * define a clear position …" */
      return g_strdup_printf (_("%1$s %2$s — %3$s"), platform, who, flat);
    case 1:
      /* Translators: a cited social media post in the Quotes side panel:
       * network and author, e.g. "X @ZelenskyyUa" */
      return g_strdup_printf (_("%1$s %2$s"), platform, who);
    case 2 | 4:
      /* Translators: a cited social media post in the Quotes side panel
       * whose author is unknown: network, date, first words, e.g.
       * "Telegram · 2025-03-15 — We must define …" */
      return g_strdup_printf (_("%1$s · %2$s — %3$s"), platform, date, flat);
    case 2:
      /* Translators: a cited social media post in the Quotes side panel
       * whose author is unknown: network and date, e.g. "Telegram ·
       * 2025-03-15" */
      return g_strdup_printf (_("%1$s · %2$s"), platform, date);
    case 4:
      /* Translators: a cited social media post in the Quotes side panel
       * whose author and date are unknown: network and first words, e.g.
       * "Telegram — We must define …" */
      return g_strdup_printf (_("%1$s — %2$s"), platform, flat);
    default:
      return g_strdup (platform);
    }
}

/* Building */

typedef struct
{
  QuotesPanelRows *result;
  QuotesPanelRows *previous;       /* the rows of the analysis before, or NULL */
  GHashTable      *counts;         /* key -> how many rows took it */
  gboolean         show_reported;
  gboolean         show_scare;
} Builder;

static void
row_free (gpointer data)
{
  QuotesPanelRow *row = data;

  g_free (row->key);
  g_free (row->text);
  g_free (row->tooltip);
  g_free (row->folded);
  g_free (row);
}

/* The same entry twice (a quote repeated word for word) gets "#2" and so
 * on: keys are unique, and stable as long as the text before stays. */
static char *
unique_key (Builder    *builder,
            const char *key)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (builder->counts, key)) + 1;

  g_hash_table_insert (builder->counts, g_strdup (key), GUINT_TO_POINTER (count));
  if (count == 1)
    return g_strdup (key);
  return g_strdup_printf ("%s#%u", key, count);
}

static QuotesPanelRow *
new_row (Builder       *builder,
         guint          depth,
         QuotesRowKind  kind,
         int            id,
         const char    *key)
{
  QuotesPanelRow *row = g_new0 (QuotesPanelRow, 1);

  row->depth = depth;
  row->kind = kind;
  row->id = id;
  row->key = unique_key (builder, key);
  g_ptr_array_add (builder->result->rows, row);
  g_hash_table_insert (builder->result->by_key, row->key, row);
  return row;
}

static QuotesPanelRow *
add_row (Builder       *builder,
         guint          depth,
         QuotesRowKind  kind,
         int            id,
         const char    *key,
         char          *text,
         const char    *tooltip)
{
  QuotesPanelRow *row = new_row (builder, depth, kind, id, key);

  row->text = text;
  row->tooltip = g_markup_escape_text (tooltip != NULL ? tooltip : text, -1);
  row->folded = quotes_panel_fold_text (text);
  return row;
}

static void
add_group (Builder       *builder,
           QuotesGroupId  group,
           const char    *key,
           const char    *name,
           guint          count)
{
  add_row (builder, 0, QUOTES_ROW_GROUP, group, key, format_count (name, count), NULL);
}

static gboolean
quote_is_shown (Builder     *builder,
                QuotesQuote *quote)
{
  switch (quotes_quote_get_kind (quote))
    {
    case QUOTES_QUOTE_KIND_INDIRECT:
      return builder->show_reported;
    case QUOTES_QUOTE_KIND_SCARE:
      return builder->show_scare;
    case QUOTES_QUOTE_KIND_DIRECT:
    case QUOTES_QUOTE_KIND_PARTIAL:
    default:
      return TRUE;
    }
}

static void
add_quote_row (Builder    *builder,
               guint       depth,
               guint       quote_id,
               const char *speaker_name)
{
  QuotesAnalysis *analysis = builder->result->analysis;
  QuotesQuote *quote = g_ptr_array_index (quotes_analysis_get_quotes (analysis), quote_id);
  g_autofree char *key = g_strdup_printf ("quote:%s:%s:%s", speaker_name,
                                          quotes_quote_kind_to_string (quotes_quote_get_kind (quote)),
                                          quotes_quote_get_text (quote));
  QuotesPanelRow *row = new_row (builder, depth, QUOTES_ROW_QUOTE, quote_id, key);
  const QuotesPanelRow *before = builder->previous != NULL
                                 ? g_hash_table_lookup (builder->previous->by_key, row->key) : NULL;

  /* The key holds all the row shows: the same key, the same texts, made
   * once (folding for the search is the costly part). */
  if (before != NULL && before->kind == QUOTES_ROW_QUOTE)
    {
      row->text = g_strdup (before->text);
      row->tooltip = g_strdup (before->tooltip);
      row->folded = g_strdup (before->folded);
    }
  else
    {
      row->text = format_quote (quote);
      row->tooltip = g_markup_escape_text (row->text, -1);
      row->folded = quotes_panel_fold_text (row->text);
    }

  g_ptr_array_index (builder->result->quote_keys, quote_id) = row->key;
  g_array_append_val (builder->result->shown_quotes, quote_id);
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
collect_speakers (Builder *builder,
                  GArray  *unattributed)
{
  GPtrArray *quotes = quotes_analysis_get_quotes (builder->result->analysis);
  GPtrArray *entities = quotes_analysis_get_entities (builder->result->analysis);
  g_autoptr(GArray) by_entity = g_array_sized_new (FALSE, TRUE, sizeof (Speaker), entities->len);
  GArray *speakers = g_array_new (FALSE, TRUE, sizeof (Speaker));

  g_array_set_size (by_entity, entities->len);
  g_array_set_clear_func (speakers, speaker_clear);

  for (guint i = 0; i < quotes->len; i++)
    {
      QuotesQuote *quote = g_ptr_array_index (quotes, i);
      gint speaker = quotes_quote_get_speaker (quote);
      Speaker *s;

      if (!quote_is_shown (builder, quote))
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
fill_speakers (Builder *builder,
               GArray  *speakers)
{
  GPtrArray *entities = quotes_analysis_get_entities (builder->result->analysis);

  add_group (builder, QUOTES_GROUP_SPEAKERS, "group:speakers", _("Speakers"), speakers->len);
  for (guint i = 0; i < speakers->len; i++)
    {
      const Speaker *s = &g_array_index (speakers, Speaker, i);
      QuotesEntity *entity = g_ptr_array_index (entities, s->entity_id);
      const char *name = quotes_entity_get_name (entity);
      g_autofree char *key = g_strconcat ("speaker:", name, NULL);

      add_row (builder, 1, QUOTES_ROW_SPEAKER, s->entity_id, key,
               format_speaker (entity, s->quotes->len - s->n_reported, s->n_reported), NULL);
      for (guint j = 0; j < s->quotes->len; j++)
        add_quote_row (builder, 2, g_array_index (s->quotes, guint, j), name);
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
fill_organizations (Builder *builder)
{
  GPtrArray *entities = quotes_analysis_get_entities (builder->result->analysis);
  g_autoptr(GPtrArray) orgs = g_ptr_array_new ();

  for (guint i = 0; i < entities->len; i++)
    {
      QuotesEntity *entity = g_ptr_array_index (entities, i);

      if (quotes_entity_get_entity_type (entity) == QUOTES_ENTITY_TYPE_ORGANIZATION)
        g_ptr_array_add (orgs, entity);
    }
  g_ptr_array_sort (orgs, compare_organizations);

  add_group (builder, QUOTES_GROUP_ORGANIZATIONS, "group:organizations", _("Organizations"), orgs->len);
  for (guint i = 0; i < orgs->len; i++)
    {
      QuotesEntity *entity = g_ptr_array_index (orgs, i);
      const char *name = quotes_entity_get_name (entity);
      g_autofree char *key = g_strconcat ("org:", name, NULL);

      add_row (builder, 1, QUOTES_ROW_ORGANIZATION, quotes_entity_get_id (entity), key,
               format_count (name, quotes_entity_get_mentions (entity)->len), NULL);
    }
}

static void
fill_posts (Builder *builder)
{
  GPtrArray *posts = quotes_analysis_get_posts (builder->result->analysis);

  add_group (builder, QUOTES_GROUP_POSTS, "group:posts", _("Social posts"), posts->len);
  for (guint i = 0; i < posts->len; i++)
    {
      QuotesPost *post = g_ptr_array_index (posts, i);
      const char *who = post_who (post);
      const char *url = quotes_post_get_url (post);
      const char *date = quotes_post_get_date (post);
      g_autofree char *tooltip = format_post (post, TRUE);
      g_autofree char *key = g_strdup_printf ("post:%s:%s",
                                              who != NULL ? who : url != NULL ? url : "",
                                              date != NULL ? date : "");

      add_row (builder, 1, QUOTES_ROW_POST, i, key, format_post (post, FALSE), tooltip);
    }
}

static void
fill_unattributed (Builder *builder,
                   GArray  *unattributed)
{
  /* Kept out of sight when empty: most texts attribute everything. */
  if (unattributed->len == 0)
    return;

  /* Translators: the group of quotes whose speaker is unknown */
  add_group (builder, QUOTES_GROUP_UNATTRIBUTED, "group:unattributed", _("Unattributed"), unattributed->len);
  for (guint i = 0; i < unattributed->len; i++)
    add_quote_row (builder, 1, g_array_index (unattributed, guint, i), "");
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

/**
 * quotes_panel_rows_new:
 * @analysis: an analysis
 * @show_reported_speech: whether reported speech is listed
 * @show_scare_quotes: whether scare quotes are listed
 * @previous: (nullable): the rows of an analysis before, whose texts are
 *   taken again for the same entries
 *
 * Returns: (transfer full): the entries of the panel for @analysis
 */
QuotesPanelRows *
quotes_panel_rows_new (QuotesAnalysis  *analysis,
                       gboolean         show_reported_speech,
                       gboolean         show_scare_quotes,
                       QuotesPanelRows *previous)
{
  GPtrArray *quotes = quotes_analysis_get_quotes (analysis);
  QuotesPanelRows *result = g_new0 (QuotesPanelRows, 1);
  g_autoptr(GArray) unattributed = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) speakers = NULL;
  Builder builder = { result, previous, NULL, show_reported_speech, show_scare_quotes };

  result->ref_count = 1;
  result->analysis = g_object_ref (analysis);
  result->rows = g_ptr_array_new_with_free_func (row_free);
  result->by_key = g_hash_table_new (g_str_hash, g_str_equal);
  result->shown_quotes = g_array_new (FALSE, FALSE, sizeof (guint));
  result->quote_keys = g_ptr_array_new ();
  g_ptr_array_set_size (result->quote_keys, quotes->len);
  builder.counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  speakers = collect_speakers (&builder, unattributed);
  fill_speakers (&builder, speakers);
  fill_organizations (&builder);
  fill_posts (&builder);
  fill_unattributed (&builder, unattributed);
  g_array_sort_with_data (result->shown_quotes, compare_quote_starts, quotes);

  g_hash_table_unref (builder.counts);
  return result;
}

QuotesPanelRows *
quotes_panel_rows_ref (QuotesPanelRows *rows)
{
  g_return_val_if_fail (rows != NULL, NULL);
  g_atomic_int_inc (&rows->ref_count);
  return rows;
}

void
quotes_panel_rows_unref (QuotesPanelRows *rows)
{
  if (rows == NULL || !g_atomic_int_dec_and_test (&rows->ref_count))
    return;
  g_clear_object (&rows->analysis);
  g_clear_pointer (&rows->rows, g_ptr_array_unref);
  g_clear_pointer (&rows->by_key, g_hash_table_unref);
  g_clear_pointer (&rows->shown_quotes, g_array_unref);
  g_clear_pointer (&rows->quote_keys, g_ptr_array_unref);
  g_free (rows);
}
