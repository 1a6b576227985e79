#!/usr/bin/env bash
# Quick start, step 1: installs libcmark-dev, libmimalloc-dev, libstemmer-dev and libvips-dev where they are missing, then builds Site/ from Content/.
# Extra arguments go to `kennisbank build` (for example --strict).
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/install-dependencies.sh
swift build -c release --product kennisbank
.build/release/kennisbank build "$@"
