"""The main event's how, where, why and who on sentences the team wrote: manner, means and
instrument phrases, the happening that caused a reported harm, the headline's name for where a
happening took place, and the cause the lede states (published on Wednesday 8 May 2024: the
main_event_of fixture, tests/conftest.py)."""

import pytest

from newsgraph.model import Article, SourceFormat, SourcePointer, article_id
from newsgraph.nlp.pipeline import make_doc


@pytest.fixture(scope="module")
def nlp(full_nlp):
    return full_nlp  # the whole pipeline, loaded once a session (conftest.py)




@pytest.mark.parametrize(
    ("text", "how"),
    [  # "by" with a gerund: the means
        ("The council cut its costs by closing two libraries.", "by closing two libraries"),
        # "after" with a gerund: the way the result came
        ("The champion won the race after surviving two crashes.", "after surviving two crashes"),
        # a "while" participle: what the doer was doing
        ("A farmer fell into a river while fishing with his son.", "fishing with his son"),
        # a harm and the happening that caused it
        ("Two people died when a bus overturned on a motorway.", "a bus overturned"),
        # ... its coordinated verbs, its particle
        ("Four people were hurt when a van skidded and overturned on an icy road.", "a van skidded and overturned"),
        # ... an "after" clause of a passive harm
        ("Six people were hurt after a van tipped over on a bend.", "a van tipped over"),
        # ... its instrument, without the place that follows it
        ("At least three people were killed when militants attacked a market with a car bomb near the port.",
         "with a car bomb"),
        # a harm the lede reports beside another main event
        ("Police arrested the driver of a lorry on Tuesday.\nFive people were injured when the lorry crashed into a shop.",
         "the lorry crashed"),
        # the manner of a verb coordinated with the main one, with its coordinated nouns
        ("The bakery has shrunk and reshaped two of its loaves, with thinner crusts and a wider gap between slices.",
         "with thinner crusts and a wider gap between slices"),
        # "despite" with a gerund: what the doer did on the way, with its quantity (not a place)
        ("The young rider escaped a bad fall on Sunday despite skidding her bike at 90mph.",
         "despite skidding her bike at 90mph"),
        # a harm and the incident it came in, named by its noun
        ("Four people have been hurt after a shooting near a stadium in Leeds.", "after a shooting"),
        # the means the lede gives when the main clause has none
        ("Officials restored the service on Monday.\nThey saved the records by moving them to a backup server.",
         "by moving them to a backup server"),
        # ... a long one cut before the clause inside it
        ("Officials ended the dispute on Monday.\nThe agency settled the matter by announcing that there would be no "
         "charges involving the files found at the office of the former minister of transport.",
         "by announcing that there would be no charges"),
    ],
)
def test_main_event_how(nlp, main_event_of, text, how) -> None:
    assert main_event_of(nlp, text)["how"] == how


@pytest.mark.parametrize(
    ("text", "how"),
    [  # no manner written: the act as the lede words it, never the phrase that only looks like one
        ("The agency stands by its decision.", "stands"),  # "stand by": the verb's complement, not a means
        ("The minister reportedly resigned on Monday.", "resigned"),  # a hedge, not a manner
        # a passive's agent is not a means, nor is "using" said of a noun
        ("Officials warned on Monday.\nThe industry faces a threat posed by downloading music without paying.", "faces"),
        ("The council met on Monday.\nMore people using the internet at home pay their bills online.", "pay"),
        # after a passive that is no harm, "as" is a time or a cause
        ("Pensioners are being promised help with energy bills as cold weather continues.", "are being promised"),
    ],
)
def test_main_event_no_manner(nlp, main_event_of, text, how) -> None:
    assert main_event_of(nlp, text)["how"] == how


@pytest.mark.parametrize(
    ("text", "how"),
    [  # a participle of result is what the happening brought about, not its manner
        ("A bus overturned on a motorway in Kent on Monday, killing three people.", "overturned"),
        ("A storm hit the coast of Kent on Monday, leaving thousands of homes without power.", "hit"),
        # a manner adverb with the act it qualifies, also past a "with" phrase the what takes in
        ("The young driver narrowly avoided a crash with a lorry on Sunday.", "narrowly avoided a crash with a lorry"),
        ("The goalkeeper has narrowly escaped a ban after the hearing.", "narrowly escaped a ban"),
        # a headline's event: the manner of the lede's main clause that tells it (also under "officials said")
        ("Rebels storm town in the north\nRebels stormed the town with tanks and artillery on Monday, officials said.",
         "with tanks and artillery"),
        # ... and a harm the lede reports, its sentences counted after the headline
        ("Tram derails in Leeds\nThe police said on Monday that the driver had been arrested. The mayor visited the "
         "scene. Five people were injured when the tram hit a wall.", "the tram hit"),
        # no manner written: the act as the lede's first sentence words it, the coders' usual how
        ("Fans angry at chocolate change\nFans of the chocolate bar have hit out at the company's decision to change "
         "its shape.", "have hit out"),
        ("Singer stages protest outside tower\nThe singer staged a protest outside the tower on Wednesday.", "staged"),
        # a harm and the incident it came in, named by a gerund
        ("Four people have been hurt after shooting near a stadium in Leeds.", "after shooting"),
    ],
)
def test_main_event_how_of_the_lede(nlp, main_event_of, text, how) -> None:
    assert main_event_of(nlp, text)["how"] == how


@pytest.mark.parametrize(
    ("text", "where"),
    [  # the headline names its happening by the place
        ("Leeds bus crash: Police name two victims\nPolice have named the two people who died on Monday. "
         "The crash happened on a road in West Yorkshire.",
         "Leeds"),
        # ... also when the incident qualifies another noun
        ("Leeds bus crash survivor tells of her escape\nA woman who survived the crash described the moment the bus "
         "hit a wall on Monday. The crash happened on a road in West Yorkshire.", "Leeds"),
        # a place in a speaker's words is not the scene when the reporter gives one
        ('Firefighters rescued a family from a burning house on Tuesday. "It reminded me of a fire in Chicago," '
         "a neighbour said. The house in Dayton was destroyed.", "Dayton"),
        # a place with its kind
        ("Soldiers attacked a village in Idlib province on Friday.", "Idlib province"),
        # a building the news happens outside of, whoever owns it; not the country of an office
        ("Nurses staged a protest outside Acme Hospital on Tuesday after the election of the President of the United States.",
         "Acme Hospital"),
        ("Farmers protested on Monday against the Governor of Texas.", None),
        # the part of a place a compass word names
        ("Floods hit villages in central China on Monday.", "central China"),
        ("Farmers warned on Monday that villages in south-east England face floods.", "south-east England"),
    ],
)
def test_main_event_where(nlp, main_event_of, text, where) -> None:
    assert main_event_of(nlp, text)["where"] == where


@pytest.mark.parametrize(
    ("text", "why"),
    [  # the cause of the happening that caused a harm
        ("Three people died when the bus overturned as it took a bend at high speed.", "as it took a bend at high speed"),
        # the lede's "after" clause when nothing states a cause
        ("The senator gained support on Sunday.\nHer lead grew after the agency found no evidence of wrongdoing.",
         "the agency found no evidence of wrongdoing"),
    ],
)
def test_main_event_why(nlp, main_event_of, text, why) -> None:
    assert main_event_of(nlp, text)["why"] == why


@pytest.mark.parametrize(
    ("text", "who"),
    [  # a name of two words is in full: a longer form with a stray word is not the name
        ("Max Verstappen wins in Brazil\nMax Verstappen won the race on Sunday. GETTY Max Verstappen celebrated with his team.",
         "Max Verstappen"),
        ("Lady Gaga protests in New York\nLady Gaga protested outside the tower on Tuesday. "
         "Photo: Instagram Lady Gaga posted a picture of the sign.", "Lady Gaga"),
        # ... but a longer form with a first name is the full name
        ("De Niro completes box office coup\nRobert De Niro has completed a rare box office double. "
         "De Niro's film took the top spot on Sunday.", "Robert De Niro"),
        # a sentence's capital word before the name is not part of it
        ("Musician Jane Porter protested outside the hall on Tuesday.", "Jane Porter"),
        # a one-word name is given in the form the article usually writes in full
        ("Trump wins in Ohio\nDonald Trump won the primary on Tuesday. Donald Trump thanked his voters.", "Donald Trump"),
    ],
)
def test_main_event_who_full_name(nlp, main_event_of, text, who) -> None:
    assert main_event_of(nlp, text)["who"] == who


@pytest.mark.parametrize(
    ("text", "who", "what"),
    [  # a quantity is judged by the people it counts, so its clause leads
        ("Hundreds of soldiers are trying to reach families trapped by the floods.\n"
         "Rescuers have spent days in the mud in Derna since Sunday.", "Hundreds of soldiers", "are trying to reach families"),
    ],
)
def test_main_event_counted_doer(nlp, main_event_of, text, who, what) -> None:
    main = main_event_of(nlp, text)
    assert (main["who"], main["what"]) == (who, what)


@pytest.mark.parametrize(
    ("text", "who"),
    [  # a labelled headline: the doer is the name after the colon
        ("Champions League 2024: Real Madrid end long wait after victory over Dortmund\n"
         "The club are champions again after a 2-0 win at Wembley.", "Real Madrid"),
        # the doer's place is the where, not part of the who
        ("Dozens of firefighters in Spain are battling a forest fire near Valencia.", "Dozens of firefighters"),
    ],
)
def test_main_event_who_phrase(nlp, main_event_of, text, who) -> None:
    assert main_event_of(nlp, text)["who"] == who


def test_main_event_why_is_not_the_person_blamed(nlp, main_event_of) -> None:
    text = ("Senator concedes the race\nThe senator conceded the race on Sunday. She blamed her defeat on agency "
            "director John Smith. She criticised Smith for reopening the inquiry days before the vote.")
    assert main_event_of(nlp, text)["why"] == "for reopening the inquiry days before the vote"


def test_main_event_after_a_passive_is_a_cause_not_a_how(nlp, main_event_of) -> None:
    main = main_event_of(nlp, "The singer has been charged after allegedly stealing a car in Leeds.")
    assert main["how"] == "has been charged" and main["why"].startswith("after allegedly stealing a car")


def test_lede_after_is_not_the_main_clause_itself(nlp) -> None:
    from newsgraph.nlp.main_event import lede_after

    text = "Shares fell sharply on Monday after the firm saw its profits cut by half."
    article = Article(id=article_id("after", text), source=SourcePointer(path="t", format=SourceFormat.TEXT), text=text)
    doc = nlp(make_doc(nlp, article))
    fell, saw = (next(t for t in doc if t.text == w) for w in ("fell", "saw"))
    start, end = lede_after(doc, fell)
    assert doc[start:end].text == "the firm saw its profits cut by half"
    assert lede_after(doc, saw) is None


def test_main_event_who_is_not_a_fixture_it_happened_to(nlp, main_event_of) -> None:
    # a named place or fixture that was stopped is no doer: the person whose act stopped it leads
    text = "A chaotic Mexican Grand Prix was suspended on lap 12 after Jane Porter crashed out in the rain."
    assert main_event_of(nlp, text)["who"] == "Jane Porter"


def test_main_event_who_is_not_the_place_a_happening_is_named_by(nlp, main_event_of) -> None:
    # "Boston shooting": the place is the where of the shooting, not its doer
    text = ("Boston shooting leaves five hurt in Boston near protests against the mayor\n"
            "Two people were said to have serious injuries after a shooting near a demonstration.")
    main = main_event_of(nlp, text)
    assert (main["who"], main["what"], main["where"]) == ("Boston shooting", "leaves five hurt", "Boston")


@pytest.mark.parametrize(
    ("text", "who"),
    [  # three or more named doers: each did it, so the who names them all
        ("Jane Porter, Tom Hill and Sam Reed crash out as the Italian race is hit by rain.", "Jane Porter, Tom Hill and Sam Reed"),
        # a pair stays its first name (often a doer and a partner)
        ("Jane Porter and Tom Hill lead the parade in Leeds on Sunday.", "Jane Porter"),
    ],
)
def test_main_event_who_lists_three_doers(nlp, main_event_of, text, who) -> None:
    assert main_event_of(nlp, text)["who"] == who


def test_a_page_button_is_no_act_of_the_lede(nlp) -> None:
    # "Click to share": a bare verb without subject or auxiliary is a page's button, not the act
    from newsgraph.nlp.main_event import _imperative

    text = "Click to share on Facebook. The mayor opened the new bridge on Monday."
    article = Article(id=article_id("click", text), source=SourcePointer(path="t", format=SourceFormat.TEXT), text=text)
    doc = nlp(make_doc(nlp, article))
    click, opened = (next(t for t in doc if t.text == w) for w in ("Click", "opened"))
    assert _imperative(click) and not _imperative(opened)


def test_main_event_of_a_title_case_headline(nlp, main_event_of) -> None:
    # read in sentence case, the headline's verb is its event (not "Tram Derails", an organisation)
    text = "Tram Derails In Leeds, Injuring At Least Five\nThe police said that the driver had been arrested after the accident."
    main = main_event_of(nlp, text)
    assert (main["who"], main["what"]) == ("Tram", "Derails In Leeds")
