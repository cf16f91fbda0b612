"""The terminal as a platform: digests and replies as plain text on standard output."""

from bot.platforms.console.render import ConsoleSender, render_digest, render_reply

__all__ = ["ConsoleSender", "render_digest", "render_reply"]
