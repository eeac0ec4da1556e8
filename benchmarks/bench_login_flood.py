"""/healthz latency while a flood of sign-ins hits a real server process. Prints figures;
asserts nothing.

    .venv/bin/python benchmarks/bench_login_flood.py [--clients 100] [--seconds 10]
        [--one-address] [--root OTHER_CHECKOUT]

Each flooding client signs in over and over with a wrong password for an unknown username (the
server still runs argon2 on a dummy hash, so both cost the same), each request from its own
X-Forwarded-For address (a distributed flood, which per-address throttling does not stop), or
all from one with --one-address. Meanwhile /healthz is asked every 50 ms for as long as the
flood lasts. Printed: /healthz before and during the flood (median, p95, max; "inf" is a probe
refused or timed out), and how the sign-ins were answered.

--root runs the server from another checkout of the project (e.g. `git archive main` unpacked),
to compare before and after on the same machine.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent


def _env(root: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(root)
    return env


def start_server(root: Path, folder: Path) -> tuple[subprocess.Popen, str]:
    url = f"sqlite:///{folder / 'server.sqlite'}"
    subprocess.run(
        [sys.executable, "-m", "sync.server", "init-db", "--database-url", url],
        cwd=root,
        env=_env(root),
        check=True,
        capture_output=True,
    )
    log = folder / "server.log"
    command = [sys.executable, "-m", "sync.server", "serve", "--port", "0", "--database-url", url]
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, cwd=root, env=_env(root), stdout=out, stderr=subprocess.STDOUT
        )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        found = re.search(r"running on (http://127\.0\.0\.1:\d+)", log.read_text())
        if found:
            return process, found.group(1)
        time.sleep(0.1)
    process.kill()
    raise SystemExit(f"server did not start:\n{log.read_text()}")


def health_latencies(base: str, stop: threading.Event, out: list[float]) -> None:
    """Ask /healthz every 50 ms until `stop`, each probe on a thread of its own, so one slow
    answer does not hide the ones after it; every probe's time is appended to `out`."""

    def probe() -> None:
        started = time.perf_counter()
        try:
            requests.get(f"{base}/healthz", timeout=120).raise_for_status()
            out.append(time.perf_counter() - started)
        except requests.RequestException:
            out.append(float("inf"))

    probes = []
    while not stop.wait(0.05):
        probes.append(threading.Thread(target=probe))
        probes[-1].start()
    for thread in probes:
        thread.join()


def flood(base: str, clients: int, seconds: float, one_address: bool) -> Counter:
    answers: Counter = Counter()
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client(n: int) -> None:
        session = requests.Session()
        body = {"username": f"nobody{n}", "password": "wrong-password", "device_id": "flood"}
        while time.monotonic() < deadline:
            address = "203.0.113.1" if one_address else f"10.{n % 250}.{random.randrange(250)}.1"
            try:
                status = session.post(
                    f"{base}/api/v1/login",
                    json=body,
                    headers={"X-Forwarded-For": address},
                    timeout=60,
                ).status_code
            except requests.RequestException as error:
                status = type(error).__name__
            with lock:
                answers[str(status)] += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def _figures(label: str, values: list[float]) -> str:
    ms = sorted(v * 1000 for v in values)
    if not ms:
        return f"{label}: no answers"
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    return (
        f"{label}: median {statistics.median(ms):.0f} ms, p95 {p95:.0f} ms, "
        f"max {ms[-1]:.0f} ms ({len(ms)} requests)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=100, help="concurrent flooding clients")
    parser.add_argument("--seconds", type=float, default=10.0, help="how long the flood lasts")
    parser.add_argument("--one-address", action="store_true", help="all from one address")
    parser.add_argument("--root", type=Path, default=ROOT, help="checkout to run the server of")
    parser.add_argument("--json", type=Path, help="also write the figures here (run.py)")
    parser.add_argument("--flood", metavar="URL", help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args()
    if args.flood:
        print(json.dumps(flood(args.flood, args.clients, args.seconds, args.one_address)))
        return
    with tempfile.TemporaryDirectory() as folder:
        process, base = start_server(args.root.resolve(), Path(folder))
        try:
            idle: list[float] = []
            stop = threading.Event()
            watcher = threading.Thread(target=health_latencies, args=(base, stop, idle))
            watcher.start()
            time.sleep(2)
            stop.set()
            watcher.join()

            during: list[float] = []
            stop = threading.Event()
            watcher = threading.Thread(target=health_latencies, args=(base, stop, during))
            watcher.start()
            # The flood runs in a process of its own: its threads would otherwise hold this
            # process's GIL and slow the /healthz watcher, not the server.
            command = [sys.executable, __file__, "--flood", base, "--clients", str(args.clients)]
            command += ["--seconds", str(args.seconds)]
            command += ["--one-address"] if args.one_address else []
            done = subprocess.run(command, capture_output=True, text=True, check=True)
            answers = Counter(json.loads(done.stdout))
            stop.set()
            watcher.join()
        finally:
            process.terminate()
            process.wait(10)
    where = "one address" if args.one_address else "one address per request"
    print(f"server: {args.root.resolve()}")
    print(f"flood: {args.clients} clients for {args.seconds:.0f} s, {where}")
    print(_figures("/healthz idle", idle))
    print(_figures("/healthz during the flood", during))
    total = sum(answers.values())
    shown = ", ".join(f"{status}: {n}" for status, n in sorted(answers.items()))
    print(f"sign-ins answered: {total} ({total / args.seconds:.0f}/s) — {shown}")
    if args.json:
        p95 = [sorted(v)[int(len(v) * 0.95)] if v else None for v in (idle, during)]
        figures = {"idle_p95": p95[0], "during_p95": p95[1], "answers": answers}
        args.json.write_text(json.dumps(figures))


if __name__ == "__main__":
    main()
