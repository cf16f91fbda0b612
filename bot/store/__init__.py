"""Persistence: the Store interface and its SQLite implementation."""

from bot.store.base import FeedState, NewEntry, Notice, PendingArticle, PostRecord, QuoteHit, Store
from bot.store.sqlite import SQLiteStore

__all__ = [
    "FeedState", "NewEntry", "Notice", "PendingArticle", "PostRecord", "QuoteHit", "SQLiteStore", "Store",
]
