"""The plain-text reader: the seed dump and the team's own dumps in every layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.model import Article, BoilerplateKind, SourceFormat
from newsgraph.readers import ReadOptions, read


def articles(*paths: Path | str, **options: object) -> list[Article]:
    items = list(read([str(p) for p in paths], options=ReadOptions(**options)))  # type: ignore[arg-type]
    assert all(isinstance(item, Article) for item in items), items
    return items  # type: ignore[return-value]


def test_text_seed_gives_five_articles(seed_path: Path) -> None:
    found = articles(seed_path)
    assert [(a.source.line, a.source.end_line) for a in found] == [(1, 15), (16, 16), (17, 17), (18, 18), (19, 19)]
    assert [a.truncated for a in found] == [False, True, True, True, True]
    assert [a.kicker for a in found] == [None, None, "COMMUNIST ALIGNMENT", None, "ICE DISPUTE"]
    assert [a.title for a in found] == [None] * 5


def test_text_seed_kicker_and_deck_leave_the_body(seed_path: Path) -> None:
    raw = seed_path.read_text(encoding="utf-8").split("\n")
    found = articles(seed_path)
    for article, first_body_word in ((found[2], "Communist"), (found[4], "Thousands")):
        assert article.text.split()[0] == first_body_word
        assert article.deck is not None and not article.deck.endswith(".")
        assert f"{article.kicker}: {article.deck} {article.text}" == raw[article.source.line - 1].strip()
    assert [a.deck for a in (found[0], found[1], found[3])] == [None, None, None]


def test_text_seed_photo_credit_is_boilerplate(seed_path: Path) -> None:
    raw = seed_path.read_text(encoding="utf-8").split("\n")
    first = articles(seed_path)[0]
    assert [(b.kind, b.text) for b in first.boilerplate] == [(BoilerplateKind.PHOTO_CREDIT, "Photo: AFP")]
    assert "Photo: AFP" not in first.text
    assert first.text.count("\n") == 13  # 15 lines, one paragraph a line, less the credit
    assert first.text[first.boilerplate[0].offset :].startswith(raw[4][:40])
    assert first.text.split("\n")[2] == raw[2]


# file, then per article: (first line, title, kicker, deck start, truncated, boilerplate kinds, paragraphs)
DUMPS = {
    "blank_lines.txt": [
        (1, None, None, None, False, ["photo_credit"], 4),
        (7, None, None, None, False, ["byline"], 4),
        (13, None, None, None, False, [], 3),
    ],
    "separators.txt": [
        (1, None, None, None, False, [], 3),
        (7, None, None, None, False, [], 2),
        (11, None, None, None, False, [], 2),
        (15, None, None, None, False, [], 2),
    ],
    "formfeed.txt": [(1, None, None, None, False, [], 2), (3, None, None, None, False, [], 2),
                     (5, None, None, None, False, [], 2)],
    "one_per_line.txt": [(n, None, None, None, False, [], 1) for n in (1, 2, 3, 4)],
    "headlines.txt": [
        (1, "Harbour bridge reopens after repairs", None, None, False, [], 3),
        (5, "Museum returns looted statues", None, None, False, [], 3),
        (9, "Chess prodigy wins national title", None, None, False, [], 3),
    ],
    "kickers.txt": [
        (1, None, None, None, False, ["photo_credit"], 5),
        (7, None, "PORT EXPANSION", "The harbour authority wants", True, [], 1),
        (8, None, None, None, True, [], 1),
        (9, None, "RAIL STRIKE", "Train drivers plan", True, [], 1),
    ],
    "wrapped.txt": [(1, "Fishing fleet returns early as storm approaches", None, None, False, [], 3)],
    "bbc_style.txt": [(1, "Tech firm doubles staff in Lisbon", None, None, False, [], 4)],
    "mixed.txt": [
        (1, "Storm closes mountain pass", None, None, False, [], 3),
        (9, None, "WATER PRICES", "Households in the eastern", True, [], 1),
        (10, None, None, None, True, [], 1),
        (11, None, None, None, False, ["byline"], 3),
    ],
    "long_run.txt": [(1, None, None, None, False, [], 5), (6, None, None, None, False, [], 4)],
    "titled_blocks.txt": [
        (1, "Council backs night buses", None, None, False, [], 3),
        (10, "Record crowd at spring regatta", None, None, False, [], 3),
        (19, "Bakery chain recalls bread", None, None, False, [], 2),
    ],
    "teaser_blocks.txt": [(n, None, None, None, True, [], 1) for n in (1, 3, 5)],
}


@pytest.mark.parametrize("name", sorted(DUMPS))
def test_text_dump_layouts_segment_as_written(test_data: Path, name: str) -> None:
    found = articles(test_data / "dumps" / name)
    decks = [row[3] for row in DUMPS[name]]
    got = [
        (a.source.line, a.title, a.kicker, a.deck if deck is None else (a.deck or "")[: len(deck)], a.truncated,
         [b.kind.value for b in a.boilerplate], a.text.count("\n") + 1)
        for a, deck in zip(found, decks + [None] * len(found), strict=False)
    ]
    assert got == DUMPS[name]


def test_text_kicker_deck_ends_where_the_body_starts(test_data: Path) -> None:
    found = articles(test_data / "dumps" / "kickers.txt")
    assert found[1].deck is not None and found[1].deck.endswith("in the spring")
    assert found[1].text.startswith("Harbour Authority chairman Viktor Almqvist said")
    assert found[3].deck is not None and found[3].deck.endswith("it cannot reverse")
    assert found[3].text.startswith("Commuters across the eastern network")


def test_text_byline_is_kept_aside(test_data: Path) -> None:
    second = articles(test_data / "dumps" / "blank_lines.txt")[1]
    assert second.byline == "Lena Fiskaa"
    assert second.boilerplate[0].offset == second.text.index("The archaeologists")


def test_text_wrapped_lines_join_into_paragraphs(test_data: Path) -> None:
    article = articles(test_data / "dumps" / "wrapped.txt")[0]
    first = article.text.split("\n")[0]
    assert first.startswith("The entire fishing fleet") and first.endswith("120 kilometres an hour.")
    assert "  " not in article.text


def test_text_ids_and_pointers_are_deterministic(test_data: Path) -> None:
    path = test_data / "dumps" / "kickers.txt"
    first, second = articles(path), articles(path)
    assert [a.id for a in first] == [a.id for a in second]
    assert len({a.id for a in first}) == 4
    assert all(a.source.format is SourceFormat.TEXT and a.source.path == str(path) for a in first)


def test_text_published_option_fills_the_date(test_data: Path) -> None:
    from datetime import UTC, datetime

    moment = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
    found = articles(test_data / "dumps" / "formfeed.txt", published=moment)
    assert {a.published for a in found} == {moment}


def test_text_long_run_of_lines_streams_in_bounded_articles(tmp_path: Path) -> None:
    path = tmp_path / "many.txt"
    path.write_text("The same short report line repeats here.\n" * 12000, encoding="utf-8")
    found = articles(path)
    assert [(a.source.line, a.source.end_line) for a in found] == [(1, 5000), (5001, 10000), (10001, 12000)]
