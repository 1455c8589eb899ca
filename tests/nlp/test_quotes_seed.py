"""The seed's first article: who said what, read from ../shared/seeds (never copied here)."""

from __future__ import annotations

import pytest

from newsgraph.model import Quote
from newsgraph.nlp.pipeline import load_pipeline, make_doc


@pytest.fixture(scope="module")
def seed_quotes(seed_articles: dict) -> tuple[Quote, ...]:
    nlp = load_pipeline()
    return nlp(make_doc(nlp, seed_articles["japan"]))._.ng["quotes"]


def _find(quotes: tuple[Quote, ...], words: str) -> Quote:
    found = [q for q in quotes if any(words in c.text for c in q.content)]
    assert len(found) == 1, f"{words!r}: {[q.content for q in quotes]}"
    return found[0]


@pytest.mark.parametrize(
    ("words", "kind", "speaker", "spans"),
    [
        ("The alliance with the United States", "direct", "Takaichi", 1),
        ("Our national defense", "direct", "Motegi", 2),
        ("further build up its defense", "indirect", "Toshimitsu Motegi", 1),
        ("that he hoped", "indirect", "Motegi", 1),
        ("cooperate with South Korea", "indirect", "Motegi", 1),
    ],
)
def test_seed_named_speaker_and_kind(seed_quotes, words: str, kind: str, speaker: str, spans: int) -> None:
    quote = _find(seed_quotes, words)
    assert (quote.kind.value, quote.speaker.evidence.text, len(quote.content)) == (kind, speaker, spans)
    assert quote.speaker.mention_id is not None and not quote.speaker.anonymous


def test_seed_national_defense_quote_has_both_sentences(seed_quotes) -> None:
    quote = _find(seed_quotes, "Our national defense")
    assert quote.content[1].text.startswith("“What’s important")
    assert all(c.text[0] == "“" and c.text[-1] == "”" for c in quote.content)


def test_seed_pronoun_source_kept_as_written(seed_quotes) -> None:
    assert _find(seed_quotes, "cooperate with South Korea").source.text == "he"


@pytest.mark.parametrize(
    ("words", "kind", "description", "reason"),
    [
        ("premature", "direct", "a Japanese government spokesperson", None),
        ("finalizing a purchase package", "indirect", "a source with knowledge of the preparations", None),
        ("the sweeteners", "indirect", "two sources", "they are not authorized to talk to the media"),
    ],
)
def test_seed_anonymous_speaker(seed_quotes, words: str, kind: str, description: str, reason) -> None:
    quote = _find(seed_quotes, words)
    speaker = quote.speaker
    assert (quote.kind.value, speaker.anonymous, speaker.description, speaker.reason) == (kind, True, description, reason)
    assert (speaker.mention_id, speaker.entity_id, speaker.evidence.text) == (None, None, description)


def test_seed_no_quote_from_the_anonymity_clause(seed_quotes) -> None:
    assert [q.cue.text for q in seed_quotes if q.cue.text == "asked"] == []
    assert not [q for q in seed_quotes if any("not to be identified" in c.text for c in q.content)]
