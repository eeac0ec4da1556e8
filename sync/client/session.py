"""Who is signed in on this device: the server and account in the store's meta, the token in
the OS keyring. Shared by the desktop and `python -m sync.client`."""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass

from sync.client import credentials, deployment, messages
from sync.client.http import AuthRequired, ClientConfig, ServerClient
from sync.client.store import Store
from sync.client.store.store import ACCOUNT_KEY
from sync.core import protocol
from sync.core.protocol import RevealedYouth

log = logging.getLogger(__name__)

# Tokens of this process only, where the OS has no keyring: the user signs in again next time.
_unremembered: dict[tuple[str, str], str] = {}

HOME_ORG_KEY = "org_id"


class AccountMismatch(Exception):
    """This profile holds another organisation's data."""

    code = "account_mismatch"
    user_message = messages.render(code)


@dataclass(frozen=True)
class Account:
    server_url: str
    username: str
    org_id: str
    org_name: str = ""
    display_name: str = ""
    permissions: tuple[str, ...] = ()  # as the server granted them at sign-in


def signed_in(store: Store) -> Account | None:
    raw = store.get_meta(ACCOUNT_KEY)
    if not raw:
        return None
    values = json.loads(raw)
    values["permissions"] = tuple(values.get("permissions") or ())
    return Account(**values)


def has_permission(store: Store, name: str) -> bool:
    """Whether the account signed in here was granted permission `name` (e.g.
    "reveal_personal_data"); False when nobody is signed in. The server checks again."""
    account = signed_in(store)
    return account is not None and name in account.permissions


def sign_in(store: Store, config: ClientConfig, username: str, password: str) -> Account:
    """Log in, keep the token in the keyring and remember the account; the local data must be
    this organisation's (or none yet)."""
    client = ServerClient(config)
    try:
        body = client.login(username, password, store.device_id)
    finally:
        client.close()
    info = body["account"]
    account = Account(
        server_url=config.base_url,
        username=username,
        org_id=str(info["org_id"]),
        org_name=str(info.get("org_name") or ""),
        display_name=str(info.get("display_name") or ""),
        permissions=tuple(str(p) for p in info.get("permissions") or ()),
    )
    home = store.get_meta(HOME_ORG_KEY)
    if home and home != account.org_id and store.count("activities"):
        raise AccountMismatch(f"profile holds {home}, account is {account.org_id}")
    try:
        credentials.save_token(config.base_url, username, body["token"])
    except credentials.CredentialsUnavailable:
        _unremembered[(config.base_url, username)] = body["token"]
    store.set_meta(ACCOUNT_KEY, json.dumps(account.__dict__, ensure_ascii=False))
    store.set_meta(HOME_ORG_KEY, account.org_id)
    return account


def token_remembered(account: Account) -> bool:
    """False when the token lives only in this process (the OS has no keyring)."""
    return (account.server_url, account.username) not in _unremembered


def _token(account: Account) -> str | None:
    key = (account.server_url, account.username)
    if key in _unremembered:
        return _unremembered[key]
    try:
        return credentials.load_token(account.server_url, account.username)
    except credentials.CredentialsUnavailable:
        return None


def connect(
    store: Store, *, proxy: str | None = None, ca_bundle: str | None = None
) -> ServerClient:
    """A client for the signed-in account, with the user's proxy and CA bundle where the
    deployment allows them (`sync.client.deployment.client_config`); AuthRequired when nobody is
    signed in here."""
    account = signed_in(store)
    token = _token(account) if account else None
    if account is None or token is None:
        raise AuthRequired("not signed in")
    config = deployment.client_config(account.server_url, proxy=proxy, ca_bundle=ca_bundle)
    return ServerClient(config, token=token)


def sign_out(
    store: Store,
    *,
    remove_local_data: bool = False,
    proxy: str | None = None,
    ca_bundle: str | None = None,
) -> None:
    """Revoke the token on the server if it can be reached, and forget it here either way.
    `remove_local_data` also wipes this device's replica, pending operations included (the
    caller has asked the user), leaving the database of a device never signed in."""
    account = signed_in(store)
    if account is not None:
        try:
            client = connect(store, proxy=proxy, ca_bundle=ca_bundle)
            try:
                client.logout()
            finally:
                client.close()
        except Exception as error:  # offline, or the token had expired: forget it anyway
            log.info("token not revoked on the server: %s", error)
        _unremembered.pop((account.server_url, account.username), None)
        with contextlib.suppress(credentials.CredentialsUnavailable):  # nothing was kept there
            credentials.delete_token(account.server_url, account.username)
        if not remove_local_data:
            store.set_meta(ACCOUNT_KEY, "")
    if remove_local_data:
        store.clear_local_data()


def reveal(
    store: Store,
    youth_ids: list[str],
    *,
    progress: Callable[[int, int], None] | None = None,
    proxy: str | None = None,
    ca_bundle: str | None = None,
) -> dict[str, RevealedYouth]:
    """Whole phone and ID numbers from the server (this device keeps them masked), a request
    of `protocol.REVEAL_BATCH` youths at a time; youth id → numbers, for those the account may
    see. The server checks the permission and logs each reveal; offline, Unreachable."""
    found: dict[str, RevealedYouth] = {}
    client = connect(store, proxy=proxy, ca_bundle=ca_bundle)
    try:
        for start in range(0, len(youth_ids), protocol.REVEAL_BATCH):
            answer = client.reveal(youth_ids[start : start + protocol.REVEAL_BATCH])
            found.update((youth.id, youth) for youth in answer.youths)
            if progress:
                progress(min(start + protocol.REVEAL_BATCH, len(youth_ids)), len(youth_ids))
    finally:
        client.close()
    return found
