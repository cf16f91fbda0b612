"""A local Slack Web API stand-in that records every call, and helpers to sign and send slash commands."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

import aiohttp
from aiohttp import web

from bot.app import Services
from bot.models import Digest
from bot.platforms.slack import SlackPlatform
from bot.settings import Settings, load_settings

BOT_TOKEN = "xoxb-test-bot-token"
APP_TOKEN = "xapp-test-app-token"
SECRET = "test-signing-secret"
NEWS_CHANNEL = "C0NEWS"
SLACK_CONFIG = '\n[slack]\nenabled = true\nmode = "{mode}"\nadmin_group = "news-editors"\n'


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    token: str | None


@dataclass
class SlackStandIn:
    """Answers the Web API methods newsbot uses; records calls, responses to response_url and socket acks."""

    base: str = ""
    calls: list[Call] = field(default_factory=list)
    responses: list[dict[str, Any]] = field(default_factory=list)
    acks: list[dict[str, Any]] = field(default_factory=list)
    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    groups: list[dict[str, Any]] = field(default_factory=list)
    members: dict[str, list[str]] = field(default_factory=dict)
    history: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    rate_limit: int = 0  # how many chat.postMessage calls to answer with 429 first
    refuse_images: bool = False
    errors: dict[str, str] = field(default_factory=dict)  # method → the error it answers with
    socket: web.WebSocketResponse | None = None
    changed: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def api_url(self) -> str:
        return self.base + "/api/"

    def response_url(self, name: str = "r1") -> str:
        return f"{self.base}/respond/{name}"

    def called(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    def posted(self) -> list[dict[str, Any]]:
        """Every message chat.postMessage accepted, oldest first."""
        return [m for msgs in self.history.values() for m in reversed(msgs)]

    async def wait(self, check: Callable[[], bool], timeout: float = 5.0) -> None:
        """Return once `check()` holds; fail after `timeout` seconds."""
        async with asyncio.timeout(timeout):
            while not check():
                self.changed.clear()
                await self.changed.wait()

    def _note(self) -> None:
        self.changed.set()

    async def api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params: dict[str, Any] = dict(request.query)
        if request.content_type == "application/json":
            params.update(await request.json())
        elif request.can_read_body:
            params.update(parse_qsl(await request.text()))
        auth = request.headers.get("Authorization", "")
        token = auth.removeprefix("Bearer ") or None
        self.calls.append(Call(method, params, token))
        self._note()
        if token != (APP_TOKEN if method == "apps.connections.open" else BOT_TOKEN):
            return web.json_response({"ok": False, "error": "invalid_auth"})
        if method in self.errors:
            return web.json_response({"ok": False, "error": self.errors[method]})
        status, body, headers = self._answer(method, params)
        return web.json_response(body, status=status, headers=headers)

    def _answer(self, method: str, p: dict[str, Any]) -> tuple[int, dict[str, Any], dict[str, str]]:
        ok: dict[str, Any] = {"ok": True}
        match method:
            case "auth.test":
                return 200, ok | {"user": "newsbot", "user_id": "UBOT", "bot_id": "BBOT", "team": "Test",
                                  "team_id": "T1", "url": "https://test.slack.example/"}, {}
            case "apps.connections.open":
                return 200, ok | {"url": self.base.replace("http", "ws") + "/ws"}, {}
            case "chat.postMessage":
                if self.rate_limit > 0:
                    self.rate_limit -= 1
                    return 429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "1"}
                blocks = p.get("blocks") or []
                if self.refuse_images and any("accessory" in b for b in blocks):
                    return 200, {"ok": False, "error": "invalid_blocks",
                                 "errors": ["downloading image failed [json-pointer:/blocks/1/accessory]"]}, {}
                channel = str(p["channel"])
                ts = f"{1_700_000_000 + len(self.posted())}.000100"
                message = {"type": "message", "ts": ts, "bot_id": "BBOT", "text": p.get("text"), "blocks": blocks,
                           "metadata": p.get("metadata")}
                self.history.setdefault(channel, []).insert(0, message)
                return 200, ok | {"channel": channel, "ts": ts, "message": message}, {}
            case "conversations.history":
                keep = str(p.get("include_all_metadata")).lower() in ("true", "1")
                msgs = [m if keep else {k: v for k, v in m.items() if k != "metadata"}
                        for m in self.history.get(str(p["channel"]), [])]
                return 200, ok | {"messages": msgs[: int(p.get("limit", 100))], "has_more": False}, {}
            case "users.info":
                user = self.users.get(str(p["user"]), {"id": p["user"], "is_admin": False, "is_owner": False})
                return 200, ok | {"user": user}, {}
            case "usergroups.list":
                return 200, ok | {"usergroups": self.groups}, {}
            case "usergroups.users.list":
                return 200, ok | {"users": self.members.get(str(p["usergroup"]), [])}, {}
        return 200, {"ok": False, "error": "unknown_method"}, {}

    async def respond(self, request: web.Request) -> web.Response:
        self.responses.append(await request.json())
        self._note()
        return web.Response(text="ok")

    async def websocket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        self.socket = ws
        await ws.send_json({"type": "hello", "num_connections": 1, "debug_info": {"host": "standin"}})
        self._note()
        async for msg in ws:
            if msg.type == aiohttp.WSMsgType.TEXT:
                self.acks.append(json.loads(msg.data))
                self._note()
        return ws


def slack_settings(make_config: Callable[..., Path], mode: str = "http") -> Settings:
    """The shared test config with #news on Slack channel C0NEWS and Slack enabled."""
    path = make_config(extra=SLACK_CONFIG.format(mode=mode))
    text = path.read_text(encoding="utf-8").replace('name = "news"', f'name = "news"\nslack = "{NEWS_CHANNEL}"', 1)
    path.write_text(text, encoding="utf-8")
    env = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_APP_TOKEN": APP_TOKEN, "SLACK_SIGNING_SECRET": SECRET}
    return load_settings(path, env=env)


@dataclass
class Running:
    """A started SlackPlatform, its services and the digests its /digest asked to post."""

    platform: SlackPlatform
    services: Services
    posted: list[Digest]

    @property
    def events_url(self) -> str:
        return f"http://127.0.0.1:{self.platform.port}/slack/events"


def signed(body: str, *, secret: str = SECRET, timestamp: int | None = None) -> dict[str, str]:
    """Headers for a request signed the way Slack signs them (v0, HMAC-SHA256 of "v0:ts:body")."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}",
            "Content-Type": "application/x-www-form-urlencoded"}


def command_body(command: str, text: str, response_url: str, *, user: str = "U1",
                 channel: str = NEWS_CHANNEL) -> dict[str, str]:
    return {"token": "legacy", "team_id": "T1", "team_domain": "test", "channel_id": channel,
            "channel_name": "news", "user_id": user, "user_name": "someone", "command": command, "text": text,
            "api_app_id": "A1", "response_url": response_url, "trigger_id": "1.2.3"}


async def slash(running: Running, standin: SlackStandIn, command: str, text: str = "", *,
                headers: dict[str, str] | None = None, **fields: str) -> tuple[int, str]:
    """POST a signed slash command to the app; return its HTTP status and body."""
    body = urlencode(command_body(command, text, standin.response_url(), **fields))
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5)) as http, \
            http.post(running.events_url, data=body, headers=headers or signed(body)) as answer:
        return answer.status, await answer.text()
