"""The newsbot command: digest, summarize, quotes, ask, poll, run, feeds."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from collections.abc import Sequence
from typing import Any

from bot.settings import ConfigError, Settings, load_settings

log = logging.getLogger("newsbot")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", metavar="FILE",
                        help="config file (default: $NEWSBOT_CONFIG or config/newsbot.toml)")
    parser.add_argument("--db", metavar="FILE", help="SQLite store (default: $NEWSBOT_DB or the config's store.path)")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="log more (-vv for debug)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsbot", description="A news-digest bot: polls feeds, finds key points and quotes, posts digests.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("digest", help="poll every feed now and print each channel's digest",
                       description="Poll every feed, process new articles and print what is new per channel.")
    p.add_argument("--channel", action="append", help="only this channel (repeatable)")
    _common(p)

    p = sub.add_parser("poll", help="poll every feed once and store new entries (no article processing)",
                       description="Poll every configured feed once and store new entries, without fetching "
                                   "or summarizing articles. Prints a one-line report.")
    _common(p)

    p = sub.add_parser("summarize", help="key points of article files or URLs",
                       description="Print key points of articles: .txt files (first line is the title), "
                                   "HTML files, or http(s) URLs.")
    p.add_argument("inputs", nargs="+", metavar="FILE|URL")
    p.add_argument("--points", type=int, default=None, help="key points per article (default: the config's)")
    p.add_argument("--json", action="store_true",
                   help='one JSON object per input per line: {"file", "title", "key_points"}')
    p.add_argument("--language", help="ISO code (en, de, fr, es, ru); else the page's own, else detected")
    _common(p)

    p = sub.add_parser("quotes", help="quotes in article files or URLs, with their speakers",
                       description="Print the quotes of articles and who said them. Offsets are characters "
                                   "into the file's text as read (UTF-8), or into the extracted text of a page.")
    p.add_argument("inputs", nargs="+", metavar="FILE|URL")
    p.add_argument("--json", action="store_true", help='one JSON object per input per line: {"file", "quotes"}')
    _common(p)

    p = sub.add_parser("ask", help='run a chat command against the local store, e.g. "/summary 2"',
                       description='Run a chat command as a reader would type it: "/summary", "/summary 2", '
                                   '"/summary some words", \'/who-said "a phrase"\', "/feeds list".')
    p.add_argument("line", metavar='"/COMMAND ARGS"')
    p.add_argument("--channel", help="the channel the command is typed in (default: the first configured)")
    p.add_argument("--as-admin", action="store_true", help="allow commands that need the manage permission")
    _common(p)

    p = sub.add_parser("run", help="run the bot: poll on schedule and post digests to the enabled platforms",
                       description="The long-running bot. Polls every poll.interval_minutes and posts each "
                                   "channel's digest on its schedule to Discord, Slack or (with neither "
                                   "enabled) the terminal. Ctrl-C stops it.")
    _common(p)

    p = sub.add_parser("doctor", help="check the config, reach every feed, check the chat credentials",
                       description="Check the config, fetch and parse every configured feed once, and log in "
                                   "to each enabled chat platform. Prints no secret. Exit 1 when a check fails.")
    _common(p)

    p = sub.add_parser("discord", help="Discord tasks: sync the slash commands globally",
                       description="Discord tasks. `newsbot discord sync` registers the slash commands in every "
                                   "server (Discord may take up to an hour to show them); `newsbot run` only "
                                   "syncs them to the configured development guild.")
    dsub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    _common(dsub.add_parser("sync", help="register the slash commands globally"))

    p = sub.add_parser("health", help="exit 0 when a running bot's heartbeat is fresh (for health checks)",
                       description="Check the heartbeat file that `newsbot run` touches every minute.")
    p.add_argument("--max-age", type=float, default=300, help="seconds after which the bot counts as stuck")
    _common(p)

    p = sub.add_parser("feeds", help="list, add, remove, resume, import or export feeds",
                       description="Manage the feeds in the store (config feeds are re-read at every start).")
    fsub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    _common(fsub.add_parser("list", help="every feed with its health"))
    q = fsub.add_parser("add", help="add a feed")
    q.add_argument("url")
    q.add_argument("--name")
    q.add_argument("--channel", action="append", required=True, help="channel to post to (repeatable)")
    _common(q)
    q = fsub.add_parser("remove", help="stop polling a feed")
    q.add_argument("name")
    _common(q)
    q = fsub.add_parser("resume", help="resume a paused feed")
    q.add_argument("name")
    _common(q)
    q = fsub.add_parser("import", help="add the feeds of an OPML file")
    q.add_argument("file")
    q.add_argument("--channel", action="append", required=True, help="channel to post to (repeatable)")
    _common(q)
    q = fsub.add_parser("export", help="print the feeds as OPML")
    _common(q)
    return parser


def _setup_logging(verbose: int) -> None:
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    if verbose < 2:
        for noisy in ("httpx", "httpcore", "trafilatura", "discord", "apscheduler"):
            logging.getLogger(noisy).setLevel(max(level, logging.WARNING))
        # trafilatura logs an ERROR for every page it cannot use; the pipeline falls back and says so.
        logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


_OFFLINE = frozenset({"summarize", "quotes"})  # commands that read only the files or pages they are given


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the newsbot command."""
    args = build_parser().parse_args(argv)
    _setup_logging(args.verbose)
    try:
        settings = load_settings(args.config, db=args.db, feeds_needed=args.command not in _OFFLINE)
    except ConfigError as exc:
        print(f"newsbot: config error: {exc}", file=sys.stderr)
        return 2
    try:
        code = asyncio.run(_dispatch(args, settings))
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        # the reader went away ("newsbot quotes … | head"): stop quietly, as any writer to a closed pipe does
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except ConfigError as exc:  # a platform that finds its tokens missing or refused at start
        print(f"newsbot: config error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("newsbot: stopped", file=sys.stderr)
        return 130


async def _dispatch(args: argparse.Namespace, settings: Settings) -> int:
    from bot import cli_jobs

    handler: Any = {
        "digest": cli_jobs.digest, "poll": cli_jobs.poll, "summarize": cli_jobs.summarize,
        "quotes": cli_jobs.quotes, "ask": cli_jobs.ask, "run": cli_jobs.run, "feeds": cli_jobs.feeds,
        "health": cli_jobs.health, "doctor": cli_jobs.doctor,
        "discord": cli_jobs.discord,
    }[args.command]
    result: int = await handler(args, settings)
    return result

