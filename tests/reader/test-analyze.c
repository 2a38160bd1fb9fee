/* test-analyze.c: lede-analyze on HTML files and on URLs served by a SoupServer on 127.0.0.1, faults included. */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

static SoupServer *server;
static char *base;
static const char *cli;

typedef struct
{
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
communicate_cb (GObject *object, GAsyncResult *result, gpointer data)
{
  Run *run = data;
  g_autoptr (GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (object), result, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (G_SUBPROCESS (object));
}

/* Runs lede-analyze while this process keeps serving HTTP. */
static void
run_cli (Run *run, const char *const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GError) error = NULL;

  g_ptr_array_add (argv, (char *) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  proc = g_subprocess_newv ((const char *const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  run->out = NULL;
  run->err = NULL;
  run->status = -1;
  g_subprocess_communicate_utf8_async (proc, NULL, NULL, communicate_cb, run);
  while (run->status == -1)
    g_main_context_iteration (NULL, TRUE);
  g_test_message ("status %d\nstdout: %.300s\nstderr: %s", run->status, run->out, run->err);
}

static char *
url (const char *path)
{
  return g_strconcat (base, path, NULL);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "reader", "fixtures", name, NULL);
}

/* The "text" of the one lede.analysis/1 document on stdout. */
static char *
analysed_text (const Run *run, char **title)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root;

  json_parser_load_from_data (parser, run->out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "schema"), ==, "lede.analysis/1");
  if (title != NULL)
    *title = g_strdup (json_object_get_string_member (root, "title"));
  return g_strdup (json_object_get_string_member (root, "text"));
}

static void
assert_article_text (const Run *run)
{
  g_autofree char *title = NULL;
  g_autofree char *text = analysed_text (run, &title);

  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (title, ==, "Harbour bridge reopens after repairs");
  g_assert_true (g_str_has_prefix (text, "The Harbour Bridge reopened to traffic on Friday"));
  g_assert_nonnull (strstr (text, "said Ana Lopes"));
  g_assert_null (strstr (text, "Share on"));
  g_assert_null (strstr (text, "Comments"));
  g_assert_null (strstr (text, "<p>"));
}

static void
assert_one_error_line (const Run *run, const char *what)
{
  g_autofree char *low = g_ascii_strdown (run->err, -1);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "lede-analyze: "));
  g_assert_nonnull (strstr (low, what));
  /* Exactly one line. */
  g_assert_nonnull (strchr (run->err, '\n'));
  g_assert_cmpstr (strchr (run->err, '\n'), ==, "\n");
}

static void
test_html_file (void)
{
  g_autofree char *path = fixture_path ("article.html");
  const char *args[] = { "--format=json", path, NULL };
  g_auto (Run) run = { 0 };

  run_cli (&run, args);
  assert_article_text (&run);
}

static void
test_html_sniffed (void)
{
  /* No .html extension: the content tells. */
  g_autofree char *src = fixture_path ("article.html");
  g_autofree char *data = NULL;
  g_autofree char *tmpdir = g_dir_make_tmp ("lede-analyze-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "page.download", NULL);
  const char *args[] = { "--format=json", path, NULL };
  g_auto (Run) run = { 0 };
  gsize len;

  g_assert_true (g_file_get_contents (src, &data, &len, NULL));
  g_assert_true (g_file_set_contents (path, data, len, NULL));
  run_cli (&run, args);
  assert_article_text (&run);
  g_unlink (path);
  g_rmdir (tmpdir);
}

static void
test_text_format (void)
{
  g_autofree char *path = fixture_path ("article.html");
  const char *args[] = { path, NULL };
  g_auto (Run) run = { 0 };

  run_cli (&run, args);
  g_assert_cmpint (run.status, ==, 0);
  /* The summary names the article by the page's title. */
  g_assert_true (g_str_has_prefix (run.out, "Harbour bridge reopens after repairs\n"));
}

static void
test_url (void)
{
  g_autofree char *u = url ("/2026/bridge");
  const char *args[] = { "--format=json", u, NULL };
  g_auto (Run) run = { 0 };

  run_cli (&run, args);
  assert_article_text (&run);
}

static void
test_url_faults (void)
{
  struct
  {
    const char *path;
    const char *message;
  } cases[] = {
    { "/loop-a", "loop" },         { "/missing", "404 not found" }, { "/photo.png", "not a web page" },
    { "/sections", "no article" }, { "/empty", "empty" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *u = url (cases[i].path);
      const char *args[] = { "--format=json", u, NULL };
      g_auto (Run) run = { 0 };
      run_cli (&run, args);
      assert_one_error_line (&run, cases[i].message);
    }
}

static void
test_unreachable (void)
{
  g_autoptr (GSocket) sock = NULL;
  g_autoptr (GInetAddress) lo = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) addr = g_inet_socket_address_new (lo, 0);
  g_autoptr (GSocketAddress) bound = NULL;
  g_autofree char *u = NULL;
  g_auto (Run) run = { 0 };

  /* A port that is bound but not listening refuses connections. */
  sock = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_assert_true (g_socket_bind (sock, addr, FALSE, NULL));
  bound = g_socket_get_local_address (sock, NULL);
  u = g_strdup_printf ("http://127.0.0.1:%u/news",
                       g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  {
    const char *args[] = { u, NULL };
    run_cli (&run, args);
  }
  assert_one_error_line (&run, "could not connect");
}

static void
test_mixed (void)
{
  /* A failing URL does not stop the file after it. */
  g_autofree char *bad = url ("/missing");
  g_autofree char *path = fixture_path ("article.html");
  const char *args[] = { "--format=json", bad, path, NULL };
  g_auto (Run) run = { 0 };

  run_cli (&run, args);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.out, "{\"schema\":\"lede.analysis/1\""));
  g_assert_nonnull (strstr (run.err, "404"));
}

static void
serve_cb (SoupServer *srv, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer data)
{
  SoupMessageHeaders *resp = soup_server_message_get_response_headers (msg);

  if (g_str_equal (path, "/2026/bridge") || g_str_equal (path, "/sections"))
    {
      g_autofree char *file
        = fixture_path (g_str_equal (path, "/sections") ? "no-article.html" : "article.html");
      g_autofree char *body = NULL;
      gsize len;
      g_assert_true (g_file_get_contents (file, &body, &len, NULL));
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_COPY, body, len);
    }
  else if (g_str_equal (path, "/empty"))
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, "", 0);
    }
  else if (g_str_equal (path, "/photo.png"))
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "image/png", SOUP_MEMORY_STATIC, "\x89PNG\r\n\x1a\n", 8);
    }
  else if (g_str_equal (path, "/loop-a") || g_str_equal (path, "/loop-b"))
    {
      soup_message_headers_replace (resp, "Location", g_str_equal (path, "/loop-a") ? "/loop-b" : "/loop-a");
      soup_server_message_set_status (msg, 302, NULL);
    }
  else
    soup_server_message_set_status (msg, 404, NULL);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  GSList *uris;
  int ret;

  g_test_init (&argc, &argv, NULL);
  /* The local server is reached directly, whatever proxy the environment names. */
  g_setenv ("no_proxy", "127.0.0.1,localhost", TRUE);
  g_setenv ("NO_PROXY", "127.0.0.1,localhost", TRUE);

  cli = g_getenv ("LEDE_ANALYZE");
  if (cli == NULL)
    {
      g_test_skip ("LEDE_ANALYZE is not set");
      return g_test_run ();
    }

  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, serve_cb, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_test_add_func ("/lede/reader/analyze/html-file", test_html_file);
  g_test_add_func ("/lede/reader/analyze/html-sniffed", test_html_sniffed);
  g_test_add_func ("/lede/reader/analyze/text-format", test_text_format);
  g_test_add_func ("/lede/reader/analyze/url", test_url);
  g_test_add_func ("/lede/reader/analyze/url-faults", test_url_faults);
  g_test_add_func ("/lede/reader/analyze/unreachable", test_unreachable);
  g_test_add_func ("/lede/reader/analyze/mixed", test_mixed);

  ret = g_test_run ();
  soup_server_disconnect (server);
  g_clear_object (&server);
  g_free (base);
  return ret;
}
