"""NLP: the only package that imports spaCy. One module a component; convert.py builds model facts.

    load_pipeline(model=None) -> Language     the model plus newsgraph's components
    extract(articles, nlp=None) -> Iterator[ArticleFacts]
"""

from newsgraph.nlp.pipeline import extract, load_model, load_pipeline, make_doc

__all__ = ["extract", "load_model", "load_pipeline", "make_doc"]
