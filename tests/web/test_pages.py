"""The pages on the seed: every article highlighted, Xi Jinping's page, the home page's figures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.web import create_app


@pytest.fixture(scope="module")
def client(seed_kb: Path) -> TestClient:
    return TestClient(create_app(seed_kb), raise_server_exceptions=False)


def test_pages_five_seed_articles_with_their_facts_highlighted(client: TestClient) -> None:
    rows = client.get("/api/articles").json()["rows"]
    assert len(rows) == 5
    for head in rows:
        facts = client.get(f"/api/article/{head['id']}").json()["facts"]
        html = client.get(f"/article/{head['id']}").text
        body = html.split('<div class="body" id="text">', 1)[1].split("</div>", 1)[0]
        body_mentions = [m for m in facts["mentions"] if m["field"] == "text"]
        assert len(re.findall(r'class="hl hl-(?:person|org|place|norp|other)"', body)) >= len(body_mentions)
        assert body.count('class="hl hl-event"') >= len([e for e in facts["events"] if e["trigger"]["field"] == "text"])
        assert body.count('class="hl hl-figure"') == len([f for f in facts["figures"] if f["field"] == "text"])
        assert body.count('class="hl hl-time"') >= len([t for t in facts["times"] if t["field"] == "text"])
        for q in facts["quotes"]:
            assert f'id="quote-{q["id"]}-0"' in html
        assert 'id="main-event"' in html


def _read_from(client: TestClient, field: str, opening: str, closing: str) -> tuple[str, list[dict]] | None:
    """The HTML between ``opening`` and ``closing`` on the page of the first article with a mention
    read from ``field``, and those mentions; None when no article has one."""
    for head in client.get("/api/articles", params={"size": 200}).json()["rows"]:
        facts = client.get(f"/api/article/{head['id']}").json()["facts"]
        found = [m for m in facts["mentions"] if m["field"] == field]
        if found:
            html = client.get(f"/article/{head['id']}").text
            return html.split(opening, 1)[1].split(closing, 1)[0], found
    return None


def test_pages_deck_facts_highlighted_in_the_deck(client: TestClient) -> None:
    read = _read_from(client, "deck", '<p class="deck"', "</p>")
    assert read is not None, "the seed has a fact read from a deck"
    deck, in_deck = read
    assert deck.count('class="hl ') >= len(in_deck)


def test_pages_headline_facts_highlighted_in_the_headline(examples_kb: Path) -> None:
    read = _read_from(TestClient(create_app(examples_kb), raise_server_exceptions=False), "title", "<h1>", "</h1>")
    assert read is not None, "the example feeds have a fact read from a headline"
    title, in_title = read
    assert title.count('class="hl ') >= len(in_title)
    assert all(m["text"] in title for m in in_title)


def test_pages_kicker_truncation_and_boilerplate_shown(client: TestClient) -> None:
    pages = [client.get(f"/article/{h['id']}").text for h in client.get("/api/articles").json()["rows"]]
    assert any('<p class="kicker"' in p and "ICE DISPUTE" in p for p in pages)
    assert any('class="boilerplate"' in p and "Removed by the reader" in p for p in pages)


def test_pages_xi_jinping_entity_page(client: TestClient) -> None:
    html = client.get("/entity/Xi Jinping").text
    assert "<h1" in html and "Xi Jinping</h1>" in html
    assert "習近平" in html
    articles = html.split('id="entity-articles"', 1)[1].split("</ol>", 1)[0]
    assert articles.count("<li>") == 2
    assert "<svg" in html and "<circle" in html  # the co-occurrence network, drawn server-side


def test_pages_entity_page_lists_a_few_of_each_and_links_to_all_of_them(client: TestClient, monkeypatch) -> None:
    """An entity's page shows its newest ``ENTITY_ITEMS`` quotes, events and articles; when there
    are more, each list links to the full filtered list, which holds every one of them."""
    from newsgraph.web import pages

    xi = client.get("/api/entity/Xi Jinping").json()
    key = xi["entity"]["id"]
    full = client.get(f"/articles?entity={key}").text
    assert full.count('<li>') - full.count('<li class="muted">') >= 2 and "No article matches" not in full
    assert len(client.get("/api/articles", params={"entity": "Xi Jinping"}).json()["rows"]) == 2
    assert client.get("/api/articles", params={"entity": "Nobody Atall"}).json()["rows"] == []
    html = client.get("/entity/Xi Jinping").text
    assert f'href="/articles?entity={key}"' in html and "All 2 articles" not in html  # all of them shown already
    monkeypatch.setattr(pages, "ENTITY_ITEMS", 1)
    cut = client.get("/entity/Xi Jinping").text
    listed = cut.split('id="entity-articles"', 1)[1].split("</ol>", 1)[0]
    assert listed.count("<li>") == 1 and "All 2 articles naming Xi Jinping" in cut
    said = cut.split("What Xi Jinping said", 1)[1].split("</section>", 1)[0]
    assert said.count('<figure class="quote-card') <= 1


def test_pages_counts_agree_with_their_nouns(client: TestClient) -> None:
    """"1 article", never "1 articles": every count the pages print agrees with its noun."""
    story = client.get("/api/stories").json()["rows"][0]["id"]
    pages = ["/", "/stories", f"/story/{story}", "/entity/Xi Jinping", "/entity/Toshimitsu Motegi"]
    for path in pages:
        response = client.get(path)
        html = response.text
        assert response.status_code == 200, path
        wrong = re.findall(r"(?<![\d,.])1 (?:articles|mentions|quotes|events|figures|shared articles)\b", html)
        assert not wrong, (path, wrong)
    home = client.get("/").text
    assert re.search(r"(?<![\d,.])1 article\b", home)  # the seed has people named in one article


def test_pages_home_shows_the_anonymous_share(client: TestClient) -> None:
    summary = client.get("/api/summary").json()
    html = client.get("/").text
    share = f"{100 * summary['anonymous_share']:.0f}%"
    section = html.split('id="anonymous-share"', 1)[1].split("</section>", 1)[0]
    assert share in section and "<meter" in section
    assert "Xi Jinping" in html and "Donald Trump" in html


@pytest.mark.parametrize("path", ["/articles", "/entities?type=PERSON", "/quotes?anonymous=true", "/events?type=CONSULT",
                                  "/figures", "/brief?since=2025-10-01", "/quotes?speaker=Toshimitsu Motegi"])
def test_pages_lists_render(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200 and "</html>" in response.text


def test_pages_errors_are_pages_with_codes(client: TestClient) -> None:
    response = client.get("/article/art_missing")
    assert response.status_code == 404 and "NG401" in response.text and "<html" in response.text
    assert client.get("/entity/Nobody Atall").status_code == 404
    assert client.get("/quotes?since=soon").status_code == 422


def test_pages_list_paging_links(client: TestClient) -> None:
    html = client.get("/entities", params={"size": 5}).text
    link = re.search(r'<a class="next" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    second = client.get(link).text
    assert "« first page" in second


def test_pages_search_marks_the_match_and_ranks_the_soybean_article_first(client: TestClient) -> None:
    html = client.get("/search", params={"q": "soybeans"}).text
    first = html.split('<ol class="hits">', 1)[1].split("</li>", 1)[0]
    assert "<mark>soybeans</mark>" in first
    top = client.get("/api/search", params={"q": "soybeans"}).json()["rows"][0]["article_id"]
    assert f'href="/article/{top}"' in first


def test_pages_search_filters_reach_the_search(client: TestClient) -> None:
    html = client.get("/search", params={"q": "soybeans", "mode": "text", "since": "2030-01-01"}).text
    assert "Nothing found" in html and 'value="2030-01-01"' in html
    assert client.get("/search", params={"q": "soybeans", "mode": "nonsense"}).status_code == 422


def test_pages_story_page_shows_its_first_quotes_and_links_to_all(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    import newsgraph.web.pages as web_pages

    stories = client.get("/api/stories", params={"size": 200}).json()["rows"]
    whole = {s["id"]: client.get(f"/api/story/{s['id']}", params={"size": 200}).json()["story"] for s in stories}
    sid = max(whole, key=lambda k: (whole[k]["quote_count"], k))
    count = whole[sid]["quote_count"]
    assert count >= 2
    html = client.get(f"/story/{sid}").text
    assert html.count('<blockquote class="card">') == min(count, web_pages.STORY_FACTS)
    monkeypatch.setattr(web_pages, "STORY_FACTS", 1)
    html = client.get(f"/story/{sid}").text
    assert html.count('<blockquote class="card">') == 1
    assert f'<a href="/quotes?story={sid}">All {count} quotes</a>' in html
    listed = client.get("/quotes", params={"story": sid, "size": 200}).text
    assert f'<input type="hidden" name="story" value="{sid}">' in listed and f'href="/story/{sid}"' in listed
    assert listed.count("<figure class=\"quote-card") == count


def test_pages_story_page_shows_timeline_entities_and_articles(client: TestClient) -> None:
    story = client.get("/api/stories").json()["rows"][0]
    html = client.get(f"/story/{story['id']}").text
    assert "<h2>Timeline" in html and "<h2>Main entities</h2>" in html and "<h2>Articles</h2>" in html
    for aid in story["article_ids"]:
        assert f'href="/article/{aid}"' in html
    assert client.get("/story/sto_nope").status_code == 404


def test_pages_events_typed_by_default_all_shows_other(client: TestClient) -> None:
    other = client.get("/api/events", params={"type": "OTHER", "main": "false"}).json()["rows"]
    assert other, "the seed has untyped events"
    typed = client.get("/events").text
    every = client.get("/events", params={"all": "true"}).text

    def other_rows(html: str) -> int:  # untyped rows that are not an article's main event
        rows = html.split("<tbody>", 1)[1].split("<tr")[1:]
        return sum("<td>OTHER</td>" in r and 'class="main-row"' not in r for r in rows)

    assert other_rows(typed) == 0
    assert other_rows(every) > 0
