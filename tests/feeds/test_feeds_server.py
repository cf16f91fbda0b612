"""Fetch and parse fixture feeds from a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import gzip
import time
from collections.abc import Callable

import httpx
import pytest
from conftest import FeedServer

from bot.feeds.http import Fetcher, FetchError, FetchRefused, FetchTimeout, HTTPStatusError, ResponseTooLarge
from bot.feeds.parse import FeedParseError, parse_feed

pytestmark = pytest.mark.integration
Load = Callable[[str], bytes]


async def test_etag_round_trip(feed_server: FeedServer, http_client: httpx.AsyncClient, fixture_bytes: Load) -> None:
    feed_server.serve("/rss", fixture_bytes("rss2.xml"), etag='"v1"')
    fetcher = Fetcher(http_client)
    first = await fetcher.fetch(feed_server.url("/rss"))
    assert first.status == 200 and first.etag == '"v1"' and first.body is not None
    assert len(parse_feed(first.body, base_url=first.url, content_type=first.content_type).entries) == 3
    second = await fetcher.fetch(feed_server.url("/rss"), etag=first.etag)
    assert second.not_modified and second.body is None
    assert feed_server.requests_for("/rss")[1].headers["If-None-Match"] == '"v1"'
    # The feed changes: a new ETag and a full body again.
    feed_server.serve("/rss", fixture_bytes("atom.xml"), etag='"v2"')
    third = await fetcher.fetch(feed_server.url("/rss"), etag=first.etag)
    assert not third.not_modified and third.etag == '"v2"'


async def test_last_modified_round_trip(feed_server: FeedServer, http_client: httpx.AsyncClient) -> None:
    stamp = "Tue, 04 Mar 2025 09:00:00 GMT"
    feed_server.serve("/atom", b"<feed xmlns='http://www.w3.org/2005/Atom'/>", last_modified=stamp)
    fetcher = Fetcher(http_client)
    first = await fetcher.fetch(feed_server.url("/atom"))
    assert first.last_modified == stamp and first.etag is None
    second = await fetcher.fetch(feed_server.url("/atom"), last_modified=first.last_modified)
    assert second.not_modified
    assert feed_server.requests_for("/atom")[1].headers["If-Modified-Since"] == stamp
    assert "If-None-Match" not in feed_server.requests_for("/atom")[1].headers


async def test_slow_server_hits_the_deadline(feed_server: FeedServer, http_client: httpx.AsyncClient) -> None:
    feed_server.serve("/slow", b"<rss/>", delay=10)
    started = time.monotonic()
    with pytest.raises(FetchTimeout, match=r"timed out after 0\.3 s"):
        await Fetcher(http_client, deadline=0.3).fetch(feed_server.url("/slow"))
    assert time.monotonic() - started < 1.5


async def test_slow_drip_hits_the_deadline(feed_server: FeedServer, http_client: httpx.AsyncClient) -> None:
    # Each chunk comes well within the read timeout; only the overall deadline can stop this.
    feed_server.serve("/drip", b"x" * 10_000, drip=0.05, drip_chunk=10)
    started = time.monotonic()
    with pytest.raises(FetchTimeout):
        await Fetcher(http_client, deadline=0.4).fetch(feed_server.url("/drip"))
    assert time.monotonic() - started < 1.5


@pytest.mark.parametrize("status", [404, 500])
async def test_failing_feed(feed_server: FeedServer, http_client: httpx.AsyncClient, status: int) -> None:
    feed_server.serve("/down", b"oops", status=status, content_type="text/plain")
    with pytest.raises(HTTPStatusError) as info:
        await Fetcher(http_client).fetch(feed_server.url("/down"))
    assert info.value.status == status and info.value.reason == f"HTTP {status}"


async def test_unknown_path_is_404(feed_server: FeedServer, http_client: httpx.AsyncClient) -> None:
    with pytest.raises(HTTPStatusError) as info:
        await Fetcher(http_client).fetch(feed_server.url("/nothing-here"))
    assert info.value.status == 404


async def test_retry_after_is_reported(feed_server: FeedServer, http_client: httpx.AsyncClient) -> None:
    feed_server.serve("/busy", status=503, headers={"Retry-After": "600"})
    with pytest.raises(HTTPStatusError) as info:
        await Fetcher(http_client).fetch(feed_server.url("/busy"))
    assert info.value.retry_after == 600.0


async def test_malformed_feed(feed_server: FeedServer, http_client: httpx.AsyncClient, fixture_bytes: Load) -> None:
    feed_server.serve("/bad", fixture_bytes("malformed.xml"))
    result = await Fetcher(http_client).fetch(feed_server.url("/bad"))
    assert result.body is not None
    with pytest.raises(FeedParseError, match="malformed XML at line 4"):
        parse_feed(result.body, base_url=result.url, content_type=result.content_type)


async def test_html_instead_of_feed(
    feed_server: FeedServer, http_client: httpx.AsyncClient, fixture_bytes: Load
) -> None:
    feed_server.serve("/page", fixture_bytes("page.html"), content_type="text/html; charset=utf-8")
    result = await Fetcher(http_client).fetch(feed_server.url("/page"))
    assert result.body is not None
    with pytest.raises(FeedParseError, match="looks like HTML"):
        parse_feed(result.body, base_url=result.url, content_type=result.content_type)


async def test_latin1_feed_under_a_utf8_header(
    feed_server: FeedServer, http_client: httpx.AsyncClient, fixture_bytes: Load
) -> None:
    feed_server.serve("/latin1", fixture_bytes("latin1.xml"), content_type="text/xml; charset=utf-8")
    result = await Fetcher(http_client).fetch(feed_server.url("/latin1"))
    assert result.body is not None
    feed = parse_feed(result.body, base_url=result.url, content_type=result.content_type)
    assert feed.entries[0].title == "Crème brûlée wins the vote"


async def test_gzip_response(feed_server: FeedServer, http_client: httpx.AsyncClient, fixture_bytes: Load) -> None:
    feed_server.serve("/gz", fixture_bytes("rss2.xml"), gzip_body=True)
    result = await Fetcher(http_client).fetch(feed_server.url("/gz"))
    assert result.body == fixture_bytes("rss2.xml")
    assert "gzip" in feed_server.requests_for("/gz")[0].headers["Accept-Encoding"]


async def test_oversize_response(feed_server: FeedServer, http_client: httpx.AsyncClient) -> None:
    feed_server.serve("/big", b"<rss>" + b"a" * 300_000 + b"</rss>")
    feed_server.serve("/big-chunked", b"b" * 300_000, drip=0.001, drip_chunk=50_000)
    fetcher = Fetcher(http_client, max_bytes=100_000)
    with pytest.raises(ResponseTooLarge, match="response over 100 kB"):
        await fetcher.fetch(feed_server.url("/big"))
    with pytest.raises(ResponseTooLarge):
        await fetcher.fetch(feed_server.url("/big-chunked"))


async def test_gzip_bomb(feed_server: FeedServer, http_client: httpx.AsyncClient) -> None:
    feed_server.serve("/bomb", b"\0" * 20_000_000, gzip_body=True)
    assert len(feed_server.routes["/bomb"].body) < 50_000
    with pytest.raises(ResponseTooLarge):
        await Fetcher(http_client, max_bytes=1_000_000).fetch(feed_server.url("/bomb"))


async def test_redirects(feed_server: FeedServer, http_client: httpx.AsyncClient) -> None:
    feed_server.serve("/new", b"<rss version='2.0'><channel><title>Moved</title></channel></rss>")
    feed_server.redirect("/old", "/new", status=301)
    feed_server.redirect("/loop", "/loop")
    feed_server.redirect("/to-file", "file:///etc/hostname")
    fetcher = Fetcher(http_client)
    moved = await fetcher.fetch(feed_server.url("/old"))
    assert moved.url == feed_server.url("/new")
    with pytest.raises(FetchError, match="too many redirects"):
        await fetcher.fetch(feed_server.url("/loop"))
    assert len(feed_server.requests_for("/loop")) == 6  # the first request and five redirects
    with pytest.raises(FetchRefused):
        await fetcher.fetch(feed_server.url("/to-file"), allow_files=True)


async def test_per_host_limit_against_a_real_server(feed_server: FeedServer, http_client: httpx.AsyncClient) -> None:
    feed_server.serve("/wait", b"<rss/>", delay=0.05)
    fetcher = Fetcher(http_client, per_host=2)
    results = await asyncio.gather(*(fetcher.fetch(feed_server.url("/wait")) for _ in range(6)))
    assert all(r.status == 200 for r in results)
    assert feed_server.max_in_flight == 2


async def test_connection_refused_is_a_fetch_error(http_client: httpx.AsyncClient) -> None:
    server = FeedServer()
    await server.start()
    url = server.url("/gone")
    await server.close()
    with pytest.raises(FetchError, match="could not connect"):
        await Fetcher(http_client).fetch(url)


def test_gzip_fixture_helper_compresses() -> None:
    server = FeedServer()
    route = server.serve("/z", "héllo", gzip_body=True)
    assert gzip.decompress(route.body) == "héllo".encode() and route.headers["Content-Encoding"] == "gzip"
