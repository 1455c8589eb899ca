"""The click group, shared options and the one place errors become `error NGxxx: ... — ...`."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, TypeVar

import click

from newsgraph import __version__, settings
from newsgraph.errors import NewsgraphError

if TYPE_CHECKING:
    from newsgraph.kb import KnowledgeBase

F = TypeVar("F", bound=Callable[..., Any])


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsgraph")
def cli() -> None:
    """newsgraph: turn raw news into a knowledge base whose every fact points at its characters.

    Exit status: 0 on success, 1 on an error (printed as `error NGxxx: what — what to do`),
    2 for a usage error.
    """


def db_option(fn: F) -> F:
    return click.option("--db", default=None, metavar="FILE",
                        help="Knowledge base file (default: setting `db`, env NEWSGRAPH_DB, else newsgraph.duckdb).")(fn)


def json_option(fn: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON instead of a table.")(fn)


def db_path(db: str | None) -> str:
    return str(settings.get("db", db))


def open_kb(db: str | None, *, read_only: bool = True) -> KnowledgeBase:
    """The knowledge base named by --db (or the `db` setting), read-only unless asked."""
    from newsgraph.kb import open as open_knowledge_base

    return open_knowledge_base(db_path(db), read_only=read_only)


class DateType(click.ParamType):
    """An ISO date or datetime; a value without a timezone is read as UTC."""

    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> datetime:
        if isinstance(value, datetime):
            return value
        try:
            parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        except ValueError:
            self.fail(f"NG115 {value!r} is not an ISO date such as 2025-10-27 or 2025-10-27T08:30:00Z", param, ctx)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


DATE = DateType()


def print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``newsgraph`` console script: runs a command, translates its errors."""
    from newsgraph.cli import commands  # noqa: F401  (registers the commands)

    try:
        code = cli.main(args=argv, prog_name="newsgraph", standalone_mode=False)
    except NewsgraphError as exc:
        click.echo(exc.render(), err=True)
        sys.exit(1)
    except click.exceptions.Abort:
        click.echo("error: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)
