"""Long texts are read in bounded windows; every offset stays exact in the article's text."""

from __future__ import annotations

import pytest

from newsgraph.model import Article, SourceFormat, SourcePointer, check_evidence
from newsgraph.nlp import extract
from newsgraph.nlp.windows import cut_point, windows

SENTENCES = (
    "Mayor Lena Ortiz said on Monday that the harbour would reopen with {n} new berths.",
    "The port authority spent 4.{n} million euros on the works, officials said.",
    "Dockworkers in Bergen welcomed the plan, according to the union leader Tomas Berg.",
)


def one_line(count: int) -> str:
    """A text on a single line (no newline at all), ``count`` sentences long."""
    return " ".join(SENTENCES[i % 3].format(n=i) for i in range(count))


@pytest.fixture(scope="module")
def nlp(full_nlp):
    return full_nlp  # the whole pipeline, loaded once a session (conftest.py)


@pytest.mark.parametrize("text", [
    one_line(200),                                   # one line: cut at sentence ends
    "word " * 5000,                                  # no sentence end: cut at spaces
    "x" * 7000,                                      # no space at all: cut hard
    "\n".join(one_line(6) for _ in range(40)),       # paragraphs: cut at line breaks
])
def test_windows_cover_the_text_exactly_within_the_size(text: str) -> None:
    found = windows(text, 1000)
    assert "".join(text[s:e] for s, e in found) == text
    assert all(e - s <= 1000 for s, e in found) and found[0][0] == 0 and found[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(found, found[1:]))
    if "\n" in text:
        assert all(text[e - 1] == "\n" for _, e in found[:-1])
    elif ". " in text:
        assert all(text[e - 2 : e] == ". " for _, e in found[:-1])


def test_cut_point_stops_at_a_sentence_end_before_the_limit() -> None:
    text = one_line(100)
    cut = cut_point(text, 3000)
    assert cut <= 3000 and text[cut - 2 : cut] == ". "
    assert cut_point(text, 0) == len(text) == cut_point(text, len(text))


def test_extract_reads_a_long_one_line_text_in_windows_with_exact_offsets(nlp) -> None:
    text = one_line(90)  # ~7,000 characters, one line
    article = Article(id="art_long", source=SourcePointer(path="long.txt", format=SourceFormat.TEXT, line=1), text=text)
    [facts] = list(extract([article], nlp=nlp, window_chars=1500))
    evidences = ([m.evidence for m in facts.mentions] + [f.evidence for f in facts.figures]
                 + [t.evidence for t in facts.times] + [e.trigger for e in facts.events])
    assert evidences and all(ev.article_id == "art_long" and check_evidence(ev, text) is None for ev in evidences)
    assert max(f.evidence.start for f in facts.figures) > len(text) - 300  # the last window was read
    assert len({m.id for m in facts.mentions}) == len(facts.mentions)
    ortiz = [e for e in facts.entities if e.name == "Lena Ortiz"]
    assert len(ortiz) == 1 and len(ortiz[0].mention_ids) == 30  # one identity across the windows
    assert sum(e.main for e in facts.events) == 1


def test_extract_in_windows_finds_what_the_whole_text_finds(nlp) -> None:
    text = "\n".join(one_line(4 + i % 3) for i in range(12))  # paragraphs: windows end at line breaks
    article = Article(id="art_par", source=SourcePointer(path="p.txt", format=SourceFormat.TEXT, line=1), text=text)
    [whole] = list(extract([article], nlp=nlp))
    [windowed] = list(extract([article], nlp=nlp, window_chars=800))
    spans = lambda f: sorted((x.evidence.start, x.evidence.end, str(x.type)) for x in f.mentions)  # noqa: E731
    assert spans(windowed) == spans(whole)
    assert sorted((x.evidence.start, x.value) for x in windowed.figures) == sorted((x.evidence.start, x.value) for x in whole.figures)


def test_extract_with_max_chars_reads_only_the_first_part(nlp) -> None:
    text = one_line(60)
    article = Article(id="art_cap", source=SourcePointer(path="c.txt", format=SourceFormat.TEXT, line=1), text=text)
    [facts] = list(extract([article], nlp=nlp, max_chars=1000, window_chars=400))
    cut = cut_point(text, 1000)
    assert facts.mentions and all(m.evidence.end <= cut for m in facts.mentions)
    assert all(check_evidence(m.evidence, text) is None for m in facts.mentions)
