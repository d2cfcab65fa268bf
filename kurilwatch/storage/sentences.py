"""The sentence index (`sentences`, `sentence_keys`) and the items' stories."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from operator import itemgetter

from kurilwatch.storage.base import StorePart

# One key's earlier sentences, newest items first: a range of the primary key.
EARLIER_SQL = """SELECT k.item_id, k.position, s.text FROM sentence_keys k
    JOIN sentences s ON s.item_id = k.item_id AND s.position = k.position
    WHERE k.key = ? AND k.item_id < ?
    ORDER BY k.item_id DESC LIMIT ?"""

# Which of some keys a sentence of an earlier item has: one probe of the primary key each,
# however many items have it.
SEEN_KEYS_SQL = """SELECT v.column1 FROM (VALUES {rows}) v WHERE EXISTS (
    SELECT 1 FROM sentence_keys k WHERE k.key = v.column1 AND k.item_id < ?)"""
KEYS_PER_QUERY = 100  # keys per statement (SQLite allows 500 terms of a compound select)

# An earlier item's sentences, read whole (a range of the primary key, at most 100 rows).
BLOCK_SQL = "SELECT position, text FROM sentences WHERE item_id = ? ORDER BY position LIMIT 100"
# Which of a few items lie in the story window (primary-key lookups).
RECENT_SQL = "SELECT id FROM items WHERE id IN ({marks}) AND sort_time >= ?"
# Whether any item joined an item's story (the story_id index, one row).
JOINED_SQL = "SELECT 1 FROM items WHERE story_id = ? AND id != ? LIMIT 1"

# Items of other feeds around a moment, newest first, off the index made for it.
STORY_WINDOW_SQL = """SELECT id, coalesce(story_id, id), sort_time FROM items
    INDEXED BY idx_items_story_window
    WHERE sort_time BETWEEN ? AND ? AND feed != ?
    ORDER BY sort_time DESC LIMIT ?"""


@lru_cache(maxsize=256)
def _earlier_of_keys_sql(start: int, count: int) -> str:
    """`count` EARLIER_SQL statements in one, each row with its key's index from `start`."""
    return " UNION ALL ".join(f"SELECT {start + n}, * FROM ({EARLIER_SQL})" for n in range(count))


class SentencesPart(StorePart):
    def forget_sentences(self, item_id: int) -> None:
        """Drop an item's indexed sentences (before indexing it again)."""
        self.conn.execute("DELETE FROM sentences WHERE item_id = ?", [item_id])
        self.conn.execute("DELETE FROM sentence_keys WHERE item_id = ?", [item_id])

    def add_sentences(
        self,
        item_id: int,
        sentences: Iterable[tuple[int, str, bool, Iterable[int], Iterable[int]]],
    ) -> None:
        """Index an item's sentences: (position, text, is new, earlier items, keys) each."""
        rows, keys = [], []
        for position, text, is_new, earlier, sentence_keys in sentences:
            rows.append((item_id, position, text, int(is_new), ",".join(map(str, earlier))))
            keys += [(key, item_id, position) for key in sentence_keys]
        self.conn.executemany(
            "INSERT INTO sentences (item_id, position, text, is_new, earlier) "
            "VALUES (?, ?, ?, ?, ?)",
            rows,
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO sentence_keys (key, item_id, position) VALUES (?, ?, ?)", keys
        )

    def earlier_sentences(self, key: int, item_id: int, limit: int) -> Iterator[tuple]:
        """(item, position, text) of sentences sharing `key` in items before `item_id`.

        Read lazily: a background sentence finds what it needs among its first rows.
        """
        return self.conn.execute(EARLIER_SQL, [key, item_id, limit])

    def earlier_sentences_of_keys(
        self, keys: list[int], item_id: int, limit: int
    ) -> list[tuple[int, int, int, str]]:
        """(index in `keys`, item, position, text): `earlier_sentences` of each key, read
        whole, a few statements for them all; in the order of `keys`."""
        found: list[tuple[int, int, int, str]] = []
        for start in range(0, len(keys), KEYS_PER_QUERY):
            chunk = keys[start : start + KEYS_PER_QUERY]
            params: list[int] = []
            for key in chunk:
                params += (key, item_id, limit)
            found += self.conn.execute(_earlier_of_keys_sql(start, len(chunk)), params)
        # Each key's rows come as its own statement gives them; the sort only makes sure the
        # keys come in order (it is stable).
        found.sort(key=itemgetter(0))
        return found

    def keys_seen_before(self, keys: Iterable[int], item_id: int) -> set[int]:
        """Which of these keys a sentence of an item before `item_id` has."""
        unique = list(dict.fromkeys(keys))
        seen: set[int] = set()
        for start in range(0, len(unique), KEYS_PER_QUERY):
            chunk = unique[start : start + KEYS_PER_QUERY]
            sql = SEEN_KEYS_SQL.format(rows=",".join(["(?)"] * len(chunk)))
            seen.update(row[0] for row in self.conn.execute(sql, [*chunk, item_id]))
        return seen

    def sentence_rows(self, item_id: int) -> list[tuple[int, str, int, str]]:
        """(position, text, is new, earlier items as "1,2") of an item's sentences."""
        return self.conn.execute(
            "SELECT position, text, is_new, earlier FROM sentences WHERE item_id = ? "
            "ORDER BY position",
            [item_id],
        ).fetchall()

    def sentences_block(self, item_id: int) -> list[tuple[int, str]]:
        """(position, text) of an item's first 100 sentences."""
        return self.conn.execute(BLOCK_SQL, [item_id]).fetchall()

    def sort_time_of(self, item_id: int) -> str | None:
        row = self.conn.execute("SELECT sort_time FROM items WHERE id = ?", [item_id]).fetchone()
        return row[0] if row else None

    def sort_times_of(self, item_ids: list[int]) -> dict[int, str]:
        """item -> its sort time, for a few items (primary-key lookups)."""
        if not item_ids:
            return {}
        marks = ",".join("?" * len(item_ids))
        sql = f"SELECT id, sort_time FROM items WHERE id IN ({marks})"
        return dict(self.conn.execute(sql, item_ids).fetchall())

    def items_since(self, item_ids: list[int], since: str) -> set[int]:
        """Which of these items lie at or after `since`."""
        marks = ",".join("?" * len(item_ids))
        rows = self.conn.execute(RECENT_SQL.format(marks=marks), [*item_ids, since])
        return {row[0] for row in rows}

    def story_basis(
        self, item_id: int
    ) -> tuple[str, str | None, str, str | None, str | None, int | None]:
        """(feed, title, sort time, lang, published, story) of an item: what its story is
        chosen by."""
        return self.conn.execute(
            "SELECT feed, title, sort_time, lang, published, story_id FROM items WHERE id = ?",
            [item_id],
        ).fetchone()

    def story_was_joined(self, item_id: int) -> bool:
        """Did any other item join the story this item started?"""
        return self.conn.execute(JOINED_SQL, [item_id, item_id]).fetchone() is not None

    def story_window(self, low: str, high: str, feed: str, limit: int) -> list[tuple]:
        """(item, its story, sort time) of other feeds' items between two times."""
        return self.conn.execute(STORY_WINDOW_SQL, [low, high, feed, limit]).fetchall()

    def story_words_of(self, item_ids: list[int]) -> dict[int, tuple[int | None, str | None]]:
        """item -> (its story, its stored story words)."""
        if not item_ids:
            return {}
        marks = ",".join("?" * len(item_ids))
        sql = f"SELECT id, story_id, story_words FROM items WHERE id IN ({marks})"
        return {row[0]: row[1:] for row in self.conn.execute(sql, item_ids)}

    def set_story(self, item_id: int, story_id: int, words: str) -> None:
        self.conn.execute(
            "UPDATE items SET story_id = ?, story_words = ? WHERE id = ?",
            [story_id, words, item_id],
        )
