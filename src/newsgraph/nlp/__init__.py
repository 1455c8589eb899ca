"""NLP: the only package that imports spaCy. One module a component; convert.py builds model facts.

Contract:

    load_pipeline(model: str | None = None) -> spacy.language.Language
    extract(articles: Iterable[Article], *, nlp: Language | None = None, batch_size: int = 32)
        -> Iterator[ArticleFacts]
"""
