"""The attribution record that sentence rules produce and the article pass refines."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Hit:
    """An attribution found in a sentence, before speaker resolution."""

    content: tuple[int, int]
    source: tuple[int, int] | None
    cue: str | None
    quoted: bool
    lone: bool = False  # a quotation with no attribution of its own, given the previous speaker
    inherited: tuple[int, int] | None = None  # the earlier source whose speaker a lone quotation takes
