/* lede-item-list-model.h: the article list as a GListModel: every id known, records read a page at a time. */
#pragma once

#include <gio/gio.h>

#include "lede-item-object.h"
#include "lede-store.h"

G_BEGIN_DECLS

#define LEDE_TYPE_ITEM_LIST_MODEL (lede_item_list_model_get_type ())
G_DECLARE_FINAL_TYPE (LedeItemListModel, lede_item_list_model, LEDE, ITEM_LIST_MODEL, GObject)

LedeItemListModel *lede_item_list_model_new (LedeStore *store);
/* Replaces the rows with these item ids (newest first); @ids is copied. */
void lede_item_list_model_set_ids (LedeItemListModel *self, const gint64 *ids, guint n_ids);
/* The row of @item_id, or G_MAXUINT. */
guint lede_item_list_model_find (LedeItemListModel *self, gint64 item_id);
/* The row object of @item_id when it has been made already (no store access), else NULL. */
LedeItemObject *lede_item_list_model_peek (LedeItemListModel *self, gint64 item_id);
/* How many row objects the model keeps now (bounded, whatever the number of rows). */
guint lede_item_list_model_get_n_cached (LedeItemListModel *self);
/* Reads the loaded rows' records again (read state, titles), off the main thread. */
void lede_item_list_model_reload (LedeItemListModel *self);

G_END_DECLS
