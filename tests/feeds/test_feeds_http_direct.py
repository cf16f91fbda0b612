"""Fetcher's direct path (plain URLs straight through the aiohttp transport) answers as the httpx path does."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from conftest import FeedServer

from bot.feeds import http as fetch_http
from bot.feeds.http import Fetcher, FetchError, FetchRefused, FetchResult, HTTPStatusError, make_client
from bot.feeds.transport import AiohttpTransport, sent_as_written

RSS = b"<rss version='2.0'><channel><title>Quay</title></channel></rss>"


@pytest.fixture
async def direct_client() -> AsyncIterator[httpx.AsyncClient]:
    async with make_client(connect_timeout=2, read_timeout=2) as client:
        yield client


@pytest.fixture
async def httpx_client() -> AsyncIterator[httpx.AsyncClient]:
    """The same client, but Fetcher goes through httpx for it."""
    async with make_client(connect_timeout=2, read_timeout=2) as client:
        del fetch_http._DIRECT[client]
        yield client


async def _outcome(
    fetcher: Fetcher, url: str, etag: str | None, modified: str | None
) -> FetchResult | tuple[type[BaseException], str]:
    try:
        return await fetcher.fetch(url, etag=etag, last_modified=modified)
    except FetchError as exc:
        return type(exc), exc.reason


def _sent(server: FeedServer) -> list[tuple[str, list[tuple[str, str]]]]:
    return [(r.path, sorted((k, v) for k, v in r.headers.items() if k != "Host")) for r in server.requests]


async def test_direct_path_skips_httpx(
    feed_server: FeedServer, direct_client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def no_httpx(*_: object) -> None:
        raise AssertionError("went through httpx")

    monkeypatch.setattr(AiohttpTransport, "handle_async_request", no_httpx)
    feed_server.serve("/feed", RSS, etag='"v1"')
    result = await Fetcher(direct_client).fetch(feed_server.url("/feed"))
    assert result.body == RSS and result.etag == '"v1"'
    assert sent_as_written(feed_server.url("/feed"))
    assert not sent_as_written("http://Example.com/a")
    assert not sent_as_written("http://a.example:80/")


async def test_both_paths_give_the_same_answers(
    feed_server: FeedServer, direct_client: httpx.AsyncClient, httpx_client: httpx.AsyncClient
) -> None:
    feed_server.serve("/feed", RSS, etag='"v1"', last_modified="Mon, 02 Mar 2026 08:00:00 GMT", gzip_body=True)
    feed_server.serve("/gone", b"no", status=503, headers={"Retry-After": "120"})
    feed_server.serve("/big", b"x" * 5000)
    feed_server.serve("/page", b"<p>hi</p>", content_type="text/html", headers={"Set-Cookie": "s=1; Path=/"})
    feed_server.redirect("/old", "/older", status=301)
    feed_server.redirect("/older", "/feed#top", status=308)
    feed_server.redirect("/loop", "/loop")
    feed_server.redirect("/to-file", "file:///etc/hostname")
    feed_server.redirect("/bad", "http://[zz")
    monday = "Mon, 02 Mar 2026 08:00:00 GMT"
    cases: list[tuple[str, str | None, str | None]] = [
        ("/feed", None, None), ("/feed", '"v1"', None), ("/feed", None, monday), ("/gone", None, None),
        ("/big", None, None), ("/page", None, None), ("/page", None, None), ("/old", None, None),
        ("/old", '"v1"', None), ("/loop", None, None), ("/to-file", None, None), ("/bad", None, None),
        ("/missing", None, None), ("/feed?b=2&a=1", None, None),
    ]
    direct, via_httpx = Fetcher(direct_client, max_bytes=4000), Fetcher(httpx_client, max_bytes=4000)
    for path, etag, modified in cases:
        feed_server.requests.clear()
        got = await _outcome(direct, feed_server.url(path), etag, modified)
        sent_direct = _sent(feed_server)
        feed_server.requests.clear()
        expected = await _outcome(via_httpx, feed_server.url(path), etag, modified)
        sent_httpx = _sent(feed_server)
        assert got == expected, path
        assert sent_direct == sent_httpx, path
    assert any(r.headers.get("Cookie") for r in feed_server.requests) is False  # no cookies kept either way


async def test_direct_path_errors(feed_server: FeedServer, direct_client: httpx.AsyncClient) -> None:
    feed_server.serve("/gone", b"no", status=503, headers={"Retry-After": "120"})
    feed_server.redirect("/to-file", "file:///etc/hostname")
    fetcher = Fetcher(direct_client)
    with pytest.raises(HTTPStatusError) as info:
        await fetcher.fetch(feed_server.url("/gone"))
    assert info.value.status == 503 and info.value.retry_after == 120
    with pytest.raises(FetchRefused):
        await fetcher.fetch(feed_server.url("/to-file"))
    with pytest.raises(FetchError, match="could not connect"):
        await fetcher.fetch("http://127.0.0.1:9/feed")
