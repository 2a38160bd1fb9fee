/* lede-fact-item.c: wraps one record of an analysis so GListModels can hold it.
 *
 * The texts a row shows are made once, here, so binding a row is cheap and
 * the filter matches exactly what a person sees. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lede-fact-item.h"

struct _LedeFactItem
{
  GObject parent_instance;

  LedeFactKind kind;
  guint index;
  gboolean disputed;
  guint level; /* headers: 0 for a section, 1 for a kind of actor */
  char *id;
  char *title;
  char *subtitle;
  char *detail;
  char *badge;
  char *accessible_label;
  char *search_key;
};

G_DEFINE_FINAL_TYPE (LedeFactItem, lede_fact_item, G_TYPE_OBJECT)

const char *
lede_fact_actor_kind_label (LedeActorKind kind)
{
  switch (kind)
    {
      case LEDE_ACTOR_PERSON: return _ ("Person");
      case LEDE_ACTOR_ORGANIZATION: return _ ("Organization");
      case LEDE_ACTOR_PLACE: return _ ("Place");
      case LEDE_ACTOR_GROUP: return _ ("Group");
      case LEDE_ACTOR_OTHER:
      default: return _ ("Other");
    }
}

char *
lede_fact_actor_name (LedeAnalysis *analysis, int index)
{
  if (index < 0 || (guint) index >= lede_analysis_get_n_actors (analysis))
    return NULL;
  return g_strdup (lede_analysis_get_actor (analysis, index)->name);
}

/* Who a claim comes from, in words. */
char *
lede_fact_claim_source (LedeAnalysis *analysis, const LedeClaim *claim)
{
  char *name = lede_fact_actor_name (analysis, claim->claimant);

  if (name != NULL)
    return name;
  if (claim->claimant_text != NULL && *claim->claimant_text)
    return g_strdup (claim->claimant_text);
  return g_strdup (_ ("Unattributed"));
}

static const char *
dispute_reason_label (LedeDisputeReason reason)
{
  switch (reason)
    {
      case LEDE_DISPUTE_ACCUSATION: return _ ("an accusation");
      case LEDE_DISPUTE_DENIAL: return _ ("denied");
      case LEDE_DISPUTE_REBUTTAL: return _ ("rebutted");
      case LEDE_DISPUTE_CONFLICTING_FIGURES: return _ ("conflicting figures");
      case LEDE_DISPUTE_HEDGED: return _ ("hedged");
      case LEDE_DISPUTE_NONE:
      default: return NULL;
    }
}

/* "Disputed by X, Y: denied", or NULL for an undisputed claim. */
char *
lede_fact_dispute_text (LedeAnalysis *analysis, const LedeClaim *claim)
{
  g_autoptr (GString) by = g_string_new (NULL);
  const char *reason = dispute_reason_label (claim->dispute_reason);

  if (!claim->disputed)
    return NULL;
  for (guint i = 0; i < claim->disputed_by->len; i++)
    {
      g_autofree char *name = lede_fact_actor_name (analysis, g_array_index (claim->disputed_by, int, i));
      if (name == NULL)
        continue;
      if (by->len > 0)
        g_string_append (by, ", ");
      g_string_append (by, name);
    }
  if (by->len > 0 && reason != NULL)
    /* Translators: "Disputed by Israel: an accusation" */
    return g_strdup_printf (_ ("Disputed by %s: %s"), by->str, reason);
  if (by->len > 0)
    return g_strdup_printf (_ ("Disputed by %s"), by->str);
  if (reason != NULL)
    return g_strdup_printf (_ ("Disputed: %s"), reason);
  return g_strdup (_ ("Disputed"));
}

static void
fill_actor (LedeFactItem *self, LedeAnalysis *analysis)
{
  const LedeActor *a = lede_analysis_get_actor (analysis, self->index);
  const char *kind = lede_fact_actor_kind_label (a->kind);
  g_autoptr (GString) key = g_string_new (a->name);

  self->title = g_strdup (a->name);
  self->subtitle = g_strdup (a->role ? a->role : kind);
  self->badge = g_strdup_printf ("%u", a->mentions->len);
  self->accessible_label
    = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %s, %s, %u mention", "%s, %s, %s, %u mentions",
                                    a->mentions->len),
                       a->name, kind, a->role ? a->role : _ ("no role given"), a->mentions->len);
  for (guint i = 0; i < a->aliases->len; i++)
    g_string_append_printf (key, " %s", (char *) g_ptr_array_index (a->aliases, i));
  if (a->role)
    g_string_append_printf (key, " %s", a->role);
  self->search_key = g_utf8_casefold (key->str, -1);
}

/* The analysis names qualifiers with the contract's English words; the
 * panel shows them in the reader's language. */
static const char *
qualifier_label (const char *qualifier)
{
  static const struct
  {
    const char *word;
    const char *label;
  } labels[] = {
    { "at least", NC_ ("figure qualifier", "at least") }, { "over", NC_ ("figure qualifier", "over") },
    { "under", NC_ ("figure qualifier", "under") },       { "about", NC_ ("figure qualifier", "about") },
    { "up to", NC_ ("figure qualifier", "up to") },       { "nearly", NC_ ("figure qualifier", "nearly") },
    { "exactly", NC_ ("figure qualifier", "exactly") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (qualifier, labels[i].word) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "figure qualifier", labels[i].label);
  return qualifier;
}

static void
fill_figure (LedeFactItem *self, LedeAnalysis *analysis)
{
  const LedeFigure *f = lede_analysis_get_figure (analysis, self->index);
  g_autofree char *text = lede_analysis_dup_span_text (analysis, &f->span);
  g_autofree char *source = lede_fact_actor_name (analysis, f->source);
  g_autofree char *key = NULL;

  self->title = g_strdup (text ? text : "");
  self->subtitle = g_strdup (f->about ? f->about : (f->unit ? f->unit : ""));
  if (source != NULL)
    self->detail = g_strdup_printf (_ ("Stated by %s"), source);
  else
    self->detail = g_strdup (_ ("Stated by the article"));
  if (f->qualifier != NULL)
    self->badge = g_strdup (qualifier_label (f->qualifier));
  self->accessible_label
    = g_strdup_printf (_ ("Figure %s, %s, %s"), self->title,
                       *self->subtitle ? self->subtitle : lede_figure_kind_to_string (f->kind), self->detail);
  key = g_strjoin (" ", self->title, self->subtitle, self->detail, NULL);
  self->search_key = g_utf8_casefold (key, -1);
}

static void
fill_claim (LedeFactItem *self, LedeAnalysis *analysis)
{
  const LedeClaim *c = lede_analysis_get_claim (analysis, self->index);
  g_autofree char *text = lede_analysis_dup_span_text (analysis, &c->span);
  g_autofree char *source = lede_fact_claim_source (analysis, c);
  g_autofree char *key = NULL;

  self->disputed = c->disputed;
  /* Translators: a claim's source and reporting verb, "Hamas accused" */
  self->title = g_strdup_printf (_ ("%s %s"), source, c->verb ? c->verb : _ ("said"));
  self->subtitle = g_strdup (text ? text : "");
  self->detail = lede_fact_dispute_text (analysis, c);
  if (c->disputed)
    self->badge = g_strdup (_ ("disputed"));
  if (self->detail)
    self->accessible_label
      = g_strdup_printf (_ ("Disputed claim: %s: %s. %s"), self->title, self->subtitle, self->detail);
  else
    self->accessible_label = g_strdup_printf (_ ("Claim: %s: %s"), self->title, self->subtitle);
  key = g_strjoin (" ", self->title, self->subtitle, self->detail ? self->detail : "", NULL);
  self->search_key = g_utf8_casefold (key, -1);
}

LedeFactItem *
lede_fact_item_new (LedeAnalysis *analysis, LedeFactKind kind, guint index)
{
  LedeFactItem *self = g_object_new (LEDE_TYPE_FACT_ITEM, NULL);
  const char prefix[] = { 'a', 'f', 'c' };

  self->kind = kind;
  self->index = index;
  self->id = lede_analysis_dup_id (prefix[kind], index);
  switch (kind)
    {
      case LEDE_FACT_ACTOR: fill_actor (self, analysis); break;
      case LEDE_FACT_FIGURE: fill_figure (self, analysis); break;
      case LEDE_FACT_CLAIM: fill_claim (self, analysis); break;
      default: g_assert_not_reached ();
    }
  return self;
}

LedeFactItem *
lede_fact_item_new_header (const char *title, guint level)
{
  LedeFactItem *self = g_object_new (LEDE_TYPE_FACT_ITEM, NULL);

  self->kind = LEDE_FACT_HEADER;
  self->level = level;
  self->title = g_strdup (title);
  self->accessible_label = g_strdup (title);
  self->search_key = g_strdup ("");
  return self;
}

void
lede_fact_item_set_title (LedeFactItem *self, const char *title)
{
  g_free (self->title);
  self->title = g_strdup (title);
  g_free (self->accessible_label);
  self->accessible_label = g_strdup (title);
}

guint
lede_fact_item_get_level (LedeFactItem *self)
{
  return self->level;
}

static void
lede_fact_item_finalize (GObject *object)
{
  LedeFactItem *self = LEDE_FACT_ITEM (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->detail);
  g_free (self->badge);
  g_free (self->accessible_label);
  g_free (self->search_key);

  G_OBJECT_CLASS (lede_fact_item_parent_class)->finalize (object);
}

static void
lede_fact_item_class_init (LedeFactItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lede_fact_item_finalize;
}

static void
lede_fact_item_init (LedeFactItem *self)
{
}

LedeFactKind
lede_fact_item_get_kind (LedeFactItem *self)
{
  return self->kind;
}

guint
lede_fact_item_get_index (LedeFactItem *self)
{
  return self->index;
}

const char *
lede_fact_item_get_id (LedeFactItem *self)
{
  return self->id;
}

const char *
lede_fact_item_get_title (LedeFactItem *self)
{
  return self->title;
}

const char *
lede_fact_item_get_subtitle (LedeFactItem *self)
{
  return self->subtitle;
}

const char *
lede_fact_item_get_detail (LedeFactItem *self)
{
  return self->detail;
}

const char *
lede_fact_item_get_badge (LedeFactItem *self)
{
  return self->badge;
}

const char *
lede_fact_item_get_accessible_label (LedeFactItem *self)
{
  return self->accessible_label;
}

gboolean
lede_fact_item_get_disputed (LedeFactItem *self)
{
  return self->disputed;
}

gboolean
lede_fact_item_matches (LedeFactItem *self, const char *folded_query)
{
  return folded_query == NULL || *folded_query == '\0'
         || (self->kind != LEDE_FACT_HEADER && strstr (self->search_key, folded_query) != NULL);
}
