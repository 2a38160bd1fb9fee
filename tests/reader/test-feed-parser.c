/* test-feed-parser.c: feeds in every format Lede reads, the broken ones, dates and autodiscovery. */
#include "config.h"

#include <string.h>

#include "lede-discover.h"
#include "lede-feed-parser.h"

static LedeFeed *
parse_fixture (const char *name, const char *base, GError **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "reader", "fixtures", "feeds", name, NULL);
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return lede_feed_parse (data, length, base, error);
}

static LedeFeedItem *
item (LedeFeed *feed, guint i)
{
  g_assert_cmpuint (i, <, feed->items->len);
  return feed->items->pdata[i];
}

static void
test_rss2 (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeFeed) feed = parse_fixture ("rss2.xml", "https://gazette.example/feed.xml", &error);
  LedeFeedItem *it;

  g_assert_no_error (error);
  g_assert_cmpint (feed->format, ==, LEDE_FEED_FORMAT_RSS2);
  g_assert_cmpstr (feed->title, ==, "The Harbour Gazette");
  g_assert_cmpstr (feed->site_url, ==, "https://gazette.example/");
  g_assert_cmpstr (feed->self_url, ==, "https://gazette.example/feed.xml");
  g_assert_cmpstr (feed->image_url, ==, "https://gazette.example/images/logo.png");
  g_assert_cmpuint (feed->items->len, ==, 3);

  it = item (feed, 0);
  /* "&amp;amp;" is an escaped "&amp;": the title shows "&" */
  g_assert_cmpstr (it->title, ==, "Council approves & funds new ferry");
  g_assert_cmpstr (it->url, ==, "https://gazette.example/2024/03/ferry");
  g_assert_cmpstr (it->guid, ==, "gazette-ferry-2024");
  g_assert_cmpstr (it->author, ==, "Mira Okafor");
  g_assert_cmpint (it->published, ==, 1709622000);
  g_assert_cmpstr (it->summary, ==, "The council voted <b>7 to 2</b> for the ferry.");
  g_assert_nonnull (strstr (it->content, "<p>The town council voted <b>7 to 2</b>"));
  g_assert_nonnull (strstr (it->content, "Costs &amp; risks"));
  /* links in the HTML are made absolute against the feed's URL */
  g_assert_nonnull (strstr (it->content, "href=\"https://gazette.example/council/minutes\""));
  g_assert_cmpstr (it->image_url, ==, "https://cdn.gazette.example/ferry-small.jpg");

  it = item (feed, 1);
  g_assert_cmpstr (it->title, ==, "Storm closes the north pier");
  g_assert_cmpstr (it->guid, ==, "https://gazette.example/2024/03/storm");
  g_assert_cmpint (it->published, ==, 1709592300);
  g_assert_cmpstr (it->author, ==, "desk@gazette.example (News Desk)");
  g_assert_cmpstr (it->enclosure_url, ==, "https://gazette.example/audio/storm.mp3");
  g_assert_cmpstr (it->enclosure_type, ==, "audio/mpeg");
  g_assert_cmpint (it->enclosure_length, ==, 123456);
  g_assert_null (it->content);

  /* No title, no link, no guid: still an item, with a stable key */
  it = item (feed, 2);
  g_assert_null (it->title);
  g_assert_null (it->url);
  g_assert_cmpuint (strlen (it->guid), ==, 40);
  g_assert_cmpint (it->published, ==, 1709546400);
}

static void
test_stable_guid (void)
{
  g_autoptr (LedeFeed) a = parse_fixture ("rss2.xml", NULL, NULL);
  g_autoptr (LedeFeed) b = parse_fixture ("rss2.xml", NULL, NULL);

  g_assert_cmpstr (item (a, 2)->guid, ==, item (b, 2)->guid);
  /* without a base URL a relative link stays as written */
  g_assert_cmpstr (item (a, 0)->url, ==, "/2024/03/ferry");
}

static void
test_html_entities (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeFeed) feed = parse_fixture ("rss2-html-entities.xml", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (feed->title, ==, "Café Notes");
  g_assert_cmpuint (feed->items->len, ==, 1);
  g_assert_cmpstr (item (feed, 0)->title, ==, "Crème brûlée — a history");
  g_assert_nonnull (strstr (item (feed, 0)->summary, "Sugar & fire"));
}

static void
test_encoding (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeFeed) feed = parse_fixture ("latin1.xml", NULL, &error);

  /* declared ISO-8859-1: everything comes out as UTF-8 */
  g_assert_no_error (error);
  g_assert_cmpstr (feed->title, ==, "Café du Port");
  g_assert_cmpstr (item (feed, 0)->title, ==, "Résumé de la séance");
  g_assert_cmpstr (item (feed, 0)->summary, ==, "Le conseil a voté.");
}

static void
test_recoverable (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeFeed) feed = parse_fixture ("broken-ampersand.xml", NULL, &error);

  /* A bare "&" is an XML error every reader forgives. */
  g_assert_no_error (error);
  g_assert_cmpuint (feed->items->len, ==, 1);
  g_assert_cmpstr (item (feed, 0)->url, ==, "http://fish.example/1");
}

static void
test_trailing_garbage (void)
{
  const char *doc = "<rss version=\"2.0\"><channel><title>T</title><item><title>One</title>"
                    "<link>http://t.example/1</link></item></channel></rss>\n<!-- cache 0.2s --> junk";
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeFeed) feed = lede_feed_parse (doc, strlen (doc), NULL, &error);

  /* what some servers append after the feed does not lose it */
  g_assert_no_error (error);
  g_assert_cmpuint (feed->items->len, ==, 1);
}

static void
test_rdf (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeFeed) feed = parse_fixture ("rdf.xml", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (feed->format, ==, LEDE_FEED_FORMAT_RDF);
  g_assert_cmpstr (feed->title, ==, "Science Weekly");
  g_assert_cmpstr (feed->site_url, ==, "http://science.example/");
  g_assert_cmpstr (feed->image_url, ==, "http://science.example/logo.gif");
  g_assert_cmpuint (feed->items->len, ==, 2);
  g_assert_cmpstr (item (feed, 0)->title, ==, "Glacier retreat measured at 40 metres");
  g_assert_cmpstr (item (feed, 0)->guid, ==, "http://science.example/a/1");
  g_assert_cmpstr (item (feed, 0)->author, ==, "L. Brandt");
  g_assert_cmpint (item (feed, 0)->published, ==, 1707567600);
  g_assert_cmpint (item (feed, 1)->published, ==, 1707436800);
}

static void
test_atom (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeFeed) feed = parse_fixture ("atom.xml", "https://blog.example/feeds/atom", &error);
  LedeFeedItem *it;

  g_assert_no_error (error);
  g_assert_cmpint (feed->format, ==, LEDE_FEED_FORMAT_ATOM);
  g_assert_cmpstr (feed->title, ==, "Field <Notes>");
  g_assert_cmpstr (feed->description, ==, "Dispatches from the valley");
  /* xml:base on the feed, itself resolved against the URL the feed came from */
  g_assert_cmpstr (feed->site_url, ==, "https://blog.example/journal/");
  g_assert_cmpstr (feed->self_url, ==, "https://blog.example/journal/atom.xml");
  g_assert_cmpuint (feed->items->len, ==, 3);

  it = item (feed, 0);
  g_assert_cmpstr (it->title, ==, "The river & the road");
  /* nested xml:base: journal/ + posts/ + river.html */
  g_assert_cmpstr (it->url, ==, "https://blog.example/journal/posts/river.html");
  g_assert_cmpstr (it->enclosure_url, ==, "https://blog.example/media/river.jpg");
  g_assert_cmpstr (it->image_url, ==, "https://blog.example/media/river.jpg");
  g_assert_cmpint (it->published, ==, 1705771802);
  g_assert_cmpint (it->updated, ==, 1705824000);
  g_assert_cmpstr (it->author, ==, "Ana Lima");
  g_assert_cmpstr (it->summary, ==, "A walk along the river.");
  g_assert_nonnull (strstr (it->content, "<p>We walked <em>twelve</em> kilometres.</p>"));
  g_assert_null (strstr (it->content, "<div"));
  /* ... and against the entry's own xml:base */
  g_assert_nonnull (strstr (it->content, "src=\"https://blog.example/journal/posts/img/bank.jpg\""));
  g_assert_nonnull (strstr (it->content, "href=\"https://blog.example/about\""));

  it = item (feed, 1);
  g_assert_cmpstr (it->title, ==, "Plain <text> title");
  g_assert_cmpstr (it->url, ==, "https://elsewhere.example/plain");
  g_assert_cmpstr (it->author, ==, "Guest Writer");
  g_assert_cmpstr (it->content, ==, "<p>Escaped <b>HTML</b> content</p>");
  g_assert_cmpstr (it->image_url, ==, "https://blog.example/journal/thumbs/plain.png");
  /* no published: the updated date stands in */
  g_assert_cmpint (it->published, ==, 1705658400);

  it = item (feed, 2);
  g_assert_null (it->url);
  g_assert_cmpstr (it->guid, ==, "tag:blog.example,2024:text");
  /* text content is escaped into HTML, never taken as markup */
  g_assert_cmpstr (it->content, ==, "Line one &amp; two &lt;not a tag&gt;");
  g_assert_cmpint (it->published, ==, 1705590000);
}

static void
test_json_feed (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeFeed) feed = parse_fixture ("feed.json", "https://orbit.example/feed.json", &error);
  LedeFeedItem *it;

  g_assert_no_error (error);
  g_assert_cmpint (feed->format, ==, LEDE_FEED_FORMAT_JSON);
  g_assert_cmpstr (feed->title, ==, "Orbit Digest");
  g_assert_cmpstr (feed->site_url, ==, "https://orbit.example/");
  g_assert_cmpstr (feed->image_url, ==, "https://orbit.example/icon.png");
  g_assert_cmpuint (feed->items->len, ==, 2);

  it = item (feed, 0);
  g_assert_cmpstr (it->guid, ==, "orbit-101");
  g_assert_cmpstr (it->url, ==, "https://orbit.example/news/launch");
  g_assert_cmpstr (it->title, ==, "Launch delayed by \"technical\" issue");
  g_assert_cmpstr (it->content, ==, "<p>The launch slipped <b>two days</b>.</p>");
  g_assert_cmpstr (it->summary, ==, "Two-day slip for the launch &amp; the crew.");
  g_assert_cmpstr (it->author, ==, "Kai Tanaka");
  g_assert_cmpint (it->published, ==, 1711972800);
  g_assert_cmpint (it->updated, ==, 1712041200);
  g_assert_cmpstr (it->enclosure_url, ==, "https://orbit.example/pod/launch.mp3");
  g_assert_cmpint (it->enclosure_length, ==, 5000);

  it = item (feed, 1);
  g_assert_cmpstr (it->guid, ==, "102");
  g_assert_cmpstr (it->url, ==, "https://other.example/story");
  g_assert_cmpstr (it->content, ==, "Plain text &lt;with&gt; brackets.");
  g_assert_cmpstr (it->author, ==, "Orbit Staff");
}

static void
assert_fails (const char *name, int code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeFeed) feed = parse_fixture (name, NULL, &error);

  g_assert_null (feed);
  g_assert_error (error, LEDE_FEED_ERROR, code);
  g_assert_nonnull (error->message);
}

static void
test_broken (void)
{
  g_autoptr (GError) error = NULL;

  assert_fails ("truncated.xml", LEDE_FEED_ERROR_TRUNCATED);
  assert_fails ("truncated.json", LEDE_FEED_ERROR_TRUNCATED);
  assert_fails ("not-a-feed.xml", LEDE_FEED_ERROR_NOT_A_FEED);
  assert_fails ("page.html", LEDE_FEED_ERROR_NOT_A_FEED);
  assert_fails ("garbage.txt", LEDE_FEED_ERROR_NOT_XML);

  g_assert_null (lede_feed_parse ("  \n", 3, NULL, &error));
  g_assert_error (error, LEDE_FEED_ERROR, LEDE_FEED_ERROR_EMPTY);
  g_clear_error (&error);
  g_assert_null (lede_feed_parse ("{\"version\": 1}", 14, NULL, &error));
  g_assert_error (error, LEDE_FEED_ERROR, LEDE_FEED_ERROR_NOT_A_FEED);
  g_clear_error (&error);
  g_assert_null (lede_feed_parse ("<a><b></a></b>", 14, NULL, &error));
  g_assert_error (error, LEDE_FEED_ERROR, LEDE_FEED_ERROR_NOT_XML);
}

/* Every prefix of a good feed fails cleanly or parses: no crash, no hang. */
static void
test_every_prefix (void)
{
  g_autofree char *path
    = g_test_build_filename (G_TEST_DIST, "reader", "fixtures", "feeds", "atom.xml", NULL);
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  for (gsize n = 0; n < length; n += 7)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (LedeFeed) feed = lede_feed_parse (data, n, NULL, &error);
      g_assert_true ((feed == NULL) != (error == NULL));
    }
}

/* Damaged copies of every fixture (bytes changed, cut, doubled): never a crash, always a feed or an
 * error. A fixed seed keeps a failure reproducible. */
static void
test_damaged (void)
{
  static const char *names[]
    = { "rss2.xml", "rss2-html-entities.xml", "rdf.xml", "atom.xml", "feed.json", "latin1.xml", "page.html" };
  static const char noise[] = "<>&;\"'{}[]:,/\\\0\xff\xc3]]>-->";
  g_autoptr (GRand) rand = g_rand_new_with_seed (4242);

  for (guint f = 0; f < G_N_ELEMENTS (names); f++)
    {
      g_autofree char *path
        = g_test_build_filename (G_TEST_DIST, "reader", "fixtures", "feeds", names[f], NULL);
      g_autofree char *data = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      for (guint round = 0; round < 150; round++)
        {
          g_autofree char *copy = g_memdup2 (data, length);
          g_autoptr (GError) error = NULL;
          g_autoptr (LedeFeed) feed = NULL;
          g_autoptr (GPtrArray) found = NULL;
          gsize n = length;

          for (guint k = 0; k < 1 + round % 8; k++)
            copy[g_rand_int_range (rand, 0, length)] = noise[g_rand_int_range (rand, 0, sizeof noise - 1)];
          if (round % 3 == 0)
            n = g_rand_int_range (rand, 0, length);
          feed = lede_feed_parse (copy, n, "http://damaged.example/feed", &error);
          g_assert_true ((feed == NULL) != (error == NULL));
          for (guint i = 0; feed != NULL && i < feed->items->len; i++)
            {
              LedeFeedItem *it = feed->items->pdata[i];
              g_assert_nonnull (it->guid);
              if (it->title != NULL && !g_utf8_validate (it->title, -1, NULL))
                g_error ("%s round %u: invalid title", names[f], round);
              if (it->content != NULL && !g_utf8_validate (it->content, -1, NULL))
                g_error ("%s round %u: invalid content", names[f], round);
              if (it->summary != NULL && !g_utf8_validate (it->summary, -1, NULL))
                g_error ("%s round %u: invalid summary", names[f], round);
            }
          found = lede_discover_feeds (copy, n, "http://damaged.example/");
          g_assert_nonnull (found);
        }
    }
}

static void
test_dates (void)
{
  static const struct
  {
    const char *text;
    gint64 expected;
  } cases[] = {
    { "Tue, 05 Mar 2024 08:00:00 +0100", 1709622000 },
    { "Tue, 05 Mar 2024 07:00:00 GMT", 1709622000 },
    { "05 Mar 2024 07:00:00 Z", 1709622000 },
    { "Tuesday, 5 March 2024 02:00:00 EST", 1709622000 },
    { "Tue, 05 Mar 2024 08:00:00 +01:00", 1709622000 },
    { "Tue, 05 Mar 24 07:00 UT", 1709622000 },
    { "Tue,05 Mar 2024 07:00:00", 1709622000 },
    { "2024-03-05T07:00:00Z", 1709622000 },
    { "2024-03-05T08:00:00+01:00", 1709622000 },
    { "2024-03-05T02:00:00.999-05:00", 1709622000 },
    { "2024-03-05 07:00:00", 1709622000 },
    { "2024-03-05t07:00z", 1709622000 },
    { "2024-03-05", 1709596800 },
  };
  static const char *bad[] = { "", "yesterday", "32 Foo 2024", "2024-13-01T00:00:00Z", "Tue, 05 Mar", NULL };
  gint64 t;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      t = 0;
      g_assert_true (lede_feed_parse_date (cases[i].text, &t));
      if (t != cases[i].expected)
        g_error ("“%s” gave %" G_GINT64_FORMAT, cases[i].text, t);
    }
  for (guint i = 0; bad[i] != NULL; i++)
    g_assert_false (lede_feed_parse_date (bad[i], &t));
  g_assert_false (lede_feed_parse_date (NULL, &t));
}

static void
test_html_to_text (void)
{
  g_autofree char *a = lede_feed_html_to_text ("<p>One&nbsp;two</p><p>three &amp; <b>four</b></p>", -1);
  g_autofree char *b = lede_feed_html_to_text ("x<script>var a = '<p>';</script>y <style>p{}</style>z", -1);
  g_autofree char *c = lede_feed_html_to_text ("a < b &unknown; &#x41;&#66;<!-- c -->", -1);
  g_autofree char *d = lede_feed_html_to_text ("<a href=\"x>y\">link</a>", -1);

  g_assert_cmpstr (a, ==, "One two three & four");
  g_assert_cmpstr (b, ==, "xy z");
  g_assert_cmpstr (c, ==, "a < b &unknown; AB");
  g_assert_cmpstr (d, ==, "link");
}

static void
test_discover (void)
{
  g_autofree char *path
    = g_test_build_filename (G_TEST_DIST, "reader", "fixtures", "feeds", "page.html", NULL);
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr (GPtrArray) found = NULL;
  LedeDiscoveredFeed *f;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  found = lede_discover_feeds (data, length, "https://gazette.example/news/today.html");
  /* <base> applies; the duplicate, the stylesheet and the link in the body do not count */
  g_assert_cmpuint (found->len, ==, 3);
  f = found->pdata[0];
  g_assert_cmpstr (f->url, ==, "https://gazette.example/feed.xml");
  g_assert_cmpstr (f->title, ==, "All news");
  g_assert_cmpstr (f->type, ==, "application/rss+xml");
  f = found->pdata[1];
  g_assert_cmpstr (f->url, ==, "https://gazette.example/news/atom.xml");
  g_assert_cmpstr (f->type, ==, "application/atom+xml");
  f = found->pdata[2];
  g_assert_cmpstr (f->url, ==, "https://gazette.example/feed.json");
  g_assert_null (f->title);

  g_clear_pointer (&found, g_ptr_array_unref);
  found = lede_discover_feeds ("<html><head><title>x</title></head></html>", 42, NULL);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = lede_discover_feeds ("\0\1\2garbage", 10, NULL);
  g_assert_cmpuint (found->len, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lede/reader/feed/rss2", test_rss2);
  g_test_add_func ("/lede/reader/feed/stable-guid", test_stable_guid);
  g_test_add_func ("/lede/reader/feed/html-entities", test_html_entities);
  g_test_add_func ("/lede/reader/feed/encoding", test_encoding);
  g_test_add_func ("/lede/reader/feed/recoverable", test_recoverable);
  g_test_add_func ("/lede/reader/feed/trailing-garbage", test_trailing_garbage);
  g_test_add_func ("/lede/reader/feed/rdf", test_rdf);
  g_test_add_func ("/lede/reader/feed/atom", test_atom);
  g_test_add_func ("/lede/reader/feed/json-feed", test_json_feed);
  g_test_add_func ("/lede/reader/feed/broken", test_broken);
  g_test_add_func ("/lede/reader/feed/every-prefix", test_every_prefix);
  g_test_add_func ("/lede/reader/feed/damaged", test_damaged);
  g_test_add_func ("/lede/reader/feed/dates", test_dates);
  g_test_add_func ("/lede/reader/feed/html-to-text", test_html_to_text);
  g_test_add_func ("/lede/reader/feed/discover", test_discover);
  return g_test_run ();
}
