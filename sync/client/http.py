"""HTTP to the central server: timeouts, retries with backoff (Retry-After honoured), proxy and a
custom CA bundle (government intranets use their own CA). Every failure becomes a `SyncError`
whose `user_message` a cadre can read; nothing here touches the local database."""

from __future__ import annotations

import hashlib
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sync.client import messages
from sync.client.errors import SyncError
from sync.core import jsontext, protocol
from sync.core.protocol import OpResult, PullPage, RevealAnswer
from sync.core.release import Release, current_version

if TYPE_CHECKING:
    # Imported by the ServerClient, not here: the workbench's window imports this module (its
    # errors, through the deployment settings) and shows ~0.1 s sooner without requests.
    import requests

log = logging.getLogger(__name__)


class Unreachable(SyncError):
    code = "unreachable"


class AuthRequired(SyncError):
    code = "auth_required"


class ProtocolMismatch(SyncError):
    code = "protocol_mismatch"


class Refused(SyncError):
    code = "refused"


class BadResponse(SyncError):
    code = "bad_response"


class ServerBusy(SyncError):
    """The server answered 503 for longer than `ClientConfig.busy_wait`: nothing failed, the
    next sync sends the same operations again (push is idempotent by op_id)."""

    code = "server_busy"


class CursorTooOld(SyncError):
    """The server purged deletions this device has not heard of: download everything afresh."""

    code = "cursor_too_old"


def _server_text(code: str | None, message: str | None, headers: Any) -> dict[str, Any]:
    """How to word a server's refusal: by its code where we know it (so the desktop can
    translate it), else the server's own message, else the exception's default."""
    if code in messages.MESSAGES:
        if code != "login_throttled":
            return {"code": code}
        try:  # the wait is in Retry-After
            return {"code": code, "params": {"seconds": int(headers["Retry-After"])}}
        except (KeyError, TypeError, ValueError):
            pass
    return {"user_message": message or None}


@dataclass(frozen=True)
class Downloaded:
    """A snapshot written to disk by `ServerClient.download_snapshot`."""

    cursor: int  # as the server announced it; the file's own header is what counts
    size: int  # bytes written (uncompressed)


DownloadProgress = Callable[[int, int], None]  # (bytes written, total bytes or 0)


@dataclass(frozen=True)
class ClientConfig:
    base_url: str
    connect_timeout: float = 5.0
    read_timeout: float = 60.0
    retries: int = 3
    ca_bundle: str | None = None  # a PEM file; None means the system's trusted CAs
    proxy: str | None = None  # e.g. http://proxy.example:8080; None means the environment's
    # 503 "busy" answers are waited out for at most this long in all per request, then the sync
    # says "server busy, will retry" (see `Backoff`).
    busy_wait: float = 60.0


@dataclass(frozen=True)
class Backoff:
    """Waits between 503 answers: at least the server's Retry-After, plus a random share of an
    exponentially growing step ("full jitter"), so that 200 devices told "retry in 1 s" do not
    all come back in the same millisecond and make the server busy again."""

    first: float = 0.5
    cap: float = 8.0

    def delay(self, attempt: int, retry_after: float, rng: random.Random) -> float:
        step = min(self.cap, self.first * 2**attempt)
        return max(0.0, retry_after) + rng.uniform(0, step)


def retry_after_seconds(response: requests.Response) -> float:
    """The Retry-After header in seconds (an HTTP date or nonsense counts as 0)."""
    try:
        return min(float(response.headers.get("Retry-After", "") or 0), 3600.0)
    except ValueError:
        return 0.0


class ServerClient:
    def __init__(
        self,
        config: ClientConfig,
        *,
        token: str | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        rng: random.Random | None = None,
    ):
        self.config = config
        self.token = token
        # Injected by tests, so the backoff is checked without real waiting.
        self._sleep = sleep
        self._clock = clock
        self._rng = rng or random.Random()
        self.backoff = Backoff()
        # The newest workbench release the server announced (`protocol.RELEASE_*_HEADER`).
        self.release: Release | None = None
        import requests
        from requests.adapters import HTTPAdapter
        from urllib3.util.retry import Retry

        self.session = requests.Session()
        retry = Retry(
            total=config.retries,
            connect=config.retries,
            read=config.retries,
            status=config.retries,
            backoff_factor=0.5,
            # 429 is not retried: a throttled sign-in may say "retry in 15 minutes"; the user
            # hears it at once instead of a frozen sync. 503 is retried by `_send` with jitter
            # and a bounded total wait; urllib3 would sleep exactly Retry-After, every device
            # the same, and honour it on 429 as well, hence respect_retry_after_header=False.
            status_forcelist=(502, 504),
            allowed_methods=None,  # push is idempotent by op_id, so POST may be retried too
            respect_retry_after_header=False,
            raise_on_status=False,
        )
        adapter = HTTPAdapter(max_retries=retry)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.session.headers[protocol.PROTOCOL_HEADER] = str(protocol.PROTOCOL_MAX)
        self.session.headers["User-Agent"] = f"SuqingWorkbench/{current_version()}"
        # The environment's proxy and certificate settings (HTTP(S)_PROXY, NO_PROXY,
        # REQUESTS_CA_BUNDLE) are read once, here, for the server's address: requests would
        # read them on every request (0.4 ms of a 3.5 ms sync with nothing to do), let them
        # override the session's own (psf/requests#2018), and add a .netrc password in place
        # of the token. The proxy and CA bundle the user set win over the environment's.
        environment = self.session.merge_environment_settings(config.base_url, {}, None, None, None)
        self.session.trust_env = False
        chosen = {"http": config.proxy, "https": config.proxy} if config.proxy else None
        self.session.proxies = chosen or environment["proxies"]
        self.session.verify = config.ca_bundle or environment["verify"]

    def close(self) -> None:
        self.session.close()

    # --- requests ----------------------------------------------------------------------------

    def _send(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        """One request; a 503 answer is sent again after `Backoff` until `busy_wait` is used
        up, then `ServerBusy` (the caller's next sync tries again)."""
        started = self._clock()
        attempt = 0
        while True:
            response = self._send_once(method, path, **kwargs)
            if response.status_code != 503:
                return response
            wait = self.backoff.delay(attempt, retry_after_seconds(response), self._rng)
            waited = self._clock() - started
            response.close()
            if waited + wait > self.config.busy_wait:
                raise ServerBusy(f"503 for {waited:.1f} s on {method} {path}")
            log.info("server busy (503) on %s %s; retrying in %.1f s", method, path, wait)
            self._sleep(wait)
            attempt += 1

    def _send_once(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        import requests  # loaded by __init__ already

        url = self.config.base_url.rstrip("/") + path
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        headers.update(kwargs.pop("headers", None) or {})
        try:
            response = self.session.request(
                method,
                url,
                headers=headers,
                timeout=(self.config.connect_timeout, self.config.read_timeout),
                **kwargs,
            )
        except requests.exceptions.SSLError as error:
            raise Unreachable(str(error), code="certificate_untrusted") from error
        except requests.RequestException as error:
            raise Unreachable(str(error)) from error
        announced = response.headers.get(protocol.RELEASE_VERSION_HEADER, "").strip()
        if announced:
            url = response.headers.get(protocol.RELEASE_URL_HEADER, "").strip()
            self.release = Release(announced, url)
        return response

    def _request(self, method: str, path: str, **kwargs: Any) -> Any:
        return self._decode(self._send(method, path, **kwargs))

    def _decode(self, response: requests.Response) -> Any:
        digest = response.headers.get(protocol.DIGEST_HEADER)
        if digest and hashlib.sha256(response.content).hexdigest() != digest.lower():
            # Changed on the way: nothing of it is taken in; the next sync asks again.
            raise BadResponse(f"{response.status_code} answer does not match its digest")
        try:
            body = response.json()
        except ValueError:
            body = None
        message = body.get("message") if isinstance(body, dict) else None
        code = body.get("code") if isinstance(body, dict) else None
        if response.status_code == 410 and code == protocol.CURSOR_TOO_OLD:
            raise CursorTooOld(f"410 {message}")
        if response.status_code == 401:
            raise AuthRequired(f"401 {message}", **_server_text(code, message, response.headers))
        if response.status_code == 426:
            raise ProtocolMismatch(f"426 {message}")
        if response.status_code == 429:
            text = _server_text(code, message, response.headers)
            if not text.get("code") and not text.get("user_message"):
                text = {"code": "too_many_attempts"}
            raise Refused("429", **text)
        if 400 <= response.status_code < 500:
            raise Refused(
                f"{response.status_code} {message}", **_server_text(code, message, response.headers)
            )
        if response.status_code >= 500 or body is None:
            raise BadResponse(f"{response.status_code}: {response.text[:200]!r}")
        return body

    # --- API ---------------------------------------------------------------------------------

    def health(self) -> dict[str, Any]:
        body = self._request("GET", protocol.HEALTH_PATH)
        versions = body.get("protocol") if isinstance(body, dict) else None
        if not (isinstance(versions, list) and len(versions) == 2):
            raise BadResponse(f"health without protocol versions: {body!r}")
        if not protocol.compatible(int(versions[0]), int(versions[1])):
            raise ProtocolMismatch(f"server speaks {versions}")
        return body

    def login(self, username: str, password: str, device_id: str) -> dict[str, Any]:
        body = self._request(
            "POST",
            protocol.LOGIN_PATH,
            json={"username": username, "password": password, "device_id": device_id},
        )
        try:
            self.token = str(body["token"])
            body["account"]["org_id"]
        except (KeyError, TypeError) as error:
            raise BadResponse(f"login answer without token/account: {body!r}") from error
        return body

    def logout(self) -> None:
        self._request("POST", protocol.LOGOUT_PATH)
        self.token = None

    def me(self) -> dict[str, Any]:
        return self._request("GET", protocol.ME_PATH)

    def push(self, ops: list[dict[str, Any]]) -> list[OpResult]:
        # JSON made by `jsontext` (requests' own json= takes 3.5 ms for 500 operations)
        body = self._request(
            "POST",
            protocol.PUSH_PATH,
            data=jsontext.dumps_bytes({"ops": ops}),
            headers={"Content-Type": "application/json"},
        )
        try:
            results = [OpResult.from_json(r) for r in body["results"]]
        except (KeyError, TypeError, ValueError) as error:
            raise BadResponse(f"push answer: {body!r:.200}") from error
        if [r.op_id for r in results] != [op["op_id"] for op in ops]:
            raise BadResponse("push answer does not match the operations sent")
        return results

    def pull(self, cursor: int, limit: int = protocol.PULL_PAGE) -> PullPage:
        body = self._request("GET", protocol.PULL_PATH, params={"after": cursor, "limit": limit})
        try:
            page = PullPage.from_json(body)
        except (KeyError, TypeError, ValueError) as error:
            raise BadResponse(f"pull answer: {body!r:.200}") from error
        if page.cursor < cursor:
            raise BadResponse(f"pull cursor went back from {cursor} to {page.cursor}")
        return page

    def reveal(self, youth_ids: list[str]) -> RevealAnswer:
        """Whole phone and ID numbers (at most `protocol.REVEAL_BATCH` youths); the server
        logs each reveal. A 403 (no permission) arrives as ServerError `permission_denied`."""
        body = self._request("POST", protocol.REVEAL_PATH, json={"youth_ids": youth_ids})
        try:
            answer = RevealAnswer.from_json(body)
        except (KeyError, TypeError, ValueError) as error:
            raise BadResponse(f"reveal answer: {body!r:.200}") from error
        if not {y.id for y in answer.youths} <= set(youth_ids):
            raise BadResponse("reveal answer names youths not asked for")
        return answer

    def checkin_codes(self, activity_id: str) -> dict[str, str]:
        """The signed 签到 codes of the activity's approved registrations (id → code)."""
        path = protocol.CHECKIN_CODES_PATH.format(activity_id=activity_id)
        body = self._request("GET", path)
        try:
            answer = protocol.CheckinCodes(str(body["activity_id"]), dict(body["codes"]))
        except (KeyError, TypeError, ValueError) as error:
            raise BadResponse(f"check-in codes: {body!r:.200}") from error
        if answer.activity_id != activity_id:
            raise BadResponse("check-in codes of another activity")
        return {str(k): str(v) for k, v in answer.codes.items()}

    def activity_hours(self, activity_id: str) -> protocol.ActivityHours:
        """The activity's 志愿时长 as the server counts them."""
        path = protocol.ACTIVITY_HOURS_PATH.format(activity_id=activity_id)
        body = self._request("GET", path)
        try:
            return protocol.ActivityHours(
                str(body["activity_id"]),
                {str(k): float(v) for k, v in dict(body["hours"]).items()},
                str(body.get("confirmed_at") or ""),
                str(body.get("confirmed_by") or ""),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise BadResponse(f"activity hours: {body!r:.200}") from error

    def download_snapshot(
        self, target: Path, progress: DownloadProgress | None = None
    ) -> Downloaded:
        """Stream the scope's snapshot into `target` (created or overwritten), decompressing
        on the way; never held in memory. A cut connection raises Unreachable; what arrived is
        left for the caller to check or delete."""
        import requests  # loaded by __init__ already

        response = self._send("GET", protocol.SNAPSHOT_PATH, stream=True)
        with response:
            if response.status_code != 200:
                self._decode(response)
                raise BadResponse(f"snapshot answer {response.status_code}")
            try:
                cursor = int(response.headers.get(protocol.SNAPSHOT_CURSOR_HEADER, ""))
                total = int(response.headers.get(protocol.SNAPSHOT_SIZE_HEADER) or 0)
            except ValueError as error:
                raise BadResponse(f"snapshot without a cursor: {response.headers}") from error
            written = 0
            try:
                with target.open("wb") as out:
                    for chunk in response.iter_content(SNAPSHOT_CHUNK):
                        out.write(chunk)
                        written += len(chunk)
                        if progress:
                            progress(written, total)
            except requests.RequestException as error:
                raise Unreachable(f"snapshot download cut at {written} bytes: {error}") from error
        return Downloaded(cursor=cursor, size=written)


SNAPSHOT_CHUNK = 1 << 20
