/* lede-column.h: a vertical stack of widgets whose width always comes from its parent. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LEDE_TYPE_COLUMN (lede_column_get_type ())
G_DECLARE_FINAL_TYPE (LedeColumn, lede_column, LEDE, COLUMN, GtkWidget)

GtkWidget *lede_column_new (int spacing);
void lede_column_append (LedeColumn *self, GtkWidget *child);

G_END_DECLS
