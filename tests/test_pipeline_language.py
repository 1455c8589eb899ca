"""Language per article: detected offline, stored on every article; what the model cannot read is
stored without facts and logged; ``pipeline.ingest`` extracts by default, as the CLI does."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsgraph import pipeline
from newsgraph.query import find_articles, find_figures, ingest_log
from newsgraph.readers.language import detect

REPO = Path(__file__).resolve().parent.parent

ARTICLES = {
    "en": "Mayor Lena Ortiz said on Monday that the harbour would reopen in the spring with twelve new berths, "
          "and that the port authority would spend 4 million euros on the works.",
    "de": "Bürgermeisterin Lena Ortiz sagte am Montag, der Hafen werde im Frühjahr mit zwölf neuen Liegeplätzen "
          "wieder eröffnet; die Hafenbehörde gebe dafür 4 Millionen Euro aus.",
    "fr": "La maire Lena Ortiz a déclaré lundi que le port rouvrirait au printemps avec douze nouveaux postes "
          "d'amarrage et que l'autorité portuaire dépenserait 4 millions d'euros pour les travaux.",
    "es": "La alcaldesa Lena Ortiz dijo el lunes que el puerto reabrirá en primavera con doce nuevos atracaderos "
          "y que la autoridad portuaria gastará 4 millones de euros en las obras.",
}


@pytest.mark.parametrize("code", sorted(ARTICLES))
def test_detect_names_the_language_of_a_news_paragraph(code: str) -> None:
    found, probability = detect(ARTICLES[code])
    assert found == code and probability >= 0.9


def test_ingest_marks_each_language_and_extracts_only_what_the_model_reads(tmp_path: Path, verified) -> None:
    data = tmp_path / "mixed.jsonl"
    data.write_text("".join(json.dumps({"title": code, "text": text}) + "\n" for code, text in ARTICLES.items())
                    + json.dumps({"title": "short", "text": "Harbour reopens"}) + "\n", encoding="utf-8")
    db = tmp_path / "kb.duckdb"
    summary = pipeline.ingest([str(data)], db=db)  # the default extracts, as `newsgraph ingest` does
    assert (summary.stored, summary.extracted, summary.skipped) == (5, 2, {})
    stored = {a.title: a for a in find_articles(db)}
    assert {t: a.language for t, a in stored.items()} == {"en": "en", "de": "de", "fr": "fr", "es": "es", "short": "und"}
    assert {f.evidence.article_id for f in find_figures(db)} == {stored["en"].id}
    notes = {e.article_id: e.reason for e in ingest_log(db) if e.code == "NG204"}
    assert notes == {stored[c].id: f"written in {c}; the installed model reads en: stored without facts" for c in ("de", "fr", "es")}
    verified(db)


def test_docs_name_only_files_that_exist() -> None:
    docs = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
    for doc in docs:
        text = doc.read_text(encoding="utf-8")
        assert "DESIGN.md" not in text, f"{doc.name} points to DESIGN.md, which the repository does not have"
        for name in re.findall(r"`((?:docs|benchmarks|tests|src|quality|examples)/[\w./*-]+)`", text):
            assert list(REPO.glob(name)), f"{doc.name} names {name}, which does not exist"
