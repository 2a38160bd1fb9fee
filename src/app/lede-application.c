/* lede-application.c: the single-instance application, its actions and the WebKit state all windows share. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lede-application.h"
#include "lede-preferences-window.h"
#include "lede-renderer.h"
#include "lede-resources.h"
#include "lede-window.h"

struct _LedeApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  WebKitWebContext *web_context;
  WebKitNetworkSession *network_session;
};

G_DEFINE_FINAL_TYPE (LedeApplication, lede_application, ADW_TYPE_APPLICATION)

LedeApplication *
lede_application_new (void)
{
  return g_object_new (LEDE_TYPE_APPLICATION, "application-id", APP_ID, "flags",
                       G_APPLICATION_HANDLES_OPEN | G_APPLICATION_HANDLES_COMMAND_LINE, "resource-base-path",
                       "/io/github/ledereader/Lede", NULL);
}

static LedeWindow *
get_window (LedeApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (lede_window_new (self));
  return LEDE_WINDOW (window);
}

/* User and system CPU time of this process (all its threads) so far. */
static long
cpu_ms (void)
{
  g_autofree char *stat = NULL;
  const char *p;
  unsigned long utime = 0, stime = 0;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) || (p = strrchr (stat, ')')) == NULL)
    return -1;
  /* After the command name: state, then fields 4..13, then utime and stime. */
  if (sscanf (p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &utime, &stime) != 2)
    return -1;
  return (long) ((utime + stime) * 1000 / sysconf (_SC_CLK_TCK));
}

/* With LEDE_BENCH=trace, says on stderr when a step of starting up is
 * reached, in milliseconds since the process started. */
void
lede_application_bench_trace (const char *what)
{
  static const char *mode;
  static gint64 start;
  g_autofree char *stat = NULL;

  if (mode == NULL)
    mode = g_getenv ("LEDE_BENCH") ? g_getenv ("LEDE_BENCH") : "";
  if (!g_str_equal (mode, "trace"))
    return;
  if (start == 0)
    {
      const char *p;
      unsigned long long ticks = 0;
      double uptime = 0;
      g_autofree char *up = NULL;

      /* The process's start time, in clock ticks since boot. */
      if (g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) && (p = strrchr (stat, ')')) != NULL)
        sscanf (p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d %*d %*d %llu",
                &ticks);
      if (g_file_get_contents ("/proc/uptime", &up, NULL, NULL))
        uptime = g_ascii_strtod (up, NULL);
      start = g_get_monotonic_time () - (gint64) ((uptime - (double) ticks / sysconf (_SC_CLK_TCK)) * 1e6);
    }
  fprintf (stderr, "LEDE_TRACE %7.1f ms  %s\n", (g_get_monotonic_time () - start) / 1000.0, what);
}

/* The line tests/bench/bench-window.sh reads, from Lede and from the bare
 * WebKitWebView it is compared with: the time, the peak memory, the CPU time. */
void
lede_application_bench_print_painted (void)
{
  g_autofree char *status = NULL;
  const char *hwm;

  g_file_get_contents ("/proc/self/status", &status, NULL, NULL);
  hwm = status ? strstr (status, "VmHWM:") : NULL;
  fprintf (stderr, "LEDE_BENCH painted %" G_GINT64_FORMAT " VmHWM %ld cpu_ms %ld\n", g_get_real_time (),
           hwm ? strtol (hwm + strlen ("VmHWM:"), NULL, 10) : -1L, cpu_ms ());
  fflush (stderr);
}

/* With LEDE_BENCH set, says on stderr when both the article and the panel
 * have been painted, and how much memory the process took at most. */
void
lede_application_bench_mark (const char *what)
{
  static gboolean page, panel, done;

  if (done || g_getenv ("LEDE_BENCH") == NULL)
    return;
  if (g_str_equal (what, "page"))
    page = TRUE;
  else if (g_str_equal (what, "panel"))
    panel = TRUE;
  lede_application_bench_trace (what);
  if (!page || !panel)
    return;
  done = TRUE;
  lede_application_bench_print_painted ();
}

static void
trace_paint_cb (GdkFrameClock *clock, gpointer user_data)
{
  static int n;
  char what[32];

  g_snprintf (what, sizeof what, "window painted (%d)", ++n);
  lede_application_bench_trace (what);
  if (n >= 6)
    g_signal_handlers_disconnect_by_func (clock, trace_paint_cb, user_data);
}

static void
lede_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (get_window (LEDE_APPLICATION (app))));
}

static void
lede_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  LedeWindow *window;

  lede_application_bench_trace ("open");
  window = get_window (LEDE_APPLICATION (app));
  lede_application_bench_trace ("window made");

  /* The window shows the first article; the others go to its library. */
  for (int i = n_files - 1; i > 0; i--)
    lede_window_add_to_library (window, files[i]);
  if (n_files > 0)
    lede_window_open_file (window, files[0]);
  gtk_window_present (GTK_WINDOW (window));
  lede_application_bench_trace ("presented");
  if (g_strcmp0 (g_getenv ("LEDE_BENCH"), "trace") == 0)
    g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                      G_CALLBACK (trace_paint_cb), NULL);
}

static int
lede_application_command_line (GApplication *app, GApplicationCommandLine *cmdline)
{
  GVariantDict *options = g_application_command_line_get_options_dict (cmdline);
  g_autofree const char **args = NULL;
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &args))
    for (guint i = 0; args[i] != NULL; i++)
      g_ptr_array_add (files, g_application_command_line_create_file_for_arg (cmdline, args[i]));
  if (g_variant_dict_contains (options, "sample"))
    g_ptr_array_insert (files, 0, g_file_new_for_uri (LEDE_SAMPLE_URI));

  if (files->len > 0)
    lede_application_open (app, (GFile **) files->pdata, files->len, "");
  else
    g_application_activate (app);
  return 0;
}

static void
about_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  LedeApplication *self = user_data;
  const char *developers[] = { "The Lede contributors", NULL };
  AdwAboutWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW, "transient-for",
                        gtk_application_get_active_window (GTK_APPLICATION (self)), "application-name",
                        _ ("Lede"), "application-icon", APP_ID, "version", PACKAGE_VERSION, "developers",
                        developers, "comments",
                        _ ("A news reader that shows who is speaking, which numbers an article gives and "
                           "which claims are disputed."),
                        "website", "https://github.com/ledereader/lede", "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _ ("translator-credits"), NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  LedeApplication *self = user_data;
  LedePreferencesWindow *prefs = lede_preferences_window_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (prefs),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
quit_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkApplication *app = user_data;
  GList *windows = gtk_application_get_windows (app);

  /* Closing the windows lets them save their state. */
  for (GList *l = windows; l != NULL;)
    {
      GList *next = l->next;
      gtk_window_close (l->data);
      l = next;
    }
  g_application_quit (G_APPLICATION (app));
}

static void
font_size_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  LedeApplication *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));
  guint size = g_settings_get_uint (self->settings, "font-size");

  if (g_str_equal (name, "font-larger"))
    size = MIN (size + 2, 40);
  else if (g_str_equal (name, "font-smaller"))
    size = MAX (size - 2, 10);
  else
    {
      g_settings_reset (self->settings, "font-size");
      return;
    }
  g_settings_set_uint (self->settings, "font-size", size);
}

static const GActionEntry app_actions[] = {
  { "about", about_action_cb },
  { "preferences", preferences_action_cb },
  { "quit", quit_action_cb },
  { "font-larger", font_size_action_cb },
  { "font-smaller", font_size_action_cb },
  { "font-reset", font_size_action_cb },
};

static void
warm_up_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  g_autoptr (LedeAnalysis) analysis = NULL;

  /* The first analysis reads the core's word lists; doing it now overlaps
   * that with building the window. */
  analysis = lede_analysis_new_for_text ("Warm up.", -1, NULL, LEDE_ANALYSIS_FLAGS_NONE, 0, NULL);

  g_task_return_boolean (task, TRUE);
}

static void
lede_application_startup (GApplication *app)
{
  LedeApplication *self = LEDE_APPLICATION (app);
  GtkApplication *gtk_app = GTK_APPLICATION (app);

  /* Referencing the resource keeps it linked in from the static library;
   * its constructor has registered it already. */
  lede_application_bench_trace ("startup");
  (void) lede_get_resource ();
  {
    g_autoptr (GTask) task = g_task_new (app, NULL, NULL, NULL);
    g_task_run_in_thread (task, warm_up_thread);
  }
  G_APPLICATION_CLASS (lede_application_parent_class)->startup (app);
  lede_application_bench_trace ("adw startup done");
  lede_renderer_choose (gdk_display_get_default ());
  lede_application_bench_trace ("renderer chosen");

  self->settings = g_settings_new (APP_ID);

  /* One web process context and one ephemeral network session for every
   * article view: articles are generated locally and never fetch anything,
   * so nothing needs to persist. */
  self->web_context = webkit_web_context_new ();
  webkit_web_context_set_cache_model (self->web_context, WEBKIT_CACHE_MODEL_DOCUMENT_VIEWER);
  self->network_session = webkit_network_session_new_ephemeral ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);

  gtk_application_set_accels_for_action (gtk_app, "app.quit", (const char *[]){ "<Ctrl>q", NULL });
  gtk_application_set_accels_for_action (gtk_app, "app.preferences", (const char *[]){ "<Ctrl>comma", NULL });
  gtk_application_set_accels_for_action (gtk_app, "app.font-larger",
                                         (const char *[]){ "<Ctrl>plus", "<Ctrl>equal", "<Ctrl>KP_Add",
                                                           NULL });
  gtk_application_set_accels_for_action (gtk_app, "app.font-smaller",
                                         (const char *[]){ "<Ctrl>minus", "<Ctrl>KP_Subtract", NULL });
  gtk_application_set_accels_for_action (gtk_app, "app.font-reset", (const char *[]){ "<Ctrl>0", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.open", (const char *[]){ "<Ctrl>o", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.analyze-clipboard",
                                         (const char *[]){ "<Ctrl><Shift>v", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.toggle-panel", (const char *[]){ "F9", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.toggle-sidebar", (const char *[]){ "<Ctrl>F9", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.filter", (const char *[]){ "<Ctrl>f", NULL });
  gtk_application_set_accels_for_action (gtk_app, "window.close", (const char *[]){ "<Ctrl>w", NULL });
  /* The news library (issue 4). */
  gtk_application_set_accels_for_action (gtk_app, "library.refresh-all", (const char *[]){ "F5", NULL });
  gtk_application_set_accels_for_action (gtk_app, "library.open-url", (const char *[]){ "<Ctrl>l", NULL });
  lede_application_bench_trace ("startup done");
}

static void
lede_application_shutdown (GApplication *app)
{
  LedeApplication *self = LEDE_APPLICATION (app);

  G_APPLICATION_CLASS (lede_application_parent_class)->shutdown (app);
  g_clear_object (&self->network_session);
  g_clear_object (&self->web_context);
  g_clear_object (&self->settings);
}

static void
lede_application_dispose (GObject *object)
{
  LedeApplication *self = LEDE_APPLICATION (object);

  g_clear_object (&self->network_session);
  g_clear_object (&self->web_context);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lede_application_parent_class)->dispose (object);
}

static void
lede_application_class_init (LedeApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = lede_application_dispose;
  app_class->startup = lede_application_startup;
  app_class->shutdown = lede_application_shutdown;
  app_class->activate = lede_application_activate;
  app_class->open = lede_application_open;
  app_class->command_line = lede_application_command_line;
}

static void
lede_application_init (LedeApplication *self)
{
  const GOptionEntry entries[] = {
    { "sample", 's', 0, G_OPTION_ARG_NONE, NULL, N_ ("Open the bundled sample article"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_ ("[FILE…]") },
    { NULL },
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self), _ ("Read articles with a panel of their "
                                                                     "actors, figures and claims."));
}

WebKitWebContext *
lede_application_get_web_context (LedeApplication *self)
{
  g_return_val_if_fail (LEDE_IS_APPLICATION (self), NULL);
  return self->web_context;
}

WebKitNetworkSession *
lede_application_get_network_session (LedeApplication *self)
{
  g_return_val_if_fail (LEDE_IS_APPLICATION (self), NULL);
  return self->network_session;
}

GSettings *
lede_application_get_settings (LedeApplication *self)
{
  g_return_val_if_fail (LEDE_IS_APPLICATION (self), NULL);
  return self->settings;
}
