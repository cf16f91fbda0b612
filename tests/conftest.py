"""Fixtures shared across the suite: a config on local fixture feeds, and the services built from it."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from bot.app import Services, open_services
from bot.settings import Settings, load_settings

DATA = Path(__file__).parent / "data"

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Riverside Courier</title><link>https://courier.example/</link>
<item><title>Bridge repairs to finish by May, mayor says</title><link>pages/bridge.html</link>
<guid isPermaLink="false">courier-101</guid><pubDate>Mon, 02 Mar 2026 07:30:00 GMT</pubDate>
<description>The Old Mill Bridge reopens on 15 May.</description></item>
<item><title>Cold snap threatens apple harvest</title><link>pages/orchard.html</link>
<guid isPermaLink="false">courier-102</guid><pubDate>Tue, 03 Mar 2026 06:00:00 GMT</pubDate>
<description>Growers light fires against the frost.</description></item>
</channel></rss>
"""

CONFIG = """
[store]
path = "{db}"
[poll]
first_poll_entries = 10
[[channels]]
name = "news"
[[channels]]
name = "sport"
[[feeds]]
name = "Riverside Courier"
url = "feed.xml"
channels = ["news"]
"""


@pytest.fixture
def make_config(tmp_path: Path) -> Callable[..., Path]:
    """Write a config serving the fixture pages from a local feed; returns its path."""

    def make(feed: str = FEED, extra: str = "") -> Path:
        (tmp_path / "pages").mkdir(exist_ok=True)
        for page in DATA.glob("*.html"):
            shutil.copy(page, tmp_path / "pages" / page.name)
        (tmp_path / "feed.xml").write_text(feed, encoding="utf-8")
        path = tmp_path / "newsbot.toml"
        path.write_text(CONFIG.format(db=tmp_path / "newsbot.sqlite3") + extra, encoding="utf-8")
        return path

    return make


@pytest.fixture
def settings(make_config: Callable[..., Path]) -> Settings:
    return load_settings(make_config(), env={})


@pytest.fixture
async def services(settings: Settings) -> AsyncIterator[Services]:
    async with open_services(settings) as svc:
        yield svc
