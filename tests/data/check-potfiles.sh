#!/bin/sh
# check-potfiles.sh: fails (TAP) when a file with translatable strings is
# missing from po/POTFILES.in, or when POTFILES.in names a file that is gone.
# Usage: check-potfiles.sh TOP_SRCDIR [--list]
# With --list it prints the files that belong in POTFILES.in instead.
top=${1:?usage: check-potfiles.sh TOP_SRCDIR [--list]}
cd "$top" || exit 1

potfiles=po/POTFILES.in
listed=$(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$potfiles")

# gettext calls as GLib spells them: _(), N_(), C_(), NC_(), Q_() and the
# g_d*gettext family; clang-format puts a space before the parenthesis.
c_calls='(^|[^[:alnum:]_])(_|N_|C_|NC_|Q_|g_dgettext|g_dngettext|g_dcgettext|g_dpgettext|g_dpgettext2|ngettext)[[:space:]]*\('

candidates=$(
  {
    find src -type f \( -name '*.c' -o -name '*.h' \) -exec grep -lE "$c_calls" {} + 2>/dev/null
    find resources -type f -name '*.ui' -exec grep -l 'translatable="yes"' {} + 2>/dev/null
    # desktop entries and metainfo always carry a translatable name and summary
    find data -maxdepth 1 -type f \( -name '*.desktop.in' -o -name '*.metainfo.xml.in' \) 2>/dev/null
    # a schema's summaries and descriptions are translatable
    find data -maxdepth 1 -type f -name '*.gschema.xml' -exec grep -lE '<(summary|description)' {} + 2>/dev/null
  } | sed 's|^\./||' | LC_ALL=C sort -u
)

if [ "${2:-}" = --list ]; then
  printf '%s\n' "$candidates"
  exit 0
fi

n=0
fail=0
out=""
for f in $candidates; do
  n=$((n + 1))
  if printf '%s\n' "$listed" | grep -qxF "$f"; then
    out="$out
ok $n - $f is in $potfiles"
  else
    out="$out
not ok $n - $f has translatable strings but is not in $potfiles"
    fail=1
  fi
done
for f in $listed; do
  n=$((n + 1))
  if [ -f "$f" ]; then
    out="$out
ok $n - $potfiles entry $f exists"
  else
    out="$out
not ok $n - $potfiles names $f, which does not exist"
    fail=1
  fi
done

echo "1..$n"
printf '%s\n' "$out" | sed '/^$/d'
exit $fail
