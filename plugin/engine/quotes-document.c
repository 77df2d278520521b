/* SPDX-License-Identifier: GPL-2.0-or-later */

#include "config.h"

#include <string.h>
#ifdef __linux__
#include <sys/mman.h>
#include <unistd.h>
#endif

#include "quotes-document.h"
#include "quotes-huge-pages-private.h"
#include "quotes-posts.h"

static void
clear_entity (gpointer data)
{
  QuotesEntityRecord *entity = data;

  g_free (entity->name);
  g_free (entity->title);
  g_free (entity->surname_key);
  g_free (entity->given_key);
  g_free (entity->nationality);
  g_clear_pointer (&entity->aliases, g_ptr_array_unref);
  g_clear_pointer (&entity->mentions, g_array_unref);
}

/* Makes room for @n elements in all in @array, which keeps its length, in
 * a block that prefers huge pages: an array that grows by doubling would
 * have its old half copied, and so touched, before it could be advised.
 * The room is not touched: it costs address space, not memory, until it
 * is used. */
void
quotes_document_reserve (GArray *array,
                         guint   n)
{
  guint len = array->len;

  if (n <= len)
    return;
  g_array_set_size (array, n);
  g_array_set_size (array, len);
  quotes_prefer_huge_pages (array->data);
}

/* Doubles the length of @array (256 elements at least), for those that
 * grow a block at a time ahead of what they hold, and advises its new
 * block for huge pages as quotes_document_reserve does. */
void
quotes_document_grow (GArray *array)
{
  g_array_set_size (array, MAX (2 * array->len, 256));
  quotes_prefer_huge_pages (array->data);
}

void
quotes_document_init (QuotesDocument *doc,
                      QuotesLexicon  *lexicon,
                      const char     *text,
                      gsize           length,
                      GCancellable   *cancellable)
{
  memset (doc, 0, sizeof *doc);
  doc->text = text;
  doc->length = length;
  doc->lexicon = lexicon;
  doc->cancellable = cancellable;
  doc->tokens = g_array_new (FALSE, FALSE, sizeof (QuotesToken));
  doc->long_tokens = g_array_new (FALSE, FALSE, sizeof (QuotesLongToken));
  quotes_document_reserve (doc->tokens, quotes_document_reserved_tokens (length));
  doc->paragraphs = g_array_new (FALSE, FALSE, sizeof (QuotesParagraph));
  doc->sentences = g_array_new (FALSE, FALSE, sizeof (QuotesSentence));
  /* News has a paragraph for every 220 bytes, a sentence for every 125. */
  quotes_document_reserve (doc->paragraphs, length / 128);
  quotes_document_reserve (doc->sentences, length / 64);
  doc->mark_tokens = g_array_new (FALSE, FALSE, sizeof (guint32));
  doc->marked = g_array_new (FALSE, FALSE, sizeof (QuotesMarkedSpan));
  doc->mentions = g_array_new (FALSE, FALSE, sizeof (QuotesMention));
  doc->cues = g_array_new (FALSE, FALSE, sizeof (QuotesCue));
  doc->quotes = g_array_new (FALSE, FALSE, sizeof (QuotesQuoteRecord));
  doc->entities = g_array_new (FALSE, TRUE, sizeof (QuotesEntityRecord));
  g_array_set_clear_func (doc->entities, clear_entity);
  doc->post_speakers = g_array_new (FALSE, FALSE, sizeof (gint32));
}

void
quotes_document_clear (QuotesDocument *doc)
{
  g_clear_pointer (&doc->tokens, g_array_unref);
  g_clear_pointer (&doc->long_tokens, g_array_unref);
  g_clear_pointer (&doc->paragraphs, g_array_unref);
  g_clear_pointer (&doc->sentences, g_array_unref);
  g_clear_pointer (&doc->mark_tokens, g_array_unref);
  g_clear_pointer (&doc->marked, g_array_unref);
  g_clear_pointer (&doc->mentions, g_array_unref);
  g_clear_pointer (&doc->cues, g_array_unref);
  g_clear_pointer (&doc->quotes, g_array_unref);
  g_clear_pointer (&doc->entities, g_array_unref);
  g_clear_pointer (&doc->posts, g_array_unref);
  g_clear_pointer (&doc->post_speakers, g_array_unref);
  g_clear_pointer (&doc->sentence_of_block, g_free);
  g_clear_pointer (&doc->sentence_in_block, g_free);
  g_clear_pointer (&doc->token_names, g_free);
}

void
quotes_document_add_long_token (QuotesDocument *doc,
                                QuotesToken    *token,
                                guint32         end)
{
  QuotesLongToken long_token = { token - (QuotesToken *) (gpointer) doc->tokens->data, end };

  g_assert (doc->long_tokens->len == 0 ||
            g_array_index (doc->long_tokens, QuotesLongToken, doc->long_tokens->len - 1).index < long_token.index);
  token->length = QUOTES_TOKEN_LONG;
  g_array_append_val (doc->long_tokens, long_token);
}

guint32
quotes_document_long_token_end (const QuotesDocument *doc,
                                const QuotesToken    *token)
{
  guint32 index = token - (const QuotesToken *) (gconstpointer) doc->tokens->data;
  guint low = 0, high = doc->long_tokens->len;

  /* In the order the tokenizer added them, which is the tokens' order. */
  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      const QuotesLongToken *at = &g_array_index (doc->long_tokens, QuotesLongToken, middle);

      if (at->index == index)
        return at->end;
      if (at->index < index)
        low = middle + 1;
      else
        high = middle;
    }
  g_assert_not_reached ();
}

/* Longer words are in no list; the stages' phrase buffers did not hold them. */
#define MAX_NAME_LENGTH 254

guint
quotes_document_look_up_names (const QuotesDocument *doc,
                               guint                 index)
{
  const QuotesToken *token = quotes_document_token (doc, index);
  const char *word = doc->text + token->start;
  gsize n = quotes_document_token_base_length (doc, token);
  const char *hyphen;
  guint names, gender;

  if (n > MAX_NAME_LENGTH)
    return QUOTES_NAME_LOOKED_UP;
  names = quotes_lexicon_name_classes_in (doc->lexicon, word, n, doc->text + doc->length);
  /* "Jean-Claude". A word holds a hyphen only when it is flagged so: the
   * tokenizer joins parts of a word at a hyphen and nowhere else. */
  if (!(names & QUOTES_NAME_FIRST_NAME) &&
      (token->kind != QUOTES_TOKEN_WORD || (token->flags & QUOTES_TOKEN_HYPHENATED)) &&
      (hyphen = memchr (word, '-', n)) != NULL &&
      quotes_lexicon_first_name (doc->lexicon, word, hyphen - word, &gender))
    names |= QUOTES_NAME_FIRST_NAME_WITH_GENDER (gender);
  /* A multiword entry would start with "X's" in full, which was not looked
   * up: the bit only spares look-ups that cannot succeed, so it may be set. */
  if (quotes_document_token_end (doc, token) != quotes_document_token_base_end (doc, token))
    names |= QUOTES_NAME_STARTS_PLACE_OR_ORG;
  return names;
}

gboolean
quotes_document_char_in (gunichar    c,
                         const char *chars)
{
  return g_utf8_strchr (chars, -1, c) != NULL;
}

/* Lower-cases the @n ASCII bytes of token @token into @out, which has
 * room for @size bytes (@n + 1 at least), and ends them with a NUL: eight
 * bytes at a time, as the stages ask this of a word at every turn. A
 * short word is one load and one store when there is room for eight bytes
 * either side. */
static void
ascii_lower (const QuotesDocument *doc,
             const QuotesToken    *token,
             gsize                 n,
             char                 *out,
             gsize                 size)
{
  const char *text = doc->text + token->start;
  gsize i = 0;
  guint64 chunk;

  if (size >= 8 && quotes_document_token_lower_short (doc, token, out, &chunk))
    return;
  for (; i + 8 <= n; i += 8)
    {
      memcpy (&chunk, text + i, 8);
      chunk = quotes_ascii_lower_chunk (chunk);
      memcpy (out + i, &chunk, 8);
    }
  for (; i < n; i++)
    out[i] = text[i] >= 'A' && text[i] <= 'Z' ? text[i] + ('a' - 'A') : text[i];
  out[n] = '\0';
}

/* quotes_document_token_lower for a token that is not ASCII: out of
 * line, so that the usual ASCII word needs few registers saved. */
G_GNUC_NO_INLINE static char *
token_lower_unicode (const QuotesDocument *doc,
                     const QuotesToken    *token,
                     gsize                 n,
                     char                 *buffer,
                     gsize                 size)
{
  g_autofree char *lower = NULL;

  /* "Trump’s": not ASCII as a whole, but its base is. */
  if (quotes_ascii_strdown (doc->text + token->start, n, buffer))
    return buffer;
  lower = g_utf8_strdown (doc->text + token->start, n);
  if (strlen (lower) + 1 > size)
    return NULL;
  strcpy (buffer, lower);
  return buffer;
}

char *
quotes_document_token_lower (const QuotesDocument *doc,
                             guint                 index,
                             char                 *buffer,
                             gsize                 size)
{
  const QuotesToken *token = quotes_document_token (doc, index);
  gsize n = quotes_document_token_base_length (doc, token);

  if (n + 1 > size)
    return NULL;
  if (!(token->flags & QUOTES_TOKEN_ASCII))
    return token_lower_unicode (doc, token, n, buffer, size);
  ascii_lower (doc, token, n, buffer, size);
  return buffer;
}

/* Joins @n tokens from @first with single spaces, as written or lower-cased,
 * without the possessive ending of the last; NULL when it does not fit. */
char *
quotes_document_phrase (const QuotesDocument *doc,
                        guint                 first,
                        guint                 n,
                        gboolean              lower,
                        char                 *buffer,
                        gsize                 size)
{
  gsize used = 0;
  gboolean ascii = TRUE;

  if (first + n > doc->tokens->len)
    return NULL;
  /* One ASCII token, the usual case: copy and lower-case in one go. */
  if (n == 1 && (quotes_document_token (doc, first)->flags & QUOTES_TOKEN_ASCII))
    {
      const QuotesToken *token = quotes_document_token (doc, first);
      gsize len = quotes_document_token_base_length (doc, token);
      const char *from = doc->text + token->start;

      if (len + 2 > size)
        return NULL;
      for (gsize i = 0; i < len; i++)
        buffer[i] = lower && from[i] >= 'A' && from[i] <= 'Z' ? from[i] + ('a' - 'A') : from[i];
      buffer[len] = '\0';
      return buffer;
    }
  for (guint i = first; i < first + n; i++)
    {
      const QuotesToken *token = quotes_document_token (doc, i);

      ascii &= (token->flags & QUOTES_TOKEN_ASCII) != 0 || token->kind != QUOTES_TOKEN_WORD;
      gsize len = (i + 1 == first + n ? quotes_document_token_base_end (doc, token) : quotes_document_token_end (doc, token)) - token->start;

      if (used + len + 2 > size)
        return NULL;
      if (i > first)
        buffer[used++] = ' ';
      memcpy (buffer + used, doc->text + token->start, len);
      used += len;
    }
  buffer[used] = '\0';
  if (lower && ascii)
    {
      for (gsize i = 0; i < used; i++)
        if (buffer[i] >= 'A' && buffer[i] <= 'Z')
          buffer[i] += 'a' - 'A';
    }
  else if (lower)
    {
      g_autofree char *folded = g_utf8_strdown (buffer, used);

      if (strlen (folded) + 1 > size)
        return NULL;
      strcpy (buffer, folded);
    }
  return buffer;
}

/* Whether a token's base could be a day's name: six to nine bytes ending in
 * "y". Only ASCII letters lower-case to a day's letters (the Kelvin sign's
 * "k" is none of them), so a day is written in exactly that many bytes; the
 * test turns away nearly every capitalised word without lower-casing it. */
static gboolean
may_be_weekday (const QuotesDocument *doc,
                const QuotesToken    *token)
{
  gsize n = quotes_document_token_base_length (doc, token);

  return n >= strlen ("monday") && n <= strlen ("wednesday") && (doc->text[quotes_document_token_base_end (doc, token) - 1] | 0x20) == 'y';
}

/* Determiners, conjunctions, prepositions and adverbs that open sentences. */
gboolean
quotes_document_is_sentence_opener (const char *lower)
{
  static const char *words[] = {
    "the", "a", "an", "this", "that", "these", "those", "there", "here", "but", "and", "or", "so", "yet",
    "while", "when", "after", "before", "since", "until", "although", "though", "because", "if", "as",
    "in", "on", "at", "for", "from", "with", "by", "of", "to", "during", "despite", "meanwhile", "however",
    "still", "now", "then", "many", "most", "some", "more", "few", "all", "both", "each", "no", "not",
    "what", "why", "how", "where", "who", "which", "its", "his", "her", "their", "our", "my", "your", NULL,
  };

  return quotes_word_in_list (words, lower);
}

/* "Monday" … "Sunday", capitalised: a day, never part of a name. */
gboolean
quotes_document_token_is_weekday (const QuotesDocument *doc,
                                  guint                 index)
{
  static const char * const days[] = { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", NULL };
  char lower[16];

  return index < doc->tokens->len && (quotes_document_token (doc, index)->flags & QUOTES_TOKEN_CAPITALIZED) &&
         may_be_weekday (doc, quotes_document_token (doc, index)) &&
         quotes_document_token_lower (doc, index, lower, sizeof lower) != NULL && quotes_word_in_list (days, lower);
}

/**
 * quotes_document_first_from:
 * @array: records in order of the #guint32 at @offset in each, such as
 *   tokens or mentions by their start
 * @from: where to start looking
 * @to: where to stop
 * @offset: of the field in a record, G_STRUCT_OFFSET()
 * @value: what to look for
 *
 * The first record from @from on, before @to, whose field is @value or
 * more, or @to: by halving, where a walk to it read every record between,
 * all the tokens of a text to find the last of a few places in it.
 */
guint
quotes_document_first_from (const GArray *array,
                            guint         from,
                            guint         to,
                            gsize         offset,
                            guint32       value)
{
  guint size = g_array_get_element_size ((GArray *) array);

  while (from < to)
    {
      guint middle = from + (to - from) / 2;
      guint32 field;

      memcpy (&field, array->data + (gsize) middle * size + offset, sizeof field);
      if (field < value)
        from = middle + 1;
      else
        to = middle;
    }
  return from;
}
