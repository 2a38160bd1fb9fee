/* lede-json.c: the lede.analysis/1 document: written by hand for exact numbers, read with json-glib. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "lede-analysis-private.h"

/* ---- writing ---- */

typedef struct
{
  GString *out;
  gboolean pretty;
  guint depth;
  gboolean first; /* nothing written yet in the current container */
} Writer;

static void
w_newline (Writer *w)
{
  if (!w->pretty)
    return;
  g_string_append_c (w->out, '\n');
  for (guint i = 0; i < w->depth; i++)
    g_string_append (w->out, "  ");
}

static void
w_string (Writer *w, const char *s, gssize len)
{
  static const char hex[] = "0123456789abcdef";
  const char *end;

  if (s == NULL)
    {
      g_string_append (w->out, "null");
      return;
    }
  end = s + (len < 0 ? (gssize) strlen (s) : len);
  g_string_append_c (w->out, '"');
  for (const char *p = s; p < end; p++)
    {
      guchar c = *p;
      switch (c)
        {
          case '"': g_string_append (w->out, "\\\""); break;
          case '\\': g_string_append (w->out, "\\\\"); break;
          case '\n': g_string_append (w->out, "\\n"); break;
          case '\t': g_string_append (w->out, "\\t"); break;
          case '\r': g_string_append (w->out, "\\r"); break;
          default:
            if (c < 0x20)
              {
                g_string_append (w->out, "\\u00");
                g_string_append_c (w->out, hex[c >> 4]);
                g_string_append_c (w->out, hex[c & 15]);
              }
            else
              g_string_append_c (w->out, c);
        }
    }
  g_string_append_c (w->out, '"');
}

static void
w_key (Writer *w, const char *key)
{
  if (!w->first)
    g_string_append_c (w->out, ',');
  w->first = FALSE;
  w_newline (w);
  w_string (w, key, -1);
  g_string_append (w->out, w->pretty ? ": " : ":");
}

static void
w_item (Writer *w)
{
  if (!w->first)
    g_string_append_c (w->out, ',');
  w->first = FALSE;
  w_newline (w);
}

static void
w_open (Writer *w, char c)
{
  g_string_append_c (w->out, c);
  w->depth++;
  w->first = TRUE;
}

static void
w_close (Writer *w, char c)
{
  w->depth--;
  if (!w->first)
    w_newline (w);
  g_string_append_c (w->out, c);
  w->first = FALSE;
}

static void
w_number (Writer *w, double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (v))
    g_string_append (w->out, "null");
  else if (v == (double) (gint64) v && fabs (v) < 1e15)
    g_string_append_printf (w->out, "%" G_GINT64_FORMAT, (gint64) v);
  else
    g_string_append (w->out, g_ascii_formatd (buf, sizeof buf, "%.10g", v));
}

static void
w_key_string (Writer *w, const char *key, const char *value)
{
  w_key (w, key);
  w_string (w, value, -1);
}

static void
w_key_uint (Writer *w, const char *key, guint value)
{
  w_key (w, key);
  g_string_append_printf (w->out, "%u", value);
}

static void
w_key_id (Writer *w, const char *key, char prefix, int index)
{
  w_key (w, key);
  if (index < 0)
    g_string_append (w->out, "null");
  else
    g_string_append_printf (w->out, "\"%c%d\"", prefix, index + 1);
}

static void
w_key_ids (Writer *w, const char *key, GArray *ids)
{
  w_key (w, key);
  g_string_append_c (w->out, '[');
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (w->out, "%s\"a%d\"", i ? (w->pretty ? ", " : ",") : "",
                            g_array_index (ids, int, i) + 1);
  g_string_append_c (w->out, ']');
}

static void
w_span (Writer *w, const LedeDoc *doc, const LedeSpan *span)
{
  w_key (w, "text");
  w_string (w, doc->text + span->bstart, span->bend - span->bstart);
  w_key_uint (w, "start", span->start);
  w_key_uint (w, "end", span->end);
  w_key_uint (w, "sentence", span->sentence);
}

char *
lede_doc_to_json (const LedeDoc *doc, const char *analyzer, double elapsed_ms, gboolean pretty)
{
  Writer w = { g_string_sized_new (doc->len * 3 + 1024), pretty, 0, TRUE };
  guint n_sentences = doc->sentences ? doc->sentences->len : 0;

  w_open (&w, '{');
  w_key_string (&w, "schema", LEDE_ANALYSIS_SCHEMA);
  w_key_string (&w, "analyzer", analyzer);
  w_key_string (&w, "language", "en");
  w_key_string (&w, "title", doc->title);
  w_key (&w, "text");
  w_string (&w, doc->text, doc->len);

  w_key (&w, "stats");
  w_open (&w, '{');
  w_key_uint (&w, "characters", doc->sentences ? g_utf8_strlen (doc->text, doc->len) : 0);
  w_key_uint (&w, "words", doc->n_words);
  w_key_uint (&w, "sentences", n_sentences);
  w_key (&w, "elapsed_ms");
  w_number (&w, round (elapsed_ms * 1000) / 1000);
  w_close (&w, '}');

  w_key (&w, "sentences");
  w_open (&w, '[');
  for (guint i = 0; i < n_sentences; i++)
    {
      const LedeSentence *s = &g_array_index (doc->sentences, LedeSentence, i);
      w_item (&w);
      g_string_append_printf (w.out, pretty ? "{\"start\": %u, \"end\": %u}" : "{\"start\":%u,\"end\":%u}",
                              s->start, s->end);
    }
  w_close (&w, ']');

  w_key (&w, "actors");
  w_open (&w, '[');
  for (guint i = 0; i < doc->actors->len; i++)
    {
      const LedeActor *a = g_ptr_array_index (doc->actors, i);

      w_item (&w);
      w_open (&w, '{');
      w_key_id (&w, "id", 'a', i);
      w_key_string (&w, "name", a->name);
      w_key_string (&w, "kind", lede_actor_kind_to_string (a->kind));
      w_key (&w, "aliases");
      w_open (&w, '[');
      for (guint j = 0; j < a->aliases->len; j++)
        {
          w_item (&w);
          w_string (&w, g_ptr_array_index (a->aliases, j), -1);
        }
      w_close (&w, ']');
      w_key_string (&w, "role", a->role);
      w_key (&w, "salience");
      w_number (&w, round (a->salience * 1000) / 1000);
      w_key (&w, "mentions");
      w_open (&w, '[');
      for (guint j = 0; j < a->mentions->len; j++)
        {
          const LedeSpan *m = &g_array_index (a->mentions, LedeSpan, j);
          gboolean was_pretty = w.pretty;

          w_item (&w);
          /* One line a mention keeps pretty output readable. */
          w.pretty = FALSE;
          w_open (&w, '{');
          w_span (&w, doc, m);
          w_close (&w, '}');
          w.pretty = was_pretty;
        }
      w_close (&w, ']');
      w_close (&w, '}');
    }
  w_close (&w, ']');

  w_key (&w, "figures");
  w_open (&w, '[');
  for (guint i = 0; i < doc->figures->len; i++)
    {
      const LedeFigure *f = g_ptr_array_index (doc->figures, i);

      w_item (&w);
      w_open (&w, '{');
      w_key_id (&w, "id", 'f', i);
      w_span (&w, doc, &f->span);
      w_key_string (&w, "kind", lede_figure_kind_to_string (f->kind));
      w_key (&w, "value");
      if (f->kind == LEDE_FIGURE_DATE && f->date != NULL)
        w_string (&w, f->date, -1);
      else
        w_number (&w, f->value);
      w_key_string (&w, "unit", f->unit);
      w_key_string (&w, "qualifier", f->qualifier);
      w_key_string (&w, "about", f->about);
      w_key_id (&w, "source", 'a', f->source);
      w_close (&w, '}');
    }
  w_close (&w, ']');

  w_key (&w, "claims");
  w_open (&w, '[');
  for (guint i = 0; i < doc->claims->len; i++)
    {
      const LedeClaim *c = g_ptr_array_index (doc->claims, i);

      w_item (&w);
      w_open (&w, '{');
      w_key_id (&w, "id", 'c', i);
      w_span (&w, doc, &c->span);
      w_key_id (&w, "claimant", 'a', c->claimant);
      w_key_string (&w, "claimant_text", c->claimant_text);
      w_key_string (&w, "verb", c->verb);
      w_key_string (&w, "stance", lede_stance_to_string (c->stance));
      w_key_ids (&w, "targets", c->targets);
      w_key (&w, "disputed");
      g_string_append (w.out, c->disputed ? "true" : "false");
      w_key_ids (&w, "disputed_by", c->disputed_by);
      w_key_string (&w, "dispute_reason", lede_dispute_reason_to_string (c->dispute_reason));
      w_close (&w, '}');
    }
  w_close (&w, ']');

  w_close (&w, '}');
  return g_string_free (w.out, FALSE);
}

/* ---- reading ---- */

typedef struct
{
  const LedeDoc *doc;
  guint *byte_of_cp; /* code point offset -> byte offset, n_cp + 1 entries */
  guint n_cp;
  GHashTable *actor_ids;
} Reader;

static gboolean
fail (GError **error, const char *what)
{
  g_set_error (error, LEDE_ANALYSIS_ERROR, LEDE_ANALYSIS_ERROR_INVALID_JSON,
               _ ("not a lede.analysis/1 document: %s"), what);
  return FALSE;
}

static const char *
member_string (JsonObject *o, const char *name)
{
  JsonNode *n = json_object_get_member (o, name);
  if (n == NULL || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

static gboolean
member_uint (JsonObject *o, const char *name, guint *out)
{
  JsonNode *n = json_object_get_member (o, name);
  gint64 v;

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_INT64)
    return FALSE;
  v = json_node_get_int (n);
  if (v < 0 || v > G_MAXUINT)
    return FALSE;
  *out = v;
  return TRUE;
}

static JsonArray *
member_array (JsonObject *o, const char *name)
{
  JsonNode *n = json_object_get_member (o, name);
  return n != NULL && JSON_NODE_HOLDS_ARRAY (n) ? json_node_get_array (n) : NULL;
}

static gboolean
read_span (Reader *r, JsonObject *o, LedeSpan *span, GError **error)
{
  if (!member_uint (o, "start", &span->start) || !member_uint (o, "end", &span->end)
      || span->start > span->end || span->end > r->n_cp)
    return fail (error, _ ("a span has no valid start and end"));
  if (!member_uint (o, "sentence", &span->sentence))
    span->sentence = 0;
  span->bstart = r->byte_of_cp[span->start];
  span->bend = r->byte_of_cp[span->end];
  return TRUE;
}

static int
read_id (Reader *r, JsonObject *o, const char *name)
{
  const char *id = member_string (o, name);
  gpointer v;

  if (id == NULL || !g_hash_table_lookup_extended (r->actor_ids, id, NULL, &v))
    return -1;
  return GPOINTER_TO_INT (v);
}

static void
read_ids (Reader *r, JsonObject *o, const char *name, GArray *out)
{
  JsonArray *a = member_array (o, name);

  for (guint i = 0; a && i < json_array_get_length (a); i++)
    {
      const char *id = json_array_get_string_element (a, i);
      gpointer v;
      if (id && g_hash_table_lookup_extended (r->actor_ids, id, NULL, &v))
        {
          int index = GPOINTER_TO_INT (v);
          g_array_append_val (out, index);
        }
    }
}

gboolean
lede_doc_from_json (LedeDoc *doc,
                    const char *json,
                    gssize length,
                    char **analyzer,
                    double *elapsed_ms,
                    GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GHashTable) actor_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree guint *byte_of_cp = NULL;
  JsonObject *root;
  JsonArray *a;
  const char *s;
  Reader r = { doc, NULL, 0, actor_ids };
  guint cp = 0;

  if (!json_parser_load_from_data (parser, json, length, error))
    return FALSE;
  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return fail (error, _ ("the top level is not an object"));
  root = json_node_get_object (json_parser_get_root (parser));
  if (g_strcmp0 (member_string (root, "schema"), LEDE_ANALYSIS_SCHEMA) != 0)
    return fail (error, _ ("the schema is not lede.analysis/1"));
  s = member_string (root, "text");
  if (s == NULL)
    return fail (error, _ ("there is no text"));

  doc->text = g_strdup (s);
  doc->len = strlen (s);
  doc->title = g_strdup (member_string (root, "title"));
  *analyzer = g_strdup (member_string (root, "analyzer"));
  if (json_object_has_member (root, "stats")
      && JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "stats")))
    {
      JsonObject *stats = json_object_get_object_member (root, "stats");
      member_uint (stats, "words", &doc->n_words);
      *elapsed_ms = json_object_get_double_member_with_default (stats, "elapsed_ms", 0);
    }

  r.n_cp = g_utf8_strlen (doc->text, doc->len);
  byte_of_cp = g_new (guint, r.n_cp + 1);
  for (const char *p = doc->text; cp < r.n_cp; p = g_utf8_next_char (p))
    byte_of_cp[cp++] = p - doc->text;
  byte_of_cp[r.n_cp] = doc->len;
  r.byte_of_cp = byte_of_cp;

  doc->sentences = g_array_new (FALSE, FALSE, sizeof (LedeSentence));
  a = member_array (root, "sentences");
  if (a == NULL)
    return fail (error, _ ("there are no sentences"));
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *n = json_array_get_element (a, i);
      LedeSpan span;
      LedeSentence sentence;

      if (!JSON_NODE_HOLDS_OBJECT (n))
        return fail (error, _ ("a sentence is not an object"));
      if (!read_span (&r, json_node_get_object (n), &span, error))
        return FALSE;
      sentence.start = span.start;
      sentence.end = span.end;
      sentence.bstart = span.bstart;
      sentence.bend = span.bend;
      g_array_append_val (doc->sentences, sentence);
    }

  a = member_array (root, "actors");
  if (a == NULL)
    return fail (error, _ ("there is no list of actors"));
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *n = json_array_get_element (a, i);
      JsonObject *o;
      LedeActor *actor;
      LedeActorKind kind;
      JsonArray *list;
      const char *id;

      if (!JSON_NODE_HOLDS_OBJECT (n))
        return fail (error, _ ("an actor is not an object"));
      o = json_node_get_object (n);
      id = member_string (o, "id");
      if (id == NULL || member_string (o, "name") == NULL
          || !lede_actor_kind_from_string (member_string (o, "kind"), &kind))
        return fail (error, _ ("an actor has no id, name or kind"));
      actor = lede_actor_new (member_string (o, "name"), kind);
      g_ptr_array_add (doc->actors, actor);
      g_hash_table_insert (actor_ids, g_strdup (id), GINT_TO_POINTER (i));
      actor->role = g_strdup (member_string (o, "role"));
      if (json_object_has_member (o, "salience"))
        actor->salience = json_object_get_double_member_with_default (o, "salience", 0);
      list = member_array (o, "aliases");
      for (guint j = 0; list && j < json_array_get_length (list); j++)
        if (json_array_get_string_element (list, j) != NULL)
          lede_actor_add_alias (actor, json_array_get_string_element (list, j));
      list = member_array (o, "mentions");
      for (guint j = 0; list && j < json_array_get_length (list); j++)
        {
          JsonNode *m = json_array_get_element (list, j);
          LedeSpan span;
          if (!JSON_NODE_HOLDS_OBJECT (m) || !read_span (&r, json_node_get_object (m), &span, error))
            return FALSE;
          g_array_append_val (actor->mentions, span);
        }
    }

  a = member_array (root, "figures");
  if (a == NULL)
    return fail (error, _ ("there is no list of figures"));
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *n = json_array_get_element (a, i);
      JsonObject *o;
      LedeFigure *f;
      JsonNode *value;

      if (!JSON_NODE_HOLDS_OBJECT (n))
        return fail (error, _ ("a figure is not an object"));
      o = json_node_get_object (n);
      f = lede_figure_new ();
      g_ptr_array_add (doc->figures, f);
      if (!read_span (&r, o, &f->span, error))
        return FALSE;
      if (!lede_figure_kind_from_string (member_string (o, "kind"), &f->kind))
        return fail (error, _ ("a figure has no valid kind"));
      value = json_object_get_member (o, "value");
      if (value != NULL && JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
        f->date = g_strdup (json_node_get_string (value));
      else if (value != NULL && JSON_NODE_HOLDS_VALUE (value))
        f->value = json_node_get_double (value);
      f->unit = g_strdup (member_string (o, "unit"));
      f->qualifier = g_strdup (member_string (o, "qualifier"));
      f->about = g_strdup (member_string (o, "about"));
      f->source = read_id (&r, o, "source");
    }

  a = member_array (root, "claims");
  if (a == NULL)
    return fail (error, _ ("there is no list of claims"));
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *n = json_array_get_element (a, i);
      JsonObject *o;
      LedeClaim *c;

      if (!JSON_NODE_HOLDS_OBJECT (n))
        return fail (error, _ ("a claim is not an object"));
      o = json_node_get_object (n);
      c = lede_claim_new ();
      g_ptr_array_add (doc->claims, c);
      if (!read_span (&r, o, &c->span, error))
        return FALSE;
      c->claimant = read_id (&r, o, "claimant");
      c->claimant_text = g_strdup (member_string (o, "claimant_text"));
      c->verb = g_strdup (member_string (o, "verb"));
      if (!lede_stance_from_string (member_string (o, "stance"), &c->stance))
        c->stance = LEDE_STANCE_STATEMENT;
      read_ids (&r, o, "targets", c->targets);
      c->disputed = json_object_get_boolean_member_with_default (o, "disputed", FALSE);
      read_ids (&r, o, "disputed_by", c->disputed_by);
      if (!lede_dispute_reason_from_string (member_string (o, "dispute_reason"), &c->dispute_reason))
        c->dispute_reason = LEDE_DISPUTE_NONE;
    }

  return TRUE;
}
