/* claims-test-util.h: what the claims and disputes tests share. */
#pragma once

#include "lede-analysis-private.h"
#include "lede-core.h"

G_BEGIN_DECLS

/* The stages before claims, except actors, which the test names
 * ("Name|kind"); every whole-word occurrence of a name is a mention. */
LedeDoc *claims_test_doc_new (const char *text, const char *const *actors);
void claims_test_doc_free (LedeDoc *doc);
/* Runs the claims and disputes stages. */
void claims_test_run (LedeDoc *doc);
char *claims_test_claim_text (const LedeDoc *doc, const LedeClaim *claim);
/* The claim whose words contain @words, or NULL; get_claim fails the test instead. */
const LedeClaim *claims_test_find_claim (const LedeDoc *doc, const char *words);
const LedeClaim *claims_test_get_claim (const LedeDoc *doc, const char *words);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeDoc, claims_test_doc_free)

G_END_DECLS
