/* lede-store.c: the library on disk: one SQLite database (WAL) with a schema migrated by user_version. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <sqlite3.h>
#include <string.h>

#include "lede-store.h"

GQuark
lede_store_error_quark (void)
{
  return g_quark_from_static_string ("lede-store-error-quark");
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

struct _LedeStore
{
  GObject parent_instance;
  char *path;
  sqlite3 *db;
  /* One connection shared by every thread; the lock makes each operation (and each transaction)
   * whole. WAL keeps other processes' readers going meanwhile. */
  GRecMutex lock;
};

G_DEFINE_FINAL_TYPE (LedeStore, lede_store, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- records ---- */

static void
feed_clear (LedeStoreFeed *feed)
{
  g_free (feed->url);
  g_free (feed->title);
  g_free (feed->site_url);
  g_free (feed->folder);
  g_free (feed->etag);
  g_free (feed->last_modified);
  g_free (feed->last_error);
}

LedeStoreFeed *
lede_store_feed_ref (LedeStoreFeed *feed)
{
  return g_atomic_rc_box_acquire (feed);
}

void
lede_store_feed_unref (LedeStoreFeed *feed)
{
  g_atomic_rc_box_release_full (feed, (GDestroyNotify) feed_clear);
}

static void
item_clear (LedeStoreItem *item)
{
  g_free (item->feed_title);
  g_free (item->guid);
  g_free (item->url);
  g_free (item->title);
  g_free (item->author);
  g_free (item->image_url);
  g_free (item->summary);
  g_free (item->content);
  g_free (item->enclosure_url);
  g_free (item->enclosure_type);
  g_free (item->snippet);
}

LedeStoreItem *
lede_store_item_ref (LedeStoreItem *item)
{
  return g_atomic_rc_box_acquire (item);
}

void
lede_store_item_unref (LedeStoreItem *item)
{
  g_atomic_rc_box_release_full (item, (GDestroyNotify) item_clear);
}

static void
article_clear (LedeStoreArticle *article)
{
  g_free (article->url);
  g_free (article->title);
  g_free (article->byline);
  g_free (article->image_url);
  g_free (article->html);
  g_free (article->text);
  g_free (article->error);
}

LedeStoreArticle *
lede_store_article_ref (LedeStoreArticle *article)
{
  return g_atomic_rc_box_acquire (article);
}

void
lede_store_article_unref (LedeStoreArticle *article)
{
  g_atomic_rc_box_release_full (article, (GDestroyNotify) article_clear);
}

static void
figure_clear (LedeStoreFigure *figure)
{
  g_free (figure->item_title);
  g_free (figure->feed_title);
  g_free (figure->about);
  g_free (figure->kind);
  g_free (figure->unit);
  g_free (figure->qualifier);
  g_free (figure->source);
  g_free (figure->text);
}

LedeStoreFigure *
lede_store_figure_ref (LedeStoreFigure *figure)
{
  return g_atomic_rc_box_acquire (figure);
}

void
lede_store_figure_unref (LedeStoreFigure *figure)
{
  g_atomic_rc_box_release_full (figure, (GDestroyNotify) figure_clear);
}

void
lede_store_figure_pair_free (LedeStoreFigurePair *pair)
{
  if (pair == NULL)
    return;
  g_clear_pointer (&pair->here, lede_store_figure_unref);
  g_clear_pointer (&pair->there, lede_store_figure_unref);
  g_free (pair);
}

G_DEFINE_BOXED_TYPE (LedeStoreFeed, lede_store_feed, lede_store_feed_ref, lede_store_feed_unref)
G_DEFINE_BOXED_TYPE (LedeStoreItem, lede_store_item, lede_store_item_ref, lede_store_item_unref)
G_DEFINE_BOXED_TYPE (LedeStoreArticle, lede_store_article, lede_store_article_ref, lede_store_article_unref)
G_DEFINE_BOXED_TYPE (LedeStoreFigure, lede_store_figure, lede_store_figure_ref, lede_store_figure_unref)

/* ---- SQLite helpers ---- */

static gboolean
sql_fail (LedeStore *self, GError **error)
{
  g_set_error (error, LEDE_STORE_ERROR, LEDE_STORE_ERROR_SQL, _ ("The library database failed: %s"),
               sqlite3_errmsg (self->db));
  return FALSE;
}

static gboolean
exec (LedeStore *self, const char *sql, GError **error)
{
  char *message = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, LEDE_STORE_ERROR, LEDE_STORE_ERROR_SQL, _ ("The library database failed: %s"),
                   message ? message : sqlite3_errmsg (self->db));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

static sqlite3_stmt *
prepare (LedeStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      sql_fail (self, error);
      return NULL;
    }
  return stmt;
}

static void
bind_text (sqlite3_stmt *stmt, int index, const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static char *
column_text (sqlite3_stmt *stmt, int column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text ? g_strdup (text) : NULL;
}

/* Runs a statement that returns no rows. */
static gboolean
step_done (LedeStore *self, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return sql_fail (self, error);
  return TRUE;
}

static gboolean
begin (LedeStore *self, GError **error)
{
  /* IMMEDIATE takes the write lock now, so a second process waits (busy_timeout) at the start
   * rather than failing halfway through. */
  return exec (self, "BEGIN IMMEDIATE", error);
}

static gboolean
commit (LedeStore *self, GError **error)
{
  return exec (self, "COMMIT", error);
}

static void
rollback (LedeStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* ---- schema ---- */

static const char *migrations[] = {
  /* 1: the first schema */
  "CREATE TABLE feeds ("
  "  id INTEGER PRIMARY KEY,"
  "  url TEXT NOT NULL UNIQUE,"
  "  title TEXT,"
  "  custom_title TEXT,"
  "  site_url TEXT,"
  "  folder TEXT,"
  "  etag TEXT,"
  "  last_modified TEXT,"
  "  last_error TEXT,"
  "  last_checked INTEGER NOT NULL DEFAULT 0,"
  "  last_success INTEGER NOT NULL DEFAULT 0,"
  "  added INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE items ("
  "  id INTEGER PRIMARY KEY,"
  "  feed_id INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,"
  "  guid TEXT NOT NULL,"
  "  url TEXT,"
  "  title TEXT,"
  "  author TEXT,"
  "  published INTEGER NOT NULL,"
  "  updated INTEGER NOT NULL DEFAULT 0,"
  "  fetched INTEGER NOT NULL,"
  "  summary TEXT,"
  "  content TEXT,"
  "  image_url TEXT,"
  "  enclosure_url TEXT,"
  "  enclosure_type TEXT,"
  "  search_text TEXT," /* plain text of the best body we have, for FTS */
  "  read INTEGER NOT NULL DEFAULT 0,"
  "  starred INTEGER NOT NULL DEFAULT 0,"
  "  analysis_hash TEXT,"
  "  UNIQUE (feed_id, guid)"
  ");"
  "CREATE INDEX items_by_feed ON items (feed_id, published DESC, id DESC);"
  "CREATE INDEX items_by_date ON items (published DESC, id DESC);"
  "CREATE INDEX items_unread ON items (published DESC, id DESC) WHERE read = 0;"
  "CREATE INDEX items_unread_by_feed ON items (feed_id) WHERE read = 0;"
  "CREATE INDEX items_starred ON items (published DESC, id DESC) WHERE starred = 1;"
  "CREATE TABLE articles ("
  "  item_id INTEGER PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,"
  "  url TEXT,"
  "  title TEXT,"
  "  byline TEXT,"
  "  published INTEGER NOT NULL DEFAULT 0,"
  "  image_url TEXT,"
  "  html TEXT,"
  "  text TEXT,"
  "  error TEXT,"
  "  fetched INTEGER NOT NULL"
  ");"
  "CREATE TABLE analyses ("
  "  content_hash TEXT NOT NULL,"
  "  analyzer TEXT NOT NULL,"
  "  json TEXT NOT NULL,"
  "  created INTEGER NOT NULL,"
  "  PRIMARY KEY (content_hash, analyzer)"
  ") WITHOUT ROWID;"
  "CREATE TABLE actor_mentions ("
  "  key TEXT NOT NULL," /* a normalized name or alias */
  "  item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  mentions INTEGER NOT NULL,"
  "  PRIMARY KEY (key, item_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX actor_mentions_by_item ON actor_mentions (item_id);"
  "CREATE TABLE figures ("
  "  id INTEGER PRIMARY KEY,"
  "  item_id INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,"
  "  about_key TEXT NOT NULL,"
  "  about TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  value REAL NOT NULL,"
  "  unit TEXT,"
  "  qualifier TEXT,"
  "  source TEXT,"
  "  text TEXT"
  ");"
  "CREATE INDEX figures_by_about ON figures (about_key, kind);"
  "CREATE INDEX figures_by_item ON figures (item_id);"
  /* External-content FTS over items: the text lives once, in items. Triggers keep it in step on
   * update and delete; new rows are indexed by the code that inserts them (lede_store_save_feed()),
   * because an FTS5 insert from a trigger costs five times one made directly. */
  "CREATE VIRTUAL TABLE items_fts USING fts5 (title, search_text, content='items', content_rowid='id',"
  "  tokenize='unicode61 remove_diacritics 2');"
  "CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN"
  "  INSERT INTO items_fts (items_fts, rowid, title, search_text)"
  "    VALUES ('delete', old.id, old.title, old.search_text);"
  "END;"
  "CREATE TRIGGER items_fts_update AFTER UPDATE OF title, search_text ON items BEGIN"
  "  INSERT INTO items_fts (items_fts, rowid, title, search_text)"
  "    VALUES ('delete', old.id, old.title, old.search_text);"
  "  INSERT INTO items_fts (rowid, title, search_text) VALUES (new.id, new.title, new.search_text);"
  "END;",
  /* 2: items found by their address, so a page opened by address that a feed already has is that
   * feed's item (lede_store_find_item_by_url()) */
  "CREATE INDEX items_by_url ON items (url) WHERE url IS NOT NULL;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == LEDE_STORE_SCHEMA_VERSION);

int
lede_store_get_schema_version (LedeStore *self)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);

  stmt = prepare (self, "PRAGMA user_version", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int (stmt, 0);
}

static gboolean
migrate (LedeStore *self, GError **error)
{
  int version;

  if (!begin (self, error))
    return FALSE;
  version = lede_store_get_schema_version (self);
  if (version < 0)
    {
      rollback (self);
      return sql_fail (self, error);
    }
  if (version > LEDE_STORE_SCHEMA_VERSION)
    {
      rollback (self);
      g_set_error (error, LEDE_STORE_ERROR, LEDE_STORE_ERROR_NEWER_SCHEMA,
                   _ ("The library was written by a newer version of Lede (schema %d)"), version);
      return FALSE;
    }
  for (; version < LEDE_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);
      if (!exec (self, migrations[version], error) || !exec (self, set_version, error))
        {
          rollback (self);
          return FALSE;
        }
    }
  return commit (self, error);
}

/* ---- the object ---- */

static void
lede_store_finalize (GObject *object)
{
  LedeStore *self = LEDE_STORE (object);

  if (self->db != NULL)
    {
      /* Lets SQLite refresh its planner statistics after a session of writes. */
      sqlite3_exec (self->db, "PRAGMA optimize", NULL, NULL, NULL);
      sqlite3_close_v2 (self->db);
    }
  g_free (self->path);
  g_rec_mutex_clear (&self->lock);
  G_OBJECT_CLASS (lede_store_parent_class)->finalize (object);
}

static void
lede_store_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LedeStore *self = LEDE_STORE (object);

  switch (prop_id)
    {
      case PROP_PATH: g_value_set_string (value, self->path); break;
      default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lede_store_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LedeStore *self = LEDE_STORE (object);

  switch (prop_id)
    {
      case PROP_PATH: self->path = g_value_dup_string (value); break;
      default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lede_store_class_init (LedeStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lede_store_finalize;
  object_class->get_property = lede_store_get_property;
  object_class->set_property = lede_store_set_property;

  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL,
                                               G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                                                 | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lede_store_init (LedeStore *self)
{
  g_rec_mutex_init (&self->lock);
}

/**
 * lede_store_get_default_path:
 *
 * Returns: (transfer full): where the user's library lives: $XDG_DATA_HOME/lede/library.db
 */
char *
lede_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "lede", "library.db", NULL);
}

/**
 * lede_store_new:
 * @path: (nullable): the database file, or %NULL for the user's library
 *
 * Opens the library, creating it or bringing its schema up to date.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
LedeStore *
lede_store_new (const char *path, GError **error)
{
  g_autofree char *default_path = path ? NULL : lede_store_get_default_path ();
  g_autofree char *dir = NULL;
  g_autoptr (LedeStore) self = g_object_new (LEDE_TYPE_STORE, "path", path ? path : default_path, NULL);
  int rc;

  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, LEDE_STORE_ERROR, LEDE_STORE_ERROR_OPEN, _ ("Cannot create the folder %s: %s"), dir,
                   g_strerror (saved_errno));
      return NULL;
    }
  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, LEDE_STORE_ERROR, LEDE_STORE_ERROR_OPEN, _ ("Cannot open the library %s: %s"),
                   self->path, self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 5000);
  /* WAL: readers never wait for the writer, and a killed process loses only what it had not
   * committed. synchronous=NORMAL is durable across crashes of Lede (not of the machine), which is
   * what a cache of the web needs, and keeps refreshes fast. */
  if (!exec (self, "PRAGMA journal_mode = WAL", error) || !exec (self, "PRAGMA synchronous = NORMAL", error)
      || !exec (self, "PRAGMA foreign_keys = ON", error) || !exec (self, "PRAGMA temp_store = MEMORY", error)
      || !exec (self, "PRAGMA cache_size = -2048", error))
    {
      g_prefix_error (error, _ ("Cannot open the library %s: "), self->path);
      return NULL;
    }
  if (!migrate (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
lede_store_get_path (LedeStore *self)
{
  g_return_val_if_fail (LEDE_IS_STORE (self), NULL);
  return self->path;
}

/**
 * lede_store_check_integrity:
 *
 * Runs SQLite's integrity check and the foreign key check.
 *
 * Returns: %TRUE when the database is consistent
 */
gboolean
lede_store_check_integrity (LedeStore *self, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (sqlite3_stmt) fk = NULL;
  g_autoptr (GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);
  const char *result;

  if ((stmt = prepare (self, "PRAGMA integrity_check", error)) == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return sql_fail (self, error);
  result = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, LEDE_STORE_ERROR, LEDE_STORE_ERROR_SQL, _ ("The library database is damaged: %s"),
                   result ? result : "?");
      return FALSE;
    }
  if ((fk = prepare (self, "PRAGMA foreign_key_check", error)) == NULL)
    return FALSE;
  if (sqlite3_step (fk) == SQLITE_ROW)
    {
      g_set_error (error, LEDE_STORE_ERROR, LEDE_STORE_ERROR_SQL,
                   _ ("The library database is damaged: a row of %s refers to nothing"),
                   (const char *) sqlite3_column_text (fk, 0));
      return FALSE;
    }
  return TRUE;
}

/**
 * lede_store_content_hash:
 *
 * Returns: (transfer full): the key analyses are cached under for this text
 */
char *
lede_store_content_hash (const char *text)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text ? text : "", -1);
}

/* ---- feeds ---- */

#define FEED_COLUMNS                                                                                         \
  "f.id, f.url, coalesce(f.custom_title, f.title, f.url), f.site_url, f.folder, f.etag, f.last_modified,"    \
  " f.last_error, f.last_checked, f.last_success,"                                                           \
  " (SELECT count(*) FROM items u WHERE u.feed_id = f.id AND u.read = 0),"                                   \
  " (SELECT count(*) FROM items t WHERE t.feed_id = f.id)"

static LedeStoreFeed *
feed_from_row (sqlite3_stmt *stmt)
{
  LedeStoreFeed *feed = g_atomic_rc_box_new0 (LedeStoreFeed);

  feed->id = sqlite3_column_int64 (stmt, 0);
  feed->url = column_text (stmt, 1);
  feed->title = column_text (stmt, 2);
  feed->site_url = column_text (stmt, 3);
  feed->folder = column_text (stmt, 4);
  feed->etag = column_text (stmt, 5);
  feed->last_modified = column_text (stmt, 6);
  feed->last_error = column_text (stmt, 7);
  feed->last_checked = sqlite3_column_int64 (stmt, 8);
  feed->last_success = sqlite3_column_int64 (stmt, 9);
  feed->unread = sqlite3_column_int (stmt, 10);
  feed->total = sqlite3_column_int (stmt, 11);
  return feed;
}

/**
 * lede_store_add_feed:
 * @url: the feed's address
 * @title: (nullable): a name until the feed gives its own
 * @folder: (nullable): "News/World" style folder path
 *
 * Returns: the new feed's id, or 0 with @error set (%LEDE_STORE_ERROR_EXISTS when it is there already)
 */
gint64
lede_store_add_feed (LedeStore *self, const char *url, const char *title, const char *folder, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);

  g_return_val_if_fail (LEDE_IS_STORE (self), 0);
  g_return_val_if_fail (url != NULL, 0);

  stmt = prepare (self, "INSERT INTO feeds (url, title, folder, added) VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  bind_text (stmt, 1, url);
  bind_text (stmt, 2, title && *title ? title : NULL);
  bind_text (stmt, 3, folder && *folder ? folder : NULL);
  sqlite3_bind_int64 (stmt, 4, g_get_real_time () / G_USEC_PER_SEC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, LEDE_STORE_ERROR, LEDE_STORE_ERROR_EXISTS,
                     _ ("The feed %s is already in the library"), url);
      else
        sql_fail (self, error);
      return 0;
    }
  return sqlite3_last_insert_rowid (self->db);
}

static gboolean
update_feed (LedeStore *self, const char *sql, gint64 feed_id, const char *value, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);

  if ((stmt = prepare (self, sql, error)) == NULL)
    return FALSE;
  bind_text (stmt, 1, value && *value ? value : NULL);
  sqlite3_bind_int64 (stmt, 2, feed_id);
  if (!step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, LEDE_STORE_ERROR, LEDE_STORE_ERROR_NOT_FOUND, _ ("The feed is not in the library"));
      return FALSE;
    }
  return TRUE;
}

gboolean
lede_store_remove_feed (LedeStore *self, gint64 feed_id, GError **error)
{
  /* The items, their articles and index rows go with it (ON DELETE CASCADE, FTS by trigger),
   * all in this one statement. */
  return update_feed (self, "DELETE FROM feeds WHERE ?1 IS ?1 AND id = ?2", feed_id, NULL, error);
}

gboolean
lede_store_rename_feed (LedeStore *self, gint64 feed_id, const char *title, GError **error)
{
  return update_feed (self, "UPDATE feeds SET custom_title = ? WHERE id = ?", feed_id, title, error);
}

gboolean
lede_store_set_feed_folder (LedeStore *self, gint64 feed_id, const char *folder, GError **error)
{
  return update_feed (self, "UPDATE feeds SET folder = ? WHERE id = ?", feed_id, folder, error);
}

/**
 * lede_store_list_feeds:
 *
 * Returns: (transfer container) (element-type LedeStoreFeed): every feed, by folder then title,
 *   with its unread count
 */
GPtrArray *
lede_store_list_feeds (LedeStore *self, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) feeds = g_ptr_array_new_with_free_func ((GDestroyNotify) lede_store_feed_unref);
  g_autoptr (GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);
  int rc;

  stmt = prepare (self,
                  "SELECT " FEED_COLUMNS " FROM feeds f"
                  " ORDER BY f.folder IS NULL, f.folder COLLATE NOCASE,"
                  " coalesce(f.custom_title, f.title, f.url) COLLATE NOCASE",
                  error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (feeds, feed_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      sql_fail (self, error);
      return NULL;
    }
  return g_steal_pointer (&feeds);
}

LedeStoreFeed *
lede_store_get_feed (LedeStore *self, gint64 feed_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);
  int rc;

  if ((stmt = prepare (self, "SELECT " FEED_COLUMNS " FROM feeds f WHERE f.id = ?", error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, feed_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return feed_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, LEDE_STORE_ERROR, LEDE_STORE_ERROR_NOT_FOUND, _ ("The feed is not in the library"));
  else
    sql_fail (self, error);
  return NULL;
}

/* Returns: the id of the feed with this URL, or 0 */
gint64
lede_store_find_feed (LedeStore *self, const char *url)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);

  if ((stmt = prepare (self, "SELECT id FROM feeds WHERE url = ?", NULL)) == NULL)
    return 0;
  bind_text (stmt, 1, url);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/**
 * lede_store_find_item_by_url:
 * @except_feed: a feed whose items do not count, or 0
 *
 * Returns: the id of the newest item with this address in any other feed, or 0
 */
gint64
lede_store_find_item_by_url (LedeStore *self, const char *url, gint64 except_feed)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GRecMutexLocker) locker = NULL;

  g_return_val_if_fail (LEDE_IS_STORE (self), 0);
  if (url == NULL || *url == '\0')
    return 0;
  locker = g_rec_mutex_locker_new (&self->lock);
  if ((stmt = prepare (self,
                       "SELECT id FROM items WHERE url = ?1 AND feed_id != ?2"
                       " ORDER BY published DESC, id DESC LIMIT 1",
                       NULL))
      == NULL)
    return 0;
  bind_text (stmt, 1, url);
  sqlite3_bind_int64 (stmt, 2, except_feed);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

/* ---- OPML ---- */

/**
 * lede_store_import_opml:
 * @entries: (element-type LedeOpmlEntry): from lede_opml_parse()
 *
 * Adds the feeds of a subscription list, with their titles and folders; feeds already in the
 * library are left as they are. All or nothing.
 *
 * Returns: how many feeds were added (0 with @error set on failure)
 */
guint
lede_store_import_opml (LedeStore *self, GPtrArray *entries, GError **error)
{
  g_autoptr (GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint added = 0;

  g_return_val_if_fail (LEDE_IS_STORE (self), 0);

  if (!begin (self, error))
    return 0;
  stmt = prepare (self,
                  "INSERT OR IGNORE INTO feeds (url, title, site_url, folder, added) VALUES (?, ?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    {
      rollback (self);
      return 0;
    }
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      LedeOpmlEntry *entry = entries->pdata[i];

      if (entry->url == NULL || *entry->url == '\0')
        continue;
      sqlite3_reset (stmt);
      bind_text (stmt, 1, entry->url);
      bind_text (stmt, 2, entry->title);
      bind_text (stmt, 3, entry->site_url);
      bind_text (stmt, 4, entry->folder);
      sqlite3_bind_int64 (stmt, 5, now);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          sql_fail (self, error);
          rollback (self);
          return 0;
        }
      added += sqlite3_changes (self->db);
    }
  if (!commit (self, error))
    {
      rollback (self);
      return 0;
    }
  return added;
}

/**
 * lede_store_export_opml:
 *
 * Returns: (transfer container) (element-type LedeOpmlEntry): every feed, for lede_opml_write()
 */
GPtrArray *
lede_store_export_opml (LedeStore *self, GError **error)
{
  g_autoptr (GPtrArray) feeds = lede_store_list_feeds (self, error);
  GPtrArray *entries;

  if (feeds == NULL)
    return NULL;
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) lede_opml_entry_free);
  for (guint i = 0; i < feeds->len; i++)
    {
      LedeStoreFeed *feed = feeds->pdata[i];
      g_ptr_array_add (entries, lede_opml_entry_new (feed->url, feed->title, feed->site_url, feed->folder));
    }
  return entries;
}

/* ---- refreshing ---- */

static char *
search_text_for (const LedeFeedItem *item)
{
  const char *body = item->content ? item->content : item->summary;
  return body ? lede_feed_html_to_text (body, -1) : NULL;
}

static gboolean
same (const char *a, const char *b)
{
  return g_strcmp0 (a, b) == 0;
}

/**
 * lede_store_save_feed:
 * @feed_id: the feed refreshed
 * @feed: what its server sent
 * @etag: (nullable): the validators to send next time
 * @last_modified: (nullable):
 * @out_n_new: (out) (optional): how many items were new
 *
 * Stores a refreshed feed in one transaction: new items are added, changed ones updated, read and
 * starred states kept. Either all of it is stored or none.
 */
gboolean
lede_store_save_feed (LedeStore *self,
                      gint64 feed_id,
                      const LedeFeed *feed,
                      const char *etag,
                      const char *last_modified,
                      guint *out_n_new,
                      GError **error)
{
  g_autoptr (GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);
  g_autoptr (sqlite3_stmt) find = NULL;
  g_autoptr (sqlite3_stmt) insert = NULL;
  g_autoptr (sqlite3_stmt) update = NULL;
  g_autoptr (sqlite3_stmt) fts = NULL;
  g_autoptr (sqlite3_stmt) feed_update = NULL;
  g_autoptr (GHashTable) first_copy = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint n_new = 0;

  g_return_val_if_fail (LEDE_IS_STORE (self), FALSE);
  g_return_val_if_fail (feed != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;
  find = prepare (self, "SELECT id, title, url, summary, content FROM items WHERE feed_id = ? AND guid = ?",
                  error);
  insert = find
             ? prepare (self,
                        "INSERT INTO items (feed_id, guid, url, title, author, published, updated, fetched,"
                        " summary, content, image_url, enclosure_url, enclosure_type, search_text)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                        error)
             : NULL;
  /* An article fetched from the web is better search text than the feed's; keep it. */
  update = insert
             ? prepare (self,
                        "UPDATE items SET url = ?3, title = ?4, author = ?5, updated = ?7, summary = ?9,"
                        " content = ?10, image_url = ?11, enclosure_url = ?12, enclosure_type = ?13,"
                        " search_text = CASE WHEN EXISTS (SELECT 1 FROM articles a WHERE a.item_id = items.id"
                        "   AND a.text IS NOT NULL) THEN search_text ELSE ?14 END"
                        " WHERE feed_id = ?1 AND guid = ?2",
                        error)
             : NULL;
  fts = update ? prepare (self, "INSERT INTO items_fts (rowid, title, search_text) VALUES (?, ?, ?)", error)
               : NULL;
  feed_update
    = fts ? prepare (self,
                     "UPDATE feeds SET title = coalesce(?2, title), site_url = coalesce(?3, site_url),"
                     " etag = ?4, last_modified = ?5, last_error = NULL, last_checked = ?6,"
                     " last_success = ?6 WHERE id = ?1",
                     error)
          : NULL;
  if (feed_update == NULL)
    goto fail;

  /* A guid that comes twice in one document is the first copy's. */
  first_copy = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < feed->items->len; i++)
    {
      const LedeFeedItem *item = feed->items->pdata[i];
      if (!g_hash_table_contains (first_copy, item->guid))
        g_hash_table_insert (first_copy, item->guid, (gpointer) item);
    }

  /* Feeds list their newest item first; storing from the end gives newer items higher ids, which
   * orders undated items and keeps FTS rowids roughly by age (the search window relies on it). */
  for (guint i = feed->items->len; i-- > 0;)
    {
      const LedeFeedItem *item = feed->items->pdata[i];
      g_autofree char *text = NULL;
      gint64 published = item->published;
      sqlite3_stmt *write;
      int rc;

      if (g_hash_table_lookup (first_copy, item->guid) != item)
        continue;

      sqlite3_reset (find);
      sqlite3_bind_int64 (find, 1, feed_id);
      sqlite3_bind_text (find, 2, item->guid, -1, SQLITE_STATIC);
      rc = sqlite3_step (find);
      if (rc == SQLITE_ROW)
        {
          if (same ((const char *) sqlite3_column_text (find, 1), item->title)
              && same ((const char *) sqlite3_column_text (find, 2), item->url)
              && same ((const char *) sqlite3_column_text (find, 3), item->summary)
              && same ((const char *) sqlite3_column_text (find, 4), item->content))
            continue;
          write = update;
        }
      else if (rc == SQLITE_DONE)
        {
          write = insert;
          n_new++;
        }
      else
        goto fail;

      text = search_text_for (item);
      sqlite3_reset (write);
      sqlite3_bind_int64 (write, 1, feed_id);
      sqlite3_bind_text (write, 2, item->guid, -1, SQLITE_STATIC);
      bind_text (write, 3, item->url);
      bind_text (write, 4, item->title);
      bind_text (write, 5, item->author);
      /* An undated item counts as published when Lede first saw it; one dated in the future (a
       * wrong clock or time zone) too, or it would stay on top of every list. */
      if (published == 0 || published > now + 24 * 3600)
        published = now;
      sqlite3_bind_int64 (write, 6, published);
      sqlite3_bind_int64 (write, 7, item->updated);
      sqlite3_bind_int64 (write, 8, now);
      bind_text (write, 9, item->summary);
      bind_text (write, 10, item->content);
      bind_text (write, 11, item->image_url);
      bind_text (write, 12, item->enclosure_url);
      bind_text (write, 13, item->enclosure_type);
      bind_text (write, 14, text);
      if (sqlite3_step (write) != SQLITE_DONE)
        goto fail;
      if (write == insert)
        {
          sqlite3_reset (fts);
          sqlite3_bind_int64 (fts, 1, sqlite3_last_insert_rowid (self->db));
          bind_text (fts, 2, item->title);
          bind_text (fts, 3, text);
          if (sqlite3_step (fts) != SQLITE_DONE)
            goto fail;
        }
    }

  bind_text (feed_update, 2, feed->title);
  bind_text (feed_update, 3, feed->site_url);
  bind_text (feed_update, 4, etag);
  bind_text (feed_update, 5, last_modified);
  sqlite3_bind_int64 (feed_update, 1, feed_id);
  sqlite3_bind_int64 (feed_update, 6, now);
  if (sqlite3_step (feed_update) != SQLITE_DONE)
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      rollback (self);
      g_set_error (error, LEDE_STORE_ERROR, LEDE_STORE_ERROR_NOT_FOUND, _ ("The feed is not in the library"));
      return FALSE;
    }
  if (!commit (self, error))
    {
      rollback (self);
      return FALSE;
    }
  if (out_n_new)
    *out_n_new = n_new;
  return TRUE;

fail:
  if (error == NULL || *error == NULL)
    sql_fail (self, error);
  rollback (self);
  return FALSE;
}

gboolean
lede_store_save_not_modified (LedeStore *self, gint64 feed_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  stmt
    = prepare (self, "UPDATE feeds SET last_error = NULL, last_checked = ?2, last_success = ?2 WHERE id = ?1",
               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, feed_id);
  sqlite3_bind_int64 (stmt, 2, now);
  return step_done (self, stmt, error);
}

gboolean
lede_store_save_feed_error (LedeStore *self, gint64 feed_id, const char *message, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);

  stmt = prepare (self, "UPDATE feeds SET last_error = ?2, last_checked = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, feed_id);
  bind_text (stmt, 2, message ? message : _ ("Unknown error"));
  sqlite3_bind_int64 (stmt, 3, g_get_real_time () / G_USEC_PER_SEC);
  return step_done (self, stmt, error);
}

/* ---- items ---- */

#define ITEM_COLUMNS                                                                                         \
  "i.id, i.feed_id, coalesce(f.custom_title, f.title, f.url), i.guid, i.url, i.title, i.author, "            \
  "i.published,"                                                                                             \
  " i.image_url, i.read, i.starred, i.content IS NOT NULL"
#define N_ITEM_COLUMNS 12
#define ITEM_FROM " FROM items i JOIN feeds f ON f.id = i.feed_id"
#define ITEM_ORDER " ORDER BY i.published DESC, i.id DESC"

static LedeStoreItem *
item_from_row (sqlite3_stmt *stmt)
{
  LedeStoreItem *item = g_atomic_rc_box_new0 (LedeStoreItem);

  item->id = sqlite3_column_int64 (stmt, 0);
  item->feed_id = sqlite3_column_int64 (stmt, 1);
  item->feed_title = column_text (stmt, 2);
  item->guid = column_text (stmt, 3);
  item->url = column_text (stmt, 4);
  item->title = column_text (stmt, 5);
  item->author = column_text (stmt, 6);
  item->published = sqlite3_column_int64 (stmt, 7);
  item->image_url = column_text (stmt, 8);
  item->read = sqlite3_column_int (stmt, 9) != 0;
  item->starred = sqlite3_column_int (stmt, 10) != 0;
  item->has_content = sqlite3_column_int (stmt, 11) != 0;
  return item;
}

static const char *
scope_where (LedeStoreScope scope)
{
  switch (scope)
    {
      case LEDE_STORE_SCOPE_UNREAD: return " WHERE i.read = 0 AND ?1 IS ?1";
      case LEDE_STORE_SCOPE_STARRED: return " WHERE i.starred = 1 AND ?1 IS ?1";
      case LEDE_STORE_SCOPE_FEED: return " WHERE i.feed_id = ?1";
      case LEDE_STORE_SCOPE_ALL:
      default: return " WHERE ?1 IS ?1";
    }
}

static GPtrArray *
collect_items (LedeStore *self, sqlite3_stmt *stmt, GError **error)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) lede_store_item_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, item_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      sql_fail (self, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

/**
 * lede_store_list_items:
 * @scope: which items
 * @feed_id: the feed, for %LEDE_STORE_SCOPE_FEED
 * @offset: how many to skip
 * @limit: how many at most (0: all)
 *
 * Returns: (transfer container) (element-type LedeStoreItem): items newest first, without their bodies
 */
GPtrArray *
lede_store_list_items (LedeStore *self,
                       LedeStoreScope scope,
                       gint64 feed_id,
                       guint offset,
                       guint limit,
                       GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);
  g_autofree char *sql = g_strconcat ("SELECT " ITEM_COLUMNS ITEM_FROM, scope_where (scope),
                                      ITEM_ORDER " LIMIT ?2 OFFSET ?3", NULL);

  if ((stmt = prepare (self, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, feed_id);
  sqlite3_bind_int64 (stmt, 2, limit ? (gint64) limit : -1);
  sqlite3_bind_int64 (stmt, 3, offset);
  return collect_items (self, stmt, error);
}

/**
 * lede_store_list_item_ids:
 *
 * The ids of a whole list, newest first, for a virtual list that loads rows as they show
 * (lede_store_get_items()); 100,000 ids are under a megabyte.
 *
 * Returns: (transfer full) (element-type gint64): the ids
 */
GArray *
lede_store_list_item_ids (LedeStore *self, LedeStoreScope scope, gint64 feed_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);
  g_autofree char *sql = g_strconcat ("SELECT i.id FROM items i", scope_where (scope), ITEM_ORDER, NULL);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if ((stmt = prepare (self, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, feed_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      sql_fail (self, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/**
 * lede_store_list_folder_item_ids:
 * @folder: "News" (its subfolders, "News/World", count too)
 * @unread_only: only the unread items
 *
 * Returns: (transfer full) (element-type gint64): the ids of the folder's items, newest first
 */
GArray *
lede_store_list_folder_item_ids (LedeStore *self, const char *folder, gboolean unread_only, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *prefix = g_strconcat (folder ? folder : "", "/", NULL);
  int rc;

  /* substr() rather than LIKE: folder names may hold % and _ */
  stmt = prepare (self,
                  "SELECT i.id FROM items i JOIN feeds f ON f.id = i.feed_id"
                  " WHERE (f.folder = ?1 OR substr (f.folder, 1, length (?2)) = ?2) AND (?3 = 0 OR i.read = "
                  "0)" ITEM_ORDER,
                  error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, folder ? folder : "");
  bind_text (stmt, 2, prefix);
  sqlite3_bind_int (stmt, 3, unread_only ? 1 : 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      sql_fail (self, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/**
 * lede_store_get_items:
 *
 * Returns: (transfer container) (element-type LedeStoreItem): the items with these ids, in the
 *   order asked (ids no longer there are left out)
 */
GPtrArray *
lede_store_get_items (LedeStore *self, const gint64 *ids, guint n_ids, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) lede_store_item_unref);

  if ((stmt = prepare (self, "SELECT " ITEM_COLUMNS ITEM_FROM " WHERE i.id = ?", error)) == NULL)
    return NULL;
  for (guint i = 0; i < n_ids; i++)
    {
      int rc;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        g_ptr_array_add (items, item_from_row (stmt));
      else if (rc != SQLITE_DONE)
        {
          sql_fail (self, error);
          return NULL;
        }
    }
  return g_steal_pointer (&items);
}

/**
 * lede_store_get_item:
 *
 * Returns: (transfer full): the item with its summary, content and enclosure
 */
LedeStoreItem *
lede_store_get_item (LedeStore *self, gint64 item_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);
  LedeStoreItem *item;
  int rc;

  stmt = prepare (self,
                  "SELECT " ITEM_COLUMNS ", i.summary, i.content, i.enclosure_url, i.enclosure_type" ITEM_FROM
                  " WHERE i.id = ?",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, LEDE_STORE_ERROR, LEDE_STORE_ERROR_NOT_FOUND,
                     _ ("The article is not in the library"));
      else
        sql_fail (self, error);
      return NULL;
    }
  item = item_from_row (stmt);
  item->summary = column_text (stmt, N_ITEM_COLUMNS);
  item->content = column_text (stmt, N_ITEM_COLUMNS + 1);
  item->enclosure_url = column_text (stmt, N_ITEM_COLUMNS + 2);
  item->enclosure_type = column_text (stmt, N_ITEM_COLUMNS + 3);
  return item;
}

guint
lede_store_count_items (LedeStore *self, LedeStoreScope scope, gint64 feed_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);
  g_autofree char *sql = g_strconcat ("SELECT count(*) FROM items i", scope_where (scope), NULL);

  if ((stmt = prepare (self, sql, error)) == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, feed_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sql_fail (self, error);
      return 0;
    }
  return sqlite3_column_int (stmt, 0);
}

static gboolean
set_flag (LedeStore *self, const char *sql, gint64 item_id, gboolean value, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);

  if ((stmt = prepare (self, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, value ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, item_id);
  if (!step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, LEDE_STORE_ERROR, LEDE_STORE_ERROR_NOT_FOUND,
                   _ ("The article is not in the library"));
      return FALSE;
    }
  return TRUE;
}

gboolean
lede_store_set_read (LedeStore *self, gint64 item_id, gboolean read, GError **error)
{
  return set_flag (self, "UPDATE items SET read = ? WHERE id = ?", item_id, read, error);
}

gboolean
lede_store_set_starred (LedeStore *self, gint64 item_id, gboolean starred, GError **error)
{
  return set_flag (self, "UPDATE items SET starred = ? WHERE id = ?", item_id, starred, error);
}

gboolean
lede_store_mark_all_read (LedeStore *self, LedeStoreScope scope, gint64 feed_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);
  g_autofree char *sql
    = g_strconcat ("UPDATE items AS i SET read = 1", scope_where (scope), " AND i.read = 0", NULL);

  if ((stmt = prepare (self, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, feed_id);
  return step_done (self, stmt, error);
}

/* Turns what a person types into an FTS5 query: every word must appear, the last one may be
 * unfinished (when prefix is set), and no character of theirs can be FTS5 syntax. */
static char *
fts_query (const char *query, gboolean prefix)
{
  g_auto (GStrv) words = g_strsplit_set (query ? query : "", " \t\n\r", -1);
  g_autoptr (GString) out = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_c (out, '"');
      for (const char *p = words[i]; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
      n++;
    }
  if (n == 0)
    return NULL;
  if (prefix)
    g_string_append_c (out, '*');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The words of a query as the snippet compares them (lede_store_normalize_key() of each run of
 * letters and digits, as the FTS tokenizer splits them). */
static GPtrArray *
query_words (const char *query)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *p = query, *start = NULL;

  for (;; p = g_utf8_next_char (p))
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;
      gboolean word = c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c));

      if (word && start == NULL)
        start = p;
      else if (!word && start != NULL)
        {
          g_autofree char *raw = g_strndup (start, p - start);
          char *key = lede_store_normalize_key (raw);
          if (*key)
            g_ptr_array_add (words, key);
          else
            g_free (key);
          start = NULL;
        }
      if (c == 0)
        break;
    }
  return words;
}

static gboolean
word_matches (const char *word, gsize length, GPtrArray *query)
{
  g_autofree char *raw = g_strndup (word, length);
  g_autofree char *key = lede_store_normalize_key (raw);

  /* Every query word may be unfinished; the FTS query decided what matches, this only shows it. */
  for (guint i = 0; i < query->len; i++)
    if (g_str_has_prefix (key, query->pdata[i]))
      return TRUE;
  return FALSE;
}

/* About 24 words of text around the first match, matches in <b></b>, the rest escaped (Pango or
 * HTML markup). Made here rather than with FTS5's snippet(), which re-reads the whole doclist of a
 * prefix query for every row. */
static char *
make_snippet (const char *text, GPtrArray *query)
{
  typedef struct
  {
    const char *start;
    gsize length;
    gsize core_start; /* the letters of "ferry," without the comma */
    gsize core_end;
    gboolean match;
  } Word;
  g_autoptr (GArray) words = g_array_new (FALSE, FALSE, sizeof (Word));
  g_autoptr (GString) out = g_string_new (NULL);
  const char *p = text, *start = NULL;
  guint first = 0, from, to;
  gboolean found = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");
  for (;; p = g_utf8_next_char (p))
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;
      gboolean space = c == 0 || g_unichar_isspace (c);

      if (!space && start == NULL)
        start = p;
      else if (space && start != NULL)
        {
          Word w = { start, p - start, 0, 0, FALSE };
          const char *q = start, *e;

          while (q < p && !g_unichar_isalnum (g_utf8_get_char (q)))
            q = g_utf8_next_char (q);
          for (e = q;
               e < p && (g_unichar_isalnum (g_utf8_get_char (e)) || g_unichar_ismark (g_utf8_get_char (e)));
               e = g_utf8_next_char (e))
            ;
          w.core_start = q - start;
          w.core_end = e - start;
          if (e > q)
            w.match = word_matches (q, e - q, query);
          if (w.match && !found)
            {
              first = words->len;
              found = TRUE;
            }
          g_array_append_val (words, w);
          start = NULL;
          if (found && words->len > first + 20)
            break;
        }
      if (c == 0)
        break;
    }
  from = first > 6 ? first - 6 : 0;
  to = MIN (words->len, from + 24);
  if (from > 0)
    g_string_append (out, "… ");
  for (guint i = from; i < to; i++)
    {
      Word *w = &g_array_index (words, Word, i);

      if (i > from)
        g_string_append_c (out, ' ');
      if (w->match)
        {
          g_autofree char *before = g_markup_escape_text (w->start, w->core_start);
          g_autofree char *core
            = g_markup_escape_text (w->start + w->core_start, w->core_end - w->core_start);
          g_autofree char *after = g_markup_escape_text (w->start + w->core_end, w->length - w->core_end);
          g_string_append_printf (out, "%s<b>%s</b>%s", before, core, after);
        }
      else
        {
          g_autofree char *escaped = g_markup_escape_text (w->start, w->length);
          g_string_append (out, escaped);
        }
    }
  if (to < words->len || *p != '\0')
    g_string_append (out, " …");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static glong
last_word_length (const char *query)
{
  g_auto (GStrv) words = g_strsplit_set (query, " \t\n\r", -1);
  guint n = g_strv_length (words);

  while (n > 0 && *words[n - 1] == '\0')
    n--;
  return n > 0 ? g_utf8_strlen (words[n - 1], -1) : 0;
}

/* The ids of the best matches among the newest LEDE_STORE_SEARCH_WINDOW, best first. */
static gboolean
rank_matches (LedeStore *self, const char *match, guint limit, GArray *ids, GError **error)
{
  g_autoptr (sqlite3_stmt) window = NULL;
  g_autoptr (sqlite3_stmt) ranked = NULL;
  int rc;

  g_array_set_size (ids, 0);
  window = prepare (self,
                    "SELECT min(rowid) FROM (SELECT rowid FROM items_fts WHERE items_fts MATCH ?1"
                    " ORDER BY rowid DESC LIMIT ?2)",
                    error);
  if (window == NULL)
    return FALSE;
  sqlite3_bind_text (window, 1, match, -1, SQLITE_STATIC);
  sqlite3_bind_int (window, 2, LEDE_STORE_SEARCH_WINDOW);
  if (sqlite3_step (window) != SQLITE_ROW)
    return sql_fail (self, error);
  if (sqlite3_column_type (window, 0) == SQLITE_NULL)
    return TRUE;

  ranked = prepare (self,
                    "SELECT rowid FROM items_fts WHERE items_fts MATCH ?1 AND rowid >= ?2"
                    " ORDER BY bm25(items_fts, 4.0, 1.0), rowid DESC LIMIT ?3",
                    error);
  if (ranked == NULL)
    return FALSE;
  sqlite3_bind_text (ranked, 1, match, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (ranked, 2, sqlite3_column_int64 (window, 0));
  sqlite3_bind_int64 (ranked, 3, limit);
  while ((rc = sqlite3_step (ranked)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (ranked, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    return sql_fail (self, error);
  return TRUE;
}

/**
 * lede_store_search:
 * @query: words as a person types them
 * @limit: how many results at most (0: 50)
 *
 * Ranks by BM25 (titles weigh four times the text) the newest %LEDE_STORE_SEARCH_WINDOW articles
 * that match. A news library is searched for recent things, and ranking every one of 100,000
 * articles that contain a common word would take a second; this takes milliseconds at any size.
 * Whole words are tried first; only when they find too little is the last word, if it has three
 * letters or more, taken as unfinished, because an FTS5 prefix query merges the index of every
 * word it could be.
 *
 * Returns: (transfer container) (element-type LedeStoreItem): the best matches first, each with a snippet
 */
GPtrArray *
lede_store_search (LedeStore *self, const char *query, guint limit, GError **error)
{
  g_autoptr (sqlite3_stmt) row = NULL;
  g_autoptr (GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) lede_store_item_unref);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) words = NULL;
  g_autofree char *whole = fts_query (query, FALSE);
  g_autofree char *unfinished = fts_query (query, TRUE);

  if (limit == 0)
    limit = 50;
  if (whole == NULL)
    return g_steal_pointer (&items);
  if (!rank_matches (self, whole, limit, ids, error))
    return NULL;
  /* One or two letters would expand to thousands of words (400 ms at 100,000 articles). */
  if (ids->len < limit && last_word_length (query) >= 3
      && !rank_matches (self, unfinished, limit, ids, error))
    return NULL;

  words = query_words (query);
  row = prepare (self, "SELECT " ITEM_COLUMNS ", i.search_text" ITEM_FROM " WHERE i.id = ?", error);
  if (row == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      LedeStoreItem *item;

      sqlite3_reset (row);
      sqlite3_bind_int64 (row, 1, g_array_index (ids, gint64, i));
      if (sqlite3_step (row) != SQLITE_ROW)
        continue;
      item = item_from_row (row);
      item->snippet = make_snippet ((const char *) sqlite3_column_text (row, N_ITEM_COLUMNS), words);
      g_ptr_array_add (items, item);
    }
  return g_steal_pointer (&items);
}

/* ---- articles ---- */

gboolean
lede_store_save_article (LedeStore *self, const LedeStoreArticle *article, GError **error)
{
  g_autoptr (GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (sqlite3_stmt) text = NULL;

  if (!begin (self, error))
    return FALSE;
  stmt = prepare (self,
                  "INSERT OR REPLACE INTO articles (item_id, url, title, byline, published, image_url, html,"
                  " text, error, fetched) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, article->item_id);
  bind_text (stmt, 2, article->url);
  bind_text (stmt, 3, article->title);
  bind_text (stmt, 4, article->byline);
  sqlite3_bind_int64 (stmt, 5, article->published);
  bind_text (stmt, 6, article->image_url);
  bind_text (stmt, 7, article->html);
  bind_text (stmt, 8, article->text);
  bind_text (stmt, 9, article->error);
  sqlite3_bind_int64 (stmt, 10, article->fetched ? article->fetched : g_get_real_time () / G_USEC_PER_SEC);
  if (!step_done (self, stmt, error))
    goto fail;
  if (article->text != NULL)
    {
      /* Search the whole article from now on, not just the feed's teaser. */
      if ((text = prepare (self, "UPDATE items SET search_text = ? WHERE id = ?", error)) == NULL)
        goto fail;
      bind_text (text, 1, article->text);
      sqlite3_bind_int64 (text, 2, article->item_id);
      if (!step_done (self, text, error))
        goto fail;
    }
  if (commit (self, error))
    return TRUE;
fail:
  rollback (self);
  return FALSE;
}

/**
 * lede_store_get_article:
 *
 * Returns: (transfer full) (nullable): the article fetched for this item, or %NULL (without an
 *   error) when there is none yet
 */
LedeStoreArticle *
lede_store_get_article (LedeStore *self, gint64 item_id, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);
  LedeStoreArticle *article;
  int rc;

  stmt = prepare (self,
                  "SELECT item_id, url, title, byline, published, image_url, html, text, error, fetched"
                  " FROM articles WHERE item_id = ?",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      sql_fail (self, error);
      return NULL;
    }
  article = g_atomic_rc_box_new0 (LedeStoreArticle);
  article->item_id = sqlite3_column_int64 (stmt, 0);
  article->url = column_text (stmt, 1);
  article->title = column_text (stmt, 2);
  article->byline = column_text (stmt, 3);
  article->published = sqlite3_column_int64 (stmt, 4);
  article->image_url = column_text (stmt, 5);
  article->html = column_text (stmt, 6);
  article->text = column_text (stmt, 7);
  article->error = column_text (stmt, 8);
  article->fetched = sqlite3_column_int64 (stmt, 9);
  return article;
}

/* ---- analyses and the indexes across articles ---- */

/**
 * lede_store_normalize_key:
 *
 * The form names are compared in across articles: case-folded, accents and "the" dropped,
 * spaces collapsed ("The  Ministry of Health" = "ministry of health").
 *
 * Returns: (transfer full): the key
 */
char *
lede_store_normalize_key (const char *name)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  g_autoptr (GString) out = NULL;
  const char *p;
  gboolean space = FALSE;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return g_strdup ("");
  decomposed = g_utf8_normalize (name, -1, G_NORMALIZE_ALL);
  folded = g_utf8_casefold (decomposed ? decomposed : name, -1);
  out = g_string_new (NULL);
  for (p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK
          || type == G_UNICODE_ENCLOSING_MARK)
        continue;
      if (g_unichar_isspace (c) || c == '-' || c == 0x2010 || c == 0x2011)
        {
          space = out->len > 0;
          continue;
        }
      if (c == '.' || c == '\'' || c == 0x2019)
        continue;
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  if (g_str_has_prefix (out->str, "the ") && out->len > 4)
    g_string_erase (out, 0, 4);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * lede_store_lookup_analysis:
 *
 * Returns: (transfer full) (nullable): the cached lede.analysis/1 JSON for this text and analyzer
 */
char *
lede_store_lookup_analysis (LedeStore *self, const char *content_hash, const char *analyzer)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);

  if ((stmt = prepare (self, "SELECT json FROM analyses WHERE content_hash = ? AND analyzer = ?", NULL))
      == NULL)
    return NULL;
  bind_text (stmt, 1, content_hash);
  bind_text (stmt, 2, analyzer);
  return sqlite3_step (stmt) == SQLITE_ROW ? column_text (stmt, 0) : NULL;
}

static gboolean
index_actors (LedeStore *self, gint64 item_id, LedeAnalysis *analysis, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt = prepare (self,
                  "INSERT INTO actor_mentions (key, item_id, name, kind, mentions) VALUES (?, ?, ?, ?, ?)"
                  " ON CONFLICT (key, item_id) DO UPDATE SET mentions = max(mentions, excluded.mentions)",
                  error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < lede_analysis_get_n_actors (analysis); i++)
    {
      const LedeActor *actor = lede_analysis_get_actor (analysis, i);
      guint n_names = actor->aliases ? actor->aliases->len : 0;

      /* The name and every alias point at the article, so "Smith" finds "John Smith". */
      for (guint j = 0; j <= n_names; j++)
        {
          const char *name = j == 0 ? actor->name : actor->aliases->pdata[j - 1];
          g_autofree char *key = lede_store_normalize_key (name);

          if (*key == '\0')
            continue;
          sqlite3_reset (stmt);
          sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 2, item_id);
          bind_text (stmt, 3, actor->name);
          bind_text (stmt, 4, lede_actor_kind_to_string (actor->kind));
          sqlite3_bind_int (stmt, 5, actor->mentions ? actor->mentions->len : 0);
          if (!step_done (self, stmt, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
index_figures (LedeStore *self, gint64 item_id, LedeAnalysis *analysis, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  stmt
    = prepare (self,
               "INSERT INTO figures (item_id, about_key, about, kind, value, unit, qualifier, source, text)"
               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
               error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < lede_analysis_get_n_figures (analysis); i++)
    {
      const LedeFigure *figure = lede_analysis_get_figure (analysis, i);
      g_autofree char *key = NULL;
      g_autofree char *text = NULL;
      const LedeActor *source = NULL;

      /* Only a figure that says what it counts can be compared with another. */
      if (figure->about == NULL || figure->kind == LEDE_FIGURE_DATE || figure->kind == LEDE_FIGURE_ORDINAL)
        continue;
      key = lede_store_normalize_key (figure->about);
      if (*key == '\0')
        continue;
      if (figure->source >= 0 && (guint) figure->source < lede_analysis_get_n_actors (analysis))
        source = lede_analysis_get_actor (analysis, figure->source);
      text = lede_analysis_dup_span_text (analysis, &figure->span);
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, item_id);
      sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
      bind_text (stmt, 3, figure->about);
      bind_text (stmt, 4, lede_figure_kind_to_string (figure->kind));
      sqlite3_bind_double (stmt, 5, figure->value);
      bind_text (stmt, 6, figure->unit);
      bind_text (stmt, 7, figure->qualifier);
      bind_text (stmt, 8, source ? source->name : NULL);
      bind_text (stmt, 9, text);
      if (!step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * lede_store_save_analysis:
 * @item_id: the item analysed
 * @content_hash: lede_store_content_hash() of the text analysed
 * @analysis: the analysis
 *
 * Caches the analysis (as lede.analysis/1 JSON) and puts the item's actors and figures in the
 * indexes across articles, replacing what the item had there, in one transaction.
 */
gboolean
lede_store_save_analysis (LedeStore *self,
                          gint64 item_id,
                          const char *content_hash,
                          LedeAnalysis *analysis,
                          GError **error)
{
  g_autoptr (GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);
  g_autoptr (sqlite3_stmt) cache = NULL;
  g_autoptr (sqlite3_stmt) link = NULL;
  g_autoptr (sqlite3_stmt) clear_actors = NULL;
  g_autoptr (sqlite3_stmt) clear_figures = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (LEDE_IS_ANALYSIS (analysis), FALSE);
  g_return_val_if_fail (content_hash != NULL, FALSE);

  json = lede_analysis_to_json (analysis, FALSE);
  if (!begin (self, error))
    return FALSE;
  if ((cache = prepare (self,
                        "INSERT OR REPLACE INTO analyses (content_hash, analyzer, json, created)"
                        " VALUES (?, ?, ?, ?)",
                        error))
      == NULL)
    goto fail;
  bind_text (cache, 1, content_hash);
  bind_text (cache, 2, lede_analysis_get_analyzer (analysis));
  bind_text (cache, 3, json);
  sqlite3_bind_int64 (cache, 4, g_get_real_time () / G_USEC_PER_SEC);
  if (!step_done (self, cache, error))
    goto fail;
  if ((link = prepare (self, "UPDATE items SET analysis_hash = ? WHERE id = ?", error)) == NULL)
    goto fail;
  bind_text (link, 1, content_hash);
  sqlite3_bind_int64 (link, 2, item_id);
  if (!step_done (self, link, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, LEDE_STORE_ERROR, LEDE_STORE_ERROR_NOT_FOUND,
                   _ ("The article is not in the library"));
      goto fail;
    }
  if ((clear_actors = prepare (self, "DELETE FROM actor_mentions WHERE item_id = ?", error)) == NULL)
    goto fail;
  sqlite3_bind_int64 (clear_actors, 1, item_id);
  if (!step_done (self, clear_actors, error))
    goto fail;
  if ((clear_figures = prepare (self, "DELETE FROM figures WHERE item_id = ?", error)) == NULL)
    goto fail;
  sqlite3_bind_int64 (clear_figures, 1, item_id);
  if (!step_done (self, clear_figures, error))
    goto fail;
  if (!index_actors (self, item_id, analysis, error) || !index_figures (self, item_id, analysis, error))
    goto fail;
  if (commit (self, error))
    return TRUE;
fail:
  rollback (self);
  return FALSE;
}

/**
 * lede_store_dup_item_text:
 * @out_title: (out) (optional): the title to analyse with it
 *
 * The best text Lede has of an item: the article fetched from the web, else the feed's content,
 * else its summary, as plain text.
 *
 * Returns: (transfer full): the text (maybe empty), or %NULL with @error set
 */
char *
lede_store_dup_item_text (LedeStore *self, gint64 item_id, char **out_title, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);
  int rc;

  stmt = prepare (self,
                  "SELECT coalesce(a.title, i.title), coalesce(a.text, i.search_text, '') FROM items i"
                  " LEFT JOIN articles a ON a.item_id = i.id AND a.text IS NOT NULL WHERE i.id = ?",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, LEDE_STORE_ERROR, LEDE_STORE_ERROR_NOT_FOUND,
                     _ ("The article is not in the library"));
      else
        sql_fail (self, error);
      return NULL;
    }
  if (out_title != NULL)
    *out_title = column_text (stmt, 0);
  return column_text (stmt, 1);
}

/* What lede-analysis.c names itself; a cached analysis by another version is not reused. */
#define CURRENT_ANALYZER "lede " PACKAGE_VERSION

/**
 * lede_store_analyze_item:
 *
 * The analysis of an item's best text (lede_store_dup_item_text()): from the cache when this
 * text was analysed by this version of the analyzer, else computed now, cached and indexed (actors
 * and figures across articles). Call it from a worker thread (or use the async variant): the
 * analysis takes tens of milliseconds, and the store stays usable by other threads meanwhile.
 *
 * Returns: (transfer full): the analysis, or %NULL with @error set (%LEDE_ANALYSIS_ERROR_EMPTY
 *   when the item has no text yet)
 */
LedeAnalysis *
lede_store_analyze_item (LedeStore *self, gint64 item_id, GError **error)
{
  g_autofree char *title = NULL;
  g_autofree char *text = lede_store_dup_item_text (self, item_id, &title, error);
  g_autofree char *key = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *json = NULL;
  g_autofree char *linked = NULL;
  g_autoptr (LedeAnalysis) analysis = NULL;

  if (text == NULL)
    return NULL;
  key = g_strconcat (title ? title : "", "\n\n", text, NULL);
  hash = lede_store_content_hash (key);
  json = lede_store_lookup_analysis (self, hash, CURRENT_ANALYZER);
  if (json != NULL)
    analysis = lede_analysis_new_from_json (json, -1, NULL);
  if (analysis != NULL)
    {
      /* cached (maybe from the same article in another feed): index it for this item if need be */
      g_autoptr (sqlite3_stmt) stmt = NULL;
      g_autoptr (GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);

      stmt = prepare (self, "SELECT analysis_hash FROM items WHERE id = ?", NULL);
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, item_id);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            linked = column_text (stmt, 0);
        }
      if (g_strcmp0 (linked, hash) == 0)
        return g_steal_pointer (&analysis);
    }
  else
    {
      analysis = lede_analysis_new_for_text (text, -1, title, LEDE_ANALYSIS_FLAGS_NONE,
                                             LEDE_ANALYSIS_DEFAULT_MAX_SIZE, error);
      if (analysis == NULL)
        return NULL;
    }
  if (!lede_store_save_analysis (self, item_id, hash, analysis, error))
    return NULL;
  return g_steal_pointer (&analysis);
}

/**
 * lede_store_list_unanalyzed:
 * @limit: how many at most (0: all)
 *
 * Returns: (transfer full) (element-type gint64): items with text that were never analysed, newest
 *   first, for analysing in the background
 */
GArray *
lede_store_list_unanalyzed (LedeStore *self, guint limit, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  stmt = prepare (self,
                  "SELECT i.id FROM items i WHERE i.analysis_hash IS NULL AND (length (i.search_text) > 0"
                  " OR EXISTS (SELECT 1 FROM articles a WHERE a.item_id = i.id AND length (a.text) > "
                  "0))" ITEM_ORDER " LIMIT ?",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit ? (gint64) limit : -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      sql_fail (self, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/**
 * lede_store_find_actor_items:
 * @names: (array zero-terminated=1): the actor's name and aliases
 * @exclude_item_id: the article being read (left out), or 0
 * @limit: how many at most (0: 50)
 *
 * Returns: (transfer container) (element-type LedeStoreItem): the other articles naming the actor,
 *   newest first, with how often each names it
 */
GPtrArray *
lede_store_find_actor_items (LedeStore *self,
                             const char *const *names,
                             gint64 exclude_item_id,
                             guint limit,
                             GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) lede_store_item_unref);
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) sql = NULL;
  int rc;

  for (guint i = 0; names != NULL && names[i] != NULL && keys->len < 32; i++)
    {
      char *key = lede_store_normalize_key (names[i]);
      if (*key != '\0')
        g_ptr_array_add (keys, key);
      else
        g_free (key);
    }
  if (keys->len == 0)
    return g_steal_pointer (&items);
  sql = g_string_new ("SELECT " ITEM_COLUMNS ", max(m.mentions) FROM actor_mentions m"
                      " JOIN items i ON i.id = m.item_id JOIN feeds f ON f.id = i.feed_id WHERE m.key IN (");
  for (guint i = 0; i < keys->len; i++)
    g_string_append (sql, i ? ", ?" : "?");
  g_string_append (sql, ") AND i.id != ? GROUP BY i.id" ITEM_ORDER " LIMIT ?");
  if ((stmt = prepare (self, sql->str, error)) == NULL)
    return NULL;
  for (guint i = 0; i < keys->len; i++)
    sqlite3_bind_text (stmt, i + 1, keys->pdata[i], -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, keys->len + 1, exclude_item_id);
  sqlite3_bind_int64 (stmt, keys->len + 2, limit ? limit : 50);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LedeStoreItem *item = item_from_row (stmt);
      item->mentions = sqlite3_column_int (stmt, N_ITEM_COLUMNS);
      g_ptr_array_add (items, item);
    }
  if (rc != SQLITE_DONE)
    {
      sql_fail (self, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

static LedeStoreFigure *
figure_from_row (sqlite3_stmt *stmt, int first)
{
  LedeStoreFigure *figure = g_atomic_rc_box_new0 (LedeStoreFigure);

  figure->item_id = sqlite3_column_int64 (stmt, first);
  figure->item_title = column_text (stmt, first + 1);
  figure->feed_title = column_text (stmt, first + 2);
  figure->published = sqlite3_column_int64 (stmt, first + 3);
  figure->about = column_text (stmt, first + 4);
  figure->kind = column_text (stmt, first + 5);
  figure->value = sqlite3_column_double (stmt, first + 6);
  figure->unit = column_text (stmt, first + 7);
  figure->qualifier = column_text (stmt, first + 8);
  figure->source = column_text (stmt, first + 9);
  figure->text = column_text (stmt, first + 10);
  return figure;
}

/**
 * lede_store_find_related_figures:
 * @item_id: the article being read
 * @limit: how many pairs at most (0: 50)
 *
 * For each figure of the article that says what it counts, the figures about the same thing (same
 * normalized subject, kind and unit) in other articles of the library, newest first.
 *
 * Returns: (transfer container) (element-type LedeStoreFigurePair): the pairs
 */
GPtrArray *
lede_store_find_related_figures (LedeStore *self, gint64 item_id, guint limit, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);
  g_autoptr (GPtrArray) pairs = g_ptr_array_new_with_free_func ((GDestroyNotify) lede_store_figure_pair_free);
  int rc;

#define FIGURE_COLUMNS(x, xi, xf)                                                                            \
  x ".item_id, " xi ".title, coalesce(" xf ".custom_title, " xf ".title, " xf ".url), " xi ".published, " x  \
    ".about, " x ".kind, " x ".value, " x ".unit, " x ".qualifier, " x ".source, " x ".text"
  stmt
    = prepare (self,
               "SELECT " FIGURE_COLUMNS ("h", "hi", "hf") ", " FIGURE_COLUMNS (
                 "t", "ti",
                 "tf") " FROM figures h JOIN items hi ON hi.id = h.item_id JOIN feeds hf ON hf.id = "
                       "hi.feed_id"
                       " JOIN figures t ON t.about_key = h.about_key AND t.kind = h.kind AND t.unit IS h.unit"
                       "   AND t.item_id != h.item_id"
                       " JOIN items ti ON ti.id = t.item_id JOIN feeds tf ON tf.id = ti.feed_id"
                       " WHERE h.item_id = ? ORDER BY h.id, ti.published DESC, t.id LIMIT ?",
               error);
#undef FIGURE_COLUMNS
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);
  sqlite3_bind_int64 (stmt, 2, limit ? limit : 50);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LedeStoreFigurePair *pair = g_new0 (LedeStoreFigurePair, 1);
      pair->here = figure_from_row (stmt, 0);
      pair->there = figure_from_row (stmt, 11);
      g_ptr_array_add (pairs, pair);
    }
  if (rc != SQLITE_DONE)
    {
      sql_fail (self, error);
      return NULL;
    }
  return g_steal_pointer (&pairs);
}

/* ---- async: each call runs the sync one in a worker thread ---- */

typedef struct
{
  LedeStoreScope scope;
  gint64 id;
  guint offset;
  guint limit;
  int read;
  int starred;
  char *query;
  GStrv names;
} Args;

static void
args_free (Args *args)
{
  g_free (args->query);
  g_strfreev (args->names);
  g_free (args);
}

typedef gpointer (*StoreFunc) (LedeStore *self, Args *args, GError **error);

typedef struct
{
  StoreFunc func;
  GDestroyNotify result_free;
  Args *args;
} Job;

static void
job_free (Job *job)
{
  args_free (job->args);
  g_free (job);
}

static void
job_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  gpointer result;

  if (g_task_return_error_if_cancelled (task))
    return;
  result = job->func (LEDE_STORE (source), job->args, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, job->result_free);
}

static void
run_job (LedeStore *self,
         gpointer source_tag,
         StoreFunc func,
         GDestroyNotify result_free,
         Args *args,
         GCancellable *cancellable,
         GAsyncReadyCallback callback,
         gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->func = func;
  job->result_free = result_free;
  job->args = args;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, job_thread);
}

static gpointer
finish_job (LedeStore *self, GAsyncResult *result, gpointer source_tag, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static gpointer
do_list_feeds (LedeStore *self, Args *args, GError **error)
{
  return lede_store_list_feeds (self, error);
}

void
lede_store_list_feeds_async (LedeStore *self,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  run_job (self, lede_store_list_feeds_async, do_list_feeds, (GDestroyNotify) g_ptr_array_unref,
           g_new0 (Args, 1), cancellable, callback, user_data);
}

GPtrArray *
lede_store_list_feeds_finish (LedeStore *self, GAsyncResult *result, GError **error)
{
  return finish_job (self, result, lede_store_list_feeds_async, error);
}

static gpointer
do_list_items (LedeStore *self, Args *args, GError **error)
{
  return lede_store_list_items (self, args->scope, args->id, args->offset, args->limit, error);
}

void
lede_store_list_items_async (LedeStore *self,
                             LedeStoreScope scope,
                             gint64 feed_id,
                             guint offset,
                             guint limit,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data)
{
  Args *args = g_new0 (Args, 1);

  args->scope = scope;
  args->id = feed_id;
  args->offset = offset;
  args->limit = limit;
  run_job (self, lede_store_list_items_async, do_list_items, (GDestroyNotify) g_ptr_array_unref, args,
           cancellable, callback, user_data);
}

GPtrArray *
lede_store_list_items_finish (LedeStore *self, GAsyncResult *result, GError **error)
{
  return finish_job (self, result, lede_store_list_items_async, error);
}

static gpointer
do_list_item_ids (LedeStore *self, Args *args, GError **error)
{
  return lede_store_list_item_ids (self, args->scope, args->id, error);
}

void
lede_store_list_item_ids_async (LedeStore *self,
                                LedeStoreScope scope,
                                gint64 feed_id,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data)
{
  Args *args = g_new0 (Args, 1);

  args->scope = scope;
  args->id = feed_id;
  run_job (self, lede_store_list_item_ids_async, do_list_item_ids, (GDestroyNotify) g_array_unref, args,
           cancellable, callback, user_data);
}

GArray *
lede_store_list_item_ids_finish (LedeStore *self, GAsyncResult *result, GError **error)
{
  return finish_job (self, result, lede_store_list_item_ids_async, error);
}

static gpointer
do_list_folder_item_ids (LedeStore *self, Args *args, GError **error)
{
  return lede_store_list_folder_item_ids (self, args->query, args->read, error);
}

void
lede_store_list_folder_item_ids_async (LedeStore *self,
                                       const char *folder,
                                       gboolean unread_only,
                                       GCancellable *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer user_data)
{
  Args *args = g_new0 (Args, 1);

  args->query = g_strdup (folder);
  args->read = unread_only;
  run_job (self, lede_store_list_folder_item_ids_async, do_list_folder_item_ids,
           (GDestroyNotify) g_array_unref, args, cancellable, callback, user_data);
}

GArray *
lede_store_list_folder_item_ids_finish (LedeStore *self, GAsyncResult *result, GError **error)
{
  return finish_job (self, result, lede_store_list_folder_item_ids_async, error);
}

static gpointer
do_get_item (LedeStore *self, Args *args, GError **error)
{
  return lede_store_get_item (self, args->id, error);
}

void
lede_store_get_item_async (LedeStore *self,
                           gint64 item_id,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data)
{
  Args *args = g_new0 (Args, 1);

  args->id = item_id;
  run_job (self, lede_store_get_item_async, do_get_item, (GDestroyNotify) lede_store_item_unref, args,
           cancellable, callback, user_data);
}

LedeStoreItem *
lede_store_get_item_finish (LedeStore *self, GAsyncResult *result, GError **error)
{
  return finish_job (self, result, lede_store_get_item_async, error);
}

static gpointer
do_search (LedeStore *self, Args *args, GError **error)
{
  return lede_store_search (self, args->query, args->limit, error);
}

void
lede_store_search_async (LedeStore *self,
                         const char *query,
                         guint limit,
                         GCancellable *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer user_data)
{
  Args *args = g_new0 (Args, 1);

  args->query = g_strdup (query);
  args->limit = limit;
  run_job (self, lede_store_search_async, do_search, (GDestroyNotify) g_ptr_array_unref, args, cancellable,
           callback, user_data);
}

GPtrArray *
lede_store_search_finish (LedeStore *self, GAsyncResult *result, GError **error)
{
  return finish_job (self, result, lede_store_search_async, error);
}

static gpointer
do_find_actor_items (LedeStore *self, Args *args, GError **error)
{
  return lede_store_find_actor_items (self, (const char *const *) args->names, args->id, args->limit, error);
}

void
lede_store_find_actor_items_async (LedeStore *self,
                                   const char *const *names,
                                   gint64 exclude_item_id,
                                   guint limit,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  Args *args = g_new0 (Args, 1);

  args->names = g_strdupv ((GStrv) names);
  args->id = exclude_item_id;
  args->limit = limit;
  run_job (self, lede_store_find_actor_items_async, do_find_actor_items, (GDestroyNotify) g_ptr_array_unref,
           args, cancellable, callback, user_data);
}

GPtrArray *
lede_store_find_actor_items_finish (LedeStore *self, GAsyncResult *result, GError **error)
{
  return finish_job (self, result, lede_store_find_actor_items_async, error);
}

static gpointer
do_find_related_figures (LedeStore *self, Args *args, GError **error)
{
  return lede_store_find_related_figures (self, args->id, args->limit, error);
}

void
lede_store_find_related_figures_async (LedeStore *self,
                                       gint64 item_id,
                                       guint limit,
                                       GCancellable *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer user_data)
{
  Args *args = g_new0 (Args, 1);

  args->id = item_id;
  args->limit = limit;
  run_job (self, lede_store_find_related_figures_async, do_find_related_figures,
           (GDestroyNotify) g_ptr_array_unref, args, cancellable, callback, user_data);
}

GPtrArray *
lede_store_find_related_figures_finish (LedeStore *self, GAsyncResult *result, GError **error)
{
  return finish_job (self, result, lede_store_find_related_figures_async, error);
}

static gpointer
do_analyze_item (LedeStore *self, Args *args, GError **error)
{
  return lede_store_analyze_item (self, args->id, error);
}

void
lede_store_analyze_item_async (LedeStore *self,
                               gint64 item_id,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer user_data)
{
  Args *args = g_new0 (Args, 1);

  args->id = item_id;
  run_job (self, lede_store_analyze_item_async, do_analyze_item, g_object_unref, args, cancellable, callback,
           user_data);
}

LedeAnalysis *
lede_store_analyze_item_finish (LedeStore *self, GAsyncResult *result, GError **error)
{
  return finish_job (self, result, lede_store_analyze_item_async, error);
}

static gpointer
do_remove_feed (LedeStore *self, Args *args, GError **error)
{
  return lede_store_remove_feed (self, args->id, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

/* Removing a feed of 10,000 items takes a few hundred milliseconds: not on the main thread. */
void
lede_store_remove_feed_async (LedeStore *self,
                              gint64 feed_id,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  Args *args = g_new0 (Args, 1);

  args->id = feed_id;
  run_job (self, lede_store_remove_feed_async, do_remove_feed, NULL, args, cancellable, callback, user_data);
}

gboolean
lede_store_remove_feed_finish (LedeStore *self, GAsyncResult *result, GError **error)
{
  return finish_job (self, result, lede_store_remove_feed_async, error) != NULL;
}

static gpointer
do_mark_all_read (LedeStore *self, Args *args, GError **error)
{
  return lede_store_mark_all_read (self, args->scope, args->id, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

void
lede_store_mark_all_read_async (LedeStore *self,
                                LedeStoreScope scope,
                                gint64 feed_id,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data)
{
  Args *args = g_new0 (Args, 1);

  args->scope = scope;
  args->id = feed_id;
  run_job (self, lede_store_mark_all_read_async, do_mark_all_read, NULL, args, cancellable, callback,
           user_data);
}

gboolean
lede_store_mark_all_read_finish (LedeStore *self, GAsyncResult *result, GError **error)
{
  return finish_job (self, result, lede_store_mark_all_read_async, error) != NULL;
}

static gpointer
do_set_flags (LedeStore *self, Args *args, GError **error)
{
  g_autoptr (GRecMutexLocker) locker = g_rec_mutex_locker_new (&self->lock);

  if (args->read >= 0 && !lede_store_set_read (self, args->id, args->read, error))
    return NULL;
  if (args->starred >= 0 && !lede_store_set_starred (self, args->id, args->starred, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

/**
 * lede_store_set_flags_async:
 * @read: 1 or 0 to set the read state, -1 to leave it
 * @starred: 1 or 0 to set the star, -1 to leave it
 */
void
lede_store_set_flags_async (LedeStore *self,
                            gint64 item_id,
                            int read,
                            int starred,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  Args *args = g_new0 (Args, 1);

  args->id = item_id;
  args->read = read;
  args->starred = starred;
  run_job (self, lede_store_set_flags_async, do_set_flags, NULL, args, cancellable, callback, user_data);
}

gboolean
lede_store_set_flags_finish (LedeStore *self, GAsyncResult *result, GError **error)
{
  return finish_job (self, result, lede_store_set_flags_async, error) != NULL;
}
