"""Opening a profile's local data the way the deployment wants it: encrypted at rest
(`sync.client.store.cipher`) unless provincial IT says otherwise. Shared by the desktop and
`python -m sync.client`."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sync.client import credentials, deployment, messages
from sync.client.store import DATABASE_NAME, Store, cipher

log = logging.getLogger(__name__)


class EncryptionUnavailable(Exception):
    """The deployment requires encrypted local data, and the OS has no keyring for the key."""

    code = "encryption_unavailable"

    @property
    def user_message(self) -> str:
        return messages.render(self.code)


def open_store(
    profile: Path,
    settings: deployment.Deployment | None = None,
    *,
    user_choice: bool | None = None,
    **kwargs: Any,
):
    """The profile's store. Encrypted when the deployment requires it (EncryptionUnavailable
    without a keyring), or when neither it nor the user (`user_choice`, unless the deployment
    locks it) turns encryption off and the OS has a keyring; a plain one is converted on the
    way. A database encrypted before stays encrypted whatever the setting says now.
    LocalDataLocked when an encrypted database's key is missing: see `set_aside`."""
    settings = settings if settings is not None else deployment.load()
    path = profile / DATABASE_NAME
    wanted = settings.encryption_wanted(user_choice)
    try:
        key = cipher.key_for(path) if wanted is not False else cipher.stored_key(path)
    except credentials.CredentialsUnavailable as error:
        if wanted:
            raise EncryptionUnavailable(str(error)) from error
        log.warning("no OS keyring: the local data stays unencrypted (%s)", error)
        key = None
    return Store(path, key=key, **kwargs)


def set_aside(profile: Path) -> Path:
    """Move a database that cannot be opened (and its WAL files) aside, never deleting it, so
    a fresh one can be downloaded; returns where the database went."""
    path = profile / DATABASE_NAME
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.locked-{stamp}")
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))
    path.rename(target)
    log.warning("moved the unreadable local database aside to %s", target)
    return target
