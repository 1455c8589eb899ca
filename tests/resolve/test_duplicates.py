"""Exact and near-duplicate detection over fingerprints, with and without what the store knows."""

from __future__ import annotations

import random

from newsgraph.model import Article, DuplicateKind, SourceFormat, SourcePointer, article_id
from newsgraph.resolve.duplicates import Prior, dedup_text, find_duplicates, fingerprint, jaccard, word_set

WORDS = [f"w{i}" for i in range(3000)]


def text_of(seed: int, n: int = 200) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(n)) + "."


def art(text: str, path: str, title: str | None = None) -> Article:
    return Article(id=article_id(path, text), source=SourcePointer(path=path, format=SourceFormat.TEXT), text=text, title=title)


def edit(text: str, changes: int, seed: int = 0) -> str:
    words = text.split()
    rng = random.Random(seed)
    for i in rng.sample(range(len(words)), changes):
        words[i] = f"new{i}"
    return " ".join(words)


def test_find_duplicates_marks_whitespace_variants_as_exact_copies_of_the_first() -> None:
    a = art("One two three.\nFour  five six.", "a.txt", title="T")
    b = art("One two  three. Four five\tsix.", "b.txt", title="T")
    c = art("One two three. Four five six.", "c.txt", title="T")
    found = find_duplicates([fingerprint(x) for x in (a, b, c)], Prior())
    assert found[0] is None
    assert [(d.duplicate_of, d.kind, d.similarity) for d in found[1:]] == [(a.id, DuplicateKind.EXACT, 1.0)] * 2


def test_find_duplicates_finds_a_near_copy_above_the_threshold_only() -> None:
    base = text_of(1)
    near, far = art(edit(base, 8), "near.txt"), art(edit(base, 40), "far.txt")
    first = art(base, "base.txt")
    found = find_duplicates([fingerprint(x) for x in (first, near, far)], Prior(), threshold=0.8)
    assert found[0] is None and found[2] is None
    expected = jaccard(word_set(dedup_text(first)), word_set(dedup_text(near)))
    assert found[1] is not None and found[1].kind is DuplicateKind.NEAR and found[1].duplicate_of == first.id
    assert found[1].similarity == round(expected, 6) and expected >= 0.8


def test_find_duplicates_keeps_unrelated_articles() -> None:
    articles = [art(text_of(seed), f"{seed}.txt") for seed in range(50)]
    assert find_duplicates([fingerprint(a) for a in articles], Prior()) == [None] * 50


def test_find_duplicates_points_at_the_earliest_stored_copy_in_prior() -> None:
    base = text_of(7)
    stored_first, stored_second = art(base, "old1.txt"), art(edit(base, 2, seed=3), "old2.txt")
    new = art(edit(base, 3, seed=5), "new.txt")
    fps = {a.id: fingerprint(a) for a in (stored_first, stored_second)}
    prior = Prior(
        exact={},
        bands={b: [stored_first.id, stored_second.id] for b in set(fps[stored_first.id].bands) | set(fps[stored_second.id].bands)},
        words={k: v.words for k, v in fps.items()},
        order={stored_first.id: 0, stored_second.id: 1},
    )
    (found,) = find_duplicates([fingerprint(new)], prior)
    assert found is not None and found.duplicate_of == stored_first.id


def test_find_duplicates_exact_match_in_prior_wins() -> None:
    old = art(text_of(9), "old.txt")
    new = art(text_of(9), "new.txt")
    fp = fingerprint(old)
    (found,) = find_duplicates([fingerprint(new)], Prior(exact={fp.exact_hash: old.id}))
    assert found is not None and (found.duplicate_of, found.kind) == (old.id, DuplicateKind.EXACT)


def test_find_duplicates_never_points_at_a_copy() -> None:
    base = text_of(11, 300)
    a = art(base, "a.txt")
    b = art(edit(base, 25, seed=1), "b.txt")      # near a
    c = art(edit(b.text, 25, seed=2), "c.txt")    # near b, maybe not near a
    found = find_duplicates([fingerprint(x) for x in (a, b, c)], Prior())
    assert found[1] is not None and found[1].duplicate_of == a.id
    assert found[2] is None or found[2].duplicate_of == a.id


def test_fingerprint_is_deterministic_and_ignores_case_and_punctuation() -> None:
    x = fingerprint(art("Hello, World! Hello.", "x.txt"))
    y = fingerprint(art("hello world HELLO", "y.txt"))
    assert x.words == y.words == frozenset({"hello", "world"})
    assert x.bands == y.bands and x.signature == y.signature
    assert x.exact_hash != y.exact_hash
