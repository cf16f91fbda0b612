"""The same text gives the same quotes in every process, whatever the hash seed."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

from bot.nlp.quotes.grammar import alternation
from tests.nlp.quotes.test_quotes_extract import ARTICLE

_RUN = (
    "import json, sys\n"
    "from bot.nlp.quotes import extract_quotes\n"
    "found = extract_quotes(sys.stdin.read())\n"
    "print(json.dumps([[q.speaker, q.source_span, q.content_span, q.kind] for q in found]))\n"
)


def test_alternation_is_one_group() -> None:
    # what follows the alternation binds to every word, not to the last one alone
    ahead = re.compile(rf"(?={alternation(frozenset({'add', 'warn', 'urge'}))}\b)")
    assert ahead.match("address") is None
    assert ahead.match("warning") is None
    assert ahead.match("add that") is not None


def test_quotes_do_not_depend_on_the_hash_seed() -> None:
    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", _RUN], input=ARTICLE, capture_output=True, text=True,
                              env=env, timeout=60, check=True)
        quotes = json.loads(done.stdout)
        assert quotes, done.stderr
        outputs.add(done.stdout)
    assert len(outputs) == 1
