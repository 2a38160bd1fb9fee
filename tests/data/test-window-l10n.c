/* test-window-l10n.c: the real window speaks the session's language (run with LANGUAGE=de or es). */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "lede-application.h"
#include "lede-window.h"

/* What a person sees in the panel in each language; written out rather
 * than looked up, so a missing or broken catalogue cannot pass. */
typedef struct
{
  const char *language;
  const char *actors;
  const char *figures;
  const char *claims;
  const char *people;
  const char *filter;
} Expected;

static const Expected expectations[] = {
  { "de", "Akteure", "Zahlen", "Aussagen", "Personen", "Akteure, Zahlen und Aussagen filtern" },
  { "es", "Actores", "Cifras", "Afirmaciones", "Personas", "Filtrar actores, cifras y afirmaciones" },
};

static const Expected *expected;
static LedeApplication *app;
static LedeWindow *window;

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
page_is_ready (void)
{
  return !lede_window_get_busy (window)
         && lede_article_view_get_ready (lede_window_get_article_view (window));
}

/* Shows the ui suite's hand-made analysis, so what the panel lists does not
 * depend on how far the analysis core has come. */
static void
open_article (void)
{
  g_autofree char *json = NULL;
  gsize len;
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeAnalysis) analysis = NULL;
  gboolean timed_out = FALSE;
  guint id;

  if (lede_window_get_analysis (window) != NULL)
    return;
  g_assert_true (g_file_get_contents (LEDE_FIXTURE, &json, &len, &error));
  analysis = lede_analysis_new_from_json (json, len, &error);
  g_assert_no_error (error);
  lede_window_show_analysis (window, analysis, NULL);
  id = g_timeout_add_seconds (60, timeout_cb, &timed_out);
  while (!page_is_ready () && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_true (page_is_ready ());
  g_assert_cmpstr (lede_window_get_page (window), ==, "article");
  spin (300);
}

static void
collect_labels (GtkWidget *widget, GPtrArray *texts)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));
      if (text != NULL && *text != '\0')
        g_ptr_array_add (texts, (gpointer) text);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

static GtkWidget *
find_widget (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_panel_headers (void)
{
  LedeFactPanel *panel = lede_window_get_fact_panel (window);
  g_autofree char *actors = g_strconcat (expected->actors, " (", NULL);
  g_autofree char *figures = g_strconcat (expected->figures, " (", NULL);
  g_autofree char *claims = g_strconcat (expected->claims, " (", NULL);

  open_article ();
  g_test_message ("headers: %s | %s | %s", lede_fact_panel_get_header (panel, LEDE_FACT_ACTOR),
                  lede_fact_panel_get_header (panel, LEDE_FACT_FIGURE),
                  lede_fact_panel_get_header (panel, LEDE_FACT_CLAIM));
  g_assert_true (g_str_has_prefix (lede_fact_panel_get_header (panel, LEDE_FACT_ACTOR), actors));
  g_assert_true (g_str_has_prefix (lede_fact_panel_get_header (panel, LEDE_FACT_FIGURE), figures));
  g_assert_true (g_str_has_prefix (lede_fact_panel_get_header (panel, LEDE_FACT_CLAIM), claims));
}

static void
test_panel_labels (void)
{
  GtkWidget *panel = GTK_WIDGET (lede_window_get_fact_panel (window));
  g_autoptr (GPtrArray) texts = g_ptr_array_new ();
  g_autofree char *people = NULL;
  g_autofree char *placeholder = NULL;
  GtkWidget *filter;

  open_article ();
  collect_labels (panel, texts);
  g_assert_cmpuint (texts->len, >, 3);

  /* The sample names people, so their group is shown under its German or
   * Spanish title. */
  for (guint i = 0; i < texts->len && people == NULL; i++)
    if (g_str_has_prefix (g_ptr_array_index (texts, i), expected->people))
      people = g_strdup (g_ptr_array_index (texts, i));
  g_assert_nonnull (people);

  /* The filter entry's placeholder is text a person reads too. */
  filter = find_widget (panel, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (filter);
  g_object_get (filter, "placeholder-text", &placeholder, NULL);
  g_assert_cmpstr (placeholder, ==, expected->filter);
}

static void
test_no_english_left (void)
{
  g_autoptr (GPtrArray) texts = g_ptr_array_new ();

  open_article ();
  collect_labels (GTK_WIDGET (window), texts);
  /* A label that still shows an English source string which the catalogue
   * translates was never passed through gettext. */
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      const char *translation = g_dgettext (GETTEXT_PACKAGE, text);

      if (translation != text && !g_str_equal (translation, text))
        g_test_message ("“%s” is shown in English; the catalogue says “%s”", text, translation);
      g_assert_true (translation == text || g_str_equal (translation, text));
    }
  /* The window, its header bar and the panel: far more than a handful. */
  g_assert_cmpuint (texts->len, >, 10);
}

/* The mnemonic of a menu label, lower-cased, or 0 when it has none. */
static gunichar
mnemonic_of (const char *label)
{
  for (const char *p = label; *p; p = g_utf8_next_char (p))
    if (*p == '_')
      {
        p++;
        if (*p == '\0')
          return 0;
        if (*p != '_')
          return g_unichar_tolower (g_utf8_get_char (p));
      }
  return 0;
}

/* Adds the labels of @model and its sections to @labels; submenus are menus
 * of their own and are checked by @check. */
static void
collect_menu (GMenuModel *model, GPtrArray *labels, void (*check) (GMenuModel *))
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr (GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autoptr (GMenuModel) submenu = g_menu_model_get_item_link (model, i, G_MENU_LINK_SUBMENU);
      char *label = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        g_ptr_array_add (labels, label);
      if (section != NULL)
        collect_menu (section, labels, check);
      if (submenu != NULL)
        check (submenu);
    }
}

static guint n_menu_labels;

static void
check_menu (GMenuModel *menu)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);

  collect_menu (menu, labels, check_menu);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *label = g_ptr_array_index (labels, i);
      gunichar key = mnemonic_of (label);
      const char *other;

      n_menu_labels++;
      if (key == 0)
        continue;
      other = g_hash_table_lookup (seen, GUINT_TO_POINTER (key));
      if (other != NULL)
        g_test_message ("“%s” and “%s” share a mnemonic", other, label);
      g_assert_null (other);
      g_hash_table_insert (seen, GUINT_TO_POINTER (key), (gpointer) label);
    }
}

static void
find_menus (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL)
    check_menu (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    find_menus (child);
}

/* Alt plus a letter must pick one item: each menu's translated mnemonics
 * differ, which msgfmt cannot check because it sees one string at a time. */
static void
test_menu_mnemonics (void)
{
  open_article ();
  n_menu_labels = 0;
  find_menus (GTK_WIDGET (window));
  /* The main menu and the library menu: well over a handful of items. */
  g_assert_cmpuint (n_menu_labels, >, 10);
}

static void
save_screenshot (void)
{
  GtkWidget *widget = GTK_WIDGET (window);
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                           "screenshots", NULL);
  g_autofree char *file = g_strdup_printf ("window-%s.png", expected->language);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  int w = 0, h = 0;

  open_article ();
  for (guint tries = 0; node == NULL && tries < 50; tries++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      spin (200);
      w = gtk_widget_get_width (widget);
      h = gtk_widget_get_height (widget);
      gdk_paintable_snapshot (paintable, snapshot, w, h);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_mkdir_with_parents (dir, 0755);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

int
main (int argc, char *argv[])
{
  const char *language = g_getenv ("LANGUAGE");
  g_autoptr (GError) error = NULL;
  int status;

  /* As main.c does, but with the catalogues built in this build tree. */
  bindtextdomain (GETTEXT_PACKAGE, LEDE_BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init pins the locale to en_US; take the session's back, as
   * gtk_init would for Lede itself. */
  setlocale (LC_ALL, "");

  for (gsize i = 0; i < G_N_ELEMENTS (expectations); i++)
    if (g_strcmp0 (language, expectations[i].language) == 0)
      expected = &expectations[i];
  if (expected == NULL)
    {
      g_printerr ("test-window-l10n: set LANGUAGE to de or es\n");
      return 1;
    }

  app = lede_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  window = lede_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));

  g_test_add_func ("/lede/data/window-l10n/panel-headers", test_panel_headers);
  g_test_add_func ("/lede/data/window-l10n/panel-labels", test_panel_labels);
  g_test_add_func ("/lede/data/window-l10n/no-english-left", test_no_english_left);
  g_test_add_func ("/lede/data/window-l10n/menu-mnemonics", test_menu_mnemonics);
  g_test_add_func ("/lede/data/window-l10n/screenshot", save_screenshot);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&app);
  return status;
}
