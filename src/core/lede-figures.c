/* lede-figures.c: stage: figures. */
#include "config.h"

#include "lede-analysis-private.h"
#include "lede-wordlist.h"

void
lede_find_figures (LedeDoc *doc)
{
}
