/* SPDX-License-Identifier: GPL-2.0-or-later */

/*
 * The quote-mark stage: pairs opening and closing marks into quoted spans.
 *
 * Every mark is classed by what it may do from the characters around it
 * (a mark followed by text may open, one preceded by text may close), then
 * paired with a bounded stack. Each paragraph is paired on its own, so a
 * mark left open while the user types never reaches past its paragraph; the
 * one exception is the convention for quotes that run over paragraphs: a
 * paragraph that ends a sentence inside an open quote, followed by one that
 * starts with the same mark, continues it.
 */

#include "config.h"

#include "quotes-document.h"
#include "quotes-marks-private.h"
#include "quotes-sort-private.h"

#define MAX_DEPTH 16      /* deeper nesting is no quotation; it bounds the work per mark */
#define MARKS_AHEAD 16    /* marks whose tokens are asked for before they are paired */
#define PAIRS_AHEAD 4     /* pairs whose tokens in marks are asked for before they are flagged */
#define PREFETCH_TOKENS 16  /* of those tokens, the first so many */

typedef struct
{
  guint    token;
  gunichar mark;
} Opener;

/* A quotation between paired marks, with the bytes it spans: the marks'
 * tokens are long out of the cache when the pairs are sorted. */
typedef struct
{
  guint   open_token;
  guint   close_token;
  guint   paragraph;
  guint   end_paragraph;
  guint32 start;
  guint32 end;
} Pair;

typedef struct
{
  QuotesDocument *doc;
  Opener          stack[MAX_DEPTH];
  guint           depth;
  guint           stack_paragraph[MAX_DEPTH];
  guint           stray_close;  /* the first single closer after a stop that closed nothing, or G_MAXUINT */
  GArray         *pairs;
} Pairing;

gboolean
quotes_marks_is_mark (gunichar c)
{
  switch (c)
    {
    case '"': case '\'':
    case 0x2018: case 0x2019: case 0x201A: case 0x201B:
    case 0x201C: case 0x201D: case 0x201E: case 0x201F:
    case 0x00AB: case 0x00BB: case 0x2039: case 0x203A:
    case 0x300C: case 0x300D: case 0x300E: case 0x300F:
    case 0xFF02:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The marks that can only open. */
gboolean
quotes_marks_is_opening (gunichar c)
{
  return c == 0x201E || c == 0x201A || c == 0x300C || c == 0x300E;
}

static gboolean
is_single (gunichar c)
{
  return c == '\'' || c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x201B ||
         c == 0x2039 || c == 0x203A;
}

/* Whether @closer ends a quotation opened by @opener. */
static gboolean
closes (gunichar opener,
        gunichar closer)
{
  switch (opener)
    {
    /* Straight and curly marks mixed in one quotation happen when text
     * is pasted together or typed with an editor's smart quotes half on. */
    case 0x201C: return closer == 0x201D || closer == 0x201C || closer == '"';
    case 0x201E: return closer == 0x201C || closer == 0x201D;   /* German, Polish */
    case 0x201D: return closer == 0x201D;                        /* Swedish */
    case 0x2018: return closer == 0x2019 || closer == 0x2018;
    case 0x201A: return closer == 0x2018 || closer == 0x2019;
    case 0x201B: return closer == 0x2019;
    case 0x00AB: return closer == 0x00BB;
    case 0x00BB: return closer == 0x00AB;                        /* Danish, German */
    case 0x2039: return closer == 0x203A;
    case 0x203A: return closer == 0x2039;
    case 0x300C: return closer == 0x300D;
    case 0x300E: return closer == 0x300F;
    case '"':    return closer == '"' || closer == 0x201D || closer == 0x201C;
    case 0xFF02: return closer == 0xFF02;
    case '\'':   return closer == '\'' || closer == 0x2019;
    default:     return FALSE;
    }
}

static gunichar
char_before (const QuotesDocument *doc,
             gsize                 pos,
             gsize                 floor)
{
  if (pos <= floor)
    return ' ';
  return g_utf8_get_char (g_utf8_prev_char (doc->text + pos));
}

static gunichar
char_after (const QuotesDocument *doc,
            gsize                 pos,
            gsize                 ceiling)
{
  if (pos >= ceiling)
    return ' ';
  return g_utf8_get_char (doc->text + pos);
}

static gboolean
is_guillemet (gunichar c)
{
  return c == 0x00AB || c == 0x00BB || c == 0x2039 || c == 0x203A;
}

/* ASCII, next to most marks, without GLib's table look-ups: of it only
 * these are spaces to g_unichar_isspace, and none is zero-width. */
static gboolean
is_space (gunichar c)
{
  if (c < 0x80)
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
  return g_unichar_isspace (c) || c == 0xA0 || c == 0xFEFF || g_unichar_iszerowidth (c);
}

/* Text may follow an opening mark; a closing one follows text. Dashes and
 * opening brackets before a mark count as space, punctuation after a mark
 * as space: “—“Stop,” she said”, “(“No”)”. */
static gboolean
may_open (gunichar before,
          gunichar after)
{
  gboolean space_before = is_space (before) || before == '(' || before == '[' ||
                          before == 0x2014 || before == 0x2013 || before == '-' ||
                          before == '/' || before == ':' || quotes_marks_is_mark (before);

  return space_before && !is_space (after);
}

static gboolean
may_close (gunichar before,
           gunichar after)
{
  gboolean space_after = is_space (after) || g_unichar_ispunct (after) || quotes_marks_is_mark (after);

  return !is_space (before) && space_after;
}

enum
{
  ROLE_OPEN  = 1 << 0,
  ROLE_CLOSE = 1 << 1,
};

/* What the mark at @index may do, from the characters around it. */
static guint
classify (const QuotesDocument  *doc,
          const QuotesParagraph *paragraph,
          const QuotesToken     *token)
{
  gunichar mark = quotes_document_token_first (doc, token);
  gunichar before = char_before (doc, token->start, paragraph->start);
  gunichar after = char_after (doc, quotes_document_token_end (doc, token), paragraph->end);
  guint roles = 0;

  gunichar open_after = after, close_before = before;

  /* French spacing inside guillemets: « Oui », for opening and closing
   * alike; and a closer after a closed inner quote: ‘…,’ ”. */
  if (is_guillemet (mark) && is_space (after) && quotes_document_token_end (doc, token) < paragraph->end)
    open_after = char_after (doc, g_utf8_next_char (doc->text + quotes_document_token_end (doc, token)) - doc->text, paragraph->end);
  /* "As Politico reported, “ … if the primary were held": a left double
   * mark with a stray space after it, before words or an ellipsis. */
  else if (mark == 0x201C && after == ' ' && is_space (before) && quotes_document_token_end (doc, token) + 1 < paragraph->end)
    {
      gunichar next = char_after (doc, quotes_document_token_end (doc, token) + 1, paragraph->end);

      if (g_unichar_isalnum (next) || next == 0x2026)
        open_after = next;
    }
  if (is_space (before) && token->start > paragraph->start + 1)
    {
      gsize space = g_utf8_prev_char (doc->text + token->start) - doc->text;
      gunichar further = char_before (doc, space, paragraph->start);

      if (is_guillemet (mark) || quotes_marks_is_mark (further))
        close_before = further;
      /* "… is doing this, " Trump said": a stray space before a closer
       * after the quote's own punctuation. */
      else if ((mark == '"' || mark == '\'' || mark == 0x201C || mark == 0x201D) &&
               (further == ',' || further == '.' || further == '?' || further == '!'))
        close_before = further;
    }

  if (may_open (before, open_after))
    roles |= ROLE_OPEN;
  if (may_close (close_before, after))
    roles |= ROLE_CLOSE;
  /* “… I love Hispanics!”After his rally: a right mark glued to the next
   * word by a missing space still closes. */
  if (mark == 0x201D && !is_space (before) && g_unichar_isalpha (after))
    roles |= ROLE_CLOSE;
  /* "…the authorities."We were deceived", "waxed poetic about"joint
   * operations": a straight mark glued on both sides by a missing space
   * opens or closes as the marks around it pair. */
  if (mark == '"' && g_unichar_isalpha (after) && (g_unichar_isalpha (before) || before == '.' || before == ',' ||
                                                   before == '!' || before == '?'))
    roles |= ROLE_OPEN | ROLE_CLOSE;
  /* "Ryan said,“Look, …”": a left mark glued to the comma or the stop
   * before it still opens. */
  if (mark == 0x201C && g_unichar_isalnum (after) && (before == ',' || before == '.'))
    roles |= ROLE_OPEN;

  switch (mark)
    {
    case 0x201E: case 0x201A: case 0x300C: case 0x300E:
      return ROLE_OPEN;
    case 0x300D: case 0x300F:
      return ROLE_CLOSE;
    case 0x2019:
      return roles & ROLE_CLOSE;             /* otherwise an apostrophe */
    case 0x2018: case '\'':
      if (g_unichar_isdigit (after))
        return 0;                            /* ’90s */
      return roles;
    default:
      return roles;
    }
}

/* "the students’ union": a plural possessive, unless no other mark could
 * close the single quote that is open. */
static gboolean
is_plural_possessive (const QuotesDocument  *doc,
                      const QuotesParagraph *paragraph,
                      const QuotesToken     *token,
                      gboolean               later_closer)
{
  gunichar before = char_before (doc, token->start, paragraph->start);
  gunichar after = char_after (doc, quotes_document_token_end (doc, token), paragraph->end);
  gunichar word = char_after (doc, quotes_document_token_end (doc, token) + 1, paragraph->end);

  if (!is_single (quotes_document_token_first (doc, token)) || (before != 's' && before != 'S'))
    return FALSE;
  return later_closer && after == ' ' && g_unichar_islower (word);
}

/* Tiny pairs in single marks are elisions such as rock ’n’ roll, not
 * quotations; “x,” he said is one. */
static gboolean
is_quotation (const QuotesDocument *doc,
              const QuotesToken    *open,
              const QuotesToken    *close)
{
  guint letters = 0;

  for (guint32 p = quotes_document_token_end (doc, open); p < close->start && letters < 2; p = g_utf8_next_char (doc->text + p) - doc->text)
    letters += g_unichar_isalnum (g_utf8_get_char (doc->text + p));
  return letters >= 2 || (letters == 1 && !is_single (quotes_document_token_first (doc, open)));
}

/* Keeps the pair of marks @open_token and @close_token when they hold a
 * quotation, told while their tokens and text are in the cache. */
static void
add_pair (Pairing *pairing,
          guint    open_token,
          guint    close_token,
          guint    paragraph,
          guint    end_paragraph)
{
  const QuotesToken *open = quotes_document_token (pairing->doc, open_token);
  const QuotesToken *close = quotes_document_token (pairing->doc, close_token);
  Pair pair = { open_token, close_token, paragraph, end_paragraph, open->start, quotes_document_token_end (pairing->doc, close) };

  if (is_quotation (pairing->doc, open, close))
    g_array_append_val (pairing->pairs, pair);
}

static void
push (Pairing *pairing,
      guint    token,
      gunichar mark,
      guint    paragraph)
{
  if (pairing->depth == MAX_DEPTH)
    return;
  pairing->stack[pairing->depth].token = token;
  pairing->stack[pairing->depth].mark = mark;
  pairing->stack_paragraph[pairing->depth] = paragraph;
  pairing->depth++;
}

static gboolean
try_close (Pairing *pairing,
           guint    token,
           gunichar mark,
           guint    paragraph)
{
  for (guint k = pairing->depth; k-- > 0;)
    {
      if (!closes (pairing->stack[k].mark, mark))
        continue;
      add_pair (pairing, pairing->stack[k].token, token, pairing->stack_paragraph[k], paragraph);
      pairing->depth = k;
      return TRUE;
    }
  return FALSE;
}

/* The paragraph's marks, @marks (its tokens of doc->mark_tokens), in
 * order, each with whether a later mark of the paragraph could close a
 * single quote (for the plural possessive). Only its marks are visited:
 * a walk over the tokens of the half of the paragraphs that have any
 * was most of the stage's time, reading them from memory. */
static void
pair_paragraph (Pairing               *pairing,
                const QuotesParagraph *paragraph,
                const guint32         *marks,
                guint                  index,
                guint                  skip_token)
{
  QuotesDocument *doc = pairing->doc;
  guint last_closer = paragraph->first_token;  /* a later one closes a mark before it */

  pairing->stray_close = G_MAXUINT;
  /* Only the last single mark that may close matters: a mark has a later
   * closer when it stands before that one. No array, and in most
   * paragraphs the search stops near their end. */
  for (guint m = paragraph->marks; m-- > 0;)
    {
      const QuotesToken *token = quotes_document_token (doc, marks[m]);

      if (is_single (quotes_document_token_first (doc, token)) && (classify (doc, paragraph, token) & ROLE_CLOSE))
        {
          last_closer = marks[m];
          break;
        }
    }

  for (guint m = 0; m < paragraph->marks; m++)
    {
      guint i = marks[m];
      const QuotesToken *token = quotes_document_token (doc, i);
      gunichar mark;
      guint roles;

      if (i == skip_token)
        continue;
      mark = quotes_document_token_first (doc, token);
      roles = classify (doc, paragraph, token);
      if ((roles & ROLE_CLOSE) &&
          !is_plural_possessive (doc, paragraph, token, i < last_closer) &&
          try_close (pairing, i, mark, index))
        continue;
      if ((roles & ROLE_CLOSE) && is_single (mark) && pairing->stray_close == G_MAXUINT && pairing->depth > 0 &&
          !is_single (pairing->stack[pairing->depth - 1].mark) && i > paragraph->first_token &&
          quotes_document_token_is_punct (doc, i - 1, ".!?"))
        pairing->stray_close = i;
      if (roles & ROLE_OPEN)
        push (pairing, i, mark, index);
    }
}

static gboolean
ends_with_sentence (const QuotesDocument  *doc,
                    const QuotesParagraph *paragraph)
{
  for (guint i = paragraph->end_token; i-- > paragraph->first_token;)
    {
      const QuotesToken *token = quotes_document_token (doc, i);
      gunichar c;

      if (token->kind == QUOTES_TOKEN_MARK)
        continue;
      c = quotes_document_token_first (doc, token);
      return token->kind == QUOTES_TOKEN_PUNCT &&
             (c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ':' || c == 0x2014);
    }
  return FALSE;
}

/* A quote left open at the end of a finished paragraph goes on when the
 * next paragraph opens with the same mark. Returns that mark's token, or
 * G_MAXUINT when the quote does not go on (and is dropped). */
static guint
carry_over (Pairing *pairing,
            guint    index)
{
  QuotesDocument *doc = pairing->doc;
  const QuotesParagraph *paragraph = &g_array_index (doc->paragraphs, QuotesParagraph, index);
  const QuotesParagraph *next;
  const QuotesToken *first;

  /* Only a single open quote goes on; more open marks are typing or noise. */
  if (pairing->depth != 1 || index + 1 >= doc->paragraphs->len)
    return G_MAXUINT;
  next = &g_array_index (doc->paragraphs, QuotesParagraph, index + 1);
  if (next->boilerplate || next->first_token == next->end_token || !ends_with_sentence (doc, paragraph))
    return G_MAXUINT;
  first = quotes_document_token (doc, next->first_token);
  if (first->kind != QUOTES_TOKEN_MARK || quotes_document_token_first (doc, first) != pairing->stack[0].mark)
    return G_MAXUINT;
  pairing->depth = 1;
  return next->first_token;
}

/* “Let’s go. We can stop it.’ and ''We took it back.'.'): a double quote
 * still open at the paragraph's end, closed by mistake with a single mark
 * after its last stop, ends there. */
static void
close_at_stray_single (Pairing *pairing,
                       guint    index)
{
  if (pairing->depth != 1 || is_single (pairing->stack[0].mark) || pairing->stray_close == G_MAXUINT ||
      pairing->stray_close <= pairing->stack[0].token)
    return;
  add_pair (pairing, pairing->stack[0].token, pairing->stray_close, pairing->stack_paragraph[0], index);
  pairing->depth = 0;
}

/* “… in the Oval Office.: a double mark left open in a paragraph that
 * ends a sentence lost its closer (or the text was cut there); the quote
 * ends with the paragraph. A mark left open mid-sentence is still being
 * typed and stays unpaired. */
static void
close_at_paragraph_end (Pairing *pairing,
                        guint    index)
{
  QuotesDocument *doc = pairing->doc;
  const QuotesParagraph *paragraph = &g_array_index (doc->paragraphs, QuotesParagraph, index);
  guint last = paragraph->end_token - 1;

  if (pairing->depth != 1 || is_single (pairing->stack[0].mark) || paragraph->first_token == paragraph->end_token ||
      quotes_document_token (doc, last)->kind != QUOTES_TOKEN_PUNCT || !ends_with_sentence (doc, paragraph) ||
      last <= pairing->stack[0].token + 1)
    return;
  add_pair (pairing, pairing->stack[0].token, last, pairing->stack_paragraph[0], index);
}

static gint
compare_pairs (gconstpointer a,
               gconstpointer b)
{
  const Pair *pa = a, *pb = b;

  return (pa->open_token > pb->open_token) - (pa->open_token < pb->open_token);
}

/* Asks for the first tokens in marks of @pair, which keep_outermost
 * flags: far apart and long out of the cache, each stretch of them a
 * cache miss before the processor sees the stride. */
static void
prefetch_pair (const QuotesDocument *doc,
               const Pair           *pair)
{
  guint end = MIN (pair->close_token, pair->open_token + 1 + PREFETCH_TOKENS);

  for (guint t = pair->open_token + 1; t < end; t += 64 / sizeof (QuotesToken))
    quotes_prefetch (quotes_document_token (doc, t));
}

static void
keep_outermost (QuotesDocument *doc,
                GArray         *pairs)
{
  guint32 covered_until = 0;

  /* Appended as they close, so nearly in order of their opening marks
   * already: an outer pair only follows those nested in it. */
  quotes_sort_nearly_in_order (pairs, compare_pairs);
  for (guint i = 0; i < pairs->len; i++)
    {
      const Pair *pair = &g_array_index (pairs, Pair, i);
      QuotesMarkedSpan span;

      if (i + PAIRS_AHEAD < pairs->len)
        prefetch_pair (doc, &g_array_index (pairs, Pair, i + PAIRS_AHEAD));
      if (doc->marked->len > 0 && pair->open_token < covered_until)
        continue;
      span.open_token = pair->open_token;
      span.close_token = pair->close_token;
      span.start = pair->start;
      span.end = pair->end;
      span.paragraph = pair->paragraph;
      span.end_paragraph = pair->end_paragraph;
      covered_until = pair->close_token;
      g_array_append_val (doc->marked, span);
      for (guint t = pair->open_token + 1; t < pair->close_token; t++)
        g_array_index (doc->tokens, QuotesToken, t).flags |= QUOTES_TOKEN_IN_QUOTE;
    }
}

/* Asks for the tokens of the marks in doc->mark_tokens up to @upto, from
 * *@prefetched on, and for the text of those half as far ahead, which
 * classify reads: the marks lie far apart, each a cache miss that the
 * processor does not see coming, and the list says which come next. */
static void
prefetch_marks (const QuotesDocument *doc,
                guint                *prefetched,
                gsize                 upto)
{
  const guint32 *marks = (const guint32 *) doc->mark_tokens->data;

  for (upto = MIN (upto, doc->mark_tokens->len); *prefetched < upto; (*prefetched)++)
    {
      quotes_prefetch (quotes_document_token (doc, marks[*prefetched]));
      if (*prefetched >= MARKS_AHEAD / 2)
        quotes_prefetch (doc->text + quotes_document_token (doc, marks[*prefetched - MARKS_AHEAD / 2])->start);
    }
}

void
quotes_marks_run (QuotesDocument *doc)
{
  Pairing pairing = { .doc = doc };
  guint skip_token = G_MAXUINT;
  const guint32 *all_marks = (const guint32 *) doc->mark_tokens->data;
  guint next_mark = 0;  /* each paragraph's first in turn: a number, as a text without marks has no list */
  guint prefetched = 0;

  pairing.pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  for (guint i = 0; i < doc->paragraphs->len; i++)
    {
      const QuotesParagraph *paragraph = &g_array_index (doc->paragraphs, QuotesParagraph, i);
      const guint32 *marks = paragraph->marks > 0 ? all_marks + next_mark : NULL;

      next_mark += paragraph->marks;
      prefetch_marks (doc, &prefetched, next_mark + MARKS_AHEAD);
      if (paragraph->boilerplate)
        {
          pairing.depth = 0;
          continue;
        }
      pair_paragraph (&pairing, paragraph, marks, i, skip_token);
      close_at_stray_single (&pairing, i);
      skip_token = carry_over (&pairing, i);
      if (skip_token == G_MAXUINT)
        {
          close_at_paragraph_end (&pairing, i);
          pairing.depth = 0;
        }
    }
  keep_outermost (doc, pairing.pairs);
  g_array_unref (pairing.pairs);
}
