"""Children under 14 (issue 9, point 4): a registration waits for a recorded guardian's consent
before it is approved, by a cadre, by an activity without review or from the waitlist; their
age counts on the day the activity starts. The rule is the core's, so the store keeps it here
and the server (running the same handlers) in tests/server/test_minors_e2e.py."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from sync.client.store import Store
from sync.client.store import registration_queries as rq
from sync.client.store.tables import registrations
from sync.core import privacy, rules
from sync.core.records import ActivityStatus, GuardianConsent, RegistrationSource
from sync.core.rules import RuleViolation
from tests.conftest import HOME_ORG, NOW, activity_fields

START = NOW + timedelta(days=14)  # activity_fields' default start


def years_before(day: date, years: int) -> date:
    return day.replace(year=day.year - years)


def published(store: Store, **overrides) -> str:
    _, activity_id = store.create_activity(HOME_ORG, activity_fields(**overrides))
    store.transition_activity(activity_id, ActivityStatus.PUBLISHED)
    return activity_id


def walk_in(store: Store, activity_id: str, n: int, birth_date: date | None) -> str:
    """One walk-in registration of a new youth; its id."""
    youth = {"name": f"青年{n}", "phone": f"1390000{n:04d}", "birth_date": birth_date}
    store.create_registrations(activity_id, [youth], source=RegistrationSource.WALK_IN)
    with store.engine.connect() as conn:
        return conn.scalar(
            select(registrations.c.id)
            .where(registrations.c.activity_id == activity_id)
            .order_by(registrations.c.registered_at.desc(), registrations.c.id.desc())
        )


def status(store: Store, registration_id: str) -> str:
    with store.engine.connect() as conn:
        return conn.scalar(
            select(registrations.c.status).where(registrations.c.id == registration_id)
        )


def youth_of(store: Store, registration_id: str) -> str:
    with store.engine.connect() as conn:
        return conn.scalar(
            select(registrations.c.youth_id).where(registrations.c.id == registration_id)
        )


def test_age_counts_on_the_day_the_activity_starts():
    starts = START.date()
    # 13 today, 14 by the activity: no consent needed; 14 today is never a child again
    turns_14_before = years_before(starts - timedelta(days=1), 14)
    assert privacy.age_on(turns_14_before, NOW.date()) == 13
    assert not privacy.awaits_guardian_consent(turns_14_before, "unknown", START)
    turns_14_after = years_before(starts + timedelta(days=1), 14)
    assert privacy.awaits_guardian_consent(turns_14_after, "unknown", START)
    assert privacy.awaits_guardian_consent(turns_14_after, "refused", START)
    assert not privacy.awaits_guardian_consent(turns_14_after, "given", START)
    assert not privacy.awaits_guardian_consent(None, "unknown", START)  # age unknown
    # China time: an activity at 07:00 on the 8th starts on the 8th, though it is the 7th in UTC
    early = START.replace(hour=7)
    born = years_before(early.date(), 14)
    assert not privacy.awaits_guardian_consent(born, "unknown", early)


def test_a_nine_year_old_is_not_approved_automatically(store: Store):
    activity_id = published(store, requires_review=False)
    child = walk_in(store, activity_id, 1, years_before(START.date(), 9))
    adult = walk_in(store, activity_id, 2, date(2000, 1, 1))
    unknown_age = walk_in(store, activity_id, 3, None)
    assert status(store, child) == "pending"
    assert status(store, adult) == "approved"
    assert status(store, unknown_age) == "approved"


def test_approving_a_child_needs_a_recorded_guardian_consent(store: Store):
    activity_id = published(store)
    child = walk_in(store, activity_id, 1, years_before(START.date(), 12))
    with pytest.raises(RuleViolation) as refused:
        store.review_registration(child, "approve")
    assert refused.value.code == "guardian_consent_required"
    assert status(store, child) == "pending"
    store.set_guardian_consent(youth_of(store, child), GuardianConsent.REFUSED)
    with pytest.raises(RuleViolation):
        store.review_registration(child, "approve")
    store.review_registration(child, "reject", "监护人不同意")  # rejecting needs no consent
    assert status(store, child) == "rejected"
    store.set_guardian_consent(youth_of(store, child), GuardianConsent.GIVEN)
    store.review_registration(child, "approve")
    assert status(store, child) == "approved"


def test_a_bulk_approval_leaves_waiting_children_to_the_page(store: Store):
    activity_id = published(store)
    child = walk_in(store, activity_id, 1, years_before(START.date(), 10))
    adult = walk_in(store, activity_id, 2, date(2001, 5, 6))
    assert store.read(rq.awaiting_consent, [child, adult]) == {child}
    with pytest.raises(RuleViolation) as refused:  # all or nothing: the child is named
        store.review_registrations([adult, child], "approve")
    assert refused.value.code == "guardian_consent_required"
    assert status(store, adult) == "pending"


def test_a_child_whose_consent_was_withdrawn_is_not_promoted_from_the_waitlist(store: Store):
    activity_id = published(store, capacity=1)
    first = walk_in(store, activity_id, 1, date(2000, 1, 1))
    child = walk_in(store, activity_id, 2, years_before(START.date(), 11))
    adult = walk_in(store, activity_id, 3, date(2000, 2, 2))
    store.set_guardian_consent(youth_of(store, child), GuardianConsent.GIVEN)
    store.review_registrations([first, child, adult], "approve")
    assert [status(store, r) for r in (first, child, adult)] == [
        "approved",
        "waitlisted",
        "waitlisted",
    ]
    store.set_guardian_consent(youth_of(store, child), GuardianConsent.UNKNOWN)
    store.cancel_registration(first)
    assert status(store, child) == "waitlisted"  # keeps its place, not the seat
    assert status(store, adult) == "approved"


def test_the_refusal_has_a_message_and_adults_pass():
    from sync.core import messages

    assert messages.render("guardian_consent_required", {}) == (
        "报名者在活动开始时未满14周岁，须先记录监护人同意，才能通过报名"
    )
    assert rules.check_guardian_consent(date(2000, 1, 1), "unknown", START) is None
