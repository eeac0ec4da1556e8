"""`python -m sync.client` takes the server address from the deployment file, and its logout
can remove the device's data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.server.conftest import ROOT, Server


def _client(*args: str, deployment: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ)  # keeps the test keyring (SUQING_TEST_KEYRING_FILE)
    env["SUQING_DEPLOYMENT_FILE"] = str(deployment)
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "sync.client", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_login_uses_the_deployment_address_and_logout_can_wipe(server: Server, tmp_path: Path):
    deployment = tmp_path / "deployment.ini"
    deployment.write_text(f"[server]\nurl = {server.base_url}\nlock_url = yes\n", encoding="utf-8")
    profile = str(tmp_path / "profile")
    password = server.accounts["jiangning"].password

    done = _client(
        "--profile", profile, "login", "--username", "jiangning", "--password", password,
        deployment=deployment,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert _client("--profile", profile, "sync", deployment=deployment).returncode == 0
    status = json.loads(_client("--profile", profile, "status", deployment=deployment).stdout)
    assert status["account"]["server_url"] == server.base_url
    assert status["activities"] > 0
    assert (status["pending"], status["conflicts"], status["rejected"]) == (0, 0, 0)

    done = _client("--profile", profile, "logout", "--remove-local-data", deployment=deployment)
    assert done.returncode == 0, done.stderr
    assert "本机数据已清除" in done.stdout
    status = json.loads(_client("--profile", profile, "status", deployment=deployment).stdout)
    assert (status["account"], status["activities"], status["cursor"]) == (None, 0, 0)


def test_a_missing_ca_bundle_is_reported_before_any_request(server: Server, tmp_path: Path):
    deployment = tmp_path / "deployment.ini"
    deployment.write_text(
        f"[server]\nurl = {server.base_url}\n[network]\nca_bundle = missing.pem\nlock = yes\n",
        encoding="utf-8",
    )
    done = _client(
        "--profile", str(tmp_path / "p"), "login", "--username", "jiangning", "--password", "x",
        deployment=deployment,
    )  # fmt: skip
    assert done.returncode == 2
    assert "找不到 CA 证书文件" in done.stderr
