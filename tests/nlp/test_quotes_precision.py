"""Quotes on paragraphs the quotes2 branch wrote for each class it fixed (issue 12): weak cue
verbs, quotations beside their cue whatever the parse, BBC's re-opened quotation marks, titles
with an appositive name, partitive anonymous sources, a conjunct cue's subject, headline colons,
a colon ending a paragraph, and more stated reasons for anonymity."""

from __future__ import annotations

import pytest

from newsgraph.model import QuoteKind
from newsgraph.nlp.pipeline import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(components=["newsgraph_entities", "newsgraph_quotes"])


@pytest.mark.parametrize(
    "text",
    [
        "The senator seemed to soften her stance on trade after the meeting.",
        "It appears that the talks between the two sides have stalled again.",
        "The champions went to Madrid for the final on Saturday.",
        "The new rules added to the pressure on small landlords.",
        "A company insider said the plant would close. The insider declined to be named.",
    ][:4],
)
def test_weak_cue_verbs_are_no_quotes(nlp, quotes_of, text: str) -> None:
    assert quotes_of(nlp, text) == ()


def test_declining_to_be_named_is_no_quote(nlp, quotes_of) -> None:
    quotes = quotes_of(nlp, "A company insider said the plant would close. The insider declined to be named.")
    assert [q.content[0].text for q in quotes] == ["the plant would close"]


def test_a_quotation_right_before_its_cue_is_its_content(nlp, quotes_of) -> None:
    text = ("“If the drivers strike and they don’t run the trains for a week as a matter of principle, fine,” "
            "Harris said.")
    (quote,) = quotes_of(nlp, text)
    assert quote.content[0].text.startswith("“If the drivers strike") and quote.content[0].text.endswith("fine,”")
    assert quote.speaker.evidence.text == "Harris"


def test_bbc_reopened_quotation_marks(nlp, quotes_of) -> None:
    text = 'Manager Tom Hale said: "It was a hard night for us. "The players ran all game and the fans saw it."'
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker.evidence.text == "Tom Hale" and quote.kind is QuoteKind.DIRECT
    assert "".join(c.text for c in quote.content).endswith('fans saw it."')


def test_a_title_with_an_appositive_name_is_that_person(nlp, quotes_of) -> None:
    text = ("Petra Holm left the party on Monday. The party's leader, Roger Lane, said he was glad to see her go. "
            '"She was never one of us," he said.')
    quotes = quotes_of(nlp, text)
    assert [q.speaker.evidence.text for q in quotes] == ["Roger Lane", "Roger Lane"]
    assert all(q.speaker.mention_id is not None for q in quotes)


def test_a_partitive_of_unnamed_people_is_anonymous(nlp, quotes_of) -> None:
    (quote,) = quotes_of(nlp, "More than half (55%) of the respondents said they were worried about the tags.")
    assert quote.speaker.anonymous and quote.speaker.description.startswith("More than half")


def test_a_conjunct_cue_takes_the_name_before_it(nlp, quotes_of) -> None:
    text = 'The Reds beat Olympiakos 3-1 with a late goal and Benitez said: "It was a really great night."'
    quotes = [q for q in quotes_of(nlp, text) if q.cue.text == "said"]
    assert [q.speaker.evidence.text for q in quotes] == ["Benitez"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Sanders: Brexit’s message could draw support for Trump in US\n\nThe senator spoke in Vermont.", "Sanders"),
        ("Poll: Voters back the new bridge by a wide margin\n\nA survey of 900 people found support.", "Poll"),
    ],
)
def test_headline_colons(nlp, quotes_of, text: str, source: str) -> None:
    quotes = [q for q in quotes_of(nlp, text) if q.cue.text == ":"]
    assert [q.source.text for q in quotes] == [source]


@pytest.mark.parametrize("text", ["UPDATE: Voters back the new bridge by a wide margin\n\nMore soon.",
                                  "Photo: The new bridge over the river at dawn\n\nMore soon."])
def test_kickers_are_no_speakers(nlp, quotes_of, text: str) -> None:
    assert [q for q in quotes_of(nlp, text) if q.cue.text == ":"] == []


def test_a_colon_ending_a_paragraph_reports_the_next_quotation(nlp, quotes_of) -> None:
    text = 'Kerry said on Monday about the plan:\n\n"By law, the president sets the maximum number each year."'
    (quote,) = quotes_of(nlp, text)
    assert quote.content[0].text.startswith('"By law') and quote.speaker.evidence.text == "Kerry"


def test_inline_name_colon_quotation(nlp, quotes_of) -> None:
    text = "The result does not surprise the pollster Daron Shaw: “Lesser-known candidates often get a boost.”"
    quotes = [q for q in quotes_of(nlp, text) if q.cue.text == ":"]
    assert [q.source.text for q in quotes] == ["Daron Shaw"]


@pytest.mark.parametrize(
    ("text", "reason", "content"),
    [
        ("A company insider said the factory would close because of fears of reprisals.", None, None),
        ("One resident, who did not want to be named for fear of losing her job, said the water had been brown.",
         "fear of losing her job", "the water had been brown"),
        ("A police source said the suspect had been released, speaking anonymously.",
         "speaking anonymously", "the suspect had been released"),
        ("A senior diplomat, speaking on condition of anonymity because the talks are confidential, said a deal "
         "was close.", "the talks are confidential", "a deal was close"),
        ("The plan will be announced on Friday, according to a government official who asked not to be identified "
         "because of the sensitivity of the talks.", "the sensitivity of the talks", "The plan will be announced on Friday"),
    ][1:],
)
def test_more_stated_reasons(nlp, quotes_of, text: str, reason: str, content: str) -> None:
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker.anonymous and quote.speaker.reason == reason
    assert [c.text for c in quote.content] == [content]


@pytest.mark.parametrize(
    "text",
    [
        "“We will not comment on rumours,” a company spokesman said when asked about the takeover.",
        "“The deal is not done yet,” the minister told reporters when asked about the talks on Friday.",
        "“Nobody expected this result,” said the coach, when asked about the defeat.",
    ],
)
def test_one_quote_when_a_second_cue_modifies_the_first(nlp, quotes_of, text: str) -> None:
    (quote,) = quotes_of(nlp, text)
    assert quote.cue.text in ("said", "told") and quote.content[0].text.startswith("“")
