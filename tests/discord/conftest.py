"""Fixtures for the Discord platform: the local Discord stand-in and a platform connected to it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path

import discord
import pytest
import yarl

from bot.app import Services
from bot.commands import Commands
from bot.digest import deliver
from bot.models import Digest
from bot.platforms.discord import DiscordPlatform
from bot.settings import Settings, load_settings
from tests.discord.standin import GUILD_ID, NEWS_CHANNEL, TOKEN, DiscordStandIn

DISCORD = f"""
[discord]
enabled = true
dev_guild = {GUILD_ID}
manager_role = "Editors"
"""


@pytest.fixture
def settings(make_config: Callable[..., Path]) -> Settings:
    """The shared test config with #news bound to the stand-in's news channel and Discord enabled."""
    path = make_config(extra=DISCORD)
    text = path.read_text(encoding="utf-8").replace('name = "news"', f'name = "news"\ndiscord = {NEWS_CHANNEL}', 1)
    path.write_text(text, encoding="utf-8")
    return load_settings(path, env={"DISCORD_TOKEN": TOKEN})


@pytest.fixture
async def standin(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[DiscordStandIn]:
    """A running stand-in, with discord.py pointed at it for the test (restored afterwards)."""
    server = DiscordStandIn()
    await server.start()
    monkeypatch.setattr(discord.http.Route, "BASE", server.api_base)
    monkeypatch.setattr(discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(server.gateway_url))
    try:
        yield server
    finally:
        await server.close()


@pytest.fixture
def make_platform(services: Services) -> Callable[[], DiscordPlatform]:
    """Build platforms wired as `newsbot run` wires them: /digest posts through the platform's own sender."""

    def make() -> DiscordPlatform:
        platform: DiscordPlatform

        async def post_digest(digest: Digest) -> None:
            await deliver(services.store, platform.sender, digest)

        platform = DiscordPlatform(services, Commands(services), post_digest, pace=0.0, retry_delay=0.05,
                                   guild_ready_timeout=0.05, start_timeout=10)
        return platform

    return make


@pytest.fixture
async def platform(standin: DiscordStandIn, make_platform: Callable[[], DiscordPlatform],
                   services: Services) -> AsyncIterator[DiscordPlatform]:
    """A platform logged in and connected to the stand-in, on a store with processed fixture articles."""
    await services.refresh()
    connected = make_platform()
    await connected.start()
    try:
        yield connected
    finally:
        await connected.close()
