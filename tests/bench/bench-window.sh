#!/bin/sh
# bench-window.sh: time from starting `lede ARTICLE` to the article and the fact
# panel painted, beside a bare WebKitWebView loading the same page, over several
# runs; prints the medians, their ratio, the UI process's CPU time and the peak memory (VmHWM) of each UI
# process. Needs a display (run it under xvfb-run) and a session bus:
#
#   dbus-run-session -- xvfb-run -a -s "-screen 0 1600x1000x24" \
#     tests/bench/bench-window.sh build [ARTICLE] [RUNS]
set -eu
build=${1:-build}
article=${2:-$(dirname "$0")/../../resources/core/sample/sample-article.txt}
runs=${3:-7}
lede="$build/src/app/lede"
bare="$build/tests/bench/bench-webview"
export GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=memory LEDE_BENCH=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$bare" --print-page "$article" >"$tmp/page.html"

# Starts "$@", waits for its LEDE_BENCH line, prints "milliseconds VmHWM-kB", stops it.
measure () {
  : >"$tmp/err"
  start=$(date +%s%N)
  "$@" 2>"$tmp/err" >/dev/null &
  pid=$!
  i=0
  while ! grep -q '^LEDE_BENCH painted' "$tmp/err"; do
    i=$((i + 1))
    if [ $i -gt 6000 ] || ! kill -0 $pid 2>/dev/null; then
      echo "no LEDE_BENCH line from $*:" >&2
      cat "$tmp/err" >&2
      kill $pid 2>/dev/null || true
      return 1
    fi
    sleep 0.01
  done
  kill $pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
  grep '^LEDE_BENCH painted' "$tmp/err" | head -n 1 |
    awk -v s="$start" '{ printf "%.1f %d %d\n", ($3 * 1000 - s) / 1e6, $5, $7 }'
}

median () {
  sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

# One warm-up run of each, so both start with warm file caches.
measure "$lede" "$article" >/dev/null
measure "$bare" "$tmp/page.html" >/dev/null
for n in $(seq "$runs"); do
  measure "$lede" "$article" >>"$tmp/lede"
  measure "$bare" "$tmp/page.html" >>"$tmp/bare"
done

lede_ms=$(cut -d' ' -f1 "$tmp/lede" | median)
bare_ms=$(cut -d' ' -f1 "$tmp/bare" | median)
lede_kb=$(cut -d' ' -f2 "$tmp/lede" | sort -n | tail -n 1)
bare_kb=$(cut -d' ' -f2 "$tmp/bare" | sort -n | tail -n 1)
lede_cpu=$(cut -d' ' -f3 "$tmp/lede" | median)
bare_cpu=$(cut -d' ' -f3 "$tmp/bare" | median)
echo "article: $article ($runs runs each, medians)"
echo "lede (article and panel painted): $lede_ms ms   UI process CPU $lede_cpu ms   peak memory (VmHWM) $lede_kb kB"
echo "bare WebKitWebView, same page:    $bare_ms ms   UI process CPU $bare_cpu ms   peak memory (VmHWM) $bare_kb kB"
awk -v a="$lede_ms" -v b="$bare_ms" 'BEGIN { printf "ratio lede / bare: %.2f (aim: <= 1.3)\n", a / b }'
awk -v a="$lede_cpu" -v b="$bare_cpu" 'BEGIN { if (b > 0) printf "UI-process CPU ratio: %.2f\n", a / b }'
