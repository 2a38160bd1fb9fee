/* lede-renderer.h: which of GTK's renderers draws Lede's windows. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean lede_renderer_gl_is_software (GdkDisplay *display, char **gl_renderer);
void lede_renderer_choose (GdkDisplay *display);

G_END_DECLS
