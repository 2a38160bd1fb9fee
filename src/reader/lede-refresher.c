/* lede-refresher.c: fetches many feeds with bounded concurrency, parses and stores each in a worker
 * thread, and records each feed's failure on that feed while the others go on. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lede-discover.h"
#include "lede-extract.h"
#include "lede-feed-parser.h"
#include "lede-refresher.h"

struct _LedeRefresher
{
  GObject parent_instance;
  LedeStore *store;
  LedeHttp *http;
  guint max_concurrent;
};

G_DEFINE_FINAL_TYPE (LedeRefresher, lede_refresher, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_HTTP,
  PROP_MAX_CONCURRENT,
  N_PROPS
};

enum
{
  SIGNAL_PROGRESS,
  SIGNAL_FEED_REFRESHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* One feed's trip: fetched on the main context, parsed and stored in a worker thread. */
typedef struct
{
  gint64 id;
  char *url;
  char *etag;
  char *last_modified;
  LedeHttpResponse *response;
  GError *error;
  guint n_new;
  GTask *refresh; /* the whole refresh this feed belongs to */
} FeedJob;

typedef struct
{
  GArray *ids; /* what was asked for; empty: every feed */
  GQueue pending;
  guint running;
  guint done;
  guint total;
  guint n_new;
  guint n_failed;
} Refresh;

static void
feed_job_free (FeedJob *job)
{
  g_free (job->url);
  g_free (job->etag);
  g_free (job->last_modified);
  g_clear_pointer (&job->response, lede_http_response_unref);
  g_clear_error (&job->error);
  g_clear_object (&job->refresh);
  g_free (job);
}

static void
refresh_free (Refresh *refresh)
{
  g_clear_pointer (&refresh->ids, g_array_unref);
  g_queue_clear_full (&refresh->pending, (GDestroyNotify) feed_job_free);
  g_free (refresh);
}

static void pump (GTask *task);

/* ---- worker thread: parse and store ---- */

static gboolean
is_feed_content_type (const char *type)
{
  return type == NULL || strstr (type, "xml") != NULL || strstr (type, "json") != NULL
         || strstr (type, "rss") != NULL || strstr (type, "atom") != NULL || g_str_has_prefix (type, "text/");
}

static void
store_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  LedeRefresher *self = source;
  FeedJob *job = task_data;
  g_autoptr (GError) store_error = NULL;

  if (g_cancellable_is_cancelled (cancellable))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (job->error == NULL && lede_http_response_is_not_modified (job->response))
    lede_store_save_not_modified (self->store, job->id, &store_error);
  else if (job->error == NULL)
    {
      GBytes *body = lede_http_response_get_body (job->response);
      const char *type = lede_http_response_get_content_type (job->response);
      gsize length = 0;
      const char *data = g_bytes_get_data (body, &length);
      g_autoptr (LedeFeed) feed
        = lede_feed_parse (data ? data : "", length, lede_http_response_get_uri (job->response), &job->error);

      if (feed != NULL)
        lede_store_save_feed (self->store, job->id, feed, lede_http_response_get_etag (job->response),
                              lede_http_response_get_last_modified (job->response), &job->n_new,
                              &store_error);
      else if (!is_feed_content_type (type))
        {
          /* Say what came instead: "an image/png, not a feed" helps more than "not XML". */
          g_autoptr (GError) parse_error = g_steal_pointer (&job->error);
          job->error = g_error_new (parse_error->domain, parse_error->code,
                                    _ ("The server sent %s, not a feed"), type);
        }
    }
  if (job->error != NULL)
    lede_store_save_feed_error (self->store, job->id, job->error->message, &store_error);
  if (store_error != NULL && job->error == NULL)
    job->error = g_steal_pointer (&store_error);
  else if (store_error != NULL)
    g_warning ("Cannot record the error of feed %s: %s", job->url, store_error->message);
  g_task_return_boolean (task, TRUE);
}

static void
stored_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LedeRefresher *self = LEDE_REFRESHER (source);
  FeedJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GTask) refresh_task = g_object_ref (job->refresh);
  Refresh *refresh = g_task_get_task_data (refresh_task);

  refresh->running--;
  refresh->done++;
  refresh->n_new += job->n_new;
  /* A cancelled fetch says nothing about the feed: no signal, nothing stored. */
  if (!g_error_matches (job->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (job->error != NULL)
        refresh->n_failed++;
      g_signal_emit (self, signals[SIGNAL_FEED_REFRESHED], 0, job->id, job->n_new,
                     job->error ? job->error->message : NULL);
    }
  g_signal_emit (self, signals[SIGNAL_PROGRESS], 0, refresh->done, refresh->total);
  pump (refresh_task);
}

/* ---- main context: fetch ---- */

static void
fetched_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FeedJob *job = user_data;
  LedeRefresher *self = g_task_get_source_object (job->refresh);
  GCancellable *cancellable = g_task_get_cancellable (job->refresh);
  g_autoptr (GTask) task = NULL;

  job->response = lede_http_fetch_finish (LEDE_HTTP (source), result, &job->error);
  task = g_task_new (self, cancellable, stored_cb, NULL);
  g_task_set_source_tag (task, fetched_cb);
  g_task_set_task_data (task, job, (GDestroyNotify) feed_job_free);
  if (g_error_matches (job->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_boolean (task, TRUE);
  else
    g_task_run_in_thread (task, store_thread);
}

static void
pump (GTask *task)
{
  LedeRefresher *self = g_task_get_source_object (task);
  Refresh *refresh = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (g_cancellable_is_cancelled (cancellable))
    g_queue_clear_full (&refresh->pending, (GDestroyNotify) feed_job_free);
  while (refresh->running < self->max_concurrent && !g_queue_is_empty (&refresh->pending))
    {
      FeedJob *job = g_queue_pop_head (&refresh->pending);

      refresh->running++;
      job->refresh = g_object_ref (task);
      lede_http_fetch_async (self->http, job->url, LEDE_HTTP_ACCEPT_FEED, job->etag, job->last_modified,
                             cancellable, fetched_cb, job);
    }
  if (refresh->running == 0 && g_queue_is_empty (&refresh->pending))
    {
      if (!g_task_return_error_if_cancelled (task))
        g_task_return_boolean (task, TRUE);
    }
}

static void
feeds_listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  LedeRefresher *self = g_task_get_source_object (task);
  Refresh *refresh = g_task_get_task_data (task);
  g_autoptr (GPtrArray) feeds = NULL;
  GError *error = NULL;

  feeds = lede_store_list_feeds_finish (LEDE_STORE (source), result, &error);
  if (feeds == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; i < feeds->len; i++)
    {
      LedeStoreFeed *feed = feeds->pdata[i];
      gboolean wanted = refresh->ids->len == 0;
      FeedJob *job;

      for (guint j = 0; !wanted && j < refresh->ids->len; j++)
        wanted = g_array_index (refresh->ids, gint64, j) == feed->id;
      if (!wanted)
        continue;
      job = g_new0 (FeedJob, 1);
      job->id = feed->id;
      job->url = g_strdup (feed->url);
      job->etag = g_strdup (feed->etag);
      job->last_modified = g_strdup (feed->last_modified);
      g_queue_push_tail (&refresh->pending, job);
    }
  refresh->total = refresh->pending.length;
  g_signal_emit (self, signals[SIGNAL_PROGRESS], 0, 0, refresh->total);
  pump (task);
}

/**
 * lede_refresher_refresh_async:
 * @feed_ids: (array length=n_feed_ids) (nullable): the feeds to refresh
 * @n_feed_ids: how many; 0 refreshes every feed
 *
 * Fetches the feeds (at most max-concurrent at a time, with conditional GET), stores each
 * feed's new items in one transaction and records each failure on its feed. Emits
 * #LedeRefresher::feed-refreshed for each feed and #LedeRefresher::progress as it goes. Nothing
 * blocks the calling thread's main loop. Succeeds even when some feeds fail: their errors are in
 * the store; it fails only when the store cannot be read or @cancellable is cancelled.
 */
void
lede_refresher_refresh_async (LedeRefresher *self,
                              const gint64 *feed_ids,
                              guint n_feed_ids,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  Refresh *refresh;

  g_return_if_fail (LEDE_IS_REFRESHER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lede_refresher_refresh_async);
  refresh = g_new0 (Refresh, 1);
  refresh->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (feed_ids != NULL && n_feed_ids > 0)
    g_array_append_vals (refresh->ids, feed_ids, n_feed_ids);
  g_queue_init (&refresh->pending);
  g_task_set_task_data (task, refresh, (GDestroyNotify) refresh_free);
  lede_store_list_feeds_async (self->store, cancellable, feeds_listed_cb, g_steal_pointer (&task));
}

/**
 * lede_refresher_refresh_finish:
 * @out_n_new: (out) (optional): how many new items were stored
 * @out_n_failed: (out) (optional): how many feeds failed
 */
gboolean
lede_refresher_refresh_finish (LedeRefresher *self,
                               GAsyncResult *result,
                               guint *out_n_new,
                               guint *out_n_failed,
                               GError **error)
{
  Refresh *refresh;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lede_refresher_refresh_async, FALSE);

  refresh = g_task_get_task_data (G_TASK (result));
  if (out_n_new)
    *out_n_new = refresh->n_new;
  if (out_n_failed)
    *out_n_failed = refresh->n_failed;
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
sync_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;
  *out = g_object_ref (result);
}

gboolean
lede_refresher_refresh (LedeRefresher *self,
                        const gint64 *feed_ids,
                        guint n_feed_ids,
                        GCancellable *cancellable,
                        guint *out_n_new,
                        guint *out_n_failed,
                        GError **error)
{
  g_autoptr (GMainContext) context = g_main_context_ref_thread_default ();
  g_autoptr (GAsyncResult) result = NULL;

  lede_refresher_refresh_async (self, feed_ids, n_feed_ids, cancellable, sync_cb, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  return lede_refresher_refresh_finish (self, result, out_n_new, out_n_failed, error);
}

/* ---- subscribing ---- */

typedef struct
{
  char *url;
  char *folder;
  GPtrArray *candidates; /* LedeDiscoveredFeed *, from the page first fetched */
  guint next;
  LedeHttpResponse *response;
  gint64 feed_id;
} Subscribe;

static void
subscribe_free (Subscribe *sub)
{
  g_free (sub->url);
  g_free (sub->folder);
  g_clear_pointer (&sub->candidates, g_ptr_array_unref);
  g_clear_pointer (&sub->response, lede_http_response_unref);
  g_free (sub);
}

static void subscribe_fetch (GTask *task, const char *url);

/* Worker thread: read what came; store it when it is a feed, look for feeds when it is a page. */
static void
subscribe_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  LedeRefresher *self = source;
  Subscribe *sub = task_data;
  GBytes *body = lede_http_response_get_body (sub->response);
  const char *uri = lede_http_response_get_uri (sub->response);
  gsize length = 0;
  const char *data = g_bytes_get_data (body, &length);
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeFeed) feed = lede_feed_parse (data ? data : "", length, uri, &error);
  gint64 id;

  if (feed == NULL)
    {
      /* A page: remember its feeds, once (a discovered "feed" that is a page again ends here). */
      if (g_error_matches (error, LEDE_FEED_ERROR, LEDE_FEED_ERROR_NOT_A_FEED) && sub->candidates == NULL
          && lede_extract_looks_like_html (data, length))
        {
          sub->candidates = lede_discover_feeds (data, length, uri);
          if (sub->candidates->len > 0)
            {
              g_task_return_int (task, 0);
              return;
            }
          g_task_return_new_error (task, LEDE_FEED_ERROR, LEDE_FEED_ERROR_NOT_A_FEED,
                                   _ ("The page at %s does not link to a feed"), uri);
          return;
        }
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if ((id = lede_store_find_feed (self->store, uri)) != 0)
    {
      g_task_return_new_error (task, LEDE_STORE_ERROR, LEDE_STORE_ERROR_EXISTS,
                               _ ("The feed %s is already in the library"), uri);
      return;
    }
  id = lede_store_add_feed (self->store, uri, feed->title, sub->folder, &error);
  if (id != 0
      && !lede_store_save_feed (self->store, id, feed, lede_http_response_get_etag (sub->response),
                                lede_http_response_get_last_modified (sub->response), NULL, &error))
    {
      /* not half a subscription: a feed the library could not fill is not added */
      lede_store_remove_feed (self->store, id, NULL);
      id = 0;
    }
  if (id == 0)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  sub->feed_id = id;
  g_task_return_int (task, id);
}

static void
subscribe_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  Subscribe *sub = g_task_get_task_data (task);
  GError *error = NULL;

  g_task_propagate_int (G_TASK (result), &error);
  if (error != NULL)
    {
      /* A page may announce several feeds; the next one may work where this one did not. */
      if (sub->candidates != NULL && sub->next < sub->candidates->len
          && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
          && !g_error_matches (error, LEDE_STORE_ERROR, LEDE_STORE_ERROR_EXISTS))
        {
          g_error_free (error);
          subscribe_fetch (task, ((LedeDiscoveredFeed *) sub->candidates->pdata[sub->next++])->url);
          return;
        }
      g_task_return_error (task, error);
    }
  else if (sub->feed_id != 0)
    g_task_return_int (task, sub->feed_id);
  else
    subscribe_fetch (task, ((LedeDiscoveredFeed *) sub->candidates->pdata[sub->next++])->url);
}

static void
subscribe_fetched_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  Subscribe *sub = g_task_get_task_data (task);
  g_autoptr (GTask) read = NULL;
  GError *error = NULL;

  g_clear_pointer (&sub->response, lede_http_response_unref);
  sub->response = lede_http_fetch_finish (LEDE_HTTP (source), result, &error);
  /* Stepping through the page's feeds runs through the same callback as a failed read. */
  read = g_task_new (g_task_get_source_object (task), g_task_get_cancellable (task), subscribe_read_cb,
                     g_object_ref (task));
  g_task_set_task_data (read, sub, NULL);
  if (sub->response == NULL)
    g_task_return_error (read, error);
  else
    g_task_run_in_thread (read, subscribe_thread);
}

static void
subscribe_fetch (GTask *task, const char *url)
{
  LedeRefresher *self = g_task_get_source_object (task);

  lede_http_fetch_async (self->http, url, LEDE_HTTP_ACCEPT_FEED, NULL, NULL, g_task_get_cancellable (task),
                         subscribe_fetched_cb, g_object_ref (task));
}

/**
 * lede_refresher_subscribe_async:
 * @url: what the person typed: "https://example.org/feed.xml", "example.org"
 * @folder: (nullable): the folder to put the feed in
 */
void
lede_refresher_subscribe_async (LedeRefresher *self,
                                const char *url,
                                const char *folder,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (url ? url : ""));
  Subscribe *sub;

  g_return_if_fail (LEDE_IS_REFRESHER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lede_refresher_subscribe_async);
  sub = g_new0 (Subscribe, 1);
  /* People type host names without a scheme; some sites still link feeds as feed://host/path
   * or feed:https://host/path. */
  if (g_str_has_prefix (trimmed, "feed:https://") || g_str_has_prefix (trimmed, "feed:http://"))
    sub->url = g_strdup (trimmed + strlen ("feed:"));
  else if (g_str_has_prefix (trimmed, "feed://"))
    sub->url = g_strconcat ("https://", trimmed + strlen ("feed://"), NULL);
  else
    sub->url = strstr (trimmed, "://") ? g_strdup (trimmed) : g_strconcat ("https://", trimmed, NULL);
  sub->folder = g_strdup (folder);
  g_task_set_task_data (task, sub, (GDestroyNotify) subscribe_free);
  if (*trimmed == '\0')
    {
      g_task_return_new_error (task, LEDE_HTTP_ERROR, LEDE_HTTP_ERROR_INVALID_URI,
                               _ ("No address was given"));
      return;
    }
  subscribe_fetch (task, sub->url);
}

/**
 * lede_refresher_subscribe_finish:
 *
 * Returns: the new feed's id, or 0 with @error set (%LEDE_STORE_ERROR_EXISTS when the library has
 *   it already, %LEDE_FEED_ERROR_NOT_A_FEED when the page links to no feed, ...)
 */
gint64
lede_refresher_subscribe_finish (LedeRefresher *self, GAsyncResult *result, GError **error)
{
  gssize id;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lede_refresher_subscribe_async, 0);
  id = g_task_propagate_int (G_TASK (result), error);
  return id > 0 ? id : 0;
}

/* ---- one article from the web ---- */

typedef struct
{
  gint64 item_id;
  char *url;
  LedeHttpResponse *response;
} ArticleJob;

static void
article_job_free (ArticleJob *job)
{
  g_free (job->url);
  g_clear_pointer (&job->response, lede_http_response_unref);
  g_free (job);
}

/**
 * lede_refresher_save_page:
 * @url: the address the page was read from
 * @article: the page, extracted
 *
 * Stores an item's web page as its full article. Safe in any thread.
 */
gboolean
lede_refresher_save_page (LedeRefresher *self,
                          gint64 item_id,
                          const char *url,
                          LedeArticle *article,
                          GError **error)
{
  g_autofree char *text = lede_article_dup_body_text (article);
  LedeStoreArticle record = { 0 };

  g_return_val_if_fail (LEDE_IS_REFRESHER (self), FALSE);
  g_return_val_if_fail (LEDE_IS_ARTICLE (article), FALSE);

  record.item_id = item_id;
  record.url = (char *) url;
  record.title = (char *) lede_article_get_title (article);
  record.byline = (char *) lede_article_get_byline (article);
  record.image_url = (char *) lede_article_get_lead_image (article);
  record.html = (char *) lede_article_get_html (article);
  record.text = text;
  lede_feed_parse_date (lede_article_get_date (article), &record.published);
  return lede_store_save_article (self->store, &record, error);
}

/* Worker thread: extract and store; a failure is stored too, so the window can say why later. */
static void
extract_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  LedeRefresher *self = source;
  ArticleJob *job = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeStoreArticle) stored = NULL;
  g_autoptr (LedeArticle) article = NULL;
  GBytes *body = lede_http_response_get_body (job->response);
  gsize length = 0;
  const char *data = g_bytes_get_data (body, &length);

  if (g_task_return_error_if_cancelled (task))
    return;
  article = lede_extract_article (data ? data : "", length, lede_http_response_get_uri (job->response),
                                  lede_http_response_get_charset (job->response), &error);
  if (article == NULL)
    {
      /* Keep the reason with the item; the extraction error is what the caller hears about. */
      LedeStoreArticle record = { 0 };

      record.item_id = job->item_id;
      record.url = (char *) lede_http_response_get_uri (job->response);
      record.error = error->message;
      lede_store_save_article (self->store, &record, NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!lede_refresher_save_page (self, job->item_id, lede_http_response_get_uri (job->response), article,
                                 &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  stored = lede_store_get_article (self->store, job->item_id, &error);
  if (stored == NULL)
    g_task_return_error (task, error ? g_steal_pointer (&error)
                                     : g_error_new (LEDE_STORE_ERROR, LEDE_STORE_ERROR_NOT_FOUND,
                                                    _ ("The article is not in the library")));
  else
    g_task_return_pointer (task, g_steal_pointer (&stored), (GDestroyNotify) lede_store_article_unref);
}

static void
record_fetch_error_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  LedeRefresher *self = source;
  ArticleJob *job = task_data;
  LedeStoreArticle record = { 0 };
  const GError *error = g_object_get_data (G_OBJECT (task), "fetch-error");

  record.item_id = job->item_id;
  record.url = job->url;
  record.error = error->message;
  lede_store_save_article (self->store, &record, NULL);
  g_task_return_error (task, g_error_copy (error));
}

static void
article_fetched_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  ArticleJob *job = g_task_get_task_data (task);
  GError *error = NULL;

  job->response = lede_http_fetch_finish (LEDE_HTTP (source), result, &error);
  if (job->response != NULL)
    g_task_run_in_thread (task, extract_thread);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, error);
  else
    {
      g_object_set_data_full (G_OBJECT (task), "fetch-error", error, (GDestroyNotify) g_error_free);
      g_task_run_in_thread (task, record_fetch_error_thread);
    }
}

static void
article_item_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  LedeRefresher *self = g_task_get_source_object (task);
  ArticleJob *job = g_task_get_task_data (task);
  g_autoptr (LedeStoreItem) item = NULL;
  GError *error = NULL;

  item = lede_store_get_item_finish (LEDE_STORE (source), result, &error);
  if (item == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (item->url == NULL
      || !(g_str_has_prefix (item->url, "http://") || g_str_has_prefix (item->url, "https://")))
    {
      g_task_return_new_error (task, LEDE_EXTRACT_ERROR, LEDE_EXTRACT_ERROR_NO_ARTICLE,
                               _ ("This item links to no web page to read the article from"));
      return;
    }
  job->url = g_strdup (item->url);
  lede_http_fetch_async (self->http, job->url, LEDE_HTTP_ACCEPT_HTML, NULL, NULL,
                         g_task_get_cancellable (task), article_fetched_cb, g_object_ref (task));
}

/**
 * lede_refresher_fetch_article_async:
 * @item_id: the item whose web page to read
 *
 * Fetches the item's page, extracts the article (lede_extract_article()) in a worker thread and
 * stores it, also as the item's search text.
 */
void
lede_refresher_fetch_article_async (LedeRefresher *self,
                                    gint64 item_id,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  ArticleJob *job;

  g_return_if_fail (LEDE_IS_REFRESHER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lede_refresher_fetch_article_async);
  job = g_new0 (ArticleJob, 1);
  job->item_id = item_id;
  g_task_set_task_data (task, job, (GDestroyNotify) article_job_free);
  lede_store_get_item_async (self->store, item_id, cancellable, article_item_cb, g_steal_pointer (&task));
}

/**
 * lede_refresher_fetch_article_finish:
 *
 * Returns: (transfer full): the stored article, or %NULL with @error set (a #LEDE_HTTP_ERROR, a
 *   #LEDE_EXTRACT_ERROR, a #LEDE_STORE_ERROR or %G_IO_ERROR_CANCELLED)
 */
LedeStoreArticle *
lede_refresher_fetch_article_finish (LedeRefresher *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lede_refresher_fetch_article_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- the object ---- */

static void
lede_refresher_dispose (GObject *object)
{
  LedeRefresher *self = LEDE_REFRESHER (object);

  g_clear_object (&self->store);
  g_clear_object (&self->http);
  G_OBJECT_CLASS (lede_refresher_parent_class)->dispose (object);
}

static void
lede_refresher_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LedeRefresher *self = LEDE_REFRESHER (object);

  switch (prop_id)
    {
      case PROP_STORE: g_value_set_object (value, self->store); break;
      case PROP_HTTP: g_value_set_object (value, self->http); break;
      case PROP_MAX_CONCURRENT: g_value_set_uint (value, self->max_concurrent); break;
      default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lede_refresher_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LedeRefresher *self = LEDE_REFRESHER (object);

  switch (prop_id)
    {
      case PROP_STORE: self->store = g_value_dup_object (value); break;
      case PROP_HTTP: self->http = g_value_dup_object (value); break;
      case PROP_MAX_CONCURRENT: lede_refresher_set_max_concurrent (self, g_value_get_uint (value)); break;
      default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lede_refresher_class_init (LedeRefresherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lede_refresher_dispose;
  object_class->get_property = lede_refresher_get_property;
  object_class->set_property = lede_refresher_set_property;

  properties[PROP_STORE]
    = g_param_spec_object ("store", NULL, NULL, LEDE_TYPE_STORE,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HTTP]
    = g_param_spec_object ("http", NULL, NULL, LEDE_TYPE_HTTP,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_CONCURRENT]
    = g_param_spec_uint ("max-concurrent", NULL, NULL, 1, 64, LEDE_REFRESHER_DEFAULT_MAX_CONCURRENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LedeRefresher::progress:
   * @done: feeds finished so far
   * @total: feeds in this refresh
   */
  signals[SIGNAL_PROGRESS] = g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                           NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  /**
   * LedeRefresher::feed-refreshed:
   * @feed_id: the feed
   * @n_new: how many new items it brought
   * @error_message: (nullable): why it failed (also stored as the feed's last error)
   */
  signals[SIGNAL_FEED_REFRESHED]
    = g_signal_new ("feed-refreshed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                    G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_UINT, G_TYPE_STRING);
}

static void
lede_refresher_init (LedeRefresher *self)
{
  self->max_concurrent = LEDE_REFRESHER_DEFAULT_MAX_CONCURRENT;
}

LedeRefresher *
lede_refresher_new (LedeStore *store, LedeHttp *http)
{
  g_return_val_if_fail (LEDE_IS_STORE (store), NULL);
  g_return_val_if_fail (LEDE_IS_HTTP (http), NULL);
  return g_object_new (LEDE_TYPE_REFRESHER, "store", store, "http", http, NULL);
}

LedeStore *
lede_refresher_get_store (LedeRefresher *self)
{
  g_return_val_if_fail (LEDE_IS_REFRESHER (self), NULL);
  return self->store;
}

LedeHttp *
lede_refresher_get_http (LedeRefresher *self)
{
  g_return_val_if_fail (LEDE_IS_REFRESHER (self), NULL);
  return self->http;
}

void
lede_refresher_set_max_concurrent (LedeRefresher *self, guint max_concurrent)
{
  g_return_if_fail (LEDE_IS_REFRESHER (self));
  max_concurrent = CLAMP (max_concurrent, 1, 64);
  if (self->max_concurrent == max_concurrent)
    return;
  self->max_concurrent = max_concurrent;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_CONCURRENT]);
}

guint
lede_refresher_get_max_concurrent (LedeRefresher *self)
{
  g_return_val_if_fail (LEDE_IS_REFRESHER (self), 0);
  return self->max_concurrent;
}
