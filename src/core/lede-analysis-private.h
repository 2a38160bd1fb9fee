/* lede-analysis-private.h: the working state the analysis stages share. */
#pragma once

#include "lede-analysis.h"

G_BEGIN_DECLS

typedef enum
{
  LEDE_TOKEN_WORD = 1 << 0,            /* letters (may hold ' - . inside: "U.S.", "al-Sinwar") */
  LEDE_TOKEN_NUMBER = 1 << 1,          /* starts with a digit: "21", "1.5", "1,000", "2024" */
  LEDE_TOKEN_PUNCT = 1 << 2,           /* anything else, one character */
  LEDE_TOKEN_CAPITALIZED = 1 << 3,     /* first letter is upper case */
  LEDE_TOKEN_UPPER = 1 << 4,           /* two or more letters, all upper case */
  LEDE_TOKEN_SENTENCE_START = 1 << 5,  /* first token of a sentence */
  LEDE_TOKEN_PARAGRAPH_START = 1 << 6, /* first token after a line break */
  LEDE_TOKEN_SPACE_BEFORE = 1 << 7,    /* white space before the token */
  LEDE_TOKEN_POSSESSIVE = 1 << 8,      /* the "'s" / "’s" / "’" after a name */
  LEDE_TOKEN_QUOTE = 1 << 9,           /* a quotation mark: " “ ” ' ‘ ’ « » */
  LEDE_TOKEN_TITLE = 1 << 10,          /* part of the headline */
} LedeTokenFlags;

typedef struct
{
  guint bstart;
  guint bend;
  guint start; /* code points */
  guint end;
  guint sentence;
  guint flags; /* LedeTokenFlags */
} LedeToken;

typedef struct
{
  guint first; /* first token */
  guint end;   /* one past the last token */
} LedeTokenRange;

typedef struct
{
  char *text; /* normalized UTF-8 (NFC, LF line ends) */
  gsize len;
  char *title;             /* or NULL */
  guint title_bend;        /* bytes of text the title line takes, 0 without one */
  GArray *tokens;          /* LedeToken */
  GArray *sentences;       /* LedeSentence */
  GArray *sentence_tokens; /* LedeTokenRange, one per sentence */
  GPtrArray *actors;       /* LedeActor * */
  GPtrArray *figures;      /* LedeFigure * */
  GPtrArray *claims;       /* LedeClaim * */
  int *token_actor;        /* per token: the actor a mention there names, or -1 */
  guint n_words;
} LedeDoc;

/* Stages, in the order lede-analysis.c runs them. */
gboolean lede_normalize (const char *input,
                         gsize length,
                         gsize max_size,
                         char **out_text,
                         gsize *out_length,
                         GError **error);
void lede_tokenize (LedeDoc *doc);
void lede_split_sentences (LedeDoc *doc);
void lede_find_actors (LedeDoc *doc);
void lede_find_figures (LedeDoc *doc);
void lede_find_claims (LedeDoc *doc);
void lede_find_disputes (LedeDoc *doc);

/* Helpers every stage uses. */
static inline const LedeToken *
lede_doc_token (const LedeDoc *doc, guint i)
{
  return &g_array_index (doc->tokens, LedeToken, i);
}

static inline guint
lede_doc_n_tokens (const LedeDoc *doc)
{
  return doc->tokens->len;
}

static inline const char *
lede_doc_token_str (const LedeDoc *doc, guint i, gsize *len)
{
  const LedeToken *t = lede_doc_token (doc, i);
  *len = t->bend - t->bstart;
  return doc->text + t->bstart;
}

gboolean lede_doc_token_is (const LedeDoc *doc, guint i, const char *word);
gboolean lede_doc_token_is_fold (const LedeDoc *doc, guint i, const char *word);
char *lede_doc_dup_token_lower (const LedeDoc *doc, guint i);
char *lede_doc_dup_range (const LedeDoc *doc, guint first, guint end);
void lede_doc_span_from_tokens (const LedeDoc *doc, guint first, guint end, LedeSpan *span);
guint lede_doc_cp_at_byte (const LedeDoc *doc, guint byte);

void lede_actor_free (LedeActor *actor);
void lede_figure_free (LedeFigure *figure);
void lede_claim_free (LedeClaim *claim);
LedeActor *lede_actor_new (const char *name, LedeActorKind kind);
LedeFigure *lede_figure_new (void);
LedeClaim *lede_claim_new (void);
void lede_actor_add_alias (LedeActor *actor, const char *alias);

void lede_doc_clear (LedeDoc *doc);

/* JSON, in lede-json.c */
char *lede_doc_to_json (const LedeDoc *doc, const char *analyzer, double elapsed_ms, gboolean pretty);
gboolean lede_doc_from_json (LedeDoc *doc,
                             const char *json,
                             gssize length,
                             char **analyzer,
                             double *elapsed_ms,
                             GError **error);

G_END_DECLS
