"""The reveal endpoint: thin; the rule and the log are in `sync.server.personal`."""

from __future__ import annotations

import dataclasses
from typing import Any

from fastapi import APIRouter, Request

from sync.core import protocol
from sync.core.messages import render
from sync.server import personal
from sync.server.deps import ApiError, CurrentAccount, DatabaseDep, error_responses
from sync.server.routes.replication import check_protocol, wire_model

router = APIRouter(tags=["personal data"])

RevealIn = wire_model(protocol.RevealRequest, {})
RevealedYouthOut = wire_model(protocol.RevealedYouth, {})
RevealOut = wire_model(protocol.RevealAnswer, {protocol.RevealedYouth: RevealedYouthOut})


@router.post(
    protocol.REVEAL_PATH, response_model=RevealOut, responses=error_responses(401, 403, 422, 426)
)
def reveal(body: RevealIn, request: Request, account: CurrentAccount, db: DatabaseDep) -> Any:
    """Whole phone and ID numbers of the youths asked for that the account may see; each one
    revealed is logged before the answer leaves."""
    check_protocol(request)
    try:
        answer = personal.reveal(db, account, body.youth_ids)
    except personal.RevealNotAllowed:
        raise ApiError(403, "permission_denied", render("permission_denied", {})) from None
    return dataclasses.asdict(answer)
