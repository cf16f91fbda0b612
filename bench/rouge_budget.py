"""Split ROUGE into precision and recall for newsbot and stock TextRank, to show what point length costs.

    python bench/rouge_budget.py --data ../shared/data/bbc-news-summary [--eval ../shared/eval]
                                 [--points 3] [--step 1]

For every article under DATA/articles/<category>/ with a reference under DATA/summaries/, scores newsbot's
key points and stock sumy TextRank's sentences (the reference scorer's own peer code, imported from
--eval, as is its reference splitting) with rouge-score's ROUGE-1 and ROUGE-2 (Porter stemming, points
joined by newlines). Prints per system the mean words per point and the mean precision, recall and F1.

Then it answers two questions. First, at newsbot's length, what precision would reach 97% of TextRank's
F1: when the points keep their length, recall moves with precision (recall = precision x point tokens /
reference tokens), and scaling both by k scales F1 by k, so the precision needed is newsbot's times
(target F1 / newsbot's F1). Second, what F1 points of a given length could reach at most, were every one
of their tokens in the reference (precision 1, recall = point tokens / reference tokens).
--step K scores every K-th article (a quicker look).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.extract import read_document
from bot.nlp.keypoints import KeyPointer

METRICS = ("rouge1", "rouge2")


def _articles(data: Path, step: int) -> list[tuple[Path, Path]]:
    pairs = []
    for article in sorted(data.glob("articles/*/*.txt")):
        reference = data / "summaries" / article.parent.name / article.name
        if reference.exists():
            pairs.append((article, reference))
    return pairs[::step]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", required=True)
    ap.add_argument("--eval", default=str(Path(__file__).resolve().parents[2] / "shared" / "eval"))
    ap.add_argument("--points", type=int, default=3)
    ap.add_argument("--step", type=int, default=1)
    args = ap.parse_args()
    sys.path.insert(0, args.eval)
    import peers  # the reference scorer's stock summarizers
    from evalcommon import read_text  # and its reading of files and of the references
    from keypoints_eval import reference_sentences
    from rouge_score import rouge_scorer, tokenize

    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    pointer = KeyPointer()
    systems = ("newsbot", "textrank")
    sums: dict[str, defaultdict[str, float]] = {name: defaultdict(float) for name in systems}
    ref_tokens: list[int] = []
    pairs = _articles(Path(args.data), args.step)
    for article, reference in pairs:
        raw = article.read_bytes()
        _, body = peers.split_title(read_text(str(article))[0])
        doc = read_document(raw, article.resolve().as_uri())
        our_points = pointer.key_points(doc.text, args.points, title=doc.title) if doc else []
        ref = reference_sentences(read_text(str(reference))[0])
        ref_tokens.append(len(tokenize.tokenize(ref, None)))
        for name, points in (("newsbot", our_points), ("textrank", peers.summarize("textrank", body, args.points))):
            scores = scorer.score(ref, "\n".join(" ".join(p.split()) for p in points))
            acc = sums[name]
            acc["words"] += sum(len(p.split()) for p in points)
            acc["points"] += len(points)
            acc["tokens"] += sum(len(tokenize.tokenize(p, None)) for p in points)
            for metric in METRICS:
                s = scores[metric]
                for part, value in (("P", s.precision), ("R", s.recall), ("F", s.fmeasure)):
                    acc[f"{metric}{part}"] += value
    n = len(pairs) or 1
    mean: dict[str, dict[str, float]] = {
        name: {k: (v / (acc["points"] or 1) if k in ("words", "tokens") else v / n) for k, v in acc.items()}
        for name, acc in sums.items()
    }
    print(f"rouge_budget  data={args.data}  articles={len(pairs)}  points={args.points}")
    print(f"{'system':<10} {'words/pt':>8}   {'R1 P':>6} {'R1 R':>6} {'R1 F':>6}   {'R2 P':>6} {'R2 R':>6} {'R2 F':>6}")
    for name in systems:
        m = mean[name]
        print(
            f"{name:<10} {m['words']:>8.1f}   {m['rouge1P']:.3f}  {m['rouge1R']:.3f}  {m['rouge1F']:.3f}"
            f"   {m['rouge2P']:.3f}  {m['rouge2R']:.3f}  {m['rouge2F']:.3f}"
        )
    ours, theirs = mean["newsbot"], mean["textrank"]
    for metric, label in (("rouge1", "R1"), ("rouge2", "R2")):
        target = 0.97 * theirs[f"{metric}F"]
        need = ours[f"{metric}P"] * target / (ours[f"{metric}F"] or 1)
        print(
            f"{label}: 97% of TextRank's F1 is {target:.3f}; at newsbot's length that needs precision about "
            f"{need:.3f} (newsbot {ours[f'{metric}P']:.3f}, TextRank {theirs[f'{metric}P']:.3f})"
        )
    # rouge-score splits hyphens and drops punctuation, so a word is not quite a token: measured on the points
    tokens_per_word = sums["newsbot"]["tokens"] / (sums["newsbot"]["words"] or 1)
    for words in (22, 24, 26):
        length = args.points * words * tokens_per_word
        best = sum(2 * min(length / r, 1) / (1 + min(length / r, 1)) for r in ref_tokens) / (len(ref_tokens) or 1)
        print(f"at most, {args.points} points of {words} words with every token in the reference: R1 F1 {best:.3f}")


if __name__ == "__main__":
    main()
