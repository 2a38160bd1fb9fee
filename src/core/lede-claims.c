/* lede-claims.c: stage: claims — who says what, found from reporting words and quotations. */
#include "config.h"

#include <string.h>

#include "lede-analysis-private.h"
#include "lede-claims-private.h"
#include "lede-wordlist.h"

/* Per token: the quotation it lies in. Inside tokens and the closing mark
 * hold the opening mark's index + 1; the marks carry a bit saying which
 * they are. */
#define Q_OPEN 0x80000000u
#define Q_CLOSE 0x40000000u
#define Q_MASK 0x3fffffffu

#define MAX_CUES 16
#define MAX_NP 12
/* How many sentences back "he" / "she" may reach for the last speaker. */
#define SPEAKER_REACH 5

typedef enum
{
  SRC_NONE,
  SRC_ACTOR,    /* a named actor */
  SRC_PRONOUN,  /* he, she, it, they */
  SRC_UNNAMED,  /* "a senior official", "experts" */
  SRC_DOCUMENT, /* "the study", "a report" */
  SRC_NAME,     /* capitalized words no actor covers */
  SRC_OTHER,    /* any other noun phrase */
} SourceType;

typedef struct
{
  int claimant;
  char *text; /* owned */
  SourceType type;
  int kind; /* LedeActorKind guess, or -1 */
  gboolean research;
  /* An unnamed source to add as an actor once the cue is accepted. */
  gboolean pending;
  guint pfirst, pend, phead;
} Source;

typedef struct
{
  guint v, vend; /* the reporting words */
  LedeStance stance;
  guint flags;
  gboolean according;
  gboolean inverted;      /* the statement comes before the reporting words */
  gboolean follow;        /* the source is the previous cue's (", saying …", "and called for …") */
  guint np_first, np_end; /* the source's words, empty when none */
  guint clause_first;     /* where the cue's own clause begins */
  guint comp;             /* normal order: where the statement begins */
  Source src;
  gboolean ok;
} Cue;

typedef enum
{
  CAT_AUX_WORDS = 1 << 0,
  CAT_BE_WORDS = 1 << 1,
  CAT_NEGATIONS = 1 << 2,
  CAT_ADVERBS = 1 << 3,
  CAT_TIME_WORDS = 1 << 4,
  CAT_DETERMINERS = 1 << 5,
  CAT_QUANTIFIERS = 1 << 6,
  CAT_STOP_WORDS = 1 << 7,
  CAT_SUBORDINATORS = 1 << 8,
  CAT_PREPOSITIONS = 1 << 9,
  CAT_PRONOUNS_PERSON = 1 << 10,
  CAT_PRONOUNS_OTHER = 1 << 11,
  CAT_RELATIVES = 1 << 12,
  CAT_SAID_NOUNS = 1 << 13,
  CAT_KNOWN = 1 << 31,
} WordCats;

typedef struct
{
  LedeDoc *doc;
  guint n;
  guint32 *quote;
  guint32 *cats; /* per token: its WordCats, filled on first use */
  const LedeFrozenMap *cat_table;
  const LedeWordList *verbs;
  const LedeWordList *sources;
  const LedeWordList *common;
  /* speaker memory for pronouns */
  int last_person_claim; /* index into doc->claims */
  guint last_person_sentence;
  int last_claim_sentence;
  int last_claimant_org; /* the last claim's source, when an organization */
  /* actors mentioned so far, by kind, for "he" / "the company" */
  guint scan;
  int last_of_kind[LEDE_ACTOR_OTHER + 1];
  guint first_created; /* actors from this index on were made by this stage */
  GArray *seen;        /* guint per actor: its mentions before the scan point */
  GArray *doc_claims;  /* int: claims whose source is a document, fixed up at the end */
} Ctx;

/* ---- small word tests ---- */

static inline const LedeToken *
tok (const Ctx *c, guint i)
{
  return lede_doc_token (c->doc, i);
}

static gboolean
word_in (const Ctx *c, guint i, const char *const *set)
{
  gsize len;
  const char *s;

  if (i >= c->n || !(tok (c, i)->flags & LEDE_TOKEN_WORD))
    return FALSE;
  s = lede_doc_token_str (c->doc, i, &len);
  for (; *set; set++)
    if ((((guchar) (*set)[0]) | 0x20) == (((guchar) s[0]) | 0x20) && lede_ascii_word_eq (s, len, *set))
      return TRUE;
  return FALSE;
}

static gboolean
punct_is (const Ctx *c, guint i, const char *p)
{
  gsize len;
  const char *s;

  if (i >= c->n || !(tok (c, i)->flags & LEDE_TOKEN_PUNCT))
    return FALSE;
  s = lede_doc_token_str (c->doc, i, &len);
  for (gsize k = 0; k < len; k++)
    if (p[k] != s[k])
      return FALSE;
  return p[len] == '\0';
}

static gboolean
is_dash (const Ctx *c, guint i)
{
  return punct_is (c, i, "—") || punct_is (c, i, "–") || punct_is (c, i, "-");
}

/* Punctuation that ends a noun phrase or a clause. */
static gboolean
is_boundary (const Ctx *c, guint i)
{
  const LedeToken *t = tok (c, i);

  if (t->flags & LEDE_TOKEN_QUOTE)
    return TRUE;
  if (!(t->flags & LEDE_TOKEN_PUNCT) || (t->flags & LEDE_TOKEN_POSSESSIVE))
    return FALSE;
  return punct_is (c, i, ",") || punct_is (c, i, ";") || punct_is (c, i, ":") || is_dash (c, i)
         || punct_is (c, i, "(") || punct_is (c, i, ")") || punct_is (c, i, ".") || punct_is (c, i, "!")
         || punct_is (c, i, "?");
}

static gboolean
is_inside_quote (const Ctx *c, guint i)
{
  return (c->quote[i] & Q_MASK) != 0 && !(c->quote[i] & Q_CLOSE);
}

static gboolean
ends_with_ing (const Ctx *c, guint i)
{
  gsize len;
  const char *s = lede_doc_token_str (c->doc, i, &len);
  return len > 4 && g_ascii_strncasecmp (s + len - 3, "ing", 3) == 0;
}

static gboolean
ends_with_ed (const Ctx *c, guint i)
{
  gsize len;
  const char *s = lede_doc_token_str (c->doc, i, &len);
  return len > 3 && g_ascii_strncasecmp (s + len - 2, "ed", 2) == 0;
}

static gboolean
is_capitalized (const Ctx *c, guint i)
{
  return (tok (c, i)->flags & (LEDE_TOKEN_WORD | LEDE_TOKEN_CAPITALIZED))
         == (LEDE_TOKEN_WORD | LEDE_TOKEN_CAPITALIZED);
}

static const char *const aux_words[]
  = { "has", "have",  "had",  "will", "would", "could", "should", "may",  "might", "can",   "did", "does",
      "do",  "shall", "must", "is",   "are",   "was",   "were",   "been", "be",    "being", NULL };
static const char *const be_words[] = { "is", "are", "was", "were", "be", "been", "being", NULL };
static const char *const negations[] = { "not", "never", "n't", "neither", "nor", NULL };
static const char *const adverbs[]
  = { "also",       "both",         "all",    "each",    "either",    "later",     "earlier", "previously",
      "repeatedly", "again",        "then",   "once",    "already",   "still",     "just",    "first",
      "further",    "separately",   "often",  "long",    "even",      "now",       "too",     "along",
      "initially",  "subsequently", "simply", "however", "meanwhile", "instead",   "yet",     "last",
      "this",       "next",         "late",   "early",   "ago",       "privately", NULL };
static const char *const time_words[]
  = { "week",      "month",    "year",      "weekend",  "morning", "afternoon", "evening",
      "night",     "today",    "yesterday", "tonight",  "quarter", "monday",    "tuesday",
      "wednesday", "thursday", "friday",    "saturday", "sunday",  "day",       NULL };
static const char *const determiners[]
  = { "a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those", NULL };
static const char *const quantifiers[]
  = { "some",  "many", "several", "most", "other", "few",      "all",     "both",     "two",
      "three", "four", "five",    "one",  "more",  "numerous", "various", "multiple", NULL };
static const char *const stop_words[]
  = { "and",    "or",    "but",      "nor",     "that",    "which",     "who",     "whom",    "whose",
      "as",     "while", "when",     "where",   "after",   "before",    "because", "since",   "if",
      "unless", "until", "although", "though",  "whereas", "so",        "than",    "with",    "without",
      "by",     "for",   "from",     "in",      "into",    "on",        "onto",    "at",      "to",
      "of",     "about", "over",     "under",   "against", "between",   "among",   "through", "during",
      "via",    "like",  "per",      "despite", "amid",    "including", "not",     "there",   "here",
      "it's",   "what",  "how",      "why",     "said",    "says",      "say",     NULL };
/* What was said, never who said it: "…, a charge Wills denied". */
static const char *const said_nouns[]
  = { "claim",       "claims",      "charge",     "charges", "allegation", "allegations", "accusation",
      "accusations", "assertion",   "suggestion", "idea",    "notion",     "promise",     "figure",
      "figures",     "description", "account",    "version", "estimate",   NULL };
static const char *const rebut_words[]
  = { "baseless", "false",      "groundless", "unfounded",  "absurd",     "ridiculous", "nonsense",
      "lies",     "misleading", "meritless",  "frivolous",  "untrue",     "fabricated", "inaccurate",
      "fake",     "motivated",  "wrong",      "outrageous", "defamatory", "slanderous", NULL };
static const char *const not_sources[]
  = { "plan",      "plans",        "schedule",    "rule",       "rules",  "law",
      "laws",      "tradition",    "custom",      "script",     "design", "procedure",
      "protocol",  "instructions", "regulations", "guidelines", "form",   "expectations",
      "standards", "scripture",    "legend",      "definition", "needs",  "size",
      "age",       "weight",       "merit",       "priority",   NULL };
static const char *const subordinators[] = { "after",  "before", "when",    "whenever", "once",  "until",
                                             "unless", "if",     "because", "whether",  "since", NULL };
static const char *const prepositions[]
  = { "in",     "on",      "at",   "during",  "after",   "before",    "from",  "via",  "outside", "following",
      "while",  "through", "over", "late",    "earlier", "inside",    "ahead", "upon", "amid",    "with",
      "before", "last",    "this", "without", "today",   "yesterday", "of",    "by",   NULL };
static const char *const pronouns_person[] = { "he", "she", NULL };
static const char *const pronouns_other[] = { "it", "they", "we", NULL };
static const char *const relatives[] = { "which", "who", "that", NULL };
static const char *const research_heads[]
  = { "researchers", "scientists", "authors", "experts", "analysts", "economists", "investigators", NULL };

static void
add_cats (GHashTable *table, const char *const *set, guint bit)
{
  for (; *set; set++)
    g_hash_table_insert (table, (gpointer) *set,
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (table, *set)) | bit));
}

/* The small word sets above, as one table: a word's sets in one lookup. */
static const LedeFrozenMap *
cat_table (void)
{
  static LedeFrozenMap *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);
      add_cats (t, aux_words, CAT_AUX_WORDS);
      add_cats (t, be_words, CAT_BE_WORDS);
      add_cats (t, negations, CAT_NEGATIONS);
      add_cats (t, adverbs, CAT_ADVERBS);
      add_cats (t, time_words, CAT_TIME_WORDS);
      add_cats (t, determiners, CAT_DETERMINERS);
      add_cats (t, quantifiers, CAT_QUANTIFIERS);
      add_cats (t, stop_words, CAT_STOP_WORDS);
      add_cats (t, subordinators, CAT_SUBORDINATORS);
      add_cats (t, prepositions, CAT_PREPOSITIONS);
      add_cats (t, pronouns_person, CAT_PRONOUNS_PERSON);
      add_cats (t, pronouns_other, CAT_PRONOUNS_OTHER);
      add_cats (t, relatives, CAT_RELATIVES);
      add_cats (t, said_nouns, CAT_SAID_NOUNS);
      /* Kept for the life of the process, like the word lists. */
      g_once_init_leave (&table, lede_frozen_map_new (t));
    }
  return table;
}

/* The sets (WordCats) token @i belongs to, looked up once per token. */
static guint32
token_cats (const Ctx *c, guint i)
{
  guint32 cats;

  if (i >= c->n)
    return 0;
  cats = c->cats[i];
  if (!(cats & CAT_KNOWN))
    {
      gsize len;
      const char *s = lede_doc_token_str (c->doc, i, &len);
      char buf[32];

      cats = CAT_KNOWN;
      if ((tok (c, i)->flags & LEDE_TOKEN_WORD) && len < sizeof buf)
        {
          for (gsize k = 0; k < len; k++)
            buf[k] = s[k] >= 'A' && s[k] <= 'Z' ? s[k] + ('a' - 'A') : s[k];
          cats |= GPOINTER_TO_UINT (lede_frozen_map_lookup (c->cat_table, buf, len));
        }
      c->cats[i] = cats;
    }
  return cats;
}

static inline gboolean
has_cat (const Ctx *c, guint i, guint32 cat)
{
  return (token_cats (c, i) & cat) != 0;
}

static gboolean
is_time_word (const Ctx *c, guint i)
{
  return has_cat (c, i, CAT_TIME_WORDS);
}

static gboolean
is_adverb (const Ctx *c, guint i)
{
  gsize len;
  const char *s;

  if (!(tok (c, i)->flags & LEDE_TOKEN_WORD) || (tok (c, i)->flags & LEDE_TOKEN_CAPITALIZED))
    return has_cat (c, i, CAT_ADVERBS);
  s = lede_doc_token_str (c->doc, i, &len);
  if (len > 4 && s[len - 2] == 'l' && s[len - 1] == 'y' && strcmp (s + len - 4, "ally") != 0)
    return TRUE;
  return has_cat (c, i, CAT_ADVERBS);
}

/* ---- reporting words ---- */

static void
parse_verb_value (const char *value, LedeStance *stance, guint *flags)
{
  static const struct
  {
    const char *name;
    guint flag;
  } names[] = {
    { "inv", LEDE_VERB_INV },       { "weak", LEDE_VERB_WEAK },     { "source", LEDE_VERB_SOURCE },
    { "person", LEDE_VERB_PERSON }, { "obj", LEDE_VERB_OBJ },       { "for", LEDE_VERB_FOR },
    { "rebut", LEDE_VERB_REBUT },   { "pledge", LEDE_VERB_PLEDGE }, { "postonly", LEDE_VERB_POSTONLY },
    { "at", LEDE_VERB_AT },         { "clause", LEDE_VERB_CLAUSE },
  };
  const char *p = value;
  gboolean first = TRUE;

  *stance = LEDE_STANCE_STATEMENT;
  *flags = 0;
  while (*p)
    {
      const char *e = strchr (p, ',');
      gsize len = e ? (gsize) (e - p) : strlen (p);
      if (first)
        {
          char buf[32];
          LedeStance st;
          if (len < sizeof buf)
            {
              memcpy (buf, p, len);
              buf[len] = '\0';
              if (lede_stance_from_string (buf, &st))
                *stance = st;
            }
          first = FALSE;
        }
      else
        for (guint k = 0; k < G_N_ELEMENTS (names); k++)
          if (strlen (names[k].name) == len && memcmp (names[k].name, p, len) == 0)
            *flags |= names[k].flag;
      p += len;
      if (*p == ',')
        p++;
    }
}

typedef struct
{
  LedeWordFilter *filter;
  gboolean first_words;
} FilterBuild;

static void
filter_add (const char *entry, const char *value, gpointer user_data)
{
  FilterBuild *build = user_data;
  gsize len = 0;

  (void) value;
  while (entry[len] && (entry[len] != ' ' || !build->first_words))
    len++;
  lede_word_filter_add (build->filter, entry, len);
}

void
lede_word_filter_add (LedeWordFilter *filter, const char *entry, gsize len)
{
  guchar ch = (guchar) entry[0] | 0x20;
  guchar last;

  if (len == 0 || len > LEDE_WORD_FILTER_MAX)
    return; /* lede_word_filter_may_hold() lets long words through */
  last = (guchar) entry[len - 1] | 0x20;
  /* Entries that start or end with no letter pass all words of their length. */
  filter->first[len] |= ch >= 'a' && ch <= 'z' ? 1u << (ch - 'a') : 0x3ffffffu;
  filter->last[len] |= last >= 'a' && last <= 'z' ? 1u << (last - 'a') : 0x3ffffffu;
}

void
lede_word_filter_init (LedeWordFilter *filter, const LedeWordList *list, gboolean first_words)
{
  FilterBuild build = { filter, first_words };

  memset (filter, 0, sizeof *filter);
  lede_word_list_foreach (list, filter_add, &build);
}

const char *
lede_word_list_lookup_folded (const LedeWordList *list, const char *word, gsize len)
{
  char buf[256];

  if (len >= sizeof buf)
    return NULL;
  for (gsize k = 0; k < len; k++)
    {
      char ch = word[k];
      buf[k] = ch >= 'A' && ch <= 'Z' ? ch + ('a' - 'A') : ch;
    }
  return lede_word_list_lookup (list, buf, len);
}

typedef struct
{
  LedeStance stance;
  guint flags;
} VerbInfo;

static void
add_verb (const char *entry, const char *value, gpointer user_data)
{
  GHashTable *table = user_data;
  VerbInfo *info = g_new0 (VerbInfo, 1);

  parse_verb_value (value, &info->stance, &info->flags);
  g_hash_table_insert (table, (gpointer) entry, info);
}

gboolean
lede_claims_lookup_verb (const char *word, gsize len, LedeStance *stance, guint *flags)
{
  static const LedeFrozenMap *verbs;
  static LedeWordFilter filter;
  const VerbInfo *info;
  char buf[256];

  if (g_once_init_enter (&verbs))
    {
      /* The entries with their values parsed, once: verbs are looked up
       * for most words of a text. Kept for the life of the process. */
      const LedeWordList *list = lede_word_list_get ("reporting-verbs");
      GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

      lede_word_filter_init (&filter, list, FALSE);
      lede_word_list_foreach (list, add_verb, table);
      g_once_init_leave (&verbs, lede_frozen_map_new (table));
    }
  if (len == 0 || !lede_word_filter_may_hold (&filter, word, len) || len >= sizeof buf)
    return FALSE;
  for (gsize k = 0; k < len; k++)
    buf[k] = lede_ascii_lower (word[k]);
  info = lede_frozen_map_lookup (verbs, buf, len);
  if (info == NULL)
    return FALSE;
  *stance = info->stance;
  *flags = info->flags;
  return TRUE;
}

guint
lede_claims_verb_flags (const char *verb)
{
  LedeStance stance;
  guint flags = 0;
  const char *sp;

  if (verb == NULL)
    return 0;
  /* "called for": the first word carries the flags. */
  sp = strchr (verb, ' ');
  if (!lede_claims_lookup_verb (verb, sp ? (gsize) (sp - verb) : strlen (verb), &stance, &flags))
    return 0;
  return flags;
}

/* ---- quotations ---- */

static void
mark_quotes (Ctx *c)
{
  guint open = G_MAXUINT;
  gboolean open_single = FALSE;

  for (guint i = 0; i < c->n; i++)
    {
      const LedeToken *t = tok (c, i);
      gsize len;
      const char *s;
      gboolean single, is_open, before_space, after_space;

      if (t->flags & LEDE_TOKEN_PARAGRAPH_START)
        open = G_MAXUINT;
      c->quote[i] = open != G_MAXUINT ? open + 1 : 0;
      if (!(t->flags & LEDE_TOKEN_QUOTE) || (t->flags & LEDE_TOKEN_POSSESSIVE))
        continue;

      s = lede_doc_token_str (c->doc, i, &len);
      before_space = i == 0 || (t->flags & (LEDE_TOKEN_SPACE_BEFORE | LEDE_TOKEN_PARAGRAPH_START))
                     || (tok (c, i - 1)->flags & LEDE_TOKEN_QUOTE) || punct_is (c, i - 1, "(");
      after_space = i + 1 >= c->n
                    || (tok (c, i + 1)->flags & (LEDE_TOKEN_SPACE_BEFORE | LEDE_TOKEN_PARAGRAPH_START))
                    || !(tok (c, i + 1)->flags & (LEDE_TOKEN_WORD | LEDE_TOKEN_NUMBER | LEDE_TOKEN_QUOTE));
      if (g_str_has_prefix (s, "“") || g_str_has_prefix (s, "„") || g_str_has_prefix (s, "«"))
        single = FALSE, is_open = TRUE;
      else if (g_str_has_prefix (s, "”") || g_str_has_prefix (s, "»"))
        single = FALSE, is_open = FALSE;
      else if (g_str_has_prefix (s, "‘"))
        single = TRUE, is_open = TRUE;
      else if (g_str_has_prefix (s, "’"))
        single = TRUE, is_open = FALSE;
      else
        {
          /* Straight marks: spacing says which side they are on. */
          single = *s == '\'';
          if (before_space && !after_space)
            is_open = TRUE;
          else if (!before_space)
            is_open = FALSE;
          else
            is_open = open == G_MAXUINT;
        }

      if (single)
        {
          /* A single mark inside a double quotation is an inner quote or
           * an apostrophe; a closing one with nothing open is an apostrophe. */
          if (open != G_MAXUINT && !open_single)
            continue;
          if (!is_open && open == G_MAXUINT)
            continue;
          if (is_open && after_space)
            continue;
        }

      if (is_open)
        {
          open = i;
          open_single = single;
          c->quote[i] = Q_OPEN;
        }
      else if (open != G_MAXUINT && single == open_single)
        {
          c->quote[i] = Q_CLOSE | (open + 1);
          open = G_MAXUINT;
        }
    }
}

/* ---- noun phrases ---- */

static const char *const business_words[]
  = { "company",   "firm",      "chain",        "group",    "maker",    "retailer", "carrier",
      "airline",   "automaker", "carmaker",     "giant",    "startup",  "lender",   "bank",
      "insurer",   "club",      "team",         "side",     "business", "brand",    "operator",
      "developer", "supplier",  "manufacturer", "producer", NULL };

/* Heads that name a government body: "the ministry" never means a party
 * or a company named before it. */
static const char *const government_words[]
  = { "ministry",  "government", "department", "agency",  "administration", "police",
      "regulator", "office",     "authority",  "cabinet", "executive",      NULL };
static const char *const source_preps[] = { "at", "for", "of", "from", "with", "in", NULL };

/* Is token @i a noun for an unnamed person or group ("spokesman", "analysts")? */
static gboolean
source_noun (const Ctx *c, guint i)
{
  gsize len;
  const char *s, *value;

  if (!(tok (c, i)->flags & LEDE_TOKEN_WORD))
    return FALSE;
  s = lede_doc_token_str (c->doc, i, &len);
  value = lede_word_list_lookup_folded (c->sources, s, len);
  return value != NULL && (g_str_has_prefix (value, "person") || g_str_has_prefix (value, "group"))
         && strstr (value, "anaphor") == NULL;
}

/* The first token of the noun phrase that ends with token @last. */
static guint
np_start (const Ctx *c, guint first, guint last)
{
  guint k = last;

  while (k > first && last - k < MAX_NP)
    {
      guint t = k - 1;
      const LedeToken *tt = tok (c, t);

      if (tt->flags & LEDE_TOKEN_POSSESSIVE)
        {
          k = t;
          continue;
        }
      /* Words inside one name: "the Office for National Statistics". */
      if (c->doc->token_actor[t] >= 0 && c->doc->token_actor[t] == c->doc->token_actor[k])
        {
          k = t;
          continue;
        }
      /* "the $4.3 billion analysts had expected": an amount is not a source. */
      if ((tt->flags & LEDE_TOKEN_NUMBER)
          || word_in (c, t,
                      (const char *const[]){ "million", "billion", "trillion", "thousand", "bn", NULL }))
        break;
      /* "Brenner & Co." */
      if (punct_is (c, t, "&") && t > first && is_capitalized (c, t - 1) && is_capitalized (c, k))
        {
          k = t;
          continue;
        }
      if (!(tt->flags & LEDE_TOKEN_WORD))
        break;
      if (has_cat (c, t, CAT_DETERMINERS))
        {
          k = t;
          /* "a source at the state company": on to the source. */
          if (t > first + 1 && word_in (c, t - 1, source_preps) && source_noun (c, t - 2))
            {
              k = t - 1;
              continue;
            }
          break;
        }
      /* "Secretary of State", "University of Leeds" */
      if (word_in (c, t, (const char *const[]){ "of", "de", "del", "la", "al", NULL }) && t > first
          && is_capitalized (c, t - 1) && is_capitalized (c, k))
        {
          k = t;
          continue;
        }
      /* "a spokesman for the ministry", "an analyst at Halden Research":
       * the phrase goes on back to the unnamed source it belongs to. */
      if (word_in (c, t, source_preps) && t > first && source_noun (c, t - 1))
        {
          k = t;
          continue;
        }
      if (has_cat (c, t, CAT_STOP_WORDS) || has_cat (c, t, CAT_AUX_WORDS) || has_cat (c, t, CAT_NEGATIONS)
          || has_cat (c, t, CAT_SAID_NOUNS))
        break;
      {
        LedeStance st;
        guint fl;
        gsize len;
        const char *s = lede_doc_token_str (c->doc, t, &len);
        if (!(tt->flags & LEDE_TOKEN_CAPITALIZED) && lede_claims_lookup_verb (s, len, &st, &fl))
          break;
      }
      k = t;
    }
  /* Leading time words are not part of a source: "On Thursday Rangers said". */
  while (k < last && (is_time_word (c, k) || word_in (c, k, (const char *const[]){ "on", NULL })))
    k++;
  return k;
}

/* The noun phrase that starts at @i after the reporting words: ", said
 * Dana Holt, an analyst", ", said the minister." Returns its end, or @i. */
static guint
np_after (const Ctx *c, guint i, guint end)
{
  guint k = i;

  if (k < end && has_cat (c, k, CAT_DETERMINERS))
    k++;
  while (k < end && k - i < MAX_NP)
    {
      const LedeToken *t = tok (c, k);
      if (t->flags & LEDE_TOKEN_POSSESSIVE)
        {
          k++;
          continue;
        }
      if (!(t->flags & LEDE_TOKEN_WORD))
        break;
      /* "told reporters he …", "told Reuters the toll …": a pronoun or an
       * article starts the next clause. */
      if (k > i
          && (has_cat (c, k, CAT_PRONOUNS_PERSON) || has_cat (c, k, CAT_PRONOUNS_OTHER)
              || has_cat (c, k, CAT_DETERMINERS) || has_cat (c, k, CAT_PREPOSITIONS)))
        break;
      if (has_cat (c, k, CAT_STOP_WORDS) || has_cat (c, k, CAT_AUX_WORDS))
        {
          if (word_in (c, k, (const char *const[]){ "of", NULL }) && k > i && is_capitalized (c, k - 1)
              && k + 1 < end && is_capitalized (c, k + 1))
            {
              k++;
              continue;
            }
          break;
        }
      k++;
    }
  return k;
}

/* ---- actors ---- */

static void
advance_scan (Ctx *c, guint upto)
{
  LedeDoc *doc = c->doc;

  if (c->seen->len < doc->actors->len)
    g_array_set_size (c->seen, doc->actors->len);
  for (; c->scan < upto && c->scan < c->n; c->scan++)
    {
      int a = doc->token_actor[c->scan];
      if (a >= 0 && (guint) a < doc->actors->len)
        {
          const LedeActor *actor = g_ptr_array_index (doc->actors, a);
          c->last_of_kind[actor->kind] = a;
          /* Mentions, counted where they begin. */
          if (c->scan == 0 || doc->token_actor[c->scan - 1] != a)
            g_array_index (c->seen, guint, a)++;
        }
    }
}

static const LedeActor *
actor_at (const Ctx *c, int a)
{
  if (a < 0 || (guint) a >= c->doc->actors->len)
    return NULL;
  return g_ptr_array_index (c->doc->actors, a);
}

/* Does a word of @hay equal @word (ASCII case folded)? */
static gboolean
has_word (const char *hay, const char *word, gsize wlen)
{
  const char *p = hay;

  if (hay == NULL)
    return FALSE;
  while (*p)
    {
      const char *e = p;
      while (*e && *e != ' ')
        e++;
      if ((gsize) (e - p) == wlen && g_ascii_strncasecmp (p, word, wlen) == 0)
        return TRUE;
      p = *e ? e + 1 : e;
    }
  return FALSE;
}

static gboolean
kinds_fit (LedeActorKind want, LedeActorKind have)
{
  if (want == have)
    return TRUE;
  /* Governments are merged with their country; collectives may be organized. */
  if (want == LEDE_ACTOR_ORGANIZATION)
    return have == LEDE_ACTOR_PLACE || have == LEDE_ACTOR_GROUP;
  if (want == LEDE_ACTOR_GROUP)
    return have == LEDE_ACTOR_ORGANIZATION;
  return FALSE;
}

/* The last actor (before the scan point) of a fitting kind whose name,
 * alias or role has @word. */
static int
actor_with_word (const Ctx *c, const char *word, gsize wlen, LedeActorKind kind)
{
  int best = -1;
  guint best_pos = 0;

  for (guint a = 0; a < c->doc->actors->len; a++)
    {
      const LedeActor *actor = g_ptr_array_index (c->doc->actors, a);
      gboolean hit = has_word (actor->name, word, wlen) || has_word (actor->role, word, wlen);
      for (guint k = 0; !hit && k < actor->aliases->len; k++)
        hit = has_word (g_ptr_array_index (actor->aliases, k), word, wlen);
      if (!hit || actor->mentions->len == 0 || !kinds_fit (kind, actor->kind))
        continue;
      {
        guint pos = g_array_index (actor->mentions, LedeSpan, 0).bstart;
        if (pos <= tok (c, MIN (c->scan, c->n - 1))->bstart && (best < 0 || pos >= best_pos))
          best = a, best_pos = pos;
      }
    }
  return best;
}

static void
add_mention (Ctx *c, LedeActor *actor, int index, guint first, guint end)
{
  LedeSpan span;
  guint pos;

  lede_doc_span_from_tokens (c->doc, first, end, &span);
  for (pos = actor->mentions->len; pos > 0; pos--)
    {
      const LedeSpan *m = &g_array_index (actor->mentions, LedeSpan, pos - 1);
      if (m->bstart < span.bend && span.bstart < m->bend)
        return; /* already there */
      if (m->bstart < span.bstart)
        break;
    }
  g_array_insert_val (actor->mentions, pos, span);
  for (guint i = first; i < end; i++)
    c->doc->token_actor[i] = index;
  c->last_of_kind[actor->kind] = index;
}

/* Text of tokens [first, end) with the leading determiners and quantifiers dropped. */
static guint
skip_determiners (const Ctx *c, guint first, guint end)
{
  while (first + 1 < end && (has_cat (c, first, CAT_DETERMINERS) || has_cat (c, first, CAT_QUANTIFIERS)))
    first++;
  return first;
}

static gboolean
same_name (const char *a, const char *b)
{
  if (g_ascii_strncasecmp (a, "the ", 4) == 0)
    a += 4;
  if (g_ascii_strncasecmp (b, "the ", 4) == 0)
    b += 4;
  return g_ascii_strcasecmp (a, b) == 0;
}

/* Is one name the other's first words ("opposition" / "opposition leaders")? */
static gboolean
word_prefix (const char *a, const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  if (la > lb)
    {
      const char *t = a;
      a = b, b = t;
      la = lb;
    }
  return g_ascii_strncasecmp (a, b, la) == 0 && b[la] == ' ';
}

/* The actor for an unnamed source: an existing one when the article has
 * already named it so, else a new one appended to doc->actors. */
static int
unnamed_actor (Ctx *c, guint first, guint end, guint head, LedeActorKind kind)
{
  LedeDoc *doc = c->doc;
  guint s = skip_determiners (c, first, end);
  g_autofree char *name = lede_doc_dup_range (doc, s, end);
  g_autofree char *full = lede_doc_dup_range (doc, first, end);
  gboolean research
    = word_in (c, head, (const char *const[]){ "researchers", "authors", NULL })
      && !word_in (c, first, (const char *const[]){ "other", "independent", "outside", NULL });
  LedeActor *actor;
  int index = -1;

  for (guint a = 0; a < doc->actors->len && index < 0; a++)
    {
      const LedeActor *other = g_ptr_array_index (doc->actors, a);
      for (guint k = 0; k < other->aliases->len; k++)
        if (same_name (g_ptr_array_index (other->aliases, k), name))
          {
            index = a;
            break;
          }
      /* Sources this stage made merge when one name starts the other,
       * and study authors / researchers are one team. */
      if (index < 0 && a >= c->first_created && other->kind == kind
          && (word_prefix (other->name, name)
              || (research
                  && (has_word (other->name, "researchers", 11) || has_word (other->name, "authors", 7)))))
        index = a;
    }

  if (index < 0)
    {
      actor = lede_actor_new (name, kind);
      lede_actor_add_alias (actor, name);
      g_ptr_array_add (doc->actors, actor);
      index = doc->actors->len - 1;
    }
  actor = g_ptr_array_index (doc->actors, index);
  lede_actor_add_alias (actor, name);
  if (strcmp (full, name) != 0)
    lede_actor_add_alias (actor, full);
  add_mention (c, actor, index, first, end);
  return index;
}

/* ---- sources ---- */

static void
source_clear (Source *s)
{
  g_clear_pointer (&s->text, g_free);
}

static void
source_set_actor (Ctx *c, Source *s, int a)
{
  const LedeActor *actor = actor_at (c, a);
  s->claimant = a;
  s->kind = actor ? (int) actor->kind : -1;
}

/* Whom "the company" or "the minister" means when no actor is called so:
 * for people the last one named, for organizations the one the article
 * names most (its subject), among those named so far. */
static gboolean
is_public_body (const LedeActor *actor)
{
  static const char *const words[]
    = { "Commission", "Ministry",   "Council",  "Agency",    "Court",      "Parliament", "Police",
        "Government", "Department", "Office",   "Authority", "Union",      "Party",      "University",
        "Committee",  "Senate",     "Congress", "Assembly",  "Federation", "Bureau",     "Regulator",
        "Board",      "Institute",  "Service",  NULL };

  for (guint k = 0; words[k]; k++)
    if (has_word (actor->name, words[k], strlen (words[k])))
      return TRUE;
  return FALSE;
}

static gboolean
is_government_body (const LedeActor *actor)
{
  static const char *const words[]
    = { "Ministry",  "Government", "Department", "Agency",    "Administration", "Police",  "Office",
        "Authority", "Commission", "Bureau",     "Regulator", "Service",        "Cabinet", NULL };

  for (guint k = 0; words[k]; k++)
    if (has_word (actor->name, words[k], strlen (words[k])))
      return TRUE;
  return FALSE;
}

static int
fallback_actor (const Ctx *c, LedeActorKind kind, gboolean business, gboolean government)
{
  int best = -1;
  guint best_n = 0;

  if (kind == LEDE_ACTOR_PERSON || kind == LEDE_ACTOR_GROUP)
    return c->last_of_kind[kind];
  /* The organization that spoke just before: "Veltrix said … The company said …" */
  if (c->last_claimant_org >= 0 && c->last_claim_sentence >= 0
      && tok (c, MIN (c->scan, c->n - 1))->sentence <= (guint) c->last_claim_sentence + 1
      && (!business || !is_public_body (actor_at (c, c->last_claimant_org)))
      && (!government || is_government_body (actor_at (c, c->last_claimant_org))))
    return c->last_claimant_org;
  for (guint a = 0; a < c->doc->actors->len && a < c->seen->len; a++)
    {
      const LedeActor *actor = g_ptr_array_index (c->doc->actors, a);
      guint n = g_array_index (c->seen, guint, a);
      if (actor->kind != kind || (business && is_public_body (actor))
          || (government && !is_government_body (actor)))
        continue;
      if (n > best_n || (n == best_n && n > 0 && (int) a == c->last_of_kind[kind]))
        best = a, best_n = n;
    }
  return best;
}

/* Resolves he / she / it / they at token @i. */
static void
resolve_pronoun (Ctx *c, guint i, guint sentence_first, Source *src)
{
  LedeDoc *doc = c->doc;
  guint sentence = tok (c, i)->sentence;

  src->type = SRC_PRONOUN;
  advance_scan (c, i);
  if (has_cat (c, i, CAT_PRONOUNS_PERSON))
    {
      if (c->last_person_claim >= 0 && sentence - c->last_person_sentence <= SPEAKER_REACH)
        {
          const LedeClaim *prev = g_ptr_array_index (doc->claims, c->last_person_claim);
          src->claimant = prev->claimant;
          src->kind = LEDE_ACTOR_PERSON;
          g_free (src->text);
          src->text = g_strdup (prev->claimant_text);
          return;
        }
      if (c->last_of_kind[LEDE_ACTOR_PERSON] >= 0)
        {
          source_set_actor (c, src, c->last_of_kind[LEDE_ACTOR_PERSON]);
          g_free (src->text);
          src->text = g_strdup (actor_at (c, src->claimant)->name);
        }
      return;
    }

  /* "…, which it denied": the sentence's own subject. */
  if (i > sentence_first && has_cat (c, i - 1, CAT_RELATIVES))
    {
      guint k = sentence_first;
      while (k < i && (tok (c, k)->flags & LEDE_TOKEN_WORD) && !has_cat (c, k, CAT_AUX_WORDS)
             && !has_cat (c, k, CAT_STOP_WORDS) && k - sentence_first < 6)
        k++;
      if (k > sentence_first && k < i && has_cat (c, k, CAT_AUX_WORDS))
        {
          int a = -1;
          for (guint j = sentence_first; j < k; j++)
            if (doc->token_actor[j] >= 0)
              a = doc->token_actor[j];
          src->claimant = a;
          src->kind = a >= 0 ? (int) actor_at (c, a)->kind : LEDE_ACTOR_ORGANIZATION;
          g_free (src->text);
          src->text = lede_doc_dup_range (doc, sentence_first, k);
          if (a < 0)
            {
              /* "The government": the last actor the article called so. */
              gsize len;
              const char *h = lede_doc_token_str (doc, k - 1, &len);
              src->claimant = actor_with_word (c, h, len, LEDE_ACTOR_ORGANIZATION);
            }
          return;
        }
    }
  {
    int best = -1;
    for (int k = LEDE_ACTOR_PERSON + 1; k <= LEDE_ACTOR_GROUP; k++)
      {
        int a = c->last_of_kind[k];
        if (a >= 0 && (best < 0 || k != LEDE_ACTOR_PLACE))
          {
            const LedeActor *actor = actor_at (c, a);
            const LedeActor *b = actor_at (c, best);
            if (best < 0
                || (actor->mentions->len && b->mentions->len
                    && g_array_index (actor->mentions, LedeSpan, actor->mentions->len - 1).bstart
                         > g_array_index (b->mentions, LedeSpan, b->mentions->len - 1).bstart))
              best = a;
          }
      }
    if (best >= 0)
      {
        source_set_actor (c, src, best);
        g_free (src->text);
        src->text = g_strdup (actor_at (c, best)->name);
      }
  }
}

/* Works out who the noun phrase [first, end) names. */
static void
resolve_np (Ctx *c, guint sentence_first, guint first, guint end, Source *src)
{
  LedeDoc *doc = c->doc;
  guint head = end - 1;
  gsize hlen;
  const char *hs;
  const char *value;
  int covered = -1;

  src->claimant = -1;
  src->kind = -1;
  src->type = SRC_NONE;
  src->research = FALSE;
  src->pending = FALSE;
  g_clear_pointer (&src->text, g_free);

  while (head > first && (tok (c, head)->flags & (LEDE_TOKEN_PUNCT | LEDE_TOKEN_POSSESSIVE)))
    {
      /* "the National Election Commission (NEC)" */
      if (punct_is (c, head, ")"))
        {
          head--;
          continue;
        }
      if (tok (c, head)->flags & LEDE_TOKEN_POSSESSIVE)
        {
          head--;
          continue;
        }
      break;
    }
  if (first >= end || !(tok (c, head)->flags & (LEDE_TOKEN_WORD | LEDE_TOKEN_NUMBER)))
    return;
  /* "people familiar with the matter", "officials close to the talks" */
  for (guint i = first + 1; i < head; i++)
    if (word_in (c, i, (const char *const[]){ "familiar", "close", "briefed", "involved", NULL }))
      {
        head = i - 1;
        break;
      }
  /* "a spokesman for the ministry" speaks for the ministry; "a source at
   * the state company" is a source of its own. */
  for (guint i = first; i + 1 < head; i++)
    if (source_noun (c, i) && word_in (c, i + 1, source_preps))
      {
        for (guint j = i + 2; j <= head; j++)
          {
            const LedeActor *owner = actor_at (c, doc->token_actor[j]);
            if (owner != NULL && (owner->kind == LEDE_ACTOR_ORGANIZATION || owner->kind == LEDE_ACTOR_PLACE))
              {
                src->text = lede_doc_dup_range (doc, first, end);
                src->type = SRC_ACTOR;
                source_set_actor (c, src, doc->token_actor[j]);
                return;
              }
          }
        head = i;
        break;
      }

  src->text = lede_doc_dup_range (doc, first, end);
  /* "No group has claimed …": nobody says anything. */
  if (word_in (c, first, (const char *const[]){ "no", "nobody", "none", "neither", NULL }))
    return;
  if (end - first == 1 && (has_cat (c, head, CAT_PRONOUNS_PERSON) || has_cat (c, head, CAT_PRONOUNS_OTHER)))
    {
      resolve_pronoun (c, head, sentence_first, src);
      return;
    }

  for (guint i = first; i < end; i++)
    if (doc->token_actor[i] >= 0)
      covered = doc->token_actor[i];

  /* "The Dockworkers' Union of Portugal", "Professor Alan Marsh of King's
   * College": the words before "of" name the source, unless a person's
   * name ends the phrase ("Secretary of State Ana Ribeiro"). */
  for (guint i = first + 1; i < head; i++)
    if (word_in (c, i, (const char *const[]){ "of", NULL }))
      {
        const LedeActor *last = actor_at (c, doc->token_actor[head]);
        guint pre = i - 1;
        if (last != NULL && last->kind == LEDE_ACTOR_PERSON)
          break;
        if (doc->token_actor[pre] >= 0)
          head = pre;
        else if (is_capitalized (c, pre))
          {
            src->type = SRC_NAME;
            src->kind = LEDE_ACTOR_ORGANIZATION;
            return;
          }
        break;
      }

  if (doc->token_actor[head] >= 0)
    {
      src->type = SRC_ACTOR;
      source_set_actor (c, src, doc->token_actor[head]);
      return;
    }

  hs = lede_doc_token_str (doc, head, &hlen);
  value = lede_word_list_lookup_folded (c->sources, hs, hlen);
  if (value != NULL
      && (!is_capitalized (c, head)
          || (tok (c, head)->flags & (LEDE_TOKEN_UPPER | LEDE_TOKEN_SENTENCE_START))))
    {
      gboolean anaphor = strstr (value, "anaphor") != NULL;
      gboolean word_only = strstr (value, "word") != NULL;
      /* "the company", "the firm": never a ministry or a court. */
      gboolean business = word_in (c, head, business_words);
      guint s = skip_determiners (c, first, end);
      gboolean bare
        = s == head && s > first && word_in (c, first, (const char *const[]){ "the", "this", NULL });
      LedeActorKind kind;

      src->research = word_in (c, head, research_heads);
      if (g_str_has_prefix (value, "document"))
        {
          src->type = SRC_DOCUMENT;
          src->claimant = covered;
          return;
        }
      if (!lede_actor_kind_from_string (value[0] == 'p'   ? "person"
                                        : value[0] == 'g' ? "group"
                                                          : "organization",
                                        &kind))
        kind = LEDE_ACTOR_OTHER;
      src->kind = kind;
      src->type = SRC_UNNAMED;
      advance_scan (c, first);
      if (bare)
        {
          /* "the official", "the company": the one the article named before. */
          int a = actor_with_word (c, hs, hlen, kind);
          if (a < 0 && !word_only && (anaphor || kind != LEDE_ACTOR_GROUP))
            a = fallback_actor (c, kind, business, word_in (c, head, government_words));
          if (a >= 0)
            {
              source_set_actor (c, src, a);
              if ((guint) a >= c->first_created)
                {
                  LedeActor *actor = g_ptr_array_index (doc->actors, a);
                  lede_actor_add_alias (actor, src->text);
                  add_mention (c, actor, a, first, end);
                }
              return;
            }
          if (anaphor || kind != LEDE_ACTOR_GROUP)
            return;
        }
      else if (anaphor)
        {
          /* "the Japanese automaker", "the country's foreign minister" */
          int a = actor_with_word (c, hs, hlen, kind);
          if (a < 0 && covered >= 0 && kinds_fit (kind, actor_at (c, covered)->kind))
            a = covered;
          if (a < 0 && kind != LEDE_ACTOR_PERSON && !word_only)
            a = fallback_actor (c, kind, business, word_in (c, head, government_words));
          if (a >= 0 || (kind != LEDE_ACTOR_PERSON && !word_only))
            {
              src->claimant = a;
              return;
            }
          /* "the regional government", "the country's foreign minister":
           * an unnamed source of its own. */
        }
      if (kind == LEDE_ACTOR_ORGANIZATION && covered >= 0 && head > first
          && doc->token_actor[head - 1] == covered && !is_capitalized (c, head))
        {
          /* "The IG Metall union said": the name before the noun is the
           * source, an organization whatever its name looked like. */
          LedeActor *actor = g_ptr_array_index (doc->actors, covered);
          if (actor->kind == LEDE_ACTOR_PERSON && actor->role == NULL)
            actor->kind = LEDE_ACTOR_ORGANIZATION;
          if (actor->kind == LEDE_ACTOR_ORGANIZATION)
            {
              src->type = SRC_ACTOR;
              source_set_actor (c, src, covered);
              return;
            }
        }
      src->pending = TRUE;
      src->pfirst = first;
      src->pend = end;
      src->phead = head;
      return;
    }

  if (covered >= 0)
    {
      src->type = SRC_ACTOR;
      source_set_actor (c, src, covered);
      return;
    }
  /* A capitalized word no actor covers: a name the actors stage missed,
   * unless it is a common word that only opens the sentence ("Shares"). */
  if (is_capitalized (c, head)
      && !(
        (tok (c, head)->flags & LEDE_TOKEN_SENTENCE_START)
        && (has_cat (c, head, CAT_STOP_WORDS) || lede_word_list_lookup_folded (c->common, hs, hlen) != NULL)))
    {
      src->type = SRC_NAME;
      src->kind = LEDE_ACTOR_PERSON;
      return;
    }
  src->type = SRC_OTHER;
}

/* ---- cues ---- */

/* Where the statement after the reporting words begins, or G_MAXUINT when
 * nothing but the circumstances of saying it follow ("… said on Monday."). */
static guint
find_complement (const Ctx *c, const Cue *cue, guint end)
{
  guint k = cue->vend;
  guint limit;

  while (k < end && (is_adverb (c, k) || is_time_word (c, k)))
    k++;
  /* "said on Monday the bridge would reopen": the day says when it was
   * said, and the statement follows it. */
  for (;;)
    {
      if (k + 1 < end && word_in (c, k, (const char *const[]){ "on", "in", "late", "early", NULL })
          && is_time_word (c, k + 1))
        k += 2;
      /* "said in a statement the plant would close" */
      else if (k + 2 < end && word_in (c, k, (const char *const[]){ "in", NULL })
               && word_in (c, k + 1, (const char *const[]){ "a", "an", "its", "his", "her", "their", NULL })
               && word_in (c, k + 2,
                           (const char *const[]){ "statement", "interview", "post", "filing", "letter",
                                                  "email", "speech", "tweet", "memo", "briefing", NULL }))
        k += 3;
      else
        break;
      while (k < end && (is_adverb (c, k) || is_time_word (c, k)))
        k++;
    }
  if (k >= end)
    return G_MAXUINT;
  if (cue->flags & LEDE_VERB_OBJ)
    {
      /* "told reporters that …", "accused X of …": the statement holds the object. */
      for (guint j = k; j < end && j < k + 8; j++)
        {
          if (word_in (c, j, (const char *const[]){ "that", NULL }) || punct_is (c, j, ":"))
            return j + 1;
          if (is_boundary (c, j))
            break;
        }
      if (punct_is (c, k, ",") || punct_is (c, k, ".")
          || (tok (c, k)->flags & LEDE_TOKEN_QUOTE && c->quote[k] & Q_CLOSE))
        return G_MAXUINT;
      /* "accused X of …", "praised the bill": the object belongs to the statement. */
      if (!word_in (c, cue->v, (const char *const[]){ "tell", "tells", "told", "telling", NULL }))
        return k;
      {
        /* "…,” the coach told reporters.", "told reporters he …" */
        guint e = np_after (c, k, end);
        while (e < end && (is_adverb (c, e) || is_time_word (c, e)))
          e++;
        if (e >= end || punct_is (c, e, ".") || punct_is (c, e, ",") || punct_is (c, e, "!")
            || punct_is (c, e, "?"))
          return G_MAXUINT;
        if (has_cat (c, e, CAT_PREPOSITIONS))
          {
            for (guint j = e; j < end && j < e + 12; j++)
              {
                if (word_in (c, j, (const char *const[]){ "that", NULL }) || punct_is (c, j, ":"))
                  return j + 1;
                if (punct_is (c, j, ",") || punct_is (c, j, ".") || punct_is (c, j, ";"))
                  return G_MAXUINT;
              }
            return G_MAXUINT;
          }
        if (e > k)
          return e;
      }
      return k;
    }
  /* "rejected that figure", "acknowledged that limitation": there "that"
   * points, it does not introduce. */
  if (word_in (c, k, (const char *const[]){ "that", NULL }) && k + 2 < end
      && (tok (c, k + 1)->flags & LEDE_TOKEN_WORD) && punct_is (c, k + 2, "."))
    return k;
  if (cue->stance == LEDE_STANCE_DENIAL && word_in (c, k, (const char *const[]){ "that", "this", "it", NULL })
      && (k + 1 >= end || (tok (c, k + 1)->flags & LEDE_TOKEN_PUNCT) || has_cat (c, k + 1, CAT_SAID_NOUNS)
          || (k + 2 < end && (tok (c, k + 2)->flags & LEDE_TOKEN_PUNCT))))
    return k;
  if (word_in (c, k, (const char *const[]){ "that", NULL }) || punct_is (c, k, ":"))
    return k + 1;
  if (punct_is (c, k, ",") && k + 1 < end && (c->quote[k + 1] & Q_OPEN))
    return k + 1;
  /* "claimed, without providing evidence, that …" */
  if (punct_is (c, k, ","))
    for (guint j = k + 1; j + 1 < end && j < k + 10; j++)
      if (punct_is (c, j, ","))
        {
          if (word_in (c, j + 1, (const char *const[]){ "that", NULL }))
            return j + 2;
          if (c->quote[j + 1] & Q_OPEN)
            return j + 1;
          break;
        }
  if (punct_is (c, k, ",") || punct_is (c, k, ".") || punct_is (c, k, ";") || punct_is (c, k, "!")
      || punct_is (c, k, "?") || is_dash (c, k) || punct_is (c, k, ")"))
    return G_MAXUINT;
  if ((tok (c, k)->flags & LEDE_TOKEN_QUOTE) && (c->quote[k] & Q_CLOSE))
    return G_MAXUINT;
  if (has_cat (c, k, CAT_PREPOSITIONS) || is_time_word (c, k))
    {
      limit = MIN (end, k + 15);
      for (guint j = k; j < limit; j++)
        {
          if (word_in (c, j, (const char *const[]){ "that", NULL }) || punct_is (c, j, ":")
              || (c->quote[j] & Q_OPEN))
            return j + 1;
          if (punct_is (c, j, ",") || punct_is (c, j, ".") || punct_is (c, j, ";") || is_dash (c, j))
            return G_MAXUINT;
        }
      return G_MAXUINT;
    }
  return k;
}

/* Is there a noun phrase right after the reporting words that is their
 * subject: ", said Dana Holt, an analyst", "…,” said the minister."? */
static gboolean
subject_after (const Ctx *c, Cue *cue, guint end)
{
  guint k = cue->vend;
  guint e = np_after (c, k, end);

  if (e == k || e - k > 8)
    return FALSE;
  if (!(is_capitalized (c, k) || has_cat (c, k, CAT_DETERMINERS) || has_cat (c, k, CAT_PRONOUNS_PERSON)
        || has_cat (c, k, CAT_PRONOUNS_OTHER)))
    {
      /* "…,” said lead author Peter Kistler": a title before a name. */
      gboolean name = FALSE;
      for (guint j = k + 1; j < e && j < k + 4 && !name; j++)
        name = is_capitalized (c, j);
      if (!name)
        return FALSE;
    }
  if (e < end
      && !(is_boundary (c, e) || has_cat (c, e, CAT_PREPOSITIONS)
           || word_in (c, e, (const char *const[]){ "who", NULL }) || is_time_word (c, e)
           || is_adverb (c, e)))
    return FALSE;
  cue->np_first = k;
  cue->np_end = e;
  return TRUE;
}

/* The noun phrase that opens the sentence (before its verb), for a cue
 * with no subject of its own: "The minister toured the site and said …". */
static gboolean
sentence_subject (const Ctx *c, guint first, guint k, Cue *cue)
{
  guint s0 = first;

  /* "BRUSSELS (Reuters) - The European Commission …" */
  if ((tok (c, s0)->flags & LEDE_TOKEN_UPPER))
    for (guint j = s0 + 1; j < k && j < s0 + 8; j++)
      if (is_dash (c, j) && (tok (c, j)->flags & LEDE_TOKEN_SPACE_BEFORE))
        {
          s0 = j + 1;
          break;
        }
  while (s0 < k
         && ((tok (c, s0)->flags & LEDE_TOKEN_QUOTE) || is_adverb (c, s0)
             || word_in (c, s0, (const char *const[]){ "but", "and", "yet", NULL })))
    s0++;
  cue->np_first = s0;
  cue->np_end = s0;
  if (s0 < k && has_cat (c, s0, CAT_DETERMINERS))
    cue->np_end++;
  while (cue->np_end < k && cue->np_end - s0 < 6
         && (tok (c, cue->np_end)->flags & (LEDE_TOKEN_WORD | LEDE_TOKEN_POSSESSIVE))
         && !has_cat (c, cue->np_end, CAT_AUX_WORDS) && !has_cat (c, cue->np_end, CAT_STOP_WORDS)
         && !(cue->np_end > s0 && !is_capitalized (c, cue->np_end) && ends_with_ed (c, cue->np_end)))
    cue->np_end++;
  return cue->np_end > s0;
}

/* Does a clause (something said) start at @k, rather than a thing ("added
 * a second goal", "added 200 jobs")? */
static gboolean
is_clause (const Ctx *c, guint k, guint end)
{
  if (k > 0 && (word_in (c, k - 1, (const char *const[]){ "that", NULL }) || punct_is (c, k - 1, ":")))
    return TRUE;
  if ((c->quote[k] & Q_OPEN) || has_cat (c, k, CAT_PRONOUNS_PERSON) || has_cat (c, k, CAT_PRONOUNS_OTHER)
      || word_in (c, k, (const char *const[]){ "i", "there", NULL }))
    return TRUE;
  for (guint j = k; j < end && j < k + 8 && !is_boundary (c, j); j++)
    if ((has_cat (c, j, CAT_AUX_WORDS) && !is_capitalized (c, j))
        || word_in (c, j, (const char *const[]){ "will", "would", "could", "should", "might", "can", NULL }))
      return TRUE;
  return FALSE;
}

static gboolean
analyze_cue (Ctx *c, guint first, guint end, const Cue *cues, guint ncues, Cue *cue)
{
  int k;
  gboolean skipped_quantifier = FALSE;
  guint comp;

  cue->np_first = cue->np_end = 0;
  cue->clause_first = cue->v;

  if (cue->flags & LEDE_VERB_FOR)
    {
      if (cue->vend < end && word_in (c, cue->vend, (const char *const[]){ "for", "on", NULL }))
        cue->vend++;
      else
        {
          /* "called the suit baseless": a rejection. */
          gboolean rebut = FALSE, quoted = FALSE;
          for (guint j = cue->vend; j < end && j < cue->vend + 7 && !rebut && !quoted; j++)
            {
              /* "called the vote “a win for rural America”": a verdict. */
              if (c->quote[j] & Q_OPEN)
                quoted = j > cue->vend;
              else if (is_boundary (c, j))
                break;
              rebut = word_in (c, j, rebut_words);
            }
          if (!rebut && !quoted)
            return FALSE;
          cue->stance = rebut ? LEDE_STANCE_DENIAL : LEDE_STANCE_STATEMENT;
          if (rebut)
            cue->flags |= LEDE_VERB_REBUT;
          cue->flags &= ~LEDE_VERB_INV;
        }
    }
  if (cue->flags & LEDE_VERB_AT)
    {
      /* "put the death toll at 40": an estimate, with its object. */
      gboolean amount = FALSE;
      for (guint j = cue->vend; j < end && j < cue->vend + 8 && !is_boundary (c, j); j++)
        if (word_in (c, j, (const char *const[]){ "at", NULL }))
          {
            /* "at $3.8 billion", "at about 2,600", "at more than 40" */
            for (guint n = j + 1; n < end && n < j + 4 && !amount; n++)
              amount = (tok (c, n)->flags & LEDE_TOKEN_NUMBER) != 0;
            break;
          }
      if (!amount)
        return FALSE;
    }
  /* "to say", "the claims", "is expected": other senses. */
  if (cue->v + 1 < end && word_in (c, cue->v + 1, (const char *const[]){ "by", NULL }))
    return FALSE;
  for (k = (int) cue->v - 1; k >= (int) first; k--)
    {
      if (has_cat (c, k, CAT_NEGATIONS))
        return FALSE;
      if (has_cat (c, k, CAT_BE_WORDS))
        {
          if (!ends_with_ing (c, cue->v))
            return FALSE;
          continue;
        }
      if (word_in (c, k, (const char *const[]){ "all", "both", "each", "either", NULL }))
        skipped_quantifier = TRUE;
      if (has_cat (c, k, CAT_AUX_WORDS) || is_adverb (c, k) || is_time_word (c, k))
        continue;
      if (word_in (c, k, (const char *const[]){ "this", "last", "on", NULL }) && k + 1 < (int) cue->v
          && is_time_word (c, k + 1))
        continue;
      if (punct_is (c, k, ")"))
        {
          /* "The National Election Commission (NEC) said": the acronym
           * in brackets belongs to the name before it. */
          int o = k - 1;
          while (o > (int) first && o > k - 4 && !punct_is (c, o, "("))
            o--;
          if (o > (int) first && o < k - 1 && punct_is (c, o, "(")
              && (tok (c, o - 1)->flags & LEDE_TOKEN_WORD))
            {
              k = o;
              continue;
            }
        }
      break;
    }
  if (k >= (int) first
      && (word_in (c, k, (const char *const[]){ "to", NULL }) || has_cat (c, k, CAT_DETERMINERS)
          || (tok (c, k)->flags & LEDE_TOKEN_NUMBER)))
    return FALSE;
  if (k >= (int) first && (tok (c, k)->flags & LEDE_TOKEN_POSSESSIVE))
    {
      /* "the company's claims" is a noun; "McDonald's reported" a name and a verb. */
      gsize len;
      const char *s = lede_doc_token_str (c->doc, cue->v, &len);
      gboolean past
        = (len > 2 && g_ascii_strncasecmp (s + len - 2, "ed", 2) == 0)
          || word_in (c, cue->v, (const char *const[]){ "said", "says", "told", "wrote", "found", NULL });
      if (!past)
        return FALSE;
    }

  if (k < (int) first || is_boundary (c, k) || has_cat (c, k, CAT_STOP_WORDS))
    {
      /* Nothing names the source before the verb. */
      if ((cue->flags & LEDE_VERB_INV) && k >= (int) first && !has_cat (c, k, CAT_STOP_WORDS)
          && subject_after (c, cue, end))
        {
          cue->inverted = TRUE;
          cue->clause_first = k;
          return TRUE;
        }
      if (cue->flags & LEDE_VERB_POSTONLY)
        return FALSE;
      if (k >= (int) first && ncues > 0
          && ((ends_with_ing (c, cue->v) && punct_is (c, k, ","))
              || word_in (c, k, (const char *const[]){ "and", "but", NULL })))
        {
          /* ", saying …", "… and called for …": the same source goes on;
           * the sentence's subject is kept in case no cue before is kept. */
          cue->follow = TRUE;
          cue->clause_first = k;
          if (!sentence_subject (c, first, k, cue))
            cue->np_first = cue->np_end = 0;
          cue->comp = find_complement (c, cue, end);
          return cue->comp != G_MAXUINT;
        }
      if (k > (int) first && ncues == 0
          && ((!(cue->flags & LEDE_VERB_WEAK) && word_in (c, k, (const char *const[]){ "and", NULL }))
              || (ends_with_ing (c, cue->v) && punct_is (c, k, ","))))
        {
          /* "Goldman raised its forecast, saying …" too. */
          if (!sentence_subject (c, first, k, cue))
            return FALSE;
          /* Only a source-like subject: the weak verbs' test. */
          cue->flags |= LEDE_VERB_WEAK;
          cue->clause_first = k;
          cue->comp = find_complement (c, cue, end);
          return cue->comp != G_MAXUINT;
        }
      if (k > (int) first && word_in (c, k, (const char *const[]){ "which", "who", NULL })
          && punct_is (c, k - 1, ","))
        {
          /* "Hamas, which accused Israel of …" */
          guint last = k - 2;
          cue->np_first = np_start (c, first, last);
          cue->np_end = last + 1;
          cue->clause_first = k - 1;
          if (cue->np_first > last)
            return FALSE;
        }
      else if (k > (int) first && (punct_is (c, k, ",") || is_dash (c, k)))
        {
          /* "Israel, however, asserts", "Ortega, also at the news
           * conference, alleged", "the opposition — which … — had promised",
           * "The presidents of …, all denounced". */
          int p = -1;
          guint last = 0;
          gboolean found = FALSE;
          /* The comma (or dash) that opens the aside, nearest first: the
           * source before it must open its clause ("Veltrix, based in San
           * Jose, California, said": not "San Jose"). */
          if (!skipped_quantifier)
            for (int j = k - 1; j >= (int) first && j >= k - 42 && !found; j--)
              {
                if (tok (c, j)->flags & LEDE_TOKEN_QUOTE)
                  break;
                if (!((is_dash (c, k) && is_dash (c, j)) || (!is_dash (c, k) && punct_is (c, j, ","))))
                  continue;
                /* Only a relative clause runs long between its commas: "A
                 * source, who spoke on condition of anonymity because …, said". */
                if (!is_dash (c, k) && k - j > 15
                    && !word_in (c, j + 1, (const char *const[]){ "who", "which", "whose", NULL }))
                  break;
                if (j <= (int) first)
                  break;
                last = j - 1;
                if (punct_is (c, last, ")") && last > first)
                  last--;
                if (!(tok (c, last)->flags & (LEDE_TOKEN_WORD | LEDE_TOKEN_POSSESSIVE)))
                  continue;
                cue->np_first = np_start (c, first, last);
                if (cue->np_first > last)
                  continue;
                if (cue->np_first > first && !is_boundary (c, cue->np_first - 1)
                    && !word_in (c, cue->np_first - 1,
                                 (const char *const[]){ "and", "but", "as", "while", "meanwhile", NULL }))
                  continue;
                p = j;
                found = TRUE;
              }
          if (!found)
            {
              /* "The presidents of …, all denounced" */
              if (!skipped_quantifier)
                return FALSE;
              last = k - 1;
              if (punct_is (c, last, ")") && last > first)
                last--;
              if (!(tok (c, last)->flags & (LEDE_TOKEN_WORD | LEDE_TOKEN_POSSESSIVE)))
                return FALSE;
              cue->np_first = np_start (c, first, last);
              if (cue->np_first > last)
                return FALSE;
              if (cue->np_first > first && !is_boundary (c, cue->np_first - 1)
                  && !word_in (c, cue->np_first - 1,
                               (const char *const[]){ "and", "but", "as", "while", "meanwhile", NULL }))
                return FALSE;
            }
          cue->np_end = last + 1;
          cue->clause_first = cue->np_first;
          /* "Portugal's infrastructure minister, João Cardoso, urged": the
           * name between the commas is the source. */
          if (p >= 0 && !is_dash (c, k) && (guint) k - (guint) p - 1 <= 5 && (guint) k > (guint) p + 1)
            {
              /* "The bill's sponsor, state Senator Maya Ortiz, said" */
              gboolean name = !has_cat (c, p + 1, CAT_DETERMINERS);
              for (int j = p + 1; j < k && name; j++)
                name = (tok (c, j)->flags & LEDE_TOKEN_WORD) != 0;
              if (name && (c->doc->token_actor[k - 1] >= 0 || is_capitalized (c, k - 1)))
                {
                  cue->np_first = p + 1;
                  cue->np_end = k;
                }
            }
          /* "An independent analyst, Martin Olsen of the Oslo Space
           * Institute, said": a person named between the commas is the
           * source, whatever the words after the name say about them. */
          else if (p >= 0 && !is_dash (c, k) && (guint) k - (guint) p - 1 <= 10 && (guint) k > (guint) p + 1)
            {
              int who = c->doc->token_actor[p + 1];
              const LedeActor *actor = actor_at (c, who);
              if (actor != NULL && actor->kind == LEDE_ACTOR_PERSON
                  && (p + 1 == (int) first || c->doc->token_actor[p] != who))
                {
                  guint e = p + 1;
                  while (e < (guint) k && c->doc->token_actor[e] == who)
                    e++;
                  if (word_in (c, e, (const char *const[]){ "of", "at", "from", NULL }))
                    {
                      cue->np_first = p + 1;
                      cue->np_end = e;
                    }
                }
            }
        }
      else
        return FALSE;
    }
  else
    {
      cue->np_first = np_start (c, first, k);
      cue->np_end = k + 1;
      cue->clause_first = cue->np_first;
      if (cue->np_first > (guint) k)
        return FALSE;
      /* "its price forecast", "their latest report": a noun, not a verb. */
      if (word_in (c, cue->np_first,
                   (const char *const[]){ "its", "their", "his", "her", "our", "my", "your", NULL })
          && !ends_with_ed (c, cue->v)
          && !word_in (c, cue->v,
                       (const char *const[]){ "said", "says", "told", "wrote", "found", "thinks", "believes",
                                              "insists", "argues", "warns", "adds", "notes", "claims",
                                              NULL }))
        return FALSE;
      if (cue->np_first > first + 1 && has_cat (c, cue->np_first - 1, CAT_SAID_NOUNS))
        {
          /* "…, a charge Wills denied": the statement ends before "a charge". */
          cue->clause_first = cue->np_first - 1;
          if (has_cat (c, cue->clause_first - 1, CAT_DETERMINERS))
            cue->clause_first--;
        }
      else if (cue->np_first > first)
        {
          guint before = cue->np_first - 1;
          if (has_cat (c, before, CAT_SUBORDINATORS)
              || word_in (c, before, (const char *const[]){ "what", "how", "why", "whatever", NULL }))
            return FALSE;
          if (has_cat (c, before, CAT_RELATIVES) && before > first && punct_is (c, before - 1, ","))
            cue->clause_first = before;
          else if (word_in (c, before, (const char *const[]){ "and", NULL }) && before > first
                   && (tok (c, before - 1)->flags & LEDE_TOKEN_WORD))
            {
              /* "The mayor and his opponents both claimed": the first one named leads. */
              guint f2 = np_start (c, first, before - 1);
              if (f2 <= before - 1 && before - f2 <= 8
                  && (f2 == first || is_boundary (c, f2 - 1)
                      || word_in (c, f2 - 1, (const char *const[]){ "as", "while", "but", NULL })))
                {
                  cue->np_first = f2;
                  cue->np_end = before;
                  cue->clause_first = f2;
                }
            }
        }
    }

  comp = find_complement (c, cue, end);
  if (comp == G_MAXUINT)
    {
      if (!(cue->flags & LEDE_VERB_INV) && !(cue->stance == LEDE_STANCE_DENIAL))
        {
          /* "… the $4.3 billion analysts had expected": the statement is before. */
          if (cue->clause_first <= first)
            return FALSE;
        }
      cue->inverted = TRUE;
    }
  else
    cue->comp = comp;
  if (cue->flags & LEDE_VERB_POSTONLY && !cue->inverted)
    return FALSE;
  if ((cue->flags & LEDE_VERB_CLAUSE) && !cue->inverted && !is_clause (c, comp, end))
    return FALSE;
  /* "Officials said little.", "He said so.": nothing is stated. */
  if (!cue->inverted && cue->stance != LEDE_STANCE_DENIAL && comp + 1 < end
      && (tok (c, comp + 1)->flags & LEDE_TOKEN_PUNCT)
      && word_in (c, comp,
                  (const char *const[]){ "little", "nothing", "much", "so", "this", "that", "it", "more",
                                         "otherwise", "something", "anything", "yes", "no", "goodbye",
                                         "hello", NULL }))
    return FALSE;
  return TRUE;
}

static gboolean
analyze_according (Ctx *c, guint first, guint end, Cue *cue)
{
  guint k = cue->v + 2;
  guint e = k;

  cue->vend = k;
  while (e < end && e - k < 16 && !punct_is (c, e, ",") && !punct_is (c, e, ".") && !punct_is (c, e, ";")
         && !is_dash (c, e) && !has_cat (c, e, CAT_RELATIVES) && !(tok (c, e)->flags & LEDE_TOKEN_QUOTE))
    e++;
  if (e == k)
    return FALSE;
  /* "a statement by the National Electoral Council" names its author. */
  for (guint j = k; j < e; j++)
    if (word_in (c, j, (const char *const[]){ "by", "from", NULL }) && j + 1 < e)
      k = j + 1;
  /* "a study published on Wednesday in the journal X" is the study's;
   * "people familiar with the matter" are the people. */
  cue->comp = e;
  for (guint j = k + 1; j < e; j++)
    {
      gsize len;
      const char *s = lede_doc_token_str (c->doc, j, &len);
      gboolean participle = (tok (c, j)->flags & LEDE_TOKEN_WORD)
                            && !(tok (c, j)->flags & LEDE_TOKEN_CAPITALIZED) && len > 3
                            && g_ascii_strncasecmp (s + len - 2, "ed", 2) == 0;
      if (word_in (c, j, (const char *const[]){ "familiar", "close", "briefed", "involved", NULL }))
        break;
      if ((has_cat (c, j, CAT_STOP_WORDS) || participle)
          && !(j + 1 < e && is_capitalized (c, j + 1) && is_capitalized (c, j - 1)))
        {
          e = j;
          break;
        }
    }
  cue->np_first = k;
  cue->np_end = e;
  /* "according to plan" attributes nothing. */
  for (guint j = k; j < e; j++)
    if (word_in (c, j, not_sources))
      return FALSE;
  if (cue->v == first
      || (cue->v == first + 1 && word_in (c, first, (const char *const[]){ "but", "and", "yet", NULL })))
    {
      if (cue->comp >= end || !punct_is (c, cue->comp, ","))
        return FALSE;
      cue->comp++;
      cue->clause_first = cue->v;
      cue->inverted = FALSE;
    }
  else
    {
      cue->inverted = TRUE;
      cue->clause_first = cue->v;
    }
  return TRUE;
}

/* ---- spans ---- */

static gboolean
is_trim (const Ctx *c, guint i)
{
  if (tok (c, i)->flags & LEDE_TOKEN_QUOTE)
    return TRUE;
  if (tok (c, i)->flags & LEDE_TOKEN_PUNCT)
    return punct_is (c, i, ",") || punct_is (c, i, ".") || punct_is (c, i, ";") || punct_is (c, i, ":")
           || is_dash (c, i) || punct_is (c, i, "!") || punct_is (c, i, "?") || punct_is (c, i, "…");
  return word_in (c, i, (const char *const[]){ "and", "but", "as", "while", "that", "which", "with", NULL });
}

/* Does the quotation opened at @open close before @end? */
static gboolean
quote_closes_before (const Ctx *c, guint open, guint end)
{
  for (guint j = open + 1; j < end; j++)
    if ((c->quote[j] & Q_CLOSE) && (c->quote[j] & Q_MASK) == open + 1)
      return TRUE;
  return FALSE;
}

static gboolean
trim_span (const Ctx *c, guint *first, guint *end)
{
  /* A dateline is no part of a statement: "LONDON (Reuters) - Oil rose …" */
  if ((tok (c, *first)->flags & (LEDE_TOKEN_PARAGRAPH_START | LEDE_TOKEN_UPPER))
      == (LEDE_TOKEN_PARAGRAPH_START | LEDE_TOKEN_UPPER))
    for (guint j = *first + 1; j < *end && j < *first + 8; j++)
      if (is_dash (c, j) && (tok (c, j)->flags & LEDE_TOKEN_SPACE_BEFORE))
        {
          *first = j + 1;
          break;
        }
  while (*first < *end && (tok (c, *first)->flags & LEDE_TOKEN_PUNCT) && is_trim (c, *first))
    {
      /* Keep an opening mark whose quotation closes inside the span. */
      if ((c->quote[*first] & Q_OPEN) && quote_closes_before (c, *first, *end))
        break;
      (*first)++;
    }
  while (*end > *first && is_trim (c, *end - 1)
         && !(*end - 1 == *first && (tok (c, *first)->flags & LEDE_TOKEN_WORD)))
    {
      guint last = *end - 1;
      /* … and a closing one whose quotation opened inside it. */
      if ((c->quote[last] & Q_CLOSE) && (c->quote[last] & Q_MASK) - 1 >= *first)
        break;
      (*end)--;
    }
  /* A span that is one whole quotation goes without its marks. */
  if (*end > *first + 1 && (c->quote[*first] & Q_OPEN) && (c->quote[*end - 1] & Q_CLOSE)
      && (c->quote[*end - 1] & Q_MASK) == *first + 1)
    {
      (*first)++;
      (*end)--;
      while (*end > *first && is_trim (c, *end - 1) && !(tok (c, *end - 1)->flags & LEDE_TOKEN_QUOTE))
        (*end)--;
    }
  return *end > *first;
}

/* ---- claims ---- */

static int
claim_kind (const Ctx *c, const LedeClaim *claim, const Source *src)
{
  const LedeActor *a = actor_at (c, claim->claimant);
  if (a != NULL)
    return a->kind;
  return src->kind;
}

static LedeClaim *
emit_claim (Ctx *c, guint first, guint end, const Source *src, const char *verb, LedeStance stance)
{
  LedeDoc *doc = c->doc;
  LedeClaim *claim;

  if (!trim_span (c, &first, &end))
    return NULL;
  /* One claim per statement: a second cue over the same words adds nothing. */
  if (doc->claims->len > 0)
    {
      const LedeClaim *prev = g_ptr_array_index (doc->claims, doc->claims->len - 1);
      LedeSpan span;
      lede_doc_span_from_tokens (doc, first, end, &span);
      if (prev->span.bstart == span.bstart && prev->span.bend == span.bend && prev->claimant == src->claimant
          && g_strcmp0 (prev->claimant_text, src->text) == 0)
        return NULL;
    }
  claim = lede_claim_new ();
  lede_doc_span_from_tokens (doc, first, end, &claim->span);
  claim->claimant = src->claimant;
  claim->claimant_text = g_strdup (src->text);
  claim->verb = g_strdup (verb);
  claim->stance = stance;
  {
    guint tend = end;

    /* "accused Moscow of trying to freeze Ukrainians": the accused is the
     * object before "of", not everyone the charge names. */
    if (stance == LEDE_STANCE_ACCUSATION)
      for (guint j = first + 1; j < end && j < first + 8; j++)
        if (word_in (c, j, (const char *const[]){ "of", "for", NULL }) && doc->token_actor[j - 1] >= 0)
          {
            tend = j;
            break;
          }
    for (guint i = first; i < tend; i++)
      {
        int a = doc->token_actor[i];
        gboolean seen = a < 0 || a == claim->claimant;
        /* "attacks near the Zaporizhzhia plant": a place where something
         * happened is not a side. */
        if (!seen && (i == first || doc->token_actor[i - 1] != a) && i > first
            && actor_at (c, a)->kind == LEDE_ACTOR_PLACE
            && (word_in (c, i - 1,
                         (const char *const[]){ "near", "in", "at", "around", "outside", "across", "inside",
                                                "into", "from", NULL })
                || (i > first + 1
                    && word_in (c, i - 2, (const char *const[]){ "near", "in", "at", "around", NULL })
                    && has_cat (c, i - 1, CAT_DETERMINERS))))
          seen = TRUE;
        for (guint k = 0; !seen && k < claim->targets->len; k++)
          seen = g_array_index (claim->targets, int, k) == a;
        if (!seen)
          g_array_append_val (claim->targets, a);
      }
  }
  g_ptr_array_add (doc->claims, claim);
  if (src->type == SRC_DOCUMENT)
    {
      int index = doc->claims->len - 1;
      g_array_append_val (c->doc_claims, index);
    }
  if (claim_kind (c, claim, src) == LEDE_ACTOR_PERSON && (claim->claimant >= 0 || claim->claimant_text))
    {
      c->last_person_claim = doc->claims->len - 1;
      c->last_person_sentence = tok (c, end - 1)->sentence;
    }
  c->last_claim_sentence = tok (c, end - 1)->sentence;
  c->last_claimant_org = claim_kind (c, claim, src) == LEDE_ACTOR_ORGANIZATION ? claim->claimant : -1;
  return claim;
}

/* Does a source this weak verb needs stand before it? */
static gboolean
accept_source (const Ctx *c, const Cue *cue, guint sentence)
{
  const Source *s = &cue->src;

  if (cue->according)
    return s->type != SRC_NONE;
  if (!(cue->flags & LEDE_VERB_WEAK))
    return s->type != SRC_NONE || s->claimant >= 0 || s->text != NULL;
  switch (s->type)
    {
      case SRC_ACTOR:
        {
          const LedeActor *a = actor_at (c, s->claimant);
          if ((cue->flags & LEDE_VERB_SOURCE) && a && a->kind == LEDE_ACTOR_PLACE)
            return FALSE;
          return TRUE;
        }
      case SRC_PRONOUN:
        if (has_cat (c, cue->np_first, CAT_PRONOUNS_PERSON))
          return TRUE;
        /* "…, which it denied" */
        if (cue->np_first > 0 && has_cat (c, cue->np_first - 1, CAT_RELATIVES))
          return TRUE;
        /* "They also reveal …" about things: only amid quoted speakers. */
        return c->last_claim_sentence >= 0 && sentence - (guint) c->last_claim_sentence <= 1;
      case SRC_UNNAMED:
        /* "researchers found", not "police found the car" */
        if (cue->flags & LEDE_VERB_SOURCE)
          return s->research;
        return TRUE;
      case SRC_DOCUMENT: return !(cue->flags & LEDE_VERB_PERSON);
      case SRC_NAME: return TRUE;
      case SRC_NONE:
      case SRC_OTHER:
      default: return FALSE;
    }
}

/* Is the claim's statement a quotation (a mark right before or after it)? */
static gboolean
is_quoted (const Ctx *c, const LedeClaim *claim)
{
  guint lo = 0, hi = c->n;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (tok (c, mid)->bstart < claim->span.bstart)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo > 0 && (c->quote[lo - 1] & Q_OPEN))
    return TRUE;
  lo = 0, hi = c->n;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (tok (c, mid)->bstart < claim->span.bend)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint i = lo; i < c->n && i < lo + 2; i++)
    if (c->quote[i] & Q_CLOSE)
      return TRUE;
  return FALSE;
}

/* A quotation that opens a sentence right after a quoted speaker goes on in
 * that speaker's voice. */
static void
continuation (Ctx *c, guint first, guint end, const LedeClaim *prev, guint *covered_until)
{
  Source src = { 0 };
  guint e = end;
  LedeClaim *claim;
  guint open;

  if (c->quote[first] & Q_OPEN)
    open = first;
  else if (is_inside_quote (c, first))
    open = (c->quote[first] & Q_MASK) - 1;
  else
    return;
  /* The quotation may run on over the next sentences of the paragraph. */
  for (guint i = first + 1; i < c->n && i < first + 400; i++)
    {
      if (tok (c, i)->flags & LEDE_TOKEN_PARAGRAPH_START)
        break;
      if ((c->quote[i] & Q_CLOSE) && (c->quote[i] & Q_MASK) == open + 1)
        {
          /* “Chavismo” remains popular: a quoted word, not a quotation. */
          if (i + 2 < end)
            return;
          e = MAX (end, i + 1);
          break;
        }
      if (!is_inside_quote (c, i) && i >= end)
        break;
    }
  src.claimant = prev->claimant;
  src.text = prev->claimant_text;
  src.type = SRC_ACTOR;
  src.kind = claim_kind (c, prev, &src);
  claim = emit_claim (c, first, e, &src, prev->verb, LEDE_STANCE_STATEMENT);
  if (claim)
    *covered_until = e;
}

static void
find_in_sentence (Ctx *c, guint si, guint *covered_until, gboolean *prev_had_claim)
{
  LedeDoc *doc = c->doc;
  const LedeTokenRange *r = &g_array_index (doc->sentence_tokens, LedeTokenRange, si);
  guint first = r->first, end = r->end;
  Cue cues[MAX_CUES];
  guint ncues = 0;
  guint claims_before = doc->claims->len;

  if (first >= end || (tok (c, first)->flags & LEDE_TOKEN_TITLE))
    {
      *prev_had_claim = FALSE;
      return;
    }

  for (guint i = first; i < end && ncues < MAX_CUES; i++)
    {
      const LedeToken *t = tok (c, i);
      Cue *cue = &cues[ncues];
      gsize len;
      const char *s;

      if (!(t->flags & LEDE_TOKEN_WORD) || is_inside_quote (c, i) || i < *covered_until)
        continue;
      /* "the United States": a capital letter inside a sentence makes a name. */
      if ((t->flags & LEDE_TOKEN_CAPITALIZED) && !(t->flags & LEDE_TOKEN_SENTENCE_START)
          && !(i > first && (tok (c, i - 1)->flags & LEDE_TOKEN_QUOTE)))
        continue;
      s = lede_doc_token_str (doc, i, &len);
      if (len == 9 && g_ascii_strncasecmp (s, "according", 9) == 0 && i + 1 < end
          && lede_doc_token_is (doc, i + 1, "to"))
        {
          memset (cue, 0, sizeof *cue);
          cue->v = i;
          cue->vend = i + 1;
          cue->according = TRUE;
          if (!analyze_according (c, first, end, cue))
            continue;
          i = cue->vend - 1;
        }
      else
        {
          LedeStance stance;
          guint flags;

          /* Most words are no reporting verb: clear the cue only for one. */
          if (!lede_claims_lookup_verb (s, len, &stance, &flags))
            continue;
          memset (cue, 0, sizeof *cue);
          cue->v = i;
          cue->vend = i + 1;
          cue->stance = stance;
          cue->flags = flags;
          if (!analyze_cue (c, first, end, cues, ncues, cue))
            continue;
        }
      ncues++;
    }

  /* Sources, in order, so that "he" and "the official" see the ones before. */
  for (guint k = 0; k < ncues; k++)
    {
      Cue *cue = &cues[k];
      cue->src.claimant = -1;
      if (cue->follow)
        {
          guint p = k;
          while (p > 0 && !cues[p - 1].ok)
            p--;
          if (p == 0)
            {
              if (cue->np_first < cue->np_end)
                {
                  resolve_np (c, first, cue->np_first, cue->np_end, &cue->src);
                  cue->flags |= LEDE_VERB_WEAK;
                  cue->follow = FALSE;
                  cue->ok = accept_source (c, cue, si);
                  if (cue->ok && cue->src.pending)
                    source_set_actor (c, &cue->src,
                                      unnamed_actor (c, cue->src.pfirst, cue->src.pend, cue->src.phead,
                                                     cue->src.kind));
                }
              continue;
            }
          cue->src.claimant = cues[p - 1].src.claimant;
          cue->src.text = g_strdup (cues[p - 1].src.text);
          cue->src.type = cues[p - 1].src.type;
          cue->src.kind = cues[p - 1].src.kind;
          cue->ok = TRUE;
          continue;
        }
      cue->ok = TRUE;
      if (!cue->according && k > 0)
        {
          /* "She added that the company expected …": a source quoted
           * inside another's statement is part of it. */
          guint p = k;
          while (p > 0 && !cues[p - 1].ok)
            p--;
          if (p > 0 && !cues[p - 1].inverted && cues[p - 1].comp <= cue->clause_first
              && cue->clause_first > first && !is_boundary (c, cue->clause_first - 1)
              && !word_in (c, cue->clause_first - 1,
                           (const char *const[]){ "as", "while", "but", "and", "whereas", "although", NULL }))
            cue->ok = FALSE;
        }
      if (!cue->ok)
        continue;
      if (cue->np_first < cue->np_end)
        resolve_np (c, first, cue->np_first, cue->np_end, &cue->src);
      cue->ok = accept_source (c, cue, si);
      if (cue->ok && cue->src.pending)
        source_set_actor (c, &cue->src,
                          unnamed_actor (c, cue->src.pfirst, cue->src.pend, cue->src.phead, cue->src.kind));
    }

  for (guint k = 0; k < ncues; k++)
    {
      Cue *cue = &cues[k];
      guint sf, se;
      g_autofree char *verb = NULL;
      LedeClaim *claim;

      if (!cue->ok)
        continue;
      if (cue->inverted)
        {
          guint b = cue->clause_first;
          guint lo = first;
          /* The statement begins after the previous cue's words … */
          for (guint p = 0; p < k; p++)
            if (cues[p].ok)
              lo = MAX (lo, MAX (cues[p].vend, cues[p].np_end));
          sf = lo;
          se = b;
          /* "The plan, the minister said, would cost $5bn": the statement
           * goes on after a parenthetical attribution. */
          if (!cue->according && cue->np_first < cue->v && b > lo && punct_is (c, b - 1, ","))
            {
              guint a = MAX (cue->vend, cue->np_end);
              guint limit = a + 8;
              /* past "on Tuesday", "in a statement" */
              while (a < end && a < limit && (tok (c, a)->flags & (LEDE_TOKEN_WORD | LEDE_TOKEN_NUMBER)))
                a++;
              if (a + 1 < end && punct_is (c, a, ",") && (tok (c, a + 1)->flags & LEDE_TOKEN_WORD)
                  && !is_capitalized (c, a + 1) && !ends_with_ing (c, a + 1)
                  && !has_cat (c, a + 1, CAT_RELATIVES)
                  && !word_in (c, a + 1, (const char *const[]){ "according", NULL }))
                {
                  gboolean later = FALSE;
                  for (guint p = k + 1; p < ncues; p++)
                    later = later || cues[p].ok;
                  if (!later)
                    se = end;
                }
            }
          /* … or at the quotation that closes right before this cue. */
          for (guint j = b + 1; j > lo && j + 3 > b + 1; j--)
            if (c->quote[j - 1] & Q_CLOSE)
              {
                guint open = (c->quote[j - 1] & Q_MASK) - 1;
                if (open + 1 < j - 1)
                  {
                    sf = open + 1;
                    se = j - 1;
                    /* A quotation that began in an earlier sentence and
                     * was taken for the last speaker's: it is this one's. */
                    if (open < first && doc->claims->len == claims_before && doc->claims->len > 0)
                      {
                        LedeClaim *last = g_ptr_array_index (doc->claims, doc->claims->len - 1);
                        if (last->span.bstart >= tok (c, open)->bstart)
                          {
                            g_ptr_array_remove_index (doc->claims, doc->claims->len - 1);
                            if (c->last_person_claim >= (int) doc->claims->len)
                              c->last_person_claim = -1;
                          }
                      }
                  }
                break;
              }
        }
      else
        {
          sf = cue->comp;
          se = end;
          for (guint p = k + 1; p < ncues; p++)
            if (cues[p].ok && cues[p].clause_first > sf)
              {
                se = MIN (se, cues[p].clause_first);
                break;
              }
        }
      if (sf >= se)
        continue;
      verb = lede_doc_dup_range (doc, cue->v, cue->vend);
      claim = emit_claim (c, sf, se, &cue->src, verb, cue->stance);
      (void) claim;
    }

  for (guint k = 0; k < ncues; k++)
    source_clear (&cues[k].src);

  if (doc->claims->len == claims_before && *prev_had_claim && first >= *covered_until && doc->claims->len > 0)
    {
      const LedeClaim *prev = g_ptr_array_index (doc->claims, doc->claims->len - 1);
      /* A new paragraph goes on in the last speaker's voice only when it
       * opens a quotation and the speaker was quoted. */
      if (!(tok (c, first)->flags & LEDE_TOKEN_PARAGRAPH_START)
          || ((c->quote[first] & Q_OPEN) && is_quoted (c, prev)))
        continuation (c, first, end, prev, covered_until);
    }
  *prev_had_claim = doc->claims->len > claims_before;
}

/* "The study found …" speaks for its authors when the article names them. */
static void
fix_document_sources (Ctx *c)
{
  LedeDoc *doc = c->doc;
  int team = -1;

  for (guint a = c->first_created; a < doc->actors->len && team < 0; a++)
    {
      const LedeActor *actor = g_ptr_array_index (doc->actors, a);
      if (has_word (actor->name, "researchers", 11) || has_word (actor->name, "authors", 7))
        team = a;
    }
  if (team < 0)
    return;
  for (guint k = 0; k < c->doc_claims->len; k++)
    {
      LedeClaim *claim = g_ptr_array_index (doc->claims, g_array_index (c->doc_claims, int, k));
      if (claim->claimant < 0)
        claim->claimant = team;
    }
  /* Other mentions of the team ("researchers tracked …"). */
  {
    LedeActor *actor = g_ptr_array_index (doc->actors, team);
    for (guint i = 0; i < c->n; i++)
      if (doc->token_actor[i] < 0 && word_in (c, i, (const char *const[]){ "researchers", NULL }))
        {
          g_autofree char *w = lede_doc_dup_range (doc, i, i + 1);
          lede_actor_add_alias (actor, w);
          add_mention (c, actor, team, i, i + 1);
        }
  }
}

/* Figures inside an attributed statement, or in a sentence an "according
 * to" attributes, come from that source. */
static void
set_figure_sources (Ctx *c)
{
  LedeDoc *doc = c->doc;
  guint nsent = doc->sentences->len;
  g_autofree int *according = NULL;
  guint k = 0;

  if (doc->figures->len == 0 || doc->claims->len == 0)
    return;
  according = g_new (int, nsent + 1);
  for (guint s = 0; s <= nsent; s++)
    according[s] = -1;
  for (guint i = 0; i < doc->claims->len; i++)
    {
      const LedeClaim *claim = g_ptr_array_index (doc->claims, i);
      if (claim->claimant >= 0 && claim->verb && g_ascii_strncasecmp (claim->verb, "according", 9) == 0
          && claim->span.sentence < nsent)
        according[claim->span.sentence] = claim->claimant;
    }
  /* Both lists are in text order, near enough: walk them together. */
  for (guint f = 0; f < doc->figures->len; f++)
    {
      LedeFigure *fig = g_ptr_array_index (doc->figures, f);
      if (fig->source >= 0)
        continue;
      while (k > 0
             && ((const LedeClaim *) g_ptr_array_index (doc->claims, k - 1))->span.bend > fig->span.bstart)
        k--;
      while (k < doc->claims->len
             && ((const LedeClaim *) g_ptr_array_index (doc->claims, k))->span.bend <= fig->span.bstart)
        k++;
      for (guint j = k; j < doc->claims->len && j < k + 4; j++)
        {
          const LedeClaim *claim = g_ptr_array_index (doc->claims, j);
          if (claim->span.bstart <= fig->span.bstart && fig->span.bend <= claim->span.bend
              && claim->claimant >= 0)
            {
              fig->source = claim->claimant;
              break;
            }
        }
      if (fig->source < 0 && fig->span.sentence < nsent && according[fig->span.sentence] >= 0)
        fig->source = according[fig->span.sentence];
    }
}

void
lede_find_claims (LedeDoc *doc)
{
  Ctx c = { 0 };
  guint covered_until = 0;
  gboolean prev_had_claim = FALSE;

  c.doc = doc;
  c.n = lede_doc_n_tokens (doc);
  if (c.n == 0 || doc->sentence_tokens == NULL)
    return;
  c.quote = g_new0 (guint32, c.n);
  c.cats = g_new0 (guint32, c.n + 1);
  c.cat_table = cat_table ();
  c.verbs = lede_word_list_get ("reporting-verbs");
  c.sources = lede_word_list_get ("unnamed-sources");
  c.common = lede_word_list_get ("common-words");
  c.last_person_claim = -1;
  c.last_claim_sentence = -1;
  c.last_claimant_org = -1;
  c.first_created = doc->actors->len;
  c.doc_claims = g_array_new (FALSE, FALSE, sizeof (int));
  c.seen = g_array_sized_new (FALSE, TRUE, sizeof (guint), doc->actors->len + 8);
  g_array_set_size (c.seen, doc->actors->len);
  for (guint k = 0; k <= LEDE_ACTOR_OTHER; k++)
    c.last_of_kind[k] = -1;

  mark_quotes (&c);
  for (guint s = 0; s < doc->sentence_tokens->len; s++)
    find_in_sentence (&c, s, &covered_until, &prev_had_claim);
  fix_document_sources (&c);

  /* The actors this stage added get a salience like the others: by how
   * often they appear. */
  for (guint a = c.first_created; a < doc->actors->len; a++)
    {
      LedeActor *actor = g_ptr_array_index (doc->actors, a);
      actor->salience = MIN (1.0, 0.1 + 0.1 * actor->mentions->len);
    }
  set_figure_sources (&c);

  g_array_unref (c.doc_claims);
  g_array_unref (c.seen);
  g_free (c.quote);
  g_free (c.cats);
}
