/* test-tokens.c: how the text is cut into tokens. */
#include <string.h>

#include "lede-analysis-private.h"

static char *
tokens_of (const char *text)
{
  LedeDoc doc = { 0 };
  GString *out = g_string_new (NULL);

  doc.text = g_strdup (text);
  doc.len = strlen (text);
  lede_tokenize (&doc);
  for (guint i = 0; i < lede_doc_n_tokens (&doc); i++)
    {
      gsize len;
      const char *s = lede_doc_token_str (&doc, i, &len);
      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append_len (out, s, len);
    }
  g_free (doc.text);
  g_array_unref (doc.tokens);
  return g_string_free (out, FALSE);
}

static void
assert_tokens (const char *text, const char *expected)
{
  g_autofree char *got = tokens_of (text);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_words (void)
{
  assert_tokens ("Hello, world!", "Hello|,|world|!");
  assert_tokens ("al-Sinwar and forty-two", "al-Sinwar|and|forty-two");
  assert_tokens ("don't O'Brien", "don't|O'Brien");
}

static void
test_abbreviations (void)
{
  assert_tokens ("the U.S. and U.N. said", "the|U.S.|and|U.N.|said");
  assert_tokens ("Gen. Ortiz, Mr. Holm", "Gen.|Ortiz|,|Mr.|Holm");
  assert_tokens ("John F. Kennedy", "John|F.|Kennedy");
  assert_tokens ("it ended.", "it|ended|.");
}

static void
test_possessive (void)
{
  assert_tokens ("Blinken’s visit", "Blinken|’s|visit");
  assert_tokens ("Blinken's visit", "Blinken|'s|visit");
  assert_tokens ("the Palestinians’ demands", "the|Palestinians|’|demands");
}

static void
test_numbers (void)
{
  assert_tokens ("$1,000.50 and 1.5 billion, 20% in 1990s, 10th",
                 "$|1,000.50|and|1.5|billion|,|20|%|in|1990s|,|10th");
  assert_tokens ("won 101-100.", "won|101|-|100|.");
}

static void
test_code_points (void)
{
  LedeDoc doc = { 0 };
  const LedeToken *t;

  doc.text = g_strdup ("Zoë’s café");
  doc.len = strlen (doc.text);
  lede_tokenize (&doc);
  g_assert_cmpuint (lede_doc_n_tokens (&doc), ==, 3);
  t = lede_doc_token (&doc, 2);
  g_assert_cmpuint (t->start, ==, 6);
  g_assert_cmpuint (t->end, ==, 10);
  g_assert_true (lede_doc_token (&doc, 0)->flags & LEDE_TOKEN_CAPITALIZED);
  g_assert_true (lede_doc_token (&doc, 1)->flags & LEDE_TOKEN_POSSESSIVE);
  g_free (doc.text);
  g_array_unref (doc.tokens);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lede/core/tokens/words", test_words);
  g_test_add_func ("/lede/core/tokens/abbreviations", test_abbreviations);
  g_test_add_func ("/lede/core/tokens/possessive", test_possessive);
  g_test_add_func ("/lede/core/tokens/numbers", test_numbers);
  g_test_add_func ("/lede/core/tokens/code-points", test_code_points);
  return g_test_run ();
}
