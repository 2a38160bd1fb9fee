/* lede-types.h: the plain records an analysis is made of (actors, figures, claims). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LEDE_ACTOR_PERSON,
  LEDE_ACTOR_ORGANIZATION,
  LEDE_ACTOR_PLACE,
  LEDE_ACTOR_GROUP,
  LEDE_ACTOR_OTHER,
} LedeActorKind;

typedef enum
{
  LEDE_FIGURE_COUNT,
  LEDE_FIGURE_MONEY,
  LEDE_FIGURE_PERCENT,
  LEDE_FIGURE_DATE,
  LEDE_FIGURE_ORDINAL,
  LEDE_FIGURE_QUANTITY,
  LEDE_FIGURE_DURATION,
} LedeFigureKind;

typedef enum
{
  LEDE_STANCE_STATEMENT,
  LEDE_STANCE_ACCUSATION,
  LEDE_STANCE_DENIAL,
  LEDE_STANCE_DEMAND,
  LEDE_STANCE_THREAT,
  LEDE_STANCE_PREDICTION,
} LedeStance;

typedef enum
{
  LEDE_DISPUTE_NONE,
  LEDE_DISPUTE_ACCUSATION,
  LEDE_DISPUTE_DENIAL,
  LEDE_DISPUTE_REBUTTAL,
  LEDE_DISPUTE_CONFLICTING_FIGURES,
  LEDE_DISPUTE_HEDGED,
} LedeDisputeReason;

/* A span of the analysed text. start/end are Unicode code-point offsets
 * (what the JSON carries); bstart/bend are byte offsets into the same
 * UTF-8 text, which C code uses to slice it. */
typedef struct
{
  guint start;
  guint end;
  guint bstart;
  guint bend;
  guint sentence;
} LedeSpan;

typedef struct
{
  guint start;
  guint end;
  guint bstart;
  guint bend;
} LedeSentence;

typedef struct
{
  char *name; /* the fullest name used */
  LedeActorKind kind;
  GPtrArray *aliases; /* char *, every distinct surface form, name included */
  char *role;         /* or NULL */
  double salience;    /* 0..1 */
  GArray *mentions;   /* LedeSpan, in text order */
} LedeActor;

typedef struct
{
  LedeSpan span;
  LedeFigureKind kind;
  double value;    /* the number, for every kind but dates */
  char *date;      /* ISO 8601 ("2024-07-31", "--07-31", "2024-07", "2024") for dates */
  char *unit;      /* or NULL */
  char *qualifier; /* at least | over | under | about | up to | nearly | exactly, or NULL */
  char *about;     /* or NULL */
  int source;      /* actor index, or -1 when the article states it itself */
} LedeFigure;

typedef struct
{
  LedeSpan span;
  int claimant;        /* actor index, or -1 */
  char *claimant_text; /* the words naming the source, or NULL */
  char *verb;
  LedeStance stance;
  GArray *targets; /* int actor indexes */
  gboolean disputed;
  GArray *disputed_by; /* int actor indexes */
  LedeDisputeReason dispute_reason;
} LedeClaim;

const char *lede_actor_kind_to_string (LedeActorKind kind);
gboolean lede_actor_kind_from_string (const char *str, LedeActorKind *kind);
const char *lede_figure_kind_to_string (LedeFigureKind kind);
gboolean lede_figure_kind_from_string (const char *str, LedeFigureKind *kind);
const char *lede_stance_to_string (LedeStance stance);
gboolean lede_stance_from_string (const char *str, LedeStance *stance);
const char *lede_dispute_reason_to_string (LedeDisputeReason reason);
gboolean lede_dispute_reason_from_string (const char *str, LedeDisputeReason *reason);

G_END_DECLS
