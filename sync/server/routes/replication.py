"""Push and pull endpoints: thin; the work is in `sync.server.replication`."""

from __future__ import annotations

import dataclasses
import typing
from functools import lru_cache
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi import APIRouter, Query, Request
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, Field, create_model

from sync.core import jsontext, protocol
from sync.core.checkin_codes import public_key_text
from sync.server import compression, replication, snapshot
from sync.server.deps import (
    ApiError,
    CheckinKeyDep,
    CurrentAccount,
    DatabaseDep,
    SettingsDep,
    account_in,
    error_responses,
)

router = APIRouter(tags=["sync"])

MAX_SEQ = 2**63 - 1  # the change sequence is a signed 64-bit integer in both databases


def check_protocol(request: Request) -> None:
    """Refuse a client speaking a protocol this server does not (a browser sends none)."""
    raw = request.headers.get(protocol.PROTOCOL_HEADER)
    if raw is None:
        return
    try:
        version = int(raw)
    except ValueError:
        version = -1
    if not protocol.PROTOCOL_MIN <= version <= protocol.PROTOCOL_MAX:
        raise ApiError(
            426,
            "protocol_mismatch",
            "工作台版本与服务器不兼容，请安装最新版本。"
            f"Protocol {raw} is not in {protocol.PROTOCOL_MIN}-{protocol.PROTOCOL_MAX}.",
        )


def wire_model(record: type, models: dict[type, type[BaseModel]]) -> type[BaseModel]:
    """The pydantic model of a `sync.core.protocol` dataclass: its fields and types, with the
    limits its field metadata names; `models` maps nested protocol dataclasses to theirs."""
    hints = typing.get_type_hints(record)
    fields: dict[str, Any] = {}
    for f in dataclasses.fields(record):
        hint = hints[f.name]
        args = typing.get_args(hint)
        if typing.get_origin(hint) is list and args and args[0] in models:
            hint = list[models[args[0]]]  # type: ignore[misc]
        if f.default is not dataclasses.MISSING:
            default: Any = f.default
        elif f.default_factory is not dataclasses.MISSING:
            fields[f.name] = (hint, Field(default_factory=f.default_factory, **f.metadata))
            continue
        else:
            default = ...
        fields[f.name] = (hint, Field(default, **f.metadata))
    return create_model(f"{record.__name__}Wire", **fields)


OperationIn = wire_model(protocol.Operation, {})
PushIn = wire_model(protocol.PushRequest, {protocol.Operation: OperationIn})
OpResultOut = wire_model(protocol.OpResult, {})
PushOut = wire_model(protocol.PushAnswer, {protocol.OpResult: OpResultOut})
PullOut = wire_model(protocol.PullPage, {})


@router.post(protocol.PUSH_PATH, response_model=PushOut, responses=error_responses(401, 422, 426))
def push(body: PushIn, request: Request, account: CurrentAccount, db: DatabaseDep) -> Response:
    """Apply the device's operations in order, each once; one result per operation."""
    check_protocol(request)
    ops = [{**op.model_dump(), "occurred_at": str(op.occurred_at or "")} for op in body.ops]
    results = [
        result.to_json()
        for result in replication.apply_many(
            db,
            account_id=account.id,
            scope_path=account.org_path,
            ops=ops,
            actor=account.username,
            permissions=account.permissions,
        )
    ]
    # The answer's JSON made once: a thousand results are not validated again against PushOut.
    return Response(_to_json_bytes({"results": results}), media_type="application/json")


def _ancestors(org_path: str) -> list[str]:
    return [part for part in org_path.strip("/").split("/") if part]


CURSOR_TOO_OLD_MESSAGE = (
    "这台电脑很久没有同步，服务器上的部分删除记录已清理，需要重新下载全部数据；"
    "尚未上传的工作会保留。The cursor predates the tombstone horizon: download a snapshot."
)


@router.get(
    protocol.PULL_PATH, response_model=PullOut, responses=error_responses(401, 410, 422, 426)
)
def pull(
    request: Request,
    db: DatabaseDep,
    settings: SettingsDep,
    checkin_key: CheckinKeyDep,
    after: int = Query(0, ge=0, le=MAX_SEQ),
    limit: int | None = Query(None, ge=1, le=MAX_SEQ),
) -> Response:
    """Everything in the caller's scope changed after the cursor `after`, oldest first.

    The most frequent request (every device, every few minutes, mostly with nothing to pull),
    so it costs one hop to a worker thread and one transaction, not two of each: the account
    is checked here, in the pull's read transaction, rather than by the `CurrentAccount`
    dependency in a thread and transaction of its own (as a `def` dependency runs); and the
    page goes out as JSON made once, not validated again against `PullOut` (built from the
    same protocol dataclass, so the documented shape is the one sent)."""
    size = min(limit or settings.page_size, settings.max_page_size)
    # The read transaction is opened here, not as a dependency: a dependency's connection is
    # held while the request waits for a worker thread to run the endpoint, and under load
    # (200 devices) such waiting requests emptied the connection pool (measured: 500s).
    with db.read() as conn:
        account = account_in(conn, request)  # 401 before 426, as the dependency answered
        check_protocol(request)
        try:
            page = replication.pull(
                conn,
                scope_path=account.org_path,
                ancestors=_ancestors(account.org_path),
                after=after,
                limit=size,
            )
        except replication.CursorTooOld:
            raise ApiError(410, protocol.CURSOR_TOO_OLD, CURSOR_TOO_OLD_MESSAGE) from None
    page = dataclasses.replace(page, checkin_key=_public_key_text(checkin_key))
    return Response(_to_json_bytes(page.to_json()), media_type="application/json")


@lru_cache(maxsize=4)  # one signing key per server process (loaded once at start)
def _public_key_text(key: Ed25519PrivateKey) -> str:
    return public_key_text(key.public_key())


def _to_json_bytes(content: Any) -> bytes:
    """JSON as FastAPI's JSONResponse writes it (UTF-8, compact), made faster (`jsontext`)."""
    return jsontext.dumps_bytes(content)


@router.get(
    protocol.SNAPSHOT_PATH,
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "A SQLite file of the caller's scope (zstd or gzip when accepted)",
            "content": {protocol.SNAPSHOT_MEDIA_TYPE: {}},
        },
        **error_responses(401, 426),
    },
)
def get_snapshot(request: Request, account: CurrentAccount, db: DatabaseDep) -> Any:
    """Everything in the caller's scope as one SQLite file, for the first download; continue
    with pulls after the cursor it carries (also in the X-Suqing-Snapshot-Cursor header)."""
    check_protocol(request)
    built = snapshot.build(db, scope_path=account.org_path, ancestors=_ancestors(account.org_path))
    try:
        encoding = compression.chosen_encoding(request.headers.get("Accept-Encoding", ""))
        headers = {
            protocol.SNAPSHOT_CURSOR_HEADER: str(built.cursor),
            protocol.SNAPSHOT_SIZE_HEADER: str(built.size),
        }
        if encoding:  # compressed here, streamed as it goes; the middleware leaves it alone
            headers["Content-Encoding"] = encoding
        return snapshot.Download(built, encoding=encoding, headers=headers)
    except BaseException:
        built.path.unlink(missing_ok=True)
        raise
