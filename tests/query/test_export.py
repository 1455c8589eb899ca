"""The export format (DESIGN.md §7) in every format, read back with the tools users read it with."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pandas
import pyarrow.parquet as pq
import pytest

from newsgraph.model import Story
from newsgraph.query import export_records
from newsgraph.query.export import COLUMNS, KEYS, export
from newsgraph.query.gdelt import CAMEO, COLUMNS as GDELT_COLUMNS, event_number, quad_class
from newsgraph.store import Batch, open_store, write_batch


@pytest.fixture(scope="module")
def kb_with_story(examples_kb: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """The examples' knowledge base plus one story over its first two dated articles."""
    db = tmp_path_factory.mktemp("export") / "kb.duckdb"
    shutil.copy(examples_kb, db)
    dated = [a for a in export_records(db)["articles"] if a["published"]][:2]
    assert len(dated) == 2
    with open_store(db) as store:
        write_batch(store, Batch(run_id="test", stories=[Story(id="sto_test", title=dated[0]["title"] or "t",
                                                                article_ids=tuple(sorted(a["id"] for a in dated)))]))
    return db, export_records(db)


def test_export_records_have_every_key_and_field_of_the_format(kb_with_story: tuple[Path, dict]) -> None:
    _, records = kb_with_story
    assert tuple(records) == KEYS
    for key, rows in records.items():
        for row in rows:
            assert tuple(row) == COLUMNS[key], key
    story = records["stories"][0]
    dates = sorted(a["published"] for a in records["articles"] if a["id"] in story["article_ids"])
    assert (story["start"], story["end"], story["merged_ids"]) == (dates[0], dates[-1], [])
    assert all("geo" in e for e in records["entities"])


@pytest.mark.parametrize("fmt", ["jsonl", "parquet", "csv"])
def test_export_tables_read_back_with_row_counts_and_a_record(kb_with_story: tuple[Path, dict], tmp_path: Path,
                                                               fmt: str) -> None:
    db, records = kb_with_story
    written = export(db, fmt, tmp_path / fmt)
    assert sorted(p.name for p in written) == sorted(f"{k}.{fmt}" for k in KEYS)
    for key in KEYS:
        path = tmp_path / fmt / f"{key}.{fmt}"
        if fmt == "jsonl":
            rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
            assert rows == records[key]
            continue
        if fmt == "parquet":
            table = pq.read_table(path)
            assert table.num_rows == len(records[key]) and tuple(table.column_names) == COLUMNS[key], key
            rows = table.to_pylist()
        else:
            frame = pandas.read_csv(path, keep_default_na=False)
            assert len(frame) == len(records[key]) and tuple(frame.columns) == COLUMNS[key], key
            rows = frame.to_dict("records")
        if records[key]:
            assert rows[0]["id" if "id" in COLUMNS[key] else "article_id"] == records[key][0]["id" if "id" in COLUMNS[key] else "article_id"]
    events = pq.read_table(tmp_path / "parquet" / "events.parquet").to_pylist() if fmt == "parquet" else None
    if events:
        assert events[0]["trigger"]["text"] == records["events"][0]["trigger"]["text"]
    if fmt == "csv":
        first = next(csv.DictReader((tmp_path / "csv" / "quotes.csv").open(encoding="utf-8")))
        assert json.loads(first["speaker"])["text"] == records["quotes"][0]["speaker"]["text"]
        story = pandas.read_csv(tmp_path / "csv" / "stories.csv").iloc[0]
        assert json.loads(story["article_ids"]) == records["stories"][0]["article_ids"]


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export_of_an_empty_base_writes_readable_tables_with_their_columns(tmp_path: Path, fmt: str) -> None:
    db = tmp_path / "empty.duckdb"
    open_store(db).close()
    export(db, fmt, tmp_path / "out")
    for key in KEYS:
        path = tmp_path / "out" / f"{key}.{fmt}"
        if fmt == "parquet":
            assert pq.read_table(path).column_names == list(COLUMNS[key])
        elif fmt == "csv":
            frame = pandas.read_csv(path)
            assert list(frame.columns) == list(COLUMNS[key]) and frame.empty
        else:
            assert path.read_text() == ""


def test_export_json_through_the_cli(kb_with_story: tuple[Path, dict], newsgraph) -> None:
    db, records = kb_with_story
    proc = newsgraph("export", "--db", db, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["format"] == "newsgraph-export" and data["version"] == 1
    assert {k: data[k] for k in KEYS} == records


def test_export_gdelt_has_61_columns_a_row_an_event(kb_with_story: tuple[Path, dict], newsgraph, tmp_path: Path) -> None:
    db, records = kb_with_story
    proc = newsgraph("export", "--db", db, "--format", "gdelt", "--output", tmp_path / "events.tsv")
    assert proc.returncode == 0, proc.stderr
    frame = pandas.read_csv(tmp_path / "events.tsv", sep="\t", header=None, names=GDELT_COLUMNS, dtype=str,
                            keep_default_na=False, quoting=csv.QUOTE_NONE)
    lines = (tmp_path / "events.tsv").read_text(encoding="utf-8").splitlines()
    assert len(GDELT_COLUMNS) == 61 and all(line.count("\t") == 60 for line in lines)
    assert len(frame) == len(records["events"])
    event = records["events"][0]
    row = frame.iloc[0]
    assert row["GlobalEventID"] == str(event_number(event["id"]))
    assert row["IsRootEvent"] == ("1" if event["main"] else "0")
    root, base = CAMEO.get(event["type"], ("", ""))
    assert (row["EventRootCode"], row["EventCode"], row["QuadClass"]) == (root, base, quad_class(root) if root else "")
    article = next(a for a in records["articles"] if a["id"] == event["article_id"])
    assert row["SOURCEURL"] == (article["url"] or article["source"]["url"] or article["source"]["locator"])
    dated = frame[frame["Day"] != ""]
    assert all(len(d) == 8 and d.isdigit() for d in dated["Day"])
    same = newsgraph("export", "--db", db, "--format", "gdelt")
    assert same.stdout.splitlines() == lines


def test_export_gdelt_maps_places_and_countries() -> None:
    from datetime import datetime, timezone

    from newsgraph.model import Argument, Article, EventMode, Event, Evidence, SourceFormat, SourcePointer
    from newsgraph.query.gdelt import gdelt_row

    text = "Norway protested in Rotterdam against us."
    article = Article(id="art_1", source=SourcePointer(path="x.txt", format=SourceFormat.TEXT), text=text,
                      published=datetime(2025, 3, 4, tzinfo=timezone.utc), url="https://example.org/a")

    def arg(word: str) -> Argument:
        start = text.index(word)
        return Argument(evidence=Evidence(article_id="art_1", start=start, end=start + len(word), text=word))

    event = Event(id="eve_00000000000000ff", article_id="art_1", trigger=arg("protested").evidence, type="PROTEST",
                  mode=EventMode.ASSERTED, actors=(arg("Norway"),), targets=(arg("us"),), place=arg("Rotterdam"), main=True)
    row = dict(zip(GDELT_COLUMNS, gdelt_row(event, article, {}, None)))
    assert row["GlobalEventID"] == "255" and row["Day"] == "20250304" and row["FractionDate"] == "2025.2575"  # (3 * 30 + 4) / 365, GDELT's formula
    assert (row["Actor1Name"], row["Actor1Code"], row["Actor1CountryCode"]) == ("NORWAY", "NOR", "NOR")
    assert (row["Actor2Name"], row["Actor2CountryCode"]) == ("US", "")
    assert (row["EventCode"], row["EventRootCode"], row["QuadClass"], row["IsRootEvent"]) == ("140", "14", "3", "1")
    assert (row["ActionGeo_Type"], row["ActionGeo_FullName"], row["ActionGeo_CountryCode"]) == ("4", "Rotterdam, The Netherlands", "NL")
    assert row["ActionGeo_Lat"].startswith("51.9") and row["SOURCEURL"] == "https://example.org/a"
