/* test-figures.c: the numbers an article states, read with their qualifier and unit. */
#include <string.h>

#include "lede-core.h"

static LedeAnalysis *
analyze (const char *text)
{
  g_autoptr (GError) error = NULL;
  LedeAnalysis *a = lede_analysis_new_for_text (text, -1, NULL, LEDE_ANALYSIS_FLAGS_NONE, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (a);
  return a;
}

/* The figure whose span reads @text, or NULL. */
static const LedeFigure *
find (LedeAnalysis *a, const char *text)
{
  for (guint i = 0; i < lede_analysis_get_n_figures (a); i++)
    {
      const LedeFigure *f = lede_analysis_get_figure (a, i);
      g_autofree char *span = lede_analysis_dup_span_text (a, &f->span);
      if (strcmp (span, text) == 0)
        return f;
    }
  return NULL;
}

static const LedeFigure *
expect (LedeAnalysis *a, const char *text, LedeFigureKind kind, double value)
{
  const LedeFigure *f = find (a, text);

  if (f == NULL)
    g_error ("no figure reads “%s”", text);
  g_assert_cmpstr (lede_figure_kind_to_string (f->kind), ==, lede_figure_kind_to_string (kind));
  if (kind != LEDE_FIGURE_DATE)
    g_assert_cmpfloat_with_epsilon (f->value, value, 1e-9 * MAX (1, value));
  g_assert_cmpint (f->source, ==, -1);
  return f;
}

static void
expect_date (LedeAnalysis *a, const char *text, const char *date)
{
  const LedeFigure *f = expect (a, text, LEDE_FIGURE_DATE, 0);
  g_assert_cmpstr (f->date, ==, date);
}

/* No figure covers any part of @text. */
static void
expect_none (LedeAnalysis *a, const char *text)
{
  const char *all = lede_analysis_get_text (a);
  const char *at = strstr (all, text);
  guint start, end;

  g_assert_nonnull (at);
  start = g_utf8_pointer_to_offset (all, at);
  end = start + g_utf8_strlen (text, -1);
  for (guint i = 0; i < lede_analysis_get_n_figures (a); i++)
    {
      const LedeFigure *f = lede_analysis_get_figure (a, i);
      if (f->span.start < end && start < f->span.end)
        {
          g_autofree char *span = lede_analysis_dup_span_text (a, &f->span);
          g_error ("“%s” should hold no figure, found “%s”", text, span);
        }
    }
}

static void
test_number_words (void)
{
  g_autoptr (LedeAnalysis) a
    = analyze ("Six children and forty-two adults were rescued. A dozen boats and two hundred and fifty "
               "volunteers helped, and 1.5 billion viewers watched, as did two million listeners. "
               "Half a million people marched.");

  expect (a, "Six children", LEDE_FIGURE_COUNT, 6);
  expect (a, "forty-two adults", LEDE_FIGURE_COUNT, 42);
  expect (a, "A dozen boats", LEDE_FIGURE_COUNT, 12);
  expect (a, "two hundred and fifty volunteers", LEDE_FIGURE_COUNT, 250);
  expect (a, "1.5 billion viewers", LEDE_FIGURE_COUNT, 1.5e9);
  expect (a, "two million listeners", LEDE_FIGURE_COUNT, 2e6);
  expect (a, "Half a million people", LEDE_FIGURE_COUNT, 5e5);
  g_assert_cmpstr (find (a, "Six children")->unit, ==, "children");
}

static void
test_fractions (void)
{
  g_autoptr (LedeAnalysis) a
    = analyze ("Three quarters of voters agreed, though profits rose in three quarters. "
               "Twenty five people and one hundred thousand fans came.");

  expect (a, "Three quarters", LEDE_FIGURE_PERCENT, 75);
  expect (a, "three quarters", LEDE_FIGURE_COUNT, 3);
  expect (a, "Twenty five people", LEDE_FIGURE_COUNT, 25);
  expect (a, "one hundred thousand fans", LEDE_FIGURE_COUNT, 1e5);
}

static void
test_money (void)
{
  g_autoptr (LedeAnalysis) a = analyze (
    "The fund holds $4 million, the bank lent €20bn and the club paid £1.2 billion. "
    "Donors gave 4 million dollars, a ticket costs US$12.50 and the fee was £6m, from a $5-million grant.");

  g_assert_cmpstr (expect (a, "$4 million", LEDE_FIGURE_MONEY, 4e6)->unit, ==, "USD");
  g_assert_cmpstr (expect (a, "€20bn", LEDE_FIGURE_MONEY, 2e10)->unit, ==, "EUR");
  g_assert_cmpstr (expect (a, "£1.2 billion", LEDE_FIGURE_MONEY, 1.2e9)->unit, ==, "GBP");
  g_assert_cmpstr (expect (a, "4 million dollars", LEDE_FIGURE_MONEY, 4e6)->unit, ==, "USD");
  g_assert_cmpstr (expect (a, "US$12.50", LEDE_FIGURE_MONEY, 12.5)->unit, ==, "USD");
  expect (a, "£6m", LEDE_FIGURE_MONEY, 6e6);
  expect (a, "$5-million", LEDE_FIGURE_MONEY, 5e6);
}

static void
test_pence (void)
{
  g_autoptr (LedeAnalysis) a = analyze ("The dividend was cut to 6.5p a share and the shares fell to 182p.");

  /* Pence stuck to the digits, as British business pages write them. */
  g_assert_cmpstr (expect (a, "6.5p", LEDE_FIGURE_MONEY, 6.5)->unit, ==, "pence");
  g_assert_cmpstr (expect (a, "182p", LEDE_FIGURE_MONEY, 182)->unit, ==, "pence");
}

static void
test_percent (void)
{
  g_autoptr (LedeAnalysis) a
    = analyze ("Sales fell 20% and costs rose 20 percent, or 3.5 per cent at most. Nearly 1 in 5 adults "
               "smoke, one in three has tried, and nearly a third of deaths, two-thirds of cases and half "
               "of the patients were older.");

  g_assert_cmpstr (expect (a, "20%", LEDE_FIGURE_PERCENT, 20)->unit, ==, "%");
  expect (a, "20 percent", LEDE_FIGURE_PERCENT, 20);
  expect (a, "3.5 per cent", LEDE_FIGURE_PERCENT, 3.5);
  g_assert_cmpstr (expect (a, "Nearly 1 in 5", LEDE_FIGURE_PERCENT, 20)->qualifier, ==, "nearly");
  expect (a, "one in three", LEDE_FIGURE_PERCENT, 33.3);
  expect (a, "nearly a third", LEDE_FIGURE_PERCENT, 33.3);
  expect (a, "two-thirds", LEDE_FIGURE_PERCENT, 66.7);
  expect (a, "half", LEDE_FIGURE_PERCENT, 50);
}

static void
test_dates (void)
{
  g_autoptr (LedeAnalysis) a
    = analyze ("The leader was killed on July 31 after the attack of October 7. The deal of July 31, 2024 "
               "followed talks in 2013, on 5 March 2021 and in May 2019. Nothing happened on Sunday, "
               "and nothing since October. Markets open at 9:30 a.m. in the 1990s style.");

  expect_date (a, "July 31", "--07-31");
  expect_date (a, "October 7", "--10-07");
  expect_date (a, "July 31, 2024", "2024-07-31");
  expect_date (a, "2013", "2013");
  expect_date (a, "5 March 2021", "2021-03-05");
  expect_date (a, "May 2019", "2019-05");
  expect_date (a, "9:30 a.m.", "09:30");
  expect_date (a, "1990s", "1990s");
  expect_none (a, "on Sunday");
  expect_none (a, "since October");
}

static void
test_ordinals (void)
{
  g_autoptr (LedeAnalysis) a = analyze (
    "It is his ninth trip and the 21st summit. It was the second-straight quarter of losses "
    "and the first sales decline, a third bid in Q3. At first nobody noticed; she was first elected "
    "later.");

  expect (a, "ninth trip", LEDE_FIGURE_ORDINAL, 9);
  expect (a, "21st summit", LEDE_FIGURE_ORDINAL, 21);
  expect (a, "second-straight quarter", LEDE_FIGURE_ORDINAL, 2);
  expect (a, "first sales decline", LEDE_FIGURE_ORDINAL, 1);
  expect (a, "third bid", LEDE_FIGURE_ORDINAL, 3);
  expect (a, "Q3", LEDE_FIGURE_ORDINAL, 3);
  expect_none (a, "At first");
  expect_none (a, "first elected");
}

static void
test_qualifiers (void)
{
  g_autoptr (LedeAnalysis) a
    = analyze ("Airstrikes killed at least 21 people and more than 200 soldiers. Over 40,000 were hurt, "
               "nearly 6,000 fled, almost 90 hid, some 9,500 stayed and approximately 300 left. An "
               "estimated 12 boats sank, up to 7 ships burned and fewer than 10 planes flew. Under 5 "
               "trains ran. Talks went on over five days, for over five years, to exactly 3 deals. Patients "
               "aged ≥60 years lost <5% and 500+ signed.");

  g_assert_cmpstr (expect (a, "at least 21 people", LEDE_FIGURE_COUNT, 21)->qualifier, ==, "at least");
  g_assert_cmpstr (find (a, "at least 21 people")->unit, ==, "people");
  g_assert_cmpstr (expect (a, "more than 200 soldiers", LEDE_FIGURE_COUNT, 200)->qualifier, ==, "over");
  g_assert_cmpstr (expect (a, "Over 40,000", LEDE_FIGURE_COUNT, 40000)->qualifier, ==, "over");
  g_assert_cmpstr (expect (a, "nearly 6,000", LEDE_FIGURE_COUNT, 6000)->qualifier, ==, "nearly");
  g_assert_cmpstr (expect (a, "almost 90", LEDE_FIGURE_COUNT, 90)->qualifier, ==, "nearly");
  g_assert_cmpstr (expect (a, "some 9,500", LEDE_FIGURE_COUNT, 9500)->qualifier, ==, "about");
  g_assert_cmpstr (expect (a, "approximately 300", LEDE_FIGURE_COUNT, 300)->qualifier, ==, "about");
  g_assert_cmpstr (expect (a, "An estimated 12 boats", LEDE_FIGURE_COUNT, 12)->qualifier, ==, "about");
  g_assert_cmpstr (expect (a, "up to 7 ships", LEDE_FIGURE_COUNT, 7)->qualifier, ==, "up to");
  g_assert_cmpstr (expect (a, "fewer than 10 planes", LEDE_FIGURE_COUNT, 10)->qualifier, ==, "up to");
  g_assert_cmpstr (expect (a, "Under 5 trains", LEDE_FIGURE_COUNT, 5)->qualifier, ==, "under");
  /* "over five days" means during them */
  g_assert_null (expect (a, "five days", LEDE_FIGURE_DURATION, 5)->qualifier);
  g_assert_cmpstr (expect (a, "over five years", LEDE_FIGURE_DURATION, 5)->qualifier, ==, "over");
  g_assert_cmpstr (expect (a, "exactly 3 deals", LEDE_FIGURE_COUNT, 3)->qualifier, ==, "exactly");
  g_assert_cmpstr (expect (a, "≥60 years", LEDE_FIGURE_DURATION, 60)->qualifier, ==, "at least");
  g_assert_cmpstr (expect (a, "<5%", LEDE_FIGURE_PERCENT, 5)->qualifier, ==, "under");
  g_assert_cmpstr (expect (a, "500+", LEDE_FIGURE_COUNT, 500)->qualifier, ==, "over");
}

static void
test_durations (void)
{
  g_autoptr (LedeAnalysis) a
    = analyze ("The strike lasted five days after nearly two decades of peace, a six-year term and "
               "a 10-minute walk; the heatwave ran 48 hours.");
  const LedeFigure *f;

  g_assert_cmpstr (expect (a, "five days", LEDE_FIGURE_DURATION, 5)->unit, ==, "days");
  f = expect (a, "nearly two decades", LEDE_FIGURE_DURATION, 2);
  g_assert_cmpstr (f->qualifier, ==, "nearly");
  g_assert_cmpstr (f->unit, ==, "decades");
  expect (a, "six-year", LEDE_FIGURE_DURATION, 6);
  expect (a, "10-minute", LEDE_FIGURE_DURATION, 10);
  expect (a, "48 hours", LEDE_FIGURE_DURATION, 48);
}

static void
test_quantities (void)
{
  g_autoptr (LedeAnalysis) a
    = analyze ("He ran 10 km carrying 5 kg on 3 trips. It was 45C in the shade and -5C at night. "
               "The 26-year-old, aged 34 in the photo, met Ana Ruiz, 61, who won by 50 basis points.");

  g_assert_cmpstr (expect (a, "10 km", LEDE_FIGURE_QUANTITY, 10)->unit, ==, "km");
  g_assert_cmpstr (expect (a, "5 kg", LEDE_FIGURE_QUANTITY, 5)->unit, ==, "kg");
  g_assert_cmpstr (expect (a, "3 trips", LEDE_FIGURE_COUNT, 3)->unit, ==, "trips");
  g_assert_cmpstr (expect (a, "45C", LEDE_FIGURE_QUANTITY, 45)->unit, ==, "°C");
  expect (a, "-5C", LEDE_FIGURE_QUANTITY, -5);
  g_assert_cmpstr (expect (a, "26-year-old", LEDE_FIGURE_QUANTITY, 26)->unit, ==, "years");
  expect (a, "34", LEDE_FIGURE_QUANTITY, 34);
  expect (a, "61", LEDE_FIGURE_QUANTITY, 61);
  expect (a, "50 basis points", LEDE_FIGURE_QUANTITY, 50);
}

static void
test_scores_and_ranges (void)
{
  g_autoptr (LedeAnalysis) a
    = analyze ("The Celtics won 101-100 and Vale lost 3-2. Prices rose 5 to 7 percent, between 2 and "
               "3 million people voted, and pupils aged 13 to 17 took part in the 2024-25 season.");

  expect (a, "101", LEDE_FIGURE_COUNT, 101);
  expect (a, "100", LEDE_FIGURE_COUNT, 100);
  expect (a, "3", LEDE_FIGURE_COUNT, 3);
  expect (a, "2", LEDE_FIGURE_COUNT, 2);
  expect (a, "5", LEDE_FIGURE_PERCENT, 5);
  expect (a, "7 percent", LEDE_FIGURE_PERCENT, 7);
  /* "between 2 and 3 million": the first takes the second's scale */
  {
    gboolean scaled = FALSE;
    for (guint i = 0; i < lede_analysis_get_n_figures (a); i++)
      scaled |= lede_analysis_get_figure (a, i)->value == 2e6;
    g_assert_true (scaled);
  }
  expect (a, "3 million people", LEDE_FIGURE_COUNT, 3e6);
  expect (a, "17", LEDE_FIGURE_QUANTITY, 17);
  expect_date (a, "2024-25", "2024");
}

static void
test_names (void)
{
  g_autoptr (LedeAnalysis) a
    = analyze ("He watched Formula One on a Boeing 737 and read about the Six-Day War. One of them "
               "said no one knew, and the S&P 500 and 5G phones were fine. Keep the 24/7 line open.");

  expect_none (a, "Formula One");
  expect_none (a, "Boeing 737");
  expect_none (a, "Six-Day War");
  expect_none (a, "One of them");
  expect_none (a, "no one");
  expect_none (a, "S&P 500");
  expect_none (a, "5G");
  expect_none (a, "24/7");
}

static void
test_idioms (void)
{
  g_autoptr (LedeAnalysis) a
    = analyze ("At one point the margin was plus or minus 3 percentage points. First, the poll ran Aug. 2-7. "
               "She won the 800m in 1:55.4 and came second.");

  expect_none (a, "At one point");
  expect_none (a, "First,");
  g_assert_cmpfloat (expect (a, "3 percentage points", LEDE_FIGURE_PERCENT, 3)->value, >, 0);
  expect_date (a, "Aug. 2-7", "--08-02");
  g_assert_cmpstr (expect (a, "800m", LEDE_FIGURE_QUANTITY, 800)->unit, ==, "m");
  expect (a, "1:55.4", LEDE_FIGURE_DURATION, 115.4);
  expect (a, "second", LEDE_FIGURE_ORDINAL, 2);
}

static void
test_shares_and_codes (void)
{
  g_autoptr (LedeAnalysis) a
    = analyze ("Crime fell by a fifth, data from 2024-07-31 show. Call 1-800-555-0199. He seeks a third "
               "consecutive six-year term.");

  expect (a, "a fifth", LEDE_FIGURE_PERCENT, 20);
  expect_date (a, "2024-07-31", "2024-07-31");
  expect_none (a, "1-800-555-0199");
  expect (a, "third consecutive", LEDE_FIGURE_ORDINAL, 3);
  expect (a, "six-year", LEDE_FIGURE_DURATION, 6);
}

/* One item a line: a number at the end of a line counts nothing on the next. */
static void
test_lines (void)
{
  g_autoptr (LedeAnalysis) a
    = analyze ("Seats won by independents 19\nSocial Democrats won seats, others 47\n");

  expect (a, "19", LEDE_FIGURE_COUNT, 19);
  g_assert_null (find (a, "19")->unit);
  expect (a, "47", LEDE_FIGURE_COUNT, 47);
}

static void
test_about (void)
{
  g_autoptr (LedeAnalysis) a = analyze (
    "Airstrikes killed at least 21 people. The plan sets aside $110 billion for roads and bridges, "
    "and 80% of votes were counted. Dockers began a five-day strike.");

  g_assert_cmpstr (find (a, "at least 21 people")->about, ==, "Airstrikes killed … people");
  g_assert_cmpstr (find (a, "$110 billion")->about, ==, "roads and bridges");
  g_assert_cmpstr (find (a, "80%")->about, ==, "votes were counted");
  g_assert_cmpstr (find (a, "five-day")->about, ==, "strike");
}

/* Spans are code points: text before the figure that is not ASCII must not shift it. */
static void
test_offsets (void)
{
  g_autoptr (LedeAnalysis) a
    = analyze ("Zoë’s café in São Paulo sold “more than 1,200 pastries” for €3.50 each.");
  const char *text = lede_analysis_get_text (a);

  g_assert_cmpuint (lede_analysis_get_n_figures (a), ==, 2);
  for (guint i = 0; i < lede_analysis_get_n_figures (a); i++)
    {
      const LedeFigure *f = lede_analysis_get_figure (a, i);
      const char *s = g_utf8_offset_to_pointer (text, f->span.start);
      const char *e = g_utf8_offset_to_pointer (text, f->span.end);
      g_autofree char *by_bytes = lede_analysis_dup_span_text (a, &f->span);

      g_assert_cmpint (s - text, ==, f->span.bstart);
      g_assert_cmpint (e - text, ==, f->span.bend);
      g_assert_cmpuint (strlen (by_bytes), ==, (gsize) (e - s));
    }
  g_assert_cmpuint (expect (a, "more than 1,200 pastries", LEDE_FIGURE_COUNT, 1200)->span.start, ==, 30);
  g_assert_cmpuint (expect (a, "€3.50", LEDE_FIGURE_MONEY, 3.5)->span.start, ==, 60);
}

/* Odd input gives no figure and no crash. */
static void
test_odd_input (void)
{
  static const char *texts[] = {
    "$",
    "$ $ €",
    "- 5 -",
    "1,",
    "at least",
    "July",
    "the 31st of",
    "1.2.3.4",
    "one in",
    "a third",
    "99999999999999999999 people",
    "3:",
    "Q9 and FY",
    "twenty-",
    "minus",
    "half",
    "₹",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (LedeAnalysis) a = analyze (texts[i]);
      for (guint k = 0; k < lede_analysis_get_n_figures (a); k++)
        {
          const LedeFigure *f = lede_analysis_get_figure (a, k);
          g_assert_cmpuint (f->span.start, <, f->span.end);
          g_assert_cmpuint (f->span.end, <=, g_utf8_strlen (texts[i], -1));
        }
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lede/core/figures/number-words", test_number_words);
  g_test_add_func ("/lede/core/figures/fractions", test_fractions);
  g_test_add_func ("/lede/core/figures/money", test_money);
  g_test_add_func ("/lede/core/figures/pence", test_pence);
  g_test_add_func ("/lede/core/figures/percent", test_percent);
  g_test_add_func ("/lede/core/figures/dates", test_dates);
  g_test_add_func ("/lede/core/figures/ordinals", test_ordinals);
  g_test_add_func ("/lede/core/figures/qualifiers", test_qualifiers);
  g_test_add_func ("/lede/core/figures/durations", test_durations);
  g_test_add_func ("/lede/core/figures/quantities", test_quantities);
  g_test_add_func ("/lede/core/figures/scores-and-ranges", test_scores_and_ranges);
  g_test_add_func ("/lede/core/figures/names", test_names);
  g_test_add_func ("/lede/core/figures/idioms", test_idioms);
  g_test_add_func ("/lede/core/figures/shares-and-codes", test_shares_and_codes);
  g_test_add_func ("/lede/core/figures/lines", test_lines);
  g_test_add_func ("/lede/core/figures/about", test_about);
  g_test_add_func ("/lede/core/figures/offsets", test_offsets);
  g_test_add_func ("/lede/core/figures/odd-input", test_odd_input);

  return g_test_run ();
}
