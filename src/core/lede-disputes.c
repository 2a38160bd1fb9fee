/* lede-disputes.c: stage: disputes. */
#include "config.h"

#include "lede-analysis-private.h"
#include "lede-wordlist.h"

void
lede_find_disputes (LedeDoc *doc)
{
}
