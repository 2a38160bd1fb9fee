/* test-crash.c: kills (SIGKILL) a process in the middle of a refresh, then checks that the library is
 * consistent and holds exactly the feeds whose transactions had committed: whole feeds, nothing torn. */
#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "lede-refresher.h"

#define N_FEEDS 40
#define BASE_ITEMS 300

static const char *self_path;

static guint
items_of_feed (guint k)
{
  return BASE_ITEMS + k * 7;
}

/* ---- the child: refreshes every feed and says after each one that it is stored ---- */

static void
child_feed_refreshed_cb (LedeRefresher *refresher,
                         gint64 feed_id,
                         guint n_new,
                         const char *message,
                         gpointer data)
{
  printf ("stored %" G_GINT64_FORMAT " %u %s\n", feed_id, n_new, message ? message : "");
  fflush (stdout);
}

static int
run_child (const char *db_path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeStore) store = lede_store_new (db_path, &error);
  g_autoptr (LedeHttp) http = lede_http_new ();
  g_autoptr (LedeRefresher) refresher = NULL;

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  refresher = lede_refresher_new (store, http);
  g_signal_connect (refresher, "feed-refreshed", G_CALLBACK (child_feed_refreshed_cb), NULL);
  if (!lede_refresher_refresh (refresher, NULL, 0, NULL, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  printf ("finished\n");
  return 0;
}

/* ---- the parent: serves the feeds and kills the child ---- */

typedef struct
{
  GSubprocess *child;
  GDataInputStream *out;
  guint kill_after; /* lines of "stored" */
  guint n_stored;
  gboolean killed;
  gboolean finished;
  guint answered;  /* feed requests answered in this round */
  GPtrArray *held; /* requests never answered, so the child cannot finish before it is killed */
} Run;

static Run *current_run;

static void
held_gone_cb (SoupServerMessage *msg, Run *run)
{
  g_signal_handlers_disconnect_by_data (msg, run);
  g_ptr_array_remove (run->held, msg);
}

static void
feed_cb (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer data)
{
  guint k = (guint) g_ascii_strtoull (path + strlen ("/feed/"), NULL, 10);
  GString *xml;

  /* Answer a few more feeds than the kill waits for, and hold the rest: the child is always killed
   * in the middle of its refresh, however slow this machine is today. */
  if (current_run->answered >= current_run->kill_after + 8)
    {
      soup_server_message_pause (msg);
      g_ptr_array_add (current_run->held, g_object_ref (msg));
      g_signal_connect (msg, "disconnected", G_CALLBACK (held_gone_cb), current_run);
      g_signal_connect (msg, "finished", G_CALLBACK (held_gone_cb), current_run);
      return;
    }
  current_run->answered++;
  xml = g_string_new ("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>");

  g_string_append_printf (xml, "<title>Feed %u</title><link>http://feed%u.example/</link>", k, k);
  for (guint i = 0; i < items_of_feed (k); i++)
    g_string_append_printf (xml,
                            "<item><title>Story %u of feed %u</title><guid>f%u-i%u</guid>"
                            "<link>http://feed%u.example/%u</link>"
                            "<pubDate>Mon, 04 Mar 2024 %02u:%02u:00 GMT</pubDate>"
                            "<description>Councillors met on Tuesday to discuss item %u; the harbour master "
                            "said "
                            "repairs would take %u weeks and cost %u thousand.</description></item>",
                            i, k, k, i, k, i, (i / 60) % 24, i % 60, i, i % 9 + 1, i * 3);
  g_string_append (xml, "</channel></rss>");
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/rss+xml", SOUP_MEMORY_TAKE, xml->str, xml->len);
  g_string_free (xml, FALSE);
}

static void
line_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  Run *run = data;
  g_autofree char *line = g_data_input_stream_read_line_finish_utf8 (run->out, result, NULL, NULL);

  if (line == NULL)
    {
      run->finished = TRUE;
      return;
    }
  if (g_str_has_prefix (line, "stored "))
    run->n_stored++;
  if (run->n_stored >= run->kill_after && !run->killed)
    {
      /* The refresh goes on in the child (other feeds are being fetched and written): kill it now. */
      g_subprocess_send_signal (run->child, SIGKILL);
      run->killed = TRUE;
    }
  g_data_input_stream_read_line_async (run->out, G_PRIORITY_DEFAULT, NULL, line_cb, run);
}

static void
check_library (const char *db_path, guint *out_complete)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeStore) store = lede_store_new (db_path, &error);
  g_autoptr (GPtrArray) feeds = NULL;
  guint complete = 0;

  g_assert_no_error (error);
  g_assert_true (lede_store_check_integrity (store, &error));
  g_assert_no_error (error);
  feeds = lede_store_list_feeds (store, &error);
  g_assert_cmpuint (feeds->len, ==, N_FEEDS);
  for (guint i = 0; i < feeds->len; i++)
    {
      LedeStoreFeed *feed = feeds->pdata[i];
      guint k = (guint) g_ascii_strtoull (strrchr (feed->url, '/') + 1, NULL, 10);

      /* A feed is there whole, with its refresh time, or not at all. */
      if (feed->last_success != 0)
        {
          g_autofree char *title = g_strdup_printf ("Feed %u", k);

          g_assert_cmpuint (feed->total, ==, items_of_feed (k));
          g_assert_cmpstr (feed->title, ==, title);
          complete++;
        }
      else
        g_assert_cmpuint (feed->total, ==, 0);
      g_assert_null (feed->last_error);
    }
  g_assert_cmpuint (lede_store_count_items (store, LEDE_STORE_SCOPE_ALL, 0, NULL), <=,
                    N_FEEDS * BASE_ITEMS + 7 * N_FEEDS * (N_FEEDS - 1) / 2);
  *out_complete = complete;
}

static void
test_kill_mid_refresh (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SoupServer) server = soup_server_new (NULL, NULL);
  g_autofree char *dir = g_dir_make_tmp ("lede-crash-XXXXXX", &error);
  g_autofree char *db_path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *base = NULL;
  const guint kill_points[] = { 3, 9, 20 };
  guint previous = 0;
  GSList *uris;

  g_assert_no_error (error);
  soup_server_add_handler (server, "/feed", feed_cb, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  {
    g_autoptr (LedeStore) store = lede_store_new (db_path, &error);
    g_assert_no_error (error);
    for (guint k = 0; k < N_FEEDS; k++)
      {
        g_autofree char *url = g_strdup_printf ("%s/feed/%u", base, k);
        lede_store_add_feed (store, url, NULL, NULL, &error);
        g_assert_no_error (error);
      }
  }

  /* Kill three times at different points; each run continues what the last one left. */
  for (guint round = 0; round < G_N_ELEMENTS (kill_points); round++)
    {
      Run run = { 0 };
      guint complete = 0;

      run.kill_after = kill_points[round];
      run.held = g_ptr_array_new_with_free_func (g_object_unref);
      current_run = &run;
      run.child
        = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, self_path, "--child", db_path, NULL);
      g_assert_no_error (error);
      run.out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (run.child));
      g_data_input_stream_read_line_async (run.out, G_PRIORITY_DEFAULT, NULL, line_cb, &run);
      while (!run.finished)
        g_main_context_iteration (NULL, TRUE);
      g_assert_true (g_subprocess_wait (run.child, NULL, &error));
      g_assert_true (run.killed);
      g_assert_true (g_subprocess_get_if_signaled (run.child));
      g_assert_cmpint (g_subprocess_get_term_sig (run.child), ==, SIGKILL);
      g_clear_object (&run.out);
      g_clear_object (&run.child);
      /* let the server see the closed connections before the next round */
      for (guint i = 0; i < 20 && run.held->len > 0; i++)
        {
          while (g_main_context_iteration (NULL, FALSE))
            ;
          g_usleep (10000);
        }
      for (guint i = 0; i < run.held->len; i++)
        g_signal_handlers_disconnect_by_data (run.held->pdata[i], &run);
      g_ptr_array_unref (run.held);
      current_run = NULL;

      check_library (db_path, &complete);
      g_test_message ("round %u: killed after %u feeds reported; %u of %u feeds complete in the library",
                      round, run.n_stored, complete, N_FEEDS);
      /* everything the child reported as stored survived the kill */
      g_assert_cmpuint (complete, >=, previous);
      g_assert_cmpuint (complete, >=, run.n_stored);
      g_assert_cmpuint (complete, <, N_FEEDS);
      previous = complete;
    }

  soup_server_disconnect (server);
  {
    const char *files[] = { "library.db", "library.db-wal", "library.db-shm" };
    for (guint i = 0; i < G_N_ELEMENTS (files); i++)
      {
        g_autofree char *path = g_build_filename (dir, files[i], NULL);
        g_unlink (path);
      }
    g_rmdir (dir);
  }
}

int
main (int argc, char *argv[])
{
  if (argc == 3 && strcmp (argv[1], "--child") == 0)
    return run_child (argv[2]);

  self_path = argv[0];
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lede/reader/crash/kill-mid-refresh", test_kill_mid_refresh);
  return g_test_run ();
}
