"""Signed slash commands sent to the Slack app in HTTP mode; its Web API calls go to a local stand-in."""

from __future__ import annotations

import json
import logging
import time
from datetime import UTC, datetime
from urllib.parse import urlencode

import pytest

from bot.commands import Commands
from tests.slack.standin import (
    NEWS_CHANNEL,
    Running,
    SlackStandIn,
    command_body,
    signed,
    slash,
)

pytestmark = pytest.mark.integration


def _texts(response: dict[str, object]) -> str:
    return json.dumps(response.get("blocks"), ensure_ascii=False) + str(response.get("text"))


async def test_who_said_is_acked_then_answered_in_the_channel(running: Running, slack_api: SlackStandIn) -> None:
    status, body = await slash(running, slack_api, "/who-said", "Vogt")
    assert status == 200 and body == ""
    await slack_api.wait(lambda: len(slack_api.responses) == 1)
    reply = slack_api.responses[0]
    assert reply["response_type"] == "in_channel"
    assert reply["blocks"][0] == {"type": "header", "text": {"type": "plain_text", "text": "Quotes of Lena Vogt"}}
    assert "safe bridge" in _texts(reply)
    assert [c.token for c in slack_api.called("auth.test")][-1] == "xoxb-test-bot-token"
    assert not slack_api.called("users.info")  # only managing commands look the user up


async def test_bad_signature_and_stale_timestamp_are_refused(running: Running, slack_api: SlackStandIn) -> None:
    body = urlencode(command_body("/who-said", "Vogt", slack_api.response_url()))
    forged = signed(body, secret="not-the-secret")
    stale = signed(body, timestamp=int(time.time()) - 600)
    tampered = signed(body) | {"X-Slack-Signature": signed(body)["X-Slack-Signature"][:-2] + "00"}
    for headers in (forged, stale, tampered):
        status, _ = await slash(running, slack_api, "/who-said", "Vogt", headers=headers)
        assert status == 401
    status, _ = await slash(running, slack_api, "/who-said", "Vogt")
    assert status == 200
    await slack_api.wait(lambda: len(slack_api.responses) == 1)


async def test_summary_maps_the_channel_and_shows_its_latest_digest(running: Running,
                                                                    slack_api: SlackStandIn) -> None:
    assert running.services.make_digest("news") is not None
    await slash(running, slack_api, "/summary", "")
    await slash(running, slack_api, "/summary", "", channel="C0ELSEWHERE")
    await slash(running, slack_api, "/summary", "2")
    await slack_api.wait(lambda: len(slack_api.responses) == 3)
    first = [r["blocks"][0] for r in slack_api.responses]
    # Both channels get the #news digest: the mapped one as its own, the unmapped one as the latest anywhere.
    assert sum(b["type"] == "header" and b["text"]["text"].startswith("#news digest") for b in first) == 2
    assert sum(b["type"] == "section" and b["text"]["text"].startswith("*2. Bridge repairs") for b in first) == 1


async def test_digest_needs_an_admin_and_posts_once(running: Running, slack_api: SlackStandIn) -> None:
    await slash(running, slack_api, "/digest", user="UMEMBER")
    await slack_api.wait(lambda: len(slack_api.responses) == 1)
    refused = slack_api.responses[0]
    assert refused["response_type"] == "ephemeral" and "Only admins" in refused["text"]
    assert running.posted == [] and slack_api.called("users.info")[-1].params["user"] == "UMEMBER"

    slack_api.users["UADMIN"] = {"id": "UADMIN", "is_admin": True}
    await slash(running, slack_api, "/digest", user="UADMIN")
    await slack_api.wait(lambda: len(slack_api.responses) == 2)
    done = slack_api.responses[1]
    assert done["response_type"] == "ephemeral" and done["text"] == "Posted the digest: 2 articles."
    assert len(running.posted) == 1
    posts = slack_api.called("chat.postMessage")
    assert len(posts) == 1
    post = posts[0].params
    assert post["channel"] == NEWS_CHANNEL and post["unfurl_links"] is False and post["unfurl_media"] is False
    assert post["metadata"]["event_type"] == "newsbot_digest"
    record = running.services.store.record_post(running.posted[0].id, "slack", NEWS_CHANNEL, 0, datetime.now(UTC))
    assert record.state == "sent" and record.message_id == slack_api.posted()[0]["ts"]
    assert post["metadata"]["event_payload"]["nonce"] == record.nonce


async def test_feeds_changes_need_the_admin_group(running: Running, slack_api: SlackStandIn) -> None:
    slack_api.groups = [{"id": "S1", "handle": "news-editors", "name": "News editors"}]
    slack_api.members = {"S1": ["UEDITOR"]}
    await slash(running, slack_api, "/feeds", "list", user="UMEMBER")
    await slash(running, slack_api, "/feeds", 'remove "Riverside Courier"', user="UMEMBER")
    await slack_api.wait(lambda: len(slack_api.responses) == 2)
    await slash(running, slack_api, "/feeds", 'remove "Riverside Courier"', user="UEDITOR")
    await slack_api.wait(lambda: len(slack_api.responses) == 3)
    texts = [_texts(r) for r in slack_api.responses]
    assert sum("Riverside Courier" in t and "Feeds for #news" in t for t in texts) == 1
    assert sum("Only admins" in t for t in texts) == 1
    assert sum("Removed “Riverside Courier”" in t for t in texts) == 1
    assert running.services.store.feeds() == []


async def test_a_failure_is_an_ephemeral_apology_and_logged(
    running: Running, slack_api: SlackStandIn, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
) -> None:
    async def broken(self: Commands, *args: object) -> None:
        raise RuntimeError("database is on fire")

    monkeypatch.setattr(Commands, "run_line", broken)
    with caplog.at_level(logging.ERROR):
        status, _ = await slash(running, slack_api, "/summary", "bridge")
        await slack_api.wait(lambda: len(slack_api.responses) == 1)
    assert status == 200
    reply = slack_api.responses[0]
    assert reply["response_type"] == "ephemeral" and "Sorry" in reply["text"]
    assert "fire" not in _texts(reply) and "Traceback" not in _texts(reply)
    assert "database is on fire" in caplog.text
