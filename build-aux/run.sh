#!/usr/bin/env bash
# build-aux/run.sh: set up, build, and launch the editor on the built-in
# sample map (or on the files given).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/build-aux/setup.sh"
# The uninstalled program finds its settings schema in the build folder.
export GSETTINGS_SCHEMA_DIR="$top/_build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
exec "$top/_build/src/app/waymark" "$@"
