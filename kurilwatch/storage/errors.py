"""sqlite's errors in the project's own words: one table of message fragments."""

from __future__ import annotations

import sqlite3

from kurilwatch.errors import (
    DatabaseBusy,
    DatabaseReadOnly,
    DiskFull,
    DiskIOError,
    KurilwatchError,
    StoreError,
    UsageError,
)

# (a fragment of sqlite's message, the exception, what the user reads). First match wins.
SQLITE_ERRORS: tuple[tuple[str, type[StoreError], str], ...] = (
    (
        "database is locked",
        DatabaseBusy,
        "the database is busy: another kurilwatch run is in progress",
    ),
    ("readonly database", DatabaseReadOnly, "the database is read-only"),
    (
        "database or disk is full",
        DiskFull,
        "the disk is full; nothing was lost, the last write was undone",
    ),
    ("disk I/O error", DiskIOError, "disk I/O error while writing the database"),
    ("unable to open database file", StoreError, "cannot open the database file"),
)


# An ID or --limit past SQLite's integers: nothing can match it, and it is a typing mistake.
TOO_LARGE = f"a number on the command line is too large (at most {2**63 - 1})"


def translated(exc: BaseException) -> KurilwatchError | None:
    """The project's exception for an sqlite error, or None for one it has no words for.

    A new case is one more row of SQLITE_ERRORS (every sqlite3.DatabaseError is read).
    """
    if isinstance(exc, OverflowError) and "SQLite INTEGER" in str(exc):
        return UsageError(TOO_LARGE)
    if not isinstance(exc, sqlite3.DatabaseError):
        return None
    text = str(exc)
    if type(exc) is sqlite3.DatabaseError or "malformed" in text:  # damaged, not busy
        return StoreError(
            f"the database file is damaged ({text}); restore it from a backup, or move it "
            "away to start a new one"
        )
    for fragment, kind, message in SQLITE_ERRORS:
        if fragment in text:
            return kind(message)
    return None
