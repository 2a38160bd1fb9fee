/* lede-item-object.c: one row of the article list: a stored item whose read and starred state can change. */
#include "config.h"

#include "lede-item-object.h"

struct _LedeItemObject
{
  GObject parent_instance;

  gint64 id;
  LedeStoreItem *item;
  gboolean read;
  gboolean starred;
};

G_DEFINE_FINAL_TYPE (LedeItemObject, lede_item_object, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ITEM,
  PROP_READ,
  PROP_STARRED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

LedeItemObject *
lede_item_object_new (gint64 id, LedeStoreItem *item)
{
  LedeItemObject *self = g_object_new (LEDE_TYPE_ITEM_OBJECT, NULL);

  self->id = id;
  if (item != NULL)
    lede_item_object_set_item (self, item);
  return self;
}

void
lede_item_object_set_item (LedeItemObject *self, LedeStoreItem *item)
{
  g_return_if_fail (LEDE_IS_ITEM_OBJECT (self));
  g_return_if_fail (item != NULL);

  g_clear_pointer (&self->item, lede_store_item_unref);
  self->item = lede_store_item_ref (item);
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
  lede_item_object_set_read (self, item->read);
  lede_item_object_set_starred (self, item->starred);
  g_object_thaw_notify (G_OBJECT (self));
}

const LedeStoreItem *
lede_item_object_get_item (LedeItemObject *self)
{
  g_return_val_if_fail (LEDE_IS_ITEM_OBJECT (self), NULL);
  return self->item;
}

gint64
lede_item_object_get_id (LedeItemObject *self)
{
  g_return_val_if_fail (LEDE_IS_ITEM_OBJECT (self), 0);
  return self->id;
}

gboolean
lede_item_object_get_read (LedeItemObject *self)
{
  g_return_val_if_fail (LEDE_IS_ITEM_OBJECT (self), FALSE);
  return self->read;
}

void
lede_item_object_set_read (LedeItemObject *self, gboolean read)
{
  g_return_if_fail (LEDE_IS_ITEM_OBJECT (self));
  read = !!read;
  if (self->read == read)
    return;
  self->read = read;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ]);
}

gboolean
lede_item_object_get_starred (LedeItemObject *self)
{
  g_return_val_if_fail (LEDE_IS_ITEM_OBJECT (self), FALSE);
  return self->starred;
}

void
lede_item_object_set_starred (LedeItemObject *self, gboolean starred)
{
  g_return_if_fail (LEDE_IS_ITEM_OBJECT (self));
  starred = !!starred;
  if (self->starred == starred)
    return;
  self->starred = starred;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARRED]);
}

static void
lede_item_object_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LedeItemObject *self = LEDE_ITEM_OBJECT (object);

  switch (prop_id)
    {
      case PROP_ITEM: g_value_set_boxed (value, self->item); break;
      case PROP_READ: g_value_set_boolean (value, self->read); break;
      case PROP_STARRED: g_value_set_boolean (value, self->starred); break;
      default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lede_item_object_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LedeItemObject *self = LEDE_ITEM_OBJECT (object);

  switch (prop_id)
    {
      case PROP_READ: lede_item_object_set_read (self, g_value_get_boolean (value)); break;
      case PROP_STARRED: lede_item_object_set_starred (self, g_value_get_boolean (value)); break;
      default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lede_item_object_finalize (GObject *object)
{
  LedeItemObject *self = LEDE_ITEM_OBJECT (object);

  g_clear_pointer (&self->item, lede_store_item_unref);

  G_OBJECT_CLASS (lede_item_object_parent_class)->finalize (object);
}

static void
lede_item_object_class_init (LedeItemObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = lede_item_object_get_property;
  object_class->set_property = lede_item_object_set_property;
  object_class->finalize = lede_item_object_finalize;

  properties[PROP_ITEM]
    = g_param_spec_boxed ("item", NULL, NULL, LEDE_TYPE_STORE_ITEM,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ]
    = g_param_spec_boolean ("read", NULL, NULL, FALSE,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STARRED]
    = g_param_spec_boolean ("starred", NULL, NULL, FALSE,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lede_item_object_init (LedeItemObject *self)
{
}
