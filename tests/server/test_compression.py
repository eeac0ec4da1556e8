"""Compressed answers (`sync.server.compression`): zstd for a client that accepts it (the
workbench's requests does, with backports.zstd installed), gzip for one that accepts only gzip,
nothing for one that accepts neither; the same bytes whichever way. A real server process."""

from __future__ import annotations

import gzip
import hashlib

import pytest
import requests

from sync.client import session
from sync.core import protocol
from sync.server.compression import chosen_encoding, zstd
from tests.server.conftest import Server, bearer

UNPACK = {"zstd": zstd.decompress, "gzip": gzip.decompress, None: lambda raw: raw}


def test_the_workbench_asks_for_zstd():
    assert "zstd" in requests.utils.default_headers()["Accept-Encoding"]


@pytest.mark.parametrize(
    ("accept", "chosen"),
    [
        ("gzip, deflate, zstd", "zstd"),
        ("gzip, deflate", "gzip"),
        ("br;q=1.0, gzip;q=0.8, *;q=0.1", "gzip"),
        ("zstd;q=0, gzip", "gzip"),
        ("zstd;q=0.5", "zstd"),
        ("zstd;q=0, gzip;q=0", None),
        ("zstd;q=nonsense, gzip", "gzip"),
        ("identity", None),
        ("", None),
    ],
)
def test_the_encoding_follows_accept_encoding(accept: str, chosen: str | None):
    assert chosen_encoding(accept) == chosen


def _get(server: Server, token: str, path: str, accept: str, **params) -> requests.Response:
    headers = {**bearer(token), "Accept-Encoding": accept, "X-Suqing-Protocol": "1"}
    response = requests.get(server.url(path), headers=headers, params=params, stream=True)
    assert response.status_code == 200, response.text
    return response


@pytest.mark.parametrize(("accept", "encoding"), [("gzip, zstd", "zstd"), ("gzip", "gzip")])
def test_a_pull_page_comes_compressed_and_says_what_it_holds(
    devices, server: Server, accept: str, encoding: str
):
    token = session.connect(devices("a").store).token
    plain = _get(server, token, protocol.PULL_PATH, "identity", after=0)
    assert "Content-Encoding" not in plain.headers
    body = plain.raw.read()
    assert len(body) > 100_000  # a whole page of the demo: worth compressing

    packed = _get(server, token, protocol.PULL_PATH, accept, after=0)
    assert packed.headers["Content-Encoding"] == encoding
    assert "Accept-Encoding" in packed.headers["Vary"]
    raw = packed.raw.read(decode_content=False)
    assert int(packed.headers["Content-Length"]) == len(raw) < len(body) // 3
    assert UNPACK[encoding](raw) == body
    # the digest is of what the server said, before compression
    assert packed.headers[protocol.DIGEST_HEADER] == hashlib.sha256(body).hexdigest()


def test_a_small_answer_goes_as_it_is(server: Server):
    response = requests.get(server.url(protocol.HEALTH_PATH), timeout=10)
    assert response.status_code == 200
    assert "Content-Encoding" not in response.headers


@pytest.mark.parametrize(
    ("accept", "encoding"), [("gzip, deflate, zstd", "zstd"), ("gzip", "gzip"), ("identity", None)]
)
def test_a_snapshot_streams_compressed_and_has_a_cursor(
    devices, server: Server, accept: str, encoding: str | None
):
    token = session.connect(devices("a").store).token
    response = _get(server, token, protocol.SNAPSHOT_PATH, accept)
    assert response.headers.get("Content-Encoding") == encoding
    raw = response.raw.read(decode_content=False)
    body = UNPACK[encoding](raw)
    assert body.startswith(b"SQLite format 3\x00")
    assert len(body) == int(response.headers[protocol.SNAPSHOT_SIZE_HEADER])
    assert encoding is None or len(raw) < len(body) // 2
    assert int(response.headers[protocol.SNAPSHOT_CURSOR_HEADER]) > 0


def test_a_zstd_stream_cut_short_or_changed_fails_to_unpack():
    """What the device's urllib3 makes of a damaged zstd stream: an error, never wrong bytes
    (every frame carries its checksum)."""
    from sync.server.compression import Packer

    data = b"SQLite format 3\x00" + bytes(range(256)) * 4000
    packer = Packer("zstd")
    packed = packer.pack(data) + packer.finish()
    assert zstd.decompress(packed) == data
    with pytest.raises(zstd.ZstdError):
        zstd.decompress(packed[: len(packed) - 10])
    changed = bytearray(packed)
    changed[len(changed) // 2] ^= 0x01
    with pytest.raises(zstd.ZstdError):
        zstd.decompress(bytes(changed))
