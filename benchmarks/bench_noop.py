"""The server's answer to a pull with nothing to do, over loopback HTTP (what a device's
sync with nothing to do costs the server): wall time per request and the server process's CPU
per request, from /proc. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_noop.py --database-url URL [--requests 300] [--runs 3]

URL: a database after `init-db` and `seed-demo` (the demo account `jiangning` signs in). One
server worker, so its CPU is one process's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import requests

from benchmarks.bench_sync import USERNAME, _password, start_server
from sync.core import protocol


def _cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and its children so far (uvicorn may fork a worker)."""
    total = 0.0
    for task in [pid, *_children(pid)]:
        fields = Path(f"/proc/{task}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(stat[1]) == pid:
                found += [int(entry.name), *_children(int(entry.name))]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)

    log = Path(tempfile.mkdtemp(prefix="bench-noop-")) / "server.log"
    server, url = start_server(args.database_url, 1, log)
    try:
        http = requests.Session()
        http.headers[protocol.PROTOCOL_HEADER] = str(protocol.PROTOCOL_MAX)
        login = {"username": USERNAME, "password": _password(), "device_id": "bench-noop"}
        answer = http.post(url + protocol.LOGIN_PATH, json=login, timeout=30)
        answer.raise_for_status()
        http.headers["Authorization"] = f"Bearer {answer.json()['token']}"
        cursor = http.get(url + protocol.PULL_PATH, params={"after": 2**62}, timeout=30).json()
        params = {"after": cursor["cursor"]}
        for _warm in range(20):
            http.get(url + protocol.PULL_PATH, params=params, timeout=30).raise_for_status()
        for run in range(args.runs):
            times = []
            cpu = _cpu_seconds(server.pid)
            for _ in range(args.requests):
                started = time.perf_counter()
                page = http.get(url + protocol.PULL_PATH, params=params, timeout=30)
                times.append(time.perf_counter() - started)
                assert page.status_code == 200 and protocol.DIGEST_HEADER in page.headers
                assert page.json()["rows"] == {}
            cpu = (_cpu_seconds(server.pid) - cpu) / args.requests
            times.sort()
            print(
                f"run {run + 1}: {args.requests} empty pulls: median "
                f"{statistics.median(times) * 1000:.2f} ms, p95 "
                f"{times[int(len(times) * 0.95)] * 1000:.2f} ms, server CPU "
                f"{cpu * 1000:.2f} ms/request"
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
