/* lede-claims.c: stage: claims. */
#include "config.h"

#include "lede-analysis-private.h"
#include "lede-wordlist.h"

void
lede_find_claims (LedeDoc *doc)
{
}
