"""The attribution record that sentence rules produce and the article pass refines."""

from __future__ import annotations

from dataclasses import dataclass

Span = tuple[int, int]  # [start, end) offsets into the article text


@dataclass
class Hit:
    """An attribution found in a sentence, before speaker resolution."""

    content: Span
    source: Span | None
    cue: str | None
    quoted: bool
    lone: bool = False  # a quotation with no attribution of its own, given the previous speaker
    inherited: Span | None = None  # the earlier source whose speaker a lone quotation takes
