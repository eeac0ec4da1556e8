"""Filling the server's database: organisations and demo data.

Demo data comes from the desktop's generator (`sync.tools.demo`), written straight into the
server's tables through a sink that gives each row its organisation's `scope_path` and a change
sequence of its own.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, insert, select

from sync.core.operations import REVEAL_PERMISSION, jiangsu_reference
from sync.core.records import OrgLevel
from sync.server.config import InputError
from sync.server.config import now as clock_now
from sync.server.db import Database, next_seq, reserve_seqs
from sync.server.replication import deliver
from sync.server.scope import child_path
from sync.server.tables import RECORDS, ROOT_SCOPE, categories, organizations
from sync.tools.demo import DEMO_HOME_USERNAME, DEMO_PASSWORD

log = logging.getLogger(__name__)

DEMO_ACCOUNTS_PER_KIND = 3

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


@dataclass(frozen=True)
class OrgPlace:
    """Where an organisation is and whom to contact: shown on the map and its page."""

    address: str = ""
    lon: float | None = None  # WGS84
    lat: float | None = None
    contact_name: str = ""
    contact_phone: str = ""

    def checked(self) -> OrgPlace:
        """The same, trimmed; a point must be whole and inside Jiangsu, as for activities."""
        from sync.core import regions

        if (self.lon is None) != (self.lat is None):
            raise SeedError("经度和纬度要一起给出（give both --lon and --lat）")
        if self.lon is not None and not regions.province_boundary().contains(self.lon, self.lat):
            raise SeedError(
                f"坐标 {self.lon}, {self.lat} 不在江苏省范围内（the point is outside Jiangsu）"
            )
        return OrgPlace(
            address=self.address.strip(),
            lon=self.lon,
            lat=self.lat,
            contact_name=self.contact_name.strip(),
            contact_phone=self.contact_phone.strip(),
        )


def create_org(
    conn: Connection,
    *,
    name: str,
    level: OrgLevel | str,
    parent_id: str | None,
    region_code: str,
    org_id: str | None = None,
    place: OrgPlace = OrgPlace(),
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
    place = place.checked()
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
            address=place.address,
            lon=place.lon,
            lat=place.lat,
            contact_name=place.contact_name,
            contact_phone=place.contact_phone,
            version=1,
            seq=next_seq(conn),
            deleted=False,
            scope_path=child_path(parent_path, org_id),
        )
    )
    return org_id


def set_org_place(conn: Connection, org_id: str, place: OrgPlace) -> None:
    """Replace an organisation's address, coordinates and contact; devices pull the change."""
    place = place.checked()
    done = conn.execute(
        organizations.update()
        .where(organizations.c.id == org_id, organizations.c.deleted.is_(False))
        .values(
            address=place.address,
            lon=place.lon,
            lat=place.lat,
            contact_name=place.contact_name,
            contact_phone=place.contact_phone,
            version=organizations.c.version + 1,
            seq=next_seq(conn),
        )
    )
    if done.rowcount != 1:
        raise SeedError(f"找不到组织 {org_id}（no such organisation）")


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


class _ServerSink:
    """The demo generator's sink (`sync.tools.demo.Sink`) over the server's tables, on one
    transaction: each row gets its organisation's `scope_path` and a change sequence of its own
    (one counter update per batch reserves the batch's numbers), so no pull page boundary ever
    has to split a group of rows sharing one sequence."""

    def __init__(self, conn: Connection, progress: Callable[[str, int], None] | None):
        self.conn, self.progress = conn, progress
        self.counts: dict[str, int] = {}
        self.orgs: list[dict[str, Any]] = []  # in generation order, for the demo accounts
        self.paths: dict[str, str] = {}  # organisation id → scope_path
        self._activity_paths: dict[str, str] = {}
        self._registration_paths: dict[str, str] = {}
        self._request_paths: dict[str, str] = {}

    def write(self, table: str, rows: list[dict[str, Any]]) -> None:
        for row in rows:
            row["scope_path"] = self._scope_path(table, row)
        if table == "organizations":
            # Parents before children, so PostgreSQL's immediate foreign key checks pass.
            rows = sorted(rows, key=lambda o: self.paths[o["id"]].count("/"))
        for row, seq in zip(rows, reserve_seqs(self.conn, len(rows)), strict=True):
            row["seq"] = seq
            row["deleted"] = False
        self.conn.execute(insert(RECORDS[table]), rows)
        if table == "notices":
            for notice in rows:  # the demo's notices were delivered when they were sent
                deliver(self.conn, notice, notice["sent_at"])
        self.counts[table] = self.counts.get(table, 0) + len(rows)
        if self.progress:
            self.progress(table, self.counts[table])

    def _scope_path(self, table: str, row: dict[str, Any]) -> str:
        if table == "organizations":
            self.orgs.append(row)
            parent = row["parent_id"]  # the generator draws a parent before its children
            path = child_path(self.paths[parent] if parent else ROOT_SCOPE, row["id"])
            self.paths[row["id"]] = path
            return path
        if table == "activities":
            path = self._activity_paths[row["id"]] = self.paths[row["org_id"]]
            return path
        if table == "registrations":
            path = self._activity_paths[row["activity_id"]]
            self._registration_paths[row["id"]] = path
            return path
        if table in ("registration_events", "checkin_events"):
            return self._registration_paths[row["registration_id"]]
        if table == "youths":
            return ROOT_SCOPE
        if table == "requests":
            path = self._request_paths[row["id"]] = self.paths[row["org_id"]]
            return path
        if table == "request_events":
            return self._request_paths[row["request_id"]]
        return self.paths[row["org_id"]]  # followers, notices


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

    with db.write() as conn:
        reference = jiangsu_reference(list(conn.scalars(select(categories.c.code))))
        sink = _ServerSink(conn, progress)
        summary = demo.generate(
            sink,
            reference,
            size,
            seed=demo.DEFAULT_SEED if seed is None else seed,
            now=now,
        )
        accounts = _demo_accounts(conn, summary.home_org_id, sink.orgs, sink.paths, password_hash)
    counts = dict(
        organizations=summary.organizations,
        activities=summary.activities,
        youths=summary.youths,
        registrations=summary.registrations,
        registration_events=summary.registration_events,
        checkin_events=summary.checkin_events,
        followers=summary.followers,
        notices=summary.notices,
    )
    log.info("seeded %s demo data: %s", size, counts)
    return DemoSeed(counts=counts, home_org_id=summary.home_org_id, accounts=accounts)


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
