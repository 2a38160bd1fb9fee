/* test-store.c: the SQLite library in a temporary directory: schema, refresh writes, flags, search,
 * the actor and figure indexes, cascades, integrity, the async API. */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "lede-store.h"

typedef struct
{
  char *dir;
  char *path;
  LedeStore *store;
} Fixture;

static void
fixture_setup (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  fx->dir = g_dir_make_tmp ("lede-store-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->dir, "sub", "library.db", NULL);
  fx->store = lede_store_new (fx->path, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_teardown (Fixture *fx, gconstpointer data)
{
  if (fx->store)
    g_assert_finalize_object (fx->store);
  remove_tree (fx->dir);
  g_free (fx->path);
  g_free (fx->dir);
}

static LedeFeed *
parse_fixture (const char *name, const char *base)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "reader", "fixtures", "feeds", name, NULL);
  g_autofree char *data = NULL;
  g_autoptr (GError) error = NULL;
  LedeFeed *feed;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  feed = lede_feed_parse (data, length, base, &error);
  g_assert_no_error (error);
  return feed;
}

static gint64
add_rss_feed (Fixture *fx)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeFeed) feed = parse_fixture ("rss2.xml", "https://gazette.example/feed.xml");
  guint n_new = 99;
  gint64 id;

  id = lede_store_add_feed (fx->store, "https://gazette.example/feed.xml", NULL, "News", &error);
  g_assert_no_error (error);
  g_assert_true (lede_store_save_feed (fx->store, id, feed, "\"etag-1\"", "Tue, 05 Mar 2024 09:30:00 GMT",
                                       &n_new, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_new, ==, 3);
  return id;
}

static void
test_schema (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeStore) again = NULL;
  sqlite3 *db = NULL;
  gint64 id;

  g_assert_cmpint (lede_store_get_schema_version (fx->store), ==, LEDE_STORE_SCHEMA_VERSION);
  id = lede_store_add_feed (fx->store, "https://a.example/rss", "A", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lede_store_check_integrity (fx->store, &error));
  g_assert_finalize_object (g_steal_pointer (&fx->store));

  /* Reopening keeps everything and migrates nothing twice. */
  again = lede_store_new (fx->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lede_store_find_feed (again, "https://a.example/rss"), ==, id);
  g_assert_finalize_object (g_steal_pointer (&again));

  /* A library from a newer Lede is refused, not damaged. */
  g_assert_cmpint (sqlite3_open (fx->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  again = lede_store_new (fx->path, &error);
  g_assert_null (again);
  g_assert_error (error, LEDE_STORE_ERROR, LEDE_STORE_ERROR_NEWER_SCHEMA);
  g_clear_error (&error);

  /* Not a database at all */
  g_assert_true (
    g_file_set_contents (fx->path, "this is not sqlite, just text that is long enough to look", -1, NULL));
  {
    g_autofree char *wal = g_strconcat (fx->path, "-wal", NULL);
    g_unlink (wal);
  }
  again = lede_store_new (fx->path, &error);
  g_assert_null (again);
  g_assert_nonnull (error);
}

static void
test_feeds (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) feeds = NULL;
  g_autoptr (LedeStoreFeed) feed = NULL;
  gint64 a, b;

  a = lede_store_add_feed (fx->store, "https://a.example/rss", NULL, NULL, &error);
  g_assert_no_error (error);
  b = lede_store_add_feed (fx->store, "https://b.example/rss", "Bee", "News/World", &error);
  g_assert_no_error (error);
  g_assert_cmpint (lede_store_add_feed (fx->store, "https://a.example/rss", NULL, NULL, &error), ==, 0);
  g_assert_error (error, LEDE_STORE_ERROR, LEDE_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  g_assert_true (lede_store_rename_feed (fx->store, a, "Alpha", &error));
  g_assert_true (lede_store_save_feed_error (fx->store, b, "The feed is cut off before its end", &error));
  g_assert_no_error (error);
  feeds = lede_store_list_feeds (fx->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (feeds->len, ==, 2);
  /* feeds in folders first, by folder */
  g_assert_cmpstr (((LedeStoreFeed *) feeds->pdata[0])->title, ==, "Bee");
  g_assert_cmpstr (((LedeStoreFeed *) feeds->pdata[0])->folder, ==, "News/World");
  g_assert_cmpstr (((LedeStoreFeed *) feeds->pdata[0])->last_error, ==, "The feed is cut off before its end");
  g_assert_cmpstr (((LedeStoreFeed *) feeds->pdata[1])->title, ==, "Alpha");

  g_assert_true (lede_store_remove_feed (fx->store, a, &error));
  g_assert_false (lede_store_remove_feed (fx->store, a, &error));
  g_assert_error (error, LEDE_STORE_ERROR, LEDE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  feed = lede_store_get_feed (fx->store, b, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (feed->url, ==, "https://b.example/rss");
}

/* A page opened by address is found among the feeds' items by its address. */
static void
test_find_by_url (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeStore) again = NULL;
  gint64 feed = add_rss_feed (fx);
  gint64 item = lede_store_find_item_by_url (fx->store, "https://gazette.example/2024/03/ferry", 0);
  g_autoptr (LedeStoreItem) found = lede_store_get_item (fx->store, item, &error);
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpint (found->feed_id, ==, feed);
  g_assert_cmpstr (found->url, ==, "https://gazette.example/2024/03/ferry");
  g_assert_cmpint (lede_store_find_item_by_url (fx->store, "https://gazette.example/2024/03/ferry", feed), ==,
                   0);
  g_assert_cmpint (lede_store_find_item_by_url (fx->store, "https://gazette.example/nowhere", 0), ==, 0);
  g_assert_cmpint (lede_store_find_item_by_url (fx->store, NULL, 0), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&fx->store));

  /* A library written before the index existed gets it when it is opened. */
  g_assert_cmpint (sqlite3_open (fx->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP INDEX items_by_url; PRAGMA user_version = 1", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  again = lede_store_new (fx->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lede_store_get_schema_version (again), ==, 2);
  g_assert_cmpint (lede_store_find_item_by_url (again, "https://gazette.example/2024/03/storm", 0), >, 0);
  g_assert_finalize_object (g_steal_pointer (&again));
  g_assert_cmpint (sqlite3_open (fx->path, &db), ==, SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_master WHERE name = 'items_by_url'",
                                         -1, &stmt, NULL),
                     ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    sqlite3_finalize (stmt);
  }
  sqlite3_close (db);
}

static void
test_refresh_writes (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeFeed) parsed = parse_fixture ("rss2.xml", "https://gazette.example/feed.xml");
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (LedeStoreFeed) feed = NULL;
  g_autoptr (LedeStoreItem) full = NULL;
  LedeFeedItem *first;
  gint64 id = add_rss_feed (fx);
  guint n_new = 99;

  feed = lede_store_get_feed (fx->store, id, &error);
  g_assert_no_error (error);
  /* the feed's own title fills in; validators are kept for the next conditional GET */
  g_assert_cmpstr (feed->title, ==, "The Harbour Gazette");
  g_assert_cmpstr (feed->site_url, ==, "https://gazette.example/");
  g_assert_cmpstr (feed->etag, ==, "\"etag-1\"");
  g_assert_cmpuint (feed->unread, ==, 3);
  g_assert_cmpuint (feed->total, ==, 3);
  g_assert_cmpint (feed->last_success, >, 0);

  items = lede_store_list_items (fx->store, LEDE_STORE_SCOPE_FEED, id, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 3);
  /* newest first */
  g_assert_cmpstr (((LedeStoreItem *) items->pdata[0])->title, ==, "Council approves & funds new ferry");
  g_assert_cmpstr (((LedeStoreItem *) items->pdata[0])->feed_title, ==, "The Harbour Gazette");
  g_assert_true (((LedeStoreItem *) items->pdata[0])->has_content);
  g_assert_cmpstr (((LedeStoreItem *) items->pdata[1])->title, ==, "Storm closes the north pier");
  g_assert_true (lede_store_set_read (fx->store, ((LedeStoreItem *) items->pdata[0])->id, TRUE, &error));
  g_assert_true (lede_store_set_starred (fx->store, ((LedeStoreItem *) items->pdata[0])->id, TRUE, &error));

  /* The same feed again: nothing new. A changed item is updated and keeps its read state. */
  first = parsed->items->pdata[0];
  g_free (first->title);
  first->title = g_strdup ("Council approves new ferry (updated)");
  g_assert_true (lede_store_save_feed (fx->store, id, parsed, NULL, NULL, &n_new, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_new, ==, 0);
  g_assert_cmpuint (lede_store_count_items (fx->store, LEDE_STORE_SCOPE_FEED, id, NULL), ==, 3);
  full = lede_store_get_item (fx->store, ((LedeStoreItem *) items->pdata[0])->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (full->title, ==, "Council approves new ferry (updated)");
  g_assert_true (full->read);
  g_assert_true (full->starred);
  g_assert_nonnull (strstr (full->content, "second ferry"));
  g_assert_cmpstr (full->summary, ==, "The council voted <b>7 to 2</b> for the ferry.");

  g_assert_cmpuint (lede_store_count_items (fx->store, LEDE_STORE_SCOPE_UNREAD, 0, NULL), ==, 2);
  g_assert_cmpuint (lede_store_count_items (fx->store, LEDE_STORE_SCOPE_STARRED, 0, NULL), ==, 1);
  g_assert_true (lede_store_mark_all_read (fx->store, LEDE_STORE_SCOPE_FEED, id, &error));
  g_assert_cmpuint (lede_store_count_items (fx->store, LEDE_STORE_SCOPE_UNREAD, 0, NULL), ==, 0);
  g_assert_false (lede_store_set_read (fx->store, 123456, TRUE, &error));
  g_assert_error (error, LEDE_STORE_ERROR, LEDE_STORE_ERROR_NOT_FOUND);
}

static void
test_paging (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeFeed) feed = g_new0 (LedeFeed, 1);
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GPtrArray) page = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  gint64 id = lede_store_add_feed (fx->store, "https://many.example/", NULL, NULL, &error);

  feed->items = g_ptr_array_new_with_free_func ((GDestroyNotify) lede_feed_item_free);
  for (guint i = 0; i < 250; i++)
    {
      LedeFeedItem *it = g_new0 (LedeFeedItem, 1);
      it->guid = g_strdup_printf ("item-%u", i);
      it->title = g_strdup_printf ("Item %u", i);
      it->published = 1700000000 + i * 60;
      g_ptr_array_add (feed->items, it);
    }
  g_assert_true (lede_store_save_feed (fx->store, id, feed, NULL, NULL, NULL, &error));
  ids = lede_store_list_item_ids (fx->store, LEDE_STORE_SCOPE_ALL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 250);
  page = lede_store_list_items (fx->store, LEDE_STORE_SCOPE_UNREAD, 0, 100, 50, &error);
  g_assert_cmpuint (page->len, ==, 50);
  g_assert_cmpstr (((LedeStoreItem *) page->pdata[0])->title, ==, "Item 149");
  g_assert_cmpint (((LedeStoreItem *) page->pdata[0])->id, ==, g_array_index (ids, gint64, 100));
  /* a virtual list asks for the rows it shows, by id, in its order */
  rows = lede_store_get_items (fx->store, &g_array_index (ids, gint64, 10), 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (((LedeStoreItem *) rows->pdata[0])->title, ==, "Item 239");
  g_assert_cmpstr (((LedeStoreItem *) rows->pdata[2])->title, ==, "Item 237");
}

static void
test_undated (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeFeed) feed = g_new0 (LedeFeed, 1);
  g_autoptr (GPtrArray) items = NULL;
  gint64 id = lede_store_add_feed (fx->store, "https://undated.example/", NULL, NULL, &error);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  feed->items = g_ptr_array_new_with_free_func ((GDestroyNotify) lede_feed_item_free);
  for (guint i = 0; i < 3; i++)
    {
      LedeFeedItem *it = g_new0 (LedeFeedItem, 1);
      it->guid = g_strdup_printf ("u%u", i);
      it->title = g_strdup_printf ("Undated %u", i);
      /* the middle one claims to come from next year */
      it->published = i == 1 ? now + 365 * 24 * 3600 : 0;
      g_ptr_array_add (feed->items, it);
    }
  /* the same guid twice in one document (it happens): one item, the first copy */
  {
    LedeFeedItem *dup = g_new0 (LedeFeedItem, 1);
    dup->guid = g_strdup ("u0");
    dup->title = g_strdup ("Undated 0, again");
    g_ptr_array_add (feed->items, dup);
  }
  g_assert_true (lede_store_save_feed (fx->store, id, feed, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  items = lede_store_list_items (fx->store, LEDE_STORE_SCOPE_FEED, id, 0, 0, &error);
  /* the feed's order is kept, and no date lies in the future */
  g_assert_cmpuint (items->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *title = g_strdup_printf ("Undated %u", i);
      g_assert_cmpstr (((LedeStoreItem *) items->pdata[i])->title, ==, title);
      g_assert_cmpint (((LedeStoreItem *) items->pdata[i])->published, <=, now + 60);
    }
}

static void
test_transaction (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeFeed) parsed = parse_fixture ("rss2.xml", NULL);

  /* The feed does not exist: the foreign key fails and nothing of it stays. */
  g_assert_false (lede_store_save_feed (fx->store, 4242, parsed, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (lede_store_count_items (fx->store, LEDE_STORE_SCOPE_ALL, 0, NULL), ==, 0);
  g_assert_true (lede_store_check_integrity (fx->store, NULL));
}

static GPtrArray *
search (Fixture *fx, const char *query)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *results = lede_store_search (fx->store, query, 10, &error);
  g_assert_no_error (error);
  return results;
}

static void
test_search (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) results = NULL;
  LedeStoreArticle article = { 0 };
  LedeStoreItem *hit;
  gint64 id = add_rss_feed (fx);

  results = search (fx, "ferry");
  g_assert_cmpuint (results->len, ==, 1);
  hit = results->pdata[0];
  g_assert_cmpstr (hit->title, ==, "Council approves & funds new ferry");
  g_test_message ("snippet: %s", hit->snippet);
  g_assert_nonnull (strstr (hit->snippet, "<b>ferry</b>"));
  g_clear_pointer (&results, g_ptr_array_unref);

  /* words anywhere, the last one unfinished, markup never searched */
  results = search (fx, "council fer");
  g_assert_cmpuint (results->len, ==, 1);
  g_clear_pointer (&results, g_ptr_array_unref);
  /* one or two letters are whole words only */
  results = search (fx, "fe");
  g_assert_cmpuint (results->len, ==, 0);
  g_clear_pointer (&results, g_ptr_array_unref);
  results = search (fx, "fer");
  g_assert_cmpuint (results->len, ==, 1);
  g_clear_pointer (&results, g_ptr_array_unref);
  results = search (fx, "km/h");
  g_assert_cmpuint (results->len, ==, 1);
  g_clear_pointer (&results, g_ptr_array_unref);
  results = search (fx, "<p> council");
  g_assert_cmpuint (results->len, ==, 0);
  g_clear_pointer (&results, g_ptr_array_unref);
  /* FTS5 syntax typed by a person is just text */
  results = search (fx, "\"ferry AND (NOT* council");
  g_assert_cmpuint (results->len, ==, 0);
  g_clear_pointer (&results, g_ptr_array_unref);
  results = search (fx, "   ");
  g_assert_cmpuint (results->len, ==, 0);
  g_clear_pointer (&results, g_ptr_array_unref);

  /* the article fetched from the web becomes searchable */
  {
    g_autoptr (GPtrArray) second = lede_store_list_items (fx->store, LEDE_STORE_SCOPE_FEED, id, 1, 1, NULL);
    article.item_id = ((LedeStoreItem *) second->pdata[0])->id;
  }
  article.title = "Storm closes the north pier";
  article.html = "<p>The lighthouse keeper measured gusts.</p>";
  article.text = "The lighthouse keeper measured gusts.";
  g_assert_true (lede_store_save_article (fx->store, &article, &error));
  g_assert_no_error (error);
  results = search (fx, "lighthouse");
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpint (((LedeStoreItem *) results->pdata[0])->id, ==, article.item_id);
  g_clear_pointer (&results, g_ptr_array_unref);
  {
    g_autoptr (LedeStoreArticle) back = lede_store_get_article (fx->store, article.item_id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (back->html, ==, article.html);
    g_assert_null (lede_store_get_article (fx->store, 999999, &error));
    g_assert_no_error (error);
  }

  /* removing the feed removes it from the index too */
  g_assert_true (lede_store_remove_feed (fx->store, id, &error));
  results = search (fx, "ferry");
  g_assert_cmpuint (results->len, ==, 0);
  g_clear_pointer (&results, g_ptr_array_unref);
  results = search (fx, "lighthouse");
  g_assert_cmpuint (results->len, ==, 0);
  g_assert_true (lede_store_check_integrity (fx->store, &error));
  g_assert_no_error (error);
}

/* A lede.analysis/1 document written by hand: one actor (with an alias) and one figure. */
static LedeAnalysis *
make_analysis (const char *name, const char *alias, double figure)
{
  g_autofree char *text
    = g_strdup_printf ("%s said the city needs %g new teachers. %s repeated it.", name, figure, alias);
  glong name_len = g_utf8_strlen (name, -1);
  g_autofree char *number = g_strdup_printf ("%g", figure);
  const char *num_at = strstr (text, number);
  glong num_start = g_utf8_pointer_to_offset (text, num_at);
  glong alias_start = g_utf8_pointer_to_offset (text, strstr (text + 1, alias));
  glong n = g_utf8_strlen (text, -1);
  g_autoptr (GError) error = NULL;
  g_autofree char *json = g_strdup_printf (
    "{\"schema\": \"lede.analysis/1\", \"analyzer\": \"test/1\", \"text\": \"%s\","
    " \"sentences\": [{\"start\": 0, \"end\": %ld}],"
    " \"actors\": [{\"id\": \"a0\", \"name\": \"%s\", \"kind\": \"person\", \"aliases\": [\"%s\", \"%s\"],"
    "   \"mentions\": [{\"start\": 0, \"end\": %ld, \"sentence\": 0}, {\"start\": %ld, \"end\": %ld, "
    "\"sentence\": 0}]}],"
    " \"figures\": [{\"start\": %ld, \"end\": %ld, \"sentence\": 0, \"kind\": \"count\", \"value\": %g,"
    "   \"about\": \"new teachers\", \"source\": \"a0\"}],"
    " \"claims\": []}",
    text, n, name, name, alias, name_len, alias_start, alias_start + (glong) g_utf8_strlen (alias, -1),
    num_start, num_start + (glong) strlen (number), figure);
  LedeAnalysis *analysis = lede_analysis_new_from_json (json, -1, &error);

  g_assert_no_error (error);
  return analysis;
}

static void
test_analyses (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GPtrArray) pairs = NULL;
  g_autoptr (LedeAnalysis) first = make_analysis ("Elena Ruiz", "Ruiz", 40);
  g_autoptr (LedeAnalysis) second = make_analysis ("Elena Ruíz", "Mayor Ruiz", 60);
  g_autofree char *hash1 = lede_store_content_hash (lede_analysis_get_text (first));
  g_autofree char *hash2 = lede_store_content_hash (lede_analysis_get_text (second));
  g_autofree char *cached = NULL;
  const char *names[] = { "ruiz", "Elena Ruiz", NULL };
  const char *nobody[] = { "Nobody Here", "", NULL };
  LedeStoreFigurePair *pair;
  gint64 a, b, c;

  add_rss_feed (fx);
  items = lede_store_list_items (fx->store, LEDE_STORE_SCOPE_ALL, 0, 0, 0, &error);
  a = ((LedeStoreItem *) items->pdata[0])->id;
  b = ((LedeStoreItem *) items->pdata[1])->id;
  c = ((LedeStoreItem *) items->pdata[2])->id;

  g_assert_true (lede_store_save_analysis (fx->store, a, hash1, first, &error));
  g_assert_no_error (error);
  g_assert_true (lede_store_save_analysis (fx->store, b, hash2, second, &error));
  g_assert_no_error (error);
  /* saving again replaces, never doubles */
  g_assert_true (lede_store_save_analysis (fx->store, b, hash2, second, &error));
  g_assert_false (lede_store_save_analysis (fx->store, 999999, hash2, second, &error));
  g_assert_error (error, LEDE_STORE_ERROR, LEDE_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  cached = lede_store_lookup_analysis (fx->store, hash1, "test/1");
  g_assert_nonnull (cached);
  g_assert_nonnull (strstr (cached, "Elena Ruiz"));
  g_assert_null (lede_store_lookup_analysis (fx->store, hash1, "test/2"));

  /* the name or an alias in each; case and accents do not matter, one row per article */
  found = lede_store_find_actor_items (fx->store, names, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  g_clear_pointer (&found, g_ptr_array_unref);
  {
    const char *full[] = { "ELENA  RUIZ", NULL };
    found = lede_store_find_actor_items (fx->store, full, a, 0, &error);
  }
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (((LedeStoreItem *) found->pdata[0])->id, ==, b);
  g_assert_cmpuint (((LedeStoreItem *) found->pdata[0])->mentions, ==, 2);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = lede_store_find_actor_items (fx->store, nobody, 0, 0, &error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);

  pairs = lede_store_find_related_figures (fx->store, a, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pairs->len, ==, 1);
  pair = pairs->pdata[0];
  g_assert_cmpfloat (pair->here->value, ==, 40);
  g_assert_cmpfloat (pair->there->value, ==, 60);
  g_assert_cmpint (pair->there->item_id, ==, b);
  g_assert_cmpstr (pair->there->source, ==, "Elena Ruíz");
  g_assert_cmpstr (pair->there->text, ==, "60");
  g_assert_cmpstr (pair->there->feed_title, ==, "The Harbour Gazette");
  g_clear_pointer (&pairs, g_ptr_array_unref);
  pairs = lede_store_find_related_figures (fx->store, c, 0, &error);
  g_assert_cmpuint (pairs->len, ==, 0);

  {
    g_autofree char *key = lede_store_normalize_key ("The  Ministry of Health");
    g_assert_cmpstr (key, ==, "ministry of health");
  }
  g_assert_true (lede_store_check_integrity (fx->store, &error));
}

static void
test_analyze_items (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeFeed) feed = g_new0 (LedeFeed, 1);
  g_autoptr (GArray) todo = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (LedeAnalysis) first = NULL;
  g_autoptr (LedeAnalysis) again = NULL;
  g_autoptr (LedeAnalysis) second = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  const char *names[] = { "Elena Ruiz", NULL };
  static const char *bodies[] = {
    "<p>Mayor Elena Ruiz said on Monday that the city would hire 40 new teachers.</p>",
    "<p>The teachers union said 60 teachers were needed. Mayor Elena Ruiz disagreed.</p>",
    "",
  };
  gint64 id = lede_store_add_feed (fx->store, "https://city.example/rss", NULL, NULL, &error);
  gint64 a, b;

  feed->items = g_ptr_array_new_with_free_func ((GDestroyNotify) lede_feed_item_free);
  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      LedeFeedItem *it = g_new0 (LedeFeedItem, 1);
      it->guid = g_strdup_printf ("city-%u", i);
      it->title = g_strdup_printf ("City story %u", i);
      it->summary = g_strdup (bodies[i]);
      it->published = 1700000000 + i;
      g_ptr_array_add (feed->items, it);
    }
  g_assert_true (lede_store_save_feed (fx->store, id, feed, NULL, NULL, NULL, &error));
  todo = lede_store_list_unanalyzed (fx->store, 0, &error);
  g_assert_no_error (error);
  /* the empty one is never offered: there is nothing to analyse */
  g_assert_cmpuint (todo->len, ==, 2);
  b = g_array_index (todo, gint64, 0);
  a = g_array_index (todo, gint64, 1);

  text = lede_store_dup_item_text (fx->store, a, &title, &error);
  g_assert_cmpstr (title, ==, "City story 0");
  g_assert_cmpstr (text, ==, "Mayor Elena Ruiz said on Monday that the city would hire 40 new teachers.");

  first = lede_store_analyze_item (fx->store, a, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lede_analysis_find_actor (first, "Elena Ruiz"), >=, 0);
  /* the second time it comes from the cache, the same analysis */
  again = lede_store_analyze_item (fx->store, a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lede_analysis_get_n_actors (again), ==, lede_analysis_get_n_actors (first));
  second = lede_store_analyze_item (fx->store, b, &error);
  g_assert_no_error (error);
  g_clear_pointer (&todo, g_array_unref);
  todo = lede_store_list_unanalyzed (fx->store, 0, &error);
  g_assert_cmpuint (todo->len, ==, 0);

  /* "In your library": the other article naming her */
  found = lede_store_find_actor_items (fx->store, names, a, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (((LedeStoreItem *) found->pdata[0])->id, ==, b);

  g_assert_null (lede_store_analyze_item (fx->store, 999999, &error));
  g_assert_error (error, LEDE_STORE_ERROR, LEDE_STORE_ERROR_NOT_FOUND);
}

static void
test_opml (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) lede_opml_entry_free);
  g_autoptr (GPtrArray) out = NULL;
  g_autoptr (GPtrArray) feeds = NULL;

  lede_store_add_feed (fx->store, "https://b.example/rss", "Already here", NULL, &error);
  g_ptr_array_add (entries,
                   lede_opml_entry_new ("https://a.example/rss", "A", "https://a.example/", "News/World"));
  g_ptr_array_add (entries, lede_opml_entry_new ("https://b.example/rss", "B", NULL, "News"));
  g_ptr_array_add (entries, lede_opml_entry_new ("https://c.example/rss", NULL, NULL, NULL));
  g_assert_cmpuint (lede_store_import_opml (fx->store, entries, &error), ==, 2);
  g_assert_no_error (error);
  /* importing again adds nothing */
  g_assert_cmpuint (lede_store_import_opml (fx->store, entries, &error), ==, 0);
  g_assert_no_error (error);
  feeds = lede_store_list_feeds (fx->store, &error);
  g_assert_cmpuint (feeds->len, ==, 3);

  out = lede_store_export_opml (fx->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (out->len, ==, 3);
  g_assert_cmpstr (((LedeOpmlEntry *) out->pdata[0])->url, ==, "https://a.example/rss");
  g_assert_cmpstr (((LedeOpmlEntry *) out->pdata[0])->folder, ==, "News/World");
  g_assert_cmpstr (((LedeOpmlEntry *) out->pdata[0])->site_url, ==, "https://a.example/");

  /* a folder's items include its subfolders' */
  {
    g_autoptr (LedeFeed) parsed = parse_fixture ("rss2.xml", NULL);
    g_autoptr (GArray) news = NULL;
    g_autoptr (GArray) world = NULL;
    g_autoptr (GArray) none = NULL;
    g_autoptr (GPtrArray) items = NULL;

    g_assert_true (lede_store_save_feed (fx->store, lede_store_find_feed (fx->store, "https://a.example/rss"),
                                         parsed, NULL, NULL, NULL, &error));
    news = lede_store_list_folder_item_ids (fx->store, "News", FALSE, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (news->len, ==, 3);
    world = lede_store_list_folder_item_ids (fx->store, "News/World", TRUE, &error);
    g_assert_cmpuint (world->len, ==, 3);
    none = lede_store_list_folder_item_ids (fx->store, "New", FALSE, &error);
    g_assert_cmpuint (none->len, ==, 0);
    items = lede_store_get_items (fx->store, (const gint64 *) world->data, world->len, &error);
    g_assert_true (lede_store_set_read (fx->store, ((LedeStoreItem *) items->pdata[0])->id, TRUE, &error));
    g_clear_pointer (&world, g_array_unref);
    world = lede_store_list_folder_item_ids (fx->store, "News/World", TRUE, &error);
    g_assert_cmpuint (world->len, ==, 2);
  }
}

typedef struct
{
  LedeStore *store;
  gint stop;
  gint errors;
  gint reads;
} Stress;

static gpointer
reader_thread (gpointer data)
{
  Stress *st = data;

  while (!g_atomic_int_get (&st->stop))
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) items
        = lede_store_list_items (st->store, LEDE_STORE_SCOPE_UNREAD, 0, 0, 20, &error);
      g_autoptr (GPtrArray) hits = items ? lede_store_search (st->store, "story", 10, &error) : NULL;
      g_autoptr (GPtrArray) feeds = hits ? lede_store_list_feeds (st->store, &error) : NULL;

      if (feeds == NULL)
        g_atomic_int_inc (&st->errors);
      else if (items->len > 0
               && !lede_store_set_read (st->store, ((LedeStoreItem *) items->pdata[0])->id, TRUE, NULL))
        g_atomic_int_inc (&st->errors);
      g_atomic_int_inc (&st->reads);
    }
  return NULL;
}

/* Threads reading, searching and marking while feeds are written: the lock keeps every operation
 * whole, nothing fails with SQLITE_BUSY or worse, and every item arrives. */
static void
test_threads (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  Stress st = { fx->store, 0, 0, 0 };
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("reader", reader_thread, &st);
  for (guint f = 0; f < 20; f++)
    {
      g_autofree char *url = g_strdup_printf ("https://stress%u.example/", f);
      g_autoptr (LedeFeed) feed = g_new0 (LedeFeed, 1);
      gint64 id = lede_store_add_feed (fx->store, url, NULL, NULL, &error);

      g_assert_no_error (error);
      feed->items = g_ptr_array_new_with_free_func ((GDestroyNotify) lede_feed_item_free);
      for (guint i = 0; i < 100; i++)
        {
          LedeFeedItem *it = g_new0 (LedeFeedItem, 1);
          it->guid = g_strdup_printf ("%u", i);
          it->title = g_strdup_printf ("Story %u of feed %u", i, f);
          it->content = g_strdup ("<p>A story about the harbour.</p>");
          it->published = 1700000000 + f * 1000 + i;
          g_ptr_array_add (feed->items, it);
        }
      g_assert_true (lede_store_save_feed (fx->store, id, feed, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  g_atomic_int_set (&st.stop, 1);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  g_test_message ("%d reads beside the writes", st.reads);
  g_assert_cmpint (st.errors, ==, 0);
  g_assert_cmpint (st.reads, >, 0);
  g_assert_cmpuint (lede_store_count_items (fx->store, LEDE_STORE_SCOPE_ALL, 0, NULL), ==, 2000);
  g_assert_true (lede_store_check_integrity (fx->store, &error));
}

static void
async_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;
  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
test_async (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) r1 = NULL;
  g_autoptr (GAsyncResult) r2 = NULL;
  g_autoptr (GAsyncResult) r3 = NULL;
  g_autoptr (GAsyncResult) r4 = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) feeds = NULL;
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (GCancellable) cancelled = g_cancellable_new ();
  gint64 id = add_rss_feed (fx);

  lede_store_list_items_async (fx->store, LEDE_STORE_SCOPE_FEED, id, 0, 2, NULL, async_cb, &r1);
  lede_store_list_feeds_async (fx->store, NULL, async_cb, &r2);
  lede_store_search_async (fx->store, "storm", 5, NULL, async_cb, &r3);
  g_cancellable_cancel (cancelled);
  lede_store_list_feeds_async (fx->store, cancelled, async_cb, &r4);

  items = lede_store_list_items_finish (fx->store, wait_for (&r1), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 2);
  feeds = lede_store_list_feeds_finish (fx->store, wait_for (&r2), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (feeds->len, ==, 1);
  g_assert_cmpuint (((LedeStoreFeed *) feeds->pdata[0])->unread, ==, 3);
  hits = lede_store_search_finish (fx->store, wait_for (&r3), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_null (lede_store_list_feeds_finish (fx->store, wait_for (&r4), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_clear_object (&r2);
  lede_store_list_folder_item_ids_async (fx->store, "News", TRUE, NULL, async_cb, &r2);
  {
    g_autoptr (GArray) ids = lede_store_list_folder_item_ids_finish (fx->store, wait_for (&r2), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 3);
  }
  g_clear_object (&r2);
  lede_store_mark_all_read_async (fx->store, LEDE_STORE_SCOPE_ALL, 0, NULL, async_cb, &r2);
  g_assert_true (lede_store_mark_all_read_finish (fx->store, wait_for (&r2), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lede_store_count_items (fx->store, LEDE_STORE_SCOPE_UNREAD, 0, NULL), ==, 0);

  g_clear_object (&r1);
  lede_store_set_flags_async (fx->store, ((LedeStoreItem *) items->pdata[0])->id, 1, 1, NULL, async_cb, &r1);
  g_assert_true (lede_store_set_flags_finish (fx->store, wait_for (&r1), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lede_store_count_items (fx->store, LEDE_STORE_SCOPE_STARRED, 0, NULL), ==, 1);

  g_clear_object (&r3);
  lede_store_remove_feed_async (fx->store, id, NULL, async_cb, &r3);
  g_assert_true (lede_store_remove_feed_finish (fx->store, wait_for (&r3), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (lede_store_count_items (fx->store, LEDE_STORE_SCOPE_ALL, 0, NULL), ==, 0);
  g_clear_object (&r1);
  g_clear_object (&r2);
  g_clear_object (&r3);
  g_clear_object (&r4);
  /* Worker threads drop their task (and its reference to the store) just after returning;
   * wait for that before teardown checks for leaks. */
  for (guint i = 0; i < 500 && G_OBJECT (fx->store)->ref_count > 1; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (10000);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/lede/reader/store/schema", test_schema);
  ADD ("/lede/reader/store/feeds", test_feeds);
  ADD ("/lede/reader/store/find-by-url", test_find_by_url);
  ADD ("/lede/reader/store/refresh-writes", test_refresh_writes);
  ADD ("/lede/reader/store/paging", test_paging);
  ADD ("/lede/reader/store/undated", test_undated);
  ADD ("/lede/reader/store/transaction", test_transaction);
  ADD ("/lede/reader/store/search", test_search);
  ADD ("/lede/reader/store/analyses", test_analyses);
  ADD ("/lede/reader/store/analyze-items", test_analyze_items);
  ADD ("/lede/reader/store/opml", test_opml);
  ADD ("/lede/reader/store/threads", test_threads);
  ADD ("/lede/reader/store/async", test_async);
#undef ADD
  return g_test_run ();
}
