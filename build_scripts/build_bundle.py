"""Build the workbench's one-folder bundle for this OS and an archive of it, in dist/.

    .venv/bin/python build_scripts/build_bundle.py [--self-test] [--no-archive]

1. makes the generated resources (region data, Leaflet from npm, compiled translations), as
   setup.sh does (a second time they take a second);
2. runs PyInstaller on build_scripts/bundle.spec: dist/suqing-workbench/ with the executable
   `suqing-workbench` (`.exe` on Windows) and everything it needs under `_internal/`;
3. checks the bundle holds what the app reads at run time (`REQUIRED`);
4. archives it: dist/suqing-workbench-<version>-<os>-<machine>.tar.gz (.zip on Windows);
5. with --self-test, runs the bundle's `--self-test` offscreen (networking cut where it can).

The spec imports its settings from here (`qt_excludes`, `resource_datas`, `keep_data`), so the
two never disagree. Installers (docs/installers.md) are made from the folder this builds.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
SPEC = ROOT / "build_scripts" / "bundle.spec"
NAME = "suqing-workbench"
DISTRIBUTION = "suqing-workbench"  # sync.core.release.DISTRIBUTION reads it back when frozen

# The Qt modules the workbench imports (a `--screenshot` run's sys.modules; QtDBus comes with
# Gui, PrintSupport with WebEngineWidgets); tests/test_bundle.py checks the code imports no
# other. Every other module PySide6 has is excluded: QtWebEngine's library links QtQml and
# QtQuick, so PyInstaller's hooks would also collect their Python modules, QML files and
# plugins (670 MB instead of 547 in STACK-NOTES); the shared libraries still come along, which
# is all QtWebEngine needs.
QT_USED = frozenset(
    {
        *("QtCore", "QtGui", "QtWidgets", "QtNetwork", "QtDBus", "QtPrintSupport", "QtCharts"),
        *("QtWebChannel", "QtWebEngineCore", "QtWebEngineWidgets"),
    }
)


def qt_excludes() -> list[str]:
    import PySide6

    return [f"PySide6.{module}" for module in PySide6.__all__ if module not in QT_USED]


# Never imported by the desktop (the server's packages, test tools, Tk): named so that an
# optional import somewhere in a dependency cannot drag them in.
PY_EXCLUDES = [
    "tkinter",
    "yaml",  # numpy.__config__ imports it only to print numpy's build settings
    "sync.server",
    "fastapi",
    "starlette",
    "uvicorn",
    "alembic",
    "psycopg",
    "psycopg2",
    "argon2",
    "pytest",
    "pytestqt",
    "schemathesis",
    "hypothesis",
    "IPython",
    "pandas",
    "matplotlib",
]

# Chromium's and Qt's own translations: ~60 MB for 90 languages; the workbench speaks Simplified
# Chinese and English, so only those are kept (file names such as qtbase_zh_CN.qm, zh-CN.pak).
KEPT_LANGUAGES = ("zh_CN", "zh-CN", "en", "en-US", "en-GB")

# What the app reads at run time, relative to the bundle's resource folder (`_internal` on
# Linux and Windows): a bundle without one of them must not be shipped.
REQUIRED = (
    "resources/generated/regions.json",
    "resources/generated/counties.geojson",
    "resources/generated/ATTRIBUTION.json",
    "resources/generated/web/leaflet/leaflet.js",
    "resources/generated/web/markercluster/leaflet.markercluster.js",
    "resources/translations/workbench_en.qm",
    "resources/icons/app.svg",
)


def app_version() -> str:
    """The version the bundle carries: pyproject.toml's, which must also be what the installed
    package's metadata (copied into the bundle) says, or the update notice would be wrong."""
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    installed = importlib.metadata.version(DISTRIBUTION)
    if installed != declared:
        sys.exit(
            f"pyproject.toml says {declared} but the installed package {installed}: "
            "run build_scripts/setup.sh first"
        )
    return declared


def resource_datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """PyInstaller `datas` (source, destination folder) for the app's resources; they land
    under `sys._MEIPASS/resources`, where `sync.core.paths` looks when frozen."""
    resources = root / "resources"
    return [
        (str(resources / "generated"), "resources/generated"),
        (str(resources / "icons"), "resources/icons"),
        *(
            (str(qm), "resources/translations")
            for qm in sorted((resources / "translations").glob("*.qm"))
        ),
    ]


# Chromium's developer tools (12 MB), which the workbench never opens, and Qt's PDF reader
# (4.5 MB, for the PDF image-format plugin): the workbench writes PDFs with QPdfWriter (QtGui)
# and never reads one.
DROPPED_FILES = ("qtwebengine_devtools_resources.pak", "libqpdf.so", "libQt6Pdf.so.6")


def keep_data(destination: str) -> bool:
    """Whether a file PyInstaller's hooks collected goes into the bundle: every file but those
    dropped above and Qt's and Chromium's translations into languages the workbench does not
    offer."""
    path = destination.replace("\\", "/")
    if path.rsplit("/", 1)[-1] in DROPPED_FILES:
        return False
    if "/translations/" not in path or "PySide6" not in path:
        return True
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return any(stem == lang or stem.endswith("_" + lang) for lang in KEPT_LANGUAGES)


def write_windows_version_file(path: Path, version: str) -> str:
    """The version resource Explorer shows in the .exe's properties (PyInstaller's text form of
    VSVersionInfo). Untested: written for Windows builds, never run there yet."""
    numbers = ([int(n) for n in version.split(".") if n.isdigit()] + [0, 0, 0, 0])[:4]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={tuple(numbers)}, prodvers={tuple(numbers)}),
  kids=[StringFileInfo([StringTable('080404b0', [
    StringStruct('CompanyName', '共青团江苏省委员会'),
    StringStruct('FileDescription', '苏青U+ 工作台'),
    StringStruct('FileVersion', '{version}'),
    StringStruct('ProductName', '苏青U+ 工作台'),
    StringStruct('ProductVersion', '{version}')])]),
    VarFileInfo([VarStruct('Translation', [2052, 1200])])]
)
""",
        encoding="utf-8",
    )
    return str(path)


def icon_file() -> Path | None:
    """Where the executable's icon for this OS goes: .ico on Windows, .icns on macOS (made
    from resources/icons/app.svg by `make_icon`); a Linux executable carries none."""
    suffix = {"win32": ".ico", "darwin": ".icns"}.get(sys.platform)
    return None if suffix is None else ROOT / "build" / "icons" / f"app{suffix}"


def make_icon(target: Path, size: int = 256) -> Path:
    """Render the SVG icon into `target` (.ico or .icns, by its suffix) with Qt's own image
    writers, so no icon tool is needed on the build machine."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QIcon

    _app = QGuiApplication.instance() or QGuiApplication([])  # QIcon renders through it
    image = QIcon(str(ROOT / "resources" / "icons" / "app.svg")).pixmap(size, size).toImage()
    target.parent.mkdir(parents=True, exist_ok=True)
    if image.isNull() or not image.save(str(target), target.suffix[1:].upper()):
        sys.exit(f"could not write the icon {target}")
    return target


def _os_tag() -> str:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    return f"{system}-{platform.machine().lower()}"


def bundle_dir() -> Path:
    return DIST / NAME


def executable() -> Path:
    if sys.platform == "darwin":
        return DIST / "SuqingWorkbench.app" / "Contents" / "MacOS" / NAME
    return bundle_dir() / (NAME + (".exe" if sys.platform == "win32" else ""))


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def _step(text: str) -> None:
    print(f"[bundle] {text}", flush=True)


def build_resources() -> None:
    """The generated resources the bundle carries (what setup.sh makes; quick when up to date)."""
    for script, *args in (("build_resources.py",), ("translations.py", "build")):
        subprocess.run([sys.executable, str(ROOT / "build_scripts" / script), *args], check=True)


def run_pyinstaller() -> None:
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(SPEC),
        "--noconfirm",
        "--clean",
        "--log-level=WARN",
        f"--distpath={DIST}",
        f"--workpath={WORK}",
    ]
    subprocess.run(command, check=True, cwd=ROOT)


def strip_debug_info(folder: Path) -> int:
    """Remove debug sections from the bundle's libraries that carry them (Linux; pyenv's
    libpython has 17 MB of them, sqlcipher3's SQLite 13 MB), so the archive stays under 200 MB.
    PyInstaller's own `strip` runs over every library and breaks numpy's vendored OpenBLAS
    (auditwheel-patched libraries in `*.libs/` must not be rewritten): those are left alone.
    Returns the bytes saved; 0 with a note where binutils is missing."""
    strip, readelf = shutil.which("strip"), shutil.which("readelf")
    if sys.platform != "linux" or not (strip and readelf):
        _step("debug info left in the libraries (needs Linux and binutils' strip, readelf)")
        return 0
    saved = 0
    for path in sorted(folder.rglob("*.so*")):
        if path.is_symlink() or not path.is_file() or path.parent.name.endswith(".libs"):
            continue
        sections = subprocess.run([readelf, "-S", "--wide", str(path)], capture_output=True)
        if b".debug_info" not in sections.stdout:
            continue
        before = path.stat().st_size
        subprocess.run([strip, "--strip-debug", str(path)], check=True)
        saved += before - path.stat().st_size
    return saved


def check_bundle() -> None:
    internal = bundle_dir() / "_internal"
    missing = [name for name in REQUIRED if not (internal / name).is_file()]
    # copy_metadata takes the checkout's .egg-info of an editable install, else a .dist-info
    if not list(internal.glob(DISTRIBUTION.replace("-", "_") + "*.*-info")):
        missing.append("the package metadata (suqing_workbench*.dist-info or .egg-info)")
    if not any(internal.rglob("QtWebEngineProcess*")):
        missing.append("QtWebEngineProcess")
    if missing:
        sys.exit("the bundle lacks: " + ", ".join(missing))


def archive(version: str) -> Path:
    """tar.gz of the folder (zip on Windows, where Explorer opens it), named with the version,
    the OS and the machine; its one top-level folder is `suqing-workbench/`."""
    stem = DIST / f"{NAME}-{version}-{_os_tag()}"
    source = bundle_dir()
    if sys.platform == "win32":
        target = stem.with_suffix(".zip")
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
            for file in sorted(source.rglob("*")):
                zf.write(file, Path(NAME) / file.relative_to(source))
        return target
    target = Path(f"{stem}.tar.gz")
    # Level 6, not tarfile's 9: a few MB larger, twice as fast on 550 MB of mostly libraries.
    with tarfile.open(target, "w:gz", compresslevel=6) as tf:
        tf.add(source, arcname=NAME)
    return target


def self_test_command(*, cut_network: bool) -> tuple[list[str], str]:
    """The bundle's self-test, under `unshare -n` (no network at all) where this machine
    allows it; else as is, with the reason printed."""
    command = [str(executable()), "--self-test"]
    if not cut_network:
        return command, "networking not cut (asked not to)"
    unshare = shutil.which("unshare")
    if sys.platform != "linux" or unshare is None:
        return command, "networking not cut: no `unshare` on this system"
    probe = subprocess.run([unshare, "-n", "true"], capture_output=True, text=True)
    if probe.returncode != 0:
        reason = probe.stderr.strip() or f"exit {probe.returncode}"
        return command, f"networking not cut: `unshare -n` refused ({reason}); needs root"
    return [unshare, "-n", *command], "networking cut (unshare -n)"


def run_self_test(*, cut_network: bool = True) -> int:
    command, note = self_test_command(cut_network=cut_network)
    _step(f"self-test of the bundle: {note}")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(command, env=env).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-archive", action="store_true", help="leave out the archive")
    parser.add_argument(
        "--self-test", action="store_true", help="run the bundle's --self-test once built"
    )
    args = parser.parse_args(argv)

    started = time.perf_counter()
    version = app_version()
    _step(f"{NAME} {version} for {_os_tag()}")
    build_resources()
    if (icon := icon_file()) is not None:
        make_icon(icon)
    run_pyinstaller()
    saved = strip_debug_info(bundle_dir())
    if saved:
        _step(f"stripped {saved / 1e6:.0f} MB of debug info")
    check_bundle()
    built = time.perf_counter()
    _step(
        f"built {bundle_dir().relative_to(ROOT)} in {built - started:.0f} s: "
        f"{folder_size(bundle_dir()) / 1e6:.0f} MB"
    )
    if not args.no_archive:
        target = archive(version)
        _step(
            f"archived {target.relative_to(ROOT)} in {time.perf_counter() - built:.0f} s: "
            f"{target.stat().st_size / 1e6:.0f} MB"
        )
    if args.self_test:
        return run_self_test()
    return 0


if __name__ == "__main__":
    sys.exit(main())
