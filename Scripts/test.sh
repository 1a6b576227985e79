#!/usr/bin/env bash
# Quick start, step 2: installs what the tests need where it is missing, then runs every test:
# the Swift tests (engine, pipeline, real content), then the browser tests against a freshly built Site
# in headless Chromium, with the Nu HTML checker and a crawl of every link.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/install-dependencies.sh --test
swift build --build-tests
swift test --skip-build
KENNISBANK_BIN="$(swift build --show-bin-path)/kennisbank" python3 -m pytest -q Tests/Browser
