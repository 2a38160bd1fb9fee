/* test-page-builder.c: the generated article page: escaping, spans with ids, CSP; no display needed. */
#include "config.h"

#include <string.h>

#include "lede-page-builder.h"

static const LedePageOptions options = { "body { color: black; }", LEDE_PAGE_FONT_SERIF, 18, 7 };

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

static guint
count (const char *haystack, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The page's text with every tag removed and entities decoded. */
static char *
page_text (const char *html)
{
  const char *body = strstr (html, "<body");
  GString *out = g_string_new (NULL);
  gboolean in_tag = FALSE;

  g_assert_nonnull (body);
  for (const char *p = body; *p; p++)
    {
      if (*p == '<')
        in_tag = TRUE;
      else if (*p == '>')
        in_tag = FALSE;
      else if (!in_tag)
        {
          if (g_str_has_prefix (p, "&lt;"))
            g_string_append_c (out, '<'), p += 3;
          else if (g_str_has_prefix (p, "&gt;"))
            g_string_append_c (out, '>'), p += 3;
          else if (g_str_has_prefix (p, "&quot;"))
            g_string_append_c (out, '"'), p += 5;
          else if (g_str_has_prefix (p, "&#39;"))
            g_string_append_c (out, '\''), p += 4;
          else if (g_str_has_prefix (p, "&amp;"))
            g_string_append_c (out, '&'), p += 4;
          else if (*p != '\n')
            g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

static void
test_escaping (void)
{
  const char *text = "A <script>alert('x')</script> & <img src=x onerror=\"alert(1)\"> test by \"Bob\".\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeAnalysis) analysis
    = lede_analysis_new_for_text (text, -1, "Title <b>bold</b> & co", LEDE_ANALYSIS_FLAGS_NONE, 0, &error);
  g_autofree char *html = NULL;
  g_autofree char *shown = NULL;

  g_assert_no_error (error);
  html = lede_page_builder_build (analysis, &options);
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<img"));
  g_assert_null (strstr (html, "<b>"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;img"));
  g_assert_nonnull (strstr (html, "<h1>Title &lt;b&gt;bold&lt;/b&gt; &amp; co</h1>"));
  g_assert_nonnull (strstr (html, "<title>Title &lt;b&gt;bold&lt;/b&gt; &amp; co</title>"));
  /* The page says which page it is, for the app's script to tell the app. */
  g_assert_nonnull (strstr (html, "<body class=\"serif\" data-page=\"7\">"));
  shown = page_text (html);
  g_assert_nonnull (strstr (shown, "A <script>alert('x')</script> & <img src=x onerror=\"alert(1)\"> test"));
}

static void
test_csp (void)
{
  g_autoptr (LedeAnalysis) analysis = lede_analysis_new_for_text ("Some text.", -1, NULL, 0, 0, NULL);
  g_autofree char *html = lede_page_builder_build (analysis, &options);
  const char *meta = strstr (html, "<meta http-equiv=\"Content-Security-Policy\" content=\"");
  const char *style = strstr (html, "<style>");
  g_autofree char *csp = NULL;
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *style_body = NULL;
  g_autofree char *hash = NULL;
  guint8 digest[32];
  gsize n = sizeof digest;

  g_assert_nonnull (meta);
  g_assert_nonnull (style);
  /* The policy comes before anything it governs. */
  g_assert_true (meta < style);
  meta += strlen ("<meta http-equiv=\"Content-Security-Policy\" content=\"");
  csp = g_strndup (meta, strchr (meta, '"') - meta);
  g_assert_nonnull (strstr (csp, "default-src 'none'"));
  g_assert_nonnull (strstr (csp, "script-src 'none'"));
  g_assert_nonnull (strstr (csp, "frame-src 'none'"));
  g_assert_nonnull (strstr (csp, "object-src 'none'"));
  g_assert_nonnull (strstr (csp, "connect-src 'none'"));
  g_assert_nonnull (strstr (csp, "img-src data:"));
  g_assert_null (strstr (csp, "unsafe"));
  g_assert_null (strstr (csp, "http"));

  /* The inline style sheet is allowed by its exact hash. */
  style += strlen ("<style>");
  style_body = g_strndup (style, strstr (style, "</style>") - style);
  g_assert_nonnull (strstr (style_body, "body { color: black; }"));
  g_assert_nonnull (strstr (style_body, "--lede-font-size: 18px"));
  g_checksum_update (sum, (const guchar *) style_body, strlen (style_body));
  g_checksum_get_digest (sum, digest, &n);
  hash = g_base64_encode (digest, n);
  g_assert_nonnull (strstr (csp, hash));
}

static void
test_spans (void)
{
  g_autoptr (LedeAnalysis) analysis = load_fixture ();
  g_autofree char *html = lede_page_builder_build (analysis, &options);
  g_autofree char *shown = page_text (html);
  g_autofree char *expected = NULL;

  /* Every mention carries its actor's id, once (continuations aside). */
  for (guint i = 0; i < lede_analysis_get_n_actors (analysis); i++)
    {
      const LedeActor *a = lede_analysis_get_actor (analysis, i);
      g_autofree char *attr = g_strdup_printf ("<span class=\"mention\" data-actor=\"a%u\"", i + 1);
      g_assert_cmpuint (count (html, attr), ==, a->mentions->len);
      for (guint m = 0; m < a->mentions->len; m++)
        {
          g_autofree char *one = g_strdup_printf ("data-actor=\"a%u\" data-m=\"%u\">", i + 1, m);
          g_assert_nonnull (strstr (html, one));
        }
    }
  g_assert_cmpuint (count (html, "<span class=\"figure\" data-figure=\"f"), ==,
                    lede_analysis_get_n_figures (analysis));
  g_assert_cmpuint (count (html, "<span class=\"claim disputed\" data-claim=\"c"), ==, 2);
  g_assert_cmpuint (count (html, "<span class=\"claim\" data-claim=\"c"), ==, 2);

  /* The figure inside a claim nests inside it: the claim holds the figure's span whole. */
  g_assert_nonnull (strstr (html, "<span class=\"claim\" data-claim=\"c1\">would cut commuting times by "
                                  "<span class=\"figure\" data-figure=\"f1\">40 percent</span></span>"));
  /* The mention that opens a claim nests inside it. */
  g_assert_nonnull (strstr (html, "<span class=\"claim disputed\" data-claim=\"c3\"><span class=\"mention\" "
                                  "data-actor=\"a4\" data-m=\"1\">Berg</span> accused"));

  /* Nothing of the text is lost or changed: headline, paragraphs, typographic quotes. */
  g_assert_nonnull (
    strstr (html, "<h1>Harbor <span class=\"mention\" data-actor=\"a1\" data-m=\"0\">council</span> "
                  "approves new ferry route</h1>"));
  g_assert_cmpuint (count (html, "<p>"), ==, 5);
  expected = g_strdup (lede_analysis_get_text (analysis));
  {
    /* The page has no line breaks; compare without them. */
    GString *flat = g_string_new (NULL);
    for (const char *p = expected; *p; p++)
      if (*p != '\n')
        g_string_append_c (flat, *p);
    g_assert_cmpstr (shown, ==, flat->str);
    g_string_free (flat, TRUE);
  }

  /* Web addresses in the text become links (opened outside the view). */
  g_assert_nonnull (
    strstr (html, "<a href=\"https://example.org/ferry-plan\">https://example.org/ferry-plan</a>."));
}

/* Overlapping spans that do not nest are split, so the markup always nests. */
static void
test_crossing_spans (void)
{
  const char *json
    = "{\"schema\":\"lede.analysis/1\",\"analyzer\":\"t\",\"text\":\"One two three four.\","
      "\"sentences\":[{\"start\":0,\"end\":19}],"
      "\"actors\":[{\"id\":\"a1\",\"name\":\"two three\",\"kind\":\"other\",\"aliases\":[\"two three\"],"
      "\"mentions\":[{\"start\":4,\"end\":13,\"text\":\"two three\",\"sentence\":0}]}],"
      "\"figures\":[],"
      "\"claims\":[{\"id\":\"c1\",\"text\":\"One "
      "two\",\"start\":0,\"end\":7,\"sentence\":0,\"claimant\":null,"
      "\"verb\":\"said\",\"stance\":\"statement\",\"targets\":[],\"disputed\":false,\"disputed_by\":[]}]}";
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeAnalysis) analysis = lede_analysis_new_from_json (json, -1, &error);
  g_autofree char *html = NULL;

  g_assert_no_error (error);
  html = lede_page_builder_build (analysis, &options);
  g_assert_nonnull (strstr (html,
                            "<p><span class=\"claim\" data-claim=\"c1\">One <span class=\"mention\" "
                            "data-actor=\"a1\" data-m=\"0\">two</span></span><span class=\"mention cont\" "
                            "data-actor=\"a1\" data-m=\"0\"> three</span> four.</p>"));
}

static void
test_parse_id (void)
{
  guint index = 99;

  g_assert_true (lede_page_builder_parse_id ("a1", 'a', 3, &index));
  g_assert_cmpuint (index, ==, 0);
  g_assert_true (lede_page_builder_parse_id ("c3", 'c', 3, &index));
  g_assert_cmpuint (index, ==, 2);
  g_assert_false (lede_page_builder_parse_id ("a4", 'a', 3, NULL));
  g_assert_false (lede_page_builder_parse_id ("a0", 'a', 3, NULL));
  g_assert_false (lede_page_builder_parse_id ("a01", 'a', 3, NULL));
  g_assert_false (lede_page_builder_parse_id ("f1", 'a', 3, NULL));
  g_assert_false (lede_page_builder_parse_id ("a1 ", 'a', 3, NULL));
  g_assert_false (lede_page_builder_parse_id ("a", 'a', 3, NULL));
  g_assert_false (lede_page_builder_parse_id ("a99999999999999999999", 'a', G_MAXUINT, NULL));
  g_assert_false (lede_page_builder_parse_id (NULL, 'a', 3, NULL));
}

/* Offsets that do not fit the text (a hand-edited document) are dropped, not trusted. */
static void
test_bad_offsets (void)
{
  const char *json = "{\"schema\":\"lede.analysis/1\",\"analyzer\":\"t\",\"text\":\"Zoë met Ann.\","
                     "\"sentences\":[{\"start\":0,\"end\":12}],"
                     "\"actors\":[{\"id\":\"a1\",\"name\":\"Zoë\",\"kind\":\"person\",\"aliases\":[\"Zoë\"],"
                     "\"mentions\":[{\"start\":0,\"end\":3,\"text\":\"Zoë\",\"sentence\":0}]}],"
                     "\"figures\":[],\"claims\":[]}";
  g_autoptr (LedeAnalysis) analysis = lede_analysis_new_from_json (json, -1, NULL);
  g_autofree char *html = NULL;

  g_assert_nonnull (analysis);
  html = lede_page_builder_build (analysis, &options);
  g_assert_nonnull (
    strstr (html, "<span class=\"mention\" data-actor=\"a1\" data-m=\"0\">Zoë</span> met Ann."));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lede/ui/page-builder/escaping", test_escaping);
  g_test_add_func ("/lede/ui/page-builder/csp", test_csp);
  g_test_add_func ("/lede/ui/page-builder/spans", test_spans);
  g_test_add_func ("/lede/ui/page-builder/crossing-spans", test_crossing_spans);
  g_test_add_func ("/lede/ui/page-builder/parse-id", test_parse_id);
  g_test_add_func ("/lede/ui/page-builder/bad-offsets", test_bad_offsets);

  return g_test_run ();
}
