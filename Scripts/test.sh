#!/usr/bin/env bash
# Quick start, step 2: installs what the tests need where it is missing, then runs every test:
# the Swift tests (engine, pipeline, real content, the executable), then the browser tests against a
# freshly built Site in headless Chromium, with the Nu HTML checker and a crawl of every link.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/install-dependencies.sh --test
swift build --build-tests
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
# The closing line is counted from the runners' own results (Scripts/test-summary.py): Swift Testing's and pytest's
# JUnit/xUnit XML, and XCTest's line per test case in swift test's output; tests, not assertions, with errors and
# crashes as failures and skips shown.
swift_status=0
swift test --skip-build --xunit-output "$results/xunit.xml" 2>&1 | tee "$results/swift-test.log" || swift_status=$?
py_status=0
KENNISBANK_BIN="$(swift build --show-bin-path)/kennisbank" python3 -m pytest -q --junit-xml="$results/pytest.xml" Tests/Browser Tests/Scripts || py_status=$?
python3 Scripts/test-summary.py \
  "swift test=$swift_status=XCTest:$results/swift-test.log,Swift Testing:$results/xunit-swift-testing.xml" \
  "pytest=$py_status=pytest:$results/pytest.xml"
