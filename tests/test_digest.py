"""Delivering digests: recorded before sending, marked after, resent after a crash, never doubled."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import Any

from bot.app import Services
from bot.digest import SendError, deliver, resume_unsent
from bot.models import Digest


class FlakySender:
    """A platform stand-in: renders one message per item, fails or crashes on chosen sends."""

    platform = "fake"

    def __init__(self, *, fail_at: int | None = None, crash_at: int | None = None, final: bool = False) -> None:
        self.sent: list[tuple[str, Any, str]] = []
        self.calls = 0
        self.fail_at, self.crash_at, self.final = fail_at, crash_at, final

    def targets(self, channel: str) -> Sequence[str]:
        return ("room-1", "room-2")

    def render(self, digest: Digest) -> Sequence[Any]:
        return [item.article.title for item in digest.items]

    async def send(self, target: str, message: Any, nonce: str) -> str | None:
        self.calls += 1
        if self.calls == self.crash_at:
            raise KeyboardInterrupt  # the process dies mid-delivery
        if self.calls == self.fail_at:
            raise SendError("HTTP 503", final=self.final)
        self.sent.append((target, message, nonce))
        return f"m{self.calls}"


async def _digest(services: Services) -> Digest:
    await services.refresh()
    digest = services.make_digest("news")
    assert digest is not None and len(digest.items) == 2
    return digest


async def test_every_message_goes_out_once(services: Services) -> None:
    digest = await _digest(services)
    sender = FlakySender()
    assert await deliver(services.store, sender, digest) == 4
    assert [t for t, _, _ in sender.sent] == ["room-1", "room-1", "room-2", "room-2"]
    assert await deliver(services.store, sender, digest) == 0  # delivering again sends nothing
    assert await resume_unsent(services.store, sender) == 0


async def test_a_failed_send_is_retried_later_in_order(services: Services) -> None:
    digest = await _digest(services)
    sender = FlakySender(fail_at=2)
    assert await deliver(services.store, sender, digest) == 3  # room-1 stops at its failed part
    assert [p.part for p in services.store.unsent_posts("fake")] == [1]
    assert await resume_unsent(services.store, sender) == 1
    assert sorted(m for _, m, _ in sender.sent).count(digest.items[1].article.title) == 2
    assert services.store.unsent_posts("fake") == []


async def test_a_crash_between_record_and_send_loses_nothing_and_doubles_nothing(services: Services) -> None:
    digest = await _digest(services)
    crashed = FlakySender(crash_at=3)
    with contextlib.suppress(KeyboardInterrupt):
        await deliver(services.store, crashed, digest)
    assert len(crashed.sent) == 2
    restarted = FlakySender()
    assert await resume_unsent(services.store, restarted) == 2
    everything = crashed.sent + restarted.sent
    assert sorted((t, m) for t, m, _ in everything) == sorted(
        (t, i.article.title) for t in ("room-1", "room-2") for i in digest.items)
    # The retried message carries the nonce recorded before the crash, so a platform can drop a duplicate.
    record = services.store.record_post(digest.id, "fake", "room-2", 0, digest.created)
    assert restarted.sent[0][2] == record.nonce


async def test_a_final_failure_is_not_retried(services: Services) -> None:
    digest = await _digest(services)
    assert await deliver(services.store, FlakySender(fail_at=1, final=True), digest) == 2
    assert [(p.target, p.part) for p in services.store.unsent_posts("fake")] == []
