"""Keep URLs that chat users type away from the bot's own network (no SSRF).

A user's URL may only be http(s), without credentials, and may only reach public addresses: not
loopback, private, link-local (169.254.169.254), multicast, reserved or otherwise internal ones. The
check happens where the connection is made: the guarded network backend resolves the host name itself,
refuses when any address is internal, and connects to the address it checked, so neither a redirect nor
a DNS name that resolves (or re-resolves) to an internal address gets through. Hosts an admin names in
`poll.allowed_hosts` are exempt.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

import anyio
import httpcore
import httpx

from bot.feeds.http import FetchRefused

_INTERNAL_SUFFIXES = (".localhost", ".local", ".internal", ".localdomain", ".home.arpa", ".lan")


def is_public_address(address: str) -> bool:
    """Whether an IP address is routable on the public internet."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _allowed(host: str, allowed_hosts: Iterable[str]) -> bool:
    host = host.lower().rstrip(".")
    return any(host == h.lower().rstrip(".") for h in allowed_hosts)


def check_user_url(url: str, allowed_hosts: Iterable[str] = ()) -> None:
    """Raise FetchRefused unless `url` is an http(s) URL a chat user may make the bot fetch."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").rstrip(".")
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise FetchRefused("not a valid URL") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchRefused("only http and https links are fetched")
    if parts.username is not None or parts.password is not None:
        raise FetchRefused("links with a user name or password are not fetched")
    if not host:
        raise FetchRefused("the link has no host")
    if _allowed(host, allowed_hosts):
        return
    if host.lower() == "localhost" or host.lower().endswith(_INTERNAL_SUFFIXES):
        raise FetchRefused("that host is internal")
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return  # a name: checked when it is resolved, at connect time
    if not is_public_address(host.strip("[]")):
        raise FetchRefused("that address is internal")


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """A network backend that connects only to public addresses (or to allowed hosts)."""

    def __init__(self, allowed_hosts: Iterable[str] = (), inner: httpcore.AsyncNetworkBackend | None = None) -> None:
        self._allowed = tuple(allowed_hosts)
        self._inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        if _allowed(host, self._allowed):
            return await self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        try:
            with anyio.fail_after(timeout):
                infos = await anyio.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, TimeoutError) as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
        if not addresses or not all(is_public_address(a) for a in addresses):
            raise httpcore.ConnectError(f"refused: {host} resolves to an internal address")
        return await self._inner.connect_tcp(addresses[0], port, timeout, local_address, socket_options)

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("refused: unix sockets are not fetched")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def guarded_transport(allowed_hosts: Iterable[str] = (), **kwargs: Any) -> httpx.AsyncHTTPTransport:
    """An httpx transport whose connections go through GuardedBackend."""
    transport = httpx.AsyncHTTPTransport(**kwargs)
    # httpx builds its connection pool without a way to pass a network backend; the pool reads this
    # attribute whenever it opens a connection.
    transport._pool._network_backend = GuardedBackend(allowed_hosts)
    return transport
