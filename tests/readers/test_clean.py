"""Cleaning and paragraph shapes: the evidence the segmenter and every reader rely on."""

from __future__ import annotations

import pytest

from newsgraph.model import BoilerplateKind
from newsgraph.readers.clean import boilerplate_kind, clean, html_to_paragraphs, is_truncated, normalize
from newsgraph.readers.shapes import deck_end, kicker_of, split_heading, title_like


def test_clean_normalize_nfc_and_spaces() -> None:
    assert normalize("  Cafe\u0301\u00a0 au\t lait\u200b ") == "Café au lait"


@pytest.mark.parametrize(("text", "kind"), [
    ("Photo: AFP", BoilerplateKind.PHOTO_CREDIT),
    ("Photograph by Jane Roe/Reuters", BoilerplateKind.PHOTO_CREDIT),
    ("(Reuters)", BoilerplateKind.PHOTO_CREDIT),
    ("By Lena Fiskaa", BoilerplateKind.BYLINE),
    ("BY JOHN SMITH and ANA DIAZ", BoilerplateKind.BYLINE),
    ("Read more: Harbour plans delayed again", BoilerplateKind.READ_MORE),
    ("Updated: 12 March 2024 10:30", BoilerplateKind.DATELINE),
    ("Photos of the flood spread quickly on social media after the river burst its banks.", None),
    ("By the end of the week, the river had fallen again.", None),
])
def test_clean_boilerplate_kinds(text: str, kind: BoilerplateKind | None) -> None:
    assert boilerplate_kind(text) is kind


def test_clean_keeps_boilerplate_with_offsets() -> None:
    cleaned = clean(["By Ana Diaz", "First paragraph.", "Photo: AP", "Second paragraph.", "Read more here"])
    assert cleaned.text == "First paragraph.\nSecond paragraph."
    assert [(b.kind, b.offset) for b in cleaned.boilerplate] == [
        (BoilerplateKind.BYLINE, 0), (BoilerplateKind.PHOTO_CREDIT, 17), (BoilerplateKind.READ_MORE, 34)]
    assert cleaned.byline == "Ana Diaz"


@pytest.mark.parametrize(("text", "truncated"), [
    ("The vote was held on Monday.", False),
    ("“We will win,” she said.”", False),
    ("He asked whether it mattered?", False),
    ("The report found that the", True),
    ("Inspectors from the three neighbouring", True),
    ("Prices rose sharply…", True),
    ("Prices rose sharply...", True),
    ("First paragraph.\nSecond one stops at", True),
    ("", False),
])
def test_clean_truncation(text: str, truncated: bool) -> None:
    assert is_truncated(text) is truncated


@pytest.mark.parametrize(("text", "kicker"), [
    ("PORT EXPANSION: The harbour authority wants to double capacity", "PORT EXPANSION"),
    ("G7: Leaders meet in the mountains this week to talk trade", None),
    ("Note: the harbour authority wants to double capacity", None),
    ("UK-EU TALKS: Negotiators resume work on the fisheries chapter", "UK-EU TALKS"),
    ("PORT EXPANSION: short", None),
])
def test_shapes_kicker_of(text: str, kicker: str | None) -> None:
    assert kicker_of(text) == kicker


@pytest.mark.parametrize(("text", "deck"), [
    ("Officials expect the new tunnel to cut journey times by half over the coming decade "
     "The transport minister said on Friday that digging would start in May and take four years to finish.",
     "Officials expect the new tunnel to cut journey times by half over the coming decade"),
    ("Farmers hope to paint Orvania as a land of plenty despite two dry summers in a row "
     "Thousands of growers gathered in the capital on Monday to ask the government for help with irrigation.",
     "Farmers hope to paint Orvania as a land of plenty despite two dry summers in a row"),
    ("The council approved the plan. Work begins next week on the northern bank of the river near the old mill.",
     None),
])
def test_shapes_deck_end_finds_the_body(text: str, deck: str | None) -> None:
    cut = deck_end(text)
    assert (None if cut is None else text[:cut].rstrip()) == deck


def test_shapes_split_heading_without_deck_keeps_body() -> None:
    heading = split_heading("NOTICE BOARD: The library opens late on Thursdays from next month onwards.")
    assert (heading.kicker, heading.deck) == ("NOTICE BOARD", None)
    assert heading.body.startswith("The library opens late")


@pytest.mark.parametrize(("text", "strict", "expected"), [
    ("Harbour bridge reopens after repairs", True, True),
    ("Is the harbour bridge safe?", False, True),
    ("Is the harbour bridge safe?", True, False),
    ("The bridge reopened on Monday.", False, False),
    ("Photo: AFP", False, False),
    ("lower-case start of a line", False, False),
])
def test_shapes_title_like(text: str, strict: bool, expected: bool) -> None:
    assert title_like(text, strict=strict) is expected


def test_clean_html_fragment_to_paragraphs() -> None:
    fragment = "<p>One <b>bold</b> line.</p><p>Two&amp;three<br/>four</p><script>x()</script>"
    assert html_to_paragraphs(fragment) == ["One bold line.", "Two&three", "four"]
