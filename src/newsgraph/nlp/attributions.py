"""Finding attributions in a parsed Doc: cue, source and content spans (before speakers).

Read from the dependency parse already in the Doc:
- a cue verb (``quote_cues.lexicon``) with a clausal complement (``ccomp``/``parataxis``):
  "X said (that) ...", "“...,” X said.";
- a cue verb that is itself ``parataxis`` of the reported clause: "..., X said, ...";
- a cue verb with a colon after it: "X said: ...";
- "according to X" (the rest of its sentence is the content);
- otherwise a cue verb's object or open complement ("X criticized ...", "X urged ... to ..."), with
  the phrases that follow it, or the object of its preposition ("called for", "responded on
  Sunday to");
- a passive cue with an agent ("was first reported by the Times"; "when asked by X whether ...");
- any verb before a colon that opens a quotation ("shot back: “...”");
- a noun with a possessive and a "that" clause ("the minister's warning that ...");
- a cue in an "as" clause that reports nothing of its own ("As the Herald reported, ...", "as X
  put it, ...", "As reported by X, ..."): the clause it modifies (quotes4).
An attribution needs a source, and a bare "that" or "this" ("That suggests ...", "That said, ...")
is none. The same cue twice in coordination ("A said ..., and B said ...") is two attributions; a
relative clause with its own speaker inside another's content ("a budget that the mayor said would
...") is one of its own; a participle does not borrow a subject from inside a quotation ("“...,”
Clinton said, while arguing ...": Clinton argues). "continued to X" is not speech itself.
Parses that hide an attribution are read as what they are: "..., she said." hung inside the clause
it reports, a parenthetical "she said", "which officials say could ...", "after arguing that ...",
a subject with a participle taken for a clause. PolNeAR train chose each form (quotes3).
Actions that are not speech are not attributions (they stay events), when no reported clause,
colon or quotation follows them: what a refusal governs ("refused to discuss the closure",
"declined to comment": the "discuss" or "comment" was not done), insisting on something
("insisting on improved standards") and suing ("sued the council"). The refusal itself with
what it withholds ("refused to disclose the figures") and criticism or praise with an object
("criticised Smith") stay attributions: PolNeAR annotates them as such, and on its dev half all
24 of ours of those kinds matched a gold attribution (filtering them cost 0.2 points of
precision and 0.5 of F1, measured; they are a stance a reader may want, with its cue).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.nlp.component import doc_text
from newsgraph.nlp.quote_cues import SPEECH, Regions, lexicon, quote_regions

_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_CLAUSES = {"ccomp", "parataxis"}
_OBJECTS = {"dobj", "xcomp", "oprd"}
_HEARER_VERBS = {"tell", "ask", "warn", "urge", "remind", "assure", "inform"}
_CUE_PREPS = {"for", "about", "to", "on", "of", "against", "with"}
_SURVEYS = {"poll", "survey", "study", "report", "analysis"}
_NOT_REPORTED = {"DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL"}
_SPEAKER_POS = {"NOUN", "PROPN", "PRON"}
_MARKS = set("“”‘’\"'")
_RELATIVE = {"who", "which", "that", "whom"}
_FLOAT_GAP = 300  # how far (characters) a quoted sentence may follow the quote it continues
# Verbs that are actions, not speech, unless a reported clause, a colon or a quotation follows them.
NOT_SPEECH = frozenset({"sue"})
# Cue-lexicon verbs whose attributions were mostly wrong on PolNeAR train (at most a third of 5 or
# more matched a gold attribution end to end: "seemed to", "appeared to", "went to", "maintained
# its lead", "delivered a speech", "cast doubt", "put it"): no attribution unless a reported clause,
# a colon or a quotation follows them (a "that" clause does not save them: "it seems that ..."
# was wrong 9 times of 9). Chosen on train only; the same rule, measured again after the quotes3
# changes, added "convince" to "seize".
WEAK_CUES = frozenset(
    """seem appear go maintain deliver cast follow put enjoy anger lay expose devote assume
    convince imagine celebrate contrast rattle seize""".split()
)
_ASPECTUAL = frozenset({"continue", "keep", "begin", "start", "resume"})
_REFUSALS = frozenset({"refuse", "decline"})  # "refused to say ...": what follows was not said
_QUESTIONS = frozenset({"ask", "press", "push", "question"})  # "when asked by X whether ...": X asked
_HEADLINE = re.compile(r"(?m)^([A-Z][^:\n“”\"]{1,60}):[ \t]+(\S[^\n]*)")


@dataclass(slots=True)
class Attribution:
    """One attribution as found: character spans, plus the tokens speakers need."""

    cue: tuple[int, int]
    content: list[tuple[int, int]]
    source: tuple[int, int] | None = None   # token span of the source as written
    cue_token: int = -1
    antecedent: int | None = None           # the source's head when not the span's root


def _subtree(token: Token) -> tuple[int, int]:
    """The token span of ``token``'s phrase (its subtree)."""
    return token.left_edge.i, token.right_edge.i + 1


def _cued(cue: Token, content: list[tuple[int, int]]) -> Attribution:
    """An attribution whose cue is the token ``cue``, reporting ``content`` (character spans)."""
    return Attribution(cue=(cue.idx, cue.idx + len(cue)), content=content, cue_token=cue.i)


def _edge_trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token span without edge punctuation (quotation marks kept) and edge conjunctions."""
    while start < end and ((doc[start].is_punct and doc[start].text not in _MARKS) or doc[start].dep_ == "cc"):
        start += 1
    while end > start and (doc[end - 1].is_punct and doc[end - 1].text not in _MARKS):
        end -= 1
    return start, end


def _grow(span: tuple[int, int], regions: Regions) -> tuple[int, int]:
    """A character span grown to cover the quoted regions it overlaps."""
    start, end = span
    for r_start, r_end in regions:
        if r_start < end and r_end > start:
            start, end = min(start, r_start), max(end, r_end)
        elif r_start >= end:
            break
    return start, end


def _chars(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    start, end = _edge_trim(doc, start, end)
    if end - start < 2 and not (end > start and doc[start].pos_ in ("VERB", "NOUN", "PROPN")):
        return None
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def _subject(verb: Token) -> Token | None:
    """The cue's subject (the nearest one), or its governing verb's for a participle or conjunct."""
    start = verb
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
        if subjects:
            subject = min(subjects, key=lambda c: abs(c.i - verb.i))
            if verb is not start and _expletive(start, verb, subject):
                return None  # "it is hard to see why ...": nobody sees
            return _reporter(verb, subject) if verb is not start else subject
        before = verb.doc[verb.i - 1] if verb.i else None
        if verb.dep_ == "conj" and before is not None and before.ent_type_ == "PERSON" and before.head.i != verb.i:
            return before  # "... with a late Gerrard strike and Benitez said": the parse took the name for a conjunct
        head = verb.head
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.i < verb.i and (
            head.ent_type_ in ("PERSON", "ORG", "NORP") or head.pos_ == "PRON"
        ):
            return head  # "Democrats supporting Mrs. Clinton": a participle after a person or group
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
            verb = verb.head.head  # "after saying ...", "by arguing ...": the subject of the verb the phrase modifies
        elif (repeated := _repeated_cue(verb)) is not None:
            verb = repeated  # "He said X had failed and said ...": the parse hung the second on X's verb
        elif verb.dep_ in ("conj", "advcl", "xcomp", "acl") and verb.head.i != verb.i:
            verb = verb.head
        else:
            return None
    return None


_EXPLETIVE_HEADS = frozenset({"be", "seem", "appear", "become", "make", "remain"})


def _expletive(cue: Token, governor: Token, subject: Token) -> bool:
    """ "It is hard to see how ...", "it's safe to say ...", "makes it hard to see ...": an
    infinitive cue under an adjective whose subject is an empty "it" has no one saying it."""
    if subject.lower_ != "it" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children):
        return False
    return governor.pos_ == "ADJ" or governor.lemma_.lower() in _EXPLETIVE_HEADS


def _repeated_cue(verb: Token) -> Token | None:
    """ "He said the attacks had given him momentum and said that ...": a cue coordinated (by the
    parse) with the verb of what an earlier cue reports is that earlier cue said again, with its
    subject; the earlier cue, or None."""
    head = verb.head
    if verb.dep_ != "conj" or head.i >= verb.i or is_cue(head) or head.dep_ != "ccomp" or any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    outer = head.head
    if outer.i >= head.i or not is_cue(outer) or outer.lower_ not in SPEECH or verb.lower_ not in SPEECH:
        return None
    return outer


def _in_quote(token: Token) -> bool:
    return any(r0 < token.idx < r1 for r0, r1 in quote_regions(doc_text(token.doc)))


def _reporter(verb: Token, subject: Token) -> Token | None:
    """The subject a participle or conjunct borrows from the verb it hangs on, unless that subject
    is inside a quotation: then the one who said the quotation ("“I think it would fail,” Clinton
    said, while arguing ...": Clinton argues, not "I"), or none."""
    if not _in_quote(subject):
        return subject
    for child in verb.children:
        if child.dep_ in _CLAUSES and is_cue(child) and not _in_quote(child):
            own = [c for c in child.children if c.dep_ in _SUBJECTS and not _in_quote(c)]
            if own:
                return own[0]
    return None


def is_cue(token: Token) -> bool:
    """A verb of the cue lexicon, not a passive ("was asked") and not an adjective use."""
    if token.pos_ != "VERB" or token.lower_ not in lexicon():
        return False
    if _attributive(token):
        return False
    return not any(c.dep_ == "auxpass" for c in token.children) and token.dep_ != "amod"


def _attributive(token: Token) -> bool:
    """ "a lead of 400 pledged delegates", "the promised reforms": a participle between a number,
    determiner or possessive and its noun describes the noun (the parse may call it a verb)."""
    if token.tag_ not in ("VBN", "VBD") or not token.i or token.i + 1 >= len(token.doc):
        return False
    before, after = token.doc[token.i - 1], token.doc[token.i + 1]
    if (before.dep_ in _SUBJECTS and before.head.i == token.i) or any(c.dep_ in ("aux", "auxpass") for c in token.children):
        return False  # "some 400 pledged to ...", "had pledged": a verb
    return after.pos_ == "NOUN" and (before.pos_ in ("NUM", "DET") or before.tag_ == "POS" or before.dep_ == "poss")


def _without(doc: Doc, outer: tuple[int, int], inner: tuple[int, int]) -> list[tuple[int, int]]:
    """The token ranges of ``outer`` left and right of ``inner``."""
    parts = [(outer[0], min(outer[1], inner[0])), (max(outer[0], inner[1]), outer[1])]
    return [p for p in parts if p[1] - p[0] > 0]


def _content_of_verb(verb: Token) -> list[tuple[int, int]]:
    """Token ranges of what a cue verb reports, from its dependents (or its head for parataxis)."""
    doc = verb.doc
    clauses = [c for c in verb.children if c.dep_ in _CLAUSES and not _parenthetical(c)] or _question(verb)
    if clauses:
        spans = []
        for c in clauses:
            start, end = _subtree(c)
            if end <= verb.i:  # the reported clause comes first: it runs up to the cue's clause
                end = min([verb.i] + [s.left_edge.i for s in verb.children if s.dep_ in _SUBJECTS])
            else:
                end = _run_on_phrases(verb, c, end)
            spans.append((start, end))
        return spans
    if verb.dep_ == "parataxis" and verb.head.i != verb.i:
        head = verb.head
        subtree = _subtree(verb)
        return _without(doc, _subtree(head), subtree)
    trailing = _trailing(verb)
    if trailing is not None:
        return [trailing]
    colon = verb.right_edge.i + 1
    for child in verb.rights:
        if child.text == ":":
            colon = child.i
            break
    else:  # "said on Monday about the plan:" — the colon hangs off the last phrase
        edge = verb.right_edge.i
        while edge > verb.i and doc[edge].is_space:
            edge -= 1
        if doc[edge].text == ":" and "\n" in doc_text(doc)[doc[edge].idx : doc[edge].idx + 4]:
            colon = edge
    if colon < len(doc) and doc[colon].text == ":":
        sent_end = doc[colon].sent.end
        following = colon + 1
        while following < len(doc) and doc[following].is_space:
            following += 1
        if following > colon + 1 and following < len(doc) and doc[following].text in ("“", '"'):
            region = next((r for r in quote_regions(doc_text(doc)) if r[0] == doc[following].idx), None)
            if region is not None:  # "X said:" ending a paragraph, the quotation opening the next
                span = doc.char_span(region[0], region[1], alignment_mode="expand")
                if span is not None:
                    return [(span.start, span.end)]
        return [(colon + 1, sent_end)]
    objects = [c for c in verb.children if c.dep_ in _OBJECTS]
    if verb.lemma_ in _HEARER_VERBS and not any(c.dep_ == "xcomp" for c in objects):
        objects = [c for c in objects if c.dep_ != "dobj"]  # "told reporters (that) ...": the hearer is not what was said
    if any(c.dep_ == "xcomp" for c in objects):  # "called on the agency to review ...": the hearer with what it is urged to do
        objects += [o for c in verb.rights if c.dep_ == "prep" and c.lower_ == "on" for o in c.children if o.dep_ == "pobj"]
    if objects:
        end = max(c.right_edge.i for c in objects) + 1
        for child in verb.rights:  # "accused him of ...", "described it as ...": the phrase goes with it
            at = child.left_edge.i
            if at == end + 1 and doc[end].text == ",":
                at = end
            if at == end and child.dep_ in _PHRASE_DEPS and not _clause_break(child):
                end = child.right_edge.i + 1
        return [(min(c.left_edge.i for c in objects), end)]
    return _prepositional(verb)


_PHRASE_DEPS = {"prep", "advmod", "npadvmod", "oprd", "xcomp", "ccomp", "advcl", "dative", "agent", "acomp"}


def _clause_break(child: Token) -> bool:
    """A dependent after a dash, colon or semicolon, or after a comma when it holds a cue of its
    own: it starts a phrase of its own, not the reported object's."""
    doc = child.doc
    before = doc[child.left_edge.i - 1] if child.left_edge.i else None
    if before is None or before.text not in (",", "—", "–", "-", ";", ":"):
        return False
    return before.text != "," or any(is_cue(t) for t in child.subtree)


def _run_on_phrases(verb: Token, clause: Token, end: int) -> int:
    """Where a reported clause after its cue ends: with the cue's phrases that follow it (", but
    because ...", "if elected"), up to one that holds a cue of its own."""
    doc = verb.doc
    rights = list(verb.rights)
    for n, child in enumerate(rights):
        if child.i > clause.i and child.dep_ == "cc" and n + 1 < len(rights) and _continues(rights[n + 1], end, child):
            end = rights[n + 1].right_edge.i + 1  # "said he had offers, but “the offers were ...”"
            continue
        if child.i <= clause.i or child.dep_ not in _PHRASE_DEPS:
            continue
        at = child.left_edge.i
        if at == end + 1 and doc[end].text == ",":
            at = end
        reason = child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "because" for m in child.children)
        if at != end or (not reason and (_clause_break(child) or any(is_cue(t) for t in child.subtree))):
            break  # a reason goes with what it explains, whatever verb it has: "because she wanted ..."
        end = child.right_edge.i + 1
    return end


def _continues(conj: Token, end: int, cc: Token) -> bool:
    """Whether a clause coordinated with the cue goes on with what it reports: right after the
    reported clause ("but", "and", after a comma at most), with a subject of its own and no cue."""
    doc = conj.doc
    at = end + 1 if end < len(doc) and doc[end].text == "," else end
    if cc.i != at or conj.dep_ != "conj" or cc.lower_ not in ("and", "but"):
        return False
    if not any(c.dep_ in _SUBJECTS for c in conj.children):
        return False
    return not any(is_cue(t) or t.text in (";", ":") for t in conj.subtree)


def _trailing(verb: Token) -> tuple[int, int] | None:
    """ "The country would not tolerate that, she said.": a cue with its subject after a comma at
    the end of the clause it reports, which the parser made a complement of that clause (not a
    parataxis); the clause up to the comma is the content."""
    doc = verb.doc
    head = verb.head
    if verb.dep_ != "ccomp" or head.i >= verb.i or any(c.dep_ in _CLAUSES | _OBJECTS for c in verb.children):
        return None
    if not any(c.dep_ in _SUBJECTS and c.i < head.i for c in head.children) or verb.right_edge.i + 1 < verb.sent.end - 2:
        return None  # the reported clause has its own subject; nothing but punctuation follows the cue
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS and c.i < verb.i]
    if not subjects or any(t.dep_ == "mark" and t.head.i == verb.i for t in doc[subjects[0].right_edge.i + 1 : verb.i]):
        return None
    start = subjects[0].left_edge.i
    if start == 0 or doc[start - 1].text != ",":
        return None
    after = verb.right_edge.i + 1
    while after < len(doc) and doc[after].is_space:
        after += 1
    if after < len(doc) and not (doc[after].is_punct and doc[after].text in ".!?") and after < head.right_edge.i:
        return None  # the sentence goes on after the cue: not a trailing cue
    begin = head.left_edge.i
    return (begin, start - 1) if start - 1 - begin >= 3 else None


def _parenthetical(clause: Token) -> bool:
    """ "At one point, she said, she was considering ...": a cue with its own subject set in the
    clause it reports is that clause's attribution, not what the clause's verb reports."""
    return clause.dep_ == "parataxis" and is_cue(clause) and any(c.dep_ in _SUBJECTS for c in clause.children)


def _reports_clause(verb: Token) -> bool:
    """Whether a cue verb reports a clause (a complement, a parataxis, an indirect question, a
    clause it trails or a colon)."""
    if any(c.dep_ in _CLAUSES for c in verb.children) or _question(verb) or verb.dep_ == "parataxis" or _trailing(verb):
        return True
    return any(c.text == ":" for c in verb.rights)


_ANONYMITY = re.compile(r"^(?:(?:the )?condition (?:of|that)\b|to be (?:named|identified)\b)", re.I)


def is_action(verb: Token, content: list[tuple[int, int]], regions: Regions) -> bool:
    """An action, not speech: what a refusal governs, suing, insisting on; never with a reported
    clause or a quotation."""
    quoted = any(r0 < e and s < r1 for s, e in content for r0, r1 in regions)
    lemma = verb.lemma_.lower()
    if lemma in WEAK_CUES and not quoted and not any(c.text == ":" for c in verb.rights):
        return True
    if lemma in _PERCEPTION and not quoted and verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].lower_ in _REFLEXIVES:
        return True  # "found himself in a tight race", "finds itself at the centre of ...": where one is, not what one says
    if _reports_clause(verb) or quoted:
        return False
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _REFUSALS:
        return True
    if lemma in NOT_SPEECH:
        return True
    if lemma in _ASPECTUAL and any(c.dep_ == "xcomp" for c in verb.children):
        return True  # "continued to push for ...": the verb it governs is the cue, if any

    if lemma == "add" and not any(c.dep_ in ("ccomp", "parataxis") for c in verb.children):
        return True  # "added to the pressure", "add jobs": no reported clause
    if lemma == "insist":
        return any(c.dep_ == "prep" and c.lower_ == "on" for c in verb.children)
    return False


_PERCEPTION = frozenset({"find", "see"})
_REFLEXIVES = frozenset("myself yourself himself herself itself ourselves yourselves themselves".split())


def _question(verb: Token) -> list[Token]:
    """ "X asked (them) whether ...": an indirect question the parser attached as an adverbial clause."""
    if verb.lemma_ not in ("ask", "wonder"):
        return []
    return [
        c for c in verb.rights
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") and m.i == c.left_edge.i for m in c.children)
    ]


def _prepositional(verb: Token) -> list[tuple[int, int]]:
    """ "X called for ...", "X was talking about ...", "X responded on Sunday to ...": the object of
    a preposition after a cue verb with no object of its own is what the cue reports (only
    adverbs and phrases of time or place may stand between them)."""
    prep = _cue_prep(verb)
    if prep is None:
        return []
    end = prep.right_edge.i + 1
    for child in verb.rights:  # "called for the ban in December after ...": the phrases that follow go with it
        if child.i > prep.i and child.left_edge.i == end and child.dep_ in _PHRASE_DEPS and not _clause_break(child):
            end = child.right_edge.i + 1
    return [(prep.i + 1, end)]


def _cue_prep(verb: Token) -> Token | None:
    """The preposition that introduces what a cue verb with no object reports, if any (a hearer
    may come before it: "asked her about", "warned China against")."""
    allowed = _BETWEEN | {"dobj"} if verb.lemma_ in _HEARER_VERBS else _BETWEEN
    for child in verb.rights:
        if child.dep_ == "prep" and child.lower_ in _CUE_PREPS:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if child.lower_ == "on" and objects and objects[0].pos_ == "PROPN" and verb.lemma_ != "call":
                continue  # "wrote on Twitter", "said on CNN": where it was said, not what
            if not objects or objects[0].ent_type_ in _NOT_REPORTED:  # "spoke on Monday", "went to Iowa"
                continue
            between = verb.doc[verb.i + 1 : child.i]
            if any(t.dep_ not in allowed and t.head.dep_ not in allowed and not t.is_punct for t in between):
                return None
            return child
        if child.dep_ not in allowed:
            return None
    return None


_BETWEEN = {"advmod", "npadvmod", "prep", "pobj", "det", "amod", "compound", "nummod"}


def _inverted(verb: Token) -> Token | None:
    """ "..., said three people briefed on the plans": a clause right after a subject-less cue,
    which the parser took for its complement, is the source; returns that clause's subject."""
    after = [c for c in verb.rights if c.dep_ in _CLAUSES and c.left_edge.i == verb.i + 1]
    before = [c for c in verb.lefts if c.dep_ in _CLAUSES]
    if after and before and not _finite(after[0]):
        return next((c for c in after[0].children if c.dep_ in _SUBJECTS), None)
    return None


def _subject_clause(verb: Token, regions: Regions) -> Attribution | None:
    """ "Jeffrey Salkin, a rabbi helping to organize the boycott, said he ...": a subject with a
    participle in it that the parser took for a reported clause before the cue, while a finite
    clause follows the cue; the phrase before is the source, its subject's head the speaker."""
    doc = verb.doc
    before = [c for c in verb.lefts if c.dep_ == "ccomp"]
    after = [c for c in verb.rights if c.dep_ == "ccomp" and _finite(c)]
    if not before or not after or _finite(before[-1]) or any(r0 <= before[-1].idx < r1 for r0, r1 in regions):
        return None
    head = next((c for c in before[-1].children if c.dep_ in _SUBJECTS and c.pos_ in _SPEAKER_POS), None)
    if head is None:
        return None
    clause = after[0]
    span = _chars(doc, *_subtree(clause))
    if span is None:
        return None
    attribution = _cued(verb, [_grow(span, regions)])
    attribution.source = _edge_trim(doc, before[-1].left_edge.i, verb.i)
    attribution.antecedent = head.i
    return attribution


_FINITE = {"VBD", "VBZ", "VBP", "MD"}


def _finite(verb: Token) -> bool:
    """A finite clause ("he and other rabbis were alarmed"), not a noun phrase with a participle
    ("three people briefed on the plans")."""
    return verb.tag_ in _FINITE or any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE for c in verb.children)


def _from_verb(verb: Token, regions: Regions) -> Attribution | None:
    doc = verb.doc
    content = []
    if verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not any(c.dep_ in _SUBJECTS for c in verb.children):
        # "..., she said when asked about X": who was asked did not say X; who asked (an agent) asked it
        return _from_passive(verb, regions)
    subject = _subject(verb)
    quoted = _quoted_subject(verb, subject, regions)
    if quoted is not None:
        return quoted
    inverted = _inverted(verb) if subject is None else None
    if inverted is not None:
        clause = inverted.head
        attribution = _from_verb_parts(verb, [(c.left_edge.i, verb.i) for c in verb.lefts if c.dep_ in _CLAUSES], regions)
        if attribution is not None:
            attribution.source = _edge_trim(doc, *_subtree(clause))
            attribution.antecedent = inverted.i
        return attribution
    if subject is None:
        misparsed = _subject_clause(verb, regions)
        if misparsed is not None:
            return misparsed
    adjacent = _adjacent_quote(verb, subject, regions)
    if adjacent is not None and subject is not None:
        attribution = _cued(verb, [adjacent])
        attribution.source = _edge_trim(doc, *_subtree(subject))
        return attribution
    parts = _as_clause(verb) or _content_of_verb(verb)
    parts = _around_cue(verb, subject, parts)
    for start, end in parts:
        if subject is not None and start <= subject.i < end:
            end = min(end, subject.left_edge.i) if subject.i > start else end
        span = _chars(doc, start, end)
        if span is not None:
            grown = _grow(span, regions)
            lead = doc_text(doc)[verb.idx : grown[0]].rstrip()
            if not (grown in regions and lead.endswith(":")):  # "X said:" then the next paragraph's quotation
                span = _paragraph_clip(doc_text(doc), span, verb.idx)
        if span is not None:
            content.append(_grow(span, regions))
    if not content and subject is not None:  # the parse found no content: a quotation right after the cue
        adjacent = _adjacent_quote(verb, subject, regions, after=True)
        content = [adjacent] if adjacent is not None else []
    if not content or (subject is None and verb.dep_ not in _CLAUSES):
        return None
    if (is_action(verb, content, regions) and not _as_clause(verb)) or any(_ANONYMITY.match(doc_text(doc)[s:e]) for s, e in content):
        return None  # an action, or "spoke on condition of anonymity": no content
    attribution = _cued(verb, content)
    prep = _cue_prep(verb)
    if prep is not None and parts == _prepositional(verb):  # the preposition belongs to the cue: "called for"
        attribution.cue = (verb.idx, prep.idx + len(prep))
    if subject is not None:
        end = subject.right_edge.i + 1
        if subject.i < verb.i < end:  # "Democrats supporting X": the noun phrase up to the participle
            end = verb.left_edge.i
            if end <= subject.i:  # the subject runs on past the cue ("Police announce ...: Syed Farook"): up to the verb group
                end = min([verb.i] + [c.left_edge.i for c in verb.lefts if c.i > subject.i])
        source = _edge_trim(doc, subject.left_edge.i, end)
        attribution.source = source
        if subject.lower_ in _RELATIVE and subject.head.dep_ == "relcl":
            noun = subject.head.head
            attribution.antecedent = noun.i
            if noun.i < subject.i:  # "a video that showed ...": the noun phrase and its pronoun
                attribution.source = _edge_trim(doc, noun.left_edge.i, subject.i + 1)
    return attribution


# Verbs of speaking that take no object: "as he spoke" tells when, not what was said.
_INTRANSITIVE = frozenset({"speak", "talk", "cheer", "applaud", "chant", "shout", "reply", "respond", "testify", "celebrate"})


def _as_clause(verb: Token) -> list[tuple[int, int]]:
    """ "As Politico reported, the party agreed to ...", "as the theory goes, ...": a cue in an
    adverbial clause opened by "as", with nothing of its own reported (no object but "it", no
    clause), reports the clause it modifies (without itself)."""
    head = verb.head
    if verb.dep_ != "advcl" or head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
        return []
    if not any(c.dep_ == "mark" and c.lower_ == "as" and c.i == verb.left_edge.i for c in verb.children):
        return []
    if verb.lemma_.lower() in _INTRANSITIVE or (verb.lemma_.lower() in WEAK_CUES and verb.lemma_.lower() != "put"):
        return []  # "as he spoke", "as the crowd cheered", "as the day went on": a time, not a source
    if any(
        c.dep_ in _CLAUSES | {"xcomp", "oprd"} or (c.dep_ == "prep" and c.lower_ != "by") or (c.dep_ == "dobj" and c.lower_ != "it") or (c.dep_ == "prt" and c.lower_ != "out")
        for c in verb.children
    ):
        return []
    return _without(verb.doc, _subtree(head), _subtree(verb))


def _put_it(verb: Token) -> bool:
    """ "as the mayor put it, ...": the idiom quotes what the clause it modifies says."""
    return verb.lemma_.lower() == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children) and bool(_as_clause(verb))


def _around_cue(verb: Token, subject: Token | None, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "a surge, which Democrats say could be aiding X": a reported clause whose subject is a
    relative pronoun before the cue's own subject and verb is that pronoun and what follows the cue."""
    if subject is None or subject.i > verb.i:
        return parts
    out = []
    for start, end in parts:
        if start < subject.left_edge.i and subject.i < verb.i < end and verb.doc[start].lower_ in _RELATIVE | {"what", "whom"}:
            out.extend([(start, subject.left_edge.i), (verb.i + 1, end)])
        else:
            out.append((start, end))
    return out


_BEFORE_CUE = re.compile(r"[,?!—–-]\s*[’']?[”\"’']$")  # a nested quotation may close with it: ',’”'


def _adjacent_quote(
    verb: Token, subject: Token | None, regions: Regions, after: bool = False
) -> tuple[int, int] | None:
    """A quotation the cue stands right beside, whatever the parse made of it: "“...,” Clark
    said" (only the subject, or nothing, between the closing mark and the cue; the cue reports no
    clause after itself) or "Ryan said, “...”" / "said: “...”" (only a comma or colon between)."""
    text = doc_text(verb.doc)
    end = verb.idx + len(verb)
    for r_start, r_end in regions:
        if r_start >= end:
            if after and r_start - end <= 3 and text[end:r_start].strip() in (",", ":"):
                return r_start, r_end
            break
    if after or any(c.dep_ in _CLAUSES and c.i > verb.i for c in verb.children) or _reports_after(verb):
        return None
    before = [r for r in regions if r[1] <= verb.idx]
    if not before:
        return None
    r_start, r_end = before[-1]
    gap = text[r_end : verb.idx]
    if "\n" in gap or len(gap) > 160 or any(m in gap for m in _MARKS) or len(text[r_start:r_end].split()) < 3:
        return None
    closing = _BEFORE_CUE.search(text[r_start:r_end]) or (
        text[r_end - 2 : r_end - 1] == "." and text[end : end + 1] in (".", ",")
    )
    if not closing:
        return None
    if subject is None or not (r_end <= subject.idx < verb.idx or subject.i == verb.i + 1):
        return None
    if subject.head.i != verb.i and verb.dep_ != "conj":
        return None  # "..., he said when asked": the cue borrowed its subject from the verb it modifies
    between = verb.doc.char_span(r_end, verb.idx, alignment_mode="expand")
    if between is not None and any(t.is_sent_start and t.i != subject.i for t in between if t.idx > r_end):
        return None
    if subject.i > verb.i and gap.strip(" ,"):
        return None  # "“...” he added. Mr X said ...": the cue's subject comes after it, nothing may stand between
    return r_start, r_end


def _reports_after(verb: Token) -> bool:
    """Whether a cue has what it reports after it: an object that is not its hearer or an open
    complement ("called the plan a disgrace", "urged voters to ...")."""
    return any(c.dep_ in ("xcomp", "oprd") or (c.dep_ == "dobj" and verb.lemma_ not in _HEARER_VERBS) for c in verb.rights)


def _quoted_subject(verb: Token, subject: Token | None, regions: Regions) -> Attribution | None:
    """ "“Meh,” wrote a supporter": the parser took the quotation for the subject and the speaker
    for the object; the quotation is the content and the noun phrase after the cue the source."""
    if subject is None or subject.i > verb.i:
        return None
    region = next((r for r in regions if r[0] <= subject.idx < r[1]), None)
    after = [c for c in verb.rights if c.dep_ in ("dobj", "nsubj", "attr", "npadvmod") and c.left_edge.i == verb.i + 1]
    if region is None or not after:
        return None
    speaker = after[0]
    attribution = _cued(verb, [region])
    attribution.source = _edge_trim(verb.doc, *_subtree(speaker))
    attribution.antecedent = speaker.i
    return attribution


def _paragraph_clip(text: str, span: tuple[int, int], cue: int) -> tuple[int, int] | None:
    """The part of a content span in the cue's paragraph (a parse can run a headline into the
    next paragraph); quotation marks later grow it across paragraphs where a quote runs on."""
    start = max(span[0], text.rfind("\n", 0, cue) + 1)
    para_end = text.find("\n", cue)
    end = span[1] if para_end == -1 else min(span[1], para_end)
    while end > start and text[end - 1] in " \t":
        end -= 1
    return (start, end) if end - start > 1 else None


def _from_verb_parts(verb: Token, parts: list[tuple[int, int]], regions: Regions) -> Attribution | None:
    spans = [span for span in (_chars(verb.doc, s, e) for s, e in parts) if span is not None]
    if not spans:
        return None
    return _cued(verb, [_grow(sp, regions) for sp in spans])


def _from_passive(verb: Token, regions: Regions) -> Attribution | None:
    """ "The plan was first reported by the Times", "The proposal was rejected by 64 percent of
    voters": a passive cue with an agent; the agent is the source, the passive subject the content."""
    doc = verb.doc
    agents = [c for c in verb.children if c.dep_ == "agent"]
    if verb.lemma_.lower() in WEAK_CUES:
        return None
    if verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and agents and verb.lemma_.lower() in _QUESTIONS:
        # "when asked by a reporter whether ...": the one who asked is the source of the question
        agent = agents[0]
        objects = [c for c in agent.children if c.dep_ == "pobj"]
        start, end = agent.right_edge.i + 1, verb.right_edge.i + 1
        span = _chars(doc, start, end) if end - start > 1 else None
        if not objects or span is None:
            return None
        attribution = _cued(verb, [_grow(span, regions)])
        attribution.source = _agent_span(objects[0])
        return attribution
    around = _as_clause(verb) if agents and verb.tag_ == "VBN" and verb.lower_ in SPEECH else []
    if around:  # "As reported by the Times, the plan ...": the agent said the clause the phrase modifies
        objects = [c for c in agents[0].children if c.dep_ == "pobj"]
        spans = [span for span in (_chars(doc, s, e) for s, e in around) if span is not None]
        if not objects or not spans:
            return None
        attribution = _cued(verb, [_grow(sp, regions) for sp in spans])
        attribution.source = _agent_span(objects[0])
        return attribution
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i]
    objects = [c for c in agents[0].children if c.dep_ == "pobj"] if agents else []
    if not objects or not subjects or objects[0].ent_type_ in _NOT_REPORTED:
        return None
    subject = subjects[0]
    span = _chars(doc, *_subtree(subject))
    asked = [c for c in verb.rights if c.dep_ == "ccomp" and c.i > agents[0].i] if verb.lemma_.lower() in _QUESTIONS else []
    if asked:  # "X was asked by a reporter whether ...": the question is what the agent said, not X
        span = _chars(doc, *_subtree(asked[0]))
    if span is None:
        return None
    attribution = _cued(verb, [_grow(span, regions)])
    attribution.source = _agent_span(objects[0])
    return attribution


def _agent_span(agent: Token) -> tuple[int, int]:
    """An agent's noun phrase without a relative clause after it ("by Daniel Brooks, who said ...")."""
    end = agent.right_edge.i + 1
    for child in agent.rights:
        if child.dep_ in ("relcl", "acl"):
            end = min(end, child.left_edge.i)
    return _edge_trim(agent.doc, agent.left_edge.i, end)


def _from_noun(noun: Token, regions: Regions) -> Attribution | None:
    """ "Trump's claim that the election was rigged": a noun with a possessive (the source) and a
    complement clause opened by "that" with its own subject (the content)."""
    doc = noun.doc
    owners = [c for c in noun.children if c.dep_ == "poss" and c.pos_ in _SPEAKER_POS]
    clauses = [
        c for c in noun.rights
        if c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" and m.i == c.left_edge.i for m in c.children)
        and any(s.dep_ in _SUBJECTS for s in c.children)
    ]
    if not owners or not clauses:
        return None
    clause = clauses[0]
    span = _chars(doc, *_subtree(clause))
    if span is None:
        return None
    attribution = _cued(noun, [_grow(span, regions)])
    owner = owners[0]
    attribution.source = _edge_trim(doc, *_subtree(owner))
    if doc[attribution.source[1] - 1].tag_ == "POS":
        attribution.source = (attribution.source[0], attribution.source[1] - 1)
    return attribution


def _from_according(token: Token, regions: Regions) -> Attribution | None:
    """ "according to X": X is the source, the rest of its sentence the content (PolNeAR's
    annotators take the whole sentence, also where the parser hangs the phrase on a clause inside it)."""
    doc = token.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
        return None
    to = doc[token.i + 1]
    objects = [c for c in to.children if c.dep_ == "pobj"] or [c for c in token.children if c.dep_ == "pobj"]
    phrase = (token.left_edge.i, max(token.right_edge.i, to.right_edge.i) + 1)
    sent = token.sent
    content = []
    for start, end in _without(doc, (sent.start, sent.end), phrase):
        span = _chars(doc, start, end)
        if span is not None and end - start > 2:
            content.append(_grow(span, regions))
    if not content:
        return None
    attribution = Attribution(cue=(token.idx, to.idx + len(to)), content=content, cue_token=token.i)
    if objects:
        obj = objects[0]
        attribution.source = _edge_trim(doc, *_subtree(obj))
    return attribution


def _from_survey(token: Token, regions: Regions) -> Attribution | None:
    """ "In a new poll, 50 percent chose ...": a poll, survey or study named by an "in" phrase is
    the source of the clause the phrase modifies (when that clause has no cue verb of its own)."""
    doc = token.doc
    objects = [c for c in token.children if c.dep_ == "pobj"]
    head = token.head
    if token.dep_ != "prep" or not objects or objects[0].lemma_.lower() not in _SURVEYS:
        return None
    if head.pos_ not in ("VERB", "AUX") or is_cue(head):
        return None
    phrase = _subtree(token)
    content = []
    for start, end in _without(doc, _subtree(head), phrase):
        span = _chars(doc, start, end)
        if span is not None and end - start > 2:
            content.append(_grow(span, regions))
    if not content:
        return None
    obj = objects[0]
    attribution = _cued(token, content)
    attribution.source = _edge_trim(doc, *_subtree(obj))
    return attribution


def _nested(doc: Doc, found: list[Attribution]) -> list[Attribution]:
    """Drop an attribution whose cue lies inside another's content or source (PolNeAR keeps the
    outer), unless it is one of its own: "according to X" inside another's content (on PolNeAR
    train 18 of 21 such were annotated as attributions of their own)."""
    kept = []
    for item in found:
        start = item.cue[0]
        outer = [
            other
            for other in found
            if other is not item
            and (
                any(c0 <= start < c1 for c0, c1 in other.content)
                or (other.source is not None and other.source[0] <= item.cue_token < other.source[1])
            )
        ]
        if not outer or all(_own_inside(doc, item, other) for other in outer):
            kept.append(item)
    return kept


def _split_coordinated(doc: Doc, found: list[Attribution]) -> None:
    """ "One in three said the party ignores them and one in four said it is hostile": a cue with
    its own source right after "and", "but" or a semicolon is an attribution coordinated with the
    one before it, whatever clause the parser hung it on; the earlier content ends before it."""
    for item in found:
        if item.source is None or not 0 <= item.cue_token < len(doc) or item.source[1] > item.cue_token:
            continue
        at = item.source[0] - 1
        same_verb = True
        if _repeated_cue(doc[item.cue_token]) is not None:  # it has no subject of its own
            at, same_verb = item.cue_token - 1, False  # "He said ... and said ...": the subject is the first cue's
            while at > 0 and doc[at].pos_ == "ADV":
                at -= 1
        if at < 1 or not (
            doc[at].lower_ in ("and", "but") and doc[at].dep_ == "cc"
            or doc[at].text == ";"
            or doc[at].lower_ in ("while", "whereas") and doc[at - 1].text == ","  # "..., while 4 in 10 want ..."
        ):
            continue
        cut = at - 1 if doc[at - 1].text == "," else at
        if cut < 1:
            continue
        end = doc[cut - 1].idx + len(doc[cut - 1])
        for other in found:
            if other is item or other.cue[0] >= doc[at].idx or not 0 <= other.cue_token < len(doc):
                continue
            if same_verb and doc[other.cue_token].lemma_.lower() != doc[item.cue_token].lemma_.lower() and not (
                doc[item.cue_token].lower_ in SPEECH
            ):
                continue  # only the same verb twice: "A said ..., and B said ..."
            if not any(c0 <= item.cue[0] < c1 for c0, c1 in other.content):
                continue
            cut = []
            for c0, c1 in other.content:
                if c0 >= doc[at].idx:
                    continue  # a part of the content past the second cue's start is the second's
                cut.append((c0, end) if c1 > end else (c0, c1))
            if cut:
                other.content[:] = cut


def _under_parenthetical(doc: Doc, found: list[Attribution]) -> list[Attribution]:
    """ "A wall would address the flow of criminals, she said, but also ...": a verb of the lexicon
    whose clause a parenthetical cue of saying (with its own subject) reports is what was said,
    not an attribution of its own."""
    heads = {
        doc[item.cue_token].head.i
        for item in found
        if 0 <= item.cue_token < len(doc) and doc[item.cue_token].lower_ in SPEECH and _parenthetical(doc[item.cue_token])
    }
    return [item for item in found if item.cue_token not in heads or doc[item.cue_token].lower_ in SPEECH]


def _participles(doc: Doc, found: list[Attribution], regions: Regions, inside: set[int]) -> list[Attribution]:
    """ "..., he said, adding the U.S. must match it", "Carson said he saw no need to change,
    telling reporters that ...": a participle of saying after a comma, without a subject of its
    own, inside another attribution's content, is a second attribution of the same source; the
    first's content ends at the comma. An attribution the participle already has takes that source.
    ``inside``: the tokens inside quotations (``_inside``)."""
    by_cue = {item.cue_token: item for item in found}
    added = []
    for item in found:
        if item.source is None:
            continue
        for n, (c0, c1) in enumerate(item.content):
            span = doc.char_span(c0, c1, alignment_mode="contract")
            if span is None:
                continue
            for token in span:
                if token.i in inside or token.tag_ != "VBG" or token.lower_ not in SPEECH or token.i < 1:
                    continue
                if doc[token.i - 1].text != "," or any(c.dep_ in _SUBJECTS for c in token.children):
                    continue
                if token.i == item.cue_token or (n == 0 and c0 >= doc[token.i - 1].idx):
                    continue
                own = by_cue.get(token.i)
                if own is None:
                    clauses = [c for c in token.children if c.dep_ in _CLAUSES]
                    start = clauses[0].left_edge.i if clauses else token.i + 1
                    end = max(clauses[-1].right_edge.i + 1 if clauses else span.end, start)
                    end = min(end, span.end)
                    piece = _chars(doc, start, end)
                    if piece is None:
                        break
                    own = _cued(token, [_grow(piece, regions)])
                    added.append(own)
                own.source, own.antecedent = item.source, item.antecedent
                comma = doc[token.i - 1].idx
                item.content[:] = [(a, min(b, comma)) for a, b in item.content if a < comma]
                break
    return found + added


def _own_inside(doc: Doc, item: Attribution, outer: Attribution) -> bool:
    """Whether an attribution inside another's content stands as one of its own."""
    if not 0 <= item.cue_token < len(doc):
        return False
    if outer.source is not None and outer.source[0] <= item.cue_token < outer.source[1]:
        return item.antecedent is not None and doc[item.cue_token].dep_ == "relcl" and doc[item.cue_token].lower_ in SPEECH
    if not any(c0 <= item.cue[0] < c1 for c0, c1 in outer.content):
        return False
    cue = doc[item.cue_token]
    return cue.lower_ == "according" or (cue.dep_ == "relcl" and cue.lower_ in SPEECH and item.antecedent is None)


def _floating(doc: Doc, found: list[Attribution], regions: Regions) -> None:
    """Attach quoted sentences no cue claims to the attribution just before them."""
    text = doc_text(doc)
    covered = [c for item in found for c in item.content]
    ordered = sorted(found, key=lambda a: a.content[-1][1])
    for r_start, r_end in regions:
        if any(c0 <= r_start < c1 or r_start <= c0 < r_end for c0, c1 in covered):
            continue
        if len(text[r_start:r_end].split()) < 3:
            continue
        previous = [a for a in ordered if a.content[-1][1] <= r_start]
        if not previous:
            continue
        last = _main_of_participle(doc, found, previous[-1], text)
        gap_start = last.content[-1][1]
        gap = text[gap_start:r_start]
        if any(gap_start <= a.cue[0] < r_start for a in found if a is not last and a is not previous[-1]):
            continue  # another attribution stands between them
        direct = _is_direct_span(text, last.content[-1])
        split = len(gap) < 80 and gap_start <= last.cue[0] < r_start and "\n" not in gap
        before = text[max(0, r_start - 40) : r_start].rstrip()
        sentence = not before or before[-1] in ".!?\n”\"'"
        near = len(gap) < (_FLOAT_GAP if direct else _FLOAT_GAP // 2) and gap.count("\n") <= (2 if direct else 0)
        if (split and direct) or (sentence and near):
            last.content.append((r_start, r_end))
            covered.append((r_start, r_end))


def _colon_then_own_cue(doc: Doc, found: list[Attribution]) -> list[Attribution]:
    """ "Rhimes declared the need for drive: “Change the world,” she said.": a quotation after a
    colon that a cue of its own follows ("she said") is that cue's; the verb before the colon
    keeps what it governs before the colon, or nothing."""
    text = doc_text(doc)
    drop: set[int] = set()
    for inner in found:
        if not inner.content or not 0 <= inner.cue_token < len(doc) or inner.source is None:
            continue
        quote = inner.content[0]
        if not _is_direct_span(text, quote) or inner.cue[0] < quote[1] or text[quote[1] : inner.cue[0]].strip(" ,") not in ("", doc[inner.source[0]:inner.source[1]].text):
            continue
        for outer in found:
            if outer is inner or not 0 <= outer.cue_token < len(doc) or outer.cue_token >= len(doc) - 1:
                continue
            verb = doc[outer.cue_token]
            if not any(c0 <= quote[0] and quote[1] <= c1 and c1 > inner.cue[0] for c0, c1 in outer.content):
                continue
            colon = next((t for t in doc[verb.i + 1 :] if t.text == ":" and t.idx < quote[0]), None)
            if colon is None or text[colon.idx + 1 : quote[0]].strip():
                continue
            before = _chars(doc, verb.i + 1, colon.i)
            if before is None:
                drop.add(id(outer))
            else:
                outer.content[:] = [before]
    return [item for item in found if id(item) not in drop]


def _main_of_participle(doc: Doc, found: list[Attribution], last: Attribution, text: str) -> Attribution:
    """ "“...,” Trump said in August, referring to X. “...”": a quotation that follows a participle
    phrase hung on a cue that reports a quotation goes on with that quotation, not with the phrase."""
    if not 0 <= last.cue_token < len(doc):
        return last
    cue = doc[last.cue_token]
    if cue.tag_ != "VBG" or cue.lower_ in SPEECH:
        return last
    for other in found:
        if other is not last and other.cue_token == cue.head.i and _is_direct_span(text, other.content[-1]):
            return other
    return last


def _is_direct_span(text: str, span: tuple[int, int]) -> bool:
    return text[span[0]] in "“\"‘'" and text[span[1] - 1] in "”\"’'"


_KICKERS = frozenset(
    """update updated breaking watch video photo photos note exclusive live read related opinion
    analysis correction editor editors clarification warning spoiler""".split()
)
# Nouns that name a column, a newsletter or a section, not a speaker: "The Latest: ...",
# "Delegate Update: ...", "Monday's Morning Email: ...", "Paid Notice: ...", "A reminder: ...".
_COLUMNS = frozenset("latest update email newsletter briefing digest notice reminder recap roundup".split())
# A list of names after the colon ("New Hampshire: Ann Arbor, Bea Burns, Cy Carr, ..."): a roster, not speech.
_ROSTER = re.compile(r"^(?:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}, ){3,}")
_SOURCE_POS = frozenset({"PROPN", "NOUN", "PART", "PUNCT", "ADJ", "ADP", "DET", "CCONJ", "NUM"})


def _headline_source(source) -> bool:
    """A short phrase naming who speaks before a headline's colon ("Trump", "Poll", "CNN President
    On Trump", "Clinton to Planned Parenthood"), not a kicker ("UPDATE", "WATCH", "Photo")."""
    words = source.text.split()
    if not words or len(source) > 8 or not words[0][0].isupper():
        return False
    if words[0].lower().strip("'’s") in _KICKERS or (len(words) > 1 and source.text.isupper()):
        return False
    if words[-1].lower() in _COLUMNS:
        return False
    return all(t.pos_ in _SOURCE_POS for t in source)


def _headline_colons(doc: Doc) -> list[Attribution]:
    """ "Name: what they said" opening a paragraph (a headline form): a short phrase naming a
    speaker (``_headline_source``), a colon, and the rest of the paragraph as content; and
    "... pollster Daron Shaw: “...”" inside a paragraph, a person or organisation named right
    before a colon that opens a quotation."""
    found = []
    text = doc_text(doc)
    for match in _HEADLINE.finditer(text):
        source = doc.char_span(match.start(1), match.end(1), alignment_mode="contract")
        if source is None or not _headline_source(source) or len(match.group(2).split()) < 3 or _ROSTER.match(match.group(2)):
            continue
        said = doc.char_span(match.start(2), match.end(2), alignment_mode="contract")
        if said is not None and any(
            is_cue(t) and t.lower_ in SPEECH and any(c.dep_ in _SUBJECTS and c.left_edge.i == said.start for c in t.children)
            for t in said
        ):
            continue  # "The Latest: Mourners say ...": what follows the colon opens with its own speaker and verb of saying
        end = match.end(2)
        while end > match.start(2) and text[end - 1] in ".!? ":
            end -= 1
        colon = match.end(1)
        item = Attribution(cue=(colon, colon + 1), content=[(match.start(2), end)], source=(source.start, source.end))
        item.cue_token = source.end
        found.append(item)
    for region in quote_regions(text):
        colon = text.rfind(":", max(0, region[0] - 3), region[0])
        if colon == -1 or text[colon + 1 : region[0]].strip() or colon == 0:
            continue
        before = doc.char_span(colon - 1, colon, alignment_mode="expand")
        if before is None or not len(before) or before[-1].ent_type_ not in ("PERSON", "ORG") or before[-1].ent_iob_ == "O":
            continue
        start = before[-1].i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        if any(item.cue[0] == colon for item in found):
            continue
        if len(text[region[0] : region[1]].split()) < 3:
            continue
        item = Attribution(cue=(colon, colon + 1), content=[region], source=(start, before[-1].i + 1))
        item.cue_token = before[-1].i + 1
        found.append(item)
    return found


def _colon_quote(verb: Token, regions: Regions) -> bool:
    """ "Rubio fired back forcefully: “...”": any verb with a subject followed (after adverbs or a
    particle only) by a colon that opens a quotation introduces what is quoted, whether or not it
    is a verb of saying."""
    if verb.pos_ != "VERB" or any(c.dep_ == "auxpass" for c in verb.children):
        return False
    if not any(c.dep_ in _SUBJECTS for c in verb.children):
        return False
    colon = next((c for c in verb.rights if c.text == ":"), None)
    if colon is None or colon.i + 1 >= len(verb.doc):
        return False
    if any(t.dep_ not in ("advmod", "prt", "npadvmod") for t in verb.doc[verb.i + 1 : colon.i]):
        return False  # only adverbs or a particle between: "fired back forcefully:", "retorted:"
    text = doc_text(verb.doc)
    after = colon.idx + 1
    while after < len(text) and text[after] in " \t":
        after += 1
    return any(r0 == after for r0, _ in regions)


def _inside(doc: Doc, regions: Regions) -> set[int]:
    """Indices of the tokens inside quoted regions (marks excluded)."""
    inside: set[int] = set()
    for start, end in regions:
        span = doc.char_span(start + 1, end - 1, alignment_mode="contract")
        if span is not None:
            inside.update(range(span.start, span.end))
    return inside


_DEMONSTRATIVES = frozenset({"that", "this"})  # "those backing X" are people


def _has_speaker(doc: Doc, item: Attribution) -> bool:
    """Whether an attribution names who it is from: a source, and not a bare demonstrative ("That
    suggests ...", "That said, ..."), which stands for a fact or what was just written, not a speaker."""
    if item.source is None or item.source[0] >= item.source[1]:
        return False  # none, or one trimmed to nothing
    start, end = item.source
    return not (end - start == 1 and doc[start].lower_ in _DEMONSTRATIVES and item.antecedent is None)


def _one_per_content(found: list[Attribution]) -> list[Attribution]:
    """One attribution for a piece of content: two cues that reach the same quotation ("..., a
    spokesperson said when asked about ...") keep the first found, the cue nearest in text order."""
    kept: list[Attribution] = []
    seen: set[tuple[int, int]] = set()
    for item in found:
        if item.content and item.content[0] in seen:
            continue
        seen.update(item.content[:1])
        kept.append(item)
    return kept


def find_attributions(doc: Doc) -> list[Attribution]:
    """Every attribution in ``doc`` with its cue, content and written source, in text order."""
    regions = quote_regions(doc_text(doc))
    found: list[Attribution] = []
    quoted = _inside(doc, regions)
    for token in doc:
        item = None
        if token.i in quoted:  # a cue inside a quotation is the quoted speaker's, not the article's
            continue
        if token.lower_ == "according":
            item = _from_according(token, regions)
        elif token.lower_ == "in":
            item = _from_survey(token, regions)
        elif is_cue(token) or _colon_quote(token, regions) or _put_it(token):
            item = _from_verb(token, regions)
        elif token.pos_ == "VERB" and token.lower_ in lexicon() and not _attributive(token):
            item = _from_passive(token, regions)
        elif token.pos_ == "NOUN":
            item = _from_noun(token, regions)
        if item is not None:
            found.append(item)
    found.extend(_headline_colons(doc))
    found = [item for item in found if _has_speaker(doc, item)]
    found = _one_per_content(found)
    _split_coordinated(doc, found)
    found = _participles(doc, found, regions, quoted)
    found = _under_parenthetical(doc, found)
    found = _colon_then_own_cue(doc, found)
    found = _nested(doc, found)
    _floating(doc, found, regions)
    for item in found:
        item.content.sort()
        if item.source is not None and item.source[0] >= item.source[1]:
            item.source, item.antecedent = None, None  # trimmed to nothing (all punctuation): no source written
    return sorted(found, key=lambda a: a.content[0][0])
