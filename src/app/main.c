/* main.c: starts Lede. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "lede-application.h"

int
main (int argc, char *argv[])
{
  g_autoptr (LedeApplication) app = NULL;

  lede_application_bench_trace ("main");
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Without its schema GSettings would abort with a message meant for
   * developers; say what is wrong and how to run from a build tree. */
  {
    GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
    g_autoptr (GSettingsSchema) schema
      = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
    if (schema == NULL)
      {
        g_printerr (_ ("lede: the settings schema %s is not installed.\n"
                       "Install Lede (meson install), or run it from a build tree with "
                       "GSETTINGS_SCHEMA_DIR=BUILDDIR/data.\n"),
                    APP_ID);
        return 1;
      }
  }

  app = lede_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
