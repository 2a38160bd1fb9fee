#!/bin/sh
# check-schemas.sh: the GSettings schemas in data/ compile with --strict and
# name their gettext domain, so their summaries can be shown translated (TAP).
# Usage: check-schemas.sh DATA_SRCDIR GETTEXT_PACKAGE
dir=${1:?usage: check-schemas.sh DATA_SRCDIR GETTEXT_PACKAGE}
domain=${2:?usage: check-schemas.sh DATA_SRCDIR GETTEXT_PACKAGE}
set -- "$dir"/*.gschema.xml
if [ ! -f "$1" ]; then
  echo "1..0 # SKIP no GSettings schema in $dir yet"
  exit 0
fi
echo "1..$((1 + $#))"
fail=0
if out=$(glib-compile-schemas --strict --dry-run "$dir" 2>&1); then
  echo "ok 1 - glib-compile-schemas --strict --dry-run $dir"
else
  echo "not ok 1 - glib-compile-schemas --strict --dry-run $dir"
  printf '%s\n' "$out" | sed 's/^/# /'
  fail=1
fi
n=1
for f in "$@"; do
  n=$((n + 1))
  if grep -q "gettext-domain=\"$domain\"" "$f"; then
    echo "ok $n - $(basename "$f") names gettext-domain $domain"
  else
    echo "not ok $n - $(basename "$f") does not name gettext-domain=\"$domain\""
    fail=1
  fi
done
exit $fail
