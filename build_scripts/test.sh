#!/usr/bin/env bash
# Set everything up (safe to repeat), lint, and run the whole test suite offscreen.
# Extra arguments go to pytest, e.g. `bash build_scripts/test.sh -k activities -x`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash build_scripts/setup.sh

export QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1
echo "[test] ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check . >/dev/null || {
    .venv/bin/ruff format --check .
    echo "[test] run: .venv/bin/ruff format ." >&2
    exit 1
}
echo "[test] pytest"
exec .venv/bin/python -m pytest "$@"
