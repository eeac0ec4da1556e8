"""The workbench's own version and the release a server announces: both ends compare versions
here (PEP 440, through `packaging`), so "newer" means the same on the server and the device."""

from __future__ import annotations

from dataclasses import dataclass

from packaging.version import InvalidVersion, Version

DISTRIBUTION = "suqing-workbench"
UNKNOWN = "0"  # no package metadata (an unusual install): every announced release is newer


def current_version() -> str:
    """This installation's version, from the package's metadata (pyproject.toml's `version`)."""
    # Imported here: importlib.metadata (and the email package it loads) costs the workbench's
    # window ~0.05 s, and the window does not need the version to show.
    from importlib import metadata

    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return UNKNOWN


def parse(text: str) -> Version:
    """A PEP 440 version; ValueError with the text when it is none."""
    try:
        return Version(text.strip())
    except InvalidVersion:
        raise ValueError(f"{text!r} is not a version such as 1.2.0") from None


@dataclass(frozen=True)
class Release:
    """The newest workbench release, as the server's operator announces it."""

    version: str
    download_url: str = ""

    def is_newer_than(self, installed: str) -> bool:
        """True only when both versions read and this one is later; an unreadable announcement
        is no reason to bother the user."""
        try:
            return parse(self.version) > parse(installed)
        except ValueError:
            return False
