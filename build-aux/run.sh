#!/bin/sh
# run.sh: installs what is missing, builds Lede and starts it on its bundled sample article.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

sh build-aux/setup.sh
[ -f build/build.ninja ] || meson setup build
meson compile -C build

if [ -x build/src/app/lede ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
  # Run from the build tree: its compiled settings schema, no install needed.
  GSETTINGS_SCHEMA_DIR="$top/build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}" \
    exec build/src/app/lede --sample "$@"
fi
echo "run.sh: no display to open a window on; showing the sample's analysis instead." >&2
exec build/src/cli/lede-analyze resources/core/sample/sample-article.txt "$@"
