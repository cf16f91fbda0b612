"""Config loading: defaults, overrides, secrets from the environment, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import BUNDLED_CONFIG, ConfigError, load_settings

GOOD = """
[poll]
interval_minutes = 5
[[channels]]
name = "news"
schedule = "30 7 * * 1-5"
timezone = "Europe/Berlin"
[[feeds]]
name = "Local"
url = "feeds/local.xml"
channels = ["news"]
[[feeds]]
name = "Remote"
url = "https://news.example.org/rss"
channels = ["news"]
language = "de"
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "bot.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_default_config_loads() -> None:
    settings = load_settings(BUNDLED_CONFIG, env={})
    assert len(settings.feeds) >= 3
    assert all(f.url.startswith("file://") for f in settings.feed_objects())
    assert all(Path(f.url.removeprefix("file://")).is_file() for f in settings.feed_objects())


def test_values_paths_and_environment(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD)
    settings = load_settings(path, env={"DISCORD_TOKEN": "secret-token", "NEWSBOT_DB": "/tmp/x.sqlite3"})
    assert settings.poll.interval_minutes == 5 and settings.digest.key_points == 4
    local, remote = settings.feed_objects()
    assert local.url == (tmp_path / "feeds" / "local.xml").as_uri()
    assert remote.url == "https://news.example.org/rss" and remote.language == "de"
    assert settings.store.path == "/tmp/x.sqlite3"
    assert settings.secret("DISCORD_TOKEN") == "secret-token"
    assert "secret-token" not in repr(settings) and "secret-token" not in settings.model_dump_json()
    assert load_settings(path, db="other.sqlite3", env={"NEWSBOT_DB": "x"}).store.path == "other.sqlite3"


def test_config_from_environment_variable(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD)
    assert load_settings(env={"NEWSBOT_CONFIG": str(path)}).config_path == path.resolve()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[poll]\ninterval_minutes = 0\n", "poll.interval_minutes: Input should be greater than 0"),
        ("[pol]\nx = 1\n", "pol: unknown key"),
        ('[[channels]]\nname = "a"\nschedule = "every day"\n', "channels[0].schedule: 'every day' is not a cron"),
        ('[[channels]]\nname = "a"\ntimezone = "Moon/Base"\n', "channels[0].timezone: unknown time zone"),
        ('[[channels]]\nname = "a"\n[[feeds]]\nname = "x"\nurl = "gopher://x"\nchannels = ["a"]\n',
         "feeds[0].url: 'gopher://x': only http(s) URLs and local files"),
        ('[[feeds]]\nname = "x"\nurl = "x.xml"\nchannels = ["nope"]\n', "feeds[0].channels: unknown channel 'nope'"),
        ('[[channels]]\nname = "a"\n[[feeds]]\nname = "x"\nurl = "x.xml"\n', "feeds[0].channels: Field required"),
        ("x = [", "not valid TOML"),
    ],
)
def test_wrong_config_names_file_key_and_problem(tmp_path: Path, text: str, expected: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError) as err:
        load_settings(path, env={})
    assert str(err.value).startswith(f"{path}: ")
    assert expected in str(err.value)


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such config file"):
        load_settings(tmp_path / "absent.toml", env={})


def test_example_config_documents_every_section() -> None:
    example = (BUNDLED_CONFIG.parent / "newsbot.example.toml").read_text(encoding="utf-8")
    for key in ("[store]", "[poll]", "[digest]", "[[channels]]", "[[feeds]]", "[discord]", "[slack]",
                "first_poll_entries", "pause_after_failures", "max_bytes", "schedule", "timezone"):
        assert key in example
