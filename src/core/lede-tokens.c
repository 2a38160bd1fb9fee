/* lede-tokens.c: stage 2a: split the text into word, number and punctuation tokens. */
#include "config.h"

#include <string.h>

#include "lede-analysis-private.h"
#include "lede-wordlist.h"

static inline gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

static inline gboolean
is_quote (gunichar c)
{
  return c == '"' || c == '\'' || c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D || c == 0x201E
         || c == 0x00AB || c == 0x00BB;
}

static inline gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static inline gboolean
is_letter (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalpha (c);
  return g_unichar_isalpha (c);
}

/* Most letters are ASCII: keep them out of the Unicode tables. */
static inline gboolean
is_upper (gunichar c)
{
  if (c < 0x80)
    return c >= 'A' && c <= 'Z';
  return g_unichar_isupper (c);
}

static inline gunichar
char_at (const char *p, const char *end)
{
  if (p >= end)
    return 0;
  if ((guchar) *p < 0x80)
    return (guchar) *p;
  return g_utf8_get_char (p);
}

/* Does a word token that ends here take the period after it? "U.S.",
 * initials "J.", and listed abbreviations ("Gen.", "Jan.", "Inc."). */
static gboolean
word_takes_period (const char *start, const char *end, gboolean has_inner_period)
{
  static const LedeWordList *abbrevs;
  gsize len = end - start;

  if (has_inner_period)
    return TRUE;
  if (len == 1 && g_ascii_isupper (*start))
    return TRUE;
  if (g_once_init_enter (&abbrevs))
    g_once_init_leave (&abbrevs, lede_word_list_get ("abbreviations"));
  /* The list holds the abbreviations with their period. */
  return lede_word_list_contains (abbrevs, start, len + 1);
}

void
lede_tokenize (LedeDoc *doc)
{
  const char *text = doc->text;
  const char *end = text + doc->len;
  const char *p = text;
  guint cp = 0;
  guint pending = LEDE_TOKEN_PARAGRAPH_START;
  guint n = 0, cap = doc->len / 5 + 16;

  doc->tokens = g_array_sized_new (FALSE, FALSE, sizeof (LedeToken), cap);
  g_array_set_size (doc->tokens, cap);

  while (p < end)
    {
      gunichar c = char_at (p, end);
      const char *q;
      LedeToken tok = { 0 };
      guint ncp = 1;

      if (c == ' ')
        {
          pending |= LEDE_TOKEN_SPACE_BEFORE;
          p++;
          cp++;
          continue;
        }
      if (c == '\n')
        {
          pending |= LEDE_TOKEN_PARAGRAPH_START | LEDE_TOKEN_SPACE_BEFORE;
          p++;
          cp++;
          continue;
        }
      if (c < 0x80 ? g_ascii_isspace (c) : (g_unichar_isspace (c) || c == 0x200B))
        {
          pending |= LEDE_TOKEN_SPACE_BEFORE;
          p = g_utf8_next_char (p);
          cp++;
          continue;
        }

      tok.bstart = p - text;
      tok.start = cp;
      q = g_utf8_next_char (p);

      if (c < 0x80 && g_ascii_isdigit (c))
        {
          /* Digits with inner separators ("1,000", "1.5") and letters stuck
           * to them ("10th", "1990s", "5bn"). */
          tok.flags = LEDE_TOKEN_NUMBER;
          while (q < end)
            {
              gunichar d = char_at (q, end);
              if (d < 0x80 && g_ascii_isdigit (d))
                q++, ncp++;
              else if ((d == ',' || d == '.') && q + 1 < end && g_ascii_isdigit (q[1]))
                q++, ncp++;
              else if (is_letter (d))
                q = g_utf8_next_char (q), ncp++;
              else
                break;
            }
        }
      else if (is_word_char (c))
        {
          gboolean inner_period = FALSE;
          guint letters = 0, upper = 0;

          tok.flags = LEDE_TOKEN_WORD;
          if (is_upper (c))
            tok.flags |= LEDE_TOKEN_CAPITALIZED;
          if (is_letter (c))
            letters++, upper += is_upper (c);

          while (q < end)
            {
              guchar b = *q;
              gunichar d;
              const char *after;

              /* The common cases, an ASCII letter or digit, without decoding:
               * (b | 0x20) is in a…z only for A…Z and a…z. */
              if ((guint) ((b | 0x20) - 'a') < 26)
                {
                  letters++, upper += !(b & 0x20);
                  q++, ncp++;
                  continue;
                }
              if ((guint) (b - '0') < 10)
                {
                  q++, ncp++;
                  continue;
                }
              d = char_at (q, end);
              after = g_utf8_next_char (q);
              if (is_word_char (d))
                {
                  if (is_letter (d))
                    letters++, upper += is_upper (d);
                  q = after, ncp++;
                }
              else if ((d == '-' || d == 0x2010 || d == 0x2011) && is_word_char (char_at (after, end)))
                q = after, ncp++;
              else if (is_apostrophe (d) && is_letter (char_at (after, end)))
                {
                  /* "’s" after a word is the possessive (or "it’s"): its own token. */
                  gunichar s = char_at (after, end);
                  gunichar s2 = char_at (g_utf8_next_char (after), end);
                  if ((s == 's' || s == 'S') && !is_word_char (s2))
                    break;
                  q = after, ncp++;
                }
              else if (d == '.' && is_letter (char_at (after, end))
                       && char_at (g_utf8_next_char (after), end) == '.' && (q - p) <= 3)
                {
                  /* "U.S." / "U.N." / "a.m.": letters joined by periods. */
                  inner_period = TRUE;
                  q = after, ncp++;
                }
              else
                break;
            }

          if (q < end && *q == '.' && word_takes_period (p, q, inner_period))
            q++, ncp++;
          if (letters >= 2 && upper == letters)
            tok.flags |= LEDE_TOKEN_UPPER;
        }
      else
        {
          tok.flags = LEDE_TOKEN_PUNCT;
          if (is_quote (c))
            tok.flags |= LEDE_TOKEN_QUOTE;
          if (is_apostrophe (c) && n > 0 && !(pending & LEDE_TOKEN_SPACE_BEFORE))
            {
              const LedeToken *prev = &g_array_index (doc->tokens, LedeToken, n - 1);
              gunichar s = char_at (q, end);
              if ((prev->flags & LEDE_TOKEN_WORD) && (s == 's' || s == 'S')
                  && !is_word_char (char_at (q + 1, end)))
                {
                  /* "’s" */
                  q++, ncp++;
                  tok.flags = LEDE_TOKEN_POSSESSIVE;
                }
              else if ((prev->flags & LEDE_TOKEN_WORD) && text[prev->bend - 1] == 's' && !is_word_char (s)
                       && (prev->flags & LEDE_TOKEN_CAPITALIZED))
                {
                  /* "Jesus’", "the Palestinians’": a plural possessive */
                  tok.flags |= LEDE_TOKEN_POSSESSIVE;
                }
            }
        }

      tok.flags |= pending;
      pending = 0;
      tok.bend = q - text;
      tok.end = tok.start + ncp;
      cp = tok.end;
      p = q;
      if (n == cap)
        {
          /* Grow in steps rather than appending one by one: this loop runs
           * for every token of the text. */
          cap *= 2;
          g_array_set_size (doc->tokens, cap);
        }
      g_array_index (doc->tokens, LedeToken, n++) = tok;
      if (tok.flags & (LEDE_TOKEN_WORD | LEDE_TOKEN_NUMBER))
        doc->n_words++;
    }
  g_array_set_size (doc->tokens, n);
}
