#!/bin/sh
# bench-window.sh: time from starting `lede ARTICLE` to the article and the fact panel painted, beside a
# bare WebKitWebView loading the same page, over several runs; prints the medians, their ratio, the UI
# process's CPU time and the peak memory (VmHWM) of each UI process. Needs a display (run it under
# xvfb-run, with no window manager) and a session bus:
#
#   dbus-run-session -- xvfb-run -a -s "-screen 0 1600x1000x24" \
#     tests/bench/bench-window.sh build [ARTICLE] [RUNS]
#
# "On screen" is read off the X server by bench-visual: the first moment the article's text (and, for
# Lede, the panel's) stands on the screen, by the same rule for both programs. "Says painted" is what each
# program reports itself: both wait for the page to have drawn two frames and for their window to be
# drawn after that; Lede also waits for its panel.
#
# Both programs use the renderer GTK would pick, except that Lede picks cairo where OpenGL is drawn in
# software (src/app/lede-renderer.c). Set GSK_RENDERER to give both the same one.
set -eu
build=${1:-build}
article=${2:-$(dirname "$0")/../../resources/core/sample/sample-article.txt}
runs=${3:-7}
lede="$build/src/app/lede"
bare="$build/tests/bench/bench-webview"
visual="$build/tests/bench/bench-visual"
export GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=memory LEDE_BENCH=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$bare" --print-page "$article" >"$tmp/page.html"

# Where the text stands with the default window size (1280×820 at the top left): Lede's article between
# the sidebar and the panel, and its panel; the bare view's page, left of its scroll bar.
lede_areas="320,70,560,730 900,110,360,690"
bare_areas="0,0,1260,810"

# Runs "$@" under bench-visual; prints "on-screen-ms says-painted-ms VmHWM-kB cpu-ms".
measure () {
  areas=$1
  shift
  # shellcheck disable=SC2086
  "$visual" $areas -- "$@" >"$tmp/out" 2>"$tmp/err"
  start=$(sed -n 's/^start //p' "$tmp/out")
  on_screen=$(sed -n 's/^visual //p' "$tmp/out")
  line=$(grep '^LEDE_BENCH painted' "$tmp/err" | head -n 1 || true)
  if [ -z "$line" ] || [ "$on_screen" = "-1" ]; then
    echo "no picture or no LEDE_BENCH line from $*:" >&2
    cat "$tmp/out" "$tmp/err" >&2
    return 1
  fi
  echo "$line" | awk -v s="$start" -v v="$on_screen" '{ printf "%.1f %.1f %d %d\n", v, ($3 - s) / 1000, $5, $7 }'
}

median () {
  sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

# One warm-up run of each, so both start with warm file caches.
measure "$lede_areas" "$lede" "$article" >/dev/null
measure "$bare_areas" "$bare" "$tmp/page.html" >/dev/null
for n in $(seq "$runs"); do
  measure "$lede_areas" "$lede" "$article" >>"$tmp/lede"
  measure "$bare_areas" "$bare" "$tmp/page.html" >>"$tmp/bare"
done

column () {
  cut -d' ' -f"$1" "$2" | median
}
lede_vis=$(column 1 "$tmp/lede")
bare_vis=$(column 1 "$tmp/bare")
lede_says=$(column 2 "$tmp/lede")
bare_says=$(column 2 "$tmp/bare")
lede_kb=$(cut -d' ' -f3 "$tmp/lede" | sort -n | tail -n 1)
bare_kb=$(cut -d' ' -f3 "$tmp/bare" | sort -n | tail -n 1)
lede_cpu=$(column 4 "$tmp/lede")
bare_cpu=$(column 4 "$tmp/bare")
echo "article: $article ($runs runs each, medians; GSK_RENDERER=${GSK_RENDERER:-unset})"
echo "lede:  on screen $lede_vis ms   says painted $lede_says ms   UI process CPU $lede_cpu ms   peak memory (VmHWM) $lede_kb kB"
echo "bare:  on screen $bare_vis ms   says painted $bare_says ms   UI process CPU $bare_cpu ms   peak memory (VmHWM) $bare_kb kB"
awk -v a="$lede_vis" -v b="$bare_vis" 'BEGIN { printf "ratio lede / bare, on screen: %.2f (aim: <= 1.3)\n", a / b }'
awk -v a="$lede_says" -v b="$bare_says" 'BEGIN { printf "ratio lede / bare, says painted: %.2f\n", a / b }'
awk -v a="$lede_cpu" -v b="$bare_cpu" 'BEGIN { if (b > 0) printf "UI-process CPU ratio: %.2f\n", a / b }'
