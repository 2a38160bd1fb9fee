/* test-http.c: LedeHttp against a SoupServer on 127.0.0.1: limits, redirects, 304s, time-outs, faults. */
#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "lede-http.h"

#define ARTICLE_BODY "<html><body><p>Hello from the test server.</p></body></html>"
#define ARTICLE_ETAG "\"v1\""
#define ARTICLE_DATE "Sat, 28 Nov 2026 10:00:00 GMT"

typedef struct
{
  SoupServer *server;
  char *base;        /* http://127.0.0.1:PORT */
  char *last_ua;     /* User-Agent of the last request */
  char *last_accept; /* Accept of the last request */
  guint n_requests;
  guint running;     /* requests to /delay being answered now */
  guint max_running; /* the most that ran at once */
  GPtrArray *paused; /* messages held by /hang, let go at teardown */
} Fixture;

static Fixture *current;

static char *
url (Fixture *fx, const char *path)
{
  return g_strconcat (fx->base, path, NULL);
}

static void
article_cb (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer data)
{
  SoupMessageHeaders *req = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *resp = soup_server_message_get_response_headers (msg);
  const char *inm = soup_message_headers_get_one (req, "If-None-Match");

  soup_message_headers_replace (resp, "ETag", ARTICLE_ETAG);
  soup_message_headers_replace (resp, "Last-Modified", ARTICLE_DATE);
  if (g_strcmp0 (inm, ARTICLE_ETAG) == 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/html; charset=ISO-8859-1", SOUP_MEMORY_STATIC, ARTICLE_BODY,
                                    strlen (ARTICLE_BODY));
}

static void
redirect_cb (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer data)
{
  SoupMessageHeaders *resp = soup_server_message_get_response_headers (msg);

  if (g_str_equal (path, "/loop-a"))
    soup_message_headers_replace (resp, "Location", "/loop-b");
  else if (g_str_equal (path, "/loop-b"))
    soup_message_headers_replace (resp, "Location", "loop-a"); /* relative, resolved against /loop-b */
  else if (g_str_equal (path, "/to-ftp"))
    soup_message_headers_replace (resp, "Location", "ftp://127.0.0.1/file");
  else
    {
      /* /chain/N redirects to /chain/N-1, and /chain/0 to the article. */
      guint64 n = g_ascii_strtoull (path + strlen ("/chain/"), NULL, 10);
      g_autofree char *next = n == 0 ? g_strdup ("/article") : g_strdup_printf ("/chain/%u", (guint) n - 1);
      soup_message_headers_replace (resp, "Location", next);
    }
  soup_server_message_set_status (msg, g_str_equal (path, "/loop-b") ? 307 : 302, NULL);
}

static void
big_cb (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer data)
{
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  char chunk[1024];

  memset (chunk, 'x', sizeof chunk);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Content-Type", "text/plain");
  if (g_str_equal (path, "/big-chunked"))
    soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg), SOUP_ENCODING_CHUNKED);
  for (guint i = 0; i < 256; i++)
    soup_message_body_append (body, SOUP_MEMORY_COPY, chunk, sizeof chunk);
  soup_message_body_complete (body);
}

static void
hang_cb (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer data)
{
  Fixture *fx = data;
  /* Never answer: the client's time-out has to end it. */
  soup_server_message_pause (msg);
  g_ptr_array_add (fx->paused, g_object_ref (msg));
}

typedef struct
{
  SoupServerMessage *msg;
  guint source;
} Trickle;

static gboolean
trickle_tick (gpointer data)
{
  Trickle *t = data;
  soup_message_body_append (soup_server_message_get_response_body (t->msg), SOUP_MEMORY_STATIC, "tick\n", 5);
  soup_server_message_unpause (t->msg);
  return G_SOURCE_CONTINUE;
}

static void
trickle_finished (SoupServerMessage *msg, gpointer data)
{
  Trickle *t = data;
  g_clear_handle_id (&t->source, g_source_remove);
}

static void
trickle_free (gpointer data, GClosure *closure)
{
  Trickle *t = data;
  g_clear_handle_id (&t->source, g_source_remove);
  g_free (t);
}

static void
trickle_cb (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer data)
{
  Trickle *t = g_new0 (Trickle, 1);

  /* A body that never ends, a few bytes at a time: only the total time-out stops it. */
  t->msg = msg;
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg), SOUP_ENCODING_CHUNKED);
  t->source = g_timeout_add (100, trickle_tick, t);
  g_signal_connect_data (msg, "finished", G_CALLBACK (trickle_finished), t, trickle_free, 0);
}

static gboolean
delay_done (gpointer data)
{
  SoupServerMessage *msg = data;
  current->running--;
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "done", 4);
  soup_server_message_unpause (msg);
  g_object_unref (msg);
  return G_SOURCE_REMOVE;
}

static void
delay_cb (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer data)
{
  Fixture *fx = data;
  fx->running++;
  fx->max_running = MAX (fx->max_running, fx->running);
  soup_server_message_pause (msg);
  g_timeout_add (300, delay_done, g_object_ref (msg));
}

static void
status_cb (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer data)
{
  soup_server_message_set_status (msg, g_str_equal (path, "/gone") ? 410 : SOUP_STATUS_NOT_FOUND, NULL);
  soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, "<p>no</p>", 9);
}

static void
any_request_cb (SoupServer *server, SoupServerMessage *msg, gpointer data)
{
  Fixture *fx = data;
  SoupMessageHeaders *req = soup_server_message_get_request_headers (msg);
  g_free (fx->last_ua);
  fx->last_ua = g_strdup (soup_message_headers_get_one (req, "User-Agent"));
  g_free (fx->last_accept);
  fx->last_accept = g_strdup (soup_message_headers_get_one (req, "Accept"));
  fx->n_requests++;
}

static void
fixture_setup (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  GSList *uris;
  GUri *uri;

  current = fx;
  fx->paused = g_ptr_array_new_with_free_func (g_object_unref);
  fx->server = soup_server_new ("server-header", "lede-test", NULL);
  soup_server_add_handler (fx->server, "/article", article_cb, fx, NULL);
  soup_server_add_handler (fx->server, "/loop-a", redirect_cb, fx, NULL);
  soup_server_add_handler (fx->server, "/loop-b", redirect_cb, fx, NULL);
  soup_server_add_handler (fx->server, "/to-ftp", redirect_cb, fx, NULL);
  soup_server_add_handler (fx->server, "/chain", redirect_cb, fx, NULL);
  soup_server_add_handler (fx->server, "/big", big_cb, fx, NULL);
  soup_server_add_handler (fx->server, "/big-chunked", big_cb, fx, NULL);
  soup_server_add_handler (fx->server, "/hang", hang_cb, fx, NULL);
  soup_server_add_handler (fx->server, "/trickle", trickle_cb, fx, NULL);
  soup_server_add_handler (fx->server, "/delay", delay_cb, fx, NULL);
  soup_server_add_handler (fx->server, "/missing", status_cb, fx, NULL);
  soup_server_add_handler (fx->server, "/gone", status_cb, fx, NULL);
  g_signal_connect (fx->server, "request-read", G_CALLBACK (any_request_cb), fx);

  soup_server_listen_local (fx->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (fx->server);
  g_assert_nonnull (uris);
  uri = uris->data;
  fx->base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uri));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
}

static void
fixture_teardown (Fixture *fx, gconstpointer data)
{
  for (guint i = 0; i < fx->paused->len; i++)
    soup_server_message_unpause (g_ptr_array_index (fx->paused, i));
  g_ptr_array_unref (fx->paused);
  soup_server_disconnect (fx->server);
  g_assert_finalize_object (fx->server);
  /* Let whatever the disconnect scheduled run before the next test. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_free (fx->base);
  g_free (fx->last_ua);
  g_free (fx->last_accept);
  current = NULL;
}

static void
test_ok (Fixture *fx, gconstpointer data)
{
  g_autoptr (LedeHttp) http = lede_http_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeHttpResponse) resp = NULL;
  g_autofree char *u = url (fx, "/article");
  gsize len;
  const char *body;

  resp = lede_http_fetch (http, u, LEDE_HTTP_ACCEPT_HTML, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (resp);
  g_assert_cmpuint (lede_http_response_get_status (resp), ==, 200);
  g_assert_false (lede_http_response_is_not_modified (resp));
  g_assert_cmpstr (lede_http_response_get_uri (resp), ==, u);
  g_assert_cmpstr (lede_http_response_get_content_type (resp), ==, "text/html");
  g_assert_cmpstr (lede_http_response_get_charset (resp), ==, "ISO-8859-1");
  g_assert_cmpstr (lede_http_response_get_etag (resp), ==, ARTICLE_ETAG);
  g_assert_cmpstr (lede_http_response_get_last_modified (resp), ==, ARTICLE_DATE);
  g_assert_cmpstr (lede_http_response_get_header (resp, "Server"), ==, "lede-test");
  body = g_bytes_get_data (lede_http_response_get_body (resp), &len);
  g_assert_cmpmem (body, len, ARTICLE_BODY, strlen (ARTICLE_BODY));
  g_assert_cmpuint (lede_http_response_get_n_redirects (resp), ==, 0);

  /* Sites see who asks, and what Lede wants. */
  g_assert_cmpstr (fx->last_ua, ==, LEDE_HTTP_USER_AGENT);
  g_assert_cmpstr (fx->last_accept, ==, LEDE_HTTP_ACCEPT_HTML);
}

static void
test_not_modified (Fixture *fx, gconstpointer data)
{
  g_autoptr (LedeHttp) http = lede_http_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeHttpResponse) resp = NULL;
  g_autoptr (LedeHttpResponse) again = NULL;
  g_autoptr (LedeHttpResponse) stale = NULL;
  g_autofree char *u = url (fx, "/article");

  resp = lede_http_fetch (http, u, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  again = lede_http_fetch (http, u, NULL, lede_http_response_get_etag (resp),
                           lede_http_response_get_last_modified (resp), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lede_http_response_is_not_modified (again));
  g_assert_cmpuint (lede_http_response_get_status (again), ==, 304);
  g_assert_cmpuint (g_bytes_get_size (lede_http_response_get_body (again)), ==, 0);
  g_assert_cmpstr (lede_http_response_get_etag (again), ==, ARTICLE_ETAG);
  g_assert_cmpstr (lede_http_response_get_last_modified (again), ==, ARTICLE_DATE);

  /* An old validator gets the full body again. */
  stale = lede_http_fetch (http, u, NULL, "\"v0\"", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (lede_http_response_is_not_modified (stale));
  g_assert_cmpuint (g_bytes_get_size (lede_http_response_get_body (stale)), ==, strlen (ARTICLE_BODY));
}

static void
test_redirects (Fixture *fx, gconstpointer data)
{
  g_autoptr (LedeHttp) http = lede_http_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeHttpResponse) resp = NULL;
  g_autofree char *chain3 = url (fx, "/chain/3");
  g_autofree char *chain9 = url (fx, "/chain/9");
  g_autofree char *final = url (fx, "/article");
  g_autofree char *loop = url (fx, "/loop-a");
  g_autofree char *ftp = url (fx, "/to-ftp");

  lede_http_set_max_redirects (http, 5);
  resp = lede_http_fetch (http, chain3, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lede_http_response_get_n_redirects (resp), ==, 4);
  g_assert_cmpstr (lede_http_response_get_uri (resp), ==, final);

  g_clear_pointer (&resp, lede_http_response_unref);
  resp = lede_http_fetch (http, chain9, NULL, NULL, NULL, NULL, &error);
  g_assert_error (error, LEDE_HTTP_ERROR, LEDE_HTTP_ERROR_TOO_MANY_REDIRECTS);
  g_assert_nonnull (strstr (error->message, "more than 5 times"));
  g_assert_null (resp);
  g_clear_error (&error);

  resp = lede_http_fetch (http, loop, NULL, NULL, NULL, NULL, &error);
  g_assert_error (error, LEDE_HTTP_ERROR, LEDE_HTTP_ERROR_TOO_MANY_REDIRECTS);
  g_assert_nonnull (strstr (error->message, "loop"));
  g_clear_error (&error);

  resp = lede_http_fetch (http, ftp, NULL, NULL, NULL, NULL, &error);
  g_assert_error (error, LEDE_HTTP_ERROR, LEDE_HTTP_ERROR_INVALID_URI);
  g_assert_null (resp);
}

static void
test_too_large (Fixture *fx, gconstpointer data)
{
  g_autoptr (LedeHttp) http = lede_http_new ();
  const char *paths[] = { "/big", "/big-chunked" };

  lede_http_set_max_size (http, 100 * 1024);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (LedeHttpResponse) resp = NULL;
      g_autofree char *u = url (fx, paths[i]);

      resp = lede_http_fetch (http, u, NULL, NULL, NULL, NULL, &error);
      g_assert_error (error, LEDE_HTTP_ERROR, LEDE_HTTP_ERROR_TOO_LARGE);
      g_assert_nonnull (strstr (error->message, "larger than the limit"));
      g_assert_null (resp);
    }

  /* The same body within a larger limit arrives whole. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (LedeHttpResponse) resp = NULL;
    g_autofree char *u = url (fx, "/big-chunked");
    lede_http_set_max_size (http, 256 * 1024);
    resp = lede_http_fetch (http, u, NULL, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_bytes_get_size (lede_http_response_get_body (resp)), ==, 256 * 1024);
  }
}

static gboolean
tick_cb (gpointer data)
{
  gint64 *ticks = data; /* [0] last tick, [1] largest gap */
  gint64 now = g_get_monotonic_time ();
  if (ticks[0] != 0)
    ticks[1] = MAX (ticks[1], now - ticks[0]);
  ticks[0] = now;
  return G_SOURCE_CONTINUE;
}

static void
huge_cb (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer data)
{
  static char *body = NULL;
  gsize size = 32 * 1024 * 1024;

  /* Built once: the test measures the client, not the server. */
  if (body == NULL)
    body = g_malloc0 (size);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  if (g_str_equal (path, "/huge-chunked"))
    {
      SoupMessageBody *b = soup_server_message_get_response_body (msg);
      soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                         SOUP_ENCODING_CHUNKED);
      for (gsize off = 0; off < size; off += 1024 * 1024)
        soup_message_body_append (b, SOUP_MEMORY_STATIC, body + off, 1024 * 1024);
      soup_message_body_complete (b);
    }
  else
    soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, body, size);
}

static void
test_too_large_never_blocks (Fixture *fx, gconstpointer data)
{
  /* Refusing a 32 MB body must not read it: the main loop keeps running. */
  g_autoptr (LedeHttp) http = lede_http_new ();
  const char *paths[] = { "/huge", "/huge-chunked" };
  gint64 ticks[2] = { 0, 0 };
  guint tick;

  soup_server_add_handler (fx->server, "/huge", huge_cb, fx, NULL);
  soup_server_add_handler (fx->server, "/huge-chunked", huge_cb, fx, NULL);
  lede_http_set_max_size (http, 64 * 1024);
  tick = g_timeout_add (5, tick_cb, ticks);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *u = url (fx, paths[i % 2]);
      g_autoptr (LedeHttpResponse) resp = lede_http_fetch (http, u, NULL, NULL, NULL, NULL, &error);
      g_assert_error (error, LEDE_HTTP_ERROR, LEDE_HTTP_ERROR_TOO_LARGE);
    }
  /* Let the dropped responses be closed. */
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_source_remove (tick);
  g_test_message ("largest main loop gap: %" G_GINT64_FORMAT " µs", ticks[1]);
  g_assert_cmpint (ticks[1], <, 200 * 1000);
}

static void
test_connect_timeout (Fixture *fx, gconstpointer data)
{
  g_autoptr (LedeHttp) http = lede_http_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeHttpResponse) resp = NULL;
  g_autofree char *u = url (fx, "/hang");
  gint64 start = g_get_monotonic_time ();

  lede_http_set_connect_timeout (http, 1);
  resp = lede_http_fetch (http, u, NULL, NULL, NULL, NULL, &error);
  g_assert_error (error, LEDE_HTTP_ERROR, LEDE_HTTP_ERROR_TIMEOUT);
  g_assert_nonnull (strstr (error->message, "did not answer within 1 second"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}

static void
test_total_timeout (Fixture *fx, gconstpointer data)
{
  g_autoptr (LedeHttp) http = lede_http_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeHttpResponse) resp = NULL;
  g_autofree char *u = url (fx, "/trickle");
  gint64 start = g_get_monotonic_time ();

  /* Bytes keep coming, so no socket operation times out: the total one must. */
  lede_http_set_connect_timeout (http, 5);
  lede_http_set_timeout (http, 1);
  resp = lede_http_fetch (http, u, NULL, NULL, NULL, NULL, &error);
  g_assert_error (error, LEDE_HTTP_ERROR, LEDE_HTTP_ERROR_TIMEOUT);
  g_assert_nonnull (strstr (error->message, "took longer than 1 second"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 4 * G_USEC_PER_SEC);
}

static guint16
unused_port (void)
{
  g_autoptr (GSocket) sock = NULL;
  g_autoptr (GInetAddress) lo = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) addr = g_inet_socket_address_new (lo, 0);
  g_autoptr (GSocketAddress) bound = NULL;
  g_autoptr (GError) error = NULL;

  sock = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (sock, addr, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (sock, &error);
  g_assert_no_error (error);
  /* Bound but never listening: connecting is refused. */
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
test_unreachable (Fixture *fx, gconstpointer data)
{
  g_autoptr (LedeHttp) http = lede_http_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeHttpResponse) resp = NULL;
  g_autofree char *u = g_strdup_printf ("http://127.0.0.1:%u/feed.xml", unused_port ());

  resp = lede_http_fetch (http, u, NULL, NULL, NULL, NULL, &error);
  g_assert_error (error, LEDE_HTTP_ERROR, LEDE_HTTP_ERROR_CANNOT_CONNECT);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  g_assert_null (resp);
}

static void
test_status (Fixture *fx, gconstpointer data)
{
  g_autoptr (LedeHttp) http = lede_http_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeHttpResponse) resp = NULL;
  g_autofree char *missing = url (fx, "/missing");
  g_autofree char *gone = url (fx, "/gone");

  resp = lede_http_fetch (http, missing, NULL, NULL, NULL, NULL, &error);
  g_assert_error (error, LEDE_HTTP_ERROR, LEDE_HTTP_ERROR_HTTP_STATUS);
  g_assert_nonnull (strstr (error->message, "404 Not Found"));
  g_clear_error (&error);
  resp = lede_http_fetch (http, gone, NULL, NULL, NULL, NULL, &error);
  g_assert_error (error, LEDE_HTTP_ERROR, LEDE_HTTP_ERROR_HTTP_STATUS);
  g_assert_nonnull (strstr (error->message, "410"));
}

static void
test_invalid_uri (void)
{
  g_autoptr (LedeHttp) http = lede_http_new ();
  const char *bad[]
    = { "ftp://example.org/file", "not a url", "", "http://", "javascript:alert(1)", "file:///etc/passwd" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (LedeHttpResponse) resp = lede_http_fetch (http, bad[i], NULL, NULL, NULL, NULL, &error);
      g_assert_error (error, LEDE_HTTP_ERROR, LEDE_HTTP_ERROR_INVALID_URI);
      g_assert_null (resp);
    }
}

static void
cancel_done_cb (GObject *object, GAsyncResult *result, gpointer data)
{
  GError **out = data;
  g_autoptr (LedeHttpResponse) resp = lede_http_fetch_finish (LEDE_HTTP (object), result, out);
  g_assert_null (resp);
}

static gboolean
cancel_later (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (Fixture *fx, gconstpointer data)
{
  g_autoptr (LedeHttp) http = lede_http_new ();
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GCancellable) queued = g_cancellable_new ();
  g_autofree char *u = url (fx, "/hang");
  g_autofree char *ok_url = url (fx, "/article");
  GError *error = NULL;
  GError *queued_error = NULL;
  g_autoptr (LedeHttpResponse) resp = NULL;
  g_autoptr (GError) ok_error = NULL;
  gint64 start = g_get_monotonic_time ();

  /* One slot: the second request waits, and is cancelled while it waits. */
  lede_http_set_max_concurrent (http, 1);
  lede_http_fetch_async (http, u, NULL, NULL, NULL, cancellable, cancel_done_cb, &error);
  lede_http_fetch_async (http, u, NULL, NULL, NULL, queued, cancel_done_cb, &queued_error);
  g_timeout_add (100, cancel_later, queued);
  g_timeout_add (300, cancel_later, cancellable);
  while (error == NULL || queued_error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_error (queued_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
  g_clear_error (&error);
  g_clear_error (&queued_error);

  /* The slot was given back. */
  resp = lede_http_fetch (http, ok_url, NULL, NULL, NULL, NULL, &ok_error);
  g_assert_no_error (ok_error);
  g_assert_nonnull (resp);

  /* Already cancelled: fails without a request. */
  {
    g_autoptr (GError) e = NULL;
    g_autoptr (LedeHttpResponse) r = NULL;
    guint before = fx->n_requests;
    r = lede_http_fetch (http, ok_url, NULL, NULL, NULL, cancellable, &e);
    g_assert_error (e, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint (fx->n_requests, ==, before);
  }
}

typedef struct
{
  guint n_done;
  guint n_ok;
} ConcurrentState;

static void
concurrent_cb (GObject *object, GAsyncResult *result, gpointer data)
{
  ConcurrentState *state = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeHttpResponse) resp = lede_http_fetch_finish (LEDE_HTTP (object), result, &error);
  g_assert_no_error (error);
  state->n_done++;
  if (resp != NULL && lede_http_response_get_status (resp) == 200)
    state->n_ok++;
}

static void
test_concurrency (Fixture *fx, gconstpointer data)
{
  g_autoptr (LedeHttp) http = lede_http_new ();
  g_autofree char *u = url (fx, "/delay");
  ConcurrentState state = { 0 };

  lede_http_set_max_concurrent (http, 3);
  for (guint i = 0; i < 10; i++)
    lede_http_fetch_async (http, u, NULL, NULL, NULL, NULL, concurrent_cb, &state);
  while (state.n_done < 10)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (state.n_ok, ==, 10);
  /* Never more than the bound, and more than one at a time. */
  g_assert_cmpuint (fx->max_running, <=, 3);
  g_assert_cmpuint (fx->max_running, >=, 2);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* The local server is reached directly, whatever proxy the environment names. */
  g_setenv ("no_proxy", "127.0.0.1,localhost", TRUE);
  g_setenv ("NO_PROXY", "127.0.0.1,localhost", TRUE);

  g_test_add ("/lede/reader/http/ok", Fixture, NULL, fixture_setup, test_ok, fixture_teardown);
  g_test_add ("/lede/reader/http/not-modified", Fixture, NULL, fixture_setup, test_not_modified,
              fixture_teardown);
  g_test_add ("/lede/reader/http/redirects", Fixture, NULL, fixture_setup, test_redirects, fixture_teardown);
  g_test_add ("/lede/reader/http/too-large", Fixture, NULL, fixture_setup, test_too_large, fixture_teardown);
  g_test_add ("/lede/reader/http/too-large-never-blocks", Fixture, NULL, fixture_setup,
              test_too_large_never_blocks, fixture_teardown);
  g_test_add ("/lede/reader/http/connect-timeout", Fixture, NULL, fixture_setup, test_connect_timeout,
              fixture_teardown);
  g_test_add ("/lede/reader/http/total-timeout", Fixture, NULL, fixture_setup, test_total_timeout,
              fixture_teardown);
  g_test_add ("/lede/reader/http/unreachable", Fixture, NULL, fixture_setup, test_unreachable,
              fixture_teardown);
  g_test_add ("/lede/reader/http/status", Fixture, NULL, fixture_setup, test_status, fixture_teardown);
  g_test_add_func ("/lede/reader/http/invalid-uri", test_invalid_uri);
  g_test_add ("/lede/reader/http/cancel", Fixture, NULL, fixture_setup, test_cancel, fixture_teardown);
  g_test_add ("/lede/reader/http/concurrency", Fixture, NULL, fixture_setup, test_concurrency,
              fixture_teardown);

  return g_test_run ();
}
