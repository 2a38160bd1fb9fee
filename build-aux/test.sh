#!/bin/sh
# test.sh: installs what is missing, builds Lede and runs its whole test suite,
# then runs it again under AddressSanitizer and UndefinedBehaviorSanitizer.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

sh build-aux/setup.sh

log=$(mktemp)
trap 'rm -f "$log"' EXIT

run_suite () {
  dir="$1"
  shift
  [ -f "$dir/build.ninja" ] || meson setup "$dir" "$@"
  meson compile -C "$dir"
  # The window tests need an X server and a session bus: xvfb-run gives
  # the first, dbus-run-session the second.
  status=0
  dbus-run-session -- xvfb-run -a -s "-screen 0 1600x1000x24" \
    meson test -C "$dir" --print-errorlogs --num-processes 2 >"$log.out" 2>&1 || status=$?
  cat "$log.out"
  cat "$log.out" >>"$log"
  rm -f "$log.out"
  return $status
}

status=0
run_suite build -Dwerror=true || status=$?
if [ "${LEDE_SKIP_SANITIZERS:-0}" != 1 ]; then
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    run_suite build-sanitize -Db_sanitize=address,undefined -Db_lundef=false -Dwerror=true || status=$?
fi

passed=$(awk '/^Ok:/ { n += $2 } END { print n + 0 }' "$log")
failed=$(awk '/^(Fail|Timeout|Unexpected Pass):/ { n += $NF } END { print n + 0 }' "$log")
echo "$passed passed, $failed failed"
exit $status
