/* lede-page-builder.c: turns an analysed article into the HTML page the article view shows.
 *
 * The page is built here rather than taken from anywhere else so that nothing
 * a site or a text file contains can become markup: every character of the
 * article is escaped, and the only elements are the ones written below. Each
 * actor mention, figure and claim becomes a span carrying its id, so the
 * page's script never has to search text. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lede-page-builder.h"

typedef enum
{
  SPAN_LINK,
  SPAN_CLAIM,
  SPAN_FIGURE,
  SPAN_ACTOR,
} SpanKind;

typedef struct
{
  guint bstart;
  guint bend;
  SpanKind kind;
  guint index;   /* actor, figure or claim index */
  guint mention; /* the mention's number, for actors */
  gboolean disputed;
  gboolean opened; /* a later piece is a continuation */
} Span;

typedef struct
{
  guint bstart;
  guint bend;
  gboolean heading;
} Block;

char *
lede_page_builder_escape (const char *text, gssize length)
{
  GString *out;
  const char *p, *end;

  if (text == NULL)
    return g_strdup ("");
  if (length < 0)
    length = strlen (text);
  out = g_string_sized_new (length + 16);
  end = text + length;
  for (p = text; p < end; p++)
    {
      switch (*p)
        {
          case '&': g_string_append (out, "&amp;"); break;
          case '<': g_string_append (out, "&lt;"); break;
          case '>': g_string_append (out, "&gt;"); break;
          case '"': g_string_append (out, "&quot;"); break;
          case '\'': g_string_append (out, "&#39;"); break;
          case '\0': break;
          default: g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

/* Reads an id like "a12" (1-based, as the JSON and the page carry it) back
 * into a 0-based index below @limit. Anything else is refused, which is what
 * keeps messages from the page honest. */
gboolean
lede_page_builder_parse_id (const char *id, char prefix, guint limit, guint *index)
{
  guint64 n;
  const char *p;

  if (id == NULL || id[0] != prefix || id[1] < '1' || id[1] > '9')
    return FALSE;
  for (p = id + 1; *p; p++)
    if (!g_ascii_isdigit (*p) || p - id > 9)
      return FALSE;
  n = g_ascii_strtoull (id + 1, NULL, 10);
  if (n == 0 || n > limit)
    return FALSE;
  if (index)
    *index = n - 1;
  return TRUE;
}

static gboolean
is_boundary (const char *text, gsize len, guint b)
{
  return b <= len && (b == len || ((guchar) text[b] & 0xC0) != 0x80);
}

static void
add_span (GArray *spans, const char *text, gsize len, guint bstart, guint bend, SpanKind kind, guint index)
{
  Span s = { 0 };

  /* Offsets come from the analysis (or from JSON someone wrote); a span
   * that does not fit the text is dropped, never trusted. */
  if (bstart >= bend || !is_boundary (text, len, bstart) || !is_boundary (text, len, bend))
    return;
  s.bstart = bstart;
  s.bend = bend;
  s.kind = kind;
  s.index = index;
  g_array_append_val (spans, s);
}

static int
span_cmp (gconstpointer a, gconstpointer b)
{
  const Span *x = a, *y = b;

  /* Outer spans first: earlier start, then longer, then the kind that
   * should enclose the others (a claim holds figures and mentions). */
  if (x->bstart != y->bstart)
    return x->bstart < y->bstart ? -1 : 1;
  if (x->bend != y->bend)
    return x->bend > y->bend ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return 0;
}

static gboolean
is_url_char (char c)
{
  return c > ' ' && c != '<' && c != '>' && c != '"' && c != '\'' && c != '`' && (guchar) c < 0x80;
}

static void
add_links (GArray *spans, const char *text, gsize len)
{
  const char *p = text;
  const char *end = text + len;

  while (p < end && (p = strstr (p, "http")) != NULL)
    {
      const char *q;
      if (!(g_str_has_prefix (p, "http://") || g_str_has_prefix (p, "https://"))
          || (p > text && g_ascii_isalnum (p[-1])))
        {
          p += 4;
          continue;
        }
      q = p;
      while (q < end && is_url_char (*q))
        q++;
      /* Sentence punctuation after a link is not part of it. */
      while (q > p && strchr (".,;:!?)]", q[-1]) != NULL)
        q--;
      if (q - p > (gssize) strlen ("https://"))
        add_span (spans, text, len, p - text, q - text, SPAN_LINK, 0);
      p = q > p ? q : p + 4;
    }
}

static GArray *
collect_spans (LedeAnalysis *analysis, const char *text, gsize len)
{
  GArray *spans = g_array_new (FALSE, TRUE, sizeof (Span));

  for (guint i = 0; i < lede_analysis_get_n_claims (analysis); i++)
    {
      const LedeClaim *c = lede_analysis_get_claim (analysis, i);
      guint before = spans->len;
      add_span (spans, text, len, c->span.bstart, c->span.bend, SPAN_CLAIM, i);
      if (spans->len > before)
        g_array_index (spans, Span, before).disputed = c->disputed;
    }
  for (guint i = 0; i < lede_analysis_get_n_figures (analysis); i++)
    {
      const LedeFigure *f = lede_analysis_get_figure (analysis, i);
      add_span (spans, text, len, f->span.bstart, f->span.bend, SPAN_FIGURE, i);
    }
  for (guint i = 0; i < lede_analysis_get_n_actors (analysis); i++)
    {
      const LedeActor *a = lede_analysis_get_actor (analysis, i);
      for (guint m = 0; m < a->mentions->len; m++)
        {
          const LedeSpan *s = &g_array_index (a->mentions, LedeSpan, m);
          guint before = spans->len;
          add_span (spans, text, len, s->bstart, s->bend, SPAN_ACTOR, i);
          if (spans->len > before)
            g_array_index (spans, Span, before).mention = m;
        }
    }
  add_links (spans, text, len);
  g_array_sort (spans, span_cmp);
  return spans;
}

static gboolean
line_is_blank (const char *s, const char *e)
{
  for (; s < e; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

/* Paragraphs are separated by blank lines; a text without any blank line
 * has one paragraph per line. */
static GArray *
split_blocks (const char *text, gsize len, guint title_bend)
{
  GArray *blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  gboolean has_blank = FALSE;
  const char *p = text + title_bend, *end = text + len;
  Block cur = { 0 };
  gboolean in_block = FALSE;

  if (title_bend > 0)
    {
      Block t = { 0, title_bend, TRUE };
      g_array_append_val (blocks, t);
    }

  for (const char *l = p; l < end;)
    {
      const char *nl = memchr (l, '\n', end - l);
      const char *le = nl ? nl : end;
      if (line_is_blank (l, le) && l > p && nl != NULL)
        {
          has_blank = TRUE;
          break;
        }
      l = nl ? nl + 1 : end;
    }

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *le = nl ? nl : end;
      gboolean blank = line_is_blank (p, le);

      if (!blank && !in_block)
        {
          cur.bstart = p - text;
          in_block = TRUE;
        }
      if (!blank)
        cur.bend = le - text;
      if (in_block && (blank || !has_blank || nl == NULL))
        {
          g_array_append_val (blocks, cur);
          in_block = FALSE;
        }
      p = nl ? nl + 1 : end;
    }
  if (in_block)
    g_array_append_val (blocks, cur);

  /* Trim white space so no span starts in the middle of nothing. */
  for (guint i = 0; i < blocks->len; i++)
    {
      Block *b = &g_array_index (blocks, Block, i);
      while (b->bstart < b->bend && g_ascii_isspace (text[b->bstart]))
        b->bstart++;
      while (b->bend > b->bstart && g_ascii_isspace (text[b->bend - 1]))
        b->bend--;
    }
  return blocks;
}

static void
open_span (GString *out, const char *text, Span *s)
{
  const char *cont = s->opened ? " cont" : "";

  switch (s->kind)
    {
      case SPAN_LINK:
        {
          g_autofree char *href = lede_page_builder_escape (text + s->bstart, s->bend - s->bstart);
          g_string_append_printf (out, "<a href=\"%s\">", href);
        }
        break;
      case SPAN_CLAIM:
        g_string_append_printf (out, "<span class=\"claim%s%s\" data-claim=\"c%u\">",
                                s->disputed ? " disputed" : "", cont, s->index + 1);
        break;
      case SPAN_FIGURE:
        g_string_append_printf (out, "<span class=\"figure%s\" data-figure=\"f%u\">", cont, s->index + 1);
        break;
      case SPAN_ACTOR:
        g_string_append_printf (out, "<span class=\"mention%s\" data-actor=\"a%u\" data-m=\"%u\">", cont,
                                s->index + 1, s->mention);
        break;
      default: g_assert_not_reached ();
    }
  s->opened = TRUE;
}

static void
close_span (GString *out, const Span *s)
{
  g_string_append (out, s->kind == SPAN_LINK ? "</a>" : "</span>");
}

static void
append_text (GString *out, const char *text, guint from, guint to)
{
  g_autofree char *escaped = lede_page_builder_escape (text + from, to - from);
  g_string_append (out, escaped);
}

/* Writes one block's text with its spans. @active holds Span* in nesting
 * order; @next is the first span in @spans not yet started. Spans that
 * cross an element boundary are closed and reopened as continuations, so
 * the markup always nests. */
static void
write_block (GString *out, const char *text, const Block *b, GArray *spans, guint *next, GPtrArray *active)
{
  GPtrArray *stack = g_ptr_array_new ();
  guint pos = b->bstart;

  /* Drop spans that ended before this block; skip ones that start in the
   * white space between blocks. */
  for (guint i = active->len; i > 0; i--)
    if (((Span *) g_ptr_array_index (active, i - 1))->bend <= pos)
      g_ptr_array_remove_index (active, i - 1);

  while (pos < b->bend)
    {
      guint boundary = b->bend;
      guint common = 0;

      /* Start the spans that begin at or before here. */
      while (*next < spans->len && g_array_index (spans, Span, *next).bstart <= pos)
        {
          Span *s = &g_array_index (spans, Span, *next);
          if (s->bend > pos)
            g_ptr_array_add (active, s);
          (*next)++;
        }

      /* Reconcile the open elements with the spans active now. */
      while (common < stack->len && common < active->len
             && g_ptr_array_index (stack, common) == g_ptr_array_index (active, common))
        common++;
      for (guint i = stack->len; i > common; i--)
        close_span (out, g_ptr_array_index (stack, i - 1));
      g_ptr_array_set_size (stack, common);
      for (guint i = common; i < active->len; i++)
        {
          Span *s = g_ptr_array_index (active, i);
          /* An <a> never goes inside another one. */
          open_span (out, text, s);
          g_ptr_array_add (stack, s);
        }

      /* The text up to the next start or end. */
      if (*next < spans->len)
        boundary = MIN (boundary, MAX (g_array_index (spans, Span, *next).bstart, pos + 1));
      for (guint i = 0; i < active->len; i++)
        boundary = MIN (boundary, ((Span *) g_ptr_array_index (active, i))->bend);
      if (boundary <= pos)
        boundary = pos + 1;
      while (boundary < b->bend && ((guchar) text[boundary] & 0xC0) == 0x80)
        boundary++;
      append_text (out, text, pos, boundary);
      pos = boundary;

      for (guint i = active->len; i > 0; i--)
        if (((Span *) g_ptr_array_index (active, i - 1))->bend <= pos)
          g_ptr_array_remove_index (active, i - 1);
    }

  for (guint i = stack->len; i > 0; i--)
    close_span (out, g_ptr_array_index (stack, i - 1));
  g_ptr_array_unref (stack);
}

/* The byte length of the title line when the text starts with the
 * analysis's title, so the title is shown once, as the heading. */
static guint
title_length (LedeAnalysis *analysis, const char *text, gsize len)
{
  const char *title = lede_analysis_get_title (analysis);
  const char *nl;
  g_autofree char *line = NULL;

  if (title == NULL || *title == '\0')
    return 0;
  nl = memchr (text, '\n', len);
  line = g_strstrip (g_strndup (text, nl ? (gsize) (nl - text) : len));
  if (g_strcmp0 (line, title) != 0)
    return 0;
  return nl ? (guint) (nl - text) : (guint) len;
}

static char *
style_hash (const char *style)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize n = sizeof digest;

  g_checksum_update (sum, (const guchar *) style, strlen (style));
  g_checksum_get_digest (sum, digest, &n);
  return g_base64_encode (digest, n);
}

/**
 * lede_page_builder_build:
 * @analysis: the analysed article
 * @options: the stylesheet and reading settings
 *
 * Returns: (transfer full): a complete HTML document
 */
char *
lede_page_builder_build (LedeAnalysis *analysis, const LedePageOptions *options)
{
  const char *text = lede_analysis_get_text (analysis);
  gsize len = lede_analysis_get_text_length (analysis);
  const char *title = lede_analysis_get_title (analysis);
  guint title_bend = title_length (analysis, text, len);
  g_autoptr (GArray) spans = collect_spans (analysis, text, len);
  g_autoptr (GArray) blocks = split_blocks (text, len, title_bend);
  g_autoptr (GPtrArray) active = g_ptr_array_new ();
  g_autofree char *style = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *escaped_title = NULL;
  GString *out = g_string_sized_new (len * 2 + 4096);
  guint next = 0;

  g_return_val_if_fail (LEDE_IS_ANALYSIS (analysis), NULL);

  /* The style sheet is allowed by its hash, so not even an inline style
   * attribute could slip through. */
  style = g_strdup_printf ("%s\n:root { --lede-font-size: %upx; }\n",
                           options->stylesheet ? options->stylesheet : "", CLAMP (options->font_size, 8, 72));
  hash = style_hash (style);
  escaped_title = lede_page_builder_escape (title ? title : _ ("Untitled article"), -1);

  g_string_append (out, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n");
  g_string_append_printf (out,
                          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                          "script-src 'none'; object-src 'none'; frame-src 'none'; child-src 'none'; "
                          "worker-src 'none'; connect-src 'none'; font-src 'none'; media-src 'none'; "
                          "img-src data:; form-action 'none'; base-uri 'none'; style-src 'sha256-%s'\">\n",
                          hash);
  g_string_append (out, "<meta name=\"color-scheme\" content=\"light dark\">\n");
  g_string_append_printf (out, "<title>%s</title>\n<style>%s</style>\n</head>\n", escaped_title, style);
  g_string_append_printf (out, "<body class=\"%s\" data-page=\"%u\"><article>\n",
                          options->font == LEDE_PAGE_FONT_SANS ? "sans" : "serif", options->page_id);

  if (title != NULL && title_bend == 0)
    g_string_append_printf (out, "<h1>%s</h1>\n", escaped_title);

  for (guint i = 0; i < blocks->len; i++)
    {
      const Block *b = &g_array_index (blocks, Block, i);
      if (b->bstart >= b->bend)
        continue;
      g_string_append (out, b->heading ? "<h1>" : "<p>");
      write_block (out, text, b, spans, &next, active);
      g_string_append (out, b->heading ? "</h1>\n" : "</p>\n");
    }

  g_string_append (out, "</article></body></html>\n");
  return g_string_free (out, FALSE);
}
