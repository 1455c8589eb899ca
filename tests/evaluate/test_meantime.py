"""The MEANTIME task: reading its XML (a small file the team wrote in its format) and scoring."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import QueryError
from newsgraph.evaluate.meantime import Doc, EventSpans, load, read_doc, score

XML = """<?xml version="1.0" ?><Document doc_id="7" doc_name="t" lang="en" url="x">
<token number="0" sentence="0" t_id="1">Acme</token>
<token number="1" sentence="0" t_id="2">buys</token>
<token number="2" sentence="0" t_id="3">Beta</token>
<token number="3" sentence="1" t_id="4">Acme</token>
<token number="4" sentence="1" t_id="5">said</token>
<token number="5" sentence="1" t_id="6">it</token>
<token number="6" sentence="1" t_id="7">paid</token>
<token number="7" sentence="1" t_id="8">$</token>
<token number="8" sentence="1" t_id="9">5m</token>
<token number="9" sentence="1" t_id="10">.</token>
<token number="10" sentence="2" t_id="11">Unannotated</token>
<token number="11" sentence="2" t_id="12">sentence</token>
<Markables>
<ENTITY_MENTION m_id="1"><token_anchor t_id="1"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="2"><token_anchor t_id="3"/></ENTITY_MENTION>
<EVENT_MENTION m_id="3" pred="buy"><token_anchor t_id="2"/></EVENT_MENTION>
<EVENT_MENTION m_id="4" pred="pay"><token_anchor t_id="7"/></EVENT_MENTION>
<ENTITY_MENTION m_id="5"><token_anchor t_id="4"/></ENTITY_MENTION>
</Markables>
<Relations>
<HAS_PARTICIPANT r_id="1" sem_role="Arg0"><source m_id="3"/><target m_id="1"/></HAS_PARTICIPANT>
<HAS_PARTICIPANT r_id="2" sem_role="Arg1"><source m_id="3"/><target m_id="2"/></HAS_PARTICIPANT>
<HAS_PARTICIPANT r_id="3" sem_role="Arg0"><source m_id="4"/><target m_id="5"/></HAS_PARTICIPANT>
</Relations>
</Document>
"""


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    (tmp_path / "intra-doc_annotation" / "corpus_x").mkdir(parents=True)
    (tmp_path / "intra-doc_annotation" / "corpus_x" / "7_t.xml").write_text(XML, encoding="utf-8")
    return tmp_path


def test_meantime_reads_text_gold_with_both_roles_and_annotated_sentences(folder: Path) -> None:
    doc = read_doc(folder / "intra-doc_annotation" / "corpus_x" / "7_t.xml")
    assert doc is not None
    assert doc.text == "Acme buys Beta\nAcme said it paid $5m.\nUnannotated sentence"
    assert len(doc.gold) == 1  # "paid" has an Arg0 only
    g = doc.gold[0]
    assert doc.text[g.trigger[0]:g.trigger[1]] == "buys"
    assert [doc.text[s:e] for s, e in g.actors] == ["Acme"] and [doc.text[s:e] for s, e in g.targets] == ["Beta"]
    assert [doc.text[s:e] for s, e in doc.annotated] == ["Acme buys Beta", "Acme said it paid $5m."]


def test_meantime_scores_triggers_and_participants_in_annotated_sentences() -> None:
    text = "Acme buys Beta\nmore"
    doc = Doc(id="d", text=text, gold=(EventSpans((5, 9), ((0, 4),), ((10, 14),)),), annotated=((0, 14),))
    preds = [[
        EventSpans((5, 9), ((0, 4),), ((10, 14),)),  # right, with its participants
        EventSpans((0, 4), ((5, 9),), ((10, 14),)),  # a trigger that is no event
        EventSpans((15, 19), ((0, 4),), ((10, 14),)),  # outside the annotated sentences: not scored
    ]]
    s = score([doc], preds)
    assert s["predicted"] == 2 and s["gold"] == 1
    assert s["trigger_precision"] == 0.5 and s["trigger_recall"] == 1.0
    assert s["full_precision"] == 0.5 and s["full_recall"] == 1.0
    wrong_actor = score([doc], [[EventSpans((5, 9), ((10, 14),), ((10, 14),))]])
    assert wrong_actor["trigger_precision"] == 1.0 and wrong_actor["full_precision"] == 0.0


def test_meantime_folder_without_articles_is_a_coded_error(tmp_path: Path) -> None:
    with pytest.raises(QueryError) as info:
        load(tmp_path)
    assert info.value.code == "NG480"
