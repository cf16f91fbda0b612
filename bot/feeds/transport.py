"""An httpx transport over aiohttp: httpx's API (redirects, timeouts, streaming) with aiohttp's faster HTTP/1.1.

httpx's own transport costs about 1.2 ms of CPU per request on this kind of machine, aiohttp about a
fifth of that; with thousands of feeds per poll that is most of a warm poll. Bodies come through raw
(still compressed: Fetcher decodes them under its size cap), no cookies are kept, and no header is added
that the request does not carry. aiohttp's errors are turned into httpx's, so callers see one hierarchy.

``check_url`` (called with every URL before it is requested, redirect hops included) and ``resolver``
(which may refuse what a host name resolves to) let guard.py build the transport for users' URLs.

``open_direct`` skips httpx altogether for one plain GET (no redirect followed): building httpx's request
and response objects costs about three times what aiohttp's request does, and Fetcher makes one per feed
per poll. Its errors are httpx's too; ``sent_as_written``, ``redirect_target`` and ``header`` give the
caller the rest of httpx's behaviour on that path (which URLs go unchanged, where redirects lead, how
repeated headers read).
"""

from __future__ import annotations

import asyncio
import re
import ssl
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from contextlib import asynccontextmanager, contextmanager

import aiohttp
import httpx
from aiohttp.abc import AbstractResolver
from multidict import CIMultiDict, CIMultiDictProxy
from yarl import URL

__all__ = ["REDIRECTS", "AiohttpTransport", "header", "raw_chunks", "redirect_target", "sent_as_written"]

REDIRECTS = frozenset({301, 302, 303, 307, 308})  # the statuses httpx follows when Location is set
# A URL that httpx would send exactly as written: lowercase http(s) scheme and host, a port that is not
# the default one (checked in code), plain ASCII path and query, no fragment.
_DIRECT_URL = re.compile(
    r"(https?)://[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::([1-9][0-9]{0,4}))?"
    r"(?:/[A-Za-z0-9._~!$&'()*+,;=:@/%-]*)?(?:\?[A-Za-z0-9._~!$&'()*+,;=:@/?%-]*)?",
    re.ASCII,
)
_DEFAULT_PORT = {"http": 80, "https": 443}


@contextmanager
def _mapped(request: httpx.Request | None) -> Iterator[None]:
    """Raise aiohttp's and asyncio's errors as the httpx errors they correspond to."""
    try:
        yield
    except (aiohttp.ConnectionTimeoutError, aiohttp.ServerTimeoutError) as exc:
        if isinstance(exc, aiohttp.ConnectionTimeoutError):
            raise httpx.ConnectTimeout(str(exc) or "connect timeout", request=request) from exc
        raise httpx.ReadTimeout(str(exc) or "read timeout", request=request) from exc
    except TimeoutError as exc:
        raise httpx.ReadTimeout("timed out", request=request) from exc
    except aiohttp.ClientConnectorError as exc:
        raise httpx.ConnectError(str(exc.os_error or exc), request=request) from exc
    except (aiohttp.InvalidURL, aiohttp.NonHttpUrlClientError) as exc:
        raise httpx.UnsupportedProtocol(str(exc), request=request) from exc
    except aiohttp.ClientPayloadError as exc:
        raise httpx.RemoteProtocolError(str(exc), request=request) from exc
    except (aiohttp.ServerDisconnectedError, aiohttp.ClientOSError) as exc:
        raise httpx.ReadError(str(exc) or type(exc).__name__, request=request) from exc
    except aiohttp.ClientResponseError as exc:
        raise httpx.RemoteProtocolError(exc.message, request=request) from exc
    except aiohttp.ClientError as exc:
        raise httpx.TransportError(str(exc) or type(exc).__name__, request=request) from exc


class _Body(httpx.AsyncByteStream):
    def __init__(self, response: aiohttp.ClientResponse, request: httpx.Request) -> None:
        self._response = response
        self._request = request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        with _mapped(self._request):
            async for chunk in self._response.content.iter_any():
                yield chunk

    async def aclose(self) -> None:
        # A body read to the end returns its connection to the pool; one abandoned early closes it.
        self._response.release()


async def raw_chunks(response: aiohttp.ClientResponse) -> AsyncIterator[bytes]:
    """Yield the body of a response from ``open_direct`` as it arrives, still encoded; errors as httpx's."""
    with _mapped(None):
        async for chunk in response.content.iter_any():
            yield chunk


def _timeout(timeout: Mapping[str, float | None]) -> aiohttp.ClientTimeout:
    return aiohttp.ClientTimeout(
        total=None, connect=timeout.get("pool"), sock_connect=timeout.get("connect"), sock_read=timeout.get("read"),
    )


class AiohttpTransport(httpx.AsyncBaseTransport):
    """Send httpx requests through one aiohttp session, made on first use inside the running loop."""

    def __init__(
        self,
        *,
        max_connections: int = 100,
        keepalive_expiry: float = 15.0,
        resolver: AbstractResolver | None = None,
        check_url: Callable[[str], None] | None = None,
        verify: ssl.SSLContext | bool = True,
    ) -> None:
        self._max_connections = max_connections
        self._keepalive = keepalive_expiry
        self._resolver = resolver
        self._check_url = check_url
        self._ssl: ssl.SSLContext | bool = ssl.create_default_context() if verify is True else verify
        self._session: aiohttp.ClientSession | None = None

    def _open(self) -> aiohttp.ClientSession:
        connector = aiohttp.TCPConnector(
            limit=self._max_connections, limit_per_host=0, keepalive_timeout=self._keepalive,
            ttl_dns_cache=300, ssl=self._ssl, resolver=self._resolver,
        )
        return aiohttp.ClientSession(
            connector=connector, cookie_jar=aiohttp.DummyCookieJar(), auto_decompress=False,
            skip_auto_headers=("User-Agent", "Accept", "Accept-Encoding"), trust_env=False,
            timeout=aiohttp.ClientTimeout(total=None),
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        if self._check_url is not None:
            self._check_url(url)
        if self._session is None:
            self._session = self._open()
        timeout = request.extensions.get("timeout", {})
        body = await request.aread()
        headers = CIMultiDict(
            (k.decode("latin-1"), v.decode("latin-1")) for k, v in request.headers.raw if k.lower() != b"host"
        )
        with _mapped(request):
            response = await self._session.request(
                request.method, URL(url, encoded=True), headers=headers, data=body or None,
                allow_redirects=False, compress=None, timeout=_timeout(timeout),
            )
        extensions: dict[str, object] = {"http_version": b"HTTP/1.1"}
        if response.reason:
            extensions["reason_phrase"] = response.reason.encode("latin-1", "replace")
        return httpx.Response(
            status_code=response.status, headers=response.raw_headers, stream=_Body(response, request),
            request=request, extensions=extensions,
        )

    @asynccontextmanager
    async def open_direct(
        self, url: str, client_headers: httpx.Headers, headers: Mapping[str, str], timeout: httpx.Timeout,
    ) -> AsyncIterator[aiohttp.ClientResponse]:
        """GET ``url`` as an httpx client with these headers and timeout would send it, redirects not followed.

        ``url`` must already be in the form httpx would send (plain ASCII, encoded); ``headers`` override
        ``client_headers`` as in httpx. The response is released on leaving the block (its connection
        reused when the body was read to the end); read its body with ``raw_chunks``.
        """
        if self._check_url is not None:
            self._check_url(url)
        if self._session is None:
            self._session = self._open()
        sent = CIMultiDict((k.decode("latin-1"), v.decode("latin-1")) for k, v in client_headers.raw)
        sent.popall("Host", None)
        for name, value in headers.items():
            sent[name] = value
        with _mapped(None):
            response = await self._session.request(
                "GET", URL(url, encoded=True), headers=sent, allow_redirects=False, compress=None,
                timeout=_timeout(timeout.as_dict()),
            )
        try:
            yield response
        finally:
            response.release()

    async def aclose(self) -> None:
        if self._session is not None:
            session, self._session = self._session, None
            await session.close()
            await asyncio.sleep(0)  # let aiohttp's transports see their close before the loop ends


def sent_as_written(url: str) -> bool:
    """Whether httpx would send ``url`` unchanged (so that the direct path asks for the same thing)."""
    m = _DIRECT_URL.fullmatch(url)
    return m is not None and (m[2] is None or (0 < int(m[2]) <= 65535 and int(m[2]) != _DEFAULT_PORT[m[1]]))


def redirect_target(current: str, location: str) -> str:
    """Where httpx goes from ``current`` on a redirect to ``location`` (as its client's _redirect_url)."""
    try:
        target = httpx.URL(location)
    except httpx.InvalidURL as exc:
        raise httpx.RemoteProtocolError(f"Invalid URL in location header: {exc}.") from None
    base = httpx.URL(current)
    if target.scheme and not target.host:
        target = target.copy_with(host=base.host)
    if target.is_relative_url:
        target = base.join(target)
    if base.fragment and not target.fragment:
        target = target.copy_with(fragment=base.fragment)
    return str(target)


def header(headers: CIMultiDictProxy[str], name: str) -> str | None:
    """A header as httpx reads it: repeated ones joined with ", "."""
    values = headers.getall(name, None)
    if not values:
        return None
    return values[0] if len(values) == 1 else ", ".join(values)
