"""Highlighting from offsets: escaped text, nested and crossing spans kept well formed."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from newsgraph.web.highlight import Span, render


class Balance(HTMLParser):
    """Checks that every element closes in order; collects the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (self.stack, tag)
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parsed(html: str) -> Balance:
    p = Balance()
    p.feed(html)
    p.close()
    assert not p.stack
    return p


def test_highlight_escapes_every_piece() -> None:
    text = "a <b>&\"'</b> c"
    html = str(render(text, [Span(2, 5, "PERSON")]))
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert "".join(parsed(html).text) == text


@pytest.mark.parametrize("spans", [
    [Span(0, 10, "quote"), Span(2, 4, "PERSON", href="/entity/e1")],            # nested
    [Span(0, 6, "quote"), Span(4, 9, "figure")],                                 # crossing
    [Span(0, 6, "quote"), Span(0, 6, "speaker"), Span(0, 6, "PERSON", href="/e")],  # same extent
    [Span(1, 8, "event"), Span(3, 5, "time"), Span(4, 11, "quote", after=("/e", "— X"))],
    [Span(2, 2, "figure"), Span(5, 99, "time")],                                 # empty and out of range: dropped
])
def test_highlight_spans_stay_well_formed(spans) -> None:
    text = "0123456789 abc"
    html = str(render(text, spans))
    p = parsed(html)
    assert "".join(p.text).replace("— X", "") == text


def test_highlight_no_link_inside_a_link() -> None:
    html = str(render("Ann Lee said", [Span(0, 7, "PERSON", href="/entity/a"), Span(4, 7, "PERSON", href="/entity/b")]))
    assert html.count("<a ") == 1 and "/entity/b" not in html


def test_highlight_paragraph_breaks_and_points() -> None:
    html = str(render("one\ntwo", [Span(0, 7, "quote")], [(4, "<del>x</del>")]))
    assert '<span class="para"></span>' in html and "<del>x</del>two" in html
    parsed(html)
