"""A headline in Title Case parsed as the sentence it is (nlp/titlecase.py), on headlines the team
wrote: its verb read as a verb, the article's names kept as names, and nothing else touched."""

import pytest

from newsgraph.nlp.pipeline import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(components=[])


@pytest.fixture(scope="module")
def plain():
    model = load_pipeline(components=[])
    model.remove_pipe("newsgraph_title_case")
    return model


def _line(doc):
    end = doc.text.index("\n")
    return [t for t in doc if t.idx < end and not t.is_space]


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Rebels Strike Army Base In Northern Town\nRebels struck an army base in Kadoma on Monday, officials said.", "Strike"),
        ("Council Shuts Libraries To Cut Costs\nThe council in Leeds shut two libraries on Monday.", "Shuts"),
        ("Tram Derails In Leeds, Injuring Five\nA tram derailed in Leeds on Monday, the police said.", "Derails"),
    ],
)
def test_title_case_headline_verb_is_the_root(nlp, text, verb) -> None:
    token = next(t for t in _line(nlp(text)) if t.text == verb)
    assert (token.pos_, token.dep_) == ("VERB", "ROOT")


def test_title_case_headline_keeps_the_article_names(nlp) -> None:
    # names the body writes with capitals stay names; the words around them are no longer one
    doc = nlp("Jane Porter Wins Leeds Marathon After Late Surge\nJane Porter won the race in Leeds on Sunday after a late surge.")
    ents = [(e.text, e.label_) for e in doc.ents if e.end_char < doc.text.index("\n")]
    assert ents == [("Jane Porter", "PERSON"), ("Leeds", "GPE")]


@pytest.mark.parametrize(
    "text",
    [  # a first line that ends as a sentence is a sentence full of names, not a headline
        "US Secretary of Commerce Daniel Whitcombe met Business Leaders in Ohio on Tuesday.\nHe spoke of trade.",
        # a line in sentence case, and a Title Case text without a body
        "Rebels strike army base in northern town\nRebels struck an army base in Kadoma on Monday.",
        "Rebels Strike Army Base In Northern Town",
    ],
)
def test_title_case_leaves_other_lines_alone(nlp, plain, text) -> None:
    ours, theirs = nlp(text), plain(text)
    assert [(t.pos_, t.dep_, t.head.i) for t in ours] == [(t.pos_, t.dep_, t.head.i) for t in theirs]
    assert [(e.start, e.end, e.label_) for e in ours.ents] == [(e.start, e.end, e.label_) for e in theirs.ents]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Brooks: Talks With Unions Have Failed\nDaniel Brooks spoke on Monday.", "Brooks"),
        ("Okafor Says Harbour Plan Will Go Ahead\nAmara Okafor, the mayor, spoke in Lagos on Friday.", "Okafor"),
    ],
)
def test_a_headline_name_takes_the_type_the_body_gives_it(nlp, text: str, name: str) -> None:
    doc = nlp(text)
    (token,) = [t for t in _line(doc) if t.text == name]
    assert token.ent_type_ == "PERSON"
