/* lede-html-util.c: charset detection, parsing and small tree helpers for the reader's HTML code. */
#include "config.h"

#include <string.h>

#include "lede-html-private.h"

/* Finds a charset declared in the first bytes of a page (<meta charset> or http-equiv). */
static char *
sniff_meta_charset (const char *data, gsize length)
{
  g_autofree char *head = g_ascii_strdown (data, MIN (length, 4096));
  const char *p = head;

  while ((p = strstr (p, "<meta")) != NULL)
    {
      const char *end = strchr (p, '>');
      const char *cs;
      if (end == NULL)
        break;
      cs = g_strstr_len (p, end - p, "charset");
      if (cs != NULL)
        {
          const char *v = cs + strlen ("charset");
          gsize n = 0;
          while (*v == ' ')
            v++;
          if (*v == '=')
            {
              v++;
              while (*v == ' ' || *v == '"' || *v == '\'')
                v++;
              while (v + n < end && (g_ascii_isalnum (v[n]) || strchr ("-_:.", v[n]) != NULL))
                n++;
              if (n > 0)
                return g_strndup (v, n);
            }
        }
      p = end;
    }
  return NULL;
}

static gboolean
has_non_ascii (const char *data, gsize length)
{
  for (gsize i = 0; i < length; i++)
    if ((guchar) data[i] >= 0x80)
      return TRUE;
  return FALSE;
}

/* TRUE when valid multi-byte sequences outnumber the bytes that are not UTF-8. */
static gboolean
mostly_utf8 (const char *data, gsize length)
{
  gsize valid = 0, invalid = 0;
  const char *p = data;
  const char *end = data + length;

  while (p < end)
    {
      gunichar c;
      if ((guchar) *p < 0x80)
        {
          p++;
          continue;
        }
      c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          invalid++;
          p++;
        }
      else
        {
          valid++;
          p = g_utf8_next_char (p);
        }
    }
  return valid > invalid;
}

char *
lede_html_to_utf8 (const char *data, gsize length, const char *charset)
{
  g_autofree char *meta = NULL;
  const char *enc = NULL;
  char *out;

  if (data == NULL || length == 0)
    return g_strdup ("");
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    return g_utf8_make_valid (data + 3, length - 3);
  if (length >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    {
      out = g_convert (data + 2, length - 2, "UTF-8", data[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE", NULL, NULL,
                       NULL);
      if (out != NULL)
        return out;
    }
  /* Text that is valid UTF-8 and not plain ASCII is UTF-8 whatever the labels say: in a legacy
   * encoding such byte sequences almost never occur, while mislabelled UTF-8 pages are common. */
  if (g_utf8_validate_len (data, length, NULL) && (has_non_ascii (data, length) || charset == NULL))
    return g_strndup (data, length);
  if (charset != NULL)
    enc = charset;
  else
    enc = meta = sniff_meta_charset (data, length);
  /* UTF-8 with a few broken bytes stays UTF-8, unless the page says otherwise. */
  if ((enc == NULL || g_ascii_strcasecmp (enc, "utf-8") == 0 || g_ascii_strcasecmp (enc, "utf8") == 0)
      && mostly_utf8 (data, length))
    return g_utf8_make_valid (data, length);
  if (enc == NULL || g_ascii_strcasecmp (enc, "iso-8859-1") == 0 || g_ascii_strcasecmp (enc, "us-ascii") == 0
      || g_ascii_strcasecmp (enc, "latin1") == 0)
    enc = "WINDOWS-1252"; /* as browsers read these labels */
  out = g_convert_with_fallback (data, length, "UTF-8", enc, "\xEF\xBF\xBD", NULL, NULL, NULL);
  if (out == NULL)
    out = g_convert (data, length, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
  if (out == NULL)
    out = g_utf8_make_valid (data, length);
  return out;
}

/* What windows-1252 puts at 0x80–0x9F, where Unicode has control characters. */
static const gunichar cp1252_c1[32]
  = { 0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178 };

/* Old pages write "&#146;" for an apostrophe, as browsers read it: the windows-1252 character. */
static void
fix_c1_controls (xmlNode *node)
{
  for (xmlNode *c = node; c != NULL; c = c->next)
    {
      if (c->type == XML_TEXT_NODE && c->content != NULL
          && strstr ((const char *) c->content, "\xC2") != NULL)
        {
          GString *out = g_string_new (NULL);
          gboolean changed = FALSE;
          for (const char *p = (const char *) c->content; *p != '\0'; p = g_utf8_next_char (p))
            {
              gunichar ch = g_utf8_get_char (p);
              if (ch >= 0x80 && ch <= 0x9F)
                {
                  ch = cp1252_c1[ch - 0x80];
                  changed = TRUE;
                }
              g_string_append_unichar (out, ch);
            }
          if (changed)
            xmlNodeSetContent (c, BAD_CAST out->str);
          g_string_free (out, TRUE);
        }
      else if (c->type == XML_ELEMENT_NODE && c->children != NULL)
        fix_c1_controls (c->children);
    }
}

xmlDoc *
lede_html_parse (const char *data, gsize length, const char *base_uri, const char *charset)
{
  static gsize initialized = 0;
  g_autofree char *utf8 = NULL;
  xmlDoc *doc;
  gsize len;

  /* libxml2 must be set up once before threads parse at the same time. */
  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
  utf8 = lede_html_to_utf8 (data, length, charset);
  len = strlen (utf8);

  if (len > G_MAXINT)
    return NULL;
  doc = htmlReadMemory (utf8, (int) len, base_uri, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET
                          | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT);
  if (doc != NULL && doc->children != NULL)
    fix_c1_controls (doc->children);
  return doc;
}

gboolean
lede_html_is_element (const xmlNode *node, const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE
         && g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

const char *
lede_html_get_attr (const xmlNode *node, const char *name)
{
  if (node == NULL || node->type != XML_ELEMENT_NODE)
    return NULL;
  for (const xmlAttr *a = node->properties; a != NULL; a = a->next)
    if (g_ascii_strcasecmp ((const char *) a->name, name) == 0)
      {
        if (a->children != NULL && a->children->content != NULL)
          return (const char *) a->children->content;
        return "";
      }
  return NULL;
}

/* An attribute's value, trimmed, as valid UTF-8, or NULL when it is
 * missing or blank. */
char *
lede_html_dup_attr (xmlNode *node, const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *ret;

  if (value == NULL)
    return NULL;
  ret = g_strstrip (g_strdup ((const char *) value));
  xmlFree (value);
  if (!g_utf8_validate (ret, -1, NULL))
    {
      /* a damaged file can carry bytes that are not UTF-8 through the parser's recovery */
      char *valid = g_utf8_make_valid (ret, -1);
      g_free (ret);
      ret = valid;
    }
  if (*ret == '\0')
    g_clear_pointer (&ret, g_free);
  return ret;
}

xmlNode *
lede_html_first_element_child (const xmlNode *node)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      return c;
  return NULL;
}

xmlNode *
lede_html_next_element (const xmlNode *node)
{
  for (xmlNode *c = node->next; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      return c;
  return NULL;
}

void
lede_html_append_text (const xmlNode *node, GString *out)
{
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content != NULL)
        g_string_append (out, (const char *) node->content);
      return;
    }
  if (node->type != XML_ELEMENT_NODE && node->type != XML_DOCUMENT_NODE
      && node->type != XML_HTML_DOCUMENT_NODE)
    return;
  for (const xmlNode *c = node->children; c != NULL; c = c->next)
    lede_html_append_text (c, out);
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0xA0 || c == 0x200B || c == 0xFEFF;
}

char *
lede_html_inner_text (const xmlNode *node)
{
  g_autoptr (GString) raw = g_string_new (NULL);
  GString *out;
  gboolean pending_space = FALSE;

  lede_html_append_text (node, raw);
  out = g_string_sized_new (raw->len);
  for (const char *p = raw->str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (is_space (c))
        {
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
lede_html_resolve_url (const char *base, const char *ref)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *resolved = NULL;
  g_autoptr (GUri) uri = NULL;
  const char *scheme;
  GString *clean;

  if (ref == NULL)
    return NULL;
  /* Browsers drop tabs and newlines anywhere in a URL, and spaces at its ends. */
  clean = g_string_new (NULL);
  for (const char *p = ref; *p != '\0'; p++)
    if (*p != '\t' && *p != '\n' && *p != '\r')
      g_string_append_c (clean, *p);
  trimmed = g_strstrip (g_string_free (clean, FALSE));
  if (*trimmed == '\0')
    return NULL;
  if (base != NULL && *base != '\0')
    resolved = g_uri_resolve_relative (base, trimmed, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);
  else
    resolved = g_strdup (trimmed);
  if (resolved == NULL)
    return NULL;
  uri = g_uri_parse (resolved, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);
  if (uri == NULL)
    return NULL;
  scheme = g_uri_get_scheme (uri);
  if (scheme == NULL
      || (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
    return NULL;
  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return NULL;
  return g_uri_to_string (uri);
}

void
lede_html_remove (xmlNode *node)
{
  xmlUnlinkNode (node);
  xmlFreeNode (node);
}
