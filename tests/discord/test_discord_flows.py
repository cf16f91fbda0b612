"""Real flows through the unmodified discord.py client against the local Discord stand-in."""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import discord
import pytest

from bot.app import Services
from bot.commands import Commands
from bot.digest import deliver, resume_unsent
from bot.models import Article
from bot.platforms.discord import DiscordPlatform, sync_global
from bot.scheduler import Bot
from bot.settings import Settings, load_settings
from tests.discord.checks import assert_message_ok
from tests.discord.standin import (
    APP_ID,
    EDITORS_ROLE,
    GUILD_ID,
    MANAGE_GUILD,
    NEWS_CHANNEL,
    READ_PERMS,
    DiscordStandIn,
    Fault,
    rate_limited,
)

EPHEMERAL = 64
DEFERRED = 5
MESSAGE = 4
AUTOCOMPLETE = 8


def option(name: str, value: Any, kind: int = 3, **more: Any) -> dict[str, Any]:
    return {"name": name, "type": kind, "value": value, **more}


async def run(standin: DiscordStandIn, name: str, options: list[dict[str, Any]] | None = None,
              *, followups: int = 0, **kw: Any) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Dispatch a command; return its one callback and, when it was deferred, its follow-ups."""
    interaction_id, token = await standin.interact(name, options or [], **kw)
    [callback] = await standin.wait_for(lambda: standin.callback_for(interaction_id))
    if followups:
        await standin.wait_for(lambda: len(standin.followups_for(token)) >= followups)
    await asyncio.sleep(0.05)  # anything answered twice would show up now
    assert len(standin.callback_for(interaction_id)) == 1
    return callback["body"], standin.followups_for(token)


def channel_posts(standin: DiscordStandIn) -> list[dict[str, Any]]:
    return [c.body for c in standin.calls if c.method == "POST" and c.path == f"/channels/{NEWS_CHANNEL}/messages"]


async def test_connects_and_syncs_to_the_dev_guild_only(standin: DiscordStandIn, platform: DiscordPlatform) -> None:
    assert platform.client.is_ready()
    assert standin.identify is not None and standin.identify["intents"] == 1  # guilds: nothing privileged
    commands = {c["name"]: c for c in standin.commands[f"guild:{GUILD_ID}"]}
    assert set(commands) == {"summary", "who-said", "digest", "help", "feeds"}
    assert commands["summary"]["description"].startswith("Key points of the latest digest")
    assert commands["summary"]["options"][0]["autocomplete"] is True
    assert {o["name"] for o in commands["feeds"]["options"]} == {"list", "add", "remove", "resume"}
    assert "global" not in standin.commands


async def test_scheduled_digest_arrives_as_embeds_within_limits(standin: DiscordStandIn, platform: DiscordPlatform,
                                                                services: Services) -> None:
    async with asyncio.timeout(10):
        await Bot(services, [platform.sender]).post_digest("news")
        await Bot(services, [platform.sender]).post_digest("sport")  # no Discord channel: nothing sent
    [posted] = standin.messages[NEWS_CHANNEL]
    [body] = channel_posts(standin)
    assert body["enforce_nonce"] is True and len(body["nonce"]) <= 25
    assert body["allowed_mentions"] == {"parse": []}
    assert_message_ok(body.get("content"), body["embeds"])
    titles = [e["title"] for e in body["embeds"]]
    assert titles == ["1. Cold snap threatens apple harvest", "2. Bridge repairs to finish by May, mayor says"]
    assert body["embeds"][1]["thumbnail"]["url"].startswith("https://")
    assert all(e["description"].startswith("• ") and "Riverside Courier" in e["footer"]["text"] for e in body["embeds"])
    assert len(standin.messages) == 1 and posted["nonce"] == body["nonce"]


async def test_summary_answers_with_the_latest_digest_and_an_item(standin: DiscordStandIn, platform: DiscordPlatform,
                                                                  services: Services) -> None:
    async with asyncio.timeout(10):
        await Bot(services, [platform.sender]).post_digest("news")
        brief, _ = await run(standin, "summary")
        item, _ = await run(standin, "summary", [option("target", "2")])
        words, _ = await run(standin, "summary", [option("target", "apple frost")])
    assert brief["type"] == MESSAGE
    [embed] = brief["data"]["embeds"]
    assert [f["name"] for f in embed["fields"]] == [
        "1. Cold snap threatens apple harvest", "2. Bridge repairs to finish by May, mayor says"]
    assert all(len(f["value"].split("\n")) <= 2 for f in embed["fields"])
    [article] = item["data"]["embeds"]
    assert article["title"].startswith("2. Bridge") and article["description"].count("• ") >= 2
    assert words["data"]["embeds"][0]["author"]["name"].startswith("Best match for")
    assert "apple" in words["data"]["embeds"][0]["title"].lower()
    for body in (brief, item, words):
        assert_message_ok(body["data"].get("content"), body["data"]["embeds"])
        assert body["data"]["allowed_mentions"] == {"parse": []}


async def test_summary_of_a_link_is_deferred_then_followed_up(standin: DiscordStandIn, platform: DiscordPlatform,
                                                              services: Services,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    async def analyse(url: str) -> Article:
        await asyncio.sleep(0.2)  # a page being fetched
        return Article(0, "", url, "A page from elsewhere", "", None, datetime.now(UTC),
                       key_points=("It says one thing.",))

    monkeypatch.setattr(services.processor, "analyse_url", analyse)
    async with asyncio.timeout(10):
        deferred, [follow] = await run(standin, "summary", [option("target", "https://elsewhere.example/page")],
                                       followups=1)
    assert deferred["type"] == DEFERRED
    [embed] = follow["body"]["embeds"]
    assert embed["title"] == "A page from elsewhere" and embed["url"] == "https://elsewhere.example/page"


async def test_who_said_a_person_and_a_phrase(standin: DiscordStandIn, platform: DiscordPlatform) -> None:
    async with asyncio.timeout(10):
        person, _ = await run(standin, "who-said", [option("who", "Vogt")])
        phrase, _ = await run(standin, "who-said", [option("who", "“nobody has counted”")])
    [embed] = person["data"]["embeds"]
    assert embed["title"] == "Quotes of Lena Vogt"
    assert all(f["name"].startswith("Lena Vogt · ") for f in embed["fields"])
    assert any("safe bridge" in f["value"] for f in embed["fields"])
    [found] = phrase["data"]["embeds"]
    assert found["title"] == "Who said “nobody has counted”"
    assert [f["name"].split(" · ")[0] for f in found["fields"]] == ["Marek Olsen"]
    assert "Bridge repairs" in found["fields"][0]["value"]


async def test_a_member_without_permission_is_refused(standin: DiscordStandIn, platform: DiscordPlatform) -> None:
    async with asyncio.timeout(10):
        digest, _ = await run(standin, "digest", permissions=READ_PERMS)
        add, _ = await run(standin, "feeds", [{"name": "add", "type": 1,
                                               "options": [option("url", "https://feeds.example/rss")]}])
    for body in (digest, add):
        assert body["type"] == MESSAGE and body["data"]["flags"] & EPHEMERAL
        assert "Only admins" in body["data"]["content"]
    assert standin.messages == {}


async def test_the_manager_role_may_post_the_digest_now(standin: DiscordStandIn, platform: DiscordPlatform) -> None:
    async with asyncio.timeout(10):
        deferred, [follow] = await run(standin, "digest", roles=[EDITORS_ROLE], followups=1)
    assert deferred["type"] == DEFERRED and deferred["data"]["flags"] & EPHEMERAL
    assert follow["body"]["content"] == "Posted the digest: 2 articles."
    [posted] = standin.messages[NEWS_CHANNEL]
    assert len(posted["embeds"]) == 2


async def test_manage_server_lists_and_removes_feeds(standin: DiscordStandIn, platform: DiscordPlatform) -> None:
    async with asyncio.timeout(10):
        listed, _ = await run(standin, "feeds", [{"name": "list", "type": 1, "options": []}])
        names, _ = await run(standin, "feeds", [{"name": "remove", "type": 1, "options": [
            option("name", "riv", focused=True)]}], kind=4)
        removed, _ = await run(standin, "feeds", [{"name": "remove", "type": 1, "options": [
            option("name", "Riverside Courier")]}], permissions=READ_PERMS | MANAGE_GUILD)
    [embed] = listed["data"]["embeds"]
    assert embed["title"] == "Feeds for #news"
    assert embed["fields"][0]["name"] == "Riverside Courier" and "ok, last success" in embed["fields"][0]["value"]
    assert names == {"type": AUTOCOMPLETE, "data": {"choices": [{"name": "Riverside Courier",
                                                                 "value": "Riverside Courier"}]}}
    assert "Removed" in removed["data"]["content"]


async def test_autocomplete_offers_the_latest_items(standin: DiscordStandIn, platform: DiscordPlatform,
                                                    services: Services) -> None:
    services.make_digest("news")
    async with asyncio.timeout(10):
        body, _ = await run(standin, "summary", [option("target", "", focused=True)], kind=4)
    assert body["type"] == AUTOCOMPLETE
    assert [c["value"] for c in body["data"]["choices"]] == ["1", "2"]
    assert body["data"]["choices"][0]["name"] == "1. Cold snap threatens apple harvest"


async def test_help_is_private(standin: DiscordStandIn, platform: DiscordPlatform) -> None:
    async with asyncio.timeout(10):
        body, _ = await run(standin, "help")
    assert body["data"]["flags"] & EPHEMERAL and "/who-said" in body["data"]["content"]


async def test_a_failure_is_answered_once_briefly_and_privately(standin: DiscordStandIn, platform: DiscordPlatform,
                                                                monkeypatch: pytest.MonkeyPatch,
                                                                caplog: pytest.LogCaptureFixture) -> None:
    async def broken(*args: Any) -> Any:
        raise RuntimeError("the store is on fire")

    monkeypatch.setattr(platform.handlers.commands, "who_said", broken)
    async with asyncio.timeout(10):
        body, _ = await run(standin, "who-said", [option("who", "Vogt")])
    assert body["type"] == MESSAGE and body["data"]["flags"] & EPHEMERAL
    assert body["data"]["content"].startswith("Sorry, something went wrong")
    assert "the store is on fire" not in json.dumps(body)
    assert any("/who-said failed" in r.getMessage() for r in caplog.records)


async def test_a_slow_answer_is_deferred_in_time(standin: DiscordStandIn, platform: DiscordPlatform,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    real = platform.handlers.commands.who_said

    async def slow(*args: Any) -> Any:
        await asyncio.sleep(0.4)
        return await real(*args)

    monkeypatch.setattr(platform.handlers.commands, "who_said", slow)
    platform.handlers.fast_window = 0.1
    async with asyncio.timeout(10):
        deferred, [follow] = await run(standin, "who-said", [option("who", "Vogt")], followups=1)
    assert deferred["type"] == DEFERRED
    assert follow["body"]["embeds"][0]["title"] == "Quotes of Lena Vogt"


async def test_a_429_is_waited_out_and_the_digest_sent_once(standin: DiscordStandIn, platform: DiscordPlatform,
                                                            services: Services) -> None:
    standin.faults.append(rate_limited(0.3))
    digest = services.make_digest("news")
    assert digest is not None
    async with asyncio.timeout(10):
        assert await deliver(services.store, platform.sender, digest) == 1
    posts = [c for c in standin.calls if c.method == "POST" and c.path.startswith("/channels/")]
    assert len(posts) == 2 and posts[1].at - posts[0].at >= 0.3
    assert posts[0].body["nonce"] == posts[1].body["nonce"]
    assert len(standin.messages[NEWS_CHANNEL]) == 1
    assert services.store.unsent_posts("discord") == []


@pytest.mark.parametrize("status", [500, 503])
async def test_a_5xx_after_the_message_was_stored_does_not_double_post(
        standin: DiscordStandIn, platform: DiscordPlatform, services: Services, status: int) -> None:
    # The message is created but the reply is lost: the retry carries the same nonce, so Discord returns it.
    standin.faults.append(Fault("POST", r"^/channels/\d+/messages$", status, {"message": "oops", "code": 0},
                                after=True))
    digest = services.make_digest("news")
    assert digest is not None
    async with asyncio.timeout(10):
        assert await deliver(services.store, platform.sender, digest) == 1
    assert len(channel_posts(standin)) == 2
    assert len(standin.messages[NEWS_CHANNEL]) == 1
    assert services.store.unsent_posts("discord") == []


async def test_a_5xx_that_outlasts_the_retries_keeps_the_message_pending(
        standin: DiscordStandIn, platform: DiscordPlatform, services: Services) -> None:
    standin.faults.append(Fault("POST", r"^/channels/\d+/messages$", 503, {"message": "down"}, times=10))
    digest = services.make_digest("news")
    assert digest is not None
    async with asyncio.timeout(10):
        assert await deliver(services.store, platform.sender, digest) == 0
        assert len(services.store.unsent_posts("discord")) == 1  # not lost
        standin.faults.clear()
        assert await resume_unsent(services.store, platform.sender) == 1
    assert len(standin.messages[NEWS_CHANNEL]) == 1


async def test_a_crash_between_send_and_mark_does_not_double_post(
        standin: DiscordStandIn, platform: DiscordPlatform, services: Services,
        make_platform: Callable[[], DiscordPlatform]) -> None:
    digest = services.make_digest("news")
    assert digest is not None
    real_send = platform.discord_sender.send

    async def send_then_crash(target: str, message: Any, nonce: str) -> str | None:
        await real_send(target, message, nonce)
        raise asyncio.CancelledError  # the process dies before the post is marked sent

    platform.discord_sender.send = send_then_crash  # type: ignore[method-assign]
    async with asyncio.timeout(10):
        with pytest.raises(asyncio.CancelledError):
            await deliver(services.store, platform.sender, digest)
        await platform.close()
        [pending] = services.store.unsent_posts("discord")
        restarted = make_platform()  # the next start resends what is pending, with the same nonce
        await restarted.start()
        try:
            assert await resume_unsent(services.store, restarted.sender) == 1
        finally:
            await restarted.close()
    nonces = [b["nonce"] for b in channel_posts(standin)]
    assert nonces == [pending.nonce, pending.nonce]
    assert len(standin.messages[NEWS_CHANNEL]) == 1
    assert services.store.unsent_posts("discord") == []


async def test_notices_are_plain_text_without_pings(standin: DiscordStandIn, platform: DiscordPlatform) -> None:
    async with asyncio.timeout(10):
        await platform.discord_sender.send_text(str(NEWS_CHANNEL), "Feed @everyone was paused after 10 failures.")
    [body] = channel_posts(standin)
    assert body["content"] == "Feed @\u200beveryone was paused after 10 failures."
    assert body["allowed_mentions"] == {"parse": []}
    assert body["enforce_nonce"] is True and 0 < len(body["nonce"]) <= 25


async def test_global_sync_only_on_request(standin: DiscordStandIn, settings: Settings) -> None:
    async with asyncio.timeout(10):
        count = await sync_global(settings)
    assert count == 5
    assert {c["name"] for c in standin.commands["global"]} == {"summary", "who-said", "digest", "help", "feeds"}
    assert not any("/gateway" in c.path for c in standin.calls)
    assert all(c.path != f"/applications/{APP_ID}/guilds/{GUILD_ID}/commands" for c in standin.calls)


async def test_a_wrong_token_fails_the_start_without_showing_it(standin: DiscordStandIn, services: Services,
                                                                caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    wrong = load_settings(services.settings.config_path, env={"DISCORD_TOKEN": "not-the-token"})
    other = Services(wrong, services.store, services.fetcher, services.user_fetcher)

    async def post(_: Any) -> None:
        return None

    platform = DiscordPlatform(other, Commands(other), post, start_timeout=5)
    async with asyncio.timeout(10):
        with pytest.raises(discord.LoginFailure):
            await platform.start()
        await platform.close()
    assert "not-the-token" not in caplog.text


async def test_messages_are_paced(standin: DiscordStandIn, platform: DiscordPlatform,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    sender = platform.discord_sender
    sender.pace = 0.15
    # When each message may leave: arrival times at the server would also hold the machine's jitter.
    turns: list[float] = []
    wait_turn = sender._wait_turn

    async def recorded() -> None:
        await wait_turn()
        turns.append(time.monotonic())

    monkeypatch.setattr(sender, "_wait_turn", recorded)
    async with asyncio.timeout(10):
        for n in range(3):
            await sender.send_text(str(NEWS_CHANNEL), f"notice {n}")
    sent = [c for c in standin.calls if c.path == f"/channels/{NEWS_CHANNEL}/messages"]
    assert len(sent) == 3 and len(turns) == 3
    assert all(b - a >= 0.15 for a, b in itertools.pairwise(turns))
