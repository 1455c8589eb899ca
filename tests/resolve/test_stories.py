"""Story clustering on model objects: features, marks, stable ids across batches, copies."""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

import pytest

from newsgraph.model import Article, SourceFormat, SourcePointer, Story, StoryFeatures
from newsgraph.resolve.stories import Neighbourhood, StoryClustering, cluster_stories, document_keys
from newsgraph.resolve.story_features import lede, marks, stem, story_features


def _article(name: str, text: str, title: str | None = None, published: datetime | None = None) -> Article:
    return Article(id=f"art_{name}", text=text, title=title, published=published,
                   source=SourcePointer(path=f"{name}.txt", format=SourceFormat.TEXT))


def _happenings(test_data: Path, *, dated: bool) -> list[tuple[str, Article]]:
    out = []
    for line in (test_data / "stories" / "happenings.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        published = datetime.fromisoformat(r["date"].replace("Z", "+00:00")) if dated else None
        out.append((r["id"].rsplit("-", 1)[0], _article(r["id"], r["text"], r["title"], published)))
    return out


class _Store:
    """A stand-in for the store's part in clustering: what the batches before wrote."""

    def __init__(self) -> None:
        self.stories: dict[str, Story] = {}
        self.features: dict[str, StoryFeatures] = {}
        self.df: Counter[str] = Counter()

    def add(self, batch: list[StoryFeatures], copies: dict[str, str] | None = None) -> StoryClustering:
        around = Neighbourhood(stories=list(self.stories.values()), features=dict(self.features),
                               copies=copies or {}, df=dict(self.df), documents=len(self.features))
        result = cluster_stories(batch, around)
        for gone in result.removed:
            del self.stories[gone]
        self.stories.update((s.id, s) for s in result.stories)
        for f in batch:
            self.features[f.article_id] = f
            self.df.update(document_keys(f))
        return result

    def story_of(self, article_id: str) -> Story:
        return next(s for s in self.stories.values() if article_id in s.article_ids)


def test_stem_meets_inflections_at_one_form() -> None:
    assert stem("arrests") == stem("arrested") == stem("arresting") == stem("arrest")
    assert stem("earthquakes") == stem("earthquake")


def test_marks_reads_years_dates_and_counts() -> None:
    found = marks("On November 12, 2011 the navy seized 23 Somali pirates; 9 people died on 3 May. "
                  "Magnitude 6.4 struck at 4:12 a.m. Dumont, 61, was 61 years old.")
    assert found == ("d05-03", "d11-12", "n23:pirat", "n9:peopl", "y2011")


def test_lede_skips_urls_and_short_lines() -> None:
    text = "http: / / www. example. com / a / b. aspx\nMay 3, 2011\nThe navy seized a ship off the coast. It was the third."
    assert lede(text) == "The navy seized a ship off the coast."


def test_cluster_stories_joins_reports_of_one_happening_and_keeps_two_of_one_kind_apart(test_data: Path) -> None:
    """Without dates or entities: text, places and numbers alone tell the happenings apart."""
    happenings = _happenings(test_data, dated=False)
    store = _Store()
    store.add([story_features(a) for _, a in happenings])
    found = {frozenset(s.article_ids) for s in store.stories.values()}
    gold: dict[str, set[str]] = {}
    for happening, a in happenings:
        gold.setdefault(happening, set()).add(a.id)
    assert found == {frozenset(g) for g in gold.values()}


@pytest.mark.parametrize("order", [0, 1, 2])
def test_cluster_stories_gives_the_same_stories_whatever_the_batches(test_data: Path, order: int) -> None:
    happenings = [a for _, a in _happenings(test_data, dated=True)]
    batches = [[happenings], [happenings[:3], happenings[3:]], [[a] for a in reversed(happenings)]][order]
    store = _Store()
    for batch in batches:
        store.add([story_features(a) for a in batch])
    assert sorted(len(s.article_ids) for s in store.stories.values()) == [1, 2, 2, 2]


def test_cluster_stories_story_keeps_its_id_when_it_grows(test_data: Path) -> None:
    quake = [a for h, a in _happenings(test_data, dated=True) if h == "quake-arequipa"]
    store = _Store()
    first = store.add([story_features(quake[0])]).stories[0]
    grown = store.add([story_features(quake[1])])
    assert [s.id for s in grown.stories] == [first.id]
    assert grown.stories[0].article_ids == tuple(sorted(a.id for a in quake))
    assert grown.stories[0].start == quake[0].published and grown.stories[0].end == quake[1].published
    assert grown.removed == ()


def test_cluster_stories_merge_keeps_the_larger_id_and_records_the_absorbed_one() -> None:
    when = datetime(2025, 5, 1, tzinfo=timezone.utc)
    base = "The river Ostra burst its banks at Velden on Thursday and flooded the old town, mayor Anna Berg said."
    big = [_article("a", base + " Sandbags were piled along the quay.", published=when),
           _article("b", base + " Sandbags lined the quay overnight.", published=when)]
    small = [_article("c", "Farmers near Kessel, downstream on the Ostra, counted dead cattle in drowned pastures on Thursday.",
                      published=when)]
    bridge = [_article("d", "Farmers near Kessel counted dead cattle in drowned pastures after the Ostra burst its banks "
                            "at Velden and flooded the old town, mayor Anna Berg said.", published=when)]
    store = _Store()
    store.add([story_features(a) for a in big])
    store.add([story_features(a) for a in small])
    assert len(store.stories) == 2
    big_id, small_id = store.story_of("art_a").id, store.story_of("art_c").id
    result = store.add([story_features(a) for a in bridge])
    assert result.removed == (small_id,)
    assert list(store.stories) == [big_id]
    merged = store.stories[big_id]
    assert merged.article_ids == ("art_a", "art_b", "art_c", "art_d") and merged.merged_ids == (small_id,)


def test_cluster_stories_split_leaves_the_id_to_the_larger_part(test_data: Path) -> None:
    """A stored story that re-clustering finds to be two happenings splits; the larger part keeps its id."""
    happenings = _happenings(test_data, dated=True)
    lyon = [a for h, a in happenings if h == "arrest-dumont"][:2]
    quake = [a for h, a in happenings if h == "quake-trujillo"][:1]
    features = {a.id: story_features(a) for a in lyon + quake}
    wrong = Story(id="sto_wrong", title="mixed", article_ids=tuple(sorted(features)))
    df = Counter(k for f in features.values() for k in document_keys(f))
    late = [a for h, a in happenings if h == "quake-arequipa"][:1]
    result = cluster_stories([story_features(late[0])], Neighbourhood(stories=[wrong], features=features, df=df,
                                                                     documents=len(features)))
    by_id = {s.id: s for s in result.stories}
    assert set(by_id["sto_wrong"].article_ids) == {a.id for a in lyon}
    assert {s.article_ids for s in result.stories if s.id != "sto_wrong"} == {(quake[0].id,), (late[0].id,)}


def test_cluster_stories_near_duplicate_copy_falls_into_its_originals_story(test_data: Path) -> None:
    quake = [a for h, a in _happenings(test_data, dated=True) if h == "quake-arequipa"]
    store = _Store()
    store.add([story_features(quake[0])])
    story = store.story_of(quake[0].id)
    result = store.add([story_features(quake[1])], copies={"art_copy": quake[0].id})
    assert [s.id for s in result.stories] == [story.id]
    assert "art_copy" in store.stories[story.id].article_ids
