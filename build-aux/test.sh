#!/bin/sh
# test.sh: installs what is missing, builds Lede and runs its whole test suite,
# then runs it again under AddressSanitizer and UndefinedBehaviorSanitizer.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

sh build-aux/setup.sh

run_suite () {
  dir="$1"
  shift
  [ -f "$dir/build.ninja" ] || meson setup "$dir" "$@"
  meson compile -C "$dir"
  # The window tests need an X server and a session bus: xvfb-run gives
  # the first, dbus-run-session the second.
  dbus-run-session -- xvfb-run -a -s "-screen 0 1600x1000x24" \
    meson test -C "$dir" --print-errorlogs --num-processes 2
}

run_suite build -Dwerror=true
if [ "${LEDE_SKIP_SANITIZERS:-0}" != 1 ]; then
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    run_suite build-sanitize -Db_sanitize=address,undefined -Db_lundef=false -Dwerror=true
fi
