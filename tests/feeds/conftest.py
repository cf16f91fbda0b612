"""Shared fixtures for feed tests: a scriptable local feed server on 127.0.0.1, a client, fixture feeds.

``feed_server`` serves whatever a test tells it to, per path, and can be changed while a test runs::

    feed_server.serve("/rss", fixture_bytes("rss2.xml"), etag='"v1"')
    url = feed_server.url("/rss")
    ...
    assert feed_server.requests_for("/rss")[-1].headers.get("If-None-Match") == '"v1"'
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.feeds.http import make_client

DATA_DIR = Path(__file__).parent / "data"


@dataclass
class Route:
    """What one path answers; a route honours its ``etag``/``last_modified`` with 304 on a match."""

    body: bytes = b""
    status: int = 200
    content_type: str | None = "application/rss+xml; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line
    drip: float = 0.0  # seconds between body chunks; 0 sends the body at once
    drip_chunk: int = 64
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class LoggedRequest:
    """A request the server saw."""

    method: str
    path: str
    query: str
    headers: Mapping[str, str]


class FeedServer:
    """A local HTTP server whose answers tests script per path; see the module docstring."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[LoggedRequest] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._closing = asyncio.Event()
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self._server = TestServer(app, host="127.0.0.1")

    async def start(self) -> None:
        """Start listening on a free port of 127.0.0.1."""
        await self._server.start_server()

    async def close(self) -> None:
        """Stop the server, cutting short any scripted delays."""
        self._closing.set()
        await self._server.close()

    def url(self, path: str) -> str:
        """Return the absolute URL of ``path`` on this server."""
        return str(self._server.make_url(path))

    def serve(
        self,
        path: str,
        body: bytes | str = b"",
        *,
        status: int = 200,
        content_type: str | None = Route.content_type,
        headers: Mapping[str, str] | None = None,
        delay: float = 0.0,
        drip: float = 0.0,
        drip_chunk: int = 64,
        etag: str | None = None,
        last_modified: str | None = None,
        gzip_body: bool = False,
    ) -> Route:
        """Make ``path`` answer with ``body`` (gzipped if ``gzip_body``), replacing what it served."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        extra = dict(headers or {})
        if gzip_body:
            data = gzip.compress(data, compresslevel=9)
            extra["Content-Encoding"] = "gzip"
        route = Route(data, status, content_type, extra, delay, drip, drip_chunk, etag, last_modified)
        self.routes[path] = route
        return route

    def redirect(self, path: str, to: str, status: int = 302) -> Route:
        """Make ``path`` redirect to ``to`` (a path on this server or an absolute URL)."""
        return self.serve(path, status=status, content_type=None, headers={"Location": to})

    def requests_for(self, path: str) -> list[LoggedRequest]:
        """Return the requests made for ``path``, oldest first."""
        return [r for r in self.requests if r.path == path]

    async def _pause(self, seconds: float) -> None:
        if seconds > 0:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._closing.wait(), seconds)

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        logged = LoggedRequest(request.method, request.path, request.query_string, request.headers.copy())
        self.requests.append(logged)
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            return await self._answer(request)
        finally:
            self.in_flight -= 1

    async def _answer(self, request: web.Request) -> web.StreamResponse:
        route = self.routes.get(request.path)
        if route is None:
            return web.Response(status=404, text="no such route")
        await self._pause(route.delay)
        validators = {}
        if route.etag:
            validators["ETag"] = route.etag
        if route.last_modified:
            validators["Last-Modified"] = route.last_modified
        if (route.etag and route.etag in request.headers.get("If-None-Match", "")) or (
            route.last_modified and request.headers.get("If-Modified-Since") == route.last_modified
        ):
            return web.Response(status=304, headers=validators)
        headers = {**validators, **route.headers}
        if route.content_type:
            headers["Content-Type"] = route.content_type
        if not route.drip:
            return web.Response(status=route.status, body=route.body, headers=headers)
        response = web.StreamResponse(status=route.status, headers=headers)
        await response.prepare(request)
        for start in range(0, len(route.body), route.drip_chunk):
            await response.write(route.body[start : start + route.drip_chunk])
            await self._pause(route.drip)
            if self._closing.is_set():
                break
        await response.write_eof()
        return response


@pytest.fixture
async def feed_server() -> AsyncIterator[FeedServer]:
    """Yield a running local feed server; it stops when the test ends."""
    server = FeedServer()
    await server.start()
    try:
        yield server
    finally:
        await server.close()


@pytest.fixture
async def http_client() -> AsyncIterator[httpx.AsyncClient]:
    """Yield the bot's real HTTP client, with short timeouts fit for tests."""
    async with make_client(connect_timeout=2, read_timeout=2) as client:
        yield client


@pytest.fixture
def fixture_bytes() -> Callable[[str], bytes]:
    """Return a loader for the fixture documents in tests/feeds/data."""
    return lambda name: (DATA_DIR / name).read_bytes()
