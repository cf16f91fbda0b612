"""`newsbot doctor`: every feed reached, credentials checked against local stand-ins, no secret printed."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.doctor import run_doctor
from bot.settings import load_settings

TOKEN = "very-secret-token-123"
PLATFORMS = "\n[discord]\nenabled = true\n[slack]\nenabled = true\nmode = \"http\"\n"


@pytest.fixture
async def chat_apis() -> AsyncIterator[str]:
    """A stand-in for Discord's users/@me and Slack's auth.test that accepts only TOKEN."""

    async def discord_me(request: web.Request) -> web.Response:
        if request.headers.get("Authorization") != f"Bot {TOKEN}":
            return web.json_response({"message": "401: Unauthorized"}, status=401)
        return web.json_response({"id": "1", "username": "newsbot"})

    async def slack_auth(request: web.Request) -> web.Response:
        ok = request.headers.get("Authorization") == f"Bearer {TOKEN}"
        return web.json_response({"ok": ok, "user": "newsbot", "team": "Riverside"} if ok
                                 else {"ok": False, "error": "invalid_auth"})

    app = web.Application()
    app.router.add_get("/discord/users/@me", discord_me)
    app.router.add_post("/slack/auth.test", slack_auth)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    try:
        yield str(server.make_url("/"))
    finally:
        await server.close()


async def test_doctor_passes_with_good_tokens(make_config: Callable[..., Path], chat_apis: str) -> None:
    env = {"DISCORD_TOKEN": TOKEN, "SLACK_BOT_TOKEN": TOKEN, "SLACK_SIGNING_SECRET": TOKEN}
    settings = load_settings(make_config(extra=PLATFORMS), env=env)
    lines: list[str] = []
    ok = await run_doctor(settings, lines.append, discord_api=chat_apis + "discord/", slack_api=chat_apis + "slack/")
    assert ok, lines
    assert any("feed Riverside Courier: 2 entries" in line for line in lines)
    assert any("logged in as newsbot" in line and "discord" in line for line in lines)
    assert any("in Riverside" in line for line in lines)
    assert TOKEN not in "\n".join(lines)


async def test_doctor_reports_bad_tokens_and_broken_feeds(make_config: Callable[..., Path], chat_apis: str) -> None:
    env = {"DISCORD_TOKEN": "wrong-" + TOKEN, "SLACK_BOT_TOKEN": "wrong-" + TOKEN}
    settings = load_settings(make_config(feed="<html>not a feed</html>", extra=PLATFORMS), env=env)
    lines: list[str] = []
    ok = await run_doctor(settings, lines.append, discord_api=chat_apis + "discord/", slack_api=chat_apis + "slack/")
    assert not ok
    text = "\n".join(lines)
    assert "FAIL feed Riverside Courier" in text
    assert "DISCORD_TOKEN was refused" in text
    assert "SLACK_SIGNING_SECRET is not set" in text
    assert TOKEN not in text
