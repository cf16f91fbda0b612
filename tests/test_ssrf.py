"""No SSRF through chat: /summary URL and /feeds add never reach the bot's own network, and feeds added
from chat are polled, with their article pages, through the guard."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.app import open_services
from bot.commands import ArticleReply, Commands, Invocation, TextReply
from bot.models import Feed
from bot.settings import Settings, load_settings

ADMIN = Invocation("news", can_manage=True)
DATA = Path(__file__).parent / "data"
FEED = """<?xml version='1.0'?><rss version='2.0'><channel><title>Inside</title>
<item><title>Internal memo</title><link>{page}</link><description>Internal only.</description></item>
</channel></rss>"""


def allow(settings: Settings, host: str) -> Settings:
    """The settings with `host` in poll.allowed_hosts."""
    poll = settings.poll.model_copy(update={"allowed_hosts": (host,)})
    return settings.model_copy(update={"poll": poll})


@pytest.fixture
async def internal() -> AsyncIterator[tuple[str, list[str]]]:
    """A server on 127.0.0.1 standing for something internal; yields its base URL and the paths it served."""
    served: list[str] = []

    async def any_path(request: web.Request) -> web.Response:
        served.append(request.path)
        if request.path == "/feed":
            return web.Response(text=FEED.format(page=str(request.url.with_path("/page"))),
                                content_type="application/rss+xml")
        return web.Response(body=(DATA / "orchard.html").read_bytes(), content_type="text/html")

    app = web.Application()
    app.router.add_get("/{tail:.*}", any_path)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    try:
        yield str(server.make_url("")).rstrip("/"), served
    finally:
        await server.close()


@pytest.mark.parametrize("url", [
    "{base}/page", "http://localhost:{port}/page", "http://[::1]:{port}/page", "file:///etc/passwd",
    "http://169.254.169.254/latest/meta-data/", "https://user:secret@news.example.org/a", "gopher://x.example/",
])
async def test_summary_and_feeds_add_refuse_internal_links(
    make_config: Callable[..., Path], internal: tuple[str, list[str]], url: str
) -> None:
    base, served = internal
    url = url.format(base=base, port=base.rsplit(":", 1)[1])
    async with open_services(load_settings(make_config(), env={})) as svc:
        commands = Commands(svc)
        for reply in (await commands.summary(ADMIN, url), await commands.feeds(ADMIN, "add", url)):
            assert isinstance(reply, TextReply) and reply.error and "not fetched" in reply.text
            assert "secret" not in reply.text
        assert [f.name for f in svc.store.feeds()] == ["Riverside Courier"]
    assert served == []


async def test_a_redirect_into_the_network_is_refused(make_config: Callable[..., Path]) -> None:
    # An allowed host that redirects to another internal address: the second hop is refused.
    async def hop(request: web.Request) -> web.Response:
        raise web.HTTPFound(f"http://127.0.0.1:{request.url.port}/secret")

    async def secret(request: web.Request) -> web.Response:
        return web.Response(text="internal")

    app = web.Application()
    app.router.add_get("/hop", hop)
    app.router.add_get("/secret", secret)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    try:
        settings = allow(load_settings(make_config(), env={}), "localhost")
        async with open_services(settings) as svc:
            reply = await Commands(svc).summary(ADMIN, f"http://localhost:{server.port}/hop")
        assert isinstance(reply, TextReply) and reply.error
    finally:
        await server.close()


async def test_allowed_hosts_may_be_reached(make_config: Callable[..., Path], internal: tuple[str, list[str]]) -> None:
    base, served = internal
    settings = allow(load_settings(make_config(), env={}), "127.0.0.1")
    async with open_services(settings) as svc:
        reply = await Commands(svc).summary(ADMIN, f"{base}/page")
    assert isinstance(reply, ArticleReply) and reply.article.title.startswith("Cold snap")
    assert served == ["/page"]


async def test_feeds_from_chat_are_polled_through_the_guard(
    make_config: Callable[..., Path], internal: tuple[str, list[str]]
) -> None:
    base, served = internal
    async with open_services(load_settings(make_config(), env={})) as svc:
        # As if the feed had been added before an address changed to an internal one.
        svc.store.add_feed(Feed("sneaky", f"{base}/feed", ("news",)), origin="user")
        report = await svc.poller.poll(force=True)
        assert "internal" in report.failed["sneaky"]
        state = svc.store.feed("sneaky")
        assert state is not None and state.failures == 1
        # The same feed from the config file is trusted: it is polled, and its pages fetched.
        svc.store.add_feed(Feed("trusted", f"{base}/feed", ("news",)), origin="config")
        await svc.poller.poll(force=True)
        await svc.processor.process_pending()
    assert served == ["/feed", "/page"]
