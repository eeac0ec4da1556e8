"""Property-based requests generated from the server's own /openapi.json: no answer is a 5xx."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.server.conftest import Server, login


def test_no_generated_request_gets_a_server_error(server: Server):
    token = login(server, "jiangning").json()["token"]
    tool = Path(sys.executable).parent / "schemathesis"
    done = subprocess.run(
        [
            str(tool),
            "run",
            server.url("/openapi.json"),
            "--checks",
            "not_a_server_error",
            "--header",
            f"Authorization: Bearer {token}",
            "--exclude-path",
            "/api/v1/logout",  # it would revoke the token mid-run
            "--max-examples",
            "60",
            "--seed",
            "20171031",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-1500:]
    assert "No issues found" in done.stdout
    assert "internal_error" not in server.log.read_text()
