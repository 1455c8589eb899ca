"""Run-in decks: where a deck without a full stop ends and the body begins (issue 13, case 8).

The decks here end in names of one and two words, numbers, amounts and closing quotes; the body
starts with a word that only opens sentences, a name, or a capitalised noun phrase. Written for
these tests; the seed's layout is not used.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.model import Article
from newsgraph.readers import ReadOptions, read
from newsgraph.readers.shapes import split_heading

RUN_IN = [
 ("FLOODS: Heavy rain cuts power to thousands of homes in northern Sweden Rescue crews worked through the night to reach stranded villages, officials said on Monday.", "in northern Sweden"),
 ("ELECTION: Opposition leader concedes defeat after a long and bitter count in New Zealand The result ends nine years of coalition government and opens talks on a new cabinet.", "in New Zealand"),
 ("TRADE: Ministers sign a new shipping and fisheries pact with South Korea Officials say the deal cuts tariffs on steel and opens ports to smaller vessels.", "with South Korea"),
 ("STRIKE: Rail workers walk out over pay and pensions across Greater Manchester Union leaders said the action would last a week unless talks resumed.", "across Greater Manchester"),
 ("VISIT: Pope celebrates an open-air mass for thousands of pilgrims in Lisbon Maria Lopez, a pilgrim from Porto, said she had waited since dawn to see him.", "in Lisbon"),
 ("QUAKE: Death toll from the mountain earthquake in the north rises to 140 Rescuers are still searching the rubble of two villages for survivors, the army said.", "rises to 140"),
 ("BUDGET: Council approves a long-awaited harbour upgrade worth £45m The work will start in spring and should be finished before the next tourist season.", "worth £45m"),
 ('ROW: Minister calls the opposition\'s housing plan "a recipe for chaos" The remarks drew angry responses from tenants\' groups on Wednesday evening in the capital.', '"a recipe for chaos"'),
 ("ROW: Minister calls the opposition's housing plan “a recipe for chaos” The remarks drew angry responses from tenants' groups on Wednesday evening in the capital.", "“a recipe for chaos”"),
 ("SUMMIT: Leaders gather for two days of climate talks at the lakeside resort in Geneva Diplomats said a deal on coal was unlikely before the final session on Friday.", "in Geneva"),
 ("PORT EXPANSION: The harbour authority wants to double container capacity within a decade, with the final plan due before parliament in the spring Harbour Authority chairman Viktor Almqvist said on Tuesday that dredging would begin.", "in the spring"),
]

NO_DECK = [
 "WEATHER: Forecasters expect heavy snow across the Scottish Highlands from Tuesday evening, with warnings in place for three days.",
 "AID: Food is running out in the crowded camps along the border, a spokesman for the Red Cross said on Monday.",
 "AID: Food supplies flown in by the Red Cross reached the flooded town on Monday after roads were cut.",
 "NOTICE BOARD: The library opens late on Thursdays from next month onwards.",
 "TRANSPORT: Passengers travelling between Paris and Brussels face delays this weekend as engineers repair the line.",
]


@pytest.mark.parametrize(("text", "ending"), RUN_IN, ids=[t.split(":")[0] + "-" + e[-12:] for t, e in RUN_IN])
def test_shapes_run_in_deck_keeps_its_last_words(text: str, ending: str) -> None:
    heading = split_heading(text)
    assert heading.deck is not None and heading.deck.endswith(ending), heading
    rest = text[text.index(ending) + len(ending):].lstrip()
    assert heading.body == rest


@pytest.mark.parametrize("text", NO_DECK, ids=[t.split(":")[0] for t in NO_DECK])
def test_shapes_name_inside_a_sentence_is_no_deck(text: str) -> None:
    heading = split_heading(text)
    assert heading.deck is None and heading.body == text.split(": ", 1)[1]


def _read(path: Path) -> list[Article]:
    return [a for a in read([str(path)], options=ReadOptions()) if isinstance(a, Article)]


def test_text_run_in_decks_in_a_separated_dump(tmp_path: Path) -> None:
    blocks = [f"{text}\n\nA second paragraph of story {n} adds detail on what happened next." for n, (text, _)
              in enumerate(RUN_IN[:6])]
    path = tmp_path / "separated.txt"
    path.write_text("\n\n* * *\n\n".join(blocks) + "\n", encoding="utf-8")
    found = _read(path)
    assert len(found) == 6
    for article, (text, ending) in zip(found, RUN_IN[:6]):
        assert article.kicker == text.split(":")[0] and article.deck is not None
        assert article.deck.endswith(ending) and not article.text.startswith(ending.split()[-1])


def test_text_run_in_decks_one_article_a_line(tmp_path: Path) -> None:
    path = tmp_path / "lines.txt"
    path.write_text("\n".join(text for text, _ in RUN_IN[4:]) + "\n", encoding="utf-8")
    found = _read(path)
    assert [(a.kicker, a.deck.split()[-1] if a.deck else None) for a in found] == [
        (text.split(":")[0], ending.split()[-1]) for text, ending in RUN_IN[4:]]
