"""What each newsbot subcommand does; bot.cli parses the arguments and calls these."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from bot.app import Services, open_services
from bot.commands import Commands, DigestReply, Invocation
from bot.digest import deliver, deliver_notices
from bot.feeds.http import ARTICLE_ACCEPT, Fetcher, FetchError, make_client
from bot.feeds.opml import OPMLError, read_opml, write_opml
from bot.models import Feed
from bot.platforms.console import ConsoleSender, render_reply
from bot.platforms.console.render import render_feeds
from bot.settings import Settings
from bot.textfmt import plural, quote_text


class Progress:
    """A one-line progress counter on standard error, shown only on a terminal."""

    def __init__(self, what: str, total: int | None = None) -> None:
        self._what = what
        self._total = total
        self._done = 0
        self._live = sys.stderr.isatty()

    def step(self, *_: object) -> None:
        self._done += 1
        if self._live:
            of = f"/{self._total}" if self._total else ""
            sys.stderr.write(f"\r{self._what}: {self._done}{of}\x1b[K")
            sys.stderr.flush()

    def close(self) -> None:
        if self._live and self._done:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def _print_json(obj: object) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


def _report_failures(failed: dict[str, str]) -> None:
    for name, reason in sorted(failed.items()):
        print(f"! feed {name!r} failed: {reason} (it will be retried later)")


async def digest(args: argparse.Namespace, settings: Settings) -> int:
    """Poll every feed now, process new articles and print each channel's digest."""
    async with open_services(settings) as svc:
        feeds = Progress("polling feeds", len([f for f in svc.store.feeds() if not f.paused]))
        articles = Progress("reading articles")
        report, _ = await svc.refresh(force=True, on_feed=feeds.step, on_article=articles.step)
        feeds.close()
        articles.close()
        sender = ConsoleSender()
        posted = 0
        for channel in args.channel or svc.channel_names():
            made = svc.make_digest(channel)
            if made is not None:
                posted += await deliver(svc.store, sender, made)
        if not posted:
            print(f"Nothing new: {plural(report.polled, 'feed')} polled, no article since the last digest.")
        _report_failures(report.failed)
        await deliver_notices(svc.store, [sender])
    return 0


async def poll(args: argparse.Namespace, settings: Settings) -> int:
    """Poll every feed once and store new entries without processing the articles."""
    async with open_services(settings) as svc:
        report = await svc.poller.poll(force=True)
    print(f"polled {plural(report.polled, 'feed')}: {report.new_articles} new entries, "
          f"{report.not_modified} not modified, {len(report.failed)} failed")
    _report_failures(report.failed)
    return 0


async def _read_inputs(settings: Settings, names: list[str]) -> list[tuple[str, bytes | None, str]]:
    """(name, content, error) for each input: files read from disk, URLs fetched."""
    out: list[tuple[str, bytes | None, str]] = []
    urls = [n for n in names if n.lower().startswith(("http://", "https://"))]
    fetched: dict[str, tuple[bytes | None, str]] = {}
    if urls:
        async with make_client(user_agent=settings.poll.user_agent) as client:
            fetcher = Fetcher(client, max_bytes=settings.poll.max_bytes, deadline=settings.poll.deadline)
            for url in urls:
                try:
                    fetched[url] = ((await fetcher.fetch(url, accept=ARTICLE_ACCEPT)).body, "")
                except FetchError as exc:
                    fetched[url] = (None, exc.reason)
    for name in names:
        if name in fetched:
            out.append((name, *fetched[name]))
            continue
        try:
            out.append((name, Path(name).read_bytes(), ""))
        except OSError as exc:
            out.append((name, None, exc.strerror or str(exc)))
    return out


def _document(name: str, data: bytes) -> tuple[str | None, str, str, str | None, int | None]:
    """(title, body for key points, whole text for quotes, language and year the page declares) of one input.

    Quote offsets refer to the whole text: a plain-text file as read, or the text extracted from a page.
    """
    from bot.extract import decode_text, looks_like_html, read_document

    url = name if "://" in name else Path(name).resolve().as_uri()
    document = read_document(data, url)
    if document is None:
        return None, "", "", None, None
    whole = document.text if looks_like_html(data, url) else decode_text(data)
    year = document.published.year if document.published is not None else None
    return document.title, document.text, whole, document.language, year


async def summarize(args: argparse.Namespace, settings: Settings) -> int:
    """Print the key points of each input."""
    from bot.nlp.keypoints import KeyPointer

    points = args.points or settings.digest.key_points
    if points < 1:
        print("newsbot: --points must be at least 1", file=sys.stderr)
        return 2
    keypointer = KeyPointer()
    status = 0
    for name, data, error in await _read_inputs(settings, args.inputs):
        title: str | None = None
        key_points: list[str] = []
        if data is not None:
            title, body, _, declared, year = _document(name, data)
            key_points = keypointer.key_points(
                body, points, title=title, language=args.language or declared, year=year
            )
        else:
            status = 1
            print(f"newsbot: {name}: {error}", file=sys.stderr)
        if args.json:
            _print_json({"file": name, "title": title, "key_points": key_points})
        elif data is not None:
            print(f"{title or name}\n" + "".join(f"  • {p}\n" for p in key_points))
    return status


async def quotes(args: argparse.Namespace, settings: Settings) -> int:
    """Print the quotes of each input and who said them."""
    from bot.nlp.quotes import extract_quotes

    status = 0
    for name, data, error in await _read_inputs(settings, args.inputs):
        found = []
        if data is None:
            status = 1
            print(f"newsbot: {name}: {error}", file=sys.stderr)
        else:
            _, _, whole, language, _ = _document(name, data)
            found = extract_quotes(whole, language=language)
        if args.json:
            _print_json({"file": name, "quotes": [asdict(q) for q in found]})
        elif data is not None:
            print(f"{name}: {len(found)} quotes")
            for q in found:
                print(f"  [{q.kind}] {q.speaker}: {quote_text(q, 400)}")
    return status


async def ask(args: argparse.Namespace, settings: Settings) -> int:
    """Run one chat command against the local store and print the reply."""
    async with open_services(settings) as svc:
        channels = svc.channel_names()
        channel = args.channel or (channels[0] if channels else None)
        reply = await Commands(svc).run_line(Invocation(channel, args.as_admin), args.line)
        if isinstance(reply, DigestReply) and not reply.brief:
            await deliver(svc.store, ConsoleSender(), reply.digest)
        else:
            print(render_reply(reply))
    return 0


async def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run the bot until interrupted."""
    from bot.scheduler import run_bot

    await run_bot(settings)
    return 0


async def doctor(args: argparse.Namespace, settings: Settings) -> int:
    """Check config, feeds and credentials; exit 1 when anything fails."""
    from bot.doctor import run_doctor

    return 0 if await run_doctor(settings, print) else 1


async def discord(args: argparse.Namespace, settings: Settings) -> int:
    """Register the slash commands with Discord globally."""
    from bot.platforms.discord import sync_global
    from bot.platforms.discord.sync import TokenMissing

    try:
        count = await sync_global(settings)
    except TokenMissing:
        print("newsbot: DISCORD_TOKEN is not set", file=sys.stderr)
        return 2
    print(f"synced {plural(count, 'command')} globally; Discord may take up to an hour to show them everywhere")
    return 0


async def health(args: argparse.Namespace, settings: Settings) -> int:
    """Exit 0 when the running bot's heartbeat is younger than --max-age seconds."""
    import time

    from bot.scheduler import heartbeat_path

    path = heartbeat_path(settings)
    try:
        age = time.time() - path.stat().st_mtime
    except OSError:
        print(f"unhealthy: no heartbeat at {path}")
        return 1
    print(f"{'healthy' if age <= args.max_age else 'unhealthy'}: last heartbeat {age:.0f} s ago")
    return 0 if age <= args.max_age else 1


async def feeds(args: argparse.Namespace, settings: Settings) -> int:
    """Manage the stored feeds."""
    async with open_services(settings) as svc:
        return await _feeds(args, svc)


async def _feeds(args: argparse.Namespace, svc: Services) -> int:
    store = svc.store
    if args.action == "list":
        print(render_feeds(None, store.feeds()))
    elif args.action == "export":
        sys.stdout.write(write_opml([f.feed for f in store.feeds()]).decode("utf-8"))
    elif args.action == "add":
        unknown = [c for c in args.channel if svc.settings.channel(c) is None]
        if unknown:
            print(f"newsbot: unknown channel {unknown[0]!r}; define it in [[channels]] first", file=sys.stderr)
            return 2
        store.add_feed(Feed(args.name or args.url, args.url, tuple(args.channel)))
        print(f"added {args.name or args.url}")
    elif args.action == "remove":
        if not store.remove_feed(args.name):
            print(f"newsbot: no feed named {args.name!r}", file=sys.stderr)
            return 1
        print(f"removed {args.name}")
    elif args.action == "resume":
        if not store.resume_feed(args.name):
            print(f"newsbot: no feed named {args.name!r}", file=sys.stderr)
            return 1
        print(f"resumed {args.name}")
    elif args.action == "import":
        try:
            found = read_opml(Path(args.file).read_bytes(), tuple(args.channel))
        except (OSError, OPMLError) as exc:
            print(f"newsbot: {args.file}: {exc}", file=sys.stderr)
            return 2
        for feed in found:
            store.add_feed(feed)
        print(f"imported {len(found)} feeds")
    return 0
