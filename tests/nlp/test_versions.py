"""Versions that tell the truth: every component's output on the team's own golden inputs is
hashed and stored beside its versioned extractor name (tests/golden/versions/components.json).

When a component's output changes while its version string stays the same, this test fails: bump
the version (``EXTRACTOR`` in its module), then record the new hash with
``NEWSGRAPH_UPDATE_GOLDEN=1`` and commit both. A component's output includes the ids of facts it
refers to (a quote's speaker mention), so a change upstream that changes them is a change too.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from newsgraph.evaluate import entities as golden
from newsgraph.nlp import extract, load_pipeline
from newsgraph.nlp.pipeline import COMPONENTS

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
RECORD = GOLDEN / "versions" / "components.json"
# The fields of ArticleFacts each component fills.
FIELDS = {
    "newsgraph_entities": ("mentions", "entities"),
    "newsgraph_times": ("times",),
    "newsgraph_figures": ("figures",),
    "newsgraph_quotes": ("quotes",),
    "newsgraph_events": ("events", "main"),
}


def _inputs() -> list[Any]:
    articles = golden.load_articles(GOLDEN / "entities") + golden.load_articles(GOLDEN / "entities" / "heldout")
    return articles


# With ``ner = combined`` the entities' output also depends on the trained recogniser's vote: it is
# recorded apart, under the same extractor name, so a change of the vote needs a bump as well.
COMBINED = "newsgraph_entities (ner=combined)"


def _digest(facts: list[Any], fields: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    for article in facts:
        for name in fields:
            value = getattr(article, name)
            plain = [asdict(v) for v in value] if isinstance(value, tuple) else (asdict(value) if value is not None else None)
            digest.update(json.dumps(plain, sort_keys=True, default=str, ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()


def component_hashes() -> dict[str, dict[str, str]]:
    """Per spaCy factory: its extractor name and the sha256 of its output on the golden inputs."""
    facts = list(extract(_inputs(), nlp=load_pipeline(ner="spacy")))
    out: dict[str, dict[str, str]] = {}
    for factory, module in COMPONENTS:
        out[factory] = {"extractor": importlib.import_module(module).EXTRACTOR, "sha256": _digest(facts, FIELDS[factory])}
    combined = list(extract(_inputs(), nlp=load_pipeline(ner="combined")))
    module = dict(COMPONENTS)["newsgraph_entities"]
    out[COMBINED] = {"extractor": importlib.import_module(module).EXTRACTOR,
                     "sha256": _digest(combined, FIELDS["newsgraph_entities"])}
    return out


@pytest.fixture(scope="module")
def current() -> dict[str, dict[str, str]]:
    found = component_hashes()
    if os.environ.get("NEWSGRAPH_UPDATE_GOLDEN") == "1":
        RECORD.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return found


def test_versions_every_component_is_recorded(current: dict[str, dict[str, str]]) -> None:
    recorded = json.loads(RECORD.read_text(encoding="utf-8"))
    assert set(recorded) == {factory for factory, _ in COMPONENTS} | {COMBINED} and set(FIELDS) == {f for f, _ in COMPONENTS}


@pytest.mark.parametrize("factory", [*(factory for factory, _ in COMPONENTS), COMBINED])
def test_versions_output_changes_only_with_a_new_version(current: dict[str, dict[str, str]], factory: str) -> None:
    recorded = json.loads(RECORD.read_text(encoding="utf-8"))[factory]
    now = current[factory]
    if now["extractor"] == recorded["extractor"]:
        assert now["sha256"] == recorded["sha256"], (
            f"{factory}'s output on the golden inputs changed but its version is still {now['extractor']}: "
            "bump EXTRACTOR, then record it with NEWSGRAPH_UPDATE_GOLDEN=1")
    else:
        pytest.fail(f"{factory} is now {now['extractor']} (recorded {recorded['extractor']}): "
                    "record its output with NEWSGRAPH_UPDATE_GOLDEN=1 and commit tests/golden/versions")


def test_the_readme_names_the_versions_that_run() -> None:
    """The README's table of components names each one's current extractor version (docs stay true)."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for _, module in COMPONENTS:
        name = importlib.import_module(module).EXTRACTOR
        assert f"| `{name}` |" in readme, f"README.md's table of components does not name {name}"
