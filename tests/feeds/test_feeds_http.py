"""Unit tests of the fetcher against httpx.MockTransport and temporary files."""

from __future__ import annotations

import asyncio
import email.utils
import gzip
import os
import time
import zlib
from collections.abc import AsyncIterator, Callable, Coroutine
from pathlib import Path

import httpx
import pytest

from bot.feeds.http import (
    ARTICLE_ACCEPT,
    FEED_ACCEPT,
    Fetcher,
    FetchError,
    FetchRefused,
    FetchTimeout,
    HTTPStatusError,
    ResponseTooLarge,
    human_size,
    make_client,
    parse_retry_after,
)

Handler = Callable[[httpx.Request], Coroutine[None, None, httpx.Response]]


def mock_fetcher(handler: Handler, **options: object) -> Fetcher:
    client = httpx.AsyncClient(transport=httpx.MockTransport(handler), follow_redirects=True, max_redirects=5)
    return Fetcher(client, **options)  # type: ignore[arg-type]


def chunks(data: bytes, size: int = 65_536) -> httpx.AsyncByteStream:
    """Stream ``data`` as a network would, so the fetcher sees raw, undecoded bytes."""
    return Drip([data[i : i + size] for i in range(0, len(data), size)] or [b""], 0)


class Drip(httpx.AsyncByteStream):
    """A response body that arrives a chunk at a time, slowly."""

    def __init__(self, chunks: list[bytes], pause: float) -> None:
        self.chunks = chunks
        self.pause = pause

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self.chunks:
            await asyncio.sleep(self.pause)
            yield chunk


async def test_conditional_headers_are_sent_and_304_is_not_modified() -> None:
    seen: list[httpx.Request] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(304, headers={"ETag": '"v2"'})

    result = await mock_fetcher(handler).fetch(
        "https://news.example/rss", etag='"v1"', last_modified="Mon, 03 Mar 2025 10:00:00 GMT"
    )
    assert result.not_modified and result.body is None and result.status == 304
    assert result.etag == '"v2"'
    assert seen[0].headers["If-None-Match"] == '"v1"'
    assert seen[0].headers["If-Modified-Since"] == "Mon, 03 Mar 2025 10:00:00 GMT"
    assert seen[0].headers["Accept"] == FEED_ACCEPT
    assert seen[0].headers["Accept-Encoding"] == "gzip, deflate"


async def test_no_conditional_headers_without_validators() -> None:
    seen: list[httpx.Request] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(
            200,
            stream=chunks(b"<rss/>"),
            headers={"ETag": '"a"', "Last-Modified": "x", "Content-Type": "text/xml"},
        )

    result = await mock_fetcher(handler).fetch("https://news.example/rss", accept=ARTICLE_ACCEPT)
    assert "If-None-Match" not in seen[0].headers and "If-Modified-Since" not in seen[0].headers
    assert seen[0].headers["Accept"] == ARTICLE_ACCEPT
    assert (result.body, result.etag, result.last_modified, result.content_type) == (
        b"<rss/>",
        '"a"',
        "x",
        "text/xml",
    )
    assert not result.not_modified


async def test_final_url_after_redirects() -> None:
    async def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/old":
            return httpx.Response(301, headers={"Location": "https://news.example/new"})
        return httpx.Response(200, stream=chunks(b"ok"))

    result = await mock_fetcher(handler).fetch("https://news.example/old")
    assert result.url == "https://news.example/new"


async def test_shared_client_settings() -> None:
    seen: list[httpx.Request] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(302, headers={"Location": str(request.url)})

    async with make_client(user_agent="probe/1", transport=httpx.MockTransport(handler)) as client:
        assert not client.trust_env
        with pytest.raises(FetchError, match="too many redirects"):
            await Fetcher(client).fetch("https://news.example/loop")
    assert len(seen) == 6  # the request and five redirects
    assert seen[0].headers["User-Agent"] == "probe/1"


async def test_redirect_loop_is_a_fetch_error() -> None:
    async def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": str(request.url)})

    with pytest.raises(FetchError) as info:
        await mock_fetcher(handler).fetch("https://news.example/loop")
    assert info.value.reason == "too many redirects"


@pytest.mark.parametrize("status", [404, 410, 500, 503])
async def test_error_status(status: int) -> None:
    async def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, headers={"Retry-After": "120"})

    with pytest.raises(HTTPStatusError) as info:
        await mock_fetcher(handler).fetch("https://news.example/rss")
    assert info.value.status == status
    assert info.value.reason == f"HTTP {status}"
    assert info.value.retry_after == 120.0


def test_retry_after_forms() -> None:
    now = time.time()
    assert parse_retry_after("30") == 30.0
    assert parse_retry_after(email.utils.formatdate(now + 90, usegmt=True), now=now) == pytest.approx(90, abs=1)
    assert parse_retry_after(email.utils.formatdate(now - 90, usegmt=True), now=now) == 0.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after("²") is None
    assert parse_retry_after(None) is None


def test_human_size() -> None:
    assert human_size(5_000_000) == "5 MB"
    assert human_size(1_500) == "1.5 kB"
    assert human_size(12) == "12 bytes"


async def test_declared_length_over_cap_is_refused_before_reading() -> None:
    async def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=Drip([], 0), headers={"Content-Length": "2000"})

    with pytest.raises(ResponseTooLarge) as info:
        await mock_fetcher(handler, max_bytes=1_000).fetch("https://news.example/big")
    assert info.value.reason == "response over 1 kB"


async def test_streamed_body_over_cap_stops() -> None:
    async def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=Drip([b"y" * 600] * 10, 0))

    with pytest.raises(ResponseTooLarge):
        await mock_fetcher(handler, max_bytes=1_000).fetch("https://news.example/big")


async def test_body_at_cap_is_fine() -> None:
    async def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=Drip([b"z" * 500, b"z" * 500], 0))

    result = await mock_fetcher(handler, max_bytes=1_000).fetch("https://news.example/exact")
    assert result.body == b"z" * 1_000


async def test_gzip_bomb_stops_at_the_decoded_cap() -> None:
    bomb = gzip.compress(b"\0" * 50_000_000, compresslevel=9)
    assert len(bomb) < 100_000

    async def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=chunks(bomb), headers={"Content-Encoding": "gzip"})

    with pytest.raises(ResponseTooLarge):
        await mock_fetcher(handler, max_bytes=1_000_000).fetch("https://news.example/bomb")


@pytest.mark.parametrize(
    ("encoding", "encode"),
    [
        ("gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", lambda data: zlib.compress(data)[2:-4]),  # raw deflate, as some servers send it
        ("identity", lambda data: data),
    ],
)
async def test_content_encodings_are_decoded(encoding: str, encode: Callable[[bytes], bytes]) -> None:
    payload = b"<rss>" + b"news " * 5_000 + b"</rss>"

    async def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=chunks(encode(payload)), headers={"Content-Encoding": encoding})

    result = await mock_fetcher(handler).fetch("https://news.example/rss")
    assert result.body == payload


async def test_unknown_content_encoding_is_an_error() -> None:
    async def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=chunks(b"??"), headers={"Content-Encoding": "br"})

    with pytest.raises(FetchError, match="unsupported content encoding"):
        await mock_fetcher(handler).fetch("https://news.example/rss")


async def test_deadline_ends_a_slow_drip() -> None:
    async def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=Drip([b"a"] * 1_000, 0.02))

    started = time.monotonic()
    with pytest.raises(FetchTimeout) as info:
        await mock_fetcher(handler, deadline=0.2).fetch("https://news.example/slow")
    assert time.monotonic() - started < 2
    assert info.value.reason == "timed out after 0.2 s"


@pytest.mark.parametrize(
    ("exc", "kind", "reason"),
    [
        (httpx.ReadTimeout("slow"), FetchTimeout, "timed out waiting for the server"),
        (httpx.ConnectTimeout("slow"), FetchTimeout, "timed out connecting"),
        (httpx.ConnectError("refused"), FetchError, "could not connect (refused)"),
        (httpx.RemoteProtocolError("garbage"), FetchError, "RemoteProtocolError: garbage"),
    ],
)
async def test_transport_errors_become_fetch_errors(exc: httpx.HTTPError, kind: type[FetchError], reason: str) -> None:
    async def handler(request: httpx.Request) -> httpx.Response:
        raise exc

    with pytest.raises(kind) as info:
        await mock_fetcher(handler).fetch("https://news.example/rss")
    assert info.value.reason == reason


@pytest.mark.parametrize("url", ["ftp://news.example/rss", "javascript:alert(1)", "data:text/plain,hi", "gopher://x/"])
async def test_other_schemes_are_refused(url: str) -> None:
    async def handler(request: httpx.Request) -> httpx.Response:
        raise AssertionError("must not be called")

    with pytest.raises(FetchRefused, match="not allowed"):
        await mock_fetcher(handler).fetch(url, allow_files=True)


async def test_concurrency_limits_per_host_and_total() -> None:
    in_flight: dict[str, int] = {}
    peak: dict[str, int] = {}
    overall = [0, 0]

    async def handler(request: httpx.Request) -> httpx.Response:
        host = request.url.host
        in_flight[host] = in_flight.get(host, 0) + 1
        overall[0] += 1
        peak[host] = max(peak.get(host, 0), in_flight[host])
        overall[1] = max(overall[1], overall[0])
        await asyncio.sleep(0.01)
        in_flight[host] -= 1
        overall[0] -= 1
        return httpx.Response(200, stream=chunks(b"ok"))

    fetcher = mock_fetcher(handler, per_host=2, total=5)
    urls = [f"https://h{i % 4}.example/{i}" for i in range(24)]
    results = await asyncio.gather(*(fetcher.fetch(u) for u in urls))
    assert all(r.body == b"ok" for r in results)
    assert max(peak.values()) == 2
    assert overall[1] == 5
    assert fetcher._hosts == {}  # per-host slots are dropped once idle


# Local files


LOCAL_FEED = b"<rss version='2.0'><channel><title>Local</title></channel></rss>"


@pytest.fixture
def feed_file(tmp_path: Path) -> Path:
    folder = tmp_path / "feeds"
    folder.mkdir()
    path = folder / "local.xml"
    path.write_bytes(LOCAL_FEED)
    return path.resolve()


def edit_file(path: Path) -> None:
    path.write_bytes(path.read_bytes() + b"\n")
    later = time.time_ns() + 5_000_000_000
    os.utime(path, ns=(later, later))


async def no_network(request: httpx.Request) -> httpx.Response:
    raise AssertionError("local files must not go through the client")


async def test_local_file_by_relative_path_and_file_url(feed_file: Path, tmp_path: Path) -> None:
    fetcher = mock_fetcher(no_network, base_dir=tmp_path)
    by_path = await fetcher.fetch("feeds/local.xml", allow_files=True)
    by_url = await fetcher.fetch(feed_file.as_uri(), allow_files=True)
    by_abs = await fetcher.fetch(str(feed_file), allow_files=True)
    assert by_path.body == by_url.body == by_abs.body == LOCAL_FEED
    assert by_path.url == by_url.url == feed_file.as_uri()
    assert by_path.content_type == "application/xml"
    assert by_path.etag and by_path.last_modified


async def test_unchanged_local_file_is_not_modified(feed_file: Path, tmp_path: Path) -> None:
    fetcher = mock_fetcher(no_network, base_dir=tmp_path)
    first = await fetcher.fetch("feeds/local.xml", allow_files=True)
    again = await fetcher.fetch("feeds/local.xml", allow_files=True, etag=first.etag)
    assert again.not_modified and again.body is None
    by_date = await fetcher.fetch("feeds/local.xml", allow_files=True, last_modified=first.last_modified)
    assert by_date.not_modified
    edit_file(feed_file)
    changed = await fetcher.fetch("feeds/local.xml", allow_files=True, etag=first.etag)
    assert not changed.not_modified and changed.body is not None and changed.etag != first.etag


async def test_local_files_are_refused_unless_allowed(feed_file: Path) -> None:
    fetcher = mock_fetcher(no_network)
    for url in (feed_file.as_uri(), str(feed_file), "relative/feed.xml"):
        with pytest.raises(FetchRefused, match="local files not allowed"):
            await fetcher.fetch(url)


async def test_local_file_errors(tmp_path: Path) -> None:
    big = tmp_path / "big.xml"
    big.write_bytes(b"x" * 2_000)
    fetcher = mock_fetcher(no_network, base_dir=tmp_path, max_bytes=1_000)
    with pytest.raises(ResponseTooLarge, match="file over 1 kB"):
        await fetcher.fetch("big.xml", allow_files=True)
    with pytest.raises(FetchError, match="no such file"):
        await fetcher.fetch("missing.xml", allow_files=True)
    with pytest.raises(FetchError, match="not a regular file"):
        await fetcher.fetch(str(tmp_path), allow_files=True)
    with pytest.raises(FetchRefused, match="another host"):
        await fetcher.fetch("file://elsewhere/etc/passwd", allow_files=True)
