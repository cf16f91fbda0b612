"""Crash safety: the bot process is killed with SIGKILL while it processes and posts; after restarts every
article is posted exactly once and none is lost."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Callable
from pathlib import Path

from tests.discord.conftest import DISCORD
from tests.discord.standin import NEWS_CHANNEL, TOKEN, DiscordStandIn

ROOT = Path(__file__).resolve().parents[2]
ITEMS = 24


def feed() -> str:
    items = "".join(
        f"<item><title>Harbour notice number {n}</title><link>pages/notice-{n}.html</link>"
        f"<guid isPermaLink='false'>notice-{n}</guid>"
        f"<pubDate>Mon, 02 Mar 2026 {n % 24:02d}:00:00 GMT</pubDate>"
        f"<description>The harbour office published notice {n} on Monday. Berth {n} closes for repairs "
        f"until Friday, the harbour master said. Ships will use berth {n + 40} instead.</description></item>"
        for n in range(1, ITEMS + 1))
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>Harbour</title>{items}</channel></rss>"


async def run_child(config: Path, standin: DiscordStandIn, kill_after: Callable[[], bool] | None) -> bool:
    """Run the bot; SIGKILL it once `kill_after()` holds. Returns True when it finished on its own."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.discord.crash_child", str(config), standin.api_base, standin.gateway_url,
        cwd=ROOT, env={**os.environ, "DISCORD_TOKEN": TOKEN}, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
    )
    try:
        async with asyncio.timeout(60):
            if kill_after is not None:
                await standin.wait_for(kill_after, timeout=30)
                proc.kill()
                await proc.wait()
                return False
            out, _ = await proc.communicate()
            return proc.returncode == 0 and b"done" in out
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()


def posted_titles(standin: DiscordStandIn) -> list[str]:
    return [e["title"].split(". ", 1)[1] for m in standin.messages[NEWS_CHANNEL] for e in m["embeds"]]


async def test_sigkill_while_posting_loses_nothing_and_doubles_nothing(
    standin: DiscordStandIn, make_config: Callable[..., Path]
) -> None:
    config = make_config(feed=feed(), extra=DISCORD + "\n[digest]\nmax_items = 50\n")
    text = config.read_text().replace('name = "news"', f'name = "news"\ndiscord = {NEWS_CHANNEL}', 1)
    text = text.replace("first_poll_entries = 10", f"first_poll_entries = {ITEMS}")
    config.write_text(text)
    standin.message_delay = 0.4  # each message is created before its reply: the worst moment to die

    # 1. Killed once connected, while it polls and processes, before anything was posted.
    await run_child(config, standin, lambda: any(c.method == "PUT" for c in standin.calls))
    assert not standin.messages[NEWS_CHANNEL]
    # 2. Killed after the first and then the second digest message was created, before the bot saw the reply.
    for created in (1, 2):
        await run_child(config, standin, lambda n=created: len(standin.messages[NEWS_CHANNEL]) >= n)
    # 3. A clean run finishes what is left.
    assert await run_child(config, standin, None)

    titles = posted_titles(standin)
    expected = {f"Harbour notice number {n}" for n in range(1, ITEMS + 1)}
    assert sorted(titles) == sorted(expected)  # every article once: none lost, none twice
    assert len(standin.messages[NEWS_CHANNEL]) >= 3  # the digest really was split and the kills landed mid-way
    posts = [c for c in standin.calls if c.method == "POST" and c.path.endswith("/messages")]
    assert len(posts) > len(standin.messages[NEWS_CHANNEL])  # a message was sent again after a kill, and dropped
    assert len({c.body["nonce"] for c in posts}) == len(standin.messages[NEWS_CHANNEL])
