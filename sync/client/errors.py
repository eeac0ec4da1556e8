"""The error every failed sync step raises (`sync.client.http` derives the particular ones):
here on its own so that what only names it (the deployment settings, read before the window
shows) need not import the HTTP client."""

from __future__ import annotations

from typing import Any

from sync.client import messages


class SyncError(Exception):
    """A sync step failed; `code` and `params` (see sync.client.messages) say why, which the
    desktop translates; `user_message` is the same in plain Chinese (for `python -m sync.client`).
    `custom_message`, when set, is a text that has no code (a server's own message) and is shown
    as it is."""

    code = "sync_failed"

    def __init__(
        self,
        detail: str = "",
        *,
        code: str | None = None,
        params: dict[str, Any] | None = None,
        user_message: str | None = None,
    ):
        if code:
            self.code = code
        self.params: dict[str, Any] = params or {}
        self.custom_message = user_message or None
        super().__init__(detail or self.user_message)

    @property
    def user_message(self) -> str:
        return self.custom_message or messages.render(self.code, self.params)
