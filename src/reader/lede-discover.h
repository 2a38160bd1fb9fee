/* lede-discover.h: finds the feeds a web page links to (<link rel="alternate" type="...">). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *url;   /* absolute */
  char *title; /* or NULL */
  char *type;  /* application/rss+xml, application/atom+xml, application/feed+json, ... */
} LedeDiscoveredFeed;

GPtrArray *lede_discover_feeds (const char *html, gsize length, const char *page_url);
void lede_discovered_feed_free (LedeDiscoveredFeed *feed);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeDiscoveredFeed, lede_discovered_feed_free)

G_END_DECLS
