"""The schema's history: numbered, named migrations, applied in order when a database opens.

A new database gets the final schema from `schema.sql` in one script instead. After adding
a migration, regenerate it: `python -m kurilwatch.store > kurilwatch/schema.sql`
(test_schema_script_is_what_the_migrations_build checks it).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported by the commands that migrate, not by those that only read
    import sqlite_utils


def _m001_initial(db: sqlite_utils.Database) -> None:
    db.table("feeds").create(
        {
            "name": str,
            "url": str,
            "etag": str,
            "last_modified": str,
            "last_attempt": str,
            "last_success": str,
            "last_status": str,  # ok | not_modified | error
            "last_http_status": int,
            "last_error": str,
            "consecutive_failures": int,
            "failing_since": str,
        },
        pk="name",
        defaults={"consecutive_failures": 0},
    )
    db.table("items").create(
        {
            "id": int,
            "feed": str,  # the feed it was first seen in
            "guid": str,
            "url": str,
            "canonical_url": str,
            "title": str,
            "summary": str,
            "text": str,
            "published": str,
            "first_seen": str,
            "updated": str,  # last time the title or text changed
            "sort_time": str,  # published, else first_seen: what --since compares
            "matched": str,  # JSON list of matched terms
            "revision": int,
        },
        pk="id",
        defaults={"revision": 1},
    )
    db.table("items").create_index(["sort_time"])
    db.table("items").create_index(["feed", "sort_time"])
    db.table("items").create_index(["canonical_url"])
    # Every identity an item is known by: guid (scoped to its feed), canonical URL, or hash.
    db.table("item_keys").create(
        {"key": str, "item_id": int}, pk="key", foreign_keys=[("item_id", "items", "id")]
    )
    db.table("item_keys").create_index(["item_id"])
    # Every feed an item was seen in, so --source finds syndicated copies too.
    db.table("item_feeds").create(
        {"item_id": int, "feed": str, "first_seen": str},
        pk=("item_id", "feed"),
        foreign_keys=[("item_id", "items", "id")],
    )
    db.table("item_feeds").create_index(["feed", "item_id"])
    # Earlier versions of an item's title and text: history is never overwritten.
    db.table("revisions").create(
        {"item_id": int, "revision": int, "title": str, "text": str, "seen": str},
        pk=("item_id", "revision"),
        foreign_keys=[("item_id", "items", "id")],
    )
    # Trigram tokenizer: Russian and Japanese have no usable word boundaries for unicode61.
    db.table("items").enable_fts(["title", "text"], create_triggers=True, tokenize="trigram")


def _m002_developments(db: sqlite_utils.Database) -> None:
    db.table("items").add_column("story_id", int)
    db.table("items").add_column("lang", str)
    db.table("items").add_column("match_hits", str)  # JSON: the rule and span of every hit
    db.table("items").create_index(["story_id"])
    db.table("items").create_index(["first_seen"])
    # The current revision's sentences, each new or background (seen in earlier items).
    db.table("sentences").create(
        {"item_id": int, "position": int, "text": str, "is_new": int, "earlier": str},
        pk=("item_id", "position"),
    )
    # MinHash band keys of every sentence: the index that finds near-identical sentences.
    db.execute(
        "CREATE TABLE sentence_keys (key INTEGER, item_id INTEGER, position INTEGER, "
        "PRIMARY KEY (key, item_id, position)) WITHOUT ROWID"
    )
    db.execute("CREATE INDEX sentence_keys_item ON sentence_keys (item_id)")
    # Small facts the commands remember between runs, such as when `news` last ran.
    db.table("state").create({"key": str, "value": str}, pk="key")


def _m003_sent(db: sqlite_utils.Database) -> None:
    # Which items each list of recipients has been sent: written only after the SMTP server
    # accepted the digest.
    db.table("sent").create(
        {"recipients": str, "item_id": int, "sent_at": str}, pk=("recipients", "item_id")
    )


def _m004_feed_health(db: sqlite_utils.Database) -> None:
    db.table("feeds").add_column("retry_after", str)  # a 429/503 Retry-After: not polled before
    db.table("feeds").add_column("last_alert", str)  # when a failure was last reported


def _m005_unmatched(db: sqlite_utils.Database) -> None:
    # Recent entries that did not match, kept for `refilter` and pruned after N days.
    db.table("unmatched").create(
        {
            "key": str,
            "feed": str,
            "entry": str,  # the parsed entry as JSON (now deflated: see unmatched_row)
            "published": str,
            "first_seen": str,
        },
        pk="key",
    )
    db.table("unmatched").create_index(["first_seen"])
    # Set by `refilter` when an item no longer matches the rules; never deleted silently.
    db.table("items").add_column("unmatched_since", str)


def _m006_content_digest(db: sqlite_utils.Database) -> None:
    # SHA-256 of the last body stored: a server that ignores ETags but sends the same bytes
    # is recognised without parsing them again.
    db.table("feeds").add_column("content_digest", str)


def _m007_story_words(db: sqlite_utils.Database) -> None:
    # The words story grouping compares, computed once per revision instead of per pair.
    db.table("items").add_column("story_words", str)


def _m008_story_candidates(db: sqlite_utils.Database) -> None:
    # Story grouping reads every item in a six-day window: from the index alone, not the rows.
    db.table("items").create_index(
        ["sort_time", "story_id", "feed"], index_name="idx_items_story_window", if_not_exists=True
    )


def _m009_fts_on_text_changes(db: sqlite_utils.Database) -> None:
    # sqlite-utils' update trigger re-indexed an item's text on any update (its story, its
    # sent mark): re-index only when the indexed columns change.
    # One statement at a time: executescript would commit the migration's transaction.
    db.execute("DROP TRIGGER IF EXISTS items_au")
    db.execute(
        """CREATE TRIGGER items_au AFTER UPDATE OF title, text ON items BEGIN
          INSERT INTO items_fts (items_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
          INSERT INTO items_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END"""
    )


def _m010_sources_by_time(db: sqlite_utils.Database) -> None:
    # `list --source` wants a feed's newest items: read from an index of each feed's items
    # by time, not by fetching every item the feed ever had to sort them (10,000 rows of a
    # feed in a 1,000,000-item archive). An item's sort_time never changes once stored.
    db.table("item_feeds").add_column("sort_time", str)
    db.execute("UPDATE item_feeds SET sort_time = (SELECT sort_time FROM items WHERE id = item_id)")
    db.table("item_feeds").create_index(
        ["feed", "sort_time", "item_id"], index_name="idx_item_feeds_feed_sort_time"
    )
    # The new index serves every lookup by feed the old one did.
    db.execute("DROP INDEX IF EXISTS idx_item_feeds_feed_item_id")


def _m011_copies_per_source(db: sqlite_utils.Database) -> None:
    # What each feed says about an item, so two feeds carrying one article (an agency's full
    # text, an aggregator's teaser) no longer overwrite each other. NULL: the same as the
    # item's shown copy (the fullest), so an item seen in one feed stores its text once.
    for column in ("title", "summary", "text"):
        db.table("item_feeds").add_column(column, str)
    # Which feed made each revision: a revision is a change by one source to its own copy.
    db.table("revisions").add_column("feed", str)
    db.execute("UPDATE revisions SET feed = (SELECT feed FROM items WHERE id = item_id)")


def _m012_revisions_sent(db: sqlite_utils.Database) -> None:
    # The revision of each item a digest sent: a later revision is an update to send. What
    # was sent before this migration counts as sent at the item's current revision.
    db.table("sent").add_column("revision", int)
    db.execute("UPDATE sent SET revision = (SELECT revision FROM items WHERE id = sent.item_id)")
    # Updated items are few: the digest looks for updates among them only.
    db.execute("CREATE INDEX idx_items_revised ON items (id) WHERE revision > 1")


def _m013_no_match_hits(db: sqlite_utils.Database) -> None:
    # Every hit's rule and span was stored and never read: `show` and `explain` match again.
    # Dropped only where it is: the step holds for any items table, however it was made.
    if "match_hits" in db.table("items").columns_dict:
        db.execute("ALTER TABLE items DROP COLUMN match_hits")


def _m014_articles(db: sqlite_utils.Database) -> None:
    # Where an item's text comes from: "feed" (its lead), "article" (its page, read), or
    # "feed-full-text" (the feed carries the article). NULL in older rows means "feed".
    # Each step only if missing: a test rebuilds an older version from the current schema.
    if "text_source" not in db.table("items").columns_dict:
        db.table("items").add_column("text_source", str)
    # The article page of each item the article stage wanted: read, queued for a later run,
    # or failed (retried a bounded number of times), with the page's validators and a digest
    # of the feed's entry, so the page is re-read only when the feed says the item changed.
    db.table("articles").create(
        {
            "key": str,  # the entry's identity key, scoped to its feed
            "item_id": int,  # the stored item; NULL while an unmatched entry waits to be read
            "feed": str,
            "url": str,
            "status": str,  # read | queued | failed | gave_up
            "attempts": int,
            "last_attempt": str,
            "error": str,
            "etag": str,
            "last_modified": str,
            "entry_digest": str,
            "entry": str,  # JSON of an entry not stored yet (read before it is rejected)
        },
        pk="key",
        defaults={"attempts": 0},
        if_not_exists=True,
    )
    db.table("articles").create_index(["feed", "status"], if_not_exists=True)
    db.table("articles").create_index(["item_id"], if_not_exists=True)
    # A feed that moved for good (301/308): the address to poll instead of the configured one.
    if "moved_to" not in db.table("feeds").columns_dict:
        db.table("feeds").add_column("moved_to", str)


def _m015_word_index(db: sqlite_utils.Database) -> None:
    # Datasette's search box: a word index in which every CJK character is a word, so that a
    # two-character name (国後, 択捉) is found there too (see wordindex.py). The store writes
    # it; existing items are indexed here.
    from kurilwatch.wordindex import TABLE, indexed

    db.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING FTS5 "
        "(title, text, tokenize = 'unicode61 remove_diacritics 2')"
    )
    db.execute(f"DELETE FROM {TABLE}")  # a test rebuilds an older version from this schema
    db.conn.create_function("kw_indexed", 1, indexed, deterministic=True)
    db.execute(
        f"INSERT INTO {TABLE} (rowid, title, text) "
        "SELECT id, kw_indexed(title), kw_indexed(text) FROM items"
    )


# Every reference to an item or a feed, as the foreign keys of migration 16.
_ITEM = ("item_id", "items", "id")
_FEED = ("feed", "feeds", "name")
FOREIGN_KEYS: dict[str, list[tuple[str, str, str]]] = {
    "items": [_FEED],
    "item_keys": [_ITEM],
    "item_feeds": [_ITEM, _FEED],
    "revisions": [_ITEM, _FEED],
    "sentences": [_ITEM],
    "sent": [_ITEM],
    "unmatched": [_FEED],
    "articles": [_ITEM, _FEED],
}


def _m016_foreign_keys(db: sqlite_utils.Database) -> None:
    # Declared, SQLite keeps every reference to an item or a feed whole and Datasette links
    # each to its row. SQLite adds a foreign key only by rebuilding the table: Store._migrate
    # runs migrations with foreign_keys off, so dropping an old table deletes nothing.
    # A feed named by stored rows but missing from `feeds` (rows written before the store
    # made sure of it) gets a row of its name alone: its rows keep their reference.
    named = " UNION ".join(
        f"SELECT feed FROM {table}" for table, keys in FOREIGN_KEYS.items() if _FEED in keys
    )
    db.execute(
        f"INSERT INTO feeds (name) SELECT feed FROM ({named}) "
        "WHERE feed IS NOT NULL AND feed NOT IN (SELECT name FROM feeds)"
    )
    # Rows of an item that no longer exists (deletes of older versions missed them) are kept
    # as they are: SQLite checks a reference when a row is written, and these are never
    # written again. `PRAGMA foreign_key_check` lists them.
    for table, keys in FOREIGN_KEYS.items():
        triggers = [t.sql for t in db.table(table).triggers]  # a rebuild drops them
        db.table(table).transform(foreign_keys=keys)
        for sql in triggers:
            db.execute(sql)
    # sqlite-utils would rebuild it as a rowid table: by hand, as migration 2 made it.
    db.execute(
        "CREATE TABLE sentence_keys_new (key INTEGER, item_id INTEGER REFERENCES items (id), "
        "position INTEGER, PRIMARY KEY (key, item_id, position)) WITHOUT ROWID"
    )
    db.execute("INSERT INTO sentence_keys_new SELECT key, item_id, position FROM sentence_keys")
    db.execute("DROP TABLE sentence_keys")
    db.execute("ALTER TABLE sentence_keys_new RENAME TO sentence_keys")
    db.execute("CREATE INDEX sentence_keys_item ON sentence_keys (item_id)")
    # Deleting an item looks for its rows in every table that refers to it: by an index.
    db.execute("CREATE INDEX IF NOT EXISTS idx_sent_item_id ON sent (item_id)")


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _m001_initial,
    _m002_developments,
    _m003_sent,
    _m004_feed_health,
    _m005_unmatched,
    _m006_content_digest,
    _m007_story_words,
    _m008_story_candidates,
    _m009_fts_on_text_changes,
    _m010_sources_by_time,
    _m011_copies_per_source,
    _m012_revisions_sent,
    _m013_no_match_hits,
    _m014_articles,
    _m015_word_index,
    _m016_foreign_keys,
]
SCHEMA_VERSION = len(MIGRATIONS)
# The schema MIGRATIONS build, as SQL (see the module's docstring).
SCHEMA_SCRIPT = Path(__file__).with_name("schema.sql")


def migrated_schema() -> str:
    """The schema every migration applied to an empty database gives, as SQL statements."""
    import sqlite_utils

    conn = sqlite3.connect(":memory:")
    db = sqlite_utils.Database(conn)
    for migration in MIGRATIONS:
        migration(db)
    return schema_script(conn)


def schema_script(conn: sqlite3.Connection) -> str:
    """A database's schema as a script of CREATE statements, in the order they were made.

    FTS5's shadow tables are left out: creating the virtual table creates them.
    """
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid"
    ).fetchall()
    virtual = [name for name, sql in rows if sql.startswith("CREATE VIRTUAL TABLE")]
    statements = [
        f"{sql};\n"
        for name, sql in rows
        if not any(name.startswith(f"{table}_") for table in virtual)
    ]
    return "-- Generated by `python -m kurilwatch.store`: do not edit.\n" + "\n".join(statements)


def script_statements(script: str) -> Iterator[str]:
    """The statements of a script one by one (executescript would commit the transaction)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            yield statement
            statement = ""


def upgrade(
    conn: sqlite3.Connection, version: int, db: Callable[[], sqlite_utils.Database]
) -> None:
    """Bring a database from `version` to SCHEMA_VERSION, inside the caller's transaction.

    `db` gives sqlite-utils on `conn`, made only when an old database needs migrating.
    """
    if version == 0 and not conn.execute("SELECT 1 FROM sqlite_master").fetchone():
        # A new file gets the current schema in one script: a first fetch starts 40 ms
        # sooner than after ten migrations through sqlite-utils.
        for statement in script_statements(SCHEMA_SCRIPT.read_text(encoding="utf-8")):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        return
    for number, migration in enumerate(MIGRATIONS[version:], start=version + 1):
        migration(db())
        conn.execute(f"PRAGMA user_version = {number}")
