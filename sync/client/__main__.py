"""`python -m sync.client --profile DIR login|sync|status|logout`: sync without the GUI, for
scripts, support staff and tests. Server address, proxy and CA bundle default to the
deployment's presets (`sync.client.deployment`), as in the workbench."""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import sys
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from sync.client import credentials, deployment, local_data, session
from sync.client.engine import sync_once
from sync.client.http import SyncError
from sync.client.store import cipher
from sync.client.store.cipher import LocalDataLocked


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m sync.client", description=__doc__)
    parser.add_argument("--profile", type=Path, required=True, help="the device's data folder")
    parser.add_argument("--ca-bundle", help="PEM file of the CA that signed the server")
    parser.add_argument("--proxy", help="HTTP(S) proxy, e.g. http://proxy:8080")
    commands = parser.add_subparsers(dest="command", required=True)
    login = commands.add_parser("login", help="sign in and keep the token in the OS keyring")
    login.add_argument("--server", help="the server's address (default: the deployment's)")
    login.add_argument("--username", required=True)
    login.add_argument("--password", help="prompted for when left out")
    commands.add_parser("sync", help="push the outbox, then pull changes")
    commands.add_parser("status", help="print this device's sync state as JSON")
    commands.add_parser(
        "repair",
        help="move damaged local data aside (kept) and start afresh, keeping its unsent work",
    )
    logout = commands.add_parser("logout", help="sign out and forget the token")
    logout.add_argument(
        "--remove-local-data",
        action="store_true",
        help="also delete this device's data, operations not yet synced included",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    options = {"ca_bundle": args.ca_bundle, "proxy": args.proxy}
    preset = deployment.load()
    if args.command == "repair":
        repaired = local_data.repair(args.profile, preset)
        print(f"已把原数据移到 {repaired.moved_to}；保留了 {repaired.kept} 项尚未同步的操作")
        if not repaired.outbox_read:
            print("原数据中的部分内容无法读出，其中尚未同步的工作可能没有保留", file=sys.stderr)
        print("下次同步时会从服务器重新下载全部数据")
        return 0
    try:
        store = local_data.open_store(args.profile, preset)
    except (LocalDataLocked, local_data.EncryptionUnavailable) as error:
        print(error.user_message, file=sys.stderr)
        if isinstance(error, LocalDataLocked):
            print(f"python -m sync.client --profile {args.profile} repair", file=sys.stderr)
        return 2
    try:
        if args.command == "login":
            server = deployment.server_url(args.server or "", preset)
            if not server:
                print("请用 --server 指定服务器地址", file=sys.stderr)
                return 2
            password = args.password or getpass.getpass("密码: ")
            config = deployment.client_config(server, deployment=preset, **options)
            account = session.sign_in(store, config, args.username, password)
            print(f"已登录：{account.org_name or account.org_id}（{account.username}）")
        elif args.command == "sync":
            client = session.connect(store, **options)
            try:
                report = sync_once(store, client)
            finally:
                client.close()
            print(
                json.dumps(
                    {
                        "ok": report.ok,
                        "pushed": report.pushed,
                        "rejected": report.rejected,
                        "conflicts": report.conflicts,
                        "pulled_rows": report.pulled_rows,
                        "push_error": report.push_error and report.push_error.user_message,
                        "pull_error": report.pull_error and report.pull_error.user_message,
                    },
                    ensure_ascii=False,
                )
            )
            return 0 if report.ok else 1
        elif args.command == "status":
            account = session.signed_in(store)
            print(
                json.dumps(
                    {
                        "account": account and account.__dict__,
                        "pending": store.pending_count(),
                        "conflicts": len(store.open_conflicts()),
                        "rejected": len(store.rejected_operations()),
                        "cursor": store.pull_cursor(),
                        "last_sync_at": store.get_meta("last_sync_at"),
                        "activities": store.count("activities"),
                    },
                    ensure_ascii=False,
                )
            )
        elif args.command == "logout":
            session.sign_out(store, remove_local_data=args.remove_local_data, **options)
            print("已退出登录，本机数据已清除" if args.remove_local_data else "已退出登录")
        return 0
    except (SyncError, session.AccountMismatch, credentials.CredentialsUnavailable) as error:
        print(error.user_message, file=sys.stderr)
        logging.getLogger(__name__).info("details: %s", error)
        return 2
    except (*cipher.DRIVER_ERRORS, DBAPIError) as error:
        if not cipher.is_damage(error):
            raise
        logging.getLogger(__name__).error("local database damaged: %s", error)
        print(cipher.LocalDataDamaged().user_message, file=sys.stderr)
        print(f"python -m sync.client --profile {args.profile} repair", file=sys.stderr)
        return 2
    finally:
        store.close()


if __name__ == "__main__":
    raise SystemExit(main())
