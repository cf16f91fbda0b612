"""A bot process for the crash test: poll, process and post every channel's digest to a Discord stand-in.

Usage: python -m tests.discord.crash_child CONFIG API_BASE GATEWAY_URL  (DISCORD_TOKEN in the environment)
"""

from __future__ import annotations

import asyncio
import sys

import discord
import yarl

from bot.app import open_services
from bot.commands import Commands
from bot.platforms.discord import DiscordPlatform
from bot.scheduler import Bot
from bot.settings import load_settings


async def main(config: str, api_base: str, gateway: str) -> None:
    discord.http.Route.BASE = api_base
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway)
    settings = load_settings(config)
    async with open_services(settings) as svc:
        bot = Bot(svc, [])
        platform = DiscordPlatform(svc, Commands(svc), bot.deliver, pace=0.0, retry_delay=0.05,
                                   guild_ready_timeout=0.05, start_timeout=10)
        bot.senders = [platform.sender]
        await platform.start()
        try:
            print("started", flush=True)
            await bot.resume()
            await bot.poll()
            for channel in settings.channels:
                await bot.post_digest(channel.name)
            print("done", flush=True)
        finally:
            await platform.close()


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:4]))
