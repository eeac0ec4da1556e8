"""Domain rules as pure functions, shared by the desktop store and the server.

Nothing here touches a database or the network: callers pass in the values and the clock.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sync import messages
from sync.records import ActivityStatus, Category, Phase, RegistrationStatus

DEFAULT_CATEGORIES: tuple[Category, ...] = (
    Category(code="ideology", name="思想引领", sort_order=1),
    Category(code="innovation", name="创新创业", sort_order=2),
    Category(code="public_service", name="公益服务", sort_order=3),
    Category(code="culture_sports", name="文体活动", sort_order=4),
    Category(code="practice", name="实践实习", sort_order=5),
    Category(code="skills", name="技能培训", sort_order=6),
    Category(code="social", name="交友联谊", sort_order=7),
)

TITLE_MAX = 60
DESCRIPTION_MAX = 2000
LOCATION_MAX = 100


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, named by a code in `sync.messages.MESSAGES`."""

    code: str
    field: str | None = None
    params: dict[str, Any] = dataclasses.field(default_factory=dict)


class RuleViolation(Exception):
    """An operation the rules refuse; nothing was changed."""

    def __init__(self, code: str, *, problems: list[Problem] | None = None, **params: Any):
        super().__init__(code, params)
        self.code = code
        self.params = params
        self.problems = problems or []


# --- lifecycle -------------------------------------------------------------------------------

TRANSITIONS: dict[ActivityStatus, frozenset[ActivityStatus]] = {
    ActivityStatus.DRAFT: frozenset({ActivityStatus.PUBLISHED, ActivityStatus.CANCELLED}),
    ActivityStatus.PUBLISHED: frozenset({ActivityStatus.COMPLETED, ActivityStatus.CANCELLED}),
    ActivityStatus.COMPLETED: frozenset(),
    ActivityStatus.CANCELLED: frozenset(),
}

# The verb a cadre clicks for each target status (a label key in sync.messages).
TRANSITION_ACTIONS: dict[ActivityStatus, str] = {
    ActivityStatus.PUBLISHED: "publish",
    ActivityStatus.CANCELLED: "cancel",
    ActivityStatus.COMPLETED: "complete",
}

EDITABLE_STATUSES = frozenset({ActivityStatus.DRAFT, ActivityStatus.PUBLISHED})


def can_transition(current: ActivityStatus, target: ActivityStatus) -> bool:
    return target in TRANSITIONS[current]


def check_transition(current: ActivityStatus, target: ActivityStatus) -> None:
    if not can_transition(current, target):
        raise RuleViolation(
            "illegal_transition", current=current.value, action=TRANSITION_ACTIONS[target]
        )


def check_editable(current: ActivityStatus) -> None:
    if current not in EDITABLE_STATUSES:
        raise RuleViolation("edit_not_allowed", current=current.value)


# A published activity moves through these phases as the clock passes each time field in turn.
# Both `phase()` and the store's SQL status filter read this one table.
PUBLISHED_PHASE_BOUNDARIES: tuple[tuple[str, Phase], ...] = (
    ("registration_opens_at", Phase.NOT_STARTED),
    ("registration_closes_at", Phase.REGISTERING),
    ("starts_at", Phase.REGISTRATION_CLOSED),
    ("ends_at", Phase.IN_PROGRESS),
)
PHASE_AFTER_LAST_BOUNDARY = Phase.ENDED

STATUS_PHASES: dict[ActivityStatus, Phase] = {
    ActivityStatus.DRAFT: Phase.DRAFT,
    ActivityStatus.COMPLETED: Phase.COMPLETED,
    ActivityStatus.CANCELLED: Phase.CANCELLED,
}


def phase(activity: Mapping[str, Any] | Any, now: datetime) -> Phase:
    """The phase shown for an activity (a record or a row mapping) at `now`."""
    get = activity.get if isinstance(activity, Mapping) else lambda k: getattr(activity, k)
    status = ActivityStatus(get("status"))
    if status in STATUS_PHASES:
        return STATUS_PHASES[status]
    for field_name, before in PUBLISHED_PHASE_BOUNDARIES:
        boundary = get(field_name)
        if boundary is not None and now < boundary:
            return before
    return PHASE_AFTER_LAST_BOUNDARY


# --- registrations ---------------------------------------------------------------------------

REVIEWABLE = frozenset(
    {RegistrationStatus.PENDING, RegistrationStatus.WAITLISTED, RegistrationStatus.REJECTED}
)


def check_reviewable(status: RegistrationStatus) -> None:
    if status not in REVIEWABLE:
        raise RuleViolation("registration_not_reviewable", current=status.value)


def seat_for_approval(capacity: int, approved: int) -> RegistrationStatus:
    """An approval takes a seat while one is free; past capacity it joins the waitlist."""
    return RegistrationStatus.APPROVED if approved < capacity else RegistrationStatus.WAITLISTED


# --- validation ------------------------------------------------------------------------------

_PHONE = re.compile(r"^[0-9][0-9\- ]{5,18}[0-9]$")
# Control characters cannot be stored (PostgreSQL text refuses NUL) and never belong in a form;
# line breaks and tabs may stand in a description.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def validate_activity(
    values: Mapping[str, Any],
    *,
    categories: Collection[str],
    is_valid_region: Callable[[str], bool],
    contains_point: Callable[[float, float], bool],
) -> list[Problem]:
    """Everything wrong with an activity's editable fields; an empty list means it may be saved."""
    problems: list[Problem] = [
        Problem("control_characters", name, {"label": name})
        for name, value in values.items()
        if isinstance(value, str) and _CONTROL.search(value) and name in messages.LABELS
    ]

    def need(name: str) -> bool:
        value = values.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            problems.append(Problem("required", name, {"label": name}))
            return False
        return True

    for name, limit in (("title", TITLE_MAX), ("location_name", LOCATION_MAX)):
        if need(name) and len(values[name].strip()) > limit:
            problems.append(Problem("too_long", name, {"label": name, "max": limit}))
    if len(values.get("description") or "") > DESCRIPTION_MAX:
        problems.append(
            Problem("too_long", "description", {"label": "description", "max": DESCRIPTION_MAX})
        )
    if values.get("category") not in categories:
        problems.append(Problem("unknown_category", "category"))
    if not is_valid_region(values.get("region_code") or ""):
        problems.append(Problem("unknown_region", "region_code"))

    has_start, has_end = need("starts_at"), need("ends_at")
    if has_start and has_end and values["ends_at"] <= values["starts_at"]:
        problems.append(Problem("end_before_start", "ends_at"))
    opens, closes = values.get("registration_opens_at"), values.get("registration_closes_at")
    if need("registration_closes_at"):
        if has_start and closes > values["starts_at"]:
            problems.append(Problem("registration_after_start", "registration_closes_at"))
        if opens is not None and opens >= closes:
            problems.append(Problem("registration_window_empty", "registration_opens_at"))

    capacity = values.get("capacity")
    if not isinstance(capacity, int) or capacity < 1:
        problems.append(Problem("capacity_too_small", "capacity"))

    lon, lat = values.get("lon"), values.get("lat")
    if (lon is None) != (lat is None):
        problems.append(Problem("coordinates_incomplete", "lon" if lon is None else "lat"))
    elif lon is not None and not contains_point(lon, lat):
        problems.append(Problem("outside_jiangsu", "lon"))

    phone = (values.get("contact_phone") or "").strip()
    if phone and not _PHONE.match(phone):
        problems.append(Problem("bad_phone", "contact_phone"))
    return problems
