/* lede-extract-blocks.c: turns the extracted content into typed text blocks, minus datelines and promotions. */
#include "config.h"

#include <string.h>

#include "lede-extract-private.h"

typedef struct
{
  LedeArticle *article;
  const char *base;
  GString *buf;
  GArray *links; /* of LedeBlockLink, offsets in buf */
  GPtrArray *images;
  LedeBlockKind kind;
  guint level;
  gboolean ordered;
  gboolean pending_space;
  guint pre;
  guint list_depth;
  guint in_link;      /* inside <a href>, whatever the address */
  gsize link_bytes;   /* bytes of buf inside links */
  GArray *link_share; /* double per article block: the part of its text in links */
} Blocks;

static void
flush_block (Blocks *b)
{
  gsize start = 0, end = b->buf->len;
  LedeBlock *block;

  if (b->pre == 0)
    {
      while (start < end && (b->buf->str[start] == ' ' || b->buf->str[start] == '\n'))
        start++;
      while (end > start && (b->buf->str[end - 1] == ' ' || b->buf->str[end - 1] == '\n'))
        end--;
    }
  else
    {
      while (start < end && b->buf->str[start] == '\n')
        start++;
      while (end > start && g_ascii_isspace (b->buf->str[end - 1]))
        end--;
    }
  if (end > start)
    {
      g_autofree char *text = g_strndup (b->buf->str + start, end - start);
      double share = MIN (1.0, (double) b->link_bytes / (end - start));
      block = lede_article_add_block (b->article, b->kind, b->level, text);
      g_array_append_val (b->link_share, share);
      block->ordered = b->ordered;
      for (guint i = 0; i < b->links->len; i++)
        {
          LedeBlockLink *l = &g_array_index (b->links, LedeBlockLink, i);
          gsize ls = MAX (l->start, start) - start;
          gsize le = MIN (l->end, end);
          le = le > start ? le - start : 0;
          if (le > ls)
            lede_block_add_link (block, ls, le, l->href);
        }
    }
  for (guint i = 0; i < b->links->len; i++)
    g_free (g_array_index (b->links, LedeBlockLink, i).href);
  g_array_set_size (b->links, 0);
  g_string_truncate (b->buf, 0);
  b->pending_space = FALSE;
  b->link_bytes = 0;

  for (guint i = 0; i < b->images->len; i++)
    {
      LedeBlock *fig = lede_article_add_block (b->article, LEDE_BLOCK_FIGURE, 0, "");
      double share = 0;
      lede_block_set_src (fig, b->images->pdata[i]);
      g_array_append_val (b->link_share, share);
    }
  g_ptr_array_set_size (b->images, 0);
}

static void
append_text (Blocks *b, const char *text)
{
  if (b->pre > 0)
    {
      g_string_append (b->buf, text);
      return;
    }
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c) || c == 0xA0 || c == 0x200B)
        {
          b->pending_space = TRUE;
          continue;
        }
      if (b->pending_space && b->buf->len > 0 && b->buf->str[b->buf->len - 1] != '\n')
        {
          g_string_append_c (b->buf, ' ');
          b->link_bytes += b->in_link > 0;
        }
      b->pending_space = FALSE;
      g_string_append_unichar (b->buf, c);
      if (b->in_link > 0)
        b->link_bytes += g_unichar_to_utf8 (c, NULL);
    }
}

static char *
image_src (const xmlNode *img, const char *base)
{
  static const char *const attrs[]
    = { "src", "data-src", "data-original", "data-lazy-src", "data-url", NULL };
  for (guint i = 0; attrs[i] != NULL; i++)
    {
      const char *v = lede_html_get_attr (img, attrs[i]);
      char *url;
      if (v == NULL || g_str_has_prefix (v, "data:"))
        continue;
      if ((url = lede_html_resolve_url (base, v)) != NULL)
        return url;
    }
  {
    const char *srcset = lede_html_get_attr (img, "srcset");
    if (srcset == NULL)
      srcset = lede_html_get_attr (img, "data-srcset");
    if (srcset != NULL)
      {
        g_auto (GStrv) words = g_strsplit_set (srcset, " ,\t\n", -1);
        for (guint i = 0; words[i] != NULL; i++)
          if (*words[i] != '\0')
            return lede_html_resolve_url (base, words[i]);
      }
  }
  return NULL;
}

static void walk_blocks (Blocks *b, xmlNode *node);

static void
walk_children (Blocks *b, xmlNode *node)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    walk_blocks (b, c);
}

static void
walk_as_block (Blocks *b, xmlNode *node, LedeBlockKind kind, guint level)
{
  LedeBlockKind saved_kind = b->kind;
  guint saved_level = b->level;

  flush_block (b);
  b->kind = kind;
  b->level = level;
  walk_children (b, node);
  flush_block (b);
  b->kind = saved_kind;
  b->level = saved_level;
}

static void
walk_blocks (Blocks *b, xmlNode *node)
{
  static const char *const containers[]
    = { "p",       "div",     "section", "article", "main",       "header",   "footer", "aside",  "address",
        "details", "summary", "dl",      "dt",      "dd",         "fieldset", "center", "hgroup", "caption",
        "table",   "tbody",   "thead",   "tfoot",   "figcaption", "form",     "body",   "html",   NULL };
  const char *t;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content != NULL)
        append_text (b, (const char *) node->content);
      return;
    }
  if (node->type != XML_ELEMENT_NODE)
    return;
  t = lede_extract_tag (node);

  if (g_str_equal (t, "script") || g_str_equal (t, "style") || g_str_equal (t, "noscript")
      || g_str_equal (t, "template") || g_str_equal (t, "head") || g_str_equal (t, "title"))
    return;
  if (g_str_equal (t, "br"))
    {
      while (b->buf->len > 0 && b->buf->str[b->buf->len - 1] == ' ')
        g_string_truncate (b->buf, b->buf->len - 1);
      if (b->buf->len > 0)
        g_string_append_c (b->buf, '\n');
      b->pending_space = FALSE;
      return;
    }
  if (g_str_equal (t, "img"))
    {
      char *src = image_src (node, b->base);
      if (src != NULL)
        g_ptr_array_add (b->images, src);
      return;
    }
  if (t[0] == 'h' && t[1] >= '1' && t[1] <= '6' && t[2] == '\0')
    {
      walk_as_block (b, node, LEDE_BLOCK_HEADING, t[1] - '0');
      return;
    }
  if (g_str_equal (t, "pre"))
    {
      b->pre++;
      walk_as_block (b, node, LEDE_BLOCK_PREFORMATTED, 0);
      b->pre--;
      return;
    }
  if (g_str_equal (t, "blockquote"))
    {
      walk_as_block (b, node, LEDE_BLOCK_QUOTE, 0);
      return;
    }
  if (g_str_equal (t, "ul") || g_str_equal (t, "ol") || g_str_equal (t, "menu"))
    {
      gboolean saved = b->ordered;
      flush_block (b);
      b->list_depth++;
      b->ordered = g_str_equal (t, "ol");
      walk_children (b, node);
      flush_block (b);
      b->list_depth--;
      b->ordered = saved;
      return;
    }
  if (g_str_equal (t, "li"))
    {
      walk_as_block (b, node, LEDE_BLOCK_LIST_ITEM, MAX (b->list_depth, 1));
      return;
    }
  if (g_str_equal (t, "tr"))
    {
      walk_as_block (b, node, b->kind == LEDE_BLOCK_QUOTE ? LEDE_BLOCK_QUOTE : LEDE_BLOCK_PARAGRAPH, 0);
      return;
    }
  if (g_str_equal (t, "td") || g_str_equal (t, "th"))
    {
      if (b->buf->len > 0)
        g_string_append_c (b->buf, '\t');
      b->pending_space = FALSE;
      walk_children (b, node);
      return;
    }
  if (g_str_equal (t, "figure"))
    {
      g_autoptr (GPtrArray) imgs = g_ptr_array_new ();
      xmlNode *caption = lede_extract_find_first (node->children, "figcaption");
      lede_extract_collect_by_tag (node, "img", imgs);
      if (imgs->len > 0)
        {
          g_autofree char *src = NULL;
          g_autofree char *text = caption != NULL ? lede_html_inner_text (caption) : g_strdup ("");
          LedeBlock *fig;
          double share = 0;
          for (guint i = 0; i < imgs->len && src == NULL; i++)
            src = image_src (imgs->pdata[i], b->base);
          flush_block (b);
          fig = lede_article_add_block (b->article, LEDE_BLOCK_FIGURE, 0, text);
          lede_block_set_src (fig, src);
          g_array_append_val (b->link_share, share);
          return;
        }
      walk_as_block (b, node, LEDE_BLOCK_PARAGRAPH, 0);
      return;
    }
  if (g_str_equal (t, "a"))
    {
      g_autofree char *href = lede_html_resolve_url (b->base, lede_html_get_attr (node, "href"));
      gboolean is_link = lede_html_get_attr (node, "href") != NULL;
      gsize start;
      if (href == NULL)
        {
          b->in_link += is_link;
          walk_children (b, node);
          b->in_link -= is_link;
          return;
        }
      if (b->pending_space && b->buf->len > 0 && b->buf->str[b->buf->len - 1] != '\n')
        {
          g_string_append_c (b->buf, ' ');
          b->pending_space = FALSE;
        }
      start = b->buf->len;
      b->in_link++;
      walk_children (b, node);
      b->in_link--;
      if (b->buf->len > start)
        {
          LedeBlockLink link = { start, b->buf->len, g_steal_pointer (&href) };
          g_array_append_val (b->links, link);
        }
      return;
    }
  if (lede_extract_tag_in (node, containers))
    {
      /* Paragraphs inside a quote or a list item belong to it. */
      LedeBlockKind kind
        = b->kind == LEDE_BLOCK_QUOTE || b->kind == LEDE_BLOCK_LIST_ITEM ? b->kind : LEDE_BLOCK_PARAGRAPH;
      walk_as_block (b, node, kind, b->kind == kind ? b->level : 0);
      return;
    }
  walk_children (b, node);
}

static gboolean
is_tail_label (const LedeBlock *block)
{
  static const char *const labels[]
    = { "read more",   "related",           "more on this",    "see also", "more from",
        "recommended", "you may also like", "further reading", NULL };
  g_autofree char *low = g_utf8_strdown (block->text, -1);
  gsize len = strlen (low);

  if (lede_extract_word_count (low) > 6)
    return FALSE;
  if (block->kind == LEDE_BLOCK_HEADING || (len > 0 && low[len - 1] == ':'))
    for (guint i = 0; labels[i] != NULL; i++)
      if (g_str_has_prefix (low, labels[i]))
        return TRUE;
  return FALSE;
}

/* The length of a leading "Related:" style label, or 0. */
static gsize
promo_label_length (const char *text)
{
  static const char *const labels[]
    = { "related",   "read more", "read",    "see also",        "more",        "watch", "listen",
        "also read", "also",      "opinion", "further reading", "recommended", NULL };
  for (guint i = 0; labels[i] != NULL; i++)
    {
      gsize l = strlen (labels[i]);
      if (g_ascii_strncasecmp (text, labels[i], l) == 0)
        {
          const char *p = text + l;
          while (*p == ' ')
            p++;
          if (*p == ':')
            return p + 1 - text;
          if (g_str_has_prefix (p, "—") || g_str_has_prefix (p, "–") || g_str_has_prefix (p, "|"))
            return p + strlen (g_str_has_prefix (p, "|") ? "|" : "—") - text;
        }
    }
  return 0;
}

/* Calls to action that sites drop between paragraphs. */
static gboolean
is_call_to_action (const LedeBlock *block)
{
  static GRegex *re = NULL;
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      re = g_regex_new (
        "^(sign up|subscribe|follow us|share this|join our|get our|click here to (subscribe|sign up))"
        ".*(newsletter|subscribe|sign up|updates|twitter|facebook|instagram|article|story|email)",
        G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&once, 1);
    }
  return block->kind != LEDE_BLOCK_FIGURE && lede_extract_word_count (block->text) <= 12
         && g_regex_match (re, block->text, 0, NULL);
}

typedef enum
{
  TOKEN_OTHER,
  TOKEN_DATE,
  TOKEN_FILLER,
  TOKEN_BY,
} TokenClass;

static TokenClass
classify_token (const char *word)
{
  static const char *const dates[]
    = { "jan",      "january", "feb",    "february",  "mar",   "march",     "apr",  "april",  "may",
        "jun",      "june",    "jul",    "july",      "aug",   "august",    "sep",  "sept",   "september",
        "oct",      "october", "nov",    "november",  "dec",   "december",  "mon",  "monday", "tue",
        "tues",     "tuesday", "wed",    "wednesday", "thu",   "thursday",  "fri",  "friday", "sat",
        "saturday", "sun",     "sunday", "am",        "pm",    "a",         "m",    "p",      "et",
        "est",      "edt",     "gmt",    "utc",       "bst",   "cet",       "cest", "pt",     "pst",
        "pdt",      "ct",      "cst",    "cdt",       "today", "yesterday", "st",   "nd",     "rd",
        "th",       NULL };
  static const char *const fillers[]
    = { "updated", "published", "posted", "last",       "modified", "on", "at", "and",
        "written", "first",     "date",   "originally", "|",        "-",  NULL };
  static const char *const bys[] = { "by", "von", "par", "por", "door", "di", "av", NULL };
  gboolean digits = TRUE;

  for (const char *p = word; *p; p++)
    if (!g_ascii_isdigit (*p))
      digits = FALSE;
  if (digits)
    return TOKEN_DATE;
  for (guint i = 0; dates[i] != NULL; i++)
    if (g_ascii_strcasecmp (word, dates[i]) == 0)
      return TOKEN_DATE;
  for (guint i = 0; fillers[i] != NULL; i++)
    if (g_ascii_strcasecmp (word, fillers[i]) == 0)
      return TOKEN_FILLER;
  for (guint i = 0; bys[i] != NULL; i++)
    if (g_ascii_strcasecmp (word, bys[i]) == 0)
      return TOKEN_BY;
  return TOKEN_OTHER;
}

/* Words of @text as they are written (tokens_of() folds case). */
static GPtrArray *
words_of (const char *text)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  const char *start = NULL;

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;
      gboolean w = c != 0 && g_unichar_isalnum (c);
      if (w && start == NULL)
        start = p;
      else if (!w && start != NULL)
        {
          g_ptr_array_add (out, g_strndup (start, p - start));
          start = NULL;
        }
      if (c == 0)
        break;
    }
  return out;
}

/* A line that only dates the story or names its author ("Updated March 3, 2026 at 9:15 a.m. ET",
 * "Posted by Ana Reyes on 2026-03-03"), which readers take as the page's, not the story's. */
static gboolean
is_dateline_or_byline (const LedeBlock *block)
{
  static const char *const connectors[] = { "and", "of",  "for", "in", "the", "de", "da",  "du", "van",
                                            "von", "der", "la",  "le", "y",   "e",  "und", NULL };
  g_autoptr (GPtrArray) words = NULL;
  guint n_date = 0, n_other = 0, n_names = 0;
  gboolean seen_by = FALSE;

  if (block->kind != LEDE_BLOCK_PARAGRAPH || lede_extract_word_count (block->text) > 15)
    return FALSE;
  words = words_of (block->text);
  for (guint i = 0; i < words->len; i++)
    {
      const char *w = words->pdata[i];
      TokenClass c = classify_token (w);

      if (seen_by)
        {
          /* After "by", only names (capitalized), connectors, dates and fillers. */
          gboolean connector = FALSE;
          for (guint j = 0; connectors[j] != NULL && !connector; j++)
            connector = g_str_equal (w, connectors[j]);
          if (c == TOKEN_OTHER && !connector)
            {
              if (!g_unichar_isupper (g_utf8_get_char (w)))
                return FALSE;
              n_names++;
            }
          continue;
        }
      if (c == TOKEN_BY)
        {
          /* "By" must open the line or follow only dates and fillers. */
          if (n_other > 0)
            return FALSE;
          seen_by = TRUE;
        }
      else if (c == TOKEN_DATE)
        n_date++;
      else if (c == TOKEN_OTHER)
        n_other++;
    }
  if (seen_by)
    return n_names > 0 && n_names <= 10;
  return n_other == 0 && n_date > 0;
}

/* Promotions inside the story: "Related: <link to another story>" and sign-up prompts. */
static void
drop_promos (LedeArticle *article, GArray *link_share)
{
  for (guint i = lede_article_get_n_blocks (article); i > 0; i--)
    {
      const LedeBlock *block = lede_article_get_block (article, i - 1);
      gsize label = promo_label_length (block->text);
      gsize len = strlen (block->text);
      double share = g_array_index (link_share, double, i - 1);
      gboolean promo = FALSE;

      if (label > 0 && len > label && block->kind != LEDE_BLOCK_HEADING)
        /* The link covers what follows the label. */
        promo = share * len / (len - label) >= 0.8;
      if (promo || is_call_to_action (block))
        {
          lede_article_remove_block (article, i - 1);
          g_array_remove_index (link_share, i - 1);
        }
    }
}

/* Links to other stories after the last paragraph ("Read more: …") are not the article. */
static void
trim_link_tail (LedeArticle *article, GArray *link_share)
{
  guint n = lede_article_get_n_blocks (article);
  guint keep = n;

  g_assert (link_share->len == n);
  while (keep > 0 && lede_article_get_block (article, keep - 1)->kind != LEDE_BLOCK_FIGURE
         && g_array_index (link_share, double, keep - 1) >= 0.9)
    keep--;
  if (keep == n)
    return;
  /* Only with their label: a story may well end on a link of its own. */
  if (keep == 0 || !is_tail_label (lede_article_get_block (article, keep - 1)))
    return;
  keep--;
  if (keep > 0)
    lede_article_truncate (article, keep);
}

void
lede_extract_build_blocks (LedeArticle *article, xmlNode *content, const char *base)
{
  Blocks b = { 0 };

  b.article = article;
  b.base = base;
  b.buf = g_string_new (NULL);
  b.links = g_array_new (FALSE, FALSE, sizeof (LedeBlockLink));
  b.images = g_ptr_array_new_with_free_func (g_free);
  b.kind = LEDE_BLOCK_PARAGRAPH;
  b.link_share = g_array_new (FALSE, FALSE, sizeof (double));
  walk_children (&b, content);
  flush_block (&b);
  /* Datelines and bylines open a story; two lines in is already the story. */
  for (guint i = 0; i < 2 && i < lede_article_get_n_blocks (article);)
    if (is_dateline_or_byline (lede_article_get_block (article, i)))
      {
        lede_article_remove_block (article, i);
        g_array_remove_index (b.link_share, i);
      }
    else
      i++;
  drop_promos (article, b.link_share);
  trim_link_tail (article, b.link_share);
  g_array_unref (b.link_share);
  g_string_free (b.buf, TRUE);
  g_array_unref (b.links);
  g_ptr_array_unref (b.images);
}
