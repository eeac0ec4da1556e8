"""Operation kinds of youth requests (诉求): submit and add (the youth), classify, assign, reply
and archive (a cadre). Every step is a `RequestEvent` with its actor and time; replies are
events too, so two cadres answering offline both keep their reply."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from sync.core import privacy, rules
from sync.core.operations.base import ApplyContext, Outcome, Payload, existing, handler, own
from sync.core.operations.kinds import Kind
from sync.core.records import ContactPreference, RequestAction, RequestState
from sync.core.rules import RuleViolation


@dataclass(frozen=True)
class SubmitRequest(Payload):
    """A youth's new request to an organisation (the public API picks the root when the youth
    names none). `text` is stored with any phone or ID number in it masked."""

    kind: ClassVar[Kind] = Kind.REQUEST_SUBMIT
    id: str
    org_id: str
    text: str
    category_guess: str = ""
    contact: ContactPreference = ContactPreference.APP


@dataclass(frozen=True)
class AddToRequest(Payload):
    """The youth writes more to their own request; it waits for a reply again."""

    kind: ClassVar[Kind] = Kind.REQUEST_ADD
    id: str
    text: str


@dataclass(frozen=True)
class ClassifyRequest(Payload):
    """Set the category: `changes` {"category": new}, `before` {"category": what the cadre
    saw}. The shape of an activity edit, so that two devices classifying one request offline
    become a field conflict in 同步问题 like two edits of an activity (`sync_issues`)."""

    kind: ClassVar[Kind] = Kind.REQUEST_CLASSIFY
    id: str
    changes: dict[str, Any]
    before: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class AssignRequest(Payload):
    """Hand the request down to an organisation below the one holding it; it then sits in
    that organisation's queue (and scope)."""

    kind: ClassVar[Kind] = Kind.REQUEST_ASSIGN
    id: str
    org_id: str


@dataclass(frozen=True)
class ReplyRequest(Payload):
    kind: ClassVar[Kind] = Kind.REQUEST_REPLY
    id: str
    text: str


@dataclass(frozen=True)
class ArchiveRequest(Payload):
    kind: ClassVar[Kind] = Kind.REQUEST_ARCHIVE
    id: str


def _event(ctx: ApplyContext, request_id: str, action: RequestAction, detail: str = "") -> None:
    ctx.insert(
        "request_events",
        {
            "id": ctx.new_id(),
            "request_id": request_id,
            "at": ctx.now,
            "actor": ctx.actor,
            "action": action.value,
            "detail": detail,
        },
    )


def _reopen_if_archived(ctx: ApplyContext, row: dict[str, Any]) -> bool:
    """Log the reopening of an archived request a reply or an addition reached; whether it was
    archived (the caller sets the new state)."""
    if RequestState(row["state"]) is not RequestState.ARCHIVED:
        return False
    _event(ctx, row["id"], RequestAction.REOPENED)
    return True


@handler(SubmitRequest)
def submit_request(ctx: ApplyContext, op: SubmitRequest) -> Outcome:
    org = existing(ctx, "organizations", op.org_id)
    text = privacy.mask_numbers_in_text(rules.validate_request_text(op.text, name="request_text"))
    guess = op.category_guess.strip()
    if guess:
        guess = rules.validate_request_category(guess)
    ctx.insert(
        "requests",
        {
            "id": op.id,
            "org_id": org["id"],
            "youth_id": ctx.youth_id,
            "category_guess": guess,
            "category": "",
            "text": text,
            "contact": op.contact.value,
            "state": RequestState.NEW.value,
            "submitted_at": ctx.now,
            "assigned_at": None,
            "replied_at": None,
            "archived_at": None,
            "updated_at": ctx.now,
        },
    )
    _event(ctx, op.id, RequestAction.SUBMITTED)
    return Outcome(op.id)


@handler(AddToRequest)
def add_to_request(ctx: ApplyContext, op: AddToRequest) -> Outcome:
    row = own(ctx, existing(ctx, "requests", op.id))
    text = privacy.mask_numbers_in_text(rules.validate_request_text(op.text, name="request_text"))
    _event(ctx, op.id, RequestAction.ADDED, text)
    reopened = _reopen_if_archived(ctx, row)
    values: dict[str, Any] = {"state": rules.state_after_addition(row).value, "updated_at": ctx.now}
    if reopened:
        values["archived_at"] = None
    ctx.update("requests", op.id, values)
    return Outcome(op.id, changed="request_reopened" if reopened else None)


@handler(ClassifyRequest)
def classify_request(ctx: ApplyContext, op: ClassifyRequest) -> Outcome:
    """Merged like an activity edit: the category another cadre set meanwhile to something
    else is kept, and the outcome names the conflict for the user to settle."""
    row = existing(ctx, "requests", op.id)
    state = RequestState(row["state"])
    if set(op.changes) != {"category"} or not isinstance(op.changes["category"], str):
        raise RuleViolation("malformed_operation")
    mine = rules.validate_request_category(op.changes["category"])
    theirs = row["category"]
    if "category" in op.before and theirs not in (op.before["category"], mine):
        return Outcome(
            op.id,
            changed="field_conflict",
            params={
                "table": "requests",
                "id": op.id,
                "fields": {"category": {"mine": mine, "theirs": theirs}},
            },
        )
    new_state = rules.state_after_classify(state)
    if theirs == mine and new_state is state:
        return Outcome(op.id)  # the same category twice: nothing to record
    ctx.update(
        "requests", op.id, {"category": mine, "state": new_state.value, "updated_at": ctx.now}
    )
    _event(ctx, op.id, RequestAction.CLASSIFIED, mine)
    return Outcome(op.id)


def _below(ctx: ApplyContext, org_id: str, ancestor_id: str) -> bool:
    """Whether organisation `org_id` lies strictly below `ancestor_id`."""
    seen: set[str] = set()
    org = ctx.get("organizations", org_id)
    while org is not None and org["parent_id"] and org["id"] not in seen:
        seen.add(org["id"])
        if org["parent_id"] == ancestor_id:
            return True
        org = ctx.get("organizations", org["parent_id"])
    return False


@handler(AssignRequest)
def assign_request(ctx: ApplyContext, op: AssignRequest) -> Outcome:
    """Only downwards, so everyone who saw the request still does (no device is left holding
    a request it may no longer see)."""
    row = existing(ctx, "requests", op.id)
    state = rules.state_after_assign(RequestState(row["state"]))
    existing(ctx, "organizations", op.org_id)
    if not _below(ctx, op.org_id, row["org_id"]):
        raise RuleViolation("not_subordinate")
    ctx.update(
        "requests",
        op.id,
        {"org_id": op.org_id, "state": state.value, "assigned_at": ctx.now, "updated_at": ctx.now},
    )
    _event(ctx, op.id, RequestAction.ASSIGNED, op.org_id)
    return Outcome(op.id)


@handler(ReplyRequest)
def reply_request(ctx: ApplyContext, op: ReplyRequest) -> Outcome:
    """Appended, never refused for the state: a reply to a request a colleague archived
    meanwhile is kept and reopens it."""
    row = existing(ctx, "requests", op.id)
    text = rules.validate_request_text(op.text, limit=rules.REPLY_MAX, name="reply")
    _event(ctx, op.id, RequestAction.REPLIED, text)
    reopened = _reopen_if_archived(ctx, row)
    values: dict[str, Any] = {
        "state": RequestState.REPLIED.value,
        "replied_at": row["replied_at"] or ctx.now,
        "updated_at": ctx.now,
    }
    if reopened:
        values["archived_at"] = None
    ctx.update("requests", op.id, values)
    return Outcome(op.id, changed="request_reopened" if reopened else None)


@handler(ArchiveRequest)
def archive_request(ctx: ApplyContext, op: ArchiveRequest) -> Outcome:
    """Archiving twice (two cadres offline) changes nothing the second time."""
    row = existing(ctx, "requests", op.id)
    if RequestState(row["state"]) is RequestState.ARCHIVED:
        return Outcome(op.id)
    ctx.update(
        "requests",
        op.id,
        {"state": RequestState.ARCHIVED.value, "archived_at": ctx.now, "updated_at": ctx.now},
    )
    _event(ctx, op.id, RequestAction.ARCHIVED)
    return Outcome(op.id)
