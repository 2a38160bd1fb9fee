/* lede-fact-panel.c: the fact panel beside the article, and the actor card it opens. */
#include "config.h"

#include <glib/gi18n.h>

#include "lede-actor-card.h"
#include "lede-column.h"
#include "lede-fact-panel.h"

#define N_KINDS (LEDE_ACTOR_OTHER + 1)

struct _LedeFactPanel
{
  GtkWidget parent_instance;

  LedeAnalysis *analysis;
  char *query; /* case-folded filter text */
  GtkCustomFilter *filter;
  int selected_actor;

  /* One list, so only the rows in view exist even for a long article:
   * sections of a flattened model, each headed by a header item. */
  GListStore *actor_stores[N_KINDS];
  GtkFilterListModel *actor_models[N_KINDS];
  GListStore *kind_headers[N_KINDS]; /* empty while the kind has no rows */
  GListStore *figure_store;
  GtkFilterListModel *figure_model;
  GListStore *claim_store;
  GtkFilterListModel *claim_model;
  GListStore *actors_header;
  GListStore *figures_header;
  GListStore *claims_header;
  GListStore *empty_note; /* "nothing matches", while nothing does */
  GtkSingleSelection *selection;
  guint scroll_to; /* a row to bring into view once the list is laid out */
  guint scroll_idle;

  GtkSearchEntry *filter_entry;
  GtkStack *stack;
  GtkScrolledWindow *lists_scroller;
  GtkGridView *list_view;
  LedeActorCard *card;
};

G_DEFINE_FINAL_TYPE (LedeFactPanel, lede_fact_panel, GTK_TYPE_WIDGET)

enum
{
  ACTOR_SELECTED,
  MENTION_ACTIVATED,
  FIGURE_ACTIVATED,
  CLAIM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
lede_fact_panel_new (void)
{
  return g_object_new (LEDE_TYPE_FACT_PANEL, NULL);
}

static const char *
kind_plural (LedeActorKind kind)
{
  switch (kind)
    {
      case LEDE_ACTOR_PERSON: return _ ("People");
      case LEDE_ACTOR_ORGANIZATION: return _ ("Organizations");
      case LEDE_ACTOR_PLACE: return _ ("Places");
      case LEDE_ACTOR_GROUP: return _ ("Groups");
      case LEDE_ACTOR_OTHER:
      default: return _ ("Other");
    }
}

static char *
header_text (const char *name, guint shown, guint total)
{
  if (shown == total)
    /* Translators: a section header with its count, "Actors (12)" */
    return g_strdup_printf (_ ("%s (%u)"), name, total);
  /* Translators: a filtered section header, "Actors (3 of 12)" */
  return g_strdup_printf (_ ("%s (%u of %u)"), name, shown, total);
}

/* Replaces a header's text; the splice makes its row rebind. */
static void
set_header (GListStore *store, const char *text, gboolean shown)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_autoptr (LedeFactItem) old = n > 0 ? g_list_model_get_item (G_LIST_MODEL (store), 0) : NULL;

  if (!shown)
    {
      if (n > 0)
        g_list_store_remove_all (store);
      return;
    }
  if (old != NULL && g_strcmp0 (lede_fact_item_get_title (old), text) == 0)
    return;
  {
    g_autoptr (LedeFactItem) item
      = lede_fact_item_new_header (text, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (store), "level")));
    g_list_store_splice (store, 0, n, (gpointer *) &item, 1);
  }
}

static void
update_headers (LedeFactPanel *self)
{
  guint shown = 0, total = 0, n;
  g_autofree char *actors = NULL;
  g_autofree char *figures = NULL;
  g_autofree char *claims = NULL;

  for (guint k = 0; k < N_KINDS; k++)
    {
      guint kind_shown = g_list_model_get_n_items (G_LIST_MODEL (self->actor_models[k]));
      guint kind_total = g_list_model_get_n_items (G_LIST_MODEL (self->actor_stores[k]));
      g_autofree char *text = header_text (kind_plural (k), kind_shown, kind_total);
      set_header (self->kind_headers[k], text, kind_shown > 0);
      shown += kind_shown;
      total += kind_total;
    }
  actors = header_text (_ ("Actors"), shown, total);
  set_header (self->actors_header, actors, TRUE);
  n = shown;

  shown = g_list_model_get_n_items (G_LIST_MODEL (self->figure_model));
  total = g_list_model_get_n_items (G_LIST_MODEL (self->figure_store));
  figures = header_text (_ ("Figures"), shown, total);
  set_header (self->figures_header, figures, TRUE);
  n += shown;

  shown = g_list_model_get_n_items (G_LIST_MODEL (self->claim_model));
  total = g_list_model_get_n_items (G_LIST_MODEL (self->claim_store));
  claims = header_text (_ ("Claims"), shown, total);
  set_header (self->claims_header, claims, TRUE);
  n += shown;

  set_header (self->empty_note, _ ("Nothing matches the filter"),
              n == 0 && self->query != NULL && *self->query);
}

static gboolean
filter_func (gpointer item, gpointer user_data)
{
  LedeFactPanel *self = user_data;
  return lede_fact_item_matches (item, self->query);
}

/* ---- rows ---- */

static void
setup_row_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  /* Columns, not boxes: see lede-column.c. */
  GtkWidget *cell = lede_column_new (0);
  GtkWidget *header = gtk_label_new (NULL);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text = lede_column_new (2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_widget_add_css_class (row, "fact-row");
  gtk_widget_set_hexpand (text, TRUE);
  for (GtkWidget **l = (GtkWidget *[]){ title, subtitle, detail, NULL }; *l; l++)
    {
      gtk_label_set_xalign (GTK_LABEL (*l), 0);
      gtk_label_set_wrap (GTK_LABEL (*l), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (*l), PANGO_WRAP_WORD_CHAR);
      lede_column_append (LEDE_COLUMN (text), *l);
    }
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (subtitle, "fact-subtitle");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_set_valign (badge, GTK_ALIGN_START);
  gtk_widget_add_css_class (badge, "fact-badge");
  gtk_box_append (GTK_BOX (row), text);
  gtk_box_append (GTK_BOX (row), badge);

  g_object_set_data (G_OBJECT (row), "title", title);
  g_object_set_data (G_OBJECT (row), "subtitle", subtitle);
  g_object_set_data (G_OBJECT (row), "detail", detail);
  g_object_set_data (G_OBJECT (row), "badge", badge);

  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_wrap (GTK_LABEL (header), TRUE);
  lede_column_append (LEDE_COLUMN (cell), header);
  lede_column_append (LEDE_COLUMN (cell), row);
  g_object_set_data (G_OBJECT (cell), "header", header);
  g_object_set_data (G_OBJECT (cell), "row", row);
  gtk_list_item_set_child (list_item, cell);
}

static void
set_label (GtkWidget *row, const char *name, const char *text)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (row), name);

  gtk_label_set_label (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  LedeFactItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  GtkWidget *header = g_object_get_data (G_OBJECT (cell), "header");
  GtkWidget *row = g_object_get_data (G_OBJECT (cell), "row");
  GtkWidget *badge = g_object_get_data (G_OBJECT (row), "badge");
  gboolean disputed = lede_fact_item_get_disputed (item);
  gboolean is_header = lede_fact_item_get_kind (item) == LEDE_FACT_HEADER;
  guint level = lede_fact_item_get_level (item);

  gtk_widget_set_visible (header, is_header);
  gtk_widget_set_visible (row, !is_header);
  gtk_list_item_set_activatable (list_item, !is_header);
  gtk_list_item_set_selectable (list_item, !is_header);
  if (is_header)
    {
      gtk_label_set_label (GTK_LABEL (header), lede_fact_item_get_title (item));
      gtk_widget_set_css_classes (header, level == 0
                                            ? (const char *[]){ "fact-section-header", "title-4", NULL }
                                          : level == 1
                                            ? (const char *[]){ "fact-kind-header", "caption-heading", NULL }
                                            : (const char *[]){ "fact-empty-note", "dim-label", NULL });
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      lede_fact_item_get_title (item), -1);
      return;
    }

  set_label (row, "title", lede_fact_item_get_title (item));
  set_label (row, "subtitle", lede_fact_item_get_subtitle (item));
  set_label (row, "detail", lede_fact_item_get_detail (item));
  set_label (row, "badge", lede_fact_item_get_badge (item));
  if (disputed)
    gtk_widget_add_css_class (badge, "disputed-tag");
  else
    gtk_widget_remove_css_class (badge, "disputed-tag");
  if (lede_fact_item_get_kind (item) == LEDE_FACT_ACTOR)
    gtk_widget_add_css_class (badge, "mention-count");
  else
    gtk_widget_remove_css_class (badge, "mention-count");
  /* A screen reader reads the whole row as one sentence. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  lede_fact_item_get_accessible_label (item), -1);
}

static GtkListItemFactory *
row_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  return factory;
}

static GtkFilterListModel *
make_model (LedeFactPanel *self, GListStore *store)
{
  GtkFilterListModel *filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (store)),
                                                            GTK_FILTER (g_object_ref (self->filter)));

  /* After the flattened list has seen the change, so the headers it then
   * gets are placed right. */
  g_signal_connect_object (filtered, "items-changed", G_CALLBACK (update_headers), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  return filtered;
}

static GListStore *
header_store (guint level)
{
  GListStore *store = g_list_store_new (LEDE_TYPE_FACT_ITEM);

  g_object_set_data (G_OBJECT (store), "level", GUINT_TO_POINTER (level));
  return store;
}

/* ---- selection ---- */

static void
unselect_all (LedeFactPanel *self)
{
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

/* The row of an actor, figure or claim in the one list. */
static guint
find_position (LedeFactPanel *self, LedeFactKind kind, guint index)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LedeFactItem) item = g_list_model_get_item (model, i);
      if (lede_fact_item_get_kind (item) == kind && lede_fact_item_get_index (item) == index)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static gboolean
scroll_idle_cb (gpointer user_data)
{
  LedeFactPanel *self = user_data;
  guint pos = self->scroll_to;

  self->scroll_idle = 0;
  /* GTK warns when asked to scroll a list that is not laid out. */
  if (pos < g_list_model_get_n_items (G_LIST_MODEL (self->selection))
      && gtk_widget_get_mapped (GTK_WIDGET (self->list_view))
      && gtk_widget_get_height (GTK_WIDGET (self->list_view)) > 0)
    /* There is no gtk_list_view_scroll_to () before GTK 4.12. */
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", pos);
  return G_SOURCE_REMOVE;
}

static void
select_row (LedeFactPanel *self, LedeFactKind kind, guint index, gboolean scroll)
{
  guint pos = find_position (self, kind, index);

  gtk_single_selection_set_selected (self->selection, pos);
  if (pos == GTK_INVALID_LIST_POSITION || !scroll)
    return;
  /* After the list has been laid out (it may just have come on screen):
   * idle callbacks run after GTK's layout and drawing. */
  self->scroll_to = pos;
  if (self->scroll_idle == 0)
    self->scroll_idle = g_idle_add (scroll_idle_cb, self);
}

void
lede_fact_panel_select_actor (LedeFactPanel *self, int actor)
{
  g_return_if_fail (LEDE_IS_FACT_PANEL (self));

  if (self->analysis == NULL || actor < 0 || (guint) actor >= lede_analysis_get_n_actors (self->analysis))
    {
      lede_fact_panel_clear_selection (self);
      return;
    }
  select_row (self, LEDE_FACT_ACTOR, actor, FALSE);
  self->selected_actor = actor;
  lede_actor_card_set_actor (self->card, self->analysis, actor);
  gtk_stack_set_visible_child_name (self->stack, "card");
}

static void
activate_actor (LedeFactPanel *self, int actor)
{
  lede_fact_panel_select_actor (self, actor);
  if (self->selected_actor == actor)
    g_signal_emit (self, signals[ACTOR_SELECTED], 0, actor);
}

int
lede_fact_panel_get_selected_actor (LedeFactPanel *self)
{
  g_return_val_if_fail (LEDE_IS_FACT_PANEL (self), -1);
  return self->selected_actor;
}

void
lede_fact_panel_select_fact (LedeFactPanel *self, gboolean claim, guint index)
{
  g_return_if_fail (LEDE_IS_FACT_PANEL (self));

  self->selected_actor = -1;
  gtk_stack_set_visible_child_name (self->stack, "lists");
  select_row (self, claim ? LEDE_FACT_CLAIM : LEDE_FACT_FIGURE, index, TRUE);
}

/* Activates a row the way a click or Enter does. */
gboolean
lede_fact_panel_activate_row (LedeFactPanel *self, LedeFactKind kind, guint index)
{
  guint pos;

  g_return_val_if_fail (LEDE_IS_FACT_PANEL (self), FALSE);

  gtk_stack_set_visible_child_name (self->stack, "lists");
  pos = find_position (self, kind, index);
  if (pos == GTK_INVALID_LIST_POSITION)
    return FALSE;
  return gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.activate-item", "u", pos);
}

void
lede_fact_panel_clear_selection (LedeFactPanel *self)
{
  g_return_if_fail (LEDE_IS_FACT_PANEL (self));

  unselect_all (self);
  self->selected_actor = -1;
  gtk_stack_set_visible_child_name (self->stack, "lists");
}

void
lede_fact_panel_set_mention_position (LedeFactPanel *self, int current, guint total)
{
  g_return_if_fail (LEDE_IS_FACT_PANEL (self));
  lede_actor_card_set_position (self->card, current, total);
}

void
lede_fact_panel_focus_filter (LedeFactPanel *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
}

static void filter_changed_cb (LedeFactPanel *self);

void
lede_fact_panel_set_filter_text (LedeFactPanel *self, const char *text)
{
  g_return_if_fail (LEDE_IS_FACT_PANEL (self));

  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), text);
  /* The entry waits before it says the text changed; apply it now. */
  filter_changed_cb (self);
}

/* ---- model ---- */

typedef struct
{
  guint index;
  double salience;
  guint mentions;
} ActorOrder;

static int
actor_order_cmp (gconstpointer a, gconstpointer b)
{
  const ActorOrder *x = a, *y = b;

  if (x->salience != y->salience)
    return x->salience > y->salience ? -1 : 1;
  if (x->mentions != y->mentions)
    return x->mentions > y->mentions ? -1 : 1;
  return x->index < y->index ? -1 : (x->index > y->index);
}

void
lede_fact_panel_set_analysis (LedeFactPanel *self, LedeAnalysis *analysis)
{
  g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (ActorOrder));
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (LEDE_IS_FACT_PANEL (self));

  if (!g_set_object (&self->analysis, analysis))
    return;

  lede_fact_panel_clear_selection (self);
  gtk_grid_view_set_model (self->list_view, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");

  for (guint k = 0; k < N_KINDS; k++)
    g_list_store_remove_all (self->actor_stores[k]);
  g_list_store_remove_all (self->figure_store);
  g_list_store_remove_all (self->claim_store);
  if (analysis == NULL)
    {
      gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
      return;
    }

  /* Each kind's list in order of salience; added in one splice per list so
   * the views lay out once. */
  for (guint i = 0; i < lede_analysis_get_n_actors (analysis); i++)
    {
      const LedeActor *a = lede_analysis_get_actor (analysis, i);
      ActorOrder o = { i, a->salience, a->mentions->len };
      g_array_append_val (order, o);
    }
  g_array_sort (order, actor_order_cmp);
  for (guint k = 0; k < N_KINDS; k++)
    {
      g_ptr_array_set_size (items, 0);
      for (guint i = 0; i < order->len; i++)
        {
          guint index = g_array_index (order, ActorOrder, i).index;
          if (lede_analysis_get_actor (analysis, index)->kind == k)
            g_ptr_array_add (items, lede_fact_item_new (analysis, LEDE_FACT_ACTOR, index));
        }
      g_list_store_splice (self->actor_stores[k], 0, 0, items->pdata, items->len);
    }

  g_ptr_array_set_size (items, 0);
  for (guint i = 0; i < lede_analysis_get_n_figures (analysis); i++)
    g_ptr_array_add (items, lede_fact_item_new (analysis, LEDE_FACT_FIGURE, i));
  g_list_store_splice (self->figure_store, 0, 0, items->pdata, items->len);

  /* Disputed claims first, each group in text order. */
  g_ptr_array_set_size (items, 0);
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < lede_analysis_get_n_claims (analysis); i++)
      if (lede_analysis_get_claim (analysis, i)->disputed == (pass == 0))
        g_ptr_array_add (items, lede_fact_item_new (analysis, LEDE_FACT_CLAIM, i));
  g_list_store_splice (self->claim_store, 0, 0, items->pdata, items->len);

  update_headers (self);
  /* A new article starts at the top of the list: a new model resets the
   * list view, which would otherwise keep its anchor at the old position. */
  gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

GListModel *
lede_fact_panel_get_actors (LedeFactPanel *self, LedeActorKind kind)
{
  g_return_val_if_fail (kind < N_KINDS, NULL);
  return G_LIST_MODEL (self->actor_models[kind]);
}

GListModel *
lede_fact_panel_get_figures (LedeFactPanel *self)
{
  return G_LIST_MODEL (self->figure_model);
}

GListModel *
lede_fact_panel_get_claims (LedeFactPanel *self)
{
  return G_LIST_MODEL (self->claim_model);
}

GtkGridView *
lede_fact_panel_get_list_view (LedeFactPanel *self)
{
  g_return_val_if_fail (LEDE_IS_FACT_PANEL (self), NULL);
  return self->list_view;
}

const char *
lede_fact_panel_get_header (LedeFactPanel *self, LedeFactKind kind)
{
  GListStore *store = kind == LEDE_FACT_ACTOR    ? self->actors_header
                      : kind == LEDE_FACT_FIGURE ? self->figures_header
                                                 : self->claims_header;
  g_autoptr (LedeFactItem) item = g_list_model_get_item (G_LIST_MODEL (store), 0);

  return item ? lede_fact_item_get_title (item) : NULL;
}

/* ---- callbacks ---- */

static void
row_activate_cb (LedeFactPanel *self, guint position)
{
  g_autoptr (LedeFactItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  guint index;

  if (item == NULL)
    return;
  index = lede_fact_item_get_index (item);
  switch (lede_fact_item_get_kind (item))
    {
      case LEDE_FACT_ACTOR: activate_actor (self, index); break;
      case LEDE_FACT_FIGURE:
        lede_fact_panel_select_fact (self, FALSE, index);
        g_signal_emit (self, signals[FIGURE_ACTIVATED], 0, index);
        break;
      case LEDE_FACT_CLAIM:
        lede_fact_panel_select_fact (self, TRUE, index);
        g_signal_emit (self, signals[CLAIM_ACTIVATED], 0, index);
        break;
      case LEDE_FACT_HEADER:
      default: break;
    }
}

static void
card_mention_cb (LedeFactPanel *self, guint mention)
{
  if (self->selected_actor >= 0)
    g_signal_emit (self, signals[MENTION_ACTIVATED], 0, (guint) self->selected_actor, mention);
}

static void
card_claim_cb (LedeFactPanel *self, guint claim)
{
  g_signal_emit (self, signals[CLAIM_ACTIVATED], 0, claim);
}

static void
card_actor_cb (LedeFactPanel *self, guint actor)
{
  activate_actor (self, actor);
}

static void
filter_changed_cb (LedeFactPanel *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_free (self->query);
  self->query = g_utf8_casefold (stripped, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  /* Filtering is for finding things in the lists. */
  if (*self->query && self->selected_actor >= 0)
    gtk_stack_set_visible_child_name (self->stack, "lists");
  update_headers (self);
}

static void
stop_search_cb (LedeFactPanel *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
}

static void
lede_fact_panel_dispose (GObject *object)
{
  LedeFactPanel *self = LEDE_FACT_PANEL (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), LEDE_TYPE_FACT_PANEL);
  /* The template's outer box has no id, so dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_handle_id (&self->scroll_idle, g_source_remove);
  for (guint k = 0; k < N_KINDS; k++)
    {
      g_clear_object (&self->actor_stores[k]);
      g_clear_object (&self->actor_models[k]);
      g_clear_object (&self->kind_headers[k]);
    }
  g_clear_object (&self->figure_store);
  g_clear_object (&self->figure_model);
  g_clear_object (&self->claim_store);
  g_clear_object (&self->claim_model);
  g_clear_object (&self->actors_header);
  g_clear_object (&self->figures_header);
  g_clear_object (&self->claims_header);
  g_clear_object (&self->empty_note);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->analysis);

  G_OBJECT_CLASS (lede_fact_panel_parent_class)->dispose (object);
}

static void
lede_fact_panel_finalize (GObject *object)
{
  LedeFactPanel *self = LEDE_FACT_PANEL (object);

  g_free (self->query);
  G_OBJECT_CLASS (lede_fact_panel_parent_class)->finalize (object);
}

static void
lede_fact_panel_class_init (LedeFactPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lede_fact_panel_dispose;
  object_class->finalize = lede_fact_panel_finalize;

  /* A person chose an actor in the panel (-1: none). */
  signals[ACTOR_SELECTED] = g_signal_new ("actor-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[MENTION_ACTIVATED]
    = g_signal_new ("mention-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                    G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  signals[FIGURE_ACTIVATED] = g_signal_new ("figure-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[CLAIM_ACTIVATED] = g_signal_new ("claim-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  g_type_ensure (LEDE_TYPE_ACTOR_CARD);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ledereader/Lede/ui/lede-fact-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, LedeFactPanel, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, LedeFactPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, LedeFactPanel, lists_scroller);
  gtk_widget_class_bind_template_child (widget_class, LedeFactPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, LedeFactPanel, card);
  gtk_widget_class_bind_template_callback (widget_class, row_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, card_mention_cb);
  gtk_widget_class_bind_template_callback (widget_class, card_claim_cb);
  gtk_widget_class_bind_template_callback (widget_class, card_actor_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "factpanel");
}

static void
lede_fact_panel_init (LedeFactPanel *self)
{
  g_autoptr (GListStore) sections = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr (GtkListItemFactory) factory = row_factory_new ();

  self->selected_actor = -1;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->actors_header = header_store (0);
  self->figures_header = header_store (0);
  self->claims_header = header_store (0);
  self->empty_note = header_store (2);
  self->figure_store = g_list_store_new (LEDE_TYPE_FACT_ITEM);
  self->figure_model = make_model (self, self->figure_store);
  self->claim_store = g_list_store_new (LEDE_TYPE_FACT_ITEM);
  self->claim_model = make_model (self, self->claim_store);

  g_list_store_append (sections, self->actors_header);
  for (guint k = 0; k < N_KINDS; k++)
    {
      self->kind_headers[k] = header_store (1);
      self->actor_stores[k] = g_list_store_new (LEDE_TYPE_FACT_ITEM);
      self->actor_models[k] = make_model (self, self->actor_stores[k]);
      g_list_store_append (sections, self->kind_headers[k]);
      g_list_store_append (sections, self->actor_models[k]);
    }
  g_list_store_append (sections, self->figures_header);
  g_list_store_append (sections, self->figure_model);
  g_list_store_append (sections, self->claims_header);
  g_list_store_append (sections, self->claim_model);
  g_list_store_append (sections, self->empty_note);

  self->selection = gtk_single_selection_new (
    G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&sections)))));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_grid_view_set_factory (self->list_view, factory);
  gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  update_headers (self);
}
