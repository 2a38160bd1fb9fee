/* lede-http.c: GETs feeds and pages with libsoup 3, within time, size and redirect limits. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "lede-http.h"

GQuark
lede_http_error_quark (void)
{
  return g_quark_from_static_string ("lede-http-error-quark");
}

/* ---- LedeHttpResponse ---- */

struct _LedeHttpResponse
{
  gatomicrefcount ref_count;
  guint status;
  guint n_redirects;
  char *uri;
  char *content_type;
  char *charset;
  char *etag;
  char *last_modified;
  SoupMessageHeaders *headers;
  GBytes *body;
};

G_DEFINE_BOXED_TYPE (LedeHttpResponse, lede_http_response, lede_http_response_ref, lede_http_response_unref)

LedeHttpResponse *
lede_http_response_ref (LedeHttpResponse *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
lede_http_response_unref (LedeHttpResponse *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->uri);
  g_free (self->content_type);
  g_free (self->charset);
  g_free (self->etag);
  g_free (self->last_modified);
  g_clear_pointer (&self->headers, soup_message_headers_unref);
  g_clear_pointer (&self->body, g_bytes_unref);
  g_free (self);
}

guint
lede_http_response_get_status (LedeHttpResponse *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->status;
}

gboolean
lede_http_response_is_not_modified (LedeHttpResponse *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->status == SOUP_STATUS_NOT_MODIFIED;
}

const char *
lede_http_response_get_uri (LedeHttpResponse *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->uri;
}

const char *
lede_http_response_get_content_type (LedeHttpResponse *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->content_type;
}

const char *
lede_http_response_get_charset (LedeHttpResponse *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->charset;
}

const char *
lede_http_response_get_etag (LedeHttpResponse *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->etag;
}

const char *
lede_http_response_get_last_modified (LedeHttpResponse *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->last_modified;
}

const char *
lede_http_response_get_header (LedeHttpResponse *self, const char *name)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  return self->headers != NULL ? soup_message_headers_get_one (self->headers, name) : NULL;
}

GBytes *
lede_http_response_get_body (LedeHttpResponse *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->body;
}

guint
lede_http_response_get_n_redirects (LedeHttpResponse *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_redirects;
}

/* ---- LedeHttp ---- */

struct _LedeHttp
{
  GObject parent_instance;
  SoupSession *session;
  guint connect_timeout;
  guint timeout;
  guint64 max_size;
  guint max_redirects;
  guint max_concurrent;
  guint n_running;
  GQueue waiting; /* of GTask, not yet started because of max-concurrent */
};

G_DEFINE_FINAL_TYPE (LedeHttp, lede_http, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CONNECT_TIMEOUT,
  PROP_TIMEOUT,
  PROP_MAX_SIZE,
  PROP_MAX_REDIRECTS,
  PROP_MAX_CONCURRENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define READ_CHUNK 65536

typedef struct
{
  char *accept;
  char *etag;
  char *last_modified;
  GUri *uri;
  GHashTable *seen; /* URIs already requested, to name a redirect loop as one */
  guint n_redirects;
  SoupMessage *msg;
  GInputStream *stream;
  GByteArray *body;
  /* Our own cancellable: the caller's one and the total time-out both cancel it. */
  GCancellable *cancellable;
  GCancellable *caller_cancellable;
  gulong caller_handler;
  GSource *timeout_source;
  GSource *waiting_source; /* fires when cancelled while waiting for a slot */
  gboolean timed_out;
  gboolean started;
} Fetch;

static void
fetch_free (Fetch *f)
{
  if (f->caller_handler != 0)
    g_cancellable_disconnect (f->caller_cancellable, f->caller_handler);
  if (f->timeout_source != NULL)
    {
      g_source_destroy (f->timeout_source);
      g_source_unref (f->timeout_source);
    }
  if (f->waiting_source != NULL)
    {
      g_source_destroy (f->waiting_source);
      g_source_unref (f->waiting_source);
    }
  g_clear_object (&f->caller_cancellable);
  g_clear_object (&f->cancellable);
  g_clear_object (&f->stream);
  g_clear_object (&f->msg);
  g_clear_pointer (&f->body, g_byte_array_unref);
  g_clear_pointer (&f->seen, g_hash_table_unref);
  g_clear_pointer (&f->uri, g_uri_unref);
  g_free (f->accept);
  g_free (f->etag);
  g_free (f->last_modified);
  g_free (f);
}

static const char *
uri_host (GUri *uri)
{
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;
  return host != NULL && *host != '\0' ? host : "?";
}

static void start_next (LedeHttp *self);

/* Every way a fetch ends goes through here, so the slot is always given back. */
static void
fetch_return (GTask *task, LedeHttpResponse *response, GError *error)
{
  LedeHttp *self = g_task_get_source_object (task);
  Fetch *f = g_task_get_task_data (task);

  if (f->started)
    {
      g_assert (self->n_running > 0);
      self->n_running--;
      f->started = FALSE;
    }
  if (f->timeout_source != NULL)
    {
      g_source_destroy (f->timeout_source);
      g_clear_pointer (&f->timeout_source, g_source_unref);
    }
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, response, (GDestroyNotify) lede_http_response_unref);
  start_next (self);
}

/* Turns what libsoup and GIO report into one of ours, naming the host. */
static GError *
translate_error (LedeHttp *self, Fetch *f, const GError *error)
{
  const char *host = uri_host (f->uri);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && f->timed_out)
    return g_error_new (LEDE_HTTP_ERROR, LEDE_HTTP_ERROR_TIMEOUT,
                        g_dngettext (GETTEXT_PACKAGE, "The download from %s took longer than %u second",
                                     "The download from %s took longer than %u seconds", self->timeout),
                        host, self->timeout);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (LEDE_HTTP_ERROR, LEDE_HTTP_ERROR_TIMEOUT,
                        g_dngettext (GETTEXT_PACKAGE, "The server %s did not answer within %u second",
                                     "The server %s did not answer within %u seconds", self->connect_timeout),
                        host, self->connect_timeout);
  if (error->domain == G_RESOLVER_ERROR || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND))
    return g_error_new (LEDE_HTTP_ERROR, LEDE_HTTP_ERROR_CANNOT_RESOLVE, _ ("Could not find the server “%s”"),
                        host);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PROXY_FAILED))
    return g_error_new (LEDE_HTTP_ERROR, LEDE_HTTP_ERROR_CANNOT_CONNECT, _ ("Could not connect to %s: %s"),
                        host, error->message);
  if (error->domain == G_TLS_ERROR)
    return g_error_new (LEDE_HTTP_ERROR, LEDE_HTTP_ERROR_TLS, _ ("The secure connection to %s failed: %s"),
                        host, error->message);
  return g_error_new (LEDE_HTTP_ERROR, LEDE_HTTP_ERROR_NETWORK, _ ("Could not download from %s: %s"), host,
                      error->message);
}

static void
fetch_fail (GTask *task, GError *error)
{
  LedeHttp *self = g_task_get_source_object (task);
  Fetch *f = g_task_get_task_data (task);
  GError *ret = translate_error (self, f, error);

  g_error_free (error);
  fetch_return (task, NULL, ret);
}

static void send_request (GTask *task);

static void
read_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  LedeHttp *self = g_task_get_source_object (task);
  Fetch *f = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr (GBytes) chunk = NULL;
  LedeHttpResponse *response;
  SoupMessageHeaders *headers;
  GHashTable *params = NULL;
  const char *type;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (chunk == NULL)
    {
      fetch_fail (task, error);
      return;
    }

  if (g_bytes_get_size (chunk) > 0)
    {
      if (self->max_size > 0 && f->body->len + g_bytes_get_size (chunk) > self->max_size)
        {
          g_autofree char *limit = g_format_size (self->max_size);
          /* Stop reading: the rest of a body this large is never wanted. */
          g_cancellable_cancel (f->cancellable);
          fetch_return (task, NULL,
                        g_error_new (LEDE_HTTP_ERROR, LEDE_HTTP_ERROR_TOO_LARGE,
                                     _ ("The response from %s is larger than the limit of %s"),
                                     uri_host (f->uri), limit));
          return;
        }
      g_byte_array_append (f->body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
      g_input_stream_read_bytes_async (f->stream, READ_CHUNK, G_PRIORITY_DEFAULT, f->cancellable, read_cb,
                                       g_steal_pointer (&task));
      return;
    }

  /* End of the body. */
  g_input_stream_close_async (f->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);

  headers = soup_message_get_response_headers (f->msg);
  response = g_new0 (LedeHttpResponse, 1);
  g_atomic_ref_count_init (&response->ref_count);
  response->status = soup_message_get_status (f->msg);
  response->n_redirects = f->n_redirects;
  response->uri = g_uri_to_string (f->uri);
  response->headers = soup_message_headers_ref (headers);
  type = soup_message_headers_get_content_type (headers, &params);
  if (type != NULL)
    response->content_type = g_ascii_strdown (type, -1);
  if (params != NULL)
    {
      const char *charset = g_hash_table_lookup (params, "charset");
      if (charset != NULL && *charset != '\0')
        response->charset = g_strdup (charset);
      g_hash_table_unref (params);
    }
  response->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  response->last_modified = g_strdup (soup_message_headers_get_one (headers, "Last-Modified"));
  if (response->status == SOUP_STATUS_NOT_MODIFIED)
    {
      /* A 304 need not repeat the validators; the caller's copy is still current. */
      if (response->etag == NULL)
        response->etag = g_strdup (f->etag);
      if (response->last_modified == NULL)
        response->last_modified = g_strdup (f->last_modified);
    }
  response->body = g_byte_array_free_to_bytes (g_steal_pointer (&f->body));
  fetch_return (task, response, NULL);
}

static gboolean
is_redirect (guint status)
{
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

static void
send_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  LedeHttp *self = g_task_get_source_object (task);
  Fetch *f = g_task_get_task_data (task);
  GError *error = NULL;
  SoupMessageHeaders *headers;
  guint status;

  f->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (f->stream == NULL)
    {
      fetch_fail (task, error);
      return;
    }

  status = soup_message_get_status (f->msg);
  headers = soup_message_get_response_headers (f->msg);

  if (is_redirect (status))
    {
      const char *location = soup_message_headers_get_one (headers, "Location");
      g_autoptr (GUri) next = NULL;
      g_autofree char *next_str = NULL;

      g_input_stream_close_async (f->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
      g_clear_object (&f->stream);

      if (location != NULL)
        next = g_uri_parse_relative (f->uri, location, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);
      if (next == NULL
          || (g_strcmp0 (g_uri_get_scheme (next), "http") != 0
              && g_strcmp0 (g_uri_get_scheme (next), "https") != 0)
          || g_uri_get_host (next) == NULL || *g_uri_get_host (next) == '\0')
        {
          fetch_return (task, NULL,
                        g_error_new (LEDE_HTTP_ERROR, LEDE_HTTP_ERROR_INVALID_URI,
                                     _ ("The server %s redirected to an invalid address “%s”"),
                                     uri_host (f->uri), location != NULL ? location : ""));
          return;
        }
      next_str = g_uri_to_string (next);
      if (g_hash_table_contains (f->seen, next_str))
        {
          fetch_return (task, NULL,
                        g_error_new (LEDE_HTTP_ERROR, LEDE_HTTP_ERROR_TOO_MANY_REDIRECTS,
                                     _ ("The page at %s redirects in a loop"), uri_host (f->uri)));
          return;
        }
      if (f->n_redirects >= self->max_redirects)
        {
          fetch_return (task, NULL,
                        g_error_new (LEDE_HTTP_ERROR, LEDE_HTTP_ERROR_TOO_MANY_REDIRECTS,
                                     g_dngettext (GETTEXT_PACKAGE,
                                                  "The page at %s redirected more than %u time",
                                                  "The page at %s redirected more than %u times",
                                                  self->max_redirects),
                                     uri_host (f->uri), self->max_redirects));
          return;
        }
      f->n_redirects++;
      g_clear_pointer (&f->uri, g_uri_unref);
      f->uri = g_steal_pointer (&next);
      send_request (g_steal_pointer (&task));
      return;
    }

  if (status != SOUP_STATUS_NOT_MODIFIED && !SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      const char *reason = soup_message_get_reason_phrase (f->msg);
      g_input_stream_close_async (f->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
      if (reason == NULL || *reason == '\0')
        reason = soup_status_get_phrase (status);
      fetch_return (task, NULL,
                    g_error_new (LEDE_HTTP_ERROR, LEDE_HTTP_ERROR_HTTP_STATUS,
                                 _ ("The server %s answered “%u %s”"), uri_host (f->uri), status,
                                 reason != NULL ? reason : ""));
      return;
    }

  /* Refuse at once what the server announces as too large. */
  if (self->max_size > 0 && soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH
      && (guint64) soup_message_headers_get_content_length (headers) > self->max_size)
    {
      g_autofree char *limit = g_format_size (self->max_size);
      g_cancellable_cancel (f->cancellable);
      fetch_return (task, NULL,
                    g_error_new (LEDE_HTTP_ERROR, LEDE_HTTP_ERROR_TOO_LARGE,
                                 _ ("The response from %s is larger than the limit of %s"), uri_host (f->uri),
                                 limit));
      return;
    }

  f->body = g_byte_array_new ();
  g_input_stream_read_bytes_async (f->stream, READ_CHUNK, G_PRIORITY_DEFAULT, f->cancellable, read_cb,
                                   g_steal_pointer (&task));
}

static void
send_request (GTask *task)
{
  LedeHttp *self = g_task_get_source_object (task);
  Fetch *f = g_task_get_task_data (task);
  SoupMessageHeaders *headers;

  g_hash_table_add (f->seen, g_uri_to_string (f->uri));
  g_clear_object (&f->msg);
  f->msg = soup_message_new_from_uri (SOUP_METHOD_GET, f->uri);
  /* Redirects are followed here, so they can be counted, checked and limited. */
  soup_message_add_flags (f->msg, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (f->msg);
  if (f->accept != NULL)
    soup_message_headers_replace (headers, "Accept", f->accept);
  if (f->etag != NULL)
    soup_message_headers_replace (headers, "If-None-Match", f->etag);
  if (f->last_modified != NULL)
    soup_message_headers_replace (headers, "If-Modified-Since", f->last_modified);
  soup_session_send_async (self->session, f->msg, G_PRIORITY_DEFAULT, f->cancellable, send_cb, task);
}

static gboolean
total_timeout_cb (gpointer user_data)
{
  GTask *task = user_data;
  Fetch *f = g_task_get_task_data (task);

  f->timed_out = TRUE;
  g_clear_pointer (&f->timeout_source, g_source_unref);
  g_cancellable_cancel (f->cancellable);
  return G_SOURCE_REMOVE;
}

static void
start_fetch (LedeHttp *self, GTask *task)
{
  Fetch *f = g_task_get_task_data (task);

  if (f->waiting_source != NULL)
    {
      g_source_destroy (f->waiting_source);
      g_clear_pointer (&f->waiting_source, g_source_unref);
    }
  if (g_cancellable_is_cancelled (f->cancellable))
    {
      fetch_return (task, NULL,
                    g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _ ("The download was cancelled")));
      g_object_unref (task);
      return;
    }
  self->n_running++;
  f->started = TRUE;
  if (self->timeout > 0)
    {
      f->timeout_source = g_timeout_source_new_seconds (self->timeout);
      /* The task outlives its time-out source: fetch_return() destroys it first. */
      g_source_set_callback (f->timeout_source, total_timeout_cb, task, NULL);
      g_source_attach (f->timeout_source, g_task_get_context (task));
    }
  send_request (task);
}

static void
start_next (LedeHttp *self)
{
  while (self->n_running < MAX (self->max_concurrent, 1) && !g_queue_is_empty (&self->waiting))
    start_fetch (self, g_queue_pop_head (&self->waiting));
}

/* A request cancelled while it waits for a slot ends at once, not when a slot frees. */
static gboolean
waiting_cancelled_cb (GCancellable *cancellable, gpointer user_data)
{
  GTask *task = user_data;
  LedeHttp *self = g_task_get_source_object (task);

  if (g_queue_remove (&self->waiting, task))
    start_fetch (self, task);
  return G_SOURCE_REMOVE;
}

static void
caller_cancelled_cb (GCancellable *caller, gpointer user_data)
{
  /* Runs in the thread that cancelled; GCancellable is thread-safe. */
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

void
lede_http_fetch_async (LedeHttp *self,
                       const char *uri,
                       const char *accept,
                       const char *etag,
                       const char *last_modified,
                       GCancellable *cancellable,
                       GAsyncReadyCallback callback,
                       gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GUri) parsed = NULL;
  Fetch *f;

  g_return_if_fail (LEDE_IS_HTTP (self));
  g_return_if_fail (uri != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lede_http_fetch_async);
  /* Errors are ours to report; GTask's own check would race with ours. */
  g_task_set_check_cancellable (task, FALSE);

  parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);
  if (parsed == NULL
      || (g_strcmp0 (g_uri_get_scheme (parsed), "http") != 0
          && g_strcmp0 (g_uri_get_scheme (parsed), "https") != 0)
      || g_uri_get_host (parsed) == NULL || *g_uri_get_host (parsed) == '\0')
    {
      g_task_return_new_error (task, LEDE_HTTP_ERROR, LEDE_HTTP_ERROR_INVALID_URI,
                               _ ("“%s” is not a web address (http or https)"), uri);
      return;
    }

  f = g_new0 (Fetch, 1);
  f->uri = g_steal_pointer (&parsed);
  f->accept = g_strdup (accept);
  f->etag = g_strdup (etag);
  f->last_modified = g_strdup (last_modified);
  f->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  f->cancellable = g_cancellable_new ();
  g_task_set_task_data (task, f, (GDestroyNotify) fetch_free);
  if (cancellable != NULL)
    {
      f->caller_cancellable = g_object_ref (cancellable);
      f->caller_handler = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                                 g_object_ref (f->cancellable), g_object_unref);
    }

  if (self->n_running < MAX (self->max_concurrent, 1))
    {
      start_fetch (self, g_steal_pointer (&task));
      return;
    }
  f->waiting_source = g_cancellable_source_new (f->cancellable);
  g_source_set_callback (f->waiting_source, G_SOURCE_FUNC (waiting_cancelled_cb), task, NULL);
  g_source_attach (f->waiting_source, g_task_get_context (task));
  g_queue_push_tail (&self->waiting, g_steal_pointer (&task));
}

LedeHttpResponse *
lede_http_fetch_finish (LedeHttp *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (LEDE_IS_HTTP (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == lede_http_fetch_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  GAsyncResult *result;
} SyncData;

static void
sync_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  SyncData *data = user_data;
  data->result = g_object_ref (result);
  g_main_context_wakeup (g_main_context_get_thread_default ());
}

LedeHttpResponse *
lede_http_fetch (LedeHttp *self,
                 const char *uri,
                 const char *accept,
                 const char *etag,
                 const char *last_modified,
                 GCancellable *cancellable,
                 GError **error)
{
  SyncData data = { NULL };
  GMainContext *context = g_main_context_get_thread_default ();
  LedeHttpResponse *response;

  g_return_val_if_fail (LEDE_IS_HTTP (self), NULL);

  lede_http_fetch_async (self, uri, accept, etag, last_modified, cancellable, sync_cb, &data);
  while (data.result == NULL)
    g_main_context_iteration (context, TRUE);
  response = lede_http_fetch_finish (self, data.result, error);
  g_object_unref (data.result);
  return response;
}

/* ---- properties ---- */

LedeHttp *
lede_http_new (void)
{
  return g_object_new (LEDE_TYPE_HTTP, NULL);
}

void
lede_http_set_connect_timeout (LedeHttp *self, guint seconds)
{
  g_return_if_fail (LEDE_IS_HTTP (self));
  if (self->connect_timeout == seconds)
    return;
  self->connect_timeout = seconds;
  /* libsoup's timeout bounds every socket operation, connecting included. */
  soup_session_set_timeout (self->session, seconds);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECT_TIMEOUT]);
}

guint
lede_http_get_connect_timeout (LedeHttp *self)
{
  g_return_val_if_fail (LEDE_IS_HTTP (self), 0);
  return self->connect_timeout;
}

void
lede_http_set_timeout (LedeHttp *self, guint seconds)
{
  g_return_if_fail (LEDE_IS_HTTP (self));
  if (self->timeout == seconds)
    return;
  self->timeout = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

guint
lede_http_get_timeout (LedeHttp *self)
{
  g_return_val_if_fail (LEDE_IS_HTTP (self), 0);
  return self->timeout;
}

void
lede_http_set_max_size (LedeHttp *self, guint64 max_size)
{
  g_return_if_fail (LEDE_IS_HTTP (self));
  if (self->max_size == max_size)
    return;
  self->max_size = max_size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_SIZE]);
}

guint64
lede_http_get_max_size (LedeHttp *self)
{
  g_return_val_if_fail (LEDE_IS_HTTP (self), 0);
  return self->max_size;
}

void
lede_http_set_max_redirects (LedeHttp *self, guint max_redirects)
{
  g_return_if_fail (LEDE_IS_HTTP (self));
  if (self->max_redirects == max_redirects)
    return;
  self->max_redirects = max_redirects;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_REDIRECTS]);
}

guint
lede_http_get_max_redirects (LedeHttp *self)
{
  g_return_val_if_fail (LEDE_IS_HTTP (self), 0);
  return self->max_redirects;
}

void
lede_http_set_max_concurrent (LedeHttp *self, guint max_concurrent)
{
  g_return_if_fail (LEDE_IS_HTTP (self));
  max_concurrent = MAX (max_concurrent, 1);
  if (self->max_concurrent == max_concurrent)
    return;
  self->max_concurrent = max_concurrent;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_CONCURRENT]);
  start_next (self);
}

guint
lede_http_get_max_concurrent (LedeHttp *self)
{
  g_return_val_if_fail (LEDE_IS_HTTP (self), 0);
  return self->max_concurrent;
}

static void
lede_http_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LedeHttp *self = LEDE_HTTP (object);

  switch (prop_id)
    {
      case PROP_CONNECT_TIMEOUT: g_value_set_uint (value, self->connect_timeout); break;
      case PROP_TIMEOUT: g_value_set_uint (value, self->timeout); break;
      case PROP_MAX_SIZE: g_value_set_uint64 (value, self->max_size); break;
      case PROP_MAX_REDIRECTS: g_value_set_uint (value, self->max_redirects); break;
      case PROP_MAX_CONCURRENT: g_value_set_uint (value, self->max_concurrent); break;
      default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lede_http_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LedeHttp *self = LEDE_HTTP (object);

  switch (prop_id)
    {
      case PROP_CONNECT_TIMEOUT: lede_http_set_connect_timeout (self, g_value_get_uint (value)); break;
      case PROP_TIMEOUT: lede_http_set_timeout (self, g_value_get_uint (value)); break;
      case PROP_MAX_SIZE: lede_http_set_max_size (self, g_value_get_uint64 (value)); break;
      case PROP_MAX_REDIRECTS: lede_http_set_max_redirects (self, g_value_get_uint (value)); break;
      case PROP_MAX_CONCURRENT: lede_http_set_max_concurrent (self, g_value_get_uint (value)); break;
      default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lede_http_dispose (GObject *object)
{
  LedeHttp *self = LEDE_HTTP (object);

  /* Waiting tasks hold a reference to us, so the queue is empty here. */
  g_assert (g_queue_is_empty (&self->waiting));
  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (lede_http_parent_class)->dispose (object);
}

static void
lede_http_class_init (LedeHttpClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = lede_http_get_property;
  object_class->set_property = lede_http_set_property;
  object_class->dispose = lede_http_dispose;

  properties[PROP_CONNECT_TIMEOUT]
    = g_param_spec_uint ("connect-timeout", NULL, NULL, 0, G_MAXUINT, LEDE_HTTP_DEFAULT_CONNECT_TIMEOUT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIMEOUT]
    = g_param_spec_uint ("timeout", NULL, NULL, 0, G_MAXUINT, LEDE_HTTP_DEFAULT_TIMEOUT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_SIZE]
    = g_param_spec_uint64 ("max-size", NULL, NULL, 0, G_MAXUINT64, LEDE_HTTP_DEFAULT_MAX_SIZE,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_REDIRECTS]
    = g_param_spec_uint ("max-redirects", NULL, NULL, 0, G_MAXUINT, LEDE_HTTP_DEFAULT_MAX_REDIRECTS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_CONCURRENT]
    = g_param_spec_uint ("max-concurrent", NULL, NULL, 1, G_MAXUINT, LEDE_HTTP_DEFAULT_MAX_CONCURRENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lede_http_init (LedeHttp *self)
{
  self->connect_timeout = LEDE_HTTP_DEFAULT_CONNECT_TIMEOUT;
  self->timeout = LEDE_HTTP_DEFAULT_TIMEOUT;
  self->max_size = LEDE_HTTP_DEFAULT_MAX_SIZE;
  self->max_redirects = LEDE_HTTP_DEFAULT_MAX_REDIRECTS;
  self->max_concurrent = LEDE_HTTP_DEFAULT_MAX_CONCURRENT;
  g_queue_init (&self->waiting);
  /* The system proxy resolver and TLS database are libsoup's defaults; keep them. */
  self->session
    = soup_session_new_with_options ("user-agent", LEDE_HTTP_USER_AGENT, "timeout", self->connect_timeout,
                                     "max-conns", 64, "max-conns-per-host", 16, NULL);
}
