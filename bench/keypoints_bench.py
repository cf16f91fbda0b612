"""Time key points per article beside stock sumy TextRank on the same articles, in one run.

    python bench/keypoints_bench.py [FOLDER] [--points 4] [--words 1000] [--repeat 3]

FOLDER holds .txt articles (searched recursively; the first line is the title). Articles are cut or
repeated to about --words words, so the figure is "ms for an article of that length". Without FOLDER a
small built-in set of synthetic articles is used. Prints the median and p90 per system and their ratio.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from bot.nlp.keypoints import KeyPointer
from bot.nlp.sentences import OfflineTokenizer

_NAMES = ["Alvarez", "Brandt", "Chen", "Dubois", "Eriksen", "Fischer", "Gupta", "Haddad"]
_PLACES = ["Northport", "Lakeside", "Eastbury", "Riverton", "Highfield"]
_THINGS = ["budget", "bridge", "school plan", "tax change", "rail line", "hospital", "trade deal"]
_VERBS = ["approved", "rejected", "delayed", "questioned", "defended", "announced", "reviewed"]


def synthetic(count: int, seed: int = 7) -> list[tuple[str, str]]:
    """Return (title, body) pairs of made-up news prose with names, numbers, quotes and abbreviations."""
    rnd = random.Random(seed)
    out = []
    for k in range(count):
        place, thing = rnd.choice(_PLACES), rnd.choice(_THINGS)
        paragraphs = []
        for _ in range(14):
            name, verb = rnd.choice(_NAMES), rnd.choice(_VERBS)
            num = rnd.randint(2, 900)
            paragraphs.append(
                f"Council members in {place} {verb} the {thing} on Oct. {rnd.randint(1, 28)} after a "
                f"{num}-page report. Mr. {name} said the cost had risen to {num}.5 million dollars. "
                f'"We cannot sign a blank cheque," Ms. {rnd.choice(_NAMES)} told reporters. '
                f"The U.S. firm behind the {thing} denies the figures, calling them {rnd.choice(_VERBS)} "
                f"estimates from No. {rnd.randint(1, 20)} Street."
            )
        out.append((f"{place} council {rnd.choice(_VERBS)} {thing} {k}", "\n\n".join(paragraphs)))
    return out


def from_folder(folder: Path, limit: int) -> list[tuple[str, str]]:
    """Return (title, body) pairs of the .txt articles under folder."""
    out = []
    for path in sorted(folder.rglob("*.txt"))[:limit]:
        text = path.read_bytes().decode("utf-8", errors="replace").strip()
        title, _, body = text.partition("\n")
        if body.strip():
            out.append((title.strip(), body))
    return out


def fit(body: str, words: int) -> str:
    """Return body cut or repeated by paragraph to about the given number of words."""
    paragraphs = [p for p in body.split("\n") if p.strip()]
    out: list[str] = []
    count = 0
    while count < words and paragraphs:
        for p in paragraphs:
            out.append(p)
            count += len(p.split())
            if count >= words:
                break
    return "\n\n".join(out)


def time_ms(fn: Callable[[], object], repeat: int) -> float:
    """Return the best of repeat timings of fn in milliseconds."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, (time.perf_counter() - t0) * 1000)
    return best


def main() -> None:
    """Run the bench and print its table."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", type=Path)
    ap.add_argument("--points", type=int, default=4)
    ap.add_argument("--words", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--limit", type=int, default=200, help="articles at most")
    args = ap.parse_args()

    articles = from_folder(args.folder, args.limit) if args.folder else synthetic(20)
    articles = [(title, fit(body, args.words)) for title, body in articles]
    t0 = time.perf_counter()
    pointer = KeyPointer()
    load_ms = (time.perf_counter() - t0) * 1000
    tokenizer = OfflineTokenizer("en")
    textrank = TextRankSummarizer(Stemmer("english"))
    textrank.stop_words = get_stop_words("english")

    def stock(body: str) -> object:
        return textrank(PlaintextParser.from_string(body, tokenizer).document, args.points)

    ours: list[float] = []
    theirs: list[float] = []
    for title, body in articles:
        ours.append(time_ms(partial(pointer.key_points, body, args.points, title=title), args.repeat))
        theirs.append(time_ms(partial(stock, body), args.repeat))

    words = statistics.median(len(body.split()) for _, body in articles)
    source = str(args.folder) if args.folder else "built-in synthetic set"
    print(f"keypoints_bench  articles={len(articles)} ({source})  median words={words:.0f}  points={args.points}")
    print(f"KeyPointer load: {load_ms:.0f} ms (once)")
    print(f"{'system':<22}{'median ms':>10}{'p90 ms':>10}")
    for name, values in (("KeyPointer", ours), ("sumy TextRank (stock)", theirs)):
        p90 = statistics.quantiles(values, n=10)[-1] if len(values) > 1 else values[0]
        print(f"{name:<22}{statistics.median(values):>10.2f}{p90:>10.2f}")
    print(f"ratio KeyPointer / stock TextRank (median): {statistics.median(ours) / statistics.median(theirs):.2f}")


if __name__ == "__main__":
    main()
