"""The local runner: a pool of worker processes that extract, the single writer in this process.

Each worker loads the spaCy pipeline and the MiniLM encoder (one onnxruntime thread) once and
then extracts whole batches (the same batches, so the same ``nlp.pipe`` batches, as one process
would: the facts are the same bytes), with each article's search vector and story features, so
that the writer only resolves, clusters and stores. The parent
reads, de-duplicates and prepares batches, hands each to an idle worker, and commits the results
strictly in batch order. At most ``window`` batches are in flight (prepared, not yet committed):
the parent stops reading until the oldest one is written, so memory stays bounded however large
the input.

A worker that dies (killed, out of memory, a crash in native code) loses nothing: the parent sees
its process end, starts a fresh one and gives the batch to a worker once more (logged NG210); if
that dies too, the batch's articles are stored without facts and logged NG211, and the run goes on.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any

from newsgraph.errors import NewsgraphError, NlpError
from newsgraph.model import LogLevel, Skip
from newsgraph.pipeline import NLP_BATCH_SIZE, Extracted, Extractor, Pending, Writer, lost


def cores() -> int:
    """CPU cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _worker_main(conn: Connection, model: str, batch_size: int, max_chars: int | None = None, embed: bool = True,
                 ner: str = "") -> None:
    """A worker: load the models once, then extract (and embed) each batch it is sent until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops the workers
    extractor = Extractor(model, batch_size, max_chars, embed=embed, ner=ner)
    try:
        extractor.load()
    except NewsgraphError as exc:
        conn.send(("fatal", (exc.code, exc.message, exc.hint)))
        return
    conn.send(("ready", os.getpid()))
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        number, articles = job
        try:
            conn.send(("done", number, extractor(articles)))
        except OSError:  # the parent is gone (killed): nothing to hand the facts to
            return


class _Worker:
    """One worker process and the batch it is working on."""

    def __init__(self, ctx: Any, model: str, batch_size: int, max_chars: int | None = None, embed: bool = True,
                 ner: str = "") -> None:
        self.conn, child = ctx.Pipe(duplex=True)
        self.process = ctx.Process(target=_worker_main, args=(child, model, batch_size, max_chars, embed, ner), daemon=True,
                                   name="newsgraph-worker")
        self.process.start()
        child.close()
        self.job: Pending | None = None

    @property
    def pid(self) -> int:
        return self.process.pid or 0

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except (OSError, ValueError):
            pass
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def _context() -> Any:
    """forkserver where there is one (spaCy's modules imported once, in the server), else spawn.
    Never plain fork: the parent holds DuckDB's threads."""
    if sys.platform.startswith("linux"):
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["newsgraph.pipeline", "newsgraph.nlp"])
        return ctx
    return multiprocessing.get_context("spawn")


class ProcessRunner:
    """Extraction in ``workers`` processes (0: one a core); ``window`` batches in flight at most
    (default: twice the workers, so each worker always has its next batch waiting). An input of a
    single batch is extracted in this process: one batch cannot be split, and no pool is started.

    ``on_dispatch(pid, batch_number, attempt)`` is called in the parent after each batch is sent
    to a worker (a test hook: the resilience test kills the worker from it)."""

    name = "local"

    def __init__(self, workers: int = 0, *, window: int | None = None, batch_size: int | None = None,
                 keep: bool = False, on_dispatch: Callable[[int, int, int], None] | None = None) -> None:
        self.workers = workers if workers > 0 else cores()
        self.window = max(1, window if window is not None else 2 * self.workers)
        self.batch_size = batch_size
        self.keep = keep
        self.on_dispatch = on_dispatch
        self.restarts = 0
        self.pool: list[_Worker] = []
        self.pool_model: tuple[str, bool, str] | None = None  # what the kept pool's workers load

    def drive(self, writer: Writer, batches: Iterator[Pending]) -> None:
        if not writer.extracts:
            for pending in batches:
                writer.commit(pending, Extracted())
            return
        first = list(itertools.islice(batches, 2))
        if len(first) < 2 and not self.pool:  # one batch cannot be split: extract it here, start no pool
            extractor = Extractor(writer.options.model, self.batch_size or NLP_BATCH_SIZE, writer.options.max_extract_chars,
                                  embed=writer.options.embed, ner=writer.options.ner)
            try:
                for pending in first:
                    writer.commit(pending, extractor(pending.kept))
            finally:
                extractor.release()
            return
        batches = itertools.chain(first, batches)
        loads = (writer.options.model, writer.options.embed, writer.options.ner)
        if self.pool_model is not None and self.pool_model != loads:
            self.close()
        self.pool_model = loads
        try:
            _Pool(self, writer).run(batches)
        except BaseException:
            self.close()
            raise
        if not self.keep:
            self.close()

    def close(self) -> None:
        """Stop the worker processes (``keep=True`` keeps them between runs until this is called)."""
        for worker in self.pool:
            worker.stop()
        self.pool.clear()

    def __enter__(self) -> ProcessRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Pool:
    """One run of the process pool: workers, the queue of batches to extract, results by batch."""

    def __init__(self, runner: ProcessRunner, writer: Writer) -> None:
        self.runner, self.writer = runner, writer
        self.ctx = _context()
        self.model = writer.options.model
        self.max_chars = writer.options.max_extract_chars
        self.embed = writer.options.embed
        self.ner = writer.options.ner
        self.batch_size = runner.batch_size or NLP_BATCH_SIZE
        self.workers = runner.pool
        self.order: deque[Pending] = deque()  # in flight, in batch order
        self.todo: deque[Pending] = deque()  # prepared, not yet sent to a worker
        self.results: dict[int, Extracted] = {}
        self.attempts: dict[int, int] = {}

    def run(self, batches: Iterator[Pending]) -> None:
        exhausted = False
        while True:
            while not exhausted and len(self.order) < self.runner.window:
                pending = next(batches, None)
                if pending is None:
                    exhausted = True
                    break
                self.order.append(pending)
                if pending.kept:
                    self.todo.append(pending)
                else:
                    self.results[pending.number] = Extracted()
            self._commit_ready()
            if exhausted and not self.order:
                return
            self._dispatch()
            if self.order and self.order[0].number not in self.results:
                self._wait()  # the writer's lease lets the file go meanwhile if a query waits for it

    def _commit_ready(self) -> None:
        while self.order and self.order[0].number in self.results:
            pending = self.order.popleft()
            self.writer.commit(pending, self.results.pop(pending.number))

    def _dispatch(self) -> None:
        """Give waiting batches to idle workers, starting workers up to the pool's size."""
        while self.todo:
            idle = next((w for w in self.workers if w.job is None), None)
            if idle is None:
                if len(self.workers) >= self.runner.workers:
                    return
                idle = _Worker(self.ctx, self.model, self.batch_size, self.max_chars, self.embed, self.ner)
                self.workers.append(idle)
            pending = self.todo.popleft()
            idle.job = pending
            attempt = self.attempts.get(pending.number, 0)
            try:
                idle.conn.send((pending.number, pending.kept))
            except (OSError, ValueError):
                pass  # the worker is gone: _wait sees its end and retries the batch
            if self.runner.on_dispatch:
                self.runner.on_dispatch(idle.pid, pending.number, attempt)

    def _wait(self) -> None:
        """Wait for a worker's message or its end, and handle it."""
        busy = [w for w in self.workers if w.job is not None] or self.workers
        ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy])
        for worker in busy:
            if worker.conn in ready:
                try:
                    message = worker.conn.recv()
                except (EOFError, OSError):
                    self._died(worker)
                    continue
                self._receive(worker, message)
            elif worker.process.sentinel in ready and not worker.conn.poll():
                self._died(worker)

    def _receive(self, worker: _Worker, message: tuple[Any, ...]) -> None:
        kind = message[0]
        if kind == "fatal":
            code, text, hint = message[1]
            raise NlpError(code, text, hint)
        if kind == "done" and worker.job is not None and message[1] == worker.job.number:
            self.results[worker.job.number] = message[2]
            worker.job = None

    def _died(self, worker: _Worker) -> None:
        """A worker ended without answering: replace it; retry its batch once, then give it up."""
        self.workers.remove(worker)
        worker.process.join(timeout=1)
        worker.conn.close()
        code = worker.process.exitcode
        pending = worker.job
        if pending is None:
            return
        self.runner.restarts += 1
        attempt = self.attempts.get(pending.number, 0) + 1
        self.attempts[pending.number] = attempt
        how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit status {code}"
        if attempt == 1:
            pending.notes.append(Skip(
                source=f"worker process {worker.pid}", code="NG210", level=LogLevel.WARNING,
                reason=f"a worker died while extracting batch {pending.number} ({how}); the batch was run again"))
            self.todo.appendleft(pending)
        else:
            self.results[pending.number] = lost(
                pending.kept, f"extraction lost: a worker died twice on this article's batch ({how}); stored without facts")
