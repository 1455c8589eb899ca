"""The click group, shared options and the one place errors become `error NGxxx: ... — ...`."""

from __future__ import annotations

import json
import re
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


# What a terminal would act on rather than show: C0 controls but tab and newline, DEL, C1
# controls, and the bidi marks, embeddings, overrides and isolates that reorder a line.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_IN_JSON = re.compile(r"[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe(text: object) -> str:
    """The one escaping function for everything the CLI prints: stored strings (titles, sources,
    log reasons, entity names...) may hold control characters; they are shown as ``\\x1b``,
    ``\\u202e``, never written raw, on a terminal and when piped alike."""
    return _UNSAFE.sub(_escaped, str(text))


def echo(text: object = "", **kwargs: Any) -> None:
    """``click.echo`` through ``safe``."""
    click.echo(safe(text), **kwargs)


def print_table(title: str, headers: list[str], rows: list[list[str]], *, no_wrap: tuple[str, ...] = ("id", "article", "value")) -> None:
    """A rich table of escaped cells, taken as plain text (never as rich markup); id columns never wrap."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(safe(title)))
    for header in headers:
        whole = header in no_wrap
        table.add_column(header, overflow="ignore" if whole else "fold", no_wrap=whole,
                         min_width=_ID_WIDTH if whole else None)
    for row in rows:
        table.add_row(*(Text(safe(cell)) for cell in row))
    Console().print(table)


_ID_WIDTH = 20  # art_ + 16 hex digits, ent_ ...: an id column is never narrower


def plain_number(value: float | int | None) -> str:
    """A number in plain notation, never ``1e+06``: 1000000, 2.5, 0.0004."""
    if value is None:
        return ""
    from decimal import Decimal

    text = format(Decimal(repr(float(value))), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def safe_json(text: str) -> str:
    """JSON text with C1 and bidi characters written as ``\\uXXXX`` (JSON escapes C0 itself): still valid JSON."""
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def print_json(data: Any) -> None:
    """JSON output, through ``safe_json``."""
    click.echo(safe_json(json.dumps(data, ensure_ascii=False, indent=2, default=str)))


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``newsgraph`` console script: runs a command, translates its errors."""
    from newsgraph.cli import commands  # noqa: F401  (registers the commands)

    try:
        code = cli.main(args=argv, prog_name="newsgraph", standalone_mode=False)
    except NewsgraphError as exc:
        echo(exc.render(), err=True)
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
