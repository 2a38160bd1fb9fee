/* lede-figures.c: stage: figures: every number-bearing expression, with its qualifier, unit and what it counts. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lede-analysis-private.h"
#include "lede-wordlist.h"

/* Longest key looked up in a word list; longer tokens are never list words. */
#define KEY_MAX 64

/* The word lists this stage reads. They are merged into one table from a
 * lower-case word (or phrase) to what each list says about it, so that a
 * token needs one lookup however many lists it is checked against. */
typedef enum
{
  LIST_NUMBERS,
  LIST_UNITS,
  LIST_QUALIFIERS,
  LIST_DATES,
} ListId;

typedef struct
{
  char num_type; /* number-words: the type letter, or 0 */
  char unit_type;
  char date_type;
  gboolean function_word;
  gboolean unit_first;   /* starts a unit of more than one token ("per cent") */
  gboolean qual_last;    /* ends a qualifier ("at least") */
  double num;            /* number-words' number */
  double date_num;       /* dates' number */
  const char *unit;      /* units' unit, or NULL */
  const char *qualifier; /* qualifiers' qualifier, or NULL */
  gboolean starts;       /* a word that can start a figure */
} WordInfo;

typedef struct
{
  char *key; /* lower case */
  guint len;
  guint32 hash;
  WordInfo info;
} Entry;

/* Every word is looked up, so the table is an open-addressing one that
 * hashes the word as it lies in the text, without copying it. */
typedef struct
{
  GHashTable *building; /* lower-case entry -> WordInfo, while loading */
  Entry *entries;
  guint32 *slots; /* entry index + 1, or 0 */
  guint32 mask;
  /* Before the lookup, a word is checked against the (first letter,
   * second letter, length) of the words that can start a figure: a bit
   * per length up to 31, 27 letter classes (a-z, other). */
  guint32 may_start[27][27];
} Lists;

/* g_ascii_tolower() is a function call; this runs on every letter looked up. */
static inline char
lower_ascii (char ch)
{
  return (ch >= 'A' && ch <= 'Z') ? (char) (ch + ('a' - 'A')) : ch;
}

/* Looked up, and in no list. */
static const WordInfo no_info;

static inline guint
letter_class (char ch)
{
  ch = lower_ascii (ch);
  return ch >= 'a' && ch <= 'z' ? (guint) (ch - 'a') : 26;
}

/* The filter's bits for words that begin like @s; bit n is set when a
 * word of length n (or a compound's first part of length n) may start a figure. */
static inline guint32 *
filter_bits (Lists *lists, const char *s, gsize len)
{
  return &lists->may_start[letter_class (s[0])][len > 1 ? letter_class (s[1]) : 26];
}

static inline gboolean
filter_has (const Lists *lists, const char *s, gsize len)
{
  return (lists->may_start[letter_class (s[0])][len > 1 ? letter_class (s[1]) : 26] & (1u << MIN (len, 31)))
         != 0;
}

static inline guint32
hash_lower (const char *s, gsize len)
{
  guint32 h = 2166136261u;

  for (gsize k = 0; k < len; k++)
    {
      h ^= (guchar) lower_ascii (s[k]);
      h *= 16777619u;
    }
  return h;
}

typedef struct
{
  Lists *lists;
  ListId id;
} Merge;

static WordInfo *
word_info_for (Lists *lists, const char *entry)
{
  char *key = g_ascii_strdown (entry, -1);
  WordInfo *w = g_hash_table_lookup (lists->building, key);

  if (w == NULL)
    {
      w = g_new0 (WordInfo, 1);
      g_hash_table_insert (lists->building, key, w);
    }
  else
    g_free (key);
  return w;
}

static void
merge_entry (const char *entry, const char *value, gpointer user_data)
{
  Merge *m = user_data;
  WordInfo *w = word_info_for (m->lists, entry);
  char type = value[0] ? value[0] : '?';
  const char *rest = (value[0] && value[1] == ' ') ? value + 2 : NULL;

  switch (m->id)
    {
      case LIST_NUMBERS:
        if (w->num_type == 0)
          {
            w->num_type = type;
            w->num = rest ? g_ascii_strtod (rest, NULL) : 0;
          }
        w->starts = TRUE;
        break;
      case LIST_UNITS:
        if (w->unit_type == 0)
          {
            w->unit_type = type;
            w->unit = rest;
          }
        if (type == '$')
          w->starts = TRUE; /* "USD 5" */
        {
          /* The first token of the entry as the tokenizer cuts it: "per"
         * of "per cent", "km" of "km/h", "°" of "°c". */
          gsize n = 0;
          char first[KEY_MAX];
          if (!g_ascii_isalnum (entry[0]))
            n = g_utf8_next_char (entry) - entry;
          else
            while (entry[n]
                   && (g_ascii_isalnum (entry[n]) || entry[n] == '-' || entry[n] == '\'' || entry[n] == '.'))
              n++;
          while (n > 1 && entry[n - 1] == '.')
            n--;
          if (entry[n] != '\0' && n < sizeof first)
            {
              memcpy (first, entry, n);
              first[n] = '\0';
              word_info_for (m->lists, first)->unit_first = TRUE;
            }
        }
        break;
      case LIST_QUALIFIERS:
        if (w->qualifier == NULL && *value != '\0')
          w->qualifier = value;
        {
          const char *sp = strrchr (entry, ' ');
          word_info_for (m->lists, sp != NULL ? sp + 1 : entry)->qual_last = TRUE;
        }
        break;
      case LIST_DATES:
        if (w->date_type == 0)
          {
            w->date_type = type;
            w->date_num = rest ? g_ascii_strtod (rest, NULL) : 0;
          }
        w->starts = TRUE;
        break;
      default: break;
    }
}

static void
merge_function_word (const char *entry, const char *value, gpointer user_data)
{
  (void) value;
  word_info_for (user_data, entry)->function_word = TRUE;
}

/* Moves the entries gathered while loading into the lookup table. */
static void
lists_seal (Lists *lists)
{
  GHashTableIter iter;
  gpointer key, value;
  guint n = g_hash_table_size (lists->building);
  guint size = 64;
  guint index = 0;

  while (size < n * 4)
    size *= 2;
  lists->entries = g_new0 (Entry, n);
  lists->slots = g_new0 (guint32, size);
  lists->mask = size - 1;
  g_hash_table_iter_init (&iter, lists->building);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Entry *e = &lists->entries[index];
      guint32 p;

      e->key = key;
      e->len = strlen (key);
      e->hash = hash_lower (e->key, e->len);
      e->info = *(WordInfo *) value;
      if (e->info.starts)
        {
          const char *hy = strchr (e->key, '-');
          gsize len = hy != NULL ? (gsize) (hy - e->key) : e->len;
          *filter_bits (lists, e->key, len) |= 1u << MIN (len, 31);
        }
      for (p = e->hash & lists->mask; lists->slots[p] != 0; p = (p + 1) & lists->mask)
        ;
      lists->slots[p] = ++index;
    }
  /* The keys now belong to the entries; the table frees only its values. */
  g_hash_table_unref (lists->building);
  lists->building = NULL;
}

static const Lists *
lists_get (void)
{
  static Lists lists;
  static gsize loaded;

  if (g_once_init_enter (&loaded))
    {
      static const char *names[] = { "number-words", "units", "qualifiers", "dates" };
      static const char *starters[] = { "a", "an", "minus", "rs", "rs." };

      lists.building = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      for (guint k = 0; k < G_N_ELEMENTS (names); k++)
        {
          Merge m = { &lists, k };
          lede_word_list_foreach (lede_word_list_get (names[k]), merge_entry, &m);
        }
      lede_word_list_foreach (lede_word_list_get ("function-words"), merge_function_word, &lists);
      /* "a dozen", "minus 5", "Rs 500" */
      for (guint k = 0; k < G_N_ELEMENTS (starters); k++)
        word_info_for (&lists, starters[k])->starts = TRUE;
      lists_seal (&lists);
      g_once_init_leave (&loaded, 1);
    }
  return &lists;
}

typedef struct
{
  LedeDoc *doc;
  const Lists *l;
  const WordInfo **info; /* per token, looked up on first use; NULL before */
  guint n;
  guint done;   /* tokens before this one belong to a figure already */
  int prev_fig; /* the last figure found, for ranges ("10 to 15%"), or -1 */
  guint prev_first;
  guint prev_num;
  guint prev_end;
  gboolean prev_bare_unscaled;
  guint skip_to; /* tokens before this one are passed over */
} Ctx;

/* What a number reads as, before the words around it say more. */
typedef enum
{
  AMOUNT_CARDINAL,
  AMOUNT_ORDINAL,
  AMOUNT_FRACTION, /* "a third of": a percent */
  AMOUNT_DECADE,   /* "1990s", "her 30s" */
  AMOUNT_TIME,     /* "10:30", "3 p.m." */
} AmountKind;

typedef struct
{
  AmountKind kind;
  double value;
  guint end;            /* one past its last token */
  gboolean plain;       /* digits only: no separator, decimals, scale or suffix */
  gboolean words;       /* spelled out ("six") */
  gboolean scaled;      /* a "million" or "bn" applied */
  double scale;         /* ... by how much */
  char unit_type;       /* from a suffix or compound: '$' 'p' 'd' 'a' 'q' or 0 */
  const char *unit;     /* static or word-list memory */
  gboolean hyphen_tail; /* "second-straight": a word after the number in one token */
  guint int_digits;
  char time[8];
} Amount;

typedef struct
{
  guint first; /* the span, in tokens */
  guint end;
  guint num; /* the number's first token */
  LedeFigureKind kind;
  double value;
  char date[24];
  const char *unit; /* static or word-list memory, or NULL */
  guint noun_first; /* the counted noun, when the unit is a word of the text */
  guint noun_end;
  const char *qualifier;
  gboolean bare; /* a plain count with no unit: a range partner may give it one */
  gboolean scaled;
  double scale;
} Cand;

/* ---- tokens ---- */

static inline const LedeToken *
tok (const Ctx *c, guint i)
{
  return lede_doc_token (c->doc, i);
}

static inline guint
tflags (const Ctx *c, guint i)
{
  return i < c->n ? tok (c, i)->flags : 0;
}

static inline gboolean
is_word (const Ctx *c, guint i)
{
  return (tflags (c, i) & LEDE_TOKEN_WORD) != 0;
}

static inline gboolean
is_number (const Ctx *c, guint i)
{
  return (tflags (c, i) & LEDE_TOKEN_NUMBER) != 0;
}

/* Is token i glued to the one before it? */
static inline gboolean
glued (const Ctx *c, guint i)
{
  return i < c->n && !(tflags (c, i) & (LEDE_TOKEN_SPACE_BEFORE | LEDE_TOKEN_PARAGRAPH_START));
}

/* Are tokens @a and @b in one sentence? A line break ends a figure too
 * (lists and tables put one item a line), so @b must not start a line. */
static inline gboolean
same_sentence (const Ctx *c, guint a, guint b)
{
  if (a >= c->n || b >= c->n || tok (c, a)->sentence != tok (c, b)->sentence)
    return FALSE;
  return b <= a || !(tok (c, b)->flags & LEDE_TOKEN_PARAGRAPH_START);
}

static inline const char *
tstr (const Ctx *c, guint i, gsize *len)
{
  return lede_doc_token_str (c->doc, i, len);
}

static inline gboolean
tok_is (const Ctx *c, guint i, const char *lower)
{
  return lede_doc_token_is_fold (c->doc, i, lower);
}

static inline gboolean
punct_is (const Ctx *c, guint i, const char *s)
{
  const LedeToken *t;
  gsize n = strlen (s);

  if (!(tflags (c, i) & LEDE_TOKEN_PUNCT))
    return FALSE;
  t = tok (c, i);
  return t->bend - t->bstart == n && memcmp (c->doc->text + t->bstart, s, n) == 0;
}

static inline gboolean
is_dash (const Ctx *c, guint i)
{
  return punct_is (c, i, "-") || punct_is (c, i, "–") || punct_is (c, i, "—");
}

static gboolean
has_upper (const char *s, gsize len)
{
  for (gsize k = 0; k < len; k++)
    if (g_ascii_isupper (s[k]))
      return TRUE;
  return FALSE;
}

static inline gboolean
ends_with (const char *s, gsize len, const char *suffix)
{
  gsize n = strlen (suffix);
  return len >= n && memcmp (s + len - n, suffix, n) == 0;
}

static gboolean
has_digit (const char *s, gsize len)
{
  for (gsize k = 0; k < len; k++)
    if (g_ascii_isdigit (s[k]))
      return TRUE;
  return FALSE;
}

/* The ASCII-lower-case text of tokens [first, end) with one space where the
 * text has white space, in @buf; 0 when it does not fit. */
static gsize
key_of (const Ctx *c, guint first, guint end, char *buf, gsize size)
{
  gsize n = 0;

  for (guint i = first; i < end; i++)
    {
      gsize len;
      const char *s = tstr (c, i, &len);

      if (i > first && !glued (c, i))
        {
          if (n + 1 >= size)
            return 0;
          buf[n++] = ' ';
        }
      if (n + len >= size)
        return 0;
      for (gsize k = 0; k < len; k++)
        buf[n++] = lower_ascii (s[k]);
    }
  buf[n] = '\0';
  return n;
}

static const WordInfo *
info_lookup (const Lists *l, const char *key, gsize len)
{
  guint32 h = hash_lower (key, len);

  for (guint32 p = h & l->mask;; p = (p + 1) & l->mask)
    {
      guint32 index = l->slots[p];
      const Entry *e;
      gsize k;

      if (index == 0)
        return &no_info;
      e = &l->entries[index - 1];
      if (e->hash != h || e->len != len)
        continue;
      for (k = 0; k < len && e->key[k] == lower_ascii (key[k]); k++)
        ;
      if (k == len)
        return &e->info;
    }
}

static char
info_get (const WordInfo *w, ListId list, double *num, const char **rest)
{
  if (num != NULL)
    *num = 0;
  if (rest != NULL)
    *rest = NULL;
  switch (list)
    {
      case LIST_NUMBERS:
        if (num != NULL)
          *num = w->num;
        return w->num_type;
      case LIST_UNITS:
        if (rest != NULL)
          *rest = w->unit;
        return w->unit_type;
      case LIST_QUALIFIERS:
        if (rest != NULL)
          *rest = w->qualifier;
        return w->qualifier != NULL ? 'q' : 0;
      case LIST_DATES:
        if (num != NULL)
          *num = w->date_num;
        return w->date_type;
      default: return 0;
    }
}

/* A list entry's type (its value's first character) and its number or
 * unit (what follows the space); 0 when the entry is not in the list. */
static char
lookup_l (const Lists *l, ListId list, const char *key, gsize len, double *num, const char **rest)
{
  return info_get (info_lookup (l, key, len), list, num, rest);
}

static const WordInfo *
tok_info (const Ctx *c, guint i)
{
  if (c->info[i] == NULL)
    {
      gsize len;
      const char *s = tstr (c, i, &len);
      c->info[i] = (tflags (c, i) & LEDE_TOKEN_PUNCT) && len == 1 && s[0] != '%' && s[0] != '$'
                     ? &no_info
                     : info_lookup (c->l, s, len);
    }
  return c->info[i];
}

static char
lookup_tok (const Ctx *c, ListId list, guint i, double *num, const char **rest)
{
  if (i >= c->n)
    return 0;
  return info_get (tok_info (c, i), list, num, rest);
}

/* Can the word token @i start a figure? Most words cannot, and this is
 * the one check they get. */
static gboolean
word_may_start (const Ctx *c, guint i, const char *s, gsize len)
{
  const char *hy;

  if (tflags (c, i) & LEDE_TOKEN_UPPER)
    return TRUE;
  if (filter_has (c->l, s, len) && tok_info (c, i)->starts)
    return TRUE;
  if (g_ascii_isdigit (s[len - 1]))
    return TRUE; /* "Q3", "FY24", "mid-2024" */
  hy = memchr (s, '-', len);
  if (hy != NULL && hy > s)
    return info_lookup (c->l, s, hy - s)->starts;      /* "forty-two", "six-year", "mid-1990s" */
  return punct_is (c, i + 1, "$") && glued (c, i + 1); /* "US$5" */
}

/* A word that cannot be part of the noun a number counts. */
static gboolean
is_stop (const Ctx *c, guint i)
{
  const WordInfo *w = tok_info (c, i);
  return w->unit_type == '-' || w->function_word;
}

/* A month written with a capital ("July", "Sept."): its number, or 0. */
static int
month_at (const Ctx *c, guint i)
{
  double num;

  if (!is_word (c, i) || !(tflags (c, i) & LEDE_TOKEN_CAPITALIZED))
    return 0;
  if (lookup_tok (c, LIST_DATES, i, &num, NULL) != 'm')
    return 0;
  return (int) num;
}

/* Does the token start a clause, so that a capital there says nothing? */
static gboolean
clause_start (const Ctx *c, guint i)
{
  if (tflags (c, i) & (LEDE_TOKEN_SENTENCE_START | LEDE_TOKEN_PARAGRAPH_START))
    return TRUE;
  if (i == 0)
    return TRUE;
  if (tflags (c, i - 1) & (LEDE_TOKEN_QUOTE))
    return TRUE;
  return punct_is (c, i - 1, ":") || punct_is (c, i - 1, "(") || is_dash (c, i - 1);
}

/* ---- numbers ---- */

typedef struct
{
  double value;
  gboolean plain;
  guint int_digits;
  const char *suffix;
  gsize suffix_len;
} Digits;

static gboolean
parse_digits (const char *s, gsize len, Digits *d)
{
  static const double tens[]
    = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };
  guint64 mantissa = 0;
  guint digits = 0, decimals = 0;
  gsize k;
  gboolean decimal = FALSE;

  d->plain = TRUE;
  d->int_digits = 0;
  for (k = 0; k < len; k++)
    {
      char ch = s[k];

      if (g_ascii_isdigit (ch))
        {
          /* Both integers are exact below 2^53, so their quotient is the
           * correctly rounded value, as strtod would give. */
          if (++digits > 15)
            return FALSE;
          mantissa = mantissa * 10 + (guint64) (ch - '0');
          if (decimal)
            decimals++;
          else
            d->int_digits++;
        }
      else if (ch == ',' && !decimal)
        d->plain = FALSE;
      else if (ch == '.' && !decimal)
        {
          decimal = TRUE;
          d->plain = FALSE;
        }
      else if (ch == '.' || ch == ',')
        return FALSE; /* "1.2.3": a version, not a number */
      else
        break;
    }
  d->value = (double) mantissa / tens[decimals];
  d->suffix = s + k;
  d->suffix_len = len - k;
  return TRUE;
}

static gboolean
is_ordinal_suffix (const char *s, gsize len)
{
  char a, b;

  if (len != 2)
    return FALSE;
  a = lower_ascii (s[0]);
  b = lower_ascii (s[1]);
  return (a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') || (a == 't' && b == 'h');
}

static void
set_time (Amount *a, int hour, int minute, const char *ampm)
{
  if (ampm != NULL && g_ascii_strncasecmp (ampm, "pm", 2) == 0 && hour < 12)
    hour += 12;
  else if (ampm != NULL && g_ascii_strncasecmp (ampm, "am", 2) == 0 && hour == 12)
    hour = 0;
  a->kind = AMOUNT_TIME;
  a->value = hour + minute / 60.0;
  g_snprintf (a->time, sizeof a->time, "%02d:%02d", hour, minute);
}

/* A scale word after the number ("1.5 billion", "$4 m"): multiplies @a. */
static void
apply_scales (Ctx *c, Amount *a, gboolean money)
{
  for (;;)
    {
      double num;
      guint k = a->end;
      char type;

      /* "$5-million" */
      if (punct_is (c, k, "-") && glued (c, k) && glued (c, k + 1))
        k++;
      if (k >= c->n || !is_word (c, k) || !same_sentence (c, a->end - 1, k)
          || (tflags (c, k) & LEDE_TOKEN_PARAGRAPH_START))
        break;
      type = lookup_tok (c, LIST_NUMBERS, k, &num, NULL);
      if (type == 0)
        {
          /* "2-million-strong" */
          gsize len;
          const char *s = tstr (c, k, &len);
          const char *hy = memchr (s, '-', len);
          if (hy != NULL && hy > s)
            type = lookup_l (c->l, LIST_NUMBERS, s, hy - s, &num, NULL);
          if (type != 'x')
            break;
        }
      /* "m" and "k" alone are metres and other things unless money is counted */
      if (type == 'x' || (type == 's' && money))
        {
          a->value *= num;
          a->scale *= num;
          a->scaled = TRUE;
          a->plain = FALSE;
          a->end = k + 1;
        }
      else
        break;
    }
}

static gboolean counted_noun (Ctx *c, guint j, gboolean singular, guint *first, guint *end);

static gboolean
m_is_million (Ctx *c, guint j)
{
  guint nf, ne;

  if (lookup_tok (c, LIST_UNITS, j, NULL, NULL) == 'r')
    return FALSE;
  return tok_is (c, j, "of") || counted_noun (c, j, FALSE, &nf, &ne);
}

/* A suffix stuck to the digits: "10th", "1990s", "5bn", "10km", "3pm". */
static gboolean
apply_suffix (Ctx *c, const Digits *d, Amount *a, gboolean money)
{
  char buf[KEY_MAX];
  const char *s = d->suffix;
  gsize len = d->suffix_len;
  double num;
  const char *unit;
  char type;

  if (len == 0)
    return TRUE;
  a->plain = FALSE;
  if (is_ordinal_suffix (s, len))
    {
      a->kind = AMOUNT_ORDINAL;
      return TRUE;
    }
  if (len == 1 && s[0] == 's')
    {
      /* "1990s" is a decade; "her 30s" an age; "1,000s" is vague. */
      if ((d->int_digits == 4 || d->int_digits == 2) && fmod (d->value, 10) == 0
          && d->value == floor (d->value))
        {
          a->kind = AMOUNT_DECADE;
          return TRUE;
        }
      return FALSE;
    }
  if (len >= sizeof buf)
    return FALSE;
  for (gsize k = 0; k < len; k++)
    buf[k] = lower_ascii (s[k]);
  buf[len] = '\0';
  if ((strcmp (buf, "am") == 0 || strcmp (buf, "pm") == 0) && a->value <= 12 && a->value >= 1)
    {
      int hour = (int) a->value;
      int minute = (int) lround ((a->value - hour) * 100);
      set_time (a, hour, minute, buf);
      return TRUE;
    }
  /* One capital letter stuck to digits is mostly a name ("5G", "3D", "4K"),
   * but for temperatures and money scales. */
  if (len == 1 && g_ascii_isupper (s[0]) && !strchr ("CFMBK", s[0]))
    return FALSE;
  type = lookup_l (c->l, LIST_NUMBERS, buf, len, &num, NULL);
  if (type == 'x' || type == 's')
    {
      /* Without money, "100m" is metres ("the 100m", "a 10m fall") unless
       * something is counted ("5m people", "2m of them"). */
      if (strcmp (buf, "m") == 0 && !money && !m_is_million (c, a->end))
        {
          a->unit_type = 'q';
          a->unit = "m";
          return TRUE;
        }
      if ((len == 1 && g_ascii_isupper (s[0]) && s[0] != 'M' && s[0] != 'B' && !money))
        return FALSE;
      a->value *= num;
      a->scale *= num;
      a->scaled = TRUE;
      return TRUE;
    }
  type = lookup_l (c->l, LIST_UNITS, buf, len, NULL, &unit);
  if (type != 0 && strchr ("$pdaq", type))
    {
      a->unit_type = type;
      a->unit = unit;
      return TRUE;
    }
  return FALSE;
}

/* Number words from token @i: "six", "forty-two", "two hundred and fifty
 * thousand", "twenty-first", "two-thirds", "six-year". */
static gboolean
parse_words (Ctx *c, guint i, Amount *a)
{
  double total = 0, cur = 0;
  gboolean any = FALSE;
  char last = 0;
  guint j = i;

  while (j < c->n && is_word (c, j) && (j == i || same_sentence (c, i, j)))
    {
      char buf[KEY_MAX];
      gsize len = key_of (c, j, j + 1, buf, sizeof buf);
      char *hy;
      double num;
      char type;

      if (len == 0)
        break;
      /* "two hundred and fifty" */
      if (any && last == 'x' && strcmp (buf, "and") == 0
          && lookup_tok (c, LIST_NUMBERS, j + 1, NULL, NULL) == 'c')
        {
          j++;
          continue;
        }
      hy = memchr (buf, '-', len);
      if (hy != NULL)
        {
          /* A compound: a number, then more number or a word. */
          double n1, n2;
          char t1 = lookup_l (c->l, LIST_NUMBERS, buf, hy - buf, &n1, NULL);
          const char *rest = hy + 1;
          gsize rest_len = len - (hy - buf) - 1;
          const char *unit;
          char t2, ut;

          if (any || (t1 != 'c' && t1 != 'o'))
            break;
          {
            const char *hy2 = memchr (rest, '-', rest_len);
            t2 = lookup_l (c->l, LIST_NUMBERS, rest, hy2 ? (gsize) (hy2 - rest) : rest_len, &n2, NULL);
            if (hy2 != NULL && t1 == 'c' && t2 == 'c' && n1 >= 20 && n2 < 10)
              {
                /* "forty-two-year-old": tens and units, then a word */
                n1 += n2;
                rest_len -= hy2 + 1 - rest;
                rest = hy2 + 1;
                t2 = lookup_l (c->l, LIST_NUMBERS, rest, rest_len, &n2, NULL);
              }
            else if (hy2 != NULL)
              t2 = 0;
          }
          if (t1 == 'c' && n1 >= 20 && fmod (n1, 10) == 0 && (t2 == 'c' || t2 == 'o') && n2 >= 1 && n2 < 10)
            {
              /* "forty-two", "twenty-first" */
              a->value = n1 + n2;
              a->kind = t2 == 'o' ? AMOUNT_ORDINAL : AMOUNT_CARDINAL;
              a->words = TRUE;
              a->end = j + 1;
              return TRUE;
            }
          if (t1 == 'c' && (t2 == 'F' || (t2 == 'o' && n2 >= 3 && n2 <= 100)) && n1 >= 1 && n1 < n2)
            {
              /* "two-thirds", "one-quarter" */
              a->value = round (1000.0 * n1 / n2) / 10.0;
              a->kind = AMOUNT_FRACTION;
              a->words = TRUE;
              a->end = j + 1;
              return TRUE;
            }
          ut = lookup_l (c->l, LIST_UNITS, rest, rest_len, NULL, &unit);
          if (ut != 0 && strchr ("dqa$", ut))
            {
              /* "six-year", "one-day", "five-mile", "four-year-old" */
              a->value = n1;
              a->kind = t1 == 'o' ? AMOUNT_ORDINAL : AMOUNT_CARDINAL;
              a->unit_type = ut;
              a->unit = unit;
              a->words = TRUE;
              a->end = j + 1;
              return TRUE;
            }
          if (t1 == 'o' && rest_len >= 3 && g_ascii_islower (rest[0]))
            {
              /* "second-straight", "third-largest" */
              a->value = n1;
              a->kind = AMOUNT_ORDINAL;
              a->words = TRUE;
              a->hyphen_tail = TRUE;
              a->end = j + 1;
              return TRUE;
            }
          if (t1 == 'c' && n1 >= 2 && rest_len >= 3 && g_ascii_islower (rest[0]) && t2 == 0)
            {
              /* "three-bedroom", "12-member": the word is what is counted */
              a->value = n1;
              a->kind = AMOUNT_CARDINAL;
              a->words = TRUE;
              a->hyphen_tail = TRUE;
              a->end = j + 1;
              return TRUE;
            }
          break;
        }

      type = lookup_l (c->l, LIST_NUMBERS, buf, len, &num, NULL);
      if (type == 'c')
        {
          /* "twenty five" joins; "one two" does not */
          if (last == 'c' && !(fmod (cur, 100) >= 20 && fmod (cur, 10) == 0 && num < 10))
            break;
          cur += num;
        }
      else if (type == 'x')
        {
          if (!any)
            break;
          a->scale = num;
          if (num < 1000)
            cur = (cur ? cur : 1) * num;
          else
            {
              total += (cur ? cur : 1) * num;
              cur = 0;
            }
          a->scaled = TRUE;
        }
      else if (type == 'o' && (!any || last == 'c' || last == 'x'))
        {
          /* After a cardinal, an ordinal joins only as "twenty first" or
           * "two hundredth"; "seven ninth" is no number. */
          if (any && last == 'c' && !(num >= 100 || (cur >= 20 && fmod (cur, 10) == 0 && num < 10))
              && !(num >= 3 && num <= 20 && cur < num))
            break;
          if (any && last == 'c' && num >= 3 && num <= 20 && cur < num)
            {
              /* "one third of", "one third" */
              a->value = round (1000.0 * cur / num) / 10.0;
              a->kind = AMOUNT_FRACTION;
              a->words = TRUE;
              a->end = j + 1;
              return TRUE;
            }
          if (num >= 100 && any)
            cur = (cur ? cur : 1) * num;
          else
            cur += num;
          a->kind = AMOUNT_ORDINAL;
          any = TRUE;
          j++;
          break;
        }
      else if (type == 'F' && any && last == 'c' && cur >= 1 && cur < num
               && (num != 4 || tok_is (c, j + 1, "of")))
        {
          /* "two thirds" */
          a->value = round (1000.0 * cur / num) / 10.0;
          a->kind = AMOUNT_FRACTION;
          a->words = TRUE;
          a->end = j + 1;
          return TRUE;
        }
      else
        break;
      any = TRUE;
      last = type;
      j++;
    }

  if (!any)
    return FALSE;
  a->value = total + cur;
  a->words = TRUE;
  a->end = j;
  /* "two and a half" */
  if (a->kind == AMOUNT_CARDINAL && tok_is (c, j, "and") && tok_is (c, j + 1, "a")
      && tok_is (c, j + 2, "half"))
    {
      a->value += 0.5;
      a->end = j + 3;
    }
  return TRUE;
}

/* The number at token @i, digits or words, with its scale. */
static gboolean
parse_amount (Ctx *c, guint i, Amount *a, gboolean money)
{
  memset (a, 0, sizeof *a);
  a->kind = AMOUNT_CARDINAL;
  a->end = i + 1;
  a->scale = 1;

  if (is_number (c, i))
    {
      gsize len;
      const char *s = tstr (c, i, &len);
      Digits d;

      if (!parse_digits (s, len, &d))
        return FALSE;
      a->value = d.value;
      a->plain = d.plain;
      a->int_digits = d.int_digits;
      if (!apply_suffix (c, &d, a, money))
        return FALSE;
      if (a->kind != AMOUNT_CARDINAL || a->unit_type != 0)
        return TRUE;
      /* "10:30", "10:30 a.m." */
      if (a->plain && a->value <= 24 && punct_is (c, i + 1, ":") && glued (c, i + 1) && is_number (c, i + 2)
          && glued (c, i + 2))
        {
          gsize mlen;
          const char *m = tstr (c, i + 2, &mlen);
          Digits md;
          const char *ampm = NULL;

          if (parse_digits (m, mlen, &md) && !md.plain && md.int_digits == 2 && md.value < 60
              && md.suffix_len == 0 && memchr (m, ',', mlen) == NULL)
            {
              /* "1:55.4": minutes and seconds run */
              a->value = a->value * 60 + md.value;
              a->unit_type = 'd';
              a->unit = "seconds";
              a->plain = FALSE;
              a->end = i + 3;
              return TRUE;
            }
          if (parse_digits (m, mlen, &md) && md.plain && md.int_digits == 2 && md.value < 60)
            {
              const char *part;
              a->end = i + 3;
              if (punct_is (c, i + 3, ":") && glued (c, i + 3) && is_number (c, i + 4) && glued (c, i + 4))
                {
                  /* "2:05:30": a time taken, in seconds */
                  gsize slen;
                  const char *sec = tstr (c, i + 4, &slen);
                  Digits sd;
                  if (!parse_digits (sec, slen, &sd) || sd.int_digits != 2 || sd.value >= 60)
                    return FALSE;
                  a->value = a->value * 3600 + md.value * 60 + sd.value;
                  a->unit_type = 'd';
                  a->unit = "seconds";
                  a->plain = FALSE;
                  a->end = i + 5;
                  return TRUE;
                }
              if (md.suffix_len == 2)
                ampm = md.suffix;
              else if (md.suffix_len != 0)
                return FALSE;
              if (ampm == NULL && lookup_tok (c, LIST_UNITS, a->end, NULL, &part) == 't' && part != NULL)
                {
                  ampm = part;
                  a->end++;
                }
              set_time (a, (int) a->value, (int) md.value, ampm);
              return TRUE;
            }
        }
      /* "10 a.m.", "3 pm" */
      if (a->plain && a->value >= 1 && a->value <= 12 && !money)
        {
          const char *part;
          if (lookup_tok (c, LIST_UNITS, i + 1, NULL, &part) == 't' && part != NULL
              && same_sentence (c, i, i + 1))
            {
              a->end = i + 2;
              set_time (a, (int) a->value, 0, part);
              return TRUE;
            }
        }
      if (!a->scaled)
        apply_scales (c, a, money);
      return TRUE;
    }

  if (!parse_words (c, i, a))
    return FALSE;
  if (a->kind == AMOUNT_CARDINAL && a->unit_type == 0 && !a->hyphen_tail)
    apply_scales (c, a, money);
  return TRUE;
}

/* ---- the words around a number ---- */

/* A unit after the number, at token @j: "%", "per cent", "km", "dollars",
 * "days", "-year-old". Returns its type and sets @end. */
static char
unit_at (Ctx *c, guint j, guint *end, const char **unit)
{
  char buf[KEY_MAX];

  if (j >= c->n || (tflags (c, j) & LEDE_TOKEN_PARAGRAPH_START))
    return 0;
  for (guint k = MIN (3, c->n - j); k >= 1; k--)
    {
      gsize len;
      char type;

      if (k == 1)
        {
          type = lookup_tok (c, LIST_UNITS, j, NULL, unit);
          if (type != 0 && strchr ("$pdaq", type))
            {
              *end = j + 1;
              return type;
            }
          return 0;
        }
      if (!tok_info (c, j)->unit_first || !same_sentence (c, j, j + k - 1))
        continue;
      len = key_of (c, j, j + k, buf, sizeof buf);
      if (len == 0)
        continue;
      type = lookup_l (c->l, LIST_UNITS, buf, len, NULL, unit);
      if (type != 0 && strchr ("$pdaq", type))
        {
          *end = j + k;
          return type;
        }
    }
  return 0;
}

static gboolean
is_plural_word (const Ctx *c, guint i, gboolean capitalized_ok)
{
  gsize len;
  const char *s = tstr (c, i, &len);
  char a, b;

  if (len < 3 || s[len - 1] != 's')
    return FALSE;
  a = s[len - 2];
  b = s[len - 3];
  if (a == 's' || a == 'u' || a == '\'')
    return FALSE;
  if (tflags (c, i) & LEDE_TOKEN_CAPITALIZED)
    {
      /* "Palestinians", "Israelis", but not "Hamas", "Paris" */
      if (!capitalized_ok || a == 'a' || (a == 'i' && len < 6))
        return FALSE;
      return TRUE;
    }
  if (a == 'i' && b != 'l') /* "this", "analysis"; "Israelis" is capitalized */
    return FALSE;
  return TRUE;
}

/* Does a number word start token @i ("six", "six-year", "forty-two")? */
static gboolean
starts_number (const Ctx *c, guint i)
{
  gsize len;
  const char *s = tstr (c, i, &len);
  const char *hy = memchr (s, '-', len);
  char buf[KEY_MAX];
  char type;

  if (hy != NULL)
    len = hy - s;
  if (len >= sizeof buf)
    return FALSE;
  for (gsize k = 0; k < len; k++)
    buf[k] = lower_ascii (s[k]);
  type = lookup_l (c->l, LIST_NUMBERS, buf, len, NULL, NULL);
  return type == 'c' || type == 'o' || type == 'x' || type == 'v';
}

/* The noun a number counts, from token @j: "people", "Hamas combatants",
 * "online media outlets". Singular heads count only for one and ordinals. */
static gboolean
counted_noun (Ctx *c, guint j, gboolean singular, guint *first, guint *end)
{
  guint k = j;
  guint words = 0;
  guint max = singular ? 2 : 4;

  if (tflags (c, j) & LEDE_TOKEN_PARAGRAPH_START)
    return FALSE;

  while (k < c->n && words < max && is_word (c, k) && same_sentence (c, j, k))
    {
      gsize len;
      const char *s = tstr (c, k, &len);
      char type;

      if ((tflags (c, k) & LEDE_TOKEN_POSSESSIVE) || is_stop (c, k))
        break;
      if (starts_number (c, k))
        break;
      if (month_at (c, k) || has_digit (s, len))
        break;
      type = lookup_tok (c, LIST_UNITS, k, NULL, NULL);
      if (type == 'c' && !(tflags (c, k) & LEDE_TOKEN_CAPITALIZED))
        {
          *first = j;
          *end = k + 1;
          return TRUE;
        }
      if (!singular && is_plural_word (c, k, TRUE))
        {
          gboolean capital = (tflags (c, k) & LEDE_TOKEN_CAPITALIZED) != 0;
          /* A capitalized plural is the head only at the end of the name. */
          if (!capital || !is_word (c, k + 1) || is_stop (c, k + 1) || !same_sentence (c, k, k + 1)
              || !(tflags (c, k + 1) & LEDE_TOKEN_CAPITALIZED))
            {
              *first = j;
              *end = k + 1;
              return TRUE;
            }
        }
      if (singular)
        {
          /* Verbs and adverbs do not make a singular noun. */
          if (len > 3 && (ends_with (s, len, "ed") || ends_with (s, len, "ly") || ends_with (s, len, "ing")))
            break;
          if (!is_word (c, k + 1) || is_stop (c, k + 1) || starts_number (c, k + 1) || words + 1 == max
              || !same_sentence (c, k, k + 1) || (tflags (c, k + 1) & LEDE_TOKEN_POSSESSIVE))
            {
              if ((tflags (c, k) & LEDE_TOKEN_CAPITALIZED) && !(tflags (c, k) & LEDE_TOKEN_TITLE))
                break;
              *first = j;
              *end = k + 1;
              return TRUE;
            }
        }
      words++;
      k++;
    }
  return FALSE;
}

/* A qualifier just before token @first ("at least", "more than", "some"). */
static const char *
qualifier_before (Ctx *c, guint first, guint *qfirst)
{
  static const struct
  {
    const char *sign;
    const char *qualifier;
  } signs[] = { { "≥", "at least" }, { "≤", "up to" }, { ">", "over" }, { "<", "under" }, { "~", "about" } };
  char buf[KEY_MAX];

  if (first == 0 || first - 1 < c->done)
    return NULL;
  /* "≥60 years", "<5%", "~300" */
  if (tflags (c, first - 1) & LEDE_TOKEN_PUNCT)
    {
      for (guint k = 0; k < G_N_ELEMENTS (signs); k++)
        if (punct_is (c, first - 1, signs[k].sign) && same_sentence (c, first - 1, first))
          {
            *qfirst = first - 1;
            return signs[k].qualifier;
          }
      return NULL;
    }
  if (!tok_info (c, first - 1)->qual_last)
    return NULL;
  for (guint k = 3; k >= 1; k--)
    {
      const char *q;
      gsize len;
      gboolean ok = TRUE;

      if (first < k || first - k < c->done)
        continue;
      for (guint m = first - k; m < first; m++)
        if (!is_word (c, m) || !same_sentence (c, m, first))
          ok = FALSE;
      if (!ok)
        continue;
      len = key_of (c, first - k, first, buf, sizeof buf);
      if (len == 0 || strncmp (buf, "or ", 3) == 0 || strncmp (buf, "and ", 4) == 0
          || strcmp (buf, "plus") == 0)
        continue;
      if (lookup_l (c->l, LIST_QUALIFIERS, buf, len, NULL, &q) != 0)
        {
          *qfirst = first - k;
          return q;
        }
    }
  return NULL;
}

/* A qualifier after the number: "21 or more", "500-plus", "500+". */
static const char *
qualifier_after (Ctx *c, guint j, guint *end)
{
  char buf[KEY_MAX];
  const char *q;
  gsize len;

  if (j >= c->n)
    return NULL;
  if (punct_is (c, j, "+") && glued (c, j))
    {
      *end = j + 1;
      return "over";
    }
  if (is_dash (c, j) && glued (c, j) && tok_is (c, j + 1, "plus") && glued (c, j + 1))
    {
      *end = j + 2;
      return "over";
    }
  if (!(tok_is (c, j, "or") || tok_is (c, j, "and")) || !is_word (c, j + 1) || !same_sentence (c, j, j + 1))
    return NULL;
  len = key_of (c, j, j + 2, buf, sizeof buf);
  if (len == 0 || lookup_l (c->l, LIST_QUALIFIERS, buf, len, NULL, &q) == 0)
    return NULL;
  /* "21 or more people" but not "two or more of" ... both read the same */
  *end = j + 2;
  return q;
}

/* ---- dates ---- */

static gboolean
day_number (Ctx *c, guint i, int *day)
{
  gsize len;
  const char *s;
  Digits d;

  if (!is_number (c, i))
    return FALSE;
  s = tstr (c, i, &len);
  if (!parse_digits (s, len, &d) || d.int_digits > 2 || d.value < 1 || d.value > 31
      || d.value != floor (d.value))
    return FALSE;
  if (d.suffix_len != 0 && !is_ordinal_suffix (d.suffix, d.suffix_len))
    return FALSE;
  if (memchr (s, '.', len) != NULL)
    return FALSE;
  *day = (int) d.value;
  return TRUE;
}

static gboolean
year_number (Ctx *c, guint i, int *year)
{
  gsize len;
  const char *s;

  if (!is_number (c, i))
    return FALSE;
  s = tstr (c, i, &len);
  if (len != 4)
    return FALSE;
  for (gsize k = 0; k < 4; k++)
    if (!g_ascii_isdigit (s[k]))
      return FALSE;
  *year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  return *year >= 1000 && *year <= 2199;
}

/* A year after a date: "July 31, 2024" or "31 July 2024"; @j is the token after the day or month. */
static guint
date_year (Ctx *c, guint j, int *year)
{
  if (punct_is (c, j, ",") && year_number (c, j + 1, year) && same_sentence (c, j, j + 1))
    return j + 2;
  if (year_number (c, j, year) && same_sentence (c, j - 1, j))
    return j + 1;
  return 0;
}

/* "July 31", "July 31, 2024", "31 July 2024", "the 31st of July", "July 2024". */
static gboolean
parse_date (Ctx *c, guint i, Cand *f)
{
  int month, day, year;
  guint end;

  month = month_at (c, i);
  if (month != 0 && same_sentence (c, i, i + 1))
    {
      if (day_number (c, i + 1, &day) && !punct_is (c, i + 2, "%") && unit_at (c, i + 2, &end, &f->unit) == 0)
        {
          /* "May 5" but not "May 10,000" */
          gsize len;
          const char *s = tstr (c, i + 1, &len);
          if (memchr (s, ',', len) == NULL)
            {
              end = date_year (c, i + 2, &year);
              f->first = i;
              f->num = i + 1;
              f->kind = LEDE_FIGURE_DATE;
              f->unit = NULL;
              if (end != 0)
                {
                  g_snprintf (f->date, sizeof f->date, "%04d-%02d-%02d", year, month, day);
                  f->end = end;
                }
              else
                {
                  int last;
                  g_snprintf (f->date, sizeof f->date, "--%02d-%02d", month, day);
                  f->end = i + 2;
                  /* "Aug. 2-7": one span of days */
                  if (is_dash (c, i + 2) && glued (c, i + 2) && glued (c, i + 3)
                      && day_number (c, i + 3, &last) && last > day)
                    f->end = i + 4;
                }
              return TRUE;
            }
        }
      f->unit = NULL;
      if (year_number (c, i + 1, &year) && !punct_is (c, i + 2, "%"))
        {
          f->first = i;
          f->num = i + 1;
          f->end = i + 2;
          f->kind = LEDE_FIGURE_DATE;
          g_snprintf (f->date, sizeof f->date, "%04d-%02d", year, month);
          return TRUE;
        }
      return FALSE;
    }

  if (day_number (c, i, &day))
    {
      guint m = i + 1;
      if (tok_is (c, m, "of"))
        m++;
      month = month_at (c, m);
      if (month == 0 || !same_sentence (c, i, m))
        return FALSE;
      f->first = i;
      f->num = i;
      f->kind = LEDE_FIGURE_DATE;
      end = date_year (c, m + 1, &year);
      if (end != 0)
        {
          g_snprintf (f->date, sizeof f->date, "%04d-%02d-%02d", year, month, day);
          f->end = end;
        }
      else
        {
          g_snprintf (f->date, sizeof f->date, "--%02d-%02d", month, day);
          f->end = m + 1;
        }
      return TRUE;
    }
  return FALSE;
}

/* Word tokens that hold digits: "mid-2024", "FY2024", "Q3", "H1". */
static gboolean
parse_coded (Ctx *c, guint i, Cand *f)
{
  gsize len;
  const char *s = tstr (c, i, &len);
  const char *hy;

  if (!has_digit (s, len))
    return FALSE;
  if (len == 2 && (s[0] == 'Q' || s[0] == 'H') && s[1] >= '1' && s[1] <= (s[0] == 'Q' ? '4' : '2'))
    {
      f->first = f->num = i;
      f->end = i + 1;
      f->kind = LEDE_FIGURE_ORDINAL;
      f->value = s[1] - '0';
      f->unit = s[0] == 'Q' ? "quarter" : "half";
      return TRUE;
    }
  if ((len == 4 || len == 6) && s[0] == 'F' && s[1] == 'Y')
    {
      int year = 0;
      for (gsize k = 2; k < len; k++)
        {
          if (!g_ascii_isdigit (s[k]))
            return FALSE;
          year = year * 10 + (s[k] - '0');
        }
      if (len == 4)
        year += 2000;
      f->first = f->num = i;
      f->end = i + 1;
      f->kind = LEDE_FIGURE_DATE;
      g_snprintf (f->date, sizeof f->date, "%04d", year);
      return TRUE;
    }
  hy = memchr (s, '-', len);
  if (hy != NULL && lookup_l (c->l, LIST_DATES, s, hy - s, NULL, NULL) == 'p')
    {
      const char *y = hy + 1;
      gsize ylen = len - (y - s);
      gboolean decade = ylen == 5 && y[4] == 's';

      if (ylen != 4 && !decade)
        return FALSE;
      for (gsize k = 0; k < 4; k++)
        if (!g_ascii_isdigit (y[k]))
          return FALSE;
      f->first = f->num = i;
      f->end = i + 1;
      f->kind = LEDE_FIGURE_DATE;
      g_snprintf (f->date, sizeof f->date, "%.*s", (int) ylen, y);
      return TRUE;
    }
  return FALSE;
}

/* Numbers joined by glued dashes, three or more: an ISO date
 * ("2024-07-31") becomes one figure in @f (f->end past it); anything else
 * (a phone number, a code) is skipped (f->end left at @i). Returns FALSE
 * when there is no such chain. */
static gboolean
dash_chain (Ctx *c, guint i, Cand *f)
{
  guint k = i, groups = 1;
  gsize len[3] = { 0 };
  const char *s[3] = { NULL };

  if (i > 0 && (punct_is (c, i - 1, "-")) && glued (c, i) && is_number (c, i - 2) && glued (c, i - 1))
    return FALSE; /* inside a chain that was read already */
  s[0] = tstr (c, i, &len[0]);
  while (punct_is (c, k + 1, "-") && glued (c, k + 1) && is_number (c, k + 2) && glued (c, k + 2))
    {
      k += 2;
      if (groups < 3)
        s[groups] = tstr (c, k, &len[groups]);
      groups++;
    }
  if (groups < 3)
    return FALSE;
  f->end = i;
  if (groups == 3 && len[0] == 4 && len[1] == 2 && len[2] == 2)
    {
      int y = atoi (s[0]), m = atoi (s[1]), d = atoi (s[2]);
      if (y >= 1000 && m >= 1 && m <= 12 && d >= 1 && d <= 31)
        {
          f->first = f->num = i;
          f->end = k + 1;
          f->kind = LEDE_FIGURE_DATE;
          g_snprintf (f->date, sizeof f->date, "%04d-%02d-%02d", y, m, d);
        }
    }
  c->skip_to = k + 1;
  return TRUE;
}

/* "opened", "quickly": verbs and adverbs by their ending, for the words around a number */
static gboolean
verb_like (const Ctx *c, guint i)
{
  gsize len;
  const char *s = tstr (c, i, &len);
  return len > 3 && (ends_with (s, len, "ed") || ends_with (s, len, "ly"));
}

/* Is the word before @i a determiner or a possessive ("the", "its", "Ribeiro’s")? */
static gboolean
has_determiner (const Ctx *c, guint i)
{
  static const char *determiners[]
    = { "the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "this", "that" };

  if (i == 0)
    return FALSE;
  if (tflags (c, i - 1) & LEDE_TOKEN_POSSESSIVE)
    return TRUE;
  for (guint k = 0; k < G_N_ELEMENTS (determiners); k++)
    if (tok_is (c, i - 1, determiners[k]))
      return TRUE;
  return FALSE;
}

/* ---- one figure ---- */

/* Is the number at @i part of a name ("Boeing 737", "Formula One", "S&P 500")? */
static gboolean
in_name (Ctx *c, guint i, const Amount *a)
{
  guint p = i - 1;
  gsize len;
  const char *s;

  if (c->doc->token_actor != NULL && c->doc->token_actor[i] >= 0)
    return TRUE;
  if (i == 0 || !is_word (c, p) || (tflags (c, i) & LEDE_TOKEN_SENTENCE_START))
    return FALSE;
  if (a->words)
    {
      /* A capitalized number word inside a sentence: "Formula One", "Six-Day War". */
      if (!(tflags (c, i) & LEDE_TOKEN_CAPITALIZED) || (tflags (c, i) & LEDE_TOKEN_TITLE)
          || clause_start (c, i))
        return FALSE;
      return TRUE;
    }
  if (!a->plain || a->unit_type != 0)
    return FALSE;
  s = tstr (c, p, &len);
  if (!has_upper (s, len) || has_digit (s, len) || clause_start (c, p) || month_at (c, p))
    return FALSE;
  if ((tflags (c, p) & LEDE_TOKEN_TITLE) && !(tflags (c, p) & LEDE_TOKEN_UPPER))
    return FALSE;
  /* "USD 5", "Phase 3", "FY 2024" */
  if (((tflags (c, p) & LEDE_TOKEN_UPPER) && lookup_tok (c, LIST_UNITS, p, NULL, NULL) == '$')
      || lookup_tok (c, LIST_NUMBERS, p, NULL, NULL) == 'n'
      || lookup_tok (c, LIST_DATES, p, NULL, NULL) == 'p')
    return FALSE;
  {
    guint q;
    if (qualifier_before (c, i, &q) != NULL)
      return FALSE;
  }
  return TRUE;
}

/* The money symbol or code at @i ("$", "US$", "€", "USD", "Rs"): its
 * currency, and the token after it. */
static const char *
currency_at (Ctx *c, guint i, guint *next)
{
  char buf[KEY_MAX];
  const char *unit;
  gsize len;

  if (!(tflags (c, i) & (LEDE_TOKEN_PUNCT | LEDE_TOKEN_WORD)))
    return NULL;
  if (is_word (c, i))
    {
      gsize wlen;
      const char *w = tstr (c, i, &wlen);
      /* "US$", "HK$" */
      if (wlen <= 3 && (tflags (c, i) & LEDE_TOKEN_CAPITALIZED) && punct_is (c, i + 1, "$")
          && glued (c, i + 1))
        {
          len = key_of (c, i, i + 2, buf, sizeof buf);
          if (len && lookup_l (c->l, LIST_UNITS, buf, len, NULL, &unit) == '$')
            {
              *next = i + 2;
              return unit;
            }
        }
      /* Codes in capitals only: "USD 5", "Rs 500" */
      if (!(tflags (c, i) & LEDE_TOKEN_UPPER) && !(wlen <= 3 && w[0] == 'R' && w[1] == 's'))
        return NULL;
    }
  len = key_of (c, i, i + 1, buf, sizeof buf);
  if (len == 0 || lookup_l (c->l, LIST_UNITS, buf, len, NULL, &unit) != '$')
    return NULL;
  *next = i + 1;
  return unit;
}

/* "a dozen", "a million", "a third of", "a quarter of" */
static gboolean
article_amount (Ctx *c, guint i, Amount *a)
{
  double num;
  char type = lookup_tok (c, LIST_NUMBERS, i + 1, &num, NULL);

  memset (a, 0, sizeof *a);
  a->words = TRUE;
  a->scale = 1;
  if (type == 'x')
    {
      a->kind = AMOUNT_CARDINAL;
      a->value = num;
      a->end = i + 2;
      a->scaled = TRUE;
      a->scale = num;
      apply_scales (c, a, FALSE);
      return TRUE;
    }
  if ((type == 'F' || (type == 'o' && num >= 3 && num <= 100)) && tok_is (c, i + 2, "of"))
    {
      a->kind = AMOUNT_FRACTION;
      a->value = round (1000.0 / num) / 10.0;
      a->end = i + 2;
      return TRUE;
    }
  return FALSE;
}

/* "half a million"; "half of", "nearly half": 50% */
static gboolean
half_amount (Ctx *c, guint i, Amount *a)
{
  double num;
  guint q;

  memset (a, 0, sizeof *a);
  a->words = TRUE;
  a->scale = 1;
  if ((tok_is (c, i + 1, "a") || tok_is (c, i + 1, "an"))
      && lookup_tok (c, LIST_NUMBERS, i + 2, &num, NULL) == 'x')
    {
      a->kind = AMOUNT_CARDINAL;
      a->value = num / 2;
      a->end = i + 3;
      a->scaled = TRUE;
      a->scale = num;
      return TRUE;
    }
  if (tok_is (c, i + 1, "of") || qualifier_before (c, i, &q) != NULL)
    {
      a->kind = AMOUNT_FRACTION;
      a->value = 50;
      a->end = i + 1;
      return TRUE;
    }
  return FALSE;
}

static void
cand_init (Cand *f, guint i)
{
  memset (f, 0, sizeof *f);
  f->first = f->num = i;
  f->end = i + 1;
  f->kind = LEDE_FIGURE_COUNT;
}

/* Reads the figure that starts at token @i, when one does. */
static gboolean
figure_at (Ctx *c, guint i, Cand *f)
{
  Amount a;
  const char *currency = NULL;
  guint start = i; /* where the number starts */
  guint j;
  const char *unit = NULL;
  char type;
  gboolean negative = FALSE;

  cand_init (f, i);

  if (is_number (c, i))
    {
      /* "31 July" */
      if (parse_date (c, i, f))
        return TRUE;
      /* "24/7", "9/11", "3/4": codes, not amounts */
      if ((punct_is (c, i + 1, "/") && glued (c, i + 1) && is_number (c, i + 2))
          || (i >= 2 && punct_is (c, i - 1, "/") && glued (c, i) && is_number (c, i - 2)))
        return FALSE;
      /* "2024-07-31" is a date; "1-800-555-0199" a phone number */
      if (dash_chain (c, i, f))
        return f->end > i;
    }
  else if (is_word (c, i))
    {
      double num;
      char nt;
      gsize len;
      const char *s = tstr (c, i, &len);

      if (!word_may_start (c, i, s, len))
        return FALSE;
      if (parse_date (c, i, f))
        return TRUE;
      currency = currency_at (c, i, &start);
      if (currency == NULL)
        {
          if (parse_coded (c, i, f))
            return TRUE;
          nt = lookup_tok (c, LIST_NUMBERS, i, &num, NULL);
          if (nt == 'c' || nt == 'o')
            ; /* a number word */
          else if (len == 5 && tok_is (c, i, "minus") && is_number (c, i + 1)
                   && !(i > 0 && tok_is (c, i - 1, "or"))) /* "plus or minus 3 points" */
            {
              negative = TRUE;
              start = i + 1;
            }
          else if (len <= 2 && (tok_is (c, i, "a") || tok_is (c, i, "an")))
            {
              if (!same_sentence (c, i, i + 1) || !article_amount (c, i, &a))
                return FALSE;
              goto have_amount;
            }
          else if (nt == 'F' && tok_is (c, i, "half"))
            {
              if (!half_amount (c, i, &a))
                return FALSE;
              goto have_amount;
            }
          else if (memchr (s, '-', len) == NULL)
            return FALSE;
        }
    }
  else if (tflags (c, i) & LEDE_TOKEN_PUNCT)
    {
      gsize len;
      const char *s = tstr (c, i, &len);

      /* Money symbols are "$" or outside ASCII ("€", "£") */
      if (s[0] == '$' || ((guchar) s[0] >= 0x80 && !(tflags (c, i) & LEDE_TOKEN_QUOTE)))
        currency = currency_at (c, i, &start);
      if (currency == NULL)
        {
          /* "-5C": a minus glued to the number */
          if ((punct_is (c, i, "-") || punct_is (c, i, "−")) && is_number (c, i + 1) && glued (c, i + 1)
              && (i == 0 || !glued (c, i)))
            {
              negative = TRUE;
              start = i + 1;
            }
          else
            return FALSE;
        }
    }
  else
    return FALSE;

  if (currency != NULL)
    {
      if (start >= c->n || !same_sentence (c, i, start))
        return FALSE;
      if (!is_number (c, start) && lookup_tok (c, LIST_NUMBERS, start, NULL, NULL) != 'c')
        return FALSE;
    }

  if (!parse_amount (c, start, &a, currency != NULL))
    return FALSE;

have_amount:
  /* "Formula One", "the Six-Day War" */
  if (a.words && in_name (c, start, &a))
    return FALSE;
  f->num = start;
  f->first = currency != NULL || negative ? i : start;
  f->end = a.end;
  f->value = negative ? -a.value : a.value;
  f->scaled = a.scaled;
  f->scale = a.scale;

  if (a.kind == AMOUNT_TIME)
    {
      f->kind = LEDE_FIGURE_DATE;
      g_strlcpy (f->date, a.time, sizeof f->date);
      /* "3 p.m. ET" */
      while (lookup_tok (c, LIST_UNITS, f->end, NULL, &unit) == 't' && same_sentence (c, f->num, f->end))
        f->end++;
      return TRUE;
    }
  if (a.kind == AMOUNT_DECADE)
    {
      gsize len;
      const char *s = tstr (c, start, &len);
      if (a.value >= 1000)
        {
          f->kind = LEDE_FIGURE_DATE;
          g_snprintf (f->date, sizeof f->date, "%.*s", (int) len, s);
        }
      else
        {
          f->kind = LEDE_FIGURE_QUANTITY;
          f->unit = "years";
        }
      return TRUE;
    }
  if (a.kind == AMOUNT_FRACTION)
    {
      f->kind = LEDE_FIGURE_PERCENT;
      f->unit = "%";
      return TRUE;
    }

  j = a.end;

  if (a.kind == AMOUNT_ORDINAL)
    {
      guint nf, ne;
      f->kind = LEDE_FIGURE_ORDINAL;
      if (currency != NULL)
        return FALSE;
      /* "at first", "first of all", "for a second," */
      if (a.words && a.value == 1 && start > 0 && tok_is (c, start - 1, "at"))
        return FALSE;
      if (a.words && a.value == 1 && tok_is (c, j, "of") && tok_is (c, j + 1, "all"))
        return FALSE;
      if (a.words && a.value == 2 && !is_word (c, j) && start > 0
          && (tok_is (c, start - 1, "a") || tok_is (c, start - 1, "per") || is_number (c, start - 1)))
        return FALSE;
      /* "First, ...": a step in an argument, not a rank */
      if (a.words && a.value <= 3 && clause_start (c, start) && punct_is (c, j, ","))
        return FALSE;
      /* "was first elected", "first met": an adverb, unless a determiner
       * makes it a rank ("the first elected mayor") */
      if (a.words && a.value == 1 && !a.hyphen_tail && verb_like (c, j) && !has_determiner (c, start))
        return FALSE;
      if (in_name (c, start, &a))
        return FALSE;
      /* "the 31st" followed by a month was a date; "third consecutive term" */
      if (counted_noun (c, j, TRUE, &nf, &ne))
        {
          /* "third-quarter revenue", not "third-quarter revenue grew" */
          if (a.hyphen_tail)
            ne = nf + 1;
          f->noun_first = nf;
          f->noun_end = ne;
          f->end = ne;
        }
      else if (a.words && a.value >= 3 && a.value <= 20 && start > 0
               && (tok_is (c, start - 1, "a") || tok_is (c, start - 1, "an")) && start - 1 >= c->done)
        {
          /* "fell by a fifth": a share, not a rank */
          f->kind = LEDE_FIGURE_PERCENT;
          f->value = round (1000.0 / a.value) / 10.0;
          f->unit = "%";
          f->first = start - 1;
        }
      return TRUE;
    }

  /* Cardinals: money, percent, units, counted nouns. */
  if (currency != NULL)
    {
      f->kind = LEDE_FIGURE_MONEY;
      f->unit = currency;
      /* "$5 million USD" */
      if (unit_at (c, j, &f->end, &unit) == '$')
        j = f->end;
      f->end = j;
      if (!a.scaled)
        {
          /* "$4 k" */
          apply_scales (c, &a, TRUE);
          f->value = a.value;
          f->end = j = a.end;
        }
      {
        guint nf, ne;
        if (counted_noun (c, j, FALSE, &nf, &ne))
          {
            f->noun_first = nf;
            f->noun_end = ne;
            f->end = ne;
          }
      }
      return TRUE;
    }

  type = a.unit_type;
  unit = a.unit;
  if (type == 0 && !a.hyphen_tail)
    {
      guint uend = j;
      /* "26-year-old", "10-point lead" */
      if (is_dash (c, j) && glued (c, j) && is_word (c, j + 1) && glued (c, j + 1))
        {
          gsize wlen;
          const char *w = tstr (c, j + 1, &wlen);
          const char *hy = memchr (w, '-', wlen);

          type = unit_at (c, j + 1, &uend, &unit);
          if (type == 0 && hy != NULL)
            type = lookup_l (c->l, LIST_UNITS, w, hy - w, NULL, &unit);
          if (type == 0 && g_ascii_islower (w[0]) && !has_digit (w, wlen))
            {
              /* "12-member panel": the word is what is counted */
              f->noun_first = j + 1;
              f->noun_end = j + 2;
              f->end = j + 2;
              j = j + 2;
              goto counted;
            }
          if (type != 0)
            uend = j + 2;
        }
      else
        type = unit_at (c, j, &uend, &unit);
      if (type != 0)
        j = uend;
      /* "$" units after: "4 million dollars" */
    }
  if (a.hyphen_tail)
    {
      f->noun_first = j - 1;
      f->noun_end = j;
    }

  switch (type)
    {
      case '$':
        f->kind = LEDE_FIGURE_MONEY;
        f->unit = unit;
        break;
      case 'p':
        f->kind = LEDE_FIGURE_PERCENT;
        f->unit = unit;
        break;
      case 'd':
        f->kind = LEDE_FIGURE_DURATION;
        f->unit = unit;
        break;
      case 'a':
        f->kind = LEDE_FIGURE_QUANTITY;
        f->unit = unit;
        break;
      case 'q':
        f->kind = LEDE_FIGURE_QUANTITY;
        f->unit = unit;
        break;
      default: break;
    }
  f->end = MAX (f->end, j);
  if (type != 0)
    {
      /* "$6 iced coffees" has its noun after the money; "2% drop" keeps its own */
      if (type == '$')
        {
          guint nf, ne;
          if (counted_noun (c, j, FALSE, &nf, &ne))
            {
              f->noun_first = nf;
              f->noun_end = ne;
              f->end = ne;
            }
        }
      return TRUE;
    }

  /* "1 in 5", "one in three", "9 out of 10" */
  if (a.value >= 1 && a.value < 100 && !a.scaled)
    {
      guint k = j;
      if (tok_is (c, k, "in"))
        k++;
      else if (tok_is (c, k, "out") && tok_is (c, k + 1, "of"))
        k += 2;
      if (k != j && same_sentence (c, j, k))
        {
          Amount b;
          if (parse_amount (c, k, &b, FALSE) && b.kind == AMOUNT_CARDINAL && b.unit_type == 0
              && b.value > a.value && b.value <= 1000 && !(b.int_digits == 4 && b.plain)
              && unit_at (c, b.end, &(guint){ 0 }, &unit) != 'd')
            {
              f->kind = LEDE_FIGURE_PERCENT;
              f->value = round (1000.0 * a.value / b.value) / 10.0;
              f->unit = "%";
              f->end = b.end;
              return TRUE;
            }
        }
    }

  /* Names: "Boeing 737", "Formula One"; but not scores: "Vale 3-2". */
  if (!(is_dash (c, j) && glued (c, j) && is_number (c, j + 1) && glued (c, j + 1)) && in_name (c, start, &a))
    return FALSE;

  /* A year: "in 2013", "the 2024 election", "2024-25" */
  if (a.plain && a.int_digits == 4 && a.value >= 1000 && a.value <= 2199 && !negative)
    {
      guint q;
      gboolean qualified = qualifier_before (c, start, &q) != NULL;
      guint nf, ne;
      gboolean noun = counted_noun (c, j, FALSE, &nf, &ne);
      gboolean people = noun && lookup_tok (c, LIST_UNITS, ne - 1, NULL, NULL) == 'c';

      if (!qualified && !(noun && (a.value < 1800 || people)))
        {
          int next;
          f->kind = LEDE_FIGURE_DATE;
          g_snprintf (f->date, sizeof f->date, "%04d", (int) a.value);
          /* "2024-25", "2024/25": a season */
          if ((is_dash (c, j) || punct_is (c, j, "/")) && glued (c, j) && is_number (c, j + 1)
              && glued (c, j + 1))
            {
              gsize len;
              const char *s = tstr (c, j + 1, &len);
              if (len == 2 && g_ascii_isdigit (s[0]) && g_ascii_isdigit (s[1]))
                {
                  next = (s[0] - '0') * 10 + (s[1] - '0');
                  if (next == ((int) a.value + 1) % 100)
                    f->end = j + 2;
                }
            }
          return TRUE;
        }
    }

  /* Ages: "aged 34", "Walsh, 26, said" */
  if (start > 0 && lookup_tok (c, LIST_UNITS, start - 1, NULL, NULL) == 'g')
    {
      f->kind = LEDE_FIGURE_QUANTITY;
      f->unit = "years";
      return TRUE;
    }
  if (a.plain && a.value >= 1 && a.value < 120 && start >= 2 && punct_is (c, start - 1, ",")
      && punct_is (c, j, ",") && is_word (c, start - 2) && (tflags (c, start - 2) & LEDE_TOKEN_CAPITALIZED)
      && !month_at (c, start - 2))
    {
      f->kind = LEDE_FIGURE_QUANTITY;
      f->unit = "years";
      return TRUE;
    }

  /* Designations: "type 2", "phase 3", "No. 1" */
  if (start > 0 && !a.words && a.value >= 0 && a.value == floor (a.value) && !a.scaled
      && lookup_tok (c, LIST_NUMBERS, start - 1, NULL, NULL) == 'n' && same_sentence (c, start - 1, start))
    {
      f->kind = LEDE_FIGURE_ORDINAL;
      f->first = start - 1;
      f->noun_first = start - 1;
      f->noun_end = start;
      return TRUE;
    }

counted:
  if (f->noun_end == 0)
    {
      guint nf, ne;
      if (counted_noun (c, j, a.value == 1 && !a.scaled, &nf, &ne))
        {
          f->noun_first = nf;
          f->noun_end = ne;
          f->end = ne;
        }
    }
  f->bare = f->noun_end == 0;

  /* "one" alone is a pronoun more often than a count: "one of them", "no one". */
  if (a.words && a.value == 1 && !a.scaled)
    {
      guint q;
      if (f->noun_end == 0 && qualifier_before (c, start, &q) == NULL)
        return FALSE;
      if (f->noun_end > 0 && lookup_tok (c, LIST_UNITS, f->noun_end - 1, NULL, NULL) == 'i')
        return FALSE;
      if (start > 0
          && (tok_is (c, start - 1, "no") || tok_is (c, start - 1, "the") || tok_is (c, start - 1, "this")
              || tok_is (c, start - 1, "that") || tok_is (c, start - 1, "any")
              || tok_is (c, start - 1, "every") || tok_is (c, start - 1, "which")
              || tok_is (c, start - 1, "each")))
        return FALSE;
    }
  return TRUE;
}

/* ---- what the figure is about ---- */

static char *
dup_tokens (const Ctx *c, guint first, guint end)
{
  if (first >= end)
    return NULL;
  return lede_doc_dup_range (c->doc, first, end);
}

/* Does the figure end in a compound adjective ("five-day", "26-year-old", "10-point")? */
static gboolean
ends_in_compound (const Ctx *c, const Cand *f)
{
  guint last = f->end - 1;
  gsize len;
  const char *s = tstr (c, last, &len);

  if (is_word (c, last) && memchr (s, '-', len) != NULL)
    return TRUE;
  return last > f->num && glued (c, last) && punct_is (c, last - 1, "-");
}

/* Up to five words of the clause before the figure, without the function
 * words at either end: "Siemens sales dropped", "Lorca’s death". */
static gboolean
words_before (const Ctx *c, const Cand *f, guint *out_first, guint *out_end)
{
  guint end = f->first;
  guint first = end;

  while (first > 0 && first > end - MIN (end, 5) && same_sentence (c, first - 1, f->first)
         && (is_word (c, first - 1) || (tflags (c, first - 1) & LEDE_TOKEN_POSSESSIVE))
         && first - 1 >= c->done)
    first--;
  while (end > first && is_stop (c, end - 1))
    end--;
  while (first < end && (is_stop (c, first) || (tflags (c, first) & LEDE_TOKEN_POSSESSIVE)))
    first++;
  *out_first = first;
  *out_end = end;
  return first < end;
}

/* A short phrase for what the figure describes: the counted noun and what
 * follows it, or the words before the figure in its clause. */
static char *
about_of (Ctx *c, const Cand *f)
{
  guint first, end, k;

  if (f->noun_end > 0 && f->noun_end > f->num + 1)
    {
      /* "people arbitrarily detained", "Palestinians" */
      first = f->noun_first;
      end = f->noun_end;
      for (k = end; k < c->n && k < f->noun_end + 4 && is_word (c, k) && same_sentence (c, first, k); k++)
        {
          if (tok_is (c, k, "and") || tok_is (c, k, "but") || tok_is (c, k, "or") || tok_is (c, k, "while")
              || lookup_tok (c, LIST_NUMBERS, k, NULL, NULL) == 'c' || month_at (c, k))
            break;
        }
      end = k;
      while (end > f->noun_end && is_stop (c, end - 1))
        end--;
      if (end == f->noun_end)
        {
          /* Nothing follows the noun: the verb before says what happened to
           * it ("airstrikes killed … people"). */
          guint bfirst, bend;
          if (words_before (c, f, &bfirst, &bend))
            {
              g_autofree char *before = NULL;
              g_autofree char *noun = NULL;

              /* only the last run of content words: "killed", not "asserts that it has killed" */
              for (k = bend; k > bfirst; k--)
                if (is_stop (c, k - 1))
                  {
                    bfirst = k;
                    break;
                  }
              before = dup_tokens (c, bfirst, bend);
              noun = dup_tokens (c, first, end);
              return g_strconcat (before, " … ", noun, NULL);
            }
        }
      return dup_tokens (c, first, end);
    }

  /* "80% of votes": what it is a share of */
  if ((f->kind == LEDE_FIGURE_PERCENT) && tok_is (c, f->end, "of"))
    {
      first = f->end + 1;
      if (tok_is (c, first, "the") || tok_is (c, first, "its") || tok_is (c, first, "their"))
        first++;
      for (k = first; k < c->n && k < first + 4 && is_word (c, k) && same_sentence (c, f->end, k); k++)
        if (tok_is (c, k, "and") || tok_is (c, k, "but") || tok_is (c, k, "or"))
          break;
      end = k;
      while (end > first && is_stop (c, end - 1))
        end--;
      if (end > first)
        return dup_tokens (c, first, end);
    }

  /* "$110 billion for roads and bridges", "$550 billion in new spending" */
  if (f->kind == LEDE_FIGURE_MONEY && f->noun_end == 0
      && (tok_is (c, f->end, "for") || tok_is (c, f->end, "in") || tok_is (c, f->end, "on"))
      && is_word (c, f->end + 1) && same_sentence (c, f->end, f->end + 1))
    {
      first = f->end + 1;
      while (first < f->end + 3 && is_word (c, first) && is_stop (c, first))
        first++;
      /* "in new spending", but "in the U.S." says where, not what */
      for (k = first; k < c->n && k < first + 4 && is_word (c, k) && same_sentence (c, f->end, k)
                      && !(tflags (c, first) & LEDE_TOKEN_CAPITALIZED);
           k++)
        if (starts_number (c, k) || month_at (c, k))
          break;
      end = k;
      while (end > first && is_stop (c, end - 1))
        end--;
      if (end > first)
        return dup_tokens (c, first, end);
    }

  /* "a five-day strike", "the 26-year-old midfielder": the noun after the compound */
  if (ends_in_compound (c, f) && is_word (c, f->end) && !verb_like (c, f->end)
      && !(tflags (c, f->end) & LEDE_TOKEN_CAPITALIZED) && !is_stop (c, f->end) && !starts_number (c, f->end)
      && same_sentence (c, f->first, f->end))
    {
      first = f->end;
      for (k = first; k < c->n && k < first + 3 && is_word (c, k) && same_sentence (c, first, k); k++)
        if (is_stop (c, k) || starts_number (c, k) || (tflags (c, k) & LEDE_TOKEN_CAPITALIZED)
            || verb_like (c, k))
          break;
      return dup_tokens (c, first, k);
    }

  /* "a 2% drop in sales", "a 25% tariff on steel" */
  if ((f->kind == LEDE_FIGURE_PERCENT || f->kind == LEDE_FIGURE_MONEY) && is_word (c, f->end)
      && !(tflags (c, f->end) & LEDE_TOKEN_CAPITALIZED) && !is_stop (c, f->end) && !starts_number (c, f->end)
      && same_sentence (c, f->first, f->end) && f->first > 0
      && (tok_is (c, f->first - 1, "a") || tok_is (c, f->first - 1, "an") || tok_is (c, f->first - 1, "the")))
    {
      first = f->end;
      for (k = first; k < c->n && k < first + 4 && is_word (c, k) && same_sentence (c, first, k); k++)
        if (tok_is (c, k, "and") || tok_is (c, k, "but") || tok_is (c, k, "or") || starts_number (c, k))
          break;
      end = k;
      while (end > first + 1 && is_stop (c, end - 1))
        end--;
      return dup_tokens (c, first, end);
    }

  /* The words before: "Siemens sales dropped", "Lorca’s death" */
  if (words_before (c, f, &first, &end))
    return dup_tokens (c, first, end);
  return NULL;
}

/* ---- the stage ---- */

static void
emit (Ctx *c, Cand *f)
{
  LedeFigure *fig = lede_figure_new ();

  lede_doc_span_from_tokens (c->doc, f->first, f->end, &fig->span);
  fig->kind = f->kind;
  fig->value = f->value;
  if (f->kind == LEDE_FIGURE_DATE)
    fig->date = g_strdup (f->date);
  if (f->unit != NULL)
    fig->unit = g_strdup (f->unit);
  else if (f->noun_end > f->noun_first)
    {
      /* The head noun: "people", "combatants"; a people keeps its capital
       * ("Palestinians") unless a headline gave it one. */
      guint head = f->noun_end - 1;
      if ((tflags (c, head) & LEDE_TOKEN_CAPITALIZED) && !(tflags (c, head) & LEDE_TOKEN_TITLE)
          && !clause_start (c, head))
        fig->unit = lede_doc_dup_range (c->doc, head, head + 1);
      else
        fig->unit = lede_doc_dup_token_lower (c->doc, head);
    }
  fig->qualifier = g_strdup (f->qualifier);
  fig->about = about_of (c, f);
  g_ptr_array_add (c->doc->figures, fig);
}

/* Ranges and pairs share a unit: "10 to 15 percent", "$5 or $6", "aged 13 to 17",
 * "between 2 and 3 million". */
static void
share_unit (Ctx *c, Cand *f)
{
  LedeFigure *prev;

  if (c->prev_fig < 0 || f->first != c->prev_end + 1)
    return;
  if (!(is_dash (c, c->prev_end) || tok_is (c, c->prev_end, "to") || tok_is (c, c->prev_end, "and")
        || tok_is (c, c->prev_end, "or")))
    return;
  prev = g_ptr_array_index (c->doc->figures, c->prev_fig);
  if (prev->kind == LEDE_FIGURE_DATE || f->kind == LEDE_FIGURE_DATE || prev->kind == LEDE_FIGURE_ORDINAL
      || f->kind == LEDE_FIGURE_ORDINAL)
    return;
  if (f->bare && (prev->kind == LEDE_FIGURE_QUANTITY || prev->kind == LEDE_FIGURE_DURATION) && !f->scaled)
    {
      /* "aged 13 to 17"; but "fell 9% to 13.2 million" is two things */
      f->kind = prev->kind;
      if (prev->unit != NULL)
        f->unit = g_intern_string (prev->unit);
      f->bare = FALSE;
      return;
    }
  if (prev->kind != LEDE_FIGURE_COUNT || prev->unit != NULL)
    return;
  if (c->prev_bare_unscaled && f->scaled && prev->value * f->scale <= f->value)
    prev->value *= f->scale;
  if (f->kind != LEDE_FIGURE_COUNT)
    {
      prev->kind = f->kind;
      prev->unit = g_strdup (f->unit);
      /* "over 90 to 100 days": during them */
      if (f->kind == LEDE_FIGURE_DURATION && g_strcmp0 (prev->qualifier, "over") == 0
          && tok_is (c, c->prev_first, "over") && c->prev_num == c->prev_first + 1
          && !(c->prev_first > 0
               && (tok_is (c, c->prev_first - 1, "for") || tok_is (c, c->prev_first - 1, "than"))))
        {
          g_clear_pointer (&prev->qualifier, g_free);
          lede_doc_span_from_tokens (c->doc, c->prev_num, c->prev_end, &prev->span);
        }
    }
  else if (f->noun_end > 0)
    prev->unit = lede_doc_dup_token_lower (c->doc, f->noun_end - 1);
}

void
lede_find_figures (LedeDoc *doc)
{
  Ctx c = { 0 };

  c.doc = doc;
  c.l = lists_get ();
  c.n = lede_doc_n_tokens (doc);
  c.prev_fig = -1;
  c.info = g_new0 (const WordInfo *, c.n + 1);

  for (guint i = 0; i < c.n;)
    {
      guint flags = tflags (&c, i);
      Cand f;

      /* Only numbers, words and a few symbols start a figure. */
      if (!(flags & (LEDE_TOKEN_NUMBER | LEDE_TOKEN_WORD | LEDE_TOKEN_PUNCT)) || !figure_at (&c, i, &f))
        {
          i = MAX (i + 1, c.skip_to);
          continue;
        }

      if (f.kind != LEDE_FIGURE_DATE && f.kind != LEDE_FIGURE_ORDINAL)
        {
          guint q, qend;
          const char *qual = qualifier_before (&c, f.first, &q);

          /* "over five days": during them, unless "for over five days" */
          if (qual != NULL && f.kind == LEDE_FIGURE_DURATION && tok_is (&c, q, "over")
              && !(q > 0
                   && (tok_is (&c, q - 1, "for") || tok_is (&c, q - 1, "than") || tok_is (&c, q - 1, "of"))))
            qual = NULL;
          if (qual != NULL)
            {
              f.qualifier = qual;
              f.first = q;
            }
          else if ((qual = qualifier_after (&c, f.noun_end > 0 ? f.noun_first : f.end, &qend)) != NULL
                   && f.noun_end == 0)
            {
              f.qualifier = qual;
              f.end = qend;
            }
        }

      share_unit (&c, &f);
      emit (&c, &f);
      c.prev_fig = doc->figures->len - 1;
      c.prev_end = f.end;
      c.prev_first = f.first;
      c.prev_num = f.num;
      c.prev_bare_unscaled = f.bare && !f.scaled;
      c.done = f.end;
      i = MAX (f.end, i + 1);
    }

  g_free (c.info);
}
