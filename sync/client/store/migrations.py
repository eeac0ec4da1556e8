"""Versioned schema migrations of the local database, run at start-up after a backup.

Each step is frozen SQL: never edit a step that has shipped, append a new one. The schema version
lives in SQLite's `PRAGMA user_version`. `tests/test_migrations.py` checks that the last step
yields exactly the tables `store.tables` derives from the records, and that a database made
by the first step opens after every later one with nothing lost;
`tests/server/test_upgrade_keeps_data.py` builds a device database of every version (a new step
is a new version there, with nothing to add) with unsynced operations, upgrades it, and pushes.
"""

from __future__ import annotations

import glob
import logging
import re
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sync.client.store import cipher, request_search

log = logging.getLogger(__name__)

Step = Callable[[sqlite3.Connection], None]


def _run(db: sqlite3.Connection, script: str) -> None:
    """Run DDL statements inside the caller's transaction (executescript would commit first)."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _v1_initial(db: sqlite3.Connection) -> None:
    _run(
        db,
        """
        CREATE TABLE organizations (
            id VARCHAR(64) NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            level VARCHAR(32) NOT NULL,
            parent_id VARCHAR(64) REFERENCES organizations (id),
            region_code TEXT NOT NULL,
            address TEXT NOT NULL,
            lon FLOAT,
            lat FLOAT,
            contact_name TEXT NOT NULL,
            contact_phone TEXT NOT NULL,
            version INTEGER NOT NULL
        );
        CREATE INDEX ix_organizations_region_code ON organizations (region_code);
        CREATE INDEX ix_organizations_parent_id ON organizations (parent_id);

        CREATE TABLE activities (
            id VARCHAR(64) NOT NULL PRIMARY KEY,
            org_id VARCHAR(64) NOT NULL REFERENCES organizations (id),
            title TEXT NOT NULL,
            category TEXT NOT NULL,
            description TEXT NOT NULL,
            region_code TEXT NOT NULL,
            location_name TEXT NOT NULL,
            lon FLOAT,
            lat FLOAT,
            starts_at DATETIME,
            ends_at DATETIME,
            registration_opens_at DATETIME,
            registration_closes_at DATETIME,
            capacity INTEGER NOT NULL,
            requires_review BOOLEAN NOT NULL,
            featured BOOLEAN NOT NULL,
            contact_name TEXT NOT NULL,
            contact_phone TEXT NOT NULL,
            status VARCHAR(32) NOT NULL,
            created_at DATETIME,
            updated_at DATETIME,
            version INTEGER NOT NULL
        );
        CREATE INDEX ix_activities_status ON activities (status);
        CREATE INDEX ix_activities_org_id ON activities (org_id);
        CREATE INDEX ix_activities_region_code ON activities (region_code);
        CREATE INDEX ix_activities_starts_at ON activities (starts_at);
        CREATE INDEX ix_activities_category ON activities (category);

        CREATE TABLE youths (
            id VARCHAR(64) NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            phone TEXT NOT NULL,
            gender VARCHAR(32) NOT NULL,
            birth_date DATE,
            school_or_employer TEXT NOT NULL,
            region_code TEXT NOT NULL,
            version INTEGER NOT NULL
        );

        CREATE TABLE registrations (
            id VARCHAR(64) NOT NULL PRIMARY KEY,
            activity_id VARCHAR(64) NOT NULL REFERENCES activities (id),
            youth_id VARCHAR(64) NOT NULL REFERENCES youths (id),
            status VARCHAR(32) NOT NULL,
            registered_at DATETIME,
            reviewed_at DATETIME,
            reject_reason TEXT NOT NULL,
            version INTEGER NOT NULL
        );
        CREATE INDEX ix_registrations_status ON registrations (status);
        CREATE INDEX ix_registrations_youth_id ON registrations (youth_id);
        CREATE INDEX ix_registrations_activity_id ON registrations (activity_id);

        CREATE TABLE followers (
            id VARCHAR(64) NOT NULL PRIMARY KEY,
            org_id VARCHAR(64) NOT NULL REFERENCES organizations (id),
            youth_id VARCHAR(64) NOT NULL REFERENCES youths (id),
            followed_at DATETIME,
            source_activity_id TEXT,
            version INTEGER NOT NULL
        );
        CREATE INDEX ix_followers_youth_id ON followers (youth_id);
        CREATE INDEX ix_followers_org_id ON followers (org_id);

        CREATE TABLE outbox (
            seq INTEGER NOT NULL PRIMARY KEY,
            op_id VARCHAR(64) NOT NULL UNIQUE,
            kind VARCHAR(64) NOT NULL,
            payload TEXT NOT NULL,
            occurred_at DATETIME NOT NULL,
            device_id VARCHAR(64) NOT NULL,
            state VARCHAR(16) NOT NULL,
            undo TEXT NOT NULL
        );

        CREATE TABLE meta (
            "key" VARCHAR(64) NOT NULL PRIMARY KEY,
            value TEXT NOT NULL
        );
        """,
    )


def _v2_categories(db: sqlite3.Connection) -> None:
    """Categories become a table (configurable, seeded with the seven defaults), replacing the
    fixed list the first schema assumed."""
    _run(
        db,
        """
        CREATE TABLE categories (
            code VARCHAR(64) NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            sort_order INTEGER NOT NULL,
            active BOOLEAN NOT NULL
        );
        """,
    )
    # Frozen copy of the defaults as they were when this step shipped.
    db.executemany(
        "INSERT INTO categories (code, name, sort_order, active) VALUES (?, ?, ?, 1)",
        [
            ("ideology", "思想引领", 1),
            ("innovation", "创新创业", 2),
            ("public_service", "公益服务", 3),
            ("culture_sports", "文体活动", 4),
            ("practice", "实践实习", 5),
            ("skills", "技能培训", 6),
            ("social", "交友联谊", 7),
        ],
    )


def _v3_registration_counts(db: sqlite3.Connection) -> None:
    """Counting an activity's registrations by status searched the status index alone (3.7 s
    for one screen of activities on a county database); index both columns together."""
    _run(
        db,
        """
        DROP INDEX ix_registrations_activity_id;
        CREATE INDEX ix_registrations_activity_id_status ON registrations (activity_id, status);
        """,
    )


def _v4_sync_results(db: sqlite3.Connection) -> None:
    """Sync: the server's answer to each pushed operation, and the field conflicts it found."""
    _run(
        db,
        """
        ALTER TABLE outbox ADD COLUMN server_seq INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE outbox ADD COLUMN result TEXT;
        CREATE TABLE conflicts (
            id VARCHAR(64) NOT NULL PRIMARY KEY,
            op_id VARCHAR(64) NOT NULL,
            table_name VARCHAR(64) NOT NULL,
            record_id VARCHAR(64) NOT NULL,
            field VARCHAR(64) NOT NULL,
            mine TEXT,
            theirs TEXT,
            detected_at DATETIME NOT NULL,
            resolved_at DATETIME
        );
        """,
    )


def _v5_review_followers_notices(db: sqlite3.Connection) -> None:
    """报名审核, 粉丝 and notices: ID numbers and guardian consent of youths, where a
    registration came from, follower tags, each registration's history, notices."""
    _run(
        db,
        """
        ALTER TABLE youths ADD COLUMN id_number TEXT NOT NULL DEFAULT '';
        ALTER TABLE youths ADD COLUMN guardian_consent VARCHAR(32) NOT NULL DEFAULT 'unknown';
        ALTER TABLE registrations ADD COLUMN source VARCHAR(32) NOT NULL DEFAULT 'online';
        ALTER TABLE followers ADD COLUMN tags TEXT NOT NULL DEFAULT '';

        CREATE TABLE registration_events (
            id VARCHAR(64) NOT NULL PRIMARY KEY,
            registration_id VARCHAR(64) NOT NULL REFERENCES registrations (id),
            at DATETIME,
            actor TEXT NOT NULL,
            action VARCHAR(32) NOT NULL,
            detail TEXT NOT NULL,
            version INTEGER NOT NULL
        );
        CREATE INDEX ix_registration_events_registration_id
            ON registration_events (registration_id);

        CREATE TABLE notices (
            id VARCHAR(64) NOT NULL PRIMARY KEY,
            org_id VARCHAR(64) NOT NULL REFERENCES organizations (id),
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            tag TEXT NOT NULL,
            status VARCHAR(32) NOT NULL,
            recipient_count INTEGER NOT NULL,
            created_at DATETIME,
            created_by TEXT NOT NULL,
            sent_at DATETIME,
            version INTEGER NOT NULL
        );
        CREATE INDEX ix_notices_org_id ON notices (org_id);
        """,
    )


def _v6_youth_identity_indexes(db: sqlite3.Connection) -> None:
    """Youths searched by phone and ID number: a walk-in or import names an existing youth."""
    _run(
        db,
        """
        CREATE INDEX ix_youths_phone ON youths (phone);
        CREATE INDEX ix_youths_id_number ON youths (id_number);
        """,
    )


def _v7_assessment_targets(db: sqlite3.Connection) -> None:
    """考核: targets the level above sets for an organisation and period."""
    _run(
        db,
        """
        CREATE TABLE assessment_targets (
            id VARCHAR(64) NOT NULL PRIMARY KEY,
            org_id VARCHAR(64) NOT NULL REFERENCES organizations (id),
            period_start DATE,
            period_end DATE,
            featured_activities INTEGER NOT NULL,
            participants INTEGER NOT NULL,
            set_by TEXT NOT NULL,
            updated_at DATETIME,
            version INTEGER NOT NULL
        );
        CREATE INDEX ix_assessment_targets_org_id ON assessment_targets (org_id);
        """,
    )


def _v8_youth_requests(db: sqlite3.Connection) -> None:
    """诉求: youth requests and their history of steps and replies."""
    _run(
        db,
        """
        CREATE TABLE requests (
            id VARCHAR(64) NOT NULL PRIMARY KEY,
            org_id VARCHAR(64) NOT NULL REFERENCES organizations (id),
            youth_id VARCHAR(64) NOT NULL REFERENCES youths (id),
            category_guess TEXT NOT NULL,
            category TEXT NOT NULL,
            text TEXT NOT NULL,
            contact VARCHAR(32) NOT NULL,
            state VARCHAR(32) NOT NULL,
            submitted_at DATETIME,
            assigned_at DATETIME,
            replied_at DATETIME,
            archived_at DATETIME,
            updated_at DATETIME,
            version INTEGER NOT NULL
        );
        CREATE INDEX ix_requests_org_id ON requests (org_id);
        CREATE INDEX ix_requests_youth_id ON requests (youth_id);
        CREATE INDEX ix_requests_category ON requests (category);
        CREATE INDEX ix_requests_state_submitted_at_id ON requests (state, submitted_at, id);
        CREATE INDEX ix_requests_submitted_at_id_state ON requests (submitted_at, id, state);

        CREATE TABLE request_events (
            id VARCHAR(64) NOT NULL PRIMARY KEY,
            request_id VARCHAR(64) NOT NULL REFERENCES requests (id),
            at DATETIME,
            actor TEXT NOT NULL,
            action VARCHAR(32) NOT NULL,
            detail TEXT NOT NULL,
            version INTEGER NOT NULL
        );
        CREATE INDEX ix_request_events_request_id ON request_events (request_id);
        """,
    )


def _v9_checkin_events(db: sqlite3.Connection) -> None:
    """签到: what happened at an activity's door, appended by every laptop (`CheckinEvent`)."""
    _run(
        db,
        """
        CREATE TABLE checkin_events (
            id VARCHAR(64) NOT NULL PRIMARY KEY,
            registration_id VARCHAR(64) NOT NULL REFERENCES registrations (id),
            activity_id VARCHAR(64) NOT NULL REFERENCES activities (id),
            action VARCHAR(32) NOT NULL,
            at DATETIME,
            actor TEXT NOT NULL,
            voids TEXT NOT NULL,
            reason TEXT NOT NULL,
            version INTEGER NOT NULL
        );
        CREATE INDEX ix_checkin_events_registration_id ON checkin_events (registration_id);
        CREATE INDEX ix_checkin_events_activity_id_at ON checkin_events (activity_id, at);
        """,
    )


def _v10_checkin_hours(db: sqlite3.Connection) -> None:
    """志愿时长: an activity's hour rules and confirmation, a correction's hours."""
    _run(
        db,
        """
        ALTER TABLE activities ADD COLUMN hours_min_stay INTEGER NOT NULL DEFAULT 30;
        ALTER TABLE activities ADD COLUMN hours_step INTEGER NOT NULL DEFAULT 30;
        ALTER TABLE activities ADD COLUMN hours_daily_cap INTEGER NOT NULL DEFAULT 480;
        ALTER TABLE activities ADD COLUMN hours_confirmed_at DATETIME;
        ALTER TABLE activities ADD COLUMN hours_confirmed_by TEXT NOT NULL DEFAULT '';
        ALTER TABLE checkin_events ADD COLUMN hours FLOAT;
        """,
    )


def _v11_request_search(db: sqlite3.Connection) -> None:
    """诉求: the queue's index in submission order covering its filters, and its text search
    index (`request_search`: FTS5 over character pairs, kept in step by triggers), filled with
    the requests already here. Statements one by one: the triggers' bodies hold semicolons."""
    for statement in (
        """
        CREATE INDEX ix_requests_queue
            ON requests (submitted_at, id, state, org_id, category)
        """,
        """
        CREATE VIRTUAL TABLE request_search
            USING fts5(text, name, content='', columnsize=0, tokenize='ascii')
        """,
        """
        CREATE TRIGGER request_search_insert AFTER INSERT ON requests BEGIN
            INSERT INTO request_search (rowid, text, name) VALUES (
                new.rowid, request_search_words(new.text),
                request_search_words((SELECT name FROM youths WHERE id = new.youth_id)));
        END
        """,
        """
        CREATE TRIGGER request_search_delete AFTER DELETE ON requests BEGIN
            INSERT INTO request_search (request_search, rowid, text, name) VALUES (
                'delete', old.rowid, request_search_words(old.text),
                request_search_words((SELECT name FROM youths WHERE id = old.youth_id)));
        END
        """,
        """
        CREATE TRIGGER request_search_update AFTER UPDATE OF text, youth_id ON requests
        WHEN old.text IS NOT new.text OR old.youth_id IS NOT new.youth_id BEGIN
            INSERT INTO request_search (request_search, rowid, text, name) VALUES (
                'delete', old.rowid, request_search_words(old.text),
                request_search_words((SELECT name FROM youths WHERE id = old.youth_id)));
            INSERT INTO request_search (rowid, text, name) VALUES (
                new.rowid, request_search_words(new.text),
                request_search_words((SELECT name FROM youths WHERE id = new.youth_id)));
        END
        """,
        """
        CREATE TRIGGER request_search_youth_name AFTER UPDATE OF name ON youths
        WHEN old.name IS NOT new.name BEGIN
            INSERT INTO request_search (request_search, rowid, text, name)
                SELECT 'delete', rowid, request_search_words(text), request_search_words(old.name)
                FROM requests WHERE youth_id = old.id;
            INSERT INTO request_search (rowid, text, name)
                SELECT rowid, request_search_words(text), request_search_words(new.name)
                FROM requests WHERE youth_id = new.id;
        END
        """,
        """
        INSERT INTO request_search (rowid, text, name)
            SELECT r.rowid, request_search_words(r.text), request_search_words(y.name)
            FROM requests AS r LEFT JOIN youths AS y ON y.id = r.youth_id
        """,
    ):
        db.execute(statement)


STEPS: tuple[Step, ...] = (
    _v1_initial,
    _v2_categories,
    _v3_registration_counts,
    _v4_sync_results,
    _v5_review_followers_notices,
    _v6_youth_identity_indexes,
    _v7_assessment_targets,
    _v8_youth_requests,
    _v9_checkin_events,
    _v10_checkin_hours,
    _v11_request_search,
)
LATEST = len(STEPS)


class NewerSchemaError(RuntimeError):
    """The database was written by a newer workbench; opening it here could lose data."""


def schema_version(db: sqlite3.Connection) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


# Schema-upgrade backups kept beside the database: each is a full copy of the personal data
# it held, so only the last few stay (enough to step back from a bad upgrade or two).
KEEP_BACKUPS = 2
_BACKUP_NAME = re.compile(r"\.v(\d+)-(\d{8}T\d{6}Z)\.bak$")


def backup(path: Path, version: int, key: str | None = None) -> Path:
    """Copy the database (consistently, through SQLite's backup API) before changing its schema,
    then remove all but the newest `KEEP_BACKUPS` copies. An encrypted database's copy is
    encrypted with the same key."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}.v{version}-{stamp}.bak{path.suffix}")
    copy_database(path, target, key)
    prune_backups(path)
    return target


def copy_database(path: Path, target: Path, key: str | None = None) -> None:
    """A consistent copy of the database at `path` through SQLite's backup API (a workbench
    writing to it meanwhile does no harm); an encrypted database's copy is encrypted with the
    same key. Also `desktop.self_test`'s copy of a profile."""
    source = cipher.connect(path, key)
    try:
        dest = cipher.connect(target, key)
        with dest:
            source.backup(dest)
        dest.close()
    finally:
        source.close()


def backups(path: Path) -> list[Path]:
    """The schema-upgrade backups of the database at `path`, oldest first."""
    found = []
    for candidate in path.parent.glob(f"{glob.escape(path.stem)}.v*.bak{path.suffix}"):
        match = _BACKUP_NAME.search(candidate.name.removesuffix(path.suffix))
        if match:
            found.append(((match[2], int(match[1])), candidate))
    return [candidate for _, candidate in sorted(found)]


def prune_backups(path: Path, *, keep: int = KEEP_BACKUPS) -> list[Path]:
    """Delete all but the newest `keep` backups (0: all of them); returns those deleted."""
    doomed = backups(path)
    doomed = doomed[: max(0, len(doomed) - keep)]
    for old in doomed:
        old.unlink(missing_ok=True)
        log.info("removed the old backup %s", old)
    return doomed


def migrate(path: Path, *, upto: int = LATEST, key: str | None = None) -> int:
    """Bring the database at `path` (encrypted with `key`, if given) to schema `upto`; returns
    the version it had before."""
    db = cipher.connect(path, key, isolation_level=None)
    request_search.register(db)  # step 11's triggers and fill call it
    try:
        before = schema_version(db)
        if before > LATEST:
            raise NewerSchemaError(
                f"{path} has schema {before}; this workbench knows up to {LATEST}"
            )
        if before >= upto:
            return before
        if before > 0:
            log.info("backed up %s to %s before migrating", path, backup(path, before, key))
        for version in range(before + 1, upto + 1):
            # DDL is transactional in SQLite: a crash leaves the previous version intact.
            db.execute("BEGIN IMMEDIATE")
            try:
                STEPS[version - 1](db)
                db.execute(f"PRAGMA user_version = {version}")
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
            log.info("migrated %s to schema %d", path, version)
        return before
    finally:
        db.close()
