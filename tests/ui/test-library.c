/* test-library.c: drives the window's news library under Xvfb against a feed served on loopback. */
#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "lede-actor-card.h"
#include "lede-application.h"
#include "lede-item-list-model.h"
#include "lede-library.h"
#include "lede-library-context.h"
#include "lede-library-sidebar.h"
#include "lede-welcome-page.h"
#include "lede-window.h"
#include "ui-test-util.h"

static LedeApplication *app;
static LedeWindow *window;
static SoupServer *server;
static char *base;
static char *data_dir;

/* ---- helpers ---- */

static LedeLibrarySidebar *
sidebar (void)
{
  return lede_window_get_sidebar (window);
}

static gboolean
sidebar_is_idle (gpointer data)
{
  return !lede_library_sidebar_get_busy (sidebar ());
}

static void
wait_sidebar (void)
{
  /* Reloads are queued a moment after changes; let them start before waiting for the end. */
  ui_test_spin (400);
  g_assert_true (ui_test_run_until (sidebar_is_idle, NULL, 30));
}

static gboolean
window_is_idle (gpointer data)
{
  return !lede_window_get_busy (window);
}

/* The fixture with @BASE@ replaced by the server's address. */
static char *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) parts = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  parts = g_strsplit (text, "@BASE@", -1);
  return g_strjoinv (base, parts);
}

/* ---- the server ---- */

static gboolean
answer_slowly_cb (gpointer user_data)
{
  g_autoptr (SoupServerMessage) msg = user_data;
  g_autofree char *body = load_fixture ("wire.atom");

  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/atom+xml", SOUP_MEMORY_COPY, body, strlen (body));
  soup_server_message_unpause (msg);
  return G_SOURCE_REMOVE;
}

static void
serve_cb (SoupServer *srv, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer user_data)
{
  const char *fixture = NULL;
  const char *type = "text/html; charset=utf-8";
  g_autofree char *body = NULL;

  if (g_str_equal (path, "/slow.atom"))
    {
      /* A feed that takes three seconds to answer. */
      soup_server_message_pause (msg);
      g_timeout_add_seconds (3, answer_slowly_cb, g_object_ref (msg));
      return;
    }
  if (g_str_equal (path, "/harbour.rss"))
    fixture = "harbour.rss", type = "application/rss+xml";
  else if (g_str_equal (path, "/wire.atom"))
    fixture = "wire.atom", type = "application/atom+xml";
  else if (g_str_equal (path, "/articles/ferry-strike.html")
           || g_str_equal (path, "/reprint/ferry-strike.html"))
    fixture = "ferry-strike.html";
  else if (g_str_equal (path, "/go/ferry-strike"))
    {
      /* A short link to the page the harbour feed links to. */
      g_autofree char *to = g_strconcat (base, "/articles/ferry-strike.html", NULL);
      soup_server_message_set_redirect (msg, 302, to);
      return;
    }
  else if (g_str_equal (path, "/articles/ferry-talks.html"))
    fixture = "ferry-talks.html";
  else if (g_str_equal (path, "/broken.xml"))
    {
      /* A feed URL that answers with something that is not a feed. */
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/rss+xml", SOUP_MEMORY_STATIC, "<rss><channel><titl",
                                        19);
      return;
    }
  if (fixture == NULL)
    {
      soup_server_message_set_status (msg, 404, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "Not here", 8);
      return;
    }
  body = load_fixture (fixture);
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, type, SOUP_MEMORY_COPY, body, strlen (body));
}

static void
start_server (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  GSList *uris;

  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, serve_cb, NULL, NULL);
  g_assert_true (soup_server_listen (server, address, 0, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
}

/* ---- tests ---- */

/* The message dialog showing (a dialog answered before may linger a moment while it closes). */
static GtkWindow *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w))
          && g_object_get_data (G_OBJECT (w), "answered") == NULL)
        return w;
    }
  return NULL;
}

static void
respond (GtkWindow *dialog, const char *response)
{
  g_object_set_data (G_OBJECT (dialog), "answered", GINT_TO_POINTER (1));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

static guint
n_items (void)
{
  return g_list_model_get_n_items (G_LIST_MODEL (lede_library_sidebar_get_items (sidebar ())));
}

static LedeStoreFeed *
feed_by_url (const char *suffix)
{
  GPtrArray *feeds = lede_library_sidebar_get_feeds (sidebar ());

  for (guint i = 0; feeds != NULL && i < feeds->len; i++)
    if (g_str_has_suffix (((LedeStoreFeed *) feeds->pdata[i])->url, suffix))
      return feeds->pdata[i];
  return NULL;
}

static void
test_welcome (void)
{
  GtkWidget *welcome = ui_test_find_widget (GTK_WIDGET (window), LEDE_TYPE_WELCOME_PAGE);

  /* A first run: nothing open, an empty library, the welcome page with its three ways in. */
  wait_sidebar ();
  g_assert_nonnull (welcome);
  g_assert_cmpstr (lede_window_get_page (window), ==, "empty");
  g_assert_true (gtk_widget_get_mapped (welcome));
  g_assert_cmpuint (lede_library_sidebar_get_feeds (sidebar ())->len, ==, 0);
  /* Its buttons' actions are there. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "library.add-feed", NULL));
  g_assert_true (ui_test_run_until (dialog_shown, NULL, 10));
  ui_test_save_screenshot (GTK_WIDGET (window), "library-welcome");
  respond (find_dialog (), "cancel");
}

static gboolean
library_idle (gpointer data)
{
  return !lede_library_get_indexing (lede_library_get_for_object (window));
}

static void
test_add_and_refresh (void)
{
  g_autofree char *feed_url = g_strconcat (base, "/harbour.rss", NULL);
  g_autofree char *opml_path = g_build_filename (data_dir, "subscriptions.opml", NULL);
  g_autofree char *opml = load_fixture ("subscriptions.opml");
  g_autoptr (GFile) opml_file = g_file_new_for_path (opml_path);
  GtkWindow *dialog;
  GtkWidget *entry;
  LedeStoreFeed *good, *broken;

  /* Add the feed the way a person does: the action, the dialog, its entry. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "library.add-feed", NULL));
  g_assert_true (ui_test_run_until (dialog_shown, NULL, 10));
  dialog = find_dialog ();
  entry = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  g_assert_true (GTK_IS_EDITABLE (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), feed_url);
  respond (dialog, "accept");
  wait_sidebar ();

  good = feed_by_url ("/harbour.rss");
  g_assert_nonnull (good);
  g_assert_cmpstr (good->title, ==, "Harbour Gazette");
  g_assert_null (good->last_error);
  /* The new feed is selected: its three items, newest first. */
  g_assert_cmpuint (n_items (), ==, 3);
  g_assert_cmpuint (good->unread, ==, 3);

  /* A feed that breaks shows its error on its own row; the other keeps working. */
  g_assert_true (g_file_set_contents (opml_path, opml, -1, NULL));
  lede_library_sidebar_import_opml (sidebar (), opml_file);
  wait_sidebar ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "library.refresh-all", NULL));
  wait_sidebar ();
  broken = feed_by_url ("/broken.xml");
  g_assert_nonnull (broken);
  g_assert_cmpstr (broken->folder, ==, "Local");
  g_assert_nonnull (broken->last_error);
  good = feed_by_url ("/harbour.rss");
  g_assert_null (good->last_error);
  g_assert_cmpuint (good->total, ==, 3);
  /* The wire's items carry their full text: analysed in the background after the refresh. */
  g_assert_nonnull (feed_by_url ("/wire.atom"));
  g_assert_null (feed_by_url ("/wire.atom")->last_error);
  ui_test_save_screenshot (GTK_WIDGET (window), "library-feeds");

  /* The harbour feed carries only summaries: with "Download full articles" on (the default), its
   * pages are fetched in the background, to be read offline; the page that is gone is noted so. */
  g_assert_true (lede_library_get_fetch_full_articles (lede_library_get_for_object (window)));
  g_assert_true (ui_test_run_until (library_idle, NULL, 60));
  {
    LedeStore *store = lede_library_get_store (lede_library_get_for_object (window));
    g_autofree char *talks_url = g_strconcat (base, "/articles/ferry-talks.html", NULL);
    g_autofree char *gone_url = g_strconcat (base, "/articles/gone.html", NULL);
    g_autoptr (LedeStoreArticle) talks
      = lede_store_get_article (store, lede_store_find_item_by_url (store, talks_url, 0), NULL);
    g_autoptr (LedeStoreArticle) gone
      = lede_store_get_article (store, lede_store_find_item_by_url (store, gone_url, 0), NULL);

    g_assert_nonnull (talks);
    g_assert_null (talks->error);
    g_assert_nonnull (strstr (talks->text, "Maria Lindqvist"));
    g_assert_nonnull (gone);
    g_assert_nonnull (gone->error);
  }
}

/* Feeds are refreshed by themselves once they are older than the interval set in Preferences. */
static void
test_refresh_due (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  /* Every hour by default; the feeds were just refreshed, so none is due. */
  g_assert_cmpuint (g_settings_get_uint (settings, "refresh-interval"), ==, 60);
  g_assert_false (lede_library_sidebar_refresh_due (sidebar (), now));

  /* Two hours on, all are: the harbour and wire feeds are fetched again from the server. */
  g_assert_true (lede_library_sidebar_refresh_due (sidebar (), now + 2 * 3600));
  g_assert_true (lede_library_sidebar_get_busy (sidebar ()));
  wait_sidebar ();
  g_assert_cmpint (feed_by_url ("/harbour.rss")->last_checked, >=, now);
  g_assert_cmpint (feed_by_url ("/wire.atom")->last_checked, >=, now);

  /* "Only when asked": nothing is ever due. */
  g_settings_set_uint (settings, "refresh-interval", 0);
  g_assert_false (lede_library_sidebar_refresh_due (sidebar (), now + 30 * 24 * 3600));
  g_settings_reset (settings, "refresh-interval");
  g_assert_true (ui_test_run_until (library_idle, NULL, 60));
}

static guint
item_position (const char *title)
{
  LedeItemListModel *model = lede_library_sidebar_get_items (sidebar ());
  const LedeStoreItem *item;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr (LedeItemObject) object = g_list_model_get_item (G_LIST_MODEL (model), i);
      /* Rows are read a page at a time off the main thread. */
      for (guint tries = 0; lede_item_object_get_item (object) == NULL && tries < 100; tries++)
        ui_test_spin (20);
      item = lede_item_object_get_item (object);
      g_assert_nonnull (item);
      if (g_strcmp0 (item->title, title) == 0)
        return i;
    }
  return G_MAXUINT;
}

static void
open_item (const char *title)
{
  guint position = item_position (title);
  GtkGridView *view = lede_library_sidebar_get_item_view (sidebar ());

  g_assert_cmpuint (position, !=, G_MAXUINT);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "list.activate-item", "u", position));
  ui_test_spin (50);
  g_assert_true (ui_test_run_until (window_is_idle, NULL, 60));
}

static LedeLibraryContext *
context (void)
{
  return LEDE_LIBRARY_CONTEXT (
    ui_test_find_widget (GTK_WIDGET (lede_window_get_fact_panel (window)), LEDE_TYPE_LIBRARY_CONTEXT));
}

static gboolean
context_filled (gpointer data)
{
  return !lede_library_context_get_busy (context ()) && lede_library_context_get_n_articles (context ()) > 0;
}

static gboolean
indexed (gpointer data)
{
  return !lede_library_get_indexing (lede_library_sidebar_get_library (sidebar ()));
}

static void
test_open_and_context (void)
{
  LedeAnalysis *analysis;
  int actor;
  GtkListBoxRow *row;
  g_autofree char *label = NULL;

  g_assert_true (ui_test_run_until (indexed, NULL, 30));
  /* The other article first, so the library knows it names the Harbour Authority. */
  open_item ("Ferry talks resume as services return");
  analysis = lede_window_get_analysis (window);
  g_assert_nonnull (analysis);
  g_assert_cmpstr (lede_analysis_get_title (analysis), ==, "Ferry talks resume as services return");
  /* The feed had only a summary; the page's full text was fetched and extracted. */
  g_assert_nonnull (strstr (lede_analysis_get_text (analysis), "back to normal by Wednesday"));

  open_item ("Ferry crews walk out over pay");
  analysis = lede_window_get_analysis (window);
  g_assert_cmpstr (lede_analysis_get_title (analysis), ==, "Ferry crews walk out over pay");
  g_assert_cmpstr (lede_window_get_page (window), ==, "article");
  /* The fact panel is filled from the article fetched from the page. */
  g_assert_cmpuint (g_list_model_get_n_items (lede_fact_panel_get_actors (lede_window_get_fact_panel (window),
                                                                          LEDE_ACTOR_ORGANIZATION)),
                    >=, 2);
  g_assert_cmpuint (g_list_model_get_n_items (
                      lede_fact_panel_get_figures (lede_window_get_fact_panel (window))),
                    >=, 1);
  /* Opening marked both read. */
  wait_sidebar ();
  g_assert_cmpuint (feed_by_url ("/harbour.rss")->unread, ==, 1);

  actor = lede_analysis_find_actor (analysis, "Harbour Authority");
  g_assert_cmpint (actor, >=, 0);
  lede_fact_panel_select_actor (lede_window_get_fact_panel (window), actor);
  g_assert_true (ui_test_run_until (context_filled, NULL, 20));
  /* The article opened before, and the wire's item analysed in the background, never opened. */
  g_assert_cmpuint (lede_library_context_get_n_articles (context ()), ==, 2);
  row = gtk_list_box_get_row_at_index (lede_library_context_get_article_list (context ()), 0);
  {
    GtkWidget *title = gtk_widget_get_first_child (gtk_list_box_row_get_child (row));
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (title)), ==, "Port budget questioned by auditors");
  }
  row = gtk_list_box_get_row_at_index (lede_library_context_get_article_list (context ()), 1);
  g_assert_nonnull (row);
  {
    GtkWidget *title = gtk_widget_get_first_child (gtk_list_box_row_get_child (row));
    label = g_strdup (gtk_label_get_label (GTK_LABEL (title)));
  }
  g_assert_cmpstr (label, ==, "Ferry talks resume as services return");
  /* 40 ferries here (the Harbour Authority) beside 25 there (the union). */
  g_assert_cmpuint (lede_library_context_get_n_figures (context ()), ==, 1);
  /* Let the panel's stack finish its transition to the card. */
  ui_test_spin (800);
  ui_test_save_screenshot (GTK_WIDGET (window), "library-in-your-library");

  /* Clicking the other article opens it. */
  g_signal_emit_by_name (lede_library_context_get_article_list (context ()), "row-activated", row);
  ui_test_spin (50);
  g_assert_true (ui_test_run_until (window_is_idle, NULL, 60));
  g_assert_cmpstr (lede_analysis_get_title (lede_window_get_analysis (window)), ==,
                   "Ferry talks resume as services return");
}

static void
test_summary_only (void)
{
  LedeAnalysis *analysis;

  /* The page is gone (404): the feed's summary is shown instead, and the window says why. */
  open_item ("Lighthouse keeper retires after forty years");
  analysis = lede_window_get_analysis (window);
  g_assert_cmpstr (lede_analysis_get_title (analysis), ==, "Lighthouse keeper retires after forty years");
  g_assert_nonnull (strstr (lede_analysis_get_text (analysis), "212 steps"));
}

static void
test_open_url (void)
{
  /* The harbour feed's article, at an address no feed has. */
  g_autofree char *url = g_strconcat (base, "/reprint/ferry-strike.html", NULL);
  g_autofree char *short_link = g_strconcat (base, "/go/ferry-strike", NULL);
  g_autofree char *missing = g_strconcat (base, "/nothing-here", NULL);
  LedeLibrary *news = lede_library_get_for_object (window);
  g_autoptr (LedeStoreItem) item = NULL;
  LedeAnalysis *before;
  guint harbour_total;

  lede_window_open_url (window, url);
  ui_test_spin (50);
  g_assert_true (ui_test_run_until (window_is_idle, NULL, 60));
  g_assert_cmpstr (lede_analysis_get_title (lede_window_get_analysis (window)), ==,
                   "Ferry crews walk out over pay");
  g_assert_nonnull (strstr (lede_analysis_get_text (lede_window_get_analysis (window)), "40 ferries"));
  /* The navigation and the share widget are not part of the article. */
  g_assert_null (strstr (lede_analysis_get_text (lede_window_get_analysis (window)), "Share this story"));
  /* The page is kept in the library, under its web pages, searchable and indexed. */
  wait_sidebar ();
  g_assert_nonnull (feed_by_url ("lede:web-pages"));
  g_assert_cmpuint (feed_by_url ("lede:web-pages")->total, ==, 1);

  /* At the address the harbour feed has it under (here through a short link that redirects there),
   * the page is the feed's item, read now and with its full text: nothing is stored twice. */
  harbour_total = feed_by_url ("/harbour.rss")->total;
  lede_window_open_url (window, short_link);
  ui_test_spin (50);
  g_assert_true (ui_test_run_until (window_is_idle, NULL, 60));
  g_assert_cmpstr (lede_analysis_get_title (lede_window_get_analysis (window)), ==,
                   "Ferry crews walk out over pay");
  wait_sidebar ();
  g_assert_cmpuint (feed_by_url ("lede:web-pages")->total, ==, 1);
  g_assert_cmpuint (feed_by_url ("/harbour.rss")->total, ==, harbour_total);
  item = lede_store_get_item (lede_library_get_store (news), lede_library_get_current_item (news), NULL);
  g_assert_nonnull (item);
  g_assert_cmpint (item->feed_id, ==, feed_by_url ("/harbour.rss")->id);
  g_assert_true (item->read);

  /* A page that is not there keeps the article that was showing. */
  before = lede_window_get_analysis (window);
  lede_window_open_url (window, missing);
  ui_test_spin (50);
  g_assert_true (ui_test_run_until (window_is_idle, NULL, 60));
  g_assert_true (lede_window_get_analysis (window) == before);
}

static void
test_search_and_star (void)
{
  GtkSearchEntry *search
    = GTK_SEARCH_ENTRY (ui_test_find_widget (GTK_WIDGET (sidebar ()), GTK_TYPE_SEARCH_ENTRY));
  GtkGridView *view = lede_library_sidebar_get_item_view (sidebar ());
  g_autoptr (LedeItemObject) object = NULL;

  gtk_editable_set_text (GTK_EDITABLE (search), "lighthouse");
  g_signal_emit_by_name (search, "search-changed");
  wait_sidebar ();
  g_assert_cmpuint (n_items (), ==, 1);
  g_assert_cmpuint (item_position ("Lighthouse keeper retires after forty years"), ==, 0);

  /* Select the row and star it from the keyboard's action. */
  gtk_selection_model_select_item (gtk_grid_view_get_model (view), 0, TRUE);
  object = g_list_model_get_item (G_LIST_MODEL (lede_library_sidebar_get_items (sidebar ())), 0);
  g_assert_false (lede_item_object_get_starred (object));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "library.toggle-star", NULL));
  g_assert_true (lede_item_object_get_starred (object));
  wait_sidebar ();
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_signal_emit_by_name (search, "search-changed");
  wait_sidebar ();
  /* Every row of the feed is back, read state and star from the store. */
  g_assert_cmpuint (n_items (), ==, 3);
  ui_test_save_screenshot (GTK_WIDGET (window), "library-search");
}

static void
remove_data_dir (void)
{
  g_autofree char *dir = g_build_filename (data_dir, "lede", NULL);
  g_autofree char *opml = g_build_filename (data_dir, "subscriptions.opml", NULL);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  /* The store's files: library.db and its -wal and -shm. */
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
  g_unlink (opml);
  g_rmdir (data_dir);
}

static void
test_slow_feed (void)
{
  g_autofree char *feed = g_strconcat (base, "/slow.atom", NULL);
  g_autofree char *page = g_strconcat (base, "/articles/ferry-talks.html", NULL);
  gint64 start = g_get_monotonic_time ();

  /* While a feed takes its time, the window opens an article from the web. */
  lede_library_sidebar_add_feed (sidebar (), feed);
  lede_window_open_url (window, page);
  ui_test_spin (50);
  g_assert_true (ui_test_run_until (window_is_idle, NULL, 60));
  g_assert_cmpstr (lede_analysis_get_title (lede_window_get_analysis (window)), ==,
                   "Ferry talks resume as services return");
  g_assert_true (lede_library_sidebar_get_busy (sidebar ()));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
  wait_sidebar ();
  g_assert_nonnull (feed_by_url ("/slow.atom"));
}

static void
answer_dialog (const char *text, const char *response)
{
  GtkWindow *dialog;

  g_assert_true (ui_test_run_until (dialog_shown, NULL, 10));
  dialog = find_dialog ();
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog))),
                           text);
  respond (dialog, response);
  wait_sidebar ();
}

/* Right-clicks the row of the feed whose URL ends in @suffix; returns the menu that opens. */
static GtkWidget *
right_click_feed (const char *suffix)
{
  GtkWidget *list = ui_test_find_widget (GTK_WIDGET (sidebar ()), GTK_TYPE_LIST_BOX);
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (list);
  const char *title = feed_by_url (suffix)->title;
  /* The feed menu is the sidebar's last child (the menu button has a popover menu too). */
  GtkWidget *menu = gtk_widget_get_last_child (GTK_WIDGET (sidebar ()));
  GtkListBoxRow *row;

  /* Rows rebuilt by the last reload are laid out at the next frame. */
  ui_test_spin (300);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i)) != NULL; i++)
    {
      GtkWidget *label = ui_test_find_widget (GTK_WIDGET (row), GTK_TYPE_LABEL);
      graphene_rect_t bounds;
      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), title) != 0)
        continue;
      g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (row), list, &bounds));
      for (guint j = 0; j < g_list_model_get_n_items (controllers); j++)
        {
          g_autoptr (GObject) controller = g_list_model_get_item (controllers, j);
          if (GTK_IS_GESTURE_CLICK (controller)
              && gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == GDK_BUTTON_SECONDARY)
            {
              double y = bounds.origin.y + bounds.size.height / 2;
              g_signal_emit_by_name (controller, "pressed", 1, 10.0, y);
            }
        }
      return menu;
    }
  return NULL;
}

static void
test_rename_remove_export (void)
{
  g_autofree char *path = g_build_filename (data_dir, "exported.opml", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *opml = NULL;
  GtkWidget *menu;

  /* A right click on a feed opens its menu and selects it, so the menu acts on it. */
  menu = right_click_feed ("/broken.xml");
  g_assert_true (GTK_IS_POPOVER_MENU (menu));
  g_assert_true (gtk_widget_get_visible (menu));
  gtk_popover_popdown (GTK_POPOVER (menu));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "library.rename-feed", NULL));
  answer_dialog ("Not a Feed", "accept");
  g_assert_cmpstr (feed_by_url ("/broken.xml")->title, ==, "Not a Feed");

  /* Cancelling keeps the feed; removing takes it and leaves the others. */
  lede_library_sidebar_select_feed (sidebar (), feed_by_url ("/broken.xml")->id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "library.remove-feed", NULL));
  answer_dialog (NULL, "cancel");
  g_assert_nonnull (feed_by_url ("/broken.xml"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "library.remove-feed", NULL));
  answer_dialog (NULL, "remove");
  g_assert_null (feed_by_url ("/broken.xml"));
  g_assert_nonnull (feed_by_url ("/harbour.rss"));

  lede_library_sidebar_export_opml (sidebar (), file);
  wait_sidebar ();
  g_assert_true (g_file_get_contents (path, &opml, NULL, NULL));
  g_assert_nonnull (strstr (opml, "/harbour.rss"));
  g_assert_nonnull (strstr (opml, "/wire.atom"));
  g_assert_null (strstr (opml, "/broken.xml"));
  g_assert_null (strstr (opml, "lede:web-pages"));
  g_unlink (path);
}

static gboolean
all_loaded (gpointer data)
{
  LedeItemListModel *model = data;
  g_autoptr (LedeItemObject) last
    = g_list_model_get_item (G_LIST_MODEL (model), g_list_model_get_n_items (G_LIST_MODEL (model)) - 1);
  return lede_item_object_get_item (last) != NULL;
}

static gboolean
row_loaded (gpointer data)
{
  return lede_item_object_get_item (data) != NULL;
}

static void
test_virtual_list (void)
{
  g_autofree char *db = g_build_filename (data_dir, "big.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeStore) store = lede_store_new (db, &error);
  g_autoptr (LedeFeed) feed = g_new0 (LedeFeed, 1);
  g_autoptr (GArray) ids = NULL;
  g_autoptr (LedeItemListModel) model = NULL;
  gint64 feed_id;
  const guint n = 20000;

  g_assert_no_error (error);
  feed_id = lede_store_add_feed (store, "http://127.0.0.1:9/big.xml", "Big", NULL, &error);
  g_assert_no_error (error);
  feed->title = g_strdup ("Big");
  feed->items = g_ptr_array_new_with_free_func ((GDestroyNotify) lede_feed_item_free);
  for (guint i = 0; i < n; i++)
    {
      LedeFeedItem *item = g_new0 (LedeFeedItem, 1);
      item->guid = g_strdup_printf ("big-%u", i);
      item->title = g_strdup_printf ("Article number %u", i);
      item->published = 1700000000 + i;
      g_ptr_array_add (feed->items, item);
    }
  g_assert_true (lede_store_save_feed (store, feed_id, feed, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  ids = lede_store_list_item_ids (store, LEDE_STORE_SCOPE_ALL, 0, &error);
  g_assert_cmpuint (ids->len, ==, n);

  /* Every row exists; only the rows asked for are made, and only a bounded number are kept. */
  model = lede_item_list_model_new (store);
  lede_item_list_model_set_ids (model, (gint64 *) ids->data, ids->len);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);
  g_assert_cmpuint (lede_item_list_model_get_n_cached (model), ==, 0);
  for (guint i = 0; i < n; i += 7)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
  g_assert_cmpuint (lede_item_list_model_get_n_cached (model), <=, 2048 + 1);
  /* Newest first, and the records arrive off the main thread. */
  g_assert_true (ui_test_run_until (all_loaded, model, 20));
  {
    g_autoptr (LedeItemObject) first = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_assert_true (ui_test_run_until (row_loaded, first, 20));
    g_assert_cmpstr (lede_item_object_get_item (first)->title, ==, "Article number 19999");
  }
  g_clear_object (&model);
  g_clear_object (&store);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
    g_unlink (db);
  }
}

static gboolean
standalone_idle (gpointer data)
{
  return !lede_library_sidebar_get_busy (data);
}

static void
test_widgets_finalize (void)
{
  g_autofree char *db = g_build_filename (data_dir, "standalone.db", NULL);
  LedeLibrary *library;
  GtkWidget *widget;

  /* A library that cannot be opened (the path is a directory) says so and does nothing else. */
  library = lede_library_new (data_dir);
  g_assert_nonnull (lede_library_get_error (library));
  widget = g_object_ref_sink (lede_library_sidebar_new (library));
  g_assert_false (lede_library_sidebar_get_busy (LEDE_LIBRARY_SIDEBAR (widget)));
  g_assert_cmpuint (n_items (), >, 0); /* the window's own library is untouched */
  g_assert_finalize_object (widget);
  g_assert_finalize_object (library);

  /* A working one: the sidebar, its list and its menus go away with it. */
  library = lede_library_new (db);
  g_assert_null (lede_library_get_error (library));
  widget = g_object_ref_sink (lede_library_sidebar_new (library));
  g_assert_true (ui_test_run_until (standalone_idle, widget, 20));
  g_assert_finalize_object (widget);
  g_assert_finalize_object (library);

  widget = g_object_ref_sink (lede_library_context_new ());
  lede_library_context_set_actor (LEDE_LIBRARY_CONTEXT (widget), NULL, 0);
  g_assert_finalize_object (widget);
  g_unlink (db);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  int status;

  /* A library of its own: the store lives under XDG_DATA_HOME. */
  data_dir = g_dir_make_tmp ("lede-library-test-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* The accessibility bus a test before may have started is gone by now; this test reads
   * accessible names through GTK, not AT-SPI. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  if (gdk_display_get_default () == NULL)
    {
      g_test_skip ("no display");
      return 77;
    }

  start_server ();
  app = lede_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  window = lede_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1500, 950);
  gtk_window_present (GTK_WINDOW (window));

  g_test_add_func ("/lede/ui/library/welcome", test_welcome);
  g_test_add_func ("/lede/ui/library/add-and-refresh", test_add_and_refresh);
  g_test_add_func ("/lede/ui/library/refresh-due", test_refresh_due);
  g_test_add_func ("/lede/ui/library/open-and-context", test_open_and_context);
  g_test_add_func ("/lede/ui/library/summary-only", test_summary_only);
  g_test_add_func ("/lede/ui/library/open-url", test_open_url);
  g_test_add_func ("/lede/ui/library/search-and-star", test_search_and_star);
  g_test_add_func ("/lede/ui/library/slow-feed", test_slow_feed);
  g_test_add_func ("/lede/ui/library/rename-remove-export", test_rename_remove_export);
  g_test_add_func ("/lede/ui/library/widgets-finalize", test_widgets_finalize);
  g_test_add_func ("/lede/ui/library/virtual-list", test_virtual_list);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  g_clear_object (&server);
  remove_data_dir ();
  g_free (base);
  g_free (data_dir);
  return status;
}
