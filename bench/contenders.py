"""What each benchmark child process runs: one contender, one phase, measured in its own process.

    python bench/contenders.py CONTENDER PHASE WORKDIR [options]   (started by poll_bench.py)

Prints one JSON line: wall seconds of the measured work, CPU seconds (user + system) it used, the
process's peak RSS, and what it did. Contenders: ``newsbot`` (Poller.poll with the real Fetcher and
SQLiteStore), ``newsbot-process`` (Processor.process_pending on a burst of new articles, with event-loop
lag sampled meanwhile), ``newsbot-memory`` (the whole bot's services with many feeds configured),
``reader`` (reader.update_feeds) and ``feedparser`` (sequential feedparser.parse(url)).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import shutil
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


@contextmanager
def measured(out: dict[str, Any]) -> Iterator[None]:
    """Record wall and CPU seconds of the block into `out`."""
    wall, cpu = time.perf_counter(), _cpu()
    yield
    out["wall"] = time.perf_counter() - wall
    out["cpu"] = _cpu() - cpu


def _urls(workdir: Path) -> list[str]:
    return [str(u) for u in json.loads((workdir / "feeds.json").read_text())]


# newsbot


def _newsbot_parts(db: Path, urls: list[str]) -> tuple[Any, Any, Any]:
    from bot.feeds.http import Fetcher, make_client
    from bot.feeds.poller import Poller
    from bot.models import Feed
    from bot.settings import PollSettings
    from bot.store import SQLiteStore

    settings = PollSettings()
    store = SQLiteStore(db)
    store.sync_feeds([Feed(f"feed-{i:05d}", u, ("news",)) for i, u in enumerate(urls)])
    client = make_client(max_connections=settings.concurrency)
    fetcher = Fetcher(client, max_bytes=settings.max_bytes, per_host=settings.per_host,
                      total=settings.concurrency, deadline=settings.deadline)
    return store, client, Poller(store, fetcher, settings)


async def newsbot_poll(workdir: Path, out: dict[str, Any]) -> None:
    urls = _urls(workdir)
    store, client, poller = _newsbot_parts(workdir / "newsbot.sqlite3", urls)
    async with client:
        with measured(out):
            report = await poller.poll(force=True)
    out.update(feeds=report.polled, not_modified=report.not_modified, new=report.new_articles,
               failed=len(report.failed), first_failure=next(iter(report.failed.values()), None))
    store.close()


class LagProbe:
    """Sample how late the event loop wakes a task that sleeps `step` seconds, while other work runs."""

    def __init__(self, step: float = 0.01) -> None:
        self.step = step
        self.lags: list[float] = []
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            start = loop.time()
            await asyncio.sleep(self.step)
            self.lags.append(loop.time() - start - self.step)

    def __enter__(self) -> LagProbe:
        self._task = asyncio.get_running_loop().create_task(self._run())
        return self

    def __exit__(self, *_: object) -> None:
        assert self._task is not None
        self._task.cancel()

    def summary(self) -> dict[str, float]:
        lags = sorted(self.lags) or [0.0]
        return {"lag_p50_ms": 1000 * lags[len(lags) // 2], "lag_p99_ms": 1000 * lags[int(len(lags) * 0.99)],
                "lag_max_ms": 1000 * lags[-1]}


async def newsbot_process(workdir: Path, out: dict[str, Any], burst: int, workers: int) -> None:
    """Process `burst` pending articles from a copy of the cold-poll store, sampling event-loop lag."""
    from bot.feeds.http import Fetcher, make_client
    from bot.pipeline import Analyzer, Processor
    from bot.store import SQLiteStore

    db = workdir / "process.sqlite3"
    shutil.copy(workdir / "newsbot.sqlite3", db)
    with sqlite3.connect(db) as conn:  # leave exactly `burst` articles pending
        conn.execute("UPDATE articles SET state = 'bench-skip' WHERE state = 'new' AND id NOT IN "
                     "(SELECT id FROM articles WHERE state = 'new' ORDER BY id LIMIT ?)", (burst,))
    store = SQLiteStore(db)
    analyzer = Analyzer(4)
    async with make_client() as client:
        processor = Processor(store, Fetcher(client), analyzer, workers=workers)
        with LagProbe() as probe, measured(out):
            done = await processor.process_pending()
        processor.close()
    out.update(articles=done, per_second=done / out["wall"], **probe.summary())
    store.close()


async def newsbot_memory(workdir: Path, out: dict[str, Any], process: int) -> None:
    """Open the bot's services with every feed configured, poll them all, then process a few articles."""
    from bot.app import open_services
    from bot.settings import ChannelSettings, FeedSettings, Settings, StoreSettings

    urls = _urls(workdir)
    settings = Settings(
        store=StoreSettings(path=str(workdir / "memory.sqlite3")),
        channels=(ChannelSettings(name="news"),),
        feeds=tuple(FeedSettings(name=f"feed-{i:05d}", url=u, channels=("news",)) for i, u in enumerate(urls)),
    )
    async with open_services(settings) as svc:
        with measured(out):
            report = await svc.poller.poll(force=True)
        pending = svc.store.pending_articles(process)
        for item in pending:
            await svc.processor.process(item)
    out.update(feeds=report.polled, new=report.new_articles, failed=len(report.failed), processed=len(pending))


# peers


def reader_update(workdir: Path, out: dict[str, Any], phase: str, workers: int) -> None:
    from reader import make_reader

    reader = make_reader(str(workdir / "reader.sqlite"), plugins=[], search_enabled=False)
    if phase == "cold":
        for url in _urls(workdir):
            reader.add_feed(url, exist_ok=True)
    counts = {"new": 0, "not_modified": 0, "errors": 0}
    with measured(out):
        for _url, value in reader.update_feeds_iter(scheduled=False, workers=workers):
            if value is None:
                counts["not_modified"] += 1
            elif isinstance(value, Exception):
                counts["errors"] += 1
            else:
                counts["new"] += value.new
    out.update(feeds=sum(1 for _ in reader.get_feeds()), **counts)
    reader.close()


def feedparser_loop(workdir: Path, out: dict[str, Any]) -> None:
    import feedparser

    state_file = workdir / "feedparser-state.json"
    state: dict[str, list[str | None]] = json.loads(state_file.read_text()) if state_file.exists() else {}
    counts = {"entries": 0, "not_modified": 0}
    with measured(out):
        for url in _urls(workdir):
            etag, modified = state.get(url, [None, None])
            parsed = feedparser.parse(url, etag=etag, modified=modified)
            if parsed.get("status") == 304:
                counts["not_modified"] += 1
            counts["entries"] += len(parsed.entries)
            state[url] = [parsed.get("etag", etag), parsed.get("modified", modified)]
    state_file.write_text(json.dumps(state))
    out.update(feeds=len(state), **counts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("contender", choices=["newsbot", "newsbot-process", "newsbot-memory", "reader", "feedparser"])
    ap.add_argument("phase")
    ap.add_argument("workdir", type=Path)
    ap.add_argument("--reader-workers", type=int, default=16)
    ap.add_argument("--burst", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    out: dict[str, Any] = {"contender": args.contender, "phase": args.phase}
    run: Callable[[], Any]
    if args.contender == "newsbot":
        run = lambda: asyncio.run(newsbot_poll(args.workdir, out))  # noqa: E731
    elif args.contender == "newsbot-process":
        run = lambda: asyncio.run(newsbot_process(args.workdir, out, args.burst, args.workers))  # noqa: E731
    elif args.contender == "newsbot-memory":
        run = lambda: asyncio.run(newsbot_memory(args.workdir, out, 20))  # noqa: E731
    elif args.contender == "reader":
        run = lambda: reader_update(args.workdir, out, args.phase, args.reader_workers)  # noqa: E731
    else:
        run = lambda: feedparser_loop(args.workdir, out)  # noqa: E731
    run()
    out["peak_mb"] = _peak_mb()
    print(json.dumps(out), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
