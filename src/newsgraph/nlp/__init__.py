"""NLP: the only package that imports spaCy. One module a component; convert.py builds model facts.

    load_pipeline(model=None) -> Language     the model plus newsgraph's components
    extract(articles, nlp=None) -> Iterator[ArticleFacts]
    extractor_versions() -> tuple[str, ...]  the versioned names a fresh extraction records
"""

from newsgraph.nlp.pipeline import extract, extractor_versions, load_model, load_pipeline, make_doc

__all__ = ["extract", "extractor_versions", "load_model", "load_pipeline", "make_doc"]
