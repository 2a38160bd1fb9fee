/* lede-extract.h: finds the article in a web page: metadata and main text, without the page's clutter. */
#pragma once

#include <gio/gio.h>

#include "lede-article.h"

G_BEGIN_DECLS

/**
 * LedeExtractError:
 * @LEDE_EXTRACT_ERROR_NOT_HTML: the input is not an HTML document
 * @LEDE_EXTRACT_ERROR_NO_ARTICLE: the page holds no article text (an index page, a form, an empty page)
 */
typedef enum
{
  LEDE_EXTRACT_ERROR_NOT_HTML,
  LEDE_EXTRACT_ERROR_NO_ARTICLE,
} LedeExtractError;

#define LEDE_EXTRACT_ERROR (lede_extract_error_quark ())
GQuark lede_extract_error_quark (void);

/* The fewest words a page's main text must have to count as an article. */
#define LEDE_EXTRACT_MIN_WORDS 1

/**
 * lede_extract_article:
 * @data: the page's bytes, in any charset
 * @length: their length
 * @base_uri: (nullable): the page's address, to resolve links and images against
 * @charset: (nullable): the charset from the HTTP Content-Type header
 * @error: a #LEDE_EXTRACT_ERROR when the page has no article
 *
 * Returns: (transfer full): the article, its blocks and its sanitized HTML
 */
LedeArticle *lede_extract_article (const char *data,
                                   gsize length,
                                   const char *base_uri,
                                   const char *charset,
                                   GError **error);

/* Runs lede_extract_article() in a worker thread; @data is kept until it is done. */
void lede_extract_article_async (GBytes *data,
                                 const char *base_uri,
                                 const char *charset,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
LedeArticle *lede_extract_article_finish (GAsyncResult *result, GError **error);

/* TRUE when @data starts like an HTML document (after a BOM, whitespace and comments). */
gboolean lede_extract_looks_like_html (const char *data, gsize length);
/* TRUE when a file named @name (a path or a base name) holding @data is a web page:
 * by its extension (.html, .htm, .xhtml, .shtml) or by its first bytes. */
gboolean lede_extract_is_html_file (const char *name, const char *data, gsize length);

G_END_DECLS
