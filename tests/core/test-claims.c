/* test-claims.c: the claims stage: attributions in both orders, sources, stances, figure sources. */
#include <string.h>

#include "claims-test-util.h"

static int
actor_index (const LedeDoc *doc, const char *name)
{
  for (guint i = 0; i < doc->actors->len; i++)
    {
      const LedeActor *a = g_ptr_array_index (doc->actors, i);
      if (g_ascii_strcasecmp (a->name, name) == 0)
        return i;
    }
  return -1;
}

static void
assert_offsets (const LedeDoc *doc)
{
  for (guint i = 0; i < doc->claims->len; i++)
    {
      const LedeClaim *claim = g_ptr_array_index (doc->claims, i);
      const char *s = g_utf8_offset_to_pointer (doc->text, claim->span.start);
      const char *e = g_utf8_offset_to_pointer (doc->text, claim->span.end);
      g_assert_cmpint (s - doc->text, ==, claim->span.bstart);
      g_assert_cmpint (e - doc->text, ==, claim->span.bend);
      g_assert_cmpuint (claim->span.bstart, <, claim->span.bend);
    }
}

static void
test_said_before (void)
{
  const char *actors[] = { "Ana Reyes|person", NULL };
  g_autoptr (LedeDoc) doc
    = claims_test_doc_new ("Mayor Ana Reyes said on Monday that the bridge would reopen in May.", actors);
  const LedeClaim *claim;
  g_autofree char *text = NULL;

  claims_test_run (doc);
  g_assert_cmpuint (doc->claims->len, ==, 1);
  claim = g_ptr_array_index (doc->claims, 0);
  text = claims_test_claim_text (doc, claim);
  g_assert_cmpstr (text, ==, "the bridge would reopen in May");
  g_assert_cmpint (claim->claimant, ==, 0);
  g_assert_cmpstr (claim->verb, ==, "said");
  g_assert_cmpint (claim->stance, ==, LEDE_STANCE_STATEMENT);
  g_assert_cmpstr (claim->claimant_text, ==, "Mayor Ana Reyes");
  assert_offsets (doc);
}

static void
test_said_after (void)
{
  const char *actors[] = { "Ana Reyes|person", "Tom Berg|person", NULL };
  g_autoptr (LedeDoc) doc
    = claims_test_doc_new ("The bridge will reopen in May, said Ana Reyes, the city’s mayor. "
                           "“Traffic will be lighter by then,” Tom Berg told reporters. "
                           "Costs rose sharply last year, the engineer Tom Berg said.",
                           actors);
  g_autofree char *t1 = NULL, *t2 = NULL, *t3 = NULL;

  claims_test_run (doc);
  g_assert_cmpuint (doc->claims->len, ==, 3);
  t1 = claims_test_claim_text (doc, g_ptr_array_index (doc->claims, 0));
  t2 = claims_test_claim_text (doc, g_ptr_array_index (doc->claims, 1));
  t3 = claims_test_claim_text (doc, g_ptr_array_index (doc->claims, 2));
  g_assert_cmpstr (t1, ==, "The bridge will reopen in May");
  g_assert_cmpstr (t2, ==, "Traffic will be lighter by then");
  g_assert_cmpstr (t3, ==, "Costs rose sharply last year");
  g_assert_cmpint (((LedeClaim *) g_ptr_array_index (doc->claims, 0))->claimant, ==, 0);
  g_assert_cmpint (((LedeClaim *) g_ptr_array_index (doc->claims, 1))->claimant, ==, 1);
  g_assert_cmpint (((LedeClaim *) g_ptr_array_index (doc->claims, 2))->claimant, ==, 1);
  assert_offsets (doc);
}

static void
test_according_to (void)
{
  const char *actors[] = { "Health Ministry|organization", NULL };
  g_autoptr (LedeDoc) doc
    = claims_test_doc_new ("At least 40 people died in the floods, according to the Health Ministry. "
                           "According to local officials, the river rose two meters overnight.",
                           actors);
  const LedeClaim *a, *b;
  g_autofree char *ta = NULL, *tb = NULL;
  int officials;

  claims_test_run (doc);
  a = claims_test_get_claim (doc, "40 people");
  b = claims_test_get_claim (doc, "river rose");
  ta = claims_test_claim_text (doc, a);
  tb = claims_test_claim_text (doc, b);
  g_assert_cmpstr (ta, ==, "At least 40 people died in the floods");
  g_assert_cmpint (a->claimant, ==, 0);
  g_assert_cmpstr (a->verb, ==, "according to");
  g_assert_cmpstr (tb, ==, "the river rose two meters overnight");
  g_assert_cmpstr (b->verb, ==, "According to");
  /* An unnamed but specific source becomes an actor. */
  officials = actor_index (doc, "local officials");
  g_assert_cmpint (officials, >=, 0);
  g_assert_cmpint (b->claimant, ==, officials);
  g_assert_cmpint (((LedeActor *) g_ptr_array_index (doc->actors, officials))->kind, ==, LEDE_ACTOR_GROUP);
}

static void
test_quotes (void)
{
  const char *actors[] = { "Lena Park|person", NULL };
  g_autoptr (LedeDoc) doc
    = claims_test_doc_new ("“The plan is sound. We tested it twice,” said Lena Park, the project lead. "
                           "“Nobody told us they said no,” she added. “We will keep going. Nothing has "
                           "changed.”\n\n"
                           "The results were announced on Monday. Engineers later called the system Aurora.",
                           actors);
  const LedeClaim *first, *second, *third;
  g_autofree char *t1 = NULL, *t3 = NULL;

  claims_test_run (doc);
  /* A quotation over two sentences, attributed at its end. */
  first = claims_test_get_claim (doc, "The plan is sound");
  t1 = claims_test_claim_text (doc, first);
  g_assert_cmpstr (t1, ==, "The plan is sound. We tested it twice");
  g_assert_cmpint (first->claimant, ==, 0);
  /* A reporting verb inside a quotation attributes nothing. */
  second = claims_test_get_claim (doc, "Nobody told us");
  g_assert_cmpint (second->claimant, ==, 0);
  g_assert_cmpstr (second->verb, ==, "added");
  /* A quotation that goes on after the speaker is named. */
  third = claims_test_get_claim (doc, "We will keep going");
  t3 = claims_test_claim_text (doc, third);
  g_assert_cmpstr (t3, ==, "We will keep going. Nothing has changed");
  g_assert_cmpint (third->claimant, ==, 0);
  /* Passives and naming are not attributions. */
  g_assert_null (claims_test_find_claim (doc, "Monday"));
  g_assert_null (claims_test_find_claim (doc, "Aurora"));
  g_assert_cmpuint (doc->claims->len, ==, 3);
  assert_offsets (doc);
}

static void
test_pronouns (void)
{
  const char *actors[]
    = { "Ana Reyes|person", "Omar Said|person", "Helix Corp.|organization", "Brightwater|place", NULL };
  g_autoptr (LedeDoc) doc
    = claims_test_doc_new ("Omar Said toured the plant with Ana Reyes on Friday. "
                           "She said the repairs were finished. "
                           "Helix Corp. runs the plant in Brightwater. The company said output would rise. "
                           "Helix Corp. was accused of hiding the leak, which it denied.",
                           actors);
  const LedeClaim *she, *company, *it;

  claims_test_run (doc);
  she = claims_test_get_claim (doc, "repairs were finished");
  company = claims_test_get_claim (doc, "output would rise");
  it = claims_test_get_claim (doc, "hiding the leak");
  /* "She": the last person named, as no one has spoken yet. */
  g_assert_cmpint (she->claimant, ==, 0);
  g_assert_cmpint (company->claimant, ==, 2);
  g_assert_cmpstr (it->verb, ==, "denied");
  g_assert_cmpint (it->stance, ==, LEDE_STANCE_DENIAL);
  g_assert_cmpint (it->claimant, ==, 2);
}

static void
test_speaker_memory (void)
{
  const char *actors[] = { "Ana Reyes|person", "Tom Berg|person", NULL };
  g_autoptr (LedeDoc) doc
    = claims_test_doc_new ("Ana Reyes said the talks were useful. Tom Berg, her deputy, was not there. "
                           "“We are close,” she added.",
                           actors);
  const LedeClaim *close;

  claims_test_run (doc);
  /* "she" is the last speaker, not the last person named. */
  close = claims_test_get_claim (doc, "We are close");
  g_assert_cmpint (close->claimant, ==, 0);
}

static void
test_unnamed_sources (void)
{
  g_autoptr (LedeDoc) doc = claims_test_doc_new ("A senior defense official said the drills would continue. "
                                                 "The official noted that no date had been set. "
                                                 "Experts warned that the region could become unstable. "
                                                 "The study authors wrote that larger trials were needed. "
                                                 "A new study found that the drug cut relapses by a third.",
                                                 NULL);
  int official, experts, authors;
  const LedeActor *a;

  claims_test_run (doc);
  official = actor_index (doc, "senior defense official");
  experts = actor_index (doc, "Experts");
  authors = actor_index (doc, "study authors");
  g_assert_cmpint (official, >=, 0);
  g_assert_cmpint (experts, >=, 0);
  g_assert_cmpint (authors, >=, 0);
  a = g_ptr_array_index (doc->actors, official);
  g_assert_cmpint (a->kind, ==, LEDE_ACTOR_PERSON);
  g_assert_cmpuint (a->mentions->len, ==, 2);
  g_assert_cmpint (((LedeActor *) g_ptr_array_index (doc->actors, experts))->kind, ==, LEDE_ACTOR_GROUP);
  g_assert_cmpint (claims_test_get_claim (doc, "drills would continue")->claimant, ==, official);
  g_assert_cmpint (claims_test_get_claim (doc, "no date had been set")->claimant, ==, official);
  g_assert_cmpint (claims_test_get_claim (doc, "could become unstable")->claimant, ==, experts);
  g_assert_cmpint (claims_test_get_claim (doc, "larger trials")->claimant, ==, authors);
  /* A study speaks for its authors. */
  g_assert_cmpint (claims_test_get_claim (doc, "cut relapses")->claimant, ==, authors);
  g_assert_cmpstr (claims_test_get_claim (doc, "cut relapses")->claimant_text, ==, "A new study");
}

static void
test_stances (void)
{
  const char *actors[] = { "Kavala|place", "Doran|place", "Mira Tal|person", "Vex Ltd|organization", NULL };
  g_autoptr (LedeDoc) doc = claims_test_doc_new ("Kavala accused Doran of shelling the border town. "
                                                 "Doran denied any role in the attack. "
                                                 "Mira Tal urged both sides to return to talks. "
                                                 "Kavala threatened to close the pipeline. "
                                                 "Vex Ltd predicted that prices would double. "
                                                 "Mira Tal called for an inquiry.",
                                                 actors);
  const LedeClaim *acc;

  claims_test_run (doc);
  acc = claims_test_get_claim (doc, "shelling");
  g_assert_cmpint (acc->stance, ==, LEDE_STANCE_ACCUSATION);
  g_assert_cmpuint (acc->targets->len, ==, 1);
  g_assert_cmpint (g_array_index (acc->targets, int, 0), ==, 1);
  g_assert_cmpint (claims_test_get_claim (doc, "any role")->stance, ==, LEDE_STANCE_DENIAL);
  g_assert_cmpint (claims_test_get_claim (doc, "return to talks")->stance, ==, LEDE_STANCE_DEMAND);
  g_assert_cmpint (claims_test_get_claim (doc, "close the pipeline")->stance, ==, LEDE_STANCE_THREAT);
  g_assert_cmpint (claims_test_get_claim (doc, "prices would double")->stance, ==, LEDE_STANCE_PREDICTION);
  g_assert_cmpint (claims_test_get_claim (doc, "an inquiry")->stance, ==, LEDE_STANCE_DEMAND);
  g_assert_cmpstr (claims_test_get_claim (doc, "an inquiry")->verb, ==, "called for");
}

static void
test_not_claims (void)
{
  const char *actors[] = { "Nadia Kerr|person", "Orbis|organization", NULL };
  g_autoptr (LedeDoc) doc
    = claims_test_doc_new ("After Orbis announced the merger, shares rose 4%. "
                           "Nadia Kerr was determined to stay and rejected a move abroad. "
                           "The company’s claims were reviewed by a panel. "
                           "The rally, called the March for Water, drew thousands. "
                           "The results announced by the board surprised traders. "
                           "They also reveal cracks in the business.",
                           actors);

  claims_test_run (doc);
  g_assert_cmpuint (doc->claims->len, ==, 0);
}

static void
test_other_senses (void)
{
  const char *actors[] = { "Jo Kane|person", "Delmar|organization", NULL };
  g_autoptr (LedeDoc) doc
    = claims_test_doc_new ("Jo Kane added a second goal in stoppage time. "
                           "Delmar added 200 jobs in May. "
                           "The launch went according to plan. "
                           "Police found the car near the river.\n\n"
                           "Jo Kane said the team was tired. “Tiki-taka” is out of fashion.",
                           actors);

  claims_test_run (doc);
  /* Scoring, hiring, plans, finding a car: not statements. A quoted word
   * after a speaker does not go on in the speaker's voice. */
  for (guint i = 0; i < doc->claims->len; i++)
    {
      g_autofree char *text = claims_test_claim_text (doc, g_ptr_array_index (doc->claims, i));
      g_test_message ("claim: %s", text);
    }
  g_assert_cmpuint (doc->claims->len, ==, 1);
  g_assert_nonnull (claims_test_find_claim (doc, "the team was tired"));
}

static void
test_estimates_and_rejections (void)
{
  const char *actors[] = { "Red Cross|organization", "Coreline|organization", "Veltrix|organization", NULL };
  g_autoptr (LedeDoc) doc
    = claims_test_doc_new ("The Red Cross put the death toll at 40. "
                           "Coreline accuses Veltrix of copying its design. "
                           "Veltrix called the suit baseless and said it would fight it.",
                           actors);
  const LedeClaim *toll, *suit, *fight;

  claims_test_run (doc);
  toll = claims_test_get_claim (doc, "death toll at 40");
  g_assert_cmpint (toll->claimant, ==, 0);
  g_assert_cmpstr (toll->verb, ==, "put");
  suit = claims_test_get_claim (doc, "the suit baseless");
  g_assert_cmpint (suit->claimant, ==, 2);
  g_assert_cmpint (suit->stance, ==, LEDE_STANCE_DENIAL);
  fight = claims_test_get_claim (doc, "it would fight it");
  g_assert_cmpint (fight->claimant, ==, 2);
}

static void
test_structures (void)
{
  const char *actors[] = { "João Cardoso|person", "Lumen Bank|organization", "Ostia|place",
                           "Kira Holt|person",    "Varo Group|organization", NULL };
  g_autoptr (LedeDoc) doc = claims_test_doc_new (
    "Ostia's finance minister, João Cardoso, urged banks to lend more. "
    "Meanwhile, the opposition — which has gained ground in every poll this year — has promised "
    "to cut taxes. "
    "According to people familiar with the matter, Lumen Bank will sell its insurance arm. "
    "Lumen Bank reported a loss. Varo Group was fined. The company said it would appeal. "
    "Officials said little.\n\n"
    "“We will not give up,” Kira Holt said.\n\n"
    "“Not now, not ever.”",
    actors);
  int opposition, people;

  claims_test_run (doc);
  g_assert_cmpint (claims_test_get_claim (doc, "lend more")->claimant, ==, 0);
  opposition = actor_index (doc, "opposition");
  g_assert_cmpint (opposition, >=, 0);
  g_assert_cmpint (claims_test_get_claim (doc, "cut taxes")->claimant, ==, opposition);
  people = actor_index (doc, "people familiar with the matter");
  g_assert_cmpint (people, >=, 0);
  g_assert_cmpint (claims_test_get_claim (doc, "insurance arm")->claimant, ==, people);
  /* "The company": the organization the article names most. */
  g_assert_cmpint (claims_test_get_claim (doc, "would appeal")->claimant, ==, 1);
  g_assert_null (claims_test_find_claim (doc, "little"));
  /* A quoted paragraph after a quoted speaker is the speaker's. */
  g_assert_cmpint (claims_test_get_claim (doc, "Not now")->claimant, ==, 3);
  assert_offsets (doc);
}

static void
test_wire_style (void)
{
  const char *actors[] = { "Health Ministry|organization", "Goldman Sachs|organization", NULL };
  g_autoptr (LedeDoc) doc
    = claims_test_doc_new ("LONDON (Reuters) - Oil prices rose 2% on Tuesday, traders said.\n\n"
                           "A spokesman for the Health Ministry said the clinic would reopen. "
                           "A source at the port, who asked not to be named because he was not "
                           "allowed to speak to reporters, said repairs could take a week. "
                           "Goldman Sachs raised its forecast, saying demand was strong. "
                           "The plan, the minister said on Tuesday, would cost $5 billion.",
                           actors);
  g_autofree char *oil = NULL, *plan = NULL;
  int source;

  claims_test_run (doc);
  /* The dateline is not part of what the traders said. */
  oil = claims_test_claim_text (doc, claims_test_get_claim (doc, "Oil prices"));
  g_assert_cmpstr (oil, ==, "Oil prices rose 2% on Tuesday");
  /* A spokesman speaks for the ministry; a source is a source of its own. */
  g_assert_cmpint (claims_test_get_claim (doc, "clinic")->claimant, ==, 0);
  source = actor_index (doc, "source at the port");
  g_assert_cmpint (source, >=, 0);
  g_assert_cmpint (claims_test_get_claim (doc, "repairs")->claimant, ==, source);
  g_assert_cmpint (claims_test_get_claim (doc, "demand was strong")->claimant, ==, 1);
  /* The statement goes on after the attribution. */
  plan = claims_test_claim_text (doc, claims_test_get_claim (doc, "The plan"));
  g_assert_true (g_str_has_suffix (plan, "would cost $5 billion"));
}

static void
test_company_that_spoke (void)
{
  const char *actors[] = { "European Commission|organization",
                           "Veltrix|organization",
                           "Ines Roth|person",
                           "San Jose|place",
                           "California|place",
                           NULL };
  g_autoptr (LedeDoc) doc
    = claims_test_doc_new ("The European Commission opened an inquiry. The European Commission said it "
                           "was worried. Ines Roth said prices would rise. "
                           "Veltrix, based in San Jose, California, said it would cooperate but "
                           "disputed that estimate. The company said its share was below 25%. "
                           "Ines Roth called the offer “too little, too late.”",
                           actors);
  const LedeClaim *disputed;

  claims_test_run (doc);
  g_assert_cmpint (claims_test_get_claim (doc, "would cooperate")->claimant, ==, 1);
  disputed = claims_test_get_claim (doc, "that estimate");
  g_assert_cmpint (disputed->claimant, ==, 1);
  g_assert_cmpint (disputed->stance, ==, LEDE_STANCE_DENIAL);
  /* "The company" is the one that just spoke, not the organization named most. */
  g_assert_cmpint (claims_test_get_claim (doc, "below 25%")->claimant, ==, 1);
  /* A verdict in quotation marks. */
  g_assert_cmpint (claims_test_get_claim (doc, "too little")->claimant, ==, 2);
  g_assert_cmpint (claims_test_get_claim (doc, "too little")->stance, ==, LEDE_STANCE_STATEMENT);
}

static void
test_figure_sources (void)
{
  const char *actors[] = { "Red Crescent|organization", "Ana Reyes|person", NULL };
  g_autoptr (LedeDoc) doc
    = claims_test_doc_new ("The storm destroyed 300 homes, according to the Red Crescent. "
                           "Ana Reyes said 12 schools were closed. The city has 40 parks.",
                           actors);
  const char *numbers[] = { "300 homes", "12 schools", "40 parks" };

  for (guint k = 0; k < G_N_ELEMENTS (numbers); k++)
    {
      LedeFigure *fig = lede_figure_new ();
      const char *p = strstr (doc->text, numbers[k]);
      guint first = 0, end = 0;
      for (guint i = 0; i < lede_doc_n_tokens (doc); i++)
        {
          const LedeToken *t = lede_doc_token (doc, i);
          if (t->bstart == (guint) (p - doc->text))
            first = i;
          if (t->bend == (guint) (p - doc->text) + strlen (numbers[k]))
            end = i + 1;
        }
      lede_doc_span_from_tokens (doc, first, end, &fig->span);
      g_ptr_array_add (doc->figures, fig);
    }
  claims_test_run (doc);
  g_assert_cmpint (((LedeFigure *) g_ptr_array_index (doc->figures, 0))->source, ==, 0);
  g_assert_cmpint (((LedeFigure *) g_ptr_array_index (doc->figures, 1))->source, ==, 1);
  g_assert_cmpint (((LedeFigure *) g_ptr_array_index (doc->figures, 2))->source, ==, -1);
}

static void
test_names_without_actors (void)
{
  g_autoptr (LedeDoc) doc
    = claims_test_doc_new ("Chief executive Sandra Okafor said the factories would close. "
                           "“We will not wait,” Okafor told analysts on a call.",
                           NULL);

  claims_test_run (doc);
  /* With no actor to point to, the words that name the source remain. */
  g_assert_cmpstr (claims_test_get_claim (doc, "factories")->claimant_text, ==,
                   "Chief executive Sandra Okafor");
  g_assert_cmpint (claims_test_get_claim (doc, "factories")->claimant, ==, -1);
  g_assert_cmpstr (claims_test_get_claim (doc, "We will not wait")->claimant_text, ==, "Okafor");
}

static void
test_pipeline (void)
{
  /* Through the public API: bad or odd input never breaks the stage. */
  const char *texts[] = {
    "said",
    "“",
    "According to",
    "according to ,",
    "He said. She said: “",
    ", said X,” said Y, said",
    "“a” “b” ‘c’ \"d\" 'e' said the",
    "Officials said: \"We are \"not\" done.\" The minister said",
  };

  for (guint k = 0; k < G_N_ELEMENTS (texts); k++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (LedeAnalysis) a
        = lede_analysis_new_for_text (texts[k], -1, NULL, LEDE_ANALYSIS_FLAGS_DETECT_TITLE, 0, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < lede_analysis_get_n_claims (a); i++)
        {
          const LedeClaim *claim = lede_analysis_get_claim (a, i);
          g_assert_cmpuint (claim->span.bend, <=, lede_analysis_get_text_length (a));
          g_assert_cmpuint (claim->span.bstart, <, claim->span.bend);
        }
    }
}

static void
test_circumstances_before_statement (void)
{
  const char *actors[]
    = { "Harbor Authority|organization", "National Election Commission|organization", NULL };
  g_autoptr (LedeDoc) doc
    = claims_test_doc_new ("The Harbor Authority said on Monday the ferry would resume in June. "
                           "The Harbor Authority said in a statement the fares would not change. "
                           "The National Election Commission (NEC) said turnout was lower than expected.",
                           actors);
  static const char *const statements[] = {
    "the ferry would resume in June",
    "the fares would not change",
    "turnout was lower than expected",
  };

  /* A day or "in a statement" after the verb, or an acronym in brackets
   * before it, does not hide who said what. */
  claims_test_run (doc);
  g_assert_cmpuint (doc->claims->len, ==, G_N_ELEMENTS (statements));
  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      const LedeClaim *claim = claims_test_get_claim (doc, statements[i]);
      g_autofree char *text = claims_test_claim_text (doc, claim);
      g_assert_cmpstr (text, ==, statements[i]);
      g_assert_cmpint (claim->claimant, ==,
                       actor_index (doc, i < 2 ? "Harbor Authority" : "National Election Commission"));
    }
  assert_offsets (doc);
}

static void
test_named_in_apposition (void)
{
  const char *actors[] = { "Martin Olsen|person", "Oslo Space Institute|organization", NULL };
  g_autoptr (LedeDoc) doc = claims_test_doc_new ("An independent analyst, Martin Olsen of the Oslo Space "
                                                 "Institute, said the landing radar had failed.",
                                                 actors);
  const LedeClaim *claim;

  /* The person named between the commas speaks, not "an independent analyst". */
  claims_test_run (doc);
  claim = claims_test_get_claim (doc, "the landing radar had failed");
  g_assert_cmpint (claim->claimant, ==, actor_index (doc, "Martin Olsen"));
  assert_offsets (doc);
}

static void
test_source_name_with_connector (void)
{
  const char *actors[] = { "Office for National Statistics|organization", NULL };
  g_autoptr (LedeDoc) doc = claims_test_doc_new (
    "Inflation dropped to 3.2% in March, the Office for National Statistics said last week.", actors);
  const LedeClaim *claim;
  g_autofree char *text = NULL;

  /* "for" inside the name does not end the source's noun phrase. */
  claims_test_run (doc);
  claim = claims_test_get_claim (doc, "Inflation dropped");
  text = claims_test_claim_text (doc, claim);
  g_assert_cmpstr (text, ==, "Inflation dropped to 3.2% in March");
  g_assert_cmpint (claim->claimant, ==, 0);
  assert_offsets (doc);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lede/core/claims/said-before", test_said_before);
  g_test_add_func ("/lede/core/claims/said-after", test_said_after);
  g_test_add_func ("/lede/core/claims/according-to", test_according_to);
  g_test_add_func ("/lede/core/claims/quotes", test_quotes);
  g_test_add_func ("/lede/core/claims/pronouns", test_pronouns);
  g_test_add_func ("/lede/core/claims/speaker-memory", test_speaker_memory);
  g_test_add_func ("/lede/core/claims/unnamed-sources", test_unnamed_sources);
  g_test_add_func ("/lede/core/claims/stances", test_stances);
  g_test_add_func ("/lede/core/claims/not-claims", test_not_claims);
  g_test_add_func ("/lede/core/claims/other-senses", test_other_senses);
  g_test_add_func ("/lede/core/claims/estimates-and-rejections", test_estimates_and_rejections);
  g_test_add_func ("/lede/core/claims/structures", test_structures);
  g_test_add_func ("/lede/core/claims/wire-style", test_wire_style);
  g_test_add_func ("/lede/core/claims/company-that-spoke", test_company_that_spoke);
  g_test_add_func ("/lede/core/claims/figure-sources", test_figure_sources);
  g_test_add_func ("/lede/core/claims/names-without-actors", test_names_without_actors);
  g_test_add_func ("/lede/core/claims/pipeline", test_pipeline);
  g_test_add_func ("/lede/core/claims/circumstances-before-statement", test_circumstances_before_statement);
  g_test_add_func ("/lede/core/claims/named-in-apposition", test_named_in_apposition);
  g_test_add_func ("/lede/core/claims/source-name-with-connector", test_source_name_with_connector);
  return g_test_run ();
}
