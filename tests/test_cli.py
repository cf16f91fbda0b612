"""The newsbot command, run in-process as a user would type it."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from bot import settings
from bot.cli import main
from bot.settings import BUNDLED_CONFIG

DATA = Path(__file__).parent / "data"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_digest_then_nothing_new(make_config: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    config = str(make_config())
    code, out, _ = run(capsys, "digest", "--config", config)
    assert code == 0
    assert "#news" in out and "Bridge repairs to finish by May" in out and "Cold snap" in out
    assert out.count("•") >= 4 and "Scroll to Top" not in out and "Leave a Comment" not in out
    code, out, _ = run(capsys, "digest", "--config", config)
    assert code == 0 and out.startswith("Nothing new")


def test_bundled_sample_config_runs_offline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "digest", "--config", str(BUNDLED_CONFIG), "--db", str(tmp_path / "s.sqlite3"))
    assert code == 0
    assert out.count("\n1. ") >= 2  # at least two channels got a digest
    assert out.count("•") >= 12 * 3
    assert "! feed" not in out  # every sample feed parsed
    for boilerplate in ("Leave a Comment", "Scroll to Top", "email address will not be published"):
        assert boilerplate not in out


def test_summarize_json_contract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "story.txt"
    text.write_text((DATA / "story.txt").read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = run(capsys, "summarize", str(text), str(DATA / "bridge.html"), "--points", "2", "--json")
    assert code == 0
    first, second = (json.loads(line) for line in out.splitlines())
    assert first["file"] == str(text) and first["title"] == "Council approves night buses for the east side"
    assert len(first["key_points"]) == 2 and all(isinstance(p, str) and p for p in first["key_points"])
    assert second["title"].startswith("Bridge repairs") and len(second["key_points"]) == 2


def test_summarize_reads_a_page_in_the_language_it_declares(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.nlp.keypoints import KeyPointer

    asked: list[str | None] = []
    years: list[int | None] = []
    real = KeyPointer.key_points

    def spy(
        self: KeyPointer, text: str, n: int = 4, *, title: str | None = None, language: str | None = None,
        year: int | None = None,
    ) -> list[str]:
        asked.append(language)
        years.append(year)
        return real(self, text, n, title=title, language=language, year=year)

    monkeypatch.setattr(KeyPointer, "key_points", spy)
    page = tmp_path / "piscine.html"
    body = "<p>La mairie a fermé la piscine jeudi après la découverte de fissures dans le bassin principal.</p>" * 3
    dated = '<meta property="article:published_time" content="2026-11-20T08:00:00Z">'
    page.write_text(f'<html lang="fr"><head><title>Piscine fermée</title>{dated}</head><body>{body}</body></html>')
    assert run(capsys, "summarize", str(page), "--points", "1")[0] == 0
    assert run(capsys, "summarize", str(page), "--points", "1", "--language", "de")[0] == 0
    assert asked == ["fr", "de"]  # the page's own language, unless the user names one
    assert years == [2026, 2026]  # and the year it was published, which tells history from news


def test_quotes_json_offsets_slice_the_text(capsys: pytest.CaptureFixture[str]) -> None:
    path = DATA / "story.txt"
    raw = path.read_text(encoding="utf-8")
    code, out, _ = run(capsys, "quotes", str(path), "--json")
    assert code == 0
    result = json.loads(out)
    assert result["file"] == str(path) and result["quotes"]
    for q in result["quotes"]:
        start, end = q["content_span"]
        assert raw[start:end] == q["content"]
        assert q["kind"] in ("direct", "indirect", "mixed")
        if q["source_span"] is not None:
            assert raw[q["source_span"][0]:q["source_span"][1]] == q["source_text"]
    assert "Priya Natarajan" in {q["speaker"] for q in result["quotes"]}


def test_missing_input_is_reported_and_other_inputs_still_done(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "summarize", "/nonexistent/a.txt", str(DATA / "story.txt"), "--json")
    assert code == 1 and "/nonexistent/a.txt" in err
    assert [json.loads(line)["key_points"] != [] for line in out.splitlines()] == [False, True]


def test_config_error_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[digest]\nkey_points = 99\n")
    code, _, err = run(capsys, "digest", "--config", str(bad))
    assert code == 2
    assert err.strip().count("\n") == 0 and "digest.key_points" in err and "Traceback" not in err


def test_summarize_and_quotes_need_no_config_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # an installed package has no config/newsbot.toml beside it, and the current directory may have none
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSBOT_CONFIG", raising=False)
    monkeypatch.setattr(settings, "BUNDLED_CONFIG", tmp_path / "missing" / "newsbot.toml")
    assert run(capsys, "summarize", str(DATA / "story.txt"), "--points", "1")[0] == 0
    assert run(capsys, "quotes", str(DATA / "story.txt"))[0] == 0
    # ... but the feeds do, and so does a file asked for
    code, _, err = run(capsys, "digest")
    assert code == 2 and "no such config file" in err
    code, _, err = run(capsys, "summarize", str(DATA / "story.txt"), "--config", str(tmp_path / "gone.toml"))
    assert code == 2 and "gone.toml" in err


def test_ask_after_digest(make_config: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    config = str(make_config())
    run(capsys, "digest", "--config", config)
    code, out, _ = run(capsys, "ask", "--config", config, "/summary 1")
    assert code == 0 and out.startswith("1. Cold snap")
    code, out, _ = run(capsys, "ask", "--config", config, '/who-said "safe bridge"')
    assert code == 0 and "Lena Vogt" in out and "“We promised" in out
    code, out, _ = run(capsys, "ask", "--config", config, "/digest")
    assert "Only admins" in out


def test_feeds_opml_round_trip(make_config: Callable[..., Path], tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    config = str(make_config())
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head/><body><outline text="Tech">'
        '<outline text="Gadget Weekly" xmlUrl="https://gadgets.example/rss"/></outline>'
        '<outline text="Lake News" xmlUrl="https://lake.example/feed.atom"/></body></opml>')
    code, out, _ = run(capsys, "feeds", "import", str(opml), "--channel", "news", "--config", config)
    assert code == 0 and "imported 2 feeds" in out
    code, out, _ = run(capsys, "feeds", "export", "--config", config)
    assert 'xmlUrl="https://gadgets.example/rss"' in out and 'text="Riverside Courier"' in out
    code, out, _ = run(capsys, "feeds", "remove", "Gadget Weekly", "--config", config)
    assert code == 0
    code, out, _ = run(capsys, "feeds", "list", "--config", config)
    assert "Lake News" in out and "Gadget Weekly" not in out and "not polled yet" in out


def test_health_without_a_running_bot(make_config: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "health", "--config", str(make_config()))
    assert code == 1 and "no heartbeat" in out


def test_a_paused_feed_is_announced_once(make_config: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    config = make_config(extra='[[feeds]]\nname = "Gone"\nurl = "missing.xml"\nchannels = ["news"]\n')
    text = config.read_text().replace("first_poll_entries = 10", "first_poll_entries = 10\npause_after_failures = 1")
    config.write_text(text)
    code, out, _ = run(capsys, "digest", "--config", str(config))
    assert code == 0 and "! feed 'Gone' failed: no such file" in out
    assert out.count("! The feed 'Gone' is paused after 1 failed polls") == 1
    code, out, _ = run(capsys, "digest", "--config", str(config))
    assert code == 0 and "is paused" not in out


def test_a_reader_that_stops_early_ends_the_command_quietly(tmp_path: Path) -> None:
    # "newsbot summarize … | head -1": the pipe closes before the points are written
    files = [str(DATA / "story.txt")] * 40
    proc = subprocess.Popen([sys.executable, "-m", "bot", "summarize", *files], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=tmp_path)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before the first line
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 141
    assert "Traceback" not in err and "BrokenPipeError" not in err
