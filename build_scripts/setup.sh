#!/usr/bin/env bash
# The one setup step for a fresh Debian 12 / Ubuntu machine, before running or testing the app:
#   1. system libraries (Qt offscreen + QtWebEngine, a CJK font, nodejs/npm, python3-venv; with
#      --test also LibreOffice Calc, which the Excel round-trip test opens files with),
#   2. .venv with the project and its server, dev and build extras,
#   3. resources/generated/ (build_resources.py) and compiled translations (.qm).
# Safe to run again: each step checks first, so a second run takes a few seconds.
# Run as root, or as a user with sudo (only needed when a system package is missing).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }

# From shared STACK-NOTES.md: Qt Widgets offscreen, then QtWebEngine, then Chinese glyphs
# (without a CJK font every Chinese character renders as an empty box).
APT_PACKAGES=(
    libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0
    libnss3 libxcomposite1 libxdamage1 libxrandr2 libxtst6 libasound2 libxkbfile1
    fonts-wqy-microhei
)
# Only for the tests (`setup.sh --test`): the Excel export must open in a real spreadsheet.
TEST_APT_PACKAGES=(libreoffice-calc-nogui)
if [[ "${1:-}" == "--test" ]]; then
    APT_PACKAGES+=("${TEST_APT_PACKAGES[@]}")
fi

# True if the package is installed. Ubuntu 24.04 renamed some libraries (libasound2t64,
# libglib2.0-0t64); apt installs those for the old name, so accept them too.
installed() {
    local name
    for name in "$1" "$1t64"; do
        [[ "$(dpkg-query -W -f='${db:Status-Abbrev}' "$name" 2>/dev/null)" == ii* ]] && return 0
    done
    return 1
}

is_py311() { "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; }

# ---- 1. system packages -------------------------------------------------------------------
PYTHON=""
for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null && is_py311 "$candidate"; then
        PYTHON=$(command -v "$candidate")
        break
    fi
done

missing=()
if command -v dpkg-query >/dev/null; then
    for pkg in "${APT_PACKAGES[@]}"; do
        installed "$pkg" || missing+=("$pkg")
    done
    command -v npm >/dev/null || missing+=(nodejs npm)  # build_resources.py fetches with npm
    if [[ -z "$PYTHON" ]]; then
        missing+=(python3.11 python3.11-venv)  # Debian 12 and Ubuntu 22.04 have these
    elif [[ ! -x .venv/bin/python ]] && ! "$PYTHON" -c 'import venv, ensurepip' 2>/dev/null; then
        # Debian splits ensurepip out of the standard library; python3-venv brings it back.
        if is_py311 python3; then missing+=(python3-venv); else missing+=(python3.11-venv); fi
    fi
else
    say "not a Debian-like system: make sure the equivalents of these are installed:"
    say "  ${APT_PACKAGES[*]} nodejs npm python3.11"
fi

if ((${#missing[@]})); then
    if [[ $EUID -eq 0 ]]; then
        as_root=(env DEBIAN_FRONTEND=noninteractive)
    elif command -v sudo >/dev/null; then
        as_root=(sudo env DEBIAN_FRONTEND=noninteractive)
    else
        die "not root and no sudo; as root, run:
    apt-get update && apt-get install --no-install-recommends ${missing[*]}"
    fi
    say "apt: installing ${missing[*]}"
    "${as_root[@]}" apt-get update -qq
    "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    if [[ -z "$PYTHON" ]] && command -v python3.11 >/dev/null; then
        PYTHON=$(command -v python3.11)
    fi
else
    say "apt: system packages present"
fi
command -v npm >/dev/null || die "npm is still missing: install nodejs and npm"

# ---- 2. virtual environment ---------------------------------------------------------------
if [[ -x .venv/bin/python ]] && is_py311 .venv/bin/python; then
    say "venv: .venv exists"
else
    [[ -n "$PYTHON" ]] || die "no Python 3.11 found (python3.11 or python3); install it first"
    say "venv: creating .venv with $PYTHON"
    "$PYTHON" -m venv --clear .venv
fi

# pip is skipped while pyproject.toml (and the extras asked for) are what the venv was built from.
EXTRAS="server,dev,build"
want="$(sha256sum pyproject.toml | cut -d' ' -f1) [$EXTRAS] $(.venv/bin/python -V 2>&1)"
stamp=.venv/.setup-stamp
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    say "pip: .venv is up to date with pyproject.toml"
else
    # pip and setuptools are chatty (build-backend warnings): keep their output in a log and
    # show it only when the install fails.
    log=.venv/pip-install.log
    say "pip: installing -e .[$EXTRAS] (log: $log)"
    if ! .venv/bin/python -m pip install --disable-pip-version-check -e ".[$EXTRAS]" >"$log" 2>&1
    then
        tail -n 30 "$log" >&2
        die "pip install failed; full output in $log"
    fi
    printf '%s\n' "$want" >"$stamp"
fi

# ---- 3. generated resources ---------------------------------------------------------------
.venv/bin/python build_scripts/build_resources.py
.venv/bin/python build_scripts/translations.py build

say "done in ${SECONDS}s"
