"""Errors whose message is meant for the user, each with its exit code."""

# Exit codes, documented in the README.
EXIT_OK = 0
EXIT_FAILURE = 1  # a feed failed, or a runtime problem (database, network)
EXIT_USAGE = 2  # bad command line or bad configuration
EXIT_NOTHING = 3  # nothing to show: `match` found no Kuril terms, `digest` nothing new
EXIT_BUSY = 4  # `fetch`/`run` skipped: another one is still running on the database


class KurilwatchError(Exception):
    """A problem the user can act on; the CLI prints its message without a traceback."""

    exit_code = EXIT_FAILURE

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(KurilwatchError):
    """Bad input on the command line (an unknown item, a malformed --since)."""

    exit_code = EXIT_USAGE


class ConfigError(KurilwatchError):
    """The configuration file cannot be used."""

    exit_code = EXIT_USAGE


class StoreError(KurilwatchError):
    """The database cannot be opened or written safely."""


class DatabaseBusy(StoreError):
    """Another run holds the database's write lock longer than the busy timeout."""


class DatabaseReadOnly(StoreError):
    """The database file (or its directory) cannot be written."""


class DiskFull(StoreError):
    """A write found no room; SQLite undid it."""


class DiskIOError(StoreError):
    """The operating system failed a read or write of the database."""


class FeedError(KurilwatchError):
    """One feed could not be fetched or parsed; recorded, never fatal for the others."""


class ClockError(KurilwatchError):
    """The system clock is plainly wrong: storing with it would date items wrongly for good."""
