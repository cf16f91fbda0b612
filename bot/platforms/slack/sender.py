"""Post digests and notices to Slack channels with chat.postMessage."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from bot.digest import SendError
from bot.models import Digest
from bot.platforms.slack.render import Message, render_digest, render_text
from bot.settings import Settings
from bot.store import Store

log = logging.getLogger(__name__)

EVENT_TYPE = "newsbot_digest"
HISTORY_LIMIT = 200
# Errors that the same message will meet again however often it is retried.
FINAL_ERRORS = frozenset({
    "channel_not_found", "not_in_channel", "is_archived", "msg_too_long", "no_text", "invalid_blocks",
    "invalid_auth", "not_authed", "account_inactive", "token_revoked", "missing_scope", "restricted_action",
    "invalid_metadata_format", "invalid_metadata_schema",
})
_NETWORK_ERRORS = (SlackClientError, aiohttp.ClientError, TimeoutError)


def _without_images(message: Message) -> Message:
    blocks = tuple({k: v for k, v in b.items() if k != "accessory"} for b in message.blocks)
    return replace(message, blocks=blocks)


class SlackSender:
    """A DigestSender for Slack: one message per rendered part, the record's nonce in its metadata.

    Slack has no idempotency key. A message that a previous run recorded but did not mark sent, or whose
    send failed in a way that leaves it unknown whether it went out, may already be in the channel; before
    sending such a message again the sender looks for it (by nonce) among the channel's latest
    HISTORY_LIMIT messages and, when found, returns that message's ts instead of posting a second copy.
    """

    platform = "slack"

    def __init__(self, client: AsyncWebClient, settings: Settings, store: Store) -> None:
        self._client = client
        self._settings = settings
        # Built before any delivery of this run, so only what an earlier run left behind is uncertain.
        self._uncertain = {post.nonce for post in store.unsent_posts(self.platform)}

    def targets(self, channel: str) -> Sequence[str]:
        """The Slack channel id configured for a channel (`[[channels]] slack = "C…"`), if any."""
        config = self._settings.channel(channel)
        return (config.slack,) if config is not None and config.slack else ()

    def render(self, digest: Digest) -> Sequence[Message]:
        return render_digest(digest)

    async def send(self, target: str, message: Any, nonce: str) -> str | None:
        """Post one digest message unless an earlier attempt already did; return its ts."""
        if not isinstance(message, Message):
            raise TypeError(f"SlackSender cannot send {type(message).__name__}")
        if nonce in self._uncertain:
            found = await self._find(target, nonce)
            if found is not None:
                log.info("digest message %s is already in %s; not posting it again", nonce, target)
                self._uncertain.discard(nonce)
                return found
        metadata = {"event_type": EVENT_TYPE, "event_payload": {"nonce": nonce}}
        try:
            ts = await self._post(target, message, metadata)
        except SendError as exc:
            if not exc.final:
                self._uncertain.add(nonce)
            raise
        self._uncertain.discard(nonce)
        return ts

    async def send_text(self, target: str, text: str) -> str | None:
        """Post a notice; return the ts of its last message."""
        ts = None
        for message in render_text(text):
            ts = await self._post(target, message, None)
        return ts

    async def _post(self, target: str, message: Message, metadata: dict[str, Any] | None) -> str:
        try:
            answer = await self._client.chat_postMessage(
                channel=target, text=message.text, blocks=list(message.blocks), metadata=metadata,
                unfurl_links=False, unfurl_media=False, link_names=False, parse="none",
            )
        except SlackApiError as exc:
            error = str(exc.response.get("error") or "unknown_error")
            if error == "invalid_blocks" and any("accessory" in b for b in message.blocks):
                # Slack refuses the whole message when it cannot fetch an image: post it without them.
                log.info("%s refused the blocks (%s); posting without images", target, exc.response.get("errors"))
                return await self._post(target, _without_images(message), metadata)
            raise SendError(f"chat.postMessage: {error}", final=error in FINAL_ERRORS) from None
        except _NETWORK_ERRORS as exc:
            raise SendError(f"chat.postMessage: {type(exc).__name__}: {exc}") from None
        return str(answer["ts"])

    async def _find(self, target: str, nonce: str) -> str | None:
        """The ts of the bot's message carrying `nonce`, among the channel's latest messages."""
        try:
            answer = await self._client.conversations_history(
                channel=target, limit=HISTORY_LIMIT, include_all_metadata=True)
        except (SlackApiError, *_NETWORK_ERRORS) as exc:
            log.warning("cannot look for an earlier copy in %s (%s); posting again", target, exc)
            return None
        for message in answer.get("messages") or []:
            meta = message.get("metadata") or {}
            payload = meta.get("event_payload") or {}
            if meta.get("event_type") == EVENT_TYPE and payload.get("nonce") == nonce and message.get("bot_id"):
                return str(message["ts"])
        return None
