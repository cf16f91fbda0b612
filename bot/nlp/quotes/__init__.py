"""Rule-based quote attribution: who said what in an article."""

from bot.nlp.quotes.extract import extract_quotes

__all__ = ["extract_quotes"]
