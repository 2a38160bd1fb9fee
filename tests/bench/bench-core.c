/* bench-core.c: analysis throughput (MB/s, words/s) and peak memory over ≥ 10 MB of articles. */
#include <glib.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "lede-core.h"

static double
cpu_seconds (void)
{
  struct rusage ru;
  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

static long
peak_rss_kib (void)
{
  struct rusage ru;
  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

int
main (int argc, char *argv[])
{
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) lengths = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) files = NULL;
  double megabytes = 20;
  gboolean single = FALSE;
  GOptionEntry entries[] = {
    { "megabytes", 'm', 0, G_OPTION_ARG_DOUBLE, &megabytes, "Analyse at least this many MB (default 20)",
      "MB" },
    { "single", 's', 0, G_OPTION_ARG_NONE, &single, "Join the articles into one large document", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "ARTICLE…" },
    { NULL },
  };
  guint64 bytes = 0, words = 0, articles = 0;
  guint64 n_actors = 0, n_figures = 0, n_claims = 0;
  gint64 t0;
  double c0, wall, cpu;
  long rss_before;

  context = g_option_context_new ("ARTICLE…");
  g_option_context_set_summary (context, "Measures how fast the analysis core reads articles.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || files == NULL)
    {
      g_printerr ("bench-core: %s\n", error ? error->message : "give one or more article files");
      return 2;
    }

  for (guint i = 0; files[i]; i++)
    {
      char *contents;
      gsize len;
      if (!g_file_get_contents (files[i], &contents, &len, &error))
        {
          g_printerr ("bench-core: %s\n", error->message);
          return 1;
        }
      g_ptr_array_add (texts, contents);
      g_array_append_val (lengths, len);
    }

  if (single)
    {
      /* One document of the requested size: checks that nothing grows faster than the text. */
      GString *big = g_string_new (NULL);
      for (guint i = 0; big->len < megabytes * 1e6; i = (i + 1) % texts->len)
        {
          g_string_append (big, g_ptr_array_index (texts, i));
          g_string_append (big, "\n\n");
        }
      g_ptr_array_set_size (texts, 0);
      g_array_set_size (lengths, 0);
      g_array_append_val (lengths, big->len);
      g_ptr_array_add (texts, g_string_free (big, FALSE));
    }

  /* Warm up: load the word lists once, as any long-lived process does. */
  g_object_unref (lede_analysis_new_for_text ("Warm up.", -1, NULL, 0, 0, NULL));

  rss_before = peak_rss_kib ();
  t0 = g_get_monotonic_time ();
  c0 = cpu_seconds ();
  for (guint i = 0; bytes < megabytes * 1e6 || articles == 0; i = (i + 1) % texts->len)
    {
      gsize len = g_array_index (lengths, gsize, i);
      g_autoptr (LedeAnalysis) a = lede_analysis_new_for_text (g_ptr_array_index (texts, i), len, NULL,
                                                               LEDE_ANALYSIS_FLAGS_DETECT_TITLE, 0, &error);
      if (a == NULL)
        {
          g_printerr ("bench-core: %s\n", error->message);
          return 1;
        }
      bytes += len;
      words += lede_analysis_get_n_words (a);
      articles++;
      n_actors += lede_analysis_get_n_actors (a);
      n_figures += lede_analysis_get_n_figures (a);
      n_claims += lede_analysis_get_n_claims (a);
      if (single)
        break;
    }
  wall = (g_get_monotonic_time () - t0) / 1e6;
  cpu = cpu_seconds () - c0;

  printf ("articles     %" G_GUINT64_FORMAT " (%s)\n", articles, single ? "one document" : "one at a time");
  printf ("text         %.1f MB, %" G_GUINT64_FORMAT " words\n", bytes / 1e6, words);
  printf ("found        %" G_GUINT64_FORMAT " actors, %" G_GUINT64_FORMAT " figures, %" G_GUINT64_FORMAT
          " claims\n",
          n_actors, n_figures, n_claims);
  printf ("time         %.3f s wall, %.3f s CPU (one thread)\n", wall, cpu);
  printf ("throughput   %.1f MB/s, %.0f words/s\n", bytes / 1e6 / wall, words / wall);
  printf ("per article  %.3f ms\n", wall * 1000 / articles);
  printf ("peak memory  %.1f MB (%.1f MB before the run)\n", peak_rss_kib () / 1024.0, rss_before / 1024.0);
  return 0;
}
