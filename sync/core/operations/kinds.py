"""The operation kinds: wire names and facts of each, the one place the names are spelled."""

from __future__ import annotations

from enum import Flag, StrEnum, auto


class Actor(Flag):
    """Who may push a kind: a cadre (an account, on a device) and/or a youth (public API, on
    their own records only)."""

    CADRE = auto()
    YOUTH = auto()


CADRE = Actor.CADRE
YOUTH = Actor.YOUTH


class Kind(StrEnum):
    """Every operation kind. The value is what travels in the outbox, on the wire and in the
    server's log, so a value never changes once shipped. The facts after it are the kind's:
    the table of the record its payload's `id` names (None: the payload says), who may push it,
    and whether a pending one can be undone (an audit record cannot: taking it back would hide
    what the user saw)."""

    table: str | None
    actors: Actor
    undoable: bool

    def __new__(cls, value: str, table: str | None, actors: Actor, undoable: bool = True) -> Kind:
        member = str.__new__(cls, value)
        member._value_ = value
        member.table = table
        member.actors = actors
        member.undoable = undoable
        return member

    ACTIVITY_CREATE = "activity.create", "activities", CADRE
    ACTIVITY_UPDATE = "activity.update", "activities", CADRE
    ACTIVITY_TRANSITION = "activity.transition", "activities", CADRE
    ACTIVITY_DELETE = "activity.delete", "activities", CADRE
    REGISTRATION_REVIEW = "registration.review", "registrations", CADRE
    REGISTRATION_CREATE = "registration.create", "registrations", CADRE | YOUTH
    REGISTRATION_CANCEL = "registration.cancel", "registrations", CADRE | YOUTH
    YOUTH_CREATE = "youth.create", "youths", YOUTH
    YOUTH_CONSENT = "youth.consent", "youths", CADRE
    FOLLOWER_TAG = "follower.tag", "followers", CADRE  # `ids`, not `id`
    FOLLOWER_FOLLOW = "follower.follow", "followers", YOUTH
    FOLLOWER_UNFOLLOW = "follower.unfollow", "followers", YOUTH
    NOTICE_SEND = "notice.send", "notices", CADRE
    TARGET_SET = "target.set", "assessment_targets", CADRE
    CHECKIN_IN = "checkin.in", "checkin_events", CADRE
    CHECKIN_OUT = "checkin.out", "checkin_events", CADRE
    CHECKIN_VOID = "checkin.void", "checkin_events", CADRE
    CHECKIN_ADJUST = "checkin.adjust", "checkin_events", CADRE
    CHECKIN_CONFIRM = "checkin.confirm", "activities", CADRE
    ACTIVITY_HOURS_RULE = "activity.hours_rule", "activities", CADRE
    PERSONAL_REVEAL = "personal.reveal", None, CADRE, False
    REQUEST_SUBMIT = "request.submit", "requests", YOUTH
    REQUEST_ADD = "request.add", "requests", YOUTH
    REQUEST_CLASSIFY = "request.classify", "requests", CADRE
    REQUEST_ASSIGN = "request.assign", "requests", CADRE
    REQUEST_REPLY = "request.reply", "requests", CADRE
    REQUEST_ARCHIVE = "request.archive", "requests", CADRE

    @property
    def by_youth(self) -> bool:
        return bool(self.actors & Actor.YOUTH)

    @property
    def by_cadre(self) -> bool:
        return bool(self.actors & Actor.CADRE)

    @classmethod
    def find(cls, value: str) -> Kind | None:
        """The kind of a name read from the outbox or the wire; None for one this version
        does not know (a newer peer's, or garbage)."""
        try:
            return cls(value)
        except ValueError:
            return None
