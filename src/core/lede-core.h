/* lede-core.h: the one header users of the analysis core include. */
#pragma once

#include "lede-types.h"
#include "lede-analysis.h"
