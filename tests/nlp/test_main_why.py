"""The main event's why from causes stated in the first sentences (sentences the quotes2 branch wrote)."""

from __future__ import annotations

import pytest

from newsgraph.nlp.main_event import _lede_why


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Bus fares rise\nFares will rise by 5% because of higher fuel costs, the operator said.", "higher fuel costs"),
        ("The rebels said they shelled the depot in retaliation for air strikes on their villages.",
         "in retaliation for air strikes on their villages"),
        ("The minister blamed the regulator for delaying the inquiry.", "for delaying the inquiry"),
        ("Mayor blames flooding on blocked drains\nThe city flooded again.", "blocked drains"),
        ("Divers worked through the night in a bid to reach the trapped miners.", "to reach the trapped miners"),
        ("The match was called off due to heavy snow.", "heavy snow"),
    ],
)
def test_lede_causes(text: str, why: str) -> None:
    span = _lede_why(text, 0, len(text))
    assert span is not None and text[span[0] : span[1]] == why


def test_no_cause_no_answer() -> None:
    assert _lede_why("The council met on Tuesday and approved the budget.", 0, 52) is None
