"""The shared domain rules: lifecycle, phases and activity validation."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from sync.core import messages, rules
from sync.core.records import CHINA_TIME, ActivityStatus, Phase
from sync.core.regions import province_boundary, regions
from sync.core.rules import RuleViolation
from tests.conftest import NOW, activity_fields

S = ActivityStatus


@pytest.mark.parametrize(
    ("current", "target", "allowed"),
    [
        (S.DRAFT, S.PUBLISHED, True),
        (S.DRAFT, S.CANCELLED, True),
        (S.DRAFT, S.COMPLETED, False),
        (S.PUBLISHED, S.COMPLETED, True),
        (S.PUBLISHED, S.CANCELLED, True),
        (S.PUBLISHED, S.PUBLISHED, False),
        (S.COMPLETED, S.PUBLISHED, False),
        (S.COMPLETED, S.CANCELLED, False),
        (S.CANCELLED, S.PUBLISHED, False),
        (S.CANCELLED, S.COMPLETED, False),
    ],
)
def test_lifecycle_transitions(current, target, allowed):
    assert rules.can_transition(current, target) is allowed
    if allowed:
        rules.check_transition(current, target)
    else:
        with pytest.raises(RuleViolation) as caught:
            rules.check_transition(current, target)
        assert caught.value.code == "illegal_transition"
        text = messages.render(caught.value.code, caught.value.params)
        assert messages.LABELS[current.value] in text  # names the status in plain words


def test_phase_follows_the_clock_through_every_boundary():
    a = activity_fields(status="published")
    opens, closes = a["registration_opens_at"], a["registration_closes_at"]
    start, end = a["starts_at"], a["ends_at"]
    second = timedelta(seconds=1)
    assert rules.phase(a, opens - second) is Phase.NOT_STARTED
    assert rules.phase(a, opens) is Phase.REGISTERING
    assert rules.phase(a, closes - second) is Phase.REGISTERING
    assert rules.phase(a, closes) is Phase.REGISTRATION_CLOSED
    assert rules.phase(a, start) is Phase.IN_PROGRESS
    assert rules.phase(a, end - second) is Phase.IN_PROGRESS
    assert rules.phase(a, end) is Phase.ENDED
    # no opening time: registration is open from publication
    assert rules.phase({**a, "registration_opens_at": None}, opens - second) is Phase.REGISTERING
    for status, expected in (
        (S.DRAFT, Phase.DRAFT),
        (S.CANCELLED, Phase.CANCELLED),
        (S.COMPLETED, Phase.COMPLETED),
    ):
        assert rules.phase({**a, "status": status}, start) is expected


def _problems(**overrides):
    table = regions()
    return rules.validate_activity(
        activity_fields(**overrides),
        categories={c.code for c in rules.DEFAULT_CATEGORIES},
        is_valid_region=table.is_jiangsu_area,
        contains_point=province_boundary().contains,
    )


def test_valid_activity_has_no_problems():
    assert _problems() == []


@pytest.mark.parametrize(
    ("overrides", "code", "field"),
    [
        ({"title": "  "}, "required", "title"),
        ({"title": "长" * (rules.TITLE_MAX + 1)}, "too_long", "title"),
        ({"location_name": ""}, "required", "location_name"),
        ({"category": "karaoke"}, "unknown_category", "category"),
        ({"region_code": "310000"}, "unknown_region", "region_code"),  # Shanghai
        ({"region_code": "320576"}, "unknown_region", "region_code"),  # NBS-only zone
        ({"ends_at": NOW}, "end_before_start", "ends_at"),
        (
            {"registration_closes_at": NOW + timedelta(days=30)},
            "registration_after_start",
            "registration_closes_at",
        ),
        (
            {"registration_opens_at": NOW + timedelta(days=13, hours=1)},
            "registration_window_empty",
            "registration_opens_at",
        ),
        ({"capacity": 0}, "capacity_too_small", "capacity"),
        ({"lon": None}, "coordinates_incomplete", "lon"),
        ({"lon": 121.47, "lat": 31.23}, "outside_jiangsu", "lon"),  # Shanghai
        ({"contact_phone": "call me"}, "bad_phone", "contact_phone"),
    ],
)
def test_each_rule_names_its_field(overrides, code, field):
    problems = _problems(**overrides)
    assert [(p.code, p.field) for p in problems] == [(code, field)]
    text = messages.render(problems[0].code, problems[0].params)
    assert text and "{" not in text  # every placeholder filled


def test_every_message_renders_in_plain_chinese():
    for code in messages.MESSAGES:
        names = ("label", "current", "action", "kind", "tag", "name", "by")
        params = {name: "title" for name in names}
        params["max"] = params["capacity"] = params["approved"] = 10
        params["min"] = 1
        rendered = messages.render(code, params)
        assert "{" not in rendered, code
        assert any("\u4e00" <= ch <= "\u9fff" for ch in rendered), code


def test_control_characters_are_refused_but_line_breaks_in_a_description_are_not():
    assert [p.code for p in _problems(title="团日\x00活动")] == ["control_characters"]
    assert _problems(description="第一行\n第二行\t缩进") == []


def test_holiday_dates_are_read_one_or_a_range_at_a_time():
    from sync.core.rules import WorkCalendar, parse_dates, working_days_before

    dates, bad = parse_dates("2026-10-01..2026-10-03，2026-1-1\n# 元旦\n2026-13-01 国庆 x..y")
    assert dates == {date(2026, 10, 1), date(2026, 10, 2), date(2026, 10, 3), date(2026, 1, 1)}
    assert bad == ["2026-13-01", "国庆", "x..y"]
    assert parse_dates("2026-10-07..2026-10-01")[1] == ["2026-10-07..2026-10-01"]
    assert parse_dates("2026-01-01..2026-12-31")[1]  # a year is no holiday: a typing error

    # Saturday 10 October 2026 worked to make up for the National Day week.
    calendar = WorkCalendar(
        holidays=parse_dates("2026-10-01..2026-10-07")[0],
        working_weekends=frozenset({date(2026, 10, 10)}),
    )
    monday = datetime(2026, 10, 12, 9, tzinfo=CHINA_TIME)
    assert working_days_before(monday, 1, calendar).date() == date(2026, 10, 10)
    assert working_days_before(monday, 4, calendar).date() == date(2026, 9, 30)
    assert working_days_before(monday, 3).date() == date(2026, 10, 7)  # no calendar
