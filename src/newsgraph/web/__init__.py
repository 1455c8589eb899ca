"""The web face of newsgraph: one ASGI app with a JSON API under /api/ and server-rendered pages.

The only package that imports FastAPI. It reads through ``query`` and ``kb`` and writes through
``kb.ingest``; it never touches ``store``, ``nlp`` or ``readers`` (an import-linter contract).
"""

from newsgraph.web.app import ServeConfig, app_from_settings, create_app, worker_count

__all__ = ["ServeConfig", "app_from_settings", "create_app", "worker_count"]
