/* lede-actors.c: stage: actors. */
#include "config.h"

#include "lede-analysis-private.h"
#include "lede-wordlist.h"

void
lede_find_actors (LedeDoc *doc)
{
}
