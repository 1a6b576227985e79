#!/usr/bin/env bash
# Quick start, step 2: installs what the tests need where it is missing, then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/install-dependencies.sh --test
swift build --build-tests
swift test --skip-build
