"""Operation kinds of followers, notices and personal data (registered with
`sync.core.operations.handler`; shared by the desktop and the server like every handler)."""

from __future__ import annotations

from typing import Any

from sync.core import rules
from sync.core.operations import (
    REVEAL_PERMISSION,
    ApplyContext,
    Outcome,
    _existing,
    _own,
    handler,
)
from sync.core.records import GuardianConsent, NoticeStatus
from sync.core.rules import RuleViolation

# --- followers and notices -------------------------------------------------------------------


def _string_list(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleViolation("malformed_operation")
    return value


@handler("follower.tag")
def tag_followers(ctx: ApplyContext, payload: dict[str, Any]) -> Outcome:
    """payload: ids, add, remove (tags). Set operations on each follower's tags, so devices
    tagging offline merge without loss. Followers that are gone (unfollowed, or out of scope)
    are skipped; none left at all is `not_found`."""
    if ctx.youth_id is not None:
        raise RuleViolation("not_allowed")
    ids = _string_list(payload["ids"])
    add = [rules.validate_tag(t) for t in _string_list(payload.get("add") or [])]
    remove = _string_list(payload.get("remove") or [])
    found = 0
    for follower_id in dict.fromkeys(ids):
        row = ctx.get("followers", follower_id)
        if row is None:
            continue
        found += 1
        tags = rules.change_tags(row["tags"], add=add, remove=remove)
        if tags != row["tags"]:
            ctx.update("followers", follower_id, {"tags": tags})
    if ids and not found:
        raise RuleViolation("not_found")
    return Outcome(ids[0] if ids else "")


@handler("follower.follow")
def follow(ctx: ApplyContext, payload: dict[str, Any]) -> Outcome:
    """payload: id, org_id, source_activity_id (optional). Only a youth follows, themself;
    following twice keeps the first follow."""
    if ctx.youth_id is None:
        raise RuleViolation("not_allowed")
    org = _existing(ctx, "organizations", payload["org_id"])
    source = payload.get("source_activity_id") or None
    if source is not None and ctx.get("activities", source) is None:
        source = None
    existing = ctx.find("followers", org_id=org["id"], youth_id=ctx.youth_id, limit=1)
    if existing:
        follower_id = existing[0]["id"]
        return Outcome(follower_id, changed="already_following", params={"id": follower_id})
    ctx.insert(
        "followers",
        {
            "id": payload["id"],
            "org_id": org["id"],
            "youth_id": ctx.youth_id,
            "followed_at": ctx.now,
            "source_activity_id": source,
            "tags": "",
        },
    )
    return Outcome(payload["id"])


@handler("follower.unfollow")
def unfollow(ctx: ApplyContext, payload: dict[str, Any]) -> Outcome:
    """payload: id. Only the youth themself unfollows."""
    if ctx.youth_id is None:
        raise RuleViolation("not_allowed")
    _own(ctx, _existing(ctx, "followers", payload["id"]))
    ctx.delete("followers", payload["id"])
    return Outcome(payload["id"])


@handler("notice.send")
def send_notice(ctx: ApplyContext, payload: dict[str, Any]) -> Outcome:
    """payload: id, org_id, title, body, tag ("" = every follower). Queued where it is
    written; the server delivers it at once and marks it sent with the number of recipients."""
    if ctx.youth_id is not None:
        raise RuleViolation("not_allowed")
    values = {k: payload.get(k) or "" for k in ("title", "body", "tag")}
    problems = rules.validate_notice(values)
    if problems:
        raise RuleViolation("invalid_notice", problems=problems)
    org = _existing(ctx, "organizations", payload["org_id"])
    notice = {
        "id": payload["id"],
        "org_id": org["id"],
        "title": values["title"].strip(),
        "body": values["body"].strip(),
        "tag": values["tag"].strip(),
        "status": NoticeStatus.QUEUED.value,
        "recipient_count": 0,
        "created_at": ctx.now,
        "created_by": ctx.actor,
        "sent_at": None,
    }
    ctx.insert("notices", notice)
    delivered = ctx.deliver_notice(notice)
    if delivered is not None:
        ctx.update(
            "notices",
            payload["id"],
            {"status": NoticeStatus.SENT.value, "recipient_count": delivered, "sent_at": ctx.now},
        )
    return Outcome(payload["id"])


# --- personal data ---------------------------------------------------------------------------


@handler("youth.consent")
def record_consent(ctx: ApplyContext, payload: dict[str, Any]) -> Outcome:
    """payload: id (a youth), status (a GuardianConsent value)."""
    if ctx.youth_id is not None:
        raise RuleViolation("not_allowed")
    try:
        status = GuardianConsent(payload["status"])
    except ValueError:
        raise RuleViolation("invalid_consent") from None
    _existing(ctx, "youths", payload["id"])
    ctx.update("youths", payload["id"], {"guardian_consent": status.value})
    return Outcome(payload["id"])


REVEALABLE: dict[str, frozenset[str]] = {
    "youths": frozenset({"phone", "id_number"}),
    "registrations": frozenset({"phone", "id_number"}),  # of the registration's youth
    "followers": frozenset({"phone", "id_number"}),
}


@handler("personal.reveal")
def reveal(ctx: ApplyContext, payload: dict[str, Any]) -> Outcome:
    """payload: table, id, fields. Changes nothing: it exists so that the server's log of
    applied operations records who saw which personal data, and refuses it to an account
    without the `reveal_personal_data` permission."""
    if ctx.permissions is not None and REVEAL_PERMISSION not in ctx.permissions:
        raise RuleViolation("permission_denied")
    table = payload["table"]
    fields = _string_list(payload["fields"])
    if table not in REVEALABLE or not fields or set(fields) - REVEALABLE[table]:
        raise RuleViolation("malformed_operation")
    _existing(ctx, table, payload["id"])
    return Outcome(payload["id"])
