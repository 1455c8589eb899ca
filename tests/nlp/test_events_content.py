"""One happening, one typed event; a disaster is no attacker (issue 12, point 1). An act that is
only what its governing event is about, with the same code ("agreed to reopen talks": one
agreement), is kept untyped beside it; a tsunami or an earthquake strikes but acts for no one,
while the aid a state gives for it is the state's. Read off the fourth development set
(tests/golden/events-bbc/dev4.json); the sentences here are the team's own."""

from __future__ import annotations

import pytest

from newsgraph.model import Article, SourceFormat, SourcePointer, article_id
from newsgraph.nlp.pipeline import make_doc
from newsgraph.nlp.plover import plover_code


@pytest.fixture(scope="module")
def nlp(full_nlp):
    return full_nlp  # the whole pipeline, loaded once a session (conftest.py)


def _typed(nlp, text: str) -> dict[str, str]:
    article = Article(id=article_id("test", text), source=SourcePointer(path="t", format=SourceFormat.TEXT), text=text)
    events = nlp(make_doc(nlp, article))._.ng["events"]
    return {e.trigger.text: plover_code(e.type, e.mode.value) for e in events if e.type != "OTHER"}


@pytest.mark.parametrize(
    ("text", "kept", "folded"),
    [
        ("The two governments agreed to reopen talks on fishing rights.", "agreed", "reopen"),
        ("The union leader urged the workers to stop the strike.", "urged", "stop"),
    ],
)
def test_an_act_that_is_its_heads_content_is_one_event(nlp, text: str, kept: str, folded: str) -> None:
    typed = _typed(nlp, text)
    assert kept in typed and folded not in typed


def test_asking_someone_to_act_is_a_request_a_question_asked_is_not(nlp) -> None:
    assert _typed(nlp, "She asked the court to free the prisoners.") == {"asked": "REQUEST"}
    assert "asked" not in _typed(nlp, '"Why now?" he asked.')


def test_an_act_of_another_code_under_its_head_keeps_its_own(nlp) -> None:
    # asked for an investigation: a request, and the investigation asked for keeps its own type
    typed = _typed(nlp, "The United States asked the trade body to investigate the tariffs.")
    assert typed.get("asked") == "REQUEST" and typed.get("investigate") == "ACCUSE"


@pytest.mark.parametrize(
    "text",
    [
        "The tsunami which struck the coast on Sunday killed hundreds of people.",
        "An earthquake hit the region and destroyed several villages.",
    ],
)
def test_a_disaster_is_no_attacker(nlp, text: str) -> None:
    assert not {t: c for t, c in _typed(nlp, text).items() if c in ("ASSAULT", "COERCE")}


def test_a_states_disaster_aid_is_the_states(nlp) -> None:
    from newsgraph.nlp.events import is_agent
    from newsgraph.nlp.phrases import MentionIndex

    struck = make_doc(nlp, Article(id="a", source=SourcePointer(path="t", format=SourceFormat.TEXT), text="The tsunami struck the coast."))
    owned = make_doc(nlp, Article(id="b", source=SourcePointer(path="t", format=SourceFormat.TEXT), text="UK tsunami aid will soar."))
    struck, owned = nlp(struck), nlp(owned)
    assert not is_agent(struck[1], MentionIndex(struck, ()))
    assert is_agent(owned[1], MentionIndex(owned, ()))  # the UK's: a thing of a state acts for it


@pytest.mark.parametrize(
    ("text", "trigger", "typed"),
    [
        # the writer's view of what ought to be done, by no one in particular
        ("Such bands should be accepted too.", "accepted", False),
        ("The two activists should have been given legal aid.", "aid", False),
        # a demand someone makes
        ("The prisoners must be released, the envoy said.", "released", True),
    ],
)
def test_an_ought_with_no_one_demanding_is_no_request(nlp, text: str, trigger: str, typed: bool) -> None:
    assert (trigger in _typed(nlp, text)) is typed
