"""Discord as a platform: digests as embeds in channels, and the slash commands /summary, /who-said, /digest,
/feeds and /help."""

from bot.platforms.discord.platform import DiscordPlatform
from bot.platforms.discord.sender import DiscordSender
from bot.platforms.discord.sync import sync_global

__all__ = ["DiscordPlatform", "DiscordSender", "sync_global"]
