/* lede-refresher.h: refreshes feeds over HTTP into the store, a few at a time, off the main loop. */
#pragma once

#include <gio/gio.h>

#include "lede-article.h"
#include "lede-http.h"
#include "lede-store.h"

G_BEGIN_DECLS

#define LEDE_REFRESHER_DEFAULT_MAX_CONCURRENT 6

#define LEDE_TYPE_REFRESHER (lede_refresher_get_type ())
G_DECLARE_FINAL_TYPE (LedeRefresher, lede_refresher, LEDE, REFRESHER, GObject)

LedeRefresher *lede_refresher_new (LedeStore *store, LedeHttp *http);
LedeStore *lede_refresher_get_store (LedeRefresher *self);
LedeHttp *lede_refresher_get_http (LedeRefresher *self);
void lede_refresher_set_max_concurrent (LedeRefresher *self, guint max_concurrent);
guint lede_refresher_get_max_concurrent (LedeRefresher *self);

void lede_refresher_refresh_async (LedeRefresher *self,
                                   const gint64 *feed_ids,
                                   guint n_feed_ids,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
gboolean lede_refresher_refresh_finish (LedeRefresher *self,
                                        GAsyncResult *result,
                                        guint *out_n_new,
                                        guint *out_n_failed,
                                        GError **error);

/* Runs a refresh to its end by iterating the thread-default main context (tools, tests, benchmarks). */
gboolean lede_refresher_refresh (LedeRefresher *self,
                                 const gint64 *feed_ids,
                                 guint n_feed_ids,
                                 GCancellable *cancellable,
                                 guint *out_n_new,
                                 guint *out_n_failed,
                                 GError **error);

/* Adds a feed from what a person typed: a feed's URL, or a web page that links to its feeds
 * (autodiscovery; the page's first feed is taken). The feed is fetched and its items stored at once. */
void lede_refresher_subscribe_async (LedeRefresher *self,
                                     const char *url,
                                     const char *folder,
                                     GCancellable *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer user_data);
gint64 lede_refresher_subscribe_finish (LedeRefresher *self, GAsyncResult *result, GError **error);

/* The full article behind an item that carries only a summary: fetched, extracted, sanitized and
 * stored (lede_store_get_article() has it from then on). When that fails, the reason is stored on
 * the article as its error, and returned. */
void lede_refresher_fetch_article_async (LedeRefresher *self,
                                         gint64 item_id,
                                         GCancellable *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer user_data);
LedeStoreArticle *
lede_refresher_fetch_article_finish (LedeRefresher *self, GAsyncResult *result, GError **error);
gboolean lede_refresher_save_page (LedeRefresher *self,
                                   gint64 item_id,
                                   const char *url,
                                   LedeArticle *article,
                                   GError **error);

G_END_DECLS
