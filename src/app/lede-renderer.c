/* lede-renderer.c: which of GTK's renderers draws Lede's windows.
 *
 * GTK 4.8 draws with OpenGL whenever a driver gives it a context, even when
 * that driver is Mesa's software rasterizer (llvmpipe, softpipe), as on a
 * machine without a GPU: a virtual machine, a remote desktop, a container.
 * Every frame of the window is then drawn on the CPU through a shader
 * compiler, slower than GTK's cairo renderer and some 70 MB bigger (both
 * measured with tests/bench/bench-window.sh). There Lede's windows draw with
 * cairo; with a GPU they keep OpenGL. GSK_RENDERER, when set, decides. */
#include "config.h"

#include <epoxy/gl.h>
#include <string.h>

#include "lede-renderer.h"

/* Whether OpenGL on this display is drawn by the CPU. With no OpenGL at all
 * GTK already uses cairo, so that is not "software" here. */
gboolean
lede_renderer_gl_is_software (GdkDisplay *display, char **gl_renderer)
{
  g_autoptr (GdkGLContext) context = NULL;
  const char *name;
  gboolean software;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), FALSE);

  if (gl_renderer != NULL)
    *gl_renderer = NULL;
  context = gdk_display_create_gl_context (display, NULL);
  if (context == NULL || !gdk_gl_context_realize (context, NULL))
    return FALSE;
  gdk_gl_context_make_current (context);
  name = (const char *) glGetString (GL_RENDERER);
  software = name != NULL
             && (strstr (name, "llvmpipe") != NULL || strstr (name, "softpipe") != NULL
                 || strstr (name, "Software Rasterizer") != NULL || strstr (name, "SWR") != NULL);
  if (gl_renderer != NULL)
    *gl_renderer = g_strdup (name);
  gdk_gl_context_clear_current ();
  return software;
}

/* Must run before the display's first window is shown. */
void
lede_renderer_choose (GdkDisplay *display)
{
  g_autofree char *name = NULL;

  g_return_if_fail (GDK_IS_DISPLAY (display));

  if (g_getenv ("GSK_RENDERER") != NULL || !lede_renderer_gl_is_software (display, &name))
    return;
  g_debug ("OpenGL is drawn in software (%s); drawing with cairo", name);
  /* GTK looks at this before GSK_RENDERER and its own choice; its inspector
   * sets it the same way for the display it runs on. */
  g_object_set_data_full (G_OBJECT (display), "gsk-renderer", g_strdup ("cairo"), g_free);
}
