/* lede-article-view.h: the article page in a WebKit view, and the app's script inside it. */
#pragma once

#include <gtk/gtk.h>
#include <webkit/webkit.h>

#include "lede-page-builder.h"

G_BEGIN_DECLS

/* The script world the app's page script and message handler live in. */
#define LEDE_SCRIPT_WORLD "lede"

#define LEDE_TYPE_ARTICLE_VIEW (lede_article_view_get_type ())
G_DECLARE_FINAL_TYPE (LedeArticleView, lede_article_view, LEDE, ARTICLE_VIEW, GtkWidget)

GtkWidget *lede_article_view_new (WebKitWebContext *context, WebKitNetworkSession *session);
void lede_article_view_show (LedeArticleView *self, LedeAnalysis *analysis, const LedePageOptions *options);
LedeAnalysis *lede_article_view_get_analysis (LedeArticleView *self);
gboolean lede_article_view_get_ready (LedeArticleView *self);
void lede_article_view_highlight_actor (LedeArticleView *self, guint actor, guint first_mention);
void lede_article_view_show_mention (LedeArticleView *self, guint actor, guint mention);
void lede_article_view_step (LedeArticleView *self, int delta);
void lede_article_view_mark_figure (LedeArticleView *self, guint figure);
void lede_article_view_mark_claim (LedeArticleView *self, guint claim);
void lede_article_view_clear (LedeArticleView *self);
void lede_article_view_set_font (LedeArticleView *self, LedePageFont font, guint size);
WebKitWebView *lede_article_view_get_web_view (LedeArticleView *self);

G_END_DECLS
