#!/usr/bin/env bash
# build-aux/setup.sh: install what Waymark needs on Debian 12 (skipping what
# is already there), then configure meson into _build/ and build.
#
#   build-aux/setup.sh [--werror]
#
# Safe to run again: a second run installs nothing and rebuilds incrementally.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

werror=false
for arg in "$@"; do
  case "$arg" in
    --werror) werror=true ;;
    *) echo "usage: $0 [--werror]" >&2; exit 2 ;;
  esac
done

packages=(
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libjson-glib-dev
  librsvg2-dev libcairo2-dev libpango1.0-dev
  desktop-file-utils appstream libxml2-utils librsvg2-bin poppler-utils
  xvfb xauth xdotool openbox x11-utils imagemagick dbus-daemon dbus-x11
  fonts-cantarell fonts-dejavu-core libgl1-mesa-dri python3
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# An existing build keeps its options unless --werror asks for the strict
# build (switching flags back and forth would rebuild everything each time).
if [ ! -f _build/build.ninja ]; then
  meson setup _build -Dwerror="$werror"
elif [ "$werror" = true ]; then
  meson configure _build -Dwerror=true >/dev/null
fi
ninja -C _build
