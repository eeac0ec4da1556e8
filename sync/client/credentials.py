"""Sign-in tokens in the OS keyring (Windows Credential Manager, macOS Keychain, Secret Service),
never in a file of ours."""

from __future__ import annotations

import keyring
from keyring.errors import KeyringError, NoKeyringError

from sync.client import messages

SERVICE = "SuqingWorkbench"


class CredentialsUnavailable(Exception):
    """The OS has no usable keyring: the token cannot be kept."""

    code = "credentials_unavailable"
    user_message = messages.render(code)


def _key(server_url: str, username: str) -> str:
    return f"{server_url.rstrip('/')}|{username}"


def save_token(server_url: str, username: str, token: str) -> None:
    try:
        keyring.set_password(SERVICE, _key(server_url, username), token)
    except (NoKeyringError, KeyringError) as error:
        raise CredentialsUnavailable(str(error)) from error


def load_token(server_url: str, username: str) -> str | None:
    try:
        return keyring.get_password(SERVICE, _key(server_url, username))
    except (NoKeyringError, KeyringError) as error:
        raise CredentialsUnavailable(str(error)) from error


def delete_token(server_url: str, username: str) -> None:
    try:
        keyring.delete_password(SERVICE, _key(server_url, username))
    except keyring.errors.PasswordDeleteError:
        pass  # already gone
    except (NoKeyringError, KeyringError) as error:
        raise CredentialsUnavailable(str(error)) from error


def save_secret(name: str, value: str) -> None:
    """Another secret of this workbench (e.g. the local database's key), under `name`."""
    try:
        keyring.set_password(SERVICE, name, value)
    except (NoKeyringError, KeyringError) as error:
        raise CredentialsUnavailable(str(error)) from error


def load_secret(name: str) -> str | None:
    try:
        return keyring.get_password(SERVICE, name)
    except (NoKeyringError, KeyringError) as error:
        raise CredentialsUnavailable(str(error)) from error
