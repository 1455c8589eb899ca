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
    """Store each kept article's keys; its bands go one row each into ``minhash_bands``."""
    if not signatures:
        return
    known = {r[0] for r in conn.execute(
        "SELECT article_id FROM signatures WHERE article_id IN (SELECT unnest(string_split(?, chr(31))))",
        [joined(s.article_id for s in signatures)]).fetchall()}
    fresh = list({s.article_id: s for s in signatures if s.article_id not in known}.values())
    insert(conn, "signatures", ("article_id", "exact_hash", "signature"),
           [(s.article_id, s.exact_hash, s.signature) for s in fresh])
    if fresh:
        conn.execute(
            "INSERT INTO minhash_bands SELECT unnest(string_split(?, chr(31)))::BIGINT, unnest(string_split(?, chr(31)))",
            [joined(b for s in fresh for b in s.bands), joined(s.article_id for s in fresh for _ in s.bands)],
        )


def prior_matches(store: Store, hashes: Sequence[str], bands: Sequence[int]) -> PriorMatches:
    """What the store holds that matches ``hashes`` exactly or shares one of ``bands``."""
    exact: dict[str, str] = {}
    for h, aid in [] if not hashes else store.rows(
        "SELECT s.exact_hash, s.article_id FROM signatures s"
        " JOIN (SELECT DISTINCT unnest(string_split(?, chr(31))) AS h) q ON q.h = s.exact_hash"
        " JOIN articles a ON a.id = s.article_id ORDER BY a.seq DESC",
        [joined(hashes)],
    ):
        exact[h] = aid  # descending seq: the earliest wins
    found: dict[int, list[str]] = {}
    order: dict[str, int] = {}
    if bands:
        rows = store.rows(
            "SELECT m.band, m.article_id, a.seq FROM minhash_bands m"
            " JOIN (SELECT DISTINCT unnest(string_split(?, chr(31)))::BIGINT AS band) q ON q.band = m.band"
            " JOIN articles a ON a.id = m.article_id ORDER BY a.seq",
            [joined(bands)],
        )
        for band, aid, seq in rows:
            found.setdefault(band, []).append(aid)
            order[aid] = seq
    return PriorMatches(exact=exact, bands=found, order=order)
