"""Quotes a reader can trust (issue 12), on sentences the team wrote: actions that are not speech
(suing, insisting on, what a refusal withholds) are no quotes, documents are never people, pronouns go to a compatible antecedent or stay as
written, and anonymous sources keep the reason the text gives."""

from __future__ import annotations

import pytest

from newsgraph.nlp.quotes import EXTRACTOR
from newsgraph.nlp.speakers import stated_reason


@pytest.fixture(scope="module")
def nlp(full_nlp):
    return full_nlp  # the whole pipeline, loaded once a session (conftest.py)


@pytest.mark.parametrize(
    "text",
    [
        "Union leaders were insisting on improved standards for night workers.",
        "Tenants sued the council over the damp flats.",
        "Tenants sued the council.",
    ],
)
def test_actions_that_are_not_speech_are_not_quotes(nlp, quotes_of, text: str) -> None:
    assert quotes_of(nlp, text) == ()


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The mayor refused to discuss the closure of the library.", "to discuss the closure of the library"),
        ("The spokesman declined to comment on the report.", "to comment on the report"),
    ],
)
def test_what_a_refusal_governs_was_not_said(nlp, quotes_of, text: str, content: str) -> None:
    """The refusal is the attribution (PolNeAR's reading), never the "discuss" it withholds."""
    (quote,) = quotes_of(nlp, text)
    assert quote.cue.text in ("refused", "declined") and [c.text for c in quote.content] == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Daniel Brooks criticised the budget, saying it would hurt schools.", "it would hurt schools"),
        ("The minister insisted that the budget was fair.", "that the budget was fair"),
        ("Daniel Brooks criticised the plan: “It is reckless.”", "“It is reckless.”"),
        ("Daniel Brooks criticised the plan as reckless.", "the plan as reckless"),
    ],
)
def test_speech_after_such_verbs_is_still_a_quote(nlp, quotes_of, text: str, content: str) -> None:
    quotes = quotes_of(nlp, text)
    assert content in [q.content[0].text for q in quotes]
    assert {q.extractor for q in quotes} == {EXTRACTOR} == {"newsgraph.quotes.v12"}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The report said the river had been polluted for a decade.", "The report"),
        ("A Bill introduced on Monday said landlords must register every flat.", "A Bill introduced on Monday"),
        ("The statement said the factory would close in March.", "The statement"),
    ],
)
def test_documents_stay_non_person_speakers(nlp, quotes_of, text: str, speaker: str) -> None:
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker.evidence.text == speaker
    assert (quote.speaker.mention_id, quote.speaker.entity_id, quote.speaker.anonymous) == (None, None, False)


@pytest.mark.parametrize(
    ("text", "speaker", "resolved"),
    [
        ("John Carter welcomed the result. She said the vote had been fair.", "She", False),
        ("Mr Harding spoke first. Sarah Quinn followed him. She said the vote had been fair.", "Sarah Quinn", True),
        ("Ms Okafor met Peter Dunn on Friday. He said the deal was off.", "Peter Dunn", True),
        ("Peter Dunn met Ms Okafor on Friday. She said the deal was off.", "Okafor", True),
        ("Acme Industries cut 200 jobs on Tuesday. It said demand had collapsed.", "Acme Industries", True),
        ("The Green Alliance held a rally. They said the law would be repealed.", "Green Alliance", True),
        ("The Harbour Trust met Peter Dunn and Alex Moore. They said the pier would reopen.", "They", False),
        # a pronoun is never a person the quote's own content names
        ("Peter Dunn chaired the board. The treasurer left early. He insisted he still trusted Mr Dunn.", "He", False),
        ("Mr Kowalski met Peter Dunn on Friday. Later he said Mr Kowalski had misled the board.", "Peter Dunn", True),
        ("Amara Osei spoke to Ruth Mensah. She said she had never doubted Ms Osei.", "Ruth Mensah", True),
    ],
)
def test_pronouns_go_to_a_compatible_antecedent_or_stay(nlp, quotes_of, text: str, speaker: str, resolved: bool) -> None:
    quote = quotes_of(nlp, text)[-1]
    assert quote.speaker.evidence.text == speaker
    assert (quote.speaker.mention_id is not None) is resolved


@pytest.mark.parametrize(
    ("text", "description", "reason", "content"),
    [
        ("An official said the talks had stalled because they were not authorised to speak to the press.",
         "An official", "they were not authorised to speak to the press", "the talks had stalled"),
        ("A police officer, who declined to be named because the inquiry is continuing, said the driver had fled.",
         "A police officer", "the inquiry is continuing", "the driver had fled"),
        ("Two officials, who requested anonymity to discuss private deliberations, said the plan was dropped.",
         "Two officials", "who requested anonymity to discuss private deliberations", "the plan was dropped"),
        ("Two officials said the plan was dropped, speaking on condition of anonymity.",
         "Two officials", "on condition of anonymity", "the plan was dropped"),
        ("The officials said the talks had stalled. They spoke on condition of anonymity because they were "
         "not authorised to brief reporters.",
         "The officials", "they were not authorised to brief reporters", "the talks had stalled"),
    ],
)
def test_anonymous_sources_keep_their_reason(nlp, quotes_of, text: str, description: str, reason: str, content: str) -> None:
    quotes = quotes_of(nlp, text)
    assert len(quotes) == 1  # "spoke on condition of anonymity" is no quote of its own
    speaker = quotes[0].speaker
    assert (speaker.anonymous, speaker.description, speaker.reason) == (True, description, reason)
    assert [c.text for c in quotes[0].content] == [content]


def test_stated_reason_forms() -> None:
    assert stated_reason("She spoke on condition of anonymity.") == "on condition of anonymity"
    assert stated_reason("He requested anonymity to discuss the talks.") == "to discuss the talks"
    assert stated_reason("He was not authorised to speak publicly.") == "was not authorised to speak publicly"
    assert stated_reason("The weather was fine because it was May.") is None
