/* lede-page-builder.h: the article page, generated from an analysis (no GTK, no WebKit). */
#pragma once

#include "lede-core.h"

G_BEGIN_DECLS

typedef enum
{
  LEDE_PAGE_FONT_SERIF,
  LEDE_PAGE_FONT_SANS,
} LedePageFont;

typedef struct
{
  const char *stylesheet; /* the page CSS, inlined and allowed by its hash */
  LedePageFont font;
  guint font_size; /* CSS pixels */
  guint page_id;   /* tells this page's messages from an earlier one's */
} LedePageOptions;

char *lede_page_builder_build (LedeAnalysis *analysis, const LedePageOptions *options);
char *lede_page_builder_escape (const char *text, gssize length);
gboolean lede_page_builder_parse_id (const char *id, char prefix, guint limit, guint *index);

G_END_DECLS
