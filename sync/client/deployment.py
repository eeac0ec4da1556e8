"""Settings the province's IT presets for a deployment, and may lock: the server's address, a
proxy and the unit's CA bundle, local-data encryption, the sync interval, the language, and the
诉求 reply deadline with the year's holidays.
Shared by the desktop and `python -m sync.client`, and the one place where a `ClientConfig` gets
its network settings. `resources/deploy/deployment.example.ini` documents every key.

Two files are read, both optional:
  1. the application's: `deployment.ini` beside the executable (the checkout's root when not
     frozen), or the file named by SUQING_DEPLOYMENT_FILE instead;
  2. the machine's (system-wide, writable by administrators only): see `system_path()`.
Per setting, the machine's file wins over the application's; a lock in either file holds. A
setting that is locked takes the files' value (or the built-in default when they give none)
whatever the user's own settings file or the settings dialog say; one that is not locked is only
a preset the user may change. Privacy settings are locked as soon as a file sets them (unless the
file says `lock_<key> = no`), so IT's `encrypt_local_data = yes` stays a requirement.
"""

from __future__ import annotations

import configparser
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sync.client.errors import SyncError
from sync.core import paths

if TYPE_CHECKING:  # the HTTP client is imported when first needed, not before the window
    from sync.client.http import ClientConfig

log = logging.getLogger(__name__)

ENV = "SUQING_DEPLOYMENT_FILE"
# Tests (and a developer) point the machine-wide file elsewhere. Ignored in a frozen build, so
# the installed app always reads the administrators' file.
SYSTEM_ENV = "SUQING_SYSTEM_DEPLOYMENT_FILE"
FILE_NAME = "deployment.ini"
SYSTEM_FOLDER = "SuqingWorkbench"  # under %ProgramData% and /Library/Application Support


@dataclass(frozen=True)
class Key:
    """Where one setting lives in the file, and how it is read."""

    section: str
    option: str
    kind: type  # str, bool, int, or Path (a file, relative to the ini file's folder)
    privacy: bool = False  # locked by default once a file sets it


# Deployment field -> its place in the file. One definition: load(), locks and the docs follow it.
KEYS: dict[str, Key] = {
    "server_url": Key("server", "url", str),
    "proxy": Key("network", "proxy", str),
    "ca_bundle": Key("network", "ca_bundle", Path),
    "encrypt_local_data": Key("privacy", "encrypt_local_data", bool, privacy=True),
    "auto_sync_minutes": Key("sync", "auto_minutes", int),
    "language": Key("ui", "language", str),
    "reply_days": Key("requests", "reply_days", int),
    "holidays": Key("requests", "holidays", str),
    "working_weekends": Key("requests", "working_weekends", str),
}
# Older spellings of a lock, kept so existing files mean what they meant.
LOCK_ALIASES: dict[tuple[str, str], tuple[str, ...]] = {
    ("server", "lock_url"): ("server_url",),
    ("network", "lock"): ("proxy", "ca_bundle"),
}


@dataclass(frozen=True)
class Deployment:
    server_url: str = ""
    proxy: str = ""
    ca_bundle: str = ""  # an absolute path once loaded
    encrypt_local_data: bool | None = None  # None: encrypt wherever the OS has a keyring
    auto_sync_minutes: int | None = None
    language: str = ""
    reply_days: int | None = None  # 诉求: working days until a request is overdue
    holidays: str = ""  # dates as `sync.core.rules.parse_dates` reads them
    working_weekends: str = ""
    locked: frozenset[str] = frozenset()  # names of the fields above the user cannot change
    sources: tuple[Path, ...] = ()  # the files these came from, the application's first

    def is_locked(self, name: str) -> bool:
        return name in self.locked

    def value(self, name: str):
        """The deployment's value of a field; None where no file gives one."""
        value = getattr(self, name)
        return None if value in ("", None) else value

    def encryption_wanted(self, user_choice: bool | None = None) -> bool | None:
        """What the local data should be: True required, False plain, None wherever the OS has
        a keyring. The user's choice (settings dialog) counts unless the deployment locks it;
        it can turn encryption off or back to "wherever possible", never make it required."""
        if self.is_locked("encrypt_local_data") or user_choice is None:
            return self.encrypt_local_data
        return None if user_choice else False


class DeploymentError(SyncError):
    code = "deployment_invalid"


def default_path() -> Path:
    named = os.environ.get(ENV)
    return Path(named) if named else paths.app_folder() / FILE_NAME


def system_path() -> Path:
    """The machine-wide file: /etc/suqing-workbench/deployment.ini on Linux,
    %ProgramData%\\SuqingWorkbench\\deployment.ini on Windows,
    /Library/Application Support/SuqingWorkbench/deployment.ini on macOS."""
    named = os.environ.get(SYSTEM_ENV)
    if named and not paths.is_frozen():
        return Path(named)
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / SYSTEM_FOLDER / FILE_NAME
    if sys.platform == "darwin":
        return Path("/Library/Application Support") / SYSTEM_FOLDER / FILE_NAME
    return Path("/etc/suqing-workbench") / FILE_NAME


def _read(path: Path) -> tuple[dict[str, object], set[str]] | None:
    """One file's values and locks; None when it cannot be read (logged, never a crash at start:
    the user can still type an address)."""
    parser = configparser.ConfigParser(inline_comment_prefixes=(";", "#"))
    try:
        with path.open(encoding="utf-8-sig") as f:  # Notepad writes a BOM
            parser.read_file(f)
        values: dict[str, object] = {}
        locks: set[str] = set()
        for name, key in KEYS.items():
            if parser.has_option(key.section, key.option):
                raw = parser.get(key.section, key.option).strip()
                if key.kind is bool:
                    values[name] = parser.getboolean(key.section, key.option)
                elif key.kind is int:
                    values[name] = int(raw)
                elif key.kind is Path:
                    values[name] = (
                        str((path.parent / Path(raw).expanduser()).resolve()) if raw else ""
                    )
                else:
                    values[name] = raw.rstrip("/") if name == "server_url" else raw
            lock_option = f"lock_{key.option}"
            if parser.has_option(key.section, lock_option):
                if parser.getboolean(key.section, lock_option):
                    locks.add(name)
            elif key.privacy and name in values:
                locks.add(name)
        for (section, option), names in LOCK_ALIASES.items():
            if parser.has_option(section, option) and parser.getboolean(section, option):
                locks.update(names)
    except (OSError, UnicodeDecodeError, configparser.Error, ValueError) as error:
        log.error("deployment file %s ignored: %s", path, error)
        return None
    return values, locks


def load(path: Path | None = None, *, system: Path | None = None) -> Deployment:
    """The deployment's presets and locks from the application's file and the machine's; all
    empty when there is neither."""
    files = [path or default_path(), system or system_path()]
    values: dict[str, object] = {}
    locked: set[str] = set()
    sources: list[Path] = []
    for file in files:  # the machine's file last, so its values win
        if not file.is_file():
            if file == files[0] and os.environ.get(ENV) and path is None:
                log.warning("%s names %s, which does not exist", ENV, file)
            continue
        found = _read(file)
        if found is None:
            continue
        values.update(found[0])
        locked |= found[1]
        sources.append(file)
        log.debug("deployment settings from %s", file)
    return Deployment(**values, locked=frozenset(locked), sources=tuple(sources))  # type: ignore[arg-type]


def client_config(
    base_url: str,
    *,
    proxy: str | None = None,
    ca_bundle: str | None = None,
    deployment: Deployment | None = None,
) -> ClientConfig:
    """The ClientConfig for `base_url`: the user's proxy and CA bundle where given, else the
    deployment's; the deployment's alone where it locks them. A CA bundle that is not there is
    said in plain words before any request (requests would fail with an obscure OSError)."""
    deployment = deployment if deployment is not None else load()
    proxy = _effective(deployment, "proxy", proxy)
    ca_bundle = _effective(deployment, "ca_bundle", ca_bundle)
    if ca_bundle and not Path(ca_bundle).is_file():
        raise DeploymentError(
            f"CA bundle {ca_bundle} missing", code="ca_bundle_missing", params={"path": ca_bundle}
        )
    from sync.client.http import ClientConfig

    return ClientConfig(base_url=base_url, proxy=proxy or None, ca_bundle=ca_bundle or None)


def _effective(deployment: Deployment, name: str, user_value: str | None) -> str:
    if deployment.is_locked(name):
        return getattr(deployment, name)
    return (user_value or "").strip() or getattr(deployment, name)


def server_url(user_value: str = "", deployment: Deployment | None = None) -> str:
    """The address to offer: the deployment's when locked, else the user's, else the preset."""
    deployment = deployment if deployment is not None else load()
    if deployment.is_locked("server_url") and deployment.server_url:
        return deployment.server_url
    return user_value.strip() or deployment.server_url
