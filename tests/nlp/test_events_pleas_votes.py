"""Pleas, votes and plans told (issue 12, point 1): a plea of guilty concedes and one of not
guilty rejects the charge, a vote against something rejects it, members of parliament act, and a
party that says it would do something has told a plan, where a survey showing what people would
do, or a plan on a condition, tells none. Read off the development sets
(tests/golden/events-bbc/dev2.json, dev3.json); the sentences here are the team's own."""

from __future__ import annotations

import pytest



@pytest.fixture(scope="module")
def nlp(full_nlp):
    return full_nlp  # the whole pipeline, loaded once a session (conftest.py)


@pytest.mark.parametrize(
    ("text", "trigger", "code"),
    [
        ("Three bank executives have pleaded guilty to fraud charges.", "pleaded", "CONCEDE"),
        ("Lind pleaded not guilty to the murder of his neighbour.", "pleaded", "REJECT"),
        ("The mother pleaded with the kidnappers to let her son go.", "pleaded", "REQUEST"),
        ("Some 32 Labour MPs voted against the bill last week.", "voted", "REJECT"),
        ("The senators voted for the motion on Tuesday.", "voted", "SUPPORT"),
        ("MEPs criticised the commission's plan.", "criticised", "ACCUSE"),
        ("The club sacked its manager after ten defeats.", "sacked", "SANCTION"),
        ("Rival comedians ridiculed the award ceremony.", "ridiculed", "ACCUSE"),
        ("The driver confessed to the robbery.", "confessed", "CONCEDE"),
        # a plan the party tells of its own act
        ("Ms Okafor confirmed she would vote against the government.", "vote", "REJECT"),
    ],
)
def test_pleas_votes_and_plans_told_are_typed(nlp, codes, text: str, trigger: str, code: str) -> None:
    assert codes(nlp, text, trigger) == [code]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The survey showed people would accept the scheme if they felt safe.", "accept"),
        ("He said the firm could sue the bank.", "sue"),
        ("Mr Lind said he would sue the bank if the payment was late.", "sue"),
        ("A sack of rice was left at the door.", "sack"),
    ],
)
def test_what_is_only_supposed_or_a_thing_is_not_typed(nlp, codes, text: str, trigger: str) -> None:
    assert codes(nlp, text, trigger) in ([], ["OTHER"])
