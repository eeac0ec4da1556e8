"""Command line of the central server: create the database, organisations and accounts, seed
demo data, serve; administer accounts and report access (`sync.server.account_cli`). Run
`python -m sync.server --help`.

Every subcommand takes --database-url (else SUQING_DATABASE_URL, else a SQLite file in the
user's data folder). Exit status: 0 done, 2 bad input (a message says what), 1 anything else.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable

from sync.core.records import OrgLevel
from sync.server import account_cli, retention_cli
from sync.server.config import InputError

log = logging.getLogger("sync.server")

EXIT_BAD_INPUT = 2


def _settings(args: argparse.Namespace):
    from sync.server.config import Settings

    return Settings.from_env(database_url=args.database_url)


def _database(args: argparse.Namespace, *, initialised: bool = True):
    """The database named on the command line; with `initialised`, refuse one that
    `init-db` has not brought to the current schema."""
    from sync.server.db import Database, head_revision, schema_revision

    settings = _settings(args)
    db = Database.connect(settings.database_url, pool_size=2, max_overflow=2)
    if initialised:
        with db.read() as conn:
            revision = schema_revision(conn)
        if revision != head_revision():
            db.dispose()
            raise InputError(
                "数据库尚未初始化或版本过旧，请先运行 python -m sync.server init-db"
                f"（schema {revision or 'none'}, expected {head_revision()}）"
            )
    return db


# --- subcommands --------------------------------------------------------------------------------


def cmd_init_db(args: argparse.Namespace) -> None:
    from sync.server.db import upgrade

    db = _database(args, initialised=False)
    try:
        before, after = upgrade(db)
    finally:
        db.dispose()
    if before == after:
        print(f"database already at schema {after} ({db.backend})")
    else:
        print(f"database initialised at schema {after} ({db.backend})")


def _org_place(args: argparse.Namespace):
    from sync.server.seed import OrgPlace

    return OrgPlace(
        address=args.address,
        lon=args.lon,
        lat=args.lat,
        contact_name=args.contact_name,
        contact_phone=args.contact_phone,
    )


def cmd_create_org(args: argparse.Namespace) -> None:
    from sync.server.seed import create_org

    db = _database(args)
    try:
        with db.write() as conn:
            org_id = create_org(
                conn,
                name=args.name,
                level=args.level,
                parent_id=args.parent_id,
                region_code=args.region_code,
                place=_org_place(args),
            )
    finally:
        db.dispose()
    print(org_id)


def cmd_set_org_place(args: argparse.Namespace) -> None:
    from sync.server.seed import set_org_place

    db = _database(args)
    try:
        with db.write() as conn:
            set_org_place(conn, args.org_id, _org_place(args))
    finally:
        db.dispose()
    print(args.org_id)


def _place_arguments(p: argparse.ArgumentParser) -> None:
    """Where the organisation is (the map and the organisation page show it)."""
    p.add_argument("--address", default="", help="street address, e.g. 江宁区天元中路 1 号")
    p.add_argument("--lon", type=float, help="longitude, WGS84 (with --lat), inside Jiangsu")
    p.add_argument("--lat", type=float, help="latitude, WGS84")
    p.add_argument("--contact-name", default="")
    p.add_argument("--contact-phone", default="", help="the organisation's office phone")


def cmd_create_account(args: argparse.Namespace) -> None:
    from pydantic import ValidationError

    from sync.server import auth

    password = sys.stdin.readline().rstrip("\n") if args.password == "-" else args.password
    try:
        new = auth.AccountCreate(
            username=args.username,
            password=password,
            org_id=args.org_id,
            display_name=args.display_name or "",
            permissions=args.permission or [],
        )
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc']))}: {e['msg'].removeprefix('Value error, ')}"
            for e in error.errors()
        )
        raise InputError(f"账号信息有误（{problems}）") from None
    db = _database(args)
    try:
        with db.write() as conn:
            account_id = auth.create_account(conn, new)
    finally:
        db.dispose()
    print(account_id)


def cmd_seed_demo(args: argparse.Namespace) -> None:
    from sync.server.config import parse_instant
    from sync.server.seed import seed_demo

    now = parse_instant("--now", args.now) if args.now else None
    if now is not None:
        log.warning("seeding demo data as of %s, not the real time", now.isoformat())
    db = _database(args)
    try:
        result = seed_demo(db, args.size, seed=args.seed, now=now)
    finally:
        db.dispose()
    counts = ", ".join(f"{n} {table}" for table, n in result.counts.items())
    print(f"seeded {args.size} demo data: {counts}")
    print(f"home organisation: {result.home_org_id}")
    print(f"demo accounts, all with password {result.password}:")
    for account in result.accounts:
        print(
            "\t".join(
                ("account", account.username, result.password, account.org_id, account.org_name)
            )
        )


def cmd_purge_tombstones(args: argparse.Namespace) -> None:
    from datetime import timedelta

    from sync.server.retention import purge_tombstones

    if args.days is not None and args.days < 0:
        raise InputError(f"保留天数不能为负数（--days {args.days}）")
    retention = (
        timedelta(days=args.days) if args.days is not None else _settings(args).tombstone_retention
    )
    db = _database(args)
    try:
        purged = purge_tombstones(db, older_than=retention)
    finally:
        db.dispose()
    counts = ", ".join(f"{n} {table}" for table, n in purged.counts.items() if n) or "nothing"
    print(f"purged tombstones older than {retention.days} days: {counts}")
    print(f"tombstone horizon: {purged.horizon}")


def cmd_after_restore(args: argparse.Namespace) -> None:
    from sync.server.db import forget_device_cursors

    db = _database(args)
    try:
        horizon = forget_device_cursors(db)
    finally:
        db.dispose()
    print(f"every device downloads its data afresh at its next sync (horizon {horizon})")


def cmd_serve(args: argparse.Namespace) -> None:
    import uvicorn

    from sync.server.config import CLOCK_ENV, parse_instant

    if args.database_url:  # the app (and any worker process) reads the environment
        os.environ["SUQING_DATABASE_URL"] = args.database_url
    if args.now:
        os.environ[CLOCK_ENV] = parse_instant("--now", args.now).isoformat()
    if args.latest_client_version:
        os.environ["SUQING_LATEST_CLIENT_VERSION"] = args.latest_client_version
    if args.client_download_url:
        os.environ["SUQING_CLIENT_DOWNLOAD_URL"] = args.client_download_url
    # refuse to serve an uninitialised database or unusable settings, with a message
    _database(args).dispose()
    if args.workers < 1:
        raise InputError(f"--workers 至少为 1（not {args.workers}）")
    if args.retention_days is not None:
        if args.retention_days < 1:
            raise InputError(f"--retention-days 至少为 1（not {args.retention_days}）")
        os.environ["SUQING_PERSONAL_DATA_RETENTION_DAYS"] = str(args.retention_days)
    if args.max_in_flight is not None:
        if args.max_in_flight < 1:
            raise InputError(f"--max-in-flight 至少为 1（not {args.max_in_flight}）")
        os.environ["SUQING_MAX_IN_FLIGHT"] = str(args.max_in_flight)
    options = dict(
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level=args.log_level,
    )
    if args.workers == 1:
        uvicorn.run("sync.server.app:create_app_from_env", **options)
        return
    _serve_workers(uvicorn.Config("sync.server.app:create_app_from_env", **options))


def _serve_workers(config) -> None:
    """Several worker processes on one port: each on a socket of its own where the system allows
    it (`sync.server.workers`: new connections spread evenly), else uvicorn's supervisor on one
    shared socket. Either way the socket is marked TCP: uvicorn creates it with protocol 0, and
    asyncio sets TCP_NODELAY only on connections whose socket says TCP: without it every answer
    waited for the client's delayed ACK (Nagle), about 40 ms per request on loopback (measured)."""
    import socket

    from sync.server import workers

    if workers.supported():
        sockets = workers.listening_sockets(
            config.host, config.port, config.workers, config.backlog
        )
        status = workers.run(config, sockets)
        if status:
            raise SystemExit(status)
        return

    from uvicorn.supervisors import Multiprocess

    bound = config.bind_socket()
    sock = socket.socket(bound.family, bound.type, socket.IPPROTO_TCP, fileno=bound.detach())
    sock.set_inheritable(True)
    Multiprocess(config, sockets=[sock]).run()


def cmd_simulate(args: argparse.Namespace) -> None:
    from pathlib import Path

    from sync.server.simulator import Simulator
    from sync.server.sms import Outbox

    simulator = Simulator(
        args.url,
        codes=Outbox(Path(args.sms_outbox)).code_for,
        youths=args.youths,
        rate=args.rate,
        duration=args.duration,
        seed=args.seed,
    )
    print(f"simulating up to {args.youths} youths at {args.rate}/s for at most {args.duration} s")
    for line in simulator.run().lines():
        print(line)


# --- parser -------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--database-url",
        help="e.g. postgresql://user@host/suqing or sqlite:////srv/suqing.sqlite "
        "(default: $SUQING_DATABASE_URL, else a SQLite file in the user data folder)",
    )
    common.add_argument("-v", "--verbose", action="store_true", help="log progress")
    parser = argparse.ArgumentParser(
        prog="python -m sync.server", description="苏青U+ central server."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser(
        "init-db", parents=[common], help="create or upgrade the schema (safe to repeat)"
    )
    p.set_defaults(func=cmd_init_db)

    p = sub.add_parser("create-org", parents=[common], help="add an organisation; prints its id")
    p.add_argument("--name", required=True)
    p.add_argument("--level", required=True, choices=[level.value for level in OrgLevel])
    p.add_argument("--parent-id", help="the organisation above it (none only for the province)")
    p.add_argument("--region-code", required=True, help="6-digit GB/T 2260 code, e.g. 320115")
    _place_arguments(p)
    p.set_defaults(func=cmd_create_org)

    p = sub.add_parser(
        "set-org-place",
        parents=[common],
        help="replace an organisation's address, map position and contact (all of them)",
    )
    p.add_argument("--org-id", required=True)
    _place_arguments(p)
    p.set_defaults(func=cmd_set_org_place)

    p = sub.add_parser("create-account", parents=[common], help="add an account; prints its id")
    p.add_argument("--username", required=True)
    p.add_argument("--password", required=True, help="'-' reads it from the first stdin line")
    p.add_argument("--org-id", required=True)
    p.add_argument("--display-name")
    p.add_argument(
        "--permission",
        action="append",
        metavar="NAME",
        help="grant a permission (repeatable): reveal_personal_data",
    )
    p.set_defaults(func=cmd_create_account)

    account_cli.add_commands(sub, common, _database)
    retention_cli.add_commands(sub, common, _database)

    p = sub.add_parser(
        "seed-demo", parents=[common], help="fill an empty database with demo data and accounts"
    )
    p.add_argument("--size", choices=["small", "county"], default="small")
    p.add_argument("--seed", type=int, help="random seed (default: the generator's)")
    p.add_argument(
        "--now",
        metavar="INSTANT",
        help="draw the data as of this ISO 8601 time, e.g. 2026-11-24T10:00:00+08:00 "
        "(default: the real time); serve it with the same `serve --now`",
    )
    p.set_defaults(func=cmd_seed_demo)

    p = sub.add_parser(
        "simulate", help="send simulated youths' registrations and follows to a server"
    )
    p.add_argument("--url", required=True, help="the server, e.g. http://127.0.0.1:8000")
    p.add_argument("--youths", type=int, default=20, help="at most this many youths")
    p.add_argument("--rate", type=float, default=5.0, help="requests per second")
    p.add_argument("--duration", type=float, default=30.0, help="at most this many seconds")
    p.add_argument("--seed", type=int, help="random seed (default: different every run)")
    p.add_argument(
        "--sms-outbox",
        required=True,
        metavar="FILE",
        help="where the server's development SMS sender writes the one-time codes "
        "(the server's $SUQING_SMS_OUTBOX)",
    )
    p.add_argument("-v", "--verbose", action="store_true", help="log progress")
    p.set_defaults(func=cmd_simulate)

    p = sub.add_parser(
        "purge-tombstones",
        parents=[common],
        help="delete tombstones older than the retention ($SUQING_TOMBSTONE_RETENTION_DAYS)",
    )
    p.add_argument("--days", type=int, help="retention in days (default: the setting, 90)")
    p.set_defaults(func=cmd_purge_tombstones)

    p = sub.add_parser(
        "after-restore",
        parents=[common],
        help="after restoring a backup: every device downloads afresh, keeping its unsynced work",
    )
    p.set_defaults(func=cmd_after_restore)

    p = sub.add_parser("serve", parents=[common], help="run the HTTP server")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--workers", type=int, default=1, help="server processes")
    p.add_argument(
        "--max-in-flight",
        type=int,
        help="requests one process takes at once; beyond, 503 + Retry-After (default 400)",
    )
    p.add_argument(
        "--retention-days",
        type=int,
        help="personal data kept this many days, then redacted "
        "(default: $SUQING_PERSONAL_DATA_RETENTION_DAYS, else 365)",
    )
    p.add_argument(
        "--latest-client-version",
        metavar="VERSION",
        help="announce this workbench release to every device, e.g. 1.2.0 "
        "(as $SUQING_LATEST_CLIENT_VERSION); devices tell their users, nothing is installed",
    )
    p.add_argument(
        "--client-download-url",
        metavar="URL",
        help="where users get it (as $SUQING_CLIENT_DOWNLOAD_URL)",
    )
    p.add_argument(
        "--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"]
    )
    p.add_argument(
        "--now",
        metavar="INSTANT",
        help="demos and tests only, never production: the server's clock starts at this ISO 8601 "
        "time and runs on from it (as $SUQING_CLOCK); default: the real time",
    )
    p.set_defaults(func=cmd_serve)
    return parser


def _start_clock() -> None:
    """Every command keeps the server's time: SUQING_CLOCK (demos and tests only) shifts it as
    it shifts `serve`'s, so a command run beside such a server agrees with it on what is old."""
    from sync.server import config

    raw = os.environ.get(config.CLOCK_ENV, "").strip()
    config.start_clock_at(config.parse_instant(config.CLOCK_ENV, raw) if raw else None)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    from sqlalchemy.exc import OperationalError

    func: Callable[[argparse.Namespace], None] = args.func
    try:
        _start_clock()
        func(args)
    except InputError as error:
        print(f"错误：{error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OperationalError as error:
        print(f"无法访问数据库（cannot reach the database）：{error.orig}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
