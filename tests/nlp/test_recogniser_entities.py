"""The trained recogniser (nlp/recogniser.py): its package data, its casing feature, its spans, and
how it votes with spaCy's entities."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest
from spacy.tokens import Span

from newsgraph.errors import NlpError
from newsgraph.nlp import load_pipeline
from newsgraph.nlp.recogniser import Recogniser, casing_class, check_model, combine, model_folder, recogniser, remember, trained_spans

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(components=[], ner="spacy")


def test_casing_classes() -> None:
    assert [casing_class(w) for w in ["rejects", "Blackburn", "BRUSSELS", "1996-08-22", ".", "McDonald", "iPhone", "A"]] == [
        1, 2, 3, 4, 5, 2, 5, 2]


def test_casing_class_is_the_one_the_model_was_trained_with() -> None:
    """Run time and training compute the feature with the same code (the script needs torch, so compare text)."""
    def source(path: Path) -> str:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        fn = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "casing_class")
        return ast.unparse(fn)

    assert source(REPO / "scripts" / "train_ner.py") == source(REPO / "src" / "newsgraph" / "nlp" / "recogniser.py")


def test_model_is_package_data_with_its_checksum() -> None:
    folder = model_folder()
    assert (folder / "ner.onnx").is_file() and (folder / "MODEL_CARD.md").is_file()
    check_model(folder)
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert "nlp/data/ner/*" in pyproject


def test_missing_or_altered_model_is_a_coded_error(tmp_path: Path) -> None:
    with pytest.raises(NlpError) as missing:
        Recogniser(tmp_path)
    assert missing.value.code == "NG460"
    for name in ("ner.onnx", "ner.onnx.sha256", "ner.json", "tokenizer.json"):
        shutil.copy(model_folder() / name, tmp_path / name)
    with (tmp_path / "ner.onnx").open("ab") as handle:
        handle.write(b"\0")
    with pytest.raises(NlpError) as altered:
        check_model(tmp_path)
    assert altered.value.code == "NG461"


def test_trained_spans_on_news(nlp) -> None:
    doc = nlp("Peter Blackburn of the European Commission said in Brussels on Tuesday that German farmers were angry.")
    found = {(s.text, s.label_) for s in trained_spans(doc)}
    assert {("Peter Blackburn", "PER"), ("European Commission", "ORG"), ("Brussels", "LOC"), ("German", "MISC")} <= found


def test_long_sentences_are_cut_at_word_boundaries() -> None:
    words = ["Paris"] + ["and"] * 400 + ["London"]
    tags = recogniser().tag([words])[0]
    assert len(tags) == len(words) and tags[0] == "B-LOC" and tags[-1] == "B-LOC"


def test_vote_keeps_spacys_fine_type_and_numbers(nlp) -> None:
    doc = nlp("The Port of Rotterdam Authority paid 5 million euros to Rotterdam on Monday.")
    trained = [Span(doc, 1, 5, label="ORG"), Span(doc, 10, 11, label="LOC")]
    spacy_ents = [Span(doc, 3, 4, label="GPE"), Span(doc, 6, 9, label="MONEY"), Span(doc, 10, 11, label="GPE"),
                  Span(doc, 12, 13, label="DATE")]
    out = {(s.text, s.label_) for s in combine(doc, trained, spacy_ents, boundaries="trained")}
    assert out == {("Port of Rotterdam Authority", "ORG"), ("5 million euros", "MONEY"), ("Rotterdam", "GPE"), ("Monday", "DATE")}


def test_vote_defaults_when_spacy_disagrees(nlp) -> None:
    doc = nlp("Leicester fans met Smith and the French in the Alps.")
    trained = [Span(doc, 0, 1, label="ORG"), Span(doc, 3, 4, label="PER"), Span(doc, 6, 7, label="MISC"),
               Span(doc, 9, 10, label="LOC")]
    spacy_ents = [Span(doc, 0, 1, label="GPE"), Span(doc, 3, 4, label="ORG")]
    out = {(s.text, s.label_) for s in combine(doc, trained, spacy_ents, boundaries="trained")}
    assert out == {("Leicester", "ORG"), ("Smith", "PERSON"), ("French", "NORP"), ("Alps", "LOC")}


def test_default_vote_retypes_spacys_spans_with_guards(nlp) -> None:
    """The pipeline's vote: spaCy's spans stay; the trained class retypes one with the same boundaries,
    but (where the model is not sure) never into MISC, never a non-English-script name, a place only
    when the gazetteer knows it; a trained name spaCy missed is added under the same guards."""
    doc = nlp("Yukos said Whitcombe met Павел in Paris and the US with Diageo and Сорокин.")
    trained = [Span(doc, 0, 1, label="ORG"), Span(doc, 2, 3, label="LOC"), Span(doc, 4, 5, label="ORG"),
               Span(doc, 6, 7, label="LOC"), Span(doc, 9, 10, label="MISC"), Span(doc, 11, 12, label="ORG"),
               Span(doc, 13, 14, label="PER")]
    spacy_ents = [Span(doc, 0, 1, label="PERSON"), Span(doc, 2, 3, label="PERSON"), Span(doc, 4, 5, label="PERSON"),
                  Span(doc, 6, 7, label="GPE"), Span(doc, 9, 10, label="GPE")]
    out = {(s.text, s.label_) for s in combine(doc, remember(doc, trained, [0.8] * len(trained)), spacy_ents)}  # unsure
    assert out == {("Yukos", "ORG"), ("Whitcombe", "PERSON"), ("Павел", "PERSON"), ("Paris", "GPE"), ("US", "GPE"),
                   ("Diageo", "ORG")}


def test_the_models_confidence_decides_what_it_overrules(nlp) -> None:
    """A class the model is sure of (SURE) retypes spaCy's span even where the guards above would
    not ("Dole", a French town, said by spaCy to be an organisation), but never a city of 100,000
    people into a person; a name spaCy missed is added only at ADD_AT_LEAST, and never a word of a
    title's portfolio ("Minister of Foreign Affairs")."""
    doc = nlp("Dole met Ferreira in Addis Ababa and Arvenza, said Minister of Foreign Affairs Ana Costa.")
    trained = [Span(doc, 0, 1, label="PER"), Span(doc, 2, 3, label="PER"), Span(doc, 4, 6, label="PER"),
               Span(doc, 7, 8, label="LOC"), Span(doc, 13, 14, label="ORG")]
    spacy_ents = [Span(doc, 0, 1, label="ORG"), Span(doc, 4, 6, label="GPE")]
    sure = {(s.text, s.label_) for s in combine(doc, remember(doc, trained, [0.95, 0.95, 0.99, 0.95, 0.95]), spacy_ents)}
    assert sure == {("Dole", "PERSON"), ("Ferreira", "PERSON"), ("Addis Ababa", "GPE"), ("Arvenza", "LOC")}
    unsure = {(s.text, s.label_) for s in combine(doc, remember(doc, trained, [0.7, 0.5, 0.99, 0.7, 0.95]), spacy_ents)}
    assert unsure == {("Dole", "ORG"), ("Addis Ababa", "GPE")}
    doc = nlp("Critics loved Festiva at the awards.")  # one word spaCy did not find: a person only when sure
    assert combine(doc, remember(doc, [Span(doc, 2, 3, label="PER")], [0.8]), []) == []
    assert [(s.text, s.label_) for s in combine(doc, remember(doc, [Span(doc, 2, 3, label="PER")], [0.95]), [])] == [
        ("Festiva", "PERSON")]
    doc = nlp("Павел met Сорокин.")
    spacy_ents = [Span(doc, 0, 1, label="PERSON")]
    trained = remember(doc, [Span(doc, 0, 1, label="ORG"), Span(doc, 2, 3, label="LOC")], [0.99, 0.99])
    assert {(s.text, s.label_) for s in combine(doc, trained, spacy_ents)} == {("Павел", "PERSON")}  # other scripts: never


def test_pipeline_setting(nlp) -> None:
    assert "newsgraph_recogniser" not in nlp.pipe_names
    combined = load_pipeline(components=[], ner="combined")
    assert combined.pipe_names.index("newsgraph_recogniser") == combined.pipe_names.index("ner") + 1
    doc = combined("Angela Merkel met Fiat executives in Turin.")
    assert {(e.text, e.label_) for e in doc.ents} >= {("Angela Merkel", "PERSON"), ("Fiat", "ORG"), ("Turin", "GPE")}
    assert doc.user_data["newsgraph_spacy_ents"] is not None
    with pytest.raises(NlpError) as bad:
        load_pipeline(components=[], ner="bogus")
    assert bad.value.code == "NG463"
