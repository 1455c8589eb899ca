"""A deck (the standfirst split off the body) and a headline are read for facts too, their evidence marked as such."""

from __future__ import annotations

from newsgraph.model import Article, ArticleFacts, SourceFormat, SourcePointer, article_id, check_evidence
from newsgraph.nlp import extract
from newsgraph.nlp.pipeline import headline_apart


def test_extract_reads_the_deck_and_keeps_its_offsets_in_the_deck() -> None:
    article = Article(
        id="art_deck", source=SourcePointer(path="dump.txt", format=SourceFormat.TEXT, line=3),
        kicker="RAIL STRIKE",
        deck="Drivers want a 7 percent raise, with the vote resting on 4,000 union members next week",
        text="Train drivers across Norway walked out on Monday, the union said.\nTalks resume on Friday.",
    )
    [facts] = list(extract([article]))
    deck_figures = [f for f in facts.figures if f.evidence.field == "deck"]
    assert {(f.evidence.text, f.value, f.unit) for f in deck_figures} == {
        ("7 percent", 7.0, "percent"), ("4,000", 4000.0, "count")}
    every = [m.evidence for m in facts.mentions] + [f.evidence for f in facts.figures] + [t.evidence for t in facts.times]
    for evidence in every:
        assert evidence.article_id == "art_deck"
        assert check_evidence(evidence, getattr(article, evidence.field)) is None
    assert len({m.id for m in facts.mentions}) == len(facts.mentions)  # deck ids never collide with body ids
    assert sum(e.main for e in facts.events) == 1 and all(not e.main for e in facts.events
                                                          if e.trigger.field == "deck")


def test_extract_deck_names_join_the_body_entities() -> None:
    article = Article(
        id="art_deck2", source=SourcePointer(path="dump.txt", format=SourceFormat.TEXT, line=9),
        deck="Rasmussen wants the Baltic ferry subsidy cut in half before the summer timetable",
        text="Danish Transport Minister Anna Rasmussen said on Tuesday that the ferry subsidy would be reviewed.",
    )
    [facts] = list(extract([article]))
    people = [e for e in facts.entities if e.type == "PERSON"]
    assert [e.name for e in people] == ["Anna Rasmussen"]
    by_id = {m.id: m for m in facts.mentions}
    assert sorted((by_id[i].evidence.text, by_id[i].evidence.field) for i in people[0].mention_ids) == [
        ("Anna Rasmussen", "text"), ("Rasmussen", "deck")]
    assert {by_id[i].cluster for i in people[0].mention_ids} == {people[0].key}


# --- the headline, read as the deck is ---------------------------------------------------------


def _headlined(title: str, text: str, fmt: SourceFormat = SourceFormat.TEXT) -> tuple[Article, ArticleFacts]:
    """An article with ``title`` split off its ``text``, and its facts."""
    article = Article(id=article_id("feed", title + text), source=SourcePointer(path="feed", format=fmt), title=title, text=text)
    [facts] = list(extract([article]))
    return article, facts


def test_extract_reads_a_sentence_case_headline_with_offsets_in_the_title() -> None:
    article, facts = _headlined(
        "Greens quit Oslo coalition over Tollbridge airport plan",
        "The Green Party left the ruling coalition in Oslo on Tuesday after councillors backed a third runway "
        "at Tollbridge airport. Party leader Mia Strand said the vote broke the coalition's climate promise.",
    )
    in_title = [m for m in facts.mentions if m.evidence.field == "title"]
    assert "Oslo" in {m.evidence.text for m in in_title}
    every = ([m.evidence for m in facts.mentions] + [e.trigger for e in facts.events] + [t.evidence for t in facts.times]
             + [f.evidence for f in facts.figures])
    for evidence in every:
        assert evidence.article_id == article.id
        assert check_evidence(evidence, getattr(article, evidence.field)) is None
    assert len({m.id for m in facts.mentions}) == len(facts.mentions)  # headline ids never collide with body ids
    oslo = [e for e in facts.entities if e.name == "Oslo"]
    assert len(oslo) == 1  # the headline's Oslo is the body's
    assert sum(e.main for e in facts.events) == 1  # one main event, wherever it is told


def test_extract_headline_name_joins_the_body_entity_it_names_whatever_its_type() -> None:
    # a one-word name in a headline has little around it to type it; the body calls its person so too
    _, facts = _headlined(
        "Brighouse chasing a first world title",
        "Hurdler Tessa Brighouse says she can win her first world title in Madrid next month. "
        "Brighouse, 27, was fourth last year.",
    )
    by_id = {m.id: m for m in facts.mentions}
    tessa = [e for e in facts.entities if e.name == "Tessa Brighouse"]
    assert len(tessa) == 1 and tessa[0].type == "PERSON"
    fields = sorted((by_id[i].evidence.text, by_id[i].evidence.field, by_id[i].type) for i in tessa[0].mention_ids)
    assert ("Brighouse", "title", "PERSON") in fields
    assert not [e for e in facts.entities if e.name == "Brighouse"]


def test_extract_reads_a_title_case_headline_as_the_sentence_it_is() -> None:
    # read as the text's first line, a Title Case headline is parsed again in sentence case
    # (nlp/titlecase.py): the town stays a place, the tram and its derailing no organisation
    article, facts = _headlined("Tram Derails Near Croydon Station After Storm",
                                "A tram came off the rails near Croydon on Sunday, the operator said.")
    in_title = {m.evidence.text: m.type for m in facts.mentions if m.evidence.field == "title"}
    assert in_title.get("Croydon") == "GPE" and not any("Tram" in name for name in in_title), in_title
    assert headline_apart(article) == article.title
    assert headline_apart(Article(id="a", source=article.source, title="  ", text="Body.")) is None
    assert headline_apart(Article(id="a", source=article.source, title="Body opens", text="Body opens here.")) is None


def test_extract_main_event_may_come_from_a_headline_kept_apart() -> None:
    # the reader kept the headline apart; the main event is read as if it were the text's first line
    article, facts = _headlined("Ferry crews strike over pay in Tallinn",
                                "Crews of the Baltic Star walked out on Monday, halting crossings, the union said.")
    assert facts.main is not None and facts.main.what is not None
    for part in ("who", "what", "when", "where", "why", "how"):
        evidence = getattr(facts.main, part)
        if evidence is not None:
            assert check_evidence(evidence, getattr(article, evidence.field)) is None


def test_extract_drops_a_headline_opener_read_as_a_person_the_body_never_names() -> None:
    # every headline capitalises its first word: "Hunt" here is the hunt, and the body names no Hunt
    _, facts = _headlined(
        "Hunt demo at Tory rally",
        "Supporters of fox hunting marched outside the Conservative rally in Brighton on Monday, "
        "police said. About 2,000 people took part.",
    )
    in_title = {m.evidence.text: m.type for m in facts.mentions if m.evidence.field == "title"}
    assert "Hunt" not in in_title and in_title.get("Tory") == "ORG", in_title
    known = {m.id for m in facts.mentions}
    for event in facts.events:  # no event points at a mention that is gone
        for arg in (*event.actors, *event.targets, event.place):
            assert arg is None or arg.mention_id is None or arg.mention_id in known


def test_extract_reads_a_headline_once_when_the_text_opens_with_it() -> None:
    title = "Greens quit Oslo coalition over airport plan"
    _, facts = _headlined(title, title + "\nThe Green Party left the ruling coalition in Oslo on Tuesday.", SourceFormat.HTML)
    assert not [m for m in facts.mentions if m.evidence.field == "title"]
    assert [m.evidence.start for m in facts.mentions if m.evidence.text == "Oslo"][0] < len(title)


def test_extract_keeps_a_headline_opener_that_is_a_known_name() -> None:
    # "House" read as an organisation goes; a country, a continent, an institution or an acronym stays
    _, facts = _headlined("House prices slip in the new year", "Average prices fell by 0.4% in January, the lender said.")
    assert not [m for m in facts.mentions if m.evidence.field == "title"]
    for title, name in (("Norway nears record jobless level", "Norway"), ("Europe backs digital radio plan", "Europe"),
                        ("NATO warns of longer mission", "NATO")):
        _, facts = _headlined(title, "Officials said on Monday that the figures would be published next week.")
        assert name in {m.evidence.text for m in facts.mentions if m.evidence.field == "title"}, title


def test_a_title_of_several_lines_or_too_long_is_no_headline() -> None:
    source = SourcePointer(path="feed", format=SourceFormat.JSONL)
    assert headline_apart(Article(id="a", source=source, title="Two\nlines", text="Body.")) is None
    assert headline_apart(Article(id="a", source=source, title="word " * 100, text="Body.")) is None
    assert headline_apart(Article(id="a", source=source, title="Port reopens", text="Body.")) == "Port reopens"
