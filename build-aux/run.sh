#!/usr/bin/env bash
# build-aux/run.sh: set up, build, and launch the editor on the built-in
# sample map (or on the files given).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/build-aux/setup.sh"
exec "$top/_build/src/app/waymark" "$@"
