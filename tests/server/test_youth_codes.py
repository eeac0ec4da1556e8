"""The one-time codes' rules on a fixed clock (expiry, replacement, the hourly limit of a
phone), the SMS senders and their settings. (Against a real server:
tests/server/test_youth_codes_e2e.py.)"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest

from sync.server import youth_codes
from sync.server.config import Settings, SettingsError, YouthCodeSettings
from sync.server.db import Database
from sync.server.sms import HttpGatewaySender, LogSender, Outbox, SmsError
from tests.conftest import NOW
from tests.server.conftest import run_ok
from tests.server.test_youth_codes_e2e import running_gateway


class _Recorder:
    def __init__(self) -> None:
        self.sent: dict[str, str] = {}

    def send(self, phone: str, code: str, *, minutes: int) -> None:
        self.sent[phone] = code


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    run_ok("init-db", database_url=database_url)
    database = Database.connect(database_url, pool_size=1, max_overflow=1)
    yield database
    database.dispose()


def test_a_code_expires(db: Database):
    settings, sender = YouthCodeSettings(), _Recorder()
    youth_codes.send_code(db, settings, sender, "13900000001", "a", now=NOW)
    youth_codes.send_code(db, settings, sender, "13900000002", "a", now=NOW)
    in_time = NOW + settings.lifetime - timedelta(seconds=1)
    code = sender.sent["13900000001"]
    assert youth_codes.use_code(db, settings, "13900000001", code, now=in_time)
    with pytest.raises(youth_codes.CodeRefused) as late:
        youth_codes.use_code(
            db, settings, "13900000002", sender.sent["13900000002"], now=NOW + settings.lifetime
        )
    assert late.value.code == "code_invalid"


def test_a_new_code_replaces_the_one_before(db: Database):
    settings, sender = YouthCodeSettings(), _Recorder()
    phone = "13900000003"
    youth_codes.send_code(db, settings, sender, phone, "a", now=NOW)
    first = sender.sent[phone]
    later = NOW + settings.resend_interval
    youth_codes.send_code(db, settings, sender, phone, "a", now=later)
    if sender.sent[phone] != first:  # one chance in a million they are the same
        with pytest.raises(youth_codes.CodeRefused):
            youth_codes.use_code(db, settings, phone, first, now=later)
    assert youth_codes.use_code(db, settings, phone, sender.sent[phone], now=later)


def test_a_phone_gets_few_codes_an_hour(db: Database):
    settings, sender = YouthCodeSettings(), _Recorder()
    phone, at = "13900000004", NOW
    for i in range(settings.per_phone):
        at = NOW + i * settings.resend_interval
        youth_codes.send_code(db, settings, sender, phone, f"address-{i}", now=at)
    asked_at = at + timedelta(minutes=5)  # long after the resend interval, from elsewhere
    with pytest.raises(youth_codes.CodeRefused) as refused:
        youth_codes.send_code(db, settings, sender, phone, "other", now=asked_at)
    assert refused.value.status == 429
    # until the first of the hour's codes leaves the window
    assert refused.value.retry_after == (NOW + youth_codes.WINDOW - asked_at).total_seconds()
    youth_codes.send_code(db, settings, sender, phone, "other", now=NOW + youth_codes.WINDOW)


def test_a_failing_gateway_is_an_sms_error():
    with running_gateway() as (gateway_url, handler):
        sender = HttpGatewaySender(gateway_url, "")
        sender.send("13900000005", "123456", minutes=5)
        assert handler.received[0][0] == ""  # no key configured: no Authorization
        handler.status = 502
        with pytest.raises(SmsError):
            sender.send("13900000005", "123456", minutes=5)
    with pytest.raises(SmsError):
        HttpGatewaySender("http://127.0.0.1:9/none", "k").send("13900000005", "1", minutes=5)


def test_the_development_outbox_is_read_as_it_grows(tmp_path):
    path = tmp_path / "outbox.jsonl"
    sender, outbox = LogSender(path), Outbox(path)
    assert outbox.code_for("13900000006") is None
    sender.send("13900000006", "111111", minutes=5)
    assert outbox.code_for("13900000006") == "111111"
    sender.send("13900000007", "222222", minutes=5)
    sender.send("13900000006", "333333", minutes=5)
    assert outbox.code_for("13900000006") == "333333"
    assert outbox.code_for("13900000007") == "222222"


def test_sms_settings_are_checked():
    base = {"SUQING_DATABASE_URL": "sqlite:////tmp/x.sqlite"}
    assert Settings.from_env(base).youth_codes.sender == "log"
    for wrong in (
        {"SUQING_SMS_SENDER": "pigeon"},
        {"SUQING_SMS_SENDER": "http"},  # no gateway
        {"SUQING_SMS_SENDER": "http", "SUQING_SMS_GATEWAY_URL": "ftp://x"},
        {"SUQING_CODE_MAX_ATTEMPTS": "0"},
    ):
        with pytest.raises(SettingsError):
            Settings.from_env({**base, **wrong})
    codes = Settings.from_env(
        {
            **base,
            "SUQING_SMS_SENDER": "http",
            "SUQING_SMS_GATEWAY_URL": "https://sms.example/send",
            "SUQING_SMS_GATEWAY_KEY": "k",
            "SUQING_CODE_ADDRESS_LIMIT": "500",
        }
    ).youth_codes
    assert (codes.gateway_url, codes.gateway_key, codes.per_address) == (
        "https://sms.example/send",
        "k",
        500,
    )
