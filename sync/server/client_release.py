"""Announce the newest workbench release on every response (`protocol.RELEASE_*_HEADER`), so a
device hears of it in the course of any sync or sign-in, without asking for it."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync.core import protocol
from sync.core.release import Release


class AnnounceRelease:
    """ASGI middleware adding the release headers to each HTTP response."""

    def __init__(self, app: ASGIApp, release: Release) -> None:
        self.app = app
        self.headers = [
            (protocol.RELEASE_VERSION_HEADER.lower().encode(), release.version.encode())
        ]
        if release.download_url:
            self.headers.append(
                (protocol.RELEASE_URL_HEADER.lower().encode(), release.download_url.encode())
            )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def announce(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *self.headers]
            await send(message)

        await self.app(scope, receive, announce)
