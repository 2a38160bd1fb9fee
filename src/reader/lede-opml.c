/* lede-opml.c: reads and writes OPML subscription lists with libxml2. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "lede-opml.h"
#include "lede-html-private.h"

GQuark
lede_opml_error_quark (void)
{
  return g_quark_from_static_string ("lede-opml-error-quark");
}

LedeOpmlEntry *
lede_opml_entry_new (const char *url, const char *title, const char *site_url, const char *folder)
{
  LedeOpmlEntry *entry = g_new0 (LedeOpmlEntry, 1);
  entry->url = g_strdup (url);
  entry->title = g_strdup (title);
  entry->site_url = g_strdup (site_url);
  entry->folder = folder && *folder ? g_strdup (folder) : NULL;
  return entry;
}

void
lede_opml_entry_free (LedeOpmlEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->url);
  g_free (entry->title);
  g_free (entry->site_url);
  g_free (entry->folder);
  g_free (entry);
}

static gboolean
is_element (xmlNode *node, const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static void
read_outlines (xmlNode *parent, const char *folder, GPtrArray *entries, guint depth)
{
  /* Real files nest a few levels; a hostile one could nest thousands. */
  if (depth > 32)
    return;
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      g_autofree char *url = NULL;
      g_autofree char *title = NULL;

      if (!is_element (node, "outline"))
        continue;
      url = lede_html_dup_attr (node, "xmlUrl");
      if (url == NULL)
        url = lede_html_dup_attr (node, "xmlurl");
      title = lede_html_dup_attr (node, "title");
      if (title == NULL)
        title = lede_html_dup_attr (node, "text");
      if (url != NULL)
        {
          g_autofree char *site = lede_html_dup_attr (node, "htmlUrl");
          g_ptr_array_add (entries, lede_opml_entry_new (url, title, site, folder));
        }
      else
        {
          g_autofree char *name = NULL;
          g_autofree char *path = NULL;

          /* A folder; "/" separates levels in our paths, so keep it out of the names. */
          name = title ? g_strdelimit (g_strdup (title), "/", '-') : NULL;
          if (name != NULL)
            path = folder ? g_strconcat (folder, "/", name, NULL) : g_strdup (name);
          else
            path = g_strdup (folder);
          read_outlines (node, path, entries, depth + 1);
        }
    }
}

/**
 * lede_opml_parse:
 *
 * Returns: (transfer full) (element-type LedeOpmlEntry): the subscriptions, in file order
 */
GPtrArray *
lede_opml_parse (const char *data, gsize length, GError **error)
{
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) lede_opml_entry_free);
  xmlDoc *doc;
  xmlNode *root, *body = NULL;

  if (data == NULL || length == 0 || length > G_MAXINT)
    {
      g_set_error (error, LEDE_OPML_ERROR, LEDE_OPML_ERROR_INVALID, _ ("The file is empty or too large"));
      return NULL;
    }
  doc = xmlReadMemory (data, (int) length, NULL, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_RECOVER);
  root = doc ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, LEDE_OPML_ERROR, LEDE_OPML_ERROR_INVALID, _ ("The file is not XML"));
      return NULL;
    }
  if (is_element (root, "opml"))
    for (xmlNode *n = root->children; n != NULL; n = n->next)
      if (is_element (n, "body"))
        body = n;
  if (body == NULL)
    {
      xmlFreeDoc (doc);
      g_set_error (error, LEDE_OPML_ERROR, LEDE_OPML_ERROR_NOT_OPML,
                   _ ("The file is not an OPML subscription list"));
      return NULL;
    }
  read_outlines (body, NULL, entries, 0);
  xmlFreeDoc (doc);
  return g_steal_pointer (&entries);
}

static xmlNode *
folder_node (GHashTable *folders, xmlNode *body, const char *path)
{
  xmlNode *node, *parent;
  const char *slash;
  g_autofree char *parent_path = NULL;

  if (path == NULL || *path == '\0')
    return body;
  if ((node = g_hash_table_lookup (folders, path)) != NULL)
    return node;
  slash = strrchr (path, '/');
  parent_path = slash ? g_strndup (path, slash - path) : NULL;
  parent = folder_node (folders, body, parent_path);
  node = xmlNewChild (parent, NULL, (const xmlChar *) "outline", NULL);
  xmlNewProp (node, (const xmlChar *) "text", (const xmlChar *) (slash ? slash + 1 : path));
  xmlNewProp (node, (const xmlChar *) "title", (const xmlChar *) (slash ? slash + 1 : path));
  g_hash_table_insert (folders, g_strdup (path), node);
  return node;
}

/**
 * lede_opml_write:
 * @entries: (element-type LedeOpmlEntry): the subscriptions
 * @title: (nullable): the list's title
 *
 * Returns: (transfer full): an OPML 2.0 document, UTF-8
 */
char *
lede_opml_write (GPtrArray *entries, const char *title)
{
  g_autoptr (GHashTable) folders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format (now, "%a, %d %b %Y %H:%M:%S GMT");
  xmlDoc *doc = xmlNewDoc ((const xmlChar *) "1.0");
  xmlNode *root = xmlNewNode (NULL, (const xmlChar *) "opml");
  xmlNode *head, *body;
  xmlChar *out = NULL;
  int out_len = 0;
  char *ret;

  xmlDocSetRootElement (doc, root);
  xmlNewProp (root, (const xmlChar *) "version", (const xmlChar *) "2.0");
  head = xmlNewChild (root, NULL, (const xmlChar *) "head", NULL);
  xmlNewTextChild (head, NULL, (const xmlChar *) "title", (const xmlChar *) (title ? title : "Lede"));
  xmlNewTextChild (head, NULL, (const xmlChar *) "dateCreated", (const xmlChar *) date);
  body = xmlNewChild (root, NULL, (const xmlChar *) "body", NULL);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      LedeOpmlEntry *entry = entries->pdata[i];
      xmlNode *parent = folder_node (folders, body, entry->folder);
      xmlNode *node = xmlNewChild (parent, NULL, (const xmlChar *) "outline", NULL);
      const char *name = entry->title ? entry->title : entry->url;

      xmlNewProp (node, (const xmlChar *) "type", (const xmlChar *) "rss");
      xmlNewProp (node, (const xmlChar *) "text", (const xmlChar *) name);
      xmlNewProp (node, (const xmlChar *) "title", (const xmlChar *) name);
      xmlNewProp (node, (const xmlChar *) "xmlUrl", (const xmlChar *) entry->url);
      if (entry->site_url != NULL)
        xmlNewProp (node, (const xmlChar *) "htmlUrl", (const xmlChar *) entry->site_url);
    }
  xmlDocDumpFormatMemoryEnc (doc, &out, &out_len, "UTF-8", 1);
  ret = g_strndup ((const char *) out, out_len);
  xmlFree (out);
  xmlFreeDoc (doc);
  return ret;
}
