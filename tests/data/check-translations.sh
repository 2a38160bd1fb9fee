#!/bin/sh
# check-translations.sh: fails (TAP) when a language in po/LINGUAS does not
# translate every string the sources hold today. It extracts a fresh catalogue
# from POTFILES.in (as `meson compile lede-pot` does), merges each .po into it
# and asks msgfmt for its statistics: 0 fuzzy and 0 untranslated pass.
# Usage: check-translations.sh TOP_SRCDIR
top=${1:?usage: check-translations.sh TOP_SRCDIR}
cd "$top" || exit 1
export LC_ALL=C.UTF-8 LANGUAGE=

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

langs=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' po/LINGUAS)
n=0
fail=0
plan=$((1 + 2 * $(echo "$langs" | wc -w)))
echo "1..$plan"

# The keywords of meson's i18n 'glib' preset, used by po/meson.build.
n=$((n + 1))
if xgettext --package-name=lede -f po/POTFILES.in -D . -o "$tmp/lede.pot" \
     --from-code=UTF-8 --add-comments \
     --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
     --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
     --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
     --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
     --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
     --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
     --flag=g_markup_printf_escaped:1:c-format --flag=g_print:1:c-format \
     --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
     --flag=g_fprintf:2:c-format --flag=g_snprintf:3:c-format \
     2>"$tmp/xgettext.log"; then
  echo "ok $n - xgettext extracts $(grep -c '^msgid ' "$tmp/lede.pot") messages from POTFILES.in"
else
  echo "not ok $n - xgettext failed"
  sed 's/^/# /' "$tmp/xgettext.log"
  exit 1
fi

for lang in $langs; do
  po="po/$lang.po"
  merged="$tmp/$lang.po"

  # The committed file must be well formed on its own, format strings included.
  n=$((n + 1))
  if msgfmt --check --check-accelerators=_ -o /dev/null "$po" 2>"$tmp/check.log"; then
    echo "ok $n - $po passes msgfmt --check --check-accelerators=_"
  else
    echo "not ok $n - $po fails msgfmt --check"
    sed 's/^/# /' "$tmp/check.log"
    fail=1
  fi

  n=$((n + 1))
  if ! msgmerge --quiet -o "$merged" "$po" "$tmp/lede.pot" 2>"$tmp/merge.log"; then
    echo "not ok $n - $po cannot be merged with the sources' strings"
    sed 's/^/# /' "$tmp/merge.log"
    fail=1
    continue
  fi
  stats=$(msgfmt --check --statistics -o /dev/null "$merged" 2>&1)
  status=$?
  stats=$(echo "$stats" | tr "\n" " ")
  if [ $status -ne 0 ] || echo "$stats" | grep -qE "fuzzy|untranslated"; then
    echo "not ok $n - $lang: $stats (run: meson compile -C build lede-update-po, then translate)"
    msgattrib --untranslated --no-obsolete --no-wrap "$merged" | grep '^msgid ' | grep -v '^msgid ""$' | sed 's/^/# untranslated: /'
    msgattrib --only-fuzzy --no-obsolete --no-wrap "$merged" | grep '^msgid ' | grep -v '^msgid ""$' | sed 's/^/# fuzzy: /'
    fail=1
  else
    echo "ok $n - $lang: $stats"
  fi
done
exit $fail
