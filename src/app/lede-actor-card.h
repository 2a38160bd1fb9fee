/* lede-actor-card.h: everything the article says about one actor. */
#pragma once

#include <gtk/gtk.h>

#include "lede-core.h"

G_BEGIN_DECLS

#define LEDE_TYPE_ACTOR_CARD (lede_actor_card_get_type ())
G_DECLARE_FINAL_TYPE (LedeActorCard, lede_actor_card, LEDE, ACTOR_CARD, GtkWidget)

GtkWidget *lede_actor_card_new (void);
void lede_actor_card_set_actor (LedeActorCard *self, LedeAnalysis *analysis, int actor);
int lede_actor_card_get_actor (LedeActorCard *self);
void lede_actor_card_set_position (LedeActorCard *self, int current, guint total);
/* Issue 4: the card's "In your library" part. */
GtkWidget *lede_actor_card_get_library_context (LedeActorCard *self);

G_END_DECLS
