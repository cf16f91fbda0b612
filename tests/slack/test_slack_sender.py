"""Posting digests to the Slack stand-in: rate limits honoured, nothing lost or doubled across a restart."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.app import Services, open_services
from bot.commands import Commands
from bot.digest import SendError, deliver, resume_unsent
from bot.models import Digest
from bot.platforms.slack import SlackPlatform, SlackSender
from bot.platforms.slack.render import Message, render_digest
from tests.slack.standin import NEWS_CHANNEL, SlackStandIn, slack_settings

pytestmark = pytest.mark.integration


@pytest.fixture
async def services(make_config: Callable[..., Path]) -> AsyncIterator[Services]:
    async with open_services(slack_settings(make_config)) as svc:
        await svc.refresh()
        yield svc


def _sender(services: Services, slack_api: SlackStandIn) -> SlackSender:
    """The sender of a platform built as `newsbot run` builds it (not started: sending needs no connection)."""

    async def nowhere(digest: Digest) -> None:
        raise AssertionError("not used")

    return SlackPlatform(services, Commands(services), nowhere, api_url=slack_api.api_url).sender


def _digest(services: Services) -> Digest:
    digest = services.make_digest("news")
    assert digest is not None
    return digest


async def test_a_rate_limited_post_goes_out_once_after_the_wait(services: Services, slack_api: SlackStandIn) -> None:
    sender = _sender(services, slack_api)
    slack_api.rate_limit = 1
    digest = _digest(services)
    started = datetime.now(UTC)
    assert await deliver(services.store, sender, digest) == 1
    waited = (datetime.now(UTC) - started).total_seconds()
    assert len(slack_api.called("chat.postMessage")) == 2  # the 429, then the retry
    assert len(slack_api.posted()) == 1 and waited >= 1.0  # Retry-After: 1 was honoured
    assert services.store.unsent_posts("slack") == []


async def test_targets_come_from_the_channel_config(services: Services, slack_api: SlackStandIn) -> None:
    sender = _sender(services, slack_api)
    assert list(sender.targets("news")) == [NEWS_CHANNEL]
    assert list(sender.targets("sport")) == [] and list(sender.targets("nowhere")) == []


async def test_a_restart_after_a_crash_does_not_post_twice(services: Services, slack_api: SlackStandIn) -> None:
    digest = _digest(services)
    first = _sender(services, slack_api)
    # The first run records the message and posts it, then dies before marking it sent.
    record = services.store.record_post(digest.id, "slack", NEWS_CHANNEL, 0, datetime.now(UTC))
    ts = await first.send(NEWS_CHANNEL, render_digest(digest)[0], record.nonce)
    assert services.store.unsent_posts("slack") == [record]

    restarted = _sender(services, slack_api)
    assert await resume_unsent(services.store, restarted) == 1
    assert len(slack_api.posted()) == 1  # found by its nonce in the channel's history, not posted again
    assert slack_api.called("conversations.history")[0].params["include_all_metadata"] in (True, "1", "true")
    again = services.store.record_post(digest.id, "slack", NEWS_CHANNEL, 0, datetime.now(UTC))
    assert again.state == "sent" and again.message_id == ts


async def test_a_pending_message_that_never_went_out_is_posted(services: Services, slack_api: SlackStandIn) -> None:
    digest = _digest(services)
    record = services.store.record_post(digest.id, "slack", NEWS_CHANNEL, 0, datetime.now(UTC))
    restarted = _sender(services, slack_api)
    assert await resume_unsent(services.store, restarted) == 1
    posted = slack_api.posted()
    assert len(posted) == 1 and posted[0]["metadata"]["event_payload"]["nonce"] == record.nonce


async def test_an_image_slack_cannot_fetch_does_not_lose_the_message(services: Services,
                                                                     slack_api: SlackStandIn) -> None:
    slack_api.refuse_images = True
    sender = _sender(services, slack_api)
    assert await deliver(services.store, sender, _digest(services)) == 1
    posted = slack_api.posted()
    assert len(posted) == 1 and not any("accessory" in b for b in posted[0]["blocks"])


async def test_a_missing_channel_is_a_final_failure(services: Services, slack_api: SlackStandIn) -> None:
    sender = _sender(services, slack_api)
    message = Message("hello", ({"type": "section", "text": {"type": "mrkdwn", "text": "hello"}},))
    slack_api.errors["chat.postMessage"] = "channel_not_found"
    with pytest.raises(SendError) as failed:
        await sender.send("CNOPE", message, "n1")
    assert failed.value.final and "channel_not_found" in failed.value.reason


async def test_notices_are_posted_as_text(services: Services, slack_api: SlackStandIn) -> None:
    sender = _sender(services, slack_api)
    ts = await sender.send_text(NEWS_CHANNEL, "Paused <Riverside> after 10 failures & @here")
    posted = slack_api.posted()
    assert ts == posted[0]["ts"]
    assert posted[0]["text"] == "Paused &lt;Riverside&gt; after 10 failures &amp; @\u2060here"
