"""Connect newsbot to Discord: log in, keep the gateway in a background task, post and answer until closed."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

from bot.app import Services
from bot.commands import Commands
from bot.digest import DigestSender
from bot.models import Digest
from bot.platforms.discord.client import NewsClient
from bot.platforms.discord.handlers import Handlers
from bot.platforms.discord.sender import DiscordSender
from bot.platforms.discord.sync import token

log = logging.getLogger(__name__)


class DiscordPlatform:
    """The Discord client, its digest sender and its command handlers, started and closed together."""

    def __init__(self, services: Services, commands: Commands, post_digest: Callable[[Digest], Awaitable[None]],
                 *, pace: float = 1.0, retry_delay: float = 2.0, guild_ready_timeout: float = 2.0,
                 start_timeout: float = 60.0) -> None:
        self.handlers = Handlers(services, commands, post_digest)
        self.client = NewsClient(services.settings, self.handlers, guild_ready_timeout=guild_ready_timeout)
        self.discord_sender = DiscordSender(self.client, services.settings, pace=pace, retry_delay=retry_delay)
        # Typed as the protocol because the scheduler's Platform declares `sender` a (mutable) DigestSender.
        self.sender: DigestSender = self.discord_sender
        self._settings = services.settings
        self._start_timeout = start_timeout
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Log in, sync the development guild's commands, connect; return once ready (or raise)."""
        await self.client.login(token(self._settings))
        self._task = asyncio.create_task(self.client.connect(), name="discord-gateway")
        self._task.add_done_callback(self._ended)
        ready = asyncio.create_task(self.client.wait_until_ready())
        try:
            done, _ = await asyncio.wait({ready, self._task}, timeout=self._start_timeout,
                                         return_when=asyncio.FIRST_COMPLETED)
        finally:
            ready.cancel()
        if self._task in done:
            self._task.result()  # raises what stopped the connection
            raise RuntimeError("the Discord gateway closed before it was ready")
        if ready not in done:
            await self.close()
            raise RuntimeError(f"Discord was not ready within {self._start_timeout:.0f} seconds")
        user = self.client.user
        log.info("connected to Discord as %s in %d servers", user, len(self.client.guilds))

    def _ended(self, task: asyncio.Task[None]) -> None:
        """Log a gateway connection that stopped for good (discord.py reconnects by itself otherwise)."""
        if not task.cancelled() and task.exception() is not None and not self.client.is_closed():
            log.error("the Discord connection stopped: %s", type(task.exception()).__name__)

    async def close(self) -> None:
        """Disconnect and wait for the gateway task to end."""
        await self.client.close()
        if self._task is not None:
            with contextlib.suppress(Exception, asyncio.CancelledError):
                await self._task
            self._task = None
