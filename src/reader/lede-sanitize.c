/* lede-sanitize.c: keeps only what is safe to show of a page: an allowlist of elements and attributes. */
#include "config.h"

#include <libxml/HTMLtree.h>
#include <string.h>

#include "lede-html-private.h"
#include "lede-sanitize.h"

/* Elements dropped with everything inside: active content, and what makes no sense outside its page. */
static const char *const dropped[]
  = { "script", "style",  "iframe", "frame",    "frameset", "object",   "embed",    "applet", "form",
      "input",  "button", "select", "textarea", "option",   "noscript", "template", "svg",    "math",
      "canvas", "link",   "meta",   "base",     "head",     "title",    "audio",    "video",  "source",
      "track",  "portal", "dialog", "nav",      "param",    "map",      "area",     "xml",    NULL };

/* Elements kept (with only their allowed attributes). Anything else is unwrapped. */
static const char *const allowed[]
  = { "p",          "br",      "hr",      "h1",      "h2",      "h3",         "h4",    "h5",    "h6",
      "blockquote", "q",       "ul",      "ol",      "li",      "dl",         "dt",    "dd",    "pre",
      "code",       "em",      "strong",  "b",       "i",       "u",          "s",     "del",   "ins",
      "sub",        "sup",     "small",   "mark",    "abbr",    "cite",       "dfn",   "kbd",   "samp",
      "var",        "time",    "a",       "img",     "figure",  "figcaption", "table", "thead", "tbody",
      "tfoot",      "tr",      "th",      "td",      "caption", "colgroup",   "col",   "div",   "span",
      "section",    "article", "details", "summary", "ruby",    "rt",         "rp",    "wbr",   "bdi",
      "bdo",        NULL };

static gboolean
in_list (const char *name, const char *const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (g_ascii_strcasecmp (name, list[i]) == 0)
      return TRUE;
  return FALSE;
}

typedef enum
{
  ATTR_TEXT,
  ATTR_URL,
  ATTR_NUMBER,
} AttrKind;

typedef struct
{
  const char *element; /* NULL: on every element */
  const char *name;
  AttrKind kind;
} AttrRule;

static const AttrRule attr_rules[] = {
  { NULL, "title", ATTR_TEXT },     { NULL, "lang", ATTR_TEXT },         { NULL, "dir", ATTR_TEXT },
  { "a", "href", ATTR_URL },        { "img", "src", ATTR_URL },          { "img", "alt", ATTR_TEXT },
  { "img", "width", ATTR_NUMBER },  { "img", "height", ATTR_NUMBER },    { "td", "colspan", ATTR_NUMBER },
  { "td", "rowspan", ATTR_NUMBER }, { "th", "colspan", ATTR_NUMBER },    { "th", "rowspan", ATTR_NUMBER },
  { "th", "scope", ATTR_TEXT },     { "ol", "start", ATTR_NUMBER },      { "ol", "reversed", ATTR_TEXT },
  { "li", "value", ATTR_NUMBER },   { "time", "datetime", ATTR_TEXT },   { "blockquote", "cite", ATTR_URL },
  { "q", "cite", ATTR_URL },        { "del", "cite", ATTR_URL },         { "ins", "cite", ATTR_URL },
  { "col", "span", ATTR_NUMBER },   { "colgroup", "span", ATTR_NUMBER }, { "details", "open", ATTR_TEXT },
};

static const AttrRule *
find_rule (const char *element, const char *attr)
{
  for (guint i = 0; i < G_N_ELEMENTS (attr_rules); i++)
    if ((attr_rules[i].element == NULL || g_ascii_strcasecmp (attr_rules[i].element, element) == 0)
        && g_ascii_strcasecmp (attr_rules[i].name, attr) == 0)
      return &attr_rules[i];
  return NULL;
}

static gboolean
is_number (const char *s)
{
  if (s == NULL || *s == '\0' || strlen (s) > 6)
    return FALSE;
  for (; *s; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;
  return TRUE;
}

/* The image URL of a lazily loaded image, when src is missing or a placeholder. */
static char *
lazy_image_src (const xmlNode *img, const char *base)
{
  static const char *const attrs[] = { "data-src", "data-original", "data-lazy-src", "data-url", NULL };
  for (guint i = 0; attrs[i] != NULL; i++)
    {
      char *url = lede_html_resolve_url (base, lede_html_get_attr (img, attrs[i]));
      if (url != NULL)
        return url;
    }
  return NULL;
}

static void
sanitize_attributes (xmlNode *node, const char *base)
{
  const char *name = (const char *) node->name;
  xmlAttr *a = node->properties;
  g_autofree char *lazy = NULL;

  if (g_ascii_strcasecmp (name, "img") == 0)
    {
      const char *src = lede_html_get_attr (node, "src");
      if (src == NULL || *src == '\0' || g_str_has_prefix (src, "data:"))
        lazy = lazy_image_src (node, base);
    }

  while (a != NULL)
    {
      xmlAttr *next = a->next;
      const AttrRule *rule = find_rule (name, (const char *) a->name);
      const char *value
        = a->children != NULL && a->children->content != NULL ? (const char *) a->children->content : "";
      if (rule == NULL || (rule->kind == ATTR_NUMBER && !is_number (value)))
        xmlRemoveProp (a);
      else if (rule->kind == ATTR_URL)
        {
          g_autofree char *url = lede_html_resolve_url (base, value);
          if (url == NULL)
            xmlRemoveProp (a);
          else
            xmlSetProp (node, a->name, BAD_CAST url);
        }
      a = next;
    }
  if (lazy != NULL)
    xmlSetProp (node, BAD_CAST "src", BAD_CAST lazy);
  if (g_ascii_strcasecmp (name, "a") == 0 && lede_html_get_attr (node, "href") != NULL)
    xmlSetProp (node, BAD_CAST "rel", BAD_CAST "noopener noreferrer nofollow");
}

static void
sanitize_children (xmlNode *parent, const char *base)
{
  xmlNode *c = parent->children;

  while (c != NULL)
    {
      xmlNode *next = c->next;

      switch (c->type)
        {
          case XML_TEXT_NODE: break;
          case XML_CDATA_SECTION_NODE:
            /* HTML has no CDATA; keep its text as plain text. */
            {
              xmlNode *text = xmlNewDocText (c->doc, c->content);
              xmlReplaceNode (c, text);
              xmlFreeNode (c);
            }
            break;
          case XML_ELEMENT_NODE:
            if (in_list ((const char *) c->name, dropped))
              lede_html_remove (c);
            else
              {
                sanitize_children (c, base);
                if (in_list ((const char *) c->name, allowed))
                  {
                    sanitize_attributes (c, base);
                    if (g_ascii_strcasecmp ((const char *) c->name, "img") == 0
                        && lede_html_get_attr (c, "src") == NULL)
                      lede_html_remove (c);
                  }
                else
                  {
                    /* Unwrap: the children take the element's place. The first moved child is
                   * visited no more, which is right, as it was sanitized above. */
                    while (c->children != NULL)
                      {
                        xmlNode *child = c->children;
                        xmlUnlinkNode (child);
                        xmlAddPrevSibling (c, child);
                      }
                    lede_html_remove (c);
                  }
              }
            break;
          default:
            /* Comments, processing instructions, entity references, DTDs. */
            lede_html_remove (c);
            break;
        }
      c = next;
    }
}

static char *
serialize_children (xmlDoc *doc, const xmlNode *parent)
{
  g_autoptr (GString) out = g_string_new (NULL);
  xmlBuffer *buf = xmlBufferCreate ();

  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    {
      xmlBufferEmpty (buf);
      htmlNodeDump (buf, doc, c);
      g_string_append_len (out, (const char *) xmlBufferContent (buf), xmlBufferLength (buf));
    }
  xmlBufferFree (buf);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
lede_sanitize_node (const xmlNode *node, const char *base_uri)
{
  g_autoptr (xmlDoc) doc = htmlNewDocNoDtD (NULL, NULL);
  xmlNode *copy = xmlDocCopyNode ((xmlNode *) node, doc, 1);

  if (copy == NULL)
    return g_strdup ("");
  xmlDocSetRootElement (doc, copy);
  sanitize_children (copy, base_uri);
  return serialize_children (doc, copy);
}

char *
lede_sanitize_html (const char *html, gssize length, const char *base_uri)
{
  g_autoptr (xmlDoc) doc = NULL;
  xmlNode *root;
  xmlNode *body;

  g_return_val_if_fail (html != NULL || length == 0, NULL);
  if (length < 0)
    length = strlen (html);
  if (length == 0)
    return g_strdup ("");
  doc = lede_html_parse (html, length, base_uri, "UTF-8");
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    return g_strdup ("");
  body = root;
  for (xmlNode *c = root->children; c != NULL; c = c->next)
    if (lede_html_is_element (c, "body"))
      body = c;
  if (body == root)
    {
      /* A fragment without <body>: sanitize the root's children with the head dropped. */
      sanitize_children (root, base_uri);
      return serialize_children (doc, root);
    }
  sanitize_children (body, base_uri);
  return serialize_children (doc, body);
}
