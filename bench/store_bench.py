"""Command latency on a big store: /summary <words> and /who-said <name> through the command handlers.

    .venv/bin/python bench/store_bench.py [--articles 100000] [--quotes 1000000] [--db PATH] [--queries 300]

Builds (or reuses, with --db) a store of invented articles and quotes through the real schema, then times
`Commands.summary(words)`, `Commands.who_said(name)` and `Commands.who_said("phrase")` with queries drawn
from the generated vocabulary, and prints p50 / p99 / max in milliseconds against the 20 ms target.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.app import Services
from bot.commands import Commands, Invocation
from bot.settings import Settings
from bot.store import SQLiteStore

FIRST = ["Ada", "Bruno", "Carla", "Dmitri", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Keiko", "Lars",
         "Mira", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Sami", "Tove", "Ulla", "Viktor", "Wen", "Yara"]
LAST = ["Almeida", "Brandt", "Castell", "Dunmore", "Eklund", "Ferreira", "Galloway", "Haddad", "Ivanova",
        "Jansen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quint", "Rossi",
        "Sandoval", "Tallis", "Ueda", "Varga", "Weiss", "Yilmaz", "Zhou", "Abernethy", "Bakker", "Chen",
        "Dorval", "Estevez", "Fischer", "Grant", "Halvorsen", "Ibsen", "Jovanovic", "Kerr", "Lemoine",
        "Marchetti", "Novak", "Osei", "Palomar", "Quaid", "Reyes", "Sato", "Tanaka", "Ulrich", "Vogt",
        "Walsh", "Xu", "Young", "Zeller", "Achterberg", "Brossard", "Calloway", "Drummond", "Feld",
        "Hale", "Kwon", "Mbatha", "Ngata", "Pym", "Sandhu", "Vautrin", "Whitcombe", "Ashby", "Mourne"]
_VOCABULARY = """harbour council budget ferry strike bridge repairs library tram fares storm flood shelter school
hospital wing nurses pay deal court ruling couriers wages chip plant delay river bank drought harvest apples frost
museum lighthouse rowing final title tourism housing rents tenants election mayor vote turnout police station
closure park festival concert airport runway noise solar farm wind turbines grid prices water pipes leak road
tunnel cyclists lane market stalls zoo bears fishing quota boats port cranes dockers shipping containers rail line
signal works"""
WORDS = _VOCABULARY.split()


def build(path: Path, n_articles: int, n_quotes: int, seed: int = 11) -> None:
    """Fill a new store at `path` with invented articles and quotes, through the real schema."""
    rng = random.Random(seed)
    speakers = [f"{f} {last}" for f in FIRST for last in LAST]  # 1,584 people
    store = SQLiteStore(path)
    db = store._db  # bulk loading goes around the per-row API on purpose: millions of rows
    start = datetime(2025, 1, 1, tzinfo=UTC)
    db.execute("BEGIN")
    db.execute("INSERT INTO feeds (name, url, channels) VALUES ('bench', 'https://bench.example/rss', '[\"news\"]')")
    rows, fts = [], []
    for i in range(1, n_articles + 1):
        words = rng.sample(WORDS, 40)
        title = " ".join(words[:6]).capitalize()
        text = ". ".join(" ".join(words[j:j + 10]) for j in range(0, 40, 10)) + "."
        when = (start + timedelta(minutes=5 * i)).isoformat(timespec="seconds")
        rows.append((i, "bench", f"https://bench.example/a/{i}", f"https://bench.example/a/{i}", title, text,
                     when, when, when, json.dumps([text[:120]])))
        fts.append((i, title, text))
    db.executemany(
        """INSERT INTO articles (id, feed, url, canonical, title, text, published, discovered, fetched,
             key_points, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'done')""", rows)
    db.executemany("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)", fts)
    db.execute("COMMIT")
    per_article = max(1, n_quotes // n_articles)
    quote_id = 0
    for chunk_start in range(1, n_articles + 1, 20_000):
        db.execute("BEGIN")
        qrows = []
        for article_id in range(chunk_start, min(chunk_start + 20_000, n_articles + 1)):
            for position in range(per_article):
                quote_id += 1
                speaker = rng.choice(speakers)
                content = " ".join(rng.sample(WORDS, 12))
                qrows.append((quote_id, article_id, position, speaker, f"Mx {speaker.split()[-1]}", "said",
                              content, 0, len(content), "direct"))
        db.executemany(
            """INSERT INTO quotes (id, article_id, position, speaker, aliases, cue, content, content_start,
                 content_end, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", qrows)
        db.executemany("INSERT INTO quotes_fts (rowid, content, speaker, aliases) VALUES (?, ?, ?, ?)",
                       [(q[0], q[6], q[3], q[4]) for q in qrows])
        db.execute("COMMIT")
    store.close()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


async def measure(path: Path, queries: int, seed: int = 5) -> dict[str, list[float]]:
    rng = random.Random(seed)
    store = SQLiteStore(path)
    settings = Settings()
    commands = Commands(Services(settings, store, None, None))  # type: ignore[arg-type]  # no fetching here
    inv = Invocation("news")
    timings: dict[str, list[float]] = {"/summary <words>": [], "/who-said <surname>": [],
                                       "/who-said <full name>": [], '/who-said "phrase"': []}
    for _ in range(queries):
        cases = {
            "/summary <words>": lambda: commands.summary(inv, " ".join(rng.sample(WORDS, 2))),
            "/who-said <surname>": lambda: commands.who_said(inv, rng.choice(LAST)),
            "/who-said <full name>": lambda: commands.who_said(inv, f"{rng.choice(FIRST)} {rng.choice(LAST)}"),
            '/who-said "phrase"': lambda: commands.who_said(inv, '"' + " ".join(rng.sample(WORDS, 2)) + '"'),
        }
        for name, call in cases.items():
            t0 = time.perf_counter()
            await call()
            timings[name].append((time.perf_counter() - t0) * 1000)
    store.close()
    return timings


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--quotes", type=int, default=1_000_000)
    ap.add_argument("--db", type=Path, help="reuse or create the store here (default: a temporary file)")
    ap.add_argument("--queries", type=int, default=300)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "big.sqlite3"
        if not path.exists():
            t0 = time.perf_counter()
            build(path, args.articles, args.quotes)
            print(f"built {args.articles:,} articles and {args.quotes:,} quotes in {time.perf_counter() - t0:.1f} s")
        timings = asyncio.run(measure(path, args.queries))
    print(f"{'command':<24} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}  target p99 <= 20 ms")
    worst = 0.0
    for name, values in timings.items():
        p99 = percentile(values, 99)
        worst = max(worst, p99)
        print(f"{name:<24} {statistics.median(values):8.2f} {p99:8.2f} {max(values):8.2f}  "
              f"{'PASS' if p99 <= 20 else 'FAIL'}")
    print(f"commands: worst p99 {worst:.2f} ms over {args.queries} queries each | {'PASS' if worst <= 20 else 'FAIL'}")


if __name__ == "__main__":
    main()
