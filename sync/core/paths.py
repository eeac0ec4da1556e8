"""Where the app's files live, in a checkout and in a frozen (PyInstaller) bundle: the one
place that tells the two apart."""

from __future__ import annotations

import sys
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parents[2]


def is_frozen() -> bool:
    """Running from a PyInstaller bundle (which sets `sys.frozen`), not from a checkout."""
    return bool(getattr(sys, "frozen", False))


def app_folder() -> Path:
    """The installed workbench's own folder, where IT puts `deployment.ini`: beside the
    executable of a frozen bundle, else the checkout's root."""
    return Path(sys.executable).resolve().parent if is_frozen() else _CHECKOUT


def bundled_folder() -> Path:
    """What the bundle carries for the code to read: PyInstaller's `sys._MEIPASS` (the
    `_internal` folder beside the executable), else the checkout's root."""
    return Path(getattr(sys, "_MEIPASS", app_folder())) if is_frozen() else _CHECKOUT


DATABASE_NAME = "workbench.sqlite"  # the local data, in each profile folder

RESOURCES_DIR = bundled_folder() / "resources"
# Built at setup/build time from registry packages (build_scripts/build_resources.py);
# never committed.
GENERATED_DIR = RESOURCES_DIR / "generated"
