#!/usr/bin/env bash
# Open the Claimscope explorer on the demo corpus: installs the runtime into .venv on first
# use, then `streamlit run app.py` (extra arguments go to streamlit, e.g. --server.port 8600).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
exec .venv/bin/streamlit run app.py "$@"
