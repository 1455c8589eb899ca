"""An organisation's long name stays whole: a body's head word, "of the" and the place or body it
belongs to ("the Central Bank of the X Republic"), and a body "for" a cause that runs on over
"against" ("the Office for the Fight against X"). A club "of the" league it plays in is no part of
the league's name. Every sentence here was written for these tests (none comes from the golden
sets)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Reserve Bank of the Fiji Islands left its rate unchanged on Thursday.", "Reserve Bank of the Fiji Islands"),
        ("Inspectors from the Central Office for the Fight against Environmental Crime (OCLAESP) arrived on Monday.",
         "Central Office for the Fight against Environmental Crime"),
        ("Staff at the Bureau for the Protection of Migrant Workers said the cases had doubled.",
         "Bureau for the Protection of Migrant Workers"),
    ],
)
def test_a_long_name_of_a_body_is_whole(nlp, run, types, text: str, name: str) -> None:
    assert types(run(nlp, text)).get(name) == "ORG"
