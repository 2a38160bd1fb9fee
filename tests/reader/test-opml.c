/* test-opml.c: OPML import (nested folders, odd attributes) and export, and the round trip. */
#include "config.h"

#include <string.h>

#include "lede-opml.h"

static GPtrArray *
parse_fixture (const char *name, GError **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "reader", "fixtures", "feeds", name, NULL);
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return lede_opml_parse (data, length, error);
}

static void
assert_entry (GPtrArray *entries, guint i, const char *url, const char *title, const char *folder)
{
  LedeOpmlEntry *e;

  g_assert_cmpuint (i, <, entries->len);
  e = entries->pdata[i];
  g_assert_cmpstr (e->url, ==, url);
  g_assert_cmpstr (e->title, ==, title);
  g_assert_cmpstr (e->folder, ==, folder);
}

static void
test_import (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = parse_fixture ("subscriptions.opml", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 4);
  assert_entry (entries, 0, "https://loose.example/rss", "Loose feed", NULL);
  g_assert_cmpstr (((LedeOpmlEntry *) entries->pdata[0])->site_url, ==, "https://loose.example/");
  /* "title" wins over "text"; folders nest */
  assert_entry (entries, 1, "https://gazette.example/feed.xml", "Harbour & Sea", "News/World");
  assert_entry (entries, 2, "https://orbit.example/feed.json", "Orbit", "News");
  /* a "/" inside a folder name cannot pass for nesting */
  assert_entry (entries, 3, "http://science.example/rss", "Science Weekly", "Science-Tech");
}

static void
test_round_trip (void)
{
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) lede_opml_entry_free);
  g_autoptr (GPtrArray) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *xml = NULL;

  g_ptr_array_add (entries,
                   lede_opml_entry_new ("https://a.example/rss", "A & <B>", "https://a.example/", NULL));
  g_ptr_array_add (entries, lede_opml_entry_new ("https://b.example/atom", "B", NULL, "News/World"));
  g_ptr_array_add (entries, lede_opml_entry_new ("https://c.example/feed", NULL, NULL, "News"));
  g_ptr_array_add (entries, lede_opml_entry_new ("https://d.example/feed", "D", NULL, "News/World"));
  xml = lede_opml_write (entries, "Lede subscriptions");
  g_assert_nonnull (strstr (xml, "<opml version=\"2.0\">"));
  g_assert_nonnull (strstr (xml, "A &amp; &lt;B&gt;"));

  back = lede_opml_parse (xml, strlen (xml), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, 4);
  assert_entry (back, 0, "https://a.example/rss", "A & <B>", NULL);
  g_assert_cmpstr (((LedeOpmlEntry *) back->pdata[0])->site_url, ==, "https://a.example/");
  /* one "News" folder holding "World": B and D together, C beside World */
  assert_entry (back, 1, "https://b.example/atom", "B", "News/World");
  assert_entry (back, 2, "https://d.example/feed", "D", "News/World");
  /* an untitled feed is named by its URL */
  assert_entry (back, 3, "https://c.example/feed", "https://c.example/feed", "News");
}

static void
test_bad (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  const char *not_opml = "<rss><channel/></rss>";
  const char *garbage = "this is not xml";

  entries = lede_opml_parse (not_opml, strlen (not_opml), &error);
  g_assert_null (entries);
  g_assert_error (error, LEDE_OPML_ERROR, LEDE_OPML_ERROR_NOT_OPML);
  g_clear_error (&error);
  entries = lede_opml_parse (garbage, strlen (garbage), &error);
  g_assert_null (entries);
  g_assert_error (error, LEDE_OPML_ERROR, LEDE_OPML_ERROR_INVALID);
  g_clear_error (&error);
  entries = lede_opml_parse ("", 0, &error);
  g_assert_null (entries);
  g_assert_error (error, LEDE_OPML_ERROR, LEDE_OPML_ERROR_INVALID);
}

static void
test_deep_nesting (void)
{
  g_autoptr (GString) xml = g_string_new ("<opml><body>");
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < 200; i++)
    g_string_append (xml, "<outline text=\"f\">");
  g_string_append (xml, "<outline xmlUrl=\"http://deep.example/\"/>");
  for (guint i = 0; i < 200; i++)
    g_string_append (xml, "</outline>");
  g_string_append (xml, "<outline xmlUrl=\"http://shallow.example/\"/></body></opml>");
  entries = lede_opml_parse (xml->str, xml->len, &error);
  g_assert_no_error (error);
  /* the absurdly deep one is dropped, the rest of the file still counts */
  g_assert_cmpuint (entries->len, ==, 1);
  assert_entry (entries, 0, "http://shallow.example/", NULL, NULL);
}

static void
test_damaged (void)
{
  g_autofree char *path
    = g_test_build_filename (G_TEST_DIST, "reader", "fixtures", "feeds", "subscriptions.opml", NULL);
  g_autofree char *data = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (77);
  static const char noise[] = "<>&;\"'/\xff\xc3";
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  for (guint round = 0; round < 300; round++)
    {
      g_autofree char *copy = g_memdup2 (data, length);
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) entries = NULL;
      gsize n = round % 3 == 0 ? (gsize) g_rand_int_range (rand, 1, length) : length;

      for (guint k = 0; k < 1 + round % 6; k++)
        copy[g_rand_int_range (rand, 0, length)] = noise[g_rand_int_range (rand, 0, sizeof noise - 1)];
      entries = lede_opml_parse (copy, n, &error);
      g_assert_true ((entries == NULL) != (error == NULL));
      for (guint i = 0; entries != NULL && i < entries->len; i++)
        {
          LedeOpmlEntry *e = entries->pdata[i];
          g_assert_true (g_utf8_validate (e->url, -1, NULL));
          g_assert_true (e->title == NULL || g_utf8_validate (e->title, -1, NULL));
          g_assert_true (e->folder == NULL || g_utf8_validate (e->folder, -1, NULL));
        }
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lede/reader/opml/import", test_import);
  g_test_add_func ("/lede/reader/opml/round-trip", test_round_trip);
  g_test_add_func ("/lede/reader/opml/bad", test_bad);
  g_test_add_func ("/lede/reader/opml/deep-nesting", test_deep_nesting);
  g_test_add_func ("/lede/reader/opml/damaged", test_damaged);
  return g_test_run ();
}
