"""File locks beside the database: one fetch at a time, one digest sent at a time."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kurilwatch.errors import EXIT_BUSY, KurilwatchError


class AlreadyRunning(KurilwatchError):
    """Another fetch or run holds the database's run lock: this one polls nothing."""

    exit_code = EXIT_BUSY


def lock_path(db_path: Path, purpose: str) -> Path:
    return db_path.with_name(f"{db_path.name}.{purpose}.lock")


@contextmanager
def held(path: Path, wait: float) -> Iterator[bool]:
    """Hold an exclusive flock on PATH, waiting up to `wait` seconds; yields False if not got.

    flock, not the file's existence: a run killed with SIGKILL leaves no stale lock behind.
    """
    import fcntl

    with open(path, "a+") as handle:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    yield False
                    return
                time.sleep(0.1)
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(str(os.getpid()))
            handle.flush()
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def run_lock(db_path: Path, wait: float) -> Iterator[None]:
    """One fetch or run per database: a second one waits `wait` seconds, then skips."""
    path = lock_path(db_path, "fetch")
    with held(path, wait) as got:
        if not got:
            holder = _holder(path)
            raise AlreadyRunning(
                f"another kurilwatch fetch{holder} is still running on {db_path} after "
                f"{wait:g}s: skipped, nothing polled"
            )
        yield


def _holder(path: Path) -> str:
    try:
        pid = path.read_text().strip()
    except OSError:
        return ""
    return f" (process {pid})" if pid.isdigit() else ""
