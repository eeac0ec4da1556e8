"""Every user-facing string in the code has an English translation in the committed .ts file."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "build_scripts"))

import translations  # noqa: E402  (build_scripts/translations.py)


def test_every_source_string_is_translated(tmp_path: Path):
    ts = tmp_path / "workbench_en.ts"
    shutil.copy(translations.TS_DIR / "workbench_en.ts", ts)
    # The same extraction as `translations.py update`, into a copy: new strings show up
    # as unfinished, removed ones as obsolete.
    subprocess.run(
        [
            translations._tool("pyside6-lupdate"),
            "-source-language",
            "zh_CN",
            "-target-language",
            "en",
            *translations._source_files(),
            "-ts",
            str(ts),
        ],
        check=True,
        capture_output=True,
    )
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if (
                translation.get("type") in ("unfinished", "obsolete", "vanished")
                or not (translation.text or "").strip()
            ):
                missing.append((context.findtext("name"), message.findtext("source")))
    assert missing == [], "run build_scripts/translations.py update and translate these"
