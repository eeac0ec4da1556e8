"""Sign-in tokens in the OS keyring (Windows Credential Manager, macOS Keychain, Secret Service),
never in a file of ours."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

from sync.client import messages

SERVICE = "SuqingWorkbench"


class CredentialsUnavailable(Exception):
    """The OS has no usable keyring: the token cannot be kept."""

    code = "credentials_unavailable"
    user_message = messages.render(code)


@contextmanager
def _keyring() -> Iterator[Any]:
    """The keyring module, imported when first used (about a tenth of a second: a plain
    profile's start paints its first rows without it); its failures as CredentialsUnavailable."""
    import keyring
    from keyring.errors import KeyringError

    try:
        yield keyring
    except KeyringError as error:  # NoKeyringError included
        raise CredentialsUnavailable(str(error)) from error


def _key(server_url: str, username: str) -> str:
    return f"{server_url.rstrip('/')}|{username}"


def save_token(server_url: str, username: str, token: str) -> None:
    with _keyring() as keyring:
        keyring.set_password(SERVICE, _key(server_url, username), token)


def load_token(server_url: str, username: str) -> str | None:
    with _keyring() as keyring:
        return keyring.get_password(SERVICE, _key(server_url, username))


def delete_token(server_url: str, username: str) -> None:
    with _keyring() as keyring, suppress(keyring.errors.PasswordDeleteError):  # already gone
        keyring.delete_password(SERVICE, _key(server_url, username))


def save_secret(name: str, value: str) -> None:
    """Another secret of this workbench (e.g. the local database's key), under `name`."""
    with _keyring() as keyring:
        keyring.set_password(SERVICE, name, value)


def load_secret(name: str) -> str | None:
    with _keyring() as keyring:
        return keyring.get_password(SERVICE, name)
