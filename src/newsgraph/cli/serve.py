"""`newsgraph serve`: the HTTP API and the pages over one knowledge base."""

from __future__ import annotations

import ipaddress
import os
import socket

import click

from newsgraph import settings
from newsgraph.cli.app import cli, db_option, db_path
from newsgraph.errors import QueryError


def is_loopback(host: str) -> bool:
    """True for an address only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@cli.command(name="serve")
@db_option
@click.option("--host", default=None, metavar="ADDRESS", help="Address to bind (default 127.0.0.1: this machine only; setting `host`).")
@click.option("--port", default=None, type=int, metavar="PORT", help="Port to listen on (default 8000; setting `port`).")
@click.option("--write-token", default=None, metavar="TOKEN",
              help="Accept POST /api/ingest with `Authorization: Bearer TOKEN` (env NEWSGRAPH_WRITE_TOKEN); read-only without it.")
@click.option("--workers", default=None, type=int, metavar="N",
              help="Worker processes (default 0: one a core, at most 4; setting `serve_workers`).")
def serve_command(db: str | None, host: str | None, port: int | None, write_token: str | None, workers: int | None) -> None:
    """Serve the knowledge base: a JSON API under /api/ (docs at /api/docs) and web pages at /.

    Each worker reads through one read-only connection, which it lets go when idle or when an
    ingest wants the file. Binds to loopback unless --host says otherwise, and warns when it is
    reachable from other machines.
    """
    import uvicorn

    from newsgraph.query.pages import reading
    from newsgraph.web import create_app, worker_count
    from newsgraph.web.app import threads_per_worker

    values = settings.resolve({"host": host, "port": port, "write_token": write_token, "serve_workers": workers})
    if values["serve_workers"] < 0:
        raise QueryError("NG440", f"--workers must be 0 (one a core) or more, got {values['serve_workers']}")
    count = worker_count(values["serve_workers"])
    # BLAS (a search's vector product) as many threads as DuckDB and the query encoder: the cores
    # shared among the workers; read when numpy loads, which the workers do after this (a user's
    # own setting wins)
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, str(threads_per_worker(count)))
    path = db_path(db)
    with reading(path, None):
        pass  # NG301/NG302 now, before binding, when there is no readable knowledge base
    if not 0 < values["port"] < 65536:
        raise QueryError("NG440", f"--port must be 1 to 65535, got {values['port']}")
    if not is_loopback(values["host"]):
        click.echo(f"warning: serving on {values['host']}, reachable from other machines; newsgraph has no login "
                   "for reading (use 127.0.0.1 unless you mean it)", err=True)
    _check_free(values["host"], values["port"])
    token = values["write_token"] or None
    click.echo(f"newsgraph: serving {path} at http://{values['host']}:{values['port']}/ "
               f"({'ingest enabled with the write token' if token else 'read-only'}; {count} worker"
               f"{'s' if count > 1 else ''}); Ctrl-C stops", err=True)
    if count == 1:
        uvicorn.run(create_app(path, write_token=token), host=values["host"], port=values["port"], log_level="warning",
                    server_header=False)
        return
    # worker processes build their app from the settings, passed down through the environment
    os.environ["NEWSGRAPH_DB"] = str(path)
    os.environ["NEWSGRAPH_WRITE_TOKEN"] = token or ""
    os.environ["NEWSGRAPH_SERVE_WORKERS"] = str(count)  # each worker's DuckDB threads: the cores shared among them
    uvicorn.run("newsgraph.web:app_from_settings", factory=True, workers=count, host=values["host"], port=values["port"],
                log_level="warning", server_header=False)


def _check_free(host: str, port: int) -> None:
    """NG440 when ``host:port`` cannot be bound (taken, or not an address of this machine)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        with socket.socket(infos[0][0], socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(infos[0][4])
    except OSError as exc:
        raise QueryError("NG440", f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
