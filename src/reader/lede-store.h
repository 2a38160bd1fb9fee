/* lede-store.h: the library on disk (SQLite): feeds, items, articles, analyses, actor index, search.
 *
 * One LedeStore per database file, shared by every thread: each function takes the store's lock for
 * as long as it runs, so the sync API is for worker threads, tools and tests, and the window uses
 * the _async variants (which run the same functions in a worker thread). Every write that belongs
 * together (a feed's refresh, an article, an analysis with its index rows) is one transaction.
 *
 * How the window is meant to use it:
 *   - lists: lede_store_list_item_ids_async() for a whole list (a virtual list), then
 *     lede_store_get_items() for the rows on screen; lede_store_list_feeds_async() for the sidebar
 *     with unread counts;
 *   - refresh: LedeRefresher (lede-refresher.h) writes the items, then
 *     lede_store_list_unanalyzed() + lede_store_analyze_item_async() analyse them in the background;
 *   - the actor card: lede_store_find_actor_items_async() with the actor's name and aliases, and
 *     lede_store_find_related_figures_async() for figures about the same thing elsewhere. */
#pragma once

#include <gio/gio.h>

#include "lede-analysis.h"
#include "lede-feed-parser.h"
#include "lede-opml.h"

G_BEGIN_DECLS

/**
 * LedeStoreError:
 * @LEDE_STORE_ERROR_OPEN: the database could not be opened or created
 * @LEDE_STORE_ERROR_NEWER_SCHEMA: the database was written by a newer Lede
 * @LEDE_STORE_ERROR_SQL: SQLite failed (disk full, corruption, ...)
 * @LEDE_STORE_ERROR_NOT_FOUND: no feed or item with that id
 * @LEDE_STORE_ERROR_EXISTS: the feed is already in the library
 */
typedef enum
{
  LEDE_STORE_ERROR_OPEN,
  LEDE_STORE_ERROR_NEWER_SCHEMA,
  LEDE_STORE_ERROR_SQL,
  LEDE_STORE_ERROR_NOT_FOUND,
  LEDE_STORE_ERROR_EXISTS,
} LedeStoreError;

#define LEDE_STORE_ERROR (lede_store_error_quark ())
GQuark lede_store_error_quark (void);

/* How many of the newest matching articles a search ranks. */
#define LEDE_STORE_SEARCH_WINDOW 1000

/* The schema version this code writes (PRAGMA user_version). */
#define LEDE_STORE_SCHEMA_VERSION 2

/* ---- records (reference-counted, immutable once returned) ---- */

typedef struct
{
  gint64 id;
  char *url;
  char *title; /* what to show: the user's name for it, else the feed's, else the URL */
  char *site_url;
  char *folder; /* "News/World", or NULL */
  char *etag;
  char *last_modified;
  char *last_error; /* why the last refresh failed, or NULL */
  gint64 last_checked;
  gint64 last_success;
  guint unread;
  guint total;
} LedeStoreFeed;

typedef struct
{
  gint64 id;
  gint64 feed_id;
  char *feed_title;
  char *guid;
  char *url;
  char *title;
  char *author;
  gint64 published;
  char *image_url;
  gboolean read;
  gboolean starred;
  gboolean has_content; /* the feed carried the full text */
  /* Filled by lede_store_get_item() only: */
  char *summary;
  char *content;
  char *enclosure_url;
  char *enclosure_type;
  /* Filled by searches only: the matching words wrapped in <b></b>, the rest escaped. */
  char *snippet;
  /* Filled by lede_store_find_actor_items() only: */
  guint mentions;
} LedeStoreItem;

typedef struct
{
  gint64 item_id;
  char *url;
  char *title;
  char *byline;
  gint64 published;
  char *image_url;
  char *html; /* sanitized */
  char *text;
  char *error; /* why extraction failed, or NULL */
  gint64 fetched;
} LedeStoreArticle;

typedef struct
{
  gint64 item_id;
  char *item_title;
  char *feed_title;
  gint64 published;
  char *about;
  char *kind;
  double value;
  char *unit;
  char *qualifier;
  char *source; /* the actor stating it, or NULL when the article says it itself */
  char *text;   /* the figure as written */
} LedeStoreFigure;

/* One figure of an article beside a figure about the same thing from another article. */
typedef struct
{
  LedeStoreFigure *here;
  LedeStoreFigure *there;
} LedeStoreFigurePair;

typedef enum
{
  LEDE_STORE_SCOPE_ALL,
  LEDE_STORE_SCOPE_UNREAD,
  LEDE_STORE_SCOPE_STARRED,
  LEDE_STORE_SCOPE_FEED, /* the items of one feed */
} LedeStoreScope;

#define LEDE_TYPE_STORE_FEED (lede_store_feed_get_type ())
#define LEDE_TYPE_STORE_ITEM (lede_store_item_get_type ())
#define LEDE_TYPE_STORE_ARTICLE (lede_store_article_get_type ())
#define LEDE_TYPE_STORE_FIGURE (lede_store_figure_get_type ())
GType lede_store_feed_get_type (void) G_GNUC_CONST;
GType lede_store_item_get_type (void) G_GNUC_CONST;
GType lede_store_article_get_type (void) G_GNUC_CONST;
GType lede_store_figure_get_type (void) G_GNUC_CONST;

LedeStoreFeed *lede_store_feed_ref (LedeStoreFeed *feed);
void lede_store_feed_unref (LedeStoreFeed *feed);
LedeStoreItem *lede_store_item_ref (LedeStoreItem *item);
void lede_store_item_unref (LedeStoreItem *item);
LedeStoreArticle *lede_store_article_ref (LedeStoreArticle *article);
void lede_store_article_unref (LedeStoreArticle *article);
LedeStoreFigure *lede_store_figure_ref (LedeStoreFigure *figure);
void lede_store_figure_unref (LedeStoreFigure *figure);
void lede_store_figure_pair_free (LedeStoreFigurePair *pair);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeStoreFeed, lede_store_feed_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeStoreItem, lede_store_item_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeStoreArticle, lede_store_article_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeStoreFigure, lede_store_figure_unref)

/* ---- the store ---- */

#define LEDE_TYPE_STORE (lede_store_get_type ())
G_DECLARE_FINAL_TYPE (LedeStore, lede_store, LEDE, STORE, GObject)

char *lede_store_get_default_path (void);
LedeStore *lede_store_new (const char *path, GError **error);
const char *lede_store_get_path (LedeStore *self);
int lede_store_get_schema_version (LedeStore *self);
gboolean lede_store_check_integrity (LedeStore *self, GError **error);
char *lede_store_content_hash (const char *text);

/* Feeds. Every function is safe to call from any thread; they take turns on one connection. */
gint64
lede_store_add_feed (LedeStore *self, const char *url, const char *title, const char *folder, GError **error);
gboolean lede_store_remove_feed (LedeStore *self, gint64 feed_id, GError **error);
gboolean lede_store_rename_feed (LedeStore *self, gint64 feed_id, const char *title, GError **error);
gboolean lede_store_set_feed_folder (LedeStore *self, gint64 feed_id, const char *folder, GError **error);
GPtrArray *lede_store_list_feeds (LedeStore *self, GError **error);
LedeStoreFeed *lede_store_get_feed (LedeStore *self, gint64 feed_id, GError **error);
gint64 lede_store_find_feed (LedeStore *self, const char *url);
gint64 lede_store_find_item_by_url (LedeStore *self, const char *url, gint64 except_feed);

/* OPML: import adds the feeds not there yet (one transaction) and returns how many it added. */
guint lede_store_import_opml (LedeStore *self, GPtrArray *entries, GError **error);
GPtrArray *lede_store_export_opml (LedeStore *self, GError **error);

/* Refreshing: each call is one transaction. */
gboolean lede_store_save_feed (LedeStore *self,
                               gint64 feed_id,
                               const LedeFeed *feed,
                               const char *etag,
                               const char *last_modified,
                               guint *out_n_new,
                               GError **error);
gboolean lede_store_save_not_modified (LedeStore *self, gint64 feed_id, GError **error);
gboolean lede_store_save_feed_error (LedeStore *self, gint64 feed_id, const char *message, GError **error);

/* Items, newest first. */
GPtrArray *lede_store_list_items (LedeStore *self,
                                  LedeStoreScope scope,
                                  gint64 feed_id,
                                  guint offset,
                                  guint limit,
                                  GError **error);
GArray *lede_store_list_item_ids (LedeStore *self, LedeStoreScope scope, gint64 feed_id, GError **error);
GArray *
lede_store_list_folder_item_ids (LedeStore *self, const char *folder, gboolean unread_only, GError **error);
GPtrArray *lede_store_get_items (LedeStore *self, const gint64 *ids, guint n_ids, GError **error);
LedeStoreItem *lede_store_get_item (LedeStore *self, gint64 item_id, GError **error);
guint lede_store_count_items (LedeStore *self, LedeStoreScope scope, gint64 feed_id, GError **error);
gboolean lede_store_set_read (LedeStore *self, gint64 item_id, gboolean read, GError **error);
gboolean lede_store_set_starred (LedeStore *self, gint64 item_id, gboolean starred, GError **error);
gboolean lede_store_mark_all_read (LedeStore *self, LedeStoreScope scope, gint64 feed_id, GError **error);
GPtrArray *lede_store_search (LedeStore *self, const char *query, guint limit, GError **error);

/* Full articles fetched from the web. */
gboolean lede_store_save_article (LedeStore *self, const LedeStoreArticle *article, GError **error);
LedeStoreArticle *lede_store_get_article (LedeStore *self, gint64 item_id, GError **error);

/* Analyses, cached by content hash and analyzer version, and the indexes built from them. */
char *lede_store_lookup_analysis (LedeStore *self, const char *content_hash, const char *analyzer);
gboolean lede_store_save_analysis (LedeStore *self,
                                   gint64 item_id,
                                   const char *content_hash,
                                   LedeAnalysis *analysis,
                                   GError **error);
char *lede_store_dup_item_text (LedeStore *self, gint64 item_id, char **out_title, GError **error);
LedeAnalysis *lede_store_analyze_item (LedeStore *self, gint64 item_id, GError **error);
GArray *lede_store_list_unanalyzed (LedeStore *self, guint limit, GError **error);
GPtrArray *lede_store_find_actor_items (LedeStore *self,
                                        const char *const *names,
                                        gint64 exclude_item_id,
                                        guint limit,
                                        GError **error);
GPtrArray *lede_store_find_related_figures (LedeStore *self, gint64 item_id, guint limit, GError **error);
char *lede_store_normalize_key (const char *name);

/* The same, off the calling thread, for the window. Results are what the sync call returns. */
void lede_store_list_feeds_async (LedeStore *self,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
GPtrArray *lede_store_list_feeds_finish (LedeStore *self, GAsyncResult *result, GError **error);
void lede_store_list_items_async (LedeStore *self,
                                  LedeStoreScope scope,
                                  gint64 feed_id,
                                  guint offset,
                                  guint limit,
                                  GCancellable *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer user_data);
GPtrArray *lede_store_list_items_finish (LedeStore *self, GAsyncResult *result, GError **error);
void lede_store_list_item_ids_async (LedeStore *self,
                                     LedeStoreScope scope,
                                     gint64 feed_id,
                                     GCancellable *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer user_data);
GArray *lede_store_list_item_ids_finish (LedeStore *self, GAsyncResult *result, GError **error);
void lede_store_list_folder_item_ids_async (LedeStore *self,
                                            const char *folder,
                                            gboolean unread_only,
                                            GCancellable *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer user_data);
GArray *lede_store_list_folder_item_ids_finish (LedeStore *self, GAsyncResult *result, GError **error);
void lede_store_get_item_async (LedeStore *self,
                                gint64 item_id,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data);
LedeStoreItem *lede_store_get_item_finish (LedeStore *self, GAsyncResult *result, GError **error);
void lede_store_search_async (LedeStore *self,
                              const char *query,
                              guint limit,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data);
GPtrArray *lede_store_search_finish (LedeStore *self, GAsyncResult *result, GError **error);
void lede_store_find_actor_items_async (LedeStore *self,
                                        const char *const *names,
                                        gint64 exclude_item_id,
                                        guint limit,
                                        GCancellable *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer user_data);
GPtrArray *lede_store_find_actor_items_finish (LedeStore *self, GAsyncResult *result, GError **error);
void lede_store_find_related_figures_async (LedeStore *self,
                                            gint64 item_id,
                                            guint limit,
                                            GCancellable *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer user_data);
GPtrArray *lede_store_find_related_figures_finish (LedeStore *self, GAsyncResult *result, GError **error);
void lede_store_analyze_item_async (LedeStore *self,
                                    gint64 item_id,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer user_data);
LedeAnalysis *lede_store_analyze_item_finish (LedeStore *self, GAsyncResult *result, GError **error);
void lede_store_remove_feed_async (LedeStore *self,
                                   gint64 feed_id,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data);
gboolean lede_store_remove_feed_finish (LedeStore *self, GAsyncResult *result, GError **error);
void lede_store_mark_all_read_async (LedeStore *self,
                                     LedeStoreScope scope,
                                     gint64 feed_id,
                                     GCancellable *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer user_data);
gboolean lede_store_mark_all_read_finish (LedeStore *self, GAsyncResult *result, GError **error);
void lede_store_set_flags_async (LedeStore *self,
                                 gint64 item_id,
                                 int read,
                                 int starred,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
gboolean lede_store_set_flags_finish (LedeStore *self, GAsyncResult *result, GError **error);

G_END_DECLS
