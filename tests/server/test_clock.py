"""The server's clock setting for demos and tests: SUQING_CLOCK starts it at an instant."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from sync.server import config
from sync.server.config import Settings, SettingsError


def test_the_clock_setting_starts_the_servers_time_at_an_instant():
    start = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
    settings = Settings.from_env({"SUQING_CLOCK": start.isoformat()})
    assert settings.clock_start == start
    try:
        config.start_clock_at(settings.clock_start)
        assert timedelta(0) <= config.now() - start < timedelta(seconds=5)  # and runs on
    finally:
        config.start_clock_at(None)
    assert abs(config.now() - datetime.now(UTC)) < timedelta(seconds=5)


def test_production_settings_leave_the_clock_alone():
    assert Settings.from_env({}).clock_start is None


@pytest.mark.parametrize("raw", ["tomorrow", "2026-11-24T10:00:00"])
def test_a_clock_without_a_date_or_an_offset_is_refused(raw: str):
    with pytest.raises(SettingsError, match="SUQING_CLOCK"):
        Settings.from_env({"SUQING_CLOCK": raw})
