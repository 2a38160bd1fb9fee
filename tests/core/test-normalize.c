/* test-normalize.c: what the analysis refuses and how it cleans the text. */
#include <string.h>

#include "lede-core.h"

static LedeAnalysis *
analyze (const char *text, gssize len, GError **error)
{
  return lede_analysis_new_for_text (text, len, NULL, LEDE_ANALYSIS_FLAGS_DETECT_TITLE, 1024, error);
}

static void
test_empty (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeAnalysis) a = analyze ("", 0, &error);
  g_assert_null (a);
  g_assert_error (error, LEDE_ANALYSIS_ERROR, LEDE_ANALYSIS_ERROR_EMPTY);
  g_clear_error (&error);
  a = analyze (" \n\t\n ", -1, &error);
  g_assert_null (a);
  g_assert_error (error, LEDE_ANALYSIS_ERROR, LEDE_ANALYSIS_ERROR_EMPTY);
}

static void
test_invalid_utf8 (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeAnalysis) a = analyze ("Line one\nBad \xC3\x28 here", -1, &error);
  g_assert_null (a);
  g_assert_error (error, LEDE_ANALYSIS_ERROR, LEDE_ANALYSIS_ERROR_INVALID_UTF8);
  /* The message says where. */
  g_assert_nonnull (strstr (error->message, "line 2"));
  g_assert_nonnull (strstr (error->message, "column 5"));
  g_assert_nonnull (strstr (error->message, "byte 13"));
}

static void
test_binary (void)
{
  static const char elf[] = "\x7f"
                            "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0";
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeAnalysis) a = analyze (elf, sizeof elf - 1, &error);
  char ctrl[200];

  g_assert_null (a);
  g_assert_error (error, LEDE_ANALYSIS_ERROR, LEDE_ANALYSIS_ERROR_BINARY);
  g_clear_error (&error);

  /* Valid UTF-8 but mostly control characters is not text either. */
  for (guint i = 0; i < sizeof ctrl - 1; i++)
    ctrl[i] = (i % 3) ? 0x01 + (i % 7) : 'a';
  ctrl[sizeof ctrl - 1] = '\0';
  a = analyze (ctrl, -1, &error);
  g_assert_null (a);
  g_assert_error (error, LEDE_ANALYSIS_ERROR, LEDE_ANALYSIS_ERROR_BINARY);
}

static void
test_too_large (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *big = g_strnfill (2000, 'a');
  g_autoptr (LedeAnalysis) a = analyze (big, -1, &error);
  g_assert_null (a);
  g_assert_error (error, LEDE_ANALYSIS_ERROR, LEDE_ANALYSIS_ERROR_TOO_LARGE);
}

static void
test_nfc_and_newlines (void)
{
  g_autoptr (GError) error = NULL;
  /* "Café" with a combining accent, and CR LF line ends. */
  g_autoptr (LedeAnalysis) a = analyze ("Cafe\xCC\x81 opens\r\n\r\nThe owner said so.\r\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lede_analysis_get_text (a), ==, "Caf\xC3\xA9 opens\n\nThe owner said so.\n");
  g_assert_cmpstr (lede_analysis_get_title (a), ==, "Caf\xC3\xA9 opens");
}

static void
test_bom (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LedeAnalysis) a = analyze ("\xEF\xBB\xBFHello there.", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lede_analysis_get_text (a), ==, "Hello there.");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/lede/core/normalize/empty", test_empty);
  g_test_add_func ("/lede/core/normalize/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/lede/core/normalize/binary", test_binary);
  g_test_add_func ("/lede/core/normalize/too-large", test_too_large);
  g_test_add_func ("/lede/core/normalize/nfc-and-newlines", test_nfc_and_newlines);
  g_test_add_func ("/lede/core/normalize/bom", test_bom);
  return g_test_run ();
}
