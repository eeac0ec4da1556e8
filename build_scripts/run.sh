#!/usr/bin/env bash
# Set everything up (safe to repeat) and start the workbench on demo data.
#   bash build_scripts/run.sh               # county-sized demo profile in ./.demo-profile
#   bash build_scripts/run.sh --demo small  # any further arguments go to `python -m desktop`
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash build_scripts/setup.sh

args=(--profile "${SUQING_PROFILE:-$PWD/.demo-profile}")
[[ " $* " == *" --demo "* ]] || args+=(--demo county)

if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && "${QT_QPA_PLATFORM:-}" != offscreen ]]; then
    # A server or container has no screen: show what the app looks like instead of failing.
    echo "[run] no display found: rendering every page into ./screenshots instead"
    echo "[run] (on a desktop this opens the window; or use: xvfb-run bash build_scripts/run.sh)"
    exec .venv/bin/python -m desktop "${args[@]}" --screenshot screenshots "$@"
fi
exec .venv/bin/python -m desktop "${args[@]}" "$@"
