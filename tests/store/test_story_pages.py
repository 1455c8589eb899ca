"""Stories a page at a time (the HTTP API's keyset paging): pages of ids after a cursor, in id
order, walk every story once, and agree with the full listing."""

from __future__ import annotations

from pathlib import Path

from newsgraph.query.stories import list_stories


def test_pages_after_an_id_walk_every_story_once(seed_kb: Path) -> None:
    every = list_stories(seed_kb)
    assert len(every) >= 5
    walked, after = [], ""
    while True:
        page = list_stories(seed_kb, after=after, limit=2)
        walked += page
        if len(page) < 2:
            break
        after = page[-1].id
    assert [s.id for s in walked] == sorted(s.id for s in every)
    assert {s.id: s for s in walked} == {s.id: s for s in every}
    assert list_stories(seed_kb, after=max(s.id for s in every), limit=2) == []
