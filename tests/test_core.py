"""The use cases behind the commands, called directly: refilter, news, digest, feeds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from conftest import email_config
from kurilwatch import digest, news, refilter
from kurilwatch.config import load_config
from kurilwatch.feeds import feed_rows, matcher_for
from kurilwatch.ingest import store_entries
from kurilwatch.models import Matched
from kurilwatch.parse import Entry, canonical_url
from kurilwatch.store import Store, iso, unmatched_row

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)


def entry(n: int, title: str, text: str, hours_ago: int = 1) -> Entry:
    url = f"https://wire.example/{n}"
    return Entry(
        f"g{n}", url, canonical_url(url), title, text, text, NOW - timedelta(hours=hours_ago)
    )


def config(tmp_path: Path, extra: str = "") -> Path:
    path = tmp_path / "config.toml"
    path.write_text(
        '[[feeds]]\nname = "wire"\nurl = "http://127.0.0.1:9/wire.xml"\n'
        '[[feeds]]\nname = "all"\nurl = "http://127.0.0.1:9/all.xml"\ninclude = ["*"]\n' + extra,
        encoding="utf-8",
    )
    return path


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "kw.db", now=lambda: NOW) as opened:
        yield opened


def stored(store: Store, *entries: Entry, feed: str = "wire") -> list[int]:
    with store.transaction():
        results = store_entries(store, feed, [Matched(e, ["Iturup"], "en") for e in entries])
    return [r.item_id for r in results]


def test_store_entries_indexes_sentences_and_assigns_stories(store):
    (item_id,) = stored(store, entry(1, "Iturup airport opens", "A terminal opened on Iturup."))
    assert [s[1] for s in store.sentence_rows(item_id)] == ["A terminal opened on Iturup."]
    assert store.get_item(item_id)["story_id"] == item_id


def test_refilter_adds_kept_entries_that_match_now_and_flags_the_rest(tmp_path, store):
    (kept_id,) = stored(store, entry(1, "Iturup airport opens", "A terminal opened on Iturup."))
    (old_id,) = stored(store, entry(2, "Sakhalin ferry", "The ferry to Iturup resumed."))
    kept = entry(3, "Sakhalin Oblast budget", "The Sakhalin Oblast budget grew.", hours_ago=5)
    with store.transaction():
        store.keep_unmatched("wire", [unmatched_row(kept)], 30)
    cfg = load_config(
        config(tmp_path, '[filter]\ninclude = ["Sakhalin Oblast"]\nexclude = ["ferry"]\n')
    )

    plan = refilter.plan(store, matcher_for(cfg))
    assert [key.split("\x1f")[0] for key, _, _ in plan.add] == ["wire"]
    assert [item["id"] for item in plan.drop] == [old_id]
    refilter.apply(store, cfg, plan, prune=False, at=NOW)

    added = [i for i in store.list_items(limit=None) if i["title"] == "Sakhalin Oblast budget"]
    assert len(added) == 1 and added[0]["published"] == iso(kept.published)
    assert store.sentence_rows(added[0]["id"])  # indexed as a fetch indexes
    assert store.unmatched_entries() == []
    assert store.get_item(old_id)["unmatched_since"] == iso(NOW)
    assert store.get_item(kept_id)["unmatched_since"] is None

    again = refilter.plan(store, matcher_for(cfg))
    assert [item["id"] for item in again.prune] == [old_id]
    refilter.apply(store, cfg, again, prune=True, at=NOW)
    assert store.get_item(old_id) is None and store.sentence_rows(old_id) == []


def test_news_since_last_moves_on_and_a_look_does_not(store):
    stored(store, entry(1, "Iturup airport opens", "A terminal opened on Iturup."))
    assert news.look(store, NOW - timedelta(days=1), 10).stories
    first = news.since_last(store, 10, NOW)
    assert [s.items[0].item["title"] for s in first.stories] == ["Iturup airport opens"]
    assert news.since_last(store, 10, NOW).empty
    stored(
        store,
        entry(2, "Kunashir port", "A port opened on Kunashir."),
        entry(3, "Shikotan school", "A school opened on Shikotan."),
    )
    limited = news.since_last(store, 1, NOW)
    assert len(limited.stories) == 1 and limited.hint == (
        "1 more new item: run `kurilwatch news` again to see them."
    )
    assert len(news.since_last(store, 1, NOW).stories) == 1
    assert news.since_last(store, 1, NOW).empty


def test_digest_send_marks_what_the_server_accepted(tmp_path, store, mail_sink):
    stored(store, entry(1, "Iturup airport opens", "A terminal opened on Iturup."))
    path = config(tmp_path, email_config(mail_sink.port))
    cfg = load_config(path)
    options = {"since": None, "always": False, "now": lambda: NOW, "password": None}
    sent = digest.send(store, cfg.email, ["analyst@example.org"], **options)
    assert (
        sent is not None
        and sent.digest.count == 1
        and sent.waiting_mark is None
        and len(mail_sink.messages) == 1
    )
    assert digest.send(store, cfg.email, ["analyst@example.org"], **options) is None
    assert len(mail_sink.messages) == 1
    # Another list of recipients gets its own complete digest.
    assert digest.send(store, cfg.email, ["desk@example.org"], **options) is not None


def test_feed_rows_and_each_feeds_rules(tmp_path, store):
    stored(store, entry(1, "Iturup airport opens", "A terminal opened on Iturup."))
    cfg = load_config(config(tmp_path))
    rows = feed_rows(cfg, store)
    assert [(r["name"], r["items"], r["consecutive_failures"]) for r in rows] == [
        ("wire", 1, 0),
        ("all", 0, 0),
    ]
    match_for = matcher_for(cfg)
    assert not match_for("wire")("Tokyo weather").relevant
    assert match_for("all")("Tokyo weather").relevant  # include = ["*"]
    assert match_for("wire")("A ferry to Iturup").relevant
