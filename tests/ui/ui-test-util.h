/* ui-test-util.h: what the window tests share: waiting on the main loop, finding widgets, screenshots. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*UiTestCondition) (gpointer data);

/* Runs the main loop until @cond holds or @seconds pass; returns @cond. */
gboolean ui_test_run_until (UiTestCondition cond, gpointer data, guint seconds);
/* Runs the main loop for @ms milliseconds. */
void ui_test_spin (guint ms);
/* The first widget of @type in @root's tree, @root included, or NULL. */
GtkWidget *ui_test_find_widget (GtkWidget *root, GType type);
/* Saves @widget as G_TEST_BUILDDIR/screenshots/NAME.png, once it has drawn a frame. */
void ui_test_save_screenshot (GtkWidget *widget, const char *name);

G_END_DECLS
