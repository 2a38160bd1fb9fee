/* lede-item-object.h: one row of the article list: a stored item whose read and starred state can change. */
#pragma once

#include <glib-object.h>

#include "lede-store.h"

G_BEGIN_DECLS

#define LEDE_TYPE_ITEM_OBJECT (lede_item_object_get_type ())
G_DECLARE_FINAL_TYPE (LedeItemObject, lede_item_object, LEDE, ITEM_OBJECT, GObject)

LedeItemObject *lede_item_object_new (gint64 id, LedeStoreItem *item);
/* NULL until the row's record has been read from the store. */
const LedeStoreItem *lede_item_object_get_item (LedeItemObject *self);
void lede_item_object_set_item (LedeItemObject *self, LedeStoreItem *item);
gint64 lede_item_object_get_id (LedeItemObject *self);
gboolean lede_item_object_get_read (LedeItemObject *self);
void lede_item_object_set_read (LedeItemObject *self, gboolean read);
gboolean lede_item_object_get_starred (LedeItemObject *self);
void lede_item_object_set_starred (LedeItemObject *self, gboolean starred);

G_END_DECLS
