"""Typed events a reader wants (issue 12, point 1), on sentences the team wrote: a typed word used
of things, trade, talk or sport, an event the text says did not happen, or one it only supposes,
is kept as OTHER; the political sense keeps its type. Each class was read off BBC News articles
outside the held-out sample (tests/golden/events-bbc/dev.json and other random ones)."""

from __future__ import annotations

import pytest

from newsgraph.model import Article, SourceFormat, SourcePointer, article_id
from newsgraph.nlp.pipeline import make_doc


@pytest.fixture(scope="module")
def nlp(full_nlp):
    return full_nlp  # the whole pipeline, loaded once a session (conftest.py)


def _events(nlp, text: str, trigger: str) -> list:
    article = Article(id=article_id("test", text), source=SourcePointer(path="t", format=SourceFormat.TEXT), text=text)
    return [e for e in nlp(make_doc(nlp, article))._.ng["events"] if e.trigger.text == trigger]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a firm's own trade stopped, money policy, things supported, executed, hosted, shown
        ("Nordair will halt its flights to Lisbon next month.", "halt"),
        ("Studio Lumen will shut down in May.", "shut down"),
        ("The minister wants to cut fuel subsidies.", "cut"),
        ("The broadcaster cut a kissing scene from the film.", "cut"),
        ("The company will support older file formats.", "support"),
        ("Kestrel Labs said its chip triples the count of commands that can be executed in one cycle.", "executed"),
        ("The comedian hosted the awards ceremony.", "hosted"),
        ("The company demonstrated its new robot at the fair.", "demonstrated"),
        ("Parts of the film will be shot in the castle, Marta Lind said.", "shot"),
        ("Since it was released in 2003, the novel has sold well.", "released"),
        ("Our engineers worked with the old software for years.", "worked"),
        ("The council said the complaint had been dealt with.", "dealt"),
        ("They have been taken for granted by Mr Lind.", "granted"),
        # a view, advice or talk about a topic: no agreement, proposal, threat or meeting
        ("The board recognised the plan was sound.", "recognised"),
        ("The goalkeeper agreed that the pitch was poor.", "agreed"),
        ("Analysts have warned that growth will slow.", "warned"),
        ("The minister warned the bank that the economy could shrink.", "warned"),
        ("The agency issued a warning about icy roads.", "warning"),
        ("The singer talked about her childhood.", "talked"),
        ("Anna Berg discussed the challenges facing farmers.", "discussed"),
        ("The party will hold a news conference on Monday.", "conference"),
        ("The charity made its case in a letter signed by ten doctors.", "signed"),
        ("Anna Berg was the first Norwegian to get to the last eight of a major golf event.", "event"),
        # sport
        ("Referee Tomas Holm dismissed Jonas Berg in the second half.", "dismissed"),
        ("They defend very well.", "defend"),
        ("Marta Lind's double strike won the match.", "strike"),
        ("The striker was forced home with a knee injury.", "forced"),
        ("Singer Ola Lind is hoping to tour in Brazil next year.", "tour"),
        ("Rovers were beaten 3-1 by United.", "beaten"),
        ("The Welsh fixtures against Italy and Spain have been cancelled.", "cancelled"),
        ("Fewer mortgages were approved in March than a year earlier.", "approved"),
        ("Ola Lind, who shot to fame in 1964, is still singing.", "shot"),
        ("Most of our staff are mobile, meaning they spend much time travelling and away from the office.", "travelling"),
        ("Sweden said it was one of the best meetings it could recall.", "recall"),
        ("Swedish domestic demand was weak, Mr Holm said.", "demand"),
        ("The charity Oxfam will host the minister's speech on Monday.", "host"),
        ("Analysts agree that the rise is down to lower prices.", "agree"),
        ("Mr Lind was frozen out by coach Tomas Holm.", "frozen out"),
        ("Striker Ola Lind cracked home with his left foot.", "cracked"),
        ("The country battled to recover from its first recession.", "battled"),
        ("A Swedish airline attendant is fighting for her job.", "fighting"),
        ("It helps, said Mr Holm, that people are more aware of the service.", "helps"),
        ('"He will sign on Monday," said a club official, who declined to be named.', "declined"),
        ("Mr Holm doesn't simply talk a good game.", "talk"),
        ("Jennifer Lind cancelled an appearance at the premiere.", "cancelled"),
        ("Nordbank is planning a share sale.", "sale"),
        # "they" in a quotation is not the one person who said it, so the quotation's event has no named doer
        ('"Pupils cannot choose, and they deserve to be protected," said Education Secretary Anna Lind.', "protected"),
        ("Asian central banks halted the dollar's slide on Monday.", "halted"),
        ("Nordic officials were talking up the krona, Mr Holm said.", "talking"),
        # anyone ("you") is no one in particular
        ("When you start conceding goals, you lose confidence.", "conceding"),
        ("You can shoot an enemy repeatedly in the game.", "shoot"),
        # what did not happen, or is only supposed
        ('"I had no warning," Ms Lind told reporters.', "warning"),
        ("Police made no arrests.", "arrests"),
        ("A police spokesman said the singer may have been detained.", "detained"),
        ("The party did not oppose the bill.", "oppose"),
        ("The union could protest against the plan.", "protest"),
        ("The network will deploy fibre across the country.", "deploy"),
    ],
)
def test_a_typed_word_not_used_of_a_happening_is_other(nlp, text: str, trigger: str) -> None:
    assert [e.type for e in _events(nlp, text, trigger) if e.type != "OTHER"] == []


@pytest.mark.parametrize(
    ("text", "trigger", "etype"),
    [
        ("Russia halted gas supplies to Ukraine.", "halted", "SANCTION"),
        ("The regime executed three prisoners.", "executed", "COERCE"),
        ("The government cut aid to the region.", "cut", "SANCTION"),
        ("The minister warned that the army would strike back.", "warned", "THREATEN"),
        ("The minister discussed trade with her French counterpart.", "discussed", "CONSULT"),
        ("The firm worked with the police.", "worked", "COOPERATE"),
        ("The two governments agreed that they should cooperate.", "agreed", "AGREE"),
        ("The minister denied that the army had attacked the village.", "attacked", "ASSAULT"),
        ("The rebels released two hostages.", "released", "RETREAT"),
        ("The army deployed 500 troops to the border.", "deployed", "MOBILIZE"),
        ("The UN deployed a team of monitors.", "deployed", "MOBILIZE"),
    ],
)
def test_the_political_sense_keeps_its_type(nlp, text: str, trigger: str, etype: str) -> None:
    assert [e.type for e in _events(nlp, text, trigger)] == [etype]


@pytest.mark.parametrize(
    ("text", "trigger", "etype"),
    [
        ("The plan was blamed by the parents of the boy.", "blamed", "ACCUSE"),
        ("The actor paid tribute to his first teacher.", "tribute", "SUPPORT"),
        ("In May, Mr Holm quit his radio show.", "quit", "CONCEDE"),
        ("Mr Holm resigned in October, after criticising the party.", "criticising", "ACCUSE"),
        ("Police investigating the fire arrested two men.", "investigating", "ACCUSE"),
        ("Only the Greens stood against the war.", "stood", "REJECT"),
        ("The minister brushed aside questions about the budget.", "brushed aside", "REJECT"),
        ("The regulator took the two banks to court.", "took", "ACCUSE"),
        ("Mr Holm said the firm broke a promise to its staff.", "broke", "REJECT"),
    ],
)
def test_events_a_reader_wants_are_typed(nlp, text: str, trigger: str, etype: str) -> None:
    assert [e.type for e in _events(nlp, text, trigger)] == [etype]


def test_charging_a_fee_is_no_accusation(nlp) -> None:
    text = "Her policy of charging students for tuition fees was not popular."
    assert [e.type for e in _events(nlp, text, "charging") if e.type != "OTHER"] == []


def test_a_coordinated_verb_with_its_own_auxiliary_keeps_its_own_mode(nlp) -> None:
    text = "The ministry will review the case and has arrested two men."
    assert [(e.type, e.mode.value) for e in _events(nlp, text, "arrested")] == [("COERCE", "asserted")]


# events v12: a happening the text only wishes for or supposes is no happening reported; a plan
# told in reported speech ("said it would ...") and a threat keep their type.
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Critics say the cuts will hurt the farmers that the Halvard government says it wants to help.", "help"),
        ("Ms Orla Brennan hopes to meet the Norwegian trade minister in Oslo next year.", "meet"),
        ("If the union strikes again, the Delmont council might sanction its leaders.", "sanction"),
        # events v20: a plan on a condition is still a supposition (the confidence table weighs it under
        # its threshold); before, one told in reported speech kept its type
        ("The rebel leaders said they would meet the UN mediator if he gave them a veto.", "meet"),
    ],
)
def test_a_happening_only_wished_for_or_supposed_is_other(nlp, text: str, trigger: str) -> None:
    found = _events(nlp, text, trigger)
    assert found and all(e.type == "OTHER" for e in found)


@pytest.mark.parametrize(
    ("text", "trigger", "code"),
    [
        ("The Valmora government said on Monday it would allow the return of the inspectors.", "allow", "RETREAT"),
        ("The Delmont council threatened to sanction the union leaders.", "threatened", "THREATEN"),
    ],
)
def test_a_plan_in_reported_speech_or_a_threat_keeps_its_type(nlp, text: str, trigger: str, code: str) -> None:
    found = _events(nlp, text, trigger)
    assert found and found[0].type == code


# events v12: a nominal happening with no actor needs someone among its participants; one aimed
# only at things is no event a reader follows (protests and bombings may be aimed at things).
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Catholic groups in Goa demanded the withdrawal of the film.", "withdrawal"),
        ("The Secret Service, whose brief includes investigations of financial crime, is looking into it.", "investigations"),
    ],
)
def test_a_nominal_event_aimed_only_at_things_is_other(nlp, text: str, trigger: str) -> None:
    found = _events(nlp, text, trigger)
    assert found and all(e.type == "OTHER" for e in found)


@pytest.mark.parametrize(
    ("text", "trigger", "code"),
    [
        ("The arrest of the mayor shocked the town.", "arrest", "COERCE"),
        ("There were protests against the war in several cities.", "protests", "PROTEST"),
        ("The bombing of the hotel shocked the city.", "bombing", "ASSAULT"),
    ],
)
def test_a_nominal_event_with_someone_or_a_protest_keeps_its_type(nlp, text: str, trigger: str, code: str) -> None:
    found = _events(nlp, text, trigger)
    assert found and found[0].type == code


# events v14, read off the second development set (tests/golden/events-bbc/dev2.json) and 500 other
# BBC articles outside the held-out sample: an act weighed by an adjective, a participle in an
# absolute phrase, a shot with no one shot, and more everyday senses.
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Mr Holm said it would be rash and negligent to ignore the warnings of the police.", "ignore"),
        ("The ministry hired lawyers to be able to defend its decision in court.", "defend"),
        ("It is important to punish those who cheat, the coach said.", "punish"),
        ("Critics said it would have been wiser to seek a vote sanctioning the deal.", "sanctioning"),
        ("Rovers are short of defenders, with Ola Lind injured and Jonas Berg away.", "injured"),
        ("The mayor opened the new gym and shot hoops with pupils from Brightside School.", "shot"),
        ("The shadow minister warned of rising obesity levels among children.", "warned"),
        ("Anna Berg took another step towards the title on Sunday.", "step"),
        ("The conductor was taking a bow when the lights went out.", "bow"),
        ("Many drivers are fed up with the roadworks.", "fed up"),
        ("Voters backed the singer as opposed to the song, Mr Holm said.", "opposed"),
        ("The sprinter has always protested his innocence.", "protested"),
    ],
)
def test_an_act_weighed_a_state_or_an_everyday_sense_is_other(nlp, text: str, trigger: str) -> None:
    found = _events(nlp, text, trigger)
    assert found and all(e.type == "OTHER" for e in found), [(e.trigger.text, e.type) for e in found]


@pytest.mark.parametrize(
    ("text", "trigger", "code"),
    [
        ("Police were able to arrest the two men on Monday.", "arrest", "COERCE"),
        ("Soldiers shot two protesters in the main square.", "shot", "ASSAULT"),
        ("Gunmen shot at a bus carrying pilgrims.", "shot", "ASSAULT"),
        ("The rebels warned of retaliation if the army advanced.", "warned", "THREATEN"),
        ("The union warned that it would strike unless the offer improved.", "warned", "THREATEN"),
    ],
)
def test_an_act_told_keeps_its_type_beside_those_rules(nlp, text: str, trigger: str, code: str) -> None:
    found = _events(nlp, text, trigger)
    assert found and found[0].type == code, [(e.trigger.text, e.type) for e in found]
