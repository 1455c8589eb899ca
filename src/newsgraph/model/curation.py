"""Corrections by a person to entity identity, kept as rules applied after every resolution."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class CurationAction(StrEnum):
    """What a curation does to the entity it names."""

    MERGE = "merge"    # the entity joins another one (``value``: the other's id)
    SPLIT = "split"    # the mentions under the names in ``value`` leave it for an entity of their own
    RETYPE = "retype"  # the entity takes the type in ``value`` (PERSON, ORG, GPE, ...)
    RENAME = "rename"  # the entity takes the name in ``value`` (its old name stays an alias)
    DROP = "drop"      # the entity is no entity ("MPs", "officials"): its mentions are left unresolved


@dataclass(frozen=True, slots=True, kw_only=True)
class Curation:
    """One correction, stored as a rule: re-applied after resolution on every ingest and reextract.

    Attributes:
        id: ``cur_`` + 16 hex digits.
        seq: the order the corrections were made in (and are applied in), from 1.
        action: what it does.
        entity_id: the entity it was made on.
        entity_name: that entity's name when it was made; an entity that resolution creates later
            under the same type and name is the same subject (a dropped or merged entity recreated).
        entity_type: that entity's type when it was made.
        value: the other entity's id (merge), the type (retype), the name (rename), or the names
            split off, one a line (split); empty for drop.
        new_id: for a split, the id of the entity split off; empty otherwise.
        created: when it was made.
        undone: when it was undone; None while it is in force.
    """

    id: str
    seq: int
    action: CurationAction
    entity_id: str
    entity_name: str
    entity_type: str
    value: str = ""
    new_id: str = ""
    created: datetime | None = None
    undone: datetime | None = None

    @property
    def active(self) -> bool:
        return self.undone is None

    @property
    def names(self) -> tuple[str, ...]:
        """The names a split moves (one a line in ``value``)."""
        return tuple(n for n in self.value.split("\n") if n.strip())
