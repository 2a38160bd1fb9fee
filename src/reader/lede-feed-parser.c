/* lede-feed-parser.c: reads RSS 2.0, RSS 1.0 (RDF), Atom 1.0 and JSON Feed 1.1 into a LedeFeed. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "lede-feed-parser.h"
#include "lede-sanitize.h"

GQuark
lede_feed_error_quark (void)
{
  return g_quark_from_static_string ("lede-feed-error-quark");
}

#define NS_ATOM "http://www.w3.org/2005/Atom"
#define NS_ATOM03 "http://purl.org/atom/ns#"
#define NS_RSS1 "http://purl.org/rss/1.0/"
#define NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NS_DC "http://purl.org/dc/elements/1.1/"
#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define NS_MEDIA "http://search.yahoo.com/mrss/"
#define NS_ITUNES "http://www.itunes.com/dtds/podcast-1.0.dtd"

void
lede_feed_item_free (LedeFeedItem *item)
{
  if (item == NULL)
    return;
  g_free (item->guid);
  g_free (item->url);
  g_free (item->title);
  g_free (item->author);
  g_free (item->summary);
  g_free (item->content);
  g_free (item->image_url);
  g_free (item->enclosure_url);
  g_free (item->enclosure_type);
  g_free (item);
}

void
lede_feed_free (LedeFeed *feed)
{
  if (feed == NULL)
    return;
  g_free (feed->title);
  g_free (feed->site_url);
  g_free (feed->self_url);
  g_free (feed->description);
  g_free (feed->image_url);
  g_clear_pointer (&feed->items, g_ptr_array_unref);
  g_free (feed);
}

static LedeFeed *
feed_new (LedeFeedFormat format)
{
  LedeFeed *feed = g_new0 (LedeFeed, 1);
  feed->format = format;
  feed->items = g_ptr_array_new_with_free_func ((GDestroyNotify) lede_feed_item_free);
  return feed;
}

const char *
lede_feed_format_to_string (LedeFeedFormat format)
{
  switch (format)
    {
      case LEDE_FEED_FORMAT_RSS2: return "rss";
      case LEDE_FEED_FORMAT_RDF: return "rdf";
      case LEDE_FEED_FORMAT_ATOM: return "atom";
      case LEDE_FEED_FORMAT_JSON: return "json";
      default: return "unknown";
    }
}

/* ---- dates ---- */

static const char *months[]
  = { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" };

static const struct
{
  const char *name;
  int hours;
} zones[] = {
  { "GMT", 0 },  { "UT", 0 },   { "UTC", 0 },  { "Z", 0 },    { "EST", -5 }, { "EDT", -4 },
  { "CST", -6 }, { "CDT", -5 }, { "MST", -7 }, { "MDT", -6 }, { "PST", -8 }, { "PDT", -7 },
  { "CET", 1 },  { "CEST", 2 }, { "BST", 1 },  { "IST", 0 },  { "JST", 9 },  { "AEST", 10 },
};

static gboolean
read_int (const char **p, int min_digits, int max_digits, int *out)
{
  int n = 0, v = 0;
  while (n < max_digits && g_ascii_isdigit ((*p)[n]))
    {
      v = v * 10 + ((*p)[n] - '0');
      n++;
    }
  if (n < min_digits)
    return FALSE;
  *p += n;
  *out = v;
  return TRUE;
}

static void
skip_spaces (const char **p)
{
  while (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r' || **p == ',')
    (*p)++;
}

static gboolean
make_time (int year, int month, int day, int hour, int min, double sec, int offset_minutes, gint64 *out)
{
  g_autoptr (GDateTime) dt = NULL;

  if (year < 1970 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || min > 59
      || sec >= 61)
    return FALSE;
  if (hour == 24)
    hour = 0; /* "24:00" is midnight; some feeds write it */
  if (sec >= 60)
    sec = 59;
  dt = g_date_time_new_utc (year, month, day, hour, min, sec);
  if (dt == NULL)
    return FALSE;
  *out = g_date_time_to_unix (dt) - (gint64) offset_minutes * 60;
  return TRUE;
}

/* An offset "+0100", "+01:00", "-05", or a zone name; FALSE when none is there. */
static gboolean
read_zone (const char **p, int *offset_minutes)
{
  const char *s = *p;

  if (*s == '+' || *s == '-')
    {
      int sign = *s == '-' ? -1 : 1, hh = 0, mm = 0;
      s++;
      if (!read_int (&s, 2, 2, &hh))
        return FALSE;
      if (*s == ':')
        s++;
      read_int (&s, 2, 2, &mm);
      *offset_minutes = sign * (hh * 60 + mm);
      *p = s;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      gsize n = strlen (zones[i].name);
      if (g_ascii_strncasecmp (s, zones[i].name, n) == 0 && !g_ascii_isalpha (s[n]))
        {
          *offset_minutes = zones[i].hours * 60;
          *p = s + n;
          /* "GMT+2" */
          if (**p == '+' || **p == '-')
            {
              int extra = 0;
              if (read_zone (p, &extra))
                *offset_minutes += extra;
            }
          return TRUE;
        }
    }
  return FALSE;
}

/* RFC 3339 and the ISO 8601 forms feeds use: "2024-02-05T10:00:00.5+01:00", "2024-02-05 10:00Z",
 * "2024-02-05". No zone means UTC. */
static gboolean
parse_rfc3339 (const char *s, gint64 *out)
{
  int year, month, day, hour = 0, min = 0, isec = 0, offset = 0;
  double frac = 0;

  if (!read_int (&s, 4, 4, &year) || *s++ != '-' || !read_int (&s, 1, 2, &month) || *s++ != '-'
      || !read_int (&s, 1, 2, &day))
    return FALSE;
  if (*s == 'T' || *s == 't' || *s == ' ')
    {
      s++;
      if (!read_int (&s, 1, 2, &hour) || *s++ != ':' || !read_int (&s, 2, 2, &min))
        return FALSE;
      if (*s == ':')
        {
          s++;
          if (!read_int (&s, 2, 2, &isec))
            return FALSE;
          if (*s == '.' || *s == ',')
            {
              double scale = 0.1;
              s++;
              while (g_ascii_isdigit (*s))
                {
                  frac += (*s - '0') * scale;
                  scale /= 10;
                  s++;
                }
            }
        }
      while (*s == ' ')
        s++;
      if (*s != '\0' && !read_zone (&s, &offset))
        return FALSE;
    }
  (void) frac; /* whole seconds are all a reader needs */
  return make_time (year, month, day, hour, min, isec, offset, out);
}

/* RFC 822/1123 and its common variants: no weekday, full month or weekday names, two-digit years,
 * no seconds, "+01:00" offsets, named zones, no zone (UTC). */
static gboolean
parse_rfc822 (const char *s, gint64 *out)
{
  int day, month = -1, year, hour = 0, min = 0, sec = 0, offset = 0;

  skip_spaces (&s);
  /* optional weekday */
  if (g_ascii_isalpha (*s))
    {
      const char *w = s;
      while (g_ascii_isalpha (*w) || *w == '.')
        w++;
      s = w;
      skip_spaces (&s);
    }
  if (!read_int (&s, 1, 2, &day))
    return FALSE;
  while (*s == ' ' || *s == '-')
    s++;
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_ascii_strncasecmp (s, months[i], 3) == 0)
      {
        month = i + 1;
        break;
      }
  if (month < 0)
    return FALSE;
  while (g_ascii_isalpha (*s) || *s == '.')
    s++;
  while (*s == ' ' || *s == '-' || *s == ',')
    s++;
  if (!read_int (&s, 2, 4, &year))
    return FALSE;
  if (year < 100)
    year += year < 70 ? 2000 : 1900;
  skip_spaces (&s);
  if (g_ascii_isdigit (*s))
    {
      if (!read_int (&s, 1, 2, &hour) || *s++ != ':' || !read_int (&s, 2, 2, &min))
        return FALSE;
      if (*s == ':')
        {
          s++;
          if (!read_int (&s, 1, 2, &sec))
            return FALSE;
        }
      skip_spaces (&s);
      if (*s != '\0' && !read_zone (&s, &offset))
        offset = 0; /* an unknown zone name: closer to right than no date at all */
    }
  return make_time (year, month, day, hour, min, sec, offset, out);
}

/**
 * lede_feed_parse_date:
 * @str: a date as feeds write it (RFC 822 or RFC 3339, and their common variants)
 * @out_unix: (out): seconds since the Unix epoch, UTC
 *
 * Returns: %TRUE when @str holds a date Lede understands
 */
gboolean
lede_feed_parse_date (const char *str, gint64 *out_unix)
{
  const char *s = str;

  if (s == NULL)
    return FALSE;
  while (g_ascii_isspace (*s))
    s++;
  if (g_ascii_isdigit (s[0]) && g_ascii_isdigit (s[1]) && g_ascii_isdigit (s[2]) && g_ascii_isdigit (s[3])
      && s[4] == '-')
    return parse_rfc3339 (s, out_unix);
  return parse_rfc822 (s, out_unix);
}

/* ---- HTML to text ---- */

static gboolean
is_block_tag (const char *name, gsize n)
{
  static const char *blocks[]
    = { "p",  "br", "div", "li", "h1", "h2", "h3",  "h4",    "h5",     "h6",
        "tr", "td", "th",  "ul", "ol", "hr", "pre", "table", "figure", "blockquote" };
  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    if (strlen (blocks[i]) == n && g_ascii_strncasecmp (name, blocks[i], n) == 0)
      return TRUE;
  return FALSE;
}

static const char *
find_ci (const char *p, const char *end, const char *needle)
{
  gsize n = strlen (needle);
  for (; p + n <= end; p++)
    if (g_ascii_strncasecmp (p, needle, n) == 0)
      return p;
  return NULL;
}

/* Decodes one entity at p ("&amp;", "&#233;", "&#xE9;", "&eacute;") into out; returns its length, or 0. */
static gsize
decode_entity (const char *p, const char *end, GString *out)
{
  const char *q = p + 1;
  char name[32];
  gsize n = 0;
  gunichar c = 0;

  if (q < end && *q == '#')
    {
      gboolean hex = FALSE;
      guint64 v = 0;
      q++;
      if (q < end && (*q == 'x' || *q == 'X'))
        {
          hex = TRUE;
          q++;
        }
      while (q < end && (hex ? g_ascii_isxdigit (*q) : g_ascii_isdigit (*q)) && n < 8)
        {
          v = v * (hex ? 16 : 10) + (hex ? g_ascii_xdigit_value (*q) : *q - '0');
          q++;
          n++;
        }
      if (n == 0)
        return 0;
      c = (gunichar) v;
      if (c == 0 || !g_unichar_validate (c))
        c = 0xFFFD;
    }
  else
    {
      while (q < end && g_ascii_isalnum (*q) && n < sizeof name - 1)
        name[n++] = *q++;
      name[n] = '\0';
      if (n == 0)
        return 0;
      if (strcmp (name, "apos") == 0)
        c = '\'';
      else
        {
          const htmlEntityDesc *desc = htmlEntityLookup ((const xmlChar *) name);
          if (desc == NULL)
            return 0;
          c = desc->value;
        }
    }
  if (q < end && *q == ';')
    q++;
  g_string_append_unichar (out, c);
  return q - p;
}

/**
 * lede_feed_html_to_text:
 * @html: HTML (a fragment)
 * @length: its length, or -1 when NUL-terminated
 *
 * Turns a fragment of HTML into one line of plain text: tags dropped (and what scripts and styles
 * hold), entities decoded, white space collapsed. Cheap enough to run on every item of a large feed.
 *
 * Returns: (transfer full): the text
 */
char *
lede_feed_html_to_text (const char *html, gssize length)
{
  const char *p = html, *end;
  GString *out;
  gboolean pending_space = FALSE;

  if (html == NULL)
    return g_strdup ("");
  end = html + (length < 0 ? strlen (html) : (gsize) length);
  out = g_string_sized_new (end - p);
  while (p < end)
    {
      char c = *p;

      if (c == '<' && p + 1 < end && (g_ascii_isalpha (p[1]) || p[1] == '/' || p[1] == '!' || p[1] == '?'))
        {
          const char *q = p + 1, *name;
          gsize name_len;
          gboolean closing = FALSE;
          char quote = 0;

          if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
            {
              const char *close = find_ci (p + 4, end, "-->");
              p = close ? close + 3 : end;
              continue;
            }
          if (*q == '/')
            {
              closing = TRUE;
              q++;
            }
          name = q;
          while (q < end && g_ascii_isalnum (*q))
            q++;
          name_len = q - name;
          for (; q < end; q++)
            {
              if (quote)
                {
                  if (*q == quote)
                    quote = 0;
                }
              else if (*q == '"' || *q == '\'')
                quote = *q;
              else if (*q == '>')
                break;
            }
          p = q < end ? q + 1 : end;
          if (!closing
              && ((name_len == 6 && g_ascii_strncasecmp (name, "script", 6) == 0)
                  || (name_len == 5 && g_ascii_strncasecmp (name, "style", 5) == 0)))
            {
              const char *close = find_ci (p, end, name_len == 6 ? "</script" : "</style");
              const char *gt = close ? memchr (close, '>', end - close) : NULL;
              p = gt ? gt + 1 : end;
            }
          if (is_block_tag (name, name_len))
            pending_space = TRUE;
          continue;
        }
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
        {
          pending_space = TRUE;
          p++;
          continue;
        }
      if (pending_space && out->len > 0)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      if (c == '&')
        {
          gsize before = out->len;
          gsize used = decode_entity (p, end, out);
          if (used > 0)
            {
              /* a decoded no-break space is still a space */
              if (out->len - before == 2 && (guchar) out->str[before] == 0xC2
                  && (guchar) out->str[before + 1] == 0xA0)
                {
                  g_string_truncate (out, before);
                  pending_space = TRUE;
                }
              p += used;
              continue;
            }
        }
      g_string_append_c (out, c);
      p++;
    }
  return g_string_free (out, FALSE);
}

/* ---- XML helpers ---- */

static gboolean
node_is (xmlNode *node, const char *ns, const char *name)
{
  if (node == NULL || node->type != XML_ELEMENT_NODE || strcmp ((const char *) node->name, name) != 0)
    return FALSE;
  if (ns == NULL)
    return node->ns == NULL;
  return node->ns != NULL && node->ns->href != NULL && strcmp ((const char *) node->ns->href, ns) == 0;
}

/* RSS 2.0 elements carry no namespace; RSS 1.0 puts the same names in its own. */
static gboolean
node_is_rss (xmlNode *node, const char *name)
{
  return node_is (node, NULL, name) || node_is (node, NS_RSS1, name);
}

static gboolean
node_is_atom (xmlNode *node, const char *name)
{
  return node_is (node, NS_ATOM, name) || node_is (node, NS_ATOM03, name);
}

/* libxml2's recovery mode can pass through bytes that are not UTF-8; nothing downstream (GTK,
 * SQLite's FTS, the analysis) should ever see them. */
static char *
valid_utf8 (char *text)
{
  char *valid;

  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return text;
  valid = g_utf8_make_valid (text, -1);
  g_free (text);
  return valid;
}

static char *
node_text (xmlNode *node)
{
  xmlChar *content;
  char *ret;

  if (node == NULL)
    return NULL;
  content = xmlNodeGetContent (node);
  if (content == NULL)
    return NULL;
  ret = valid_utf8 (g_strstrip (g_strdup ((const char *) content)));
  xmlFree (content);
  if (*ret == '\0')
    g_clear_pointer (&ret, g_free);
  return ret;
}

static char *
node_attr (xmlNode *node, const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *ret;

  if (value == NULL)
    return NULL;
  ret = valid_utf8 (g_strstrip (g_strdup ((const char *) value)));
  xmlFree (value);
  if (*ret == '\0')
    g_clear_pointer (&ret, g_free);
  return ret;
}

/* Plain text for a title: feeds often put escaped HTML or entities in it. */
static char *
plain_text (char *text)
{
  char *ret;

  if (text == NULL)
    return NULL;
  if (strchr (text, '<') == NULL && strchr (text, '&') == NULL)
    {
      /* Still one line: titles wrap in the source and use no-break spaces. */
      g_autoptr (GString) out = g_string_sized_new (strlen (text));
      gboolean space = FALSE;

      for (const char *p = text; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          if (g_unichar_isspace (c) || c == 0xA0)
            space = TRUE;
          else
            {
              if (space && out->len > 0)
                g_string_append_c (out, ' ');
              space = FALSE;
              g_string_append_unichar (out, c);
            }
        }
      g_free (text);
      return g_string_free (g_steal_pointer (&out), FALSE);
    }
  ret = lede_feed_html_to_text (text, -1);
  g_free (text);
  if (*ret == '\0')
    g_clear_pointer (&ret, g_free);
  return ret;
}

/* Makes href absolute against the xml:base in scope at node, which starts as the feed's URL. */
static char *
resolve_url (xmlNode *node, const char *href)
{
  xmlChar *base;
  char *ret = NULL;

  if (href == NULL || *href == '\0')
    return NULL;
  if (g_uri_is_valid (href, G_URI_FLAGS_NONE, NULL))
    return g_strdup (href);
  base = xmlNodeGetBase (node->doc, node);
  if (base != NULL)
    ret = g_uri_resolve_relative ((const char *) base, href, G_URI_FLAGS_NONE, NULL);
  xmlFree (base);
  return ret != NULL ? ret : g_strdup (href);
}

/* TRUE when some href or src in the HTML is relative (and so means something only against a base). */
static gboolean
has_relative_links (const char *html)
{
  static const char *schemes[] = { "http:", "https:", "mailto:", "data:", "#" };
  const char *p = html;

  while (p != NULL && (p = strchr (p, '=')) != NULL)
    {
      gboolean attr = (p - html >= 4 && g_ascii_strncasecmp (p - 4, "href", 4) == 0)
                      || (p - html >= 3 && g_ascii_strncasecmp (p - 3, "src", 3) == 0);
      gboolean absolute = FALSE;

      p++;
      if (!attr)
        continue;
      while (*p == ' ' || *p == '"' || *p == '\'')
        p++;
      for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
        absolute |= g_ascii_strncasecmp (p, schemes[i], strlen (schemes[i])) == 0;
      if (!absolute)
        return TRUE;
    }
  return FALSE;
}

/* Item HTML is shown away from its feed, so links and images in it must not depend on the xml:base
 * they were written against: make them absolute now (the sanitizer does that, and only runs on the
 * rare HTML that needs it). */
static char *
absolute_html (char *html, const char *base)
{
  char *ret;

  if (html == NULL || base == NULL || !has_relative_links (html))
    return html;
  ret = lede_sanitize_html (html, -1, base);
  g_free (html);
  return ret;
}

static char *
node_html (xmlNode *node, char *html)
{
  xmlChar *base;
  char *ret;

  if (html == NULL || !has_relative_links (html))
    return html;
  base = xmlNodeGetBase (node->doc, node);
  ret = absolute_html (html, (const char *) base);
  xmlFree (base);
  return ret;
}

static char *
node_url (xmlNode *node)
{
  g_autofree char *text = node_text (node);
  return resolve_url (node, text);
}

static void
set_string (char **field, char *value)
{
  if (value == NULL)
    return;
  g_free (*field);
  *field = value;
}

static void
set_if_unset (char **field, char *value)
{
  if (*field == NULL)
    *field = value;
  else
    g_free (value);
}

static void
set_date (gint64 *field, xmlNode *node)
{
  g_autofree char *text = node_text (node);
  gint64 t;
  if (*field == 0 && lede_feed_parse_date (text, &t))
    *field = t;
}

/* media:content / media:thumbnail / itunes:image give the item's picture. */
static void
read_media (LedeFeedItem *item, xmlNode *child)
{
  if (node_is (child, NS_MEDIA, "thumbnail"))
    {
      g_autofree char *url = node_attr (child, "url");
      set_if_unset (&item->image_url, resolve_url (child, url));
    }
  else if (node_is (child, NS_MEDIA, "content"))
    {
      g_autofree char *url = node_attr (child, "url");
      g_autofree char *medium = node_attr (child, "medium");
      g_autofree char *type = node_attr (child, "type");
      if (g_strcmp0 (medium, "image") == 0 || (type != NULL && g_str_has_prefix (type, "image/")))
        set_if_unset (&item->image_url, resolve_url (child, url));
      for (xmlNode *m = child->children; m != NULL; m = m->next)
        read_media (item, m);
    }
  else if (node_is (child, NS_MEDIA, "group"))
    {
      for (xmlNode *m = child->children; m != NULL; m = m->next)
        read_media (item, m);
    }
  else if (node_is (child, NS_ITUNES, "image"))
    {
      g_autofree char *url = node_attr (child, "href");
      set_if_unset (&item->image_url, resolve_url (child, url));
    }
}

static void
set_enclosure (LedeFeedItem *item, xmlNode *node, const char *url_attr)
{
  g_autofree char *url = node_attr (node, url_attr);
  g_autofree char *type = node_attr (node, "type");
  g_autofree char *length = node_attr (node, "length");

  if (url == NULL || item->enclosure_url != NULL)
    return;
  item->enclosure_url = resolve_url (node, url);
  item->enclosure_type = g_steal_pointer (&type);
  item->enclosure_length = length ? g_ascii_strtoll (length, NULL, 10) : 0;
  if (item->image_url == NULL && item->enclosure_type != NULL
      && g_str_has_prefix (item->enclosure_type, "image/"))
    item->image_url = g_strdup (item->enclosure_url);
}

/* An item with nothing to show is dropped (freed; returns NULL). Every
 * other item needs a key that stays the same between refreshes. */
static LedeFeedItem *
finish_item (LedeFeedItem *item)
{
  if (item->title == NULL && item->summary == NULL && item->content == NULL && item->url == NULL)
    {
      lede_feed_item_free (item);
      return NULL;
    }
  if (item->guid == NULL && item->url != NULL)
    item->guid = g_strdup (item->url);
  if (item->guid == NULL)
    {
      g_autofree char *key
        = g_strconcat (item->title ? item->title : "", "\n", item->summary ? item->summary : "", "\n",
                       item->content ? item->content : "", NULL);
      item->guid = g_compute_checksum_for_string (G_CHECKSUM_SHA1, key, -1);
    }
  if (item->published == 0)
    item->published = item->updated;
  return item;
}

/* ---- RSS 2.0 and RSS 1.0 ---- */

static LedeFeedItem *
parse_rss_item (xmlNode *node)
{
  LedeFeedItem *item = g_new0 (LedeFeedItem, 1);
  gboolean guid_is_link = FALSE;
  g_autofree char *guid_text = NULL;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (node_is_rss (child, "title"))
        set_string (&item->title, plain_text (node_text (child)));
      else if (node_is_rss (child, "link"))
        set_string (&item->url, node_url (child));
      else if (node_is_rss (child, "description"))
        set_string (&item->summary, node_html (child, node_text (child)));
      else if (node_is (child, NS_CONTENT, "encoded"))
        set_string (&item->content, node_html (child, node_text (child)));
      else if (node_is (child, NULL, "guid"))
        {
          g_autofree char *permalink = node_attr (child, "isPermaLink");
          g_free (guid_text);
          guid_text = node_text (child);
          guid_is_link = g_strcmp0 (permalink, "false") != 0;
        }
      else if (node_is (child, NULL, "pubDate"))
        set_date (&item->published, child);
      else if (node_is (child, NS_DC, "date"))
        set_date (&item->published, child);
      else if (node_is (child, NS_ATOM, "updated") || node_is (child, NS_DC, "modified"))
        set_date (&item->updated, child);
      else if (node_is (child, NS_DC, "creator") || node_is (child, NULL, "author")
               || node_is (child, NS_ITUNES, "author"))
        set_if_unset (&item->author, plain_text (node_text (child)));
      else if (node_is (child, NULL, "enclosure"))
        set_enclosure (item, child, "url");
      else if (node_is (child, NS_ATOM, "link"))
        {
          g_autofree char *rel = node_attr (child, "rel");
          g_autofree char *href = node_attr (child, "href");
          if (rel == NULL || strcmp (rel, "alternate") == 0)
            set_if_unset (&item->url, resolve_url (child, href));
        }
      else
        read_media (item, child);
    }
  if (guid_text != NULL)
    {
      if (item->url == NULL && guid_is_link
          && (g_str_has_prefix (guid_text, "http://") || g_str_has_prefix (guid_text, "https://")))
        item->url = g_strdup (guid_text);
      item->guid = g_steal_pointer (&guid_text);
    }
  /* RSS 1.0 items name themselves in rdf:about */
  if (item->guid == NULL)
    {
      xmlChar *about = xmlGetNsProp (node, (const xmlChar *) "about", (const xmlChar *) NS_RDF);
      if (about != NULL)
        item->guid = g_strdup ((const char *) about);
      xmlFree (about);
    }
  return finish_item (item);
}

static void
parse_rss_channel (LedeFeed *feed, xmlNode *channel)
{
  for (xmlNode *child = channel->children; child != NULL; child = child->next)
    {
      if (node_is_rss (child, "title"))
        set_if_unset (&feed->title, plain_text (node_text (child)));
      else if (node_is_rss (child, "link"))
        set_if_unset (&feed->site_url, node_url (child));
      else if (node_is_rss (child, "description"))
        set_if_unset (&feed->description, plain_text (node_text (child)));
      else if (node_is (child, NULL, "lastBuildDate") || node_is (child, NULL, "pubDate")
               || node_is (child, NS_DC, "date"))
        set_date (&feed->updated, child);
      else if (node_is_rss (child, "image"))
        {
          for (xmlNode *c = child->children; c != NULL; c = c->next)
            if (node_is_rss (c, "url"))
              set_if_unset (&feed->image_url, node_url (c));
          if (feed->image_url == NULL)
            {
              /* RSS 1.0: <image rdf:resource="..."/> */
              xmlChar *res = xmlGetNsProp (child, (const xmlChar *) "resource", (const xmlChar *) NS_RDF);
              if (res != NULL)
                feed->image_url = resolve_url (child, (const char *) res);
              xmlFree (res);
            }
        }
      else if (node_is (child, NS_ATOM, "link"))
        {
          g_autofree char *rel = node_attr (child, "rel");
          g_autofree char *href = node_attr (child, "href");
          if (g_strcmp0 (rel, "self") == 0)
            set_if_unset (&feed->self_url, resolve_url (child, href));
        }
      else if (node_is_rss (child, "item"))
        {
          LedeFeedItem *item = parse_rss_item (child);
          if (item != NULL)
            g_ptr_array_add (feed->items, item);
        }
    }
}

/* ---- Atom ---- */

/* An Atom text construct as HTML (for_html) or plain text. */
static char *
atom_text (xmlNode *node, gboolean for_html)
{
  g_autofree char *type = node_attr (node, "type");

  if (g_strcmp0 (type, "xhtml") == 0)
    {
      g_autoptr (GString) html = g_string_new (NULL);
      xmlBuffer *buf = xmlBufferCreate ();
      xmlNode *div = NULL;

      for (xmlNode *c = node->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
          {
            div = c;
            break;
          }
      for (xmlNode *c = div ? div->children : node->children; c != NULL; c = c->next)
        xmlNodeDump (buf, node->doc, c, 0, 0);
      g_string_append_len (html, (const char *) xmlBufferContent (buf), xmlBufferLength (buf));
      if (!g_utf8_validate (html->str, html->len, NULL))
        {
          g_autofree char *valid = g_utf8_make_valid (html->str, html->len);
          g_string_assign (html, valid);
        }
      xmlBufferFree (buf);
      if (for_html)
        return g_strstrip (g_string_free (g_steal_pointer (&html), FALSE));
      return plain_text (g_string_free (g_steal_pointer (&html), FALSE));
    }
  else if (type == NULL || strcmp (type, "text") == 0 || strcmp (type, "text/plain") == 0)
    {
      g_autofree char *text = node_text (node);
      if (text == NULL || !for_html)
        return g_steal_pointer (&text);
      return g_markup_escape_text (text, -1);
    }
  else
    {
      char *text = node_text (node);
      return for_html ? text : plain_text (text);
    }
}

static char *
atom_author (xmlNode *node)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (node_is_atom (c, "name"))
      return node_text (c);
  return NULL;
}

static LedeFeedItem *
parse_atom_entry (xmlNode *node, const char *feed_author)
{
  LedeFeedItem *item = g_new0 (LedeFeedItem, 1);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (node_is_atom (child, "id"))
        set_string (&item->guid, node_text (child));
      else if (node_is_atom (child, "title"))
        set_string (&item->title, atom_text (child, FALSE));
      else if (node_is_atom (child, "link"))
        {
          g_autofree char *rel = node_attr (child, "rel");
          g_autofree char *href = node_attr (child, "href");
          if (rel == NULL || strcmp (rel, "alternate") == 0)
            set_if_unset (&item->url, resolve_url (child, href));
          else if (strcmp (rel, "enclosure") == 0)
            set_enclosure (item, child, "href");
        }
      else if (node_is_atom (child, "published") || node_is_atom (child, "issued"))
        set_date (&item->published, child);
      else if (node_is_atom (child, "updated") || node_is_atom (child, "modified"))
        set_date (&item->updated, child);
      else if (node_is_atom (child, "author"))
        set_if_unset (&item->author, atom_author (child));
      else if (node_is_atom (child, "summary"))
        set_string (&item->summary, node_html (child, atom_text (child, TRUE)));
      else if (node_is_atom (child, "content"))
        {
          g_autofree char *src = node_attr (child, "src");
          if (src != NULL)
            set_if_unset (&item->url, resolve_url (child, src));
          else
            set_string (&item->content, node_html (child, atom_text (child, TRUE)));
        }
      else
        read_media (item, child);
    }
  if (item->author == NULL && feed_author != NULL)
    item->author = g_strdup (feed_author);
  return finish_item (item);
}

static void
parse_atom_feed (LedeFeed *feed, xmlNode *root)
{
  g_autofree char *feed_author = NULL;

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    if (node_is_atom (child, "author"))
      {
        feed_author = atom_author (child);
        break;
      }
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (node_is_atom (child, "title"))
        set_if_unset (&feed->title, atom_text (child, FALSE));
      else if (node_is_atom (child, "subtitle") || node_is_atom (child, "tagline"))
        set_if_unset (&feed->description, atom_text (child, FALSE));
      else if (node_is_atom (child, "link"))
        {
          g_autofree char *rel = node_attr (child, "rel");
          g_autofree char *href = node_attr (child, "href");
          g_autofree char *type = node_attr (child, "type");
          if (g_strcmp0 (rel, "self") == 0)
            set_if_unset (&feed->self_url, resolve_url (child, href));
          else if ((rel == NULL || strcmp (rel, "alternate") == 0)
                   && (type == NULL || g_str_has_prefix (type, "text/html")))
            set_if_unset (&feed->site_url, resolve_url (child, href));
        }
      else if (node_is_atom (child, "updated") || node_is_atom (child, "modified"))
        set_date (&feed->updated, child);
      else if (node_is_atom (child, "logo") || node_is_atom (child, "icon"))
        set_if_unset (&feed->image_url, node_url (child));
      else if (node_is_atom (child, "entry"))
        {
          LedeFeedItem *item = parse_atom_entry (child, feed_author);
          if (item != NULL)
            g_ptr_array_add (feed->items, item);
        }
    }
}

/* ---- XML documents ---- */

static gboolean
is_truncation (int code)
{
  switch (code)
    {
      case XML_ERR_TAG_NOT_FINISHED:
      case XML_ERR_CDATA_NOT_FINISHED:
      case XML_ERR_COMMENT_NOT_FINISHED:
      case XML_ERR_ATTRIBUTE_NOT_FINISHED:
      case XML_ERR_LITERAL_NOT_FINISHED:
      case XML_ERR_PI_NOT_FINISHED: return TRUE;
      default: return FALSE;
    }
}

static xmlDoc *
read_xml (const char *data, gsize length, const char *base_url, gboolean recover, int *out_code)
{
  xmlParserCtxt *ctxt = xmlNewParserCtxt ();
  xmlDoc *doc;
  /* No network, no external entities; CDATA becomes plain text. */
  int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA
                | XML_PARSE_NOBLANKS | XML_PARSE_COMPACT | (recover ? XML_PARSE_RECOVER : 0);

  if (ctxt == NULL)
    return NULL;
  doc = xmlCtxtReadMemory (ctxt, data, length, base_url, NULL, options);
  *out_code = ctxt->wellFormed ? 0 : ctxt->lastError.code;
  if (!ctxt->wellFormed && *out_code == 0)
    *out_code = XML_ERR_INTERNAL_ERROR;
  if (!ctxt->wellFormed && !recover)
    g_clear_pointer (&doc, xmlFreeDoc);
  xmlFreeParserCtxt (ctxt);
  return doc;
}

/* Feeds written by hand use HTML entities ("&nbsp;", "&eacute;") that XML does not define; turn
 * them into character references so the document parses. NULL when there is nothing to change. */
static char *
replace_html_entities (const char *data, gsize length, gsize *out_length)
{
  g_autoptr (GString) out = NULL;
  const char *p = data, *end = data + length, *amp;

  while ((amp = memchr (p, '&', end - p)) != NULL)
    {
      const char *q = amp + 1;
      char name[32];
      gsize n = 0;
      const htmlEntityDesc *desc;

      while (q < end && g_ascii_isalnum (*q) && n < sizeof name - 1)
        name[n++] = *q++;
      name[n] = '\0';
      if (n == 0 || q >= end || *q != ';' || strcmp (name, "amp") == 0 || strcmp (name, "lt") == 0
          || strcmp (name, "gt") == 0 || strcmp (name, "quot") == 0 || strcmp (name, "apos") == 0
          || (desc = htmlEntityLookup ((const xmlChar *) name)) == NULL)
        {
          if (out != NULL)
            g_string_append_len (out, p, q - p);
          p = q;
          continue;
        }
      if (out == NULL)
        out = g_string_sized_new (length + 64);
      g_string_append_len (out, p, amp - p);
      g_string_append_printf (out, "&#%u;", desc->value);
      p = q + 1;
    }
  if (out == NULL)
    return NULL;
  g_string_append_len (out, p, end - p);
  *out_length = out->len;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
looks_like_html (xmlNode *root, const char *data, gsize length)
{
  g_autofree char *head = g_ascii_strdown (data, MIN (length, 512));
  if (root != NULL && root->type == XML_ELEMENT_NODE
      && g_ascii_strcasecmp ((const char *) root->name, "html") == 0)
    return TRUE;
  return strstr (head, "<!doctype html") != NULL || strstr (head, "<html") != NULL;
}

static LedeFeed *
feed_from_doc (xmlDoc *doc, GError **error)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  g_autoptr (LedeFeed) feed = NULL;

  if (node_is_atom (root, "feed"))
    {
      feed = feed_new (LEDE_FEED_FORMAT_ATOM);
      parse_atom_feed (feed, root);
    }
  else if (node_is (root, NULL, "rss") || node_is (root, NS_RSS1, "rss"))
    {
      feed = feed_new (LEDE_FEED_FORMAT_RSS2);
      for (xmlNode *c = root->children; c != NULL; c = c->next)
        if (node_is_rss (c, "channel"))
          {
            parse_rss_channel (feed, c);
            break;
          }
    }
  else if (node_is (root, NS_RDF, "RDF"))
    {
      feed = feed_new (LEDE_FEED_FORMAT_RDF);
      /* The channel, its image and its items are siblings under rdf:RDF. */
      for (xmlNode *c = root->children; c != NULL; c = c->next)
        {
          if (node_is_rss (c, "channel"))
            parse_rss_channel (feed, c);
          else if (node_is_rss (c, "image"))
            {
              for (xmlNode *u = c->children; u != NULL; u = u->next)
                if (node_is_rss (u, "url"))
                  set_if_unset (&feed->image_url, node_url (u));
            }
          else if (node_is_rss (c, "item"))
            {
              LedeFeedItem *item = parse_rss_item (c);
              if (item != NULL)
                g_ptr_array_add (feed->items, item);
            }
        }
    }
  else
    {
      g_set_error (error, LEDE_FEED_ERROR, LEDE_FEED_ERROR_NOT_A_FEED,
                   _ ("The document is XML but not a feed (its root element is “%s”)"),
                   root ? (const char *) root->name : "");
      return NULL;
    }
  return g_steal_pointer (&feed);
}

static LedeFeed *
parse_xml (const char *data, gsize length, const char *base_url, GError **error)
{
  xmlDoc *doc;
  int code = 0;
  LedeFeed *feed;

  if (looks_like_html (NULL, data, length))
    {
      g_set_error (error, LEDE_FEED_ERROR, LEDE_FEED_ERROR_NOT_A_FEED, _ ("This is a web page, not a feed"));
      return NULL;
    }
  doc = read_xml (data, length, base_url, FALSE, &code);
  if (doc == NULL && !is_truncation (code))
    {
      gsize fixed_length = 0;
      g_autofree char *fixed = replace_html_entities (data, length, &fixed_length);
      if (fixed != NULL)
        doc = read_xml (fixed, fixed_length, base_url, FALSE, &code);
      if (doc == NULL && !is_truncation (code))
        {
          xmlDoc *recovered
            = read_xml (fixed ? fixed : data, fixed ? fixed_length : length, base_url, TRUE, &code);
          xmlNode *root = recovered ? xmlDocGetRootElement (recovered) : NULL;

          if (looks_like_html (root, data, length))
            {
              g_clear_pointer (&recovered, xmlFreeDoc);
              g_set_error (error, LEDE_FEED_ERROR, LEDE_FEED_ERROR_NOT_A_FEED,
                           _ ("This is a web page, not a feed"));
              return NULL;
            }
          /* A feed with a stray "&" or a bad character is still worth reading when the parser
           * could recover it; anything else is broken. */
          if (recovered != NULL && is_truncation (code))
            g_clear_pointer (&recovered, xmlFreeDoc);
          if (recovered != NULL)
            {
              feed = feed_from_doc (recovered, NULL);
              xmlFreeDoc (recovered);
              if (feed != NULL && feed->items->len > 0)
                return feed;
              g_clear_pointer (&feed, lede_feed_free);
            }
        }
    }
  if (doc == NULL)
    {
      if (is_truncation (code))
        g_set_error (error, LEDE_FEED_ERROR, LEDE_FEED_ERROR_TRUNCATED,
                     _ ("The feed is cut off before its end"));
      else
        g_set_error (error, LEDE_FEED_ERROR, LEDE_FEED_ERROR_NOT_XML, _ ("The feed is not well-formed XML"));
      return NULL;
    }
  if (looks_like_html (xmlDocGetRootElement (doc), data, length))
    {
      xmlFreeDoc (doc);
      g_set_error (error, LEDE_FEED_ERROR, LEDE_FEED_ERROR_NOT_A_FEED, _ ("This is a web page, not a feed"));
      return NULL;
    }
  feed = feed_from_doc (doc, error);
  xmlFreeDoc (doc);
  return feed;
}

/* ---- JSON Feed ---- */

static char *
json_string (JsonObject *o, const char *name)
{
  JsonNode *node = json_object_get_member (o, name);
  const char *s;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  s = json_node_get_string (node);
  if (s == NULL)
    return NULL;
  while (g_ascii_isspace (*s))
    s++;
  return *s ? valid_utf8 (g_strstrip (g_strdup (s))) : NULL;
}

static JsonObject *
json_object (JsonObject *o, const char *name)
{
  JsonNode *node = json_object_get_member (o, name);
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
json_array (JsonObject *o, const char *name)
{
  JsonNode *node = json_object_get_member (o, name);
  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static char *
json_url (JsonObject *o, const char *name, const char *base)
{
  g_autofree char *href = json_string (o, name);
  char *ret = NULL;

  if (href == NULL)
    return NULL;
  if (g_uri_is_valid (href, G_URI_FLAGS_NONE, NULL) || base == NULL)
    return g_steal_pointer (&href);
  ret = g_uri_resolve_relative (base, href, G_URI_FLAGS_NONE, NULL);
  return ret ? ret : g_steal_pointer (&href);
}

/* JSON Feed 1.1 has "authors", 1.0 had "author". */
static char *
json_author (JsonObject *o)
{
  JsonArray *authors = json_array (o, "authors");
  JsonObject *author = json_object (o, "author");

  if (authors != NULL && json_array_get_length (authors) > 0)
    {
      JsonNode *first = json_array_get_element (authors, 0);
      if (JSON_NODE_HOLDS_OBJECT (first))
        author = json_node_get_object (first);
    }
  return author ? json_string (author, "name") : NULL;
}

static gboolean
json_truncated (const char *data, gsize length)
{
  int depth = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];
      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        depth++;
      else if (c == '}' || c == ']')
        depth--;
    }
  return depth > 0 || in_string;
}

static LedeFeed *
parse_json (const char *data, gsize length, const char *base_url, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GError) local_error = NULL;
  g_autoptr (LedeFeed) feed = NULL;
  g_autofree char *version = NULL;
  g_autofree char *feed_author = NULL;
  g_autofree char *home = NULL;
  JsonNode *root;
  JsonObject *o;
  JsonArray *items;
  const char *base;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      if (json_truncated (data, length))
        g_set_error (error, LEDE_FEED_ERROR, LEDE_FEED_ERROR_TRUNCATED,
                     _ ("The feed is cut off before its end"));
      else
        g_set_error (error, LEDE_FEED_ERROR, LEDE_FEED_ERROR_NOT_XML, _ ("The feed is not valid JSON: %s"),
                     local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  o = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  version = o ? json_string (o, "version") : NULL;
  items = o ? json_array (o, "items") : NULL;
  if (version == NULL || !g_str_has_prefix (version, "https://jsonfeed.org/version/") || items == NULL)
    {
      g_set_error (error, LEDE_FEED_ERROR, LEDE_FEED_ERROR_NOT_A_FEED,
                   _ ("The document is JSON but not a JSON Feed"));
      return NULL;
    }

  feed = feed_new (LEDE_FEED_FORMAT_JSON);
  feed->self_url = json_url (o, "feed_url", base_url);
  base = feed->self_url ? feed->self_url : base_url;
  feed->title = plain_text (json_string (o, "title"));
  feed->description = json_string (o, "description");
  feed->site_url = json_url (o, "home_page_url", base);
  feed->image_url = json_url (o, "icon", base);
  if (feed->image_url == NULL)
    feed->image_url = json_url (o, "favicon", base);
  feed_author = json_author (o);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *io;
      LedeFeedItem *item;
      JsonArray *attachments;
      g_autofree char *date = NULL;
      g_autofree char *modified = NULL;
      g_autofree char *text = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      io = json_node_get_object (node);
      item = g_new0 (LedeFeedItem, 1);
      item->guid = json_string (io, "id");
      if (item->guid == NULL && json_object_has_member (io, "id")
          && JSON_NODE_HOLDS_VALUE (json_object_get_member (io, "id")))
        item->guid = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (io, "id"));
      item->url = json_url (io, "url", base);
      if (item->url == NULL)
        item->url = json_url (io, "external_url", base);
      item->title = plain_text (json_string (io, "title"));
      item->content = absolute_html (json_string (io, "content_html"), base);
      text = json_string (io, "content_text");
      if (item->content == NULL && text != NULL)
        item->content = g_markup_escape_text (text, -1);
      item->summary = json_string (io, "summary");
      if (item->summary != NULL)
        {
          /* JSON Feed summaries are plain text; everything else here is HTML */
          char *escaped = g_markup_escape_text (item->summary, -1);
          g_free (item->summary);
          item->summary = escaped;
        }
      item->image_url = json_url (io, "image", base);
      if (item->image_url == NULL)
        item->image_url = json_url (io, "banner_image", base);
      date = json_string (io, "date_published");
      modified = json_string (io, "date_modified");
      lede_feed_parse_date (date, &item->published);
      lede_feed_parse_date (modified, &item->updated);
      item->author = json_author (io);
      if (item->author == NULL && feed_author != NULL)
        item->author = g_strdup (feed_author);
      attachments = json_array (io, "attachments");
      if (attachments != NULL && json_array_get_length (attachments) > 0
          && JSON_NODE_HOLDS_OBJECT (json_array_get_element (attachments, 0)))
        {
          JsonObject *a = json_node_get_object (json_array_get_element (attachments, 0));
          JsonNode *size = json_object_get_member (a, "size_in_bytes");
          item->enclosure_url = json_url (a, "url", base);
          item->enclosure_type = json_string (a, "mime_type");
          if (size != NULL && JSON_NODE_HOLDS_VALUE (size))
            item->enclosure_length = json_node_get_int (size);
        }
      if ((item = finish_item (item)) != NULL)
        g_ptr_array_add (feed->items, item);
    }
  return g_steal_pointer (&feed);
}

/**
 * lede_feed_parse:
 * @data: the document as served
 * @length: its length in bytes
 * @base_url: (nullable): the URL it came from, against which relative links are resolved
 * @error: a #LEDE_FEED_ERROR
 *
 * Reads a feed in any of the formats Lede knows, telling them apart by their content (servers'
 * content types are too often wrong to trust).
 *
 * Returns: (transfer full): the feed, or %NULL with @error set
 */
LedeFeed *
lede_feed_parse (const char *data, gsize length, const char *base_url, GError **error)
{
  const char *p = data, *end = data + length;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;
  if (p == end)
    {
      g_set_error (error, LEDE_FEED_ERROR, LEDE_FEED_ERROR_EMPTY, _ ("The feed is empty"));
      return NULL;
    }
  if (*p == '{')
    return parse_json (p, end - p, base_url, error);
  if (*p == '<')
    return parse_xml (data, length, base_url, error);
  g_set_error (error, LEDE_FEED_ERROR, LEDE_FEED_ERROR_NOT_XML, _ ("The document is neither XML nor JSON"));
  return NULL;
}
