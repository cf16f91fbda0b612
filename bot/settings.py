"""The one typed settings object: defaults here, feeds and schedules from a TOML file, secrets from the environment.

The file is `--config PATH`, else `$NEWSBOT_CONFIG`, else `config/newsbot.toml` in the current directory,
else the one beside the source tree; a command that reads no feeds runs on the defaults when neither default
file exists (an installed package has no source tree beside it). Relative feed
paths are resolved against the config file's folder; the store path against the current directory, and
`--db` / `$NEWSBOT_DB` override it. Tokens are never read from the file.
"""

from __future__ import annotations

import os
import re
import tomllib
from datetime import UTC
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from apscheduler.triggers.cron import CronTrigger
from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator, model_validator

from bot.models import Feed

BUNDLED_CONFIG = Path(__file__).resolve().parent.parent / "config" / "newsbot.toml"
SECRET_ENV = ("DISCORD_TOKEN", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET")


class ConfigError(Exception):
    """A config file that cannot be used; the message names the file, the key and what is wrong."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StoreSettings(_Section):
    path: str = "newsbot.sqlite3"


class PollSettings(_Section):
    interval_minutes: Annotated[float, Field(gt=0)] = 15
    first_poll_entries: Annotated[int, Field(ge=0)] = 3
    concurrency: Annotated[int, Field(ge=1, le=1000)] = 50
    per_host: Annotated[int, Field(ge=1, le=100)] = 4
    connect_timeout: Annotated[float, Field(gt=0)] = 10
    read_timeout: Annotated[float, Field(gt=0)] = 20
    deadline: Annotated[float, Field(gt=0)] = 60
    max_bytes: Annotated[int, Field(ge=1024)] = 5_000_000
    backoff_minutes: Annotated[float, Field(gt=0)] = 5
    backoff_max_hours: Annotated[float, Field(gt=0)] = 12
    pause_after_failures: Annotated[int, Field(ge=1)] = 10
    user_agent: str = "newsbot/0.1 (+https://github.com/newsbot/newsbot)"
    allowed_hosts: tuple[str, ...] = ()


class DigestSettings(_Section):
    key_points: Annotated[int, Field(ge=1, le=10)] = 4
    max_items: Annotated[int, Field(ge=1, le=50)] = 10
    workers: Annotated[int, Field(ge=1, le=16)] = 2


class ChannelSettings(_Section):
    name: Annotated[str, Field(min_length=1)]
    schedule: str = "0 8 * * *"
    timezone: str = "UTC"
    discord: int | None = None
    slack: str | None = None

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r} (use a name like 'Europe/Berlin' or 'UTC')") from None
        return value

    @field_validator("schedule")
    @classmethod
    def _cron(cls, value: str) -> str:
        try:
            CronTrigger.from_crontab(value, timezone=UTC)
        except ValueError as exc:
            raise ValueError(f"{value!r} is not a cron expression ({exc})") from None
        return value

    def trigger(self) -> CronTrigger:
        """The APScheduler trigger for this channel's digest."""
        return CronTrigger.from_crontab(self.schedule, timezone=ZoneInfo(self.timezone))


class FeedSettings(_Section):
    name: Annotated[str, Field(min_length=1, max_length=100)]
    url: Annotated[str, Field(min_length=1)]
    channels: Annotated[tuple[str, ...], Field(min_length=1)]
    language: str | None = None

    @field_validator("url")
    @classmethod
    def _scheme(cls, value: str) -> str:
        scheme = urlsplit(value).scheme.lower()
        if scheme not in ("", "http", "https", "file") and not re.match(r"^[a-zA-Z]:[\\/]", value):
            raise ValueError(f"{value!r}: only http(s) URLs and local files are feeds")
        return value


class DiscordSettings(_Section):
    enabled: bool = False
    dev_guild: int | None = None
    manager_role: str | None = None


class SlackSettings(_Section):
    enabled: bool = False
    mode: Literal["socket", "http"] = "socket"
    port: Annotated[int, Field(ge=1, le=65535)] = 3000
    admin_group: str | None = None


class Settings(_Section):
    """Everything newsbot is told: the file's sections, the resolved paths and the secrets."""

    store: StoreSettings = StoreSettings()
    poll: PollSettings = PollSettings()
    digest: DigestSettings = DigestSettings()
    channels: tuple[ChannelSettings, ...] = ()
    feeds: tuple[FeedSettings, ...] = ()
    discord: DiscordSettings = DiscordSettings()
    slack: SlackSettings = SlackSettings()
    config_path: Path | None = None
    secrets: dict[str, SecretStr] = Field(default_factory=dict, exclude=True)

    @model_validator(mode="after")
    def _references(self) -> Settings:
        names = [c.name for c in self.channels]
        dup = {n for n in names if names.count(n) > 1}
        if dup:
            raise ValueError(f"channels: {sorted(dup)[0]!r} is defined twice")
        feed_names = [f.name.casefold() for f in self.feeds]
        for i, feed in enumerate(self.feeds):
            if feed_names.count(feed.name.casefold()) > 1:
                raise ValueError(f"feeds[{i}].name: {feed.name!r} is used by two feeds")
            for ch in feed.channels:
                if ch not in names:
                    known = ", ".join(names) or "none defined"
                    raise ValueError(f"feeds[{i}].channels: unknown channel {ch!r} (channels: {known})")
        return self

    @property
    def base_dir(self) -> Path:
        """The folder relative feed paths are read from."""
        return self.config_path.parent if self.config_path else Path.cwd()

    def feed_objects(self) -> list[Feed]:
        """The configured feeds, their local paths made absolute `file://` URLs."""
        return [Feed(f.name, resolve_feed_url(f.url, self.base_dir), f.channels, f.language) for f in self.feeds]

    def channel(self, name: str) -> ChannelSettings | None:
        return next((c for c in self.channels if c.name == name), None)

    def secret(self, name: str) -> str | None:
        """A token from the environment, or None."""
        value = self.secrets.get(name)
        return value.get_secret_value() if value else None


def resolve_feed_url(url: str, base_dir: Path) -> str:
    """An http(s) URL as it is; a local path (relative to base_dir) or file:// URL as an absolute file:// URL."""
    if urlsplit(url).scheme.lower() in ("http", "https", "file"):
        return url
    return (base_dir / url).resolve().as_uri()


def default_config() -> Path:
    """config/newsbot.toml of the current directory, else of the source tree."""
    here = Path.cwd() / "config" / "newsbot.toml"
    return here if here.is_file() else BUNDLED_CONFIG


def _where(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def load_settings(
    config: str | Path | None = None, *, db: str | None = None, env: dict[str, str] | None = None,
    feeds_needed: bool = True,
) -> Settings:
    """Read the config file and the environment; raise ConfigError naming the file and key on any mistake.
    With feeds_needed False and no file asked for, a missing default file means the defaults."""
    env = dict(os.environ) if env is None else env
    asked = config or env.get("NEWSBOT_CONFIG")
    path = Path(asked or default_config()).expanduser()
    try:
        raw: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        if asked or feeds_needed:
            raise ConfigError(f"{path}: no such config file") from None
        raw = {}  # "newsbot summarize FILE" from an installed package: nothing to read from a config
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read it ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    store_path = db or env.get("NEWSBOT_DB")
    if store_path:
        raw.setdefault("store", {})
        if isinstance(raw["store"], dict):
            raw["store"]["path"] = store_path
    raw.pop("config_path", None)
    raw.pop("secrets", None)
    raw["config_path"] = path.resolve()
    raw["secrets"] = {k: SecretStr(env[k]) for k in SECRET_ENV if env.get(k)}
    try:
        return Settings.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = _where(err["loc"])
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown key (config/newsbot.example.toml lists every key)"
        more = f" (and {len(exc.errors()) - 1} more problem(s))" if len(exc.errors()) > 1 else ""
        raise ConfigError(f"{path}: {where + ': ' if where else ''}{msg}{more}") from None
