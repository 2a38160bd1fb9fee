#!/bin/sh
# setup.sh: installs, with apt-get, whatever Debian 12 lacks to build, run and test Lede.
set -eu

packages="
  gcc meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-dev-bin libjson-glib-dev
  libgtk-4-dev libadwaita-1-dev libwebkitgtk-6.0-dev libepoxy-dev libx11-dev
  libsoup-3.0-dev libxml2-dev libsqlite3-dev glib-networking
  appstream desktop-file-utils
  xvfb xauth dbus dbus-x11 at-spi2-core
  fonts-cantarell fonts-dejavu-core adwaita-icon-theme hicolor-icon-theme gsettings-desktop-schemas
  librsvg2-common
  clang-format
"

missing=""
for p in $packages; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

if [ -n "$missing" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: these packages are missing:$missing" >&2
    echo "setup: run this script as root (or with sudo) to install them" >&2
    exit 1
  fi
  echo "setup: installing$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  # shellcheck disable=SC2086
  apt-get install -y -q --no-install-recommends $missing
fi
