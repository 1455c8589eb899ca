"""The Ray runner: extraction as Ray Data tasks on a local Ray (2 CPUs), Parquet shards merged by
the single writer; the same knowledge base as one process. Skipped when the ray extra is absent."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ray = pytest.importorskip("ray", reason="the ray extra is not installed (pip install 'newsgraph[ray]'); .ci/run installs it")

from newsgraph.pipeline import IngestOptions, ingest_records  # noqa: E402
from newsgraph.query import export_records  # noqa: E402

pytestmark = pytest.mark.ray


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield
    ray.shutdown()


def test_ray_runner_gives_the_same_knowledge_base_and_keeps_the_shards(tmp_path: Path, local_ray, short_news,
                                                                      short_news_kb, verified, same_vectors, same_text_index) -> None:
    import pyarrow.parquet as pq

    from newsgraph.runner import make

    db, shards = tmp_path / "kb.duckdb", tmp_path / "shards"
    runner = make("ray", keep_parquet=shards)
    summary = ingest_records(iter(short_news), db=db, options=IngestOptions(batch_size=2, extract=True), runner=runner)
    assert (summary.read, summary.stored, summary.duplicates, summary.extracted, summary.batches) == (10, 8, 2, 8, 5)
    assert export_records(db) == export_records(short_news_kb)
    verified(db)
    [run] = shards.iterdir()
    assert run.name == summary.run_id
    table = pq.read_table(run)
    assert table.column_names == ["batch", "position", "article_id", "kind", "record", "json"]
    kinds = table.column("kind").to_pylist()
    assert table.num_rows == 24 and {k: kinds.count(k) for k in set(kinds)} == {"facts": 8, "features": 8, "vector": 8}
    rows = [json.loads(j) for j in table.column("json").to_pylist()]
    first = rows[kinds.index("facts")]
    assert first["article_id"] in {a.id for a in short_news} and "mentions" in first
    assert len(rows[kinds.index("vector")]["vector"]) == 384 and "terms" in rows[kinds.index("features")]
    same_vectors(db, short_news_kb)
    assert summary.fts_rebuilds == 1
    same_text_index(db, short_news_kb)


def test_cli_engine_ray_without_the_extra_is_a_coded_error(tmp_path: Path, newsgraph_env) -> None:
    import subprocess

    dump = tmp_path / "one.txt"
    dump.write_text("Mayor Lena Ortiz opened the new harbour on Friday.\n", encoding="utf-8")
    hide_ray = "import sys; sys.modules['ray'] = None; from newsgraph.cli import main; sys.argv[0] = 'newsgraph'; main()"
    proc = subprocess.run([sys.executable, "-c", hide_ray, "ingest", str(dump), "--db", str(tmp_path / "kb.duckdb"),
                           "--engine", "ray"], env=newsgraph_env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.startswith("error NG212: --engine ray needs Ray, which is not installed")
    assert "pip install 'newsgraph[ray]'" in proc.stderr and "Traceback" not in proc.stderr
