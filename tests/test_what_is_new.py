"""What `news` and the digest call new: changed facts, datelines, updates, republications."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape

import pytest

from conftest import Route, email_config, write_config
from kurilwatch.cli import app
from kurilwatch.developments import facts_agree, strip_datelines


def feed(*items: tuple[str, str, str, int]) -> bytes:
    """An RSS feed of (guid, title, text, hours ago) items; a URL per GUID."""
    now = datetime.now(UTC)
    body = "".join(
        f"<item><title>{escape(title)}</title><link>https://kw.example/{guid}</link>"
        f"<guid>{guid}</guid><pubDate>{format_datetime(now - timedelta(hours=hours), True)}"
        f"</pubDate><description>{escape(text)}</description></item>"
        for guid, title, text, hours in items
    )
    return f'<rss version="2.0"><channel><title>t</title>{body}</channel></rss>'.encode()


@pytest.fixture
def serve(runner, env, feed_server, mail_sink):
    """serve(*items): the feed `t` now carries these items, and is fetched."""
    feed_server.routes["/t"] = Route(body=feed())
    write_config(env["config"], {"t": feed_server.url("/t")}, email_config(mail_sink.port))

    def publish(*items: tuple[str, str, str, int]) -> None:
        feed_server.routes["/t"] = Route(body=feed(*items))
        result = runner.invoke(app, ["fetch"])
        assert result.exit_code == 0, result.output

    return publish


def news_json(runner, *args: str) -> list[dict]:
    result = runner.invoke(app, ["news", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# --- a changed number, date, name or negation is news (issue 18, item 5) -----------------

BACKGROUND = (
    "Russia and Japan have been negotiating a peace treaty since the middle of the 20th "
    "century, and the status of the southern Kuril Islands is the main obstacle."
)
CHANGED_FACTS = {
    "magnitude": (
        "A magnitude 5.1 earthquake struck off Iturup on Monday, the Sakhalin branch of the "
        "emergencies ministry said.",
        "A magnitude 6.8 earthquake struck off Iturup on Monday, the Sakhalin branch of the "
        "emergencies ministry said.",
    ),
    "distance": (
        "The Japanese schooner was detained 12 km off the coast of Kunashir by Russian border "
        "guards, the agency said.",
        "The Japanese schooner was detained 40 km off the coast of Kunashir by Russian border "
        "guards, the agency said.",
    ),
    "casualties": (
        "Three people were injured when the storm hit the port of Yuzhno-Kurilsk on the island "
        "of Kunashir, officials said.",
        "Five people were injured when the storm hit the port of Yuzhno-Kurilsk on the island "
        "of Kunashir, officials said.",
    ),
    "date": (
        "The working group on joint economic activity on the southern Kurils will meet in Tokyo "
        "on June 2, the ministry said.",
        "The working group on joint economic activity on the southern Kurils will meet in Tokyo "
        "on June 9, the ministry said.",
    ),
    "date, Russian month": (
        "Консультации по совместной хозяйственной деятельности на Южных Курилах пройдут в Токио "
        "2 июня, сообщили в МИД России.",
        "Консультации по совместной хозяйственной деятельности на Южных Курилах пройдут в Токио "
        "2 июля, сообщили в МИД России.",
    ),
    "name": (
        "Foreign Minister Kishida said the talks on joint economic activity on the southern "
        "Kurils would resume next month.",
        "Foreign Minister Ishiba said the talks on joint economic activity on the southern "
        "Kurils would resume next month.",
    ),
    "negation": (
        "Japan will take part in the talks on joint economic activity on the southern Kuril "
        "Islands next month, the ministry said.",
        "Japan will not take part in the talks on joint economic activity on the southern Kuril "
        "Islands next month, the ministry said.",
    ),
    "negation, Russian": (
        "Российская делегация примет участие в консультациях по совместной хозяйственной "
        "деятельности на Южных Курилах, сообщили в МИД.",
        "Российская делегация не примет участие в консультациях по совместной хозяйственной "
        "деятельности на Южных Курилах, сообщили в МИД.",
    ),
    "negation, Japanese ない": (
        "元島民らによる北方領土への墓参は今年も実施される見通しだと、根室市の担当者が明らかにした。",
        "元島民らによる北方領土への墓参は今年も実施されない見通しだと、根室市の担当者が明らかにした。",
    ),
    "negation, Japanese ません": (
        "北方領土へのビザなし交流の訪問団は、今年は国後島と択捉島を訪れる予定です。",
        "北方領土へのビザなし交流の訪問団は、今年は国後島と択捉島を訪れる予定はありません。",
    ),
    "negation, Japanese ず": (
        "北方四島との交流事業について、政府は今年度も予定通り実施し、国後島に訪問団を送った。",
        "北方四島との交流事業について、政府は今年度も予定通り実施せず、国後島に訪問団を送った。",
    ),
}


@pytest.mark.parametrize("kind", CHANGED_FACTS)
def test_a_sentence_whose_facts_changed_is_news(runner, serve, kind):
    first, second = CHANGED_FACTS[kind]
    serve(("a", "Report on the Kuril Islands", f"{first}\n{BACKGROUND}", 5))
    serve(
        ("a", "Report on the Kuril Islands", f"{first}\n{BACKGROUND}", 5),
        ("b", "New report on the Kuril Islands", f"{second}\n{BACKGROUND}", 1),
    )
    later = next(i for i in news_json(runner, "--since", "1d") if i["title"].startswith("New"))
    assert later["new"] == [second]
    assert later["background"] == [BACKGROUND]  # the unchanged one still is background
    digest = runner.invoke(app, ["digest"])
    assert digest.exit_code == 0 and second in digest.stdout


def test_facts_agree_on_rewording_and_not_on_changed_facts():
    """The rule on its own: the reworded background of the wire fixtures still agrees."""
    for first, second in CHANGED_FACTS.values():
        assert not facts_agree(first, second) and not facts_agree(second, first)
        assert facts_agree(first, first)
    reworded = [
        (
            "Since the middle of the 20th century, Russia and Japan have been negotiating.",
            "Russia and Japan have been negotiating since the middle of the 20th century.",
        ),
        ("A peace treaty has yet to be signed.", "A peace treaty has still not been signed."),
        ("The sides agreed in December 2016.", "The two sides agreed in December 2016."),
        ("It won't happen, Tokyo said.", "It will not happen, Tokyo said."),
        ("参加者は5,000人で、解決していない。", "参加者は５０００人で、解決していません。"),
        # «не раз», "not only": a negation's word that negates nothing.
        (
            "В Москве не раз заявляли, что вопрос суверенитета закрыт.",
            "В Москве неоднократно заявляли, что вопрос суверенитета закрыт.",
        ),
        (
            "Tokyo not only protested but summoned the envoy.",
            "Tokyo protested and summoned the envoy.",
        ),
    ]
    for first, second in reworded:
        assert facts_agree(first, second), (first, second)


# --- datelines wherever they stand (item 12) ------------------------------------------------

DATELINES = [
    "TOKYO, June 2. /TASS/.",
    "МОСКВА, 2 июня. /ТАСС/.",
    "YUZHNO-SAKHALINSK, Dec. 3, 2026 /TASS/.",
    "TOKYO, June 2 (Kyodo) --",
    "TOKYO (Jiji Press) --",
    "MOSCOW. June 2 (Interfax) -",
    "Москва. 2 июня. INTERFAX.RU -",
    "МОСКВА, 2 июн — РИА Новости.",
    "MOSCOW, June 2 (RIA Novosti) -",
    "(Xinhua) --",
    "【ワシントン共同】",
]


@pytest.mark.parametrize("dateline", DATELINES)
def test_datelines_are_cut_wherever_they_stand(runner, serve, dateline):
    lead = "Russian border guards detained a Japanese schooner near Kunashir on Tuesday."
    rest = "The crew of five was taken to Yuzhno-Kurilsk."
    # At the start, after the lead, and at a paragraph's start.
    text = f"{dateline} {lead} {dateline} {rest}\n{dateline} The schooner is held at Kunashir."
    serve(("d", "Schooner detained near Kunashir", text, 1))
    (item,) = news_json(runner, "--since", "1d")
    assert item["new"] == [lead, rest, "The schooner is held at Kunashir."]


def test_text_that_looks_like_a_dateline_stays():
    text = "Speeds of 20 km/h were / are fine. Jiji Press reported (Jiji) on the talks in Tokyo."
    assert strip_datelines(text) == text


# --- updates reach news and the digest (item 6) ---------------------------------------------

LEAD = "Russian border guards detained a Japanese fishing boat near Kunashir on Tuesday."
CREW = "The boat had left Rausu port with five crew members to catch octopus."
FINE = "The captain faces a fine of up to 5 million rubles."
BOAT = "Japanese boat detained near Kunashir"


def test_news_shows_an_update_of_an_item_it_showed(runner, serve):
    serve(("boat", BOAT, f"{LEAD} {CREW}", 2))
    assert [i["title"] for i in news_json(runner)] == [BOAT]
    serve(("boat", BOAT, f"{LEAD} {CREW} {FINE}", 2))
    (update,) = news_json(runner)
    assert update["kind"] == "update" and update["title"] == BOAT
    assert (update["revision_from"], update["revision"]) == (1, 2)
    assert update["added"] == [FINE] and update["removed"] == []
    assert runner.invoke(app, ["news"]).output == "Nothing new.\n"
    # A changed sentence: what it became is added, what it said is removed (briefly).
    serve(("boat", BOAT, f"{LEAD} {CREW.replace('five', 'seven')} {FINE}", 2))
    shown = runner.invoke(app, ["news", "--format", "plain"]).stdout
    assert f"{BOAT} [updated]" in shown
    assert "revision 2 → 3" in shown
    assert f"  + {CREW.replace('five', 'seven')}" in shown
    assert f"  − removed: {CREW}" in shown
    assert LEAD not in shown  # what did not change is not repeated


def test_the_digest_sends_an_update_of_an_item_it_sent(runner, serve, mail_sink):
    serve(("boat", BOAT, f"{LEAD} {CREW}", 2))
    assert runner.invoke(app, ["digest", "--email"]).exit_code == 0
    serve(("boat", BOAT, f"{LEAD} {CREW} {FINE}", 2))
    printed = runner.invoke(app, ["digest"])  # the dry run shows it too
    assert printed.exit_code == 0 and f"  + {FINE}" in printed.stdout
    assert runner.invoke(app, ["digest", "--email"]).exit_code == 0
    message = mail_sink.parsed()[1]
    assert message["Subject"] == "kurilwatch: 1 update on the Kuril Islands"
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert f"* Updated: {BOAT}" in text and f"  + {FINE}" in text
    assert "revision 1 → 2" in text and LEAD not in text
    html = message.get_body(preferencelist=("html",)).get_content()
    assert f'<li>Added: <span lang="en">{FINE}</span></li>' in html
    assert runner.invoke(app, ["digest", "--email"]).exit_code == 3  # sent once
    assert len(mail_sink.messages) == 2


def test_an_update_is_a_change_of_the_copy_shown(runner, serve, feed_server, env, mail_sink):
    """An agency's full text and an aggregator's teaser of one article: only the agency's
    changes are updates of what the digest showed."""
    teaser = "<rss version='2.0'><channel><title>g</title><item><title>{}</title>"
    teaser += "<link>https://kw.example/boat</link><guid>g-1</guid>"
    teaser += "<description>{}</description></item></channel></rss>"
    feed_server.routes["/g"] = Route(body=teaser.format(BOAT, LEAD).encode())
    feeds = {"t": feed_server.url("/t"), "g": feed_server.url("/g")}
    write_config(env["config"], feeds, email_config(mail_sink.port))
    serve(("boat", BOAT, f"{LEAD} {CREW}", 2))
    assert runner.invoke(app, ["digest", "--email"]).exit_code == 0
    feed_server.routes["/g"] = Route(body=teaser.format(BOAT, f"{LEAD} {FINE}"[:90]).encode())
    runner.invoke(app, ["fetch"])
    assert runner.invoke(app, ["digest", "--email"]).exit_code == 3  # the teaser is not shown
    serve(("boat", BOAT, f"{LEAD} {CREW} {FINE}", 2))
    assert runner.invoke(app, ["digest", "--email"]).exit_code == 0
    text = mail_sink.parsed()[1].get_body(preferencelist=("plain",)).get_content()
    assert f"  + {FINE}" in text.splitlines() and "removed" not in text


def test_a_wording_change_is_not_an_update(runner, serve, mail_sink):
    serve(("boat", BOAT, f"{LEAD} {CREW}", 2))
    runner.invoke(app, ["news"])
    assert runner.invoke(app, ["digest", "--email"]).exit_code == 0
    serve(("boat", BOAT, f"{LEAD} {CREW.replace('to catch', 'in order to catch')}", 2))
    assert runner.invoke(app, ["news"]).output == "Nothing new.\n"
    assert runner.invoke(app, ["digest", "--email"]).exit_code == 3
    assert len(mail_sink.messages) == 1


# --- republications (item 7) ----------------------------------------------------------------


def test_a_republished_story_is_one_line_linking_the_first_copy(runner, serve, mail_sink):
    story = ("boat", BOAT, f"{LEAD} {CREW}", 3)
    again = ("boat-again", BOAT, f"{LEAD} {CREW}", 1)  # a new GUID and URL, the same story
    serve(story, again)
    items = news_json(runner)
    assert [(i["kind"], i["title"]) for i in items] == [("new", BOAT), ("republication", BOAT)]
    first_id = items[0]["id"]
    assert items[1]["republication_of"] == first_id
    shown = runner.invoke(app, ["news", "--since", "1d", "--format", "plain"]).stdout
    assert shown.count(LEAD) == 1
    assert f"Republished: {BOAT} · t · #{items[1]['id']} — nothing new since #{first_id} " in shown
    assert "https://kw.example/boat\n" in shown
    assert runner.invoke(app, ["digest", "--email"]).exit_code == 0
    message = mail_sink.parsed()[0]
    assert message["Subject"] == "kurilwatch: 1 new item on the Kuril Islands"
    text = message.get_body(preferencelist=("plain",)).get_content()
    words = " ".join(text.split())  # the text part is wrapped at 72 columns
    assert words.count(LEAD) == 1
    assert f"{BOAT} (t), first copy: https://kw.example/boat" in words
    assert "  https://kw.example/boat" in text.splitlines()  # a link is never broken
    assert runner.invoke(app, ["digest", "--email"]).exit_code == 3  # both were marked sent


def test_a_teaser_repeating_a_lead_already_seen_is_a_republication(runner, serve):
    serve(("boat", BOAT, f"{LEAD} {CREW}", 3), ("teaser", "Boat held at Kunashir", LEAD, 1))
    items = news_json(runner)
    assert [(i["kind"], i["title"]) for i in items] == [
        ("new", BOAT),
        ("republication", "Boat held at Kunashir"),
    ]


def test_a_republication_alone_sends_no_digest(runner, serve, mail_sink):
    serve(("boat", BOAT, f"{LEAD} {CREW}", 3))
    assert runner.invoke(app, ["digest", "--email"]).exit_code == 0
    serve(("boat", BOAT, f"{LEAD} {CREW}", 3), ("boat-again", BOAT, f"{LEAD} {CREW}", 1))
    assert runner.invoke(app, ["digest", "--email"]).exit_code == 3
    assert len(mail_sink.messages) == 1


# --- peeking does not consume (item 8) ------------------------------------------------------


def test_a_look_at_a_window_leaves_the_plain_view_alone(runner, serve):
    serve(("boat", BOAT, f"{LEAD} {CREW}", 3))
    assert len(news_json(runner)) == 1
    serve(("boat", BOAT, f"{LEAD} {CREW}", 3), ("fine", "Fine for Kunashir boat", FINE, 0))
    assert [i["title"] for i in news_json(runner, "--since", "1h")] == ["Fine for Kunashir boat"]
    assert [i["title"] for i in news_json(runner)] == ["Fine for Kunashir boat"]
    assert runner.invoke(app, ["news"]).output == "Nothing new.\n"


# --- digest wording -------------------------------------------------------------------------


def test_digest_wording(runner, env, feed_server, mail_sink):
    """One more item 'will come'; Markdown dates unescaped; a grouped story's second item."""
    feeds = {
        "wire": feed_server.serve_file("/wire.xml", "developments_wire.rss"),
        "daily": feed_server.serve_file("/daily.xml", "developments_daily.rss"),
    }
    write_config(env["config"], feeds, email_config(mail_sink.port, "max_items = 4\n"))
    runner.invoke(app, ["fetch", "--feed", "wire"])
    runner.invoke(app, ["fetch", "--feed", "daily"])
    text = runner.invoke(app, ["digest"]).stdout
    assert text.rstrip().endswith("1 more item waiting: it will come in the next digest.")
    # The joint story shows its second item's title and source, not just its URL.
    assert (
        "  also: Japanese foreign minister says joint activity talks will resume (wire)" in text
        or "  also: Minister: talks with Russia on joint activity on four islands to resume (daily)"
        in text
    )
    markdown = runner.invoke(app, ["digest", "--format", "markdown"]).stdout
    assert "\\-" not in markdown
    assert any(line.startswith("*20") and " UTC · " in line for line in markdown.splitlines())
    assert "Also: **" in markdown
    html = runner.invoke(app, ["digest", "--format", "html"]).stdout
    assert '<p>Also: <strong lang="en"><a href="' in html


def test_markdown_still_escapes_what_markdown_would_read():
    from kurilwatch.digest import _md

    assert _md("2026-12-03 10:00 UTC, Yuzhno-Kurilsk") == "2026-12-03 10:00 UTC, Yuzhno-Kurilsk"
    assert _md("*bold* _it_ `code` [link](x) <b>") == (
        "\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\<b\\>"
    )
    assert _md("# not a heading") == "\\# not a heading"
    assert _md("- not a list") == "\\- not a list"
    assert _md("1. not a list") == "1\\. not a list"
    assert _md("AT&T &amp;") == "AT&T \\&amp;"


def test_updates_are_read_off_the_revised_items(env):
    from kurilwatch.storage.sent import UPDATES_SQL
    from kurilwatch.store import Store

    with Store(env["db"]) as store:
        plan = store.conn.execute(f"EXPLAIN QUERY PLAN {UPDATES_SQL}", ["a@x"]).fetchall()
    details = " ".join(row[-1] for row in plan)
    # The partial index of revised items leads, and each is looked up in `sent` by key: the
    # cost follows the number of updated items, not of everything ever sent.
    assert "idx_items_revised" in details and "SCAN sent" not in details, details


def test_what_was_sent_before_the_upgrade_counts_as_sent_at_its_revision(
    runner, serve, env, mail_sink
):
    from kurilwatch.store import Store

    serve(("boat", BOAT, f"{LEAD} {CREW}", 2))
    assert runner.invoke(app, ["digest", "--email"]).exit_code == 0
    serve(("boat", BOAT, f"{LEAD} {CREW} {FINE}", 2))
    with Store(env["db"]) as store:  # back to version 11, whose `sent` had no revision
        store.conn.execute("DROP INDEX idx_items_revised")
        store.conn.execute("ALTER TABLE sent DROP COLUMN revision")
        store.conn.execute("PRAGMA user_version = 11")
    # Migrated: the item counts as sent as it is now, so no old change is mailed at once.
    assert runner.invoke(app, ["digest", "--email"]).exit_code == 3
    serve(("boat", BOAT, f"{LEAD} {CREW} {FINE} The boat was released.", 2))
    assert runner.invoke(app, ["digest", "--email"]).exit_code == 0
    text = mail_sink.parsed()[1].get_body(preferencelist=("plain",)).get_content()
    assert "  + The boat was released." in text and FINE not in text
