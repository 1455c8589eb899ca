"""An attack in words is criticism (issue 12, events v28; CAMEO 111), on sentences written for this
test: an attack on a party, a government, a body's leadership, or on someone for what they did
("attacking the commission for backing down"), where the sentence tells no harm and no arms, is
ACCUSE, as the BBC development sets' readers code "the EPP attacking the EC for backing down" and
"attacking the party he once wanted to lead"; an attack that harms stays an ASSAULT. Never read off
the held-out sample."""

from __future__ import annotations

import pytest

from newsgraph.nlp.events import EXTRACTOR


@pytest.fixture(scope="module")
def nlp(full_nlp):
    return full_nlp  # the whole pipeline, loaded once a session (conftest.py)


@pytest.mark.parametrize(
    ("text", "trigger", "code"),
    [
        ("The former minister attacked the government in a speech on Tuesday.", "attacked", "ACCUSE"),
        ("Two senior MPs attacked the party's leadership over the cuts.", "attacked", "ACCUSE"),
        ("Farmers' leaders attacked the ministry for delaying the payments.", "attacked", "ACCUSE"),
        # harm or arms told: a fight
        ("Rebels attacked the government building, killing four guards.", "attacked", "ASSAULT"),
        ("Gunmen attacked the party's offices in Kabul.", "attacked", "ASSAULT"),
    ],
)
def test_an_attack_in_words_is_criticism(nlp, codes, text: str, trigger: str, code: str) -> None:
    assert codes(nlp, text, trigger) == [code]
    assert EXTRACTOR == "newsgraph.events.v29"
