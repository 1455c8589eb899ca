"""Search output cleaning: whitespace folded and control/format characters dropped, whatever the
text holds (the fast path must agree with the plain character-by-character definition)."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.query.search import _clean


def _by_definition(text: str) -> str:
    kept = "".join(" " if ch.isspace() else ch for ch in text
                   if ch.isspace() or unicodedata.category(ch) not in ("Cc", "Cf"))
    return " ".join(kept.split())


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
def test_clean_agrees_with_its_definition(text: str) -> None:
    assert _clean(text) == _by_definition(text)


def test_clean_drops_terminal_escapes_and_invisible_marks() -> None:
    assert _clean("Bank\x1b[31m rates\u200b rise\u202e\tagain\x00\n£5bn “deal”") == "Bank[31m rates rise again £5bn “deal”"
