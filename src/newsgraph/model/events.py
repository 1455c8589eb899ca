"""Figures, time expressions, events and each article's main event."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from newsgraph.model.evidence import Evidence


class TimeType(StrEnum):
    """TIMEX3 types."""

    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


# The PLOVER event types an Event.type takes, and OTHER for an event no type fits.
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
EVENT_TYPES: tuple[str, ...] = (*PLOVER_TYPES, "OTHER")


class EventMode(StrEnum):
    """How the text presents an event."""

    ASSERTED = "asserted"
    PLANNED = "planned"
    HOPED = "hoped"
    DEMANDED = "demanded"
    DENIED = "denied"
    HYPOTHETICAL = "hypothetical"
    REPORTED = "reported"


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure:
    """A number the article cites.

    Attributes:
        id: deterministic id.
        evidence: the span ("as much as US$550 billion").
        value: the normalised number (5.5e11), the low end of a range.
        value_high: the high end of a range, else None.
        unit: an ISO 4217 currency code, ``percent``, ``years`` (ages), or ``count``.
        qualifier: the hedge as written ("as much as", "more than", "about"), else None.
        measures: what it counts or measures ("US troops", "GDP", "delegates"), else None.
        owner: whose it is, where clear ("Japan"), else None.
        extractor: versioned name of the component.
    """

    id: str
    evidence: Evidence
    value: float
    unit: str
    value_high: float | None = None
    qualifier: str | None = None
    measures: str | None = None
    owner: str | None = None
    extractor: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class TimeExpression:
    """A time expression with its TIMEX3 value.

    Attributes:
        id: deterministic id.
        evidence: the span.
        type: DATE, TIME, DURATION or SET.
        value: TIMEX3 value ("2025-10-27", "P5Y", "2025-W44"); for an unresolved relative
            expression, a TIMEX3-style relative form or None.
        resolved: True when ``value`` is anchored to the calendar (or is a duration/set).
        extractor: versioned name of the component.
    """

    id: str
    evidence: Evidence
    type: TimeType
    value: str | None
    resolved: bool
    extractor: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Argument:
    """A participant, place or time of an event.

    Attributes:
        evidence: the span in the article.
        mention_id: the mention it is, when it is a named entity.
        entity_id: the resolved entity, once resolution has run.
        value: for a time, its normalised TIMEX3 value.
    """

    evidence: Evidence
    mention_id: str | None = None
    entity_id: str | None = None
    value: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """Who did what to whom, when and where.

    Attributes:
        id: deterministic id from article and trigger offsets.
        article_id: the article.
        trigger: the word(s) expressing the event.
        type: a PLOVER event type (upper case, e.g. ``PROTEST``), or ``OTHER``.
        mode: asserted, planned, hoped, demanded, denied, hypothetical or reported.
        actors: who does it.
        targets: to whom or what.
        place: where, when stated.
        time: when, when stated.
        main: True for the article's main event.
        extractor: versioned name of the component.
    """

    id: str
    article_id: str
    trigger: Evidence
    type: str
    mode: EventMode
    actors: tuple[Argument, ...] = ()
    targets: tuple[Argument, ...] = ()
    place: Argument | None = None
    time: Argument | None = None
    main: bool = False
    extractor: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class MainEvent:
    """An article's main event as the journalistic questions, each answer a span or None.

    Attributes:
        article_id: the article.
        event_id: the ``Event`` it rests on, when one was found.
        who, what, when, where, why, how: the answers.
    """

    article_id: str
    event_id: str | None = None
    who: Evidence | None = None
    what: Evidence | None = None
    when: Evidence | None = None
    where: Evidence | None = None
    why: Evidence | None = None
    how: Evidence | None = None
