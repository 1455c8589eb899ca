"""Events v22 and v23 on sentences the team wrote: what the text names without telling it as done or as
news (a forecast, the writer's view, a purpose, a dispute called a clash, history), and more
everyday senses (a question asked, no comment, a contract with a label, a cause blamed, a tip)."""

from __future__ import annotations

import pytest

from newsgraph.model import Article, SourceFormat, SourcePointer, article_id
from newsgraph.nlp.events import EXTRACTOR
from newsgraph.nlp.pipeline import load_pipeline, make_doc


@pytest.fixture(scope="module")
def run():
    nlp = load_pipeline()

    def _run(text: str, headline: str = "Headline about a port") -> dict[str, tuple[str, str, tuple[str, ...]]]:
        text = f"{headline}\n\n{text}"
        article = Article(id=article_id("test", text), source=SourcePointer(path="t", format=SourceFormat.TEXT), text=text)
        events = nlp(make_doc(nlp, article))._.ng["events"]
        assert all(e.extractor == EXTRACTOR == "newsgraph.events.v29" for e in events)
        return {e.trigger.text: (e.type, e.mode.value, tuple(a.evidence.text for a in e.actors)) for e in events}

    return _run


def _type(found: dict, trigger: str) -> str:
    return found.get(trigger, ("OTHER",))[0]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a purpose of the same type is the one meeting
        ("The harbour board meets on Tuesday to discuss the dredging plan.", "discuss"),
        ("The ferry union held a long meeting to discuss the new rota.", "discuss"),
        # a clash that is a dispute, or a fixture
        ("The Greens and the Liberals clashed over the harbour budget.", "clashed"),
        ("The port's mayor clashed on Monday with harbour campaigner Ada Fenwick.", "clashed"),
        ("Harbour Rovers face a Saturday clash against Dock United.", "clash"),
        # a forecast of what others expect a party to do
        ("The dredging bill is expected to be opposed by the Greens.", "opposed"),
        ("The ministry said it expected the harbour fees to be frozen.", "frozen"),
        # the writer's view (a reader's comment, outside quotations)
        ("I think such ferry crews should be thanked too.", "thanked"),
        ("I can't see why people won't just congratulate the pilots.", "congratulate"),
        ("If the mayor believes in fairness, he and his deputy should resign.", "resign"),
        # a plan told in reported speech on a condition, or a preference, is still a supposition
        ("The dockers said they would strike if the owners cut their pay.", "strike"),
        ("The crews said they would rather be sacked than sail for the new owners.", "sacked"),
        # history: dated long before the text's own time (2021)
        ("The port's founders met the city council on 2 May 1889. The new pier opened in 2021.", "met"),
        # everyday senses
        ("They questioned if the new rules could deter investment in the port.", "questioned"),
        ("The harbour master refused to say whether the pier would close.", "refused"),
        ("Signed to a small record label, the dock band released two singles.", "Signed"),
        ("Rising fuel prices and a weaker pound were blamed for the fall in trade.", "blamed"),
        ("The captain warned the visiting crews will be the hardest rivals yet.", "warned"),
        ("The old skipper backed the island crew to win the regatta.", "backed"),
        ("The coach guided the club to back to back titles.", "back"),
        ("The captain handed over responsibility to his deputy.", "handed over"),
        # events v23: a disaster's toll, a view experts share, a misplaced warning's clause, a result, a boast
        ("More than 2,000 people are believed to have been killed in the province closest to the earthquake.",
         "killed"),
        ("Legal experts agree that if the court rules for the studios they would be able to sue the firms.", "agree"),
        ("The harbour master had warned the mayor in a letter that the new pier could be unsafe.", "warned"),
        ("Wales rallied to a 23-17 win over the visitors.", "rallied"),
        ("The visitors' big talk was made to look foolish.", "talk"),
        ("Readers wrote in to the website to praise the ferry and to offer a warning.", "offer"),
    ],
)
def test_events_untold_not_typed(run, text, trigger) -> None:
    found = run(text)
    assert trigger in found
    assert _type(found, trigger) == "OTHER"


@pytest.mark.parametrize(
    ("text", "trigger", "etype"),
    [
        # the governing event stays
        ("The harbour board meets on Tuesday to discuss the dredging plan.", "meets", "CONSULT"),
        # a fight stays a fight: armed or crowded sides, harm told, or no sides named
        ("Riot police clashed with protesters outside the port offices.", "clashed", "ASSAULT"),
        ("Two dockers were injured when rival gangs clashed near the pier.", "clashed", "ASSAULT"),
        # a schedule is a plan, not a forecast; a party's own expectation is its plan
        ("The two ministers are expected to sign a port agreement in Ghent on Friday.", "agreement", "SUPPORT"),
        ("The dockers' union expects to strike next week.", "strike", "PROTEST"),
        # a demand someone is reported to make stays theirs
        ("The mayor should resign, the dockers' union said.", "resign", "CONCEDE"),
        # a recent dated happening is news
        ("The port's founders met the city council on 2 May 2019. The new pier opened in 2021.", "met", "CONSULT"),
        # the senses kept apart stay typed where they are the act
        ("He questioned the manner of the harbour master's appointment.", "questioned", "ACCUSE"),
        ("The dock owners blamed the harbour master for the delays.", "blamed", "ACCUSE"),
        ("The army warned it will attack the rebels' camp.", "warned", "THREATEN"),
        ("Three soldiers were killed in the province on Monday.", "killed", "ASSAULT"),
        ("The two firms agree that they will share the port's costs.", "agree", "AGREE"),
        ("The unions held talks with the owners.", "talks", "CONSULT"),
    ],
)
def test_events_untold_typed(run, text, trigger, etype) -> None:
    found = run(text)
    assert _type(found, trigger) == etype


def test_events_untold_a_meeting_called_for_is_demanded(run) -> None:
    found = run("The investors called for the board to hold an emergency meeting to discuss the offer.")
    assert found["called"][0] == "REQUEST"
    assert found["meeting"][1] == "demanded"
    assert _type(found, "meeting") == "OTHER"  # the request is the event
    assert _type(found, "discuss") == "OTHER"


def test_events_untold_a_forecast_keeps_its_mode(run) -> None:
    found = run("The dredging bill is expected to be opposed by the Greens.")
    assert found["opposed"][1] == "planned"


def test_events_untold_a_run_in_a_sports_report_is_no_charge(run) -> None:
    report = ("A powerful charge from the flanker was carried on by the lock, and the side scored a try to win"
              " 21-10. The team's second try came from a scrum after the coach changed the front row.")
    assert _type(run(report), "charge") == "OTHER"
