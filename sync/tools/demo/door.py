"""Demo 签到: what happened at the door of one activity that ended in the past week, so the
签到 page and its 志愿时长 show something from the start (`run.sh`): check-ins around the
start, most check-outs around the end, a mistaken scan undone with its reason, and one
correction of the hours with its reason. The hours are left unconfirmed, for the demo user
to confirm."""

from __future__ import annotations

import random
import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from sync.core.records import ActivityStatus, CheckinAction
from sync.tools.demo.model import _Plan

DOOR_LOOKBACK = timedelta(days=7)  # as far back as the 签到 page offers activities
MOST_PEOPLE = 60  # enough to fill the page, few enough to read


def door_activity(
    plans: Sequence[_Plan], admitted: Mapping[str, list[str]], now: datetime
) -> _Plan | None:
    """The published activity that ended within the lookback and admitted the most people."""
    ended = [
        p
        for p in plans
        if p.status is ActivityStatus.PUBLISHED
        and now - DOOR_LOOKBACK <= p.starts_at
        and p.ends_at < now
        and admitted.get(p.id)
    ]
    return max(ended, key=lambda p: (len(admitted[p.id]), p.ends_at), default=None)


def door_events(
    plans: Sequence[_Plan],
    admitted: Mapping[str, list[str]],
    now: datetime,
    seed: int,
    actor: str,
) -> list[dict[str, Any]]:
    """The door events of `door_activity`, drawn from their own generator (`seed`) so no
    other demo row changes; none when no activity fits."""
    plan = door_activity(plans, admitted, now)
    if plan is None:
        return []
    rng = random.Random(seed)
    people = admitted[plan.id][:MOST_PEOPLE]
    events: list[dict[str, Any]] = []

    def add(registration_id: str, action: CheckinAction, at: datetime, **extra: Any) -> str:
        event_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        events.append(
            {
                "id": event_id,
                "registration_id": registration_id,
                "activity_id": plan.id,
                "action": action.value,
                "at": at,
                "actor": actor,
                "voids": extra.get("voids", ""),
                "reason": extra.get("reason", ""),
                "hours": extra.get("hours"),
                "version": 1,
            }
        )
        return event_id

    arrived = [r for r in people if rng.random() < 0.85]
    stayed_on = []  # arrived, never checked out
    for registration_id in arrived:
        came = plan.starts_at + timedelta(minutes=rng.randint(-20, 25))
        add(registration_id, CheckinAction.CHECK_IN, came)
        if rng.random() < 0.8:
            went = max(
                came + timedelta(minutes=5), plan.ends_at + timedelta(minutes=rng.randint(-45, 15))
            )
            add(registration_id, CheckinAction.CHECK_OUT, went)
        else:
            stayed_on.append(registration_id)
    absent = [r for r in people if r not in set(arrived)]
    if absent:  # a mistaken scan at the door, undone with its reason
        wrong = add(absent[0], CheckinAction.CHECK_IN, plan.starts_at + timedelta(minutes=3))
        add(
            absent[0],
            CheckinAction.VOID,
            plan.starts_at + timedelta(minutes=4),
            voids=wrong,
            reason="扫错了人，撤销",
        )
    if stayed_on:  # left without checking out: the organiser vouches for the hours
        add(
            stayed_on[0],
            CheckinAction.ADJUST,
            plan.ends_at + timedelta(hours=1),
            hours=3.0,
            reason="离场时未签退，现场负责人确认服务 3 小时",
        )
    return events
