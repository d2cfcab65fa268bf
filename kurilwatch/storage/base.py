"""What every part of the store builds on: the connection and its transactions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager


class StorePart:
    """A domain's SQL; `kurilwatch.store.Store` provides the connection and transactions."""

    conn: sqlite3.Connection

    def rows(self, sql: str, params: list | tuple = ()) -> list[dict]:
        cursor = self.conn.execute(sql, params)
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor]

    def transaction(self) -> AbstractContextManager[None]:  # pragma: no cover - Store's
        raise NotImplementedError

    def iterate(self, sql: str, params: list | tuple = ()) -> Iterator[tuple]:
        return self.conn.execute(sql, params)
