/* lede-wordlist.h: the core word lists (resources/core/wordlists), loaded once. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LedeWordList LedeWordList;

/* The list resources/core/wordlists/NAME.txt. Lists are loaded on first
 * use and kept for the life of the process; this is safe from any thread.
 * A line holds an entry, optionally a tab and a value; '#' starts a
 * comment line. Entries are matched exactly as written. */
const LedeWordList *lede_word_list_get (const char *name);

gboolean lede_word_list_contains (const LedeWordList *list, const char *entry, gssize length);
/* Looks up an entry; returns its value ("" when the line has none) or NULL. */
const char *lede_word_list_lookup (const LedeWordList *list, const char *entry, gssize length);
/* The same, after folding ASCII letters of @entry to lower case. */
const char *lede_word_list_lookup_lower (const LedeWordList *list, const char *entry, gssize length);
/* The most words (separated by spaces) any entry has. */
guint lede_word_list_max_words (const LedeWordList *list);
guint lede_word_list_size (const LedeWordList *list);
/* Calls @func for each entry, in file order. */
void lede_word_list_foreach (const LedeWordList *list,
                             void (*func) (const char *entry, const char *value, gpointer user_data),
                             gpointer user_data);

G_END_DECLS
