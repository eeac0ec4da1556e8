"""Every user setting declared once: key, type, default and a translatable title (QSettings-backed).

Settings carry a version; `upgrade()` runs the steps that rename or convert old keys, so a user's
settings survive an upgrade of the workbench.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("settings", text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    title: str  # source text; show it through `title_text()`

    def title_text(self) -> str:
        return _tr(self.title)


LANGUAGE = Setting("ui/language", str, "zh_CN", QT_TRANSLATE_NOOP("settings", "界面语言"))
SERVER_URL = Setting("sync/server_url", str, "", QT_TRANSLATE_NOOP("settings", "服务器地址"))
AUTO_SYNC_MINUTES = Setting(
    "sync/auto_minutes", int, 5, QT_TRANSLATE_NOOP("settings", "自动同步间隔（分钟）")
)
PROXY = Setting("sync/proxy", str, "", QT_TRANSLATE_NOOP("settings", "代理服务器"))
CA_BUNDLE = Setting("sync/ca_bundle", str, "", QT_TRANSLATE_NOOP("settings", "单位 CA 证书文件"))
# An online tile layer under the offline basemap, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png
# or 天地图 with its key; "" = offline only. AMap/Tencent tiles are GCJ-02 (desktop.map.page).
MAP_TILE_URL = Setting("map/tile_url", str, "", QT_TRANSLATE_NOOP("settings", "在线地图瓦片地址"))
MAIN_WINDOW_GEOMETRY = Setting("ui/main_window_geometry", bytes, b"", "")
LAST_PAGE = Setting("ui/last_page", int, 0, "")

ALL: tuple[Setting, ...] = (
    LANGUAGE,
    SERVER_URL,
    AUTO_SYNC_MINUTES,
    PROXY,
    CA_BUNDLE,
    MAP_TILE_URL,
    MAIN_WINDOW_GEOMETRY,
    LAST_PAGE,
)

LANGUAGES: dict[str, str] = {"zh_CN": "简体中文", "en": "English"}

SETTINGS_VERSION = 2
_VERSION_KEY = "settings_version"


def _upgrade_steps() -> dict[int, Any]:
    """Version → function(QSettings) bringing settings from version-1 to version."""
    return {2: _drop_show_full_phone}


def _drop_show_full_phone(q: QSettings) -> None:
    """Version 1 had "show full phone numbers": a switch that skipped both the permission and
    the log. Full numbers are now shown one youth at a time by 显示完整信息 (permission, logged)."""
    q.remove("privacy/show_full_phone")


class Settings:
    """Typed access to QSettings; one instance per application."""

    def __init__(self, qsettings: QSettings | None = None):
        self._q = qsettings or QSettings()
        self.upgrade()

    def get(self, setting: Setting) -> Any:
        value = self._q.value(setting.key, setting.default)
        if value is None:
            return setting.default
        try:
            if setting.type is bool and isinstance(value, str):
                return value.lower() in ("1", "true", "yes")
            if setting.type is bytes:
                return bytes(value)
            return setting.type(value)
        except (TypeError, ValueError):
            log.warning("setting %s has an unreadable value %r; using default", setting.key, value)
            return setting.default

    def set(self, setting: Setting, value: Any) -> None:
        self._q.setValue(setting.key, value)

    def sync(self) -> None:
        self._q.sync()

    def upgrade(self) -> None:
        version = int(self._q.value(_VERSION_KEY, 0) or 0)
        for target, step in sorted(_upgrade_steps().items()):
            if version < target:
                step(self._q)
                log.info("settings upgraded to version %d", target)
        if version != SETTINGS_VERSION:
            self._q.setValue(_VERSION_KEY, SETTINGS_VERSION)


def network_options(settings: Settings) -> dict[str, str]:
    """The user's proxy and CA bundle, as `sync.client.session.connect` and
    `sync.client.deployment.client_config` take them (the deployment decides whether they count)."""
    return {"proxy": settings.get(PROXY), "ca_bundle": settings.get(CA_BUNDLE)}
