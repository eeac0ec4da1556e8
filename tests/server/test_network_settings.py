"""The proxy set in 设置 carries the window's syncs: a small forwarding proxy on 127.0.0.1 sees
every request, and a proxy that is not there leaves the workbench offline, saying so."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests
from PySide6.QtCore import QSettings, Qt

from desktop import settings as s
from desktop.main_window import MainWindow
from desktop.sync_controller import SyncState
from sync.client import deployment, session
from sync.client.http import ClientConfig, ServerClient
from sync.client.store import DATABASE_NAME, Store
from sync.core import protocol
from tests.server.conftest import Server, demo_now
from tests.test_activities_page import activate

HOP_BY_HOP = {"connection", "proxy-connection", "keep-alive", "transfer-encoding", "host"}


class _Forwarder(BaseHTTPRequestHandler):
    """A plain-HTTP forwarding proxy: the request line carries the absolute URL."""

    seen: list[str]

    def _forward(self) -> None:
        self.seen.append(f"{self.command} {self.path}")
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
        upstream = requests.request(
            self.command,
            self.path,
            data=body,
            headers=headers,
            timeout=60,
            stream=True,
            proxies={"http": "", "https": ""},
        )
        content = upstream.raw.read()  # as sent: still compressed if it was
        self.send_response(upstream.status_code)
        for key, value in upstream.headers.items():
            if key.lower() not in HOP_BY_HOP | {"content-length"}:
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)

    do_GET = do_POST = _forward  # noqa: N815 - http.server names them so

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def proxy() -> Iterator[tuple[str, list[str]]]:
    seen: list[str] = []
    handler = type("Handler", (_Forwarder,), {"seen": seen})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", seen
    httpd.shutdown()
    httpd.server_close()


def _sync(qtbot, window: MainWindow) -> None:
    activate(qtbot, window)
    with qtbot.waitSignal(window.sync.state_changed, timeout=60_000) as _:
        qtbot.keyClick(window, Qt.Key.Key_F9)  # → SYNCING
    qtbot.waitUntil(lambda: window.sync.state is not SyncState.SYNCING, timeout=60_000)


def test_the_proxy_setting_carries_the_sync(
    qtbot, server: Server, proxy, tmp_path: Path, monkeypatch
):
    monkeypatch.setenv(deployment.ENV, str(tmp_path / "no-deployment.ini"))
    proxy_url, seen = proxy
    store = Store(tmp_path / DATABASE_NAME, clock=demo_now)
    account = server.accounts["jiangning"]
    session.sign_in(store, ClientConfig(base_url=server.base_url), "jiangning", account.password)
    settings = s.Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, log_dir=str(tmp_path), store=store)
    qtbot.addWidget(window)
    window.show()
    try:
        settings.set(s.PROXY, "http://127.0.0.1:9")  # nothing listens there
        _sync(qtbot, window)
        assert window.sync.state is SyncState.OFFLINE
        assert "连不上服务器" in window.connection_label.toolTip()
        assert store.count("activities") == 0

        # requests lets proxy variables of the environment override a session's proxies
        # (psf/requests#2018); the one the user set must win over them
        monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
        monkeypatch.setenv("http_proxy", "http://127.0.0.1:9")
        settings.set(s.PROXY, proxy_url)
        _sync(qtbot, window)
        assert window.sync.state is SyncState.ONLINE, window.sync.last_error
        assert store.count("activities") > 0
        assert any(line.startswith(f"GET {server.base_url}/api/v1/changes") for line in seen)
    finally:
        window.close()
        store.close()


def test_the_environments_proxy_carries_requests_when_none_is_set(
    server: Server, proxy, monkeypatch
):
    """The client reads HTTP_PROXY and NO_PROXY once, when it is made (not on every request):
    with no proxy set in 设置, the environment's is used, and NO_PROXY naming the server's host
    goes direct."""
    proxy_url, seen = proxy
    for name in ("HTTP_PROXY", "http_proxy"):
        monkeypatch.setenv(name, proxy_url)
    for name in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    client = ServerClient(ClientConfig(base_url=server.base_url))
    try:
        client.health()
    finally:
        client.close()
    assert seen == [f"GET {server.base_url}{protocol.HEALTH_PATH}"]

    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    client = ServerClient(ClientConfig(base_url=server.base_url))
    try:
        client.health()
    finally:
        client.close()
    assert len(seen) == 1  # direct
