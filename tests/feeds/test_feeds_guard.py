"""No SSRF: user URLs never reach internal addresses, directly, by DNS or through a redirect."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import httpcore
import httpx
import pytest
from conftest import FeedServer

from bot.feeds import guard
from bot.feeds.guard import GuardedBackend, check_user_url, guarded_transport, is_public_address
from bot.feeds.http import FetchRefused


@pytest.mark.parametrize("address", [
    "127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "0.0.0.0", "224.0.0.1",
    "100.64.0.1", "::1", "fe80::1", "fc00::1", "::ffff:127.0.0.1", "ff02::1", "not-an-ip",
])
def test_internal_addresses(address: str) -> None:
    assert not is_public_address(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "1.1.1.1", "2606:4700:4700::1111"])
def test_public_addresses(address: str) -> None:
    assert is_public_address(address)


@pytest.mark.parametrize("url", [
    "file:///etc/passwd", "ftp://example.org/x", "gopher://example.org", "http://user:pw@example.org/",
    "http://localhost:8080/", "http://printer.local/", "http://metadata.internal/", "http://127.0.0.1/",
    "http://[::1]/", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.5/admin", "http:///nohost",
    "http://example.org:99999/",
])
def test_refused_user_urls(url: str) -> None:
    with pytest.raises(FetchRefused):
        check_user_url(url)


def test_accepted_user_urls_and_allowed_hosts() -> None:
    check_user_url("https://news.example.org/story?id=1")
    check_user_url("http://93.184.216.34/")
    check_user_url("http://intranet.local/feed", allowed_hosts=["intranet.local"])


class FakeInner(httpcore.AsyncNetworkBackend):
    """Records where the guarded backend would connect, without connecting anywhere."""

    def __init__(self) -> None:
        self.connected: list[str] = []

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None,
                          socket_options: Iterable[Any] | None = None) -> httpcore.AsyncNetworkStream:
        self.connected.append(host)
        raise httpcore.ConnectError("fake backend: not connecting")


async def test_dns_names_are_checked_by_what_they_resolve_to(monkeypatch: pytest.MonkeyPatch) -> None:
    answers = {"public.example": ["93.184.216.34"], "sneaky.example": ["93.184.216.34", "127.0.0.1"],
               "rebind.example": ["10.0.0.7"]}

    async def fake_getaddrinfo(host: str, port: int, **_: Any) -> list[tuple[Any, ...]]:
        return [(2, 1, 6, "", (a, port)) for a in answers[host]]

    monkeypatch.setattr(guard.anyio, "getaddrinfo", fake_getaddrinfo)
    inner = FakeInner()
    backend = GuardedBackend(inner=inner)
    for refused in ("sneaky.example", "rebind.example"):
        with pytest.raises(httpcore.ConnectError, match="internal address"):
            await backend.connect_tcp(refused, 80)
    with pytest.raises(httpcore.ConnectError, match="fake backend"):
        await backend.connect_tcp("public.example", 80)
    assert inner.connected == ["93.184.216.34"]  # the checked address, not the name again


async def test_guarded_client_refuses_loopback_and_redirects_into_it(feed_server: FeedServer) -> None:
    feed_server.serve("/secret", "internal data")
    port = httpx.URL(feed_server.url("/")).port
    feed_server.redirect("/hop", f"http://127.0.0.1:{port}/secret")
    async with httpx.AsyncClient(transport=guarded_transport(), follow_redirects=True) as client:
        with pytest.raises(httpx.ConnectError, match="internal"):
            await client.get(f"http://127.0.0.1:{port}/secret")
    # An admin may allow a named host; a redirect from it to another internal address is still refused.
    async with httpx.AsyncClient(transport=guarded_transport(["localhost"]), follow_redirects=True) as client:
        assert (await client.get(f"http://localhost:{port}/secret")).text == "internal data"
        with pytest.raises(httpx.ConnectError, match="internal"):
            await client.get(f"http://localhost:{port}/hop")
    assert len(feed_server.requests_for("/secret")) == 1
