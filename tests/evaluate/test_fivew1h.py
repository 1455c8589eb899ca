"""The 5W1H scorer and how it builds article text from news-please records."""

from __future__ import annotations

import pytest

from newsgraph.evaluate.fivew1h import article_text, gold_phrases, normalize, token_f1


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("At the White House", ["at", "white", "house"]),
        ("“An” apple, a pear.", ["apple", "pear"]),
        ("Nov. 10", ["nov", "10"]),
    ],
)
def test_fivew1h_normalize_drops_case_punctuation_articles(text, tokens) -> None:
    assert normalize(text) == tokens


@pytest.mark.parametrize(
    ("ours", "gold", "f1"),
    [
        ("White House", "at the White House", 0.8),
        ("Donald Trump", "Donald Trump", 1.0),
        ("Trump", "Donald Trump", 2 / 3),
        ("Obama", "Donald Trump", 0.0),
    ],
)
def test_fivew1h_token_f1_is_squad_style(ours, gold, f1) -> None:
    assert token_f1(ours, gold) == pytest.approx(f1)


@pytest.mark.parametrize(
    ("record", "text"),
    [
        ({"title": "T", "description": "D.", "text": "Body."}, "T\nD.\nBody."),
        ({"title": "T", "description": "Body starts", "text": "Body starts here."}, "T\nBody starts here."),
        ({"title": "T", "description": None, "text": "Body."}, "T\nBody."),
    ],
)
def test_fivew1h_article_text_joins_title_description_body(record, text) -> None:
    assert article_text(record) == text


def test_fivew1h_gold_phrases_skip_empty_answers() -> None:
    record = {"fiveWoneH": {"why": {"annotated": [{"text": None}]}, "who": {"annotated": [{"text": "X"}, {"text": ""}]}}}
    assert gold_phrases(record, "why") == []
    assert gold_phrases(record, "who") == ["X"]


def test_fivew1h_halves_split_records_by_position() -> None:
    from newsgraph.errors import InputError
    from newsgraph.evaluate.fivew1h import half

    records = [{"n": n} for n in range(5)]
    assert half(records, "even") == [{"n": 0}, {"n": 2}, {"n": 4}]
    assert half(records, "odd") == [{"n": 1}, {"n": 3}]
    assert half(records, "all") == records
    with pytest.raises(InputError, match="NG115"):
        half(records, "train")


def test_fivew1h_headline_apart_gives_the_answers_of_the_headline_in_the_text() -> None:
    from pathlib import Path

    from newsgraph.errors import InputError
    from newsgraph.evaluate.fivew1h import answers, evaluate

    record = {"title": "Ferry strike halts crossings to Tallinn",
              "text": "Crews of the Baltic Star walked out on Monday, halting all crossings to Tallinn, the union said."}
    [inline] = answers([record])
    [apart] = answers([record], "apart")
    assert inline["what"] and apart == inline  # a headline kept apart is read as the text's first line
    with pytest.raises(InputError, match="NG115"):
        evaluate(Path("."), headline="beside")
