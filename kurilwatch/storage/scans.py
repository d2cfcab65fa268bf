"""Whole-table reads and bulk writes: what refilter scans, what the benchmark loads."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from kurilwatch.storage.base import StorePart


@dataclass
class BulkItem:
    """One item written directly, with its sentences: the benchmark's archives."""

    id: int
    feed: str
    guid: str
    url: str
    title: str
    summary: str
    text: str
    time: str  # published, first seen and sort time alike (ISO 8601 UTC)
    matched: str = "[]"  # JSON list of terms
    # (position, sentence, is_new) and (key, position)
    sentences: list[tuple[int, str, bool]] = field(default_factory=list)
    keys: list[tuple[int, int]] = field(default_factory=list)


class ScansPart(StorePart):
    def items_to_refilter(self) -> Iterator[tuple[int, str, str, str, str | None]]:
        """(id, feed, title, text, flagged since) of every stored item, by ID."""
        return self.conn.execute(
            "SELECT id, feed, title, text, unmatched_since FROM items ORDER BY id"
        )

    def bulk_load(self, items: Iterable[BulkItem], batch: int = 20_000) -> None:
        """Write many items at once, without the pipeline's checks: for building archives."""
        self.conn.execute("PRAGMA synchronous = OFF")
        try:
            with self.transaction():
                chunk: list[BulkItem] = []
                for item in items:
                    chunk.append(item)
                    if len(chunk) >= batch:
                        self._bulk_write(chunk)
                        chunk = []
                self._bulk_write(chunk)
        finally:
            self.conn.execute("PRAGMA synchronous = NORMAL")

    def _bulk_write(self, items: list[BulkItem]) -> None:
        from kurilwatch.wordindex import TABLE, indexed

        self.conn.executemany(
            "INSERT INTO feeds (name) VALUES (?) ON CONFLICT DO NOTHING",
            [(feed,) for feed in sorted({item.feed for item in items})],
        )
        self.conn.executemany(
            "INSERT INTO items (id, feed, guid, url, canonical_url, title, summary, text, "
            "published, first_seen, sort_time, matched, revision, story_id) VALUES "
            "(:id, :feed, :guid, :url, :url, :title, :summary, :text, :time, :time, :time, "
            ":matched, 1, :id)",
            [vars(item) for item in items],
        )
        self.conn.executemany(
            "INSERT INTO item_feeds (item_id, feed, first_seen, sort_time) "
            "VALUES (:id, :feed, :time, :time)",
            [vars(item) for item in items],
        )
        self.conn.executemany(
            f"INSERT INTO {TABLE} (rowid, title, text) VALUES (?, ?, ?)",
            [(item.id, indexed(item.title), indexed(item.text)) for item in items],
        )
        self.conn.executemany(
            "INSERT INTO item_keys (key, item_id) VALUES (?, ?)",
            [(f"guid:{item.feed}\x1f{item.guid}", item.id) for item in items],
        )
        self.conn.executemany(
            "INSERT INTO sentences (item_id, position, text, is_new, earlier) "
            "VALUES (?, ?, ?, ?, '')",
            [(item.id, pos, text, int(new)) for item in items for pos, text, new in item.sentences],
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO sentence_keys (key, item_id, position) VALUES (?, ?, ?)",
            [(key, item.id, pos) for item in items for key, pos in item.keys],
        )

    def count_articles(self, status: str) -> int:
        """How many article pages are in this state (read, failed, …)."""
        sql = "SELECT count(*) FROM articles WHERE status = ?"
        return self.conn.execute(sql, [status]).fetchone()[0]

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the database file (its size is then the data's)."""
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
