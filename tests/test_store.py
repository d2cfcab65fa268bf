from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest

from kurilwatch.errors import StoreError
from kurilwatch.parse import Entry
from kurilwatch.store import SCHEMA_VERSION, Store


def entry(
    guid="g1", url="https://x.example/1", title="Iturup news", text="On Iturup.", published=None
):
    from kurilwatch.parse import canonical_url

    return Entry(
        guid,
        url,
        canonical_url(url),
        title,
        text,
        text,
        published or datetime(2026, 11, 20, tzinfo=UTC),
    )


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "kw.db", now=lambda: datetime(2026, 11, 23, tzinfo=UTC)) as s:
        yield s


def test_schema_version_and_wal(store):
    assert store.schema_version == SCHEMA_VERSION
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    # Savepoint journals and sorts in memory (2), not in temporary files.
    assert store.conn.execute("PRAGMA temp_store").fetchone()[0] == 2


def test_upsert_new_unchanged_updated_keeps_revisions(store):
    with store.transaction():
        first = store.upsert_entry("a", entry(), ["Iturup"])
        again = store.upsert_entry("a", entry(), ["Iturup"])
        changed = store.upsert_entry("a", entry(text="On Iturup, more."), ["Iturup"])
    assert (first.status, again.status, changed.status) == ("new", "unchanged", "updated")
    assert first.item_id == again.item_id == changed.item_id
    item = store.get_item(first.item_id)
    assert item["revision"] == 2 and item["text"] == "On Iturup, more."
    revisions = store.conn.execute(
        "SELECT revision, text FROM revisions WHERE item_id = ? ORDER BY revision", [first.item_id]
    ).fetchall()
    assert revisions == [(1, "On Iturup."), (2, "On Iturup, more.")]


def test_same_guid_in_two_feeds_is_two_items_unless_the_url_matches(store):
    with store.transaction():
        a = store.upsert_entry("a", entry(guid="1", url="https://a.example/1"), [])
        b = store.upsert_entry("b", entry(guid="1", url="https://b.example/1"), [])
        c = store.upsert_entry("c", entry(guid="zz", url="https://a.example/1?utm_source=c"), [])
    assert a.item_id != b.item_id
    assert c.item_id == a.item_id and c.status == "unchanged"
    assert store.get_item(a.item_id)["sources"] == ["a", "c"]


def _stored_by_source(store: Store) -> None:
    day = datetime(2026, 11, 1, tzinfo=UTC)
    with store.transaction():
        for n in range(1, 7):
            published = day.replace(day=n)
            store.upsert_entry(
                "a", entry(guid=f"a{n}", url=f"https://a.example/{n}", published=published), []
            )
            store.upsert_entry(
                "b", entry(guid=f"b{n}", url=f"https://b.example/{n}", published=published), []
            )
        # Syndicated: feed b carries a's third item, so it is one of b's items too.
        store.upsert_entry("b", entry(guid="copy", url="https://a.example/3"), [])


def test_list_by_source_is_newest_first_with_syndicated_copies(store):
    _stored_by_source(store)
    listed = store.list_items(source="b", limit=4)
    assert [i["url"] for i in listed] == [f"https://b.example/{n}" for n in (6, 5, 4)] + [
        "https://b.example/3"
    ]
    since = store.list_items(source="b", since=datetime(2026, 11, 3, tzinfo=UTC), limit=None)
    assert sorted(i["url"] for i in since) == sorted(
        ["https://a.example/3"] + [f"https://b.example/{n}" for n in range(3, 7)]
    )
    assert [i["sort_time"] for i in since] == sorted((i["sort_time"] for i in since), reverse=True)


def test_items_after_in_stored_order_and_counts(store):
    """What `news --since last` reads: stored order, not publication order, and how many."""
    _stored_by_source(store)  # a1, b1, a2, b2 ... b6, then b's copy of a3 (no new item)
    first = store.last_item_id() - 11
    after = store.items_after(first + 2, limit=3)
    assert [i["id"] for i in after] == [first + 3, first + 4, first + 5]
    assert [i["url"] for i in after] == [
        "https://b.example/2",
        "https://a.example/3",
        "https://b.example/3",
    ]
    assert store.count_items(after_id=first + 2) == 9
    assert store.count_items(since=datetime(2026, 11, 5, tzinfo=UTC)) == 4
    assert store.count_items() == 12


def test_list_by_source_reads_the_feeds_index_by_time(store):
    """The newest of a feed's items come off an index: no sort of all its items."""
    _stored_by_source(store)
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    store.list_items(source="b", since=datetime(2026, 11, 3, tzinfo=UTC), limit=50)
    store.conn.set_trace_callback(None)
    query = next(s for s in statements if s.startswith("SELECT") and "LIMIT" in s)
    details = " ".join(row[-1] for row in store.conn.execute(f"EXPLAIN QUERY PLAN {query}"))
    assert "idx_item_feeds_feed_sort_time (feed=? AND sort_time>?)" in details, details
    assert "TEMP B-TREE" not in details and "SCAN" not in details, details


def test_migration_gives_stored_sources_their_time(tmp_path):
    from kurilwatch.migrations import MIGRATIONS

    path = tmp_path / "old.db"
    with Store(path) as new:  # the current schema, then back to how version 9 stored sources
        _stored_by_source(new)
        new.conn.execute("DROP INDEX idx_item_feeds_feed_sort_time")
        new.conn.execute("ALTER TABLE item_feeds DROP COLUMN sort_time")
        for column in ("title", "summary", "text"):  # and without migration 11's copies
            new.conn.execute(f"ALTER TABLE item_feeds DROP COLUMN {column}")
        new.conn.execute("ALTER TABLE revisions DROP COLUMN feed")
        new.conn.execute("CREATE INDEX idx_item_feeds_feed_item_id ON item_feeds (feed, item_id)")
        new.conn.execute("DROP INDEX idx_items_revised")  # and without migration 12's changes
        new.conn.execute("ALTER TABLE sent DROP COLUMN revision")
        new.conn.execute("ALTER TABLE items ADD COLUMN match_hits TEXT")  # dropped by 13
        new.conn.execute("PRAGMA user_version = 9")
    assert MIGRATIONS[9].__name__ == "_m010_sources_by_time"
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        missing = store.conn.execute(
            "SELECT count(*) FROM item_feeds f JOIN items i ON i.id = f.item_id"
            " WHERE f.sort_time IS NOT i.sort_time"
        ).fetchone()[0]
        assert missing == 0
        assert [i["url"] for i in store.list_items(source="b", limit=2)] == [
            "https://b.example/6",
            "https://b.example/5",
        ]


def test_failed_transaction_leaves_nothing(store):
    with pytest.raises(RuntimeError), store.transaction():
        store.upsert_entry("a", entry(), [])
        raise RuntimeError("interrupted")
    assert store.count_items() == 0
    assert store.conn.execute("SELECT count(*) FROM item_keys").fetchone()[0] == 0


def test_full_text_search_index_follows_items(store):
    with store.transaction():
        store.upsert_entry("a", entry(title="Шикотан получит котельную", text="на Шикотане"), [])
    hits = store.conn.execute(
        "SELECT rowid FROM items_fts WHERE items_fts MATCH ?", ["Шикотан"]
    ).fetchall()
    assert len(hits) == 1


def test_full_text_index_follows_revisions_and_ignores_other_updates(store):
    def found(word: str) -> int:
        sql = "SELECT count(*) FROM items_fts WHERE items_fts MATCH ?"
        return store.conn.execute(sql, [word]).fetchone()[0]

    with store.transaction():
        item_id = store.upsert_entry("a", entry(text="Ferry to Kunashir delayed"), []).item_id
    with store.transaction():
        store.upsert_entry("a", entry(text="Ferry to Shikotan delayed"), [])
    assert (found("Kunashir"), found("Shikotan")) == (0, 1)
    # Grouping and digests update other columns: the text index is not rewritten for them.
    before = store.conn.total_changes
    store.conn.execute("UPDATE items SET story_id = ? WHERE id = ?", [item_id, item_id])
    assert store.conn.total_changes - before == 1
    assert found("Shikotan") == 1


def test_newer_schema_is_refused_and_untouched(tmp_path):
    path = tmp_path / "kw.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(StoreError, match="newer than this kurilwatch"):
        Store(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 5


def test_not_a_database_is_a_clear_error(tmp_path, runner):
    from kurilwatch.cli import app

    path = tmp_path / "notes.txt"
    path.write_text("my precious notes " * 100)
    with pytest.raises(StoreError, match="cannot open database"):
        Store(path)
    result = runner.invoke(app, ["list", "--db", str(path)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot open database")
    assert path.read_text() == "my precious notes " * 100


def test_unmatched_entries_are_kept_compressed_and_old_plain_rows_still_read(store):
    import json

    from kurilwatch.store import entry_record, unmatched_row

    compressed = entry("g-new", "https://x.example/new", "New row", "Background. " * 50)
    plain = entry("g-old", "https://x.example/old", "Row written by an earlier version")
    with store.transaction():
        store.keep_unmatched("wire", [unmatched_row(compressed)], days=30)
        store.conn.execute(
            "INSERT INTO unmatched (key, feed, entry, published, first_seen) "
            "VALUES (?, ?, ?, ?, ?)",
            ["wire\x1fguid:g-old", "wire", json.dumps(entry_record(plain)), None, "2026-01-01"],
        )
    stored = store.conn.execute("SELECT length(entry) FROM unmatched WHERE key LIKE '%g-new'")
    assert stored.fetchone()[0] < len(json.dumps(entry_record(compressed))) / 3
    assert {e for _key, _feed, e, _seen in store.unmatched_entries()} == {compressed, plain}


def test_a_transaction_inside_another_is_a_savepoint(store):
    with store.transaction():
        store.upsert_entry("a", entry("g1", "https://x.example/1"), [])
        with pytest.raises(RuntimeError), store.transaction():
            store.upsert_entry("a", entry("g2", "https://x.example/2"), [])
            raise RuntimeError("this part only")
        with store.transaction():
            store.upsert_entry("a", entry("g3", "https://x.example/3"), [])
        assert store.conn.in_transaction  # committed with the outer one, not before
    guids = {row[0] for row in store.conn.execute("SELECT guid FROM items")}
    assert guids == {"g1", "g3"}


def test_schema_script_is_what_the_migrations_build(tmp_path):
    from kurilwatch.migrations import SCHEMA_SCRIPT, migrated_schema, schema_script

    expected = migrated_schema()
    assert SCHEMA_SCRIPT.read_text(encoding="utf-8") == expected, (
        "kurilwatch/schema.sql is out of date: python -m kurilwatch.store > kurilwatch/schema.sql"
    )
    with Store(tmp_path / "new.db") as store:
        assert store.schema_version == SCHEMA_VERSION
        assert schema_script(store.conn) == expected
        # The full-text index made by the script works like the migrated one.
        store.upsert_entry("a", entry(title="Курилы", text="на Итурупе"), [])
        hits = store.conn.execute("SELECT rowid FROM items_fts WHERE items_fts MATCH 'Итуруп'")
        assert len(hits.fetchall()) == 1


def test_a_kept_entry_whose_summary_is_its_text_stores_the_text_once(store):
    import json
    import zlib

    from kurilwatch.store import unmatched_row

    text = "Background paragraph.\nSecond paragraph, " + "longer and longer " * 200
    same = Entry("g1", None, None, "Title", text.replace("\n", " ")[:2000], text, None)
    other = Entry("g2", None, None, "Title", "A summary of its own", text, None)
    rows = [unmatched_row(same), unmatched_row(other)]
    assert "summary" not in json.loads(zlib.decompress(rows[0][1]))
    assert json.loads(zlib.decompress(rows[1][1]))["summary"] == "A summary of its own"
    with store.transaction():
        store.keep_unmatched("wire", rows, days=30)
    assert {e for _key, _feed, e, _seen in store.unmatched_entries()} == {same, other}


def test_a_feed_changing_its_copy_keeps_the_other_feeds_identical_copy(store):
    """Two feeds with one copy store it once; when one changes it, the other's is kept."""
    full = "On Iturup, a new pier. It takes ships of 5,000 tonnes."
    with store.transaction():
        first = store.upsert_entry("a", entry(text=full), ["Iturup"])
        store.upsert_entry("b", entry(guid="b1", text=full), ["Iturup"])
        copies = dict(store.conn.execute("SELECT feed, text FROM item_feeds").fetchall())
        assert copies == {"a": None, "b": None}  # the shown text, not stored again
        shorter = store.upsert_entry("a", entry(text="On Iturup, a new pier."), ["Iturup"])
    assert shorter.status == "updated" and not shorter.shown_changed
    item = store.get_item(first.item_id)
    assert item["text"] == full and item["revision"] == 2  # b's copy is still the fullest
    copies = dict(store.conn.execute("SELECT feed, text FROM item_feeds").fetchall())
    assert copies == {"a": "On Iturup, a new pier.", "b": None}
    feeds = [r["feed"] for r in store.revisions(first.item_id)]
    assert feeds == ["a", "a"]


def test_migration_drops_the_match_hits_nothing_read(tmp_path):
    path = tmp_path / "old.db"
    with Store(path) as old:  # the current schema, then back to version 12's items
        old.upsert_entry("a", entry(), ["Iturup"])
        old.conn.execute("ALTER TABLE items ADD COLUMN match_hits TEXT")
        old.conn.execute("""UPDATE items SET match_hits = '[{"rule": "en.iturup"}]'""")
        old.conn.execute("PRAGMA user_version = 12")
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        columns = {row[1] for row in store.conn.execute("PRAGMA table_info(items)")}
        assert "match_hits" not in columns and "matched" in columns
        [item] = store.list_items()
        assert (item["title"], item["matched"]) == ("Iturup news", ["Iturup"])


# --- the store's own errors and tables ---------------------------------------------------


@pytest.mark.parametrize(
    ("sqlite_message", "kind", "message"),
    [
        ("database is locked", "DatabaseBusy", "another kurilwatch run is in progress"),
        ("attempt to write a readonly database", "DatabaseReadOnly", "read-only"),
        ("database or disk is full", "DiskFull", "nothing was lost"),
        ("disk I/O error", "DiskIOError", "disk I/O error"),
    ],
)
def test_sqlite_errors_leave_the_store_as_the_projects_own(tmp_path, sqlite_message, kind, message):
    from kurilwatch import errors

    with pytest.raises(getattr(errors, kind)) as raised, Store(tmp_path / "kw.db"):
        raise sqlite3.OperationalError(sqlite_message)
    assert message in raised.value.message
    assert isinstance(raised.value, errors.StoreError)
    assert raised.value.exit_code == errors.EXIT_FAILURE


def test_an_sqlite_error_without_words_passes_unchanged(tmp_path):
    with (
        pytest.raises(sqlite3.OperationalError, match="no such table"),
        Store(tmp_path / "kw.db") as store,
    ):
        store.conn.execute("SELECT * FROM no_such_table")


def test_a_real_lock_held_by_another_writer_is_database_busy(tmp_path):
    from kurilwatch.errors import DatabaseBusy

    path = tmp_path / "kw.db"
    Store(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseBusy), Store(path) as store:
            store.conn.execute("PRAGMA busy_timeout = 0")
            with store.transaction():
                store.set_state("x", "1")
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_deleting_an_item_knows_every_table_that_refers_to_items(tmp_path):
    from kurilwatch.store import TABLES_OF_ITEMS

    with Store(tmp_path / "kw.db") as store:
        tables = [
            row[0]
            for row in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        referring = {
            table
            for table in tables
            if any(
                column[1] == "item_id"
                for column in store.conn.execute(f"PRAGMA table_info({table})")
            )
        }
    assert referring == set(TABLES_OF_ITEMS)


def test_migration_declares_every_reference_and_keeps_every_row(tmp_path):
    """A database made by the previous schema (version 14) gains its foreign keys, whole."""
    import sqlite_utils

    from kurilwatch.migrations import FOREIGN_KEYS, MIGRATIONS
    from kurilwatch.wordindex import TABLE, box_query

    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    for migration in MIGRATIONS[:14]:
        migration(old)
    old.execute("PRAGMA user_version = 14")
    old["feeds"].insert({"name": "a", "url": "https://a.example/feed"})
    for item_id, feed, title in [(1, "a", "国後島に新しい港"), (2, "gone", "Iturup airport")]:
        old["items"].insert({"id": item_id, "feed": feed, "title": title, "text": "…"})
        old["item_feeds"].insert({"item_id": item_id, "feed": feed})
        old["revisions"].insert({"item_id": item_id, "revision": 1, "feed": feed})
    old["revisions"].insert({"item_id": 1, "revision": 2, "feed": "a"})
    old.execute("DELETE FROM revisions WHERE rowid = 2")  # a gap the news cursor must keep
    old["sent"].insert({"recipients": "r", "item_id": 1, "sent_at": "t", "revision": 1})
    # Rows of an item deleted by an older version, which did not delete them all.
    old["sent"].insert({"recipients": "r", "item_id": 99, "sent_at": "t", "revision": 1})
    old["sentences"].insert({"item_id": 99, "position": 0, "text": "left over"})
    old.execute("INSERT INTO sentence_keys VALUES (7, 99, 0)")
    old["articles"].insert({"key": "k", "item_id": 1, "feed": "a", "status": "read"})
    old["unmatched"].insert({"key": "u", "feed": "a", "entry": "{}"})
    before = {
        table: old.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
        for table in [*FOREIGN_KEYS, "sentence_keys"]
    }
    revision_rowids = old.execute("SELECT rowid FROM revisions ORDER BY rowid").fetchall()
    old.close()

    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        conn = store.conn
        for table, rows in before.items():
            assert conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall() == rows
        assert conn.execute("SELECT rowid FROM revisions ORDER BY rowid").fetchall() == (
            revision_rowids
        )
        for table, keys in [*FOREIGN_KEYS.items(), ("sentence_keys", [("item_id", "items", "id")])]:
            declared = {
                (r[3], r[2], r[4]) for r in conn.execute(f"PRAGMA foreign_key_list({table})")
            }
            assert declared == set(keys), table
        # The feed that rows named but `feeds` lacked has a row now; only the old item's
        # left-over rows refer to nothing, kept as they were.
        assert conn.execute("SELECT url FROM feeds WHERE name = 'gone'").fetchone() == (None,)
        dangling = {(r[0], r[2]) for r in conn.execute("PRAGMA foreign_key_check")}
        assert dangling == {("sent", "items"), ("sentences", "items"), ("sentence_keys", "items")}
        sql = "SELECT sql FROM sqlite_master WHERE name = 'sentence_keys'"
        assert conn.execute(sql).fetchone()[0].endswith("WITHOUT ROWID")
        # Both indexes of the existing items, and the full-text triggers, survived the rebuild.
        found = conn.execute(
            f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH ?", [box_query("国後")]
        )
        assert found.fetchall() == [(1,)]
        trigram = "SELECT rowid FROM items_fts WHERE items_fts MATCH 'Iturup'"
        assert conn.execute(trigram).fetchall() == [(2,)]
        with store.transaction():
            store.upsert_entry("a", entry(title="Shikotan school", url="https://a.example/9"), [])
        assert conn.execute(
            "SELECT count(*) FROM items_fts WHERE items_fts MATCH 'Shikotan'"
        ).fetchone() == (1,)
        # Enforced from now on: a row for an item that does not exist is refused.
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            conn.execute("INSERT INTO sent (recipients, item_id) VALUES ('r', 12345)")


def test_every_write_keeps_the_references_whole(store):
    """Items, copies, kept entries and article rows of a feed the database never polled."""
    with store.transaction():
        item = store.upsert_entry("new-feed", entry(), ["Iturup"]).item_id
        store.upsert_entry("other", entry(), ["Iturup"])  # a second feed's copy
        store.keep_unmatched("third", [], days=30)
    assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    with store.transaction():
        store.delete_item(item)
    assert store.count_items() == 0
    assert store.conn.execute("SELECT count(*) FROM items_search").fetchone() == (0,)
