"""De-duplication state that outlives a run: each kept article's exact hash and MinHash bands."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import duckdb

from newsgraph.store.connection import Store, insert, joined


@dataclass(frozen=True, slots=True, kw_only=True)
class Signature:
    """A kept article's de-duplication keys, as the store holds them.

    Attributes:
        article_id: the kept article.
        exact_hash: hash of its whitespace-normalised text.
        bands: its LSH band hashes.
        signature: its MinHash hash values (bytes).
    """

    article_id: str
    exact_hash: str
    bands: tuple[int, ...]
    signature: bytes


@dataclass(frozen=True, slots=True, kw_only=True)
class PriorMatches:
    """Stored kept articles that share an exact hash or a band with a batch.

    Attributes:
        exact: exact hash → article id.
        bands: band hash → article ids, in store order.
        order: article id → its store position.
    """

    exact: dict[str, str]
    bands: dict[int, list[str]]
    order: dict[str, int]


def write_signatures(conn: duckdb.DuckDBPyConnection, signatures: Sequence[Signature]) -> None:
    insert(conn, "signatures", ("article_id", "exact_hash", "bands", "signature"),
           [(s.article_id, s.exact_hash, joined(s.bands), s.signature) for s in signatures], ignore=True)


def prior_matches(store: Store, hashes: Sequence[str], bands: Sequence[int]) -> PriorMatches:
    """What the store holds that matches ``hashes`` exactly or shares one of ``bands``."""
    exact: dict[str, str] = {}
    for h, aid in store.rows(
        "SELECT s.exact_hash, s.article_id FROM signatures s JOIN articles a ON a.id = s.article_id"
        " WHERE list_contains(string_split(?, chr(31)), s.exact_hash) ORDER BY a.seq DESC",
        [joined(hashes)],
    ):
        exact[h] = aid  # descending seq: the earliest wins
    found: dict[int, list[str]] = {}
    order: dict[str, int] = {}
    if bands:
        rows = store.rows(
            "SELECT b, article_id, seq FROM (SELECT s.article_id, a.seq, unnest(string_split(s.bands, chr(31)))::BIGINT AS b"
            " FROM signatures s JOIN articles a ON a.id = s.article_id) WHERE list_contains(string_split(?, chr(31))::BIGINT[], b)"
            " ORDER BY seq",
            [joined(bands)],
        )
        for band, aid, seq in rows:
            found.setdefault(band, []).append(aid)
            order[aid] = seq
    return PriorMatches(exact=exact, bands=found, order=order)
