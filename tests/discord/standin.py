"""A local stand-in for Discord: enough of the REST API and the gateway for the unmodified discord.py client.

It binds 127.0.0.1 only. REST lives under /api/v10, the gateway at /gateway. It speaks JSON, zlib-stream
compression when asked, heartbeats, READY and GUILD_CREATE, dispatches interactions on request, and
records what the bot sends: channel messages (deduplicated by nonce with `enforce_nonce`, as Discord
does), interaction callbacks, webhook follow-ups and command syncs. Faults can be queued per route.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import time
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

TOKEN = "standin-bot-token"
APP_ID = 111111111111111111
BOT_ID = 111111111111111112
GUILD_ID = 222222222222222221
NEWS_CHANNEL = 333333333333333331
QUIET_CHANNEL = 333333333333333332
EDITORS_ROLE = 444444444444444441
READER_ID = 555555555555555551

MANAGE_GUILD = 1 << 5
READ_PERMS = (1 << 10) | (1 << 11) | (1 << 14)  # view channel, send messages, embed links
STAMP = "2026-03-02T08:00:00+00:00"


@dataclass
class Fault:
    """A reply to give instead of the real one; `after` applies the request first (a reply lost on the way)."""

    method: str
    path: str  # a regular expression matched against the path after /api/v10
    status: int
    body: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    after: bool = False
    times: int = 1


@dataclass
class Call:
    method: str
    path: str
    query: dict[str, str]
    body: Any
    at: float


def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    # discord.py parses JSON only when the content type is exactly application/json (no charset).
    return web.Response(body=json.dumps(data).encode(), status=status,
                        headers={"Content-Type": "application/json", **(headers or {})})


def rate_limited(retry_after: float) -> Fault:
    """A 429 as Discord sends it (the Via header tells discord.py it is not a Cloudflare ban)."""
    return Fault("POST", r"^/channels/\d+/messages$", 429,
                 {"message": "You are being rate limited.", "retry_after": retry_after, "global": False},
                 {"Via": "1.1 google", "X-RateLimit-Scope": "user"})


class DiscordStandIn:
    """A small Discord on 127.0.0.1 for tests."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.messages: dict[int, list[dict[str, Any]]] = defaultdict(list)
        self.callbacks: list[dict[str, Any]] = []
        self.followups: list[dict[str, Any]] = []
        self.commands: dict[str, list[dict[str, Any]]] = {}
        self.faults: list[Fault] = []
        self.message_delay = 0.0  # seconds to hold a created message's reply (widens the send/mark window)
        self.identify: dict[str, Any] | None = None
        self.heartbeats = 0
        self._ids = itertools.count(900000000000000001)
        self._seq = 0
        self._ws: web.WebSocketResponse | None = None
        self._zlib: Any = None
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.port = 0

    # lifecycle

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", "/api/v10/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    # waiting

    async def _note(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def wait_for(self, check: Callable[[], Any], timeout: float = 5.0) -> Any:
        """Wait until `check()` returns something truthy; return it."""
        async with asyncio.timeout(timeout), self._changed:
            while not (found := check()):
                await self._changed.wait()
            return found

    def callback_for(self, interaction_id: int) -> list[dict[str, Any]]:
        return [c for c in self.callbacks if c["interaction_id"] == interaction_id]

    def followups_for(self, token: str) -> list[dict[str, Any]]:
        return [f for f in self.followups if f["token"] == token]

    # the gateway

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._zlib = zlib.compressobj() if request.query.get("compress") == "zlib-stream" else None
        self._ws = ws
        await self._send({"op": 10, "d": {"heartbeat_interval": 41250}})
        async for msg in ws:
            if msg.type != WSMsgType.TEXT:
                break
            payload = json.loads(msg.data)
            if payload["op"] == 1:
                self.heartbeats += 1
                await self._send({"op": 11})
            elif payload["op"] == 2:
                self.identify = payload["d"]
                if payload["d"]["token"] != TOKEN:
                    await ws.close(code=4004, message=b"Authentication failed.")
                    break
                await self._ready()
            await self._note()
        self._ws = None
        return ws

    async def _send(self, payload: dict[str, Any]) -> None:
        assert self._ws is not None
        text = json.dumps(payload)
        if self._zlib is None:
            await self._ws.send_str(text)
        else:
            # zlib-stream: one shared deflate context, each message ending in a sync flush.
            data = self._zlib.compress(text.encode()) + self._zlib.flush(zlib.Z_SYNC_FLUSH)
            await self._ws.send_bytes(data)

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        self._seq += 1
        await self._send({"op": 0, "t": event, "s": self._seq, "d": data})

    async def _ready(self) -> None:
        await self.dispatch("READY", {
            "v": 10, "user": self.bot_user(), "session_id": "standin-session", "resume_gateway_url": self.gateway_url,
            "guilds": [{"id": str(GUILD_ID), "unavailable": True}],
            "application": {"id": str(APP_ID), "flags": 0}, "shard": [0, 1],
        })
        await self.dispatch("GUILD_CREATE", self.guild())

    # interactions

    async def interact(self, name: str, options: Iterable[dict[str, Any]] = (), *, permissions: int = READ_PERMS,
                       roles: Iterable[int] = (), channel_id: int = NEWS_CHANNEL, kind: int = 2) -> tuple[int, str]:
        """Dispatch an INTERACTION_CREATE for a slash command (kind 2) or an autocomplete (kind 4)."""
        interaction_id = next(self._ids)
        token = f"interaction-token-{interaction_id}"
        await self.dispatch("INTERACTION_CREATE", {
            "id": str(interaction_id), "application_id": str(APP_ID), "type": kind, "token": token, "version": 1,
            "guild_id": str(GUILD_ID), "channel_id": str(channel_id),
            "channel": self.channel(channel_id, "news" if channel_id == NEWS_CHANNEL else "quiet"),
            "member": {"user": self.user(READER_ID, "reader"), "roles": [str(r) for r in roles],
                       "permissions": str(permissions), "joined_at": STAMP, "deaf": False, "mute": False, "flags": 0},
            "data": {"id": str(next(self._ids)), "name": name, "type": 1, "guild_id": str(GUILD_ID),
                     "options": list(options)},
            "app_permissions": str(READ_PERMS), "locale": "en-US", "guild_locale": "en-US", "entitlements": [],
            "authorizing_integration_owners": {"0": str(GUILD_ID)}, "context": 0,
            "attachment_size_limit": 8 * 1024 * 1024,
        })
        return interaction_id, token

    # REST

    async def _rest(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["tail"]
        body = await request.json() if request.body_exists and request.content_type == "application/json" else None
        self.calls.append(Call(request.method, path, dict(request.query), body, time.monotonic()))
        fault = next((f for f in self.faults if f.method == request.method and re.search(f.path, path)), None)
        if fault is not None:
            fault.times -= 1
            if fault.times <= 0:
                self.faults.remove(fault)
        if fault is not None and not fault.after:
            await self._note()
            return _json(fault.body, fault.status, fault.headers)
        public = path.startswith(("/interactions/", "/webhooks/"))
        if not public and request.headers.get("Authorization") != f"Bot {TOKEN}":
            return _json({"message": "401: Unauthorized", "code": 0}, 401)
        response = self._route(request.method, path, dict(request.query), body)
        await self._note()
        if self.message_delay and request.method == "POST" and path.endswith("/messages"):
            await asyncio.sleep(self.message_delay)
        if fault is not None:
            return _json(fault.body, fault.status, fault.headers)
        return response

    def _route(self, method: str, path: str, query: dict[str, str], body: Any) -> web.Response:
        if method == "GET" and path == "/users/@me":
            return _json(self.bot_user())
        if method == "GET" and path == "/oauth2/applications/@me":
            return _json(self.application())
        if method == "GET" and path in ("/gateway", "/gateway/bot"):
            return _json({"url": self.gateway_url, "shards": 1,
                          "session_start_limit": {"total": 1000, "remaining": 999, "reset_after": 0,
                                                  "max_concurrency": 1}})
        if method == "PUT" and (m := re.fullmatch(r"/applications/(\d+)(?:/guilds/(\d+))?/commands", path)):
            where = f"guild:{m.group(2)}" if m.group(2) else "global"
            self.commands[where] = [
                {**c, "id": str(next(self._ids)), "application_id": str(APP_ID), "version": "1",
                 "type": c.get("type", 1), **({"guild_id": m.group(2)} if m.group(2) else {})} for c in body
            ]
            return _json(self.commands[where])
        if method == "POST" and (m := re.fullmatch(r"/channels/(\d+)/messages", path)):
            return _json(self._create_message(int(m.group(1)), body))
        if method == "POST" and (m := re.fullmatch(r"/interactions/(\d+)/([^/]+)/callback", path)):
            return self._callback(int(m.group(1)), m.group(2), body)
        if method == "POST" and (m := re.fullmatch(r"/webhooks/(\d+)/([^/]+)", path)):
            message = self._message(int(APP_ID), body, webhook=True)
            self.followups.append({"token": m.group(2), "body": body, "message": message})
            return _json(message) if query.get("wait") == "1" else web.Response(status=204)
        if method == "PATCH" and (m := re.fullmatch(r"/webhooks/(\d+)/([^/]+)/messages/@original", path)):
            self.followups.append({"token": m.group(2), "body": body, "edit": True})
            return _json(self._message(int(APP_ID), body, webhook=True))
        return _json({"message": "404: Not Found", "code": 0}, 404)

    def _create_message(self, channel_id: int, body: dict[str, Any]) -> dict[str, Any]:
        nonce = body.get("nonce")
        if nonce is not None and body.get("enforce_nonce"):
            for existing in self.messages[channel_id]:
                if existing.get("nonce") == nonce:
                    return existing  # what Discord does: the same message again, not a second one
        message = self._message(channel_id, body)
        self.messages[channel_id].append(message)
        return message

    def _callback(self, interaction_id: int, token: str, body: dict[str, Any]) -> web.Response:
        if self.callback_for(interaction_id):
            return _json({"message": "Interaction has already been acknowledged.", "code": 40060}, 400)
        self.callbacks.append({"interaction_id": interaction_id, "token": token, "body": body, "at": time.monotonic()})
        flags = (body.get("data") or {}).get("flags", 0)
        return _json({"interaction": {"id": str(interaction_id), "type": 2,
                                      "response_message_loading": body.get("type") == 5,
                                      "response_message_ephemeral": bool(flags & 64)}})

    def _message(self, channel_id: int, body: dict[str, Any] | None, *, webhook: bool = False) -> dict[str, Any]:
        body = body or {}
        return {
            "id": str(next(self._ids)), "channel_id": str(channel_id), "type": 0, "content": body.get("content") or "",
            "embeds": body.get("embeds", []), "nonce": body.get("nonce"), "author": self.bot_user(),
            "attachments": [], "mentions": [], "mention_roles": [], "mention_everyone": False, "pinned": False,
            "tts": False, "timestamp": STAMP, "edited_timestamp": None, "flags": body.get("flags", 0),
            "components": [], **({"webhook_id": str(APP_ID)} if webhook else {}),
        }

    # data

    def user(self, user_id: int, name: str, *, bot: bool = False) -> dict[str, Any]:
        return {"id": str(user_id), "username": name, "discriminator": "0", "global_name": name, "avatar": None,
                "bot": bot, "public_flags": 0}

    def bot_user(self) -> dict[str, Any]:
        return {**self.user(BOT_ID, "newsbot", bot=True), "verified": True, "mfa_enabled": False, "flags": 0}

    def application(self) -> dict[str, Any]:
        return {"id": str(APP_ID), "name": "newsbot", "description": "", "icon": None, "bot_public": False,
                "bot_require_code_grant": False, "owner": self.user(READER_ID, "owner"), "team": None,
                "verify_key": "00", "flags": 0, "summary": "", "rpc_origins": []}

    def channel(self, channel_id: int, name: str) -> dict[str, Any]:
        return {"id": str(channel_id), "type": 0, "guild_id": str(GUILD_ID), "name": name, "position": 0,
                "permission_overwrites": [], "nsfw": False, "parent_id": None, "topic": None}

    def guild(self) -> dict[str, Any]:
        everyone = {"id": str(GUILD_ID), "name": "@everyone", "permissions": str(READ_PERMS), "position": 0,
                    "color": 0, "hoist": False, "managed": False, "mentionable": False, "flags": 0}
        editors = {**everyone, "id": str(EDITORS_ROLE), "name": "Editors", "position": 1}
        return {
            "id": str(GUILD_ID), "name": "Stand-in Guild", "icon": None, "owner_id": str(READER_ID),
            "roles": [everyone, editors], "emojis": [], "stickers": [], "features": [], "member_count": 2,
            "large": False, "unavailable": False, "joined_at": STAMP, "verification_level": 0,
            "default_message_notifications": 0, "explicit_content_filter": 0, "mfa_level": 0, "premium_tier": 0,
            "system_channel_flags": 0, "preferred_locale": "en-US", "nsfw_level": 0,
            "channels": [self.channel(NEWS_CHANNEL, "news"), self.channel(QUIET_CHANNEL, "quiet")],
            "threads": [], "members": [], "voice_states": [], "presences": [], "stage_instances": [],
            "guild_scheduled_events": [], "soundboard_sounds": [],
        }
