"""Sign-in, sign-out and who-am-I."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter
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
    protocol.LOGIN_PATH, response_model=LoginResponse, responses=error_responses(401, 422, 429)
)
def login(body: LoginRequest, db: DatabaseDep, settings: SettingsDep) -> LoginResponse:
    try:
        result = auth.login(
            db,
            settings,
            username=body.username,
            password=body.password,
            device_id=body.device_id,
        )
    except auth.AuthError as error:
        raise ApiError.from_auth(error) from None
    return LoginResponse(token=result.token, expires_at=result.expires_at, account=result.account)


@router.post(protocol.LOGOUT_PATH, response_model=LogoutResponse, responses=error_responses(401))
def logout(account: CurrentAccount, conn: WriteConnDep) -> LogoutResponse:
    auth.revoke(conn, account.token_hash)
    return LogoutResponse()


@router.get(protocol.ME_PATH, response_model=auth.AccountPublic, responses=error_responses(401))
def me(account: CurrentAccount) -> auth.AccountPublic:
    return account.public()
