"""Run every benchmark in benchmarks/ and print one table. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/run.py [--postgres URL] [--quick] [--skip NAME ...]

Each figure is printed with its goal and its ratio to the baselines measured in the same run:
the bare copy of the same rows (bench_sync.py) and a PouchDB peer (benchmarks/pouchdb_peer.js,
PouchDB replication to express-pouchdb on loopback). npm `pouchdb` and `express-pouchdb` are
installed at benchmark time into benchmark-results/pouchdb-peer/ (git-ignored, never committed).
Every script's own output is shown as it runs; the table comes last. "not met" where a goal is
not met. A ratio is our value ÷ the baseline's: for rows/s higher is better, for times lower.
--quick: fewer documents, devices and runs (a smoke run; its figures are not the goals').
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "benchmarks"
RESULTS = ROOT / "benchmark-results"
PEER = RESULTS / "pouchdb-peer"
# The versions the issue measured (PouchDB 9); pinned so runs compare.
NPM_PACKAGES = ["pouchdb@9.0.0", "express-pouchdb@4.2.0", "express@4.22.3"]


def run(name: str, *args: str, json_path: Path | None = None) -> dict | None:
    """Run one benchmark with its output shown; its figures from --json, or None if it failed."""
    command = [sys.executable, str(HERE / name), *args]
    if json_path is not None:
        json_path.unlink(missing_ok=True)
        command += ["--json", str(json_path)]
    print(f"\n=== {name} {' '.join(args)}", flush=True)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT)
    print(f"=== {name}: exit {done.returncode} after {time.perf_counter() - started:.0f} s")
    if done.returncode != 0 or (json_path is not None and not json_path.exists()):
        return None
    return {} if json_path is None else json.loads(json_path.read_text())


def pouchdb(args: argparse.Namespace) -> dict | None:
    modules = PEER / "node_modules"
    if not all((modules / p.rsplit("@", 1)[0] / "package.json").exists() for p in NPM_PACKAGES):
        PEER.mkdir(parents=True, exist_ok=True)
        (PEER / "package.json").write_text('{"private": true}\n')
        print(f"\n=== npm install {' '.join(NPM_PACKAGES)} into {PEER}", flush=True)
        npm = ["npm", "install", "--no-audit", "--no-fund", *NPM_PACKAGES]
        if subprocess.run(npm, cwd=PEER).returncode != 0:
            return None
    out = RESULTS / "pouchdb.json"
    out.unlink(missing_ok=True)
    command = ["node", str(HERE / "pouchdb_peer.js"), "--modules", str(PEER)]
    command += ["--work", str(RESULTS / "pouchdb-work"), "--json", str(out)]
    command += ["--docs", "10000", "--noop-runs", "20"] if args.quick else []
    print("\n=== pouchdb_peer.js", flush=True)
    if subprocess.run(command, cwd=ROOT).returncode != 0 or not out.exists():
        return None
    return json.loads(out.read_text())


# --- the table ------------------------------------------------------------------------------


def ratio(ours: float | None, base: float | None) -> str:
    if ours is None or not base:
        return "—"
    return f"{ours / base:.2f}×"


def verdict(ok: bool | None) -> str:
    return "missing" if ok is None else ("met" if ok else "not met")


def sync_rows(sync: dict | None, hog: dict | None, peer: dict | None, devices: int) -> list[tuple]:
    """(figure, value, goal, × bare copy, × PouchDB, verdict) rows of bench_sync's figures."""
    rows: list[tuple] = []
    p = peer or {}
    if sync and "initial" in sync:
        initial, bare = sync["initial"], sync["bare_all"]
        rate = initial["rows"] / initial["seconds"]
        bare_rate = bare["rows"] / bare["seconds"]
        pr = p.get("initial_rate")
        rows.append(
            (
                f"initial sync ({initial['rows']:,} rows; PouchDB {p.get('docs', 0):,} docs)",
                f"{rate:,.0f} rows/s",
                "≥ 30× PouchDB",
                ratio(rate, bare_rate),
                ratio(rate, pr),
                verdict(None if pr is None else rate >= 30 * pr),
            )
        )
        noop = statistics.median(sync["noop"])
        pn = p.get("noop_median")
        rows.append(
            (
                "sync with nothing to do (median)",
                f"{noop * 1000:.1f} ms",
                "≤ 0.5× PouchDB",
                "—",
                ratio(noop, pn),
                verdict(None if pn is None else noop <= 0.5 * pn),
            )
        )
        push, bare_ops, pp = sync["push"], sync["bare_ops"]["seconds"], p.get("push_seconds")
        rows.append(
            (
                "push 1,000 operations",
                f"{push:.3f} s",
                "≤ 0.25× PouchDB, ≤ 3× bare",
                ratio(push, bare_ops),
                ratio(push, pp),
                verdict(None if pp is None else push <= 0.25 * pp and push <= 3 * bare_ops),
            )
        )
        pull, pl = sync["pull"], p.get("pull_seconds")
        rows.append(
            (
                f"pull {sync['pulled']:,} changed rows",
                f"{pull:.3f} s",
                "≤ 0.25× PouchDB",
                ratio(pull, bare_ops),
                ratio(pull, pl),
                verdict(None if pl is None else pull <= 0.25 * pl),
            )
        )
        rss = initial["peak_mb"]
        rows.append(
            (
                "client peak RSS, initial sync",
                f"{rss:.0f} MB",
                "≤ 300 MB",
                ratio(rss, sync["bare_all"]["peak_mb"]),
                "—",
                verdict(rss <= 300),
            )
        )
    else:
        rows.append(("bench_sync.py", "failed or skipped", "", "", "", "missing"))
    for label, figures in (("", sync), (", CPU hog beside", hog)):
        crowd = (figures or {}).get("crowds", [None])[0]
        if crowd is None:
            missing = (f"{devices} devices × 3 cycles{label}", "failed or skipped", "", "", "")
            rows.append((*missing, "missing"))
            continue
        errors = len(crowd["errors"])
        rows.append(
            (
                f"{devices} devices × 3 cycles{label}",
                f"{errors} errors, p95 {crowd['p95']:.2f} s ({crowd['requests']} requests)",
                "0 errors, p95 ≤ 2 s",
                "—",
                "—",
                verdict(errors == 0 and crowd["p95"] <= 2),
            )
        )
    return rows


def import_rows(found: dict | None) -> list[tuple]:
    if not found:
        return [("bench_import.py", "failed or skipped", "", "", "", "missing")]
    key = "app" if "app_median" in found else "library"
    return [
        (
            f"import a {found['rows']:,}-row list, Ctrl+I to done ({key}, median)",
            f"{found[f'{key}_median']:.2f} s (CPU {found[f'{key}_cpu_median']:.2f} s)",
            "≤ 2 s",
            "—",
            "—",
            verdict(found[f"{key}_median"] <= 2),
        )
    ]


def other_rows(review: dict | None, flood: dict | None) -> list[tuple]:
    rows: list[tuple] = []
    if review:
        rows.append(
            (
                f"approve {review['count']:,} registrations (store, median)",
                f"{review['median']:.2f} s",
                "≤ 2 s",
                "—",
                "—",
                verdict(review["median"] <= 2),
            )
        )
    else:
        rows.append(("bench_review.py", "failed or skipped", "", "", "", "missing"))
    if flood:
        idle, during = flood["idle_p95"], flood["during_p95"]
        rows.append(
            (
                "/healthz p95 during a sign-in flood",
                f"{during * 1000:.0f} ms",
                "(no goal; × idle)",
                f"{during / idle:.1f}× idle" if idle else "—",
                "—",
                "—",
            )
        )
    else:
        rows.append(("bench_login_flood.py", "failed or skipped", "", "", "", "missing"))
    return rows


def foundation_rows(found: dict | None) -> list[tuple]:
    if not found:
        return [("bench_foundation.py", "failed or skipped", "", "", "", "missing")]
    start = found["start_up"]
    worst = max(q["p95_ms"] for q in found["queries"].values())
    return [
        (
            "start-up, workbench window",
            f"{start['workbench_window_s'] * 1000:.0f} ms",
            "≤ 2× bare PySide6",
            f"{start['ratio_window']:.2f}× bare",
            "—",
            verdict(start["ratio_window"] <= 2),
        ),
        (
            "start-up, workbench first rows",
            f"{start['workbench_data_s'] * 1000:.0f} ms",
            "≤ 3× bare PySide6",
            f"{start['ratio_data']:.2f}× bare",
            "—",
            verdict(start["ratio_data"] <= 3),
        ),
        (
            "start-up, the start page takes clicks",
            f"{start['workbench_page_s'] * 1000:.0f} ms",
            "(no goal; its own rows)",
            f"{start['ratio_page']:.2f}× bare",
            "—",
            "—",
        ),
        *frozen_rows(found.get("frozen_start_up")),
        (
            "filter and search, worst p95",
            f"{worst:.1f} ms",
            "≤ 50 ms",
            "—",
            "—",
            verdict(worst <= 50),
        ),
        (
            "workbench max RSS at start",
            f"{start['workbench_max_rss_mb']:.0f} MB",
            "≤ 300 MB",
            "—",
            "—",
            verdict(start["workbench_max_rss_mb"] <= 300),
        ),
    ]


def frozen_rows(frozen: dict | None) -> list[tuple]:
    if not frozen:
        return [("start-up, frozen bundle", "not measured (--frozen)", "", "", "", "missing")]
    return [
        (
            f"start-up, frozen bundle {what}",
            f"{frozen[key] * 1000:.0f} ms",
            f"≤ {goal}× bare PySide6",
            f"{frozen[ratio]:.2f}× bare",
            "—",
            verdict(frozen[ratio] <= goal),
        )
        for what, key, ratio, goal in (
            ("window", "frozen_window_s", "ratio_window", 2),
            ("first rows", "frozen_first_rows_s", "ratio_data", 3),
        )
    ]


def bundle_rows(bundle: dict | None) -> list[tuple]:
    if not bundle:
        return [("bench_bundle.py", "failed or skipped", "", "", "", "missing")]
    frozen = statistics.median(bundle["frozen_window_s"])
    return [
        ("installer bundle on disk", f"{bundle['bundle_mb']:.0f} MB", "(no goal)", "—", "—", "—"),
        (
            "installer bundle archive",
            f"{bundle['archive_mb']:.0f} MB",
            "≤ 200 MB",
            "—",
            "—",
            verdict(bundle["archive_mb"] <= 200),
        ),
        (
            "start-up, frozen bundle's window",
            f"{frozen * 1000:.0f} ms",
            "≤ 1.5× unfrozen",
            f"{bundle['ratio']:.2f}× unfrozen",
            "—",
            verdict(bundle["ratio"] <= 1.5),
        ),
    ]


def print_table(title: str, rows: list[tuple]) -> None:
    headers = ("figure", "value", "goal", "× bare copy", "× PouchDB", "goal met")
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(6)]
    line = "  ".join(f"{{:<{w}}}" for w in widths)
    print(f"\n{title}\n")
    print(line.format(*headers))
    print(line.format(*("-" * w for w in widths)))
    for row in rows:
        print(line.format(*row))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--postgres", metavar="URL", help="the sync server on this PostgreSQL")
    parser.add_argument("--quick", action="store_true", help="smaller runs (a smoke run)")
    parser.add_argument(
        "--skip", nargs="*", default=[], help="benchmarks to leave out, e.g. foundation review"
    )
    args = parser.parse_args()
    RESULTS.mkdir(exist_ok=True)
    db = ["--postgres", args.postgres] if args.postgres else []
    quick = ["--devices", "40", "--noop-runs", "20"] if args.quick else []
    skip = set(args.skip)

    def wanted(name: str) -> bool:
        return name not in skip

    peer = pouchdb(args) if wanted("pouchdb") else None
    sync = hog = None
    if wanted("sync"):
        sync = run("bench_sync.py", *db, *quick, json_path=RESULTS / "sync.json")
        hog = run(
            "bench_sync.py",
            *db,
            *quick,
            "--crowd-only",
            "--cpu-hog",
            json_path=RESULTS / "sync-hog.json",
        )
    review = flood = found = None
    if wanted("review"):
        count = ["--count", "2000", "--runs", "1"] if args.quick else []
        review = run("bench_review.py", *count, json_path=RESULTS / "review.json")
    if wanted("login_flood"):
        seconds = ["--seconds", "3"] if args.quick else []
        flood = run("bench_login_flood.py", *seconds, json_path=RESULTS / "login-flood.json")
    if wanted("foundation"):
        runs = ["--runs", "2", "--queries", "10"] if args.quick else []
        frozen = ["--frozen"] if wanted("bundle") else []  # builds the bundle when it is stale
        found = run("bench_foundation.py", *runs, *frozen, json_path=RESULTS / "foundation.json")
    bundle = None
    if wanted("bundle"):  # builds the bundle first when dist/ has none (a minute or two)
        runs = ["--runs", "2"] if args.quick else []
        bundle = run("bench_bundle.py", *runs, json_path=RESULTS / "bundle.json")
    imported = None
    if wanted("import"):
        runs = ["--runs", "1", "--rows", "1000"] if args.quick else []
        imported = run("bench_import.py", *runs, json_path=RESULTS / "import.json")
    if wanted("followers"):
        followers = run("bench_followers.py", *(["--runs", "1"] if args.quick else []))

    backend = "PostgreSQL" if args.postgres else "SQLite"
    rows = sync_rows(sync, hog, peer, 40 if args.quick else 200)
    rows += other_rows(review, flood) + import_rows(imported) + foundation_rows(found)
    if wanted("bundle"):
        rows += bundle_rows(bundle)
    if wanted("followers"):
        shown = "printed above" if followers is not None else "failed"
        rows.append(("bench_followers.py", shown, "(no goal)", "—", "—", "—"))
    note = " (quick run)" if args.quick else ""
    print_table(f"all benchmarks, sync server on {backend}{note}", rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
