/* lede-library-sidebar.c: the library in the sidebar: sources (unread, starred, folders, feeds), search and the article list. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lede-library-sidebar.h"
#include "lede-opml.h"

typedef enum
{
  SOURCE_UNREAD,
  SOURCE_STARRED,
  SOURCE_FOLDER,
  SOURCE_FEED,
} SourceKind;

struct _LedeLibrarySidebar
{
  GtkWidget parent_instance;

  LedeLibrary *library;
  GSimpleActionGroup *actions;
  LedeItemListModel *items;
  GtkSingleSelection *selection;
  GPtrArray *feeds; /* LedeStoreFeed * */
  guint n_starred;
  GCancellable *cancellable;
  GCancellable *items_cancellable;
  guint pending;
  guint reload_feeds_id;
  gboolean refreshing;
  guint refresh_interval; /* minutes between automatic refreshes; 0: by hand only */
  guint refresh_timer;
  gboolean feeds_read; /* the feeds have been read from the store once */
  gint64 select_feed;  /* the feed to select once the sources are read again */

  /* What the article list shows. */
  LedeStoreScope scope;
  gint64 feed_id;

  GtkSearchEntry *search_entry;
  GtkProgressBar *progress_bar;
  GtkLabel *status_label;
  GtkListBox *sources_list;
  GtkStack *items_stack;
  GtkLabel *no_items_label;
  GtkGridView *items_view;
  GtkWidget *feed_menu; /* the popover a feed's row opens on a right click */
};

G_DEFINE_FINAL_TYPE (LedeLibrarySidebar, lede_library_sidebar, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_BUSY,
  PROP_LIBRARY,
  PROP_REFRESH_INTERVAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_ITEM_ACTIVATED,
  SIGNAL_OPEN_URL,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define ROW_KIND "lede-source-kind"
#define ROW_FEED "lede-feed-id"

static void reload_feeds (LedeLibrarySidebar *self);
static void reload_items (LedeLibrarySidebar *self);
static void source_selected_cb (LedeLibrarySidebar *self, GtkListBoxRow *row);

/* ---- bookkeeping ---- */

static void
hold (LedeLibrarySidebar *self)
{
  if (self->pending++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
release (LedeLibrarySidebar *self)
{
  g_return_if_fail (self->pending > 0);
  if (--self->pending == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
toast (LedeLibrarySidebar *self, const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_message ("%s", message);
}

/* Callbacks that hold a reference may run after dispose(), when the widgets are gone. */
static gboolean
is_disposed (LedeLibrarySidebar *self)
{
  return self->items == NULL;
}

static LedeStore *
get_store (LedeLibrarySidebar *self)
{
  return self->library ? lede_library_get_store (self->library) : NULL;
}

static LedeStoreFeed *
find_feed (LedeLibrarySidebar *self, gint64 feed_id)
{
  for (guint i = 0; self->feeds != NULL && i < self->feeds->len; i++)
    if (((LedeStoreFeed *) self->feeds->pdata[i])->id == feed_id)
      return self->feeds->pdata[i];
  return NULL;
}

/* ---- sources ---- */

static GtkWidget *
make_source_row (SourceKind kind,
                 gint64 feed_id,
                 const char *icon,
                 const char *title,
                 guint count,
                 const char *error)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new (title);
  g_autofree char *accessible = NULL;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (text), label);
  if (kind == SOURCE_FOLDER)
    {
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (box, 6);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
    }
  if (icon != NULL)
    {
      GtkWidget *image = gtk_image_new_from_icon_name (icon);
      gtk_widget_set_valign (image, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), image);
    }
  gtk_box_append (GTK_BOX (box), text);
  if (error != NULL)
    {
      GtkWidget *message = gtk_label_new (error);
      GtkWidget *warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      /* The feed's own row says what went wrong with it; the others are unaffected. */
      gtk_label_set_xalign (GTK_LABEL (message), 0);
      gtk_label_set_wrap (GTK_LABEL (message), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (message, "caption");
      gtk_widget_add_css_class (message, "error");
      gtk_box_append (GTK_BOX (text), message);
      gtk_widget_add_css_class (warning, "error");
      gtk_widget_set_valign (warning, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (warning, error);
      gtk_box_append (GTK_BOX (box), warning);
    }
  if (kind != SOURCE_FOLDER && count > 0)
    {
      g_autofree char *n = g_strdup_printf ("%u", count);
      GtkWidget *count_label = gtk_label_new (n);
      gtk_widget_add_css_class (count_label, "dim-label");
      gtk_widget_add_css_class (count_label, "numeric");
      gtk_widget_set_valign (count_label, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), count_label);
    }
  if (kind == SOURCE_FEED)
    gtk_widget_set_margin_start (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), ROW_KIND, GINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (row), ROW_FEED, g_memdup2 (&feed_id, sizeof feed_id), g_free);
  if (error != NULL)
    accessible = g_strdup_printf (_ ("%s, %u unread, failed: %s"), title, count, error);
  else if (kind == SOURCE_FOLDER)
    accessible = g_strdup_printf (_ ("Folder %s"), title);
  else
    accessible = g_strdup_printf (_ ("%s, %u unread"), title, count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return row;
}

static SourceKind
row_kind (GtkListBoxRow *row)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), ROW_KIND));
}

static gint64
row_feed (GtkListBoxRow *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), ROW_FEED);
  return id ? *id : 0;
}

static int
feed_cmp (gconstpointer a, gconstpointer b)
{
  const LedeStoreFeed *x = *(LedeStoreFeed **) a, *y = *(LedeStoreFeed **) b;
  int c = g_strcmp0 (x->folder, y->folder);

  /* Feeds outside folders first, then each folder's feeds together. */
  if (c != 0)
    return x->folder == NULL ? -1 : y->folder == NULL ? 1 : c;
  return g_utf8_collate (x->title ? x->title : "", y->title ? y->title : "");
}

static void
rebuild_sources (LedeLibrarySidebar *self)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->sources_list);
  SourceKind sel_kind = selected ? row_kind (selected) : SOURCE_UNREAD;
  gint64 sel_feed = selected ? row_feed (selected) : 0;
  gboolean moved = self->select_feed != 0;
  g_autoptr (GPtrArray) sorted = g_ptr_array_sized_new (self->feeds->len);
  GtkWidget *child;
  GtkListBoxRow *reselect = NULL;
  const char *folder = NULL;
  guint unread = 0;

  /* A copy that owns nothing: g_ptr_array_copy() would take the original's free function. */
  for (guint i = 0; i < self->feeds->len; i++)
    {
      g_ptr_array_add (sorted, self->feeds->pdata[i]);
      unread += ((LedeStoreFeed *) self->feeds->pdata[i])->unread;
    }
  g_ptr_array_sort (sorted, feed_cmp);
  if (moved)
    {
      sel_kind = SOURCE_FEED;
      sel_feed = self->select_feed;
      self->select_feed = 0;
    }

  /* The selection callback must not reload the items for a rebuild. */
  g_signal_handlers_block_matched (self->sources_list, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sources_list))) != NULL)
    gtk_list_box_remove (self->sources_list, child);

  gtk_list_box_append (self->sources_list, make_source_row (SOURCE_UNREAD, 0, "mail-unread-symbolic",
                                                            _ ("All Unread"), unread, NULL));
  gtk_list_box_append (self->sources_list, make_source_row (SOURCE_STARRED, 0, "starred-symbolic",
                                                            _ ("Starred"), self->n_starred, NULL));
  for (guint i = 0; i < sorted->len; i++)
    {
      LedeStoreFeed *feed = sorted->pdata[i];
      if (feed->folder != NULL && g_strcmp0 (feed->folder, folder) != 0)
        {
          folder = feed->folder;
          gtk_list_box_append (self->sources_list,
                               make_source_row (SOURCE_FOLDER, 0, "folder-symbolic", folder, 0, NULL));
        }
      gtk_list_box_append (self->sources_list, make_source_row (SOURCE_FEED, feed->id, NULL,
                                                                feed->title ? feed->title : feed->url,
                                                                feed->unread, feed->last_error));
    }

  for (int i = 0; (selected = gtk_list_box_get_row_at_index (self->sources_list, i)) != NULL; i++)
    if (row_kind (selected) == sel_kind && row_feed (selected) == sel_feed)
      {
        reselect = selected;
        break;
      }
  gtk_list_box_select_row (self->sources_list,
                           reselect ? reselect : gtk_list_box_get_row_at_index (self->sources_list, 0));
  g_signal_handlers_unblock_matched (self->sources_list, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  /* A removed feed's list is gone: show all unread instead. */
  if (reselect == NULL && sel_kind == SOURCE_FEED)
    {
      self->scope = LEDE_STORE_SCOPE_UNREAD;
      self->feed_id = 0;
      reload_items (self);
    }
  else if (moved)
    source_selected_cb (self, reselect);
}

typedef struct
{
  GPtrArray *feeds;
  guint n_starred;
} FeedList;

static void
feed_list_free (FeedList *list)
{
  g_clear_pointer (&list->feeds, g_ptr_array_unref);
  g_free (list);
}

static void
list_feeds_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  LedeStore *store = task_data;
  FeedList *list = g_new0 (FeedList, 1);
  GError *error = NULL;

  list->feeds = lede_store_list_feeds (store, &error);
  if (list->feeds == NULL)
    {
      feed_list_free (list);
      g_task_return_error (task, error);
      return;
    }
  list->n_starred = lede_store_count_items (store, LEDE_STORE_SCOPE_STARRED, 0, NULL);
  g_task_return_pointer (task, list, (GDestroyNotify) feed_list_free);
}

static void
feeds_listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  FeedList *list = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr (LedeLibrarySidebar) self = user_data;

  if (list == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      release (self);
      return;
    }
  g_clear_pointer (&self->feeds, g_ptr_array_unref);
  self->feeds = g_steal_pointer (&list->feeds);
  self->n_starred = list->n_starred;
  feed_list_free (list);
  rebuild_sources (self);
  /* Starting Lede refreshes the feeds that are due, then the timer does. */
  if (!self->feeds_read)
    {
      self->feeds_read = TRUE;
      lede_library_sidebar_refresh_due (self, g_get_real_time () / G_USEC_PER_SEC);
    }
  release (self);
}

static void
reload_feeds (LedeLibrarySidebar *self)
{
  g_autoptr (GTask) task = NULL;

  g_clear_handle_id (&self->reload_feeds_id, g_source_remove);
  if (get_store (self) == NULL)
    return;
  hold (self);
  task = g_task_new (NULL, self->cancellable, feeds_listed_cb, g_object_ref (self));
  g_task_set_source_tag (task, reload_feeds);
  g_task_set_task_data (task, g_object_ref (get_store (self)), g_object_unref);
  g_task_run_in_thread (task, list_feeds_thread);
}

static gboolean
reload_feeds_timeout_cb (gpointer user_data)
{
  LedeLibrarySidebar *self = user_data;

  self->reload_feeds_id = 0;
  reload_feeds (self);
  return G_SOURCE_REMOVE;
}

/* Many feeds finish within a moment of each other during a refresh: count them together. */
static void
queue_reload_feeds (LedeLibrarySidebar *self)
{
  if (self->reload_feeds_id == 0)
    self->reload_feeds_id = g_timeout_add (300, reload_feeds_timeout_cb, self);
}

/* ---- items ---- */

static void
show_ids (LedeLibrarySidebar *self, const gint64 *ids, guint n_ids, const char *empty)
{
  lede_item_list_model_set_ids (self->items, ids, n_ids);
  gtk_label_set_label (self->no_items_label, empty);
  gtk_stack_set_visible_child_name (self->items_stack, n_ids > 0 ? "items" : "none");
}

static const char *
empty_text (LedeLibrarySidebar *self)
{
  if (self->scope == LEDE_STORE_SCOPE_UNREAD)
    return _ ("No unread articles");
  if (self->scope == LEDE_STORE_SCOPE_STARRED)
    return _ ("No starred articles");
  return _ ("This feed has no articles yet");
}

static void
ids_listed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = lede_store_list_item_ids_finish (LEDE_STORE (source), result, &error);
  g_autoptr (LedeLibrarySidebar) self = user_data;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ;
  else if (ids == NULL)
    toast (self, error->message);
  else
    show_ids (self, (gint64 *) ids->data, ids->len, empty_text (self));
  release (self);
}

static void
reload_items (LedeLibrarySidebar *self)
{
  if (get_store (self) == NULL)
    return;
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    {
      g_signal_emit_by_name (self->search_entry, "search-changed");
      return;
    }
  g_cancellable_cancel (self->items_cancellable);
  g_clear_object (&self->items_cancellable);
  self->items_cancellable = g_cancellable_new ();
  hold (self);
  lede_store_list_item_ids_async (get_store (self), self->scope, self->feed_id, self->items_cancellable,
                                  ids_listed_cb, g_object_ref (self));
}

static void
searched_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = lede_store_search_finish (LEDE_STORE (source), result, &error);
  g_autoptr (GArray) ids = NULL;
  g_autoptr (LedeLibrarySidebar) self = user_data;

  release (self);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (found == NULL)
    {
      /* A half-typed query ("AND") is not worth a toast; say it where the results would be. */
      show_ids (self, NULL, 0, error->message);
      return;
    }
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), found->len);
  for (guint i = 0; i < found->len; i++)
    g_array_append_val (ids, ((LedeStoreItem *) found->pdata[i])->id);
  show_ids (self, (gint64 *) ids->data, ids->len, _ ("No articles match"));
}

static void
search_changed_cb (LedeLibrarySidebar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (get_store (self) == NULL)
    return;
  if (*text == '\0')
    {
      reload_items (self);
      return;
    }
  g_cancellable_cancel (self->items_cancellable);
  g_clear_object (&self->items_cancellable);
  self->items_cancellable = g_cancellable_new ();
  hold (self);
  lede_store_search_async (get_store (self), text, 500, self->items_cancellable, searched_cb,
                           g_object_ref (self));
}

static void
source_selected_cb (LedeLibrarySidebar *self, GtkListBoxRow *row)
{
  if (row == NULL)
    return;
  switch (row_kind (row))
    {
      case SOURCE_UNREAD: self->scope = LEDE_STORE_SCOPE_UNREAD; break;
      case SOURCE_STARRED: self->scope = LEDE_STORE_SCOPE_STARRED; break;
      case SOURCE_FEED: self->scope = LEDE_STORE_SCOPE_FEED; break;
      case SOURCE_FOLDER:
      default: return;
    }
  self->feed_id = row_feed (row);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  reload_items (self);
}

/* ---- item rows ---- */

static char *
format_time (gint64 when)
{
  g_autoptr (GDateTime) dt = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  if (when <= 0 || (dt = g_date_time_new_from_unix_local (when)) == NULL)
    return g_strdup ("");
  if (g_date_time_get_year (dt) == g_date_time_get_year (now)
      && g_date_time_get_day_of_year (dt) == g_date_time_get_day_of_year (now))
    /* Translators: time of an article published today */
    return g_date_time_format (dt, _ ("%H:%M"));
  /* Translators: date of an older article */
  return g_date_time_format (dt, _ ("%-d %b %Y"));
}

static void
update_row (GtkListItem *list_item)
{
  LedeItemObject *object = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *line = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_first_child (line);
  GtkWidget *star = gtk_widget_get_next_sibling (title);
  GtkWidget *meta = gtk_widget_get_next_sibling (line);
  const LedeStoreItem *item = object ? lede_item_object_get_item (object) : NULL;
  gboolean read = object ? lede_item_object_get_read (object) : TRUE;
  gboolean starred = object ? lede_item_object_get_starred (object) : FALSE;
  g_autofree char *time = item ? format_time (item->published) : NULL;
  g_autofree char *meta_text = NULL;
  g_autofree char *accessible = NULL;
  const char *title_text = item && item->title && *item->title ? item->title : item ? _ ("Untitled") : "…";

  meta_text = item ? (*time ? g_strdup_printf ("%s · %s", item->feed_title ? item->feed_title : "", time)
                            : g_strdup (item->feed_title ? item->feed_title : ""))
                   : g_strdup ("");
  gtk_label_set_label (GTK_LABEL (title), title_text);
  gtk_label_set_label (GTK_LABEL (meta), meta_text);
  gtk_widget_set_visible (star, starred);
  /* Unread titles stand out in bold, as in a mail reader. */
  if (read)
    gtk_label_set_attributes (GTK_LABEL (title), NULL);
  else
    {
      PangoAttrList *bold = pango_attr_list_new ();
      pango_attr_list_insert (bold, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      gtk_label_set_attributes (GTK_LABEL (title), bold);
      pango_attr_list_unref (bold);
    }
  accessible = g_strdup_printf ("%s, %s%s%s", title_text, meta_text, read ? "" : _ (", unread"),
                                starred ? _ (", starred") : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
item_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *star = gtk_image_new_from_icon_name ("starred-symbolic");
  GtkWidget *meta = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "article-title");
  gtk_widget_set_valign (star, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_ellipsize (GTK_LABEL (meta), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (meta, "caption");
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_box_append (GTK_BOX (line), title);
  gtk_box_append (GTK_BOX (line), star);
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), meta);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_item_set_child (list_item, box);
}

static void
item_changed_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  update_row (user_data);
}

static void
item_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GObject *object = gtk_list_item_get_item (list_item);

  g_signal_connect_object (object, "notify", G_CALLBACK (item_changed_cb), list_item, 0);
  update_row (list_item);
}

static void
item_unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GObject *object = gtk_list_item_get_item (list_item);

  if (object != NULL)
    g_signal_handlers_disconnect_by_func (object, item_changed_cb, list_item);
}

static void
item_activate_cb (LedeLibrarySidebar *self, guint position)
{
  g_autoptr (LedeItemObject) object = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  if (object == NULL)
    return;
  gtk_single_selection_set_selected (self->selection, position);
  g_signal_emit (self, signals[SIGNAL_ITEM_ACTIVATED], 0, lede_item_object_get_id (object));
}

/* ---- read and starred ---- */

static void
flags_set_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LedeLibrarySidebar) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!lede_store_set_flags_finish (LEDE_STORE (source), result, &error))
    toast (self, error->message);
  if (!is_disposed (self))
    lede_library_changed (self->library);
}

static void
set_flags (LedeLibrarySidebar *self, LedeItemObject *object, int read, int starred)
{
  if (read >= 0)
    lede_item_object_set_read (object, read);
  if (starred >= 0)
    lede_item_object_set_starred (object, starred);
  lede_store_set_flags_async (get_store (self), lede_item_object_get_id (object), read, starred, NULL,
                              flags_set_cb, g_object_ref (self));
}

static LedeItemObject *
selected_item (LedeLibrarySidebar *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
toggle_read_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  LedeLibrarySidebar *self = user_data;
  LedeItemObject *object = selected_item (self);

  if (object != NULL)
    set_flags (self, object, !lede_item_object_get_read (object), -1);
}

static void
toggle_star_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  LedeLibrarySidebar *self = user_data;
  LedeItemObject *object = selected_item (self);

  if (object != NULL)
    set_flags (self, object, -1, !lede_item_object_get_starred (object));
}

/* The window opened the item (and the library marked it read). */
void
lede_library_sidebar_item_opened (LedeLibrarySidebar *self, gint64 item_id)
{
  LedeItemObject *object;

  g_return_if_fail (LEDE_IS_LIBRARY_SIDEBAR (self));
  object = lede_item_list_model_peek (self->items, item_id);
  if (object != NULL)
    lede_item_object_set_read (object, TRUE);
  queue_reload_feeds (self);
}

static void
mark_all_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LedeLibrarySidebar) self = user_data;
  g_autoptr (GError) error = NULL;

  if (is_disposed (self))
    return;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    toast (self, error->message);
  lede_item_list_model_reload (self->items);
  reload_feeds (self);
}

static void
mark_all_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  LedeLibrarySidebar *self = source;
  GError *error = NULL;

  if (lede_store_mark_all_read (get_store (self), self->scope, self->feed_id, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
mark_all_read_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  LedeLibrarySidebar *self = user_data;
  g_autoptr (GTask) task = NULL;

  if (get_store (self) == NULL)
    return;
  task = g_task_new (self, NULL, mark_all_done_cb, g_object_ref (self));
  g_task_run_in_thread (task, mark_all_thread);
}

/* ---- adding, refreshing, removing feeds ---- */

static void
refreshed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LedeLibrarySidebar) self = user_data;
  g_autoptr (GError) error = NULL;
  guint n_new = 0, n_failed = 0;

  self->refreshing = FALSE;
  if (is_disposed (self))
    {
      lede_refresher_refresh_finish (LEDE_REFRESHER (source), result, NULL, NULL, NULL);
      release (self);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (
                                 g_action_map_lookup_action (G_ACTION_MAP (self->actions), "refresh-all")),
                               TRUE);
  if (!lede_refresher_refresh_finish (LEDE_REFRESHER (source), result, &n_new, &n_failed, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
    }
  else if (n_failed > 0)
    {
      g_autofree char *message
        = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u feed could not be refreshed",
                                        "%u feeds could not be refreshed", n_failed),
                           n_failed);
      toast (self, message);
    }
  reload_feeds (self);
  reload_items (self);
  lede_library_index_new_articles (self->library);
  release (self);
}

static void
progress_cb (LedeRefresher *refresher, guint done, guint total, gpointer user_data)
{
  LedeLibrarySidebar *self = user_data;
  g_autofree char *text = g_strdup_printf (_ ("Refreshed %u of %u feeds"), done, total);

  gtk_progress_bar_set_fraction (self->progress_bar, total ? (double) done / total : 1.0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->progress_bar), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
}

static void
feed_refreshed_cb (LedeRefresher *refresher,
                   gint64 feed_id,
                   guint n_new,
                   const char *error,
                   gpointer user_data)
{
  queue_reload_feeds (user_data);
}

static void
refresh_feeds (LedeLibrarySidebar *self, const gint64 *ids, guint n_ids)
{
  LedeRefresher *refresher = self->library ? lede_library_get_refresher (self->library) : NULL;

  if (refresher == NULL || self->refreshing)
    return;
  self->refreshing = TRUE;
  hold (self);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (
                                 g_action_map_lookup_action (G_ACTION_MAP (self->actions), "refresh-all")),
                               FALSE);
  lede_refresher_refresh_async (refresher, ids, n_ids, self->cancellable, refreshed_cb, g_object_ref (self));
}

void
lede_library_sidebar_refresh_all (LedeLibrarySidebar *self)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_if_fail (LEDE_IS_LIBRARY_SIDEBAR (self));
  for (guint i = 0; self->feeds != NULL && i < self->feeds->len; i++)
    if (!lede_library_is_local_feed (((LedeStoreFeed *) self->feeds->pdata[i])->url))
      g_array_append_val (ids, ((LedeStoreFeed *) self->feeds->pdata[i])->id);
  if (ids->len > 0)
    refresh_feeds (self, (gint64 *) ids->data, ids->len);
}

/**
 * lede_library_sidebar_refresh_due:
 * @now: the time, in seconds since the epoch
 *
 * Refreshes the feeds not checked for the refresh interval, unless the interval is 0 (by hand only)
 * or a refresh is running. Lede calls it once its feeds are read and then every minute.
 *
 * Returns: whether a refresh started
 */
gboolean
lede_library_sidebar_refresh_due (LedeLibrarySidebar *self, gint64 now)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (LEDE_IS_LIBRARY_SIDEBAR (self), FALSE);

  if (self->refresh_interval == 0 || self->refreshing || self->feeds == NULL)
    return FALSE;
  for (guint i = 0; i < self->feeds->len; i++)
    {
      LedeStoreFeed *feed = self->feeds->pdata[i];
      if (!lede_library_is_local_feed (feed->url)
          && feed->last_checked + (gint64) self->refresh_interval * 60 <= now)
        g_array_append_val (ids, feed->id);
    }
  if (ids->len == 0)
    return FALSE;
  refresh_feeds (self, (gint64 *) ids->data, ids->len);
  return TRUE;
}

static gboolean
refresh_timer_cb (gpointer user_data)
{
  lede_library_sidebar_refresh_due (user_data, g_get_real_time () / G_USEC_PER_SEC);
  return G_SOURCE_CONTINUE;
}

void
lede_library_sidebar_set_refresh_interval (LedeLibrarySidebar *self, guint minutes)
{
  g_return_if_fail (LEDE_IS_LIBRARY_SIDEBAR (self));

  if (self->refresh_interval == minutes)
    return;
  self->refresh_interval = minutes;
  g_clear_handle_id (&self->refresh_timer, g_source_remove);
  if (minutes > 0)
    self->refresh_timer = g_timeout_add_seconds (60, refresh_timer_cb, self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRESH_INTERVAL]);
}

static void
refresh_all_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  lede_library_sidebar_refresh_all (user_data);
}

static void
subscribed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LedeLibrarySidebar) self = user_data;
  g_autoptr (GError) error = NULL;
  gint64 feed_id = lede_refresher_subscribe_finish (LEDE_REFRESHER (source), result, &error);

  release (self);
  if (feed_id == 0)
    {
      g_autofree char *message = NULL;
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = g_strdup_printf (_ ("Could not add the feed: %s"), error->message);
      gtk_label_set_label (self->status_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
      toast (self, message);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
  lede_library_sidebar_select_feed (self, feed_id);
  lede_library_changed (self->library);
  lede_library_index_new_articles (self->library);
}

void
lede_library_sidebar_add_feed (LedeLibrarySidebar *self, const char *url)
{
  LedeRefresher *refresher;

  g_return_if_fail (LEDE_IS_LIBRARY_SIDEBAR (self));
  refresher = self->library ? lede_library_get_refresher (self->library) : NULL;
  if (refresher == NULL)
    return;
  hold (self);
  lede_refresher_subscribe_async (refresher, url, NULL, self->cancellable, subscribed_cb,
                                  g_object_ref (self));
}

static GtkWidget *
entry_dialog (LedeLibrarySidebar *self,
              const char *heading,
              const char *body,
              const char *accept,
              const char *text,
              GtkWidget **out_entry)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "accept", accept,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "accept", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "accept");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  *out_entry = entry;
  return dialog;
}

static void
add_feed_response_cb (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  LedeLibrarySidebar *self = user_data;
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);

  if (g_str_equal (response, "accept"))
    lede_library_sidebar_add_feed (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
add_feed_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  LedeLibrarySidebar *self = user_data;
  GtkWidget *entry;
  GtkWidget *dialog
    = entry_dialog (self, _ ("Add Feed"),
                    _ ("Enter the address of a feed, or of a web site that links to its feed."), _ ("_Add"),
                    NULL, &entry);

  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_URL);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "https://example.org/feed.xml");
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_feed_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_url_response_cb (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  LedeLibrarySidebar *self = user_data;
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);

  if (g_str_equal (response, "accept"))
    g_signal_emit (self, signals[SIGNAL_OPEN_URL], 0, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
open_url_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  LedeLibrarySidebar *self = user_data;
  GtkWidget *entry;
  GtkWidget *dialog = entry_dialog (self, _ ("Open Web Page"),
                                    _ ("Lede fetches the page, finds the article in it and analyzes it."),
                                    _ ("_Open"), NULL, &entry);

  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_URL);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "https://example.org/news/article.html");
  g_signal_connect_object (dialog, "response", G_CALLBACK (open_url_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gint64
selected_feed (LedeLibrarySidebar *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sources_list);

  return row != NULL && row_kind (row) == SOURCE_FEED ? row_feed (row) : 0;
}

typedef struct
{
  LedeLibrarySidebar *self;
  gint64 feed_id;
  char *title;
  gboolean remove;
} FeedEdit;

static void
feed_edit_free (FeedEdit *edit)
{
  g_object_unref (edit->self);
  g_free (edit->title);
  g_free (edit);
}

static void
feed_edit_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  FeedEdit *edit = task_data;
  LedeStore *store = get_store (edit->self);
  GError *error = NULL;
  gboolean ok = edit->remove ? lede_store_remove_feed (store, edit->feed_id, &error)
                             : lede_store_rename_feed (store, edit->feed_id, edit->title, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
feed_edited_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  FeedEdit *edit = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  if (is_disposed (edit->self))
    {
      release (edit->self);
      return;
    }
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    toast (edit->self, error->message);
  lede_library_changed (edit->self->library);
  if (edit->remove)
    reload_items (edit->self);
  release (edit->self);
}

static void
edit_feed (LedeLibrarySidebar *self, gint64 feed_id, const char *title, gboolean remove)
{
  g_autoptr (GTask) task = g_task_new (NULL, NULL, feed_edited_cb, NULL);
  FeedEdit *edit = g_new0 (FeedEdit, 1);

  edit->self = g_object_ref (self);
  edit->feed_id = feed_id;
  edit->title = g_strdup (title);
  edit->remove = remove;
  g_task_set_task_data (task, edit, (GDestroyNotify) feed_edit_free);
  hold (self);
  g_task_run_in_thread (task, feed_edit_thread);
}

static void
rename_response_cb (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  LedeLibrarySidebar *self = user_data;
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  gint64 *feed_id = g_object_get_data (G_OBJECT (dialog), ROW_FEED);
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (g_str_equal (response, "accept"))
    /* An empty name gives the feed back its own title. */
    edit_feed (self, *feed_id, *title ? title : NULL, FALSE);
}

static void
rename_feed_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  LedeLibrarySidebar *self = user_data;
  gint64 feed_id = selected_feed (self);
  LedeStoreFeed *feed = find_feed (self, feed_id);
  GtkWidget *entry;
  GtkWidget *dialog;

  if (feed == NULL)
    {
      toast (self, _ ("Select a feed to rename"));
      return;
    }
  dialog = entry_dialog (self, _ ("Rename Feed"), feed->url, _ ("_Rename"), feed->title, &entry);
  g_object_set_data_full (G_OBJECT (dialog), ROW_FEED, g_memdup2 (&feed_id, sizeof feed_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remove_response_cb (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  LedeLibrarySidebar *self = user_data;
  gint64 *feed_id = g_object_get_data (G_OBJECT (dialog), ROW_FEED);

  if (g_str_equal (response, "remove"))
    edit_feed (self, *feed_id, NULL, TRUE);
}

static void
remove_feed_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  LedeLibrarySidebar *self = user_data;
  gint64 feed_id = selected_feed (self);
  LedeStoreFeed *feed = find_feed (self, feed_id);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (feed == NULL)
    {
      toast (self, _ ("Select a feed to remove"));
      return;
    }
  heading = g_strdup_printf (_ ("Remove “%s”?"), feed->title ? feed->title : feed->url);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _ ("Its articles are removed from the library too."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "remove",
                                    _ ("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), ROW_FEED, g_memdup2 (&feed_id, sizeof feed_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- OPML ---- */

typedef struct
{
  LedeLibrarySidebar *self;
  GFile *file;
  GArray *new_ids;
  guint n_existing;
} OpmlJob;

static void
opml_job_free (OpmlJob *job)
{
  g_object_unref (job->self);
  g_clear_object (&job->file);
  g_clear_pointer (&job->new_ids, g_array_unref);
  g_free (job);
}

static void
import_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  OpmlJob *job = task_data;
  LedeStore *store = get_store (job->self);
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr (GPtrArray) entries = NULL;
  GError *error = NULL;

  if (!g_file_load_contents (job->file, cancellable, &data, &length, NULL, &error)
      || (entries = lede_opml_parse (data, length, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  job->new_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < entries->len; i++)
    {
      LedeOpmlEntry *entry = entries->pdata[i];
      g_autoptr (GError) add_error = NULL;
      gint64 id = lede_store_add_feed (store, entry->url, entry->title, entry->folder, &add_error);

      if (id > 0)
        g_array_append_val (job->new_ids, id);
      else
        job->n_existing++;
    }
  g_task_return_boolean (task, TRUE);
}

static void
imported_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  OpmlJob *job = g_task_get_task_data (G_TASK (result));
  LedeLibrarySidebar *self = job->self;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  release (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    {
      message = g_strdup_printf (_ ("Could not import the subscriptions: %s"), error->message);
      toast (self, message);
      return;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u feed", "Imported %u feeds",
                                          job->new_ids->len),
                             job->new_ids->len);
  toast (self, message);
  lede_library_changed (self->library);
  if (job->new_ids->len > 0)
    refresh_feeds (self, (gint64 *) job->new_ids->data, job->new_ids->len);
}

static void
export_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  OpmlJob *job = task_data;
  g_autoptr (GPtrArray) feeds = NULL;
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) lede_opml_entry_free);
  g_autofree char *opml = NULL;
  GError *error = NULL;

  if ((feeds = lede_store_list_feeds (get_store (job->self), &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; i < feeds->len; i++)
    {
      LedeStoreFeed *feed = feeds->pdata[i];
      if (lede_library_is_local_feed (feed->url))
        continue;
      g_ptr_array_add (entries, lede_opml_entry_new (feed->url, feed->title, feed->site_url, feed->folder));
    }
  opml = lede_opml_write (entries, _ ("Lede subscriptions"));
  if (!g_file_replace_contents (job->file, opml, strlen (opml), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
exported_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  OpmlJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  release (job->self);
  if (!g_task_propagate_boolean (G_TASK (result), &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    {
      g_autofree char *message
        = g_strdup_printf (_ ("Could not export the subscriptions: %s"), error->message);
      toast (job->self, message);
    }
  else
    toast (job->self, _ ("Subscriptions exported"));
}

static void
run_opml_job (LedeLibrarySidebar *self, GFile *file, gboolean import)
{
  g_autoptr (GTask) task = g_task_new (NULL, self->cancellable, import ? imported_cb : exported_cb, NULL);
  OpmlJob *job = g_new0 (OpmlJob, 1);

  job->self = g_object_ref (self);
  job->file = g_object_ref (file);
  g_task_set_task_data (task, job, (GDestroyNotify) opml_job_free);
  hold (self);
  g_task_run_in_thread (task, import ? import_thread : export_thread);
}

/* Imports subscriptions from @file (tests and the file chooser). */
void
lede_library_sidebar_import_opml (LedeLibrarySidebar *self, GFile *file)
{
  g_return_if_fail (LEDE_IS_LIBRARY_SIDEBAR (self));
  if (get_store (self) != NULL)
    run_opml_job (self, file, TRUE);
}

/* Writes the subscriptions to @file as OPML (tests and the file chooser). */
void
lede_library_sidebar_export_opml (LedeLibrarySidebar *self, GFile *file)
{
  g_return_if_fail (LEDE_IS_LIBRARY_SIDEBAR (self));
  if (get_store (self) != NULL)
    run_opml_job (self, file, FALSE);
}

static void
opml_chooser_response_cb (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  LedeLibrarySidebar *self = user_data;
  gboolean import = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (dialog)) == GTK_FILE_CHOOSER_ACTION_OPEN;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (file != NULL)
        run_opml_job (self, file, import);
    }
  g_object_unref (dialog);
}

static void
opml_chooser (LedeLibrarySidebar *self, gboolean import)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;
  GtkFileFilter *filter = gtk_file_filter_new ();

  if (get_store (self) == NULL)
    return;
  dialog = gtk_file_chooser_native_new (import ? _ ("Import Subscriptions") : _ ("Export Subscriptions"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        import ? GTK_FILE_CHOOSER_ACTION_OPEN : GTK_FILE_CHOOSER_ACTION_SAVE,
                                        import ? _ ("_Import") : _ ("_Export"), _ ("_Cancel"));
  gtk_file_filter_set_name (filter, _ ("OPML subscription lists"));
  gtk_file_filter_add_suffix (filter, "opml");
  gtk_file_filter_add_suffix (filter, "xml");
  gtk_file_filter_add_mime_type (filter, "text/x-opml+xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_unref (filter);
  if (!import)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "lede-subscriptions.opml");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (opml_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
import_opml_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  opml_chooser (user_data, TRUE);
}

static void
export_opml_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  opml_chooser (user_data, FALSE);
}

static void
open_item_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  g_signal_emit (user_data, signals[SIGNAL_ITEM_ACTIVATED], 0, g_variant_get_int64 (param));
}

static const GActionEntry library_actions[] = {
  { "open-item", open_item_action_cb, "x" },    { "add-feed", add_feed_action_cb },
  { "open-url", open_url_action_cb },           { "refresh-all", refresh_all_action_cb },
  { "rename-feed", rename_feed_action_cb },     { "remove-feed", remove_feed_action_cb },
  { "import-opml", import_opml_action_cb },     { "export-opml", export_opml_action_cb },
  { "mark-all-read", mark_all_read_action_cb }, { "toggle-read", toggle_read_action_cb },
  { "toggle-star", toggle_star_action_cb },
};

/* ---- a feed's menu ---- */

static void
sources_pressed_cb (GtkGestureClick *gesture, int n_press, double x, double y, gpointer user_data)
{
  LedeLibrarySidebar *self = user_data;
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (self->sources_list, (int) y);
  graphene_point_t point;

  if (row == NULL || row_kind (row) != SOURCE_FEED)
    return;
  gtk_list_box_select_row (self->sources_list, row);
  if (!gtk_widget_compute_point (GTK_WIDGET (self->sources_list), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT ((float) x, (float) y), &point))
    point = GRAPHENE_POINT_INIT (0, 0);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->feed_menu),
                               &(GdkRectangle){ (int) point.x, (int) point.y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->feed_menu));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
setup_feed_menu (LedeLibrarySidebar *self)
{
  g_autoptr (GMenu) menu = g_menu_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  g_menu_append (menu, _ ("Re_name Feed…"), "library.rename-feed");
  g_menu_append (menu, _ ("_Mark All as Read"), "library.mark-all-read");
  g_menu_append (menu, _ ("Re_move Feed…"), "library.remove-feed");
  self->feed_menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->feed_menu), FALSE);
  gtk_widget_set_halign (self->feed_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->feed_menu, GTK_WIDGET (self));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (sources_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->sources_list), GTK_EVENT_CONTROLLER (click));
}

/* ---- public ---- */

void
lede_library_sidebar_select_feed (LedeLibrarySidebar *self, gint64 feed_id)
{
  GtkListBoxRow *row;

  g_return_if_fail (LEDE_IS_LIBRARY_SIDEBAR (self));
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->sources_list, i)) != NULL; i++)
    if (row_kind (row) == SOURCE_FEED && row_feed (row) == feed_id)
      {
        gtk_list_box_select_row (self->sources_list, row);
        return;
      }
  /* Not listed yet (just added): selected when the sources are read again. */
  self->select_feed = feed_id;
}

GtkWidget *
lede_library_sidebar_new (LedeLibrary *library)
{
  return g_object_new (LEDE_TYPE_LIBRARY_SIDEBAR, "library", library, NULL);
}

LedeLibrary *
lede_library_sidebar_get_library (LedeLibrarySidebar *self)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY_SIDEBAR (self), NULL);
  return self->library;
}

GActionGroup *
lede_library_sidebar_get_actions (LedeLibrarySidebar *self)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY_SIDEBAR (self), NULL);
  return G_ACTION_GROUP (self->actions);
}

LedeItemListModel *
lede_library_sidebar_get_items (LedeLibrarySidebar *self)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY_SIDEBAR (self), NULL);
  return self->items;
}

GtkGridView *
lede_library_sidebar_get_item_view (LedeLibrarySidebar *self)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY_SIDEBAR (self), NULL);
  return self->items_view;
}

GPtrArray *
lede_library_sidebar_get_feeds (LedeLibrarySidebar *self)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY_SIDEBAR (self), NULL);
  return self->feeds;
}

gboolean
lede_library_sidebar_get_busy (LedeLibrarySidebar *self)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY_SIDEBAR (self), FALSE);
  return self->pending > 0;
}

/* ---- object ---- */

static void
library_changed_cb (LedeLibrarySidebar *self)
{
  reload_feeds (self);
}

static void
lede_library_sidebar_constructed (GObject *object)
{
  LedeLibrarySidebar *self = LEDE_LIBRARY_SIDEBAR (object);
  LedeRefresher *refresher;

  G_OBJECT_CLASS (lede_library_sidebar_parent_class)->constructed (object);

  self->items = lede_item_list_model_new (get_store (self));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->items)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_grid_view_set_model (self->items_view, GTK_SELECTION_MODEL (self->selection));

  if (self->library == NULL || get_store (self) == NULL)
    {
      const GError *error = self->library ? lede_library_get_error (self->library) : NULL;
      g_autofree char *message = g_strdup_printf (_ ("The library could not be opened: %s"),
                                                  error ? error->message : _ ("no database"));
      gtk_label_set_label (self->status_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
      return;
    }
  refresher = lede_library_get_refresher (self->library);
  g_signal_connect_object (refresher, "progress", G_CALLBACK (progress_cb), self, 0);
  g_signal_connect_object (refresher, "feed-refreshed", G_CALLBACK (feed_refreshed_cb), self, 0);
  g_signal_connect_object (self->library, "changed", G_CALLBACK (library_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->scope = LEDE_STORE_SCOPE_UNREAD;
  reload_feeds (self);
  reload_items (self);
}

static void
lede_library_sidebar_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LedeLibrarySidebar *self = LEDE_LIBRARY_SIDEBAR (object);

  switch (prop_id)
    {
      case PROP_BUSY: g_value_set_boolean (value, self->pending > 0); break;
      case PROP_REFRESH_INTERVAL: g_value_set_uint (value, self->refresh_interval); break;
      default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lede_library_sidebar_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LedeLibrarySidebar *self = LEDE_LIBRARY_SIDEBAR (object);

  switch (prop_id)
    {
      case PROP_LIBRARY: g_set_object (&self->library, g_value_get_object (value)); break;
      case PROP_REFRESH_INTERVAL:
        lede_library_sidebar_set_refresh_interval (self, g_value_get_uint (value));
        break;
      default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lede_library_sidebar_dispose (GObject *object)
{
  LedeLibrarySidebar *self = LEDE_LIBRARY_SIDEBAR (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->items_cancellable);
  g_clear_handle_id (&self->reload_feeds_id, g_source_remove);
  g_clear_handle_id (&self->refresh_timer, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEDE_TYPE_LIBRARY_SIDEBAR);
  g_clear_pointer (&self->feed_menu, gtk_widget_unparent);
  /* The template's top child has no id, so dispose_template() leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->items);
  g_clear_object (&self->actions);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->items_cancellable);
  g_clear_pointer (&self->feeds, g_ptr_array_unref);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (lede_library_sidebar_parent_class)->dispose (object);
}

static void
lede_library_sidebar_class_init (LedeLibrarySidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = lede_library_sidebar_constructed;
  object_class->get_property = lede_library_sidebar_get_property;
  object_class->set_property = lede_library_sidebar_set_property;
  object_class->dispose = lede_library_sidebar_dispose;

  /* Something is being read, fetched or written. */
  properties[PROP_BUSY]
    = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LIBRARY]
    = g_param_spec_object ("library", NULL, NULL, LEDE_TYPE_LIBRARY,
                           G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Minutes between automatic refreshes; 0: by hand only. */
  properties[PROP_REFRESH_INTERVAL]
    = g_param_spec_uint ("refresh-interval", NULL, NULL, 0, 7 * 24 * 60, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LedeLibrarySidebar::item-activated:
   * @item_id: the item to open
   */
  signals[SIGNAL_ITEM_ACTIVATED]
    = g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                    G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * LedeLibrarySidebar::open-url:
   * @url: a web page to read, as typed
   */
  signals[SIGNAL_OPEN_URL] = g_signal_new ("open-url", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                           NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ledereader/Lede/ui/lede-library-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, LedeLibrarySidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LedeLibrarySidebar, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, LedeLibrarySidebar, status_label);
  gtk_widget_class_bind_template_child (widget_class, LedeLibrarySidebar, sources_list);
  gtk_widget_class_bind_template_child (widget_class, LedeLibrarySidebar, items_stack);
  gtk_widget_class_bind_template_child (widget_class, LedeLibrarySidebar, no_items_label);
  gtk_widget_class_bind_template_child (widget_class, LedeLibrarySidebar, items_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, source_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  /* In the article list: m toggles read, s the star (a focused search entry takes the keys first). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, 0, "library.toggle-read", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, 0, "library.toggle-star", NULL);
}

static void
lede_library_sidebar_init (LedeLibrarySidebar *self)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), library_actions,
                                   G_N_ELEMENTS (library_actions), self);
  /* The widget itself answers "library.*" too, so its key bindings work without the window. */
  gtk_widget_insert_action_group (GTK_WIDGET (self), "library", G_ACTION_GROUP (self->actions));

  g_signal_connect (factory, "setup", G_CALLBACK (item_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (item_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (item_unbind_cb), NULL);
  gtk_grid_view_set_factory (self->items_view, factory);
  setup_feed_menu (self);
}
