/* test-extract.c: article extraction from the project's own page fixtures, clutter and broken HTML included. */
#include "config.h"

#include <string.h>

#include "lede-extract.h"

#define BASE "https://courier.example/2026/03/bridge.html"

static LedeArticle *
extract_fixture (const char *name, const char *base, GError **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "reader", "fixtures", name, NULL);
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr (GError) read_error = NULL;

  g_file_get_contents (path, &data, &len, &read_error);
  g_assert_no_error (read_error);
  return lede_extract_article (data, len, base, NULL, error);
}

static const LedeBlock *
find_block (LedeArticle *article, const char *needle)
{
  for (guint i = 0; i < lede_article_get_n_blocks (article); i++)
    {
      const LedeBlock *b = lede_article_get_block (article, i);
      if (strstr (b->text, needle) != NULL)
        return b;
    }
  return NULL;
}

static void
test_article (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeArticle) article = extract_fixture ("article.html", BASE, &error);
  g_autofree char *body = NULL;
  g_autofree char *text = NULL;
  const char *clutter[]
    = { "ADVERT",    "Share on",    "Related stories", "Ferry fares", "First!",  "Great reporting",
        "Copyright", "Hidden text", "trackPage",       "Weather",     "Privacy", "color: red" };
  const LedeBlock *b;

  g_assert_no_error (error);
  g_assert_nonnull (article);

  /* Metadata: JSON-LD first, then OpenGraph, then the page. */
  g_assert_cmpstr (lede_article_get_title (article), ==, "Harbour bridge reopens after repairs");
  g_assert_cmpstr (lede_article_get_byline (article), ==, "Mira Castell, Tomas Reid");
  g_assert_cmpstr (lede_article_get_date (article), ==, "2026-03-14T08:30:00Z");
  g_assert_cmpstr (lede_article_get_site_name (article), ==, "The Lakeside Courier");
  g_assert_cmpstr (lede_article_get_lead_image (article), ==,
                   "https://courier.example/media/bridge-lead.jpg");
  g_assert_cmpstr (lede_article_get_language (article), ==, "en-GB");
  g_assert_cmpstr (lede_article_get_excerpt (article), ==, "The Harbour Bridge is open again.");
  g_assert_cmpstr (lede_article_get_uri (article), ==, BASE);

  body = lede_article_dup_body_text (article);
  /* The story, whole, with entities decoded and whitespace made single spaces. */
  g_assert_true (g_str_has_prefix (body,
                                   "The Harbour Bridge reopened to traffic on Friday after eleven weeks of "
                                   "repairs, the city’s transport office said"));
  g_assert_nonnull (strstr (body, "£18 million — £3 million more than planned."));
  g_assert_nonnull (strstr (body, "“It has been a long winter,” said Ana Lopes"));
  g_assert_nonnull (strstr (body, "Council member Joan Whitby said"));
  /* And nothing of the page around it. */
  for (guint i = 0; i < G_N_ELEMENTS (clutter); i++)
    if (strstr (body, clutter[i]) != NULL)
      g_error ("“%s” should have been dropped:\n%s", clutter[i], body);
  /* Paragraphs are separated by blank lines; the title is not repeated. */
  g_assert_nonnull (strstr (body, "drivers a day.\n\n"));
  g_assert_null (strstr (body, "\n\n\n"));
  g_assert_null (strstr (body, "reopens after repairs"));

  /* The story ends with its last paragraph, not with the links to other stories after it. */
  b = lede_article_get_block (article, lede_article_get_n_blocks (article) - 1);
  g_assert_true (g_str_has_prefix (b->text, "Council member Joan Whitby"));

  text = lede_article_dup_text (article);
  g_assert_true (
    g_str_has_prefix (text, "Harbour bridge reopens after repairs\n\nThe Harbour Bridge reopened"));

  b = find_block (article, "Drivers relieved");
  g_assert_nonnull (b);
  g_assert_cmpint (b->kind, ==, LEDE_BLOCK_HEADING);
  g_assert_cmpuint (b->level, ==, 2);

  b = find_block (article, "We expect the bridge to last");
  g_assert_nonnull (b);
  g_assert_cmpint (b->kind, ==, LEDE_BLOCK_QUOTE);

  b = find_block (article, "painting the north railings");
  g_assert_nonnull (b);
  g_assert_cmpint (b->kind, ==, LEDE_BLOCK_LIST_ITEM);
  g_assert_cmpuint (b->level, ==, 1);
  g_assert_false (b->ordered);

  /* The lazily loaded image, by its real address, with its caption. */
  b = find_block (article, "Cars cross the reopened bridge");
  g_assert_nonnull (b);
  g_assert_cmpint (b->kind, ==, LEDE_BLOCK_FIGURE);
  g_assert_cmpstr (b->src, ==, "https://courier.example/media/bridge-open.jpg");

  /* Links keep their place in the text and an absolute address. */
  b = find_block (article, "full engineering report");
  g_assert_nonnull (b);
  g_assert_nonnull (b->links);
  g_assert_cmpuint (b->links->len, ==, 1);
  {
    const LedeBlockLink *link = &g_array_index (b->links, LedeBlockLink, 0);
    g_autofree char *linked = g_strndup (b->text + link->start, link->end - link->start);
    g_assert_cmpstr (linked, ==, "full engineering report");
    g_assert_cmpstr (link->href, ==, "https://courier.example/reports/bridge-2026.pdf");
  }

  /* The HTML for display is the article, sanitized. */
  {
    const char *html = lede_article_get_html (article);
    g_assert_nonnull (html);
    g_assert_nonnull (strstr (html, "<p>"));
    g_assert_nonnull (strstr (html, "src=\"https://courier.example/media/bridge-open.jpg\""));
    g_assert_nonnull (strstr (html, "href=\"https://courier.example/reports/bridge-2026.pdf\""));
    g_assert_null (strstr (html, "class="));
    g_assert_null (strstr (html, "style"));
    g_assert_null (strstr (html, "data:"));
    g_assert_null (strstr (html, "Share on"));
  }
}

static void
test_broken_legacy_charset (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeArticle) article = extract_fixture ("broken-cp1252.html", NULL, &error);
  g_autofree char *body = NULL;

  g_assert_no_error (error);
  /* windows-1252 from <meta>, unclosed tags, stray end tags: the text still comes through. */
  g_assert_cmpstr (lede_article_get_title (article), ==, "Café owner wins appeal");
  body = lede_article_dup_body_text (article);
  g_assert_true (g_str_has_prefix (body, "The owner of the harbour café won her appeal on Monday"));
  g_assert_nonnull (strstr (body, "“We never gave up,” she told reporters"));
  g_assert_nonnull (strstr (body, "holding the ruling & a bunch of flowers"));
  g_assert_nonnull (strstr (body, "terrace — a claim the judge rejected"));
  g_assert_nonnull (strstr (body, "Neighbours, who had signed a petition"));
  g_assert_true (g_utf8_validate (body, -1, NULL));
}

static const char story[]
  = "<p>The regional council voted on Tuesday to build a new library in the old market hall, the mayor "
    "said, after two years of debate about the cost of the project and its place in the town.</p>"
    "<p>Work is to start next spring and to end within eighteen months, said the architect, who "
    "presented the plans to a full room of residents on Tuesday evening.</p>";

static void
test_charsets (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeArticle) a = NULL;
  g_autoptr (LedeArticle) b = NULL;
  g_autoptr (LedeArticle) c = NULL;
  g_autofree char *latin = g_strdup_printf ("<html><body><p>caf\xe9 cr\xe8me</p>%s</body></html>", story);
  g_autofree char *mislabelled = g_strdup_printf (
    "<html><head><meta charset=\"iso-8859-1\"></head><body><p>café crème</p>%s</body></html>", story);
  g_autofree char *utf16 = NULL;
  gsize utf16_len = 0;

  /* The charset from the HTTP header when the page declares none. */
  a = lede_extract_article (latin, strlen (latin), NULL, "ISO-8859-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lede_article_get_block (a, 0)->text, ==, "café crème");

  /* Valid UTF-8 labelled Latin-1 is read as UTF-8, as nothing else would make sense of it. */
  b = lede_extract_article (mislabelled, strlen (mislabelled), NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lede_article_get_block (b, 0)->text, ==, "café crème");

  /* UTF-8 with one broken byte is still UTF-8. */
  {
    g_autofree char *src = g_strdup_printf ("<html><body><p>café \xff crème</p>%s</body></html>", story);
    g_autoptr (LedeArticle) d = lede_extract_article (src, strlen (src), NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (lede_article_get_block (d, 0)->text, ==, "café \xef\xbf\xbd crème");
  }

  /* Numeric references into 0x80–0x9F mean windows-1252, as in browsers. */
  {
    g_autofree char *src
      = g_strdup_printf ("<html><body><p>It&#146;s &#147;fine&#148; &#150; 5&#128;</p>%s</body></html>",
                         story);
    g_autoptr (LedeArticle) e = lede_extract_article (src, strlen (src), NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (lede_article_get_block (e, 0)->text, ==, "It’s “fine” – 5€");
  }

  /* UTF-16 with a byte-order mark. */
  {
    g_autofree char *src = g_strdup_printf ("\xEF\xBB\xBF<html><body><p>café</p>%s</body></html>", story);
    g_autofree char *conv = g_convert (src + 3, -1, "UTF-16LE", "UTF-8", NULL, &utf16_len, NULL);
    utf16 = g_malloc (utf16_len + 2);
    memcpy (utf16, "\xFF\xFE", 2);
    memcpy (utf16 + 2, conv, utf16_len);
    c = lede_extract_article (utf16, utf16_len + 2, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (lede_article_get_block (c, 0)->text, ==, "café");
  }
}

static void
test_no_article (void)
{
  const char *pages[] = {
    "",
    "   \n\t ",
    "<html><body></body></html>",
    "<html><body><img src=\"/a.jpg\"><img src=\"/b.jpg\"></body></html>",
    "<html><head><title>Only a title</title></head><body><script>var a = 'not text';</script></body></html>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (LedeArticle) a = lede_extract_article (pages[i], strlen (pages[i]), NULL, NULL, &error);
      g_assert_null (a);
      g_assert_true (g_error_matches (error, LEDE_EXTRACT_ERROR, LEDE_EXTRACT_ERROR_NO_ARTICLE)
                     || g_error_matches (error, LEDE_EXTRACT_ERROR, LEDE_EXTRACT_ERROR_NOT_HTML));
    }

  /* An index page of links is no article either. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (LedeArticle) a = extract_fixture ("no-article.html", "https://courier.example/", &error);
    g_assert_error (error, LEDE_EXTRACT_ERROR, LEDE_EXTRACT_ERROR_NO_ARTICLE);
    g_assert_null (a);
  }
}

static void
test_garbage (void)
{
  /* Binary junk and deep nesting end in an error or an article, never a crash or a hang. */
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);
  GString *deep = g_string_new ("<html><body>");
  gsize len = 200000;
  g_autofree char *junk = g_malloc (len);

  for (gsize i = 0; i < len; i++)
    junk[i] = (char) g_rand_int_range (rand, 0, 256);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (LedeArticle) a = lede_extract_article (junk, len, NULL, NULL, &error);
    g_assert_true (a != NULL || error != NULL);
  }
  for (guint i = 0; i < 20000; i++)
    g_string_append (deep, "<div><span>");
  g_string_append (deep, story);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (LedeArticle) a = lede_extract_article (deep->str, deep->len, NULL, NULL, &error);
    g_assert_true (a != NULL || error != NULL);
  }
  g_string_free (deep, TRUE);
}

static void
test_paragraphs_from_breaks (void)
{
  const char *page = "<html><head><title>Snow closes the mountain pass for the second time this week | "
                     "Valley News</title><meta property=\"og:locale\" content=\"en_US\"></head><body>"
                     "<time datetime=\"2026-01-08T07:00:00-05:00\">Jan. 8</time><div class=\"entry\">"
                     "Snow closed the mountain pass again on Thursday, the road agency said, the second "
                     "closure this week.<br><br>Crews expect to clear the road by Saturday morning, "
                     "weather permitting, according to the agency's latest statement.<br><br>"
                     "Drivers are asked to use the valley road, which adds about forty minutes to the trip "
                     "and which the agency keeps open all winter, its spokesperson said.</div></body></html>";
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeArticle) a = lede_extract_article (page, strlen (page), NULL, NULL, &error);

  g_assert_no_error (error);
  /* The site name is cut from the <title>. */
  g_assert_cmpstr (lede_article_get_title (a), ==,
                   "Snow closes the mountain pass for the second time this week");
  g_assert_cmpuint (lede_article_get_n_blocks (a), ==, 3);
  g_assert_true (g_str_has_prefix (lede_article_get_block (a, 1)->text, "Crews expect"));
  g_assert_cmpint (lede_article_get_block (a, 2)->kind, ==, LEDE_BLOCK_PARAGRAPH);
  /* Without metadata, the date comes from <time> and the language from og:locale. */
  g_assert_cmpstr (lede_article_get_date (a), ==, "2026-01-08T07:00:00-05:00");
  g_assert_cmpstr (lede_article_get_language (a), ==, "en-US");
  /* Without og:image, the lead image is none here. */
  g_assert_null (lede_article_get_lead_image (a));
}

static void
test_datelines (void)
{
  g_autofree char *page
    = g_strdup_printf ("<html><body><div class=\"story\"><p>By Ana Reyes and Tom Li</p>"
                       "<p>Updated March 3, 2026 at 9:15 a.m. ET</p>%s</div></body></html>",
                       story);
  g_autofree char *kept = g_strdup_printf ("<html><body><div class=\"story\"><p>By Friday, the council said, "
                                           "the vote will be over.</p>%s</div></body></html>",
                                           story);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeArticle) a = lede_extract_article (page, strlen (page), NULL, NULL, &error);
  g_autoptr (LedeArticle) b = NULL;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (lede_article_get_block (a, 0)->text, "The regional council voted"));
  g_assert_cmpuint (lede_article_get_n_blocks (a), ==, 2);

  /* A story that opens with "By …" is still a story. */
  b = lede_extract_article (kept, strlen (kept), NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lede_article_get_block (b, 0)->text, ==,
                   "By Friday, the council said, the vote will be over.");
}

static void
test_jsonld_body (void)
{
  /* The page shows a teaser and builds the rest with a script; JSON-LD has the whole text. */
  const char *page
    = "<html><head><title>Dam opens</title><script type=\"application/ld+json\">"
      "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"Dam opens its gates\","
      "\"articleBody\":\"The new dam opened its gates on Monday, the water board said, ending a "
      "decade of planning and three years of building along the river.\\nFarmers downstream "
      "welcomed the news, saying the dam would end the summer shortages that cost them "
      "their harvests in two of the last five years.\\n\\nThe board&#8217;s director said the "
      "reservoir would be full by the end of the year if the autumn rains come as expected.\"}"
      "</script></head><body><div class=\"story\"><p>The new dam opened its gates on Monday.</p>"
      "<div id=\"app\"></div></div></body></html>";
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeArticle) a = lede_extract_article (page, strlen (page), NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (lede_article_get_title (a), ==, "Dam opens its gates");
  g_assert_cmpuint (lede_article_get_n_blocks (a), ==, 3);
  g_assert_true (g_str_has_prefix (lede_article_get_block (a, 1)->text, "Farmers downstream"));
  g_assert_true (g_str_has_prefix (lede_article_get_block (a, 2)->text, "The board’s director"));
  g_assert_nonnull (strstr (lede_article_get_html (a), "<p>Farmers downstream"));
}

static void
test_jsonld_teaser (void)
{
  /* A short articleBody does not replace the page's full text. */
  g_autofree char *page = g_strdup_printf (
    "<html><head><script type=\"application/ld+json\">{\"@type\":\"Article\",\"headline\":\"Library\","
    "\"articleBody\":\"The regional council voted on Tuesday.\"}</script></head><body>%s</body></html>",
    story);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeArticle) a = lede_extract_article (page, strlen (page), NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (lede_article_get_n_blocks (a), ==, 2);
  g_assert_nonnull (strstr (lede_article_get_block (a, 1)->text, "eighteen months"));
}

static void
extract_done_cb (GObject *object, GAsyncResult *result, gpointer data)
{
  GPtrArray *results = data;
  g_autoptr (GError) error = NULL;
  LedeArticle *a = lede_extract_article_finish (result, &error);
  g_assert_no_error (error);
  g_ptr_array_add (results, a);
}

static void
test_async (void)
{
  /* Several pages at once in worker threads, as the window does. */
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "reader", "fixtures", "article.html", NULL);
  g_autoptr (GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GBytes) bytes = NULL;
  char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  bytes = g_bytes_new_take (data, len);
  for (guint i = 0; i < 8; i++)
    lede_extract_article_async (bytes, BASE, NULL, NULL, extract_done_cb, results);
  while (results->len < 8)
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < results->len; i++)
    g_assert_cmpstr (lede_article_get_title (results->pdata[i]), ==, "Harbour bridge reopens after repairs");
}

static void
test_looks_like_html (void)
{
  g_assert_true (lede_extract_looks_like_html ("<!DOCTYPE html><html>", 21));
  g_assert_true (lede_extract_looks_like_html ("\xEF\xBB\xBF  <!doctype HTML>", 19));
  g_assert_true (lede_extract_looks_like_html ("<!-- generated -->\n<html lang=\"en\">", 35));
  g_assert_true (lede_extract_looks_like_html ("<?xml version=\"1.0\"?><html xmlns=\"x\">", 37));
  g_assert_false (lede_extract_looks_like_html ("Council approves budget\n\nThe city", 33));
  g_assert_false (lede_extract_looks_like_html ("<rss version=\"2.0\">", 19));
  g_assert_false (lede_extract_looks_like_html ("<htmlx>", 7));
  g_assert_false (lede_extract_looks_like_html ("", 0));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lede/reader/extract/article", test_article);
  g_test_add_func ("/lede/reader/extract/broken-legacy-charset", test_broken_legacy_charset);
  g_test_add_func ("/lede/reader/extract/charsets", test_charsets);
  g_test_add_func ("/lede/reader/extract/no-article", test_no_article);
  g_test_add_func ("/lede/reader/extract/garbage", test_garbage);
  g_test_add_func ("/lede/reader/extract/paragraphs-from-breaks", test_paragraphs_from_breaks);
  g_test_add_func ("/lede/reader/extract/datelines", test_datelines);
  g_test_add_func ("/lede/reader/extract/jsonld-body", test_jsonld_body);
  g_test_add_func ("/lede/reader/extract/jsonld-teaser", test_jsonld_teaser);
  g_test_add_func ("/lede/reader/extract/async", test_async);
  g_test_add_func ("/lede/reader/extract/looks-like-html", test_looks_like_html);

  return g_test_run ();
}
