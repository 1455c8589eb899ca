"""PLOVER context rules (from the CAMEO-to-PLOVER table) and the everyday senses of typed words,
on sentences the team wrote."""

from __future__ import annotations

import pytest

from newsgraph.model import Article, SourceFormat, SourcePointer, article_id
from newsgraph.nlp.pipeline import load_pipeline, make_doc
from newsgraph.nlp.plover import plover_code


@pytest.fixture(scope="module")
def events():
    nlp = load_pipeline()

    def _events(text: str) -> dict[str, tuple[str, tuple[str, ...]]]:
        article = Article(id=article_id("rules", text), source=SourcePointer(path="t", format=SourceFormat.TEXT), text=text)
        found = nlp(make_doc(nlp, article))._.ng["events"]
        return {e.trigger.text: (plover_code(e.type, e.mode.value), tuple(a.evidence.text for a in e.actors)) for e in found}

    return _events


@pytest.mark.parametrize(("text", "trigger", "code"), [
    ("The junta lifted the curfew in the capital on Monday.", "lifted", "CONCEDE"),  # 081
    ("Washington lifted sanctions on Rangoon.", "lifted", "RETREAT"),  # 085
    ("The teachers' union called off its strike after talks with ministers.", "strike", "CONCEDE"),  # 082 (the light verb's object is the trigger)
    ("The government banned the main opposition party.", "banned", "COERCE"),  # 1722
    ("The army imposed a state of emergency in the north.", "imposed", "COERCE"),  # 1724
    ("Tehran received a team of UN inspectors on Sunday.", "received", "RETREAT"),  # 0862
    ("Oman and Qatar established diplomatic ties last year.", "established", "SUPPORT"),  # 054
    ("The rebels violated the ceasefire overnight.", "violated", "ASSAULT"),  # 196
    ("Cairo recalled its ambassador from Tel Aviv.", "recalled", "SANCTION"),  # 161
    ("The police charged two men with murder.", "charged", "COERCE"),  # 173
    ("Gunmen tried to assassinate the mayor.", "assassinate", "ASSAULT"),  # 185: an attempt is an act
    ("The guards remained on alert along the border.", "alert", "MOBILIZE"),  # 151-152
    ("Syria has strengthened its forces near the border.", "strengthened", "MOBILIZE"),  # 154
    ("The mayor protested that the city had been ignored.", "protested", "ACCUSE"),  # 114
])
def test_plover_rules_follow_the_cameo_table(events, text, trigger, code) -> None:
    found = events(text)
    assert trigger in found, found
    assert found[trigger][0] == code


@pytest.mark.parametrize(("text", "trigger"), [
    ("Apple offers a cheaper laptop for students.", "offers"),
    ("Ronaldo settled the game in the second half.", "settled"),
    ("The firm will cut costs by closing two plants.", "cut"),
    ("She lifted the trophy after the final.", "lifted"),
    ("The band released a new album on Friday.", "released"),
    ("The new law will protect inventions for twenty years.", "protect"),
    ("Nadal beat Federer in four sets.", "beat"),
    ("The city has won four games since the new coach took charge.", "charge"),
    ("New releases on offer will include three comedies.", "releases"),
    ("Most users visit search engines before they buy online.", "visit"),
    ("Hale rallied to win the final set 6-4.", "rallied"),
    ("An angry Hale slammed his racket onto the court.", "slammed"),
    ("The crew was shooting a film in the hotel when the fire began.", "shooting"),
    ("The firms drill for oil under federal leases.", "drill"),
    ("Half the visitors came to the museum to sit down and read.", "sit down"),
    ("Hale will need to improve if she is to defend her world title in Oslo.", "defend"),
    ("She had to battle back after a slow start but won the race.", "battle"),
    ("Okoro stormed to his first major title in 20.4 seconds.", "stormed"),
    ("The Kenyan runner attacked the last 300m to win.", "attacked"),
    ("Hale eased across the finish line in first place.", "eased"),
    ("I agree with Mr Hale on this one.", "agree"),
])
def test_plover_everyday_senses_stay_untyped(events, text, trigger) -> None:
    found = events(text)
    assert found.get(trigger, ("OTHER",))[0] == "OTHER", found


@pytest.mark.parametrize(("text", "trigger", "code"), [
    ("Supporters rallied behind the president on Sunday.", "rallied", "SUPPORT"),
    ("The opposition slammed the government over the delays.", "slammed", "ACCUSE"),
    ("The minister visited Kenya last week.", "visited", "CONSULT"),
    ("Prosecutors charged the driver with dangerous driving.", "charged", "COERCE"),
    ("Police shot two men outside the bank.", "shot", "ASSAULT"),
    ("The two leaders sat down with mediators in Geneva.", "sat down", "CONSULT"),
    ("The minister defended the army's conduct in the north.", "defended", "SUPPORT"),
    ("Police stormed the building at dawn.", "stormed", "ASSAULT"),
    ("Gunmen attacked a police station in the north.", "attacked", "ASSAULT"),
    ("The two sides agreed to a ceasefire on Friday.", "agreed", "AGREE"),
    ("Both countries agreed a trade deal in May.", "agreed", "AGREE"),
    ("The two firms have joined forces to build a payment system.", "forces", "COOPERATE"),
    ("The two companies have agreed on the price of future deliveries.", "agreed", "AGREE"),
])
def test_plover_the_same_words_in_their_political_sense_keep_the_type(events, text, trigger, code) -> None:
    assert events(text).get(trigger, ("OTHER",))[0] == code


def test_plover_nominal_event_carries_its_participants(events) -> None:
    found = events("Palestinian riots against Israeli policies continued on Friday.")
    assert found["riots"][0] == "PROTEST"
    assert found["riots"][1] == ("Palestinian",)


def test_plover_typed_event_needs_an_actor_or_someone_acted_on(events) -> None:
    found = events("Warning over pensions. Three men were arrested in Leeds.")
    assert found.get("Warning", ("OTHER",))[0] == "OTHER"
    assert found["arrested"][0] == "COERCE"
