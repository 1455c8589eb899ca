"""Quotes on sentences the quotes4 branch wrote for each class of attribution it stopped missing
(issue 12, PolNeAR recall, second round): a cue in an "as" clause with nothing reported of its own
("As the Herald reported, ...", "as the minister put it, ...", "As reported by the Herald, ...")
reports the clause it modifies; "as he spoke" or "as the crowd cheered" tells when, not what; a bare
demonstrative ("That suggests ...") is no speaker; "continued to X" is not speech itself; the same
cue twice in coordination is two attributions; a participle after a quotation belongs to who said
it; a relative clause with its own cue inside reported content stands alone; a passive question
reports the question; a clause coordinated after the reported one and a "because" reason go on
with the content."""

from __future__ import annotations

import pytest

from newsgraph.nlp.pipeline import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(components=["newsgraph_entities", "newsgraph_quotes"])


def _content(quote) -> str:
    return " | ".join(c.text for c in quote.content)


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("As the Herald reported last week, the council quietly sold the old library to a developer.",
         "the Herald", "the council quietly sold the old library to a developer"),
        ("The council, as the Herald revealed, sold the old library to a developer.",
         "the Herald", "The council | sold the old library to a developer"),
        ("As the mayor put it, the town cannot afford another flood.",
         "the mayor", "the town cannot afford another flood"),
        ("As reported by the Herald, the council sold the old library to a developer.",
         "the Herald", "the council sold the old library to a developer"),
    ],
)
def test_an_as_clause_cue_reports_the_clause_it_modifies(nlp, quotes_of, text: str, speaker: str, content: str) -> None:
    (quote,) = quotes_of(nlp, text)
    assert quote.source.text == speaker
    assert _content(quote) == content


@pytest.mark.parametrize(
    "text",
    [
        "The hall fell silent as the mayor spoke.",
        "The band played on as the crowd cheered.",
        "The shops closed one by one as the evening went on.",
    ],
)
def test_an_as_clause_of_time_reports_nothing(nlp, quotes_of, text: str) -> None:
    assert quotes_of(nlp, text) == ()


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("That suggests the council has run out of money.", []),
        ("This explains why the council has run out of money.", []),
        ("That said, the mayor insisted the plan would work.", ["the mayor"]),
        ("Those backing the mayor say the plan will work.", ["Those backing the mayor"]),
    ],
)
def test_a_bare_demonstrative_is_not_a_speaker(nlp, quotes_of, text: str, speakers: list) -> None:
    assert [quote.source.text for quote in quotes_of(nlp, text)] == speakers


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("The mayor continued to visit the flooded streets on Monday.", []),
        ("The mayor kept visiting the flooded streets on Monday.", []),
        ("The mayor continued to insist that the plan would work.", ["insist"]),
        ("“The plan will work,” the mayor continued.", ["continued"]),
    ],
)
def test_continuing_is_not_speech_the_verb_it_governs_may_be(nlp, quotes_of, text: str, cues: list) -> None:
    assert [quote.cue.text for quote in quotes_of(nlp, text)] == cues


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One in three voters said the party ignored them, and one in four said the party was hostile to them.",
         [("One in three voters", "the party ignored them"), ("one in four", "the party was hostile to them")]),
        ("Most farmers said the rain came too late but a few said the harvest would still be good.",
         [("Most farmers", "the rain came too late"), ("a few", "the harvest would still be good")]),
    ],
)
def test_the_same_cue_twice_in_coordination_is_two_attributions(nlp, quotes_of, text: str, expected: list) -> None:
    assert [(quote.source.text, _content(quote)) for quote in quotes_of(nlp, text)] == expected


def test_a_participle_after_a_quotation_belongs_to_who_said_it(nlp, quotes_of) -> None:
    text = "“Where I stand now, I think the plan would fail,” the mayor said, while arguing the council should wait."
    found = {quote.cue.text: quote.source.text if quote.source else None for quote in quotes_of(nlp, text)}
    assert found.get("said") == "the mayor"
    assert found.get("arguing") == "the mayor"


def test_a_relative_clause_with_its_own_cue_inside_reported_content(nlp, quotes_of) -> None:
    text = "The treasurer said the council had approved a budget that the mayor said would cut taxes for families."
    sources = [quote.source.text for quote in quotes_of(nlp, text)]
    assert sources == ["The treasurer", "the mayor"]


def test_a_passive_question_reports_the_question_not_who_was_asked(nlp, quotes_of) -> None:
    (quote,) = quotes_of(nlp, "The mayor was asked by reporters whether the library would reopen in May.")
    assert quote.source.text == "reporters"
    assert _content(quote) == "whether the library would reopen in May"


def test_a_clause_coordinated_after_the_reported_one_goes_on_with_it(nlp, quotes_of) -> None:
    (quote,) = quotes_of(nlp, "The coach said he had received offers for the striker, but “the offers were far too low.”")
    assert _content(quote) == "he had received offers for the striker, but “the offers were far too low.”"


def test_a_reason_after_the_reported_clause_goes_with_it(nlp, quotes_of) -> None:
    quotes = quotes_of(nlp, "Kelly said she asked for the meeting because she wanted to settle the dispute quickly.")
    assert [_content(q) for q in quotes] == ["she asked for the meeting because she wanted to settle the dispute quickly"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("11:40 am — Police announce the name of the driver on the radio: John Smith.", "Police"),
        ("The story is a sad one, but many residents have said it rings false for one reason: the mayor never lived here.",
         "many residents"),
    ],
)
def test_a_subject_the_parser_runs_on_past_the_cue_is_cut_at_the_verb(nlp, quotes_of, text: str, source: str) -> None:
    assert [quote.source.text for quote in quotes_of(nlp, text)] == [source]
