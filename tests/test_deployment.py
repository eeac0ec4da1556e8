"""Deployment presets (sync/deployment.py): server address, proxy and CA bundle, optionally
locked, reaching the login dialog, the settings dialog and the requests session."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop import settings as s
from sync.client import credentials, deployment, session
from sync.client.store import Store

LOCKED = """\ufeff[server]
url = https://suqing.js.example.gov.cn/
lock_url = yes

[network]
proxy = http://proxy.js.example.gov.cn:8080
ca_bundle = certs/unit-ca.pem   ; beside this file
lock = true
"""


def _write(folder: Path, text: str, *, ca: bool = True) -> Path:
    if ca:
        (folder / "certs").mkdir(exist_ok=True)
        (folder / "certs" / "unit-ca.pem").write_text("-----BEGIN CERTIFICATE-----\n")
    path = folder / "deployment.ini"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> deployment.Deployment:
    path = _write(tmp_path, LOCKED)
    monkeypatch.setenv(deployment.ENV, str(path))
    return deployment.load()


def _settings(tmp_path: Path) -> s.Settings:
    return s.Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def test_file_presets_address_proxy_and_ca_bundle(locked: deployment.Deployment, tmp_path: Path):
    assert locked.server_url == "https://suqing.js.example.gov.cn"
    assert locked.lock_server_url and locked.lock_network
    assert locked.proxy == "http://proxy.js.example.gov.cn:8080"
    assert locked.ca_bundle == str((tmp_path / "certs" / "unit-ca.pem").resolve())


def test_no_file_or_a_broken_one_presets_nothing(tmp_path: Path, caplog, monkeypatch):
    monkeypatch.delenv(deployment.ENV, raising=False)
    assert deployment.load(tmp_path / "absent.ini") == deployment.Deployment()
    broken = _write(tmp_path, "[server\nurl = x\n")
    with caplog.at_level(logging.ERROR):
        assert deployment.load(broken) == deployment.Deployment()
    assert "ignored" in caplog.text
    bad_bool = _write(tmp_path, "[server]\nurl = https://a\nlock_url = perhaps\n")
    assert deployment.load(bad_bool) == deployment.Deployment()


def test_locked_values_win_and_open_ones_fall_back_to_the_preset(
    locked: deployment.Deployment, tmp_path: Path
):
    mine = tmp_path / "mine.pem"
    mine.write_text("x")
    config = deployment.client_config("https://a", proxy="http://mine:1", ca_bundle=str(mine))
    assert (config.proxy, config.ca_bundle) == (locked.proxy, locked.ca_bundle)
    assert deployment.server_url("https://typed.example") == locked.server_url

    open_ = deployment.Deployment(proxy="http://preset:3128", server_url="https://preset")
    config = deployment.client_config("https://a", ca_bundle=str(mine), deployment=open_)
    assert (config.proxy, config.ca_bundle) == ("http://preset:3128", str(mine))
    config = deployment.client_config("https://a", proxy="http://mine:1", deployment=open_)
    assert (config.proxy, config.ca_bundle) == ("http://mine:1", None)
    assert deployment.server_url("https://typed", open_) == "https://typed"
    assert deployment.server_url("", open_) == "https://preset"


def test_a_missing_ca_bundle_is_said_in_plain_words(tmp_path: Path):
    with pytest.raises(deployment.DeploymentError) as error:
        deployment.client_config(
            "https://a", ca_bundle=str(tmp_path / "nope.pem"), deployment=deployment.Deployment()
        )
    assert "找不到 CA 证书文件" in error.value.user_message


def test_login_dialog_shows_the_locked_address_read_only(qtbot, locked, tmp_path: Path):
    from desktop.dialogs.login_dialog import LoginDialog

    store = Store(tmp_path / "w.sqlite")
    dialog = LoginDialog(store, server_url="https://old.example", username="jiangning")
    qtbot.addWidget(dialog)
    assert dialog.server_edit.text() == locked.server_url
    assert dialog.server_edit.isReadOnly()
    assert "部署配置" in dialog.server_edit.toolTip()
    store.close()


def test_login_dialog_offers_an_open_preset_for_editing(qtbot, tmp_path: Path, monkeypatch):
    from desktop.dialogs.login_dialog import LoginDialog

    monkeypatch.setenv(deployment.ENV, str(_write(tmp_path, "[server]\nurl = https://preset\n")))
    store = Store(tmp_path / "w.sqlite")
    dialog = LoginDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.server_edit.text() == "https://preset"
    assert not dialog.server_edit.isReadOnly()
    dialog2 = LoginDialog(store, server_url="https://mine.example")  # the user's own wins
    qtbot.addWidget(dialog2)
    assert dialog2.server_edit.text() == "https://mine.example"
    store.close()


def test_settings_dialog_saves_proxy_and_ca_bundle_unless_locked(
    qtbot, tmp_path: Path, monkeypatch
):
    from desktop.dialogs.settings_dialog import SettingsDialog

    monkeypatch.delenv(deployment.ENV, raising=False)
    settings = _settings(tmp_path)
    dialog = SettingsDialog(settings, preset=deployment.Deployment())
    qtbot.addWidget(dialog)
    assert dialog.proxy_edit.isEnabled() and dialog.ca_edit.isEnabled()
    assert dialog.locked_note.isHidden()
    dialog.proxy_edit.setText(" http://proxy.unit:8080 ")
    dialog.ca_edit.setText("/etc/unit/ca.pem")
    dialog.save()
    assert s.network_options(settings) == {
        "proxy": "http://proxy.unit:8080",
        "ca_bundle": "/etc/unit/ca.pem",
    }

    monkeypatch.setenv(deployment.ENV, str(_write(tmp_path, LOCKED)))
    locked_dialog = SettingsDialog(settings)
    qtbot.addWidget(locked_dialog)
    assert not locked_dialog.proxy_edit.isEnabled() and not locked_dialog.ca_edit.isEnabled()
    assert not locked_dialog.server_edit.isEnabled()
    assert locked_dialog.proxy_edit.text() == "http://proxy.js.example.gov.cn:8080"
    assert not locked_dialog.locked_note.isHidden()
    locked_dialog.save()  # what is locked is not written over the user's own values
    assert s.network_options(settings)["proxy"] == "http://proxy.unit:8080"
    assert settings.get(s.SERVER_URL) == ""


def _signed_in_store(tmp_path: Path) -> Store:
    """A profile with an account and its token, as `session.sign_in` leaves it."""
    store = Store(tmp_path / "w.sqlite")
    account = session.Account(server_url="https://suqing.test", username="u", org_id="o")
    store.set_meta(session.ACCOUNT_KEY, json.dumps(account.__dict__))
    credentials.save_token(account.server_url, account.username, "token-1")
    return store


def test_user_settings_reach_the_requests_session(tmp_path: Path, monkeypatch):
    monkeypatch.setenv(deployment.ENV, str(tmp_path / "no-deployment.ini"))
    ca = tmp_path / "unit-ca.pem"
    ca.write_text("-----BEGIN CERTIFICATE-----\n")
    settings = _settings(tmp_path)
    settings.set(s.PROXY, "http://proxy.unit:8080")
    settings.set(s.CA_BUNDLE, str(ca))
    store = _signed_in_store(tmp_path)
    # what SyncController's job does
    client = session.connect(store, **s.network_options(settings))
    try:
        assert client.session.verify == str(ca)
        assert client.session.proxies == {
            "http": "http://proxy.unit:8080",
            "https": "http://proxy.unit:8080",
        }
        assert client.token == "token-1"
    finally:
        client.close()
    store.close()


def test_deployment_lock_overrides_user_settings_in_the_session(locked, tmp_path: Path):
    settings = _settings(tmp_path)
    settings.set(s.PROXY, "http://mine:1")
    store = _signed_in_store(tmp_path)
    client = session.connect(store, **s.network_options(settings))
    try:
        assert client.session.verify == locked.ca_bundle
        assert client.session.proxies["https"] == locked.proxy
    finally:
        client.close()
    store.close()


def test_without_settings_the_system_defaults_stay(tmp_path: Path, monkeypatch):
    monkeypatch.setenv(deployment.ENV, str(tmp_path / "no-deployment.ini"))
    store = _signed_in_store(tmp_path)
    client = session.connect(store, **s.network_options(_settings(tmp_path)))
    try:
        assert client.session.verify is True and client.session.proxies == {}
    finally:
        client.close()
    store.close()
