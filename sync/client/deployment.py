"""Settings the province's IT presets for a deployment: the server's address (optionally locked),
a proxy and the unit's CA bundle. Read from `deployment.ini` in the application folder, or the
file named by SUQING_DEPLOYMENT_FILE; shared by the desktop and `python -m sync.client`, and the
one place where a `ClientConfig` gets its network settings.

    [server]
    url = https://suqing.example.gov.cn
    lock_url = yes              ; users cannot change the address

    [network]
    proxy = http://proxy.example.gov.cn:8080
    ca_bundle = certs/unit-ca.pem   ; relative to this file's folder
    lock = yes                  ; users cannot change proxy or CA bundle

    [privacy]
    encrypt_local_data = yes    ; required: no start without an OS keyring to keep the key
                                ; (no: new profiles stay plain; unset: encrypt where a keyring is)
"""

from __future__ import annotations

import configparser
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from sync.client.http import ClientConfig, SyncError

log = logging.getLogger(__name__)

ENV = "SUQING_DEPLOYMENT_FILE"
FILE_NAME = "deployment.ini"


@dataclass(frozen=True)
class Deployment:
    server_url: str = ""
    lock_server_url: bool = False
    proxy: str = ""
    ca_bundle: str = ""  # an absolute path once loaded
    lock_network: bool = False
    encrypt_local_data: bool | None = None  # None: encrypt wherever the OS has a keyring
    source: Path | None = None  # the file these came from; None when there is none


class DeploymentError(SyncError):
    code = "deployment_invalid"


def app_folder() -> Path:
    """Where the installed workbench lives: beside the executable of a frozen build, else the
    checkout's root."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parents[2]


def default_path() -> Path:
    named = os.environ.get(ENV)
    return Path(named) if named else app_folder() / FILE_NAME


def load(path: Path | None = None) -> Deployment:
    """The deployment's presets; all empty when there is no file. A file that cannot be read is
    logged and ignored (the user can still type an address), never a crash at start-up."""
    path = path or default_path()
    if not path.is_file():
        if os.environ.get(ENV):
            log.warning("%s names %s, which does not exist", ENV, path)
        return Deployment()
    parser = configparser.ConfigParser(inline_comment_prefixes=(";", "#"))
    try:
        with path.open(encoding="utf-8-sig") as f:  # Notepad writes a BOM
            parser.read_file(f)
        ca_bundle = parser.get("network", "ca_bundle", fallback="").strip()
        if ca_bundle:
            ca_bundle = str((path.parent / Path(ca_bundle).expanduser()).resolve())
        found = Deployment(
            server_url=parser.get("server", "url", fallback="").strip().rstrip("/"),
            lock_server_url=parser.getboolean("server", "lock_url", fallback=False),
            proxy=parser.get("network", "proxy", fallback="").strip(),
            ca_bundle=ca_bundle,
            lock_network=parser.getboolean("network", "lock", fallback=False),
            encrypt_local_data=(
                parser.getboolean("privacy", "encrypt_local_data")
                if parser.has_option("privacy", "encrypt_local_data")
                else None
            ),
            source=path,
        )
    except (OSError, UnicodeDecodeError, configparser.Error, ValueError) as error:
        log.error("deployment file %s ignored: %s", path, error)
        return Deployment()
    log.debug("deployment settings from %s", path)
    return found


def client_config(
    base_url: str,
    *,
    proxy: str | None = None,
    ca_bundle: str | None = None,
    deployment: Deployment | None = None,
) -> ClientConfig:
    """The ClientConfig for `base_url`: the user's proxy and CA bundle where given, else the
    deployment's; the deployment's alone where it locks them. A CA bundle that is not there is
    said in plain words before any request (requests would fail with an obscure OSError)."""
    deployment = deployment if deployment is not None else load()
    if deployment.lock_network:
        proxy, ca_bundle = deployment.proxy, deployment.ca_bundle
    else:
        proxy = (proxy or "").strip() or deployment.proxy
        ca_bundle = (ca_bundle or "").strip() or deployment.ca_bundle
    if ca_bundle and not Path(ca_bundle).is_file():
        raise DeploymentError(
            f"CA bundle {ca_bundle} missing", code="ca_bundle_missing", params={"path": ca_bundle}
        )
    return ClientConfig(base_url=base_url, proxy=proxy or None, ca_bundle=ca_bundle or None)


def server_url(user_value: str = "", deployment: Deployment | None = None) -> str:
    """The address to offer: the deployment's when locked, else the user's, else the preset."""
    deployment = deployment if deployment is not None else load()
    if deployment.lock_server_url and deployment.server_url:
        return deployment.server_url
    return user_value.strip() or deployment.server_url
