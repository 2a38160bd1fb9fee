/* lede-actors.c: stage: actors (people, organizations, places, groups).
 *
 * One pass over the tokens finds capitalized chunks ("Antony Blinken",
 * "National Electoral Council", "Bank of England") and types each from the
 * word lists, from the titles and descriptions around it ("Prime Minister
 * …", "chief executive …", "the militant group …"), from organization
 * words ("Ministry", "Inc.") and from its context ("in X", "X said").
 * The chunks become candidates; a second step merges them into actors:
 * full names first, then surnames, acronyms and short forms onto them.
 *
 * Demonym rule: a nationality adjective ("Israeli", "Venezuelan") is
 * never an alias and never makes an actor by itself. It is a mention of
 * its country's actor only when the country is named in the article and
 * the adjective modifies a word for that state acting through its
 * institutions or agents ("Israeli airstrikes", "the Venezuelan
 * government", "Iranian officials"); elsewhere ("Israeli hostages", "a
 * British company", "Israeli Prime Minister …") it is not a mention.
 */
#include "config.h"

#include <string.h>

#include "lede-analysis-private.h"
#include "lede-wordlist.h"

#define MAX_CHUNK 12
#define KEY_MAX 256

typedef enum
{
  STRENGTH_DEFAULT = 1,
  STRENGTH_CONTEXT = 2,
  STRENGTH_GIVEN_NAME = 3,
  STRENGTH_RULE = 4,
  STRENGTH_LIST = 5,
} Strength;

enum
{
  CAND_WEAK = 1 << 0,     /* keep only when it names an actor found elsewhere */
  CAND_ACRONYM = 1 << 1,  /* "(CNE)" after its expansion: @link is the candidate */
  CAND_DEMONYM = 1 << 2,  /* "Israeli" in "Israeli airstrikes": @canon is the country */
  CAND_HEADLINE = 1 << 3, /* in the headline */
  CAND_UPPER = 1 << 4,    /* one all-capitals token */
  CAND_DROP = 1 << 5,     /* replaced by a longer candidate */
};

typedef struct
{
  guint first; /* the name's tokens */
  guint end;
  guint role_first; /* role tokens, or role_first == role_end */
  guint role_end;
  const char *canon; /* the list's canonical name, or NULL */
  int link;          /* for CAND_ACRONYM */
  int actor;         /* the working actor, or -1 */
  guint8 kind;
  guint8 strength;
  guint8 flags;
} Cand;

typedef struct
{
  LedeActorKind kind;
  guint strength;
  int name_cand;
  int role_cand;
  gboolean multi;
} WorkActor;

/* What the word lists say about one token, looked up once. */
typedef struct
{
  guint8 title;    /* title_len () to the end + 1, 0 before it is known */
  guint8 common;   /* 1 + (0 no, 1 common, 2 never a name), 0 before known */
  guint8 list_len; /* any_list_match () to the end + 1, 0 before known */
  guint8 list_kind;
  const char *demonym; /* or NULL; UNKNOWN before known */
  const char *orgw;    /* org_word (), or NULL; UNKNOWN before known */
  const char *canon;
} TokInfo;

static const char UNKNOWN[] = "?";

typedef struct
{
  LedeDoc *doc;
  TokInfo *info;
  guint n;
  GArray *cands;       /* Cand */
  GArray *work;        /* WorkActor */
  GHashTable *exact;   /* folded alias -> actor + 1 */
  GHashTable *partial; /* folded surname / short form -> actor + 1, or 0 when ambiguous */
  guint8 *title_like;  /* per token: its line is in Title Case */
  const LedeWordList *function, *common, *titles, *org_words, *orgs, *places, *demonyms, *groups, *given,
    *particles;
} Ctx;

/* ---- small helpers ---- */

static inline const LedeToken *
tok (const Ctx *c, guint i)
{
  return lede_doc_token (c->doc, i);
}

static inline gboolean
is_word (const Ctx *c, guint i)
{
  return i < c->n && (tok (c, i)->flags & LEDE_TOKEN_WORD);
}

static inline gboolean
is_cap (const Ctx *c, guint i)
{
  return i < c->n
         && (tok (c, i)->flags & (LEDE_TOKEN_WORD | LEDE_TOKEN_CAPITALIZED))
              == (LEDE_TOKEN_WORD | LEDE_TOKEN_CAPITALIZED);
}

static inline gboolean
is_lower_word (const Ctx *c, guint i)
{
  return is_word (c, i) && !(tok (c, i)->flags & LEDE_TOKEN_CAPITALIZED);
}

static inline gboolean
is_possessive (const Ctx *c, guint i)
{
  return i < c->n && (tok (c, i)->flags & LEDE_TOKEN_POSSESSIVE);
}

static inline const char *
str (const Ctx *c, guint i, gsize *len)
{
  return lede_doc_token_str (c->doc, i, len);
}

static gboolean
tok_is (const Ctx *c, guint i, const char *word)
{
  return i < c->n && lede_doc_token_is (c->doc, i, word);
}

static gboolean
tok_in (const Ctx *c, guint i, const char *const *words)
{
  gsize len;
  const char *s;

  if (i >= c->n || !(tok (c, i)->flags & LEDE_TOKEN_WORD))
    return FALSE;
  s = str (c, i, &len);
  for (; *words != NULL; words++)
    if (strlen (*words) == len && g_ascii_strncasecmp (s, *words, len) == 0)
      return TRUE;
  return FALSE;
}

/* Writes tokens [a, b) joined by single spaces into @buf, in lower case
 * when @lower; 0 when too long. */
static gsize
join (const Ctx *c, guint a, guint b, char *buf, gsize cap, int lower)
{
  gsize n = 0;

  for (guint i = a; i < b; i++)
    {
      gsize len;
      const char *s = str (c, i, &len);
      if (n + len + 2 > cap)
        return 0;
      if (i > a && (tok (c, i)->flags & LEDE_TOKEN_SPACE_BEFORE))
        buf[n++] = ' ';
      if (lower)
        {
          /* lower == 2: "NEW YORK" -> "New York" */
          for (gsize k = 0; k < len; k++)
            buf[n + k] = (s[k] >= 'A' && s[k] <= 'Z' && !(lower == 2 && k == 0)) ? s[k] + 32 : s[k];
        }
      else
        memcpy (buf + n, s, len);
      n += len;
    }
  buf[n] = '\0';
  return n;
}

static const char *
lookup_range (const Ctx *c, const LedeWordList *list, guint a, guint b, gboolean lower)
{
  char buf[KEY_MAX];
  gsize n = join (c, a, b, buf, sizeof buf, lower);

  if (n == 0)
    return NULL;
  return lede_word_list_lookup (list, buf, -1);
}

static const char *
lookup_tok (const Ctx *c, const LedeWordList *list, guint i, gboolean lower)
{
  return lookup_range (c, list, i, i + 1, lower);
}

/* The most words an entry of @list starting with token @i has (1 when no
 * longer entry starts with it), from an index built once per list. */
static GHashTable *first_words_index (const LedeWordList *list, gboolean lower);

static guint
max_words_from (const Ctx *c, const LedeWordList *list, guint i, gboolean lower)
{
  GHashTable *index = first_words_index (list, lower);
  char buf[KEY_MAX];

  if (join (c, i, i + 1, buf, sizeof buf, lower) == 0)
    return 1;
  return MAX (1, GPOINTER_TO_UINT (g_hash_table_lookup (index, buf)));
}

typedef struct
{
  GHashTable *index;
  gboolean lower;
} IndexBuild;

static void
index_entry (const char *entry, const char *value, gpointer user_data)
{
  IndexBuild *b = user_data;
  const char *sp = strchr (entry, ' ');
  guint words = 1;
  char *first;

  (void) value;
  if (sp == NULL)
    return;
  for (const char *p = entry; *p; p++)
    words += *p == ' ';
  first = b->lower ? g_ascii_strdown (entry, sp - entry) : g_strndup (entry, sp - entry);
  if (GPOINTER_TO_UINT (g_hash_table_lookup (b->index, first)) < words)
    g_hash_table_replace (b->index, first, GUINT_TO_POINTER (words));
  else
    g_free (first);
}

G_LOCK_DEFINE_STATIC (indexes);

static GHashTable *
first_words_index (const LedeWordList *list, gboolean lower)
{
  /* Kept for the life of the process, like the lists themselves. */
  static GHashTable *all;
  GHashTable *index;

  G_LOCK (indexes);
  if (all == NULL)
    all = g_hash_table_new (g_direct_hash, g_direct_equal);
  index = g_hash_table_lookup (all, list);
  if (index == NULL)
    {
      IndexBuild b = { g_hash_table_new (g_str_hash, g_str_equal), lower };
      lede_word_list_foreach (list, index_entry, &b);
      index = b.index;
      g_hash_table_insert (all, (gpointer) list, index);
    }
  G_UNLOCK (indexes);
  return index;
}

/* Folds a surface form to a key: lower case, accents and periods and
 * apostrophes dropped, so "U.S." = "US" and "Nicolás" = "Nicolas". */
static void
fold_key (const char *s, gsize len, GString *out)
{
  const char *end = s + len;

  g_string_truncate (out, 0);
  while (s < end)
    {
      gunichar ch = (guchar) *s < 0x80 ? (gunichar) (guchar) *s : g_utf8_get_char (s);
      s = (guchar) *s < 0x80 ? s + 1 : g_utf8_next_char (s);
      if (ch == '.' || ch == '\'' || ch == 0x2019)
        continue;
      if (ch < 0x80)
        {
          g_string_append_c (out, g_ascii_tolower (ch));
          continue;
        }
      {
        gunichar d[4];
        gsize nd = g_unichar_fully_decompose (ch, FALSE, d, G_N_ELEMENTS (d));
        ch = g_unichar_tolower (nd > 0 ? d[0] : ch);
        if (ch == 0x2010 || ch == 0x2011)
          ch = '-';
        g_string_append_unichar (out, ch);
      }
    }
}

static void
fold_range (const Ctx *c, guint a, guint b, GString *out)
{
  char buf[KEY_MAX];
  gsize n = join (c, a, b, buf, sizeof buf, FALSE);
  fold_key (buf, n, out);
}

/* ---- word classes ---- */

static guint
common_class (const Ctx *c, guint i)
{
  guint8 *cache = &c->info[i].common;

  if (*cache == 0)
    {
      const char *v = lookup_tok (c, c->common, i, TRUE);
      *cache = 1 + (v == NULL ? 0 : v[0] == 'x' ? 2 : 1);
    }
  return *cache - 1;
}

static gboolean
is_always_common (const Ctx *c, guint i)
{
  return common_class (c, i) == 2;
}

static gboolean
is_common (const Ctx *c, guint i)
{
  return common_class (c, i) != 0;
}

static const char *
demonym_country (const Ctx *c, guint i)
{
  if (!is_cap (c, i))
    return NULL;
  if (c->info[i].demonym == UNKNOWN)
    c->info[i].demonym = lookup_tok (c, c->demonyms, i, FALSE);
  return c->info[i].demonym;
}

/* The org-words value of a capitalized token: "" (organization head),
 * "place", or NULL. Lower-case descriptors ("group", "city") are listed
 * with the "pre-" values and are not heads. */
static const char *
org_word (const Ctx *c, guint i)
{
  const char *v;

  if (!is_cap (c, i))
    return NULL;
  if (c->info[i].orgw != UNKNOWN)
    return c->info[i].orgw;
  v = lookup_tok (c, c->org_words, i, FALSE);
  if (v != NULL && g_str_has_prefix (v, "pre-"))
    v = NULL;
  c->info[i].orgw = v;
  return v;
}

/* The number of tokens a title takes at @i ("Prime Minister", "Secretary
 * of State", "chief executive", "former president"), 0 when none. Title
 * words may be written in any case. */
static guint
title_len_uncached (const Ctx *c, guint i, guint limit)
{
  /* Modifiers ("former", "deputy", "acting") may lead into a title; a
   * modifier may also start a longer title ("national security adviser"). */
  for (guint p = i; p < limit && p < i + 4 && is_word (c, p); p++)
    {
      const char *v;
      guint max = max_words_from (c, c->titles, p, TRUE);
      for (guint k = MIN (max, limit - p); k >= 1; k--)
        {
          gboolean words = TRUE;
          for (guint j = p + 1; j < p + k; j++)
            if (!is_word (c, j))
              words = FALSE;
          if (!words)
            continue;
          v = lookup_range (c, c->titles, p, p + k, TRUE);
          if (v != NULL && strcmp (v, "mod") != 0)
            return p + k - i;
        }
      v = lookup_tok (c, c->titles, p, TRUE);
      if (v == NULL || strcmp (v, "mod") != 0)
        break;
    }
  return 0;
}

static guint
title_len (const Ctx *c, guint i, guint limit)
{
  guint8 *cache = &c->info[i].title;

  if (i >= limit || !is_word (c, i))
    return 0;
  if (*cache == 0)
    {
      guint n = title_len_uncached (c, i, c->n);
      *cache = MIN (n, 200) + 1;
    }
  if (i + *cache - 1 <= limit)
    return *cache - 1;
  return title_len_uncached (c, i, limit);
}

typedef struct
{
  guint len;
  LedeActorKind kind;
  const char *canon;
} ListHit;

static ListHit any_list_match_uncached (const Ctx *c, guint i, guint limit);

/* Longest match at @i in the places, organizations and groups lists. */
static ListHit
any_list_match (const Ctx *c, guint i, guint limit)
{
  TokInfo *info;
  ListHit h = { 0, LEDE_ACTOR_OTHER, NULL };

  if (i >= c->n || !is_word (c, i))
    return h;
  info = &c->info[i];
  if (info->list_len == 0)
    {
      h = any_list_match_uncached (c, i, c->n);
      info->list_len = h.len + 1;
      info->list_kind = h.kind;
      info->canon = h.canon;
    }
  if (i + info->list_len - 1 <= limit)
    {
      h.len = info->list_len - 1;
      h.kind = info->list_kind;
      h.canon = info->canon;
      return h;
    }
  return any_list_match_uncached (c, i, limit);
}

/* The places, organizations and groups lists in one table, built once:
 * entry -> NameEntry, and each multi-word entry's first word -> its
 * number of words (as a NameEntry with kind G_MAXUINT8). */
typedef struct
{
  guint8 kind;
  guint8 words;
  const char *canon;
} NameEntry;

typedef struct
{
  GHashTable *table;
  LedeActorKind kind;
} NamesBuild;

static void
name_prefix (GHashTable *table, const char *entry, gsize len, guint words)
{
  g_autofree char *first = g_strndup (entry, len);
  NameEntry *f = g_hash_table_lookup (table, first);

  if (f == NULL)
    {
      f = g_new0 (NameEntry, 1);
      g_hash_table_insert (table, g_steal_pointer (&first), f);
    }
  f->words = MAX (f->words, words);
}

static void
names_entry (const char *entry, const char *value, gpointer user_data)
{
  NamesBuild *b = user_data;
  const char *sp = strchr (entry, ' ');
  NameEntry *e = g_hash_table_lookup (b->table, entry);

  if (e == NULL)
    {
      e = g_new0 (NameEntry, 1);
      g_hash_table_insert (b->table, g_strdup (entry), e);
    }
  if (e->kind == 0)
    {
      /* The first list an entry is found in wins: places, then
       * organizations, then groups. */
      e->kind = b->kind + 1;
      e->canon = value != NULL && value[0] != '\0' ? value : NULL;
    }
  /* Entries may span several tokens without spaces ("McDonald’s",
   * "Placer.ai", "AT&T"): index every prefix a first token could be, with
   * a bound on the number of tokens. */
  (void) sp;
  {
    guint bounds = 0;
    for (const char *q = entry; *q; q++)
      bounds += *q == ' ' || *q == '\'' || *q == '&' || *q == '.' || (guchar) *q == 0xE2;
    if (bounds == 0)
      return;
    for (const char *q = entry + 1; *q; q++)
      {
        if (*q == ' ' || *q == '\'' || *q == '&' || *q == '.' || (guchar) *q == 0xE2)
          {
            name_prefix (b->table, entry, q - entry, 2 * bounds + 1);
            if (*q == '.')
              name_prefix (b->table, entry, q - entry + 1, 2 * bounds + 1);
          }
      }
  }
}

static GHashTable *
names_table (const Ctx *c)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      NamesBuild b = { g_hash_table_new (g_str_hash, g_str_equal), LEDE_ACTOR_PLACE };
      lede_word_list_foreach (c->places, names_entry, &b);
      b.kind = LEDE_ACTOR_ORGANIZATION;
      lede_word_list_foreach (c->orgs, names_entry, &b);
      b.kind = LEDE_ACTOR_GROUP;
      lede_word_list_foreach (c->groups, names_entry, &b);
      g_once_init_leave (&table, b.table);
    }
  return table;
}

static ListHit
any_list_match_uncached (const Ctx *c, guint i, guint limit)
{
  ListHit best = { 0, LEDE_ACTOR_OTHER, NULL };
  GHashTable *table = names_table (c);
  char buf[KEY_MAX];
  NameEntry *e;
  guint max;
  int mode = 0;

  if (join (c, i, i + 1, buf, sizeof buf, FALSE) == 0)
    return best;
  e = g_hash_table_lookup (table, buf);
  if (e == NULL && (tok (c, i)->flags & LEDE_TOKEN_UPPER) && tok (c, i)->bend - tok (c, i)->bstart >= 4)
    {
      /* Capitals in datelines and headlines: "BRUSSELS", "NEW YORK". */
      mode = 2;
      join (c, i, i + 1, buf, sizeof buf, mode);
      e = g_hash_table_lookup (table, buf);
    }
  if (e == NULL)
    return best;
  max = MAX (e->words, 1);
  for (guint k = MIN (max, limit - i); k >= 2; k--)
    {
      NameEntry *m;
      if (join (c, i, i + k, buf, sizeof buf, mode) == 0)
        continue;
      m = g_hash_table_lookup (table, buf);
      if (m != NULL && m->kind != 0)
        {
          best = (ListHit){ k, m->kind - 1, m->canon };
          return best;
        }
    }
  if (e->kind != 0)
    best = (ListHit){ 1, e->kind - 1, e->canon };
  return best;
}

static const char *const say_verbs[] = {
  "said",      "says",      "say",       "told",         "tells",      "added",      "stated",
  "noted",     "wrote",     "writes",    "argued",       "argues",     "warned",     "warns",
  "insisted",  "explained", "asked",     "replied",      "claimed",    "claims",     "accused",
  "accuses",   "denied",    "denies",    "confirmed",    "confirms",   "announced",  "announces",
  "believes",  "thinks",    "testified", "tweeted",      "posted",     "stressed",   "urged",
  "urges",     "admitted",  "conceded",  "acknowledged", "vowed",      "pledged",    "promised",
  "predicted", "suggested", "estimated", "recalled",     "emphasized", "emphasised", NULL,
};

static const char *const place_preps[] = {
  "in",     "at",      "from",   "near", "across", "outside", "throughout", "into",
  "toward", "towards", "inside", "via",  "visit",  "visited", "visiting",   NULL,
};

static const char *const state_nouns[] = {
  "government",  "military",     "army",        "forces",      "troops",     "soldiers",
  "authorities", "officials",    "airstrikes",  "strikes",     "air",        "police",
  "ministry",    "navy",         "delegation",  "negotiators", "regime",     "cabinet",
  "embassy",     "intelligence", "security",    "warplanes",   "jets",       "drones",
  "bombardment", "shelling",     "offensive",   "state",       "parliament", "administration",
  "leadership",  "diplomats",    "prosecutors", "courts",      "sanctions",  NULL,
};

static const char *const member_nouns[] = {
  "combatants", "fighters", "militants", "gunmen", "loyalists", "members", "supporters", "operatives", NULL,
};

static const char *const org_after_person[] = {
  "administration", "government", "office", "cabinet", "campaign", "team", "regime", "presidency", NULL,
};

/* Is token @i at the start of a sentence or clause, where capitals say
 * nothing? */
static gboolean
sentence_initial (const Ctx *c, guint i)
{
  const LedeToken *t = tok (c, i);
  gsize len;
  const char *s;

  if (t->flags & (LEDE_TOKEN_SENTENCE_START | LEDE_TOKEN_PARAGRAPH_START))
    return TRUE;
  if (i == 0)
    return TRUE;
  if (tok (c, i - 1)->flags & LEDE_TOKEN_QUOTE)
    return TRUE;
  s = str (c, i - 1, &len);
  if (len == 1 && (*s == ':' || *s == '(' || *s == '[' || *s == '-'))
    return TRUE;
  if (len == 3 && memcmp (s, "\xe2\x80\x94", 3) == 0) /* em dash */
    return TRUE;
  return FALSE;
}

/* Marks tokens on lines written in Title Case (headlines, subheadings),
 * where capitals do not mark names. */
static void
find_title_lines (Ctx *c)
{
  guint i = 0;

  while (i < c->n)
    {
      guint j = i + 1, words = 0, caps = 0, upper = 0;
      gboolean period = FALSE;

      while (j < c->n && !(tok (c, j)->flags & LEDE_TOKEN_PARAGRAPH_START))
        j++;
      for (guint k = i; k < j; k++)
        {
          gsize len;
          const char *s = str (c, k, &len);
          if (!is_word (c, k))
            {
              if (len == 1 && *s == '.' && k + 1 == j)
                period = TRUE;
              continue;
            }
          if (len <= 3 && !(tok (c, k)->flags & LEDE_TOKEN_CAPITALIZED))
            continue; /* "of", "in", "the", "a" stay lower case in titles */
          words++;
          caps += (tok (c, k)->flags & LEDE_TOKEN_CAPITALIZED) != 0;
          upper += (tok (c, k)->flags & LEDE_TOKEN_UPPER) != 0;
        }
      if ((words >= 2 && words <= 20 && !period && caps * 10 >= words * 8)
          || (words >= 2 && upper * 10 >= words * 8))
        memset (c->title_like + i, 1, j - i);
      i = j;
    }
}

/* Can the capitalized token @i be (part of) a name? Not "US-brokered" or
 * "Hamas-run" (adjectives), nor "GLP-1" or "F-16" (models, products). */
static gboolean
name_like (const Ctx *c, guint i)
{
  gsize len;
  const char *s = str (c, i, &len);
  const char *hy = memchr (s, '-', len);

  for (gsize k = 0; k < len; k++)
    if (g_ascii_isdigit (s[k]))
      return lookup_tok (c, c->orgs, i, FALSE) != NULL;
  if (hy != NULL && hy + 1 < s + len && g_ascii_islower (hy[1]))
    return FALSE;
  return TRUE;
}

/* ---- candidates ---- */

static int
add_cand (Ctx *c, guint first, guint end, LedeActorKind kind, guint strength, guint flags)
{
  Cand cand = { 0 };

  cand.first = first;
  cand.end = end;
  cand.kind = kind;
  cand.strength = strength;
  cand.flags = flags;
  cand.link = -1;
  cand.actor = -1;
  if (tok (c, first)->flags & LEDE_TOKEN_TITLE)
    cand.flags |= CAND_HEADLINE;
  if (end == first + 1 && (tok (c, first)->flags & LEDE_TOKEN_UPPER))
    cand.flags |= CAND_UPPER;
  g_array_append_val (c->cands, cand);
  return c->cands->len - 1;
}

static Cand *
cand_at (Ctx *c, int i)
{
  return &g_array_index (c->cands, Cand, i);
}

/* Is token @i a connector that may stand inside a name here? */
static gboolean
connector_ok (const Ctx *c, guint first, guint i)
{
  const char *v;
  gboolean orgish = FALSE;

  if (!is_lower_word (c, i) && !tok_is (c, i, "&"))
    return FALSE;
  /* "Nikolaus van der Pas": particles in a row */
  v = lookup_tok (c, c->particles, i, FALSE);
  if (v != NULL && v[0] == '\0' && is_lower_word (c, i + 1) && is_cap (c, i + 2))
    {
      const char *v2 = lookup_tok (c, c->particles, i + 1, FALSE);
      if (v2 != NULL && v2[0] == '\0')
        return tok (c, i + 2)->sentence == tok (c, first)->sentence;
    }
  if (!is_cap (c, i + 1) && !(tok_is (c, i, "of") && tok_is (c, i + 1, "the") && is_cap (c, i + 2)))
    return FALSE;
  if (is_always_common (c, i + 1) || (tok_is (c, i + 1, "the") && is_always_common (c, i + 2)))
    return FALSE;
  if (tok (c, i + 1)->sentence != tok (c, first)->sentence)
    return FALSE;
  v = lookup_tok (c, c->particles, i, FALSE);
  if (v == NULL)
    return FALSE;
  if (v[0] == '\0')
    return TRUE; /* "de", "van", "bin", "al" */

  /* "of", "for", "on", "and", "&", "the": only inside organization and
   * title names ("Bank of England", "Secretary of State", "Centers for
   * Disease Control and Prevention", "Procter & Gamble"). */
  for (guint j = first; j < i; j++)
    {
      const char *w = org_word (c, j);
      /* A title only right before: "Secretary of State", not "Sen. Ted
       * Cruz of Texas". */
      if ((w != NULL && (w[0] == '\0' || strcmp (w, "place") == 0))
          || (j + 1 == i && is_cap (c, j) && title_len (c, j, j + 1) == 1))
        orgish = TRUE;
    }
  if (!orgish)
    {
      /* "Annals of …": the words before are a listed name. */
      if (!tok_is (c, i, "of"))
        return tok_is (c, i, "&");
      if (lookup_range (c, c->orgs, first, i, FALSE) == NULL
          && lookup_range (c, c->places, first, i, FALSE) == NULL)
        return tok_is (c, i, "&");
    }
  if (strcmp (v, "and") == 0)
    {
      /* "and" joins only within an organization's name, and never two
       * places ("Chile and Uruguay"). */
      ListHit h = any_list_match (c, i + 1, MIN (c->n, i + 4));
      gboolean left = FALSE;

      if (h.len > 0 && h.kind == LEDE_ACTOR_PLACE)
        return FALSE;
      for (guint j = first; j < i; j++)
        if (org_word (c, j) != NULL && org_word (c, j)[0] == '\0')
          left = TRUE;
      if (!left)
        return FALSE;
      /* Not between two organizations: "University of Oxford and
       * Karolinska Institute". */
      for (guint j = i + 1; j < c->n && j < i + 6 && is_cap (c, j); j++)
        if (org_word (c, j) != NULL)
          return FALSE;
      return TRUE;
    }
  return TRUE;
}

/* The end of the capitalized chunk that starts at @i. */
static guint
chunk_end (const Ctx *c, guint i)
{
  guint j = i + 1;

  if (is_possessive (c, j))
    return j;
  while (j < c->n && j - i < MAX_CHUNK)
    {
      if (is_cap (c, j) && tok (c, j)->sentence == tok (c, i)->sentence && !is_always_common (c, j)
          && !(tok (c, j)->flags & LEDE_TOKEN_PARAGRAPH_START))
        {
          j++;
          if (is_possessive (c, j))
            break;
          continue;
        }
      if (connector_ok (c, i, j))
        {
          /* "of the": take both */
          if (tok_is (c, j, "of") && tok_is (c, j + 1, "the"))
            j++;
          j++;
          continue;
        }
      break;
    }
  return j;
}

/* Looks back from @s for a role in lower case ("chief executive", "Rovers
 * boss", "Scotland captain", "former president") and returns its first
 * token, or @s. */
static guint
role_before (const Ctx *c, guint s)
{
  guint max = lede_word_list_max_words (c->titles) + 2;
  guint best = s;

  for (guint k = 1; k <= max && k <= s; k++)
    {
      guint a = s - k;
      if (!is_word (c, a) || tok (c, a)->sentence != tok (c, s)->sentence)
        break;
      if (title_len (c, a, s) == k)
        best = a;
    }
  if (best == s)
    return s;
  /* Take an owner right before it: "Scotland captain", "Venezuelan
   * foreign minister", "U.S. Secretary of State". */
  while (best > 0 && is_cap (c, best - 1) && tok (c, best - 1)->sentence == tok (c, s)->sentence
         && !is_possessive (c, best) && s - best < 8)
    {
      if (sentence_initial (c, best - 1) && is_common (c, best - 1) && demonym_country (c, best - 1) == NULL)
        break;
      best--;
    }
  return best;
}

/* A lower-case descriptor before a name: "the militant group Hamas", "the
 * city of Kharkiv", "human rights organization …". */
static const char *
descriptor_before (const Ctx *c, guint s)
{
  guint a = s;
  const char *v;

  if (a > 0 && tok_is (c, a - 1, "of"))
    a--;
  if (a == 0 || !is_lower_word (c, a - 1))
    return NULL;
  v = lookup_tok (c, c->org_words, a - 1, FALSE);
  if (v != NULL && g_str_has_prefix (v, "pre-"))
    return v + 4;
  return NULL;
}

/* Types the name part [p, e) of a chunk and adds its candidate. */
static int
type_name (Ctx *c, guint p, guint e, guint role_first, guint role_end, gboolean weak)
{
  ListHit whole = any_list_match (c, p, e);
  LedeActorKind kind = LEDE_ACTOR_OTHER;
  guint strength = 0;
  const char *canon = NULL;
  const char *v;
  int ci;

  if (lookup_range (c, c->demonyms, p, e, FALSE) != NULL)
    return -1; /* "Latin American": an adjective */
  {
    const char *head = org_word (c, e - 1);
    if (head != NULL && strcmp (head, "skip") == 0 && whole.len != e - p)
      return -1; /* "FA Cup", "Paris Agreement": events and documents */
  }
  if (whole.len == e - p)
    {
      kind = whole.kind;
      strength = STRENGTH_LIST;
      canon = whole.canon;
      if (canon != NULL && canon[0] == '@')
        {
          /* A capital: it stands for its country's government only when it
           * acts ("Washington said", "Beijing has warned"). */
          static const char *const acts[] = { "has", "have", "will", "would", "is", "was", NULL };
          if (tok_in (c, e, say_verbs) || tok_in (c, e, acts))
            canon = canon + 1;
          else
            canon = NULL;
        }
    }
  else if (e == p + 1 && demonym_country (c, p) != NULL)
    return -1; /* a lone "Israeli" is an adjective, handled elsewhere */
  else if (e == p + 1 && is_cap (c, p))
    {
      /* Plural of a demonym: "Palestinians", "Venezuelans". */
      gsize len;
      const char *s = str (c, p, &len);
      if (len > 2 && s[len - 1] == 's' && lede_word_list_lookup (c->demonyms, s, len - 1) != NULL)
        kind = LEDE_ACTOR_GROUP, strength = STRENGTH_LIST;
    }

  if (strength == 0 && e > p + 1 && lookup_tok (c, c->groups, e - 1, FALSE) != NULL)
    kind = LEDE_ACTOR_GROUP, strength = STRENGTH_RULE; /* "Venezuelan Democrats" */
  if (strength == 0 && role_first < role_end)
    kind = LEDE_ACTOR_PERSON, strength = STRENGTH_RULE;
  if (strength == 0)
    {
      const char *last = org_word (c, e - 1);
      const char *firstw = e > p + 1 ? org_word (c, p) : NULL;
      ListHit tail = { 0 };
      for (guint j = p + 1; j < e && tail.len == 0; j++)
        {
          tail = any_list_match (c, j, e);
          if (tail.len != e - j || tail.kind != LEDE_ACTOR_ORGANIZATION)
            tail.len = 0;
        }
      if (tail.len > 0)
        kind = LEDE_ACTOR_ORGANIZATION, strength = STRENGTH_RULE;
      else if (last != NULL)
        kind = strcmp (last, "place") == 0 ? LEDE_ACTOR_PLACE : LEDE_ACTOR_ORGANIZATION,
        strength = STRENGTH_RULE;
      else if (firstw != NULL)
        kind = strcmp (firstw, "place") == 0 ? LEDE_ACTOR_PLACE : LEDE_ACTOR_ORGANIZATION,
        strength = STRENGTH_RULE;
      else
        {
          for (guint j = p; j < e; j++)
            if (org_word (c, j) != NULL && org_word (c, j)[0] == '\0')
              kind = LEDE_ACTOR_ORGANIZATION, strength = STRENGTH_RULE;
        }
    }
  if (strength == 0 && (v = descriptor_before (c, p)) != NULL)
    {
      kind = strcmp (v, "place") == 0 ? LEDE_ACTOR_PLACE : LEDE_ACTOR_ORGANIZATION;
      strength = STRENGTH_RULE;
    }
  if (strength == 0 && e > p + 1 && lookup_tok (c, c->given, p, FALSE) != NULL)
    kind = LEDE_ACTOR_PERSON, strength = STRENGTH_GIVEN_NAME;
  if (strength == 0)
    {
      guint after = e;
      if (tok_is (c, after, ","))
        after++;
      if (tok_in (c, after, say_verbs) || tok_is (c, after, "who"))
        kind = LEDE_ACTOR_PERSON, strength = STRENGTH_CONTEXT;
      else if (p > 0
               && (tok_in (c, p - 1, place_preps)
                   || (tok_is (c, p - 1, "the") && tok_in (c, p - 2, place_preps))))
        kind = LEDE_ACTOR_PLACE, strength = STRENGTH_CONTEXT;
      else if (e == p + 1 && (tok (c, p)->flags & LEDE_TOKEN_UPPER))
        kind = LEDE_ACTOR_ORGANIZATION, strength = STRENGTH_DEFAULT;
      else if (e > p + 1)
        {
          /* "Pairings Menu": a run ending in a common noun is a product or
           * a phrase more often than a person. */
          kind = LEDE_ACTOR_PERSON, strength = STRENGTH_DEFAULT;
          if (is_common (c, e - 1))
            weak = TRUE;
        }
      else
        kind = LEDE_ACTOR_PERSON, strength = STRENGTH_DEFAULT; /* mostly surnames */
    }

  /* At the start of a sentence a listed name that is also a common word
   * ("House prices …") needs support from elsewhere too. */
  ci = add_cand (c, p, e, kind, strength,
                 weak && (strength < STRENGTH_LIST || (e == p + 1 && is_common (c, p))) ? CAND_WEAK : 0);
  cand_at (c, ci)->canon = canon;
  cand_at (c, ci)->role_first = role_first;
  cand_at (c, ci)->role_end = role_end;
  return ci;
}

/* Is there a title at @p that a name follows within [p, e)? */
static guint
title_before_name (const Ctx *c, guint p, guint e)
{
  guint tl = title_len (c, p, e);

  static const char *const suffixes[] = { "Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV", NULL };

  if (tl == 0 || p + tl >= e)
    return 0;
  if (!is_cap (c, p + tl) && !tok_is (c, p + tl, "of"))
    return 0;
  /* "Martin Luther King Jr.": a suffix is not a name */
  if (p + tl + 1 == e && tok_in (c, p + tl, suffixes))
    return 0;
  return tl;
}

/* Splits a chunk into owner, title and name ("U.S. | Secretary of State |
 * Antony Blinken", "Starbucks | CEO | Laxman Narasimhan") and adds the
 * candidates. Returns the name's candidate or -1. */
static int
split_chunk (Ctx *c, guint s, guint e, gboolean weak)
{
  guint p = s;
  guint role_first = s, role_end = s;
  gboolean title_seen = FALSE;
  ListHit whole = any_list_match (c, s, e);
  const char *head = org_word (c, e - 1);

  /* A known name or one with an organization or place head is not split:
   * "General Motors", "Center for Strategic Studies", "Justice Department". */
  if (whole.len == e - s || (head != NULL && e > s + 1))
    p = e;

  while (p < e)
    {
      guint tl = title_before_name (c, p, e);
      if (tl > 0)
        {
          title_seen = TRUE;
          p += tl;
          /* "President of Venezuela Nicolás Maduro": the owner joins the role. */
          if (tok_is (c, p, "of") || tok_is (c, p, "for"))
            {
              ListHit h = any_list_match (c, p + 1, e);
              guint len = h.len > 0 ? h.len : 1;
              if (p + 1 + len < e)
                {
                  type_name (c, p + 1, p + 1 + len, s, s, weak);
                  p += 1 + len;
                }
            }
          role_end = p;
          continue;
        }
      if (!title_seen)
        {
          /* An owner before a title: a place, an organization, a demonym or
           * any capitalized run. */
          for (guint t = p + 1; t < e && !(t > p + 1 && lookup_tok (c, c->given, p, FALSE) != NULL); t++)
            if (title_before_name (c, t, e) > 0)
              {
                if (!(t == p + 1 && demonym_country (c, p) != NULL))
                  type_name (c, p, t, s, s, weak);
                p = t;
                break;
              }
          if (p < e && title_before_name (c, p, e) > 0)
            continue;
        }
      break;
    }
  if (title_seen && p < e)
    return type_name (c, p, e, s, role_end, weak);
  role_first = role_before (c, s);
  role_end = s;
  if (role_first == s)
    role_first = role_end = 0;
  return type_name (c, s, e, role_first, role_end, weak);
}

/* ---- the scan ---- */

static void
scan (Ctx *c)
{
  guint i = 0;

  while (i < c->n)
    {
      guint e;
      gboolean weak;
      int ci;

      if (!is_cap (c, i) || is_always_common (c, i) || !name_like (c, i))
        {
          i++;
          continue;
        }

      weak = c->title_like[i] != 0;

      /* Demonyms: a mention of their country only before a word for the
       * state acting (see the rule at the top). */
      if (demonym_country (c, i) != NULL && !is_cap (c, i + 1))
        {
          if (tok_in (c, i + 1, state_nouns))
            {
              ci = add_cand (c, i, i + 1, LEDE_ACTOR_PLACE, STRENGTH_LIST, CAND_DEMONYM);
              cand_at (c, ci)->canon = demonym_country (c, i);
            }
          i++;
          continue;
        }

      if (weak)
        {
          /* Title Case: only list names and single words that name an actor
           * found in the body. */
          ListHit h = any_list_match (c, i, c->n);
          if (h.len > 0)
            {
              e = i + h.len;
              ci = add_cand (c, i, e, h.kind, STRENGTH_LIST, 0);
              cand_at (c, ci)->canon = h.canon && h.canon[0] != '@' ? h.canon : NULL;
            }
          else if (lookup_tok (c, c->given, i, FALSE) != NULL && is_cap (c, i + 1) && !is_common (c, i + 1)
                   && tok (c, i + 1)->sentence == tok (c, i)->sentence)
            {
              /* A byline or a name in a headline: "Peter Blackburn" */
              e = i + 2;
              add_cand (c, i, e, LEDE_ACTOR_PERSON, STRENGTH_GIVEN_NAME, 0);
            }
          else
            {
              e = i + 1;
              if (!is_common (c, i) && demonym_country (c, i) == NULL && title_len (c, i, i + 1) == 0)
                add_cand (c, i, e, LEDE_ACTOR_PLACE, STRENGTH_DEFAULT, CAND_WEAK);
            }
          i = e;
          continue;
        }

      e = chunk_end (c, i);
      {
        /* A listed name may be longer than the chunk ("Food and Drug
         * Administration"). */
        ListHit h = any_list_match (c, i, c->n);
        if (i + h.len > e)
          e = i + h.len;
      }

      /* "McDonald’s", "Sainsbury's": the possessive is part of the name. */
      if (is_possessive (c, e) && lookup_range (c, c->orgs, i, e + 1, FALSE) != NULL)
        e++;
      /* "Placer.ai", "Booking.com" */
      if (tok_is (c, e, ".") && !(tok (c, e)->flags & LEDE_TOKEN_SPACE_BEFORE) && is_word (c, e + 1)
          && !(tok (c, e + 1)->flags & LEDE_TOKEN_SPACE_BEFORE) && !is_cap (c, e + 1))
        {
          e += 2;
          add_cand (c, i, e, LEDE_ACTOR_ORGANIZATION, STRENGTH_RULE, 0);
          i = e;
          continue;
        }

      if (sentence_initial (c, i) || (tok (c, i)->flags & LEDE_TOKEN_TITLE))
        {
          /* A capital at the start of a sentence says nothing: drop a
           * common word there unless the chunk is a known or organization
           * name, or the word is a title. */
          ListHit h = any_list_match (c, i, e);
          if (h.len == 0 && is_common (c, i) && title_len (c, i, e) == 0)
            {
              gboolean keep = FALSE;
              if (e > i + 1 && lookup_tok (c, c->function, i, TRUE) == NULL)
                {
                  const char *last = org_word (c, e - 1);
                  keep = last != NULL && last[0] == '\0' && !is_possessive (c, e);
                  if (lookup_tok (c, c->given, i, FALSE) != NULL)
                    keep = TRUE;
                }
              if (!keep)
                {
                  i++;
                  continue;
                }
            }
        }

      /* Possessive organizations: "Netanyahu’s office", "Maduro’s
       * government"; and "Biden administration". */
      {
        guint after = is_possessive (c, e) ? e + 1 : e;
        ListHit h = any_list_match (c, i, e);
        if (tok_in (c, after, org_after_person) && !(h.len == e - i && h.kind == LEDE_ACTOR_PLACE)
            && demonym_country (c, e - 1) == NULL && !(h.len == e - i && h.kind == LEDE_ACTOR_GROUP))
          {
            guint first = i;
            guint tl;
            /* Keep titles out of it: "President Biden’s administration". */
            while (first < e && (tl = title_len (c, first, e)) > 0 && first + tl < e)
              first += tl;
            add_cand (c, first, after + 1, LEDE_ACTOR_ORGANIZATION, STRENGTH_RULE, 0);
            i = after + 1;
            continue;
          }
      }

      /* A lone capitalized word opening a sentence is a name only when the
       * article names it elsewhere too (or the lists know it). */
      ci = split_chunk (c, i, e, e == i + 1 && sentence_initial (c, i));

      /* "Hamas combatants", "Wagner fighters": the members of a named
       * organization acting together are a group of their own. */
      if (ci >= 0 && cand_at (c, ci)->end == e && cand_at (c, ci)->kind == LEDE_ACTOR_ORGANIZATION
          && tok_in (c, e, member_nouns))
        {
          Cand *oc = cand_at (c, ci);
          int gi = add_cand (c, oc->first, e + 1, LEDE_ACTOR_GROUP, STRENGTH_RULE, 0);
          /* The organization itself is not mentioned there. */
          cand_at (c, ci)->flags |= CAND_DROP;
          (void) gi;
          i = e + 1;
          continue;
        }

      /* "National Electoral Council (CNE)", "Starbucks (SBUX)" */
      if (ci >= 0 && tok_is (c, e, "(") && is_cap (c, e + 1) && tok_is (c, e + 2, ")")
          && (tok (c, e + 1)->flags & LEDE_TOKEN_UPPER))
        {
          int ai = add_cand (c, e + 1, e + 2, cand_at (c, ci)->kind, cand_at (c, ci)->strength, CAND_ACRONYM);
          cand_at (c, ai)->link = ci;
          e += 3;
        }
      i = e > i ? e : i + 1;
    }
}

/* ---- merging ---- */

static int
new_actor (Ctx *c, int ci)
{
  Cand *cand = cand_at (c, ci);
  WorkActor w = { 0 };

  w.kind = cand->kind;
  w.strength = cand->strength;
  w.name_cand = ci;
  w.role_cand = cand->role_first < cand->role_end ? ci : -1;
  w.multi = cand->end > cand->first + 1;
  g_array_append_val (c->work, w);
  return c->work->len - 1;
}

static void
register_key (GHashTable *table, const char *key, int actor, gboolean exclusive)
{
  gpointer old;

  if (*key == '\0')
    return;
  if (g_hash_table_lookup_extended (table, key, NULL, &old))
    {
      if (exclusive && GPOINTER_TO_INT (old) != actor + 1)
        g_hash_table_replace (table, g_strdup (key), GINT_TO_POINTER (0));
      return;
    }
  g_hash_table_insert (table, g_strdup (key), GINT_TO_POINTER (actor + 1));
}

static int
lookup_key (GHashTable *table, const char *key)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (table, key)) - 1;
}

/* Registers the keys a candidate gives its actor: its own, and the short
 * forms later mentions may use (surnames, an organization's last word). */
static void
register_cand (Ctx *c, int ci, GString *key)
{
  Cand *cand = cand_at (c, ci);
  WorkActor *w = &g_array_index (c->work, WorkActor, cand->actor);

  if (cand->flags & CAND_DEMONYM)
    return;
  fold_range (c, cand->first, cand->end, key);
  register_key (c->exact, key->str, cand->actor, FALSE);
  if (cand->canon != NULL)
    {
      fold_key (cand->canon, strlen (cand->canon), key);
      register_key (c->exact, key->str, cand->actor, FALSE);
    }
  if (cand->end - cand->first < 2 || cand->flags & (CAND_ACRONYM | CAND_DEMONYM))
    return;

  if (w->kind == LEDE_ACTOR_PERSON)
    {
      /* Every proper suffix ("González Urrutia", "Urrutia") and each later
       * name word ("González"). */
      for (guint j = cand->first + 1; j < cand->end; j++)
        {
          if (!is_cap (c, j))
            continue;
          fold_range (c, j, cand->end, key);
          register_key (c->partial, key->str, cand->actor, TRUE);
          fold_range (c, j, j + 1, key);
          register_key (c->partial, key->str, cand->actor, TRUE);
        }
    }
  else if (w->kind == LEDE_ACTOR_ORGANIZATION)
    {
      guint last = cand->end - 1;
      char initials[32];
      guint ni = 0;
      gboolean object = FALSE;

      /* "Apple Inc." → "Apple" */
      if (org_word (c, last) != NULL && strcmp (org_word (c, last), "suffix") == 0)
        {
          fold_range (c, cand->first, last, key);
          register_key (c->partial, key->str, cand->actor, TRUE);
        }

      /* "Glasgow Rangers" → "Rangers", "the Commission"; but "Bank of
       * England" is not "England". */
      for (guint j = cand->first; j < last; j++)
        if (is_lower_word (c, j))
          object = TRUE;
      if (!object && is_cap (c, last)
          && (org_word (c, last) == NULL || strcmp (org_word (c, last), "suffix") != 0))
        {
          fold_range (c, last, last + 1, key);
          register_key (c->partial, key->str, cand->actor, TRUE);
        }
      /* Initials: "Centers for Disease Control" → "CDC". */
      for (guint j = cand->first; j < cand->end && ni < sizeof initials - 1; j++)
        if (is_cap (c, j))
          {
            gsize len;
            initials[ni++] = g_ascii_tolower (*str (c, j, &len));
          }
      initials[ni] = '\0';
      if (ni >= 2)
        register_key (c->partial, initials, cand->actor, TRUE);
    }
}

static void
merge (Ctx *c)
{
  g_autoptr (GString) key = g_string_new (NULL);
  Cand *cands = (Cand *) c->cands->data;
  guint nc = c->cands->len;

  /* Pass 0: full names and listed names create actors. Pass 1: short
   * forms and acronyms join them. Pass 2: the rest create actors. Pass 3:
   * weak candidates (sentence-initial or Title Case words) and demonyms
   * only join actors found by then. */
  for (guint pass = 0; pass < 4; pass++)
    for (guint i = 0; i < nc; i++)
      {
        Cand *cand = &cands[i];
        gboolean weak = (cand->flags & (CAND_WEAK | CAND_DEMONYM)) != 0;
        gboolean strong = !weak && !(cand->flags & CAND_ACRONYM)
                          && (cand->end > cand->first + 1 || cand->strength >= STRENGTH_RULE);
        int a;

        if (cand->actor >= 0 || (cand->flags & CAND_DROP))
          continue;
        if (pass == 0 && !strong)
          continue;
        if (pass < 3 && weak)
          continue;

        if (cand->flags & CAND_ACRONYM)
          {
            if (cands[cand->link].actor < 0)
              continue;
            cand->actor = cands[cand->link].actor;
            register_cand (c, i, key);
            continue;
          }

        fold_key (cand->canon ? cand->canon : "", cand->canon ? strlen (cand->canon) : 0, key);
        a = key->len > 0 ? lookup_key (c->exact, key->str) : -1;
        if (a < 0 && !(cand->flags & CAND_DEMONYM))
          {
            fold_range (c, cand->first, cand->end, key);
            a = lookup_key (c->exact, key->str);
            /* Short forms: a surname, an organization's last word. */
            /* A listed name joins by short form only a person ("Ford" after
             * "Harrison Ford"), not "House" after "White House". */
            if (a < 0)
              {
                a = lookup_key (c->partial, key->str);
                if (a >= 0 && cand->strength >= STRENGTH_LIST && cand->end == cand->first + 1
                    && g_array_index (c->work, WorkActor, a).kind != LEDE_ACTOR_PERSON)
                  a = -1;
              }
            /* "Apple Inc." after "Apple" */
            if (a < 0 && cand->end > cand->first + 1 && org_word (c, cand->end - 1) != NULL
                && strcmp (org_word (c, cand->end - 1), "suffix") == 0)
              {
                fold_range (c, cand->first, cand->end - 1, key);
                a = lookup_key (c->exact, key->str);
              }
          }
        if (a >= 0)
          {
            WorkActor *w = &g_array_index (c->work, WorkActor, a);
            cand->actor = a;
            if (cand->strength > w->strength)
              {
                w->kind = cand->kind;
                w->strength = cand->strength;
              }
            if (w->role_cand < 0 && cand->role_first < cand->role_end)
              w->role_cand = i;
          }
        else if (pass == 0 || pass == 2)
          cand->actor = new_actor (c, i);
        else
          continue;
        register_cand (c, i, key);
      }
}

/* ---- output ---- */

static void
build_actors (Ctx *c)
{
  LedeDoc *doc = c->doc;
  Cand *cands = (Cand *) c->cands->data;
  guint nc = c->cands->len;
  guint nw = c->work->len;
  g_autofree int *final = g_new (int, nw + 1);
  g_autofree guint *order = g_new (guint, nc + 1);
  g_autofree guint *first_tok = g_new0 (guint, nw + 1);
  g_autofree guint *headline = g_new0 (guint, nw + 1);
  g_autofree gboolean *name_shouting = g_new0 (gboolean, nw + 1);
  guint n = 0;

  for (guint a = 0; a < nw; a++)
    final[a] = -1;

  /* Candidates in text order (acronyms and owners come right after or
   * before their chunk, so a stable sort by first token is enough). */
  for (guint i = 0; i < nc; i++)
    order[i] = i;
  for (guint i = 1; i < nc; i++)
    {
      guint v = order[i], j = i;
      while (j > 0 && cands[order[j - 1]].first > cands[v].first)
        {
          order[j] = order[j - 1];
          j--;
        }
      order[j] = v;
    }

  for (guint k = 0; k < nc; k++)
    {
      Cand *cand = &cands[order[k]];
      int a = cand->actor;
      LedeActor *actor;
      LedeSpan span;

      if (a < 0)
        continue;
      if (final[a] < 0)
        {
          WorkActor *w = &g_array_index (c->work, WorkActor, a);
          final[a] = n++;
          actor = lede_actor_new ("", w->kind);
          g_ptr_array_add (doc->actors, actor);
          first_tok[final[a]] = cand->first;
          if (w->role_cand >= 0)
            {
              Cand *rc = &cands[w->role_cand];
              actor->role = lede_doc_dup_range (doc, rc->role_first, rc->role_end);
            }
        }
      actor = g_ptr_array_index (doc->actors, final[a]);
      lede_doc_span_from_tokens (doc, cand->first, cand->end, &span);
      g_array_append_val (actor->mentions, span);
      if (cand->flags & CAND_HEADLINE)
        headline[final[a]] = 1;
      for (guint t = cand->first; t < cand->end; t++)
        doc->token_actor[t] = final[a];
      if (!(cand->flags & CAND_DEMONYM))
        {
          g_autofree char *surface = lede_doc_dup_range (doc, cand->first, cand->end);
          gboolean shouting = cand->end == cand->first + 1 && (tok (c, cand->first)->flags & LEDE_TOKEN_UPPER)
                              && cand->canon == NULL
                              && tok (c, cand->first)->bend - tok (c, cand->first)->bstart >= 4;
          lede_actor_add_alias (actor, surface);
          /* The fullest form names the actor; "JAPAN" in a headline gives
           * way to "Japan". */
          if (actor->name[0] == '\0'
              || (!shouting
                  && (name_shouting[final[a]]
                      || g_utf8_strlen (surface, -1) > g_utf8_strlen (actor->name, -1))))
            {
              name_shouting[final[a]] = shouting;
              g_free (actor->name);
              actor->name = g_steal_pointer (&surface);
            }
        }
    }

  for (guint a = 0; a < n; a++)
    {
      LedeActor *actor = g_ptr_array_index (doc->actors, a);
      double count = actor->mentions->len;
      double pos = c->n > 0 ? (double) first_tok[a] / c->n : 0.0;

      if (actor->name[0] == '\0' && actor->mentions->len > 0)
        {
          /* Only demonym mentions: cannot happen, since those attach to
           * named actors; keep the name non-empty all the same. */
          LedeSpan *s = &g_array_index (actor->mentions, LedeSpan, 0);
          g_free (actor->name);
          actor->name = g_strndup (doc->text + s->bstart, s->bend - s->bstart);
        }
      actor->salience = 0.5 * MIN (1.0, count / 6.0) + 0.3 * (1.0 - pos) + 0.2 * headline[a];
      actor->salience = CLAMP (actor->salience, 0.0, 1.0);
    }
}

void
lede_find_actors (LedeDoc *doc)
{
  Ctx c = { 0 };

  c.doc = doc;
  c.n = lede_doc_n_tokens (doc);
  if (c.n == 0)
    return;

  c.function = lede_word_list_get ("function-words");
  c.common = lede_word_list_get ("common-words");
  c.titles = lede_word_list_get ("titles");
  c.org_words = lede_word_list_get ("org-words");
  c.orgs = lede_word_list_get ("organizations");
  c.places = lede_word_list_get ("places");
  c.demonyms = lede_word_list_get ("demonyms");
  c.groups = lede_word_list_get ("groups");
  c.given = lede_word_list_get ("given-names");
  c.particles = lede_word_list_get ("name-particles");

  c.cands = g_array_sized_new (FALSE, FALSE, sizeof (Cand), 64);
  c.work = g_array_sized_new (FALSE, FALSE, sizeof (WorkActor), 32);
  c.exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  c.partial = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  c.title_like = g_new0 (guint8, c.n);
  c.info = g_new0 (TokInfo, c.n);
  for (guint i = 0; i < c.n; i++)
    c.info[i].demonym = c.info[i].orgw = UNKNOWN;

  find_title_lines (&c);
  scan (&c);
  merge (&c);
  build_actors (&c);

  g_array_unref (c.cands);
  g_array_unref (c.work);
  g_hash_table_unref (c.exact);
  g_hash_table_unref (c.partial);
  g_free (c.title_like);
  g_free (c.info);
}
