#!/bin/sh
# bench-library-memory.sh: the window's memory (PSS, UI process) with libraries of growing size (run by hand).
#
#   tests/bench/bench-library-memory.sh BUILDDIR [ARTICLES...]
#
# For each size, bench-store generates a library of that many articles in a temporary
# XDG_DATA_HOME, then `lede` starts on it under Xvfb and shows "All Unread" (every article); after
# it settles, the UI process's proportional set size is read from /proc. The article list is
# virtual, so the memory should stay flat as the library grows. Needs xvfb-run and dbus-run-session.
set -eu
build=${1:?usage: $0 BUILDDIR [ARTICLES...]}
shift
sizes=${*:-0 10000 100000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for n in $sizes; do
  mkdir -p "$tmp/$n/lede"
  if [ "$n" -gt 0 ]; then
    "$build/tests/bench/bench-store" --articles="$n" --db="$tmp/$n/lede/library.db" >/dev/null
  fi
  XDG_DATA_HOME="$tmp/$n" GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" \
    WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS=1 GTK_A11Y=none \
    xvfb-run -a -s "-screen 0 1600x1000x24" sh -c '
      "$0/src/app/lede" & pid=$!
      sleep 8
      pss=$(awk "/^Pss:/ { print \$2 }" /proc/$pid/smaps_rollup)
      anon=$(awk "/^Pss_Anon:/ { print \$2 }" /proc/$pid/smaps_rollup)
      file=$(awk "/^Pss_File:/ { print \$2 }" /proc/$pid/smaps_rollup)
      echo "$1 articles: UI process PSS $((pss / 1024)) MB (anonymous $((anon / 1024)) MB, files $((file / 1024)) MB)"
      kill $pid; wait $pid 2>/dev/null || true' "$build" "$n"
done
