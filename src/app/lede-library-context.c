/* lede-library-context.c: "In your library" on the actor card: other articles naming the actor, figures compared. */
#include "config.h"

#include <glib/gi18n.h>

#include "lede-library-context.h"
#include "lede-column.h"
#include "lede-library.h"

struct _LedeLibraryContext
{
  GtkWidget parent_instance;

  GCancellable *cancellable;
  GStrv names; /* the actor's name and aliases */
  guint n_articles;
  guint n_figures;
  guint pending;

  GtkWidget *box;
  GtkLabel *articles_header;
  GtkListBox *articles_list;
  GtkLabel *figures_header;
  GtkListBox *figures_list;
};

G_DEFINE_FINAL_TYPE (LedeLibraryContext, lede_library_context, GTK_TYPE_WIDGET)

#define ROW_ITEM "lede-item-id"

GtkWidget *
lede_library_context_new (void)
{
  return g_object_new (LEDE_TYPE_LIBRARY_CONTEXT, NULL);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static char *
format_date (gint64 when)
{
  g_autoptr (GDateTime) dt = when > 0 ? g_date_time_new_from_unix_local (when) : NULL;

  /* Translators: the date of an article in the library */
  return dt ? g_date_time_format (dt, _ ("%-d %b %Y")) : g_strdup ("");
}

static GtkWidget *
label_new (const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
article_row (const LedeStoreItem *item)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = lede_column_new (2); /* not a GtkBox: see lede-column.c */
  g_autofree char *date = format_date (item->published);
  g_autofree char *meta = *date ? g_strdup_printf ("%s · %s", item->feed_title ? item->feed_title : "", date)
                                : g_strdup (item->feed_title ? item->feed_title : "");
  const char *title = item->title && *item->title ? item->title : _ ("Untitled");
  g_autofree char *accessible = g_strdup_printf ("%s, %s", title, meta);

  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 10);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  lede_column_append (LEDE_COLUMN (box), label_new (title, "heading"));
  lede_column_append (LEDE_COLUMN (box), label_new (meta, "dim-label"));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), ROW_ITEM, g_memdup2 (&item->id, sizeof item->id), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return row;
}

static GtkWidget *
figure_side (const LedeStoreFigure *figure, const char *where)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *by
    = figure->source ? g_strdup_printf (_ ("%s, %s"), figure->source, where) : g_strdup (where);

  gtk_widget_set_hexpand (box, TRUE);
  gtk_box_append (GTK_BOX (box), label_new (figure->text ? figure->text : "", "title-4"));
  gtk_box_append (GTK_BOX (box), label_new (by, "caption"));
  return box;
}

static GtkWidget *
figure_row (const LedeStoreFigurePair *pair)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *sides = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *date = format_date (pair->there->published);
  g_autofree char *there_where
    = *date ? g_strdup_printf ("%s · %s", pair->there->feed_title ? pair->there->feed_title : "", date)
            : g_strdup (pair->there->feed_title ? pair->there->feed_title : "");
  g_autofree char *accessible = NULL;

  gtk_widget_set_margin_start (outer, 10);
  gtk_widget_set_margin_end (outer, 10);
  gtk_widget_set_margin_top (outer, 8);
  gtk_widget_set_margin_bottom (outer, 8);
  gtk_box_set_homogeneous (GTK_BOX (sides), TRUE);
  gtk_box_append (GTK_BOX (outer), label_new (pair->here->about ? pair->here->about : "", "dim-label"));
  gtk_box_append (GTK_BOX (sides), figure_side (pair->here, _ ("this article")));
  gtk_box_append (GTK_BOX (sides), figure_side (pair->there, there_where));
  gtk_box_append (GTK_BOX (outer), sides);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), outer);
  g_object_set_data_full (G_OBJECT (row), ROW_ITEM,
                          g_memdup2 (&pair->there->item_id, sizeof pair->there->item_id), g_free);
  /* Translators: "ferries: 40 (this article) beside 25 (Harbour News)" */
  accessible
    = g_strdup_printf (_ ("%s: %s (this article) beside %s (%s)"), pair->here->about ? pair->here->about : "",
                       pair->here->text ? pair->here->text : "", pair->there->text ? pair->there->text : "",
                       there_where);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return row;
}

static void
update_headers (LedeLibraryContext *self)
{
  g_autofree char *articles = g_strdup_printf (_ ("In Your Library (%u)"), self->n_articles);
  g_autofree char *figures = g_strdup_printf (_ ("Figures Elsewhere (%u)"), self->n_figures);

  gtk_label_set_label (self->articles_header, articles);
  gtk_label_set_label (self->figures_header, figures);
  gtk_widget_set_visible (GTK_WIDGET (self->articles_header), self->n_articles > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->articles_list), self->n_articles > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->figures_header), self->n_figures > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->figures_list), self->n_figures > 0);
}

static void
items_found_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LedeLibraryContext) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = lede_store_find_actor_items_finish (LEDE_STORE (source), result, &error);

  self->pending--;
  if (items == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not look up the actor in the library: %s", error->message);
      return;
    }
  for (guint i = 0; i < items->len; i++)
    gtk_list_box_append (self->articles_list, article_row (items->pdata[i]));
  self->n_articles = items->len;
  update_headers (self);
}

/* Whether @source is one of the actor's names. */
static gboolean
is_actor (LedeLibraryContext *self, const char *source)
{
  g_autofree char *key = NULL;

  if (source == NULL || self->names == NULL)
    return FALSE;
  key = lede_store_normalize_key (source);
  for (guint i = 0; self->names[i] != NULL; i++)
    {
      g_autofree char *name = lede_store_normalize_key (self->names[i]);
      if (g_str_equal (name, key))
        return TRUE;
    }
  return FALSE;
}

static void
figures_found_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LedeLibraryContext) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) pairs = lede_store_find_related_figures_finish (LEDE_STORE (source), result, &error);

  self->pending--;
  if (pairs == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not compare figures across the library: %s", error->message);
      return;
    }
  /* The actor's card shows the figures it states, or that others state against it, beside the
   * same measure from a different source; the same source twice is no comparison. */
  self->n_figures = 0;
  for (guint i = 0; i < pairs->len; i++)
    {
      LedeStoreFigurePair *pair = pairs->pdata[i];
      if (!is_actor (self, pair->here->source) && !is_actor (self, pair->there->source))
        continue;
      if (pair->here->source != NULL && pair->there->source != NULL
          && g_strcmp0 (pair->here->source, pair->there->source) == 0)
        continue;
      gtk_list_box_append (self->figures_list, figure_row (pair));
      self->n_figures++;
    }
  update_headers (self);
}

void
lede_library_context_set_actor (LedeLibraryContext *self, LedeAnalysis *analysis, int actor)
{
  LedeLibrary *library;
  LedeStore *store;
  const LedeActor *a;
  g_autoptr (GStrvBuilder) builder = NULL;
  gint64 item_id;

  g_return_if_fail (LEDE_IS_LIBRARY_CONTEXT (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->names, g_strfreev);
  clear_list (self->articles_list);
  clear_list (self->figures_list);
  self->n_articles = self->n_figures = 0;
  update_headers (self);

  library = lede_library_get_for_object (gtk_widget_get_root (GTK_WIDGET (self)));
  store = library ? lede_library_get_store (library) : NULL;
  if (store == NULL || analysis == NULL || actor < 0
      || (guint) actor >= lede_analysis_get_n_actors (analysis))
    return;

  a = lede_analysis_get_actor (analysis, actor);
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, a->name);
  for (guint i = 0; a->aliases != NULL && i < a->aliases->len; i++)
    g_strv_builder_add (builder, a->aliases->pdata[i]);
  self->names = g_strv_builder_end (builder);
  item_id = lede_library_get_current_item (library);

  self->cancellable = g_cancellable_new ();
  self->pending += 1;
  lede_store_find_actor_items_async (store, (const char *const *) self->names, item_id, 20, self->cancellable,
                                     items_found_cb, g_object_ref (self));
  /* Only an article in the library has figures indexed to compare. */
  if (item_id > 0)
    {
      self->pending += 1;
      lede_store_find_related_figures_async (store, item_id, 200, self->cancellable, figures_found_cb,
                                             g_object_ref (self));
    }
}

static void
row_activated_cb (GtkListBox *list, GtkListBoxRow *row, gpointer user_data)
{
  gint64 *item_id = g_object_get_data (G_OBJECT (row), ROW_ITEM);

  if (item_id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (list), "library.open-item", "x", *item_id);
}

guint
lede_library_context_get_n_articles (LedeLibraryContext *self)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY_CONTEXT (self), 0);
  return self->n_articles;
}

guint
lede_library_context_get_n_figures (LedeLibraryContext *self)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY_CONTEXT (self), 0);
  return self->n_figures;
}

gboolean
lede_library_context_get_busy (LedeLibraryContext *self)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY_CONTEXT (self), FALSE);
  return self->pending > 0;
}

GtkListBox *
lede_library_context_get_article_list (LedeLibraryContext *self)
{
  g_return_val_if_fail (LEDE_IS_LIBRARY_CONTEXT (self), NULL);
  return self->articles_list;
}

static GtkLabel *
header_new (GtkWidget *box)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_visible (label, FALSE);
  gtk_box_append (GTK_BOX (box), label);
  return GTK_LABEL (label);
}

static GtkListBox *
list_new (GtkWidget *box, const char *name)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_visible (list, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_signal_connect (list, "row-activated", G_CALLBACK (row_activated_cb), NULL);
  gtk_box_append (GTK_BOX (box), list);
  return GTK_LIST_BOX (list);
}

static void
lede_library_context_dispose (GObject *object)
{
  LedeLibraryContext *self = LEDE_LIBRARY_CONTEXT (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->names, g_strfreev);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (lede_library_context_parent_class)->dispose (object);
}

static void
lede_library_context_class_init (LedeLibraryContextClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lede_library_context_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
lede_library_context_init (LedeLibraryContext *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  self->articles_header = header_new (self->box);
  self->articles_list = list_new (self->box, _ ("Other articles naming this actor"));
  self->figures_header = header_new (self->box);
  self->figures_list = list_new (self->box, _ ("The same figures from other sources"));
}
