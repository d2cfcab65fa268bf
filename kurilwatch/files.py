"""Writing files so that a reader (a feed reader, a web server, cron) never sees half of one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, text: str, mode: int = 0o644) -> None:
    """Write to a temporary file beside PATH, then rename it over PATH in one step.

    `mode` (less the umask): 0644 for what is published (a feed, a report); 0600 for a
    config, which may hold a notification service's token.
    """
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temporary, mode & ~_umask())  # mkstemp's 0600 would hide a published feed
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
