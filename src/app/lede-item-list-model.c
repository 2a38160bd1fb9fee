/* lede-item-list-model.c: the article list as a GListModel: every id known, records read a page at a time.
 *
 * A library may hold 100,000 articles. The model keeps only their ids (8 bytes each); a row's
 * object is made when the list view asks for it, and its record is read from the store in a worker
 * thread together with the rest of its page, so scrolling never waits for the database. */
#include "config.h"

#include "lede-item-list-model.h"

#define PAGE_SIZE 64
/* Row objects kept beyond what the view holds; scrolling through 100,000 rows keeps about these. */
#define MAX_CACHED 2048

struct _LedeItemListModel
{
  GObject parent_instance;

  LedeStore *store;
  GArray *ids;              /* gint64 */
  GHashTable *objects;      /* position → LedeItemObject (strong) */
  GHashTable *pages_loaded; /* page index → itself: loaded or loading */
  guint generation;         /* bumped on every set_ids, so late pages are dropped */
  GCancellable *cancellable;
};

static void lede_item_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LedeItemListModel,
                               lede_item_list_model,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, lede_item_list_model_iface_init))

typedef struct
{
  guint generation;
  guint page;
  GArray *ids;
} PageLoad;

static void
page_load_free (PageLoad *load)
{
  g_array_unref (load->ids);
  g_free (load);
}

static void
load_page_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  LedeItemListModel *self = source;
  PageLoad *load = task_data;
  GError *error = NULL;
  GPtrArray *items = lede_store_get_items (self->store, (gint64 *) load->ids->data, load->ids->len, &error);

  if (items == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, items, (GDestroyNotify) g_ptr_array_unref);
}

static void
page_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LedeItemListModel *self = LEDE_ITEM_LIST_MODEL (source);
  PageLoad *load = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = g_task_propagate_pointer (G_TASK (result), &error);
  guint first = load->page * PAGE_SIZE;

  if (items == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read articles from the library: %s", error->message);
      return;
    }
  if (load->generation != self->generation)
    return;
  /* Items come back in the order asked, leaving out any removed meanwhile. */
  for (guint i = 0, pos = first; i < items->len && pos < self->ids->len; pos++)
    {
      LedeStoreItem *item = items->pdata[i];
      LedeItemObject *object;

      if (g_array_index (self->ids, gint64, pos) != item->id)
        continue;
      i++;
      object = g_hash_table_lookup (self->objects, GUINT_TO_POINTER (pos));
      if (object != NULL)
        lede_item_object_set_item (object, item);
    }
}

static void
load_page (LedeItemListModel *self, guint page)
{
  g_autoptr (GTask) task = NULL;
  PageLoad *load;
  guint first = page * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->ids->len - first);

  if (g_hash_table_contains (self->pages_loaded, GUINT_TO_POINTER (page)))
    return;
  g_hash_table_add (self->pages_loaded, GUINT_TO_POINTER (page));
  load = g_new0 (PageLoad, 1);
  load->generation = self->generation;
  load->page = page;
  load->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  g_array_append_vals (load->ids, &g_array_index (self->ids, gint64, first), n);
  task = g_task_new (self, self->cancellable, page_loaded_cb, NULL);
  g_task_set_source_tag (task, load_page);
  g_task_set_task_data (task, load, (GDestroyNotify) page_load_free);
  g_task_run_in_thread (task, load_page_thread);
}

typedef struct
{
  LedeItemListModel *self;
  guint near;
} Evict;

static gboolean
evict_cb (gpointer key, gpointer value, gpointer user_data)
{
  Evict *evict = user_data;
  guint pos = GPOINTER_TO_UINT (key);
  guint distance = pos > evict->near ? pos - evict->near : evict->near - pos;

  /* Only rows nobody shows (the model holds the one reference) and far from where the view is. */
  if (distance < MAX_CACHED / 2 || G_OBJECT (value)->ref_count > 1)
    return FALSE;
  /* Made again later, the row reads its page again. */
  g_hash_table_remove (evict->self->pages_loaded, GUINT_TO_POINTER (pos / PAGE_SIZE));
  return TRUE;
}

static void
evict (LedeItemListModel *self, guint near)
{
  Evict data = { self, near };

  if (g_hash_table_size (self->objects) > MAX_CACHED)
    g_hash_table_foreach_remove (self->objects, evict_cb, &data);
}

static GType
lede_item_list_model_get_item_type (GListModel *model)
{
  return LEDE_TYPE_ITEM_OBJECT;
}

static guint
lede_item_list_model_get_n_items (GListModel *model)
{
  return LEDE_ITEM_LIST_MODEL (model)->ids->len;
}

static gpointer
lede_item_list_model_get_item (GListModel *model, guint position)
{
  LedeItemListModel *self = LEDE_ITEM_LIST_MODEL (model);
  LedeItemObject *object;

  if (position >= self->ids->len)
    return NULL;
  object = g_hash_table_lookup (self->objects, GUINT_TO_POINTER (position));
  if (object == NULL)
    {
      evict (self, position);
      object = lede_item_object_new (g_array_index (self->ids, gint64, position), NULL);
      g_hash_table_insert (self->objects, GUINT_TO_POINTER (position), object);
    }
  load_page (self, position / PAGE_SIZE);
  return g_object_ref (object);
}

static void
lede_item_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = lede_item_list_model_get_item_type;
  iface->get_n_items = lede_item_list_model_get_n_items;
  iface->get_item = lede_item_list_model_get_item;
}

LedeItemListModel *
lede_item_list_model_new (LedeStore *store)
{
  LedeItemListModel *self = g_object_new (LEDE_TYPE_ITEM_LIST_MODEL, NULL);

  self->store = store ? g_object_ref (store) : NULL;
  return self;
}

void
lede_item_list_model_set_ids (LedeItemListModel *self, const gint64 *ids, guint n_ids)
{
  guint old;

  g_return_if_fail (LEDE_IS_ITEM_LIST_MODEL (self));

  old = self->ids->len;
  self->generation++;
  g_hash_table_remove_all (self->objects);
  g_hash_table_remove_all (self->pages_loaded);
  g_array_set_size (self->ids, 0);
  if (n_ids > 0)
    g_array_append_vals (self->ids, ids, n_ids);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old, n_ids);
}

guint
lede_item_list_model_find (LedeItemListModel *self, gint64 item_id)
{
  g_return_val_if_fail (LEDE_IS_ITEM_LIST_MODEL (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == item_id)
      return i;
  return G_MAXUINT;
}

guint
lede_item_list_model_get_n_cached (LedeItemListModel *self)
{
  g_return_val_if_fail (LEDE_IS_ITEM_LIST_MODEL (self), 0);
  return g_hash_table_size (self->objects);
}

LedeItemObject *
lede_item_list_model_peek (LedeItemListModel *self, gint64 item_id)
{
  guint pos = lede_item_list_model_find (self, item_id);

  if (pos == G_MAXUINT)
    return NULL;
  return g_hash_table_lookup (self->objects, GUINT_TO_POINTER (pos));
}

void
lede_item_list_model_reload (LedeItemListModel *self)
{
  g_autoptr (GList) pages = NULL;

  g_return_if_fail (LEDE_IS_ITEM_LIST_MODEL (self));

  /* Objects stay (the view keeps its rows); their records are replaced when the pages come back. */
  pages = g_hash_table_get_keys (self->pages_loaded);
  g_hash_table_remove_all (self->pages_loaded);
  for (GList *l = pages; l != NULL; l = l->next)
    load_page (self, GPOINTER_TO_UINT (l->data));
}

static void
lede_item_list_model_dispose (GObject *object)
{
  LedeItemListModel *self = LEDE_ITEM_LIST_MODEL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->objects, g_hash_table_unref);
  g_clear_pointer (&self->pages_loaded, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_array_unref);

  G_OBJECT_CLASS (lede_item_list_model_parent_class)->dispose (object);
}

static void
lede_item_list_model_class_init (LedeItemListModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lede_item_list_model_dispose;
}

static void
lede_item_list_model_init (LedeItemListModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->objects = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->pages_loaded = g_hash_table_new (NULL, NULL);
  self->cancellable = g_cancellable_new ();
}
