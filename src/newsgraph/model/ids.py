"""Deterministic ids: the same input always gives the same id, on any worker."""

from __future__ import annotations

import hashlib


def stable_id(prefix: str, *parts: object) -> str:
    """``prefix`` + 16 hex digits of a BLAKE2b hash over ``parts`` (joined unambiguously)."""
    digest = hashlib.blake2b(digest_size=8)
    for part in parts:
        encoded = str(part).encode("utf-8")
        digest.update(len(encoded).to_bytes(8, "little"))
        digest.update(encoded)
    return f"{prefix}_{digest.hexdigest()}"


def text_hash(text: str) -> str:
    """Hex BLAKE2b-128 of a text, used in article ids and exact de-duplication."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def article_id(source_key: str, text: str) -> str:
    """An article's id from its source locator and its canonical text."""
    return stable_id("art", source_key, text_hash(text))


def fact_id(kind: str, article: str, start: int, end: int, *extra: object) -> str:
    """A fact's id from its article, kind and offsets (and any disambiguating extra)."""
    return stable_id(kind[:3], article, kind, start, end, *extra)
