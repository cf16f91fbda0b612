"""Time quote extraction per article and per 1,000 words.

    python bench/quotes_bench.py [FOLDER] [--repeat N]

Reads every *.txt under FOLDER (UTF-8), or uses a built-in synthetic article of about 1,000 words when no
folder is given, runs `extract_quotes` on each text N times and prints the median time per text, the median
time normalised to 1,000 words, and the median over texts of 800 to 1,200 words.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from bot.nlp.quotes import extract_quotes

_PARAGRAPHS = (
    "Harbour Minister Elena Vasquez said on Monday that the port of Calder would reopen to cargo ships "
    "within two weeks, after storms closed it for most of the month.",
    "“We have cleared the main channel and the cranes are working again,” she told reporters at the quay. "
    "“The last thing we need is another week of ships waiting offshore.”",
    "Ms. Vasquez added that repairs to the northern breakwater would take longer and cost more than the "
    "government had planned.",
    "The dockworkers' union says the delay has already cost its members a month of wages, and its "
    "leader, Tomas Ferreira, warned that strikes were possible if back pay is not settled.",
    "“Nobody asked us before the schedule was changed,” Mr. Ferreira said. “We read about it in the "
    "newspaper like everyone else.",
    "“If the ministry wants the port running, it has to talk to the people who run it.”",
    "According to the port authority, more than forty vessels are anchored outside the harbour.",
    "The minister is “confident the backlog will be gone by the end of the season,” her office said in a "
    "statement, while shipping companies argued that the estimate was too hopeful.",
    "Analysts at the regional bank believe the closure will shave a fraction of a point off growth this "
    "quarter, but they expect a rebound once traffic returns.",
)


def synthetic_article(words: int = 1000) -> str:
    """Return an invented news article of about the given number of words."""
    out: list[str] = ["Calder port to reopen after storms", ""]
    count = 0
    while count < words:
        for para in _PARAGRAPHS:
            out.append(para)
            out.append("")
            count += len(para.split())
            if count >= words:
                break
    return "\n".join(out)


def _time(text: str, repeat: int) -> float:
    """Return the median wall time in seconds of extracting quotes from text."""
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        extract_quotes(text)
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", help="a folder of .txt articles (default: a synthetic article)")
    ap.add_argument("--repeat", type=int, default=5, help="runs per text (default 5)")
    args = ap.parse_args()

    if args.folder:
        texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(Path(args.folder).rglob("*.txt"))]
        if not texts:
            sys.exit(f"no .txt files under {args.folder}")
    else:
        texts = [synthetic_article()]
    extract_quotes(texts[0])  # warm up: compiles nothing new, but loads modules and caches
    per_text, per_kword, near_1k = [], [], []
    quotes = 0
    for text in texts:
        words = max(1, len(text.split()))
        t = _time(text, args.repeat)
        per_text.append(t)
        per_kword.append(t * 1000 / words)
        if 800 <= words <= 1200:
            near_1k.append(t)
        quotes += len(extract_quotes(text))
    ms = 1000.0
    print(f"texts: {len(texts)}, words: {sum(len(t.split()) for t in texts)}, quotes: {quotes}")
    print(f"median per text:            {ms * statistics.median(per_text):7.2f} ms")
    print(f"median per 1,000 words:     {ms * statistics.median(per_kword):7.2f} ms")
    if near_1k:
        print(f"median, 800-1,200 words:    {ms * statistics.median(near_1k):7.2f} ms  ({len(near_1k)} texts)")
    print(f"max per text:               {ms * max(per_text):7.2f} ms")


if __name__ == "__main__":
    main()
