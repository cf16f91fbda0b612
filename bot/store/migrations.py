"""The SQLite schema as an ordered list of migrations; `PRAGMA user_version` records how many have run."""

from __future__ import annotations

import sqlite3

MIGRATIONS: tuple[str, ...] = (
    # 1: feeds and their fetch state, dedup keys, articles, quotes, digests and posts.
    """
    CREATE TABLE feeds (
        name          TEXT PRIMARY KEY,
        url           TEXT NOT NULL,
        channels      TEXT NOT NULL DEFAULT '[]',
        language      TEXT,
        origin        TEXT NOT NULL DEFAULT 'config',
        title         TEXT,
        etag          TEXT,
        last_modified TEXT,
        polled        INTEGER NOT NULL DEFAULT 0,
        last_checked  TEXT,
        last_success  TEXT,
        last_error    TEXT,
        failures      INTEGER NOT NULL DEFAULT 0,
        next_try      TEXT,
        paused        INTEGER NOT NULL DEFAULT 0,
        removed       INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE seen (
        key        TEXT PRIMARY KEY,
        article_id INTEGER,
        first_seen TEXT NOT NULL
    );
    CREATE TABLE articles (
        id         INTEGER PRIMARY KEY,
        feed       TEXT NOT NULL,
        url        TEXT NOT NULL,
        canonical  TEXT NOT NULL UNIQUE,
        local      INTEGER NOT NULL DEFAULT 0,
        title      TEXT NOT NULL,
        summary    TEXT NOT NULL DEFAULT '',
        content    TEXT NOT NULL DEFAULT '',
        text       TEXT NOT NULL DEFAULT '',
        published  TEXT,
        discovered TEXT NOT NULL,
        fetched    TEXT,
        image      TEXT,
        language   TEXT,
        key_points TEXT NOT NULL DEFAULT '[]',
        state      TEXT NOT NULL DEFAULT 'new',
        error      TEXT
    );
    CREATE INDEX articles_state ON articles(state);
    CREATE TABLE article_channels (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        channel    TEXT NOT NULL,
        PRIMARY KEY (channel, article_id)
    );
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TABLE quotes (
        id            INTEGER PRIMARY KEY,
        article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        position      INTEGER NOT NULL,
        speaker       TEXT NOT NULL,
        aliases       TEXT NOT NULL DEFAULT '',
        source_text   TEXT,
        source_start  INTEGER,
        source_end    INTEGER,
        cue           TEXT,
        content       TEXT NOT NULL,
        content_start INTEGER NOT NULL,
        content_end   INTEGER NOT NULL,
        kind          TEXT NOT NULL
    );
    CREATE INDEX quotes_article ON quotes(article_id);
    CREATE VIRTUAL TABLE quotes_fts USING fts5(
        content, speaker, aliases, content='quotes', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TABLE digests (
        id      INTEGER PRIMARY KEY,
        channel TEXT NOT NULL,
        created TEXT NOT NULL
    );
    CREATE INDEX digests_channel ON digests(channel, id);
    CREATE TABLE digest_items (
        digest_id  INTEGER NOT NULL REFERENCES digests(id) ON DELETE CASCADE,
        number     INTEGER NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (digest_id, number)
    );
    CREATE INDEX digest_items_article ON digest_items(article_id);
    CREATE TABLE posts (
        id         INTEGER PRIMARY KEY,
        digest_id  INTEGER NOT NULL REFERENCES digests(id) ON DELETE CASCADE,
        platform   TEXT NOT NULL,
        target     TEXT NOT NULL,
        part       INTEGER NOT NULL DEFAULT 0,
        nonce      TEXT NOT NULL,
        state      TEXT NOT NULL DEFAULT 'pending',
        message_id TEXT,
        attempts   INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        created    TEXT NOT NULL,
        sent       TEXT,
        UNIQUE (digest_id, platform, target, part)
    );
    CREATE INDEX posts_state ON posts(state);
    CREATE TABLE notices (
        id       INTEGER PRIMARY KEY,
        feed     TEXT NOT NULL,
        channel  TEXT NOT NULL,
        text     TEXT NOT NULL,
        created  TEXT NOT NULL,
        sent     TEXT
    );
    """,
    # 2: a person's quotes, newest first, straight from an index.
    """
    CREATE INDEX quotes_speaker ON quotes(speaker, article_id, position);
    """,
)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema up to date; return the version it is at. Refuse a database newer than this code."""
    (version,) = conn.execute("PRAGMA user_version").fetchone()
    if version > len(MIGRATIONS):
        raise RuntimeError(
            f"the database is at schema version {version}, newer than this newsbot knows "
            f"({len(MIGRATIONS)}); upgrade newsbot"
        )
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")
    return len(MIGRATIONS)
