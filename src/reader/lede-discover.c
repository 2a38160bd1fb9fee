/* lede-discover.c: feed autodiscovery from a web page, with libxml2's forgiving HTML parser. */
#include "config.h"

#include <libxml/HTMLparser.h>
#include <string.h>

#include "lede-discover.h"
#include "lede-html-private.h"

static const char *feed_types[] = {
  "application/rss+xml", "application/atom+xml", "application/feed+json",
  "application/json",    "application/rdf+xml",  "application/x.atom+xml",
};

void
lede_discovered_feed_free (LedeDiscoveredFeed *feed)
{
  if (feed == NULL)
    return;
  g_free (feed->url);
  g_free (feed->title);
  g_free (feed->type);
  g_free (feed);
}

/* rel is a list of tokens: "alternate feed" counts, "stylesheet" does not. */
static gboolean
has_token (const char *list, const char *token)
{
  g_auto (GStrv) tokens = NULL;

  if (list == NULL)
    return FALSE;
  tokens = g_strsplit_set (list, " \t\n\r\f", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    if (g_ascii_strcasecmp (tokens[i], token) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_feed_type (const char *type)
{
  g_autofree char *lower = NULL;
  char *semicolon;

  if (type == NULL)
    return FALSE;
  lower = g_ascii_strdown (type, -1);
  if ((semicolon = strchr (lower, ';')) != NULL)
    *semicolon = '\0';
  g_strstrip (lower);
  for (guint i = 0; i < G_N_ELEMENTS (feed_types); i++)
    if (strcmp (lower, feed_types[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
walk (xmlNode *node, char **base, GPtrArray *found)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (g_ascii_strcasecmp ((const char *) node->name, "base") == 0 && *base != NULL)
        {
          g_autofree char *href = lede_html_dup_attr (node, "href");
          char *resolved = href ? g_uri_resolve_relative (*base, href, G_URI_FLAGS_NONE, NULL) : NULL;
          if (resolved != NULL)
            {
              g_free (*base);
              *base = resolved;
            }
        }
      else if (g_ascii_strcasecmp ((const char *) node->name, "link") == 0)
        {
          g_autofree char *rel = lede_html_dup_attr (node, "rel");
          g_autofree char *type = lede_html_dup_attr (node, "type");
          g_autofree char *href = lede_html_dup_attr (node, "href");
          LedeDiscoveredFeed *feed;
          char *url;

          if (href == NULL || !(has_token (rel, "alternate") || has_token (rel, "feed"))
              || !is_feed_type (type))
            continue;
          url = *base ? g_uri_resolve_relative (*base, href, G_URI_FLAGS_NONE, NULL) : NULL;
          if (url == NULL)
            url = g_strdup (href);
          for (guint i = 0; url != NULL && i < found->len; i++)
            if (strcmp (((LedeDiscoveredFeed *) found->pdata[i])->url, url) == 0)
              g_clear_pointer (&url, g_free);
          if (url == NULL)
            continue;
          feed = g_new0 (LedeDiscoveredFeed, 1);
          feed->url = url;
          feed->title = lede_html_dup_attr (node, "title");
          feed->type = g_ascii_strdown (type, -1);
          g_ptr_array_add (found, feed);
        }
      /* The body can hold thousands of elements and never a feed link worth trusting. */
      if (g_ascii_strcasecmp ((const char *) node->name, "body") != 0)
        walk (node->children, base, found);
    }
}

/**
 * lede_discover_feeds:
 * @html: a web page
 * @length: its length in bytes
 * @page_url: (nullable): where the page came from, to make the links absolute
 *
 * Returns: (transfer full) (element-type LedeDiscoveredFeed): the feeds the page announces, in
 *   page order (the first is the site's main feed by convention); empty when there are none
 */
GPtrArray *
lede_discover_feeds (const char *html, gsize length, const char *page_url)
{
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) lede_discovered_feed_free);
  g_autofree char *base = g_strdup (page_url);
  htmlDocPtr doc;

  if (html == NULL || length == 0 || length > G_MAXINT)
    return found;
  doc = htmlReadMemory (html, (int) length, page_url, NULL,
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  if (doc == NULL)
    return found;
  walk (xmlDocGetRootElement (doc), &base, found);
  xmlFreeDoc (doc);
  return found;
}
