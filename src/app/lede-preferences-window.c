/* lede-preferences-window.c: the preferences window; every control is bound straight to GSettings. */
#include "config.h"

#include <glib/gi18n.h>

#include "lede-preferences-window.h"

struct _LedePreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings *settings;
  AdwComboRow *font_row;
  GtkSpinButton *size_button;
  GtkSwitch *panel_switch;
  GtkSwitch *sidebar_switch;
  GtkSwitch *fetch_switch;
  AdwComboRow *refresh_row;
};

G_DEFINE_FINAL_TYPE (LedePreferencesWindow, lede_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static gboolean
font_get_mapping (GValue *value, GVariant *variant, gpointer user_data)
{
  g_value_set_uint (value, g_str_equal (g_variant_get_string (variant, NULL), "sans") ? 1 : 0);
  return TRUE;
}

static GVariant *
font_set_mapping (const GValue *value, const GVariantType *type, gpointer user_data)
{
  return g_variant_new_string (g_value_get_uint (value) == 1 ? "sans" : "serif");
}

/* The refresh row's choices, in minutes, in its order. */
static const guint refresh_minutes[] = { 0, 15, 30, 60, 3 * 60, 24 * 60 };

static gboolean
refresh_get_mapping (GValue *value, GVariant *variant, gpointer user_data)
{
  guint minutes = g_variant_get_uint32 (variant);
  guint i = 0;

  /* A value set some other way shows as the next choice up. */
  while (i + 1 < G_N_ELEMENTS (refresh_minutes) && refresh_minutes[i] < minutes)
    i++;
  g_value_set_uint (value, i);
  return TRUE;
}

static GVariant *
refresh_set_mapping (const GValue *value, const GVariantType *type, gpointer user_data)
{
  guint i = g_value_get_uint (value);

  return g_variant_new_uint32 (refresh_minutes[MIN (i, G_N_ELEMENTS (refresh_minutes) - 1)]);
}

LedePreferencesWindow *
lede_preferences_window_new (GSettings *settings)
{
  LedePreferencesWindow *self = g_object_new (LEDE_TYPE_PREFERENCES_WINDOW, NULL);

  self->settings = g_object_ref (settings);
  g_settings_bind_with_mapping (settings, "font-family", self->font_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                font_get_mapping, font_set_mapping, NULL, NULL);
  g_settings_bind (settings, "font-size", gtk_spin_button_get_adjustment (self->size_button), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "panel-visible", self->panel_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "sidebar-visible", self->sidebar_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "fetch-full-articles", self->fetch_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "refresh-interval", self->refresh_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, refresh_get_mapping, refresh_set_mapping, NULL,
                                NULL);
  return self;
}

static void
lede_preferences_window_dispose (GObject *object)
{
  LedePreferencesWindow *self = LEDE_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), LEDE_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (lede_preferences_window_parent_class)->dispose (object);
}

static void
lede_preferences_window_class_init (LedePreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = lede_preferences_window_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ledereader/Lede/ui/lede-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LedePreferencesWindow, font_row);
  gtk_widget_class_bind_template_child (widget_class, LedePreferencesWindow, size_button);
  gtk_widget_class_bind_template_child (widget_class, LedePreferencesWindow, panel_switch);
  gtk_widget_class_bind_template_child (widget_class, LedePreferencesWindow, sidebar_switch);
  gtk_widget_class_bind_template_child (widget_class, LedePreferencesWindow, fetch_switch);
  gtk_widget_class_bind_template_child (widget_class, LedePreferencesWindow, refresh_row);
}

static void
lede_preferences_window_init (LedePreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
