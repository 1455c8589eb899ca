"""Quotes: who said what (``newsgraph.quotes.v6``), filling ``doc._.ng["quotes"]``.

Attributions are read from the parse (``attributions.find_attributions``), their speakers
resolved against the article's mentions and local entities (``speakers.resolve_speaker``), and
each becomes a ``Quote``: its content spans in text order, its cue, its speaker and its kind —
direct when every content span is a quotation in marks, mixed when the reported content holds a
quoted fragment, indirect otherwise. An anonymous source's stated reason is kept with its
speaker (``speakers.stated_reason``), also when the next sentence gives it ("They spoke on condition
of anonymity because ..."), and a "because ..." reason the parser put inside the content is cut
from it.
"""

import re
from dataclasses import replace

from newsgraph.nlp.component import doc_text, register
from spacy.tokens import Doc

from newsgraph.model import Quote, QuoteKind, evidence_from, fact_id
from newsgraph.nlp.attributions import Attribution, find_attributions
from newsgraph.nlp.quote_cues import Regions, quote_regions
from newsgraph.nlp.speakers import resolve_speaker, stated_reason

EXTRACTOR = "newsgraph.quotes.v12"
_OPEN = "“\"‘'"
_CLOSE = "”\"’'"


def quote_kind(text: str, content: list[tuple[int, int]], regions: Regions) -> QuoteKind:
    """Direct when every span is a quotation in marks; mixed when one holds a quoted fragment."""
    ends = {r1 for _, r1 in regions}  # "“One. “Two.”": the first sentence's region ends unclosed
    direct = all(text[s] in _OPEN and (text[e - 1] in _CLOSE or e in ends) for s, e in content)
    if direct:
        return QuoteKind.DIRECT
    if any(s <= r0 and r1 <= e for s, e in content for r0, r1 in regions):
        return QuoteKind.MIXED
    return QuoteKind.INDIRECT


def _head(doc: Doc, item: Attribution):
    if item.source is None:
        return None
    if item.antecedent is not None:
        return doc[item.antecedent]
    span = doc[item.source[0] : item.source[1]]
    return span.root


_ANONYMOUS_TAIL = re.compile(
    r",\s+(?:speaking|talking|who spoke)\s+(?:anonymously|on (?:the )?condition of anonymity)\b[^,.;]*", re.I
)


def _without_reason(text: str, content: list[tuple[int, int]], reason: str | None) -> list[tuple[int, int]]:
    """Content without a trailing reason for anonymity the parser put inside it ("... because they
    were not authorised to speak", "..., speaking on condition of anonymity")."""
    if not reason or not content:
        return content
    start, end = content[-1]
    tail = _ANONYMOUS_TAIL.search(text, start, end)
    if tail is not None and tail.start() > start and not text[tail.end() : end].strip(" .,;”\"’'"):
        return content[:-1] + [(start, tail.start())]
    at = text.rfind(reason, start, end)
    if at <= start or text[at + len(reason) : end].strip(" .,;”\"’'"):
        return content
    cuts = [text.rfind(mark, start, at + 1) for mark in (" because ", ", ")]
    cut = max((c for c in cuts if c > start and at - c < 40), default=-1)
    if cut == -1 or not text[start:cut].strip():
        return content
    return content[:-1] + [(start, cut)]


def _reason_after(doc: Doc, quote: Quote) -> Quote:
    """An anonymous source's reason stated in the sentence after its quote ("They spoke on
    condition of anonymity because ..."), when the quote's own sentence gives none."""
    speaker = quote.speaker
    if not speaker.anonymous or speaker.reason is not None:
        return quote
    last = doc.char_span(quote.content[-1].start, quote.content[-1].end, alignment_mode="expand")
    if last is None:
        return quote
    at = last.sent.end
    while at < len(doc) and doc[at].is_space:
        at += 1
    if at >= len(doc):
        return quote
    following = doc[at].sent
    if following[0].lower_ not in ("they", "he", "she", "the", "both", "all"):
        return quote
    reason = stated_reason(following.text)
    if reason is None:
        return quote
    return replace(quote, speaker=replace(speaker, reason=reason))


def quotes_from_doc(doc: Doc) -> tuple[Quote, ...]:
    """The quotes of a Doc whose ``doc._.ng`` holds its article, mentions and entities."""
    state = doc._.ng
    article_id = state["article"].id
    text = doc_text(doc)
    regions = quote_regions(text)
    context = {"mentions": state.get("mentions", ()), "entities": state.get("entities", ()), "speakers": []}
    quotes = []
    for item in find_attributions(doc):
        verb = doc[item.cue_token] if item.cue_token >= 0 else None
        head = _head(doc, item)
        speaker, mention = resolve_speaker(doc, article_id, item.source, head, verb, context, item.content)
        if mention is not None:
            context["speakers"].append((item.cue[0], mention))
        source = None
        if item.source is not None:
            s, e = item.source
            source = evidence_from(article_id, text, doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))
        item.content = _without_reason(text, item.content, speaker.reason if speaker.anonymous else None)
        first = item.content[0]
        quotes.append(
            Quote(
                id=fact_id("quote", article_id, first[0], first[1]),
                article_id=article_id,
                kind=quote_kind(text, item.content, regions),
                content=tuple(evidence_from(article_id, text, s, e) for s, e in item.content),
                cue=evidence_from(article_id, text, *item.cue),
                speaker=speaker,
                source=source,
                extractor=EXTRACTOR,
            )
        )
    return tuple(_reason_after(doc, quote) for quote in quotes)


register("newsgraph_quotes", EXTRACTOR, lambda doc: {"quotes": quotes_from_doc(doc)})
