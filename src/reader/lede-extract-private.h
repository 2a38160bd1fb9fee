/* lede-extract-private.h: what the extractor's files share: tree and text helpers, metadata, blocks. */
#pragma once

#include "lede-extract.h"
#include "lede-html-private.h"

G_BEGIN_DECLS

/* What the page says about the article, before its text is looked at. */
typedef struct
{
  char *title;
  char *byline;
  char *date;
  char *site_name;
  char *image;
  char *excerpt;
  char *body; /* JSON-LD articleBody */
  char *locale;
} LedeExtractMeta;

void lede_extract_read_metadata (xmlNode *root, LedeExtractMeta *meta);
void lede_extract_meta_clear (LedeExtractMeta *meta);

/* Fills @article with the blocks of @content, links resolved against @base. */
void lede_extract_build_blocks (LedeArticle *article, xmlNode *content, const char *base);

/* The element's lower-case name, or "" for other nodes. */
const char *lede_extract_tag (const xmlNode *node);
gboolean lede_extract_tag_in (const xmlNode *node, const char *const *names);
/* Appends the elements named @name (any element when NULL) under @node, in document order. */
void lede_extract_collect_by_tag (xmlNode *node, const char *name, GPtrArray *out);
/* The first element named @name at or after @root, depth first. */
xmlNode *lede_extract_find_first (xmlNode *root, const char *name);

guint lede_extract_word_count (const char *text);
/* Lower-case words of @text. */
GPtrArray *lede_extract_tokens (const char *text);
/* How much of @b's wording is in @a, from 0 to 1. */
double lede_extract_text_similarity (const char *a, const char *b);
/* @text with runs of whitespace made one space, trimmed. */
char *lede_extract_collapse_spaces (const char *text);

G_END_DECLS
