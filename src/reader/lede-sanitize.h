/* lede-sanitize.h: an allowlist HTML sanitizer for what Lede shows of a page. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * lede_sanitize_html:
 * @html: an HTML fragment or document, UTF-8
 * @length: its length, or -1 when NUL-terminated
 * @base_uri: (nullable): the page's address; relative links and images are resolved against it
 *
 * Keeps only allowed elements (text structure, links, images, tables) and
 * attributes; drops scripts, styles, event handlers, frames, forms, embedded
 * objects and their content; unwraps any other element, keeping its text.
 * Links and image sources survive only as absolute http(s) URLs; links get
 * rel="noopener noreferrer nofollow".
 *
 * Returns: (transfer full): the sanitized fragment, serialized as HTML
 */
char *lede_sanitize_html (const char *html, gssize length, const char *base_uri);

G_END_DECLS
