"""Benchmark of the installer bundle (build_scripts/build_bundle.py). Prints figures; asserts
nothing.

    .venv/bin/python benchmarks/bench_bundle.py [--runs 5] [--build] [--json FILE]

- the bundle's size on disk and its archive's (goal: archive ≤ 200 MB);
- start → main window shown, the frozen bundle against `python -m desktop` from the checkout,
  alternating in the same run on the same small demo profile (goal: frozen ≤ 1.5× unfrozen).
  Both are timed the same way: from just before the process is started to the time stamp of
  the app's own log line "window shown" (desktop/app.py), offscreen; the process is then
  ended. The first run of each only warms the file cache and is not counted. The CPU time
  each had used by then is printed too: on a busy machine it moves less than wall time.

The bundle in dist/ is used as it is; --build (or no bundle yet) builds it first, and an
archive older than the bundle (or none) is made again.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "benchmark-results"
LOG_TIME = "%Y-%m-%d %H:%M:%S,%f"  # desktop.logs.FORMAT's asctime
TIMEOUT_S = 120

_spec = importlib.util.spec_from_file_location(
    "build_bundle", ROOT / "build_scripts" / "build_bundle.py"
)
build_bundle = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_bundle)


def demo_profile() -> Path:
    """A profile with the small demo database, made once and reused."""
    from sync.client.store import DATABASE_NAME, Store
    from sync.tools.demo import replica

    profile = RESULTS / "bundle-profile"
    if not (profile / DATABASE_NAME).exists():
        profile.mkdir(parents=True, exist_ok=True)
        store = Store(profile / DATABASE_NAME)
        replica.generate(store, "small")
        store.close()
    return profile


def cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) the process has used so far: less swayed by other work on the
    machine than wall time (Linux /proc; None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def time_to_lines(command: list[str], profile: Path, lines: tuple[str, ...]) -> dict[str, float]:
    """Seconds from starting `command --profile DIR` to each of the app's log lines `lines`
    (desktop.app's messages), and the CPU seconds used when the last was seen (`cpu`, if
    known). The app is then ended with SIGTERM, which it answers by closing as a cadre would
    (so it keeps its first screen for the next run, `desktop.first_screen`)."""
    log = profile / "logs" / "workbench.log"
    log.unlink(missing_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.time()
    process = subprocess.Popen(
        [*command, "--profile", str(profile)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    seen: dict[str, float] = {}
    try:
        while time.time() - started < TIMEOUT_S:
            for line in log.read_text("utf-8").splitlines() if log.exists() else []:
                message = line.rsplit("desktop.app: ", 1)[-1]
                if message in lines and message not in seen:
                    seen[message] = datetime.strptime(line[:23], LOG_TIME).timestamp() - started
            if len(seen) == len(lines):
                cpu = cpu_seconds(process.pid)
                return seen if cpu is None else {**seen, "cpu": cpu}
            if process.poll() is not None:
                raise RuntimeError(f"{command[0]} ended (exit {process.returncode}) first")
            time.sleep(0.005)
        raise RuntimeError(f"{command[0]}: not all of {lines} within {TIMEOUT_S} s")
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def time_to_window(command: list[str], profile: Path) -> tuple[float, float | None]:
    """Seconds from starting `command --profile DIR` to its "window shown" log line, and the
    CPU seconds it had used when the line was seen."""
    seen = time_to_lines(command, profile, ("window shown",))
    return seen["window shown"], seen.get("cpu")


def start_up(profile: Path, runs: int) -> dict:
    frozen_cmd = [str(build_bundle.executable())]
    source_cmd = [sys.executable, "-m", "desktop"]
    time_to_window(frozen_cmd, profile)  # warm the file cache for both
    time_to_window(source_cmd, profile)
    frozen, source = [], []
    for _ in range(runs):
        frozen.append(time_to_window(frozen_cmd, profile))
        source.append(time_to_window(source_cmd, profile))
    median = statistics.median
    figures = {
        "frozen_window_s": [wall for wall, _ in frozen],
        "unfrozen_window_s": [wall for wall, _ in source],
        "frozen_cpu_s": [cpu for _, cpu in frozen if cpu is not None],
        "unfrozen_cpu_s": [cpu for _, cpu in source if cpu is not None],
    }
    figures["ratio"] = median(figures["frozen_window_s"]) / median(figures["unfrozen_window_s"])
    if figures["frozen_cpu_s"] and figures["unfrozen_cpu_s"]:
        figures["cpu_ratio"] = median(figures["frozen_cpu_s"]) / median(figures["unfrozen_cpu_s"])
    return figures


def sizes(version: str) -> dict:
    built = build_bundle.executable().stat().st_mtime
    archives = [
        path
        for path in build_bundle.DIST.glob(f"{build_bundle.NAME}-{version}-*.*")
        if path.stat().st_mtime >= built  # of this build, not an older one
    ]
    archive = archives[0] if archives else build_bundle.archive(version)
    return {
        "bundle_mb": build_bundle.folder_size(build_bundle.bundle_dir()) / 1e6,
        "archive_mb": archive.stat().st_size / 1e6,
        "archive": archive.name,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--build", action="store_true", help="build the bundle first")
    parser.add_argument("--json", type=Path, help="write the figures here (run.py)")
    args = parser.parse_args()
    version = build_bundle.app_version()
    if (args.build or not build_bundle.executable().exists()) and build_bundle.main([]) != 0:
        sys.exit("the bundle did not build")
    size = sizes(version)
    start = start_up(demo_profile(), args.runs)

    print(f"\nbundle {build_bundle.bundle_dir().relative_to(ROOT)}  {size['bundle_mb']:8.0f} MB")
    print(f"archive {size['archive']}  {size['archive_mb']:.0f} MB   (goal ≤ 200 MB)")
    print(f"\nstart → window shown, {args.runs} runs each, offscreen (min / median)")
    for name, values in (
        ("frozen bundle", start["frozen_window_s"]),
        ("python -m desktop", start["unfrozen_window_s"]),
    ):
        print(f"  {name:18} {min(values) * 1000:6.0f} / {statistics.median(values) * 1000:6.0f} ms")
    print(f"  ratio of medians   {start['ratio']:.2f} ×   (goal ≤ 1.5×)")
    if "cpu_ratio" in start:
        print("CPU time (user + system) used up to the window (min / median)")
        for name, values in (
            ("frozen bundle", start["frozen_cpu_s"]),
            ("python -m desktop", start["unfrozen_cpu_s"]),
        ):
            print(
                f"  {name:18} {min(values) * 1000:6.0f} / "
                f"{statistics.median(values) * 1000:6.0f} ms"
            )
        print(f"  ratio of medians   {start['cpu_ratio']:.2f} ×")
    RESULTS.mkdir(exist_ok=True)
    out = args.json or RESULTS / "bundle.json"
    out.write_text(json.dumps({**size, **start}, indent=2))
    print(f"\nwritten to {out}")


if __name__ == "__main__":
    main()
