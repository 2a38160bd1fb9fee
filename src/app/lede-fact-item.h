/* lede-fact-item.h: one actor, figure or claim of an analysis, as a list model item. */
#pragma once

#include <glib-object.h>

#include "lede-core.h"

G_BEGIN_DECLS

typedef enum
{
  LEDE_FACT_ACTOR,
  LEDE_FACT_FIGURE,
  LEDE_FACT_CLAIM,
  LEDE_FACT_HEADER, /* a section title in the panel's one list */
} LedeFactKind;

#define LEDE_TYPE_FACT_ITEM (lede_fact_item_get_type ())
G_DECLARE_FINAL_TYPE (LedeFactItem, lede_fact_item, LEDE, FACT_ITEM, GObject)

LedeFactItem *lede_fact_item_new (LedeAnalysis *analysis, LedeFactKind kind, guint index);
LedeFactItem *lede_fact_item_new_header (const char *title, guint level);
void lede_fact_item_set_title (LedeFactItem *self, const char *title);
guint lede_fact_item_get_level (LedeFactItem *self);
LedeFactKind lede_fact_item_get_kind (LedeFactItem *self);
guint lede_fact_item_get_index (LedeFactItem *self);
const char *lede_fact_item_get_id (LedeFactItem *self);
const char *lede_fact_item_get_title (LedeFactItem *self);
const char *lede_fact_item_get_subtitle (LedeFactItem *self);
const char *lede_fact_item_get_detail (LedeFactItem *self);
const char *lede_fact_item_get_badge (LedeFactItem *self);
const char *lede_fact_item_get_accessible_label (LedeFactItem *self);
gboolean lede_fact_item_get_disputed (LedeFactItem *self);
gboolean lede_fact_item_matches (LedeFactItem *self, const char *folded_query);

const char *lede_fact_actor_kind_label (LedeActorKind kind);
char *lede_fact_actor_name (LedeAnalysis *analysis, int index);
char *lede_fact_claim_source (LedeAnalysis *analysis, const LedeClaim *claim);
char *lede_fact_dispute_text (LedeAnalysis *analysis, const LedeClaim *claim);

G_END_DECLS
