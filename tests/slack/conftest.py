"""Fixtures: the Slack Web API stand-in on 127.0.0.1, and newsbot's Slack app in HTTP mode wired to it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from aiohttp import web

from bot.app import open_services
from bot.commands import Commands
from bot.digest import deliver
from bot.models import Digest
from bot.platforms.slack import SlackPlatform
from tests.slack.standin import Running, SlackStandIn, slack_settings


@pytest.fixture
async def slack_api() -> AsyncIterator[SlackStandIn]:
    """The stand-in, listening on 127.0.0.1."""
    standin = SlackStandIn()
    app = web.Application()
    app.router.add_route("*", "/api/{method}", standin.api)
    app.router.add_post("/respond/{name}", standin.respond)
    app.router.add_get("/ws", standin.websocket)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    standin.base = f"http://127.0.0.1:{runner.addresses[0][1]}"
    try:
        yield standin
    finally:
        if standin.socket is not None:
            await standin.socket.close()
        await runner.cleanup()


@pytest.fixture
async def running(make_config: Callable[..., Path], slack_api: SlackStandIn) -> AsyncIterator[Running]:
    """newsbot's Slack app in HTTP mode on 127.0.0.1, its store filled and its Web API the stand-in."""
    settings = slack_settings(make_config)
    async with open_services(settings) as services:
        await services.refresh()
        posted: list[Digest] = []

        async def post_digest(digest: Digest) -> None:
            posted.append(digest)
            await deliver(services.store, platform.sender, digest)

        platform = SlackPlatform(services, Commands(services), post_digest, api_url=slack_api.api_url,
                                 host="127.0.0.1", port=0)
        await platform.start()
        try:
            yield Running(platform, services, posted)
        finally:
            await platform.close()


