"""The long-running bot: APScheduler jobs that poll feeds and post each channel's digest on its schedule."""

from __future__ import annotations

import asyncio
import logging
import signal
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.app import Services, open_services
from bot.commands import Commands
from bot.digest import DigestSender, deliver, deliver_notices, resume_unsent
from bot.models import Digest
from bot.platforms.console import ConsoleSender
from bot.settings import Settings

log = logging.getLogger(__name__)
HEARTBEAT_SECONDS = 60


class Platform(Protocol):
    """A connected chat platform: posts digests through its sender and answers commands until closed."""

    @property
    def sender(self) -> DigestSender:
        """Posts this platform's digests and notices."""
        ...

    async def start(self) -> None:
        """Connect; return once ready to post and to receive commands."""
        ...

    async def close(self) -> None:
        """Disconnect."""
        ...


def heartbeat_path(settings: Settings) -> Path:
    """The file `newsbot run` touches every minute; the container health check reads its age."""
    return Path(settings.store.path).with_suffix(".heartbeat")


class Bot:
    """Schedules polling and digests and hands digests to the platforms' senders."""

    def __init__(self, services: Services, senders: Sequence[DigestSender]) -> None:
        self.svc = services
        self.senders = list(senders)
        self.scheduler = AsyncIOScheduler(timezone=UTC)
        self._lock = asyncio.Lock()  # one refresh at a time: a slow round is never run twice at once

    def schedule(self) -> None:
        """Add the poll job, one digest job per channel and the heartbeat."""
        settings = self.svc.settings
        # The poll job runs often and polls only the feeds whose slot has come (see Poller.next_due).
        tick = max(15.0, min(60.0, settings.poll.interval_minutes * 60 / 15))
        self.scheduler.add_job(
            self.poll, IntervalTrigger(seconds=tick), id="poll",
            next_run_time=datetime.now(UTC) + timedelta(seconds=1), max_instances=1, coalesce=True,
        )
        for channel in settings.channels:
            self.scheduler.add_job(
                self.post_digest, channel.trigger(), args=[channel.name], id=f"digest:{channel.name}",
                max_instances=1, coalesce=True, misfire_grace_time=3600,
            )
        self.scheduler.add_job(self.heartbeat, IntervalTrigger(seconds=HEARTBEAT_SECONDS), id="heartbeat",
                               next_run_time=datetime.now(UTC))

    async def poll(self) -> None:
        """Poll the due feeds, process new articles and send notices about paused feeds."""
        async with self._lock:
            report, processed = await self.svc.refresh()
        log.info("polled %d feeds: %d new, %d processed, %d failed", report.polled, report.new_articles,
                 processed, len(report.failed))
        for name in report.paused:
            log.warning("feed %s is paused: %s", name, report.failed.get(name, "too many failures"))
        await self.send_notices()

    async def post_digest(self, channel: str) -> None:
        """Make the channel's digest and post it everywhere the channel lives."""
        digest = self.svc.make_digest(channel)
        if digest is None:
            log.info("digest for #%s: nothing new", channel)
            return
        await self.deliver(digest)

    async def deliver(self, digest: Digest) -> None:
        """Post a digest through every platform."""
        channel = digest.channel
        for sender in self.senders:
            sent = await deliver(self.svc.store, sender, digest)
            log.info("digest %d for #%s: %d messages on %s", digest.id, channel, sent, sender.platform)

    async def send_notices(self) -> None:
        """Post queued notices (a feed was paused) to their channels, once."""
        await deliver_notices(self.svc.store, self.senders)

    def heartbeat(self) -> None:
        path = heartbeat_path(self.svc.settings)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(str(int(time.time())))

    async def resume(self) -> None:
        """Send what a crash or an outage left unsent."""
        for sender in self.senders:
            sent = await resume_unsent(self.svc.store, sender)
            if sent:
                log.info("resent %d pending messages on %s", sent, sender.platform)


def _platforms(svc: Services, bot: Bot) -> list[Platform]:
    """The chat platforms enabled in config, not yet connected."""
    settings = svc.settings
    commands = Commands(svc)
    platforms: list[Platform] = []
    if settings.discord.enabled:
        from bot.platforms.discord import DiscordPlatform

        platforms.append(DiscordPlatform(svc, commands, bot.deliver))
    if settings.slack.enabled:
        from bot.platforms.slack import SlackPlatform

        platforms.append(SlackPlatform(svc, commands, bot.deliver))
    return platforms


async def run_bot(settings: Settings) -> None:
    """Run until SIGINT or SIGTERM."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    async with open_services(settings) as svc:
        bot = Bot(svc, [])
        platforms = _platforms(svc, bot)
        bot.senders = [p.sender for p in platforms] or [ConsoleSender()]
        try:
            for platform in platforms:
                await platform.start()
            await bot.resume()
            bot.schedule()
            bot.scheduler.start()
            print(f"newsbot is running: {len(svc.store.feeds())} feeds, {len(settings.channels)} channels, "
                  f"posting to {', '.join(s.platform for s in bot.senders)}. Ctrl-C stops it.", flush=True)
            await stop.wait()
        finally:
            if bot.scheduler.running:
                bot.scheduler.shutdown(wait=False)
            for platform in platforms:
                await platform.close()
            log.info("stopped")
