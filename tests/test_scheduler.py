"""The long-running bot: jobs, notices, and a clean stop on Ctrl-C."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.app import Services
from bot.models import Digest
from bot.scheduler import Bot


class RecordingSender:
    platform = "fake"

    def __init__(self) -> None:
        self.messages: list[Any] = []
        self.texts: list[tuple[str, str]] = []

    def targets(self, channel: str) -> Sequence[str]:
        return (f"room-{channel}",)

    def render(self, digest: Digest) -> Sequence[Any]:
        return [f"{digest.channel}: {len(digest.items)} items"]

    async def send(self, target: str, message: Any, nonce: str) -> str | None:
        self.messages.append((target, message))
        return "1"

    async def send_text(self, target: str, text: str) -> None:
        self.texts.append((target, text))


async def test_jobs_are_scheduled_per_channel(services: Services) -> None:
    bot = Bot(services, [RecordingSender()])
    bot.schedule()
    assert {j.id for j in bot.scheduler.get_jobs()} == {"poll", "digest:news", "digest:sport", "heartbeat"}


async def test_poll_then_post_digest_and_notices(services: Services) -> None:
    sender = RecordingSender()
    bot = Bot(services, [sender])
    await bot.poll()
    await bot.post_digest("news")
    await bot.post_digest("sport")  # nothing routed there: nothing posted
    assert sender.messages == [("room-news", "news: 2 items")]
    services.store.add_notice("Riverside Courier", "news", "The feed is paused.", datetime.now(UTC))
    await bot.send_notices()
    await bot.send_notices()
    assert sender.texts == [("room-news", "The feed is paused.")]


async def test_run_stops_cleanly_on_ctrl_c(make_config: Callable[..., Path]) -> None:
    config = make_config()
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", "--config", str(config),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stdout is not None
    try:
        async with asyncio.timeout(30):
            line = await proc.stdout.readline()
            assert b"newsbot is running" in line
            # The first poll runs a second after start and posts nothing before the schedule.
            await asyncio.sleep(1.5)
            proc.send_signal(signal.SIGINT)
            code = await proc.wait()
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    assert code == 0
    heartbeat = config.parent / "newsbot.heartbeat"
    assert heartbeat.exists()
