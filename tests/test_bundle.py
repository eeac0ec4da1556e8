"""The bundle's build settings (build_scripts/build_bundle.py) against the code: every Qt
module the code imports is kept, and only foreign translations are dropped. The build itself
runs in CI (.ci/run) and takes half a minute, too long for a test."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location(
    "build_bundle", ROOT / "build_scripts" / "build_bundle.py"
)
build_bundle = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_bundle)


def test_every_qt_module_the_code_imports_is_kept_in_the_bundle():
    imported = set()
    for source in [*ROOT.glob("desktop/**/*.py"), *ROOT.glob("sync/**/*.py")]:
        imported |= set(re.findall(r"PySide6\.(Qt\w+)", source.read_text("utf-8")))
    assert imported, "no Qt import found: the pattern is wrong"
    assert imported <= build_bundle.QT_USED
    excluded = {name.removeprefix("PySide6.") for name in build_bundle.qt_excludes()}
    assert not excluded & imported
    assert {"QtQml", "QtQuick", "QtPdf"} <= excluded  # the big ones QtWebEngine would drag in


def test_only_foreign_translations_and_unused_files_are_left_out():
    keep = build_bundle.keep_data
    base = "PySide6/Qt/translations/"
    assert keep(base + "qtbase_zh_CN.qm")
    assert keep(base + "qtwebengine_locales/zh-CN.pak")
    assert keep(base + "qtwebengine_locales/en-US.pak")
    assert not keep(base + "qtbase_de.qm")
    assert not keep(base + "qtwebengine_locales/fr.pak")
    assert keep("PySide6/Qt/resources/qtwebengine_resources.pak")
    assert keep("resources/translations/workbench_en.qm")
    assert not keep("PySide6/Qt/resources/qtwebengine_devtools_resources.pak")


def test_the_archive_holds_the_folder_under_its_name_with_the_version(tmp_path, monkeypatch):
    import tarfile

    monkeypatch.setattr(build_bundle, "DIST", tmp_path)
    folder = tmp_path / build_bundle.NAME / "_internal"
    folder.mkdir(parents=True)
    (folder / "x.txt").write_text("x")
    archive = build_bundle.archive("9.9.9")
    assert archive.name.startswith(f"{build_bundle.NAME}-9.9.9-linux-")
    assert archive.name.endswith(".tar.gz")
    with tarfile.open(archive) as tf:
        assert f"{build_bundle.NAME}/_internal/x.txt" in tf.getnames()


def test_windows_and_macos_icons_are_made_from_the_svg(qapp, tmp_path):
    ico = build_bundle.make_icon(tmp_path / "app.ico")
    assert ico.read_bytes()[:4] == b"\x00\x00\x01\x00"  # an ICO header, 1 = icon
    icns = build_bundle.make_icon(tmp_path / "app.icns")
    assert icns.read_bytes()[:4] == b"icns"
