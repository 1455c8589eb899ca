"""Carry resolved entity ids into a batch's facts: mentions, quote speakers, event arguments."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from newsgraph.model import Argument, ArticleFacts, Event, Quote


def _argument(arg: Argument | None, by_mention: Mapping[str, str]) -> Argument | None:
    if arg is None or arg.mention_id is None or arg.mention_id not in by_mention:
        return arg
    return replace(arg, entity_id=by_mention[arg.mention_id])


def _event(event: Event, by_mention: Mapping[str, str]) -> Event:
    return replace(
        event,
        actors=tuple(_argument(a, by_mention) for a in event.actors),  # type: ignore[misc]
        targets=tuple(_argument(a, by_mention) for a in event.targets),  # type: ignore[misc]
        place=_argument(event.place, by_mention),
    )


def _quote(quote: Quote, by_mention: Mapping[str, str]) -> Quote:
    speaker = quote.speaker
    if speaker.anonymous or speaker.mention_id not in by_mention:
        return quote  # anonymous sources never get an entity: they are not merged across articles
    return replace(quote, speaker=replace(speaker, entity_id=by_mention[speaker.mention_id]))


def with_entity_ids(facts: ArticleFacts, assignment: Mapping[str, str]) -> ArticleFacts:
    """``facts`` with ``entity_id`` set wherever a mention's cluster was resolved to an entity."""
    mentions = tuple(replace(m, entity_id=assignment.get(m.cluster)) for m in facts.mentions)
    by_mention = {m.id: m.entity_id for m in mentions if m.entity_id is not None}
    return replace(
        facts,
        mentions=mentions,
        quotes=tuple(_quote(q, by_mention) for q in facts.quotes),
        events=tuple(_event(e, by_mention) for e in facts.events),
    )
