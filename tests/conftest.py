"""Shared fixtures. Tests that need ../shared skip with a message when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEED = SHARED / "seeds" / "000_da085a45935ec0b1.txt"
DATA = SHARED / "data"
TEST_DATA = Path(__file__).resolve().parent / "data"


# --- spreading the suite over pytest-xdist workers (`make test` runs with --dist loadfile) --------

# Files whose tests are independent, slow evaluations that share no fixture worth keeping
# together: each of their tests is a unit of its own, so that both workers take some of them.
SPREAD_FILES = frozenset({"tests/evaluate/test_floors.py"})
# Their slowest tests (quality floor files), started first so that no worker draws one at the end.
SLOW_FIRST = ("search-bbc", "ner", "stories", "stories-giveme5w1h", "search-ecbplus", "quotes", "timex", "identity")


def _spread_rank(item: pytest.Item) -> tuple[int, int]:
    if item.nodeid.split("::", 1)[0] not in SPREAD_FILES:
        return (1, 0)
    name = getattr(getattr(item, "callspec", None), "id", "")
    return (0, SLOW_FIRST.index(name) if name in SLOW_FIRST else len(SLOW_FIRST))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The spread files' tests first, their slowest first; every other test in collection order
    (a stable sort: each xdist worker collects the same order)."""
    items.sort(key=_spread_rank)


@pytest.hookimpl(tryfirst=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """--dist loadfile, but for SPREAD_FILES, and in collection order: sent whole, the quality
    floors' file (29 evaluations, the suite's slowest file by far) runs on one worker, and a worker
    that draws it late finishes long after the other. (``--dist loadgroup`` cannot do this with
    pytest 9, whose node ids xdist's group suffix no longer reaches; and loadfile's own order, the
    files with the most tests first, would send the one-test units last.)"""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class SpreadScheduling(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            if nodeid.split("::", 1)[0] in SPREAD_FILES:
                return nodeid
            return super()._split_scope(nodeid)

        def schedule(self) -> None:
            self.config.option.loadscopereorder = False
            super().schedule()

    return SpreadScheduling(config, log)


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.is_file():
        pytest.skip(f"seed not found at {SEED} (tests read it from ../shared/seeds)")
    return SEED


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not DATA.is_dir():
        pytest.skip(f"benchmark data not found at {DATA} (CI has it beside the checkout)")
    return DATA


@pytest.fixture(scope="session")
def test_data() -> Path:
    return TEST_DATA


# --- the real CLI, in a subprocess -------------------------------------------------------------

import json
import os
import subprocess
import sys

SRC = REPO / "src"


def cli_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSGRAPH_")}
    env["PYTHONPATH"] = str(SRC) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


def run_newsgraph(*args: object, cwd: Path | None = None, stdin: bytes | None = None,
                  env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run ``python -m newsgraph ARGS`` in a real subprocess; stdout and stderr as text."""
    proc = subprocess.run(
        [sys.executable, "-m", "newsgraph", *map(str, args)], cwd=cwd, input=stdin, capture_output=True,
        env=env or cli_env(), timeout=timeout,
    )
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode("utf-8", "replace"),
                                       proc.stderr.decode("utf-8", "replace"))


def assert_verified(db: Path) -> dict:
    """``newsgraph verify`` passes on ``db``: exit 0, no failures, no traceback. Returns its JSON."""
    proc = run_newsgraph("verify", "--db", db, "--json")
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 0, (proc.stdout, proc.stderr)
    report = json.loads(proc.stdout)
    assert report["ok"] is True and report["failures"] == []
    return report


@pytest.fixture(scope="session")
def newsgraph():
    """The CLI runner: ``newsgraph("ingest", path, "--db", db)`` → CompletedProcess (stateless, so
    fixtures of any scope may use it)."""
    return run_newsgraph


@pytest.fixture()
def verified():
    """``verified(db)`` asserts that ``newsgraph verify`` passes on ``db``."""
    return assert_verified


@pytest.fixture()
def newsgraph_env() -> dict[str, str]:
    """The environment a CLI subprocess runs in (src on PYTHONPATH, no NEWSGRAPH_* settings)."""
    return cli_env()


EXAMPLES = REPO / "examples"
EXAMPLE_FEEDS = ("dump.txt", "wire.jsonl", "feed.xml", "page.html", "archive.warc.gz")


@pytest.fixture(scope="session")
def examples_kb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A knowledge base built once, with NLP, from the team's example feeds (every format)."""
    db = tmp_path_factory.mktemp("examples") / "examples.duckdb"
    proc = run_newsgraph("ingest", *(EXAMPLES / name for name in EXAMPLE_FEEDS), "--db", db, "--json")
    assert proc.returncode == 0, proc.stderr
    return db


@pytest.fixture(scope="session")
def seed_export(seed_path: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The seed ingested with NLP through the real CLI (published 2025-10-21), verified, exported."""
    db = tmp_path_factory.mktemp("seed") / "seed.duckdb"
    proc = run_newsgraph("ingest", seed_path, "--db", db, "--published", "2025-10-21", "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["extracted"] == 5
    assert_verified(db)
    out = run_newsgraph("export", "--db", db, "--format", "json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


SEED_NAMES = ("japan", "grok", "vietnam", "embassy", "ice")  # the seed's five articles, in order


@pytest.fixture(scope="session")
def seed_articles(seed_path: Path) -> dict:
    """The seed's five articles as the project's own text reader reads them, by name."""
    from newsgraph.model import Article
    from newsgraph.readers import read

    articles = [r for r in read([str(seed_path)]) if isinstance(r, Article)]
    assert len(articles) == len(SEED_NAMES)
    return dict(zip(SEED_NAMES, articles))


# --- short articles for the runners' tests -----------------------------------------------------

SHORT_NEWS = (  # the team wrote these: people recur across batches, one exact and one near copy
    "Mayor Lena Ortiz opened the new harbour in Port Avel on Friday, officials said.",
    "The rail union said on Monday that drivers would strike next week over pay.",
    "Ortiz told reporters the harbour would bring 400 jobs to the region by 2027.",
    "Finance minister Tomas Berg said inflation fell to 3.1% in March.",
    "Berg, speaking in Oslo, warned that rates could rise again later this year.",
    "Mayor Lena Ortiz opened the new harbour in Port Avel on Friday, officials said.",
    "Lena Ortiz said the harbour cost $12 million and was finished ahead of schedule.",
    "The rail union said on Monday that drivers would strike next week over wages.",
    "Police in Port Avel arrested two men after a protest outside the town hall.",
    "Tomas Berg met union leaders on Tuesday to discuss the strike.",
)


@pytest.fixture(scope="session")
def short_news() -> list:
    """Ten one-sentence articles (8 kept, an exact and a near copy), as ``Article`` records."""
    from newsgraph.model import Article, SourceFormat, SourcePointer, article_id

    return [Article(id=article_id(f"news/{i}.txt", t), text=t,
                    source=SourcePointer(path=f"news/{i}.txt", format=SourceFormat.TEXT, line=1))
            for i, t in enumerate(SHORT_NEWS)]


@pytest.fixture(scope="session")
def short_news_kb(short_news: list, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``short_news`` ingested in this process, batches of 2, with NLP: what every runner must equal."""
    from newsgraph.pipeline import InProcess, IngestOptions, ingest_records

    db = tmp_path_factory.mktemp("short_news") / "kb.duckdb"
    summary = ingest_records(iter(short_news), db=db, options=IngestOptions(batch_size=2, extract=True), runner=InProcess())
    assert (summary.stored, summary.duplicates, summary.extracted) == (8, 2, 8)
    return db
# --- the web: a knowledge base of the seed, and a real server ----------------------------------


@pytest.fixture(scope="session")
def seed_kb(seed_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed ingested with NLP and search indexes through the real CLI (published 2025-10-21).
    Tests must not write to it; copy it first."""
    db = tmp_path_factory.mktemp("seed_kb") / "seed.duckdb"
    proc = run_newsgraph("ingest", seed_path, "--db", db, "--published", "2025-10-21", "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["embedded"] == 5
    return db


@pytest.fixture(scope="session")
def quotes_of():
    """The quotes a pipeline finds in a text written as one article, every evidence checked
    against the text it points into."""
    from newsgraph.model import Article, SourceFormat, SourcePointer, article_id
    from newsgraph.nlp.pipeline import make_doc

    def quotes(nlp, text: str) -> tuple:
        article = Article(id=article_id("test", text), source=SourcePointer(path="test", format=SourceFormat.TEXT), text=text)
        found = nlp(make_doc(nlp, article))._.ng["quotes"]
        for quote in found:
            for ev in (*quote.content, quote.cue, quote.source, quote.speaker.evidence):
                assert ev is None or text[ev.start : ev.end] == ev.text
        return found

    return quotes


@pytest.fixture(scope="session")
def main_event_of():
    """The main event a pipeline finds in a text written as one article published on Wednesday
    8 May 2024: the text of its who, what, when, where, why and how (None where it has none)."""
    from datetime import datetime, timezone

    from newsgraph.model import Article, SourceFormat, SourcePointer, article_id
    from newsgraph.nlp.pipeline import make_doc

    published = datetime(2024, 5, 8, tzinfo=timezone.utc)

    def main(nlp, text: str) -> dict:
        article = Article(id=article_id("main", text), source=SourcePointer(path="t", format=SourceFormat.TEXT),
                          text=text, published=published)
        found = nlp(make_doc(nlp, article))._.ng["main"]
        return {q: (getattr(found, q).text if getattr(found, q) else None)
                for q in ("who", "what", "when", "where", "why", "how")}

    return main


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def examples_server(examples_kb: Path):
    """``newsgraph serve`` in a real subprocess on a free loopback port over the examples: its base URL."""
    import time
    import urllib.request

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "newsgraph", "serve", "--db", str(examples_kb), "--port", str(port)],
                            env=cli_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/api/summary", timeout=1).read()
                break
            except OSError:
                if proc.poll() is not None:
                    raise AssertionError(proc.stderr.read().decode()) from None
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)
