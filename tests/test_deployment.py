"""Deployment presets (sync/client/deployment.py): server address, proxy, CA bundle, encryption,
sync interval and language, from the application's file and the machine's, optionally locked,
reaching the login dialog, the settings dialog, the user's settings and the requests session."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop import settings as s
from sync.client import credentials, deployment, local_data, session
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


def _settings(tmp_path: Path, preset: deployment.Deployment | None = None) -> s.Settings:
    q = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return s.Settings(q, preset=preset)


def test_file_presets_address_proxy_and_ca_bundle(locked: deployment.Deployment, tmp_path: Path):
    assert locked.server_url == "https://suqing.js.example.gov.cn"
    assert locked.locked == {"server_url", "proxy", "ca_bundle"}
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

    settings = _settings(tmp_path, deployment.Deployment())
    dialog = SettingsDialog(settings)
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
    settings = _settings(tmp_path)  # the same user file, now under a locking deployment
    locked_dialog = SettingsDialog(settings)
    qtbot.addWidget(locked_dialog)
    assert not locked_dialog.proxy_edit.isEnabled() and not locked_dialog.ca_edit.isEnabled()
    assert not locked_dialog.server_edit.isEnabled()
    assert "部署配置" in locked_dialog.proxy_edit.toolTip()
    assert locked_dialog.proxy_edit.text() == "http://proxy.js.example.gov.cn:8080"
    assert not locked_dialog.locked_note.isHidden()
    assert locked_dialog.sync_spin.isEnabled() and locked_dialog.encrypt_check.isEnabled()
    locked_dialog.save()  # what is locked is not written over the user's own values
    raw = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert raw.value(s.PROXY.key) == "http://proxy.unit:8080"
    assert not raw.contains(s.SERVER_URL.key)


SYSTEM = """[privacy]
encrypt_local_data = yes

[network]
proxy = http://machine-proxy:3128
lock_proxy = yes

[sync]
auto_minutes = 15
"""


@pytest.fixture
def two_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An application file (address, proxy, interval) and a machine-wide one over it."""
    app = tmp_path / "app"
    app.mkdir()
    _write(
        app,
        "[server]\nurl = https://app.example\n[network]\nproxy = http://app:1\n"
        "[sync]\nauto_minutes = 30\nlock_auto_minutes = yes\n",
    )
    system = tmp_path / "etc" / "deployment.ini"
    system.parent.mkdir()
    system.write_text(SYSTEM, encoding="utf-8")
    monkeypatch.setenv(deployment.ENV, str(app / "deployment.ini"))
    monkeypatch.setenv(deployment.SYSTEM_ENV, str(system))
    return system


def test_the_machine_file_wins_and_a_lock_in_either_holds(two_files: Path, tmp_path: Path):
    preset = deployment.load()
    assert preset.sources == (tmp_path / "app" / "deployment.ini", two_files)
    assert preset.server_url == "https://app.example"  # only the application's file sets it
    assert preset.proxy == "http://machine-proxy:3128"  # both set it: the machine's wins
    assert preset.auto_sync_minutes == 15  # the machine's value, under the application's lock
    # a privacy setting is locked as soon as a file sets it
    assert preset.locked == {"proxy", "auto_sync_minutes", "encrypt_local_data"}
    assert preset.encryption_wanted(user_choice=False) is True


def test_a_privacy_preset_can_be_left_open(tmp_path: Path):
    path = _write(tmp_path, "[privacy]\nencrypt_local_data = no\nlock_encrypt_local_data = no\n")
    preset = deployment.load(path)
    assert not preset.is_locked("encrypt_local_data")
    assert preset.encryption_wanted() is False  # no choice of the user's: the preset
    assert preset.encryption_wanted(user_choice=True) is None  # wherever a keyring is
    assert deployment.Deployment().encryption_wanted(user_choice=False) is False


def test_the_user_settings_file_cannot_undo_a_lock(two_files: Path, tmp_path: Path):
    q = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    for setting, value in (
        (s.PROXY, "http://mine:1"),
        (s.AUTO_SYNC_MINUTES, 1),
        (s.ENCRYPT_LOCAL_DATA, False),
        (s.SERVER_URL, "https://mine"),
    ):
        q.setValue(setting.key, value)  # as if the user edited the file by hand
    q.sync()
    settings = s.Settings(q)
    assert settings.get(s.PROXY) == "http://machine-proxy:3128"
    assert settings.get(s.AUTO_SYNC_MINUTES) == 15
    assert settings.get(s.ENCRYPT_LOCAL_DATA) is True
    assert settings.get(s.SERVER_URL) == "https://mine"  # not locked: the user's own
    settings.set(s.PROXY, "http://other:2")  # locked: not written
    assert q.value(s.PROXY.key) == "http://mine:1"
    assert settings.get(s.LANGUAGE) == "zh_CN"  # nothing preset: the built-in default


def test_a_locked_encryption_holds_against_the_user(two_files: Path, tmp_path: Path, monkeypatch):
    from tests.test_encrypted_store import _no_keyring

    settings = _settings(tmp_path)
    settings_file = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings_file.setValue(s.ENCRYPT_LOCAL_DATA.key, False)
    settings_file.sync()
    store = local_data.open_store(
        tmp_path / "p", settings.preset, user_choice=_settings(tmp_path).get(s.ENCRYPT_LOCAL_DATA)
    )
    assert store.encrypted
    store.close()
    _no_keyring(monkeypatch)
    with pytest.raises(local_data.EncryptionUnavailable):  # required, not "where possible"
        local_data.open_store(tmp_path / "q", settings.preset, user_choice=False)


def test_settings_dialog_greys_out_the_locked_privacy_setting(qtbot, two_files, tmp_path: Path):
    from desktop.dialogs.settings_dialog import SettingsDialog

    settings = _settings(tmp_path)
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.encrypt_check.isChecked() and not dialog.encrypt_check.isEnabled()
    assert str(two_files) in dialog.encrypt_check.toolTip()
    assert not dialog.sync_spin.isEnabled() and dialog.sync_spin.value() == 15
    assert dialog.server_edit.isEnabled() and dialog.server_edit.text() == "https://app.example"
    assert not dialog.locked_note.isHidden()
    dialog.encrypt_check.setChecked(False)  # even if a widget were reached somehow
    dialog.server_edit.setText("https://mine.example")
    dialog.save()
    assert settings.get(s.ENCRYPT_LOCAL_DATA) is True
    assert settings.get(s.SERVER_URL) == "https://mine.example"


def test_the_user_turns_encryption_off_when_nothing_locks_it(qtbot, tmp_path: Path):
    from desktop.dialogs.settings_dialog import SettingsDialog

    settings = _settings(tmp_path, deployment.Deployment())
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.encrypt_check.isEnabled() and dialog.encrypt_check.isChecked()
    dialog.encrypt_check.setChecked(False)
    dialog.save()
    store = local_data.open_store(
        tmp_path / "p", settings.preset, user_choice=settings.get(s.ENCRYPT_LOCAL_DATA)
    )
    assert not store.encrypted
    store.close()


def test_system_file_location(monkeypatch, tmp_path: Path):
    monkeypatch.setenv(deployment.SYSTEM_ENV, str(tmp_path / "x.ini"))
    assert deployment.system_path() == tmp_path / "x.ini"
    monkeypatch.setattr(deployment.sys, "frozen", True, raising=False)  # an installed build
    monkeypatch.setattr(deployment.sys, "platform", "linux")
    assert deployment.system_path() == Path("/etc/suqing-workbench/deployment.ini")
    monkeypatch.setattr(deployment.sys, "platform", "win32")
    monkeypatch.setenv("PROGRAMDATA", r"D:\ProgramData")
    assert (
        deployment.system_path() == Path(r"D:\ProgramData") / "SuqingWorkbench" / "deployment.ini"
    )
    monkeypatch.setattr(deployment.sys, "platform", "darwin")
    assert deployment.system_path() == Path(
        "/Library/Application Support/SuqingWorkbench/deployment.ini"
    )


def test_the_example_file_sets_and_locks_every_setting():
    from sync.core.paths import RESOURCES_DIR

    example = deployment.load(
        RESOURCES_DIR / "deploy" / "deployment.example.ini", system=Path("/nonexistent")
    )
    for name in deployment.KEYS:
        assert example.value(name) is not None, name
    assert example.locked == {"server_url", "proxy", "ca_bundle", "encrypt_local_data"}
    assert {setting.preset for setting in s.ALL if setting.preset} == set(deployment.KEYS)


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
    """No proxy or CA bundle set: the system's (the environment's, as requests reads it, once
    when the client is made), else none and the default certificate store."""
    monkeypatch.setenv(deployment.ENV, str(tmp_path / "no-deployment.ini"))
    for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    store = _signed_in_store(tmp_path)
    options = s.network_options(_settings(tmp_path))
    client = session.connect(store, **options)
    try:
        assert client.session.verify is True and client.session.proxies == {}
    finally:
        client.close()
    bundle = tmp_path / "system-ca.pem"
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(bundle))
    monkeypatch.setenv("HTTPS_PROXY", "http://system-proxy:3128")
    client = session.connect(store, **options)
    try:
        assert client.session.verify == str(bundle)
        assert client.session.proxies == {"https": "http://system-proxy:3128"}
    finally:
        client.close()
    store.close()
