"""Matcher quality and speed on the labelled set: `python bench/relevance.py`.

Prints precision, recall and the confusion per language, for the whole set and separately
for its held-back part (tests/data/relevance/heldback_*.jsonl, written by someone else after
the rules were fixed); every miss with the rule that fired (or the reason nothing did); and
items per second on headlines-with-leads and on full articles, next to the other stages a
fetch runs on the same entries (feedparser parsing them, turning article HTML into text,
splitting a kept item into sentences).
"""

from __future__ import annotations

import html
import sys
import time
from collections.abc import Callable
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent / "tests"
DATA = TESTS / "data" / "relevance"
sys.path.insert(0, str(TESTS))  # evaluation.py lives with the tests, which use it too

from evaluation import Confusion, Labelled, evaluate, load_labelled  # noqa: E402
from kurilwatch.developments import prepare  # noqa: E402
from kurilwatch.match import Matcher  # noqa: E402
from kurilwatch.parse import html_to_text, parse_feed  # noqa: E402

# Measured on each blind part with the rules as they were before it was read: once seen,
# a part joins the development set and its figures are no longer blind ones.
BLIND_PARTS = {
    "blind1_": (
        "first",
        "precision/recall en 1.000/1.000, ja 1.000/1.000, ru 0.846/1.000 (2 false positives)",
        "a name of the islands as a business's or a venue's name; a headline about another "
        "territorial dispute",
    ),
    "blind2_": (
        "second",
        "precision/recall en 0.786/1.000, ja 0.846/1.000, ru 0.917/1.000 (6 false positives)",
        "a name of the islands as a racehorse's or a street's name; Habomai the district of "
        "Nemuro in English; a passing mention in the lead of a story about something else",
    ),
    "blind3_": (
        "third",
        "precision/recall en 0.710/1.000, ja 0.917/1.000, ru 0.833/0.909 (15 false positives,"
        " 2 false negatives)",
        "the Kurils as a modifier naming a current, an animal, a plant or a breed; the idiom "
        "'from Kaliningrad to the Kurils'; a cyclone near the Kurils that hits Hokkaido; "
        "game characters named after warships; a native of an island town in a sports story; "
        "a Habomai-branded product; passing mentions in the lead; a foreign ministry's reply "
        "naming the islands only in the body; border guards detaining a Japanese schooner",
    ),
    "blind4_": (
        "fourth",
        "precision/recall en 0.955/0.955, ja 1.000/0.955, ru 0.957/1.000 (2 false positives,"
        " 2 false negatives)",
        "a surname that is the islands' name (a hockey player Kuril); an animal's name in "
        "apposition without quotation marks (жеребец Кунашир); kelp harvesting off the "
        "Habomai islets named only in the body",
    ),
    "blind5_": (
        "fifth",
        "precision/recall en 0.864/0.864, ja 1.000/0.955, ru 0.950/0.864 (4 false positives,"
        " 7 false negatives)",
        "a band's or a restaurant's name said by what it is or has ('Kuril, a 30-seat "
        "restaurant', 'the Kurils' second album'); a storm weakening near the Kurils, a "
        "cyclone from south of them; a boat detained under the safe-operation agreement and "
        "kelp at an islet 'Russia controls and Japan claims', no island named; a dateline "
        "taken for the lead's sentences or a list; a headline's unnamed islands named only "
        "late; joint economic activities; Matua beside Russia's defence ministry and RGO",
    ),
    "blind6_": (
        "sixth",
        "precision/recall en 0.857/0.818, ja 1.000/1.000, ru 0.870/0.909 (6 false positives,"
        " 6 false negatives)",
        "ships named after the islands in other seas' news ('Kuril Star', траулер «Курилы»); "
        "a restaurant called Habomai; the islands as one waypoint of a migration's route; a "
        "joke «Курилы не отдадим»; the verb «Курил» opening a sentence; an islet (Shibotsu) "
        "with the former islanders' league; a ferry's route naming the island towns only in "
        "the body; long features and columns naming the islands late",
    ),
    "blind7_": (
        "seventh",
        "precision/recall en 0.875/0.933, ja 0.882/1.000, ru 0.789/1.000 (8 false positives,"
        " 1 false negative)",
        "jokes and metaphors built on the dispute ('my inbox is my Kuril Islands', «Отдам "
        "Курилы за диплом»); a brand named after the islands' shore ('Kurilsky Bereg', "
        "«Курильский берег»); another dispute compared with the Kurils («Крым — не Курилы»); "
        "a birthplace in an obituary; a racehorse in a racing headline (クナシリ、重賞初制覇); "
        "the islands as a view from Hokkaido (峠から国後島望む); former residents' grave "
        "visit with no island named",
    ),
    "blind8_": (
        "eighth",
        "precision/recall en 0.938/1.000, ja 0.833/1.000, ru 0.875/0.933 (6 false positives,"
        " 1 false negative)",
        "a work titled with an island's name (an album 'Shikotan'); a start-up named after "
        "one («Шикотан Лабс»); the byword «скорее … Курилы получат» in another word order; "
        "北方領土 as a figure of speech (another country's 「フィンランドの北方領土」, a town's "
        "「わが町の北方領土」); a quiz show's wrong answer 択捉島; an eruption of an Iturup "
        "volcano named only by the volcano and Kurilsk; and, caught only by the topic veto, a "
        "quip 'will leave … when the Kurils come back' and a vodka's trademark «Курильская»",
    ),
    "blind9_": (
        "ninth",
        "precision/recall en 0.875/0.933, ja 0.833/1.000, ru 0.789/1.000 (9 false positives,"
        " 1 false negative)",
        "a hacking group's code name 'Shikotan'; a quiz's and an exam's question on the "
        "Kurils (a jackpot, ЕГЭ); a housing estate «Курилы»; a painting «Шикотан. Туман»; a "
        "bare town's figure of speech 「市の北方領土」 and «местные Курилы»; Nemuro's school "
        "歯舞小; a song 「国後の灯」; flights to Yasny, Iturup's airport, named alone",
    ),
    "blind10_": (
        "tenth",
        "precision/recall en 0.824/0.933, ja 1.000/1.000, ru 0.867/0.867 (5 false positives,"
        " 3 false negatives)",
        "a sedge first described from the Kurils, found elsewhere; Nemuro 'whose coastline "
        "faces the Russian-held islands'; another quarrel likened to the dispute ('aviation's "
        "Kuril Islands', «Не отдадим, как Курилы»); a zoo's cub named Итуруп; flights to "
        "Mendeleyevo, Kunashir's airport, named alone; Japanese fishing under the 1998 "
        "agreement, no island named",
    ),
    "blind11_": (
        "eleventh",
        "precision/recall en 1.000/1.000, ja 1.000/1.000, ru 0.929/0.867 (1 false positive,"
        " 2 false negatives)",
        "a cyclone «со стороны Курил» in a Primorye forecast's headline; the islands' "
        "garrison (the 18th machine-gun artillery division) named only by the unit and a "
        "settlement; a gold-mining auction «на острове Уруп»; and, caught only by the topic "
        "veto, a canned saury brand «Сайра курильская»",
    ),
    "blind12_": (
        "twelfth",
        "precision/recall en 1.000/1.000, ja 1.000/1.000, ru 0.938/1.000 (1 false positive)",
        "the peace-treaty talks as background on the state of relations in a story on sanctions",
    ),
    "blind13_": (
        "thirteenth",
        "precision/recall en 0.824/0.933, ja 0.938/1.000, ru 0.938/1.000 (5 false positives,"
        " 1 false negative)",
        "the dispute as background on the state of relations in gas-contract and lawsuit "
        "stories; the Pearl Harbor fleet sailing from the Kurils; a column likening merger "
        "talks to the islands while explaining the dispute; Iwo Jima's former islanders "
        "(元島民); a missile battalion on Matua beside the Pacific Fleet",
    ),
    "blind14_": (
        "fourteenth",
        "precision/recall en 0.882/1.000, ja 1.000/1.000, ru 0.938/1.000 (3 false positives)",
        "a 'Jeopardy!' clue naming both sides; 'the Parthenon marbles are Britain's Kuril "
        "Islands'; an airliner named «Южно-Курильск»; and, caught only by the topic veto, "
        "«Свои Курилы» for a neighbours' land quarrel",
    ),
    "blind15_": (
        "fifteenth",
        "precision/recall 1.000/1.000 in every language (no misses)",
        "",  # no miss: nothing was fixed for it
    ),
    "blind16_": (
        "sixteenth",
        "precision/recall 1.000/1.000 in every language (no misses)",
        "",  # no miss: nothing was fixed for it
    ),
    "blind17_": (
        "seventeenth",
        "precision/recall en 0.882/1.000, ja 0.882/1.000, ru 1.000/0.933 (4 false positives,"
        " 1 false negative)",
        "Hokkaido towns placed by 'the Russian-held islands' (the city closest to them, their "
        "mountains seen from the harbour); the state of relations with what froze them "
        "between (日ロ関係は平和条約交渉が中断するなど、冷え込んだ); the Iturup settlement Kitovy "
        "named alone; not fixed: salmon talks for Japan's own waters that name the islands' "
        "safe operation only to say it is another matter",
    ),
    "blind18_": (
        "eighteenth",
        "precision/recall en 0.933/0.933, ja 1.000/1.000, ru 0.933/0.933 (2 false positives,"
        " 2 false negatives)",
        "'our own Kuril Islands' of a local quarrel; «Мы же не Курилы отдаём»; Kaigara named "
        "as a reef; not fixed: the Kuril ferry going in for repairs, its island calls named "
        "once, late",
    ),
    "blind19_": (
        "nineteenth",
        "precision/recall en 0.938/1.000, ja 1.000/1.000, ru 0.938/1.000 (2 false positives)",
        "the war's end as background in a story on internees' remains; the Sakhalin region "
        "said to include the Kurils; and, caught only by the topic veto, a crab-imports "
        "story with the dispute in one background sentence",
    ),
    "blind20_": (
        "twentieth",
        "precision/recall en 0.938/1.000, ja 0.938/1.000, ru 0.938/1.000 (3 false positives)",
        "the peace-treaty talks frozen, as background in a story on sanctions; 「北方領土化」 "
        "for another conflict; not fixed: «Это наши Курилы» from residents fighting a park's "
        "development",
    ),
    "blind21_": (
        "twenty-first",
        "precision/recall en 1.000/0.867, ja 1.000/0.867, ru 1.000/1.000 (4 false negatives)",
        "クリール諸島, a long-vowel spelling; 'a Russian-controlled rock'; the island "
        "'east of Hokkaido' (北海道東方の島); not fixed: a long profile of a former islander "
        "whose islands come late",
    ),
    "blind22_": (
        "twenty-second",
        "precision/recall en 1.000/1.000, ja 1.000/1.000, ru 0.938/1.000 (1 false positive)",
        "«Свои Курилы» quoted for a dacha quarrel; and, caught only by the topic veto, a "
        "concert at the monument of a song whose lyrics name 国後 and a Nemuro hometown-tax "
        "story",
    ),
    "blind23_": (
        "twenty-third",
        "precision/recall en 1.000/0.933, ja 1.000/0.867, ru 0.938/1.000 (1 false positive,"
        " 3 false negatives)",
        "the Sakhalin region 'including the Kuril Islands' in a list of catches; the return "
        "campaign's own institutions (北方領土問題対策協会, 「四島のかけはし」); not fixed: a "
        "letter from a Shikotan islander whose island comes late",
    ),
    "blind24_": (
        "twenty-fourth",
        "precision/recall en 1.000/1.000, ja 1.000/1.000, ru 1.000/0.867 (2 false negatives)",
        "«Кунасири», the Japanese name in Cyrillic; the islands 'which Japan calls the "
        "northern territories'; and, caught only by the topic veto, a stadium row 'as frozen "
        "as the Kurils' and a 'Kurilsky Lager'",
    ),
    "blind25_": (
        "twenty-fifth",
        "precision/recall en 1.000/0.933, ja 1.000/1.000, ru 1.000/1.000 (1 false negative)",
        "not fixed: a tsunami in 'a Russian island town' (Severo-Kurilsk) in a story about a "
        "Kamchatka earthquake",
    ),
    "blind26_": (
        "twenty-sixth",
        "precision/recall en 0.938/1.000, ja 0.938/1.000, ru 0.882/1.000 (4 false positives)",
        "figures of speech in quotes: 'the \u2018Kuril Islands\u2019 of corporate governance', "
        "年金改革は「北方領土」か, a Kazan plot called «нашими Курилами»; the surname Курильский",
    ),
    "blind27_": (
        "twenty-seventh",
        "precision/recall en 0.929/0.867, ja 1.000/0.933, ru 0.933/0.933 (3 false positives, "
        "4 false negatives)",
        "sanctions stories with the unsigned peace treaty as background; Reidovo, a settlement "
        "named alone; the prime minister viewing the islands from Cape Nosappu; visa-free "
        "trips of the former residents 'to the islands'; and an observation tower 'facing the "
        "disputed islands' that the topic veto rejected, kept now only because the topic "
        "weights were retrained with it",
    ),
    "blind28_": (
        "twenty-eighth",
        "precision/recall en 1.000/1.000, ja 0.938/1.000, ru 0.938/1.000 (2 false positives)",
        "安全操業 as a fishing crew's safe working (a coast guard's course); a Takeshima story "
        "whose headline's dispute phrase is Dokdo's; and, caught only by the topic veto, "
        "シコタンハコベ, a plant first collected on Shikotan",
    ),
    "blind29_": (
        "twenty-ninth",
        "precision/recall en 0.882/1.000, ja 0.938/1.000, ru 1.000/1.000 (3 false positives)",
        '"Habomai Kombu Chips", a quoted product name; a trawler named in apposition (\'two '
        "trawlers, the Shikotan and …'); 「北方領土」 as a department store annex's nickname",
    ),
    "blind30_": (
        "thirtieth",
        "precision/recall en 0.938/1.000, ja 1.000/0.933, ru 1.000/0.933 (1 false positive, "
        "2 false negatives)",
        "'a Kuril Islands situation' of a football transfer; a sea memorial of former "
        "islanders out of Nemuro port naming no island; a base 'on the island of Simushir' "
        "named only in a short report's last sentence; and, caught only by the topic veto, "
        "«курильской» сайры, a fake label",
    ),
    "blind31_": (
        "thirty-first",
        "precision/recall en 0.933/0.933, ja 0.938/1.000, ru 1.000/1.000 (2 false positives, "
        "1 false negative)",
        "surges from a 2006 earthquake in the Kurils in a story about Crescent City; "
        "「永田町の北方領土」化; 'Kaigara, a rocky islet' and 'waters Russia controls'; and, "
        "caught only by the topic veto, a garden society СНТ «Курилы»",
    ),
    "blind32_": (
        "thirty-second",
        "precision/recall en 1.000/0.933, ja 1.000/1.000, ru 1.000/1.000 (1 false negative)",
        "former residents asking to 'visit family graves', no island named; and, caught only "
        "by the topic veto, a football banner «Курилы не отдадим — и Соколова тоже»",
    ),
    "blind33_": (
        "thirty-third",
        "precision/recall en 0.938/1.000, ja 1.000/1.000, ru 1.000/1.000 (1 false positive)",
        "a shareholder feud that 'became Osaka's \u2018Kuril Islands\u2019', 'the corporate "
        "world's Kuril Islands'",
    ),
    "blind34_": (
        "thirty-fourth",
        "precision/recall en 0.938/1.000, ja 1.000/1.000, ru 0.938/1.000 (2 false positives)",
        "Nemuro 'better known for its proximity to Russian-held islands' in a saury story; "
        "«У нас тут свои Курилы» with words before it in the quote; and, caught only by the "
        "topic veto, 'Kuril Seafood' and Kuril Seafood Inc.",
    ),
    "blind35_": (
        "thirty-fifth",
        "precision/recall en 1.000/1.000, ja 1.000/1.000, ru 1.000/1.000 (no miss; the rules "
        "alone 0.938 in Japanese and Russian)",
        "caught only by the topic veto: the escort ship 「択捉（えとろふ）」 with its reading "
        "in brackets, and canned fish «Курильские»",
    ),
    "blind36_": (
        "thirty-sixth",
        "precision/recall en 1.000/1.000, ja 0.938/1.000, ru 1.000/1.000 (1 false positive)",
        "salmon talks that name the islands' safe-operation talks as another framework; and, "
        "caught only by the topic veto, 'Shikotan, Brooklyn's newest izakaya' and an "
        "Ogasawara reversion ceremony recalling the former islanders",
    ),
    "blind37_": (
        "thirty-seventh",
        "precision/recall en 0.867/0.867, ja 1.000/1.000, ru 0.933/0.933 (3 false positives, "
        "3 false negatives)",
        "the 'Chishima (Kuril) Trench'; 'Physicist born in Severo-Kurilsk' in a headline; "
        "Golovnin's capture on Kunashir in 1811 in a story on his Ryazan estate; kelp in "
        "'Russian-controlled waters' off Kaigara; Matua beside 'the Kuril chain'; Moscow on "
        "'four islands' called Japan's 'inherent territory'; and, caught only by the topic "
        "veto, «хоть Курилы отдавай» and 北方領土を間近に望む根室市",
    ),
    "blind38_": (
        "thirty-eighth",
        "precision/recall en 0.789/1.000, ja 1.000/1.000, ru 0.938/1.000 (5 false positives)",
        "'The Northern Territories', a novel's title; a veteran's obituary naming the raids "
        "on Paramushir and Shumshu; Abe's 'failed bid to settle the dispute' in a story on "
        "his killer's trial; an asteroid 'named Kunashiri after the island'; a Volga island "
        "that locals 'call «нашими Курилами»'",
    ),
    "blind39_": (
        "thirty-ninth",
        "precision/recall en 1.000/0.933, ja 1.000/1.000, ru 1.000/1.000 (1 false negative)",
        "former residents unable to 'tend family graves', their island named once as a "
        "birthplace; and, caught only by the topic veto, 'the Japan and Kuril trenches' and a "
        "feud that 'has become its own \u2018Kuril Islands\u2019'",
    ),
    "blind40_": (
        "fortieth",
        "precision/recall en 1.000/1.000, ja 1.000/0.933, ru 0.938/1.000 (1 false positive, "
        "1 false negative)",
        "a sea memorial of former islanders off Cape Nosappu naming no island; a writer's "
        "obituary 'served on the Kurils' as a border guard; and, caught only by the topic "
        "veto, a trio's album 'Shikotan'",
    ),
    "blind41_": (
        "forty-first",
        "precision/recall en 1.000/1.000, ja 0.938/1.000, ru 0.933/0.933 (2 false positives, "
        "1 false negative)",
        "「まるで北方領土だ」 of a town boundary; «Это вам не Курилы»; Japan asking that former "
        "residents visit their relatives' graves; and, caught only by the topic veto, caviar "
        "'marked «Курилы»' and 'the minister for Okinawa, Northern Territories'",
    ),
    "blind42_": (
        "forty-second",
        "precision/recall en 1.000/1.000, ja 1.000/0.933, ru 1.000/1.000 (1 false negative)",
        "drills with Tokyo's 「わが国の立場と相いれない」, the islands named last in katakana; "
        "and, caught only by the topic veto, 'Habomai is a 24-seat counter' and "
        "「はぼまい花咲ガニまつり」",
    ),
    "blind43_": (
        "forty-third",
        "precision/recall en 1.000/1.000, ja 1.000/0.933, ru 1.000/1.000 (1 false negative)",
        "a former islander's daughter as storyteller, no island named: the Soviet landing "
        "and the islanders driven off 「故郷の島」",
    ),
    "blind44_": (
        "forty-fourth",
        "precision/recall en 1.000/1.000, ja 1.000/1.000, ru 1.000/1.000 (no miss; the rules "
        "alone 0.938 in Russian)",
        "caught only by the topic veto: «Он для нас как Курилы — не продаётся» of a footballer",
    ),
    "blind45_": (
        "forty-fifth",
        "precision/recall en 0.938/1.000, ja 1.000/1.000, ru 0.938/1.000 (2 false positives; "
        "the rules alone en 0.750)",
        "Hans Island's deal contrasted with 'the Russia-Japan row over the Kurils'; a "
        "Sakhalin-1 stake kept 'despite sanctions, the absence of a peace treaty and the "
        "dispute over the southern Kurils'; and, caught only by the topic veto, the Sakhalin "
        "region 'which administratively also covers the Kuril chain', 'a refrigerated cargo "
        "ship, the Kuril Star', 'Kuril, the new 40-cover place', eagles stopping over on the "
        "Kuril chain",
    ),
    "blind46_": (
        "forty-sixth",
        "precision/recall en 1.000/0.933, ja 1.000/1.000, ru 1.000/1.000 (1 false negative)",
        "a kelp harvest under a private deal with Russia, Kaigara named last as 'part of the "
        "territory Japan claims'; and, caught only by the topic veto, a merger's 'Kuril "
        "Islands' stalemate ('the Kuril Islands of Japanese M&A'), a band's album 'Northern "
        "Territories' echoed with its comma inside the quotes, tiger cubs named «Итуруп и "
        "Кунашир»",
    ),
    "blind47_": (
        "forty-seventh",
        "precision/recall en 1.000/1.000, ja 0.938/1.000, ru 1.000/1.000 (1 false positive)",
        "「安全操業できない」, squid boats unable to work safely on the Yamato Bank",
    ),
    "blind48_": (
        "forty-eighth",
        "precision/recall en 1.000/1.000, ja 0.882/1.000, ru 1.000/1.000 (2 false positives)",
        "a bear seen in 根室市歯舞, then 「同市歯舞」; squid boats on the Yamato Bank whose "
        "「安全操業が確保できず」; and, caught only by the topic veto, shearwaters flying "
        "'past Japan and along the Kuril chain into the Bering Sea'",
    ),
    "blind49_": (
        "forty-ninth",
        "precision/recall en 1.000/1.000, ja 1.000/1.000, ru 1.000/1.000",
        "none; caught only by the topic veto: rhenium's one mineral on an Iturup volcano in a "
        "metals market story, a coach's «не отдадим, как японцам Курилы» («ни очки, ни "
        "Курилы»), a snowstorm in Kamchatka from «циклон с Курил»",
    ),
    "blind50_": (
        "fiftieth",
        "precision/recall en 1.000/1.000, ja 1.000/1.000, ru 1.000/1.000",
        "none; caught only by the topic veto: 'Northern Territories', a game's expansion; "
        "«Курил в туалете…», a smoker's headline",
    ),
    "blind51_": (
        "fifty-first",
        "precision/recall en 1.000/0.933, ja 0.938/1.000, ru 0.938/1.000 (1 false negative, "
        "2 false positives)",
        "a kelp harvest in 'waters that Tokyo regards as its own', Kaigara named last; a "
        "professor 「北方領土問題などロシア外交に詳しい」 in an election story; Armenia's and "
        "Azerbaijan's peace treaty; and, caught only by the topic veto, the reefer ship "
        "Kurilsk, Nemuro 'the city that looks across a narrow strait to the Russian-held "
        "Northern Territories', an expert «автор монографий о … курильской проблеме»",
    ),
    "blind52_": (
        "fifty-second",
        "precision/recall en 1.000/0.933, ja 1.000/1.000, ru 1.000/1.000 (1 false negative)",
        "a kelp harvest 'under a private agreement' in 'the waters around Kaigara Island, a "
        "Russian-controlled islet', all in the last sentence; and, caught only by the topic "
        "veto, sea otters 「千島列島周辺などから輸入され」",
    ),
    "blind53_": (
        "fifty-third",
        "precision/recall en 1.000/1.000, ja 0.938/1.000, ru 1.000/1.000 (1 false positive)",
        "a governor's press conference that also took questions on 「北方領土返還要求運動」's "
        "budget; and, caught only by the topic veto, a pianist's 'Shikotan', Osaka's "
        "'Northern Territories', «Курилка», «курево» и «Курилы» in a language column",
    ),
    "blind56_": (
        "fifty-sixth",
        "precision/recall en 1.000/0.867, ja 1.000/1.000, ru 1.000/0.933 (3 false negatives)",
        "short reports that name their place only in the last sentence: tsunami damage 'in "
        "Severo-Kurilsk, on Paramushir' after a Kamchatka quake, a gold deposit 'on Urup' "
        "under a headline's 'Pacific island', ash on «город» that is Severo-Kurilsk; and, "
        "caught only by the topic veto, Golovnin captured «в 1811 году … на Кунашире» in a "
        "museum's exhibition",
    ),
    "blind57_": (
        "fifty-seventh",
        "precision/recall en 0.938/1.000, ja 0.938/1.000, ru 1.000/1.000 (2 false positives)",
        "Nemuro 'better known … as the base of the movement seeking the return of "
        "Russian-held islands' in a crab festival's story; 「クリミアが第二の北方領土に」 in a "
        "headline on Ukraine; and, caught only by the topic veto, the tanker Iturup of the "
        "headline as 'the Gabon-flagged Iturup' in the lead",
    ),
    "blind58_": (
        "fifty-eighth",
        "precision/recall en 0.938/1.000, ja 0.933/0.933, ru 1.000/1.000 (2 false positives, "
        "1 false negative)",
        "Nemuro 'the hub of the campaign to reclaim the Russian-held islands' in a saury "
        "story; フィンランドの“北方領土”カレリア in Western quotes; former islanders' offshore "
        "memorial from Nemuro, no island named; and, caught only by the topic veto, 'Kuril "
        "Resources' shares, «всё равно что Курилы отдать» of a footballer, crab sold «под "
        "видом «курильского»»",
    ),
    "blind59_": (
        "fifty-ninth",
        "precision/recall en 1.000/1.000, ja 1.000/1.000, ru 0.933/0.933 (1 false positive, "
        "1 false negative)",
        "a salmon-quota story whose one line on the southern Kurils says the talks «не "
        "связаны с отдельным соглашением 1998 года»; housing in Горячие Ключи for the "
        "division «дислоцированной на Итурупе и Кунашире», named in two sentences of five; "
        "and, caught only by the topic veto, a subsidiary likened to 'Northern Territories', "
        "Kuril Pacific Trading LLC, 「うちの北方領土」 of a city's occupied lot",
    ),
    "blind60_": (
        "sixtieth",
        "precision/recall en 1.000/1.000, ja 1.000/1.000, ru 1.000/0.933 (1 false negative)",
        "a long column on the 1956 declaration, the dispute's phrases throughout, that names "
        "Shikotan, the Habomai and the «северные территории» only in its last sentence",
    ),
    "blind61_": (
        "sixty-first",
        "precision/recall en 1.000/0.933, ja 0.938/1.000, ru 1.000/0.933 (1 false positive, "
        "2 false negatives)",
        "former residents' memorial at sea 'within sight of the island where many of them "
        "were born'; a concert at 北方四島交流センター「ニホロ」 (and 披露 read as 露, Russia); "
        "a division's feature naming its units «дислоцированные на Итурупе и Кунашире» late; "
        "and, caught only by the topic veto, 'native to the Russian Far East and the Kuril "
        "Islands', «Свои Курилы» of a dacha row",
    ),
    "blind62_": (
        "sixty-second",
        "precision/recall en 0.933/0.933, ja 1.000/0.933, ru 1.000/1.000 (1 false positive, "
        "2 false negatives)",
        "'our own little 'Northern Territories'' of a neighbourhood row; youth envoys for the "
        "campaign over 'the islands off eastern Hokkaido that Soviet troops occupied'; a "
        "storyteller's feature with ビザなし渡航による墓参; and, caught only by the topic "
        "veto, a Kurilian Bobtail that 'descends from cats once found on the Kuril Islands', "
        "the Berlin duo Shikotan, a skater's 'home town of Severo-Kurilsk', the Kurils "
        "'take their name from' a verb",
    ),
    "blind63_": (
        "sixty-third",
        "precision/recall en 0.938/1.000, ja 1.000/1.000, ru 1.000/1.000 (1 false positive)",
        "'Tokyo's own 'Northern Territories'' of two wards' landfill; and, caught only by the "
        "topic veto, the 'Habomai shore' of a story about the Habomai fishery cooperative",
    ),
    "blind65_": (
        "sixty-fifth",
        "precision/recall en 1.000/0.933, ja 1.000/1.000, ru 1.000/1.000 (1 false negative)",
        "a long feature on the visa-free exchanges' interpreter, 'between Nemuro and the "
        'islands\', "Hoppo Ryodo" and Kunashiri named late',
    ),
    "blind66_": (
        "sixty-sixth",
        "precision/recall en 1.000/0.867, ja 1.000/1.000, ru 1.000/1.000 (2 false negatives)",
        "a Kamchatka quake whose tsunami struck Severo-Kurilsk, followed there ('the town', "
        "'the island'); a former Shikotan islander's profile named in its fifth paragraph; "
        "and, caught only by the topic veto, Japanese exporters' own 'Northern Territories', "
        "冷凍庫の奥の「北方領土」, ラッコ … 千島列島から移り住んだか",
    ),
    "blind67_": (
        "sixty-seventh",
        "precision/recall en 0.938/1.000, ja 1.000/1.000, ru 1.000/1.000 (1 false positive)",
        "'every office has its own Northern Territories' of a Tokyo office's kitchen; and, "
        "caught only by the topic veto, 実家の二階は兄の「北方領土」",
    ),
    "blind68_": (
        "sixty-eighth",
        "precision/recall en 1.000/0.867, ja 1.000/1.000, ru 0.938/1.000 (1 false positive, "
        "2 false negatives)",
        "the tax holiday of 'the archipelago stretching between Hokkaido and Kamchatka'; a "
        "radio expedition to Urup, 'among the most sought-after islands'; «спорных островов "
        "в Японском море» of a Takeshima protest; and, caught only by the topic veto, a "
        "breed that 'traces its origins to cats on the Kuril Islands', the Oyashio that "
        "'flows south along the Kuril chain', a cherry that «в природе растет на … Курилах»",
    ),
    "blind70_": (
        "seventieth",
        "precision/recall en 1.000/0.800, ja 1.000/1.000, ru 1.000/1.000 (3 false negatives)",
        "Ebeko volcano 'at the northern end of the chain stretching from Kamchatka toward "
        "Hokkaido'; a fog feature on Kunashir's airport named in its last sentence; a former "
        "islander's letters, Shikotan in the last line and the 'grave-visit program' "
        "hyphenated; and, caught only by the topic veto, 千島列島沖などを経て of a seabird",
    ),
    "blind71_": (
        "seventy-first",
        "precision/recall en 1.000/0.933, ja 1.000/1.000, ru 1.000/1.000 (1 false negative)",
        "the topic veto overturning a science story on Kudryavy volcano, Iturup and the "
        "southern Kurils; and, caught only by the veto, a bobtail's owner who «на Курилах "
        "никогда не бывала»",
    ),
    "blind72_": (
        "seventy-second",
        "precision/recall en 1.000/1.000, ja 1.000/1.000, ru 1.000/0.933 (1 false negative)",
        "a ferry stuck in Korsakov that «должно доставить людей и грузы на Итуруп и "
        "Кунашир»; and, caught only by the topic veto, a brewer's lost market called 'our "
        "Northern Territories'",
    ),
    "blind73_": (
        "seventy-third",
        "precision/recall en 1.000/0.867, ja 0.933/0.933, ru 1.000/0.867 (1 false positive, "
        "5 false negatives)",
        "the ferry Igor Farkhutdinov and the exchange ship 「えとぴりか」 as the only clues; a "
        "memorial at sea 'facing the islands where their family graves lie'; a Foreign "
        "Ministry statement on the «незаконной оккупации» of «островов у северо-восточной "
        "оконечности Хоккайдо»; 「わが家の北方領土」 as a headline; and, caught only by the "
        "topic veto, 'like handing Japan the Kurils'",
    ),
    "blind74_": (
        "seventy-fourth",
        "precision/recall en 1.000/1.000, ja 0.938/1.000, ru 1.000/1.000 (1 false positive)",
        "冷蔵庫の奥の“北方領土” in Western quotes; and, caught only by the topic veto, a "
        "captain's sale compared «с «отдачей Курил»»",
    ),
    "blind76_": (
        "seventy-sixth",
        "precision/recall en 1.000/0.933, ja 1.000/1.000, ru 1.000/0.933 (2 false negatives)",
        "an opinion column on the former residents' memories, Shikotan and Krabozavodskoye "
        "named only in its last paragraph; a fish plant's recovery after the tsunami, 'the "
        "town' all through and Severo-Kurilsk named at the end",
    ),
    "blind77_": (
        "seventy-seventh",
        "precision/recall en 1.000/1.000, ja 1.000/0.933, ru 1.000/1.000 (1 false negative)",
        "Rausu fishermen short of the median line with 「あの島」 before them, 国後 named at "
        "the end; and, caught only by the topic veto, 'the club's Northern Territories', "
        "千島列島周辺で繁殖し of a seabird",
    ),
    "blind78_": (
        "seventy-eighth",
        "precision/recall en 1.000/0.933, ja 1.000/0.933, ru 1.000/1.000 (2 false negatives)",
        "a sea-otter survey on 'uninhabited Urup', 'the island' only in the next sentence; "
        "the prime minister meeting 四島の元島民, read as another island's former residents; "
        "and, caught only by the topic veto, 長年の“北方領土” of a doughnut chain, a sambo "
        "champion «родившаяся на Итурупе»",
    ),
    "blind83_": (
        "eighty-third",
        "precision/recall en 0.933/0.933, ja 1.000/1.000, ru 0.938/1.000 (2 false positives, "
        "1 false negative)",
        "the Kuril Hotel in Yuzhno-Sakhalinsk; former residents praying at sea 'within sight "
        "of the coastline of their home island'; «Ранее аналогичные дивизионы были развёрнуты "
        "на Курилах» in a story from Chukotka",
    ),
    "blind84_": (
        "eighty-fourth",
        "precision/recall en 1.000/1.000, ja 0.938/1.000, ru 1.000/1.000 (1 false positive)",
        "a study that became 「わが家の北方領土」 (…になっている)",
    ),
    "blind85_": (
        "eighty-fifth",
        "precision/recall en 0.938/1.000, ja 0.938/1.000, ru 1.000/1.000 (2 false positives)",
        "a grandmaster surnamed Kurilsky; sea otters at Nosappu, 千島列島で増えた個体が南下",
    ),
    "blind86_": (
        "eighty-sixth",
        "precision/recall en 0.938/1.000, ja 1.000/1.000, ru 0.938/1.000 (2 false positives)",
        "Hotel Kurilsky in Yuzhno-Sakhalinsk; «рыбаки из Хабомаи» of Nemuro's district, named "
        "as the district only further down",
    ),
    "blind88_": (
        "eighty-eighth",
        "precision/recall en 1.000/0.933, ja 1.000/1.000, ru 1.000/0.933 (2 false negatives)",
        "descendants of Japanese 'forced to leave the four islands off Hokkaido'; a long "
        "feature on a hospital whose headline's subject stands «в Курильске … на острове "
        "Итуруп» only in its last sentence",
    ),
    "blind92_": (
        "ninety-second",
        "precision/recall en 1.000/0.867, ja 1.000/0.933, ru 1.000/1.000 (3 false negatives)",
        "a detention ('taken into custody') escorted to Yuzhno-Kurilsk in the last paragraph; "
        "former residents praying at sea 'within sight of Kunashiri'; 元島民の語り部授業 "
        "naming 択捉島の紗那村 at the end",
    ),
    "blind93_": (
        "ninety-third",
        "precision/recall en 1.000/0.867, ja 1.000/1.000, ru 1.000/1.000 (2 false negatives)",
        "a school feature whose island comes in its last paragraph ('the mainland' before it); "
        "the special law on the 'four northern islands'",
    ),
    "blind95_": (
        "ninety-fifth",
        "precision/recall en 1.000/1.000, ja 1.000/1.000, ru 1.000/0.933 (1 false negative)",
        "«на двух островах, на которые претендует Токио», Russia only as «Сахалинский минтранс»",
    ),
    "blind96_": (
        "ninety-sixth",
        "precision/recall en 1.000/1.000, ja 1.000/0.933, ru 0.933/0.933 (1 false positive, "
        "2 false negatives)",
        "satellites «Курилы-1» and «Курилы-2»; «северные территории» in quotes beside Japan; "
        "an exhibition at 北方館 on 引き揚げ (still missed)",
    ),
    "blind97_": (
        "ninety-seventh",
        "precision/recall en 1.000/1.000, ja 0.882/1.000, ru 1.000/0.933 (2 false positives, "
        "1 false negative)",
        "「くなしり最中」, a sweet; 球団にとっての「北方領土」; «у южных островов гряды»",
    ),
    "blind98_": (
        "ninety-eighth",
        "precision/recall en 0.929/0.867, ja 1.000/1.000, ru 1.000/1.000 (1 false positive, "
        "2 false negatives)",
        "'Restaurant review: Kunashiri'; the Cabinet Office's Northern Territories Affairs "
        "Administration read as another country's; 'ex-residents' praying at sea, nameless",
    ),
    "blind99_": (
        "ninety-ninth",
        "precision/recall en 1.000/1.000, ja 1.000/0.933, ru 1.000/0.933 (2 false negatives)",
        "「ムネオハウス」, the exchanges' house on Kunashir by its nickname; a teacher's "
        "profile that names Shikotan once, as a direction, at its end (still missed)",
    ),
}


def confusion_table(title: str, results: dict[str, Confusion]) -> None:
    print(title)
    print(
        f"{'lang':<5}{'items':>6}{'tp':>5}{'fp':>5}{'tn':>5}{'fn':>5}{'precision':>11}{'recall':>8}"
    )
    for lang, c in sorted(results.items()):
        total = c.tp + c.fp + c.tn + c.fn
        print(
            f"{lang:<5}{total:>6}{c.tp:>5}{c.fp:>5}{c.tn:>5}{c.fn:>5}"
            f"{c.precision:>11.3f}{c.recall:>8.3f}"
        )


def print_misses(matcher: Matcher, results: dict[str, Confusion]) -> None:
    for _lang, c in sorted(results.items()):
        for label, misses in (
            ("false positive", c.false_positives),
            ("false negative", c.false_negatives),
        ):
            for row in misses:
                result = matcher.match_item(row.title, row.body)
                fired = ", ".join(f"{h.rule}={h.text!r}@{h.zone}" for h in result.hits) or "-"
                print(f"  {label} {row.id} [{row.kind}] {row.title}\n    {result.reason}; {fired}")


def rate(work: Callable[[], object], items: int, seconds: float = 1.0) -> float:
    """Items per second of `work` (which handles `items` items), over about `seconds`."""
    rounds, elapsed = 0, 0.0
    started = time.process_time()
    while elapsed < seconds:
        work()
        rounds += 1
        elapsed = time.process_time() - started
    return items * rounds / elapsed


def rss(rows: list[Labelled]) -> bytes:
    """The rows as one RSS 2.0 feed, each body as the item's HTML description."""
    items = "".join(
        f"<item><title>{html.escape(r.title)}</title><guid>{r.id}</guid>"
        f"<description>{html.escape(as_html(r.body))}</description></item>"
        for r in rows
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
        f"{items}</channel></rss>"
    ).encode()


def as_html(body: str) -> str:
    return "".join(f"<p>{html.escape(p)}</p>" for p in body.splitlines())


def speed(matcher: Matcher, rows: list[Labelled]) -> None:
    print("speed, items per second on one core (higher is faster):")
    # "match" is the matcher as shipped (with the topic veto); "no veto" the rules alone.
    rules_alone = Matcher(matcher.include, matcher.exclude, veto=False)
    print(
        f"{'':<16}{'items':>6}{'match':>10}{'no veto':>10}{'feedparser':>12}"
        f"{'html->text':>12}{'sentences':>11}"
    )
    for name, part in (
        ("headline+lead", [r for r in rows if not r.full_length]),
        ("full article", [r for r in rows if r.full_length]),
        # Most of what feeds carry: settled by the anchor screen alone.
        ("unrelated news", [r for r in rows if r.kind == "unrelated"]),
    ):
        if not part:
            continue
        pairs = [(r.title, r.body) for r in part]
        pages = [as_html(r.body) for r in part]
        feed = rss(part)

        def match_all(pairs: list[tuple[str, str]] = pairs, matcher: Matcher = matcher) -> None:
            for title, body in pairs:
                matcher.match_item(title, body)

        def to_text(pages: list[str] = pages) -> None:
            for page in pages:
                html_to_text(page)

        def split(part: list[Labelled] = part) -> None:
            for row in part:
                prepare(row.body, row.lang)

        matched = rate(match_all, len(part))
        unvetoed = rate(lambda pairs=pairs: match_all(pairs, rules_alone), len(part))
        parsed = rate(lambda feed=feed: parse_feed(feed, {}), len(part))
        converted = rate(to_text, len(part))
        prepared = rate(split, len(part))
        print(
            f"{name:<16}{len(part):>6}{matched:>10,.0f}{unvetoed:>10,.0f}{parsed:>12,.0f}"
            f"{converted:>12,.0f}"
            f"{prepared:>11,.0f}"
        )


def hostile(matcher: Matcher) -> None:
    """Pages built to be slow: a name and its look-alikes repeated tens of thousands of
    times, in one sentence. Each must cost well under a second."""
    pages = {
        "English, 200k chars": "Kuril ships Iturup, Sakhalin, Kamchatka " * 5000,
        "Russian, 200k chars": "Курилы «Итуруп» судно озеро Курильское " * 5000,
        "Japanese, 70k chars": "国後海防艦択捉島の漁船が拿捕" * 5000,
        "look-alikes, 440k chars": "Bears at Kurile Lake. " * 20000,
        "a list of 12,800 names, 64k chars": "The navy ships " + "Abc, " * 12800 + "Iturup",
        "Japanese names, no ship, 80k chars": "国後と択捉の" * 13000,
        "a horse's name again, 220k chars": "The filly Etorofu Star won. " * 8000,
        "a player's name again, 224k chars": "Winger Martin Kuril scored. " * 8000,
        "a bare horse's name again, 200k chars": "Жеребец Кунашир выиграл. " * 8000,
        "a list, 300k chars": "Kuril, " + "tariffs, " * 33000 + "and energy.",
        "a venue's name again, 200k chars": "Kuril, a 30-seat restaurant, opened. " * 5400,
        "a dateline and islands, 200k chars": "TOKYO, Jan. 29 (Kyodo) - Islands " * 6000,
        "a route's waypoints, 205k chars": "The route flew via Japan, the Kurils and " * 5000,
        "a ship's name again, 192k chars": "ship Kuril Star " * 12000,
    }
    for name, page in pages.items():
        started = time.process_time()
        matcher.match(page)
        print(f"hostile page ({name}): {time.process_time() - started:.3f} s")


def main() -> int:
    rows = load_labelled(DATA)
    matcher = Matcher()
    articles = sum(r.full_length for r in rows)
    print(f"{len(rows)} labelled items ({articles} full-length articles) from {DATA}")
    whole = evaluate(matcher, rows)
    confusion_table("whole set", whole)
    for prefix, (ordinal, before, kinds) in BLIND_PARTS.items():
        blind = [r for r in rows if r.source.startswith(prefix)]
        if not blind:
            continue
        print(f"{ordinal} blind part ({len(blind)} items, {prefix}*.jsonl, now in the whole set):")
        print(f"  before the fix: {before}")
        if kinds:
            print(f"  the kinds it found ({kinds}) were then fixed, so these are no longer blind")
        else:
            print("  it missed nothing; it joined the whole set as it was, no longer blind")
        print("  figures; the held-back part below is")
        confusion_table(f"{ordinal} blind part, now", evaluate(matcher, blind))
    heldback_rows = [r for r in rows if r.heldback]
    # Each blind part held back is measured on its own (heldback_{lang}, and any other
    # heldback_<name>_{lang} held beside it).
    held_parts: dict[str, list] = {}
    for r in heldback_rows:
        held_parts.setdefault(r.source.removesuffix(f"_{r.lang}"), []).append(r)
    for source, part_rows in sorted(held_parts.items()):
        confusion_table(
            f"held-back part {source}_* ({len(part_rows)} items, written blind after the fix)",
            evaluate(matcher, part_rows),
        )
    if not heldback_rows:
        print("held-back part: none yet (tests/data/relevance/heldback_*.jsonl)")
    print("misses:")
    print_misses(matcher, whole)
    speed(matcher, rows)
    hostile(matcher)
    return 0


if __name__ == "__main__":
    sys.exit(main())
