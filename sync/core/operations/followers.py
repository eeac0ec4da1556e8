"""Operation kinds of followers and notices: tag, follow, unfollow, send a notice."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from sync.core import rules
from sync.core.operations.base import ApplyContext, Outcome, Payload, existing, handler, own
from sync.core.operations.kinds import Kind
from sync.core.records import NoticeStatus
from sync.core.rules import RuleViolation


@dataclass(frozen=True)
class TagFollowers(Payload):
    """Tags to add to and remove from each follower in `ids`."""

    kind: ClassVar[Kind] = Kind.FOLLOWER_TAG
    ids: tuple[str, ...]
    add: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()


@dataclass(frozen=True)
class Follow(Payload):
    """A youth follows an organisation, perhaps from an activity's page."""

    kind: ClassVar[Kind] = Kind.FOLLOWER_FOLLOW
    id: str
    org_id: str
    source_activity_id: str | None = None


@dataclass(frozen=True)
class Unfollow(Payload):
    kind: ClassVar[Kind] = Kind.FOLLOWER_UNFOLLOW
    id: str


@dataclass(frozen=True)
class SendNotice(Payload):
    """A notice to the organisation's followers: those with `tag`, or all ("")."""

    kind: ClassVar[Kind] = Kind.NOTICE_SEND
    id: str
    org_id: str
    title: str = ""
    body: str = ""
    tag: str = ""


@handler(TagFollowers)
def tag_followers(ctx: ApplyContext, op: TagFollowers) -> Outcome:
    """Set operations on each follower's tags, so devices tagging offline merge without loss.
    Followers that are gone (unfollowed, or out of scope) are skipped; none left at all is
    `not_found`."""
    add = [rules.validate_tag(t) for t in op.add]
    remove = list(op.remove)
    found = 0
    for follower_id in dict.fromkeys(op.ids):
        row = ctx.get("followers", follower_id)
        if row is None:
            continue
        found += 1
        tags = rules.change_tags(row["tags"], add=add, remove=remove)
        if tags != row["tags"]:
            ctx.update("followers", follower_id, {"tags": tags})
    if op.ids and not found:
        raise RuleViolation("not_found")
    return Outcome(op.ids[0] if op.ids else "")


@handler(Follow)
def follow(ctx: ApplyContext, op: Follow) -> Outcome:
    """Only a youth follows, themself; following twice keeps the first follow."""
    org = existing(ctx, "organizations", op.org_id)
    source = op.source_activity_id or None
    if source is not None and ctx.get("activities", source) is None:
        source = None
    found = ctx.find("followers", org_id=org["id"], youth_id=ctx.youth_id, limit=1)
    if found:
        follower_id = found[0]["id"]
        return Outcome(follower_id, changed="already_following", params={"id": follower_id})
    ctx.insert(
        "followers",
        {
            "id": op.id,
            "org_id": org["id"],
            "youth_id": ctx.youth_id,
            "followed_at": ctx.now,
            "source_activity_id": source,
            "tags": "",
        },
    )
    return Outcome(op.id)


@handler(Unfollow)
def unfollow(ctx: ApplyContext, op: Unfollow) -> Outcome:
    """Only the youth themself unfollows."""
    own(ctx, existing(ctx, "followers", op.id))
    ctx.delete("followers", op.id)
    return Outcome(op.id)


@handler(SendNotice)
def send_notice(ctx: ApplyContext, op: SendNotice) -> Outcome:
    """Queued where it is written; the server delivers it at once and marks it sent with the
    number of recipients."""
    values = {"title": op.title, "body": op.body, "tag": op.tag}
    problems = rules.validate_notice(values)
    if problems:
        raise RuleViolation("invalid_notice", problems=problems)
    org = existing(ctx, "organizations", op.org_id)
    notice = {
        "id": op.id,
        "org_id": org["id"],
        "title": op.title.strip(),
        "body": op.body.strip(),
        "tag": op.tag.strip(),
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
            op.id,
            {"status": NoticeStatus.SENT.value, "recipient_count": delivered, "sent_at": ctx.now},
        )
    return Outcome(op.id)
