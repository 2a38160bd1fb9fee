/* test-sentences.c: sentence boundaries, with abbreviations that do not end them. */
#include <string.h>

#include "lede-core.h"

static GPtrArray *
split (const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeAnalysis) a
    = lede_analysis_new_for_text (text, -1, NULL, LEDE_ANALYSIS_FLAGS_NONE, 0, &error);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < lede_analysis_get_n_sentences (a); i++)
    g_ptr_array_add (out, lede_analysis_dup_sentence_text (a, i));
  return out;
}

static void
assert_sentences (const char *text, ...)
{
  g_autoptr (GPtrArray) got = split (text);
  va_list args;
  const char *expected;
  guint i = 0;

  va_start (args, text);
  while ((expected = va_arg (args, const char *)) != NULL)
    {
      g_assert_cmpuint (i, <, got->len);
      g_assert_cmpstr (g_ptr_array_index (got, i), ==, expected);
      i++;
    }
  va_end (args);
  g_assert_cmpuint (i, ==, got->len);
}

static void
test_simple (void)
{
  assert_sentences ("The vote was close. Turnout fell! Why? Nobody knows.", "The vote was close.",
                    "Turnout fell!", "Why?", "Nobody knows.", NULL);
}

static void
test_abbreviations (void)
{
  assert_sentences ("Gen. Maria Ortiz met Mr. Holm on Jan. 4 in the U.S. capital. They spoke.",
                    "Gen. Maria Ortiz met Mr. Holm on Jan. 4 in the U.S. capital.", "They spoke.", NULL);
  /* An abbreviation at the end of a sentence, before a word that starts one. */
  assert_sentences ("Troops returned to the U.S. The move was expected.", "Troops returned to the U.S.",
                    "The move was expected.", NULL);
  assert_sentences ("Dr. Ada Obi of Brightwell Inc. said 3.5 million doses arrived.",
                    "Dr. Ada Obi of Brightwell Inc. said 3.5 million doses arrived.", NULL);
}

static void
test_quotes (void)
{
  assert_sentences ("“We will not leave.” The mayor said it twice. He added: “Never.”",
                    "“We will not leave.”", "The mayor said it twice.", "He added: “Never.”", NULL);
}

static void
test_paragraphs (void)
{
  assert_sentences ("Headline without a period\n\nFirst paragraph ends here\nSecond line.",
                    "Headline without a period", "First paragraph ends here", "Second line.", NULL);
}

static void
test_offsets (void)
{
  g_autoptr (GError) error = NULL;
  const char *text = "Zoë arrived. Ünal left.";
  g_autoptr (LedeAnalysis) a = lede_analysis_new_for_text (text, -1, NULL, 0, 0, &error);
  const LedeSentence *s;

  g_assert_no_error (error);
  g_assert_cmpuint (lede_analysis_get_n_sentences (a), ==, 2);
  s = lede_analysis_get_sentence (a, 1);
  /* Code points, not bytes. */
  g_assert_cmpuint (s->start, ==, 13);
  g_assert_cmpuint (s->end, ==, 23);
  g_assert_cmpuint (s->bstart, ==, 14);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lede/core/sentences/simple", test_simple);
  g_test_add_func ("/lede/core/sentences/abbreviations", test_abbreviations);
  g_test_add_func ("/lede/core/sentences/quotes", test_quotes);
  g_test_add_func ("/lede/core/sentences/paragraphs", test_paragraphs);
  g_test_add_func ("/lede/core/sentences/offsets", test_offsets);
  return g_test_run ();
}
