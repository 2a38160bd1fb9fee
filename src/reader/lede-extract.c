/* lede-extract.c: main-content extraction in the spirit of Mozilla's Readability, over libxml2's HTML tree. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lede-extract-private.h"

GQuark
lede_extract_error_quark (void)
{
  return g_quark_from_static_string ("lede-extract-error-quark");
}

/* The passes: each later one is more lenient, for pages the strict rules empty. */
enum
{
  FLAG_STRIP_UNLIKELYS = 1 << 0,
  FLAG_WEIGHT_CLASSES = 1 << 1,
  FLAG_CLEAN_CONDITIONALLY = 1 << 2,
};

/* Text shorter than this after a pass makes the next, more lenient pass run. */
#define CHAR_THRESHOLD 500
#define N_TOP_CANDIDATES 5

typedef struct
{
  double score;
  gboolean data_table;
} NodeInfo;

typedef struct
{
  GRegex *unlikely;
  GRegex *maybe_candidate;
  GRegex *positive;
  GRegex *negative;
  GRegex *byline;
  GRegex *share;
  GRegex *ad_words;
  GRegex *loading_words;
} Patterns;

typedef struct
{
  const Patterns *re;
  xmlDoc *doc;
  guint flags;
  const char *title;
  char *byline;
  GPtrArray *infos; /* NodeInfo, freed with the pass */
} Pass;

static const Patterns *
patterns (void)
{
  static Patterns re;
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      GRegexCompileFlags f = G_REGEX_CASELESS | G_REGEX_OPTIMIZE;
      /* Class and id words that mark page furniture, and those that mark content. */
      re.unlikely = g_regex_new (
        "-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|"
        "legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|"
        "ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|cookie-?(banner|consent|notice)",
        f, 0, NULL);
      re.maybe_candidate = g_regex_new ("and|article|body|column|content|main|mathjax|shadow", f, 0, NULL);
      re.positive
        = g_regex_new ("article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story",
                       f, 0, NULL);
      re.negative
        = g_regex_new ("-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|"
                       "gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|"
                       "sidebar|skyscraper|sponsor|shopping|tags|widget",
                       f, 0, NULL);
      re.byline = g_regex_new ("byline|author|dateline|writtenby|p-author", f, 0, NULL);
      /* Widgets inside an article: sharing, sign-up boxes, recommendations, tag lists. */
      re.share = g_regex_new ("(^|[-_\\s])(share|sharing|sharedaddy|social|newsletter|signup|subscribe|"
                              "subscription|promo|recommend\\w*|outbrain|taboola|related|read-?more|"
                              "more-?stories|tags|tag-?list)([-_\\s]|s?$)",
                              f, 0, NULL);
      re.ad_words = g_regex_new ("^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|Anuncio|"
                                 "sponsored( content)?|(story|article) continues below( this)? advertisement|"
                                 "advertisement - scroll to continue|continue reading below)$",
                                 f, 0, NULL);
      re.loading_words
        = g_regex_new ("^((loading|正在加载|Загрузка|chargement|cargando)(…|\\.\\.\\.)?)$", f, 0, NULL);
      g_once_init_leave (&once, 1);
    }
  return &re;
}

/* ---- small tree helpers ---- */

const char *
lede_extract_tag (const xmlNode *node)
{
  return node != NULL && node->type == XML_ELEMENT_NODE ? (const char *) node->name : "";
}

gboolean
lede_extract_tag_in (const xmlNode *node, const char *const *names)
{
  const char *t = lede_extract_tag (node);
  for (guint i = 0; names[i] != NULL; i++)
    if (g_ascii_strcasecmp (t, names[i]) == 0)
      return TRUE;
  return FALSE;
}

static const char *const div_to_p_elems[] = { "blockquote", "dl", "div",    "img",     "ol",      "p", "pre",
                                              "table",      "ul", "figure", "section", "article", NULL };
static const char *const phrasing_elems[]
  = { "abbr",  "audio",    "b",      "bdo",    "br",       "button",   "cite", "code",  "data",   "datalist",
      "dfn",   "em",       "embed",  "i",      "img",      "input",    "kbd",  "label", "mark",   "math",
      "meter", "noscript", "object", "output", "progress", "q",        "ruby", "samp",  "script", "select",
      "small", "span",     "strong", "sub",    "sup",      "textarea", "time", "var",   "wbr",    "u",
      "s",     "font",     "tt",     "big",    "strike",   NULL };
static const char *const tags_to_score[]
  = { "section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre", NULL };

static char *
match_string (const xmlNode *node)
{
  const char *cls = lede_html_get_attr (node, "class");
  const char *id = lede_html_get_attr (node, "id");
  return g_strconcat (cls != NULL ? cls : "", " ", id != NULL ? id : "", NULL);
}

static gboolean
re_match (GRegex *re, const char *str)
{
  return str != NULL && *str != '\0' && g_regex_match (re, str, 0, NULL);
}

/* Counts characters of the text content as inner_text() would give it, without building it. */
typedef struct
{
  gsize count;
  gboolean pending;
} TextCount;

static void
count_text (const xmlNode *node, TextCount *tc)
{
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      for (const char *p = (const char *) node->content; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          if (g_unichar_isspace (c) || c == 0xA0)
            {
              tc->pending = tc->count > 0;
              continue;
            }
          tc->count += tc->pending ? 2 : 1;
          tc->pending = FALSE;
        }
      return;
    }
  if (node->type != XML_ELEMENT_NODE)
    return;
  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    count_text (c, tc);
}

static gsize
text_length (const xmlNode *node)
{
  TextCount tc = { 0, FALSE };
  count_text (node, &tc);
  return tc.count;
}

static guint
count_commas (const char *text)
{
  guint n = 0;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == ',' || c == 0x060C || c == 0xFE50 || c == 0xFE10 || c == 0xFE11 || c == 0x2E41 || c == 0x2E34
          || c == 0x2E32 || c == 0xFF0C || c == 0x3001)
        n++;
    }
  return n;
}

void
lede_extract_collect_by_tag (xmlNode *node, const char *name, GPtrArray *out)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      {
        if (name == NULL || g_ascii_strcasecmp ((const char *) c->name, name) == 0)
          g_ptr_array_add (out, c);
        lede_extract_collect_by_tag (c, name, out);
      }
}

static guint
count_by_tag (const xmlNode *node, const char *name)
{
  guint n = 0;
  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      {
        if (g_ascii_strcasecmp ((const char *) c->name, name) == 0)
          n++;
        n += count_by_tag (c, name);
      }
  return n;
}

static gsize
text_length_of_tags (const xmlNode *node, const char *const *names)
{
  gsize n = 0;
  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      {
        if (lede_extract_tag_in (c, names))
          n += text_length (c);
        else
          n += text_length_of_tags (c, names);
      }
  return n;
}

static gsize
link_text_length (const xmlNode *node)
{
  double n = 0;
  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      {
        if (lede_html_is_element (c, "a"))
          {
            const char *href = lede_html_get_attr (c, "href");
            /* In-page links (footnotes, tables of contents) weigh less than links away. */
            n += text_length (c) * (href != NULL && href[0] == '#' ? 0.3 : 1.0);
          }
        else
          n += link_text_length (c);
      }
  return (gsize) n;
}

static double
link_density (const xmlNode *node)
{
  gsize len = text_length (node);
  if (len == 0)
    return 0;
  return (double) link_text_length (node) / len;
}

static gboolean
has_ancestor_tag (const xmlNode *node, const char *name, int max_depth)
{
  int depth = 0;
  for (const xmlNode *p = node->parent; p != NULL && p->type == XML_ELEMENT_NODE; p = p->parent)
    {
      if (max_depth > 0 && depth >= max_depth)
        return FALSE;
      if (lede_html_is_element (p, name))
        return TRUE;
      depth++;
    }
  return FALSE;
}

static gboolean
is_whitespace_node (const xmlNode *node)
{
  if (node->type == XML_TEXT_NODE)
    {
      for (const char *p = (const char *) node->content; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
        if (!g_unichar_isspace (g_utf8_get_char (p)))
          return FALSE;
      return TRUE;
    }
  return lede_html_is_element (node, "br");
}

static gboolean
is_phrasing (const xmlNode *node)
{
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    return TRUE;
  if (node->type != XML_ELEMENT_NODE)
    return TRUE; /* comments and the like go along with their neighbours */
  if (lede_extract_tag_in (node, phrasing_elems))
    return TRUE;
  if (lede_html_is_element (node, "a") || lede_html_is_element (node, "del")
      || lede_html_is_element (node, "ins"))
    {
      for (const xmlNode *c = node->children; c != NULL; c = c->next)
        if (!is_phrasing (c))
          return FALSE;
      return TRUE;
    }
  return FALSE;
}

static gboolean
has_child_block (const xmlNode *node)
{
  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && (lede_extract_tag_in (c, div_to_p_elems) || has_child_block (c)))
      return TRUE;
  return FALSE;
}

static gboolean
has_single_child_tag (const xmlNode *node, const char *name)
{
  const xmlNode *only = NULL;
  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type == XML_ELEMENT_NODE)
        {
          if (only != NULL)
            return FALSE;
          only = c;
        }
      else if (c->type == XML_TEXT_NODE && !is_whitespace_node (c))
        return FALSE;
    }
  return only != NULL && lede_html_is_element (only, name);
}

static gboolean
is_without_content (const xmlNode *node)
{
  guint n_children = 0, n_br_hr = 0;
  if (text_length (node) > 0)
    return FALSE;
  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      {
        n_children++;
        if (lede_html_is_element (c, "br") || lede_html_is_element (c, "hr"))
          n_br_hr++;
      }
  return n_children == n_br_hr;
}

/* The next element in document order; skips @node's subtree when @skip_children. */
static xmlNode *
next_node (xmlNode *node, gboolean skip_children)
{
  xmlNode *n;
  if (!skip_children && (n = lede_html_first_element_child (node)) != NULL)
    return n;
  for (; node != NULL && node->type == XML_ELEMENT_NODE; node = node->parent)
    if ((n = lede_html_next_element (node)) != NULL)
      return n;
  return NULL;
}

static xmlNode *
remove_and_next (xmlNode *node)
{
  xmlNode *next = next_node (node, TRUE);
  lede_html_remove (node);
  return next;
}

/* Class names sites use for text only screen readers get ("Image caption", "Advertisement"). */
static gboolean
has_hidden_class (const char *cls)
{
  static const char *const hidden[] = { "sr-only",
                                        "visually-hidden",
                                        "visuallyhidden",
                                        "screen-reader-text",
                                        "screen-reader-only",
                                        "screenreader-only",
                                        "sr-text",
                                        "a11y-hidden",
                                        "offscreen",
                                        "u-hidden",
                                        "hidden",
                                        "is-hidden",
                                        "hide",
                                        "off-screen",
                                        "element-invisible",
                                        "invisible",
                                        NULL };
  g_auto (GStrv) names = g_strsplit_set (cls, " \t\n", -1);

  for (guint i = 0; names[i] != NULL; i++)
    for (guint j = 0; hidden[j] != NULL; j++)
      if (g_ascii_strcasecmp (names[i], hidden[j]) == 0)
        return TRUE;
  return FALSE;
}

static gboolean
is_probably_visible (const xmlNode *node)
{
  const char *style = lede_html_get_attr (node, "style");
  const char *aria = lede_html_get_attr (node, "aria-hidden");
  const char *cls = lede_html_get_attr (node, "class");

  if (style != NULL)
    {
      g_autofree char *s = g_ascii_strdown (style, -1);
      g_autofree char *compact = NULL;
      GString *c = g_string_new (NULL);
      for (const char *p = s; *p; p++)
        if (*p != ' ')
          g_string_append_c (c, *p);
      compact = g_string_free (c, FALSE);
      if (strstr (compact, "display:none") != NULL || strstr (compact, "visibility:hidden") != NULL)
        return FALSE;
    }
  if (lede_html_get_attr (node, "hidden") != NULL)
    return FALSE;
  if (cls != NULL && has_hidden_class (cls) && text_length (node) < 200)
    return FALSE;
  if (aria != NULL && g_str_equal (aria, "true") && (cls == NULL || strstr (cls, "fallback-image") == NULL))
    return FALSE;
  return TRUE;
}

xmlNode *
lede_extract_find_first (xmlNode *root, const char *name)
{
  for (xmlNode *c = root; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      {
        xmlNode *f;
        if (lede_html_is_element (c, name))
          return c;
        if ((f = lede_extract_find_first (c->children, name)) != NULL)
          return f;
      }
  return NULL;
}

char *
lede_extract_collapse_spaces (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) || c == 0xA0)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* ---- scores ---- */

static NodeInfo *
node_info (const xmlNode *node)
{
  return node->_private;
}

static double
class_weight (Pass *pass, const xmlNode *node)
{
  double w = 0;
  const char *cls, *id;

  if (!(pass->flags & FLAG_WEIGHT_CLASSES))
    return 0;
  cls = lede_html_get_attr (node, "class");
  id = lede_html_get_attr (node, "id");
  if (re_match (pass->re->negative, cls))
    w -= 25;
  if (re_match (pass->re->positive, cls))
    w += 25;
  if (re_match (pass->re->negative, id))
    w -= 25;
  if (re_match (pass->re->positive, id))
    w += 25;
  return w;
}

static NodeInfo *
init_node (Pass *pass, xmlNode *node)
{
  NodeInfo *info = g_new0 (NodeInfo, 1);
  const char *t = lede_extract_tag (node);

  g_ptr_array_add (pass->infos, info);
  node->_private = info;
  if (g_str_equal (t, "div"))
    info->score += 5;
  else if (g_str_equal (t, "pre") || g_str_equal (t, "td") || g_str_equal (t, "blockquote"))
    info->score += 3;
  else if (g_str_equal (t, "address") || g_str_equal (t, "ol") || g_str_equal (t, "ul")
           || g_str_equal (t, "dl") || g_str_equal (t, "dd") || g_str_equal (t, "dt") || g_str_equal (t, "li")
           || g_str_equal (t, "form"))
    info->score -= 3;
  else if ((t[0] == 'h' && t[1] >= '1' && t[1] <= '6' && t[2] == '\0') || g_str_equal (t, "th"))
    info->score -= 5;
  info->score += class_weight (pass, node);
  return info;
}

static void
clear_infos (xmlNode *node)
{
  for (xmlNode *c = node; c != NULL; c = c->next)
    {
      c->_private = NULL;
      if (c->type == XML_ELEMENT_NODE && c->children != NULL)
        clear_infos (c->children);
    }
}

/* ---- title and byline ---- */

guint
lede_extract_word_count (const char *s)
{
  guint n = 0;
  gboolean in = FALSE;
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gboolean sp = g_unichar_isspace (g_utf8_get_char (p));
      if (!sp && !in)
        n++;
      in = !sp;
    }
  return n;
}

GPtrArray *
lede_extract_tokens (const char *text)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *low = g_utf8_strdown (text, -1);
  GString *cur = g_string_new (NULL);
  for (const char *p = low;; p = g_utf8_next_char (p))
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;
      if (c != 0 && (g_unichar_isalnum (c) || c == '_'))
        g_string_append_unichar (cur, c);
      else if (cur->len > 0)
        {
          g_ptr_array_add (out, g_strdup (cur->str));
          g_string_truncate (cur, 0);
        }
      if (c == 0)
        break;
    }
  g_string_free (cur, TRUE);
  return out;
}

static gboolean
str_in (GPtrArray *arr, const char *s)
{
  for (guint i = 0; i < arr->len; i++)
    if (g_str_equal (arr->pdata[i], s))
      return TRUE;
  return FALSE;
}

/* How much of @b's wording is in @a, from 0 to 1. */
double
lede_extract_text_similarity (const char *a, const char *b)
{
  g_autoptr (GPtrArray) ta = lede_extract_tokens (a);
  g_autoptr (GPtrArray) tb = lede_extract_tokens (b);
  gsize uniq = 0, all = 0;

  if (ta->len == 0 || tb->len == 0)
    return 0;
  for (guint i = 0; i < tb->len; i++)
    {
      gsize l = g_utf8_strlen (tb->pdata[i], -1);
      all += l + (i > 0);
      if (!str_in (ta, tb->pdata[i]))
        uniq += l + (uniq > 0);
    }
  return 1.0 - (double) uniq / all;
}

static gboolean
header_duplicates_title (Pass *pass, const xmlNode *node)
{
  g_autofree char *text = NULL;
  if (pass->title == NULL || (!lede_html_is_element (node, "h1") && !lede_html_is_element (node, "h2")))
    return FALSE;
  text = lede_html_inner_text (node);
  return lede_extract_text_similarity (pass->title, text) > 0.75;
}

static gboolean
check_byline (Pass *pass, xmlNode *node, const char *match)
{
  const char *rel = lede_html_get_attr (node, "rel");
  const char *itemprop = lede_html_get_attr (node, "itemprop");
  g_autofree char *text = NULL;
  gsize len;

  if (pass->byline != NULL)
    return FALSE;
  if (!(g_strcmp0 (rel, "author") == 0 || (itemprop != NULL && strstr (itemprop, "author") != NULL)
        || re_match (pass->re->byline, match)))
    return FALSE;
  text = lede_html_inner_text (node);
  len = g_utf8_strlen (text, -1);
  if (len == 0 || len >= 100)
    return FALSE;
  pass->byline = g_steal_pointer (&text);
  return TRUE;
}

/* ---- preparing the document ---- */

static void
remove_tags (xmlNode *root, const char *name)
{
  g_autoptr (GPtrArray) nodes = g_ptr_array_new ();
  lede_extract_collect_by_tag (root, name, nodes);
  /* Deepest last in document order: remove from the end so no freed node is visited. */
  for (guint i = nodes->len; i > 0; i--)
    lede_html_remove (nodes->pdata[i - 1]);
}

static void
remove_comments (xmlNode *node)
{
  xmlNode *c = node->children;
  while (c != NULL)
    {
      xmlNode *next = c->next;
      if (c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE)
        lede_html_remove (c);
      else if (c->type == XML_ELEMENT_NODE)
        remove_comments (c);
      c = next;
    }
}

static xmlNode *
next_non_space (xmlNode *node)
{
  while (node != NULL && node->type != XML_ELEMENT_NODE && is_whitespace_node (node))
    node = node->next;
  return node;
}

/* Two or more <br> in a row separate paragraphs: make them <p>. Nodes taken out go to @trash,
 * freed at the end, so no pointer in the list of <br> ever dangles. */
static void
replace_brs (xmlDoc *doc, xmlNode *root)
{
  g_autoptr (GPtrArray) brs = g_ptr_array_new ();
  g_autoptr (GPtrArray) trash = g_ptr_array_new_with_free_func ((GDestroyNotify) xmlFreeNode);

  lede_extract_collect_by_tag (root, "br", brs);
  for (guint i = 0; i < brs->len; i++)
    {
      xmlNode *br = brs->pdata[i];
      xmlNode *next;
      gboolean replaced = FALSE;
      xmlNode *p;

      if (br->parent == NULL)
        continue;
      while ((next = next_non_space (br->next)) != NULL && lede_html_is_element (next, "br"))
        {
          replaced = TRUE;
          xmlUnlinkNode (next);
          g_ptr_array_add (trash, next);
        }
      if (!replaced)
        continue;
      p = xmlNewDocNode (doc, NULL, BAD_CAST "p", NULL);
      xmlReplaceNode (br, p);
      g_ptr_array_add (trash, br);
      next = p->next;
      while (next != NULL)
        {
          xmlNode *sibling;
          if (lede_html_is_element (next, "br"))
            {
              xmlNode *after = next_non_space (next->next);
              if (after != NULL && lede_html_is_element (after, "br"))
                break;
            }
          if (!is_phrasing (next))
            break;
          sibling = next->next;
          xmlUnlinkNode (next);
          /* Not xmlAddChild: it may merge text nodes and free this one. */
          if (p->last == NULL)
            p->children = p->last = next;
          else
            {
              p->last->next = next;
              next->prev = p->last;
              p->last = next;
            }
          next->parent = p;
          next = sibling;
        }
      while (p->last != NULL && is_whitespace_node (p->last))
        {
          xmlNode *last = p->last;
          xmlUnlinkNode (last);
          g_ptr_array_add (trash, last);
        }
      if (lede_html_is_element (p->parent, "p"))
        xmlNodeSetName (p->parent, BAD_CAST "div");
    }
}

static void
prep_document (xmlDoc *doc, xmlNode *root)
{
  remove_comments (root);
  remove_tags (root, "script");
  remove_tags (root, "noscript");
  remove_tags (root, "style");
  remove_tags (root, "template");
  remove_tags (root, "svg");
  {
    g_autoptr (GPtrArray) fonts = g_ptr_array_new ();
    lede_extract_collect_by_tag (root, "font", fonts);
    for (guint i = 0; i < fonts->len; i++)
      xmlNodeSetName (fonts->pdata[i], BAD_CAST "span");
  }
  {
    /* Page-level furniture no article lives in. */
    static const char *const furniture[] = { "nav", "select", "button", "input", "textarea", "dialog", NULL };
    for (guint i = 0; furniture[i] != NULL; i++)
      remove_tags (root, furniture[i]);
  }
  {
    /* javascript: "links" lead nowhere: they are text. */
    g_autoptr (GPtrArray) links = g_ptr_array_new ();
    lede_extract_collect_by_tag (root, "a", links);
    for (guint i = 0; i < links->len; i++)
      {
        const char *href = lede_html_get_attr (links->pdata[i], "href");
        while (href != NULL && g_ascii_isspace (*href))
          href++;
        if (href != NULL && g_ascii_strncasecmp (href, "javascript:", 11) == 0)
          {
            xmlUnsetProp (links->pdata[i], BAD_CAST "href");
            xmlNodeSetName (links->pdata[i], BAD_CAST "span");
          }
      }
  }
  replace_brs (doc, root);
}

/* ---- grabbing the article ---- */

static void
get_ancestors (xmlNode *node, guint max, GPtrArray *out)
{
  guint i = 0;
  for (xmlNode *p = node->parent; p != NULL && p->type == XML_ELEMENT_NODE; p = p->parent)
    {
      g_ptr_array_add (out, p);
      if (max > 0 && ++i == max)
        break;
    }
}

/* Wraps runs of phrasing content directly in a <div> into <p>, like text in a paragraph. */
static void
wrap_phrasing_in_div (xmlDoc *doc, xmlNode *div)
{
  xmlNode *p = NULL;
  xmlNode *child = div->children;

  while (child != NULL)
    {
      xmlNode *next = child->next;
      if (is_phrasing (child))
        {
          if (p != NULL)
            {
              xmlUnlinkNode (child);
              xmlAddChild (p, child);
            }
          else if (!is_whitespace_node (child))
            {
              p = xmlNewDocNode (doc, NULL, BAD_CAST "p", NULL);
              xmlReplaceNode (child, p);
              xmlAddChild (p, child);
            }
        }
      else if (p != NULL)
        {
          while (p->last != NULL && is_whitespace_node (p->last))
            lede_html_remove (p->last);
          p = NULL;
        }
      child = next;
    }
  if (p != NULL)
    while (p->last != NULL && is_whitespace_node (p->last))
      lede_html_remove (p->last);
}

static gboolean
has_unlikely_role (const xmlNode *node)
{
  static const char *const roles[]
    = { "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog", NULL };
  const char *role = lede_html_get_attr (node, "role");
  if (role == NULL)
    return FALSE;
  for (guint i = 0; roles[i] != NULL; i++)
    if (g_ascii_strcasecmp (role, roles[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
mark_data_tables (GPtrArray *infos, xmlNode *root)
{
  g_autoptr (GPtrArray) tables = g_ptr_array_new ();
  lede_extract_collect_by_tag (root, "table", tables);
  for (guint i = 0; i < tables->len; i++)
    {
      xmlNode *t = tables->pdata[i];
      NodeInfo *info = node_info (t);
      const char *role = lede_html_get_attr (t, "role");
      const char *datatable = lede_html_get_attr (t, "datatable");
      gboolean data = FALSE;
      guint rows = 0, cols = 0;
      g_autoptr (GPtrArray) trs = g_ptr_array_new ();

      if (info == NULL)
        {
          info = g_new0 (NodeInfo, 1);
          g_ptr_array_add (infos, info);
          t->_private = info;
        }
      if (g_strcmp0 (role, "presentation") == 0 || g_strcmp0 (datatable, "0") == 0)
        data = FALSE;
      else if (lede_html_get_attr (t, "summary") != NULL || count_by_tag (t, "caption") > 0
               || count_by_tag (t, "col") > 0 || count_by_tag (t, "colgroup") > 0
               || count_by_tag (t, "tfoot") > 0 || count_by_tag (t, "thead") > 0
               || count_by_tag (t, "th") > 0)
        data = TRUE;
      else if (count_by_tag (t, "table") > 0)
        data = FALSE;
      else
        {
          lede_extract_collect_by_tag (t, "tr", trs);
          rows = trs->len;
          for (guint j = 0; j < trs->len; j++)
            cols = MAX (cols, count_by_tag (trs->pdata[j], "td"));
          data = rows >= 10 || cols > 4 || rows * cols > 10;
        }
      info->data_table = data;
    }
}

static gboolean
in_data_table (const xmlNode *node)
{
  for (const xmlNode *p = node->parent; p != NULL && p->type == XML_ELEMENT_NODE; p = p->parent)
    if (lede_html_is_element (p, "table") && node_info (p) != NULL && node_info (p)->data_table)
      return TRUE;
  return FALSE;
}

static gboolean
should_clean (Pass *pass, xmlNode *node, const char *name)
{
  static const char *const headings[] = { "h1", "h2", "h3", "h4", "h5", "h6", NULL };
  static const char *const textish[]
    = { "span", "li", "td", "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul", NULL };
  gboolean is_list = g_str_equal (name, "ul") || g_str_equal (name, "ol");
  gsize inner_len;
  double weight;
  g_autofree char *inner = NULL;

  if (g_str_equal (name, "table") && node_info (node) != NULL && node_info (node)->data_table)
    return FALSE;
  if (in_data_table (node) || has_ancestor_tag (node, "code", 0))
    return FALSE;
  {
    g_autoptr (GPtrArray) tables = g_ptr_array_new ();
    lede_extract_collect_by_tag (node, "table", tables);
    for (guint i = 0; i < tables->len; i++)
      if (node_info (tables->pdata[i]) != NULL && node_info (tables->pdata[i])->data_table)
        return FALSE;
  }

  inner = lede_html_inner_text (node);
  inner_len = g_utf8_strlen (inner, -1);
  if (!is_list)
    {
      static const char *const lists[] = { "ul", "ol", NULL };
      gsize list_len = text_length_of_tags (node, lists);
      is_list = inner_len > 0 && (double) list_len / inner_len > 0.9;
    }

  weight = class_weight (pass, node);
  if (weight < 0)
    return TRUE;

  if (count_commas (inner) < 10)
    {
      guint p = count_by_tag (node, "p");
      guint img = count_by_tag (node, "img");
      int li = (int) count_by_tag (node, "li") - 100;
      guint input = count_by_tag (node, "input");
      double heading_density = inner_len > 0 ? (double) text_length_of_tags (node, headings) / inner_len : 0;
      double text_density = inner_len > 0 ? (double) text_length_of_tags (node, textish) / inner_len : 0;
      guint embeds
        = count_by_tag (node, "object") + count_by_tag (node, "embed") + count_by_tag (node, "iframe");
      double ld = link_density (node);
      gboolean figure_child = has_ancestor_tag (node, "figure", 0);
      gboolean remove = FALSE;

      if (re_match (pass->re->ad_words, inner) || re_match (pass->re->loading_words, inner))
        return TRUE;

      if (!figure_child && img > 1 && (double) p / img < 0.5)
        remove = TRUE;
      else if (!is_list && li > (int) p)
        remove = TRUE;
      else if (input > p / 3)
        remove = TRUE;
      else if (!is_list && !figure_child && heading_density < 0.9 && inner_len < 25 && (img == 0 || img > 2)
               && ld > 0)
        remove = TRUE;
      else if (!is_list && weight < 25 && ld > 0.2)
        remove = TRUE;
      else if (weight >= 25 && ld > 0.5)
        remove = TRUE;
      else if ((embeds == 1 && inner_len < 75) || embeds > 1)
        remove = TRUE;
      else if (img == 0 && text_density == 0)
        remove = TRUE;

      /* A simple list of images may stay. */
      if (is_list && remove)
        {
          for (xmlNode *c = lede_html_first_element_child (node); c != NULL; c = lede_html_next_element (c))
            {
              guint n = 0;
              for (xmlNode *cc = lede_html_first_element_child (c); cc != NULL;
                   cc = lede_html_next_element (cc))
                n++;
              if (n > 1)
                return remove;
            }
          if (img == count_by_tag (node, "li"))
            return FALSE;
        }
      return remove;
    }
  return FALSE;
}

static void
clean_conditionally (Pass *pass, xmlNode *root, const char *name)
{
  g_autoptr (GPtrArray) nodes = NULL;

  if (!(pass->flags & FLAG_CLEAN_CONDITIONALLY))
    return;
  nodes = g_ptr_array_new ();
  lede_extract_collect_by_tag (root, name, nodes);
  /* From the last: a node removed never holds one still to be looked at. */
  for (guint i = nodes->len; i > 0; i--)
    if (should_clean (pass, nodes->pdata[i - 1], name))
      lede_html_remove (nodes->pdata[i - 1]);
}

/* "Advertisement" and the like, left where an advert was. */
static gboolean
is_ad_label (Pass *pass, xmlNode *node)
{
  g_autofree char *text = lede_html_inner_text (node);
  return re_match (pass->re->ad_words, text);
}

static void
clean_share (Pass *pass, xmlNode *node)
{
  xmlNode *c = node->children;
  while (c != NULL)
    {
      xmlNode *next = c->next;
      if (c->type == XML_ELEMENT_NODE)
        {
          g_autofree char *m = match_string (c);
          gsize len = text_length (c);
          if (re_match (pass->re->share, m) && len < CHAR_THRESHOLD)
            lede_html_remove (c);
          else if (len > 0 && len < 40 && is_ad_label (pass, c))
            lede_html_remove (c);
          else
            clean_share (pass, c);
        }
      c = next;
    }
}

static void
prep_article (Pass *pass, xmlNode *article)
{
  static const char *const always[] = { "object", "embed",    "footer", "link",   "aside", "iframe",
                                        "input",  "textarea", "select", "button", "nav",   NULL };

  mark_data_tables (pass->infos, article);
  clean_conditionally (pass, article, "form");
  clean_conditionally (pass, article, "fieldset");
  for (xmlNode *c = lede_html_first_element_child (article); c != NULL; c = lede_html_next_element (c))
    clean_share (pass, c);
  for (guint i = 0; always[i] != NULL; i++)
    remove_tags (article, always[i]);

  /* Headings that look like page furniture. */
  {
    g_autoptr (GPtrArray) hs = g_ptr_array_new ();
    lede_extract_collect_by_tag (article, "h1", hs);
    lede_extract_collect_by_tag (article, "h2", hs);
    for (guint i = hs->len; i > 0; i--)
      if (class_weight (pass, hs->pdata[i - 1]) < 0)
        lede_html_remove (hs->pdata[i - 1]);
  }

  clean_conditionally (pass, article, "table");
  clean_conditionally (pass, article, "ul");
  clean_conditionally (pass, article, "div");

  /* Empty paragraphs. */
  {
    g_autoptr (GPtrArray) ps = g_ptr_array_new ();
    lede_extract_collect_by_tag (article, "p", ps);
    for (guint i = ps->len; i > 0; i--)
      {
        xmlNode *p = ps->pdata[i - 1];
        if (count_by_tag (p, "img") == 0 && count_by_tag (p, "embed") == 0 && count_by_tag (p, "object") == 0
            && count_by_tag (p, "iframe") == 0 && text_length (p) == 0)
          lede_html_remove (p);
      }
  }
}

static gboolean
ends_sentence (const char *text)
{
  /* A period followed by a space or the end: short paragraphs that are prose, not labels. */
  const char *p = text;
  while ((p = strchr (p, '.')) != NULL)
    {
      if (p[1] == ' ' || p[1] == '\0')
        return TRUE;
      p++;
    }
  return FALSE;
}

static int
compare_scores (gconstpointer a, gconstpointer b)
{
  double sa = node_info (*(xmlNode **) a)->score;
  double sb = node_info (*(xmlNode **) b)->score;
  return sa < sb ? 1 : sa > sb ? -1 : 0;
}

/* One pass of Readability's grabArticle over a fresh tree. Returns the new article container. */
static xmlNode *
grab_article (Pass *pass, xmlNode *body)
{
  xmlDoc *doc = pass->doc;
  g_autoptr (GPtrArray) to_score = g_ptr_array_new ();
  g_autoptr (GPtrArray) candidates = g_ptr_array_new ();
  g_autoptr (GPtrArray) top = g_ptr_array_new ();
  gboolean strip = (pass->flags & FLAG_STRIP_UNLIKELYS) != 0;
  gboolean should_remove_title = TRUE;
  xmlNode *node;
  xmlNode *top_candidate = NULL;
  xmlNode *article;
  xmlNode *parent;
  double threshold;

  node = body;
  while (node != NULL)
    {
      g_autofree char *match = match_string (node);
      const char *t = lede_extract_tag (node);

      if (node != body && !is_probably_visible (node))
        {
          node = remove_and_next (node);
          continue;
        }
      if (g_strcmp0 (lede_html_get_attr (node, "aria-modal"), "true") == 0
          && g_strcmp0 (lede_html_get_attr (node, "role"), "dialog") == 0)
        {
          node = remove_and_next (node);
          continue;
        }
      if (node != body && check_byline (pass, node, match))
        {
          node = remove_and_next (node);
          continue;
        }
      if (should_remove_title && header_duplicates_title (pass, node))
        {
          should_remove_title = FALSE;
          node = remove_and_next (node);
          continue;
        }
      if (strip && node != body)
        {
          if (re_match (pass->re->unlikely, match) && !re_match (pass->re->maybe_candidate, match)
              && !has_ancestor_tag (node, "table", 0) && !has_ancestor_tag (node, "code", 0)
              && !g_str_equal (t, "a") && !g_str_equal (t, "article") && !g_str_equal (t, "main"))
            {
              node = remove_and_next (node);
              continue;
            }
          if (has_unlikely_role (node))
            {
              node = remove_and_next (node);
              continue;
            }
        }
      if ((g_str_equal (t, "div") || g_str_equal (t, "section") || g_str_equal (t, "header")
           || (t[0] == 'h' && t[1] >= '1' && t[1] <= '6' && t[2] == '\0'))
          && node != body && is_without_content (node))
        {
          node = remove_and_next (node);
          continue;
        }
      if (lede_extract_tag_in (node, tags_to_score))
        g_ptr_array_add (to_score, node);

      if (g_str_equal (t, "div"))
        {
          wrap_phrasing_in_div (doc, node);
          if (has_single_child_tag (node, "p") && link_density (node) < 0.25)
            {
              xmlNode *child = lede_html_first_element_child (node);
              xmlUnlinkNode (child);
              xmlReplaceNode (node, child);
              xmlFreeNode (node);
              node = child;
              g_ptr_array_add (to_score, node);
            }
          else if (!has_child_block (node))
            {
              xmlNodeSetName (node, BAD_CAST "p");
              g_ptr_array_add (to_score, node);
            }
        }
      node = next_node (node, FALSE);
    }

  /* Each paragraph gives its score to its ancestors, less the farther they are. */
  for (guint i = 0; i < to_score->len; i++)
    {
      xmlNode *el = to_score->pdata[i];
      g_autofree char *text = NULL;
      g_autoptr (GPtrArray) ancestors = g_ptr_array_new ();
      gsize len;
      double score;

      if (el->parent == NULL || el->parent->type != XML_ELEMENT_NODE)
        continue;
      text = lede_html_inner_text (el);
      len = g_utf8_strlen (text, -1);
      if (len < 25)
        continue;
      get_ancestors (el, 5, ancestors);
      if (ancestors->len == 0)
        continue;
      score = 1 + count_commas (text) + 1 + MIN (floor (len / 100.0), 3);
      for (guint level = 0; level < ancestors->len; level++)
        {
          xmlNode *a = ancestors->pdata[level];
          double divider;
          if (a->parent == NULL || a->parent->type != XML_ELEMENT_NODE)
            break;
          if (node_info (a) == NULL)
            {
              init_node (pass, a);
              g_ptr_array_add (candidates, a);
            }
          divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
          node_info (a)->score += score / divider;
        }
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      xmlNode *c = candidates->pdata[i];
      node_info (c)->score *= 1 - link_density (c);
    }
  g_ptr_array_sort (candidates, compare_scores);
  for (guint i = 0; i < candidates->len && i < N_TOP_CANDIDATES; i++)
    g_ptr_array_add (top, candidates->pdata[i]);

  top_candidate = top->len > 0 ? top->pdata[0] : NULL;
  if (top_candidate == NULL || lede_html_is_element (top_candidate, "body"))
    {
      /* Nothing stands out: the whole body is the article. */
      xmlNode *div = xmlNewDocNode (doc, NULL, BAD_CAST "div", NULL);
      while (body->children != NULL)
        {
          xmlNode *c = body->children;
          xmlUnlinkNode (c);
          xmlAddChild (div, c);
        }
      xmlAddChild (body, div);
      init_node (pass, div);
      top_candidate = div;
    }
  else
    {
      g_autoptr (GPtrArray) alternatives
        = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      double last_score;
      double score_threshold;

      /* When several strong candidates share an ancestor, the article is that ancestor. */
      for (guint i = 1; i < top->len; i++)
        if (node_info (top->pdata[i])->score / node_info (top_candidate)->score >= 0.75)
          {
            GPtrArray *anc = g_ptr_array_new ();
            get_ancestors (top->pdata[i], 0, anc);
            g_ptr_array_add (alternatives, anc);
          }
      if (alternatives->len >= 3)
        {
          for (parent = top_candidate->parent;
               parent != NULL && parent->type == XML_ELEMENT_NODE && !lede_html_is_element (parent, "body");
               parent = parent->parent)
            {
              guint n = 0;
              for (guint i = 0; i < alternatives->len; i++)
                {
                  GPtrArray *anc = alternatives->pdata[i];
                  for (guint j = 0; j < anc->len; j++)
                    if (anc->pdata[j] == parent)
                      {
                        n++;
                        break;
                      }
                }
              if (n >= 3)
                {
                  top_candidate = parent;
                  break;
                }
            }
        }
      if (node_info (top_candidate) == NULL)
        init_node (pass, top_candidate);

      /* Climb while the parent scores higher: the article often spans several scored blocks. */
      last_score = node_info (top_candidate)->score;
      score_threshold = last_score / 3;
      for (parent = top_candidate->parent;
           parent != NULL && parent->type == XML_ELEMENT_NODE && !lede_html_is_element (parent, "body");
           parent = parent->parent)
        {
          double ps;
          if (node_info (parent) == NULL)
            continue;
          ps = node_info (parent)->score;
          if (ps < score_threshold)
            break;
          if (ps > last_score)
            {
              top_candidate = parent;
              break;
            }
          last_score = ps;
        }

      /* An only child says no more than its parent. */
      for (parent = top_candidate->parent;
           parent != NULL && parent->type == XML_ELEMENT_NODE && !lede_html_is_element (parent, "body");
           parent = top_candidate->parent)
        {
          guint n = 0;
          for (xmlNode *c = lede_html_first_element_child (parent); c != NULL; c = lede_html_next_element (c))
            n++;
          if (n != 1)
            break;
          top_candidate = parent;
        }
      if (node_info (top_candidate) == NULL)
        init_node (pass, top_candidate);
    }

  /* Siblings that look like more of the same join the article. */
  article = xmlNewDocNode (doc, NULL, BAD_CAST "div", NULL);
  threshold = MAX (10, node_info (top_candidate)->score * 0.2);
  parent = top_candidate->parent;
  {
    g_autoptr (GPtrArray) siblings = g_ptr_array_new ();
    const char *top_class = lede_html_get_attr (top_candidate, "class");

    for (xmlNode *s = lede_html_first_element_child (parent); s != NULL; s = lede_html_next_element (s))
      g_ptr_array_add (siblings, s);
    for (guint i = 0; i < siblings->len; i++)
      {
        xmlNode *s = siblings->pdata[i];
        gboolean append = FALSE;

        if (s == top_candidate)
          append = TRUE;
        else
          {
            double bonus = 0;
            const char *cls = lede_html_get_attr (s, "class");
            if (top_class != NULL && *top_class != '\0' && g_strcmp0 (cls, top_class) == 0)
              bonus += node_info (top_candidate)->score * 0.2;
            if (node_info (s) != NULL && node_info (s)->score + bonus >= threshold)
              append = TRUE;
            else if (lede_html_is_element (s, "p"))
              {
                g_autofree char *text = lede_html_inner_text (s);
                gsize len = g_utf8_strlen (text, -1);
                double ld = link_density (s);
                if (len > 80 && ld < 0.25)
                  append = TRUE;
                else if (len < 80 && len > 0 && ld == 0 && ends_sentence (text))
                  append = TRUE;
              }
          }
        if (append)
          {
            static const char *const keep[] = { "div", "article", "section", "p", "ol", "ul", NULL };
            if (!lede_extract_tag_in (s, keep))
              xmlNodeSetName (s, BAD_CAST "div");
            xmlUnlinkNode (s);
            xmlAddChild (article, s);
          }
      }
  }

  /* Keep the container in the document so ancestors checks and the tree stay sound. */
  xmlAddChild (body, article);
  prep_article (pass, article);
  return article;
}

/* ---- entry points ---- */

gboolean
lede_extract_is_html_file (const char *name, const char *data, gsize length)
{
  const char *slash = name ? strrchr (name, '/') : NULL;
  const char *dot = name ? strrchr (name, '.') : NULL;

  if (dot != NULL && (slash == NULL || dot > slash)
      && (g_ascii_strcasecmp (dot, ".html") == 0 || g_ascii_strcasecmp (dot, ".htm") == 0
          || g_ascii_strcasecmp (dot, ".xhtml") == 0 || g_ascii_strcasecmp (dot, ".shtml") == 0))
    return TRUE;
  return lede_extract_looks_like_html (data, length);
}

gboolean
lede_extract_looks_like_html (const char *data, gsize length)
{
  gsize i = 0;
  gsize n = MIN (length, 4096);

  if (n >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  for (;;)
    {
      while (i < n && g_ascii_isspace (data[i]))
        i++;
      if (i + 4 <= n && memcmp (data + i, "<!--", 4) == 0)
        {
          const char *end = g_strstr_len (data + i, n - i, "-->");
          if (end == NULL)
            return FALSE;
          i = end - data + 3;
          continue;
        }
      if (i + 5 <= n && memcmp (data + i, "<?xml", 5) == 0)
        {
          const char *end = g_strstr_len (data + i, n - i, "?>");
          if (end == NULL)
            return FALSE;
          i = end - data + 2;
          continue;
        }
      break;
    }
  if (i + 14 <= n && g_ascii_strncasecmp (data + i, "<!doctype html", 14) == 0)
    return TRUE;
  if (i + 5 <= n && g_ascii_strncasecmp (data + i, "<html", 5) == 0
      && (i + 5 == n || data[i + 5] == '>' || g_ascii_isspace (data[i + 5])))
    return TRUE;
  if (i + 5 <= n
      && (g_ascii_strncasecmp (data + i, "<head", 5) == 0 || g_ascii_strncasecmp (data + i, "<body", 5) == 0))
    return TRUE;
  return FALSE;
}

/* Text as found in JSON-LD, where sites often leave HTML entities ("it&#8217;s"). */
static char *
decode_entities (const char *line)
{
  g_autofree char *wrapped = NULL;
  g_autoptr (xmlDoc) doc = NULL;
  xmlNode *root;

  if (strchr (line, '&') == NULL)
    return lede_extract_collapse_spaces (line);
  wrapped = g_strconcat ("<html><body><p>", line, "</p></body></html>", NULL);
  doc = lede_html_parse (wrapped, strlen (wrapped), NULL, "UTF-8");
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  return root != NULL ? lede_html_inner_text (root) : lede_extract_collapse_spaces (line);
}

/* The article from a JSON-LD articleBody: plain text with line breaks, or sometimes HTML. */
static LedeArticle *
article_from_body (const char *body, const char *base_uri, char **html)
{
  g_autoptr (LedeArticle) article = lede_article_new ();
  gboolean is_html
    = strstr (body, "</p>") != NULL || strstr (body, "<br") != NULL || strstr (body, "</div>") != NULL;

  if (is_html)
    {
      g_autoptr (xmlDoc) doc = lede_html_parse (body, strlen (body), base_uri, "UTF-8");
      xmlNode *root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
      xmlNode *content = root != NULL ? lede_extract_find_first (root, "body") : NULL;
      if (content == NULL)
        return NULL;
      prep_document (doc, content);
      lede_extract_build_blocks (article, content, base_uri);
      *html = lede_sanitize_node (content, base_uri);
    }
  else
    {
      g_auto (GStrv) lines = g_strsplit (body, "\n", -1);
      GString *out = g_string_new (NULL);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autofree char *text = decode_entities (lines[i]);
          g_autofree char *escaped = NULL;
          if (*text == '\0')
            continue;
          lede_article_add_block (article, LEDE_BLOCK_PARAGRAPH, 0, text);
          escaped = g_markup_escape_text (text, -1);
          g_string_append_printf (out, "<p>%s</p>", escaped);
        }
      *html = g_string_free (out, FALSE);
    }
  return g_steal_pointer (&article);
}

typedef struct
{
  xmlDoc *doc;
  xmlNode *content;
  gsize length;
  char *byline;
} Attempt;

LedeArticle *
lede_extract_article (const char *data,
                      gsize length,
                      const char *base_uri,
                      const char *charset,
                      GError **error)
{
  g_autoptr (LedeArticle) article = NULL;
  g_autoptr (xmlDoc) meta_doc = NULL;
  g_autoptr (GPtrArray) infos = g_ptr_array_new_with_free_func (g_free);
  xmlNode *root;
  LedeExtractMeta meta = { 0 };
  g_autofree char *lang = NULL;
  g_autofree char *html = NULL;
  Attempt attempts[4] = { { 0 } };
  guint n_attempts = 0;
  Attempt *best = NULL;
  guint flags = FLAG_STRIP_UNLIKELYS | FLAG_WEIGHT_CLASSES | FLAG_CLEAN_CONDITIONALLY;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  {
    gsize i = 0;
    while (i < length && g_ascii_isspace (data[i]))
      i++;
    if (i == length)
      {
        g_set_error_literal (error, LEDE_EXTRACT_ERROR, LEDE_EXTRACT_ERROR_NO_ARTICLE,
                             _ ("The page is empty"));
        return NULL;
      }
  }
  meta_doc = lede_html_parse (data, length, base_uri, charset);
  root = meta_doc != NULL ? xmlDocGetRootElement (meta_doc) : NULL;
  if (root == NULL)
    {
      g_set_error_literal (error, LEDE_EXTRACT_ERROR, LEDE_EXTRACT_ERROR_NOT_HTML,
                           _ ("The page is not HTML"));
      return NULL;
    }

  /* Metadata first, from the untouched page: JSON-LD, then <meta>, then <title>. */
  lede_extract_read_metadata (root, &meta);
  {
    const char *l = lede_html_get_attr (root, "lang");
    if (l == NULL)
      l = lede_html_get_attr (root, "xml:lang");
    lang = g_strdup (l);
    if (lang == NULL && meta.locale != NULL)
      {
        /* og:locale spells it en_GB. */
        lang = g_strdup (meta.locale);
        g_strdelimit (lang, "_", '-');
      }
  }

  /* Each pass works on a fresh tree: the passes cut the tree apart. */
  while (TRUE)
    {
      Pass pass = { patterns (), NULL, flags, meta.title, NULL, infos };
      xmlNode *proot;
      xmlNode *body;
      Attempt *a = &attempts[n_attempts++];

      pass.doc = lede_html_parse (data, length, base_uri, charset);
      proot = pass.doc != NULL ? xmlDocGetRootElement (pass.doc) : NULL;
      a->doc = pass.doc;
      if (proot == NULL)
        break;
      prep_document (pass.doc, proot);
      body = lede_extract_find_first (proot, "body");
      if (body == NULL)
        body = proot;
      a->content = grab_article (&pass, body);
      a->length = text_length (a->content);
      a->byline = pass.byline;
      clear_infos (proot);
      g_ptr_array_set_size (infos, 0);

      if (a->length >= CHAR_THRESHOLD || n_attempts == G_N_ELEMENTS (attempts))
        break;
      if (flags & FLAG_STRIP_UNLIKELYS)
        flags &= ~FLAG_STRIP_UNLIKELYS;
      else if (flags & FLAG_WEIGHT_CLASSES)
        flags &= ~FLAG_WEIGHT_CLASSES;
      else
        flags &= ~FLAG_CLEAN_CONDITIONALLY;
    }
  for (guint i = 0; i < n_attempts; i++)
    if (attempts[i].content != NULL && (best == NULL || attempts[i].length > best->length))
      best = &attempts[i];

  article = lede_article_new ();
  if (best != NULL)
    lede_extract_build_blocks (article, best->content, base_uri);

  /* Pages that build their text with scripts often carry all of it in JSON-LD. */
  if (meta.body != NULL)
    {
      guint words = lede_article_count_words (article);
      g_autoptr (LedeArticle) from_json = article_from_body (meta.body, base_uri, &html);
      guint json_words = from_json != NULL ? lede_article_count_words (from_json) : 0;
      if (json_words >= 50 && json_words >= 2 * words)
        {
          g_clear_object (&article);
          article = g_steal_pointer (&from_json);
        }
      else
        g_clear_pointer (&html, g_free);
    }
  lede_article_set_uri (article, base_uri);

  if (html == NULL
      && (best == NULL
          || lede_article_count_words (article) < LEDE_EXTRACT_MIN_WORDS
          /* Mostly links: an index or a menu, not an article. */
          || link_density (best->content) > 0.5))
    {
      for (guint i = 0; i < n_attempts; i++)
        {
          g_clear_pointer (&attempts[i].doc, xmlFreeDoc);
          g_free (attempts[i].byline);
        }
      lede_extract_meta_clear (&meta);
      g_set_error_literal (error, LEDE_EXTRACT_ERROR, LEDE_EXTRACT_ERROR_NO_ARTICLE,
                           _ ("The page has no article text"));
      return NULL;
    }

  if (html == NULL)
    html = lede_sanitize_node (best->content, base_uri);
  lede_article_set_html (article, html);

  {
    g_autofree char *title = meta.title != NULL ? lede_extract_collapse_spaces (meta.title) : NULL;
    lede_article_set_title (article, title);
  }
  lede_article_set_byline (article, meta.byline != NULL ? meta.byline : best != NULL ? best->byline : NULL);
  lede_article_set_date (article, meta.date);
  lede_article_set_site_name (article, meta.site_name);
  {
    g_autofree char *image = lede_html_resolve_url (base_uri, meta.image);
    if (image == NULL)
      for (guint i = 0; i < lede_article_get_n_blocks (article) && image == NULL; i++)
        if (lede_article_get_block (article, i)->kind == LEDE_BLOCK_FIGURE)
          image = g_strdup (lede_article_get_block (article, i)->src);
    lede_article_set_lead_image (article, image);
  }
  lede_article_set_language (article, lang);
  if (meta.excerpt != NULL)
    lede_article_set_excerpt (article, meta.excerpt);
  else
    for (guint i = 0; i < lede_article_get_n_blocks (article); i++)
      if (lede_article_get_block (article, i)->kind == LEDE_BLOCK_PARAGRAPH)
        {
          lede_article_set_excerpt (article, lede_article_get_block (article, i)->text);
          break;
        }

  for (guint i = 0; i < n_attempts; i++)
    {
      g_clear_pointer (&attempts[i].doc, xmlFreeDoc);
      g_free (attempts[i].byline);
    }
  lede_extract_meta_clear (&meta);
  return g_steal_pointer (&article);
}

typedef struct
{
  GBytes *data;
  char *base_uri;
  char *charset;
} ExtractJob;

static void
extract_job_free (ExtractJob *job)
{
  g_bytes_unref (job->data);
  g_free (job->base_uri);
  g_free (job->charset);
  g_free (job);
}

static void
extract_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  ExtractJob *job = task_data;
  GError *error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (job->data, &len);
  LedeArticle *article;

  if (g_task_return_error_if_cancelled (task))
    return;
  article = lede_extract_article (data != NULL ? data : "", len, job->base_uri, job->charset, &error);
  if (article == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, article, g_object_unref);
}

void
lede_extract_article_async (GBytes *data,
                            const char *base_uri,
                            const char *charset,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  ExtractJob *job;

  g_return_if_fail (data != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, lede_extract_article_async);
  job = g_new0 (ExtractJob, 1);
  job->data = g_bytes_ref (data);
  job->base_uri = g_strdup (base_uri);
  job->charset = g_strdup (charset);
  g_task_set_task_data (task, job, (GDestroyNotify) extract_job_free);
  g_task_run_in_thread (task, extract_thread);
}

LedeArticle *
lede_extract_article_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lede_extract_article_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
