/* lede-wordlist.c: loads the core's word lists from the GResource, once per process. */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "lede-core-resources.h"
#include "lede-wordlist.h"

#define WORDLIST_PATH "/io/github/ledereader/Lede/core/wordlists/"

typedef struct
{
  const char *key; /* points into @data */
  const char *value;
  guint32 len;
  guint32 hash;
} Entry;

/* An open-addressing table keyed by (bytes, length): a lookup hashes the
 * caller's bytes in place, with no copy, no strlen and no allocation,
 * since the analysis stages look words up for nearly every token. */
typedef struct
{
  guint32 index; /* entry index + 1, 0 when empty */
  guint32 hash;  /* the entry's, so a probe reads no entry it cannot match */
} Slot;

struct _LedeWordList
{
  GArray *entries; /* Entry, in file order, without duplicates */
  Slot *slots;
  guint32 mask;
  guint32 max_len;
  guint max_words;
  char *data;
};

G_LOCK_DEFINE_STATIC (lists);
static GHashTable *lists;

static inline guchar
fold (guchar c)
{
  return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static inline guint32
hash_bytes (const char *s, gsize len)
{
  guint32 h = 2166136261u;
  for (gsize i = 0; i < len; i++)
    h = (h ^ (guchar) s[i]) * 16777619u;
  return h;
}

static inline guint32
hash_bytes_lower (const char *s, gsize len)
{
  guint32 h = 2166136261u;
  for (gsize i = 0; i < len; i++)
    h = (h ^ fold (s[i])) * 16777619u;
  return h;
}

/* The slot holding @key, or the empty slot where it would go. */
static guint32
probe (const LedeWordList *list, const char *key, gsize len, guint32 hash, gboolean lower)
{
  for (guint32 i = hash & list->mask;; i = (i + 1) & list->mask)
    {
      guint32 slot = list->slots[i].index;
      const Entry *e;
      gsize j;

      if (slot == 0)
        return i;
      if (list->slots[i].hash != hash)
        continue;
      e = &g_array_index (list->entries, Entry, slot - 1);
      if (e->len != len)
        continue;
      if (!lower)
        {
          if (memcmp (e->key, key, len) == 0)
            return i;
          continue;
        }
      for (j = 0; j < len && (guchar) e->key[j] == fold (key[j]); j++)
        ;
      if (j == len)
        return i;
    }
}

static const Entry *
find (const LedeWordList *list, const char *key, gsize len, gboolean lower)
{
  guint32 slot;

  if (len > list->max_len)
    return NULL;
  slot
    = list->slots[probe (list, key, len, lower ? hash_bytes_lower (key, len) : hash_bytes (key, len), lower)]
        .index;
  return slot ? &g_array_index (list->entries, Entry, slot - 1) : NULL;
}

static LedeWordList *
word_list_load (const char *name)
{
  g_autofree char *path = g_strconcat (WORDLIST_PATH, name, ".txt", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (Entry));
  LedeWordList *list = g_new0 (LedeWordList, 1);
  guint32 size = 16;
  char *line;
  char *next;

  g_resources_register (lede_core_get_resource ());
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      /* A missing list is a build error, not a user's: say so loudly. */
      g_critical ("Word list %s is missing: %s", name, error->message);
      list->data = g_strdup ("");
    }
  else
    {
      gsize n = 0;
      const char *data = g_bytes_get_data (bytes, &n);
      list->data = g_strndup (data, n);
    }

  for (line = list->data; line != NULL && *line != '\0'; line = next)
    {
      char *tab;
      Entry e = { NULL, "", 0, 0 };
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
          e.value = tab + 1;
          g_strchomp (line);
        }
      for (const char *p = line; *p; p++)
        words += *p == ' ';
      e.key = line;
      e.len = strlen (line);
      e.hash = hash_bytes (line, e.len);
      g_array_append_val (lines, e);
      list->max_words = MAX (list->max_words, words);
      list->max_len = MAX (list->max_len, e.len);
    }

  /* At most a quarter full: most lookups are of words not in the list,
   * and those probe until an empty slot. */
  while (size < lines->len * 4 + 1)
    size *= 2;
  list->slots = g_new0 (Slot, size);
  list->mask = size - 1;
  list->entries = g_array_sized_new (FALSE, FALSE, sizeof (Entry), lines->len);
  for (guint i = 0; i < lines->len; i++)
    {
      const Entry *e = &g_array_index (lines, Entry, i);
      guint32 slot = probe (list, e->key, e->len, e->hash, FALSE);

      /* The first line of an entry wins. */
      if (list->slots[slot].index != 0)
        continue;
      g_array_append_val (list->entries, *e);
      list->slots[slot].index = list->entries->len;
      list->slots[slot].hash = e->hash;
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
  const Entry *e = find (list, entry, length < 0 ? strlen (entry) : (gsize) length, FALSE);
  return e ? e->value : NULL;
}

const char *
lede_word_list_lookup_lower (const LedeWordList *list, const char *entry, gssize length)
{
  const Entry *e = find (list, entry, length < 0 ? strlen (entry) : (gsize) length, TRUE);
  return e ? e->value : NULL;
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
  return list->entries->len;
}

void
lede_word_list_foreach (const LedeWordList *list,
                        void (*func) (const char *entry, const char *value, gpointer user_data),
                        gpointer user_data)
{
  for (guint i = 0; i < list->entries->len; i++)
    {
      const Entry *e = &g_array_index (list->entries, Entry, i);
      func (e->key, e->value, user_data);
    }
}
