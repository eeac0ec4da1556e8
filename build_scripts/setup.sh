#!/usr/bin/env bash
# The one setup step for a fresh Debian 12/13 or Ubuntu 22.04/24.04 machine, before running or
# testing the app:
#   1. system libraries (Qt offscreen + QtWebEngine, a CJK font, nodejs/npm, Python 3.11-3.13 with
#      its venv module; with
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
    libxfixes3 libgssapi-krb5-2
    fonts-wqy-microhei
)
# libxfixes3 (QtWebEngine) and libgssapi-krb5-2 (Qt's network library, which the translation
# compiler lrelease loads) come with other packages on Debian 12 but not on a fresh Debian 13:
# there setup stopped at lrelease (measured with try_fresh_root.sh trixie).
# Only for the tests (`setup.sh --test`): the Excel export must open in a real spreadsheet.
TEST_APT_PACKAGES=(libreoffice-calc-nogui)
if [[ "${1:-}" == "--test" ]]; then
    APT_PACKAGES+=("${TEST_APT_PACKAGES[@]}")
fi

# True if the package is installed. Debian 13 and Ubuntu 24.04 renamed some libraries for the
# 64-bit time_t move (libasound2t64, libglib2.0-0t64): accept the new name too.
installed() {
    local name
    for name in "$1" "$1t64"; do
        [[ "$(dpkg-query -W -f='${db:Status-Abbrev}' "$name" 2>/dev/null)" == ii* ]] && return 0
    done
    return 1
}

# The name this distribution's archive has for a package: the t64 one where it was renamed
# (asking for the old name there fails or depends on which virtual provider apt picks).
apt_name() {
    if apt-cache show --no-all-versions "$1t64" >/dev/null 2>&1; then echo "$1t64"; else echo "$1"; fi
}

# The project runs on Python 3.11-3.13 (pyproject.toml requires-python).
is_supported() {
    "$1" -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))' 2>/dev/null
}

# The system python3 when it is 3.11-3.13 (Debian 12: 3.11, Debian 13: 3.13, Ubuntu 24.04: 3.12),
# else python3.11 (Ubuntu 22.04's python3 is 3.10; 3.11 is in universe).
find_python() {
    PYTHON=""
    local candidate
    for candidate in python3 python3.11; do
        if command -v "$candidate" >/dev/null && is_supported "$candidate"; then
            PYTHON=$(command -v "$candidate")
            return 0
        fi
    done
    return 1
}

# Debian splits ensurepip out of the standard library: python3-venv (or python3.X-venv for a
# python3.X that is not the system python3) brings it back.
venv_package() {
    if [[ "$1" == "$(command -v python3)" ]]; then echo python3-venv; else echo "${1##*/}-venv"; fi
}

if [[ $EUID -eq 0 ]]; then
    as_root=(env DEBIAN_FRONTEND=noninteractive)
elif command -v sudo >/dev/null; then
    as_root=(sudo env DEBIAN_FRONTEND=noninteractive)
else
    as_root=()
fi
updated=""
apt_install() {
    ((${#as_root[@]})) || die "not root and no sudo; as root, run:
    apt-get update && apt-get install --no-install-recommends $*"
    if [[ -z "$updated" ]]; then
        "${as_root[@]}" apt-get update -qq
        updated=1
    fi
    local names=() pkg
    for pkg in "$@"; do names+=("$(apt_name "$pkg")"); done
    say "apt: installing ${names[*]}"
    "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${names[@]}" >/dev/null
}

# ---- 1. system packages -------------------------------------------------------------------
find_python || true
if command -v dpkg-query >/dev/null; then
    missing=()
    for pkg in "${APT_PACKAGES[@]}"; do
        installed "$pkg" || missing+=("$pkg")
    done
    command -v npm >/dev/null || missing+=(nodejs npm)  # build_resources.py fetches with npm
    # A minimal Debian has no python3 at all: the system one first, python3.11 only if that one
    # is outside 3.11-3.13.
    if [[ -z "$PYTHON" ]] && ! command -v python3 >/dev/null; then
        missing+=(python3 python3-venv)
    elif [[ -n "$PYTHON" && ! -x .venv/bin/python ]] && ! "$PYTHON" -c 'import venv, ensurepip' 2>/dev/null
    then
        missing+=("$(venv_package "$PYTHON")")
    fi
    if ((${#missing[@]})); then
        apt_install "${missing[@]}"
    else
        say "apt: system packages present"
    fi
    if ! find_python; then
        apt_install python3.11 python3.11-venv
        find_python || true
    fi
else
    say "not a Debian-like system: make sure the equivalents of these are installed:"
    say "  ${APT_PACKAGES[*]} nodejs npm python3 (3.11-3.13) with its venv module"
fi
command -v npm >/dev/null || die "npm is still missing: install nodejs and npm"

# ---- 2. virtual environment ---------------------------------------------------------------
if [[ -x .venv/bin/python ]] && is_supported .venv/bin/python; then
    say "venv: .venv exists"
else
    [[ -n "$PYTHON" ]] || die "no Python 3.11-3.13 found (python3 or python3.11); install it first"
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
