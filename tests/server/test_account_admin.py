"""The operator's account commands (issue 9, point 7) against a running server: a disabled
account and its tokens stop at once, a password is reset from stdin, tokens are revoked,
permissions change for the token in use; and the access report of who saw whose data."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from datetime import timedelta

import requests

from sync.core.protocol import REVEAL_PATH
from sync.core.records import CHINA_TIME
from tests.server.conftest import ROOT, Server, bearer, cli_env, demo_now, login
from tests.server.test_minors_e2e import child_registers

HOME, SCHOOL = "jiangning", "jiangning-school1"
NEW_PASSWORD = "a new long password"


def cli(server: Server, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sync.server", *args, "--database-url", server.database_url],
        cwd=ROOT,
        env=cli_env(),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def ok(server: Server, *args: str, stdin: str = "") -> str:
    done = cli(server, *args, stdin=stdin)
    assert done.returncode == 0, done.stderr
    return done.stdout


def token(server: Server, username: str, password: str | None = None) -> str:
    response = login(server, username, password)
    assert response.status_code == 200, response.text
    return response.json()["token"]


def me(server: Server, bearer_token: str) -> requests.Response:
    return requests.get(server.url("/api/v1/me"), headers=bearer(bearer_token), timeout=10)


def reveal(server: Server, bearer_token: str, youth_id: str) -> requests.Response:
    return requests.post(
        server.url(REVEAL_PATH),
        json={"youth_ids": [youth_id]},
        headers=bearer(bearer_token),
        timeout=30,
    )


def test_a_disabled_accounts_tokens_stop_at_once(server: Server):
    held = token(server, SCHOOL)
    assert me(server, held).status_code == 200
    out = ok(server, "disable-account", "--username", SCHOOL.upper())
    assert "disabled" in out and "1 tokens revoked" in out
    refused = me(server, held)
    assert refused.status_code == 401 and refused.json()["code"] == "account_disabled"
    assert login(server, SCHOOL).json()["code"] == "account_disabled"
    assert me(server, token(server, HOME)).status_code == 200  # nobody else

    ok(server, "enable-account", "--username", SCHOOL)
    assert me(server, held).status_code == 401  # an old token does not come back
    assert me(server, token(server, SCHOOL)).status_code == 200

    unknown = cli(server, "disable-account", "--username", "nobody")
    assert unknown.returncode == 2 and "没有用户名为 nobody 的账号" in unknown.stderr


def test_a_password_is_reset_from_stdin_and_the_old_tokens_end(server: Server):
    held = token(server, SCHOOL)
    # never on the command line, where ps and the shell history would keep it
    argv = cli(server, "reset-password", "--username", SCHOOL, "--password", NEW_PASSWORD)
    assert argv.returncode == 2 and "unrecognized arguments" in argv.stderr
    short = cli(server, "reset-password", "--username", SCHOOL, stdin="short\n")
    assert short.returncode == 2 and "密码不符合要求" in short.stderr

    ok(server, "reset-password", "--username", SCHOOL, stdin=NEW_PASSWORD + "\n")
    assert me(server, held).json()["code"] == "token_revoked"
    assert login(server, SCHOOL).json()["code"] == "invalid_credentials"
    assert me(server, token(server, SCHOOL, NEW_PASSWORD)).status_code == 200


def test_revoke_tokens_signs_an_account_out_of_every_device(server: Server):
    laptops = [token(server, HOME), token(server, HOME)]
    assert "2 tokens revoked" in ok(server, "revoke-tokens", "--username", HOME)
    assert [me(server, t).json()["code"] for t in laptops] == ["token_revoked"] * 2
    assert me(server, token(server, HOME)).status_code == 200  # the password still works


def test_permissions_change_for_the_token_in_use(server: Server):
    youth_id, _ = child_registers(server, requires_review=True)
    school, home = token(server, SCHOOL), token(server, HOME)
    assert reveal(server, school, youth_id).status_code == 403
    # the school may not reveal a youth outside its scope even with the permission; home may
    out = ok(server, "change-permissions", "--username", HOME, "--revoke", "reveal_personal_data")
    assert "permissions: none" in out
    assert reveal(server, home, youth_id).status_code == 403
    out = ok(server, "change-permissions", "--username", HOME, "--grant", "reveal_personal_data")
    assert "permissions: reveal_personal_data" in out
    assert reveal(server, home, youth_id).status_code == 200

    bad = cli(server, "change-permissions", "--username", HOME, "--grant", "root")
    assert bad.returncode == 2 and "没有这种权限" in bad.stderr
    nothing = cli(server, "change-permissions", "--username", HOME)
    assert nothing.returncode == 2


def test_the_access_report_says_who_saw_whose_data_and_when(server: Server):
    child_id, _ = child_registers(server, requires_review=True)
    home = token(server, HOME)
    assert reveal(server, home, child_id).status_code == 200
    assert reveal(server, home, child_id).status_code == 200
    today = demo_now().astimezone(CHINA_TIME).date()
    period = ("--from", str(today - timedelta(days=1)), "--until", str(today))

    rows = list(csv.reader(io.StringIO(ok(server, "access-report", *period, "--format", "csv"))))
    assert rows[0][:3] == ["时间", "账号", "账号名称"]
    mine = [r for r in rows[1:] if r[4] == child_id]
    assert len(mine) == 2
    assert [r[1] for r in mine] == [HOME, HOME]
    assert {(r[5], r[6], r[7], r[8]) for r in mine} == {
        ("小雨", "是", "手机号、身份证号", "已显示")
    }
    assert mine[0][0].startswith(str(today))

    minors = ok(server, "access-report", *period, "--minors-only", "--summary", "--format", "csv")
    summary = list(csv.reader(io.StringIO(minors)))
    assert summary[0] == ["账号", "账号名称", "组织", "查看次数", "涉及青年", "其中未满14岁"]
    assert [(r[0], r[3], r[4], r[5]) for r in summary[1:]] == [(HOME, "2", "1", "1")]

    # the period and the account filter
    earlier = ("--from", str(today - timedelta(days=30)), "--until", str(today - timedelta(days=1)))
    assert ok(server, "access-report", *earlier, "--format", "csv").count("\n") == 1
    school = ok(server, "access-report", *period, "--username", SCHOOL, "--format", "csv")
    assert school.count("\n") == 1
    table = ok(server, "access-report", *period, "--username", HOME)
    assert "小雨" in table and "手机号、身份证号" in table
    backwards = cli(server, "access-report", "--from", str(today), "--until", "2020-01-01")
    assert backwards.returncode == 2
