/* lede-article.h: an article extracted from a web page: metadata and the text as blocks. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * LedeBlockKind:
 * @LEDE_BLOCK_PARAGRAPH: a paragraph (also a table row, cells separated by tabs)
 * @LEDE_BLOCK_HEADING: a heading; level is 1–6
 * @LEDE_BLOCK_QUOTE: a paragraph inside a block quote
 * @LEDE_BLOCK_LIST_ITEM: a list item; level is its nesting depth from 1, ordered tells <ol> from <ul>
 * @LEDE_BLOCK_PREFORMATTED: preformatted text, whitespace kept
 * @LEDE_BLOCK_FIGURE: an image; src is its absolute URL, text its caption (may be empty)
 */
typedef enum
{
  LEDE_BLOCK_PARAGRAPH,
  LEDE_BLOCK_HEADING,
  LEDE_BLOCK_QUOTE,
  LEDE_BLOCK_LIST_ITEM,
  LEDE_BLOCK_PREFORMATTED,
  LEDE_BLOCK_FIGURE,
} LedeBlockKind;

/* A link inside a block's text: bytes [start, end) of text point to href (absolute http(s)). */
typedef struct
{
  guint start;
  guint end;
  char *href;
} LedeBlockLink;

typedef struct
{
  LedeBlockKind kind;
  guint level;
  gboolean ordered;
  char *text;    /* UTF-8, whitespace collapsed (except preformatted) */
  char *src;     /* figures: the image URL */
  GArray *links; /* of LedeBlockLink, or NULL */
} LedeBlock;

const char *lede_block_kind_to_string (LedeBlockKind kind);

#define LEDE_TYPE_ARTICLE (lede_article_get_type ())
G_DECLARE_FINAL_TYPE (LedeArticle, lede_article, LEDE, ARTICLE, GObject)

LedeArticle *lede_article_new (void);

const char *lede_article_get_uri (LedeArticle *self);
const char *lede_article_get_title (LedeArticle *self);
const char *lede_article_get_byline (LedeArticle *self);
/* As the page gives it; ISO 8601 when the page's metadata has it so. */
const char *lede_article_get_date (LedeArticle *self);
const char *lede_article_get_site_name (LedeArticle *self);
const char *lede_article_get_lead_image (LedeArticle *self);
const char *lede_article_get_language (LedeArticle *self);
const char *lede_article_get_excerpt (LedeArticle *self);
/* The article's content as sanitized HTML (see lede-sanitize.h), for display. */
const char *lede_article_get_html (LedeArticle *self);

void lede_article_set_uri (LedeArticle *self, const char *uri);
void lede_article_set_title (LedeArticle *self, const char *title);
void lede_article_set_byline (LedeArticle *self, const char *byline);
void lede_article_set_date (LedeArticle *self, const char *date);
void lede_article_set_site_name (LedeArticle *self, const char *site_name);
void lede_article_set_lead_image (LedeArticle *self, const char *lead_image);
void lede_article_set_language (LedeArticle *self, const char *language);
void lede_article_set_excerpt (LedeArticle *self, const char *excerpt);
void lede_article_set_html (LedeArticle *self, const char *html);

guint lede_article_get_n_blocks (LedeArticle *self);
const LedeBlock *lede_article_get_block (LedeArticle *self, guint index);
/* Appends a block; @text is copied. Returns the stored block, to add links to it. */
LedeBlock *lede_article_add_block (LedeArticle *self, LedeBlockKind kind, guint level, const char *text);
void lede_article_remove_block (LedeArticle *self, guint index);
/* Keeps only the first @n_blocks blocks. */
void lede_article_truncate (LedeArticle *self, guint n_blocks);
void lede_block_set_src (LedeBlock *block, const char *src);
void lede_block_add_link (LedeBlock *block, guint start, guint end, const char *href);

/* The words of the article: number of word characters runs in the body text. */
guint lede_article_count_words (LedeArticle *self);

/* The body as plain text: blocks separated by blank lines (figures without a caption left out). */
char *lede_article_dup_body_text (LedeArticle *self);
/* What the analysis core reads: the title line, a blank line, then the body text. */
char *lede_article_dup_text (LedeArticle *self);

G_END_DECLS
