"""`newsgraph search` and `newsgraph index`: find articles by words or meaning; build the indexes."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime

import click

from newsgraph.cli.app import DATE, cli, db_option, json_option, open_kb, print_json


@cli.command(short_help="Find articles by words (BM25) and meaning (MiniLM), fused.")
@click.argument("query")
@db_option
@click.option("--text", "mode", flag_value="text", help="Rank by words only (BM25 over title, deck and text).")
@click.option("--semantic", "mode", flag_value="semantic", help="Rank by meaning only (MiniLM cosine).")
@click.option("--hybrid", "mode", flag_value="hybrid", default=True, help="Both rankings fused (the default).")
@click.option("--since", type=DATE, default=None, help="Published on or after this date (ISO).")
@click.option("--until", type=DATE, default=None, help="Published before this date (ISO).")
@click.option("--entity", default=None, help="Only articles mentioning this entity (name, alias or id).")
@click.option("--story", default=None, help="Only articles of this story id.")
@click.option("--source", default=None, help="Substring of the source path, URL or publisher.")
@click.option("--kind", type=click.Choice(["truncated", "complete"]), default=None,
              help="Only truncated teasers, or only complete articles.")
@click.option("--limit", type=click.IntRange(min=1, max=1000), default=10, show_default=True, help="How many hits.")
@json_option
def search(query: str, db: str | None, mode: str, since: datetime | None, until: datetime | None,
           entity: str | None, story: str | None, source: str | None, kind: str | None, limit: int,
           as_json: bool) -> None:
    """Search the knowledge base for QUERY (words or a sentence; no operators: every character is
    plain text). Prints each hit with its score and a snippet, the matched words «marked».

    Needs the search indexes, which `newsgraph ingest` keeps current; for a knowledge base built
    before search existed, or ingested with --no-embed, run `newsgraph index` once.
    """
    hits = open_kb(db).search(query, mode=mode or "hybrid", since=since, until=until, entity=entity,
                              story=story, source=source, kind=kind, limit=limit)
    if as_json:
        print_json({"query": query, "mode": mode or "hybrid", "hits": [asdict(h) for h in hits]})
        return
    _print_hits(hits)


def _marked(snippet: str, marks: tuple[tuple[int, int], ...]) -> str:
    out, last = [], 0
    for start, end in marks:
        out += [snippet[last:start], "«", snippet[start:end], "»"]
        last = end
    return "".join(out + [snippet[last:]])


def _print_hits(hits: list) -> None:
    if not hits:
        click.echo("no matching article")
        return
    for rank, hit in enumerate(hits, start=1):
        parts = [f"score {hit.score:.4g}"]
        if hit.text_score is not None:
            parts.append(f"bm25 {hit.text_score:.3g}")
        if hit.semantic_score is not None:
            parts.append(f"cosine {hit.semantic_score:.3f}")
        date = hit.published.date().isoformat() if hit.published else "undated"
        title = " ".join((hit.title or "(no title)").split())
        click.echo(f"{rank:>2}. {title}  [{date} · {' · '.join(parts)}]")
        click.echo(f"    {hit.article_id}  {hit.source}")
        click.echo(f"    {_marked(hit.snippet, hit.marks)}")
        for quote in hit.quotes:
            click.echo(f"    quote {quote.quote_id} ({quote.speaker or 'unknown speaker'}): {quote.text[:160]}")


@cli.command(short_help="Build what is missing: stories, vectors, the full-text index.")
@db_option
@click.option("--embed/--no-embed", default=True, show_default=True, help="Give a vector to each article without one.")
@click.option("--stories/--no-stories", default=True, show_default=True,
              help="Give a story to each article without one (stored before stories existed).")
@click.option("--reindex", is_flag=True, help="Also drop and re-create every secondary index (repairs indexes that "
                                               "drifted from their tables after a killed ingest was re-run by "
                                               "newsgraph before 2026-12-02).")
@json_option
def index(db: str | None, embed: bool, stories: bool, reindex: bool, as_json: bool) -> None:
    """Build what the knowledge base lacks: a story for every article without one, a MiniLM vector
    for every article without one, the full-text (BM25) index rebuilt over everything, and the
    stored entity, story and article pages an upgraded base still owes. `newsgraph ingest` keeps
    all of them current itself; run this for a knowledge base built by an older newsgraph, or
    ingested with --no-embed."""
    summary = open_kb(db, read_only=False).index(embed=embed, stories=stories, reindex=reindex)
    if as_json:
        print_json(summary.to_dict())
        return
    if reindex:
        click.echo(f"re-created {summary.reindexed} indexes in {summary.reindex_seconds:.1f} s")
    if stories:
        click.echo(f"gave a story to {summary.storied} articles in {summary.story_seconds:.1f} s")
    click.echo(f"embedded {summary.embedded} articles in {summary.embed_seconds:.1f} s; "
               f"{summary.with_vectors} of {summary.searchable} have a vector")
    click.echo(f"full-text index: {summary.articles_indexed} articles, {summary.quotes_indexed} quotes, "
               f"rebuilt in {summary.fts_seconds:.2f} s")
