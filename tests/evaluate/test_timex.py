"""The timex evaluation: TimeML reading and TempEval-3 scoring, on a small invented document."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from newsgraph.evaluate import timex

_TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2001-03-14" temporalFunction="false" functionInDocument="CREATION_TIME">20010314</TIMEX3></DCT>
<TEXT>
The mayor &amp; council met <TIMEX3 tid="t1" type="DATE" value="2001-03-13">yesterday</TIMEX3> for <TIMEX3 tid="t2" type="DURATION" value="PT3H">three hours</TIMEX3> and will meet again <TIMEX3 tid="t3" type="DATE" value="2001-W12">next week</TIMEX3>.
</TEXT>
</TimeML>
"""


@pytest.fixture()
def tml(tmp_path: Path) -> Path:
    folder = tmp_path / "TimeBank"
    folder.mkdir()
    path = folder / "TEST0001.tml"
    path.write_text(_TML, encoding="utf-8")
    return tmp_path


def test_timex_parse_timeml_reads_dct_text_and_gold(tml) -> None:
    doc = timex.parse_timeml(tml / "TimeBank" / "TEST0001.tml")
    assert doc.dct == datetime(2001, 3, 14, tzinfo=timezone.utc)
    assert [(doc.text[g.start : g.end], g.type, g.value) for g in doc.gold] == [
        ("yesterday", "DATE", "2001-03-13"), ("three hours", "DURATION", "PT3H"), ("next week", "DATE", "2001-W12"),
    ]
    assert "The mayor & council met yesterday" in doc.text


@pytest.mark.parametrize(
    ("system", "expected"),
    [
        ([timex.Timex(0, 9, "DATE", "2001-03-13")], (1, 1, 1, 1, 1)),
        ([timex.Timex(0, 12, "DATE", "2001-03-13")], (1, 1, 0, 1, 1)),
        ([timex.Timex(0, 9, "TIME", "2001-03-12")], (1, 1, 1, 0, 0)),
        ([timex.Timex(20, 25, "DATE", "2001")], (1, 0, 0, 0, 0)),
    ],
)
def test_timex_score_doc_counts_relaxed_strict_value_type(system, expected) -> None:
    counts = timex._Counts()
    timex.score_doc((timex.Timex(0, 9, "DATE", "2001-03-13"),), system, counts)
    assert (counts.system, counts.relaxed, counts.strict, counts.value, counts.type) == expected
    assert counts.gold == 1


def test_timex_evaluate_reports_metrics_beside_heideltime(tml) -> None:
    report = timex.evaluate(tml)
    assert [m.name for m in report.metrics] == ["relaxed_f1", "strict_f1", "value_f1", "type_accuracy"]
    assert report.value("value_f1") == pytest.approx(1.0)
    assert report.metrics[2].anchor == 0.776
    assert "TempEval-3 test set" in (report.metrics[2].anchor_label or "")
