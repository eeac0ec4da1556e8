"""Domain rules as pure functions, shared by the desktop store and the server.

Nothing here touches a database or the network: callers pass in the values and the clock.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sync.core import messages, privacy
from sync.core.records import (
    CHINA_TIME,
    ActivityStatus,
    Category,
    GuardianConsent,
    Phase,
    RegistrationSource,
    RegistrationStatus,
    RequestState,
)

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
    """One thing wrong with an input, named by a code in `sync.core.messages.MESSAGES`."""

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

# The verb a cadre clicks for each target status (a label key in sync.core.messages).
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
# A cadre may also reject an approved registration (with a reason): its seat frees.
REJECTABLE = REVIEWABLE | {RegistrationStatus.APPROVED}
# What the youth (or a cadre for them) may still cancel.
CANCELLABLE = frozenset(
    {RegistrationStatus.PENDING, RegistrationStatus.APPROVED, RegistrationStatus.WAITLISTED}
)
# Registrations that hold a place in the activity: a youth has at most one of these per activity.
ACTIVE = CANCELLABLE


def check_reviewable(status: RegistrationStatus, decision: str = "approve") -> None:
    allowed = REJECTABLE if decision == "reject" else REVIEWABLE
    if status not in allowed:
        raise RuleViolation("registration_not_reviewable", current=status.value)


def check_cancellable(status: RegistrationStatus) -> None:
    if status not in CANCELLABLE:
        raise RuleViolation("registration_not_cancellable", current=status.value)


def seat_for_approval(capacity: int, approved: int) -> RegistrationStatus:
    """An approval takes a seat while one is free; past capacity it joins the waitlist."""
    return RegistrationStatus.APPROVED if approved < capacity else RegistrationStatus.WAITLISTED


def status_on_registering(
    *, requires_review: bool, capacity: int, approved: int, awaits_consent: bool = False
) -> RegistrationStatus:
    """A new registration: pending when the activity wants a review or the youth is a child
    still waiting for a guardian's consent (`check_guardian_consent`), else a seat while one is
    free, else the waitlist."""
    if requires_review or awaits_consent:
        return RegistrationStatus.PENDING
    return seat_for_approval(capacity, approved)


def check_guardian_consent(
    birth_date: date | None, consent: GuardianConsent | str, starts_at: datetime
) -> None:
    """Refuse approving a child's registration before a guardian's consent is recorded
    (`sync.core.privacy.awaits_guardian_consent`); the device and the server both ask this."""
    if privacy.awaits_guardian_consent(birth_date, consent, starts_at):
        raise RuleViolation("guardian_consent_required")


def to_promote(capacity: int, approved: int, waitlist: Sequence[str]) -> list[str]:
    """The waitlisted registrations (ids, earliest first) that take the free seats: the one
    waitlist rule, used whenever a seat frees or the capacity grows, on the device and the
    server alike."""
    return list(waitlist[: max(0, capacity - approved)])


def check_may_register(
    activity: Mapping[str, Any], now: datetime, source: RegistrationSource
) -> None:
    """Who may register when: a youth online only while the activity is 报名中; a cadre (a
    walk-in or an imported list) for any published activity, even after it took place."""
    status = ActivityStatus(activity["status"])
    if status is not ActivityStatus.PUBLISHED:
        raise RuleViolation("registration_closed", current=status.value)
    if source is RegistrationSource.ONLINE:
        current = phase(activity, now)
        if current is not Phase.REGISTERING:
            raise RuleViolation("registration_closed", current=current.value)


# --- follower tags ---------------------------------------------------------------------------

TAG_MAX = 20


def validate_tag(tag: str) -> str:
    """The tag as stored (surrounding spaces dropped); RuleViolation("invalid_tag") when it is
    empty, longer than TAG_MAX, or holds a control character or a double quote (the SQL tag
    filter searches for the quoted tag inside the JSON array)."""
    value = tag.strip() if isinstance(tag, str) else ""
    if not value or len(value) > TAG_MAX or _CONTROL.search(value) or '"' in value:
        raise RuleViolation("invalid_tag", tag=str(tag)[:40], max=TAG_MAX)
    if re.search(r"[\t\n\r]", value):
        raise RuleViolation("invalid_tag", tag=value[:40], max=TAG_MAX)
    return value


def encode_tags(tags: Iterable[str]) -> str:
    """Tags as a follower stores them: a JSON array, sorted and unique; "" for no tags (the
    column's default, so "no tags" has one spelling)."""
    unique = sorted({validate_tag(t) for t in tags})
    return json.dumps(unique, ensure_ascii=False, separators=(",", ":")) if unique else ""


def decode_tags(stored: str | None) -> list[str]:
    """The tags of a follower's stored value; a damaged value reads as no tags."""
    if not stored:
        return []
    try:
        value = json.loads(stored)
    except ValueError:
        return []
    return sorted({t for t in value if isinstance(t, str)}) if isinstance(value, list) else []


def change_tags(stored: str | None, *, add: Iterable[str] = (), remove: Iterable[str] = ()) -> str:
    """Set operations, so two devices tagging the same follower offline merge without loss:
    (current ∪ add) − remove."""
    current = set(decode_tags(stored)) | {validate_tag(t) for t in add}
    return encode_tags(current - {t.strip() for t in remove if isinstance(t, str)})


# --- validation ------------------------------------------------------------------------------

_PHONE = re.compile(r"^[0-9][0-9\- ]{5,18}[0-9]$")
# Control characters cannot be stored (PostgreSQL text refuses NUL) and never belong in a form;
# line breaks and tabs may stand in a description.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


NAME_MAX = 30
SCHOOL_MAX = 100
NOTICE_TITLE_MAX = 60
NOTICE_BODY_MAX = 2000
REASON_MAX = 200
# Mainland mobile numbers: what the public API and imports accept for a youth.
_MOBILE = re.compile(r"^1[3-9][0-9]{9}$")
_ID_NUMBER = re.compile(r"^[0-9]{17}[0-9X]$")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def id_number_valid(value: str) -> bool:
    """An 18-character resident ID number (GB 11643) with a correct check character."""
    if not _ID_NUMBER.match(value):
        return False
    total = sum(int(d) * w for d, w in zip(value[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == value[17]


def mobile_valid(value: str) -> bool:
    return bool(_MOBILE.match(value))


def validate_youth(
    values: Mapping[str, Any],
    *,
    today: date | None = None,
    is_valid_region: Callable[[str], bool] | None = None,
) -> list[Problem]:
    """Everything wrong with a youth's fields (name, phone, ID number, birth date, school or
    employer, region when `is_valid_region` is given); an empty list means the youth may be
    saved. Shared by walk-in and imported registrations and the public API."""
    problems: list[Problem] = [
        Problem("control_characters", name, {"label": name})
        for name in ("name", "phone", "id_number", "school_or_employer")
        if isinstance(values.get(name), str) and _CONTROL.search(values[name])
    ]
    name = (values.get("name") or "").strip()
    if not name:
        problems.append(Problem("required", "name", {"label": "name"}))
    elif len(name) > NAME_MAX:
        problems.append(Problem("too_long", "name", {"label": "name", "max": NAME_MAX}))
    phone = (values.get("phone") or "").strip()
    if not phone:
        problems.append(Problem("required", "phone", {"label": "phone"}))
    elif not mobile_valid(phone):
        problems.append(Problem("bad_mobile", "phone"))
    id_number = (values.get("id_number") or "").strip().upper()
    if id_number and not id_number_valid(id_number):
        problems.append(Problem("bad_id_number", "id_number"))
    if len(values.get("school_or_employer") or "") > SCHOOL_MAX:
        problems.append(
            Problem(
                "too_long", "school_or_employer", {"label": "school_or_employer", "max": SCHOOL_MAX}
            )
        )
    birth = values.get("birth_date")
    if birth is not None and (not isinstance(birth, date) or (today and birth > today)):
        problems.append(Problem("bad_birth_date", "birth_date"))
    region = values.get("region_code") or ""
    if region and is_valid_region is not None and not is_valid_region(region):
        problems.append(Problem("unknown_region", "region_code"))
    return problems


def validate_notice(values: Mapping[str, Any]) -> list[Problem]:
    """Everything wrong with a notice's title, body and tag."""
    problems: list[Problem] = []
    for name, limit in (("notice_title", NOTICE_TITLE_MAX), ("notice_body", NOTICE_BODY_MAX)):
        value = values.get(name.removeprefix("notice_")) or ""
        if not isinstance(value, str) or not value.strip():
            problems.append(Problem("required", name, {"label": name}))
        elif len(value.strip()) > limit:
            problems.append(Problem("too_long", name, {"label": name, "max": limit}))
        elif _CONTROL.search(value):
            problems.append(Problem("control_characters", name, {"label": name}))
    tag = values.get("tag") or ""
    if tag:
        try:
            validate_tag(tag)
        except RuleViolation:
            problems.append(Problem("invalid_tag", "tag", {"tag": str(tag)[:40], "max": TAG_MAX}))
    return problems


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


# --- youth requests (诉求) ----------------------------------------------------------------------

REQUEST_TEXT_MAX = 2000
REQUEST_CATEGORY_MAX = 20
REPLY_MAX = 2000

# The states from which each step may be taken, and the state it leads to (None: unchanged).
# A reply and the youth's addition are taken in any state: an archived request reopens (the
# handler logs it), so nothing written is ever refused for a colleague's archiving.
OPEN_STATES = frozenset(
    {RequestState.NEW, RequestState.CLASSIFIED, RequestState.ASSIGNED, RequestState.REPLIED}
)
AWAITING_REPLY = frozenset({RequestState.NEW, RequestState.CLASSIFIED, RequestState.ASSIGNED})


def state_after_classify(current: RequestState) -> RequestState:
    check_request_open(current)
    return RequestState.CLASSIFIED if current is RequestState.NEW else current


def state_after_assign(current: RequestState) -> RequestState:
    check_request_open(current)
    return RequestState.REPLIED if current is RequestState.REPLIED else RequestState.ASSIGNED


def state_after_addition(row: Mapping[str, Any]) -> RequestState:
    """The youth wrote more: the request waits for a reply again, at the step it had reached
    (assigned, classified or new), even when it was replied to or archived."""
    if row["assigned_at"] is not None:
        return RequestState.ASSIGNED
    return RequestState.CLASSIFIED if row["category"] else RequestState.NEW


def check_request_open(current: RequestState) -> None:
    if current not in OPEN_STATES:
        raise RuleViolation("request_archived")


def validate_request_text(text: str, *, limit: int = REQUEST_TEXT_MAX, name: str = "text") -> str:
    """The stripped text, or RuleViolation `invalid_request`."""
    text = text.strip()
    if not text:
        raise RuleViolation(
            "invalid_request", problems=[Problem("required", name, {"label": name})]
        )
    if len(text) > limit:
        raise RuleViolation(
            "invalid_request",
            problems=[Problem("too_long", name, {"label": name, "max": limit})],
        )
    if _CONTROL.search(text):
        raise RuleViolation(
            "invalid_request", problems=[Problem("control_characters", name, {"label": name})]
        )
    return text


def validate_request_category(category: str) -> str:
    """A category name: any short text (the list is a setting), stripped."""
    category = category.strip()
    if not category or len(category) > REQUEST_CATEGORY_MAX or _CONTROL.search(category):
        raise RuleViolation("invalid_request_category", max=REQUEST_CATEGORY_MAX)
    return category


@dataclass(frozen=True)
class WorkCalendar:
    """Which days count as working days for the reply deadline: Monday to Friday (China time),
    less `holidays`, plus `working_weekends` (the Saturdays and Sundays worked to make up a
    long holiday, 调休). The province publishes both each year; `deployment.ini` and the
    settings carry them (`desktop.settings.work_calendar`)."""

    holidays: frozenset[date] = frozenset()
    working_weekends: frozenset[date] = frozenset()

    def is_working_day(self, day: date) -> bool:
        if day in self.holidays:
            return False
        return day.weekday() < 5 or day in self.working_weekends


_DATE_RANGE = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})(?:\.\.(\d{4}-\d{1,2}-\d{1,2}))?$")
MAX_DATE_RANGE_DAYS = 31  # a holiday is at most weeks long: a longer range is a typing error


def parse_dates(text: str) -> tuple[frozenset[date], list[str]]:
    """Dates written one or more to a line, apart by spaces or commas, each `2026-10-01` or a
    range `2026-10-01..2026-10-07` (both ends included); `#` starts a comment. Returns the
    dates and the pieces that are not dates, for the caller to name."""
    found: set[date] = set()
    bad: list[str] = []
    for line in text.splitlines():
        for piece in re.split(r"[\s,，、;；]+", line.split("#", 1)[0]):
            if not piece:
                continue
            match = _DATE_RANGE.match(piece)
            try:
                if match is None:
                    raise ValueError(piece)
                first = date.fromisoformat(_padded(match[1]))
                last = date.fromisoformat(_padded(match[2])) if match[2] else first
                if not 0 <= (last - first).days <= MAX_DATE_RANGE_DAYS:
                    raise ValueError(piece)
            except ValueError:
                bad.append(piece)
                continue
            found.update(first + timedelta(days=n) for n in range((last - first).days + 1))
    return frozenset(found), bad


def _padded(text: str) -> str:
    year, month, day = text.split("-")
    return f"{year}-{int(month):02d}-{int(day):02d}"


def working_days_before(
    moment: datetime, days: int, calendar: WorkCalendar = WorkCalendar()
) -> datetime:
    """`moment` moved back by `days` working days of `calendar` (China time). A request
    submitted before this, still without a reply at `moment`, is overdue: both the queue's SQL
    filter and the row highlight compare against it."""
    local = moment.astimezone(CHINA_TIME)
    left = days
    while left > 0:
        local -= timedelta(days=1)
        if calendar.is_working_day(local.date()):
            left -= 1
    return local


def request_overdue(
    row: Mapping[str, Any], now: datetime, days: int, calendar: WorkCalendar = WorkCalendar()
) -> bool:
    submitted = row.get("submitted_at")
    return (
        RequestState(row["state"]) in AWAITING_REPLY
        and submitted is not None
        and submitted < working_days_before(now, days, calendar)
    )
