"""Fixtures shared by the entity tests: the pipeline with the entities component, and a runner."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from newsgraph.model import Article, ArticleFacts, SourceFormat, SourcePointer
from newsgraph.nlp import extract, load_pipeline


@pytest.fixture(scope="session")
def nlp() -> Language:
    """spaCy with newsgraph's entities component (ner = spacy), loaded once a session (a module
    that needs another pipeline defines its own ``nlp``)."""
    return load_pipeline(components=["newsgraph_entities"])


@pytest.fixture(scope="session")
def run() -> Callable[[Language, str], ArticleFacts]:
    """``run(nlp, text)``: one article of ``text`` extracted with ``nlp``."""

    def extract_one(nlp: Language, text: str) -> ArticleFacts:
        article = Article(id="t", source=SourcePointer(path="-", format=SourceFormat.TEXT), text=text)
        (facts,) = extract([article], nlp=nlp)
        return facts

    return extract_one
