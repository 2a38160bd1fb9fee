/* test-sanitize.c: the allowlist sanitizer keeps text structure and drops everything active. */
#include "config.h"

#include <string.h>

#include "lede-sanitize.h"

#define BASE "https://news.example/world/story.html"

static char *
sanitize (const char *html)
{
  char *out = lede_sanitize_html (html, -1, BASE);
  g_assert_nonnull (out);
  g_test_message ("%s\n→ %s", html, out);
  return out;
}

static void
assert_absent (const char *html, const char *needle)
{
  g_autofree char *low = g_ascii_strdown (html, -1);
  if (strstr (low, needle) != NULL)
    g_error ("“%s” survived in: %s", needle, html);
}

static void
test_scripts (void)
{
  g_autofree char *out = sanitize (
    "<p>Before<script>alert('x')</script> after</p><script src=\"https://evil.example/x.js\"></script>"
    "<noscript><img src=\"/track.gif\"></noscript><style>p{display:none}</style>"
    "<SCRIPT>document.write(1)</SCRIPT><template><p>hidden</p></template>");

  assert_absent (out, "script");
  assert_absent (out, "alert");
  assert_absent (out, "document.write");
  assert_absent (out, "style");
  assert_absent (out, "display");
  assert_absent (out, "track.gif");
  assert_absent (out, "hidden");
  g_assert_cmpstr (out, ==, "<p>Before after</p>");
}

static void
test_event_handlers (void)
{
  g_autofree char *out
    = sanitize ("<img src=\"x.png\" onerror=\"alert(1)\" alt=\"A map\">"
                "<p onclick=\"steal()\" ONMOUSEOVER=\"steal()\" style=\"color:red\" class=\"lead\" "
                "id=\"p1\">Text</p><svg onload=\"alert(2)\"><circle r=\"1\"/></svg>"
                "<body onload=\"alert(3)\"><a href=\"/next\" onfocus=\"x()\" target=\"_top\">Next</a>");

  assert_absent (out, "onerror");
  assert_absent (out, "onclick");
  assert_absent (out, "onmouseover");
  assert_absent (out, "onload");
  assert_absent (out, "onfocus");
  assert_absent (out, "alert");
  assert_absent (out, "style");
  assert_absent (out, "class");
  assert_absent (out, "target");
  assert_absent (out, "svg");
  /* What is allowed stays, with relative addresses resolved. */
  g_assert_nonnull (strstr (out, "<img src=\"https://news.example/world/x.png\" alt=\"A map\">"));
  g_assert_nonnull (strstr (out, "<p>Text</p>"));
  g_assert_nonnull (strstr (out, "href=\"https://news.example/next\""));
  g_assert_nonnull (strstr (out, "rel=\"noopener noreferrer nofollow\""));
}

static void
test_urls (void)
{
  const char *bad[] = {
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href=\"JavaScript:alert(1)\">x</a>",
    "<a href=\"  javascript:alert(1)\">x</a>",
    "<a href=\"java&#x09;script:alert(1)\">x</a>",
    "<a href=\"java\nscript:alert(1)\">x</a>",
    "<a href=\"&#106;avascript:alert(1)\">x</a>",
    "<a href=\"vbscript:msgbox(1)\">x</a>",
    "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
    "<a href=\"file:///etc/passwd\">x</a>",
    "<img src=\"javascript:alert(1)\">",
    "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">",
    "<blockquote cite=\"javascript:alert(1)\">q</blockquote>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *out = sanitize (bad[i]);
      assert_absent (out, "script");
      assert_absent (out, "data:");
      assert_absent (out, "file:");
      assert_absent (out, "alert");
      assert_absent (out, "href");
      assert_absent (out, "src");
      assert_absent (out, "cite");
    }

  {
    g_autofree char *out = sanitize ("<a href=\"//cdn.example/a\">a</a><a href=\"?page=2\">b</a>"
                                     "<a href=\"#notes\">c</a><a href=\"../europe/\">d</a>");
    g_assert_nonnull (strstr (out, "href=\"https://cdn.example/a\""));
    g_assert_nonnull (strstr (out, "href=\"https://news.example/world/story.html?page=2\""));
    g_assert_nonnull (strstr (out, "href=\"https://news.example/world/story.html#notes\""));
    g_assert_nonnull (strstr (out, "href=\"https://news.example/europe/\""));
  }
}

static void
test_frames_and_forms (void)
{
  g_autofree char *out = sanitize (
    "<iframe src=\"https://ads.example/\"></iframe><p>Kept</p><form action=\"/login\"><input name=\"u\">"
    "<button>Sign in</button><textarea>t</textarea><select><option>o</option></select></form>"
    "<object data=\"x.swf\"><embed src=\"x.swf\"></object><frameset><frame src=\"a\"></frameset>"
    "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\"><base "
    "href=\"https://evil.example/\">"
    "<link rel=\"stylesheet\" href=\"x.css\"><video src=\"v.mp4\"></video>");

  assert_absent (out, "iframe");
  assert_absent (out, "ads.example");
  assert_absent (out, "form");
  assert_absent (out, "input");
  assert_absent (out, "sign in");
  assert_absent (out, "button");
  assert_absent (out, "textarea");
  assert_absent (out, "option");
  assert_absent (out, "object");
  assert_absent (out, "embed");
  assert_absent (out, "frame");
  assert_absent (out, "refresh");
  assert_absent (out, "evil.example");
  assert_absent (out, "stylesheet");
  assert_absent (out, "video");
  g_assert_cmpstr (out, ==, "<p>Kept</p>");
}

static void
test_structure_kept (void)
{
  g_autofree char *out = sanitize (
    "<h2 id=\"x\">Heading</h2><p>A <em>b</em> <strong>c</strong> &amp; d&lt;e</p><blockquote><p>Quote</p>"
    "</blockquote><ul><li>One</li></ul><ol start=\"3\"><li>Three</li></ol><table><tr><td colspan=\"2\" "
    "bgcolor=\"red\">Cell</td></tr></table><custom-widget data-x=\"1\"><p>Inner text</p></custom-widget>"
    "<font color=\"red\">Old</font><!-- a comment --><figure><img src=\"/i.jpg\"><figcaption>Cap</figcaption>"
    "</figure><ol start=\"x\"><li>bad start</li></ol>");

  g_assert_nonnull (strstr (out, "<h2>Heading</h2>"));
  g_assert_nonnull (strstr (out, "<p>A <em>b</em> <strong>c</strong> &amp; d&lt;e</p>"));
  g_assert_nonnull (strstr (out, "<blockquote><p>Quote</p></blockquote>"));
  g_assert_nonnull (strstr (out, "<ul><li>One</li></ul>"));
  g_assert_nonnull (strstr (out, "<ol start=\"3\"><li>Three</li></ol>"));
  g_assert_nonnull (strstr (out, "<td colspan=\"2\">Cell</td>"));
  /* Unknown elements are unwrapped, their text kept. */
  g_assert_nonnull (strstr (out, "<p>Inner text</p>"));
  assert_absent (out, "custom-widget");
  assert_absent (out, "data-x");
  assert_absent (out, "font");
  g_assert_nonnull (strstr (out, "Old"));
  assert_absent (out, "comment");
  g_assert_nonnull (
    strstr (out, "<figure><img src=\"https://news.example/i.jpg\"><figcaption>Cap</figcaption>"));
  g_assert_nonnull (strstr (out, "<ol><li>bad start</li></ol>"));
}

static void
test_edge_input (void)
{
  g_autofree char *empty = lede_sanitize_html ("", 0, NULL);
  g_autofree char *text = lede_sanitize_html ("just text", -1, NULL);
  g_autofree char *unclosed = lede_sanitize_html ("<p>open <b>bold <script>x", -1, NULL);
  g_autofree char *relative = lede_sanitize_html ("<a href=\"/x\">no base</a>", -1, NULL);

  g_assert_cmpstr (empty, ==, "");
  g_assert_nonnull (strstr (text, "just text"));
  g_assert_nonnull (strstr (unclosed, "open <b>bold </b>"));
  assert_absent (unclosed, "script");
  /* Without a base a relative link cannot be made absolute, so it goes. */
  g_assert_cmpstr (relative, ==, "<a>no base</a>");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lede/reader/sanitize/scripts", test_scripts);
  g_test_add_func ("/lede/reader/sanitize/event-handlers", test_event_handlers);
  g_test_add_func ("/lede/reader/sanitize/urls", test_urls);
  g_test_add_func ("/lede/reader/sanitize/frames-and-forms", test_frames_and_forms);
  g_test_add_func ("/lede/reader/sanitize/structure-kept", test_structure_kept);
  g_test_add_func ("/lede/reader/sanitize/edge-input", test_edge_input);

  return g_test_run ();
}
