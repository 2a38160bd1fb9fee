#!/bin/sh
# run.sh: installs what is missing, builds Lede and starts it on its bundled sample article.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

sh build-aux/setup.sh
[ -f build/build.ninja ] || meson setup build
meson compile -C build

if [ -x build/src/app/lede ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
  exec build/src/app/lede --sample "$@"
fi
exec build/src/cli/lede-analyze resources/core/sample/sample-article.txt "$@"
