"""Slack: slash commands through slack-bolt (Socket Mode or HTTP), digests as Block Kit messages."""

from bot.platforms.slack.app import SlackPlatform, command_text
from bot.platforms.slack.render import Message, render_digest, render_reply, render_text
from bot.platforms.slack.sender import SlackSender

__all__ = ["Message", "SlackPlatform", "SlackSender", "command_text", "render_digest", "render_reply", "render_text"]
