/* lede-feed-parser.h: RSS 2.0, RSS 1.0 (RDF), Atom 1.0 and JSON Feed 1.1 into one plain record. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * LedeFeedError:
 * @LEDE_FEED_ERROR_EMPTY: the document holds nothing
 * @LEDE_FEED_ERROR_NOT_XML: the document is neither XML nor JSON (or is broken beyond repair)
 * @LEDE_FEED_ERROR_TRUNCATED: the document stops before its end
 * @LEDE_FEED_ERROR_NOT_A_FEED: well-formed XML or JSON, or a web page, but not a feed
 */
typedef enum
{
  LEDE_FEED_ERROR_EMPTY,
  LEDE_FEED_ERROR_NOT_XML,
  LEDE_FEED_ERROR_TRUNCATED,
  LEDE_FEED_ERROR_NOT_A_FEED,
} LedeFeedError;

#define LEDE_FEED_ERROR (lede_feed_error_quark ())
GQuark lede_feed_error_quark (void);

typedef enum
{
  LEDE_FEED_FORMAT_RSS2,
  LEDE_FEED_FORMAT_RDF,
  LEDE_FEED_FORMAT_ATOM,
  LEDE_FEED_FORMAT_JSON,
} LedeFeedFormat;

/* All URLs are absolute (resolved against xml:base and the feed's URL).
 * Strings may be NULL when the feed does not give them. */
typedef struct
{
  char *guid;       /* id/guid, else the link, else a hash of title and summary: never NULL */
  char *url;        /* the item's web page */
  char *title;      /* plain text */
  char *author;     /* plain text */
  gint64 published; /* Unix seconds UTC, 0 when unknown */
  gint64 updated;   /* Unix seconds UTC, 0 when unknown */
  char *summary;    /* HTML: a teaser (description, summary) */
  char *content;    /* HTML: the full text when the feed carries it (content:encoded, content) */
  char *image_url;
  char *enclosure_url;
  char *enclosure_type;
  gint64 enclosure_length;
} LedeFeedItem;

typedef struct
{
  LedeFeedFormat format;
  char *title;    /* plain text */
  char *site_url; /* the web site the feed belongs to */
  char *self_url; /* the feed's own URL when it says so */
  char *description;
  char *image_url;
  gint64 updated;
  GPtrArray *items; /* LedeFeedItem *, in document order */
} LedeFeed;

LedeFeed *lede_feed_parse (const char *data, gsize length, const char *base_url, GError **error);
void lede_feed_free (LedeFeed *feed);
void lede_feed_item_free (LedeFeedItem *item);

gboolean lede_feed_parse_date (const char *str, gint64 *out_unix);
char *lede_feed_html_to_text (const char *html, gssize length);
const char *lede_feed_format_to_string (LedeFeedFormat format);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeFeed, lede_feed_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeFeedItem, lede_feed_item_free)

G_END_DECLS
