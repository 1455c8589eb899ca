"""Who a quote's source is: a named mention, a pronoun's or title's antecedent, or an anonymous source.

- A source overlapping a mention is that mention (the one holding the source's head word first).
- A personal pronoun ("he said") is the speaker of the latest quote by a named PERSON in the
  previous three sentences, else the latest PERSON mention before it that is a subject (among
  the last four), else the latest PERSON mention; a person whose gender the text marks (an
  honorific, or an earlier "he"/"she" resolved to them) must match the pronoun.
- A definite title ("the minister", "the spokesman") is the local entity holding that role
  (``LocalEntity.roles``), else the latest PERSON mention with the title word just before it.
- A definite organisation noun ("the embassy") is the latest ORG mention whose text holds it.
- An unnamed source headed by a source noun ("a source with knowledge of ...", "two officials",
  "people familiar with the matter") is anonymous: its description is the noun phrase as written
  without the clause giving the reason for anonymity; the reason is the part after "because" in
  that clause when there is one ("they are not authorized to talk to the media"), else the whole
  clause ("who spoke on condition of anonymity"). Anonymous speakers never get an entity id.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.nlp.component import doc_text
from newsgraph.model import LocalEntity, Mention, Speaker, evidence_from

ANONYMOUS_NOUNS = frozenset(
    """source sources official officials spokesperson spokesman spokeswoman spokespeople people person
    aide aides diplomat diplomats insider insiders staffer staffers adviser advisers advisor advisors
    witness witnesses resident residents member members employee employees expert experts analyst
    analysts investigator investigators lawmaker lawmakers officer officers executive executives
    observer observers someone""".split()
)
TITLES = frozenset(
    """minister president secretary spokesman spokeswoman spokesperson chairman chairwoman chair
    director governor senator mayor chancellor premier ambassador general commander chief leader
    prosecutor judge ceo founder head speaker representative lawyer attorney""".split()
)
_ANON_CLAUSE = frozenset(
    "identified named anonymity anonymously authorized authorised publicly record condition".split()
)
_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
_HONORIFICS = {"mr": "m", "sir": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "dame": "f"}


def _mention_at(mentions: tuple[Mention, ...], start: int, end: int, head: int) -> Mention | None:
    """The mention inside the source holding its head word ("a French spokesperson" holds none)."""
    for mention in mentions:
        ev = mention.evidence
        if start <= ev.start and ev.end <= end and ev.start <= head < ev.end:
            return mention
    return None


def _by_name(name: str, mentions: tuple[Mention, ...]) -> Mention | None:
    """A person or organisation mention elsewhere written as ``name`` or ending with it (a headline's
    "Brooks" for "Daniel Brooks"), for a proper-name source the mentions missed."""
    for mention in mentions:
        text = mention.evidence.text
        if mention.type in ("PERSON", "ORG") and (text == name or text.endswith(" " + name)):
            return mention
    return None


def _reason_clause(doc: Doc, tokens: list[Token]) -> tuple[int, int] | None:
    """Token span of a relative or participle clause among ``tokens`` giving a reason for anonymity."""
    for token in tokens:
        if token.dep_ in ("relcl", "acl", "advcl"):
            words = {t.lower_ for t in token.subtree}
            if words & _ANON_CLAUSE:
                return token.left_edge.i, token.right_edge.i + 1
    return None


def anonymous_speaker(doc: Doc, article_id: str, source: tuple[int, int], head: Token, verb: Token | None) -> Speaker:
    """The anonymous speaker for a source phrase, with its description and stated reason."""
    start, end = source
    clause = _reason_clause(doc, list(doc[start:end])) or (
        _reason_clause(doc, list(verb.children)) if verb is not None else None
    )
    reason = None
    if clause is not None:
        words = doc[clause[0] : clause[1]]
        because = next((t for t in words if t.lower_ == "because"), None)
        reason_span = doc[because.i + 1 : clause[1]] if because is not None else words
        while len(reason_span) and reason_span[-1].is_punct:
            reason_span = reason_span[:-1]
        reason = reason_span.text
        if start < clause[0] < end:
            end = clause[0]
    while end > start + 1 and doc[end - 1].is_punct:
        end -= 1
    ev = evidence_from(article_id, doc_text(doc), doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
    return Speaker(evidence=ev, anonymous=True, description=ev.text, reason=reason)


def is_anonymous(head: Token, named: bool) -> bool:
    """An unnamed source: headed by a source noun, with no named entity at its head."""
    return not named and head.lower_ in ANONYMOUS_NOUNS and head.pos_ in ("NOUN", "PROPN")


def genders(doc: Doc, mentions: tuple[Mention, ...]) -> dict[str, str]:
    """Cluster key → "m" or "f" for people an honorific marks ("Mr. Lopez", "Ms. Brooks")."""
    found: dict[str, str] = {}
    for mention in mentions:
        if mention.type != "PERSON":
            continue
        span = doc.char_span(mention.evidence.start, mention.evidence.end, alignment_mode="expand")
        if span is None:
            continue
        words = [span[0].lower_] + ([doc[span.start - 1].lower_] if span.start else [])
        for word in words:
            if word.rstrip(".") in _HONORIFICS:
                found.setdefault(mention.cluster, _HONORIFICS[word.rstrip(".")])
    return found


def _previous_person(doc: Doc, before: int, gender: str, context: dict, floor: int) -> Mention | None:
    """A pronoun's antecedent: a recent named speaker, else the latest person subject, else the latest person."""
    known: dict[str, str] = context["genders"]

    def fits(mention: Mention) -> bool:
        return mention.type == "PERSON" and known.get(mention.cluster, gender) == gender

    for at, mention in reversed(context["speakers"]):
        if floor <= at < before and fits(mention):
            return mention
    people = [m for m in context["mentions"] if m.evidence.end <= before and fits(m)]
    for mention in reversed(people[-4:]):
        span = doc.char_span(mention.evidence.start, mention.evidence.end, alignment_mode="expand")
        if span is not None and span.root.dep_ in ("nsubj", "nsubjpass"):
            return mention
    return people[-1] if people else None


def _role_holder(
    word: str, before: int, mentions: tuple[Mention, ...], entities: tuple[LocalEntity, ...], doc: Doc
) -> Mention | None:
    by_id = {m.id: m for m in mentions}
    for entity in entities:
        if any(word in role.title.split() for role in entity.roles):
            earlier = [by_id[i] for i in entity.mention_ids if i in by_id and by_id[i].evidence.end <= before]
            if earlier:
                return earlier[-1]
    text = doc_text(doc)
    for mention in reversed([m for m in mentions if m.type == "PERSON" and m.evidence.end <= before]):
        context = text[max(0, mention.evidence.start - 60) : mention.evidence.start].lower()
        if word in context.split()[-6:] or any(w.startswith(word) for w in context.split()[-6:]):
            return mention
    return None


def _organisation(word: str, before: int, mentions: tuple[Mention, ...]) -> Mention | None:
    for mention in reversed(mentions):
        if mention.type == "ORG" and mention.evidence.start < before and word in mention.evidence.text.lower():
            return mention
    return None


def resolve_speaker(
    doc: Doc,
    article_id: str,
    source: tuple[int, int] | None,
    head: Token | None,
    verb: Token | None,
    context: dict,
) -> tuple[Speaker, Mention | None]:
    """The speaker for a source span (token offsets), and the mention it resolved to, if any."""
    if source is None or head is None:
        return Speaker(evidence=None), None
    mentions: tuple[Mention, ...] = context["mentions"]
    start, end = source
    c_start, c_end = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    written = evidence_from(article_id, doc_text(doc), c_start, c_end)
    if not c_start <= head.idx < c_end:  # "X, who said": look the antecedent's phrase up instead
        c_start, c_end = head.left_edge.idx, head.idx + len(head)
    mention = _mention_at(mentions, c_start, c_end, head.idx)
    if mention is None and head.pos_ == "PROPN":
        mention = _by_name(written.text, mentions)
    if mention is not None and mention.type in ("PERSON", "ORG", "GPE", "NORP"):
        return Speaker(evidence=mention.evidence, mention_id=mention.id), mention
    lower = head.lower_
    if lower in _PRONOUNS:
        floor = doc[max(0, head.sent.start - 1)].sent.start if head.sent.start else 0
        floor = doc[max(0, floor - 1)].sent.start if floor else 0
        if "genders" not in context:
            context["genders"] = genders(doc, mentions)
        found = _previous_person(doc, c_start, _PRONOUNS[lower], context, doc[floor].idx)
        if found is not None:
            context["genders"].setdefault(found.cluster, _PRONOUNS[lower])
            return Speaker(evidence=found.evidence, mention_id=found.id), found
        return Speaker(evidence=written), None
    determiners = {c.lower_ for c in head.children if c.dep_ in ("det", "poss")}
    anonymous = is_anonymous(head, mention is not None)
    if anonymous and not ("the" in determiners and lower in TITLES):
        return anonymous_speaker(doc, article_id, source, head, verb), None
    if "the" in determiners or "its" in determiners:
        found = None
        if lower in TITLES:
            found = _role_holder(lower, c_start, mentions, context["entities"], doc)
        if found is None:
            found = _organisation(lower, c_start, mentions)
        if found is not None:
            return Speaker(evidence=found.evidence, mention_id=found.id), found
    if anonymous:
        return anonymous_speaker(doc, article_id, source, head, verb), None
    return Speaker(evidence=written), None
