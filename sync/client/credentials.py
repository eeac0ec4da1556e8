"""Sign-in tokens in the OS keyring (Windows Credential Manager, macOS Keychain, Secret Service),
never in a file of ours."""

from __future__ import annotations

import contextlib
import threading

import keyring
from keyring.errors import KeyringError, NoKeyringError

from sync.client import messages

SERVICE = "SuqingWorkbench"

_finding: threading.Thread | None = None


def find_keyring_in_background() -> None:
    """Let keyring choose its backend on another thread while the data layer imports (desktop
    start). Its choice imports every backend it knows and, on Linux, the macOS one runs
    `ctypes.util.find_library` (gcc and ld subprocesses): 40-250 ms that the database's key
    lookup would otherwise wait for. The choice is keyring's own (`keyring.get_keyring()`), so
    the key is looked up where it always is; every use below waits for it first."""
    global _finding
    if _finding is None:
        _finding = threading.Thread(target=_find_keyring, name="keyring", daemon=True)
        _finding.start()


def _find_keyring() -> None:
    # A failure here comes again on the UI thread's own lookup, where it is handled.
    with contextlib.suppress(Exception):
        keyring.get_keyring()


def _keyring():
    """keyring, once its backend is chosen (by the thread, if one was started)."""
    if _finding is not None:
        _finding.join()
    return keyring


class CredentialsUnavailable(Exception):
    """The OS has no usable keyring: the token cannot be kept."""

    code = "credentials_unavailable"
    user_message = messages.render(code)


def _key(server_url: str, username: str) -> str:
    return f"{server_url.rstrip('/')}|{username}"


def save_token(server_url: str, username: str, token: str) -> None:
    try:
        _keyring().set_password(SERVICE, _key(server_url, username), token)
    except (NoKeyringError, KeyringError) as error:
        raise CredentialsUnavailable(str(error)) from error


def load_token(server_url: str, username: str) -> str | None:
    try:
        return _keyring().get_password(SERVICE, _key(server_url, username))
    except (NoKeyringError, KeyringError) as error:
        raise CredentialsUnavailable(str(error)) from error


def delete_token(server_url: str, username: str) -> None:
    try:
        _keyring().delete_password(SERVICE, _key(server_url, username))
    except keyring.errors.PasswordDeleteError:
        pass  # already gone
    except (NoKeyringError, KeyringError) as error:
        raise CredentialsUnavailable(str(error)) from error


def save_secret(name: str, value: str) -> None:
    """Another secret of this workbench (e.g. the local database's key), under `name`."""
    try:
        _keyring().set_password(SERVICE, name, value)
    except (NoKeyringError, KeyringError) as error:
        raise CredentialsUnavailable(str(error)) from error


def load_secret(name: str) -> str | None:
    try:
        return _keyring().get_password(SERVICE, name)
    except (NoKeyringError, KeyringError) as error:
        raise CredentialsUnavailable(str(error)) from error
