#!/bin/sh
# check-install.sh: `meson install --destdir` puts each file where the desktop
# looks for it (TAP). Usage:
#   check-install.sh MESON BUILDDIR SRCDIR PREFIX BINDIR DATADIR LOCALEDIR APP_ID GETTEXT_PACKAGE HAVE_APP LANG...
meson=$1 builddir=$2 srcdir=$3 prefix=$4 bindir=$5 datadir=$6 localedir=$7 app_id=$8 domain=$9
shift 9
have_app=$1
shift
langs="$*"

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

if ! "$meson" install -C "$builddir" --destdir "$tmp" --no-rebuild --quiet >"$tmp.log" 2>&1; then
  echo "1..1"
  echo "not ok 1 - meson install --destdir failed"
  sed 's/^/# /' "$tmp.log"
  rm -f "$tmp.log"
  exit 1
fi
rm -f "$tmp.log"

root="$tmp$prefix"
case "$bindir" in /*) bin="$tmp$bindir" ;; *) bin="$root/$bindir" ;; esac
case "$datadir" in /*) data="$tmp$datadir" ;; *) data="$root/$datadir" ;; esac
case "$localedir" in /*) locale="$tmp$localedir" ;; *) locale="$root/$localedir" ;; esac

n=0
fail=0
out=""
check () {
  # check DESCRIPTION TEST-ARGS...
  what=$1
  shift
  n=$((n + 1))
  if test "$@"; then
    out="$out
ok $n - $what"
  else
    out="$out
not ok $n - $what"
    fail=1
  fi
}
has () {
  # has DESCRIPTION FILE PATTERN: FILE exists and holds PATTERN
  n=$((n + 1))
  if [ -f "$2" ] && grep -q -- "$3" "$2"; then
    out="$out
ok $n - $1"
  else
    out="$out
not ok $n - $1"
    fail=1
  fi
}

check "lede-analyze in $bindir" -x "$bin/lede-analyze"
if [ "$have_app" = true ]; then
  check "lede in $bindir" -x "$bin/lede"
fi
desktop="$data/applications/$app_id.desktop"
metainfo="$data/metainfo/$app_id.metainfo.xml"
check "desktop entry in share/applications" -f "$desktop"
has "the desktop entry runs lede" "$desktop" "^Exec=lede "
check "metainfo in share/metainfo" -f "$metainfo"
has "the metainfo launches the desktop entry" "$metainfo" "<launchable type=\"desktop-id\">$app_id.desktop</launchable>"
for schema in "$srcdir"/data/*.gschema.xml; do
  [ -f "$schema" ] || continue
  check "$(basename "$schema") in share/glib-2.0/schemas" -f "$data/glib-2.0/schemas/$(basename "$schema")"
done
check "app icon in the hicolor theme" -f "$data/icons/hicolor/scalable/apps/$app_id.svg"
check "symbolic icon in the hicolor theme" -f "$data/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
has "the desktop entry names the installed icon" "$desktop" "^Icon=$app_id\$"
for lang in $langs; do
  check "$lang catalogue in $localedir/$lang/LC_MESSAGES" -f "$locale/$lang/LC_MESSAGES/$domain.mo"
  has "the desktop entry carries the $lang translation" "$desktop" "^Comment\\[$lang\\]="
  has "the metainfo carries the $lang translation" "$metainfo" "<summary xml:lang=\"$lang\">"
done

echo "1..$n"
printf '%s\n' "$out" | sed '/^$/d'
exit $fail
