/* test-window.c: drives the real Lede window under Xvfb: panel, page, highlights, clicks, safety. */
#include "config.h"

#include <glib/gstdio.h>

#include "lede-actor-card.h"
#include "lede-application.h"
#include "lede-column.h"
#include "lede-preferences-window.h"
#include "lede-renderer.h"
#include "lede-window.h"
#include "ui-test-util.h"

static LedeApplication *app;
static LedeWindow *window;

/* ---- helpers ---- */

typedef struct
{
  JSCValue *value;
  GError *error;
  gboolean done;
} JsResult;

static void
js_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  JsResult *r = user_data;

  r->value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source), result, &r->error);
  r->done = TRUE;
}

static gboolean
js_is_done (gpointer data)
{
  return ((JsResult *) data)->done;
}

/* Runs @body as a function in @world (NULL: the page's own world). */
static JSCValue *
run_js (const char *body, const char *world)
{
  WebKitWebView *view = lede_article_view_get_web_view (lede_window_get_article_view (window));
  JsResult r = { 0 };

  webkit_web_view_call_async_javascript_function (view, body, -1, NULL, world, NULL, NULL, js_done_cb, &r);
  g_assert_true (ui_test_run_until (js_is_done, &r, 20));
  g_assert_no_error (r.error);
  return r.value;
}

static int
js_int (const char *body)
{
  g_autoptr (JSCValue) v = run_js (body, LEDE_SCRIPT_WORLD);
  return jsc_value_to_int32 (v);
}

static char *
js_string (const char *body, const char *world)
{
  g_autoptr (JSCValue) v = run_js (body, world);
  return jsc_value_to_string (v);
}

static gboolean
window_is_idle (gpointer data)
{
  return !lede_window_get_busy (window);
}

static gboolean
page_is_ready (gpointer data)
{
  return !lede_window_get_busy (window)
         && lede_article_view_get_ready (lede_window_get_article_view (window));
}

static void
wait_for_article (void)
{
  g_assert_true (ui_test_run_until (page_is_ready, NULL, 60));
}

static LedeAnalysis *
load_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "ferry.json", NULL);
  g_autofree char *json = NULL;
  gsize len;
  g_autoptr (GError) error = NULL;
  LedeAnalysis *analysis;

  g_assert_true (g_file_get_contents (path, &json, &len, &error));
  analysis = lede_analysis_new_from_json (json, len, &error);
  g_assert_no_error (error);
  return analysis;
}

/* The position of the actor named @name in the panel's list for its kind. */
static guint
panel_position (LedeActorKind kind, const char *name)
{
  GListModel *model = lede_fact_panel_get_actors (lede_window_get_fact_panel (window), kind);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (LedeFactItem) item = g_list_model_get_item (model, i);
      if (g_str_equal (lede_fact_item_get_title (item), name))
        return i;
    }
  return G_MAXUINT;
}

static gboolean
actor_selected_is (gpointer data)
{
  return lede_fact_panel_get_selected_actor (lede_window_get_fact_panel (window)) == GPOINTER_TO_INT (data);
}

typedef struct
{
  const char *body;
  int expected;
} JsWait;

static gboolean
js_equals (gpointer data)
{
  JsWait *w = data;
  return js_int (w->body) == w->expected;
}

static void
wait_js (const char *body, int expected)
{
  JsWait w = { body, expected };
  if (!ui_test_run_until (js_equals, &w, 20))
    g_assert_cmpint (js_int (body), ==, expected);
}

static gboolean
has_label (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (has_label (c, text))
      return TRUE;
  return FALSE;
}

/* A mapped list-box row showing @text, as a person would find it. */
static GtkWidget *
find_row (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LIST_BOX_ROW (widget) && gtk_widget_get_mapped (widget) && has_label (widget, text))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_row (c, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* ---- tests ---- */

static void
test_open_errors (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "ui-inputs", NULL);
  g_autofree char *binary = g_build_filename (dir, "binary.txt", NULL);
  g_autofree char *latin1 = g_build_filename (dir, "latin1.txt", NULL);
  g_autoptr (GFile) file = NULL;

  g_mkdir_with_parents (dir, 0755);
  g_assert_true (g_file_set_contents (binary, "PK\003\004\0\0\0binary\0", 14, NULL));
  g_assert_true (g_file_set_contents (latin1, "Caf\xe9 au lait in M\xfcnchen.\n", -1, NULL));

  /* An article that fails to open leaves the one showing in place. */
  file = g_file_new_for_path (binary);
  lede_window_open_file (window, file);
  g_assert_true (lede_window_get_busy (window));
  g_assert_true (ui_test_run_until (window_is_idle, NULL, 30));
  g_assert_cmpstr (lede_window_get_page (window), ==, "article");
  g_assert_nonnull (lede_window_get_analysis (window));

  /* A window without an article shows the error on a status page. */
  gtk_window_destroy (GTK_WINDOW (window));
  window = lede_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (lede_window_get_page (window), ==, "empty");
  ui_test_save_screenshot (GTK_WIDGET (window), "empty");
  g_clear_object (&file);
  file = g_file_new_for_path (binary);
  lede_window_open_file (window, file);
  g_assert_true (ui_test_run_until (window_is_idle, NULL, 30));
  g_assert_cmpstr (lede_window_get_page (window), ==, "error");
  g_assert_null (lede_window_get_analysis (window));

  g_clear_object (&file);
  file = g_file_new_for_path (latin1);
  lede_window_open_file (window, file);
  g_assert_true (ui_test_run_until (window_is_idle, NULL, 30));
  g_assert_cmpstr (lede_window_get_page (window), ==, "error");

  g_clear_object (&file);
  file = g_file_new_for_path ("/nonexistent/lede/article.txt");
  lede_window_open_file (window, file);
  g_assert_true (ui_test_run_until (window_is_idle, NULL, 30));
  g_assert_cmpstr (lede_window_get_page (window), ==, "error");
  ui_test_save_screenshot (GTK_WIDGET (window), "error");
}

static void
test_open_html (void)
{
  static const char page[]
    = "<!DOCTYPE html><html><head><title>Bridge reopens - Harbor Gazette</title></head><body>"
      "<nav><a href=\"/\">Home</a> <a href=\"/sport\">Sport menu</a></nav>"
      "<article><h1>Bridge reopens after repairs</h1>"
      "<p>The Harbor Authority said on Monday that the old bridge would reopen to traffic next week, "
      "two years after it was closed for repairs that cost about $40 million.</p>"
      "<p>Mayor Ana Reyes told reporters the work had finished on time, and that ferries would keep "
      "running until the end of the month for people who had come to rely on them.</p>"
      "<script>document.title = 'ran';</script></article>"
      "<footer>Subscribe to our newsletter</footer></body></html>";
  g_autofree char *dir = g_dir_make_tmp ("lede-html-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bridge.html", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  LedeAnalysis *analysis;

  /* "Open with Lede" on a saved web page shows the article, not its markup. */
  g_assert_true (g_file_set_contents (path, page, -1, NULL));
  lede_window_open_file (window, file);
  wait_for_article ();
  analysis = lede_window_get_analysis (window);
  g_assert_nonnull (analysis);
  g_assert_null (strstr (lede_analysis_get_text (analysis), "<p>"));
  g_assert_null (strstr (lede_analysis_get_text (analysis), "Sport menu"));
  g_assert_null (strstr (lede_analysis_get_text (analysis), "Subscribe"));
  g_assert_nonnull (strstr (lede_analysis_get_text (analysis), "the old bridge would reopen"));
  g_assert_cmpint (lede_analysis_find_actor (analysis, "Ana Reyes"), >=, 0);
  g_assert_cmpint (js_int ("return document.body.textContent.includes('Sport menu') ? 1 : 0;"), ==, 0);
  ui_test_save_screenshot (GTK_WIDGET (window), "html-file");
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_sample (void)
{
  g_autoptr (GFile) file = g_file_new_for_uri (LEDE_SAMPLE_URI);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (LedeAnalysis) expected = NULL;
  LedeFactPanel *panel = lede_window_get_fact_panel (window);
  GListModel *claims;
  guint n_actors = 0, n_disputed = 0;

  lede_window_open_file (window, file);
  wait_for_article ();
  g_assert_cmpstr (lede_window_get_page (window), ==, "article");

  /* The panel shows what the core finds in the same text. */
  bytes = g_resources_lookup_data ("/io/github/ledereader/Lede/core/sample/sample-article.txt", 0, NULL);
  g_assert_nonnull (bytes);
  expected = lede_analysis_new_for_text (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL,
                                         LEDE_ANALYSIS_FLAGS_DETECT_TITLE, 0, NULL);
  g_assert_nonnull (expected);
  for (LedeActorKind k = LEDE_ACTOR_PERSON; k <= LEDE_ACTOR_OTHER; k++)
    n_actors += g_list_model_get_n_items (lede_fact_panel_get_actors (panel, k));
  g_assert_cmpuint (n_actors, ==, lede_analysis_get_n_actors (expected));
  g_assert_cmpuint (g_list_model_get_n_items (lede_fact_panel_get_figures (panel)), ==,
                    lede_analysis_get_n_figures (expected));
  claims = lede_fact_panel_get_claims (panel);
  g_assert_cmpuint (g_list_model_get_n_items (claims), ==, lede_analysis_get_n_claims (expected));
  for (guint i = 0; i < lede_analysis_get_n_claims (expected); i++)
    n_disputed += lede_analysis_get_claim (expected, i)->disputed;
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr (LedeFactItem) item = g_list_model_get_item (claims, i);
      /* Disputed claims come first. */
      g_assert_cmpint (lede_fact_item_get_disputed (item), ==, i < n_disputed);
    }

  /* A few actors the sample plainly names, once the core finds actors. */
  if (lede_analysis_get_n_actors (expected) > 0)
    {
      guint pos = panel_position (LEDE_ACTOR_PERSON, "Marta Figueiredo");
      int figueiredo = lede_analysis_find_actor (expected, "Marta Figueiredo");
      g_autofree char *body = NULL;

      g_assert_cmpuint (pos, !=, G_MAXUINT);
      g_assert_cmpuint (panel_position (LEDE_ACTOR_PERSON, "Henrik Aalders"), !=, G_MAXUINT);
      g_assert_cmpint (figueiredo, >=, 0);
      g_assert_true (lede_fact_panel_activate_row (panel, LEDE_FACT_ACTOR, figueiredo));
      g_assert_cmpint (lede_fact_panel_get_selected_actor (panel), ==, figueiredo);
      wait_js ("return lede.state().hits;", lede_analysis_get_actor (expected, figueiredo)->mentions->len);
      wait_js ("return lede.state().firstVisible ? 1 : 0;", 1);
      body
        = g_strdup_printf ("return document.querySelectorAll('.hit[data-actor=\"a%d\"]').length > 0 ? 1 : 0;",
                           figueiredo + 1);
      g_assert_cmpint (js_int (body), ==, 1);
    }

  /* Every actor of the analysis is in the page, each mention in a span. */
  for (guint i = 0; i < lede_analysis_get_n_actors (expected); i++)
    {
      g_autofree char *body = g_strdup_printf (
        "return document.querySelectorAll('.mention[data-actor=\"a%u\"]:not(.cont)').length;", i + 1);
      g_assert_cmpint (js_int (body), ==, lede_analysis_get_actor (expected, i)->mentions->len);
    }
  ui_test_save_screenshot (GTK_WIDGET (window), "sample");
}

static void
test_panel_and_page (void)
{
  g_autoptr (LedeAnalysis) analysis = load_fixture ();
  LedeFactPanel *panel = lede_window_get_fact_panel (window);
  GListModel *people = lede_fact_panel_get_actors (panel, LEDE_ACTOR_PERSON);
  GListModel *orgs = lede_fact_panel_get_actors (panel, LEDE_ACTOR_ORGANIZATION);
  GListModel *places = lede_fact_panel_get_actors (panel, LEDE_ACTOR_PLACE);
  GListModel *figures = lede_fact_panel_get_figures (panel);
  GListModel *claims = lede_fact_panel_get_claims (panel);
  g_autoptr (LedeFactItem) first_person = NULL;
  g_autoptr (LedeFactItem) first_claim = NULL;
  g_autoptr (LedeFactItem) last_claim = NULL;
  g_autoptr (LedeFactItem) figure = NULL;
  guint pos;
  int council = lede_analysis_find_actor (analysis, "Portvale Harbor Council");
  int ortiz = lede_analysis_find_actor (analysis, "Lena Ortiz");
  int berg = lede_analysis_find_actor (analysis, "Tomas Berg");
  guint n_council = lede_analysis_get_actor (analysis, council)->mentions->len;

  lede_window_show_analysis (window, analysis, "ferry");
  wait_for_article ();

  /* Actors by kind, by salience, with role and mention count. */
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (orgs), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (places), ==, 2);
  first_person = g_list_model_get_item (people, 0);
  g_assert_cmpstr (lede_fact_item_get_title (first_person), ==, "Lena Ortiz");
  g_assert_cmpstr (lede_fact_item_get_subtitle (first_person), ==, "Mayor");
  g_assert_cmpstr (lede_fact_item_get_badge (first_person), ==, "3");
  g_assert_nonnull (strstr (lede_fact_item_get_accessible_label (first_person), "Lena Ortiz"));
  g_assert_nonnull (strstr (lede_fact_item_get_accessible_label (first_person), "3 mentions"));
  g_assert_cmpstr (lede_fact_panel_get_header (panel, LEDE_FACT_ACTOR), ==, "Actors (6)");
  g_assert_cmpstr (lede_fact_panel_get_header (panel, LEDE_FACT_FIGURE), ==, "Figures (4)");
  g_assert_cmpstr (lede_fact_panel_get_header (panel, LEDE_FACT_CLAIM), ==, "Claims (4)");

  /* Figures: value, qualifier, about and source. */
  figure = g_list_model_get_item (figures, 1);
  g_assert_cmpstr (lede_fact_item_get_title (figure), ==, "at least 3,000 passengers");
  g_assert_cmpstr (lede_fact_item_get_subtitle (figure), ==, "passengers a day on the route");
  g_assert_cmpstr (lede_fact_item_get_detail (figure), ==, "Stated by Lena Ortiz");

  /* Claims: disputed first, marked, with who disputes them and why. */
  first_claim = g_list_model_get_item (claims, 0);
  last_claim = g_list_model_get_item (claims, 3);
  g_assert_true (lede_fact_item_get_disputed (first_claim));
  g_assert_cmpstr (lede_fact_item_get_badge (first_claim), ==, "disputed");
  g_assert_cmpstr (lede_fact_item_get_title (first_claim), ==, "Lena Ortiz told");
  g_assert_cmpstr (lede_fact_item_get_detail (first_claim), ==,
                   "Disputed by Eastmere Ferry Union: conflicting figures");
  g_assert_false (lede_fact_item_get_disputed (last_claim));

  ui_test_save_screenshot (GTK_WIDGET (window), "panel-lists");

  /* The filter narrows all three lists. */
  lede_fact_panel_set_filter_text (panel, "ortiz");
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (orgs), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (figures), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (claims), ==, 3);
  g_assert_cmpstr (lede_fact_panel_get_header (panel, LEDE_FACT_ACTOR), ==, "Actors (1 of 6)");
  lede_fact_panel_set_filter_text (panel, "");
  g_assert_cmpuint (g_list_model_get_n_items (orgs), ==, 2);

  /* Activating the council's row lights every mention and scrolls to the first. */
  run_js ("window.scrollTo(0, document.body.scrollHeight); return 0;", LEDE_SCRIPT_WORLD);
  pos = panel_position (LEDE_ACTOR_ORGANIZATION, "Portvale Harbor Council");
  g_assert_cmpuint (pos, !=, G_MAXUINT);
  g_assert_true (lede_fact_panel_activate_row (panel, LEDE_FACT_ACTOR, council));
  g_assert_cmpint (lede_fact_panel_get_selected_actor (panel), ==, council);
  wait_js ("return lede.state().hits;", n_council);
  g_assert_cmpint (js_int ("return document.querySelectorAll('.mention.hit:not(.cont)').length;"), ==,
                   n_council);
  g_assert_cmpint (js_int ("return lede.state().current;"), ==, 0);
  wait_js ("return lede.state().firstVisible ? 1 : 0;", 1);

  /* n and p step through the mentions. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-mention", NULL));
  wait_js ("return lede.state().current;", 1);
  wait_js ("return lede.state().currentVisible ? 1 : 0;", 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-mention", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-mention", NULL));
  wait_js ("return lede.state().current;", n_council - 1);
  /* The same keys work while the page has the focus. */
  run_js ("document.dispatchEvent(new KeyboardEvent('keydown', {key: 'n', bubbles: true})); return 1;", NULL);
  wait_js ("return lede.state().current;", 0);
  ui_test_save_screenshot (GTK_WIDGET (window), "actor-selected");

  /* A click on a mention in the page, dispatched in the page's own world,
   * selects that actor in the panel. */
  {
    g_autofree char *body
      = g_strdup_printf ("document.querySelector('.mention[data-actor=\"a%d\"]').dispatchEvent(new "
                         "MouseEvent('click', {bubbles: true})); return 1;",
                         berg + 1);
    g_autoptr (JSCValue) v = run_js (body, NULL);
  }
  g_assert_true (ui_test_run_until (actor_selected_is, GINT_TO_POINTER (berg), 20));
  wait_js ("return lede.state().hits;", lede_analysis_get_actor (analysis, berg)->mentions->len);

  /* The card's "Appears With" rows lead to another actor. */
  {
    GtkWidget *row = find_row (GTK_WIDGET (panel), "Portvale Harbor Council");
    g_assert_nonnull (row);
    gtk_widget_activate (row);
    g_assert_cmpint (lede_fact_panel_get_selected_actor (panel), ==, council);
    wait_js ("return lede.state().hits;", n_council);
  }

  /* Another row in the panel's list. */
  g_assert_true (lede_fact_panel_activate_row (panel, LEDE_FACT_ACTOR, ortiz));
  g_assert_cmpint (lede_fact_panel_get_selected_actor (panel), ==, ortiz);
  wait_js ("return lede.state().hits;", lede_analysis_get_actor (analysis, ortiz)->mentions->len);

  /* A sentence in the card scrolls to the mention in it. */
  {
    const LedeActor *a = lede_analysis_get_actor (analysis, ortiz);
    guint last = a->mentions->len - 1;
    g_autofree char *sentence
      = lede_analysis_dup_sentence_text (analysis, g_array_index (a->mentions, LedeSpan, last).sentence);
    GtkWidget *row = find_row (GTK_WIDGET (panel), sentence);

    g_assert_nonnull (row);
    gtk_widget_activate (row);
    wait_js ("return lede.state().current;", last);
    wait_js ("return lede.state().currentVisible ? 1 : 0;", 1);
  }
  ui_test_save_screenshot (GTK_WIDGET (window), "actor-card");

  /* Escape clears the selection and the highlights. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-selection", NULL));
  g_assert_cmpint (lede_fact_panel_get_selected_actor (panel), ==, -1);
  wait_js ("return document.querySelectorAll('.hit, .current').length;", 0);

  /* A click on a figure in the page marks it. */
  run_js ("document.querySelector('.figure[data-figure=\"f3\"]').click(); return 1;", LEDE_SCRIPT_WORLD);
  wait_js ("return document.querySelectorAll('.figure.marked').length;", 1);
  g_assert_cmpint (js_int (
                     "return document.querySelector('.figure.marked').dataset.figure === 'f3' ? 1 : 0;"),
                   ==, 1);

  /* Activating a claim's row in the panel marks it in the page and brings it into view. */
  run_js ("window.scrollTo(0, 0); return 0;", LEDE_SCRIPT_WORLD);
  g_assert_true (lede_fact_panel_activate_row (panel, LEDE_FACT_CLAIM, 3));
  wait_js ("return document.querySelectorAll('.claim.marked[data-claim=\"c4\"]').length;", 1);
  g_assert_cmpint (js_int ("const r = document.querySelector('.claim.marked').getBoundingClientRect();"
                           "return r.top >= 0 && r.bottom <= window.innerHeight ? 1 : 0;"),
                   ==, 1);
  g_assert_true (lede_fact_panel_activate_row (panel, LEDE_FACT_FIGURE, 1));
  wait_js ("return document.querySelectorAll('.figure.marked[data-figure=\"f2\"]').length;", 1);
  g_assert_cmpint (js_int ("return document.querySelectorAll('.claim.marked').length;"), ==, 0);

  /* Larger text, without reloading the page. */
  g_settings_set_uint (lede_application_get_settings (app), "font-size", 24);
  wait_js ("return parseInt(getComputedStyle(document.body).fontSize);", 24);
  g_settings_reset (lede_application_get_settings (app), "font-size");
  wait_js ("return parseInt(getComputedStyle(document.body).fontSize);", 18);
}

typedef struct
{
  gint64 last;
  gint64 max_gap;
} Ticks;

static gboolean
tick_cb (gpointer user_data)
{
  Ticks *t = user_data;
  gint64 now = g_get_monotonic_time ();

  t->max_gap = MAX (t->max_gap, now - t->last);
  t->last = now;
  return G_SOURCE_CONTINUE;
}

/* A 50,000-word article is analysed off the main thread: the window keeps
 * handling events while it works, with a spinner. */
static void
test_large_article (void)
{
  const char *sentences[] = {
    "Minister Clara Jensen said the harbour plan would cost 40 million euros. ",
    "The Northern Ports Authority denied that figure on Tuesday. ",
    "According to the union, at least 1,200 workers in Aalborg would lose their jobs. ",
    "Jensen told reporters the council had studied the plan for three years. ",
  };
  g_autoptr (GString) text = g_string_new ("A long article\n\n");
  Ticks ticks = { g_get_monotonic_time (), 0 };
  guint words = 0, id;
  gint64 start;

  for (guint i = 0; words < 50000; i++)
    {
      const char *s = sentences[i % G_N_ELEMENTS (sentences)];
      g_string_append (text, s);
      for (const char *p = s; *p; p++)
        words += *p == ' ';
      if (i % 6 == 5)
        g_string_append (text, "\n\n");
    }

  start = g_get_monotonic_time ();
  lede_window_open_text (window, text->str, NULL);
  g_assert_true (lede_window_get_busy (window));
  ticks.last = g_get_monotonic_time ();
  id = g_timeout_add (10, tick_cb, &ticks);
  g_assert_true (ui_test_run_until (window_is_idle, NULL, 120));
  g_source_remove (id);
  g_test_message ("50,000 words: analysed in %.0f ms; longest main-loop stall while busy %.0f ms",
                  (g_get_monotonic_time () - start) / 1000.0, ticks.max_gap / 1000.0);
  /* Under Xvfb a software-rendered frame alone can take a few hundred
   * milliseconds, so the bound is loose; the analysis itself (a few hundred
   * ms for this text) never runs on the main loop. */
  g_assert_cmpint (ticks.max_gap, <, 600 * 1000);
  wait_for_article ();
  g_assert_cmpuint (lede_analysis_get_n_words (lede_window_get_analysis (window)), >=, 50000);
  ui_test_spin (300);
  /* A new article's panel starts at the top. */
  g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (
                       GTK_SCROLLABLE (lede_fact_panel_get_list_view (lede_window_get_fact_panel (window))))),
                     ==, 0);
  ui_test_save_screenshot (GTK_WIDGET (window), "large-article");
}

static gboolean
window_is_busy (gpointer data)
{
  return lede_window_get_busy (window);
}

/* "Analyze text from clipboard" reads the clipboard and shows its text as an article. */
static void
test_clipboard (void)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  LedeAnalysis *analysis;

  gdk_clipboard_set_text (clipboard, "Ferry fares rise\n\nThe Portvale Harbor Council said fares would rise "
                                     "by 5 percent.\n");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.analyze-clipboard", NULL));
  g_assert_true (ui_test_run_until (window_is_busy, NULL, 10));
  wait_for_article ();
  analysis = lede_window_get_analysis (window);
  g_assert_cmpstr (lede_analysis_get_title (analysis), ==, "Ferry fares rise");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Ferry fares rise");
  g_assert_cmpint (js_int ("return document.body.textContent.includes('fares would rise') ? 1 : 0;"), ==, 1);
  ui_test_save_screenshot (GTK_WIDGET (window), "clipboard");
}

/* A file dropped on the window opens; the drop target takes it before WebKit. */
static void
test_drop_file (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "ui-inputs", NULL);
  g_autofree char *path = g_build_filename (dir, "dropped.txt", NULL);
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  g_autoptr (GFile) file = NULL;
  GtkDropTarget *target = NULL;
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;
  GSList *files;

  g_mkdir_with_parents (dir, 0755);
  g_assert_true (
    g_file_set_contents (path, "Dropped story\n\nMayor Ana Ruiz said 300 homes were flooded.\n", -1, NULL));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr (GObject) c = g_list_model_get_item (controllers, i);
      if (GTK_IS_DROP_TARGET (c))
        target = GTK_DROP_TARGET (c);
    }
  g_assert_nonnull (target);
  g_assert_cmpint (gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (target)), ==,
                   GTK_PHASE_CAPTURE);

  file = g_file_new_for_path (path);
  files = g_slist_prepend (NULL, file);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free (files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);
  g_assert_true (ui_test_run_until (window_is_busy, NULL, 10));
  wait_for_article ();
  g_assert_cmpstr (lede_analysis_get_title (lede_window_get_analysis (window)), ==, "Dropped story");
  ui_test_save_screenshot (GTK_WIDGET (window), "dropped");
}

/* `lede A B` shows A and lists B in the library. */
static void
test_open_several (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "ui-inputs", NULL);
  g_autofree char *a = g_build_filename (dir, "first.txt", NULL);
  g_autofree char *b = g_build_filename (dir, "second.txt", NULL);
  GFile *files[2];
  g_auto (GStrv) recent = NULL;
  g_autofree char *b_uri = NULL;

  g_mkdir_with_parents (dir, 0755);
  g_assert_true (g_file_set_contents (a, "First story\n\nThe Harbor Council met on Monday.\n", -1, NULL));
  g_assert_true (g_file_set_contents (b, "Second story\n\nThe council met again.\n", -1, NULL));
  files[0] = g_file_new_for_path (a);
  files[1] = g_file_new_for_path (b);
  b_uri = g_file_get_uri (files[1]);

  g_application_open (G_APPLICATION (app), files, 2, "");
  g_assert_true (ui_test_run_until (window_is_busy, NULL, 10));
  wait_for_article ();
  g_assert_cmpstr (lede_analysis_get_title (lede_window_get_analysis (window)), ==, "First story");
  recent = g_settings_get_strv (lede_application_get_settings (app), "recent-files");
  g_assert_true (g_strv_contains ((const char *const *) recent, b_uri));
  g_object_unref (files[0]);
  g_object_unref (files[1]);
  ui_test_save_screenshot (GTK_WIDGET (window), "open-several");
}

static GArray *clicked;

static void
record_click_cb (LedeArticleView *view, guint actor, guint mention, gpointer user_data)
{
  g_array_append_val (clicked, actor);
}

static gboolean
clicked_twice (gpointer data)
{
  return clicked->len >= 2;
}

static void
test_invalid_messages (void)
{
  LedeArticleView *view = lede_window_get_article_view (window);
  gulong id;

  clicked = g_array_new (FALSE, FALSE, sizeof (guint));
  id = g_signal_connect (view, "actor-clicked", G_CALLBACK (record_click_cb), NULL);

  /* Malformed or out-of-range messages are ignored; the two valid ones come through. */
  run_js ("const h = window.webkit.messageHandlers.lede;"
          "const p = Number(document.body.dataset.page);"
          "h.postMessage({type: 'actor', id: 'a1', mention: 0, page: p});"
          "h.postMessage('actor');"
          "h.postMessage(42);"
          "h.postMessage([1, 2]);"
          "h.postMessage({type: 'actor', id: 'a1', mention: 0});"
          "h.postMessage({type: 'actor', id: 'a1', mention: 0, page: p - 1});"
          "h.postMessage({type: 'actor', id: 'a1', mention: 0, page: String(p)});"
          "h.postMessage({type: 'actor', id: 'a99', mention: 0, page: p});"
          "h.postMessage({type: 'actor', id: 'a0', mention: 0, page: p});"
          "h.postMessage({type: 'actor', id: 'a01', mention: 0, page: p});"
          "h.postMessage({type: 'actor', id: 'a2', mention: 1.5, page: p});"
          "h.postMessage({type: 'actor', id: 'a2', mention: -1, page: p});"
          "h.postMessage({type: 'actor', id: 'a2', mention: 9999, page: p});"
          "h.postMessage({type: 'actor', id: 'a2', page: p});"
          "h.postMessage({type: 'actor', id: 2, mention: 0, page: p});"
          "h.postMessage({type: 'figure', id: 'f999', page: p});"
          "h.postMessage({type: 'claim', id: 'c1x', page: p});"
          "h.postMessage({type: 'step', delta: 5, page: p});"
          "h.postMessage({type: 'evaluate', code: 'alert(1)', page: p});"
          "h.postMessage({type: 'actor', id: 'a2', mention: 1, page: p});"
          "return 1;",
          LEDE_SCRIPT_WORLD);
  g_assert_true (ui_test_run_until (clicked_twice, NULL, 20));
  ui_test_spin (200);
  g_assert_cmpuint (clicked->len, ==, 2);
  g_assert_cmpuint (g_array_index (clicked, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (clicked, guint, 1), ==, 1);

  /* The page's own world has no way to reach the app. */
  {
    g_autofree char *type = js_string ("return typeof (window.webkit && window.webkit.messageHandlers && "
                                       "window.webkit.messageHandlers.lede);",
                                       NULL);
    g_assert_cmpstr (type, ==, "undefined");
  }

  g_signal_handler_disconnect (view, id);
  g_clear_pointer (&clicked, g_array_unref);
  ui_test_save_screenshot (GTK_WIDGET (window), "invalid-messages");
}

static void
test_scripts_never_run (void)
{
  const char *text
    = "Markup test\n\n"
      "Alice Smith wrote <script>document.title = 'pwned'; window.pwned = 1;</script> into the text.\n\n"
      "She added <img src=x onerror=\"document.title = 'pwned'; window.pwned = 2\"> as well, "
      "and <a href=\"javascript:window.pwned=3\">a link</a> with <iframe "
      "src=\"https://example.org\"></iframe>.\n";
  g_autofree char *title = NULL;
  g_autofree char *pwned = NULL;
  g_autofree char *csp = NULL;

  lede_window_open_text (window, text, NULL);
  wait_for_article ();
  ui_test_spin (300);

  /* The markup is text: no element was made from it, and it is shown escaped. */
  g_assert_cmpint (js_int ("return document.querySelectorAll('script, img, iframe, [onerror], "
                           "a[href^=\"javascript\"]').length;"),
                   ==, 0);
  g_assert_cmpint (js_int ("return document.body.textContent.includes('<script>document.title') ? 1 : 0;"),
                   ==, 1);
  g_assert_cmpint (js_int ("return document.body.textContent.includes('onerror=\"document.title') ? 1 : 0;"),
                   ==, 1);

  /* Even a script element added to the document later does not run: the
   * page's CSP and the view's settings forbid page scripts. */
  run_js ("const s = document.createElement('script');"
          "s.textContent = \"document.title = 'pwned'; window.pwned = 4;\";"
          "document.body.appendChild(s);"
          "const d = document.createElement('div');"
          "d.innerHTML = '<img src=\"data:,x\" onerror=\"document.title = \\'pwned\\'\">';"
          "document.body.appendChild(d);"
          "return 1;",
          LEDE_SCRIPT_WORLD);
  ui_test_spin (500);
  title = js_string ("return document.title;", LEDE_SCRIPT_WORLD);
  g_assert_cmpstr (title, ==, "Markup test");
  pwned = js_string ("return String(window.pwned);", NULL);
  g_assert_cmpstr (pwned, ==, "undefined");
  csp = js_string ("return document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content;",
                   LEDE_SCRIPT_WORLD);
  g_assert_nonnull (strstr (csp, "script-src 'none'"));
  g_assert_nonnull (strstr (csp, "frame-src 'none'"));

  /* A link never navigates the view (a person's click opens the browser). */
  run_js ("document.querySelector('a[href^=\"https:\"]').click(); return 1;", NULL);
  ui_test_spin (500);
  g_assert_cmpstr (webkit_web_view_get_uri (
                     lede_article_view_get_web_view (lede_window_get_article_view (window))),
                   ==, "about:blank");
  g_assert_cmpint (js_int ("return document.querySelectorAll('p').length;"), ==, 2);
  ui_test_save_screenshot (GTK_WIDGET (window), "scripts-escaped");
}

/* The preferences window changes the page's typeface and size at once. */
static void
test_preferences (void)
{
  GSettings *settings = lede_application_get_settings (app);
  LedePreferencesWindow *prefs = lede_preferences_window_new (settings);
  AdwComboRow *font_row = NULL;
  GtkWidget *w;

  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (prefs));
  /* Find the typeface row the way a person would, by its title. */
  for (w = GTK_WIDGET (prefs); w != NULL;)
    {
      if (ADW_IS_COMBO_ROW (w))
        {
          font_row = ADW_COMBO_ROW (w);
          break;
        }
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          if (w != NULL)
            w = gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_nonnull (font_row);
  g_assert_cmpuint (adw_combo_row_get_selected (font_row), ==, 0);
  adw_combo_row_set_selected (font_row, 1);
  g_assert_cmpint (g_settings_get_enum (settings, "font-family"), ==, LEDE_PAGE_FONT_SANS);
  wait_js ("return document.body.classList.contains('sans') ? 1 : 0;", 1);
  adw_combo_row_set_selected (font_row, 0);
  wait_js ("return document.body.classList.contains('serif') ? 1 : 0;", 1);
  ui_test_save_screenshot (GTK_WIDGET (prefs), "preferences");
  gtk_window_destroy (GTK_WINDOW (prefs));

  /* The page follows the system's dark style. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  wait_js ("return matchMedia('(prefers-color-scheme: dark)').matches ? 1 : 0;", 1);
  ui_test_save_screenshot (GTK_WIDGET (window), "dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  wait_js ("return matchMedia('(prefers-color-scheme: dark)').matches ? 1 : 0;", 0);

  /* Ctrl+plus and Ctrl+minus go through the application's actions. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "font-larger", NULL);
  g_assert_cmpuint (g_settings_get_uint (settings, "font-size"), ==, 20);
  wait_js ("return parseInt(getComputedStyle(document.body).fontSize);", 20);
  g_action_group_activate_action (G_ACTION_GROUP (app), "font-reset", NULL);
  g_assert_cmpuint (g_settings_get_uint (settings, "font-size"), ==, 18);

  /* The shortcuts window is there (Ctrl+?), and F9 hides the panel. */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (lede_window_get_fact_panel (window))));
  g_action_group_activate_action (G_ACTION_GROUP (window), "toggle-panel", NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (lede_window_get_fact_panel (window))));
  g_assert_false (g_settings_get_boolean (settings, "panel-visible"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "toggle-panel", NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (lede_window_get_fact_panel (window))));
}

/* Closing the window remembers its size and the panel; a new window uses them. */
static void
test_window_state (void)
{
  GSettings *settings = lede_application_get_settings (app);
  LedeWindow *second;
  int w, h;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  ui_test_spin (300);
  g_settings_set_boolean (settings, "sidebar-visible", FALSE);
  gtk_window_close (GTK_WINDOW (window));
  window = NULL;
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1200);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 800);
  g_assert_cmpint (g_settings_get_int (settings, "panel-width"), ==, 380);

  second = lede_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (second), &w, &h);
  g_assert_cmpint (w, ==, 1200);
  g_assert_cmpint (h, ==, 800);
  {
    int pw = 0;
    gtk_widget_get_size_request (GTK_WIDGET (lede_window_get_fact_panel (second)), &pw, NULL);
    g_assert_cmpint (pw, ==, 380);
  }
  window = second;
  gtk_window_present (GTK_WINDOW (window));
  ui_test_spin (300);
  ui_test_save_screenshot (GTK_WIDGET (window), "window-state");
  g_settings_reset (settings, "sidebar-visible");
}

/* The fact panel's column: no width of its own, its children's heights at the width it is given. */
static void
test_column (void)
{
  GtkWidget *column = g_object_ref_sink (lede_column_new (4));
  GtkWidget *short_label = gtk_label_new ("Mayor");
  GtkWidget *long_label
    = gtk_label_new ("The council approved the ferry route on Tuesday after a debate that "
                     "went on for most of the afternoon and into the evening.");
  int min, nat, narrow, wide, h1, h2;

  gtk_label_set_wrap (GTK_LABEL (long_label), TRUE);
  lede_column_append (LEDE_COLUMN (column), short_label);
  lede_column_append (LEDE_COLUMN (column), long_label);
  g_assert_cmpint (gtk_widget_get_request_mode (column), ==, GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH);

  gtk_widget_measure (column, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, 0);
  g_assert_cmpint (nat, ==, 0);

  /* Narrower means more lines: taller. The height is the children's plus the spacing. */
  gtk_widget_measure (column, GTK_ORIENTATION_VERTICAL, 150, &narrow, NULL, NULL, NULL);
  gtk_widget_measure (column, GTK_ORIENTATION_VERTICAL, 600, &wide, NULL, NULL, NULL);
  g_assert_cmpint (narrow, >, wide);
  gtk_widget_measure (short_label, GTK_ORIENTATION_VERTICAL, 600, &h1, NULL, NULL, NULL);
  gtk_widget_measure (long_label, GTK_ORIENTATION_VERTICAL, 600, &h2, NULL, NULL, NULL);
  g_assert_cmpint (wide, ==, h1 + 4 + h2);

  /* A hidden child takes no room. */
  gtk_widget_set_visible (short_label, FALSE);
  gtk_widget_measure (column, GTK_ORIENTATION_VERTICAL, 600, &wide, NULL, NULL, NULL);
  g_assert_cmpint (wide, ==, h2);

  g_assert_finalize_object (column);
}

static void
test_panel_finalizes (void)
{
  g_autoptr (LedeAnalysis) analysis = load_fixture ();
  GtkWidget *panel = g_object_ref_sink (lede_fact_panel_new ());

  lede_fact_panel_set_analysis (LEDE_FACT_PANEL (panel), analysis);
  lede_fact_panel_select_actor (LEDE_FACT_PANEL (panel), 0);
  lede_fact_panel_set_analysis (LEDE_FACT_PANEL (panel), NULL);
  g_assert_finalize_object (panel);

  {
    GtkWidget *card = g_object_ref_sink (lede_actor_card_new ());
    lede_actor_card_set_actor (LEDE_ACTOR_CARD (card), analysis, 2);
    lede_actor_card_set_position (LEDE_ACTOR_CARD (card), 1, 3);
    g_assert_finalize_object (card);
  }
}

/* Where OpenGL is drawn in software (as under Xvfb), the window draws with
 * cairo; with a GPU, GTK's own choice stands. */
static void
test_renderer (void)
{
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  g_autofree char *gl = NULL;
  gboolean software = lede_renderer_gl_is_software (gtk_widget_get_display (GTK_WIDGET (window)), &gl);

  g_assert_nonnull (renderer);
  g_test_message ("OpenGL renderer: %s; window renderer: %s", gl ? gl : "none",
                  G_OBJECT_TYPE_NAME (renderer));
  if (g_getenv ("GSK_RENDERER") != NULL)
    {
      g_test_skip ("GSK_RENDERER chooses the renderer");
      return;
    }
  if (software)
    g_assert_true (GSK_IS_CAIRO_RENDERER (renderer));
  else if (gl != NULL)
    g_assert_false (GSK_IS_CAIRO_RENDERER (renderer));
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* Without a display there is no window to test (run under xvfb-run). */
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display; run the ui suite under xvfb-run\n");
      return 0;
    }
  gtk_test_init (&argc, &argv, NULL);

  app = lede_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  window = lede_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));

  g_test_add_func ("/lede/ui/window/renderer", test_renderer);
  g_test_add_func ("/lede/ui/window/sample", test_sample);
  g_test_add_func ("/lede/ui/window/panel-and-page", test_panel_and_page);
  g_test_add_func ("/lede/ui/window/invalid-messages", test_invalid_messages);
  g_test_add_func ("/lede/ui/window/scripts-never-run", test_scripts_never_run);
  g_test_add_func ("/lede/ui/window/preferences", test_preferences);
  g_test_add_func ("/lede/ui/window/clipboard", test_clipboard);
  g_test_add_func ("/lede/ui/window/drop-file", test_drop_file);
  g_test_add_func ("/lede/ui/window/open-several", test_open_several);
  g_test_add_func ("/lede/ui/window/large-article", test_large_article);
  g_test_add_func ("/lede/ui/window/open-errors", test_open_errors);
  g_test_add_func ("/lede/ui/window/open-html", test_open_html);
  g_test_add_func ("/lede/ui/window/state", test_window_state);
  g_test_add_func ("/lede/ui/widgets/column", test_column);
  g_test_add_func ("/lede/ui/widgets/finalize", test_panel_finalizes);
  status = g_test_run ();

  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  return status;
}
