"""One identity across articles: local entities of a batch join the entities the store holds.

Rules, in order, for a local entity of type T:

- the same normalised name and type is the same entity (country variants were made canonical
  by the extractor, so "US" and "United States" already share a name);
- a shared alias that identifies (an acronym, a name in another script, a variant) joins;
- a person with a fuller name joins a known person whose name is a part of it (a surname-only
  "Trump" known before "Donald Trump") when exactly one known person carries that surname;
- a surname alone joins a known full name only when exactly one known person has that surname;
  two people who share a surname are never merged on the surname alone, and two full names with
  different first names are different people;
- a royal title held by one side and not the other blocks any merge (Prince Charles is never
  Charles Kennedy); two sides holding royal titles merge when they share one (a prince an
  article also calls the future king);
- a one-word "person" without a title joins an organisation of that name when no known person
  carries it ("Yukos"), taking that entity's type;
- an institution's short form ("EU", "Labour", "Commons") carries its full name as a variant alias
  from the extractor, so it joins the full name in any order.

The entity id is derived from the type and the first form seen, and never changes when a later
article adds a fuller name (the name is updated, the id kept). Known entities are indexed by
normalised name, alias and surname: no pairwise pass over the knowledge base.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from newsgraph.model import Alias, AliasKind, ArticleFacts, Curation, Entity, EntityType, Geo, LocalEntity, Role, stable_id
from newsgraph.resolve.curate import Curator

_IDENTIFYING = {AliasKind.ACRONYM, AliasKind.OTHER_SCRIPT, AliasKind.VARIANT}
# Titles a person is called by with the given name alone ("Prince Charles"): such a person is never
# merged with someone who does not hold the same title (the words of ``nlp.titles.ROYAL_TITLES``).
_ROYAL = frozenset(
    "prince princess king queen emperor empress duke duchess pope sultan emir sheikh crown lord lady baroness baron".split()
)


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityResolution:
    """What resolution decided for a batch.

    Attributes:
        entities: every new or changed Entity, as a full record (aliases, roles, articles merged).
        assignment: ``LocalEntity.key`` → ``Entity.id`` for every local entity of the batch that
            has an entity (a local entity whose entity a curation dropped has none).
        removed: known entities that curations folded into another one (id → that one's id) or
            dropped (id → None).
    """

    entities: tuple[Entity, ...]
    assignment: Mapping[str, str]
    removed: Mapping[str, str | None] = field(default_factory=dict)


def normalise(name: str) -> str:
    """The comparison form of a name: case-folded, no dots, no leading "the", single spaces."""
    text = name.replace("’", "'").replace(".", " ").casefold()
    words = text.split()
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    return " ".join(words)


@dataclass(slots=True)
class _Record:
    id: str
    name: str
    type: EntityType
    aliases: dict[tuple[str, AliasKind], Alias] = field(default_factory=dict)
    roles: dict[tuple[object, ...], Role] = field(default_factory=dict)
    article_ids: list[str] = field(default_factory=list)
    geo: Geo | None = None

    @classmethod
    def of(cls, entity: Entity) -> _Record:
        record = cls(id=entity.id, name=entity.name, type=entity.type, article_ids=list(entity.article_ids), geo=entity.geo)
        for alias in entity.aliases:
            record.aliases.setdefault((alias.text, alias.kind), alias)
        for role in entity.roles:
            record.roles.setdefault(_role_key(role), role)
        return record

    def entity(self) -> Entity:
        return Entity(
            id=self.id,
            name=self.name,
            type=self.type,
            aliases=tuple(self.aliases.values()),
            roles=tuple(self.roles.values()),
            article_ids=tuple(self.article_ids),
            geo=self.geo,
        )


def _role_key(role: Role) -> tuple[object, ...]:
    return (role.title, role.organization, role.status, role.article_id, role.evidence.start)


class _Index:
    """Known entities by (type, name), (type, identifying alias) and person surname."""

    def __init__(self) -> None:
        self.records: dict[str, _Record] = {}
        self.by_name: dict[tuple[str, str], str] = {}
        self.by_alias: dict[tuple[str, str], set[str]] = {}
        self.by_surname: dict[str, set[str]] = {}
        self.by_given_first: dict[str, set[str]] = {}
        self.by_geo: dict[tuple[str, int], str] = {}

    def add(self, record: _Record) -> None:
        self.records[record.id] = record
        self.index_geo(record)
        self.index_name(record, record.name)
        for alias in record.aliases.values():
            self.index_alias(record, alias)

    def index_name(self, record: _Record, name: str) -> None:
        norm = normalise(name)
        self.by_name.setdefault((record.type.value, norm), record.id)
        if record.type is EntityType.PERSON and norm:
            words = norm.split()
            self.by_surname.setdefault(words[-1], set()).add(record.id)
            if len(words) > 1:  # family name first in many languages ("Zhao Mingyuan")
                self.by_given_first.setdefault(words[0], set()).add(record.id)

    def index_geo(self, record: _Record) -> None:
        if record.geo is not None and record.geo.geonames_id is not None:
            self.by_geo.setdefault((record.type.value, record.geo.geonames_id), record.id)

    def index_alias(self, record: _Record, alias: Alias) -> None:
        if alias.kind in _IDENTIFYING:
            self.by_alias.setdefault((record.type.value, normalise(alias.text)), set()).add(record.id)

    def new_id(self, etype: EntityType, name: str) -> str:
        base = stable_id("ent", etype.value, normalise(name))
        candidate, n = base, 1
        while candidate in self.records:
            candidate, n = stable_id("ent", etype.value, normalise(name), n), n + 1
        return candidate


def _unique(ids: set[str] | None) -> str | None:
    return next(iter(ids)) if ids is not None and len(ids) == 1 else None


def _person_match(index: _Index, words: list[str]) -> str | None:
    """A known person this name (tokens, normalised) may be, by surname, when unambiguous."""
    people = set(index.by_surname.get(words[-1], ()))
    if len(words) == 1:
        people |= index.by_given_first.get(words[0], set())
    if len(people) != 1:
        return None
    (candidate,) = people
    known = normalise(index.records[candidate].name).split()
    if len(words) == 1 or len(known) == 1:
        return candidate  # a surname alone on one side, one person with that surname
    if known[0] == words[0] or (known[0][:1] == words[0][:1] and min(len(known[0]), len(words[0])) == 1):
        return candidate  # same first name (or its initial): a middle name added or dropped
    return None


def _royal(titles: Sequence[str]) -> set[str]:
    return {t for title in titles for t in title.split() if t in _ROYAL}


def _conflict(record: _Record, local: LocalEntity) -> bool:
    """Whether a known person and a local one cannot be the same: one holds a royal title the other
    lacks while the other has a full name or other titles (Prince Charles is not Charles Kennedy)."""
    if record.geo is not None and local.geo is not None and (
            (record.geo.geonames_id, record.geo.country) != (local.geo.geonames_id, local.geo.country)):
        return True  # Paris, Texas is not Paris, France; Punjab, India is not Punjab, Pakistan
    if record.type is not EntityType.PERSON or local.type is not EntityType.PERSON:
        return False
    known_titles = [r.title for r in record.roles.values()]
    local_titles = [r.title for r in local.roles]
    known, here = _royal(known_titles), _royal(local_titles)
    if known == here or known & here:
        return False  # a royal title in common ("prince"; one article adds "king" for the future): the same person
    commoner = (record.name, known_titles) if not known else (local.name, local_titles)
    return len(commoner[0].split()) > 1 or bool(commoner[1]) or bool(known and here)


def _as_other_type(index: _Index, local: LocalEntity, norm: str) -> str | None:
    """A one-word "person" with no title that the knowledge base knows as an organisation ("Yukos"),
    when no known person has that name. (Places are not joined this way: "Jordan" is a country and a
    name; the extractor retypes a place only on the text's evidence.)"""
    if local.type is not EntityType.PERSON or local.roles or " " in norm or index.by_surname.get(norm):
        return None
    return index.by_name.get(("ORG", norm))


def _match(index: _Index, local: LocalEntity) -> str | None:
    found = _match_any(index, local)
    if found is not None and _conflict(index.records[found], local):
        return None
    return found


def _match_any(index: _Index, local: LocalEntity) -> str | None:
    etype = local.type.value
    if local.geo is not None and local.geo.geonames_id is not None and local.type.value in {"GPE", "LOC", "FAC"}:
        found = index.by_geo.get((etype, local.geo.geonames_id))
        if found is not None:  # the same gazetteer place, whatever it is called
            return found
    norm = normalise(local.name)
    found = index.by_name.get((etype, norm))
    if found is not None:
        return found
    for alias in local.aliases:
        if alias.kind in _IDENTIFYING:
            key = (etype, normalise(alias.text))
            found = index.by_name.get(key) or _unique(index.by_alias.get(key))
            if found is not None:
                return found
    found = _unique(index.by_alias.get((etype, norm)))
    if found is not None:
        return found
    if local.known_as is not None:  # "Labour" and "Labour Party", "EU" and "European Union", in any order
        key = (etype, normalise(local.known_as))
        found = index.by_name.get(key) or _unique(index.by_alias.get(key))
        if found is not None:
            return found
    if local.type is EntityType.PERSON and norm:
        return _person_match(index, norm.split()) or _as_other_type(index, local, norm)
    return None


def _merge(index: _Index, record: _Record, local: LocalEntity, article_id: str) -> None:
    if len(normalise(local.name).split()) > len(normalise(record.name).split()):
        old = record.name
        record.name = local.name
        record.aliases.setdefault((old, AliasKind.SHORT_FORM), Alias(text=old, kind=AliasKind.SHORT_FORM))
        index.index_name(record, local.name)
    elif normalise(local.name) != normalise(record.name):
        kind = AliasKind.SHORT_FORM if record.type is EntityType.PERSON else AliasKind.VARIANT
        record.aliases.setdefault((local.name, kind), Alias(text=local.name, kind=kind))
        index.index_name(record, local.name)
    if local.known_as is not None and normalise(local.known_as) != normalise(record.name):
        known = Alias(text=local.known_as, kind=AliasKind.VARIANT)
        if (known.text, known.kind) not in record.aliases:
            record.aliases[(known.text, known.kind)] = known
            index.index_alias(record, known)
    for alias in local.aliases:
        if (alias.text, alias.kind) not in record.aliases:
            record.aliases[(alias.text, alias.kind)] = alias
            index.index_alias(record, alias)
    for role in local.roles:
        record.roles.setdefault(_role_key(role), role)
    if record.geo is None and local.geo is not None and local.type is record.type:
        record.geo = local.geo
        index.index_geo(record)
    if article_id not in record.article_ids:
        record.article_ids.append(article_id)


def resolve_entities(facts: Sequence[ArticleFacts], known: Sequence[Entity],
                     curations: Sequence[Curation] = ()) -> EntityResolution:
    """Resolve every local entity of ``facts`` against ``known`` entities (and one another), then
    apply the ``curations`` in force (``resolve.curate``)."""
    index = _Index()
    for entity in known:
        index.add(_Record.of(entity))
    changed: dict[str, None] = {}
    assignment: dict[str, str] = {}
    fresh: set[str] = set()
    locals_: dict[str, tuple[str, LocalEntity]] = {}
    for article in facts:
        for local in article.entities:
            found = _match(index, local)
            if found is None:
                record = _Record(id=index.new_id(local.type, local.name), name=local.name, type=local.type, geo=local.geo)
                index.add(record)
                fresh.add(record.id)
            else:
                record = index.records[found]
            _merge(index, record, local, article.article_id)
            assignment[local.key] = record.id
            locals_[local.key] = (article.article_id, local)
            changed[record.id] = None
    removed: dict[str, str | None] = {}
    if any(c.active for c in curations):
        curator = Curator(index.records, fresh, locals_, assignment, changed, _Record)
        curator.apply(curations)
        removed = {i: into for i, into in curator.removed.items() if i not in fresh}
    return EntityResolution(
        entities=tuple(index.records[i].entity() for i in changed),
        assignment=assignment,
        removed=removed,
    )
