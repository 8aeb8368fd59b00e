#!/usr/bin/env bash
# build-aux/run-tests.sh: set up, build with -Werror, and run the whole test
# suite under a headless X server. Ends with "N passed, N failed[, N skipped]".
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

build-aux/setup.sh --werror || { echo "0 passed, 1 failed"; exit 1; }

log=_build/meson-logs/testlog.json
rm -f "$log"

# A window manager makes fullscreen and placement behave as on a desktop.
xvfb-run -a -s '-screen 0 1920x1080x24' \
  dbus-run-session -- \
  bash -c 'openbox >/dev/null 2>&1 & wm=$!; meson test -C _build --print-errorlogs --num-processes 2; rc=$?; kill $wm 2>/dev/null; exit $rc'
status=$?

python3 - "$log" "$status" <<'PY'
import json, sys
path, status = sys.argv[1], int(sys.argv[2])
counts = {"OK": 0, "FAIL": 0, "SKIP": 0, "EXPECTEDFAIL": 0, "UNEXPECTEDPASS": 0, "TIMEOUT": 0, "ERROR": 0}
try:
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line:
                r = json.loads(line).get("result", "ERROR")
                counts[r] = counts.get(r, 0) + 1
except FileNotFoundError:
    pass
passed = counts["OK"] + counts["EXPECTEDFAIL"]
failed = counts["FAIL"] + counts["TIMEOUT"] + counts["ERROR"] + counts["UNEXPECTEDPASS"]
if status != 0 and failed == 0:
    failed = 1
line = f"{passed} passed, {failed} failed"
if counts["SKIP"]:
    line += f", {counts['SKIP']} skipped"
print(line)
PY
exit $status
