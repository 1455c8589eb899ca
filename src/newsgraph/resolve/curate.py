"""Corrections by a person (``Curation`` rules), applied after resolution, in the order they were made.

Resolution first decides identity as it always does; then each rule in force is applied to what it
decided, on every ingest, every reextract and every rebuild, so a correction is never lost to a
later batch:

- a rule's subject is the entity it was made on (by id) and any entity this resolution created
  anew with the same type and name (a dropped or merged entity that a new article brings back);
  several subjects are folded into one first;
- merge folds the subject into the other entity (following that entity's own merges): its names
  become aliases there, its articles, roles and mentions go there;
- retype and rename change the subject's type or name (an old name stays an alias);
- drop removes the subject: its mentions stay, unresolved;
- split moves the local entities (one article's view) named by one of the rule's names from the
  subject to the entity split off (id fixed when the rule was made), with their roles and aliases.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from newsgraph.model import Alias, AliasKind, Curation, CurationAction, EntityType, LocalEntity


def redirects(curations: Sequence[Curation]) -> dict[str, str]:
    """Merged entity id → the id it was merged into, for the merges in force."""
    return {c.entity_id: c.value for c in curations if c.active and c.action is CurationAction.MERGE}


def follow(entity_id: str, moved: Mapping[str, str]) -> str:
    """Where ``entity_id`` ends after the chain of merges in ``moved`` (cycles stop where they close)."""
    seen = {entity_id}
    while entity_id in moved and moved[entity_id] not in seen:
        entity_id = moved[entity_id]
        seen.add(entity_id)
    return entity_id


class Curator:
    """Applies rules to one resolution's records (``records``: id → ``_Record``, mutated in place).

    ``fresh`` is the ids resolution created in this call; ``locals`` the call's local entities by
    key, each with its article id; ``assignment`` local key → entity id (updated); ``changed`` the ids to write (updated)."""

    def __init__(self, records: dict, fresh: set[str], locals: Mapping[str, tuple[str, LocalEntity]], assignment: dict[str, str],
                 changed: dict[str, None], record_type: type) -> None:
        self.records, self.fresh, self.locals = records, fresh, locals
        self.assignment, self.changed, self.record_type = assignment, changed, record_type
        self.removed: dict[str, str | None] = {}  # id → the id it went into (None: dropped)

    def apply(self, curations: Iterable[Curation]) -> None:
        rules = [c for c in curations if c.active]
        moved = redirects(rules)
        for rule in sorted(rules, key=lambda c: c.seq):
            subject = self._subject(rule)
            if subject is None:
                continue
            if rule.action is CurationAction.MERGE:
                target = follow(rule.value, moved)
                if target in self.records and target != subject:
                    self._fold(subject, target)
            elif rule.action is CurationAction.RETYPE:
                self._retype(subject, rule.value)
            elif rule.action is CurationAction.RENAME:
                self._rename(subject, rule.value)
            elif rule.action is CurationAction.DROP:
                self._drop(subject)
            elif rule.action is CurationAction.SPLIT:
                self._split(subject, rule)

    # --- the parts ------------------------------------------------------------------------------

    def _subject(self, rule: Curation) -> str | None:
        """The rule's entity, with any entity created anew under its type and name folded into it."""
        from newsgraph.resolve.entities import normalise

        name = normalise(rule.entity_name)
        again = [i for i in self.records if i in self.fresh and i != rule.entity_id
                 and self.records[i].type.value == rule.entity_type and normalise(self.records[i].name) == name]
        subject = rule.entity_id if rule.entity_id in self.records else (again.pop(0) if again else None)
        for other in again:
            self._fold(other, subject)  # type: ignore[arg-type]
        return subject

    def _touch(self, entity_id: str) -> None:
        self.changed[entity_id] = None

    def _fold(self, source: str, target: str) -> None:
        src, dst = self.records.pop(source), self.records[target]
        from newsgraph.resolve.entities import normalise

        names = [src.name] + [a.text for a in src.aliases.values()]
        for alias in src.aliases.values():
            dst.aliases.setdefault((alias.text, alias.kind), alias)
        for name in names[:1]:
            if normalise(name) != normalise(dst.name):
                dst.aliases.setdefault((name, AliasKind.VARIANT), Alias(text=name, kind=AliasKind.VARIANT))
        for key, role in src.roles.items():
            dst.roles.setdefault(key, role)
        for article in src.article_ids:
            if article not in dst.article_ids:
                dst.article_ids.append(article)
        if dst.geo is None and src.geo is not None and src.type is dst.type:
            dst.geo = src.geo
        for key, eid in list(self.assignment.items()):
            if eid == source:
                self.assignment[key] = target
        self.changed.pop(source, None)
        for old, into in self.removed.items():
            if into == source:
                self.removed[old] = target
        self.removed[source] = target
        self._touch(target)

    def _retype(self, subject: str, value: str) -> None:
        self.records[subject].type = EntityType(value)
        self._touch(subject)

    def _rename(self, subject: str, value: str) -> None:
        from newsgraph.resolve.entities import normalise

        record = self.records[subject]
        if normalise(record.name) != normalise(value):
            record.aliases.setdefault((record.name, AliasKind.VARIANT), Alias(text=record.name, kind=AliasKind.VARIANT))
        record.aliases.pop((value, AliasKind.VARIANT), None)
        record.aliases.pop((value, AliasKind.SHORT_FORM), None)
        record.name = value
        self._touch(subject)

    def _drop(self, subject: str) -> None:
        self.records.pop(subject)
        for key, eid in list(self.assignment.items()):
            if eid == subject:
                del self.assignment[key]
        self.changed.pop(subject, None)
        for old, into in self.removed.items():
            if into == subject:
                self.removed[old] = None
        self.removed[subject] = None

    def _split(self, subject: str, rule: Curation) -> None:
        from newsgraph.resolve.entities import _role_key, normalise

        names = {normalise(n) for n in rule.names}
        mine = [k for k, eid in self.assignment.items() if eid == subject and k in self.locals]
        moving = [k for k in mine if normalise(self.locals[k][1].name) in names]
        if not moving:
            return
        record = self.records[subject]
        if rule.new_id not in self.records:
            self.records[rule.new_id] = self.record_type(id=rule.new_id, name=self.locals[moving[0]][1].name, type=record.type)
            self.removed.pop(rule.new_id, None)
        part = self.records[rule.new_id]
        staying = {self.locals[k][0] for k in mine if k not in moving}
        for key in moving:
            article, local = self.locals[key]
            self.assignment[key] = rule.new_id
            for alias in local.aliases:
                part.aliases.setdefault((alias.text, alias.kind), alias)
                record.aliases.pop((alias.text, alias.kind), None)
            for role in local.roles:
                part.roles.setdefault(_role_key(role), role)
                record.roles.pop(_role_key(role), None)
            if article not in part.article_ids:
                part.article_ids.append(article)
            if article not in staying and article in record.article_ids:
                record.article_ids.remove(article)
        for key in list(record.aliases):
            if normalise(key[0]) in names:
                del record.aliases[key]
        if normalise(record.name) in names:  # the subject was named by the form split off: take its longest other name
            others = sorted((a.text for a in record.aliases.values() if a.kind is not AliasKind.DEMONYM),
                            key=lambda t: (-len(t.split()), t))
            if others:
                record.name = others[0]
        self._touch(subject)
        self._touch(rule.new_id)
