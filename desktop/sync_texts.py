"""User-facing texts of sync failures: the code an error of `sync.client` carries, translated."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from sync.client import messages


def tr_sync(text: str) -> str:
    return QCoreApplication.translate(messages.CONTEXT, text)


def sync_error_text(error: BaseException) -> str:
    """What to tell the user about `error` (a SyncError, AccountMismatch, CredentialsUnavailable)
    in their language; a server's message without a known code is shown as the server wrote it."""
    custom = getattr(error, "custom_message", None)
    code = getattr(error, "code", None)
    if not custom and code in messages.MESSAGES:
        return messages.render(code, getattr(error, "params", None), tr_sync)
    return custom or getattr(error, "user_message", "") or str(error)
