"""Profile newsbot's poll of N local feeds (cold, then warm) and print where the time goes.

    .venv/bin/python bench/profile_poll.py [--feeds 1000] [--phase cold|warm|both] [--top 25]

Starts bench/feedserver.py on 127.0.0.1, polls with Poller.poll (real Fetcher and SQLiteStore) under
cProfile, and prints the functions by own time, and a summary by area (parsing, HTTP, store, event loop).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import json
import pstats
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from contenders import _newsbot_parts
from poll_bench import Server

AREAS = {
    "parse (lxml reader, feedparser, html_to_text)": ("bot/feeds/parse", "feedparser", "html/parser", "lxml"),
    "store (sqlite)": ("bot/store", "sqlite3"),
    "dedup keys": ("bot/feeds/dedup",),
    "HTTP (httpx, aiohttp, transport, fetcher)": ("httpx", "aiohttp", "bot/feeds/transport", "bot/feeds/http",
                                                  "yarl", "multidict", "zlib"),
    "event loop (asyncio, selectors, sockets)": ("asyncio", "selectors", "socket"),
}


def by_area(stats: pstats.Stats) -> dict[str, float]:
    totals = dict.fromkeys([*AREAS, "other"], 0.0)
    for (filename, _line, name), (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        where = f"{filename}:{name}"
        area = next((a for a, keys in AREAS.items() if any(k in where for k in keys)), "other")
        totals[area] += tottime
    return totals


async def poll(workdir: Path, profile: cProfile.Profile) -> None:
    urls = json.loads((workdir / "feeds.json").read_text())
    store, client, poller = _newsbot_parts(workdir / "newsbot.sqlite3", urls)
    async with client:
        profile.enable()
        report = await poller.poll(force=True)
        profile.disable()
    store.close()
    print(f"polled {report.polled}: {report.new_articles} new, {report.not_modified} not modified, "
          f"{len(report.failed)} failed")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--feeds", type=int, default=1000)
    ap.add_argument("--phase", choices=["cold", "warm", "both"], default="both")
    ap.add_argument("--top", type=int, default=25)
    args = ap.parse_args()
    server = Server(args.feeds, 20, 16)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            (work / "feeds.json").write_text(json.dumps([server.url(i) for i in range(args.feeds)]))
            for phase in ("cold", "warm"):
                profile = cProfile.Profile()
                asyncio.run(poll(work, profile))
                if args.phase not in (phase, "both"):
                    continue
                out = io.StringIO()
                stats = pstats.Stats(profile, stream=out)
                total = sum(v for v in by_area(stats).values())
                print(f"\n== {phase}: {total:.2f} s of profiled CPU, by area ==")
                for area, seconds in sorted(by_area(stats).items(), key=lambda kv: -kv[1]):
                    print(f"  {area:<48} {seconds:6.2f} s  {100 * seconds / max(total, 1e-9):5.1f}%")
                stats.sort_stats("tottime").print_stats(args.top)
                print("\n".join(out.getvalue().splitlines()[6:]))
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
