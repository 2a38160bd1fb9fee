/* lede-opml.h: subscription lists in OPML 1.0/2.0, in and out; folders are nested outlines. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * LedeOpmlError:
 * @LEDE_OPML_ERROR_INVALID: the file is not well-formed XML
 * @LEDE_OPML_ERROR_NOT_OPML: the file is XML but not OPML
 */
typedef enum
{
  LEDE_OPML_ERROR_INVALID,
  LEDE_OPML_ERROR_NOT_OPML,
} LedeOpmlError;

#define LEDE_OPML_ERROR (lede_opml_error_quark ())
GQuark lede_opml_error_quark (void);

typedef struct
{
  char *url;      /* the feed (xmlUrl) */
  char *title;    /* or NULL */
  char *site_url; /* htmlUrl, or NULL */
  char *folder;   /* "News/World" for nested folders, or NULL at the top level */
} LedeOpmlEntry;

LedeOpmlEntry *
lede_opml_entry_new (const char *url, const char *title, const char *site_url, const char *folder);
void lede_opml_entry_free (LedeOpmlEntry *entry);

GPtrArray *lede_opml_parse (const char *data, gsize length, GError **error);
char *lede_opml_write (GPtrArray *entries, const char *title);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeOpmlEntry, lede_opml_entry_free)

G_END_DECLS
