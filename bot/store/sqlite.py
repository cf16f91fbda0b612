"""The SQLite store: one file in WAL mode, schema from migrations.py, full-text search with FTS5."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from bot.models import Article, Digest, DigestItem, Feed, Quote
from bot.store import fts
from bot.store.base import FeedState, NewEntry, Notice, PendingArticle, PostRecord, QuoteHit, Store
from bot.store.migrations import migrate


def _ts(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat(timespec="seconds") if value else None


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


# Full-text searches rank at most this many of the newest matches (see SQLiteStore._best_recent).
RECENT_MATCHES = 1000


class SQLiteStore(Store):
    """A Store in one SQLite file (":memory:" for tests)."""

    def __init__(self, path: str | Path) -> None:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.execute("PRAGMA busy_timeout=5000")
        self.schema_version = migrate(self._db)

    def close(self) -> None:
        self._db.close()

    def _tx(self) -> _Transaction:
        return _Transaction(self._db)

    # feeds

    def sync_feeds(self, feeds: Sequence[Feed]) -> None:
        with self._tx():
            self._db.execute("UPDATE feeds SET removed = 1 WHERE origin = 'config'")
            for feed in feeds:
                self._db.execute(
                    """INSERT INTO feeds (name, url, channels, language, origin) VALUES (?, ?, ?, ?, 'config')
                       ON CONFLICT(name) DO UPDATE SET
                         url = excluded.url, channels = excluded.channels, language = excluded.language,
                         origin = 'config', removed = 0,
                         etag = CASE WHEN feeds.url = excluded.url THEN feeds.etag END,
                         last_modified = CASE WHEN feeds.url = excluded.url THEN feeds.last_modified END""",
                    (feed.name, feed.url, json.dumps(list(feed.channels)), feed.language),
                )

    def add_feed(self, feed: Feed, origin: str = "user") -> None:
        existing = self.feed(feed.name)
        channels = list(feed.channels)
        if existing is not None and existing.feed.url == feed.url:
            channels = sorted(set(existing.feed.channels) | set(channels))
        with self._tx():
            self._db.execute(
                """INSERT INTO feeds (name, url, channels, language, origin) VALUES (?, ?, ?, ?, ?)
                   ON CONFLICT(name) DO UPDATE SET url = excluded.url, channels = excluded.channels,
                     language = excluded.language, removed = 0, paused = 0, failures = 0""",
                (feed.name, feed.url, json.dumps(channels), feed.language, origin),
            )

    def remove_feed(self, name: str, channel: str | None = None) -> bool:
        state = self.feed(name)
        if state is None:
            return False
        with self._tx():
            left = [c for c in state.feed.channels if c != channel] if channel else []
            if left:
                self._db.execute("UPDATE feeds SET channels = ? WHERE name = ?", (json.dumps(left), state.name))
            else:
                self._db.execute("UPDATE feeds SET removed = 1 WHERE name = ?", (state.name,))
        return True

    def feeds(self) -> list[FeedState]:
        rows = self._db.execute("SELECT * FROM feeds WHERE removed = 0 ORDER BY name COLLATE NOCASE")
        return [self._feed_state(r) for r in rows]

    def feed(self, name: str) -> FeedState | None:
        row = self._db.execute(
            "SELECT * FROM feeds WHERE removed = 0 AND name = ? COLLATE NOCASE", (name,)
        ).fetchone()
        return self._feed_state(row) if row else None

    @staticmethod
    def _feed_state(row: sqlite3.Row) -> FeedState:
        return FeedState(
            feed=Feed(row["name"], row["url"], tuple(json.loads(row["channels"])), row["language"]),
            origin=row["origin"], title=row["title"], etag=row["etag"], last_modified=row["last_modified"],
            polled=bool(row["polled"]), last_checked=_dt(row["last_checked"]),
            last_success=_dt(row["last_success"]), last_error=row["last_error"], failures=row["failures"],
            next_try=_dt(row["next_try"]), paused=bool(row["paused"]),
        )

    def record_success(
        self, name: str, now: datetime, *, etag: str | None, last_modified: str | None,
        title: str | None, not_modified: bool,
    ) -> None:
        with self._tx():
            if not_modified:
                self._db.execute(
                    """UPDATE feeds SET last_checked = ?, last_success = ?, failures = 0, last_error = NULL,
                       next_try = NULL WHERE name = ?""", (_ts(now), _ts(now), name))
            else:
                self._db.execute(
                    """UPDATE feeds SET etag = ?, last_modified = ?, title = COALESCE(?, title), polled = 1,
                       last_checked = ?, last_success = ?, failures = 0, last_error = NULL, next_try = NULL
                       WHERE name = ?""",
                    (etag, last_modified, title, _ts(now), _ts(now), name),
                )

    def record_failure(self, name: str, now: datetime, error: str, next_try: datetime, pause: bool) -> int:
        with self._tx():
            self._db.execute(
                """UPDATE feeds SET failures = failures + 1, last_error = ?, last_checked = ?, next_try = ?,
                   paused = paused OR ? WHERE name = ?""",
                (error, _ts(now), _ts(next_try), int(pause), name),
            )
            row = self._db.execute("SELECT failures FROM feeds WHERE name = ?", (name,)).fetchone()
        return int(row["failures"]) if row else 0

    def resume_feed(self, name: str) -> bool:
        state = self.feed(name)
        if state is None:
            return False
        with self._tx():
            self._db.execute(
                "UPDATE feeds SET paused = 0, failures = 0, next_try = NULL WHERE name = ?", (state.name,)
            )
        return True

    # entries and articles

    def known_keys(self, keys: Sequence[str]) -> set[str]:
        return set(self._seen_articles(keys))

    def _seen_articles(self, keys: Sequence[str]) -> dict[str, int | None]:
        """The article each of `keys` already seen belongs to (None: seen, never stored)."""
        found: dict[str, int | None] = {}
        for start in range(0, len(keys), 500):
            chunk = list(keys[start:start + 500])
            marks = ",".join("?" * len(chunk))
            found.update(self._db.execute(f"SELECT key, article_id FROM seen WHERE key IN ({marks})", chunk))
        return found

    def _credit_first(self, article_id: int, feed: str, published: str | None) -> None:
        """Credit an article not yet read to whichever feed published it first (then by name), so that
        feeds polled at once credit it the same way whichever answers first."""
        row = self._db.execute("SELECT feed, published, state FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None or row["state"] != "new" or published is None:
            return
        if (published, feed.casefold()) < (row["published"] or "~", row["feed"].casefold()):
            self._db.execute("UPDATE articles SET feed = ?, published = ? WHERE id = ?", (feed, published, article_id))

    def add_entries(self, feed: FeedState, entries: Sequence[NewEntry], now: datetime) -> list[int]:
        ids: list[int] = []
        stamp = _ts(now)
        channels = feed.feed.channels
        channel_rows: list[tuple[int, str]] = []
        seen_rows: list[tuple[str, int | None, str | None]] = []
        with self._tx():
            # One lookup for the batch; keys added by earlier entries of this batch count as known too.
            known = self._seen_articles([k for new in entries for k in new.keys])
            for new in entries:
                unseen = [k for k in new.keys if k not in known]
                if not unseen:
                    continue  # handled before
                if len(unseen) < len(new.keys):
                    # Partly known: another feed brought the same article (its link is known, this feed's
                    # GUID is not). Remember this feed's keys for it and, if fresh, show it in this feed's
                    # channels too; a channel's digest never holds an article twice.
                    article_id = next((known[k] for k in new.keys if known.get(k) is not None), None)
                    known.update(dict.fromkeys(unseen, article_id))
                    seen_rows += [(k, article_id, stamp) for k in unseen]
                    if new.fresh and article_id is not None:
                        channel_rows += [(article_id, c) for c in channels]
                        self._credit_first(article_id, feed.name, _ts(new.entry.published))
                    continue
                article_id = None
                if new.fresh:
                    entry = new.entry
                    cur = self._db.execute(
                        """INSERT INTO articles (feed, url, canonical, local, title, summary, content,
                             published, discovered, image, language)
                           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(canonical) DO NOTHING""",
                        (feed.name, new.url, new.canonical, int(new.local), entry.title or new.url,
                         entry.summary, entry.content, _ts(entry.published), stamp, entry.image,
                         entry.language or feed.feed.language),
                    )
                    if cur.rowcount:
                        article_id = cur.lastrowid
                        assert article_id is not None
                        ids.append(article_id)
                        channel_rows += [(article_id, c) for c in channels]
                known.update(dict.fromkeys(new.keys, article_id))
                seen_rows += [(k, article_id, stamp) for k in new.keys]
            # The link rows go in after all the articles (one statement each): the end state is the same.
            if channel_rows:
                self._db.executemany(
                    "INSERT OR IGNORE INTO article_channels (article_id, channel) VALUES (?, ?)", channel_rows
                )
            if seen_rows:
                self._db.executemany("INSERT OR IGNORE INTO seen (key, article_id, first_seen) VALUES (?, ?, ?)",
                                     seen_rows)
        return ids

    def pending_articles(self, limit: int) -> list[PendingArticle]:
        rows = self._db.execute(
            """SELECT a.id, a.feed, a.url, a.local, a.title, a.summary, a.content, a.language, a.image,
                      COALESCE(f.origin, 'config') = 'user' AS from_user, a.published
               FROM articles a LEFT JOIN feeds f ON f.name = a.feed
               WHERE a.state = 'new' ORDER BY a.id LIMIT ?""", (limit,))
        return [PendingArticle(r["id"], r["feed"], r["url"], bool(r["local"]), r["title"], r["summary"],
                               r["content"], r["language"], r["image"], bool(r["from_user"]), _dt(r["published"]))
                for r in rows]

    def save_processed(
        self, article_id: int, now: datetime, *, title: str, text: str, image: str | None,
        language: str | None, key_points: Sequence[str], quotes: Sequence[Quote],
        published: datetime | None = None, error: str | None = None,
    ) -> None:
        with self._tx():
            self._db.execute(
                """UPDATE articles SET title = ?, text = ?, image = COALESCE(image, ?),
                     language = COALESCE(?, language), key_points = ?, fetched = ?, state = 'done', error = ?,
                     published = COALESCE(published, ?)
                   WHERE id = ?""",
                (title, text, image, language, json.dumps(list(key_points)), _ts(now), error,
                 _ts(published), article_id),
            )
            self._db.execute(
                "INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)", (article_id, title, text)
            )
            self._insert_quotes(article_id, quotes)

    def _insert_quotes(self, article_id: int, quotes: Sequence[Quote]) -> None:
        aliases: dict[str, set[str]] = {}
        for q in quotes:
            if q.source_text and q.source_text.lower() not in _PRONOUNS:
                aliases.setdefault(q.speaker, set()).add(q.source_text)
        for position, q in enumerate(quotes):
            alias_text = " | ".join(sorted(aliases.get(q.speaker, set()) - {q.speaker}))
            s_start, s_end = q.source_span or (None, None)
            cur = self._db.execute(
                """INSERT INTO quotes (article_id, position, speaker, aliases, source_text, source_start,
                     source_end, cue, content, content_start, content_end, kind)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (article_id, position, q.speaker, alias_text, q.source_text, s_start, s_end, q.cue,
                 q.content, q.content_span[0], q.content_span[1], q.kind),
            )
            self._db.execute(
                "INSERT INTO quotes_fts (rowid, content, speaker, aliases) VALUES (?, ?, ?, ?)",
                (cur.lastrowid, q.content, q.speaker, alias_text),
            )

    _ARTICLE_SQL = "SELECT * FROM articles WHERE state = 'done' AND "

    def article(self, article_id: int) -> Article | None:
        row = self._db.execute(self._ARTICLE_SQL + "id = ?", (article_id,)).fetchone()
        return self._article(row) if row else None

    def article_by_url(self, canonical_url: str) -> Article | None:
        row = self._db.execute(self._ARTICLE_SQL + "canonical = ?", (canonical_url,)).fetchone()
        return self._article(row) if row else None

    def search_articles(self, words: str, limit: int = 5) -> list[Article]:
        ids: list[int] = []
        for query in (fts.all_words(words), fts.any_words(words)):
            if query and not ids:
                ids = self._best_recent("articles_fts", query, limit, "bm25(articles_fts, 5.0, 1.0)")
        found = {r["id"]: r for r in self._db.execute(
            f"SELECT * FROM articles WHERE state = 'done' AND id IN ({','.join('?' * len(ids))})", ids)}
        return [self._article(found[i]) for i in ids if i in found]

    def _best_recent(self, table: str, query: str, limit: int, rank: str) -> list[int]:
        """Rowids of the best `limit` matches by `rank` among the newest RECENT_MATCHES matches.

        Ranking every match of a common word costs time in proportion to the store; the newest matches
        are found in index order at once, and for news the best recent match is the one readers want.
        """
        floor = self._db.execute(
            f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
            (query, RECENT_MATCHES - 1)).fetchone()
        rows = self._db.execute(
            f"SELECT rowid FROM {table} WHERE {table} MATCH ? AND rowid >= ? ORDER BY {rank} LIMIT ?",
            (query, floor[0] if floor else 0, limit))
        return [r[0] for r in rows]

    def _article(self, row: sqlite3.Row, with_quotes: bool = True) -> Article:
        quotes: tuple[Quote, ...] = ()
        if with_quotes:
            qrows = self._db.execute(
                "SELECT * FROM quotes WHERE article_id = ? ORDER BY position", (row["id"],))
            quotes = tuple(_quote(q) for q in qrows)
        fetched = _dt(row["fetched"]) or _dt(row["discovered"])
        assert fetched is not None
        return Article(
            id=row["id"], feed=row["feed"], url=row["url"], title=row["title"], text=row["text"],
            published=_dt(row["published"]), fetched=fetched, image=row["image"], language=row["language"],
            key_points=tuple(json.loads(row["key_points"])), quotes=quotes,
        )

    # quotes

    _HIT_SQL = """SELECT q.*, a.title AS a_title, a.url AS a_url, a.published AS a_published,
                         a.discovered AS a_discovered
                  FROM quotes q JOIN articles a ON a.id = q.article_id"""

    def quotes_by_speaker(self, name: str, limit: int = 10) -> list[QuoteHit]:
        query = fts.all_words(name)
        if query is None:
            return []
        # The speakers of the newest matching quotes (speaker and alias columns only) are the candidates;
        # the one whose name fits best wins, the most recently quoted on a tie.
        rows = self._db.execute(
            """SELECT q.speaker FROM quotes q WHERE q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?
                 ORDER BY rowid DESC LIMIT ?) ORDER BY q.id DESC""",
            ("{speaker aliases} : (" + query + ")", RECENT_MATCHES)).fetchall()
        if not rows:
            return []
        wanted = fts.fold(" ".join(fts.terms(name)))
        candidates = list(dict.fromkeys(r["speaker"] for r in rows))
        best = min(candidates, key=lambda s: (_speaker_rank(s, wanted), candidates.index(s)))
        hits = self._db.execute(
            self._HIT_SQL + " WHERE q.speaker = ? ORDER BY q.article_id DESC, q.position LIMIT ?", (best, limit))
        return [_hit(r) for r in hits]

    def quotes_by_phrase(self, phrase: str, limit: int = 10) -> list[QuoteHit]:
        query = fts.phrase(phrase)
        if query is None:
            return []
        rows = self._db.execute(
            self._HIT_SQL + """ WHERE q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?
                ORDER BY rowid DESC LIMIT ?) ORDER BY q.article_id DESC, q.position""",
            ("{content} : " + query, limit)).fetchall()
        return [_hit(r) for r in rows]

    # digests and posts

    def create_digest(self, channel: str, now: datetime, max_items: int) -> Digest | None:
        with self._tx():
            rows = self._db.execute(
                """SELECT a.id FROM article_channels ac JOIN articles a ON a.id = ac.article_id
                   WHERE ac.channel = ? AND a.state = 'done' AND NOT EXISTS (
                     SELECT 1 FROM digest_items di JOIN digests d ON d.id = di.digest_id
                     WHERE di.article_id = a.id AND d.channel = ?)
                   ORDER BY COALESCE(a.published, a.discovered) DESC, a.id DESC LIMIT ?""",
                (channel, channel, max_items)).fetchall()
            if not rows:
                return None
            cur = self._db.execute("INSERT INTO digests (channel, created) VALUES (?, ?)", (channel, _ts(now)))
            digest_id = cur.lastrowid
            self._db.executemany(
                "INSERT INTO digest_items (digest_id, number, article_id) VALUES (?, ?, ?)",
                [(digest_id, n, r["id"]) for n, r in enumerate(rows, start=1)],
            )
        assert digest_id is not None
        digest = self.digest(digest_id)
        assert digest is not None
        return digest

    def latest_digest(self, channel: str | None) -> Digest | None:
        if channel is None:
            row = self._db.execute("SELECT id FROM digests ORDER BY id DESC LIMIT 1").fetchone()
        else:
            row = self._db.execute(
                "SELECT id FROM digests WHERE channel = ? ORDER BY id DESC LIMIT 1", (channel,)).fetchone()
        return self.digest(row["id"]) if row else None

    def digest(self, digest_id: int) -> Digest | None:
        row = self._db.execute("SELECT * FROM digests WHERE id = ?", (digest_id,)).fetchone()
        if row is None:
            return None
        items = self._db.execute(
            """SELECT di.number, a.* FROM digest_items di JOIN articles a ON a.id = di.article_id
               WHERE di.digest_id = ? ORDER BY di.number""", (digest_id,))
        created = _dt(row["created"])
        assert created is not None
        return Digest(
            id=row["id"], channel=row["channel"], created=created,
            items=tuple(DigestItem(r["number"], self._article(r)) for r in items),
        )

    def record_post(self, digest_id: int, platform: str, target: str, part: int, now: datetime) -> PostRecord:
        with self._tx():
            self._db.execute(
                """INSERT INTO posts (digest_id, platform, target, part, nonce, created) VALUES (?, ?, ?, ?, ?, ?)
                   ON CONFLICT(digest_id, platform, target, part) DO NOTHING""",
                (digest_id, platform, target, part, uuid.uuid4().hex[:25], _ts(now)),
            )
        row = self._db.execute(
            "SELECT * FROM posts WHERE digest_id = ? AND platform = ? AND target = ? AND part = ?",
            (digest_id, platform, target, part)).fetchone()
        return _post(row)

    def mark_post_sent(self, post_id: int, message_id: str | None, now: datetime) -> None:
        with self._tx():
            self._db.execute(
                """UPDATE posts SET state = 'sent', message_id = ?, sent = ?, attempts = attempts + 1
                   WHERE id = ?""", (message_id, _ts(now), post_id))

    def mark_post_failed(self, post_id: int, error: str, *, final: bool) -> None:
        with self._tx():
            self._db.execute(
                "UPDATE posts SET attempts = attempts + 1, last_error = ?, state = ? WHERE id = ?",
                (error, "failed" if final else "pending", post_id))

    def unsent_posts(self, platform: str) -> list[PostRecord]:
        rows = self._db.execute(
            "SELECT * FROM posts WHERE platform = ? AND state = 'pending' ORDER BY id", (platform,))
        return [_post(r) for r in rows]

    # notices

    def add_notice(self, feed: str, channel: str, text: str, now: datetime) -> None:
        with self._tx():
            self._db.execute(
                "INSERT INTO notices (feed, channel, text, created) VALUES (?, ?, ?, ?)",
                (feed, channel, text, _ts(now)))

    def unsent_notices(self) -> list[Notice]:
        rows = self._db.execute("SELECT * FROM notices WHERE sent IS NULL ORDER BY id")
        return [Notice(r["id"], r["feed"], r["channel"], r["text"]) for r in rows]

    def mark_notice_sent(self, notice_id: int, now: datetime) -> None:
        with self._tx():
            self._db.execute("UPDATE notices SET sent = ? WHERE id = ?", (_ts(now), notice_id))


_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "his", "her", "their"})


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on an exception; nests by doing nothing inside another."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._outer = False

    def __enter__(self) -> None:
        self._outer = not self._db.in_transaction
        if self._outer:
            self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, *_: object) -> None:
        if self._outer:
            self._db.execute("ROLLBACK" if exc_type else "COMMIT")


def _quote(row: sqlite3.Row) -> Quote:
    source_span = (row["source_start"], row["source_end"]) if row["source_start"] is not None else None
    return Quote(
        speaker=row["speaker"], source_text=row["source_text"], source_span=source_span, cue=row["cue"],
        content=row["content"], content_span=(row["content_start"], row["content_end"]), kind=row["kind"],
    )


def _hit(row: sqlite3.Row) -> QuoteHit:
    aliases = tuple(a for a in row["aliases"].split(" | ") if a)
    return QuoteHit(
        quote=_quote(row), aliases=aliases, article_id=row["article_id"], title=row["a_title"],
        url=row["a_url"], published=_dt(row["a_published"]) or _dt(row["a_discovered"]),
    )


def _speaker_rank(speaker: str, wanted: str) -> tuple[int, int, str]:
    """Sort key: an exact name first, then a name ending in the words asked for, then the shortest."""
    folded = fts.fold(speaker)
    exact = folded == wanted
    suffix = folded.endswith(" " + wanted) or folded.split()[-1:] == wanted.split()[-1:]
    return (0 if exact else 1 if suffix else 2, len(folded), folded)


def _post(row: sqlite3.Row) -> PostRecord:
    return PostRecord(
        id=row["id"], digest_id=row["digest_id"], platform=row["platform"], target=row["target"],
        part=row["part"], nonce=row["nonce"], state=row["state"], message_id=row["message_id"],
        attempts=row["attempts"],
    )

