"""SQLite storage with sqlite-utils: opening (migrations.py), upserts, queries, full-text search."""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kurilwatch import migrations
from kurilwatch.errors import StoreError, UsageError
from kurilwatch.migrations import SCHEMA_VERSION
from kurilwatch.storage.errors import translated
from kurilwatch.storage.scans import ScansPart
from kurilwatch.storage.sent import SentPart
from kurilwatch.storage.sentences import SentencesPart
from kurilwatch.storage.shared import FLAGGED, SHOWN, from_iso, iso

# Neither sqlite-utils nor the update's records (models.py, a dozen dataclasses): the
# queries need them not, and `list` does not load them.
if TYPE_CHECKING:
    import sqlite_utils

    from kurilwatch.models import Copy, Entry, FeedState, ItemChange, UnmatchedRow
    from kurilwatch.query import Query

BUSY_TIMEOUT_MS = 30_000
# The feeds table's times, stored as ISO text (FeedState holds them as datetimes).
_FEED_TIMES = frozenset(
    {"last_attempt", "last_success", "failing_since", "retry_after", "last_alert"}
)


# Every table whose rows belong to an item (its `item_id`): deleting an item deletes them.
# A test checks the schema against this list.
TABLES_OF_ITEMS = (
    "item_keys",
    "item_feeds",
    "revisions",
    "sentences",
    "sentence_keys",
    "sent",
    "articles",
)


@dataclass(frozen=True)
class UpsertResult:
    item_id: int
    status: ItemChange  # updated: its feed changed its copy
    shown_changed: bool = False  # the item's shown title or text changed: index it again


class Store(SentencesPart, SentPart, ScansPart):
    """The database: opened, migrated and configured for concurrent readers (WAL).

    `now` is the clock of whatever runs on it: what the store dates, and what the update
    pipeline decides with (update.py), come from this one clock.
    """

    def __init__(
        self,
        path: Path | str,
        now: Callable[[], datetime] | None = None,
        *,
        create: bool = True,
    ) -> None:
        """Open (and migrate) the database; with create=False a missing one is a UsageError.

        Commands that only show what is stored open with create=False, so a mistyped --db
        never leaves an empty database (or directories) behind.
        """
        self.path = Path(path)
        self.now = now or (lambda: datetime.now(UTC))
        try:
            target, uri = str(path), False
            if target == ":memory:":
                pass
            elif create:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            elif not self.path.is_file():
                raise UsageError(
                    f"database {path} does not exist (`kurilwatch fetch` or `kurilwatch run` "
                    "creates it; --db or KURILWATCH_DB names another)"
                )
            else:
                # mode=rw: SQLite itself refuses to create the file, should it vanish now.
                target, uri = self.path.absolute().as_uri() + "?mode=rw", True
            conn = sqlite3.connect(
                target, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, uri=uri
            )
            self.conn = conn
            self._db: sqlite_utils.Database | None = None
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            _set_wal(conn)
            conn.execute("PRAGMA synchronous = NORMAL")
            # A fetch stores each feed in a savepoint, whose journal holds a copy of every page
            # the feed changes: in memory, not 56 MB of writes to files in /var/tmp per
            # 100-feed cold fetch (27,000 pwrite calls, seen with strace).
            conn.execute("PRAGMA temp_store = MEMORY")
            conn.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open database {path}: {exc}") from None
        except OSError as exc:
            raise StoreError(f"cannot create database {path}: {exc.strerror or exc}") from None

    @property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils on the same connection, imported only by commands that write."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)
        return self._db

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: object
    ) -> None:
        """Close; an sqlite error on the way out leaves as the project's own (one line)."""
        self.close()
        if exc is not None and (known := translated(exc)) is not None:
            raise known from exc

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        self._refuse_newer(self.schema_version)
        if self.schema_version == SCHEMA_VERSION:
            return
        # Off while tables are rebuilt (migration 16): dropping an old table would otherwise
        # delete, or refuse, the rows that refer to it. Only outside a transaction can it change.
        self.conn.execute("PRAGMA foreign_keys = OFF")
        try:
            with self.transaction():
                # Read again under the write lock: a concurrent run may have just migrated.
                version = self.schema_version
                self._refuse_newer(version)
                migrations.upgrade(self.conn, version, lambda: self.db)
        finally:
            self.conn.execute("PRAGMA foreign_keys = ON")

    def _refuse_newer(self, version: int) -> None:
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"database {self.path} has schema version {version}, newer than this kurilwatch "
                f"understands ({SCHEMA_VERSION}); upgrade kurilwatch"
            )

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE .. COMMIT: all or nothing, and writers queue on the busy timeout.

        Inside another transaction, a savepoint: all or nothing within it, committed with it.
        """
        if self.conn.in_transaction:
            begin, undo, done = (
                "SAVEPOINT nested",
                ["ROLLBACK TO nested", "RELEASE nested"],
                "RELEASE nested",
            )
        else:
            begin, undo, done = "BEGIN IMMEDIATE", ["ROLLBACK"], "COMMIT"
        self.conn.execute(begin)
        try:
            yield
        except BaseException:
            # SQLITE_FULL and I/O errors already rolled back the whole transaction.
            if self.conn.in_transaction:
                for statement in undo:
                    self.conn.execute(statement)
            raise
        else:
            self.conn.execute(done)

    # --- feeds ----------------------------------------------------------------------------

    def feed_states(self) -> dict[str, dict]:
        return {row["name"]: row for row in self.rows("SELECT * FROM feeds")}

    def feed_states_for_update(self) -> dict[str, FeedState]:
        """Each stored feed's health and validators, as the update pipeline reads them."""
        return {row["name"]: _feed_state(row) for row in self.rows("SELECT * FROM feeds")}

    def record_feed_state(self, name: str, state: FeedState) -> None:
        """Store a feed's state after a poll; call inside the fetch's transaction."""
        from kurilwatch.models import FeedState

        values = {
            f.name: iso(value) if f.name in _FEED_TIMES else value
            for f in fields(FeedState)
            for value in [getattr(state, f.name)]
        }
        self.record_feed(name, **values)

    def record_feed(self, name: str, **columns: object) -> None:
        """Update a feed's row; call inside the fetch's transaction.

        Plain SQL: it runs once per feed per poll, and a re-poll of feeds that all answer
        304 should cost little more than this.
        """
        values = {"name": name, **columns}
        updates = ", ".join(f"{c} = excluded.{c}" for c in values if c != "name")
        self.conn.execute(
            f"{_insert_sql('feeds', values)} ON CONFLICT (name) DO UPDATE SET {updates}",
            list(values.values()),
        )

    def pull_back_from_future(self, now: datetime) -> int:
        """Items first seen or dated after `now` (stored while the clock ran ahead): now.

        Left alone, an undated item first seen by a run whose clock was a year ahead sits on
        top of every list for a year, and a kept non-matching entry is kept a year longer.
        Returns how many items were moved.
        """
        moment = iso(now)
        ahead = "first_seen > ?1 OR sort_time > ?1"
        probe = (
            f"SELECT 1 FROM items WHERE {ahead} "
            "UNION ALL SELECT 1 FROM unmatched WHERE first_seen > ?1 LIMIT 1"
        )
        if not self.conn.execute(probe, [moment]).fetchone():
            return 0  # the usual case: a read, not a write lock
        with self.transaction():
            self.conn.execute(
                "UPDATE unmatched SET first_seen = ?1 WHERE first_seen > ?1", [moment]
            )
            self.conn.execute(
                "UPDATE items SET first_seen = min(first_seen, ?1), "
                f"sort_time = min(sort_time, ?1), published = min(published, ?1) WHERE {ahead}",
                [moment],
            )
            moved = self.conn.execute("SELECT changes()").fetchone()[0]
            self.conn.execute(
                "UPDATE item_feeds SET first_seen = min(first_seen, ?1), "
                "sort_time = min(sort_time, ?1) WHERE first_seen > ?1 OR sort_time > ?1",
                [moment],
            )
        return moved

    def items_per_feed(self) -> dict[str, int]:
        sql = "SELECT feed, count(*) FROM item_feeds GROUP BY feed"
        return dict(self.conn.execute(sql).fetchall())

    # --- items ----------------------------------------------------------------------------

    def upsert_entry(
        self,
        feed: str,
        entry: Entry,
        matched: list[str],
        lang: str | None = None,
        first_seen: str | None = None,
    ) -> UpsertResult:
        """Insert a new item, or store this feed's copy of a known one.

        Each feed keeps its own copy (title, summary, text); the item shows the fullest. A
        revision is a change by one feed to its own copy: another feed's shorter or longer
        copy of the same article is not one.
        """
        from kurilwatch.models import ItemChange

        now = iso(self.now())
        self._ensure_feed(feed)
        keys = _scoped_keys(feed, entry)
        item_id = self._find_item(feed, entry, keys)
        if item_id is None:
            item_id = self._insert_item(feed, entry, matched, lang, first_seen or now, now)
            status, shown_changed = ItemChange.new, True
        else:
            status, shown_changed = self._store_copy(feed, item_id, entry, matched, now)
        self.conn.executemany(
            "INSERT OR IGNORE INTO item_keys (key, item_id) VALUES (?, ?)",
            [(k, item_id) for k in keys],
        )
        return UpsertResult(item_id, status, shown_changed)

    def _ensure_feed(self, feed: str) -> None:
        """A `feeds` row for this name, which every row naming the feed refers to."""
        self.conn.execute("INSERT INTO feeds (name) VALUES (?) ON CONFLICT DO NOTHING", [feed])

    def _index_words(self, item_id: int, title: str | None, text: str | None) -> None:
        """Write an item's shown title and text into the search box's word index."""
        from kurilwatch.wordindex import TABLE, indexed

        self.conn.execute(f"DELETE FROM {TABLE} WHERE rowid = ?", [item_id])
        self.conn.execute(
            f"INSERT INTO {TABLE} (rowid, title, text) VALUES (?, ?, ?)",
            [item_id, indexed(title), indexed(text)],
        )

    def _find_item(self, feed: str, entry: Entry, keys: list[str]) -> int | None:
        """The item this entry is a copy of: by its GUID in this feed, else by URL or hash.

        Within one feed, distinct GUIDs are distinct items even when they share a link (a
        live blog's entries, a feed linking every entry to its front page): an item found
        by URL that this feed already knows under another GUID is not this entry.
        """
        if entry.guid:
            row = self.conn.execute(
                "SELECT item_id FROM item_keys WHERE key = ?", [keys[0]]
            ).fetchone()
            if row is not None:
                return row[0]
            keys = keys[1:]
        if not keys:
            return None
        placeholders = ",".join("?" * len(keys))
        row = self.conn.execute(
            f"SELECT item_id FROM item_keys WHERE key IN ({placeholders}) LIMIT 1", keys
        ).fetchone()
        if row is None:
            return None
        if entry.guid:
            # This feed's GUID keys run from "guid:FEED\x1f" up to (not including) "guid:FEED ".
            other_guid = self.conn.execute(
                "SELECT 1 FROM item_keys WHERE item_id = ? AND key >= ? AND key < ? LIMIT 1",
                [row[0], f"guid:{feed}\x1f", f"guid:{feed}\x20"],
            ).fetchone()
            if other_guid is not None:
                return None
        return row[0]

    def _insert_item(
        self,
        feed: str,
        entry: Entry,
        matched: list[str],
        lang: str | None,
        first_seen: str,
        now: str,
    ) -> int:
        # Published after kurilwatch first saw it is impossible: a feed's wrong date, or a
        # clock that was wrong when it was seen. Capped, it cannot sit on top of every list.
        published = iso(entry.published)
        if published is not None and published > first_seen:
            published = first_seen
        record = entry_record(entry) | {
            "published": published,
            "feed": feed,
            "first_seen": first_seen,
            "updated": None,
            "sort_time": published or first_seen,
            "matched": json.dumps(matched, ensure_ascii=False),
            "revision": 1,
            "lang": lang,
        }
        item_id: int = self.conn.execute(
            _insert_sql("items", record), list(record.values())
        ).lastrowid  # type: ignore[assignment]  # an INSERT always sets it
        self._index_words(item_id, entry.title, entry.text)
        self.conn.execute(
            "INSERT INTO revisions (item_id, revision, title, text, seen, feed) "
            "VALUES (?, 1, ?, ?, ?, ?)",
            [item_id, entry.title, entry.text, now, feed],
        )
        # Its copy is the shown one: NULL, not the text a second time.
        self.conn.execute(
            "INSERT INTO item_feeds (item_id, feed, first_seen, sort_time) VALUES (?, ?, ?, ?)",
            [item_id, feed, now, record["sort_time"]],
        )
        return item_id

    def _store_copy(
        self,
        feed: str,
        item_id: int,
        entry: Entry,
        matched: list[str],
        now: str,
    ) -> tuple[ItemChange, bool]:
        """Store `feed`'s copy of a known item: (status, whether the shown copy changed)."""
        from kurilwatch.decide import decide_copy
        from kurilwatch.models import Copy, ItemChange

        shown = Copy(
            *self.conn.execute(
                "SELECT title, summary, text FROM items WHERE id = ?", [item_id]
            ).fetchone()
        )
        copies: dict[str, Copy] = {}
        stored: dict[str, Copy | None] = {}
        seen_at: dict[str, str] = {}
        for source, title, summary, text, seen in self.conn.execute(
            "SELECT feed, title, summary, text, first_seen FROM item_feeds WHERE item_id = ? "
            "ORDER BY first_seen, feed",
            [item_id],
        ):
            own = None if text is None else Copy(title, summary, text)
            stored[source], copies[source], seen_at[source] = own, own or shown, seen
        new = Copy(entry.title, entry.summary, entry.text)
        decision = decide_copy(shown, copies, feed, new)
        if decision is None:
            return ItemChange.unchanged, False
        status, best = decision.change, decision.shown
        if status is ItemChange.updated:
            self._record_revision(feed, item_id, copies[feed], new, seen_at[feed], now)
        for source, copy in decision.copies.items():
            own = None if copy == best else copy
            if source not in stored:
                self.conn.execute(
                    "INSERT INTO item_feeds (item_id, feed, first_seen, sort_time, title, "
                    "summary, text) SELECT ?, ?, ?, sort_time, ?, ?, ? FROM items WHERE id = ?",
                    [item_id, source, now, *(own or (None, None, None)), item_id],
                )
            elif own != stored[source]:
                self.conn.execute(
                    "UPDATE item_feeds SET title = ?, summary = ?, text = ? "
                    "WHERE item_id = ? AND feed = ?",
                    [*(own or (None, None, None)), item_id, source],
                )
        fields: dict[str, object] = {}
        if best != shown:
            fields |= best._asdict()
            if best == new:
                fields["matched"] = json.dumps(matched, ensure_ascii=False)
        if status is ItemChange.updated:
            fields["updated"] = now
        if fields:
            assignments = ", ".join(f"{column} = ?" for column in fields)
            self.conn.execute(
                f"UPDATE items SET {assignments} WHERE id = ?", [*fields.values(), item_id]
            )
        if best != shown:
            self._index_words(item_id, best.title, best.text)
        return status, best != shown

    def _record_revision(
        self, feed: str, item_id: int, old: Copy, new: Copy, old_seen: str, now: str
    ) -> None:
        """A revision: `feed` changed its own copy from `old` to `new`."""
        (revision,) = self.conn.execute(
            "SELECT revision FROM items WHERE id = ?", [item_id]
        ).fetchone()
        rows = []
        if not self.conn.execute(
            "SELECT 1 FROM revisions WHERE item_id = ? AND feed = ? LIMIT 1", [item_id, feed]
        ).fetchone():
            # Its first copy was no revision of the item; kept now, so the change has a before.
            revision += 1
            rows.append((item_id, revision, old.title, old.text, old_seen, feed))
        revision += 1
        rows.append((item_id, revision, new.title, new.text, now, feed))
        self.conn.executemany(
            "INSERT INTO revisions (item_id, revision, title, text, seen, feed) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )
        self.conn.execute("UPDATE items SET revision = ? WHERE id = ?", [revision, item_id])

    def shown_copy(self, item_id: int) -> tuple[str, str]:
        """The title and text an item shows (its fullest copy): what its sentences are of."""
        return self.conn.execute("SELECT title, text FROM items WHERE id = ?", [item_id]).fetchone()

    def set_text_source(self, item_id: int, source: str) -> None:
        """Where the item's text came from: feed, article or feed-full-text."""
        self.conn.execute("UPDATE items SET text_source = ? WHERE id = ?", [source, item_id])

    # --- articles ---------------------------------------------------------------------------

    def article_rows(self, feed: str, keys: list[str]) -> tuple[list[dict], dict[int, str]]:
        """The `articles` rows of these keys and the feed's queue, and their items' texts.

        A queued row of a stored item carries the item as an Entry (`item_entry`), so its
        page can be read after the feed has dropped it.
        """
        rows: list[dict] = []
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            rows += self.rows(
                f"SELECT * FROM articles WHERE key IN ({','.join('?' * len(chunk))})", chunk
            )
        known = {r["key"] for r in rows}
        rows += [
            r
            for r in self.rows(
                "SELECT * FROM articles WHERE feed = ? AND status IN ('queued', 'failed')", [feed]
            )
            if r["key"] not in known
        ]
        ids = [r["item_id"] for r in rows if r["item_id"] is not None]
        texts: dict[int, str] = {}
        items: dict[int, dict] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for item in self.rows(
                "SELECT id, guid, url, canonical_url, title, summary, text, published"
                f" FROM items WHERE id IN ({','.join('?' * len(chunk))})",
                chunk,
            ):
                texts[item["id"]] = item["text"]
                items[item["id"]] = item
        for row in rows:
            waiting = row["status"] in ("queued", "failed")
            stored = items.get(row["item_id"]) if waiting else None
            if stored is not None:
                row["item_entry"] = entry_from_record(
                    {k: v for k, v in stored.items() if k != "id"}
                )
        return rows, texts

    def has_article_queue(self, feed: str) -> bool:
        sql = "SELECT 1 FROM articles WHERE feed = ? AND status IN ('queued', 'failed') LIMIT 1"
        return self.conn.execute(sql, [feed]).fetchone() is not None

    def record_article(self, row: dict) -> None:
        """Insert or replace one `articles` row; call inside the fetch's transaction."""
        self._ensure_feed(row["feed"])
        self.conn.execute(
            f"{_insert_sql('articles', row).replace('INSERT', 'INSERT OR REPLACE', 1)}",
            list(row.values()),
        )

    def prune_articles(self, feed: str, before: str) -> None:
        """Forget the decided pages of entries never stored (not about the islands, or
        unreadable) last tried before `before`: the table does not grow with every lead."""
        self.conn.execute(
            "DELETE FROM articles WHERE feed = ? AND item_id IS NULL"
            " AND status IN ('read', 'gave_up') AND last_attempt < ?",
            [feed, before],
        )

    def lead_only(self, item_ids: list[int]) -> set[int]:
        """Those of these items whose article was wanted but is not read (yet)."""
        found: set[int] = set()
        for start in range(0, len(item_ids), 500):
            chunk = item_ids[start : start + 500]
            found.update(
                row[0]
                for row in self.conn.execute(
                    "SELECT item_id FROM articles WHERE status != 'read' AND item_id IN "
                    f"({','.join('?' * len(chunk))})",
                    chunk,
                )
            )
        return found

    def article_error(self, item_id: int) -> str | None:
        """Why an item's article is not read, if it is not."""
        row = self.conn.execute(
            "SELECT error FROM articles WHERE item_id = ? AND status != 'read'", [item_id]
        ).fetchone()
        return row[0] if row else None

    def lead_only_per_feed(self) -> dict[str, int]:
        sql = (
            "SELECT feed, count(*) FROM articles WHERE status != 'read' AND item_id IS NOT NULL"
            " GROUP BY feed"
        )
        return dict(self.conn.execute(sql).fetchall())

    def get_item(self, item_id: int) -> dict | None:
        rows = self.rows("SELECT * FROM items WHERE id = ?", [item_id])
        return _with_sources(self, rows)[0] if rows else None

    def list_items(
        self,
        since: datetime | None = None,
        source: str | None = None,
        limit: int | None = 50,
        flagged: bool = False,
    ) -> list[dict]:
        """Items newest first; `since` compares published (else first seen).

        Items `refilter` flagged as no longer matching are left out; `flagged` lists only them.
        """
        shown = FLAGGED if flagged else SHOWN
        where: list[str]
        params: list[object]
        if source is None:
            sql, key, where, params = "SELECT * FROM items", "items", [shown], []
        else:
            # The feed's own index by time leads: its newest items come first, unsorted.
            sql = "SELECT items.* FROM item_feeds JOIN items ON items.id = item_feeds.item_id"
            key, where, params = "item_feeds", ["item_feeds.feed = ?", shown], [source]
        if since is not None:
            where.append(f"{key}.sort_time >= ?")
            params.append(iso(since))
        if where:
            sql += " WHERE " + " AND ".join(where)
        item_id = "item_feeds.item_id" if source is not None else "items.id"
        sql += f" ORDER BY {key}.sort_time DESC, {item_id} DESC"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return _with_sources(self, self.rows(sql, params))

    def items_after(self, item_id: int, limit: int | None = None) -> list[dict]:
        """Items stored after this one, in the order they were stored."""
        sql, params = f"SELECT * FROM items WHERE id > ? AND {SHOWN} ORDER BY id", [item_id]
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return _with_sources(self, self.rows(sql, params))

    def search(self, parsed: Query, since: datetime | None = None, limit: int = 20) -> list[dict]:
        """Full-text search, best first, each row with a `snippet` marking hits with \x02..\x03.

        `parsed` comes from `kurilwatch.query.parse_query` (every word literal, a few
        operators). The trigram index cannot see terms shorter than three characters (国後,
        "EU"); a query with one falls back to a substring scan, newest first.
        """
        from kurilwatch.query import fold

        window, params = f" AND {SHOWN}", []
        if since is not None:
            window += " AND items.sort_time >= ?"
            params.append(iso(since))
        if parsed.needs_substring_scan:
            self.conn.create_function("kw_fold", 1, fold, deterministic=True)
            searched = "kw_fold(coalesce(items.title, '') || ' ' || coalesce(items.text, ''))"
            where, where_params = parsed.substring_sql(searched)
            sql = f"SELECT * FROM items WHERE {where}{window} ORDER BY sort_time DESC LIMIT ?"
            rows = self.rows(sql, [*where_params, *params, limit])
            for row in rows:
                row["snippet"] = _substring_snippet(
                    f"{row['title']} — {row['text']}", parsed.wanted
                )
            return _with_sources(self, rows)
        sql = (
            "SELECT items.*, snippet(items_fts, -1, char(2), char(3), '…', 48) AS snippet "
            "FROM items_fts JOIN items ON items.id = items_fts.rowid "
            f"WHERE items_fts MATCH ?{window} ORDER BY bm25(items_fts) LIMIT ?"
        )
        return _with_sources(self, self.rows(sql, [parsed.fts5(), *params, limit]))

    def keep_unmatched(self, feed: str, rows: list[UnmatchedRow], days: int) -> None:
        """Remember non-matching entries for `refilter`; forget those older than `days`.

        `rows` come from `unmatched_row`, which a fetch's worker processes call.
        """
        now = self.now()
        seen = iso(now)
        self._ensure_feed(feed)
        self.conn.executemany(
            "INSERT OR IGNORE INTO unmatched (key, feed, entry, published, first_seen) "
            "VALUES (?, ?, ?, ?, ?)",
            [
                (f"{feed}\x1f{key}", feed, record, published, seen)
                for key, record, published in rows
            ],
        )
        self.conn.execute(
            "DELETE FROM unmatched WHERE first_seen < ?", [iso(now - timedelta(days=days))]
        )

    def unmatched_entries(self) -> list[tuple[str, str, Entry, str]]:
        """(key, feed, entry, first_seen) of every kept non-matching entry."""
        rows = self.conn.execute(
            "SELECT key, feed, entry, first_seen FROM unmatched ORDER BY first_seen"
        ).fetchall()
        return [
            (key, feed, entry_from_record(_unmatched_record(stored)), seen)
            for key, feed, stored, seen in rows
        ]

    def delete_unmatched(self, key: str) -> None:
        self.conn.execute("DELETE FROM unmatched WHERE key = ?", [key])

    def flag_unmatched(self, item_ids: list[int], since: str | None) -> None:
        """Mark items that the rules no longer match (None clears the mark)."""
        self.conn.executemany(
            "UPDATE items SET unmatched_since = ? WHERE id = ?", [(since, i) for i in item_ids]
        )

    def delete_item(self, item_id: int) -> None:
        """Remove an item and everything that refers to it."""
        from kurilwatch.wordindex import TABLE

        for table in TABLES_OF_ITEMS:
            self.conn.execute(f"DELETE FROM {table} WHERE item_id = ?", [item_id])
        self.conn.execute(f"DELETE FROM {TABLE} WHERE rowid = ?", [item_id])
        self.conn.execute("DELETE FROM items WHERE id = ?", [item_id])

    def shown_feeds(self, item_id: int) -> list[str]:
        """The feeds whose own copy of an item is the one it shows."""
        sql = "SELECT feed FROM item_feeds WHERE item_id = ? AND text IS NULL ORDER BY feed"
        return [row[0] for row in self.conn.execute(sql, [item_id])]

    def revisions(self, item_id: int) -> list[dict]:
        return self.rows(
            "SELECT revision, title, text, seen, feed FROM revisions WHERE item_id = ? "
            "ORDER BY revision",
            [item_id],
        )

    def get_state(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM state WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_state(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO state (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

    def last_revision_seq(self) -> int:
        """Where the revisions stored so far end: later revisions are numbered above it."""
        return self.conn.execute("SELECT coalesce(max(rowid), 0) FROM revisions").fetchone()[0]

    def revised_after(self, seq: int, up_to_item: int) -> list[tuple[int, int]]:
        """(item, its revision at `seq`) of items up to `up_to_item` revised after `seq`."""
        sql = """SELECT item_id, (SELECT coalesce(max(earlier.revision), 1) FROM revisions earlier
                WHERE earlier.item_id = later.item_id AND earlier.rowid <= ?)
            FROM revisions later WHERE later.rowid > ? AND later.item_id <= ?
            GROUP BY item_id ORDER BY item_id"""
        return self.conn.execute(sql, [seq, seq, up_to_item]).fetchall()

    def last_item_id(self) -> int:
        return self.conn.execute("SELECT coalesce(max(id), 0) FROM items").fetchone()[0]

    def count_items(self, since: datetime | None = None, after_id: int | None = None) -> int:
        """How many items `list_items(since)` or `items_after(after_id)` would give unlimited."""
        where: list[str] = [SHOWN]
        params: list[object] = []
        if since is not None:
            where.append("sort_time >= ?")
            params.append(iso(since))
        if after_id is not None:
            where.append("id > ?")
            params.append(after_id)
        sql = f"SELECT count(*) FROM items WHERE {' AND '.join(where)}"
        return self.conn.execute(sql, params).fetchone()[0]

    def knows_feed(self, name: str) -> bool:
        """Was this feed ever polled, or is any stored item from it?"""
        sql = (
            "SELECT 1 FROM feeds WHERE name = ? "
            "UNION ALL SELECT 1 FROM item_feeds WHERE feed = ? LIMIT 1"
        )
        return self.conn.execute(sql, [name, name]).fetchone() is not None


def _feed_state(row: dict) -> FeedState:
    from kurilwatch.models import FeedState

    values: dict[str, Any] = {f.name: row[f.name] for f in fields(FeedState)}
    for name in _FEED_TIMES:
        values[name] = from_iso(values[name])
    values["consecutive_failures"] = values["consecutive_failures"] or 0
    return FeedState(**values)


def _insert_sql(table: str, columns: dict) -> str:
    """An INSERT of these columns, a placeholder each; the names are ours, never a feed's."""
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def unmatched_row(entry: Entry) -> UnmatchedRow:
    """What `Store.keep_unmatched` stores of a non-matching entry: its record compressed.

    Most entries do not match and a month of them is kept: as deflated JSON (a third of the
    bytes, the summary's repetition in the text among them) they cost the fetch's single
    writer and the disk a third as much. Rows written as plain JSON text still read.
    """
    from kurilwatch.parse import summary_line

    record = entry_record(entry)
    if record["summary"] == summary_line(record["text"]):
        # Most feeds' text is their summary: left out, it costs neither JSON nor deflate.
        del record["summary"]
    compressed = zlib.compress(json.dumps(record, ensure_ascii=False).encode(), 1)
    return entry.identity_keys[0], compressed, record["published"]


def _unmatched_record(stored: str | bytes) -> dict:
    from kurilwatch.parse import summary_line

    record = json.loads(zlib.decompress(stored) if isinstance(stored, bytes) else stored)
    if "summary" not in record:
        record["summary"] = summary_line(record["text"])
    return record


def entry_record(entry: Entry) -> dict:
    return {
        "guid": entry.guid,
        "url": entry.url,
        "canonical_url": entry.canonical_url,
        "title": entry.title,
        "summary": entry.summary,
        "text": entry.text,
        "published": iso(entry.published),
    }


def entry_from_record(record: dict) -> Entry:
    from kurilwatch.models import Entry

    return Entry(**{**record, "published": from_iso(record["published"])})


def _set_wal(conn: sqlite3.Connection) -> None:
    """WAL mode; a brand-new file being set up by a concurrent run can refuse for a moment."""
    import time

    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _scoped_keys(feed: str, entry: Entry) -> list[str]:
    # GUIDs are only unique within a feed ("12345" may mean different things elsewhere), so
    # they are scoped; a canonical URL is global, which merges syndicated copies.
    keys = []
    for key in entry.identity_keys:
        if key.startswith("guid:"):
            keys.append(f"guid:{feed}\x1f{key[5:]}")
        else:
            keys.append(key)
    return keys


def _substring_snippet(text: str, terms: list[str], width: int = 60) -> str:
    lower = text.casefold()
    positions = [(lower.find(t.casefold()), t) for t in terms]
    found = [(p, t) for p, t in positions if p >= 0]
    if not found:
        return text[: 2 * width]
    start, term = min(found)
    left = max(0, start - width)
    end = start + len(term)
    snippet = text[left:start] + "\x02" + text[start:end] + "\x03" + text[end : end + width]
    return ("…" if left else "") + snippet + ("…" if end + width < len(text) else "")


def _with_sources(store: Store, rows: list[dict]) -> list[dict]:
    if not rows:
        return rows
    ids = [r["id"] for r in rows]
    sources: dict[int, list[str]] = {}
    for start in range(0, len(ids), 500):  # SQLite caps the number of parameters
        chunk = ids[start : start + 500]
        sql = (
            f"SELECT item_id, feed FROM item_feeds WHERE item_id IN ({','.join('?' * len(chunk))})"
            " ORDER BY first_seen, feed"
        )
        for item_id, feed in store.conn.execute(sql, chunk):
            sources.setdefault(item_id, []).append(feed)
    lead_only = store.lead_only(ids)
    for row in rows:
        # A flagged item matches nothing under the current rules: it shows no terms, and
        # the rules it matched when stored are no answer to "why is this Kuril news".
        row["flagged"] = row.get("unmatched_since") is not None
        row["matched"] = [] if row["flagged"] else json.loads(row["matched"] or "[]")
        row["sources"] = sources.get(row["id"], [row["feed"]])
        row["lead_only"] = row["id"] in lead_only
    return rows


if __name__ == "__main__":
    from kurilwatch.migrations import migrated_schema

    print(migrated_schema(), end="")
