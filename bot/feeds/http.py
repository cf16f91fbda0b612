"""Fetch feeds and article pages over HTTP(S), or from local files, with limits on time, size and concurrency.

Errors, all carrying a short human ``reason`` fit to show an admin::

    FetchError                  anything that kept a fetch from producing a body
    ├── FetchTimeout            connect/read timeout, or the per-fetch deadline passed
    ├── HTTPStatusError         the server answered with a status >= 300 other than 304
    ├── ResponseTooLarge        the body (after decompression) exceeds the size cap
    └── FetchRefused            the URL's scheme is not allowed, or a local file was not allowed

Local files: feed URLs from the configuration may name local files, and so may article links found in a
local feed; article links found in a feed fetched over HTTP never may. The caller says which applies
through ``allow_files``; with it off, ``file://`` URLs and plain paths are refused.
"""

from __future__ import annotations

import asyncio
import email.utils
import mimetypes
import time
import weakref
import zlib
from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from http.cookiejar import Cookie, CookieJar
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

import httpx

from bot.feeds.transport import REDIRECTS, AiohttpTransport, header, raw_chunks, redirect_target, sent_as_written

__all__ = [
    "ARTICLE_ACCEPT",
    "FEED_ACCEPT",
    "FetchError",
    "FetchRefused",
    "FetchResult",
    "FetchTimeout",
    "Fetcher",
    "HTTPStatusError",
    "ResponseTooLarge",
    "make_client",
]

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5"
)
ARTICLE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024
# Clients make_client built over an AiohttpTransport: Fetcher fetches through that transport directly,
# as httpx would (same headers, timeouts, redirects, errors) at a third of the cost per request.
_DIRECT: weakref.WeakKeyDictionary[httpx.AsyncClient, AiohttpTransport] = weakref.WeakKeyDictionary()


class _NoCookies(CookieJar):
    """A cookie jar that keeps nothing: every fetch goes out without cookies, whichever path it takes."""

    def set_cookie(self, cookie: Cookie) -> None:
        pass

    def extract_cookies(self, response: Any, request: Any) -> None:
        pass


class FetchError(Exception):
    """A fetch failed; ``reason`` says why in a few words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class FetchTimeout(FetchError):
    """The fetch took longer than allowed."""


class HTTPStatusError(FetchError):
    """The server answered with an error (or an unfollowable redirect) status."""

    def __init__(self, status: int, retry_after: float | None = None) -> None:
        super().__init__(f"HTTP {status}")
        self.status = status
        self.retry_after = retry_after


class ResponseTooLarge(FetchError):
    """The body grew past the size cap."""


class FetchRefused(FetchError):
    """The URL may not be fetched: scheme not allowed, or local file not allowed."""


@dataclass(frozen=True)
class FetchResult:
    """A fetched document; ``body`` is None exactly when ``not_modified`` (HTTP 304 or unchanged file)."""

    url: str
    status: int
    body: bytes | None
    etag: str | None
    last_modified: str | None
    content_type: str | None
    not_modified: bool


def make_client(
    *,
    connect_timeout: float = 10,
    read_timeout: float = 20,
    max_connections: int = 100,
    user_agent: str = "newsbot/0.1 (+https://github.com/newsbot)",
    transport: httpx.AsyncBaseTransport | None = None,
) -> httpx.AsyncClient:
    """Build the one HTTP client the bot shares; close it with ``async with`` or ``aclose()``.

    ``transport`` replaces the default network transport, an AiohttpTransport (a guarded one, or a fake
    in tests). The client keeps no cookies. Over an AiohttpTransport, ``Fetcher`` sends GETs for plain URLs
    straight through it (redirects included), leaving httpx for the rest.
    """
    if transport is None:
        transport = AiohttpTransport(max_connections=max_connections)
    client = httpx.AsyncClient(
        transport=transport,
        timeout=httpx.Timeout(read_timeout, connect=connect_timeout),
        limits=httpx.Limits(max_connections=max_connections, max_keepalive_connections=20),
        headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
        cookies=_NoCookies(),
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        trust_env=False,
    )
    if isinstance(transport, AiohttpTransport):
        _DIRECT[client] = transport
    return client


def human_size(n: int) -> str:
    """Format a byte count the way an admin reads it: 5 MB, 512 kB, 100 bytes."""
    for unit, size in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if n >= size:
            return f"{n / size:.3g} {unit}"
    return f"{n} bytes"


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Turn a Retry-After header (seconds or an HTTP date) into seconds from now, or None."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():  # not "²", which int() refuses
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class _Decoder:
    """Undo a Content-Encoding chunk by chunk, never producing more than the size cap allows."""

    def __init__(self, encoding: str | None) -> None:
        coding = (encoding or "identity").strip().lower()
        self._raw_deflate_fallback = False
        self._obj: zlib._Decompress | None
        if coding in ("identity", ""):
            self._obj = None
        elif coding in ("gzip", "x-gzip"):
            self._obj = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif coding == "deflate":
            # Servers send "deflate" both zlib-wrapped (per the RFC) and raw; try the first, fall back.
            self._obj = zlib.decompressobj()
            self._raw_deflate_fallback = True
        else:
            raise FetchError(f"unsupported content encoding {coding!r}")

    def feed(self, data: bytes, room: int) -> bytes:
        """Decode ``data`` into at most ``room + 1`` bytes: enough to see an overrun, no more."""
        if self._obj is None:
            return data
        try:
            out = self._obj.decompress(data, room + 1)
        except zlib.error as exc:
            if not self._raw_deflate_fallback:
                raise FetchError("corrupt compressed response") from exc
            self._obj = zlib.decompressobj(-zlib.MAX_WBITS)
            self._raw_deflate_fallback = False
            return self.feed(data, room)
        self._raw_deflate_fallback = False
        return out

    def flush(self) -> bytes:
        """Return what the decoder still buffers once the input has ended."""
        # Input is only left unconsumed when ``feed`` hit its bound, and then the caller has already stopped.
        return b"" if self._obj is None else self._obj.flush()


class Fetcher:
    """Fetch URLs through a shared client, within global and per-host concurrency limits.

    Contract of ``fetch``:

    * Returns a ``FetchResult`` for a 2xx answer (``body`` set) or a 304 (``not_modified``, ``body`` None).
    * Sends If-None-Match / If-Modified-Since when ``etag`` / ``last_modified`` are given.
    * Raises a ``FetchError`` subclass for anything else; never another exception for network trouble.
    * Never holds more than ``max_bytes`` of decoded body, whatever the compression ratio.
    * Ends within ``deadline`` seconds once it starts, however slowly the server drips; time spent
      waiting for a free slot (``total`` overall, ``per_host`` per host and port) does not count.
    * Local files (``file://`` URLs and plain paths, relative ones under ``base_dir``) only when
      ``allow_files``; their validators derive from mtime and size, so an unchanged file is
      ``not_modified`` when its previous ``etag`` is passed back.
    """

    def __init__(
        self,
        client: httpx.AsyncClient,
        *,
        max_bytes: int = 5_000_000,
        per_host: int = 4,
        total: int = 50,
        deadline: float = 60.0,
        base_dir: Path | None = None,
    ) -> None:
        self._client = client
        self.max_bytes = max_bytes
        self.deadline = deadline
        self.base_dir = base_dir
        self._per_host = per_host
        self._total = asyncio.Semaphore(total)
        # host -> (semaphore, number of fetches using it); entries go when unused so the map stays small.
        self._hosts: dict[str, tuple[asyncio.Semaphore, int]] = {}

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        allow_files: bool = False,
        accept: str = FEED_ACCEPT,
    ) -> FetchResult:
        """Fetch ``url`` under the limits described in the class docstring."""
        parts = urlsplit(url.strip())
        scheme = parts.scheme.lower()
        is_path = scheme == "" or (len(scheme) == 1 and url[1:2] == ":")  # "C:\..." is a path too
        if scheme == "file" or is_path:
            if not allow_files:
                raise FetchRefused("local files not allowed here")
            path = self._local_path(url.strip(), is_path=is_path)
            async with self._total:
                return await self._within_deadline(self._read_file(path, etag, last_modified))
        if scheme not in ("http", "https"):
            raise FetchRefused(f"scheme {scheme!r} not allowed")
        if not parts.hostname:
            raise FetchRefused("URL has no host")
        # Only what _Decoder can undo under the size cap, whatever the client would advertise by default.
        headers = {"Accept": accept, "Accept-Encoding": "gzip, deflate"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        # Per origin server: host and port (two ports of one host are two servers, as for connection pools).
        try:
            origin = f"{parts.hostname.lower()}:{parts.port or ''}"
        except ValueError:
            raise FetchRefused("URL has an invalid port") from None
        async with self._total, self._host_slot(origin):
            return await self._within_deadline(self._get(url.strip(), headers))

    async def _within_deadline(self, work: Awaitable[FetchResult]) -> FetchResult:
        try:
            async with asyncio.timeout(self.deadline):
                return await work
        except TimeoutError:
            raise FetchTimeout(f"timed out after {self.deadline:g} s") from None

    @asynccontextmanager
    async def _host_slot(self, host: str) -> AsyncIterator[None]:
        sem, users = self._hosts.get(host, (asyncio.Semaphore(self._per_host), 0))
        self._hosts[host] = (sem, users + 1)
        try:
            async with sem:
                yield
        finally:
            sem, users = self._hosts[host]
            if users <= 1:
                del self._hosts[host]
            else:
                self._hosts[host] = (sem, users - 1)

    async def _get(self, url: str, headers: dict[str, str]) -> FetchResult:
        try:
            transport = _DIRECT.get(self._client)
            if transport is not None and sent_as_written(url) and not any(self._client.event_hooks.values()):
                return await self._get_direct(transport, url, headers)
            async with self._client.stream("GET", url, headers=headers, follow_redirects=True) as resp:
                final = str(resp.url)
                new_etag = resp.headers.get("ETag")
                new_modified = resp.headers.get("Last-Modified")
                content_type = resp.headers.get("Content-Type")
                if resp.status_code == 304:
                    return FetchResult(final, 304, None, new_etag, new_modified, content_type, True)
                if resp.status_code >= 300:
                    retry_after = parse_retry_after(resp.headers.get("Retry-After"))
                    raise HTTPStatusError(resp.status_code, retry_after)
                body = await self._read_body(resp)
                return FetchResult(final, resp.status_code, body, new_etag, new_modified, content_type, False)
        except httpx.TooManyRedirects:
            raise FetchError("too many redirects") from None
        except httpx.ConnectTimeout:
            raise FetchTimeout("timed out connecting") from None
        except httpx.TimeoutException:
            raise FetchTimeout("timed out waiting for the server") from None
        except httpx.UnsupportedProtocol:
            raise FetchRefused("redirected to a scheme that is not allowed") from None
        except httpx.ConnectError as exc:
            raise FetchError(f"could not connect ({_short(exc)})") from None
        except httpx.HTTPError as exc:
            raise FetchError(f"{type(exc).__name__}: {_short(exc)}") from None

    async def _get_direct(self, transport: AiohttpTransport, url: str, headers: dict[str, str]) -> FetchResult:
        """What the httpx path gives for ``url``, through the transport's own session (redirects included)."""
        client = self._client
        for _ in range(client.max_redirects + 1):
            async with transport.open_direct(url, client.headers, headers, client.timeout) as resp:
                status = resp.status
                found = resp.headers
                location = header(found, "Location")
                if status in REDIRECTS and location is not None:
                    url = redirect_target(url, location)
                    continue
                new_etag, new_modified = header(found, "ETag"), header(found, "Last-Modified")
                content_type = header(found, "Content-Type")
                if status == 304:
                    return FetchResult(url, 304, None, new_etag, new_modified, content_type, True)
                if status >= 300:
                    raise HTTPStatusError(status, parse_retry_after(header(found, "Retry-After")))
                encoding = header(found, "Content-Encoding")
                self._check_declared(header(found, "Content-Length") or "", encoding)
                body = await self._read_stream(raw_chunks(resp), encoding)
                return FetchResult(url, status, body, new_etag, new_modified, content_type, False)
        raise httpx.TooManyRedirects("Exceeded maximum allowed redirects.")

    def _check_declared(self, declared: str, encoding: str | None) -> None:
        if declared.isascii() and declared.isdigit() and not encoding and int(declared) > self.max_bytes:
            raise ResponseTooLarge(f"response over {human_size(self.max_bytes)}")

    async def _read_body(self, resp: httpx.Response) -> bytes:
        self._check_declared(resp.headers.get("Content-Length", ""), resp.headers.get("Content-Encoding"))
        if resp.is_stream_consumed:  # a transport that hands over a response already read (test doubles)
            if len(resp.content) > self.max_bytes:
                raise ResponseTooLarge(f"response over {human_size(self.max_bytes)}")
            return resp.content
        return await self._read_stream(resp.aiter_raw(_CHUNK), resp.headers.get("Content-Encoding"))

    async def _read_stream(self, chunks: AsyncIterator[bytes], encoding: str | None) -> bytes:
        # Decode ourselves from the raw stream: httpx inflates a whole network chunk at once, which lets a
        # small gzip bomb allocate far more than the cap before we could stop it.
        decoder = _Decoder(encoding)
        body = bytearray()
        async for raw in chunks:
            body += decoder.feed(raw, self.max_bytes - len(body))
            if len(body) > self.max_bytes:
                raise ResponseTooLarge(f"response over {human_size(self.max_bytes)}")
        body += decoder.flush()
        if len(body) > self.max_bytes:
            raise ResponseTooLarge(f"response over {human_size(self.max_bytes)}")
        return bytes(body)

    def _local_path(self, url: str, *, is_path: bool) -> Path:
        if is_path:
            path = Path(url).expanduser()
        else:
            parts = urlsplit(url)
            if parts.netloc not in ("", "localhost"):
                raise FetchRefused("file URL names another host")
            path = Path(url2pathname(unquote(parts.path)))
        if not path.is_absolute():
            path = (self.base_dir or Path.cwd()) / path
        return path

    async def _read_file(self, path: Path, etag: str | None, last_modified: str | None) -> FetchResult:
        return await asyncio.to_thread(self._read_file_sync, path, etag, last_modified)

    def _read_file_sync(self, path: Path, etag: str | None, last_modified: str | None) -> FetchResult:
        try:
            st = path.stat()
        except FileNotFoundError:
            raise FetchError(f"no such file: {path}") from None
        except OSError as exc:
            raise FetchError(f"cannot read {path}: {exc.strerror}") from None
        if not path.is_file():
            raise FetchError(f"not a regular file: {path}")
        url = path.resolve().as_uri()
        content_type = mimetypes.guess_type(path.name)[0]
        file_etag = f'"{st.st_mtime_ns:x}-{st.st_size:x}"'
        file_modified = email.utils.formatdate(st.st_mtime, usegmt=True)
        unchanged = etag == file_etag if etag else last_modified == file_modified
        if unchanged:
            return FetchResult(url, 304, None, file_etag, file_modified, content_type, True)
        if st.st_size > self.max_bytes:
            raise ResponseTooLarge(f"file over {human_size(self.max_bytes)}")
        try:
            with path.open("rb") as fh:
                body = fh.read(self.max_bytes + 1)
        except OSError as exc:
            raise FetchError(f"cannot read {path}: {exc.strerror}") from None
        if len(body) > self.max_bytes:  # the file grew between stat and read
            raise ResponseTooLarge(f"file over {human_size(self.max_bytes)}")
        return FetchResult(url, 200, body, file_etag, file_modified, content_type, False)


def _short(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "..."
