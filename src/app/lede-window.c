/* lede-window.c: the reader window; opens articles, analyses them off the main thread and ties the page to the panel. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "lede-article.h"
#include "lede-extract.h"
#include "lede-library-sidebar.h"
#include "lede-welcome-page.h"
#include "lede-window.h"

#define MAX_RECENT 15
#define SPINNER_DELAY_MS 300

struct _LedeWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;
  GCancellable *load_cancellable;
  LedeAnalysis *analysis;
  GtkStringList *library;
  GtkSingleSelection *library_selection;
  char *current_uri; /* the file on show, or NULL */
  int panel_width;
  int drag_start_width;
  gulong after_paint_id;
  guint spinner_timeout;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkSpinner *spinner;
  AdwFlap *flap;
  GtkListView *library_view;
  GtkBox *paned;
  GtkWidget *panel_handle;
  GtkStack *content_stack;
  GtkSpinner *loading_spinner;
  AdwStatusPage *error_page;
  GtkBox *article_box;
  LedeFactPanel *panel;
  LedeArticleView *article_view;

  /* The news library (issue 4). */
  LedeLibrary *news;
  LedeLibrarySidebar *sidebar;
};

G_DEFINE_FINAL_TYPE (LedeWindow, lede_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void select_current_in_library (LedeWindow *self);

/* ---- loading ---- */

typedef struct
{
  GFile *file;
  char *text;
  char *title;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_free (data->text);
  g_free (data->title);
  g_free (data);
}

static gboolean
is_web_page (GFile *file, const char *contents, gsize length)
{
  g_autofree char *name = g_file_get_basename (file);
  return lede_extract_is_html_file (name, contents, length);
}

static void
load_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  LedeAnalysis *analysis;

  if (data->file != NULL)
    {
      g_autoptr (GFileInfo) info
        = g_file_query_info (data->file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, cancellable, NULL);
      /* Refuse huge files before reading them into memory. */
      if (info != NULL && g_file_info_get_size (info) > LEDE_ANALYSIS_DEFAULT_MAX_SIZE)
        {
          g_autofree char *size = g_format_size (g_file_info_get_size (info));
          g_task_return_new_error (task, LEDE_ANALYSIS_ERROR, LEDE_ANALYSIS_ERROR_TOO_LARGE,
                                   _ ("The file is too large (%s)"), size);
          return;
        }
      if (!g_file_load_contents (data->file, cancellable, &contents, &length, NULL, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  else
    {
      contents = g_strdup (data->text);
      length = strlen (contents);
    }

  if (data->file != NULL && is_web_page (data->file, contents, length))
    {
      /* A saved web page: read the article out of it, as lede-analyze does. */
      g_autofree char *uri = g_file_get_uri (data->file);
      g_autoptr (LedeArticle) article = lede_extract_article (contents, length, uri, NULL, &error);
      g_autofree char *body = NULL;

      if (article == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      body = lede_article_dup_body_text (article);
      analysis
        = lede_analysis_new_for_text (body, -1, lede_article_get_title (article), LEDE_ANALYSIS_FLAGS_NONE,
                                      LEDE_ANALYSIS_DEFAULT_MAX_SIZE, &error);
    }
  else
    analysis = lede_analysis_new_for_text (contents, length, data->title, LEDE_ANALYSIS_FLAGS_DETECT_TITLE,
                                           LEDE_ANALYSIS_DEFAULT_MAX_SIZE, &error);
  if (analysis == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, analysis, g_object_unref);
}

static gboolean
show_spinners_cb (gpointer user_data)
{
  LedeWindow *self = user_data;

  self->spinner_timeout = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_set_spinning (self->spinner, TRUE);
  gtk_spinner_set_spinning (self->loading_spinner, TRUE);
  return G_SOURCE_REMOVE;
}

/* The spinners appear only when opening takes a noticeable time: a
 * short article would only flash them, and every spinning frame is drawn. */
static void
set_busy (LedeWindow *self, gboolean busy)
{
  g_clear_handle_id (&self->spinner_timeout, g_source_remove);
  if (busy)
    self->spinner_timeout = g_timeout_add (SPINNER_DELAY_MS, show_spinners_cb, self);
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
      gtk_spinner_set_spinning (self->spinner, FALSE);
      gtk_spinner_set_spinning (self->loading_spinner, FALSE);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static LedePageOptions
page_options (LedeWindow *self)
{
  static char *css;
  LedePageOptions options = { 0 };

  if (css == NULL)
    {
      g_autoptr (GBytes) bytes = g_resources_lookup_data ("/io/github/ledereader/Lede/page/article.css",
                                                          G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      css = bytes ? g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)) : g_strdup ("");
    }
  options.stylesheet = css;
  options.font = g_settings_get_enum (self->settings, "font-family");
  options.font_size = g_settings_get_uint (self->settings, "font-size");
  return options;
}

static void
after_paint_cb (GdkFrameClock *clock, gpointer user_data)
{
  LedeWindow *self = user_data;

  g_clear_signal_handler (&self->after_paint_id, clock);
  lede_application_bench_mark ("panel");
}

static void
add_recent (LedeWindow *self, GFile *file)
{
  /* Newest first; the sample is always there and never listed twice. */
  g_autofree char *uri = g_file_get_uri (file);
  g_auto (GStrv) old = g_settings_get_strv (self->settings, "recent-files");
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) recent = NULL;
  guint n = 1;

  if (g_str_equal (uri, LEDE_SAMPLE_URI))
    return;
  g_strv_builder_add (builder, uri);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT; i++)
    if (!g_str_equal (old[i], uri))
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char *const *) recent);
}

void
lede_window_show_analysis (LedeWindow *self, LedeAnalysis *analysis, const char *fallback_title)
{
  LedePageOptions options = page_options (self);
  const char *title = lede_analysis_get_title (analysis);
  g_autofree char *subtitle = NULL;
  GdkFrameClock *clock;

  g_set_object (&self->analysis, analysis);
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words",
                                           lede_analysis_get_n_words (analysis)),
                              lede_analysis_get_n_words (analysis));
  adw_window_title_set_title (self->window_title, title ? title : fallback_title);
  gtk_window_set_title (GTK_WINDOW (self), title ? title : fallback_title);
  /* A document read back from JSON may not say how many words it has. */
  adw_window_title_set_subtitle (self->window_title,
                                 lede_analysis_get_n_words (analysis) > 0 ? subtitle : NULL);

  lede_fact_panel_set_analysis (self->panel, analysis);
  lede_article_view_show (self->article_view, analysis, &options);
  lede_application_bench_trace ("panel filled, page built and loading");
  gtk_stack_set_visible_child_name (self->content_stack, "article");

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock != NULL && self->after_paint_id == 0)
    self->after_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), self);
}

static void
show_error (LedeWindow *self, const char *what, const GError *error)
{
  g_autofree char *title = g_strdup_printf (_ ("Could Not Open “%s”"), what);
  g_autofree char *toast = g_strdup_printf (_ ("Could not open “%s”"), what);
  const char *message = error->message;

  if (g_error_matches (error, LEDE_ANALYSIS_ERROR, LEDE_ANALYSIS_ERROR_INVALID_UTF8))
    message = _ ("The file is not UTF-8 text.");
  else if (g_error_matches (error, LEDE_ANALYSIS_ERROR, LEDE_ANALYSIS_ERROR_BINARY))
    message = _ ("The file is not a text file.");
  else if (g_error_matches (error, LEDE_ANALYSIS_ERROR, LEDE_ANALYSIS_ERROR_EMPTY))
    message = _ ("There is no text to analyze.");

  /* A failed open keeps the article that was showing; only an empty
   * window shows the error full size. */
  if (self->analysis == NULL)
    {
      adw_status_page_set_title (self->error_page, title);
      adw_status_page_set_description (self->error_page, message);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
    }
  else
    gtk_stack_set_visible_child_name (self->content_stack, "article");
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (toast));
}

typedef struct
{
  LedeWindow *self;
  char *what;
} LoadCallbackData;

static void
load_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LoadCallbackData *cb = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeAnalysis) analysis = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *what = cb->what;
  LedeWindow *self = cb->self;
  LoadData *data = g_task_get_task_data (G_TASK (result));

  g_free (cb);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->load_cancellable);
  set_busy (self, FALSE);
  lede_application_bench_trace ("analysis done");
  if (analysis == NULL)
    {
      show_error (self, what, error);
      return;
    }
  g_clear_pointer (&self->current_uri, g_free);
  if (data->file != NULL)
    {
      self->current_uri = g_file_get_uri (data->file);
      add_recent (self, data->file);
    }
  lede_window_show_analysis (self, analysis, what);
  select_current_in_library (self);
}

static void
start_load (LedeWindow *self, LoadData *data, const char *what)
{
  g_autoptr (GTask) task = NULL;
  LoadCallbackData *cb = g_new0 (LoadCallbackData, 1);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  cb->self = self;
  cb->what = g_strdup (what);
  lede_library_set_current_item (self->news, 0);
  /* The window holds a reference while the task runs, so cb->self stays valid. */
  task = g_task_new (self, self->load_cancellable, load_done_cb, cb);
  g_task_set_source_tag (task, start_load);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  /* The loading page's text shows at once; its spinner starts with the others. */
  if (self->analysis == NULL)
    gtk_stack_set_visible_child_name (self->content_stack, "loading");
  set_busy (self, TRUE);
  g_task_run_in_thread (task, load_thread);
}

static char *
display_name (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  if (g_str_equal (uri, LEDE_SAMPLE_URI))
    return g_strdup (_ ("Sample article"));
  return g_file_get_basename (file);
}

void
lede_window_open_file (LedeWindow *self, GFile *file)
{
  LoadData *data = g_new0 (LoadData, 1);
  g_autofree char *name = display_name (file);

  g_return_if_fail (LEDE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  data->file = g_object_ref (file);
  start_load (self, data, name);
}

/* @name says what the text is when it has no title of its own. */
static void
open_text_named (LedeWindow *self, const char *text, const char *title, const char *name)
{
  LoadData *data = g_new0 (LoadData, 1);

  data->text = g_strdup (text);
  data->title = g_strdup (title);
  start_load (self, data, title ? title : name);
}

/* Lists @file in the library without opening it. */
void
lede_window_add_to_library (LedeWindow *self, GFile *file)
{
  g_return_if_fail (LEDE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  add_recent (self, file);
}

void
lede_window_open_text (LedeWindow *self, const char *text, const char *title)
{
  g_return_if_fail (LEDE_IS_WINDOW (self));
  g_return_if_fail (text != NULL);

  open_text_named (self, text, title, _ ("Text"));
}

/* ---- actions ---- */

#if GTK_CHECK_VERSION(4, 10, 0)
static void
file_dialog_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LedeWindow) self = user_data;
  g_autoptr (GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    lede_window_open_file (self, file);
}
#else
static void
file_chooser_response_cb (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  LedeWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (file != NULL)
        lede_window_open_file (self, file);
    }
  g_object_unref (dialog);
}
#endif

static GtkFileFilter *
text_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _ ("Text files"));
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_suffix (filter, "txt");
  return filter;
}

static void
open_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  LedeWindow *self = user_data;
  g_autoptr (GtkFileFilter) filter = text_filter ();

#if GTK_CHECK_VERSION(4, 10, 0)
  g_autoptr (GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr (GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  g_list_store_append (filters, filter);
  gtk_file_dialog_set_title (dialog, _ ("Open Article"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_open (dialog, GTK_WINDOW (self), NULL, file_dialog_done_cb, g_object_ref (self));
#else
  GtkFileChooserNative *dialog
    = gtk_file_chooser_native_new (_ ("Open Article"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                   _ ("_Open"), _ ("_Cancel"));

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (file_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
#endif
}

static void
open_sample_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  g_autoptr (GFile) file = g_file_new_for_uri (LEDE_SAMPLE_URI);
  lede_window_open_file (user_data, file);
}

static void
clipboard_text_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LedeWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text == NULL || *g_strstrip (text) == '\0')
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_ ("The clipboard holds no text")));
      return;
    }
  open_text_named (self, text, NULL, _ ("Text from the clipboard"));
}

static void
analyze_clipboard_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  LedeWindow *self = user_data;
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), NULL, clipboard_text_cb,
                                 g_object_ref (self));
}

static void
clear_selection (LedeWindow *self)
{
  lede_fact_panel_clear_selection (self->panel);
  lede_article_view_clear (self->article_view);
}

static void
clear_selection_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  clear_selection (user_data);
}

static void
step_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  LedeWindow *self = user_data;

  if (lede_fact_panel_get_selected_actor (self->panel) < 0)
    return;
  lede_article_view_step (self->article_view,
                          g_str_equal (g_action_get_name (G_ACTION (action)), "next-mention") ? 1 : -1);
}

static void
filter_action_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  LedeWindow *self = user_data;

  g_settings_set_boolean (self->settings, "panel-visible", TRUE);
  lede_fact_panel_focus_filter (self->panel);
}

static const GActionEntry win_actions[] = {
  { "open", open_action_cb },
  { "open-sample", open_sample_action_cb },
  { "analyze-clipboard", analyze_clipboard_action_cb },
  { "clear-selection", clear_selection_action_cb },
  { "next-mention", step_action_cb },
  { "previous-mention", step_action_cb },
  { "filter", filter_action_cb },
};

/* ---- panel and page ---- */

static void
panel_actor_selected_cb (LedeWindow *self, int actor)
{
  if (actor < 0)
    lede_article_view_clear (self->article_view);
  else
    lede_article_view_highlight_actor (self->article_view, actor, 0);
}

static void
panel_mention_activated_cb (LedeWindow *self, guint actor, guint mention)
{
  lede_article_view_show_mention (self->article_view, actor, mention);
}

static void
panel_figure_activated_cb (LedeWindow *self, guint figure)
{
  lede_article_view_mark_figure (self->article_view, figure);
}

static void
panel_claim_activated_cb (LedeWindow *self, guint claim)
{
  lede_article_view_mark_claim (self->article_view, claim);
}

static void
page_actor_clicked_cb (LedeWindow *self, guint actor, guint mention)
{
  g_settings_set_boolean (self->settings, "panel-visible", TRUE);
  lede_fact_panel_select_actor (self->panel, actor);
  lede_article_view_highlight_actor (self->article_view, actor, mention);
}

static void
page_figure_clicked_cb (LedeWindow *self, guint figure)
{
  lede_fact_panel_select_fact (self->panel, FALSE, figure);
  lede_article_view_mark_figure (self->article_view, figure);
}

static void
page_claim_clicked_cb (LedeWindow *self, guint claim)
{
  lede_fact_panel_select_fact (self->panel, TRUE, claim);
  lede_article_view_mark_claim (self->article_view, claim);
}

static void
page_mention_changed_cb (LedeWindow *self, int current, guint total)
{
  lede_fact_panel_set_mention_position (self->panel, current, total);
}

static void
font_changed_cb (LedeWindow *self)
{
  lede_article_view_set_font (self->article_view, g_settings_get_enum (self->settings, "font-family"),
                              g_settings_get_uint (self->settings, "font-size"));
}

/* ---- library ---- */

/* Marks the article on show in the library, when it came from there. */
static void
select_current_in_library (LedeWindow *self)
{
  GListModel *model = G_LIST_MODEL (self->library);
  guint pos = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; self->current_uri != NULL && i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (self->library, i), self->current_uri))
      {
        pos = i;
        break;
      }
  gtk_single_selection_set_selected (self->library_selection, pos);
}

static void
update_library (LedeWindow *self)
{
  g_auto (GStrv) recent = g_settings_get_strv (self->settings, "recent-files");
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) items = NULL;

  g_strv_builder_add (builder, LEDE_SAMPLE_URI);
  g_strv_builder_addv (builder, (const char **) recent);
  items = g_strv_builder_end (builder);
  gtk_string_list_splice (self->library, 0, g_list_model_get_n_items (G_LIST_MODEL (self->library)),
                          (const char *const *) items);
  select_current_in_library (self);
}

static void
library_setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
library_bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  const char *uri = gtk_string_object_get_string (gtk_list_item_get_item (item));
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (icon);
  g_autoptr (GFile) file = g_file_new_for_uri (uri);
  g_autofree char *name = display_name (file);
  g_autofree char *path = g_file_get_parse_name (file);
  gboolean sample = g_str_equal (uri, LEDE_SAMPLE_URI);

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), sample ? "starred-symbolic" : "text-x-generic-symbolic");
  gtk_label_set_label (GTK_LABEL (label), name);
  gtk_widget_set_tooltip_text (box, sample ? _ ("The article that comes with Lede") : path);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
library_activate_cb (LedeWindow *self, guint position)
{
  g_autoptr (GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (self->library), position);
  g_autoptr (GFile) file = NULL;

  if (item == NULL)
    return;
  file = g_file_new_for_uri (gtk_string_object_get_string (item));
  lede_window_open_file (self, file);
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

/* ---- the news library (issue 4): feed items and web pages, opened off the main thread ---- */

typedef struct
{
  LedeWindow *self;
  gint64 item_id;
  char *what;
} NewsOpen;

static void
news_open_free (NewsOpen *op)
{
  g_object_unref (op->self);
  g_free (op->what);
  g_free (op);
}

static void
news_opened_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  NewsOpen *op = user_data;
  LedeWindow *self = op->self;
  g_autoptr (GError) error = NULL;
  g_autofree char *notice = NULL;
  g_autoptr (LedeAnalysis) analysis = NULL;
  gint64 item_id = op->item_id;

  if (op->item_id > 0)
    analysis = lede_library_open_item_finish (LEDE_LIBRARY (source), result, &notice, &error);
  else
    analysis = lede_library_open_url_finish (LEDE_LIBRARY (source), result, &item_id, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      news_open_free (op);
      return;
    }
  g_clear_object (&self->load_cancellable);
  set_busy (self, FALSE);
  if (analysis == NULL)
    show_error (self, op->what, error);
  else
    {
      /* Set before the panel shows, so the actor card knows which article is open. */
      lede_library_set_current_item (self->news, item_id);
      lede_window_show_analysis (self, analysis, op->what);
      if (notice != NULL)
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (notice));
    }
  if (item_id > 0)
    lede_library_sidebar_item_opened (self->sidebar, item_id);
  /* A page opened by address joins the library's web pages. */
  if (op->item_id == 0 && item_id > 0)
    lede_library_changed (self->news);
  news_open_free (op);
}

static NewsOpen *
news_start (LedeWindow *self, gint64 item_id, const char *what)
{
  NewsOpen *op = g_new0 (NewsOpen, 1);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  op->self = g_object_ref (self);
  op->item_id = item_id;
  op->what = g_strdup (what);
  if (self->analysis == NULL)
    gtk_stack_set_visible_child_name (self->content_stack, "loading");
  set_busy (self, TRUE);
  return op;
}

void
lede_window_open_item (LedeWindow *self, gint64 item_id)
{
  NewsOpen *op;

  LedeItemObject *row;
  const LedeStoreItem *item;

  g_return_if_fail (LEDE_IS_WINDOW (self));
  /* The list's record names the article in an error; it may not be listed (a card's link). */
  row = lede_item_list_model_peek (lede_library_sidebar_get_items (self->sidebar), item_id);
  item = row ? lede_item_object_get_item (row) : NULL;
  op = news_start (self, item_id, item && item->title && *item->title ? item->title : _ ("Article"));
  lede_library_open_item_async (self->news, item_id, self->load_cancellable, news_opened_cb, op);
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

void
lede_window_open_url (LedeWindow *self, const char *url)
{
  NewsOpen *op;

  g_return_if_fail (LEDE_IS_WINDOW (self));
  op = news_start (self, 0, url);
  lede_library_open_url_async (self->news, url, self->load_cancellable, news_opened_cb, op);
}

LedeLibrarySidebar *
lede_window_get_sidebar (LedeWindow *self)
{
  g_return_val_if_fail (LEDE_IS_WINDOW (self), NULL);
  return self->sidebar;
}

static void
news_setup (LedeWindow *self)
{
  GtkWidget *library_box;

  self->news = lede_library_new (NULL);
  g_settings_bind (self->settings, "fetch-full-articles", self->news, "fetch-full-articles",
                   G_SETTINGS_BIND_GET);
  /* Widgets inside the window (the actor card) find the library on their root. */
  lede_library_set_for_object (self, self->news);
  self->sidebar = LEDE_LIBRARY_SIDEBAR (lede_library_sidebar_new (self->news));
  gtk_widget_set_vexpand (GTK_WIDGET (self->sidebar), TRUE);
  g_settings_bind (self->settings, "refresh-interval", self->sidebar, "refresh-interval",
                   G_SETTINGS_BIND_GET);
  library_box = gtk_widget_get_ancestor (GTK_WIDGET (self->library_view), GTK_TYPE_BOX);
  gtk_box_prepend (GTK_BOX (library_box), GTK_WIDGET (self->sidebar));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "library",
                                  lede_library_sidebar_get_actions (self->sidebar));
  g_signal_connect_object (self->sidebar, "item-activated", G_CALLBACK (lede_window_open_item), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "open-url", G_CALLBACK (lede_window_open_url), self,
                           G_CONNECT_SWAPPED);
}

/* ---- drag and drop ---- */

static gboolean
drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, gpointer user_data)
{
  LedeWindow *self = user_data;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = g_value_get_boxed (value);
      if (files == NULL)
        return FALSE;
      lede_window_open_file (self, files->data);
      return TRUE;
    }
  if (G_VALUE_HOLDS (value, G_TYPE_STRING) && g_value_get_string (value) != NULL)
    {
      open_text_named (self, g_value_get_string (value), NULL, _ ("Dropped text"));
      return TRUE;
    }
  return FALSE;
}

/* ---- window state ---- */

/* The panel keeps its width when the window changes size; only a drag of
 * the handle beside it changes the width. */
static void
set_panel_width (LedeWindow *self, int width)
{
  self->panel_width = CLAMP (width, 240, 900);
  gtk_widget_set_size_request (GTK_WIDGET (self->panel), self->panel_width, -1);
}

static void
handle_drag_begin_cb (GtkGestureDrag *gesture, double x, double y, gpointer user_data)
{
  LedeWindow *self = user_data;
  self->drag_start_width = self->panel_width;
}

static void
handle_drag_update_cb (GtkGestureDrag *gesture, double dx, double dy, gpointer user_data)
{
  LedeWindow *self = user_data;
  int available = gtk_widget_get_width (GTK_WIDGET (self->paned)) - 320;

  set_panel_width (self, MIN (self->drag_start_width - (int) dx, MAX (available, 240)));
}

static gboolean
lede_window_close_request (GtkWindow *window)
{
  LedeWindow *self = LEDE_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_int (self->settings, "panel-width", CLAMP (self->panel_width, 240, 900));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (lede_window_parent_class)->close_request (window);
}

LedeWindow *
lede_window_new (LedeApplication *app)
{
  return g_object_new (LEDE_TYPE_WINDOW, "application", app, NULL);
}

static void
lede_window_constructed (GObject *object)
{
  LedeWindow *self = LEDE_WINDOW (object);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  WebKitWebContext *context = NULL;
  WebKitNetworkSession *session = NULL;

  G_OBJECT_CLASS (lede_window_parent_class)->constructed (object);

  if (LEDE_IS_APPLICATION (app))
    {
      self->settings = g_object_ref (lede_application_get_settings (LEDE_APPLICATION (app)));
      context = lede_application_get_web_context (LEDE_APPLICATION (app));
      session = lede_application_get_network_session (LEDE_APPLICATION (app));
    }
  else
    self->settings = g_settings_new (APP_ID);

  self->article_view = LEDE_ARTICLE_VIEW (lede_article_view_new (context, session));
  gtk_widget_set_hexpand (GTK_WIDGET (self->article_view), TRUE);
  gtk_box_append (self->article_box, GTK_WIDGET (self->article_view));
  g_signal_connect_object (self->article_view, "actor-clicked", G_CALLBACK (page_actor_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->article_view, "figure-clicked", G_CALLBACK (page_figure_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->article_view, "claim-clicked", G_CALLBACK (page_claim_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->article_view, "clear-requested", G_CALLBACK (clear_selection), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->article_view, "mention-changed", G_CALLBACK (page_mention_changed_cb), self,
                           G_CONNECT_SWAPPED);

  set_panel_width (self, g_settings_get_int (self->settings, "panel-width"));
  gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_settings_bind (self->settings, "panel-visible", self->panel, "visible", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "sidebar-visible", self->flap, "reveal-flap", G_SETTINGS_BIND_DEFAULT);
  /* Stateful actions, so the header-bar buttons and the menu show the state. */
  {
    GPropertyAction *p = g_property_action_new ("toggle-panel", self->panel, "visible");
    GPropertyAction *s = g_property_action_new ("toggle-sidebar", self->flap, "reveal-flap");
    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (p));
    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (s));
    g_object_unref (p);
    g_object_unref (s);
  }
  g_signal_connect_object (self->settings, "changed::font-size", G_CALLBACK (font_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::font-family", G_CALLBACK (font_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::recent-files", G_CALLBACK (update_library), self,
                           G_CONNECT_SWAPPED);
  update_library (self);
  news_setup (self);
}

static void
lede_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LedeWindow *self = LEDE_WINDOW (object);

  switch (prop_id)
    {
      case PROP_BUSY: g_value_set_boolean (value, lede_window_get_busy (self)); break;
      default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lede_window_dispose (GObject *object)
{
  LedeWindow *self = LEDE_WINDOW (object);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_handle_id (&self->spinner_timeout, g_source_remove);
  if (self->after_paint_id != 0)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
      if (clock != NULL)
        g_clear_signal_handler (&self->after_paint_id, clock);
      self->after_paint_id = 0;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), LEDE_TYPE_WINDOW);
  g_clear_object (&self->analysis);
  g_clear_object (&self->library_selection);
  g_clear_object (&self->library);
  g_clear_pointer (&self->current_uri, g_free);
  g_clear_object (&self->settings);
  g_clear_object (&self->news);

  G_OBJECT_CLASS (lede_window_parent_class)->dispose (object);
}

static void
lede_window_class_init (LedeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = lede_window_constructed;
  object_class->get_property = lede_window_get_property;
  object_class->dispose = lede_window_dispose;
  window_class->close_request = lede_window_close_request;

  /* An article is being read or analysed. */
  properties[PROP_BUSY]
    = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LEDE_TYPE_FACT_PANEL);
  g_type_ensure (LEDE_TYPE_WELCOME_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ledereader/Lede/ui/lede-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, library_view);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, panel_handle);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, article_box);
  gtk_widget_class_bind_template_child (widget_class, LedeWindow, panel);
  gtk_widget_class_bind_template_callback (widget_class, library_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, panel_actor_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, panel_mention_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, panel_figure_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, panel_claim_activated_cb);

  /* Plain keys step through mentions; a focused text entry takes them first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, 0, "win.next-mention", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, 0, "win.previous-mention", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.clear-selection", NULL);
}

static void
lede_window_init (LedeWindow *self)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions), self);

  self->library = gtk_string_list_new (NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (library_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (library_bind_cb), NULL);
  gtk_list_view_set_factory (self->library_view, factory);
  self->library_selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->library)));
  gtk_single_selection_set_autoselect (self->library_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->library_selection, TRUE);
  gtk_single_selection_set_selected (self->library_selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_model (self->library_view, GTK_SELECTION_MODEL (self->library_selection));

  {
    GtkGesture *drag = gtk_gesture_drag_new ();
    g_signal_connect (drag, "drag-begin", G_CALLBACK (handle_drag_begin_cb), self);
    g_signal_connect (drag, "drag-update", G_CALLBACK (handle_drag_update_cb), self);
    gtk_widget_add_controller (self->panel_handle, GTK_EVENT_CONTROLLER (drag));
    g_object_bind_property (self->panel, "visible", self->panel_handle, "visible", G_BINDING_SYNC_CREATE);
  }

  /* Capture phase, so a file dropped on the article reaches the window, not WebKit. */
  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, (GType[]){ GDK_TYPE_FILE_LIST, G_TYPE_STRING }, 2);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drop), GTK_PHASE_CAPTURE);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

LedeAnalysis *
lede_window_get_analysis (LedeWindow *self)
{
  g_return_val_if_fail (LEDE_IS_WINDOW (self), NULL);
  return self->analysis;
}

LedeArticleView *
lede_window_get_article_view (LedeWindow *self)
{
  g_return_val_if_fail (LEDE_IS_WINDOW (self), NULL);
  return self->article_view;
}

LedeFactPanel *
lede_window_get_fact_panel (LedeWindow *self)
{
  g_return_val_if_fail (LEDE_IS_WINDOW (self), NULL);
  return self->panel;
}

gboolean
lede_window_get_busy (LedeWindow *self)
{
  g_return_val_if_fail (LEDE_IS_WINDOW (self), FALSE);
  return self->load_cancellable != NULL;
}

const char *
lede_window_get_page (LedeWindow *self)
{
  g_return_val_if_fail (LEDE_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->content_stack);
}
