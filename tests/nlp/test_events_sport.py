"""The game itself is no PLOVER event (issue 12, point 1): in a sports report, sides that meet,
visit or face one another play a fixture, and a side that rallies comes back; the same words in
other news keep their type. Read off the third blind development set
(tests/golden/events-bbc/dev3.json); the sentences here are the team's own."""

from __future__ import annotations

import pytest

from newsgraph.nlp.places import sport_report

# Sentences that make a text a sports report, put before the one under test.
_MATCH_REPORT = (
    "Harbour Town beat Millbrook 2-1 in the league on Saturday to stay top of the table. "
    "The striker Jonas Berg scored both goals and the goalkeeper saved a late penalty. "
)
_POLITICS = (
    "The finance minister presented the budget to parliament on Tuesday. "
    "Opposition parties said the plans would raise taxes for families. "
)


@pytest.fixture(scope="module")
def nlp(full_nlp):
    return full_nlp  # the whole pipeline, loaded once a session (conftest.py)


@pytest.mark.parametrize(
    ("text", "sport"),
    [
        (_MATCH_REPORT, True),
        ("Anna Lind won the 5,000m final in Oslo and took the gold medal, her third title of the season.", True),
        ("The seeded player lost 6-3 6-4 in the quarter-final of the tournament.", True),
        (_POLITICS, False),
        ("The bank's chief executive said profits rose to $250m in the first quarter of the year.", False),
        ("The band played three new songs at the festival and sold 400,000 copies of the album.", False),
        # one word of sport in other news is not enough
        ("The minister, a former football coach, said the budget would help schools.", False),
    ],
)
def test_a_sports_report_is_told_by_its_words(text: str, sport: bool) -> None:
    assert sport_report(text) is sport


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("Kestrel Rovers will meet Ipswich in the fourth round next month.", "meet"),
        ("Third-placed Everton visit Plymouth on Saturday.", "visit"),
        ("The two sides meet at the national stadium on 12 March.", "meet"),
        ("She will now meet Petra Novak in the semi-final.", "meet"),
        ("Kestrel United will face the holders in January.", "face"),
        ("Marta Lind rallied well at times but could not hold her serve.", "rallied"),
        ("Petra Novak was beaten in straight sets by the top seed.", "beaten"),
        ("The captain has been ruled out of Saturday's cup clash against Millbrook.", "clash"),
        ("A powerful charge from the flanker set up the second try.", "charge"),
    ],
)
def test_the_game_itself_is_no_event_in_a_sports_report(nlp, codes, sentence: str, trigger: str) -> None:
    assert codes(nlp, _MATCH_REPORT + sentence, trigger) in ([], ["OTHER"])


@pytest.mark.parametrize(
    ("sentence", "trigger", "code"),
    [
        # people of a club or a body are met, not played
        ("Jonas Berg will meet officials of the club on Monday.", "meet", "CONSULT"),  # a schedule: a meeting (events v28)
        ("Millbrook's chairman held talks with the football association.", "talks", "CONSULT"),
        # the club sanctions and is sanctioned as anywhere
        ("Harbour Town have fined their captain two weeks' wages.", "fined", "SANCTION"),
        ("The association brought a charge of misconduct against the striker.", "charge", "ACCUSE"),
    ],
)
def test_acts_off_the_pitch_keep_their_type_in_a_sports_report(nlp, codes, sentence: str, trigger: str, code: str) -> None:
    assert code in codes(nlp, _MATCH_REPORT + sentence, trigger)


@pytest.mark.parametrize(
    ("sentence", "trigger", "code"),
    [
        ("The prime minister will meet President Okafor in Lagos next week.", "meet", "CONSULT"),
        ("The foreign minister visited Ghana on Monday.", "visited", "CONSULT"),
    ],
)
def test_the_same_words_keep_their_type_in_other_news(nlp, codes, sentence: str, trigger: str, code: str) -> None:
    assert code in codes(nlp, _POLITICS + sentence, trigger)


def test_a_crowd_that_rallies_outside_a_sports_report_keeps_its_type(nlp, codes) -> None:
    assert codes(nlp, _POLITICS + "Thousands of supporters rallied outside parliament.", "rallied") not in ([], ["OTHER"])


def test_a_side_beaten_in_a_headline_lost_a_game(nlp, codes) -> None:
    assert codes(nlp, "Novak beaten on comeback\n\n" + _MATCH_REPORT, "beaten") in ([], ["OTHER"])


def test_a_set_closed_out_shuts_nothing(nlp, codes) -> None:
    assert codes(nlp, _MATCH_REPORT + "Anna Lind, who closed out the set with an ace, plays on Friday.", "closed") in ([], ["OTHER"])


@pytest.mark.parametrize(
    ("text", "trigger", "code"),
    [
        # forced to do it: it was done, not only demanded (a resignation yields: CONCEDE)
        ("The mayor was forced to resign over the scandal.", "resign", "CONCEDE"),
        ("Protests forced the minister to resign.", "resign", "CONCEDE"),
        ("The army forced the rebels to withdraw from the town.", "withdraw", "RETREAT"),
        # ordered to do it: a demand
        ("The judge ordered the company to pay the workers.", "pay", "REQUEST"),
    ],
)
def test_forced_to_act_is_told_as_done(nlp, codes, text: str, trigger: str, code: str) -> None:
    assert codes(nlp, text, trigger) == [code]


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        ("Protests forced the minister to resign.", "resign", "minister"),
        ("The army forced the rebels to withdraw from the town.", "withdraw", "rebels"),
        ("The judge asked the court to free the prisoners.", "free", "court"),
        # no object: the subject does it
        ("The mayor wants to meet the protesters.", "meet", "mayor"),
    ],
)
def test_the_one_told_to_act_is_its_actor(nlp, events_at, text: str, trigger: str, actor: str) -> None:
    assert [a.evidence.text for e in events_at(nlp, text, trigger) for a in e.actors] == [actor]


@pytest.mark.parametrize(
    ("text", "trigger", "typed"),
    [
        ("The issue was discussed at length last year.", "discussed", False),
        ("How the rules will work has been less discussed.", "discussed", False),
        ("The unions were consulted before the plan was published.", "consulted", True),
    ],
)
def test_a_topic_discussed_is_no_meeting_someone_consulted_is(nlp, codes, text: str, trigger: str, typed: bool) -> None:
    codes = codes(nlp, text, trigger)
    assert (codes not in ([], ["OTHER"])) is typed
