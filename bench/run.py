"""kurilwatch's benchmark: `python bench/run.py` (see bench/README.md).

Starts its own feed farm on loopback addresses (127.0.0.2, 127.0.0.3, ...), then measures
whole processes (wall time, CPU time, peak RSS) of kurilwatch and, when installed, of
rss2email and newsboat on the same farm. Prints a table and writes JSON.
"""

from __future__ import annotations

import argparse
import email.utils
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = [
    "government",
    "ministry",
    "officials",
    "meeting",
    "agreement",
    "talks",
    "economy",
    "energy",
    "port",
    "project",
    "budget",
    "region",
    "minister",
    "statement",
    "report",
    "week",
    "president",
    "council",
    "trade",
    "security",
    "visit",
    "delegation",
    "schedule",
    "investment",
    "company",
    "market",
    "growth",
    "plan",
    "annual",
    "summit",
]


# --- the feed farm ----------------------------------------------------------------------------

# Words for the article pages: a vocabulary the size of a news story's, not thirty words.
_SYLLABLES = ["ka", "ri", "to", "mo", "na", "shi", "ro", "ve", "len", "dar", "tu", "po", "sa"]
_SYLLABLE_RNG = random.Random(20)
VOCABULARY = [
    "".join(_SYLLABLE_RNG.choice(_SYLLABLES) for _ in range(2 + n % 3)) for n in range(4000)
]
BACKGROUND = [
    "Since the middle of the last century the two countries have held talks on a peace treaty."
    " The islands were handed over after the war, and the claim to the four islands remains.",
    "A joint declaration ended the state of war, but no treaty has been signed since then,"
    " and the sovereignty over the islands is said to be beyond doubt.",
]


def make_feed(
    number: int, items: int, now: datetime, links: str | None = None, leads: dict | None = None
) -> bytes:
    """A feed of `items`, every tenth about the Kurils; `links`: where its articles are,
    `leads`: filled with each item's text, which its article opens with."""
    rng = random.Random(number)
    parts = []
    base = links or f"http://farm.example/{number}"
    for i in range(items):
        kuril = i % 10 == 0
        subject = "Iturup and Kunashir in the southern Kurils" if kuril else "the capital"
        # With article pages, an item about the Kurils has a lead, as agencies' feeds do.
        count = 25 if links and kuril else 120
        words = " ".join(rng.choice(WORDS) for _ in range(count))
        if leads is not None:
            leads[i] = f"Report on {subject}. {words}."
        published = email.utils.format_datetime(now - timedelta(minutes=17 * i + number))
        parts.append(
            f"<item><title>News {number}-{i} about {subject}</title>"
            f"<link>{base}/{i}</link><guid>farm-{number}-{i}</guid>"
            f"<pubDate>{published}</pubDate>"
            f"<description>&lt;p&gt;Report on {subject}. {words}.&lt;/p&gt;</description></item>"
        )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Farm feed {number}</title><link>http://farm.example/{number}</link>"
        f"<description>benchmark</description>{''.join(parts)}</channel></rss>"
    ).encode()


def make_article(number: int, item: int, lead: str = "") -> bytes:
    """An article page of 100-200 KB as news sites serve them: a few kilobytes of story
    in navigation, teasers, inline style and script state, and a footer. The story opens
    with the feed's lead, as agencies' stories do."""
    rng = random.Random(number * 1000 + item)

    def sentence(words: int) -> str:
        return " ".join(rng.choice(VOCABULARY) for _ in range(words)).capitalize() + "."

    # Six paragraphs of its own, then the background every agency story repeats.
    story = (
        f"<p>{lead}</p>"
        + "".join(
            f"<p>{' '.join(sentence(rng.randint(12, 24)) for _ in range(3))}</p>" for _ in range(5)
        )
        + "".join(f"<p>{paragraph}</p>" for paragraph in BACKGROUND)
    )
    menu = "".join(
        f'<li class="menu__item"><a href="/section/{n}">{rng.choice(WORDS).title()}</a></li>'
        for n in range(rng.randint(400, 900))
    )
    teasers = "".join(
        f'<li class="teaser"><a href="/news/{n}"><img src="/i/{n}.jpg" alt="">'
        f"<span>{' '.join(rng.choice(WORDS) for _ in range(9))}</span></a>"
        f"<time>1 DEC 2026</time></li>"
        for n in range(rng.randint(120, 300))
    )
    state = json.dumps({"items": [{"id": n, "t": rng.choice(WORDS) * 4} for n in range(1500)]})
    style = "".join(f".c{n}{{margin:{n % 9}px;color:#{n % 4096:03x}}}" for n in range(800))
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>News {number}-{item}</title><style>{style}</style>"
        f"<script>window.__STATE__ = {state};</script></head><body>"
        f'<header><nav class="menu"><ul>{menu}</ul></nav></header><main>'
        f'<article><h1>News {number}-{item} about Iturup</h1><div class="text">{story}</div>'
        f'</article><aside class="related"><h3>Related news</h3><ul>{teasers}</ul></aside>'
        f"</main><footer><p>© 2026 Farm News. All rights reserved.</p></footer></body></html>"
    ).encode()


class Farm:
    """One HTTP server per feed, each on its own loopback address, every answer delayed.

    With `articles`, each server also serves the article pages its feed links to, at
    /article/N (and answers 404 for robots.txt).
    """

    def __init__(self, feeds: int, items: int, delay: float, articles: bool = False) -> None:
        self.delay = delay
        self.honour_etags = True
        now = datetime.now(UTC)
        self.bodies = [make_feed(n, items, now) for n in range(feeds)]
        self.pages: dict[int, dict[str, bytes]] = {}
        self.servers: list[ThreadingHTTPServer] = []
        self.extra_servers: list[ThreadingHTTPServer] = []
        self.requests = 0
        self.bytes_sent = 0
        farm = self
        for number in range(feeds):
            etag = f'"feed-{number}-v1"'

            class Handler(BaseHTTPRequestHandler):
                protocol_version = "HTTP/1.1"

                def log_message(self, *args: object) -> None:
                    pass

                def do_GET(self, number: int = number, etag: str = etag) -> None:
                    farm.requests += 1
                    time.sleep(farm.delay)
                    if self.path != "/feed.xml":
                        page = farm.pages.get(number, {}).get(self.path)
                        self.send_response(200 if page else 404)
                        self.send_header("Content-Type", "text/html; charset=utf-8")
                        self.send_header("Content-Length", str(len(page or b"")))
                        self.end_headers()
                        self.wfile.write(page or b"")
                        return
                    body = farm.bodies[number]
                    if farm.honour_etags and self.headers.get("If-None-Match") == etag:
                        self.send_response(304)
                        self.send_header("ETag", etag)
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                        return
                    farm.bytes_sent += len(body)
                    self.send_response(200)
                    self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
                    self.send_header("Content-Length", str(len(body)))
                    if farm.honour_etags:
                        self.send_header("ETag", etag)
                    self.end_headers()
                    self.wfile.write(body)

            self.servers.append(_serve(_address(number), Handler))
        if articles:  # the feeds link to their own servers' pages, known once they listen
            for number, server in enumerate(self.servers):
                base = _url(server).rsplit("/", 1)[0] + "/article"
                leads: dict[int, str] = {}
                self.bodies[number] = make_feed(number, items, now, links=base, leads=leads)
                self.pages[number] = {
                    f"/article/{i}": make_article(number, i, leads[i]) for i in range(0, items, 10)
                }

    def start_endless(self) -> str:
        """A feed that never ends, for the size cap: its URL (stopped with the others)."""

        class Endless(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
                self.send_header("Content-Length", str(1 << 40))  # a terabyte, it says
                self.end_headers()
                item = (
                    make_feed(0, 1, datetime.now(UTC)).split(b"<item>")[1].split(b"</channel>")[0]
                )
                chunk = (b"<item>" + item) * 16
                try:
                    self.wfile.write(b'<?xml version="1.0"?><rss version="2.0"><channel>')
                    while True:  # until the client hangs up
                        self.wfile.write(chunk)
                except OSError:
                    pass

        server = _serve(_address(len(self.servers) + 1), Endless)
        self.extra_servers.append(server)  # not one of urls(): the peers never see it
        return _url(server)

    def urls(self) -> list[str]:
        return [_url(server) for server in self.servers]

    def stop(self) -> None:
        for server in self.servers + self.extra_servers:
            server.shutdown()
            server.server_close()


class _FarmServer(ThreadingHTTPServer):
    daemon_threads = True
    # a class attribute: listen() reads it while the constructor runs
    request_queue_size = 64

    def server_activate(self) -> None:
        super().server_activate()
        # A client that hangs up before accept() would leave a blocking accept, and so
        # shutdown(), waiting for ever; with a timeout the accept gives up and the loop goes on.
        self.socket.settimeout(1.0)


def _serve(address: str, handler: type[BaseHTTPRequestHandler]) -> ThreadingHTTPServer:
    """A threaded server on `address`, any free port, serving in a daemon thread."""
    server = _FarmServer((address, 0), handler)
    threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    ).start()
    return server


def _url(server: ThreadingHTTPServer) -> str:
    return f"http://{server.server_address[0]}:{server.server_address[1]}/feed.xml"


def _address(number: int) -> str:
    """127.0.0.2, 127.0.0.3, ...: one address per feed, so no per-host limit serialises them."""
    return f"127.0.{number // 250}.{number % 250 + 2}"


# --- measuring whole processes ----------------------------------------------------------------


@dataclass
class Measure:
    case: str
    tool: str
    wall: float
    cpu: float
    rss_mb: float
    note: str = ""


class Launcher:
    """The small process that starts and measures every command (see bench/launcher.py)."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-S", str(ROOT / "bench" / "launcher.py")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def run(self, command: list[str], env: dict, cwd: Path | None) -> dict:
        assert self.process.stdin and self.process.stdout
        request = {"command": command, "env": env, "cwd": str(cwd) if cwd else None}
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        self.process.wait()


LAUNCHER: Launcher | None = None


def measure(
    case: str, tool: str, command: list[str], env: dict, cwd: Path | None = None, note: str = ""
) -> Measure:
    assert LAUNCHER is not None, "main() starts the launcher first"
    outcome = LAUNCHER.run(command, env, cwd)
    if outcome["code"] not in (0, 3):
        note = f"{note} exit {outcome['code']}: {outcome['stderr'].strip()[:200]}".strip()
    return Measure(case, tool, outcome["wall"], outcome["cpu"], outcome["rss_mb"], note)


def best_of(runs: int, make) -> Measure:
    return median_of([make() for _ in range(runs)])


def median_of(results: list[Measure]) -> Measure:
    """The fastest run's CPU and memory, with the median wall time of all of them."""
    best = min(results, key=lambda m: m.wall)
    best.wall = statistics.median(m.wall for m in results)
    return best


# --- the cases ---------------------------------------------------------------------------------


def kurilwatch_env(work: Path) -> dict:
    return {
        **os.environ,
        "KURILWATCH_DB": str(work / "kw.db"),
        "KURILWATCH_CONFIG": str(work / "config.toml"),
    }


def cold_fetch(case: str, tool: str, kw: list[str], env: dict, work: Path) -> Measure:
    """`kurilwatch fetch -q` into a database that does not exist yet."""
    for suffix in ("", "-wal", "-shm"):
        (work / f"kw.db{suffix}").unlink(missing_ok=True)
    return measure(case, tool, [*kw, "fetch", "-q"], env)


def write_kurilwatch_config(path: Path, urls: list[str]) -> None:
    path.write_text(
        "".join(f'[[feeds]]\nname = "f{n:03d}"\nurl = "{url}"\n\n' for n, url in enumerate(urls))
    )


def fetch_cases(args, results: list[Measure], farm: Farm, work: Path) -> None:
    kw = [sys.executable, "-m", "kurilwatch"]
    env = kurilwatch_env(work)
    write_kurilwatch_config(work / "config.toml", farm.urls())
    farm.honour_etags = True
    boat = None if args.skip_peers else Newsboat.setup(work, farm)

    def cold() -> Measure:
        return cold_fetch("1 cold fetch", "kurilwatch", kw, env, work)

    # Wall times on a shared machine vary by a fifth from run to run, and its speed drifts
    # over minutes: kurilwatch, the floor and newsboat are measured in interleaved rounds,
    # so each ratio compares runs made under the same conditions; medians of --runs.
    colds, floors, boats = [], [], []
    for _ in range(args.runs):
        colds.append(cold())
        floors.append(fetch_floor(farm, args.delay))
        if boat:
            boats.append(boat.cold())
    results.append(median_of(colds))
    note = "one request + feedparser parse time / cores"
    results.append(Measure("1 cold fetch", "floor", statistics.median(floors), 0, 0, note))
    if boat:
        results.append(median_of(boats))

    warms, boat_warms, body_bytes = [], [], 0
    for _ in range(args.runs):
        before = farm.bytes_sent
        warms.append(measure("2a warm, ETags", "kurilwatch", [*kw, "fetch", "-q"], env))
        body_bytes += farm.bytes_sent - before
        if boat:
            boat_warms.append(boat.warm())
    warm = median_of(warms)
    warm.note = f"body bytes {body_bytes}"
    results.append(warm)
    if boat:
        results.append(median_of(boat_warms))
    farm.honour_etags = False
    results.append(
        best_of(
            args.runs,
            lambda: measure("2b warm, no ETags", "kurilwatch", [*kw, "fetch", "-q"], env),
        )
    )
    farm.honour_etags = True

    # The size cap: the same cold fetch with one more feed that never ends. kurilwatch stops
    # reading it at 10 MB and reports it failed (exit 1); its memory should barely move.
    urls = farm.urls()
    write_kurilwatch_config(work / "config.toml", [*urls, farm.start_endless()])
    endless = best_of(max(1, args.runs // 2), cold)
    endless.case, endless.note = "1c cold fetch + endless feed", f"cut at the cap: {endless.note}"
    results.append(endless)
    write_kurilwatch_config(work / "config.toml", urls)

    r2e = None if args.skip_peers else ensure_rss2email()
    if r2e:
        peer = work / "r2e"
        peer.mkdir()
        config = "[DEFAULT]\nto = bench@example.org\nfrom = bench@example.org\n\n" + "".join(
            f"[feed.f{n:03d}]\nurl = {url}\n\n" for n, url in enumerate(farm.urls())
        )
        (peer / "r2e.cfg").write_text(config)
        command = [
            r2e,
            "-c",
            str(peer / "r2e.cfg"),
            "-d",
            str(peer / "r2e.json"),
            "run",
            "--no-send",
        ]
        # One run each: rss2email polls one feed at a time, 20 s and more.
        results.append(measure("1 cold fetch", "rss2email", command, dict(os.environ)))
        results.append(measure("2a warm, ETags", "rss2email", command, dict(os.environ)))


@dataclass
class Newsboat:
    """newsboat on the farm (`reload-threads 16`), when it is installed."""

    command: list[str]
    env: dict
    cache: Path

    @classmethod
    def setup(cls, work: Path, farm: Farm) -> Newsboat | None:
        newsboat = shutil.which("newsboat")
        if not newsboat:
            return None
        peer = work / "newsboat"
        peer.mkdir()
        (peer / "urls").write_text("".join(f"{url}\n" for url in farm.urls()))
        (peer / "config").write_text("reload-threads 16\n")
        command = [newsboat, "-x", "reload", "-u", str(peer / "urls")]
        command += ["-c", str(peer / "cache.db"), "-C", str(peer / "config")]
        return cls(command, {**os.environ, "HOME": str(peer)}, peer / "cache.db")

    def cold(self) -> Measure:
        self.cache.unlink(missing_ok=True)
        return measure("1 cold fetch", "newsboat", self.command, self.env)

    def warm(self) -> Measure:
        return measure("2a warm, ETags", "newsboat", self.command, self.env)


PEERS = ROOT / "bench" / ".peers"


def ensure_rss2email() -> str | None:
    """rss2email from PyPI, in the benchmark's own virtual environment (bench/.peers)."""
    found = shutil.which("r2e") or (
        str(PEERS / "bin" / "r2e") if (PEERS / "bin" / "r2e").exists() else None
    )
    if found:
        return found
    try:
        subprocess.run([sys.executable, "-m", "venv", str(PEERS)], check=True)
        subprocess.run([str(PEERS / "bin" / "pip"), "install", "--quiet", "rss2email"], check=True)
    except (subprocess.CalledProcessError, OSError) as exc:
        print(f"rss2email could not be installed ({exc}); skipping it", file=sys.stderr)
        return None
    return str(PEERS / "bin" / "r2e")


def fetch_floor(farm: Farm, delay: float) -> float:
    import feedparser

    started = time.process_time()
    for body in farm.bodies:
        feedparser.parse(body)
    parse = time.process_time() - started
    return delay + parse / (os.cpu_count() or 1)


def articles_section(args, results: list[Measure], work: Path) -> None:
    """The cold fetch when the matching items' articles are read from their pages."""
    farm = Farm(args.feeds, args.items, args.delay, articles=True)
    try:
        kw = [sys.executable, "-m", "kurilwatch"]
        env = kurilwatch_env(work)
        write_kurilwatch_config(work / "config.toml", farm.urls())
        with (work / "config.toml").open("a") as config:  # every matching item's page
            config.write("[articles]\nmax_per_run = 10000\nmax_per_host = 1000\n")
        pages = [page for served in farm.pages.values() for page in served.values()]
        extraction = extraction_cpu(pages)
        colds, floors = [], []
        for _ in range(args.runs):
            colds.append(cold_fetch("5 cold fetch + articles", "kurilwatch", kw, env, work))
            floors.append(articles_floor(farm, args.delay, extraction))
        cold = median_of(colds)
        from kurilwatch.store import Store

        with Store(work / "kw.db", create=False) as store:
            read = store.count_articles("read")
        sizes = sorted(len(p) for p in pages)
        cold.note = (
            f"{read} of {len(pages)} articles read, {read / cold.wall:.0f} articles/s; pages "
            f"{sizes[0] // 1024}-{sizes[-1] // 1024} KB"
        )
        results.append(cold)
        if args.without_analysis:
            results.extend(without_analysis(args, work, kw, env))
        note = (
            "slowest host: feed, robots.txt, articles 4 at a time; + (feedparser + "
            f"extraction {extraction:.2f}s) / cores"
        )
        results.append(
            Measure("5 cold fetch + articles", "floor", statistics.median(floors), 0, 0, note)
        )
        precision, recall = extraction_quality()
        results.append(
            Measure(
                "5 extraction quality",
                "kurilwatch",
                0,
                0,
                0,
                f"fixture pages: word precision {precision:.3f}, recall {recall:.3f} (worst page)",
            )
        )
    finally:
        farm.stop()


# An experiment, not the product: how much of the article run is the sentence analysis of
# issue 21 (each sentence's facts and background verdict). A sitecustomize.py first on
# PYTHONPATH, imported by the fetch and by each worker it starts, replaces it with nothing.
NO_ANALYSIS = {
    "writer": (
        "import kurilwatch.developments as d\n"
        "d.index_item = lambda *args, **kwargs: []\n"
        "d.lead_story_words = lambda *args, **kwargs: None\n"
    ),
    "anywhere": (
        "import kurilwatch.developments as d\n"
        "d.prepare = lambda *args, **kwargs: []\n"
        "d.index_item = lambda *args, **kwargs: []\n"
        "d.lead_story_words = lambda *args, **kwargs: None\n"
    ),
}


def without_analysis(args, work: Path, kw: list[str], env: dict) -> list[Measure]:
    """The same cold fetch with no sentence analysis in the writer, then none at all."""
    measured = []
    for where, patch in NO_ANALYSIS.items():
        folder = work / f"no-analysis-{where.replace(' ', '-')}"
        folder.mkdir(exist_ok=True)
        (folder / "sitecustomize.py").write_text(patch)
        paths = [str(folder), str(ROOT), env.get("PYTHONPATH", "")]
        patched = {**env, "PYTHONPATH": os.pathsep.join(p for p in paths if p)}
        tool = f"no analysis ({where})"
        runs = [
            cold_fetch("5 cold fetch + articles", tool, kw, patched, work) for _ in range(args.runs)
        ]
        run = median_of(runs)
        run.note = "an experiment: developments' sentence analysis replaced by nothing"
        measured.append(run)
    return measured


def extraction_cpu(pages: list[bytes]) -> float:
    """CPU seconds to extract every page in one process (the workers' share of the floor)."""
    sys.path.insert(0, str(ROOT))
    from kurilwatch.article import extract_article

    extract_article(pages[0])  # trafilatura's imports and first-call set-up are not per page
    started = time.process_time()
    for page in pages:
        extract_article(page)
    return time.process_time() - started


def articles_floor(farm: Farm, delay: float, extraction: float) -> float:
    per_host = 4
    chain = max(2 + -(-len(served) // per_host) for served in farm.pages.values())
    parse = fetch_floor(farm, 0.0)
    return chain * delay + parse + extraction / (os.cpu_count() or 1)


def extraction_quality() -> tuple[float, float]:
    """The worst word precision and recall on tests/data/articles (as the test holds)."""
    sys.path.insert(0, str(ROOT))
    from kurilwatch.article import extract_article, word_scores

    pages = ROOT / "tests" / "data" / "articles"
    scores = [
        word_scores(
            extract_article((pages / f"{t.stem}.html").read_bytes()).text or "", t.read_text()
        )
        for t in sorted(pages.glob("*.txt"))
    ]
    return min(p for p, _ in scores), min(r for _, r in scores)


def fetch_section(args, results: list[Measure], work: Path) -> None:
    farm = Farm(args.feeds, args.items, args.delay)
    try:
        fetch_cases(args, results, farm, work)
    finally:
        farm.stop()


def growth_case(args, results: list[Measure], work: Path) -> None:
    """Re-poll the same feeds many times: the database must not grow."""
    sys.path.insert(0, str(ROOT))
    from kurilwatch.config import load_config
    from kurilwatch.store import Store
    from kurilwatch.update import run_fetch

    farm = Farm(10, args.items, 0)
    try:
        farm.honour_etags = False  # the harder case: a full body every time
        path = work / "growth"
        path.mkdir()
        write_kurilwatch_config(path / "config.toml", farm.urls())
        config = load_config(path / "config.toml")
        sizes = {}
        with Store(path / "kw.db") as store:
            for poll in range(1, args.repolls + 1):
                run_fetch(store, config, list(config.feeds))
                if poll in (1, 10, 100, 1000, args.repolls):
                    store.checkpoint()
                    sizes[poll] = (path / "kw.db").stat().st_size
        note = ", ".join(f"{k} polls: {v / 1024:.0f} KiB" for k, v in sizes.items())
        results.append(Measure("6 re-poll growth", "kurilwatch", 0, 0, 0, note))
    finally:
        farm.stop()


def build_archive(path: Path, items: int, feeds: int = 100) -> float:
    """A database of `items` stored items over 10 years, written by the store in bulk."""
    sys.path.insert(0, str(ROOT))
    from kurilwatch.developments import meaning_key, sentence_keys, tokens
    from kurilwatch.novelty import concept_keys, facts
    from kurilwatch.storage.scans import BulkItem
    from kurilwatch.store import Store

    started = time.perf_counter()
    rng = random.Random(7)
    now = datetime.now(UTC)
    span = 10 * 365 * 86400

    def generated():
        for item_id in range(1, items + 1):
            moment = now - timedelta(seconds=span * (items - item_id) / items)
            words = " ".join(rng.choice(WORDS) for _ in range(20))
            rare = " Krabozavodskoye." if item_id % 100_000 == 0 else ""  # what `search` finds
            text = f"Officials on Iturup said {words}. Sentence {item_id} about the islands.{rare}"
            item = BulkItem(
                id=item_id,
                feed=f"f{item_id % feeds:03d}",
                guid=f"g{item_id}",
                url=f"http://x/{item_id}",
                title=f"Kurils report {item_id}",
                summary=text[:200],
                text=text,
                time=moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
                matched='["Iturup"]',
            )
            for position, sentence in enumerate(text.split(". ")):
                item.sentences.append((position, sentence, True))
                item.keys += [(key, position) for key in sentence_keys(sentence, tokens(sentence))]
                # A new sentence also gets the keys that find it reworded (index_item's).
                for concept in concept_keys(facts(sentence, "en").concepts):
                    item.keys.append((meaning_key("en", concept), position))
            yield item

    with Store(path) as store:
        store.bulk_load(generated())
    return time.perf_counter() - started


def archive_cases(args, results: list[Measure], work: Path) -> None:
    kw = [sys.executable, "-m", "kurilwatch"]
    for size in sorted({1_000, args.archive}):
        path = work / f"archive-{size}"
        path.mkdir()
        seconds = build_archive(path / "kw.db", size)
        env = {
            **os.environ,
            "KURILWATCH_DB": str(path / "kw.db"),
            "KURILWATCH_CONFIG": str(path / "none.toml"),
        }
        (path / "none.toml").write_text("")
        db_size = (path / "kw.db").stat().st_size
        note = f"{size:,} items, built in {seconds:.0f}s, {db_size / size:.0f} bytes/item"
        label = f"{size:,}"
        queries = (
            ("3 list --since 7d", [*kw, "list", "--since", "7d"]),
            ("3 list --source --limit 50", [*kw, "list", "--source", "f042", "--limit", "50"]),
            ("3 search rare word", [*kw, "search", "Krabozavodskoye"]),
            ("3 news --since 1d", [*kw, "news", "--since", "1d"]),
        )
        # Output to a pipe (plain lines), and drawn as at a terminal (--format table); the
        # start-up floor, `--version`, measured in the same rounds, so that a slow moment of
        # the machine weighs on the queries and on their floor alike.
        cases = [(f"3 --version ({label})", "kurilwatch", [*kw, "--version"])]
        for tool, extra in (("kurilwatch", []), ("kurilwatch, table", ["--format", "table"])):
            cases += [(f"{case} ({label})", tool, [*command, *extra]) for case, command in queries]
        rounds = [[measure(n, t, c, env) for n, t, c in cases] for _ in range(args.runs)]
        results += [median_of(list(measured)) for measured in zip(*rounds, strict=True)]
        results[-1].note = note
        results.append(classify_cost(path / "kw.db", label))


def classify_cost(path: Path, label: str) -> Measure:
    """Time to classify one new item's sentences against the archive (in-process)."""
    from kurilwatch.developments import index_item
    from kurilwatch.store import Store

    text = (
        "Officials on Iturup said the budget talks would resume next week. "
        "A new port project was announced. Moscow has repeatedly said that the islands "
        "are Russian."
    )
    from kurilwatch.storage.scans import BulkItem

    probe = 10**9  # an item of its own, since every sentence must belong to a stored item
    with Store(path) as store:
        moment = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        store.bulk_load(
            [
                BulkItem(
                    id=probe,
                    feed="f000",
                    guid="classify-probe",
                    url="http://x/classify-probe",
                    title="Kurils report",
                    summary=text,
                    text=text,
                    time=moment,
                    matched='["Iturup"]',
                )
            ]
        )
        timings = []
        for _ in range(20):
            started = time.perf_counter()
            with store.transaction():
                index_item(store, probe, text, "en")
            timings.append(time.perf_counter() - started)
        with store.transaction():
            store.delete_item(probe)
    return Measure(
        f"3 classify one new item ({label})",
        "kurilwatch",
        statistics.median(timings),
        0,
        0,
        "in-process, median of 20",
    )


def startup_cases(args, results: list[Measure], work: Path) -> None:
    empty = work / "empty"
    empty.mkdir()
    env = {
        **os.environ,
        "KURILWATCH_DB": str(empty / "kw.db"),
        "KURILWATCH_CONFIG": str(empty / "none.toml"),
    }
    (empty / "none.toml").write_text("")
    from kurilwatch.store import Store

    Store(empty / "kw.db").close()  # `list` no longer creates a missing database: it refuses
    for tool, command in (
        ("python -c 'import sqlite3'", [sys.executable, "-c", "import sqlite3"]),
        ("python -c 'import typer'", [sys.executable, "-c", "import typer"]),
        ("kurilwatch --version", [sys.executable, "-m", "kurilwatch", "--version"]),
        ("kurilwatch list (empty)", [sys.executable, "-m", "kurilwatch", "list"]),
    ):
        results.append(
            best_of(args.runs, lambda c=command, t=tool: measure("4 start-up", t, c, env))
        )


# --- report ------------------------------------------------------------------------------------


def report(results: list[Measure]) -> str:
    lines = [f"{'case':<38}{'tool':<28}{'wall s':>9}{'cpu s':>9}{'rss MB':>9}  note"]
    for m in results:
        lines.append(
            f"{m.case:<38}{m.tool:<28}{m.wall:>9.3f}{m.cpu:>9.2f}{m.rss_mb:>9.1f}  {m.note}"
        )
    by = {(m.case, m.tool): m for m in results}
    ratios = []
    for case in ("1 cold fetch", "2a warm, ETags", "5 cold fetch + articles"):
        ours = by.get((case, "kurilwatch"))
        for peer in ("newsboat", "rss2email", "floor"):
            theirs = by.get((case, peer))
            if ours and theirs and theirs.wall:
                ratios.append(f"{case}: kurilwatch / {peer} = {ours.wall / theirs.wall:.2f}")
    articles_floor_run = by.get(("5 cold fetch + articles", "floor"))
    for where in NO_ANALYSIS:
        stubbed = by.get(("5 cold fetch + articles", f"no analysis ({where})"))
        if stubbed and articles_floor_run and articles_floor_run.wall:
            ratios.append(
                f"5 cold fetch + articles, no analysis ({where}) / floor = "
                f"{stubbed.wall / articles_floor_run.wall:.2f}"
            )
    version = by.get(("4 start-up", "kurilwatch --version"))
    typer_floor = by.get(("4 start-up", "python -c 'import typer'"))
    if version and typer_floor:
        ratios.append(
            f"start-up: kurilwatch --version / import typer = {version.wall / typer_floor.wall:.2f}"
        )
    for m in results:
        if m.case.startswith("3 ") and "classify" not in m.case and "--version" not in m.case:
            label = m.case[m.case.rindex("(") :]
            floor = by.get((f"3 --version {label}", "kurilwatch"))
            if floor:
                ratios.append(
                    f"{m.case}, {m.tool}: / kurilwatch --version = {m.wall / floor.wall:.2f}"
                )
    return "\n".join([*lines, "", *ratios])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--feeds", type=int, default=100)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--delay", type=float, default=0.2)
    parser.add_argument("--archive", type=int, default=1_000_000)
    parser.add_argument("--repolls", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-peers", action="store_true")
    parser.add_argument(
        "--without-analysis",
        action="store_true",
        help="articles case: also run it with the sentence analysis stubbed out (an experiment)",
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=["fetch", "articles", "archive", "startup", "growth"],
        help="run only this section (repeatable)",
    )
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "latest.json")
    args = parser.parse_args()

    # An installed package has its bytecode compiled by pip; an editable checkout run with
    # PYTHONDONTWRITEBYTECODE would otherwise compile kurilwatch's modules on every start.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "kurilwatch")], check=True)
    # Before this process grows: the peak RSS of what it starts would include its own.
    global LAUNCHER
    LAUNCHER = Launcher()
    results: list[Measure] = []
    with tempfile.TemporaryDirectory(prefix="kurilwatch-bench-") as tmp:
        work = Path(tmp)
        # Start-up first: measured after the fetch section (a hundred servers and their
        # threads started and stopped in this process), it came out 20-50 ms slower in two
        # runs out of three.
        sections = {
            "startup": lambda: startup_cases(args, results, work),
            "fetch": lambda: fetch_section(args, results, work),
            "articles": lambda: articles_section(args, results, work),
            "archive": lambda: archive_cases(args, results, work),
            "growth": lambda: growth_case(args, results, work),
        }
        for name, section in sections.items():
            if args.only and name not in args.only:
                continue
            count = len(results)
            try:
                section()
            except Exception as exc:  # report what was measured; say what was not
                results.append(Measure(name, "failed", 0, 0, 0, f"{type(exc).__name__}: {exc}"))
            for measured in results[count:]:
                print(
                    f"{measured.case:<38}{measured.tool:<28}{measured.wall:>9.3f}  {measured.note}",
                    file=sys.stderr,
                    flush=True,
                )
    LAUNCHER.close()
    text = report(results)
    print(text)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    machine = {"cpus": os.cpu_count(), "python": sys.version.split()[0], "platform": sys.platform}
    args.json.write_text(
        json.dumps(
            {
                "machine": machine,
                "args": vars(args) | {"json": str(args.json)},
                "results": [asdict(m) for m in results],
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
