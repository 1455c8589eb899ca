"""The Ray runner: extraction as Ray Data tasks, facts as Parquet shards, one writer merges them.

The only module that imports Ray (an extra: ``pip install 'newsgraph[ray]'``), imported only when
``--engine ray`` asks for it. The driver reads and de-duplicates (as the local runner does), then
sends windows of prepared batches to Ray Data: one row a batch, ``map_batches`` over an actor pool
(each actor loads the spaCy pipeline once and extracts the batch exactly as a local worker would),
``write_parquet`` one shard folder a window. The single writer then reads the shards back and
commits the batches in order, so the knowledge base is the same bytes as the local runner's.
An actor that dies is restarted and its batch retried once by Ray; a window that still fails
stops the run with NG215, every window committed before it kept (re-running finishes the job).

Shard rows: ``batch`` (the run's batch number), ``position`` (in the batch), ``article_id``,
``kind`` (``facts``, ``failure``, ``features``: story features without entities, or ``vector``:
the article's search vector), ``record`` (the model object, or the (article id, vector) pair,
pickled: what the writer merges) and ``json`` (the same record as JSON text, for DuckDB or Spark:
``SELECT * FROM 'DIR/**/*.parquet'``).
"""

from __future__ import annotations

import json
import logging
import pickle
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from newsgraph.errors import NlpError
from newsgraph.pipeline import NLP_BATCH_SIZE, Extracted, Extractor, Pending, Writer
from newsgraph.search import MODEL_NAME

WINDOW_ARTICLES = 4096  # kept articles a Ray Data job at most (bounds the driver's memory)


def _import_ray() -> Any:
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError as exc:
        raise NlpError("NG212", f"--engine ray needs Ray, which is not installed ({exc.msg})") from None
    return ray


def _as_json(record: Any) -> str:
    return json.dumps(asdict(record), default=str, ensure_ascii=False)


class _ExtractActor:
    """A Ray Data actor: loads the spaCy pipeline once, then extracts one prepared batch a call."""

    def __init__(self, model: str, batch_size: int, max_chars: int | None = None, embed: bool = True,
                 ner: str = "") -> None:
        self.extractor = Extractor(model, batch_size, max_chars, embed=embed, ner=ner)
        self.extractor.load()

    def __call__(self, rows: dict[str, Any]) -> dict[str, list[Any]]:
        out: dict[str, list[Any]] = {k: [] for k in ("batch", "position", "article_id", "kind", "record", "json")}
        for number, blob in zip(rows["batch"], rows["articles"]):
            extracted = self.extractor(pickle.loads(blob))
            vectors = [(aid, vector) for aid, vector in extracted.vectors.items()]
            for kind, records in (("facts", extracted.facts), ("failure", extracted.failures),
                                  ("features", tuple(extracted.features.values())), ("vector", vectors)):
                for position, record in enumerate(records):
                    out["batch"].append(int(number))
                    out["position"].append(position)
                    out["article_id"].append(record[0] if kind == "vector" else record.article_id or "")
                    out["kind"].append(kind)
                    out["record"].append(pickle.dumps(record))
                    out["json"].append(json.dumps({"article_id": record[0], "model": MODEL_NAME,
                                                   "vector": [float(x) for x in record[1]]}) if kind == "vector"
                                       else _as_json(record))
        return out


class RayRunner:
    """Extraction on Ray: ``address`` None starts a local Ray (``workers`` CPUs, default all);
    ``auto`` or ``HOST:PORT`` joins an existing cluster. ``keep_parquet`` keeps the shards there
    (one folder a run, one a window); otherwise they go to a temporary folder, removed after."""

    name = "ray"

    def __init__(self, *, address: str | None = None, workers: int | None = None,
                 keep_parquet: str | Path | None = None, window_articles: int = WINDOW_ARTICLES) -> None:
        self.ray = _import_ray()
        self.address, self.workers = address, workers
        self.keep_parquet = Path(keep_parquet) if keep_parquet is not None else None
        self.window_articles = max(1, window_articles)

    def drive(self, writer: Writer, batches: Iterator[Pending]) -> None:
        if not writer.extracts:
            for pending in batches:
                writer.commit(pending, Extracted())
            return
        started = self._connect()
        folder = self._folder(writer.summary.run_id)
        try:
            window: list[Pending] = []
            size, number = 0, 0
            for pending in batches:
                window.append(pending)
                size += len(pending.kept)
                if size >= self.window_articles:
                    self._run_window(writer, window, folder / f"window-{number:05d}")
                    window, size, number = [], 0, number + 1
            if window:
                self._run_window(writer, window, folder / f"window-{number:05d}")
        finally:
            if self.keep_parquet is None:
                shutil.rmtree(folder, ignore_errors=True)
            if started:
                self.ray.shutdown()

    def _connect(self) -> bool:
        """Join (or start) Ray; True when this runner started it (and so shuts it down)."""
        ray = self.ray
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False  # the CLI shows its own progress
        logging.getLogger("ray.data").setLevel(logging.WARNING)
        if ray.is_initialized():
            return False
        try:
            if self.address is None:
                ray.init(num_cpus=self.workers, include_dashboard=False, log_to_driver=False, configure_logging=False)
            else:
                ray.init(address=self.address, log_to_driver=False, configure_logging=False)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            raise NlpError("NG213", f"cannot reach the Ray cluster at {self.address or 'a new local Ray'}: {exc}") from None
        return True

    def _folder(self, run_id: str) -> Path:
        if self.keep_parquet is None:
            return Path(tempfile.mkdtemp(prefix="newsgraph-ray-"))
        folder = self.keep_parquet / run_id
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise NlpError("NG214", f"cannot write Parquet shards to {folder}: {exc.strerror}") from None
        return folder

    def _run_window(self, writer: Writer, window: list[Pending], shard: Path) -> None:
        """Extract a window of batches on Ray, write its Parquet shards, merge them in order."""
        todo = [p for p in window if p.kept]
        by_batch: dict[int, Extracted] = {}
        if todo:
            self._extract(writer, todo, shard)
            by_batch = self._read_shards(shard)
        for pending in window:
            writer.commit(pending, by_batch.get(pending.number, Extracted()))

    def _extract(self, writer: Writer, todo: list[Pending], shard: Path) -> None:
        ray = self.ray
        items = [{"batch": p.number, "articles": pickle.dumps(p.kept)} for p in todo]
        size = self.workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        dataset = ray.data.from_items(items, override_num_blocks=len(items)).map_batches(
            _ExtractActor, batch_size=1, batch_format="numpy", num_cpus=1, max_restarts=2, max_task_retries=1,
            compute=ray.data.ActorPoolStrategy(size=min(size, len(items))),
            fn_constructor_kwargs={"model": writer.options.model, "batch_size": NLP_BATCH_SIZE,
                                   "max_chars": writer.options.max_extract_chars, "embed": writer.options.embed,
                                   "ner": writer.options.ner},
        )
        try:
            dataset.write_parquet(str(shard))
        except Exception as exc:  # noqa: BLE001 - Ray wraps what broke in its own errors
            cause = exc
            while cause.__cause__ is not None:
                cause = cause.__cause__
            if "NG201" in str(cause):
                raise NlpError("NG201", f"the Ray workers cannot load the spaCy model: {cause}") from None
            raise NlpError("NG215", f"the Ray job failed: {type(cause).__name__}: {cause}") from None

    @staticmethod
    def _read_shards(shard: Path) -> dict[int, Extracted]:
        import pyarrow.parquet as pq

        table = pq.read_table(shard, columns=["batch", "position", "kind", "record"])
        rows = sorted(zip(*(table.column(c).to_pylist() for c in ("batch", "kind", "position", "record"))),
                      key=lambda r: (r[0], r[1], r[2]))
        by_kind: dict[str, dict[int, list[Any]]] = {k: {} for k in ("facts", "failure", "features", "vector")}
        for number, kind, _, blob in rows:
            by_kind[kind].setdefault(number, []).append(pickle.loads(blob))
        facts, failures, features, vectors = (by_kind[k] for k in ("facts", "failure", "features", "vector"))
        return {n: Extracted(facts=tuple(facts.get(n, ())), failures=tuple(failures.get(n, ())),
                             features={f.article_id: f for f in features.get(n, ())}, vectors=dict(vectors.get(n, ())))
                for n in set().union(*by_kind.values())}
