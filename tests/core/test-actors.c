/* test-actors.c: the actors stage: finding, typing and merging named actors. */
#include <string.h>

#include "lede-analysis-private.h"
#include "lede-core.h"

/* Runs the stages up to and including actors, so that what later stages
 * add (unnamed sources from the claims stage) does not show here. */
typedef struct
{
  LedeDoc doc;
} Run;

static void
run_free (Run *run)
{
  lede_doc_clear (&run->doc);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_free)

static Run *
analyse (const char *text)
{
  Run *run = g_new0 (Run, 1);
  LedeDoc *doc = &run->doc;
  g_autoptr (GError) error = NULL;
  const char *nl;
  guint n;

  g_assert_true (lede_normalize (text, strlen (text), 0, &doc->text, &doc->len, &error));
  g_assert_no_error (error);
  /* The first line is the title when a blank line follows it. */
  nl = strchr (doc->text, '\n');
  if (nl != NULL && nl[1] == '\n')
    doc->title_bend = nl - doc->text;
  doc->actors = g_ptr_array_new_with_free_func ((GDestroyNotify) lede_actor_free);
  lede_tokenize (doc);
  lede_split_sentences (doc);
  n = lede_doc_n_tokens (doc);
  doc->token_actor = g_new (int, n + 1);
  for (guint i = 0; i <= n; i++)
    doc->token_actor[i] = -1;
  lede_find_actors (doc);
  return run;
}

static guint
n_actors (Run *run)
{
  return run->doc.actors->len;
}

static const LedeActor *
get_actor (Run *run, guint i)
{
  return g_ptr_array_index (run->doc.actors, i);
}

static const LedeActor *
find (Run *a, const char *name)
{
  for (guint k = 0; k < n_actors (a); k++)
    if (strcmp (get_actor (a, k)->name, name) == 0)
      return get_actor (a, k);
  /* Also by alias, so tests do not depend on which form is the name. */
  for (guint k = 0; k < n_actors (a); k++)
    {
      const LedeActor *actor = get_actor (a, k);
      for (guint j = 0; j < actor->aliases->len; j++)
        if (strcmp (g_ptr_array_index (actor->aliases, j), name) == 0)
          return actor;
    }
  return NULL;
}

static gboolean
has_alias (const LedeActor *actor, const char *alias)
{
  for (guint j = 0; j < actor->aliases->len; j++)
    if (strcmp (g_ptr_array_index (actor->aliases, j), alias) == 0)
      return TRUE;
  return FALSE;
}

static const LedeActor *
expect (Run *a, const char *name, LedeActorKind kind)
{
  const LedeActor *actor = find (a, name);

  if (actor == NULL)
    g_error ("no actor named %s", name);
  g_assert_cmpstr (lede_actor_kind_to_string (actor->kind), ==, lede_actor_kind_to_string (kind));
  return actor;
}

static void
expect_none (Run *a, const char *name)
{
  if (find (a, name) != NULL)
    g_error ("unexpected actor %s", name);
}

static void
test_kinds (void)
{
  g_autoptr (Run) a = analyse (
    "Prime Minister Erik Solberg met officials of the World Health Organization in Geneva on Monday. "
    "The Palestinians rejected the plan, and the Ministry of Water Resources of Norland "
    "said it would study it. Mirela Costa, a farmer, said prices were rising. Zarvia, a port "
    "city on the coast, was shelled. Kestrel Brew, a coffee chain, closed.");

  expect (a, "Erik Solberg", LEDE_ACTOR_PERSON);
  expect (a, "World Health Organization", LEDE_ACTOR_ORGANIZATION);
  expect (a, "Geneva", LEDE_ACTOR_PLACE);
  expect (a, "Palestinians", LEDE_ACTOR_GROUP);
  expect (a, "Mirela Costa", LEDE_ACTOR_PERSON);
  expect (a, "Zarvia", LEDE_ACTOR_PLACE);
  expect (a, "Kestrel Brew", LEDE_ACTOR_ORGANIZATION);
  expect_none (a, "Monday");
}

static void
test_org_words (void)
{
  g_autoptr (Run) a = analyse (
    "Shares of Brightwell Pharmaceuticals rose after the Harlow Institute published a study. "
    "The Kestrel Party won the vote, and Ostrander Inc. said its sales fell. "
    "Ostrander expects a rebound. Marlow Foods cut jobs, and the Stevedores' Union of Norland "
    "blamed Marlow. A study by Queen's College Aldbury agreed. Shipowners complained to the "
    "Danish Shipowners Association, and Atlantic Quay Terminals said Atlantic Quay would stay open.");
  const LedeActor *o;

  expect (a, "Brightwell Pharmaceuticals", LEDE_ACTOR_ORGANIZATION);
  expect (a, "Harlow Institute", LEDE_ACTOR_ORGANIZATION);
  expect (a, "Kestrel Party", LEDE_ACTOR_ORGANIZATION);
  g_assert_true (has_alias (expect (a, "Marlow Foods", LEDE_ACTOR_ORGANIZATION), "Marlow"));
  expect (a, "Stevedores' Union of Norland", LEDE_ACTOR_ORGANIZATION);
  expect (a, "Queen's College Aldbury", LEDE_ACTOR_ORGANIZATION);
  expect (a, "Danish Shipowners Association", LEDE_ACTOR_ORGANIZATION);
  g_assert_true (has_alias (expect (a, "Atlantic Quay Terminals", LEDE_ACTOR_ORGANIZATION), "Atlantic Quay"));
  o = expect (a, "Ostrander Inc.", LEDE_ACTOR_ORGANIZATION);
  g_assert_true (has_alias (o, "Ostrander"));
}

static void
test_connectors (void)
{
  g_autoptr (Run) a = analyse (
    "The Bank of England held rates. Sen. Ted Cruz of Texas objected, and spokesman Nikolaus van der "
    "Pas declined to comment. Chile and Uruguay signed the accord with the Centers for Disease "
    "Control and Prevention. Scientists at the University of Oxford and Karolinska Institute agreed. "
    "Karim al-Rashed, the envoy, arrived; Rashed said nothing.");

  expect (a, "Bank of England", LEDE_ACTOR_ORGANIZATION);
  expect_none (a, "England");
  expect (a, "Ted Cruz", LEDE_ACTOR_PERSON);
  expect (a, "Texas", LEDE_ACTOR_PLACE);
  expect (a, "Nikolaus van der Pas", LEDE_ACTOR_PERSON);
  g_assert_cmpuint (expect (a, "Karim al-Rashed", LEDE_ACTOR_PERSON)->mentions->len, ==, 2);
  expect (a, "Chile", LEDE_ACTOR_PLACE);
  expect (a, "Uruguay", LEDE_ACTOR_PLACE);
  expect (a, "Centers for Disease Control and Prevention", LEDE_ACTOR_ORGANIZATION);
  expect (a, "University of Oxford", LEDE_ACTOR_ORGANIZATION);
  expect (a, "Karolinska Institute", LEDE_ACTOR_ORGANIZATION);
}

static void
test_roles (void)
{
  g_autoptr (Run) a = analyse ("U.S. Secretary of State Antony Blinken arrived in Cairo. "
                               "Siemens CEO Anand Raghavan said sales fell. "
                               "The club's chief executive Peter Walsh confirmed the bid. "
                               "Dr. Helena Brandt, who leads the agency, said more work was needed. "
                               "Portugal's transport minister, Rui Paiva, agreed.");
  const LedeActor *p;

  p = expect (a, "Antony Blinken", LEDE_ACTOR_PERSON);
  g_assert_cmpstr (p->role, ==, "U.S. Secretary of State");
  p = expect (a, "Anand Raghavan", LEDE_ACTOR_PERSON);
  g_assert_nonnull (p->role);
  g_assert_nonnull (strstr (p->role, "CEO"));
  p = expect (a, "Peter Walsh", LEDE_ACTOR_PERSON);
  g_assert_cmpstr (p->role, ==, "chief executive");
  p = expect (a, "Helena Brandt", LEDE_ACTOR_PERSON);
  g_assert_cmpstr (p->role, ==, "Dr.");
  p = expect (a, "Rui Paiva", LEDE_ACTOR_PERSON);
  g_assert_cmpstr (p->role, ==, "Portugal's transport minister");
  /* The owner in a role is an actor of its own. */
  expect (a, "U.S.", LEDE_ACTOR_PLACE);
  expect (a, "Siemens", LEDE_ACTOR_ORGANIZATION);
}

static void
test_apposition (void)
{
  g_autoptr (Run) a = analyse ("LONDON, May 13 - Theresa Marsh, the former British prime minister, spoke "
                               "in May. Marsh said regulation was overdue. Okonkwo, a senior analyst at "
                               "Fenwick Capital, disagreed.");
  const LedeActor *p = expect (a, "Theresa Marsh", LEDE_ACTOR_PERSON);

  g_assert_cmpstr (p->role, ==, "former British prime minister");
  g_assert_cmpuint (p->mentions->len, ==, 2);
  p = expect (a, "Okonkwo", LEDE_ACTOR_PERSON);
  g_assert_cmpstr (p->role, ==, "senior analyst at Fenwick Capital");
  expect_none (a, "May");
  expect (a, "LONDON", LEDE_ACTOR_PLACE);
}

static void
test_teams (void)
{
  g_autoptr (Run) a
    = analyse ("Bolton have rejected a second bid for the striker. Wanderers boss Tom Hale said "
               "the club would not sell. The striker moved to Bolton in 2021.");
  const LedeActor *club = expect (a, "Bolton", LEDE_ACTOR_ORGANIZATION);

  g_assert_true (has_alias (club, "Wanderers"));
  g_assert_cmpuint (club->mentions->len, ==, 3);
  g_assert_cmpstr (expect (a, "Tom Hale", LEDE_ACTOR_PERSON)->role, ==, "Wanderers boss");
}

static void
test_merge_surname (void)
{
  g_autoptr (Run) a = analyse ("Blinken’s trip ends today.\n\n"
                               "Secretary of State Antony Blinken landed in Tel Aviv. "
                               "Blinken’s visit is his ninth. Later, Blinken met the press.");
  const LedeActor *p = expect (a, "Antony Blinken", LEDE_ACTOR_PERSON);

  g_assert_cmpstr (p->name, ==, "Antony Blinken");
  g_assert_true (has_alias (p, "Blinken"));
  g_assert_false (has_alias (p, "Blinken’s"));
  g_assert_cmpuint (p->aliases->len, ==, 2);
  /* The title, two possessives and a plain surname: four mentions. */
  g_assert_cmpuint (p->mentions->len, ==, 4);
}

static void
test_merge_acronym (void)
{
  g_autoptr (Run) a
    = analyse ("The National Electoral Council (CNE) declared a winner. Critics said the CNE was biased. "
               "The United States rejected the result, and U.S. officials asked for a recount. "
               "The US embassy said it was watching. The Ruritanian Institute of Health and the U.S. "
               "Ruritanian Institute of Health agreed. Quillon Motors (QLN.O) recalled cars over its "
               "Drivewise system.");
  const LedeActor *cne = expect (a, "National Electoral Council", LEDE_ACTOR_ORGANIZATION);
  const LedeActor *us = expect (a, "United States", LEDE_ACTOR_PLACE);

  g_assert_true (has_alias (cne, "CNE"));
  g_assert_true (has_alias (expect (a, "Quillon Motors", LEDE_ACTOR_ORGANIZATION), "QLN.O"));
  expect_none (a, "O");
  expect_none (a, "Drivewise");
  g_assert_cmpuint (cne->mentions->len, ==, 3);
  g_assert_true (has_alias (expect (a, "Ruritanian Institute of Health", LEDE_ACTOR_ORGANIZATION),
                            "U.S. Ruritanian Institute of Health"));
  g_assert_true (has_alias (us, "U.S."));
  g_assert_true (has_alias (us, "US"));
  g_assert_cmpstr (us->name, ==, "United States");
}

static void
test_sentence_initial (void)
{
  g_autoptr (Run) a = analyse ("Meanwhile, the talks stalled. Officials said little. "
                               "Analysts expect a deal. Despite that, Moreno said he was hopeful. "
                               "Moreno will travel to Lima. The CEO and the Minister of Finance told the "
                               "Board nothing.");
  const LedeActor *p;

  expect_none (a, "Meanwhile");
  expect_none (a, "Officials");
  expect_none (a, "Analysts");
  expect_none (a, "Despite");
  expect_none (a, "CEO");
  expect_none (a, "Minister of Finance");
  expect_none (a, "of Finance");
  expect_none (a, "Board");
  p = find (a, "Moreno");
  g_assert_nonnull (p);
  g_assert_cmpuint (p->mentions->len, ==, 2);
  expect (a, "Lima", LEDE_ACTOR_PLACE);
}

static void
test_title_case_lines (void)
{
  g_autoptr (Run) a = analyse ("Envoys Leave Doha As Talks Stall\n\n"
                               "Mediators left Doha on Sunday. Negotiator Sami Haddad said the gaps "
                               "remained.\n"
                               "What Comes Next For Haddad\n"
                               "Haddad is due back next week.");
  const LedeActor *p;

  expect (a, "Doha", LEDE_ACTOR_PLACE);
  expect_none (a, "Envoys");
  expect_none (a, "Leave");
  expect_none (a, "Talks Stall");
  expect_none (a, "Comes");
  expect_none (a, "Next");
  p = expect (a, "Sami Haddad", LEDE_ACTOR_PERSON);
  g_assert_cmpuint (p->mentions->len, ==, 3);
}

static void
test_demonyms (void)
{
  g_autoptr (Run) a = analyse ("Israeli airstrikes hit Gaza overnight, and Israel said it targeted "
                               "militants. Israeli hostages remain in captivity. "
                               "Peruvian farmers protested in the capital.");
  g_autoptr (Run) b = analyse ("The Venezuelan government denied the report.");
  const LedeActor *israel = expect (a, "Israel", LEDE_ACTOR_PLACE);
  const char *text = a->doc.text;
  guint demonym_mentions = 0;

  /* "Israeli airstrikes" is a mention, "Israeli hostages" is not; the
   * adjective is never an alias. */
  g_assert_false (has_alias (israel, "Israeli"));
  for (guint i = 0; i < israel->mentions->len; i++)
    {
      const LedeSpan *s = &g_array_index (israel->mentions, LedeSpan, i);
      if (strncmp (text + s->bstart, "Israeli", s->bend - s->bstart) == 0 && s->bend - s->bstart == 7)
        demonym_mentions++;
    }
  g_assert_cmpuint (demonym_mentions, ==, 1);
  g_assert_cmpuint (israel->mentions->len, ==, 2);
  /* A demonym alone never makes an actor. */
  expect_none (a, "Peru");
  expect_none (a, "Peruvian");
  g_assert_cmpuint (n_actors (b), ==, 0);
}

static void
test_possessive_orgs (void)
{
  g_autoptr (Run) a = analyse ("Prime Minister Dana Ferro met the envoy. Ferro’s office said the talks "
                               "went well, but the Carver administration disagreed.");

  expect (a, "Dana Ferro", LEDE_ACTOR_PERSON);
  expect (a, "Ferro’s office", LEDE_ACTOR_ORGANIZATION);
  expect (a, "Carver administration", LEDE_ACTOR_ORGANIZATION);
}

static void
test_offsets (void)
{
  const char *input = "“We won,” said Tomás Ribeiro in Porto. Ribeiro’s rival, Inês Sofia Andrade, "
                      "disagreed. Andrade spoke from Évora.";
  g_autoptr (Run) a = analyse (input);
  const char *text = a->doc.text;
  glong last_start = -1;

  g_assert_cmpuint (n_actors (a), >=, 3);
  for (guint k = 0; k < n_actors (a); k++)
    {
      const LedeActor *actor = get_actor (a, k);
      const LedeSpan *first = &g_array_index (actor->mentions, LedeSpan, 0);

      /* Ordered by first mention. */
      g_assert_cmpint ((glong) first->start, >, last_start);
      last_start = first->start;
      g_assert_cmpfloat (actor->salience, >=, 0.0);
      g_assert_cmpfloat (actor->salience, <=, 1.0);
      for (guint i = 0; i < actor->mentions->len; i++)
        {
          const LedeSpan *s = &g_array_index (actor->mentions, LedeSpan, i);
          const char *b = g_utf8_offset_to_pointer (text, s->start);
          const char *e = g_utf8_offset_to_pointer (text, s->end);
          g_assert_cmpuint (b - text, ==, s->bstart);
          g_assert_cmpuint (e - text, ==, s->bend);
        }
    }
  expect (a, "Tomás Ribeiro", LEDE_ACTOR_PERSON);
  g_assert_true (has_alias (find (a, "Tomás Ribeiro"), "Ribeiro"));
  expect (a, "Inês Sofia Andrade", LEDE_ACTOR_PERSON);
  g_assert_cmpuint (find (a, "Inês Sofia Andrade")->mentions->len, ==, 2);
}

static void
test_token_actor (void)
{
  LedeDoc doc = { 0 };
  const char *input = "Chancellor Olaf Brandt visited Oslo. Brandt left.";
  guint n;
  int brandt = -1;

  g_assert_true (lede_normalize (input, strlen (input), 0, &doc.text, &doc.len, NULL));
  doc.actors = g_ptr_array_new_with_free_func ((GDestroyNotify) lede_actor_free);
  lede_tokenize (&doc);
  lede_split_sentences (&doc);
  n = lede_doc_n_tokens (&doc);
  doc.token_actor = g_new (int, n + 1);
  for (guint i = 0; i <= n; i++)
    doc.token_actor[i] = -1;
  lede_find_actors (&doc);

  for (guint i = 0; i < doc.actors->len; i++)
    if (strcmp (((LedeActor *) g_ptr_array_index (doc.actors, i))->name, "Olaf Brandt") == 0)
      brandt = i;
  g_assert_cmpint (brandt, >=, 0);
  for (guint i = 0; i < n; i++)
    {
      gboolean is_name = lede_doc_token_is (&doc, i, "Olaf") || lede_doc_token_is (&doc, i, "Brandt");
      if (is_name)
        g_assert_cmpint (doc.token_actor[i], ==, brandt);
      else if (lede_doc_token_is (&doc, i, "Oslo"))
        g_assert_cmpint (doc.token_actor[i], >=, 0);
      else
        g_assert_cmpint (doc.token_actor[i], ==, -1);
    }
  lede_doc_clear (&doc);
}

static void
test_bad_input (void)
{
  /* Odd capitals and punctuation must not crash or loop. */
  static const char *const texts[] = {
    "A",
    "(",
    "U.S.",
    "The The The The The",
    "Mr. Mr. Mr.",
    "of of of Of Of Of",
    "Ministry of",
    "X (Y) (Z) (",
    "’s ’s Blinken’s’s",
    "AAAA BBBB CCCC DDDD EEEE FFFF GGGG HHHH IIII JJJJ KKKK LLLL MMMM NNNN OOOO PPPP",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (Run) a = analyse (texts[i]);
      for (guint k = 0; k < n_actors (a); k++)
        {
          const LedeActor *actor = get_actor (a, k);
          g_assert_cmpuint (actor->mentions->len, >, 0);
          g_assert_cmpstr (actor->name, !=, "");
        }
    }
}

static void
test_company_descriptors (void)
{
  Run *a
    = analyse ("Dutch chip designer Noordlicht said it would grow. Fashion designer Ana Lima disagreed.");
  const LedeActor *actor;

  /* "chip designer" describes a company; "designer" alone is a person's title. */
  actor = expect (a, "Noordlicht", LEDE_ACTOR_ORGANIZATION);
  g_assert_null (actor->role);
  actor = expect (a, "Ana Lima", LEDE_ACTOR_PERSON);
  g_assert_cmpstr (actor->role, ==, "Fashion designer");
  run_free (a);
}

static void
test_abbreviated_dates (void)
{
  g_autoptr (Run) a
    = analyse ("The probe has orbited since Dec. 2 and lands on Tue. 9 Jan. Sen. Ada Holm agreed.");

  /* An abbreviated month or weekday is a date, never a person. */
  expect_none (a, "Dec.");
  expect_none (a, "Tue.");
  expect (a, "Ada Holm", LEDE_ACTOR_PERSON);
}

static void
test_datelines_months_titles (void)
{
  g_autoptr (Run) a = analyse ("SACRAMENTO, Calif. — Assemblyman David Cho said the bill passed in August. "
                               "August Wilson wrote the play.");
  const LedeActor *cho;

  /* A state's abbreviation is a place, a month after "in" is a date, and
   * "Assemblyman" is a title, not part of the name. */
  expect (a, "Calif.", LEDE_ACTOR_PLACE);
  expect_none (a, "August");
  expect (a, "August Wilson", LEDE_ACTOR_PERSON);
  cho = expect (a, "David Cho", LEDE_ACTOR_PERSON);
  g_assert_cmpstr (cho->role, ==, "Assemblyman");
}

static void
test_match_results (void)
{
  g_autoptr (Run) a
    = analyse ("Aalborg beat Odense 3-0 on Sunday, and Brondby were held to a 1-1 draw by Silkeborg. "
               "In the tennis, Kowalczyk beat Novak 6-2 6-1. "
               "At Leicester, Leicestershire beat Somerset by an innings and 39 runs.");

  /* One-word names in a match result are teams; tennis players are people. */
  expect (a, "Aalborg", LEDE_ACTOR_ORGANIZATION);
  expect (a, "Odense", LEDE_ACTOR_ORGANIZATION);
  expect (a, "Silkeborg", LEDE_ACTOR_ORGANIZATION);
  expect (a, "Kowalczyk", LEDE_ACTOR_PERSON);
  /* A county side winning by runs is a team too; the town is a place. */
  expect (a, "Leicestershire", LEDE_ACTOR_ORGANIZATION);
  expect (a, "Somerset", LEDE_ACTOR_ORGANIZATION);
  expect (a, "Leicester", LEDE_ACTOR_PLACE);
}

static void
test_town_and_its_university (void)
{
  g_autoptr (Run) a = analyse ("The mayor of Rivertown, Paul Adeyemi, defended the plan. "
                               "Jane Okafor, a professor at Rivertown University, disagreed.");

  /* The town is not a short form of the university named after it. */
  expect (a, "Rivertown", LEDE_ACTOR_PLACE);
  expect (a, "Rivertown University", LEDE_ACTOR_ORGANIZATION);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lede/core/actors/kinds", test_kinds);
  g_test_add_func ("/lede/core/actors/org-words", test_org_words);
  g_test_add_func ("/lede/core/actors/connectors", test_connectors);
  g_test_add_func ("/lede/core/actors/roles", test_roles);
  g_test_add_func ("/lede/core/actors/apposition", test_apposition);
  g_test_add_func ("/lede/core/actors/teams", test_teams);
  g_test_add_func ("/lede/core/actors/merge-surname", test_merge_surname);
  g_test_add_func ("/lede/core/actors/merge-acronym", test_merge_acronym);
  g_test_add_func ("/lede/core/actors/sentence-initial", test_sentence_initial);
  g_test_add_func ("/lede/core/actors/title-case", test_title_case_lines);
  g_test_add_func ("/lede/core/actors/demonyms", test_demonyms);
  g_test_add_func ("/lede/core/actors/possessive-orgs", test_possessive_orgs);
  g_test_add_func ("/lede/core/actors/offsets", test_offsets);
  g_test_add_func ("/lede/core/actors/token-actor", test_token_actor);
  g_test_add_func ("/lede/core/actors/bad-input", test_bad_input);
  g_test_add_func ("/lede/core/actors/company-descriptors", test_company_descriptors);
  g_test_add_func ("/lede/core/actors/abbreviated-dates", test_abbreviated_dates);
  g_test_add_func ("/lede/core/actors/datelines-months-titles", test_datelines_months_titles);
  g_test_add_func ("/lede/core/actors/match-results", test_match_results);
  g_test_add_func ("/lede/core/actors/town-and-its-university", test_town_and_its_university);

  return g_test_run ();
}
