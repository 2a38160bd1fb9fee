/* test-disputes.c: the disputes stage: accusations, denials, rebuttals, hedges, conflicting figures. */
#include <string.h>

#include "claims-test-util.h"

static gboolean
disputed_by (const LedeClaim *claim, int actor)
{
  for (guint k = 0; k < claim->disputed_by->len; k++)
    if (g_array_index (claim->disputed_by, int, k) == actor)
      return TRUE;
  return FALSE;
}

static void
test_accusation_denial (void)
{
  const char *actors[] = { "Dock Union|organization", "Atlas Port|organization", NULL };
  g_autoptr (LedeDoc) doc
    = claims_test_doc_new ("The Dock Union accused Atlas Port of cutting safety checks. "
                           "Atlas Port denied the accusation.",
                           actors);
  const LedeClaim *acc, *den;

  claims_test_run (doc);
  acc = claims_test_get_claim (doc, "cutting safety");
  den = claims_test_get_claim (doc, "the accusation");
  g_assert_true (acc->disputed);
  g_assert_cmpint (acc->dispute_reason, ==, LEDE_DISPUTE_ACCUSATION);
  g_assert_true (disputed_by (acc, 1));
  g_assert_true (den->disputed);
  g_assert_cmpint (den->dispute_reason, ==, LEDE_DISPUTE_DENIAL);
  g_assert_true (disputed_by (den, 0));
}

static void
test_unanswered_accusation (void)
{
  const char *actors[] = { "Greenfield|place", "Norland|place", NULL };
  g_autoptr (LedeDoc) doc
    = claims_test_doc_new ("Greenfield accused Norland of jamming its radio stations.", actors);
  const LedeClaim *acc;

  claims_test_run (doc);
  acc = claims_test_get_claim (doc, "jamming");
  /* Disputed even though the accused does not answer. */
  g_assert_true (acc->disputed);
  g_assert_true (disputed_by (acc, 1));
}

static void
test_rebuttal (void)
{
  const char *actors[] = { "Ravi Mehta|person", "Lina Holm|person", "Sorel Bank|organization", NULL };
  g_autoptr (LedeDoc) doc
    = claims_test_doc_new ("Ravi Mehta said the bank had met every target. "
                           "Lina Holm rejected that claim. "
                           "Sorel Bank dismissed proposals from Ravi Mehta as unworkable. "
                           "Regulators voiced skepticism about the figures.",
                           actors);
  const LedeClaim *said, *rejected, *dismissed, *skeptic;

  claims_test_run (doc);
  said = claims_test_get_claim (doc, "every target");
  rejected = claims_test_get_claim (doc, "that claim");
  dismissed = claims_test_get_claim (doc, "unworkable");
  skeptic = claims_test_get_claim (doc, "skepticism");
  g_assert_cmpint (rejected->dispute_reason, ==, LEDE_DISPUTE_REBUTTAL);
  g_assert_true (disputed_by (rejected, 0));
  /* The claim that was rejected is disputed by who rejected it. */
  g_assert_true (said->disputed);
  g_assert_true (disputed_by (said, 1));
  g_assert_cmpint (dismissed->dispute_reason, ==, LEDE_DISPUTE_REBUTTAL);
  g_assert_true (disputed_by (dismissed, 0));
  g_assert_true (skeptic->disputed);
  g_assert_cmpint (skeptic->dispute_reason, ==, LEDE_DISPUTE_REBUTTAL);
}

static void
test_hedged (void)
{
  const char *actors[] = { "Vesta Party|organization", "Jon Aker|person", NULL };
  g_autoptr (LedeDoc) doc
    = claims_test_doc_new ("The Vesta Party claimed, without providing evidence, that ballots had been lost. "
                           "Jon Aker said the fire started in the kitchen, a claim that could not be "
                           "independently verified.",
                           actors);

  claims_test_run (doc);
  g_assert_true (claims_test_get_claim (doc, "ballots")->disputed);
  g_assert_cmpint (claims_test_get_claim (doc, "ballots")->dispute_reason, ==, LEDE_DISPUTE_HEDGED);
  g_assert_true (claims_test_get_claim (doc, "kitchen")->disputed);
  g_assert_cmpint (claims_test_get_claim (doc, "kitchen")->dispute_reason, ==, LEDE_DISPUTE_HEDGED);
}

static void
test_conflicting_figures (void)
{
  const char *actors[] = { "Police|organization", "March Committee|organization", "Rovers|organization",
                           "Athletic|organization", NULL };
  g_autoptr (LedeDoc) doc
    = claims_test_doc_new ("Police said 2,000 people joined the march. "
                           "The March Committee said more than 15,000 people took part.\n\n"
                           "Rovers said they would not raise their offer of £4m. "
                           "Athletic have said all along that they want £6m for the striker.",
                           actors);
  const LedeClaim *police, *organizers, *rovers, *athletic;

  claims_test_run (doc);
  police = claims_test_get_claim (doc, "2,000");
  organizers = claims_test_get_claim (doc, "15,000");
  rovers = claims_test_get_claim (doc, "£4m");
  athletic = claims_test_get_claim (doc, "£6m");
  g_assert_cmpint (police->dispute_reason, ==, LEDE_DISPUTE_CONFLICTING_FIGURES);
  g_assert_cmpint (organizers->dispute_reason, ==, LEDE_DISPUTE_CONFLICTING_FIGURES);
  g_assert_true (disputed_by (police, 1));
  g_assert_true (disputed_by (organizers, 0));
  g_assert_cmpint (rovers->dispute_reason, ==, LEDE_DISPUTE_CONFLICTING_FIGURES);
  g_assert_cmpint (athletic->dispute_reason, ==, LEDE_DISPUTE_CONFLICTING_FIGURES);
}

static void
test_not_disputed (void)
{
  const char *actors[] = { "Dr. Ines Vogel|person", "Lung Health Society|organization",
                           "Northwind|organization", "Ada Lund|person", NULL };
  g_autoptr (LedeDoc) doc
    = claims_test_doc_new ("Dr. Ines Vogel said the results were encouraging. "
                           "The Lung Health Society found that smoking causes nearly 1 in 5 cancer cases. "
                           "But fewer than 1 in 10 smokers manage to quit each year, Dr. Ines Vogel said. "
                           "Northwind expects revenue of $4.1 billion. "
                           "Analysts had expected $4.3 billion, Ada Lund said. "
                           "Ada Lund urged the board to publish its accounts.",
                           actors);

  claims_test_run (doc);
  for (guint i = 0; i < doc->claims->len; i++)
    {
      const LedeClaim *claim = g_ptr_array_index (doc->claims, i);
      g_autofree char *text = claims_test_claim_text (doc, claim);
      if (claim->disputed)
        g_error ("“%s” should not be disputed", text);
    }
  g_assert_cmpuint (doc->claims->len, >=, 5);
}

static void
test_sides (void)
{
  const char *actors[] = { "Election Board|organization", "Mara Quint|person", "Ivo Brandt|person", NULL };
  g_autoptr (LedeDoc) doc
    = claims_test_doc_new ("The Election Board said Ivo Brandt won 52% of the vote. "
                           "Mara Quint said her own count gave Ivo Brandt 38% of the vote. "
                           "“We won, and everyone knows it,” Mara Quint said. "
                           "Ivo Brandt thanked voters. Ivo Brandt promised to build new schools.",
                           actors);

  claims_test_run (doc);
  g_assert_cmpint (claims_test_get_claim (doc, "52%")->dispute_reason, ==, LEDE_DISPUTE_CONFLICTING_FIGURES);
  g_assert_cmpint (claims_test_get_claim (doc, "38%")->dispute_reason, ==, LEDE_DISPUTE_CONFLICTING_FIGURES);
  /* A side in the dispute: its other assertions are contested too … */
  g_assert_true (claims_test_get_claim (doc, "We won")->disputed);
  g_assert_true (disputed_by (claims_test_get_claim (doc, "We won"), 0));
  /* … but not its promises. */
  g_assert_false (claims_test_get_claim (doc, "new schools")->disputed);
}

static void
test_reply (void)
{
  const char *actors[] = { "Ian Pratt|person", "Paul Oko|person", NULL };
  g_autoptr (LedeDoc) doc
    = claims_test_doc_new ("Ian Pratt said the goal should have been ruled out for a foul. "
                           "The referee, Paul Oko, said he had a clear view and saw no contact.",
                           actors);
  const LedeClaim *complaint, *reply;

  claims_test_run (doc);
  complaint = claims_test_get_claim (doc, "ruled out");
  reply = claims_test_get_claim (doc, "no contact");
  /* A complaint, and a negative answer from the other side. */
  g_assert_cmpint (complaint->dispute_reason, ==, LEDE_DISPUTE_ACCUSATION);
  g_assert_cmpint (reply->claimant, ==, 1);
  g_assert_cmpint (reply->dispute_reason, ==, LEDE_DISPUTE_REBUTTAL);
  g_assert_true (disputed_by (reply, 0));
  g_assert_true (disputed_by (complaint, 1));
}

static void
test_estimates (void)
{
  const char *actors[] = { "Dale Hutch|person", "Budget Office|organization", "Tom Rey|person", NULL };
  g_autoptr (LedeDoc) doc
    = claims_test_doc_new ("Dale Hutch said the cap would save taxpayers nearly $6 billion. "
                           "The Budget Office put the savings at $3.8 billion. "
                           "Hutch dismissed that estimate as a rounding error.\n\n"
                           "Environmental groups said the bill cut conservation programs. "
                           "Tom Rey denied that, saying funding would rise.",
                           actors);
  const LedeClaim *save, *office, *groups, *rise;

  claims_test_run (doc);
  save = claims_test_get_claim (doc, "nearly $6 billion");
  office = claims_test_get_claim (doc, "$3.8 billion");
  g_assert_cmpint (save->dispute_reason, ==, LEDE_DISPUTE_CONFLICTING_FIGURES);
  g_assert_true (disputed_by (save, 1));
  g_assert_true (office->disputed);
  g_assert_true (disputed_by (office, 0));
  /* "denied that" answers the statement before it. */
  groups = claims_test_get_claim (doc, "conservation programs");
  rise = claims_test_get_claim (doc, "funding would rise");
  g_assert_true (groups->disputed);
  g_assert_true (disputed_by (groups, 2));
  g_assert_true (rise->disputed);
}

static void
test_reasons_named (void)
{
  const char *actors[] = { "Dock Union|organization", "Atlas Port|organization", NULL };
  g_autoptr (LedeDoc) doc
    = claims_test_doc_new ("The Dock Union accused Atlas Port of fraud. Atlas Port denied it. "
                           "The union said, without evidence, that 300 crates were lost. "
                           "Atlas Port said 20 crates were lost.",
                           actors);

  claims_test_run (doc);
  /* Every disputed claim says why. */
  for (guint i = 0; i < doc->claims->len; i++)
    {
      const LedeClaim *claim = g_ptr_array_index (doc->claims, i);
      g_assert_true (!claim->disputed || claim->dispute_reason != LEDE_DISPUTE_NONE);
      g_assert_true (claim->disputed || claim->dispute_reason == LEDE_DISPUTE_NONE);
      g_assert_false (disputed_by (claim, claim->claimant) && claim->claimant >= 0);
    }
}

static void
test_no_comment (void)
{
  const char *actors[] = { "Derek Finch|person", "Football Association|organization", NULL };
  g_autoptr (LedeDoc) doc
    = claims_test_doc_new ("Derek Finch said the winning goal should have been ruled out. "
                           "The Football Association said it would not comment on individual decisions.",
                           actors);
  const LedeClaim *reply;

  /* Declining to comment answers nothing: it is no rebuttal. */
  claims_test_run (doc);
  reply = claims_test_get_claim (doc, "would not comment");
  g_assert_false (reply->disputed);
  g_assert_cmpint (reply->dispute_reason, ==, LEDE_DISPUTE_NONE);
}

static void
test_counts_of_different_things (void)
{
  const char *actors[] = { "River Council|organization", "Coastguard|organization", NULL };
  g_autoptr (LedeDoc) doc
    = claims_test_doc_new ("The River Council said 2,000 people were evacuated on Sunday. "
                           "The Coastguard said its crews rescued 47 people by boat.",
                           actors);

  /* Two counts of people, one forty times the other: not two accounts of one count. */
  claims_test_run (doc);
  g_assert_false (claims_test_get_claim (doc, "2,000")->disputed);
  g_assert_false (claims_test_get_claim (doc, "47 people")->disputed);
}

static void
test_announced_disagreement (void)
{
  const char *actors[] = { "Arvion|organization", "Tom Adler|person", NULL };
  g_autoptr (LedeDoc) doc = claims_test_doc_new ("Arvion said demand would keep rising next year. "
                                                 "Not everyone is convinced. "
                                                 "Tom Adler said the company was priced for perfection.",
                                                 actors);
  const LedeClaim *doubt;

  /* The article announces the other side before it speaks. */
  claims_test_run (doc);
  doubt = claims_test_get_claim (doc, "priced for perfection");
  g_assert_true (doubt->disputed);
  g_assert_cmpint (doubt->dispute_reason, ==, LEDE_DISPUTE_REBUTTAL);
}

static void
test_accused_is_the_object (void)
{
  const char *actors[] = { "Ana Ribeiro|person", "Norland|place", "Eastmarch|place", "Velm|place", NULL };
  g_autoptr (LedeDoc) doc
    = claims_test_doc_new ("Ana Ribeiro accused Norland of trying to starve Eastmarch into submission. "
                           "The agency said shelling near Velm was reckless.",
                           actors);
  const LedeClaim *acc;

  /* The accused is the object before "of", not everyone the charge names,
   * and a place where something happened is no side. */
  claims_test_run (doc);
  acc = claims_test_get_claim (doc, "trying to starve");
  g_assert_true (acc->disputed);
  g_assert_true (disputed_by (acc, 1));
  g_assert_false (disputed_by (acc, 2));
  g_assert_false (disputed_by (claims_test_get_claim (doc, "shelling near"), 3));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lede/core/disputes/accusation-denial", test_accusation_denial);
  g_test_add_func ("/lede/core/disputes/unanswered-accusation", test_unanswered_accusation);
  g_test_add_func ("/lede/core/disputes/rebuttal", test_rebuttal);
  g_test_add_func ("/lede/core/disputes/hedged", test_hedged);
  g_test_add_func ("/lede/core/disputes/conflicting-figures", test_conflicting_figures);
  g_test_add_func ("/lede/core/disputes/not-disputed", test_not_disputed);
  g_test_add_func ("/lede/core/disputes/sides", test_sides);
  g_test_add_func ("/lede/core/disputes/reply", test_reply);
  g_test_add_func ("/lede/core/disputes/estimates", test_estimates);
  g_test_add_func ("/lede/core/disputes/reasons-named", test_reasons_named);
  g_test_add_func ("/lede/core/disputes/no-comment", test_no_comment);
  g_test_add_func ("/lede/core/disputes/counts-of-different-things", test_counts_of_different_things);
  g_test_add_func ("/lede/core/disputes/announced-disagreement", test_announced_disagreement);
  g_test_add_func ("/lede/core/disputes/accused-is-the-object", test_accused_is_the_object);
  return g_test_run ();
}
