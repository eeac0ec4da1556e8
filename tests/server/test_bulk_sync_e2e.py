"""End to end: a bulk action synced back to the device that did it and to another device, the
pulled pages taken in with one rebase of the outstanding operations, not one a page."""

from __future__ import annotations

import pytest

from sync.client import session
from sync.client.engine import sync_once
from sync.client.store import replica
from tests.server.conftest import Device

WALK_INS = 40


def _sync_in_small_pages(device: Device, page_size: int = 10):
    client = session.connect(device.store)
    try:
        report = sync_once(device.store, client, page_size=page_size)
    finally:
        client.close()
    assert report.ok, (report.push_error, report.pull_error)
    return report


@pytest.fixture
def rebases(monkeypatch) -> list[int]:
    """How many rebases the devices ran, and how many operations each replayed."""
    counted: list[int] = []
    real = replica.rebase

    def counting(conn, reference, change, **kwargs):
        counted.append(len(replica.outstanding_ops(conn)))
        return real(conn, reference, change, **kwargs)

    monkeypatch.setattr(replica, "rebase", counting)
    return counted


def test_a_bulk_action_is_pulled_back_with_one_rebase(devices, rebases):
    a, b = devices("a"), devices("b")
    a.sync()
    b.sync()
    activity_id = next(i for i, r in a.activities().items() if r["status"] == "published")
    a.store.update_activity(activity_id, {"capacity": 1000, "requires_review": True})
    a.sync()
    b.sync()
    youths = [{"name": f"走访{n}", "phone": f"139{n:08d}"} for n in range(WALK_INS)]
    a.store.create_registrations(activity_id, youths, source="walk_in")
    title = "乙机尚未上传的标题"
    b.store.update_activity(activity_id, {"title": title})  # b's pending edit
    rebases.clear()

    report = _sync_in_small_pages(a)
    assert report.pushed == WALK_INS and report.rejected == 0
    assert report.pages > 2
    # The pull took its pages in at once: one rebase, after which nothing is outstanding.
    assert len(rebases) == 1, rebases
    assert a.store.pending_count() == 0 and a.store.outbox_entries() == []

    rebases.clear()
    report = _sync_in_small_pages(b)
    assert report.pages > 2 and len(rebases) == 1, rebases
    # b shows the server's rows with its own pending edit on top (then pushed and pulled back)
    assert b.activities()[activity_id]["title"] == title
    mine = {i: r for i, r in a.registrations().items() if r["activity_id"] == activity_id}
    theirs = {i: r for i, r in b.registrations().items() if r["activity_id"] == activity_id}
    assert mine == theirs
    assert sum(r["status"] == "pending" for r in mine.values()) >= WALK_INS
