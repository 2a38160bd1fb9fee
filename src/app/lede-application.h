/* lede-application.h: the Lede application: one instance, many articles. */
#pragma once

#include <adwaita.h>
#include <webkit/webkit.h>

G_BEGIN_DECLS

#define LEDE_SAMPLE_URI "resource:///io/github/ledereader/Lede/core/sample/sample-article.txt"

#define LEDE_TYPE_APPLICATION (lede_application_get_type ())
G_DECLARE_FINAL_TYPE (LedeApplication, lede_application, LEDE, APPLICATION, AdwApplication)

LedeApplication *lede_application_new (void);
WebKitWebContext *lede_application_get_web_context (LedeApplication *self);
WebKitNetworkSession *lede_application_get_network_session (LedeApplication *self);
GSettings *lede_application_get_settings (LedeApplication *self);
void lede_application_bench_mark (const char *what);
void lede_application_bench_trace (const char *what);
void lede_application_bench_print_painted (void);

G_END_DECLS
