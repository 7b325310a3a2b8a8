#!/usr/bin/env bash
# System packages the test suite needs: Debian's Chromium for the browser test, poppler for
# looking at PDFs, faketime for running the suite with the clock moved ahead. Installed only
# when missing; needs root (or sudo) the first time.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium chromium-driver)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v faketime >/dev/null 2>&1 || missing+=(faketime)
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" fonts-dejavu-core
