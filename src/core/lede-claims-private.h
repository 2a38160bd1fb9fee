/* lede-claims-private.h: what the claims and disputes stages share about reporting words. */
#pragma once

#include <string.h>

#include "lede-analysis-private.h"
#include "lede-wordlist.h"

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
  LEDE_VERB_AT = 1 << 9,
  LEDE_VERB_CLAUSE = 1 << 10,
} LedeVerbFlags;

/* Looks @word up in the reporting verbs (folding ASCII case); fills
 * @stance and @flags and returns TRUE when it is one. */
gboolean lede_claims_lookup_verb (const char *word, gsize len, LedeStance *stance, guint *flags);

/* The token a claim's verb starts at is not kept; disputes only need the
 * flags of the claim's verb as written ("said", "According to"). */
guint lede_claims_verb_flags (const char *verb);

/* A quick test, before a hash lookup, of whether a word may be in a word
 * list: by its length and first letter (ASCII, case folded). Most words
 * of a text fail it, so hot loops pay one table read for them. */
#define LEDE_WORD_FILTER_MAX 24

typedef struct
{
  guint32 first[LEDE_WORD_FILTER_MAX + 1]; /* by length: bit (first letter - 'a') */
  guint32 last[LEDE_WORD_FILTER_MAX + 1];  /* by length: bit (last letter - 'a') */
} LedeWordFilter;

/* Fills @filter from @list; with @first_words, from the first word of each entry. */
void lede_word_filter_init (LedeWordFilter *filter, const LedeWordList *list, gboolean first_words);
/* Adds one entry of @len bytes to @filter. */
void lede_word_filter_add (LedeWordFilter *filter, const char *entry, gsize len);

static inline gboolean
lede_word_filter_may_hold (const LedeWordFilter *filter, const char *word, gsize len)
{
  guchar ch, last;
  if (len == 0 || len > LEDE_WORD_FILTER_MAX)
    return len > LEDE_WORD_FILTER_MAX;
  ch = (guchar) word[0] | 0x20;
  last = (guchar) word[len - 1] | 0x20;
  if (ch < 'a' || ch > 'z' || last < 'a' || last > 'z')
    return TRUE;
  return ((filter->first[len] >> (ch - 'a')) & 1) && ((filter->last[len] >> (last - 'a')) & 1);
}

/* g_ascii_tolower() without the function call. */
static inline char
lede_ascii_lower (char c)
{
  return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* Is the token text @s (@len bytes) @word, ignoring ASCII case? Inline,
 * without strlen(), since the stages test tokens against short inline
 * lists of words many times per token. */
static inline gboolean
lede_ascii_word_eq (const char *s, gsize len, const char *word)
{
  for (gsize k = 0; k < len; k++)
    {
      guchar a = (guchar) s[k], b = (guchar) word[k];

      if (b == '\0')
        return FALSE;
      if (a != b)
        {
          a = a >= 'A' && a <= 'Z' ? a + ('a' - 'A') : a;
          b = b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
          if (a != b)
            return FALSE;
        }
    }
  return word[len] == '\0';
}

/* lede_word_list_lookup_lower() without its per-letter calls. */
const char *lede_word_list_lookup_folded (const LedeWordList *list, const char *word, gsize len);

/* A GHashTable of strings, frozen into an open-addressing table keyed by
 * (bytes, length): the names and titles tables are looked up for nearly
 * every word (actors, disputes), and this hashes the joined key once, without strlen(),
 * g_str_hash() or a strcmp() per colliding entry. */
typedef struct
{
  const char *key;
  gconstpointer value;
  guint32 len;
  guint32 hash; /* 0 for an empty slot */
} LedeFrozenSlot;

typedef struct
{
  LedeFrozenSlot *slots;
  guint32 mask;
  guint32 max_len; /* of any key */
} LedeFrozenMap;

static inline guint32
lede_frozen_hash (const char *s, gsize len)
{
  guint32 h = 2166136261u;

  for (gsize i = 0; i < len; i++)
    h = (h ^ (guchar) s[i]) * 16777619u;
  return h | 1;
}

static inline LedeFrozenMap *
lede_frozen_map_new (GHashTable *table)
{
  LedeFrozenMap *m = g_new0 (LedeFrozenMap, 1);
  guint32 size = 16;
  GHashTableIter iter;
  gpointer key, value;

  while (size < g_hash_table_size (table) * 4 + 1)
    size *= 2;
  m->slots = g_new0 (LedeFrozenSlot, size);
  m->mask = size - 1;
  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gsize len = strlen ((const char *) key);
      guint32 h = lede_frozen_hash (key, len);
      guint32 i = h & m->mask;

      m->max_len = MAX (m->max_len, len);
      while (m->slots[i].hash != 0)
        i = (i + 1) & m->mask;
      m->slots[i] = (LedeFrozenSlot){ key, value, len, h };
    }
  return m;
}

static inline gconstpointer
lede_frozen_map_lookup (const LedeFrozenMap *m, const char *key, gsize len)
{
  guint32 h;

  if (len > m->max_len)
    return NULL;
  h = lede_frozen_hash (key, len);
  for (guint32 i = h & m->mask; m->slots[i].hash != 0; i = (i + 1) & m->mask)
    {
      const LedeFrozenSlot *slot = &m->slots[i];
      if (slot->hash == h && slot->len == len && memcmp (slot->key, key, len) == 0)
        return slot->value;
    }
  return NULL;
}

G_END_DECLS
