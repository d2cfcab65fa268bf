"""Reports: stats, the HTML report (in a real headless browser), exports, the progress bar."""

from __future__ import annotations

import csv
import io
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import feedparser
import pytest

from conftest import write_config
from kurilwatch.cli import app
from kurilwatch.reports import sparkline


@pytest.fixture
def stored(runner, env, feed_server):
    feeds = {
        "wire": feed_server.serve_file("/w", "developments_wire.rss"),
        "daily": feed_server.serve_file("/d", "developments_daily.rss"),
        "tass-ru": feed_server.serve_file("/r", "tass_ru_cp1251.rss"),
        "nhk": feed_server.serve_file("/n", "nhk_sjis.rdf"),
    }
    write_config(env["config"], feeds)
    assert runner.invoke(app, ["fetch", "--feed", "wire"]).exit_code == 0
    assert runner.invoke(app, ["fetch"]).exit_code == 0
    return env


def test_sparkline():
    assert sparkline([0, 1, 2, 4, 8]) == "▁▂▃▅█"  # value / max × 7 levels above the floor
    assert sparkline([0, 0]) == "▁▁"
    assert sparkline([]) == ""


def test_stats_json_numbers(runner, stored):
    result = runner.invoke(app, ["stats", "--since", "14d", "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["total"] == 9
    assert len(data["periods"]) == 15  # 14 days back, today included
    by_source = {s["feed"]: s for s in data["feeds"]}
    assert {k: v["total"] for k, v in by_source.items()} == {
        "wire": 3,
        "daily": 2,
        "tass-ru": 2,
        "nhk": 2,
    }
    assert sum(by_source["wire"]["counts"]) == 3
    assert data["busiest_days"][0]["items"] == 2
    terms = {t["term"]: t["items"] for t in data["top_terms"]}
    assert terms["Kuril Islands"] == 3


def test_stats_by_week_and_table(runner, stored):
    weekly = json.loads(
        runner.invoke(app, ["stats", "--since", "90d", "--by", "week", "--format", "json"]).output
    )
    assert all(p for p in weekly["periods"])
    assert sum(sum(s["counts"]) for s in weekly["feeds"]) == 9
    table = runner.invoke(app, ["stats", "--since", "14d"])
    assert table.exit_code == 0
    assert "Busiest days" in table.output and "Terms that matched most" in table.output
    assert "\x1b" not in table.output  # a pipe gets no escape sequences


def test_report_is_self_contained_and_escaped(runner, stored, tmp_path):
    output = tmp_path / "report.html"
    result = runner.invoke(app, ["report", "--since", "30d", "-o", str(output)])
    assert result.exit_code == 0, result.output
    page = output.read_text()
    assert "<svg" in page and page.count('class="bar"') >= 7
    assert "Former islanders in Nemuro welcomed the decision." in page
    assert 'src="http' not in page
    # The only links out are to articles: <a href>, never a stylesheet, script or font.
    assert page.count('href="http') == len(re.findall(r'<a href="http', page))
    assert "<script src" not in page and '<link rel="stylesheet"' not in page


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def test_report_renders_in_a_real_browser(runner, stored, tmp_path):
    browser = _chromium()
    if browser is None:
        pytest.skip("no Chromium installed (.ci/run installs Debian's chromium)")
    output = tmp_path / "report.html"
    runner.invoke(app, ["report", "--since", "30d", "-o", str(output)])
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    dom = subprocess.run(
        [browser, *flags, "--dump-dom", output.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    body = dom[dom.index("<body") : dom.index(">", dom.index("<body")) + 1]
    assert 'data-ready="yes"' in body, body  # the script ran to the end
    assert 'data-errors=""' in body  # and raised nothing
    assert dom.count('class="bar"') >= 7
    assert "9 of 9 items" in dom  # the filter script counted the rows
    shot = tmp_path / "report.png"
    subprocess.run(
        [browser, *flags, f"--screenshot={shot}", "--window-size=1200,1600", output.as_uri()],
        capture_output=True,
        timeout=120,
    )
    assert shot.exists() and shot.stat().st_size > 10_000


def test_export_atom_round_trips_through_feedparser(runner, stored):
    result = runner.invoke(app, ["export", "--format", "atom", "--since", "30d"])
    assert result.exit_code == 0
    parsed = feedparser.parse(result.output.encode())
    assert parsed.bozo == 0 and parsed.version == "atom10"
    listed = json.loads(runner.invoke(app, ["list", "--since", "30d", "--format", "json"]).output)
    assert len(parsed.entries) == len(listed) == 9
    by_title = {e.title: e for e in parsed.entries}
    for item in listed:
        entry = by_title[item["title"]]
        assert entry.link == item["url"]
        assert entry.id.startswith("urn:kurilwatch:")
        assert entry.updated == (item["updated"] or item["first_seen"])
        assert entry.published == item["published"]
        assert entry.author == ", ".join(item["sources"])
        assert {t.term for t in entry.tags} == set(item["matched"])
    daily = by_title["Minister: talks with Russia on joint activity on four islands to resume"]
    assert daily.summary == "Former islanders in Nemuro welcomed the decision."
    again = feedparser.parse(
        runner.invoke(app, ["export", "--format", "atom", "--since", "30d"]).output.encode()
    )
    assert [e.id for e in again.entries] == [e.id for e in parsed.entries]  # stable ids


def test_export_other_formats(runner, stored, tmp_path):
    as_json = json.loads(runner.invoke(app, ["export", "--format", "json"]).output)
    assert len(as_json) == 9
    rows = list(
        csv.DictReader(io.StringIO(runner.invoke(app, ["export", "--format", "csv"]).output))
    )
    assert len(rows) == 9
    lines = runner.invoke(app, ["export", "--format", "ndjson"]).output.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [i["id"] for i in as_json]
    opml = ET.fromstring(runner.invoke(app, ["export", "--format", "opml"]).output.encode())
    assert len(list(opml.iter("outline"))) == 4
    target = tmp_path / "stream.atom"
    assert runner.invoke(app, ["export", "-o", str(target)]).exit_code == 0
    assert feedparser.parse(target.read_bytes()).version == "atom10"
    bad = runner.invoke(app, ["export", "-o", str(tmp_path / "no" / "such" / "dir.atom")])
    assert bad.exit_code == 2 and "cannot write" in bad.output


def test_fetch_progress_bar_only_on_a_terminal(env, feed_server):
    import pty

    feed_server.serve_file("/w", "developments_wire.rss")
    write_config(env["config"], {"wire": feed_server.url("/w")})
    environment = {
        **os.environ,
        "KURILWATCH_DB": str(env["db"]),
        "KURILWATCH_CONFIG": str(env["config"]),
        "TERM": "xterm",
        "COLUMNS": "100",
    }
    environment.pop("NO_COLOR", None)
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "kurilwatch", "fetch"],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=environment,
    )
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    assert process.wait(timeout=60) == 0
    os.close(leader)
    assert b"Polling feeds" in seen
    piped = subprocess.run(
        [sys.executable, "-m", "kurilwatch", "fetch"], env=environment, capture_output=True
    )
    assert b"Polling feeds" not in piped.stdout and b"\x1b" not in piped.stdout


def _png_size(path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    import struct

    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


# Chromium's windows are at least 500 px wide: the 400 px view is the report in a 400 px
# frame, served with its wrapper from one origin so the wrapper can read what the report saw.
WRAPPER = b"""<!DOCTYPE html><html><body style="margin:0">
<iframe id="r" src="/report.html" style="width:400px;height:1000px;border:0"></iframe>
<script>
document.getElementById("r").addEventListener("load", function () {
  var inner = this.contentDocument.body.dataset;
  for (var key in inner) { document.body.dataset[key] = inner[key]; }
});
</script></body></html>"""


def test_report_chart_axes_links_and_narrow_layout(runner, stored, tmp_path, feed_server):
    from conftest import Route

    output = tmp_path / "report.html"
    runner.invoke(app, ["report", "--since", "30d", "-o", str(output)])
    page = output.read_text()
    svg = page[page.index("<svg") : page.index("</svg>")]
    ticks = re.findall(r'<text class="tick"[^>]*>(\d+)</text>', svg)
    assert ticks[0] == "0" and len(ticks) >= 3  # a y axis of round counts from 0
    steps = {int(b) - int(a) for a, b in itertools.pairwise(ticks)}
    assert len(steps) == 1 and steps.pop() in (1, 2, 5, 10, 20, 50)
    dates = re.findall(r'<text class="date"[^>]*>([A-Z][a-z]{2} \d{1,2})</text>', svg)
    assert 3 <= len(dates) <= 8  # dated, and never so many that they overlap
    headings = re.findall(r"<h3[^>]*>.*?</h3>", page)
    linked = [h for h in headings if re.fullmatch(r'<h3 lang="\w+"><a href="https?://[^"]+">.+', h)]
    assert len(headings) >= 5 and linked == headings  # each story's title links to its article

    browser = _chromium()
    if browser is None:
        pytest.skip("no Chromium installed (.ci/run installs Debian's chromium)")
    feed_server.routes["/report.html"] = Route(body=output.read_bytes(), content_type="text/html")
    feed_server.routes["/wrap.html"] = Route(body=WRAPPER, content_type="text/html")
    for width, url, window in (
        (400, feed_server.url("/wrap.html"), "500,1000"),
        (1200, feed_server.url("/report.html"), "1200,1000"),
    ):
        flags = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--virtual-time-budget=5000",
            f"--user-data-dir={tmp_path / f'profile-{width}'}",
            f"--window-size={window}",
        ]
        dom = subprocess.run(
            [browser, *flags, "--dump-dom", url], capture_output=True, text=True, timeout=120
        ).stdout
        body = dom[dom.index("<body") : dom.index(">", dom.index("<body")) + 1]
        assert 'data-ready="yes"' in body and 'data-errors=""' in body, (width, body)
        assert f'data-width="{width}"' in body, body
        assert 'data-fits="yes"' in body, body  # nothing wider than the window
        label_px = int(re.search(r'data-label-px="(\d+)"', body).group(1))  # type: ignore[union-attr]
        assert label_px >= 12, body  # the chart's dates and counts stay readable
        shot = tmp_path / f"report-{width}.png"
        subprocess.run(
            [browser, *flags, f"--screenshot={shot}", url], capture_output=True, timeout=120
        )
        assert shot.exists() and shot.stat().st_size > 10_000
        assert _png_size(shot) == tuple(map(int, window.split(",")))
