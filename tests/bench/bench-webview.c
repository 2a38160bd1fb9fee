/* bench-webview.c: the baseline for bench-window.sh: a bare WebKitWebView showing Lede's page for an article.
 *
 *   bench-webview --print-page ARTICLE   prints the page Lede would build (no display needed)
 *   bench-webview PAGE.html               shows it; with LEDE_BENCH set, says on stderr when it is painted
 */
#include "config.h"

#include <stdio.h>
#include <webkit/webkit.h>

#include "lede-application.h"
#include "lede-page-builder.h"
#include "lede-resources.h"

static GtkWidget *window;
static gboolean quit;

static void
after_paint_cb (GdkFrameClock *clock, gpointer user_data)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, user_data);
  lede_application_bench_print_painted ();
}

static void
frames_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (JSCValue) value
    = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (source), result, NULL);

  /* The page has drawn twice; the next GTK frame shows it. */
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), NULL);
  gtk_widget_queue_draw (window);
}

static void
load_changed_cb (WebKitWebView *view, WebKitLoadEvent event, gpointer user_data)
{
  if (event != WEBKIT_LOAD_FINISHED)
    return;
  /* Lede's page script waits for the same two frames before it says it is
   * ready. (evaluate_javascript would not wait: it returns the promise.) */
  webkit_web_view_call_async_javascript_function (view,
                                                  "await new Promise(r => requestAnimationFrame(() => "
                                                  "requestAnimationFrame(() => r(1)))); return 1;",
                                                  -1, NULL, NULL, NULL, NULL, frames_done_cb, NULL);
}

static int
print_page (const char *path)
{
  g_autofree char *text = NULL;
  gsize len;
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeAnalysis) analysis = NULL;
  g_autoptr (GBytes) css = g_resources_lookup_data ("/io/github/ledereader/Lede/page/article.css",
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autofree char *stylesheet = g_strndup (g_bytes_get_data (css, NULL), g_bytes_get_size (css));
  LedePageOptions options = { stylesheet, LEDE_PAGE_FONT_SERIF, 18 };
  g_autofree char *html = NULL;

  if (!g_file_get_contents (path, &text, &len, &error)
      || !(analysis = lede_analysis_new_for_text (text, len, NULL, LEDE_ANALYSIS_FLAGS_DETECT_TITLE,
                                                  LEDE_ANALYSIS_DEFAULT_MAX_SIZE, &error)))
    {
      fprintf (stderr, "%s: %s\n", path, error->message);
      return 1;
    }
  html = lede_page_builder_build (analysis, &options);
  fputs (html, stdout);
  return 0;
}

static gboolean
close_request_cb (GtkWindow *win, gpointer user_data)
{
  quit = TRUE;
  return FALSE;
}

int
main (int argc, char *argv[])
{
  g_autofree char *html = NULL;
  GtkWidget *view;

  (void) lede_get_resource ();
  if (argc == 3 && g_str_equal (argv[1], "--print-page"))
    return print_page (argv[2]);
  if (argc != 2)
    {
      fprintf (stderr, "usage: %s --print-page ARTICLE | %s PAGE.html\n", argv[0], argv[0]);
      return 2;
    }
  if (!g_file_get_contents (argv[1], &html, NULL, NULL))
    return 1;

  gtk_init ();
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 820);
  view = webkit_web_view_new ();
  gtk_window_set_child (GTK_WINDOW (window), view);
  g_signal_connect (view, "load-changed", G_CALLBACK (load_changed_cb), NULL);
  g_signal_connect (window, "close-request", G_CALLBACK (close_request_cb), NULL);
  webkit_web_view_load_html (WEBKIT_WEB_VIEW (view), html, NULL);
  gtk_window_present (GTK_WINDOW (window));

  while (!quit)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}
