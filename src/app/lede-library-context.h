/* lede-library-context.h: "In your library" on the actor card: other articles naming the actor, figures compared. */
#pragma once

#include <gtk/gtk.h>

#include "lede-core.h"

G_BEGIN_DECLS

#define LEDE_TYPE_LIBRARY_CONTEXT (lede_library_context_get_type ())
G_DECLARE_FINAL_TYPE (LedeLibraryContext, lede_library_context, LEDE, LIBRARY_CONTEXT, GtkWidget)

GtkWidget *lede_library_context_new (void);
void lede_library_context_set_actor (LedeLibraryContext *self, LedeAnalysis *analysis, int actor);
/* How many other articles and compared figures are listed (tests). */
guint lede_library_context_get_n_articles (LedeLibraryContext *self);
guint lede_library_context_get_n_figures (LedeLibraryContext *self);
gboolean lede_library_context_get_busy (LedeLibraryContext *self);
GtkListBox *lede_library_context_get_article_list (LedeLibraryContext *self);

G_END_DECLS
