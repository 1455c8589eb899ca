"""Events: who did what to whom, where and when, with a PLOVER type and a mode
(``newsgraph.events.v29``), and each article's main event as who / what / when / where / why / how.

An event worth a typed row has an actor that can act: a person, group, organisation or place
(a mention of those types, a name, a personal pronoun, a noun of ``AGENT_NOUNS`` or ending like
an agent: "police", "protesters", "the government", or a thing owned by a state or a body: "U.N.
helicopters"). A number is never an actor ("just 16 disagreed": dropped from
the actors); an event whose actors are only things ("a console that offers support") or whose
trigger is a state, not an action ("be", "seem", "remain"), is kept but typed OTHER, so the
reader's default view (typed events) leaves it apart; an event with no actor read at all (a
nominal "the protest", or an actor the parse missed) keeps its type. A thing the type needs
keeps it (a bomb assaults: ``worth``). A typed event that passes every rule is weighed last
by ``event_confidence`` (its type, who acts, how and where the text tells it): one under the fitted
threshold is typed OTHER too ("staff said they would rather be sacked": a supposition, no one sacked).

The component reads the parse already in the Doc and the facts of earlier components: entity
mentions (participants and places link to them) and time expressions (events link to the one in
their clause). Frames come from ``frames``, types from ``plover``, modes from ``modes``, what the
text names without telling it as done or as news (a forecast, the writer's view, history) from
``untold``, the main event from ``main_event``.

The package, one noun a module:

- ``time_place``: the doc's time expressions as events use them, and each time and place linked
  to the frame whose clause holds it;
- ``mode``: a frame's mode as its clause tells it, and whether a plan is a schedule the writer
  tells (``scheduled``: its type kept) or an intention someone states (typed AGREE, a pledge);
- ``actors``: who can act (``is_agent``) and a frame's actors without bare numbers;
- ``worth``: whether a frame is worth a type at all (an action, someone acting or acted on);
- ``told``: whether the text tells it as a happening (not denied, guessed, wished, weighed, set
  aside, a habit, a disaster's toll, or only the content of the event governing it);
- ``records``: the model ``Event`` for a frame, after every rule, and the extractor's versioned
  name (``EXTRACTOR``: bump it there when the output changes);
- ``headlines``: a headline's past participle read as a passive;
- here: the frames of a doc and the spaCy component.
"""

import dataclasses

from spacy.tokens import Doc

from newsgraph.model import EventMode
from newsgraph.nlp import modes
from newsgraph.nlp.component import register
from newsgraph.nlp.events.actors import AGENT_NOUNS, actor_tokens, is_agent, is_number
from newsgraph.nlp.events.headlines import read_headline_passives
from newsgraph.nlp.events.mode import frame_mode
from newsgraph.nlp.events.records import EXTRACTOR, to_event
from newsgraph.nlp.events.time_place import (
    TimeRef, doc_times, is_point_time, link_places, link_times, nearest_frame, time_tokens,
)
from newsgraph.nlp.events.worth import worth_a_type
from newsgraph.nlp.frames import Frame, sentence_frames, units
from newsgraph.nlp.main_event import main_event
from newsgraph.nlp.phrases import MentionIndex
from newsgraph.nlp.places import sport_report
from newsgraph.nlp.quote_cues import quote_regions

__all__ = [
    "AGENT_NOUNS", "EXTRACTOR", "TimeRef", "actor_tokens", "doc_frames", "doc_times", "is_agent", "is_number",
    "is_point_time", "nearest_frame", "read_headline_passives", "to_event", "worth_a_type",
]


def doc_frames(doc: Doc, index: MentionIndex, times: list[TimeRef]) -> list[Frame]:
    """Every frame of the doc, linked to its place and time, with its mode."""
    out: list[Frame] = []
    in_times = time_tokens(doc, times)
    for sent in units(doc):
        frames = sentence_frames(sent, in_times)
        by_token: dict[int, Frame] = {}
        for frame in frames:
            by_token.setdefault(frame.pred.i, frame)
            by_token.setdefault(frame.anchor.i, frame)
        link_times(by_token, times, sent)
        link_places(frames, by_token, sent, index)
        for frame in frames:
            frame.mode = frame_mode(frame, by_token)
            if frame.mode is EventMode.ASSERTED and frame.time is not None:
                ref = times[frame.time]
                if modes.is_future_time(ref.text):
                    frame.mode = EventMode.PLANNED
        out.extend(frames)
    return out


def _event_facts(doc: Doc) -> dict[str, object]:
    """The doc's events, the main one flagged, and the article's 5W1H."""
    state = doc._.ng
    article = state["article"]
    index = MentionIndex(doc, tuple(state.get("mentions", ())))
    times = doc_times(doc)
    read_headline_passives(doc)
    frames = doc_frames(doc, index, times)
    quotations = quote_regions(article.text)
    sport = sport_report(article.text)
    by_pred = {f.anchor.i: f for f in frames if f.nominal} | {f.pred.i: f for f in frames if not f.nominal}
    events = [to_event(f, article.text, index, times, article.id, quotations, sport, by_pred) for f in frames]
    main = main_event(doc, frames, events, index, times, tuple(state.get("entities", ())))
    if main is not None and main.event_id is not None:
        events = [dataclasses.replace(e, main=True) if e.id == main.event_id else e for e in events]
    return {"events": tuple(events), "main": main}


register("newsgraph_events", EXTRACTOR, _event_facts)
