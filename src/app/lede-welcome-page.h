/* lede-welcome-page.h: what a first run shows: the sample article, adding a feed, importing subscriptions. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LEDE_TYPE_WELCOME_PAGE (lede_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (LedeWelcomePage, lede_welcome_page, LEDE, WELCOME_PAGE, GtkWidget)

GtkWidget *lede_welcome_page_new (void);

G_END_DECLS
