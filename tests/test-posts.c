/* SPDX-License-Identifier: GPL-2.0-or-later */

#include "quotes-posts.h"

#include <string.h>

/* The sizes of the hostile inputs: large enough that anything quadratic
 * would take minutes, small enough to run in a blink under valgrind. */
#define HOSTILE_BYTES (1024 * 1024)

/* What every result must hold, whatever the input: sorted, apart, inside
 * the text, the text span inside the post, offsets on character starts. */
static void
check_invariants (const char *text,
                  gsize       length,
                  GArray     *posts)
{
  gsize previous_end = 0;

  for (guint i = 0; i < posts->len; i++)
    {
      const QuotesPostSpan *post = &g_array_index (posts, QuotesPostSpan, i);
      gsize offsets[] = { post->start, post->text_start, post->text_end, post->end };

      g_assert_cmpuint (post->start, >=, previous_end);
      g_assert_cmpuint (post->start, <, post->end);
      g_assert_cmpuint (post->start, <=, post->text_start);
      g_assert_cmpuint (post->text_start, <=, post->text_end);
      g_assert_cmpuint (post->text_end, <=, post->end);
      g_assert_cmpuint (post->end, <=, length);
      for (guint k = 0; k < G_N_ELEMENTS (offsets); k++)
        g_assert_true (offsets[k] == length || ((guchar) text[offsets[k]] & 0xc0) != 0x80);
      g_assert_true (post->date == NULL || strlen (post->date) == 10);
      g_assert_true (post->handle == NULL || post->handle[0] == '@');
      previous_end = post->end;
    }
}

static GArray *
find (const char *text)
{
  GArray *posts = quotes_posts_find (text, strlen (text));

  check_invariants (text, strlen (text), posts);
  return posts;
}

static const QuotesPostSpan *
nth_post (GArray *posts,
          guint   i)
{
  g_assert_cmpuint (i, <, posts->len);
  return &g_array_index (posts, QuotesPostSpan, i);
}

static gsize
offset_of (const char *text,
           const char *needle)
{
  const char *at = strstr (text, needle);

  g_assert_nonnull (at);
  return at - text;
}

static gsize
end_of (const char *text,
        const char *needle)
{
  return offset_of (text, needle) + strlen (needle);
}

static void
assert_no_posts (const char *text)
{
  g_autoptr(GArray) posts = find (text);

  if (posts->len > 0)
    g_test_message ("unexpected post in: %s", text);
  g_assert_cmpuint (posts->len, ==, 0);
}

/* @text holds @url once, and that URL alone is a post. */
static void
assert_url_post (const char     *text,
                 const char     *url,
                 QuotesPlatform  platform,
                 const char     *handle)
{
  g_autoptr(GArray) posts = find (text);
  const QuotesPostSpan *post;

  g_test_message ("URL: %s", url);
  g_assert_cmpuint (posts->len, ==, 1);
  post = nth_post (posts, 0);
  g_assert_cmpuint (post->start, ==, offset_of (text, url));
  g_assert_cmpuint (post->end, ==, end_of (text, url));
  g_assert_cmpuint (post->text_start, ==, post->text_end);
  g_assert_cmpint (post->platform, ==, platform);
  g_assert_cmpstr (post->handle, ==, handle);
  g_assert_cmpstr (post->url, ==, url);
  g_assert_null (post->author);
  g_assert_null (post->date);
}

/* Checks that @url is a post when it stands alone, in a sentence, and
 * without its scheme where the platform's own domain makes it safe. */
static void
assert_url_post_everywhere (const char     *url,
                            QuotesPlatform  platform,
                            const char     *handle)
{
  g_autofree char *in_sentence = g_strdup_printf ("He wrote it at %s yesterday.", url);

  assert_url_post (url, url, platform, handle);
  assert_url_post (in_sentence, url, platform, handle);
}

/* An embedded post whose signature is @signature: one post from the start
 * of @post_text to the end of @signature. */
static const QuotesPostSpan *
assert_embedded (GArray     *posts,
                 guint       i,
                 const char *text,
                 const char *post_text,
                 const char *signature)
{
  const QuotesPostSpan *post = nth_post (posts, i);

  if (post_text != NULL)
    {
      g_assert_cmpuint (post->text_start, ==, offset_of (text, post_text));
      g_assert_cmpuint (post->text_end, ==, end_of (text, post_text));
      g_assert_cmpuint (post->start, ==, post->text_start);
    }
  else
    {
      g_assert_cmpuint (post->start, ==, offset_of (text, signature));
      g_assert_cmpuint (post->text_start, ==, post->start);
      g_assert_cmpuint (post->text_end, ==, post->start);
    }
  g_assert_cmpuint (post->end, ==, end_of (text, signature));
  return post;
}

/* ---------------------------------------------------------------------------
 * The seed example
 * ------------------------------------------------------------------------- */

#define SEED_BEFORE \
  "“We need to continue working on the contingents that will form the " \
  "foundation of Europe’s future Armed Forces,” Zelenskiy stated in a post " \
  "on X, sharing an image of himself participating in the high-level discussion."
#define SEED_POST \
  "We must define a clear position on security guarantees. Security is key " \
  "to making peace reliable and lasting. We need to continue working on the " \
  "contingents that will form the foundation of Europe’s future Armed Forces. " \
  "Peace will be more reliable with European contingents on the…"
#define SEED_SIGNATURE \
  "— Volodymyr Zelenskyy / Володимир Зеленський (@ZelenskyyUa) March 15, 2025"
#define SEED_AFTER \
  "“Peace will be more reliable with European contingents on the ground and " \
  "the American side as a backstop,” he added, underscoring the need for a " \
  "firm Western presence to ensure long-term stability in the war-torn country."

static void
assert_seed_post (const char *text)
{
  g_autoptr(GArray) posts = find (text);
  const QuotesPostSpan *post;

  g_assert_cmpuint (posts->len, ==, 1);
  post = assert_embedded (posts, 0, text, SEED_POST, SEED_SIGNATURE);
  g_assert_cmpint (post->platform, ==, QUOTES_PLATFORM_X);
  g_assert_cmpstr (post->author, ==, "Volodymyr Zelenskyy / Володимир Зеленський");
  g_assert_cmpstr (post->handle, ==, "@ZelenskyyUa");
  g_assert_cmpstr (post->date, ==, "2025-03-15");
  g_assert_null (post->url);
}

static void
test_seed (void)
{
  assert_seed_post (SEED_BEFORE "\n" SEED_POST "\n" SEED_SIGNATURE "\n" SEED_AFTER);
}

static void
test_seed_crlf (void)
{
  assert_seed_post (SEED_BEFORE "\r\n" SEED_POST "\r\n" SEED_SIGNATURE "\r\n" SEED_AFTER "\r\n");
}

static void
test_seed_blank_lines (void)
{
  assert_seed_post (SEED_BEFORE "\n\n" SEED_POST "\n\n" SEED_SIGNATURE "\n\n" SEED_AFTER "\n");
}

/* The whole fixture article, checked in code points against what
 * tests/fixtures/seed-article.expected.md says. */
static void
test_seed_fixture (void)
{
  g_autofree char *dir = g_path_get_dirname (__FILE__);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GArray) posts = NULL;
  const QuotesPostSpan *post;
  gsize length;

  path = g_test_build_filename (G_TEST_DIST, "fixtures", "seed-article.txt", NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_free (path);
      path = g_build_filename (dir, "fixtures", "seed-article.txt", NULL);
    }
  if (!g_file_get_contents (path, &text, &length, NULL))
    {
      g_test_skip ("tests/fixtures/seed-article.txt not found");
      return;
    }

  posts = quotes_posts_find (text, length);
  check_invariants (text, length, posts);
  g_assert_cmpuint (posts->len, ==, 1);
  post = nth_post (posts, 0);
  g_assert_cmpint (g_utf8_pointer_to_offset (text, text + post->start), ==, 815);
  g_assert_cmpint (g_utf8_pointer_to_offset (text, text + post->text_start), ==, 815);
  g_assert_cmpint (g_utf8_pointer_to_offset (text, text + post->text_end), ==, 1096);
  g_assert_cmpint (g_utf8_pointer_to_offset (text, text + post->end), ==, 1171);
  g_assert_cmpstr (post->handle, ==, "@ZelenskyyUa");
  g_assert_cmpstr (post->date, ==, "2025-03-15");
}

/* ---------------------------------------------------------------------------
 * Signatures
 * ------------------------------------------------------------------------- */

static void
test_signature_dashes (void)
{
  static const char * const dashes[] = { "—", "–", "―", "--", "-", "—\u00a0", "—" };

  for (guint i = 0; i < G_N_ELEMENTS (dashes); i++)
    {
      g_autofree char *signature = g_strdup_printf ("%s Jane Doe (@janedoe) March 15, 2025", dashes[i]);
      g_autofree char *text = g_strdup_printf ("Before.\nHello world.\n%s\nAfter.", signature);
      g_autoptr(GArray) posts = find (text);
      const QuotesPostSpan *post;

      g_assert_cmpuint (posts->len, ==, 1);
      post = assert_embedded (posts, 0, text, "Hello world.", signature);
      g_assert_cmpstr (post->author, ==, "Jane Doe");
      g_assert_cmpstr (post->handle, ==, "@janedoe");
      g_assert_cmpint (post->platform, ==, QUOTES_PLATFORM_X);
      g_assert_cmpstr (post->date, ==, "2025-03-15");
    }
}

static void
test_signature_blank_line_between (void)
{
  const char *text = "Before.\n\nHello world.\n\n— Jane Doe (@janedoe) March 15, 2025\n\nAfter.";
  g_autoptr(GArray) posts = find (text);

  g_assert_cmpuint (posts->len, ==, 1);
  assert_embedded (posts, 0, text, "Hello world.", "— Jane Doe (@janedoe) March 15, 2025");
}

static void
test_signature_date_forms (void)
{
  static const struct
  {
    const char *tail;
    const char *date;
  } cases[] = {
    { "March 15, 2025", "2025-03-15" },
    { "Mar 15, 2025", "2025-03-15" },
    { "Mar. 15, 2025", "2025-03-15" },
    { "Sept. 1, 2024", "2024-09-01" },
    { "15 March 2025", "2025-03-15" },
    { "2025-03-15", "2025-03-15" },
    { "", NULL },
    { "March 15, 2025 at 10:05 AM", "2025-03-15" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("Hello world.\n— Jane Doe (@janedoe) %s\nAfter.", cases[i].tail);
      g_autoptr(GArray) posts = find (text);

      g_test_message ("tail: %s", cases[i].tail);
      g_assert_cmpuint (posts->len, ==, 1);
      g_assert_cmpstr (nth_post (posts, 0)->date, ==, cases[i].date);
      g_assert_cmpstr (nth_post (posts, 0)->handle, ==, "@janedoe");
    }
}

/* A date in another language is left unread, and the post still found. */
static void
test_signature_foreign_date (void)
{
  static const char * const signatures[] = {
    "— Володимир Зеленський (@ZelenskyyUa) 15 березня 2025 р.",
    "— Olaf Scholz (@Bundeskanzler) 15. März 2025",
    "— Jane Doe (@janedoe) 15 березня 2025 р. https://x.com/janedoe/status/20",
  };

  for (guint i = 0; i < G_N_ELEMENTS (signatures); i++)
    {
      g_autofree char *text = g_strdup_printf ("Текст допису.\n%s\nДалі.", signatures[i]);
      g_autoptr(GArray) posts = find (text);
      const QuotesPostSpan *post;

      g_test_message ("signature: %s", signatures[i]);
      g_assert_cmpuint (posts->len, ==, 1);
      post = assert_embedded (posts, 0, text, "Текст допису.", signatures[i]);
      g_assert_null (post->date);
      g_assert_cmpint (post->platform, ==, QUOTES_PLATFORM_X);
    }

  /* running text with a date is still running text */
  assert_no_posts ("Before.\n— Smith (@jsmith) said on 15 March 2025 that it failed.\n");
  assert_no_posts ("Before.\n— Smith (@jsmith) заявив 15 березня 2025 року, що переговори провалилися.\n");
  assert_no_posts ("Before.\n— Smith (@jsmith) 15 16 березня 2025\n");
  assert_no_posts ("Before.\n— Smith (@jsmith) 15 березня 2025 року сказав\n");
}

static void
test_signature_url_on_line (void)
{
  const char *signature = "— Jane Doe (@janedoe) March 15, 2025 https://twitter.com/janedoe/status/1234567890";
  g_autofree char *text = g_strdup_printf ("Hello world.\n%s\nAfter.", signature);
  g_autoptr(GArray) posts = find (text);
  const QuotesPostSpan *post;

  g_assert_cmpuint (posts->len, ==, 1);
  post = assert_embedded (posts, 0, text, "Hello world.", signature);
  g_assert_cmpstr (post->url, ==, "https://twitter.com/janedoe/status/1234567890");
  g_assert_cmpstr (post->date, ==, "2025-03-15");
  g_assert_cmpint (post->platform, ==, QUOTES_PLATFORM_X);
}

static void
test_signature_pic_twitter (void)
{
  const char *post_text = "Our team at work today. pic.twitter.com/AbC123xyz";
  const char *signature = "— Jane Doe (@janedoe) Mar 15, 2025 pic.twitter.com/AbC123xyz";
  g_autofree char *text = g_strdup_printf ("%s\n%s\n", post_text, signature);
  g_autoptr(GArray) posts = find (text);
  const QuotesPostSpan *post;

  g_assert_cmpuint (posts->len, ==, 1);
  post = assert_embedded (posts, 0, text, post_text, signature);
  g_assert_null (post->url);
  g_assert_cmpstr (post->date, ==, "2025-03-15");
}

static void
test_signature_url_next_line (void)
{
  const char *text =
    "Hello world.\n"
    "— Jane Doe (@janedoe) March 15, 2025\n"
    "  https://x.com/janedoe/status/1900000000000000000\n"
    "After.";
  g_autoptr(GArray) posts = find (text);
  const QuotesPostSpan *post;

  g_assert_cmpuint (posts->len, ==, 1);
  post = assert_embedded (posts, 0, text, "Hello world.", "https://x.com/janedoe/status/1900000000000000000");
  g_assert_cmpstr (post->url, ==, "https://x.com/janedoe/status/1900000000000000000");
  g_assert_cmpstr (post->handle, ==, "@janedoe");
}

static void
test_signature_url_next_line_other_platform (void)
{
  const char *text =
    "Hello world.\n"
    "— Jane Doe (@janedoe) March 15, 2025\n"
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ\n";
  g_autoptr(GArray) posts = find (text);

  g_assert_cmpuint (posts->len, ==, 2);
  assert_embedded (posts, 0, text, "Hello world.", "— Jane Doe (@janedoe) March 15, 2025");
  g_assert_null (nth_post (posts, 0)->url);
  g_assert_cmpint (nth_post (posts, 1)->platform, ==, QUOTES_PLATFORM_YOUTUBE);
}

/* The link below a signature joins it only when it names the same account,
 * or names none and comes from the same platform. */
static void
test_signature_url_next_line_fits (void)
{
  const char *threads =
    "Hello Threads.\n"
    "— Jane Doe (@janedoe) March 15, 2025\n"
    "https://www.threads.net/@janedoe/post/C4abc\n";
  const char *other_account =
    "Hello world.\n"
    "— Jane Doe (@janedoe) March 15, 2025\n"
    "https://x.com/johnroe/status/20\n";
  const char *instagram =
    "Sunset.\n"
    "A post shared by Jane Doe (@janedoe) on Mar 15, 2025\n"
    "https://www.instagram.com/p/C4xYz12ab/\n";
  g_autoptr(GArray) posts = find (threads);
  g_autoptr(GArray) posts2 = find (other_account);
  g_autoptr(GArray) posts3 = find (instagram);

  g_assert_cmpuint (posts->len, ==, 1);
  assert_embedded (posts, 0, threads, "Hello Threads.", "https://www.threads.net/@janedoe/post/C4abc");
  g_assert_cmpint (nth_post (posts, 0)->platform, ==, QUOTES_PLATFORM_THREADS);

  g_assert_cmpuint (posts2->len, ==, 2);
  g_assert_null (nth_post (posts2, 0)->url);
  g_assert_cmpstr (nth_post (posts2, 1)->handle, ==, "@johnroe");

  g_assert_cmpuint (posts3->len, ==, 1);
  assert_embedded (posts3, 0, instagram, "Sunset.", "https://www.instagram.com/p/C4xYz12ab/");
  g_assert_cmpstr (nth_post (posts3, 0)->url, ==, "https://www.instagram.com/p/C4xYz12ab/");
  g_assert_cmpstr (nth_post (posts3, 0)->handle, ==, "@janedoe");
  g_assert_cmpint (nth_post (posts3, 0)->platform, ==, QUOTES_PLATFORM_INSTAGRAM);
}

static void
test_signature_bluesky (void)
{
  const char *text =
    "Good morning, Bluesky.\n"
    "— Jane Doe (@janedoe.bsky.social) March 15, 2025 at 9:41 AM\n";
  g_autoptr(GArray) posts = find (text);
  const QuotesPostSpan *post;

  g_assert_cmpuint (posts->len, ==, 1);
  post = assert_embedded (posts, 0, text, "Good morning, Bluesky.",
                          "— Jane Doe (@janedoe.bsky.social) March 15, 2025 at 9:41 AM");
  g_assert_cmpint (post->platform, ==, QUOTES_PLATFORM_BLUESKY);
  g_assert_cmpstr (post->handle, ==, "@janedoe.bsky.social");
}

static void
test_signature_mastodon (void)
{
  const char *text =
    "Toot toot.\n"
    "— Jane Doe (@jane@mastodon.social) 2025-03-15\n";
  g_autoptr(GArray) posts = find (text);
  const QuotesPostSpan *post;

  g_assert_cmpuint (posts->len, ==, 1);
  post = assert_embedded (posts, 0, text, "Toot toot.", "— Jane Doe (@jane@mastodon.social) 2025-03-15");
  g_assert_cmpint (post->platform, ==, QUOTES_PLATFORM_MASTODON);
  g_assert_cmpstr (post->handle, ==, "@jane@mastodon.social");
  g_assert_cmpstr (post->date, ==, "2025-03-15");
}

static void
test_signature_instagram (void)
{
  const char *signature = "A post shared by Jane Doe (@janedoe) on Mar 15, 2025 at 10:05am PDT";
  g_autofree char *text = g_strdup_printf ("The minister posted a photo.\n\nSunset over Kyiv.\n%s\n\nAfter.", signature);
  g_autoptr(GArray) posts = find (text);
  const QuotesPostSpan *post;

  g_assert_cmpuint (posts->len, ==, 1);
  post = assert_embedded (posts, 0, text, "Sunset over Kyiv.", signature);
  g_assert_cmpint (post->platform, ==, QUOTES_PLATFORM_INSTAGRAM);
  g_assert_cmpstr (post->author, ==, "Jane Doe");
  g_assert_cmpstr (post->handle, ==, "@janedoe");
  g_assert_cmpstr (post->date, ==, "2025-03-15");
}

static void
test_signature_instagram_no_text (void)
{
  const char *signature = "A post shared by Jane Doe (@jane.doe)";
  g_autofree char *text = g_strdup_printf ("%s\n\nAfter.", signature);
  g_autoptr(GArray) posts = find (text);
  const QuotesPostSpan *post;

  g_assert_cmpuint (posts->len, ==, 1);
  post = assert_embedded (posts, 0, text, NULL, signature);
  g_assert_cmpint (post->platform, ==, QUOTES_PLATFORM_INSTAGRAM);
  g_assert_cmpstr (post->handle, ==, "@jane.doe");
  g_assert_null (post->date);

  /* a blank line above and nothing before it */
  {
    const char *text2 = "\n\nA post shared by @janedoe on 15 March 2025\n";
    g_autoptr(GArray) posts2 = find (text2);

    g_assert_cmpuint (posts2->len, ==, 1);
    post = assert_embedded (posts2, 0, text2, NULL, "A post shared by @janedoe on 15 March 2025");
    g_assert_null (post->author);
    g_assert_cmpstr (post->handle, ==, "@janedoe");
    g_assert_cmpstr (post->date, ==, "2025-03-15");
  }
}

static void
test_signature_facebook (void)
{
  const char *text =
    "Today we signed the agreement.\n"
    "Posted by The White House on Tuesday, March 15, 2025\n"
    "\n"
    "Thank you all!\n"
    "Posted by Jane Doe (@janedoe) on March 16, 2025\n";
  g_autoptr(GArray) posts = find (text);
  const QuotesPostSpan *post;

  g_assert_cmpuint (posts->len, ==, 2);
  post = assert_embedded (posts, 0, text, "Today we signed the agreement.",
                          "Posted by The White House on Tuesday, March 15, 2025");
  g_assert_cmpint (post->platform, ==, QUOTES_PLATFORM_FACEBOOK);
  g_assert_cmpstr (post->author, ==, "The White House");
  g_assert_null (post->handle);
  g_assert_cmpstr (post->date, ==, "2025-03-15");

  post = assert_embedded (posts, 1, text, "Thank you all!", "Posted by Jane Doe (@janedoe) on March 16, 2025");
  g_assert_cmpint (post->platform, ==, QUOTES_PLATFORM_FACEBOOK);
  g_assert_cmpstr (post->handle, ==, "@janedoe");
}

/* Where paragraphs are parted by blank lines, a post with line breaks is
 * taken whole. */
static void
test_signature_multi_line_post (void)
{
  const char *text =
    "An earlier paragraph.\n"
    "\n"
    "First line of the post.\n"
    "Second line of the post.\n"
    "Third line of the post.\n"
    "— Jane Doe (@janedoe) March 15, 2025\n"
    "\n"
    "A later paragraph.\n";
  g_autoptr(GArray) posts = find (text);

  g_assert_cmpuint (posts->len, ==, 1);
  assert_embedded (posts, 0, text,
                   "First line of the post.\nSecond line of the post.\nThird line of the post.",
                   "— Jane Doe (@janedoe) March 15, 2025");
}

/* Where each line is a paragraph, only the one above is the post. */
static void
test_signature_one_line_paragraphs (void)
{
  const char *text =
    "Title\n"
    "\n"
    "A first paragraph.\n"
    "A second paragraph.\n"
    "The post.\n"
    "— Jane Doe (@janedoe) March 15, 2025\n"
    "A paragraph after.\n";
  g_autoptr(GArray) posts = find (text);

  g_assert_cmpuint (posts->len, ==, 1);
  assert_embedded (posts, 0, text, "The post.", "— Jane Doe (@janedoe) March 15, 2025");
}

/* A run of lines longer than a post is no post paragraph. */
static void
test_signature_long_run (void)
{
  g_autoptr(GString) text = g_string_new ("\n");
  g_autoptr(GArray) posts = NULL;

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (text, "Line %u of a long paragraph.\n", i);
  g_string_append (text, "— Jane Doe (@janedoe) March 15, 2025\n\n");
  posts = find (text->str);
  g_assert_cmpuint (posts->len, ==, 1);
  assert_embedded (posts, 0, text->str, "Line 39 of a long paragraph.", "— Jane Doe (@janedoe) March 15, 2025");
}

static void
test_signature_two_in_a_row (void)
{
  const char *text =
    "First post.\n"
    "— Jane Doe (@janedoe) March 15, 2025\n"
    "— John Roe (@johnroe) March 16, 2025\n"
    "Third post.\n"
    "— Jane Doe (@janedoe) March 17, 2025\n";
  g_autoptr(GArray) posts = find (text);

  g_assert_cmpuint (posts->len, ==, 3);
  assert_embedded (posts, 0, text, "First post.", "— Jane Doe (@janedoe) March 15, 2025");
  assert_embedded (posts, 1, text, NULL, "— John Roe (@johnroe) March 16, 2025");
  assert_embedded (posts, 2, text, "Third post.", "— Jane Doe (@janedoe) March 17, 2025");
  g_assert_cmpstr (nth_post (posts, 1)->handle, ==, "@johnroe");
}

static void
test_signature_at_start (void)
{
  const char *text = "— Jane Doe (@janedoe) March 15, 2025";
  g_autoptr(GArray) posts = find (text);

  g_assert_cmpuint (posts->len, ==, 1);
  assert_embedded (posts, 0, text, NULL, text);
}

/* ---------------------------------------------------------------------------
 * Signatures inside a line
 * ------------------------------------------------------------------------- */

static void
test_inline_after_text (void)
{
  const char *text =
    "Before.\n"
    "The bridge is open again. — Jane Doe (@janedoe) March 15, 2025\n"
    "After.\n";
  g_autoptr(GArray) posts = find (text);
  const QuotesPostSpan *post;

  g_assert_cmpuint (posts->len, ==, 1);
  post = assert_embedded (posts, 0, text, "The bridge is open again.", "— Jane Doe (@janedoe) March 15, 2025");
  g_assert_cmpstr (post->author, ==, "Jane Doe");
  g_assert_cmpstr (post->handle, ==, "@janedoe");
  g_assert_cmpstr (post->date, ==, "2025-03-15");
}

/* Glued to the post's picture link, which stays in the post's text */
static void
test_inline_glued_to_link (void)
{
  const char *text = "New album out now pic.twitter.com/Ab3xYz9Qw1— Some Band (@someband) 2 May 2024.\n";
  g_autoptr(GArray) posts = find (text);

  g_assert_cmpuint (posts->len, ==, 1);
  assert_embedded (posts, 0, text, "New album out now pic.twitter.com/Ab3xYz9Qw1",
                   "— Some Band (@someband) 2 May 2024.");
  g_assert_cmpstr (nth_post (posts, 0)->date, ==, "2024-05-02");
}

/* The line goes on after the signature; a second signature on the line
 * takes only the text since the first. */
static void
test_inline_two_on_a_line (void)
{
  const char *text =
    "Yes. – Jane Doe (@janedoe) March 15, 2025 No. -- John Roe (@johnroe) March 16, 2025 More text.\n";
  g_autoptr(GArray) posts = find (text);

  g_assert_cmpuint (posts->len, ==, 2);
  assert_embedded (posts, 0, text, "Yes.", "– Jane Doe (@janedoe) March 15, 2025");
  assert_embedded (posts, 1, text, "No.", "-- John Roe (@johnroe) March 16, 2025");
}

/* A markup tag that opens the line is no part of the post's text. */
static void
test_inline_after_tag (void)
{
  const char *text = "<blockquote class=\"post\">All good here. — Jane Doe (@janedoe) March 15, 2025</blockquote>\n";
  g_autoptr(GArray) posts = find (text);

  g_assert_cmpuint (posts->len, ==, 1);
  assert_embedded (posts, 0, text, "All good here.", "— Jane Doe (@janedoe) March 15, 2025");
}

/* ---------------------------------------------------------------------------
 * Embeds kept as markup elements
 * ------------------------------------------------------------------------- */

/* An element with its text: a post of X whose attributes give the handle,
 * the date and the id. */
static void
test_markup_with_text (void)
{
  const char *text = "Before.\n"
                     "<tweet author=\"@janedoe\" datetime=\"2016-06-29\" id=\"747986907162877952\">The bridge is open.</tweet>\n"
                     "After.\n";
  g_autoptr(GArray) posts = find (text);
  const QuotesPostSpan *post;

  g_assert_cmpuint (posts->len, ==, 1);
  post = nth_post (posts, 0);
  g_assert_cmpuint (post->start, ==, offset_of (text, "<tweet"));
  g_assert_cmpuint (post->end, ==, end_of (text, "</tweet>"));
  g_assert_cmpuint (post->text_start, ==, offset_of (text, "The bridge is open."));
  g_assert_cmpuint (post->text_end, ==, end_of (text, "The bridge is open."));
  g_assert_cmpint (post->platform, ==, QUOTES_PLATFORM_X);
  g_assert_cmpstr (post->handle, ==, "@janedoe");
  g_assert_cmpstr (post->date, ==, "2016-06-29");
  g_assert_cmpstr (post->url, ==, "https://x.com/i/web/status/747986907162877952");
}

/* An empty element with nothing but its id, closed the way some copies
 * close it; a time stamp for a date, a handle without "@"; an author that
 * is no handle and a date that is none are left out. */
static void
test_markup_attributes (void)
{
  const char *text = "<tweet tweet-id=\"783499116076687360\"><tweet/>\n"
                     "<tweet author=\"carlquintanilla\" timestamp=\"1474387200\">The blue arrow.</tweet>\n"
                     "<tweet tweet-author=\" that the rate is off\" tweet-date=\"that the rate is off.\">Words<tweet/>\n";
  g_autoptr(GArray) posts = find (text);

  g_assert_cmpuint (posts->len, ==, 3);
  g_assert_null (nth_post (posts, 0)->handle);
  g_assert_null (nth_post (posts, 0)->date);
  g_assert_cmpuint (nth_post (posts, 0)->end, ==, end_of (text, "<tweet/>"));
  g_assert_cmpuint (nth_post (posts, 0)->text_start, ==, nth_post (posts, 0)->text_end);
  g_assert_cmpstr (nth_post (posts, 0)->url, ==, "https://x.com/i/web/status/783499116076687360");
  g_assert_cmpstr (nth_post (posts, 1)->handle, ==, "@carlquintanilla");
  g_assert_cmpstr (nth_post (posts, 1)->date, ==, "2016-09-20");
  g_assert_null (nth_post (posts, 2)->handle);
  g_assert_null (nth_post (posts, 2)->date);
  g_assert_null (nth_post (posts, 2)->url);
  g_assert_cmpuint (nth_post (posts, 2)->text_start, ==, offset_of (text, "Words"));
}

/* Only an element named tweet that opens its line; an unclosed tag or an
 * attribute without quotes spoils nothing. */
static void
test_markup_not_posts (void)
{
  assert_no_posts ("The <tweets> tag is not one.\n<tweeter id=\"1\">No.</tweeter>\n");
  assert_no_posts ("He wrote <tweet id=\"123\">inside a sentence</tweet>.\n");
  assert_no_posts ("<tweet id=\"123\"\n");
}

/* Dashes in prose around a handle make no post without a date after it,
 * and a lone hyphen opens no signature inside a line. */
static void
test_not_post_inline_prose (void)
{
  assert_no_posts ("The mayor — Jane Doe (@janedoe) — said the bridge would reopen on March 15, 2025.\n");
  assert_no_posts ("Her deputy – John Roe (@johnroe) on X – disagreed.\n");
  assert_no_posts ("A well-known critic, Jean-Pierre Roe (@jproe) March 15, 2025, wrote it.\n");
  assert_no_posts ("It is over — (@janedoe) March 15, 2025\n");
  assert_no_posts ("Smith — Jones (@jjones March 15, 2025\n");
  assert_no_posts ("He was replaced — Jo Roe (@jroe) March 3, 2016, took over the desk.\n");
}

/* ---------------------------------------------------------------------------
 * What is not an embedded post
 * ------------------------------------------------------------------------- */

static void
test_not_post_running_text (void)
{
  assert_no_posts ("Smith (@jsmith) said on Monday that the talks had failed.");
  assert_no_posts ("Earlier.\nSmith (@jsmith) March 15, 2025\nLater.");
  assert_no_posts ("The account (@ZelenskyyUa) posted on March 15, 2025.");
  assert_no_posts ("He wrote to jane@example.com/about on x.com.");
}

static void
test_not_post_list_item (void)
{
  assert_no_posts ("Speakers:\n- Smith (@jsmith) said on Monday that the talks had failed.\n"
                   "— Jones (@jjones) answered that they had not.\n");
  assert_no_posts ("Posted by Jane Doe in Politics\n");
  assert_no_posts ("A post shared by many people on Monday\n");
  assert_no_posts ("— Jane Doe (@) March 15, 2025\n");
  assert_no_posts ("— Jane Doe (@janedoe March 15, 2025\n");
}

static void
test_not_post_dash_lines (void)
{
  assert_no_posts ("Above\n-\n--\n---\n----------------------------------------\n—\n— — —\n–\nBelow\n");
}

/* ---------------------------------------------------------------------------
 * Post URLs
 * ------------------------------------------------------------------------- */

static void
test_url_x (void)
{
  assert_url_post_everywhere ("https://twitter.com/ZelenskyyUa/status/1900907645489971236",
                              QUOTES_PLATFORM_X, "@ZelenskyyUa");
  assert_url_post_everywhere ("https://x.com/ZelenskyyUa/status/1900907645489971236",
                              QUOTES_PLATFORM_X, "@ZelenskyyUa");
  assert_url_post_everywhere ("http://mobile.twitter.com/jack/status/20", QUOTES_PLATFORM_X, "@jack");
  assert_url_post_everywhere ("https://www.twitter.com/jack/status/20?s=20&t=abc", QUOTES_PLATFORM_X, "@jack");
  assert_url_post_everywhere ("x.com/jack/status/20", QUOTES_PLATFORM_X, "@jack");
  assert_url_post_everywhere ("twitter.com/jack/status/20/photo/1", QUOTES_PLATFORM_X, "@jack");
  assert_url_post_everywhere ("https://x.com/i/web/status/20", QUOTES_PLATFORM_X, NULL);
  assert_url_post_everywhere ("HTTPS://X.COM/jack/status/20", QUOTES_PLATFORM_X, "@jack");
}

static void
test_url_bluesky (void)
{
  assert_url_post_everywhere ("https://bsky.app/profile/name.bsky.social/post/3lkfnhqvsw22c",
                              QUOTES_PLATFORM_BLUESKY, "@name.bsky.social");
  assert_url_post_everywhere ("bsky.app/profile/nytimes.com/post/3lkfnhqvsw22c",
                              QUOTES_PLATFORM_BLUESKY, "@nytimes.com");
  assert_url_post_everywhere ("https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur/post/3lkfnhqvsw22c",
                              QUOTES_PLATFORM_BLUESKY, NULL);
}

static void
test_url_mastodon (void)
{
  assert_url_post_everywhere ("https://mastodon.social/@Gargron/113000000000000000",
                              QUOTES_PLATFORM_MASTODON, "@Gargron@mastodon.social");
  assert_url_post_everywhere ("https://social.example.org/@jane@other.example/42",
                              QUOTES_PLATFORM_MASTODON, "@jane@other.example");
  assert_url_post_everywhere ("https://fosstodon.org/users/jane/statuses/42",
                              QUOTES_PLATFORM_MASTODON, "@jane@fosstodon.org");
  /* The shape alone is weak: a bare host or a non-numeric id is no post */
  assert_no_posts ("See mastodon.social/@Gargron/113000000000000000 for more.");
  assert_no_posts ("See https://mastodon.social/@Gargron for more.");
  assert_no_posts ("See https://example.org/@team/about for more.");
}

static void
test_url_threads (void)
{
  assert_url_post_everywhere ("https://www.threads.net/@zuck/post/C4abcDEF123",
                              QUOTES_PLATFORM_THREADS, "@zuck");
  assert_url_post_everywhere ("https://www.threads.com/@jane.doe/post/C4abc_DEF-123",
                              QUOTES_PLATFORM_THREADS, "@jane.doe");
}

static void
test_url_facebook (void)
{
  assert_url_post_everywhere ("https://www.facebook.com/WhiteHouse/posts/pfbid02abcDEF",
                              QUOTES_PLATFORM_FACEBOOK, "@WhiteHouse");
  assert_url_post_everywhere ("https://m.facebook.com/jane.doe/videos/1234567890/",
                              QUOTES_PLATFORM_FACEBOOK, "@jane.doe");
  assert_url_post_everywhere ("https://www.facebook.com/permalink.php?story_fbid=123&id=456",
                              QUOTES_PLATFORM_FACEBOOK, NULL);
  assert_url_post_everywhere ("https://www.facebook.com/story.php?story_fbid=123&amp;id=456",
                              QUOTES_PLATFORM_FACEBOOK, NULL);
  assert_url_post_everywhere ("https://www.facebook.com/watch/?v=1234567890",
                              QUOTES_PLATFORM_FACEBOOK, NULL);
  assert_url_post_everywhere ("https://fb.watch/aBcD12-xy/", QUOTES_PLATFORM_FACEBOOK, NULL);
  assert_url_post_everywhere ("https://www.facebook.com/groups/1234/posts/5678/",
                              QUOTES_PLATFORM_FACEBOOK, NULL);
  assert_url_post_everywhere ("https://www.facebook.com/share/p/1AbCdEf/",
                              QUOTES_PLATFORM_FACEBOOK, NULL);
  assert_no_posts ("Follow https://www.facebook.com/WhiteHouse and https://www.facebook.com/ too.");
  assert_no_posts ("https://www.facebook.com/permalink.php and https://www.facebook.com/watch/");
}

static void
test_url_instagram (void)
{
  assert_url_post_everywhere ("https://www.instagram.com/p/C4xYz_12-ab/", QUOTES_PLATFORM_INSTAGRAM, NULL);
  assert_url_post_everywhere ("https://www.instagram.com/reel/C4xYz12ab", QUOTES_PLATFORM_INSTAGRAM, NULL);
  assert_url_post_everywhere ("https://instagram.com/jane.doe/p/C4xYz12ab/?img_index=1",
                              QUOTES_PLATFORM_INSTAGRAM, "@jane.doe");
  assert_no_posts ("Her page is https://www.instagram.com/jane.doe/ now.");
}

static void
test_url_telegram (void)
{
  assert_url_post_everywhere ("https://t.me/V_Zelenskiy_official/13452", QUOTES_PLATFORM_TELEGRAM,
                              "@V_Zelenskiy_official");
  assert_url_post_everywhere ("t.me/durov/321", QUOTES_PLATFORM_TELEGRAM, "@durov");
  assert_url_post_everywhere ("https://t.me/s/durov/321", QUOTES_PLATFORM_TELEGRAM, "@durov");
  assert_url_post_everywhere ("https://t.me/c/1234567/89", QUOTES_PLATFORM_TELEGRAM, NULL);
  assert_no_posts ("Join t.me/durov or https://t.me/durov/about today.");
}

static void
test_url_youtube (void)
{
  assert_url_post_everywhere ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", QUOTES_PLATFORM_YOUTUBE, NULL);
  assert_url_post_everywhere ("https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ",
                              QUOTES_PLATFORM_YOUTUBE, NULL);
  assert_url_post_everywhere ("https://youtu.be/dQw4w9WgXcQ?t=42", QUOTES_PLATFORM_YOUTUBE, NULL);
  assert_url_post_everywhere ("youtu.be/dQw4w9WgXcQ", QUOTES_PLATFORM_YOUTUBE, NULL);
  assert_url_post_everywhere ("https://www.youtube.com/shorts/abcDEF12345", QUOTES_PLATFORM_YOUTUBE, NULL);
  assert_url_post_everywhere ("https://www.youtube.com/@WhiteHouse/shorts/abcDEF12345",
                              QUOTES_PLATFORM_YOUTUBE, "@WhiteHouse");
  assert_no_posts ("Subscribe at https://www.youtube.com/@WhiteHouse or https://www.youtube.com/@WhiteHouse/videos.");
  assert_no_posts ("https://www.youtube.com/watch and https://youtube.com/");
}

static void
test_url_tiktok (void)
{
  assert_url_post_everywhere ("https://www.tiktok.com/@scout2015/video/6718335390845095173",
                              QUOTES_PLATFORM_TIKTOK, "@scout2015");
  assert_url_post_everywhere ("https://vm.tiktok.com/ZMabc123/", QUOTES_PLATFORM_TIKTOK, NULL);
  assert_no_posts ("Her profile https://www.tiktok.com/@scout2015 has it.");
}

static void
test_url_linkedin (void)
{
  assert_url_post_everywhere ("https://www.linkedin.com/posts/satyanadella_ai-copilot-activity-7170000000000000000-AbCd",
                              QUOTES_PLATFORM_LINKEDIN, "@satyanadella");
  assert_url_post_everywhere ("https://www.linkedin.com/feed/update/urn:li:activity:7170000000000000000/",
                              QUOTES_PLATFORM_LINKEDIN, NULL);
  assert_no_posts ("Connect on https://www.linkedin.com/in/satyanadella/ today.");
}

/* A URL ends at white space, a closing bracket or quote, or punctuation
 * that ends the sentence; brackets that open in the URL stay. */
static void
test_url_punctuation (void)
{
  static const char * const texts[] = {
    "He wrote (https://x.com/jack/status/20).",
    "He wrote https://x.com/jack/status/20, then left.",
    "Did he write https://x.com/jack/status/20?",
    "He wrote “https://x.com/jack/status/20”.",
    "He wrote «https://x.com/jack/status/20»!",
    "He wrote \"https://x.com/jack/status/20\";",
    "He wrote <https://x.com/jack/status/20>:",
    "He wrote [https://x.com/jack/status/20]",
    "He wrote https://x.com/jack/status/20…",
    "He wrote https://x.com/jack/status/20—and left.",
    "<a href='https://x.com/jack/status/20'>link</a>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_url_post (texts[i], "https://x.com/jack/status/20", QUOTES_PLATFORM_X, "@jack");

  assert_url_post ("See https://www.facebook.com/watch/?v=1(2) now.", "https://www.facebook.com/watch/?v=1(2)",
                   QUOTES_PLATFORM_FACEBOOK, NULL);
}

static void
test_url_not_posts (void)
{
  assert_no_posts ("Follow twitter.com/jack and https://x.com/jack on X.");
  assert_no_posts ("Visit https://x.com/ or https://www.twitter.com or https://bsky.app/profile/jack.bsky.social.");
  assert_no_posts ("See ftp://x.com/jack/status/20 and box.com/jack/status/20 and fox.x.com/jack/status/20.");
  assert_no_posts ("A path: /var/x.com/jack/status/20 and a query ?u=x.com/jack/status/20.");
  assert_no_posts ("Mail jack@x.com/jack/status/20 is no link.");
  assert_no_posts ("https://x.com/jack/status/abc https://x.com/jack/likes/20 https://x.com/jack/status/");
  assert_no_posts ("pic.twitter.com/AbC123 https://t.co/AbC123 https://example.com/@jack/status/20");
  assert_no_posts ("https:// http://x.com x.com/ /x.com/jack/status/20 https://.com/a/status/1");
}

static void
test_url_in_embedded_text (void)
{
  const char *post_text = "As I said in https://x.com/janedoe/status/1 and t.me/janedoe/2: no.";
  const char *signature = "— Jane Doe (@janedoe) March 15, 2025";
  g_autofree char *text = g_strdup_printf ("%s\n%s\n", post_text, signature);
  g_autoptr(GArray) posts = find (text);

  g_assert_cmpuint (posts->len, ==, 1);
  assert_embedded (posts, 0, text, post_text, signature);
  g_assert_null (nth_post (posts, 0)->url);
}

static void
test_url_and_embedded_in_order (void)
{
  const char *text =
    "Read https://t.me/durov/1 first.\n"
    "Hello world.\n"
    "— Jane Doe (@janedoe) March 15, 2025\n"
    "Then https://x.com/jack/status/20 and https://youtu.be/abc.\n"
    "Bye.\n"
    "— Jane Doe (@janedoe) March 16, 2025 https://x.com/janedoe/status/3\n";
  g_autoptr(GArray) posts = find (text);

  g_assert_cmpuint (posts->len, ==, 5);
  g_assert_cmpstr (nth_post (posts, 0)->url, ==, "https://t.me/durov/1");
  assert_embedded (posts, 1, text, "Hello world.", "— Jane Doe (@janedoe) March 15, 2025");
  g_assert_cmpstr (nth_post (posts, 2)->url, ==, "https://x.com/jack/status/20");
  g_assert_cmpstr (nth_post (posts, 3)->url, ==, "https://youtu.be/abc");
  assert_embedded (posts, 4, text, "Bye.", "— Jane Doe (@janedoe) March 16, 2025 https://x.com/janedoe/status/3");
  g_assert_cmpstr (nth_post (posts, 4)->url, ==, "https://x.com/janedoe/status/3");
}

/* ---------------------------------------------------------------------------
 * Dates
 * ------------------------------------------------------------------------- */

static void
test_date_forms (void)
{
  static const char * const dates[] = {
    "March 15, 2025", "Mar 15, 2025", "Mar. 15, 2025", "15 March 2025",
    "2025-03-15", "march 15 2025", "15 Mar. 2025", "Saturday, March 15, 2025",
    "Sat, 15 Mar 2025", "March 15th, 2025", "  March 15, 2025\t",
  };
  g_autofree char *leap = quotes_posts_parse_date ("Feb 29, 2024", -1);
  g_autofree char *sept = quotes_posts_parse_date ("Sept. 1, 2024", -1);
  g_autofree char *cut = quotes_posts_parse_date ("2025-03-15 and more", 10);

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *date = quotes_posts_parse_date (dates[i], -1);

      g_test_message ("date: %s", dates[i]);
      g_assert_cmpstr (date, ==, "2025-03-15");
    }
  g_assert_cmpstr (leap, ==, "2024-02-29");
  g_assert_cmpstr (sept, ==, "2024-09-01");
  g_assert_cmpstr (cut, ==, "2025-03-15");
}

static void
test_date_invalid (void)
{
  static const char * const texts[] = {
    "", "   ", "March", "March 15", "15 March", "2025", "Feb 30, 2025", "Feb 29, 2025",
    "2025-13-01", "2025-3-15", "Marchy 15, 2025", "Ma 15, 2025", "March 15, 20255",
    "March 155, 2025", "Yesterday", "32 March 2025", "March 15, 2025 at noon",
    "15 Март 2025", "0 March 2025", "March 15, 0999",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *date = quotes_posts_parse_date (texts[i], -1);

      g_test_message ("not a date: %s", texts[i]);
      g_assert_null (date);
    }
}

/* ---------------------------------------------------------------------------
 * Hostile input: each must finish, quickly, and hold the invariants
 * ------------------------------------------------------------------------- */

static char *
repeat (const char *unit,
        gsize       bytes)
{
  GString *s = g_string_sized_new (bytes + 64);

  while (s->len < bytes)
    g_string_append (s, unit);
  return g_string_free (s, FALSE);
}

static guint
count_posts (const char *text)
{
  g_autoptr(GArray) posts = find (text);

  return posts->len;
}

static void
test_hostile_paren_at (void)
{
  g_autofree char *plain = repeat ("(@", HOSTILE_BYTES);
  g_autofree char *dashed = repeat ("— (@", HOSTILE_BYTES);
  g_autofree char *lines = repeat ("— a (@b\n", HOSTILE_BYTES);
  g_autofree char *tail = g_strconcat ("Text.\n— Jane (@jane) ", plain, NULL);
  /* one line of would-be signatures inside it, with and without dates */
  g_autofree char *inline_undated = repeat ("x — a (@b) on ", HOSTILE_BYTES);
  g_autofree char *inline_dated = repeat ("x — a (@b) March 1, 2020 ", HOSTILE_BYTES);

  g_assert_cmpuint (count_posts (inline_undated), ==, 0);
  g_assert_cmpuint (count_posts (inline_dated), >, 0);
  g_assert_cmpuint (count_posts (plain), ==, 0);
  g_assert_cmpuint (count_posts (dashed), ==, 0);
  g_assert_cmpuint (count_posts (lines), ==, 0);
  g_assert_cmpuint (count_posts (tail), ==, 0);
}

static void
test_hostile_dashes (void)
{
  g_autofree char *em = repeat ("—", HOSTILE_BYTES);
  g_autofree char *mixed = repeat ("— – -- ", HOSTILE_BYTES);
  g_autofree char *name = g_strconcat ("Text.\n— ", em, " (@jane) March 15, 2025\n", NULL);

  g_assert_cmpuint (count_posts (em), ==, 0);
  g_assert_cmpuint (count_posts (mixed), ==, 0);
  /* a name longer than any display name is no signature */
  g_assert_cmpuint (count_posts (name), ==, 0);
}

static void
test_hostile_schemes (void)
{
  g_autofree char *schemes = repeat ("https://", HOSTILE_BYTES);
  g_autofree char *spaced = repeat ("https:// ", HOSTILE_BYTES);
  g_autofree char *slashes = repeat ("/", HOSTILE_BYTES);
  g_autofree char *hosts = repeat ("x.com/", HOSTILE_BYTES);
  g_autofree char *parens = repeat ("(x.co/", HOSTILE_BYTES);
  g_autofree char *long_host = repeat ("a", HOSTILE_BYTES);
  g_autofree char *long_host_url = g_strconcat ("https://", long_host, ".com/jack/status/20 ", long_host,
                                                ".com/@a/1", NULL);

  g_assert_cmpuint (count_posts (schemes), ==, 0);
  g_assert_cmpuint (count_posts (spaced), ==, 0);
  g_assert_cmpuint (count_posts (slashes), ==, 0);
  g_assert_cmpuint (count_posts (hosts), ==, 0);
  g_assert_cmpuint (count_posts (parens), ==, 0);
  g_assert_cmpuint (count_posts (long_host_url), ==, 0);
}

static void
test_hostile_long_line (void)
{
  g_autofree char *words = repeat ("word Слово … “quoted” ", HOSTILE_BYTES);
  g_autofree char *url_tail = repeat ("a/", HOSTILE_BYTES);
  g_autofree char *long_url = g_strconcat ("https://x.com/jack/status/20/", url_tail, " and more", NULL);
  g_autofree char *closing = repeat (")", HOSTILE_BYTES);
  g_autofree char *closed_url = g_strconcat ("https://x.com/jack/status/20", closing, NULL);
  g_autofree char *signature = g_strconcat (words, "\n— Jane Doe (@jane) March 15, 2025\n", NULL);
  g_autoptr(GArray) posts = NULL;

  g_assert_cmpuint (count_posts (words), ==, 0);
  g_assert_cmpuint (count_posts (long_url), ==, 1);

  posts = find (closed_url);
  g_assert_cmpuint (posts->len, ==, 1);
  g_assert_cmpstr (nth_post (posts, 0)->url, ==, "https://x.com/jack/status/20");
  g_clear_pointer (&posts, g_array_unref);

  /* the post text of a signature may be one huge line */
  posts = find (signature);
  g_assert_cmpuint (posts->len, ==, 1);
  g_assert_cmpuint (nth_post (posts, 0)->text_end - nth_post (posts, 0)->text_start, >, HOSTILE_BYTES - 64);
}

/* A signature line whose tail runs on for a megabyte: read once. */
static void
test_hostile_long_signature (void)
{
  g_autofree char *zones = repeat ("PDT 10:05am at · ", HOSTILE_BYTES);
  g_autofree char *links = repeat ("pic.twitter.com/a ", HOSTILE_BYTES);
  g_autofree char *words = repeat ("березня ", HOSTILE_BYTES);
  g_autofree char *text1 = g_strconcat ("Text.\n— Jane (@jane) March 15, 2025 ", zones, NULL);
  g_autofree char *text2 = g_strconcat ("Text.\n— Jane (@jane) ", links, "\n", links, NULL);
  g_autofree char *text3 = g_strconcat ("Text.\n— Jane (@jane) 15 ", words, NULL);
  g_autofree char *text4 = g_strconcat ("Text.\nPosted by Jane", zones, NULL);

  g_assert_cmpuint (count_posts (text1), ==, 1);
  g_assert_cmpuint (count_posts (text2), ==, 1);
  g_assert_cmpuint (count_posts (text3), ==, 0);
  g_assert_cmpuint (count_posts (text4), ==, 0);
}

static void
test_hostile_dash_lines (void)
{
  g_autofree char *lines = repeat ("----------------------------------------\n", HOSTILE_BYTES);
  g_autofree char *em_lines = repeat ("———\r\n–\n-\n\n", HOSTILE_BYTES);
  g_autofree char *spaces = repeat (" \t\u00a0", HOSTILE_BYTES);

  g_assert_cmpuint (count_posts (lines), ==, 0);
  g_assert_cmpuint (count_posts (em_lines), ==, 0);
  g_assert_cmpuint (count_posts (spaces), ==, 0);
}

/* Many posts at once: the result grows with the input, and stays linear. */
static void
test_hostile_many_posts (void)
{
  g_autofree char *urls = repeat ("x.com/a/status/1 ", HOSTILE_BYTES);
  g_autofree char *signatures = repeat ("T.\n— A (@a) 2025-03-15\n", HOSTILE_BYTES);
  gsize n_urls = strlen (urls) / strlen ("x.com/a/status/1 ");
  gsize n_signatures = strlen (signatures) / strlen ("T.\n— A (@a) 2025-03-15\n");

  g_assert_cmpuint (count_posts (urls), ==, n_urls);
  g_assert_cmpuint (count_posts (signatures), ==, n_signatures);
}

/* Random mixes of the pieces the scanner looks for, to check that the
 * result always holds together. */
static void
test_fuzz (void)
{
  static const char * const pieces[] = {
    "— Jane Doe (@jane) March 15, 2025", "— ", "-", "--", "(@", "@", ")", "(", "\n", "\r\n",
    "\n\n", " ", "x.com/a/status/1", "https://", "http://", "t.me/c/1/2", "https://m.s/@u/1",
    "A post shared by ", "Posted by ", " on Mar 15, 2025", "Mar. 15, 2025", "2025-03-15",
    "Текст", "…", "“", "”", "word", "pic.twitter.com/x", "(@a.bsky.social)", "/", ":", ".",
    "youtu.be/x", "?v=1", "&amp;", "\u00a0", "bsky.app/profile/a/post/b",
  };

  for (guint round = 0; round < 3000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint n = g_test_rand_int_range (1, 40);

      for (guint i = 0; i < n; i++)
        g_string_append (text, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
      g_array_unref (find (text->str));
    }
}

static void
test_empty (void)
{
  g_autoptr(GArray) posts = quotes_posts_find (NULL, 0);
  g_autoptr(GArray) posts2 = quotes_posts_find ("", 0);

  g_assert_cmpuint (posts->len, ==, 0);
  g_assert_cmpuint (posts2->len, ==, 0);
  assert_no_posts ("\n");
  assert_no_posts ("—");
  assert_no_posts ("Nothing to see here.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Posts/empty", test_empty);
  g_test_add_func ("/Posts/seed", test_seed);
  g_test_add_func ("/Posts/seed/crlf", test_seed_crlf);
  g_test_add_func ("/Posts/seed/blank-lines", test_seed_blank_lines);
  g_test_add_func ("/Posts/seed/fixture", test_seed_fixture);
  g_test_add_func ("/Posts/signature/dashes", test_signature_dashes);
  g_test_add_func ("/Posts/signature/blank-line-between", test_signature_blank_line_between);
  g_test_add_func ("/Posts/signature/date-forms", test_signature_date_forms);
  g_test_add_func ("/Posts/signature/foreign-date", test_signature_foreign_date);
  g_test_add_func ("/Posts/signature/url-on-line", test_signature_url_on_line);
  g_test_add_func ("/Posts/signature/pic-twitter", test_signature_pic_twitter);
  g_test_add_func ("/Posts/signature/url-next-line", test_signature_url_next_line);
  g_test_add_func ("/Posts/signature/url-next-line-other-platform", test_signature_url_next_line_other_platform);
  g_test_add_func ("/Posts/signature/url-next-line-fits", test_signature_url_next_line_fits);
  g_test_add_func ("/Posts/signature/bluesky", test_signature_bluesky);
  g_test_add_func ("/Posts/signature/mastodon", test_signature_mastodon);
  g_test_add_func ("/Posts/signature/instagram", test_signature_instagram);
  g_test_add_func ("/Posts/signature/instagram-no-text", test_signature_instagram_no_text);
  g_test_add_func ("/Posts/signature/facebook", test_signature_facebook);
  g_test_add_func ("/Posts/signature/multi-line-post", test_signature_multi_line_post);
  g_test_add_func ("/Posts/signature/one-line-paragraphs", test_signature_one_line_paragraphs);
  g_test_add_func ("/Posts/signature/long-run", test_signature_long_run);
  g_test_add_func ("/Posts/signature/two-in-a-row", test_signature_two_in_a_row);
  g_test_add_func ("/Posts/signature/at-start", test_signature_at_start);
  g_test_add_func ("/Posts/inline/after-text", test_inline_after_text);
  g_test_add_func ("/Posts/inline/glued-to-link", test_inline_glued_to_link);
  g_test_add_func ("/Posts/inline/two-on-a-line", test_inline_two_on_a_line);
  g_test_add_func ("/Posts/inline/after-tag", test_inline_after_tag);
  g_test_add_func ("/Posts/markup/with-text", test_markup_with_text);
  g_test_add_func ("/Posts/markup/attributes", test_markup_attributes);
  g_test_add_func ("/Posts/markup/not-posts", test_markup_not_posts);
  g_test_add_func ("/Posts/not-post/inline-prose", test_not_post_inline_prose);
  g_test_add_func ("/Posts/not-post/running-text", test_not_post_running_text);
  g_test_add_func ("/Posts/not-post/list-item", test_not_post_list_item);
  g_test_add_func ("/Posts/not-post/dash-lines", test_not_post_dash_lines);
  g_test_add_func ("/Posts/url/x", test_url_x);
  g_test_add_func ("/Posts/url/bluesky", test_url_bluesky);
  g_test_add_func ("/Posts/url/mastodon", test_url_mastodon);
  g_test_add_func ("/Posts/url/threads", test_url_threads);
  g_test_add_func ("/Posts/url/facebook", test_url_facebook);
  g_test_add_func ("/Posts/url/instagram", test_url_instagram);
  g_test_add_func ("/Posts/url/telegram", test_url_telegram);
  g_test_add_func ("/Posts/url/youtube", test_url_youtube);
  g_test_add_func ("/Posts/url/tiktok", test_url_tiktok);
  g_test_add_func ("/Posts/url/linkedin", test_url_linkedin);
  g_test_add_func ("/Posts/url/punctuation", test_url_punctuation);
  g_test_add_func ("/Posts/url/not-posts", test_url_not_posts);
  g_test_add_func ("/Posts/url/in-embedded-text", test_url_in_embedded_text);
  g_test_add_func ("/Posts/url/in-order", test_url_and_embedded_in_order);
  g_test_add_func ("/Posts/date/forms", test_date_forms);
  g_test_add_func ("/Posts/date/invalid", test_date_invalid);
  g_test_add_func ("/Posts/hostile/paren-at", test_hostile_paren_at);
  g_test_add_func ("/Posts/hostile/dashes", test_hostile_dashes);
  g_test_add_func ("/Posts/hostile/schemes", test_hostile_schemes);
  g_test_add_func ("/Posts/hostile/long-line", test_hostile_long_line);
  g_test_add_func ("/Posts/hostile/long-signature", test_hostile_long_signature);
  g_test_add_func ("/Posts/hostile/dash-lines", test_hostile_dash_lines);
  g_test_add_func ("/Posts/hostile/many-posts", test_hostile_many_posts);
  g_test_add_func ("/Posts/fuzz", test_fuzz);

  return g_test_run ();
}
