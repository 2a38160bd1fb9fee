/* lede-claims-private.h: what the claims and disputes stages share about reporting words. */
#pragma once

#include "lede-analysis-private.h"

G_BEGIN_DECLS

/* The flags of a reporting-verbs.txt entry (see that file). */
typedef enum
{
  LEDE_VERB_INV = 1 << 0,
  LEDE_VERB_WEAK = 1 << 1,
  LEDE_VERB_SOURCE = 1 << 2,
  LEDE_VERB_PERSON = 1 << 3,
  LEDE_VERB_OBJ = 1 << 4,
  LEDE_VERB_FOR = 1 << 5,
  LEDE_VERB_REBUT = 1 << 6,
  LEDE_VERB_PLEDGE = 1 << 7,
  LEDE_VERB_POSTONLY = 1 << 8,
} LedeVerbFlags;

/* Looks @word up in the reporting verbs (folding ASCII case); fills
 * @stance and @flags and returns TRUE when it is one. */
gboolean lede_claims_lookup_verb (const char *word, gsize len, LedeStance *stance, guint *flags);

/* The token a claim's verb starts at is not kept; disputes only need the
 * flags of the claim's verb as written ("said", "According to"). */
guint lede_claims_verb_flags (const char *verb);

G_END_DECLS
