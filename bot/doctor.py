"""`newsbot doctor`: check the config, reach every feed, and check the chat credentials, printing no secret."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from bot.feeds.http import Fetcher, FetchError, make_client
from bot.feeds.parse import FeedParseError, parse_feed
from bot.feeds.poller import is_local
from bot.settings import Settings

DISCORD_API = "https://discord.com/api/v10/"
SLACK_API = "https://slack.com/api/"


@dataclass(frozen=True, slots=True)
class Check:
    """One line of the doctor's report."""

    ok: bool
    what: str
    detail: str


async def check_feeds(settings: Settings, fetcher: Fetcher) -> list[Check]:
    """Fetch and parse every configured feed once (no conditional GET, nothing stored)."""

    async def one(name: str, url: str) -> Check:
        try:
            result = await fetcher.fetch(url, allow_files=is_local(url))
            if result.body is None:
                return Check(True, f"feed {name}", "reachable (not modified)")
            parsed = parse_feed(result.body, base_url=result.url, content_type=result.content_type)
        except (FetchError, FeedParseError) as exc:
            return Check(False, f"feed {name}", exc.reason)
        return Check(True, f"feed {name}", f"{len(parsed.entries)} entries")

    feeds = settings.feed_objects()
    return list(await asyncio.gather(*(one(f.name, f.url) for f in feeds)))


async def _call(client: httpx.AsyncClient, method: str, url: str, headers: dict[str, str]) -> httpx.Response | str:
    try:
        return await client.request(method, url, headers=headers)
    except httpx.HTTPError as exc:
        return f"cannot reach {httpx.URL(url).host} ({type(exc).__name__})"


async def check_discord(settings: Settings, client: httpx.AsyncClient, api: str = DISCORD_API) -> Check:
    """Log in to Discord's REST API with DISCORD_TOKEN and name the bot user."""
    token = settings.secret("DISCORD_TOKEN")
    if not token:
        return Check(False, "discord", "DISCORD_TOKEN is not set")
    answer = await _call(client, "GET", api + "users/@me", {"Authorization": f"Bot {token}"})
    if isinstance(answer, str):
        return Check(False, "discord", answer)
    if answer.status_code == 401:
        return Check(False, "discord", "DISCORD_TOKEN was refused (401): reset it in the developer portal")
    if answer.status_code != 200:
        return Check(False, "discord", f"unexpected answer HTTP {answer.status_code}")
    return Check(True, "discord", f"logged in as {answer.json().get('username', '?')}")


async def check_slack(settings: Settings, client: httpx.AsyncClient, api: str = SLACK_API) -> Check:
    """Call Slack's auth.test with SLACK_BOT_TOKEN; check the token the chosen mode needs is set."""
    token = settings.secret("SLACK_BOT_TOKEN")
    if not token:
        return Check(False, "slack", "SLACK_BOT_TOKEN is not set")
    needed = "SLACK_APP_TOKEN" if settings.slack.mode == "socket" else "SLACK_SIGNING_SECRET"
    if not settings.secret(needed):
        return Check(False, "slack", f"{needed} is not set ({settings.slack.mode} mode needs it)")
    answer = await _call(client, "POST", api + "auth.test", {"Authorization": f"Bearer {token}"})
    if isinstance(answer, str):
        return Check(False, "slack", answer)
    body = answer.json() if answer.status_code == 200 else {}
    if not body.get("ok"):
        return Check(False, "slack", f"auth.test failed: {body.get('error', f'HTTP {answer.status_code}')}")
    return Check(True, "slack", f"logged in as {body.get('user', '?')} in {body.get('team', '?')}")


async def run_doctor(
    settings: Settings, out: Callable[[str], None], *, discord_api: str = DISCORD_API, slack_api: str = SLACK_API,
) -> bool:
    """Print one line per check; return True when all passed."""
    checks = [Check(True, "config", f"{settings.config_path}: {len(settings.feeds)} feeds, "
                                    f"{len(settings.channels)} channels")]
    poll = settings.poll
    async with make_client(connect_timeout=poll.connect_timeout, read_timeout=poll.read_timeout,
                           user_agent=poll.user_agent) as client:
        fetcher = Fetcher(client, max_bytes=poll.max_bytes, per_host=poll.per_host, total=poll.concurrency,
                          deadline=poll.deadline, base_dir=settings.base_dir)
        checks += await check_feeds(settings, fetcher)
        if settings.discord.enabled:
            checks.append(await check_discord(settings, client, discord_api))
        if settings.slack.enabled:
            checks.append(await check_slack(settings, client, slack_api))
    for check in checks:
        out(f"{'ok ' if check.ok else 'FAIL'} {check.what}: {check.detail}")
    return all(c.ok for c in checks)
