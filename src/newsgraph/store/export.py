"""Writing export tables as Parquet or CSV through an in-memory DuckDB (JSON needs no SQL)."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb


def write_records(records: Sequence[dict[str, Any]], path: Path, fmt: str, columns: Sequence[str] = ("id",)) -> None:
    """Write ``records`` (JSON-ready dicts) to ``path`` as ``parquet`` or ``csv``.

    Nested values (lists, objects) become JSON text in CSV and nested types in Parquet. An empty
    table is written with ``columns`` (as text) and no rows: a CSV header line, a Parquet schema.
    """
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "records.jsonl"
        with source.open("w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        conn = duckdb.connect()
        try:
            if not records:
                conn.execute("CREATE TABLE t (" + ", ".join(f'"{c}" VARCHAR' for c in columns) + ")")
            else:
                conn.execute("CREATE TABLE t AS SELECT * FROM read_json(?, format='newline_delimited',"
                             " sample_size=-1)", [str(source)])
            target = str(path).replace("'", "''")
            if fmt == "parquet":
                conn.execute(f"COPY t TO '{target}' (FORMAT parquet)")
            else:
                columns = [d[0] for d in conn.execute("SELECT * FROM t LIMIT 0").description]
                types = dict(conn.execute("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 't'").fetchall())
                select = ", ".join(
                    f'to_json("{c}")::VARCHAR AS "{c}"' if ("[]" in types[c] or "STRUCT" in types[c] or types[c] == "JSON") else f'"{c}"'
                    for c in columns)
                conn.execute(f"COPY (SELECT {select} FROM t) TO '{target}' (HEADER, DELIMITER ',')")
        finally:
            conn.close()
