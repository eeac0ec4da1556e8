"""The record types every layer shares: one definition for the local store, the server and the UI.

Each record is a plain dataclass. `schema` derives the database tables from these fields, so a
field added here is a field everywhere (plus one migration step for existing local databases).
Times are timezone-aware datetimes; the database keeps them in UTC.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from enum import StrEnum
from typing import Any, ClassVar

# Wall-clock time for every user: Jiangsu is UTC+8 all year (China has had no DST since 1991).
# A fixed offset, not a tz database name, so Windows needs no tzdata package.
CHINA_TIME = timezone(timedelta(hours=8), "CST")


def _pk() -> Any:
    return field(metadata={"primary_key": True})


def _ref(target: str, *, index: bool = True) -> Any:
    return field(metadata={"foreign_key": target, "index": index})


def _indexed(default: Any = dataclasses.MISSING) -> Any:
    if default is dataclasses.MISSING:
        return field(metadata={"index": True})
    return field(default=default, metadata={"index": True})


class OrgLevel(StrEnum):
    PROVINCE = "province"
    CITY = "city"
    COUNTY = "county"
    GRASSROOTS = "grassroots"


class ActivityStatus(StrEnum):
    """The stored lifecycle; see `sync.core.rules` for the legal transitions."""

    DRAFT = "draft"
    PUBLISHED = "published"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class Phase(StrEnum):
    """What a cadre sees: derived from status and the clock, never stored."""

    DRAFT = "draft"
    NOT_STARTED = "not_started"  # 未开始: published, registration not open yet
    REGISTERING = "registering"  # 报名中
    REGISTRATION_CLOSED = "registration_closed"  # 报名截止
    IN_PROGRESS = "in_progress"  # 进行中
    ENDED = "ended"  # 已结束
    COMPLETED = "completed"  # 已完成 (closed by the organiser)
    CANCELLED = "cancelled"  # 已取消


class RegistrationStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    WAITLISTED = "waitlisted"
    REJECTED = "rejected"
    CANCELLED = "cancelled"


class Gender(StrEnum):
    MALE = "male"
    FEMALE = "female"
    UNKNOWN = "unknown"


class GuardianConsent(StrEnum):
    """Whether a guardian agreed that the organisation keeps a child's data (under 14 only:
    `sync.core.privacy.needs_guardian_consent`)."""

    UNKNOWN = "unknown"
    GIVEN = "given"
    REFUSED = "refused"


class RegistrationSource(StrEnum):
    ONLINE = "online"  # the youth, through the public API
    WALK_IN = "walk_in"  # typed in by a cadre
    IMPORT = "import"  # from an Excel list


class NoticeStatus(StrEnum):
    QUEUED = "queued"  # written on a device; the server has not delivered it yet
    SENT = "sent"  # delivered by the server to the followers it names


class CheckinAction(StrEnum):
    """What a `CheckinEvent` records at the door."""

    CHECK_IN = "in"
    CHECK_OUT = "out"
    VOID = "void"  # cancels the event named in `voids`
    ADJUST = "adjust"  # a cadre's correction of the hours (`hours`, `reason`); replaces `voids`


class RegistrationAction(StrEnum):
    """What a `RegistrationEvent` records."""

    REGISTERED = "registered"
    APPROVED = "approved"
    WAITLISTED = "waitlisted"
    PROMOTED = "promoted"  # approved from the waitlist when a seat freed
    REJECTED = "rejected"
    CANCELLED = "cancelled"


class RequestState(StrEnum):
    """A youth request's place in the 青年之声 routine (`sync.core.rules.request_state_after`)."""

    NEW = "new"  # 待分拣
    CLASSIFIED = "classified"  # 已分类
    ASSIGNED = "assigned"  # 已交办
    REPLIED = "replied"  # 已答复
    ARCHIVED = "archived"  # 已归档


class ContactPreference(StrEnum):
    """How a youth would like to hear back besides the public API."""

    APP = "app"  # only through the app
    PHONE = "phone"  # a call to the phone they identified with
    SMS = "sms"


class RequestAction(StrEnum):
    """What a `RequestEvent` records: each transition, each reply, each addition."""

    SUBMITTED = "submitted"
    ADDED = "added"  # the youth added to it
    CLASSIFIED = "classified"
    ASSIGNED = "assigned"
    REPLIED = "replied"
    ARCHIVED = "archived"
    REOPENED = "reopened"  # a reply or an addition came after the archiving


@dataclass(frozen=True, slots=True, kw_only=True)
class Category:
    """An activity category. The seven defaults live in `sync.core.rules.DEFAULT_CATEGORIES`."""

    code: str = _pk()
    name: str = ""
    sort_order: int = 0
    active: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class Organization:
    id: str = _pk()
    name: str = ""
    level: OrgLevel = OrgLevel.GRASSROOTS
    parent_id: str | None = _ref("organizations.id")
    region_code: str = _indexed("")
    address: str = ""
    lon: float | None = None  # WGS84
    lat: float | None = None
    contact_name: str = ""
    contact_phone: str = ""
    version: int = 0  # the server's version this copy reflects; 0 = never synced


@dataclass(frozen=True, slots=True, kw_only=True)
class Activity:
    id: str = _pk()
    org_id: str = _ref("organizations.id")
    title: str = ""
    category: str = _indexed("")
    description: str = ""
    region_code: str = _indexed("")
    location_name: str = ""
    lon: float | None = None  # WGS84
    lat: float | None = None
    starts_at: datetime | None = _indexed(None)
    ends_at: datetime | None = None
    registration_opens_at: datetime | None = None
    registration_closes_at: datetime | None = None
    capacity: int = 1
    requires_review: bool = True
    featured: bool = False
    contact_name: str = ""
    contact_phone: str = ""
    status: ActivityStatus = _indexed(ActivityStatus.DRAFT)
    created_at: datetime | None = None
    updated_at: datetime | None = None
    version: int = 0
    # 志愿时长 rules, in minutes (`sync.core.checkin.HoursRule`), set by `activity.hours_rule`;
    # and who confirmed the hours, when (`checkin.confirm`). Local schema 10 / server
    # revision 0008 (appended, see Youth).
    hours_min_stay: int = 30
    hours_step: int = 30
    hours_daily_cap: int = 480
    hours_confirmed_at: datetime | None = None
    hours_confirmed_by: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Youth:
    """Only the personal data the work needs."""

    id: str = _pk()
    name: str = ""
    # Indexed (local schema 6, server revision 0003): a cadre's walk-in or import is matched to
    # the youth who holds its phone or ID number (`operations.registrations`).
    phone: str = _indexed("")
    gender: Gender = Gender.UNKNOWN
    birth_date: date | None = None
    school_or_employer: str = ""
    region_code: str = ""
    version: int = 0
    # Added in local schema 5 / server revision 0002: after `version`, because ALTER TABLE
    # appends columns and the schema tests compare the column order.
    id_number: str = _indexed("")  # 身份证号; masked when sent to devices (`sync.core.privacy`)
    guardian_consent: GuardianConsent = GuardianConsent.UNKNOWN


@dataclass(frozen=True, slots=True, kw_only=True)
class Registration:
    # Seat counts per activity and status: without this SQLite searches by status alone.
    INDEXES: ClassVar[tuple[tuple[str, ...], ...]] = (("activity_id", "status"),)

    id: str = _pk()
    activity_id: str = _ref("activities.id", index=False)  # leads the composite index
    youth_id: str = _ref("youths.id")
    status: RegistrationStatus = _indexed(RegistrationStatus.PENDING)
    registered_at: datetime | None = None
    reviewed_at: datetime | None = None
    reject_reason: str = ""
    version: int = 0
    source: RegistrationSource = RegistrationSource.ONLINE  # schema 5 (appended, see Youth)


@dataclass(frozen=True, slots=True, kw_only=True)
class RegistrationEvent:
    """One step in a registration's history: who did what, when. Written by the operation
    handlers (`sync.core.operations`), never edited."""

    id: str = _pk()
    registration_id: str = _ref("registrations.id")
    at: datetime | None = None
    actor: str = ""  # an account's username, "youth" (the youth themself) or "system"
    action: RegistrationAction = RegistrationAction.REGISTERED
    detail: str = ""  # e.g. the reason of a rejection
    version: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckinEvent:
    """One thing that happened at an activity's door: a check-in, a check-out, the void of
    an earlier event (with a reason), or a cadre's correction of the hours. Only ever
    appended, on any laptop, offline too; who is inside and the hours are derived from all of
    them (`sync.core.checkin`), so laptops never overwrite each other. Local schema 9 / server
    revision 0007."""

    # The door's counts read an activity's events; a registration's events, its state.
    INDEXES: ClassVar[tuple[tuple[str, ...], ...]] = (("activity_id", "at"),)

    id: str = _pk()
    registration_id: str = _ref("registrations.id")
    activity_id: str = _ref("activities.id", index=False)  # leads the composite index
    action: CheckinAction = CheckinAction.CHECK_IN
    at: datetime | None = None  # the laptop's clock when it happened
    actor: str = ""  # the account's username
    voids: str = ""  # the event this one cancels: a VOID's target, an ADJUST's predecessor
    reason: str = ""  # why it was voided or corrected
    version: int = 0
    hours: float | None = None  # an ADJUST's hours (local schema 10 / server revision 0008)


@dataclass(frozen=True, slots=True, kw_only=True)
class Follower:
    id: str = _pk()
    org_id: str = _ref("organizations.id")
    youth_id: str = _ref("youths.id")
    followed_at: datetime | None = None
    source_activity_id: str | None = None  # the activity through which the youth found the org
    version: int = 0
    # The follower's tags: a JSON array of strings, sorted and unique, "" for none; written by
    # `sync.core.rules.encode_tags`, read by `sync.core.rules.decode_tags`. Schema 5 (appended).
    tags: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Notice:
    """A message from an organisation to its followers (all, or those with `tag`)."""

    id: str = _pk()
    org_id: str = _ref("organizations.id")
    title: str = ""
    body: str = ""
    tag: str = ""  # "" = every follower of the organisation
    status: NoticeStatus = NoticeStatus.QUEUED
    recipient_count: int = 0  # set by the server when it delivers
    created_at: datetime | None = None
    created_by: str = ""  # the account's username
    sent_at: datetime | None = None
    version: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class AssessmentTarget:
    """考核目标: what the level above expects of organisation `org_id` (with its subordinates)
    by `period_end`. Set by any organisation above it (`operations.targets`), never by the one it
    binds. Defaults are the founding notice's: 10 featured activities, 200 participants."""

    id: str = _pk()
    org_id: str = _ref("organizations.id")
    period_start: date | None = None
    period_end: date | None = None  # the deadline, included
    featured_activities: int = 10
    participants: int = 200  # approved registrations (参与人次)
    set_by: str = ""  # the account's username
    updated_at: datetime | None = None
    version: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class YouthRequest:
    """诉求: a youth's question or appeal. `org_id` is the organisation whose queue holds it:
    the one the youth chose (or the root), then the subordinate it was assigned to; its scope
    follows (`sync.server.replication`). The text of replies lives in `RequestEvent`s,
    appended, never overwritten. Local schema 8 / server revision 0006."""

    # The queue reads ids in submission order: these cover its filters by state (one state, or
    # all but archived) without a sort or a lookup of the rows (benchmarks/bench_requests.py).
    INDEXES: ClassVar[tuple[tuple[str, ...], ...]] = (
        ("state", "submitted_at", "id"),
        ("submitted_at", "id", "state"),
    )

    id: str = _pk()
    org_id: str = _ref("organizations.id")
    youth_id: str = _ref("youths.id")
    category_guess: str = ""  # the youth's own guess
    category: str = _indexed("")  # the cadre's classification; "" until classified
    text: str = ""
    contact: ContactPreference = ContactPreference.APP
    state: RequestState = RequestState.NEW  # in the composite indexes
    submitted_at: datetime | None = None
    assigned_at: datetime | None = None
    replied_at: datetime | None = None  # the first reply: time to reply, overdue
    archived_at: datetime | None = None
    updated_at: datetime | None = None
    version: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class RequestEvent:
    """One step of a request: a transition, a reply (its text in `detail`), or the youth's
    addition. Written by the operation handlers, never edited: two cadres' replies both stay."""

    id: str = _pk()
    request_id: str = _ref("requests.id")
    at: datetime | None = None
    actor: str = ""  # an account's username, or "youth"
    action: RequestAction = RequestAction.SUBMITTED
    detail: str = ""  # the reply or addition, the category, or the organisation assigned
    version: int = 0


# Table name of each replicated record, in dependency order (parents first).
RECORD_TABLES: dict[str, type] = {
    "categories": Category,
    "organizations": Organization,
    "activities": Activity,
    "youths": Youth,
    "registrations": Registration,
    "registration_events": RegistrationEvent,
    "checkin_events": CheckinEvent,
    "followers": Follower,
    "notices": Notice,
    "assessment_targets": AssessmentTarget,
    "requests": YouthRequest,
    "request_events": RequestEvent,
}


def _primary_key(record: type) -> str:
    return next(f.name for f in dataclasses.fields(record) if f.metadata.get("primary_key"))


# The primary key field of each record table (categories are keyed by code, the rest by id).
PRIMARY_KEYS: dict[str, str] = {name: _primary_key(r) for name, r in RECORD_TABLES.items()}


@functools.cache  # per row of every pulled page and snapshot: dataclasses.fields is slow
def field_names(record: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(record))


# Fields a cadre edits on an activity; the rest belong to the lifecycle or to sync.
ACTIVITY_EDITABLE_FIELDS: tuple[str, ...] = (
    "title",
    "category",
    "description",
    "region_code",
    "location_name",
    "lon",
    "lat",
    "starts_at",
    "ends_at",
    "registration_opens_at",
    "registration_closes_at",
    "capacity",
    "requires_review",
    "featured",
    "contact_name",
    "contact_phone",
)
