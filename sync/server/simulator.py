"""Simulated youths for demos and load: over a bounded time they identify, register for
published activities and follow organisations through the public API, like people on their
phones. Run `python -m sync.server simulate --url http://127.0.0.1:8000 --youths 50
--sms-outbox FILE`: a youth identifies with the one-time code sent to their phone, which the
simulator reads where the server's development sender wrote it (its SUQING_SMS_OUTBOX), so it
works only against a server on this machine that does not send real SMS.

Bounded twice: at most `youths` youths, each doing at most ACTIONS_PER_YOUTH things, and
never longer than `duration` seconds. Names and phones are synthetic (`sync.tools.demo_words`).
"""

from __future__ import annotations

import logging
import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlsplit

import requests

from sync.core.records import Gender
from sync.server.config import InputError
from sync.server.routes.public import PUBLIC
from sync.tools import demo_words as words

log = logging.getLogger(__name__)

ACTIONS_PER_YOUTH = 3
REQUEST_TIMEOUT = 10.0


@dataclass
class Summary:
    youths: int = 0
    registrations: Counter[str] = field(default_factory=Counter)  # by status
    follows: int = 0
    cancellations: int = 0
    refused: Counter[str] = field(default_factory=Counter)  # by code
    failures: int = 0  # no answer, or a server error
    elapsed: float = 0.0

    def lines(self) -> list[str]:
        regs = ", ".join(f"{n} {s}" for s, n in sorted(self.registrations.items())) or "none"
        refused = ", ".join(f"{n} {c}" for c, n in sorted(self.refused.items())) or "none"
        return [
            f"youths: {self.youths}",
            f"registrations: {sum(self.registrations.values())} ({regs})",
            f"cancellations: {self.cancellations}",
            f"follows: {self.follows}",
            f"refused: {refused}",
            f"failures: {self.failures}",
            f"elapsed: {self.elapsed:.1f} s",
        ]


@dataclass
class _Youth:
    token: str
    actions: int = 0
    registrations: list[str] = field(default_factory=list)


def check_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InputError(f"服务器地址应以 http:// 或 https:// 开头（not a server URL: {url!r}）")
    return url.rstrip("/")


class Simulator:
    def __init__(
        self,
        url: str,
        *,
        codes: Callable[[str], str | None],
        youths: int,
        rate: float,
        duration: float,
        seed: int | None = None,
        session: requests.Session | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ):
        if youths < 1 or rate <= 0 or duration <= 0:
            raise InputError("--youths、--rate、--duration 须为正数（must be positive）")
        self.base = check_url(url) + PUBLIC
        self.max_youths, self.rate, self.duration = youths, rate, duration
        self.rng = random.Random(seed)
        self.http = session or requests.Session()
        self.clock, self.sleep = clock, sleep
        self.summary = Summary()
        self.people: list[_Youth] = []
        self.activities: list[dict[str, Any]] = []
        self.phones: set[str] = set()
        self.codes = codes  # phone → the latest one-time code sent to it

    # --- requests ----------------------------------------------------------------------------

    def _call(self, method: str, path: str, token: str | None = None, **kwargs) -> Any | None:
        """The JSON answer, or None after counting a refusal (4xx) or a failure."""
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        try:
            response = self.http.request(
                method, self.base + path, headers=headers, timeout=REQUEST_TIMEOUT, **kwargs
            )
        except requests.RequestException as error:
            log.warning("%s %s: %s", method, path, error)
            self.summary.failures += 1
            return None
        if response.status_code >= 500:
            self.summary.failures += 1
            return None
        if response.status_code >= 400:
            try:
                code = response.json().get("code") or str(response.status_code)
            except ValueError:
                code = str(response.status_code)
            self.summary.refused[code] += 1
            return None
        return response.json()

    # --- what a youth does -------------------------------------------------------------------

    def _new_youth(self) -> None:
        rng = self.rng
        gender = Gender.MALE if rng.random() < 0.5 else Gender.FEMALE
        phone = words.mobile(rng)
        while phone in self.phones:
            phone = words.mobile(rng)
        self.phones.add(phone)
        age_days = rng.randint(14 * 365 + 4, 35 * 365)
        body = {
            "name": words.person(rng, gender),
            "phone": phone,
            "gender": gender.value,
            "birth_date": (date.today() - timedelta(days=age_days)).isoformat(),
        }
        if self._call("POST", "/youths/code", json={"phone": phone}) is None:
            return
        code = self.codes(phone)
        if code is None:
            log.warning("no one-time code for a simulated youth: is --sms-outbox the server's?")
            self.summary.failures += 1
            return
        answer = self._call("POST", "/youths", json={**body, "code": code})
        if answer is not None:
            self.people.append(_Youth(answer["token"]))
            self.summary.youths += 1

    def _load_activities(self, token: str) -> None:
        answer = self._call(
            "GET", "/activities", token, params={"phase": "registering", "page_size": 100}
        )
        self.activities = answer["items"] if answer else []

    def _act(self, youth: _Youth) -> None:
        youth.actions += 1
        if not self.activities:
            self._load_activities(youth.token)
        if not self.activities:
            return
        activity = self.rng.choice(self.activities)
        r = self.rng.random()
        if r < 0.6:
            answer = self._call(
                "POST", "/registrations", youth.token, json={"activity_id": activity["id"]}
            )
            if answer:
                self.summary.registrations[answer["status"]] += 1
                youth.registrations.append(answer["id"])
        elif r < 0.9:
            answer = self._call(
                "PUT",
                f"/organizations/{activity['org_id']}/follow",
                youth.token,
                json={"source_activity_id": activity["id"]},
            )
            if answer:
                self.summary.follows += 1
        elif youth.registrations:
            registration_id = youth.registrations.pop()
            if self._call("POST", f"/registrations/{registration_id}/cancel", youth.token):
                self.summary.cancellations += 1

    def step(self) -> bool:
        """One action; False when every youth has done all they will."""
        busy = [y for y in self.people if y.actions < ACTIONS_PER_YOUTH]
        can_add = len(self.people) < self.max_youths
        if not busy and not can_add:
            return False
        if can_add and (not busy or self.rng.random() < 0.4):
            self._new_youth()
        else:
            self._act(self.rng.choice(busy))
        return True

    def run(self) -> Summary:
        started = self.clock()
        interval = 1.0 / self.rate
        next_at = started
        attempts = 0
        # Failed identifications do not make a youth: bound the attempts as well.
        while self.clock() - started < self.duration and attempts < self.max_youths * 4 * (
            ACTIONS_PER_YOUTH + 1
        ):
            attempts += 1
            if not self.step():
                break
            next_at += interval
            delay = next_at - self.clock()
            if delay > 0:
                self.sleep(min(delay, max(0.0, started + self.duration - self.clock())))
        self.summary.elapsed = self.clock() - started
        return self.summary
