"""Filling the server's database: organisations and demo data.

Demo data comes from the desktop's generator (`sync.tools.demo`): it writes into a temporary local
replica, whose rows are then copied table by table into the server's tables, each row with its
organisation's `scope_path` and a change sequence of its own.
"""

from __future__ import annotations

import logging
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, insert, select

from sync.core.operations import REVEAL_PERMISSION
from sync.core.records import RECORD_TABLES, OrgLevel, field_names
from sync.server.config import InputError
from sync.server.config import now as clock_now
from sync.server.db import Database, next_seq, reserve_seqs
from sync.server.replication import deliver
from sync.server.scope import child_path
from sync.server.tables import RECORDS, ROOT_SCOPE, categories, organizations
from sync.tools.demo import DEMO_HOME_USERNAME, DEMO_PASSWORD

log = logging.getLogger(__name__)

DEMO_ACCOUNTS_PER_KIND = 3
BATCH_ROWS = 5_000

# A child sits below its parent: province > city > county > grassroots (a community's branch
# may sit under a street's committee, both grassroots).
_RANK = {OrgLevel.PROVINCE: 0, OrgLevel.CITY: 1, OrgLevel.COUNTY: 2, OrgLevel.GRASSROOTS: 3}


class SeedError(InputError):
    """Input that cannot be written as asked; the message is for the operator."""


# --- organisations ------------------------------------------------------------------------------


def _check_region(code: str) -> None:
    if not re.fullmatch(r"\d{6}", code):
        raise SeedError(f"地区代码应为 6 位数字：{code!r}（region code must be 6 digits）")
    from sync.core import regions

    try:
        table = regions.regions()
    except regions.RegionDataMissingError:
        log.warning("region data missing: %s not checked against the Jiangsu region table", code)
        return
    if not table.is_jiangsu_area(code):
        raise SeedError(f"{code} 不是江苏省的地区代码（not a Jiangsu region code）")


def create_org(
    conn: Connection,
    *,
    name: str,
    level: OrgLevel | str,
    parent_id: str | None,
    region_code: str,
    org_id: str | None = None,
) -> str:
    """Insert an organisation under `parent_id` (None only for the province); its id."""
    from sync.core.ids import uuid7

    name = name.strip()
    if not name:
        raise SeedError("请填写组织名称（--name is empty）")
    try:
        level = OrgLevel(level)
    except ValueError:
        choices = ", ".join(v.value for v in OrgLevel)
        raise SeedError(f"组织级别只能是 {choices}（not {level!r}）") from None
    _check_region(region_code)
    if parent_id is None:
        if level is not OrgLevel.PROVINCE:
            raise SeedError("只有省级组织可以没有上级，请给出 --parent-id（a parent is required）")
        parent_path = ROOT_SCOPE
    else:
        parent = conn.execute(
            select(organizations.c.level, organizations.c.scope_path).where(
                organizations.c.id == parent_id, organizations.c.deleted.is_(False)
            )
        ).first()
        if parent is None:
            raise SeedError(f"找不到上级组织 {parent_id}（no such parent organisation）")
        parent_level = OrgLevel(parent.level)
        below = _RANK[level] > _RANK[parent_level] or level is parent_level is OrgLevel.GRASSROOTS
        if not below:
            raise SeedError(
                f"{level.value} 级组织不能隶属于 {parent_level.value} 级组织"
                "（a child must rank below its parent）"
            )
        parent_path = parent.scope_path
    org_id = org_id or uuid7()
    conn.execute(
        insert(organizations).values(
            id=org_id,
            name=name,
            level=level.value,
            parent_id=parent_id,
            region_code=region_code,
            address="",
            lon=None,
            lat=None,
            contact_name="",
            contact_phone="",
            version=1,
            seq=next_seq(conn),
            deleted=False,
            scope_path=child_path(parent_path, org_id),
        )
    )
    return org_id


# --- demo data ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoAccount:
    username: str
    org_id: str
    org_name: str


@dataclass(frozen=True)
class DemoSeed:
    counts: dict[str, int]
    home_org_id: str
    accounts: list[DemoAccount] = field(default_factory=list)
    password: str = DEMO_PASSWORD


def _org_kind(name: str) -> str:
    """What kind of grassroots organisation a demo name describes (see sync.tools.demo_words)."""
    if name.endswith("社区团支部"):
        return "community"
    if re.search("学院|学校|中学|小学|大学|教育中心", name):
        return "school"
    if "公司" in name:
        return "company"
    if name.endswith("团支部"):
        return "unit"
    if name.endswith(("团工委", "团委")):
        return "street"
    return "org"


def _batches(rows: Iterable[dict[str, Any]], size: int = BATCH_ROWS) -> Iterator[list[dict]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class _Copier:
    """Copies the replica's rows into the server's tables in one transaction. Each row gets a
    change sequence of its own (one counter update per batch reserves the batch's numbers), so
    no pull page boundary ever has to split a group of rows sharing one sequence."""

    def __init__(self, conn: Connection, progress: Callable[[str, int], None] | None):
        self.conn, self.progress = conn, progress
        self.counts: dict[str, int] = {}

    def write(self, table: str, rows: Iterable[dict[str, Any]]) -> None:
        self.counts.setdefault(table, 0)
        for batch in _batches(rows):
            for row, seq in zip(batch, reserve_seqs(self.conn, len(batch)), strict=True):
                row["seq"] = seq
                row["deleted"] = False
            self.conn.execute(insert(RECORDS[table]), batch)
            self.counts[table] += len(batch)
            if self.progress:
                self.progress(table, self.counts[table])


def _org_paths(orgs: list[dict[str, Any]]) -> dict[str, str]:
    by_id = {o["id"]: o for o in orgs}
    paths: dict[str, str] = {}

    def path(org_id: str) -> str:
        if org_id not in paths:
            parent = by_id[org_id]["parent_id"]
            paths[org_id] = child_path(path(parent) if parent else ROOT_SCOPE, org_id)
        return paths[org_id]

    for org_id in by_id:
        path(org_id)
    return paths


def seed_demo(
    db: Database,
    size: str = "small",
    *,
    seed: int | None = None,
    now: datetime | None = None,
    progress: Callable[[str, int], None] | None = None,
) -> DemoSeed:
    """Generate the demo dataset (`sync.tools.demo.SIZES`) into an empty server database, with the
    demo accounts, in one transaction; SeedError if the database already holds organisations."""
    from sync.client.store import Store
    from sync.client.store.tables import RECORDS as REPLICA
    from sync.server import auth
    from sync.tools import demo

    if size not in demo.SIZES:
        raise SeedError(f"演示数据规模只能是 {', '.join(demo.SIZES)}（not {size!r}）")
    with db.read() as conn:
        if conn.scalar(select(func.count()).select_from(organizations)):
            raise SeedError(
                "数据库里已有组织，演示数据只能写入空数据库（the database is not empty）"
            )
    password_hash = auth.hash_password(DEMO_PASSWORD)  # once: every demo account shares it
    now = now or clock_now()

    with tempfile.TemporaryDirectory(prefix="suqing-demo-") as folder:
        store = Store(Path(folder) / "demo.sqlite")
        try:
            summary = demo.generate(
                store, size, seed=demo.DEFAULT_SEED if seed is None else seed, now=now
            )
            with store.engine.connect() as src, db.write() as dst:
                orgs, paths = _copy(src, dst, REPLICA, progress)
                accounts = _demo_accounts(dst, summary.home_org_id, orgs, paths, password_hash)
                counts = dict(
                    organizations=summary.organizations,
                    activities=summary.activities,
                    youths=summary.youths,
                    registrations=summary.registrations,
                    registration_events=summary.registration_events,
                    followers=summary.followers,
                    notices=summary.notices,
                )
        finally:
            store.close()
    log.info("seeded %s demo data: %s", size, counts)
    return DemoSeed(counts=counts, home_org_id=summary.home_org_id, accounts=accounts)


def _copy(src: Connection, dst: Connection, replica: dict, progress) -> tuple[list, dict]:
    def rows(table: str) -> Iterator[dict[str, Any]]:
        # The record's fields only: the replica may keep local bookkeeping columns beside them.
        columns = [replica[table].c[name] for name in field_names(RECORD_TABLES[table])]
        result = src.execution_options(yield_per=BATCH_ROWS).execute(select(*columns))
        for row in result.mappings():
            yield dict(row)

    copier = _Copier(dst, progress)
    # Categories: the server's first migration brought the defaults; add any the replica has
    # beyond them.
    known = set(dst.scalars(select(categories.c.code)))
    copier.write(
        "categories",
        (dict(r, scope_path=ROOT_SCOPE) for r in rows("categories") if r["code"] not in known),
    )
    orgs = list(rows("organizations"))
    paths = _org_paths(orgs)
    # Parents before children, so PostgreSQL's immediate foreign key checks pass.
    ordered = sorted(orgs, key=lambda o: paths[o["id"]].count("/"))
    copier.write("organizations", (dict(o, scope_path=paths[o["id"]]) for o in ordered))

    activity_paths: dict[str, str] = {}

    def activities() -> Iterator[dict[str, Any]]:
        for row in rows("activities"):
            activity_paths[row["id"]] = row["scope_path"] = paths[row["org_id"]]
            yield row

    copier.write("activities", activities())
    copier.write("youths", (dict(r, scope_path=ROOT_SCOPE) for r in rows("youths")))
    registration_paths: dict[str, str] = {}

    def registrations() -> Iterator[dict[str, Any]]:
        for row in rows("registrations"):
            registration_paths[row["id"]] = row["scope_path"] = activity_paths[row["activity_id"]]
            yield row

    copier.write("registrations", registrations())
    copier.write(
        "registration_events",
        (
            dict(r, scope_path=registration_paths[r["registration_id"]])
            for r in rows("registration_events")
        ),
    )
    copier.write("followers", (dict(r, scope_path=paths[r["org_id"]]) for r in rows("followers")))
    sent = list(rows("notices"))
    copier.write("notices", (dict(r, scope_path=paths[r["org_id"]]) for r in sent))
    for notice in sent:  # the demo's notices were delivered when they were sent
        deliver(dst, notice, notice["sent_at"])
    return orgs, paths


def _demo_accounts(
    conn: Connection,
    home_org_id: str,
    orgs: list[dict[str, Any]],
    paths: dict[str, str],
    password_hash: str,
) -> list[DemoAccount]:
    """`jiangning` for the home county, and `jiangning-<kind><n>` for up to three grassroots
    organisations of each kind under it."""
    from sync.server import auth

    home_path = paths[home_org_id]
    by_id = {o["id"]: o for o in orgs}
    chosen = [(DEMO_HOME_USERNAME, home_org_id)]
    per_kind: dict[str, int] = {}
    for org in orgs:  # in generation order: stable for a given seed
        if org["level"] != OrgLevel.GRASSROOTS or not paths[org["id"]].startswith(home_path):
            continue
        kind = _org_kind(org["name"])
        per_kind[kind] = per_kind.get(kind, 0) + 1
        if per_kind[kind] <= DEMO_ACCOUNTS_PER_KIND:
            chosen.append((f"{DEMO_HOME_USERNAME}-{kind}{per_kind[kind]}", org["id"]))
    accounts = []
    for username, org_id in chosen:
        name = by_id[org_id]["name"]
        new = auth.AccountCreate(
            username=username,
            password=DEMO_PASSWORD,
            org_id=org_id,
            display_name=name,
            # the county committee may see full phone and ID numbers; grassroots see them masked
            permissions=[REVEAL_PERMISSION] if org_id == home_org_id else [],
        )
        auth.create_account(conn, new, password_hash=password_hash)
        accounts.append(DemoAccount(username, org_id, name))
    return accounts
