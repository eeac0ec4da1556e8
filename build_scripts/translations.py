"""Qt translations: `update` refreshes the committed .ts sources from the code (lupdate);
`build` (the default) compiles them to .qm files (lrelease), which are generated, not committed.

Chinese is the source language; each .ts holds one other language (English for now).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("en",)
SOURCES = ["desktop", "sync/core/messages.py", "sync/client/messages.py"]


def _tool(name: str) -> str:
    """PySide6's wrapper scripts sit next to the interpreter in a virtual environment."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: install PySide6 (build_scripts/setup.sh)")
    return found


def update() -> None:
    files = _source_files()
    for language in LANGUAGES:
        ts = TS_DIR / f"workbench_{language}.ts"
        subprocess.run(
            [
                _tool("pyside6-lupdate"),
                "-no-obsolete",
                "-source-language",
                "zh_CN",
                "-target-language",
                language,
                *files,
                "-ts",
                str(ts),
            ],
            check=True,
        )


def _source_files() -> list[str]:
    files: list[str] = []
    for src in SOURCES:
        path = ROOT / src
        files += [str(p) for p in sorted(path.rglob("*.py"))] if path.is_dir() else [str(path)]
    return files


def build() -> None:
    for ts in sorted(TS_DIR.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        print(f"[translations] built {qm.relative_to(ROOT)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("action", nargs="?", choices=["build", "update"], default="build")
    args = parser.parse_args()
    update() if args.action == "update" else build()


if __name__ == "__main__":
    main()
