/* lede-analysis.c: runs the analysis stages in order and owns what they find. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lede-analysis-private.h"

struct _LedeAnalysis
{
  GObject parent_instance;
  LedeDoc doc;
  char *analyzer;
  double elapsed_ms;
};

G_DEFINE_TYPE (LedeAnalysis, lede_analysis, G_TYPE_OBJECT)

G_DEFINE_QUARK (lede - analysis - error - quark, lede_analysis_error)

/* ---- enums <-> strings (the JSON contract's words) ---- */

static const char *actor_kinds[] = { "person", "organization", "place", "group", "other" };
static const char *figure_kinds[]
  = { "count", "money", "percent", "date", "ordinal", "quantity", "duration" };
static const char *stances[] = { "statement", "accusation", "denial", "demand", "threat", "prediction" };
static const char *reasons[] = { NULL, "accusation", "denial", "rebuttal", "conflicting-figures", "hedged" };

static gboolean
lookup_word (const char *const *words, guint n, const char *str, int *out)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (words[i], str) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
lede_actor_kind_to_string (LedeActorKind kind)
{
  g_return_val_if_fail (kind <= LEDE_ACTOR_OTHER, "other");
  return actor_kinds[kind];
}

gboolean
lede_actor_kind_from_string (const char *str, LedeActorKind *kind)
{
  int v;
  if (!lookup_word (actor_kinds, G_N_ELEMENTS (actor_kinds), str, &v))
    return FALSE;
  *kind = v;
  return TRUE;
}

const char *
lede_figure_kind_to_string (LedeFigureKind kind)
{
  g_return_val_if_fail (kind <= LEDE_FIGURE_DURATION, "count");
  return figure_kinds[kind];
}

gboolean
lede_figure_kind_from_string (const char *str, LedeFigureKind *kind)
{
  int v;
  if (!lookup_word (figure_kinds, G_N_ELEMENTS (figure_kinds), str, &v))
    return FALSE;
  *kind = v;
  return TRUE;
}

const char *
lede_stance_to_string (LedeStance stance)
{
  g_return_val_if_fail (stance <= LEDE_STANCE_PREDICTION, "statement");
  return stances[stance];
}

gboolean
lede_stance_from_string (const char *str, LedeStance *stance)
{
  int v;
  if (!lookup_word (stances, G_N_ELEMENTS (stances), str, &v))
    return FALSE;
  *stance = v;
  return TRUE;
}

const char *
lede_dispute_reason_to_string (LedeDisputeReason reason)
{
  g_return_val_if_fail (reason <= LEDE_DISPUTE_HEDGED, NULL);
  return reasons[reason];
}

gboolean
lede_dispute_reason_from_string (const char *str, LedeDisputeReason *reason)
{
  int v;
  if (str == NULL)
    {
      *reason = LEDE_DISPUTE_NONE;
      return TRUE;
    }
  if (!lookup_word (reasons, G_N_ELEMENTS (reasons), str, &v))
    return FALSE;
  *reason = v;
  return TRUE;
}

/* ---- records ---- */

LedeActor *
lede_actor_new (const char *name, LedeActorKind kind)
{
  LedeActor *actor = g_new0 (LedeActor, 1);
  actor->name = g_strdup (name);
  actor->kind = kind;
  actor->aliases = g_ptr_array_new_with_free_func (g_free);
  actor->mentions = g_array_new (FALSE, FALSE, sizeof (LedeSpan));
  return actor;
}

void
lede_actor_add_alias (LedeActor *actor, const char *alias)
{
  for (guint i = 0; i < actor->aliases->len; i++)
    if (strcmp (g_ptr_array_index (actor->aliases, i), alias) == 0)
      return;
  g_ptr_array_add (actor->aliases, g_strdup (alias));
}

void
lede_actor_free (LedeActor *actor)
{
  if (actor == NULL)
    return;
  g_free (actor->name);
  g_free (actor->role);
  g_ptr_array_unref (actor->aliases);
  g_array_unref (actor->mentions);
  g_free (actor);
}

LedeFigure *
lede_figure_new (void)
{
  LedeFigure *figure = g_new0 (LedeFigure, 1);
  figure->source = -1;
  return figure;
}

void
lede_figure_free (LedeFigure *figure)
{
  if (figure == NULL)
    return;
  g_free (figure->date);
  g_free (figure->unit);
  g_free (figure->qualifier);
  g_free (figure->about);
  g_free (figure);
}

LedeClaim *
lede_claim_new (void)
{
  LedeClaim *claim = g_new0 (LedeClaim, 1);
  claim->claimant = -1;
  claim->targets = g_array_new (FALSE, FALSE, sizeof (int));
  claim->disputed_by = g_array_new (FALSE, FALSE, sizeof (int));
  return claim;
}

void
lede_claim_free (LedeClaim *claim)
{
  if (claim == NULL)
    return;
  g_free (claim->claimant_text);
  g_free (claim->verb);
  g_array_unref (claim->targets);
  g_array_unref (claim->disputed_by);
  g_free (claim);
}

/* ---- doc helpers ---- */

gboolean
lede_doc_token_is (const LedeDoc *doc, guint i, const char *word)
{
  gsize len;
  const char *s;

  if (i >= lede_doc_n_tokens (doc))
    return FALSE;
  s = lede_doc_token_str (doc, i, &len);
  /* Byte by byte, without strlen(): the stages ask this for most tokens. */
  for (gsize k = 0; k < len; k++)
    if (word[k] != s[k])
      return FALSE;
  return word[len] == '\0';
}

gboolean
lede_doc_token_is_fold (const LedeDoc *doc, guint i, const char *word)
{
  gsize len;
  const char *s;

  if (i >= lede_doc_n_tokens (doc))
    return FALSE;
  s = lede_doc_token_str (doc, i, &len);
  for (gsize k = 0; k < len; k++)
    {
      char a = word[k], b = s[k];

      if (a == '\0')
        return FALSE;
      if (a != b
          && (a >= 'A' && a <= 'Z' ? a + ('a' - 'A') : a) != (b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b))
        return FALSE;
    }
  return word[len] == '\0';
}

char *
lede_doc_dup_token_lower (const LedeDoc *doc, guint i)
{
  gsize len;
  const char *s = lede_doc_token_str (doc, i, &len);
  return g_utf8_strdown (s, len);
}

char *
lede_doc_dup_range (const LedeDoc *doc, guint first, guint end)
{
  const LedeToken *a, *b;

  if (first >= end || end > lede_doc_n_tokens (doc))
    return g_strdup ("");
  a = lede_doc_token (doc, first);
  b = lede_doc_token (doc, end - 1);
  return g_strndup (doc->text + a->bstart, b->bend - a->bstart);
}

void
lede_doc_span_from_tokens (const LedeDoc *doc, guint first, guint end, LedeSpan *span)
{
  const LedeToken *a = lede_doc_token (doc, first);
  const LedeToken *b = lede_doc_token (doc, end - 1);

  span->bstart = a->bstart;
  span->bend = b->bend;
  span->start = a->start;
  span->end = b->end;
  span->sentence = a->sentence;
}

guint
lede_doc_cp_at_byte (const LedeDoc *doc, guint byte)
{
  guint lo = 0, hi = lede_doc_n_tokens (doc);

  /* Find the token holding or following @byte, then count from it. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (lede_doc_token (doc, mid)->bstart <= byte)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo == 0)
    return g_utf8_pointer_to_offset (doc->text, doc->text + MIN (byte, doc->len));
  {
    const LedeToken *t = lede_doc_token (doc, lo - 1);
    return t->start + g_utf8_pointer_to_offset (doc->text + t->bstart, doc->text + MIN (byte, doc->len));
  }
}

void
lede_doc_clear (LedeDoc *doc)
{
  g_clear_pointer (&doc->text, g_free);
  g_clear_pointer (&doc->title, g_free);
  g_clear_pointer (&doc->tokens, g_array_unref);
  g_clear_pointer (&doc->sentences, g_array_unref);
  g_clear_pointer (&doc->sentence_tokens, g_array_unref);
  g_clear_pointer (&doc->actors, g_ptr_array_unref);
  g_clear_pointer (&doc->figures, g_ptr_array_unref);
  g_clear_pointer (&doc->claims, g_ptr_array_unref);
  g_clear_pointer (&doc->token_actor, g_free);
}

/* ---- GObject ---- */

static void
lede_analysis_finalize (GObject *object)
{
  LedeAnalysis *self = LEDE_ANALYSIS (object);

  lede_doc_clear (&self->doc);
  g_free (self->analyzer);

  G_OBJECT_CLASS (lede_analysis_parent_class)->finalize (object);
}

static void
lede_analysis_class_init (LedeAnalysisClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lede_analysis_finalize;
}

static void
lede_analysis_init (LedeAnalysis *self)
{
  self->doc.actors = g_ptr_array_new_with_free_func ((GDestroyNotify) lede_actor_free);
  self->doc.figures = g_ptr_array_new_with_free_func ((GDestroyNotify) lede_figure_free);
  self->doc.claims = g_ptr_array_new_with_free_func ((GDestroyNotify) lede_claim_free);
}

static void
detect_title (LedeDoc *doc)
{
  const char *nl = memchr (doc->text, '\n', doc->len);
  const char *p;

  if (nl == NULL)
    return;
  /* The first line is the title when a blank line follows it. */
  for (p = nl + 1; p < doc->text + doc->len && (*p == ' ' || *p == '\t'); p++)
    ;
  if (p >= doc->text + doc->len || *p != '\n')
    return;
  doc->title = g_strstrip (g_strndup (doc->text, nl - doc->text));
  if (*doc->title == '\0' || g_utf8_strlen (doc->title, -1) > 300)
    {
      g_clear_pointer (&doc->title, g_free);
      return;
    }
  doc->title_bend = nl - doc->text;
}

/**
 * lede_analysis_new_for_text:
 * @text: UTF-8 text (validated here)
 * @length: its length in bytes, or -1 when nul-terminated
 * @title: (nullable): the article's title, when it is not part of @text
 * @flags: #LedeAnalysisFlags
 * @max_size: the largest input accepted in bytes, 0 for no limit
 * @error: a #LEDE_ANALYSIS_ERROR
 *
 * Analyses one article. Safe to call from any thread.
 */
LedeAnalysis *
lede_analysis_new_for_text (const char *text,
                            gssize length,
                            const char *title,
                            LedeAnalysisFlags flags,
                            gsize max_size,
                            GError **error)
{
  g_autoptr (LedeAnalysis) self = NULL;
  gint64 t0 = g_get_monotonic_time ();
  LedeDoc *doc;
  guint n;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (text);

  self = g_object_new (LEDE_TYPE_ANALYSIS, NULL);
  doc = &self->doc;
  self->analyzer = g_strdup ("lede " PACKAGE_VERSION);

  if (!lede_normalize (text ? text : "", length, max_size, &doc->text, &doc->len, error))
    return NULL;

  if (title != NULL)
    doc->title = g_strdup (title);
  else if (flags & LEDE_ANALYSIS_FLAGS_DETECT_TITLE)
    detect_title (doc);

  lede_tokenize (doc);
  lede_split_sentences (doc);

  n = lede_doc_n_tokens (doc);
  doc->token_actor = g_new (int, n + 1);
  for (guint i = 0; i <= n; i++)
    doc->token_actor[i] = -1;

  lede_find_actors (doc);
  lede_find_figures (doc);
  lede_find_claims (doc);
  lede_find_disputes (doc);

  self->elapsed_ms = (g_get_monotonic_time () - t0) / 1000.0;

  return g_steal_pointer (&self);
}

/**
 * lede_analysis_new_from_json:
 *
 * Reads a lede.analysis/1 document back, as lede_analysis_to_json() wrote it.
 */
LedeAnalysis *
lede_analysis_new_from_json (const char *json, gssize length, GError **error)
{
  g_autoptr (LedeAnalysis) self = g_object_new (LEDE_TYPE_ANALYSIS, NULL);

  if (!lede_doc_from_json (&self->doc, json, length, &self->analyzer, &self->elapsed_ms, error))
    return NULL;
  return g_steal_pointer (&self);
}

char *
lede_analysis_to_json (LedeAnalysis *self, gboolean pretty)
{
  g_return_val_if_fail (LEDE_IS_ANALYSIS (self), NULL);
  return lede_doc_to_json (&self->doc, self->analyzer, self->elapsed_ms, pretty);
}

const char *
lede_analysis_get_text (LedeAnalysis *self)
{
  g_return_val_if_fail (LEDE_IS_ANALYSIS (self), NULL);
  return self->doc.text;
}

gsize
lede_analysis_get_text_length (LedeAnalysis *self)
{
  g_return_val_if_fail (LEDE_IS_ANALYSIS (self), 0);
  return self->doc.len;
}

const char *
lede_analysis_get_title (LedeAnalysis *self)
{
  g_return_val_if_fail (LEDE_IS_ANALYSIS (self), NULL);
  return self->doc.title;
}

const char *
lede_analysis_get_analyzer (LedeAnalysis *self)
{
  g_return_val_if_fail (LEDE_IS_ANALYSIS (self), NULL);
  return self->analyzer;
}

guint
lede_analysis_get_n_words (LedeAnalysis *self)
{
  g_return_val_if_fail (LEDE_IS_ANALYSIS (self), 0);
  return self->doc.n_words;
}

double
lede_analysis_get_elapsed_ms (LedeAnalysis *self)
{
  g_return_val_if_fail (LEDE_IS_ANALYSIS (self), 0);
  return self->elapsed_ms;
}

guint
lede_analysis_get_n_sentences (LedeAnalysis *self)
{
  g_return_val_if_fail (LEDE_IS_ANALYSIS (self), 0);
  return self->doc.sentences ? self->doc.sentences->len : 0;
}

const LedeSentence *
lede_analysis_get_sentence (LedeAnalysis *self, guint index)
{
  g_return_val_if_fail (LEDE_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (index < lede_analysis_get_n_sentences (self), NULL);
  return &g_array_index (self->doc.sentences, LedeSentence, index);
}

guint
lede_analysis_get_n_actors (LedeAnalysis *self)
{
  g_return_val_if_fail (LEDE_IS_ANALYSIS (self), 0);
  return self->doc.actors->len;
}

const LedeActor *
lede_analysis_get_actor (LedeAnalysis *self, guint index)
{
  g_return_val_if_fail (LEDE_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (index < self->doc.actors->len, NULL);
  return g_ptr_array_index (self->doc.actors, index);
}

guint
lede_analysis_get_n_figures (LedeAnalysis *self)
{
  g_return_val_if_fail (LEDE_IS_ANALYSIS (self), 0);
  return self->doc.figures->len;
}

const LedeFigure *
lede_analysis_get_figure (LedeAnalysis *self, guint index)
{
  g_return_val_if_fail (LEDE_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (index < self->doc.figures->len, NULL);
  return g_ptr_array_index (self->doc.figures, index);
}

guint
lede_analysis_get_n_claims (LedeAnalysis *self)
{
  g_return_val_if_fail (LEDE_IS_ANALYSIS (self), 0);
  return self->doc.claims->len;
}

const LedeClaim *
lede_analysis_get_claim (LedeAnalysis *self, guint index)
{
  g_return_val_if_fail (LEDE_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (index < self->doc.claims->len, NULL);
  return g_ptr_array_index (self->doc.claims, index);
}

char *
lede_analysis_dup_span_text (LedeAnalysis *self, const LedeSpan *span)
{
  g_return_val_if_fail (LEDE_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (span->bend <= self->doc.len && span->bstart <= span->bend, NULL);
  return g_strndup (self->doc.text + span->bstart, span->bend - span->bstart);
}

char *
lede_analysis_dup_sentence_text (LedeAnalysis *self, guint sentence)
{
  const LedeSentence *s = lede_analysis_get_sentence (self, sentence);
  g_return_val_if_fail (s != NULL, NULL);
  return g_strndup (self->doc.text + s->bstart, s->bend - s->bstart);
}

/* The index of the actor with @name among its name or aliases, or -1. */
int
lede_analysis_find_actor (LedeAnalysis *self, const char *name)
{
  g_return_val_if_fail (LEDE_IS_ANALYSIS (self), -1);
  for (guint i = 0; i < self->doc.actors->len; i++)
    {
      const LedeActor *a = g_ptr_array_index (self->doc.actors, i);
      if (g_strcmp0 (a->name, name) == 0)
        return i;
      for (guint j = 0; j < a->aliases->len; j++)
        if (g_strcmp0 (g_ptr_array_index (a->aliases, j), name) == 0)
          return i;
    }
  return -1;
}

char *
lede_analysis_dup_id (char prefix, int index)
{
  return g_strdup_printf ("%c%d", prefix, index + 1);
}
