"""The slash commands as Discord sees them: names, descriptions (from docstrings), options, autocomplete.

Each callback only finds the client's Handlers and hands over; the tree can therefore be built without
services, which is what a global command sync needs.
"""

from __future__ import annotations

from typing import Any, Protocol

import discord
from discord import app_commands

from bot.platforms.discord.handlers import Handlers


class _HasHandlers(Protocol):
    handlers: Handlers | None


def _handlers(interaction: discord.Interaction[Any]) -> Handlers:
    client: _HasHandlers = interaction.client
    if client.handlers is None:
        raise RuntimeError("this client only syncs commands")
    return client.handlers


async def _items(interaction: discord.Interaction[Any], current: str) -> list[app_commands.Choice[str]]:
    return _handlers(interaction).item_choices(interaction, current)


async def _feed_names(interaction: discord.Interaction[Any], current: str) -> list[app_commands.Choice[str]]:
    return _handlers(interaction).feed_choices(interaction, current)


def build_commands() -> list[app_commands.Command[Any, Any, None] | app_commands.Group]:
    """A fresh set of the bot's slash commands."""

    @app_commands.command(name="summary")
    @app_commands.describe(target="Nothing: the latest digest. A number: that item. A link or some words: an article.")
    @app_commands.autocomplete(target=_items)
    async def summary(interaction: discord.Interaction[Any], target: str | None = None) -> None:
        """Key points of the latest digest, one of its items, a link, or the best match for some words."""
        await _handlers(interaction).summary(interaction, target)

    @app_commands.command(name="who-said")
    @app_commands.describe(who='A person\'s name, or a "quoted phrase" to find who said it.')
    async def who_said(interaction: discord.Interaction[Any], who: str) -> None:
        """What a person was quoted saying, newest first; or who said a phrase, and where."""
        await _handlers(interaction).who_said(interaction, who)

    @app_commands.command(name="digest")
    async def digest(interaction: discord.Interaction[Any]) -> None:
        """Post this channel's digest now (needs Manage Server or the manager role)."""
        await _handlers(interaction).digest(interaction)

    @app_commands.command(name="help")
    async def help_(interaction: discord.Interaction[Any]) -> None:
        """What newsbot can do and how to ask."""
        await _handlers(interaction).help(interaction)

    feeds = app_commands.Group(name="feeds", description="The feeds whose articles reach this channel.")

    @feeds.command(name="list")
    async def feeds_list(interaction: discord.Interaction[Any]) -> None:
        """List this channel's feeds with their health."""
        await _handlers(interaction).feeds(interaction, "list")

    @feeds.command(name="add")
    @app_commands.describe(url="The feed's address (RSS or Atom, http or https).", name="A short name for it.")
    async def feeds_add(interaction: discord.Interaction[Any], url: str, name: str | None = None) -> None:
        """Add a feed to this channel (needs Manage Server or the manager role)."""
        argument = f"{url} {name}" if name else url
        await _handlers(interaction).feeds(interaction, "add", argument)

    @feeds.command(name="remove")
    @app_commands.describe(name="The feed's name, as /feeds list shows it.")
    @app_commands.autocomplete(name=_feed_names)
    async def feeds_remove(interaction: discord.Interaction[Any], name: str) -> None:
        """Stop a feed in this channel (needs Manage Server or the manager role)."""
        await _handlers(interaction).feeds(interaction, "remove", name)

    @feeds.command(name="resume")
    @app_commands.describe(name="The paused feed's name.")
    @app_commands.autocomplete(name=_feed_names)
    async def feeds_resume(interaction: discord.Interaction[Any], name: str) -> None:
        """Poll a paused feed again (needs Manage Server or the manager role)."""
        await _handlers(interaction).feeds(interaction, "resume", name)

    return [summary, who_said, digest, help_, feeds]


class NewsTree(app_commands.CommandTree[Any]):
    """The command tree with one error handler for every command."""

    async def on_error(self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError, /) -> None:
        handlers = getattr(interaction.client, "handlers", None)
        if isinstance(handlers, Handlers):
            await handlers.fail(interaction, error)
        else:
            await super().on_error(interaction, error)


def install(tree: app_commands.CommandTree[Any]) -> None:
    """Add the bot's commands to a tree."""
    for command in build_commands():
        tree.add_command(command)
