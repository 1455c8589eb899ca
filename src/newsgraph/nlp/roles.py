"""Roles: the titles an article gives a person, in every common news form.

- before the name: "Japanese Prime Minister X", "Minister of Foreign Affairs X", "former prime minister X"
- appositive: "X, the country's finance minister," / "X, a former senator,"
- possessive: "Japan's foreign minister, X"
- role after the name: "X, who heads the agency" / "X, who is the chief executive of Y"

Titles come from a lexicon of generic office words (``titles.py``); the organisation is the
entity written beside the title (a demonym or a country variant is read as its country).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.model import Article, Role, RoleStatus, evidence_from
from newsgraph.nlp.aliases import AGENCIES
from newsgraph.nlp.countries import country_of
from newsgraph.nlp.institutions import canonical_institution
from newsgraph.nlp.organisations import LEGAL_FORMS
from newsgraph.nlp.titles import (
    HONORIFICS,
    MODIFIERS,
    PORTFOLIO_HEADS,
    PORTFOLIO_LINKS,
    ROLE_VERBS,
    SEAT_HEADS,
    is_head,
    is_title_word,
    status_of,
)

_POSSESSIVE = {"'s", "’s", "'", "’"}
_ORG_LABELS = {"ORG", "GPE", "NORP"}
_COUNTRY_NOUNS = {"country", "nation", "state", "kingdom", "republic"}
_CLOSERS = {",", ".", ";", ":", ")", "—", "–", "and", "who", "said", "says", "of", "at", "for", "in"}


@dataclass(slots=True)
class _Found:
    title: str
    org: str | None
    status: RoleStatus
    start: int  # first token of the evidence
    title_start: int = -1  # first token of the title itself


@dataclass(slots=True)
class _Context:
    doc: Doc
    by_start: dict[int, Span]
    by_end: dict[int, Span]
    gpes: list[Span]
    by_token: dict[int, Span]


def _org_name(span: Span) -> str:
    return country_of(span.text) or span.text


def _last_country(ctx: _Context, before: int) -> str | None:
    last = None
    for span in ctx.gpes:
        if span.start >= before:
            break
        last = span
    return _org_name(last) if last is not None else None


def _status_at(doc: Doc, i: int) -> tuple[RoleStatus | None, int]:
    """The status written at token ``i`` ("former", "ex-"), and its first token."""
    if i < 0:
        return None, i
    if doc[i].text in {"-", "–"} and i > 0 and status_of(doc[i - 1].lower_):
        return status_of(doc[i - 1].lower_), i - 1
    status = status_of(doc[i].lower_)
    return status, i


def _title_text(tokens: Span) -> str:
    """A title as lower-case words, hyphens kept tight: "vice-president", "prime minister"."""
    return "".join(t.lower_ + (t.whitespace_ and " ") for t in tokens).strip()


def _title_words_left(doc: Doc, i: int) -> tuple[int, int] | None:
    """The title ending at token ``i`` (inclusive) as (first, last) tokens, or None."""
    j = i
    while j >= 0 and i - j < 5 and ((doc[j].text[:1].isupper() and not is_head(doc[j].lower_)) or doc[j].lower_ in {"and", "&"}):
        j -= 1
    head = (j - 1 if j < i and j >= 1 and doc[j].lower_ in PORTFOLIO_LINKS and is_head(doc[j - 1].lower_)
            and doc[j - 1].lower_ not in SEAT_HEADS else i)  # "MP for Hornsey and" is a seat, no portfolio
    if head < 0 or not is_head(doc[head].lower_):
        return None
    k = head
    if doc[head].lower_ == "general" and head > 0 and is_head(doc[head - 1].lower_):
        k -= 1  # a postpositive "general": "director general", "attorney general"
    while k > 0 and status_of(doc[k - 1].lower_) is None:
        if doc[k - 1].lower_ in MODIFIERS and not (doc[head].lower_ in SEAT_HEADS and canonical_institution(doc[k - 1].text)):
            k -= 1  # (but "Labour MP": the party is the organisation, no portfolio)
        elif doc[k - 1].text == "-" and k > 1 and doc[k - 2].lower_ in MODIFIERS:
            k -= 2  # "vice-president"
        elif head - k < 3 and _title_compound(doc[k - 1], k, head):
            k -= 1  # "rescue team leader": a common noun the parse makes part of the title
        else:
            break
    return k, i


def _title_compound(token: Token, k: int, head: int) -> bool:
    """A common noun compounded onto the title's words (``k``..``head``), outside any name, and in
    lower case unless it opens its sentence or follows a dash: "rescue team leader", "Rescue team leader"."""
    if token.pos_ != "NOUN" or token.dep_ != "compound" or not k <= token.head.i <= head or token.ent_type_:
        return False
    if status_of(token.lower_) is not None or not token.is_alpha:
        return False
    if token.is_lower:
        return True
    opening = token.is_sent_start or (token.i > 0 and token.doc[token.i - 1].text in {"—", "–", "-", ":"})
    return (opening and token.text[:1].isupper() and token.text[1:].islower() and canonical_institution(token.text) is None
            and country_of(token.text) is None)  # "Labour MP X": the party is no part of the title


def _org_left(ctx: _Context, k: int) -> tuple[str | None, int]:
    """The organisation written right before token ``k``: an entity, "X's", "the country's"."""
    doc = ctx.doc
    if k in ctx.by_end and ctx.by_end[k].label_ in _ORG_LABELS:
        span = ctx.by_end[k]
        return _org_name(span), span.start
    if k >= 1 and doc[k - 1].text in _POSSESSIVE:
        if k - 1 in ctx.by_end and ctx.by_end[k - 1].label_ in _ORG_LABELS:
            span = ctx.by_end[k - 1]
            return _org_name(span), span.start
        if k >= 2 and doc[k - 2].lower_ in _COUNTRY_NOUNS:
            return _last_country(ctx, k - 2), k - 3 if k >= 3 and doc[k - 3].lower_ == "the" else k - 2
    return None, k


def _portfolio_word(ctx: _Context, token: Token) -> bool:
    """A word naming a portfolio before "minister"/"secretary": "infrastructure", "Digital", "Climate"."""
    if token.i in ctx.by_token or status_of(token.lower_) is not None or country_of(token.text) is not None:
        return False
    if token.lower_ in HONORIFICS or is_head(token.lower_) or not token.is_alpha:
        return False
    return token.pos_ in {"NOUN", "PROPN"} or token.lower_ in MODIFIERS or (token.text[:1].isupper() and token.pos_ == "ADJ")


def _portfolio_left(ctx: _Context, k: int, last: int) -> int:
    """``k`` moved left over the portfolio written before a minister's title ("Infrastructure and
    Water Minister")."""
    if not any(ctx.doc[t].lower_ in PORTFOLIO_HEADS for t in range(k, last + 1)):
        return k
    j = k
    while j > 0 and k - j < 5:
        prev = ctx.doc[j - 1]
        if _portfolio_word(ctx, prev):
            j -= 1
        elif prev.lower_ in {"and", "&"} and j > 1 and _portfolio_word(ctx, ctx.doc[j - 2]) and j < k:
            j -= 1
        else:
            break
    return j


def title_before(ctx: _Context, s: int) -> _Found | None:
    """A title written right before the name starting at token ``s``."""
    doc = ctx.doc
    i = s - 1
    if i < 0 or doc[i].lower_ in HONORIFICS:
        return None
    status: RoleStatus | None = None
    if doc[i].lower_ == "elect" and i >= 2 and doc[i - 1].text in {"-", "–"}:
        status, i = RoleStatus.ELECTED, i - 2
    found = _title_words_left(doc, i)
    if found is None:
        return None
    k, last = found
    while k < last and k in ctx.by_token and ctx.by_token[k].label_ == "ORG" and doc[k].pos_ == "NOUN":
        k += 1  # "Hull coach X" where "Hull", a club's name, reads as a noun: no word of the title
    k = _portfolio_left(ctx, k, last)
    org, first = _org_left(ctx, k)
    owner = ctx.by_end.get(last + 1)
    if owner is not None and owner.start > k + 1 and doc[owner.start - 1].lower_ in PORTFOLIO_LINKS and (
        owner.label_ == "GPE" or (owner.label_ == "ORG" and doc[owner.start - 2].lower_ not in PORTFOLIO_HEADS)
    ):
        org, last = org or _org_name(owner), owner.start - 2  # "Prime Minister of Japan X": "of Japan" is the country
    title = _title_text(doc[k : last + 1])
    early, at = _status_at(doc, first - 1)
    if early is not None:
        status, first = early, at
    if org is None and first > 0 and doc[first - 1].lower_ == "its":
        org = _its_owner(ctx, first - 1)  # "Its chief executive, X"
    return _Found(title=title, org=org, status=status or RoleStatus.CURRENT, start=first, title_start=k)


def _its_owner(ctx: _Context, i: int) -> str | None:
    """What "its" at token ``i`` refers to: the nearest organisation named before it in its sentence
    or the one before, a subject first ("X ... will buy Y ..., its president"), else the nearest
    place so named ("Its governor"); None if there is none."""
    doc = ctx.doc
    sentence = doc[i].sent
    since = doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
    named = [span for span in ctx.by_start.values() if since <= span.start and span.end <= i and span.text not in AGENCIES]
    for labels in ({"ORG"}, {"GPE"}):
        candidates = [span for span in named if span.label_ in labels]
        subjects = [span for span in candidates if span.root.dep_ in {"nsubj", "nsubjpass"}]
        last = max(subjects or candidates, key=lambda span: span.start, default=None)
        if last is not None:
            return _org_name(last)
    return None


def _title_right(ctx: _Context, i: int) -> tuple[str, str | None, int] | None:
    """A title phrase starting at token ``i``: (title, organisation after it, token after it)."""
    doc = ctx.doc
    j = i
    while j < len(doc) and j - i < 5 and (_portfolio_word(ctx, doc[j]) or doc[j].lower_ in {"and", "&"}) and not is_head(doc[j].lower_):
        j += 1  # "the Dutch infrastructure minister", "the energy and climate minister": the portfolio before the head
    if j > i and j < len(doc) and doc[j].lower_ in PORTFOLIO_HEADS and doc[j - 1].lower_ not in {"and", "&"}:
        return _title_text(doc[i : j + 1]), None, j + 1
    j = i
    while j < len(doc) and j - i < 5 and (
        is_title_word(doc[j].lower_) or (doc[j].text == "-" and j > i and j + 1 < len(doc) and is_title_word(doc[j + 1].lower_))
    ):
        j += 1
    if j == i or not is_head(doc[j - 1].lower_):
        return None
    title = _title_text(doc[i:j])
    org = None
    if j + 1 < len(doc) and doc[j].lower_ in PORTFOLIO_LINKS | {"at"}:
        nxt = j + 1 + (doc[j + 1].lower_ == "the")
        if nxt in ctx.by_start and ctx.by_start[nxt].label_ in _ORG_LABELS:
            span = ctx.by_start[nxt]
            org, j = _org_name(span), span.end
        elif doc[j].lower_ != "at" and doc[j - 1].lower_ in PORTFOLIO_HEADS and nxt < len(doc) and doc[nxt].text[:1].isupper():
            end = nxt
            while end < len(doc) and (doc[end].text[:1].isupper() or doc[end].lower_ == "and") and end - nxt < 4:
                end += 1
            title = f"{title} {doc[j].lower_} " + " ".join(t.lower_ for t in doc[nxt:end])
            j = end
        elif nxt < len(doc) and doc[nxt].text[:1].isupper() and doc[nxt].is_alpha:
            end = nxt
            while end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha and end - nxt < 5:
                end += 1
            org, j = doc[nxt:end].text, end  # "chief executive of Wippit": an organisation the model missed
    return title, org, j


def appositive(ctx: _Context, e: int) -> tuple[_Found, int] | None:
    """A title after the name that ends at token ``e``: "X, the country's finance minister,"."""
    doc = ctx.doc
    if e + 1 >= len(doc) or doc[e].text != ",":
        return None
    i = e + 1
    status, org = None, None
    if doc[i].lower_ in {"the", "a", "an"}:
        i += 1
    for _ in range(2):
        if i < len(doc) and (st := status_of(doc[i].lower_)) is not None:
            status, i = st, i + 1 + (i + 1 < len(doc) and doc[i + 1].text in {"-", "–"})
        if i in ctx.by_start and ctx.by_start[i].label_ in _ORG_LABELS:
            span = ctx.by_start[i]
            org = _org_name(span)
            i = span.end + (span.end < len(doc) and doc[span.end].text in _POSSESSIVE)
        elif i + 1 < len(doc) and doc[i].lower_ in _COUNTRY_NOUNS and doc[i + 1].text in _POSSESSIVE:
            org, i = _last_country(ctx, i), i + 2
    found = _title_right(ctx, i)
    if found is None:
        return None
    title, after_org, j = found
    if j < len(doc) and doc[j].lower_ not in _CLOSERS and not doc[j].is_punct:
        return None
    return _Found(title=title, org=after_org or org, status=status or RoleStatus.CURRENT, start=e + 1), j


def role_clause(ctx: _Context, e: int) -> tuple[_Found, int] | None:
    """A relative clause after the name: "X, who heads the agency," / "X, who is the chief of Y"."""
    doc = ctx.doc
    if e + 2 >= len(doc) or doc[e].text != "," or doc[e + 1].lower_ != "who":
        return None
    while e + 3 < len(doc) and doc[e + 2].pos_ == "ADV":
        e += 1  # "who now chairs", "who also leads"
    verb = doc[e + 2]
    if verb.lemma_ == "be":
        i = e + 3
        status = RoleStatus.FORMER if verb.lower_ == "was" else None
        if i < len(doc) and doc[i].lower_ in {"the", "a", "an"}:
            i += 1
        if i < len(doc) and (st := status_of(doc[i].lower_)) is not None:
            status, i = st, i + 1
        right = _title_right(ctx, i)
        if right is None:
            return None
        title, org, j = right
        return _Found(title=title, org=org, status=status or RoleStatus.CURRENT, start=e + 2), j
    title = ROLE_VERBS.get(verb.lemma_.lower())
    if title is None:
        return None
    org, j = None, e + 3
    for k in range(e + 3, min(e + 8, len(doc))):
        if k in ctx.by_start and ctx.by_start[k].label_ in _ORG_LABELS:
            named = ctx.by_start[k]
            if named.label_ == "NORP" and named.end < len(doc) and not doc[named.end].is_punct:
                continue  # "who founded the Cornish bakery chain X": the nationality describes what follows
            org, j = _org_name(named), named.end
            break
        if doc[k].is_punct:
            j = k
            break
        j = k + 1
    if org is None and not any(c.dep_ == "dobj" and c.lemma_.lower() in _LED_BODIES for c in verb.children):
        return None  # "who led the work", "who chaired the meeting": an act, not a post
    return _Found(title=title, org=org, status=RoleStatus.CURRENT, start=e + 2), j


# What a person heads, leads or chairs as a post, when the text names no organisation: "X, who heads
# the agency". Anything else led ("the work", "the talks", "the meeting") gives no title.
_LED_BODIES = frozenset(
    """agency group company firm charity organisation organization bank club party union association institute
    council campaign movement network coalition body alliance foundation trust team committee department
    ministry board commission panel delegation office unit division service authority regulator watchdog
    federation league government opposition administration force army navy police squad school university
    hospital church diocese""".split()
)


def _title_modifier(ctx: _Context, token: Token) -> bool:
    """A word the parse attaches before a title noun that belongs to the title (not "highly successful")."""
    if token.i in ctx.by_token or status_of(token.lower_) is not None:
        return False
    if token.dep_ in {"compound", "nmod"}:
        return True
    return token.dep_ == "amod" and (token.lower_ in MODIFIERS or token.pos_ in {"NOUN", "PROPN", "VERB"})


def parsed_appositive(ctx: _Context, span: Span) -> tuple[_Found, int] | None:
    """From the parse: a title noun in apposition to the name ("X, 68, the former chief of Y,")."""
    for child in span.root.children:
        if child.dep_ != "appos" or not is_head(child.lower_) or child.i < span.end:
            continue
        k = child.i
        while k > 0 and _title_modifier(ctx, ctx.doc[k - 1]):
            k -= 1  # "chief operating officer", "telecoms analyst"
        status = next((status_of(t.lower_) for t in child.lefts if status_of(t.lower_) is not None), None)
        title = _title_text(ctx.doc[k : child.i + 1])
        org, end = None, child.i + 1
        if k in ctx.by_end and ctx.by_end[k].label_ in _ORG_LABELS:
            org = _org_name(ctx.by_end[k])  # "FCC deputy secretary"
        for t in child.children:
            if t.dep_ == "poss" and t.i in ctx.by_token and ctx.by_token[t.i].label_ in _ORG_LABELS:
                org = _org_name(ctx.by_token[t.i])
            elif t.dep_ == "prep" and t.lower_ in {"of", "at", "for"}:
                obj = next((o for o in t.children if o.dep_ == "pobj"), None)
                owner = ctx.by_token.get(obj.i) if obj is not None else None
                if owner is not None and owner.label_ in _ORG_LABELS:
                    org, end = _org_name(owner), owner.end
        start = min([child.i, *(t.left_edge.i for t in child.lefts)])
        found = _Found(title=title, org=org, status=status or RoleStatus.CURRENT, start=start)
        return found, end
    return None


def _owner_after(ctx: _Context, e: int) -> Span | None:
    """The organisation a titled name is "of" or "at", written right after it: "Judge X of the High
    Court", "Professor X at the University of Y"."""
    doc = ctx.doc
    if e + 1 < len(doc) and doc[e].text == "," and doc[e + 1].lower_ == "of":
        e += 1  # "Prosecutor X, of the Crown Prosecution Service"
    if e >= len(doc) or doc[e].lower_ not in {"of", "at"}:
        return None
    i = e + 1 + (e + 1 < len(doc) and doc[e + 1].lower_ == "the")
    span = ctx.by_start.get(i)
    return span if span is not None and span.label_ == "ORG" else None


# A company's officers, by the last word of the title ("chief executive", "finance director").
_COMPANY_OFFICERS = frozenset({
    "executive", "chairman", "chairwoman", "chairperson", "founder", "co-founder", "director", "officer",
    "spokesman", "spokeswoman", "spokesperson", "cfo", "ceo", "coo",
})
# The legal forms that close a company's formal name ("Cobres del Desierto SA", "Sohar Gulf Logistics SAOG").
_COMPANY_FORMS = LEGAL_FORMS | {"Co", "Corporation", "Limited", "Incorporated"}


def _one_company(spans: list[Span]) -> Span | None:
    """The one company the article names with its legal form, if there is exactly one."""
    companies = [s for s in spans if s.label_ == "ORG" and s[-1].text.rstrip(".") in _COMPANY_FORMS]
    return companies[0] if companies and len({s.text for s in companies}) == 1 else None


def roles_for(doc: Doc, spans: list[Span], article: Article) -> dict[int, list[Role]]:
    """Roles by index into ``spans``, for every PERSON span whose title the text states."""
    ctx = _Context(
        doc=doc,
        by_start={s.start: s for s in spans},
        by_end={s.end: s for s in spans},
        gpes=[s for s in spans if s.label_ == "GPE"],
        by_token={i: s for s in spans for i in range(s.start, s.end)},
    )
    text = article.text
    the_company = _one_company(spans)
    out: dict[int, list[Role]] = {}
    for index, span in enumerate(spans):
        if span.label_ != "PERSON":
            continue
        found: list[tuple[_Found, int, int]] = []
        start = span.start - (span.start >= 2 and doc[span.start - 1].lower_.rstrip(".") in {"dr", "prof"})
        before = title_before(ctx, start)
        if before is None and start >= 2 and doc[start - 1].text == ",":
            before = title_before(ctx, start - 1)  # "Its chief executive, Dr X": a doctor's title before it
        while before is not None and len(found) < 3:
            found.append((before, doc[before.start].idx, span.end_char))
            # "Navy spokesman Rear Admiral X": a title right before another title
            before = title_before(ctx, before.title_start) if before.start == before.title_start else None
        if found and found[0][0].org is None and (owner := _owner_after(ctx, span.end)) is not None:
            found[0] = (found[0][0], found[0][1], owner.end_char)
            found[0][0].org = _org_name(owner)  # "Professor X of the University of Y"
        after = appositive(ctx, span.end) or role_clause(ctx, span.end)
        if after is None or after[0].org is None:  # the parse may reach an owner further on
            parsed = parsed_appositive(ctx, span)
            if parsed is not None and (after is None or parsed[0].org is not None):
                after = parsed
        if after is not None:
            role, j = after
            found.append((role, span.start_char, doc[j - 1].idx + len(doc[j - 1].text)))
        for n, (f, start, end) in enumerate(found):
            if f.org is None and the_company is not None and f.title.split()[-1] in _COMPANY_OFFICERS:
                # "Chief executive X" in an article on the one company it names with its legal form
                f.org = _org_name(the_company)
                found[n] = (f, min(start, the_company.start_char), max(end, the_company.end_char))
        roles = [
            Role(
                title=f.title,
                organization=f.org,
                status=f.status,
                article_id=article.id,
                evidence=evidence_from(article.id, text, start, end),
                published=article.published,
            )
            for f, start, end in found
        ]
        if roles:
            out[index] = roles
    return out
