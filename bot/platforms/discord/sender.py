"""Post digests and notices to Discord channels, once each, at a pace Discord welcomes.

Every digest message carries the nonce of its post record with `enforce_nonce`, so Discord returns the
message it already has when the same message is sent again (a retry after a 5xx, or a resend after a
crash between sending and marking) instead of posting it twice.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Sequence
from typing import Any

import aiohttp
import discord

from bot.digest import SendError
from bot.models import Digest
from bot.platforms.discord.limits import DiscordMessage
from bot.platforms.discord.render import render_digest, render_text
from bot.settings import Settings

log = logging.getLogger(__name__)

NO_PINGS = discord.AllowedMentions.none()
# Errors that may pass: the request can be repeated safely because the nonce makes it idempotent.
_TRANSIENT = (discord.DiscordServerError, discord.RateLimited, aiohttp.ClientError, asyncio.TimeoutError, OSError)


class DiscordSender:
    """The DigestSender for Discord: targets are channel ids from `[[channels]] discord = …`."""

    platform = "discord"

    def __init__(self, client: discord.Client, settings: Settings, *, pace: float = 1.0, retries: int = 3,
                 retry_delay: float = 2.0) -> None:
        self._client = client
        self._settings = settings
        self.pace = pace
        self._retries = retries
        self._retry_delay = retry_delay
        self._last = 0.0
        self._turn = asyncio.Lock()

    def targets(self, channel: str) -> Sequence[str]:
        """The Discord channel ids configured for a config channel."""
        return [str(c.discord) for c in self._settings.channels if c.name == channel and c.discord]

    def render(self, digest: Digest) -> Sequence[DiscordMessage]:
        """The digest as messages of embeds, each within Discord's limits."""
        return render_digest(digest)

    async def send(self, target: str, message: Any, nonce: str) -> str | None:
        """Post one digest message with its nonce; return the message id; raise SendError if it did not go out."""
        if not isinstance(message, DiscordMessage):
            raise SendError(f"not a Discord message: {type(message).__name__}", final=True)
        sent = await self._post(target, message, nonce)
        return str(sent.id)

    async def send_text(self, target: str, text: str) -> None:
        """Post a short notice (a feed was paused) to a channel; its retries carry one nonce, so it shows once."""
        for message in render_text(text):
            await self._post(target, message, uuid.uuid4().hex[:25])

    async def _post(self, target: str, message: DiscordMessage, nonce: str) -> discord.Message:
        try:
            channel = self._client.get_partial_messageable(int(target))
        except ValueError:
            raise SendError(f"{target!r} is not a Discord channel id", final=True) from None
        for attempt in range(self._retries + 1):
            await self._wait_turn()
            try:
                return await channel.send(
                    content=message.content, embeds=message.embed_objects(), allowed_mentions=NO_PINGS, nonce=nonce,
                )
            except (discord.Forbidden, discord.NotFound) as exc:
                raise SendError(f"channel {target}: {exc.status} {exc.text or 'no access'}", final=True) from None
            except _TRANSIENT as exc:
                reason = f"channel {target}: {type(exc).__name__}: {exc}"
                if attempt == self._retries:
                    raise SendError(reason) from None
                log.info("retrying a message to %s (%s)", target, reason)
                await asyncio.sleep(self._retry_delay * 2**attempt)
            except discord.HTTPException as exc:
                # A 4xx other than 429 means the request itself is wrong: sending it again cannot help.
                raise SendError(f"channel {target}: {exc.status} {exc.text}", final=True) from None
        raise AssertionError("unreachable")

    async def _wait_turn(self) -> None:
        """Space messages `pace` seconds apart, so a large round of digests is not a burst."""
        async with self._turn:
            delay = self._last + self.pace - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            self._last = time.monotonic()
