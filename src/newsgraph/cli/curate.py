"""`newsgraph entity-edit merge|split|retype|rename|drop|list|undo`: corrections to entity identity."""

from __future__ import annotations

from typing import Any

import click

from newsgraph.cli.app import cli, db_option, echo, json_option, open_kb, print_json, print_table
from newsgraph.model import EntityType

_TYPES = click.Choice([t.value for t in EntityType], case_sensitive=False)


@cli.group(name="entity-edit")
def entity_edit() -> None:
    """Correct entity identity by hand: each edit is kept as a rule, applied after resolution on
    every later ingest and reextract, listed by `entity-edit list` and undone by `entity-edit undo ID`.

    Entities are named by id, name or alias (the one in most articles when a name is shared).
    """


def _report(result: Any, as_json: bool) -> None:
    if as_json:
        print_json(result.to_dict())
        return
    c, e = result.curation, result.entity
    state = "undone" if not c.active else "made"
    echo(f"edit {c.id} {state}: {c.action} {c.entity_name} ({c.entity_id})" + (f" → {c.value}" if c.value else ""))
    if e is not None:
        echo(f"entity {e.id}: {e.name} ({e.type}, {len(e.article_ids)} articles)")
    echo(f"{result.entities} entities after the rebuild")


def _edit(db: str | None, action: str, entity: str, value: str | None = None, names: tuple[str, ...] = ()) -> Any:
    kb = open_kb(db, read_only=False)
    return kb.edit(action, entity, value, names)


@entity_edit.command(name="merge")
@click.argument("entity")
@click.argument("into")
@db_option
@json_option
def merge_command(entity: str, into: str, db: str | None, as_json: bool) -> None:
    """Merge ENTITY into INTO (ids, names or aliases): ENTITY's names become INTO's aliases."""
    _report(_edit(db, "merge", entity, into), as_json)


@entity_edit.command(name="split")
@click.argument("entity")
@click.option("--name", "names", multiple=True, required=True, metavar="NAME",
              help="A name ENTITY is called by whose mentions leave for an entity of their own (repeatable).")
@db_option
@json_option
def split_command(entity: str, names: tuple[str, ...], db: str | None, as_json: bool) -> None:
    """Split off from ENTITY the mentions under --name NAME (e.g. "Prince Charles" from Charles Kennedy)."""
    _report(_edit(db, "split", entity, names=names), as_json)


@entity_edit.command(name="retype")
@click.argument("entity")
@click.argument("type", type=_TYPES)
@db_option
@json_option
def retype_command(entity: str, type: str, db: str | None, as_json: bool) -> None:
    """Give ENTITY the type TYPE (PERSON, ORG, GPE, ...; any case)."""
    _report(_edit(db, "retype", entity, type), as_json)


@entity_edit.command(name="rename")
@click.argument("entity")
@click.argument("name")
@db_option
@json_option
def rename_command(entity: str, name: str, db: str | None, as_json: bool) -> None:
    """Give ENTITY the name NAME (the old name stays an alias)."""
    _report(_edit(db, "rename", entity, name), as_json)


@entity_edit.command(name="drop")
@click.argument("entity")
@db_option
@json_option
def drop_command(entity: str, db: str | None, as_json: bool) -> None:
    """Make ENTITY no entity (e.g. "MPs"): its mentions stay, unresolved, in this and later ingests."""
    _report(_edit(db, "drop", entity), as_json)


@entity_edit.command(name="undo")
@click.argument("edit_id")
@db_option
@json_option
def undo_command(edit_id: str, db: str | None, as_json: bool) -> None:
    """Undo the edit EDIT_ID (see `entity-edit list`): identity is rebuilt without it."""
    kb = open_kb(db, read_only=False)
    _report(kb.undo_edit(edit_id), as_json)


@entity_edit.command(name="list")
@db_option
@click.option("--active", is_flag=True, help="Only the edits in force (not undone).")
@json_option
def list_command(db: str | None, active: bool, as_json: bool) -> None:
    """List the edits in the order they were made (and are applied), undone ones marked."""
    from newsgraph.curation import curation_dict

    found = open_kb(db).edits(active_only=active)
    if as_json:
        print_json([curation_dict(c) for c in found])
        return
    rows = [[c.id, str(c.action), f"{c.entity_name} ({c.entity_type}, {c.entity_id})", c.value.replace("\n", "; "),
             "undone" if not c.active else "in force"] for c in found]
    print_table(f"{len(found)} entity edits", ["id", "action", "entity", "value", "state"], rows, no_wrap=("id",))
