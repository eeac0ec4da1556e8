"""How values are written for cadres: time spans in Beijing time, masked phone numbers."""

from __future__ import annotations

from datetime import UTC, date, datetime

from desktop.texts import format_span
from sync.core.privacy import age_on, mask_id_number, mask_phone, needs_guardian_consent


def test_time_span_is_shown_in_china_time_and_shortened_within_a_day():
    start = datetime(2026, 12, 8, 1, 0, tzinfo=UTC)  # 09:00 in Nanjing
    assert format_span(start, datetime(2026, 12, 8, 4, 0, tzinfo=UTC)) == "2026-12-08 09:00–12:00"
    assert (
        format_span(start, datetime(2026, 12, 10, 9, 0, tzinfo=UTC))
        == "2026-12-08 09:00 – 12-10 17:00"
    )
    assert (
        format_span(start, datetime(2027, 1, 2, 9, 0, tzinfo=UTC))
        == "2026-12-08 09:00 – 2027-01-02 17:00"
    )
    # 23:00 UTC is already the next day in Nanjing
    late = datetime(2026, 12, 8, 23, 0, tzinfo=UTC)
    assert format_span(late, datetime(2026, 12, 9, 1, 0, tzinfo=UTC)) == "2026-12-09 07:00–09:00"


def test_phone_numbers_are_masked():
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("025-52101234") == "025*****1234"
    assert mask_phone("12345") == "*****"


def test_id_numbers_keep_only_the_region_and_the_last_two_characters():
    assert mask_id_number("32011520100101123X") == "320115**********3X"
    assert mask_id_number("123") == "***"


def test_guardian_consent_is_needed_until_the_fourteenth_birthday():
    born = date(2012, 11, 25)
    assert needs_guardian_consent(born, date(2026, 11, 24))
    assert not needs_guardian_consent(born, date(2026, 11, 25))
    assert not needs_guardian_consent(None, date(2026, 11, 25))  # unknown age: no flag
    assert age_on(date(2008, 2, 29), date(2026, 2, 28)) == 17
    assert age_on(date(2008, 2, 29), date(2026, 3, 1)) == 18
