"""The model's records cross process boundaries as pickles (workers to the writer, Ray actors to the
driver): ``model.pickling.fast_pickling`` must give back equal records, with the same state as the
``dataclasses`` pickling it replaces."""

from __future__ import annotations

import dataclasses
import inspect
import pickle
from pathlib import Path

import pytest

from newsgraph import model
from newsgraph.model import Article, SourceFormat, SourcePointer, article_id
from newsgraph.model.pickling import fast_pickling
from newsgraph.nlp import extract, load_pipeline
from newsgraph.readers import read

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _records() -> list[type]:
    modules = [m for name, m in vars(model).items() if inspect.ismodule(m) and name != "pickling"]
    return [c for m in modules for c in vars(m).values()
            if inspect.isclass(c) and dataclasses.is_dataclass(c) and c.__module__ == m.__name__]


def _walk(value: object):
    """Every model record inside ``value`` (itself included)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        yield value
        for f in dataclasses.fields(value):
            yield from _walk(getattr(value, f.name))
    elif isinstance(value, (tuple, list, frozenset, set)):
        for item in value:
            yield from _walk(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _walk(item)


def test_every_model_record_pickles_fast() -> None:
    records = _records()
    assert len(records) >= 20
    slow = [c.__name__ for c in records if c.__getstate__.__module__ != "newsgraph.model.pickling"]
    assert not slow, f"records left to dataclasses' pickling (add them in model/__init__.py): {slow}"


def test_real_facts_come_back_equal_with_dataclasses_state() -> None:
    nlp = load_pipeline()
    articles = [a for a in read([str(EXAMPLES)]) if isinstance(a, Article)]
    articles.append(Article(id=article_id("t.txt", "x"), text="Ana Lima, 54, said on Monday: \"We will win.\"",
                            source=SourcePointer(path="t.txt", format=SourceFormat.TEXT, line=1)))
    facts = list(extract(articles, nlp=nlp))
    records = list(_walk((articles, facts)))
    kinds = {type(r).__name__ for r in records}
    assert {"Article", "ArticleFacts", "Mention", "Quote", "Event", "Figure", "TimeExpression", "Evidence"} <= kinds
    for record in records:  # the state dataclasses' own pickling would write: the fields' values, in order
        assert list(record.__getstate__()) == [getattr(record, f.name) for f in dataclasses.fields(record)]
    back = pickle.loads(pickle.dumps((articles, facts), protocol=pickle.HIGHEST_PROTOCOL))
    assert back == (articles, facts)
    assert [type(r) for r in _walk(back)] == [type(r) for r in records]


def test_fast_pickling_refuses_what_it_cannot_handle() -> None:
    @dataclasses.dataclass(frozen=True)
    class NoSlots:
        a: int

    @dataclasses.dataclass(frozen=True, slots=True)
    class One:
        a: tuple[int, ...]

    with pytest.raises(TypeError):
        fast_pickling(NoSlots)
    fast_pickling(One)
    assert One((1, 2)).__getstate__() == ((1, 2),)  # one field: still a tuple of the fields' values
