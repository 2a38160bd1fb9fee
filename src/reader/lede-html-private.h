/* lede-html-private.h: helpers shared by the extractor and the sanitizer over libxml2's HTML tree. */
#pragma once

#include <glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

/* Decodes @data (charset from HTTP, a BOM, <meta>, or guessed) and parses it leniently, without network. */
xmlDoc *lede_html_parse (const char *data, gsize length, const char *base_uri, const char *charset);
/* The UTF-8 text of @data as the parser would read it; for sniffing. */
char *lede_html_to_utf8 (const char *data, gsize length, const char *charset);

gboolean lede_html_is_element (const xmlNode *node, const char *name);
/* The value of attribute @name, or NULL; borrowed from the tree. */
const char *lede_html_get_attr (const xmlNode *node, const char *name);
char *lede_html_dup_attr (xmlNode *node, const char *name);
xmlNode *lede_html_first_element_child (const xmlNode *node);
xmlNode *lede_html_next_element (const xmlNode *node);

/* The text content with runs of whitespace made one space, trimmed. */
char *lede_html_inner_text (const xmlNode *node);
/* Appends the raw text content of @node to @out. */
void lede_html_append_text (const xmlNode *node, GString *out);

/* Resolves @ref against @base; NULL unless the result is an http(s) URI. */
char *lede_html_resolve_url (const char *base, const char *ref);

/* Sanitized HTML of @node's children (the tree itself is left alone); see lede-sanitize.h. */
char *lede_sanitize_node (const xmlNode *node, const char *base_uri);

/* Removes @node from the tree and frees it. */
void lede_html_remove (xmlNode *node);

G_END_DECLS
