/* lede-fact-panel.h: the fact panel: an article's actors, figures and claims. */
#pragma once

#include <gtk/gtk.h>

#include "lede-core.h"
#include "lede-fact-item.h"

G_BEGIN_DECLS

#define LEDE_TYPE_FACT_PANEL (lede_fact_panel_get_type ())
G_DECLARE_FINAL_TYPE (LedeFactPanel, lede_fact_panel, LEDE, FACT_PANEL, GtkWidget)

GtkWidget *lede_fact_panel_new (void);
void lede_fact_panel_set_analysis (LedeFactPanel *self, LedeAnalysis *analysis);
void lede_fact_panel_select_actor (LedeFactPanel *self, int actor);
int lede_fact_panel_get_selected_actor (LedeFactPanel *self);
void lede_fact_panel_select_fact (LedeFactPanel *self, gboolean claim, guint index);
gboolean lede_fact_panel_activate_row (LedeFactPanel *self, LedeFactKind kind, guint index);
void lede_fact_panel_clear_selection (LedeFactPanel *self);
void lede_fact_panel_set_mention_position (LedeFactPanel *self, int current, guint total);
void lede_fact_panel_focus_filter (LedeFactPanel *self);
void lede_fact_panel_set_filter_text (LedeFactPanel *self, const char *text);

/* For tests and for the window's accessibility: the models behind the lists. */
GListModel *lede_fact_panel_get_actors (LedeFactPanel *self, LedeActorKind kind);
GListModel *lede_fact_panel_get_figures (LedeFactPanel *self);
GListModel *lede_fact_panel_get_claims (LedeFactPanel *self);
GtkGridView *lede_fact_panel_get_list_view (LedeFactPanel *self);
const char *lede_fact_panel_get_header (LedeFactPanel *self, LedeFactKind kind);

G_END_DECLS
