"""How many annotated key facts any choice of whole sentences could cover, beside what newsbot covers.

    python bench/keyfacts_ceiling.py --facts ../shared/data/keyfacts-dev.jsonl \
        --articles ../shared/data/bbc-news-summary/articles [--eval ../shared/eval] [--points 4]

Reads a key-facts file (one JSON object per article: "file" and "key_points", each with the word groups
"must_mention_any") and counts a fact covered by a sentence as the reference scorer does (its term matcher
is imported from --eval). Prints the best coverage reachable with --points whole sentences chosen from
different pools (any sentence, TextRank's top k, the first k), with TextRank's top points-1 fixed plus
the best last one, and the coverage of newsbot's own key points, LEAD-n and TextRank's top n.
Last, a linear ranker over surface features of a sentence (TextRank score and rank, position, length,
figures, capitalised words, headline words, a verb of saying, a quotation mark) fitted by logistic
regression to these very facts, picking the top n that do not repeat each other: in five-fold
cross-validation over the articles, and fitted to all of them (an optimistic bound for such features).
And in how many articles the first fact listed, the news itself, is covered.
It answers: how far is a selector from what whole sentences allow, and what do ranking choices cost.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np
from sumy.nlp.stemmers import Stemmer
from sumy.utils import get_stop_words

from bot.extract import read_document
from bot.nlp.keypoints import KeyPointer
from bot.nlp.keypoints_rank import term_lists, textrank
from bot.nlp.sentences import OfflineTokenizer, SentenceSplitter

Matcher = Callable[[str, dict], bool]
# (features of each sentence, facts each covers, terms of each) for one article
Article = tuple[np.ndarray, list[set[int]], list[set[str]]]
_CAPITAL = re.compile(r"(?<=\s)[A-Z][\w'’-]+")
_SAYING = re.compile(r"\b(?:said|says|told|added|argued|warned|claimed|denied)\b")


def _features(sents: list[str], terms: list[list[str]], ranks: np.ndarray, title: set[str]) -> np.ndarray:
    top = float(ranks.max()) or 1.0
    order = np.argsort(-ranks, kind="stable")
    place = np.empty(len(sents))
    place[order] = np.arange(len(sents))
    rows = []
    for i, (s, t) in enumerate(zip(sents, terms, strict=True)):
        rows.append([
            ranks[i] / top, 1 / (1 + place[i]), 1 / (1 + i), float(i == 0), len(s.split()) / 30,
            float(any(c.isdigit() for c in s)), len(_CAPITAL.findall(s)) / 5,
            len(set(t) & title) / (len(title) or 1), float(bool(_SAYING.search(s))), float('"' in s or "“" in s),
        ])  # fmt: skip
    return np.array(rows).reshape(len(sents), 10)


def _fit(articles: list[Article]) -> np.ndarray:
    """Logistic regression (plain gradient descent, light L2) of "covers a fact" on the features."""
    x = np.vstack([a[0] for a in articles])
    x = np.hstack([x, np.ones((len(x), 1))])
    y = np.array([bool(f) for a in articles for f in a[1]], dtype=float)
    w = np.zeros(x.shape[1])
    for _ in range(3000):
        p = 1 / (1 + np.exp(-x @ w))
        w -= 0.1 * (x.T @ (p - y) / len(y) + 0.01 * w)
    return w[:-1]


def _fitted_cover(w: np.ndarray, article: Article, n: int) -> int:
    feats, facts, terms = article
    chosen: list[int] = []
    for i in np.argsort(-(feats @ w), kind="stable"):
        if len(chosen) == n:
            break
        if not any(len(terms[i] & terms[j]) > 0.5 * (len(terms[i]) or 1) for j in chosen):
            chosen.append(int(i))
    return len(set().union(*(facts[i] for i in chosen))) if chosen else 0


def _matcher(eval_dir: str) -> Matcher:
    sys.path.insert(0, eval_dir)
    from seed_check import term_regex  # the reference scorer's own matching

    def covers(text: str, fact: dict) -> bool:
        return all(any(term_regex(w).search(text) for w in group) for group in fact["must_mention_any"])

    return covers


def _best(pool: Sequence[int], fixed: Sequence[int], k: int, cover: list[list[bool]]) -> int:
    """Most facts covered by fixed plus k - len(fixed) sentences from pool."""
    facts = len(cover[0]) if cover else 0
    rest = [i for i in pool if i not in fixed]
    best = 0
    for combo in itertools.combinations(rest, max(0, min(k - len(fixed), len(rest)))):
        chosen = [*fixed, *combo]
        best = max(best, sum(any(cover[i][f] for i in chosen) for f in range(facts)))
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--facts", required=True)
    ap.add_argument("--articles", required=True)
    ap.add_argument("--eval", default=str(Path(__file__).resolve().parents[2] / "shared" / "eval"))
    ap.add_argument("--points", type=int, default=4)
    args = ap.parse_args()
    covers = _matcher(args.eval)
    splitter, tokenizer = SentenceSplitter("en"), OfflineTokenizer("en")
    stem, stop = Stemmer("english"), frozenset(get_stop_words("english"))
    pointer = KeyPointer()
    n = args.points
    rows: dict[str, int] = {}
    total = 0
    fitted: list[Article] = []
    main_news = [0, 0, 0]  # articles whose first-listed fact (the news itself) newsbot, LEAD-n, TextRank cover
    for line in Path(args.facts).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        path = Path(args.articles) / item["file"]
        doc = read_document(path.read_bytes(), path.resolve().as_uri())
        if doc is None:
            continue
        facts = item["key_points"]
        total += len(facts)
        sents = [s for para in doc.text.splitlines() if para.strip() for s in splitter.split(para.strip())]
        cover = [[covers(s, f) for f in facts] for s in sents]
        terms = term_lists([tokenizer.to_words(s) for s in sents], stem, stop)
        ranks = textrank(terms)
        title = set(term_lists([tokenizer.to_words(doc.title or "")], stem, stop)[0])
        facts_of = [{f for f in range(len(facts)) if cover[i][f]} for i in range(len(sents))]
        fitted.append((_features(sents, terms, ranks, title), facts_of, [set(t) for t in terms]))
        order = sorted(range(len(sents)), key=lambda i: -ranks[i])
        first = list(range(len(sents)))

        def add(name: str, value: int) -> None:
            rows[name] = rows.get(name, 0) + value

        add(f"best {n} of all sentences", _best(first, [], n, cover))
        for k in (n, n + 2, n + 4, n + 6):
            add(f"best {n} of TextRank's top {k}", _best(order[:k], [], n, cover))
            add(f"best {n} of the first {k}", _best(first[:k], [], n, cover))
        add(f"TextRank's top {n - 1} + best last", _best(first, order[: n - 1], n, cover))
        add(f"TextRank's top {n}", _best(order[:n], order[:n], n, cover))
        add(f"LEAD-{n}", _best(first[:n], first[:n], n, cover))
        points = pointer.key_points(doc.text, n, title=doc.title)
        add(f"newsbot's {n} key points", sum(any(covers(p, f) for p in points) for f in facts))
        if facts:
            main_news[0] += any(covers(p, facts[0]) for p in points)
            main_news[1] += any(cover[i][0] for i in first[:n])
            main_news[2] += any(cover[i][0] for i in order[:n])
    folds = 5
    held_out = 0
    for k in range(folds):
        w = _fit([a for i, a in enumerate(fitted) if i % folds != k])
        held_out += sum(_fitted_cover(w, a, n) for i, a in enumerate(fitted) if i % folds == k)
    rows["linear ranker, 5-fold held out"] = held_out
    w = _fit(fitted)
    rows["linear ranker, fitted to all"] = sum(_fitted_cover(w, a, n) for a in fitted)
    print(f"keyfacts_ceiling  facts={args.facts}  facts counted={total}  points={n}")
    for name, value in rows.items():
        print(f"{name:<34} {value / (total or 1):.3f}")
    print(
        f"first-listed fact (the news itself) covered in {main_news[0]} of {len(fitted)} articles by newsbot, "
        f"{main_news[1]} by LEAD-{n}, {main_news[2]} by TextRank's top {n}"
    )


if __name__ == "__main__":
    main()
