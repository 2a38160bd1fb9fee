/* lede-column.c: a vertical stack of widgets whose width always comes from its parent.
 *
 * A GtkBox asks each wrapping label for its minimum width, and GTK 4.8
 * answers that by laying the text out one word (or one character) per
 * line, shaping it again for every line. The fact panel has dozens of rows
 * of wrapping labels, so that question cost more than everything else in
 * painting the window. The panel's width is set by the window, never by its
 * rows, so the column never asks: it says it needs no width, and measures
 * its children only for their height at the width it is given. */
#include "config.h"

#include "lede-column.h"

struct _LedeColumn
{
  GtkWidget parent_instance;

  int spacing;
};

G_DEFINE_FINAL_TYPE (LedeColumn, lede_column, GTK_TYPE_WIDGET)

static GtkSizeRequestMode
lede_column_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
lede_column_measure (GtkWidget *widget,
                     GtkOrientation orientation,
                     int for_size,
                     int *minimum,
                     int *natural,
                     int *minimum_baseline,
                     int *natural_baseline)
{
  LedeColumn *self = LEDE_COLUMN (widget);
  int n = 0;

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, for_size, &child_min, &child_nat, NULL, NULL);
      *minimum += child_min;
      *natural += child_nat;
      n++;
    }
  if (n > 1)
    {
      *minimum += (n - 1) * self->spacing;
      *natural += (n - 1) * self->spacing;
    }
}

static void
lede_column_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  LedeColumn *self = LEDE_COLUMN (widget);
  int y = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &child_min, &child_nat, NULL, NULL);
      gtk_widget_size_allocate (child, &(GtkAllocation){ 0, y, width, child_min }, -1);
      y += child_min + self->spacing;
    }
}

static void
lede_column_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (lede_column_parent_class)->dispose (object);
}

static void
lede_column_class_init (LedeColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lede_column_dispose;
  widget_class->get_request_mode = lede_column_get_request_mode;
  widget_class->measure = lede_column_measure;
  widget_class->size_allocate = lede_column_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "box");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lede_column_init (LedeColumn *self)
{
}

GtkWidget *
lede_column_new (int spacing)
{
  LedeColumn *self = g_object_new (LEDE_TYPE_COLUMN, NULL);

  self->spacing = MAX (spacing, 0);
  return GTK_WIDGET (self);
}

void
lede_column_append (LedeColumn *self, GtkWidget *child)
{
  g_return_if_fail (LEDE_IS_COLUMN (self));
  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (gtk_widget_get_parent (child) == NULL);

  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}
