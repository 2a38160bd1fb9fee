/* bench-store.c: the library at 100,000 articles: FTS search, the lists a virtual list view needs
 * (run by hand).
 *
 *   bench-store [--articles=100000] [--db=PATH]
 *
 * The articles are generated: 150-word bodies drawn with a Zipf-like law from a 20,000-word
 * vocabulary, so common words match most articles and rare ones a few, as in real news. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lede-store.h"

#define VOCABULARY 20000
#define WORDS_PER_ARTICLE 150
#define ITEMS_PER_FEED 1000

static int n_articles = 100000;
static char *db_option = NULL;

static char *vocabulary[VOCABULARY];
static double cumulative[VOCABULARY];

static void
make_vocabulary (GRand *rand)
{
  static const char *syllables[]
    = { "ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "pri", "str", "an",  "el",
        "or", "ub", "is", "ta", "de", "ro", "ma", "ni", "po",  "qua", "ber", "gen" };
  double total = 0;

  /* a few real words at the top so the queries read naturally */
  static const char *top[] = { "the",    "said",     "minister", "council", "report", "government", "police",
                               "budget", "election", "harbour",  "strike",  "ferry",  "hospital" };
  for (guint i = 0; i < VOCABULARY; i++)
    {
      if (i < G_N_ELEMENTS (top))
        vocabulary[i] = g_strdup (top[i]);
      else
        {
          GString *w = g_string_new (NULL);
          guint n = 2 + g_rand_int_range (rand, 0, 3);
          for (guint j = 0; j < n; j++)
            g_string_append (w, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);
          g_string_append_printf (w, "%u", i % 7 == 0 ? i : 0);
          vocabulary[i] = g_string_free (w, FALSE);
        }
      total += 1.0 / (i + 1);
      cumulative[i] = total;
    }
  for (guint i = 0; i < VOCABULARY; i++)
    cumulative[i] /= total;
}

static const char *
draw_word (GRand *rand)
{
  double x = g_rand_double (rand);
  guint lo = 0, hi = VOCABULARY - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (cumulative[mid] < x)
        lo = mid + 1;
      else
        hi = mid;
    }
  return vocabulary[lo];
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* CPU time of this thread: what a search costs, whatever else the machine is doing. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static void
time_search (LedeStore *store, const char *query)
{
  double times[21], cpu[21];
  guint hits = 0;

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) results = NULL;
      double t0 = now_ms (), c0 = cpu_ms ();

      results = lede_store_search (store, query, 50, &error);
      times[i] = now_ms () - t0;
      cpu[i] = cpu_ms () - c0;
      if (results == NULL)
        g_error ("%s", error->message);
      hits = results->len;
    }
  qsort (times, G_N_ELEMENTS (times), sizeof (double), compare_double);
  qsort (cpu, G_N_ELEMENTS (cpu), sizeof (double), compare_double);
  printf ("  search %-28s %2u results  median %6.2f ms  max %6.2f ms  (CPU median %5.2f ms)\n", query, hits,
          times[G_N_ELEMENTS (times) / 2], times[G_N_ELEMENTS (times) - 1], cpu[G_N_ELEMENTS (cpu) / 2]);
}

int
main (int argc, char *argv[])
{
  GOptionEntry entries[] = {
    { "articles", 0, 0, G_OPTION_ARG_INT, &n_articles, "Articles to store", "N" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_option, "Keep the library in this file (reused if it exists)",
      "PATH" },
    { NULL },
  };
  g_autoptr (GOptionContext) options = g_option_context_new ("- store benchmarks");
  g_autoptr (GError) error = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (20240304);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr (LedeStore) store = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GPtrArray) page = NULL;
  double t0, t_fill = 0;
  guint stored;

  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    g_error ("%s", error->message);
  if (db_option != NULL)
    path = g_strdup (db_option);
  else
    {
      dir = g_dir_make_tmp ("lede-bench-XXXXXX", NULL);
      path = g_build_filename (dir, "library.db", NULL);
    }
  store = lede_store_new (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  make_vocabulary (rand);

  stored = lede_store_count_items (store, LEDE_STORE_SCOPE_ALL, 0, NULL);
  if (stored < (guint) n_articles)
    {
      t0 = now_ms ();
      for (int f = 0; stored < (guint) n_articles; f++)
        {
          g_autofree char *url = g_strdup_printf ("http://bench%d.example/feed", f);
          g_autoptr (LedeFeed) feed = g_new0 (LedeFeed, 1);
          gint64 id = lede_store_find_feed (store, url);

          if (id == 0)
            id = lede_store_add_feed (store, url, NULL, NULL, &error);
          feed->title = g_strdup_printf ("Bench feed %d", f);
          feed->items = g_ptr_array_new_with_free_func ((GDestroyNotify) lede_feed_item_free);
          for (guint i = 0; i < ITEMS_PER_FEED && stored + feed->items->len < (guint) n_articles; i++)
            {
              LedeFeedItem *item = g_new0 (LedeFeedItem, 1);
              GString *body = g_string_new ("<p>");
              GString *title = g_string_new (NULL);

              for (guint w = 0; w < 8; w++)
                g_string_append_printf (title, "%s%s", w ? " " : "", draw_word (rand));
              for (guint w = 0; w < WORDS_PER_ARTICLE; w++)
                {
                  g_string_append (body, draw_word (rand));
                  g_string_append (body, w % 20 == 19 ? ".</p><p>" : " ");
                }
              g_string_append (body, "</p>");
              item->guid = g_strdup_printf ("%d-%u", f, i);
              item->url = g_strdup_printf ("http://bench%d.example/%u", f, i);
              item->title = g_string_free (title, FALSE);
              item->content = g_string_free (body, FALSE);
              item->published = 1700000000 + (gint64) (stored + i) * 37;
              g_ptr_array_add (feed->items, item);
            }
          if (!lede_store_save_feed (store, id, feed, NULL, NULL, NULL, &error))
            g_error ("%s", error->message);
          stored += feed->items->len;
        }
      t_fill = now_ms () - t0;
    }
  printf ("library: %u articles in %s%s\n", stored, path, t_fill > 0 ? "" : " (reused)");
  if (t_fill > 0)
    printf ("  stored in %.1f s (%.0f articles/s)\n", t_fill / 1000, stored / (t_fill / 1000));

  /* (d) search */
  time_search (store, "minister");
  time_search (store, "the");
  time_search (store, "harbour strike");
  time_search (store, vocabulary[5000]);
  time_search (store, "council budget election");
  time_search (store, "ferr");

  /* what a virtual list needs: all ids once, then rows as they show */
  t0 = now_ms ();
  ids = lede_store_list_item_ids (store, LEDE_STORE_SCOPE_UNREAD, 0, &error);
  printf ("  ids of all %u unread items, newest first: %.1f ms\n", ids->len, now_ms () - t0);
  t0 = now_ms ();
  page = lede_store_get_items (store, &g_array_index (ids, gint64, ids->len / 2), 50, &error);
  printf ("  50 rows from the middle of the list: %.2f ms\n", now_ms () - t0);
  g_clear_pointer (&page, g_ptr_array_unref);
  t0 = now_ms ();
  page = lede_store_list_feeds (store, &error);
  printf ("  %u feeds with unread counts: %.1f ms\n", page->len, now_ms () - t0);

  g_clear_object (&store);
  if (dir != NULL)
    {
      const char *suffixes[] = { "", "-wal", "-shm" };
      for (guint j = 0; j < G_N_ELEMENTS (suffixes); j++)
        {
          g_autofree char *file = g_strconcat (path, suffixes[j], NULL);
          g_unlink (file);
        }
      g_rmdir (dir);
    }
  for (guint i = 0; i < VOCABULARY; i++)
    g_free (vocabulary[i]);
  return 0;
}
