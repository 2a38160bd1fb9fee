/* claims-test-util.c: a document with the actors a test names, for the claims and disputes tests. */
#include <string.h>

#include "claims-test-util.h"

/* The stages before claims run as in the pipeline, except actors: the
 * test names them ("Name|kind"), so that what is checked here does not
 * depend on how the actors stage finds them. Every whole-word occurrence
 * of a name becomes a mention. */
LedeDoc *
claims_test_doc_new (const char *text, const char *const *actors)
{
  g_autoptr (GError) error = NULL;
  LedeDoc *doc = g_new0 (LedeDoc, 1);
  guint n;

  g_assert_true (lede_normalize (text, strlen (text), 0, &doc->text, &doc->len, &error));
  g_assert_no_error (error);
  lede_tokenize (doc);
  lede_split_sentences (doc);
  doc->actors = g_ptr_array_new_with_free_func ((GDestroyNotify) lede_actor_free);
  doc->figures = g_ptr_array_new_with_free_func ((GDestroyNotify) lede_figure_free);
  doc->claims = g_ptr_array_new_with_free_func ((GDestroyNotify) lede_claim_free);
  n = lede_doc_n_tokens (doc);
  doc->token_actor = g_new (int, n + 1);
  for (guint i = 0; i <= n; i++)
    doc->token_actor[i] = -1;

  for (guint k = 0; actors && actors[k]; k++)
    {
      g_auto (GStrv) parts = g_strsplit (actors[k], "|", 2);
      LedeActorKind kind;
      LedeActor *actor;
      int index = doc->actors->len;
      gsize len = strlen (parts[0]);

      g_assert_true (lede_actor_kind_from_string (parts[1], &kind));
      actor = lede_actor_new (parts[0], kind);
      lede_actor_add_alias (actor, parts[0]);
      g_ptr_array_add (doc->actors, actor);
      for (guint i = 0; i < n; i++)
        {
          const LedeToken *t = lede_doc_token (doc, i);
          guint e = i;
          LedeSpan span;

          if (t->bstart + len > doc->len || strncmp (doc->text + t->bstart, parts[0], len) != 0
              || doc->token_actor[i] >= 0)
            continue;
          while (e < n && lede_doc_token (doc, e)->bend <= t->bstart + len)
            e++;
          if (e == i || lede_doc_token (doc, e - 1)->bend != t->bstart + len)
            continue;
          lede_doc_span_from_tokens (doc, i, e, &span);
          g_array_append_val (actor->mentions, span);
          for (guint j = i; j < e; j++)
            doc->token_actor[j] = index;
        }
    }
  return doc;
}

void
claims_test_doc_free (LedeDoc *doc)
{
  lede_doc_clear (doc);
  g_free (doc);
}

void
claims_test_run (LedeDoc *doc)
{
  lede_find_claims (doc);
  lede_find_disputes (doc);
}

char *
claims_test_claim_text (const LedeDoc *doc, const LedeClaim *claim)
{
  return g_strndup (doc->text + claim->span.bstart, claim->span.bend - claim->span.bstart);
}

/* The claim whose words contain @words, or NULL. */
const LedeClaim *
claims_test_find_claim (const LedeDoc *doc, const char *words)
{
  for (guint i = 0; i < doc->claims->len; i++)
    {
      const LedeClaim *claim = g_ptr_array_index (doc->claims, i);
      g_autofree char *text = claims_test_claim_text (doc, claim);
      if (strstr (text, words) != NULL)
        return claim;
    }
  return NULL;
}

const LedeClaim *
claims_test_get_claim (const LedeDoc *doc, const char *words)
{
  const LedeClaim *claim = claims_test_find_claim (doc, words);
  if (claim == NULL)
    g_error ("no claim holds “%s”", words);
  return claim;
}
