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
# One line for CI: test cases passed/failed/skipped. A TAP program counts
# its "ok"/"not ok" lines; any other test counts as one case.
import json, re, sys
path, status = sys.argv[1], int(sys.argv[2])
passed = failed = skipped = 0
try:
    with open(path) as f:
        entries = [json.loads(line) for line in f if line.strip()]
except FileNotFoundError:
    entries = []
for e in entries:
    result = e.get("result", "ERROR")
    cases = re.findall(r"^(ok|not ok)\b(.*)$", e.get("stdout") or "", re.M)
    if result in ("FAIL", "TIMEOUT", "ERROR", "UNEXPECTEDPASS") and not any(c[0] == "not ok" for c in cases):
        failed += 1  # crashed or timed out beyond its own TAP lines
    for verdict, rest in cases:
        if verdict == "not ok":
            failed += 1
        elif "# SKIP" in rest.upper():
            skipped += 1
        else:
            passed += 1
    if not cases:
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
if status != 0 and failed == 0:
    failed = 1
line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
PY
exit $status
