/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * test-seed: the defining example, fact by fact.
 *
 * Reads fixtures/seed-article.txt and checks what seed-article.expected.md
 * says it must give. Offsets are code points, as in the expected file; every
 * offset used here is first checked against the fixture itself, so a wrong
 * number in this file fails as a mistake of the test, not of the engine.
 *
 * The fixture is found in $QUOTES_FIXTURES_DIR, or else in FIXTURES_DIR
 * (given at build time).
 */

#include <locale.h>
#include <string.h>

#include <glib.h>

#include <quotes.h>

#include "test-util.h"

#define SEED_LENGTH 2483

static char           *seed_text;
static glong           seed_chars;
static QuotesAnalysis *seed;

/* Reading the fixture ------------------------------------------------------- */

static const char *
fixtures_dir (void)
{
  const char *dir = g_getenv ("QUOTES_FIXTURES_DIR");

  if (dir != NULL && *dir != '\0')
    return dir;
#ifdef FIXTURES_DIR
  return FIXTURES_DIR;
#else
  return NULL;
#endif
}

/* The fixture between two code-point offsets. */
static char *
text_at (guint start,
         guint end)
{
  const char *from;
  const char *to;

  g_assert_cmpuint (start, <=, end);
  g_assert_cmpuint (end, <=, seed_chars);
  from = g_utf8_offset_to_pointer (seed_text, start);
  to = g_utf8_offset_to_pointer (from, end - start);
  return g_strndup (from, to - from);
}

/* A check of this test's own numbers: the fixture reads @words at @offset. */
static void
assert_fixture_reads (guint       offset,
                      const char *words)
{
  g_autofree char *at = text_at (offset, MIN (offset + g_utf8_strlen (words, -1), (guint) seed_chars));

  g_assert_cmpstr (at, ==, words);
}

/* A fact about the analysis: on failure, says which and goes on, so that one
 * run shows every wrong fact of the group. */
static void G_GNUC_PRINTF (2, 3)
fact (gboolean    ok,
      const char *format,
      ...)
{
  va_list args;
  g_autofree char *message = NULL;

  if (ok)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_test_message ("FAIL %s", message);
  g_test_fail_printf ("%s", message);
}

static GPtrArray *
quotes (void)
{
  return quotes_analysis_get_quotes (seed);
}

static GPtrArray *
entities (void)
{
  return quotes_analysis_get_entities (seed);
}

static GPtrArray *
posts (void)
{
  return quotes_analysis_get_posts (seed);
}

static QuotesEntity *
entity_by_id (gint id)
{
  if (id < 0 || (guint) id >= entities ()->len)
    return NULL;
  return g_ptr_array_index (entities (), id);
}

static const char *
name_of (gint id)
{
  QuotesEntity *entity = entity_by_id (id);

  if (id < 0)
    return "(none)";
  return entity != NULL ? quotes_entity_get_name (entity) : "(bad id)";
}

static QuotesPost *
post_by_id (gint id)
{
  if (id < 0 || (guint) id >= posts ()->len)
    return NULL;
  return g_ptr_array_index (posts (), id);
}

static char *
span_string (const QuotesSpan *span)
{
  if (span == NULL)
    return g_strdup ("(none)");
  return g_strdup_printf ("\"%s\" at %u", span->text ? span->text : "", span->start);
}

static char *
describe_quote (QuotesQuote *q)
{
  g_autofree char *cue = span_string (quotes_quote_get_cue (q));
  g_autofree char *source = span_string (quotes_quote_get_source (q));

  return g_strdup_printf ("%s [%u,%u) by %s cue %s source %s post %d",
                          quotes_quote_kind_to_string (quotes_quote_get_kind (q)),
                          quotes_quote_get_start (q), quotes_quote_get_end (q),
                          name_of (quotes_quote_get_speaker (q)), cue, source,
                          quotes_quote_get_post (q));
}

/* Spans that cover the same words -------------------------------------------- */

static gboolean
is_trimmed (gunichar c)
{
  if (c < 0x80)
    return c != 0 && (g_ascii_isspace (c) || strchr (",.;:!?\"'", c) != NULL);
  return g_unichar_isspace (c) || g_utf8_strchr ("“”„‟‘’‚‛«»‹›「」『』", -1, c) != NULL;
}

/* Narrows [start,end) past quote marks, spaces and ,.;:!? at both ends. */
static void
trim_span (guint *start,
           guint *end)
{
  while (*start < *end && is_trimmed (g_utf8_get_char (g_utf8_offset_to_pointer (seed_text, *start))))
    (*start)++;
  while (*end > *start && is_trimmed (g_utf8_get_char (g_utf8_offset_to_pointer (seed_text, *end - 1))))
    (*end)--;
}

static gboolean
covers_same_words (guint start,
                   guint end,
                   guint other_start,
                   guint other_end)
{
  if (end > seed_chars || other_end > seed_chars)
    return FALSE;
  trim_span (&start, &end);
  trim_span (&other_start, &other_end);
  return start == other_start && end == other_end;
}

static QuotesQuote *
quote_covering (guint start,
                guint end)
{
  for (guint i = 0; i < quotes ()->len; i++)
    {
      QuotesQuote *q = g_ptr_array_index (quotes (), i);

      if (covers_same_words (quotes_quote_get_start (q), quotes_quote_get_end (q), start, end))
        return q;
    }
  return NULL;
}

static gboolean
is_speech_in_marks (QuotesQuote *q)
{
  QuotesQuoteKind kind = quotes_quote_get_kind (q);

  return kind == QUOTES_QUOTE_KIND_DIRECT || kind == QUOTES_QUOTE_KIND_PARTIAL;
}

static gboolean
span_is (const QuotesSpan *span,
         const char       *text,
         guint             start)
{
  return span != NULL && span->start == start && g_strcmp0 (span->text, text) == 0;
}

static void
dump_quotes (void)
{
  for (guint i = 0; i < quotes ()->len; i++)
    {
      g_autofree char *s = describe_quote (g_ptr_array_index (quotes (), i));
      g_test_message ("  quote %u: %s", i, s);
    }
}

/* The five quotes in marks ---------------------------------------------------- */

typedef struct
{
  guint            start;
  guint            end;
  const char      *begins;      /* the fixture's words at start */
  QuotesQuoteKind  kind;
  const char      *cue;
  guint            cue_at;
  const char      *source;
  guint            source_at;
  const char      *speaker;
  gboolean         from_post;
} SeedQuote;

static const SeedQuote seed_quotes[] = {
  { 465, 491, "“coalition of the willing”", QUOTES_QUOTE_KIND_PARTIAL,
    "emphasized", 435, "Starmer", 427, "Keir Starmer", FALSE },
  { 510, 547, "“on the land, at sea, and in the sky”", QUOTES_QUOTE_KIND_PARTIAL,
    "emphasized", 435, "Starmer", 427, "Keir Starmer", FALSE },
  { 598, 709, "“We need to continue working", QUOTES_QUOTE_KIND_DIRECT,
    "stated", 720, "Zelenskiy", 710, "Volodymyr Zelenskiy", TRUE },
  { 1172, 1278, "“Peace will be more reliable", QUOTES_QUOTE_KIND_DIRECT,
    "added", 1282, "he", 1279, "Volodymyr Zelenskiy", TRUE },
  { 2288, 2376, "“A ceasefire could have already happened", QUOTES_QUOTE_KIND_DIRECT,
    "said", 2387, "Zelenskiy", 2377, "Volodymyr Zelenskiy", FALSE },
};

/* The one post: the @ZelenskyyUa post on X. */
static gint
zelenskiy_post (void)
{
  for (guint i = 0; i < posts ()->len; i++)
    if (g_strcmp0 (quotes_post_get_handle (g_ptr_array_index (posts (), i)), "@ZelenskyyUa") == 0)
      return i;
  return -1;
}

static void
check_span (const char       *what,
            const QuotesSpan *span,
            const char       *text,
            guint             start,
            const SeedQuote  *expected)
{
  g_autofree char *gave = span_string (span);

  fact (span_is (span, text, start), "%u %s…: expected %s \"%s\" at %u, got %s",
        expected->start, expected->begins, what, text, start, gave);
}

static void
check_seed_quote (const SeedQuote *expected)
{
  QuotesQuote *q;
  gint post;

  assert_fixture_reads (expected->start, expected->begins);
  assert_fixture_reads (expected->cue_at, expected->cue);
  assert_fixture_reads (expected->source_at, expected->source);

  q = quote_covering (expected->start, expected->end);
  fact (q != NULL, "no quote covers the words of %u–%u %s…", expected->start, expected->end, expected->begins);
  if (q == NULL)
    return;

  fact (quotes_quote_get_kind (q) == expected->kind, "%u %s…: kind %s, expected %s",
        expected->start, expected->begins, quotes_quote_kind_to_string (quotes_quote_get_kind (q)),
        quotes_quote_kind_to_string (expected->kind));
  check_span ("cue", quotes_quote_get_cue (q), expected->cue, expected->cue_at, expected);
  check_span ("source", quotes_quote_get_source (q), expected->source, expected->source_at, expected);
  fact (g_strcmp0 (name_of (quotes_quote_get_speaker (q)), expected->speaker) == 0,
        "%u %s…: speaker %s, expected %s", expected->start, expected->begins,
        name_of (quotes_quote_get_speaker (q)), expected->speaker);

  post = quotes_quote_get_post (q);
  if (expected->from_post)
    fact (post >= 0 && post == zelenskiy_post (), "%u %s…: expected a link to the @ZelenskyyUa post, got post %d",
          expected->start, expected->begins, post);
  else
    fact (post < 0, "%u %s…: expected no post, got post %d", expected->start, expected->begins, post);
}

static void
test_quotes (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (seed_quotes); i++)
    check_seed_quote (&seed_quotes[i]);
  if (g_test_failed ())
    dump_quotes ();
}

static gboolean
is_seed_quote (QuotesQuote *q)
{
  for (guint i = 0; i < G_N_ELEMENTS (seed_quotes); i++)
    if (covers_same_words (quotes_quote_get_start (q), quotes_quote_get_end (q),
                           seed_quotes[i].start, seed_quotes[i].end))
      return TRUE;
  return FALSE;
}

/* The "Also Read | ..." lines, as [start,end) of each line. */
static void
also_read_lines (guint *first_start, guint *first_end,
                 guint *second_start, guint *second_end)
{
  const char *first = strstr (seed_text, "Also Read | Protesters");
  const char *second = strstr (seed_text, "Also Read | Key");

  g_assert_nonnull (first);
  g_assert_nonnull (second);
  *first_start = g_utf8_pointer_to_offset (seed_text, first);
  *first_end = g_utf8_pointer_to_offset (seed_text, first + strcspn (first, "\n"));
  *second_start = g_utf8_pointer_to_offset (seed_text, second);
  *second_end = g_utf8_pointer_to_offset (seed_text, second + strcspn (second, "\n"));
}

static gboolean
overlaps (guint start, guint end,
          guint other_start, guint other_end)
{
  return start < other_end && other_start < end;
}

static gboolean
touches_also_read (guint start,
                   guint end)
{
  guint s1, e1, s2, e2;

  also_read_lines (&s1, &e1, &s2, &e2);
  return overlaps (start, end, s1, e1) || overlaps (start, end, s2, e2);
}

static void
test_no_other_speech (void)
{
  for (guint i = 0; i < quotes ()->len; i++)
    {
      QuotesQuote *q = g_ptr_array_index (quotes (), i);
      const QuotesSpan *source = quotes_quote_get_source (q);
      g_autofree char *s = describe_quote (q);

      if (is_speech_in_marks (q) && !is_seed_quote (q))
        fact (quotes_quote_get_speaker (q) < 0, "a quote in marks that is not one of the five has a speaker: %s", s);
      fact (!touches_also_read (quotes_quote_get_start (q), quotes_quote_get_end (q)),
            "a quote lies on an \"Also Read\" line: %s", s);
      fact (source == NULL || !touches_also_read (source->start, source->end),
            "a quote's source is on an \"Also Read\" line: %s", s);
    }
}

/* Reported speech ------------------------------------------------------------- */

static QuotesQuote *
indirect_with_cue_at (guint cue_at)
{
  for (guint i = 0; i < quotes ()->len; i++)
    {
      QuotesQuote *q = g_ptr_array_index (quotes (), i);
      const QuotesSpan *cue = quotes_quote_get_cue (q);

      if (quotes_quote_get_kind (q) == QUOTES_QUOTE_KIND_INDIRECT && cue != NULL && cue->start == cue_at)
        return q;
    }
  return NULL;
}

static void
check_indirect (guint       cue_at,
                const char *cue_word,
                const char *speaker)
{
  QuotesQuote *q;

  assert_fixture_reads (cue_at, cue_word);
  q = indirect_with_cue_at (cue_at);
  fact (q != NULL, "no indirect quote with its cue at %u (\"%s\")", cue_at, cue_word);
  if (q == NULL)
    return;
  fact (g_strcmp0 (name_of (quotes_quote_get_speaker (q)), speaker) == 0,
        "the indirect quote at \"%s\" (%u): speaker %s, expected %s",
        cue_word, cue_at, name_of (quotes_quote_get_speaker (q)), speaker);
}

static void
test_indirect (void)
{
  QuotesQuote *accused;

  check_indirect (50, "called on Kyiv’s Western allies", "Volodymyr Zelenskiy");
  check_indirect (1833, "stressed that Russia would continue fighting", "Vladimir Putin");
  check_indirect (1407, "advocated for a U.S. security backstop", "Keir Starmer");
  check_indirect (2144, "accused the Russian president", "Volodymyr Zelenskiy");

  assert_fixture_reads (2141, "He accused");
  accused = indirect_with_cue_at (2144);
  if (accused != NULL)
    fact (span_is (quotes_quote_get_source (accused), "He", 2141),
          "the indirect quote at \"accused\" (2144): expected source \"He\" at 2141");

  if (g_test_failed ())
    dump_quotes ();
}

/* Entities ------------------------------------------------------------------ */

static QuotesEntity *
find_entity (QuotesEntityType  type,
             const char       *name)
{
  QuotesEntity *found = NULL;
  guint n = 0;

  for (guint i = 0; i < entities ()->len; i++)
    {
      QuotesEntity *entity = g_ptr_array_index (entities (), i);

      if (quotes_entity_get_entity_type (entity) == type && g_strcmp0 (quotes_entity_get_name (entity), name) == 0)
        {
          found = found ? found : entity;
          n++;
        }
    }
  fact (n == 1, "expected one %s \"%s\", found %u", quotes_entity_type_to_string (type), name, n);
  return found;
}

static gboolean
has_mention_at (QuotesEntity *entity,
                guint         start)
{
  GPtrArray *mentions = quotes_entity_get_mentions (entity);

  for (guint i = 0; mentions != NULL && i < mentions->len; i++)
    if (((const QuotesSpan *) g_ptr_array_index (mentions, i))->start == start)
      return TRUE;
  return FALSE;
}

static gboolean
has_mention_text (QuotesEntity *entity,
                  const char   *text)
{
  GPtrArray *mentions = quotes_entity_get_mentions (entity);

  for (guint i = 0; mentions != NULL && i < mentions->len; i++)
    {
      const QuotesSpan *span = g_ptr_array_index (mentions, i);
      g_autofree char *at = NULL;

      if (span->end > seed_chars || span->start > span->end)
        continue;
      at = text_at (span->start, span->end);
      if (strcmp (at, text) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_alias (QuotesEntity *entity,
           const char   *alias)
{
  const char * const *aliases = quotes_entity_get_aliases (entity);

  return (aliases != NULL && g_strv_contains (aliases, alias)) || has_mention_text (entity, alias);
}

static QuotesEntity *
check_person (const char *name,
              const char *title)
{
  QuotesEntity *person = find_entity (QUOTES_ENTITY_TYPE_PERSON, name);

  if (person != NULL)
    fact (g_strcmp0 (quotes_entity_get_title (person), title) == 0, "%s: title \"%s\", expected \"%s\"",
          name, quotes_entity_get_title (person), title);
  return person;
}

static void
check_alias (QuotesEntity *entity,
             const char   *alias)
{
  fact (has_alias (entity, alias), "\"%s\" is neither an alias nor a mention of %s",
        alias, quotes_entity_get_name (entity));
}

static void
check_mention_at (QuotesEntity *entity,
                  guint         start,
                  const char   *words)
{
  assert_fixture_reads (start, words);
  fact (has_mention_at (entity, start), "\"%s\" at %u is not a mention of %s",
        words, start, quotes_entity_get_name (entity));
}

static void
check_not_entity (const char *word)
{
  g_assert_nonnull (strstr (seed_text, word));
  for (guint i = 0; i < entities ()->len; i++)
    {
      QuotesEntity *entity = g_ptr_array_index (entities (), i);

      fact (g_strcmp0 (quotes_entity_get_name (entity), word) != 0, "\"%s\" is an entity", word);
      fact (!has_mention_text (entity, word), "\"%s\" is a mention of %s", word, quotes_entity_get_name (entity));
    }
}

static void
test_entities (void)
{
  static const char *not_entities[] = {
    "Kyiv", "Ukraine", "Russia", "Moscow", "Europe", "U.S.", "Belgrade", "Serbia",
    "Pakistan", "Sindh", "Ukrainian", "Western", "European", "Meanwhile", "However",
    "Also Read", "X",
  };
  QuotesEntity *zelenskiy;
  QuotesEntity *putin;

  zelenskiy = check_person ("Volodymyr Zelenskiy", "Ukrainian President");
  check_person ("Keir Starmer", "British Prime Minister");
  putin = check_person ("Vladimir Putin", "Russian President");
  check_person ("Donald Trump", "former U.S. President");

  if (zelenskiy != NULL)
    {
      check_alias (zelenskiy, "Zelenskiy");
      assert_fixture_reads (224, "Zelenskiy’s appeal");
      fact (has_alias (zelenskiy, "Zelenskiy’s") || has_mention_at (zelenskiy, 224),
            "\"Zelenskiy’s\" (at 224) is neither an alias nor a mention of Volodymyr Zelenskiy");
      check_alias (zelenskiy, "Volodymyr Zelenskyy");
      check_alias (zelenskiy, "Володимир Зеленський");
      check_alias (zelenskiy, "@ZelenskyyUa");
      check_mention_at (zelenskiy, 379, "the Ukrainian president");
      check_mention_at (zelenskiy, 1279, "he added");
      check_mention_at (zelenskiy, 2141, "He accused");
      check_mention_at (zelenskiy, 763, "himself");
    }

  if (putin != NULL)
    check_mention_at (putin, 2152, "the Russian president");

  find_entity (QUOTES_ENTITY_TYPE_ORGANIZATION, "Lashkar-e-Taiba");

  for (guint i = 0; i < G_N_ELEMENTS (not_entities); i++)
    check_not_entity (not_entities[i]);
}

/* The post ---------------------------------------------------------------- */

static void
test_post (void)
{
  QuotesPost *post;
  const char *text;

  assert_fixture_reads (815, "We must define a clear position");
  assert_fixture_reads (1096, "\n— Volodymyr Zelenskyy");
  assert_fixture_reads (1167, "2025\n“Peace");

  fact (posts ()->len == 1, "expected one post, found %u", posts ()->len);
  post = post_by_id (zelenskiy_post ());
  fact (post != NULL, "no post with the handle @ZelenskyyUa");
  if (post == NULL)
    return;

  fact (quotes_post_get_platform (post) == QUOTES_PLATFORM_X, "platform %s, expected x",
        quotes_platform_to_string (quotes_post_get_platform (post)));
  fact (g_strcmp0 (quotes_post_get_author (post), "Volodymyr Zelenskyy / Володимир Зеленський") == 0,
        "author \"%s\", expected \"Volodymyr Zelenskyy / Володимир Зеленський\"", quotes_post_get_author (post));
  fact (g_strcmp0 (quotes_post_get_date (post), "2025-03-15") == 0, "date %s, expected 2025-03-15",
        quotes_post_get_date (post));
  fact (quotes_post_get_start (post) == 815, "the post starts at %u, expected 815", quotes_post_get_start (post));
  fact (quotes_post_get_end (post) == 1171, "the post ends at %u, expected 1171 (after the signature)",
        quotes_post_get_end (post));

  text = quotes_post_get_text (post);
  fact (text != NULL && g_str_has_prefix (text, "We must define a clear position on security guarantees.") &&
        g_str_has_suffix (text, "with European contingents on the…"),
        "the post's text is \"%s\", expected \"We must define a clear position ... on the…\"", text);

  fact (g_strcmp0 (name_of (quotes_post_get_speaker (post)), "Volodymyr Zelenskiy") == 0,
        "the post's speaker is %s, expected Volodymyr Zelenskiy", name_of (quotes_post_get_speaker (post)));
}

/* What the gedit panel shows ------------------------------------------------- */

/* Quotes in marks (direct, partial) or reported speech (indirect) of @speaker. */
static guint
count_quotes_of (const char *speaker,
                 gboolean    in_marks)
{
  guint n = 0;

  for (guint i = 0; i < quotes ()->len; i++)
    {
      QuotesQuote *q = g_ptr_array_index (quotes (), i);

      gboolean counted = in_marks ? is_speech_in_marks (q)
                                  : quotes_quote_get_kind (q) == QUOTES_QUOTE_KIND_INDIRECT;

      if (counted && g_strcmp0 (name_of (quotes_quote_get_speaker (q)), speaker) == 0)
        n++;
    }
  return n;
}

static void
test_gedit_view (void)
{
  guint zelenskiy = count_quotes_of ("Volodymyr Zelenskiy", TRUE);
  guint starmer = count_quotes_of ("Keir Starmer", TRUE);
  guint putin = count_quotes_of ("Vladimir Putin", FALSE);

  fact (zelenskiy == 3, "Volodymyr Zelenskiy has %u quotes in marks, expected 3", zelenskiy);
  fact (starmer == 2, "Keir Starmer has %u quotes in marks, expected 2", starmer);
  fact (putin >= 1, "Vladimir Putin has no reported speech");
}

/* Main ---------------------------------------------------------------------- */

static void
load_seed (void)
{
  const char *dir = fixtures_dir ();
  g_autofree char *path = NULL;
  g_autoptr(QuotesAnalyzer) analyzer = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    g_error ("set QUOTES_FIXTURES_DIR or build with -DFIXTURES_DIR=\"...\"");

  path = g_build_filename (dir, "seed-article.txt", NULL);
  if (!g_file_get_contents (path, &seed_text, NULL, &error))
    g_error ("%s", error->message);
  seed_chars = g_utf8_strlen (seed_text, -1);
  g_assert_cmpint (seed_chars, ==, SEED_LENGTH);

  analyzer = quotes_analyzer_new ();
  seed = quotes_analyzer_analyze (analyzer, seed_text, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (seed);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char **args = test_util_keep_going (&argc, argv);
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &args, NULL);
  load_seed ();

  g_test_add_func ("/Seed/quotes", test_quotes);
  g_test_add_func ("/Seed/no-other-speech", test_no_other_speech);
  g_test_add_func ("/Seed/indirect", test_indirect);
  g_test_add_func ("/Seed/entities", test_entities);
  g_test_add_func ("/Seed/post", test_post);
  g_test_add_func ("/Seed/gedit-view", test_gedit_view);

  status = g_test_run ();
  g_clear_object (&seed);
  g_free (seed_text);
  return status;
}
