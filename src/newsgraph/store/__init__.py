"""The store: the only package that holds SQL or imports duckdb. Versioned schema, single writer.

One DuckDB file holds a knowledge base. ``open_store`` opens it (creating and migrating it when
opened for writing); ``write_batch`` is the one writer; the ``read_*``/``list_*`` functions are
what ``query`` builds on."""

from newsgraph.store.articles import (
    ArticleFilter, article_texts, count_articles, existing_ids, get_article, get_articles, list_articles, added_times,
)
from newsgraph.store.checks import SpanRow, counts, index_failures, invariant_failures, span_rows
from newsgraph.store.connection import Store, open_store, reading, rebuild_indexes, someone_waiting, MEMORY_LIMIT
from newsgraph.store.duplicates import copies_of, duplicate_record, read_duplicates
from newsgraph.store.curations import (
    add_curation, identity_inputs, mark_undone, next_curation_seq, read_curations, rewrite_identity,
)
from newsgraph.store.reextract import extraction_state, fact_ids, replace_extraction
from newsgraph.store.entities import cooccurring, find_entity_ids, read_entities
from newsgraph.store.export import write_records
from newsgraph.store.facts import (
    read_article_facts, read_events, read_figures, read_local_entities, read_main_events, read_mentions, read_quotes, read_times,
)
from newsgraph.store.log import LogEntry, read_log
from newsgraph.store.schema import SCHEMA_VERSION
from newsgraph.store.signatures import PriorMatches, Signature, prior_matches
from newsgraph.store.stories import (
    StoryContext, StoryFilter, find_story, list_stories, read_stories, story_context, story_stats,
)
from newsgraph.store.versions import ArticleVersion, Stored, Update, read_versions, same_source, source_key
from newsgraph.store.writer import Batch, finish_run, start_run, write_batch
from newsgraph.store.connections import (
    article_entity_ids, cooccurrence, entities_by_id, entity_article_counts, entity_events, entity_mentions, entity_quotes, publication_dates,
)
from newsgraph.store.watched import record_watched, watched_files
from newsgraph.store.deadline import time_limit
from newsgraph.store.reader import SharedReader
from newsgraph.store.pages import (
    LISTS, article_heads, count_rows, entity_article_count, entity_article_ids, entity_window, window_companions, window_mentions, entity_fact_ids, entity_heads, events_by_id, facet_counts, fact_ids_of_articles, figures_by_id, filters_for, main_event_rows, mentions_by_id, named_in, network_edges, page_keys, quote_share, quotes_by_id, times_by_id, top_entities, totals,
)

__all__ = [
    "rebuild_indexes",
    "extraction_state", "fact_ids", "replace_extraction",
    "add_curation", "identity_inputs", "mark_undone", "next_curation_seq", "read_curations", "rewrite_identity",
    "added_times", "article_entity_ids", "article_heads", "article_texts", "ArticleFilter",
    "ArticleVersion", "Batch", "cooccurrence", "cooccurring", "copies_of", "count_articles",
    "count_rows", "counts", "duplicate_record", "entities_by_id", "entity_article_counts",
    "entity_article_count", "entity_article_ids", "entity_events", "entity_window", "window_companions", "window_mentions", "entity_fact_ids", "entity_heads", "entity_mentions",
    "entity_quotes", "events_by_id", "existing_ids", "facet_counts", "fact_ids_of_articles",
    "figures_by_id", "filters_for", "find_entity_ids", "find_story", "finish_run", "get_article", "get_articles",
    "index_failures", "invariant_failures", "list_articles", "list_stories", "LISTS", "LogEntry", "main_event_rows",
    "MEMORY_LIMIT", "mentions_by_id", "network_edges", "open_store", "someone_waiting", "page_keys", "reading", "prior_matches",
    "PriorMatches", "publication_dates", "quote_share", "quotes_by_id", "read_article_facts",
    "read_duplicates", "read_entities", "read_events", "read_figures", "read_local_entities",
    "read_log", "read_main_events", "read_mentions", "read_quotes", "read_stories", "read_times",
    "read_versions", "record_watched", "same_source", "SCHEMA_VERSION", "SharedReader", "Signature", "source_key",
    "span_rows", "SpanRow", "start_run", "Store", "Stored", "story_context", "story_stats",
    "StoryContext", "StoryFilter", "named_in", "time_limit", "times_by_id", "top_entities", "totals", "Update",
    "watched_files", "write_batch", "write_records",
]
