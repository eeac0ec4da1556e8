"""签到 at the door: who is inside, derived from appended check-in events, and what a scan means.

Every laptop appends events (`records.CheckinEvent`) and never edits one, so laptops that were
offline together merge by putting their events side by side: a person's first check-in is the
earliest of anyone's, their last check-out the latest, and a void takes out the event it names.
The same rules run on every laptop and the server, so all of them count the same once synced.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sync.core import privacy
from sync.core.checkin_codes import BadCode, verify
from sync.core.records import CHINA_TIME, CheckinAction, RegistrationSource, RegistrationStatus

# Walk-ins typed at the door get a registration id made from the activity and the phone, so
# the same person typed in on two offline laptops is one registration once they sync
# (`operations.registrations.create_registration` takes the second as the same walk-in).
WALK_IN_NAMESPACE = uuid.UUID("5b0e2f8e-7c1d-4d55-9a53-1f6d2c1e0a11")


def walk_in_id(activity_id: str, phone: str) -> str:
    return str(uuid.uuid5(WALK_IN_NAMESPACE, f"{activity_id}:{phone.strip()}"))


@dataclass(frozen=True)
class Presence:
    """One registration's state at the door, derived from its events."""

    first_in: datetime | None = None
    last_out: datetime | None = None
    inside: bool = False
    checkin_id: str | None = None  # the earliest live check-in: what an undo voids

    @property
    def arrived(self) -> bool:
        return self.first_in is not None

    @property
    def left(self) -> bool:
        return self.arrived and not self.inside


def presence(events: Iterable[Mapping[str, Any]]) -> Presence:
    """The state of one registration from all its events, in any order, from any laptop."""
    events = list(events)
    voided = {e["voids"] for e in events if e["action"] == CheckinAction.VOID}
    live = [e for e in events if e["action"] != CheckinAction.VOID and e["id"] not in voided]
    ins = sorted((e for e in live if e["action"] == CheckinAction.CHECK_IN), key=_when)
    outs = [e["at"] for e in live if e["action"] == CheckinAction.CHECK_OUT]
    if not ins:
        return Presence()
    last_out = max(outs, default=None)
    # Inside unless the latest check-out comes after the latest check-in (back in after a
    # break counts as inside again).
    inside = last_out is None or ins[-1]["at"] > last_out
    return Presence(ins[0]["at"], last_out, inside, ins[0]["id"])


@dataclass(frozen=True)
class HoursRule:
    """How 志愿时长 is counted from the door, set per activity (`activity.hours_rule`; the
    defaults are the page's stated ones). A stay shorter than `min_stay` counts nothing; the
    rest is rounded down to whole `step`s; no day counts more than `daily_cap`."""

    min_stay: timedelta = timedelta(minutes=30)
    step: timedelta = timedelta(minutes=30)
    daily_cap: timedelta = timedelta(hours=8)

    @classmethod
    def of(cls, activity: Mapping[str, Any]) -> HoursRule:
        """The rule an activity row holds (its fields in minutes); defaults where absent."""
        default = cls()
        return cls(
            min_stay=_minutes(activity, "hours_min_stay", default.min_stay),
            step=_minutes(activity, "hours_step", default.step),
            daily_cap=_minutes(activity, "hours_daily_cap", default.daily_cap),
        )

    def minutes(self) -> tuple[int, int, int]:
        """(min_stay, step, daily_cap) in whole minutes, as the activity row keeps them."""
        minute = timedelta(minutes=1)
        return (self.min_stay // minute, self.step // minute, self.daily_cap // minute)


# What a rule may say (minutes): a step of at least a minute, a cap within a day.
RULE_LIMITS = {
    "hours_min_stay": (0, 24 * 60),
    "hours_step": (1, 24 * 60),
    "hours_daily_cap": (1, 24 * 60),
}
# A correction's hours: never negative, never more than a long activity could give.
MAX_CORRECTED_HOURS = 1000.0


def _minutes(row: Mapping[str, Any], name: str, default: timedelta) -> timedelta:
    value = row.get(name)
    return default if value is None else timedelta(minutes=value)


def volunteer_hours(state: Presence, rule: HoursRule = HoursRule()) -> float:
    """Hours from the first check-in to the last check-out; 0 while still inside (no
    check-out after the last check-in) or for a stay under the minimum."""
    if state.first_in is None or state.last_out is None or state.inside:
        return 0.0
    stay = state.last_out - state.first_in
    if stay < rule.min_stay:
        return 0.0
    days = (
        state.last_out.astimezone(CHINA_TIME).date() - state.first_in.astimezone(CHINA_TIME).date()
    ).days + 1
    counted = min(stay, rule.daily_cap * days)
    return (counted // rule.step) * rule.step / timedelta(hours=1)


def latest_correction(events: Iterable[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The correction in force among a registration's events: each correction names the one
    it replaces (`voids`), as the applying side saw them, so the server's order of operations
    makes a chain and every device, once synced, finds the same last link. Two corrections
    naming the same predecessor (only before a sync) are ordered by time, then id."""
    adjusts = [e for e in events if e["action"] == CheckinAction.ADJUST]
    replaced = {e["voids"] for e in adjusts}
    heads = [e for e in adjusts if e["id"] not in replaced]
    return max(heads, key=_when, default=None)


@dataclass(frozen=True)
class Hours:
    """One registration's 志愿时长: counted from the door by the rule, and the correction in
    force (None: none). `final` is what a certificate states."""

    counted: float
    correction: Mapping[str, Any] | None = None

    @property
    def final(self) -> float:
        return self.correction["hours"] if self.correction is not None else self.counted

    def corrected_after(self, confirmed_at: datetime | None) -> bool:
        """Whether the correction in force was made after the hours were confirmed."""
        c = self.correction
        return c is not None and confirmed_at is not None and c["at"] > confirmed_at


def registration_hours(events: Iterable[Mapping[str, Any]], rule: HoursRule) -> Hours:
    """The one computation of hours, on every laptop and the server."""
    events = list(events)
    return Hours(volunteer_hours(presence(events), rule), latest_correction(events))


def _when(event: Mapping[str, Any]) -> tuple[datetime, str]:
    return (event["at"], event["id"])  # ids break ties the same way everywhere


class Verdict(StrEnum):
    """What the door shows after a scan or a search; green, amber or red (`colour`)."""

    WELCOME = "welcome"  # green: checked in now
    GOODBYE = "goodbye"  # green: checked out now
    ALREADY_IN = "already_in"  # amber: checked in before (here or, after a sync, elsewhere)
    NOT_INSIDE = "not_inside"  # amber: a check-out of someone who has not checked in
    CHOOSE = "choose"  # amber: several people match the name or phone tail
    NOT_REGISTERED = "not_registered"  # red
    NOT_ADMITTED = "not_admitted"  # red: pending or on the waitlist
    REJECTED = "rejected"  # red
    CANCELLED = "cancelled"  # red
    OTHER_ACTIVITY = "other_activity"  # red: a genuine code of another activity
    FORGED = "forged"  # red: a code this server did not sign, or altered
    NO_KEY = "no_key"  # red: this laptop has no key yet (never synced)


GREEN = frozenset({Verdict.WELCOME, Verdict.GOODBYE})
AMBER = frozenset({Verdict.ALREADY_IN, Verdict.NOT_INSIDE, Verdict.CHOOSE})


def colour(verdict: Verdict) -> str:
    return "green" if verdict in GREEN else "amber" if verdict in AMBER else "red"


@dataclass
class Entry:
    """A registration of the activity as the door needs it."""

    registration_id: str
    name: str
    phone: str  # masked: the door never needs more than the last four digits
    status: RegistrationStatus
    source: RegistrationSource
    school: str = ""  # school or employer, for the volunteer-hours list
    youth_id: str = ""  # whose hours add up across activities
    events: list[dict[str, Any]] = field(default_factory=list)
    state: Presence = field(default_factory=Presence)

    def refresh(self) -> None:
        self.state = presence(self.events)


@dataclass(frozen=True)
class Counts:
    expected: int  # approved registrations
    arrived: int
    inside: int
    left: int
    walk_ins: int  # arrived through a registration typed in at the door
    unexpected: int  # checked in, but the registration is not approved (cancelled elsewhere …)


@dataclass(frozen=True)
class Lookup:
    verdict: Verdict
    entry: Entry | None = None
    matches: tuple[Entry, ...] = ()


_STATUS_VERDICT = {
    RegistrationStatus.PENDING: Verdict.NOT_ADMITTED,
    RegistrationStatus.WAITLISTED: Verdict.NOT_ADMITTED,
    RegistrationStatus.REJECTED: Verdict.REJECTED,
    RegistrationStatus.CANCELLED: Verdict.CANCELLED,
}


class DoorBook:
    """One activity's registrations and events in memory: a scan is answered without a query,
    and the counts follow each event at once. The page builds it from the store and feeds it
    the events it appends; a sync rebuilds it."""

    def __init__(
        self,
        activity_id: str,
        entries: Iterable[Entry],
        rule: HoursRule = HoursRule(),
        confirmed_at: datetime | None = None,
        confirmed_by: str = "",
    ) -> None:
        self.activity_id = activity_id
        self.entries = {e.registration_id: e for e in entries}
        self.rule = rule
        self.confirmed_at = confirmed_at  # when the activity's hours were confirmed, by whom
        self.confirmed_by = confirmed_by
        for entry in self.entries.values():
            entry.refresh()

    def hours(self, entry: Entry) -> Hours:
        return registration_hours(entry.events, self.rule)

    def add_event(self, event: dict[str, Any]) -> None:
        entry = self.entries.get(event["registration_id"])
        if entry is not None:
            entry.events.append(event)
            entry.refresh()

    def counts(self) -> Counts:
        expected = arrived = inside = walk_ins = unexpected = 0
        for e in self.entries.values():
            approved = e.status is RegistrationStatus.APPROVED
            expected += approved
            if e.state.arrived:
                arrived += 1
                inside += e.state.inside
                walk_ins += e.source is RegistrationSource.WALK_IN
                unexpected += not approved
        return Counts(expected, arrived, inside, arrived - inside, walk_ins, unexpected)

    def unexpected(self) -> list[Entry]:
        """People checked in whose registration is not approved, e.g. cancelled on another
        laptop while this one was offline: what happened at the door is kept, and shown."""
        return [
            e
            for e in self.entries.values()
            if e.state.arrived and e.status is not RegistrationStatus.APPROVED
        ]

    def find(self, text: str, public_key: Any | None) -> Lookup:
        """Who a scanned code, a name or a phone tail names, and whether they may come in."""
        text = text.strip()
        if not text:
            return Lookup(Verdict.NOT_REGISTERED)
        if privacy.phone_tail(text) is None and _code_like(text):
            return self._by_code(text, public_key)
        tail = privacy.phone_tail(text)
        if tail is not None:
            matches = [e for e in self.entries.values() if e.phone.endswith(tail)]
        else:
            matches = [e for e in self.entries.values() if e.name == text]
        if len(matches) > 1:
            # one of them approved and the rest not: the approved one is meant
            approved = [e for e in matches if e.status is RegistrationStatus.APPROVED]
            if len(approved) != 1:
                return Lookup(Verdict.CHOOSE, matches=tuple(matches))
            matches = approved
        if not matches:
            return Lookup(Verdict.NOT_REGISTERED)
        return self.admit(matches[0])

    def admit(self, entry: Entry) -> Lookup:
        """Whether `entry` may check in now: WELCOME, or why not."""
        blocked = _STATUS_VERDICT.get(entry.status)
        if blocked is not None:
            return Lookup(blocked, entry)
        if entry.state.inside:
            return Lookup(Verdict.ALREADY_IN, entry)
        return Lookup(Verdict.WELCOME, entry)

    def _by_code(self, text: str, public_key: Any | None) -> Lookup:
        if public_key is None:
            return Lookup(Verdict.NO_KEY)
        try:
            content = verify(public_key, text)
        except BadCode:
            return Lookup(Verdict.FORGED)
        if content.activity_id != self.activity_id:
            return Lookup(Verdict.OTHER_ACTIVITY)
        entry = self.entries.get(content.registration_id)
        if entry is None:  # signed for this activity, but unknown here: not synced yet
            return Lookup(Verdict.NOT_REGISTERED)
        return self.admit(entry)


def _code_like(text: str) -> bool:
    """A scanner's code, not a name: Latin letters and digits only, and long. A name of Latin
    letters that long does not occur at a Jiangsu door."""
    return len(text) > 40 and text.isascii()
