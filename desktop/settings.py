"""Every user setting declared once: key, type, default and a translatable title (QSettings-backed).

A setting the deployment presets (`sync.client.deployment`) falls back to the preset; one it
locks reads as the deployment says whatever the user's settings file holds, and is never written.

Settings carry a version; `upgrade()` runs the steps that rename or convert old keys, so a user's
settings survive an upgrade of the workbench.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSettings

from sync.client import deployment
from sync.core.request_terms import DEFAULT_REPLY_DAYS, DEFAULT_REQUEST_CATEGORIES

if TYPE_CHECKING:  # the rules are imported once the window shows
    from sync.core.rules import WorkCalendar

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
    preset: str = ""  # the `sync.client.deployment.Deployment` field that presets or locks it

    def title_text(self) -> str:
        return _tr(self.title)


LANGUAGE = Setting(
    "ui/language", str, "zh_CN", QT_TRANSLATE_NOOP("settings", "界面语言"), "language"
)
SERVER_URL = Setting(
    "sync/server_url", str, "", QT_TRANSLATE_NOOP("settings", "服务器地址"), "server_url"
)
AUTO_SYNC_MINUTES = Setting(
    "sync/auto_minutes",
    int,
    5,
    QT_TRANSLATE_NOOP("settings", "自动同步间隔（分钟）"),
    "auto_sync_minutes",
)
PROXY = Setting("sync/proxy", str, "", QT_TRANSLATE_NOOP("settings", "代理服务器"), "proxy")
CA_BUNDLE = Setting(
    "sync/ca_bundle", str, "", QT_TRANSLATE_NOOP("settings", "单位 CA 证书文件"), "ca_bundle"
)
# Checked: encrypt wherever the OS has a keyring; unchecked: keep new profiles plain. Takes
# effect at the next start; a database encrypted before stays encrypted.
ENCRYPT_LOCAL_DATA = Setting(
    "privacy/encrypt_local_data",
    bool,
    True,
    QT_TRANSLATE_NOOP("settings", "加密本机数据"),
    "encrypt_local_data",
)
# 诉求: the categories offered (one per line; empty = the defaults of sync.core.rules), the
# working days a request may wait for its first reply, the holidays and worked weekends that
# change which days count (dates as `rules.parse_dates` reads them; IT usually presets the
# year's in deployment.ini), and the cadre's reply templates (a JSON list of texts; empty =
# the built-in ones of the reply dialog).
REQUEST_CATEGORIES = Setting(
    "requests/categories", str, "", QT_TRANSLATE_NOOP("settings", "诉求类别（每行一个）")
)
REQUEST_REPLY_DAYS = Setting(
    "requests/reply_days",
    int,
    DEFAULT_REPLY_DAYS,
    QT_TRANSLATE_NOOP("settings", "诉求答复时限（工作日）"),
    "reply_days",
)
REQUEST_HOLIDAYS = Setting(
    "requests/holidays",
    str,
    "",
    QT_TRANSLATE_NOOP("settings", "节假日（不算工作日）"),
    "holidays",
)
REQUEST_WORKING_WEEKENDS = Setting(
    "requests/working_weekends",
    str,
    "",
    QT_TRANSLATE_NOOP("settings", "调休上班的周末"),
    "working_weekends",
)
REPLY_TEMPLATES = Setting("requests/reply_templates", str, "", "")
# An online tile layer under the offline basemap, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png
# or 天地图 with its key; "" = offline only. AMap/Tencent tiles are GCJ-02 (desktop.map.page).
MAP_TILE_URL = Setting("map/tile_url", str, "", QT_TRANSLATE_NOOP("settings", "在线地图瓦片地址"))
MAIN_WINDOW_GEOMETRY = Setting("ui/main_window_geometry", bytes, b"", "")
LAST_PAGE = Setting("ui/last_page", int, 0, "")
# The announced workbench release the user said not to be told about again.
DISMISSED_RELEASE = Setting("ui/dismissed_release", str, "", "")

ALL: tuple[Setting, ...] = (
    LANGUAGE,
    SERVER_URL,
    AUTO_SYNC_MINUTES,
    PROXY,
    CA_BUNDLE,
    ENCRYPT_LOCAL_DATA,
    REQUEST_CATEGORIES,
    REQUEST_REPLY_DAYS,
    REQUEST_HOLIDAYS,
    REQUEST_WORKING_WEEKENDS,
    REPLY_TEMPLATES,
    MAP_TILE_URL,
    MAIN_WINDOW_GEOMETRY,
    LAST_PAGE,
    DISMISSED_RELEASE,
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

    def __init__(
        self,
        qsettings: QSettings | None = None,
        *,
        preset: deployment.Deployment | None = None,
    ):
        self._q = qsettings or QSettings()
        self.preset = preset if preset is not None else deployment.load()
        self.upgrade()

    def is_locked(self, setting: Setting) -> bool:
        """The deployment fixes this setting: the user's value neither counts nor is written."""
        return bool(setting.preset) and self.preset.is_locked(setting.preset)

    def get(self, setting: Setting) -> Any:
        if self.is_locked(setting) or not self._q.contains(setting.key):
            preset = self.preset.value(setting.preset) if setting.preset else None
            return setting.default if preset is None else setting.type(preset)
        return self._user_value(setting)

    def _user_value(self, setting: Setting) -> Any:
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
        if self.is_locked(setting):
            log.info("setting %s is locked by the deployment; not changed", setting.key)
            return
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


def request_categories(settings: Settings) -> list[str]:
    """The request categories offered, in order: the user's list, else the defaults."""
    lines = [line.strip() for line in settings.get(REQUEST_CATEGORIES).splitlines()]
    return [line for line in dict.fromkeys(lines) if line] or list(DEFAULT_REQUEST_CATEGORIES)


def work_calendar(settings: Settings) -> WorkCalendar:
    """The days that count toward the reply deadline; what is not a date is left out (the
    settings dialog names it before it is saved)."""
    from sync.core.rules import WorkCalendar, parse_dates

    holidays, _ = parse_dates(settings.get(REQUEST_HOLIDAYS))
    weekends, _ = parse_dates(settings.get(REQUEST_WORKING_WEEKENDS))
    return WorkCalendar(holidays=holidays, working_weekends=weekends)


def reply_templates(settings: Settings) -> list[str] | None:
    """The user's reply templates, or None when they never changed the built-in ones."""
    raw = settings.get(REPLY_TEMPLATES)
    try:
        found = json.loads(raw) if raw else None
    except ValueError:
        log.warning("unreadable reply templates setting; using the built-in ones")
        return None
    if not isinstance(found, list):
        return None
    return [t for t in found if isinstance(t, str) and t.strip()]


def set_reply_templates(settings: Settings, templates: list[str]) -> None:
    settings.set(REPLY_TEMPLATES, json.dumps(templates, ensure_ascii=False))
