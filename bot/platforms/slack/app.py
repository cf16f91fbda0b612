"""Slack as a platform: a bolt app answering slash commands (Socket Mode or HTTP) and a sender for digests."""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot.app import Services
from bot.commands import Commands, DigestReply, Invocation, Reply, TextReply
from bot.models import Digest
from bot.platforms.slack.access import Access
from bot.platforms.slack.render import Message, render_reply
from bot.platforms.slack.sender import SlackSender
from bot.settings import ConfigError
from bot.textfmt import plural

log = logging.getLogger(__name__)

SLACK_API = "https://slack.com/api/"
EVENTS_PATH = "/slack/events"
COMMANDS = ("/summary", "/who-said", "/digest", "/feeds")
MANAGING = ("/digest", "/feeds")
MAX_RESPONSES = 5  # Slack accepts five messages per response_url
FAILED = "Sorry, that did not work. The error has been logged; please try again later."
_ENCODED = re.compile(r"<([^<>]*)>")


def command_text(text: str) -> str:
    """A slash command's text as the user typed it: Slack's <…> links and mentions unwrapped, &amp; decoded."""

    def unwrap(match: re.Match[str]) -> str:
        target, _, label = match.group(1).partition("|")
        if target[:1] in "@#!":
            return label or target.lstrip("!")
        return target

    return html.unescape(_ENCODED.sub(unwrap, text))


class SlackPlatform:
    """Slack: slash commands through slack-bolt and digests through chat.postMessage.

    `start` returns once commands are received (Socket Mode connected or the HTTP server listening); the
    bolt app runs on the caller's event loop and installs no signal handlers. `api_url`, `host` and `port`
    exist for tests and for proxies: by default the real Web API, all interfaces, `settings.slack.port`.
    """

    def __init__(
        self, services: Services, commands: Commands, post_digest: Callable[[Digest], Awaitable[None]], *,
        api_url: str | None = None, host: str = "0.0.0.0", port: int | None = None,
    ) -> None:
        settings = services.settings
        self._settings = settings.slack
        self._channels = {c.slack: c.name for c in settings.channels if c.slack}
        self._commands = commands
        self._post_digest = post_digest
        token = settings.secret("SLACK_BOT_TOKEN")
        if not token:
            raise ConfigError("SLACK_BOT_TOKEN is not set (the Slack platform needs it)")
        self._app_token = settings.secret("SLACK_APP_TOKEN")
        secret = settings.secret("SLACK_SIGNING_SECRET")
        if self._settings.mode == "socket" and not self._app_token:
            raise ConfigError("SLACK_APP_TOKEN is not set (slack.mode = \"socket\" needs it)")
        if self._settings.mode == "http" and not secret:
            raise ConfigError("SLACK_SIGNING_SECRET is not set (slack.mode = \"http\" needs it)")
        self.client = AsyncWebClient(
            token=token, base_url=api_url or SLACK_API,
            retry_handlers=[AsyncConnectionErrorRetryHandler(), AsyncRateLimitErrorRetryHandler(max_retry_count=3)],
        )
        self.sender = SlackSender(self.client, settings, services.store)
        self._access = Access(self.client, self._settings.admin_group)
        self.app = AsyncApp(
            client=self.client, signing_secret=secret or "", name="newsbot",
            request_verification_enabled=self._settings.mode == "http",
        )

        async def on_command(ack: AsyncAck, command: dict[str, Any], respond: AsyncRespond) -> None:
            await ack()  # within Slack's three seconds, before any slow work
            await self._answer(command, respond)

        for name in COMMANDS:
            self.app.command(name)(on_command)
        self._host = host
        self.port = settings.slack.port if port is None else port
        self._runner: web.AppRunner | None = None
        self._socket: AsyncSocketModeHandler | None = None

    async def start(self) -> None:
        """Check the tokens, then connect to Slack (Socket Mode) or start listening for its requests (HTTP)."""
        try:
            who = await self.client.auth_test()
        except SlackApiError as exc:
            raise ConfigError(f"Slack refused SLACK_BOT_TOKEN: {exc.response.get('error')}") from None
        log.info("slack: logged in as %s in %s", who.get("user"), who.get("team"))
        if self._settings.mode == "socket":
            socket = AsyncSocketModeHandler(self.app, self._app_token)
            try:
                # The SDK's connect() retries a refused token for ever; ask for the URL once first to fail fast.
                socket.client.wss_uri = await socket.client.issue_new_wss_url()
            except SlackApiError as exc:
                await socket.client.close()  # type: ignore[no-untyped-call]  # slack_sdk leaves it untyped
                raise ConfigError(f"Slack refused SLACK_APP_TOKEN: {exc.response.get('error')}") from None
            await socket.client.connect()  # type: ignore[no-untyped-call]
            self._socket = socket
            log.info("slack: connected in Socket Mode")
            return
        self._runner = web.AppRunner(self.app.web_app(path=EVENTS_PATH, port=self.port), access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, self._host, self.port).start()
        self.port = int(self._runner.addresses[0][1])
        log.info("slack: listening for requests on %s:%d%s", self._host, self.port, EVENTS_PATH)

    async def close(self) -> None:
        """Disconnect and stop listening."""
        if self._socket is not None:
            await self._socket.client.close()  # type: ignore[no-untyped-call]
            self._socket = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def channel_name(self, channel_id: str | None) -> str | None:
        """The config channel whose `slack` id is `channel_id`."""
        return self._channels.get(channel_id or "")

    async def _answer(self, command: dict[str, Any], respond: AsyncRespond) -> None:
        """Run one slash command and respond; any failure becomes a short ephemeral note."""
        name = str(command.get("command") or "")
        try:
            reply = await self._run(name, command)
            messages = render_reply(reply)
        except Exception:
            log.exception("slack: %s failed", name)
            messages = render_reply(TextReply(FAILED, error=True))
        for message in messages[:MAX_RESPONSES]:
            await self._respond(respond, message)

    async def _run(self, name: str, command: dict[str, Any]) -> Reply:
        text = command_text(str(command.get("text") or ""))
        manage = name in MANAGING and await self._access.can_manage(str(command.get("user_id") or ""))
        inv = Invocation(self.channel_name(command.get("channel_id")), can_manage=manage)
        reply = await self._commands.run_line(inv, f"{name} {text}")
        if name == "/digest" and isinstance(reply, DigestReply):
            await self._post_digest(reply.digest)
            count = plural(len(reply.digest.items), "article")
            return TextReply(f"Posted the digest: {count}.", ephemeral=True)
        return reply

    @staticmethod
    async def _respond(respond: AsyncRespond, message: Message) -> None:
        try:
            answer = await respond(
                text=message.text, blocks=list(message.blocks),
                response_type="ephemeral" if message.ephemeral else "in_channel",
                unfurl_links=False, unfurl_media=False,
            )
        except Exception:
            log.exception("slack: could not respond")
            return
        if answer.status_code != 200:
            log.warning("slack: response refused: HTTP %d %s", answer.status_code, answer.body[:200])
