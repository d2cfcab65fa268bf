"""The command line: parse options, call the core, render. The only module that imports typer."""

from __future__ import annotations

import functools
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from kurilwatch import __version__
from kurilwatch.errors import (
    EXIT_FAILURE,
    EXIT_NOTHING,
    KurilwatchError,
    StoreError,
    UsageError,
)

if TYPE_CHECKING:
    from kurilwatch.config import Config, Feed
    from kurilwatch.models import FetchReport
    from kurilwatch.store import Store

# The real default paths are written into --help only when help is shown: finding them loads
# platformdirs, which no other run of a command needs.
DEFAULT_DB = "DEFAULT_DB_PATH"
DEFAULT_CONFIG = "DEFAULT_CONFIG_PATH"


@contextmanager
def _default_paths_in_help(params: list[Any]) -> Iterator[None]:
    """The placeholders in the options' help replaced by the real paths, while it is shown."""
    from kurilwatch.config import default_config_path, default_db_path

    paths = {DEFAULT_DB: str(default_db_path()), DEFAULT_CONFIG: str(default_config_path())}
    kept = [(param, param.help) for param in params if getattr(param, "help", None)]
    for param, text in kept:
        for placeholder, path in paths.items():
            text = text.replace(placeholder, path)
        param.help = text
    try:
        yield
    finally:
        for param, text in kept:
            param.help = text


class Command(TyperCommand):
    def format_help(self, ctx: Any, formatter: Any) -> None:
        with _default_paths_in_help(self.params):
            super().format_help(ctx, formatter)


class Group(TyperGroup):
    def format_help(self, ctx: Any, formatter: Any) -> None:
        with _default_paths_in_help(self.params):
            super().format_help(ctx, formatter)


app = typer.Typer(
    name="kurilwatch",
    help="Track news about the Kuril Islands dispute (Russia's Southern Kurils, Japan's "
    "Northern Territories): poll feeds, keep the items about the islands, show what is new.",
    no_args_is_help=True,
    rich_markup_mode=None,
    add_completion=True,  # --install-completion, --show-completion: typer loads them anyway
    cls=Group,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# --db and --config: before the command (`kurilwatch --db X list`) or after it, as the
# command's own; the environment and the default are looked at only when neither is given
# (config.locate), so `kurilwatch paths` can say where each path came from.
DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        help=f"SQLite database file. [env: KURILWATCH_DB; default: {DEFAULT_DB}]",
        dir_okay=False,
    ),
]
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help=f"TOML config file. [env: KURILWATCH_CONFIG; default: {DEFAULT_CONFIG}]",
        dir_okay=False,
    ),
]


WaitOption = Annotated[
    float,
    typer.Option(
        "--wait",
        min=0,
        help="If another fetch or run is still going on this database, wait this many "
        "seconds for it, then skip (exit 4) rather than poll every feed again.",
    ),
]


# What was given before the command; set by the app's callback, which runs first.
_BEFORE_COMMAND: dict[str, Path | None] = {}


def _given(value: Path | None, name: str) -> Path | None:
    """The command's own --db/--config, else the one given before the command."""
    return value if value is not None else _BEFORE_COMMAND.get(name)


def _load_config(config: Path | None) -> Config:
    from kurilwatch.config import load_config

    return load_config(_given(config, "config"))


class Format(StrEnum):
    """Every output format; each command offers the ones it can write (`formats`)."""

    table = "table"
    plain = "plain"
    json = "json"
    ndjson = "ndjson"  # one JSON record per line
    csv = "csv"
    color = "color"
    unified = "unified"
    text = "text"
    html = "html"
    markdown = "markdown"
    atom = "atom"
    opml = "opml"


def formats(*names: str) -> type[StrEnum]:
    """The choices of one command's --format: a part of Format, so typer can list them."""
    unknown = set(names) - set(Format)
    assert not unknown, unknown
    return StrEnum("Format", {name: name for name in names})  # type: ignore[return-value]


AUTO = "by default a table at a terminal, plain lines when piped (one record per line)"
# Each command's choices, made from Format; to the type checker each is Format itself.
if TYPE_CHECKING:
    from typing import TypeAlias

    ListFormat: TypeAlias = Format
    ViewFormat: TypeAlias = Format
    TableFormat: TypeAlias = Format
    SummaryFormat: TypeAlias = Format
    DiffFormat: TypeAlias = Format
    DigestFormat: TypeAlias = Format
    ExportFormat: TypeAlias = Format
else:
    ListFormat = formats("table", "plain", "json", "ndjson", "csv")
    ViewFormat = TableFormat = formats("table", "plain", "json", "ndjson")
    SummaryFormat = formats("table", "plain")
    DiffFormat = formats("color", "unified")
    DigestFormat = formats("text", "html", "markdown")
    ExportFormat = formats("atom", "opml", "json", "csv", "ndjson")
ListFormatOption = Annotated[
    ListFormat | None, typer.Option("--format", help=f"Output format; {AUTO}.")
]
ViewFormatOption = Annotated[
    ViewFormat | None,
    typer.Option(
        "--format",
        help=f"Output format: json or ndjson (a record a line) for scripts; {AUTO}.",
    ),
]


SINCE_HELP = (
    "Only items since then: 90m, 36h, 7d, 2w, or an ISO date (2026-11-01) or datetime "
    "(UTC unless it has an offset)."
)


def since_option(help: str = SINCE_HELP) -> Any:
    """--since / -s: every command's window, each with its own words for it."""
    return typer.Option("--since", "-s", help=help)


SinceOption = Annotated[str | None, since_option()]
LimitOption = Annotated[int, typer.Option("--limit", "-n", min=1, help="At most this many.")]
ItemId = Annotated[int, typer.Argument(metavar="ID", help="The item's ID (see `list`).")]
TableOrJsonOption = Annotated[
    TableFormat | None,
    typer.Option(
        "--format",
        help=f"Output format: json or ndjson (a record a line) for scripts; {AUTO}.",
    ),
]


def at_terminal() -> bool:
    """Is the output for a person at a terminal (rather than a pipe, a file, cron)?

    The same test as rich's, so that FORCE_COLOR or TTY_COMPATIBLE=1 draw tables anywhere.
    """
    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "1"
    if os.environ.get("FORCE_COLOR") is not None:
        return os.environ["FORCE_COLOR"] != ""
    return sys.stdout.isatty()


def emit(
    fmt: str | None,
    table: Callable[[Any], None],
    plain: Callable[[], str] | None = None,
    **writers: Callable[[], str],
) -> None:
    """Write the output in the format asked for; by default rich at a terminal, plain in a pipe.

    `table` draws on a console; without a `plain` writer, plain lines are what it draws on
    a console for pipes (render.PlainConsole). Other formats are text from `writers`.
    """
    chosen = str(fmt) if fmt is not None else ("table" if at_terminal() else "plain")
    if chosen == "table":
        table(_stdout())
    elif chosen == "plain" and plain is None:
        from kurilwatch.render import PlainConsole

        table(PlainConsole())
    else:
        sys.stdout.write((plain if chosen == "plain" else writers[chosen])())  # type: ignore[misc]


def now() -> datetime:
    return datetime.now(UTC)


def _stdout():
    return _console(highlight=False)


def _stderr():
    # soft_wrap: an error stays one line however narrow the terminal (cron mails it).
    return _console(stderr=True, highlight=False, soft_wrap=True)


def _console(**options: Any):
    """A rich console whose terminal is looked at once, not again on every print.

    rich reads the environment and asks the terminal its size for each `print`; a command's
    output belongs to one moment, and `news` prints hundreds of lines (a quarter of its
    drawing time).
    """
    from rich.console import Console

    probe = Console(**options)
    width, height = probe.size
    return Console(
        **options,
        force_terminal=probe.is_terminal,
        width=width + probe.legacy_windows,  # rich takes the column it keeps back again
        height=height,
    )


def command(*args: Any, target: typer.Typer | None = None, **kwargs: Any) -> Callable:
    """app.command() that turns user-facing errors into one line and an exit code."""

    def decorator(fn: Callable) -> Callable:
        @functools.wraps(fn)
        def wrapper(*a: Any, **kw: Any) -> Any:
            try:
                return fn(*a, **kw)
            except KurilwatchError as exc:
                _stderr().print(f"Error: {exc.message}", markup=False)
                raise typer.Exit(exc.exit_code) from None
            except (sqlite3.DatabaseError, OverflowError) as exc:
                from kurilwatch.storage.errors import translated

                known = translated(exc)  # what the store did not translate on its way out
                if known is None:
                    raise
                _stderr().print(f"Error: {known.message}", markup=False)
                raise typer.Exit(known.exit_code) from None

        return (target or app).command(*args, cls=Command, **kwargs)(wrapper)

    return decorator


def _version(value: bool) -> None:
    if value:
        print(f"kurilwatch {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
    db: DbOption = None,
    config: ConfigOption = None,
    verbose: Annotated[
        int,
        typer.Option(
            "--verbose",
            "-v",
            count=True,
            help="Say on stderr what was requested, what came back and what was decided "
            "(-vv: every entry kept or rejected and why, sentences, stories).",
        ),
    ] = 0,
    log_file: Annotated[
        Path | None,
        typer.Option(
            "--log-file",
            help="Append that log to this file (at -v's detail unless -vv).",
            dir_okay=False,
        ),
    ] = None,
) -> None:
    """Track news about the Kuril Islands dispute."""
    _BEFORE_COMMAND.update(db=db, config=config)
    _stop_logging()  # a second command in one process (tests) starts from quiet
    if verbose or log_file is not None:
        _start_logging(verbose, log_file)


_LOG_HANDLERS: list[Any] = []


def _stop_logging() -> None:
    if not _LOG_HANDLERS:
        return
    import logging

    logger = logging.getLogger("kurilwatch")
    for handler in _LOG_HANDLERS:
        logger.removeHandler(handler)
        handler.close()
    _LOG_HANDLERS.clear()
    logger.setLevel(logging.NOTSET)


def _start_logging(verbose: int, log_file: Path | None) -> None:
    """kurilwatch's log through the standard logging module; quiet unless asked."""
    import logging

    from kurilwatch.config import expand_path

    handlers: list[logging.Handler] = []
    if verbose:
        handlers.append(logging.StreamHandler(sys.stderr))
    if log_file is not None:
        path = expand_path(log_file)
        try:
            handlers.append(logging.FileHandler(path, encoding="utf-8"))
        except OSError as exc:
            raise typer.BadParameter(f"cannot write {path}: {exc.strerror or exc}") from None
    logger = logging.getLogger("kurilwatch")
    logger.setLevel(logging.DEBUG if verbose > 1 else logging.INFO)
    for handler in handlers:
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s: %(message)s"))
        logger.addHandler(handler)
        _LOG_HANDLERS.append(handler)


def _get_item(db: Path | None, item_id: int) -> dict:
    with _open(db) as store:
        item = store.get_item(item_id)
        if item is not None and item["lead_only"]:
            item["article_error"] = store.article_error(item_id)
    if item is None:
        raise UsageError(f"no item with ID {item_id}")
    return item


def _run_fetch(store: Store, cfg: Config, feeds: list[Feed], **options: Any) -> FetchReport:
    """run_fetch for this process, whose every loaded module stays till it ends."""
    import gc

    from kurilwatch.update import run_fetch

    # Frozen, what is loaded by now (modules, patterns, configuration) is not walked again by
    # every full collection while the feeds come in, nor copied into the worker processes.
    gc.freeze()
    return run_fetch(store, cfg, feeds, **options)


def _check_config(config: Path | None) -> None:
    """Stop on a bad config file, as every command does, even one that does not use it."""
    from kurilwatch.config import load_config

    load_config(config)


def _open(db: Path | None, *, create: bool = False):
    """The database; only the commands that bring items in (fetch, run) may create it."""
    from kurilwatch.config import resolve_db_path
    from kurilwatch.store import Store

    path = resolve_db_path(_given(db, "db"))
    if path.exists() and path.is_dir():
        raise StoreError(f"{path} is a directory, not a database file")
    return Store(path, now=now, create=create)  # the command's clock, the one it gives the core


@command()
def fetch(
    feed: Annotated[
        list[str] | None,
        typer.Option("--feed", "-f", help="Poll only this feed (repeatable)."),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print nothing unless a feed fails (for cron).")
    ] = False,
    fmt: Annotated[
        SummaryFormat | None,
        typer.Option("--format", help=f"The summary's format; {AUTO}."),
    ] = None,
    wait: WaitOption = 10.0,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Poll the feeds, keep the Kuril items, store them, and print a summary.

    Exit status: 0 when every feed was fetched or not modified, 1 when at least one feed
    failed (the others are still stored), 2 for a usage or configuration error, 4 when
    another fetch or run was still going on (nothing polled).
    """
    from kurilwatch.locks import run_lock

    cfg = _load_config(config)
    feeds = [f for f in cfg.feeds if f.enabled]
    if feed:
        unknown = [name for name in feed if cfg.feed(name) is None]
        if unknown:
            raise _unknown_feed(unknown[0], cfg)
        # Named explicitly, a disabled feed is polled too.
        feeds = [f for f in cfg.feeds if f.name in feed]
    # --quiet prints nothing when all is well: a cron run then never loads rich.
    with _open(db, create=True) as store, run_lock(store.path, wait):
        if quiet or not at_terminal():
            report = _run_fetch(store, cfg, feeds)
        else:
            # A progress bar only for a person at a terminal: never in cron or a pipe.
            from kurilwatch.render import PendingFeeds

            with PendingFeeds(_stdout(), [f.name for f in feeds]) as progress:
                report = _run_fetch(store, cfg, feeds, on_done=progress.done)
    if quiet:
        _report_health_changes(report)
    else:
        emit(fmt, table=lambda console: _render().fetch_summary(console, report.feeds))
        if report.failed:
            _say_which_failed([f.feed for f in report.failed], "failed")
    if report.failed:
        raise typer.Exit(EXIT_FAILURE)


def _say_which_failed(names: list[str], what: str) -> None:
    """The one line on stderr behind an exit 1 whose details are in the output on stdout."""
    feeds = f"feed {names[0]}" if len(names) == 1 else f"{len(names)} feeds ({', '.join(names)})"
    _stderr().print(f"Error: {feeds} {what}", markup=False)


def _report_health_changes(report) -> None:
    """For cron: a line when a feed goes down or recovers, the full story once a day.

    A run that exits 1 always says why (wrappers such as `chronic` show only failed runs),
    but a feed that stays down gets its error and run count only in the daily reminder.
    """
    from kurilwatch.dates import shown

    lines = []
    for feed in report.feeds:
        failing_since = feed.failing_since
        since = shown(datetime.fromisoformat(failing_since)) if failing_since else None
        if feed.started_failing:
            lines.append(f"Error: feed {feed.feed}: {feed.error}")
        elif feed.remind:
            lines.append(
                f"Error: feed {feed.feed} still failing since {since} "
                f"({feed.failures} runs): {feed.error}"
            )
        elif feed.status == "error" and since and feed.failures > 1:
            # A feed that never worked has not gone down: it is still failing.
            state = "still failing (it never worked)" if feed.never_worked else "still down"
            lines.append(f"Error: feed {feed.feed} {state} since {since}")
        elif feed.status == "error":
            lines.append(f"Error: feed {feed.feed}: {feed.error}")
        elif feed.recovered:
            lines.append(f"feed {feed.feed} recovered")
        if feed.moved_to:  # once: the new address is stored and polled from now on
            lines.append(f"feed {feed.feed} moved for good to {feed.moved_to}")
    if lines:  # the console (rich) only when there is something to say
        err = _stderr()
        for line in lines:
            err.print(line, markup=False)


@command("list")
def list_items(
    since: SinceOption = None,
    source: Annotated[
        str | None, typer.Option("--source", help="Only items from this feed.")
    ] = None,
    limit: LimitOption = 50,
    fmt: ListFormatOption = None,
    group: Annotated[
        bool, typer.Option("--group", "-g", help="One row per story, with all its sources.")
    ] = False,
    flagged: Annotated[
        bool,
        typer.Option(
            "--flagged",
            help="Only the items `refilter` flagged as no longer matching (no other view "
            "shows them).",
        ),
    ] = False,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """List stored items, newest first."""
    _check_config(config)
    from kurilwatch.dates import parse_since

    cutoff = parse_since(since, now()) if since else None
    with _open(db) as store:
        items = store.list_items(since=cutoff, source=source, limit=limit, flagged=flagged)
        if source is not None and not items and not store.knows_feed(source):
            _refuse_unknown_feed(source, config)
    from kurilwatch import plain

    if group:
        from kurilwatch.developments import group_stories

        stories = group_stories(items)
        if fmt == Format.csv:
            raise UsageError("--group works with --format table, plain or json")
        emit(
            fmt,
            table=lambda console: _render().stories_table(console, stories),
            plain=lambda: plain.records(map(plain.story_cells, stories)),
            json=lambda: _render().stories_json(stories),
            ndjson=lambda: _render().stories_json(stories, lines=True),
        )
        return
    emit(
        fmt,
        table=lambda console: _render().items_table(console, items),
        plain=lambda: plain.records(map(plain.item_cells, items)),  # rich is not even loaded
        json=lambda: _render().items_json(items),
        ndjson=lambda: _render().items_json(items, lines=True),
        csv=lambda: _render().items_csv(items),
    )


def _render() -> Any:
    """kurilwatch.render, which loads rich: only for what is drawn or serialised."""
    from kurilwatch import render

    return render


def _refuse_unknown_feed(name: str, config: Path | None) -> None:
    """UsageError unless the feed is configured (a new feed has nothing stored yet)."""

    cfg = _load_config(config)
    if cfg.feed(name) is None:
        raise _unknown_feed(name, cfg)


def _unknown_feed(name: str, cfg: Config) -> UsageError:
    return UsageError(f"unknown feed {name!r} (configured: {', '.join(f.name for f in cfg.feeds)})")


@command()
def show(
    item_id: ItemId,
    fmt: TableOrJsonOption = None,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Show one item in full, with the matched terms highlighted."""
    from kurilwatch import render
    from kurilwatch.feeds import matcher_for

    cfg = _load_config(config)
    item = _get_item(db, item_id)
    match = matcher_for(cfg)(item["feed"])
    title_hits = list(match(item["title"] or "").hits)
    text_hits = list(match(item["text"] or "").hits)
    emit(
        fmt,
        table=lambda console: render.item_detail(console, item, title_hits, text_hits),
        json=lambda: render.item_detail_json(item, title_hits, text_hits),
        ndjson=lambda: render.item_detail_json(item, title_hits, text_hits, lines=True),
    )


feeds_app = typer.Typer(
    cls=Group,
    help="The feeds: their health (the default), and add, remove, import, export, check.",
    no_args_is_help=False,
    rich_markup_mode=None,
)
app.add_typer(feeds_app, name="feeds")


@feeds_app.callback(invoke_without_command=True)
def feeds_default(
    ctx: typer.Context,
    fmt: TableOrJsonOption = None,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Show each configured feed and its health (or run one of the commands below)."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(feeds_list, fmt=fmt, db=db, config=config)


@command("list", target=feeds_app)
def feeds_list(
    fmt: TableOrJsonOption = None,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Show each configured feed and its health."""
    from kurilwatch import render

    cfg = _load_config(config)
    from kurilwatch.feeds import feed_rows

    with _open(db) as store:
        rows = feed_rows(cfg, store)
    emit(
        fmt,
        table=lambda console: render.feeds_table(console, rows),
        json=lambda: render.feeds_json(rows),
        ndjson=lambda: render.feeds_json(rows, lines=True),
    )


def _config_path(config: Path | None) -> Path:
    from kurilwatch.config import resolve_config_path

    return resolve_config_path(_given(config, "config"))[0]


@command("add", target=feeds_app)
def feeds_add(
    name: Annotated[str, typer.Argument(help="A short name: letters, digits, '.', '_', '-'.")],
    url: Annotated[str, typer.Argument(help="The feed's URL (http or https).")],
    lang: Annotated[str | None, typer.Option("--lang", help="Language code: en, ru, ja…")] = None,
    config: ConfigOption = None,
) -> None:
    """Add a feed to the config file (created from the built-in feeds if absent)."""
    from kurilwatch import manage

    path = _config_path(config)
    document = manage.load_document(path)
    manage.add_feed(document, name, url, lang)
    manage.save_document(path, document)
    print(f"Added feed {name} ({url}) to {path}")


@command("remove", target=feeds_app)
def feeds_remove(
    name: Annotated[str, typer.Argument(help="The feed's name.")],
    config: ConfigOption = None,
) -> None:
    """Remove a feed from the config file (its stored items stay)."""
    from kurilwatch import manage

    path = _config_path(config)
    document = manage.load_document(path)
    manage.remove_feed(document, name)
    manage.save_document(path, document)
    print(f"Removed feed {name} from {path}")


@command("import", target=feeds_app)
def feeds_import(
    file: Annotated[Path, typer.Argument(help="An OPML file (from newsboat, miniflux, …).")],
    config: ConfigOption = None,
) -> None:
    """Add every feed in an OPML file; feeds already present (same URL) are left alone."""
    from kurilwatch import manage

    try:
        data = file.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {file}: {exc.strerror or exc}") from None
    found = manage.read_opml(data, str(file))
    path = _config_path(config)
    document = manage.load_document(path)
    result = manage.import_opml(document, found)
    if result.added:
        manage.save_document(path, document)
    for name, url in result.added:
        print(f"Added {name}: {url}")
    for url, existing in result.present:
        print(f"Already present as {existing}: {url}")
    print(f"{len(result.added)} added, {len(result.present)} already present ({path})")


@command("export", target=feeds_app)
def feeds_export(config: ConfigOption = None) -> None:
    """Print the configured feeds as OPML 2.0."""
    from kurilwatch.manage import write_opml

    sys.stdout.write(write_opml(_load_config(config).feeds, now()))


@command("check", target=feeds_app)
def feeds_check(
    name: Annotated[str | None, typer.Argument(help="Only this feed.")] = None,
    fmt: TableOrJsonOption = None,
    config: ConfigOption = None,
) -> None:
    """Poll feeds without storing anything: status, type, format, encoding, items, matches."""
    from kurilwatch import render
    from kurilwatch.update import check_feeds

    cfg = _load_config(config)
    feeds = list(cfg.feeds)
    if name is not None:
        feeds = [f for f in feeds if f.name == name]
        if not feeds:
            raise UsageError(f"unknown feed {name!r}")
    results = check_feeds(cfg, feeds)
    emit(
        fmt,
        table=lambda console: render.checks_table(console, results),
        json=lambda: render.checks_json(results),
        ndjson=lambda: render.checks_json(results, lines=True),
    )
    failed = [r["feed"] for r in results if r["status"] == "error"]
    if failed:
        _say_which_failed(failed, "failed the check")
        raise typer.Exit(EXIT_FAILURE)


@command()
def explain(
    item_id: ItemId,
    fmt: TableOrJsonOption = None,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Show which rules match a stored item, where, and which look-alikes were ignored."""
    from kurilwatch import render
    from kurilwatch.feeds import matcher_for

    cfg = _load_config(config)
    item = _get_item(db, item_id)
    text = f"{item['title']}\n{item['text']}"
    result = matcher_for(cfg)(item["feed"])(text)
    emit(
        fmt,
        table=lambda console: render.match_explanation(console, text, result),
        json=lambda: render.match_json(result),
        ndjson=lambda: render.match_json(result, lines=True),
    )


@command()
def refilter(
    dry_run: Annotated[
        bool, typer.Option("--dry-run", "-n", help="Only show what would change.")
    ] = False,
    prune: Annotated[
        bool, typer.Option("--prune", help="Delete stored items that no longer match.")
    ] = False,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Run the current rules over everything held: stored items, and the non-matching
    entries kept for `filter.keep_unmatched_days` (default 30).

    Newly matching entries are added with their original dates. Items that no longer match
    are flagged "[no longer matches]", and deleted only with --prune.
    """
    from kurilwatch import refilter as core
    from kurilwatch import render
    from kurilwatch.feeds import matcher_for

    cfg = _load_config(config)
    with _open(db) as store:
        plan = core.plan(store, matcher_for(cfg))
        render.refilter_plan(_stdout(), plan, dry_run, prune)
        if not dry_run:
            core.apply(store, cfg, plan, prune=prune, at=now())


@command()
def news(
    since: Annotated[
        str,
        since_option(
            help="'last' (since the previous `news --since last` run; the last 7 days the "
            "first time), a duration (90m, 36h, 7d, 2w) or an ISO date: a look at that "
            "window, which leaves 'last' where it was."
        ),
    ] = "last",
    limit: LimitOption = 100,
    fmt: ViewFormatOption = None,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """What happened: each story's new sentences, with the repeated background collapsed.

    A sentence already seen in an earlier stored item (from any feed, with small wording
    changes) is background. Every run is remembered, so `--since last` shows only what
    arrived since the previous one, and what changed in the items it showed (updates);
    when there is more than --limit, the oldest come first and the rest wait for the next
    run, so no item is skipped. An item with nothing new is one line: a republication.
    """
    _check_config(config)
    from kurilwatch import news as core
    from kurilwatch.dates import parse_since

    # Only the plain view moves the cursors: a look at a window consumes nothing.
    plain_view = since.strip().lower() == "last"
    # A bad value is refused before any reading.
    cutoff = None if plain_view else parse_since(since, now(), also="'last'")
    with _open(db) as store:
        if cutoff is None:
            found = core.since_last(store, limit, now())
        else:
            found = core.look(store, cutoff, limit)
    stories, updates, republications = found.stories, found.updates, found.republications
    if found.hint:
        sys.stderr.write(found.hint + "\n")  # our words only, and no rich to load for them
    from kurilwatch import plain

    emit(
        fmt,
        table=lambda console: _render().news_view(console, stories, updates, republications),
        plain=lambda: (
            plain.lines(plain.news_lines(stories, updates, republications))
            if not found.empty
            else "Nothing new.\n"
        ),
        json=lambda: _render().news_json(stories, updates, republications),
        ndjson=lambda: _render().news_json(stories, updates, republications, lines=True),
    )


@command()
def diff(
    item_id: ItemId,
    rev: Annotated[
        list[int] | None,
        typer.Option("--rev", "-r", help="Compare these two revisions (give --rev twice)."),
    ] = None,
    fmt: Annotated[
        DiffFormat | None,
        typer.Option(
            "--format",
            help="color: word by word, in colour at a terminal and with [-removed-]{+added+} "
            "marks without colours (a pipe, NO_COLOR, TERM=dumb); unified: a unified diff. "
            "By default color, unwrapped in a pipe.",
        ),
    ] = None,
    db: DbOption = None,
) -> None:
    """Show how an item changed between its two latest revisions (or --rev A --rev B)."""
    from kurilwatch import render

    with _open(db) as store:
        item = store.get_item(item_id)
        if item is None:
            raise UsageError(f"no item with ID {item_id}")
        revisions = {r["revision"]: r for r in store.revisions(item_id)}
    if rev:
        if len(rev) != 2:
            raise UsageError("give --rev exactly twice: --rev A --rev B")
        missing = [r for r in rev if r not in revisions]
        if missing:
            have = ", ".join(map(str, revisions))
            raise UsageError(f"item {item_id} has no revision {missing[0]} (it has {have})")
        old, new = revisions[rev[0]], revisions[rev[1]]
    else:
        if len(revisions) < 2:
            raise UsageError(f"item {item_id} has only one revision: nothing to compare")
        latest = sorted(revisions)
        new = revisions[latest[-1]]
        # A revision is one feed's change to its own copy: compared with that feed's last.
        same_feed = [r for r in latest[:-1] if revisions[r]["feed"] == new["feed"]]
        old = revisions[(same_feed or latest[:-1])[-1]]
    if (old["title"], old["text"]) == (new["title"], new["text"]):
        print(f"Revisions {old['revision']} and {new['revision']} of item {item_id} are identical.")
        return
    emit(
        None if fmt is None else "table" if fmt == Format.color else fmt,
        table=lambda console: render.diff_view(console, item, old, new),
        unified=lambda: render.unified_diff(item, old, new),
    )


@command()
def search(
    query: Annotated[
        str,
        typer.Argument(
            help='Words to find, as typed (all of them); operators: "a phrase", OR, NOT, '
            "prefix*. Russian and Japanese work too."
        ),
    ],
    since: SinceOption = None,
    limit: LimitOption = 20,
    fmt: ViewFormatOption = None,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Search the stored items' titles and text, best matches first."""
    _check_config(config)
    from kurilwatch.dates import parse_since
    from kurilwatch.query import parse_query

    parsed = parse_query(query)  # a malformed query is refused before anything is opened
    cutoff = parse_since(since, now()) if since else None
    with _open(db) as store:
        rows = store.search(parsed, since=cutoff, limit=limit)
    from kurilwatch import plain

    emit(
        fmt,
        table=lambda console: _render().search_table(console, rows),
        plain=lambda: plain.records(map(plain.search_cells, rows)),
        json=lambda: _render().search_json(rows),
        ndjson=lambda: _render().search_json(rows, lines=True),
    )


ToOption = Annotated[
    list[str] | None,
    typer.Option("--to", help="Recipient (repeatable); default: email.to in the config."),
]
AlwaysOption = Annotated[
    bool,
    typer.Option("--always", help="With --email: send an 'all quiet' note when nothing is new."),
]


@command()
def digest(
    email: Annotated[
        bool, typer.Option("--email", "-e", help="Send it by e-mail instead of printing it.")
    ] = False,
    to: ToOption = None,
    since: Annotated[
        str | None,
        since_option("Every item since then, sent or not (a manual re-send); marks nothing sent."),
    ] = None,
    always: AlwaysOption = False,
    fmt: Annotated[
        DigestFormat, typer.Option("--format", help="Format when printing.")
    ] = DigestFormat.text,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """A digest of the items not yet sent, grouped by story, newest first, with their new
    sentences. Without --email it is printed (a dry run that marks nothing).

    Exit status: 0 when a digest was printed or sent, 3 when there was nothing new (nothing
    is sent unless --always), 1 when delivery failed (the items stay pending), 2 for a
    usage or configuration error.
    """

    cfg = _load_config(config)
    sent = _digest(cfg, db, email=email, to=to, since=since, always=always, fmt=fmt)
    if not sent:
        if email:  # exit 3 says why, as every non-zero exit does
            _stderr().print("Nothing new since the last digest: nothing sent.", markup=False)
        raise typer.Exit(EXIT_NOTHING)


def _recipients(cfg, to: list[str] | None) -> list[str]:
    """Checked recipients for sending, and a sender: one clear line when either is missing."""
    from kurilwatch.config import check_address

    try:
        recipients = [check_address(r, "--to") for r in (to or cfg.email.to)]
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if not recipients:
        raise UsageError("no recipients: give --to ADDRESS or set email.to in the config")
    if not cfg.email.sender:
        raise UsageError("no sender: set email.from in the config")
    return recipients


def _digest(cfg, db, *, email: bool, to, since, always: bool, fmt=None) -> bool:
    """Build, and print or send, a digest; False when there was nothing to show or send."""
    from kurilwatch import digest as digests
    from kurilwatch.config import ENV_SMTP_PASSWORD
    from kurilwatch.dates import parse_since

    recipients = _recipients(cfg, to) if email else list(to or cfg.email.to)
    cutoff = parse_since(since, now()) if since else None
    if email:
        secret = os.environ.get(ENV_SMTP_PASSWORD)
        with _open(db) as store:
            sent = digests.send(
                store,
                cfg.email,
                recipients,
                since=cutoff,
                always=always,
                now=now,
                password=secret,
            )
        if sent is not None and sent.waiting_mark is not None:
            sys.stderr.write(
                "The digest was delivered; it will be marked sent by the next run "
                f"({sent.waiting_mark}).\n"
            )
        return sent is not None  # the digest, or the "all quiet" note
    key = digests.recipients_key(recipients)
    with _open(db) as store:
        built = digests.build(store, key, cfg.email.max_items, cutoff, now())
    if not built.count:
        _stderr().print("Nothing new since the last digest.", markup=False)
        return False
    sys.stdout.write(digests.RENDERERS[(fmt or DigestFormat.text).value](built))
    return True


@command("test-email")
def email_test(to: ToOption = None, config: ConfigOption = None) -> None:
    """Send a short test message with the [email] settings and show what the server (or the
    sendmail command) said. Marks nothing; needs no database.

    Exit status: 0 when the message was accepted, 1 when it was not (the reply is shown).
    """
    from kurilwatch.config import ENV_SMTP_PASSWORD
    from kurilwatch.mail import deliver, trial_message

    cfg = _load_config(config)
    recipients = _recipients(cfg, to)
    assert cfg.email.sender is not None  # _recipients refused a missing sender
    message = trial_message(cfg.email.sender, recipients, now())
    receipt = deliver(message, cfg.email, os.environ.get(ENV_SMTP_PASSWORD))
    print(f"Test message to {', '.join(recipients)} accepted by {receipt.via}, which said:")
    for line in receipt.said:
        print(f"  {line}")


@command()
def run(
    to: ToOption = None,
    always: Annotated[
        bool, typer.Option("--always", help="Send an 'all quiet' note when nothing is new.")
    ] = False,
    wait: WaitOption = 10.0,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Fetch, then e-mail a digest of what is new: the one line for a crontab.

    Prints nothing when all is well. A failed feed or a failed delivery prints one line per
    problem on stderr (cron mails it to you) and exits 1; the items stay pending. Exit 4:
    another fetch or run was still going on, so this one did nothing.
    """
    from kurilwatch.locks import run_lock
    from kurilwatch.mail import DeliveryError

    cfg = _load_config(config)
    email = bool(to or cfg.email.to) or not cfg.notify  # notifications alone need no mail
    if email:
        _recipients(cfg, to)  # a mail set-up problem stops the run before it fetches
    problems = []
    with _open(db, create=True) as store, run_lock(store.path, wait):
        report = _run_fetch(store, cfg, [f for f in cfg.feeds if f.enabled])
        _report_health_changes(report)
        if email:
            try:
                _digest(cfg, db, email=True, to=to, since=None, always=always)
            except DeliveryError as exc:
                problems.append(exc.message)
        problems += _notify(cfg, store, always, targets=None)[1]
    for problem in problems:
        _stderr().print(f"Error: {problem}", markup=False)
    if report.failed or problems:
        raise typer.Exit(EXIT_FAILURE)


def _notify(cfg, store, always: bool, targets: list[str] | None) -> tuple[int, list[str]]:
    """Send each [[notify]] target what it has not had yet: (messages sent, problems)."""
    if not cfg.notify:
        return 0, []
    from kurilwatch.mail import sending_lock
    from kurilwatch.notify import notify_all

    chosen = tuple(t for t in cfg.notify if targets is None or t.name in targets)
    with sending_lock(store.path):
        return notify_all(store, chosen, cfg.email.max_items, now(), always)


@command()
def notify(
    target: Annotated[
        list[str] | None,
        typer.Option("--target", "-t", help="Only this [[notify]] target (repeatable)."),
    ] = None,
    always: Annotated[
        bool, typer.Option("--always", help="Send an 'all quiet' note when nothing is new.")
    ] = False,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Send each [[notify]] target (Apprise: ntfy, Telegram, Matrix, webhooks…) what it has not
    had yet: one digest per run, or one message per story.

    Exit status: 0 when something was sent, 3 when nothing was new, 1 when a service did not
    accept a message (what it covered stays pending), 2 for a usage or configuration error.
    """

    cfg = _load_config(config)
    if not cfg.notify:
        raise UsageError("no [[notify]] targets in the config")
    unknown = [name for name in target or [] if name not in {t.name for t in cfg.notify}]
    if unknown:
        raise UsageError(f"no [[notify]] target named {unknown[0]!r}")
    with _open(db) as store:
        sent, problems = _notify(cfg, store, always, targets=target)
    for problem in problems:
        _stderr().print(f"Error: {problem}", markup=False)
    if problems:
        raise typer.Exit(EXIT_FAILURE)
    if not sent:
        _stderr().print("Nothing new since the last notification: nothing sent.", markup=False)
        raise typer.Exit(EXIT_NOTHING)


class Period(StrEnum):
    day = "day"
    week = "week"
    month = "month"


@command()
def stats(
    since: Annotated[str, since_option("Period start: 90d, 2w, or an ISO date.")] = "90d",
    by: Annotated[Period, typer.Option("--by", help="Count per day, week or month.")] = Period.day,
    fmt: TableOrJsonOption = None,
    db: DbOption = None,
) -> None:
    """Coverage at a glance: items per source over time, the busiest days, the top terms."""
    from kurilwatch import render
    from kurilwatch.dates import parse_since
    from kurilwatch.reports import stats as build_stats

    until = now()
    with _open(db) as store:
        result = build_stats(store, parse_since(since, until), until, by.value)
    emit(
        fmt,
        table=lambda console: render.stats_view(console, result),
        json=lambda: _render().dumps(result.as_dict()),
        ndjson=lambda: _render().dumps(result.as_dict(), lines=True),
    )


@command()
def report(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The HTML file to write.", dir_okay=False)
    ] = Path("kurilwatch-report.html"),
    since: Annotated[str, since_option("Period start: 30d, 2w, or an ISO date.")] = "30d",
    db: DbOption = None,
) -> None:
    """Write one self-contained HTML report: a timeline chart, the stories with their new
    sentences, and a searchable list of every item. Opens offline in any browser."""
    from kurilwatch.dates import parse_since
    from kurilwatch.reports import html_report

    until = now()
    with _open(db) as store:
        page = html_report(store, parse_since(since, until), until)
    _write_output(output, page)
    print(f"Wrote {output}")


def _write_output(output: Path, text: str) -> None:
    """Atomically: a feed reader or web server polling the file never reads half of it."""
    from kurilwatch.files import write_atomically

    try:
        write_atomically(output, text)
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror or exc}") from None


@command()
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="What to export.")] = (
        ExportFormat.atom
    ),
    since: SinceOption = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file (atomically), not stdout."),
    ] = None,
    url: Annotated[
        str | None,
        typer.Option(
            "--url",
            help="Atom: the address the feed is published at (its rel=self link); default: "
            "the -o file's file:// URL.",
        ),
    ] = None,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Export the stored Kuril items as an Atom 1.0 feed (subscribe to "Kuril news only"),
    JSON, CSV or NDJSON; or the feed list as OPML."""
    from kurilwatch import render
    from kurilwatch.dates import parse_since

    if fmt is ExportFormat.opml:
        from kurilwatch.manage import write_opml

        text = write_opml(_load_config(config).feeds, now())
    else:
        cutoff = parse_since(since, now()) if since else None
        with _open(db) as store:
            items = store.list_items(since=cutoff, limit=None)
            if fmt is ExportFormat.atom:
                from kurilwatch.reports import atom_feed

                self_url = url or (output.resolve().as_uri() if output else "urn:kurilwatch:stream")
                text = atom_feed(store, items, now(), self_url)
            elif fmt is ExportFormat.json:
                text = render.items_json(items)
            elif fmt is ExportFormat.csv:
                text = render.items_csv(items)
            else:
                text = render.items_json(items, lines=True)
    if output is None:
        sys.stdout.write(text)
    else:
        _write_output(output, text)


@command("web", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def web(ctx: typer.Context, db: DbOption = None) -> None:
    """Browse the database in Datasette (pip install 'kurilwatch[web]'): items newest first
    with facets on feed, language and matched terms, internal tables hidden, and canned
    queries (today's news, stories, feed health, search for short words). Every other option
    goes to `datasette serve`: --port 8002, --host, --open."""
    import subprocess
    import tempfile

    from kurilwatch.web import datasette_command

    with _open(db) as store:  # an existing database: never creates one
        path = store.path
    with tempfile.TemporaryDirectory(prefix="kurilwatch-web-") as folder:
        command = datasette_command(path, Path(folder) / "metadata.json", list(ctx.args))
        try:
            code = subprocess.call(command)
        except KeyboardInterrupt:  # Ctrl-C stops Datasette too: that is how one leaves it
            code = 0
    if code:
        raise typer.Exit(code)


@command("match")
def match_text(
    text: Annotated[str, typer.Argument(help="The text to test; '-' reads standard input.")],
    title: Annotated[
        str | None,
        typer.Option(
            "--title",
            "-t",
            help="The item's headline; without it, TEXT's first line is the headline.",
        ),
    ] = None,
    fmt: TableOrJsonOption = None,
    config: ConfigOption = None,
) -> None:
    """Show whether TEXT is about the islands, which rules fired where (headline, lead,
    body), which look-alikes were recognised and ignored, and why a mention did not count.

    Exit status: 0 when it matches, 3 when it does not (so scripts can test it).
    """
    from kurilwatch import render
    from kurilwatch.match import get_matcher

    if text == "-":
        text = sys.stdin.read()
    cfg = _load_config(config)
    matcher = get_matcher(cfg.include, cfg.exclude)
    if title is None:
        result = matcher.match(text)
    else:
        result = matcher.match_item(title, text)
        text = f"{title}\n{text}" if text else title
    shown = text
    emit(
        fmt,
        table=lambda console: render.match_explanation(console, shown, result),
        json=lambda: render.match_json(result),
        ndjson=lambda: render.match_json(result, lines=True),
    )
    if not result.relevant:
        raise typer.Exit(EXIT_NOTHING)


@command()
def paths(db: DbOption = None, config: ConfigOption = None) -> None:
    """Print the config file and database kurilwatch uses, and where each came from."""
    from kurilwatch.config import locate_config, locate_db

    for name, located in (
        ("config", locate_config(_given(config, "config"))),
        ("database", locate_db(_given(db, "db"))),
    ):
        origin = "the default" if located.source == "default" else located.source
        if located.given is not None and located.given != str(located.path):
            origin += f" ({located.given})"
        missing = "" if located.path.exists() else "; it does not exist yet"
        print(f"{name}\t{located.path}\tfrom {origin}{missing}")


def main() -> None:
    app()
