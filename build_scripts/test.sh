#!/usr/bin/env bash
# Set everything up (safe to repeat), lint, and run the whole test suite offscreen.
# Extra arguments go to pytest, e.g. `bash build_scripts/test.sh -k activities -x`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash build_scripts/setup.sh --test

export QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1
echo "[test] ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check . >/dev/null || {
    .venv/bin/ruff format --check .
    echo "[test] run: .venv/bin/ruff format ." >&2
    exit 1
}
echo "[test] import contracts (pyproject.toml [tool.importlinter])"
.venv/bin/lint-imports --no-cache | tail -n 12
# Server tests run on SQLite, and on PostgreSQL too when one answers on this machine
# (or when SUQING_TEST_DATABASE_URL already names one).
if [[ -z "${SUQING_TEST_DATABASE_URL:-}" ]] && command -v pg_isready >/dev/null \
    && pg_isready -q -h 127.0.0.1 -p 5432; then
    export SUQING_TEST_DATABASE_URL="postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
fi
echo "[test] pytest (PostgreSQL: ${SUQING_TEST_DATABASE_URL:-not available, SQLite only})"
exec .venv/bin/python -m pytest "$@"
