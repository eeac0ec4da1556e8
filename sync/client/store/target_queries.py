"""考核 progress over the local replica (no Qt): each target the replica holds, what its
organisation (with its subordinates) has done in the target's period, ranked, with a warning
as the deadline nears. Counted as the 统计 page counts (`stats_queries`)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import Connection, case, func, select

from sync.client.store.stats_queries import (
    APPROVED,
    StatsQuery,
    competition_ranks,
    held_activities,
    org_ids,
)
from sync.client.store.tables import (
    activities,
    assessment_targets,
    organizations,
    registrations,
)

# Days before the deadline from which a target not yet met is flagged.
WARN_DAYS = 14


@dataclass(frozen=True)
class TargetProgress:
    id: str
    org_id: str
    org_name: str
    period_start: date
    period_end: date
    featured_target: int
    participants_target: int
    featured_done: int
    participants_done: int
    set_by: str
    days_left: int  # to the deadline, included; negative once past
    rank: int = 0

    @property
    def completion(self) -> float:
        """The mean of the two shares done, each capped at 1 (an excess in one does not make
        up for the other)."""
        shares = [
            min(done / target, 1.0) if target else 1.0
            for done, target in (
                (self.featured_done, self.featured_target),
                (self.participants_done, self.participants_target),
            )
        ]
        return sum(shares) / len(shares)

    @property
    def status(self) -> str:
        """met | overdue | due_soon | on_track."""
        if self.completion >= 1.0:
            return "met"
        if self.days_left < 0:
            return "overdue"
        return "due_soon" if self.days_left <= WARN_DAYS else "on_track"


def done_in(conn: Connection, query: StatsQuery) -> tuple[int, int]:
    """(featured activities held, approved registrations) of `query`'s organisations."""
    ids = org_ids(conn, query.org_id, query.subordinates)
    held = held_activities(query, ids)
    featured = conn.scalar(select(func.count()).where(*held, activities.c.featured.is_(True)))
    approved = conn.scalar(
        select(func.count(case((registrations.c.status == APPROVED, 1))))
        .select_from(registrations.join(activities, activities.c.id == registrations.c.activity_id))
        .where(*held)
    )
    return featured or 0, approved or 0


def target_progress(conn: Connection, org_id: str, today: date) -> list[TargetProgress]:
    """Targets of `org_id` and every organisation below it, best progress first."""
    ids = org_ids(conn, org_id, True)
    stmt = (
        select(assessment_targets, organizations.c.name.label("org_name"))
        .join(organizations, organizations.c.id == assessment_targets.c.org_id)
        .where(assessment_targets.c.org_id.in_(ids))
    )
    found = []
    for t in conn.execute(stmt):
        query = StatsQuery(t.org_id, True, t.period_start, t.period_end)
        featured, participants = done_in(conn, query)
        found.append(
            TargetProgress(
                id=t.id,
                org_id=t.org_id,
                org_name=t.org_name,
                period_start=t.period_start,
                period_end=t.period_end,
                featured_target=t.featured_activities,
                participants_target=t.participants,
                featured_done=featured,
                participants_done=participants,
                set_by=t.set_by,
                days_left=(t.period_end - today).days,
            )
        )
    found.sort(key=lambda p: (-p.completion, p.period_end, p.org_name, p.id))
    ranks = competition_ranks([round(p.completion, 6) for p in found])
    return [replace(p, rank=r) for p, r in zip(found, ranks, strict=True)]
