#!/usr/bin/env bash
# Install everything the tests need into .venv and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
# pip's own chatter goes to a log; it is shown only when the install fails.
if ! .venv/bin/python -m pip install --disable-pip-version-check -r requirements-dev.txt > .venv/pip-install.log 2>&1; then
  cat .venv/pip-install.log >&2
  exit 1
fi
# The browser test needs Chromium + Playwright: always installed in CI, else when apt-get can.
if [ "${CI:-}" = "true" ] || { [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null; }; then bash scripts/install_browser.sh || [ "${CI:-}" != "true" ]; fi
exec .venv/bin/python -m pytest -q "$@"
