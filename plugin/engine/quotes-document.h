/* SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <gio/gio.h>
#include <string.h>

#include "quotes-byte-chunks-private.h"
#include "quotes-enums.h"
#include "quotes-lexicon.h"

G_BEGIN_DECLS

/* Internal to the engine library: hidden, so that its files call each other
 * directly, not through the PLT, and the compiler may inline. */
#pragma GCC visibility push(hidden)

/*
 * The state the analysis pipeline shares. Every stage reads the immutable
 * text and what earlier stages left here, and adds its own layer. Offsets in
 * here are byte offsets into @text; only the result stage speaks code points.
 */

typedef enum
{
  QUOTES_TOKEN_WORD,
  QUOTES_TOKEN_NUMBER,
  QUOTES_TOKEN_MARK,     /* a quote mark or a free-standing apostrophe */
  QUOTES_TOKEN_PUNCT,
  QUOTES_TOKEN_HANDLE,   /* @name */
  QUOTES_TOKEN_URL,
  QUOTES_TOKEN_HASHTAG,  /* #name: a label, neither a word of the text nor a name */
} QuotesTokenKind;

typedef enum
{
  QUOTES_TOKEN_CAPITALIZED   = 1 << 0,  /* starts with an upper-case letter */
  QUOTES_TOKEN_ALL_CAPS      = 1 << 1,  /* two or more letters, all upper case */
  QUOTES_TOKEN_SENT_START    = 1 << 2,  /* first word-like token of a sentence */
  QUOTES_TOKEN_PARA_START    = 1 << 3,
  QUOTES_TOKEN_POSSESSIVE    = 1 << 4,  /* ends in 's or ’s; quotes_document_token_base_end excludes it */
  QUOTES_TOKEN_ABBREVIATION  = 1 << 5,  /* its final period is part of it */
  QUOTES_TOKEN_ASCII         = 1 << 6,
  QUOTES_TOKEN_IN_QUOTE      = 1 << 7,  /* inside a quotation's marks */
  QUOTES_TOKEN_HYPHENATED    = 1 << 8,
  QUOTES_TOKEN_IN_POST       = 1 << 9,  /* the text of a cited post: not the writer's */
  QUOTES_TOKEN_CURLY_ENDING  = 1 << 10, /* with QUOTES_TOKEN_POSSESSIVE: the ending is "’s", not "'s" */
  QUOTES_TOKEN_THE_WHO_WHICH = 1 << 11, /* "the", "who" or "which", in lower case: the mention stage's
                                         * small words, told while the word is at hand */
} QuotesTokenFlags;

/* Eight bytes: every stage walks the tokens, one for every five or six
 * bytes of text, and a smaller array is fewer pages to fault in and fewer
 * cache lines to read (tokens padded from 12 bytes to 16 took 4% more CPU
 * and 70 MiB more on 100 MB of news). So a token keeps its length, not
 * its end, in a byte: the few longer than QUOTES_TOKEN_LONG bytes, long
 * URLs mostly, have theirs in the document (quotes_document_token_end).
 * The first character, which few tests need, is read from the text
 * (quotes_document_token_first). */
typedef struct
{
  guint32  start;
  guint8   length;       /* bytes, or QUOTES_TOKEN_LONG */
  guint8   lex;          /* QuotesWordClass bits of its lower-case form */
  guint16  flags : 12;   /* QuotesTokenFlags */
  guint16  kind : 4;     /* QuotesTokenKind */
} QuotesToken;

G_STATIC_ASSERT (sizeof (QuotesToken) == 8);

#define QUOTES_TOKEN_LONG 255

/* The bytes of the token's possessive ending ("'s", "’s"), or 0: 2 for
 * QUOTES_TOKEN_POSSESSIVE (1 << 4), 2 more for QUOTES_TOKEN_CURLY_ENDING
 * (1 << 10), by shifts rather than branches. */
static inline guint
quotes_token_ending (const QuotesToken *token)
{
  G_STATIC_ASSERT (QUOTES_TOKEN_POSSESSIVE >> 3 == 2 && QUOTES_TOKEN_CURLY_ENDING >> 9 == 2);

  return ((token->flags & QUOTES_TOKEN_POSSESSIVE) >> 3) + ((token->flags & QUOTES_TOKEN_CURLY_ENDING) >> 9);
}

typedef struct
{
  guint32  start;        /* bytes, without the line break */
  guint32  end;
  guint32  first_token;
  guint32  end_token;
  guint32  marks;        /* how many of its tokens are QUOTES_TOKEN_MARK: the next ones of doc->mark_tokens */
  gboolean boilerplate;  /* "Also Read | …" and the like */
  gboolean headline;     /* Title Case: capitals say nothing about names */
} QuotesParagraph;

typedef struct
{
  guint32 first_token;
  guint32 end_token;
  guint32 paragraph;
} QuotesSentence;

/* A stretch between paired quote marks, marks included. */
typedef struct
{
  guint32 start;
  guint32 end;
  guint32 open_token;    /* the opening mark */
  guint32 close_token;   /* the closing mark */
  guint32 paragraph;     /* where it opens */
  guint32 end_paragraph; /* where it closes: differs for multi-paragraph quotes */
} QuotesMarkedSpan;

typedef enum
{
  QUOTES_MENTION_NAME,        /* a proper name: "Jane Holt", "Holt", "Mr. Smith" */
  QUOTES_MENTION_HANDLE,      /* "@janeholt" */
  QUOTES_MENTION_PRONOUN,     /* "he", "her", "himself" */
  QUOTES_MENTION_DESCRIPTOR,  /* "the Ukrainian president" */
  QUOTES_MENTION_ROLE,        /* "a senior official", "the statement": nobody in particular */
} QuotesMentionKind;

typedef enum
{
  QUOTES_GENDER_UNKNOWN,
  QUOTES_GENDER_MALE,
  QUOTES_GENDER_FEMALE,
  QUOTES_GENDER_NEUTER,
  QUOTES_GENDER_PLURAL,
  QUOTES_GENDER_SELF,      /* "I", "we": the writer or the speaker, never resolved */
} QuotesGender;

typedef struct
{
  guint32 start;            /* bytes: the mention as a reader sees it */
  guint32 end;
  guint32 first_token;      /* the name proper, after any title */
  guint32 end_token;
  guint32 span_token;       /* the first token of the title, or first_token */
  guint32 surname_token;    /* persons: the token holding the family name */
  guint32 title_start;      /* bytes: the title before the name; equal when none */
  guint32 title_end;
  gint32  entity;           /* index into entities, -1 until coreference */
  /* In bits, as the mentions of a long text are millions: 40 bytes, not 48. */
  guint   kind : 3;         /* QuotesMentionKind */
  guint   type : 1;         /* QuotesEntityType */
  guint   gender : 3;       /* QuotesGender */
  guint   type_known : 1;   /* type comes from the lexicon or the name's form */
  guint   is_subject : 1;   /* the first mention of its sentence, not after a preposition */
  guint   possessive : 1;
  guint   in_quote : 1;
  guint   weak : 1;         /* may join an entity, never starts one */
  guint   pronoun_case : 2; /* QuotesPronounCase */
  guint   relative : 1;     /* "who" or "which" right after ", ": the mention before the comma */
} QuotesMention;

G_STATIC_ASSERT (sizeof (QuotesMention) == 40);

typedef struct
{
  guint32  first_token;     /* the cue words */
  guint32  end_token;
  guint32  flags;           /* QuotesCueFlags of the lexicon */
} QuotesCue;

typedef struct
{
  guint32 start;            /* bytes; marks included for marked kinds */
  guint32 end;
  guint8  kind;             /* QuotesQuoteKind */
  gint32  cue;              /* index into cues, or -1 */
  gint32  source;           /* index into mentions, or -1 */
  gint32  speaker;          /* index into entities, or -1 */
  gint32  post;             /* index into posts, or -1 */
  gint32  marked;           /* index into marked spans, or -1 for indirect */
  double  confidence;
} QuotesQuoteRecord;

typedef struct
{
  char        *name;        /* canonical */
  char        *title;       /* or NULL */
  GPtrArray   *aliases;     /* char * */
  GArray      *mentions;    /* guint32 indices into mentions */
  guint8       type;        /* QuotesEntityType */
  guint8       gender;      /* QuotesGender */
  char        *surname_key; /* folded last name, for matching */
  char        *given_key;   /* folded first name, or NULL */
  char        *nationality; /* the country its title names, or NULL */
} QuotesEntityRecord;

typedef struct
{
  guint32 index;
  guint32 end;
} QuotesLongToken;

typedef struct
{
  const char        *text;
  gsize              length;
  QuotesLexicon     *lexicon;
  GCancellable      *cancellable;

  GArray            *tokens;      /* QuotesToken */
  GArray            *paragraphs;  /* QuotesParagraph */
  GArray            *sentences;   /* QuotesSentence */
  GArray            *mark_tokens; /* guint32: the QUOTES_TOKEN_MARK tokens, in order */
  GArray            *marked;      /* QuotesMarkedSpan, sorted, top level only */
  GArray            *mentions;    /* QuotesMention, sorted by start up to sorted_mentions;
                                   * attribution appends unnamed sources after that */
  guint              sorted_mentions;
  GArray            *cues;        /* QuotesCue, sorted */
  GArray            *quotes;      /* QuotesQuoteRecord */
  GArray            *entities;    /* QuotesEntityRecord */
  GArray            *posts;       /* QuotesPostSpan */
  GArray            *post_speakers; /* gint32 per post: entity index or -1 */
  /* The sentence of each token, read with quotes_document_sentence_of:
   * the sentence of the first token of its block of 64, and what each
   * token adds to it, under 64 since every sentence has a token. A
   * fourth of the memory of a number for each token, which the kernel
   * has to clear, and fewer cache lines to read. */
  guint32           *sentence_of_block;
  guint8            *sentence_in_block;
  guint16           *token_names; /* per token: QuotesNameClass bits, packed; 0 until asked */
  GArray            *long_tokens; /* QuotesLongToken, by index: the ends of tokens of QUOTES_TOKEN_LONG bytes or more */
} QuotesDocument;

void     quotes_document_init  (QuotesDocument *doc,
                                QuotesLexicon  *lexicon,
                                const char     *text,
                                gsize           length,
                                GCancellable   *cancellable);
void     quotes_document_clear (QuotesDocument *doc);
void     quotes_document_reserve (GArray         *array,
                                  guint           n);
void     quotes_document_grow    (GArray         *array);

/* How many tokens the document makes room for at first: one for every
 * five bytes, about what news needs. */
static inline gsize
quotes_document_reserved_tokens (gsize length)
{
  return length / 5 + 16;
}

static inline const QuotesToken *
quotes_document_token (const QuotesDocument *doc,
                       guint                 index)
{
  return &g_array_index (doc->tokens, QuotesToken, index);
}

static inline const char *
quotes_document_token_text (const QuotesDocument *doc,
                            guint                 index)
{
  return doc->text + g_array_index (doc->tokens, QuotesToken, index).start;
}

guint32  quotes_document_long_token_end (const QuotesDocument *doc,
                                         const QuotesToken    *token);
void     quotes_document_add_long_token (QuotesDocument       *doc,
                                         QuotesToken          *token,
                                         guint32               end);

/* Sets where @token, one of doc->tokens, ends. The tokenizer calls it
 * for each token once, in order. */
static inline void
quotes_document_set_token_end (QuotesDocument *doc,
                               QuotesToken    *token,
                               guint32         end)
{
  if (G_LIKELY (end - token->start < QUOTES_TOKEN_LONG))
    token->length = end - token->start;
  else
    quotes_document_add_long_token (doc, token, end);
}

/* Where @token, one of doc->tokens, ends. */
static inline guint32
quotes_document_token_end (const QuotesDocument *doc,
                           const QuotesToken    *token)
{
  if (G_LIKELY (token->length != QUOTES_TOKEN_LONG))
    return token->start + token->length;
  return quotes_document_long_token_end (doc, token);
}

/* The bytes of @token. */
static inline guint32
quotes_document_token_length (const QuotesDocument *doc,
                              const QuotesToken    *token)
{
  if (G_LIKELY (token->length != QUOTES_TOKEN_LONG))
    return token->length;
  return quotes_document_long_token_end (doc, token) - token->start;
}

/* Where @token ends without its possessive ending. */
static inline guint32
quotes_document_token_base_end (const QuotesDocument *doc,
                                const QuotesToken    *token)
{
  return quotes_document_token_end (doc, token) - quotes_token_ending (token);
}

/* The bytes of @token without its possessive ending. */
static inline guint32
quotes_document_token_base_length (const QuotesDocument *doc,
                                   const QuotesToken    *token)
{
  return quotes_document_token_length (doc, token) - quotes_token_ending (token);
}

/* The first character of @token. The text is valid UTF-8 (the analyzer
 * checks it), and two apostrophes ('') are a double quote mark. */
static inline gunichar
quotes_document_token_first (const QuotesDocument *doc,
                             const QuotesToken    *token)
{
  guchar b = (guchar) doc->text[token->start];

  if (G_LIKELY (b < 0x80))
    return b == '\'' && token->kind == QUOTES_TOKEN_MARK && token->length == 2 ? '"' : b;
  return g_utf8_get_char (doc->text + token->start);
}

/* Whether @token, of @text, is written exactly @word. */
static inline gboolean
quotes_token_text_is (const char        *text,
                      const QuotesToken *token,
                      const char        *word)
{
  gsize n = strlen (word);

  /* A long token's length byte is QUOTES_TOKEN_LONG, which no word's length equals. */
  return n < QUOTES_TOKEN_LONG && token->length == n && memcmp (text + token->start, word, n) == 0;
}

/* Whether token @index is written exactly @word. Inline: the stages ask
 * it of nearly every token, mostly with a constant word. */
static inline gboolean
quotes_document_token_is (const QuotesDocument *doc,
                          guint                 index,
                          const char           *word)
{
  return index < doc->tokens->len && quotes_token_text_is (doc->text, quotes_document_token (doc, index), word);
}

/* How many records ahead a loop over mentions asks for what it will read
 * of their tokens: see quotes_document_prefetch_token. */
#define QUOTES_PREFETCH_AHEAD 16

/* Asks the processor to load what @address points to, where the
 * compiler knows how: a hint only, nothing it computes changes. */
static inline void
quotes_prefetch (const void *address)
{
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch (address);
#else
  (void) address;
#endif
}

#define QUOTES_SENTENCE_BLOCK_BITS 6

/* The number of the sentence of token @index, a token of the text. */
static inline guint
quotes_document_sentence_of (const QuotesDocument *doc,
                             guint                 index)
{
  return doc->sentence_of_block[index >> QUOTES_SENTENCE_BLOCK_BITS] + doc->sentence_in_block[index];
}

/* Asks the processor to load token @index and its sentence's number
 * before they are read. A loop over the mentions of a long text reads
 * tokens far apart in arrays of megabytes, each a cache miss that the
 * processor, which follows only steady strides, does not see coming; it
 * knows the mentions ahead, and so what they will read. */
static inline void
quotes_document_prefetch_token (const QuotesDocument *doc,
                                guint                 index)
{
  if (index < doc->tokens->len)
    {
      quotes_prefetch (quotes_document_token (doc, index));
      quotes_prefetch (&doc->sentence_in_block[index]);
    }
}

/* Token @token lower-cased into @lower (room for nine bytes, or eight for
 * a word of fewer than eight), as quotes_document_token_lower gives it,
 * and as a number in @chunk: its bytes, little-endian, zeros after them.
 * Only for an ASCII word of up to eight bytes with eight bytes of text
 * from its start, nearly every word, where that is one load and a few
 * operations; FALSE, with nothing set, for any other. */
static inline gboolean
quotes_document_token_lower_short (const QuotesDocument *doc,
                                   const QuotesToken    *token,
                                   char                 *lower,
                                   guint64              *chunk)
{
  gsize n = quotes_document_token_base_length (doc, token);
  guint64 word;

  if (!(token->flags & QUOTES_TOKEN_ASCII) || n - 1 >= 8 || token->start + 8 > doc->length)
    return FALSE;
  memcpy (&word, doc->text + token->start, 8);
  word = quotes_ascii_lower_chunk (GUINT64_FROM_LE (word) & quotes_first_bytes (n));
  *chunk = word;
  word = GUINT64_TO_LE (word);
  memcpy (lower, &word, 8);
  lower[n] = '\0';
  return TRUE;
}

guint    quotes_document_look_up_names  (const QuotesDocument *doc,
                                          guint                 index);

/* A QuotesNameClass answer in the 16 bits doc->token_names keeps of it,
 * half the memory: the classes below QUOTES_NAME_LOOKED_UP as they are,
 * the genders (QuotesGender, under 8) in three bits each, the first
 * name's inverted, so that no answer packs to 0, which means "not asked". */
G_STATIC_ASSERT (QUOTES_NAME_LOOKED_UP == 1 << 10);

static inline guint16
quotes_names_pack (guint names)
{
  return (names & (QUOTES_NAME_LOOKED_UP - 1)) |
         (QUOTES_NAME_HONORIFIC_GENDER (names) & 7) << 10 |
         ((QUOTES_NAME_FIRST_NAME_GENDER (names) & 7) ^ 7) << 13;
}

static inline guint
quotes_names_unpack (guint16 packed)
{
  return (packed & (QUOTES_NAME_LOOKED_UP - 1)) | QUOTES_NAME_LOOKED_UP |
         ((packed >> 10) & 7u) << QUOTES_NAME_HONORIFIC_GENDER_SHIFT |
         ((packed >> 13) ^ 7u) << QUOTES_NAME_FIRST_NAME_GENDER_SHIFT;
}

/* The QuotesNameClass bits of token @index as written, without a
 * possessive ending; none past the last token. Looked up once per token,
 * on the first ask: the mention stage asks them of a capitalised word
 * from every rule that reads it. Only the cache changes, so a const
 * document will do. */
static inline guint
quotes_document_token_names (const QuotesDocument *doc,
                             guint                 index)
{
  if (index >= doc->tokens->len)
    return 0;
  if (doc->token_names[index] == 0)
    doc->token_names[index] = quotes_names_pack (quotes_document_look_up_names (doc, index));
  return quotes_names_unpack (doc->token_names[index]);
}

gboolean quotes_document_char_in        (gunichar              c,
                                          const char           *chars);

/* Whether token @index is punctuation, one of @chars. Inline, with plain
 * strchr for ASCII: the stages ask it of most tokens, and g_utf8_strchr
 * encodes the character and calls strstr each time. In UTF-8 an ASCII
 * byte is only ever that character, so strchr finds the same. */
static inline gboolean
quotes_document_token_is_punct (const QuotesDocument *doc,
                                guint                 index,
                                const char           *chars)
{
  const QuotesToken *token;
  gunichar first;

  if (index >= doc->tokens->len)
    return FALSE;
  token = quotes_document_token (doc, index);
  if (token->kind != QUOTES_TOKEN_PUNCT)
    return FALSE;
  first = quotes_document_token_first (doc, token);
  if (first < 0x80)
    return strchr (chars, (int) first) != NULL;
  return quotes_document_char_in (first, chars);
}
char    *quotes_document_phrase          (const QuotesDocument *doc,
                                          guint                 first,
                                          guint                 n,
                                          gboolean              lower,
                                          char                 *buffer,
                                          gsize                 size);
char    *quotes_document_token_lower     (const QuotesDocument *doc,
                                          guint                 index,
                                          char                 *buffer,
                                          gsize                 size);

/* g_strv_contains for the short word lists the stages ask about every
 * word: comparing the first two bytes first skips nearly every strcmp call,
 * which the first alone does not where lists hold "the", "their", "these",
 * "this", "that". Both bytes exist: no word of a list is empty, so a first
 * byte that matches is no NUL, and the second is at worst a NUL. */
static inline gboolean
quotes_word_in_list (const char * const *list,
                     const char         *word)
{
  for (; *list != NULL; list++)
    if ((*list)[0] == word[0] && (*list)[1] == word[1] && strcmp (*list, word) == 0)
      return TRUE;
  return FALSE;
}

/* For long loops: whether to stop because the analysis was cancelled; looks
 * only every 256 steps. A stage that stops leaves the document half done,
 * which the analyzer then drops. */
static inline gboolean
quotes_document_cancelled (const QuotesDocument *doc,
                           guint                 step)
{
  return (step & 0xff) == 0 && g_cancellable_is_cancelled (doc->cancellable);
}

gboolean quotes_document_token_is_weekday (const QuotesDocument *doc,
                                           guint                 index);
/* Whether the lower-case word @lower is one that opens sentences: a
 * determiner, conjunction, preposition or adverb ("the", "but", "so"). */
gboolean quotes_document_is_sentence_opener (const char         *lower);

guint    quotes_document_first_from       (const GArray         *array,
                                           guint                 from,
                                           guint                 to,
                                           gsize                 offset,
                                           guint32               value);

/* The stages, in the order the analyzer runs them. */
void quotes_segment_run     (QuotesDocument *doc);
void quotes_posts_run       (QuotesDocument *doc);
void quotes_marks_run       (QuotesDocument *doc);
void quotes_mentions_run    (QuotesDocument *doc);
void quotes_cues_run        (QuotesDocument *doc);
void quotes_attribution_run (QuotesDocument *doc);
void quotes_coref_run       (QuotesDocument *doc);
void quotes_post_links_run  (QuotesDocument *doc);
void quotes_entities_run    (QuotesDocument *doc);

#pragma GCC visibility pop

G_END_DECLS
