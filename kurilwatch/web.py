"""Browsing the database in Datasette (the optional extra kurilwatch[web]) with metadata that
knows its tables: items newest first, facets, internal tables hidden, canned queries."""

from __future__ import annotations

import json
from pathlib import Path

from kurilwatch.errors import ConfigError
from kurilwatch.wordindex import TABLE

# The Datasette plugin of the search box (see wordindex.py), a folder for --plugins-dir.
PLUGINS_DIR = Path(__file__).with_name("datasette_plugins")

# What a reader never needs: identities, sentence indexes, cursors, the ledger, the
# non-matching entries kept for refilter.
HIDDEN_TABLES = ("item_keys", "sentences", "sentence_keys", "state", "sent", "unmatched")

_SHOWN = "unmatched_since IS NULL"  # as store.SHOWN: flagged items are not Kuril news

# Read by Datasette, never run by kurilwatch itself.
CANNED_QUERIES = {
    "todays_news": {
        "title": "Today's news",
        "description": "Items of the last 24 hours, newest first.",
        "sql": "SELECT id, sort_time, feed, lang, title, canonical_url AS url, matched "
        f"FROM items WHERE {_SHOWN} AND sort_time >= strftime('%Y-%m-%dT%H:%M:%SZ', "
        "'now', '-1 day') ORDER BY sort_time DESC",
    },
    "stories": {
        "title": "Stories",
        "description": "Items about one event, from any feed, as one row each.",
        "sql": "SELECT story_id, max(sort_time) AS latest, count(*) AS items, "
        "group_concat(DISTINCT feed) AS feeds, "
        "(SELECT title FROM items AS first WHERE first.story_id = items.story_id "
        "ORDER BY sort_time LIMIT 1) AS title "
        f"FROM items WHERE {_SHOWN} GROUP BY story_id ORDER BY latest DESC",
    },
    "feed_health": {
        "title": "Feed health",
        "description": "Each feed's last attempt and error; failing feeds first.",
        "sql": "SELECT name AS feed, last_status, last_http_status, last_error, "
        "last_attempt, last_success, consecutive_failures, failing_since, "
        "(SELECT count(*) FROM item_feeds WHERE item_feeds.feed = feeds.name) AS items "
        "FROM feeds ORDER BY consecutive_failures DESC, name",
    },
    "search": {
        "title": "Search titles and text for any text, however short (国後, 択捉, EU)",
        "description": "Any substring, the middle of a word too (the items table's search "
        "box finds words and their beginnings), newest first.",
        "sql": "SELECT id, sort_time, feed, title, canonical_url AS url FROM items "
        f"WHERE {_SHOWN} AND (instr(lower(title), lower(:q)) OR instr(lower(text), lower(:q))) "
        "ORDER BY sort_time DESC LIMIT 200",
    },
}


def metadata(db_path: Path) -> dict:
    """Datasette metadata for the database at db_path (Datasette names it by its stem)."""
    tables: dict[str, dict] = {name: {"hidden": True} for name in HIDDEN_TABLES}
    tables["items"] = {
        "sort_desc": "sort_time",
        "facets": ["feed", "lang", {"array": "matched"}],
        "label_column": "title",
        # The word index, in which 国後 is two words: the plugin writes the box's query.
        "fts_table": TABLE,
        "fts_pk": "id",
        "description": "One row per item; the search box finds words and the start of "
        "words in titles and text, and Japanese or Chinese of any length (国後, 択捉).",
    }
    tables["revisions"] = {"sort_desc": "seen"}  # it has no id column: newest first
    tables["feeds"] = {"label_column": "name"}
    return {
        "title": "kurilwatch",
        "description": "News about the Kuril Islands / Northern Territories",
        "databases": {db_path.stem: {"tables": tables, "queries": CANNED_QUERIES}},
    }


def datasette_command(db_path: Path, metadata_path: Path, extra: list[str]) -> list[str]:
    """The command that serves the database: Datasette's own, in this interpreter."""
    import importlib.util
    import sys

    if importlib.util.find_spec("datasette") is None:
        raise ConfigError("kurilwatch web needs Datasette: pip install 'kurilwatch[web]'")
    metadata_path.write_text(json.dumps(metadata(db_path), ensure_ascii=False, indent=2))
    return [
        sys.executable,
        "-m",
        "datasette",
        "serve",
        str(db_path),
        "-m",
        str(metadata_path),
        "--plugins-dir",
        str(PLUGINS_DIR),
        *extra,
    ]
