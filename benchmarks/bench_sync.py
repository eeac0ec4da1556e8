"""Benchmark of sync on loopback against a real server process. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_sync.py [--postgres URL] [--workers 2] [--devices 200]
    .venv/bin/python benchmarks/bench_sync.py --only push [--runs 5] [--postgres URL]
    .venv/bin/python benchmarks/bench_sync.py --only pull [--runs 5] [--postgres URL]

Each figure is printed beside a bare bulk copy of the same rows measured in the same run (JSON
encode, gzip, decode, SQLite executemany into a replica's tables), the goal, and PouchDB's
figures measured on these machines (PouchDB 9, leveldb, loopback):

- initial sync of the `county` demo dataset, rows/s (goal >= 100,000);
- a sync with nothing to do (goal <= 5 ms; median and p95);
- pushing 1,000 queued operations, applied and acknowledged (goal <= 0.2 s);
- pulling 1,000 changed rows (goal <= 0.2 s);
- client peak memory (RSS) during the initial sync (goal <= 300 MB), in a child process;
- the server under many concurrent simulated devices: p95 latency and errors (goal 0 errors).

The seeded county server database is cached under benchmark-results/ (SQLite: a file; with
--postgres: a template database `suqing_bench_county_<schema revision>`), one per server schema;
each run works on a fresh copy.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "benchmark-results"


def _schema() -> str:
    """The server schema's revision: a cached database of another schema is seeded afresh."""
    from sync.server.db import head_revision

    return "".join(c if c.isalnum() else "_" for c in head_revision())


SQLITE_CACHE = RESULTS / f"county-server-sqlite-{_schema()}.sqlite"
PG_TEMPLATE = f"suqing_bench_county_{_schema()}"
USERNAME = "jiangning"

POUCHDB = {
    "initial": "≈6,500 docs/s",
    "noop": "3–9 ms",
    "push": "0.23–0.29 s",
    "pull": "0.25–0.32 s",
    "memory": "323 MiB",
    "devices": "—",
}


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SUQING_")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def _cli(*args: str, database_url: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "sync.server", *args, "--database-url", database_url],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise SystemExit(f"{args[0]} failed:\n{done.stderr}")
    return done.stdout


def _seed(url: str) -> None:
    started = time.perf_counter()
    _cli("init-db", database_url=url)
    _cli("seed-demo", "--size", "county", database_url=url)
    print(f"seeded the county server database in {time.perf_counter() - started:.0f} s")


# --- the server database --------------------------------------------------------------------


class SqliteDatabase:
    def __init__(self) -> None:
        if not SQLITE_CACHE.exists():
            RESULTS.mkdir(exist_ok=True)
            partial = SQLITE_CACHE.with_suffix(".partial")
            partial.unlink(missing_ok=True)
            _seed(f"sqlite:///{partial}")
            partial.rename(SQLITE_CACHE)
        self.folder = Path(tempfile.mkdtemp(prefix="bench-sync-", dir=RESULTS))
        work = self.folder / "server.sqlite"
        source, target = sqlite3.connect(SQLITE_CACHE), sqlite3.connect(work)
        source.backup(target)
        source.close()
        target.close()
        self.url = f"sqlite:///{work}"

    def drop(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


class PostgresDatabase:
    def __init__(self, admin_url: str) -> None:
        from sqlalchemy import create_engine, make_url
        from sqlalchemy.pool import NullPool

        self.base = make_url(admin_url).set(drivername="postgresql+psycopg")
        self.admin = create_engine(self.base, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        with self.admin.connect() as conn:
            exists = conn.exec_driver_sql(
                "SELECT 1 FROM pg_database WHERE datname = %s", (PG_TEMPLATE,)
            ).first()
            if not exists:
                conn.exec_driver_sql(f'CREATE DATABASE "{PG_TEMPLATE}"')
        if not exists:
            try:
                _seed(self._url(PG_TEMPLATE))
                # Statistics, as autovacuum gathers them soon after a bulk load: without them
                # the planner reads a whole county by scope_path for a pull of a few rows.
                engine = create_engine(self._url(PG_TEMPLATE), poolclass=NullPool)
                with engine.connect() as conn:
                    conn.exec_driver_sql("ANALYZE")
                    conn.commit()
                engine.dispose()
            except BaseException:
                with self.admin.connect() as conn:
                    conn.exec_driver_sql(f'DROP DATABASE "{PG_TEMPLATE}" WITH (FORCE)')
                raise
        self.name = f"suqing_bench_{os.getpid()}"
        with self.admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{self.name}" TEMPLATE "{PG_TEMPLATE}"')
        self.url = self._url(self.name)

    def _url(self, name: str) -> str:
        return self.base.set(database=name).render_as_string(hide_password=False)

    def drop(self) -> None:
        with self.admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        self.admin.dispose()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(database_url: str, workers: int, log: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    command = [sys.executable, "-m", "sync.server", "serve", "--port", str(port)]
    command += ["--workers", str(workers), "--log-level", "warning"]
    command += ["--database-url", database_url]
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=_env(), stdout=out, stderr=out)
    import requests

    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"server exited:\n{log.read_text()}")
        try:
            if requests.get(url + "/healthz", timeout=2).status_code == 200:
                return process, url
        except (requests.ConnectionError, requests.Timeout):  # not listening, or starting
            pass
        time.sleep(0.1)
    process.kill()
    raise SystemExit(f"server did not start:\n{log.read_text()}")


def _password() -> str:
    from sync.tools.demo import DEMO_PASSWORD

    return DEMO_PASSWORD


# --- the client side, in child processes (peak memory is per process) -----------------------

INITIAL_SYNC = """
import json, resource, sys, time
from pathlib import Path
from sync.client import session
from sync.client.http import ClientConfig
from sync.client.engine import sync_once
from sync.client.store import DATABASE_NAME, Store

store = Store(Path(sys.argv[1]) / DATABASE_NAME)
session.sign_in(store, ClientConfig(base_url=sys.argv[2]), sys.argv[3], sys.argv[4])
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
report = sync_once(store, session.connect(store))
seconds = time.perf_counter() - started
assert report.ok, (report.push_error, report.pull_error)
print(json.dumps({"seconds": seconds, "rows": report.pulled_rows,
                  "snapshot_rows": report.snapshot_rows, "before_mb": before / 1024,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

# The bare bulk copy: the rows of a replica (or the ids given) through JSON, gzip and back into
# a fresh replica's tables with executemany, timed end to end, with the process's peak memory.
BARE_COPY = """
import gzip, json, resource, sqlite3, sys, tempfile, time
from pathlib import Path
from sync.core.records import RECORD_TABLES
from sync.client.store.migrations import migrate
from sync.client.store.request_search import FUNCTION, words

source = sqlite3.connect(sys.argv[1])
limit = int(sys.argv[2])
tables = list(RECORD_TABLES) if limit == 0 else ["activities"]
rows = {}
for t in tables:
    cur = source.execute(f'SELECT * FROM "{t}"' + (f" LIMIT {limit}" if limit else ""))
    names = [d[0] for d in cur.description]
    rows[t] = [dict(zip(names, r)) for r in cur]
count = sum(len(r) for r in rows.values())
with tempfile.TemporaryDirectory() as folder:
    target_path = Path(folder) / "bare.sqlite"
    migrate(target_path)
    target = sqlite3.connect(target_path, isolation_level=None)
    target.create_function(FUNCTION, 1, words, deterministic=True)  # the requests' search index
    target.execute("PRAGMA journal_mode=WAL")
    target.execute("PRAGMA synchronous=NORMAL")
    for t in reversed(list(RECORD_TABLES)):  # the migration's default categories
        target.execute(f'DELETE FROM "{t}"')
    started = time.perf_counter()
    wire = gzip.compress(json.dumps(rows, ensure_ascii=False).encode(), 6)
    decoded = json.loads(gzip.decompress(wire))
    target.execute("BEGIN")
    for t, batch in decoded.items():
        if batch:
            names = list(batch[0])
            sql = f'INSERT INTO "{t}" ({", ".join(names)}) VALUES ({", ".join("?" * len(names))})'
            target.executemany(sql, [tuple(r[n] for n in names) for r in batch])
    target.execute("COMMIT")
    seconds = time.perf_counter() - started
    target.close()
print(json.dumps({"seconds": seconds, "rows": count, "wire_mb": len(wire) / 1e6,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _child(code: str, *args: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=ROOT, env=_env(), capture_output=True, text=True
    )
    if done.returncode:
        raise SystemExit(f"child failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- measurements in this process -----------------------------------------------------------


def _device(profile: Path, url: str):
    from sync.client import session
    from sync.client.http import ClientConfig
    from sync.client.store import DATABASE_NAME, Store

    store = Store(profile / DATABASE_NAME)
    session.sign_in(store, ClientConfig(base_url=url), USERNAME, _password())
    return store


def noop_syncs(store, runs: int) -> list[float]:
    from sync.client import session
    from sync.client.engine import sync_once

    client = session.connect(store)
    times = []
    try:
        for _ in range(runs + 3):
            started = time.perf_counter()
            report = sync_once(store, client)
            times.append(time.perf_counter() - started)
            assert report.ok and report.pulled_rows == 0 and report.pushed == 0
    finally:
        client.close()
    return times[3:]  # the first ones warm connections and caches


def timed_sync(store) -> tuple[float, float, object]:
    """One sync: (seconds until the last push was answered, seconds for the whole sync, report).
    Shared with bench_bulk_sync."""
    from sync.client import session
    from sync.client.engine import sync_once

    client = session.connect(store)
    marks: list[float] = []

    def progress(phase: str, done: int, total: int) -> None:
        if phase == "push" and done == total:
            marks.append(time.perf_counter())

    try:
        started = time.perf_counter()
        report = sync_once(store, client, progress=progress)
        ended = time.perf_counter()
    finally:
        client.close()
    assert report.ok, (report.push_error, report.pull_error)
    push = (marks[-1] - started) if marks else 0.0
    return push, ended - started, report


def queue_edits(store, count: int) -> None:
    """Queue `count` capacity edits of the published activities, each a change (capacities
    above any yet), so a figure can be measured again on the same devices."""
    published = _published(store)
    ids = list(published)
    base = 1 + max(r["capacity"] or 0 for r in published.values())
    for n in range(count):
        store.update_activity(ids[n % len(ids)], {"capacity": base + n})


def push_ops(store, count: int) -> tuple[float, float]:
    """Queue `count` edits, then sync: (seconds until every push was answered and recorded,
    seconds for the whole sync)."""
    queue_edits(store, count)
    push, whole, report = timed_sync(store)
    assert report.pushed == count and report.rejected == 0, report
    return push, whole


def _cpu_seconds(pid: int) -> float:
    """CPU time (user + system) used so far by process `pid` and its descendants (the server's
    workers): a figure the other work on the machine sways less than wall time (Linux /proc)."""
    total = 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return total
    return total + sum(_cpu_seconds(int(child)) for child in children)


def push_only(store, server_pid: int, ops: int, runs: int) -> list[dict[str, float]]:
    """The push figure alone, `runs` times on one device: wall seconds until the last push was
    answered and recorded, and the CPU seconds used meanwhile by this process (the client) and
    by the server (the queueing of the edits beforehand and the pull after not counted)."""
    from sync.client import session
    from sync.client.engine import sync_once

    figures = []
    for run in range(runs):
        queue_edits(store, ops)
        client = session.connect(store)
        marks: list[tuple[float, float, float]] = []

        def progress(phase: str, done: int, total: int, marks=marks) -> None:
            if phase == "push" and done == total:
                marks.append((time.perf_counter(), time.process_time(), _cpu_seconds(server_pid)))

        try:
            started = (time.perf_counter(), time.process_time(), _cpu_seconds(server_pid))
            report = sync_once(store, client, progress=progress)
        finally:
            client.close()
        assert report.ok and report.pushed == ops and report.rejected == 0, report
        ended = marks[-1]
        push, client_cpu, server_cpu = (e - s for e, s in zip(ended, started, strict=True))
        figures.append({"push": push, "client_cpu": client_cpu, "server_cpu": server_cpu})
        print(
            f"push run {run + 1}: {push:.3f} s; CPU client {client_cpu:.3f} s, "
            f"server {server_cpu:.3f} s",
            flush=True,
        )
    return figures


def pull_only(a, b, server_pid: int, ops: int, runs: int) -> list[dict[str, float]]:
    """The pull figure alone, `runs` times: device `a` pushes `ops` edits (not timed), then
    device `b` syncs; wall seconds of b's sync, rows pulled, and the CPU seconds used meanwhile
    by this process (the client) and by the server."""
    figures = []
    for run in range(runs):
        push_ops(a, ops)
        a.wait_for_fold()  # a's log folded: on its own laptop, not beside b's pull
        started = (time.perf_counter(), time.process_time(), _cpu_seconds(server_pid))
        _, pulled = pull_changes(b)
        ended = (time.perf_counter(), time.process_time(), _cpu_seconds(server_pid))
        pull, client_cpu, server_cpu = (e - s for e, s in zip(ended, started, strict=True))
        figures.append(
            {"pull": pull, "rows": pulled, "client_cpu": client_cpu, "server_cpu": server_cpu}
        )
        print(
            f"pull run {run + 1}: {pulled:,} rows in {pull:.3f} s; CPU client "
            f"{client_cpu:.3f} s, server {server_cpu:.3f} s",
            flush=True,
        )
    return figures


def _print_runs(title: str, figure: str, runs: list[dict[str, float]], bare: dict) -> None:
    """One line for `--only push|pull`: the median of the runs, their range and CPU split."""
    walls = sorted(r[figure] for r in runs)
    print(
        f"{title}, {len(runs)} runs: median {statistics.median(walls):.3f} s "
        f"(min {walls[0]:.3f}, max {walls[-1]:.3f}); CPU median client "
        f"{statistics.median(r['client_cpu'] for r in runs):.3f} s, server "
        f"{statistics.median(r['server_cpu'] for r in runs):.3f} s; "
        f"bare copy {bare['seconds']:.3f} s; PouchDB {POUCHDB[figure]}"
    )


def pull_changes(store) -> tuple[float, int]:
    from sync.client import session
    from sync.client.engine import sync_once

    client = session.connect(store)
    try:
        started = time.perf_counter()
        report = sync_once(store, client)
        seconds = time.perf_counter() - started
    finally:
        client.close()
    assert report.ok
    return seconds, report.pulled_rows


def _published(store) -> dict[str, dict]:
    from sqlalchemy import select

    from sync.client.store.tables import activities

    with store.engine.connect() as conn:
        rows = conn.execute(
            select(activities.c.id, activities.c.capacity, activities.c.version).where(
                activities.c.status == "published"
            )
        )
        return {r.id: dict(r._mapping) for r in rows}


def _sign_in_all(url: str, devices: int) -> tuple[list[str], list[str]]:
    """One sign-in per simulated device, a few at a time (argon2id takes 64 MiB each)."""
    from concurrent.futures import ThreadPoolExecutor

    import requests

    def sign_in(n: int) -> str:
        """The token, or why there is none (prefixed "!")."""
        # A 503 (the server's password-hashing gate is full) is waited out, as the workbench's
        # client does for every request (sync.client.http), for at most BUSY_WAIT.
        body = {"username": USERNAME, "password": _password(), "device_id": f"bench-{n}"}
        rng, began, attempt = random.Random(n), time.perf_counter(), 0
        while True:
            try:
                response = requests.post(url + "/api/v1/login", json=body, timeout=120)
            except Exception as error:
                return f"!{error!r}"
            if response.status_code == 200:
                return response.json()["token"]
            wait = _retry_after(response) + rng.uniform(0, min(8.0, 0.5 * 2**attempt))
            if response.status_code != 503 or time.perf_counter() - began + wait > BUSY_WAIT:
                return f"!{response.status_code} {response.text[:200]}"
            time.sleep(wait)
            attempt += 1

    with ThreadPoolExecutor(8) as pool:
        tokens = list(pool.map(sign_in, range(devices)))
    errors = [f"sign-in of device {n} failed: {t[1:]}" for n, t in enumerate(tokens) if t[0] == "!"]
    return [t for t in tokens if t[0] != "!"], errors


BUSY_WAIT = 60.0  # seconds, as sync.client.http.ClientConfig.busy_wait


def _retry_after(response) -> float:
    try:
        return float(response.headers.get("Retry-After") or 0)
    except ValueError:
        return 0.0


def _devices_part(
    url: str, first: int, tokens: list[str], cycles: int, cursor: int, ids: list[str]
) -> tuple[list[float], list[str], int]:
    """In a child process: one thread per device, each `cycles` rounds of push (two edits)
    and pull (until no more). Latency per request; errors = exceptions or non-2xx answers."""
    import requests

    from sync.core.operations import Kind, UpdateActivity

    latencies: list[tuple[str, float]] = []  # (method, seconds)
    errors: list[str] = []
    busy = [0]  # 503 answers waited out
    lock = threading.Lock()
    start = threading.Barrier(len(tokens))

    def device(n: int, token: str) -> None:
        rng = random.Random(n)
        http = requests.Session()
        http.headers["X-Suqing-Protocol"] = "1"
        http.headers["Authorization"] = f"Bearer {token}"

        def call(method: str, path: str, **kwargs) -> dict | None:
            # As the workbench's client does (sync.client.http): a 503 is waited out, at least
            # its Retry-After plus a jittered exponential step, for at most BUSY_WAIT in all;
            # the latency counted is the whole wait, and a 503 is an error only past it.
            began = time.perf_counter()
            attempt = 0
            while True:
                try:
                    response = http.request(method, url + path, timeout=120, **kwargs)
                    ok = response.status_code < 300
                    problem = str(response.status_code)
                    body = response.json() if ok else None
                except Exception as error:  # any failure is an error to count
                    ok, body, problem, response = False, None, repr(error), None
                if response is None or response.status_code != 503:
                    break
                wait = _retry_after(response) + rng.uniform(0, min(8.0, 0.5 * 2**attempt))
                if time.perf_counter() - began + wait > BUSY_WAIT:
                    break
                with lock:
                    busy[0] += 1
                time.sleep(wait)
                attempt += 1
            elapsed = time.perf_counter() - began
            with lock:
                latencies.append((method, elapsed))
                if not ok:
                    errors.append(f"{method} {path}: {problem}")
            return body

        with contextlib.suppress(threading.BrokenBarrierError):
            start.wait(timeout=120)
        at = cursor
        for cycle in range(cycles):
            ops = [
                {
                    "op_id": f"bench-{os.getpid()}-{n}-{cycle}-{k}",
                    "kind": Kind.ACTIVITY_UPDATE.value,
                    "device_id": f"bench-{n}",
                    "occurred_at": "2026-01-01T00:00:00+00:00",
                    "payload": UpdateActivity(
                        rng.choice(ids), changes={"capacity": rng.randint(50, 500)}
                    ).to_payload(),
                }
                for k in range(2)
            ]
            call("POST", "/api/v1/push", json={"ops": ops})
            while (page := call("GET", "/api/v1/changes", params={"after": at})) is not None:
                at = page["cursor"]
                if not page["more"]:
                    break

    threads = [
        threading.Thread(target=device, args=(first + i, token)) for i, token in enumerate(tokens)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, errors, busy[0]


def concurrent_devices(
    url: str, devices: int, cycles: int, cursor: int, ids: list[str], processes: int = 4
) -> dict:
    """`devices` simulated devices: each signs in once, then syncs `cycles` times. They run as
    threads spread over `processes` processes, so the client side's GIL distorts less of the
    server's latency (the machine's cores are still shared with the server)."""
    from concurrent.futures import ProcessPoolExecutor

    tokens, errors = _sign_in_all(url, devices)
    size = -(-len(tokens) // processes)
    chunks = [tokens[i : i + size] for i in range(0, len(tokens), size)]
    latencies: list[tuple[str, float]] = []
    busy = 0
    started = time.perf_counter()
    with ProcessPoolExecutor(len(chunks)) as pool:
        parts = [
            pool.submit(_devices_part, url, i * size, chunk, cycles, cursor, ids)
            for i, chunk in enumerate(chunks)
        ]
        for part in parts:
            got, failed, waited_out = part.result()
            latencies.extend(got)
            errors.extend(failed)
            busy += waited_out
    every = sorted(seconds for _, seconds in latencies)
    pushes = sorted(seconds for method, seconds in latencies if method == "POST")
    pulls = sorted(seconds for method, seconds in latencies if method == "GET")
    return {
        "requests": len(every),
        "errors": errors,
        "busy": busy,
        "p50": _quantile(every, 0.5),
        "p95": _quantile(every, 0.95),
        "push_p95": _quantile(pushes, 0.95),  # where the waiting is: the writer or the reads
        "pull_p95": _quantile(pulls, 0.95),
        "seconds": time.perf_counter() - started,
    }


def _quantile(ordered: list[float], q: float) -> float:
    return ordered[int(len(ordered) * q)] if ordered else 0.0


@contextlib.contextmanager
def _cpu_hog(on: bool):
    """A process spinning on one core while the block runs (when `on`)."""
    if not on:
        yield
        return
    hog = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        yield
    finally:
        hog.kill()
        hog.wait()


def _server_state(database_url: str) -> tuple[int, list[str]]:
    """The server's change counter and published activities, read from its database."""
    from sqlalchemy import create_engine, text

    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            cursor = conn.execute(text("SELECT value FROM change_counter WHERE id = 1")).scalar()
            ids = list(conn.scalars(text("SELECT id FROM activities WHERE status = 'published'")))
    finally:
        engine.dispose()
    return int(cursor), ids


def _crowd_row(args: argparse.Namespace, crowd: dict) -> tuple[str, str, str, str, str]:
    return (
        f"{args.devices} devices × {args.cycles} cycles",
        f"p95 {_ms(crowd['p95'])} (push {_ms(crowd['push_p95'])}, pull {_ms(crowd['pull_p95'])}),"
        f" p50 {_ms(crowd['p50'])}, {len(crowd['errors'])} errors,"
        f" {crowd['requests']} requests in {crowd['seconds']:.1f} s"
        f" ({crowd['busy']} busy answers waited out{', CPU hog beside' if args.cpu_hog else ''})",
        "—",
        "0 errors",
        POUCHDB["devices"],
    )


def _report_errors(crowd: dict, work: Path) -> None:
    if crowd["errors"]:
        print("first errors:", crowd["errors"][:5])
    log = (work / "server.log").read_text(errors="replace")
    busy = len(re.findall(r"busy: .*answering 503", log))
    if busy:
        print(f"the server answered 503 (busy) {busy} times")
    if re.search(r"Traceback|internal_error", log):
        kept = RESULTS / "bench-sync-server.log"
        kept.write_text(log)
        print(f"the server log shows errors; kept in {kept}")


# --- the table ------------------------------------------------------------------------------


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def print_table(rows: list[tuple[str, str, str, str, str]]) -> None:
    headers = ("figure", "ours", "bare bulk copy (same run)", "goal", "PouchDB")
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(5)]
    line = "  ".join(f"{{:<{w}}}" for w in widths)
    print()
    print(line.format(*headers))
    print(line.format(*("-" * w for w in widths)))
    for row in rows:
        print(line.format(*row))


def _write_json(path: Path | None, figures: dict) -> None:
    if path is not None:
        path.write_text(json.dumps(figures, indent=1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--postgres", metavar="URL", help="run the server on this PostgreSQL")
    parser.add_argument("--workers", type=int, default=2, help="server processes (default 2)")
    parser.add_argument("--noop-runs", type=int, default=50)
    parser.add_argument("--ops", type=int, default=1000)
    parser.add_argument("--devices", type=int, default=200)
    parser.add_argument("--cycles", type=int, default=3, help="sync cycles per simulated device")
    parser.add_argument(
        "--crowd-only", action="store_true", help="only the concurrent devices (quicker)"
    )
    parser.add_argument(
        "--cpu-hog",
        action="store_true",
        help="a busy loop on one core beside the concurrent devices (a loaded machine)",
    )
    parser.add_argument(
        "--no-crowd", action="store_true", help="skip the concurrent devices (push/pull only)"
    )
    parser.add_argument(
        "--only",
        choices=["push", "pull"],
        help="push or pull: only that figure (after the initial sync it needs), --runs times",
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=1,
        help="with --crowd-only: the concurrent devices N times; with --only: that figure",
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this file (run.py)")
    args = parser.parse_args(argv)

    database = PostgresDatabase(args.postgres) if args.postgres else SqliteDatabase()
    work = Path(tempfile.mkdtemp(prefix="bench-sync-client-", dir=RESULTS))
    server, figures = None, {"backend": "postgresql" if args.postgres else "sqlite"}
    try:
        server, url = start_server(database.url, args.workers, work / "server.log")
        backend = "PostgreSQL" if args.postgres else "SQLite"
        print(f"server: {backend}, {args.workers} worker(s), {url}")

        if args.crowd_only:
            rows = []
            for _run in range(args.runs):
                # each run's devices start up to date, as the first's did: runs compare
                cursor, ids = _server_state(database.url)
                with _cpu_hog(args.cpu_hog):
                    crowd = concurrent_devices(url, args.devices, args.cycles, cursor, ids)
                rows.append(_crowd_row(args, crowd))
                _report_errors(crowd, work)
                figures.setdefault("crowds", []).append(crowd)
            print_table(rows)
            _write_json(args.json, figures)
            return 0
        initial = _child(INITIAL_SYNC, str(work / "a"), url, USERNAME, _password())
        replica = work / "a" / "workbench.sqlite"
        if args.only == "push":
            bare = _child(BARE_COPY, str(replica), str(args.ops))
            a = _device(work / "a", url)
            runs = push_only(a, server.pid, args.ops, args.runs)
            a.close()
            _print_runs(f"push {args.ops:,} operations", "push", runs, bare)
            _write_json(args.json, {**figures, "push_runs": runs, "bare_ops": bare})
            return 0
        if args.only == "pull":
            bare = _child(BARE_COPY, str(replica), str(args.ops))
            shutil.copytree(work / "a", work / "b")
            a, b = _device(work / "a", url), _device(work / "b", url)
            runs = pull_only(a, b, server.pid, args.ops, args.runs)
            a.close()
            b.close()
            _print_runs(f"pull ~{runs[0]['rows']:,} rows", "pull", runs, bare)
            _write_json(args.json, {**figures, "pull_runs": runs, "bare_ops": bare})
            return 0
        bare_all = _child(BARE_COPY, str(replica), "0")
        bare_1000 = _child(BARE_COPY, str(replica), str(args.ops))
        shutil.copytree(work / "a", work / "b")  # a second device, as synced as the first

        a = _device(work / "a", url)
        noop = noop_syncs(a, args.noop_runs)
        push_seconds, push_sync = push_ops(a, args.ops)
        a.wait_for_fold()  # a's log folded: on its own laptop, not beside b's pull
        b = _device(work / "b", url)
        pull_seconds, pulled = pull_changes(b)
        cursor, ids = b.pull_cursor(), list(_published(b))
        a.close()
        b.close()

        crowd = None
        if not args.no_crowd:
            with _cpu_hog(args.cpu_hog):
                crowd = concurrent_devices(url, args.devices, args.cycles, cursor, ids)

        rate = initial["rows"] / initial["seconds"]
        bare_rate = bare_all["rows"] / bare_all["seconds"]
        noop_p95 = sorted(noop)[int(len(noop) * 0.95)]
        rows = [
            (
                f"initial sync, {initial['rows']:,} rows",
                f"{rate:,.0f} rows/s ({initial['seconds']:.1f} s)",
                f"{bare_rate:,.0f} rows/s ({bare_all['seconds']:.1f} s)",
                "≥ 100,000 rows/s",
                POUCHDB["initial"],
            ),
            (
                "sync with nothing to do",
                f"median {_ms(statistics.median(noop))}, p95 {_ms(noop_p95)}",
                "n/a (no rows)",
                "≤ 5 ms",
                POUCHDB["noop"],
            ),
            (
                f"push {args.ops:,} operations",
                f"{push_seconds:.3f} s (whole sync {push_sync:.3f} s)",
                f"{bare_1000['seconds']:.3f} s",
                "≤ 0.2 s",
                POUCHDB["push"],
            ),
            (
                f"pull {pulled:,} changed rows",
                f"{pull_seconds:.3f} s",
                f"{bare_1000['seconds']:.3f} s",
                "≤ 0.2 s",
                POUCHDB["pull"],
            ),
            (
                "client peak RSS, initial sync",
                f"{initial['peak_mb']:.0f} MB (at start {initial['before_mb']:.0f} MB)",
                f"{bare_all['peak_mb']:.0f} MB",
                "≤ 300 MB",
                POUCHDB["memory"],
            ),
        ]
        if crowd is not None:
            rows.append(_crowd_row(args, crowd))
        print_table(rows)
        if crowd is not None:
            _report_errors(crowd, work)
        figures.update(initial=initial, bare_all=bare_all, bare_ops=bare_1000, noop=noop)
        figures.update(push=push_seconds, push_sync=push_sync, pull=pull_seconds, pulled=pulled)
        _write_json(args.json, {**figures, "crowds": [crowd] if crowd is not None else []})
    finally:
        if server is not None:
            server.terminate()
            server.wait(10)
        database.drop()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
