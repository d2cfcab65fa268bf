"""Matcher quality on the labelled evaluation set in tests/data/relevance/.

The targets hold per language on the development set (every file but the held-back part) and
are asserted, separately, on the held-back part (heldback_*.jsonl: items written blind by
someone else after the rules were fixed). The first fifty-three blind parts (blind1_*.jsonl
to blind53_*.jsonl), the fifty-sixth to the sixty-third (blind56_*.jsonl to blind63_*.jsonl)
and the sixty-fifth to the sixty-eighth (blind65_*.jsonl to blind68_*.jsonl) the seventieth
to the seventy-second (blind70_*.jsonl to blind72_*.jsonl) the seventy-third and
seventy-fourth (blind73_*.jsonl, blind74_*.jsonl), the seventy-sixth to the seventy-eighth
(blind76_*.jsonl to blind78_*.jsonl) the eighty-third to the eighty-sixth (blind83_*.jsonl
to blind86_*.jsonl) the eighty-eighth (blind88_*.jsonl) the ninety-second, ninety-third and
ninety-fifth (blind92_*.jsonl, blind93_*.jsonl, blind95_*.jsonl) and the ninety-sixth to the
ninety-ninth (blind96_*.jsonl to blind99_*.jsonl) each found kinds of miss that were then
fixed: they are part of the development set now, so their figures are no longer blind ones.

The held-back part is seventeen blind parts, the sixty-fourth, the sixty-ninth, the
seventy-fifth, the seventy-ninth to the eighty-second, the eighty-seventh, the eighty-ninth
to the ninety-first, the ninety-fourth and the hundredth to the hundred-and-second (below)
and two written blind by separate helpers while the fifty-second and fifty-third parts'
kinds were fixed, 30 items per language each, measured once on the final rules (with the
topic veto) and each asserted on its own: the fifty-fourth (heldback_*.jsonl, ids hb55-*)
and the fifty-fifth (heldback_part55_*.jsonl, ids hb54-*). Both meet the targets in every
language. A third blind part, the fifty-sixth (ids hb57-*), written in the same hours and
measured once on the same rules, missed recall in English (two false negatives) and Russian
(one); its kinds were fixed and it joined the development set as blind56_*.jsonl. A fourth,
the fifty-seventh (ids hb58-*), written blind while the fifty-sixth was studied and measured
once on the rules that fixed it, missed precision in English and Japanese (one false
positive each); its kinds were fixed and it joined the development set as blind57_*.jsonl. A
fifth, the fifty-eighth (ids hb61-*), written blind while the fifty-seventh was studied and
measured once on the rules that fixed it, missed precision in English and Japanese and
recall in Japanese; its kinds were fixed and it joined the development set as
blind58_*.jsonl. A sixth, the fifty-ninth (ids hb59-*), written blind while the fifty-eighth
was studied and measured once on the rules that fixed it, met the targets in English and
Japanese and missed them in Russian (one false positive, one false negative); its kinds were
fixed and it joined the development set as blind59_*.jsonl. A seventh, the sixtieth (ids
hb65-*), written blind in a later session and measured once on the rules of the one before,
met the targets in English and Japanese and missed recall in Russian (one false negative);
its kind was fixed and it joined the development set as blind60_*.jsonl. The sixty-first to
the sixty-third (ids hb67-*, hb66-* and hb64-*), written blind in the same hour and measured
once on the rules that fixed the sixtieth, each missed the targets in one language or more;
their kinds were fixed and they joined the development set as blind61_*.jsonl to
blind63_*.jsonl. The sixty-fourth to the sixty-sixth (ids hb68-*, hb70-* and hb69-*),
written blind while those were studied and measured once on the rules that fixed them: the
sixty-fourth (heldback_part64_*.jsonl) met the targets in every language and stays in the
held-back part (the topic veto retrained with the sixty-seventh part missed one Russian
birthplace item there until the seventy-eighth part's birthplace kind was fixed); the
sixty-fifth and sixty-sixth met them in Japanese and Russian and missed recall in English;
their kinds were fixed and they joined the development set as blind65_*.jsonl and
blind66_*.jsonl. The sixty-seventh (ids hb73-*), written blind while those were studied and
measured once on the rules that fixed them, met the targets in Japanese and Russian and
missed precision in English (one false positive); its kind was fixed and it joined the
development set as blind67_*.jsonl. The sixty-eighth and sixty-ninth (ids hb72-* and
hb71-*), written blind while those were studied and measured once on the rules that fixed
them: the sixty-eighth met the targets in Japanese and missed them in English and Russian;
its kinds were fixed and it joined the development set as blind68_*.jsonl; the sixty-ninth
(heldback_part69_*.jsonl) meets them in every language and stays in the held-back part. The
seventieth to the seventy-second (ids hb76-*, hb75-* and hb74-*), written blind while those
were studied and measured once on the rules that fixed them, each missed recall in one
language (English, English, Russian); their kinds were fixed and they joined the development
set as blind70_*.jsonl to blind72_*.jsonl. The seventy-third to the seventy-fifth (ids
hb79-*, hb77-* and hb78-*), written blind while those were studied and measured once on the
rules that fixed them: the seventy-third missed the targets in every language and the
seventy-fourth in Japanese; their kinds were fixed and they joined the development set as
blind73_*.jsonl and blind74_*.jsonl; the seventy-fifth (heldback_part75_*.jsonl) meets them
in every language and stays in the held-back part. The seventy-sixth and seventy-seventh
(ids hb82-* and hb81-*), written blind while those were studied and measured once on the
rules that fixed them, missed recall in English and Russian and in Japanese; their kind was
fixed and they joined the development set as blind76_*.jsonl and blind77_*.jsonl. The
seventy-eighth (ids hb80-*), written blind while those were studied and measured once on the
rules that fixed them, met the targets in Russian and missed recall in English and Japanese;
its kinds were fixed and it joined the development set as blind78_*.jsonl (one of them, a
birthplace as a participle, «родившаяся на Итурупе», also mends the sixty-fourth part's
Russian item, which meets the targets again). The seventy-ninth to the eighty-first
(heldback_part79_*.jsonl to heldback_part81_*.jsonl, ids hb84-*, hb85-* and hb83-*), written
blind while that was studied and measured once on the final rules: the seventy-ninth and
eighty-first meet the targets in every language; the eightieth meets them in Russian and
missed them in English and Japanese, held by strict expected failures (the English one
removed when the eighty-sixth part's kind, a hotel named after the islands in
Yuzhno-Sakhalinsk, mended its English item). The eighty-second to the eighty-sixth (ids
hb88-*, hb89-*, hb87-*, hb90-* and hb91-*), written blind in the next session and measured
once on the rules of the moment (ad166c0; the eighty-sixth on 631f6af): the eighty-second
(heldback_part82_*.jsonl) meets the targets in every language and stays in the held-back
part; the others missed them in one or two languages, their kinds were fixed and they joined
the development set as blind83_*.jsonl to blind86_*.jsonl. The eighty-seventh
(heldback_part87_*.jsonl, ids hb86-*), written blind while those were studied and measured
once on 631f6af, meets the targets in every language and stays in the held-back part. The
eighty-eighth to the ninety-first (ids hb94-*, hb93-*, hb95-* and hb92-*), written blind
while the kinds of real published text were fixed and measured once on c632a1e: the
eighty-eighth missed recall in English and Russian, its kinds were fixed and it joined the
development set as blind88_*.jsonl; the eighty-ninth to the ninety-first
(heldback_part89_*.jsonl to heldback_part91_*.jsonl) meet the targets in every language and
stay in the held-back part. The ninety-second to the ninety-fifth (ids hb97-*, hb96-*,
hb98-* and hb99-*), written blind while those were studied and measured once on d0220cd: the
ninety-second, ninety-third and ninety-fifth missed recall in one or two languages, their
kinds were fixed and they joined the development set as blind92_*.jsonl, blind93_*.jsonl and
blind95_*.jsonl; the ninety-fourth (heldback_part94_*.jsonl) meets the targets in every
language and stays in the held-back part. The ninety-sixth to the ninety-ninth (ids hb100-*
to hb103-*), written blind while those were studied and measured once on the rules that
fixed them (9b8b61b): none met the targets in every language (pooled en 0.983/0.967, ja
0.967/0.967, ru 0.983/0.950); their kinds were fixed and they joined the development set as
blind96_*.jsonl to blind99_*.jsonl. The hundredth to the hundred-and-second
(heldback_part100_*.jsonl to heldback_part102_*.jsonl, ids hb105-*, hb106-* and hb104-*),
written blind while those were studied and measured once on the final rules (0de0bd3): the
hundred-and-first and hundred-and-second meet the targets in every language; the hundredth
meets them in English and Russian and misses precision in Japanese by one item (krill, クリル,
in an Antarctic fisheries story), held by a strict expected failure. With no held-back part
the test fails by design (it never skips), naming the file it wants. To put a new one in,
copy its three files to tests/data/relevance/heldback_en.jsonl, heldback_ja.jsonl and
heldback_ru.jsonl (ids unique across the set, both labels in each) and run this file. If it
misses a target, say so honestly: mark
test_precision_and_recall_meet_the_targets_on_the_held_back_part
`@pytest.mark.xfail(strict=True, reason=...)` with the figures measured, and write them in
the README; never move the items into the development set to make it pass.
"""

from __future__ import annotations

import statistics
from collections import Counter

import pytest

from conftest import DATA
from evaluation import Confusion, Labelled, evaluate, load_labelled
from kurilwatch.match import Matcher

ROWS = load_labelled(DATA / "relevance")
HELDBACK = [r for r in ROWS if r.heldback]
MATCHER = Matcher()
DEVELOPMENT = [r for r in ROWS if not r.heldback]
RESULTS = evaluate(MATCHER, DEVELOPMENT)
# The held-back part is blind parts each measured on its own: the fifty-fourth
# (heldback_{lang}.jsonl) and the others (heldback_partNN_{lang}.jsonl, in
# OTHER_HELD_BACK_PARTS below).
FIFTY_FOURTH_PART = [r for r in HELDBACK if not r.source.startswith("heldback_part")]
HELDBACK_RESULTS = evaluate(MATCHER, FIFTY_FOURTH_PART)
MIN_PRECISION = 0.98
MIN_RECALL = 0.99
LANGS = ["en", "ru", "ja"]


def test_the_set_is_big_balanced_and_hard():
    assert len(ROWS) >= 450
    assert len({r.id for r in ROWS}) == len(ROWS)
    by_lang = Counter(r.lang for r in ROWS)
    assert set(by_lang) == set(LANGS)
    assert min(by_lang.values()) >= 150
    assert max(by_lang.values()) - min(by_lang.values()) <= 10
    for lang in by_lang:
        # The balance is the project's to keep; a blind part's mix is its writer's (the
        # held-back part must still hold both kinds).
        rows = [r for r in ROWS if r.lang == lang and not r.heldback]
        positives = [r for r in rows if r.label]
        negatives = [r for r in rows if not r.label]
        hard = [r for r in negatives if r.kind != "unrelated"]
        assert abs(len(positives) - len(negatives)) <= 2, lang
        assert len(hard) >= len(negatives) / 2, lang
        heldback = {r.label for r in HELDBACK if r.lang == lang}
        assert heldback in (set(), {True, False}), lang


def test_the_set_holds_full_articles_about_the_islands_and_mentioning_them_in_passing():
    articles = [r for r in ROWS if r.full_length]
    assert len(articles) >= 60
    for lang in LANGS:
        mine = [r for r in articles if r.lang == lang]
        assert sum(r.label for r in mine) >= 8, lang  # centrally about the islands
        passing = [r for r in mine if not r.label and "passing" in r.kind]
        assert len(passing) >= 4, lang  # naming them once in a story about something else
        assert statistics.median(len(r.body) for r in mine) >= (280 if lang == "ja" else 900)


def _assert_targets(c: Confusion, report: str) -> None:
    print(report)
    assert c.precision >= MIN_PRECISION, report
    assert c.recall >= MIN_RECALL, report


def _report(lang: str, c: Confusion, part: str) -> str:
    misses = "\n".join(
        f"  {kind} {r.id} [{r.kind}] {r.title}"
        for kind, rows in (("FP", c.false_positives), ("FN", c.false_negatives))
        for r in rows
    )
    return (
        f"{part} {lang}: tp={c.tp} fp={c.fp} tn={c.tn} fn={c.fn} "
        f"precision={c.precision:.3f} recall={c.recall:.3f}\n{misses}"
    )


@pytest.mark.parametrize("lang", LANGS)
def test_precision_and_recall_meet_the_targets(lang):
    c = RESULTS[lang]
    report = _report(lang, c, "development set")
    _assert_targets(c, report)


FIFTY_FOURTH_PART_FIGURES = {
    "en": "en 1.000 / 1.000 (0 misses of 30; the rules alone 0.938)",
    "ja": "ja 1.000 / 1.000 (0 misses of 30; the rules alone 0.938)",
    "ru": "ru 1.000 / 1.000 (0 misses of 30)",
}
FIFTY_FIFTH_PART_FIGURES = {
    "en": "en 1.000 / 1.000 (0 misses of 30)",
    "ja": "ja 1.000 / 1.000 (0 misses of 30)",
    "ru": "ru 1.000 / 1.000 (0 misses of 30)",
}


@pytest.mark.parametrize("lang", LANGS)
def test_precision_and_recall_meet_the_targets_on_the_held_back_part(lang):
    rows: list[Labelled] = [r for r in FIFTY_FOURTH_PART if r.lang == lang]
    # The held-back figure is the one that matters: without its items this fails, never
    # skips (the next blind part, written after the fix, goes in heldback_*.jsonl).
    assert rows, f"no held-back items in tests/data/relevance/heldback_{lang}.jsonl"
    assert len(rows) == 30 and {r.label for r in rows} == {True, False}, lang
    c = HELDBACK_RESULTS[lang]
    report = _report(lang, c, "held-back part")
    _assert_targets(c, report + f" (when added: {FIFTY_FOURTH_PART_FIGURES[lang]})")


SIXTY_FOURTH_PART_FIGURES = {
    "en": "en 1.000 / 1.000 (0 misses of 30)",
    "ja": "ja 1.000 / 1.000 (0 misses of 30; the rules alone 0.938)",
    "ru": "ru 1.000 / 1.000 (0 misses of 30; the rules alone 0.882); 0.938 / 1.000 from the "
    "sixty-seventh part's retraining to the seventy-eighth part's birthplace fix",
}
SIXTY_NINTH_PART_FIGURES = {
    "en": "en 1.000 / 1.000 (0 misses of 30)",
    "ja": "ja 1.000 / 1.000 (0 misses of 30)",
    "ru": "ru 1.000 / 1.000 (0 misses of 30)",
}
SEVENTY_FIFTH_PART_FIGURES = {
    "en": "en 1.000 / 1.000 (0 misses of 30; the rules alone 0.882)",
    "ja": "ja 1.000 / 1.000 (0 misses of 30)",
    "ru": "ru 1.000 / 1.000 (0 misses of 30)",
}
SEVENTY_NINTH_PART_FIGURES = {
    "en": "en 1.000 / 1.000 (0 misses of 30)",
    "ja": "ja 1.000 / 1.000 (0 misses of 30; the rules alone 0.938)",
    "ru": "ru 1.000 / 1.000 (0 misses of 30)",
}
EIGHTIETH_PART_FIGURES = {
    "en": "en 0.938 / 1.000 (1 FP of 30); 1.000 / 1.000 since the eighty-sixth part's hotel "
    "names ('Hotel Kurilsky in Yuzhno-Sakhalinsk')",
    "ja": "ja 1.000 / 0.933 (1 FN of 30)",
    "ru": "ru 1.000 / 1.000 (0 misses of 30; the rules alone 0.938)",
}
EIGHTY_FIRST_PART_FIGURES = {
    "en": "en 1.000 / 1.000 (0 misses of 30)",
    "ja": "ja 1.000 / 1.000 (0 misses of 30)",
    "ru": "ru 1.000 / 1.000 (0 misses of 30)",
}
EIGHTY_SECOND_PART_FIGURES = {
    "en": "en 1.000 / 1.000 (0 misses of 30; the rules alone 0.882)",
    "ja": "ja 1.000 / 1.000 (0 misses of 30; the rules alone 0.938)",
    "ru": "ru 1.000 / 1.000 (0 misses of 30; the rules alone 0.938)",
}
EIGHTY_SEVENTH_PART_FIGURES = {
    "en": "en 1.000 / 1.000 (0 misses of 30; the rules alone 0.938)",
    "ja": "ja 1.000 / 1.000 (0 misses of 30; the rules alone 0.938)",
    "ru": "ru 1.000 / 1.000 (0 misses of 30)",
}
EIGHTY_NINTH_PART_FIGURES = {
    "en": "en 1.000 / 1.000 (0 misses of 30)",
    "ja": "ja 1.000 / 1.000 (0 misses of 30)",
    "ru": "ru 1.000 / 1.000 (0 misses of 30)",
}
NINETIETH_PART_FIGURES = {
    "en": "en 1.000 / 1.000 (0 misses of 30)",
    "ja": "ja 1.000 / 1.000 (0 misses of 30; the rules alone 0.882)",
    "ru": "ru 1.000 / 1.000 (0 misses of 30)",
}
NINETY_FIRST_PART_FIGURES = {
    "en": "en 1.000 / 1.000 (0 misses of 30; the rules alone 0.938)",
    "ja": "ja 1.000 / 1.000 (0 misses of 30)",
    "ru": "ru 1.000 / 1.000 (0 misses of 30; the rules alone 0.938)",
}
NINETY_FOURTH_PART_FIGURES = {
    "en": "en 1.000 / 1.000 (0 misses of 30; the rules alone 0.938)",
    "ja": "ja 1.000 / 1.000 (0 misses of 30; the rules alone 0.938)",
    "ru": "ru 1.000 / 1.000 (0 misses of 30)",
}
HUNDREDTH_PART_FIGURES = {
    "en": "en 1.000 / 1.000 (0 misses of 30; the rules alone 0.938)",
    "ja": "ja 0.938 / 1.000 (1 FP of 30)",
    "ru": "ru 1.000 / 1.000 (0 misses of 30)",
}
HUNDRED_AND_FIRST_PART_FIGURES = {
    "en": "en 1.000 / 1.000 (0 misses of 30)",
    "ja": "ja 1.000 / 1.000 (0 misses of 30; the rules alone 0.938)",
    "ru": "ru 1.000 / 1.000 (0 misses of 30; the rules alone 0.938)",
}
HUNDRED_AND_SECOND_PART_FIGURES = {
    "en": "en 1.000 / 1.000 (0 misses of 30)",
    "ja": "ja 1.000 / 1.000 (0 misses of 30)",
    "ru": "ru 1.000 / 1.000 (0 misses of 30)",
}
# The held-back part's other blind parts, each asserted on its own: its files' prefix and
# its figures when it was added.
OTHER_HELD_BACK_PARTS = {
    "fifty-fifth": ("heldback_part55_", FIFTY_FIFTH_PART_FIGURES),
    "sixty-fourth": ("heldback_part64_", SIXTY_FOURTH_PART_FIGURES),
    "sixty-ninth": ("heldback_part69_", SIXTY_NINTH_PART_FIGURES),
    "seventy-fifth": ("heldback_part75_", SEVENTY_FIFTH_PART_FIGURES),
    "seventy-ninth": ("heldback_part79_", SEVENTY_NINTH_PART_FIGURES),
    "eightieth": ("heldback_part80_", EIGHTIETH_PART_FIGURES),
    "eighty-first": ("heldback_part81_", EIGHTY_FIRST_PART_FIGURES),
    "eighty-second": ("heldback_part82_", EIGHTY_SECOND_PART_FIGURES),
    "eighty-seventh": ("heldback_part87_", EIGHTY_SEVENTH_PART_FIGURES),
    "eighty-ninth": ("heldback_part89_", EIGHTY_NINTH_PART_FIGURES),
    "ninetieth": ("heldback_part90_", NINETIETH_PART_FIGURES),
    "ninety-first": ("heldback_part91_", NINETY_FIRST_PART_FIGURES),
    "ninety-fourth": ("heldback_part94_", NINETY_FOURTH_PART_FIGURES),
    "hundredth": ("heldback_part100_", HUNDREDTH_PART_FIGURES),
    "hundred-and-first": ("heldback_part101_", HUNDRED_AND_FIRST_PART_FIGURES),
    "hundred-and-second": ("heldback_part102_", HUNDRED_AND_SECOND_PART_FIGURES),
}


def _missed(part: str, where: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(
        strict=True,
        reason=f"the {part} blind part, measured once on the rules that had not seen it, is "
        f"below precision 0.98 / recall 0.99 {where} (README: 'What counts as Kuril news'); "
        "held, not tuned to",
    )


@pytest.mark.parametrize(
    ("part", "lang"),
    [
        *(("fifty-fifth", lang) for lang in LANGS),
        *(("sixty-fourth", lang) for lang in LANGS),
        *(("sixty-ninth", lang) for lang in LANGS),
        *(("seventy-fifth", lang) for lang in LANGS),
        *(("seventy-ninth", lang) for lang in LANGS),
        ("eightieth", "en"),
        pytest.param("eightieth", "ja", marks=_missed("eightieth", "in Japanese")),
        ("eightieth", "ru"),
        *(("eighty-first", lang) for lang in LANGS),
        *(("eighty-second", lang) for lang in LANGS),
        *(("eighty-seventh", lang) for lang in LANGS),
        *(("eighty-ninth", lang) for lang in LANGS),
        *(("ninetieth", lang) for lang in LANGS),
        *(("ninety-first", lang) for lang in LANGS),
        *(("ninety-fourth", lang) for lang in LANGS),
        ("hundredth", "en"),
        pytest.param("hundredth", "ja", marks=_missed("hundredth", "in Japanese")),
        ("hundredth", "ru"),
        *(("hundred-and-first", lang) for lang in LANGS),
        *(("hundred-and-second", lang) for lang in LANGS),
    ],
)
def test_precision_and_recall_meet_the_targets_on_the_other_held_back_parts(part, lang):
    prefix, figures = OTHER_HELD_BACK_PARTS[part]
    rows = [r for r in HELDBACK if r.source.startswith(prefix) and r.lang == lang]
    assert len(rows) == 30 and {r.label for r in rows} == {True, False}, lang
    c = evaluate(MATCHER, rows)[lang]
    report = _report(lang, c, f"{part} blind part")
    _assert_targets(c, report + f" (when added: {figures[lang]})")


@pytest.mark.parametrize(
    ("part", "per_language"),
    [
        ("blind1_", 25),
        ("blind2_", 25),
        ("blind3_", 45),
        ("blind4_", 45),
        ("blind5_", 45),
        ("blind6_", 45),
        ("blind7_", 30),
        ("blind8_", 30),
        ("blind9_", 30),
        ("blind10_", 30),
        ("blind11_", 30),
        ("blind12_", 30),
        ("blind13_", 30),
        ("blind14_", 30),
        ("blind15_", 30),
        ("blind16_", 30),
        ("blind17_", 30),
        ("blind18_", 30),
        ("blind19_", 30),
        ("blind20_", 30),
        ("blind21_", 30),
        ("blind22_", 30),
        ("blind23_", 30),
        ("blind24_", 30),
        ("blind25_", 30),
        ("blind26_", 30),
        ("blind27_", 30),
        ("blind28_", 30),
        ("blind29_", 30),
        ("blind30_", 30),
        ("blind31_", 30),
        ("blind32_", 30),
        ("blind33_", 30),
        ("blind34_", 30),
        ("blind35_", 30),
        ("blind36_", 30),
        ("blind37_", 30),
        ("blind38_", 30),
        ("blind39_", 30),
        ("blind40_", 30),
        ("blind41_", 30),
        ("blind42_", 30),
        ("blind43_", 30),
        ("blind44_", 30),
        ("blind45_", 30),
        ("blind46_", 30),
        ("blind47_", 30),
        ("blind48_", 30),
        ("blind49_", 30),
        ("blind50_", 30),
        ("blind51_", 30),
        ("blind52_", 30),
        ("blind53_", 30),
        ("blind56_", 30),
        ("blind57_", 30),
        ("blind58_", 30),
        ("blind59_", 30),
        ("blind60_", 30),
        ("blind61_", 30),
        ("blind62_", 30),
        ("blind63_", 30),
        ("blind65_", 30),
        ("blind66_", 30),
        ("blind67_", 30),
        ("blind68_", 30),
        ("blind70_", 30),
        ("blind71_", 30),
        ("blind72_", 30),
        ("blind73_", 30),
        ("blind74_", 30),
        ("blind76_", 30),
        ("blind77_", 30),
        ("blind78_", 30),
        ("blind83_", 30),
        ("blind84_", 30),
        ("blind85_", 30),
        ("blind86_", 30),
        ("blind88_", 30),
        ("blind92_", 30),
        ("blind93_", 30),
        ("blind95_", 30),
        ("blind96_", 30),
        ("blind97_", 30),
        ("blind98_", 30),
        ("blind99_", 30),
    ],
)
def test_the_seen_blind_parts_count_in_the_whole_set_not_in_the_held_back_part(part, per_language):
    blind = [r for r in ROWS if r.source.startswith(part)]
    assert Counter(r.lang for r in blind) == dict.fromkeys(LANGS, per_language)
    assert not any(r.heldback for r in blind)


def test_held_back_files_are_read_and_reported_apart(tmp_path):
    """A heldback_*.jsonl file dropped into the folder joins the set and is marked."""
    line = (
        '{"id": "hb-1", "lang": "en", "label": true, "kind": "military", '
        '"title": "Drills on Iturup", "body": "Troops drilled on Iturup.", "note": ""}\n'
    )
    (tmp_path / "en.jsonl").write_text(line.replace("hb-1", "en-1"), encoding="utf-8")
    (tmp_path / "heldback_en.jsonl").write_text(line, encoding="utf-8")
    rows = load_labelled(tmp_path)
    assert [(r.id, r.heldback) for r in rows] == [("en-1", False), ("hb-1", True)]
