/* lede-analysis.h: one article's analysis: actors, figures, claims, disputes. */
#pragma once

#include <glib-object.h>

#include "lede-types.h"

G_BEGIN_DECLS

#define LEDE_ANALYSIS_SCHEMA "lede.analysis/1"

/**
 * LedeAnalysisError:
 * @LEDE_ANALYSIS_ERROR_EMPTY: the input holds no text
 * @LEDE_ANALYSIS_ERROR_INVALID_UTF8: the input is not valid UTF-8
 * @LEDE_ANALYSIS_ERROR_BINARY: the input looks like a binary file
 * @LEDE_ANALYSIS_ERROR_TOO_LARGE: the input is larger than the limit
 * @LEDE_ANALYSIS_ERROR_INVALID_JSON: a document is not lede.analysis/1 JSON
 */
typedef enum
{
  LEDE_ANALYSIS_ERROR_EMPTY,
  LEDE_ANALYSIS_ERROR_INVALID_UTF8,
  LEDE_ANALYSIS_ERROR_BINARY,
  LEDE_ANALYSIS_ERROR_TOO_LARGE,
  LEDE_ANALYSIS_ERROR_INVALID_JSON,
} LedeAnalysisError;

#define LEDE_ANALYSIS_ERROR (lede_analysis_error_quark ())
GQuark lede_analysis_error_quark (void);

/* The largest input analysed unless the caller sets another limit. */
#define LEDE_ANALYSIS_DEFAULT_MAX_SIZE (16 * 1024 * 1024)

typedef enum
{
  LEDE_ANALYSIS_FLAGS_NONE = 0,
  /* Take the first line as the title when a blank line follows it. */
  LEDE_ANALYSIS_FLAGS_DETECT_TITLE = 1 << 0,
} LedeAnalysisFlags;

#define LEDE_TYPE_ANALYSIS (lede_analysis_get_type ())
G_DECLARE_FINAL_TYPE (LedeAnalysis, lede_analysis, LEDE, ANALYSIS, GObject)

LedeAnalysis *lede_analysis_new_for_text (const char *text,
                                          gssize length,
                                          const char *title,
                                          LedeAnalysisFlags flags,
                                          gsize max_size,
                                          GError **error);
LedeAnalysis *lede_analysis_new_from_json (const char *json, gssize length, GError **error);
char *lede_analysis_to_json (LedeAnalysis *self, gboolean pretty);
char *lede_analysis_to_text (LedeAnalysis *self);

const char *lede_analysis_get_text (LedeAnalysis *self);
gsize lede_analysis_get_text_length (LedeAnalysis *self);
const char *lede_analysis_get_title (LedeAnalysis *self);
const char *lede_analysis_get_analyzer (LedeAnalysis *self);
guint lede_analysis_get_n_words (LedeAnalysis *self);
double lede_analysis_get_elapsed_ms (LedeAnalysis *self);

guint lede_analysis_get_n_sentences (LedeAnalysis *self);
const LedeSentence *lede_analysis_get_sentence (LedeAnalysis *self, guint index);
guint lede_analysis_get_n_actors (LedeAnalysis *self);
const LedeActor *lede_analysis_get_actor (LedeAnalysis *self, guint index);
guint lede_analysis_get_n_figures (LedeAnalysis *self);
const LedeFigure *lede_analysis_get_figure (LedeAnalysis *self, guint index);
guint lede_analysis_get_n_claims (LedeAnalysis *self);
const LedeClaim *lede_analysis_get_claim (LedeAnalysis *self, guint index);

char *lede_analysis_dup_span_text (LedeAnalysis *self, const LedeSpan *span);
char *lede_analysis_dup_sentence_text (LedeAnalysis *self, guint sentence);
int lede_analysis_find_actor (LedeAnalysis *self, const char *name);
char *lede_analysis_dup_id (char prefix, int index);

G_END_DECLS
