"""Command line for personal-data retention and a youth's erasure (`sync.server.retention`),
kept apart from `__main__` so the account commands and these merge without touching."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from sync.server.config import InputError


def add_commands(sub: Any, common: argparse.ArgumentParser, database: Callable[..., Any]) -> None:
    def cmd_apply_retention(args: argparse.Namespace) -> None:
        from sync.server.config import Settings
        from sync.server.retention import apply_retention

        overrides: dict[str, Any] = {"database_url": args.database_url}
        if args.days is not None:
            if args.days < 1:
                raise InputError(f"保留天数至少为 1（--days {args.days}）")
            overrides["personal_data_retention"] = timedelta(days=args.days)
        settings = Settings.from_env(**overrides)
        db = database(args)
        try:
            done = apply_retention(db, settings)
        finally:
            db.dispose()
        print(
            f"older than {settings.personal_data_retention.days} days: "
            f"{done.payloads} operation payloads and {done.registrants} registrants' contact data "
            f"redacted; {done.tokens} expired tokens and {done.login_failures} login failures "
            "deleted"
        )

    def cmd_erase_youth(args: argparse.Namespace) -> None:
        from sync.server.retention import erase_youth, find_youth_by_phone

        db = database(args)
        try:
            youth_id = args.youth_id
            if youth_id is None:
                # The phone never on the command line (shell history, process list).
                phone = (
                    sys.stdin.readline().strip()
                    if not sys.stdin.isatty()
                    else getpass.getpass("手机号（phone）: ").strip()
                )
                youth_id = find_youth_by_phone(db, phone) if phone else None
                if youth_id is None:
                    raise InputError("没有持此手机号的青年（no youth holds this phone）")
            done = erase_youth(db, youth_id, by=args.by or _operator())
        finally:
            db.dispose()
        print(
            f"youth {done.youth_id} erased: {done.payloads} operation payloads redacted, "
            f"{done.tokens} tokens and {done.codes} one-time codes deleted"
        )

    p = sub.add_parser(
        "apply-retention",
        parents=[common],
        help="redact personal data older than the retention ($SUQING_PERSONAL_DATA_RETENTION_DAYS)"
        ", delete expired tokens and old login failures (the server also does it by itself)",
    )
    p.add_argument("--days", type=int, help="retention in days (default: the setting, 365)")
    p.set_defaults(func=cmd_apply_retention)

    p = sub.add_parser(
        "erase-youth",
        parents=[common],
        help="anonymise one youth everywhere on the server (devices receive it when they sync); "
        "without --youth-id the phone is read from stdin",
    )
    p.add_argument("--youth-id", help="the youth's id (else: their phone, from stdin)")
    p.add_argument("--by", help="who asked for it, for the audit log (default: this OS user)")
    p.set_defaults(func=cmd_erase_youth)


def _operator() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in this environment
        return os.environ.get("USER", "unknown")
