"""Rank sentences by TextRank centrality, as sumy's TextRankSummarizer does, in a few numpy operations."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

_DAMPING = 0.85
_EPSILON = 1e-4
_ZERO = 1e-7  # sumy's guard against dividing by zero


def term_lists(
    sentences: Sequence[Sequence[str]], stem: Callable[[str], str], stop_words: frozenset[str]
) -> list[list[str]]:
    """Return each sentence's stemmed, lower-cased words without stop words (sumy's TextRank terms)."""
    cache: dict[str, str] = {}
    out: list[list[str]] = []
    for words in sentences:
        terms: list[str] = []
        for word in words:
            low = word.lower()
            if low in stop_words:
                continue
            stemmed = cache.get(low)
            if stemmed is None:
                stemmed = cache[low] = stem(low)
            terms.append(stemmed)
        out.append(terms)
    return out


def textrank(terms: Sequence[Sequence[str]]) -> np.ndarray:
    """Return the TextRank score of each sentence given its terms.

    Same graph as sumy's TextRank: an edge weighs the shared term occurrences divided by the sum of the
    logarithms of both lengths; rows are normalized and damped, then iterated to a fixed point. The pair
    counts are one matrix product instead of sumy's quadratic Python loop.
    """
    n = len(terms)
    if n == 0:
        return np.zeros(0)
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for i, sent in enumerate(terms):
        for t in sent:
            rows.append(i)
            cols.append(vocab.setdefault(t, len(vocab)))
    counts = np.zeros((n, max(len(vocab), 1)))
    np.add.at(counts, (np.array(rows, dtype=np.intp), np.array(cols, dtype=np.intp)), 1.0)
    shared = counts @ counts.T
    lengths = counts.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        logs = np.log(lengths)
        norm = logs[:, None] + logs[None, :]
        weights = np.where(np.isclose(norm, 0.0), shared, shared / norm)
    weights = np.where(shared == 0, 0.0, weights)
    weights /= weights.sum(axis=1)[:, None] + _ZERO
    matrix = np.full((n, n), (1.0 - _DAMPING) / n) + _DAMPING * weights
    transposed = matrix.T
    p = np.full(n, 1.0 / n)
    delta = 1.0
    while delta > _EPSILON:
        nxt = transposed @ p
        delta = float(np.linalg.norm(nxt - p))
        p = nxt
    return p
