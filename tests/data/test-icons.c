/* test-icons.c: Lede's icons load, fill their square and read at small sizes. */
#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <string.h>

typedef struct
{
  double covered; /* share of pixels that are not transparent */
  double dark;    /* share of covered pixels that are dark */
  double light;   /* share of covered pixels that are light */
} Coverage;

static Coverage
measure (const char *path, int size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkPixbuf) pixbuf = gdk_pixbuf_new_from_file_at_size (path, size, size, &error);
  Coverage c = { 0 };
  guint covered = 0, dark = 0, light = 0;
  const guint8 *pixels;
  int stride, channels;

  g_assert_no_error (error);
  g_assert_nonnull (pixbuf);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, size);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, size);
  g_assert_true (gdk_pixbuf_get_has_alpha (pixbuf));

  pixels = gdk_pixbuf_read_pixels (pixbuf);
  stride = gdk_pixbuf_get_rowstride (pixbuf);
  channels = gdk_pixbuf_get_n_channels (pixbuf);
  for (int y = 0; y < size; y++)
    for (int x = 0; x < size; x++)
      {
        const guint8 *p = pixels + y * stride + x * channels;
        double luminance = (0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2]) / 255.0;

        if (p[3] < 128)
          continue;
        covered++;
        if (luminance < 0.45)
          dark++;
        else if (luminance > 0.8)
          light++;
      }
  c.covered = (double) covered / (size * size);
  c.dark = covered ? (double) dark / covered : 0;
  c.light = covered ? (double) light / covered : 0;
  g_test_message ("%s at %d px: %.0f%% covered, %.0f%% dark, %.0f%% light", path, size, 100 * c.covered,
                  100 * c.dark, 100 * c.light);
  return c;
}

static void
test_app_icon (void)
{
  static const int sizes[] = { 16, 24, 32, 48, 64, 128, 256 };

  for (gsize i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      Coverage c = measure (LEDE_APP_ICON, sizes[i]);

      /* Fills most of its square, as GNOME app icons do, yet leaves a
       * margin; a page (light) with lines and a lens (dark) on it, at
       * every size, so the motif survives 16 px. */
      g_assert_cmpfloat (c.covered, >, 0.5);
      g_assert_cmpfloat (c.covered, <, 0.95);
      g_assert_cmpfloat (c.light, >, 0.15);
      g_assert_cmpfloat (c.dark, >, 0.10);
    }
}

static void
test_symbolic_icon (void)
{
  static const int sizes[] = { 16, 32 };
  g_autofree char *svg = NULL;
  g_autoptr (GError) error = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      Coverage c = measure (LEDE_SYMBOLIC_ICON, sizes[i]);

      /* One dark colour on transparency: GTK recolours it to the text
       * colour, so nothing in it may be light. */
      g_assert_cmpfloat (c.covered, >, 0.2);
      g_assert_cmpfloat (c.covered, <, 0.8);
      g_assert_cmpfloat (c.light, ==, 0);
    }

  /* GTK recolours a symbolic icon by its fills; a stroke would keep its
   * own colour and vanish on a dark theme. */
  g_assert_true (g_file_get_contents (LEDE_SYMBOLIC_ICON, &svg, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (strstr (svg, "stroke"));
  g_assert_null (strstr (svg, "<image"));
  g_assert_null (strstr (svg, "<text"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lede/data/icons/app", test_app_icon);
  g_test_add_func ("/lede/data/icons/symbolic", test_symbolic_icon);

  return g_test_run ();
}
