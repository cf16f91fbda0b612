"""What each slash command does: parse, call one core handler, render, and answer within Discord's 3 seconds.

Fast answers go out directly. Work that can be slow (a URL to fetch, a digest to build, a feed to poll)
is deferred first and answered with a follow-up; any other command is deferred too if its answer is not
ready within FAST_WINDOW seconds. Failures reach `on_error`, which answers once, briefly and privately.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeAlias

import discord
from discord import app_commands

from bot.app import Services
from bot.commands import HELP, Commands, DigestReply, Invocation, Reply, TextReply
from bot.models import Digest
from bot.platforms.discord.limits import DiscordMessage, fit
from bot.platforms.discord.render import render_reply
from bot.textfmt import plural

log = logging.getLogger(__name__)

Interaction: TypeAlias = discord.Interaction[Any]
NO_PINGS = discord.AllowedMentions.none()
FAST_WINDOW = 1.5
CHOICES = 25
_URLISH = re.compile(r"^\s*[a-zA-Z][a-zA-Z0-9+.-]*://")


class Handlers:
    """The slash commands' behaviour, shared by the command tree and its tests."""

    def __init__(self, services: Services, commands: Commands,
                 post_digest: Callable[[Digest], Awaitable[None]], *, fast_window: float = FAST_WINDOW) -> None:
        self.services = services
        self.commands = commands
        self.post_digest = post_digest
        self.fast_window = fast_window

    # who and where

    def channel_name(self, interaction: Interaction) -> str | None:
        """The config channel bound to the interaction's channel (or to the parent of its thread)."""
        ids = {interaction.channel_id, getattr(interaction.channel, "parent_id", None)} - {None}
        return next((c.name for c in self.services.settings.channels if c.discord in ids), None)

    def can_manage(self, interaction: Interaction) -> bool:
        """Manage Server (or Administrator), or the manager role named in config."""
        perms = interaction.permissions
        if perms.manage_guild or perms.administrator:
            return True
        role = self.services.settings.discord.manager_role
        roles = getattr(interaction.user, "roles", ())
        return bool(role) and any(r.name == role or str(r.id) == role for r in roles)

    def invocation(self, interaction: Interaction) -> Invocation:
        return Invocation(self.channel_name(interaction), self.can_manage(interaction))

    # commands

    async def summary(self, interaction: Interaction, target: str | None) -> None:
        inv = self.invocation(interaction)
        await self.answer(interaction, self.commands.summary(inv, target), slow=bool(_URLISH.match(target or "")))

    async def who_said(self, interaction: Interaction, who: str) -> None:
        await self.answer(interaction, self.commands.who_said(self.invocation(interaction), who))

    async def digest(self, interaction: Interaction) -> None:
        inv = self.invocation(interaction)
        if not inv.can_manage or inv.channel is None:
            await self.answer(interaction, self.commands.digest(inv))  # a refusal, at once
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        reply = await self.commands.digest(inv)
        if isinstance(reply, DigestReply):
            await self.post_digest(reply.digest)
            reply = TextReply(f"Posted the digest: {plural(len(reply.digest.items), 'article')}.", ephemeral=True)
        await self.send(interaction, render_reply(reply))

    async def feeds(self, interaction: Interaction, action: str, argument: str | None = None) -> None:
        inv = self.invocation(interaction)
        slow = action == "add" and inv.can_manage
        await self.answer(interaction, self.commands.feeds(inv, action, argument), slow=slow, private=slow)

    async def help(self, interaction: Interaction) -> None:
        await self.send(interaction, render_reply(TextReply(HELP, ephemeral=True)))

    # answering

    async def answer(self, interaction: Interaction, call: Coroutine[Any, Any, Reply], *, slow: bool = False,
                     private: bool = False) -> None:
        """Run a core call and answer with its reply: deferring first when it is slow or turns out to be."""
        task = asyncio.ensure_future(call)
        try:
            if slow:
                await interaction.response.defer(ephemeral=private, thinking=True)
            else:
                done, _ = await asyncio.wait({task}, timeout=self.fast_window)
                if not done:
                    await interaction.response.defer(ephemeral=private, thinking=True)
            reply = await task
        finally:
            if not task.done():
                task.cancel()
        await self.send(interaction, render_reply(reply))

    async def send(self, interaction: Interaction, messages: list[DiscordMessage]) -> None:
        """The first message answers the interaction (or its deferral); the others follow."""
        for message in messages:
            kwargs: dict[str, Any] = {"embeds": message.embed_objects(), "ephemeral": message.ephemeral,
                                      "allowed_mentions": NO_PINGS}
            if message.content is not None:
                kwargs["content"] = message.content
            if interaction.response.is_done():
                await interaction.followup.send(**kwargs)
            else:
                await interaction.response.send_message(**kwargs)

    async def fail(self, interaction: Interaction, error: app_commands.AppCommandError) -> None:
        """Log a failure and tell the user briefly, privately, once."""
        name = interaction.command.qualified_name if interaction.command else "?"
        cause = getattr(error, "original", error)
        if isinstance(error, app_commands.CommandNotFound | app_commands.CommandSignatureMismatch):
            text = "This command is being updated; please try again in a minute."
            log.warning("/%s: %s", name, type(error).__name__)
        elif isinstance(error, app_commands.TransformerError):
            text = "That argument could not be understood."
            log.info("/%s: bad argument: %s", name, error)
        else:
            text = "Sorry, something went wrong. It has been logged; please try again later."
            log.error("/%s failed", name, exc_info=cause)
        if interaction.type is discord.InteractionType.autocomplete:
            return  # an autocomplete request cannot be answered with a message
        try:
            if interaction.response.is_done():
                await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_PINGS)
            else:
                await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_PINGS)
        except discord.HTTPException as exc:
            log.warning("/%s: could not report the failure: %s", name, exc.status)

    # autocomplete

    def item_choices(self, interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
        """The latest digest's item numbers with their headlines, those matching what was typed first."""
        digest = self.services.store.latest_digest(self.channel_name(interaction))
        if digest is None:
            return []
        typed = current.strip().lstrip("#").casefold()
        choices = []
        for item in digest.items:
            label = f"{item.number}. {item.article.title}"
            if not typed or str(item.number).startswith(typed) or typed in item.article.title.casefold():
                choices.append(app_commands.Choice(name=fit(label, 100, str(item.number)), value=str(item.number)))
        return choices[:CHOICES]

    def feed_choices(self, interaction: Interaction, current: str) -> list[app_commands.Choice[str]]:
        """Names of the feeds routed to this channel (all feeds outside a digest channel) that match."""
        channel = self.channel_name(interaction)
        typed = current.strip().casefold()
        names = [s.name for s in self.services.store.feeds() if channel is None or channel in s.feed.channels]
        return [app_commands.Choice(name=n, value=n) for n in names
                if len(n) <= 100 and typed in n.casefold()][:CHOICES]
