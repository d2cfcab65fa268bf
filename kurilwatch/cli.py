"""The command line: parse options, call the core, render. The only module that imports typer."""

from __future__ import annotations

import functools
import os
import sqlite3
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from kurilwatch import __version__
from kurilwatch.errors import (
    EXIT_FAILURE,
    EXIT_NOTHING,
    EXIT_USAGE,
    KurilwatchError,
    StoreError,
    UsageError,
)

if TYPE_CHECKING:
    from kurilwatch.config import Config, Feed
    from kurilwatch.models import FetchReport
    from kurilwatch.store import Store

app = typer.Typer(
    name="kurilwatch",
    help="Track news about the Kuril Islands dispute (Russia's Southern Kurils, Japan's "
    "Northern Territories): poll feeds, keep the items about the islands, show what is new.",
    no_args_is_help=True,
    rich_markup_mode=None,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        envvar="KURILWATCH_DB",
        help="SQLite database file. [env: KURILWATCH_DB; default: the user data dir]",
        show_envvar=False,
        dir_okay=False,
    ),
]
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        envvar="KURILWATCH_CONFIG",
        help="TOML config file. [env: KURILWATCH_CONFIG; default: the user config dir]",
        show_envvar=False,
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


class ListFormat(StrEnum):
    table = "table"
    plain = "plain"
    json = "json"
    ndjson = "ndjson"  # one JSON record per line
    csv = "csv"


class ViewFormat(StrEnum):
    table = "table"
    plain = "plain"
    json = "json"
    ndjson = "ndjson"  # one JSON record per line


_AUTO_FORMAT = "a table at a terminal, plain lines when piped (records tab-separated, one per line)"


def _table_or_plain(fmt: ListFormat | ViewFormat | None) -> ListFormat | ViewFormat:
    """The format asked for; else a table for a person at a terminal, plain lines for a pipe.

    The same test as rich's, so that FORCE_COLOR or TTY_COMPATIBLE=1 draw the table anywhere.
    """
    if fmt is not None:
        return fmt
    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        terminal = compatible == "1"
    elif os.environ.get("FORCE_COLOR") is not None:
        terminal = os.environ["FORCE_COLOR"] != ""
    else:
        terminal = sys.stdout.isatty()
    return ViewFormat.table if terminal else ViewFormat.plain


JSON_FORMATS = ("json", "ndjson")


class TableOrJson(StrEnum):
    table = "table"
    json = "json"
    ndjson = "ndjson"  # one JSON record per line


ViewFormatOption = Annotated[
    ViewFormat | None,
    typer.Option(
        "--format",
        help="Output format: json or ndjson (a record a line) for scripts; by default "
        f"{_AUTO_FORMAT}.",
    ),
]
TableOrJsonOption = Annotated[
    TableOrJson,
    typer.Option(
        "--format", help="Output format: a table, or json / ndjson (a record a line) for scripts."
    ),
]


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


# An ID or --limit past SQLite's integers: nothing can match it, and it is a typing mistake.
_TOO_LARGE = f"a number on the command line is too large (at most {2**63 - 1})"


def _database_problem(exc: sqlite3.DatabaseError) -> str | None:
    text = str(exc)
    if type(exc) is sqlite3.DatabaseError or "malformed" in text:  # damaged, not busy
        return (
            f"the database file is damaged ({text}); restore it from a backup, or move it "
            "away to start a new one"
        )
    known = {
        "database is locked": "the database is busy: another kurilwatch run is in progress",
        "readonly database": "the database is read-only",
        "database or disk is full": "the disk is full; nothing was lost, the last write was undone",
        "disk I/O error": "disk I/O error while writing the database",
        "unable to open database file": "cannot open the database file",
    }
    return next((message for key, message in known.items() if key in text), None)


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
            except sqlite3.DatabaseError as exc:
                message = _database_problem(exc)
                if message is None:
                    raise
                _stderr().print(f"Error: {message}", markup=False)
                raise typer.Exit(EXIT_FAILURE) from None
            except OverflowError as exc:
                if "SQLite INTEGER" not in str(exc):
                    raise
                _stderr().print(f"Error: {_TOO_LARGE}", markup=False)
                raise typer.Exit(EXIT_USAGE) from None

        return (target or app).command(*args, **kwargs)(wrapper)

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
) -> None:
    """Track news about the Kuril Islands dispute."""


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

    path = resolve_db_path(db)
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
    wait: WaitOption = 10.0,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Poll the feeds, keep the Kuril items, store them, and print a summary.

    Exit status: 0 when every feed was fetched or not modified, 1 when at least one feed
    failed (the others are still stored), 2 for a usage or configuration error, 4 when
    another fetch or run was still going on (nothing polled).
    """
    from kurilwatch.config import load_config
    from kurilwatch.locks import run_lock

    cfg = load_config(config)
    feeds = [f for f in cfg.feeds if f.enabled]
    if feed:
        unknown = [name for name in feed if cfg.feed(name) is None]
        if unknown:
            raise _unknown_feed(unknown[0], cfg)
        # Named explicitly, a disabled feed is polled too.
        feeds = [f for f in cfg.feeds if f.name in feed]
    # --quiet prints nothing when all is well: a cron run then never loads rich.
    console = None if quiet else _stdout()
    with _open(db, create=True) as store, run_lock(store.path, wait):
        if console is None or not console.is_terminal:
            report = _run_fetch(store, cfg, feeds)
        else:
            # A progress bar only for a person at a terminal: never in cron or a pipe.
            from rich.progress import Progress

            with Progress(console=console, transient=True) as progress:
                task = progress.add_task("Polling feeds", total=len(feeds))
                report = _run_fetch(store, cfg, feeds, on_done=lambda _: progress.advance(task))
    if console is None:
        _report_health_changes(report)
    else:
        from kurilwatch.render import fetch_summary

        fetch_summary(console, report.feeds)
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
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            "-s",
            help="Only items published since then: 90m, 36h, 7d, 2w, or an ISO date "
            "(2026-11-01) or datetime (UTC unless it has an offset).",
        ),
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="Only items from this feed.")
    ] = None,
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, help="At most this many items.")
    ] = 50,
    fmt: Annotated[
        ListFormat | None,
        typer.Option("--format", help=f"Output format; by default {_AUTO_FORMAT}."),
    ] = None,
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
    chosen = _table_or_plain(fmt)
    if group:
        from kurilwatch.developments import group_stories

        stories = group_stories(items)
        if chosen == ListFormat.csv:
            raise UsageError("--group works with --format table, plain or json")
        if chosen == ListFormat.plain:
            from kurilwatch import plain

            sys.stdout.write(plain.records(map(plain.story_cells, stories)))
            return
        from kurilwatch import render

        if chosen in JSON_FORMATS:
            sys.stdout.write(render.stories_json(stories, lines=chosen == "ndjson"))
        else:
            render.stories_table(_stdout(), stories)
        return
    _print_items(items, chosen)


def _refuse_unknown_feed(name: str, config: Path | None) -> None:
    """UsageError unless the feed is configured (a new feed has nothing stored yet)."""
    from kurilwatch.config import load_config

    cfg = load_config(config)
    if cfg.feed(name) is None:
        raise _unknown_feed(name, cfg)


def _unknown_feed(name: str, cfg: Config) -> UsageError:
    return UsageError(f"unknown feed {name!r} (configured: {', '.join(f.name for f in cfg.feeds)})")


def _print_items(items: list[dict], fmt: ListFormat | ViewFormat) -> None:
    if fmt == ListFormat.plain:  # a pipe: rich is not even loaded
        from kurilwatch import plain

        sys.stdout.write(plain.records(map(plain.item_cells, items)))
        return
    from kurilwatch import render

    if fmt in JSON_FORMATS:
        sys.stdout.write(render.items_json(items, lines=fmt == "ndjson"))
    elif fmt == ListFormat.csv:
        sys.stdout.write(render.items_csv(items))
    else:
        render.items_table(_stdout(), items)


@command()
def show(
    item_id: Annotated[int, typer.Argument(metavar="ID", help="The item's ID (see `list`).")],
    fmt: Annotated[
        TableOrJson,
        typer.Option("--format", help="Output format: the item to read, or JSON for scripts."),
    ] = TableOrJson.table,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Show one item in full, with the matched terms highlighted."""
    from kurilwatch import render
    from kurilwatch.config import load_config

    cfg = load_config(config)
    item = _get_item(db, item_id)
    match = _matcher_for(cfg)(item["feed"])
    title_hits = list(match(item["title"] or "").hits)
    text_hits = list(match(item["text"] or "").hits)
    if fmt in JSON_FORMATS:
        ndjson = fmt == "ndjson"
        sys.stdout.write(render.item_detail_json(item, title_hits, text_hits, lines=ndjson))
    else:
        render.item_detail(_stdout(), item, title_hits, text_hits)


feeds_app = typer.Typer(
    help="The feeds: their health (the default), and add, remove, import, export, check.",
    no_args_is_help=False,
    rich_markup_mode=None,
)
app.add_typer(feeds_app, name="feeds")


@feeds_app.callback(invoke_without_command=True)
def feeds_default(
    ctx: typer.Context,
    fmt: TableOrJsonOption = TableOrJson.table,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Show each configured feed and its health (or run one of the commands below)."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(feeds_list, fmt=fmt, db=db, config=config)


@command("list", target=feeds_app)
def feeds_list(
    fmt: TableOrJsonOption = TableOrJson.table,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Show each configured feed and its health."""
    from kurilwatch import render
    from kurilwatch.config import load_config

    cfg = load_config(config)
    with _open(db) as store:
        states = store.feed_states()
        counts = store.items_per_feed()
        lead_only = store.lead_only_per_feed()
    rows = []
    for feed in cfg.feeds:
        state = states.get(feed.name, {})
        rows.append(
            {
                "name": feed.name,
                "url": feed.url,
                "lang": feed.lang,
                "enabled": feed.enabled,
                "last_attempt": state.get("last_attempt"),
                "last_success": state.get("last_success"),
                "last_status": state.get("last_status"),
                "last_http_status": state.get("last_http_status"),
                "last_error": state.get("last_error"),
                "consecutive_failures": state.get("consecutive_failures") or 0,
                "failing_since": state.get("failing_since"),
                "items": counts.get(feed.name, 0),
                # Items whose article page is wanted but not read: they have the lead only.
                "lead_only": lead_only.get(feed.name, 0),
            }
        )
    if fmt in JSON_FORMATS:
        sys.stdout.write(render.feeds_json(rows, lines=fmt == "ndjson"))
    else:
        render.feeds_table(_stdout(), rows)


def _config_path(config: Path | None) -> Path:
    from kurilwatch.config import resolve_config_path

    return resolve_config_path(config)[0]


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
    from kurilwatch.config import load_config
    from kurilwatch.manage import write_opml

    sys.stdout.write(write_opml(load_config(config).feeds, now()))


@command("check", target=feeds_app)
def feeds_check(
    name: Annotated[str | None, typer.Argument(help="Only this feed.")] = None,
    fmt: TableOrJsonOption = TableOrJson.table,
    config: ConfigOption = None,
) -> None:
    """Poll feeds without storing anything: status, type, format, encoding, items, matches."""
    from kurilwatch import render
    from kurilwatch.config import load_config
    from kurilwatch.update import check_feeds

    cfg = load_config(config)
    feeds = list(cfg.feeds)
    if name is not None:
        feeds = [f for f in feeds if f.name == name]
        if not feeds:
            raise UsageError(f"unknown feed {name!r}")
    results = check_feeds(cfg, feeds)
    if fmt in JSON_FORMATS:
        sys.stdout.write(render.checks_json(results, lines=fmt == "ndjson"))
    else:
        render.checks_table(_stdout(), results)
    failed = [r["feed"] for r in results if r["status"] == "error"]
    if failed:
        _say_which_failed(failed, "failed the check")
        raise typer.Exit(EXIT_FAILURE)


@command()
def explain(
    item_id: Annotated[int, typer.Argument(metavar="ID", help="The item's ID (see `list`).")],
    fmt: TableOrJsonOption = TableOrJson.table,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Show which rules match a stored item, where, and which look-alikes were ignored."""
    from kurilwatch import render
    from kurilwatch.config import load_config

    cfg = load_config(config)
    item = _get_item(db, item_id)
    text = f"{item['title']}\n{item['text']}"
    result = _matcher_for(cfg)(item["feed"])(text)
    if fmt in JSON_FORMATS:
        sys.stdout.write(render.match_json(result, lines=fmt == "ndjson"))
    else:
        render.match_explanation(_stdout(), text, result)


def _matcher_for(cfg):
    """feed name -> its match function, with the global and the feed's own rules."""
    from kurilwatch.config import feed_rules
    from kurilwatch.match import MatchResult, get_matcher

    def for_feed(feed_name: str):
        feed = cfg.feed(feed_name)
        if feed is not None and feed.keep_all:
            return lambda text: MatchResult(True, reason="the feed keeps every entry ('*')")
        include, exclude = feed_rules(cfg, feed) if feed else (cfg.include, cfg.exclude)
        return get_matcher(include, exclude).match

    return for_feed


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
    from kurilwatch import render
    from kurilwatch.config import load_config
    from kurilwatch.developments import assign_story, detect_lang, index_item
    from kurilwatch.manage import plan_refilter
    from kurilwatch.store import iso

    cfg = load_config(config)
    match_for = _matcher_for(cfg)
    with _open(db) as store:
        plan = plan_refilter(store, cfg, match_for)
        render.refilter_plan(_stdout(), plan, dry_run, prune)
        if dry_run:
            return
        with store.transaction():
            for key, feed_name, entry in plan.add:
                result = plan.add_terms[key]
                feed = cfg.feed(feed_name)
                lang = (feed.lang if feed else None) or detect_lang(f"{entry.title}\n{entry.text}")
                upserted = store.upsert_entry(
                    feed_name, entry, result.matched_terms, lang, first_seen=plan.add_seen[key]
                )
                if upserted.shown_changed:
                    title, text = store.shown_copy(upserted.item_id)
                    index_item(store, upserted.item_id, text or title, lang)
                    assign_story(store, upserted.item_id)
                store.delete_unmatched(key)
            store.flag_unmatched(plan.restore, None)
            if prune:
                for item in plan.prune:  # what was listed, nothing else
                    store.delete_item(item["id"])
            else:
                store.flag_unmatched([item["id"] for item in plan.drop], iso(now()))


NEWS_CURSOR = "news.last_item_id"
NEWS_REVISIONS_CURSOR = "news.last_revision"  # where the revisions stored had got to


def _items(count: int, kind: str) -> str:
    return f"{count} {kind} item" if count == 1 else f"{count} {kind} items"


@command()
def news(
    since: Annotated[
        str,
        typer.Option(
            "--since",
            "-s",
            help="'last' (since the previous `news --since last` run; the last 7 days the "
            "first time), a duration (90m, 36h, 7d, 2w) or an ISO date: a look at that "
            "window, which leaves 'last' where it was.",
        ),
    ] = "last",
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, help="At most this many items.")
    ] = 100,
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
    from datetime import timedelta

    from kurilwatch.dates import parse_since
    from kurilwatch.developments import news_and_republications, update_of

    if since.strip().lower() != "last":
        parse_since(since, now(), also="'last'")  # a bad value is refused before any reading
    with _open(db) as store:
        # The cursor is an item ID: unlike a time, it cannot skip an item stored in the same
        # second as a run, whatever the clocks do. It never passes an item no run has shown.
        # Updates have their own cursor, over the revisions table, for the same reason.
        last_stored = store.last_item_id()
        last_revision = store.last_revision_seq()
        stored = store.get_state(NEWS_CURSOR)
        previous = int(stored) if stored is not None else None
        revisions_seen = store.get_state(NEWS_REVISIONS_CURSOR)
        # Only the plain view moves the cursors: a look at a window consumes nothing.
        plain_view = since.strip().lower() == "last"
        updates = []
        if plain_view and previous is not None:
            # The oldest unseen first: what the limit leaves out, the next run shows.
            batch = store.items_after(previous, limit)
            items = sorted(batch, key=lambda i: (i["sort_time"], i["id"]), reverse=True)
            cursor = max((item["id"] for item in batch), default=previous)
            left = store.count_items(after_id=cursor) if len(batch) == limit else 0
            hint = f"{_items(left, 'more new')}: run `kurilwatch news` again to see them."
            if revisions_seen is not None:
                for item_id, shown in store.revised_after(int(revisions_seen), previous):
                    item = store.get_item(item_id)
                    if item is None or item.get("unmatched_since"):
                        continue  # gone, or flagged: no longer Kuril news
                    if update := update_of(store, item, shown):
                        updates.append(update)
        else:
            cutoff = now() - timedelta(days=7) if plain_view else parse_since(since, now())
            items = store.list_items(since=cutoff, limit=limit)
            left = max(0, store.count_items(since=cutoff) - limit) if len(items) == limit else 0
            hint = f"{_items(left, 'earlier')} not shown: raise --limit to see them."
            cursor = last_stored  # the first plain run: the week is what there was
        stories, republications = news_and_republications(store, items)
        if plain_view:
            with store.transaction():
                store.set_state(NEWS_CURSOR, str(cursor))
                store.set_state(NEWS_REVISIONS_CURSOR, str(last_revision))
    if left:
        sys.stderr.write(hint + "\n")  # our words only, and no rich to load for them
    chosen = _table_or_plain(fmt)
    if chosen == ViewFormat.plain:
        from kurilwatch import plain

        lines = plain.news_lines(stories, updates, republications)
        shown = stories or updates or republications
        sys.stdout.write(plain.lines(lines) if shown else "Nothing new.\n")
        return
    from kurilwatch import render

    if chosen in JSON_FORMATS:
        ndjson = chosen == "ndjson"
        sys.stdout.write(render.news_json(stories, updates, republications, lines=ndjson))
    else:
        render.news_view(_stdout(), stories, updates, republications)


class DiffFormat(StrEnum):
    color = "color"
    unified = "unified"


@command()
def diff(
    item_id: Annotated[int, typer.Argument(metavar="ID", help="The item's ID (see `list`).")],
    rev: Annotated[
        list[int] | None,
        typer.Option("--rev", "-r", help="Compare these two revisions (give --rev twice)."),
    ] = None,
    fmt: Annotated[
        DiffFormat,
        typer.Option(
            "--format",
            help="color: word-level, for the terminal; unified: a plain unified diff for piping.",
        ),
    ] = DiffFormat.color,
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
    if fmt is DiffFormat.unified:
        sys.stdout.write(render.unified_diff(item, old, new))
    else:
        render.diff_view(_stdout(), item, old, new)


@command()
def search(
    query: Annotated[
        str,
        typer.Argument(
            help='Words to find, as typed (all of them); operators: "a phrase", OR, NOT, '
            "prefix*. Russian and Japanese work too."
        ),
    ],
    since: Annotated[
        str | None, typer.Option("--since", "-s", help="Only items since then (as for `list`).")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="At most this many.")] = 20,
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
    chosen = _table_or_plain(fmt)
    if chosen == ViewFormat.plain:
        from kurilwatch import plain

        sys.stdout.write(plain.records(map(plain.search_cells, rows)))
        return
    from kurilwatch import render

    if chosen in JSON_FORMATS:
        sys.stdout.write(render.search_json(rows, lines=chosen == "ndjson"))
    else:
        render.search_table(_stdout(), rows)


class DigestFormat(StrEnum):
    text = "text"
    html = "html"
    markdown = "markdown"


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
        typer.Option(
            "--since",
            "-s",
            help="Every item since then, sent or not (a manual re-send); marks nothing sent.",
        ),
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
    from kurilwatch.config import load_config

    cfg = load_config(config)
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
    key = digests.recipients_key(recipients)
    cap = cfg.email.max_items
    cutoff = parse_since(since, now()) if since else None

    def build(store):
        # --since: everything in the window, sent or not; otherwise what is still pending.
        if cutoff:
            return digests.window(store, cutoff, cap, now())
        return digests.pending(store, key, cap, now())

    if not email:
        with _open(db) as store:
            built = build(store)
        if not built.count:
            _stderr().print("Nothing new since the last digest.", markup=False)
            return False
        sys.stdout.write(digests.RENDERERS[(fmt or DigestFormat.text).value](built))
        return True

    from kurilwatch.mail import SendJournal, deliver, mark_accepted, sending_lock

    with _open(db) as store, sending_lock(store.path):
        journal = SendJournal(store.path)
        waiting = mark_accepted(store, journal, now())  # the last run's, if it could not
        if waiting is not None:
            raise KurilwatchError(
                f"the last digest was delivered but cannot be marked sent yet ({waiting}); "
                "nothing more is sent until it is"
            )
        built = build(store)
        if not built.count and not always:
            return False
        message = digests.build_message(built, cfg.email.sender, recipients, cfg.email.subject)
        journal.begin(key, built.revisions if cutoff is None else {})
        try:
            deliver(message, cfg.email, os.environ.get(ENV_SMTP_PASSWORD), journal.accepted)
        except KurilwatchError:
            journal.clear()
            raise
        # The server accepted it, and the journal says so: marked now, or by the next run.
        waiting = mark_accepted(store, journal, now())
    if waiting is not None:
        sys.stderr.write(
            f"The digest was delivered; it will be marked sent by the next run ({waiting}).\n"
        )
    return True  # sent: the digest, or the "all quiet" note


@command("test-email")
def email_test(to: ToOption = None, config: ConfigOption = None) -> None:
    """Send a short test message with the [email] settings and show what the server (or the
    sendmail command) said. Marks nothing; needs no database.

    Exit status: 0 when the message was accepted, 1 when it was not (the reply is shown).
    """
    from kurilwatch.config import ENV_SMTP_PASSWORD, load_config
    from kurilwatch.mail import deliver, trial_message

    cfg = load_config(config)
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
    from kurilwatch.config import load_config
    from kurilwatch.locks import run_lock
    from kurilwatch.mail import DeliveryError

    cfg = load_config(config)
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
    from kurilwatch.config import load_config

    cfg = load_config(config)
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
    since: Annotated[
        str, typer.Option("--since", "-s", help="Period start: 90d, 2w, or an ISO date.")
    ] = "90d",
    by: Annotated[Period, typer.Option("--by", help="Count per day, week or month.")] = Period.day,
    fmt: TableOrJsonOption = TableOrJson.table,
    db: DbOption = None,
) -> None:
    """Coverage at a glance: items per source over time, the busiest days, the top terms."""
    from kurilwatch import render
    from kurilwatch.dates import parse_since
    from kurilwatch.reports import stats as build_stats

    until = now()
    with _open(db) as store:
        result = build_stats(store, parse_since(since, until), until, by.value)
    if fmt in JSON_FORMATS:
        sys.stdout.write(render.dumps(result.as_dict(), lines=fmt == "ndjson"))
    else:
        render.stats_view(_stdout(), result)


@command()
def report(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The HTML file to write.", dir_okay=False)
    ] = Path("kurilwatch-report.html"),
    since: Annotated[
        str, typer.Option("--since", "-s", help="Period start: 30d, 2w, or an ISO date.")
    ] = "30d",
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


class ExportFormat(StrEnum):
    atom = "atom"
    opml = "opml"
    json = "json"
    csv = "csv"
    ndjson = "ndjson"


@command()
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="What to export.")] = (
        ExportFormat.atom
    ),
    since: Annotated[
        str | None, typer.Option("--since", "-s", help="Only items since then.")
    ] = None,
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
        from kurilwatch.config import load_config
        from kurilwatch.manage import write_opml

        text = write_opml(load_config(config).feeds, now())
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
    fmt: TableOrJsonOption = TableOrJson.table,
    config: ConfigOption = None,
) -> None:
    """Show whether TEXT is about the islands, which rules fired where (headline, lead,
    body), which look-alikes were recognised and ignored, and why a mention did not count.

    Exit status: 0 when it matches, 3 when it does not (so scripts can test it).
    """
    from kurilwatch import render
    from kurilwatch.config import load_config
    from kurilwatch.match import get_matcher

    if text == "-":
        text = sys.stdin.read()
    cfg = load_config(config)
    matcher = get_matcher(cfg.include, cfg.exclude)
    if title is None:
        result = matcher.match(text)
    else:
        result = matcher.match_item(title, text)
        text = f"{title}\n{text}" if text else title
    if fmt in JSON_FORMATS:
        sys.stdout.write(render.match_json(result, lines=fmt == "ndjson"))
    else:
        render.match_explanation(_stdout(), text, result)
    if not result.relevant:
        raise typer.Exit(EXIT_NOTHING)


def main() -> None:
    app()
