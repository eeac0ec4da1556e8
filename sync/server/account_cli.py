"""The operator's account commands of `python -m sync.server`: disable, enable, reset a password
(read from stdin, never from the command line, where `ps` and shell history would keep it),
revoke tokens, change permissions, and the access report for the yearly audit."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sync.server.config import InputError


def _write(args: argparse.Namespace, fn: Callable[..., Any], *extra: Any, **options: Any) -> Any:
    db = args.database(args)
    try:
        with db.write() as conn:
            return fn(conn, args.username, *extra, **options)
    finally:
        db.dispose()


def _print_state(state: Any, done: str) -> None:
    permissions = ", ".join(state.permissions) or "none"
    status = "active" if state.active else "disabled"
    line = f"{state.username}: {done} ({status}; permissions: {permissions}"
    print(line + (f"; {state.tokens_revoked} tokens revoked)" if state.tokens_revoked else ")"))


def cmd_disable_account(args: argparse.Namespace) -> None:
    from sync.server import account_admin

    _print_state(_write(args, account_admin.disable), "disabled")


def cmd_enable_account(args: argparse.Namespace) -> None:
    from sync.server import account_admin

    _print_state(_write(args, account_admin.enable), "enabled")


def cmd_revoke_tokens(args: argparse.Namespace) -> None:
    from sync.server import account_admin

    _print_state(_write(args, account_admin.revoke_tokens), "signed out everywhere")


def _read_password() -> str:
    """A terminal asks twice without echo; a pipe gives its first line."""
    if sys.stdin.isatty():
        first = getpass.getpass("新密码（new password）: ")
        if getpass.getpass("再输入一次（again）: ") != first:
            raise InputError("两次输入的密码不一致（the passwords differ）")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def cmd_reset_password(args: argparse.Namespace) -> None:
    from sync.server import account_admin, auth

    password = account_admin.check_password(_read_password())
    password_hash = auth.hash_password(password)  # outside the transaction: 0.1 s of argon2
    _print_state(_write(args, account_admin.reset_password, password_hash), "password reset")


def cmd_change_permissions(args: argparse.Namespace) -> None:
    from sync.server import account_admin

    if not (args.grant or args.revoke):
        raise InputError("请用 --grant 或 --revoke 指明要改的权限")
    state = _write(
        args, account_admin.change_permissions, grant=args.grant or (), revoke=args.revoke or ()
    )
    _print_state(state, "permissions changed")


def _day(option: str, text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{option} 应为日期，如 2026-01-01（not {text!r}）") from None


def cmd_access_report(args: argparse.Namespace) -> None:
    from sync.server import access_report as report
    from sync.server.config import now as clock_now

    today = clock_now().astimezone(report.CHINA_TIME).date()
    last = _day("--until", args.until) if args.until else today
    first = _day("--from", args.since) if args.since else last - timedelta(days=364)
    if first > last:
        raise InputError(f"--from {first} 晚于 --until {last}")
    since, until = report.period(first, last)
    db = args.database(args)
    try:
        with db.read() as conn:
            entries = report.access_entries(
                conn,
                since=since,
                until=until,
                username=args.username,
                minors_only=args.minors_only,
            )
    finally:
        db.dispose()
    if args.summary:
        headers, rows = report.SUMMARY_HEADERS, report.summary_rows(entries)
    else:
        headers, rows = report.DETAIL_HEADERS, report.detail_rows(entries)
    text = report.to_csv(headers, rows) if args.format == "csv" else report.to_table(headers, rows)
    if args.output:
        # utf-8-sig: a spreadsheet opening the CSV reads the Chinese right
        Path(args.output).write_text(
            text, encoding="utf-8-sig" if args.format == "csv" else "utf-8"
        )
        print(f"{len(rows)} rows, {first} to {last}: {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)


def add_commands(sub: Any, common: argparse.ArgumentParser, database: Callable[..., Any]) -> None:
    """The account subcommands, on the parser of `sync.server.__main__`; `database(args)`
    opens the database the command line names (and refuses an uninitialised one)."""

    def account_command(name: str, func: Callable[[argparse.Namespace], None], help: str):
        p = sub.add_parser(name, parents=[common], help=help)
        p.add_argument("--username", required=True)
        p.set_defaults(func=func, database=database)
        return p

    account_command(
        "disable-account",
        cmd_disable_account,
        "stop an account at once: no sign-in, its tokens refused from the next request",
    )
    account_command("enable-account", cmd_enable_account, "let a disabled account sign in again")
    account_command(
        "reset-password",
        cmd_reset_password,
        "set a new password, read from stdin (never the command line); revokes the tokens",
    )
    account_command("revoke-tokens", cmd_revoke_tokens, "sign an account out of every device")
    p = account_command(
        "change-permissions", cmd_change_permissions, "grant or revoke an account's permissions"
    )
    p.add_argument("--grant", action="append", metavar="NAME", help="repeatable")
    p.add_argument("--revoke", action="append", metavar="NAME", help="repeatable")

    p = sub.add_parser(
        "access-report",
        parents=[common],
        help="who saw whose whole phone or ID number, when (the yearly audit of minors' data)",
    )
    p.add_argument("--username", help="one account only")
    p.add_argument("--from", dest="since", metavar="DATE", help="first day (default: a year ago)")
    p.add_argument("--until", metavar="DATE", help="last day, included (default: today)")
    p.add_argument("--minors-only", action="store_true", help="only youths under 14 then")
    p.add_argument("--summary", action="store_true", help="one line per account")
    p.add_argument("--format", choices=["table", "csv"], default="table")
    p.add_argument("--output", metavar="FILE", help="write to FILE instead of stdout")
    p.set_defaults(func=cmd_access_report, database=database)
