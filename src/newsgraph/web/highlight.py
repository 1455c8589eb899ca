"""Article text with its facts highlighted in place, from the stored offsets alone.

Every piece of article text is escaped; the markup around it is ours. Spans may nest or cross:
crossing spans are closed and reopened so the HTML stays well formed. A fact's class names its
kind (``hl-person``, ``hl-quote``, ``hl-figure``...), so its colour is the same on every page.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from newsgraph.model import ArticleFacts, Boilerplate

# kind → (css class, legend label); the order is the legend's
KINDS: dict[str, tuple[str, str]] = {
    "PERSON": ("hl-person", "people"),
    "ORG": ("hl-org", "organisations"),
    "GPE": ("hl-place", "places"),
    "LOC": ("hl-place", "places"),
    "FAC": ("hl-place", "places"),
    "NORP": ("hl-norp", "groups"),
    "PRODUCT": ("hl-other", "other names"),
    "EVENT": ("hl-other", "other names"),
    "LAW": ("hl-other", "other names"),
    "quote": ("hl-quote", "quotes"),
    "speaker": ("hl-speaker", "speakers"),
    "cue": ("hl-cue", "cues"),
    "figure": ("hl-figure", "figures"),
    "time": ("hl-time", "times"),
    "event": ("hl-event", "event triggers"),
}
# (toggle id, label, css class) for the legend, one a colour
LEGEND: tuple[tuple[str, str, str], ...] = (
    ("person", "people", "hl-person"), ("org", "organisations", "hl-org"), ("place", "places", "hl-place"),
    ("norp", "groups", "hl-norp"), ("other", "other names", "hl-other"), ("quote", "quotes", "hl-quote"),
    ("speaker", "speakers", "hl-speaker"), ("figure", "figures", "hl-figure"), ("time", "times", "hl-time"),
    ("event", "event triggers", "hl-event"),
)
_RANK = {"quote": 0, "event": 5, "speaker": 2, "cue": 3, "figure": 4, "time": 4}  # outer first at equal extent


@dataclass(frozen=True, slots=True)
class Span:
    """One highlight: offsets, kind, the element's attributes and an optional link."""

    start: int
    end: int
    kind: str
    attrs: dict[str, str] = field(default_factory=dict)
    href: str | None = None
    after: tuple[str, str] | None = None  # (href, label) of a small link placed after the span


def _open(span: Span) -> str:
    cls = KINDS.get(span.kind, ("hl-other", ""))[0]
    attrs = "".join(f' {k}="{escape(v)}"' for k, v in span.attrs.items())
    tag = "a" if span.href else "mark"
    href = f' href="{escape(span.href)}"' if span.href else ""
    return f'<{tag} class="hl {cls}"{href}{attrs}>'


def _close(span: Span) -> str:
    return "</a>" if span.href else "</mark>"


def _text(piece: str) -> str:
    """Escaped text; a paragraph break becomes a break element (valid inside a highlight)."""
    return str(escape(piece)).replace("\n", '<span class="para"></span>')


def render(text: str, spans: Iterable[Span], points: Sequence[tuple[int, str]] = ()) -> Markup:
    """``text`` escaped, with ``spans`` as elements around their characters and ``points``
    (offset, ready HTML) inserted between characters."""
    good = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    starting: dict[int, list[int]] = defaultdict(list)
    for i, s in enumerate(good):
        starting[s.start].append(i)
    at: dict[int, list[str]] = defaultdict(list)
    for offset, html in points:
        at[min(max(offset, 0), len(text))].append(html)
    bounds = sorted({0, len(text), *starting, *(s.end for s in good), *at})
    out: list[str] = []
    stack: list[int] = []
    pos = 0
    for b in bounds:
        out.append(_text(text[pos:b]))
        pos = b
        ending = {i for i in stack if good[i].end == b}
        reopen: list[int] = []
        while ending:
            top = stack.pop()
            out.append(_close(good[top]))
            if top in ending:
                ending.discard(top)
                after = good[top].after
                if after and not any(good[j].href for j in stack):
                    out.append(f'<a class="q-who" href="{escape(after[0])}">{escape(after[1])}</a>')
            else:
                reopen.append(top)
        for i in reversed(reopen):
            out.append(_open(good[i]))
            stack.append(i)
        out.extend(at.get(b, ()))
        for i in sorted(starting.get(b, ()), key=lambda j: (-good[j].end, _RANK.get(good[j].kind, 9))):
            if good[i].href and any(good[j].href for j in stack):
                good[i] = Span(good[i].start, good[i].end, good[i].kind, good[i].attrs, None, good[i].after)
            out.append(_open(good[i]))
            stack.append(i)
    out.append(_text(text[pos:]))
    while stack:
        out.append(_close(good[stack.pop()]))
    return Markup("".join(out))


def fact_spans(facts: ArticleFacts | None, entities: dict[str, dict[str, Any]], field_name: str) -> list[Span]:
    """The highlights of every fact read from ``field_name`` (``text``, ``deck`` or ``title``)."""
    if facts is None:
        return []
    spans: list[Span] = []
    for m in facts.mentions:
        if m.evidence.field != field_name:
            continue
        head = entities.get(m.entity_id or "")
        title = f"{head['name']} ({head['type']})" if head else str(m.type)
        spans.append(Span(m.evidence.start, m.evidence.end, str(m.type), {"title": title, "data-kind": "entity"},
                          href=f"/entity/{m.entity_id}" if m.entity_id else None))
    for q in facts.quotes:
        who = _speaker_name(q, entities)
        target = f"/entity/{q.speaker.entity_id}" if q.speaker.entity_id else f"#speaker-{q.id}"
        content = [c for c in q.content if c.field == field_name]
        for k, c in enumerate(content):
            after = (target, f"— {who}") if k == len(content) - 1 else None
            spans.append(Span(c.start, c.end, "quote", {"id": f"quote-{q.id}-{k}", "title": f"{q.kind} quote, said by {who}",
                                                         "data-speaker": who}, after=after))
        s = q.speaker.evidence
        if s is not None and s.field == field_name:
            spans.append(Span(s.start, s.end, "speaker", {"id": f"speaker-{q.id}", "title": f"speaker of a {q.kind} quote"}))
        if q.cue is not None and q.cue.field == field_name:
            spans.append(Span(q.cue.start, q.cue.end, "cue", {"title": "attribution cue"}))
    for f in facts.figures:
        if f.evidence.field == field_name:
            spans.append(Span(f.evidence.start, f.evidence.end, "figure",
                              {"id": f"figure-{f.id}", "title": figure_label(f.value, f.value_high, f.unit, f.measures)}))
    for t in facts.times:
        if t.evidence.field == field_name:
            spans.append(Span(t.evidence.start, t.evidence.end, "time",
                              {"id": f"time-{t.id}", "title": f"{t.type}: {t.value or 'unresolved'}"}))
    for e in facts.events:
        if e.trigger.field == field_name:
            spans.append(Span(e.trigger.start, e.trigger.end, "event",
                              {"id": f"event-{e.id}", "title": f"{e.type} event ({e.mode}){' · main event' if e.main else ''}"}))
    return spans


def _speaker_name(q: Any, entities: dict[str, dict[str, Any]]) -> str:
    s = q.speaker
    if s.entity_id and s.entity_id in entities:
        return str(entities[s.entity_id]["name"])
    if s.anonymous:
        return f"{s.description or 'an anonymous source'} (anonymous)"
    return s.evidence.text if s.evidence else "unknown speaker"


def speaker_name(q: Any, entities: dict[str, dict[str, Any]]) -> str:
    """How a quote's speaker is named on a page."""
    return _speaker_name(q, entities)


def boilerplate_points(boilerplate: Sequence[Boilerplate]) -> list[tuple[int, str]]:
    """Removed boilerplate, shown where it stood, as struck-out text."""
    return [(b.offset, f'<del class="boilerplate" title="removed by the reader: {escape(str(b.kind).replace("_", " "))}">'
                       f'{escape(b.text)}</del>') for b in boilerplate]


def figure_label(value: float, high: float | None, unit: str, measures: str | None) -> str:
    """A figure's normalised value as a reader says it: ``550,000,000,000 USD of investment``."""
    def num(x: float) -> str:
        return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.4g}"
    text = num(value) + (f"–{num(high)}" if high is not None else "") + f" {unit}"
    return text + (f" of {measures}" if measures else "")


def highlight_snippet(text: str, spans: Iterable[Span]) -> Markup:
    """``render`` for a short text (a quote, a role's evidence)."""
    return render(text, spans)
