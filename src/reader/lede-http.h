/* lede-http.h: Lede's HTTP client: one libsoup session with time-outs, size and redirect limits. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Every request Lede makes names it, so site owners can tell who is asking. */
#define LEDE_HTTP_USER_AGENT "Lede/0.1 (+https://github.com/ledereader/lede)"

/* Defaults; each can be changed per client with the matching property. */
#define LEDE_HTTP_DEFAULT_CONNECT_TIMEOUT 20 /* seconds without any answer */
#define LEDE_HTTP_DEFAULT_TIMEOUT 60         /* seconds for the whole request */
#define LEDE_HTTP_DEFAULT_MAX_SIZE (16 * 1024 * 1024)
#define LEDE_HTTP_DEFAULT_MAX_REDIRECTS 10
#define LEDE_HTTP_DEFAULT_MAX_CONCURRENT 8

/* Accept headers for the two kinds of resources Lede asks for. */
#define LEDE_HTTP_ACCEPT_HTML "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"
#define LEDE_HTTP_ACCEPT_FEED                                                                                \
  "application/rss+xml,application/atom+xml,application/feed+json,application/rdf+xml;q=0.9,"                \
  "application/xml;q=0.8,text/xml;q=0.8,application/json;q=0.7,*/*;q=0.5"

/**
 * LedeHttpError:
 * @LEDE_HTTP_ERROR_INVALID_URI: the address is not a valid http(s) URI (also
 *   for a redirect to a non-http(s) or malformed address)
 * @LEDE_HTTP_ERROR_CANNOT_RESOLVE: the host name could not be resolved
 * @LEDE_HTTP_ERROR_CANNOT_CONNECT: the host refused or could not be reached
 * @LEDE_HTTP_ERROR_TIMEOUT: the server did not answer within the connect
 *   time-out, or the whole request took longer than the total time-out
 * @LEDE_HTTP_ERROR_TOO_LARGE: the response body is larger than the size limit
 *   (announced by Content-Length or found while reading; reading stops there)
 * @LEDE_HTTP_ERROR_TOO_MANY_REDIRECTS: more redirects than the limit, or a
 *   redirect loop
 * @LEDE_HTTP_ERROR_HTTP_STATUS: the server answered with an error status
 *   (4xx, 5xx, or a 3xx that is not a usable redirect)
 * @LEDE_HTTP_ERROR_TLS: the secure connection failed (bad certificate, …)
 * @LEDE_HTTP_ERROR_NETWORK: any other network or protocol failure
 *
 * Errors of lede_http_fetch_finish(). Cancellation is reported as
 * %G_IO_ERROR_CANCELLED, as everywhere in GIO. Messages are translated and
 * meant to be shown as they are.
 */
typedef enum
{
  LEDE_HTTP_ERROR_INVALID_URI,
  LEDE_HTTP_ERROR_CANNOT_RESOLVE,
  LEDE_HTTP_ERROR_CANNOT_CONNECT,
  LEDE_HTTP_ERROR_TIMEOUT,
  LEDE_HTTP_ERROR_TOO_LARGE,
  LEDE_HTTP_ERROR_TOO_MANY_REDIRECTS,
  LEDE_HTTP_ERROR_HTTP_STATUS,
  LEDE_HTTP_ERROR_TLS,
  LEDE_HTTP_ERROR_NETWORK,
} LedeHttpError;

#define LEDE_HTTP_ERROR (lede_http_error_quark ())
GQuark lede_http_error_quark (void);

/* ---- LedeHttpResponse: what one successful fetch brought back ---- */

typedef struct _LedeHttpResponse LedeHttpResponse;

#define LEDE_TYPE_HTTP_RESPONSE (lede_http_response_get_type ())
GType lede_http_response_get_type (void) G_GNUC_CONST;

LedeHttpResponse *lede_http_response_ref (LedeHttpResponse *self);
void lede_http_response_unref (LedeHttpResponse *self);

/* The HTTP status of the last answer: 2xx, or 304 when not modified. */
guint lede_http_response_get_status (LedeHttpResponse *self);
/* TRUE when the server answered 304 to the conditional request: the body is empty. */
gboolean lede_http_response_is_not_modified (LedeHttpResponse *self);
/* The URI after redirects (resolve relative links in the body against it). */
const char *lede_http_response_get_uri (LedeHttpResponse *self);
/* The media type, lower case, without parameters ("text/html"), or NULL. */
const char *lede_http_response_get_content_type (LedeHttpResponse *self);
/* The charset parameter of Content-Type, or NULL. */
const char *lede_http_response_get_charset (LedeHttpResponse *self);
/* Validators to store for the next conditional request (NULL when the server gave none). */
const char *lede_http_response_get_etag (LedeHttpResponse *self);
const char *lede_http_response_get_last_modified (LedeHttpResponse *self);
/* Any other response header, or NULL. */
const char *lede_http_response_get_header (LedeHttpResponse *self, const char *name);
/* The body, decoded from any Content-Encoding; never NULL (empty for 304). */
GBytes *lede_http_response_get_body (LedeHttpResponse *self);
guint lede_http_response_get_n_redirects (LedeHttpResponse *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LedeHttpResponse, lede_http_response_unref)

/* ---- LedeHttp: the client ---- */

#define LEDE_TYPE_HTTP (lede_http_get_type ())
G_DECLARE_FINAL_TYPE (LedeHttp, lede_http, LEDE, HTTP, GObject)

LedeHttp *lede_http_new (void);

void lede_http_set_connect_timeout (LedeHttp *self, guint seconds);
guint lede_http_get_connect_timeout (LedeHttp *self);
void lede_http_set_timeout (LedeHttp *self, guint seconds);
guint lede_http_get_timeout (LedeHttp *self);
void lede_http_set_max_size (LedeHttp *self, guint64 max_size);
guint64 lede_http_get_max_size (LedeHttp *self);
void lede_http_set_max_redirects (LedeHttp *self, guint max_redirects);
guint lede_http_get_max_redirects (LedeHttp *self);
void lede_http_set_max_concurrent (LedeHttp *self, guint max_concurrent);
guint lede_http_get_max_concurrent (LedeHttp *self);

/**
 * lede_http_fetch_async:
 * @self: the client
 * @uri: an absolute http or https URI
 * @accept: (nullable): the Accept header, e.g. %LEDE_HTTP_ACCEPT_HTML
 * @etag: (nullable): the ETag of the copy the caller has (sent as If-None-Match)
 * @last_modified: (nullable): its Last-Modified (sent as If-Modified-Since)
 * @cancellable: (nullable): cancels the request; it then fails with %G_IO_ERROR_CANCELLED
 *
 * GETs @uri, following up to max-redirects redirects, and reads the body up to
 * max-size bytes. At most max-concurrent requests of one client run at a time;
 * the others wait their turn (the total time-out starts when a request starts).
 * Must be called from the thread whose thread-default main context was current
 * when @self was created; the callback runs there too.
 */
void lede_http_fetch_async (LedeHttp *self,
                            const char *uri,
                            const char *accept,
                            const char *etag,
                            const char *last_modified,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer user_data);
LedeHttpResponse *lede_http_fetch_finish (LedeHttp *self, GAsyncResult *result, GError **error);

/* Runs lede_http_fetch_async() to its end by iterating the thread-default main
 * context; for command-line tools, never for a window. */
LedeHttpResponse *lede_http_fetch (LedeHttp *self,
                                   const char *uri,
                                   const char *accept,
                                   const char *etag,
                                   const char *last_modified,
                                   GCancellable *cancellable,
                                   GError **error);

G_END_DECLS
