"""The central server's settings, read once from the environment."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from platformdirs import user_data_dir

from sync.core import release
from sync.core.protocol import PULL_PAGE

APP_NAME = "SuqingServer"
DATABASE_FILE = "suqing-server.sqlite"
CHECKIN_KEY_FILE = "checkin-signing-key.pem"


CLOCK_ENV = "SUQING_CLOCK"
HASH_SLOTS = max(1, (os.cpu_count() or 2) // 2)  # default of `Settings.login_hash_slots`


class InputError(ValueError):
    """Input an operator gave that cannot be used; the message says why (the CLI exits 2)."""


class SettingsError(InputError):
    """An environment variable holds a value the server cannot use."""


def default_database_url() -> str:
    """An embedded SQLite file in the user's data folder: enough for a county or a demo."""
    return f"sqlite:///{Path(user_data_dir(APP_NAME, appauthor=False)) / DATABASE_FILE}"


def default_checkin_key_file() -> Path:
    """The 签到 signing key's file when SUQING_CHECKIN_KEY_FILE names none: in the data folder."""
    return Path(user_data_dir(APP_NAME, appauthor=False)) / CHECKIN_KEY_FILE


def _int(env: Mapping[str, str], name: str, default: int, *, minimum: int = 1) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name}={raw!r} is not a whole number") from None
    if value < minimum:
        raise SettingsError(f"{name} must be at least {minimum}, not {value}")
    return value


def parse_instant(name: str, raw: str) -> datetime:
    """An ISO 8601 instant with its offset, e.g. 2026-11-24T10:00:00+08:00."""
    try:
        value = datetime.fromisoformat(raw.strip())
    except ValueError:
        raise SettingsError(f"{name}={raw!r} is not an ISO 8601 date and time") from None
    if value.tzinfo is None:
        raise SettingsError(f"{name}={raw!r} needs a UTC offset, e.g. +08:00")
    return value


# --- the server's clock ---------------------------------------------------------------------------
# Every "now" the server takes comes from `now()`. In production it is the system clock. Demos and
# tests may start it at a given instant (SUQING_CLOCK / `serve --now`): it then runs on from there
# at the normal pace, so demo data seeded as of that instant (`seed-demo --now`) keeps its open
# registration windows whatever the real date, and token lifetimes still pass in real time.
_offset = timedelta(0)


def now() -> datetime:
    """The server's current time (UTC): the system clock, shifted when a start was set."""
    return datetime.now(UTC) + _offset


def start_clock_at(instant: datetime | None) -> None:
    """Make `now()` read `instant` at this moment and run on from it; None: the system clock."""
    global _offset
    _offset = timedelta(0) if instant is None else instant - datetime.now(UTC)


SMS_SENDERS = ("log", "http")


@dataclass(frozen=True, kw_only=True)
class YouthCodeSettings:
    """The one-time codes a youth gets by SMS before the public API gives them a token
    (`sync.server.youth_codes`, `sync.server.sms`)."""

    # "log": development only, the code goes to the server's log (and to `outbox`, a JSON-lines
    # file tests and the simulator read); "http": POSTed to an SMS gateway (`gateway_url`).
    sender: str = "log"
    outbox: Path | None = None
    gateway_url: str = ""
    gateway_key: str = ""  # sent as `Authorization: Bearer <key>`
    lifetime: timedelta = timedelta(minutes=5)
    max_attempts: int = 5  # wrong codes before a code is dead
    resend_interval: timedelta = timedelta(seconds=60)  # between two codes to one phone
    # Codes per hour: to one phone (bounds guessing and SMS flooding of a person), and from one
    # address (bounds enumerating phones; high, as a school's or a carrier's NAT is shared).
    per_phone: int = 5
    per_address: int = 100

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> YouthCodeSettings:
        sender = env.get("SUQING_SMS_SENDER", "").strip() or "log"
        if sender not in SMS_SENDERS:
            raise SettingsError(f"SUQING_SMS_SENDER must be one of {', '.join(SMS_SENDERS)}")
        outbox = env.get("SUQING_SMS_OUTBOX", "").strip()
        gateway_url = env.get("SUQING_SMS_GATEWAY_URL", "").strip()
        if sender == "http" and not gateway_url.startswith(("https://", "http://")):
            raise SettingsError("SUQING_SMS_SENDER=http needs SUQING_SMS_GATEWAY_URL (https://…)")
        return cls(
            sender=sender,
            outbox=Path(outbox) if outbox else None,
            gateway_url=gateway_url,
            gateway_key=env.get("SUQING_SMS_GATEWAY_KEY", "").strip(),
            lifetime=timedelta(seconds=_int(env, "SUQING_CODE_LIFETIME_SECONDS", 300)),
            max_attempts=_int(env, "SUQING_CODE_MAX_ATTEMPTS", 5),
            resend_interval=timedelta(
                seconds=_int(env, "SUQING_CODE_RESEND_SECONDS", 60, minimum=0)
            ),
            per_phone=_int(env, "SUQING_CODE_PHONE_LIMIT", 5),
            per_address=_int(env, "SUQING_CODE_ADDRESS_LIMIT", 100),
        )


def _client_release(env: Mapping[str, str]) -> release.Release | None:
    """SUQING_LATEST_CLIENT_VERSION (PEP 440, e.g. 1.2.0) and SUQING_CLIENT_DOWNLOAD_URL
    (http(s), ASCII: it travels in a response header)."""
    version = env.get("SUQING_LATEST_CLIENT_VERSION", "").strip()
    url = env.get("SUQING_CLIENT_DOWNLOAD_URL", "").strip()
    if not version:
        if url:
            raise SettingsError("SUQING_CLIENT_DOWNLOAD_URL needs SUQING_LATEST_CLIENT_VERSION")
        return None
    try:
        release.parse(version)
    except ValueError as error:
        raise SettingsError(f"SUQING_LATEST_CLIENT_VERSION: {error}") from None
    if url and (not url.startswith(("https://", "http://")) or not url.isascii()):
        raise SettingsError(
            "SUQING_CLIENT_DOWNLOAD_URL must be an http(s) address in ASCII "
            "(percent-encode other characters)"
        )
    return release.Release(version, url)


@dataclass(frozen=True, kw_only=True)
class Settings:
    """Everything an operator may tune; `from_env` reads the SUQING_* variables."""

    database_url: str
    token_lifetime: timedelta = timedelta(days=30)
    # Wrong passwords are counted per caller address, never per account: someone else's
    # guesses must not keep the right password out. The first `login_max_failures` within the
    # window are free; after each further one the address waits 1, 2, 4 ... s, at most
    # `login_max_delay`, before its next try (429 + Retry-After), right password or not.
    login_max_failures: int = 5
    login_failure_window: timedelta = timedelta(minutes=15)
    login_max_delay: timedelta = timedelta(seconds=60)
    # Sign-ins from one address whose passwords are still being checked, before they count as
    # failures: an office behind one NAT address signs in together at nine (the 200-device crowd
    # benchmark saw right passwords refused once six were in flight).
    login_concurrent_sign_ins: int = 20
    # Password hashes (argon2id: 64 MiB, ~0.1 s of a core each) computed at once by one
    # process, and sign-ins that may wait for one; more are answered 503 + Retry-After.
    # Half the cores: a flood of sign-ins leaves the rest to everything else (/healthz, sync).
    login_hash_slots: int = HASH_SLOTS
    login_hash_queue: int = 8
    page_size: int = PULL_PAGE  # rows per pull page when the client does not say
    max_page_size: int = 10_000  # the most a client may ask for in one page
    db_pool_size: int = 10  # connections per server process (PostgreSQL; SQLite as well)
    # Beyond the pool, under load. Pool + overflow = 40, the worker threads a server process
    # runs endpoints on (anyio's default), each holding one connection at a time: fewer, and
    # 200 busy devices made requests time out waiting for a connection (measured).
    db_max_overflow: int = 30
    # Tombstones older than this are deleted by `purge-tombstones`; a device offline for longer
    # downloads its data afresh (keeping its unsent work). Long enough for a month offline.
    tombstone_retention: timedelta = timedelta(days=90)
    # The largest request body taken; a longer one is refused with 413 as soon as its length is
    # known, before it is read. A push page (`protocol.PUSH_BATCH` operations) is well under it:
    # its biggest operations, a tag over `operations.MAX_IDS` ids or an activity with a
    # 2,000-character description, are at most about 12 kB of JSON each, so 500 of them 6 MB.
    max_request_bytes: int = 8 * 1024 * 1024
    # Personal data kept no longer than this (`sync.server.retention.apply_retention`): the
    # payloads of operations received earlier are redacted (their results stay, so a replay
    # still gets its answer), and so is the contact data of youths whose activities all ended
    # earlier; run at start, every `retention_interval`, and by `apply-retention`.
    personal_data_retention: timedelta = timedelta(days=365)
    retention_interval: timedelta = timedelta(hours=6)
    # Demos and tests only, never production: the instant the server's clock starts at.
    clock_start: datetime | None = None
    youth_codes: YouthCodeSettings = YouthCodeSettings()
    # The newest workbench release and where to get it, announced on every response
    # (`sync.server.client_release`); None: nothing announced.
    client_release: release.Release | None = None
    # Requests (诉求) one youth may submit in 24 hours: the public API refuses more (429).
    requests_per_day: int = 5
    # The Ed25519 key that signs 签到 codes (`sync.server.checkin_keys`), made on first start
    # when absent; every process of a deployment must share it.
    checkin_key_file: Path = field(default_factory=default_checkin_key_file)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Settings from `env` (default: os.environ); keyword overrides win, e.g. a
        `database_url` given on the command line."""
        env = os.environ if env is None else env
        values: dict[str, object] = {
            "database_url": env.get("SUQING_DATABASE_URL", "").strip() or default_database_url(),
            "token_lifetime": timedelta(
                seconds=_int(env, "SUQING_TOKEN_LIFETIME_SECONDS", 30 * 86_400)
            ),
            "login_max_failures": _int(env, "SUQING_LOGIN_MAX_FAILURES", 5),
            "login_failure_window": timedelta(
                seconds=_int(env, "SUQING_LOGIN_FAILURE_WINDOW_SECONDS", 15 * 60)
            ),
            "login_max_delay": timedelta(seconds=_int(env, "SUQING_LOGIN_MAX_DELAY_SECONDS", 60)),
            "login_concurrent_sign_ins": _int(
                env, "SUQING_LOGIN_CONCURRENT_SIGN_INS", 20, minimum=0
            ),
            "login_hash_slots": _int(env, "SUQING_LOGIN_HASH_SLOTS", HASH_SLOTS),
            "login_hash_queue": _int(env, "SUQING_LOGIN_HASH_QUEUE", 8, minimum=0),
            "page_size": _int(env, "SUQING_PAGE_SIZE", PULL_PAGE),
            "max_page_size": _int(env, "SUQING_MAX_PAGE_SIZE", 10_000),
            "db_pool_size": _int(env, "SUQING_DB_POOL_SIZE", 10),
            "db_max_overflow": _int(env, "SUQING_DB_MAX_OVERFLOW", 30, minimum=0),
            "tombstone_retention": timedelta(
                days=_int(env, "SUQING_TOMBSTONE_RETENTION_DAYS", 90, minimum=0)
            ),
            "max_request_bytes": _int(env, "SUQING_MAX_REQUEST_BYTES", 8 * 1024 * 1024),
            "personal_data_retention": timedelta(
                days=_int(env, "SUQING_PERSONAL_DATA_RETENTION_DAYS", 365)
            ),
            "retention_interval": timedelta(
                seconds=_int(env, "SUQING_RETENTION_INTERVAL_SECONDS", 6 * 3600)
            ),
            "clock_start": (
                parse_instant(CLOCK_ENV, env[CLOCK_ENV]) if env.get(CLOCK_ENV, "").strip() else None
            ),
            "youth_codes": YouthCodeSettings.from_env(env),
            "client_release": _client_release(env),
            "requests_per_day": _int(env, "SUQING_REQUESTS_PER_DAY", 5),
            "checkin_key_file": (
                Path(env["SUQING_CHECKIN_KEY_FILE"].strip())
                if env.get("SUQING_CHECKIN_KEY_FILE", "").strip()
                else default_checkin_key_file()
            ),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        settings = cls(**values)  # type: ignore[arg-type]
        if settings.page_size > settings.max_page_size:
            raise SettingsError("SUQING_PAGE_SIZE must not exceed SUQING_MAX_PAGE_SIZE")
        return settings
