"""Sign-in, tokens and throttling, against a real server process on each backend."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

import requests

from tests.server.conftest import Server, ServerFactory, bearer, demo_now, login


def _me(server: Server, token: str) -> requests.Response:
    return requests.get(server.url("/api/v1/me"), headers=bearer(token), timeout=10)


def test_login_gives_a_token_that_works_on_me(server: Server):
    account = server.accounts["jiangning-school1"]
    response = login(server, "jiangning-school1")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["account"] == {
        "id": body["account"]["id"],
        "username": "jiangning-school1",
        "display_name": account.org_name,
        "org_id": account.org_id,
        "org_name": account.org_name,
        "org_level": "grassroots",
        "permissions": [],  # grassroots see personal data masked
    }
    expires_at = datetime.fromisoformat(body["expires_at"].replace("Z", "+00:00"))
    assert 29.9 < (expires_at - demo_now()).total_seconds() / 86_400 <= 30

    me = _me(server, body["token"])
    assert me.status_code == 200
    assert me.json() == body["account"]
    assert "password" not in response.text.replace('"password"', "")  # no hash anywhere

    # the county account: its own organisation, a level up
    # usernames ignore case and surrounding spaces
    county = login(server, " JiangNing ", "demo-password").json()["account"]
    assert (county["org_id"], county["org_level"]) == (server.seeded.home_org_id, "county")
    assert county["permissions"] == ["reveal_personal_data"]


def test_missing_or_unknown_tokens_get_401_with_a_message(server: Server):
    for headers in ({}, {"Authorization": "Basic abc"}, bearer("not-a-token")):
        response = requests.get(server.url("/api/v1/me"), headers=headers, timeout=10)
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"] == "Bearer"
        body = response.json()
        assert body["code"] in ("not_authenticated", "invalid_token")
        assert "登录" in body["message"] and "sign in" in body["message"]


def test_wrong_password_is_refused_with_a_readable_message(server: Server):
    for username in ("jiangning", "nobody-at-all"):  # unknown users look the same
        response = login(server, username, "wrong-password")
        assert response.status_code == 401
        assert response.json() == {
            "code": "invalid_credentials",
            "message": "用户名或密码不正确。Wrong username or password.",
        }

    # a malformed request names the fields, and never echoes what was sent
    response = requests.post(
        server.url("/api/v1/login"), json={"password": "secret-words-here"}, timeout=10
    )
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_request"
    assert "username" in response.json()["message"]
    assert "secret-words-here" not in response.text


def _login_from(server: Server, address: str, username: str, password: str) -> requests.Response:
    # uvicorn takes the caller's address from X-Forwarded-For sent by a trusted proxy (here
    # the test on 127.0.0.1), as from a load balancer in production
    body = {"username": username, "password": password, "device_id": "test-device"}
    headers = {"X-Forwarded-For": address}
    return requests.post(server.url("/api/v1/login"), json=body, headers=headers, timeout=10)


def test_wrong_passwords_throttle_their_address_not_the_account(server: Server):
    """A guesser's address is slowed down, with the wait in seconds; the account's owner,
    signing in from elsewhere, is not (five wrong passwords used to lock them out for 15
    minutes)."""
    guesser, owner = "198.51.100.7", "198.51.100.8"
    answers = []
    for _ in range(20):  # five free failures, then waits of 1, 2, 4 ... s: a 429 comes soon
        response = _login_from(server, guesser, "jiangning-street1", "wrong-password")
        answers.append(response.status_code)
        if response.status_code == 429:
            break
    assert answers[:6] == [401] * 6 and answers[-1] == 429, answers
    assert 0 < int(response.headers["Retry-After"]) <= 60
    assert response.json()["code"] == "login_throttled"
    assert "秒后再试" in response.json()["message"]
    right = server.accounts["jiangning-street1"].password
    assert _login_from(server, owner, "jiangning-street1", right).status_code == 200


def test_logout_revokes_the_token(server: Server):
    first = login(server, "jiangning").json()["token"]
    second = login(server, "jiangning", device_id="another-device").json()["token"]
    response = requests.post(server.url("/api/v1/logout"), headers=bearer(first), timeout=10)
    assert response.status_code == 200
    assert response.json() == {"status": "signed_out"}

    refused = _me(server, first)
    assert refused.status_code == 401
    assert refused.json()["code"] == "token_revoked"
    assert _me(server, second).status_code == 200  # the other device stays signed in


def test_expired_token_is_refused(server: Server, server_factory: ServerFactory):
    short = server_factory(
        server.database_url, seeded=server.seeded, SUQING_TOKEN_LIFETIME_SECONDS="1"
    )
    body = login(short, "jiangning").json()
    expires_at = datetime.fromisoformat(body["expires_at"].replace("Z", "+00:00"))
    assert (expires_at - demo_now()).total_seconds() <= 1
    # No waiting: a server whose clock starts just after the expiry judges the token. The tokens
    # table decides, not the process that issued it.
    later = server_factory(
        server.database_url,
        seeded=server.seeded,
        SUQING_CLOCK=(expires_at + timedelta(seconds=1)).isoformat(),
    )
    response = _me(later, body["token"])
    assert response.status_code == 401
    assert response.json()["code"] == "token_expired"
    assert "过期" in response.json()["message"]


def test_healthz_and_openapi_are_served(server: Server):
    response = requests.get(server.url("/healthz"), timeout=10)
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": server.backend,  # names the backend
        "protocol": [1, 1],
    }

    response = requests.get(server.url("/openapi.json"), timeout=10)
    assert response.status_code == 200
    spec = response.json()
    assert {"/healthz", "/api/v1/login", "/api/v1/logout", "/api/v1/me"} <= set(spec["paths"])
    assert "password_hash" not in response.text
    login_responses = spec["paths"]["/api/v1/login"]["post"]["responses"]
    assert {"200", "401", "422", "429"} <= set(login_responses)


def test_colleagues_behind_one_address_sign_in_together(seeded_database, server_factory):
    """Twelve right passwords from one office address at once all get through on a server that
    hashes twelve at a time (a 24-core machine's default): a sign-in still being checked is not
    a failure (six in flight used to get 429 login_throttled). Any the server is too busy for
    get 503 with Retry-After and try again, as the workbench does."""
    database_url, seeded = seeded_database
    server = server_factory(database_url, seeded=seeded, SUQING_LOGIN_HASH_SLOTS="12")
    office = "198.51.100.20"
    right = server.accounts["jiangning-street1"].password

    def sign_in() -> int:
        for _ in range(30):
            response = _login_from(server, office, "jiangning-street1", right)
            if response.status_code != 503:
                return response.status_code
            time.sleep(float(response.headers.get("Retry-After", "1")))
        return 503

    with ThreadPoolExecutor(max_workers=12) as pool:
        answers = list(pool.map(lambda _: sign_in(), range(12)))
    assert answers == [200] * 12, answers


def test_a_burst_of_guesses_gets_no_further_than_the_concurrent_allowance(server: Server):
    """Guesses sent all at once: at most the free failures plus the pending allowance (5 + 20)
    are checked before the address must wait; every later one is throttled."""
    guesser = "198.51.100.21"

    def guess(_: int) -> int:
        return _login_from(server, guesser, "jiangning-street1", "wrong-password").status_code

    with ThreadPoolExecutor(max_workers=16) as pool:
        answers = list(pool.map(guess, range(60)))
    checked = answers.count(401)
    assert 0 < checked <= 5 + 20 and answers.count(429) > 0, answers
    assert set(answers) <= {401, 429, 503}, answers
