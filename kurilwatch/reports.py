"""Reports: coverage statistics, a self-contained HTML report, and an Atom feed of the stream."""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from xml.etree import ElementTree as ET

from kurilwatch import __version__
from kurilwatch.developments import Story, news, story_of
from kurilwatch.store import Store, iso

BARS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[int]) -> str:
    """Unicode bars, one per value, scaled to the largest."""
    top = max(values, default=0)
    if not top:
        return BARS[0] * len(values)
    return "".join(BARS[min(len(BARS) - 1, round(v / top * (len(BARS) - 1)))] for v in values)


def _bucket(moment: datetime, by: str) -> date:
    day = moment.astimezone(UTC).date()
    if by == "week":
        return day - timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    return day


def _buckets(start: datetime, end: datetime, by: str) -> list[date]:
    result, current = [], _bucket(start, by)
    last = _bucket(end, by)
    while current <= last:
        result.append(current)
        if by == "month":
            current = (current.replace(day=28) + timedelta(days=4)).replace(day=1)
        else:
            current += timedelta(days=7 if by == "week" else 1)
    return result


@dataclass
class Stats:
    since: datetime
    until: datetime
    by: str
    periods: list[date]
    per_source: dict[str, list[int]]
    busiest: list[dict]
    terms: list[tuple[str, int]]
    total: int

    def as_dict(self) -> dict:
        return {
            "since": iso(self.since),
            "until": iso(self.until),
            "by": self.by,
            "periods": [p.isoformat() for p in self.periods],
            "feeds": [
                {"feed": feed, "total": sum(counts), "counts": counts}
                for feed, counts in self.per_source.items()
            ],
            "busiest_days": self.busiest,
            "top_terms": [{"term": t, "items": n} for t, n in self.terms],
            "total": self.total,
        }


def stats(store: Store, since: datetime, until: datetime, by: str = "day") -> Stats:
    items = store.list_items(since=since, limit=None)
    periods = _buckets(since, until, by)
    index = {p: i for i, p in enumerate(periods)}
    per_source: dict[str, list[int]] = defaultdict(lambda: [0] * len(periods))
    per_day: dict[date, list[dict]] = defaultdict(list)
    terms: Counter[str] = Counter()
    for item in items:
        moment = datetime.fromisoformat(item["sort_time"])  # never empty
        for source in item["sources"]:
            slot = index.get(_bucket(moment, by))
            if slot is not None:
                per_source[source][slot] += 1
        per_day[moment.date()].append(item)
        terms.update(set(item["matched"]))
    busiest = []
    for day, day_items in sorted(per_day.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:5]:
        stories = Counter(story_of(i) for i in day_items)
        top_story, size = stories.most_common(1)[0]
        title = next(i["title"] for i in day_items if story_of(i) == top_story)
        busiest.append(
            {
                "day": day.isoformat(),
                "items": len(day_items),
                "top_story": title,
                "top_story_items": size,
            }
        )
    ordered = dict(sorted(per_source.items(), key=lambda kv: (-sum(kv[1]), kv[0])))
    return Stats(since, until, by, periods, ordered, busiest, terms.most_common(10), len(items))


# --- the HTML report ---------------------------------------------------------------------------

PALETTE = [
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
]


def nice_step(top: int, ticks: int = 4) -> int:
    """A round step (1, 2, 5, 10, 20, 50…) giving about `ticks` gridlines up to `top`."""
    raw = max(1.0, top / ticks)
    magnitude = 10 ** (len(str(int(raw))) - 1)
    return next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)


def timeline_svg(report: Stats, width: int = 720, height: int = 240) -> dict:
    """Stacked bars of items per period by source, with a y axis of round counts and date
    labels under the bars, as data for the template's inline SVG."""
    left, bottom, top_margin = 40, 28, 12  # room for the counts and the dates
    sources = list(report.per_source)
    colours = {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(sources)}
    totals = [sum(report.per_source[s][i] for s in sources) for i in range(len(report.periods))]
    step = nice_step(max(totals, default=0) or 1)
    top = step * -(-(max(totals, default=0) or 1) // step)  # the first gridline at or above
    base = height - bottom
    plot = base - top_margin
    slot = (width - left - 10) / max(1, len(report.periods))
    bars = []
    for i, period in enumerate(report.periods):
        y: float = base
        for source in sources:
            count = report.per_source[source][i]
            if not count:
                continue
            h = count / top * plot
            y -= h
            bars.append(
                {
                    "x": round(left + i * slot, 2),
                    "y": round(y, 2),
                    "w": round(max(1.0, slot - 2), 2),
                    "h": round(h, 2),
                    "colour": colours[source],
                    "label": f"{period.isoformat()} {source}: {count}",
                }
            )
    y_ticks = [
        {"y": round(base - value / top * plot, 2), "label": str(value)}
        for value in range(0, top + 1, step)
    ]
    every = max(1, -(-len(report.periods) // 6))  # at most about six dates: they never overlap
    x_labels = [
        {"x": round(left + i * slot + slot / 2, 2), "label": f"{period:%b} {period.day}"}
        for i, period in enumerate(report.periods)
        if i % every == 0
    ]
    return {
        "width": width,
        "height": height,
        "left": left,
        "base": base,
        "bars": bars,
        "top": top,
        "y_ticks": y_ticks,
        "x_labels": x_labels,
        "colours": colours,
    }


def article_url(item: dict) -> str | None:
    """The link a report gives an item: its canonical URL, when it is a web address."""
    url = item.get("canonical_url") or item["url"] or ""
    return url if url.startswith(("http://", "https://")) else None


def html_report(store: Store, since: datetime, until: datetime) -> str:
    """One self-contained HTML file: styles, chart and script inline, feed text escaped."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(
        loader=PackageLoader("kurilwatch", "templates"),
        autoescape=select_autoescape(["html"]),
    )
    report = stats(store, since, until, "day")
    items = store.list_items(since=since, limit=None)
    stories: list[Story] = news(store, items)
    rows = [
        {
            "id": i["id"],
            "lang": i.get("lang"),
            "date": (i["sort_time"] or "").replace("T", " ")[:16],
            "sources": ", ".join(i["sources"]),
            "title": i["title"] or "(no title)",
            "url": article_url(i),
            "matched": ", ".join(i["matched"]),
        }
        for i in items
    ]
    return env.get_template("report.html").render(
        stats=report,
        chart=timeline_svg(report),
        stories=stories,
        rows=rows,
        sources=list(report.per_source),
        generated=iso(until),
        article_url=article_url,
    )


# --- exports -----------------------------------------------------------------------------------

ATOM = "http://www.w3.org/2005/Atom"


def atom_id(item: dict) -> str:
    """Stable across runs and databases: derived from the article's URL or GUID."""
    basis = item["canonical_url"] or f"{item['feed']}\x1f{item['guid'] or item['title']}"
    return "urn:kurilwatch:" + hashlib.sha256(basis.encode()).hexdigest()[:32]


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_LANG_TAG = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")  # RFC 3066, as RFC 4287 asks


def atom_feed(store: Store, items: list[dict], now: datetime, self_url: str) -> str:
    """An Atom 1.0 feed (RFC 4287): a self link, every entry with a link or content, each in
    its language, with the full text as content when there is one."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: "en"})
    ET.SubElement(feed, f"{{{ATOM}}}id").text = "urn:kurilwatch:stream"
    ET.SubElement(feed, f"{{{ATOM}}}title").text = "kurilwatch: Kuril Islands news"
    ET.SubElement(
        feed, f"{{{ATOM}}}subtitle"
    ).text = "Items about the Kuril Islands / Northern Territories, with what is new in each"
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", type="application/atom+xml", href=self_url)
    updated = max((i["updated"] or i["first_seen"] for i in items), default=iso(now))
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = updated
    ET.SubElement(ET.SubElement(feed, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = "kurilwatch"
    generator = ET.SubElement(feed, f"{{{ATOM}}}generator", version=__version__)
    generator.text = "kurilwatch"
    for story in news(store, items):
        for news_item in story.items:
            _atom_entry(feed, news_item)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _atom_entry(feed: ET.Element, news_item) -> None:
    item = news_item.item
    lang = item.get("lang") or ""
    entry = ET.SubElement(
        feed, f"{{{ATOM}}}entry", {XML_LANG: lang} if _LANG_TAG.match(lang) else {}
    )
    ET.SubElement(entry, f"{{{ATOM}}}id").text = atom_id(item)
    ET.SubElement(entry, f"{{{ATOM}}}title", type="text").text = item["title"] or "(no title)"
    ET.SubElement(entry, f"{{{ATOM}}}updated").text = item["updated"] or item["first_seen"]
    if item["published"]:
        ET.SubElement(entry, f"{{{ATOM}}}published").text = item["published"]
    url = item.get("canonical_url") or item["url"] or ""
    if url.startswith(("http://", "https://")):
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=url)
    author = ET.SubElement(entry, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = ", ".join(item["sources"])
    for term in item["matched"]:
        ET.SubElement(entry, f"{{{ATOM}}}category", term=term)
    summary = " ".join(news_item.new) or item["summary"] or ""
    if summary:
        ET.SubElement(entry, f"{{{ATOM}}}summary", type="text").text = summary
    # The full text when there is one; without a link, something to read all the same.
    text = item.get("text") or ("" if url.startswith("http") else summary or item["title"])
    if text:
        ET.SubElement(entry, f"{{{ATOM}}}content", type="text").text = text
