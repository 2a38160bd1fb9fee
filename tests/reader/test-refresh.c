/* test-refresh.c: LedeRefresher against a SoupServer on 127.0.0.1 serving good, broken, slow, huge and
 * looping feeds; conditional GET on the second refresh; cancellation; the main loop stays free. */
#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "lede-extract.h"
#include "lede-refresher.h"

#define RSS_ETAG "\"rss-v1\""
#define ATOM_DATE "Sat, 20 Jan 2024 18:30:02 GMT"

typedef struct
{
  SoupServer *server;
  char *base;
  char *dir;
  LedeStore *store;
  LedeHttp *http;
  LedeRefresher *refresher;
  GPtrArray *paused;
  GBytes *huge;       /* made once, so serving it costs the test's main loop nothing */
  GPtrArray *delayed; /* Delayed *, answers still to send */
  guint n_304;
  guint running;
  guint max_running;
  /* signals seen */
  guint n_refreshed;
  guint last_done;
  guint last_total;
  GHashTable *errors; /* feed id -> message */
  /* main loop responsiveness */
  gint64 last_tick;
  gint64 max_gap;
} Fixture;

static char *
read_fixture (const char *name, gsize *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "reader", "fixtures", "feeds", name, NULL);
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, length, NULL));
  return data;
}

static void
serve (SoupServerMessage *msg, const char *type, const char *name)
{
  gsize length = 0;
  char *data = read_fixture (name, &length);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, type, SOUP_MEMORY_TAKE, data, length);
}

static void
fixture_cb (SoupServer *server,
            SoupServerMessage *msg,
            const char *path,
            GHashTable *query,
            gpointer user_data)
{
  Fixture *fx = user_data;
  SoupMessageHeaders *req = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *resp = soup_server_message_get_response_headers (msg);

  path += strlen ("/f");
  if (g_str_equal (path, "/rss.xml"))
    {
      soup_message_headers_replace (resp, "ETag", RSS_ETAG);
      if (g_strcmp0 (soup_message_headers_get_one (req, "If-None-Match"), RSS_ETAG) == 0)
        {
          fx->n_304++;
          soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
          return;
        }
      serve (msg, "application/rss+xml", "rss2.xml");
    }
  else if (g_str_equal (path, "/atom.xml"))
    {
      soup_message_headers_replace (resp, "Last-Modified", ATOM_DATE);
      if (g_strcmp0 (soup_message_headers_get_one (req, "If-Modified-Since"), ATOM_DATE) == 0)
        {
          fx->n_304++;
          soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
          return;
        }
      /* a wrong but common content type: the content decides */
      serve (msg, "text/plain", "atom.xml");
    }
  else if (g_str_equal (path, "/feed.json"))
    serve (msg, "application/feed+json", "feed.json");
  else if (g_str_equal (path, "/truncated.xml"))
    serve (msg, "application/rss+xml", "truncated.xml");
  else if (g_str_equal (path, "/not-a-feed.xml"))
    serve (msg, "application/xml", "not-a-feed.xml");
  else if (g_str_equal (path, "/page.html"))
    serve (msg, "text/html", "page.html");
  else if (g_str_equal (path, "/article.html"))
    serve (msg, "text/html; charset=utf-8", "article.html");
  else if (g_str_equal (path, "/empty.html"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, "<html><body></body></html>",
                                        26);
    }
  else if (g_str_equal (path, "/summaries.xml"))
    {
      g_autofree char *xml = g_strdup_printf (
        "<rss version=\"2.0\"><channel><title>Summaries</title>"
        "<item><title>Ferry vote</title><link>%s/f/article.html</link><description>Council "
        "votes.</description></item>"
        "<item><title>Nothing "
        "there</title><link>%s/f/empty.html</link><description>Empty.</description></item>"
        "<item><title>Gone</title><link>%s/f/gone.html</link><description>Gone.</description></item>"
        "<item><title>No link</title><description>Only this.</description></item>"
        "</channel></rss>",
        fx->base, fx->base, fx->base);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/rss+xml", SOUP_MEMORY_COPY, xml, strlen (xml));
    }
  else if (g_str_equal (path, "/links.html") || g_str_equal (path, "/links-broken-first.html"))
    {
      /* a page announcing its feeds, relative to itself */
      g_autofree char *html
        = g_strdup_printf ("<!DOCTYPE html><html><head><title>Links</title>"
                           "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"%s\">"
                           "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"atom.xml\">"
                           "</head><body><p>Hello</p></body></html>",
                           g_str_equal (path, "/links.html") ? "rss.xml" : "truncated.xml");
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_COPY, html, strlen (html));
    }
  else if (g_str_equal (path, "/image"))
    serve (msg, "image/png", "garbage.txt");
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static void
huge_cb (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer user_data)
{
  Fixture *fx = user_data;

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/rss+xml", SOUP_MEMORY_STATIC,
                                    g_bytes_get_data (fx->huge, NULL), g_bytes_get_size (fx->huge));
}

static void
slow_gone_cb (SoupServerMessage *msg, Fixture *fx)
{
  g_signal_handlers_disconnect_by_data (msg, fx);
  g_ptr_array_remove (fx->paused, msg);
}

static void
slow_cb (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer user_data)
{
  Fixture *fx = user_data;

  /* Never answers: the client's time-out ends it. */
  soup_server_message_pause (msg);
  g_ptr_array_add (fx->paused, g_object_ref (msg));
  /* once the client gives up there is nothing left to let go at teardown */
  g_signal_connect (msg, "finished", G_CALLBACK (slow_gone_cb), fx);
  g_signal_connect (msg, "disconnected", G_CALLBACK (slow_gone_cb), fx);
}

static void
loop_cb (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer user_data)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location",
                                g_str_equal (path, "/loop-a") ? "/loop-b" : "/loop-a");
  soup_server_message_set_status (msg, SOUP_STATUS_FOUND, NULL);
}

typedef struct
{
  Fixture *fx;
  SoupServerMessage *msg;
  char *path;
  gboolean gone; /* the client hung up (a cancelled refresh) */
  guint source;
} Delayed;

static void
delayed_free (Delayed *d)
{
  g_signal_handlers_disconnect_by_data (d->msg, d);
  g_clear_handle_id (&d->source, g_source_remove);
  g_object_unref (d->msg);
  g_free (d->path);
  g_free (d);
}

static void
delayed_gone_cb (SoupServerMessage *msg, Delayed *d)
{
  d->gone = TRUE;
}

static gboolean
delay_done (gpointer data)
{
  Delayed *d = data;
  Fixture *fx = d->fx;
  g_autofree char *xml = g_strdup_printf ("<rss version=\"2.0\"><channel><title>%s</title>"
                                          "<item><title>One of %s</title><guid>%s-1</guid></item>"
                                          "<item><title>Two of %s</title><guid>%s-2</guid></item>"
                                          "</channel></rss>",
                                          d->path, d->path, d->path, d->path, d->path);

  d->source = 0;
  fx->running--;
  g_signal_handlers_disconnect_by_data (d->msg, d);
  if (!d->gone)
    {
      soup_server_message_set_status (d->msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (d->msg, "application/rss+xml", SOUP_MEMORY_COPY, xml, strlen (xml));
      soup_server_message_unpause (d->msg);
    }
  g_ptr_array_remove (fx->delayed, d);
  return G_SOURCE_REMOVE;
}

static void
delay_cb (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer user_data)
{
  Fixture *fx = user_data;
  Delayed *d = g_new0 (Delayed, 1);

  fx->running++;
  fx->max_running = MAX (fx->max_running, fx->running);
  d->fx = fx;
  d->msg = g_object_ref (msg);
  d->path = g_strdup (path);
  soup_server_message_pause (msg);
  g_signal_connect (msg, "disconnected", G_CALLBACK (delayed_gone_cb), d);
  g_signal_connect (msg, "finished", G_CALLBACK (delayed_gone_cb), d);
  d->source = g_timeout_add (100, delay_done, d);
  g_ptr_array_add (fx->delayed, d);
}

static void
progress_cb (LedeRefresher *refresher, guint done, guint total, Fixture *fx)
{
  g_assert_cmpuint (done, <=, total);
  g_assert_cmpuint (done, >=, fx->last_done);
  fx->last_done = done;
  fx->last_total = total;
}

static void
feed_refreshed_cb (LedeRefresher *refresher, gint64 feed_id, guint n_new, const char *message, Fixture *fx)
{
  fx->n_refreshed++;
  if (message != NULL)
    g_hash_table_insert (fx->errors, g_memdup2 (&feed_id, sizeof feed_id), g_strdup (message));
}

static gboolean
tick_cb (gpointer data)
{
  Fixture *fx = data;
  gint64 now = g_get_monotonic_time ();

  if (fx->last_tick != 0)
    fx->max_gap = MAX (fx->max_gap, now - fx->last_tick);
  fx->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
fixture_setup (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  GSList *uris;

  fx->paused = g_ptr_array_new_with_free_func (g_object_unref);
  {
    GString *xml = g_string_new ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Huge</title>");

    /* 2 MB of well-formed feed: only the size limit stops it */
    while (xml->len < 2 * 1024 * 1024)
      g_string_append_printf (xml, "<item><title>Item %u</title><guid>g%u</guid></item>", (guint) xml->len,
                              (guint) xml->len);
    g_string_append (xml, "</channel></rss>");
    fx->huge = g_string_free_to_bytes (xml);
  }
  fx->delayed = g_ptr_array_new_with_free_func ((GDestroyNotify) delayed_free);
  fx->errors = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  fx->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fx->server, "/f", fixture_cb, fx, NULL);
  soup_server_add_handler (fx->server, "/huge", huge_cb, fx, NULL);
  soup_server_add_handler (fx->server, "/slow", slow_cb, fx, NULL);
  soup_server_add_handler (fx->server, "/loop-a", loop_cb, fx, NULL);
  soup_server_add_handler (fx->server, "/loop-b", loop_cb, fx, NULL);
  soup_server_add_handler (fx->server, "/delay", delay_cb, fx, NULL);
  soup_server_listen_local (fx->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (fx->server);
  fx->base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  fx->dir = g_dir_make_tmp ("lede-refresh-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fx->dir, "library.db", NULL);
  fx->store = lede_store_new (path, &error);
  g_assert_no_error (error);
  fx->http = lede_http_new ();
  lede_http_set_timeout (fx->http, 1);
  lede_http_set_connect_timeout (fx->http, 1);
  lede_http_set_max_size (fx->http, 1024 * 1024);
  lede_http_set_max_redirects (fx->http, 5);
  fx->refresher = lede_refresher_new (fx->store, fx->http);
  g_signal_connect (fx->refresher, "progress", G_CALLBACK (progress_cb), fx);
  g_signal_connect (fx->refresher, "feed-refreshed", G_CALLBACK (feed_refreshed_cb), fx);
}

static void
fixture_teardown (Fixture *fx, gconstpointer data)
{
  const char *files[] = { "library.db", "library.db-wal", "library.db-shm" };

  /* worker threads let go of their tasks (and the objects behind them) just after returning */
  for (guint i = 0;
       i < 500 && (G_OBJECT (fx->refresher)->ref_count > 1 || G_OBJECT (fx->store)->ref_count > 2); i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (10000);
    }
  g_assert_finalize_object (fx->refresher);
  g_assert_finalize_object (fx->http);
  for (guint i = 0; i < fx->paused->len; i++)
    soup_server_message_unpause (g_ptr_array_index (fx->paused, i));
  g_ptr_array_unref (fx->paused);
  /* answers a cancelled refresh left waiting must not outlive the test */
  g_ptr_array_unref (fx->delayed);
  soup_server_disconnect (fx->server);
  g_assert_finalize_object (fx->server);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (fx->store);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (fx->dir, files[i], NULL);
      g_unlink (path);
    }
  g_rmdir (fx->dir);
  g_free (fx->dir);
  g_free (fx->base);
  g_hash_table_unref (fx->errors);
  g_bytes_unref (fx->huge);
}

static gint64
add (Fixture *fx, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *url
    = g_str_has_prefix (path, "http") ? g_strdup (path) : g_strconcat (fx->base, path, NULL);
  gint64 id = lede_store_add_feed (fx->store, url, NULL, NULL, &error);

  g_assert_no_error (error);
  return id;
}

static void
done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;
  *out = g_object_ref (result);
}

/* Runs a refresh the way the window does: async, with the main loop turning. */
static gboolean
refresh (Fixture *fx, GCancellable *cancellable, guint *n_new, guint *n_failed, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  guint tick = g_timeout_add (5, tick_cb, fx);

  fx->last_tick = 0;
  fx->max_gap = 0;
  fx->last_done = 0;
  lede_refresher_refresh_async (fx->refresher, NULL, 0, cancellable, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  return lede_refresher_refresh_finish (fx->refresher, result, n_new, n_failed, error);
}

static const char *
feed_error (Fixture *fx, gint64 id)
{
  g_autoptr (LedeStoreFeed) feed = lede_store_get_feed (fx->store, id, NULL);
  const char *signalled = g_hash_table_lookup (fx->errors, &id);

  g_assert_nonnull (feed);
  /* the store and the signal say the same */
  g_assert_cmpstr (feed->last_error, ==, signalled);
  return signalled;
}

static void
test_mixed (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 rss = add (fx, "/f/rss.xml");
  gint64 atom = add (fx, "/f/atom.xml");
  gint64 json = add (fx, "/f/feed.json");
  gint64 truncated = add (fx, "/f/truncated.xml");
  gint64 not_feed = add (fx, "/f/not-a-feed.xml");
  gint64 page = add (fx, "/f/page.html");
  gint64 image = add (fx, "/f/image");
  gint64 missing = add (fx, "/f/missing");
  gint64 huge = add (fx, "/huge");
  gint64 slow = add (fx, "/slow");
  gint64 loop = add (fx, "/loop-a");
  gint64 unreachable = add (fx, "http://127.0.0.1:1/feed.xml");
  guint n_new = 0, n_failed = 0;
  g_autoptr (LedeStoreFeed) atom_feed = NULL;

  g_assert_true (refresh (fx, NULL, &n_new, &n_failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_new, ==, 3 + 3 + 2);
  g_assert_cmpuint (n_failed, ==, 9);
  g_assert_cmpuint (fx->n_refreshed, ==, 12);
  g_assert_cmpuint (fx->last_done, ==, 12);
  g_assert_cmpuint (fx->last_total, ==, 12);
  /* The slow feed took a whole second; the main loop never waited for it. */
  g_assert_cmpint (fx->max_gap, <, 500 * 1000);

  g_assert_cmpuint (lede_store_count_items (fx->store, LEDE_STORE_SCOPE_FEED, rss, NULL), ==, 3);
  g_assert_cmpuint (lede_store_count_items (fx->store, LEDE_STORE_SCOPE_FEED, atom, NULL), ==, 3);
  g_assert_cmpuint (lede_store_count_items (fx->store, LEDE_STORE_SCOPE_FEED, json, NULL), ==, 2);
  g_assert_cmpuint (lede_store_count_items (fx->store, LEDE_STORE_SCOPE_ALL, 0, NULL), ==, 8);
  g_assert_null (feed_error (fx, rss));
  g_assert_null (feed_error (fx, atom));
  g_assert_null (feed_error (fx, json));
  atom_feed = lede_store_get_feed (fx->store, atom, NULL);
  g_assert_cmpstr (atom_feed->title, ==, "Field <Notes>");
  g_assert_cmpstr (atom_feed->last_modified, ==, ATOM_DATE);

  /* each failure is on its own feed, with a message a person can act on */
  g_assert_nonnull (strstr (feed_error (fx, truncated), "cut off"));
  g_assert_nonnull (strstr (feed_error (fx, not_feed), "not a feed"));
  g_assert_nonnull (strstr (feed_error (fx, page), "web page"));
  g_assert_nonnull (strstr (feed_error (fx, image), "image/png"));
  g_assert_nonnull (feed_error (fx, missing));
  g_assert_nonnull (feed_error (fx, huge));
  g_assert_nonnull (feed_error (fx, slow));
  g_assert_nonnull (feed_error (fx, loop));
  g_assert_nonnull (feed_error (fx, unreachable));
  for (gint64 id = truncated; id <= unreachable; id++)
    g_test_message ("feed %" G_GINT64_FORMAT ": %s", id, feed_error (fx, id));
  g_assert_true (lede_store_check_integrity (fx->store, &error));
}

static void
test_not_modified (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = NULL;
  gint64 rss = add (fx, "/f/rss.xml");
  gint64 atom = add (fx, "/f/atom.xml");
  guint n_new = 0, n_failed = 0;

  g_assert_true (refresh (fx, NULL, &n_new, &n_failed, &error));
  g_assert_cmpuint (n_new, ==, 6);
  g_assert_cmpuint (fx->n_304, ==, 0);
  items = lede_store_list_items (fx->store, LEDE_STORE_SCOPE_FEED, rss, 0, 1, NULL);
  g_assert_true (lede_store_set_read (fx->store, ((LedeStoreItem *) items->pdata[0])->id, TRUE, NULL));

  /* The second time both answer 304 (ETag for one, Last-Modified for the other): nothing to do. */
  g_assert_true (refresh (fx, NULL, &n_new, &n_failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fx->n_304, ==, 2);
  g_assert_cmpuint (n_new, ==, 0);
  g_assert_cmpuint (n_failed, ==, 0);
  g_assert_cmpuint (lede_store_count_items (fx->store, LEDE_STORE_SCOPE_ALL, 0, NULL), ==, 6);
  g_assert_cmpuint (lede_store_count_items (fx->store, LEDE_STORE_SCOPE_UNREAD, 0, NULL), ==, 5);
  g_assert_null (feed_error (fx, rss));
  g_assert_null (feed_error (fx, atom));
}

static void
test_concurrency (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  guint n_new = 0, n_failed = 0;

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *path = g_strdup_printf ("/delay/%u", i);
      add (fx, path);
    }
  /* only the feeds asked for */
  {
    g_autoptr (GAsyncResult) result = NULL;
    const gint64 some[] = { 2, 5 };

    lede_refresher_refresh_async (fx->refresher, some, G_N_ELEMENTS (some), NULL, done_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (lede_refresher_refresh_finish (fx->refresher, result, &n_new, &n_failed, &error));
    g_assert_cmpuint (n_new, ==, 4);
    g_assert_cmpuint (lede_store_count_items (fx->store, LEDE_STORE_SCOPE_FEED, 2, NULL), ==, 2);
    g_assert_cmpuint (lede_store_count_items (fx->store, LEDE_STORE_SCOPE_FEED, 3, NULL), ==, 0);
  }
  fx->max_running = 0;
  lede_refresher_set_max_concurrent (fx->refresher, 3);
  g_assert_true (refresh (fx, NULL, &n_new, &n_failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_new, ==, 20);
  g_assert_cmpuint (fx->max_running, ==, 3);
}

static void
cancel_on_progress_cb (LedeRefresher *refresher, guint done, guint total, GCancellable *cancellable)
{
  if (done == 2)
    g_cancellable_cancel (cancellable);
}

static void
test_cancel (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  guint n_new = 0, n_failed = 0, stored;

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *path = g_strdup_printf ("/delay/%u", i);
      add (fx, path);
    }
  lede_refresher_set_max_concurrent (fx->refresher, 2);
  g_signal_connect (fx->refresher, "progress", G_CALLBACK (cancel_on_progress_cb), cancellable);
  g_assert_false (refresh (fx, cancellable, &n_new, &n_failed, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* what was stored before the cancel stays, whole feeds only; the rest was never fetched */
  stored = lede_store_count_items (fx->store, LEDE_STORE_SCOPE_ALL, 0, NULL);
  g_assert_cmpuint (stored % 2, ==, 0);
  g_assert_cmpuint (stored, >=, 4);
  g_assert_cmpuint (stored, <, 24);
  g_assert_cmpuint (n_failed, ==, 0);
  /* feeds whose fetch was cancelled carry no error */
  g_assert_cmpuint (g_hash_table_size (fx->errors), ==, 0);
  g_assert_true (lede_store_check_integrity (fx->store, NULL));
}

static LedeStoreArticle *
fetch_article (Fixture *fx, gint64 item_id, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  lede_refresher_fetch_article_async (fx->refresher, item_id, NULL, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return lede_refresher_fetch_article_finish (fx->refresher, result, error);
}

static gint64
item_titled (GPtrArray *items, const char *title)
{
  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (((LedeStoreItem *) items->pdata[i])->title, title) == 0)
      return ((LedeStoreItem *) items->pdata[i])->id;
  g_assert_not_reached ();
}

static void
test_article (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (LedeStoreArticle) article = NULL;
  g_autoptr (LedeStoreArticle) failed = NULL;
  gint64 feed = add (fx, "/f/summaries.xml");

  g_assert_true (refresh (fx, NULL, NULL, NULL, &error));
  items = lede_store_list_items (fx->store, LEDE_STORE_SCOPE_FEED, feed, 0, 0, NULL);
  g_assert_cmpuint (items->len, ==, 4);

  /* The summary said little; the page has the article, and it becomes searchable. */
  article = fetch_article (fx, item_titled (items, "Ferry vote"), &error);
  g_assert_no_error (error);
  g_assert_nonnull (article);
  g_assert_null (article->error);
  g_assert_nonnull (strstr (article->text, "dredging would take nine weeks"));
  g_assert_null (strstr (article->text, "Copyright"));
  g_assert_nonnull (strstr (article->html, "lighthouse keepers"));
  g_assert_null (strstr (article->html, "<nav"));
  g_assert_cmpint (article->published, ==, 1709622000);
  hits = lede_store_search (fx->store, "dredging", 10, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (((LedeStoreItem *) hits->pdata[0])->id, ==, article->item_id);

  /* A page without an article, a missing page and no page at all: each says why, and the reason
   * stays with the item. */
  g_assert_null (fetch_article (fx, item_titled (items, "Nothing there"), &error));
  g_assert_error (error, LEDE_EXTRACT_ERROR, LEDE_EXTRACT_ERROR_NO_ARTICLE);
  g_test_message ("empty page: %s", error->message);
  failed = lede_store_get_article (fx->store, item_titled (items, "Nothing there"), NULL);
  g_assert_cmpstr (failed->error, ==, error->message);
  g_clear_error (&error);
  g_clear_pointer (&failed, lede_store_article_unref);

  g_assert_null (fetch_article (fx, item_titled (items, "Gone"), &error));
  g_assert_error (error, LEDE_HTTP_ERROR, LEDE_HTTP_ERROR_HTTP_STATUS);
  failed = lede_store_get_article (fx->store, item_titled (items, "Gone"), NULL);
  g_assert_cmpstr (failed->error, ==, error->message);
  g_clear_error (&error);

  g_assert_null (fetch_article (fx, item_titled (items, "No link"), &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (fetch_article (fx, 987654, &error));
  g_assert_error (error, LEDE_STORE_ERROR, LEDE_STORE_ERROR_NOT_FOUND);
  g_assert_true (lede_store_check_integrity (fx->store, NULL));
}

static gint64
subscribe (Fixture *fx, const char *path, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autofree char *url
    = strstr (path, "://") || path[0] != '/' ? g_strdup (path) : g_strconcat (fx->base, path, NULL);

  lede_refresher_subscribe_async (fx->refresher, url, "News", NULL, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return lede_refresher_subscribe_finish (fx->refresher, result, error);
}

static void
test_subscribe (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeStoreFeed) feed = NULL;
  g_autoptr (LedeStoreFeed) atom = NULL;
  g_autofree char *rss_url = g_strconcat (fx->base, "/f/rss.xml", NULL);
  g_autofree char *atom_url = g_strconcat (fx->base, "/f/atom.xml", NULL);
  gint64 id;

  /* a web page: its first feed is found and subscribed to, items and all */
  id = subscribe (fx, "/f/links.html", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  feed = lede_store_get_feed (fx->store, id, NULL);
  g_assert_cmpstr (feed->url, ==, rss_url);
  g_assert_cmpstr (feed->title, ==, "The Harbour Gazette");
  g_assert_cmpstr (feed->folder, ==, "News");
  g_assert_cmpstr (feed->etag, ==, RSS_ETAG);
  g_assert_cmpuint (feed->total, ==, 3);

  /* the same feed again, directly */
  g_assert_cmpint (subscribe (fx, "/f/rss.xml", &error), ==, 0);
  g_assert_error (error, LEDE_STORE_ERROR, LEDE_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  /* the page's first feed is broken: the next one is taken */
  id = subscribe (fx, "/f/links-broken-first.html", &error);
  g_assert_no_error (error);
  atom = lede_store_get_feed (fx->store, id, NULL);
  g_assert_cmpstr (atom->url, ==, atom_url);

  /* a page without feeds, a feed that is not one, nothing at all */
  g_assert_cmpint (subscribe (fx, "/f/empty.html", &error), ==, 0);
  g_assert_error (error, LEDE_FEED_ERROR, LEDE_FEED_ERROR_NOT_A_FEED);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_cmpint (subscribe (fx, "/f/not-a-feed.xml", &error), ==, 0);
  g_assert_error (error, LEDE_FEED_ERROR, LEDE_FEED_ERROR_NOT_A_FEED);
  g_clear_error (&error);
  g_assert_cmpint (subscribe (fx, "/f/missing", &error), ==, 0);
  g_assert_error (error, LEDE_HTTP_ERROR, LEDE_HTTP_ERROR_HTTP_STATUS);
  g_clear_error (&error);
  g_assert_cmpint (subscribe (fx, "   ", &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (lede_store_count_items (fx->store, LEDE_STORE_SCOPE_ALL, 0, NULL), ==, 6);

  /* the feed: scheme some pages still use */
  {
    g_autofree char *feed_url = g_strconcat ("feed:", fx->base, "/f/feed.json", NULL);
    g_autoptr (LedeStoreFeed) json = NULL;

    id = subscribe (fx, feed_url, &error);
    g_assert_no_error (error);
    json = lede_store_get_feed (fx->store, id, NULL);
    g_assert_cmpstr (json->url, ==, feed_url + strlen ("feed:"));
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/lede/reader/refresh/mixed", test_mixed);
  ADD ("/lede/reader/refresh/not-modified", test_not_modified);
  ADD ("/lede/reader/refresh/concurrency", test_concurrency);
  ADD ("/lede/reader/refresh/cancel", test_cancel);
  ADD ("/lede/reader/refresh/article", test_article);
  ADD ("/lede/reader/refresh/subscribe", test_subscribe);
#undef ADD
  return g_test_run ();
}
