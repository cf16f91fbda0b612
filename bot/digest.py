"""Deliver digests: record each message before it is sent and mark it after, so nothing is lost or doubled.

A platform supplies a DigestSender. A crash between record and send leaves the message pending; the next
start sends the pending messages again (platforms that can, pass the record's nonce so that the chat
service drops a duplicate of a message that did go out).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, Protocol

from bot.models import Digest
from bot.store import Store

log = logging.getLogger(__name__)


class SendError(Exception):
    """A message that could not be sent; `final` when retrying cannot help (no such channel, no access)."""

    def __init__(self, reason: str, *, final: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.final = final


class DigestSender(Protocol):
    """What a platform provides to post digests."""

    platform: str

    def targets(self, channel: str) -> Sequence[str]:
        """The platform's destinations for a config channel (none when it is not set up there)."""
        ...

    def render(self, digest: Digest) -> Sequence[Any]:
        """The messages that carry the digest, each within the platform's limits."""
        ...

    async def send(self, target: str, message: Any, nonce: str) -> str | None:
        """Post one message; return its id. Raise SendError when it did not go out."""
        ...

    async def send_text(self, target: str, text: str) -> object:
        """Post a short plain message (a notice about a feed). Raise SendError when it did not go out."""
        ...


async def deliver(store: Store, sender: DigestSender, digest: Digest) -> int:
    """Post a digest to every target of its channel; return the messages sent now."""
    sent = 0
    messages = sender.render(digest)
    for target in sender.targets(digest.channel):
        for part, message in enumerate(messages):
            record = store.record_post(digest.id, sender.platform, target, part, datetime.now(UTC))
            if record.state != "pending":
                continue
            try:
                message_id = await sender.send(target, message, record.nonce)
            except SendError as exc:
                store.mark_post_failed(record.id, exc.reason, final=exc.final)
                log.warning("digest %d to %s:%s failed: %s", digest.id, sender.platform, target, exc.reason)
                break  # keep the parts in order: the rest waits for the retry
            store.mark_post_sent(record.id, message_id, datetime.now(UTC))
            sent += 1
    return sent


async def deliver_notices(store: Store, senders: Sequence[DigestSender]) -> int:
    """Post each queued notice to every target of its channel, then mark it sent; return how many."""
    notices = store.unsent_notices()
    for notice in notices:
        for sender in senders:
            for target in sender.targets(notice.channel):
                try:
                    await sender.send_text(target, notice.text)
                except SendError as exc:
                    log.warning("notice to %s:%s failed: %s", sender.platform, target, exc.reason)
        store.mark_notice_sent(notice.id, datetime.now(UTC))
    return len(notices)


async def resume_unsent(store: Store, sender: DigestSender) -> int:
    """Send the messages that were recorded but not marked sent (after a crash or a failure)."""
    sent = 0
    for digest_id in dict.fromkeys(p.digest_id for p in store.unsent_posts(sender.platform)):
        digest = store.digest(digest_id)
        if digest is not None:
            sent += await deliver(store, sender, digest)
    return sent
