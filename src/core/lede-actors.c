/* lede-actors.c: stage: actors (people, organizations, places, groups).
 *
 * One pass over the tokens finds capitalized chunks ("Ana Ribeiro",
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
#include "lede-claims-private.h"
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
  STRENGTH_TEAM = 6, /* a town acting as its team: "Blackburn have rejected" */
} Strength;

enum
{
  CAND_WEAK = 1 << 0,     /* keep only when it names an actor found elsewhere */
  CAND_ACRONYM = 1 << 1,  /* "(NEC)" after its expansion: @link is the candidate */
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
  guint8 given;        /* 1 + is a given name, 0 before known */
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
  GStringChunk *keys;  /* the tables' keys */
  GHashTable *exact;   /* folded alias -> actor + 1 */
  GHashTable *partial; /* folded surname / short form -> actor + 1, or 0 when ambiguous */
  guint8 *title_like;  /* per token: its line is in Title Case */
  const LedeWordList *function, *common, *titles, *org_words, *orgs, *places, *demonyms, *groups, *given,
    *particles, *abbrevs, *dates;
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

/* "al-Assad", "el-Sisi", "bin-Laden": a lower-case prefix before a
 * capitalized name. */
static inline gboolean
is_prefixed_name (const Ctx *c, guint i)
{
  const LedeToken *t = tok (c, i);
  const char *s = c->doc->text + t->bstart;
  guint len = t->bend - t->bstart;

  for (guint k = 1; k <= 3 && k + 1 < len; k++)
    if (s[k] == '-')
      return g_ascii_isupper (s[k + 1]);
  return FALSE;
}

static inline gboolean
is_cap (const Ctx *c, guint i)
{
  if (i >= c->n || !(tok (c, i)->flags & LEDE_TOKEN_WORD))
    return FALSE;
  return (tok (c, i)->flags & LEDE_TOKEN_CAPITALIZED) || is_prefixed_name (c, i);
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
    if ((*words)[0] == lede_ascii_lower (s[0]) && lede_ascii_word_eq (s, len, *words))
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
  gsize n;

  if (b == a + 1)
    {
      /* One token: look it up where it is, without copying it. */
      const char *s = str (c, a, &n);
      if (n + 2 > sizeof buf)
        return NULL;
      return lower ? lede_word_list_lookup_lower (list, s, n) : lede_word_list_lookup (list, s, n);
    }
  n = join (c, a, b, buf, sizeof buf, lower);
  if (n == 0)
    return NULL;
  return lede_word_list_lookup (list, buf, n);
}

static const char *
lookup_tok (const Ctx *c, const LedeWordList *list, guint i, gboolean lower)
{
  return lookup_range (c, list, i, i + 1, lower);
}

/* Folds a surface form to a key: lower case, accents and periods and
 * apostrophes dropped, so "U.S." = "US" and "José" = "Jose". */
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
          g_string_append_c (out, lede_ascii_lower (ch));
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

static gboolean
is_given (const Ctx *c, guint i)
{
  guint8 *cache;

  if (i >= c->n)
    return FALSE;
  cache = &c->info[i].given;
  if (*cache == 0)
    *cache = 1 + (is_cap (c, i) && lookup_tok (c, c->given, i, FALSE) != NULL);
  return *cache == 2;
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

/* A filter of the keys of @table, for their length and first and last
 * letters (ASCII case folded). */
static void
key_filter_init (LedeWordFilter *filter, GHashTable *table)
{
  GHashTableIter iter;
  gpointer key;

  memset (filter, 0, sizeof *filter);
  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    lede_word_filter_add (filter, key, strlen (key));
}

/* The number of tokens a title takes at @i ("Prime Minister", "Secretary
 * of State", "chief executive", "former president"), 0 when none. Title
 * words may be written in any case. */
/* The titles list as one table, built once: lower-case entry -> TitleEntry;
 * a first word of longer titles also records their most words. */
typedef struct
{
  guint8 words; /* most words of a title starting with this word */
  guint8 kind;  /* 0 none, 1 title, 2 modifier */
} TitleEntry;

static void
title_entry (const char *entry, const char *value, gpointer user_data)
{
  GHashTable *table = user_data;
  g_autofree char *lower = g_ascii_strdown (entry, -1);
  const char *sp = strchr (lower, ' ');
  TitleEntry *t = g_hash_table_lookup (table, lower);
  guint words = 1;

  if (t == NULL)
    {
      t = g_new0 (TitleEntry, 1);
      g_hash_table_insert (table, g_strdup (lower), t);
    }
  if (t->kind != 1)
    t->kind = value != NULL && strcmp (value, "mod") == 0 ? 2 : 1;
  if (sp == NULL)
    return;
  for (const char *q = lower; *q; q++)
    words += *q == ' ';
  {
    g_autofree char *first = g_strndup (lower, sp - lower);
    TitleEntry *f = g_hash_table_lookup (table, first);
    if (f == NULL)
      {
        f = g_new0 (TitleEntry, 1);
        g_hash_table_insert (table, g_steal_pointer (&first), f);
      }
    f->words = MAX (f->words, words);
  }
}

static const TitleEntry *
title_lookup (const Ctx *c, guint a, guint b)
{
  static LedeFrozenMap *table;
  static LedeWordFilter filter;
  char buf[KEY_MAX];
  gsize n;

  if (g_once_init_enter (&table))
    {
      /* Kept for the life of the process, like the word lists. */
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);
      lede_word_list_foreach (c->titles, title_entry, t);
      key_filter_init (&filter, t);
      g_once_init_leave (&table, lede_frozen_map_new (t));
    }
  if (b == a + 1)
    {
      /* Most words are no title: the filter turns them away unhashed. */
      const char *s = str (c, a, &n);
      if (!lede_word_filter_may_hold (&filter, s, n))
        return NULL;
    }
  n = join (c, a, b, buf, sizeof buf, TRUE);
  if (n == 0)
    return NULL;
  return lede_frozen_map_lookup (table, buf, n);
}

static guint
title_len_uncached (const Ctx *c, guint i, guint limit)
{
  /* Modifiers ("former", "deputy", "acting") may lead into a title; a
   * modifier may also start a longer title ("national security adviser"). */
  for (guint p = i; p < limit && p < i + 4 && is_word (c, p); p++)
    {
      const TitleEntry *one = title_lookup (c, p, p + 1);
      guint max = one != NULL ? MAX (one->words, 1) : 1;

      if (one == NULL)
        break;
      for (guint k = MIN (max, limit - p); k >= 2; k--)
        {
          const TitleEntry *t;
          gboolean words = TRUE;
          for (guint j = p + 1; j < p + k; j++)
            if (!is_word (c, j))
              words = FALSE;
          if (!words)
            continue;
          t = title_lookup (c, p, p + k);
          if (t != NULL && t->kind == 1)
            return p + k - i;
        }
      if (one->kind == 1)
        return p + 1 - i;
      if (one->kind != 2)
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
   * "Booking.com", "AT&T"): index every prefix a first token could be, with
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

static LedeWordFilter names_filter;

static const LedeFrozenMap *
names_table (const Ctx *c)
{
  static LedeFrozenMap *table;

  if (g_once_init_enter (&table))
    {
      NamesBuild b = { g_hash_table_new (g_str_hash, g_str_equal), LEDE_ACTOR_PLACE };
      lede_word_list_foreach (c->places, names_entry, &b);
      b.kind = LEDE_ACTOR_ORGANIZATION;
      lede_word_list_foreach (c->orgs, names_entry, &b);
      b.kind = LEDE_ACTOR_GROUP;
      lede_word_list_foreach (c->groups, names_entry, &b);
      /* Kept for the life of the process, like the word lists. */
      key_filter_init (&names_filter, b.table);
      g_once_init_leave (&table, lede_frozen_map_new (b.table));
    }
  return table;
}

static ListHit
any_list_match_uncached (const Ctx *c, guint i, guint limit)
{
  ListHit best = { 0, LEDE_ACTOR_OTHER, NULL };
  const LedeFrozenMap *table = names_table (c);
  char buf[KEY_MAX];
  const NameEntry *e;
  guint max;
  int mode = 0;
  gsize n;
  const char *s;

  /* The token as written, where it is. The filter turns away most words
   * unhashed, in either case ("BRUSSELS" below folds to its bits too). */
  s = str (c, i, &n);
  if (n + 2 > sizeof buf || !lede_word_filter_may_hold (&names_filter, s, n))
    return best;
  e = lede_frozen_map_lookup (table, s, n);
  if (e == NULL && (tok (c, i)->flags & LEDE_TOKEN_UPPER))
    {
      /* Capitals in datelines and headlines: "BRUSSELS", "NEW YORK". */
      mode = 2;
      n = join (c, i, i + 1, buf, sizeof buf, mode);
      e = lede_frozen_map_lookup (table, buf, n);
    }
  if (e == NULL)
    return best;
  max = MAX (e->words, 1);
  for (guint k = MIN (max, limit - i); k >= 2; k--)
    {
      const NameEntry *m;
      /* No key is longer than the longest entry: join() stops there. */
      n = join (c, i, i + k, buf, MIN (sizeof buf, table->max_len + 2), mode);
      if (n == 0)
        continue;
      m = lede_frozen_map_lookup (table, buf, n);
      if (m != NULL && m->kind != 0)
        {
          best = (ListHit){ k, m->kind - 1, m->canon };
          return best;
        }
    }
  /* A short all-capitals word is an acronym, not a shouted name ("LOS
   * ANGELES" is found above, "CAN" is not Canada's anything). */
  if (e->kind != 0 && !(mode == 2 && tok (c, i)->bend - tok (c, i)->bstart < 4))
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

/* After a town's name these make it a team: "Blackburn have", "Leeds
 * manager". */
static const char *const plural_verbs[] = { "have", "are", "were", NULL };
static const char *const team_words[] = {
  "boss",   "manager", "striker", "midfielder", "defender", "goalkeeper",
  "keeper", "winger",  "coach",   "fans",       "forward",  NULL,
};

/* Is token @i a month's name ("August", "Aug.")? */
static gboolean
is_month (const Ctx *c, guint i)
{
  const char *v = lookup_tok (c, c->dates, i, FALSE);
  return v != NULL && g_str_has_prefix (v, "m ");
}

/* Before a town's name: "the mayor of Rivertown", "in Rivertown". */
static const char *const town_preps[] = { "of", "in", "at", "from", "near", "outside", NULL };

/* Is working actor @a an institution whose name is a place and a word
 * ("Rivertown University", "Kent Police")? */
static gboolean
institution_named_for (const Ctx *c, int a)
{
  static const char *const institutions[] = {
    "university", "college", "hospital", "airport", "council", "police", "museum",    "library",
    "school",     "stadium", "station",  "port",    "zoo",     "prison", "cathedral", NULL,
  };
  const WorkActor *w = &g_array_index (c->work, WorkActor, a);
  const Cand *name;

  if (w->kind != LEDE_ACTOR_ORGANIZATION || w->name_cand < 0)
    return FALSE;
  name = &g_array_index (c->cands, Cand, w->name_cand);
  return name->end == name->first + 2 && tok_in (c, name->end - 1, institutions);
}

/* Verbs of a match result: "Aalborg beat Odense 3-0". */
static const char *const result_verbs[] = {
  "beat",    "beats",    "defeated", "defeat",   "drew",     "thrashed",   "edged", "routed",
  "crushed", "overcame", "upset",    "hammered", "trounced", "eliminated", NULL,
};

/* How a side wins: "by an innings and 39 runs", "by five wickets". */
static const char *const margin_words[] = { "runs", "wickets", "innings", "goals", "tries", NULL };

/* "3-0", "1-1": a score right after @i. */
static gboolean
score_at (const Ctx *c, guint i)
{
  /* Goals and points, not dates ("1996-08-25") or years ("2023-24"). */
  return i + 2 < c->n && (tok (c, i)->flags & LEDE_TOKEN_NUMBER) && tok_is (c, i + 1, "-")
         && !(tok (c, i + 1)->flags & LEDE_TOKEN_SPACE_BEFORE) && (tok (c, i + 2)->flags & LEDE_TOKEN_NUMBER)
         && !(tok (c, i + 2)->flags & LEDE_TOKEN_SPACE_BEFORE) && tok (c, i)->bend - tok (c, i)->bstart <= 3
         && tok (c, i + 2)->bend - tok (c, i + 2)->bstart <= 3 && !(i + 3 < c->n && tok_is (c, i + 3, "-"));
}

/* A match score, not a set score: "6-3 6-4" is tennis, and its players
 * are people. */
static gboolean
match_score_at (const Ctx *c, guint i)
{
  return score_at (c, i) && !score_at (c, i + 3) && !(i >= 3 && score_at (c, i - 3));
}

/* A one-word name in a match result is a team: "Aalborg beat Odense 3-0",
 * "held to a 1-1 draw by Silkeborg". */
static gboolean
in_match_result (const Ctx *c, guint p)
{
  guint e = p + 1;

  if (match_score_at (c, e))
    return TRUE;
  if (tok_in (c, e, result_verbs))
    for (guint j = e + 1; j < c->n && j < e + 10 && tok (c, j)->sentence == tok (c, p)->sentence; j++)
      if (match_score_at (c, j) || tok_in (c, j, margin_words))
        return TRUE;
  /* "held to a 1-1 draw by Silkeborg", "a 2-0 win over Odense" */
  if (p > 0 && (tok_is (c, p - 1, "by") || tok_is (c, p - 1, "over") || tok_is (c, p - 1, "against")))
    for (guint j = p > 8 ? p - 8 : 0; j + 1 < p; j++)
      if (tok (c, j)->sentence == tok (c, p)->sentence && match_score_at (c, j))
        return TRUE;
  if (p > 0 && tok_in (c, p - 1, result_verbs))
    {
      /* … and a score or a margin follows in the same sentence. */
      for (guint j = e; j < c->n && j < e + 10 && tok (c, j)->sentence == tok (c, p)->sentence; j++)
        if (match_score_at (c, j) || tok_in (c, j, margin_words))
          return TRUE;
    }
  return FALSE;
}

static void
country_entry (const char *entry, const char *value, gpointer user_data)
{
  (void) entry;
  if (value != NULL && value[0] != '\0')
    g_hash_table_add (user_data, (gpointer) value);
}

static GHashTable *
countries_table (const Ctx *c)
{
  static GHashTable *countries;

  if (g_once_init_enter (&countries))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);
      lede_word_list_foreach (c->demonyms, country_entry, t);
      g_once_init_leave (&countries, t);
    }
  return countries;
}

/* Are tokens [a, b) a country (a place some demonym names), or a short
 * form of one ("U.S.")? */
static gboolean
is_country_range (const Ctx *c, guint a, guint b, const char *canon)
{
  char buf[KEY_MAX];

  if (canon != NULL && g_hash_table_contains (countries_table (c), canon))
    return TRUE;
  if (join (c, a, b, buf, sizeof buf, FALSE) == 0)
    return FALSE;
  return g_hash_table_contains (countries_table (c), buf);
}

static gboolean
is_country (const Ctx *c, guint i)
{
  return is_country_range (c, i, i + 1, NULL);
}

/* After an unknown name these make it a product. */
static const char *const product_nouns[] = {
  "system",   "systems", "app",       "apps",    "software", "platform",  "drug",   "drugs",   "vaccine",
  "model",    "models",  "chip",      "chips",   "phone",    "phones",    "device", "devices", "feature",
  "features", "tool",    "tools",     "console", "program",  "programme", "brand",  "product", "products",
  "engine",   "chatbot", "browser",   "game",    "series",   "aircraft",  "jet",    "jets",    "missile",
  "missiles", "rocket",  "satellite", "variant", "strain",   "index",     NULL,
};

/* Words that end a role read backwards from a name. */
static const char *const role_stops[] = {
  "the",  "a",  "an",  "and", "or", "but", "said", "says", "told",
  "with", "by", "for", "to",  "of", "in",  "on",   "at",   NULL,
};

static const char *const month_preps[] = {
  "in",   "on",   "since", "until", "by",      "early", "late", "mid",
  "last", "next", "this",  "from",  "through", "of",    NULL,
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

  /* A lone capital letter ("O" in "TSLA.O", "Plan B") is no name. */
  if (len == 1)
    return FALSE;
  /* "D-Calif.", "R-Texas": a party and a state */
  if (len > 2 && s[1] == '-' && g_ascii_isupper (s[0]))
    return FALSE;
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

/* Is the possessive at @j part of an organization's name, as in "King's
 * College London", "Dockworkers' Union", "Children's Hospital"? Only
 * when an organization word follows and the owner is not a place
 * ("China’s Ministry of Commerce" is China's ministry). */
static gboolean
possessive_in_name (const Ctx *c, guint i, guint j)
{
  const char *w;
  ListHit h;

  if (!is_cap (c, j + 1) || tok (c, j + 1)->sentence != tok (c, i)->sentence)
    return FALSE;
  if (tok (c, j)->flags & LEDE_TOKEN_SPACE_BEFORE)
    return FALSE;
  w = org_word (c, j + 1);
  if (w == NULL || w[0] != '\0')
    return FALSE;
  h = any_list_match (c, i, j);
  if (h.len == j - i && h.kind == LEDE_ACTOR_PLACE)
    return FALSE;
  return TRUE;
}

/* The end of the capitalized chunk that starts at @i. */
static guint
chunk_end (const Ctx *c, guint i)
{
  guint j = i + 1;

  if (is_possessive (c, j) && !possessive_in_name (c, i, j))
    return j;
  if (is_possessive (c, j))
    j++;
  while (j < c->n && j - i < MAX_CHUNK)
    {
      if (is_cap (c, j) && tok (c, j)->sentence == tok (c, i)->sentence && !is_always_common (c, j)
          && !(tok (c, j)->flags & LEDE_TOKEN_PARAGRAPH_START))
        {
          j++;
          if (is_possessive (c, j))
            {
              if (!possessive_in_name (c, i, j))
                break;
              j++;
            }
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
  guint end = s;

  /* "Portugal's infrastructure minister, João Cardoso, …" */
  if (s >= 2 && tok_is (c, s - 1, ",") && is_lower_word (c, s - 2))
    end = s - 1;
  for (guint k = 1; k <= max && k <= end; k++)
    {
      guint a = end - k;
      if (!is_word (c, a) || tok (c, a)->sentence != tok (c, s)->sentence)
        break;
      if (title_len (c, a, end) == k)
        best = a;
    }
  if (best == end)
    return s;
  if (end < s)
    {
      /* The owner may be a possessive: "Portugal's". */
      while (best > 0 && !is_cap (c, best - 1) && !is_possessive (c, best - 1) && end - best < 4
             && is_lower_word (c, best - 1) && !tok_in (c, best - 1, role_stops))
        best--;
      if (best >= 2 && is_possessive (c, best - 1) && is_cap (c, best - 2))
        best -= 2;
      return best;
    }
  /* Take an owner right before it: "Scotland captain", "Venezuelan
   * foreign minister", "U.S. Secretary of State". */
  while (best > 0 && is_cap (c, best - 1) && tok (c, best - 1)->sentence == tok (c, s)->sentence
         && !is_possessive (c, best) && s - best < 8)
    {
      /* "Union leader …" opening a sentence: the owner stays, but not "The". */
      if (sentence_initial (c, best - 1) && lookup_tok (c, c->function, best - 1, TRUE) != NULL)
        break;
      best--;
    }
  return best;
}

/* A descriptor in an apposition: "Dutch Bros, a coffee chain," "Kherson,
 * a port city". */
static const char *
descriptor_after (const Ctx *c, guint e)
{
  guint q = e + 1;

  if (!tok_is (c, e, ",") || !(tok_is (c, q, "a") || tok_is (c, q, "an") || tok_is (c, q, "the")))
    return NULL;
  for (q++; q < e + 6 && is_lower_word (c, q); q++)
    {
      const char *v = lookup_tok (c, c->org_words, q, FALSE);
      if (v != NULL && g_str_has_prefix (v, "pre-") && !is_possessive (c, q + 1)
          && (!is_lower_word (c, q + 1) || lookup_tok (c, c->function, q + 1, TRUE) != NULL))
        return v + 4;
    }
  return NULL;
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
  /* Two words first: "chip designer" is a company where "designer" alone
   * is a person's title. */
  if (a >= 2 && is_lower_word (c, a - 2))
    {
      v = lookup_range (c, c->org_words, a - 2, a, FALSE);
      if (v != NULL && g_str_has_prefix (v, "pre-"))
        return v + 4;
    }
  v = lookup_tok (c, c->org_words, a - 1, FALSE);
  if (v != NULL && g_str_has_prefix (v, "pre-"))
    return v + 4;
  return NULL;
}

/* An apposition after a name: "Theresa May, the former British prime
 * minister", "Dario Amodei, the chief executive of Anthropic". Returns
 * the role's end and sets *first, or returns 0. */
static guint
role_after (const Ctx *c, guint e, guint *first)
{
  guint p = e + 1, q, tl = 0;

  if (!tok_is (c, e, ",") || p >= c->n)
    return 0;
  if (tok_is (c, p, "the") || tok_is (c, p, "a") || tok_is (c, p, "an"))
    p++;
  *first = p;
  /* Modifiers and owners before the title: "former British", "Siemens". */
  for (q = p; q < p + 4 && q < c->n; q++)
    {
      const char *v;
      if (tok (c, q)->sentence != tok (c, e)->sentence)
        return 0;
      if ((tl = title_len (c, q, c->n)) > 0)
        break;
      v = is_word (c, q) ? lookup_tok (c, c->titles, q, TRUE) : NULL;
      if (!is_cap (c, q) && (v == NULL || strcmp (v, "mod") != 0))
        return 0;
    }
  if (tl == 0)
    return 0;
  q += tl;
  /* "… of Anthropic" */
  if ((tok_is (c, q, "of") || tok_is (c, q, "at")) && is_cap (c, q + 1))
    {
      q++;
      while (q < c->n && is_cap (c, q) && q < e + 12)
        q++;
    }
  return q;
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
  if (e == p + 1 && kind == LEDE_ACTOR_PLACE && strength == STRENGTH_LIST && canon == NULL
      && !is_country (c, p)
      && (tok_in (c, e, team_words) || (tok_in (c, e, plural_verbs) && !tok_is (c, p - 1, "the"))))
    kind = LEDE_ACTOR_ORGANIZATION, strength = STRENGTH_TEAM;
  if (e == p + 1 && role_first == role_end
      && (strength == 0
          || (kind == LEDE_ACTOR_PLACE && strength == STRENGTH_LIST && canon == NULL && !is_country (c, p)))
      && in_match_result (c, p))
    kind = LEDE_ACTOR_ORGANIZATION, strength = STRENGTH_TEAM;
  if (strength == 0 && role_first == role_end)
    {
      guint rf = 0, re = role_after (c, e, &rf);
      if (re > rf && !(tok (c, p)->flags & LEDE_TOKEN_UPPER))
        role_first = rf, role_end = re;
    }
  if (strength == 0 && role_first < role_end && p >= 2 && is_lower_word (c, p - 2) && is_lower_word (c, p - 1)
      && (v = lookup_range (c, c->org_words, p - 2, p, FALSE)) != NULL && g_str_has_prefix (v, "pre-"))
    {
      /* "chip designer Noordlicht": the title word is part of a company's
       * descriptor, so there is no person and no role. */
      kind = strcmp (v + 4, "place") == 0 ? LEDE_ACTOR_PLACE : LEDE_ACTOR_ORGANIZATION;
      strength = STRENGTH_RULE;
      role_first = role_end = 0;
    }
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
  if (strength == 0 && e > p + 1 && is_given (c, p))
    kind = LEDE_ACTOR_PERSON, strength = STRENGTH_GIVEN_NAME;
  if (strength == 0 && (v = descriptor_after (c, e)) != NULL)
    {
      kind = strcmp (v, "place") == 0 ? LEDE_ACTOR_PLACE : LEDE_ACTOR_ORGANIZATION;
      strength = STRENGTH_RULE;
    }
  if (strength == 0 && e > p + 1)
    {
      /* A place and a name after it: a team, a company, a paper
       * ("Tennessee Titans", "Texas Instruments", "Boston Globe"). */
      ListHit h = any_list_match (c, p, e);
      if (h.len > 0 && h.len < e - p && h.kind == LEDE_ACTOR_PLACE && is_cap (c, p + h.len))
        kind = LEDE_ACTOR_ORGANIZATION, strength = STRENGTH_RULE;
    }
  if (strength == 0)
    {
      guint after = e;
      if (tok_is (c, after, ","))
        after++;
      /* "in X" before "X said": "… in Heidelberg, said the team". */
      if (p > 0
          && (tok_in (c, p - 1, place_preps) || (tok_is (c, p - 1, "the") && tok_in (c, p - 2, place_preps))))
        kind = LEDE_ACTOR_PLACE, strength = STRENGTH_CONTEXT;
      else if (tok_in (c, after, say_verbs) || tok_is (c, after, "who"))
        kind = LEDE_ACTOR_PERSON, strength = STRENGTH_CONTEXT;
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

  /* "the Autopilot system", "Gemini models": products, not actors. */
  if (strength <= STRENGTH_CONTEXT && tok_in (c, e, product_nouns))
    return -1;
  /* "Harriers manager Louise Grant": a name before a team role is a team. */
  if (strength < STRENGTH_GIVEN_NAME && tok_in (c, e, team_words))
    kind = LEDE_ACTOR_ORGANIZATION, strength = STRENGTH_TEAM;
  /* A generic head alone ("the Board", "the Company") names an actor
   * only as the short form of one named in full. */
  if (e == p + 1 && strength == STRENGTH_RULE && org_word (c, p) != NULL)
    weak = TRUE;
  /* At the start of a sentence a listed name that is also a common word
   * ("House prices …") needs support from elsewhere too. */
  ci = add_cand (c, p, e, kind, strength,
                 weak && (strength < STRENGTH_RULE || (e == p + 1 && is_common (c, p))) ? CAND_WEAK : 0);
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
 * Ana Ribeiro", "Siemens | CEO | Anand Raghavan") and adds the
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
  if (whole.len == e - s || (head != NULL && e > s + 1 && title_before_name (c, s, e) == 0))
    p = e;

  while (p < e)
    {
      guint tl = title_before_name (c, p, e);
      if (tl > 0)
        {
          title_seen = TRUE;
          p += tl;
          /* "President of Chile Tomás Ribeiro": the owner joins the role. */
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
          for (guint t = p + 1; t < e && !(t > p + 1 && is_given (c, p)); t++)
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
  if (title_seen && (p >= e || !is_cap (c, p)))
    return -1; /* only a title: "Minister of Finance" */
  if (title_seen)
    {
      /* "Chile’s President Tomás Ribeiro": the owner joins the role. */
      role_first = s;
      if (s >= 2 && is_possessive (c, s - 1) && is_cap (c, s - 2))
        {
          role_first = s - 2;
          while (role_first > 0 && s - role_first < 6 && is_cap (c, role_first - 1)
                 && tok (c, role_first - 1)->sentence == tok (c, s)->sentence)
            role_first--;
        }
      return type_name (c, p, e, role_first, role_end, weak);
    }
  if (title_len (c, s, e) == e - s)
    return -1; /* "the CEO", "the President" */
  /* "Russian Wagner Group": the adjective is no part of the name. */
  if (demonym_country (c, s) != NULL && whole.len != e - s && e > s + 1
      && (any_list_match (c, s + 1, e).len == e - s - 1 || e == s + 2))
    {
      /* …but "Portuguese Exporters Association" keeps it. */
      s++;
      if (any_list_match (c, s, e).len == 0 && e == s + 1 && is_common (c, s))
        return -1;
    }
  role_first = role_before (c, s);
  role_end = s;
  if (role_first < s && tok_is (c, s - 1, ","))
    role_end = s - 1;
  if (role_first == s)
    role_first = role_end = 0;
  return type_name (c, s, e, role_first, role_end, weak);
}

/* May the all-capitals word at @a stand for candidate @ci, as in
 * "National Election Commission (NEC)"? Not a dateline's agency ("LOS
 * ANGELES (AP)") nor a listed name of its own. */
static gboolean
acronym_fits (Ctx *c, int ci, guint a)
{
  const Cand *cand = &g_array_index (c->cands, Cand, ci);
  ListHit h;

  if (cand->kind == LEDE_ACTOR_PLACE && cand->end == cand->first + 1)
    return FALSE;
  if ((tok (c, cand->first)->flags & LEDE_TOKEN_UPPER) && cand->end > cand->first + 1)
    return FALSE;
  h = any_list_match (c, a, a + 1);
  if (h.len == 1)
    {
      /* A listed acronym fits only its own expansion. */
      char buf[KEY_MAX];
      gsize n = join (c, cand->first, cand->end, buf, sizeof buf, FALSE);
      return h.canon != NULL && n > 0 && strcmp (h.canon, buf) == 0;
    }
  return TRUE;
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

      /* "Dec. 2", "on Tue.": an abbreviated month or weekday starts no name. */
      {
        gsize len;
        const char *s = str (c, i, &len);
        if (len > 1 && s[len - 1] == '.'
            && g_strcmp0 (lede_word_list_lookup (c->abbrevs, s, len), "date") == 0)
          {
            i++;
            continue;
          }
      }

      /* "May 13", "in May", "in August": the month, not Theresa May. */
      if (is_month (c, i)
          && ((i + 1 < c->n && (tok (c, i + 1)->flags & LEDE_TOKEN_NUMBER))
              || (i > 0 && tok_in (c, i - 1, month_preps))))
        {
          i++;
          continue;
        }

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
          else if (is_given (c, i) && is_cap (c, i + 1) && !is_common (c, i + 1)
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
      /* "Booking.com", "Yahoo!" */
      if (tok_is (c, e, ".") && !(tok (c, e)->flags & LEDE_TOKEN_SPACE_BEFORE) && is_word (c, e + 1)
          && !(tok (c, e + 1)->flags & LEDE_TOKEN_SPACE_BEFORE) && !is_cap (c, e + 1))
        {
          e += 2;
          add_cand (c, i, e, LEDE_ACTOR_ORGANIZATION, STRENGTH_RULE, 0);
          i = e;
          continue;
        }

      if ((sentence_initial (c, i) || (tok (c, i)->flags & LEDE_TOKEN_TITLE)) && e > i + 1)
        {
          /* "Carmaker Volta …", "Retailer Brightwell …": a descriptor
           * capitalized only by its place is not part of the name. */
          const char *v = lookup_tok (c, c->org_words, i, TRUE);
          if (v != NULL && g_str_has_prefix (v, "pre-") && any_list_match (c, i, e).len == 0)
            {
              i++;
              continue;
            }
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
                  if (is_given (c, i))
                    keep = TRUE;
                }
              if (!keep)
                {
                  /* "May said …" after "Theresa May": it may still name an
                   * actor found elsewhere. */
                  if (e == i + 1 && lookup_tok (c, c->function, i, TRUE) == NULL)
                    add_cand (c, i, e, LEDE_ACTOR_PERSON, STRENGTH_DEFAULT, CAND_WEAK);
                  i++;
                  continue;
                }
            }
        }

      /* Possessive organizations: "the premier’s office", "Ribeiro’s
       * government"; and "Biden administration". */
      {
        guint after = is_possessive (c, e) ? e + 1 : e;
        ListHit h = any_list_match (c, i, e);
        /* Only after a person's name: a listed name or one with an
         * organization word ("Apple’s team", "Israel’s government") is
         * mentioned on its own. */
        if (tok_in (c, after, org_after_person) && h.len != e - i && org_word (c, e - 1) == NULL
            && demonym_country (c, e - 1) == NULL)
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
          guint first = cand_at (c, ci)->first;
          /* The organization itself is not mentioned there. */
          cand_at (c, ci)->flags |= CAND_DROP;
          add_cand (c, first, e + 1, LEDE_ACTOR_GROUP, STRENGTH_RULE, 0);
          i = e + 1;
          continue;
        }

      /* "National Election Commission (NEC)", "Siemens (SIE)" */
      if (ci >= 0 && tok_is (c, e, "(") && is_cap (c, e + 1) && (tok (c, e + 1)->flags & LEDE_TOKEN_UPPER)
          && acronym_fits (c, ci, e + 1))
        {
          /* "(NEC)", and tickers: "(SIE)", "(TSLA.O)" */
          guint close = 0;
          if (tok_is (c, e + 2, ")"))
            close = e + 2;
          else if (tok_is (c, e + 2, ".") && is_word (c, e + 3) && tok_is (c, e + 4, ")")
                   && !(tok (c, e + 2)->flags & LEDE_TOKEN_SPACE_BEFORE))
            close = e + 4;
          if (close > 0)
            {
              int ai
                = add_cand (c, e + 1, close, cand_at (c, ci)->kind, cand_at (c, ci)->strength, CAND_ACRONYM);
              cand_at (c, ai)->link = ci;
              e = close + 1;
            }
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
register_key (GHashTable *table, GStringChunk *keys, const char *key, int actor, gboolean exclusive)
{
  gpointer old, stored;

  if (*key == '\0')
    return;
  if (g_hash_table_lookup_extended (table, key, &stored, &old))
    {
      if (exclusive && GPOINTER_TO_INT (old) != actor + 1)
        g_hash_table_insert (table, stored, GINT_TO_POINTER (0));
      return;
    }
  g_hash_table_insert (table, g_string_chunk_insert (keys, key), GINT_TO_POINTER (actor + 1));
}

static int
lookup_key (GHashTable *table, const char *key)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (table, key)) - 1;
}

/* The first token after a leading place in an organization's name ("U.S.
 * Federal Reserve" → "Federal Reserve"), or @cand's first token. */
static guint
after_owner (const Ctx *c, const Cand *cand)
{
  ListHit h = any_list_match (c, cand->first, cand->end);

  if (cand->kind == LEDE_ACTOR_ORGANIZATION && h.len > 0 && h.kind == LEDE_ACTOR_PLACE
      && cand->first + h.len + 1 < cand->end
      && is_country_range (c, cand->first, cand->first + h.len, h.canon))
    return cand->first + h.len;
  return cand->first;
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
  register_key (c->exact, c->keys, key->str, cand->actor, FALSE);
  if (cand->canon != NULL)
    {
      fold_key (cand->canon, strlen (cand->canon), key);
      register_key (c->exact, c->keys, key->str, cand->actor, FALSE);
    }
  if (cand->end - cand->first < 2 || cand->flags & (CAND_ACRONYM | CAND_DEMONYM))
    return;

  if (w->kind == LEDE_ACTOR_PERSON)
    {
      /* Every proper suffix ("García Lorca", "Lorca") and each later
       * name word ("García"). */
      for (guint j = cand->first + 1; j < cand->end; j++)
        {
          if (!is_cap (c, j))
            continue;
          fold_range (c, j, cand->end, key);
          register_key (c->partial, c->keys, key->str, cand->actor, TRUE);
          fold_range (c, j, j + 1, key);
          register_key (c->partial, c->keys, key->str, cand->actor, TRUE);
          if (is_prefixed_name (c, j))
            {
              /* "al-Assad" → "Assad" */
              const char *dash = strchr (key->str, '-');
              if (dash != NULL)
                register_key (c->partial, c->keys, dash + 1, cand->actor, TRUE);
            }
        }
    }
  else if (w->kind == LEDE_ACTOR_ORGANIZATION)
    {
      guint last = cand->end - 1;
      char initials[32];
      guint ni = 0;
      gboolean object = FALSE;

      for (guint j = cand->first; j < last; j++)
        if (is_lower_word (c, j))
          object = TRUE;
      /* "U.S. Federal Reserve" → "Federal Reserve" */
      if (after_owner (c, cand) > cand->first)
        {
          fold_range (c, after_owner (c, cand), cand->end, key);
          register_key (c->partial, c->keys, key->str, cand->actor, TRUE);
        }
      /* "Apple Inc." → "Apple", "Northwind Foods" → "Northwind", "Ford
       * Motor Co" → "Ford Motor", "Ford" */
      for (guint k = last; k > after_owner (c, cand) && org_word (c, k) != NULL && !object; k--)
        {
          fold_range (c, after_owner (c, cand), k, key);
          register_key (c->partial, c->keys, key->str, cand->actor, TRUE);
        }

      /* "Glasgow Rangers" → "Rangers", "the Commission"; but "Bank of
       * England" is not "England". */
      if (!object && is_cap (c, last)
          && (org_word (c, last) == NULL || strcmp (org_word (c, last), "suffix") != 0))
        {
          fold_range (c, last, last + 1, key);
          register_key (c->partial, c->keys, key->str, cand->actor, TRUE);
        }
      /* Initials: "Centers for Disease Control" → "CDC". */
      for (guint j = cand->first; j < cand->end && ni < sizeof initials - 1; j++)
        if (is_cap (c, j))
          {
            gsize len;
            initials[ni++] = lede_ascii_lower (*str (c, j, &len));
          }
      initials[ni] = '\0';
      if (ni >= 2)
        register_key (c->partial, c->keys, initials, cand->actor, TRUE);
    }
}

/* In a match report a town acting as its team ("Blackburn have …") and
 * the club word used alone ("Rovers") are one club, when there is one of
 * each. */
static void
merge_team (Ctx *c)
{
  Cand *cands = (Cand *) c->cands->data;
  int team = -1, club = -1;

  for (guint i = 0; i < c->cands->len; i++)
    {
      Cand *cand = &cands[i];
      int a = cand->actor;
      if (a < 0)
        continue;
      if (g_array_index (c->work, WorkActor, a).strength == STRENGTH_TEAM)
        {
          if (team >= 0 && team != a)
            return;
          team = a;
        }
      else if (cand->end == cand->first + 1 && org_word (c, cand->first) != NULL
               && strcmp (org_word (c, cand->first), "club") == 0
               && !g_array_index (c->work, WorkActor, a).multi
               && g_array_index (c->work, WorkActor, a).strength < STRENGTH_LIST)
        {
          if (club >= 0 && club != a)
            return;
          club = a;
        }
    }
  if (team < 0 || club < 0)
    return;
  for (guint i = 0; i < c->cands->len; i++)
    if (cands[i].actor == club)
      cands[i].actor = team;
}

static void
merge (Ctx *c)
{
  g_autoptr (GString) key = g_string_new (NULL);
  Cand *cands = (Cand *) c->cands->data;
  guint nc = c->cands->len;

  /* Pass 0: full names and listed names create actors, names of several
   * words first (step 0) so that "Redmoor Vale" is there before "Vale".
   * Pass 1: short forms and acronyms join them. Pass 2: the rest create
   * actors. Pass 3: weak candidates (sentence-initial or Title Case words)
   * and demonyms only join actors found by then. */
  for (guint step = 0; step < 5; step++)
    for (guint i = 0; i < nc; i++)
      {
        guint pass = step == 0 ? 0 : step - 1;
        Cand *cand = &cands[i];
        gboolean weak = (cand->flags & (CAND_WEAK | CAND_DEMONYM)) != 0;
        gboolean strong = !weak && !(cand->flags & CAND_ACRONYM)
                          && (cand->end > cand->first + 1 || cand->strength >= STRENGTH_RULE);
        int a;

        if (cand->actor >= 0 || (cand->flags & CAND_DROP))
          continue;
        if (pass == 0 && !strong)
          continue;
        if (step == 0 && cand->end == cand->first + 1)
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
                    && g_array_index (c->work, WorkActor, a).kind != LEDE_ACTOR_PERSON
                    && g_array_index (c->work, WorkActor, a).strength >= STRENGTH_LIST)
                  a = -1;
                /* "the mayor of Rivertown" is the town, not "Rivertown
                 * University": an institution named after a place does not
                 * take the place's name as its short form. */
                if (a >= 0 && cand->end == cand->first + 1 && cand->first > 0
                    && tok_in (c, cand->first - 1, town_preps) && institution_named_for (c, a))
                  {
                    a = -1;
                    if (cand->strength <= STRENGTH_DEFAULT)
                      cand->kind = LEDE_ACTOR_PLACE;
                  }
              }
            /* "the US Centers for Disease Control" after "the Centers for
             * Disease Control" */
            if (a < 0 && after_owner (c, cand) > cand->first)
              {
                fold_range (c, after_owner (c, cand), cand->end, key);
                a = lookup_key (c->exact, key->str);
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

  merge_team (c);
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
          const char *text = doc->text + tok (c, cand->first)->bstart;
          gsize len = tok (c, cand->end - 1)->bend - tok (c, cand->first)->bstart;
          g_autofree char *surface = NULL;
          gboolean seen = FALSE;
          gboolean shouting;

          /* Most mentions repeat a form already known: no copy then. */
          for (guint j = 0; j < actor->aliases->len && !seen; j++)
            {
              const char *alias = g_ptr_array_index (actor->aliases, j);
              seen = strncmp (alias, text, len) == 0 && alias[len] == '\0';
            }
          if (seen)
            continue;
          surface = g_strndup (text, len);
          shouting = cand->end == cand->first + 1 && (tok (c, cand->first)->flags & LEDE_TOKEN_UPPER)
                     && cand->canon == NULL && tok (c, cand->first)->bend - tok (c, cand->first)->bstart >= 4;
          lede_actor_add_alias (actor, surface);
          /* The fullest form names the actor; "JAPAN" in a headline gives
           * way to "Japan". */
          if (actor->name[0] == '\0'
              || (!shouting
                  && (name_shouting[final[a]]
                      || g_utf8_strlen (surface, -1) > g_utf8_strlen (actor->name, -1)
                      /* "José Ortega" rather than "Jose Ortega" */
                      || (g_utf8_strlen (surface, -1) == g_utf8_strlen (actor->name, -1)
                          && strlen (surface) > strlen (actor->name)))))
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
  c.abbrevs = lede_word_list_get ("abbreviations");
  c.dates = lede_word_list_get ("dates");

  c.cands = g_array_sized_new (FALSE, FALSE, sizeof (Cand), 64);
  c.work = g_array_sized_new (FALSE, FALSE, sizeof (WorkActor), 32);
  c.keys = g_string_chunk_new (1024);
  c.exact = g_hash_table_new (g_str_hash, g_str_equal);
  c.partial = g_hash_table_new (g_str_hash, g_str_equal);
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
  g_string_chunk_free (c.keys);
  g_free (c.title_like);
  g_free (c.info);
}
