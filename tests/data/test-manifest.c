/* test-manifest.c: the Flatpak manifest asks for what Lede needs and nothing more. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

/* What Lede does in the sandbox: fetch feeds and pages, show a window on
 * Wayland or X11 with GPU rendering for WebKit. Files come and go only
 * through the portal dialogs, so there is no --filesystem. */
static const char *const expected_finish_args[] = {
  "--share=network", "--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri",
};

static JsonParser *parser;

static JsonObject *
manifest (void)
{
  JsonNode *root = json_parser_get_root (parser);

  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_node_get_object (root);
}

static const char *
member_string (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonArray *
member_array (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}

static void
test_parses (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) strict = json_parser_new ();

  /* flatpak-builder reads the file with json-glib too, so this is the
   * parser that matters. */
  json_parser_load_from_file (strict, LEDE_MANIFEST, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (strict)));
}

static void
test_app_id (void)
{
  JsonObject *m = manifest ();
  const char *id = member_string (m, "id");

  if (id == NULL)
    id = member_string (m, "app-id");
  g_assert_cmpstr (id, ==, APP_ID);
}

static void
test_command (void)
{
  g_assert_cmpstr (member_string (manifest (), "command"), ==, "lede");
}

static void
test_runtime (void)
{
  JsonObject *m = manifest ();
  const char *version = member_string (m, "runtime-version");
  guint64 number = 0;
  g_autoptr (GError) error = NULL;

  g_assert_cmpstr (member_string (m, "runtime"), ==, "org.gnome.Platform");
  g_assert_cmpstr (member_string (m, "sdk"), ==, "org.gnome.Sdk");

  /* A released GNOME runtime, not "master": 48 is the oldest that could
   * still be supported when Lede 0.1 came out. */
  g_assert_nonnull (version);
  g_ascii_string_to_unsigned (version, 10, 48, 999, &number, &error);
  g_assert_no_error (error);
}

static void
test_finish_args (void)
{
  JsonArray *args = member_array (manifest (), "finish-args");
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_nonnull (args);
  for (guint i = 0; i < json_array_get_length (args); i++)
    {
      const char *arg = json_array_get_string_element (args, i);
      gboolean known = FALSE;

      g_assert_nonnull (arg);
      for (gsize j = 0; j < G_N_ELEMENTS (expected_finish_args); j++)
        known |= g_str_equal (arg, expected_finish_args[j]);
      if (!known)
        g_test_message ("finish-arg %s is more than Lede needs", arg);
      g_assert_true (known);
      g_assert_false (g_hash_table_contains (seen, arg));
      g_hash_table_add (seen, (gpointer) arg);
    }
  for (gsize j = 0; j < G_N_ELEMENTS (expected_finish_args); j++)
    {
      if (!g_hash_table_contains (seen, expected_finish_args[j]))
        g_test_message ("finish-arg %s is missing", expected_finish_args[j]);
      g_assert_true (g_hash_table_contains (seen, expected_finish_args[j]));
    }
}

static void
test_last_module_is_lede (void)
{
  JsonArray *modules = member_array (manifest (), "modules");
  JsonObject *lede;
  JsonArray *sources;
  JsonObject *source;

  g_assert_nonnull (modules);
  g_assert_cmpuint (json_array_get_length (modules), >, 0);

  lede = json_array_get_object_element (modules, json_array_get_length (modules) - 1);
  g_assert_nonnull (lede);
  g_assert_cmpstr (member_string (lede, "name"), ==, "lede");
  g_assert_cmpstr (member_string (lede, "buildsystem"), ==, "meson");

  /* Built from the checkout the manifest sits in, so a local change is
   * what gets packaged. */
  sources = member_array (lede, "sources");
  g_assert_nonnull (sources);
  g_assert_cmpuint (json_array_get_length (sources), ==, 1);
  source = json_array_get_object_element (sources, 0);
  g_assert_nonnull (source);
  g_assert_cmpstr (member_string (source, "type"), ==, "dir");
  g_assert_cmpstr (member_string (source, "path"), ==, "..");
}

static gboolean
is_sha256 (const char *s)
{
  if (s == NULL || strlen (s) != 64)
    return FALSE;
  for (const char *p = s; *p; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;
  return TRUE;
}

static void
test_dependencies_pinned (void)
{
  JsonArray *modules = member_array (manifest (), "modules");

  g_assert_nonnull (modules);
  /* Everything before Lede itself is a module the runtime lacks; each must
   * be a fixed archive, so a build today and a build next year agree. */
  for (guint i = 0; i + 1 < json_array_get_length (modules); i++)
    {
      JsonObject *module = json_array_get_object_element (modules, i);
      JsonArray *sources;

      g_assert_nonnull (module); /* inline, not a path to another file */
      sources = member_array (module, "sources");
      g_assert_nonnull (sources);
      g_assert_cmpuint (json_array_get_length (sources), >, 0);
      for (guint j = 0; j < json_array_get_length (sources); j++)
        {
          JsonObject *source = json_array_get_object_element (sources, j);
          const char *type;
          const char *url;

          g_assert_nonnull (source);
          type = member_string (source, "type");
          if (g_strcmp0 (type, "patch") == 0)
            continue;
          g_test_message ("module %s, source %u", member_string (module, "name"), j);
          g_assert_true (g_strcmp0 (type, "archive") == 0 || g_strcmp0 (type, "file") == 0);
          url = member_string (source, "url");
          g_assert_nonnull (url);
          g_assert_true (g_str_has_prefix (url, "https://"));
          g_assert_true (is_sha256 (member_string (source, "sha256")));
        }
    }
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  parser = json_parser_new ();
  if (!json_parser_load_from_file (parser, LEDE_MANIFEST, &error))
    g_test_message ("%s: %s", LEDE_MANIFEST, error->message);

  g_test_add_func ("/lede/data/manifest/parses", test_parses);
  g_test_add_func ("/lede/data/manifest/app-id", test_app_id);
  g_test_add_func ("/lede/data/manifest/command", test_command);
  g_test_add_func ("/lede/data/manifest/runtime", test_runtime);
  g_test_add_func ("/lede/data/manifest/finish-args", test_finish_args);
  g_test_add_func ("/lede/data/manifest/last-module-is-lede", test_last_module_is_lede);
  g_test_add_func ("/lede/data/manifest/dependencies-pinned", test_dependencies_pinned);

  status = g_test_run ();
  g_object_unref (parser);
  return status;
}
