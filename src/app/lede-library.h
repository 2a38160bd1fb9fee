/* lede-library.h: the window's side of the news library: the store, the fetcher and opening items. */
#pragma once

#include <gio/gio.h>

#include "lede-core.h"
#include "lede-refresher.h"
#include "lede-store.h"

G_BEGIN_DECLS

#define LEDE_TYPE_LIBRARY (lede_library_get_type ())
G_DECLARE_FINAL_TYPE (LedeLibrary, lede_library, LEDE, LIBRARY, GObject)

LedeLibrary *lede_library_new (const char *path);
LedeStore *lede_library_get_store (LedeLibrary *self);
LedeRefresher *lede_library_get_refresher (LedeLibrary *self);
const GError *lede_library_get_error (LedeLibrary *self);
gint64 lede_library_get_current_item (LedeLibrary *self);
void lede_library_set_current_item (LedeLibrary *self, gint64 item_id);
void lede_library_changed (LedeLibrary *self);
LedeLibrary *lede_library_get_for_object (gpointer object);
void lede_library_set_for_object (gpointer object, LedeLibrary *library);

/* Opening a feed item: the full article is fetched when the feed carried only a summary, the text is
 * analysed (or its cached analysis read back), stored and indexed, and the item marked read. */
void lede_library_open_item_async (LedeLibrary *self,
                                   gint64 item_id,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
LedeAnalysis *
lede_library_open_item_finish (LedeLibrary *self, GAsyncResult *result, char **out_notice, GError **error);

void lede_library_index_new_articles (LedeLibrary *self);
gboolean lede_library_get_indexing (LedeLibrary *self);
void lede_library_set_fetch_full_articles (LedeLibrary *self, gboolean fetch);
gboolean lede_library_get_fetch_full_articles (LedeLibrary *self);

/* Any article page from the web: fetched, extracted and analysed. */
void lede_library_open_url_async (LedeLibrary *self,
                                  const char *url,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
LedeAnalysis *
lede_library_open_url_finish (LedeLibrary *self, GAsyncResult *result, gint64 *out_item_id, GError **error);
/* The library's own feeds (the web pages opened by address), never fetched. */
gboolean lede_library_is_local_feed (const char *url);

G_END_DECLS
