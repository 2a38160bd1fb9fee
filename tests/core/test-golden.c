/* test-golden.c: the facts a reader must see in the project's own articles (tests/articles/NAME.expected.json). */
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "lede-core.h"

static const LedeActor *
find_actor (LedeAnalysis *a, const char *name)
{
  int i = lede_analysis_find_actor (a, name);
  return i < 0 ? NULL : lede_analysis_get_actor (a, i);
}

static gboolean
actor_is (LedeAnalysis *a, int index, const char *name)
{
  const LedeActor *actor;

  if (index < 0)
    return FALSE;
  actor = lede_analysis_get_actor (a, index);
  if (g_strcmp0 (actor->name, name) == 0)
    return TRUE;
  for (guint i = 0; i < actor->aliases->len; i++)
    if (g_strcmp0 (g_ptr_array_index (actor->aliases, i), name) == 0)
      return TRUE;
  return FALSE;
}

static void
check_actors (LedeAnalysis *a, JsonArray *expected, GString *problems)
{
  for (guint i = 0; expected && i < json_array_get_length (expected); i++)
    {
      JsonObject *e = json_array_get_object_element (expected, i);
      const char *name = json_object_get_string_member (e, "name");
      const LedeActor *actor = find_actor (a, name);
      const char *kind = json_object_get_string_member_with_default (e, "kind", NULL);
      const char *role = json_object_get_string_member_with_default (e, "role", NULL);

      if (actor == NULL)
        {
          g_string_append_printf (problems, "  actor not found: %s\n", name);
          continue;
        }
      if (kind && g_strcmp0 (lede_actor_kind_to_string (actor->kind), kind) != 0)
        g_string_append_printf (problems, "  actor %s is a %s, not a %s\n", name,
                                lede_actor_kind_to_string (actor->kind), kind);
      if (role)
        {
          g_autofree char *got = actor->role ? g_utf8_strdown (actor->role, -1) : NULL;
          if (got == NULL || strstr (got, role) == NULL)
            g_string_append_printf (problems, "  actor %s has role %s, expected one with “%s”\n", name,
                                    actor->role ? actor->role : "(none)", role);
        }
      if (json_object_has_member (e, "aliases"))
        {
          JsonArray *aliases = json_object_get_array_member (e, "aliases");
          for (guint j = 0; j < json_array_get_length (aliases); j++)
            {
              const char *alias = json_array_get_string_element (aliases, j);
              if (lede_analysis_find_actor (a, alias) != lede_analysis_find_actor (a, name))
                g_string_append_printf (problems, "  “%s” is not merged into %s\n", alias, name);
            }
        }
    }
}

static void
check_not_actors (LedeAnalysis *a, JsonArray *names, GString *problems)
{
  for (guint i = 0; names && i < json_array_get_length (names); i++)
    {
      const char *name = json_array_get_string_element (names, i);
      if (lede_analysis_find_actor (a, name) >= 0)
        g_string_append_printf (problems, "  “%s” should not be an actor\n", name);
    }
}

static gboolean
value_agrees (const LedeFigure *f, JsonNode *value)
{
  if (json_node_get_value_type (value) == G_TYPE_STRING)
    return f->date != NULL && g_str_has_prefix (f->date, json_node_get_string (value));
  return fabs (f->value - json_node_get_double (value)) <= 1e-3 * fabs (json_node_get_double (value)) + 1e-9;
}

static void
check_figures (LedeAnalysis *a, JsonArray *expected, GString *problems)
{
  const char *text = lede_analysis_get_text (a);

  for (guint i = 0; expected && i < json_array_get_length (expected); i++)
    {
      JsonObject *e = json_array_get_object_element (expected, i);
      const char *want = json_object_get_string_member (e, "text");
      const char *kind = json_object_get_string_member_with_default (e, "kind", NULL);
      const char *qualifier = json_object_get_string_member_with_default (e, "qualifier", NULL);
      const char *at = strstr (text, want);
      const LedeFigure *found = NULL;

      g_assert_nonnull (at); /* the expectation must name text of the article */
      for (guint j = 0; j < lede_analysis_get_n_figures (a) && found == NULL; j++)
        {
          const LedeFigure *f = lede_analysis_get_figure (a, j);
          gsize s = at - text, end = s + strlen (want);
          if (f->span.bstart < end && s < f->span.bend
              && value_agrees (f, json_object_get_member (e, "value")))
            found = f;
        }
      if (found == NULL)
        {
          g_string_append_printf (problems, "  figure not found: %s\n", want);
          continue;
        }
      if (kind && g_strcmp0 (lede_figure_kind_to_string (found->kind), kind) != 0)
        g_string_append_printf (problems, "  figure %s is a %s, not a %s\n", want,
                                lede_figure_kind_to_string (found->kind), kind);
      if (qualifier && g_strcmp0 (found->qualifier, qualifier) != 0)
        g_string_append_printf (problems, "  figure %s has qualifier %s, not %s\n", want,
                                found->qualifier ? found->qualifier : "(none)", qualifier);
    }
}

static void
check_claims (LedeAnalysis *a, JsonArray *expected, GString *problems)
{
  const char *text = lede_analysis_get_text (a);

  for (guint i = 0; expected && i < json_array_get_length (expected); i++)
    {
      JsonObject *e = json_array_get_object_element (expected, i);
      const char *claimant = json_object_get_string_member (e, "claimant");
      const char *contains = json_object_get_string_member (e, "contains");
      const char *at = strstr (text, contains);
      const LedeClaim *found = NULL;

      g_assert_nonnull (at);
      for (guint j = 0; j < lede_analysis_get_n_claims (a) && found == NULL; j++)
        {
          const LedeClaim *c = lede_analysis_get_claim (a, j);
          gsize s = at - text, end = s + strlen (contains);
          if (c->span.bstart < end && s < c->span.bend)
            found = c;
        }
      if (found == NULL)
        {
          g_string_append_printf (problems, "  claim not found: %s\n", contains);
          continue;
        }
      if (!actor_is (a, found->claimant, claimant) && g_strcmp0 (found->claimant_text, claimant) != 0)
        g_string_append_printf (problems, "  claim “%s” is attributed to %s, not %s\n", contains,
                                found->claimant >= 0
                                  ? lede_analysis_get_actor (a, found->claimant)->name
                                  : (found->claimant_text ? found->claimant_text : "nobody"),
                                claimant);
      if (json_object_has_member (e, "disputed")
          && found->disputed != json_object_get_boolean_member (e, "disputed"))
        g_string_append_printf (problems, "  claim “%s” should%s be disputed\n", contains,
                                found->disputed ? " not" : "");
      if (json_object_has_member (e, "disputed_by"))
        {
          const char *by = json_object_get_string_member (e, "disputed_by");
          gboolean ok = FALSE;
          for (guint k = 0; k < found->disputed_by->len && !ok; k++)
            ok = actor_is (a, g_array_index (found->disputed_by, int, k), by);
          if (!ok)
            g_string_append_printf (problems, "  claim “%s” should be disputed by %s\n", contains, by);
        }
      if (found->disputed && found->dispute_reason == LEDE_DISPUTE_NONE)
        g_string_append_printf (problems, "  claim “%s” is disputed without a reason\n", contains);
    }
}

static void
test_article (gconstpointer data)
{
  const char *expected_path = data;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeAnalysis) a = NULL;
  g_autoptr (GString) problems = g_string_new (NULL);
  g_autofree char *dir = g_path_get_dirname (expected_path);
  g_autofree char *article = NULL;
  g_autofree char *contents = NULL;
  gsize len;
  JsonObject *root;

  json_parser_load_from_file (parser, expected_path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  article = g_build_filename (dir, json_object_get_string_member (root, "article"), NULL);
  g_file_get_contents (article, &contents, &len, &error);
  g_assert_no_error (error);
  a = lede_analysis_new_for_text (contents, len, NULL, LEDE_ANALYSIS_FLAGS_DETECT_TITLE, 0, &error);
  g_assert_no_error (error);

  check_actors (a, json_object_get_array_member (root, "actors"), problems);
  check_not_actors (a, json_object_get_array_member (root, "not_actors"), problems);
  check_figures (a, json_object_get_array_member (root, "figures"), problems);
  check_claims (a, json_object_get_array_member (root, "claims"), problems);

  if (problems->len > 0)
    {
      g_test_message ("%s:\n%s", article, problems->str);
      g_test_fail_printf ("%s: the analysis misses what a reader must see:\n%s", article, problems->str);
    }
}

static int
compare_paths (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *articles = NULL;
  const char *name;

  g_test_init (&argc, &argv, NULL);
  articles = g_test_build_filename (G_TEST_DIST, "articles", NULL);
  dir = g_dir_open (articles, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".expected.json"))
      g_ptr_array_add (paths, g_build_filename (articles, name, NULL));
  g_ptr_array_sort (paths, compare_paths);
  g_assert_cmpuint (paths->len, >=, 4);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *test
        = g_strdup_printf ("/lede/core/golden/%.*s", (int) (strlen (base) - strlen (".expected.json")), base);
      g_test_add_data_func (test, path, test_article);
    }
  return g_test_run ();
}
