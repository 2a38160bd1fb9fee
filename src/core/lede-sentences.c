/* lede-sentences.c: stage 2b: sentence boundaries that abbreviations do not break. */
#include "config.h"

#include "lede-analysis-private.h"
#include "lede-wordlist.h"

static gboolean
is_closing (const LedeDoc *doc, guint i)
{
  gsize len;
  const char *s = lede_doc_token_str (doc, i, &len);
  const LedeToken *t = lede_doc_token (doc, i);

  if (!(t->flags & LEDE_TOKEN_PUNCT) || (t->flags & LEDE_TOKEN_SPACE_BEFORE))
    return FALSE;
  return (len == 1 && (*s == ')' || *s == ']' || *s == '"' || *s == '\'')) || g_str_has_prefix (s, "”")
         || g_str_has_prefix (s, "’") || g_str_has_prefix (s, "»");
}

static gboolean
ends_sentence (const LedeDoc *doc, guint i)
{
  gsize len;
  const char *s = lede_doc_token_str (doc, i, &len);
  const LedeToken *t = lede_doc_token (doc, i);

  if (t->flags & LEDE_TOKEN_PUNCT)
    return (len == 1 && (*s == '.' || *s == '!' || *s == '?')) || g_str_has_prefix (s, "…");
  return FALSE;
}

/* Can the token start a sentence? */
static gboolean
can_start (const LedeDoc *doc, guint i)
{
  const LedeToken *t = lede_doc_token (doc, i);
  gsize len;
  const char *s = lede_doc_token_str (doc, i, &len);

  if (t->flags & (LEDE_TOKEN_CAPITALIZED | LEDE_TOKEN_NUMBER | LEDE_TOKEN_QUOTE))
    return TRUE;
  return len == 1 && (*s == '(' || *s == '[' || *s == '-');
}

static void
add_sentence (LedeDoc *doc, guint first, guint end)
{
  LedeTokenRange r = { first, end };
  LedeSentence s;
  guint index = doc->sentences->len;

  if (first >= end)
    return;
  s.bstart = lede_doc_token (doc, first)->bstart;
  s.start = lede_doc_token (doc, first)->start;
  s.bend = lede_doc_token (doc, end - 1)->bend;
  s.end = lede_doc_token (doc, end - 1)->end;
  g_array_append_val (doc->sentences, s);
  g_array_append_val (doc->sentence_tokens, r);
  for (guint i = first; i < end; i++)
    {
      LedeToken *t = &g_array_index (doc->tokens, LedeToken, i);
      t->sentence = index;
      if (i == first)
        t->flags |= LEDE_TOKEN_SENTENCE_START;
      if (t->bend <= doc->title_bend)
        t->flags |= LEDE_TOKEN_TITLE;
    }
}

void
lede_split_sentences (LedeDoc *doc)
{
  const LedeWordList *starters = lede_word_list_get ("function-words");
  const LedeWordList *titles = lede_word_list_get ("abbreviations");
  guint n = lede_doc_n_tokens (doc);
  guint first = 0;

  doc->sentences = g_array_new (FALSE, FALSE, sizeof (LedeSentence));
  doc->sentence_tokens = g_array_new (FALSE, FALSE, sizeof (LedeTokenRange));

  for (guint i = 0; i < n; i++)
    {
      const LedeToken *t = lede_doc_token (doc, i);
      gboolean split = FALSE;
      guint j;

      if (i > first && (t->flags & LEDE_TOKEN_PARAGRAPH_START))
        {
          add_sentence (doc, first, i);
          first = i;
        }

      if (ends_sentence (doc, i))
        {
          /* Take closing quotes and brackets along. */
          for (j = i + 1; j < n && (is_closing (doc, j) || ends_sentence (doc, j)); j++)
            ;
          if (j >= n)
            continue;
          t = lede_doc_token (doc, j);
          split = (t->flags & LEDE_TOKEN_SPACE_BEFORE) && can_start (doc, j);
          if (split && !(t->flags & LEDE_TOKEN_PARAGRAPH_START))
            {
              add_sentence (doc, first, j);
              first = j;
              i = j - 1;
            }
          continue;
        }

      if ((t->flags & LEDE_TOKEN_WORD) && i + 1 < n)
        {
          gsize len;
          const char *s = lede_doc_token_str (doc, i, &len);
          const LedeToken *next = lede_doc_token (doc, i + 1);
          gsize nlen;
          const char *ns;

          /* "… in the U.S. The talks …": an abbreviation ends the sentence
           * only when a word that starts sentences follows it, and a
           * title ("Gen.", "Mr.") never does. */
          if (len < 2 || s[len - 1] != '.' || (next->flags & LEDE_TOKEN_PARAGRAPH_START))
            continue;
          if (!(next->flags & LEDE_TOKEN_CAPITALIZED) || !(next->flags & LEDE_TOKEN_SPACE_BEFORE))
            continue;
          if (lede_word_list_lookup (titles, s, len) != NULL
              && g_strcmp0 (lede_word_list_lookup (titles, s, len), "title") == 0)
            continue;
          ns = lede_doc_token_str (doc, i + 1, &nlen);
          if (lede_word_list_lookup_lower (starters, ns, nlen) != NULL)
            {
              add_sentence (doc, first, i + 1);
              first = i + 1;
            }
        }
    }
  add_sentence (doc, first, n);
}
