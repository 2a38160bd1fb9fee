/* lede-normalize.c: stage 1: reject what is not text, then NFC and LF line ends. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lede-analysis-private.h"

static void
locate_byte (const char *text, gsize offset, guint *line, guint *column)
{
  *line = 1;
  *column = 1;
  for (gsize i = 0; i < offset; i++)
    {
      if (text[i] == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) text[i] & 0xC0) != 0x80)
        (*column)++;
    }
}

/* Could @c change under NFC? Latin, most punctuation, currency and
 * arrows cannot; marks, Hangul, compatibility letters and the rest may. */
static inline gboolean
nfc_unstable (gunichar c)
{
  if (c < 0x300)
    return FALSE;
  if (c >= 0x2000 && c <= 0x2BFF)
    return c == 0x2126 || c == 0x212A || c == 0x212B || c == 0x2329 || c == 0x232A;
  return TRUE;
}

/* Does any character of the text possibly change under NFC? */
static gboolean
has_unstable (const char *p, const char *end)
{
  for (; p < end; p++)
    if ((guchar) *p >= 0xCC && nfc_unstable (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* NFC, a line at a time and only for the lines that need it: GLib's
 * normalizer is slow on long inputs and most news text is NFC already. */
static char *
normalize_nfc (const char *input, gsize length)
{
  GString *out = g_string_sized_new (length + 16);
  const char *end = input + length;
  const char *line = input;

  while (line < end)
    {
      const char *nl = memchr (line, '\n', end - line);
      const char *line_end = nl ? nl + 1 : end;
      gboolean unstable = FALSE;

      for (const char *p = line; p < line_end; p++)
        if ((guchar) *p >= 0xCC && nfc_unstable (g_utf8_get_char (p)))
          {
            unstable = TRUE;
            break;
          }
      if (unstable)
        {
          g_autofree char *n = g_utf8_normalize (line, line_end - line, G_NORMALIZE_NFC);
          g_string_append (out, n);
        }
      else
        g_string_append_len (out, line, line_end - line);
      line = line_end;
    }
  return g_string_free (out, FALSE);
}

gboolean
lede_normalize (const char *input,
                gsize length,
                gsize max_size,
                char **out_text,
                gsize *out_length,
                GError **error)
{
  const char *end = NULL;
  gsize n_control = 0;
  gboolean ascii = TRUE;
  gboolean has_cr = FALSE;
  gboolean blank = TRUE;
  g_autofree char *text = NULL;
  gsize len;

  if (max_size > 0 && length > max_size)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *limit = g_format_size (max_size);
      g_set_error (error, LEDE_ANALYSIS_ERROR, LEDE_ANALYSIS_ERROR_TOO_LARGE,
                   _ ("the text is too large (%s; the limit is %s)"), size, limit);
      return FALSE;
    }

  /* A byte-order mark is not part of the text. */
  if (length >= 3 && memcmp (input, "\xEF\xBB\xBF", 3) == 0)
    {
      input += 3;
      length -= 3;
    }

  if (memchr (input, '\0', length) != NULL)
    {
      g_set_error (error, LEDE_ANALYSIS_ERROR, LEDE_ANALYSIS_ERROR_BINARY,
                   _ ("this looks like a binary file, not text (it holds NUL bytes)"));
      return FALSE;
    }

  for (gsize i = 0; i < length; i++)
    {
      guchar c = input[i];

      /* Printable ASCII, nearly every byte: one test. */
      if (c > 0x20 && c < 0x80)
        {
          blank = FALSE;
          continue;
        }
      if (c >= 0x80)
        ascii = FALSE;
      else if (c == '\r')
        has_cr = TRUE;
      else if (c < 0x20 && c != '\n' && c != '\t' && c != '\f')
        n_control++;
      if (blank && c < 0x80 && !g_ascii_isspace (c))
        blank = FALSE;
    }

  /* ASCII is UTF-8: only other text needs the check. */
  if (!ascii && !g_utf8_validate_len (input, length, &end))
    {
      guint line, column;

      locate_byte (input, end - input, &line, &column);
      g_set_error (error, LEDE_ANALYSIS_ERROR, LEDE_ANALYSIS_ERROR_INVALID_UTF8,
                   /* TRANSLATORS: "invalid UTF-8 at line 2, column 5 (byte 13)" */
                   _ ("invalid UTF-8 at line %u, column %u (byte %lu)"), line, column,
                   (unsigned long) (end - input));
      return FALSE;
    }

  if (n_control > 8 && n_control * 100 > length)
    {
      g_set_error (error, LEDE_ANALYSIS_ERROR, LEDE_ANALYSIS_ERROR_BINARY,
                   _ ("this looks like a binary file, not text (%lu control characters)"),
                   (unsigned long) n_control);
      return FALSE;
    }

  if (blank)
    {
      /* Non-ASCII space only ("\u00A0") is still no text. */
      gboolean only_space = TRUE;
      for (const char *p = input; p < input + length; p = g_utf8_next_char (p))
        if (!g_unichar_isspace (g_utf8_get_char (p)))
          {
            only_space = FALSE;
            break;
          }
      if (only_space)
        {
          g_set_error (error, LEDE_ANALYSIS_ERROR, LEDE_ANALYSIS_ERROR_EMPTY,
                       length == 0 ? _ ("the file is empty") : _ ("the file holds no text"));
          return FALSE;
        }
    }

  /* Most text is NFC already: copy it whole when nothing may change. */
  if (ascii || !has_unstable (input, input + length))
    {
      text = g_strndup (input, length);
      len = length;
    }
  else
    {
      text = normalize_nfc (input, length);
      len = strlen (text);
    }

  if (has_cr)
    {
      /* CR LF and lone CR become LF, as every reader of the text expects. */
      gsize j = 0;
      for (gsize i = 0; i < len; i++)
        {
          if (text[i] == '\r')
            {
              text[j++] = '\n';
              if (i + 1 < len && text[i + 1] == '\n')
                i++;
            }
          else
            text[j++] = text[i];
        }
      text[j] = '\0';
      len = j;
    }

  *out_length = len;
  *out_text = g_steal_pointer (&text);
  return TRUE;
}
