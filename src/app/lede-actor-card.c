/* lede-actor-card.c: the actor card: who an actor is and where the article names it. */
#include "config.h"

#include <glib/gi18n.h>

#include "lede-actor-card.h"
#include "lede-column.h"
#include "lede-fact-item.h"
#include "lede-library-context.h"

struct _LedeActorCard
{
  GtkWidget parent_instance;

  LedeAnalysis *analysis;
  int actor;

  GtkScrolledWindow *scroller;
  GtkLabel *kind_label;
  GtkLabel *name_label;
  GtkLabel *role_label;
  GtkLabel *aliases_label;
  GtkLabel *position_label;
  GtkLabel *sentences_header;
  GtkListBox *sentences_list;
  GtkLabel *claims_made_header;
  GtkListBox *claims_made_list;
  GtkLabel *claims_about_header;
  GtkListBox *claims_about_list;
  GtkLabel *cooccur_header;
  GtkListBox *cooccur_list;
  LedeLibraryContext *library_context; /* issue 4 */
};

G_DEFINE_FINAL_TYPE (LedeActorCard, lede_actor_card, GTK_TYPE_WIDGET)

enum
{
  MENTION_ACTIVATED,
  CLAIM_ACTIVATED,
  ACTOR_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define ROW_INDEX "lede-index"

GtkWidget *
lede_actor_card_new (void)
{
  return g_object_new (LEDE_TYPE_ACTOR_CARD, NULL);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
make_row (const char *title, const char *body, const char *tag, guint index, const char *accessible)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = lede_column_new (3); /* not a GtkBox: see lede-column.c */

  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 10);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  if (title != NULL || tag != NULL)
    {
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      if (title != NULL)
        {
          GtkWidget *label = gtk_label_new (title);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_widget_set_hexpand (label, TRUE);
          gtk_widget_add_css_class (label, "heading");
          gtk_box_append (GTK_BOX (line), label);
        }
      if (tag != NULL)
        {
          GtkWidget *label = gtk_label_new (tag);
          gtk_widget_set_valign (label, GTK_ALIGN_START);
          gtk_widget_set_halign (label, GTK_ALIGN_END);
          gtk_widget_set_hexpand (label, title == NULL);
          gtk_widget_add_css_class (label, "disputed-tag");
          gtk_box_append (GTK_BOX (line), label);
        }
      lede_column_append (LEDE_COLUMN (box), line);
    }
  if (body != NULL)
    {
      GtkWidget *label = gtk_label_new (body);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      lede_column_append (LEDE_COLUMN (box), label);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), ROW_INDEX, GUINT_TO_POINTER (index));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return row;
}

static void
set_header (GtkLabel *header, GtkListBox *list, const char *text, guint n)
{
  g_autofree char *str = g_strdup_printf ("%s (%u)", text, n);

  gtk_label_set_label (header, str);
  gtk_widget_set_visible (GTK_WIDGET (header), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (list), n > 0);
}

static void
add_claim_row (LedeActorCard *self, GtkListBox *list, guint index)
{
  const LedeClaim *c = lede_analysis_get_claim (self->analysis, index);
  g_autofree char *text = lede_analysis_dup_span_text (self->analysis, &c->span);
  g_autofree char *source = lede_fact_claim_source (self->analysis, c);
  g_autofree char *dispute = lede_fact_dispute_text (self->analysis, c);
  g_autofree char *title = g_strdup_printf (_ ("%s %s"), source, c->verb ? c->verb : _ ("said"));
  g_autofree char *body = dispute ? g_strdup_printf ("%s\n%s", text, dispute) : g_strdup (text);
  g_autofree char *accessible = g_strdup_printf ("%s: %s", title, body);

  gtk_list_box_append (list, make_row (title, body, c->disputed ? _ ("disputed") : NULL, index, accessible));
}

static gboolean
int_array_has (GArray *array, int value)
{
  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, int, i) == value)
      return TRUE;
  return FALSE;
}

typedef struct
{
  guint actor;
  guint shared;
} Cooccurrence;

static int
cooccurrence_cmp (gconstpointer a, gconstpointer b)
{
  const Cooccurrence *x = a, *y = b;

  if (x->shared != y->shared)
    return x->shared > y->shared ? -1 : 1;
  return x->actor < y->actor ? -1 : (x->actor > y->actor);
}

static void
fill (LedeActorCard *self)
{
  const LedeActor *a = lede_analysis_get_actor (self->analysis, self->actor);
  guint n_sentences = lede_analysis_get_n_sentences (self->analysis);
  g_autofree gboolean *in_sentence = g_new0 (gboolean, n_sentences + 1);
  g_autoptr (GArray) together = g_array_new (FALSE, FALSE, sizeof (Cooccurrence));
  g_autoptr (GString) aliases = g_string_new (NULL);
  guint n = 0;

  gtk_label_set_label (self->name_label, a->name);
  gtk_label_set_label (self->kind_label, lede_fact_actor_kind_label (a->kind));
  gtk_label_set_label (self->role_label, a->role ? a->role : "");
  gtk_widget_set_visible (GTK_WIDGET (self->role_label), a->role != NULL);

  for (guint i = 0; i < a->aliases->len; i++)
    {
      const char *alias = g_ptr_array_index (a->aliases, i);
      if (g_strcmp0 (alias, a->name) == 0)
        continue;
      if (aliases->len > 0)
        g_string_append (aliases, ", ");
      g_string_append (aliases, alias);
    }
  if (aliases->len > 0)
    {
      g_autofree char *text = g_strdup_printf (_ ("Also called %s"), aliases->str);
      gtk_label_set_label (self->aliases_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->aliases_label), aliases->len > 0);

  /* Sentences that name the actor, each once, activating its first mention there. */
  clear_list (self->sentences_list);
  for (guint m = 0; m < a->mentions->len; m++)
    {
      const LedeSpan *s = &g_array_index (a->mentions, LedeSpan, m);
      g_autofree char *text = NULL;
      if (s->sentence >= n_sentences || in_sentence[s->sentence])
        continue;
      in_sentence[s->sentence] = TRUE;
      text = lede_analysis_dup_sentence_text (self->analysis, s->sentence);
      gtk_list_box_append (self->sentences_list, make_row (NULL, text, NULL, m, text));
      n++;
    }
  set_header (self->sentences_header, self->sentences_list, _ ("Sentences"), n);

  clear_list (self->claims_made_list);
  n = 0;
  for (guint i = 0; i < lede_analysis_get_n_claims (self->analysis); i++)
    if (lede_analysis_get_claim (self->analysis, i)->claimant == self->actor)
      {
        add_claim_row (self, self->claims_made_list, i);
        n++;
      }
  set_header (self->claims_made_header, self->claims_made_list, _ ("Claims It Makes"), n);

  clear_list (self->claims_about_list);
  n = 0;
  for (guint i = 0; i < lede_analysis_get_n_claims (self->analysis); i++)
    {
      const LedeClaim *c = lede_analysis_get_claim (self->analysis, i);
      if (c->claimant != self->actor
          && (int_array_has (c->targets, self->actor) || int_array_has (c->disputed_by, self->actor)))
        {
          add_claim_row (self, self->claims_about_list, i);
          n++;
        }
    }
  set_header (self->claims_about_header, self->claims_about_list, _ ("Claims About or Disputed by It"), n);

  /* Actors named in the same sentences. */
  clear_list (self->cooccur_list);
  for (guint i = 0; i < lede_analysis_get_n_actors (self->analysis); i++)
    {
      const LedeActor *other = lede_analysis_get_actor (self->analysis, i);
      Cooccurrence c = { i, 0 };
      guint last = G_MAXUINT;
      if ((int) i == self->actor)
        continue;
      for (guint m = 0; m < other->mentions->len; m++)
        {
          guint s = g_array_index (other->mentions, LedeSpan, m).sentence;
          if (s < n_sentences && in_sentence[s] && s != last)
            c.shared++;
          last = s;
        }
      if (c.shared > 0)
        g_array_append_val (together, c);
    }
  g_array_sort (together, cooccurrence_cmp);
  for (guint i = 0; i < together->len; i++)
    {
      const Cooccurrence *c = &g_array_index (together, Cooccurrence, i);
      const LedeActor *other = lede_analysis_get_actor (self->analysis, c->actor);
      g_autofree char *body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · in %u sentence",
                                                            "%s · in %u sentences", c->shared),
                                               lede_fact_actor_kind_label (other->kind), c->shared);
      g_autofree char *accessible = g_strdup_printf ("%s, %s", other->name, body);
      gtk_list_box_append (self->cooccur_list, make_row (other->name, body, NULL, c->actor, accessible));
    }
  set_header (self->cooccur_header, self->cooccur_list, _ ("Appears With"), together->len);
  lede_library_context_set_actor (self->library_context, self->analysis, self->actor);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

void
lede_actor_card_set_actor (LedeActorCard *self, LedeAnalysis *analysis, int actor)
{
  g_return_if_fail (LEDE_IS_ACTOR_CARD (self));

  g_set_object (&self->analysis, analysis);
  self->actor = -1;
  if (analysis == NULL || actor < 0 || (guint) actor >= lede_analysis_get_n_actors (analysis))
    return;
  self->actor = actor;
  fill (self);
  lede_actor_card_set_position (self, 0, lede_analysis_get_actor (analysis, actor)->mentions->len);
}

int
lede_actor_card_get_actor (LedeActorCard *self)
{
  g_return_val_if_fail (LEDE_IS_ACTOR_CARD (self), -1);
  return self->actor;
}

void
lede_actor_card_set_position (LedeActorCard *self, int current, guint total)
{
  g_autofree char *text = NULL;

  if (current >= 0 && total > 0)
    /* Translators: "Mention 2 of 5" */
    text = g_strdup_printf (_ ("Mention %d of %u"), current + 1, total);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u mention", "%u mentions", total), total);
  gtk_label_set_label (self->position_label, text);
}

GtkWidget *
lede_actor_card_get_library_context (LedeActorCard *self)
{
  g_return_val_if_fail (LEDE_IS_ACTOR_CARD (self), NULL);
  return GTK_WIDGET (self->library_context);
}

static void
sentence_activated_cb (LedeActorCard *self, GtkListBoxRow *row)
{
  g_signal_emit (self, signals[MENTION_ACTIVATED], 0,
                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), ROW_INDEX)));
}

static void
claim_activated_cb (LedeActorCard *self, GtkListBoxRow *row)
{
  g_signal_emit (self, signals[CLAIM_ACTIVATED], 0,
                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), ROW_INDEX)));
}

static void
actor_activated_cb (LedeActorCard *self, GtkListBoxRow *row)
{
  g_signal_emit (self, signals[ACTOR_ACTIVATED], 0,
                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), ROW_INDEX)));
}

static void
lede_actor_card_dispose (GObject *object)
{
  LedeActorCard *self = LEDE_ACTOR_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LEDE_TYPE_ACTOR_CARD);
  g_clear_object (&self->analysis);

  G_OBJECT_CLASS (lede_actor_card_parent_class)->dispose (object);
}

static void
lede_actor_card_class_init (LedeActorCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lede_actor_card_dispose;

  /* The mention's index among the actor's mentions. */
  signals[MENTION_ACTIVATED]
    = g_signal_new ("mention-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                    G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[CLAIM_ACTIVATED] = g_signal_new ("claim-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[ACTOR_ACTIVATED] = g_signal_new ("actor-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ledereader/Lede/ui/lede-actor-card.ui");
  gtk_widget_class_bind_template_child (widget_class, LedeActorCard, scroller);
  gtk_widget_class_bind_template_child (widget_class, LedeActorCard, kind_label);
  gtk_widget_class_bind_template_child (widget_class, LedeActorCard, name_label);
  gtk_widget_class_bind_template_child (widget_class, LedeActorCard, role_label);
  gtk_widget_class_bind_template_child (widget_class, LedeActorCard, aliases_label);
  gtk_widget_class_bind_template_child (widget_class, LedeActorCard, position_label);
  gtk_widget_class_bind_template_child (widget_class, LedeActorCard, sentences_header);
  gtk_widget_class_bind_template_child (widget_class, LedeActorCard, sentences_list);
  gtk_widget_class_bind_template_child (widget_class, LedeActorCard, claims_made_header);
  gtk_widget_class_bind_template_child (widget_class, LedeActorCard, claims_made_list);
  gtk_widget_class_bind_template_child (widget_class, LedeActorCard, claims_about_header);
  gtk_widget_class_bind_template_child (widget_class, LedeActorCard, claims_about_list);
  gtk_widget_class_bind_template_child (widget_class, LedeActorCard, cooccur_header);
  gtk_widget_class_bind_template_child (widget_class, LedeActorCard, cooccur_list);
  gtk_widget_class_bind_template_child (widget_class, LedeActorCard, library_context);
  gtk_widget_class_bind_template_callback (widget_class, sentence_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, claim_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, actor_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
lede_actor_card_init (LedeActorCard *self)
{
  self->actor = -1;
  g_type_ensure (LEDE_TYPE_LIBRARY_CONTEXT);
  gtk_widget_init_template (GTK_WIDGET (self));
}
