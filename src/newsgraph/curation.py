"""Corrections by a person to entity identity: ``newsgraph entity-edit``, ``KnowledgeBase.merge`` ...

An edit is stored as a rule (``model.Curation``, table ``curations``) and the base's entity
identity is rebuilt at once from the stored per-article entities with every rule in force
(``resolve.curate`` applies them after resolution). Ingest and reextract apply the same rules to
every later batch, so an edit survives new articles, new versions of an article and re-extraction;
undoing one marks it undone and rebuilds identity without it. The rebuild reads no text and runs
no model (its cost grows with the number of stored local entities; not yet measured by a benchmark).

Edits name entities by id, name or alias (as ``newsgraph entity`` does: the entity in most
articles when a name is shared). Errors: NG470 unknown entity, NG471 unknown type, NG472 a merge
of an entity into itself or an empty name, NG473 unknown or already undone edit, NG474 a split
name the entity is not called by.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from newsgraph.errors import QueryError
from newsgraph.model import Curation, CurationAction, Entity, EntityType, stable_id
from newsgraph.resolve.entities import normalise, resolve_entities
from newsgraph.store import (
    Store, add_curation, find_entity_ids, identity_inputs, mark_undone, next_curation_seq, open_store, read_curations, reading,
    read_entities, rewrite_identity,
)

__all__ = ["EditResult", "edit_entity", "list_edits", "rebuild_identity", "undo_edit"]


@dataclass(frozen=True, slots=True, kw_only=True)
class EditResult:
    """What an edit or an undo did.

    Attributes:
        curation: the rule made (or undone).
        entities: entities in the base after the rebuild.
        entity: the entity the edit leaves (the merged-into one, the renamed or retyped one, the
            one split off); None after a drop or an undo.
    """

    curation: Curation
    entities: int
    entity: Entity | None

    def to_dict(self) -> dict[str, Any]:
        e = self.entity
        return {"curation": curation_dict(self.curation), "entities": self.entities,
                "entity": None if e is None else {"id": e.id, "name": e.name, "type": str(e.type),
                                                  "articles": len(e.article_ids)}}


def curation_dict(c: Curation) -> dict[str, Any]:
    """A curation as JSON-ready fields."""
    return {"id": c.id, "seq": c.seq, "action": str(c.action), "entity_id": c.entity_id, "entity_name": c.entity_name,
            "entity_type": c.entity_type, "value": c.value, "new_id": c.new_id or None,
            "created": c.created.isoformat() if c.created else None,
            "undone": c.undone.isoformat() if c.undone else None, "active": c.active}


def _entity(store: Store, ref: str, db: str | Path) -> Entity:
    ids = find_entity_ids(store, ref.strip()) if ref.strip() else []
    if not ids:
        raise QueryError("NG470", f"no entity named or with id {ref!r} in {db}")
    return read_entities(store, ids[0])[0]


def _value(store: Store, db: str | Path, action: CurationAction, entity: Entity, value: str | None,
           names: tuple[str, ...]) -> tuple[str, str]:
    """The rule's value (and, for a split, the id of the entity split off), checked."""
    if action is CurationAction.MERGE:
        target = _entity(store, value or "", db)
        if target.id == entity.id:
            raise QueryError("NG472", f"cannot merge {entity.name!r} ({entity.id}) into itself")
        return target.id, ""
    if action is CurationAction.RETYPE:
        wanted = (value or "").strip().upper()
        if wanted not in EntityType.__members__:
            raise QueryError("NG471", f"unknown entity type {value!r}; one of {', '.join(EntityType.__members__)}")
        return wanted, ""
    if action is CurationAction.RENAME:
        name = " ".join((value or "").split())
        if not name:
            raise QueryError("NG472", "the new name is empty")
        return name, ""
    if action is CurationAction.SPLIT:
        known = {normalise(entity.name)} | {normalise(a.text) for a in entity.aliases}
        wanted = [" ".join(n.split()) for n in names if n.strip()]
        missing = [n for n in wanted if normalise(n) not in known]
        if not wanted or missing:
            raise QueryError("NG474", f"{entity.name!r} ({entity.id}) is not called {', '.join(map(repr, missing or names)) or 'that'}; "
                             f"it is called {', '.join(sorted({entity.name, *(a.text for a in entity.aliases)}))}")
        return "\n".join(wanted), ""
    return "", ""


def edit_entity(db: str | Path, action: str | CurationAction, entity: str, value: str | None = None,
                names: tuple[str, ...] = ()) -> EditResult:
    """Make one correction to ``entity`` (id, name or alias) and rebuild identity with it.

    ``action`` is merge (``value``: the entity to merge into), split (``names``: the names whose
    mentions leave for an entity of their own), retype (``value``: the type), rename (``value``:
    the name) or drop."""
    try:
        act = CurationAction(str(action).lower())
    except ValueError:
        raise QueryError("NG403", f"unknown edit {action!r}; one of {', '.join(a.value for a in CurationAction)}") from None
    with open_store(db) as store:
        subject = _entity(store, entity, db)
        val, _ = _value(store, db, act, subject, value, tuple(names))
        seq, now = next_curation_seq(store), datetime.now(timezone.utc)
        cid = stable_id("cur", seq, act.value, subject.id, val, now.isoformat())
        new_id = stable_id("ent", subject.type.value, normalise(val.split("\n")[0]), "split", cid) if act is CurationAction.SPLIT else ""
        curation = Curation(id=cid, seq=seq, action=act, entity_id=subject.id, entity_name=subject.name,
                            entity_type=subject.type.value, value=val, new_id=new_id, created=now)
        with store.transaction() as conn:
            add_curation(conn, curation)
            count = _rebuild(store, conn)
        left = {CurationAction.MERGE: val, CurationAction.SPLIT: new_id, CurationAction.DROP: None}.get(act, subject.id)
        found = read_entities(store, left) if left else []
    return EditResult(curation=curation, entities=count, entity=found[0] if found else None)


def undo_edit(db: str | Path, curation_id: str) -> EditResult:
    """Undo the correction ``curation_id`` and rebuild identity without it."""
    with open_store(db) as store:
        found = [c for c in read_curations(store) if c.id == curation_id.strip()]
        if not found:
            raise QueryError("NG473", f"no entity edit with id {curation_id!r} in {db}")
        if not found[0].active:
            raise QueryError("NG473", f"entity edit {curation_id} was already undone ({found[0].undone:%Y-%m-%d %H:%M} UTC)")
        now = datetime.now(timezone.utc)
        with store.transaction() as conn:
            mark_undone(conn, found[0].id, now)
            count = _rebuild(store, conn)
        undone = [c for c in read_curations(store) if c.id == found[0].id][0]
    return EditResult(curation=undone, entities=count, entity=None)


def list_edits(db: str | Path | Store, *, active_only: bool = False) -> list[Curation]:
    """Every correction made, in order (undone ones marked), or only those in force. ``db`` may be
    an open store (a server's cursor)."""
    with reading(db) as store:
        return read_curations(store, active_only=active_only)


def rebuild_identity(db: str | Path) -> int:
    """Rebuild every entity from the stored per-article entities with the corrections in force;
    returns the number of entities."""
    with open_store(db) as store, store.transaction() as conn:
        return _rebuild(store, conn)


def _rebuild(store: Store, conn: Any) -> int:
    from newsgraph.store.digest import refresh_in

    resolution = resolve_entities(identity_inputs(store), [], read_curations(store, active_only=True))
    rewrite_identity(conn, resolution.entities, resolution.assignment)
    refresh_in(conn)  # the entity pages, in the same transaction
    return len(resolution.entities)
