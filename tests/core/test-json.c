/* test-json.c: the lede.analysis/1 document: offsets, round trip, malformed input. */
#include <string.h>

#include "lede-core.h"

static const char *article
  = "Talks stall in Brussels\n"
    "\n"
    "Ministers from Poland and Ireland said on Tuesday that talks on the €4.5 billion fund had stalled. "
    "“We are not close,” said Polish minister Ewa Nowak, who accused the European Commission of delay. "
    "The Commission denied it. Ms. Nowak’s deputy said 12 of the 27 members agreed.\n";

static LedeAnalysis *
analyze (const char *text)
{
  g_autoptr (GError) error = NULL;
  LedeAnalysis *a = lede_analysis_new_for_text (text, -1, NULL, LEDE_ANALYSIS_FLAGS_DETECT_TITLE, 0, &error);
  g_assert_no_error (error);
  return a;
}

/* text[start:end] == span text, in code points, for every span. */
static void
assert_span (LedeAnalysis *a, const LedeSpan *span)
{
  const char *text = lede_analysis_get_text (a);
  g_autofree char *by_bytes = lede_analysis_dup_span_text (a, span);
  const char *s = g_utf8_offset_to_pointer (text, span->start);
  const char *e = g_utf8_offset_to_pointer (text, span->end);

  g_assert_cmpuint (span->start, <=, span->end);
  g_assert_cmpint (s - text, ==, span->bstart);
  g_assert_cmpint (e - text, ==, span->bend);
  g_assert_cmpuint (strlen (by_bytes), ==, (gsize) (e - s));
  g_assert_cmpuint (span->sentence, <, lede_analysis_get_n_sentences (a));
}

static void
test_offsets (void)
{
  g_autoptr (LedeAnalysis) a = analyze (article);

  for (guint i = 0; i < lede_analysis_get_n_actors (a); i++)
    {
      const LedeActor *actor = lede_analysis_get_actor (a, i);
      for (guint j = 0; j < actor->mentions->len; j++)
        assert_span (a, &g_array_index (actor->mentions, LedeSpan, j));
    }
  for (guint i = 0; i < lede_analysis_get_n_figures (a); i++)
    assert_span (a, &lede_analysis_get_figure (a, i)->span);
  for (guint i = 0; i < lede_analysis_get_n_claims (a); i++)
    assert_span (a, &lede_analysis_get_claim (a, i)->span);
}

static void
test_round_trip (void)
{
  g_autoptr (LedeAnalysis) a = analyze (article);
  g_autoptr (LedeAnalysis) b = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *json = lede_analysis_to_json (a, FALSE);
  g_autofree char *pretty = lede_analysis_to_json (a, TRUE);
  g_autofree char *again = NULL;
  g_autofree char *again_pretty = NULL;

  g_assert_true (g_str_has_prefix (json, "{\"schema\":\"lede.analysis/1\",\"analyzer\":\"lede "));
  b = lede_analysis_new_from_json (json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lede_analysis_get_text (b), ==, lede_analysis_get_text (a));
  g_assert_cmpstr (lede_analysis_get_title (b), ==, "Talks stall in Brussels");
  g_assert_cmpuint (lede_analysis_get_n_actors (b), ==, lede_analysis_get_n_actors (a));
  g_assert_cmpuint (lede_analysis_get_n_figures (b), ==, lede_analysis_get_n_figures (a));
  g_assert_cmpuint (lede_analysis_get_n_claims (b), ==, lede_analysis_get_n_claims (a));
  g_assert_cmpuint (lede_analysis_get_n_sentences (b), ==, lede_analysis_get_n_sentences (a));
  again = lede_analysis_to_json (b, FALSE);
  g_assert_cmpstr (again, ==, json);

  /* The pretty form is the same document. */
  g_clear_object (&b);
  b = lede_analysis_new_from_json (pretty, -1, &error);
  g_assert_no_error (error);
  again_pretty = lede_analysis_to_json (b, FALSE);
  g_assert_cmpstr (again_pretty, ==, json);
}

static void
test_escaping (void)
{
  g_autoptr (LedeAnalysis) a = analyze ("A \"quoted\" back\\slash\tand \x01 control.");
  g_autofree char *json = lede_analysis_to_json (a, FALSE);
  g_autoptr (LedeAnalysis) b = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (strstr (json, "A \\\"quoted\\\" back\\\\slash\\tand \\u0001 control."));
  b = lede_analysis_new_from_json (json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lede_analysis_get_text (b), ==, lede_analysis_get_text (a));
}

static void
test_malformed (void)
{
  static const char *bad[] = {
    "",
    "[]",
    "{\"schema\": \"other/1\", \"text\": \"x\"}",
    "{\"schema\": \"lede.analysis/1\"}",
    "{\"schema\": \"lede.analysis/1\", \"text\": \"abc\", \"sentences\": [{\"start\": 0, \"end\": 99}],"
    " \"actors\": [], \"figures\": [], \"claims\": []}",
    "{\"schema\": \"lede.analysis/1\", \"text\": \"abc\", \"sentences\": [], \"actors\": [{\"id\": \"a1\"}],"
    " \"figures\": [], \"claims\": []}",
    "{\"schema\": \"lede.analysis/1\", \"text\": \"abc\", \"sentences\": [], \"actors\": [],"
    " \"figures\": [{\"start\": 2, \"end\": 1, \"kind\": \"count\"}], \"claims\": []}",
    "{\"schema\": \"lede.analysis/1\", \"text\": ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (LedeAnalysis) a = lede_analysis_new_from_json (bad[i], -1, &error);
      g_assert_null (a);
      g_assert_nonnull (error);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lede/core/json/offsets", test_offsets);
  g_test_add_func ("/lede/core/json/round-trip", test_round_trip);
  g_test_add_func ("/lede/core/json/escaping", test_escaping);
  g_test_add_func ("/lede/core/json/malformed", test_malformed);
  return g_test_run ();
}
