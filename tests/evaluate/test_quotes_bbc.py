"""The blind BBC quote sample: drawn without the extractor, its golden file matching the draw, and
the speaker scoring on real quotes."""

from __future__ import annotations

import json

import pytest

from newsgraph.evaluate import quotes_bbc
from newsgraph.model import Quote, QuoteKind, Speaker, evidence_from, fact_id


def _quote(text: str, cue: str, speaker: str, content: str, anonymous: bool = False) -> Quote:
    def ev(part: str):
        at = text.index(part)
        return evidence_from("a", text, at, at + len(part))

    return Quote(
        id=fact_id("quote", "a", text.index(content), text.index(content) + len(content)),
        article_id="a",
        kind=QuoteKind.INDIRECT,
        content=(ev(content),),
        cue=ev(cue),
        speaker=Speaker(evidence=ev(speaker), anonymous=anonymous, description=speaker if anonymous else None),
        source=ev(speaker),
        extractor="test",
    )


TEXT = "Mr Blair said the vote was fair. He said more. Analysts said prices would rise. Prices rose."


def test_speaker_right_by_last_name_anonymous_none_and_pronouns() -> None:
    blair = _quote(TEXT, "said", "Mr Blair", "the vote was fair")
    he = _quote(TEXT, " said more"[1:], "He", "more")
    analysts = _quote(TEXT, "said prices", "Analysts", "prices would rise", anonymous=True)
    quotes = [blair, he, analysts]
    assert quotes_bbc.speaker_right("Tony Blair", quotes, 0, 32) == (True, True)
    assert quotes_bbc.speaker_right("Gordon Brown", quotes, 0, 32) == (False, True)
    assert quotes_bbc.speaker_right("Tony Blair", quotes, 33, 46) == (False, True)  # "He" left unresolved
    assert quotes_bbc.speaker_right("anonymous:analysts", quotes, 47, 80) == (True, True)
    assert quotes_bbc.speaker_right("none", quotes, 81, len(TEXT)) == (True, False)
    assert quotes_bbc.speaker_right("none", quotes, 0, 32) == (False, False)


def test_the_golden_sample_is_the_blind_draw(shared_data) -> None:
    root = shared_data / "bbc-news"
    if not root.is_dir():
        pytest.skip(f"BBC News data not found at {root}")
    golden = json.loads(quotes_bbc.GOLDEN.read_text(encoding="utf-8"))["items"]
    assert [(i["path"], i["start"], i["end"]) for i in golden] == quotes_bbc.sample(root)
    assert len(golden) == quotes_bbc.SIZE
    for item in golden:
        assert item["speaker"] == "none" or item["speaker"].startswith("anonymous:") or item["speaker"][0].isupper()
