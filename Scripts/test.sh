#!/usr/bin/env bash
# Quick start, step 2: installs what the tests need where it is missing, then runs every test:
# the Swift tests (engine, pipeline, real content, the executable), then the browser tests against a
# freshly built Site in headless Chromium, with the Nu HTML checker and a crawl of every link.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/install-dependencies.sh --test
swift build --build-tests
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
swift test --skip-build 2>&1 | tee "$log" || status=1
KENNISBANK_BIN="$(swift build --show-bin-path)/kennisbank" python3 -m pytest -q Tests/Browser 2>&1 | tee -a "$log" || status=1
# One closing line over both runners.
swift_line=$(grep -E "^[[:space:]]*Executed [0-9]+ tests?, with [0-9]+ failures?" "$log" | tail -1 || true)
swift_passed=$(echo "$swift_line" | sed -E 's/.*Executed ([0-9]+) tests?, with ([0-9]+) failures?.*/\1/')
swift_failed=$(echo "$swift_line" | sed -E 's/.*Executed ([0-9]+) tests?, with ([0-9]+) failures?.*/\2/')
py_passed=$(grep -Eo "[0-9]+ passed" "$log" | tail -1 | grep -Eo "[0-9]+" || echo 0)
py_failed=$(grep -Eo "[0-9]+ failed" "$log" | tail -1 | grep -Eo "[0-9]+" || echo 0)
# Swift Testing (the property-based tests) closes with its own line.
testing_passed=$(grep -Eo "Test run with [0-9]+ tests? in [0-9]+ suites? passed" "$log" | tail -1 | grep -Eo "[0-9]+" | head -1 || true)
testing_failed=0
if grep -Eq "Test run with [0-9]+ tests? in [0-9]+ suites? failed" "$log"; then testing_failed=1; fi
passed=$(( ${swift_passed:-0} - ${swift_failed:-0} + ${testing_passed:-0} + py_passed ))
failed=$(( ${swift_failed:-0} + testing_failed + py_failed ))
echo "$passed passed, $failed failed"
exit $status
