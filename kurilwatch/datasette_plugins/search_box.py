"""kurilwatch's Datasette plugin, loaded by `kurilwatch web` (--plugins-dir): the items
table's search box finds words of any length in any script, 国後 and 択捉 among them.

Datasette runs a search box query as `MATCH escape_fts(:search)` against the table's
`fts_table` (the shipped metadata names the word index, `items_search`). On a kurilwatch
database this replaces that SQL function with `wordindex.box_query`, which writes the
query in the index's own terms; other databases keep Datasette's.
"""

from __future__ import annotations

import sqlite3

from datasette import hookimpl

from kurilwatch.wordindex import TABLE, box_query


@hookimpl(trylast=True)  # after Datasette's own prepare_connection, which defines escape_fts
def prepare_connection(conn: sqlite3.Connection) -> None:
    """On a database with kurilwatch's word index, its escape_fts for the search box."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [TABLE]).fetchone():
        conn.create_function("escape_fts", 1, box_query, deterministic=True)
