/* lede-library-sidebar.h: the library in the sidebar: sources (unread, starred, folders, feeds), search and the article list. */
#pragma once

#include <adwaita.h>

#include "lede-item-list-model.h"
#include "lede-library.h"

G_BEGIN_DECLS

#define LEDE_TYPE_LIBRARY_SIDEBAR (lede_library_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (LedeLibrarySidebar, lede_library_sidebar, LEDE, LIBRARY_SIDEBAR, GtkWidget)

GtkWidget *lede_library_sidebar_new (LedeLibrary *library);
LedeLibrary *lede_library_sidebar_get_library (LedeLibrarySidebar *self);
/* The "library" actions (add-feed, refresh-all, open-url, ...), for the window to insert. */
GActionGroup *lede_library_sidebar_get_actions (LedeLibrarySidebar *self);
LedeItemListModel *lede_library_sidebar_get_items (LedeLibrarySidebar *self);
GtkGridView *lede_library_sidebar_get_item_view (LedeLibrarySidebar *self);
/* The feeds as last read from the store (LedeStoreFeed *), for tests and menus. */
GPtrArray *lede_library_sidebar_get_feeds (LedeLibrarySidebar *self);
gboolean lede_library_sidebar_get_busy (LedeLibrarySidebar *self);
void lede_library_sidebar_add_feed (LedeLibrarySidebar *self, const char *url);
void lede_library_sidebar_import_opml (LedeLibrarySidebar *self, GFile *file);
void lede_library_sidebar_export_opml (LedeLibrarySidebar *self, GFile *file);
void lede_library_sidebar_refresh_all (LedeLibrarySidebar *self);
gboolean lede_library_sidebar_refresh_due (LedeLibrarySidebar *self, gint64 now);
void lede_library_sidebar_set_refresh_interval (LedeLibrarySidebar *self, guint minutes);
void lede_library_sidebar_select_feed (LedeLibrarySidebar *self, gint64 feed_id);
void lede_library_sidebar_item_opened (LedeLibrarySidebar *self, gint64 item_id);

G_END_DECLS
