/* lede-article.c: holds what the extractor found in a page and renders it as plain text. */
#include "config.h"

#include <string.h>

#include "lede-article.h"

struct _LedeArticle
{
  GObject parent_instance;
  char *uri;
  char *title;
  char *byline;
  char *date;
  char *site_name;
  char *lead_image;
  char *language;
  char *excerpt;
  char *html;
  GArray *blocks; /* of LedeBlock */
};

G_DEFINE_FINAL_TYPE (LedeArticle, lede_article, G_TYPE_OBJECT)

static const char *block_kinds[] = { "paragraph", "heading", "quote", "list-item", "preformatted", "figure" };

const char *
lede_block_kind_to_string (LedeBlockKind kind)
{
  g_return_val_if_fail (kind <= LEDE_BLOCK_FIGURE, "paragraph");
  return block_kinds[kind];
}

static void
link_clear (gpointer data)
{
  LedeBlockLink *link = data;
  g_free (link->href);
}

static void
block_clear (gpointer data)
{
  LedeBlock *block = data;
  g_free (block->text);
  g_free (block->src);
  g_clear_pointer (&block->links, g_array_unref);
}

static void
lede_article_finalize (GObject *object)
{
  LedeArticle *self = LEDE_ARTICLE (object);

  g_free (self->uri);
  g_free (self->title);
  g_free (self->byline);
  g_free (self->date);
  g_free (self->site_name);
  g_free (self->lead_image);
  g_free (self->language);
  g_free (self->excerpt);
  g_free (self->html);
  g_array_unref (self->blocks);

  G_OBJECT_CLASS (lede_article_parent_class)->finalize (object);
}

static void
lede_article_class_init (LedeArticleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lede_article_finalize;
}

static void
lede_article_init (LedeArticle *self)
{
  self->blocks = g_array_new (FALSE, TRUE, sizeof (LedeBlock));
  g_array_set_clear_func (self->blocks, block_clear);
}

LedeArticle *
lede_article_new (void)
{
  return g_object_new (LEDE_TYPE_ARTICLE, NULL);
}

#define STRING_ACCESSORS(field)                                                                              \
  const char *lede_article_get_##field (LedeArticle *self)                                                   \
  {                                                                                                          \
    g_return_val_if_fail (LEDE_IS_ARTICLE (self), NULL);                                                     \
    return self->field;                                                                                      \
  }                                                                                                          \
  void lede_article_set_##field (LedeArticle *self, const char *value)                                       \
  {                                                                                                          \
    g_return_if_fail (LEDE_IS_ARTICLE (self));                                                               \
    if (value != NULL && *value == '\0')                                                                     \
      value = NULL;                                                                                          \
    if (g_strcmp0 (self->field, value) == 0)                                                                 \
      return;                                                                                                \
    g_free (self->field);                                                                                    \
    self->field = g_strdup (value);                                                                          \
  }

STRING_ACCESSORS (uri)
STRING_ACCESSORS (title)
STRING_ACCESSORS (byline)
STRING_ACCESSORS (date)
STRING_ACCESSORS (site_name)
STRING_ACCESSORS (lead_image)
STRING_ACCESSORS (language)
STRING_ACCESSORS (excerpt)
STRING_ACCESSORS (html)

guint
lede_article_get_n_blocks (LedeArticle *self)
{
  g_return_val_if_fail (LEDE_IS_ARTICLE (self), 0);
  return self->blocks->len;
}

const LedeBlock *
lede_article_get_block (LedeArticle *self, guint index)
{
  g_return_val_if_fail (LEDE_IS_ARTICLE (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);
  return &g_array_index (self->blocks, LedeBlock, index);
}

LedeBlock *
lede_article_add_block (LedeArticle *self, LedeBlockKind kind, guint level, const char *text)
{
  LedeBlock block = { 0 };

  g_return_val_if_fail (LEDE_IS_ARTICLE (self), NULL);
  block.kind = kind;
  block.level = level;
  block.text = g_strdup (text != NULL ? text : "");
  g_array_append_val (self->blocks, block);
  return &g_array_index (self->blocks, LedeBlock, self->blocks->len - 1);
}

void
lede_article_remove_block (LedeArticle *self, guint index)
{
  g_return_if_fail (LEDE_IS_ARTICLE (self));
  g_return_if_fail (index < self->blocks->len);
  g_array_remove_index (self->blocks, index);
}

void
lede_article_truncate (LedeArticle *self, guint n_blocks)
{
  g_return_if_fail (LEDE_IS_ARTICLE (self));
  if (n_blocks < self->blocks->len)
    g_array_set_size (self->blocks, n_blocks);
}

void
lede_block_set_src (LedeBlock *block, const char *src)
{
  g_return_if_fail (block != NULL);
  g_free (block->src);
  block->src = g_strdup (src);
}

void
lede_block_add_link (LedeBlock *block, guint start, guint end, const char *href)
{
  LedeBlockLink link = { start, end, g_strdup (href) };

  g_return_if_fail (block != NULL && href != NULL);
  g_return_if_fail (start <= end && end <= strlen (block->text));
  if (block->links == NULL)
    {
      block->links = g_array_new (FALSE, FALSE, sizeof (LedeBlockLink));
      g_array_set_clear_func (block->links, link_clear);
    }
  g_array_append_val (block->links, link);
}

guint
lede_article_count_words (LedeArticle *self)
{
  guint n = 0;

  g_return_val_if_fail (LEDE_IS_ARTICLE (self), 0);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const char *p = g_array_index (self->blocks, LedeBlock, i).text;
      gboolean in_word = FALSE;
      for (; *p != '\0'; p = g_utf8_next_char (p))
        {
          gboolean w = g_unichar_isalnum (g_utf8_get_char (p));
          if (w && !in_word)
            n++;
          in_word = w;
        }
    }
  return n;
}

char *
lede_article_dup_body_text (LedeArticle *self)
{
  GString *out;

  g_return_val_if_fail (LEDE_IS_ARTICLE (self), NULL);
  out = g_string_new (NULL);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const LedeBlock *block = &g_array_index (self->blocks, LedeBlock, i);
      if (block->text[0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, "\n\n");
      g_string_append (out, block->text);
    }
  return g_string_free (out, FALSE);
}

char *
lede_article_dup_text (LedeArticle *self)
{
  g_autofree char *body = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (LEDE_IS_ARTICLE (self), NULL);
  body = lede_article_dup_body_text (self);
  if (self->title == NULL)
    return g_steal_pointer (&body);
  /* The title is one line however the page wrapped it. */
  title = g_strdup (self->title);
  g_strdelimit (title, "\r\n", ' ');
  return g_strconcat (title, "\n\n", body, NULL);
}
