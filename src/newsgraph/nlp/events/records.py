"""The model ``Event`` for a finished frame: its type after every rule that may leave it OTHER,
its actors, targets, place and time as arguments, and the versioned extractor name."""

import bisect

from spacy.tokens import Token

from newsgraph.model import Argument, Event, EventMode, Mention, evidence_from, fact_id
from newsgraph.nlp import event_confidence, modes, untold
from newsgraph.nlp.events.actors import actor_tokens
from newsgraph.nlp.events.mode import reported_mode, scheduled
from newsgraph.nlp.events.time_place import TimeRef
from newsgraph.nlp.events.told import (
    did_not_happen, habitual, maybe_done, not_told_as_done, set_aside, superseded, timed, told_by_its_head, toll,
    weighed,
)
from newsgraph.nlp.events.worth import worth_a_type
from newsgraph.nlp.frames import Frame
from newsgraph.nlp.phrases import MentionIndex, participant
from newsgraph.nlp.plover import cooperative, plover_code
from newsgraph.nlp.quote_cues import Regions
from newsgraph.nlp.senses import at_play

EXTRACTOR = "newsgraph.events.v29"
_TOLD_AS_FACT = frozenset({EventMode.ASSERTED, EventMode.PLANNED, EventMode.REPORTED})


def _quoted(at: int, regions: Regions) -> bool:
    """Whether the character ``at`` lies inside one of ``regions`` (sorted, not overlapping)."""
    n = bisect.bisect_right(regions, (at, 1 << 62)) - 1
    return n >= 0 and regions[n][0] <= at < regions[n][1]


def _argument(token: Token, index: MentionIndex, article_id: str, text: str) -> Argument:
    span = participant(token, index)
    mention: Mention | None = span.mention
    return Argument(
        evidence=evidence_from(article_id, text, span.start, span.end),
        mention_id=mention.id if mention else None,
        entity_id=mention.entity_id if mention else None,
    )


def _arguments(tokens: list[Token], index: MentionIndex, article_id: str, text: str) -> tuple[Argument, ...]:
    seen: set[tuple[int, int]] = set()
    out = []
    for tok in tokens:
        arg = _argument(tok, index, article_id, text)
        key = (arg.evidence.start, arg.evidence.end)
        if key not in seen:
            seen.add(key)
            out.append(arg)
    return tuple(out)


def to_event(
    frame: Frame, text: str, index: MentionIndex, times: list[TimeRef], article_id: str,
    quotations: Regions = (), sport: bool = False, by_pred: dict[int, Frame] | None = None,
) -> Event:
    """The model ``Event`` for a finished frame (``text`` is the article text the doc was made from).
    An event told in a quotation's own words (``quotations``: the text's quoted regions) is typed
    OTHER unless a named actor does it as a fact or a plan ("the IAAF will appeal"): the rest is
    what someone said ("I worked really hard", "you're fighting", "if Ken wants to give them up"),
    kept with the quote that holds it, not a happening the article reports. In a sports report
    (``sport``), the game itself is typed OTHER too (``senses.at_play``: "Bolton meet Ipswich",
    "she rallied well at times")."""
    doc = frame.pred.doc
    start, end = doc[frame.trigger[0]].idx, doc[frame.trigger[1] - 1].idx + len(doc[frame.trigger[1] - 1].text)
    place = _argument(frame.place, index, article_id, text) if frame.place is not None else None
    time = None
    if frame.time is not None:
        ref = times[frame.time]
        time = Argument(evidence=evidence_from(article_id, text, ref.start, ref.end), value=ref.value)
    targets = [t for t in frame.targets if frame.place is None or t != frame.place or frame.pred.lemma_.lower() == "visit"]
    actors = actor_tokens(frame, index)
    kind = frame.type if frame.type == "OTHER" or worth_a_type(frame, actors, index) else "OTHER"
    if kind != "OTHER" and any(c.dep_ == "det" and c.lower_ == "no" for c in frame.anchor.children):
        kind = "OTHER"  # "I had no warning"
    if kind != "OTHER" and (did_not_happen(frame) and plover_code(kind, frame.mode.value) == kind or maybe_done(frame)):
        kind = "OTHER"  # "no arrests were made", "failed to oppose them": nothing happened (a refused help is REJECT)
    if kind != "OTHER" and set_aside(frame):
        kind = "OTHER"  # "without consulting residents", "instead of apologising": not done
    if kind != "OTHER" and (not_told_as_done(frame) or weighed(frame.pred)):
        kind = "OTHER"  # "the families it says it wants to help", "there would be meetings", "it would be
        # rash to ignore them": wished, supposed or weighed
    actor_args = _arguments(actors, index, article_id, text)
    if kind != "OTHER" and _quoted(start, quotations) and not (
        frame.mode in _TOLD_AS_FACT and any(a.mention_id for a in actor_args)
    ):
        kind = "OTHER"
    if kind != "OTHER" and frame.mode is EventMode.DEMANDED and not _quoted(start, quotations) and (
        modes.own_mode(frame.pred) is EventMode.DEMANDED and reported_mode(frame.pred) is EventMode.ASSERTED
    ):
        kind = "OTHER"  # "such acts should be accepted too", "he should resign": a view of what ought to be,
        # no one reported demanding it
    if kind != "OTHER" and not frame.nominal and (
        untold.forecast(frame.pred) and not timed(frame, times)
        or not _quoted(start, quotations) and untold.writers_view(frame.pred)
    ):
        kind = "OTHER"  # "is expected to be opposed": foreseen (not "are expected to sign it on Friday": a schedule);
        # "I think acts should be accepted": the writer's view
    if kind == "ASSAULT" and toll(frame.pred):
        kind = "OTHER"  # "100,000 people are believed to have been killed" near the earthquake: a disaster's toll
    if kind != "OTHER" and time is not None and untold.history(text, time.value):
        kind = "OTHER"  # "met Nelson College on 14 May, 1870", in a report of 2003: background, not news
    if kind != "OTHER" and by_pred and told_by_its_head(frame, by_pred):
        kind = "OTHER"  # "agreed to reopen talks": the agreement is the event
    if kind != "OTHER" and not frame.nominal and habitual(frame.pred):
        kind = "OTHER"  # "fans often complain", "the library receives 3,000 requests a day": a habit, not a happening
    if kind != "OTHER" and not frame.nominal and superseded(frame.pred):
        kind = "OTHER"  # "had originally pledged", "was initially proposed": how things first stood, background
    if kind != "OTHER" and sport and any(
        at_play(word, actors, targets, lambda t: index.at(t) is not None) for word in {frame.pred, frame.anchor}
    ):  # (the light verb's noun too: "a powerful charge ... was carried on")
        kind = "OTHER"  # "Bolton meet Ipswich", "she rallied well": the game
    target_args = _arguments(targets, index, article_id, text)
    if kind != "OTHER":
        found = event_confidence.cues(
            kind=kind, pred=frame.pred, anchor=frame.anchor, nominal=frame.nominal, mode=frame.mode, actors=actors,
            actor_args=actor_args, targets=targets, target_args=target_args, has_place=place is not None,
            has_time=time is not None, text=text, start=start, quoted=_quoted(start, quotations), sport=sport,
            said=reported_mode(frame.pred) is not EventMode.ASSERTED,
        )
        if not event_confidence.confident(found):
            kind = "OTHER"  # too little to trust: kept as an event, apart from the typed ones
    if kind not in ("OTHER", "AGREE") and frame.mode is EventMode.PLANNED and cooperative(kind) and not scheduled(
        frame.pred, _quoted(start, quotations)
    ):
        kind = "AGREE"  # "said it will give aid", "is willing to free them": an intention stated, a pledge (CAMEO 03);
        # "the minister will visit Jakarta on Monday", told by the writer, stays a visit to come
    return Event(
        id=fact_id("event", article_id, start, end),
        article_id=article_id,
        trigger=evidence_from(article_id, text, start, end),
        type=kind,
        mode=frame.mode,
        actors=actor_args,
        targets=target_args,
        place=place,
        time=time,
        extractor=EXTRACTOR,
    )
