"""Property-based requests generated from the server's own /openapi.json: no answer is a 5xx.

Two runs: the cadres' API with a cadre's token, and the youths' public API with a youth's
token (each side refuses the other's token, so one run with one token would only see 401s)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.server.conftest import Server, login
from tests.server.test_youth_e2e import YouthClient

PUBLIC = "/api/v1/public"


def _schemathesis(server: Server, token: str, *filters: str) -> str:
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
            *filters,
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
    return done.stdout


def test_no_generated_request_gets_a_server_error(server: Server):
    token = login(server, "jiangning").json()["token"]
    out = _schemathesis(
        server,
        token,
        "--exclude-path",
        "/api/v1/logout",  # it would revoke the token mid-run
        "--exclude-path-regex",
        f"^{PUBLIC}/",
    )
    # Random activity ids find no activity for the check-in codes route (schemathesis warns
    # of "missing test data"); what matters is that every generated case passed.
    assert re.search(r"(\d+) generated, \1 passed\n", out), out[-1500:]
    assert "internal_error" not in server.log.read_text()


def test_no_generated_request_to_the_public_api_gets_a_server_error(server: Server):
    youth = YouthClient(server, "测试青年")
    out = _schemathesis(server, youth.token, "--include-path-regex", f"^{PUBLIC}/")
    # Random ids find no activity or organisation (schemathesis warns of "missing test
    # data"); what matters is that every generated case passed.
    assert re.search(r"(\d+) generated, \1 passed\n", out), out[-1500:]
    assert "internal_error" not in server.log.read_text()
