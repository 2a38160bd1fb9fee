/* lede-analyze: analyses articles and prints lede.analysis/1 JSON or a readable summary. */
#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lede-core.h"
#ifdef LEDE_HAVE_READER
#include "lede-extract.h"
#include "lede-http.h"
#endif

typedef enum
{
  FORMAT_TEXT,
  FORMAT_JSON,
} Format;

typedef struct
{
  Format format;
  gboolean pretty;
  gboolean no_title;
  gsize max_size;
  guint n_inputs;
} Options;

static gboolean
parse_size (const char *str, gsize *out)
{
  char *end = NULL;
  guint64 v;
  guint64 mul = 1;

  errno = 0;
  v = g_ascii_strtoull (str, &end, 10);
  if (errno != 0 || end == str)
    return FALSE;
  if (*end == 'k' || *end == 'K')
    mul = 1024, end++;
  else if (*end == 'm' || *end == 'M')
    mul = 1024 * 1024, end++;
  else if (*end == 'g' || *end == 'G')
    mul = 1024 * 1024 * 1024, end++;
  if (*end == 'i' || *end == 'I')
    end++;
  if (*end == 'b' || *end == 'B')
    end++;
  if (*end != '\0' || v > G_MAXSIZE / mul)
    return FALSE;
  *out = v * mul;
  return TRUE;
}

/* Reads @path ("-" for standard input), refusing more than @max_size bytes
 * before reading them. */
static gboolean
read_input (const char *path, gsize max_size, char **contents, gsize *length, GError **error)
{
  g_autoptr (GString) buf = NULL;
  FILE *fp;
  GStatBuf st;
  char chunk[65536];
  size_t n;

  if (strcmp (path, "-") == 0)
    fp = stdin;
  else
    {
      if (g_stat (path, &st) != 0)
        {
          int saved = errno;
          g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                               saved == ENOENT ? _ ("no such file") : g_strerror (saved));
          return FALSE;
        }
      if (S_ISDIR (st.st_mode))
        {
          g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR, _ ("is a directory, not a file"));
          return FALSE;
        }
      if (max_size > 0 && S_ISREG (st.st_mode) && (guint64) st.st_size > max_size)
        {
          g_autofree char *size = g_format_size (st.st_size);
          g_autofree char *limit = g_format_size (max_size);
          g_set_error (error, LEDE_ANALYSIS_ERROR, LEDE_ANALYSIS_ERROR_TOO_LARGE,
                       _ ("the file is too large (%s; the limit is %s, see --max-size)"), size, limit);
          return FALSE;
        }
      fp = g_fopen (path, "rb");
      if (fp == NULL)
        {
          int saved = errno;
          g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved), g_strerror (saved));
          return FALSE;
        }
    }

  buf = g_string_new (NULL);
  while ((n = fread (chunk, 1, sizeof chunk, fp)) > 0)
    {
      g_string_append_len (buf, chunk, n);
      if (max_size > 0 && buf->len > max_size)
        {
          g_autofree char *limit = g_format_size (max_size);
          if (fp != stdin)
            fclose (fp);
          g_set_error (error, LEDE_ANALYSIS_ERROR, LEDE_ANALYSIS_ERROR_TOO_LARGE,
                       _ ("the input is too large (the limit is %s, see --max-size)"), limit);
          return FALSE;
        }
    }
  if (ferror (fp))
    {
      int saved = errno;
      if (fp != stdin)
        fclose (fp);
      g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved), g_strerror (saved));
      return FALSE;
    }
  if (fp != stdin)
    fclose (fp);

  *length = buf->len;
  *contents = g_string_free (g_steal_pointer (&buf), FALSE);
  return TRUE;
}

#ifdef LEDE_HAVE_READER
static gboolean
is_url (const char *arg)
{
  return g_ascii_strncasecmp (arg, "http://", 7) == 0 || g_ascii_strncasecmp (arg, "https://", 8) == 0;
}

/* Fetches @url with Lede's HTTP client, running a main loop until it is done. */
static gboolean
fetch_url (const char *url,
           gsize max_size,
           char **contents,
           gsize *length,
           char **final_uri,
           char **charset,
           gboolean *is_html,
           GError **error)
{
  g_autoptr (LedeHttp) http = lede_http_new ();
  g_autoptr (LedeHttpResponse) response = NULL;
  const char *type;
  GBytes *body;
  gsize size;
  const char *data;

  lede_http_set_max_size (http, max_size);
  response = lede_http_fetch (http, url, LEDE_HTTP_ACCEPT_HTML, NULL, NULL, NULL, error);
  if (response == NULL)
    return FALSE;
  body = lede_http_response_get_body (response);
  data = g_bytes_get_data (body, &size);
  type = lede_http_response_get_content_type (response);
  *is_html = g_strcmp0 (type, "text/html") == 0 || g_strcmp0 (type, "application/xhtml+xml") == 0
             || lede_extract_looks_like_html (data, size);
  if (!*is_html && g_strcmp0 (type, "text/plain") != 0)
    {
      g_set_error (error, LEDE_EXTRACT_ERROR, LEDE_EXTRACT_ERROR_NOT_HTML,
                   _ ("not a web page (the server sent %s)"), type != NULL ? type : _ ("no content type"));
      return FALSE;
    }
  *contents = g_strndup (data != NULL ? data : "", size);
  *length = size;
  *final_uri = g_strdup (lede_http_response_get_uri (response));
  *charset = g_strdup (lede_http_response_get_charset (response));
  return TRUE;
}
#endif

static gboolean
analyze_one (const char *path, const Options *opts)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeAnalysis) analysis = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  g_autofree char *body = NULL;
  g_autofree char *title = NULL;
  gsize length = 0;
  const char *shown = strcmp (path, "-") == 0 ? _ ("standard input") : path;
  gboolean html = FALSE;
  g_autofree char *base_uri = NULL;
  g_autofree char *charset = NULL;

#ifdef LEDE_HAVE_READER
  if (!is_url (path) && strstr (path, "://") != NULL && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_printerr (_ ("lede-analyze: %s: only http:// and https:// addresses can be fetched\n"), shown);
      return FALSE;
    }
  if (is_url (path))
    {
      if (!fetch_url (path, opts->max_size, &contents, &length, &base_uri, &charset, &html, &error))
        {
          g_printerr ("lede-analyze: %s: %s\n", shown, error->message);
          return FALSE;
        }
    }
  else
#endif
    if (!read_input (path, opts->max_size, &contents, &length, &error))
    {
      g_printerr ("lede-analyze: %s: %s\n", shown, error->message);
      return FALSE;
    }

#ifdef LEDE_HAVE_READER
  if (!html && lede_extract_is_html_file (path, contents, length))
    html = TRUE;
  if (html)
    {
      g_autoptr (LedeArticle) article = NULL;

      if (base_uri == NULL && strcmp (path, "-") != 0)
        {
          g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
          base_uri = g_file_get_uri (file);
        }
      article = lede_extract_article (contents, length, base_uri, charset, &error);
      if (article == NULL)
        {
          g_printerr ("lede-analyze: %s: %s\n", shown, error->message);
          return FALSE;
        }
      body = lede_article_dup_body_text (article);
      title = g_strdup (lede_article_get_title (article));
    }
#endif

  if (body != NULL)
    analysis = lede_analysis_new_for_text (body, -1, title, LEDE_ANALYSIS_FLAGS_NONE, opts->max_size, &error);
  else
    analysis = lede_analysis_new_for_text (contents, length, NULL,
                                           opts->no_title ? LEDE_ANALYSIS_FLAGS_NONE
                                                          : LEDE_ANALYSIS_FLAGS_DETECT_TITLE,
                                           opts->max_size, &error);
  if (analysis == NULL)
    {
      g_printerr ("lede-analyze: %s: %s\n", shown, error->message);
      return FALSE;
    }

  if (opts->format == FORMAT_JSON)
    {
      out = lede_analysis_to_json (analysis, opts->pretty);
      fputs (out, stdout);
      fputc ('\n', stdout);
    }
  else
    {
      out = lede_analysis_to_text (analysis);
      if (opts->n_inputs > 1)
        g_print ("== %s ==\n", shown);
      fputs (out, stdout);
      if (opts->n_inputs > 1)
        fputc ('\n', stdout);
    }
  fflush (stdout);
  return TRUE;
}

int
main (int argc, char *argv[])
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *format = NULL;
  g_autofree char *max_size = NULL;
  g_auto (GStrv) files = NULL;
  gboolean version = FALSE;
  Options opts = { FORMAT_TEXT, FALSE, FALSE, LEDE_ANALYSIS_DEFAULT_MAX_SIZE, 0 };
  gboolean ok = TRUE;
  g_autofree char *description = NULL;
  GOptionEntry entries[]
    = { { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
          N_ ("Output format: “text” (a summary for people, the default) or “json” (lede.analysis/1)"),
          N_ ("FORMAT") },
        { "pretty", 'p', 0, G_OPTION_ARG_NONE, &opts.pretty, N_ ("Indent the JSON output"), NULL },
        { "max-size", 0, 0, G_OPTION_ARG_STRING, &max_size,
          N_ ("Refuse inputs larger than SIZE bytes (suffixes K, M, G; 0 for no limit; default 16M)"),
          N_ ("SIZE") },
        { "no-title", 0, 0, G_OPTION_ARG_NONE, &opts.no_title, N_ ("Do not take the first line as the title"),
          NULL },
        { "version", 'V', 0, G_OPTION_ARG_NONE, &version, N_ ("Print the version and exit"), NULL },
        { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_ ("FILE…") },
        { NULL } };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

#ifdef LEDE_HAVE_READER
  context = g_option_context_new (_ ("FILE… | URL… | -"));
#else
  context = g_option_context_new (_ ("FILE… | -"));
#endif
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
#ifdef LEDE_HAVE_READER
  g_option_context_set_summary (
    context, _ ("Find the actors, figures and claims of news articles.\n"
                "\n"
                "Each FILE is a UTF-8 plain-text article, a web page saved as HTML (.html, .htm,\n"
                "or any file that starts like HTML), or an http:// or https:// address, which is\n"
                "fetched; “-” reads standard input. From a web page, the article is extracted\n"
                "first: its title and main text, without menus, adverts or comments. In a text\n"
                "file, when the first line is followed by a blank line it is taken as the title.\n"
                "For each article, lede-analyze prints either a summary for people — actors by\n"
                "kind with their roles and mention counts, figures with qualifier, unit and\n"
                "source, and claims with the disputed ones marked [!], who disputes them and\n"
                "why — or one lede.analysis/1 JSON document (JSON Lines when there are several)."));
#else
  g_option_context_set_summary (
    context, _ ("Find the actors, figures and claims of news articles.\n"
                "\n"
                "Each FILE is a UTF-8 plain-text article; “-” reads standard input. When the\n"
                "first line is followed by a blank line it is taken as the title. For each\n"
                "article, lede-analyze prints either a summary for people — actors by kind with\n"
                "their roles and mention counts, figures with qualifier, unit and source, and\n"
                "claims with the disputed ones marked [!], who disputes them and why — or one\n"
                "lede.analysis/1 JSON document (JSON Lines when there are several files)."));
#endif
#ifdef LEDE_HAVE_READER
  description
    = g_strdup_printf (_ ("Exit status: 0 when every input was analysed, 1 when any could not be (each\n"
                          "gets one line on standard error and the others are still analysed), 2 for\n"
                          "a usage error.\n"
                          "\n"
                          "Examples:\n"
                          "  %s article.txt\n"
                          "  %s --format=json --pretty saved-page.html\n"
                          "  %s https://example.org/news/story.html\n"
                          "  curl -s URL | %s --format=json -\n"),
                       "lede-analyze", "lede-analyze", "lede-analyze", "lede-analyze");
#else
  description
    = g_strdup_printf (_ ("Exit status: 0 when every file was analysed, 1 when any could not be (each\n"
                          "gets one line on standard error and the others are still analysed), 2 for\n"
                          "a usage error.\n"
                          "\n"
                          "Examples:\n"
                          "  %s article.txt\n"
                          "  %s --format=json --pretty article.txt\n"
                          "  curl -s URL | %s --format=json -\n"),
                       "lede-analyze", "lede-analyze", "lede-analyze");
#endif
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("lede-analyze: %s\n", error->message);
      g_printerr (_ ("Run “%s --help” to see the options.\n"), "lede-analyze");
      return 2;
    }

  if (version)
    {
      g_print ("lede-analyze %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (format == NULL || strcmp (format, "text") == 0)
    opts.format = FORMAT_TEXT;
  else if (strcmp (format, "json") == 0)
    opts.format = FORMAT_JSON;
  else
    {
      g_printerr (_ ("lede-analyze: unknown format “%s” (use “text” or “json”)\n"), format);
      return 2;
    }

  if (max_size != NULL && !parse_size (max_size, &opts.max_size))
    {
      g_printerr (_ ("lede-analyze: “%s” is not a size (try 500K or 20M)\n"), max_size);
      return 2;
    }

  if (files == NULL || files[0] == NULL)
    {
      if (isatty (STDIN_FILENO))
        {
          g_printerr (_ ("lede-analyze: no file given\n"));
          g_printerr (_ ("Run “%s --help” to see the options.\n"), "lede-analyze");
          return 2;
        }
      files = g_new0 (char *, 2);
      files[0] = g_strdup ("-");
    }

  opts.n_inputs = g_strv_length (files);
  for (guint i = 0; files[i] != NULL; i++)
    ok &= analyze_one (files[i], &opts);

  return ok ? 0 : 1;
}
