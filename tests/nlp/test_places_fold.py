"""The gazetteer's lookup key (``places.fold``): its ASCII shortcut gives the key decomposition gives."""

from __future__ import annotations


def test_fold_reads_ascii_and_accented_names_the_same_way() -> None:
    """``fold`` skips decomposition for ASCII names; the key must be the one decomposition gives."""
    import random
    import string
    import unicodedata

    from newsgraph.nlp.places import fold

    def slow(text: str) -> str:
        text = unicodedata.normalize("NFKD", text.replace("’", "'").replace(".", "").casefold())
        text = "".join(c for c in text if not unicodedata.combining(c))
        text = text[4:] if text.startswith("the ") else text
        return " ".join(text.split())

    rng = random.Random(7)
    alphabet = string.ascii_letters + string.digits + " .'-,()\t" + "ÉéüßØçñ’İ"
    names = ["The Hague", "St. Louis", "  Port  of Spain ", "THE GAMBIA", "São Tomé", "Ærø", "İzmir", "the"]
    names += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(3000)]
    for name in names:
        fold.cache_clear()
        assert fold(name) == slow(name), name
