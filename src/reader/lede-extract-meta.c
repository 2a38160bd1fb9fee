/* lede-extract-meta.c: an article's title, byline, date, site and image from JSON-LD, <meta> and <title>. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "lede-extract-private.h"

void
lede_extract_meta_clear (LedeExtractMeta *m)
{
  g_free (m->title);
  g_free (m->byline);
  g_free (m->date);
  g_free (m->site_name);
  g_free (m->image);
  g_free (m->excerpt);
  g_free (m->body);
  g_free (m->locale);
}

static void
set_if_unset (char **field, const char *value)
{
  g_autofree char *v = NULL;
  if (*field != NULL || value == NULL)
    return;
  v = g_strstrip (g_strdup (value));
  if (*v != '\0')
    *field = g_steal_pointer (&v);
}

static gboolean
is_article_type (JsonNode *type)
{
  static const char *const types[] = { "Article",
                                       "AdvertiserContentArticle",
                                       "NewsArticle",
                                       "AnalysisNewsArticle",
                                       "AskPublicNewsArticle",
                                       "BackgroundNewsArticle",
                                       "OpinionNewsArticle",
                                       "ReportageNewsArticle",
                                       "ReviewNewsArticle",
                                       "Report",
                                       "SatiricalArticle",
                                       "ScholarlyArticle",
                                       "MedicalScholarlyArticle",
                                       "SocialMediaPosting",
                                       "BlogPosting",
                                       "LiveBlogPosting",
                                       "DiscussionForumPosting",
                                       "TechArticle",
                                       "APIReference",
                                       NULL };
  if (type == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_ARRAY (type))
    {
      JsonArray *arr = json_node_get_array (type);
      for (guint i = 0; i < json_array_get_length (arr); i++)
        if (is_article_type (json_array_get_element (arr, i)))
          return TRUE;
      return FALSE;
    }
  if (json_node_get_value_type (type) != G_TYPE_STRING)
    return FALSE;
  for (guint i = 0; types[i] != NULL; i++)
    if (g_str_equal (json_node_get_string (type), types[i]))
      return TRUE;
  return FALSE;
}

static const char *
member_string (JsonObject *obj, const char *name)
{
  JsonNode *n = json_object_get_member (obj, name);
  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

static char *
names_of (JsonNode *node)
{
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup (member_string (json_node_get_object (node), "name"));
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *arr = json_node_get_array (node);
      g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < json_array_get_length (arr); i++)
        {
          char *n = names_of (json_array_get_element (arr, i));
          if (n != NULL && *n != '\0')
            g_ptr_array_add (names, n);
          else
            g_free (n);
        }
      g_ptr_array_add (names, NULL);
      return names->len > 1 ? g_strjoinv (", ", (char **) names->pdata) : NULL;
    }
  return NULL;
}

static char *
image_of (JsonNode *node)
{
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup (member_string (json_node_get_object (node), "url"));
  if (JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) > 0)
    return image_of (json_array_get_element (json_node_get_array (node), 0));
  return NULL;
}

static void
jsonld_visit (JsonNode *node, LedeExtractMeta *m, const char *html_title, int depth)
{
  JsonObject *obj;

  if (node == NULL || depth > 4)
    return;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *arr = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (arr); i++)
        jsonld_visit (json_array_get_element (arr, i), m, html_title, depth + 1);
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;
  obj = json_node_get_object (node);
  if (json_object_has_member (obj, "@graph"))
    jsonld_visit (json_object_get_member (obj, "@graph"), m, html_title, depth + 1);
  if (!is_article_type (json_object_get_member (obj, "@type")))
    return;
  {
    const char *name = member_string (obj, "name");
    const char *headline = member_string (obj, "headline");
    /* Some sites put the site's name in "name": take the one nearer the page's title. */
    if (name != NULL && headline != NULL && html_title != NULL && !g_str_equal (name, headline)
        && lede_extract_text_similarity (headline, html_title)
             > lede_extract_text_similarity (name, html_title))
      set_if_unset (&m->title, headline);
    set_if_unset (&m->title, name != NULL ? name : headline);
  }
  {
    g_autofree char *author = names_of (json_object_get_member (obj, "author"));
    g_autofree char *image = image_of (json_object_get_member (obj, "image"));
    set_if_unset (&m->byline, author);
    set_if_unset (&m->image, image);
  }
  set_if_unset (&m->excerpt, member_string (obj, "description"));
  set_if_unset (&m->date, member_string (obj, "datePublished"));
  set_if_unset (&m->body, member_string (obj, "articleBody"));
  if (json_object_has_member (obj, "publisher"))
    {
      g_autofree char *pub = names_of (json_object_get_member (obj, "publisher"));
      set_if_unset (&m->site_name, pub);
    }
}

static void
read_jsonld (xmlNode *root, LedeExtractMeta *m, const char *html_title)
{
  g_autoptr (GPtrArray) scripts = g_ptr_array_new ();
  lede_extract_collect_by_tag (root, "script", scripts);
  for (guint i = 0; i < scripts->len; i++)
    {
      const char *type = lede_html_get_attr (scripts->pdata[i], "type");
      g_autoptr (JsonParser) parser = NULL;
      g_autoptr (GString) text = NULL;
      char *start;

      if (type == NULL || g_ascii_strcasecmp (type, "application/ld+json") != 0)
        continue;
      text = g_string_new (NULL);
      lede_html_append_text (scripts->pdata[i], text);
      /* Some sites wrap the JSON in a CDATA comment. */
      start = text->str;
      while (g_ascii_isspace (*start))
        start++;
      if (g_str_has_prefix (start, "<![CDATA["))
        start += strlen ("<![CDATA[");
      {
        char *end = g_strrstr (start, "]]>");
        if (end != NULL)
          *end = '\0';
      }
      parser = json_parser_new ();
      if (json_parser_load_from_data (parser, start, -1, NULL))
        jsonld_visit (json_parser_get_root (parser), m, html_title, 0);
    }
}

static void
read_meta_tags (xmlNode *root, LedeExtractMeta *m)
{
  g_autoptr (GPtrArray) metas = g_ptr_array_new ();
  g_autoptr (GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  static const char *const title_keys[]
    = { "dc:title",      "dcterm:title",  "og:title", "weibo:article:title", "weibo:webpage:title", "title",
        "twitter:title", "parsely-title", NULL };
  static const char *const byline_keys[] = { "dc:creator",     "dcterm:creator",  "author", "parsely-author",
                                             "article:author", "sailthru.author", NULL };
  static const char *const excerpt_keys[] = { "dc:description",
                                              "dcterm:description",
                                              "og:description",
                                              "weibo:article:description",
                                              "weibo:webpage:description",
                                              "description",
                                              "twitter:description",
                                              NULL };
  static const char *const date_keys[]
    = { "article:published_time", "parsely-pub-date",          "date", "dc:date", "dcterm:date", "pubdate",
        "sailthru.date",          "og:article:published_time", NULL };
  static const char *const image_keys[]
    = { "og:image", "og:image:url", "twitter:image", "twitter:image:src", NULL };

  lede_extract_collect_by_tag (root, "meta", metas);
  for (guint i = 0; i < metas->len; i++)
    {
      const char *name = lede_html_get_attr (metas->pdata[i], "name");
      const char *property = lede_html_get_attr (metas->pdata[i], "property");
      const char *itemprop = lede_html_get_attr (metas->pdata[i], "itemprop");
      const char *content = lede_html_get_attr (metas->pdata[i], "content");
      if (content == NULL || *content == '\0')
        continue;
      /* property may hold several space-separated names. */
      if (property != NULL)
        {
          g_auto (GStrv) parts = g_strsplit_set (property, " \t\n", -1);
          for (guint j = 0; parts[j] != NULL; j++)
            if (*parts[j] != '\0')
              {
                g_autofree char *key = g_ascii_strdown (parts[j], -1);
                if (!g_hash_table_contains (values, key))
                  g_hash_table_insert (values, g_steal_pointer (&key), g_strdup (content));
              }
        }
      if (name != NULL || itemprop != NULL)
        {
          g_autofree char *key = g_ascii_strdown (name != NULL ? name : itemprop, -1);
          g_strstrip (key);
          /* "twitter.title" and "twitter:title" are the same name. */
          g_strdelimit (key, ".", ':');
          if (g_str_has_prefix (key, "sailthru:"))
            key[strlen ("sailthru")] = '.';
          if (!g_hash_table_contains (values, key))
            g_hash_table_insert (values, g_steal_pointer (&key), g_strdup (content));
        }
    }
  for (guint i = 0; title_keys[i] != NULL; i++)
    set_if_unset (&m->title, g_hash_table_lookup (values, title_keys[i]));
  for (guint i = 0; byline_keys[i] != NULL; i++)
    {
      const char *v = g_hash_table_lookup (values, byline_keys[i]);
      /* article:author is often a profile URL, not a name. */
      if (v != NULL && (g_str_has_prefix (v, "http://") || g_str_has_prefix (v, "https://")))
        continue;
      set_if_unset (&m->byline, v);
    }
  for (guint i = 0; excerpt_keys[i] != NULL; i++)
    set_if_unset (&m->excerpt, g_hash_table_lookup (values, excerpt_keys[i]));
  for (guint i = 0; date_keys[i] != NULL; i++)
    set_if_unset (&m->date, g_hash_table_lookup (values, date_keys[i]));
  for (guint i = 0; image_keys[i] != NULL; i++)
    set_if_unset (&m->image, g_hash_table_lookup (values, image_keys[i]));
  set_if_unset (&m->site_name, g_hash_table_lookup (values, "og:site_name"));
  set_if_unset (&m->locale, g_hash_table_lookup (values, "og:locale"));
}

static gboolean
has_separator (const char *s, const char *seps)
{
  for (const char *p = s; *p; p++)
    if (p[0] == ' ' && p > s)
      for (const char *q = seps; *q; q++)
        {
          gsize l = g_utf8_next_char (q) - q;
          if (strncmp (p + 1, q, l) == 0 && p[1 + l] == ' ')
            return TRUE;
          q += l - 1;
        }
  return FALSE;
}

/* Splits "Headline | Site" style titles. Returns the position of the last or first " sep ". */
static const char *
find_separator (const char *s, gboolean last, gsize *sep_len)
{
  static const char *const seps[] = { "|", "-", "–", "—", "\\", "/", ">", "»", NULL };
  const char *found = NULL;
  for (const char *p = s; *p; p++)
    {
      if (*p != ' ')
        continue;
      for (guint i = 0; seps[i] != NULL; i++)
        {
          gsize l = strlen (seps[i]);
          if (strncmp (p + 1, seps[i], l) == 0 && p[1 + l] == ' ')
            {
              found = p;
              *sep_len = l + 2;
              if (!last)
                return found;
            }
        }
    }
  return found;
}

static char *
title_from_page (xmlNode *root)
{
  xmlNode *t = lede_extract_find_first (root, "title");
  g_autofree char *orig = NULL;
  char *cur;
  gboolean hierarchical;
  gsize sep_len = 0;
  const char *sep;

  if (t == NULL)
    return NULL;
  orig = lede_html_inner_text (t);
  if (*orig == '\0')
    return NULL;
  hierarchical = has_separator (orig, "\\/>»");
  cur = g_strdup (orig);
  if ((sep = find_separator (orig, TRUE, &sep_len)) != NULL)
    {
      g_free (cur);
      cur = g_strndup (orig, sep - orig);
      if (lede_extract_word_count (cur) < 3)
        {
          const char *first = find_separator (orig, FALSE, &sep_len);
          g_free (cur);
          cur = g_strdup (first + sep_len);
        }
    }
  else if (strstr (orig, ": ") != NULL)
    {
      const char *last = g_strrstr (orig, ":");
      char *after = g_strdup (last + 1);
      g_strstrip (after);
      if (lede_extract_word_count (after) < 3)
        {
          g_free (after);
          after = g_strdup (strchr (orig, ':') + 1);
          g_strstrip (after);
        }
      else if (lede_extract_word_count (orig) - lede_extract_word_count (after) > 5)
        {
          g_free (after);
          after = g_strdup (orig);
        }
      g_free (cur);
      cur = after;
    }
  else if (g_utf8_strlen (orig, -1) > 150 || g_utf8_strlen (orig, -1) < 15)
    {
      g_autoptr (GPtrArray) h1s = g_ptr_array_new ();
      lede_extract_collect_by_tag (root, "h1", h1s);
      if (h1s->len == 1)
        {
          g_free (cur);
          cur = lede_html_inner_text (h1s->pdata[0]);
        }
    }
  g_strstrip (cur);
  if (lede_extract_word_count (cur) <= 4
      && (!hierarchical
          || lede_extract_word_count (cur) != lede_extract_word_count (orig) - 1 - (sep != NULL)))
    {
      g_free (cur);
      cur = g_strdup (orig);
    }
  return cur;
}

void
lede_extract_read_metadata (xmlNode *root, LedeExtractMeta *meta)
{
  g_autofree char *page_title = title_from_page (root);

  /* JSON-LD first, then <meta>, then the page's <title>, as Readability does. */
  read_jsonld (root, meta, page_title);
  read_meta_tags (root, meta);
  if (meta->title == NULL)
    meta->title = g_strdup (page_title);
  if (meta->date == NULL)
    {
      /* The first <time datetime> of the page dates it when no metadata does. */
      g_autoptr (GPtrArray) times = g_ptr_array_new ();
      lede_extract_collect_by_tag (root, "time", times);
      for (guint i = 0; i < times->len && meta->date == NULL; i++)
        set_if_unset (&meta->date, lede_html_get_attr (times->pdata[i], "datetime"));
    }
}
