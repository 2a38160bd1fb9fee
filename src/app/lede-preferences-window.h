/* lede-preferences-window.h: the reading settings. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LEDE_TYPE_PREFERENCES_WINDOW (lede_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (LedePreferencesWindow,
                      lede_preferences_window,
                      LEDE,
                      PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

LedePreferencesWindow *lede_preferences_window_new (GSettings *settings);

G_END_DECLS
