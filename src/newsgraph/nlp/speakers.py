"""Who a quote's source is: a named mention, a pronoun's or title's antecedent, or an anonymous source.

- A source overlapping a mention is that mention (the one holding the source's head word first).
- A personal pronoun ("he said") is the speaker of the latest quote by a named PERSON in the
  previous three sentences, else the latest PERSON mention before it that is a subject (among
  the last four), else the latest PERSON mention; a person whose gender the text marks (an
  honorific, a first name of ``FIRST_NAMES``, or an earlier "he"/"she" resolved to them) must
  match the pronoun, so "She said" never goes to the man named before her; and never a person the
  quote's content names ("he insisted he still trusted Mr Blair": whoever "he" is, not Mr Blair).
- "it" is the latest organisation (ORG) that spoke or was named in the previous three sentences;
  "they" the latest organisation or group (ORG, NORP) there, unless a person is named after it
  (then "they" may be people: unresolved). Otherwise the pronoun stays unresolved, as written.
- A document or object ("the report", "a Bill", "the statement", ``DOCUMENTS``) is never a
  person: it stays the speaker as written, with no mention and no entity, even where the model
  tagged it a name ("Bill").
- A definite title ("the minister", "the spokesman") is the local entity holding that role
  (``LocalEntity.roles``), else the latest PERSON mention with the title word just before it.
- A definite organisation noun ("the embassy") is the latest ORG mention whose text holds it.
- An unnamed source headed by a source noun ("a source with knowledge of ...", "two officials",
  "people familiar with the matter") is anonymous: its description is the noun phrase as written
  without the clause giving the reason for anonymity; the reason is the part after "because" in
  that clause when there is one ("they are not authorized to talk to the media"; also after
  "because of", "for fear of", "due to"), else the whole clause ("who spoke on condition of
  anonymity"). Anonymous speakers never get an entity id.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from newsgraph.nlp.component import doc_text
from newsgraph.model import LocalEntity, Mention, Speaker, evidence_from

ANONYMOUS_NOUNS = frozenset(
    """source sources official officials spokesperson spokesman spokeswoman spokespeople people person
    aide aides diplomat diplomats insider insiders staffer staffers adviser advisers advisor advisors
    witness witnesses resident residents member members employee employees expert experts analyst
    analysts investigator investigators lawmaker lawmakers officer officers executive executives
    observer observers someone respondents correspondent correspondents voters""".split()
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
_GROUP_PRONOUNS = {"it": ("ORG",), "they": ("ORG", "NORP")}
DOCUMENTS = frozenset(
    """report reports bill bills statement statements document documents letter letters study studies
    survey poll memo memorandum filing lawsuit complaint ruling order law act motion resolution
    paper review audit analysis inquiry guidance guidelines plan proposal draft dossier book article
    website page post tweet video footage film data figures record records minutes transcript
    agreement treaty deal contract indictment affidavit petition manifesto budget""".split()
)
# Heads of a partitive source ("more than half of the respondents", "55% of voters"): the noun
# after "of" tells whether the source is anonymous.
PARTITIVES = frozenset(
    "half majority minority most many some third thirds quarter fifth percent per cent number proportion share all none few".split()
)
_DOCUMENT_DETS = frozenset("a an the this that these those its their his her our".split())
# A small table of first names whose gender is near certain in English-language news.
FIRST_NAMES = {
    **dict.fromkeys(
        """john james robert michael william david richard joseph thomas charles christopher daniel
        matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
        ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott
        brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron
        henry peter adam nathan douglas zachary walter kyle harold carl jeremy keith roger gerald
        ethan arthur terry christian sean lawrence austin joe noah jesse albert bryan billy bruce
        willie jordan dylan alan ralph gabriel roy juan wayne eugene logan randy louis russell vincent
        philip bobby johnny bradley boris vladimir emmanuel rishi keir nigel tony gordon liam oliver
        harry jeremy ed ben tom tim jim bob mike steve dave nick rob bill barack mitch
        chuck bernie ted marco rand lindsey kevin xi narendra recep benjamin olaf angus hamish ian
        alastair alistair neil graham nick simon martin malcolm colin stuart hugh rupert""".split(),
        "m",
    ),
    **dict.fromkeys(
        """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty
        margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah
        stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela
        nicole emma samantha katherine christine debra rachel catherine carolyn janet ruth maria
        heather diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith
        megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice
        jean alice madison doris abigail julia judy grace denise amber marilyn beverly danielle
        theresa sophia marie diana brittany natalie isabella charlotte rose alexis kayla theresa
        angela theresa nicola kemi priti suella liz penny yvette harriet caroline jacinda ursula
        kamala nancy hillary elizabeth sheila fiona kirsty ruth jo ella lucy sophie chloe jane
        claire louise kate katie sue anne annie maggie meg""".split(),
        "f",
    ),
}

_HONORIFICS = {"mr": "m", "sir": "m", "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "dame": "f"}


def _mention_at(mentions: tuple[Mention, ...], start: int, end: int, head: int) -> Mention | None:
    """The mention inside the source holding its head word ("a French spokesperson" holds none)."""
    for mention in mentions:
        ev = mention.evidence
        if start <= ev.start and ev.end <= end and ev.start <= head < ev.end:
            return mention
    return None


_TITLE_NOUNS = frozenset("boss manager coach leader chief editor head captain".split())


def _apposition(head: Token, mentions: tuple[Mention, ...]) -> Mention | None:
    """ "UKIP's leader, Roger Knapman": a title whose appositive names the person."""
    for child in head.children:
        if child.dep_ == "appos":
            start, end = child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
            found = _mention_at(mentions, start, end, child.idx)
            if found is not None and found.type == "PERSON":
                return found
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


_REASON_CUE = re.compile(
    r"on (?:the )?condition (?:of|that) (?:anonymity|(?:he|she|they|it) (?:not be|was not|were not) (?:named|identified))"
    r"|(?:speaking|spoke|talking|talked) anonymously"
    r"|(?:requested|requesting|asked for|asking for|sought|seeking|demanded|granted|given) anonymity"
    r"|(?:declined|declining|refused|asked not|did not want|do not want|does not want) to be (?:named|identified)"
    r"|(?:is|was|were|are|not) (?:not )?(?:authori[sz]ed|allowed|permitted|cleared) to (?:speak|talk|comment|discuss|brief)",
    re.I,
)
# What introduces the reason itself: "because (of) ...", "for (fear of ...)", "due to ...".
_BECAUSE = re.compile(r"\b(?:because(?: of)?|for(?= fears? )|due to)\s", re.I)
_CLAUSE_END = re.compile(r"[.;:”\"]|, (?:said|says|and|but)\b|$")


def _clause_after(text: str, start: int) -> str:
    end = _CLAUSE_END.search(text, start)
    return text[start : end.start() if end else len(text)].strip(" ,")


def stated_reason(text: str) -> str | None:
    """The reason for anonymity a sentence states: the clause after "because" where an anonymity
    cue stands near it ("because they were not authorised to speak"), else a purpose clause
    after the cue ("requested anonymity to discuss private deliberations": "to discuss private
    deliberations"), else a "not authorised to ..." clause, else the cue as written ("on
    condition of anonymity")."""
    match = _REASON_CUE.search(text)
    if match is None:
        return None
    because = _BECAUSE.search(text, match.start()) or _BECAUSE.search(text)
    if because is not None:
        reason = _clause_after(text, because.end())
        if reason:
            return reason
    after = text[match.end() :]
    purpose = re.match(r"\s+(?:in order )?to\s", after)
    if purpose is not None and "anonymity" in match.group(0).lower():
        return _clause_after(text, match.end())
    if re.search(r"authori[sz]ed|allowed|permitted|cleared", match.group(0), re.I):
        return _clause_after(text, match.start())
    return match.group(0)


def anonymous_speaker(doc: Doc, article_id: str, source: tuple[int, int], head: Token, verb: Token | None) -> Speaker:
    """The anonymous speaker for a source phrase, with its description and stated reason."""
    start, end = source
    clause = _reason_clause(doc, list(doc[start:end])) or (
        _reason_clause(doc, list(verb.children)) if verb is not None else None
    )
    reason = None
    if clause is not None:
        words = doc[clause[0] : clause[1]]
        because = _BECAUSE.search(words.text)
        reason_span = words
        if because is not None:
            inner = doc.char_span(words.start_char + because.end(), words.end_char, alignment_mode="contract")
            reason_span = inner if inner is not None and len(inner) else words
        while len(reason_span) and reason_span[-1].is_punct:
            reason_span = reason_span[:-1]
        reason = reason_span.text
        if start < clause[0] < end:
            end = clause[0]
    if reason is None:
        reason = stated_reason((verb or head).sent.text)
    while end > start + 1 and doc[end - 1].is_punct:
        end -= 1
    ev = evidence_from(article_id, doc_text(doc), doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
    return Speaker(evidence=ev, anonymous=True, description=ev.text, reason=reason)


def is_anonymous(head: Token, named: bool) -> bool:
    """An unnamed source: headed by a source noun, with no named entity at its head."""
    return not named and head.lower_ in ANONYMOUS_NOUNS and head.pos_ in ("NOUN", "PROPN")


def is_document(head: Token) -> bool:
    """A document or object noun ("the report", "a Bill", "its statement"): never a person."""
    if head.lower_ not in DOCUMENTS and head.lemma_.lower() not in DOCUMENTS:
        return False
    return head.is_lower or any(c.dep_ in ("det", "poss") and c.lower_ in _DOCUMENT_DETS for c in head.children)


def _document_mention(doc: Doc, mention: Mention) -> bool:
    """A PERSON mention that is a document in the text ("a Bill" tagged as a name)."""
    span = doc.char_span(mention.evidence.start, mention.evidence.end, alignment_mode="expand")
    return span is not None and len(span) == 1 and is_document(span[0])


def genders(doc: Doc, mentions: tuple[Mention, ...]) -> dict[str, str]:
    """Cluster key → "m" or "f" for people an honorific marks ("Mr. Lopez", "Ms. Brooks"), else
    whose first name the table ``FIRST_NAMES`` knows ("Sarah Jones")."""
    found: dict[str, str] = {}
    for mention in mentions:
        words = mention.evidence.text.split()
        if mention.type == "PERSON" and len(words) >= 2 and words[0].lower() in FIRST_NAMES:
            found.setdefault(mention.cluster, FIRST_NAMES[words[0].lower()])
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


def _named_within(mentions: tuple[Mention, ...], content: Sequence[tuple[int, int]]) -> set[str]:
    """The clusters of the people a quote's content names ("he insisted he still trusted Mr Blair")."""
    return {m.cluster for m in mentions if m.type == "PERSON"
            and any(s <= m.evidence.start and m.evidence.end <= e for s, e in content)}


def _previous_person(doc: Doc, before: int, gender: str, context: dict, floor: int,
                     content: Sequence[tuple[int, int]] = ()) -> Mention | None:
    """A pronoun's antecedent: a recent named speaker, else the latest person subject, else the
    latest person; never a person the quote's own content names by name (a pronoun and a name it
    governs are two people: "he said Mr Blair was wrong" is not Mr Blair speaking)."""
    known: dict[str, str] = context["genders"]
    named = _named_within(context["mentions"], content)

    def fits(mention: Mention) -> bool:
        if mention.type != "PERSON" or known.get(mention.cluster, gender) != gender or mention.cluster in named:
            return False
        return not _document_mention(doc, mention)

    for at, mention in reversed(context["speakers"]):
        if floor <= at < before and fits(mention):
            return mention
    people = [m for m in context["mentions"] if m.evidence.end <= before and fits(m)]
    for mention in reversed(people[-4:]):
        span = doc.char_span(mention.evidence.start, mention.evidence.end, alignment_mode="expand")
        if span is not None and span.root.dep_ in ("nsubj", "nsubjpass"):
            return mention
    return people[-1] if people else None


def _previous_group(doc: Doc, before: int, types: tuple[str, ...], context: dict, floor: int) -> Mention | None:
    """ "it"/"they": the latest organisation (or group) that spoke or was named since ``floor``;
    for "they", none when a person is named after it (the pronoun may be those people)."""
    for at, mention in reversed(context["speakers"]):
        if floor <= at < before:
            if mention.type in types:
                return mention
            break
    recent = [m for m in context["mentions"] if floor <= m.evidence.start and m.evidence.end <= before]
    for mention in reversed(recent):
        if mention.type in types:
            return mention
        if mention.type == "PERSON" and "NORP" in types:
            return None
    return None


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
    content: Sequence[tuple[int, int]] = (),
) -> tuple[Speaker, Mention | None]:
    """The speaker for a source span (token offsets), and the mention it resolved to, if any;
    ``content`` is the quote's content (character offsets), whose named people a pronoun source is not."""
    if source is None or head is None or source[0] >= source[1]:
        return Speaker(evidence=None), None
    mentions: tuple[Mention, ...] = context["mentions"]
    start, end = source
    c_start, c_end = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    written = evidence_from(article_id, doc_text(doc), c_start, c_end)
    if not c_start <= head.idx < c_end:  # "X, who said": look the antecedent's phrase up instead
        c_start, c_end = head.left_edge.idx, head.idx + len(head)
    if is_document(head):
        return Speaker(evidence=written), None
    mention = _mention_at(mentions, c_start, c_end, head.idx)
    if mention is None and head.pos_ == "PROPN":
        mention = _by_name(written.text, mentions)
    if mention is None and (head.lower_ in TITLES or head.lower_ in _TITLE_NOUNS):
        mention = _apposition(head, mentions)
    if mention is not None and mention.type in ("PERSON", "ORG", "GPE", "NORP"):
        return Speaker(evidence=mention.evidence, mention_id=mention.id), mention
    lower = head.lower_
    if lower in _PRONOUNS:
        floor = doc[max(0, head.sent.start - 1)].sent.start if head.sent.start else 0
        floor = doc[max(0, floor - 1)].sent.start if floor else 0
        if "genders" not in context:
            context["genders"] = genders(doc, mentions)
        found = _previous_person(doc, c_start, _PRONOUNS[lower], context, doc[floor].idx, content)
        if found is not None:
            context["genders"].setdefault(found.cluster, _PRONOUNS[lower])
            return Speaker(evidence=found.evidence, mention_id=found.id), found
        return Speaker(evidence=written), None
    if lower in _GROUP_PRONOUNS:
        floor = head.sent.start
        for _ in range(2):
            floor = doc[floor - 1].sent.start if floor else 0
        found = _previous_group(doc, c_start, _GROUP_PRONOUNS[lower], context, doc[floor].idx)
        if found is not None:
            return Speaker(evidence=found.evidence, mention_id=found.id), found
        return Speaker(evidence=written), None
    if lower in PARTITIVES or head.like_num or head.text == "%":
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        noun = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if noun is not None and is_anonymous(noun, False):
            return anonymous_speaker(doc, article_id, source, head, verb), None
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
