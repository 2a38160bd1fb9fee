/* bench-feeds.c: timings of fetching, parsing and storing feeds from a loopback server (run by hand).
 *
 *   bench-feeds [--items=10000] [--feeds=200] [--per-feed=50] [--analyze]
 *
 * (a) one generated 10,000-item RSS feed: fetch + parse + store
 * (b) 200 feeds x 50 items: refresh all, every item stored
 * (c) the same 200 feeds again: the server answers 304 Not Modified
 * (e) with --analyze: the analysis of the new items of (b) in worker threads, as the window runs it
 * The server runs in its own thread, as a remote server would. */
#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "lede-refresher.h"

static int n_big_items = 10000;
static int n_feeds = 200;
static int n_per_feed = 50;
static gboolean analyze = FALSE;

typedef struct
{
  GMutex lock;
  GCond cond;
  guint port;
  GMainLoop *loop;
  GHashTable *bodies; /* path -> GBytes */
  gint n_304;
} Server;

static const char *words[] = { "council", "harbour", "minister", "budget",  "election", "report",  "union",
                               "strike",  "ferry",   "storm",    "schools", "hospital", "police",  "court",
                               "river",   "bridge",  "market",   "prices",  "energy",   "climate", "talks" };

static GBytes *
make_feed (const char *name, guint n_items)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\""
                               " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>\n");

  g_string_append_printf (
    xml, "<title>%s</title><link>http://%s.example/</link><description>Bench</description>\n", name, name);
  for (guint i = 0; i < n_items; i++)
    {
      const char *a = words[i % G_N_ELEMENTS (words)], *b = words[(i * 7 + 3) % G_N_ELEMENTS (words)];
      g_string_append_printf (
        xml,
        "<item><title>The %s and the %s: story %u</title><link>http://%s.example/story/%u</link>"
        "<guid isPermaLink=\"false\">%s-%u</guid><pubDate>Mon, %02u Mar 2024 %02u:%02u:00 +0000</pubDate>"
        "<dc:creator>Reporter %u</dc:creator>"
        "<description>&lt;p&gt;The %s said on Monday that the %s would need %u more weeks and %u million "
        "to finish, according to a report seen by the paper.&lt;/p&gt;&lt;p&gt;Critics of the %s disputed "
        "the figures.&lt;/p&gt;</description></item>\n",
        a, b, i, name, i, name, i, 1 + (i / 1440) % 28, (i / 60) % 24, i % 60, i % 40, a, b, i % 12 + 1,
        i % 90 + 5, b);
    }
  g_string_append (xml, "</channel></rss>\n");
  return g_string_free_to_bytes (xml);
}

static void
handler (SoupServer *soup, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer data)
{
  Server *server = data;
  GBytes *body = g_hash_table_lookup (server->bodies, path);
  SoupMessageHeaders *req = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *resp = soup_server_message_get_response_headers (msg);
  g_autofree char *etag = g_strdup_printf ("\"%08x\"", g_str_hash (path));

  if (body == NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  soup_message_headers_replace (resp, "ETag", etag);
  soup_message_headers_replace (resp, "Last-Modified", "Mon, 04 Mar 2024 10:00:00 GMT");
  if (g_strcmp0 (soup_message_headers_get_one (req, "If-None-Match"), etag) == 0)
    {
      g_atomic_int_inc (&server->n_304);
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/rss+xml", SOUP_MEMORY_STATIC,
                                    g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

static gpointer
server_thread (gpointer data)
{
  Server *server = data;
  g_autoptr (GMainContext) context = g_main_context_new ();
  g_autoptr (SoupServer) soup = NULL;
  g_autoptr (GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (context);
  soup = soup_server_new (NULL, NULL);
  soup_server_add_handler (soup, NULL, handler, server, NULL);
  if (!soup_server_listen_local (soup, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("%s", error->message);
  uris = soup_server_get_uris (soup);
  server->loop = g_main_loop_new (context, FALSE);
  g_mutex_lock (&server->lock);
  server->port = g_uri_get_port (uris->data);
  g_cond_signal (&server->cond);
  g_mutex_unlock (&server->lock);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  g_main_loop_run (server->loop);
  soup_server_disconnect (soup);
  g_main_context_pop_thread_default (context);
  return NULL;
}

typedef struct
{
  LedeStore *store;
  GArray *ids;
  guint next;
  guint done;
  guint failed;
  gint64 last_tick;
  gint64 max_gap;
} Analyzing;

static void analyze_next (Analyzing *state);

static void
analyzed_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Analyzing *state = data;
  g_autoptr (LedeAnalysis) analysis = lede_store_analyze_item_finish (LEDE_STORE (source), result, NULL);

  state->done++;
  state->failed += analysis == NULL;
  analyze_next (state);
}

static void
analyze_next (Analyzing *state)
{
  if (state->next < state->ids->len)
    lede_store_analyze_item_async (state->store, g_array_index (state->ids, gint64, state->next++), NULL,
                                   analyzed_cb, state);
}

static gboolean
tick_cb (gpointer data)
{
  Analyzing *state = data;
  gint64 now = g_get_monotonic_time ();

  if (state->last_tick)
    state->max_gap = MAX (state->max_gap, now - state->last_tick);
  state->last_tick = now;
  return G_SOURCE_CONTINUE;
}

/* CPU time of the whole process (client, worker threads and the loopback server together). */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static LedeStore *
fresh_store (const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;
  LedeStore *store;

  store = lede_store_new (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  return store;
}

static long
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *hwm;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (hwm = strstr (status, "VmHWM:")) == NULL)
    return -1;
  return strtol (hwm + 6, NULL, 10);
}

int
main (int argc, char *argv[])
{
  GOptionEntry entries[] = {
    { "items", 0, 0, G_OPTION_ARG_INT, &n_big_items, "Items in the big feed", "N" },
    { "feeds", 0, 0, G_OPTION_ARG_INT, &n_feeds, "Feeds in the many-feeds refresh", "N" },
    { "per-feed", 0, 0, G_OPTION_ARG_INT, &n_per_feed, "Items per feed", "N" },
    { "analyze", 0, 0, G_OPTION_ARG_NONE, &analyze, "Then analyse the new items in the background", NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) options = g_option_context_new ("- feed benchmarks");
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lede-bench-XXXXXX", NULL);
  g_autofree char *base = NULL;
  Server server = { 0 };
  GThread *thread;
  double t0, c0, t_a, t_b, t_c, c_a, c_b, c_c, t_parse, t_store;
  guint n_new = 0, n_failed = 0;
  gsize big_size;

  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    g_error ("%s", error->message);

  server.bodies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  g_hash_table_insert (server.bodies, g_strdup ("/big.xml"), make_feed ("big", n_big_items));
  for (int k = 0; k < n_feeds; k++)
    {
      g_autofree char *name = g_strdup_printf ("feed%d", k);
      g_hash_table_insert (server.bodies, g_strdup_printf ("/feeds/%d.xml", k), make_feed (name, n_per_feed));
    }
  big_size = g_bytes_get_size (g_hash_table_lookup (server.bodies, "/big.xml"));
  g_mutex_init (&server.lock);
  g_cond_init (&server.cond);
  thread = g_thread_new ("server", server_thread, &server);
  g_mutex_lock (&server.lock);
  while (server.port == 0)
    g_cond_wait (&server.cond, &server.lock);
  g_mutex_unlock (&server.lock);
  base = g_strdup_printf ("http://127.0.0.1:%u", server.port);

  /* (a) one big feed, fetched, parsed and stored */
  {
    g_autoptr (LedeStore) store = fresh_store (dir, "a.db");
    g_autoptr (LedeHttp) http = lede_http_new ();
    g_autoptr (LedeRefresher) refresher = lede_refresher_new (store, http);
    g_autofree char *url = g_strconcat (base, "/big.xml", NULL);

    lede_store_add_feed (store, url, NULL, NULL, &error);
    t0 = now_ms ();
    c0 = cpu_ms ();
    if (!lede_refresher_refresh (refresher, NULL, 0, NULL, &n_new, &n_failed, &error) || n_failed != 0)
      g_error ("refresh failed");
    t_a = now_ms () - t0;
    c_a = cpu_ms () - c0;
    g_assert_cmpuint (lede_store_count_items (store, LEDE_STORE_SCOPE_ALL, 0, NULL), ==, (guint) n_big_items);
  }
  /* the same work in parts, without HTTP */
  {
    g_autoptr (LedeStore) store = fresh_store (dir, "a2.db");
    GBytes *body = g_hash_table_lookup (server.bodies, "/big.xml");
    g_autoptr (LedeFeed) feed = NULL;
    gint64 id = lede_store_add_feed (store, "http://big.example/", NULL, NULL, NULL);

    t0 = now_ms ();
    feed = lede_feed_parse (g_bytes_get_data (body, NULL), g_bytes_get_size (body), "http://big.example/",
                            &error);
    t_parse = now_ms () - t0;
    t0 = now_ms ();
    if (!lede_store_save_feed (store, id, feed, NULL, NULL, NULL, &error))
      g_error ("%s", error->message);
    t_store = now_ms () - t0;
  }
  printf ("(a) %d-item RSS feed (%.1f MB) fetched, parsed and stored: %.0f ms (CPU %.0f ms)"
          "  [parse %.0f ms, store %.0f ms]\n",
          n_big_items, big_size / 1048576.0, t_a, c_a, t_parse, t_store);

  /* (b) many feeds, then (c) all of them again with 304s */
  {
    g_autoptr (LedeStore) store = fresh_store (dir, "b.db");
    g_autoptr (LedeHttp) http = lede_http_new ();
    g_autoptr (LedeRefresher) refresher = lede_refresher_new (store, http);
    guint stored;

    for (int k = 0; k < n_feeds; k++)
      {
        g_autofree char *url = g_strdup_printf ("%s/feeds/%d.xml", base, k);
        lede_store_add_feed (store, url, NULL, NULL, NULL);
      }
    t0 = now_ms ();
    c0 = cpu_ms ();
    if (!lede_refresher_refresh (refresher, NULL, 0, NULL, &n_new, &n_failed, &error) || n_failed != 0)
      g_error ("refresh failed (%u feeds)", n_failed);
    t_b = now_ms () - t0;
    c_b = cpu_ms () - c0;
    stored = lede_store_count_items (store, LEDE_STORE_SCOPE_ALL, 0, NULL);
    g_assert_cmpuint (stored, ==, (guint) (n_feeds * n_per_feed));
    printf ("(b) %d feeds x %d items refreshed, %u items stored: %.0f ms (CPU %.0f ms)\n", n_feeds,
            n_per_feed, stored, t_b, c_b);

    t0 = now_ms ();
    c0 = cpu_ms ();
    if (!lede_refresher_refresh (refresher, NULL, 0, NULL, &n_new, &n_failed, &error) || n_failed != 0)
      g_error ("refresh failed");
    t_c = now_ms () - t0;
    c_c = cpu_ms () - c0;
    g_assert_cmpuint (n_new, ==, 0);
    printf ("(c) second refresh of %d feeds, %d answered 304 Not Modified: %.0f ms (CPU %.0f ms)\n", n_feeds,
            g_atomic_int_get (&server.n_304), t_c, c_c);

    /* (e) what the window does next: analyse the new items in worker threads, the main loop free */
    if (analyze)
      {
        Analyzing state = { store, lede_store_list_unanalyzed (store, 0, NULL), 0, 0, 0, 0, 0 };
        guint tick = g_timeout_add (5, tick_cb, &state);

        t0 = now_ms ();
        for (guint i = 0; i < g_get_num_processors (); i++)
          analyze_next (&state);
        while (state.done < state.ids->len)
          g_main_context_iteration (NULL, TRUE);
        g_source_remove (tick);
        printf ("(e) %u new items analysed in the background (%u threads): %.0f ms; longest main loop stall "
                "%.0f ms\n",
                state.ids->len, g_get_num_processors (), now_ms () - t0, state.max_gap / 1000.0);
        g_array_unref (state.ids);
      }
  }
  printf ("peak RSS of this process (server and generated feeds included): %.1f MB\n",
          peak_rss_kb () / 1024.0);

  g_main_loop_quit (server.loop);
  g_thread_join (thread);
  {
    const char *names[] = { "a.db", "a2.db", "b.db" };
    const char *suffixes[] = { "", "-wal", "-shm" };
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      for (guint j = 0; j < G_N_ELEMENTS (suffixes); j++)
        {
          g_autofree char *path = g_strdup_printf ("%s/%s%s", dir, names[i], suffixes[j]);
          g_unlink (path);
        }
    g_rmdir (dir);
  }
  return 0;
}
