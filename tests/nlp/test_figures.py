"""Figures: money, percentages, counts of things, ranges, ages, hedges; what is not a figure."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from newsgraph.model import Article, SourceFormat, SourcePointer
from newsgraph.nlp.numbers import parse_number
from newsgraph.nlp.pipeline import load_pipeline, make_doc

PUBLISHED = datetime(2025, 10, 21, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(components=["newsgraph_entities", "newsgraph_times", "newsgraph_figures"])


def figures_of(nlp, text: str):
    article = Article(id="art_f", source=SourcePointer(path="f.txt", format=SourceFormat.TEXT), text=text,
                      published=PUBLISHED)
    return nlp(make_doc(nlp, article))._.ng["figures"]


def rows(figures):
    return [(f.evidence.text, f.value, f.value_high, f.unit, f.qualifier, f.measures, f.owner) for f in figures]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The fund could raise as much as US$40 billion for new ports.",
         [("as much as US$40 billion", 4e10, None, "USD", "as much as", None, None)]),
        ("The levy could cost the fleet as much as NOK 2.4 billion.",
         [("as much as NOK 2.4 billion", 2.4e9, None, "NOK", "as much as", None, None)]),
        ("The museum spent 4.1 million Swiss francs on its roof.",
         [("4.1 million Swiss francs", 4.1e6, None, "CHF", None, None, None)]),
        ("The court fined the airline 3 million Danish kroner.",
         [("3 million Danish kroner", 3e6, None, "DKK", None, None, None)]),
        ("The club paid $3m for the striker.", [("$3m", 3e6, None, "USD", None, None, None)]),
        ("Brussels set aside €20bn for farmers.", [("€20bn", 2e10, None, "EUR", None, None, None)]),
        ("The charity raised £1.2 million last year.", [("£1.2 million", 1.2e6, None, "GBP", None, None, None)]),
        ("The bank lent ¥500 billion to exporters.", [("¥500 billion", 5e11, None, "JPY", None, None, None)]),
        ("Tokyo approved 550 billion yen in aid.", [("550 billion yen", 5.5e11, None, "JPY", None, None, None)]),
        ("Tickets cost NT$10,000 each.", [("NT$10,000", 1e4, None, "TWD", None, None, None)]),
        ("The state will spend Rs 200 crore on roads.", [("Rs 200 crore", 2e9, None, "INR", None, None, None)]),
        ("Inflation reached 5% in March.", [("5%", 5.0, None, "percent", None, None, None)]),
        ("Wages rose 5 per cent, the union said.", [("5 per cent", 5.0, None, "percent", None, None, None)]),
        ("Military spending will reach 3 percent of GDP.",
         [("3 percent", 3.0, None, "percent", None, "GDP", None)]),
        ("Debt stands at 90 percent of Italy's GDP.",
         [("90 percent", 90.0, None, "percent", None, "GDP", "Italy")]),
        ("Prices may rise between 10 and 15 percent.",
         [("between 10 and 15 percent", 10.0, 15.0, "percent", "between", None, None)]),
        ("The flood displaced 3-4 million people.",
         [("3-4 million", 3e6, 4e6, "count", None, "people", None)]),
        ("Nato will station 40,000 German troops there.",
         [("40,000", 4e4, None, "count", None, "German troops", None)]),
        ("About 2,300 delegates voted.", [("About 2,300", 2300.0, None, "count", "About", "delegates", None)]),
        ("Police counted more than 5,000 marchers.",
         [("more than 5,000", 5e3, None, "count", "more than", "marchers", None)]),
        ("The party will elect 300 new regional delegates.",
         [("300", 300.0, None, "count", None, "new regional delegates", None)]),
        ("Three people were injured in the blast.", [("Three", 3.0, None, "count", None, "people", None)]),
        ("Nearly 700 homes lost power.", [("Nearly 700", 700.0, None, "count", "Nearly", "homes", None)]),
        ("Up to 12 ships were damaged.", [("Up to 12", 12.0, None, "count", "Up to", "ships", None)]),
        ("At least 40 villages were flooded.",
         [("At least 40", 40.0, None, "count", "At least", "villages", None)]),
        ("A dozen reporters waited outside.", [("A dozen", 12.0, None, "count", None, "reporters", None)]),
        ("Hundreds of fans gathered at the gate.",
         [("Hundreds", 100.0, None, "count", "Hundreds", "fans", None)]),
        ("Ortega, 71, denied the charges.", [("71", 71.0, None, "years", None, "age", "Ortega")]),
        ("The 52-year-old teacher was released.",
         [("52-year-old", 52.0, None, "years", None, "age", "teacher")]),
        ("Germany's 80,000 soldiers were on alert.",
         [("80,000", 8e4, None, "count", None, "soldiers", "Germany")]),
        ("The utility earned 65 cents a share.", [("65 cents", 0.65, None, "USD", None, None, None)]),
        ("Fees are expected to be 10% to 20% higher.", [("10% to 20%", 10.0, 20.0, "percent", None, None, None)]),
        ("The cost was put at $3 million to $4 million.",
         [("$3 million to $4 million", 3e6, 4e6, "USD", None, None, None)]),
        ("The shares rose 50 cents to $12.50.",
         [("50 cents", 0.5, None, "USD", None, None, None), ("$12.50", 12.5, None, "USD", None, None, None)]),
        ("The board approved a 3-for-1 stock split.", []),
        ("The field pumps 5,000 barrels of crude.", [("5,000 barrels", 5e3, None, "barrels", None, "crude", None)]),
        ("The storm left 30 cm of snow.", [("30 cm", 30.0, None, "cm", None, "snow", None)]),
        ("The fire burned 200 square kilometres of forest.",
         [("200 square kilometres", 200.0, None, "square km", None, "forest", None)]),
        ("See Page 3 of the report.", []),
        ("The deficit will stay close to half a trillion dollars.",
         [("close to half a trillion dollars", 5e11, None, "USD", "close to", None, None)]),
        ("Euro sales reached 8.2bn euros.", [("8.2bn euros", 8.2e9, None, "EUR", None, None, None)]),
        ("The firm booked one-off gains.", []),
        ("Shares rose 4% by 1200 GMT.", [("4%", 4.0, None, "percent", None, None, None)]),
        ("Profit hit $500m.", [("$500m.", 5e8, None, "USD", None, None, None)]),
    ],
)
def test_figures_extracts_value_unit_qualifier_measures(nlp, text, expected) -> None:
    assert rows(figures_of(nlp, text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Boeing 737 and the F-16 were on display.",
        "Covid-19 cases fell sharply.",
        "Call the hotline on 555-0199 for help.",
        "The plan runs through 2027.",
        "The ministry began a five-year review.",
        "The treaty was signed on October 27, 2024.",
        "She finished first in the race.",
        "The talks lasted seven years.",
        "The meeting starts at 2 p.m. on Monday.",
    ],
)
def test_figures_not_dates_ordinals_names_or_durations(nlp, text) -> None:
    assert figures_of(nlp, text) == ()


def test_figures_records_carry_evidence_and_extractor(nlp) -> None:
    text = "Exports fell 4 percent."
    (figure,) = figures_of(nlp, text)
    assert text[figure.evidence.start : figure.evidence.end] == figure.evidence.text == "4 percent"
    assert figure.extractor == "newsgraph.figures.v2"


@pytest.mark.parametrize(
    ("tokens", "value"),
    [
        (["1,600"], 1600.0), (["5.5"], 5.5), (["550", "billion"], 5.5e11), (["3m"], 3e6),
        (["twenty", "six"], 26.0), (["twenty-six"], 26.0), (["a", "dozen"], 12.0), (["two", "hundred"], 200.0),
        (["1.2", "million"], 1.2e6), (["five"], 5.0), (["banana"], None), (["200", "crore"], 2e9),
    ],
)
def test_numbers_parse_number(tokens, value) -> None:
    assert parse_number(tokens) == value
