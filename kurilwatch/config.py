"""Configuration: built-in feeds, the optional TOML file, default paths and env overrides."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kurilwatch.errors import ConfigError

APP_NAME = "kurilwatch"
ENV_CONFIG = "KURILWATCH_CONFIG"
ENV_DB = "KURILWATCH_DB"


@dataclass(frozen=True)
class Feed:
    name: str
    url: str
    lang: str | None = None
    enabled: bool = True
    user_agent: str | None = None  # some agencies' front ends reject unknown clients
    min_interval: int = 0  # seconds; polled more recently than this -> "not due"
    timeout: float | None = None  # seconds, instead of the default
    headers: tuple[tuple[str, str], ...] = ()
    include: tuple[str, ...] = ()  # terms for this feed only; "*" keeps every entry
    exclude: tuple[str, ...] = ()
    # Read each item's article page: "auto" when the feed's text is short and not the whole
    # article, "always", or "never" (see README, "What is read and why").
    articles: str = "auto"
    article_delay: float = 0.0  # seconds between two article requests to one host
    folder: str | None = None  # a folder in OPML (newsboat, miniflux keep feeds in them)

    @property
    def keep_all(self) -> bool:
        return "*" in self.include


# Checked in December 2026 against public evidence (other projects' feed lists and probe
# logs, RSSHub's routes, stored copies of the feeds); README "Built-in feeds" has the table.
# A user whose source moved can override the whole list in the config file.
_GOOGLE_NEWS = "https://news.google.com/rss/search?q="
DEFAULT_FEEDS: tuple[Feed, ...] = (
    Feed("tass-en", "https://tass.com/rss/v2.xml", "en"),
    # tass.ru/rss/v2.xml carries summaries and refuses unknown clients; yandex.xml carries
    # the whole article in <yandex:full-text>.
    Feed("tass-ru", "https://tass.ru/rss/yandex.xml", "ru"),
    Feed("japan-news", "https://japannews.yomiuri.co.jp/feed/", "en"),
    # www3.nhk.or.jp/rss/news/cat0.xml stopped updating in 2026: NHK moved to news.web.nhk.
    # Politics and international carry the islands' news; cat0 (main) repeats the big ones.
    Feed("nhk", "https://news.web.nhk/n-data/conf/na/rss/cat4.xml", "ja"),
    Feed("nhk-international", "https://news.web.nhk/n-data/conf/na/rss/cat6.xml", "ja"),
    # The Japan Times' pages refuse unknown clients and are partly paywalled: the feed's
    # text is what there is.
    Feed("japan-times", "https://www.japantimes.co.jp/feed/", "en", articles="never"),
    Feed("moscow-times", "https://www.themoscowtimes.com/rss/news", "en"),
    # Google News search: titles and a list of links; each link is a news.google.com
    # redirect stub, resolved to the publisher's address only when the stub holds it.
    Feed(
        "google-news",
        _GOOGLE_NEWS + "%22Kuril+Islands%22+OR+%22Northern+Territories%22+OR+Kurils"
        "&hl=en-US&gl=US&ceid=US:en",
        "en",
    ),
    Feed(
        "google-news-ru",
        _GOOGLE_NEWS + "%D0%9A%D1%83%D1%80%D0%B8%D0%BB%D1%8B+OR+%22%D0%9A%D1%83%D1%80%D0%B8"
        "%D0%BB%D1%8C%D1%81%D0%BA%D0%B8%D0%B5+%D0%BE%D1%81%D1%82%D1%80%D0%BE%D0%B2%D0%B0%22"
        "&hl=ru&gl=RU&ceid=RU:ru",
        "ru",
    ),
    Feed(
        "google-news-ja",
        _GOOGLE_NEWS + "%E5%8C%97%E6%96%B9%E9%A0%98%E5%9C%9F+OR+%E5%8C%97%E6%96%B9%E5%9B%9B"
        "%E5%B3%B6&hl=ja&gl=JP&ceid=JP:ja",
        "ja",
    ),
    # Kyodo English: every known feed path answers 404 since mid-2026 and no working Kyodo
    # feed was found; kept, disabled, so a user can point it at a new address.
    Feed("kyodo", "https://english.kyodonews.net/rss/news.xml", "en", enabled=False),
)

_TOP_KEYS = {"feeds", "filter", "email", "articles", "notify"}
_EMAIL_KEYS = {
    "smtp_host",
    "smtp_port",
    "security",
    "username",
    "from",
    "to",
    "max_items",
    "timeout",
    "transport",
    "sendmail",
    "subject",
}
ENV_SMTP_PASSWORD = "KURILWATCH_SMTP_PASSWORD"
_FEED_KEYS = {
    "name",
    "url",
    "lang",
    "enabled",
    "user_agent",
    "min_interval",
    "timeout",
    "headers",
    "include",
    "exclude",
    "articles",
    "article_delay",
    "folder",
}
ARTICLE_MODES = ("auto", "always", "never")
_ARTICLES_KEYS = {"max_per_run", "max_per_host", "max_attempts"}
_FILTER_KEYS = {"include", "exclude", "keep_unmatched_days"}
_NAME_RE = re.compile(r"^[\w.-]{1,64}$")


@dataclass(frozen=True)
class EmailConfig:
    smtp_host: str = "localhost"
    smtp_port: int | None = None  # default by security: 587, 465, 25
    security: str = "starttls"  # starttls | ssl | none
    username: str | None = None
    sender: str | None = None
    to: tuple[str, ...] = ()
    max_items: int = 50  # items in one digest; the rest wait for the next
    timeout: float = 30.0
    transport: str = "smtp"  # smtp | sendmail
    sendmail: str = "/usr/sbin/sendmail"  # the command, with any options: "msmtp -a work"
    subject: str = "kurilwatch: {summary}"  # fields: see SUBJECT_FIELDS

    @property
    def port(self) -> int:
        return self.smtp_port or {"starttls": 587, "ssl": 465, "none": 25}[self.security]


@dataclass(frozen=True)
class ArticleLimits:
    """Bounded work per run for the article stage ([articles] in the config file)."""

    max_per_run: int = 300  # article pages requested in one run; the rest wait for the next
    max_per_host: int = 60  # of those, from one host
    max_attempts: int = 4  # a page that keeps failing is tried this often, then given up


@dataclass(frozen=True)
class NotifyTarget:
    """A service reached through Apprise (ntfy, Telegram, Matrix, a webhook…)."""

    name: str  # what its sent records are kept under: renaming it starts afresh
    url: str  # an Apprise URL; it may hold a token, so it is never printed
    per: str = "digest"  # "digest": one message per run; "story": one per story or update


@dataclass(frozen=True)
class Config:
    feeds: tuple[Feed, ...] = DEFAULT_FEEDS
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    keep_unmatched_days: int = 30  # non-matching entries kept for `refilter`; 0 keeps none
    email: EmailConfig = EmailConfig()
    articles: ArticleLimits = ArticleLimits()
    notify: tuple[NotifyTarget, ...] = ()

    def feed(self, name: str) -> Feed | None:
        return next((f for f in self.feeds if f.name == name), None)


def feed_rules(config: Config, feed: Feed) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The include and exclude terms for one feed: the global ones and its own."""
    include = config.include + tuple(t for t in feed.include if t != "*")
    return include, config.exclude + feed.exclude


def default_config_path() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_NAME) / "config.toml"


def default_db_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME) / "kurilwatch.db"


@dataclass(frozen=True)
class Located:
    """A path kurilwatch uses, and where it came from: a flag, the environment, the default."""

    path: Path
    source: str  # "--db", "--config", "KURILWATCH_DB", "KURILWATCH_CONFIG" or "default"
    given: str | None = None  # as written, before ~ and $VARIABLES were expanded


def expand_path(value: str | os.PathLike[str]) -> Path:
    """~ and $VARIABLES expanded: a crontab line `KURILWATCH_DB=~/kw.db` means the home dir."""
    return Path(os.path.expanduser(os.path.expandvars(os.fspath(value))))


def locate(explicit: Path | None, flag: str, env: str, default: Callable[[], Path]) -> Located:
    """The flag beats the environment variable beats the default."""
    if explicit is not None:
        return Located(expand_path(explicit), flag, os.fspath(explicit))
    if os.environ.get(env):
        return Located(expand_path(os.environ[env]), env, os.environ[env])
    return Located(default(), "default")


def locate_db(explicit: Path | None) -> Located:
    return locate(explicit, "--db", ENV_DB, default_db_path)


def locate_config(explicit: Path | None) -> Located:
    return locate(explicit, "--config", ENV_CONFIG, default_config_path)


def resolve_db_path(explicit: Path | None) -> Path:
    """--db beats $KURILWATCH_DB beats the platform's user data dir."""
    return locate_db(explicit).path


def resolve_config_path(explicit: Path | None) -> tuple[Path, bool]:
    """--config beats $KURILWATCH_CONFIG beats the user config dir; True when named."""
    located = locate_config(explicit)
    return located.path, located.source != "default"


def load_config(explicit: Path | None = None) -> Config:
    """Read the config file; without one, the built-in feeds and terms."""
    path, required = resolve_config_path(explicit)
    if not path.exists():
        if required:
            raise ConfigError(f"config file {path} does not exist")
        return Config()
    import tomllib  # here: `list`, `search` and `news` only resolve the database's path

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:  # tomllib recurses into each nested array or inline table
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    return parse_config(data, path)


def parse_config(data: dict, path: Path | None = None) -> Config:
    """Validate the TOML document; every problem names the file and the key."""
    where = str(path) if path else "config"

    def fail(problem: str) -> ConfigError:
        return ConfigError(f"{where}: {problem}")

    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise fail(
            f"unknown key {sorted(unknown)[0]!r} (expected one of: {', '.join(sorted(_TOP_KEYS))})"
        )

    feeds: tuple[Feed, ...] = DEFAULT_FEEDS
    if "feeds" in data:
        raw_feeds = data["feeds"]
        if not isinstance(raw_feeds, list) or not all(isinstance(f, dict) for f in raw_feeds):
            raise fail("'feeds' must be an array of tables: [[feeds]]")
        parsed: list[Feed] = []
        for number, raw in enumerate(raw_feeds, start=1):
            parsed.append(_parse_feed(raw, number, fail))
        names = [f.name for f in parsed]
        duplicate = next((n for n in names if names.count(n) > 1), None)
        if duplicate:
            raise fail(f"feed name {duplicate!r} is used twice")
        feeds = tuple(parsed)

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    keep_unmatched_days = 30
    if "filter" in data:
        raw_filter = data["filter"]
        if not isinstance(raw_filter, dict):
            raise fail("'filter' must be a table: [filter]")
        unknown = set(raw_filter) - _FILTER_KEYS
        if unknown:
            raise fail(
                f"unknown key 'filter.{sorted(unknown)[0]}' "
                "(expected include, exclude, keep_unmatched_days)"
            )
        include = _parse_terms(raw_filter.get("include", []), "filter.include", fail)
        exclude = _parse_terms(raw_filter.get("exclude", []), "filter.exclude", fail)
        keep = raw_filter.get("keep_unmatched_days", 30)
        if not isinstance(keep, int) or isinstance(keep, bool) or not 0 <= keep <= MAX_DAYS:
            raise fail(
                f"'filter.keep_unmatched_days' must be a whole number of days (0 to {MAX_DAYS:,})"
            )
        keep_unmatched_days = keep

    email = EmailConfig()
    if "email" in data:
        email = _parse_email(data["email"], fail)
    articles = ArticleLimits()
    if "articles" in data:
        articles = _parse_article_limits(data["articles"], fail)
    notify = _parse_notify(data.get("notify", []), fail)

    return Config(
        feeds=feeds,
        include=include,
        exclude=exclude,
        keep_unmatched_days=keep_unmatched_days,
        email=email,
        articles=articles,
        notify=notify,
    )


_ADDR_SPEC = re.compile(r"^[^@\s<>,;\x00-\x1f]+@[^@\s<>,;\x00-\x1f]+\.[^@\s<>,;\x00-\x1f]+$")
# What a subject template may use: numbers and dates, never feed text (no header injection).
SUBJECT_FIELDS = ("summary", "count", "new", "updates", "date")


def check_address(address: object, what: str) -> str:
    """One address, `kw@example.org` or `Kuril news <kw@example.org>`, or ValueError.

    Parsed by the standard library; a second address, a line break or anything else that
    could smuggle in a header is refused.
    """
    from email.headerregistry import Address
    from email.utils import getaddresses

    problem = f"{what} {address!r} is not an e-mail address like name@example.org"
    if not isinstance(address, str) or any(c in address for c in "\r\n\x00"):
        raise ValueError(problem)
    text = address.strip()
    parsed = getaddresses([text])
    if len(parsed) != 1 or not _ADDR_SPEC.match(parsed[0][1]):
        raise ValueError(problem)
    name, spec = parsed[0]
    if text != spec and not text.endswith(f"<{spec}>"):
        raise ValueError(problem)  # read as something else: a group ("Bcc: x@y"), a comment
    if not name:
        return spec
    return str(Address(display_name=name, addr_spec=spec))


def address_spec(address: str) -> str:
    """The bare address of a checked one: `kw@example.org` of `Kuril news <kw@example.org>`."""
    from email.utils import parseaddr

    return parseaddr(address)[1] or address


def check_subject(template: object) -> str:
    """A subject template using only SUBJECT_FIELDS, or ValueError."""
    import string

    if not isinstance(template, str) or not template.strip() or _unsafe_header(template):
        raise ValueError("email.subject must be one line of text")
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
    except ValueError as exc:
        raise ValueError(f"email.subject {template!r}: {exc}") from None
    unknown = [name for name in fields if name not in SUBJECT_FIELDS]
    if unknown:
        known = ", ".join("{" + name + "}" for name in SUBJECT_FIELDS)
        raise ValueError(f"email.subject: unknown field {{{unknown[0]}}} (known: {known})")
    return template


def _parse_email(raw: object, fail) -> EmailConfig:
    if not isinstance(raw, dict):
        raise fail("'email' must be a table: [email]")
    if "password" in raw:
        raise fail(f"email.password is not read from the file; set ${ENV_SMTP_PASSWORD}")
    unknown = set(raw) - _EMAIL_KEYS
    if unknown:
        expected = ", ".join(sorted(_EMAIL_KEYS))
        raise fail(f"unknown key 'email.{sorted(unknown)[0]}' (expected {expected})")
    values: dict = {}
    try:
        if "smtp_host" in raw:
            if not isinstance(raw["smtp_host"], str) or not raw["smtp_host"].strip():
                raise ValueError("email.smtp_host must be a host name")
            values["smtp_host"] = raw["smtp_host"].strip()
        if "smtp_port" in raw:
            port = raw["smtp_port"]
            if not isinstance(port, int) or isinstance(port, bool) or not 0 < port < 65536:
                raise ValueError("email.smtp_port must be a port number (1-65535)")
            values["smtp_port"] = port
        if "security" in raw:
            if raw["security"] not in ("starttls", "ssl", "none"):
                raise ValueError('email.security must be "starttls", "ssl" or "none"')
            values["security"] = raw["security"]
        if "username" in raw:
            if not isinstance(raw["username"], str):
                raise ValueError("email.username must be a string")
            values["username"] = raw["username"]
        if "from" in raw:
            values["sender"] = check_address(raw["from"], "email.from")
        if "to" in raw:
            to = raw["to"] if isinstance(raw["to"], list) else [raw["to"]]
            values["to"] = tuple(check_address(a, "email.to") for a in to)
        if "transport" in raw:
            if raw["transport"] not in ("smtp", "sendmail"):
                raise ValueError('email.transport must be "smtp" or "sendmail"')
            values["transport"] = raw["transport"]
        if "sendmail" in raw:
            if not isinstance(raw["sendmail"], str) or not raw["sendmail"].split():
                raise ValueError("email.sendmail must be a command, such as /usr/bin/msmtp")
            values["sendmail"] = raw["sendmail"]
        if "subject" in raw:
            values["subject"] = check_subject(raw["subject"])
        if "max_items" in raw:
            values["max_items"] = _bounded(raw["max_items"], "email.max_items", MAX_ITEMS, int)
        if "timeout" in raw:
            values["timeout"] = _bounded(raw["timeout"], "email.timeout", MAX_TIMEOUT)
    except ValueError as exc:
        raise fail(str(exc)) from None
    return EmailConfig(**values)


def _parse_article_limits(raw: object, fail) -> ArticleLimits:
    if not isinstance(raw, dict):
        raise fail("'articles' must be a table: [articles]")
    unknown = set(raw) - _ARTICLES_KEYS
    if unknown:
        expected = ", ".join(sorted(_ARTICLES_KEYS))
        raise fail(f"unknown key 'articles.{sorted(unknown)[0]}' (expected {expected})")
    for key, value in raw.items():
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise fail(f"'articles.{key}' must be a whole number (0 or more)")
    return ArticleLimits(**raw)


_NOTIFY_KEYS = {"name", "url", "per"}


def _parse_notify(raw: object, fail) -> tuple[NotifyTarget, ...]:
    if not isinstance(raw, list) or not all(isinstance(t, dict) for t in raw):
        raise fail("'notify' must be an array of tables: [[notify]]")
    targets: list[NotifyTarget] = []
    for number, table in enumerate(raw, start=1):
        unknown = set(table) - _NOTIFY_KEYS
        if unknown:
            raise fail(
                f"notify #{number}: unknown key {sorted(unknown)[0]!r} (expected name, url, per)"
            )
        name, url, per = table.get("name"), table.get("url"), table.get("per", "digest")
        if not isinstance(name, str) or not _NAME_RE.match(name):
            raise fail(f"notify #{number}: 'name' must be letters, digits, '.', '_', '-'")
        if not isinstance(url, str) or "://" not in url or _unsafe_header(url):
            raise fail(f"notify {name}: 'url' must be an Apprise URL such as ntfy://topic")
        if per not in ("digest", "story"):
            raise fail(f'notify {name}: \'per\' must be "digest" or "story"')
        if any(t.name == name for t in targets):
            raise fail(f"notify name {name!r} is used twice")
        targets.append(NotifyTarget(name, url, per))
    return tuple(targets)


def url_problem(url: str) -> str | None:
    """What is wrong with a feed URL that looks like http(s)://..., or None."""
    from urllib.parse import urlsplit

    if re.search(r"\s", url):
        return "contains a space"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError when out of range
    except ValueError as exc:
        return f"is not a valid URL ({exc})"
    if not parts.hostname:
        return "has no host name"
    return None


def _parse_feed(raw: dict, number: int, fail) -> Feed:
    unknown = set(raw) - _FEED_KEYS
    if unknown:
        expected = ", ".join(sorted(_FEED_KEYS))
        raise fail(f"feed #{number}: unknown key {sorted(unknown)[0]!r} (expected {expected})")
    for key in ("name", "url"):
        if key not in raw:
            raise fail(f"feed #{number}: missing {key!r}")
        if not isinstance(raw[key], str) or not raw[key].strip():
            raise fail(f"feed #{number}: {key!r} must be a non-empty string")
    name, url = raw["name"].strip(), raw["url"].strip()
    if not _NAME_RE.match(name):
        raise fail(f"feed #{number}: name {name!r} may use only letters, digits, '.', '_', '-'")
    if not re.match(r"^https?://[^/\s]+", url, re.IGNORECASE):
        raise fail(f"feed {name!r}: url {url!r} must start with http:// or https://")
    problem = url_problem(url)
    if problem:
        raise fail(f"feed {name!r}: url {url!r} {problem}")
    lang = raw.get("lang")
    if lang is not None and (not isinstance(lang, str) or not re.fullmatch(r"[a-z]{2,3}", lang)):
        raise fail(f"feed {name!r}: lang must be a language code such as 'en', 'ru', 'ja'")
    where = f"feed {name!r}"
    enabled = raw.get("enabled", True)
    if not isinstance(enabled, bool):
        raise fail(f"{where}: enabled must be true or false")
    user_agent = raw.get("user_agent")
    if user_agent is not None and (not isinstance(user_agent, str) or _unsafe_header(user_agent)):
        raise fail(f"{where}: user_agent must be a single line of printable ASCII")
    min_interval = _parse_interval(raw.get("min_interval", 0), where, fail)
    timeout = raw.get("timeout")
    if timeout is not None:
        try:
            timeout = _bounded(timeout, f"{where}: timeout", MAX_TIMEOUT)
        except ValueError as exc:
            raise fail(str(exc)) from None
    headers = raw.get("headers", {})
    if not isinstance(headers, dict) or not all(
        isinstance(k, str) and _HEADER_NAME.fullmatch(k) and not _unsafe_header(v)
        for k, v in headers.items()
    ):
        raise fail(f"{where}: headers must be a table of single-line strings (printable ASCII)")
    articles = raw.get("articles", "auto")
    if articles not in ARTICLE_MODES:
        raise fail(f'{where}: articles must be "auto", "always" or "never"')
    article_delay = raw.get("article_delay", 0)
    if (
        not isinstance(article_delay, int | float)
        or isinstance(article_delay, bool)
        or not 0 <= article_delay <= 600
    ):
        raise fail(f"{where}: article_delay must be a number of seconds (0 to 600)")
    include = _parse_terms(raw.get("include", []), f"{name}.include", fail)
    exclude = _parse_terms(raw.get("exclude", []), f"{name}.exclude", fail)
    folder = raw.get("folder")
    if folder is not None and (
        not isinstance(folder, str) or not folder.strip() or _unsafe_header(folder)
    ):
        raise fail(f"{where}: folder must be a one-line name")
    return Feed(
        name=name,
        url=url,
        lang=lang,
        enabled=enabled,
        user_agent=user_agent,
        min_interval=min_interval,
        timeout=float(timeout) if timeout is not None else None,
        headers=tuple(headers.items()),
        include=include,
        exclude=exclude,
        articles=articles,
        article_delay=float(article_delay),
        folder=folder.strip() if folder else None,
    )


def _unsafe_header(value: object) -> bool:
    """Anything but one line of printable ASCII: httpx refuses the rest when it sends it."""
    return not isinstance(value, str) or not _HEADER_VALUE.fullmatch(value)


_HEADER_VALUE = re.compile(r"[\x20-\x7e]*")  # fullmatch: "$" would let a final "\n" in
_HEADER_NAME = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}")  # RFC 9110's token
MAX_DAYS = 36_500  # a hundred years: every date stays representable
MAX_INTERVAL = 366 * 86_400  # seconds: a feed polled at least once a year
MAX_ITEMS = 100_000
MAX_TIMEOUT = 3_600.0  # seconds


def _bounded(value: object, what: str, most: float, kind: type = float) -> float:
    """A positive number of `kind` no larger than `most`, or ValueError saying so."""
    import math

    whole = kind is int
    if (
        isinstance(value, bool)
        or not isinstance(value, int if whole else int | float)
        or not math.isfinite(value)
        or not 0 < value <= most
    ):
        noun = "whole number" if whole else "number"
        raise ValueError(f"{what} must be a positive {noun} up to {most:,g}")
    return value


def _parse_interval(raw: object, where: str, fail) -> int:
    """Seconds, or a duration such as "30m", "2h", "1d"."""
    seconds = None
    if isinstance(raw, int) and not isinstance(raw, bool) and raw >= 0:
        seconds = raw
    elif isinstance(raw, str):
        match = re.match(r"^\s*(\d{1,6})\s*([smhd])\s*$", raw)
        if match:
            unit = {"s": 1, "m": 60, "h": 3600, "d": 86400}[match.group(2)]
            seconds = int(match.group(1)) * unit
    if seconds is None or seconds > MAX_INTERVAL:
        raise fail(
            f'{where}: min_interval must be seconds or a duration such as "30m", "2h", '
            "at most a year (366d)"
        )
    return seconds


def _parse_terms(raw: object, key: str, fail) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(t, str) and t.strip() for t in raw):
        raise fail(f"{key!r} must be a list of non-empty strings")
    for term in raw:
        problem = regex_problem(term.strip())
        if problem:
            raise fail(f"{key}: {problem}")
    return tuple(t.strip() for t in raw)


def regex_problem(term: str) -> str | None:
    """What is wrong with a `/regex/` term, or None; a plain term is always fine.

    Here rather than in the matcher, so that every command checks the config without
    compiling the built-in rules.
    """
    if not (len(term) >= 2 and term.startswith("/") and term.endswith("/")):
        return None
    source = term[1:-1]
    if repeats_a_repeat(source):
        return (
            f"regular expression {term!r} repeats a repeated group, which can take "
            "exponential time on some texts; rewrite it without the nesting"
        )
    try:
        re.compile(source, re.IGNORECASE)
    except re.error as exc:
        return f"bad regular expression {term!r}: {exc}"
    return None


def repeats_a_repeat(source: str) -> bool:
    """A group repeated without bound that holds a repetition, at any depth: (a+)+, ((a+))+,
    (?:x(\\w*)y)*, (a{1,3})+. The shape behind catastrophic backtracking."""
    inside = [False]  # for each open group: does it hold a repetition?
    closed_repeating = False  # the token just read is a group holding a repetition
    i = 0
    while i < len(source):
        char = source[i]
        quantifier = _QUANTIFIER.match(source, i)
        if quantifier:
            symbol, low, comma, high = quantifier.groups()
            unbounded = symbol in ("*", "+") or (comma is not None and not high)
            varies = unbounded or (comma is not None and int(high) > int(low or 0))
            if unbounded and closed_repeating:
                return True
            inside[-1] = inside[-1] or varies or closed_repeating
            i, closed_repeating = quantifier.end(), False
            continue
        closed_repeating = False
        if char == "\\":
            i += 2
        elif char == "[":
            found = _CLASS.match(source, i)  # always matches at a "["
            i = found.end() if found else i + 1
        elif char == "(":
            inside.append(False)
            i += 1
        elif char == ")" and len(inside) > 1:
            closed_repeating = inside.pop()
            inside[-1] = inside[-1] or closed_repeating
            i += 1
        else:
            i += 1
    return False


_QUANTIFIER = re.compile(r"([*+]|\{(\d*)(?:(,)(\d*))?\})[?+]?")
_CLASS = re.compile(r"\[\^?\]?(?:\\.|[^\]\\])*\]?")
