"""Quotes on sentences the quotes3 branch wrote for each class of attribution it stopped missing
(issue 12, PolNeAR recall): what an object cue reports runs over the phrases that follow the
object; a cue's preposition may come after an adverb or a time phrase; a relative clause reported
by a cue inside it; "after saying ..." said by the subject of the verb it modifies; "according to
X" over its whole sentence; a trailing ", she said." that the parser hung inside the clause it
reports; a participle after a group ("Republicans backing ..."); a subject with a participle that
the parser took for a clause; a parenthetical "she said"; "X, who said ..., said ..."; a hearer
before the cue's preposition or with what it is urged to do; a quotation that closes a nested one
right before its cue; any verb before a colon that opens a quotation ("shot back:"); a passive cue
with its agent ("was first reported by the Times", "when asked by a reporter whether ..."); a
headline colon followed by its own speaker and verb of saying ("The Latest: Mourners say ..."); a
cue with an object of its own after it does not take the quotation before it ("On “Meet the Press,”
the senator praised ..."); "on" a named medium is where, not what; a noun with a possessive and a
"that" clause ("the minister's warning that ...").

A second round (quotes4): a cue in an "as" clause with nothing reported of its own
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
    ("text", "content"),
    [
        ("The mayor called for the ban in March after the floods in the valley.",
         "the ban in March after the floods in the valley"),
        ("She recalled his generosity in support of the food bank in the city.",
         "his generosity in support of the food bank in the city"),
        ("A poll on Monday showed the mayor with a healthy lead in the city, earning 51 percent of the vote.",
         "the mayor with a healthy lead in the city, earning 51 percent of the vote"),
    ],
)
def test_an_objects_content_runs_over_the_phrases_after_it(nlp, quotes_of, text: str, content: str) -> None:
    (quote,) = quotes_of(nlp, text)
    assert _content(quote) == content


def test_a_cue_preposition_after_a_time_phrase(nlp, quotes_of) -> None:
    (quote,) = quotes_of(nlp, "The senator responded on Monday to accusations that he had lied about his record.")
    assert _content(quote) == "accusations that he had lied about his record"
    assert quote.cue.text == "responded on Monday to" and quote.speaker.evidence.text == "The senator"


def test_a_relative_clause_reported_by_a_cue_inside_it(nlp, quotes_of) -> None:
    text = "There has been a surge of new voters, which officials say could help the mayor in the autumn."
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker.evidence.text == "officials"
    assert _content(quote).endswith("could help the mayor in the autumn")


def test_after_saying_is_said_by_the_subject_of_the_main_verb(nlp, quotes_of) -> None:
    text = "After arguing that the deal was unfair to farmers, the minister walked out of the talks."
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker.evidence.text == "the minister"
    assert _content(quote) == "that the deal was unfair to farmers"


def test_according_to_reports_its_whole_sentence(nlp, quotes_of) -> None:
    (quote,) = quotes_of(nlp, "Unemployment rose in the north, where three mills closed last year according to the census.")
    assert quote.cue.text == "according to" and quote.source.text == "the census"
    assert _content(quote) == "Unemployment rose in the north, where three mills closed last year"


def test_according_to_at_the_end_of_a_reported_clause_is_the_outer_attribution(nlp, quotes_of) -> None:
    text = "The minister said the deficit had doubled last year, according to figures from the Treasury."
    (quote,) = quotes_of(nlp, text)
    assert quote.cue.text == "according to" and _content(quote) == "The minister said the deficit had doubled last year"


def test_a_trailing_cue_the_parser_hung_inside_its_clause(nlp, quotes_of) -> None:
    text = "The island would not accept that from any neighbour, least of all one it sees as a rival, she said."
    (quote,) = quotes_of(nlp, text)
    assert quote.cue.text == "said"
    assert _content(quote) == "The island would not accept that from any neighbour, least of all one it sees as a rival"


def test_a_participle_after_a_group_reports_for_it(nlp, quotes_of) -> None:
    (quote,) = quotes_of(nlp, "Democrats supporting the governor won three seats.")
    assert quote.source.text == "Democrats" and _content(quote) == "the governor"


def test_a_subject_with_a_participle_the_parser_took_for_a_clause(nlp, quotes_of) -> None:
    text = "Anna Berg, a Fort Myers, Fla., rabbi helping to organize the march, said she and other rabbis were alarmed by the speech."
    (quote,) = quotes_of(nlp, text)
    assert quote.source.text == "Anna Berg, a Fort Myers, Fla., rabbi helping to organize the march"
    assert _content(quote) == "she and other rabbis were alarmed by the speech"


def test_a_parenthetical_she_said(nlp, quotes_of) -> None:
    (quote,) = quotes_of(nlp, "At one point, she said, she was considering a move to the city.")
    assert quote.cue.text == "said" and _content(quote) == "At one point | she was considering a move to the city"


def test_who_said_inside_the_source_of_another_said(nlp, quotes_of) -> None:
    text = "Barkley, who said he typically votes for the party, said one candidate he likes is the governor."
    quotes = quotes_of(nlp, text)
    assert [_content(q) for q in quotes] == ["he typically votes for the party", "one candidate he likes is the governor"]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("He also warned Norway against hasty moves in the Arctic.", "warned Norway against",
         "hasty moves in the Arctic"),
        ("The mayor called on the agency to review the water pipes.", "called on", "the agency to review the water pipes"),
        ("The senator urged voters to reject the measure.", "urged", "voters to reject the measure"),
    ],
)
def test_a_hearer(nlp, quotes_of, text: str, cue: str, content: str) -> None:
    (quote,) = quotes_of(nlp, text)
    assert quote.cue.text == cue and _content(quote) == content


def test_a_quotation_closing_a_nested_one_before_its_cue(nlp, quotes_of) -> None:
    (quote,) = quotes_of(nlp, "“Her first answer was, ‘Let’s see what we can do to help?’” Lopez said.")
    assert quote.speaker.evidence.text == "Lopez"
    assert _content(quote) == "“Her first answer was, ‘Let’s see what we can do to help?’”"


def test_any_verb_before_a_colon_that_opens_a_quotation(nlp, quotes_of) -> None:
    (quote,) = quotes_of(nlp, "The mayor shot back angrily: “That would never happen in this city.”")
    assert quote.speaker.evidence.text == "The mayor"
    assert _content(quote) == "“That would never happen in this city.”"


def test_a_passive_cue_with_its_agent(nlp, quotes_of) -> None:
    (quote,) = quotes_of(nlp, "The merger was first reported by the local newspaper.")
    assert quote.source.text == "the local newspaper" and _content(quote) == "The merger"


def test_when_asked_by_someone_that_someone_asked(nlp, quotes_of) -> None:
    (quote,) = quotes_of(nlp, "When asked by a reporter whether he would run again, the mayor only smiled.")
    assert quote.source.text == "a reporter" and _content(quote) == "whether he would run again"


def test_a_headline_colon_before_a_speaker_and_verb_of_saying(nlp, quotes_of) -> None:
    (quote,) = quotes_of(nlp, "The Latest: Mourners say the city will miss him dearly.")
    assert quote.source.text == "Mourners" and _content(quote) == "the city will miss him dearly"


def test_a_quotation_before_a_cue_with_its_own_object_is_not_its_content(nlp, quotes_of) -> None:
    (quote,) = quotes_of(nlp, "Appearing on “Meet the Press,” the senator praised the new rules on trade.")
    assert _content(quote) == "the new rules on trade"


def test_on_a_named_medium_is_where_not_what(nlp, quotes_of) -> None:
    assert quotes_of(nlp, "The senator posted on Twitter late on Monday.") == ()


def test_a_noun_with_a_possessive_and_a_that_clause(nlp, quotes_of) -> None:
    (quote,) = quotes_of(nlp, "The minister's warning that prices would rise again came true in the spring.")
    assert (quote.cue.text, quote.source.text) == ("warning", "The minister")
    assert _content(quote) == "that prices would rise again"


def test_an_empty_source_span_is_no_speaker_not_an_error() -> None:
    """A source trimmed to nothing (a Giveme5W1H caption "X: In pictures 29 show all" made one,
    and the quote component raised for the whole article): no speaker, no exception."""
    from newsgraph.nlp.pipeline import load_pipeline
    from newsgraph.nlp.speakers import resolve_speaker

    nlp = load_pipeline(components=[])
    doc = nlp("Officials said the bridge would reopen on Monday.")
    speaker, mention = resolve_speaker(doc, "a", (2, 2), doc[1], doc[1], {"mentions": ()})
    assert speaker.evidence is None and mention is None


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
        ("One in three voters said the party ignored them, and one in five said the party had turned against them.",
         [("One in three voters", "the party ignored them"), ("one in five", "the party had turned against them")]),
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


# A third round (integrator, PolNeAR train): the same speaker saying twice, participles of saying,
# parentheticals over a verb of the lexicon, and verbs that only look like cues.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayor said her recent visits to the estate have given her campaign momentum and said that the council had failed the residents.",
         [("The mayor", "her recent visits to the estate have given her campaign momentum"),
          ("The mayor", "that the council had failed the residents")]),
        ("The envoy said the navy should scale back its drills near the coast and said any effort to cut the island off would fail.",
         [("The envoy", "the navy should scale back its drills near the coast"), ("The envoy", "any effort to cut the island off would fail")]),
        ("About six in ten say they prefer a newcomer, while about four in ten say they want someone with experience.",
         [("About six in ten", "they prefer a newcomer"), ("about four in ten", "they want someone with experience")]),
    ],
)
def test_a_second_saying_coordinated_with_the_first_is_its_own(nlp, quotes_of, text: str, expected: list) -> None:
    assert [(quote.source.text, _content(quote)) for quote in quotes_of(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“They have a global plan,” he said, adding the city must be equally bold to match it.",
         [("said", "“They have a global plan,”"), ("adding", "the city must be equally bold to match it")]),
        ("The coach said he saw no reason to change the team, telling reporters that the squad was ready.",
         [("said", "he saw no reason to change the team"), ("telling", "that the squad was ready")]),
    ],
)
def test_a_participle_of_saying_after_a_comma_is_a_second_saying(nlp, quotes_of, text: str, expected: list) -> None:
    quotes = quotes_of(nlp, text)
    assert [(quote.cue.text, _content(quote)) for quote in quotes] == expected
    assert len({quote.source.text for quote in quotes}) == 1


def test_a_parenthetical_saying_over_a_verb_of_the_lexicon(nlp, quotes_of) -> None:
    (quote,) = quotes_of(nlp, "A new bridge would not only address the traffic in the centre, she said, but also the noise.")
    assert quote.source.text == "she" and quote.cue.text == "said"
    assert _content(quote) == "A new bridge would not only address the traffic in the centre | also the noise"


@pytest.mark.parametrize(
    "text",
    [
        "The Latest: Storm closes every school across the region\n\nSchools stayed shut on Monday.",
        "Delegate Update: The latest count in the race for the nomination\n\nThe count goes on.",
        "Ohio: Ann Baker, Bo Cole, Cy Dunn, Di Eller, Ed Ford\n\nThose are the delegates.",
        "For the farmers in the valley, it is hard to see how the new rules will help them.",
        "It's safe to say the council will need more money next year.",
        "The mayor found herself at the centre of a row over the budget.",
        "The senator's lead of nearly 300 pledged delegates is double the lead she had in March.",
    ],
)
def test_what_only_looks_like_an_attribution(nlp, quotes_of, text: str) -> None:
    assert [(q.cue.text, _content(q)) for q in quotes_of(nlp, text)] == []


def test_a_quotation_after_a_colon_with_its_own_cue_is_that_cues(nlp, quotes_of) -> None:
    text = "In her address, Morgan stressed the value of patience, courage and humour: “Keep going, and when you are tired, keep going again,” she said."
    found = [(quote.cue.text, quote.source.text, _content(quote)) for quote in quotes_of(nlp, text)]
    assert found == [
        ("stressed", "Morgan", "the value of patience, courage and humour"),
        ("said", "she", "“Keep going, and when you are tired, keep going again,”"),
    ]


def test_a_quotation_after_a_participle_phrase_goes_on_with_the_quoted_speaker(nlp, quotes_of) -> None:
    text = ("“The town was sold out by the council,” Smith said in August, referring to the planning board, the chief "
            "body in the talks. “You cannot let them build there. You can't have it.”")
    said = [quote for quote in quotes_of(nlp, text) if quote.cue.text == "said"]
    assert len(said) == 1 and said[0].source.text == "Smith"
    assert _content(said[0]) == "“The town was sold out by the council,” | “You cannot let them build there. You can't have it.”"
