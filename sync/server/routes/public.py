"""The public API for youths (no cadre account): identify, browse published activities,
register and cancel, follow and unfollow, submit requests (诉求) and read the replies. Thin;
the work is in `sync.server.youths`, `sync.server.youth_requests` and `sync.server.youth_codes`.

A youth first asks for a one-time code by SMS (`POST /api/v1/public/youths/code`), then sends
it with their name and phone to `POST /api/v1/public/youths` for a youth token; every other
call carries that token as `Authorization: Bearer <token>`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from sync.core import rules
from sync.core.records import ContactPreference, Gender, Phase, RegistrationStatus, RequestState
from sync.core.text import PRINTABLE
from sync.server import auth, checkin_keys, youth_codes, youth_requests, youths
from sync.server.config import now as clock_now
from sync.server.deps import (
    ApiError,
    CheckinKeyDep,
    ConnDep,
    DatabaseDep,
    SettingsDep,
    bearer_token,
    error_responses,
)
from sync.server.sms import CodeSender

PUBLIC = "/api/v1/public"
router = APIRouter(prefix=PUBLIC, tags=["public"])

NO_CODE_MESSAGE = (
    "只有已通过审核的本人报名才有签到码。Only one's own approved registration has a code."
)
Id = Annotated[str, Path(min_length=1, max_length=64, pattern=PRINTABLE)]


def current_youth(request: Request, db: DatabaseDep) -> youths.Youth:
    try:
        with db.read() as conn:
            return youths.authenticate(conn, bearer_token(request))
    except auth.AuthError as error:
        raise ApiError.from_auth(error) from None


CurrentYouth = Annotated[youths.Youth, Depends(current_youth)]


def _refused(error: youths.YouthRefused) -> ApiError:
    return ApiError(error.status, error.code, error.message)


def _code_refused(error: youth_codes.CodeRefused) -> ApiError:
    headers = {"Retry-After": str(error.retry_after)} if error.retry_after else None
    return ApiError(error.status, error.code, error.message, headers=headers)


def code_sender(request: Request) -> CodeSender:
    return request.app.state.code_sender


CodeSenderDep = Annotated[CodeSender, Depends(code_sender)]

PHONE = r"^1[3-9][0-9]{9}$"


# --- schemas ------------------------------------------------------------------------------------


class CodeRequest(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    phone: str = Field(pattern=PHONE, description="mainland mobile number")


class CodeSent(BaseModel):
    """The same for every phone, whether a youth holds it or not."""

    expires_in: int  # seconds the code is valid
    resend_after: int  # seconds before another code may be asked for this phone


class YouthCreate(BaseModel):
    """Who the youth is. The same name and phone again identify the same youth."""

    model_config = ConfigDict(str_strip_whitespace=True)

    name: str = Field(min_length=1, max_length=30, pattern=PRINTABLE)
    phone: str = Field(pattern=PHONE, description="mainland mobile number")
    code: str = Field(
        pattern=youth_codes.CODE_PATTERN, description="the one-time code sent to the phone"
    )
    gender: Gender = Gender.UNKNOWN
    birth_date: date | None = None
    school_or_employer: str = Field(default="", max_length=100, pattern=PRINTABLE)
    region_code: str = Field(default="", pattern=r"^([0-9]{6})?$")
    id_number: str = Field(default="", pattern=r"^([0-9]{17}[0-9Xx])?$")


class YouthToken(BaseModel):
    token: str
    expires_at: datetime
    youth_id: str
    name: str
    created: bool  # false: an existing youth identified again


class ActivityPublic(BaseModel):
    id: str
    org_id: str
    org_name: str
    title: str
    category: str
    description: str
    region_code: str
    location_name: str
    lon: float | None
    lat: float | None
    starts_at: datetime | None
    ends_at: datetime | None
    registration_opens_at: datetime | None
    registration_closes_at: datetime | None
    capacity: int
    approved: int  # seats taken
    requires_review: bool


class ActivityPage(BaseModel):
    total: int
    page: int
    page_size: int
    items: list[ActivityPublic]


class RegistrationCreate(BaseModel):
    activity_id: str = Field(min_length=1, max_length=64, pattern=PRINTABLE)


class RegistrationOut(BaseModel):
    id: str
    activity_id: str
    status: RegistrationStatus


class FollowCreate(BaseModel):
    source_activity_id: str | None = Field(
        default=None, max_length=64, pattern=PRINTABLE, description="where the youth found it"
    )


class FollowOut(BaseModel):
    id: str
    org_id: str
    following: bool


class RequestCreate(BaseModel):
    """A request (诉求). A phone or ID number typed into the text is stored masked."""

    text: str = Field(min_length=1, max_length=rules.REQUEST_TEXT_MAX)
    category_guess: str = Field(
        default="",
        max_length=rules.REQUEST_CATEGORY_MAX,
        description="the youth's guess, e.g. 就业创业; a cadre classifies it",
    )
    contact: ContactPreference = ContactPreference.APP
    org_id: str | None = Field(
        default=None,
        max_length=64,
        pattern=PRINTABLE,
        description="the organisation asked; none: the province, which sorts it down",
    )


class RequestAddition(BaseModel):
    text: str = Field(min_length=1, max_length=rules.REQUEST_TEXT_MAX)


class RequestMessage(BaseModel):
    at: datetime | None
    from_youth: bool  # false: a reply from the organisation
    text: str


class RequestOut(BaseModel):
    id: str
    org_id: str
    org_name: str
    category: str
    text: str
    contact: ContactPreference
    state: RequestState
    submitted_at: datetime | None
    replied_at: datetime | None
    messages: list[RequestMessage]


# --- routes -------------------------------------------------------------------------------------


@router.post(
    "/youths/code",
    status_code=202,
    response_model=CodeSent,
    responses=error_responses(422, 429, 503),
    summary="Send a one-time code to a mobile phone (the same answer for every number)",
)
def send_code(
    body: CodeRequest,
    request: Request,
    db: DatabaseDep,
    settings: SettingsDep,
    sender: CodeSenderDep,
) -> Any:
    # Behind a load balancer, uvicorn takes the address from X-Forwarded-For when the balancer
    # is listed in FORWARDED_ALLOW_IPS; otherwise every youth would share the balancer's.
    address = request.client.host if request.client else ""
    try:
        sent = youth_codes.send_code(db, settings.youth_codes, sender, body.phone, address)
    except youth_codes.CodeRefused as error:
        raise _code_refused(error) from None
    return CodeSent(expires_in=sent.expires_in, resend_after=sent.resend_after)


@router.post(
    "/youths",
    response_model=YouthToken,
    responses=error_responses(401, 409, 422),
    summary="Identify (or create) a youth with the code sent to their phone; a youth token",
)
def identify(body: YouthCreate, db: DatabaseDep, settings: SettingsDep) -> Any:
    fields = body.model_dump(exclude={"code"})
    fields["id_number"] = fields["id_number"].upper()
    try:
        done = youths.identify(db, settings, fields, body.code)
    except youth_codes.CodeRefused as error:
        raise _code_refused(error) from None
    except youths.YouthRefused as error:
        raise _refused(error) from None
    return YouthToken(
        token=done.token,
        expires_at=done.expires_at,
        youth_id=done.youth_id,
        name=done.name,
        created=done.created,
    )


@router.get(
    "/activities",
    response_model=ActivityPage,
    responses=error_responses(401, 422),
    summary="Published activities, soonest first",
)
def list_activities(
    youth: CurrentYouth,
    conn: ConnDep,
    region_code: Annotated[
        str | None, Query(pattern=r"^[0-9]{6}$", description="this region and below it")
    ] = None,
    category: Annotated[str | None, Query(max_length=64, pattern=PRINTABLE)] = None,
    phase: Annotated[Phase | None, Query(description="e.g. registering")] = None,
    starts_from: Annotated[datetime | None, Query(description="starting at or after")] = None,
    starts_until: Annotated[datetime | None, Query(description="starting before")] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    page_size: Annotated[int, Query(ge=1, le=100)] = 20,
) -> Any:
    query = youths.ActivityFilter(
        region_code, category, phase, starts_from, starts_until, page, page_size
    )
    total, items = youths.published_activities(conn, query, clock_now())
    return {"total": total, "page": page, "page_size": page_size, "items": items}


@router.post(
    "/registrations",
    response_model=RegistrationOut,
    responses=error_responses(401, 403, 404, 409, 422),
    summary="Register for an activity (pending, approved or waitlisted)",
)
def register(body: RegistrationCreate, youth: CurrentYouth, db: DatabaseDep) -> Any:
    try:
        return youths.register(db, youth, body.activity_id)
    except youths.YouthRefused as error:
        raise _refused(error) from None


@router.post(
    "/registrations/{registration_id}/cancel",
    response_model=RegistrationOut,
    responses=error_responses(401, 403, 404, 422),
    summary="Cancel one's own registration",
)
def cancel(registration_id: Id, youth: CurrentYouth, db: DatabaseDep) -> Any:
    try:
        return youths.cancel(db, youth, registration_id)
    except youths.YouthRefused as error:
        raise _refused(error) from None


class CheckinCodeOut(BaseModel):
    registration_id: str
    code: str  # the text of the QR code to show at the door (`sync.core.checkin_codes`)


@router.get(
    "/registrations/{registration_id}/code",
    response_model=CheckinCodeOut,
    responses=error_responses(401, 404, 422),
    summary="The signed 签到 code of one's own approved registration, for a QR code",
)
def checkin_code(
    registration_id: Id, youth: CurrentYouth, conn: ConnDep, key: CheckinKeyDep
) -> Any:
    code = checkin_keys.youth_code(conn, key, youth.id, registration_id)
    if code is None:  # not theirs, absent, or not approved: one answer, naming nobody
        raise ApiError(404, "no_code", NO_CODE_MESSAGE)
    return {"registration_id": registration_id, "code": code}


@router.put(
    "/organizations/{org_id}/follow",
    response_model=FollowOut,
    responses=error_responses(401, 404, 422),
    summary="Follow an organisation",
)
def follow(org_id: Id, youth: CurrentYouth, db: DatabaseDep, body: FollowCreate | None = None):
    try:
        return youths.follow(db, youth, org_id, body.source_activity_id if body else None)
    except youths.YouthRefused as error:
        raise _refused(error) from None


@router.delete(
    "/organizations/{org_id}/follow",
    response_model=FollowOut,
    responses=error_responses(401, 404, 422),
    summary="Unfollow an organisation",
)
def unfollow(org_id: Id, youth: CurrentYouth, db: DatabaseDep) -> Any:
    try:
        return youths.unfollow(db, youth, org_id)
    except youths.YouthRefused as error:
        raise _refused(error) from None


@router.post(
    "/requests",
    status_code=201,
    response_model=RequestOut,
    responses=error_responses(401, 404, 422, 429),
    summary="Submit a request (诉求) to an organisation",
)
def submit_request(
    body: RequestCreate, youth: CurrentYouth, db: DatabaseDep, settings: SettingsDep
) -> Any:
    try:
        return youth_requests.submit(
            db,
            settings,
            youth,
            text=body.text,
            org_id=body.org_id,
            category_guess=body.category_guess,
            contact=body.contact,
        )
    except youths.YouthRefused as error:
        raise _refused(error) from None


@router.get(
    "/requests",
    response_model=list[RequestOut],
    responses=error_responses(401),
    summary="One's own requests with their state and replies, newest first",
)
def list_requests(youth: CurrentYouth, db: DatabaseDep) -> Any:
    return youth_requests.own_requests(db, youth)


@router.get(
    "/requests/{request_id}",
    response_model=RequestOut,
    responses=error_responses(401, 404, 422),
    summary="One's own request with its state and replies",
)
def get_request(request_id: Id, youth: CurrentYouth, db: DatabaseDep) -> Any:
    try:
        return youth_requests.own_request(db, youth, request_id)
    except youths.YouthRefused as error:
        raise _refused(error) from None


@router.post(
    "/requests/{request_id}/messages",
    response_model=RequestOut,
    responses=error_responses(401, 404, 422),
    summary="Add to one's own request; it waits for a reply again",
)
def add_to_request(
    request_id: Id, body: RequestAddition, youth: CurrentYouth, db: DatabaseDep
) -> Any:
    try:
        return youth_requests.add(db, youth, request_id, body.text)
    except youths.YouthRefused as error:
        raise _refused(error) from None
