#!/usr/bin/env bash
# Set everything up (safe to repeat), start a demo server on this machine (SQLite, loopback
# only) and the workbench signed in to it as the 江宁区 county committee.
#   bash build_scripts/run.sh            # small demo data: the first download takes seconds
#   bash build_scripts/run.sh --county   # 5,000 activities, 425,000 rows: a few minutes to
#                                        # download the first time (a snapshot download is next)
# Further arguments go to `python -m desktop` (e.g. --lang en).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash build_scripts/setup.sh

size=small
if [[ "${1:-}" == "--county" ]]; then size=county; shift; fi
demo="$PWD/.demo"
mkdir -p "$demo"
database="sqlite:///$demo/server-$size.sqlite"
if [[ ! -f "$demo/server-$size.sqlite" ]]; then
    echo "[run] creating the demo server's database ($size)"
    .venv/bin/python -m sync.server init-db --database-url "$database" >/dev/null
    .venv/bin/python -m sync.server seed-demo --size "$size" --database-url "$database" \
        >"$demo/accounts-$size.txt"
fi

log="$demo/server.log"
# Youths' one-time codes are not sent as SMS here: they go to this file (see README).
SUQING_SMS_OUTBOX="$demo/sms-outbox.jsonl" \
    .venv/bin/python -m sync.server serve --host 127.0.0.1 --port 0 --database-url "$database" \
    >"$log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true' EXIT
url=""
for _ in $(seq 1 300); do
    url=$(grep -oE 'running on http://127\.0\.0\.1:[0-9]+' "$log" | head -n 1 | cut -d' ' -f3 || true)
    [[ -n "$url" ]] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
done
[[ -n "$url" ]] || { echo "[run] the demo server did not start; see $log" >&2; exit 1; }
echo "[run] demo server at $url (accounts and password: $demo/accounts-$size.txt)"

args=(--profile "$demo/profile-$size" --demo-server "$url")
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && "${QT_QPA_PLATFORM:-}" != offscreen ]]; then
    # A server or container has no screen: show what the app looks like instead of failing.
    echo "[run] no display found: rendering every page into ./screenshots instead"
    echo "[run] (on a desktop this opens the window; or use: xvfb-run bash build_scripts/run.sh)"
    .venv/bin/python -m desktop "${args[@]}" --screenshot screenshots "$@"
else
    .venv/bin/python -m desktop "${args[@]}" "$@"
fi
