/* lede-disputes.c: stage: disputes — which claims the article shows to be contested, by whom, why. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "lede-analysis-private.h"
#include "lede-claims-private.h"
#include "lede-wordlist.h"

/* How far apart (in sentences) two claims may be and still answer each other. */
#define ANSWER_REACH 6
/* Claims compared for conflicting figures, looking back from each claim. */
#define FIGURE_REACH 12
#define FIGURE_SENTENCES 4
#define MAX_NUMS 6
#define MAX_CONTEXT 8

typedef enum
{
  SIGNAL_HEDGED = 1 << 0,
  SIGNAL_REBUTTAL = 1 << 1,
  SIGNAL_ACCUSATION = 1 << 2,
  SIGNAL_ALLEGATION = 1 << 3,
  SIGNAL_CONFLICT = 1 << 4,
  SIGNAL_APPROVAL = 1 << 5, /* only when negated */
} Signals;

enum
{
  DIRECT_NONE,
  DIRECT_ATTACK,  /* its source accuses, denies or rebuts: the targets are the other side */
  DIRECT_ANSWERED /* another source contradicts or rejects it: disputed_by is the other side */
};

typedef struct
{
  double value;
  char kind; /* 'm' money, 'p' percent, 'c' count */
  guint32 unit;
  guint32 context[MAX_CONTEXT];
  guint ncontext;
  gboolean generic; /* "put the figure at 1.8 million": the number stands for another's */
  guint32 noun;     /* the counted noun's hash ("people"), 0 when none */
} Num;

typedef struct
{
  guint first, end; /* tokens of the claim */
  Num nums[MAX_NUMS];
  guint nnums;
} ClaimInfo;

typedef struct
{
  LedeDoc *doc;
  guint n;
  const LedeWordList *words;
  guint max_words;
  ClaimInfo *info;
  const LedeWordFilter *filter;
  const LedeFrozenMap *prefixes;
  const LedeWordList *function_words;
  guint8 *token_signals;    /* per token: the Signals of the phrases that start there */
  guint8 *sentence_signals; /* per sentence */
  gboolean *sentence_done;
  gboolean *sentence_has_claim;
  guint8 *direct;       /* per claim: DIRECT_* */
  guint *stems;         /* per token: stem_hash(), 0 until asked */
  guint8 *token_claims; /* per token: how many claims hold it (at most 255) */
  guint8 *skip;         /* per token: 0 until asked, then 1 + is_skip_word() */
} Ctx;

static const char *const negations[] = { "not", "no", "never", "n't", "nothing", NULL };
static const char *const months[]
  = { "January",  "February", "March", "April", "May",  "June",  "July", "August", "September", "October",
      "November", "December", "Jan.",  "Feb.",  "Aug.", "Sept.", "Oct.", "Nov.",   "Dec.",      NULL };
/* Words around a number that say nothing about what it counts. */
static const char *const context_skip[]
  = { "the",     "a",         "an",    "of",    "to",     "in",      "on",
      "at",      "for",       "from",  "by",    "and",    "or",      "more",
      "than",    "less",      "fewer", "about", "some",   "over",    "under",
      "nearly",  "almost",    "least", "up",    "around", "roughly", "approximately",
      "just",    "only",      "its",   "their", "his",    "her",     "has",
      "have",    "had",       "was",   "were",  "is",     "are",     "be",
      "been",    "that",      "this",  "with",  "as",     "it",      "they",
      "would",   "not",       "each",  "every", "per",    "year",    "years",
      "month",   "months",    "week",  "weeks", "day",    "days",    "last",
      "against", "new",       "than",  "which", "who",    "all",     "also",
      "still",   "estimated", "s",     NULL };

static gboolean
word_in (const Ctx *c, guint i, const char *const *set)
{
  gsize len;
  const char *s;

  if (i >= c->n || !(lede_doc_token (c->doc, i)->flags & LEDE_TOKEN_WORD))
    return FALSE;
  s = lede_doc_token_str (c->doc, i, &len);
  for (; *set; set++)
    if ((((guchar) (*set)[0]) | 0x20) == (((guchar) s[0]) | 0x20) && lede_ascii_word_eq (s, len, *set))
      return TRUE;
  return FALSE;
}

/* Is token @i one of context_skip? Asked for the same tokens again and
 * again, and the list is long: the answer is kept per token. */
static gboolean
is_skip_word (const Ctx *c, guint i)
{
  static LedeFrozenMap *skip;

  if (g_once_init_enter (&skip))
    {
      /* Kept for the life of the process, like the word lists. */
      GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint k = 0; context_skip[k] != NULL; k++)
        g_hash_table_add (set, (gpointer) context_skip[k]);
      g_once_init_leave (&skip, lede_frozen_map_new (set));
    }
  if (i >= c->n || !(lede_doc_token (c->doc, i)->flags & LEDE_TOKEN_WORD))
    return FALSE;
  if (c->skip[i] == 0)
    {
      gsize len;
      const char *s = lede_doc_token_str (c->doc, i, &len);
      char buf[32];
      gboolean found = FALSE;

      /* The words are in lower case: fold the token and look it up. */
      if (len < sizeof buf)
        {
          for (gsize k = 0; k < len; k++)
            buf[k] = lede_ascii_lower (s[k]);
          found = lede_frozen_map_lookup (skip, buf, len) != NULL;
        }
      c->skip[i] = 1 + found;
    }
  return c->skip[i] == 2;
}

/* The first token at or after byte @b. */
static guint
token_at (const LedeDoc *doc, guint b)
{
  guint lo = 0, hi = lede_doc_n_tokens (doc);

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (lede_doc_token (doc, mid)->bstart < b)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* ---- dispute words ---- */

static guint
signal_of (const char *value)
{
  if (strcmp (value, "hedged") == 0)
    return SIGNAL_HEDGED;
  if (strcmp (value, "rebuttal") == 0)
    return SIGNAL_REBUTTAL;
  if (strcmp (value, "accusation") == 0)
    return SIGNAL_ACCUSATION;
  if (strcmp (value, "allegation") == 0)
    return SIGNAL_ALLEGATION;
  if (strcmp (value, "conflict") == 0)
    return SIGNAL_CONFLICT;
  if (strcmp (value, "approval") == 0)
    return SIGNAL_APPROVAL;
  return 0;
}

static void
add_prefixes (const char *entry, const char *value, gpointer user_data)
{
  GHashTable *prefixes = user_data;
  const char *sp;

  (void) value;
  for (sp = strchr (entry, ' '); sp != NULL; sp = strchr (sp + 1, ' '))
    {
      char *prefix = g_strndup (entry, sp - entry);
      /* g_hash_table_add() would lose the key it replaces: keep the first. */
      if (g_hash_table_contains (prefixes, prefix))
        g_free (prefix);
      else
        g_hash_table_add (prefixes, prefix);
    }
}

/* The word sequences that begin a longer phrase of the list ("could",
 * "could not", …): a phrase is grown a word further only from one. */
static const LedeFrozenMap *
phrase_prefixes (const LedeWordList *list)
{
  static LedeFrozenMap *prefixes;

  if (g_once_init_enter (&prefixes))
    {
      /* Kept for the life of the process, like the word lists. */
      GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      lede_word_list_foreach (list, add_prefixes, set);
      g_once_init_leave (&prefixes, lede_frozen_map_new (set));
    }
  return prefixes;
}

/* The filter of the phrases' first words, built once: the list is long. */
static const LedeWordFilter *
phrase_filter (const LedeWordList *list)
{
  static LedeWordFilter *filter;

  if (g_once_init_enter (&filter))
    {
      LedeWordFilter *f = g_new0 (LedeWordFilter, 1);
      lede_word_filter_init (f, list, TRUE);
      g_once_init_leave (&filter, f);
    }
  return filter;
}

/* Marks, once per sentence, the signals of the phrases of the list that
 * start at each word (words joined by one space, quotation marks skipped:
 * "“serious concerns"), and ORs them into the sentence's. */
static void
mark_sentence (Ctx *c, guint si)
{
  const LedeTokenRange *r = &g_array_index (c->doc->sentence_tokens, LedeTokenRange, si);

  if (c->sentence_done[si])
    return;
  c->sentence_done[si] = TRUE;
  for (guint i = r->first; i < r->end; i++)
    {
      char buf[160];
      gsize blen = 0, len;
      guint words = 0;
      const char *s;

      if (!(lede_doc_token (c->doc, i)->flags & LEDE_TOKEN_WORD))
        continue;
      s = lede_doc_token_str (c->doc, i, &len);
      if (!lede_word_filter_may_hold (c->filter, s, len))
        continue;
      for (guint j = i; j < r->end && words < c->max_words; j++)
        {
          const char *value;
          guint sig;

          if (!(lede_doc_token (c->doc, j)->flags & LEDE_TOKEN_WORD))
            {
              if (lede_doc_token (c->doc, j)->flags & LEDE_TOKEN_QUOTE)
                continue;
              break;
            }
          s = lede_doc_token_str (c->doc, j, &len);
          if (blen + len + 1 >= sizeof buf)
            break;
          if (blen > 0)
            buf[blen++] = ' ';
          for (gsize k = 0; k < len; k++)
            buf[blen + k] = s[k] >= 'A' && s[k] <= 'Z' ? s[k] + ('a' - 'A') : s[k];
          blen += len;
          words++;
          buf[blen] = '\0';
          value = lede_word_list_lookup (c->words, buf, blen);
          if (value == NULL)
            {
              if (lede_frozen_map_lookup (c->prefixes, buf, blen) == NULL)
                break;
              continue;
            }
          sig = signal_of (value);
          if (sig == SIGNAL_HEDGED && words == 1)
            {
              LedeStance st;
              guint fl;
              /* "Veltrix disputed the estimate" is Veltrix's act; "the
               * disputed estimate", "a claim that was contested" are the
               * article's doubt. */
              if (lede_claims_lookup_verb (s, len, &st, &fl) && i > r->first
                  && !word_in (c, i - 1,
                               (const char *const[]){ "the", "a", "an", "is", "are", "was", "were", "be",
                                                      "been", "being", "as", "widely", "hotly", "heavily",
                                                      "fiercely", NULL }))
                sig = 0;
            }
          if (sig == SIGNAL_APPROVAL)
            {
              /* "not … acceptable": a negated approval is a rebuttal. */
              sig = 0;
              for (guint k = i; k > r->first && k + 6 > i; k--)
                if (word_in (c, k - 1, negations))
                  {
                    sig = SIGNAL_REBUTTAL;
                    break;
                  }
            }
          c->token_signals[i] |= sig;
          c->sentence_signals[si] |= sig;
        }
    }
}

static guint
signals_in (Ctx *c, guint first, guint end)
{
  guint signals = 0;

  for (guint i = first; i < end; i++)
    {
      if (!c->sentence_done[lede_doc_token (c->doc, i)->sentence])
        mark_sentence (c, lede_doc_token (c->doc, i)->sentence);
      signals |= c->token_signals[i];
    }
  return signals;
}

/* ---- numbers ---- */

static guint32
context_hash (const Ctx *c, guint i)
{
  gsize len;
  const char *s = lede_doc_token_str (c->doc, i, &len);
  char buf[48];
  static const struct
  {
    const char *word;
    const char *as;
  } same[] = {
    { "death", "kill" },   { "dead", "kill" },   { "died", "kill" },      { "killed", "kill" },
    { "killing", "kill" }, { "deaths", "kill" }, { "fatalitie", "kill" }, { "casualtie", "kill" },
    { "ballot", "vote" },  { "voted", "vote" },  { "offered", "offer" },  { "bid", "offer" },
  };

  if (len >= sizeof buf - 1)
    len = sizeof buf - 2;
  for (gsize k = 0; k < len; k++)
    buf[k] = lede_ascii_lower (s[k]);
  /* A crude stem: plurals count as their singular. */
  if (len > 3 && buf[len - 1] == 's' && buf[len - 2] != 's')
    len--;
  buf[len] = '\0';
  for (guint k = 0; k < G_N_ELEMENTS (same); k++)
    if (buf[0] == same[k].word[0] && strcmp (buf, same[k].word) == 0)
      return g_str_hash (same[k].as);
  return g_str_hash (buf);
}

static gboolean
parse_number (const char *s, gsize len, double *value)
{
  char buf[64];
  gsize b = 0;
  double mult = 1;
  gsize k;

  for (k = 0; k < len && b < sizeof buf - 1; k++)
    {
      if (g_ascii_isdigit (s[k]) || s[k] == '.')
        buf[b++] = s[k];
      else if (s[k] == ',')
        continue;
      else
        break;
    }
  buf[b] = '\0';
  if (b == 0)
    return FALSE;
  if (k < len)
    {
      const char *suffix = s + k;
      gsize slen = len - k;
      if (slen == 1 && (*suffix == 'm' || *suffix == 'M'))
        mult = 1e6;
      else if ((slen == 2 && g_ascii_strncasecmp (suffix, "bn", 2) == 0) || (slen == 1 && *suffix == 'b'))
        mult = 1e9;
      else if (slen == 1 && (*suffix == 'k' || *suffix == 'K'))
        mult = 1e3;
      else
        return FALSE; /* "10th", "1990s", "26-year" */
    }
  *value = g_ascii_strtod (buf, NULL) * mult;
  return TRUE;
}

static void
collect_numbers (Ctx *c, ClaimInfo *info)
{
  for (guint i = info->first; i < info->end && info->nnums < MAX_NUMS; i++)
    {
      const LedeToken *t = lede_doc_token (c->doc, i);
      Num *num = &info->nums[info->nnums];
      gsize len;
      const char *s;
      guint after = i + 1;

      if (!(t->flags & LEDE_TOKEN_NUMBER))
        continue;
      s = lede_doc_token_str (c->doc, i, &len);
      if (!parse_number (s, len, &num->value))
        continue;
      /* Days of a date ("October 7") are not amounts. */
      if (i > 0 && word_in (c, i - 1, months))
        continue;
      num->kind = 'c';
      num->unit = 0;
      if (i > 0 && (lede_doc_token (c->doc, i - 1)->flags & LEDE_TOKEN_PUNCT))
        {
          const char *p = lede_doc_token_str (c->doc, i - 1, &len);
          if (g_str_has_prefix (p, "$") || g_str_has_prefix (p, "£") || g_str_has_prefix (p, "€")
              || g_str_has_prefix (p, "¥"))
            {
              num->kind = 'm';
              num->unit = (guchar) p[len - 1];
            }
        }
      if (after < info->end
          && word_in (c, after, (const char *const[]){ "million", "billion", "thousand", NULL }))
        {
          gsize wl;
          const char *w = lede_doc_token_str (c->doc, after, &wl);
          num->value *= w[0] == 'm' || w[0] == 'M' ? 1e6 : w[0] == 'b' || w[0] == 'B' ? 1e9 : 1e3;
          after++;
        }
      if (after < info->end
          && ((lede_doc_token (c->doc, after)->flags & LEDE_TOKEN_PUNCT)
              && lede_doc_token_is (c->doc, after, "%")))
        num->kind = 'p', after++;
      else if (word_in (c, after, (const char *const[]){ "percent", NULL }))
        num->kind = 'p', after++;
      else if (word_in (c, after, (const char *const[]){ "in", NULL }) && after + 1 < info->end
               && (lede_doc_token (c->doc, after + 1)->flags & LEDE_TOKEN_NUMBER))
        {
          /* "1 in 5" is a share. */
          double d;
          gsize dl;
          const char *ds = lede_doc_token_str (c->doc, after + 1, &dl);
          if (parse_number (ds, dl, &d) && d > 0)
            {
              num->value = num->value / d * 100;
              num->kind = 'p';
              after += 2;
            }
        }
      /* A year is when, not how much. */
      if (num->kind == 'c' && num->value >= 1900 && num->value <= 2100 && num->value == floor (num->value)
          && !(len > 4))
        continue;

      num->ncontext = 0;
      num->generic = FALSE;
      /* "put the number at 22,000", "raised the toll to 40", "a figure of
       * 1.8 million": a figure that gives another account of a count.
       * "the number of listings rose 8%" is a change, not an account. */
      {
        int k = (int) i - 1;
        while (k > (int) info->first && !(lede_doc_token (c->doc, k)->flags & LEDE_TOKEN_WORD))
          k--;
        while (k > (int) info->first
               && word_in (c, k,
                           (const char *const[]){ "about", "around", "some", "nearly", "almost", "over",
                                                  "least", "than", "more", "only", "just", "roughly", NULL }))
          k--;
        if (k >= (int) info->first && word_in (c, k, (const char *const[]){ "at", "to", "of", NULL }))
          for (int j = k - 1; j >= (int) info->first && j + 8 > k; j--)
            if (word_in (c, j,
                         (const char *const[]){ "figure", "number", "estimate", "total", "toll", "tally",
                                                "count", NULL }))
              num->generic = TRUE;
      }
      for (int j = (int) i - 1; j >= (int) info->first && j + 7 > (int) i && num->ncontext < MAX_CONTEXT / 2;
           j--)
        if ((lede_doc_token (c->doc, j)->flags & LEDE_TOKEN_WORD) && !is_skip_word (c, j))
          num->context[num->ncontext++] = context_hash (c, j);
      num->noun = 0;
      for (guint j = after; j < info->end && j < after + 3 && num->ncontext < MAX_CONTEXT; j++)
        {
          if (!(lede_doc_token (c->doc, j)->flags & (LEDE_TOKEN_WORD | LEDE_TOKEN_POSSESSIVE)))
            break;
          if ((lede_doc_token (c->doc, j)->flags & LEDE_TOKEN_WORD) && !is_skip_word (c, j))
            {
              num->context[num->ncontext++] = context_hash (c, j);
              if (j == after)
                num->noun = context_hash (c, j);
            }
        }
      info->nnums++;
    }
}

static gboolean
nums_conflict (const Num *a, const Num *b, gboolean forecast)
{
  if (a->kind != b->kind)
    return FALSE;
  if (fabs (a->value - b->value) <= 0.01 * MAX (fabs (a->value), fabs (b->value)))
    return FALSE;
  /* Sums in one currency and of one size: the same deal seen from two sides. */
  if (a->kind == 'm' && a->unit == b->unit && !forecast
      && MAX (a->value, b->value) <= 3 * MIN (a->value, b->value))
    return TRUE;
  /* "Advocates say 2.5 million homes are needed; the office put the figure
   * at 1.8 million": a figure that answers another of its kind and size. */
  if ((a->generic || b->generic) && a->unit == b->unit
      && MAX (fabs (a->value), fabs (b->value)) <= 10 * MIN (fabs (a->value), fabs (b->value)))
    return TRUE;
  /* Counts that share only their noun are two accounts of one count when
   * they are of a size ("2,000 people joined the march", "more than 15,000
   * people took part"), not when one is many times the other ("2,000 people
   * were evacuated", "47 people were rescued"). */
  for (guint i = 0; i < a->ncontext; i++)
    for (guint j = 0; j < b->ncontext; j++)
      if (a->context[i] == b->context[j])
        {
          if (a->kind == 'c' && a->noun != 0 && a->context[i] == a->noun
              && MAX (fabs (a->value), fabs (b->value)) > 10 * MIN (fabs (a->value), fabs (b->value)))
            continue;
          return TRUE;
        }
  return FALSE;
}

/* ---- claims ---- */

static void
add_id (GArray *ids, int id, int except)
{
  if (id < 0 || id == except)
    return;
  for (guint k = 0; k < ids->len; k++)
    if (g_array_index (ids, int, k) == id)
      return;
  g_array_append_val (ids, id);
}

static gboolean
same_source (const LedeClaim *a, const LedeClaim *b)
{
  if (a->claimant >= 0 || b->claimant >= 0)
    return a->claimant == b->claimant;
  if (a->claimant_text == NULL || b->claimant_text == NULL)
    return TRUE; /* unknown: never set one against the other */
  return g_ascii_strcasecmp (a->claimant_text, b->claimant_text) == 0;
}

static gboolean
has_id (GArray *ids, int id)
{
  for (guint k = 0; k < ids->len; k++)
    if (g_array_index (ids, int, k) == id)
      return TRUE;
  return FALSE;
}

static void
mark (LedeClaim *claim, LedeDisputeReason reason)
{
  if (claim->disputed)
    return;
  claim->disputed = TRUE;
  claim->dispute_reason = reason;
}

/* The stem of a content word at token @i (lower case; plural, -ed, -ing
 * and a final e dropped: "votes", "voted" → "vot"), hashed; 0 for names,
 * numbers and short or common words. */
static guint stem_hash_uncached (const Ctx *c, guint i);

/* Tokens are stemmed once: claims that answer each other are compared often. */
static guint
stem_hash (const Ctx *c, guint i)
{
  if (c->stems[i] == 0)
    {
      guint h = stem_hash_uncached (c, i);
      c->stems[i] = h ? h : 2; /* stems are odd: 2 means "none" */
    }
  return c->stems[i] == 2 ? 0 : c->stems[i];
}

static guint
stem_hash_uncached (const Ctx *c, guint i)
{
  gsize len;
  const char *s;
  char buf[48];

  if ((lede_doc_token (c->doc, i)->flags & (LEDE_TOKEN_WORD | LEDE_TOKEN_CAPITALIZED)) != LEDE_TOKEN_WORD)
    return 0;
  s = lede_doc_token_str (c->doc, i, &len);
  if (len < 3 || len >= sizeof buf || is_skip_word (c, i)
      || lede_word_list_lookup_folded (c->function_words, s, len) != NULL)
    return 0;
  for (gsize k = 0; k < len; k++)
    buf[k] = lede_ascii_lower (s[k]);
  if (len > 4 && buf[len - 1] == 's' && buf[len - 2] != 's')
    len--;
  if (len > 5 && buf[len - 2] == 'e' && buf[len - 1] == 'd')
    len -= 2;
  else if (len > 6 && buf[len - 3] == 'i' && buf[len - 2] == 'n' && buf[len - 1] == 'g')
    len -= 3;
  if (len > 3 && buf[len - 1] == 'e')
    len--;
  buf[len] = '\0';
  {
    /* Words for one outcome that share no stem. */
    static const char *const same[][2] = {
      { "won", "win" },   { "victory", "win" }, { "victori", "win" },   { "triumph", "win" },
      { "lost", "los" },  { "defeat", "los" },  { "ballot", "vot" },    { "death", "kill" },
      { "dead", "kill" }, { "died", "kill" },   { "fataliti", "kill" },
    };
    for (guint k = 0; k < G_N_ELEMENTS (same); k++)
      if (buf[0] == same[k][0][0] && strcmp (buf, same[k][0]) == 0)
        return g_str_hash (same[k][1]) | 1;
  }
  return g_str_hash (buf) | 1;
}

/* Who a rebuttal answers: the source of the claim before it, not far
 * back, from another source, that shares the most content words with it
 * (none when no claim does). */
static int
answered_source (Ctx *c, guint index)
{
  const LedeDoc *doc = c->doc;
  const LedeClaim *claim = g_ptr_array_index (doc->claims, index);
  const ClaimInfo *info = &c->info[index];
  guint stems[64];
  guint n = 0;
  int best = -1;
  guint best_shared = 0;

  for (guint t = info->first; t < info->end && n < G_N_ELEMENTS (stems); t++)
    {
      guint h = stem_hash (c, t);
      if (h != 0)
        stems[n++] = h;
    }
  for (guint k = index; k > 0; k--)
    {
      const LedeClaim *prev = g_ptr_array_index (doc->claims, k - 1);
      const ClaimInfo *pi = &c->info[k - 1];
      guint shared = 0;
      if (claim->span.sentence > prev->span.sentence + ANSWER_REACH)
        break;
      if (same_source (prev, claim) || prev->claimant < 0)
        continue;
      for (guint t = pi->first; t < pi->end; t++)
        {
          guint h = stem_hash (c, t);
          for (guint j = 0; h != 0 && j < n; j++)
            if (stems[j] == h)
              {
                shared++;
                break;
              }
        }
      if (shared > best_shared)
        best = prev->claimant, best_shared = shared;
    }
  return best;
}

static void
find_conflicting_figures (Ctx *c)
{
  LedeDoc *doc = c->doc;

  for (guint i = 0; i < doc->claims->len; i++)
    {
      LedeClaim *a = g_ptr_array_index (doc->claims, i);
      const ClaimInfo *ia = &c->info[i];

      if (ia->nnums == 0)
        continue;
      for (guint k = i; k > 0 && i - k < FIGURE_REACH; k--)
        {
          LedeClaim *b = g_ptr_array_index (doc->claims, k - 1);
          const ClaimInfo *ib = &c->info[k - 1];
          gboolean hit = FALSE;

          /* Figures far apart, or a forecast beside an outcome, are not
           * two accounts of one thing. */
          if (a->span.sentence > b->span.sentence + FIGURE_SENTENCES)
            break;
          if (ib->nnums == 0 || same_source (a, b)
              || (a->stance == LEDE_STANCE_PREDICTION) != (b->stance == LEDE_STANCE_PREDICTION))
            continue;
          for (guint x = 0; x < ia->nnums && !hit; x++)
            for (guint y = 0; y < ib->nnums && !hit; y++)
              hit
                = nums_conflict (&ia->nums[x], &ib->nums[y],
                                 a->stance == LEDE_STANCE_PREDICTION || b->stance == LEDE_STANCE_PREDICTION);
          if (!hit)
            continue;
          mark (a, LEDE_DISPUTE_CONFLICTING_FIGURES);
          mark (b, LEDE_DISPUTE_CONFLICTING_FIGURES);
          c->direct[i] = c->direct[k - 1] = DIRECT_ANSWERED;
          add_id (a->disputed_by, b->claimant, a->claimant);
          add_id (b->disputed_by, a->claimant, b->claimant);
        }
    }
}

/* Adds the claim's content words to @add, or tells whether one is in @find. */
static gboolean
add_topic_words (const Ctx *c, const ClaimInfo *info, GHashTable *add, GHashTable *find)
{
  for (guint t = info->first; t < info->end; t++)
    {
      guint h = stem_hash (c, t);
      if (h == 0)
        continue;
      if (add)
        g_hash_table_add (add, GUINT_TO_POINTER (h));
      else if (g_hash_table_contains (find, GUINT_TO_POINTER (h)))
        return TRUE;
    }
  return FALSE;
}

/* The actor a possessive pronoun in the claim ("its estimate", "their
 * figures") points back to: the last one named before it in the sentence
 * or the one before, other than the claimant; -1 when none. */
static int
possessor (const Ctx *c, const ClaimInfo *info, int claimant)
{
  const LedeDoc *doc = c->doc;

  for (guint t = info->first; t < info->end; t++)
    {
      guint sentence;
      if (!word_in (c, t, (const char *const[]){ "its", "their", "his", "her", NULL }))
        continue;
      sentence = lede_doc_token (doc, t)->sentence;
      for (guint j = t; j > 0; j--)
        {
          int a = doc->token_actor[j - 1];
          if (lede_doc_token (doc, j - 1)->sentence + 1 < sentence)
            break;
          if (a >= 0 && a != claimant)
            return a;
        }
      break;
    }
  return -1;
}

static void
free_side (gpointer side)
{
  if (side != NULL)
    g_array_unref (side);
}

/* What one source disputes, all its disputed claims dispute: "Veltrix
 * disputed its market estimate. The company said its share was below 25%." */
static void
join_sides (Ctx *c)
{
  LedeDoc *doc = c->doc;
  guint nactors = doc->actors->len;
  g_autoptr (GPtrArray) sides = NULL;

  if (nactors == 0)
    return;
  sides = g_ptr_array_new_with_free_func (free_side);
  g_ptr_array_set_size (sides, nactors);
  for (guint i = 0; i < doc->claims->len; i++)
    {
      const LedeClaim *claim = g_ptr_array_index (doc->claims, i);
      GArray *side;
      if (!c->direct[i] || claim->claimant < 0 || (guint) claim->claimant >= nactors)
        continue;
      side = g_ptr_array_index (sides, claim->claimant);
      if (side == NULL)
        {
          side = g_array_new (FALSE, FALSE, sizeof (int));
          g_ptr_array_index (sides, claim->claimant) = side;
        }
      for (guint k = 0; k < claim->disputed_by->len; k++)
        add_id (side, g_array_index (claim->disputed_by, int, k), claim->claimant);
    }
  for (guint i = 0; i < doc->claims->len; i++)
    {
      LedeClaim *claim = g_ptr_array_index (doc->claims, i);
      GArray *side;
      if (!claim->disputed || claim->claimant < 0 || (guint) claim->claimant >= nactors)
        continue;
      side = g_ptr_array_index (sides, claim->claimant);
      for (guint k = 0; side && k < side->len; k++)
        add_id (claim->disputed_by, g_array_index (side, int, k), claim->claimant);
    }
}

/* An actor another source accuses, rebuts or contradicts is a side in a
 * dispute: what it asserts in the article is contested too ("We won",
 * says the candidate whose vote count the authorities contradict). */
static void
contest_sides (Ctx *c)
{
  LedeDoc *doc = c->doc;
  guint nactors = doc->actors->len;
  g_autofree int *contester = NULL;
  GHashTable *topic;

  if (nactors == 0)
    return;
  contester = g_new (int, nactors);
  for (guint a = 0; a < nactors; a++)
    contester[a] = -2; /* not contested; -1: by a source with no actor */
  for (guint i = 0; i < doc->claims->len; i++)
    {
      const LedeClaim *claim = g_ptr_array_index (doc->claims, i);
      guint ntargets = c->direct[i] == DIRECT_ATTACK ? claim->targets->len : 0;
      if (!c->direct[i])
        continue;
      if (claim->dispute_reason == LEDE_DISPUTE_CONFLICTING_FIGURES)
        {
          for (guint k = 0; k < claim->disputed_by->len; k++)
            if (claim->claimant >= 0 && contester[claim->claimant] == -2)
              contester[claim->claimant] = g_array_index (claim->disputed_by, int, k);
          continue;
        }
      for (guint k = 0; k < ntargets + claim->disputed_by->len; k++)
        {
          int t = k < ntargets ? g_array_index (claim->targets, int, k)
                               : g_array_index (claim->disputed_by, int, k - ntargets);
          if (t >= 0 && (guint) t < nactors && t != claim->claimant && contester[t] == -2)
            contester[t] = claim->claimant;
        }
    }
  {
    gboolean any = FALSE;
    for (guint a = 0; a < nactors && !any; a++)
      any = contester[a] != -2;
    if (!any)
      return;
  }
  /* What the dispute is about: the words of the contested claims. */
  topic = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < doc->claims->len; i++)
    if (c->direct[i])
      add_topic_words (c, &c->info[i], topic, NULL);
  for (guint i = 0; i < doc->claims->len; i++)
    {
      LedeClaim *claim = g_ptr_array_index (doc->claims, i);
      guint flags = lede_claims_verb_flags (claim->verb);
      if (claim->disputed || claim->claimant < 0 || (guint) claim->claimant >= nactors
          || contester[claim->claimant] == -2 || claim->stance != LEDE_STANCE_STATEMENT
          || (flags & LEDE_VERB_PLEDGE))
        continue;
      /* A side's word on something else ("the club announced the coach's
       * sacking") is not part of the dispute. */
      if (!add_topic_words (c, &c->info[i], NULL, topic))
        continue;
      add_id (claim->disputed_by, contester[claim->claimant], claim->claimant);
      mark (claim, LEDE_DISPUTE_REBUTTAL);
    }
  g_hash_table_unref (topic);
}

static gboolean
has_negation (const Ctx *c, const ClaimInfo *info)
{
  for (guint t = info->first; t < info->end; t++)
    {
      gsize len;
      const char *s;
      if (!(lede_doc_token (c->doc, t)->flags & LEDE_TOKEN_WORD))
        continue;
      s = lede_doc_token_str (c->doc, t, &len);
      if (word_in (c, t, negations) || (len > 3 && memcmp (s + len - 3, "n't", 3) == 0)
          || (len > 5 && memcmp (s + len - 5, "n’t", 5) == 0))
        {
          /* "it would not comment", "did not respond": no answer is no denial. */
          for (guint u = t + 1; u < info->end && u < t + 3; u++)
            if (word_in (c, u, (const char *const[]){ "comment", "respond", "reply", "elaborate", NULL }))
              return FALSE;
          return TRUE;
        }
    }
  return FALSE;
}

/* The signals of sentence @si outside the other claims in it: "Veltrix
 * called the suit baseless and said …" — "baseless" is Veltrix's word, not
 * the article's doubt about what Veltrix said. */
static guint
signals_around (Ctx *c, const ClaimInfo *info, guint si)
{
  const LedeTokenRange *r = &g_array_index (c->doc->sentence_tokens, LedeTokenRange, si);
  guint signals = 0;

  mark_sentence (c, si);
  if (!c->sentence_signals[si])
    return 0;
  for (guint t = r->first; t < r->end; t++)
    {
      gboolean own = t >= info->first && t < info->end;
      if (c->token_signals[t] && (c->token_claims[t] == 0 || (own && c->token_claims[t] == 1)))
        signals |= c->token_signals[t];
    }
  return signals;
}

void
lede_find_disputes (LedeDoc *doc)
{
  Ctx c = { 0 };
  guint nsent;

  if (doc->claims == NULL || doc->claims->len == 0 || doc->sentence_tokens == NULL)
    return;
  c.doc = doc;
  c.n = lede_doc_n_tokens (doc);
  c.words = lede_word_list_get ("dispute-words");
  c.max_words = MAX (1, lede_word_list_max_words (c.words));
  c.info = g_new0 (ClaimInfo, doc->claims->len);
  nsent = doc->sentence_tokens->len;
  c.sentence_signals = g_new0 (guint8, nsent + 1);
  c.sentence_done = g_new0 (gboolean, nsent + 1);
  c.token_signals = g_new0 (guint8, c.n + 1);
  c.filter = phrase_filter (c.words);
  c.prefixes = phrase_prefixes (c.words);
  c.function_words = lede_word_list_get ("function-words");
  c.sentence_has_claim = g_new0 (gboolean, nsent + 1);
  c.direct = g_new0 (guint8, doc->claims->len);
  c.stems = g_new0 (guint, c.n + 1);
  c.token_claims = g_new0 (guint8, c.n + 1);
  c.skip = g_new0 (guint8, c.n + 1);

  for (guint i = 0; i < doc->claims->len; i++)
    {
      const LedeClaim *claim = g_ptr_array_index (doc->claims, i);
      ClaimInfo *info = &c.info[i];
      info->first = token_at (doc, claim->span.bstart);
      info->end = token_at (doc, claim->span.bend);
      collect_numbers (&c, info);
      for (guint t = info->first; t < info->end; t++)
        if (c.token_claims[t] < 255)
          c.token_claims[t]++;
      for (guint s = claim->span.sentence;
           s < nsent && s <= lede_doc_token (doc, MAX (info->end, 1) - 1)->sentence; s++)
        c.sentence_has_claim[s] = TRUE;
    }
  /* What the article says around the claims, sentence by sentence, once. */
  for (guint s = 0; s < nsent; s++)
    {
      if (c.sentence_has_claim[s] || (s + 1 < nsent && c.sentence_has_claim[s + 1])
          || (s > 0 && c.sentence_has_claim[s - 1]))
        mark_sentence (&c, s);
    }

  for (guint i = 0; i < doc->claims->len; i++)
    {
      LedeClaim *claim = g_ptr_array_index (doc->claims, i);
      const ClaimInfo *info = &c.info[i];
      guint flags = lede_claims_verb_flags (claim->verb);
      guint own = signals_in (&c, info->first, info->end);
      guint s = claim->span.sentence;
      guint around = signals_around (&c, info, s);
      gboolean assertive = claim->stance == LEDE_STANCE_STATEMENT && !(flags & LEDE_VERB_PLEDGE);

      if (claim->stance == LEDE_STANCE_DENIAL)
        {
          gboolean answered = FALSE;
          /* Who made the accusation this denies: an accusation before it
           * that names this claimant, or that this claim names. */
          for (guint k = i; k > 0; k--)
            {
              LedeClaim *prev = g_ptr_array_index (doc->claims, k - 1);
              if (s > prev->span.sentence + ANSWER_REACH)
                break;
              if (same_source (prev, claim) || prev->stance != LEDE_STANCE_ACCUSATION)
                continue;
              /* … or whose words this denial repeats ("…, a charge Wills denied"). */
              if ((claim->claimant >= 0 && has_id (prev->targets, claim->claimant))
                  || (prev->claimant >= 0 && has_id (claim->targets, prev->claimant))
                  || (prev->span.bstart < claim->span.bend && claim->span.bstart < prev->span.bend))
                {
                  add_id (claim->disputed_by, prev->claimant, claim->claimant);
                  add_id (prev->disputed_by, claim->claimant, prev->claimant);
                  answered = TRUE;
                  break;
                }
            }
          if (!answered && claim->targets->len == 0)
            {
              /* "disputed its market estimate": whose the "its" is. */
              add_id (claim->disputed_by, possessor (&c, info, claim->claimant), claim->claimant);
              /* "Atlantic Gateway denied the accusation", "The union rejected
               * that figure": the last accusation (for a rejection, the last
               * claim) from another source, a few sentences back at most. */
              for (guint k = i; k > 0; k--)
                {
                  LedeClaim *prev = g_ptr_array_index (doc->claims, k - 1);
                  if (s > prev->span.sentence + ANSWER_REACH)
                    break;
                  /* A plain denial ("Reyes denied that") may answer a
                   * statement right before it too. */
                  if (same_source (prev, claim)
                      || (prev->stance != LEDE_STANCE_ACCUSATION
                          && (prev->stance != LEDE_STANCE_STATEMENT
                              || (!(flags & LEDE_VERB_REBUT) && s > prev->span.sentence + 1))))
                    continue;
                  add_id (claim->disputed_by, prev->claimant, claim->claimant);
                  add_id (prev->disputed_by, claim->claimant, prev->claimant);
                  mark (prev, prev->stance == LEDE_STANCE_ACCUSATION ? LEDE_DISPUTE_ACCUSATION
                                                                     : LEDE_DISPUTE_REBUTTAL);
                  c.direct[k - 1] = DIRECT_ANSWERED;
                  break;
                }
            }
          else if (!answered)
            for (guint k = 0; k < claim->targets->len; k++)
              add_id (claim->disputed_by, g_array_index (claim->targets, int, k), claim->claimant);
          mark (claim, (flags & LEDE_VERB_REBUT) ? LEDE_DISPUTE_REBUTTAL : LEDE_DISPUTE_DENIAL);
          c.direct[i] = DIRECT_ATTACK;
          continue;
        }
      if (claim->stance == LEDE_STANCE_ACCUSATION || (assertive && (own & SIGNAL_ACCUSATION)))
        {
          for (guint k = 0; k < claim->targets->len; k++)
            add_id (claim->disputed_by, g_array_index (claim->targets, int, k), claim->claimant);
          mark (claim, LEDE_DISPUTE_ACCUSATION);
          c.direct[i] = DIRECT_ATTACK;
          continue;
        }
      if (assertive && (own & SIGNAL_REBUTTAL))
        {
          for (guint k = 0; k < claim->targets->len; k++)
            add_id (claim->disputed_by, g_array_index (claim->targets, int, k), claim->claimant);
          if (claim->disputed_by->len == 0)
            add_id (claim->disputed_by, answered_source (&c, i), claim->claimant);
          mark (claim, LEDE_DISPUTE_REBUTTAL);
          c.direct[i] = DIRECT_ATTACK;
          continue;
        }
      if ((own | around) & SIGNAL_HEDGED)
        {
          mark (claim, LEDE_DISPUTE_HEDGED);
          continue;
        }
      if (!assertive)
        continue;
      /* "The club rejected that claim, insisting it had spent £45m": the
       * same source, going on in the same sentence, in the same dispute. */
      if (i > 0)
        {
          LedeClaim *prev = g_ptr_array_index (doc->claims, i - 1);
          if (c.direct[i - 1] == DIRECT_ATTACK && prev->span.sentence == s && same_source (prev, claim)
              && prev->claimant >= 0)
            {
              for (guint k = 0; k < prev->disputed_by->len; k++)
                add_id (claim->disputed_by, g_array_index (prev->disputed_by, int, k), claim->claimant);
              mark (claim, prev->dispute_reason == LEDE_DISPUTE_DENIAL ? LEDE_DISPUTE_REBUTTAL
                                                                       : prev->dispute_reason);
              continue;
            }
        }
      /* "Pritchard said the goal should have been ruled out. The referee
       * said he saw no contact.": a denial in all but name. */
      if (has_negation (&c, info))
        {
          int accuser = -2;
          for (guint k = i; k > 0 && accuser == -2; k--)
            {
              LedeClaim *prev = g_ptr_array_index (doc->claims, k - 1);
              if (s > prev->span.sentence + 2)
                break;
              if (!same_source (prev, claim) && prev->disputed
                  && prev->dispute_reason == LEDE_DISPUTE_ACCUSATION && c.direct[k - 1] == DIRECT_ATTACK)
                {
                  accuser = prev->claimant;
                  add_id (prev->disputed_by, claim->claimant, prev->claimant);
                }
            }
          if (accuser != -2)
            {
              add_id (claim->disputed_by, accuser, claim->claimant);
              mark (claim, LEDE_DISPUTE_REBUTTAL);
              c.direct[i] = DIRECT_ANSWERED;
              continue;
            }
        }
      /* "The run-up was marred by allegations of …" and what follows. */
      if ((around & SIGNAL_ALLEGATION)
          || (s > 0 && !c.sentence_has_claim[s - 1] && (c.sentence_signals[s - 1] & SIGNAL_ALLEGATION)))
        {
          mark (claim, LEDE_DISPUTE_ACCUSATION);
          continue;
        }
      /* "This insistence is a sticking point, as Hamas demands …" */
      /* … and "Not everyone is convinced. Bernstein's Tom Adler said …" */
      if (((around | (s + 1 < nsent ? c.sentence_signals[s + 1] : 0)) & SIGNAL_CONFLICT)
          || (s > 0 && !c.sentence_has_claim[s - 1] && (c.sentence_signals[s - 1] & SIGNAL_CONFLICT)))
        {
          for (guint k = i + 1; k < doc->claims->len; k++)
            {
              const LedeClaim *next = g_ptr_array_index (doc->claims, k);
              if (next->span.sentence > s + 1)
                break;
              if (!same_source (next, claim))
                add_id (claim->disputed_by, next->claimant, claim->claimant);
            }
          if (claim->disputed_by->len == 0)
            add_id (claim->disputed_by, answered_source (&c, i), claim->claimant);
          mark (claim, LEDE_DISPUTE_REBUTTAL);
        }
    }

  find_conflicting_figures (&c);
  contest_sides (&c);
  join_sides (&c);

  g_free (c.direct);
  g_free (c.stems);
  g_free (c.token_claims);
  g_free (c.skip);
  g_free (c.info);
  g_free (c.sentence_signals);
  g_free (c.sentence_done);
  g_free (c.token_signals);
  g_free (c.sentence_has_claim);
}
