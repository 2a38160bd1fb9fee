/* lede-wordlist.c: loads the core's word lists from the GResource, once per process. */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "lede-core-resources.h"
#include "lede-wordlist.h"

#define WORDLIST_PATH "/io/github/ledereader/Lede/core/wordlists/"
#define MAX_ENTRY 512

struct _LedeWordList
{
  GHashTable *entries; /* entry -> value, both pointing into @data */
  GPtrArray *order;    /* entries, in file order */
  GBytes *bytes;
  char *data;
  guint max_words;
};

G_LOCK_DEFINE_STATIC (lists);
static GHashTable *lists;

static LedeWordList *
word_list_load (const char *name)
{
  g_autofree char *path = g_strconcat (WORDLIST_PATH, name, ".txt", NULL);
  g_autoptr (GError) error = NULL;
  LedeWordList *list = g_new0 (LedeWordList, 1);
  gsize size = 0;
  char *line;
  char *next;

  list->entries = g_hash_table_new (g_str_hash, g_str_equal);
  list->order = g_ptr_array_new ();

  g_resources_register (lede_core_get_resource ());
  list->bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (list->bytes == NULL)
    {
      /* A missing list is a build error, not a user's: say so loudly. */
      g_critical ("Word list %s is missing: %s", name, error->message);
      list->data = g_strdup ("");
      return list;
    }

  {
    const char *data = g_bytes_get_data (list->bytes, &size);
    list->data = g_strndup (data, size);
  }

  for (line = list->data; line != NULL && *line != '\0'; line = next)
    {
      char *tab;
      char *value = (char *) "";
      guint words = 1;

      next = strchr (line, '\n');
      if (next != NULL)
        *next++ = '\0';
      g_strchomp (line);
      if (*line == '\0' || *line == '#')
        continue;
      tab = strchr (line, '\t');
      if (tab != NULL)
        {
          *tab = '\0';
          value = tab + 1;
          g_strchomp (line);
        }
      for (const char *p = line; *p; p++)
        words += *p == ' ';
      list->max_words = MAX (list->max_words, words);
      if (!g_hash_table_contains (list->entries, line))
        {
          g_hash_table_insert (list->entries, line, value);
          g_ptr_array_add (list->order, line);
        }
    }

  return list;
}

const LedeWordList *
lede_word_list_get (const char *name)
{
  LedeWordList *list;

  g_return_val_if_fail (name != NULL, NULL);

  G_LOCK (lists);
  if (lists == NULL)
    lists = g_hash_table_new (g_str_hash, g_str_equal);
  list = g_hash_table_lookup (lists, name);
  if (list == NULL)
    {
      list = word_list_load (name);
      g_hash_table_insert (lists, g_strdup (name), list);
    }
  G_UNLOCK (lists);

  return list;
}

const char *
lede_word_list_lookup (const LedeWordList *list, const char *entry, gssize length)
{
  char buf[MAX_ENTRY];

  if (length < 0)
    return g_hash_table_lookup (list->entries, entry);
  if ((gsize) length >= sizeof buf)
    return NULL;
  memcpy (buf, entry, length);
  buf[length] = '\0';
  return g_hash_table_lookup (list->entries, buf);
}

const char *
lede_word_list_lookup_lower (const LedeWordList *list, const char *entry, gssize length)
{
  char buf[MAX_ENTRY];

  if (length < 0)
    length = strlen (entry);
  if ((gsize) length >= sizeof buf)
    return NULL;
  for (gssize i = 0; i < length; i++)
    buf[i] = g_ascii_tolower (entry[i]);
  buf[length] = '\0';
  return g_hash_table_lookup (list->entries, buf);
}

gboolean
lede_word_list_contains (const LedeWordList *list, const char *entry, gssize length)
{
  return lede_word_list_lookup (list, entry, length) != NULL;
}

guint
lede_word_list_max_words (const LedeWordList *list)
{
  return list->max_words;
}

guint
lede_word_list_size (const LedeWordList *list)
{
  return list->order->len;
}

void
lede_word_list_foreach (const LedeWordList *list,
                        void (*func) (const char *entry, const char *value, gpointer user_data),
                        gpointer user_data)
{
  for (guint i = 0; i < list->order->len; i++)
    {
      const char *entry = g_ptr_array_index (list->order, i);
      func (entry, g_hash_table_lookup (list->entries, entry), user_data);
    }
}
