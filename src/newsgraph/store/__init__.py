"""The store: the only package that holds SQL or imports duckdb. Versioned schema, single writer.

One DuckDB file holds a knowledge base. ``open_store`` opens it (creating and migrating it when
opened for writing); ``write_batch`` is the one writer; the ``read_*``/``list_*`` functions are
what ``query`` builds on.
"""

from newsgraph.store.articles import ArticleFilter, article_texts, count_articles, existing_ids, get_article, list_articles
from newsgraph.store.checks import SpanRow, counts, invariant_failures, span_rows
from newsgraph.store.connection import MEMORY_LIMIT, Store, open_store
from newsgraph.store.duplicates import copies_of, duplicate_record, read_duplicates
from newsgraph.store.entities import cooccurring, find_entity_ids, read_entities
from newsgraph.store.export import write_records
from newsgraph.store.facts import (
    read_article_facts, read_events, read_figures, read_local_entities, read_main_events,
    read_mentions, read_quotes, read_times,
)
from newsgraph.store.log import LogEntry, read_log
from newsgraph.store.schema import SCHEMA_VERSION
from newsgraph.store.signatures import PriorMatches, Signature, prior_matches
from newsgraph.store.stories import read_stories
from newsgraph.store.writer import Batch, finish_run, start_run, write_batch

__all__ = [
    "ArticleFilter", "Batch", "LogEntry", "MEMORY_LIMIT", "PriorMatches", "SCHEMA_VERSION", "Signature", "SpanRow",
    "Store", "article_texts", "cooccurring", "copies_of", "count_articles", "counts", "duplicate_record",
    "existing_ids", "find_entity_ids", "finish_run", "get_article", "invariant_failures", "list_articles", "open_store",
    "prior_matches", "read_article_facts", "read_duplicates", "read_entities", "read_events",
    "read_figures", "read_local_entities", "read_log", "read_main_events", "read_mentions",
    "read_quotes", "read_stories", "read_times", "span_rows", "start_run", "write_batch",
    "write_records",
]
