/* lede-fact-panel.c: the fact panel beside the article, and the actor card it opens. */
#include "config.h"

#include <glib/gi18n.h>

#include "lede-actor-card.h"
#include "lede-fact-panel.h"

#define N_KINDS (LEDE_ACTOR_OTHER + 1)

struct _LedeFactPanel
{
  GtkWidget parent_instance;

  LedeAnalysis *analysis;
  char *query; /* case-folded filter text */
  GtkCustomFilter *filter;
  int selected_actor;

  GListStore *actor_stores[N_KINDS];
  GtkFilterListModel *actor_models[N_KINDS];
  GtkSingleSelection *actor_selections[N_KINDS];
  GtkListView *actor_views[N_KINDS];
  GtkLabel *actor_headers[N_KINDS];

  GListStore *figure_store;
  GtkFilterListModel *figure_model;
  GtkSingleSelection *figure_selection;
  GListStore *claim_store;
  GtkFilterListModel *claim_model;
  GtkSingleSelection *claim_selection;

  GtkSearchEntry *filter_entry;
  GtkStack *stack;
  GtkScrolledWindow *lists_scroller;
  GtkLabel *actors_header;
  GtkBox *actors_box;
  GtkLabel *figures_header;
  GtkListView *figures_view;
  GtkLabel *claims_header;
  GtkListView *claims_view;
  GtkLabel *empty_label;
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
      gtk_label_set_label (self->actor_headers[k], text);
      gtk_widget_set_visible (GTK_WIDGET (self->actor_headers[k]), kind_shown > 0);
      gtk_widget_set_visible (GTK_WIDGET (self->actor_views[k]), kind_shown > 0);
      shown += kind_shown;
      total += kind_total;
    }
  actors = header_text (_ ("Actors"), shown, total);
  gtk_label_set_label (self->actors_header, actors);
  n = shown;

  shown = g_list_model_get_n_items (G_LIST_MODEL (self->figure_model));
  total = g_list_model_get_n_items (G_LIST_MODEL (self->figure_store));
  figures = header_text (_ ("Figures"), shown, total);
  gtk_label_set_label (self->figures_header, figures);
  n += shown;

  shown = g_list_model_get_n_items (G_LIST_MODEL (self->claim_model));
  total = g_list_model_get_n_items (G_LIST_MODEL (self->claim_store));
  claims = header_text (_ ("Claims"), shown, total);
  gtk_label_set_label (self->claims_header, claims);
  n += shown;

  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), n == 0 && self->query != NULL && *self->query);
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
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
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
      gtk_box_append (GTK_BOX (text), *l);
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
  gtk_list_item_set_child (list_item, row);
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
  GtkWidget *row = gtk_list_item_get_child (list_item);
  GtkWidget *badge = g_object_get_data (G_OBJECT (row), "badge");
  gboolean disputed = lede_fact_item_get_disputed (item);

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
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
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

static GtkSingleSelection *
make_model (LedeFactPanel *self, GListStore *store, GtkFilterListModel **filtered)
{
  GtkSingleSelection *selection;

  *filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (store)),
                                         GTK_FILTER (g_object_ref (self->filter)));
  g_signal_connect_object (*filtered, "items-changed", G_CALLBACK (update_headers), self, G_CONNECT_SWAPPED);
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (*filtered)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  return selection;
}

/* ---- selection ---- */

static void
unselect_all (LedeFactPanel *self)
{
  for (guint k = 0; k < N_KINDS; k++)
    gtk_single_selection_set_selected (self->actor_selections[k], GTK_INVALID_LIST_POSITION);
  gtk_single_selection_set_selected (self->figure_selection, GTK_INVALID_LIST_POSITION);
  gtk_single_selection_set_selected (self->claim_selection, GTK_INVALID_LIST_POSITION);
}

static guint
find_position (GListModel *model, guint index)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LedeFactItem) item = g_list_model_get_item (model, i);
      if (lede_fact_item_get_index (item) == index)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

void
lede_fact_panel_select_actor (LedeFactPanel *self, int actor)
{
  const LedeActor *a;
  guint pos;

  g_return_if_fail (LEDE_IS_FACT_PANEL (self));

  if (self->analysis == NULL || actor < 0 || (guint) actor >= lede_analysis_get_n_actors (self->analysis))
    {
      lede_fact_panel_clear_selection (self);
      return;
    }
  a = lede_analysis_get_actor (self->analysis, actor);
  unselect_all (self);
  pos = find_position (G_LIST_MODEL (self->actor_models[a->kind]), actor);
  if (pos != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->actor_selections[a->kind], pos);
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
  GtkFilterListModel *model = claim ? self->claim_model : self->figure_model;
  GtkSingleSelection *selection = claim ? self->claim_selection : self->figure_selection;
  GtkListView *view = claim ? self->claims_view : self->figures_view;
  guint pos;

  g_return_if_fail (LEDE_IS_FACT_PANEL (self));

  unselect_all (self);
  self->selected_actor = -1;
  gtk_stack_set_visible_child_name (self->stack, "lists");
  pos = find_position (G_LIST_MODEL (model), index);
  if (pos == GTK_INVALID_LIST_POSITION)
    return;
  gtk_single_selection_set_selected (selection, pos);
  /* Bring the row into view; the list has no scroll_to before GTK 4.12. */
  gtk_widget_activate_action (GTK_WIDGET (view), "list.scroll-to-item", "u", pos);
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
  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");

  for (guint k = 0; k < N_KINDS; k++)
    g_list_store_remove_all (self->actor_stores[k]);
  g_list_store_remove_all (self->figure_store);
  g_list_store_remove_all (self->claim_store);
  if (analysis == NULL)
    return;

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
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->lists_scroller), 0);
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

GtkListView *
lede_fact_panel_get_actor_view (LedeFactPanel *self, LedeActorKind kind)
{
  g_return_val_if_fail (kind < N_KINDS, NULL);
  return self->actor_views[kind];
}

const char *
lede_fact_panel_get_header (LedeFactPanel *self, LedeFactKind kind)
{
  switch (kind)
    {
      case LEDE_FACT_ACTOR: return gtk_label_get_label (self->actors_header);
      case LEDE_FACT_FIGURE: return gtk_label_get_label (self->figures_header);
      case LEDE_FACT_CLAIM:
      default: return gtk_label_get_label (self->claims_header);
    }
}

/* ---- callbacks ---- */

static void
actor_activate_cb (GtkListView *view, guint position, gpointer user_data)
{
  LedeFactPanel *self = user_data;
  g_autoptr (LedeFactItem) item
    = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (view)), position);

  if (item != NULL)
    activate_actor (self, lede_fact_item_get_index (item));
}

static void
figure_activate_cb (LedeFactPanel *self, guint position)
{
  g_autoptr (LedeFactItem) item = g_list_model_get_item (G_LIST_MODEL (self->figure_model), position);

  if (item == NULL)
    return;
  lede_fact_panel_select_fact (self, FALSE, lede_fact_item_get_index (item));
  g_signal_emit (self, signals[FIGURE_ACTIVATED], 0, lede_fact_item_get_index (item));
}

static void
claim_activate_cb (LedeFactPanel *self, guint position)
{
  g_autoptr (LedeFactItem) item = g_list_model_get_item (G_LIST_MODEL (self->claim_model), position);

  if (item == NULL)
    return;
  lede_fact_panel_select_fact (self, TRUE, lede_fact_item_get_index (item));
  g_signal_emit (self, signals[CLAIM_ACTIVATED], 0, lede_fact_item_get_index (item));
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
  for (guint k = 0; k < N_KINDS; k++)
    {
      g_clear_object (&self->actor_stores[k]);
      g_clear_object (&self->actor_models[k]);
      g_clear_object (&self->actor_selections[k]);
    }
  g_clear_object (&self->figure_store);
  g_clear_object (&self->figure_model);
  g_clear_object (&self->figure_selection);
  g_clear_object (&self->claim_store);
  g_clear_object (&self->claim_model);
  g_clear_object (&self->claim_selection);
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
  gtk_widget_class_bind_template_child (widget_class, LedeFactPanel, actors_header);
  gtk_widget_class_bind_template_child (widget_class, LedeFactPanel, actors_box);
  gtk_widget_class_bind_template_child (widget_class, LedeFactPanel, figures_header);
  gtk_widget_class_bind_template_child (widget_class, LedeFactPanel, figures_view);
  gtk_widget_class_bind_template_child (widget_class, LedeFactPanel, claims_header);
  gtk_widget_class_bind_template_child (widget_class, LedeFactPanel, claims_view);
  gtk_widget_class_bind_template_child (widget_class, LedeFactPanel, empty_label);
  gtk_widget_class_bind_template_child (widget_class, LedeFactPanel, card);
  gtk_widget_class_bind_template_callback (widget_class, figure_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, claim_activate_cb);
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
  self->selected_actor = -1;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);

  for (guint k = 0; k < N_KINDS; k++)
    {
      g_autoptr (GtkListItemFactory) factory = row_factory_new ();
      self->actor_stores[k] = g_list_store_new (LEDE_TYPE_FACT_ITEM);
      self->actor_selections[k] = make_model (self, self->actor_stores[k], &self->actor_models[k]);
      self->actor_headers[k] = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_xalign (self->actor_headers[k], 0);
      gtk_widget_add_css_class (GTK_WIDGET (self->actor_headers[k]), "fact-kind-header");
      gtk_widget_add_css_class (GTK_WIDGET (self->actor_headers[k]), "caption-heading");
      self->actor_views[k]
        = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->actor_selections[k])),
                                            g_object_ref (factory)));
      gtk_list_view_set_single_click_activate (self->actor_views[k], TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->actor_views[k]), "fact-list");
      gtk_accessible_update_relation (GTK_ACCESSIBLE (self->actor_views[k]),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->actor_headers[k], NULL, -1);
      g_signal_connect (self->actor_views[k], "activate", G_CALLBACK (actor_activate_cb), self);
      gtk_box_append (self->actors_box, GTK_WIDGET (self->actor_headers[k]));
      gtk_box_append (self->actors_box, GTK_WIDGET (self->actor_views[k]));
    }

  self->figure_store = g_list_store_new (LEDE_TYPE_FACT_ITEM);
  self->figure_selection = make_model (self, self->figure_store, &self->figure_model);
  self->claim_store = g_list_store_new (LEDE_TYPE_FACT_ITEM);
  self->claim_selection = make_model (self, self->claim_store, &self->claim_model);
  {
    g_autoptr (GtkListItemFactory) f1 = row_factory_new ();
    g_autoptr (GtkListItemFactory) f2 = row_factory_new ();
    gtk_list_view_set_factory (self->figures_view, f1);
    gtk_list_view_set_model (self->figures_view, GTK_SELECTION_MODEL (self->figure_selection));
    gtk_list_view_set_factory (self->claims_view, f2);
    gtk_list_view_set_model (self->claims_view, GTK_SELECTION_MODEL (self->claim_selection));
  }
  update_headers (self);
}
