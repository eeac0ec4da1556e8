"""签到 for cadres: codes for a printed sheet for people without phones (signed in
`sync.server.checkin_keys`) and the activity's hours as the server counts them. Thin."""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request

from sync.core import protocol
from sync.core.text import PRINTABLE
from sync.server import checkin_keys, hours
from sync.server.deps import CheckinKeyDep, ConnDep, CurrentAccount, error_responses
from sync.server.routes.replication import check_protocol, wire_model

router = APIRouter(tags=["check-in"])

CheckinCodesOut = wire_model(protocol.CheckinCodes, {})
ActivityHoursOut = wire_model(protocol.ActivityHours, {})
Id = Annotated[str, Path(min_length=1, max_length=64, pattern=PRINTABLE)]


@router.get(
    protocol.CHECKIN_CODES_PATH,
    response_model=CheckinCodesOut,
    responses=error_responses(401, 404, 422, 426),
)
def checkin_codes(
    activity_id: Id,
    request: Request,
    account: CurrentAccount,
    conn: ConnDep,
    key: CheckinKeyDep,
) -> Any:
    """The signed codes of the activity's approved registrations (404 outside the scope)."""
    check_protocol(request)
    codes = checkin_keys.activity_codes(conn, key, account.org_path, activity_id)
    return dataclasses.asdict(protocol.CheckinCodes(activity_id, codes))


@router.get(
    protocol.ACTIVITY_HOURS_PATH,
    response_model=ActivityHoursOut,
    responses=error_responses(401, 404, 422, 426),
)
def activity_hours(
    activity_id: Id, request: Request, account: CurrentAccount, conn: ConnDep
) -> Any:
    """The activity's 志愿时长 per registration, counted as every device counts them (404
    outside the scope)."""
    check_protocol(request)
    return dataclasses.asdict(hours.activity_hours(conn, account.org_path, activity_id))
