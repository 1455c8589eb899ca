"""One-word "people" that are songs, question titles, items of a list of a disc's features, or a
building named after a royal (nlp/oneword.py, entities v31), on sentences written for these tests.
The model's parse is kept and the name made a PERSON on purpose where the model does not make that
error on a short sentence; real people (a pronoun, a royal without an article, a question someone
asks in quotes, a maker named by "by") stay people."""

from __future__ import annotations

import pytest
from spacy.language import Language


def retyped_as_person(nlp: Language, text: str, name: str) -> set[tuple[str, str]]:
    """(text, label) of the names after ``retype_one_word_people``, the model's entities kept but
    ``name`` made a PERSON."""
    from newsgraph.nlp.oneword import retype_one_word_people

    with nlp.select_pipes(enable=[p for p in nlp.pipe_names if not p.startswith("newsgraph_") or p == "newsgraph_paragraphs"]):
        doc = nlp(text)
    start = text.index(name)
    wrong = doc.char_span(start, start + len(name), label="PERSON")
    spans = [wrong, *[e for e in doc.ents if e.end <= wrong.start or e.start >= wrong.end]]
    return {(s.text, s.label_) for s in retype_one_word_people(doc, spans)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a song or a tune: sung, hummed, whistled, listened to (the list's later names too)
        ("Away supporters sang Marigold for the last ten minutes of the game.", "Marigold"),
        ("Night-shift porters hummed Rosalie on the empty platform.", "Rosalie"),
        ("Callers to the tax office must listen to Bolero or Lorelei for up to forty minutes.", "Lorelei"),
        # a title that is a question, capitalised inside the sentence
        ("Dana Oyelaran won best newcomer for The Orchard, or Where Is Tobiah? at the Lyric.", "Tobiah"),
        ("The touring cast of Whatever Became of Rosamund? gave its last show in Leeds.", "Rosamund"),
        # the items of a list of a disc's features or a work's parts
        ("The disc's extras, which include a costume quiz and Biscuit chasing the postman, run to an hour.", "Biscuit"),
        ("Its episodes include a wedding, a flood and Nutmeg running away from the farm.", "Nutmeg"),
    ],
)
def test_oneword_work_is_no_person(nlp: Language, text: str, name: str) -> None:
    fixed = retyped_as_person(nlp, text, name)
    assert name not in {t for t, _ in fixed}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a pronoun keeps a person whom one listens to
        ("Listeners who tune in to listen to Okonkwo every morning say he is the best host on air.", "Okonkwo"),
        # a question someone asks, in quotes or opening the sentence, is no title
        ('The inspector asked: "Who is Tobiah?" Nobody in the room answered.', "Tobiah"),
        # a maker named by "by" in a list of works
        ("Her favourite albums include one produced by Marchetti in Milan.", "Marchetti"),
    ],
)
def test_oneword_person_stays(nlp: Language, text: str, name: str) -> None:
    fixed = retyped_as_person(nlp, text, name)
    assert (name, "PERSON") in fixed


def test_royal_named_pub_is_a_building(run, nlp: Language) -> None:
    text = "The darts final was played in the Prince Rupert on Friday."
    with nlp.select_pipes(enable=[p for p in nlp.pipe_names if not p.startswith("newsgraph_") or p == "newsgraph_paragraphs"]):
        assert ("Rupert", "PERSON") in {(e.text, e.label_) for e in nlp(text).ents}  # the model's error
    facts = run(nlp, text)
    assert {(m.evidence.text, m.type.value) for m in facts.mentions if "Rupert" in m.evidence.text} == {("Prince Rupert", "FAC")}


def test_royal_named_place_rule_on_spans(nlp: Language) -> None:
    from spacy.tokens import Span

    from newsgraph.nlp.oneword import royal_named_places

    with nlp.select_pipes(enable=[p for p in nlp.pipe_names if not p.startswith("newsgraph_") or p == "newsgraph_paragraphs"]):
        doc = nlp("Supporters drank at the King Osric. Crowds cheered King Osric at the gates.")
    spans = [Span(doc, t.i, t.i + 1, label="PERSON") for t in doc if t.text == "Osric"]
    out = [(s.text, s.label_) for s in royal_named_places(doc, spans)]
    # a royal without an article stays the royal
    assert out == [("King Osric", "FAC"), ("Osric", "PERSON")]


def test_royal_with_noun_after_stays(nlp: Language) -> None:
    from spacy.tokens import Span

    from newsgraph.nlp.oneword import royal_named_places

    with nlp.select_pipes(enable=[p for p in nlp.pipe_names if not p.startswith("newsgraph_") or p == "newsgraph_paragraphs"]):
        doc = nlp("Schools closed in the Queen Adelina era of reform.")
    spans = [Span(doc, t.i, t.i + 1, label="PERSON") for t in doc if t.text == "Adelina"]
    assert [(s.text, s.label_) for s in royal_named_places(doc, spans)] == [("Adelina", "PERSON")]


def test_nationality_said_of_someone_is_no_person(nlp: Language) -> None:
    # the pronoun after it is the subject's, not the word's
    fixed = retyped_as_person(nlp, "Nadia Osei, whose grandmother was Cornish, said she had never seen the sea.", "Cornish")
    assert ("Cornish", "NORP") in fixed and ("Cornish", "PERSON") not in fixed


def test_list_read_again_with_names_retyped(nlp: Language) -> None:
    """A list "A Group, B and C" whose last two names the model made people: B is an organisation by
    its neighbour, then C by B."""
    from spacy.tokens import Span

    from newsgraph.nlp.oneword import retype_one_word_people

    text = "The defendants were Halvorsen Mining, Tarrant Freight, Kessel and Ormsby."
    with nlp.select_pipes(enable=[p for p in nlp.pipe_names if not p.startswith("newsgraph_") or p == "newsgraph_paragraphs"]):
        doc = nlp(text)
    spans = [doc.char_span(text.index(n), text.index(n) + len(n), label=label) for n, label in
             (("Halvorsen Mining", "ORG"), ("Tarrant Freight", "ORG"), ("Kessel", "PERSON"), ("Ormsby", "PERSON"))]
    assert [(s.text, s.label_) for s in retype_one_word_people(doc, spans)][2:] == [("Kessel", "ORG"), ("Ormsby", "ORG")]
