/* lede-article-view.c: shows the generated article page and carries messages between it and the app.
 *
 * The page never runs its own scripts (javascript markup is off and the
 * page's CSP forbids them). The one script is the app's, injected into a
 * private script world; it reaches C only through the "lede" message
 * handler registered for that world, and every message is checked against
 * the analysis the page was built from before anything acts on it. */
#include "config.h"

#include <glib/gi18n.h>

#include "lede-application.h"
#include "lede-article-view.h"

struct _LedeArticleView
{
  GtkWidget parent_instance;

  WebKitWebView *web_view;
  LedeAnalysis *analysis;
  char *html;
  GCancellable *cancellable;
  gboolean ready;
  gboolean loaded;
  gboolean ready_received; /* the page said so, perhaps before load-finished */
  guint page_id;           /* which generated page is on show */
  int pending_actor;       /* asked for before the page was ready */
  guint lit_actor;         /* the actor whose mentions are highlighted */
  guint pending_mention;
};

G_DEFINE_FINAL_TYPE (LedeArticleView, lede_article_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_READY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  ACTOR_CLICKED,
  FIGURE_CLICKED,
  CLAIM_CLICKED,
  CLEAR_REQUESTED,
  MENTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* All views share one settings object: the same locked-down choices. */
static WebKitSettings *
shared_settings (void)
{
  static WebKitSettings *settings;

  if (g_once_init_enter (&settings))
    {
      WebKitSettings *s = webkit_settings_new ();
      g_object_set (s, "enable-javascript", TRUE, /* for the app's own world only: */
                    "enable-javascript-markup", FALSE, "javascript-can-open-windows-automatically", FALSE,
                    "javascript-can-access-clipboard", FALSE, "allow-modal-dialogs", FALSE,
                    "auto-load-images", FALSE, "enable-html5-database", FALSE, "enable-html5-local-storage",
                    FALSE, "enable-webaudio", FALSE, "enable-webgl", FALSE, "enable-media", FALSE,
                    "enable-mediasource", FALSE, "enable-media-stream", FALSE, "enable-webrtc", FALSE,
                    "enable-page-cache", FALSE, "enable-back-forward-navigation-gestures", FALSE,
                    "enable-developer-extras", g_getenv ("LEDE_INSPECTOR") != NULL, "enable-smooth-scrolling",
                    TRUE, "media-playback-requires-user-gesture", TRUE, NULL);
      g_once_init_leave (&settings, s);
    }
  return settings;
}

static WebKitUserScript *
shared_script (void)
{
  static WebKitUserScript *script;

  if (g_once_init_enter (&script))
    {
      g_autoptr (GBytes) bytes = g_resources_lookup_data ("/io/github/ledereader/Lede/page/article.js",
                                                          G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      WebKitUserScript *s;

      g_assert (bytes != NULL);
      s = webkit_user_script_new_for_world (g_bytes_get_data (bytes, NULL),
                                            WEBKIT_USER_CONTENT_INJECT_TOP_FRAME,
                                            WEBKIT_USER_SCRIPT_INJECT_AT_DOCUMENT_END, LEDE_SCRIPT_WORLD,
                                            NULL, NULL);
      g_once_init_leave (&script, s);
    }
  return script;
}

static void
set_ready (LedeArticleView *self, gboolean ready)
{
  if (self->ready == ready)
    return;
  self->ready = ready;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}

/* ---- calls into the page ---- */

typedef enum
{
  CALL_PLAIN,
  CALL_STEP,
} CallKind;

typedef struct
{
  LedeArticleView *self;
  CallKind kind;
  guint actor;
} CallData;

static void
call_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CallData *data = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JSCValue) value
    = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source), result, &error);
  LedeArticleView *self = data->self;
  CallKind kind = data->kind;
  guint actor = data->actor;

  g_free (data);
  if (value == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Article page call failed: %s", error->message);
      return;
    }
  if (kind == CALL_PLAIN || self->analysis == NULL || actor >= lede_analysis_get_n_actors (self->analysis))
    return;
  if (jsc_value_is_number (value))
    {
      guint total = lede_analysis_get_actor (self->analysis, actor)->mentions->len;
      int current = jsc_value_to_int32 (value);
      g_signal_emit (self, signals[MENTION_CHANGED], 0, current, total);
    }
}

static void
call_page (LedeArticleView *self, CallKind kind, guint actor, const char *body, GVariant *args)
{
  CallData *data;

  if (!self->ready)
    {
      if (args != NULL)
        g_variant_unref (g_variant_ref_sink (args));
      return;
    }
  data = g_new0 (CallData, 1);
  data->self = self;
  data->kind = kind;
  data->actor = actor;
  webkit_web_view_call_async_javascript_function (self->web_view, body, -1, args, LEDE_SCRIPT_WORLD, NULL,
                                                  self->cancellable, call_done_cb, data);
}

static GVariant *
id_args (char prefix, guint index, guint number)
{
  g_autofree char *id = lede_analysis_dup_id (prefix, index);
  GVariantDict dict;

  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "id", "s", id);
  g_variant_dict_insert (&dict, "n", "u", number);
  return g_variant_dict_end (&dict);
}

void
lede_article_view_highlight_actor (LedeArticleView *self, guint actor, guint first_mention)
{
  g_return_if_fail (LEDE_IS_ARTICLE_VIEW (self));

  if (!self->ready)
    {
      self->pending_actor = actor;
      self->pending_mention = first_mention;
      return;
    }
  self->pending_actor = -1;
  self->lit_actor = actor;
  call_page (self, CALL_STEP, actor, "lede.highlightActor(id, n); return lede.state().current;",
             id_args ('a', actor, first_mention));
}

void
lede_article_view_show_mention (LedeArticleView *self, guint actor, guint mention)
{
  g_return_if_fail (LEDE_IS_ARTICLE_VIEW (self));
  self->lit_actor = actor;
  call_page (self, CALL_STEP, actor, "return lede.showMention(id, n);", id_args ('a', actor, mention));
}

void
lede_article_view_step (LedeArticleView *self, int delta)
{
  GVariantDict dict;

  g_return_if_fail (LEDE_IS_ARTICLE_VIEW (self));
  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "delta", "i", delta);
  /* The page knows which mention is current; the reply says which it is now. */
  call_page (self, CALL_STEP, self->lit_actor, "return lede.step(delta);", g_variant_dict_end (&dict));
}

void
lede_article_view_mark_figure (LedeArticleView *self, guint figure)
{
  g_return_if_fail (LEDE_IS_ARTICLE_VIEW (self));
  self->pending_actor = -1;
  call_page (self, CALL_PLAIN, 0, "return lede.mark('figure', id);", id_args ('f', figure, 0));
}

void
lede_article_view_mark_claim (LedeArticleView *self, guint claim)
{
  g_return_if_fail (LEDE_IS_ARTICLE_VIEW (self));
  self->pending_actor = -1;
  call_page (self, CALL_PLAIN, 0, "return lede.mark('claim', id);", id_args ('c', claim, 0));
}

void
lede_article_view_clear (LedeArticleView *self)
{
  g_return_if_fail (LEDE_IS_ARTICLE_VIEW (self));
  self->pending_actor = -1;
  self->lit_actor = G_MAXUINT;
  call_page (self, CALL_PLAIN, 0, "lede.clear(); return 0;", NULL);
}

void
lede_article_view_set_font (LedeArticleView *self, LedePageFont font, guint size)
{
  GVariantDict dict;

  g_return_if_fail (LEDE_IS_ARTICLE_VIEW (self));
  g_variant_dict_init (&dict, NULL);
  g_variant_dict_insert (&dict, "family", "s", font == LEDE_PAGE_FONT_SANS ? "sans" : "serif");
  g_variant_dict_insert (&dict, "size", "u", size);
  call_page (self, CALL_PLAIN, 0, "lede.setFont(family, size); return 0;", g_variant_dict_end (&dict));
}

/* ---- messages from the page ---- */

/* Both the load has finished and the page's script has drawn twice. */
static void
page_became_ready (LedeArticleView *self)
{
  if (self->ready)
    return;
  set_ready (self, TRUE);
  lede_application_bench_mark ("page");
  if (self->pending_actor >= 0)
    lede_article_view_highlight_actor (self, self->pending_actor, self->pending_mention);
}

static gboolean
read_id (JSCValue *message, char prefix, guint limit, guint *index)
{
  g_autoptr (JSCValue) id = jsc_value_object_get_property (message, "id");
  g_autofree char *str = NULL;

  if (!jsc_value_is_string (id))
    return FALSE;
  str = jsc_value_to_string (id);
  return lede_page_builder_parse_id (str, prefix, limit, index);
}

static void
script_message_cb (WebKitUserContentManager *manager, JSCValue *message, gpointer user_data)
{
  LedeArticleView *self = user_data;
  g_autoptr (JSCValue) type_value = NULL;
  g_autoptr (JSCValue) page_value = NULL;
  g_autofree char *type = NULL;
  guint index;

  if (!jsc_value_is_object (message) || jsc_value_is_array (message))
    goto invalid;
  type_value = jsc_value_object_get_property (message, "type");
  if (!jsc_value_is_string (type_value))
    goto invalid;
  type = jsc_value_to_string (type_value);

  /* A message from a page no longer on show is stale, not malformed. */
  page_value = jsc_value_object_get_property (message, "page");
  if (!jsc_value_is_number (page_value))
    goto invalid;
  if (jsc_value_to_double (page_value) != (double) self->page_id)
    {
      g_debug ("Ignored a message from an earlier article page");
      return;
    }

  if (g_str_equal (type, "ready"))
    {
      if (self->analysis == NULL)
        goto invalid;
      self->ready_received = TRUE;
      if (self->loaded)
        page_became_ready (self);
      return;
    }
  if (self->analysis == NULL || !self->ready)
    goto invalid;

  if (g_str_equal (type, "actor"))
    {
      g_autoptr (JSCValue) m = jsc_value_object_get_property (message, "mention");
      const LedeActor *actor;
      double mention;

      if (!read_id (message, 'a', lede_analysis_get_n_actors (self->analysis), &index)
          || !jsc_value_is_number (m))
        goto invalid;
      actor = lede_analysis_get_actor (self->analysis, index);
      mention = jsc_value_to_double (m);
      if (!(mention >= 0 && mention < actor->mentions->len && mention == (guint) mention))
        goto invalid;
      g_signal_emit (self, signals[ACTOR_CLICKED], 0, index, (guint) mention);
    }
  else if (g_str_equal (type, "figure"))
    {
      if (!read_id (message, 'f', lede_analysis_get_n_figures (self->analysis), &index))
        goto invalid;
      g_signal_emit (self, signals[FIGURE_CLICKED], 0, index);
    }
  else if (g_str_equal (type, "claim"))
    {
      if (!read_id (message, 'c', lede_analysis_get_n_claims (self->analysis), &index))
        goto invalid;
      g_signal_emit (self, signals[CLAIM_CLICKED], 0, index);
    }
  else if (g_str_equal (type, "clear"))
    g_signal_emit (self, signals[CLEAR_REQUESTED], 0);
  else if (g_str_equal (type, "step"))
    {
      g_autoptr (JSCValue) delta = jsc_value_object_get_property (message, "delta");
      double d;

      if (!jsc_value_is_number (delta))
        goto invalid;
      d = jsc_value_to_double (delta);
      if (d != 1 && d != -1)
        goto invalid;
      if (self->lit_actor != G_MAXUINT)
        lede_article_view_step (self, (int) d);
    }
  else
    goto invalid;
  return;

invalid:
  {
    g_autofree char *json = jsc_value_to_json (message, 0);
    g_message ("Ignored a message from the article page: %.200s", json ? json : "(not JSON)");
  }
}

/* ---- navigation ---- */

static void
launch_uri (LedeArticleView *self, const char *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *scheme = g_uri_parse_scheme (uri);

  /* Only web and mail links leave the app, and never into the view. */
  if (scheme == NULL
      || !(g_str_equal (scheme, "http") || g_str_equal (scheme, "https") || g_str_equal (scheme, "mailto")))
    return;
#if GTK_CHECK_VERSION(4, 10, 0)
  {
    g_autoptr (GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);
    gtk_uri_launcher_launch (launcher, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL, NULL, NULL);
  }
#else
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
#endif
}

static gboolean
decide_policy_cb (WebKitWebView *web_view,
                  WebKitPolicyDecision *decision,
                  WebKitPolicyDecisionType type,
                  gpointer user_data)
{
  LedeArticleView *self = user_data;

  if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION
      || type == WEBKIT_POLICY_DECISION_TYPE_NEW_WINDOW_ACTION)
    {
      WebKitNavigationAction *action = webkit_navigation_policy_decision_get_navigation_action (
        WEBKIT_NAVIGATION_POLICY_DECISION (decision));
      WebKitURIRequest *request = webkit_navigation_action_get_request (action);
      const char *uri = webkit_uri_request_get_uri (request);

      /* The page the app loads itself is the only one the view shows. */
      if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION
          && webkit_navigation_action_get_navigation_type (action) != WEBKIT_NAVIGATION_TYPE_LINK_CLICKED
          && g_strcmp0 (uri, "about:blank") == 0)
        {
          webkit_policy_decision_use (decision);
          return TRUE;
        }
      if (webkit_navigation_action_get_navigation_type (action) == WEBKIT_NAVIGATION_TYPE_LINK_CLICKED
          && webkit_navigation_action_is_user_gesture (action))
        launch_uri (self, uri);
      webkit_policy_decision_ignore (decision);
      return TRUE;
    }
  return FALSE;
}

static void
load_changed_cb (WebKitWebView *web_view, WebKitLoadEvent event, gpointer user_data)
{
  LedeArticleView *self = user_data;

  /* The empty page loaded at start-up is nothing to wait for. */
  if (self->html == NULL)
    return;
  if (event == WEBKIT_LOAD_STARTED)
    {
      self->loaded = FALSE;
      set_ready (self, FALSE);
    }
  else if (event == WEBKIT_LOAD_FINISHED)
    {
      self->loaded = TRUE;
      if (self->ready_received)
        page_became_ready (self);
    }
}

static gboolean
context_menu_cb (WebKitWebView *web_view,
                 WebKitContextMenu *menu,
                 WebKitHitTestResult *hit,
                 gpointer user_data)
{
  GList *items = g_list_copy (webkit_context_menu_get_items (menu));

  /* Nothing in the menu may navigate the view or open windows. */
  for (GList *l = items; l != NULL; l = l->next)
    {
      WebKitContextMenuAction action = webkit_context_menu_item_get_stock_action (l->data);
      if (action != WEBKIT_CONTEXT_MENU_ACTION_COPY
          && action != WEBKIT_CONTEXT_MENU_ACTION_COPY_LINK_TO_CLIPBOARD
          && action != WEBKIT_CONTEXT_MENU_ACTION_SELECT_ALL
          && action != WEBKIT_CONTEXT_MENU_ACTION_INSPECT_ELEMENT)
        webkit_context_menu_remove (menu, l->data);
    }
  g_list_free (items);
  return webkit_context_menu_get_n_items (menu) == 0;
}

static void
web_process_terminated_cb (WebKitWebView *web_view,
                           WebKitWebProcessTerminationReason reason,
                           gpointer user_data)
{
  LedeArticleView *self = user_data;

  g_message ("The article's web process ended (%d); showing the article again", reason);
  set_ready (self, FALSE);
  self->loaded = FALSE;
  self->ready_received = FALSE;
  if (self->html != NULL)
    webkit_web_view_load_html (self->web_view, self->html, NULL);
}

/* ---- public ---- */

void
lede_article_view_show (LedeArticleView *self, LedeAnalysis *analysis, const LedePageOptions *options)
{
  g_return_if_fail (LEDE_IS_ARTICLE_VIEW (self));
  g_return_if_fail (LEDE_IS_ANALYSIS (analysis));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->pending_actor = -1;
  self->loaded = FALSE;
  self->ready_received = FALSE;
  set_ready (self, FALSE);

  g_set_object (&self->analysis, analysis);
  g_free (self->html);
  {
    LedePageOptions page = *options;
    page.page_id = ++self->page_id;
    self->html = lede_page_builder_build (analysis, &page);
  }
  webkit_web_view_load_html (self->web_view, self->html, NULL);
}

LedeAnalysis *
lede_article_view_get_analysis (LedeArticleView *self)
{
  g_return_val_if_fail (LEDE_IS_ARTICLE_VIEW (self), NULL);
  return self->analysis;
}

gboolean
lede_article_view_get_ready (LedeArticleView *self)
{
  g_return_val_if_fail (LEDE_IS_ARTICLE_VIEW (self), FALSE);
  return self->ready;
}

WebKitWebView *
lede_article_view_get_web_view (LedeArticleView *self)
{
  g_return_val_if_fail (LEDE_IS_ARTICLE_VIEW (self), NULL);
  return self->web_view;
}

GtkWidget *
lede_article_view_new (WebKitWebContext *context, WebKitNetworkSession *session)
{
  LedeArticleView *self = g_object_new (LEDE_TYPE_ARTICLE_VIEW, NULL);
  WebKitUserContentManager *ucm = webkit_user_content_manager_new ();

  webkit_user_content_manager_add_script (ucm, shared_script ());
  if (!webkit_user_content_manager_register_script_message_handler (ucm, "lede", LEDE_SCRIPT_WORLD))
    g_critical ("Could not register the article page's message handler");
  g_signal_connect_object (ucm, "script-message-received::lede", G_CALLBACK (script_message_cb), self, 0);

  self->web_view
    = g_object_new (WEBKIT_TYPE_WEB_VIEW, "web-context",
                    context ? context : webkit_web_context_get_default (), "network-session",
                    session ? session : webkit_network_session_get_default (), "user-content-manager", ucm,
                    "settings", shared_settings (), "hexpand", TRUE, "vexpand", TRUE, NULL);
  g_object_unref (ucm);
  g_signal_connect_object (self->web_view, "decide-policy", G_CALLBACK (decide_policy_cb), self, 0);
  g_signal_connect_object (self->web_view, "load-changed", G_CALLBACK (load_changed_cb), self, 0);
  g_signal_connect_object (self->web_view, "context-menu", G_CALLBACK (context_menu_cb), self, 0);
  g_signal_connect_object (self->web_view, "web-process-terminated", G_CALLBACK (web_process_terminated_cb),
                           self, 0);
  gtk_widget_set_parent (GTK_WIDGET (self->web_view), GTK_WIDGET (self));
  /* The web process starts with the first load. Loading an empty page now
   * starts it while the window is still being built and the article read,
   * instead of after. Its events and messages are ignored: no article has
   * been asked for yet, and its messages carry no page number. */
  webkit_web_view_load_html (self->web_view,
                             "<!DOCTYPE html><meta http-equiv=\"Content-Security-Policy\" "
                             "content=\"default-src 'none'\">",
                             NULL);

  return GTK_WIDGET (self);
}

static void
lede_article_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LedeArticleView *self = LEDE_ARTICLE_VIEW (object);

  switch (prop_id)
    {
      case PROP_READY: g_value_set_boolean (value, self->ready); break;
      default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lede_article_view_dispose (GObject *object)
{
  LedeArticleView *self = LEDE_ARTICLE_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->web_view != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->web_view));
      self->web_view = NULL;
    }
  g_clear_object (&self->analysis);
  g_clear_pointer (&self->html, g_free);

  G_OBJECT_CLASS (lede_article_view_parent_class)->dispose (object);
}

static void
lede_article_view_class_init (LedeArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = lede_article_view_get_property;
  object_class->dispose = lede_article_view_dispose;

  /* The page has loaded and its script has said it is ready. */
  properties[PROP_READY]
    = g_param_spec_boolean ("ready", NULL, NULL, FALSE,
                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ACTOR_CLICKED] = g_signal_new ("actor-clicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  signals[FIGURE_CLICKED] = g_signal_new ("figure-clicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[CLAIM_CLICKED] = g_signal_new ("claim-clicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[CLEAR_REQUESTED] = g_signal_new ("clear-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Which mention of the lit actor is current (-1: none) and how many there are. */
  signals[MENTION_CHANGED] = g_signal_new ("mention-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_UINT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "articleview");
}

static void
lede_article_view_init (LedeArticleView *self)
{
  self->pending_actor = -1;
  self->lit_actor = G_MAXUINT;
}
