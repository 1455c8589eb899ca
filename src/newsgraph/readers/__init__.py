"""Readers: raw bytes to ``Article`` records, one module a format, all in one registry.

Contract (implemented by this package):

    read(inputs: Sequence[str], *, options: ReadOptions) -> Iterator[Article | Skip]

``inputs`` are paths, folders, globs or ``-`` for stdin; gzip is opened transparently;
``options.format`` is ``auto`` or a registered reader name. Every input that cannot be read, and
every record dropped, comes out as a ``Skip`` with its NG1xx code and reason: never an exception
that ends the run, never a silent drop.
"""
