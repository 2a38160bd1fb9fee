/* lede-window.h: the reader window: library, article and fact panel. */
#pragma once

#include <adwaita.h>

#include "lede-application.h"
#include "lede-article-view.h"
#include "lede-fact-panel.h"
#include "lede-library-sidebar.h"

G_BEGIN_DECLS

#define LEDE_TYPE_WINDOW (lede_window_get_type ())
G_DECLARE_FINAL_TYPE (LedeWindow, lede_window, LEDE, WINDOW, AdwApplicationWindow)

LedeWindow *lede_window_new (LedeApplication *app);
void lede_window_open_file (LedeWindow *self, GFile *file);
void lede_window_add_to_library (LedeWindow *self, GFile *file);
void lede_window_open_text (LedeWindow *self, const char *text, const char *title);
void lede_window_show_analysis (LedeWindow *self, LedeAnalysis *analysis, const char *fallback_title);
LedeAnalysis *lede_window_get_analysis (LedeWindow *self);
LedeArticleView *lede_window_get_article_view (LedeWindow *self);
LedeFactPanel *lede_window_get_fact_panel (LedeWindow *self);
gboolean lede_window_get_busy (LedeWindow *self);
const char *lede_window_get_page (LedeWindow *self);
/* The news library (issue 4). */
void lede_window_open_item (LedeWindow *self, gint64 item_id);
void lede_window_open_url (LedeWindow *self, const char *url);
LedeLibrarySidebar *lede_window_get_sidebar (LedeWindow *self);

G_END_DECLS
