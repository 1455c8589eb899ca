"""Events on paragraphs the team wrote: types, modes, participants, places, times, main events."""

from __future__ import annotations

import pytest

from newsgraph.model import Article, EventMode, SourceFormat, SourcePointer, article_id, check_evidence
from newsgraph.nlp.events import EXTRACTOR
from newsgraph.nlp.pipeline import make_doc
from newsgraph.nlp.plover import TYPES, plover_code


@pytest.fixture(scope="module")
def nlp(full_nlp):
    return full_nlp  # the whole pipeline, loaded once a session (conftest.py)


@pytest.fixture(scope="module")
def run(nlp):
    def _run(text: str) -> dict:
        article = Article(id=article_id("test", text), source=SourcePointer(path="t", format=SourceFormat.TEXT), text=text)
        return nlp(make_doc(nlp, article))._.ng

    return _run


def _event(state: dict, trigger: str):
    found = [e for e in state["events"] if e.trigger.text == trigger]
    assert len(found) == 1, [e.trigger.text for e in state["events"]]
    return found[0]


# text, trigger, type, mode, actors, targets, place, time
CASES = [
    ("Police arrested three protesters outside the parliament in Budapest on Tuesday.",
     "arrested", "COERCE", "asserted", {"Police"}, {"three protesters"}, "Budapest", "Tuesday"),
    ("The foreign ministers of Chile and Peru will meet in Lima next month to discuss the border dispute.",
     "meet", "CONSULT", "planned", {"foreign ministers of Chile and Peru"}, set(), "Lima", "next month"),
    ("Kenya plans to send 1,000 police officers to Haiti.",
     "send", "MOBILIZE", "planned", {"Kenya"}, {"1,000 police officers", "Haiti"}, None, None),
    # only hoped for, supposed, or the content of a threat: no happening told, typed OTHER (its
    # mode kept; newsgraph.events.v12); the threat itself keeps its type
    ("The union hopes to reach a deal with the airline by Friday.",
     "deal", "OTHER", "hoped", {"union"}, {"airline"}, None, "Friday"),
    ("The minister denied that the army had attacked the village.",
     "attacked", "ASSAULT", "denied", {"army"}, {"village"}, None, None),
    # cutting jobs is economy, not a PLOVER sanction (newsgraph.events.v4)
    ("The company did not cut jobs in Ohio last year.",
     "cut", "OTHER", "denied", {"company"}, {"jobs"}, "Ohio", "last year"),
    ("If the talks fail, the rebels could attack the capital.",
     "attack", "OTHER", "hypothetical", {"rebels"}, {"capital"}, None, None),
    ("Officials said the government had imposed a curfew in the northern city of Kano.",
     "curfew", "COERCE", "reported", {"government"}, set(), None, None),
    ("Rebels attacked an army base near Goma on Sunday, killing four soldiers.",
     "attacked", "ASSAULT", "asserted", {"Rebels"}, {"army base"}, "Goma", "Sunday"),
    ("The European Union imposed sanctions on Belarus on Monday.",
     "sanctions", "SANCTION", "asserted", {"European Union"}, {"Belarus"}, None, "Monday"),
    ("Farmers protested against the new tax in Paris on Friday.",
     "protested", "PROTEST", "asserted", {"Farmers"}, {"new tax"}, "Paris", "Friday"),
    ("Germany condemned the attack on the embassy.",
     "condemned", "ACCUSE", "asserted", {"Germany"}, {"attack"}, None, None),
    ("Apple released a new phone in California on Wednesday.",
     "released", "OTHER", "asserted", {"Apple"}, {"new phone"}, "California", "Wednesday"),
    ("Thousands of workers marched through Seoul on Saturday to demand higher wages.",
     "marched", "PROTEST", "asserted", {"Thousands of workers"}, set(), "Seoul", "Saturday"),
    # signing a formal agreement is SUPPORT (CAMEO 057); a signing the writer tells as a schedule keeps
    # its code (since events v28; a signing someone states they intend is AGREE)
    ("The two presidents are expected to sign a trade agreement in Hanoi on Friday.",
     "agreement", "SUPPORT", "planned", {"two presidents"}, set(), "Hanoi", "Friday"),
    ("The United Nations will provide food aid to refugees in Sudan.",
     "provide", "AID", "planned", {"United Nations"}, {"food aid", "refugees"}, "Sudan", None),
    ("Russia threatened to cut gas supplies to Ukraine.",
     "cut", "OTHER", "hypothetical", {"Russia"}, {"gas supplies", "Ukraine"}, None, None),
    ("The mayor said she would not resign.",
     "resign", "CONCEDE", "denied", {"mayor"}, set(), None, None),
    ("The prime minister visited flood victims in Dhaka on Monday.",
     "visited", "CONSULT", "asserted", {"prime minister"}, {"flood victims"}, "Dhaka", "Monday"),
    ("A bomb exploded outside a school in Afghanistan's Kandahar province on Monday.",
     "exploded", "ASSAULT", "asserted", {"bomb"}, set(), "Kandahar", "Monday"),
    ("Militants stormed a hotel in Kenya's capital Nairobi.",
     "stormed", "ASSAULT", "asserted", {"Militants"}, {"hotel"}, "Nairobi", None),
    ("The opposition demanded that the prime minister resign.",
     "demanded", "REQUEST", "asserted", {"opposition"}, {"prime minister"}, None, None),
]


@pytest.mark.parametrize(("text", "trigger", "etype", "mode", "actors", "targets", "place", "time"), CASES)
def test_events_reads_who_did_what_to_whom(run, text, trigger, etype, mode, actors, targets, place, time) -> None:
    event = _event(run(text), trigger)
    assert event.type == etype
    assert event.mode is EventMode(mode)
    assert {a.evidence.text for a in event.actors} == actors
    assert {a.evidence.text for a in event.targets} == targets
    assert (event.place.evidence.text if event.place else None) == place
    assert (event.time.evidence.text if event.time else None) == time


@pytest.mark.parametrize(
    "text",
    [
        "The spokesman said the report was accurate.",
        "“We are ready,” she said.",
        "He told reporters that the plan was fine.",
    ],
)
def test_events_bare_saying_is_no_event(run, text) -> None:
    triggers = {e.trigger.text for e in run(text)["events"]}
    assert not triggers & {"said", "told"}


@pytest.mark.parametrize(
    ("text", "trigger", "mode"),
    [
        ("The ministry said troops had shelled the town.", "shelled", "reported"),
        ("The leaders are to meet in Geneva.", "meet", "planned"),
        ("The bank is seeking to raise fresh capital.", "raise", "hoped"),
        ("The rebels want to seize the port.", "seize", "hoped"),
        ("Workers urged the company to raise wages.", "raise", "demanded"),
        ("The president refused to sign the bill.", "sign", "denied"),
        ("The army might withdraw its troops.", "withdraw", "hypothetical"),
        ("The rebels are willing to free the hostages.", "free", "planned"),
        ("Protesters will march on the capital next week.", "march", "planned"),
    ],
)
def test_events_mode_from_context(run, text, trigger, mode) -> None:
    assert _event(run(text), trigger).mode is EventMode(mode)


@pytest.mark.parametrize(
    ("text", "trigger", "etype"),
    [
        ("Students took to the streets of Dhaka.", "took", "PROTEST"),
        ("Truckers blocked the main bridge into the city.", "blocked", "PROTEST"),
        ("The government blocked the website.", "blocked", "SANCTION"),
        ("The embassy lodged a formal protest with the ministry.", "protest", "ACCUSE"),
        ("The two sides held talks in Doha.", "talks", "CONSULT"),
        ("Militants blew up a pipeline.", "blew up", "COERCE"),
        ("The rebels released two hostages.", "released", "RETREAT"),
        ("The startup launched a new app.", "launched", "OTHER"),
        ("The charity sent food to the flooded villages.", "sent", "AID"),
        ("The rebels are to free the hostages on Friday.", "free", "RETREAT"),  # a schedule (said willing: AGREE, events v28)
    ],
)
def test_events_type_from_trigger_and_context(run, text, trigger, etype) -> None:
    assert _event(run(text), trigger).type == etype


def test_events_link_actors_to_mentions_and_keep_evidence(run) -> None:
    text = "Rebels attacked an army base near Goma on Sunday.\nThe United Nations condemned the attack."
    state = run(text)
    mention_ids = {m.id for m in state["mentions"]}
    (condemned,) = [e for e in state["events"] if e.trigger.text == "condemned"]
    assert [a.mention_id in mention_ids for a in condemned.actors] == [True]
    for event in state["events"]:
        assert event.extractor == EXTRACTOR
        assert event.type in TYPES or event.type == "OTHER"
        for evidence in [event.trigger] + [a.evidence for a in event.actors + event.targets]:
            assert check_evidence(evidence, text) is None
    assert EXTRACTOR in state["extractors"]


@pytest.mark.parametrize(
    ("text", "who", "what", "when", "where", "why", "how"),
    [  # without a manner phrase, the how is the act as the lede words it (the verb group)
        ("Thousands of workers marched through Seoul on Saturday to demand higher wages.",
         "Thousands of workers", "marched", "Saturday", "Seoul", "to demand higher wages", "marched"),
        ("Japan and South Korea agreed to resume talks.",
         "Japan", "agreed to resume talks", None, None, None, "agreed"),
        ("Rebels attacked an army base near Goma on Sunday after talks collapsed.",
         "Rebels", "attacked an army base", "Sunday", "Goma", "after talks collapsed", "attacked"),
        ("Police dispersed the crowd in Nairobi on Monday by firing tear gas.",
         "Police", "dispersed the crowd", "Monday", "Nairobi", None, "by firing tear gas"),
        ("LONDON -- Police arrested a man on Friday after a car hit a barrier.",
         "Police", "arrested a man", "Friday", "LONDON", "after a car hit a barrier", "arrested"),
        ("The driver narrowly avoided a crash in Leeds on Sunday.",
         "driver", "avoided a crash", "Sunday", "Leeds", None, "narrowly avoided a crash"),
        ("Firefighters rescued two children in Croydon, South London, on Monday.",
         "Firefighters", "rescued two children", "Monday", "Croydon, South London", None, "rescued"),
    ],
)
def test_events_main_event_answers_5w1h(run, text, who, what, when, where, why, how) -> None:
    state = run(text)
    main = state["main"]
    got = {q: (getattr(main, q).text if getattr(main, q) else None) for q in ("who", "what", "when", "where", "why", "how")}
    assert got == {"who": who, "what": what, "when": when, "where": where, "why": why, "how": how}
    assert sum(e.main for e in state["events"]) == 1


def test_events_article_without_events_has_no_main(run) -> None:
    state = run("Sunny skies.")
    assert state["events"] == () and state["main"] is None


@pytest.mark.parametrize(
    ("etype", "mode", "code"),
    [("CONSULT", "hoped", "AGREE"), ("CONSULT", "planned", "CONSULT"), ("SANCTION", "planned", "THREATEN"), ("AID", "denied", "REJECT"),
     ("OTHER", "demanded", "REQUEST"), ("ASSAULT", "asserted", "ASSAULT"), ("PROTEST", "planned", "PROTEST")],
)
def test_events_plover_code_reads_intentions(etype, mode, code) -> None:
    assert plover_code(etype, mode) == code


@pytest.mark.parametrize(
    ("text", "trigger", "time_text"),
    [
        ("Farmers protested against the new tax in Paris on Friday.", "protested", "Friday"),
        ("The two leaders will meet in Tokyo next week.", "meet", "next week"),
    ],
)
def test_events_time_carries_the_times_component_value(nlp, text, trigger, time_text) -> None:
    from datetime import datetime, timezone

    article = Article(
        id=article_id("dated", text), source=SourcePointer(path="t", format=SourceFormat.TEXT), text=text,
        published=datetime(2025, 10, 22, tzinfo=timezone.utc),
    )
    state = nlp(make_doc(nlp, article))._.ng
    event = _event(state, trigger)
    (record,) = [t for t in state["times"] if t.evidence.text == time_text]
    assert event.time is not None and event.time.evidence == record.evidence
    assert event.time.value == record.value and record.value is not None
