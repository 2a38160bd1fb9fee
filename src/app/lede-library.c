/* lede-library.c: the window's side of the news library: opens the store, fetches and analyses items off the main thread. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lede-extract.h"
#include "lede-library.h"

/* The analyzer string the core writes into every analysis (lede_analysis_get_analyzer()). */
#define ANALYZER "lede " PACKAGE_VERSION

struct _LedeLibrary
{
  GObject parent_instance;

  LedeStore *store;
  LedeHttp *http;
  LedeRefresher *refresher;
  GError *error;
  gint64 current_item;
  GCancellable *cancellable;
  gboolean indexing;
  gboolean index_again;
  gboolean fetch_full_articles;
  GArray *to_fetch; /* gint64: summary-only items whose pages are being fetched */
  guint next_fetch;
  guint fetching;
  guint fetched;
};

G_DEFINE_FINAL_TYPE (LedeLibrary, lede_library, G_TYPE_OBJECT)

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum
{
  PROP_0,
  PROP_FETCH_FULL_ARTICLES,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * lede_library_new:
 * @path: (nullable): the database, or %NULL for the user's library
 *
 * Opening the database is quick (SQLite opens lazily; a migration is a few statements), so it is
 * done here. When it fails the library stays empty and lede_library_get_error() says why.
 */
LedeLibrary *
lede_library_new (const char *path)
{
  LedeLibrary *self = g_object_new (LEDE_TYPE_LIBRARY, NULL);

  self->store = lede_store_new (path, &self->error);
  self->http = lede_http_new ();
  if (self->store != NULL)
    self->refresher = lede_refresher_new (self->store, self->http);
  return self;
}

LedeStore *
lede_library_get_store (LedeLibrary *self)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);
  return self->store;
}

LedeRefresher *
lede_library_get_refresher (LedeLibrary *self)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);
  return self->refresher;
}

const GError *
lede_library_get_error (LedeLibrary *self)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), NULL);
  return self->error;
}

gint64
lede_library_get_current_item (LedeLibrary *self)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), 0);
  return self->current_item;
}

void
lede_library_set_current_item (LedeLibrary *self, gint64 item_id)
{
  g_return_if_fail (LEDE_IS_LIBRARY (self));
  self->current_item = item_id;
}

/* Says that feeds, items or their read state changed, so lists and counts reload. */
void
lede_library_changed (LedeLibrary *self)
{
  g_return_if_fail (LEDE_IS_LIBRARY (self));
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* The window keeps its library on itself, so widgets deep inside it (the actor card) find it from
 * their root without knowing the window's type. */
#define LIBRARY_KEY "lede-library"

LedeLibrary *
lede_library_get_for_object (gpointer object)
{
  if (object == NULL)
    return NULL;
  return g_object_get_data (G_OBJECT (object), LIBRARY_KEY);
}

void
lede_library_set_for_object (gpointer object, LedeLibrary *library)
{
  g_object_set_data_full (G_OBJECT (object), LIBRARY_KEY, library ? g_object_ref (library) : NULL,
                          g_object_unref);
}

/* ---- analysing ---- */

/* Analyses @text, or reads back the cached analysis of the same text by the same analyzer; when
 * @item_id is set, stores the analysis with the item and indexes its actors and figures. */
static LedeAnalysis *
analyse_text (LedeStore *store, gint64 item_id, const char *text, GError **error)
{
  g_autofree char *hash = lede_store_content_hash (text);
  g_autofree char *json = store ? lede_store_lookup_analysis (store, hash, ANALYZER) : NULL;
  g_autoptr (LedeAnalysis) analysis = NULL;
  g_autoptr (GError) save_error = NULL;

  if (json != NULL)
    analysis = lede_analysis_new_from_json (json, -1, NULL);
  if (analysis == NULL)
    analysis = lede_analysis_new_for_text (text, -1, NULL, LEDE_ANALYSIS_FLAGS_DETECT_TITLE,
                                           LEDE_ANALYSIS_DEFAULT_MAX_SIZE, error);
  if (analysis == NULL)
    return NULL;
  /* Saved again on a cache hit too: the same text may have come in another feed's item. */
  if (store != NULL && item_id > 0 && !lede_store_save_analysis (store, item_id, hash, analysis, &save_error))
    g_warning ("Could not store the analysis of item %" G_GINT64_FORMAT ": %s", item_id, save_error->message);
  return g_steal_pointer (&analysis);
}

static char *
join_title (const char *title, const char *body)
{
  g_autofree char *clean_title = g_strstrip (g_strdup (title ? title : ""));

  /* The title is its own line, so the core takes it as the title. */
  for (char *p = clean_title; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r')
      *p = ' ';
  if (*clean_title == '\0')
    return g_strdup (body);
  return g_strconcat (clean_title, "\n\n", body, NULL);
}

/* ---- opening an item ---- */

typedef struct
{
  gint64 item_id;
  LedeStoreItem *item;
  LedeStoreArticle *article;
  char *notice;
} OpenItem;

static void
open_item_free (OpenItem *op)
{
  g_clear_pointer (&op->item, lede_store_item_unref);
  g_clear_pointer (&op->article, lede_store_article_unref);
  g_free (op->notice);
  g_free (op);
}

/* The text of an item that is analysed, with its title: the page fetched for it (@article, when
 * that worked), else the feed's full text, else, with @summary, the feed's summary. Opening an item
 * and the background passes both take it from here, so both find the same cached analysis. */
static char *
item_text (const LedeStoreItem *item, const LedeStoreArticle *article, gboolean summary)
{
  g_autofree char *body = NULL;

  if (article != NULL && article->error == NULL && article->text != NULL && *article->text)
    body = g_strdup (article->text);
  else if (item->content != NULL && *item->content)
    body = lede_feed_html_to_text (item->content, -1);
  else if (summary && item->summary != NULL && *item->summary)
    body = lede_feed_html_to_text (item->summary, -1);
  if (body == NULL || *g_strstrip (body) == '\0')
    return NULL;
  return join_title (item->title ? item->title : (article ? article->title : NULL), body);
}

static void
analyse_item_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  LedeLibrary *self = source;
  OpenItem *op = task_data;
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  LedeAnalysis *analysis;

  if (g_task_return_error_if_cancelled (task))
    return;
  if ((text = item_text (op->item, op->article, TRUE)) == NULL)
    {
      g_task_return_new_error (task, LEDE_ANALYSIS_ERROR, LEDE_ANALYSIS_ERROR_EMPTY, "%s",
                               op->notice ? op->notice : _ ("This item has no text"));
      return;
    }
  analysis = analyse_text (self->store, op->item_id, text, &error);
  if (analysis == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!lede_store_set_read (self->store, op->item_id, TRUE, &error))
    g_warning ("Could not mark item %" G_GINT64_FORMAT " read: %s", op->item_id, error->message);
  g_task_return_pointer (task, analysis, g_object_unref);
}

static void
article_fetched_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  OpenItem *op = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  op->article = lede_refresher_fetch_article_finish (LEDE_REFRESHER (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (op->article == NULL)
    /* The feed's summary is still worth reading; say why it is all there is. */
    op->notice = g_strdup_printf (_ ("Could not fetch the full article: %s. Showing the feed’s summary."),
                                  error ? error->message : _ ("unknown error"));
  g_task_run_in_thread (task, analyse_item_thread);
}

static void
load_item_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  LedeLibrary *self = source;
  OpenItem *op = task_data;
  GError *error = NULL;

  op->item = lede_store_get_item (self->store, op->item_id, &error);
  if (op->item == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!op->item->has_content)
    op->article = lede_store_get_article (self->store, op->item_id, NULL);
  g_task_return_boolean (task, TRUE);
}

static void
item_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  LedeLibrary *self = g_task_get_source_object (task);
  OpenItem *op = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* A summary-only item is read from its web page, once; a failed try is tried again on open. */
  if (!op->item->has_content && (op->article == NULL || op->article->error != NULL))
    {
      g_clear_pointer (&op->article, lede_store_article_unref);
      lede_refresher_fetch_article_async (self->refresher, op->item_id, g_task_get_cancellable (task),
                                          article_fetched_cb, g_object_ref (task));
      return;
    }
  g_task_run_in_thread (task, analyse_item_thread);
}

void
lede_library_open_item_async (LedeLibrary *self,
                              gint64 item_id,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GTask) load = NULL;
  OpenItem *op;

  g_return_if_fail (LEDE_IS_LIBRARY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lede_library_open_item_async);
  if (self->store == NULL)
    {
      g_task_return_error (task, g_error_copy (self->error));
      return;
    }
  op = g_new0 (OpenItem, 1);
  op->item_id = item_id;
  g_task_set_task_data (task, op, (GDestroyNotify) open_item_free);
  /* The first hop has its own task, so the outer one returns only once. */
  load = g_task_new (self, cancellable, item_loaded_cb, g_object_ref (task));
  g_task_set_task_data (load, op, NULL);
  g_task_run_in_thread (load, load_item_thread);
}

/**
 * lede_library_open_item_finish:
 * @out_notice: (out) (optional): what the reader should know about the text shown ("Could not
 *   fetch the full article: ..."), or %NULL
 *
 * Returns: (transfer full): the analysis of the item's text
 */
LedeAnalysis *
lede_library_open_item_finish (LedeLibrary *self, GAsyncResult *result, char **out_notice, GError **error)
{
  OpenItem *op;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  op = g_task_get_task_data (G_TASK (result));
  if (out_notice != NULL)
    *out_notice = op ? g_strdup (op->notice) : NULL;
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- opening any page ---- */

/* Pages opened by address are kept in the library as the items of one feed of their own, which
 * is never fetched (refreshing and OPML leave it out: see lede_library_is_local_feed()). */
#define WEB_PAGES_URL "lede:web-pages"

gboolean
lede_library_is_local_feed (const char *url)
{
  return url != NULL && g_str_has_prefix (url, "lede:");
}

/* A page one of the feeds already has (by the address asked for, or the one
 * it was found at) is that feed's item: the page becomes its full text, as
 * when a summary-only item is opened, and nothing is stored twice. Returns
 * the item's id, or 0. */
static gint64
store_as_feed_item (LedeLibrary *self,
                    LedeArticle *article,
                    const char *requested,
                    gint64 except_feed,
                    GError **error)
{
  const char *uri = lede_article_get_uri (article);
  gint64 item_id = lede_store_find_item_by_url (self->store, uri, except_feed);

  if (item_id == 0 && requested != NULL)
    item_id = lede_store_find_item_by_url (self->store, requested, except_feed);
  if (item_id == 0)
    return 0;
  return lede_refresher_save_page (self->refresher, item_id, uri, article, error) ? item_id : 0;
}

/* Stores the page as an item of the web pages feed, unless a feed has it
 * already; returns its id, or 0. */
static gint64
store_page (LedeLibrary *self, LedeArticle *article, const char *requested, GError **error)
{
  LedeStore *store = self->store;
  g_autoptr (LedeFeed) feed = g_new0 (LedeFeed, 1);
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GPtrArray) items = NULL;
  LedeFeedItem *item;
  const char *uri = lede_article_get_uri (article);
  gint64 feed_id = lede_store_find_feed (store, WEB_PAGES_URL);
  gint64 item_id;

  if (uri == NULL)
    return 0;
  if ((item_id = store_as_feed_item (self, article, requested, feed_id, error)) != 0 || (error && *error))
    return item_id;
  if (feed_id <= 0
      && (feed_id = lede_store_add_feed (store, WEB_PAGES_URL, _ ("Web Pages"), NULL, error)) <= 0)
    return 0;
  item = g_new0 (LedeFeedItem, 1);
  feed->title = g_strdup (_ ("Web Pages"));
  feed->items = g_ptr_array_new_with_free_func ((GDestroyNotify) lede_feed_item_free);
  item->guid = g_strdup (uri);
  item->url = g_strdup (uri);
  item->title = g_strdup (lede_article_get_title (article));
  item->author = g_strdup (lede_article_get_byline (article));
  if (!lede_feed_parse_date (lede_article_get_date (article), &item->published))
    item->published = g_get_real_time () / G_USEC_PER_SEC;
  item->summary = g_strdup (lede_article_get_excerpt (article));
  item->content = g_strdup (lede_article_get_html (article));
  item->image_url = g_strdup (lede_article_get_lead_image (article));
  g_ptr_array_add (feed->items, item);
  if (!lede_store_save_feed (store, feed_id, feed, NULL, NULL, NULL, error))
    return 0;
  /* The item's id: the feed's items, newest first, one of which has the page's address. */
  if ((ids = lede_store_list_item_ids (store, LEDE_STORE_SCOPE_FEED, feed_id, error)) == NULL
      || (items = lede_store_get_items (store, (gint64 *) ids->data, ids->len, error)) == NULL)
    return 0;
  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (((LedeStoreItem *) items->pdata[i])->guid, uri) == 0)
      return ((LedeStoreItem *) items->pdata[i])->id;
  return 0;
}

static void
analyse_article_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  LedeLibrary *self = source;
  LedeArticle *article = task_data;
  g_autofree char *text = lede_article_dup_text (article);
  g_autoptr (GError) error = NULL;
  gint64 item_id = 0;
  LedeAnalysis *analysis;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (self->store != NULL
      && (item_id = store_page (self, article, g_object_get_data (G_OBJECT (task), "requested-url"), &error))
           == 0
      && error != NULL)
    {
      /* The page is still worth reading; it is only not kept. */
      g_warning ("Could not keep %s in the library: %s", lede_article_get_uri (article), error->message);
      g_clear_error (&error);
    }
  analysis = analyse_text (self->store, item_id, text, &error);
  if (analysis == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (item_id > 0)
    lede_store_set_read (self->store, item_id, TRUE, NULL);
  g_object_set_data_full (G_OBJECT (task), "item-id", g_memdup2 (&item_id, sizeof item_id), g_free);
  g_task_return_pointer (task, analysis, g_object_unref);
}

static void
page_extracted_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;
  LedeArticle *article = lede_extract_article_finish (result, &error);

  if (article == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, article, g_object_unref);
  g_task_run_in_thread (task, analyse_article_thread);
}

static void
page_fetched_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;
  g_autoptr (LedeHttpResponse) response = lede_http_fetch_finish (LEDE_HTTP (source), result, &error);

  if (response == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  lede_extract_article_async (lede_http_response_get_body (response), lede_http_response_get_uri (response),
                              lede_http_response_get_charset (response), g_task_get_cancellable (task),
                              page_extracted_cb, g_object_ref (task));
}

void
lede_library_open_url_async (LedeLibrary *self,
                             const char *url,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (url ? url : ""));
  g_autofree char *full = NULL;

  g_return_if_fail (LEDE_IS_LIBRARY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lede_library_open_url_async);
  if (*trimmed == '\0')
    {
      g_task_return_new_error (task, LEDE_HTTP_ERROR, LEDE_HTTP_ERROR_INVALID_URI,
                               _ ("No address was given"));
      return;
    }
  /* People type host names without a scheme. */
  full = strstr (trimmed, "://") ? g_strdup (trimmed) : g_strconcat ("https://", trimmed, NULL);
  g_object_set_data_full (G_OBJECT (task), "requested-url", g_strdup (full), g_free);
  lede_http_fetch_async (self->http, full, LEDE_HTTP_ACCEPT_HTML, NULL, NULL, cancellable, page_fetched_cb,
                         g_object_ref (task));
}

/**
 * lede_library_open_url_finish:
 * @out_item_id: (out) (optional): the page's item in the library, or 0 when it was not kept
 */
LedeAnalysis *
lede_library_open_url_finish (LedeLibrary *self, GAsyncResult *result, gint64 *out_item_id, GError **error)
{
  gint64 *item_id;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  item_id = g_object_get_data (G_OBJECT (result), "item-id");
  if (out_item_id != NULL)
    *out_item_id = item_id ? *item_id : 0;
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- analysing new articles in the background ---- */

/* How many of the newest unread items one pass looks at. */
#define INDEX_MAX_ITEMS 500
/* How many summary-only items' pages one pass fetches, and how many at once. */
#define FETCH_MAX_ITEMS 100
#define FETCH_AT_ONCE 2

/* The text opening the item would analyse, when it is in the store already: the feed's full text,
 * or the page fetched for a summary-only item (never its summary). */
static char *
stored_text (LedeStore *store, LedeStoreItem *item, gboolean *out_fetch)
{
  g_autoptr (LedeStoreArticle) article = NULL;

  *out_fetch = FALSE;
  if (!item->has_content)
    {
      article = lede_store_get_article (store, item->id, NULL);
      /* Never fetched: a page to fetch. One that failed is tried again only when it is opened. */
      if (article == NULL)
        {
          *out_fetch = item->url != NULL;
          return NULL;
        }
    }
  return item_text (item, article, FALSE);
}

static void
index_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  LedeStore *store = task_data;
  g_autoptr (GArray) ids = lede_store_list_item_ids (store, LEDE_STORE_SCOPE_UNREAD, 0, NULL);
  g_autoptr (GArray) to_fetch = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_done = 0;

  for (guint i = 0; ids != NULL && i < MIN (ids->len, INDEX_MAX_ITEMS); i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr (LedeStoreItem) item = NULL;
      g_autofree char *text = NULL;
      g_autofree char *hash = NULL;
      g_autofree char *cached = NULL;
      g_autoptr (LedeAnalysis) analysis = NULL;
      gboolean fetch;

      if (g_cancellable_is_cancelled (cancellable))
        break;
      if ((item = lede_store_get_item (store, id, NULL)) == NULL)
        continue;
      text = stored_text (store, item, &fetch);
      if (fetch && to_fetch->len < FETCH_MAX_ITEMS)
        g_array_append_val (to_fetch, id);
      if (text == NULL)
        continue;
      hash = lede_store_content_hash (text);
      if ((cached = lede_store_lookup_analysis (store, hash, ANALYZER)) != NULL)
        continue;
      if ((analysis = analyse_text (store, id, text, NULL)) != NULL)
        n_done++;
    }
  if (n_done > 0)
    g_debug ("Analysed %u new articles in the background", n_done);
  g_task_return_pointer (task, g_steal_pointer (&to_fetch), (GDestroyNotify) g_array_unref);
}

static void index_start (LedeLibrary *self);
static void fetch_next (LedeLibrary *self);

static void
page_fetched_in_background_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LedeLibrary) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeStoreArticle) article
    = lede_refresher_fetch_article_finish (LEDE_REFRESHER (source), result, &error);

  self->fetching--;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* A failure is stored with the item; opening it says why and tries again. */
  if (article != NULL)
    self->fetched++;
  fetch_next (self);
}

/* Keeps FETCH_AT_ONCE pages in flight; when the last is in, the pages fetched are analysed. */
static void
fetch_next (LedeLibrary *self)
{
  while (self->to_fetch != NULL && self->fetch_full_articles && self->fetching < FETCH_AT_ONCE
         && self->next_fetch < self->to_fetch->len)
    {
      gint64 id = g_array_index (self->to_fetch, gint64, self->next_fetch++);

      self->fetching++;
      lede_refresher_fetch_article_async (self->refresher, id, self->cancellable,
                                          page_fetched_in_background_cb, g_object_ref (self));
    }
  if (self->fetching > 0 || self->to_fetch == NULL)
    return;
  g_clear_pointer (&self->to_fetch, g_array_unref);
  if (self->fetched > 0)
    lede_library_index_new_articles (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
index_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LedeLibrary *self = LEDE_LIBRARY (source);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) to_fetch = g_task_propagate_pointer (G_TASK (result), &error);

  self->indexing = FALSE;
  if (error != NULL)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
      return;
    }
  if (self->index_again)
    {
      index_start (self);
      return;
    }
  if (self->fetch_full_articles && self->to_fetch == NULL && to_fetch->len > 0)
    {
      self->to_fetch = g_steal_pointer (&to_fetch);
      self->next_fetch = 0;
      self->fetched = 0;
      fetch_next (self);
      return;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
index_start (LedeLibrary *self)
{
  g_autoptr (GTask) task = NULL;

  self->index_again = FALSE;
  self->indexing = TRUE;
  task = g_task_new (self, self->cancellable, index_done_cb, NULL);
  g_task_set_source_tag (task, index_start);
  g_task_set_task_data (task, g_object_ref (self->store), g_object_unref);
  g_task_run_in_thread (task, index_thread);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/**
 * lede_library_index_new_articles:
 *
 * Analyses the newest unread articles whose text is in the store (the feed's full text, or the page
 * fetched for a summary-only item), in a worker thread, so their actors and figures are in the
 * library's indexes before they are opened; then, with lede_library_set_fetch_full_articles(),
 * fetches the pages of summary-only items not fetched yet and analyses those. One pass runs
 * at a time; asking again during a pass runs another after it.
 */
void
lede_library_index_new_articles (LedeLibrary *self)
{
  g_return_if_fail (LEDE_IS_LIBRARY (self));

  if (self->store == NULL)
    return;
  if (self->indexing)
    self->index_again = TRUE;
  else
    index_start (self);
}

/* Whether articles are being analysed, or summary-only items' pages fetched, in the background. */
gboolean
lede_library_get_indexing (LedeLibrary *self)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  return self->indexing || self->to_fetch != NULL;
}

/**
 * lede_library_set_fetch_full_articles:
 *
 * Whether the background passes of lede_library_index_new_articles() also fetch the pages of new
 * summary-only items, so they can be read offline and their actors are indexed before they are opened.
 */
void
lede_library_set_fetch_full_articles (LedeLibrary *self, gboolean fetch)
{
  g_return_if_fail (LEDE_IS_LIBRARY (self));

  fetch = !!fetch;
  if (self->fetch_full_articles == fetch)
    return;
  self->fetch_full_articles = fetch;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FETCH_FULL_ARTICLES]);
}

gboolean
lede_library_get_fetch_full_articles (LedeLibrary *self)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY (self), FALSE);
  return self->fetch_full_articles;
}

/* ---- object ---- */

static void
lede_library_dispose (GObject *object)
{
  LedeLibrary *self = LEDE_LIBRARY (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->refresher);
  g_clear_object (&self->http);
  g_clear_object (&self->store);
  g_clear_error (&self->error);
  g_clear_pointer (&self->to_fetch, g_array_unref);

  G_OBJECT_CLASS (lede_library_parent_class)->dispose (object);
}

static void
lede_library_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LedeLibrary *self = LEDE_LIBRARY (object);

  switch (prop_id)
    {
      case PROP_FETCH_FULL_ARTICLES: g_value_set_boolean (value, self->fetch_full_articles); break;
      case PROP_BUSY: g_value_set_boolean (value, lede_library_get_indexing (self)); break;
      default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lede_library_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LedeLibrary *self = LEDE_LIBRARY (object);

  switch (prop_id)
    {
      case PROP_FETCH_FULL_ARTICLES:
        lede_library_set_fetch_full_articles (self, g_value_get_boolean (value));
        break;
      default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lede_library_class_init (LedeLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lede_library_dispose;
  object_class->get_property = lede_library_get_property;
  object_class->set_property = lede_library_set_property;

  properties[PROP_FETCH_FULL_ARTICLES]
    = g_param_spec_boolean ("fetch-full-articles", NULL, NULL, FALSE,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Background work is going on (lede_library_get_indexing()). */
  properties[PROP_BUSY]
    = g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LedeLibrary::changed:
   *
   * Feeds or items changed (added, removed, renamed, refreshed, read): lists and counts reload.
   */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                          NULL, NULL, G_TYPE_NONE, 0);
}

static void
lede_library_init (LedeLibrary *self)
{
  self->cancellable = g_cancellable_new ();
}
