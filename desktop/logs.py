"""Logging to a rotating file in the user's log folder (and to stderr when run from a terminal)."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(log_dir: Path, *, level: int = logging.INFO) -> Path:
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "workbench.log"
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_suqing", False):
            root.removeHandler(handler)
            handler.close()
    file_handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    file_handler.setFormatter(logging.Formatter(FORMAT))
    file_handler._suqing = True  # type: ignore[attr-defined]
    root.addHandler(file_handler)
    root.setLevel(level)
    return path
