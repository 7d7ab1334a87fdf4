#!/usr/bin/env bash
# Install what the real-browser test (tests/test_browser.py) needs: Debian's Chromium
# (Playwright's own browser download is not reachable here) and the Playwright Python
# package that drives it. Output goes to .venv/browser-install.log, shown on failure.
set -euo pipefail
cd "$(dirname "$0")/.."
PLAYWRIGHT_VERSION=1.65.2
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
LOG=.venv/browser-install.log

install() {
    if [ ! -x /usr/bin/chromium ]; then
        SUDO=""
        if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; fi
        $SUDO apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core
    fi
    .venv/bin/python -m pip install --disable-pip-version-check "playwright==${PLAYWRIGHT_VERSION}"
}

if ! install > "$LOG" 2>&1; then
    cat "$LOG" >&2
    echo "install_browser.sh: could not install Chromium/Playwright (see above)" >&2
    exit 1
fi
