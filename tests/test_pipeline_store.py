"""How the pipeline stores what it reads: copies by reference, new versions in place, long texts
capped, the old schema upgraded in place."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import duckdb

from newsgraph.model import Article, SourceFormat, SourcePointer, article_id, text_hash
from newsgraph.pipeline import IngestOptions, ingest_records
from newsgraph.query import article_detail, export_records, find_articles, find_figures, ingest_log
from newsgraph.query.history import article_history
from newsgraph.store import counts, open_store

HARBOUR = ("Mayor Lena Ortiz said on Monday that the harbour would reopen with 12 new berths. "
           "The port authority will spend 4 million euros on the works, officials said.")
RAIL = "The rail union said on Monday that drivers would strike next week over pay and hours."


def art(text: str, path: str, *, url: str | None = None, record: int | None = 0, title: str = "A title") -> Article:
    source = SourcePointer(path=path, format=SourceFormat.JSONL, record=record, line=None if record is None else record + 1)
    return Article(id=article_id(source.describe(), text), source=source, text=text, title=title, url=url)


NO_NLP = IngestOptions(extract=False)


def stored_text_bytes(db: Path) -> tuple[int, int]:
    """(bytes of text in every articles row, bytes of text in the rows of duplicates)."""
    conn = duckdb.connect(str(db), read_only=True)
    try:
        total = conn.execute("SELECT coalesce(sum(strlen(text)), 0) FROM articles").fetchone()[0]
        dup = conn.execute("SELECT coalesce(sum(strlen(text)), 0) FROM articles WHERE id IN"
                           " (SELECT article_id FROM duplicates)").fetchone()[0]
    finally:
        conn.close()
    return int(total), int(dup)


# --- case 6: exact copies stored as references -------------------------------------------------


def test_exact_duplicates_are_stored_by_reference_and_read_back_whole(tmp_path: Path, newsgraph, verified) -> None:
    body = (HARBOUR + "\n") * 40
    dump = tmp_path / "copies.jsonl.gz"
    with gzip.open(dump, "wt", encoding="utf-8") as out:
        for i in range(30):
            out.write(json.dumps({"title": "Harbour", "text": body}) + "\n")
    db = tmp_path / "kb.duckdb"
    proc = newsgraph("ingest", dump, "--db", db, "--no-nlp", "--json")
    assert proc.returncode == 0, proc.stderr
    assert (json.loads(proc.stdout)["stored"], json.loads(proc.stdout)["duplicates"]) == (1, 29)
    assert stored_text_bytes(db) == (len(body.strip()), 0)  # one copy of the text, 29 references
    copies = find_articles(db, duplicates=True)
    assert len(copies) == 30 and {a.text for a in copies} == {body.strip()}
    detail = article_detail(db, copies[5].id)
    assert detail.article.text == body.strip() and detail.duplicate is not None
    assert find_articles(db, text="12 new berths", duplicates=True)[-1].id == copies[-1].id
    exported = newsgraph("export", "--db", db, "--format", "json")
    assert json.loads(exported.stdout)["articles"][0]["text"] == body.strip()
    verified(db)


def test_an_exact_duplicate_that_differs_in_whitespace_keeps_its_own_text(tmp_path: Path, verified) -> None:
    db = tmp_path / "kb.duckdb"
    spaced = HARBOUR.replace(". ", ".  ")
    summary = ingest_records(iter([art(HARBOUR, "a.jsonl"), art(spaced, "b.jsonl"), art(HARBOUR, "c.jsonl")]), db=db,
                             options=NO_NLP)
    assert (summary.stored, summary.duplicates) == (1, 2)
    assert stored_text_bytes(db) == (2 * len(HARBOUR) + 1, len(spaced))
    assert [a.text for a in find_articles(db, duplicates=True)] == [HARBOUR, spaced, HARBOUR]
    verified(db)


# --- case 7: a new version from the same source updates the article ---------------------------


def test_a_corrected_version_from_the_same_url_replaces_the_text_and_the_facts(tmp_path: Path, verified) -> None:
    db = tmp_path / "kb.duckdb"
    first = art(HARBOUR, "feed-monday.jsonl", url="https://example.org/harbour")
    fixed = art(HARBOUR.replace("12 new berths", "14 new berths"), "feed-tuesday.jsonl", url="https://example.org/harbour")
    ingest_records(iter([first, art(RAIL, "feed-monday.jsonl", record=1)]), db=db)
    assert {f.evidence.text for f in find_figures(db)} >= {"12"}
    summary = ingest_records(iter([fixed]), db=db)
    assert (summary.stored, summary.duplicates, summary.updated, summary.extracted) == (0, 0, 1, 1)
    [harbour] = find_articles(db, text="harbour")
    assert harbour.id == first.id and "14 new berths" in harbour.text
    texts = {f.evidence.text for f in find_figures(db) if f.evidence.article_id == first.id}
    assert "14" in texts and "12" not in texts
    [note] = [e for e in ingest_log(db) if e.code == "NG130"]
    assert note.article_id == first.id and note.reason == (
        f"new version from the same source (URL): text {text_hash(first.text)} → {text_hash(fixed.text)}; facts re-extracted")
    versions = article_history(db, first.id)
    assert [(v.version, v.current, v.text_hash) for v in versions] == [
        (1, False, text_hash(first.text)), (2, True, text_hash(fixed.text))]
    assert versions[0].text == first.text and versions[0].source == "feed-monday.jsonl:1"
    again = ingest_records(iter([fixed, first]), db=db)  # both inputs again: nothing changes
    assert (again.updated, again.stored, again.duplicates, again.unchanged) == (0, 0, 0, 2)
    verified(db)


def test_a_corrected_version_at_the_same_locator_is_not_dropped_as_a_near_duplicate(tmp_path: Path) -> None:
    db = tmp_path / "kb.duckdb"
    ingest_records(iter([art(HARBOUR, "wire.jsonl"), art(RAIL, "wire.jsonl", record=1)]), db=db, options=NO_NLP)
    fixed = art(HARBOUR.replace("4 million", "4.5 million"), "wire.jsonl")
    other = art("Flooding closed three schools in the valley on Tuesday, the council said.", "wire.jsonl", record=1)  # far from what stood at record 1: a new article, not a version
    summary = ingest_records(iter([fixed, other]), db=db, options=NO_NLP)
    assert (summary.updated, summary.stored, summary.duplicates) == (1, 1, 0)
    assert [a.text for a in find_articles(db)] == [fixed.text, RAIL, other.text]


def test_two_versions_in_one_input_end_with_the_later_one(tmp_path: Path) -> None:
    db = tmp_path / "kb.duckdb"
    v1 = art(HARBOUR, "a.jsonl", url="https://example.org/h")
    v2 = art(HARBOUR.replace("Monday", "Tuesday"), "a.jsonl", url="https://example.org/h", record=1)
    summary = ingest_records(iter([v1, v2]), db=db, options=NO_NLP)
    assert (summary.stored, summary.updated, summary.batches) == (1, 1, 2)
    assert [a.text for a in find_articles(db)] == [v2.text]
    assert len(article_history(db, v1.id)) == 2


def test_updating_an_original_keeps_its_copies_text(tmp_path: Path, verified) -> None:
    db = tmp_path / "kb.duckdb"
    original = art(HARBOUR, "a.jsonl", url="https://example.org/h")
    copy = art(HARBOUR, "b.jsonl")
    ingest_records(iter([original, copy]), db=db, options=NO_NLP)
    ingest_records(iter([art(HARBOUR.replace("12", "13"), "a.jsonl", url="https://example.org/h")]), db=db, options=NO_NLP)
    assert article_detail(db, copy.id).article.text == HARBOUR
    assert "13 new berths" in article_detail(db, original.id).article.text
    verified(db)


# --- case 5: a text over max_extract_chars ----------------------------------------------------


def test_a_text_over_max_extract_chars_is_stored_whole_with_facts_from_its_first_part(tmp_path: Path, verified) -> None:
    text = " ".join(HARBOUR.replace("12", str(i)) for i in range(40))  # ~6,500 characters on one line
    db = tmp_path / "kb.duckdb"
    long = art(text, "long.jsonl")
    summary = ingest_records(iter([long]), db=db, options=IngestOptions(max_extract_chars=2000))
    assert (summary.stored, summary.extracted, summary.skipped) == (1, 1, {})
    assert find_articles(db)[0].text == text
    assert find_articles(db, text="with 39 new berths")  # searchable past the cap
    figures = [f for f in find_figures(db)]
    assert figures and max(f.evidence.end for f in figures) <= 2000
    [note] = [e for e in ingest_log(db) if e.code == "NG203"]
    assert note.reason.startswith(f"text of {len(text):,} characters is over max_extract_chars (2,000); stored whole, "
                                  "facts extracted from the first 1,9")
    verified(db)


# --- the schema: a base made before this change is upgraded in place ---------------------------


def test_a_knowledge_base_with_the_previous_schema_is_upgraded_in_place(tmp_path: Path, verified) -> None:
    from newsgraph.store import schema

    db = tmp_path / "old.duckdb"
    previous = schema.MIGRATIONS[: schema.MIGRATIONS.index(schema._V_HARDEN_STORE)]
    conn = duckdb.connect(str(db))
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for number, statements in enumerate(previous, start=1):
        for statement in statements:
            conn.execute(statement)
        conn.execute("INSERT INTO schema_version VALUES (?)", [number])
    conn.execute("INSERT INTO articles (id, seq, source_path, source_format, source_record, text, truncated, url)"
                 " VALUES (?, 0, 'old.jsonl', 'jsonl', 0, ?, false, 'https://example.org/h')", [art(HARBOUR, "old.jsonl").id, HARBOUR])
    conn.close()
    summary = ingest_records(iter([art(HARBOUR.replace("12", "15"), "new.jsonl", url="https://example.org/h"),
                                   art(RAIL, "new.jsonl", record=1), art(RAIL, "copy.jsonl", record=1)]),
                             db=db, options=NO_NLP)
    assert (summary.updated, summary.stored, summary.duplicates) == (1, 1, 1)
    with open_store(db, read_only=True) as store:
        assert store.scalar("SELECT max(version) FROM schema_version") == len(schema.MIGRATIONS)
        assert counts(store)["articles"] == 3
    assert [a.text for a in find_articles(db, duplicates=True)] == [HARBOUR.replace("12", "15"), RAIL, RAIL]
    assert len(export_records(db)["articles"]) == 2 and stored_text_bytes(db)[1] == 0
    verified(db)


def test_cli_history_lists_the_versions_and_refuses_an_unknown_id(tmp_path: Path, newsgraph, verified) -> None:
    v1, v2 = tmp_path / "monday.jsonl", tmp_path / "tuesday.jsonl"
    v1.write_text(json.dumps({"title": "Harbour", "url": "https://example.org/h", "text": HARBOUR}) + "\n", encoding="utf-8")
    v2.write_text(json.dumps({"title": "Harbour", "url": "https://example.org/h",
                              "text": HARBOUR.replace("12 new", "14 new")}) + "\n", encoding="utf-8")
    db = tmp_path / "kb.duckdb"
    assert newsgraph("ingest", v1, "--db", db, "--no-nlp").returncode == 0
    second = newsgraph("ingest", v2, "--db", db, "--no-nlp", "--json")
    assert second.returncode == 0 and json.loads(second.stdout)["updated"] == 1
    [article] = find_articles(db)
    proc = newsgraph("history", article.id, "--db", db, "--json")
    assert proc.returncode == 0, proc.stderr
    versions = json.loads(proc.stdout)
    assert [(v["version"], v["current"], v["source"]) for v in versions] == [
        (1, False, f"{v1}:1"), (2, True, f"{v2}:1")]
    assert "14 new berths" in versions[1]["text"] and "12 new berths" in versions[0]["text"]
    missing = newsgraph("history", "art_0000000000000000", "--db", db)
    assert missing.returncode == 1 and missing.stderr.startswith("error NG401: no article with id 'art_0000000000000000'")
    verified(db)
