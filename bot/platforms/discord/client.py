"""The discord.py client: the one gateway connection, no privileged intents, no pings, commands installed."""

from __future__ import annotations

import logging

import discord

from bot.platforms.discord.app_commands import NewsTree, install
from bot.platforms.discord.handlers import Handlers
from bot.settings import Settings

log = logging.getLogger(__name__)


def intents() -> discord.Intents:
    """Only guilds: channel and role data for permission checks. Slash commands need no message content."""
    return discord.Intents(guilds=True)


class NewsClient(discord.Client):
    """A client that answers newsbot's slash commands; `handlers` is None for a client that only syncs."""

    def __init__(self, settings: Settings, handlers: Handlers | None, *, guild_ready_timeout: float = 2.0,
                 sync_dev_guild: bool = True) -> None:
        super().__init__(intents=intents(), allowed_mentions=discord.AllowedMentions.none(),
                         guild_ready_timeout=guild_ready_timeout)
        self.settings = settings
        self.handlers = handlers
        self.tree = NewsTree(self)
        install(self.tree)
        self._sync_dev_guild = sync_dev_guild

    async def setup_hook(self) -> None:
        """Sync the commands to the development guild, if one is configured (global sync is on request only)."""
        guild_id = self.settings.discord.dev_guild
        if self._sync_dev_guild and guild_id:
            guild = discord.Object(id=guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            log.info("synced %d commands to the development guild %d", len(synced), guild_id)
