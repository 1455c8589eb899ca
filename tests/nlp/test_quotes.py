"""Quote extraction on invented news sentences: every form, with exact spans and speakers."""

from __future__ import annotations

import pytest

from newsgraph.model import Article, Quote, SourceFormat, SourcePointer, article_id
from newsgraph.nlp.pipeline import make_doc
from newsgraph.nlp.quote_cues import quote_regions


@pytest.fixture(scope="module")
def nlp(full_nlp):
    return full_nlp  # the whole pipeline, loaded once a session (conftest.py)


def _quotes(nlp, text: str) -> tuple[Quote, ...]:
    article = Article(id=article_id("test", text), source=SourcePointer(path="test", format=SourceFormat.TEXT), text=text)
    doc = nlp(make_doc(nlp, article))
    for quote in doc._.ng["quotes"]:
        for ev in (*quote.content, quote.cue, quote.source, quote.speaker.evidence):
            assert ev is None or text[ev.start : ev.end] == ev.text
    return doc._.ng["quotes"]


def _row(quote: Quote) -> tuple:
    return (
        quote.kind.value,
        tuple(c.text for c in quote.content),
        quote.cue.text if quote.cue else None,
        quote.speaker.evidence.text if quote.speaker.evidence else None,
    )


CASES = [
    ("“We will not back down,” Maria Lopez said on Monday.",
     ("direct", ("“We will not back down,”",), "said", "Maria Lopez")),
    ("Maria Lopez said that the plan would fail.",
     ("indirect", ("that the plan would fail",), "said", "Maria Lopez")),
    ("Maria Lopez said the plan would fail.",
     ("indirect", ("the plan would fail",), "said", "Maria Lopez")),
    ("Maria Lopez arrived late. “The budget is too small,” she said. “We need more money.”",
     ("direct", ("“The budget is too small,”", "“We need more money.”"), "said", "Maria Lopez")),
    ("Maria Lopez spoke on Monday. “The first point is clear,” she said.\n“The second point is a paragraph of its own.”",
     ("direct", ("“The first point is clear,”", "“The second point is a paragraph of its own.”"), "said", "Maria Lopez")),
    ("Daniel Brooks said: “The first part runs on.\n“And the second paragraph closes it.”",
     ("direct", ("“The first part runs on.\n“And the second paragraph closes it.”",), "said", "Daniel Brooks")),
    ("The talks collapsed on Friday, according to the Finnish Foreign Ministry.",
     ("indirect", ("The talks collapsed on Friday",), "according to", "Finnish Foreign Ministry")),
    ("Daniel Brooks told reporters the talks would resume.",
     ("indirect", ("the talks would resume",), "told", "Daniel Brooks")),
    ("Daniel Brooks warned that prices would rise.",
     ("indirect", ("that prices would rise",), "warned", "Daniel Brooks")),
    ("Daniel Brooks insisted the deal was fair.",
     ("indirect", ("the deal was fair",), "insisted", "Daniel Brooks")),
    ("Daniel Brooks wrote that the report was wrong.",
     ("indirect", ("that the report was wrong",), "wrote", "Daniel Brooks")),
    ("Daniel Brooks added that the vote would be delayed.",
     ("indirect", ("that the vote would be delayed",), "added", "Daniel Brooks")),
    ("Daniel Brooks announced that he would resign.",
     ("indirect", ("that he would resign",), "announced", "Daniel Brooks")),
    ("Maria Lopez said the plan was “dead on arrival” and would be withdrawn.",
     ("mixed", ("the plan was “dead on arrival” and would be withdrawn",), "said", "Maria Lopez")),
    ("'We are ready,' Maria Lopez said.", ("direct", ("'We are ready,'",), "said", "Maria Lopez")),
    ("Daniel Brooks said: the talks have failed.",
     ("indirect", ("the talks have failed",), "said", "Daniel Brooks")),
    ("Brooks: Talks With Unions Have Failed\nDaniel Brooks spoke on Monday.",
     ("indirect", ("Talks With Unions Have Failed",), ":", "Brooks")),
    ("“It is over,” wrote Daniel Brooks.", ("direct", ("“It is over,”",), "wrote", "Daniel Brooks")),
    ('"We are ready," Maria Lopez said.', ("direct", ('"We are ready,"',), "said", "Maria Lopez")),
    ("Daniel Brooks called for an inquiry into the contracts.",
     ("indirect", ("an inquiry into the contracts",), "called for", "Daniel Brooks")),
    ("Daniel Brooks asked the minister whether the plan would survive.",
     ("indirect", ("whether the plan would survive",), "asked", "Daniel Brooks")),
    ("Maria Lopez accused the mayor of hiding the audit.",
     ("indirect", ("the mayor of hiding the audit",), "accused", "Maria Lopez")),
    ("Daniel Brooks described the budget as a betrayal of farmers.",
     ("indirect", ("the budget as a betrayal of farmers",), "described", "Daniel Brooks")),
    ("Maria Lopez was talking about the new tax on fuel.",
     ("indirect", ("the new tax on fuel",), "talking about", "Maria Lopez")),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_quotes_form_gives_exact_spans(nlp, text: str, expected: tuple) -> None:
    quotes = _quotes(nlp, text)
    assert [_row(q) for q in quotes] == [expected]
    assert quotes[0].speaker.mention_id is not None
    assert not quotes[0].speaker.anonymous


@pytest.mark.parametrize(
    ("text", "source", "speaker"),
    [
        ("Finance Minister Daniel Brooks visited the port. The minister said the new tariffs would hurt exporters.",
         "The minister", "Daniel Brooks"),
        ("The Italian Embassy opened on Monday. The embassy said the visa rules would change.",
         "The embassy", "Italian Embassy"),
        ("Maria Lopez arrived late. She said the budget was too small.", "She", "Maria Lopez"),
    ],
)
def test_quotes_title_org_pronoun_resolve_to_mention(nlp, text: str, source: str, speaker: str) -> None:
    quote = _quotes(nlp, text)[-1]
    assert (quote.source.text, quote.speaker.evidence.text) == (source, speaker)
    assert quote.speaker.mention_id is not None and not quote.speaker.anonymous


@pytest.mark.parametrize(
    ("text", "description", "reason", "content"),
    [
        ("The company will cut 500 jobs, people familiar with the matter said.",
         "people familiar with the matter", None, "The company will cut 500 jobs"),
        ("The plant will close next year, officials said.", "officials", None, "The plant will close next year"),
        ("Officials at the embassy said the visa rules would change.",
         "Officials at the embassy", None, "the visa rules would change"),
        ("A senior official, who spoke on condition of anonymity, said the talks had stalled.",
         "A senior official", "who spoke on condition of anonymity", "the talks had stalled"),
        ("The company will sell its shipping unit, said three people briefed on the plans, "
         "who asked not to be named because the talks are private.",
         "three people briefed on the plans", "the talks are private", "The company will sell its shipping unit"),
    ],
)
def test_quotes_anonymous_source_kept_as_written(nlp, text: str, description: str, reason, content: str) -> None:
    (quote,) = _quotes(nlp, text)
    speaker = quote.speaker
    assert (speaker.anonymous, speaker.description, speaker.reason) == (True, description, reason)
    assert speaker.evidence.text == description
    assert (speaker.mention_id, speaker.entity_id) == (None, None)
    assert [c.text for c in quote.content] == [content]


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("He said “yes” and ‘no’.", ["“yes”", "‘no’"]),
        ("The voters’ choice was ''clear,'' he said.", ["''clear,''"]),
        ("“One.\n“Two.”\nThree.", ["“One.\n“Two.”"]),
        ("It’s Motegi’s 'plan' now.", ["'plan'"]),
    ],
)
def test_quote_regions_pairs_marks(text: str, regions: list[str]) -> None:
    assert [text[s:e] for s, e in quote_regions(text)] == regions


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Mr. Daniel Brooks greeted Ms. Maria Lopez on Monday. She said the talks had gone well.", "Maria Lopez"),
        ("Ms. Maria Lopez greeted Mr. Daniel Brooks on Monday. He said the talks had gone well.", "Daniel Brooks"),
    ],
)
def test_quotes_pronoun_matches_marked_gender(nlp, text: str, speaker: str) -> None:
    (quote,) = _quotes(nlp, text)
    assert quote.speaker.evidence.text == speaker


def test_quotes_relative_pronoun_source_resolves_to_antecedent(nlp) -> None:
    backed, said = _quotes(nlp, "The plan was backed by Daniel Brooks, who said the vote would pass.")
    assert (said.source.text, said.speaker.evidence.text) == ("Daniel Brooks, who", "Daniel Brooks")
    assert (backed.cue.text, backed.source.text) == ("backed", "Daniel Brooks")  # a passive cue's agent


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In a new survey released Monday, most farmers lost money this year.",
         ("indirect", ("most farmers lost money this year",), "In", "a new survey released Monday")),
        ("In a study of hospitals, a third of the beds stood empty.",
         ("indirect", ("a third of the beds stood empty",), "In", "a study of hospitals")),
    ],
)
def test_quotes_survey_phrase_is_source(nlp, text: str, expected: tuple) -> None:
    assert [_row(q) for q in _quotes(nlp, text)] == [expected]
