"""Where the app's bundled resources live: in a checkout and in a frozen (PyInstaller) app."""

from __future__ import annotations

import sys
from pathlib import Path

IS_FROZEN: bool = bool(getattr(sys, "frozen", False))

if IS_FROZEN:  # PyInstaller unpacks data files under sys._MEIPASS
    RESOURCES_DIR = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources"
else:
    RESOURCES_DIR = Path(__file__).resolve().parents[2] / "resources"

# Built at setup/build time from registry packages (build_scripts/build_resources.py);
# never committed.
GENERATED_DIR = RESOURCES_DIR / "generated"
