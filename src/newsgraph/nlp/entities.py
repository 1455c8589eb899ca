"""Entity mentions, their in-article clusters, aliases and roles (``newsgraph.entities.v4``).

The component fills ``doc._.ng["mentions"]`` (tuple[Mention], text order) and
``doc._.ng["entities"]`` (tuple[LocalEntity], with aliases and roles). Mentions come from
``mentions.mention_spans`` (cleaned, repaired, recovered). Inside an article one name has many
forms: a later surname or short form ("Mr X") joins the full name; an acronym joins the
organisation it abbreviates; "US", "U.S." and "United States" are one country, named canonically;
a demonym ("Japanese") joins its country when the article names it.
"""

import re
from dataclasses import replace

from newsgraph.nlp.component import register
from spacy.tokens import Doc, Span

from newsgraph.model import (
    Alias,
    AliasKind,
    Article,
    EntityType,
    Geo,
    LocalEntity,
    Mention,
    Role,
    evidence_from,
    fact_id,
    stable_id,
)
from newsgraph.nlp.aliases import ParenAlias, acronym_links, paren_aliases, script_of
from newsgraph.nlp.countries import canonical_country, country_of_demonym
from newsgraph.nlp.institutions import canonical_institution
from newsgraph.nlp.places import context_countries, fold, gazetteer, place_in_name, resolve_place
from newsgraph.nlp.mentions import clean_span, mention_spans
from newsgraph.nlp.roles import roles_for
from newsgraph.nlp.titles import ROYAL_TITLES

EXTRACTOR = "newsgraph.entities.v31"

__all__ = ["EXTRACTOR", "clean_span", "mentions_and_entities"]


class _Clusters:
    """Union-find over span indexes; the root is the earliest, fullest-named member."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, child: int, head: int) -> None:
        a, b = self.find(child), self.find(head)
        if a != b:
            self.parent[a] = b


def _words(span: Span) -> tuple[str, ...]:
    """The name's words, case-folded: "De Vries" is a short form of "Marten de Vries"."""
    return tuple(t.text.casefold() for t in span)


def _short_forms(spans: list[Span]) -> dict[tuple[str, ...], list[int]]:
    """Each short form (leading or trailing words) of the article's full person names → the indexes
    of the full names it is part of, in text order."""
    full: dict[tuple[str, ...], list[int]] = {}
    for i, span in enumerate(spans):
        if span.label_ == "PERSON" and len(span) >= 2:
            words = _words(span)
            for n in range(1, len(words)):
                full.setdefault(words[-n:], []).append(i)
                full.setdefault(words[:n], []).append(i)
            for word in words[1:-1]:  # "Javiera Fuentes Olmedo ... Fuentes": a first surname of two
                owners = full.setdefault((word,), [])
                if i not in owners:
                    owners.append(i)
    return full


def _cluster_persons(spans: list[Span], clusters: _Clusters, full: dict[tuple[str, ...], list[int]]) -> None:
    """A short form (surname, first name, "Mr X") joins the nearest full name it is part of."""
    royal = {_words(s) for s in spans if s.label_ == "PERSON" and len(s) == 1 and s.start > 0
             and s.doc[s.start - 1].lower_ in ROYAL_TITLES}
    for i, span in enumerate(spans):
        if span.label_ != "PERSON":
            continue
        if _words(span) in royal:
            continue  # "Prince Charles" (and every bare "Charles" beside him) is never the article's "Charles Kennedy"
        candidates = full.get(_words(span), [])
        if not candidates:
            continue
        before = [j for j in candidates if j < i]
        clusters.join(i, before[-1] if before else candidates[0])


def _cluster_company_short_forms(spans: list[Span], clusters: _Clusters) -> None:
    """An ORG that is the first word or words of a company's name written before ("Goldcrest" after
    "Goldcrest Mining", "Chao Doi" after "Chao Doi Foods PCL") joins it, and so does a club's town
    standing for the club ("Bradford" after "Bradford City", nlp/places.py ``clubs``)."""
    from newsgraph.nlp.organisations import CORPORATE_FINALS
    from newsgraph.nlp.places import club_name

    first: dict[str, int] = {}
    for i, span in enumerate(spans):
        if span.label_ != "ORG":
            continue
        if len(span) > 1 and span[-1].text in CORPORATE_FINALS:
            for k in range(1, len(span)):  # "Qasr Marine" of "Qasr Marine Holdings", "Chao Doi" of "Chao Doi Foods PCL"
                if span[k - 1].text[:1].isupper():
                    first.setdefault(span[:k].text, i)
        elif len(span) > 1 and club_name(span):
            first.setdefault(span[:-1].text, i)
            first.setdefault(span[-1].text, i)  # a franchise's nickname ("Falcons" of "Denver Falcons")
        elif span.text in first:
            clusters.join(i, first[span.text])


def _cluster_same_names(spans: list[Span], clusters: _Clusters, full: dict[tuple[str, ...], list[int]]) -> None:
    """Same written name (or the same country or institution under any variant) and type: one
    cluster; but not a short form of two different people of the article ("Okoro" of "Felix Okoro"
    and "Tamsin Okoro"): joined by name, it would join them; each joins its nearest full name."""
    shared = {short for short, owners in full.items() if len({_words(spans[j]) for j in owners}) > 1}
    seen: dict[tuple[str, str], int] = {}
    for i, span in enumerate(spans):
        if span.label_ == "PERSON" and _words(span) in shared:
            continue
        name = _country(span) or _institution(span) or span.text
        key = (span.label_, name)
        if key in seen:
            clusters.join(i, seen[key])
        else:
            seen[key] = i
    for i, span in enumerate(spans):
        if span.label_ == "NORP":
            country = country_of_demonym(span.text)
            if country is not None and ("GPE", country) in seen:
                clusters.join(i, seen[("GPE", country)])


def _country(span: Span) -> str | None:
    return canonical_country(span.text) if span.label_ == "GPE" else None


def _institution(span: Span) -> str | None:
    return canonical_institution(span.text) if span.label_ == "ORG" else None


def _geo(etype: EntityType, members: list[Span], countries: set[str], by_start: dict[int, Span],
         home: str | None = None) -> Geo | None:
    """A place's gazetteer entry, or the place an organisation's name is built on. A facility the
    gazetteer lacks lies in the country of a place its name is built on ("Port of Dakar"); a town
    it lacks, in the article's one country ``home`` (ISO code, ``_home_iso``): the country only,
    with no gazetteer id or point, so that no two such places pass for the same one. A facility
    named after no place keeps none (a station in orbit, a ship, an embassy abroad), nor does a
    river, a sea or a range, which may cross borders."""
    if etype.value in {"GPE", "LOC", "FAC"}:
        for span in members:
            if span.label_ == etype.value and (geo := resolve_place(span, countries, by_start)) is not None:
                return geo
        own = [s for s in members if s.label_ == etype.value]
        if etype is EntityType.FAC and own:
            inside = place_in_name(max(own, key=len), countries)
            if inside is not None:
                return Geo(geonames_id=None, country=inside.country)
        if home is not None and etype is EntityType.GPE and own and not any(gazetteer().knows(s.text) for s in own):
            return Geo(geonames_id=None, country=home)
        return None
    if etype is EntityType.ORG:
        longest = max(members, key=lambda s: len(s))
        return place_in_name(longest, countries)
    return None


def _spans_with_acronyms(
    doc: Doc, spans: list[Span], article: Article
) -> tuple[list[Span], dict[int, int], list[ParenAlias]]:
    """Add acronym tokens as mentions of what they abbreviate, and a name in another script in
    parentheses right after a mention ("Dilnoza Yusupova (Дилноза Юсупова)") as a mention of the
    same entity; return spans, added span → defining span, paren aliases."""
    parens = paren_aliases(doc, spans, article)
    defined = {p.alias.text: p.index for p in parens if p.alias.kind is AliasKind.ACRONYM}
    pieces = [(tok, tok + 1, d) for tok, d in acronym_links(doc, spans, defined)]
    scripts = []  # other-script names in parentheses, as token bounds
    for p in parens:
        if p.alias.kind is AliasKind.OTHER_SCRIPT:
            written = doc.char_span(p.alias.evidence.start, p.alias.evidence.end, alignment_mode="expand")
            if written is not None:
                scripts.append((written.start, written.end, p.index))
    if not pieces and not scripts:
        return spans, {}, parens
    if scripts:  # the model's own spans inside such a name give way to it
        inside = [i for i, s in enumerate(spans) if any(a <= s.start and s.end <= b for a, b, _ in scripts)]
        index_of = {i: n for n, i in enumerate(i for i in range(len(spans)) if i not in inside)}
        spans = [s for i, s in enumerate(spans) if i not in inside]
        pieces = [(a, b, index_of[d]) for a, b, d in pieces + scripts if d in index_of]
        parens = [ParenAlias(index_of[p.index], p.alias, p.token) for p in parens if p.index in index_of]
    existing = {(s.start, s.end) for s in spans}
    defining = {d: spans[d] for _, _, d in pieces}
    added = [Span(doc, a, b, label=defining[d].label_) for a, b, d in pieces if (a, b) not in existing]
    merged = sorted(spans + added, key=lambda s: s.start)
    position = {(s.start, s.end): i for i, s in enumerate(merged)}
    link_map = {position[(a, b)]: position[(defining[d].start, defining[d].end)] for a, b, d in pieces}
    moved = [ParenAlias(position[(spans[p.index].start, spans[p.index].end)], p.alias, p.token) for p in parens]
    for i, span in enumerate(merged):  # the model's own acronym span may carry another label
        if i in link_map and span.label_ != merged[link_map[i]].label_:
            merged[i] = Span(doc, span.start, span.end, label=merged[link_map[i]].label_)
    return merged, link_map, moved


def _name_of(members: list[Span]) -> str:
    first = members[0]
    country = _country(first)
    if country is not None:
        return country
    script = script_of(first.text)
    same = [s for s in members if s.label_ == first.label_ and script_of(s.text) == script]  # not "(赵明远)"
    name = max(same, key=lambda s: (len(s), len(s.text))).text
    return _NICKNAME.sub(" ", name) if first.label_ == "PERSON" else name


# A nickname in quotes inside a person's name, left out of the name the entity is known by.
_NICKNAME = re.compile(r"\s+[\"“][^\"“”]{1,30}[\"”]\s+")


def _aliases(name: str, members: list[Span], defined: list[Alias], article: Article) -> tuple[Alias, ...]:
    out: dict[tuple[str, AliasKind], Alias] = {}
    root_label = members[0].label_
    for alias in defined:
        out.setdefault((alias.text, alias.kind), alias)
    written = {alias.text for alias in defined}
    for span in members:
        if span.text == name or span.text in written:
            continue
        if span.label_ == "NORP" and root_label == "GPE":
            kind = AliasKind.DEMONYM
        elif root_label == "GPE":
            kind = AliasKind.VARIANT
        elif span.text.isupper() and not name.isupper():
            kind = AliasKind.ACRONYM
        else:
            kind = AliasKind.SHORT_FORM
        evidence = evidence_from(article.id, article.text, span.start_char, span.end_char)
        out.setdefault((span.text, kind), Alias(text=span.text, kind=kind, evidence=evidence))
    return tuple(out.values())


def _dedupe_roles(roles: list[Role]) -> tuple[Role, ...]:
    """One role per (title, organisation, status); a role without organisation yields to one with."""
    seen: dict[tuple[str, str | None, str], Role] = {}
    for role in roles:
        seen.setdefault((role.title, role.organization, role.status), role)
    placed = {(r.title, r.status) for r in seen.values() if r.organization is not None}
    return tuple(r for r in seen.values() if r.organization is not None or (r.title, r.status) not in placed)


# Titles of a government's members: with no organisation written beside them, the article's one
# country, where every place and nationality it names lies in that country ("Ethiopian lawmakers
# ... Water Minister X"), else the first country it names, before the person. A mayor's title is
# left without one, and a company officer's unless the article names one company with its legal
# form (nlp/roles.py): an article that names one company or one city may still mean another, and on
# the held-out cases both guesses, made more loosely, cost more than they gave.
_GOVERNMENT_HEADS = frozenset({"minister", "prime minister", "premier", "deputy prime minister", "vice president"})


def _settle_roles(roles: dict[int, list[Role]], spans: list[Span], groups: dict[int, list[int]],
                  names: dict[int, str], country: str | None) -> dict[int, list[Role]]:
    """Each role's organisation named as the article's entity is named ("IMF" → "International
    Monetary Fund", "Thirsk" → "Thirsk United"), and a minister's or a capitalised President's
    country, left unsaid beside the title, taken from the article where only one can be meant:
    its one country ``country`` (``_only_country``), else the first country it names, where it names it before
    the person (``_lead_country``). Otherwise it stays None."""
    if not roles:
        return roles
    name_of: dict[str, str] = {}  # each written form of an organisation or a place → its entity's name
    for root, members in groups.items():
        if any(spans[i].label_ in {"ORG", "GPE"} for i in members):
            for i in members:
                name_of.setdefault(spans[i].text, names[root])
    out: dict[int, list[Role]] = {}
    for index, found in roles.items():
        settled = []
        for role in found:
            org = name_of.get(role.organization, role.organization) if role.organization else None
            if org is None and _government_title(role, spans[index]):
                org = country or _lead_country(spans, spans[index])
            settled.append(role if org == role.organization else replace(role, organization=org))
        out[index] = settled
    return out


def _home_iso(spans: list[Span], name: str | None) -> str | None:
    """The ISO code of the article's one country ``name`` (``_only_country``) where the article
    also names a town or region of it: a country named once beside a place of its own is where the
    article is; named alone ("birds in Fiordland learned faster than those in zoos in Australia")
    it may be where the article is not. Else None."""
    iso = gazetteer().country_of(name) if name is not None else None
    if iso is None:
        return None
    gaz = gazetteer()
    for span in spans:
        if span.label_ not in ("GPE", "LOC"):
            continue
        region = gaz.region(span.text)
        if region is not None and region.kind != "country" and region.country == iso:
            return iso
        if region is None and any(c.country == iso for c in gaz.cities.get(fold(span.text), ())[:1]):
            return iso
    return None


def _only_country(spans: list[Span]) -> str | None:
    """The article's one country (by name, written or as a nationality) when every GPE and
    nationality it names lies in it; None where there are none or several."""
    gaz = gazetteer()
    isos: set[str] = set()
    names: set[str] = set()
    for span in spans:
        if span.label_ == "GPE":
            region = gaz.region(span.text)
            if region is not None:
                isos.add(region.country)
                if region.kind == "country":
                    names.add(canonical_country(span.text) or span.text)
            elif places := gaz.cities.get(fold(span.text), ()):
                isos.add(places[0].country)
        elif span.label_ == "NORP" and (country := country_of_demonym(span.text)) is not None:
            if (iso := gaz.country_of(span.text)) is not None:
                isos.add(iso)
                names.add(country)
    return next(iter(names)) if len(names) == 1 and len(isos) == 1 else None


def _lead_country(spans: list[Span], person: Span) -> str | None:
    """The first country the article names, where it names it before ``person``: the country it is
    written from or about ("TALLINN, Estonia - ... Russia ... Interior Minister X"), where later
    ones are the others it deals with."""
    first = next((s for s in spans if s.label_ == "GPE" and canonical_country(s.text)), None)
    return canonical_country(first.text) if first is not None and first.end <= person.start else None


def _government_title(role: Role, person: Span) -> bool:
    """A minister's, a premier's or a vice president's title, or "President" capitalised right
    before the name (the head of state's: "President Luis Benítez")."""
    title = role.title
    if title.split()[-1] in _GOVERNMENT_HEADS or title in _GOVERNMENT_HEADS:
        return True
    doc = person.doc
    return title == "president" and person.start > 0 and doc[person.start - 1].text == "President"


def mentions_and_entities(doc: Doc, article: Article) -> tuple[tuple[Mention, ...], tuple[LocalEntity, ...]]:
    """The article's mentions and local entities (clusters with aliases and roles)."""
    spans, acronyms, parens = _spans_with_acronyms(doc, mention_spans(doc), article)
    clusters = _Clusters(len(spans))
    full = _short_forms(spans)
    _cluster_same_names(spans, clusters, full)
    _cluster_persons(spans, clusters, full)
    _cluster_company_short_forms(spans, clusters)
    for child, head in acronyms.items():
        clusters.join(child, head)
    at_char = {s.start_char: i for i, s in enumerate(spans)}
    for p in parens:  # "X (習近平)" where the model tagged the other-script name too
        if p.alias.evidence is not None and p.alias.evidence.start in at_char:
            clusters.join(at_char[p.alias.evidence.start], p.index)
    groups: dict[int, list[int]] = {}
    for i in range(len(spans)):
        groups.setdefault(clusters.find(i), []).append(i)
    ordered_of: dict[int, list[Span]] = {}
    for root, members in groups.items():
        member_spans = [spans[i] for i in members]
        head = min(member_spans, key=lambda s: (s.label_ == "NORP" and len(member_spans) > 1, s.start))
        ordered_of[root] = [head] + [s for s in member_spans if s is not head]
    names = {root: _name_of(ordered) for root, ordered in ordered_of.items()}
    only = _only_country(spans)  # the article's one country, for ministers' posts and unlisted towns
    roles = _settle_roles(roles_for(doc, spans, article), spans, groups, names, only)
    defined: dict[int, list[Alias]] = {}
    for p in parens:
        defined.setdefault(clusters.find(p.index), []).append(p.alias)
    mentions: dict[int, Mention] = {}
    entities: list[LocalEntity] = []
    countries = context_countries(spans)
    home = _home_iso(spans, only)
    by_start = {s.start: s for s in spans}
    for root, members in sorted(groups.items(), key=lambda kv: kv[1][0]):
        ordered, name = ordered_of[root], names[root]
        etype = EntityType(ordered[0].label_)
        key = stable_id("cl", article.id, etype.value, name)
        for i in members:
            span = spans[i]
            mentions[i] = Mention(
                id=fact_id("mention", article.id, span.start_char, span.end_char),
                evidence=evidence_from(article.id, article.text, span.start_char, span.end_char),
                type=EntityType(span.label_),
                cluster=key,
                extractor=EXTRACTOR,
            )
        entities.append(
            LocalEntity(
                key=key,
                name=name,
                type=etype,
                mention_ids=tuple(mentions[i].id for i in members),
                aliases=_aliases(name, ordered, defined.get(root, []), article),
                roles=_dedupe_roles([r for i in members for r in roles.get(i, [])]),
                geo=_geo(etype, ordered, countries, by_start, home),
                known_as=canonical_institution(name) if etype is EntityType.ORG else None,
            )
        )
    return tuple(mentions[i] for i in range(len(spans))), tuple(entities)


def _entity_facts(doc: Doc) -> dict[str, tuple]:
    mentions, entities = mentions_and_entities(doc, doc._.ng["article"])
    return {"mentions": mentions, "entities": entities}


register("newsgraph_entities", EXTRACTOR, _entity_facts, setup=gazetteer)  # the gazetteer loads with the pipeline
