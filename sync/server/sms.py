"""How a one-time code reaches a youth's phone: a small sender interface, a development sender
that logs the code, and an HTTP SMS gateway chosen by configuration (`YouthCodeSettings`)."""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path
from typing import Protocol

import requests

from sync.core.privacy import mask_phone
from sync.server.config import YouthCodeSettings
from sync.server.config import now as clock_now

log = logging.getLogger(__name__)

GATEWAY_TIMEOUT = 10.0  # seconds; the youth waits for it


class SmsError(Exception):
    """The code could not be handed to the SMS gateway."""


class CodeSender(Protocol):
    def send(self, phone: str, code: str, *, minutes: int) -> None:
        """Deliver `code` (valid `minutes`) to `phone`; SmsError when it could not."""


def text(code: str, minutes: int) -> str:
    """The SMS a youth reads."""
    return f"您的苏青U+验证码是 {code}，{minutes} 分钟内有效。如非本人操作，请忽略本短信。"


class LogSender:
    """Development and tests only: nothing is sent. The code goes to the server's log (phone
    masked) and, when `outbox` is set, as one JSON line {"phone", "code", "sent_at"} to that
    file, which tests and `python -m sync.server simulate --sms-outbox` read."""

    def __init__(self, outbox: Path | None = None):
        self.outbox = outbox
        self._lock = threading.Lock()  # one line at a time from this process's threads

    def send(self, phone: str, code: str, *, minutes: int) -> None:
        log.warning("DEVELOPMENT SMS (not sent) to %s: code %s", mask_phone(phone), code)
        if self.outbox is None:
            return
        line = json.dumps({"phone": phone, "code": code, "sent_at": clock_now().isoformat()})
        with self._lock, self.outbox.open("a", encoding="utf-8") as out:
            out.write(line + "\n")  # one short append: whole even with several workers


class HttpGatewaySender:
    """A JSON POST per code to the SMS gateway at `url`:
    `{"phone", "code", "minutes", "text"}`, with `Authorization: Bearer <key>`; any 2xx answer
    means accepted. A provider with its own signed API (templates, signatures) sits behind a
    small relay that speaks this. Untested against a real gateway."""

    def __init__(self, url: str, key: str, *, timeout: float = GATEWAY_TIMEOUT):
        self.url, self.key, self.timeout = url, key, timeout
        self.http = requests.Session()

    def send(self, phone: str, code: str, *, minutes: int) -> None:
        body = {"phone": phone, "code": code, "minutes": minutes, "text": text(code, minutes)}
        headers = {"Authorization": f"Bearer {self.key}"} if self.key else {}
        try:
            response = self.http.post(self.url, json=body, headers=headers, timeout=self.timeout)
        except requests.RequestException as error:
            log.error("SMS gateway unreachable: %s", type(error).__name__)
            raise SmsError("unreachable") from None
        if not 200 <= response.status_code < 300:
            # The body may echo the phone: only the status goes to the log.
            log.error("SMS gateway refused a code: HTTP %d", response.status_code)
            raise SmsError(f"http {response.status_code}")


def sender_from(settings: YouthCodeSettings) -> CodeSender:
    if settings.sender == "http":
        return HttpGatewaySender(settings.gateway_url, settings.gateway_key)
    log.warning(
        "youths' one-time codes are written to the log, not sent (SUQING_SMS_SENDER=log: "
        "development only; set SUQING_SMS_SENDER=http and SUQING_SMS_GATEWAY_URL in production)"
    )
    return LogSender(settings.outbox)


class Outbox:
    """The development sender's outbox read from the other end: the latest code per phone.
    New lines are read as they come (the file only grows)."""

    def __init__(self, path: Path):
        self.path = path
        self._offset = 0
        self._codes: dict[str, str] = {}

    def code_for(self, phone: str) -> str | None:
        if self.path.exists():
            with self.path.open("rb") as f:
                f.seek(self._offset)
                chunk = f.read()
            whole = chunk[: chunk.rfind(b"\n") + 1]  # a line still being written waits
            self._offset += len(whole)
            for line in whole.decode("utf-8").splitlines():
                sent = json.loads(line)
                self._codes[sent["phone"]] = sent["code"]
        return self._codes.get(phone)
