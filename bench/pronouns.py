"""List how key points resolve "he" and "she", for a person to judge against the text.

    python bench/pronouns.py --articles ../shared/data/bbc-news-summary/articles [--articles-read 400]
        [--sample 40] [--seed 21] [--descriptions]

Reads a random set of English articles (.txt, first line the title), finds every sentence whose he/she
is its subject or its speaker ("He said ...", "Born in Leeds, she ...", '"...," he added'), and asks the
key pointer what that sentence becomes as a point: the pronoun replaced by a name, the sentence kept as
written (its speaker is named in it), or no point (no one to refer to). Prints the counts, then a random
sample, each with the sentences before it, so that a reader can mark each name right or wrong. Which
name is right needs reading; no count here says it. With --descriptions, the same for sentences that open
with a description of a person instead ("The 31-year-old ...", "The Swiss star ...").
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.extract import read_document
from bot.nlp import keypoints_clean as clean
from bot.nlp.keypoints import KeyPointer, _stand_alone, point_text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=Path, required=True, help="a folder of .txt articles, searched below")
    parser.add_argument("--articles-read", type=int, default=400, help="how many articles to read at random")
    parser.add_argument("--sample", type=int, default=40, help="how many resolutions to print")
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument("--descriptions", action="store_true", help='openings like "The 31-year-old ..." instead')
    args = parser.parse_args()
    wanted = "an opening description" if args.descriptions else "he/she as subject or speaker"

    paths = sorted(args.articles.rglob("*.txt"))
    random.Random(args.seed).shuffle(paths)
    pointer = KeyPointer()
    english = pointer._languages["en"]  # the splitter the key points use
    counts: Counter[str] = Counter()
    found: list[tuple[str, list[str], str, str]] = []
    for path in paths[: args.articles_read]:
        document = read_document(path.read_bytes(), path.resolve().as_uri())
        if document is None:
            continue
        sentences = pointer._split(document.text, document.title, english)
        for i, sentence in enumerate(sentences):
            point = point_text(sentence)
            if args.descriptions:
                if clean.is_fragment(sentence) or clean.variation_subject(point) is None:
                    continue
            elif clean.is_fragment(sentence) or clean.pronoun_of(point) is None:
                continue
            alone = _stand_alone(point, sentences[:i])
            verdict = "no point" if alone is None else "kept as written" if alone == point else "named"
            counts[verdict] += 1
            found.append((f"{path.parent.name}/{path.name}", sentences[max(0, i - 3) : i], point, alone or "-"))

    total = sum(counts.values())
    print(f"{total} sentences with {wanted} in {min(args.articles_read, len(paths))} articles:")
    for verdict in ("named", "kept as written", "no point"):
        print(f"  {verdict:<16} {counts[verdict]:>5}  ({counts[verdict] / (total or 1):.0%})")
    print()
    for name, before, point, alone in random.Random(args.seed).sample(found, min(args.sample, len(found))):
        print(f"== {name}")
        for sentence in before:
            print(f"     {sentence[:160]}")
        print(f"   sentence: {point[:160]}")
        print(f"   point:    {alone[:160]}")


if __name__ == "__main__":
    main()
