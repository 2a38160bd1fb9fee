/* lede-summary.c: the readable text summary `lede-analyze --format=text` prints. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lede-analysis.h"

static const char *
kind_heading (LedeActorKind kind)
{
  switch (kind)
    {
      case LEDE_ACTOR_PERSON: return _ ("People");
      case LEDE_ACTOR_ORGANIZATION: return _ ("Organizations");
      case LEDE_ACTOR_PLACE: return _ ("Places");
      case LEDE_ACTOR_GROUP: return _ ("Groups");
      case LEDE_ACTOR_OTHER:
      default: return _ ("Other");
    }
}

static const char *
actor_name (LedeAnalysis *self, int index)
{
  if (index < 0 || (guint) index >= lede_analysis_get_n_actors (self))
    return NULL;
  return lede_analysis_get_actor (self, index)->name;
}

static char *
names_of (LedeAnalysis *self, GArray *ids)
{
  g_autoptr (GString) s = g_string_new (NULL);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *name = actor_name (self, g_array_index (ids, int, i));
      if (name == NULL)
        continue;
      if (s->len > 0)
        g_string_append (s, ", ");
      g_string_append (s, name);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static const char *
reason_text (LedeDisputeReason reason)
{
  switch (reason)
    {
      case LEDE_DISPUTE_ACCUSATION: return _ ("an accusation against another side");
      case LEDE_DISPUTE_DENIAL: return _ ("a denial");
      case LEDE_DISPUTE_REBUTTAL: return _ ("rebutted by another side");
      case LEDE_DISPUTE_CONFLICTING_FIGURES: return _ ("another source gives a different figure");
      case LEDE_DISPUTE_HEDGED: return _ ("the article questions it");
      case LEDE_DISPUTE_NONE:
      default: return _ ("disputed");
    }
}

static void
append_claim (GString *out, LedeAnalysis *self, const LedeClaim *c)
{
  g_autofree char *text = lede_analysis_dup_span_text (self, &c->span);
  const char *who = actor_name (self, c->claimant);

  if (who == NULL)
    who = c->claimant_text ? c->claimant_text : _ ("unnamed source");
  if (c->disputed)
    g_string_append (out, "  [!] ");
  else
    g_string_append (out, "      ");
  /* TRANSLATORS: "Hamas (accused): Israel is undermining the talks" */
  g_string_append_printf (out, _ ("%s (%s): %s"), who, c->verb ? c->verb : "", text);
  g_string_append_c (out, '\n');
  if (c->disputed)
    {
      g_autofree char *by = names_of (self, c->disputed_by);
      if (*by)
        /* TRANSLATORS: "disputed by Israel: an accusation against another side" */
        g_string_append_printf (out, _ ("        disputed by %s: %s"), by, reason_text (c->dispute_reason));
      else
        g_string_append_printf (out, _ ("        disputed: %s"), reason_text (c->dispute_reason));
      g_string_append_c (out, '\n');
    }
}

/**
 * lede_analysis_to_text:
 *
 * A summary for people: actors by kind with roles and mention counts,
 * figures with qualifier, unit and source, claims with the disputed ones
 * marked and explained.
 */
char *
lede_analysis_to_text (LedeAnalysis *self)
{
  g_autoptr (GString) out = g_string_new (NULL);
  guint n_disputed = 0;

  g_return_val_if_fail (LEDE_IS_ANALYSIS (self), NULL);

  if (lede_analysis_get_title (self))
    g_string_append_printf (out, "%s\n\n", lede_analysis_get_title (self));
  g_string_append_printf (out,
                          g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words",
                                       lede_analysis_get_n_words (self)),
                          lede_analysis_get_n_words (self));
  g_string_append (out, ", ");
  g_string_append_printf (out,
                          g_dngettext (GETTEXT_PACKAGE, "%u sentence", "%u sentences",
                                       lede_analysis_get_n_sentences (self)),
                          lede_analysis_get_n_sentences (self));
  g_string_append (out, "\n\n");

  g_string_append_printf (out, _ ("Actors (%u)"), lede_analysis_get_n_actors (self));
  g_string_append_c (out, '\n');
  for (LedeActorKind kind = LEDE_ACTOR_PERSON; kind <= LEDE_ACTOR_OTHER; kind++)
    {
      gboolean heading = FALSE;
      for (guint i = 0; i < lede_analysis_get_n_actors (self); i++)
        {
          const LedeActor *a = lede_analysis_get_actor (self, i);
          if (a->kind != kind)
            continue;
          if (!heading)
            {
              g_string_append_printf (out, "  %s\n", kind_heading (kind));
              heading = TRUE;
            }
          g_string_append_printf (out, "    %s", a->name);
          if (a->role)
            g_string_append_printf (out, " — %s", a->role);
          g_string_append (out, " (");
          g_string_append_printf (out,
                                  g_dngettext (GETTEXT_PACKAGE, "%u mention", "%u mentions",
                                               a->mentions->len),
                                  a->mentions->len);
          g_string_append (out, ")\n");
        }
    }

  g_string_append_c (out, '\n');
  g_string_append_printf (out, _ ("Figures (%u)"), lede_analysis_get_n_figures (self));
  g_string_append_c (out, '\n');
  for (guint i = 0; i < lede_analysis_get_n_figures (self); i++)
    {
      const LedeFigure *f = lede_analysis_get_figure (self, i);
      g_autofree char *text = lede_analysis_dup_span_text (self, &f->span);
      const char *source = actor_name (self, f->source);

      g_string_append_printf (out, "    %s", text);
      g_string_append_printf (out, "  [%s", lede_figure_kind_to_string (f->kind));
      if (f->qualifier)
        g_string_append_printf (out, ", %s", f->qualifier);
      if (f->unit)
        g_string_append_printf (out, ", %s", f->unit);
      g_string_append (out, "]");
      if (f->about)
        g_string_append_printf (out, " — %s", f->about);
      if (source)
        {
          g_string_append (out, " ");
          /* TRANSLATORS: who states a figure */
          g_string_append_printf (out, _ ("(according to %s)"), source);
        }
      g_string_append_c (out, '\n');
    }

  for (guint i = 0; i < lede_analysis_get_n_claims (self); i++)
    n_disputed += lede_analysis_get_claim (self, i)->disputed;
  g_string_append_c (out, '\n');
  g_string_append_printf (out, _ ("Claims (%u, %u disputed)"), lede_analysis_get_n_claims (self), n_disputed);
  g_string_append_c (out, '\n');
  /* Disputed claims first: they are what a reader looks for. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < lede_analysis_get_n_claims (self); i++)
      {
        const LedeClaim *c = lede_analysis_get_claim (self, i);
        if (c->disputed == (pass == 0))
          append_claim (out, self, c);
      }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
