/* lede-welcome-page.c: what a first run shows: the sample article, adding a feed, importing subscriptions. */
#include "config.h"

#include "lede-welcome-page.h"

struct _LedeWelcomePage
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (LedeWelcomePage, lede_welcome_page, GTK_TYPE_WIDGET)

GtkWidget *
lede_welcome_page_new (void)
{
  return g_object_new (LEDE_TYPE_WELCOME_PAGE, NULL);
}

static void
lede_welcome_page_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), LEDE_TYPE_WELCOME_PAGE);
  /* The template's top child has no id, so dispose_template() leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (lede_welcome_page_parent_class)->dispose (object);
}

static void
lede_welcome_page_class_init (LedeWelcomePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = lede_welcome_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ledereader/Lede/ui/lede-welcome-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lede_welcome_page_init (LedeWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
