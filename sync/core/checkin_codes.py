"""Registration codes for 签到: signed by the server, verified by a laptop with no network.

A code carries a registration id, its activity id and the time the server issued it, signed
with the server's Ed25519 key. Laptops hold only the public key (it travels with every pulled
page), so a code typed, printed or altered by anyone else fails `verify` offline. The text is
`SQ1` + unpadded base64url of 16 + 16 + 4 bytes and a 64-byte signature: 137 characters, a
version-10 QR code a phone screen shows well. The ids are the records' UUIDs.
"""

from __future__ import annotations

import base64
import binascii
import struct
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

PREFIX = "SQ1"
_BODY = struct.Struct(">16s16sI")  # registration uuid, activity uuid, issued (Unix seconds)
_SIGNATURE = 64


class BadCode(ValueError):
    """Not a registration code of this server: unreadable, altered or signed by another key."""


@dataclass(frozen=True)
class CodeContent:
    registration_id: str
    activity_id: str
    issued_at: datetime


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def public_key_text(key: Ed25519PublicKey) -> str:
    """The public key as it travels to devices: its 32 raw bytes, base64url."""
    return _b64(key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw))


def load_public_key(text: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(_unb64(text))


def sign(key: Ed25519PrivateKey, registration_id: str, activity_id: str, issued: datetime) -> str:
    """The code of a registration. ValueError when an id is not a UUID."""
    body = _BODY.pack(
        uuid.UUID(registration_id).bytes, uuid.UUID(activity_id).bytes, int(issued.timestamp())
    )
    return PREFIX + _b64(body + key.sign(body))


def verify(key: Ed25519PublicKey, text: str) -> CodeContent:
    """What a code says, once its signature holds; BadCode otherwise. Scanners sometimes add
    spaces or change the case of the prefix; both are forgiven, nothing else is."""
    text = text.strip()
    if not text.upper().startswith(PREFIX):
        raise BadCode("prefix")
    try:
        raw = _unb64(text[len(PREFIX) :])
    except (binascii.Error, ValueError):
        raise BadCode("encoding") from None
    if len(raw) != _BODY.size + _SIGNATURE:
        raise BadCode("length")
    body, signature = raw[: _BODY.size], raw[_BODY.size :]
    try:
        key.verify(signature, body)
    except InvalidSignature:
        raise BadCode("signature") from None
    registration, activity, issued = _BODY.unpack(body)
    return CodeContent(
        registration_id=str(uuid.UUID(bytes=registration)),
        activity_id=str(uuid.UUID(bytes=activity)),
        issued_at=datetime.fromtimestamp(issued, UTC),
    )
