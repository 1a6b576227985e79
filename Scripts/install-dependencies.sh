#!/usr/bin/env bash
# Installs the Debian packages Kennisbank needs, only those that are missing.
#   Scripts/install-dependencies.sh          the build: libcmark-dev (and pkg-config)
#   Scripts/install-dependencies.sh --test   also what the tests use: cmark (the reference CLI)
set -euo pipefail
packages=()
command -v pkg-config >/dev/null 2>&1 || packages+=(pkg-config)
pkg-config --exists libcmark 2>/dev/null || packages+=(libcmark-dev)
if [ "${1:-}" = "--test" ]; then
  command -v cmark >/dev/null 2>&1 || packages+=(cmark)
fi
[ ${#packages[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "Installing ${packages[*]} from Debian…" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
