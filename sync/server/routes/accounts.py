"""Sign-in, sign-out and who-am-I."""

from __future__ import annotations

import asyncio
from datetime import datetime

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from sync.core import protocol
from sync.server import auth
from sync.server.deps import (
    ApiError,
    CurrentAccount,
    DatabaseDep,
    SettingsDep,
    WriteConnDep,
    error_responses,
)
from sync.server.hash_gate import REFUSAL_DELAY_SECONDS, HashGate

router = APIRouter(tags=["accounts"])


class LoginRequest(BaseModel):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)
    device_id: str = Field(min_length=1, max_length=64)


class LoginResponse(BaseModel):
    token: str
    expires_at: datetime
    account: auth.AccountPublic


class LogoutResponse(BaseModel):
    status: str = "signed_out"


@router.post(
    protocol.LOGIN_PATH, response_model=LoginResponse, responses=error_responses(401, 422, 429, 503)
)
async def login(
    body: LoginRequest, request: Request, db: DatabaseDep, settings: SettingsDep
) -> LoginResponse:
    # Behind a load balancer, uvicorn takes the address from X-Forwarded-For when the balancer
    # is listed in FORWARDED_ALLOW_IPS; otherwise every caller would share the balancer's.
    address = request.client.host if request.client else ""
    gate: HashGate = request.app.state.hash_gate
    await gate.check()  # a full queue refuses first, with no thread or database read spent
    try:
        # A throttled address is answered before it queues for a hash: a guesser's flood
        # then never fills the queue that other callers' sign-ins wait in.
        await run_in_threadpool(auth.check_throttle, db, settings, address)
        async with gate.admit():
            result = await run_in_threadpool(
                auth.login,
                db,
                settings,
                username=body.username,
                password=body.password,
                device_id=body.device_id,
                address=address,
            )
    except auth.AuthError as error:
        if error.code == "login_throttled":  # held back too, as a refused flood is
            await asyncio.sleep(min(error.retry_after or 0, REFUSAL_DELAY_SECONDS))
        raise ApiError.from_auth(error) from None
    return LoginResponse(token=result.token, expires_at=result.expires_at, account=result.account)


@router.post(protocol.LOGOUT_PATH, response_model=LogoutResponse, responses=error_responses(401))
def logout(account: CurrentAccount, conn: WriteConnDep) -> LogoutResponse:
    auth.revoke(conn, account.token_hash)
    return LogoutResponse()


@router.get(protocol.ME_PATH, response_model=auth.AccountPublic, responses=error_responses(401))
def me(account: CurrentAccount) -> auth.AccountPublic:
    return account.public()
