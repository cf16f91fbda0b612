"""Socket Mode against the stand-in: connect, receive a slash command envelope, ack it, respond."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic import SecretStr

from bot.app import open_services
from bot.commands import Commands
from bot.models import Digest
from bot.platforms.slack import SlackPlatform
from bot.settings import ConfigError
from tests.slack.standin import APP_TOKEN, SlackStandIn, command_body, slack_settings

pytestmark = pytest.mark.integration


async def _nowhere(digest: Digest) -> None:
    raise AssertionError("no digest is posted here")


async def test_socket_mode_acks_and_answers_a_command(make_config: Callable[..., Path],
                                                      slack_api: SlackStandIn) -> None:
    async with open_services(slack_settings(make_config, mode="socket")) as services:
        await services.refresh()
        platform = SlackPlatform(services, Commands(services), _nowhere, api_url=slack_api.api_url)
        await asyncio.wait_for(platform.start(), 5)
        try:
            assert slack_api.called("apps.connections.open")[0].token == APP_TOKEN
            await slack_api.wait(lambda: slack_api.socket is not None)
            assert slack_api.socket is not None
            payload = command_body("/who-said", '"nobody has counted"', slack_api.response_url())
            await slack_api.socket.send_json({"envelope_id": "env-1", "type": "slash_commands",
                                              "accepts_response_payload": True, "payload": payload})
            await slack_api.wait(lambda: bool(slack_api.responses and slack_api.acks))
            assert [a["envelope_id"] for a in slack_api.acks] == ["env-1"]
            assert "Marek Olsen" in str(slack_api.responses[0]["blocks"])
        finally:
            await asyncio.wait_for(platform.close(), 5)


async def test_a_refused_app_token_fails_fast(make_config: Callable[..., Path], slack_api: SlackStandIn) -> None:
    settings = slack_settings(make_config, mode="socket")
    settings = settings.model_copy(update={"secrets": settings.secrets | {"SLACK_APP_TOKEN": SecretStr("xapp-wrong")}})
    async with open_services(settings) as services:
        platform = SlackPlatform(services, Commands(services), _nowhere, api_url=slack_api.api_url)
        with pytest.raises(ConfigError, match="SLACK_APP_TOKEN: invalid_auth"):
            await asyncio.wait_for(platform.start(), 5)
        await platform.close()
