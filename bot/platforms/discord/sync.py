"""Register the slash commands with Discord everywhere (global sync): on request, never at every start.

Global commands take a while to reach every server and the sync endpoint is rate limited, so
`newsbot run` only syncs to the development guild; `newsbot discord sync` calls `sync_global`.
"""

from __future__ import annotations

from bot.platforms.discord.client import NewsClient
from bot.settings import Settings


class TokenMissing(RuntimeError):
    """DISCORD_TOKEN is not set."""


def token(settings: Settings) -> str:
    """The bot token from the environment; raise TokenMissing naming the variable when it is absent."""
    value = settings.secret("DISCORD_TOKEN")
    if not value:
        raise TokenMissing("DISCORD_TOKEN is not set: put the bot token in the environment")
    return value


async def sync_global(settings: Settings) -> int:
    """Register the commands globally; return how many Discord now has."""
    client = NewsClient(settings, None, sync_dev_guild=False)
    try:
        await client.login(token(settings))
        synced = await client.tree.sync()
    finally:
        await client.close()
    return len(synced)
