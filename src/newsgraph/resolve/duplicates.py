"""Exact and near-duplicate articles, recorded as copies of the first one seen.

Exact: identical once whitespace is normalised (over title, kicker, deck and text).
Near: the sets of lower-cased ``\\w+`` words have Jaccard similarity >= the threshold. Candidates
come from MinHash LSH (datasketch MinHash over CRC-32 word hashes, ``BANDS`` bands of ``ROWS`` rows, tuned so that a pair
at the threshold is a candidate with probability > 99.8%); every candidate is then checked with
the exact Jaccard of the two word sets, so a recorded near duplicate is always above the threshold.

Changing ``BANDS``, ``ROWS``, ``SEED`` or the word hash changes every stored band: it needs a
store migration that recomputes them.

This module is pure: the pipeline gives it what the store already knows (``Prior``) and stores the
``Fingerprint`` of every article it keeps, so detection is incremental across runs.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from newsgraph.model import Article, Duplicate, DuplicateKind, text_hash

BANDS = 21
ROWS = 6
NUM_PERM = BANDS * ROWS
SEED = 1
SCHEME = "affine32"  # datasketch 2.x permutation scheme
_WORD = re.compile(r"\w+")
_PERMUTATIONS: object = None  # datasketch's (a, b) permutation arrays, made once


def _hash(word: bytes) -> int:
    """32-bit word hash for MinHash (CRC-32: C speed; datasketch's default SHA-1 is 3x slower)."""
    return zlib.crc32(word)


def _minhash() -> Any:
    """A fresh datasketch MinHash (imported here: datasketch takes ~1 s to import)."""
    from datasketch import MinHash

    global _PERMUTATIONS
    if _PERMUTATIONS is None:
        _PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations
    return MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=_hash, permutations=_PERMUTATIONS, scheme=SCHEME)


@dataclass(frozen=True, slots=True, kw_only=True)
class Fingerprint:
    """What de-duplication needs of one article.

    Attributes:
        article_id: the article.
        exact_hash: hash of its whitespace-normalised text (title, kicker, deck, body).
        words: its set of lower-cased ``\\w+`` words.
        bands: one 64-bit hash per LSH band of its MinHash signature.
        signature: the MinHash hash values as bytes (little-endian uint64).
    """

    article_id: str
    exact_hash: str
    words: frozenset[str]
    bands: tuple[int, ...]
    signature: bytes


@dataclass(frozen=True, slots=True, kw_only=True)
class Prior:
    """What the store already holds that a batch may duplicate.

    Attributes:
        exact: exact hash → id of the kept article with that hash.
        bands: band hash → ids of kept articles with that band, first stored first.
        words: word sets of the kept articles named in ``bands``.
        order: kept article id → its position in the store (lower is earlier).
    """

    exact: Mapping[str, str] = field(default_factory=dict)
    bands: Mapping[int, Sequence[str]] = field(default_factory=dict)
    words: Mapping[str, frozenset[str]] = field(default_factory=dict)
    order: Mapping[str, int] = field(default_factory=dict)


def dedup_text(article: Article) -> str:
    """The text compared: title, kicker, deck and body, one per line."""
    return "\n".join(p for p in (article.title, article.kicker, article.deck, article.text) if p)


def word_set(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.lower()))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def _bands(hashvalues: np.ndarray) -> tuple[int, ...]:
    out = []
    for band in range(BANDS):
        chunk = hashvalues[band * ROWS : (band + 1) * ROWS].astype("<u8").tobytes()
        digest = hashlib.blake2b(band.to_bytes(2, "little") + chunk, digest_size=8).digest()
        out.append(int.from_bytes(digest, "little", signed=True))
    return tuple(out)


def fingerprint(article: Article) -> Fingerprint:
    """The article's fingerprint: a pure function, so a runner may compute it anywhere."""
    text = dedup_text(article)
    words = word_set(text)
    minhash = _minhash()
    if words:
        minhash.update_batch([w.encode("utf-8") for w in sorted(words)])
    return Fingerprint(
        article_id=article.id,
        exact_hash=text_hash(" ".join(text.split())),
        words=words,
        bands=_bands(minhash.hashvalues),
        signature=minhash.hashvalues.astype("<u8").tobytes(),
    )


@dataclass(slots=True)
class _Index:
    """Kept articles known so far: the store's (``prior``) then this batch's."""

    prior: Prior
    exact: dict[str, str] = field(default_factory=dict)
    bands: dict[int, list[str]] = field(default_factory=dict)
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    order: dict[str, int] = field(default_factory=dict)

    def exact_match(self, fp: Fingerprint) -> str | None:
        return self.prior.exact.get(fp.exact_hash) or self.exact.get(fp.exact_hash)

    def candidates(self, fp: Fingerprint) -> list[str]:
        found: dict[str, None] = {}
        for band in fp.bands:
            for aid in (*self.prior.bands.get(band, ()), *self.bands.get(band, ())):
                found.setdefault(aid, None)
        return sorted(found, key=self.position)

    def position(self, aid: str) -> tuple[int, int]:
        if aid in self.prior.order:
            return (0, self.prior.order[aid])
        return (1, self.order.get(aid, 0))

    def words_of(self, aid: str) -> frozenset[str] | None:
        return self.words.get(aid, self.prior.words.get(aid))

    def keep(self, fp: Fingerprint) -> None:
        self.exact.setdefault(fp.exact_hash, fp.article_id)
        for band in fp.bands:
            self.bands.setdefault(band, []).append(fp.article_id)
        self.words[fp.article_id] = fp.words
        self.order[fp.article_id] = len(self.order)


def _near_match(index: _Index, fp: Fingerprint, threshold: float) -> tuple[str, float] | None:
    for aid in index.candidates(fp):
        other = index.words_of(aid)
        if other is None:
            continue
        similarity = jaccard(fp.words, other)
        if similarity >= threshold:
            return aid, similarity
    return None


def find_duplicates(
    batch: Sequence[Fingerprint], prior: Prior, *, threshold: float = 0.8
) -> list[Duplicate | None]:
    """For each fingerprint in input order: the Duplicate it is, or None when it is kept.

    A duplicate points at the first kept copy: the earliest in the store, else the earliest
    earlier in ``batch``. Duplicates are never themselves copied from.
    """
    index = _Index(prior=prior)
    out: list[Duplicate | None] = []
    for fp in batch:
        exact = index.exact_match(fp)
        if exact is not None and exact != fp.article_id:
            out.append(Duplicate(article_id=fp.article_id, duplicate_of=exact, kind=DuplicateKind.EXACT, similarity=1.0))
            continue
        near = _near_match(index, fp, threshold)
        if near is not None and near[0] != fp.article_id:
            out.append(Duplicate(article_id=fp.article_id, duplicate_of=near[0], kind=DuplicateKind.NEAR, similarity=round(near[1], 6)))
            continue
        index.keep(fp)
        out.append(None)
    return out
