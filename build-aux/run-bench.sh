#!/usr/bin/env bash
# build-aux/run-bench.sh: build with optimisation and run every benchmark in
# bench/. Each prints its figures, targets and ratios.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
# --with-peers installs what bench-startup measures Waymark against.
if [ "${1:-}" = "--with-peers" ] && ! command -v gnome-text-editor >/dev/null; then
  apt-get update >/dev/null && apt-get install -y --no-install-recommends gnome-text-editor >/dev/null
fi
build-aux/setup.sh >/dev/null
if [ ! -f _build-bench/build.ninja ]; then
  meson setup _build-bench --buildtype=release >/dev/null
fi
ninja -C _build-bench >/dev/null
xvfb-run -a -s '-screen 0 1920x1080x24' \
  dbus-run-session -- env GSK_RENDERER=cairo GTK_A11Y=none GSETTINGS_BACKEND=memory \
  meson test -C _build-bench --benchmark --verbose
